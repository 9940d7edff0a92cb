"""`followup lint` on a whole email, as a user runs it on a saved draft (issue 10).

Headers are never prose, the subject is checked as a subject, findings point at lines of
the file, MIME bodies are decoded, placeholders are reported once and not read as prose,
indirect asks count as asks, LinkedIn notes and messages are two kinds, and every draft
the tool itself writes lints clean.
"""

from __future__ import annotations

import base64
import json
import quopri
import re

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.lint import guess_kind, lint

HEADERS = (
    "From: Omar Haddad <omar@example.com>\n"
    "To: Jenna Park <jenna.park@northwind.example>\n"
    "Subject: Re: Analyst role - next steps\n"
    "Date: Thu, 12 Mar 2026 09:15:00 +0000\n"
    "Message-ID: <179628499014.8920.6519959782562361596@example.com>\n"
    "References:\n <BN8PR68MB4568DDEF2A9739CE9030@BN8PR68MB4568.namprd05.prod.outlook.com>\n"
    " <CADEopn2LFda62WXn6pVMFa8Dl00i3XrBhGm9ML6Jf@mail.gmail.com>\n"
    "X-Unsent: 1\n"
    "X-Followup-Draft:\n status-check; thread=19c43d04e78b9a59; to=jenna.park@northwind.example\n"
    "X-Followup-Digest:\n 5e3643539734cbb98afda6291afda3f84c0e9e02e89de8416e8f67589b230623\n"
)
BODY = ("Hi Jenna,\n\nI hope your week is going well. You mentioned that the team hoped to have news by "
        "last Friday.\n\nIs there any update you can share on the timeline for the analyst role?\n\n"
        "I am still very interested in the position, and happy to send anything that would help.\n\n"
        "Best regards,\nOmar Haddad\n")


def eml(body: str = BODY, headers: str = HEADERS, extra: str = "") -> str:
    return headers + extra + "\n" + body


def lines_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


# Headers, body, positions ------------------------------------------------------------------

def test_headers_are_never_read_as_prose():
    report = lint(eml())
    plain = lint(BODY)
    assert report.findings == () and report.kind == "status-check"
    assert report.metrics == plain.metrics  # the same words, sentences and grade as the body alone


def test_findings_point_at_lines_of_the_file():
    text = eml(BODY.replace("I hope your week is going well.", "As per my last email, I am waiting."))
    report = lint(text, "status-check")
    [f] = [f for f in report.findings if f.rule == "tone.back-reference"]
    assert (f.line, f.column) == (lines_of(text, "per my last"), 1)


def test_quoted_history_and_signature_of_an_email_are_not_linted():
    text = eml(BODY.replace("Omar Haddad\n", "Omar Haddad\n--\nOmar Haddad | URGENT CALLS ONLY\n\n"
                            "On Mon, 2 Mar 2026 at 10:00, Jenna <j@example.com> wrote:\n"
                            "> Reply ASAP!!! You never replied, per my last email.\n"))
    assert lint(text).findings == ()


def test_the_subject_is_a_subject_with_its_own_position():
    text = eml(headers=HEADERS.replace("Subject: Re: Analyst role - next steps",
                                       "Subject: URGENT: analyst role\n update needed!"))
    found = {f.rule: (f.line, f.column) for f in lint(text).findings}
    line = lines_of(text, "Subject:")
    assert found == {"subject.caps": (line, 10), "subject.urgency": (line, 10),
                     "subject.exclamation": (line + 1, 15)}
    # the same words in the body are prose rules, not subject rules
    assert not {r for r in (f.rule for f in lint(BODY).findings) if r.startswith("subject.")}


def test_a_reply_keeps_the_threads_subject_whatever_they_wrote():
    long = "Interview invitation - Senior Data Analyst, Claims and Underwriting Analytics (London)"
    for theirs in (long, "URGENT: INTERVIEW SCHEDULE!"):
        mine = lint(eml(headers=HEADERS.replace("Re: Analyst role - next steps", theirs))).findings
        assert {f.rule for f in mine} & {"subject.length", "subject.caps", "subject.urgency",
                                          "subject.exclamation"}
        for reply in ("Re: ", "RE: ", "Fwd: ", "AW: "):
            assert lint(eml(headers=HEADERS.replace("Re: Analyst role - next steps", reply + theirs))).findings == ()


