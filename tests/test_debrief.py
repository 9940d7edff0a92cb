"""`followup debrief`: what the candidate writes down the evening after an interview.

Driven through the real CLI on the bundled sample mailbox, where the Ledgerline panel
interview was on Wed 11 Mar 2026 and "today" is the day after.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
import tomllib
from datetime import date

import pytest
from click.testing import CliRunner

from assistant import cli
from assistant.cli import main
from tests.conftest import one_line_error
from assistant.config import data_dir
from assistant.debrief import (
    BetterAnswer, Debrief, UnreadableDebrief, debrief_path, load_debrief, parse_debrief_text, render_text,
    save_debrief, spoken_promise,
)

LEDGERLINE = "19c94874d0882c20"

FILLED = textwrap.dedent("""\
    # my notes from the panel
    ## Interview day
    2026-03-11

    ## Interviewers
    - Daniel Reyes
    - Aisha Khan

    ## Details they shared
    - The analytics team moves its models to dbt in April
    - On-call is one week in six,
      shared with the platform team

    ## Questions I had not prepared for
    - How would you price a usage-based plan?

    ## Answers to improve
    Q: Why do you want to leave your current job?
    A: I built the reporting from scratch; now I want to work on a product
       where analytics drives pricing.

    ## What went well
    - The SQL exercise: I talked through my approach first

    ## What went badly
    - I rambled on the stakeholder question

    ## Questions that came up afterwards
    - How is the analytics roadmap decided?

    ## Timeline they gave
    Daniel said we'll decide by Friday

    ## Notes
    Bring the dbt article up in the thank-you note.
    """)


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-12", *args],
                              input=input, env=env)


def ok(result):
    assert result.exit_code == 0, result.output
    return result.output


def show_json(thread="ledgerline"):
    return json.loads(ok(run("debrief", thread, "--show", "--json")))


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "debrief.md"
    path.write_text(FILLED, encoding="utf-8")
    return path


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """$EDITOR is a small Python script that applies `edit(text) -> text` to the file."""

    def use(code: str):
        script = tmp_path / "editor.py"
        script.write_text(textwrap.dedent("""\
            import os, sys
            path = sys.argv[-1]
            text = open(path, encoding="utf-8").read()
            {code}
            open(path, "w", encoding="utf-8").write(text)
            st = os.stat(path)
            os.utime(path, (st.st_atime, st.st_mtime + 10))
            """).format(code=code), encoding="utf-8")
        (tmp_path / "seen.md").unlink(missing_ok=True)
        monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.setattr(cli, "_stdin_is_tty", lambda: True)

    return use


@pytest.fixture(autouse=True)
def _no_editor(monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)


# --- --from and --show ----------------------------------------------------------------


def test_from_a_file_then_show_gives_it_back(filled):
    out = ok(run("debrief", "ledgerline", "--from", str(filled)))
    assert f"debriefs/{LEDGERLINE}.toml" in out
    assert 'They said "by Friday" on Wed 11 Mar: you should hear by Fri 13 Mar 2026.' in out

    shown = ok(run("debrief", LEDGERLINE[:8], "--show"))
    assert "- The analytics team moves its models to dbt in April" in shown
    assert "- On-call is one week in six, shared with the platform team" in shown
    assert "Q: Why do you want to leave your current job?" in shown
    assert "A: I built the reporting from scratch; now I want to work on a product where " \
           "analytics drives pricing." in shown
    assert "## What went badly\n- I rambled on the stakeholder question" in shown

    data = show_json()
    assert data["interview_day"] == "2026-03-11"
    assert data["interviewers"] == ["Daniel Reyes", "Aisha Khan"]
    assert data["unprepared"] == ["How would you price a usage-based plan?"]
    assert data["questions"] == ["How is the analytics roadmap decided?"]
    assert data["notes"] == "Bring the dbt article up in the thank-you note."
    assert data["spoken_promise"] == {"due": "2026-03-13", "phrase": "by Friday", "kind": "weekday"}


def test_show_output_can_be_read_back_with_from(filled, tmp_path):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    before = show_json()
    copy = tmp_path / "copy.md"
    copy.write_text(ok(run("debrief", "ledgerline", "--show")), encoding="utf-8")
    ok(run("debrief", "ledgerline", "--from", str(copy)))
    assert show_json() == before


def test_from_standard_input(filled):
    ok(run("debrief", "ledgerline", "--from", "-", input=FILLED))
    assert show_json()["went_well"] == ["The SQL exercise: I talked through my approach first"]


def test_the_stored_file_is_toml_a_person_can_read(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    text = debrief_path(LEDGERLINE).read_text(encoding="utf-8")
    assert 'interviewers = ["Daniel Reyes", "Aisha Khan"]' in text
    assert '[[improve]]\nquestion = "Why do you want to leave your current job?"' in text
    assert tomllib.loads(text)["timeline"] == "Daniel said we'll decide by Friday"
    assert debrief_path(LEDGERLINE).parent == data_dir() / "debriefs"


def test_show_without_a_debrief_says_how_to_write_one():
    assert "No debrief for Ledgerline" in ok(run("debrief", "ledgerline", "--show"))
    assert show_json() is None


# --- the editor -----------------------------------------------------------------------


def test_the_editor_starts_from_what_the_thread_knows_and_its_edit_is_stored(editor, tmp_path):
    editor(f"open({str(tmp_path / 'seen.md')!r}, 'w', encoding='utf-8').write(text)\n"
           "text = text.replace('## What went well\\n# And why, so you can do it again.\\n',\n"
           "                    '## What went well\\n- The case study\\n')")
    out = ok(run("debrief", "ledgerline"))
    assert "Saved the debrief of Ledgerline" in out
    seen = (tmp_path / "seen.md").read_text(encoding="utf-8")
    assert "## Interview day\n# The day you met them, as YYYY-MM-DD.\n2026-03-11\n" in seen
    assert "- Daniel Reyes\n- Aisha Khan\n- Oliver Grant\n" in seen
    assert "Hannah Okafor" not in seen  # the coordinator was not in the room
    data = show_json()
    assert data["went_well"] == ["The case study"]
    assert data["interviewers"] == ["Daniel Reyes", "Aisha Khan", "Oliver Grant"]


def test_editing_again_shows_the_saved_values_and_keeps_them(editor, filled, tmp_path):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    editor(f"open({str(tmp_path / 'seen.md')!r}, 'w', encoding='utf-8').write(text)\n"
           "text = text.replace('- I rambled on the stakeholder question',\n"
           "                    '- I rambled on the stakeholder question\\n- I forgot to ask about the team size')")
    ok(run("debrief", "ledgerline"))
    seen = (tmp_path / "seen.md").read_text(encoding="utf-8")
    assert "- Aisha Khan\n" in seen and "Oliver Grant" not in seen  # what I saved, not the thread's list
    assert "Q: Why do you want to leave your current job?" in seen
    data = show_json()
    assert data["went_badly"] == ["I rambled on the stakeholder question", "I forgot to ask about the team size"]
    assert data["details"][0] == "The analytics team moves its models to dbt in April"
    assert data["spoken_promise"]["due"] == "2026-03-13"


def test_quitting_the_editor_without_saving_changes_nothing(editor, filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    before = debrief_path(LEDGERLINE).read_bytes()
    editor("pass")
    out = ok(run("debrief", "ledgerline"))
    assert out.strip() == "debrief not changed"
    assert debrief_path(LEDGERLINE).read_bytes() == before


def test_an_unreadable_edit_is_kept_beside_and_offered_again(editor, filled, tmp_path):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    before = debrief_path(LEDGERLINE).read_bytes()
    editor("text = text.replace('## What went badly', '## Things that went sideways')")
    line = one_line_error(run("debrief", "ledgerline"))
    rejected = debrief_path(LEDGERLINE).with_suffix(".rejected")
    assert "debrief not saved" in line and "unknown section '## Things that went sideways'" in line
    assert str(rejected) in line
    kept = rejected.read_text(encoding="utf-8")
    assert "## Things that went sideways\n" in kept and "- I rambled on the stakeholder question" in kept
    assert debrief_path(LEDGERLINE).read_bytes() == before  # the saved debrief is untouched

    # The next edit opens the kept text with the reason, and saving it fixed clears it.
    editor(f"open({str(tmp_path / 'seen.md')!r}, 'w', encoding='utf-8').write(text)\n"
           "text = text.replace('## Things that went sideways', '## What went badly')")
    ok(run("debrief", "ledgerline"))
    seen = (tmp_path / "seen.md").read_text(encoding="utf-8")
    assert seen.startswith("# Your last edit could not be saved (line ")
    assert not rejected.exists()
    assert show_json()["went_badly"] == ["I rambled on the stakeholder question"]


def test_a_failing_editor_is_one_line(editor):
    editor("raise SystemExit(3)")
    assert "Editing failed" in one_line_error(run("debrief", "ledgerline"))
    assert load_debrief(LEDGERLINE) is None


# --- prompts when there is no editor --------------------------------------------------


PROMPT_ANSWERS = "\n".join([
    "",  # interview day: keep 2026-03-11
    "n", "Daniel Reyes", "",  # interviewers: replace the thread's three with one
    "They ship weekly", "",  # details
    "",  # unprepared: none
    "Why analytics engineering?", "I like building the models others trust.", "",  # improve
    "The SQL exercise", "",  # went well
    "",  # went badly
    "What does on-call look like?", "",  # questions
    "we'll decide by Friday",  # timeline
    "",  # notes
]) + "\n"


def test_without_an_editor_it_asks_section_by_section():
    out = ok(run("debrief", "ledgerline", input=PROMPT_ANSWERS))
    assert "Interview day [2026-03-11]" in out
    assert "- Oliver Grant" in out  # the thread's interviewers are offered
    data = show_json()
    assert data["interview_day"] == "2026-03-11"
    assert data["interviewers"] == ["Daniel Reyes"]
    assert data["details"] == ["They ship weekly"]
    assert data["improve"] == [{"question": "Why analytics engineering?",
                                "answer": "I like building the models others trust."}]
    assert data["went_badly"] == []
    assert data["spoken_promise"]["due"] == "2026-03-13"


def test_prompts_offer_the_saved_values_and_enter_keeps_them(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    before = show_json()
    # Enter keeps the day, "y" keeps each list, an empty answer adds nothing, Enter keeps the texts.
    keep_all = "\n".join(["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]) + "\n"
    out = ok(run("debrief", "ledgerline", input=keep_all))
    assert "debrief not changed" in out
    assert show_json() == before


def test_a_bad_day_at_the_prompt_is_asked_again():
    answers = "11/03/2026\n" + PROMPT_ANSWERS
    out = ok(run("debrief", "ledgerline", input=answers))
    assert "a date like 2026-03-11, not '11/03/2026'" in out
    assert show_json()["interview_day"] == "2026-03-11"


# --- what the user wrote is kept as written -------------------------------------------


def test_non_ascii_text_round_trips(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("## Interviewers\n- Zoë Müller\n- 陈静\n## Details they shared\n"
                    "- L’équipe déménage à Zürich — en été 🚀\n## Notes\nÀ relire : « très bien »\n",
                    encoding="utf-8")
    ok(run("debrief", "ledgerline", "--from", str(path)))
    data = show_json()
    assert data["interviewers"] == ["Zoë Müller", "陈静"]
    assert data["details"] == ["L’équipe déménage à Zürich — en été 🚀"]
    assert data["notes"] == "À relire : « très bien »"
    assert "- 陈静" in ok(run("debrief", "ledgerline", "--show"))


def test_email_like_text_is_stored_literally(tmp_path):
    tricky = ['{{ 7*7 }} and {% if x %}', 'Bcc: all@example.com', 'C:\\temp\\new "quoted" \\u0041',
              '"""', "tab\there", "[[improve]]"]
    path = tmp_path / "d.md"
    path.write_text("## Details they shared\n" + "".join(f"- {t}\n" for t in tricky)
                    + "## Notes\n\\# not a comment\n\\## not a heading\n{{ 7*7 }}\n", encoding="utf-8")
    ok(run("debrief", "ledgerline", "--from", str(path)))
    data = show_json()
    assert data["details"] == tricky
    assert data["notes"] == "# not a comment\n## not a heading\n{{ 7*7 }}"
    assert "49" not in ok(run("debrief", "ledgerline", "--show"))


