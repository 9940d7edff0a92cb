"""Interview times, read once and in the zone the text names (issue 8, class 3)."""

import time
from datetime import datetime, timedelta, timezone

import pytest

from assistant.interviews import interviews_of
from assistant.mail import parse_message
from tests.mailmaker import ME, invite, message

NY = timezone(timedelta(hours=-5))
PRIYA = "Priya Shah <priya@northwind-labs.com>"
JORDAN = f"Jordan Rivera <{ME}>"


def mail(body, at, sender=PRIYA, subject="Data Analyst role", ics=None, n=[0]):
    n[0] += 1
    to = ME if sender == PRIYA else "priya@northwind-labs.com"
    return parse_message(message(sender, to, subject, body, at, msgid=f"m{n[0]}@x", ics=ics).as_bytes())


def starts(messages):
    return [i.start.isoformat() for i in interviews_of(messages)]


MON = datetime(2026, 3, 2, 9, 30, tzinfo=NY)  # Monday 2 March 2026, New York


@pytest.mark.parametrize("text, start", [
    ("Your interview is on Thursday at 7:00 pm in Chicago.", "2026-03-05T19:00:00-06:00"),
    ("Your interview is confirmed for Thursday, March 5 at 10am ET.", "2026-03-05T10:00:00-05:00"),
    ("The panel interview is on 5 March at 14:00 CET.", "2026-03-05T14:00:00+01:00"),
    ("We'll call you on Thursday at 3pm PST for the phone screen.", "2026-03-05T15:00:00-08:00"),
    ("Our video interview is on 5 March at 15:00 (GMT+1).", "2026-03-05T15:00:00+01:00"),
    ("The interview is on 5 March at 9:30 London time.", "2026-03-05T09:30:00+00:00"),
    ("Your interview: Thursday 5 March, 2:30 p.m. Eastern.", "2026-03-05T14:30:00-05:00"),
])
def test_a_time_is_read_in_the_zone_the_text_names(text, start):
    assert starts([mail(text, MON)]) == [start]


def test_a_time_without_a_zone_is_in_the_messages_own_offset():
    tokyo = timezone(timedelta(hours=9))
    assert starts([mail("Your interview is on Thursday 5 March at 11:00.", datetime(2026, 3, 2, 9, tzinfo=tokyo))]) \
        == ["2026-03-05T11:00:00+09:00"]


@pytest.mark.parametrize("text", [
    "Your interview is on Thursday, March 5 at 2:00 PM ET (11:00 AM PT).",
    "Your interview is on Thursday, March 5 at 2:00 PM ET / 8:00 PM CET.",
    "Your interview is on Thursday, March 5 at 2:00 PM ET, which is 7:00 PM your time.",
    "Your interview is on Thursday, March 5 at 2:00 PM ET (7pm for you in London).",
])
def test_one_interview_given_in_two_zones_in_prose_is_one(text):
    assert starts([mail(text, MON)]) == ["2026-03-05T14:00:00-05:00"]


def test_an_invite_with_a_line_in_the_candidates_zone_is_one_interview():
    """The calendar part says 18:00 Berlin (noon in New York); the prose gives my local time
    across midnight of another zone. One interview, the calendar's."""
    ics = invite("u1", "20260305T180000", "Europe/Berlin", "priya@northwind-labs.com", [ME])
    text = ("Hi Jordan, the invite is attached: Thursday 5 March at 18:00 CET, that's 12:00 pm in New York "
            "for you. The interview itself is on Friday 6 March at 00:30 in Singapore for our lead, who joins late.")
    got = interviews_of([mail(text, MON, ics=ics)])
    assert [(i.start.isoformat(), i.source) for i in got] == [("2026-03-05T18:00:00+01:00", "calendar")]
    # A later reminder in prose, in my zone, is the same interview.
    later = mail("Looking forward to our interview on Thursday at 12:00 pm ET!", MON + timedelta(days=1))
    assert len(interviews_of([mail(text, MON, ics=ics), later])) == 1


