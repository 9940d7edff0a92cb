"""A draft keeps its identity when its process's id changes (issue 9, "never make duplicate drafts").

A rejection that arrives in a thread of its own is a process alone, and its keep-in-touch
draft is saved under that thread's id. When the earlier interview thread turns up (and Priya
writes once more), the threads join into one process named after the interview thread
(process.join). The next run must find the draft it saved under the old id: replace it if
the user left it alone, keep it if they edited it, and never add a second one, in every
mailbox (local .eml and LinkedIn notes, Gmail, IMAP).
"""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from assistant.mailbox.drafts_local import MARKER
from tests.dovecot import account, dovecot, memory_keyring  # noqa: F401 (skip without Dovecot, per test)
from tests.gmail_fixtures import sleeps  # noqa: F401
from tests.mailmaker import ME, gmail_serving, message, write_mbox
from tests.test_one_process import (OTHER_ROLE, PRIYA, TALK, VERDICT, ack, at, cli, interview_thread,
                                    own_home, rejection)  # noqa: F401 (own_home: an autouse fixture)

PRIYA_EMAIL = "priya.shah@acmeanalytics.com"


def before() -> list:
    """Run 1: only the rejection is in the mailbox, a process of its own (id VERDICT)."""
    return rejection()


def arrived(in_interview_thread: bool = False) -> list:
    """What run 2 also sees: the ATS acknowledgement and the interview thread (which now name
    the process), and one more line from Priya, so the draft answers a newer message too
    (written in the interview thread: on Gmail the draft moves there, beside what it answers)."""
    subject, parent, thread = (("Re: Interview - Data Analyst", "t4@acme", TALK) if in_interview_thread
                               else ("Re: Your application to Acme Analytics", "no@acme", VERDICT))
    later = message(PRIYA, ME, subject, "Hi Jordan,\n\nOne more thing: we keep your details on file for "
                    "future Data Analyst openings.\n\nPriya\n", at(11), msgid="later@acme",
                    reply_to_ids=(parent,), thread=thread)
    return ack() + interview_thread() + [later]


def keys(texts) -> list[str]:
    return sorted(" ".join(str(message_from_bytes(t, policy=policy.default)[MARKER]).split()) for t in texts)


def edited(raw: bytes) -> bytes:
    """The draft as a mail client saves it after the user wrote their own first line."""
    msg = message_from_bytes(raw, policy=policy.default)
    body = msg.get_body(("plain",))
    body.set_content("My own words first.\n\n" + body.get_content())
    return msg.as_bytes()


# -- local .eml drafts and LinkedIn notes ------------------------------------------------

