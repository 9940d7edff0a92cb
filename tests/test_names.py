"""Company names as people write them, the agency's client, and robots that are no one (issue 8, class 4)."""

import time
from datetime import datetime, timedelta, timezone

import pytest

from assistant.hiring import company_of, contacts_of, is_agency
from assistant.mail import parse_message
from assistant.senders import ATS_SENDERS, is_ats
from tests.mailmaker import ME, message

AT = datetime(2026, 3, 2, 10, tzinfo=timezone(timedelta(hours=-5)))
MINE = frozenset([ME])


def mails(*specs):
    """(sender, subject, body[, headers]) -> parsed messages, one thread."""
    out = []
    for n, spec in enumerate(specs):
        sender, subject, body, *rest = spec
        out.append(parse_message(message(sender, ME, subject, body, AT + timedelta(hours=n), msgid=f"n{n}@x",
                                         headers=rest[0] if rest else None).as_bytes()))
    return out


@pytest.mark.parametrize("name", [
    "Marlow & Finch", "AT&T", "Procter & Gamble", "Smith, Jones & Co.", "O'Reilly Media", "Zoë Labs",
    "3M", "e.on", "Électricité Nouvelle", "Acme Inc.", "eBay",
])
def test_an_ats_acknowledgement_names_the_company_as_written(name):
    thread = mails((f"{name} Careers <no-reply@greenhouse.io>", f"Your application to {name}",
                    f"Dear Jordan,\n\nThank you for applying to {name}. We have received your application."))
    assert company_of(thread, MINE) == name


@pytest.mark.parametrize("text, company", [
    # The name stops where the sentence or the clause does.
    ("Thank you for applying to Marlow & Finch. Our team will review it.", "Marlow & Finch"),
    ("Thanks for your application to Acme, and good luck.", "Acme"),
    ("Thank you for applying to Acme Inc. We will be in touch.", "Acme Inc."),
])
def test_a_name_ends_where_the_writer_ended_it(text, company):
    thread = mails(("Careers <no-reply@lever.co>", "Application received", f"Dear Jordan,\n\n{text}"))
    assert company_of(thread, MINE) == company


@pytest.mark.parametrize("domain, written", [
    ("marlowfinch.com", "Marlow & Finch"), ("att.com", "AT&T"), ("oreilly.com", "O'Reilly"),
    ("zoelabs.io", "Zoë Labs"),
])
def test_a_company_domain_is_named_as_its_people_write_it(domain, written):
    body = f"Hi Jordan,\n\nThanks for applying to {written}. Could you do an interview next week?\n\nPriya\n{written}"
    thread = mails((f"Priya Shah <priya@{domain}>", "Data Analyst interview", body))
    assert company_of(thread, MINE) == written


@pytest.mark.parametrize("opening", [
    "My client, Fenwick Analytics, is hiring a Senior BI Developer.",
    "my client Fenwick Analytics is hiring a Senior BI Developer.",
    "On behalf of Fenwick Analytics, I'd like to talk to you about a Senior BI Developer role.",
    "I'm recruiting for a Senior BI Developer role at Fenwick Analytics.",
])
def test_an_agency_recruiter_names_the_client_at_the_start_of_a_sentence_or_in_it(opening):
    body = f"Hi Jordan,\n\nI'm a recruiter with Bridgewell. {opening} Could we have a quick call?\n\nMarcus"
    thread = mails(("Marcus Hale <marcus@bridgewell.ca>", "Senior BI Developer opportunity", body))
    assert is_agency("bridgewell.ca", thread)
    assert company_of(thread, MINE) == "Fenwick Analytics"


def test_an_employer_naming_itself_at_the_start_of_a_sentence_is_no_agency():
    body = "Hi Jordan,\n\nOn behalf of Northwind, thank you for applying. Could you do an interview next week?"
    thread = mails(("Priya Shah <priya@northwind.com>", "Data Analyst", body))
    assert not is_agency("northwind.com", thread)
    assert company_of(thread, MINE) == "Northwind"


@pytest.mark.parametrize("sender", [
    "Quayside Bank <quaysidebank@myworkday.com>",   # Workday: the company as the display name
    "Priya Shah <no-reply@greenhouse.io>",           # a person's name over a robot address
    "Acme <acme@talent.icims.com>",
    "Acme Hiring <acme@smartrecruiters.com>",
    "Acme <acme@jobs.teamtailor.com>",
    "Acme <notifications@jobvite.com>",
    "Acme <acme@ashbyhq.com>",
])
def test_an_applicant_tracking_system_is_never_a_contact(sender):
    thread = mails((sender, "Application received: Data Analyst",
                    "Dear Jordan,\n\nThank you for applying to Acme. We have received your application."))
    assert contacts_of(thread, MINE, []) == []


