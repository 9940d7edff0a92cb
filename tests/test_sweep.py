"""`followup sweep` end to end on the sample mailbox: exactly the drafts due on the day, once;
a second run and the next day's run make no duplicates; edits are kept; --dry-run writes
nothing; refusals and lint failures are listed with their reasons; the source is untouched."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from tests.conftest import SAMPLE_MBOX
from tests.mailmaker import ME, overdue_thread, write_mbox

LEDGERLINE = "19c94874d0882c20"
QUILLSTONE = "19c43d04e78b9a59"
PINECREST = "19c6d4c6c781512d"
ORBITAL = "19c89fee3c85a5e2"
NORTHWIND = "19cb40d4ee8d5a40"
NY = timezone(timedelta(hours=-5))

DUE_ON_THE_12TH = {
    ("thank-you", LEDGERLINE, "daniel.reyes@ledgerline.io"),
    ("thank-you", LEDGERLINE, "aisha.khan@ledgerline.io"),
    ("thank-you", LEDGERLINE, "oliver.grant@ledgerline.io"),
    ("status-check", QUILLSTONE, "megan.doyle@quillstone.com"),
    ("keep-in-touch", PINECREST, "luis.ortega@pinecrest-outfitters.com"),
}


def run(*args, today="2026-03-12", mailbox="sample", me=()):
    mine = [x for address in me for x in ("--me", address)]
    return CliRunner().invoke(main, ["--mailbox", str(mailbox), *mine, "--today", today, "sweep", *args],
                              catch_exceptions=False)


def drafts_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "drafts"


def saved(tmp_path: Path) -> dict[tuple[str, str, str], bytes]:
    """Every draft on disk, by (kind, thread, recipient) read from the tool's marker header."""
    found = {}
    for path in sorted(drafts_dir(tmp_path).glob("*.eml")):
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        kind, thread, to = (part.split("=")[-1].strip() for part in str(msg["X-Followup-Draft"]).split(";"))
        found[(kind, thread, to)] = path.read_bytes()
    return found


def as_json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_demo_day_drafts_exactly_what_is_due(tmp_path):
    """Three thank-yous, one status check, one reply to the rejection; nothing else."""
    result = run()
    assert result.exit_code == 0, result.output
    assert set(saved(tmp_path)) == DUE_ON_THE_12TH
    assert "Drafted:\n  Ledgerline: thank-you to Daniel Reyes: " in result.stdout
    assert "Quillstone Insurance: status-check to Megan Doyle: " in result.stdout
    # Orbital's interview was on 3 Mar and Callum has reported back twice since: feedback
    # to the agency is not due any more, and the process is simply waiting on his promise.
    assert "recruiter-feedback" not in result.stdout
    assert "Waiting:\n  Orbital Payments: until Tue 17 Mar (they said \"early next week\")" in result.stdout
    assert "Refused:" not in result.stdout


def test_json_lists_each_draft_with_its_status_and_file(tmp_path):
    data = as_json(run("--json"))
    assert {(d["kind"], d["thread"], d["to"]) for d in data["drafts"]} == DUE_ON_THE_12TH
    assert {d["status"] for d in data["drafts"]} == {"created"}
    assert all(Path(d["where"]).exists() for d in data["drafts"])
    assert [(w["company"], w["until"]) for w in data["waiting"]] == [
        ("Orbital Payments", "2026-03-17"), ("Spreewerk GmbH", "2026-03-19"), ("Brightwave", "2026-03-20"),
        ("Cascade Metrics", "2026-03-20")]
    assert data["refused"] == [] and data["dry_run"] is False


def test_a_second_run_the_same_day_creates_nothing(tmp_path):
    assert run().exit_code == 0
    before = saved(tmp_path)
    again = as_json(run("--json"))
    assert {d["status"] for d in again["drafts"]} == {"unchanged"}
    assert saved(tmp_path) == before
    assert len(list(drafts_dir(tmp_path).iterdir())) == 5


