"""Counts and readability of a draft, computed from our own counts with textstat's formulas.

textstat is not imported here: importing it imports NLTK (~0.2 s a process) and, from
0.7.9 on, its syllable counter downloads NLTK's pronouncing dictionary on first use. The
formulas and constants below are textstat's (English), and tests check that both give the
same figures on the same text; syllables come from `syllables.py` (the same CMU data).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from assistant.lint.document import WORD, Document
from assistant.lint.syllables import syllables

MS_PER_CHAR = 14.69  # Demberg & Keller (2008), textstat's default reading speed


@dataclass(frozen=True)
class Metrics:
    words: int
    sentences: int
    paragraphs: int
    questions: int
    exclamations: int
    characters: int
    reading_ease: float  # Flesch Reading Ease: higher is easier; 60-70 is plain English
    grade: float  # Flesch-Kincaid grade level
    reading_time: float  # seconds

    def to_json(self) -> dict:
        return asdict(self)


def flesch(words: int, sentences: int, syllable_count: int) -> tuple[float, float]:
    """(reading ease, grade) by Flesch (1948) and Kincaid et al. (1975), as textstat has them."""
    if not words or not sentences or not syllable_count:
        return 0.0, 0.0
    per_sentence = words / sentences
    per_word = syllable_count / words
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ease, grade


def measure(doc: Document) -> Metrics:
    """Metrics of the body; readability over the prose between greeting and sign-off.

    As in textstat, a "sentence" of one or two words ("Thanks again!") does not count
    as a sentence for readability, though its words do.
    """
    prose_words = counted = questions = syllable_count = 0
    for s in doc.sentences:
        prose_words += s.words
        if s.words > 2:
            counted += 1
        if s.text.rstrip("\"')\u201d\u2019").endswith("?"):
            questions += 1
        syllable_count += sum(syllables(m.group()) for m in WORD.finditer(s.text))
    ease, grade = flesch(prose_words, max(1, counted) if prose_words else 0, syllable_count)
    chars = len(re.sub(r"\s+", "", doc.text))  # one string, not a list of every word
    return Metrics(
        words=len(doc.word_starts),
        sentences=counted,
        paragraphs=len(doc.prose),
        questions=questions,
        exclamations=doc.text.count("!"),
        characters=len(doc.text.strip()),
        reading_ease=round(ease, 1),
        grade=round(grade, 1),
        reading_time=round(MS_PER_CHAR * chars / 1000, 1),
    )
