"""Mail from internationalized domains is read, not dropped at the header scan (issue 9,
item 12), and an address no draft can carry is one clear line, never a traceback."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.mail import ascii_email, normal_email, parse_message
from assistant.mailbox.scan import summarize_headers

ME = "jordan.rivera@gmail.com"


def _mbox(tmp_path: Path, sender: str) -> Path:
    """One recruiter's message that promised news by Friday 27 Feb, from `sender`."""
    raw = (
        f"From {sender} Mon Feb 23 16:00:00 2026\n"
        f"From: Megan Holt <{sender}>\nTo: {ME}\n"
        "Subject: Interview - Data Analyst\nDate: Mon, 23 Feb 2026 16:00:00 -0500\n"
        "Message-ID: <p1@acme>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\n"
        "Best,\nMegan Holt\nRecruiter\n\n"
    )
    path = tmp_path / "idn.mbox"
    path.write_bytes(raw.encode("utf-8"))
    return path


def _run(mbox: Path, *args):
    return CliRunner().invoke(main, ["--mailbox", str(mbox), "--me", ME, "--today", "2026-03-12", *args],
                              catch_exceptions=False)


@pytest.mark.parametrize("domain", ["acmé.com", "münchen-jobs.de", "例え.jp", "xn--acm-dma.com"])
def test_the_header_scan_keeps_mail_from_an_idn_domain(domain):
    block = f"From: Megan <megan@{domain}>\nSubject: Interview\nMessage-ID: <a@b>\nTo: {ME}\n".encode()
    summary = summarize_headers(block)
    assert summary.candidate
    assert summary.sender == f"megan@{domain}"


@pytest.mark.parametrize("sender", ["megan@acmé.com", "megan@xn--acm-dma.com", "Megan@ACMÉ.com"])
def test_threads_lists_the_recruiter_of_an_idn_domain_in_one_spelling(tmp_path, sender):
    result = _run(_mbox(tmp_path, sender), "threads", "--json")
    assert result.exit_code == 0, result.output
    [process] = json.loads(result.output)
    assert process["company"] == "Acmé"
    assert [c["email"] for c in process["contacts"]] == ["megan@acmé.com"]
    assert process["promise"]["due"] == "2026-02-27"


def test_a_draft_to_an_idn_domain_is_addressed_in_ascii(tmp_path):
    mbox = _mbox(tmp_path, "megan@acmé.com")
    [process] = json.loads(_run(mbox, "threads", "--json").output)
    result = _run(mbox, "draft", "status-check", process["id"])
    assert result.exit_code == 0, result.output
    [path] = (tmp_path / "data" / "drafts").glob("*.eml")
    head = path.read_bytes().split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")
    draft = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert draft["To"].addresses[0].addr_spec == "megan@xn--acm-dma.com"
    # the marker is plain ASCII, so every mailbox (IMAP's SEARCH HEADER too) finds it again
    assert "=?" not in str(draft["X-Followup-Draft"]) and "xn--acm-dma.com" in str(draft["X-Followup-Draft"])
    again = _run(mbox, "draft", "status-check", process["id"])
    assert "unchanged" in again.output, again.output
    assert len(list((tmp_path / "data" / "drafts").glob("*.eml"))) == 1


def test_an_address_no_draft_can_carry_is_one_line_not_a_traceback(tmp_path):
    mbox = _mbox(tmp_path, "josé@acmé.com")
    [process] = json.loads(_run(mbox, "threads", "--json").output)
    assert process["contacts"][0]["email"] == "josé@acmé.com"
    result = _run(mbox, "draft", "status-check", process["id"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert "cannot address a draft to 'josé@acmé.com'" in line


def test_unparseable_addresses_never_raise():
    for header in ("<<<@@@>>>", '"unclosed <a@b', "a@b@c, ,,;;:", "=?utf-8?b?!!!?= <x@y.z>", "@", "<>"):
        msg = parse_message(f"From: {header}\nTo: {header}\nSubject: Interview\n\nHi".encode())
        assert all("\n" not in a.email and " " not in a.email for a in msg.to)


def test_the_two_spellings_of_a_domain():
    assert normal_email("Megan@XN--ACM-DMA.com") == "megan@acmé.com"
    assert normal_email("megan@xn--zzzz-invalid-.com") == "megan@xn--zzzz-invalid-.com"
    assert ascii_email("megan@acmé.com") == "megan@xn--acm-dma.com"
    assert ascii_email("megan@acme.com") == "megan@acme.com"
