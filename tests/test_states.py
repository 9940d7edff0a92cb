"""Every state a process can be in, end to end: mail in an mbox, `followup threads --json` out."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.mailmaker import ME, invite, message, write_mbox

NY = timezone(timedelta(hours=-5))
LONDON = timezone.utc
ACK = "noreply@greenhouse.io"
SIG = "\n\nBest,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n"


def at(day: int, hour: int = 10, month: int = 3, tz=NY) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=tz)


def run(tmp_path, mails, today="2026-03-12", *extra):
    (tmp_path / "box.mbox").unlink(missing_ok=True)  # each run reads exactly these mails
    path = write_mbox(tmp_path / "box.mbox", mails)
    result = CliRunner().invoke(
        main, ["--mailbox", str(path), "--me", ME, "--today", today, *extra, "threads", "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return {p["id"]: p for p in json.loads(result.output)}


def recruiter(subject, body, when, n, thread, **kw):
    return message("Priya Shah <priya@northwind-labs.com>", ME, subject, body + SIG, when,
                   msgid=f"{thread}-{n}@northwind", thread=thread, **kw)


def mine(subject, body, when, n, thread, parents):
    return message(f"Jordan Rivera <{ME}>", "priya@northwind-labs.com", subject, body, when,
                   msgid=f"{thread}-{n}@me", thread=thread, labels="Sent", reply_to_ids=parents)


def tid(n: int) -> str:
    return format(n, "x")


def test_applied_scheduled_and_noise(tmp_path):
    mails = [
        message("Acme Careers <noreply@greenhouse.io>", ME, "Thank you for applying to Acme Robotics",
                "Thank you for applying to the Senior Data Analyst role at Acme Robotics. "
                "Our team will review your application.", at(10), msgid="a@gh", thread=1),
        recruiter("Interview: Senior Data Analyst", "Hi Jordan, your interview is booked; "
                  "the invite is attached.", at(9), 1, 2,
                  ics=invite("u1", "20260313T100000", "America/New_York", "priya@northwind-labs.com",
                             [ME, "tom@northwind-labs.com"])),
        message("Job Alerts <alerts@jobs.example>", ME, "5 interview tips and new jobs for you",
                "Ace your next interview.", at(11), msgid="n@x", thread=3,
                headers={"List-Unsubscribe": "<mailto:u@jobs.example>"}),
        message("Sam <sam.friend@gmail.com>", ME, "Coffee chat?", "How did your interview go? Coffee?",
                at(11), msgid="f@x", thread=4),
    ]
    got = run(tmp_path, mails)
    assert set(got) == {tid(1), tid(2)}
    assert got[tid(1)]["state"] == "applied"
    assert got[tid(1)]["company"] == "Acme Robotics"
    scheduled = got[tid(2)]
    assert scheduled["state"] == "scheduled"
    assert scheduled["interviews"] == [{"start": "2026-03-13T10:00:00-04:00", "source": "calendar"}]
    assert scheduled["company"] == "Northwind Labs"
    assert scheduled["role"] == "Senior Data Analyst"
    roles = {c["email"]: c["role"] for c in scheduled["contacts"]}
    assert roles == {"priya@northwind-labs.com": "recruiter", "tom@northwind-labs.com": "interviewer"}


@pytest.mark.parametrize("today, state", [("2026-03-11", "thank_you_due"), ("2026-03-12", "thank_you_due"),
                                          ("2026-03-13", "waiting")])
def test_thank_you_is_owed_until_the_first_business_day_after_the_interview(tmp_path, today, state):
    mails = [recruiter("Interview", "See you then.", at(5), 1, 7,
                       ics=invite("u7", "20260311T140000", "America/New_York", "priya@northwind-labs.com",
                                  [ME, "tom@northwind-labs.com"]))]
    assert run(tmp_path, mails, today)[tid(7)]["state"] == state


def test_a_friday_interview_leaves_until_monday_for_the_thank_you(tmp_path):
    mails = [recruiter("Interview", "Confirmed.", at(2), 1, 8,
                       ics=invite("u8", "20260306T110000", "America/New_York", "priya@northwind-labs.com", [ME]))]
    assert run(tmp_path, mails, "2026-03-09")[tid(8)]["state"] == "thank_you_due"
    assert run(tmp_path, mails, "2026-03-10")[tid(8)]["state"] == "waiting"


def test_a_thank_you_sent_ends_the_thank_you_state(tmp_path):
    mails = [
        recruiter("Interview", "Confirmed.", at(5), 1, 9,
                  ics=invite("u9", "20260311T090000", "America/New_York", "priya@northwind-labs.com", [ME])),
        mine("Thank you", "Thank you for your time today.", at(11, 17), 2, 9, ("9-1@northwind",)),
    ]
    assert run(tmp_path, mails)[tid(9)]["state"] == "waiting"


def test_waiting_on_a_promise_then_overdue_then_checked_in(tmp_path):
    promised = recruiter("Re: Interview", "Thanks for your time today. We'll get back to you by Friday.",
                         at(23, 16, month=2), 1, 10)
    got = run(tmp_path, [promised], "2026-02-26")[tid(10)]
    assert got["state"] == "waiting"
    assert got["promise"]["due"] == "2026-02-27"
    assert got["promise"]["made_at"].startswith("2026-02-23T16:00:00-05:00")
    assert got["wait_until"] == "2026-02-27"

    got = run(tmp_path, [promised])[tid(10)]
    assert got["state"] == "overdue"
    assert got["followups_since_reply"] == 0

    checkin = mine("Re: Interview", "Is there any update?", at(2), 2, 10, ("10-1@northwind",))
    got = run(tmp_path, [promised, checkin])[tid(10)]
    assert got["state"] == "overdue"
    assert got["followups_since_reply"] == 1
    assert got["last_message"]["from_me"] is True


def test_no_date_promised_waits_the_default_business_days(tmp_path):
    mails = [recruiter("Re: Interview", "Thank you for interviewing with us. We'll be in touch.", at(4), 1, 11)]
    got = run(tmp_path, mails)[tid(11)]
    assert got["promise"] is None
    assert got["wait_until"] == "2026-03-18"  # Wed 4 March + 10 business days
    assert got["state"] == "waiting"


def test_the_default_wait_comes_from_config(tmp_path):
    (tmp_path / "c.toml").write_text("default_wait_business_days = 3\n")
    mails = [recruiter("Re: Interview", "Thank you for interviewing with us. We'll be in touch.", at(4), 1, 12)]
    got = run(tmp_path, mails, "2026-03-12", "--config", str(tmp_path / "c.toml"))[tid(12)]
    assert got["wait_until"] == "2026-03-09"
    assert got["state"] == "overdue"


def test_the_newest_message_from_them_replaces_the_promise(tmp_path):
    first = recruiter("Re: Interview", "We'll get back to you by Friday.", at(2), 1, 13)
    later = recruiter("Re: Interview", "Sorry for the delay: the team needs a little longer; "
                      "you'll hear from us within two weeks.", at(6), 2, 13, reply_to_ids=("13-1@northwind",))
    got = run(tmp_path, [first, later])[tid(13)]
    assert got["promise"]["due"] == "2026-03-20"
    assert got["state"] == "waiting"


def test_a_promise_quoted_in_my_reply_is_not_a_new_promise(tmp_path):
    old = recruiter("Re: Interview", "Thank you for interviewing. We will be in touch.", at(2), 1, 14)
    quoting = recruiter("Re: Interview", "Thanks for the note, Jordan!\n\n"
                        "On Mon, Feb 2, 2026 at 9:00 AM Priya Shah <priya@northwind-labs.com> wrote:\n"
                        "> We'll get back to you by Friday.\n", at(3), 2, 14)
    got = run(tmp_path, [old, quoting])[tid(14)]
    assert got["promise"] is None


@pytest.mark.parametrize("text, state", [
    ("Unfortunately, we have decided to move forward with other candidates for the role.", "rejected"),
    ("I'm afraid we are unable to offer you the position at this time.", "rejected"),
    ("We're delighted to offer you the position of Senior Data Analyst! The offer letter is attached.",
     "offer"),
])
def test_outcomes(tmp_path, text, state):
    mails = [
        recruiter("Interview", "Your interview is confirmed for Monday, March 2 at 2pm ET.", at(23, month=2), 1, 15),
        recruiter("Re: Interview", text, at(9), 2, 15, reply_to_ids=("15-1@northwind",)),
    ]
    got = run(tmp_path, mails)[tid(15)]
    assert got["state"] == state
    assert got["wait_until"] is None
    assert got["interviews"] == [{"start": "2026-03-02T14:00:00-05:00", "source": "text"}]


def test_threads_without_gmail_headers_are_joined_by_references(tmp_path):
    a = message("Priya Shah <priya@northwind-labs.com>", ME, "Interview next steps",
                "Can we schedule your interview?" + SIG, at(2), msgid="root@n")
    b = message(f"Jordan <{ME}>", "priya@northwind-labs.com", "Re: Interview next steps", "Yes please.",
                at(3), msgid="r1@me", reply_to_ids=("root@n",))
    c = message("Priya Shah <priya@northwind-labs.com>", ME, "Re: Interview next steps",
                "Thanks for interviewing with us. You'll hear from us by March 20." + SIG, at(9), msgid="r2@n",
                reply_to_ids=("root@n", "r1@me"))
    got = run(tmp_path, [a, b, c])
    assert len(got) == 1
    (process,) = got.values()
    assert process["promise"]["due"] == "2026-03-20"
    assert process["last_message"]["from_me"] is False


def test_a_timeline_said_out_loud_and_written_in_the_debrief_is_a_promise(tmp_path):
    """'We'll decide by Friday', said in the room on Wed 11 March, counts from that day."""
    from assistant.debrief import Debrief, save_debrief

    mails = [recruiter("Interview", "Hi Jordan, see you Wednesday.", at(5), 1, 16,
                       ics=invite("u16", "20260311T140000", "America/New_York",
                                  "priya@northwind-labs.com", [ME]))]
    save_debrief(Debrief(thread_id=tid(16), interview_day=datetime(2026, 3, 11).date(),
                         timeline="Priya said they'd decide by Friday."))
    got = run(tmp_path, mails, "2026-03-16")[tid(16)]
    assert got["promise"]["due"] == "2026-03-13"
    assert got["promise"]["source"] == "debrief"
    assert got["state"] == "overdue"

    # A later email from them without a timeframe ends the spoken promise (rule 15).
    later = recruiter("Re: Interview", "Hi Jordan, thanks again for coming in.", at(12), 2, 16,
                      reply_to_ids=("16-1@northwind",))
    got = run(tmp_path, [*mails, later], "2026-03-16")[tid(16)]
    assert got["promise"] is None
    assert got["state"] == "waiting"


