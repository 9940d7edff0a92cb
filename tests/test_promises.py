"""find_promise against the rules of PROMISES.md, one or more cases per rule.

Every expected date was worked out by hand from the rules. Calendar used most:
March 2025 - Mon 3, Wed 5, Fri 7, Mon 10, Tue 11, Wed 12, Fri 14, Wed 19, Mon 31.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.promises import Promise, find_promise

MON = date(2025, 3, 3)
WED = date(2025, 3, 5)
FRI = date(2025, 3, 7)


def case(id, text, sent, due, phrase, kind):
    return pytest.param(text, sent, due, phrase, kind, id=id)


PROMISES = [
    # Rule 2: business days; the sent day never counts.
    case("r2-business-days-wrapped",
         "Thanks again for your time today. We will get back\nto you within 5\nbusiness days.",
         WED, date(2025, 3, 12), "within 5 business days", "business_days"),
    case("r2-working-days-over-weekend", "You'll hear from us within three working days.",
         FRI, date(2025, 3, 12), "within three working days", "business_days"),
    case("r2-next-business-day", "I will let you know the next business day.",
         FRI, date(2025, 3, 10), "the next business day", "business_days"),
    # Rule 3: calendar durations and hours.
    case("r3-days", "We'll be in touch within 10 days.",
         WED, date(2025, 3, 15), "within 10 days", "days"),
    case("r3-24-hours", "You will hear back within 24 hours.",
         FRI, date(2025, 3, 8), "within 24 hours", "hours"),
    case("r3-48-hours-lands-on-sunday", "We will get back to you within\n48 hours.",
         FRI, date(2025, 3, 9), "within 48 hours", "hours"),
    case("r3-weeks", "We'll be in touch within the next two weeks.",
         WED, date(2025, 3, 19), "within the next two weeks", "weeks"),
    case("r3-about-a-week", "Expect to hear from us in about a week.",
         WED, date(2025, 3, 12), "in about a week", "weeks"),
    case("r3-a-week-or-so", "We should have feedback for you in a week or so.",
         WED, date(2025, 3, 12), "in a week or so", "weeks"),
    case("r3-within-the-next-week", "We will get back to you within the next week.",
         WED, date(2025, 3, 12), "within the next week", "weeks"),
    # Rule 4: vague quantities.
    case("r4-couple-of-days", "You should hear from us in a couple of days.",
         WED, date(2025, 3, 7), "in a couple of days", "business_days"),
    case("r4-few-days-from-friday", "We'll get back to you in a few days.",
         FRI, date(2025, 3, 12), "in a few days", "business_days"),
    case("r4-couple-of-weeks", "I'll be in touch in a couple of weeks.",
         WED, date(2025, 3, 19), "in a couple of weeks", "weeks"),
    case("r4-next-few-weeks", "We expect to make a decision in the next few weeks.",
         WED, date(2025, 3, 26), "in the next few weeks", "weeks"),
    case("r4-several-weeks", "The hiring team will reach out to you within several weeks.",
         WED, date(2025, 3, 26), "within several weeks", "weeks"),
    # Rule 5: ranges take the upper bound.
    case("r5-business-day-range", "Please allow 5 to 7 business days for a response.",
         WED, date(2025, 3, 14), "5 to 7 business days", "business_days"),
    case("r5-week-range", "We aim to get back to you in 2-3 weeks.",
         WED, date(2025, 3, 26), "in 2-3 weeks", "weeks"),
    case("r5-week-or-two-of-january",
         "We'll be in touch in the first week or two of January.",
         date(2024, 12, 11), date(2025, 1, 14), "in the first week or two of January", "month_part"),
    # Rule 6: today, end of day, tomorrow, the next day.
    case("r6-end-of-day", "I'll update you by end of day today.",
         WED, WED, "by end of day today", "day"),
    case("r6-tomorrow", "I'll call you tomorrow with the outcome.",
         WED, date(2025, 3, 6), "tomorrow", "day"),
    case("r6-the-next-day", "Priya told me I'd hear the next day.",
         WED, date(2025, 3, 6), "the next day", "day"),
    # Rule 7: weekdays, strictly after the sent date.
    case("r7-by-friday", "We'll let you know by Friday.",
         WED, FRI, "by Friday", "weekday"),
    case("r7-by-friday-sent-friday", "We'll let you know by Friday.",
         FRI, date(2025, 3, 14), "by Friday", "weekday"),
    case("r7-on-monday", "I'll call you on Monday.",
         WED, date(2025, 3, 10), "on Monday", "weekday"),
    case("r7-at-the-latest", "You will hear from us Friday at the latest.",
         WED, FRI, "Friday at the latest", "weekday"),
    case("r7-next-friday", "We'll come back to you next Friday.",
         WED, date(2025, 3, 14), "next Friday", "weekday"),
    case("r7-next-friday-said-on-monday", "We'll come back to you next Friday.",
         MON, date(2025, 3, 14), "next Friday", "weekday"),
    case("r7-thursday-or-friday", "You'll get an answer from us Thursday or Friday.",
         WED, FRI, "Thursday or Friday", "weekday"),
    case("r7-this-week", "You'll have our decision this week.",
         WED, FRI, "this week", "week_part"),
    case("r7-end-of-the-week", "We'll be in touch by the end of the week.",
         WED, FRI, "by the end of the week", "week_part"),
    case("r7-end-of-next-week", "We'll let you know by the end of\nnext week.",
         WED, date(2025, 3, 14), "by the end of next week", "week_part"),
    # Rule 8: next week and its parts.
    case("r8-next-week", "We'll get back to you next week.",
         WED, date(2025, 3, 14), "next week", "week_part"),
    case("r8-early-next-week", "Expect an update early next week.",
         WED, date(2025, 3, 11), "early next week", "week_part"),
    case("r8-start-of-next-week", "We'll be in touch at the start of next week.",
         WED, date(2025, 3, 11), "at the start of next week", "week_part"),
    case("r8-middle-of-next-week", "You'll hear from us by the middle of next week.",
         WED, date(2025, 3, 12), "by the middle of next week", "week_part"),
    # Rule 9: parts of months.
    case("r9-early-april", "We expect to have a decision in early April.",
         WED, date(2025, 4, 10), "in early April", "month_part"),
    case("r9-mid-april", "We hope to make a decision by mid-April.",
         WED, date(2025, 4, 15), "by mid-April", "month_part"),
    case("r9-late-april", "You'll hear from us in late April.",
         WED, date(2025, 4, 30), "in late April", "month_part"),
    case("r9-end-of-april", "We will get back to you before the end of April.",
         WED, date(2025, 4, 30), "before the end of April", "month_part"),
    case("r9-end-of-the-month", "We'll let you know by the end of the month.",
         WED, date(2025, 3, 31), "by the end of the month", "month_part"),
    case("r9-in-april", "We'll be in touch in April.",
         WED, date(2025, 4, 30), "in April", "month_part"),
    case("r9-next-month", "We'll update you next month.",
         WED, date(2025, 4, 30), "next month", "month_part"),
    case("r9-early-next-month", "We will contact you early next month.",
         WED, date(2025, 4, 10), "early next month", "month_part"),
    case("r9-new-year", "We'll be in touch in the new year.",
         date(2024, 11, 20), date(2025, 1, 10), "in the new year", "month_part"),
    case("r9-after-the-holidays", "We'll get back to you after the holidays.",
         date(2024, 12, 18), date(2025, 1, 10), "after the holidays", "month_part"),
    # Rule 10: dates without a year are the nearest occurrence.
    case("r10-month-day", "We'll let you know by March 14.",
         WED, date(2025, 3, 14), "by March 14", "date"),
    case("r10-day-month", "You will hear from us on 14 March.",
         WED, date(2025, 3, 14), "on 14 March", "date"),
    case("r10-across-new-year", "We'll get back to you by January 6th.",
         date(2024, 12, 20), date(2025, 1, 6), "by January 6th", "date"),
    case("r10-already-passed", "She said I would hear back by 10 March.",
         date(2025, 3, 20), date(2025, 3, 10), "by 10 March", "date"),
    case("r10-the-24th", "We'll get back to you by the 24th.",
         date(2025, 3, 18), date(2025, 3, 24), "by the 24th", "date"),
    case("r10-the-24th-nearest-is-last-month", "They said they'd let me know by the 24th.",
         WED, date(2025, 2, 24), "by the 24th", "date"),
    case("r10-weekday-and-date", "You will hear from us by Friday 31 January at the latest.",
         date(2025, 1, 18), date(2025, 1, 31), "by Friday 31 January at the latest", "date"),
    case("r10-unambiguous-numeric", "You'll hear from us by 25/3.",
         WED, date(2025, 3, 25), "by 25/3", "date"),
    # Rule 11: anchors the message gives count from the sent date.
    case("r11-of-the-interview", "We'll get back to you within two weeks of the interview.",
         WED, date(2025, 3, 19), "within two weeks of the interview", "weeks"),
    # Rule 14: only the hearing-back expression counts.
    case("r14-assessment-due-tomorrow",
         "The assessment is due tomorrow and we'll decide by Friday.",
         WED, FRI, "by Friday", "weekday"),
    case("r14-their-deadline-then-ours",
         "Please let us know your availability by Friday and we'll get back to you\n"
         "within 5 business days.",
         WED, date(2025, 3, 12), "within 5 business days", "business_days"),
    case("r14-interview-day-then-promise",
         "Following your interview on Tuesday, we'll let you know by Friday.",
         MON, FRI, "by Friday", "weekday"),
    case("r14-panel-meets-this-afternoon",
         "The panel meets this afternoon and I'll call you tomorrow.",
         WED, date(2025, 3, 6), "tomorrow", "day"),
    case("r14-promise-first",
         "By Friday, we'll let you know whether we'd like to see you again.",
         WED, FRI, "By Friday", "weekday"),
    case("r14-two-promises-latest-wins",
         "You should hear from us by Friday. If you haven't heard anything by next\n"
         "Wednesday, please give me a call.",
         WED, date(2025, 3, 12), "by next Wednesday", "weekday"),
]


@pytest.mark.parametrize("text, sent, due, phrase, kind", PROMISES)
def test_promise(text, sent, due, phrase, kind):
    assert find_promise(text, sent) == Promise(due, phrase, kind)


NOT_PROMISES = [
    # Rule 11: counted from a date the message does not give.
    pytest.param("We will notify you within 21 days of the closing date.", id="r11-closing-date"),
    pytest.param("We will notify you within 21 days of the closing date on 14 March.",
                 id="r11-closing-date-given-later"),
    pytest.param("We'll get back to you within 5 business days of receiving your references.",
                 id="r11-after-references"),
    # Rule 12: no timeframe.
    pytest.param("Thanks for your time. We'll be in touch.", id="r12-in-touch"),
    pytest.param("We'll get back to you soon.", id="r12-soon"),
    pytest.param("You will hear from us in due course.", id="r12-due-course"),
    pytest.param("We will let you know as soon as possible.", id="r12-asap"),
    # Rule 13: deadlines for the candidate.
    pytest.param("Please return the signed form within 48 hours.", id="r13-return-form"),
    pytest.param("Let us know your availability by Friday.", id="r13-availability"),
    pytest.param("Kindly complete the online test by\nMonday.", id="r13-complete-test"),
    # Rule 13: interview durations.
    pytest.param("Please allow 1-2 hours for the interview.", id="r13-allow-hours"),
    pytest.param("The interview will last 45 minutes.", id="r13-lasts-minutes"),
    # Rule 13: start dates.
    pytest.param("The role starts in March.", id="r13-starts-in-march"),
    pytest.param("We would like you to start on 1 April.", id="r13-start-on-date"),
    # Rule 13: the candidate's own hopes and requests.
    pytest.param("I hope to hear from you by Friday.", id="r13-hope"),
    pytest.param("I hope to hear back by the end of next week.", id="r13-hope-back"),
    pytest.param("I look forward to hearing back by Friday.", id="r13-look-forward"),
    pytest.param("Could you let me know by Friday?", id="r13-question"),
    pytest.param("I'd appreciate an update by the end of the week.", id="r13-appreciate"),
    pytest.param("Please get back to me by Friday.", id="r13-please-get-back-to-me"),
    # Rule 13: rejections, even with a date in them.
    pytest.param(
        "Unfortunately, we will not be moving forward with your application. We will keep\n"
        "your CV on file and may contact you in the next 6 months.",
        id="r13-rejection",
    ),
    pytest.param(
        "After careful consideration we have decided to\nproceed with other candidates. "
        "We'll send you feedback by Friday.",
        id="r13-rejection-wrapped",
    ),
    # Rule 10: "3/10" is 3 October or 10 March; no guess.
    pytest.param("We'll get back to you by 3/10.", id="r10-ambiguous-numeric"),
    # "may" the verb is not May the month.
    pytest.param("We may get back to you in may.", id="may-the-verb"),
]


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_not_a_promise(text):
    assert find_promise(text, WED) is None


LONG_EMAIL = """Hi Sam,

