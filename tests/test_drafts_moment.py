"""Issue 10 "The drafts" (words that fit the moment) and issue 8 class 5: a draft that reads
wrong for where the process stands, on the independent review's realistic mailbox.

Each kind has preconditions, checked the same way (`drafts.check_rules`, exit 3 with one line
saying why, `--force` to draft it anyway): a keep-in-touch answers a rejection, a thank-you or
recruiter feedback follows an interview and precedes their answer, a status check follows
the interview. Her own words decide how she greets them; their relative time frame is
reported as said on its day; a LinkedIn note's tense follows the interview; a panel note
thanks through no one who gets a note of their own; and a person she already has an unsent
draft to gets no second message ("never two messages").
"""

from __future__ import annotations

import importlib.util
import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.mailmaker import ME as JORDAN, interview_with_unsent_thank_you

HERE = Path(__file__).resolve().parent / "realmail"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
ME, TODAY = EXPECTED["me"], EXPECTED["today"]


@pytest.fixture(scope="module")
def mbox(tmp_path_factory) -> str:
    spec = importlib.util.spec_from_file_location("make_realmail", HERE / "make_realmail.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.build(tmp_path_factory.mktemp("takeout") / "All mail.mbox"))


def cli(mbox: str, *args: str):
    return CliRunner().invoke(main, ["--mailbox", mbox, "--me", ME, "--today", TODAY, *args],
                              catch_exceptions=False)


@pytest.fixture(scope="module")
def ids(mbox, tmp_path_factory) -> dict[str, str]:
    """Thread id of each process that matters here, by a short name."""
    with pytest.MonkeyPatch.context() as mp:
        home = tmp_path_factory.mktemp("home")
        mp.setenv("FOLLOWUP_CONFIG_DIR", str(home / "config"))
        mp.setenv("FOLLOWUP_DATA_DIR", str(home / "data"))
        result = cli(mbox, "threads", "--json")
    facts = json.loads(result.stdout)

    def one(company: str, word: str) -> str:
        (p,) = [p for p in facts if p["company"] == company and word in p["subject"]]
        return p["id"]

    return {"offer": one("Lumen Robotics", "Offer"), "kestrel": one("Kestrel Insurance", "Pricing Analyst"),
            "tessellate": one("Tessellate Games", "Data Engineer interview"),
            "northwind": one("Northwind Logistics", "next steps"), "orchid": one("Orchid Labs", "Junior")}


def refused(result) -> str:
    """The one line a refusal prints (exit 3), without click's "Error: " prefix."""
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- each kind's preconditions ------------------------------------------------------------------

@pytest.mark.parametrize("which, state", [("offer", "they made you an offer"),
                                          ("kestrel", "their time frame has passed"),
                                          ("tessellate", "an interview is coming up")])
def test_keep_in_touch_only_answers_a_rejection(mbox, ids, which, state):
    line = refused(cli(mbox, "draft", "keep-in-touch", ids[which], "--print"))
    assert "no rejection" in line and state in line and "--force" in line
    forced = cli(mbox, "draft", "keep-in-touch", ids[which], "--print", "--force")
    assert forced.exit_code == 0 and "Thank you for letting me know" in forced.output
    assert "--force: drafted although no rejection" in forced.stderr


@pytest.mark.parametrize("kind", ["thank-you", "recruiter-feedback"])
def test_no_thanks_or_feedback_once_they_have_made_an_offer(mbox, ids, kind):
    line = refused(cli(mbox, "draft", kind, ids["offer"], "--print"))
    assert "they made you an offer" in line and "answer the offer instead" in line


@pytest.mark.parametrize("kind", ["thank-you", "recruiter-feedback"])
def test_nothing_to_thank_them_for_before_the_interview_is_a_refusal_naming_its_day(mbox, ids, kind):
    line = refused(cli(mbox, "draft", kind, ids["tessellate"], "--print"))
    assert "no interview has taken place yet" in line and "Tue 08 Dec 2026" in line


def test_no_status_check_before_the_interview(mbox, ids):
    line = refused(cli(mbox, "draft", "status-check", ids["tessellate"], "--print"))
    assert "your interview is on Tue 08 Dec 2026" in line


def test_recruiter_feedback_with_no_recruiter_is_a_refusal(mbox, ids):
    line = refused(cli(mbox, "draft", "recruiter-feedback", ids["orchid"], "--print"))
    assert "no one on this thread to send recruiter feedback to" in line and "--to ADDRESS" in line


# -- her own form of address --------------------------------------------------------------------

def test_she_is_answered_in_her_own_form_of_address(mbox, ids):
    """She wrote "Dear Ms. Calloway, dear Mr. Osei": not "Dear Harriet Calloway"."""
    check = cli(mbox, "draft", "status-check", ids["kestrel"], "--print", "--force")
    assert "\nDear Ms. Calloway,\n" in check.output
    thanks = cli(mbox, "draft", "thank-you", ids["kestrel"], "--print", "--force", "--person", "Osei")
    assert "\nDear Mr. Osei,\n" in thanks.output


@pytest.mark.parametrize("text, first, full, expected", [
    ("Dear Ms. Calloway, dear Mr. Osei,\n\nThank you", "David", "David Osei", ("Dear Mr. Osei,", True)),
    ("Dear Ms Calloway,\n\nThanks", "Harriet", "Harriet Calloway", ("Dear Ms. Calloway,", True)),
    ("Hi Zoë,\n\nThank you", "Zoë", "Zoë Achterberg", ("Hi Zoë,", False)),
    ("Hi Priya,\n\nThanks", "Zoë", "Zoë Achterberg", None),  # greets someone else
    ("Thanks for the update.", "Zoë", "Zoë Achterberg", None),
])
def test_her_form_of_address_is_read_from_her_opening(text, first, full, expected):
    from assistant.wording import her_form_of_address

    assert her_form_of_address(text, first, full) == expected


# -- their time frame, anchored to the day they said it -----------------------------------------

def test_a_relative_time_frame_is_reported_as_said_on_its_day(mbox, ids):
    text = cli(mbox, "draft", "status-check", ids["kestrel"], "--print", "--force").output
    assert ("In your email of 18 November, you mentioned that I should hear back from you "
            "early the following week.") in text
    assert "24 November" not in text  # the tool's reading of it stays out of the draft


@pytest.mark.parametrize("said, reported", [
    ("you would let me know early next week", "you would let me know early the following week"),
    ("you would let me know by Friday", "you would let me know by that Friday"),
    ("you would let me know by Friday next week", "you would let me know by Friday the following week"),
    ("you would let me know by Friday 20 November", "you would let me know by Friday 20 November"),
    ("the team would decide by the end of the week", "the team would decide by the end of that week"),
    ("you hoped to have news this month", "you hoped to have news that month"),
    ("you would get back to me tomorrow", "you would get back to me the next day"),
    ("I would hear in two weeks", "I would hear within two weeks"),
    ("you would be in touch shortly", "you would be in touch shortly"),  # nothing relative to a day
    ("you would decide in the new year", "you would decide in the new year"),
])
def test_relative_words_are_anchored_not_turned_into_dates(said, reported):
    from assistant.wording import anchored

    assert anchored(said) == reported


# -- tense -------------------------------------------------------------------------------------

def test_a_linkedin_note_before_the_interview_looks_forward_and_after_it_looks_back(mbox, ids):
    before = cli(mbox, "draft", "linkedin", ids["tessellate"], "--print").output
    assert "I look forward to our conversation on Tuesday" in before and "enjoyed" not in before
    after = cli(mbox, "draft", "linkedin", ids["kestrel"], "--print", "--person", "Osei").output
    assert "thank you for the interview on 12 November" in after and "I enjoyed it" in after


# -- a panel ------------------------------------------------------------------------------------

def test_a_panel_note_passes_thanks_only_to_those_without_a_note_of_their_own(mbox, ids):
    notes = cli(mbox, "draft", "thank-you", ids["northwind"], "--print", "--force").output
    assert notes.count("\nTo: ") + notes.startswith("To: ") == 3
    assert "pass my thanks" not in notes  # Zoë, Rafael and Tom each get their own
    tom = cli(mbox, "draft", "thank-you", ids["northwind"], "--print", "--person", "Tom").output
    assert "please pass my thanks on to Rafael." in tom  # Zoë has her own note: the one she is writing


def test_the_recipients_role_reads_as_a_person_would_write_it(mbox, ids):
    tom = cli(mbox, "draft", "thank-you", ids["northwind"], "--print", "--person", "Tom").output
    assert "in your role as" not in tom
    assert "I especially appreciated hearing about the team from your perspective as Director of Operations." \
        in tom


# -- never two messages -------------------------------------------------------------------------

def test_her_unsent_draft_to_the_same_person_is_never_doubled(mbox, ids, tmp_path):
    line = refused(cli(mbox, "draft", "status-check", ids["kestrel"], "--drafts-dir", str(tmp_path)))
    assert "you already have an unsent draft to Harriet Calloway (Mon 30 Nov 2026)" in line
    assert not list(tmp_path.glob("*.eml"))
    forced = cli(mbox, "draft", "status-check", ids["kestrel"], "--drafts-dir", str(tmp_path), "--force")
    assert forced.exit_code == 0 and "--force: drafted although you already have an unsent draft" in forced.stderr
    assert len(list(tmp_path.glob("*.eml"))) == 1


def test_a_panel_skips_only_the_interviewer_she_is_already_writing_to(mbox, ids, tmp_path):
    result = cli(mbox, "draft", "thank-you", ids["northwind"], "--drafts-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    to = {str(message_from_bytes(f.read_bytes(), policy=policy.default)["To"]) for f in tmp_path.glob("*.eml")}
    assert to == {"Rafael Núñez <rafael.nunez@northwindlogistics.com>",
                  "Tom Becker <tom.becker@northwindlogistics.com>"}
    assert "no thank-you for Zoë Achterberg: you already have an unsent draft to Zoë Achterberg" in result.stderr


def test_sweep_says_which_drafts_it_left_to_hers(mbox):
    result = cli(mbox, "sweep", "--dry-run")
    assert result.exit_code == 0, result.output
    left = result.output.split("Left to your own unsent draft")[1].split("\n\n")[0]
    assert "Northwind Logistics: thank-you to Zoë Achterberg: you already have an unsent draft" in left
    assert "Kestrel Insurance: status-check to Harriet Calloway" in left


def test_the_tools_own_draft_is_not_hers(tmp_path):
    """A draft this tool wrote is found again by its key (unchanged, or kept when edited);
    only one of hers makes the tool stand back."""
    def draft_beside(marker: dict, name: str):
        folder = tmp_path / name
        folder.mkdir()
        for i, m in enumerate(interview_with_unsent_thank_you(takeout=False, draft_headers=marker)):
            (folder / f"{i}.eml").write_bytes(m.as_bytes())
        return CliRunner().invoke(main, ["--mailbox", str(folder), "--me", JORDAN, "--today", "2026-03-10",
                                         "draft", "thank-you", "harbor", "--print"], catch_exceptions=False)

    hers = draft_beside({"X-Unsent": "1"}, "hers")
    assert "you already have an unsent draft to Dana Cole" in refused(hers)
    ours = draft_beside({"X-Followup-Draft": "thank-you; thread=1; to=dana.cole@harbor-analytics.com"}, "ours")
    assert ours.exit_code == 0 and "unsent draft" not in ours.output