def test_a_process_i_withdrew_from_asks_for_nothing(tmp_path):
    mails = [
        recruiter("Re: Interview", "Hi Jordan, thanks for interviewing; we'll get back to you by Friday.",
                  at(2), 1, 17),
        mine("Re: Interview", "Hi Priya, I've accepted another offer, so I'd like to withdraw from the "
             "process. Thank you for your time.", at(4), 2, 17, ("17-1@northwind",)),
    ]
    got = run(tmp_path, mails)[tid(17)]
    assert got["state"] == "withdrawn"
    assert got["wait_until"] is None
    result = CliRunner().invoke(main, ["--mailbox", str(tmp_path / "box.mbox"), "--me", ME,
                                       "--today", "2026-03-12", "due"])
    assert "Nothing is due today" in result.output


def test_asking_what_withdrawing_would_mean_is_not_withdrawing(tmp_path):
    mails = [
        recruiter("Re: Interview", "Hi Jordan, thanks for interviewing; we'll get back to you by Friday.",
                  at(2), 1, 18),
        mine("Re: Interview", "Hi Priya, if I withdraw from the process now, could I apply again later?",
             at(4), 2, 18, ("18-1@northwind",)),
    ]
    assert run(tmp_path, mails)[tid(18)]["state"] == "overdue"


