"""A hostile sender's and a careless user's review of main (issue 9): siblings of the classes
that issue fixed. Each test names the hole it closes.
"""

from __future__ import annotations

import base64
import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

ME = "jordan.rivera@gmail.com"
# "=?utf-8?b?...?=" is RFC 2047 for "Interview\r\nBcc: evil@evil.com". Mail that carries it
# *literally* (encoded twice, or inside a Message-ID) reaches the draft as plain text, and
# Python's email library decodes it again when it writes the header: CR/LF and all.
INNER = "=?utf-8?b?" + base64.b64encode(b"Interview\r\nBcc: evil@evil.com").decode() + "?="


def _twice(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def _mbox(tmp_path: Path, *, sender="Priya Shah <priya@northwind-labs.com>",
          subject="Interview - Data Analyst", msgid="<p1@northwind>", extra="") -> Path:
    """Priya promised news by Friday 27 Feb; one header of hers is hostile."""
    raw = ("From priya@northwind-labs.com Mon Feb 23 16:00:00 2026\n"
           f"From: {sender}\nTo: {ME}\nSubject: {subject}\n"
           "Date: Mon, 23 Feb 2026 16:00:00 -0500\n"
           f"Message-ID: {msgid}\nX-GM-THRID: 40\n{extra}"
           "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
           "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\n"
           "Best,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n\n")
    path = tmp_path / "hostile.mbox"
    path.write_text(raw, encoding="utf-8")
    return path


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def _draft_status_check(mbox: Path):
    common = ["--mailbox", str(mbox), "--me", ME, "--today", "2026-03-12"]
    listing = CliRunner().invoke(main, [*common, "threads", "--json"], catch_exceptions=False)
    [process] = json.loads(listing.output)
    return CliRunner().invoke(main, [*common, "draft", "status-check", process["id"]], catch_exceptions=False)


HOSTILE_HEADERS = {
    "subject encoded twice": dict(subject=_twice("Interview - Data Analyst " + INNER)),
    "display name encoded twice": dict(sender=_twice("Priya " + INNER) + " <priya@northwind-labs.com>"),
    "encoded word in Message-ID": dict(msgid=f"<{INNER}@x>"),
    "encoded word in References": dict(extra=f"References: <{INNER}@x>\n"),
}


@pytest.mark.parametrize("case", list(HOSTILE_HEADERS))
def test_an_encoded_word_in_mail_adds_no_header_to_the_draft(dirs, case):
    """A literal encoded word taken from mail must not become a Bcc on the user's draft."""
    result = _draft_status_check(_mbox(dirs, **HOSTILE_HEADERS[case]))
    saved = list((dirs / "data" / "drafts").glob("*.eml"))
    for path in saved:
        draft = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert "Bcc" not in draft, path.read_text()
        assert draft.get_all("To") and len(draft.get_all("To")) == 1
        assert [a.addr_spec for a in draft["To"].addresses] == ["priya@northwind-labs.com"]
        for name, value in draft.items():
            assert "\n" not in str(value) and "\r" not in str(value), (name, value)
    assert saved or result.exit_code != 0, result.output


def test_an_encoded_word_in_the_configured_name_adds_no_header(dirs):
    """The user's own `name` (config) goes into From: the same way."""
    (dirs / "config").mkdir()
    (dirs / "config" / "config.toml").write_text(f'name = "{INNER}"\n')
    result = _draft_status_check(_mbox(dirs))
    for path in (dirs / "data" / "drafts").glob("*.eml"):
        draft = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert "Bcc" not in draft, path.read_text()
    assert "Traceback" not in result.output


def test_two_thousand_threads_of_one_company_are_grouped_without_stalling(dirs):
    """Grouping used to re-read every message of a group for each thread that joined it:
    2,000 threads of one company took 17 s on `threads`, now about 4 s (2,000 roles of one
    company: 53 s, now 13 s; still quadratic in the number of groups, reported)."""
    import time

    path = dirs / "many.mbox"
    with path.open("w", encoding="utf-8") as f:
        for i in range(2000):
            f.write(f"From x Mon Feb 23 16:00:00 2026\nFrom: Priya Shah <priya@northwind-labs.com>\n"
                    f"To: {ME}\nSubject: Interview - Data Analyst\n"
                    f"Date: Mon, {1 + i % 27:02d} Feb 2026 16:00:00 -0500\nMessage-ID: <p{i}@northwind>\n\n"
                    "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\n"
                    "Best,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n\n")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--mailbox", str(path), "--me", ME, "--today", "2026-03-12",
                                       "threads", "--json"], catch_exceptions=False)
    seconds = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert [p["company"] for p in json.loads(result.output)] == ["Northwind Labs"]
    assert seconds < 8, f"{seconds:.1f} s for 2,000 threads of one company"
