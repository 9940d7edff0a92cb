"""Reading Gmail through the real google-api-python-client, against tests/fake_gmail.py.

The fake holds the same mail as examples/sample.mbox, so the facts must be those of the
local run; the request and quota counts say what a scan costs.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from assistant.cli import main
from tests.conftest import SAMPLE_MBOX
from tests.gmail_fixtures import ME, gmail, run, run_json, sleeps, write_token  # noqa: F401

QUILLSTONE = "19c43d04e78b9a59"


def local_threads():
    result = CliRunner().invoke(main, ["--mailbox", str(SAMPLE_MBOX), "--today", "2026-03-12",
                                       "threads", "--json"])
    return json.loads(result.stdout)


# Same threads, ids and facts as the Takeout export: tests/test_parity.py (with drafts too).


def test_cold_scan_cost_batches_and_fields(gmail):
    run_json("threads")
    # profile + one list page + one batch of threads + one batch for the invite attachment
    assert gmail.round_trips == 4
    assert gmail.batches == 2
    assert gmail.counts["gmail.users.threads.list"] == 1
    gets = [params for method, params in gmail.log if method == "gmail.users.threads.get"]
    assert gets and all(p.get("fields") and p.get("format") == "full" for p in gets)
    assert gmail.send_attempts == 0


def test_warm_rerun_with_no_new_mail_is_one_request_and_no_fetch(gmail):
    first = run_json("threads")
    gmail.reset_counts()
    assert run_json("threads") == first
    assert gmail.round_trips == 1
    assert dict(gmail.counts) == {"gmail.users.history.list": 1}
    assert gmail.total_units == 2


def test_new_reply_fetches_only_its_thread(gmail):
    run_json("threads")
    gmail.reset_counts()
    raw = (b"From: Megan Doyle <megan.doyle@quillstone.com>\nTo: " + ME.encode() +
           b"\nSubject: Re: Onsite interview\nDate: Wed, 11 Mar 2026 10:00:00 -0400\n"
           b"Message-ID: <late-news@quillstone.com>\n\nSorry for the delay, news soon.\n")
    gmail.add_message(raw, thread_id=QUILLSTONE, labels=["Inbox"])
    found = {p["id"]: p for p in run_json("threads")}
    assert found[QUILLSTONE]["last_message"]["at"].startswith("2026-03-11")
    assert gmail.counts["gmail.users.threads.get"] == 1
    assert gmail.counts["gmail.users.history.list"] == 1


def test_unrelated_new_mail_costs_a_list_page_and_no_fetch(gmail):
    run_json("threads")
    gmail.reset_counts()
    gmail.add_message(b"From: Mom <mom@example.org>\nTo: jordan.rivera@gmail.com\nSubject: Dinner\n"
                      b"Date: Wed, 11 Mar 2026 10:00:00 -0400\n\nSunday?\n", labels=["Inbox"])
    run_json("threads")
    assert gmail.counts["gmail.users.threads.get"] == 0
    assert gmail.counts["gmail.users.threads.list"] == 1


def test_expired_history_id_means_a_full_resync_without_refetching(gmail):
    first = run_json("threads")
    gmail.expired_below = gmail.history_id + 1
    gmail.add_message(b"From: x@example.org\nSubject: hello\n\nhi\n")
    gmail.reset_counts()
    assert run_json("threads") == first
    assert gmail.counts["gmail.users.history.list"] == 1
    assert gmail.counts["gmail.users.threads.list"] == 1
    assert gmail.counts["gmail.users.threads.get"] == 0


def test_custom_query_from_config(gmail):
    (gmail.config_dir / "config.toml").write_text('gmail_query = "from:solvane"\n')
    found = run_json("threads")
    assert [p["state"] for p in found] == ["offer"]
    assert any(p.get("q") == "from:solvane" for _, p in gmail.log)


def test_interrupted_cold_scan_resumes_with_what_it_fetched(gmail):
    gmail.fail("gmail.users.threads.get", 400, times=1, in_batch=True)
    result = run("threads", "--json")
    assert result.exit_code == 2 and "Gmail API error 400" in result.stderr
    assert "Traceback" not in result.output
    gmail.reset_counts()
    assert run_json("threads") == local_threads()
    # the successes were kept: only the failed thread and one still waiting for its invite
    assert gmail.counts["gmail.users.threads.get"] <= 2


def test_wrong_account_is_one_line(gmail):
    result = run("--me", "someone.else@example.com", "threads")
    assert result.exit_code == 2
    assert "signed in as jordan.rivera@gmail.com" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_verbose_counts_and_no_progress_bar_when_piped(gmail):
    result = run("-v", "threads")
    assert result.exit_code == 0
    assert "Reading Gmail" not in result.stderr
    assert "me = jordan.rivera@gmail.com" in result.stderr


def test_custom_query_from_a_config_file_named_with_dash_dash_config(gmail, tmp_path):
    other = tmp_path / "elsewhere.toml"
    other.write_text('gmail_query = "from:solvane"\n')
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["--config", str(other), "--mailbox", "gmail", "--today", "2026-03-12",
                                       "threads", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [p["state"] for p in json.loads(result.stdout)] == ["offer"]


def test_robots_digests_are_not_even_fetched_but_an_ats_acknowledgement_is(gmail):
    alert = (b"From: Jobs <alerts@jobboard.example>\nTo: jordan.rivera@gmail.com\n"
             b"Subject: 5 interview tips and 25 new roles\nDate: Tue, 10 Mar 2026 08:00:00 +0000\n"
             b"Message-ID: <alert1@jobboard.example>\nList-Unsubscribe: <mailto:u@jobboard.example>\n\nTips.\n")
    ack = (b"From: Acme Careers <no-reply@greenhouse.io>\nTo: jordan.rivera@gmail.com\n"
           b"Subject: Thank you for applying to Acme Robotics\nDate: Tue, 10 Mar 2026 09:00:00 +0000\n"
           b"Message-ID: <ack1@greenhouse.io>\n\nThank you for applying to the Data Analyst role at Acme Robotics.\n")
    alert_thread = gmail.add_message(alert, labels=["INBOX", "CATEGORY_UPDATES"]).thread_id
    ack_thread = gmail.add_message(ack, labels=["INBOX", "CATEGORY_UPDATES"]).thread_id
    found = {p["id"]: p for p in run_json("threads")}
    fetched = {p["_path"].rsplit("/", 1)[-1] for method, p in gmail.log if method == "gmail.users.threads.get"}
    assert ack_thread in fetched and alert_thread not in fetched
    assert found[ack_thread]["state"] == "applied"


def _local(*args):
    result = CliRunner().invoke(main, ["--mailbox", str(SAMPLE_MBOX), "--today", "2026-03-12", *args])
    return json.loads(result.stdout)


def test_status_and_reminders_on_gmail_match_the_takeout_export(gmail):
    assert run_json("status") == _local("status", "--json")
    assert run_json("remind") == _local("remind", "--json")
    timeline = run("status", "--timeline")
    local = CliRunner().invoke(main, ["--mailbox", str(SAMPLE_MBOX), "--today", "2026-03-12", "status",
                                      "--timeline"])
    assert timeline.exit_code == 0 and timeline.stdout == local.stdout
