"""The rules that must compute: counts against thresholds, structure per kind, timing.

Each check yields `Hit(rule_id, offset, fields)`: an offset into the body (or a fixed
line and column) and the values its message needs. `lint()` turns hits into findings.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterator

from assistant.lint import rules
from assistant.lint.document import WORD, Document
from assistant.lint.metrics import Metrics
from assistant.workdays import add_business_days


@dataclass
class Hit:
    rule: str
    offset: int = 0  # into Document.text
    fields: dict = field(default_factory=dict)
    at: tuple[int, int] | None = None  # (line, column) when the spot is not in the body


@dataclass(frozen=True)
class Facts:
    """What a check may use: the draft, its metrics, its kind, the thread, the thresholds."""

    doc: Document
    metrics: Metrics
    kind: str
    thresholds: dict
    today: date | None = None
    wait_until: date | None = None
    followups_since_reply: int = 0
    interview_day: date | None = None
    people: tuple[str, ...] = ()
    has_thread: bool = False


@lru_cache(maxsize=None)
def _cues(rule_id: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{c})" for c in rules.STRUCTURE_CUES[rule_id]), re.IGNORECASE)


@lru_cache(maxsize=None)
def _kind_cues() -> dict[str, tuple[re.Pattern, tuple[tuple[re.Pattern, float], ...]]]:
    """Per kind: all its cues as one alternation (one scan of the text), and each cue alone
    (to weigh a hit)."""
    return {k: (re.compile("|".join(f"(?:{rx})" for rx, _ in cues), re.IGNORECASE),
                tuple((re.compile(rx, re.IGNORECASE), w) for rx, w in cues))
            for k, cues in rules.KIND_CUES.items()}


def guess_kind(doc: Document) -> str:
    """The kind whose cues weigh most in the text; "other" when nothing is clear.

    An email is never a LinkedIn kind. A connection note is short and in one paragraph;
    a longer LinkedIn text, or one that thanks them for connecting, is a message.
    """
    text = doc.text
    if not doc.word_starts and not text.strip("_ \n"):
        return "other"  # nothing written: no kind to guess
    scores = {}
    for kind, (anyof, cues) in _kind_cues().items():
        scores[kind] = sum(next((w for rx, w in cues if rx.match(text, m.start())), 0.0)
                           for m in anyof.finditer(text))
    if doc.is_email:
        scores["linkedin"] = scores["linkedin-message"] = 0
    elif len(text.strip()) > rules.LINKEDIN_MAX_GUESS_CHARS or len(doc.prose) > 1:
        scores["linkedin-message"] += scores["linkedin"]
        scores["linkedin"] = 0
    elif doc.greeting is None and doc.closing_from < 0 and (
            len(text.strip()) <= 300 or "\n" not in text.strip()):
        # one short paragraph, greeting and sign-off inline: a note (over the limit, still a note)
        scores["linkedin"] += rules.LINKEDIN_ONE_PARAGRAPH
    kind = max(rules.KINDS, key=lambda k: scores[k])  # ties: the order of KINDS
    return kind if scores[kind] >= rules.MIN_KIND_SCORE else "other"


def body_start(doc: Document) -> int:
    """Where a whole-draft finding points: the first prose, else the first text."""
    if doc.prose:
        return doc.prose[0].start
    return len(doc.text) - len(doc.text.lstrip())


# length ---------------------------------------------------------------------------------

def length(f: Facts) -> Iterator[Hit]:
    t, m = f.thresholds, f.metrics
    if f.kind == "linkedin":
        note = f.doc.text.strip() + ("\n" + f.doc.signature if f.doc.signature else "")
        limit = int(t["linkedin_note_limit"])
        if len(note) > limit:
            lead = len(f.doc.text) - len(f.doc.text.lstrip())
            yield Hit("length.linkedin", min(lead + limit, max(len(f.doc.text) - 1, 0)),
                      {"chars": len(note), "limit": limit})
        return
    top = int(t["max_words"] or t.get(f"max_words_{f.kind.replace('-', '_')}", t["max_words_other"]))
    if m.words > top:
        yield Hit("length.words", f.doc.word_starts[top], {"words": m.words, "max": top})
    if 0 < m.words < t["min_words"]:
        yield Hit("length.short", body_start(f.doc), {"words": m.words})
    if f.kind == "thank-you":
        interest = _cues("structure.interest")
        width = int(t["line_width"])
        for p in f.doc.prose:
            if interest.search(p.text):
                lines = sum(max(1, math.ceil(len(line.rstrip()) / width)) for line in p.text.split("\n"))
                if lines > t["interest_max_lines"]:
                    yield Hit("length.interest", p.start, {"lines": lines, "max": int(t["interest_max_lines"])})


# readability ----------------------------------------------------------------------------

def readability(f: Facts) -> Iterator[Hit]:
    t, m = f.thresholds, f.metrics
    if m.sentences >= 2 and m.grade > t["max_grade"]:
        yield Hit("readability.grade", body_start(f.doc), {"grade": m.grade, "max": t["max_grade"]})
    for s in f.doc.sentences:
        if s.words > t["max_sentence_words"]:
            yield Hit("readability.sentence", s.start, {"words": s.words})


# structure ------------------------------------------------------------------------------

def questions(f: Facts) -> Iterator[Hit]:
    asked = [s for s in f.doc.sentences if s.text.rstrip("\"')\u201d\u2019").endswith("?")]
    top = int(f.thresholds["max_questions"])
    if len(asked) > top:
        yield Hit("structure.questions", asked[top].start, {"questions": len(asked), "max": top})
    if f.kind in ("status-check", "other") and len(asked) > 2:  # any follow-up: a list of questions
        yield Hit("structure.one-question", asked[2].start, {"questions": len(asked)})


_PER_KIND = {
    "thank-you": ("structure.thanks", "structure.detail", "structure.interest", "structure.invite-contact"),
    "status-check": ("structure.timeline", "structure.ask", "structure.courtesy"),
    "linkedin-message": ("structure.courtesy",),
    "other": ("structure.courtesy",),
    "recruiter-feedback": ("structure.thanks", "structure.feedback"),
    "keep-in-touch": ("structure.thanks", "structure.keep-in-touch"),
    "linkedin": ("structure.where-met",),
}


def structure(f: Facts) -> Iterator[Hit]:
    """Each kind's must-haves: one cue anywhere in the body satisfies a rule."""
    if not f.doc.word_starts:
        return
    for rule_id in _PER_KIND.get(f.kind, ()):
        if _cues(rule_id).search(f.doc.text):
            continue
        if rule_id == "structure.detail" and _concrete_phrase(f.doc.text):
            continue
        yield Hit(rule_id, body_start(f.doc), {"kind": f.kind})


