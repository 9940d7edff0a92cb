"""Drafts, the due keyword and the never-send promise over IMAP, against a real Dovecot."""

from __future__ import annotations

import email
import subprocess
import sys
from email import policy

import pytest

from assistant.mailbox import imap
from assistant.mailbox.drafts_local import DIGEST, MARKER, content_digest
from tests.conftest import REPO, SAMPLE_MBOX, one_line_error
from tests.dovecot import SAMPLE_MESSAGES, require_dovecot

require_dovecot()  # else the whole module is skipped, in one line (or fails with CI=true)

from tests.dovecot import (account, dovecot, followup, load_sample, memory_keyring,  # noqa: E402,F401
                           opened, use_account)

QUILLSTONE = "19c43d04e78b9a59"  # overdue on the demo day
LEDGERLINE = "19c94874d0882c20"


def drafts(user) -> list[tuple[int, frozenset, email.message.EmailMessage]]:
    return [(uid, flags, email.message_from_bytes(raw, policy=policy.default))
            for uid, flags, raw in user.folder("Drafts")]


def draft(user, *args):
    return followup("--mailbox", user.spec(), "draft", *args)


def test_status_check_goes_to_drafts_in_the_thread_flagged_draft(account):
    load_sample(account)
    result = draft(account, "status-check", QUILLSTONE)
    assert result.exit_code == 0, result.output
    assert f"created: Drafts on 127.0.0.1:{account.server.imaps_port} (UID 1)" in result.stdout
    [(uid, flags, msg)] = drafts(account)
    assert "\\Draft" in flags
    assert msg["Subject"].startswith("Re:") and msg["In-Reply-To"] and msg["References"]
    assert msg[MARKER].strip().startswith("status-check") and f"thread={QUILLSTONE}" in msg[MARKER]
    parent = msg["In-Reply-To"].strip("<> ")
    sample = SAMPLE_MBOX.read_text(errors="replace")
    assert f"<{parent}>" in sample


def test_rerun_changes_nothing_and_never_makes_a_second_draft(account, opened):
    load_sample(account)
    first = draft(account, "thank-you", "ledgerline")
    assert first.stdout.count("created:") == 3, first.output
    opened.clear()
    again = draft(account, "thank-you", "ledgerline")
    assert again.exit_code == 0 and again.stdout.count("unchanged:") == 3, again.output
    assert len(drafts(account)) == 3
    sent = [c for box in opened for c in box.commands]
    assert "APPEND" not in sent and "UID STORE" not in sent and "UID EXPUNGE" not in sent


def _older_version(user, uid: int, msg) -> None:
    """Put back what an older run of the tool would have written, unedited, in place of uid."""
    del msg["Subject"]
    msg["Subject"] = "Re: an older wording"
    del msg[DIGEST]
    msg[DIGEST] = content_digest(msg)
    user.append("Drafts", [msg.as_bytes()], flags="\\Draft")
    imap_ = user.connect()
    try:
        imap_.select('"Drafts"')
        imap_.uid("STORE", str(uid), "+FLAGS", "(\\Deleted)")
        imap_.expunge()
    finally:
        imap_.logout()


def test_an_unedited_older_draft_is_replaced_by_append_then_expunge_of_exactly_that_uid(account, opened):
    load_sample(account)
    draft(account, "status-check", QUILLSTONE)
    [(uid, _, msg)] = drafts(account)
    _older_version(account, uid, msg)
    account.append("Drafts", [b"Subject: my own note\r\n\r\nnot the tool's\r\n"], flags="\\Draft \\Deleted")
    [older] = [u for u, _, m in drafts(account) if m[MARKER]]
    opened.clear()
    result = draft(account, "status-check", QUILLSTONE)
    assert result.exit_code == 0 and "updated:" in result.stdout, result.output
    left = drafts(account)
    assert older not in [u for u, _, _ in left]
    [(new_uid, _, new)] = [(u, f, m) for u, f, m in left if m[MARKER]]
    assert new_uid > older and new["Subject"].startswith("Re:") and new["Subject"] != "Re: an older wording"
    # the user's own message flagged \Deleted was not expunged with it
    assert any(m["Subject"] == "my own note" for _, _, m in left)
    sent = [c for box in opened for c in box.commands]
    assert sent.index("APPEND") < sent.index("UID EXPUNGE")


