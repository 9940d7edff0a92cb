"""Issue 8, class 5: done is done.

Once I have replied to a rejection, no keep-in-touch is advised or drafted again; an
interviewer I have written to since the interview gets no second thank-you; a recruiter
I have written to since the interview gets no second feedback note. `followup draft`
refuses with the date of what I sent (exit 3, one line); --force overrides and says so.
The mail is the bundled sample with my later messages appended, as the next export has them.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from assistant.cli import main
from tests.mailmaker import LEDGERLINE, ORBITAL, PINECREST, mine, sample_with

TODAY = "2026-03-12"
NY = timezone(timedelta(hours=-5))


def cli(box, *args, today=TODAY):
    return CliRunner().invoke(main, ["--mailbox", str(box), "--today", today, *args], catch_exceptions=False)


def by_id(box) -> dict:
    result = cli(box, "threads", "--json")
    assert result.exit_code == 0, result.output
    return {p["id"]: p for p in json.loads(result.stdout)}


def refused_line(result) -> str:
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- keep-in-touch after a rejection I answered -------------------------------------------

def answered_rejection(tmp_path, labels="Sent"):
    reply = mine("luis.ortega@pinecrest-outfitters.com", "Re: Phone screen - Senior Data Analyst, Merchandising",
                 "Hi Luis,\n\nThank you for letting me know, and for your time. I would be glad to stay in "
                 "touch.\n\nBest,\nJordan\n", datetime(2026, 3, 10, 8, 30, tzinfo=NY), PINECREST,
                 "reply-to-no@me", labels=labels)
    return sample_with(tmp_path / "All mail.mbox", [reply])


def test_no_keep_in_touch_is_advised_once_i_replied_to_the_rejection(tmp_path):
    box = answered_rejection(tmp_path)
    assert by_id(box)[PINECREST]["state"] == "rejected"
    threads = cli(box, "threads").stdout
    pinecrest = next(line for line in threads.splitlines() if line.startswith("Pinecrest"))
    assert "keep-in-touch" not in pinecrest and "you replied on Tue 10 Mar" in pinecrest
    status = cli(box, "status").stdout
    assert f"keep-in-touch {PINECREST}" not in status
    sweep = cli(box, "sweep", "--dry-run", "--json")
    assert "keep-in-touch" not in {d["kind"] for d in json.loads(sweep.stdout)["drafts"]}


def test_drafting_keep_in_touch_again_is_refused_with_the_date_of_my_reply(tmp_path):
    box = answered_rejection(tmp_path)
    line = refused_line(cli(box, "draft", "keep-in-touch", "pinecrest", "--print"))
    assert "you already replied to their decision on Tue 10 Mar 2026" in line
    forced = cli(box, "draft", "keep-in-touch", "pinecrest", "--print", "--force")
    assert forced.exit_code == 0, forced.output
    assert "--force: drafted although you already replied" in forced.stderr


def test_an_unanswered_rejection_still_gets_its_keep_in_touch(tmp_path):
    box = sample_with(tmp_path / "All mail.mbox", [])
    assert f"followup draft keep-in-touch {PINECREST}" in cli(box, "threads").stdout
    assert cli(box, "draft", "keep-in-touch", "pinecrest", "--print").exit_code == 0


# -- a thank-you already sent to that interviewer -----------------------------------------

def thanked(tmp_path, to: str):
    note = mine(to, "Re: Final-stage panel interview - Analytics Engineer",
                "Hi both,\n\nThank you for your time this afternoon; I enjoyed the conversation.\n\n"
                "Best,\nJordan\n", datetime(2026, 3, 11, 17, tzinfo=NY), LEDGERLINE, "thanks@me")
    return sample_with(tmp_path / "All mail.mbox", [note])


def test_no_second_thank_you_to_interviewers_already_thanked(tmp_path):
    box = thanked(tmp_path, "daniel.reyes@ledgerline.io, aisha.khan@ledgerline.io")
    result = cli(box, "draft", "thank-you", "ledgerline", "--print")
    assert result.exit_code == 0, result.output
    assert "To: Oliver Grant <oliver.grant@ledgerline.io>" in result.stdout
    assert "daniel.reyes" not in result.stdout and "aisha.khan" not in result.stdout
    assert "you already wrote to Daniel Reyes on Wed 11 Mar 2026, after the interview" in result.stderr


def test_a_thank_you_to_everyone_already_sent_is_refused_with_its_date(tmp_path):
    box = thanked(tmp_path, "daniel.reyes@ledgerline.io, aisha.khan@ledgerline.io, oliver.grant@ledgerline.io")
    assert by_id(box)[LEDGERLINE]["state"] != "thank_you_due"
    line = refused_line(cli(box, "draft", "thank-you", "ledgerline", "--print"))
    assert "on Wed 11 Mar 2026, after the interview of Wed 11 Mar" in line
    forced = cli(box, "draft", "thank-you", "ledgerline", "--print", "--force")
    assert forced.exit_code == 0 and forced.stdout.count("To: ") == 3


def test_a_thank_you_before_this_interview_does_not_count(tmp_path):
    """Mail to an interviewer before the interview (arranging it) is not a thank-you."""
    early = mine("daniel.reyes@ledgerline.io", "Re: Final-stage panel interview - Analytics Engineer",
                 "Hi Daniel,\n\nLooking forward to Wednesday.\n\nJordan\n",
                 datetime(2026, 3, 9, 9, tzinfo=NY), LEDGERLINE, "early@me")
    box = sample_with(tmp_path / "All mail.mbox", [early])
    result = cli(box, "draft", "thank-you", "ledgerline", "--print")
    assert result.exit_code == 0 and result.stdout.count("To: ") == 3, result.output


# -- recruiter feedback already sent ------------------------------------------------------

def test_no_second_feedback_to_the_recruiter_after_the_interview(tmp_path):
    told = mine("callum.reid@talentbridge-partners.com",
                "Re: Senior Analytics Engineer opportunity - fintech client (remote)",
                "Hi Callum,\n\nQuick note on today's interview with Rachel: it went well, and I am still "
                "very interested.\n\nBest,\nJordan\n", datetime(2026, 3, 3, 18, tzinfo=NY), ORBITAL, "told@me")
    box = sample_with(tmp_path / "All mail.mbox", [told])
    line = refused_line(cli(box, "draft", "recruiter-feedback", "orbital", "--print"))
    assert "you already wrote to Callum Reid on Tue 03 Mar 2026, after the interview of Tue 03 Mar" in line
    assert cli(box, "draft", "recruiter-feedback", "orbital", "--print", "--force").exit_code == 0
    untold = sample_with(tmp_path / "before.mbox", [])
    assert cli(untold, "draft", "recruiter-feedback", "orbital", "--print").exit_code == 0


def test_a_thank_you_to_someone_cc_d_and_greeted_by_name_counts_as_sent():
    """Sample: on 5 March Jordan wrote "Hi Dana and Ravi, thank you both" to Dana, Ravi in Cc."""
    result = CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-06",
                                       "draft", "thank-you", "Cascade", "--print"])
    assert result.exit_code == 3, result.output
    assert "already wrote to Ravi Menon on Thu 05 Mar" in result.output
