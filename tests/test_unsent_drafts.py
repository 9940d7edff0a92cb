"""Issue 8, class 1: a draft is not mail that was sent.

An unsent thank-you in the Drafts folder is not a thank-you: the one owed is still owed, it
is not "my last message", not a check-in, and a new draft replies to the newest real message,
never to the draft. Each mailbox kind marks drafts its own way (Takeout's Drafts label,
Gmail's DRAFT label, Maildir's D flag, a Drafts folder or X-Unsent in a folder of .eml), and
every one must tell the same story.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.gmail_fixtures import sleeps  # noqa: F401
from tests.mailmaker import (
    ME, PINECREST, gmail_serving, interview_with_unsent_thank_you, mine, overdue_thread, sample_with,
    write_maildir, write_mbox,
)

TODAY = "2026-03-10"  # the day after the interview: a thank-you is still on time


def cli(mailbox: str, *args, today: str = TODAY):
    return CliRunner().invoke(main, ["--mailbox", mailbox, "--me", ME, "--today", today, *args],
                              catch_exceptions=False)


def harbor(mailbox: str) -> dict:
    result = cli(mailbox, "threads", "--json")
    assert result.exit_code == 0, result.output
    found = [p for p in json.loads(result.stdout) if p["company"].startswith("Harbor")]
    assert len(found) == 1, result.stdout
    return found[0]


def saved_draft(mailbox: str, drafts: Path) -> object:
    """Draft the thank-you into a folder and read back the one saved email (--force: beside her
    own unsent one, which is never a second message without it)."""
    result = cli(mailbox, "draft", "thank-you", "harbor", "--drafts-dir", str(drafts), "--force")
    assert result.exit_code == 0, result.output
    saved = sorted(drafts.glob("*.eml"))
    assert len(saved) == 1, result.output
    return message_from_bytes(saved[0].read_bytes(), policy=policy.default)


def assert_thank_you_still_owed(p: dict) -> None:
    assert p["state"] == "thank_you_due"
    assert p["followups_since_reply"] == 0  # my draft is not a message since their last one
    assert p["last_message"] == {"at": "2026-03-04T09:00:00-05:00", "from_me": False}


def assert_replies_to_the_newest_real_message(reply) -> None:
    assert reply["In-Reply-To"] == "<d3@harbor>"
    assert "draft1@me" not in reply["References"]
    assert reply["References"].split()[-1] == "<d3@harbor>"


def mailbox_of(kind: str, tmp_path: Path) -> str:
    """The same mail in each local kind, the thank-you marked as a draft the way that kind does."""
    if kind == "takeout":
        return str(write_mbox(tmp_path / "All mail.mbox", interview_with_unsent_thank_you()))
    mails = interview_with_unsent_thank_you(takeout=False)
    if kind == "maildir":
        return str(write_maildir(tmp_path / "Maildir", mails, flags=["S", "S", "S", "DS"]))
    folder = tmp_path / "mail"
    (folder / "Drafts").mkdir(parents=True)
    for i, m in enumerate(mails):
        where = folder / "Drafts" if kind == "eml-drafts-folder" and i == 3 else folder
        (where / f"{i}.eml").write_bytes(m.as_bytes())
    return str(folder)


@pytest.mark.parametrize("kind", ["takeout", "maildir", "eml-drafts-folder"])
def test_an_unsent_thank_you_does_not_count_as_sent(tmp_path, kind):
    box = mailbox_of(kind, tmp_path)
    assert_thank_you_still_owed(harbor(box))
    due = cli(box, "due")
    assert "thank-you owed for the interview on Mon 09 Mar" in due.output
    assert_replies_to_the_newest_real_message(saved_draft(box, tmp_path / "drafts"))


@pytest.mark.parametrize("marker", [{"X-Unsent": "1"},
                                    {"X-Followup-Draft": "thank-you; thread=1; to=dana.cole@harbor-analytics.com"}])
def test_an_eml_marked_unsent_or_written_by_this_tool_is_a_draft(tmp_path, marker):
    folder = tmp_path / "mail"
    folder.mkdir()
    for i, m in enumerate(interview_with_unsent_thank_you(takeout=False, draft_headers=marker)):
        (folder / f"{i}.eml").write_bytes(m.as_bytes())
    assert_thank_you_still_owed(harbor(str(folder)))


def test_gmail_leaves_a_draft_out_of_the_conversation(tmp_path, monkeypatch, sleeps):  # noqa: F811
    takeout = write_mbox(tmp_path / "All mail.mbox", interview_with_unsent_thank_you())
    fake = gmail_serving(takeout, tmp_path, monkeypatch)
    try:
        drafted = [m for m in fake.messages.values() if "DRAFT" in m.labels]
        assert len(drafted) == 1  # the fake holds it as Gmail does, in the thread, labelled DRAFT
        assert_thank_you_still_owed(harbor("gmail"))
        result = cli("gmail", "draft", "thank-you", "harbor", "--force")  # beside her unsent one
        assert result.exit_code == 0, result.output
        (new_id,) = fake.drafts.values()
        reply = message_from_bytes(fake.messages[new_id].raw, policy=policy.default)
        assert_replies_to_the_newest_real_message(reply)
        # The tool's own draft now sits in the thread too; it is not a thank-you sent.
        assert_thank_you_still_owed(harbor("gmail"))
    finally:
        fake.stop()


@pytest.mark.parametrize("where", ["takeout", "gmail"])
def test_a_sent_message_that_kept_a_draft_header_is_sent(tmp_path, monkeypatch, sleeps, where):  # noqa: F811
    """Gmail may keep X-Unsent and the tool's marker on a draft the user sends; the Sent
    label says what happened."""
    mails = interview_with_unsent_thank_you()
    thanks = mails[3]
    thanks.replace_header("X-Gmail-Labels", "Sent")
    thanks["X-Unsent"] = "1"
    thanks["X-Followup-Draft"] = "thank-you; thread=19c5a1b2c3d4e5f6; to=dana.cole@harbor-analytics.com"
    box = write_mbox(tmp_path / "All mail.mbox", mails)
    fake = gmail_serving(box, tmp_path, monkeypatch) if where == "gmail" else None
    try:
        p = harbor("gmail" if fake else str(box))
    finally:
        if fake:
            fake.stop()
    assert p["state"] == "waiting"
    assert p["followups_since_reply"] == 1


def test_a_drafted_check_in_is_not_a_check_in(tmp_path):
    mails = overdue_thread(checked_in=True)
    mails[1].replace_header("X-Gmail-Labels", "Drafts")
    box = str(write_mbox(tmp_path / "All mail.mbox", mails))
    result = cli(box, "threads", "--json", today="2026-03-05")
    (p,) = json.loads(result.stdout)
    assert p["state"] == "overdue" and p["followups_since_reply"] == 0
    assert "one polite status check" in cli(box, "threads", today="2026-03-05").output
    drafted = cli(box, "draft", "status-check", p["id"], "--print", today="2026-03-05")
    assert "already checked in" not in drafted.output  # the draft is not a check-in...
    assert drafted.exit_code == 3 and "you already have an unsent draft to" in drafted.output  # ...but it is hers


def test_a_drafted_reply_to_a_rejection_leaves_the_keep_in_touch_due(tmp_path):
    unsent = mine("luis.ortega@pinecrest-outfitters.com", "Re: Phone screen - Senior Data Analyst, Merchandising",
                  "Hi Luis,\n\nThank you for letting me know.\n\nJordan\n",
                  datetime(2026, 3, 10, 8, 30, tzinfo=timezone(timedelta(hours=-5))), PINECREST,
                  "unsent-reply@me", labels="Drafts")
    box = str(sample_with(tmp_path / "All mail.mbox", [unsent]))
    assert f"followup draft keep-in-touch {PINECREST}" in cli(box, "threads", today="2026-03-12").output
    sweep = cli(box, "sweep", "--dry-run", "--json", today="2026-03-12")
    assert ("keep-in-touch", PINECREST) in {(d["kind"], d["thread"]) for d in json.loads(sweep.stdout)["drafts"]}


def test_a_draft_alone_never_makes_a_thread_worth_reading():
    """Header triage agrees with Gmail, which leaves DRAFT messages out before it looks."""
    from assistant.mailbox.scan import summarize_headers

    head = (b"From: Sam Lee <sam@lee-consulting.com>\nTo: hr@acme-corp.com\n"
            b"Subject: Application for the Data Analyst position\nX-GM-THRID: 1234\n")
    assert summarize_headers(head + b"X-Gmail-Labels: Inbox,Opened\n").candidate
    assert not summarize_headers(head + b"X-Gmail-Labels: Drafts,Opened\n").candidate
    assert not summarize_headers(head + b"X-Unsent: 1\n").candidate
    assert summarize_headers(head + b"X-Gmail-Labels: Sent\nX-Unsent: 1\n").candidate


def test_maildir_flags_and_drafts_folders(tmp_path):
    from assistant.mailbox.local import is_draft_file

    root = tmp_path / "Maildir"
    assert is_draft_file(root / "cur" / "1700000000.M1P2.host:2,DS", root)
    assert not is_draft_file(root / "cur" / "1700000000.M1P2.host:2,RS", root)
    assert is_draft_file(tmp_path / "mail" / "Drafts" / "1.eml", tmp_path / "mail")
    # Only folders inside the mailbox count: a mailbox kept under ~/drafts/ is not all drafts.
    assert not is_draft_file(tmp_path / "drafts" / "mail" / "1.eml", tmp_path / "drafts" / "mail")