def test_the_person_behind_an_ats_reply_to_is_the_contact():
    thread = mails(("Priya Shah <no-reply@us.greenhouse-mail.io>", "Interview: Data Analyst",
                    "Hi Jordan,\n\nCould you do an interview next week?\n\nPriya\nRecruiter, Acme",
                    {"Reply-To": "Priya Shah <priya@acme.com>"}))
    assert [(c.email, c.role) for c in contacts_of(thread, MINE, [])] == [("priya@acme.com", "recruiter")]


def test_every_ats_says_why_it_is_listed():
    assert all(domain and why for domain, why in ATS_SENDERS)
    assert is_ats("quaysidebank@myworkday.com") and is_ats("x@hire.lever.co") and not is_ats("priya@acme.com")


def test_company_names_are_read_in_linear_time_on_hostile_text():
    hostile = "applying to " + "Aa & " * 4000 + "\n" + "my client " + "e" * 20000 + " " + "Ab, " * 5000
    thread = mails(("Careers <no-reply@lever.co>", "Application", hostile))
    started = time.perf_counter()
    company_of(thread, MINE)
    assert time.perf_counter() - started < 2  # a quadratic routine takes minutes here


DANA = "Dana Kowalski <dana@cobaltfreight.com>"
SAM = "Sam Patel <sam@cobaltfreight.com>"
TOM = "Tom Becker <tom@cobaltfreight.com>"


def thread_with(body, sender=DANA, cc=f"{SAM}, {TOM}", mine=None):
    """Dana writes with Sam and Tom in copy; optionally my reply follows."""
    first = message(sender, ME, "Supply Chain Analyst - interview", body, AT, msgid="c1@x",
                    headers={"Cc": cc})
    out = [parse_message(first.as_bytes())]
    if mine:
        out.append(parse_message(message(f"Jordan Rivera <{ME}>", "dana@cobaltfreight.com",
                                         "Re: Supply Chain Analyst - interview", mine, AT + timedelta(hours=2),
                                         msgid="c2@x", reply_to_ids=("c1@x",)).as_bytes()))
    return out


def roles(thread):
    return {c.email: c.role for c in contacts_of(thread, MINE, [])}


SIGNED = "\n\nDana Kowalski\nRecruiter, Cobalt Freight"


@pytest.mark.parametrize("sentence", [
    "Can you do a video interview on Wednesday with me and Sam Patel, our Network Planning Lead?",
    "You'll meet Sam Patel and Tom Becker on Wednesday.",
    "Sam Patel, our Network Planning Lead, will join the interview.",
    "Sam will also join us on Wednesday.",
    "Thanks again for meeting with Sam and me on Wednesday.",
    "Sam Patel will be on the call too.",
    "Your interviewers are Sam Patel and Tom Becker.",
    "The interview will be with Sam Patel, our Network Planning Lead.",
])
def test_people_the_company_names_as_meeting_me_are_interviewers(sentence):
    got = roles(thread_with(f"Hi Jordan,\n\n{sentence}{SIGNED}"))
    assert got["sam@cobaltfreight.com"] == "interviewer"
    assert got["dana@cobaltfreight.com"] == "recruiter"  # her title wins over her seat at the table


@pytest.mark.parametrize("sentence", [
    "Sam Patel will send you the calendar invite.",        # arranges, does not meet
    "Unfortunately Sam can't join on Wednesday.",           # says no
    "I've copied Sam Patel from our payroll team.",
    "Sam is not on the panel this time.",
    "Sam Patel will share the interviewer notes with the team.",
])
def test_people_merely_named_are_not_interviewers(sentence):
    assert roles(thread_with(f"Hi Jordan,\n\n{sentence}{SIGNED}"))["sam@cobaltfreight.com"] == "other"


def test_a_first_name_shared_by_two_people_names_neither():
    body = f"Hi Jordan,\n\nYou'll meet Sam on Wednesday.{SIGNED}"
    got = roles(thread_with(body, cc=f"{SAM}, Sam Ortiz <sam.ortiz@cobaltfreight.com>"))
    assert got["sam@cobaltfreight.com"] == got["sam.ortiz@cobaltfreight.com"] == "other"


def test_my_thanks_names_the_interviewers_too():
    got = roles(thread_with(f"Hi Jordan,\n\nYour interview is on Wednesday.{SIGNED}",
                            mine="Hi Dana,\n\nThanks for setting up the interview; I enjoyed meeting Tom."))
    assert got["tom@cobaltfreight.com"] == "interviewer" and got["sam@cobaltfreight.com"] == "other"


