"""Shared fixtures, and a guard: no test may open a socket to anything but loopback."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_MBOX = REPO / "examples" / "sample.mbox"
CORPUS = REPO.parent / "shared" / "corpus" / "mail"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self, address):
        if not _is_loopback(address):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))


@pytest.fixture(autouse=True, scope="session")
def _shared_cache_dir(tmp_path_factory):
    """Tests never touch the user's cache; rebuildable caches are shared within a run."""
    import os

    os.environ["FOLLOWUP_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Config, data and drafts of a test live in its own temporary folder."""
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FOLLOWUP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FOLLOWUP_MAILBOX", raising=False)


def gmail_violations(start: int, passed: list[tuple[str, str]], other_processes: bool = False) -> list[str]:
    """What the fake Gmail servers received since RECEIVED[start] that breaks the never-send
    promise: any send/import/insert/delete/trash request, and any API request that did not
    pass the transport's guard (gmail_transport.PASSED) in this process."""
    from tests.fake_gmail import RECEIVED

    got = RECEIVED[start:]
    problems = [f"forbidden request reached Gmail: {r.verb} {r.path}" for r in got if r.forbidden]
    if not other_processes:
        # a set, not a count: google-auth retries a request the guard passed once after a 401
        unguarded = dict.fromkeys((r.verb, r.path) for r in got if r.api and (r.verb, r.path) not in set(passed))
        problems += [f"request did not go through the guard: {v} {p}" for v, p in unguarded]
    return problems


@pytest.fixture(autouse=True)
def _never_send(request):
    """Behavioural never-send check around every test: see gmail_violations. Tests that run
    the CLI as separate processes mark themselves `other_processes` (their guard is theirs)."""
    from urllib.parse import urlsplit

    from assistant import gmail_transport
    from tests.fake_gmail import RECEIVED

    passed: list[tuple[str, str]] = []

    def hook(method, uri):
        passed.append((method, urlsplit(uri).path))

    start = len(RECEIVED)
    gmail_transport.PASSED.append(hook)
    try:
        yield
    finally:
        gmail_transport.PASSED.remove(hook)
    problems = gmail_violations(start, passed, "other_processes" in request.keywords)
    assert not problems, "\n".join(problems)


def pytest_configure(config):
    config.addinivalue_line("markers", "other_processes: the test's Gmail requests come from "
                                       "child processes (only the forbidden-path check applies)")


def one_line_error(result) -> str:
    """Bad input ends as exactly one line and exit code 2, never a traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]
