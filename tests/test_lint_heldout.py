"""`followup lint` on a held-out set of follow-ups it was not tuned on.

tests/fixtures/drafts/heldout/ holds drafts written apart from the lint fixtures, as real
candidates write them (formal and casual, British and American, non-native English,
.eml with headers, quoted history, signatures and text+html parts, LinkedIn notes and
messages). good/ is what a careful candidate sends; each file in bad/ has one named flaw,
recorded with its kind in labels.jsonl. A draft is *flagged* when lint reports at least
one error or warning.

Goal: recall on bad >= 95% with at most 5% of good drafts flagged. The floors below sit
just under what the lint branch reached when the set was written (34/38 bad caught,
16/52 good flagged with auto kind; 15/52 when connection notes are linted as such);
raise them towards the goal as lint improves, never lower them to pass. Branch lint2 (general
rules for the missed classes: indirect asks, what counts as a detail, the candidate's own
deadline, pressure, bitterness, arguing with a rejection, terms in a thank-you, slang,
emoji, an early check-in in its own words, kind guessing) reached 38/38 and 0/52; the floors
now allow one miss and one false alarm.

Drafts run with --kind auto, as a user would, except LinkedIn connection notes: a note
over the character limit is exactly the one auto cannot tell from a short email, and the
draft writer knows it is writing a note.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

HELDOUT = Path(__file__).parent / "fixtures" / "drafts" / "heldout"
GOAL_RECALL, GOAL_GOOD_FLAGGED = 0.95, 0.05
MIN_RECALL = 0.97          # goal 0.95; 38/38 reached (one miss: 0.974)
MAX_GOOD_FLAGGED = 0.02    # goal 0.05; 0/52 reached (one flagged: 0.019)


def labels() -> list[dict]:
    return [json.loads(line) for line in (HELDOUT / "labels.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


def flagged(entry: dict) -> list[str]:
    """The 'rule: message' of each error or warning lint reports for this draft."""
    args = ["lint", "--json", str(HELDOUT / entry["file"])]
    if entry["kind"] == "linkedin":
        args += ["--kind", "linkedin"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), f"{entry['file']}: exit {result.exit_code}: {result.output}"
    report = json.loads(result.output)
    return [f"{f['rule']}: {f['message']}" for f in report["findings"]
            if f["severity"] in ("error", "warning")]


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[dict, list[str]]]:
    return {e["file"]: (e, flagged(e)) for e in labels()}


def test_every_draft_is_labelled_once_and_the_set_is_big_enough():
    entries = labels()
    files = [e["file"] for e in entries]
    on_disk = sorted(str(p.relative_to(HELDOUT)) for d in ("good", "bad")
                     for p in (HELDOUT / d).iterdir())
    assert sorted(files) == on_disk
    assert all(e["label"] == e["file"].split("/")[0] for e in entries)
    assert all(e["flaw"] for e in entries if e["label"] == "bad")
    assert sum(e["label"] == "good" for e in entries) >= 50
    assert sum(e["label"] == "bad" for e in entries) >= 35


def test_lint_catches_the_bad_drafts(results):
    bad = {f: r for f, r in results.items() if r[0]["label"] == "bad"}
    missed = [f"{f} ({e['flaw']})" for f, (e, found) in bad.items() if not found]
    recall = 1 - len(missed) / len(bad)
    assert recall >= MIN_RECALL, (
        f"recall {recall:.0%} (goal {GOAL_RECALL:.0%}); missed:\n" + "\n".join(missed))


def test_lint_leaves_the_good_drafts_alone(results):
    good = {f: r for f, r in results.items() if r[0]["label"] == "good"}
    wrongly = [f"{f}: {'; '.join(found)}" for f, (_, found) in good.items() if found]
    share = len(wrongly) / len(good)
    assert share <= MAX_GOOD_FLAGGED, (
        f"{share:.0%} of good drafts flagged (goal {GOAL_GOOD_FLAGGED:.0%}):\n" + "\n".join(wrongly))