def test_the_next_day_makes_no_duplicates_and_only_what_became_due(tmp_path):
    """Fri 13 Mar: Ledgerline's window has closed, so its drafts are left alone; the status
    check and the rejection reply are found again, not repeated; Northwind's interview is
    today, so its two thank-yous are due (ready for the evening)."""
    assert run().exit_code == 0
    before = saved(tmp_path)
    result = run(today="2026-03-13")
    assert result.exit_code == 0, result.output
    after = saved(tmp_path)
    assert set(after) - set(before) == {("thank-you", NORTHWIND, "marcus.webb@northwind-labs.com"),
                                        ("thank-you", NORTHWIND, "elena.park@northwind-labs.com")}
    assert all(after[k] == v for k, v in before.items())
    assert "Already drafted (unchanged):\n  Quillstone Insurance: status-check to Megan Doyle" in result.stdout
    assert "Ledgerline" not in result.stdout.split("Waiting:")[0]


def test_a_draft_the_user_edited_is_kept(tmp_path):
    assert run().exit_code == 0
    [path] = drafts_dir(tmp_path).glob("status-check-*.eml")
    edited = path.read_bytes().replace(b"Hi Megan,", b"Dear Megan,")
    assert edited != path.read_bytes()
    path.write_bytes(edited)
    result = run()
    assert "Kept (you edited it; left as it is):\n  Quillstone Insurance: status-check to Megan Doyle" in result.stdout
    assert path.read_bytes() == edited
    assert len(list(drafts_dir(tmp_path).glob("*.eml"))) == 5


def test_dry_run_shows_the_plan_and_writes_nothing(tmp_path):
    elsewhere = tmp_path / "demo-drafts"
    result = run("--dry-run", "--drafts-dir", str(elsewhere))
    assert result.exit_code == 0, result.output
    assert "Would draft (dry run: nothing written):" in result.stdout
    assert "Ledgerline: thank-you to Aisha Khan (interview on Wed 11 Mar" in result.stdout
    assert not elsewhere.exists()
    data_dir = tmp_path / "data"
    assert not data_dir.exists() or not any(p.is_file() for p in data_dir.rglob("*"))
    assert {d["status"] for d in as_json(run("--dry-run", "--json"))["drafts"]} == {"would draft"}


def test_a_second_check_in_is_refused_and_the_summary_says_why(tmp_path):
    box = write_mbox(tmp_path / "box.mbox", overdue_thread(checked_in=True))
    result = run(mailbox=box, me=[ME])
    assert result.exit_code == 0, result.output
    assert "Refused:\n  Northwind Labs: status-check: you already checked in on Mon 02 Mar 2026" in result.stdout
    assert saved(tmp_path) == {}

    fresh = write_mbox(tmp_path / "fresh.mbox", overdue_thread(checked_in=False))
    result = run(mailbox=fresh, me=[ME])
    assert "Drafted:\n  Northwind Labs: status-check to Priya Shah" in result.stdout


def test_a_rejection_older_than_two_weeks_gets_no_reply_drafted(tmp_path):
    """Pinecrest said no on Mon 9 Mar: still new on the 23rd, old news on the 24th."""
    on_23 = as_json(run("--dry-run", "--json", today="2026-03-23"))
    assert ("keep-in-touch", PINECREST) in {(d["kind"], d["thread"]) for d in on_23["drafts"]}
    on_24 = as_json(run("--dry-run", "--json", today="2026-03-24"))
    assert "keep-in-touch" not in {d["kind"] for d in on_24["drafts"]}


def test_the_agency_recruiter_gets_feedback_the_day_after_the_interview_he_arranged(tmp_path):
    """Callum (TalentBridge) introduced Jordan to Orbital's Rachel; the interview was Tue 3 Mar.
    Jordan's thank-you to Rachel only copied Callum, so on Wed 4 Mar feedback to him is due."""
    data = as_json(run("--json", today="2026-03-04"))
    feedback = [d for d in data["drafts"] if d["kind"] == "recruiter-feedback"]
    assert [(d["thread"], d["to"], d["status"]) for d in feedback] == [
        (ORBITAL, "callum.reid@talentbridge-partners.com", "created")]
    text = Path(feedback[0]["where"]).read_text()
    assert "To: Callum Reid <callum.reid@talentbridge-partners.com>" in text


