"""Never send: no code calls a send method, and the transport refuses one before it leaves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.gmail_transport import ALLOWED_METHODS, SendRefused
from tests.gmail_fixtures import gmail, run, sleeps  # noqa: F401

REPO = Path(__file__).resolve().parents[1]


def test_no_code_calls_a_send_method():
    pattern = re.compile(r"(messages|drafts)\(\)\s*\.\s*send\b|users/me/(messages|drafts)/send")
    for path in (REPO / "assistant").rglob("*.py"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_allowlist_has_no_send_or_destructive_method():
    for method in ALLOWED_METHODS:
        assert not re.search(r"send|delete|trash|insert|import|batchDelete|watch", method), method


@pytest.fixture
def api(gmail):
    from assistant.mailbox.gmail import GmailApi

    return GmailApi("read")


@pytest.mark.parametrize("build", [
    lambda u: u.messages().send(userId="me", body={"raw": "eA"}),
    lambda u: u.drafts().send(userId="me", body={"id": "r1"}),
    lambda u: u.messages().delete(userId="me", id="1"),
    lambda u: u.messages().insert(userId="me", body={"raw": "eA"}),
])
def test_the_client_refuses_to_build_a_send(gmail, api, build):
    before = gmail.round_trips
    with pytest.raises(SendRefused):
        build(api.users)
    assert gmail.round_trips == before and gmail.send_attempts == 0


def test_the_wire_guard_refuses_send_even_when_the_builder_is_bypassed(gmail, api):
    from googleapiclient.http import BatchHttpRequest, HttpRequest

    send_uri = api.root + "gmail/v1/users/me/messages/send"
    plain = HttpRequest(api.http, lambda r, c: c, send_uri, method="POST", body="{}",
                        methodId="gmail.users.messages.send")
    with pytest.raises(SendRefused):
        plain.execute()
    batch = BatchHttpRequest(batch_uri=api.batch_uri)
    batch.add(api.users.threads().get(userId="me", id="19c43d04e78b9a59"))
    batch.add(HttpRequest(api.http, lambda r, c: c, send_uri, method="POST", body="{}",
                          methodId="gmail.users.messages.send"))
    with pytest.raises(SendRefused):
        batch.execute()
    with pytest.raises(SendRefused):  # and nothing leaves for another host
        api.http.request("https://example.org/gmail/v1/users/me/profile")
    assert gmail.send_attempts == 0 and gmail.round_trips == 0


COMMANDS = [
    ["threads"], ["due"], ["due", "--label"], ["status"], ["remind"],
    ["lint", "-", "--thread", "ledgerline"],
    ["debrief", "ledgerline", "--show"],
    ["draft", "thank-you", "ledgerline"], ["draft", "status-check", "quillstone"],
    ["draft", "linkedin", "ledgerline", "--print"],
    ["sweep", "--dry-run"], ["sweep"],
    ["auth", "status"],
]


def test_every_command_on_gmail_sends_nothing_and_calls_only_allowed_methods(gmail, tmp_path):
    names = {c[0] for c in COMMANDS}
    missing = set(main.commands) - names
    assert not missing, f"add these commands to COMMANDS: {missing}"
    for args in COMMANDS:
        result = CliRunner().invoke(main, ["--mailbox", "gmail", "--today", "2026-03-12", *args],
                                    input="Thank you for your time.\n")
        assert "Traceback" not in result.output
        assert not isinstance(result.exception, (SendRefused, AttributeError, TypeError)), \
            (args, result.exception)
        assert result.exit_code in (0, 1, 2, 3), (args, result.output)
    assert gmail.send_attempts == 0
    assert set(gmail.counts) <= ALLOWED_METHODS
