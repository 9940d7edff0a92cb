#!/usr/bin/env python3
"""Benchmark `followup lint`: whole-process start-up and in-process speed.

In one run, each figure the median of --repeat runs, beside `python -c pass` measured
the same way in the same run:
  1. python -c pass (the floor);
  2. followup --help                      target < 150 ms (no textstat, no Gmail client);
  3. followup lint DRAFT                  target < 250 ms (syllable cache warm);
  4. lint() in-process, per draft, over tests/fixtures/drafts   target < 5 ms.
Exit status: 0 all targets met, 1 a target missed, 2 a command failed.

Usage: python bench/lint_bench.py [--repeat 9] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "tests" / "fixtures" / "drafts"
TARGETS_MS = {"help": 150.0, "lint": 250.0, "in_process": 5.0}


def wall(cmd: list[str], repeat: int, ok=(0, 1)) -> float:
    """Median wall time of a child process, in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode not in ok:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            raise SystemExit(2)
    return statistics.median(times)


def in_process(repeat: int) -> float:
    """Median over runs of the mean time per draft of lint() on the whole collection, in ms."""
    sys.path.insert(0, str(REPO))
    from assistant.lint import lint

    texts = [p.read_text(encoding="utf-8") for p in sorted(DRAFTS.glob("*/*.txt"))]
    lint(texts[0])  # loads the syllable dictionary once, as the first call in a process does
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            lint(t)
        runs.append((time.perf_counter() - start) * 1000 / len(texts))
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    followup = [py, "-m", "assistant"]
    draft = str(DRAFTS / "good" / "thank-you-1.txt")
    subprocess.run(followup + ["lint", draft], stdout=subprocess.DEVNULL)  # warm the syllable cache
    figures = {
        "python_pass": wall([py, "-c", "pass"], args.repeat),
        "help": wall(followup + ["--help"], args.repeat),
        "lint": wall(followup + ["lint", draft], args.repeat),
        "in_process": in_process(args.repeat),
    }
    met = {k: figures[k] < t for k, t in TARGETS_MS.items()}
    if args.json:
        print(json.dumps({"ms": figures, "targets_ms": TARGETS_MS, "met": met}, indent=2))
    else:
        print(f"python -c pass           {figures['python_pass']:7.1f} ms")
        for key, label in (("help", "followup --help"), ("lint", "followup lint draft.txt"),
                           ("in_process", "lint() per draft")):
            print(f"{label:24} {figures[key]:7.1f} ms   target < {TARGETS_MS[key]:.0f} ms  "
                  f"{'ok' if met[key] else 'MISSED'}")
        print(f"(medians of {args.repeat} runs; {os.cpu_count()} cpus; {sys.version.split()[0]})")
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
