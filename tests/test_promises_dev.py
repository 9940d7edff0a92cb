"""find_promise on the development set of real sentences (shared/corpus/promises/dev.jsonl).

The set is labelled under PROMISES.md and is used as a development set, not a lookup
table: the reader has no phrase from it, and tests/test_promises.py holds our own
sentences for each class of wording. This test reports the exact-match rate per kind
(date, range, vague, none and the negatives) and fails when the overall rate drops
under 95%, the bar of issue 8.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

import pytest

from assistant.promises import find_promise
from tests.conftest import REPO

DEV_SET = REPO.parent / "shared" / "corpus" / "promises" / "dev.jsonl"
BAR = 0.95

pytestmark = pytest.mark.skipif(
    not DEV_SET.is_file(), reason=f"promise development set not found at {DEV_SET} (shared/ sits beside the clone)"
)


def _kind(item: dict) -> str:
    return "negative" if item.get("negative") else item["expected_kind"]


def _score():
    items = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    right, total, misses = Counter(), Counter(), []
    for item in items:
        promise = find_promise(item["phrase"], datetime.fromisoformat(item["sent"]))
        got = promise.due.isoformat() if promise is not None else None
        total[_kind(item)] += 1
        if got == item["expected_due"]:
            right[_kind(item)] += 1
        else:
            misses.append(f"  expected {item['expected_due']}, got {got}: {item['phrase'][:100]!r}")
    return right, total, misses


def test_dev_set_exact_match_rate(capsys):
    right, total, misses = _score()
    overall = sum(right.values()) / sum(total.values())
    report = [f"{kind:9s} {right[kind]:3d}/{total[kind]:3d}" for kind in ("date", "range", "vague", "none", "negative")]
    report.append(f"{'overall':9s} {sum(right.values()):3d}/{sum(total.values()):3d} = {overall:.1%}")
    with capsys.disabled():
        print("\nfind_promise on dev.jsonl (exact match per expected_kind):", *report, sep="\n  ")
        if misses:
            print("misses:", *misses, sep="\n")
    assert {"date", "range", "vague", "none", "negative"} <= set(total), "the README lists five kinds"
    assert overall >= BAR, "\n".join(report + misses)
