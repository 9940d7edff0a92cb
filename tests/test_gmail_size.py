"""A Gmail message over max_message_mb is read for its headers only (issue 9 item 5).

Through the real google-api-python-client against tests/fake_gmail.py: the message's
sizeEstimate decides; its date counts, its body and its invitation are not read (the same
facts as the same mail read locally), --verbose names it, and its .ics is never fetched.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from assistant.cli import main
from tests.gmail_fixtures import ME, gmail, run, sleeps  # noqa: F401
from tests.test_big_mail import FIRST, _with_attachment

# The invitation as a named attachment: Gmail serves it by attachmentId, a separate request.
BIG = _with_attachment(1).replace(b"Message-ID: <p1@acme.com>\n",
                                  b"Message-ID: <p1@acme.com>\nIn-Reply-To: <p0@acme.com>\n").replace(
    b"Content-Type: text/calendar; method=REQUEST\n",
    b"Content-Type: text/calendar; method=REQUEST; name=invite.ics\n"
    b"Content-Disposition: attachment; filename=invite.ics\n")


def _limit(gmail, mb) -> None:
    (gmail.config_dir / "config.toml").write_text(f"max_message_mb = {mb}\n")


def _load(gmail) -> str:
    gmail.add_message(FIRST, thread_id="b16", labels=["Inbox"])
    big = gmail.add_message(BIG, thread_id="b16", labels=["Inbox"])
    return big.id


def _acme(result) -> dict:
    assert result.exit_code == 0, result.output
    [process] = [p for p in json.loads(result.stdout) if p["subject"] == "Interview - Data Analyst"]
    return process


def test_a_message_over_the_limit_is_read_for_its_headers_only(gmail, tmp_path):
    _limit(gmail, 0.5)
    big_id = _load(gmail)
    loud = run("--verbose", "threads", "--json")
    process = _acme(loud)
    assert process["last_message"]["at"] == "2026-02-23T16:00:00-05:00"  # the big one counts
    assert process["promise"] is None  # its body, where "by Friday" is, was not read
    assert not any(i["source"] == "calendar" for i in process["interviews"])  # nor its invitation
    [note] = [line for line in loud.stderr.splitlines() if "headers only" in line]
    assert f"Gmail message {big_id}: 1 MB, over max_message_mb (0.5): read its headers only" in note

    gets = [p for m, p in gmail.log if m == "gmail.users.threads.get"]
    assert all("sizeEstimate" in p["fields"] for p in gets)
    assert not any(p["_path"].startswith(f"messages/{big_id}/") for m, p in gmail.log
                   if m == "gmail.users.messages.attachments.get")  # its .ics is never fetched

    mbox = tmp_path / "same.mbox"
    mbox.write_bytes(b"From megan@acme.com Fri Feb 20 10:00:00 2026\n" + FIRST
                     + b"\nFrom megan@acme.com Mon Feb 23 16:00:00 2026\n" + BIG + b"\n")
    local = CliRunner().invoke(main, ["--mailbox", str(mbox), "--me", ME, "--today", "2026-03-12",
                                      "threads", "--json"])
    gmail_ids = {"id": process["id"], "threads": process["threads"]}
    assert {**_acme(local), **gmail_ids} == process  # the same facts; only the ids are Gmail's

    gmail.reset_counts()
    warm = run("--verbose", "threads", "--json")
    assert _acme(warm) == process and "headers only" in warm.stderr  # from the cache, said again


def test_under_the_limit_its_body_and_invitation_are_read(gmail):
    big_id = _load(gmail)  # default limit: 25 MB
    process = _acme(run("threads", "--json"))
    assert process["promise"]["due"] == "2026-02-27"
    assert "2026-03-13T10:00:00-04:00" in [i["start"] for i in process["interviews"]]
    assert any(p["_path"].startswith(f"messages/{big_id}/") for m, p in gmail.log
               if m == "gmail.users.messages.attachments.get")