def _concrete_phrase(text: str) -> bool:
    """A noun phrase no stock thank-you has: 'the flood defence scheme', 'the level editor'."""
    for m in _detail_phrase().finditer(text):
        one, two = m.group(1).lower(), m.group(2).lower()
        if one in _FUNCTION or two in _FUNCTION:
            continue
        if one not in rules.GENERIC_WORDS or two not in rules.GENERIC_WORDS:
            return True
    return False


_FUNCTION = frozenset("a an the and or but of to in on at for with from by about as into over after before "
                      "than i me my you your we our us it its they their them he she his her this that these "
                      "those is are was were be been am has have had do does did will would can could should "
                      "may might must not no so very just also too who which what when where how why".split())


@lru_cache(maxsize=None)
def _detail_phrase() -> re.Pattern:
    return re.compile(rules.DETAIL_PHRASE)


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


def greeting_name(f: Facts) -> Iterator[Hit]:
    """A greeting that names someone who is on none of the thread's messages."""
    g = f.doc.greeting
    if g is None or not f.people:
        return
    known = {_fold(part) for person in f.people for part in re.split(r"[\s,.'-]+", person) if part}
    m = re.match(r"\s*\S+(?:\s+(?:morning|afternoon|evening))?", g.text)
    rest_at = m.end() if m else 0
    for w in WORD.finditer(g.text, rest_at):
        token = w.group()
        if _fold(token) in rules.GREETING_SKIP or not token[0].isupper():
            continue
        if _fold(token) not in known:
            people = ", ".join(f.people)
            yield Hit("structure.greeting-name", g.start + w.start(), {"name": token, "people": people})


# tone -----------------------------------------------------------------------------------

def exclamations(f: Facts) -> Iterator[Hit]:
    marks = [m.start() for m in re.finditer("!", f.doc.text)]
    top = int(f.thresholds["max_exclamations"])
    double = f.doc.text.find("!!")
    if len(marks) > top:
        yield Hit("tone.exclamation", marks[top], {"count": len(marks)})
    elif double >= 0 and top <= rules.THRESHOLDS["max_exclamations"]:
        # "Thanks!!": a run of marks is over-eager however few (unless the user raised the limit)
        yield Hit("tone.exclamation", double, {"count": len(marks)})


def emoji(f: Facts) -> Iterator[Hit]:
    marks = [m.start() for m in _emoji().finditer(f.doc.text)]
    top = int(f.thresholds["max_emoji"])
    if len(marks) > top:
        yield Hit("tone.emoji", marks[top], {"count": len(marks)})


@lru_cache(maxsize=None)
def _emoji() -> re.Pattern:
    return re.compile(rules.EMOJI)


_CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:['\u2019][A-Z]+)?(?:[ \t]+[A-Z]{2,}(?:['\u2019][A-Z]+)?)*\b")


def caps(f: Facts) -> Iterator[Hit]:
    """Shouting: a run of capitalised words, or one word from the shouted list.

    Acronyms (AWS, SQL, "AWS SDK") are fine: a run counts only with a word of four or
    more letters that the pronouncing dictionary knows as an ordinary word.
    """
    for start, match in _shouting(f.doc.text):
        yield Hit("tone.caps", start, {"match": match})