def test_a_draft_the_user_edited_is_kept(account):
    load_sample(account)
    draft(account, "status-check", QUILLSTONE)
    [(uid, _, msg)] = drafts(account)
    body = msg.get_body(("plain",))
    body.set_content("My own words first.\n\n" + body.get_content())
    account.append("Drafts", [msg.as_bytes()], flags="\\Draft")  # a mail client saves an edit
    imap_ = account.connect()
    imap_.select('"Drafts"')
    imap_.uid("STORE", str(uid), "+FLAGS", "(\\Deleted)")
    imap_.expunge()
    imap_.logout()
    before = [(u, m.as_bytes()) for u, _, m in drafts(account)]
    result = draft(account, "status-check", QUILLSTONE)
    assert "kept (edited by you)" in result.stdout, result.output
    assert [(u, m.as_bytes()) for u, _, m in drafts(account)] == before


def test_an_edit_saved_by_a_client_that_drops_our_headers_is_still_the_users(account):
    load_sample(account)
    draft(account, "status-check", QUILLSTONE)
    [(uid, _, msg)] = drafts(account)
    del msg[MARKER]
    del msg[DIGEST]
    account.append("Drafts", [msg.as_bytes()], flags="\\Draft")
    imap_ = account.connect()
    imap_.select('"Drafts"')
    imap_.uid("STORE", str(uid), "+FLAGS", "(\\Deleted)")
    imap_.expunge()
    imap_.logout()
    result = draft(account, "status-check", QUILLSTONE)
    assert "kept (edited by you)" in result.stdout, result.output
    assert len(drafts(account)) == 1


def test_without_uidplus_the_old_draft_stays_and_the_user_is_told(dovecot, memory_keyring, tmp_path, opened):
    user = use_account(dovecot.add_user("no-uidplus"), memory_keyring, tmp_path)
    load_sample(user)
    draft(user, "status-check", QUILLSTONE)
    [(uid, _, msg)] = drafts(user)
    _older_version(user, uid, msg)
    opened.clear()
    result = draft(user, "status-check", QUILLSTONE)
    assert result.exit_code == 0, result.output
    assert "the old draft stays" in result.stdout
    assert len(drafts(user)) == 2
    sent = [c for box in opened for c in box.commands]
    assert "UID EXPUNGE" not in sent and "UID STORE" not in sent
    again = draft(user, "status-check", QUILLSTONE)
    assert "unchanged:" in again.stdout and len(drafts(user)) == 2


def test_a_rejected_append_is_one_clear_line(dovecot, memory_keyring, tmp_path):
    user = use_account(dovecot.add_user("quota"), memory_keyring, tmp_path)
    load_sample(user)  # the sample fills the quota exactly: nothing more may be stored
    assert user.status("INBOX")["messages"] + user.status("Sent")["messages"] == SAMPLE_MESSAGES
    line = one_line_error(draft(user, "status-check", QUILLSTONE))
    assert "refused APPEND Drafts" in line and "OVERQUOTA" in line


# -- the due keyword --------------------------------------------------------------------------

def keyworded(user) -> set[str]:
    out = set()
    for folder in ("INBOX", "Sent"):
        for _, flags, raw in user.folder(folder):
            if imap.KEYWORD in flags:
                out.add(email.message_from_bytes(raw)["Subject"])
    return out


