"""The command line as a user meets it: help, the bundled sample, and one-line errors."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.conftest import one_line_error


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize("command", [[], ["threads"], ["due"]])
def test_every_command_has_help_with_an_example(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_no_mailbox_says_how_to_give_one():
    assert "no mailbox given" in one_line_error(invoke("threads"))


def test_missing_mailbox_file(tmp_path):
    assert "mailbox not found" in one_line_error(invoke("--mailbox", str(tmp_path / "x.mbox"), "threads"))


def test_bad_today():
    assert "--today" in one_line_error(invoke("--mailbox", "sample", "--today", "12/03/2026", "threads"))


@pytest.mark.parametrize("content, words", [
    ("me = [", "not valid TOML"),
    ("default_wait_busines_days = 5\n", "unknown key 'default_wait_busines_days'"),
    ("default_wait_business_days = 'ten'\n", "'default_wait_business_days' must be"),
    ("timezone = 'Mars/Olympus'\n", "unknown time zone"),
    ("me = ['not-an-address']\n", "'me' must be"),
])
def test_a_broken_config_is_one_line_naming_the_problem(tmp_path, content, words):
    path = tmp_path / "config.toml"
    path.write_text(content)
    assert words in one_line_error(invoke("--config", str(path), "--mailbox", "sample", "threads"))


def test_config_in_the_config_dir_is_read(tmp_path, monkeypatch):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("mailbox = 'sample'\n")
    result = invoke("--today", "2026-03-12", "threads")
    assert result.exit_code == 0, result.output
    assert "COMPANY" in result.output


def test_missing_config_file_given_explicitly(tmp_path):
    assert "config file not found" in one_line_error(invoke("--config", str(tmp_path / "no.toml"), "threads"))


def test_python_dash_m_runs_the_same_cli():
    out = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "Never sends" in out.stdout


def test_the_table_says_what_each_date_means():
    result = invoke("--mailbox", "sample", "--today", "2026-03-12", "threads")
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert "by Thu 12 Mar" in rows["Ledgerline"]  # thank-you deadline: the next business day
    assert "since Sat 28 Feb" in rows["Quillstone"]  # "by Friday" (27 Feb) has passed
    assert "on Fri 13 Mar" in rows["Northwind"]  # the interview
    assert "until Fri 20 Mar" in rows["Cascade"]
    assert "followup draft status-check 19c43d04e78b9a59" in rows["Quillstone"]


def test_due_lists_only_what_needs_doing_most_urgent_first():
    result = invoke("--mailbox", "sample", "--today", "2026-03-12", "due")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("- ")]
    assert [line.split(",")[0] for line in lines] == ["- Ledgerline", "- Quillstone Insurance"]
    assert "followup draft thank-you 19c94874d0882c20" in result.output


def test_the_malformed_mail_corpus_is_read_without_a_crash():
    """Real broken mail from public parser test suites, as a folder and as mbox files."""
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/mail is not beside this checkout")
    for spec in [CORPUS, *sorted(CORPUS.glob("*.mbox"))]:
        result = CliRunner().invoke(main, ["--mailbox", str(spec), "--me", "me@example.com", "-v",
                                           "threads", "--json"], catch_exceptions=False)
        assert result.exit_code == 0, (spec, result.output)


def test_the_readme_config_example_is_a_valid_config(tmp_path):
    """The README shows a config.toml; it must stay one the tool accepts."""
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text()
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    example = "\n".join('mailbox = "sample"' if line.startswith("mailbox =") else line
                        for line in example.splitlines())
    (tmp_path / "config.toml").write_text(example)
    result = invoke("--config", str(tmp_path / "config.toml"), "--today", "2026-03-12", "due")
    assert result.exit_code == 0, result.output
    assert "Ledgerline" in result.output


@pytest.mark.parametrize("thread, found", [
    ("19c94874d0882c20", "Ledgerline"), ("19c948", "Ledgerline"), ("ledgerline", "Ledgerline"),
    ("Orbital", "Orbital Payments"),
])
def test_a_thread_is_named_by_id_prefix_or_company(thread, found):
    # --force: Rachel at Orbital was thanked on 3 Mar; a second thank-you is refused (test_done.py)
    result = invoke("--mailbox", "sample", "--today", "2026-03-12", "draft", "thank-you", thread, "--print",
                    "--force")
    assert result.exit_code == 0, result.output
    assert found in result.output or found.split()[0] in result.output


def test_an_ambiguous_or_unknown_thread_is_one_line():
    assert "matches 11 processes" in one_line_error(invoke("--mailbox", "sample", "--today", "2026-03-12",
                                                           "draft", "thank-you", "19c"))
    assert "no hiring process matches" in one_line_error(invoke("--mailbox", "sample", "draft",
                                                                "thank-you", "nonexistent"))


def test_a_time_zone_that_is_a_folder_is_one_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("timezone = 'America'\n")
    assert "unknown time zone" in one_line_error(invoke("--config", str(path), "--mailbox", "sample", "threads"))


def test_a_user_template_in_another_encoding_is_one_line(tmp_path):
    templates = tmp_path / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "thank-you.txt.j2").write_bytes("Hi {{ recipient.first_name }}, caf\xe9".encode("latin-1"))
    line = one_line_error(invoke("--mailbox", "sample", "--today", "2026-03-12", "draft", "thank-you",
                                 "ledgerline", "--print"))
    assert "thank-you.txt.j2" in line


def test_lint_thresholds_must_be_finite(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[lint.thresholds]\nmax_words = nan\n")
    result = CliRunner().invoke(main, ["--config", str(path), "lint", "-"], input="Hi Priya,\n\nThank you.\n")
    assert result.exit_code == 2
    assert "max_words" in result.output


def test_a_broken_debrief_file_does_not_stop_the_other_commands(tmp_path):
    debriefs = tmp_path / "data" / "debriefs"
    debriefs.mkdir(parents=True)
    (debriefs / "19c94874d0882c20.toml").write_text("interviewers = [unclosed\n")
    result = invoke("--mailbox", "sample", "--today", "2026-03-12", "due")
    assert result.exit_code == 0, result.output
    assert "Ledgerline" in result.output
    assert "warning:" in result.output and "19c94874d0882c20" in result.output


def test_sample_companies_and_roles_as_a_person_would_write_them():
    result = invoke("--mailbox", "sample", "--today", "2026-03-12", "threads", "--json")
    import json

    got = {p["company"]: p["role"] for p in json.loads(result.stdout)}
    assert got == {
        "Ledgerline": "Analytics Engineer",
        "Quillstone Insurance": "Senior Data Analyst, Claims",
        "Northwind Labs": "Senior Data Analyst",
        "Brightwave": "Product Analyst",
        "Orbital Payments": "Senior Analytics Engineer",
        "Spreewerk GmbH": "Senior Analytics Engineer",
        "Cascade Metrics": "Senior Data Analyst, Growth",
        "Fathom Robotics": "Senior Data Analyst",
        "Tessellate Media": "Analytics Engineer",
        "Solvane Energy": "Senior Analytics Engineer",
        "Pinecrest Outfitters": "Senior Data Analyst, Merchandising",
    }


def test_an_old_rejection_no_longer_asks_for_a_reply():
    fresh = invoke("--mailbox", "sample", "--today", "2026-03-12", "threads")
    old = invoke("--mailbox", "sample", "--today", "2026-05-15", "threads")
    row = lambda out: next(line for line in out.splitlines() if line.startswith("Pinecrest"))  # noqa: E731
    assert "followup draft keep-in-touch" in row(fresh.output)
    assert "keep-in-touch" not in row(old.output)