def test_cli_on_an_eml_file_and_on_stdin(tmp_path):
    text = eml(BODY.replace("Is there any update", "Please respond ASAP: is there any update"))
    path = tmp_path / "draft.eml"
    path.write_text(text, encoding="utf-8")
    line = lines_of(text, "ASAP")
    for args, kwargs in ((["lint", str(path)], {}), (["lint"], {"input": text})):
        result = CliRunner().invoke(main, args, **kwargs)
        assert result.exit_code == 0, result.output
        assert f":{line}:1: warning tone.urgency" in result.output
        assert "Followup" not in result.output and "Date" not in result.output


# MIME --------------------------------------------------------------------------------------

MIME = ("From: Omar <omar@example.com>\nTo: Jenna <jenna@example.com>\nSubject: Analyst role\n"
        "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b1\"\n\n"
        "--b1\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: {cte}\n\n{plain}\n"
        "--b1\nContent-Type: text/html; charset=\"utf-8\"\n\n<p>URGENT!!! ANSWER ME NOW</p>\n--b1--\n")
PUSHY = BODY.replace("I hope your week is going well.", "Per my last email, I am still waiting. Caf\u00e9 aside,")


def test_multipart_with_an_8bit_text_part_keeps_file_lines():
    text = MIME.format(cte="8bit", plain=PUSHY)
    report = lint(text, "status-check")
    [f] = [f for f in report.findings if f.rule == "tone.back-reference"]
    assert f.line == lines_of(text, "Per my last") and f.column == 1 and report.note == ""
    assert "tone.caps" not in {f.rule for f in report.findings}  # the HTML part is not linted twice


@pytest.mark.parametrize("cte", ["quoted-printable", "base64"])
def test_transfer_encoded_text_is_decoded_and_positions_say_so(cte):
    data = PUSHY.encode("utf-8")
    encoded = (quopri.encodestring(data) if cte == "quoted-printable" else base64.encodebytes(data)).decode()
    report = lint(MIME.format(cte=cte, plain=encoded), "status-check")
    [f] = [f for f in report.findings if f.rule == "tone.back-reference"]
    assert (f.line, f.column) == (lines_of(PUSHY, "Per my last"), 1)  # a line of the decoded text
    assert "decoded" in report.note and report.to_json()["positions"] == "decoded body"
    assert report.metrics.words == lint(PUSHY).metrics.words


