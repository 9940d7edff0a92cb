#!/usr/bin/env python3
"""What an IMAP scan costs against a real Dovecot: commands (each one round trip), bytes
the server sent, seconds; cold, warm, and with one new message.

Starts the test suite's Dovecot (tests/dovecot.py, on 127.0.0.1 with TLS), fills one account
with a 10,000-message mailbox written straight into its Maildir (300 hiring threads of three
messages, one reply of each in Sent; the rest personal mail, newsletters and job-alert
digests, a tenth of them in Archive), and runs the real adapter (assistant/mailbox/imap.py)
through a byte-counting relay. Needs Dovecot (`apt-get install dovecot-imapd`).

    .venv/bin/python bench/imap_bench.py [--messages 10000] [--hiring 300] [--json]

Goal (exit 1 when missed): a warm re-run with no new mail sends no FETCH, and at most one
command per folder beyond SELECT/EXAMINE/STATUS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ME = "jordan.rivera@example.test"


def _mail(sender, to, subject, body, hour, msgid, extra="", parent=None):
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(1767225600 + hour * 3600))
    refs = f"In-Reply-To: <{parent}>\nReferences: <{parent}>\n" if parent else ""
    return (f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{msgid}>\n{refs}{extra}"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n" + "Lorem ipsum dolor sit amet. " * 40 + "\n").encode()


def build(maildir: Path, messages: int, hiring: int, seed: int = 7) -> Counter:
    """Write the account's Maildir: INBOX in cur/, Sent in .Sent/cur/, Archive in .Archive/cur/."""
    rng = random.Random(seed)
    folders = {"INBOX": maildir, "Sent": maildir / ".Sent", "Archive": maildir / ".Archive"}
    for path in folders.values():
        for sub in ("cur", "new", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    n = 0

    def put(folder, raw):
        nonlocal n
        n += 1
        (folders[folder] / "cur" / f"1767225600.M{n}P1.bench:2,S").write_bytes(raw)
        counts[folder] += 1

    for t in range(hiring):
        co = f"company{t}"
        rec = f"Sam Lee <sam.lee@{co}.com>"
        subject = f"Interview for Senior Data Analyst at {co.title()}"
        put("INBOX", _mail(rec, ME, subject, "Are you free for a call on Tuesday?", t * 3, f"h{t}a@{co}"))
        put("Sent", _mail(f"Jordan Rivera <{ME}>", rec, "Re: " + subject, "Tuesday at 10 works, thank you.",
                          t * 3 + 1, f"h{t}b@example.test", parent=f"h{t}a@{co}"))
        put("INBOX", _mail(rec, ME, "Re: " + subject, "See you then. We'll get back to you by Friday after.",
                           t * 3 + 2, f"h{t}c@{co}", parent=f"h{t}b@example.test"))
    while n < messages:
        kind = rng.random()
        folder = "Archive" if rng.random() < 0.1 else "INBOX"
        if kind < 0.5:
            raw = _mail("Mom <mom@example.org>", ME, f"Dinner on Sunday? {n}", "Lasagna.", n, f"p{n}@example.org")
        elif kind < 0.8:
            raw = _mail("News <news@shop.example>", ME, f"Deals of the week {n}", "Sale.", n, f"s{n}@shop.example",
                        extra="List-Unsubscribe: <mailto:u@shop.example>\n")
        elif kind < 0.95:
            raw = _mail("Jobs <alerts@jobboard.example>", ME, f"25 new interview roles for you {n}", "Roles.",
                        n, f"j{n}@jobboard.example", extra="List-Id: <alerts.jobboard.example>\n")
        else:
            folder = "Sent"
            raw = _mail(f"Jordan Rivera <{ME}>", "friend@example.org", f"Weekend {n}", "Hike?", n, f"m{n}@example.test")
        put(folder, raw)
    return counts


def run_scan(box_factory, proxy) -> dict:
    before = sum(proxy.sizes)
    box = box_factory()
    start = time.perf_counter()
    scan = box.scan(frozenset({ME}))
    seconds = time.perf_counter() - start
    sent = Counter(box.commands)
    return {
        "seconds": round(seconds, 3),
        "commands": len(box.commands),
        "by_command": dict(sent),
        "fetch_commands": sent["UID FETCH"],
        "headers_fetched": box.fetched["headers"],
        "bodies_fetched": box.fetched["bodies"],
        "kib_from_server": round((sum(proxy.sizes) - before) / 1024, 1),
        "threads": len(scan.threads),
        "messages_seen": scan.messages_seen,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--hiring", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from tests.dovecot import CuttingProxy, Dovecot, dovecot_binary

    binary = dovecot_binary()
    if not binary:
        print("Dovecot is not installed: apt-get install dovecot-imapd", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="followup-imap-bench-"))
    os.environ["FOLLOWUP_CACHE_DIR"] = str(work / "cache")
    os.environ["FOLLOWUP_CONFIG_DIR"] = str(work / "config")
    os.environ["FOLLOWUP_DATA_DIR"] = str(work / "data")
    server = Dovecot(binary).start()
    try:
        user = server.add_user()
        home = server.root / "home" / user.name
        print(f"writing {args.messages} messages ...", file=sys.stderr)
        counts = build(home / "Maildir", args.messages, args.hiring)
        if os.geteuid() == 0:
            import pwd

            account = pwd.getpwnam("dovecot")
            for path in [home, *home.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
        user.status("INBOX")  # let Dovecot index the Maildir once, outside the measurement
        proxy = CuttingProxy(server.imaps_port)
        os.environ["FOLLOWUP_IMAP_PASSWORD"] = user.password

        from assistant.mailbox.imap import ImapMailbox, account_from

        acct = account_from(f"imap://{user.name}@127.0.0.1:{proxy.port}", {"tls_ca_file": str(server.ca_file)})
        factory = lambda: ImapMailbox(acct)  # noqa: E731
        cold = run_scan(factory, proxy)
        warm = run_scan(factory, proxy)
        user.append("INBOX", [_mail("Mom <mom@example.org>", ME, "One more dinner", "Sunday?", 99999, "late@example.org")])
        one_new = run_scan(factory, proxy)
        proxy.close()
    finally:
        server.stop()
        import shutil

        shutil.rmtree(work, ignore_errors=True)

    folders = len(counts)
    beyond = warm["commands"] - warm["by_command"].get("STATUS", 0) - warm["by_command"].get("EXAMINE", 0) \
        - warm["by_command"].get("SELECT", 0)
    # LOGIN, CAPABILITY, LIST and LOGOUT are per run, not per folder
    goal = warm["fetch_commands"] == 0 and beyond - 4 <= folders
    result = {"messages": sum(counts.values()), "folders": dict(counts), "cold": cold, "warm": warm,
              "one_new_message": one_new, "warm_goal_met": goal}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"IMAP account: {result['messages']} messages in {folders} folders {dict(counts)}, "
              f"{args.hiring} hiring threads (Dovecot on 127.0.0.1, TLS)")
        print(f"{'run':<18}{'seconds':>9}{'commands':>10}{'FETCH':>7}{'headers':>9}{'bodies':>8}{'KiB down':>10}")
        for name, r in (("cold", cold), ("warm, no new mail", warm), ("one new message", one_new)):
            print(f"{name:<18}{r['seconds']:>9}{r['commands']:>10}{r['fetch_commands']:>7}"
                  f"{r['headers_fetched']:>9}{r['bodies_fetched']:>8}{r['kib_from_server']:>10}")
        print(f"warm commands: {warm['by_command']}")
        print(f"threads found: {cold['threads']} (cold) {warm['threads']} (warm)")
        print(f"goal (warm: no FETCH, <= 1 command per folder beyond SELECT/STATUS): {'PASS' if goal else 'FAIL'}")
    return 0 if goal and cold["threads"] == warm["threads"] == args.hiring else 1


if __name__ == "__main__":
    sys.exit(main())
