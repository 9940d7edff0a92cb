"""parse_message survives real malformed and unusual mail from public parser test suites.

Surviving means a Message, or MalformedMessage for input with no header at all; any other
exception is a bug. The corpus lives outside the repository and is used when present.
"""

from __future__ import annotations

import mailbox
from datetime import datetime
from pathlib import Path

import pytest

from assistant.mail import MalformedMessage, Message, parse_message

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mail"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"mail corpus not found at {CORPUS}")


def _corpus() -> list[tuple[str, bytes]]:
    if not CORPUS.is_dir():
        return []
    messages: list[tuple[str, bytes]] = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".eml":
            messages.append((path.name, path.read_bytes()))
        elif path.suffix == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            try:
                messages.extend((f"{path.name}#{key}", box.get_bytes(key)) for key in box.keys())
            finally:
                box.close()
    return messages


MESSAGES = _corpus()


def _check(message: Message) -> None:
    assert isinstance(message, Message)
    assert message.date is None or message.date.tzinfo is not None
    for text in (message.subject, message.text, message.newest, message.signature, message.message_id):
        assert isinstance(text, str)
    for header in (message.subject, message.message_id, *message.labels):
        assert "\n" not in header and "\r" not in header
    for address in (message.sender, message.reply_to, *message.to, *message.cc):
        if address is not None:
            assert "\n" not in address.name and address.email == address.email.lower()
    for event in message.events:
        assert isinstance(event.start, datetime) and event.start.utcoffset() is not None


@pytest.mark.parametrize("name,raw", MESSAGES, ids=[name for name, _ in MESSAGES])
def test_every_corpus_message_parses(name, raw):
    _check(parse_message(raw))


@pytest.mark.parametrize("name,raw", MESSAGES, ids=[name for name, _ in MESSAGES])
def test_truncated_and_corrupted_messages_never_crash(name, raw):
    """A quick fuzz: cut each message at several points and flip some bytes."""
    cuts = {1, 7, len(raw) // 5, len(raw) // 3, len(raw) // 2, len(raw) - 2}
    variants = [raw[:cut] for cut in sorted(cuts) if 0 < cut < len(raw)]
    step = max(1, len(raw) // 13)
    corrupted = bytearray(raw)
    for index in range(3, len(corrupted), step):
        corrupted[index] = (corrupted[index] * 31 + 0x80) % 256
    variants.append(bytes(corrupted))
    for variant in variants:
        try:
            _check(parse_message(variant))
        except MalformedMessage as error:
            assert str(error) and "\n" not in str(error)


def test_corpus_invites_and_cancellation_are_read():
    by_name = dict(MESSAGES)
    invite = parse_message(by_name["comm-central__outlook-test-invite.eml"]).events[0]
    assert invite.method == "REQUEST" and not invite.cancelled
    assert invite.start.utcoffset().total_seconds() == 2 * 3600  # FLE Standard Time, winter
    cancelled = parse_message(by_name["comm-central__cancel-single-event.eml"]).events[0]
    assert cancelled.cancelled


def test_corpus_charsets_are_decoded():
    by_name = dict(MESSAGES)
    assert parse_message(by_name["mikel-mail__japanese_iso_2022.eml"]).subject == "まみむめも"
    assert parse_message(by_name["mikel-mail__ks_c_5601-1987.eml"]).text == "스티해"
    assert "Как ты поживаешь?" in parse_message(by_name["flanker__bilingual-simple.eml"]).subject
