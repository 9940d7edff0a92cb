"""The bundled sample mailbox (examples/sample.mbox), read the way `make demo` reads it.

Two kinds of test live here:

- The file itself: a well-formed Google Takeout mbox, and the generator that writes it is
  deterministic. These need nothing but the standard library and icalendar.
- What `followup threads --json` makes of it on the demo day, Thursday 2026-03-12: exactly
  the eleven hiring processes (no newsletter, receipt, dentist or calendar reminder), each in the state, with the
  promise and the dates written down in examples/README.md. Dates were worked out by hand
  from PROMISES.md; the rule each one exercises is named next to it.
"""

from __future__ import annotations

import email
import json
import mailbox
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from email import policy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_MBOX = REPO / "examples" / "sample.mbox"
GENERATOR = REPO / "examples" / "make_sample.py"
ME = "jordan.rivera@gmail.com"
TODAY = "2026-03-12"

# Gmail thread ids (hex of X-GM-THRID) of the hiring processes.
NORTHWIND = "19cb40d4ee8d5a40"  # scheduled: technical interview tomorrow (rescheduled)
LEDGERLINE = "19c94874d0882c20"  # thank_you_due: panel of three yesterday
CASCADE = "19c910ac0d80ead9"  # waiting: "within the next two weeks", quoted by Jordan later
QUILLSTONE = "19c43d04e78b9a59"  # overdue: "by Friday" (replacing "early next week")
SPREEWERK = "19c8eec1ae02b2f8"  # waiting, no date promised: "in due course"
PINECREST = "19c6d4c6c781512d"  # rejected
SOLVANE = "19c53a7cd8012ccb"  # offer
TALENTBRIDGE = "19c89fee3c85a5e2"  # agency + client hiring manager; waiting
FATHOM = "19cd999cbc8b6c2a"  # applied (Greenhouse acknowledgement)
TESSELLATE = "19cb0a50250ed8b0"  # applied (Workday acknowledgement)
BRIGHTWAVE = "19cc3e54320b2a26"  # waiting: the phone screen exists only in prose

EXPECTED_STATES = {
    NORTHWIND: "scheduled",
    LEDGERLINE: "thank_you_due",
    CASCADE: "waiting",
    QUILLSTONE: "overdue",
    SPREEWERK: "waiting",
    PINECREST: "rejected",
    SOLVANE: "offer",
    TALENTBRIDGE: "waiting",
    FATHOM: "applied",
    TESSELLATE: "applied",
    BRIGHTWAVE: "waiting",
}

# One word of each company's name that any sensible rendering of it contains.
COMPANY_WORD = {
    NORTHWIND: "northwind",
    LEDGERLINE: "ledgerline",
    CASCADE: "cascade",
    QUILLSTONE: "quillstone",
    SPREEWERK: "spreewerk",
    PINECREST: "pinecrest",
    SOLVANE: "solvane",
    FATHOM: "fathom",
    TESSELLATE: "tessellate",
    BRIGHTWAVE: "brightwave",
}

NOISE = {
    "19cdcfe289080a65": "job alert digest (mentions Northwind Labs, 'interviewing now')",
    "19cc3c67080d4458": "'Priya Shah viewed your profile'",
    "19cd27d3d484df3e": "'You appeared in 12 searches'",
    "19cc89939f849556": "'5 interview tips' newsletter",
    "19cb8efdf70e403b": "'Ace your next interview' webinar",
    "19cd7ca7298e1eb6": "bulk recruiter blast with unsubscribe link",
    "19ca5b3c9087c836": "order confirmation",
    "19c77b5f760245b3": "ride receipt",
    "19cb4926538e824c": "dentist appointment with a text/calendar invite",
    "19cd8964a30eef87": "friend's 'coffee chat' thread asking how the interview went",
    "19ccd52227085e15": "mailing-list digest",
    "19ca72d16e02d080": "password reset",
    "19cbdc350e0e041d": "bank statement notice",
    "19cce56f7e0b58ec": "interview reviews for Northwind Labs",
    "19c9a774a3867e37": "salary report newsletter",
    "19cafb88b28d9d4f": "verification code",
    "19cd3a686c037913": "interview-prep course promotion",
    "19cdf17cd4815d47": "Google Calendar notification of Jordan's own 'Interview prep' event",
}


# --------------------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------------------
def _messages():
    box = mailbox.mbox(str(SAMPLE_MBOX), factory=None, create=False)
    try:
        return [email.message_from_bytes(box.get_bytes(key), policy=policy.default)
                for key in box.keys()]
    finally:
        box.close()


def test_generator_is_deterministic(tmp_path):
    out = tmp_path / "sample.mbox"
    subprocess.run([sys.executable, str(GENERATOR), str(out)], check=True, timeout=60)
    assert out.read_bytes() == SAMPLE_MBOX.read_bytes(), (
        "examples/sample.mbox is stale: run `python examples/make_sample.py` and commit it")