def test_a_stranger_naming_someone_makes_no_interviewer_and_gets_no_role():
    """Someone from outside the process, replying all, cannot make anyone an interviewer."""
    first = message(DANA, ME, "Supply Chain Analyst - interview", f"Hi Jordan,\n\nInterview on Wednesday?{SIGNED}",
                    AT, msgid="s1@x", headers={"Cc": SAM})
    mine = message(f"Jordan Rivera <{ME}>", "dana@cobaltfreight.com", "Re: Supply Chain Analyst - interview",
                   "Wednesday works.", AT + timedelta(hours=1), msgid="s2@x", reply_to_ids=("s1@x",))
    ben = message("Ben Adler <ben@arcadia-freight.com>", f"dana@cobaltfreight.com, {ME}",
                  "Re: Supply Chain Analyst - interview", "Hi all, you'll meet Sam Patel, and Ben Adler will join too.",
                  AT + timedelta(hours=2), msgid="s3@x", reply_to_ids=("s1@x", "s2@x"), headers={"Cc": SAM})
    thread = [parse_message(m.as_bytes()) for m in (first, mine, ben)]
    got = roles(thread)
    assert got["sam@cobaltfreight.com"] == "other"
    assert "ben@arcadia-freight.com" not in got


@pytest.mark.parametrize("sentence", [
    "Our Client Success team works closely with this role.",
    "The Client Services group would be your partners.",
])
def test_an_employer_writing_about_its_client_teams_is_no_agency(sentence):
    body = f"Hi Jordan,\n\nThanks for applying to Northwind. {sentence} Could you do an interview next week?"
    thread = mails(("Priya Shah <priya@northwind.com>", "Data Analyst", body))
    assert not is_agency("northwind.com", thread)
    assert company_of(thread, MINE) == "Northwind"


def test_an_application_named_at_the_start_of_a_sentence_names_the_company():
    thread = mails(("Careers <no-reply@lever.co>", "Update",
                    "Dear Jordan,\n\nApplication to Marlow & Finch: received."))
    assert company_of(thread, MINE) == "Marlow & Finch"


def test_a_process_known_only_through_workday_has_no_one_to_draft_to(tmp_path):
    """Before: 'Quayside Bank <quaysidebank@myworkday.com>' was the recruiter, and a forced status
    check went to a robot's address. Now the user is told to name someone."""
    import json

    from click.testing import CliRunner

    from assistant.cli import main
    from tests.mailmaker import write_mbox

    ack = message("Quayside Bank <quaysidebank@myworkday.com>", ME, "Application Received: Junior Quantitative Analyst",
                  "Dear Jordan,\n\nThank you for applying for the position of Junior Quantitative Analyst at "
                  "Quayside Bank. We have received your application.", AT, msgid="q1@x", thread=7)
    box = str(write_mbox(tmp_path / "box.mbox", [ack]))
    run = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-20", "threads", "--json"])
    (p,) = json.loads(run.output)
    assert (p["company"], p["contacts"]) == ("Quayside Bank", [])
    forced = CliRunner().invoke(main, ["--mailbox", box, "--me", ME, "--today", "2026-03-20",
                                       "draft", "status-check", p["id"], "--force", "--print"])
    assert forced.exit_code != 0 and "myworkday" not in forced.output
    assert "--to" in forced.output


@pytest.mark.parametrize("sender", [
    "Acme Jobs <jobs-noreply@acme.com>", "Acme <careers.no-reply@acme.com>", "Acme <noreply+jobs@acme.com>",
    "Acme <do-not-reply@acme.com>", "Acme Talent <notifications@acme.com>",
])
def test_a_no_reply_address_is_never_a_contact(sender):
    thread = mails((sender, "Interview: Data Analyst", "Dear Jordan,\n\nThank you for applying to Acme."))
    assert contacts_of(thread, MINE, []) == []


@pytest.mark.parametrize("sender", ["Noreen Price <noreen@acme.com>", "Replyn Smith <replyn@acme.com>",
                                    "Info Desk Lead <infonia.ross@acme.com>"])
def test_a_person_whose_name_looks_like_a_robot_word_is_still_a_person(sender):
    thread = mails((sender, "Interview: Data Analyst", "Hi Jordan,\n\nCould you do an interview next week?"))
    assert [c.email for c in contacts_of(thread, MINE, [])] == [sender.split("<")[1].rstrip(">")]


def test_a_research_company_is_no_search_firm():
    body = "Hi Jordan,\n\nThanks for applying. You'll meet Tom Becker on Tuesday for the interview."
    thread = mails(("Tom Becker <tom@researchgate.net>", "Data Analyst interview", body))
    assert not is_agency("researchgate.net", thread)
    assert [c.role for c in contacts_of(thread, MINE, [])] == ["interviewer"]


def test_a_team_mailbox_is_never_named_as_an_interviewer():
    body = f"Hi Jordan,\n\nYou'll meet the Data team and Sam on Wednesday.{SIGNED}"
    got = roles(thread_with(body, cc=f"{SAM}, Data Team <data@cobaltfreight.com>"))
    assert got["sam@cobaltfreight.com"] == "interviewer"
    assert got["data@cobaltfreight.com"] == "other"
