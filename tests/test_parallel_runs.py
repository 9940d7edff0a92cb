"""Two runs at once never make two drafts: sweeps started together as real processes, on
local drafts and on the fake Gmail server, leave exactly one draft per key; a run that
finds the lock held waits and says so, or with --no-wait stops with one line (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from assistant import safefiles
from tests.conftest import SAMPLE_MBOX
from tests.fake_gmail import FakeGmail
from tests.gmail_fixtures import ME, write_token

RUNS = 5
KEYS_ON_THE_12TH = 5  # three thank-yous, a status check, a keep-in-touch (test_sweep.py)


def _env(tmp_path: Path, **extra) -> dict:
    from bench.parallel_sweeps import sweep_env

    return sweep_env(tmp_path, **extra)


def _sweeps(n: int, mailbox: str, env: dict, *args: str) -> list[subprocess.CompletedProcess]:
    """N real `followup` processes that reach their drafting at the same moment (the scan
    done, each waits for the others: bench/parallel_sweeps.py's BARRIER), as two runs
    whose scans took the same time would."""
    from bench.parallel_sweeps import start_sweeps

    return start_sweeps(n, mailbox, env, *args)


def _per_key(raws) -> Counter:
    keys: Counter = Counter()
    for raw in raws:
        msg = message_from_bytes(raw, policy=policy.default)
        keys[" ".join(str(msg["X-Followup-Draft"]).split())] += 1
    return keys


def _assert_clean(runs) -> None:
    for r in runs:
        assert r.returncode == 0, r.stdout + r.stderr
        assert "Traceback" not in r.stderr and "appeared while" not in r.stdout, r.stdout + r.stderr


def test_five_sweeps_at_once_on_local_drafts_make_one_draft_per_key(tmp_path):
    env = _env(tmp_path)
    _sweeps(1, "sample", env, "sweep", "--dry-run")  # a warm scan cache: the race is at its widest
    runs = _sweeps(RUNS, "sample", env, "sweep")
    _assert_clean(runs)
    drafts = sorted((tmp_path / "data" / "drafts").glob("*.eml"))
    per_key = _per_key(p.read_bytes() for p in drafts)
    assert len(per_key) == KEYS_ON_THE_12TH and set(per_key.values()) == {1}, per_key
    leftovers = [p.name for p in (tmp_path / "data").rglob("*") if p.name.endswith((".tmp", ".new"))]
    assert leftovers == []


@pytest.mark.other_processes
def test_five_sweeps_at_once_on_gmail_make_one_draft_per_key(tmp_path):
    fake = FakeGmail(ME)
    fake.load_mbox(SAMPLE_MBOX)
    url = fake.start()
    try:
        write_token(tmp_path / "config")
        env = _env(tmp_path, FOLLOWUP_GMAIL_API=url)
        runs = _sweeps(RUNS, "gmail", env, "sweep")
    finally:
        fake.stop()
    _assert_clean(runs)
    per_key = _per_key(fake.messages[mid].raw for mid in fake.drafts.values())
    assert len(per_key) == KEYS_ON_THE_12TH and set(per_key.values()) == {1}, per_key
    assert fake.counts["gmail.users.drafts.create"] == KEYS_ON_THE_12TH
    ledger = next((tmp_path / "data").glob("gmail-drafts-*.json"))
    assert len(__import__("json").loads(ledger.read_text())) == KEYS_ON_THE_12TH


@pytest.fixture
def held_lock(tmp_path):
    """The local write lock, held by this test process as another run would hold it
    (conftest points FOLLOWUP_DATA_DIR at tmp_path / "data", as _env does)."""
    with safefiles.run_lock("local") as path:
        yield path


def test_no_wait_stops_at_once_with_one_line_when_another_run_writes(tmp_path, held_lock):
    run = _sweeps(1, "sample", _env(tmp_path), "--no-wait", "sweep")[0]
    assert run.returncode == 2, run.stdout + run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "another followup run" in lines[0] and f"pid {os.getpid()}" in lines[0]
    assert not list((tmp_path / "data").glob("drafts/*.eml"))


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path):
    cmd = [sys.executable, "-m", "assistant", "--mailbox", "sample", "--today", "2026-03-12", "sweep"]
    first: list[str] = []
    with safefiles.run_lock("local"):  # the first run, writing
        proc = subprocess.Popen(cmd, env=_env(tmp_path), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            reader = threading.Thread(target=lambda: first.append(proc.stderr.readline()), daemon=True)
            reader.start()
            reader.join(timeout=120)
            assert first and "waiting for another followup run" in first[0], first
            assert proc.poll() is None and not list((tmp_path / "data").glob("drafts/*.eml"))
        except BaseException:
            proc.kill()
            raise
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    assert len(list((tmp_path / "data").glob("drafts/*.eml"))) == KEYS_ON_THE_12TH
