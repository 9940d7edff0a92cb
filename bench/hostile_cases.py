"""Adversarial mail, built in memory, and the routine each one used to stall.

Shared by `bench/hostile_bench.py` (seconds and peak memory, before/after) and
`tests/test_hostile.py` (each routine finishes under a generous ceiling). Only the
package's stable entry points are called, so the same cases run against an older checkout
(PYTHONPATH=/work/main) for the "before" figures.

Each case is `build(n) -> work`: building the input is not timed, `work()` is.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

SENT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def eml(body: str | bytes, *, subject: str = "Interview for the Data Analyst role",
        sender: str = "Megan Holt <megan@acme.com>", ctype: str = "text/plain",
        extra: str = "") -> bytes:
    """One message as bytes: the headers a recruiter's mail has, then `body` as given."""
    head = (f"From: {sender}\nTo: Jordan Rivera <jordan.rivera@gmail.com>\nSubject: {subject}\n"
            f"Date: Mon, 02 Mar 2026 09:30:00 +0000\nMessage-ID: <hostile-1@acme.com>\n"
            f"MIME-Version: 1.0\nContent-Type: {ctype}; charset=utf-8\n{extra}\n")
    body = body if isinstance(body, bytes) else body.encode("utf-8")
    return head.encode("utf-8") + body


def _parse(raw: bytes):
    from assistant.mail import parse_message

    return lambda: parse_message(raw)


def _message(body: str, **kw):
    from assistant.mail import parse_message

    return parse_message(eml(body, **kw))


# -- the cases ------------------------------------------------------------------------------

def html_end_tags(n: int):
    """Open tags that never close, then end tags that match none of them."""
    return _parse(eml("<html><body>" + "<div>" * n + "</span>" * n + "</body></html>", ctype="text/html"))


def html_open_a(n: int):
    """`<a ` over and over: a start tag that never ends."""
    return _parse(eml("<html><body>" + "<a " * n, ctype="text/html"))


def html_big(n: int):
    """A large HTML body of ordinary paragraphs (n paragraphs): the converter's budget."""
    return _parse(eml("<html><body>" + "<p>We will be in touch about the <b>role</b>.</p>\n" * n,
                      ctype="text/html"))


def quoting_attribution(n: int):
    """A line that almost reads as "... wrote:", then many quoted lines."""
    from assistant.quoting import split_reply

    text = "Thanks!\n" + "x" * 300 + " 2026 " + "y" * 300 + "\n" + "> quoted line\n" * n
    return lambda: split_reply(text)


def quoting_mobile(n: int):
    """"Sent from my phone" on every line: each one used to re-read all the lines after it."""
    from assistant.quoting import split_reply

    text = "Sent from my iPhone\n" * n
    return lambda: split_reply(text)


def quoting_signoff(n: int):
    """A sign-off line that ends in n spaces and a letter: it almost reads as "Thanks,"."""
    from assistant.quoting import split_reply

    text = "Hi Jordan,\n\nThanks" + " " * n + "x\nMegan\n"
    return lambda: split_reply(text)


def reply_prefix(n: int):
    """A subject of "Re" and n spaces, without the colon, in the last-resort threading."""
    from assistant.mailbox.scan import base_subject, is_reply_subject

    subject = "Re" + " " * n + "x"
    return lambda: (base_subject(subject), is_reply_subject(subject))


def scan_display_name(n: int):
    """A display name of n letters and no address, in the header pass."""
    from assistant.mailbox.scan import summarize_headers

    block = (b"From: " + b"a" * n + b"\nSubject: Interview next week\nTo: me@example.com\n"
             b"Message-ID: <x@y>\n")
    return lambda: summarize_headers(block)


def scan_recipients(n: int):
    """A To: line of n letters and dots with no @ in it."""
    from assistant.mailbox.scan import summarize_headers

    block = (b"From: Megan <megan@acme.com>\nSubject: Interview next week\nTo: " + b"a." * n
             + b"\nMessage-ID: <x@y>\n")
    return lambda: summarize_headers(block)


def mail_display_name(n: int):
    """The same long display name, in the full message parse."""
    return _parse(eml("Hello", sender="A" * n + " <megan@acme.com>", subject="Interview " + "z" * n))