def test_an_empty_debrief_saves_nothing(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# nothing to say\n## Interview day\n2026-03-11\n## Notes\n\n", encoding="utf-8")
    assert "nothing saved" in ok(run("debrief", "ledgerline", "--from", str(path)))
    assert not debrief_path(LEDGERLINE).exists()


# --- errors: one line, exit 2 ---------------------------------------------------------


def test_an_unknown_thread_is_one_line():
    assert "no hiring process matches 'nowhere-inc'" in one_line_error(run("debrief", "nowhere-inc"))


def test_a_missing_from_file_is_one_line(tmp_path):
    line = one_line_error(run("debrief", "ledgerline", "--from", str(tmp_path / "missing.md")))
    assert "cannot read" in line and "missing.md" in line


@pytest.mark.parametrize("text, words", [
    ("## Interview day\nlast Wednesday\n", "line 2: the interview day must be a date like 2026-03-11"),
    ("Dear diary\n## Notes\nx\n", "line 1: text before the first '## ' heading"),
    ("## Answers to improve\nI should have said more\n", 'line 2: in "Answers to improve", start each'),
])
def test_an_unparseable_file_keeps_the_text_and_names_the_line(tmp_path, text, words):
    path = tmp_path / "d.md"
    path.write_text(text, encoding="utf-8")
    line = one_line_error(run("debrief", "ledgerline", "--from", str(path)))
    assert words in line
    assert debrief_path(LEDGERLINE).with_suffix(".rejected").read_text(encoding="utf-8") == text


def test_an_unwritable_data_dir_keeps_the_text_elsewhere(tmp_path, monkeypatch, filled):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("FOLLOWUP_DATA_DIR", str(blocker))
    line = one_line_error(run("debrief", "ledgerline", "--from", str(filled)))
    assert "debrief not saved: cannot write" in line
    kept = line.rsplit("your text is kept in ", 1)[1]
    with open(kept, encoding="utf-8") as f:
        assert f.read() == FILLED


# --- the core, for the draft writer ---------------------------------------------------


def test_unknown_keys_in_the_file_survive_a_rewrite(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    path = debrief_path(LEDGERLINE)
    path.write_text('mood = "hopeful"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    assert tomllib.loads(path.read_text(encoding="utf-8"))["mood"] == "hopeful"


def test_save_and_load_round_trip_every_field():
    d = Debrief(LEDGERLINE, date(2026, 3, 11), ("Aisha Khan",), ("a\\b",), ('"q"',),
                (BetterAnswer("Why?", "Because.\nReally."),), ("w",), ("b",), ("later?",),
                "by Friday", "line one\n# line two\n")
    save_debrief(d)
    assert load_debrief(LEDGERLINE) == d
    assert parse_debrief_text(render_text(d), LEDGERLINE).notes == d.notes.strip()


def test_spoken_promise_is_dated_to_the_interview_day():
    wednesday = Debrief(LEDGERLINE, date(2026, 3, 11), timeline="we'll decide by Friday")
    promise = spoken_promise(wednesday)
    assert promise.due == date(2026, 3, 13) and promise.phrase == "by Friday"


@pytest.mark.parametrize("debrief", [
    Debrief(LEDGERLINE, date(2026, 3, 11), timeline="they were nice and will be in touch"),
    Debrief(LEDGERLINE, date(2026, 3, 11)),
    Debrief(LEDGERLINE, None, timeline="we'll decide by Friday"),
])
def test_no_spoken_promise_without_a_timeframe_or_a_day(debrief):
    assert spoken_promise(debrief) is None


def test_help_has_an_example_and_says_text_is_merged():
    out = ok(CliRunner().invoke(main, ["debrief", "--help"]))
    assert "Example" in out
    assert "keeps its saved value" in out and "clears that section" in out
    assert "previous.toml" in out


# --- a saved debrief file that cannot be read (a hand edit gone wrong) -------------------

BROKEN = {
    "bad TOML": ("interviewers = 'Daniel\n", "not valid TOML"),
    "wrong type": ("interviewers = 3\n", "'interviewers' must be a list of strings"),
    "wrong value": ('interview_day = "last Wednesday"\n', "'interview_day' must be a date like 2026-03-11"),
    "not UTF-8": (b'notes = "caf\xe9"\n', "not UTF-8 text"),
    "a directory": (None, "a directory, not a file"),
}


def break_debrief(kind: str):
    """Put a broken debrief where the Ledgerline one lives, as a hand edit might."""
    content = BROKEN[kind][0]
    path = debrief_path(LEDGERLINE)
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
        (path / "oops.txt").write_text("a file of mine\n", encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_lines(result) -> list[str]:
    """The lines of a failure, leaving out warnings that scanning may print about other files."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines()
            if line.strip() and not line.lower().startswith("warning")]


@pytest.mark.parametrize("kind", list(BROKEN))
def test_load_debrief_says_unreadable_and_nothing_else(kind):
    path = break_debrief(kind)
    with pytest.raises(UnreadableDebrief) as caught:
        load_debrief(LEDGERLINE)
    assert caught.value.path == path
    assert BROKEN[kind][1] in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_debrief_without_read_permission_is_unreadable():
    path = break_debrief("wrong type")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableDebrief, match="Permission denied"):
            load_debrief(LEDGERLINE)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("kind", list(BROKEN))
def test_show_of_a_broken_debrief_is_one_line_naming_the_file(kind):
    path = break_debrief(kind)
    for args in (("--show",), ("--show", "--json")):
        result = run("debrief", "ledgerline", *args)
        lines = error_lines(result)
        assert len(lines) == 1, result.output
        assert "cannot be read" in lines[0] and str(path) in lines[0] and BROKEN[kind][1] in lines[0]
        assert f"followup debrief {LEDGERLINE}" in lines[0]  # how to get past it
        assert result.stdout == ""


@pytest.mark.parametrize("kind", list(BROKEN))
def test_from_over_a_broken_debrief_saves_a_fresh_one_and_keeps_the_broken_file(kind, filled):
    path = break_debrief(kind)
    before = sorted(p.name for p in path.rglob("*")) if path.is_dir() else path.read_bytes()
    out = ok(run("debrief", "ledgerline", "--from", "-", input=FILLED))
    aside = path.with_suffix(".broken.toml")
    assert f"The unreadable debrief ({BROKEN[kind][1]}" in out and f"is kept in {aside}" in out
    assert "Saved the debrief of Ledgerline" in out
    assert (sorted(p.name for p in aside.rglob("*")) if aside.is_dir() else aside.read_bytes()) == before
    assert show_json()["details"][0] == "The analytics team moves its models to dbt in April"


def test_a_second_broken_file_does_not_overwrite_the_first(filled):
    path = break_debrief("bad TOML")
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    path.write_text("details = [1, 2]\n", encoding="utf-8")
    out = ok(run("debrief", "ledgerline", "--from", str(filled)))
    assert str(path.with_suffix(".broken-2.toml")) in out
    assert path.with_suffix(".broken.toml").read_text(encoding="utf-8") == "interviewers = 'Daniel\n"
    assert path.with_suffix(".broken-2.toml").read_text(encoding="utf-8") == "details = [1, 2]\n"


def test_the_editor_over_a_broken_debrief_shows_its_words(editor, tmp_path):
    path = break_debrief("bad TOML")
    editor(f"open({str(tmp_path / 'seen.md')!r}, 'w', encoding='utf-8').write(text)\n"
           "text = text.replace('- Aisha Khan\\n- Oliver Grant\\n', '')")
    out = ok(run("debrief", "ledgerline"))
    seen = (tmp_path / "seen.md").read_text(encoding="utf-8")
    assert seen.startswith("# YOUR SAVED DEBRIEF CANNOT BE READ (not valid TOML")
    assert "# | interviewers = 'Daniel\n" in seen  # the user's words, as comments
    assert f"is kept in {path.with_suffix('.broken.toml')}" in out
    assert path.with_suffix(".broken.toml").read_text(encoding="utf-8") == "interviewers = 'Daniel\n"
    assert show_json()["interviewers"] == ["Daniel Reyes"]


def test_quitting_the_editor_leaves_a_broken_debrief_where_it_is(editor):
    path = break_debrief("bad TOML")
    editor("pass")
    out = ok(run("debrief", "ledgerline"))
    assert "debrief not changed" in out and str(path) in out
    assert path.read_text(encoding="utf-8") == "interviewers = 'Daniel\n"
    assert not path.with_suffix(".broken.toml").exists()


def test_the_prompts_over_a_broken_debrief_save_a_fresh_one():
    path = break_debrief("wrong type")
    out = ok(run("debrief", "ledgerline", input=PROMPT_ANSWERS))
    assert f"it stays in {path}" in out and f"is kept in {path.with_suffix('.broken.toml')}" in out
    assert show_json()["interviewers"] == ["Daniel Reyes"]


# --- --from changes only the sections it has; the last version is kept -------------------


def test_a_partial_from_keeps_the_other_sections(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    before = show_json()
    out = ok(run("debrief", "ledgerline", "--from", "-", input="## Notes\nAsk about the dbt migration.\n"))
    after = show_json()
    assert after["notes"] == "Ask about the dbt migration."
    assert {k: v for k, v in after.items() if k != "notes"} == {k: v for k, v in before.items() if k != "notes"}
    assert after["spoken_promise"]["due"] == "2026-03-13"  # the timeline they gave still counts
    assert f"Removed or changed in Notes; the previous version is kept in " \
           f"{debrief_path(LEDGERLINE).with_suffix('.previous.toml')}" in out


def test_an_empty_heading_clears_that_section(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    out = ok(run("debrief", "ledgerline", "--from", "-", input="## What went badly\n\n## Timeline they gave\n"))
    data = show_json()
    assert data["went_badly"] == [] and data["timeline"] == "" and data["spoken_promise"] is None
    assert data["went_well"] == ["The SQL exercise: I talked through my approach first"]
    assert "Removed or changed in What went badly, Timeline they gave" in out


def test_the_previous_version_is_kept_on_every_save(filled):
    previous = debrief_path(LEDGERLINE).with_suffix(".previous.toml")
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    assert not previous.exists()  # nothing was replaced
    first = debrief_path(LEDGERLINE).read_bytes()
    out = ok(run("debrief", "ledgerline", "--from", "-", input="## Questions that came up afterwards\n- Team size?\n"))
    assert previous.read_bytes() == first
    assert tomllib.loads(previous.read_text(encoding="utf-8"))["questions"] == ["How is the analytics roadmap decided?"]
    second = debrief_path(LEDGERLINE).read_bytes()
    ok(run("debrief", "ledgerline", "--from", "-", input="## Notes\n\n"))
    assert previous.read_bytes() == second  # the last version, not the first
    assert "Removed" in out  # the old question was replaced


def test_adding_only_says_nothing_about_removal_and_the_same_text_changes_nothing(filled):
    ok(run("debrief", "ledgerline", "--from", str(filled)))
    out = ok(run("debrief", "ledgerline", "--from", "-",
                 input="## Questions that came up afterwards\n- How is the analytics roadmap decided?\n- Team size?\n"))
    assert "Removed" not in out and "Saved the debrief" in out
    assert "Removed" in ok(run("debrief", "ledgerline", "--from", str(filled)))  # "Team size?" is gone
    previous = debrief_path(LEDGERLINE).with_suffix(".previous.toml")
    kept = previous.read_bytes()
    assert b"Team size?" in kept
    out = ok(run("debrief", "ledgerline", "--from", str(filled)))
    assert out.strip() == "debrief not changed"
    assert previous.read_bytes() == kept  # an unchanged save does not push the last version out


# --- an editor that writes, then exits non-zero (vim's :cq, a crash) keeps the words -----


def test_text_written_by_a_failing_editor_is_saved_when_it_reads(editor):
    editor("text = text.replace('## Notes', '## Notes\\nAsk about on-call') ; "
           "open(path, 'w', encoding='utf-8').write(text) ; os.utime(path, (0, 10**9)) ; sys.exit(1)")
    result = run("debrief", "ledgerline")
    assert result.exit_code == 0, result.output
    assert "exited with status 1" in result.output
    assert f"Saved the debrief of Ledgerline" in result.output
    assert show_json()["notes"] == "Ask about on-call"


def test_unreadable_text_from_a_failing_editor_is_kept_beside_and_the_user_told(editor):
    editor("text = text.replace('## Notes', '## Not a section\\nAsk about on-call') ; "
           "open(path, 'w', encoding='utf-8').write(text) ; os.utime(path, (0, 10**9)) ; sys.exit(1)")
    line = one_line_error(run("debrief", "ledgerline"))
    rejected = debrief_path(LEDGERLINE).with_suffix(".rejected")
    assert "debrief not saved" in line and str(rejected) in line
    assert "Ask about on-call" in rejected.read_text(encoding="utf-8")
    assert load_debrief(LEDGERLINE) is None
