"""When were (or will be) the interviews? From calendar invites first, from the text second.

Invites are exact: the newest version of each event (by SEQUENCE) counts, cancelled ones
do not. Text is a fallback for interviews confirmed in words ("your interview is confirmed
for Tuesday, March 3 at 2:00 PM ET"); a proposal ending in a question mark is not an interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from assistant.mail import CalendarEvent, Message

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
TZ_ABBREVIATIONS = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "UK": "Europe/London",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "EASTERN": "America/New_York", "CENTRAL": "America/Chicago",
    "MOUNTAIN": "America/Denver", "PACIFIC": "America/Los_Angeles",
}
_WHEN = re.compile(
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<year>20\d\d))?"
    r",?\s+(?:(?:starting|beginning)\s+)?(?:at|@|from)?\s*"
    r"(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*\(?(?P<tz>[A-Z]{2,4}|eastern|central|mountain|pacific)\b\)?)?",
    re.I,
)
_ABOUT_INTERVIEW = re.compile(
    r"interview|screen|on-?site|call|chat|meet|conversation|panel|video", re.I)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]|\n\n|$)")


@dataclass(frozen=True)
class Interview:
    start: datetime
    source: str  # "calendar" or "text"
    summary: str = ""
    attendees: tuple = ()
    organizer: object = None  # who sent the invite or proposed the time


def interviews_of(messages: list[Message]) -> list[Interview]:
    """Every interview in a thread, oldest first: invites, then confirmed times in the text."""
    latest: dict[str, tuple[tuple, CalendarEvent]] = {}
    for i, m in enumerate(messages):
        for e in m.events:
            key = (e.sequence, i)
            if e.uid not in latest or key >= latest[e.uid][0]:
                latest[e.uid] = (key, e)
    found = [
        Interview(e.start, "calendar", e.summary, e.attendees, e.organizer)
        for _, e in latest.values() if not e.cancelled
    ]
    known_days = {e.start.date() for _, e in latest.values()}  # invites beat prose, even cancelled
    proposed: dict[datetime, Message] = {}
    for m in messages:
        if m.date is None:
            continue
        for start, how in times_in_text(m.newest, m.date, m.subject):
            if start.date() in known_days:
                continue
            if how == "proposed" and start not in proposed:
                proposed[start] = m
            # A time stated outright, or a proposed time repeated in a later message.
            elif how == "confirmed" or start in proposed and proposed[start] is not m:
                if all(i.start != start for i in found):
                    who = proposed.get(start, m).sender
                    found.append(Interview(start, "text", organizer=who))
    return sorted(found, key=lambda i: i.start)


def times_in_text(text: str, sent: datetime, subject: str = "") -> list[tuple[datetime, str]]:
    """Meeting times written in prose, in the writer's own zone, each with how it was said.

    "confirmed": its sentence (or the message's subject) is about an interview; "proposed":
    the same, but asked as a question; "mentioned": a bare time, which confirms a proposal
    when it repeats one ("Tuesday 3 March at 16:00 works perfectly").
    """
    out = []
    about = bool(_ABOUT_INTERVIEW.search(subject))
    flat = " ".join(text.split())
    for sentence in _SENTENCE.findall(flat):
        how = None  # read once per sentence: per time found, it was quadratic
        for m in _WHEN.finditer(sentence):
            start = _to_datetime(m, sent)
            if start is None:
                continue
            if how is None:
                if not (about or _ABOUT_INTERVIEW.search(sentence)):
                    how = "mentioned"
                else:
                    how = "proposed" if "?" in sentence else "confirmed"
            out.append((start, how))
    return out


def _to_datetime(m: re.Match, sent: datetime) -> datetime | None:
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()[:3]]
    day = int(m.group("d1") or m.group("d2"))
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    elif not ampm and hour < 7:  # "at 2" in office talk means 2 pm
        hour += 12
    if hour > 23 or minute > 59:
        return None
    year = int(m.group("year")) if m.group("year") else _year_near(month, day, sent.date())
    tz_name = TZ_ABBREVIATIONS.get((m.group("tz") or "").upper())
    tz = ZoneInfo(tz_name) if tz_name else (sent.tzinfo or timezone.utc)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=tz)
    except ValueError:
        return None


def _year_near(month: int, day: int, sent: date) -> int:
    """An interview date without a year is the next such date, allowing a week of hindsight."""
    for year in (sent.year, sent.year + 1):
        try:
            if date(year, month, day) >= sent - timedelta(days=7):
                return year
        except ValueError:
            continue
    return sent.year