def test_cli_says_when_positions_are_of_the_decoded_text(tmp_path):
    path = tmp_path / "qp.eml"
    path.write_text(MIME.format(cte="base64", plain=base64.encodebytes(BODY.encode()).decode()), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 0 and "note: the text part is base64" in result.output


def test_an_html_only_email_is_linted_as_its_text():
    text = ("From: a@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/html\n\n"
            "<p>Hi Jenna,</p><p>You never replied to my email.</p>")
    report = lint(text, "status-check")
    assert "tone.accusation" in {f.rule for f in report.findings} and "HTML" in report.note


# Placeholders ------------------------------------------------------------------------------

@pytest.mark.parametrize("placeholder, rule", [
    ("[Include any follow-up information you promised]", "placeholder.brackets"),
    ("<JOB TITLE>", "placeholder.brackets"),
    ("<your name>", "placeholder.brackets"),
    ("{{name}}", "placeholder.template"),
    ("{{ interviewer_first_name }}", "placeholder.template"),
    ("____", "placeholder.blank"),
    ("[YOUR NAME HERE, URGENT ASAP]", "placeholder.brackets"),
])
def test_a_placeholder_is_reported_once_and_not_read_as_prose(placeholder, rule):
    text = BODY.replace("I am still very interested", f"{placeholder}\n\nI am still very interested")
    report = lint(text, "status-check")
    assert [(f.rule, f.line) for f in report.findings] == [(rule, lines_of(text, placeholder))]
    assert report.findings[0].message.startswith(f"'{placeholder}'")


def test_placeholders_in_the_subject_and_to_line_are_errors_once():
    text = eml(headers=HEADERS.replace("Re: Analyst role - next steps", "Thank you - <JOB TITLE> interview")
               .replace("Jenna Park <", "[Recruiter Name] <"))
    found = [(f.rule, f.line, f.column) for f in lint(text).findings]
    assert found == [("placeholder.brackets", 2, 5), ("placeholder.brackets", 3, 22)]


def test_a_placeholder_in_a_folded_subject_is_reported_once():
    text = eml(headers=HEADERS.replace("Subject: Re: Analyst role - next steps",
                                       "Subject: Thank you for the interview\n about the [Role] position"))
    assert [(f.rule, f.line, f.column) for f in lint(text).findings] == [("placeholder.brackets", 4, 12)]


def test_words_that_merely_look_like_placeholders_are_prose():
    text = BODY.replace("I hope your week is going well.", "I read the AWS <-> SQL notes [1] you sent.")
    assert lint(text, "status-check").findings == ()


# Asking for an update ------------------------------------------------------------------------

ASK_BASE = "Hi Jenna,\n\nYou mentioned you hoped to decide by last Friday. {ask}\n\nBest,\nOmar\n"


@pytest.mark.parametrize("ask", [
    "Any updates you can share would be great.",
    "I'd love to hear where things stand.",
    "I'd be grateful for any news on the timeline.",
    "I would appreciate any update you can share.",
    "Please let me know where things stand when you can.",
    "I was wondering if there is any news on the role.",
    "I look forward to hearing about next steps.",
    "Is there any update?",
])
def test_an_indirect_ask_is_an_ask(ask):
    assert "structure.ask" not in {f.rule for f in lint(ASK_BASE.format(ask=ask), "status-check").findings}


@pytest.mark.parametrize("no_ask", ["I remain very interested in the role.", "I look forward to hearing from you."])
def test_a_check_in_without_an_ask_is_still_flagged(no_ask):
    assert "structure.ask" in {f.rule for f in lint(ASK_BASE.format(ask=no_ask), "status-check").findings}


# LinkedIn: a note and a message -----------------------------------------------------------------

NOTE = "Hi Anna, thank you for the interview on Tuesday about the data role. I would be glad to connect."
MESSAGE = ("Hi Anna,\n\nThanks for connecting after my interview on Tuesday. I enjoyed our conversation "
           "about the streaming pipelines your team is building, and how you moved the nightly jobs "
           "onto a queue.\n\nI am very interested in the data engineer role, and glad to share the "
           "write-up of my own pipeline project if it would help.\n\nBest,\nSam\n")


def test_auto_tells_a_connection_note_from_a_message():
    assert guess_kind(NOTE) == "linkedin"
    assert guess_kind(MESSAGE) == "linkedin-message"
    assert guess_kind("Thanks for connecting, Anna! Great to meet you at the interview on Tuesday.") \
        == "linkedin-message"
    assert guess_kind(eml(MESSAGE)) != "linkedin-message"  # an email is never a LinkedIn kind


def test_the_character_limit_is_the_notes_and_brevity_the_messages():
    rules = lambda text, kind: {f.rule for f in lint(text, kind).findings}  # noqa: E731
    assert "length.linkedin" in rules(MESSAGE, "linkedin")
    assert rules(MESSAGE, "linkedin-message") == set()
    assert rules(MESSAGE, "auto") == set()
    long = MESSAGE.replace("Best,", "I also want to say more about the role and the team. " * 12 + "\n\nBest,")
    assert "length.words" in rules(long, "linkedin-message")


def test_cli_kind_linkedin_message(tmp_path):
    path = tmp_path / "message.txt"
    path.write_text(MESSAGE, encoding="utf-8")
    note = CliRunner().invoke(main, ["lint", "--kind", "linkedin", str(path)])
    message = CliRunner().invoke(main, ["lint", "--kind", "linkedin-message", "--json", str(path)])
    assert note.exit_code == 1 and "length.linkedin" in note.output
    assert message.exit_code == 0 and json.loads(message.output)["findings"] == []


# The tool's own drafts -----------------------------------------------------------------------------

def _own_drafts(tmp_path):
    """Every kind the tool writes: sweep on the sample mailbox and on a test mailbox, plus the
    kinds sweep does not make on the demo day (recruiter feedback, a LinkedIn note)."""
    from tests.mailmaker import ME, overdue_thread, write_mbox

    out = tmp_path / "drafts"
    box = write_mbox(tmp_path / "overdue.mbox", overdue_thread(checked_in=False))
    day = ["--today", "2026-03-12"]
    for args in (["--mailbox", "sample", *day, "sweep"], ["--mailbox", str(box), "--me", ME, *day, "sweep"],
                 ["--mailbox", "sample", *day, "draft", "recruiter-feedback", "ledgerline"],
                 ["--mailbox", "sample", *day, "draft", "linkedin", "ledgerline", "--person", "Aisha"]):
        result = CliRunner().invoke(main, [*args, "--drafts-dir", str(out)])
        assert result.exit_code == 0, result.output
    paths = sorted(out.glob("*.eml")) + sorted(out.glob("*.txt"))
    assert len(paths) >= 8 and {_kind(p) for p in paths} == {
        "thank-you", "status-check", "keep-in-touch", "recruiter-feedback", "linkedin"}
    return paths


def _kind(path) -> str:
    return re.match(r"([a-z-]+?)-(?:thread-)?[0-9a-f]+-", path.name).group(1)


def _loud(path) -> list[str]:
    result = CliRunner().invoke(main, ["lint", "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    return [f"{_kind(path)}: {f['rule']} {f['message']}"
            for f in data["findings"] if f["severity"] in ("error", "warning")]


def test_the_tools_own_drafts_are_read_as_emails(tmp_path):
    """Lint reads each saved draft as the email it is: its kind, its body, no header as prose."""
    for path in _own_drafts(tmp_path):
        data = json.loads(CliRunner().invoke(main, ["lint", "--json", str(path)]).output)
        assert data["kind"] == _kind(path), path.name
        assert data["positions"] == "file"
        assert 20 <= data["metrics"]["words"] <= 200, (path.name, data["metrics"])
        assert not [f for f in data["findings"] if f["severity"] == "error"], data["findings"]


def test_the_tools_own_drafts_lint_with_no_error_and_no_warning(tmp_path):
    loud = [finding for path in _own_drafts(tmp_path) for finding in _loud(path)]
    assert loud == []


@pytest.mark.parametrize("text, email", [
    ("Subject: Thank you\nHi Priya,\n\nThank you for the chat today.\n", True),
    ("Subject: Thank you\n\nHi Priya,\n\nThank you for the chat today.\n", True),
    ("Date: Tuesday works for me, thank you.\nHi Priya, see you then.\n", False),
    ("Note: I enjoyed the chat.\n\nHi Priya,\n", False),
    ("Hi Priya,\n\nThank you for the chat today.\n", False),
])
def test_what_counts_as_headers(text, email):
    report = lint(text)
    assert (report.metrics.words < len(text.split())) == email, report.metrics


@pytest.mark.parametrize("text", [
    "Re: [EXTERNAL] Analyst role - next steps",
    "Re: [Ticket #4411] Analyst role",
])
def test_a_tag_a_mail_gateway_put_in_the_subject_is_no_placeholder(text):
    assert lint(eml(headers=HEADERS.replace("Re: Analyst role - next steps", text))).findings == ()


def test_nothing_written_has_no_kind():
    assert lint("").kind == lint("From: a@example.com\n\n").kind == "other"


def test_an_image_a_mail_client_wrote_out_in_the_signature_is_no_placeholder():
    text = eml(BODY.replace("Omar Haddad\n", "Omar Haddad\n[image: LinkedIn icon] [cid:image001.png@01DA]\n"))
    assert lint(text).findings == ()


def test_crlf_line_ends_and_a_disable_comment_above_the_headers_keep_file_lines():
    body = BODY.replace("I hope", "Per my last email, I REALLY hope")
    assert {"tone.caps", "tone.back-reference"} <= {f.rule for f in lint(eml(body), "status-check").findings}
    text = "<!-- followup: disable tone.caps -->\n" + eml(body)
    report = lint(text.replace("\n", "\r\n"), "status-check")
    assert [(f.rule, f.line) for f in report.findings] == [("tone.back-reference", lines_of(text, "Per my last"))]


def test_a_stray_template_brace_is_still_found():
    text = BODY.replace("I hope", "Thanks, first_name}} - I hope")
    assert [f.rule for f in lint(text, "status-check").findings] == ["placeholder.template"]


@pytest.mark.parametrize("cte", ["8bit", "quoted-printable"])
def test_an_email_in_latin_1_is_read_in_its_charset(tmp_path, cte):
    body = BODY.replace("I hope", "Caf\u00e9 aside, per my last email, I hope")
    encoded = body.encode("latin-1") if cte == "8bit" else quopri.encodestring(body.encode("latin-1"))
    data = (HEADERS.replace("Analyst role", "R\u00e9sum\u00e9 and analyst role").encode("latin-1")
            + f"MIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\n"
              f"Content-Transfer-Encoding: {cte}\n\n".encode() + encoded)
    path = tmp_path / "latin1.eml"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["lint", "--json", str(path)])
    assert result.exit_code == 0, result.output
    [f] = json.loads(result.output)["findings"]
    # 8bit: a line of the file; quoted-printable: a line of the decoded text
    where = data.decode("latin-1") if cte == "8bit" else body
    assert (f["rule"], f["line"], f["column"]) == ("tone.back-reference", lines_of(where, "per my last"), 13)
