"""Memory is bounded by what the tool reads, not by what a message carries (issue 9, item 5).

Attachments are never decoded, a big text part is capped, and a message over
`max_message_mb` is read for its headers only, with a --verbose line saying so. The
200 MB figure is in bench/hostile_bench.py (--big-mb 200); here the same paths run small.
"""

from __future__ import annotations

import base64
import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.bigmail import PRUNE_FROM, TEXT_PART_CAP, prune
from assistant.cli import main
from assistant.mail import parse_message
from tests.conftest import one_line_error
from tests.mailmaker import ME, invite

HEAD = (f"From: Megan Holt <megan@acme.com>\nTo: {ME}\nSubject: Interview - Data Analyst\n"
        "Date: Mon, 23 Feb 2026 16:00:00 -0500\nMessage-ID: <p1@acme.com>\nMIME-Version: 1.0\n")
TEXT = "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\nBest,\nMegan\n"


def _with_attachment(attachment_mb: float, *, html: bool = True, ics: bool = True) -> bytes:
    """A reply with text, HTML and an invite in multipart/alternative, and a PDF beside it."""
    data = base64.encodebytes(b"%PDF" + bytes(range(256)) * int(attachment_mb * (1 << 20) / 256))
    alt = [f"--alt\nContent-Type: text/plain; charset=utf-8\n\n{TEXT}"]
    if html:
        alt.append("--alt\nContent-Type: text/html; charset=utf-8\n\n<p>Hi Jordan,</p><p>HTML part.</p>\n")
    if ics:
        alt.append("--alt\nContent-Type: text/calendar; method=REQUEST\n\n"
                   + invite("iv1", "20260313T100000", "America/New_York", "megan@acme.com", [ME]))
    body = ("--mixed\nContent-Type: multipart/alternative; boundary=alt\n\n" + "".join(alt) + "--alt--\n"
            "--mixed\nContent-Type: application/pdf; name=case.pdf\nContent-Disposition: attachment\n"
            "Content-Transfer-Encoding: base64\n\n")
    return ((HEAD + 'Content-Type: multipart/mixed; boundary="mixed"\n\n' + body).encode()
            + data + b"--mixed--\n")


def test_an_attachment_is_never_decoded_and_the_text_is_the_same():
    small, big = _with_attachment(0.01), _with_attachment(8)
    assert len(big) > PRUNE_FROM
    tracemalloc.start()
    try:
        read = parse_message(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(big)  # the 8 MB attachment was never held as text or decoded
    expected = parse_message(small)
    assert read.text == expected.text and read.newest == expected.newest
    assert read.events == expected.events and len(read.events) == 1
    assert read.subject == "Interview - Data Analyst"


def test_a_huge_text_part_is_capped_not_refused():
    raw = (HEAD + "Content-Type: text/plain\n\n").encode() + TEXT.encode() + b"more words\n" * (TEXT_PART_CAP // 5)
    msg = parse_message(raw)
    assert msg.text.startswith("Hi Jordan,")
    assert len(msg.text) <= TEXT_PART_CAP


def test_pruning_keeps_every_part_boundary_in_place():
    raw = _with_attachment(2)
    pruned = prune(raw)
    assert len(pruned) < 10_000
    assert pruned.count(b"--mixed") == 3 and pruned.count(b"--alt") == 4
    assert b"Content-Disposition: attachment" in pruned and b"%PDF" not in base64.decodebytes(
        pruned.split(b"Content-Transfer-Encoding: base64\n\n", 1)[1].split(b"--mixed--")[0] or b"")


def _mbox(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "big.mbox"
    path.write_bytes(b"From megan@acme.com Mon Feb 23 16:00:00 2026\n" + raw + b"\n")
    return path


def _config(tmp_path: Path, text: str) -> None:
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text(text, encoding="utf-8")


def _threads(mailbox: Path, *extra: str):
    return CliRunner().invoke(
        main, ["--mailbox", str(mailbox), "--me", ME, "--today", "2026-03-12", *extra, "threads", "--json"])


FIRST = (f"From: Megan Holt <megan@acme.com>\nTo: {ME}\nSubject: Interview - Data Analyst\n"
         "Date: Fri, 20 Feb 2026 10:00:00 -0500\nMessage-ID: <p0@acme.com>\n\n"
         "Hi Jordan,\n\nThank you for applying for the Data Analyst position at Acme. We would like to "
         "invite you to a first interview with the hiring manager. Are you available next week?\n\n"
         "Best,\nMegan Holt\nRecruiter, Acme\n").encode()


@pytest.mark.parametrize("kind", ["mbox", "eml"])
def test_a_message_over_the_limit_is_read_for_its_headers_only(tmp_path, kind):
    _config(tmp_path, "max_message_mb = 0.5\n")
    raw = _with_attachment(1).replace(b"Message-ID: <p1@acme.com>\n",
                                      b"Message-ID: <p1@acme.com>\nIn-Reply-To: <p0@acme.com>\n")
    if kind == "mbox":
        mailbox = _mbox(tmp_path, FIRST + b"\nFrom megan@acme.com Mon Feb 23 16:00:00 2026\n" + raw)
    else:
        mailbox = tmp_path / "mail"
        mailbox.mkdir()
        (mailbox / "a.eml").write_bytes(FIRST)
        (mailbox / "big.eml").write_bytes(raw)
    quiet = _threads(mailbox)
    assert quiet.exit_code == 0, quiet.output
    [process] = json.loads(quiet.stdout)
    assert process["subject"] == "Interview - Data Analyst"
    assert process["last_message"]["at"] == "2026-02-23T16:00:00-05:00"  # the big one counts
    assert process["promise"] is None  # its body, where the promise is, was not read
    assert not any(i["source"] == "calendar" for i in process["interviews"])  # nor its invitation
    assert "headers only" not in quiet.stderr
    loud = _threads(mailbox, "--verbose")
    [note] = [line for line in loud.stderr.splitlines() if "headers only" in line]
    assert "1 MB, over max_message_mb (0.5)" in note


def test_under_the_limit_the_whole_text_is_read(tmp_path):
    result = _threads(_mbox(tmp_path, _with_attachment(1)))  # default limit: 25 MB
    [process] = json.loads(result.stdout)
    assert process["promise"]["due"] == "2026-02-27"
    assert "2026-03-13T10:00:00-04:00" in [i["start"] for i in process["interviews"]]  # the invite


@pytest.mark.parametrize("value", ["0", "-1", '"25"', "true", "1e9"])
def test_a_bad_max_message_mb_is_one_line(tmp_path, value):
    _config(tmp_path, f"max_message_mb = {value}\n")
    result = CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-12", "threads"])
    assert result.exit_code == 2
    assert "max_message_mb" in one_line_error(result)


def test_a_changed_limit_reads_the_cached_mbox_again(tmp_path):
    """The mbox scan is cached; raising max_message_mb must not leave the big message unread."""
    mailbox = _mbox(tmp_path, FIRST + b"\nFrom megan@acme.com Mon Feb 23 16:00:00 2026\n"
                    + _with_attachment(1).replace(b"Message-ID: <p1@acme.com>\n",
                                                  b"Message-ID: <p1@acme.com>\nIn-Reply-To: <p0@acme.com>\n"))
    _config(tmp_path, "max_message_mb = 0.5\n")
    [small] = json.loads(_threads(mailbox).stdout)
    assert small["promise"] is None  # headers only under the small limit
    _config(tmp_path, "max_message_mb = 25\n")
    [large] = json.loads(_threads(mailbox).stdout)
    assert large["promise"]["due"] == "2026-02-27"  # read again, whole, under the new limit
