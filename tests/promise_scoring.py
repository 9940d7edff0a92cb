"""Scoring find_promise on a labelled set of sentences (the dev set and the held-out set)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.promises import find_promise

KINDS = ("date", "range", "vague", "none", "negative")


def kind_of(item: dict) -> str:
    return "negative" if item.get("negative") else item["expected_kind"]


def items_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Score:
    right: Counter
    total: Counter
    misses: list[str]

    @property
    def overall(self) -> float:
        return sum(self.right.values()) / sum(self.total.values())

    def rate(self, kind: str) -> float:
        return self.right[kind] / self.total[kind]

    def report(self) -> list[str]:
        lines = [f"{kind:9s} {self.right[kind]:3d}/{self.total[kind]:3d}" for kind in KINDS]
        lines.append(f"{'overall':9s} {sum(self.right.values()):3d}/{sum(self.total.values()):3d} = {self.overall:.1%}")
        return lines + self.misses


def score(path: Path) -> Score:
    """Exact match of the due date per kind, and one line per miss."""
    right, total, misses = Counter(), Counter(), []
    for item in items_of(path):
        promise = find_promise(item["phrase"], datetime.fromisoformat(item["sent"]))
        got = promise.due.isoformat() if promise is not None else None
        total[kind_of(item)] += 1
        if got == item["expected_due"]:
            right[kind_of(item)] += 1
        else:
            misses.append(f"  expected {item['expected_due']}, got {got}: {item['phrase'][:100]!r}")
    return Score(right, total, misses)
