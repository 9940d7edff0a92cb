#!/usr/bin/env python3
"""Benchmark the mailbox scan: `followup threads` against a naive full parse and a raw read.

In one run, on the same file, with the file already in the page cache:
  1. raw read: a Python process that reads the file in 1 MiB chunks and does nothing else;
  2. naive baseline: bench/naive.py, which parses every message with the standard library;
  3. the tool: followup --mailbox FILE --me ... --today 2026-03-12 threads --json.
Each is its own child process; its peak RSS and CPU time come from os.wait4() on that
child alone. Raw read and tool run --repeat times (median), the naive baseline once.

Targets (from the issue): tool >= 5x faster than naive, <= 3x the raw read's time, peak
RSS < 300 MiB. Exit status: 0 all targets met, 1 a target missed, 2 a command failed.

Usage: python bench/run.py [--size-mb 1024] [--repeat 3] [--naive-repeat 1] [--skip-naive] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_MBOX = BENCH / "data" / "big.mbox"
MIB = 1024 * 1024
ME = "jordan.rivera@gmail.com"
TODAY = "2026-03-12"

TARGET_SPEEDUP = 5.0  # tool vs naive, at least
TARGET_SLOWDOWN = 3.0  # tool vs raw read, at most
TARGET_RSS_MIB = 300.0  # tool peak RSS, below

RAW_READER = """
import sys
buf = bytearray(1 << 20)
total = 0
with open(sys.argv[1], "rb", buffering=0) as f:
    while n := f.readinto(buf):
        total += n
print(total)
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the file


def sidecar_path(mbox: Path) -> Path:
    return mbox.with_name(mbox.name + ".json")


def load_sidecar(mbox: Path) -> dict | None:
    try:
        meta = json.loads(sidecar_path(mbox).read_text())
    except (OSError, ValueError):
        return None
    if not mbox.exists() or mbox.stat().st_size != meta.get("bytes"):
        return None
    return meta