@pytest.mark.parametrize("text, sent, start", [
    ("Thanks so much for speaking with me on Tuesday; I enjoyed learning about the team.",
     datetime(2026, 3, 5, 18, tzinfo=NY), "2026-03-03T12:00:00-05:00"),
    ("Following up on our phone screen on 24 Feb at 2pm: is there an update?",
     datetime(2026, 3, 2, 9, tzinfo=NY), "2026-02-24T14:00:00-05:00"),
    ("Thanks again for the call we had this morning.",
     datetime(2026, 3, 3, 11, 15, tzinfo=NY), "2026-03-03T11:15:00-05:00"),
    ("Thank you for your time yesterday, it was great to hear about the role.",
     datetime(2026, 3, 3, 8, tzinfo=NY), "2026-03-02T12:00:00-05:00"),
])
def test_an_interview_that_exists_only_in_prose_counts(text, sent, start):
    """Dated from the message's own date, never later than the message that mentions it."""
    assert starts([mail(text, sent, sender=JORDAN)]) == [start]


def test_a_thank_you_that_looks_ahead_keeps_the_next_day_ahead():
    wed = datetime(2026, 3, 4, 17, tzinfo=NY)
    text = "Thanks for the call today, and see you Friday at 2pm for the panel interview!"
    assert starts([mail(text, wed, sender=JORDAN)]) == ["2026-03-04T12:00:00-05:00", "2026-03-06T14:00:00-05:00"]


def test_the_day_of_a_prose_interview_is_the_messages_own_day():
    """Sent late on Tuesday in New York (already Wednesday in UTC): "this morning" was Tuesday."""
    late = datetime(2026, 3, 3, 22, 40, tzinfo=NY)
    assert starts([mail("Thank you for speaking with me this morning.", late, sender=JORDAN)]) \
        == ["2026-03-03T12:00:00-05:00"]


def test_a_thank_you_for_a_known_interview_adds_none():
    booked = mail("Your phone screen is confirmed for Tuesday, March 3 at 10:30 am CT.", MON)
    thanks = mail("Thank you for speaking with me this morning!", datetime(2026, 3, 3, 15, tzinfo=NY), sender=JORDAN)
    assert starts([booked, thanks]) == ["2026-03-03T10:30:00-06:00"]


def test_a_proposed_slot_that_was_not_chosen_is_not_an_interview():
    ask = mail("Would Tue 3 March at 2pm or Wed 4 March at 10am work for a video call?", MON)
    pick = mail("Wednesday at 10am works for me, thank you!", MON + timedelta(hours=2), sender=JORDAN)
    assert starts([ask]) == []
    assert starts([ask, pick]) == ["2026-03-04T10:00:00-05:00"]


def test_a_slot_picked_in_another_zone_is_the_offered_one():
    """Offered in New York; answered from London, repeating the clock without a zone."""
    london = timezone.utc
    ask = mail("Would Tuesday, March 3 at 2pm ET or Wednesday, March 4 at 10am ET work for the interview?", MON)
    plain = mail("Tuesday 3 March at 2pm works for me.", datetime(2026, 3, 2, 16, tzinfo=london), sender=JORDAN)
    local = mail("Tuesday 3 March at 7pm UK time works for me.", datetime(2026, 3, 2, 16, tzinfo=london), sender=JORDAN)
    assert starts([ask, plain]) == ["2026-03-03T14:00:00-05:00"]
    assert [i.start.astimezone(london).isoformat() for i in interviews_of([ask, local])] == ["2026-03-03T19:00:00+00:00"]


def test_a_slot_picked_by_its_day_alone():
    ask = mail("Would any of these work for your interview?\n- Tue 3 March at 2pm\n- Wed 4 March at 10am", MON)
    pick = mail("Hi Priya, Wednesday works best for me.", MON + timedelta(hours=2), sender=JORDAN)
    assert starts([ask]) == []
    assert starts([ask, pick]) == ["2026-03-04T10:00:00-05:00"]


def test_a_cancelled_interview_is_not_an_interview():
    booked = mail("Your interview is confirmed for Thursday, March 5 at 2:00 PM ET.", MON)
    by_day = mail("I'm sorry, we have to cancel Thursday's interview; the hiring manager is ill.", MON + timedelta(days=1))
    outright = mail("Unfortunately the interview has been cancelled.", MON + timedelta(days=1))
    assert starts([booked]) == ["2026-03-05T14:00:00-05:00"]
    assert starts([booked, by_day]) == []
    assert starts([booked, outright]) == []
    moved = mail("We need to reschedule: could we do Friday, March 6 at 11am ET instead?", MON + timedelta(days=1))
    ok = mail("Friday at 11am works.", MON + timedelta(days=1, hours=1), sender=JORDAN)
    assert starts([booked, moved, ok]) == ["2026-03-06T11:00:00-05:00"]
    # "If you need to cancel" is no cancellation.
    kind = mail("If you need to cancel or reschedule, just let me know.", MON + timedelta(hours=1))
    assert starts([booked, kind]) == ["2026-03-05T14:00:00-05:00"]


