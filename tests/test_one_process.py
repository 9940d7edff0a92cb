"""One hiring process may span several mail threads (issue 8, "right facts").

Gmail keeps the ATS acknowledgement, the interview thread, an offer or a rejection with a
new subject, and calendar invitations apart. The job seeker sees one application to one
company for one role: one process, whose facts come from all its messages in date order,
and whose drafts reply to the company's newest real message inside that message's thread.
Two roles at one company stay two processes.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.gmail_fixtures import sleeps  # noqa: F401
from tests.mailmaker import ME, gmail_serving, invite, message, write_mbox

NY = timezone(timedelta(hours=-5))
TODAY = "2026-03-12"
PRIYA = "Priya Shah <priya.shah@acmeanalytics.com>"
ACK, TALK, VERDICT, OTHER_ROLE = 0x19c10000000000a1, 0x19c10000000000a2, 0x19c10000000000a3, 0x19c10000000000a4


def at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=NY)


def ack(role: str = "Data Analyst", day: int = 2, month: int = 2, thread: int = ACK) -> list:
    """Greenhouse's "thank you for applying", a thread of its own."""
    return [message("Acme Analytics <no-reply@greenhouse.io>", ME, "Thank you for applying to Acme Analytics",
                    f"Hi Jordan,\n\nThank you for applying to Acme Analytics for the {role} position. "
                    "Our team will review your application.\n\nAcme Analytics Recruiting\n",
                    at(day, 9, month), msgid=f"ack-{thread:x}@greenhouse", thread=thread)]


def interview_thread(role: str = "Data Analyst", thread: int = TALK, promise: str = "by Friday",
                     prefix: str = "t") -> list:
    """Priya set an interview for Tue 24 Feb 14:00 New York; after it she promised news."""
    subject = f"Interview - {role}"
    ics = invite(f"{prefix}-1@acmeanalytics.com", "20260224T140000", "America/New_York",
                 "priya.shah@acmeanalytics.com", [ME, "priya.shah@acmeanalytics.com"],
                 summary=f"Interview: {role}, Acme Analytics")
    return [
        message(PRIYA, ME, subject,
                f"Hi Jordan,\n\nWe would like to invite you to interview for the {role} role on Tuesday "
                "24 February at 2pm ET. The invitation is attached.\n\nBest,\nPriya Shah\n"
                "Recruiter, Acme Analytics\n",
                at(17, 9, 2), msgid=f"{prefix}1@acme", thread=thread, ics=ics),
        message(f"Jordan Rivera <{ME}>", PRIYA, f"Re: {subject}", "Hi Priya,\n\nConfirmed, thank you.\n\nJordan\n",
                at(17, 11, 2), msgid=f"{prefix}2@me", reply_to_ids=(f"{prefix}1@acme",), thread=thread,
                labels="Sent"),
        message(f"Jordan Rivera <{ME}>", PRIYA, f"Re: {subject}",
                "Hi Priya,\n\nThank you for your time today; I enjoyed hearing about the team.\n\nJordan\n",
                at(24, 17, 2), msgid=f"{prefix}3@me", reply_to_ids=(f"{prefix}1@acme", f"{prefix}2@me"),
                thread=thread, labels="Sent"),
        message(PRIYA, ME, f"Re: {subject}",
                f"Hi Jordan,\n\nThanks for the note. We'll get back to you {promise}.\n\nPriya\n",
                at(25, 9, 2), msgid=f"{prefix}4@acme",
                reply_to_ids=(f"{prefix}1@acme", f"{prefix}2@me", f"{prefix}3@me"), thread=thread),
    ]


def offer() -> list:
    return [message(PRIYA, ME, "Offer - Data Analyst, Acme Analytics",
                    "Hi Jordan,\n\nI am delighted to offer you the Data Analyst position at Acme Analytics. "
                    "The offer letter is attached; please let us know your decision within 5 business "
                    "days.\n\nPriya\n", at(10), msgid="offer@acme", thread=VERDICT)]


def rejection() -> list:
    return [message(PRIYA, ME, "Your application to Acme Analytics",
                    "Hi Jordan,\n\nThank you for interviewing with us. Unfortunately we have decided not to "
                    "move forward with your application for the Data Analyst role.\n\nPriya\n",
                    at(10), msgid="no@acme", thread=VERDICT)]