def ensure_mbox(mbox: Path, size_mb: int) -> dict:
    """The sidecar of an mbox of this size, generating the file first when needed."""
    meta = load_sidecar(mbox)
    if meta is not None and meta.get("size_mb") == size_mb:
        return meta
    log(f"generating {mbox} ({size_mb} MiB)...")
    done = subprocess.run(
        [sys.executable, str(BENCH / "make_mbox.py"), "--size-mb", str(size_mb), str(mbox)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    log(done.stdout.strip())
    meta = load_sidecar(mbox)
    if meta is None:
        raise RuntimeError(f"make_mbox.py did not leave {sidecar_path(mbox)}")
    return meta


def warm_page_cache(path: Path) -> float:
    """Read the file once so every measured run starts with it in the page cache."""
    buf = bytearray(MIB)
    t0 = time.perf_counter()
    with open(path, "rb", buffering=0) as f:
        while f.readinto(buf):
            pass
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- children


class Run:
    """One child process: wall time, its own CPU time and peak RSS, exit code, output."""

    def __init__(self, wall: float, cpu: float, rss_mib: float, code: int, out: str, err: str):
        self.wall, self.cpu, self.rss_mib, self.code, self.out, self.err = wall, cpu, rss_mib, code, out, err

    def failure(self) -> str:
        """One line saying why the child failed: its last stderr line."""
        lines = [ln.strip() for ln in self.err.splitlines() if ln.strip()]
        return f"exit {self.code}: {lines[-1] if lines else '(no output on stderr)'}"


def run_child(cmd: list[str], env: dict | None = None) -> Run:
    """Run cmd with stdin closed, output to temp files; rusage of this child only."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=REPO, env=env)
        except OSError as e:
            return Run(0.0, 0.0, 0.0, 127, "", f"cannot start {cmd[0]}: {e}")
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Run(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,  # KiB on Linux
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def tool_command(mbox: Path) -> list[str]:
    script = Path(sys.executable).parent / "followup"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "assistant"]
    return base + ["--mailbox", str(mbox), "--me", ME, "--today", TODAY, "threads", "--json"]


def run_tool(mbox: Path, rerun: bool = False) -> Run:
    """The tool with empty config, data and cache folders: every run is a first scan.

    With rerun, the tool runs once unmeasured first, so the measured run is the next
    morning's re-run on an unchanged file (the scan cache at work).
    """
    with tempfile.TemporaryDirectory(prefix="followup-home-", dir=mbox.parent) as home:
        env = dict(os.environ)
        env.pop("FOLLOWUP_MAILBOX", None)
        env.pop("FOLLOWUP_CACHE_DIR", None)
        for var, sub in (
            ("FOLLOWUP_CONFIG_DIR", "config"), ("FOLLOWUP_DATA_DIR", "data"),
            ("XDG_CONFIG_HOME", "xdg-config"), ("XDG_DATA_HOME", "xdg-data"),
            ("XDG_CACHE_HOME", "xdg-cache"), ("XDG_STATE_HOME", "xdg-state"),
        ):
            env[var] = os.path.join(home, sub)
        if rerun:
            run_child(tool_command(mbox), env)
        return run_child(tool_command(mbox), env)


def listed_threads(doc) -> list | None:
    """The list of threads in the tool's JSON, whatever it is wrapped in."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("threads", "processes", "items", "results"):
            if isinstance(doc.get(key), list):
                return doc[key]
        lists = [v for v in doc.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    return None


def recognised(hiring: list[dict], tool_json: str) -> int:
    """How many generated hiring threads show up in the tool's output, by Gmail thread id
    (decimal or hex) or, failing that, by the recruiter's address."""
    text = tool_json.lower()
    found = 0
    for h in hiring:
        thrid = int(h["thrid"])
        addr = h["recruiter"].rsplit("<", 1)[-1].rstrip(">").lower()
        if str(thrid) in text or f"{thrid:x}" in text or addr in text:
            found += 1
    return found


# --------------------------------------------------------------------------- figures


def summarize(runs: list[Run], nbytes: int) -> dict:
    wall = statistics.median(r.wall for r in runs)
    return {
        "runs": len(runs),
        "wall_s": round(wall, 3),
        "wall_s_all": [round(r.wall, 3) for r in runs],
        "mib_per_s": round(nbytes / MIB / wall, 1) if wall else None,
        "peak_rss_mib": round(max(r.rss_mib for r in runs), 1),
        "cpu_s": round(statistics.median(r.cpu for r in runs), 3),
    }


def measure(args: argparse.Namespace) -> tuple[dict, int]:
    mbox: Path = args.mbox
    meta = ensure_mbox(mbox, args.size_mb)
    nbytes = mbox.stat().st_size
    log(f"warming the page cache ({nbytes / MIB:.0f} MiB)...")
    warm_page_cache(mbox)

    raw_runs: list[Run] = []
    tool_runs: list[Run] = []
    tool_error = None
    for i in range(args.repeat):
        r = run_child([sys.executable, "-c", RAW_READER, str(mbox)])
        if r.code != 0:
            raise RuntimeError(f"raw read failed: {r.failure()}")
        raw_runs.append(r)
        log(f"raw read {i + 1}/{args.repeat}: {r.wall:.2f}s")
        if tool_error is None:
            t = run_tool(mbox)
            if t.code != 0:
                tool_error = t.failure()
                log(f"followup threads: FAILED ({tool_error})")
            else:
                tool_runs.append(t)
                log(f"followup threads {i + 1}/{args.repeat}: {t.wall:.2f}s, {t.rss_mib:.0f} MiB")

    rerun_runs: list[Run] = []
    if tool_error is None:
        for i in range(args.repeat):
            t = run_tool(mbox, rerun=True)
            if t.code == 0:
                rerun_runs.append(t)
                log(f"followup threads, re-run on the unchanged file {i + 1}/{args.repeat}: {t.wall:.2f}s")

    naive_runs: list[Run] = []
    naive_counts = None
    if not args.skip_naive:
        for i in range(args.naive_repeat):
            log(f"naive baseline {i + 1}/{args.naive_repeat} (parses every message, this is the slow one)...")
            r = run_child([sys.executable, str(BENCH / "naive.py"), str(mbox)])
            if r.code != 0:
                raise RuntimeError(f"naive baseline failed: {r.failure()}")
            naive_runs.append(r)
            log(f"naive baseline: {r.wall:.1f}s, {r.rss_mib:.0f} MiB")
            m = re.search(r"naive: (\d+) messages, (\d+) threads", r.out)
            naive_counts = {"messages": int(m.group(1)), "threads": int(m.group(2))} if m else None

    fig: dict = {
        "mbox": {
            "path": str(mbox),
            "bytes": nbytes,
            "size_mib": round(nbytes / MIB, 1),
            **{k: meta[k] for k in ("messages", "threads", "hiring_threads", "hiring_messages", "hiring_threads_open")},
        },
        "raw_read": summarize(raw_runs, nbytes),
        "naive": {**summarize(naive_runs, nbytes), **(naive_counts or {})} if naive_runs else None,
        "tool": {"command": " ".join(tool_command(mbox)), "ok": tool_error is None, "error": tool_error},
        # Linux starts a child's ru_maxrss at its parent's peak RSS (fork/vfork, then exec), so
        # no child can report less than this launcher's own peak.
        "rss_floor_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    fig["tool_rerun"] = summarize(rerun_runs, nbytes) if rerun_runs else None
    if tool_runs:
        fig["tool"].update(summarize(tool_runs, nbytes))
        try:
            doc = json.loads(tool_runs[-1].out)
        except ValueError:
            doc = None
        listed = listed_threads(doc)
        fig["tool"]["threads_listed"] = len(listed) if listed is not None else None
        fig["tool"]["hiring_threads_recognised"] = recognised(meta.get("hiring", []), tool_runs[-1].out)

    tool_wall = fig["tool"].get("wall_s")
    speedup = fig["naive"]["wall_s"] / tool_wall if tool_wall and fig["naive"] else None
    slowdown = tool_wall / fig["raw_read"]["wall_s"] if tool_wall else None
    rss = fig["tool"].get("peak_rss_mib")
    targets = [
        ("speed-up vs naive", f">= {TARGET_SPEEDUP:g}x", speedup, speedup is not None and speedup >= TARGET_SPEEDUP),
        ("slow-down vs raw read", f"<= {TARGET_SLOWDOWN:g}x", slowdown, slowdown is not None and slowdown <= TARGET_SLOWDOWN),
        ("tool peak RSS (MiB)", f"< {TARGET_RSS_MIB:g}", rss, rss is not None and rss < TARGET_RSS_MIB),
    ]
    fig["targets"] = [
        {
            "name": name,
            "target": want,
            "value": None if value is None else round(value, 2),
            "result": "n/a" if value is None else ("PASS" if ok else "FAIL"),
        }
        for name, want, value, ok in targets
    ]
    if tool_error is not None:
        status = 2
    elif all(t["result"] == "PASS" for t in fig["targets"] if t["result"] != "n/a"):
        status = 0
    else:
        status = 1
    return fig, status


def report(fig: dict) -> str:
    m = fig["mbox"]
    out = [
        f"mbox  {m['path']}",
        f"      {m['bytes']:,} bytes ({m['size_mib']:.0f} MiB), {m['messages']:,} messages, "
        f"{m['threads']:,} threads; {m['hiring_threads']} hiring threads ({m['hiring_messages']} messages, "
        f"{m['hiring_threads_open']} still open)",
        "",
        f"{'':22}{'wall s':>9}{'MiB/s':>9}{'peak RSS MiB':>14}{'cpu s':>9}   runs",
    ]

    def row(label: str, f: dict | None, note: str = "") -> None:
        if not f or "wall_s" not in f:
            out.append(f"{label:22}{note}")
            return
        how = f"median of {f['runs']}" if f["runs"] > 1 else "1"
        out.append(
            f"{label:22}{f['wall_s']:9.2f}{f['mib_per_s']:9.0f}{f['peak_rss_mib']:14.1f}{f['cpu_s']:9.2f}   {how}"
        )

    row("raw read (1 MiB)", fig["raw_read"])
    row("naive baseline", fig["naive"], "(skipped)")
    row("followup threads", fig["tool"], f"FAILED ({fig['tool']['error']})" if not fig["tool"]["ok"] else "")
    row("  re-run, same file", fig.get("tool_rerun"), "(not measured)")
    out.append(f"(peak RSS cannot read below the launcher's own {fig['rss_floor_mib']:.0f} MiB; see README)")
    out.append("")
    t = fig["tool"]
    if t.get("threads_listed") is not None or t.get("hiring_threads_recognised") is not None:
        listed = t.get("threads_listed")
        out.append(
            f"followup listed {listed if listed is not None else '?'} threads; "
            f"{t['hiring_threads_recognised']} of the {m['hiring_threads']} generated hiring threads "
            "are in its output (by thread id or recruiter address)"
        )
    n = fig["naive"]
    if n and "threads" in n:
        agrees = "" if (n["messages"], n["threads"]) == (m["messages"], m["threads"]) else "  (generator says otherwise!)"
        out.append(f"naive saw {n['messages']:,} messages in {n['threads']:,} threads{agrees}")
    out.append("")
    out.append(f"{'target':26}{'want':>10}{'measured':>11}   result")
    for tg in fig["targets"]:
        value = "-" if tg["value"] is None else (f"{tg['value']:.1f}" + ("" if "RSS" in tg["name"] else "x"))
        out.append(f"{tg['name']:26}{tg['target']:>10}{value:>11}   {tg['result']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=1024, help="mbox size in MiB (default 1024)")
    ap.add_argument("--mbox", type=Path, default=DEFAULT_MBOX, help=f"mbox to use or create (default {DEFAULT_MBOX})")
    ap.add_argument("--repeat", type=int, default=3, help="runs of raw read and tool; the median counts (default 3)")
    ap.add_argument("--naive-repeat", type=int, default=1, help="runs of the naive baseline (default 1)")
    ap.add_argument("--skip-naive", action="store_true", help="skip the naive baseline (speed-up: n/a)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.naive_repeat < 1 or args.size_mb < 1:
        ap.error("--size-mb, --repeat and --naive-repeat must be at least 1")
    args.mbox = args.mbox.resolve()
    try:
        fig, status = measure(args)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 2
    print(json.dumps(fig, indent=2) if args.json else report(fig))
    return status


if __name__ == "__main__":
    sys.exit(main())