@pytest.mark.parametrize("text", [
    "Please reply within 48 hours to confirm your interest.",
    "Please complete the coding exercise by Friday, March 6 at 5pm ET.",
    "Please send the signed form back by March 6 at 5pm.",
    "The offer expires on Friday at 5pm.",
    "Please confirm your interview by Thursday 5 March at 12:00.",
])
def test_a_deadline_is_not_an_interview(text):
    assert starts([mail(text, MON, subject="Interview next steps")]) == []


def test_hostile_text_is_read_in_linear_time():
    """40 KB repeating a date phrase: well under a second (a quadratic reader takes minutes)."""
    for phrase in ("Tuesday, March 3 at 2:00 PM ET (11:00 AM PT) or ", "on 24 Feb at 2pm, 9.30 a.m. in Chicago time; ",
                   "Tue ", "3 March " * 3 + "2pm ", "(GMT+1) " * 5, "a" * 40 + " at 1 "):
        text = "Your interview: " + phrase * (40_000 // len(phrase))
        began = time.perf_counter()
        interviews_of([mail(text, MON, subject="Interview")])
        assert time.perf_counter() - began < 1.0, phrase


@pytest.mark.parametrize("text", [
    "I spoke with the hiring manager yesterday and she'd like to move you forward.",
    "The panel met yesterday to discuss your interview; we'll be in touch by Friday.",
    "We interviewed several candidates on Tuesday and will decide next week.",
    "Looking forward to our interview on Tuesday!",  # a future day without a time: no start to give
    "I'll talk to the team on Monday at 10am and get back to you.",
    "Next week I could do Wednesday, March 4 any time after 1 PM ET.",
    "I'm free on Wednesday between 2pm and 5pm.",
])
def test_other_meetings_and_windows_of_availability_are_not_interviews(text):
    assert starts([mail(text, MON, subject="Re: Data Analyst role")]) == []


@pytest.mark.parametrize("text, start", [
    ("Your interview is on Thursday, March 5, 2-3pm ET.", "2026-03-05T14:00:00-05:00"),
    ("Your interview is on Thursday, March 5, 10:00 to 11:00 AM ET.", "2026-03-05T10:00:00-05:00"),
    ("Your interview is on Thursday, March 5, 11-1pm PT.", "2026-03-05T11:00:00-08:00"),
])
def test_a_time_range_starts_at_its_first_time(text, start):
    assert starts([mail(text, MON)]) == [start]


def test_a_proposal_beside_a_cancelled_invite_then_chosen_is_one_interview():
    """Northwind's way: cancel the invite, offer another time in words, then send the new invite."""
    old = invite("u9", "20260304T150000", "America/New_York", "priya@northwind-labs.com", [ME])
    cancel = invite("u9", "20260304T150000", "America/New_York", "priya@northwind-labs.com", [ME],
                    method="CANCEL", sequence=1)
    new = invite("u10", "20260306T100000", "America/New_York", "priya@northwind-labs.com", [ME])
    mails = [mail("Your interview invite is attached.", MON, ics=old),
             mail("I'm cancelling Wednesday's interview. Would Friday, March 6 at 10:00 AM ET work instead?",
                  MON + timedelta(hours=1), ics=cancel),
             mail("Friday at 10:00 AM ET works for me.", MON + timedelta(hours=2), sender=JORDAN)]
    assert starts(mails) == ["2026-03-06T10:00:00-05:00"]  # agreed in words, before any invite
    got = interviews_of([*mails, mail("The new invite is attached.", MON + timedelta(hours=3), ics=new)])
    assert [(i.start.isoformat(), i.source) for i in got] == [("2026-03-06T10:00:00-05:00", "calendar")]


@pytest.mark.parametrize("text, start", [
    # The generic names follow daylight saving on the interview's own date.
    ("Your interview is confirmed for Wednesday, November 18, 2026 at 1:00 pm ET.", "2026-11-18T18:00:00+00:00"),
    ("Your interview is confirmed for Wednesday, July 15 at 1:00 pm ET.", "2026-07-15T17:00:00+00:00"),
    ("Your interview is confirmed for Wednesday, November 18, 2026 at 10:00 am PT.", "2026-11-18T18:00:00+00:00"),
    ("Your interview is confirmed for Wednesday, July 15 at 10:00 am PT.", "2026-07-15T17:00:00+00:00"),
    ("Your interview is confirmed for Thursday, March 5 at 9:00 am CT.", "2026-03-05T15:00:00+00:00"),
    ("Your interview is confirmed for Monday, March 9 at 9:00 am CT.", "2026-03-09T14:00:00+00:00"),  # DST began
    ("Your interview is confirmed for Wednesday, July 15 at 9:00 am Mountain Time.", "2026-07-15T15:00:00+00:00"),
    # "EST" written in July means Eastern wall-clock time, as its writer does: reading it as a fixed
    # -05:00 would send the candidate an hour late; the zone's rule costs at worst an hour early.
    ("Your interview is confirmed for Wednesday, July 15 at 1:00 pm EST.", "2026-07-15T17:00:00+00:00"),
])
def test_a_zone_name_follows_daylight_saving_for_the_interviews_date(text, start):
    assert [i.start.astimezone(timezone.utc).isoformat() for i in interviews_of([mail(text, MON)])] == [start]


NOV6 = datetime(2026, 11, 6, 10, tzinfo=NY)  # Friday 6 November 2026


@pytest.mark.parametrize("text, day", [
    ("Your interview is on Wednesday the 18th at 1pm ET.", "2026-11-18"),
    ("Your interview is on Wed 18th at 1pm ET.", "2026-11-18"),
    ("Your interview is on Wednesday, the 18 at 1pm ET.", "2026-11-18"),
    ("Your interview is on the 18th at 1pm ET.", "2026-11-18"),
    ("Your interview is on Wednesday 18th November at 1pm ET.", "2026-11-18"),
    ("Your interview is on Tuesday the 1st at 1pm ET.", "2026-12-01"),  # the 1st that is a Tuesday
    ("Your interview is on Friday the 13th at 1pm ET.", "2026-11-13"),
    # Not a day of the month: a weekday alone counts from the sent day, a clock is not a date.
    ("Your interview is on Wednesday at 1pm ET.", "2026-11-11"),
    ("Your interview is on Wednesday, 10 am ET.", "2026-11-11"),
])
def test_a_weekday_with_a_day_of_the_month_is_that_date(text, day):
    assert [i.start.date().isoformat() for i in interviews_of([mail(text, NOV6)])] == [day]


def test_an_interview_asked_in_prose_confirmed_by_her_and_recalled_after_is_one():
    """Cobalt's way: a question, her "Wednesday the 18th at 1pm ET works", then "thanks for
    meeting with Sam and me on Wednesday": one interview, at 1pm Eastern on the 18th."""
    ask = mail("Can you do a video interview on Wednesday 18 November at 1:00 pm ET with me and Sam Patel, "
               "our Network Planning Lead?", NOV6, subject="Supply Chain Analyst - interview")
    yes = mail("Wednesday the 18th at 1pm ET works for me.", NOV6 + timedelta(hours=2), sender=JORDAN,
               subject="Re: Supply Chain Analyst - interview")
    after = mail("Thanks again for meeting with Sam and me on Wednesday. We normally get back to candidates "
                 "within 5 to 7 business days.", datetime(2026, 11, 20, 10, tzinfo=NY),
                 subject="Re: Supply Chain Analyst - interview")
    assert [i.start.astimezone(timezone.utc).isoformat() for i in interviews_of([ask, yes, after])] \
        == ["2026-11-18T18:00:00+00:00"]


def test_days_of_the_month_are_read_in_linear_time():
    for phrase in ("Wednesday the ", "Wed 18th ", "the 18th of ", "on the 1st, "):
        text = "Your interview: " + phrase * (40_000 // len(phrase))
        began = time.perf_counter()
        interviews_of([mail(text, MON, subject="Interview")])
        assert time.perf_counter() - began < 1.0, phrase


@pytest.mark.parametrize("text, day", [
    # An ordinal that ranks a round is no day of the month.
    ("We'd like to invite you to the 2nd round interview at 2pm on Friday.", "2026-11-13"),
    ("Your interview for the 3rd stage is at 10am ET on Tuesday.", "2026-11-10"),
    ("This is the 2nd time I write: your interview is at 3pm tomorrow.", "2026-11-07"),
    ("Your interview is on Monday the 2nd round of calls at 9am.", "2026-11-09"),
])
def test_a_rank_is_not_a_day_of_the_month(text, day):
    got = [i.start.date().isoformat() for i in interviews_of([mail(text, NOV6)])]
    assert got == ([day] if day else [])
