"""find_promise on the development set of real sentences (shared/corpus/promises/dev.jsonl).

The set is labelled under PROMISES.md and is used as a development set, not a lookup
table: the reader has no phrase from it, and tests/test_promises.py holds our own
sentences for each class of wording. This test reports the exact-match rate per kind
(date, range, vague, none and the negatives) and fails when the overall rate drops
under 95%, the bar of issue 8.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.promise_scoring import KINDS, score

DEV_SET = REPO.parent / "shared" / "corpus" / "promises" / "dev.jsonl"
BAR = 0.95

pytestmark = pytest.mark.skipif(
    not DEV_SET.is_file(), reason=f"promise development set not found at {DEV_SET} (shared/ sits beside the clone)"
)


def test_dev_set_exact_match_rate(capsys):
    result = score(DEV_SET)
    with capsys.disabled():
        print("\nfind_promise on dev.jsonl (exact match per expected_kind):", *result.report(), sep="\n  ")
    assert set(KINDS) <= set(result.total), "the README lists five kinds"
    assert result.overall >= BAR, "\n".join(result.report())
