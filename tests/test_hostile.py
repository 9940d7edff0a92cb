"""One hostile email must not stall any command (issue 9, item 4), and mail text reaches
no terminal, draft or calendar with control characters in it (item 7).

Every adversarial case of `bench/hostile_cases.py` runs in its own child process, killed
after a hard limit, so a quadratic routine fails this file instead of hanging the suite.
The ceiling is generous (a linear routine takes a fraction of it on a busy machine); the
sizes are ones at which the quadratic versions took 10 s to minutes (bench/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.mail import html_to_text, parse_message

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "hostile_bench.py"
sys.path.insert(0, str(ROOT / "bench"))
import hostile_cases  # noqa: E402  (bench/ is not a package)

CEILING = 3.0  # seconds for the routine alone
HARD_LIMIT = 30  # the child is killed after this; a stalled routine fails, not hangs


@pytest.mark.parametrize("name", list(hostile_cases.CASES))
def test_each_routine_finishes_on_adversarial_mail(name):
    build, small, _ = hostile_cases.CASES[name]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run([sys.executable, str(BENCH), "--child", name, "--n", str(small)],
                              env=env, capture_output=True, text=True, timeout=HARD_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name} (n={small}) did not finish in {HARD_LIMIT} s: {build.__doc__.strip()}")
    assert done.returncode == 0, done.stderr[-2000:]
    seconds = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
    assert seconds < CEILING, f"{name} took {seconds:.1f} s on n={small}: {build.__doc__.strip()}"


# -- the HTML converter still reads what the hostile markup hides ------------------------------

def test_text_after_a_tag_that_never_closes_is_still_read():
    text = html_to_text("<p>Hi Jordan,</p><p>Thanks <a href='x <p>Could you send your availability?</p>")
    assert "Could you send your availability?" in text
    assert "Hi Jordan," in text


def test_comments_declarations_and_unmatched_end_tags_leave_the_text_alone():
    markup = ("<!DOCTYPE html><html><!--[if mso]><xml>junk</xml><![endif]--><body>"
              "<div><p>We will be in touch by Friday.</p></span></b></div>"
              "<p>a &lt; b and c > d</p><p>x < it's y > z</p><!-- never closed <p>hidden")
    text = html_to_text(markup)
    assert "We will be in touch by Friday." in text
    assert "a < b and c > d" in text
    assert "x < it's y > z" in text
    assert "junk" not in text and "hidden" not in text


def test_an_end_tag_closes_the_open_tags_above_its_match():
    text = html_to_text("<blockquote type=cite><div><p>old words</blockquote><p>new words</p>")
    assert text.splitlines()[0] == "> old words"
    assert text.splitlines()[-1] == "new words"


def test_a_huge_html_body_is_read_up_to_the_budget():
    from assistant.mail import HTML_BUDGET

    markup = "<p>Can we talk on Friday?</p>" + "<p>filler words</p>" * (HTML_BUDGET // 10)
    text = html_to_text(markup)
    assert text.startswith("Can we talk on Friday?")
    assert len(text) < HTML_BUDGET


# -- questions: the linear scan finds what the old one found -----------------------------------

def test_their_question_is_found_among_sentences_and_urls():
    from assistant.process import question_in

    text = ("Thanks for your time. See https://acme.com/jobs?id=3 for the job. Could you send me your "
            "availability for next week? Any questions? Let me know!")
    assert question_in(text) == "Could you send me your availability for next week?"
    assert question_in("Any other questions? How are you?") is None
    assert question_in("you " * 200 + "?") is None  # no one asks in 800 characters


# -- item 7: control characters from mail -----------------------------------------------------

ESC_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
BIDI = "\u202e"
BAD = ("\x1b", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\x7f")


def _hostile_thread(tmp_path: Path) -> Path:
    """Priya promised news by Friday 27 Feb; her name and subject carry terminal escapes."""
    raw = (
        "From priya@northwind-labs.com Mon Feb 23 16:00:00 2026\n"
        f'From: "Priya{ESC_TITLE} Shah{BIDI}" <priya@northwind-labs.com>\n'
        "To: jordan.rivera@gmail.com\n"
        f"Subject: Interview{CLEAR} - Data\x00 Analyst\x9b\u2066\n"
        "Date: Mon, 23 Feb 2026 16:00:00 -0500\n"
        "Message-ID: <p1@northwind>\n"
        "X-GM-THRID: 40\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"Hi Jordan,\n\nThanks for your time today.{CLEAR} We'll get back to you by Friday.\x7f\n\n"
        "Best,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n\n"
    )
    path = tmp_path / "hostile.mbox"
    path.write_bytes(raw.encode("utf-8"))
    return path


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_escapes_in_a_name_and_subject_reach_no_output_draft_or_calendar(tmp_path):
    mbox = _hostile_thread(tmp_path)
    common = ("--mailbox", str(mbox), "--me", "jordan.rivera@gmail.com", "--today", "2026-03-12")

    threads = _run(*common, "threads")
    assert threads.exit_code == 0, threads.output
    assert "Priya Shah" in threads.output or "Northwind" in threads.output
    for bad in BAD:
        assert bad not in threads.output

    listing = _run(*common, "threads", "--json")
    [process] = json.loads(listing.output)
    drafted = _run(*common, "draft", "status-check", process["id"])
    assert drafted.exit_code == 0, drafted.output
    [saved] = (tmp_path / "data" / "drafts").glob("*.eml")
    raw = saved.read_bytes().decode("utf-8", "replace")
    from email import message_from_bytes, policy

    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["Subject"] == "Re: Interview - Data Analyst"
    assert "Priya Shah" in str(draft["To"])
    for bad in BAD:
        assert bad not in raw and bad not in str(draft["Subject"]) and bad not in drafted.output

    ics = tmp_path / "f.ics"
    reminded = _run(*common, "remind", "--ics", str(ics))
    assert reminded.exit_code == 0, reminded.output
    calendar = ics.read_bytes().decode("utf-8")
    assert "Northwind" in calendar
    for bad in BAD:
        assert bad not in calendar


def test_a_message_keeps_its_tabs_and_newlines_but_no_controls():
    raw = (b"From: =?utf-8?q?Megan=1B=5B2J_Holt?= <megan@acme.com>\nSubject: Hi\x1b[31m there\n"
           b"Cc: \"Sam\x1b]0;x\x07 Lee\" <sam@acme.com>\n"
           b"Message-ID: <a\x1b@b>\n\nline one\tcell\x00\nline two\x1b[0m\n")
    msg = parse_message(raw)
    assert msg.sender.name == "Megan Holt"
    assert msg.cc[0].name == "Sam Lee" and msg.cc[0].email == "sam@acme.com"
    assert msg.subject == "Hi there"
    assert msg.message_id == "a@b"
    assert msg.text == "line one\tcell\nline two"