def test_an_invitation_in_a_thread_of_its_own_joins_the_conversation(tmp_path):
    """Calendars send invites as new threads; the process must still know it is scheduled."""
    talk = [
        recruiter("Next steps", "Hi Jordan, thanks for applying! Could we set up an interview "
                  "with Tom? We'll get back to you with times by Friday.", at(2), 1, 19),
        mine("Re: Next steps", "Hi Priya, happy to. Thanks!", at(3), 2, 19, ("19-1@northwind",)),
    ]
    invitation = recruiter("Invitation: Interview with Jordan Rivera @ Fri Mar 13", "You have been invited.",
                           at(9), 3, 20, ics=invite("u20", "20260313T100000", "America/New_York",
                                                    "priya@northwind-labs.com", [ME, "tom@northwind-labs.com"]))
    got = run(tmp_path, [*talk, invitation])
    assert list(got) == [tid(19)]
    assert got[tid(19)]["state"] == "scheduled"
    assert got[tid(19)]["interviews"][0]["start"] == "2026-03-13T10:00:00-04:00"


def test_when_they_asked_me_something_the_next_step_is_my_answer_not_a_status_check(tmp_path):
    mails = [
        recruiter("Re: Interview", "Hi Jordan, thanks for interviewing; we'll get back to you by Friday.",
                  at(2), 1, 21),
        recruiter("Re: Interview", "Hi Jordan, great news: we'd like you to meet the team. "
                  "Could you send me your availability for next week?", at(4), 2, 21,
                  reply_to_ids=("21-1@northwind",)),
    ]
    got = run(tmp_path, mails, "2026-03-30")[tid(21)]
    assert got["their_question"] == "Could you send me your availability for next week?"
    box = str(tmp_path / "box.mbox")
    due = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-30", "due"])
    assert "waiting for your answer" in due.output
    refused = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-30",
                                        "draft", "status-check", tid(21)])
    assert refused.exit_code == 3
    assert "reply to that instead of checking in" in refused.output

    answered = [*mails, mine("Re: Interview", "Hi Priya, Tuesday or Wednesday afternoon works.", at(5), 3, 21,
                             ("21-2@northwind",))]
    assert run(tmp_path, answered, "2026-03-30")[tid(21)]["their_question"] is None