Thank you so much for coming in on Thursday to meet the team. Everyone enjoyed
talking with you about the migration project, and Priya especially liked your
answer on the caching question. We covered a lot of ground in the two hours.

As discussed, the role would start on 3 March, and the salary band is as
advertised. The office is open Monday to Friday, and we have a hybrid policy of
two days a week in the office.

Please send us your references within 48 hours if you can, and complete the
short online assessment by Wednesday (it takes about 45 minutes; allow 1-2 hours
to be safe). The link is valid for 7 days.

We are interviewing two more candidates next week. Either way, you will hear
from us by Friday 31 January at the latest.

If you have any questions in the meantime, please don't hesitate to get in
touch. I'm away from the 20th to the 22nd but will be checking email.

Best regards,
Jane Doe
Talent Acquisition | Acme Ltd
"""


def test_rule_14_whole_email_with_unrelated_dates():
    sent = datetime(2025, 1, 16, 17, 5, tzinfo=timezone.utc)
    assert find_promise(LONG_EMAIL, sent) == Promise(
        date(2025, 1, 31), "by Friday 31 January at the latest", "date"
    )


@pytest.mark.parametrize(
    "text, due",
    [
        # Sat 18 Jan 22:10 -05:00 is Sun 19 Jan in UTC; counting must start on the 18th.
        pytest.param("We'll let you know tomorrow.", date(2025, 1, 19), id="tomorrow"),
        pytest.param("We'll be in touch within 3 days.", date(2025, 1, 21), id="days"),
        pytest.param("We'll let you know by Sunday.", date(2025, 1, 19), id="sunday"),
    ],
)
def test_rule_1_counts_in_the_messages_own_local_date(text, due):
    sent = datetime(2025, 1, 18, 22, 10, tzinfo=timezone(timedelta(hours=-5)))
    assert find_promise(text, sent).due == due


def test_rule_1_east_of_utc_and_plain_dates():
    # 18 Jan 00:30 +13:00 is still 17 Jan in UTC.
    sent = datetime(2025, 1, 18, 0, 30, tzinfo=timezone(timedelta(hours=13)))
    assert find_promise("You'll hear from us tomorrow.", sent).due == date(2025, 1, 19)
    assert find_promise("You'll hear from us tomorrow.", date(2025, 1, 18)).due == date(2025, 1, 19)


def test_rule_7_weekend_end_of_week_is_never_before_it_was_said():
    # Said on Saturday 8 March, "by the end of the week" cannot be Friday 7 March.
    saturday = date(2025, 3, 8)
    assert find_promise("We'll be in touch by the end of the week.", saturday).due == date(2025, 3, 14)


@pytest.mark.parametrize("text, sent, due", [
    ("We'll reach out by Tuesday, March 17.", date(2026, 3, 9), date(2026, 3, 17)),
    ("We aim to get back to all candidates within 10 working days.", date(2026, 3, 9), date(2026, 3, 23)),
    ("You'll hear from us within a fortnight.", date(2026, 3, 9), date(2026, 3, 23)),
    # "the new year" and "after the holidays" are the January ahead, never one already gone.
    ("We will be in touch in the new year.", date(2026, 3, 9), date(2027, 1, 10)),
    ("We will be in touch in the new year.", date(2025, 12, 15), date(2026, 1, 10)),
    ("We'll update you after the holidays.", date(2025, 11, 20), date(2026, 1, 10)),
], ids=["reach-out", "all-candidates", "fortnight", "new-year-in-march", "new-year-in-december",
        "after-the-holidays"])
def test_more_ways_of_saying_it(text, sent, due):
    assert find_promise(text, sent).due == due


def test_asking_me_to_reach_out_is_not_their_promise():
    assert find_promise("Please reach out to us by Friday with your availability.", date(2026, 3, 9)) is None


@pytest.mark.parametrize("text", [
    "Feel free to reach out if anything comes up before Thursday.",
    "If you have questions, reach out to Sam; she is in the office until Wednesday.",
])
def test_an_invitation_to_reach_out_is_not_a_promise(text):
    assert find_promise(text, date(2026, 2, 23)) is None


def test_after_the_holidays_written_after_the_tenth_of_january_is_next_year():
    assert find_promise("We'll be in touch after the holidays.", date(2026, 1, 20)).due == date(2027, 1, 10)


# --------------------------------------------------------------------------------------
# Issue 8: wording as people really write it (PROMISES.md rules 16-21). Our own
# sentences, one or more per class, so that a fix is a class and not one dev.jsonl line.
# Calendar: Wed 5 March 2025 (WED); Tue 10 June 2025 (JUNE_TUE) - Fri 13, Sun 15,
# Mon 16, Tue 17, Fri 20.
# --------------------------------------------------------------------------------------

JUNE_TUE = date(2025, 6, 10)

FIRES = [
    # Bare and hedged ranges (rule 5): the upper bound.
    case("range-bare-business-days", "Shortlisted applicants can expect to hear from us within 5 to 7 business days.",
         WED, date(2025, 3, 14), "within 5 to 7 business days", "business_days"),
    case("range-hedged-present", "The selection panel generally responds within 3-5 working days.",
         JUNE_TUE, date(2025, 6, 17), "within 3-5 working days", "business_days"),
    case("range-weeks-before-you-hear", "Turnaround is normally 2-3 weeks before you hear anything.",
         WED, date(2025, 3, 26), "2-3 weeks", "weeks"),
    case("range-digits-in-brackets", "Successful applicants will be contacted within two (2) weeks.",
         WED, date(2025, 3, 19), "within two (2) weeks", "weeks"),
    case("range-placeholder-brackets", "We will respond to you within [3-5 business days].",
         WED, date(2025, 3, 12), "3-5 business days", "business_days"),
    # Hedged timelines: usually, typically, decisions are made, the process takes.
    case("hedged-decisions-made", "Hiring decisions are typically made within ten working days of the final interview.",
         WED, date(2025, 3, 19), "within ten working days of the final interview", "business_days"),
    case("hedged-notified-outcome", "Candidates are normally notified of the outcome within four weeks.",
         JUNE_TUE, date(2025, 7, 8), "within four weeks", "weeks"),
    case("hedged-process-takes", "Our hiring process usually takes about three weeks from here.",
         WED, date(2025, 3, 26), "about three weeks from here", "weeks"),
    case("hedged-allow-to-follow-up", "Please give the hiring team up to 10 days to come back to you.",
         WED, date(2025, 3, 15), "up to 10 days", "days"),
    case("hedged-within-48-hours-you-will-be", "Applications are screened quickly, and usually within 48 hours you will be told if you meet the criteria.",
         FRI, date(2025, 3, 9), "within 48 hours", "hours"),
    # Reported speech (rule 21).
    case("reported-make-the-call", "My recruiter said they'd make the call by Thursday.",
         WED, date(2025, 3, 6), "by Thursday", "weekday"),
    case("reported-told-me-early-next-week", "He told me I'd probably hear something early next week.",
         WED, date(2025, 3, 11), "early next week", "week_part"),
    case("reported-someone-in-place", "Sam mentioned that the director wants someone in place by the 7th.",
         WED, FRI, "by the 7th", "date"),
    case("reported-role-filled", "According to the hiring manager, they want the role filled by the end of the month.",
         WED, date(2025, 3, 31), "by the end of the month", "month_part"),
    case("reported-she-would-ring", "The coordinator said she'd ring me in a day or two.",
         WED, FRI, "in a day or two", "days"),
    case("reported-passive-be-contacted", "I was told I would be contacted later that day.",
         WED, WED, "later that day", "day"),
    case("reported-been-told", "I've been told it will be tomorrow by close of business.",
         WED, date(2025, 3, 6), "tomorrow", "day"),
    case("reported-letter-this-week", "The manager replied that HR should be sending me a letter this week.",
         WED, FRI, "this week", "week_part"),
    case("reported-expect-a-call", "I was told to expect a call sometime next week.",
         JUNE_TUE, date(2025, 6, 20), "sometime next week", "week_part"),
    case("reported-results-of-her-interview", "They told her the results of her interview would come out by Thursday.",
         WED, date(2025, 3, 6), "by Thursday", "weekday"),
    case("reported-make-offers", "The recruiter told me they're aiming to wrap up interviews this week and make offers next week.",
         WED, date(2025, 3, 14), "next week", "week_part"),
    # Quoted promises.
    case("quoted-single-quotes", "The confirmation email said 'we aim to respond within 10 days'.",
         WED, date(2025, 3, 15), "within 10 days", "days"),
    case("quoted-bare-timeframe", 'The recruiter\'s note said: "early next week".',
         WED, date(2025, 3, 11), "early next week", "week_part"),
    case("quoted-in-a-question", 'Her answer was "you should hear from HR by Friday" - what does that mean?',
         WED, FRI, "by Friday", "weekday"),
    # Month parts with a review step; holiday season (rules 9, 19).
    case("review-step-then-contact", "Applications close on 10 March, will be reviewed in mid-March, and we will contact shortlisted candidates by 28 March.",
         WED, date(2025, 3, 28), "by 28 March", "date"),
    case("new-year-expect-to-hear", "We're winding down for the holidays, so expect to hear from us in the new year.",
         date(2024, 12, 12), date(2025, 1, 10), "in the new year", "month_part"),
    case("early-in-the-new-year", "We will be in touch early in the new year.",
         date(2024, 12, 12), date(2025, 1, 10), "early in the new year", "month_part"),
    case("mid-january-after-the-break", "The panel reconvenes after the break and will have an answer for you by mid-January.",
         date(2024, 12, 12), date(2025, 1, 15), "by mid-January", "month_part"),
    case("after-new-year", "You'll hear back from us after New Year.",
         date(2025, 12, 18), date(2026, 1, 10), "after New Year", "month_part"),
    case("month-without-year-next-year", "We'll contact all candidates in February.",
         date(2025, 11, 28), date(2026, 2, 28), "in February", "month_part"),
    case("abbreviated-month-with-stop", "She said I should have an answer by Apr. 4.",
         WED, date(2025, 4, 4), "by Apr. 4", "date"),
    # Rule 17: a day or two, small explicit ranges, about a month, the weekend.
    case("day-or-two-is-calendar", "We'll phone you in a day or two.",
         FRI, date(2025, 3, 9), "in a day or two", "days"),
    case("two-to-three-days", "Expect a response in two to three days.",
         FRI, date(2025, 3, 10), "in two to three days", "days"),
    case("about-a-month", "We should have a decision in about a month.",
         WED, date(2025, 4, 5), "in about a month", "months"),
    case("within-a-month", "Final decisions will be communicated within a month.",
         date(2025, 1, 31), date(2025, 2, 28), "within a month", "months"),
    case("by-the-weekend", "She promised to get back to me by the weekend.",
         WED, date(2025, 3, 9), "by the weekend", "week_part"),
    # Rule 18: conditional timeframes, both ways round.
    case("conditional-shortlisted", "Should you be selected for the next stage, we will reach out within three weeks.",
         WED, date(2025, 3, 26), "within three weeks", "weeks"),
    case("conditional-not-heard-assume", "If you haven't heard from us within 14 days, please assume your application was unsuccessful.",
         WED, date(2025, 3, 19), "within 14 days", "days"),
    # Rule 20: two bounds for one event, the later.
    case("two-bounds-latest", "Results should be out by the end of the week, Monday at the very latest.",
         date(2024, 11, 20), date(2024, 11, 25), "Monday at the very latest", "weekday"),
    case("two-bounds-or", "You'll know by end of day Friday, or Monday morning at the latest.",
         JUNE_TUE, date(2025, 6, 16), "Monday morning at the latest", "weekday"),
    case("two-bounds-next-sentence", "We hope to decide by Thursday. Friday latest.",
         WED, FRI, "Friday latest", "weekday"),
    case("restated", "They said they'd call 'next week' which is really this week.",
         date(2025, 3, 3), FRI, "this week", "week_part"),
    case("passive-contracted", "You'll be contacted by Friday.", WED, FRI, "by Friday", "weekday"),
    case("reported-let-him-know", "They'd let him know by Friday, the agent said.", WED, FRI, "by Friday", "weekday"),
    case("reported-let-me-know-they-would", "Mark let me know they'd circle back by Friday.",
         WED, FRI, "by Friday", "weekday"),
    case("quoted-exact-words", "Her exact words were 'give us until Wednesday'.",
         date(2025, 9, 11), date(2025, 9, 17), "until Wednesday", "weekday"),
    case("hedged-present-passive", "The portal says applications are reviewed in early October and shortlisted "
         "candidates are contacted by mid-October.", date(2025, 9, 11), date(2025, 10, 15), "by mid-October", "month_part"),
    case("hedged-finalise-mid-month", "The agency said the client is aiming to finalise things by mid-month.",
         date(2025, 11, 3), date(2025, 11, 15), "by mid-month", "month_part"),
    case("hedged-wrapped-up", "They're hoping to have everything wrapped up in two weeks' time.",
         date(2025, 11, 3), date(2025, 11, 17), "in two weeks' time", "weeks"),
    case("second-verb-reach-out", "A recruiter will look at your profile and reach out within 5-10 business days.",
         date(2025, 11, 3), date(2025, 11, 17), "within 5-10 business days", "business_days"),
    case("allow-for-us-to", "Allow up to three weeks for us to complete our assessment of your application.",
         date(2025, 11, 3), date(2025, 11, 24), "up to three weeks", "weeks"),
    case("reported-i-should-know", "Apparently the board signs off on hires on Thursdays, so I should know by next Thursday.",
         date(2025, 4, 11), date(2025, 4, 17), "by next Thursday", "weekday"),
    case("reported-someone-signed", "They want to have someone signed by 1 May.",
         date(2025, 4, 11), date(2025, 5, 1), "by 1 May", "date"),
    # Rule 15: a promise recalled only to replace it.
    case("recalled-then-replaced", "We originally said Friday, but we will now decide by Tuesday.",
         WED, date(2025, 3, 11), "by Tuesday", "weekday"),
    # Rule 16's exception: a schedule stated with "not ... until".
    case("not-supposed-until", "I'm not supposed to hear until Friday.",
         WED, FRI, "until Friday", "weekday"),
]


@pytest.mark.parametrize("text, sent, due, phrase, kind", FIRES)
def test_issue_8_wording_fires(text, sent, due, phrase, kind):
    assert find_promise(text, sent) == Promise(due, phrase, kind)


DOES_NOT_FIRE = [
    # Rule 16: lower bounds.
    pytest.param("They said not until Friday at the earliest.", id="lower-not-until"),
    pytest.param("We won't be making any decisions before the 21st.", id="lower-wont-before"),
    pytest.param("Please don't worry if you hear nothing from us before April.", id="lower-dont-worry"),
    pytest.param("A final answer won't come before July.", id="lower-wont-come-before"),
    pytest.param("They said no decision will be made until the end of the month.", id="lower-no-decision-until"),
    pytest.param("We'll let you know after the 20th.", id="lower-after"),
    # Rule 13: deadlines for the candidate, retold or not.
    pytest.param("Please submit the take-home exercise within 72 hours.", id="deadline-submit"),
    pytest.param("They asked me to confirm my availability by Thursday.", id="deadline-asked-me"),
    pytest.param("She asked that I send my portfolio by Friday.", id="deadline-asked-that"),
    pytest.param("She told me she needs my answer by Friday.", id="deadline-needs-my-answer"),
    pytest.param("They requested he give his decision by the following Monday.", id="deadline-requested"),
    pytest.param("Please make sure to reply within 24 hours to confirm your slot.", id="deadline-reply"),
    # Interview durations and appointments.
    pytest.param("The onsite will last roughly four hours including lunch.", id="duration-lasts"),
    pytest.param("We chatted for 2.5 hours and she said she'd be in touch.", id="duration-decimal-hours"),
    pytest.param("Your second interview is scheduled for Tuesday at 2pm.", id="appointment"),
    pytest.param("I asked him if Thursday would suit and he said he'd check with the team.", id="appointment-asked-if"),
    # Start dates.
    pytest.param("Your first day would be Monday 17 March.", id="start-first-day"),
    pytest.param("Your contract would begin on 1 August.", id="start-begin"),
    # The candidate's own plans and hopes (rule 21).
    pytest.param("I plan to follow up with them in two weeks if I hear nothing.", id="own-plan-follow-up"),
    pytest.param("I'm hoping to hear back by Friday.", id="own-hope"),
    pytest.param("Fingers crossed I hear something before the weekend!", id="own-fingers-crossed"),
    pytest.param("I told the recruiter I'd let her know my decision by Monday.", id="own-let-her-know"),
    pytest.param("I told him I'd get back to him in a few weeks.", id="own-get-back-to-him"),
    pytest.param("I'll send a thank-you note and then wait a week or so for an answer.", id="own-then-wait"),
    pytest.param("I said I'd give them my answer by Monday.", id="own-my-answer"),
    pytest.param("I need a few more days to think it over, I told her.", id="own-more-days"),
    pytest.param("We were told the office will be closed on Friday.", id="reported-not-about-me"),
    # Elapsed time is no timeframe.
    pytest.param("It's been three weeks and I still haven't heard back.", id="elapsed-its-been"),
    pytest.param("Another ten days went by without a call from them.", id="elapsed-went-by"),
    pytest.param("It took them three weeks to get back to me last time.", id="elapsed-took-them"),
    # Rejections, also when they name a date.
    pytest.param("Unfortunately we have decided not to progress your application; we'll keep your details on file for 12 months.",
                 id="rejection-not-progress"),
    pytest.param("On 3/20 I got an email saying I was no longer being considered.", id="rejection-not-considered"),
    # Words quoted as what was not said; a promise recalled because this message keeps it.
    pytest.param('She never said "we\'ll decide by Friday" or anything like it.', id="not-said-never"),
    pytest.param('Not even a "we\'ll be in touch next week", nothing.', id="not-said-not-even"),
    pytest.param("I know we said we'd call you on Thursday, but we are ready to talk now.", id="recalled-kept-early"),
    pytest.param("I really hope they ring me before Friday.", id="own-really-hope"),
    pytest.param("I keep hoping they'll call tomorrow.", id="own-keep-hoping"),
    pytest.param("I promised to send my references by Tuesday.", id="own-promise"),
    # News about another candidate.
    pytest.param("They plan to offer her the job on Monday, and will let me know if she declines.", id="another-candidate"),
    pytest.param("They offered the job to another applicant on Monday.", id="another-applicant"),
]


@pytest.mark.parametrize("text", DOES_NOT_FIRE)
def test_issue_8_wording_does_not_fire(text):
    assert find_promise(text, WED) is None


# Fresh wording, written for issue 8 in seven batches by someone who had not seen the reader's
# phrase lists for that class, each batch scored before the reader was changed for it: the
# held-out set's missed classes and their neighbours (batch 1), then ordinary promises and
# near misses in new words (batches 2-7). Only the date is checked: the phrase and kind are
# covered above. Calendar: each batch's sent date is named in its comment.
JUN9, OCT16, JAN13, MAY8 = date(2025, 6, 9), date(2025, 10, 16), date(2026, 1, 13), date(2026, 5, 8)
SEP16, NOV2 = date(2026, 9, 16), date(2026, 11, 2)

FRESH_FIRES = [
    # Batch 1 (sent Wed 5 March 2025): the classes the held-out set missed, and their neighbours.
    # rule 20: a second bound joined by "but"/"and"
    ("We hope to wrap up by Thursday, but Monday at the very latest.", WED, date(2025, 3, 10)),
    ("You should hear by the end of the week, and no later than Tuesday.", WED, date(2025, 3, 11)),
    ("Expect an answer Friday, Tuesday at the absolute latest.", WED, date(2025, 3, 11)),
    ("We're aiming to get back to you by Friday, though possibly Monday.", WED, date(2025, 3, 10)),
    # rule 14: the hearing-back date among other dates
    ("The panel convenes on March 12 and we'll contact all shortlisted candidates by March 14.", WED, date(2025, 3, 14)),
    ("Our board meets on the 10th, and we will inform applicants of the outcome on the 17th.", WED, date(2025, 3, 17)),
    ("References are checked by Friday and you'll get our decision on Tuesday.", WED, date(2025, 3, 11)),
    ("The hiring manager is interviewing through March 12; we expect to notify finalists by March 19.", WED, date(2025, 3, 19)),
    ("Interviews run until the end of March and we'll notify candidates in early April.", WED, date(2025, 4, 10)),
    ("Shortlisting finishes this week, and we'll contact everyone next week.", WED, date(2025, 3, 14)),
    # weekend weekdays and a trailing "I promise"
    ("We'll get back to you by Sunday, I promise.", WED, date(2025, 3, 9)),
    ("You'll have an answer on Saturday, promise.", WED, date(2025, 3, 8)),
    ("I'll be in touch by Monday, you have my word.", WED, date(2025, 3, 10)),
    # rule 15/20: a corrected promise, the newest wins
    ("I originally said Friday, but let's make it next Tuesday instead.", WED, date(2025, 3, 11)),
    ("Earlier I told you end of this week; let's say Wednesday next week instead.", WED, date(2025, 3, 12)),
    ("Sorry, I said we'd decide by Thursday, but it will now be Monday.", WED, date(2025, 3, 10)),
    ("Change of plan: rather than Friday, we'll get back to you on Tuesday.", WED, date(2025, 3, 11)),
    # rule 21: reported fragments
    ("Two weeks, max, the recruiter said.", WED, date(2025, 3, 19)),
    ("'A few days, tops,' he told me.", WED, date(2025, 3, 10)),
    ("End of next week, she said, give or take.", WED, date(2025, 3, 14)),
    ("A week, maybe two, according to the hiring manager.", WED, date(2025, 3, 19)),
    # rule 4: vague weeks for finishing the process
    ("We expect to complete shortlisting within the next several weeks.", WED, date(2025, 3, 26)),
    ("We anticipate concluding the selection process over the coming few weeks.", WED, date(2025, 3, 26)),
    ("We aim to finish reviewing applications in the next couple of weeks.", WED, date(2025, 3, 19)),
    # rule 18: conditional timeframes
    ("Our recruiters will reach out within 4 weeks if there's a fit.", WED, date(2025, 4, 2)),
    ("If your profile matches, a member of the team will contact you within 10 working days.", WED, date(2025, 3, 19)),
    ("Should you be shortlisted, you'll hear from us within two weeks.", WED, date(2025, 3, 19)),
    ("A talent partner will get in touch within 3 weeks should your experience match.", WED, date(2025, 3, 26)),
    # rule 9: hedged month parts
    ("We hope to announce the successful candidate next month.", WED, date(2025, 4, 30)),
    ("We're hoping to have everything finalised early next month.", WED, date(2025, 4, 10)),
    ("The team aims to announce decisions in mid-April.", WED, date(2025, 4, 15)),
    ("We expect to name the new hire by late April.", WED, date(2025, 4, 30)),
    # rule 4: a retold delay
    ("The recruiter just rang: they need a few more days to get sign-off.", WED, date(2025, 3, 10)),
    ("HR called to say they need another couple of weeks to finalise budgets.", WED, date(2025, 3, 19)),
    ("Just heard from the agency, the client wants a couple more days to decide.", WED, date(2025, 3, 7)),
    # neighbours that must keep firing
    ("They told me I'd hear by Monday.", WED, date(2025, 3, 10)),
    ("She said 'by Friday'.", WED, date(2025, 3, 7)),
    ("We'll make a decision by the 12th.", WED, date(2025, 3, 12)),  # "the 20th" is 20 Feb under rule 10
    # Batch 2 (sent Mon 9 June 2025).
    ("Expect to hear from us by Wednesday, Thursday at the outside.", JUN9, date(2025, 6, 12)),
    ("We should be able to update you by the 13th, and certainly no later than the 16th.", JUN9, date(2025, 6, 16)),
    ("Our hiring committee sits on June 17, after which we'll contact everyone by June 20.", JUN9, date(2025, 6, 20)),
    ("Final interviews are on the 12th and 13th; offers go out on the 18th.", JUN9, date(2025, 6, 18)),
    ("You'll hear from me Sunday night at the latest, promise.", JUN9, date(2025, 6, 15)),
    ("I said Friday earlier, but we'll actually need until next Wednesday.", JUN9, date(2025, 6, 18)),
    ("Scratch what I said about Thursday, we'll get back to you on Monday the 16th.", JUN9, date(2025, 6, 16)),
    ("Three weeks at most, was what the recruiter told me.", JUN9, date(2025, 6, 30)),
    ("'Should be within ten days,' the hiring manager said.", JUN9, date(2025, 6, 19)),
    ("Mid next week, per the recruiter.", JUN9, date(2025, 6, 18)),
    ("We anticipate finalising our shortlist over the next several weeks.", JUN9, date(2025, 6, 30)),
    ("We'll aim to complete the process within the coming month.", JUN9, date(2025, 7, 9)),
    ("Should your application progress, we'll be in contact within 14 days.", JUN9, date(2025, 6, 23)),
    ("Where there is a match, a recruiter will email you within five working days.", JUN9, date(2025, 6, 16)),
    ("Testing closes on Friday and we'll share results early next week.", JUN9, date(2025, 6, 17)),
    ("We plan to make our selection later this month.", JUN9, date(2025, 6, 30)),
    ("The team hopes to confirm the appointment in early July.", JUN9, date(2025, 7, 10)),
    ("The agency rang to say the client needs an extra week to decide.", JUN9, date(2025, 6, 16)),
    ("Quick update: they've asked for a few more days before they can give an answer.", JUN9, date(2025, 6, 12)),
    ("She mentioned they'd be making calls on Thursday.", JUN9, date(2025, 6, 12)),
    ("My colleague Priya will be in touch by Friday.", JUN9, date(2025, 6, 13)),
    ("A friend who works there said I'd hear by Thursday.", JUN9, date(2025, 6, 12)),
    ("We're hoping to make a decision by Friday.", JUN9, date(2025, 6, 13)),
    ("I originally promised you feedback today; it'll now be tomorrow.", JUN9, date(2025, 6, 10)),
    # Batch 3 (sent Thu 16 October 2025).
    ("We'll circle back early next week once the panel has compared notes.", OCT16, date(2025, 10, 21)),
    ("Decision expected by Tuesday, Wednesday at a push.", OCT16, date(2025, 10, 22)),
    ("We aim to revert within 3 business days, and by next Friday at the very latest.", OCT16, date(2025, 10, 24)),
    ("The references are due Monday, and we'll confirm the outcome to you on Wednesday.", OCT16, date(2025, 10, 22)),
    ("The panel reconvenes on the 20th, so you'll hear from me on the 22nd.", OCT16, date(2025, 10, 22)),
    ("I'll drop you a line by Saturday, promise!", OCT16, date(2025, 10, 18)),
    ("Apologies, the date I gave you was too optimistic; we'll now be in touch by the 24th.", OCT16, date(2025, 10, 24)),
    ("Roughly ten days, he reckoned.", OCT16, date(2025, 10, 26)),
    ("End of the month, maybe sooner, the HR lady told me.", OCT16, date(2025, 10, 31)),
    ("We expect to wrap up final interviews in the next few weeks.", OCT16, date(2025, 11, 6)),
    ("The shortlisting process should conclude within a fortnight.", OCT16, date(2025, 10, 30)),
    ("If you are successful at this stage, the hiring manager will contact you within five business days.", OCT16, date(2025, 10, 23)),
    ("Unless we hit a snag, expect an email from me by Monday.", OCT16, date(2025, 10, 20)),
    ("Assessments finish on the 24th and feedback will follow in early November.", OCT16, date(2025, 11, 10)),
    ("We're aiming to name our new head of design by mid-November.", OCT16, date(2025, 11, 15)),
    ("We're hoping to get offers out later next month.", OCT16, date(2025, 11, 30)),
    ("The recruiter messaged: the team needs another week to review.", OCT16, date(2025, 10, 23)),
    ("Update from the agency: the client is pushing the decision back to the 27th.", OCT16, date(2025, 10, 27)),
    ("You should know by close of business Friday.", OCT16, date(2025, 10, 17)),
    ("She told me to expect a call by the end of next week.", OCT16, date(2025, 10, 24)),
    ("I'll reach out by Friday either way.", OCT16, date(2025, 10, 17)),
    ("My colleague Dana will email you the outcome by Tuesday.", OCT16, date(2025, 10, 21)),
    ("Hoping to have an answer for you by Monday.", OCT16, date(2025, 10, 20)),
    ("I know I said Wednesday, but let's say Friday.", OCT16, date(2025, 10, 17)),
    # Batch 4 (sent Tue 13 January 2026).
    ("Thanks for your patience, we'll have news for you by Thursday.", JAN13, date(2026, 1, 15)),
    ("Our aim is to give everyone feedback within ten working days.", JAN13, date(2026, 1, 27)),
    ("You can expect to hear from Maria either tomorrow or Thursday.", JAN13, date(2026, 1, 15)),
    ("We'll revert by Friday, or early next week at the latest.", JAN13, date(2026, 1, 20)),
    ("References go out today and we'll be back to you with a decision by the 23rd.", JAN13, date(2026, 1, 23)),
    ("I'll let you know where we've landed by end of play Wednesday.", JAN13, date(2026, 1, 14)),
    ("We'll come back to you with an answer in a fortnight or so.", JAN13, date(2026, 1, 27)),
    ("Our CEO signs off offers on Mondays, so expect something next Tuesday.", JAN13, date(2026, 1, 20)),
    ("We've had to push our decision to the end of the month, sorry.", JAN13, date(2026, 1, 31)),
    ("The hiring manager's away until the 19th, so realistically you'll hear late next week.", JAN13, date(2026, 1, 23)),
    ("Just a heads-up that the process will likely conclude by mid-February.", JAN13, date(2026, 2, 15)),
    ("'Give us ten days or so,' was how she put it.", JAN13, date(2026, 1, 23)),
    ("He reckoned a fortnight, three weeks tops.", JAN13, date(2026, 2, 3)),
    ("If we'd like to take things further, we will contact you within 2 weeks of today.", JAN13, date(2026, 1, 27)),
    ("Should we need anything else we'll ask, otherwise expect our decision by Friday 16th.", JAN13, date(2026, 1, 16)),
    ("The board meets on the 15th and our recruiters will ring successful applicants on the 16th.", JAN13, date(2026, 1, 16)),
    ("I'm hoping we can get an offer to you by next week.", JAN13, date(2026, 1, 23)),
    ("Sorry for the radio silence: the team now needs until the end of next week to decide.", JAN13, date(2026, 1, 23)),
    ("Update: HR says two more weeks.", JAN13, date(2026, 1, 27)),
    ("We'll be making offers within the next 5 business days.", JAN13, date(2026, 1, 20)),
    ("A friend who works in their HR team said I should hear by Wednesday.", JAN13, date(2026, 1, 14)),
    ("Our talent partner will be in touch by Thursday.", JAN13, date(2026, 1, 15)),
    ("He never said when exactly, but I should hear by Friday.", JAN13, date(2026, 1, 16)),
    ("Although we said Friday, we'll now be in touch on Monday.", JAN13, date(2026, 1, 19)),
    ("We're hoping to make a decision by the 20th.", JAN13, date(2026, 1, 20)),
    # Batch 5 (sent Fri 8 May 2026).
    ("We'll be in a position to share next steps by Wednesday.", MAY8, date(2026, 5, 13)),
    ("Expect a decision within five working days.", MAY8, date(2026, 5, 15)),
    ("The panel wants to see two more people, so it'll be the end of next week before we're back in touch.", MAY8, date(2026, 5, 15)),
    ("I'll get back to you Monday or Tuesday at the latest.", MAY8, date(2026, 5, 12)),
    ("They told me I'd know one way or the other by the 15th.", MAY8, date(2026, 5, 15)),
    ("Apparently the MD wants to sign off, so the recruiter said give it another week.", MAY8, date(2026, 5, 15)),
    ("We're running slightly behind and now expect to come back to candidates by 22 May.", MAY8, date(2026, 5, 22)),
    ("You'll receive a formal written outcome within 10 days of today.", MAY8, date(2026, 5, 18)),
    ("We'll confirm either way before the end of the month.", MAY8, date(2026, 5, 31)),
    ("She said it could take up to three weeks.", MAY8, date(2026, 5, 29)),
    ("Hoping to have feedback to you early next week.", MAY8, date(2026, 5, 12)),
    ("If I don't have an answer for you by Thursday I'll at least send an update.", MAY8, date(2026, 5, 14)),
    ("Interviews wrap on Tuesday; we'll make offers on Thursday.", MAY8, date(2026, 5, 14)),
    ("The recruiter reckons mid-June at the latest.", MAY8, date(2026, 6, 15)),
    ("Two to three business days, the coordinator said.", MAY8, date(2026, 5, 13)),
    ("I said Wednesday before, but it's looking more like Friday now.", MAY8, date(2026, 5, 15)),
    ("Decisions will be communicated by email no later than 29 May.", MAY8, date(2026, 5, 29)),
    ("We anticipate a decision in roughly a fortnight.", MAY8, date(2026, 5, 22)),
    ("HR promised a response by close of business Monday.", MAY8, date(2026, 5, 11)),
    ("Should you not hear from us within 14 days, please assume your application has not been successful.", MAY8, date(2026, 5, 22)),
    ("My contact at the agency said I'd hear by Tuesday.", MAY8, date(2026, 5, 12)),
    ("The other candidates were seen this week; you'll hear from us by Wednesday.", MAY8, date(2026, 5, 13)),
    ("Unless something changes, we'll call you on Tuesday.", MAY8, date(2026, 5, 12)),
    ("We hope to announce our choice by Friday.", MAY8, date(2026, 5, 15)),
    ("We said mid-May originally, but we'll now aim for the 20th.", MAY8, date(2026, 5, 20)),  # "the 29th" is 29 April under rule 10
    # Batch 6 (sent Wed 16 September 2026).
    ("Many thanks for your time today; we'll be in touch by the end of next week with an update.", SEP16, date(2026, 9, 25)),
    ("We'll get back to you within 72 hours.", SEP16, date(2026, 9, 19)),
    ("The team will review all interviews on Friday and I'll call you Monday.", SEP16, date(2026, 9, 21)),
    ("We're aiming to make a final decision by Tuesday 22nd.", SEP16, date(2026, 9, 22)),
    ("You will be notified of the outcome within two to three weeks.", SEP16, date(2026, 10, 7)),
    ("The hiring manager said he'd reach out by next Thursday.", SEP16, date(2026, 9, 24)),
    ("We expect to have feedback for all candidates in early October.", SEP16, date(2026, 10, 10)),
    ("Hope to be able to update you by Friday, but Monday at the latest.", SEP16, date(2026, 9, 21)),
    ("Due to the holidays, we'll only be able to come back to you next month.", SEP16, date(2026, 10, 31)),
    ("She told me I'd hear back in about a week.", SEP16, date(2026, 9, 23)),
    ("Our decision should be with you by close of business tomorrow.", SEP16, date(2026, 9, 17)),
    ("We need a couple more days to finalise things, so expect to hear on Monday.", SEP16, date(2026, 9, 21)),
    ("Results will be emailed to candidates by 30 September.", SEP16, date(2026, 9, 30)),
    ("Realistically, you'll hear within the next fortnight.", SEP16, date(2026, 9, 30)),
    ("A few weeks, she reckoned.", SEP16, date(2026, 10, 7)),
    ("The client has asked for another week before they confirm.", SEP16, date(2026, 9, 23)),
    ("I originally said Thursday; it's now going to be Monday.", SEP16, date(2026, 9, 21)),
    ("If successful, you'll get an offer call within 48 hours.", SEP16, date(2026, 9, 18)),
    ("We're targeting the 25th for final decisions.", SEP16, date(2026, 9, 25)),
    ("Once the panel meets on the 21st, we'll come back to you by the 23rd.", SEP16, date(2026, 9, 23)),
    ("My recruiter friend at the company says I'll hear by Friday.", SEP16, date(2026, 9, 18)),
    ("Although another candidate is still interviewing, we'll let you know by the 24th.", SEP16, date(2026, 9, 24)),
    ("Should anything change, I'll still call you on Friday.", SEP16, date(2026, 9, 18)),
    ("Her words were 'by the end of the week'.", SEP16, date(2026, 9, 18)),
    ("They mentioned they'd update me next Tuesday.", SEP16, date(2026, 9, 22)),
    # Batch 7 (sent Mon 2 November 2026): whole emails and more sentences.
    ("Hi Alex,\n\nThanks for coming in on Thursday. The team really enjoyed meeting you.\n\nWe have two more interviews this week, and we expect to make a decision by Friday 13th. I'll call you either way.\n\nBest,\nSam", NOV2, date(2026, 11, 13)),
    ('Hello,\n\nThank you for your application for the Data Analyst role. We have received a high number of applications and our team is reviewing them now. Shortlisted candidates will be contacted within 15 working days.\n\nKind regards,\nTalent Team', NOV2, date(2026, 11, 23)),
    ("Hi there, quick note to say the hiring manager is off sick, so things are delayed. Realistically we won't have news before Wednesday next week, and by Friday next week at the latest.", NOV2, date(2026, 11, 13)),
    ('Hi, the offer paperwork is with legal. You should receive the contract by Wednesday; please sign and return it within 5 days of receipt.', NOV2, date(2026, 11, 4)),
    ("Just to update you, we're still waiting on feedback from one interviewer. I'm hopeful we'll be able to get back to you by Thursday.", NOV2, date(2026, 11, 5)),
    ("She said, and I quote, 'you'll hear from us by the 9th, one way or another.'", NOV2, date(2026, 11, 9)),
    ("Update from my side: interviewed Tuesday, recruiter said decisions come out end of next week, so I'm just waiting.", NOV2, date(2026, 11, 13)),
    ('We should have an answer for you within the week.', NOV2, date(2026, 11, 6)),
    ('Feedback typically takes 7-10 days.', NOV2, date(2026, 11, 12)),
    ('The recruiter promised to call me back this afternoon.', NOV2, date(2026, 11, 2)),
    ('We will contact successful applicants by the end of November.', NOV2, date(2026, 11, 30)),
    ('Expect to hear from someone on our team before the 10th.', NOV2, date(2026, 11, 10)),
    ("We'll have final decisions to all candidates in the first half of December.", NOV2, date(2026, 12, 15)),
    ("They said it'd be a week to ten days.", NOV2, date(2026, 11, 12)),
    ('The client is keen to move quickly, so you may hear as early as tomorrow, and by Wednesday at the latest.', NOV2, date(2026, 11, 4)),
    ('Following your interview today, you can expect our feedback within 48 hours.', NOV2, date(2026, 11, 4)),
    ("If you haven't heard back from me by the end of next week, feel free to chase.", NOV2, date(2026, 11, 13)),
]


@pytest.mark.parametrize("text, sent, due", FRESH_FIRES)
def test_fresh_wording_fires(text, sent, due):
    promise = find_promise(text, sent)
    assert promise is not None and promise.due == due, promise


FRESH_DOES_NOT_FIRE = [
    # Batch 1 (sent Wed 5 March 2025): the classes the held-out set missed, and their neighbours.
    # must not fire: rejections that offer to reach out later
    ("We won't be taking your application further, but I'll reach out if anything suitable comes up in the next few months.", WED),
    ("Sadly the role went to someone else; I'll get in touch if something opens up over the next six months.", WED),
    # must not fire: the candidate's own plans
    ("I plan to send a follow-up email next Tuesday if I haven't heard.", WED),
    ("I'm going to email the recruiter on Monday if there's still no news.", WED),
    ("My plan is to chase them at the end of next week.", WED),
    # must not fire: the candidate's hopes
    ("Really hoping they decide before the end of the month.", WED),
    ("Praying they make up their minds by Friday.", WED),
    ("Would be great if they got back to me by Thursday.", WED),
    # must not fire: promises made to someone else
    ("He told the other finalist she'd hear by Monday, but said nothing to me.", WED),
    ("My friend who interviewed there was told two weeks.", WED),
    ("My colleague applied there and they said she'd hear within a week.", WED),
    # must not fire: words not said
    ("He never said 'by Friday'.", WED),
    ("She didn't give a date like next week or anything, just said they'd be in touch.", WED),
    # must not fire: the candidate's own decision
    ("I'll need to make a decision by the 20th.", WED),
    ("I have to give the other company my answer by Monday.", WED),
    ("I must decide on the competing offer within a week.", WED),
    # Batch 2 (sent Mon 9 June 2025).
    ("Although you weren't selected this time, we'll reach out should a similar role open in the next quarter or two.", JUN9),
    ("We've filled the position, but I'll keep your CV and contact you if something comes up within the year.", JUN9),
    ("I'll probably ping the recruiter on Thursday if nothing has come through.", JUN9),
    ("My plan: wait until Friday, then send a polite nudge.", JUN9),
    ("Hopefully they call by Wednesday.", JUN9),
    ("Desperately hoping for good news before the weekend.", JUN9),
    ("My sister interviewed there too and they told her she'd hear within five days.", JUN9),
    ("They promised another applicant an answer by Friday, apparently.", JUN9),
    ("He didn't say 'next week', he said 'soon'.", JUN9),
    ("There was no mention of Friday at all.", JUN9),
    ("I've got until the 20th to accept the other offer.", JUN9),
    ("I need to let them know my answer by Thursday.", JUN9),
    ("The recruiter asked me to reply by Wednesday with my availability.", JUN9),
    ("The start date would be Monday 7 July.", JUN9),
    ("We'll let you know after the references come back.", JUN9),
    ("They said they'd be in touch soon.", JUN9),
    # Batch 3 (sent Thu 16 October 2025).
    ("Unfortunately the hiring manager has gone with an internal candidate, but I'll be in touch if another role comes up in the next couple of months.", OCT16),
    ("We won't be progressing your application; I'll contact you should anything similar open in the next six months.", OCT16),
    ("I think I'll send them a short email on Wednesday if there's nothing by then.", OCT16),
    ("I'll give it until Friday, then chase.", OCT16),
    ("Praying I hear something before the long weekend.", OCT16),
    ("Would love it if they got back to me by Tuesday.", OCT16),
    ("Apparently the other candidate was promised an answer by Monday.", OCT16),
    ("My brother got told he'd hear back within a week when he applied there.", OCT16),
    ("No 'we'll call you Friday', no nothing.", OCT16),
    ("At no point did anyone say Thursday.", OCT16),
    ("I'll have to decide on the other offer by the 23rd.", OCT16),
    ("I need to respond to the other company within 48 hours.", OCT16),
    ("Please confirm your attendance by Tuesday.", OCT16),
    ("The offer letter gives me until the 31st to sign.", OCT16),
    ("Interviews continue through next week.", OCT16),
    ("We'll be in touch once the role is signed off.", OCT16),
    # Batch 4 (sent Tue 13 January 2026).
    ("We've decided to go in a different direction, though I'll keep you posted if anything changes over the next month.", JAN13),
    ("I'm thinking of following up on Friday if I haven't heard by then.", JAN13),
    ("I'll wait until next Wednesday before nudging them.", JAN13),
    ("Desperate to hear back before my notice period ends on the 30th.", JAN13),
    ("God, I hope they get back to me this week.", JAN13),
    ("The other two finalists were told they'd hear by Friday.", JAN13),
    ("My roommate got an offer from them within three days.", JAN13),
    ("He didn't mention the 20th at all.", JAN13),
    ("Nobody ever told me 'end of the month'.", JAN13),
    ("I've been given until Friday to decide on the other offer.", JAN13),
    ("Please complete the personality questionnaire within 72 hours.", JAN13),
    ("Your onboarding would begin on 2 February.", JAN13),
    ("We'll keep your details on file for 6 months.", JAN13),
    ("The role closes on the 30th and interviews are in February.", JAN13),
    ("They'll contact you once references are in.", JAN13),
    # Batch 5 (sent Fri 8 May 2026).
    ("We regret that we won't be moving forward, but we'll hold your CV for 12 months.", MAY8),
    ("If nothing by Wednesday, I'm going to call them.", MAY8),
    ("Would be amazing to hear back before the bank holiday.", MAY8),
    ("Fingers crossed for an answer by Friday!", MAY8),
    ("Her sister was told she'd hear within ten days and never did.", MAY8),
    ("I never got a 'by Friday' or anything like that.", MAY8),
    ("I must reply to the other firm by the 19th.", MAY8),
    ("The assessment centre is on the 20th and lasts all day.", MAY8),
    ("Please send over your right-to-work documents within 48 hours.", MAY8),
    ("Your start date will be confirmed in June.", MAY8),
    ("We'll let you know once the budget is approved.", MAY8),
    ("I told them I'd need a week to consider the offer.", MAY8),
    ("The offer will expire on 20 May.", MAY8),
    ("Our offices are closed on Monday for the holiday.", MAY8),
    ("I'm planning to chase them early next week.", MAY8),
    # Batch 6 (sent Wed 16 September 2026).
    ("Thank you for interviewing; unfortunately we've chosen another applicant. We'll keep your details for future roles over the next year.", SEP16),
    ("I'll send them a thank-you note tomorrow.", SEP16),
    ("I'm going to wait until the end of the month before chasing.", SEP16),
    ("I really hope I hear something by Friday.", SEP16),
    ("Wish they'd tell me by Monday either way.", SEP16),
    ("The other candidate I met in the lobby said they'd promised her an answer Thursday.", SEP16),
    ("My cousin's company told him two weeks and it took two months.", SEP16),
    ("She never mentioned a timeline like 'next week'.", SEP16),
    ("I have to accept or decline the other offer by Friday.", SEP16),
    ("Please let us know your notice period by Monday.", SEP16),
    ("Your first day would be Monday 5 October.", SEP16),
    ("The interview will take around 90 minutes.", SEP16),
    ("We'll be in touch when we have more information.", SEP16),
    ("The job ad closes on 30 September.", SEP16),
    ("I'd like to hear back within a week, ideally.", SEP16),
    # Batch 7 (sent Mon 2 November 2026): whole emails and more sentences.
    ("Dear Jo, unfortunately we have decided to proceed with candidates whose experience more closely matches the role. We'll keep your CV on file and may reach out in the next 12 months.", NOV2),
    ("I've got a second interview elsewhere on the 5th and I'm hoping to hear from them before then.", NOV2),
    ('Your interview is confirmed for Tuesday 10 November at 2pm.', NOV2),
    ('Please bring photo ID on the day.', NOV2),
    ("I'm giving them until Friday before I follow up.", NOV2),
    ("They told my friend he'd hear within a day.", NOV2),
    ("I'm meant to let the other company know by the 6th.", NOV2),
    ('Hoping to hear something before my holiday on the 20th.', NOV2),
    ("We don't usually give feedback until the process has closed.", NOV2),
    ("I'll email the recruiter a thank-you note today.", NOV2),
    ('It took them three weeks last time.', NOV2),
    ('The contract start date is 1 December.', NOV2),
    # Found while reviewing the new cues: company news, and the candidate's own words.
    ("We're excited to announce our new office opening in March.", WED),
    ("As we discussed on Friday, like you said.", WED),
]


@pytest.mark.parametrize("text, sent", FRESH_DOES_NOT_FIRE)
def test_fresh_wording_does_not_fire(text, sent):
    assert find_promise(text, sent) is None


def test_rule_17_a_day_or_two_counts_calendar_days_over_a_weekend():
    # The old reading counted business days; PROMISES.md rule 17 now says calendar days.
    assert find_promise("You'll hear from us in a day or two.", FRI).due == date(2025, 3, 9)
    # A vague "couple of days" stays business days (rule 4).
    assert find_promise("You'll hear from us in a couple of days.", FRI).due == date(2025, 3, 11)


def test_long_repeated_date_phrase_stays_linear():
    # Another helper runs adversarial text; a generous ceiling only a quadratic loop exceeds.
    import time

    for text in ("by Friday 31 January at the latest " * 1200, "early March mid-April " * 2000,
                 "we'll let you know by Friday and " * 1300, "told me " * 5000 + "by Friday"):
        start = time.perf_counter()
        find_promise(text, WED)
        assert time.perf_counter() - start < 2.0
