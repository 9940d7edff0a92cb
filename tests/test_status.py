"""followup status: the pipeline on the sample, the eggs-in-one-basket warning, gone quiet, the timeline."""

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.status import Lane, render_timeline

SAMPLE = ("--mailbox", "sample", "--today", "2026-03-12")

EXPECTED_STAGES = {
    "Ledgerline": "thank_you_due",
    "Quillstone Insurance": "overdue",
    "Northwind Labs": "scheduled",
    "Orbital Payments": "waiting",
    "Spreewerk GmbH": "waiting",
    "Cascade Metrics": "waiting",
    "Brightwave": "waiting",
    "Fathom Robotics": "applied",
    "Tessellate Media": "applied",
    "Solvane Energy": "offer",
    "Pinecrest Outfitters": "rejected",
}


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def config(tmp_path, text):
    path = tmp_path / "status.toml"
    path.write_text(text)
    return ("--config", str(path))


def status_json(*args):
    result = invoke(*args, "status", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_process_of_the_sample_with_its_stage_and_next_date():
    got = status_json(*SAMPLE)
    assert {p["company"]: p["stage"] for p in got["processes"]} == EXPECTED_STAGES
    by_company = {p["company"]: p for p in got["processes"]}
    assert by_company["Quillstone Insurance"]["next"] == {"word": "since", "date": "2026-02-28"}
    assert by_company["Cascade Metrics"]["next"] == {"word": "until", "date": "2026-03-20"}
    assert by_company["Northwind Labs"]["next"] == {"word": "on", "date": "2026-03-13"}
    assert by_company["Ledgerline"]["next"] == {"word": "by", "date": "2026-03-12"}
    assert by_company["Solvane Energy"]["next"] is None
    assert by_company["Quillstone Insurance"]["last_contact"] == "2026-02-23"
    assert "status-check" in by_company["Quillstone Insurance"]["action"]
    assert got["counts"] == {"thank_you_due": 1, "overdue": 1, "scheduled": 1, "waiting": 4, "applied": 2,
                             "gone_quiet": 0, "offer": 1, "rejected": 1, "withdrawn": 0}
    assert got["active"] == 9
    assert got["min_active_processes"] == 3
    assert got["warning"] is None
    # most urgent first, closed processes last
    assert [p["stage"] for p in got["processes"]][:2] == ["thank_you_due", "overdue"]
    assert [p["stage"] for p in got["processes"]][-2:] == ["offer", "rejected"]


def test_the_table_shows_each_process_and_the_counts():
    result = invoke(*SAMPLE, "status")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["COMPANY", "ROLE", "STAGE", "LAST", "CONTACT", "NEXT", "DATE", "NEXT", "ACTION"]
    for company in EXPECTED_STAGES:
        assert sum(line.startswith(company) for line in lines) == 1
    quill = next(line for line in lines if line.startswith("Quillstone Insurance"))
    assert "overdue" in quill and "Mon 23 Feb, them" in quill and "since Sat 28 Feb" in quill
    assert lines[-1] == "9 of 11 active: 1 thank you due, 1 overdue, 1 scheduled, 4 waiting, 2 applied, 1 offer, 1 rejected"
    assert "eggs" not in result.output


def test_too_few_active_processes_is_a_nudge_to_keep_applying(tmp_path):
    result = invoke(*config(tmp_path, "min_active_processes = 20\n"), *SAMPLE, "status")
    assert result.exit_code == 0, result.output
    assert " ".join(result.output.splitlines()[-2:]) == (
        "Only 9 active processes (you aim for at least 20): don't put all your eggs in one basket; "
        "keep applying to roles you like.")
    assert "eggs" in status_json(*config(tmp_path, "min_active_processes = 20\n"), *SAMPLE)["warning"]


def test_enough_active_processes_no_warning(tmp_path):
    result = invoke(*config(tmp_path, "min_active_processes = 1\n"), *SAMPLE, "status")
    assert result.exit_code == 0, result.output
    assert "eggs" not in result.output
    assert status_json(*config(tmp_path, "min_active_processes = 1\n"), *SAMPLE)["warning"] is None


def test_a_process_with_no_activity_for_close_after_days_has_gone_quiet():
    got = status_json("--mailbox", "sample", "--today", "2026-06-01")
    stages = {p["company"]: p["stage"] for p in got["processes"]}
    assert stages == {c: s if s in ("offer", "rejected") else "gone_quiet" for c, s in EXPECTED_STAGES.items()}
    quill = next(p for p in got["processes"] if p["company"] == "Quillstone Insurance")
    assert quill["next"] == {"word": "quiet since", "date": "2026-02-23"}
    assert quill["state"] == "overdue"  # process.py's state is untouched; gone quiet is the view
    assert got["active"] == 0
    assert "eggs" in got["warning"]


def test_gone_quiet_waits_close_after_days(tmp_path):
    # Quillstone's last word was Mon 23 Feb: 44 days later it is overdue, 45 days later gone quiet
    def quill(today, *extra):
        got = status_json(*extra, "--mailbox", "sample", "--today", today)
        return next(p["stage"] for p in got["processes"] if p["company"] == "Quillstone Insurance")

    assert quill("2026-04-08") == "overdue"
    assert quill("2026-04-09") == "gone_quiet"
    assert quill("2026-06-01", *config(tmp_path, "close_after_days = 200\n")) == "overdue"


@pytest.mark.parametrize("content, key", [
    ("min_active_processes = -1\n", "min_active_processes"),
    ("min_active_processes = 'three'\n", "min_active_processes"),
    ("min_active_processes = true\n", "min_active_processes"),
    ("close_after_days = 0\n", "close_after_days"),
    ("close_after_days = 4.5\n", "close_after_days"),
])
def test_a_bad_config_value_is_one_line(tmp_path, content, key):
    result = CliRunner().invoke(main, [*config(tmp_path, content), *SAMPLE, "status"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"'{key}' must be" in lines[0], result.output


def test_help_has_an_example():
    result = invoke("status", "--help")
    assert result.exit_code == 0 and "Example" in result.output


# ------------------------------------------------------------------------------ timeline

MON = date(2026, 3, 2)


def days(first, last, mark):
    return {MON + timedelta(days=n): mark for n in range(first, last + 1)}


def test_timeline_a_column_a_day_when_the_span_is_short():
    acme = days(0, 10, "·") | {MON + timedelta(days=3): "I", MON + timedelta(days=8): "P"} | days(11, 13, "!")
    acme[MON + timedelta(days=12)] = "C"
    bolt = days(2, 5, "·") | {MON + timedelta(days=6): "x"}
    text = render_timeline([Lane("Acme  overdue", acme), Lane("Bolt  rejected", bolt)], date(2026, 3, 15))
    assert text == "\n".join([
        "Mon 02 Mar 2026 to Sun 15 Mar 2026, a column a day; today Sun 15 Mar",
        "                02 Mar 09 Mar",
        "                +------+-----v",
        "Acme  overdue   ···I····P··!C!",
        "Bolt  rejected    ····x",
        "I interview  P promised date  C my check-in  · waiting  ! overdue  x rejected  $ offer  v today",
    ])


def test_timeline_a_column_a_week_when_the_span_is_long_and_the_strongest_mark_wins():
    lane = Lane("Acme  waiting", days(0, 119, "·") | {MON + timedelta(days=30): "I", MON + timedelta(days=31): "C"})
    text = render_timeline([lane], date(2026, 6, 1), width=40)
    assert text == "\n".join([
        "Mon 02 Mar 2026 to Mon 29 Jun 2026, a column a week, weeks from Monday; today Mon 01 Jun",
        "                   Apr May  Jun",
        "               ----+---+----v----",
        "Acme  waiting  ····I·············",
        "I interview  P promised date",
        "C my check-in  · waiting  ! overdue",
        "x rejected  $ offer  v today",
    ])


def test_timeline_keeps_the_latest_weeks_when_even_weeks_do_not_fit():
    lane = Lane("Old", {date(2020, 1, 6): "I", date(2026, 3, 2): "x"})
    text = render_timeline([lane], date(2026, 3, 12))
    grid = text.splitlines()[3]
    assert grid.endswith("x") and "I" not in grid
    assert max(len(line) for line in text.splitlines()) <= 100


def test_timeline_on_the_sample_fits_100_columns_with_one_row_each():
    result = invoke(*SAMPLE, "status", "--timeline")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0] == "Mon 09 Feb 2026 to Fri 20 Mar 2026, a column a day; today Thu 12 Mar"
    rows = {line.split("  ")[0]: line for line in lines[3:14]}
    assert set(rows) == set(EXPECTED_STAGES)
    col = lines[2].index("v")
    # Quillstone: interview Thu 19 Feb, promised Fri 27 Feb, overdue through today
    quill = rows["Quillstone Insurance"]
    start = lines[2].index("+")  # Mon 09 Feb
    assert quill[start + 10] == "I" and quill[start + 18] == "P" and quill[start + 19: col + 1] == "!" * 13
    assert rows["Pinecrest Outfitters"].rstrip().endswith("x")
    assert rows["Solvane Energy"].rstrip().endswith("$")
    assert rows["Northwind Labs"][col + 1] == "I"  # tomorrow's interview
    assert lines[14].endswith("v today")


def test_timeline_shows_a_withdrawal_and_only_then_explains_its_mark():
    lane = Lane("Acme  withdrawn", days(0, 3, "·") | {MON + timedelta(days=4): "w"})
    text = render_timeline([lane], date(2026, 3, 15))
    assert "····w" in text
    assert "w withdrew" in text
    plain = render_timeline([Lane("Bolt  waiting", days(0, 3, "·"))], date(2026, 3, 15))
    assert "withdrew" not in plain
