"""followup remind --ics: the sample's upcoming follow-up dates as calendar events, read back with icalendar."""

import json
from datetime import date, timedelta

from click.testing import CliRunner
from icalendar import Calendar

from assistant.cli import main

SAMPLE = ("--mailbox", "sample", "--today", "2026-03-12")

# (date, kind, company) for the sample on Thu 12 Mar 2026
EXPECTED = [
    (date(2026, 3, 12), "thank-you", "Ledgerline"),  # interview Wed 11 Mar: last day is the next business day
    (date(2026, 3, 12), "status-check", "Quillstone Insurance"),  # overdue since 28 Feb, no check-in sent: today
    (date(2026, 3, 13), "interview", "Northwind Labs"),
    (date(2026, 3, 16), "thank-you", "Northwind Labs"),  # Fri 13 Mar interview -> Mon 16 Mar
    (date(2026, 3, 18), "status-check", "Orbital Payments"),  # "early next week" = Tue 17 Mar
    (date(2026, 3, 20), "status-check", "Spreewerk GmbH"),  # no promise: waiting ends Thu 19 Mar, fair the day after
    (date(2026, 3, 21), "status-check", "Brightwave"),  # "by the end of next week" (Tue 10 Mar) = Fri 20 Mar
    (date(2026, 3, 21), "status-check", "Cascade Metrics"),  # "within two weeks" = Fri 20 Mar -> fair from Sat 21 Mar
    (date(2026, 3, 26), "status-check", "Ledgerline"),
]


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def write(tmp_path, today="2026-03-12", name="f.ics"):
    out = tmp_path / name
    result = invoke("--mailbox", "sample", "--today", today, "remind", "--ics", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_an_all_day_event_for_every_upcoming_follow_up(tmp_path):
    out = write(tmp_path)
    found = events(out.read_bytes())
    got = [(e.decoded("dtstart"), str(e["categories"].cats[0]), str(e["summary"])) for e in found]
    assert [(d, kind) for d, kind, _ in got] == [(d, kind) for d, kind, _ in EXPECTED]
    for (_, _, company), (_, _, summary) in zip(EXPECTED, got):
        assert company in summary
    summaries = [s for _, _, s in got]
    assert summaries[0] == "Send a thank-you to Ledgerline (last day)"
    assert summaries[1] == "Send Quillstone Insurance one polite status check"
    assert summaries[2] == "Interview with Northwind Labs (Senior Data Analyst); write the debrief tonight"
    for e in found:
        assert e.decoded("dtend") - e.decoded("dtstart") == timedelta(days=1)
        assert type(e.decoded("dtstart")) is date  # all-day
        assert str(e["uid"]).endswith("@followup.interview-followup")
        (alarm,) = e.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
    northwind = found[2]
    assert "followup debrief 19cb40d4ee8d5a40" in str(northwind["description"])
    assert northwind.walk("VALARM")[0].decoded("trigger") == timedelta(hours=-15)  # 9:00 the day before
    quill = found[1]
    assert 'they said "by Friday"' in str(quill["description"])
    assert "followup draft status-check 19c43d04e78b9a59" in str(quill["description"])
    assert Calendar.from_ical(out.read_bytes())["prodid"] == "-//interview-followup//followup remind//EN"


def test_the_same_day_gives_the_same_bytes_and_uids_outlive_the_day(tmp_path):
    first = write(tmp_path, name="a.ics").read_bytes()
    second = write(tmp_path, name="b.ics").read_bytes()
    assert first == second
    uids = [str(e["uid"]) for e in events(first)]
    assert len(set(uids)) == len(uids)
    assert uids[0] == "19c94874d0882c20-thank-you-1@followup.interview-followup"
    assert uids[1] == "19c43d04e78b9a59-status-check@followup.interview-followup"
    assert str(events(first)[0]["dtstamp"].to_ical(), "ascii") == "20260312T000000Z"

    # Two days on, the Quillstone check-in moved to the new today: same UID, a later date and
    # a higher SEQUENCE, so importing updates the event instead of adding one.
    later = {str(e["uid"]): e for e in events(write(tmp_path, today="2026-03-14", name="c.ics").read_bytes())}
    before = {str(e["uid"]): e for e in events(first)}
    quill = "19c43d04e78b9a59-status-check@followup.interview-followup"
    assert later[quill].decoded("dtstart") == date(2026, 3, 14)
    assert int(later[quill]["sequence"]) > int(before[quill]["sequence"])
    # Northwind's interview (Fri 13 Mar) has passed: its thank-you keeps its UID and date, and
    # a status check joins; the interview itself is no longer ahead
    northwind = "19cb40d4ee8d5a40-{}@followup.interview-followup"
    assert set(later) - set(before) == {northwind.format("status-check")}
    assert later[northwind.format("thank-you-1")].decoded("dtstart") == date(2026, 3, 16)
    assert northwind.format("interview-1") not in later


def test_dash_writes_to_standard_output():
    result = invoke(*SAMPLE, "remind", "--ics", "-")
    assert result.exit_code == 0
    assert result.output.startswith("BEGIN:VCALENDAR")
    assert len(events(result.output.encode())) == len(EXPECTED)


def test_the_file_is_replaced_whole(tmp_path):
    out = tmp_path / "f.ics"
    out.write_text("old")
    result = invoke(*SAMPLE, "remind", "--ics", str(out))
    assert result.output == f"Wrote 9 reminders to {out}.\n"
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.ics"]  # no .new left behind


def test_an_unwritable_place_is_one_line(tmp_path):
    result = CliRunner().invoke(main, [*SAMPLE, "remind", "--ics", str(tmp_path / "missing" / "f.ics")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot write" in lines[0]


def test_without_ics_a_list_and_json():
    result = invoke(*SAMPLE, "remind")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Thu 12 Mar  Send a thank-you to Ledgerline (last day)"
    assert len(result.output.splitlines()) == len(EXPECTED)
    got = json.loads(invoke(*SAMPLE, "remind", "--json").output)
    assert [(r["date"], r["kind"], r["company"]) for r in got] == [
        (d.isoformat(), kind, company) for d, kind, company in EXPECTED]


def test_closed_and_quiet_processes_have_no_reminders():
    got = json.loads(invoke("--mailbox", "sample", "--today", "2026-06-01", "remind", "--json").output)
    assert got == []


def test_help_has_an_example():
    result = invoke("remind", "--help")
    assert result.exit_code == 0 and "Example" in result.output