def run_local(tmp_path, mails, kind="keep-in-touch"):
    box = write_mbox(tmp_path / f"run-{len(mails)}.mbox", mails)
    result = cli(str(box), "draft", kind, "acme", "--drafts-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    return result


def test_local_draft_saved_before_the_threads_joined_is_replaced_not_made_twice(tmp_path):
    assert "created:" in run_local(tmp_path, before()).stdout
    again = run_local(tmp_path, before() + arrived())
    assert "updated:" in again.stdout, again.output
    (saved,) = (tmp_path / "out").glob("*.eml")
    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["In-Reply-To"] == "<later@acme>"  # the new draft, in the place of the old one
    assert keys([saved.read_bytes()]) == [f"keep-in-touch; thread={TALK:x}; to={PRIYA_EMAIL}"]
    assert "unchanged:" in run_local(tmp_path, before() + arrived()).stdout
    assert len(list((tmp_path / "out").glob("*.eml"))) == 1


def test_sweep_finds_the_draft_it_saved_before_the_threads_joined(tmp_path):
    for mails in (before(), before() + arrived()):
        box = write_mbox(tmp_path / f"run-{len(mails)}.mbox", mails)
        result = cli(str(box), "sweep", "--drafts-dir", str(tmp_path / "out"))
        assert result.exit_code == 0, result.output
    assert "Redrafted" in result.stdout, result.output
    (saved,) = (tmp_path / "out").glob("*.eml")
    assert keys([saved.read_bytes()]) == [f"keep-in-touch; thread={TALK:x}; to={PRIYA_EMAIL}"]


def test_local_draft_edited_before_the_threads_joined_is_kept(tmp_path):
    run_local(tmp_path, before())
    (saved,) = (tmp_path / "out").glob("*.eml")
    saved.write_bytes(edited(saved.read_bytes()))
    mine = saved.read_bytes()
    again = run_local(tmp_path, before() + arrived())
    assert "kept (edited by you)" in again.stdout, again.output
    assert [p.read_bytes() for p in (tmp_path / "out").glob("*.eml")] == [mine]


@pytest.mark.parametrize("edit", [False, True], ids=["unedited", "edited"])
def test_linkedin_note_saved_before_the_threads_joined_is_not_made_twice(tmp_path, edit):
    assert "created:" in run_local(tmp_path, before(), "linkedin").stdout
    (note,) = (tmp_path / "out").glob("*.txt")
    if edit:
        note.write_text("Hi Priya, my own words.\n")
    again = run_local(tmp_path, before() + arrived(), "linkedin")
    assert "created:" not in again.stdout, again.output
    assert ("kept (edited by you)" if edit else "updated:") in again.stdout, again.output
    assert list((tmp_path / "out").glob("*.txt")) == [note]
    if edit:
        assert note.read_text() == "Hi Priya, my own words.\n"


def test_a_draft_of_another_process_to_the_same_person_is_never_taken_over(tmp_path):
    """Two roles at one company are two processes: Priya gets one status check for each."""
    box = write_mbox(tmp_path / "two-roles.mbox", ack("Data Analyst") + interview_thread("Data Analyst, Claims")
                     + interview_thread("Data Analyst, Growth", thread=OTHER_ROLE, prefix="g"))
    for pid in (f"{TALK:x}", f"{OTHER_ROLE:x}"):
        result = cli(str(box), "draft", "status-check", pid, "--drafts-dir", str(tmp_path / "out"))
        assert result.exit_code == 0 and "created:" in result.stdout, result.output
    assert keys(p.read_bytes() for p in (tmp_path / "out").glob("*.eml")) == [
        f"status-check; thread={TALK:x}; to={PRIYA_EMAIL}", f"status-check; thread={OTHER_ROLE:x}; to={PRIYA_EMAIL}"]


# -- Gmail (the fake Gmail API on 127.0.0.1) ------------------------------------------------

def run_gmail():
    from click.testing import CliRunner

    from assistant.cli import main
    from tests.test_one_process import TODAY

    result = CliRunner().invoke(main, ["--mailbox", "gmail", "--today", TODAY, "draft", "keep-in-touch", "acme"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("edit,moved", [(False, False), (True, False), (False, True), (True, True)],
                         ids=["unedited", "edited", "unedited-answer-in-another-thread",
                              "edited-answer-in-another-thread"])
def test_gmail_draft_saved_before_the_threads_joined_is_one_draft(tmp_path, monkeypatch, edit, moved):
    fake = gmail_serving(write_mbox(tmp_path / "before.mbox", before()), tmp_path, monkeypatch)
    try:
        assert "created:" in run_gmail().stdout
        ((draft_id, mid),) = fake.drafts.items()
        if edit:
            fake.messages[mid].raw = edited(fake.messages[mid].raw)
        mine = fake.messages[mid].raw
        fake.load_mbox(write_mbox(tmp_path / "arrived.mbox", arrived(moved)))
        again = run_gmail()
        assert list(fake.drafts) == [draft_id], again.output
        if edit:
            assert "kept (edited by you)" in again.stdout and fake.messages[fake.drafts[draft_id]].raw == mine
        else:
            assert "updated:" in again.stdout, again.output
            made = fake.messages[fake.drafts[draft_id]]
            assert keys([made.raw]) == [f"keep-in-touch; thread={TALK:x}; to={PRIYA_EMAIL}"]
            assert made.thread_id == f"{TALK if moved else VERDICT:x}"  # beside the message it answers
    finally:
        fake.stop()


# -- IMAP (a real Dovecot, as in test_imap_drafts.py) ----------------------------------------

def file_mail(user, mails) -> None:
    """Filed as a mail client would: my messages in Sent, the rest in INBOX."""
    inbox = [m.as_bytes() for m in mails if "Sent" not in str(m.get("X-Gmail-Labels", ""))]
    sent = [m.as_bytes() for m in mails if "Sent" in str(m.get("X-Gmail-Labels", ""))]
    if inbox:
        user.append("INBOX", inbox)
    if sent:
        user.append("Sent", sent)


def imap_drafts(user) -> list[tuple[int, bytes]]:
    return [(uid, raw) for uid, _, raw in user.folder("Drafts")]


def run_imap(user):
    from tests.dovecot import followup

    result = followup("--mailbox", user.spec(), "--me", ME, "draft", "keep-in-touch", "acme")
    assert result.exit_code == 0, result.output
    return result


def test_imap_draft_saved_before_the_threads_joined_is_replaced_not_made_twice(account):
    file_mail(account, before())
    assert "created:" in run_imap(account).stdout
    file_mail(account, arrived())
    again = run_imap(account)
    assert "updated:" in again.stdout, again.output
    ((_, raw),) = imap_drafts(account)
    assert keys([raw]) == [f"keep-in-touch; thread={TALK:x}; to={PRIYA_EMAIL}"]
    assert message_from_bytes(raw, policy=policy.default)["In-Reply-To"] == "<later@acme>"
    assert "unchanged:" in run_imap(account).stdout and len(imap_drafts(account)) == 1


def test_imap_draft_edited_before_the_threads_joined_is_kept(account):
    file_mail(account, before())
    run_imap(account)
    ((uid, raw),) = imap_drafts(account)
    account.append("Drafts", [edited(raw)], flags="\\Draft")  # a mail client saves the edit
    conn = account.connect()
    conn.select('"Drafts"')
    conn.uid("STORE", str(uid), "+FLAGS", "(\\Deleted)")
    conn.expunge()
    conn.logout()
    mine = imap_drafts(account)
    file_mail(account, arrived())
    again = run_imap(account)
    assert "kept (edited by you)" in again.stdout, again.output
    assert imap_drafts(account) == mine


# -- the debrief follows the process too ---------------------------------------------------

def test_a_debrief_written_before_the_threads_joined_is_shown_and_edited_not_lost(tmp_path):
    """Written under the rejection's id; after the join `followup debrief` starts from it."""
    first = write_mbox(tmp_path / "one.mbox", before())
    notes = tmp_path / "notes.md"
    notes.write_text("## Notes\nPriya: the team is moving its reporting to dbt.\n")
    assert cli(str(first), "debrief", "acme", "--from", str(notes)).exit_code == 0
    joined = write_mbox(tmp_path / "two.mbox", before() + arrived())
    shown = cli(str(joined), "debrief", "acme", "--show")
    assert shown.exit_code == 0, shown.output
    assert "moving its reporting to dbt" in shown.stdout
    more = tmp_path / "more.md"
    more.write_text("## Questions\nHow is success measured after six months?\n")
    assert cli(str(joined), "debrief", "acme", "--from", str(more)).exit_code == 0
    after = cli(str(joined), "debrief", "acme", "--show").stdout
    assert "moving its reporting to dbt" in after and "six months" in after  # merged, nothing lost
