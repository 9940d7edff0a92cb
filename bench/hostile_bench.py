"""Seconds and peak memory of each routine on adversarial mail (issue 9, items 4 and 5).

Every case runs in its own child process with a time cap, so a routine that never ends is
reported as ">CAP s" instead of stalling the benchmark. `--code DIR` points the child at
another checkout (the "before" figures: `--code /work/main`); the cases themselves always
come from this folder (`hostile_cases.py`) and are built in memory.

    .venv/bin/python bench/hostile_bench.py                       # this checkout
    .venv/bin/python bench/hostile_bench.py --code /work/main     # before, same cases
    .venv/bin/python bench/hostile_bench.py --big-mb 200          # + one 200 MB message

`--big-mb N` writes bench/data/big-message-N.mbox (git-ignored) once: a few ordinary
hiring messages and one N MB message (a short text part and a base64 attachment), then
times `followup threads` on it and reports its peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def child(name: str, n: int) -> None:
    """Build one case, time its work, print JSON: seconds of the work alone."""
    import hostile_cases  # bench/ is sys.path[0] when this file runs as a script

    build = hostile_cases.CASES[name][0]
    work = build(n)
    start = time.perf_counter()
    work()
    print(json.dumps({"seconds": time.perf_counter() - start}))


def run_child(argv: list[str], code: Path, cap: float, env_extra: dict | None = None,
              json_out: bool = True) -> dict:
    """Run a child with `code` first on PYTHONPATH; its seconds, peak RSS, or a timeout."""
    env = dict(os.environ, PYTHONPATH=str(code), **(env_extra or {}))
    started = time.perf_counter()
    # cwd "/": "python -m" puts the working folder ahead of PYTHONPATH on sys.path.
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, cwd="/")
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > cap:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            return {"timeout": True, "wall": cap, "peak_mib": usage.ru_maxrss / 1024}
        time.sleep(0.02)
    wall = time.perf_counter() - started
    out = proc.stdout.read().decode("utf-8", "replace")
    err = proc.stderr.read().decode("utf-8", "replace")
    result = {"timeout": False, "wall": wall, "peak_mib": usage.ru_maxrss / 1024,
              "ok": os.waitstatus_to_exitcode(status) == 0}
    if not result["ok"]:
        result["error"] = (err.strip().splitlines() or ["no output"])[-1][:200]
    elif json_out:
        result.update(json.loads(out.strip().splitlines()[-1]))
    else:
        result.update(seconds=wall, output=out)
    return result


def big_mailbox(mb: int) -> Path:
    """bench/data/big-message-N.mbox: ordinary hiring mail and one N MB message."""
    path = HERE / "data" / f"big-message-{mb}.mbox"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n"
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        for i in range(3):
            f.write(b"From megan@acme.com Mon Mar  2 09:30:00 2026\n"
                    b"From: Megan Holt <megan@acme.com>\nTo: jordan.rivera@gmail.com\n"
                    b"Subject: Interview for the Data Analyst role\n"
                    b"Date: Mon, 02 Mar 2026 09:30:00 +0000\n"
                    b"Message-ID: <m%d@acme.com>\n\nWe will get back to you by Friday.\n\n" % i)
        boundary = b"b-o-u-n-d"
        f.write(b"From megan@acme.com Tue Mar  3 09:30:00 2026\n"
                b"From: Megan Holt <megan@acme.com>\nTo: jordan.rivera@gmail.com\n"
                b"Subject: Re: Interview for the Data Analyst role\n"
                b"Date: Tue, 03 Mar 2026 09:30:00 +0000\nMessage-ID: <big@acme.com>\n"
                b"In-Reply-To: <m0@acme.com>\nMIME-Version: 1.0\n"
                b"Content-Type: multipart/mixed; boundary=\"" + boundary + b"\"\n\n"
                b"--" + boundary + b"\nContent-Type: text/plain\n\nThe case study is attached.\n"
                b"--" + boundary + b"\nContent-Type: application/pdf; name=case.pdf\n"
                b"Content-Disposition: attachment; filename=case.pdf\n"
                b"Content-Transfer-Encoding: base64\n\n")
        block = line * 8192
        for _ in range(mb * (1 << 20) // len(block)):
            f.write(block)
        f.write(b"--" + boundary + b"--\n\n")
    tmp.replace(path)
    return path


def big_run(mb: int, code: Path, cap: float) -> dict:
    """`followup threads` on the big mailbox in fresh folders: wall seconds and peak RSS."""
    import tempfile

    mbox = big_mailbox(mb)
    with tempfile.TemporaryDirectory(prefix="hostile-big-") as tmp:
        env = {f"FOLLOWUP_{k}_DIR": os.path.join(tmp, k.lower()) for k in ("CONFIG", "DATA", "CACHE")}
        argv = [sys.executable, "-m", "assistant", "--mailbox", str(mbox), "--me",
                "jordan.rivera@gmail.com", "--today", "2026-03-12", "--verbose", "threads"]
        return run_child(argv, code, cap, env, json_out=False)


def _cell(r: dict) -> str:
    if r["timeout"]:
        return f">{r['wall']:.0f} s, {r['peak_mib']:.0f} MiB+"
    if "seconds" not in r:
        return f"failed: {r.get('error', '')}"
    return f"{r['seconds']:.2f} s, {r['peak_mib']:.0f} MiB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code", type=Path, action="append",
                    help="checkout(s) to measure (default: this one); repeat for before/after")
    ap.add_argument("--cap", type=float, default=60, help="seconds before a case counts as stalled")
    ap.add_argument("--case", action="append", help="only these cases")
    ap.add_argument("--small", action="store_true", help="the test suite's sizes, not the benchmark's")
    ap.add_argument("--big-mb", type=int, default=0, help="also time threads on one N MB message")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.n)
        return 0

    sys.path.insert(0, str(HERE))
    import hostile_cases

    codes = args.code or [ROOT]
    rows = []
    for name, (build, small, big) in hostile_cases.CASES.items():
        if args.case and name not in args.case:
            continue
        n = small if args.small else big
        row = {"case": name, "n": n, "doc": (build.__doc__ or "").strip().splitlines()[0]}
        for code in codes:
            argv = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--n", str(n)]
            row[str(code)] = run_child(argv, code, args.cap)
            print(f"{name} n={n} [{code}]: {_cell(row[str(code)])}", file=sys.stderr)
        rows.append(row)
    if args.big_mb:
        row = {"case": f"threads, one {args.big_mb} MB message", "n": args.big_mb, "doc": "item 5"}
        for code in codes:
            row[str(code)] = big_run(args.big_mb, code, max(args.cap, 300))
            print(f"big {args.big_mb} MB [{code}]: {_cell(row[str(code)])}", file=sys.stderr)
        rows.append(row)

    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    header = "| case | n | " + " | ".join(str(c) for c in codes) + " |"
    print(header)
    print("|" + "---|" * (2 + len(codes)))
    for row in rows:
        print(f"| {row['case']} | {row['n']} | " + " | ".join(_cell(row[str(c)]) for c in codes) + " |")
    print("\nseconds: the routine alone (input built first, not timed); "
          "peak: the child process's max RSS, input included.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
