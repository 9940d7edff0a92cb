"""Roles as the job ad wrote them; the company without products or agencies (issue 8, class 4)."""

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from assistant.hiring import company_of, is_agency, role_of
from assistant.mail import parse_message
from tests.mailmaker import ME, message, write_mbox

AT = datetime(2026, 3, 2, 10, tzinfo=timezone(timedelta(hours=-5)))
PRIYA = "Priya Shah <priya@northwind-logistics.com>"
ASK = "Hi Jordan,\n\nThanks for applying. We'd like to invite you to an interview next week.\n\nBest,\nPriya\n"


def parsed(subject, body=ASK, sender=PRIYA):
    return [parse_message(message(sender, ME, subject, body, AT, msgid="r1@x").as_bytes())]


@pytest.mark.parametrize("subject, role", [
    ("Data Analyst, Northwind Logistics", "Data Analyst"),
    ("Northwind Logistics - Data Analyst", "Data Analyst"),
    ("Data Analyst at Northwind", "Data Analyst"),
    ("Data Analyst (Northwind Logistics)", "Data Analyst"),
    ("Interview: Senior Data Analyst, Northwind", "Senior Data Analyst"),
    ("Northwind Logistics Data Analyst interview", "Data Analyst"),
    ("Data Analyst, Northwind Logistics Inc.", "Data Analyst"),
    # A team is the ad's own words and stays.
    ("Senior Data Analyst, Claims", "Senior Data Analyst, Claims"),
])
def test_the_role_never_carries_the_companys_name(subject, role):
    assert role_of(parsed(subject)) == role


def test_an_ats_subject_names_the_company_beside_the_role():
    mails = parsed("Data Analyst, Northwind Logistics", "Thank you for applying! We have received your application.",
                   sender="Northwind Logistics Careers <no-reply@greenhouse.io>")
    assert role_of(mails) == "Data Analyst"
    assert company_of(mails, frozenset([ME])) == "Northwind Logistics"


def test_the_company_never_carries_a_product_name():
    body = ("Hi Jordan,\n\nThanks for applying to Northwind. You'd work on Northwind Maps, our routing product, "
            "and the Northwind Maps app.\n\nWe'd like to invite you to an interview.\n\nBest,\nPriya\nNorthwind")
    mails = parsed("Data Analyst interview", body, sender="Priya Shah <priya@northwind.com>")
    assert company_of(mails, frozenset([ME])) == "Northwind"


def test_a_company_whose_domain_names_the_word_keeps_it():
    body = "Hi Jordan,\n\nThanks for applying to Orbital Pay. Interview next week?\n\nRachel\nOrbital Pay"
    mails = parsed("Analyst interview", body, sender="Rachel <rachel@orbitalpay.io>")
    assert company_of(mails, frozenset([ME])) == "Orbital Pay"
    assert role_of(parsed("Orbital Payments Senior Data Analyst", body, sender="Rachel <rachel@orbitalpay.io>")) \
        == "Senior Data Analyst"
    assert role_of(parsed("Ledgerline Analytics Engineer", body, sender="Hannah <hannah@ledgerline.io>")) \
        == "Analytics Engineer"


def test_an_agency_recruiter_writing_about_a_client_the_company_is_the_client():
    body = ("Hi Jordan,\n\nI'm Priya from Hays. I'm recruiting for a Data Analyst role at Northwind Logistics "
            "and your profile stood out. Could we have a quick call about the role?\n\nBest,\nPriya Shah\nHays")
    mails = parsed("Data Analyst opportunity", body, sender="Priya Shah <priya.shah@hays.com>")
    assert company_of(mails, frozenset([ME])) == "Northwind Logistics"
    assert is_agency("hays.com", mails)


def test_an_employers_own_recruiter_naming_the_company_is_no_agency():
    body = "Hi Jordan,\n\nThanks for applying for the Data Analyst role at Northwind Logistics. Interview next week?"
    mails = parsed("Data Analyst", body)
    assert not is_agency("northwind-logistics.com", mails)
    assert company_of(mails, frozenset([ME])) == "Northwind Logistics"


def test_threads_json_shows_the_role_without_the_company(tmp_path):
    from assistant.cli import main
    import json

    mails = [message(PRIYA, ME, "Interview invitation: Data Analyst, Northwind Logistics", ASK, AT,
                     msgid="n1@x", thread=5),
             message(f"Jordan <{ME}>", "priya@northwind-logistics.com", "Re: Interview invitation: Data Analyst, "
                     "Northwind Logistics", "Thank you, Priya! Happy to.", AT + timedelta(hours=2), msgid="n2@me",
                     thread=5, labels="Sent", reply_to_ids=("n1@x",))]
    box = write_mbox(tmp_path / "box.mbox", mails)
    out = CliRunner().invoke(main, ["--mailbox", str(box), "--me", ME, "--today", "2026-03-03", "threads", "--json"])
    assert out.exit_code == 0, out.output
    (p,) = json.loads(out.output)
    assert (p["company"], p["role"]) == ("Northwind Logistics", "Data Analyst")


@pytest.mark.parametrize("subject, domain, role, company", [
    ("Marlow & Finch Data Analyst interview", "marlowfinch.com", "Data Analyst", "Marlow & Finch"),
    ("Data Analyst, Marlow & Finch", "marlowfinch.com", "Data Analyst", "Marlow & Finch"),
    ("AT&T Data Analyst interview", "att.com", "Data Analyst", "AT&T"),
    ("Data Analyst at O'Reilly Media", "oreilly.com", "Data Analyst", "O'Reilly Media"),
    ("Zoë Labs Senior Data Analyst", "zoelabs.io", "Senior Data Analyst", "Zoë Labs"),
    ("3M Data Analyst interview", "3m.com", "Data Analyst", "3M"),
    ("Data Analyst, Smith, Jones & Co.", "smithjones.com", "Data Analyst", "Smith, Jones & Co."),
    ("Data Analyst at e.on", "eon.com", "Data Analyst", "e.on"),
    # An ampersand inside a title is the title's own.
    ("Research & Development Engineer interview", "acme.com", "Research & Development Engineer", "Acme"),
])
def test_a_company_written_with_an_ampersand_apostrophe_accent_or_digit_is_neither_role_nor_cut(
        subject, domain, role, company):
    mails = parsed(subject, sender=f"Priya Shah <priya@{domain}>")
    assert role_of(mails) == role
    assert company_of(mails, frozenset([ME])) == company


@pytest.mark.parametrize("unit", ["A&", "A.", "A-", "Senior A.", "Zoë ", "3M "])
def test_the_role_is_read_in_linear_time_on_hostile_text(unit):
    """60 KB of capitalised fragments: was ~25 s (each capital restarted an unbounded word)."""
    import time

    mails = parsed("Data Analyst " + unit * 100, "Hi Jordan, " + unit * (60_000 // len(unit)))
    began = time.perf_counter()
    role_of(mails)
    assert time.perf_counter() - began < 2.0
