"""`followup draft` end to end on the sample mailbox: who gets what, threading, the rules that
refuse, idempotency, the sandbox, header safety, and lint-clean templates for every process."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.debrief import BetterAnswer, Debrief
from tests.conftest import SAMPLE_MBOX
from tests.mailmaker import ME, overdue_thread, write_mbox

LEDGERLINE = "19c94874d0882c20"
QUILLSTONE = "19c43d04e78b9a59"
CASCADE = "19c910ac0d80ead9"
PINECREST = "19c6d4c6c781512d"
SPREEWERK = "19c8eec1ae02b2f8"
NY = timezone(timedelta(hours=-5))


def run(*args, today="2026-03-12", mailbox="sample"):
    return CliRunner().invoke(main, ["--mailbox", str(mailbox), "--today", today, *args],
                              catch_exceptions=False)


def drafts(tmp_path: Path, pattern="*.eml") -> list[Path]:
    folder = tmp_path / "data" / "drafts"
    return sorted(folder.glob(pattern)) if folder.exists() else []


def read(path: Path):
    return message_from_bytes(path.read_bytes(), policy=policy.default)


def body(path: Path) -> str:
    return read(path).get_content().replace("\r\n", "\n")


def user_template(tmp_path: Path, kind: str, text: str) -> Path:
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.txt.j2"
    path.write_text(text, encoding="utf-8")
    return path


DEBRIEF = Debrief(
    LEDGERLINE,
    details=("how the team moved its reporting onto dbt last year",),
    improve=(BetterAnswer("How would you test a dbt model?",
                          "I would add row-count checks against the source on the key models"),),
    questions=("How does the team decide which models get tests first?",),
    went_well=("the modelling exercise",),
    went_badly=("the question on incremental models",),
)


# -- who gets what, and how it threads ------------------------------------------------------

def test_a_thank_you_goes_to_each_interviewer_one_draft_each_personalised(tmp_path):
    result = run("draft", "thank-you", LEDGERLINE)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("created: ") == 3
    saved = {str(read(p)["To"]): read(p) for p in drafts(tmp_path)}
    assert set(saved) == {"Daniel Reyes <daniel.reyes@ledgerline.io>", "Aisha Khan <aisha.khan@ledgerline.io>",
                          "Oliver Grant <oliver.grant@ledgerline.io>"}
    aisha = saved["Aisha Khan <aisha.khan@ledgerline.io>"].get_content().replace("\r\n", "\n")
    assert aisha.startswith("Dear Aisha,\n")  # Hannah writes "Dear Jordan": the thread's register
    assert "pass my thanks" not in aisha  # Daniel and Oliver each get a note of their own
    daniel = saved["Daniel Reyes <daniel.reyes@ledgerline.io>"].get_content().replace("\r\n", "\n")
    assert daniel.startswith("Dear Daniel,\n") and "Aisha and Oliver" not in daniel
    assert "no debrief for this thread" in result.stderr


def test_a_draft_is_a_reply_in_the_thread(tmp_path):
    assert run("draft", "thank-you", LEDGERLINE, "--to", "daniel.reyes@ledgerline.io").exit_code == 0
    [path] = drafts(tmp_path)
    msg = read(path)
    assert msg["Subject"] == "Re: Final-stage panel interview - Analytics Engineer"
    assert msg["From"] == "Jordan Rivera <jordan.rivera@gmail.com>"
    last = "<DB9PR76MB7906B88060A89753632A@DB9PR76MB7906.eurprd04.prod.outlook.com>"
    assert msg["In-Reply-To"].strip() == last
    refs = str(msg["References"]).split()
    assert refs[0] == "<DB9PR74MB2504269FA28DDBD00958@DB9PR74MB2504.eurprd02.prod.outlook.com>"
    assert refs[-1] == last
    assert msg["X-Unsent"] == "1"
    assert " ".join(msg["X-Followup-Draft"].split()) == f"thank-you; thread={LEDGERLINE}; to=daniel.reyes@ledgerline.io"


def test_the_debrief_feeds_the_thank_you(tmp_path):
    from assistant.debrief import save_debrief

    save_debrief(DEBRIEF)
    result = run("draft", "thank-you", LEDGERLINE, "--print", "--to", "aisha.khan@ledgerline.io")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "hearing about how the team moved its reporting onto dbt last year." in text
    assert 'your question, "How would you test a dbt model?"' in text
    assert "row-count checks against the source on the key models." in text
    assert "One question came to mind afterwards: How does the team decide" in text
    assert "please let me know" in text
    assert "no debrief" not in result.stderr
    assert drafts(tmp_path) == []  # --print saves nothing


def test_keep_in_touch_answers_the_rejection(tmp_path):
    result = run("draft", "keep-in-touch", PINECREST)
    assert result.exit_code == 0, result.output
    [path] = drafts(tmp_path)
    msg = read(path)
    assert msg["To"].addresses[0].addr_spec == "luis.ortega@pinecrest-outfitters.com"
    assert "stay in touch" in msg.get_content()


# -- the rules that protect the user --------------------------------------------------------

def test_a_status_check_before_the_promised_date_is_refused_with_the_date_it_becomes_fair(tmp_path):
    result = run("draft", "status-check", CASCADE)
    assert result.exit_code == 3
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert "Fri 20 Mar 2026" in line and "fair from Sat 21 Mar 2026" in line
    assert drafts(tmp_path) == []


def test_a_status_check_after_the_date_is_drafted(tmp_path):
    result = run("draft", "status-check", QUILLSTONE)
    assert result.exit_code == 0, result.output
    [path] = drafts(tmp_path)
    text = body(path)
    # Their time frame in their words ("We'll let you know by Friday."), not the tool's date.
    assert text.startswith("Hi Megan,")
    assert "In your email of 23 February, you mentioned that you would let me know by that Friday." in text
    assert "27 February" not in text
    # Cascade: Jordan's note of 9 Mar (a link, before the date) is not a check-in.
    assert run("draft", "status-check", CASCADE, today="2026-03-23").exit_code == 0


def test_force_drafts_it_anyway_and_says_what_it_overrode(tmp_path):
    result = run("draft", "status-check", CASCADE, "--force")
    assert result.exit_code == 0, result.output
    assert "--force: drafted although too early for a status check" in result.stderr
    assert "despite lint errors" in result.stderr  # timing.too-early is a lint error too
    assert len(drafts(tmp_path)) == 1


def test_a_second_check_in_while_the_first_is_unanswered_is_refused(tmp_path):
    box = write_mbox(tmp_path / "box.mbox", overdue_thread(checked_in=True))
    result = run("--me", ME, "draft", "status-check", "northwind", mailbox=box)
    assert result.exit_code == 3, result.output
    assert "already checked in on Mon 02 Mar 2026" in result.output
    forced = run("--me", ME, "draft", "status-check", "northwind", "--force", mailbox=box)
    assert forced.exit_code == 0
    assert "--force: drafted although you already checked in" in forced.stderr

    fresh = write_mbox(tmp_path / "fresh.mbox", overdue_thread(checked_in=False))
    assert run("--me", ME, "draft", "status-check", "northwind", mailbox=fresh).exit_code == 0


def test_lint_errors_stop_the_save_unless_forced(tmp_path):
    user_template(tmp_path, "keep-in-touch", "Hi {{ recipient.first_name }},\n\nTODO: say something kind.\n")
    result = run("draft", "keep-in-touch", PINECREST)
    assert result.exit_code == 1
    assert "placeholder.todo" in result.stderr and "not saved" in result.stderr
    assert drafts(tmp_path) == []
    forced = run("draft", "keep-in-touch", PINECREST, "--force")
    assert forced.exit_code == 0 and "created: " in forced.stdout


# -- idempotency -----------------------------------------------------------------------------

def test_running_twice_makes_one_draft_and_a_changed_draft_replaces_the_tools_own(tmp_path):
    assert run("draft", "status-check", QUILLSTONE).exit_code == 0
    again = run("draft", "status-check", QUILLSTONE)
    assert again.exit_code == 0 and again.stdout.startswith("unchanged: ")
    [path] = drafts(tmp_path)

    user_template(tmp_path, "status-check", (Path(__file__).parent.parent / "templates" /
                  "status-check.txt.j2").read_text().replace("I hope your week is going well.",
                                                             "I hope you are well."))
    updated = run("draft", "status-check", QUILLSTONE)
    assert updated.stdout.startswith("updated: "), updated.output
    assert drafts(tmp_path) == [path]
    assert "I hope you are well." in body(path)
    assert not list(path.parent.glob(".followup-*"))  # no temp file left behind


def test_a_draft_the_user_edited_is_left_alone(tmp_path):
    assert run("draft", "status-check", QUILLSTONE).exit_code == 0
    [path] = drafts(tmp_path)
    edited = path.read_bytes().replace(b"I hope your week is going well.", b"Hope all is well!")
    path.write_bytes(edited)
    user_template(tmp_path, "status-check", "Hi {{ recipient.first_name }},\n\nA different draft.\n")
    result = run("draft", "status-check", QUILLSTONE, "--force")
    assert result.stdout.startswith("kept (edited by you): "), result.output
    assert "left as it is" in result.stdout
    assert path.read_bytes() == edited
    assert drafts(tmp_path) == [path]


def test_a_renamed_draft_is_still_found_by_its_marker(tmp_path):
    assert run("draft", "keep-in-touch", PINECREST).exit_code == 0
    [path] = drafts(tmp_path)
    renamed = path.with_name("my reply to Luis.eml")
    path.rename(renamed)
    assert run("draft", "keep-in-touch", PINECREST).stdout.startswith("unchanged: ")
    assert drafts(tmp_path) == [renamed]


# -- templates: override, errors, sandbox ----------------------------------------------------

def test_a_user_template_of_the_same_name_wins(tmp_path):
    user_template(tmp_path, "keep-in-touch",
                  "Hi {{ recipient.first_name }},\n\nThank you for letting me know. I would be glad to "
                  "stay in touch about future roles at {{ company }}.\n\nBest,\n{{ me.first_name }}\n")
    result = run("draft", "keep-in-touch", PINECREST, "--print")
    assert result.exit_code == 0, result.output
    assert "glad to stay in touch about future roles at Pinecrest Outfitters.\n\nBest,\nJordan" in result.stdout


def test_an_unknown_variable_is_one_line_naming_template_line_and_variable(tmp_path):
    user_template(tmp_path, "thank-you", "Hi {{ recipient.first_name }},\n\n{{ nosuch }}\n")
    result = run("draft", "thank-you", LEDGERLINE)
    assert result.exit_code == 2
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert "thank-you.txt.j2, line 3" in line and "'nosuch' is undefined" in line
    assert "Traceback" not in result.output


def test_a_template_syntax_error_is_one_line(tmp_path):
    user_template(tmp_path, "thank-you", "Hi,\n{% if %}\n")
    result = run("draft", "thank-you", LEDGERLINE)
    assert result.exit_code == 2
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert "thank-you.txt.j2, line 2" in line


@pytest.mark.parametrize("code", ["{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                  "{{ recipient.__class__ }}", "{{ debrief.__init__.__globals__ }}"])
def test_the_sandbox_stops_a_template_reaching_python(tmp_path, code):
    user_template(tmp_path, "keep-in-touch", f"Hi,\n\n{code}\n")
    result = run("draft", "keep-in-touch", PINECREST, "--print")
    assert result.exit_code == 2
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert "keep-in-touch.txt.j2, line 3" in line
    assert "subclasses" not in result.stdout and "class '" not in result.stdout


def test_email_and_debrief_text_is_data_never_a_template(tmp_path, monkeypatch):
    mails = overdue_thread(checked_in=False)
    del mails[0]["Subject"]
    mails[0]["Subject"] = "Re: Interview {{ 7*7 }} - Data Analyst"
    box = write_mbox(tmp_path / "box.mbox", mails)
    from assistant.debrief import save_debrief

    save_debrief(Debrief(format(40, "x"), details=("the {{ 7*7 }} {% raw %} dashboard",)))
    result = run("--me", ME, "draft", "status-check", "northwind", "--print", mailbox=box)
    assert result.exit_code == 0, result.output
    assert "Subject: Re: Interview {{ 7*7 }} - Data Analyst\n" in result.stdout
    assert "hearing about the {{ 7*7 }} {% raw %} dashboard" in result.stdout
    assert "49" not in result.stdout
    assert "placeholder.template" in result.stderr  # and lint flags it before it goes out


# -- headers -----------------------------------------------------------------------------------

def test_non_ascii_names_and_subjects_are_encoded_and_round_trip(tmp_path):
    assert run("draft", "status-check", SPREEWERK, today="2026-03-23").exit_code == 0
    [path] = drafts(tmp_path)
    raw = path.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")  # RFC 2047 encoded words, no raw UTF-8 in the header
    msg = read(path)
    assert msg["To"].addresses[0].display_name == "Zoë Müller"
    assert msg["Subject"] == "Re: Spreewerk – Senior Analytics Engineer: next steps"
    assert msg.get_content().startswith("Hi Zoë,")


def test_a_header_value_with_a_line_break_is_refused(tmp_path):
    from assistant.drafts import Person, build_message
    from assistant.errors import FollowupError
    from assistant.mailbox import open_mailbox
    from assistant.process import find_process, list_processes

    scan = open_mailbox("sample").scan(frozenset())
    p = find_process(list_processes(scan.threads, scan.me, date(2026, 3, 12)), QUILLSTONE)
    me = Person("Jordan Rivera", "Jordan", ME, "me")
    for evil in ("Megan\r\nBcc: all@evil.example", "Megan\nX-Injected: 1"):
        with pytest.raises(FollowupError, match="line break"):
            build_message(p, Person(evil, "Megan", "megan.doyle@quillstone.com", "recruiter"), me, "Hi")
    result = run("draft", "status-check", QUILLSTONE, "--to", "megan@quillstone.com\r\nBcc: x@evil.example")
    assert result.exit_code == 2 and "line break" in result.output
    assert drafts(tmp_path) == []


# -- LinkedIn -----------------------------------------------------------------------------------

def test_a_linkedin_note_is_printed_saved_beside_the_drafts_and_within_200_characters(tmp_path):
    result = run("draft", "linkedin", LEDGERLINE, "--person", "Aisha")
    assert result.exit_code == 0, result.output
    note = result.stdout.splitlines()[0]
    assert note.startswith("Hi Aisha, ") and "interview" in note and len(note) <= 200
    [saved] = drafts(tmp_path, "*.txt")
    assert saved.read_text().strip() == note
    assert run("draft", "linkedin", LEDGERLINE, "--person", "Aisha").stdout.count("unchanged: ") == 1
    saved.write_text("Hi Aisha, my own words.\n")
    again = run("draft", "linkedin", LEDGERLINE, "--person", "Aisha")
    assert "kept (edited by you)" in again.stdout
    assert saved.read_text() == "Hi Aisha, my own words.\n"


def test_linkedin_note_limit_from_config(tmp_path):
    long_note = "Hi {{ recipient.first_name }}, we met at my interview " + "with the whole team " * 11 + "."
    user_template(tmp_path, "linkedin", long_note + "\n")
    result = run("draft", "linkedin", LEDGERLINE, "--person", "Aisha")
    assert result.exit_code == 1 and "length.linkedin" in result.stderr and "at 200" in result.stderr
    (tmp_path / "config" / "config.toml").write_text("linkedin_note_limit = 300\n")
    result = run("draft", "linkedin", LEDGERLINE, "--person", "Aisha")
    assert result.exit_code == 0, result.output
    assert "length.linkedin" not in result.stderr


def test_the_built_in_note_shrinks_to_fit_a_tight_limit(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("linkedin_note_limit = 100\n")
    result = run("draft", "linkedin", LEDGERLINE, "--person", "Oliver", "--print")
    assert result.exit_code == 0, result.output
    note = result.stdout.strip()
    assert len(note) <= 100 and note.startswith("Hi Oliver, ") and "Ledgerline" in note


def test_person_must_name_one_contact():
    result = run("draft", "linkedin", LEDGERLINE, "--person", "Nobody")
    assert result.exit_code == 2 and "Daniel Reyes" in result.output


# -- the source is only read ------------------------------------------------------------------

def test_the_source_mailbox_is_never_modified(tmp_path):
    box = tmp_path / "mail" / "sample.mbox"
    box.parent.mkdir()
    shutil.copy(SAMPLE_MBOX, box)
    before = hashlib.sha256(box.read_bytes()).hexdigest()
    for args in (("thank-you", LEDGERLINE), ("status-check", QUILLSTONE), ("keep-in-touch", PINECREST),
                 ("linkedin", CASCADE)):
        assert run("draft", *args, mailbox=box).exit_code == 0
    assert hashlib.sha256(box.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in box.parent.iterdir()) == ["sample.mbox"]


def test_drafts_never_go_inside_the_mailbox(tmp_path):
    folder = tmp_path / "eml"
    folder.mkdir()
    for i, m in enumerate(overdue_thread(checked_in=False)):
        (folder / f"{i}.eml").write_bytes(m.as_bytes())
    result = run("--me", ME, "draft", "status-check", "northwind", "--drafts-dir", str(folder / "drafts"),
                 mailbox=folder)
    assert result.exit_code == 2 and "inside the mailbox" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["0.eml"]


def test_drafts_dir_option(tmp_path):
    out = tmp_path / "elsewhere"
    assert run("draft", "keep-in-touch", PINECREST, "--drafts-dir", str(out)).exit_code == 0
    assert len(list(out.glob("*.eml"))) == 1 and drafts(tmp_path) == []


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["draft", "--help"])
    assert result.exit_code == 0 and "Example" in result.output


@pytest.mark.parametrize("today, thread, words", [
    ("2026-06-20", "quillstone", "no word for 117 days"),  # months of silence
    ("2026-03-26", "fathom", "only an application acknowledgement"),  # nothing but the ATS
])
def test_a_status_check_that_is_no_longer_the_polite_one_is_refused(today, thread, words):
    result = CliRunner().invoke(main, ["--mailbox", "sample", "--today", today, "draft", "status-check", thread,
                                       "--print"])
    assert result.exit_code == 3
    assert words in result.output
