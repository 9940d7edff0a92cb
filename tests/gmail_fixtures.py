"""Fixtures for the Gmail tests: the fake server loaded with the sample mailbox, a token,
instant backoff sleeps. Import the fixtures into a test module by name."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import SAMPLE_MBOX
from tests.fake_gmail import SCOPE_ALL, FakeGmail

ME = "jordan.rivera@gmail.com"


def write_token(config_dir, token="access-1", refresh=None, scopes=SCOPE_ALL, url="", **extra):
    """A token.json as google-auth writes it; no refresh token means 'use as is'."""
    info = {"token": token, "scopes": list(scopes), "account": ME}
    if refresh:
        info.update(refresh_token=refresh, client_id="fake-client.apps.googleusercontent.com",
                    client_secret="fake-secret", token_uri=url + "token")
    info.update(extra)
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "token.json"
    path.write_text(json.dumps(info))
    return path


@pytest.fixture
def sleeps(monkeypatch):
    from assistant import gmail_transport

    waited: list[float] = []
    monkeypatch.setattr(gmail_transport, "SLEEP", waited.append)
    return waited


@pytest.fixture
def gmail(tmp_path, monkeypatch, sleeps):
    fake = FakeGmail(ME)
    fake.load_mbox(SAMPLE_MBOX)
    url = fake.start()
    fake.url = url
    monkeypatch.setenv("FOLLOWUP_GMAIL_API", url)
    monkeypatch.setenv("FOLLOWUP_CACHE_DIR", str(tmp_path / "cache"))
    write_token(tmp_path / "config")
    fake.config_dir = tmp_path / "config"
    yield fake
    fake.stop()


def run(*args, input=None):
    """followup with the Gmail mailbox on the demo day; returns the click Result."""
    from click.testing import CliRunner

    from assistant.cli import main

    runner = CliRunner()
    return runner.invoke(main, ["--mailbox", "gmail", "--today", "2026-03-12", *args],
                         input=input, catch_exceptions=False)


def run_json(*args):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


__all__ = ["ME", "gmail", "sleeps", "run", "run_json", "write_token", "os"]