def test_is_a_takeout_mbox():
    raw = SAMPLE_MBOX.read_bytes()
    separator = re.compile(rb"From \d{19}@xxx (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} "
                           rb"\d\d \d\d:\d\d:\d\d \+0000 20\d\d")
    lines = raw.split(b"\n")
    separators = [line for line in lines if line.startswith(b"From ")]
    # every line starting with "From " is a separator: body lines were quoted as ">From "
    assert all(separator.fullmatch(line) for line in separators)
    assert any(line.startswith(b">From ") for line in lines)

    messages = _messages()
    assert len(messages) == len(separators)
    threads: dict[str, list] = {}
    for msg in messages:
        assert msg["X-Gmail-Labels"]
        assert msg["MIME-Version"] == "1.0"
        assert msg["Date"].datetime.tzinfo is not None
        threads.setdefault(format(int(msg["X-GM-THRID"]), "x"), []).append(msg)
    assert set(threads) == set(EXPECTED_STATES) | set(NOISE)

    ids = [msg["Message-ID"] for msg in messages]
    assert len(set(ids)) == len(ids)
    for thread in threads.values():
        seen = set()
        for msg in thread:
            if msg["In-Reply-To"]:
                assert msg["In-Reply-To"] in seen  # replies point inside their own thread
            seen.add(msg["Message-ID"])
    for msg in messages:  # what Jordan sent, and only that, is labelled Sent
        assert ("Sent" in msg["X-Gmail-Labels"].split(",")) == (ME in msg["From"])


def test_calendar_parts_say_what_the_readme_says():
    icalendar = pytest.importorskip("icalendar")
    events = {}
    for msg in _messages():
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
                for ev in cal.walk("VEVENT"):
                    key = (format(int(msg["X-GM-THRID"]), "x"), str(cal["METHOD"]))
                    events.setdefault(key, []).append(ev["DTSTART"].dt)
    ny = timezone(timedelta(hours=-4))  # New York is on daylight time from 8 March 2026
    assert events[(NORTHWIND, "REQUEST")] == [datetime(2026, 3, 11, 15, tzinfo=ny),
                                              datetime(2026, 3, 13, 10, tzinfo=ny)]
    assert events[(NORTHWIND, "CANCEL")] == [datetime(2026, 3, 11, 15, tzinfo=ny)]
    assert events[(LEDGERLINE, "REQUEST")] == [datetime(2026, 3, 11, 14, tzinfo=timezone.utc)]
    assert events[(SPREEWERK, "REQUEST")] == [
        datetime(2026, 3, 4, 16, tzinfo=timezone(timedelta(hours=1)))]