def test_due_label_sets_the_keyword_on_overdue_threads_only(account):
    load_sample(account)
    result = followup("--mailbox", account.spec(), "due", "--label")
    assert result.exit_code == 0, result.output
    assert "IMAP keyword '$FollowupDue': added to 1 thread(s), removed from 0" in result.stderr
    subjects = keyworded(account)
    claims = "Interview invitation - Senior Data Analyst, Claims"  # Quillstone's thread
    assert subjects == {claims, f"Re: {claims}"}
    # someone put the keyword on another message by hand: the next run takes it off
    other = next(uid for uid, flags, _ in account.folder("INBOX") if imap.KEYWORD not in flags)
    imap_ = account.connect()
    imap_.select('"INBOX"')
    imap_.uid("STORE", str(other), "+FLAGS", f"({imap.KEYWORD})")
    imap_.logout()
    result = followup("--mailbox", account.spec(), "due", "--label")
    assert "added to 0 thread(s), removed from 1" in result.stderr, result.output
    assert keyworded(account) == subjects


# -- never send, never destroy ------------------------------------------------------------------

def test_the_guard_refuses_commands_that_could_lose_mail(account):
    load_sample(account)
    box = imap.ImapMailbox(imap.account_from(account.spec(), {"tls_ca_file": str(account.server.ca_file)}))
    conn = box._conn()
    try:
        conn.open("INBOX", write=True)
        for attempt in (lambda: conn.imap.expunge(), lambda: conn.imap.delete('"Sent"'),
                        lambda: conn.imap.uid("MOVE", "1", '"Trash"'), lambda: conn.imap.copy("1", '"Trash"'),
                        lambda: conn.imap.store("1", "+FLAGS", "(\\Deleted)"), lambda: conn.imap.close()):
            with pytest.raises(imap.FollowupError, match="never changes your mail"):
                attempt()
    finally:
        box.close()
    assert len(account.folder("INBOX")) > 0 and len(account.folder("Sent")) > 0
    assert not {"COPY", "MOVE", "UID MOVE", "UID COPY", "DELETE", "EXPUNGE", "CLOSE", "STORE"} & imap._ALLOWED


def test_no_command_imports_smtplib(account):
    """Every command runs in a fresh interpreter, on local mail and on IMAP; none loads SMTP."""
    load_sample(account)
    script = r"""
import sys
from click.testing import CliRunner
from assistant.cli import main
for box in (sys.argv[1], sys.argv[2]):
    for args in (["threads"], ["due", "--json"], ["status", "--timeline"], ["remind"], ["sweep"],
                 ["sweep", "--dry-run"], ["draft", "thank-you", "ledgerline"], ["debrief", "ledgerline", "--show"]):
        result = CliRunner().invoke(main, ["--mailbox", box, "--today", "2026-03-12", *args])
        assert result.exit_code in (0, 1, 2, 3), (args, result.output)
print("smtplib" in sys.modules, sorted(m for m in sys.modules if "smtp" in m.lower()))
"""
    env = {**__import__("os").environ, "PYTHONPATH": str(REPO), "FOLLOWUP_IMAP_PASSWORD": account.password}
    out = subprocess.run([sys.executable, "-c", script, str(SAMPLE_MBOX), account.spec()], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False []"
    assert len(drafts(account)) >= 3  # the IMAP run really drafted
    sources = [p for p in (REPO / "assistant").rglob("*.py") if "smtplib" in p.read_text()]
    assert sources == []


def test_sweep_twice_makes_each_draft_once_in_its_thread(account):
    load_sample(account)
    first = followup("--mailbox", account.spec(), "sweep")
    assert first.exit_code == 0, first.output
    made = drafts(account)
    assert len(made) == 5 and all("\\Draft" in flags for _, flags, _ in made)
    assert all(m["In-Reply-To"] and m[MARKER] for _, _, m in made)
    assert "IMAP keyword '$FollowupDue': added to 1 thread(s)" in first.stdout
    again = followup("--mailbox", account.spec(), "sweep")
    assert again.exit_code == 0, again.output
    assert [u for u, _, _ in drafts(account)] == [u for u, _, _ in made]
