#!/usr/bin/env python3
"""Benchmark `followup lint`: whole-process start-up and in-process speed.

In one run, each figure the median of --repeat runs, beside `python -c pass` measured
the same way in the same run:
  1. python -c pass (the floor);
  2. followup --help                      target < 150 ms (no textstat, no Gmail client);
  3. followup lint DRAFT                  target < 250 ms (syllable cache warm);
  4. lint() in-process, per draft, over tests/fixtures/drafts   target < 5 ms;
  5. followup lint BIG.eml on generated emails of 1 and 5 MB (--sizes): seconds per MB
     (wall and CPU) and peak memory (max RSS of that process); target: linear, i.e. CPU
     seconds per MB at the largest size at most 1.5x those at the smallest.
Exit status: 0 all targets met, 1 a target missed, 2 a command failed.

The code measured is the code Python imports: this worktree, or PYTHONPATH's when set,
so `PYTHONPATH=/work/main python bench/lint_bench.py` measures another checkout the same
way (children run in a scratch folder, so the current directory does not shadow it).

Usage: python bench/lint_bench.py [--repeat 9] [--sizes 1,5] [--shape email|one-paragraph] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "tests" / "fixtures" / "drafts"
TARGETS_MS = {"help": 150.0, "lint": 250.0, "in_process": 5.0}
LINEAR_SLACK = 1.5  # CPU s/MB at the largest size over that at the smallest
SCRATCH = Path(tempfile.mkdtemp(prefix="lint-bench-"))
CODE = os.environ.get("PYTHONPATH") or str(REPO)
ENV = {**os.environ, "PYTHONPATH": CODE}


def wall(cmd: list[str], repeat: int, ok=(0, 1)) -> float:
    """Median wall time of a child process, in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=SCRATCH, env=ENV)
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode not in ok:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            raise SystemExit(2)
    return statistics.median(times)


def in_process(repeat: int) -> float:
    """Median over runs of the mean time per draft of lint() on the whole collection, in ms."""
    sys.path[:0] = CODE.split(os.pathsep)
    from assistant.lint import lint

    texts = [p.read_text(encoding="utf-8") for p in sorted(DRAFTS.glob("*/*.txt"))]  # .txt: the same set before and after
    lint(texts[0])  # loads the syllable dictionary once, as the first call in a process does
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            lint(t)
        runs.append((time.perf_counter() - start) * 1000 / len(texts))
    return statistics.median(runs)


def big_email(megabytes: float, shape: str = "email") -> Path:
    """An .eml of about `megabytes` MB: headers, a body of the good drafts' paragraphs over
    and over, a signature, and a quoted history a tenth of the size. Shape "one-paragraph"
    joins the body into one paragraph (the worst case for sentence splitting)."""
    paragraphs = []
    for path in sorted((DRAFTS / "good").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n")[1:-1] if len(p) > 80]
    size = int(megabytes * 1_000_000)
    head = ("From: Sam Carter <sam@example.com>\nTo: Priya Shah <priya@example.com>\n"
            "Subject: Re: Interview on Tuesday\nDate: Wed, 11 Mar 2026 17:42:10 +0000\n"
            "X-Followup-Draft: thank-you; thread=19c94874d0882c20; to=priya@example.com\n\nHi Priya,\n\n")
    tail = "\n\nBest regards,\nSam Carter\n-- \nSam Carter | +44 20 7946 0000\n\n" \
           "On Mon, 9 Mar 2026 at 10:02, Priya Shah <priya@example.com> wrote:\n"
    quoted = "> Thank you for your time today; we will be in touch by Friday.\n"
    body, n, i = [], 0, 0
    while n < size * 0.9:
        body.append(paragraphs[i % len(paragraphs)])
        n += len(body[-1]) + 2
        i += 1
    text = head + ("\n\n" if shape == "email" else " ").join(body) + tail + quoted * max(1, int(size * 0.1) // len(quoted))
    path = SCRATCH / f"big-{shape}-{megabytes:g}mb.eml"
    path.write_text(text, encoding="utf-8")
    return path


def large(sizes: list[float], shape: str) -> dict:
    """Per size: wall and CPU seconds per MB, and peak RSS in MB, of `followup lint BIG.eml`."""
    out = {}
    for mb in sizes:
        path = big_email(mb, shape)
        real_mb = path.stat().st_size / 1_000_000
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "assistant", "lint", str(path)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=SCRATCH, env=ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.stderr.write(child.stderr.read().decode(errors="replace"))
            raise SystemExit(2)
        cpu = usage.ru_utime + usage.ru_stime
        out[f"{mb:g}"] = {"mb": round(real_mb, 2), "wall_s_per_mb": round(wall / real_mb, 2),
                          "cpu_s_per_mb": round(cpu / real_mb, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--sizes", default="1,5", help="MB of the large emails, comma-separated; '' skips them")
    ap.add_argument("--shape", choices=("email", "one-paragraph"), default="email",
                    help="the large email's body: paragraphs (default) or one long paragraph")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sizes = [float(x) for x in args.sizes.split(",") if x.strip()]
    py = sys.executable
    followup = [py, "-m", "assistant"]
    draft = str(DRAFTS / "good" / "thank-you-1.txt")
    subprocess.run(followup + ["lint", draft], stdout=subprocess.DEVNULL, cwd=SCRATCH, env=ENV)  # warm the cache
    figures = {
        "python_pass": wall([py, "-c", "pass"], args.repeat),
        "help": wall(followup + ["--help"], args.repeat),
        "lint": wall(followup + ["lint", draft], args.repeat),
        "in_process": in_process(args.repeat),
    }
    met = {k: figures[k] < t for k, t in TARGETS_MS.items()}
    big = large(sizes, args.shape) if sizes else {}
    if len(big) > 1:
        rates = [v["cpu_s_per_mb"] for v in big.values()]
        met["linear"] = rates[-1] <= LINEAR_SLACK * rates[0]
    if args.json:
        print(json.dumps({"code": CODE, "ms": figures, "targets_ms": TARGETS_MS, "large": big, "met": met},
                         indent=2))
    else:
        print(f"python -c pass           {figures['python_pass']:7.1f} ms")
        for key, label in (("help", "followup --help"), ("lint", "followup lint draft.txt"),
                           ("in_process", "lint() per draft")):
            print(f"{label:24} {figures[key]:7.1f} ms   target < {TARGETS_MS[key]:.0f} ms  "
                  f"{'ok' if met[key] else 'MISSED'}")
        for name, v in big.items():
            print(f"lint {v['mb']:5.2f} MB .eml      {v['wall_s_per_mb']:7.2f} s/MB wall  "
                  f"{v['cpu_s_per_mb']:5.2f} s/MB cpu  peak {v['peak_rss_mb']:6.1f} MB")
        if "linear" in met:
            print(f"linear (cpu s/MB at {list(big)[-1]} MB <= {LINEAR_SLACK}x at {list(big)[0]} MB): "
                  f"{'ok' if met['linear'] else 'MISSED'}")
        print(f"(medians of {args.repeat} runs; {os.cpu_count()} cpus; {sys.version.split()[0]}; code: {CODE})")
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