@pytest.mark.parametrize("text", [
    "Let me know if you have any questions?",
    "Hope you had a good weekend? We'll be in touch by Friday.",
    "Thanks for your time today. We'll get back to you by Friday.",
])
def test_pleasantries_are_not_questions_waiting_for_me(text):
    from assistant.process import question_in

    assert question_in(text) is None


def test_a_process_silent_for_months_is_gone_quiet_and_asks_for_nothing(tmp_path):
    mails = [recruiter("Re: Interview", "Hi Jordan, thanks for interviewing; we'll get back to you by Friday.",
                       at(2, month=1), 1, 22)]
    got = run(tmp_path, mails, "2026-03-30")[tid(22)]  # 87 days of silence
    assert got["state"] == "overdue" and got["gone_quiet"] is True
    box = str(tmp_path / "box.mbox")
    due = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-30", "due"])
    assert "Nothing is due today" in due.output
    table = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-30", "threads"])
    assert "gone quiet" in table.output
    # Within close_after_days it is an ordinary overdue process.
    assert run(tmp_path, mails, "2026-02-01")[tid(22)]["gone_quiet"] is False


def test_the_recruiters_own_title_is_not_the_job(tmp_path):
    mails = [recruiter("Re: Interview", "Hi Jordan, thanks for interviewing for the Data Engineer role; "
                       "we'll be in touch.\n\nBest,\nSam Lee\nSenior Recruiting Coordinator", at(2), 1, 23)]
    assert run(tmp_path, mails)[tid(23)]["role"] == "Data Engineer"