# --------------------------------------------------------------------------------------
# What the CLI makes of it
# --------------------------------------------------------------------------------------
@pytest.fixture
def listed():
    from click.testing import CliRunner

    from assistant.cli import main

    result = CliRunner().invoke(main, ["--mailbox", str(SAMPLE_MBOX), "--me", ME,
                                       "--today", TODAY, "threads", "--json"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return {p["id"]: p for p in json.loads(result.output)}


def _start(interview) -> datetime:
    return datetime.fromisoformat(interview["start"])


def test_lists_exactly_the_hiring_processes(listed):
    noise = {i: NOISE[i] for i in listed if i in NOISE}
    assert not noise, f"noise listed as hiring processes: {noise}"
    assert set(listed) == set(EXPECTED_STATES)


def test_each_process_is_in_its_state(listed):
    assert {i: listed.get(i, {}).get("state") for i in EXPECTED_STATES} == EXPECTED_STATES


def test_companies(listed):
    for thread_id, word in COMPANY_WORD.items():
        company = (listed[thread_id]["company"] or "").lower()
        assert word in company, (thread_id, company)
    # An agency introduced the process; the job is at its client.
    assert "orbital" in (listed[TALENTBRIDGE]["company"] or "").lower()


def test_scheduled_interview_keeps_its_offset_and_the_cancelled_one_is_gone(listed):
    interviews = listed[NORTHWIND]["interviews"]
    # Fri 13 Mar 10:00 in New York, which moved to daylight time on 8 Mar: -04:00.
    tomorrow = [i for i in interviews if i["start"].startswith("2026-03-13T10:00")]
    assert tomorrow, interviews
    assert all(_start(i).utcoffset() == timedelta(hours=-4) for i in tomorrow)
    # Wednesday's invitation was cancelled (METHOD:CANCEL) before it happened.
    cancelled = datetime(2026, 3, 11, 15, tzinfo=timezone(timedelta(hours=-4)))
    assert not [i for i in interviews if i["source"] == "calendar" and _start(i) == cancelled]


def test_interviews_arranged_in_plain_text_are_found(listed):
    # No invite in these threads: the time was proposed in a message and confirmed in the
    # reply. Each in the offset its writer meant.
    expected = {
        CASCADE: datetime(2026, 3, 5, 10, tzinfo=timezone(timedelta(hours=-8))),  # 10 AM PT
        QUILLSTONE: datetime(2026, 2, 19, 13, tzinfo=timezone(timedelta(hours=-5))),
        TALENTBRIDGE: datetime(2026, 3, 3, 16, tzinfo=timezone.utc),  # "Tuesday 3 March at 16:00 GMT"
    }
    found = {i: [_start(x) for x in listed[i]["interviews"]] for i in expected}
    assert {i: expected[i] in found[i] for i in expected} == {i: True for i in expected}, found


def test_panel_interviewers_are_contacts(listed):
    p = listed[LEDGERLINE]
    interviewers = {c["email"].lower(): c for c in p["contacts"] if c["role"] == "interviewer"}
    assert {"daniel.reyes@ledgerline.io", "aisha.khan@ledgerline.io",
            "oliver.grant@ledgerline.io"} <= set(interviewers)
    assert interviewers["aisha.khan@ledgerline.io"]["name"] == "Aisha Khan"
    assert ME not in interviewers
    coordinator = [c for c in p["contacts"] if c["email"].lower() == "hannah.okafor@ledgerline.io"]
    assert coordinator and coordinator[0]["role"] == "coordinator"
    assert datetime(2026, 3, 11, 14, tzinfo=timezone.utc) in [_start(i) for i in p["interviews"]]


def test_agency_thread_lists_the_recruiter(listed):
    contacts = {c["email"].lower(): c["role"] for c in listed[TALENTBRIDGE]["contacts"]}
    assert contacts.get("callum.reid@talentbridge-partners.com") == "recruiter"
    assert "rachel.adeyemi@orbitalpay.io" in contacts


def _due(p):
    return p["promise"] and p["promise"]["due"]


def test_promise_two_weeks_counts_in_the_senders_own_calendar(listed):
    # "we'll get back to you within the next two weeks", Fri 6 Mar 19:40 -08:00 (already
    # Saturday in UTC): +14 days = Fri 20 Mar (rules 1 and 3). "next week" in the same
    # sentence is about other candidates (rule 14). Jordan's reply of Mon 9 Mar quotes the
    # promise; a quote is not a new promise (it would give 23 Mar).
    p = listed[CASCADE]
    assert _due(p) == "2026-03-20"
    assert p["wait_until"] == "2026-03-20"


def test_newest_promise_wins_and_a_passed_one_is_overdue(listed):
    # Fri 20 Feb "early next week" (Tue 24 Feb) replaced by Mon 23 Feb "We'll let you
    # know by Friday" = Fri 27 Feb (rules 7, 8, 15); nothing from them since; Jordan has
    # not chased yet.
    p = listed[QUILLSTONE]
    assert _due(p) == "2026-02-27"
    assert p["wait_until"] == "2026-02-27"
    assert p["state"] == "overdue"
    assert p["followups_since_reply"] == 0
    assert p["last_message"]["from_me"] is False


def test_agency_promise_replaced_by_a_later_one(listed):
    # Wed 4 Mar "come back to you by Friday" (Fri 6 Mar, passed) replaced by Mon 9 Mar
    # "I'll have feedback from the client early next week" = Tue 17 Mar (rules 8, 15).
    p = listed[TALENTBRIDGE]
    assert _due(p) == "2026-03-17"
    assert p["wait_until"] == "2026-03-17"


def test_no_date_promised_waits_ten_business_days(listed):
    # "by Friday" (slots) was ended by the next reply; after the interview of Wed 4 Mar
    # only "will be in touch in due course" (Thu 5 Mar, +01:00): no promise (rules 12,
    # 15); wait_until = Thu 5 Mar + 10 business days = Thu 19 Mar.
    p = listed[SPREEWERK]
    assert p["promise"] is None
    assert p["wait_until"] == "2026-03-19"


def test_rejection_and_offer_carry_no_promise(listed):
    # "keep your details on file for the next six months" in a rejection, and "let us know
    # your decision by Friday, March 20" in an offer, are not promises (rule 13).
    assert listed[PINECREST]["promise"] is None
    assert listed[SOLVANE]["promise"] is None


def test_thank_you_due_after_yesterdays_panel(listed):
    p = listed[LEDGERLINE]
    assert p["promise"] is None
    assert p["last_message"]["from_me"] is False


def test_dates_are_iso(listed):
    for p in listed.values():
        if p["wait_until"] is not None:
            date.fromisoformat(p["wait_until"])
        for interview in p["interviews"]:
            assert _start(interview).utcoffset() is not None, (p["id"], interview)
            assert interview["source"] in ("calendar", "text")


def test_a_phone_screen_only_in_prose_is_an_interview(listed):
    """Brightwave's phone screen was arranged by phone; only "Great speaking with you this
    afternoon" (Tue 10 Mar, 15:40 in Chicago) tells of it, dated in the sender's own offset."""
    p = listed[BRIGHTWAVE]
    assert p["interviews"] == [{"start": "2026-03-10T12:00:00-05:00", "source": "text"}]
    assert (p["company"], p["role"]) == ("Brightwave", "Product Analyst")  # not "Product Analyst, Brightwave"
    # Jordan thanked Ines that evening: no thank-you is owed; "by the end of next week" = Fri 20 Mar.
    assert p["state"] == "waiting" and p["wait_until"] == "2026-03-20"


def test_no_process_is_named_after_a_calendar(listed):
    assert not [p["company"] for p in listed.values() if "google" in p["company"].lower()]