def question_in(n: int):
    """Words with no sentence end at all, in the "did they ask me something" scan."""
    from assistant.process import question_in as find

    text = "you could " * (n // 10)
    return lambda: find(text)


def interviews_of(n: int):
    """A date phrase repeated with no time after it, in the interview reader."""
    from assistant.interviews import interviews_of as find

    msg = _message("3 March 2026 " * (n // 13), subject="Next steps")  # no "interview": each sentence is read
    return lambda: find([msg])


def find_promise(n: int):
    """A hearing-back cue and date words repeated with no sentence end."""
    from assistant.promises import find_promise as find

    text = "we will get back to you by Friday the " * (n // 38)
    return lambda: find(text, SENT)


def outcomes(n: int):
    """A hypothetical withdrawal, sentence after sentence: each match re-read all before it."""
    from assistant.outcomes import outcome_of, withdrawal_in

    text = "If I accepted another offer, if I withdraw my application. " * (n // 58)
    return lambda: (outcome_of(text), withdrawal_in(text))


def company_role(n: int):
    """Company, role and contacts from a thread whose subject, name and body are huge."""
    from assistant.hiring import company_of, contacts_of, role_of

    msg = _message("Senior " * (n // 7) + "\n" + "Applied To Acme " * (n // 16),
                   subject="Senior " * (n // 7), sender="Senior " * (n // 7) + "<megan@acme.com>")
    me = frozenset({"jordan.rivera@gmail.com"})
    return lambda: (company_of([msg], me), role_of([msg]), contacts_of([msg], me, []))


def lint_text(n: int):
    """The lint rules on a long text with no sentence end (a quoted question, a pasted body)."""
    from assistant.lint import lint

    text = "I just wanted to follow up on " * (n // 30)
    return lambda: lint(text)


def cli_threads(n: int):
    """`followup threads` on an mbox holding one hostile message (long name, HTML end tags)."""
    import os
    import tempfile

    tmp = tempfile.mkdtemp(prefix="hostile-")
    body = "<html><body>" + "<div>" * (n // 11) + "</span>" * (n // 11) + "you could " * (n // 10)
    raw = eml(body, ctype="text/html", sender="B" * (n // 10) + " <megan@acme.com>")
    path = os.path.join(tmp, "hostile.mbox")
    with open(path, "wb") as f:
        f.write(b"From megan@acme.com Mon Mar  2 09:30:00 2026\n" + raw + b"\n")
    for name in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"FOLLOWUP_{name}_DIR"] = os.path.join(tmp, name.lower())

    def work():
        from click.testing import CliRunner

        from assistant.cli import main

        result = CliRunner().invoke(main, ["--mailbox", path, "--me", "jordan.rivera@gmail.com",
                                           "--today", "2026-03-12", "threads"])
        if result.exit_code not in (0, 1):
            raise SystemExit(f"threads exited {result.exit_code}: {result.output[-300:]}")
    return work


# name -> (build, n for the test suite, n for the benchmark, what it is)
CASES = {
    "html_end_tags": (html_end_tags, 20_000, 40_000),
    "html_open_a": (html_open_a, 40_000, 80_000),
    "html_big": (html_big, 100_000, 200_000),
    "quoting_attribution": (quoting_attribution, 100_000, 200_000),
    "quoting_mobile": (quoting_mobile, 100_000, 200_000),
    "quoting_signoff": (quoting_signoff, 40_000, 100_000),
    "reply_prefix": (reply_prefix, 40_000, 100_000),
    "scan_display_name": (scan_display_name, 100_000, 400_000),
    "scan_recipients": (scan_recipients, 100_000, 400_000),
    "mail_display_name": (mail_display_name, 100_000, 400_000),
    "question_in": (question_in, 100_000, 600_000),
    "interviews_of": (interviews_of, 40_000, 200_000),
    "find_promise": (find_promise, 40_000, 200_000),
    "outcomes": (outcomes, 150_000, 300_000),
    "company_role": (company_role, 40_000, 200_000),
    "lint_text": (lint_text, 40_000, 200_000),
    "cli_threads": (cli_threads, 200_000, 1_000_000),
}

TODAY = date(2026, 3, 12)