def test_a_draft_that_fails_lint_is_not_created_and_the_summary_says_why(tmp_path):
    templates = tmp_path / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "keep-in-touch.txt.j2").write_text("Hi {{ recipient.first_name }},\n\nTODO: say something kind.\n")
    result = run()
    assert result.exit_code == 1
    assert "Not created:\n  Pinecrest Outfitters: keep-in-touch to Luis Ortega: lint placeholder.todo" in result.stdout
    assert set(saved(tmp_path)) == DUE_ON_THE_12TH - {("keep-in-touch", PINECREST,
                                                        "luis.ortega@pinecrest-outfitters.com")}


def test_the_source_mailbox_is_never_modified(tmp_path):
    digest = hashlib.sha256(SAMPLE_MBOX.read_bytes()).hexdigest()
    assert run().exit_code == 0
    assert run(today="2026-03-13").exit_code == 0
    assert hashlib.sha256(SAMPLE_MBOX.read_bytes()).hexdigest() == digest


def test_with_a_real_clock_an_interview_later_today_waits_for_its_thank_you():
    """Run at 8:00 on Fri 13 Mar, before Northwind's 10:00 interview: no thank-you yet."""
    from datetime import date

    from assistant.config import load_settings
    from assistant.mailbox import open_mailbox
    from assistant.process import list_processes
    from assistant.sweep import plan_sweep

    scan = open_mailbox("sample").scan(frozenset({ME}))
    day = date(2026, 3, 13)
    found = list_processes(scan.threads, scan.me, day)
    early = plan_sweep(found, scan.me, day, load_settings(None), now=datetime(2026, 3, 13, 8, tzinfo=NY))
    assert NORTHWIND not in {i.process.id for i in early.items}
    assert [w.why for w in early.waiting if w.process.id == NORTHWIND] == [
        "interview at 10:00; the thank-you is drafted on a run after it"]
    late = plan_sweep(found, scan.me, day, load_settings(None), now=datetime(2026, 3, 13, 18, tzinfo=NY))
    assert ("thank-you", NORTHWIND) in {(i.kind, i.process.id) for i in late.items}


class _LabelledMailbox:
    """The sample, with a Gmail-style sync_label that records what it was asked to label."""

    label = "Follow-up due"

    def __init__(self, calls):
        from assistant.mailbox.local import LocalMailbox

        self._box, self.calls = LocalMailbox(str(SAMPLE_MBOX)), calls

    def scan(self, me):
        return self._box.scan(me)

    def save_draft(self, message, key, drafts_dir=None, threads=()):
        return self._box.save_draft(message, key, drafts_dir, threads)

    def sync_label(self, overdue):
        self.calls.append(set(overdue))
        return sorted(overdue), []


def test_on_gmail_the_overdue_threads_are_labelled_but_not_in_a_dry_run(monkeypatch):
    import assistant.mailbox

    calls: list = []
    monkeypatch.setattr(assistant.mailbox, "open_mailbox", lambda spec, settings=None: _LabelledMailbox(calls))
    assert run("--dry-run").exit_code == 0
    assert calls == []
    result = run()
    assert result.exit_code == 0, result.output
    assert calls == [{QUILLSTONE}]
    assert "Gmail label 'Follow-up due': added to 1 thread(s), removed from 0" in result.stdout


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["sweep", "--help"])
    assert "followup --mailbox sample --today 2026-03-12 sweep" in result.output


def test_a_process_gone_quiet_for_months_gets_no_status_check(tmp_path):
    box = write_mbox(tmp_path / "box.mbox", overdue_thread(checked_in=False))
    assert as_json(run("--json", mailbox=box, me=[ME], today="2026-03-02"))["drafts"]  # 3 days overdue
    late = as_json(run("--json", "--dry-run", mailbox=box, me=[ME], today="2026-06-01"))
    assert late["drafts"] == []
