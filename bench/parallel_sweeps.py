"""How many drafts per key do N sweeps started at the same moment make? (issue 9, item 1)

    PYTHONPATH=$PWD .venv/bin/python bench/parallel_sweeps.py [--runs 5] [--rounds 3] [--code DIR]

Runs N `python -m assistant --mailbox sample --today 2026-03-12 sweep` as separate OS
processes on one drafts folder (local), then N against the fake Gmail server
(tests/fake_gmail.py on 127.0.0.1, one account), and prints the drafts per key and the
errors the runs printed. The right answer is exactly one draft per key, every time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MARKER = "X-Followup-Draft"
CODE = REPO  # the checkout whose `assistant` the sweeps run (--code: compare another one)


def sweep_env(root: Path, **extra) -> dict:
    """A private home under root for each run of the real CLI, on the code under test."""
    env = dict(os.environ, PYTHONPATH=str(CODE), FOLLOWUP_CONFIG_DIR=str(root / "config"),
               FOLLOWUP_DATA_DIR=str(root / "data"), FOLLOWUP_CACHE_DIR=str(root / "cache"))
    env.pop("FOLLOWUP_MAILBOX", None)
    env.update(extra)
    return env


# Each child runs the real CLI; once its plan is made (the scan done) it waits until all N
# have got that far, so they start drafting at the same moment, as two runs whose scans
# took the same time would. Nothing else is changed.
BARRIER = """
import os, sys, time, runpy
import assistant.sweep as sweep
folder, n = os.environ["SWEEP_BARRIER"], int(os.environ["SWEEP_RUNS"])
plan_sweep = sweep.plan_sweep
def planned_then_wait(*args, **kwargs):
    plan = plan_sweep(*args, **kwargs)
    open(os.path.join(folder, str(os.getpid())), "w").close()
    deadline = time.monotonic() + 120
    while len([f for f in os.listdir(folder) if f.isdigit()]) < n and time.monotonic() < deadline:
        time.sleep(0.005)
    return plan
sweep.plan_sweep = planned_then_wait
sys.argv = ["followup", *sys.argv[1:]]
runpy.run_module("assistant", run_name="__main__")
"""


def start_sweeps(n: int, mailbox: str, env: dict, *args: str) -> list[subprocess.CompletedProcess]:
    """N sweeps that reach their drafting together (see BARRIER)."""
    barrier = tempfile.mkdtemp(prefix="sweep-barrier-")
    env = dict(env, SWEEP_BARRIER=barrier, SWEEP_RUNS=str(n))
    cmd = [sys.executable, "-c", BARRIER, "--mailbox", mailbox, "--today", "2026-03-12", *args]
    # cwd: not a checkout, so that `assistant` comes from CODE (PYTHONPATH), not from "."
    procs = [subprocess.Popen(cmd, env=env, cwd=barrier, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(n)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(cmd, p.returncode, stdout.decode(), stderr.decode()))
    return out


def local_drafts(folder: Path) -> Counter:
    keys: Counter = Counter()
    for path in folder.glob("*.eml"):
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        keys[" ".join(str(msg.get(MARKER, "")).split())] += 1
    return keys


def gmail_drafts(fake) -> Counter:
    keys: Counter = Counter()
    for mid in fake.drafts.values():
        msg = message_from_bytes(fake.messages[mid].raw, policy=policy.default)
        keys[" ".join(str(msg.get(MARKER, "")).split())] += 1
    return keys


def local_round(n: int) -> tuple[Counter, list]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start_sweeps(1, "sample", sweep_env(root), "sweep", "--dry-run")  # a warm scan cache: the widest race
        runs = start_sweeps(n, "sample", sweep_env(root), "sweep")
        return local_drafts(root / "data" / "drafts"), runs


def gmail_round(n: int) -> tuple[Counter, list]:
    from tests.conftest import SAMPLE_MBOX
    from tests.fake_gmail import FakeGmail
    from tests.gmail_fixtures import ME, write_token

    fake = FakeGmail(ME)
    fake.load_mbox(SAMPLE_MBOX)
    url = fake.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            write_token(root / "config")
            runs = start_sweeps(n, "gmail", sweep_env(root, FOLLOWUP_GMAIL_API=url), "sweep")
            return gmail_drafts(fake), runs
    finally:
        fake.stop()


def _summary(keys: Counter, runs: list) -> str:
    per_key = sorted(keys.values())
    errors = [line for r in runs for line in (r.stderr + r.stdout).splitlines()
              if any(w in line for w in ("Error", "Traceback", "appeared while", "not saved"))]
    codes = Counter(r.returncode for r in runs)
    return (f"{len(keys)} keys, {sum(per_key)} drafts, drafts per key {per_key}; exit codes "
            f"{dict(codes)}; {len(errors)} error lines" + (f" (first: {errors[0][:120]})" if errors else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="sweeps started at once (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="times to repeat each (default 3)")
    parser.add_argument("--code", type=Path, default=REPO, help="checkout to run (default: this one)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    print(f"code: {CODE}", flush=True)
    worst = 0
    for name, one in (("local", local_round), ("gmail", gmail_round)):
        for i in range(args.rounds):
            keys, runs = one(args.runs)
            worst = max(worst, max(keys.values(), default=0))
            print(f"{name} round {i + 1}: {_summary(keys, runs)}", flush=True)
    return 0 if worst == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
