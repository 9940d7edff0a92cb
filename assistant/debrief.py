"""What the candidate wrote down the evening after an interview (the advice's step 1).

Stored as one readable TOML file per thread in the user data directory. Drafts read it:
a thank-you improves the answer the user flagged, uses a detail the interviewer shared and
asks the questions that came up afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BetterAnswer:
    question: str
    answer: str  # the better answer, worked out afterwards


@dataclass(frozen=True)
class Debrief:
    thread_id: str
    interview_day: date | None = None
    interviewers: tuple[str, ...] = ()  # names of the people met
    details: tuple[str, ...] = ()  # what they shared about the team or the job
    unprepared: tuple[str, ...] = ()  # questions I had not prepared for
    improve: tuple[BetterAnswer, ...] = ()  # answers I want to improve
    went_well: tuple[str, ...] = ()
    went_badly: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()  # questions that came up afterwards
    timeline: str = ""  # what they said out loud about when I will hear ("by Friday")
    notes: str = ""
    extra: dict = field(default_factory=dict, compare=False)
