#!/usr/bin/env python3
"""The naive baseline: what a newcomer would write to list the threads of an mbox.

Every message is parsed in full with the standard library (headers, MIME tree, the
preferred text body decoded), then grouped by Gmail's X-GM-THRID. It measures the work of
reading a mailbox the obvious way, not any feature of `followup`.

Usage: python bench/naive.py MBOX   ->  prints "naive: N messages, T threads"
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: naive.py MBOX", file=sys.stderr)
        return 2
    box = mailbox.mbox(argv[0], create=False)
    threads: dict[str, dict] = {}
    messages = 0
    for key in box.iterkeys():
        raw = box.get_bytes(key)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        subject = str(msg.get("subject", ""))
        sender = str(msg.get("from", ""))
        date = str(msg.get("date", ""))
        body = msg.get_body(preferencelist=("plain", "html"))
        text = body.get_content() if body is not None else ""
        thread_id = str(msg.get("x-gm-thrid", "")) or str(msg.get("message-id", ""))
        thread = threads.setdefault(thread_id, {"messages": 0, "chars": 0})
        thread["messages"] += 1
        thread["chars"] += len(text)
        thread["last"] = (date, sender, subject)
        messages += 1
    print(f"naive: {messages} messages, {len(threads)} threads")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