@pytest.mark.parametrize("greeting", ["Hi Jordan,", "Dear Jordan,", "Hello Jordan", "hi Jordan,"])
def test_a_recruiters_first_personal_email_is_a_process(tmp_path, greeting):
    """Written to me by name: not a broadcast, even before I reply."""
    mails = [message("Priya Shah <priya@northwind-labs.com>", ME, "Senior Data Analyst interview",
                     f"{greeting}\n\nAfter our call last week, we'd like to invite you to an interview "
                     "with the hiring manager for the Senior Data Analyst role." + SIG, at(10),
                     msgid="first@northwind", thread=24)]
    assert tid(24) in run(tmp_path, mails)


def test_dear_candidate_is_not_written_to_me(tmp_path):
    mails = [message("HR <hr@remote-jobs.example>", ME, "Job offer: remote data entry",
                     "Dear Candidate,\n\nYour interview is today; contact our HR manager to receive your "
                     "offer letter.", at(10), msgid="scam@x", thread=25)]
    assert run(tmp_path, mails) == {}


def test_my_thank_you_after_their_promise_is_not_a_check_in(tmp_path):
    """'We'll decide by Friday', then my thank-you, then silence: the one check-in is still mine."""
    mails = [
        recruiter("Re: Interview", "Hi Jordan, thanks for coming in today. We'll decide by Friday.",
                  at(2), 1, 26),
        mine("Re: Interview", "Hi Priya, thank you for your time today; I enjoyed meeting the team.",
             at(2, 18), 2, 26, ("26-1@northwind",)),
    ]
    got = run(tmp_path, mails)[tid(26)]
    assert got["state"] == "overdue" and got["followups_since_reply"] == 1
    due = CliRunner().invoke(main, ["--mailbox", str(tmp_path / "box.mbox"), "--me", ME, "--today",
                                    "2026-03-12", "due"])
    assert f"followup draft status-check {tid(26)}" in due.output


@pytest.mark.parametrize("text", [
    "What happens next? The team will meet on Thursday.",
    "Questions about the process? I'm happy to help.",
    "The take-home is at https://careers.example.com/candidate/take-home?id=7 if you need it.",
])
def test_rhetorical_questions_and_links_are_not_questions_for_me(text):
    from assistant.process import question_in

    assert question_in(text) is None


def test_a_company_word_once_or_before_a_job_title_does_not_rename_the_company():
    from assistant.hiring import _name_in_text

    assert _name_in_text("ledgerline", ["Ledgerline Analytics Engineer interview", "Ledgerline", "Ledgerline"]) \
        == "Ledgerline"
    assert _name_in_text("ledgerline", ["Ledgerline Pay and benefits", "Ledgerline", "Ledgerline"]) == "Ledgerline"
    assert _name_in_text("quillstone", ["Quillstone Insurance", "Quillstone Insurance", "at Quillstone"]) \
        == "Quillstone Insurance"


def test_my_name_after_the_title_is_not_the_team(tmp_path):
    mails = [recruiter("Interview invitation: Senior Data Analyst, Jordan Rivera",
                       "Hi Jordan, we'd like to invite you to an interview for the role." , at(2), 1, 27,
                       headers={"Cc": "Jordan Rivera <jordan.rivera@gmail.com>"})]
    assert run(tmp_path, mails)[tid(27)]["role"] == "Senior Data Analyst"