def _shouting(text: str) -> Iterator[tuple[int, str]]:
    from assistant.lint.syllables import dictionary

    d = None
    for m in _CAPS_RUN.finditer(text):
        words = m.group().split()
        if len(words) == 1:
            if words[0] in rules.SHOUTED:
                yield m.start(), m.group()
            continue
        d = d or dictionary()
        ordinary = [w for w in words if len(w) >= 4 and d is not None and d.get(w.lower()) is not None]
        if ordinary or any(w in rules.SHOUTED for w in words):
            yield m.start(), m.group()


def phrases(f: Facts) -> Iterator[Hit]:
    """Every phrase family of rules.py over the body (placeholders masked: see placeholders())."""
    for family in rules.PHRASES:
        if family.rule.startswith("placeholder."):
            continue
        rx = _family(family.rule)
        hits = [(m.start(), m.end(), m.group(), _weight(family, f.doc.text, m.start()))
                for m in rx.finditer(f.doc.text)]
        if not hits:
            continue
        total = sum(h[3] for h in hits)
        density = 100 * len(hits) / max(f.metrics.words, 1)
        if total < family.min_weight or (family.per_100_words and density < family.per_100_words):
            continue
        if family.each:
            for start, _, text, _ in hits:
                yield Hit(family.rule, start, {"match": text})
        else:
            yield Hit(family.rule, hits[0][0], {"match": hits[0][2], "count": len(hits),
                                                  "words": f.metrics.words})


@lru_cache(maxsize=None)
def _family(rule_id: str) -> re.Pattern:
    """A phrase family as one alternation, so the body is scanned once per family, not once
    per phrase (5 MB in seconds); at each spot the first phrase that matches wins, and hits
    never overlap. (Named groups would say which phrase matched, but make the scan 6x slower.)"""
    family = next(p for p in rules.PHRASES if p.rule == rule_id)
    return re.compile("|".join(f"(?:{pattern})" for pattern, _ in family.patterns), re.IGNORECASE)


def _weight(family: rules.Phrases, text: str, at: int) -> float:
    """The weight of the phrase that matched at `at`: the first one of the family that does."""
    return next((w for rx, w in family.compiled if rx.match(text, at)), 1.0)


def placeholders(f: Facts) -> Iterator[Hit]:
    """Each placeholder once, wherever it goes out: body, subject, To/Cc, signature."""
    for rule, offset, at, match in f.doc.placeholders:
        yield Hit(rule, offset or 0, {"match": match}, at=at)


def empty(f: Facts) -> Iterator[Hit]:
    """Nothing written is not a clean draft."""
    if f.doc.original.strip():
        return
    if f.doc.had_text:
        what = "only quoted history or a signature, nothing new above it"
    else:
        what = "the email has headers and no body" if f.doc.is_email else "the draft is empty"
    yield Hit("structure.empty", at=(f.doc.line_numbers[0] if f.doc.line_numbers else 1, 1),
              fields={"what": what})


# subject --------------------------------------------------------------------------------

def subject(f: Facts) -> Iterator[Hit]:
    """A subject the writer chose, as a subject: length, capitals, urgency, exclamation.

    A reply or forward keeps the thread's subject ("Re: URGENT: interview schedule"); it is
    theirs, and changing it would break the thread, so it is not judged (placeholders are).
    """
    s = f.doc.subject
    if s is None or not s.text.strip() or re.match(rules.REPLY_PREFIX, s.original, re.IGNORECASE):
        return
    top = int(f.thresholds["max_subject_chars"])
    if len(s.original) > top:
        yield Hit("subject.length", at=s.position(top), fields={"chars": len(s.original), "max": top})
    for start, match in _shouting(s.text):
        yield Hit("subject.caps", at=s.position(start), fields={"match": match})
    for rx in _subject_urgency():
        for m in rx.finditer(s.text):
            yield Hit("subject.urgency", at=s.position(m.start()), fields={"match": m.group()})
    bang = s.text.find("!")
    if bang >= 0:
        yield Hit("subject.exclamation", at=s.position(bang))


@lru_cache(maxsize=None)
def _subject_urgency() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rx, re.IGNORECASE) for rx in rules.SUBJECT_URGENCY)


# timing ---------------------------------------------------------------------------------

def timing(f: Facts) -> Iterator[Hit]:
    if not f.has_thread or f.today is None:
        return
    if f.kind == "status-check":
        if f.wait_until is not None and f.today <= f.wait_until:
            yield Hit("timing.too-early", at=(1, 1), fields={"wait_until": f"{f.wait_until:%a %d %b}"})
        if f.followups_since_reply >= 1:
            yield Hit("timing.second-checkin", at=(1, 1), fields={"count": f.followups_since_reply})
    if f.kind == "thank-you" and f.interview_day is not None:
        due = add_business_days(f.interview_day, int(f.thresholds["thank_you_business_days"]))
        if f.today > due:
            yield Hit("timing.late-thank-you", at=(1, 1),
                      fields={"interview_day": f"{f.interview_day:%a %d %b}", "due": f"{due:%a %d %b}"})


CHECKS = (empty, length, readability, questions, structure, greeting_name, exclamations, emoji, caps, phrases,
          placeholders, subject, timing)
