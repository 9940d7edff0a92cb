"""`followup draft` on Gmail: an in-thread draft, idempotent, never a second one, never sent."""

from __future__ import annotations

import base64
import email
from email import policy

from tests.gmail_fixtures import gmail, run, sleeps  # noqa: F401

LEDGERLINE = "19c94874d0882c20"


def drafts_in(gmail, tid):
    return [gmail.messages[mid] for mid in gmail.drafts.values() if gmail.messages[mid].thread_id == tid]


def test_thank_you_draft_goes_into_the_thread_with_reply_headers(gmail):
    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output
    assert "created: https://mail.google.com/mail/u/jordan.rivera@gmail.com/#drafts?compose=" in result.stdout
    made = drafts_in(gmail, LEDGERLINE)
    assert made, "no draft in the thread"
    msg = email.message_from_bytes(made[0].raw, policy=policy.default)
    assert msg["Subject"].startswith("Re:")
    assert msg["In-Reply-To"] and msg["References"]
    assert msg["X-Followup-Draft"].strip().startswith("thank-you")
    assert gmail.send_attempts == 0


def test_rerun_changes_nothing_and_never_makes_a_second_draft(gmail):
    run("draft", "thank-you", "ledgerline")
    count = len(gmail.drafts)
    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output
    assert "unchanged:" in result.stdout
    assert len(gmail.drafts) == count
    assert gmail.counts["gmail.users.drafts.create"] == count
    assert gmail.counts["gmail.users.drafts.update"] == 0


def test_a_draft_the_user_edited_is_kept(gmail):
    run("draft", "thank-you", "ledgerline")
    for did, mid in list(gmail.drafts.items()):
        m = gmail.messages[mid]
        m.raw = m.raw.replace(b"\n\n", b"\n\nMy own words first.\n\n", 1)
    before = {d: gmail.messages[m].raw for d, m in gmail.drafts.items()}
    result = run("draft", "thank-you", "ledgerline")
    assert "kept (edited by you)" in result.stdout
    assert {d: gmail.messages[m].raw for d, m in gmail.drafts.items()} == before


def test_a_lost_create_answer_is_found_by_its_marker_not_duplicated(gmail, tmp_path):
    run("draft", "thank-you", "ledgerline")
    count = len(gmail.drafts)
    for ledger in (tmp_path / "data").glob("gmail-drafts-*.json"):
        ledger.unlink()  # as if the answer to drafts.create never arrived
    result = run("draft", "thank-you", "ledgerline")
    assert "unchanged:" in result.stdout
    assert len(gmail.drafts) == count


def test_a_failed_create_is_not_retried_blindly(gmail):
    gmail.fail("gmail.users.drafts.create", 503, times=1)
    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 2
    assert gmail.counts["gmail.users.drafts.create"] == 1
    gmail.fail("gmail.users.drafts.create", 429, times=1, retry_after="1")
    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output  # a 429 is a refusal: safe to retry
    assert gmail.counts["gmail.users.drafts.create"] == 1 + 1 + len(gmail.drafts)  # 503, 429, then each


def _older_version(gmail, draft_id):
    """Turn the tool's draft into an unedited one from an older run (another subject)."""
    from assistant.mailbox.drafts_local import DIGEST, content_digest

    m = gmail.messages[gmail.drafts[draft_id]]
    msg = email.message_from_bytes(m.raw, policy=policy.default)
    msg.replace_header("Subject", "Re: an older wording")
    msg.replace_header(DIGEST, content_digest(msg))
    m.raw = msg.as_bytes()


def test_a_lost_ledger_finds_the_draft_on_a_later_drafts_page_and_updates_it(gmail, tmp_path):
    others = [tid for tid in gmail.threads if tid != LEDGERLINE][:5]
    for tid in others:  # the user's own drafts come first in the list
        raw = base64.urlsafe_b64encode(b"Subject: mine\n\nMy own draft.\n").decode()
        assert gmail._drafts_create({}, {"message": {"raw": raw, "threadId": tid}})[0] == 200
    gmail.drafts_page_max = 2  # so the tool's drafts sit on pages 3 and 4
    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output
    mine = {d: mid for d, mid in gmail.drafts.items() if gmail.messages[mid].thread_id == LEDGERLINE}
    assert len(mine) == 3 and len(gmail.drafts) == 8
    assert list(gmail.drafts).index(min(mine)) >= 4  # not on the first page
    for did in mine:
        _older_version(gmail, did)
    for ledger in (tmp_path / "data").glob("gmail-drafts-*.json"):
        ledger.unlink()
    gmail.reset_counts()

    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("updated:") == 3 and "created:" not in result.stdout
    assert len(gmail.drafts) == 8 and set(gmail.drafts) >= set(mine)
    assert gmail.counts["gmail.users.drafts.create"] == 0
    assert gmail.counts["gmail.users.drafts.update"] == 3
    tokens = [q.get("pageToken") for method, q in gmail.log if method == "gmail.users.drafts.list"]
    assert any(tokens), "drafts.list was never asked for a second page"
    for did in mine:
        msg = email.message_from_bytes(gmail.messages[gmail.drafts[did]].raw, policy=policy.default)
        assert msg["Subject"] != "Re: an older wording"


def test_drafts_in_other_threads_on_many_pages_never_make_a_second_draft(gmail, tmp_path):
    gmail.drafts_page_max = 1
    run("draft", "thank-you", "ledgerline")
    count = len(gmail.drafts)
    for ledger in (tmp_path / "data").glob("gmail-drafts-*.json"):
        ledger.unlink()
    result = run("draft", "thank-you", "ledgerline")
    assert result.stdout.count("unchanged:") == count == 3, result.output
    assert len(gmail.drafts) == count
