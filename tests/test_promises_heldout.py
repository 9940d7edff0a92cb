"""find_promise on a held-out set written apart from the dev set (tests/fixtures/promises/heldout.jsonl).

The dev set (shared/corpus/promises/dev.jsonl) is what the promise reader is tuned
against; this set was written and labelled under PROMISES.md without looking at the dev
set or the reader's phrase lists, so its score says whether the reader generalises to
wording it has not seen: ATS acknowledgements, hiring-manager notes, debrief and forum
retellings, lower bounds, and ~40% sentences that promise nothing.

The bar: the `promises` branch (merged in 0ccab72) scored 144/162 = 88.9% overall. The
`promises2` branch fixed the classes behind its 18 misses (with general rules, tested on
285 fresh sentences of its own in tests/test_promises.py) and scores 162/162. Since those
classes were looked at, 100% overstates how well the reader generalises: on fresh batches
written before each round of fixes it scored 75-93%. So the bar rises only a little: the
test fails under 92% overall (thirteen misses) or when any one kind drops under 80%, so a
change that buys one kind with another is caught while a few new misses are not a failure.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.promise_scoring import KINDS, items_of, score

HELD_OUT = Path(__file__).parent / "fixtures" / "promises" / "heldout.jsonl"
OVERALL_BAR = 0.92
KIND_BAR = 0.80


def test_held_out_lines_are_well_formed():
    """A mislabelled line would make the score lie: a date exactly when the kind has one."""
    for item in items_of(HELD_OUT):
        assert datetime.fromisoformat(item["sent"]).utcoffset() is not None, item["phrase"]
        assert item["expected_kind"] in ("date", "range", "vague", "none"), item["phrase"]
        has_date = item["expected_due"] is not None
        assert has_date == (item["expected_kind"] != "none"), item["phrase"]
        assert not (item.get("negative") and has_date), item["phrase"]
        if has_date:
            date.fromisoformat(item["expected_due"])


def test_held_out_exact_match_rate(capsys):
    result = score(HELD_OUT)
    with capsys.disabled():
        print("\nfind_promise on heldout.jsonl (exact match per expected_kind):", *result.report(), sep="\n  ")
    assert set(KINDS) <= set(result.total), "the held-out set has every kind"
    weak = [kind for kind in KINDS if result.rate(kind) < KIND_BAR]
    assert not weak, f"kinds under {KIND_BAR:.0%}: {weak}\n" + "\n".join(result.report())
    assert result.overall >= OVERALL_BAR, "\n".join(result.report())