def threads_json(mailbox: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["--mailbox", mailbox, "--me", ME, "--today", TODAY, *args,
                                       "threads", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cli(mailbox: str, *args: str):
    return CliRunner().invoke(main, ["--mailbox", mailbox, "--me", ME, "--today", TODAY, *args],
                              catch_exceptions=False)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FOLLOWUP_DATA_DIR", str(tmp_path / "data"))


def mbox(tmp_path, mails: list) -> str:
    return str(write_mbox(tmp_path / "All mail.mbox", mails))


def test_ats_acknowledgement_and_interview_thread_are_one_process(tmp_path):
    box = mbox(tmp_path, ack() + interview_thread())
    (p,) = threads_json(box)
    assert p["company"] == "Acme Analytics" and p["role"] == "Data Analyst"
    assert p["threads"] == [f"{ACK:x}", f"{TALK:x}"]
    assert p["id"] == f"{TALK:x}"  # the conversation names it, never the ATS's "thank you for applying"
    assert p["subject"] == "Interview - Data Analyst"  # the conversation, not the ATS's subject
    assert p["state"] == "overdue" and p["promise"]["phrase"] == "by Friday"
    assert [i["start"][:10] for i in p["interviews"]] == ["2026-02-24"]
    assert threads_json(box) == [p]  # the same id on every run


def test_a_company_name_and_any_of_its_threads_find_the_process(tmp_path):
    box = mbox(tmp_path, ack() + interview_thread())
    for key in ("acme", "Acme Analytics", f"{TALK:x}", f"{ACK:x}", f"{TALK:x}"[:12]):
        result = cli(box, "draft", "status-check", key, "--drafts-dir", str(tmp_path / "out"))
        assert result.exit_code == 0, (key, result.output)


def test_the_draft_answers_the_company_in_their_thread_not_the_ats(tmp_path):
    box = mbox(tmp_path, ack() + interview_thread())
    assert cli(box, "draft", "status-check", "acme", "--drafts-dir", str(tmp_path / "out")).exit_code == 0
    (saved,) = (tmp_path / "out").glob("*.eml")
    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["In-Reply-To"] == "<t4@acme>"
    assert draft["Subject"] == "Re: Interview - Data Analyst"
    assert "greenhouse" not in draft["To"] and "priya.shah@acmeanalytics.com" in draft["To"]


def test_an_offer_with_a_new_subject_makes_the_process_an_offer_and_sweep_leaves_it_alone(tmp_path):
    box = mbox(tmp_path, ack() + interview_thread() + offer())
    (p,) = threads_json(box)
    assert p["state"] == "offer" and p["promise"] is None  # her deadline is not their promise
    assert p["id"] == f"{TALK:x}"  # the offer in a new thread does not rename the process
    assert p["subject"] == "Offer - Data Analyst, Acme Analytics"
    assert [i["start"][:10] for i in p["interviews"]] == ["2026-02-24"]  # still known from the old thread
    result = cli(box, "sweep", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    assert not [d for d in json.loads(result.stdout)["drafts"] if d["company"] == "Acme Analytics"]


def test_a_rejection_with_a_new_subject_closes_the_process_and_the_reply_goes_into_its_thread(tmp_path):
    box = mbox(tmp_path, ack() + interview_thread() + rejection())
    (p,) = threads_json(box)
    assert p["state"] == "rejected" and len(p["threads"]) == 3
    assert cli(box, "draft", "keep-in-touch", "acme", "--drafts-dir", str(tmp_path / "out")).exit_code == 0
    (saved,) = (tmp_path / "out").glob("*.eml")
    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["In-Reply-To"] == "<no@acme>" and draft["Subject"] == "Re: Your application to Acme Analytics"


def test_on_gmail_the_draft_goes_into_the_thread_of_the_message_it_answers(tmp_path, monkeypatch):
    box = write_mbox(tmp_path / "All mail.mbox", ack() + interview_thread() + rejection())
    fake = gmail_serving(box, tmp_path, monkeypatch)
    try:
        result = CliRunner().invoke(main, ["--mailbox", "gmail", "--today", TODAY, "draft", "keep-in-touch",
                                           "acme"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        (made,) = [fake.messages[mid] for mid in fake.drafts.values()]
        assert made.thread_id == f"{VERDICT:x}"  # not the ATS's thread that names the process
        rerun = CliRunner().invoke(main, ["--mailbox", "gmail", "--today", TODAY, "draft", "keep-in-touch",
                                          "acme"], catch_exceptions=False)
        assert "unchanged:" in rerun.stdout and len(fake.drafts) == 1
    finally:
        fake.stop()


def test_two_roles_at_one_company_stay_two_processes(tmp_path):
    box = mbox(tmp_path, ack("Data Analyst") + interview_thread("Data Analyst")
               + ack("Data Engineer", day=3, thread=OTHER_ROLE + 1)
               + interview_thread("Data Engineer", thread=OTHER_ROLE, prefix="e"))
    found = threads_json(box)
    assert sorted((p["role"], len(p["threads"])) for p in found) == [("Data Analyst", 2), ("Data Engineer", 2)]
    result = cli(box, "draft", "status-check", "acme", "--print")
    assert result.exit_code == 2 and "matches 2 processes" in result.output


def test_a_new_application_after_a_rejection_is_a_new_process(tmp_path):
    box = mbox(tmp_path, interview_thread() + rejection() + ack(day=11, month=3, thread=OTHER_ROLE))
    assert sorted(p["state"] for p in threads_json(box)) == ["applied", "rejected"]


def test_an_agency_thread_and_the_clients_own_thread_are_one_process(tmp_path):
    callum = "Callum Reid <callum@talentfinders.co.uk>"
    laura = "Laura Kim <laura.kim@fenwickanalytics.com>"
    agency = [
        message(callum, ME, "Data Analyst opportunity",
                "Hi Jordan,\n\nI am recruiting for a Data Analyst role at Fenwick Analytics, my client. "
                "Would you be open to a chat?\n\nCallum Reid\nSenior Recruiter, TalentFinders\n",
                at(10, 9, 2), msgid="c1@tf", thread=ACK),
        message(f"Jordan Rivera <{ME}>", callum, "Re: Data Analyst opportunity",
                "Hi Callum,\n\nYes, please put me forward.\n\nJordan\n", at(10, 12, 2), msgid="c2@me",
                reply_to_ids=("c1@tf",), thread=ACK, labels="Sent"),
        message(callum, ME, "Re: Data Analyst opportunity",
                "Hi Jordan,\n\nI spoke with Laura after your interview yesterday. She said they'd have a "
                "decision by Friday 6 March.\n\nCallum\n", at(25, 9, 2), msgid="c3@tf",
                reply_to_ids=("c1@tf", "c2@me"), thread=ACK),
    ]
    client = [message(laura, ME, "Interview - Data Analyst",
                      "Hi Jordan,\n\nCallum passed on your CV. Could we meet for an interview on Tuesday "
                      "24 February at 2pm ET?\n\nLaura Kim\nHead of Data, Fenwick Analytics\n",
                      at(17, 9, 2), msgid="l1@fenwick", thread=TALK,
                      ics=invite("f-1@fenwickanalytics.com", "20260224T140000", "America/New_York",
                                 "laura.kim@fenwickanalytics.com", [ME, "laura.kim@fenwickanalytics.com"],
                                 summary="Interview: Data Analyst"))]
    (p,) = threads_json(mbox(tmp_path, agency + client))
    assert p["company"] == "Fenwick Analytics" and p["role"] == "Data Analyst"
    assert {c["email"] for c in p["contacts"]} >= {"callum@talentfinders.co.uk", "laura.kim@fenwickanalytics.com"}
    assert [i["start"][:10] for i in p["interviews"]] == ["2026-02-24"]
    assert p["promise"]["due"] == "2026-03-06" and p["state"] == "overdue"  # the agency's word is the newest


def test_my_calendars_rsvp_is_not_a_follow_up(tmp_path):
    """Google Calendar mails the organizer "Accepted: ..." as mail of mine, in the invitation's
    thread, which joins the conversation: it is not a message I wrote to them."""
    invitation = 0x19c10000000000b1
    talk = message(PRIYA, ME, "Interview - Data Analyst",
                   "Hi Jordan,\n\nThanks for your time on the phone. I will send you an invitation for "
                   "the interview.\n\nPriya Shah\nRecruiter, Acme Analytics\n",
                   at(17, 9, 2), msgid="talk@acme", thread=TALK)
    invited = message(PRIYA, ME, "Invitation: Interview: Data Analyst, Acme Analytics @ Tue 24 Feb 2026 2pm",
                      "You have been invited to the following event.\n", at(17, 10, 2), msgid="inv@acme",
                      thread=invitation,
                      ics=invite("rsvp-1@acmeanalytics.com", "20260224T140000", "America/New_York",
                                 "priya.shah@acmeanalytics.com", [ME, "priya.shah@acmeanalytics.com"],
                                 summary="Interview: Data Analyst, Acme Analytics"))
    rsvp = message(f"Jordan Rivera <{ME}>", "priya.shah@acmeanalytics.com",
                   "Accepted: Interview: Data Analyst, Acme Analytics @ Tue 24 Feb 2026 2pm - 3pm (EST)",
                   "Jordan Rivera has accepted this invitation.\n\nInvitation from Google Calendar\n",
                   at(17, 11, 2), msgid="rsvp@me", thread=invitation, labels="Sent")
    result = CliRunner().invoke(main, ["--mailbox", mbox(tmp_path, [talk, invited, rsvp]), "--me", ME,
                                       "--today", "2026-02-20", "threads", "--json"], catch_exceptions=False)
    (p,) = json.loads(result.stdout)
    assert p["state"] == "scheduled" and p["followups_since_reply"] == 0


def test_the_status_check_answers_the_company_not_a_referrer_who_replied_all(tmp_path):
    ben = message("Ben Adler <ben.adler@fastmail.com>", f"{PRIYA}, {ME}", "Re: Interview - Data Analyst",
                  "Hi Priya, hi Jordan,\n\nJordan was one of the sharpest analysts on my team. Happy to chat.\n\nBen\n",
                  at(26, 9, 2), msgid="ben@fastmail", reply_to_ids=("t1@acme", "t4@acme"), thread=TALK)
    box = mbox(tmp_path, interview_thread() + [ben])
    assert cli(box, "draft", "status-check", "acme", "--drafts-dir", str(tmp_path / "out")).exit_code == 0
    (saved,) = (tmp_path / "out").glob("*.eml")
    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["In-Reply-To"] == "<t4@acme>" and "priya.shah@acmeanalytics.com" in draft["To"]


def test_on_gmail_a_draft_saved_when_the_thread_was_a_process_alone_is_not_made_twice(tmp_path, monkeypatch):
    """Before threads joined, the rejection thread was its own process: its keep-in-touch draft
    carries that thread's id in its key. The joined process finds it in the thread."""
    from assistant.mailbox.drafts_local import DIGEST, MARKER, content_digest

    box = write_mbox(tmp_path / "All mail.mbox", ack() + interview_thread() + rejection())
    fake = gmail_serving(box, tmp_path, monkeypatch)
    args = ["--mailbox", "gmail", "--today", TODAY, "draft", "keep-in-touch", "acme"]
    try:
        assert CliRunner().invoke(main, args, catch_exceptions=False).exit_code == 0
        (draft_id, mid), = fake.drafts.items()
        old = message_from_bytes(fake.messages[mid].raw, policy=policy.default)
        old.replace_header(MARKER, old[MARKER].replace(f"thread={TALK:x}", f"thread={VERDICT:x}"))
        old.replace_header("Subject", "Re: an older wording")
        old.replace_header(DIGEST, content_digest(old))
        fake.messages[mid].raw = old.as_bytes()
        for ledger in (tmp_path / "data").glob("gmail-drafts-*.json"):
            ledger.unlink()
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0 and "updated:" in result.stdout, result.output
        assert list(fake.drafts) == [draft_id]
    finally:
        fake.stop()


def test_a_role_with_its_team_named_in_one_thread_only_is_the_same_role(tmp_path):
    box = mbox(tmp_path, ack("Data Analyst") + interview_thread("Data Analyst, Claims")
               + interview_thread("Data Analyst, Growth", thread=OTHER_ROLE, prefix="g"))
    found = sorted((p["role"], len(p["threads"])) for p in threads_json(box))
    assert found == [("Data Analyst, Claims", 2), ("Data Analyst, Growth", 1)]
