#!/usr/bin/env python3
"""What a Gmail scan costs: requests, batch round trips and quota units, cold and warm.

Builds a 20,000-thread mailbox in the fake Gmail of tests/fake_gmail.py (500 hiring
threads of three messages, the rest personal mail, newsletters, notifications and job-alert
digests, some with hiring words in the subject), runs the real adapter through the real
google-api-python-client against it, and prints what the fake counted, beside the naive
approach (list, then one threads.get per matched thread, on every run). Pacing runs on a
simulated clock, so the figure "paced" is how long the client-side token bucket would hold
requests back to stay under 6,000 units per user per minute; nothing sleeps.

    .venv/bin/python bench/gmail_bench.py [--threads 20000] [--hiring 500] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fake_gmail import SCOPE_ALL, FakeGmail  # noqa: E402

ME = "jordan.rivera@gmail.com"


def _mail(sender, to, subject, body, day, extra=""):
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(1735689600 + day * 3600))
    return (f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\n"
            f"Message-ID: <{random.getrandbits(64):x}@bench>\n{extra}"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n").encode()


def build(fake: FakeGmail, threads: int, hiring: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    random.seed(seed)
    alerts_updates = alerts_promo = 0
    hiring_at = set(rng.sample(range(threads), hiring))
    for n in range(threads):
        day = n
        if n in hiring_at:
            co = f"company{n}"
            rec = f"Sam Lee <sam.lee@{co}.com>"
            subject = f"Interview for Senior Data Analyst at {co.title()}"
            first = fake.add_message(_mail(rec, ME, subject, "Are you free for a call on Tuesday?", day),
                                     labels=["Inbox", "Category Personal"])
            tid = first.thread_id
            fake.add_message(_mail(f"Jordan Rivera <{ME}>", rec, "Re: " + subject,
                                   "Tuesday at 10 works, thank you.", day + 1), thread_id=tid, labels=["Sent"])
            fake.add_message(_mail(rec, ME, "Re: " + subject,
                                   "Great, see you then. We'll get back to you by Friday after.", day + 2),
                             thread_id=tid, labels=["Inbox", "Category Personal"])
            continue
        kind = n % 20
        if kind == 0:  # a job-alert digest: a strong word in the subject, bulk mail
            promo = alerts_promo < alerts_updates * 3
            alerts_promo += promo
            alerts_updates += not promo
            fake.add_message(_mail("Jobs <alerts@jobboard.example>", ME, "New interview tips and 25 new roles",
                                   "See the roles", day, "List-Unsubscribe: <mailto:u@jobboard.example>\n"),
                             labels=["Inbox", "Category Promotions" if promo else "Category Updates"])
        elif kind < 8:
            fake.add_message(_mail("News <news@paper.example>", ME, f"Weekly digest #{n}", "Headlines",
                                   day, "List-Unsubscribe: <mailto:u@paper.example>\n"),
                             labels=["Inbox", "Category Updates"])
        elif kind < 12:
            fake.add_message(_mail("Shop <deals@shop.example>", ME, f"Your order update #{n}", "Shipped",
                                   day), labels=["Inbox", "Category Updates"])
        else:
            friend = f"Friend {n % 50} <friend{n % 50}@example.org>"
            m = fake.add_message(_mail(friend, ME, f"Weekend plans {n}", "Hike?", day),
                                 labels=["Inbox", "Category Personal"])
            if n % 3 == 0:
                fake.add_message(_mail(f"Jordan Rivera <{ME}>", friend, f"Re: Weekend plans {n}", "Sure", day + 1),
                                 thread_id=m.thread_id, labels=["Sent"])
    return {"threads": len(fake.threads), "messages": len(fake.messages), "hiring": hiring,
            "job_alerts_in_updates": alerts_updates, "job_alerts_in_promotions": alerts_promo}


def scan_once(fake: FakeGmail) -> dict:
    from assistant.gmail_transport import Pacer
    from assistant.mailbox.gmail import GmailApi, GmailMailbox

    clock = [0.0]
    pacer = Pacer(clock=lambda: clock[0], sleep=lambda s: clock.__setitem__(0, clock[0] + s))
    box = GmailMailbox(api_factory=lambda need: GmailApi(need, pacer=pacer), progress=lambda *a: _Quiet())
    fake.reset_counts()
    start = time.perf_counter()
    scan = box.scan(frozenset({ME}))
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "requests": fake.round_trips,
        "batch_round_trips": fake.batches,
        "threads_fetched": fake.counts["gmail.users.threads.get"],
        "list_pages": fake.counts["gmail.users.threads.list"],
        "units": fake.total_units,
        "per_method": dict(fake.counts),
        "paced_seconds": round(pacer.waited, 1),
        "candidate_threads": len(scan.threads),
    }


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def update(self, n):
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=20000)
    ap.add_argument("--hiring", type=int, default=500)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="gmail-bench-"))
    fake = FakeGmail(ME)
    t = time.perf_counter()
    shape = build(fake, args.threads, args.hiring)
    shape["build_seconds"] = round(time.perf_counter() - t, 1)
    url = fake.start()
    os.environ.update(FOLLOWUP_GMAIL_API=url, FOLLOWUP_CACHE_DIR=str(tmp / "cache"),
                      FOLLOWUP_CONFIG_DIR=str(tmp / "config"), FOLLOWUP_DATA_DIR=str(tmp / "data"))
    (tmp / "config").mkdir()
    (tmp / "config" / "token.json").write_text(json.dumps({"token": "access-1", "scopes": SCOPE_ALL,
                                                           "account": ME}))
    try:
        cold = scan_once(fake)
        warm = scan_once(fake)
    finally:
        fake.stop()
    matched = cold["threads_fetched"]
    pages = cold["list_pages"]
    naive = {"requests_per_run": pages + matched, "units_per_run": 10 * pages + 10 * matched}
    targets = {
        "cold_batches_at_most_ceil_hiring_over_50": cold["batch_round_trips"] <= math.ceil(args.hiring / 50),
        "warm_at_most_2_requests": warm["requests"] <= 2,
        "warm_fetches_no_thread": warm["threads_fetched"] == 0,
    }
    report = {"mailbox": shape, "cold": cold, "warm": warm, "naive": naive, "targets": targets}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"mailbox: {shape['threads']} threads, {shape['messages']} messages, {shape['hiring']} hiring "
              f"threads, {shape['job_alerts_in_updates'] + shape['job_alerts_in_promotions']} job-alert digests")
        for name, r in (("cold", cold), ("warm", warm)):
            print(f"{name:5} {r['requests']:4} requests ({r['batch_round_trips']} batches, {r['list_pages']} list "
                  f"pages), {r['threads_fetched']:4} threads fetched, {r['units']:5} units, "
                  f"{r['candidate_threads']} candidate threads, {r['seconds']} s (+{r['paced_seconds']} s pacing)")
        print(f"naive {naive['requests_per_run']:4} requests and {naive['units_per_run']} units on every run")
        for name, ok in targets.items():
            print(f"  {'ok ' if ok else 'MISS'} {name}")
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
