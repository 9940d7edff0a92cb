"""Gmail and its Takeout export tell the same story (issue 8, acceptance).

The same messages, once as a Takeout mbox and once behind the fake Gmail server
(tests/fake_gmail.py, through the real google-api-python-client), give the same
`threads --json` for every process: ids, state, company, role, wait_until, interviews and
the rest. The mail is the bundled sample, and the sample with unsent drafts added (Takeout
labels them "Drafts", Gmail "DRAFT"), so that parity covers drafts too.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from assistant.cli import main
from tests.conftest import SAMPLE_MBOX
from tests.gmail_fixtures import sleeps  # noqa: F401
from tests.mailmaker import PINECREST, gmail_serving, interview_with_unsent_thank_you, mine, sample_with

FACTS = ("state", "company", "role", "wait_until", "interviews")


def with_drafts(tmp_path):
    """The sample, plus Harbor's unsent thank-you and an unsent reply to Pinecrest's rejection."""
    unsent = mine("luis.ortega@pinecrest-outfitters.com", "Re: Phone screen - Senior Data Analyst, Merchandising",
                  "Hi Luis,\n\nThank you for letting me know.\n\nJordan\n",
                  datetime(2026, 3, 10, 8, 30, tzinfo=timezone(timedelta(hours=-5))), PINECREST,
                  "unsent-reply@me", labels="Drafts")
    return sample_with(tmp_path / "All mail.mbox", interview_with_unsent_thank_you() + [unsent])


def threads_json(mailbox: str, today: str) -> list[dict]:
    result = CliRunner().invoke(main, ["--mailbox", mailbox, "--today", today, "threads", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("today", ["2026-03-10", "2026-03-12"])
@pytest.mark.parametrize("mail", ["sample", "sample with drafts"])
def test_gmail_and_its_takeout_export_give_the_same_facts(tmp_path, monkeypatch, sleeps, mail, today):  # noqa: F811
    takeout = SAMPLE_MBOX if mail == "sample" else with_drafts(tmp_path)
    local = threads_json(str(takeout), today)
    fake = gmail_serving(takeout, tmp_path, monkeypatch)
    try:
        gmail = threads_json("gmail", today)
    finally:
        fake.stop()
    assert [p["id"] for p in gmail] == [p["id"] for p in local]
    for g, t in zip(gmail, local):
        assert {k: g[k] for k in FACTS} == {k: t[k] for k in FACTS}, t["company"]
    assert gmail == local  # and everything else threads --json says
    if mail == "sample with drafts":
        facts = {p["company"]: p for p in local}
        assert facts["Harbor Analytics"]["state"] == ("thank_you_due" if today == "2026-03-10" else "waiting")
        assert facts["Pinecrest Outfitters"]["last_message"]["from_me"] is False
