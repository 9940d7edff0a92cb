"""When were (or will be) the interviews? From calendar invites first, from the text second.

Invites are exact: the newest version of each event (by SEQUENCE) counts, cancelled ones
do not, and prose beside an invite only describes it (often in a second zone: "2:00 PM ET,
7:00 PM for you in London"): on an invite's day, in either zone, prose adds nothing. Text
counts where there is no invite: a time confirmed in words ("your interview is confirmed
for Tuesday, March 3 at 2:00 PM ET"), or an interview that already happened ("thanks for
speaking with me on Tuesday", dated from that message's own day).
A proposed slot counts only once someone else confirms it; a cancelled one, a deadline
("reply by Friday 5pm") and a time repeated in a second zone are not interviews.

Times are read in the zone the text names ("10am ET", "14:00 CET", "15:00 (GMT+1)", "7:00
pm in Chicago"), else in the message's own UTC offset (PROMISES.md rule 1). Every pattern
here is linear: no nested quantifier runs over unbounded text, and text is cut first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from assistant.mail import CalendarEvent, Message

MAX_TEXT = 10_000  # the newest words of one message; an interview is named near the top
MAX_SENTENCE = 600

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
WEEKDAYS = {d: i for i, d in enumerate("mon tue wed thu fri sat sun".split())}
# Every name maps to its region's zone, so the offset follows daylight saving on the interview's
# own date: "1pm ET" is 18:00 UTC on 18 November and 17:00 UTC in July. "EST" and "EDT" too:
# writers use them all year for the region's wall clock ("2pm EST" in July means 2pm in New
# York); a fixed -05:00 would put her an hour late, the region's rule at worst an hour early.
TZ_ABBREVIATIONS = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "UK": "Europe/London",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki", "IST": "Asia/Kolkata", "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "EASTERN": "America/New_York", "CENTRAL": "America/Chicago",
    "MOUNTAIN": "America/Denver", "PACIFIC": "America/Los_Angeles",
}
# Cities recruiters name that are not the last part of a tz database name.
CITY_ZONES = {
    "new york": "America/New_York", "nyc": "America/New_York", "boston": "America/New_York",
    "washington": "America/New_York", "atlanta": "America/New_York", "miami": "America/New_York",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "sf": "America/Los_Angeles",
    "austin": "America/Chicago", "dallas": "America/Chicago", "houston": "America/Chicago",
    "munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "montreal": "America/Toronto", "ottawa": "America/Toronto",
}

# -- the words, as data ------------------------------------------------------------------
# A meeting with the company: a sentence must be about one for its time to be an interview.
_MEETING = re.compile(
    r"interview|screen|on-?site|\bcalls?\b|\bchat|\bmeet|conversation|panel|video|zoom|see you", re.I)
# An interview that already happened, said between the two people who had it: a thank-you,
# "the call we had this morning", "when we spoke on Tuesday". Not "the team met yesterday".
_THANKS = re.compile(
    r"\bthank(?:s| you) (?:so much |again |very much )?for (?:speaking|talking|chatting|meeting|taking the time"
    r"|your time|the (?:call|chat|conversation|interview)|our|interviewing)"
    r"|\b(?:great|nice|good|lovely|a pleasure) (?:to )?(?:speak|talk|meet|chat)"
    r"|\benjoyed (?:our|the|meeting|speaking|talking|chatting)", re.I)
_WITH_ME = re.compile(
    r"\b(?:spoke|talked|chatted|met|speaking|talking|chatting) (?:with|to) (?:you|me)\b|\bwe (?:spoke|talked|chatted)\b"
    r"|\b(?:our|the) (?:phone |video |initial |first |intro |recruiter )?(?:call|chat|conversation|interview|screen"
    r"|meeting)\b(?= (?:we|I|you) had\b| earlier\b| yesterday\b| this (?:morning|afternoon)\b)", re.I)
_FUTURE = re.compile(r"\b(?:see you|look(?:ing)? forward|will|next|upcoming|speak (?:again|soon)|talk (?:again|soon))\b"
                     r"|'ll\b", re.I)
_PAST_TENSE = re.compile(r"\b(?:had|was|were|went|earlier|yesterday|ago|last|following up on|after)\b", re.I)
# A slot offered for choosing, not agreed.
_PROPOSAL = re.compile(
    r"\?|\b(?:alternatively|I (?:would |could |can )?(?:propose|suggest)|either|would (?:any|one) of"
    r"|which (?:of these|one|works|time)|let me know (?:which|what|if)|how about|what about"
    r"|(?:slots|options|times) (?:below|available|are)|I(?:'m| am) (?:free|available))\b"
    r"|(?:slots|options|times):", re.I)
_AGREED = re.compile(r"\b(?:works?|suits?|perfect|great|fine|good|confirm(?:ed)?|let'?s (?:do|go with)|see you)\b", re.I)
_CANCEL = re.compile(r"\bcancel(?:l?ed|ling|lation)?\b|\bcall(?:ed)? off\b|\bno longer (?:take|go|going|able)", re.I)
_RESCHEDULE = re.compile(r"\breschedul|\bpostpone|\bpush(?:ed)? (?:it |this |our \w+ )?back\b", re.I)
_CHANGE = re.compile(r"cancel|reschedul|postpone|call(?:ed)? off|no longer|push", re.I)
# "if you need to cancel", "our cancellation policy": not a cancellation.
_HYPOTHETICAL = re.compile(r"\b(?:if|should you|in case|unless|policy)\b", re.I)
# A time that something is due by, not a meeting: "reply by Friday 5pm", "within 48 hours".
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\bbefore|\buntil|\btill|\bno later than|\bwithin|\bdeadline(?: is)?|\bdue"
                              r"|\bexpires?|\bcloses?)\s(?:[\w]{1,12},?\s){0,3}$", re.I)
_DEADLINE = re.compile(r"\bdeadline|\bdue\b|\bexpir|\bsubmit|\bcomplete\b|\breturn\b|\brespond|\breply\b", re.I)
# A window of availability, not a start: "any time after 1 PM", "between 2pm and 5pm".
_BOUND_BEFORE = re.compile(r"(?:\bafter|\bany ?time|\bbetween|\band|\buntil|\btill)\s$", re.I)
# A second clock time for the same moment: "2pm ET (11am PT)", "14:00 / 13:00 your time".
_SAME_MOMENT = re.compile(r"^\s*(?:[(/|=]|which is|that'?s|i\.e\.?|,)\s*\(?\s*$", re.I)
_YOUR_TIME = re.compile(r"^\s*\)?\s*(?:your|local|for you|in your|where you are|my)\b", re.I)

# -- the tokens ----------------------------------------------------------------------------
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = (r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            r"|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?")
_NO_MONTH = r"(?!\s(?:of\s)?" + _MONTH + r"\b)"  # "Wednesday 18th November" is read whole
# "the 2nd round", "the 3rd interview": a rank, not a day. A bare "the 18th" is a date only where
# a date ends: before punctuation, a time or a verb ("the 18th at 2pm", "the 18th works").
_NO_RANK = r"(?!\s(?i:round|interview|stage|step|time|call|meeting|candidate|option|slot|attempt|place)s?\b)"
_AS_DATE = (r"(?=\s?(?:[,.;:!?)(]|$)|\s(?i:at|@|from|between|or|and|in the|works?|suits?|is|would|could|if|for)\b"
            r"|\s\d)")
_DAY = re.compile(
    r"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?(?P<m1>" + _MONTH + r")\b\.?"
    r"|(?P<m2>" + _MONTH + r")\b\.?\s(?:the\s)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.]\d)"
    r"|(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"
    r"|(?P<rel>today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b"
    # "Wednesday the 18th", "Wed 18th", "on the 18th": a day of the month without its month
    r"|(?:(?:on|next|this)\s)?(?P<wd3>" + _WEEKDAY + r"),?\s(?P<d3>[0-3]?\d)(?:st|nd|rd|th)\b"
    + _NO_MONTH + _NO_RANK +
    r"|(?:(?:on|next|this)\s)?(?P<wd4>" + _WEEKDAY + r"),?\sthe\s(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?![:.]\d|\s?[ap]\.?m\b)" + _NO_MONTH + _NO_RANK +
    r"|\bthe\s(?P<d5>[0-3]?\d)(?:st|nd|rd|th)\b" + _NO_MONTH + _AS_DATE +
    r"|(?P<which>next |this |last |on )?(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?))"
    r"(?:,?\s(?P<year>20\d\d)\b)?",
    re.I,
)
_CLOCK = re.compile(
    r"(?P<at>\b(?:at|@|from)\s)?\b(?P<h>[01]?\d|2[0-3])"
    r"(?:(?P<sep>[:.])(?P<min>[0-5]\d))?\s?(?P<ampm>[ap]\.?\s?m\b\.?)?"
    # "2-3pm", "10:00 to 11:00 AM": the start takes the end's am/pm
    r"(?:\s?(?:-|\u2013|to)\s?(?P<h2>[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?P<ampm2>[ap]\.?\s?m\b\.?)?)?"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)
_ZONE_AFTER = re.compile(
    r"\s?\(?\s?(?:"
    r"(?P<off>(?:GMT|UTC)\s?(?P<sign>[+-\u2212])\s?(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)"
    r"|(?P<abbr>[A-Z]{2,4}|(?i:eastern|central|mountain|pacific))\b(?:\s(?i:standard\s|daylight\s)?(?i:time)\b)?"
    r"|(?P<lead>in\s|at\s)?(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?P<time>\s(?i:time)\b)?"
    r")",
)


@dataclass(frozen=True)
class Interview:
    start: datetime
    source: str  # "calendar" or "text"
    summary: str = ""
    attendees: tuple = ()
    organizer: object = None  # who sent the invite or proposed the time


@dataclass(frozen=True)
class Slot:
    """One moment a message names: a time on a day, or a day alone (then start is None)."""
    day: date
    start: datetime | None
    how: str  # confirmed, proposed, mentioned, past, agreed, cancelled, reschedule
    timed: bool = True  # False: a day alone ("this morning"), its start a stand-in
    zoned: bool = False  # the text named the zone ("2pm ET"); else it is the writer's offset


def interviews_of(messages: list[Message]) -> list[Interview]:
    """Every interview in a thread, oldest first: invites, then times agreed in the text."""
    latest: dict[str, tuple[tuple, CalendarEvent]] = {}
    for i, m in enumerate(messages):
        for e in m.events:
            key = (e.sequence, i)
            if e.uid not in latest or key >= latest[e.uid][0]:
                latest[e.uid] = (key, e)
    events = [e for _, e in latest.values()]
    found = [Interview(e.start, "calendar", e.summary, e.attendees, e.organizer) for e in events if not e.cancelled]
    known = _InviteDays(events)
    agreed = _agreed_in_words(messages, known, {i.start.date() for i in found})
    # An invite that came after the words that agreed it is the same interview.
    return sorted(found + [i for i in agreed if not known(i.start)], key=lambda i: i.start)


class _InviteDays:
    """Invites beat prose on their day, in either zone, even cancelled ones.

    Each event's instant is computed once: a VTIMEZONE's rules make every utcoffset() slow,
    and hostile mail may carry many events.
    """

    def __init__(self, events: list[CalendarEvent]) -> None:
        self.instants = {e.start.astimezone(timezone.utc) for e in events}
        self.days = {e.start.date() for e in events}
        self.days_in: dict[tzinfo, set[date]] = {}

    def __call__(self, start: datetime) -> bool:
        if start in self.instants or start.date() in self.days:
            return True
        zone = start.tzinfo
        if zone not in self.days_in:
            self.days_in[zone] = {at.astimezone(zone).date() for at in self.instants}
        return start.date() in self.days_in[zone]


def _agreed_in_words(messages: list[Message], known: _InviteDays, invite_days: set[date]) -> list[Interview]:
    """Interviews agreed or recounted in prose, message by message, oldest first."""
    text: dict[datetime, Interview] = {}
    proposed: dict[datetime, Message] = {}
    by_clock: dict[tuple, list[datetime]] = {}  # (day, wall clock) -> offered starts
    by_day: dict[date, list[datetime]] = {}
    for m in messages:
        if m.date is None:
            continue
        slots = slots_in_text(m.newest, m.date, m.subject)
        if m.events:  # the prose of an invite describes it, often in a second zone
            own = sorted(e.start.astimezone(timezone.utc) for e in m.events)
            slots = [s for s in slots if s.start is None or s.how == "proposed" or not _near(s.start, own)]
        for s in slots:
            if s.how in ("cancelled", "reschedule"):
                gone = [t for t in text if (t.date() == s.day if s.how == "cancelled" else t > m.date)]
                for start in gone:
                    del text[start]
        for s in slots:
            start = s.start
            if s.how == "agreed" and start is None:  # "Wednesday works": the one slot offered that day
                offered = [t for t in by_day.get(s.day, ()) if proposed[t] is not m]
                start = offered[0] if len(offered) == 1 else None
            elif start is not None and not s.zoned and start not in proposed and s.how != "proposed":
                # "Tuesday at 2pm works", written in London to an offer of "Tuesday at 2pm ET":
                # the offer's clock, in the offer's zone.
                same = [t for t in by_clock.get((s.day, start.time()), ()) if proposed[t] is not m]
                start = same[0] if len(same) == 1 else start
            if start is None or known(start) or start in text:
                continue
            if not s.timed and (start.date() in invite_days or any(t.date() == start.date() for t in text)):
                continue  # "thanks for speaking with me today": the interview already known
            if s.how == "proposed":
                if start not in proposed:
                    proposed[start] = m
                    by_clock.setdefault((start.date(), start.time()), []).append(start)
                    by_day.setdefault(start.date(), []).append(start)
            elif s.how in ("confirmed", "past") or (start in proposed and proposed[start] is not m):
                who = proposed[start].sender if start in proposed else m.sender
                text[start] = Interview(start, "text", organizer=who)
    return list(text.values())


def _near(start: datetime, instants: list[datetime]) -> bool:
    """Within a day of one of the (sorted) instants."""
    i = bisect_left(instants, start)
    return any(abs(start - instants[j]) <= timedelta(days=1) for j in (i - 1, i) if 0 <= j < len(instants))


def times_in_text(text: str, sent: datetime, subject: str = "") -> list[tuple[datetime, str]]:
    """Meeting times written in prose, each with how it was said (see slots_in_text)."""
    return [(s.start, s.how) for s in slots_in_text(text, sent, subject) if s.start is not None]


def slots_in_text(text: str, sent: datetime, subject: str = "") -> list[Slot]:
    """The moments a message names, sentence by sentence, each with how it was said.

    "confirmed": its sentence (or the subject) is about an interview; "proposed": the same,
    but offered as a choice; "mentioned": a bare time, which confirms a proposal when it
    repeats one ("Tuesday 3 March at 16:00 works perfectly"); "past": an interview that
    happened ("the call we had this morning"); "agreed": a day alone that picks an offered
    slot ("Wednesday works"); "cancelled"/"reschedule": what no longer stands.
    """
    about = bool(_MEETING.search(subject[:300]))
    out: list[Slot] = []
    offering = False  # "Would any of these work?" goes on in the list below it
    previous = ""
    for paragraph in text[:MAX_TEXT].split("\n\n"):
        offering = offering and previous.rstrip().endswith(("?", ":"))
        previous = paragraph
        for sentence in _sentences(" ".join(paragraph.split())):
            slots, offering = _read_sentence(sentence[:MAX_SENTENCE], sent, about, offering)
            out.extend(slots)
    return out


_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")
_DOTTED_AMPM = re.compile(r"\b([ap])\.\s?m\.", re.I)


def _sentences(flat: str) -> list[str]:
    """Sentences, without breaking "a.m." or "9.30" apart."""
    out: list[str] = []
    for part in _SENTENCE.findall(_DOTTED_AMPM.sub(r"\1m", flat)):
        if out and part[:1].isdigit():
            out[-1] += part
        elif part.strip():
            out.append(part)
    return out


def _read_sentence(sentence: str, sent: datetime, about: bool, offering: bool) -> tuple[list[Slot], bool]:
    days = _day_tokens(sentence, sent)
    if not days and not _CHANGE.search(sentence):  # most sentences: no day, nothing cancelled
        return [], offering or bool(_PROPOSAL.search(sentence) and _MEETING.search(sentence))
    clocks = _clock_tokens(sentence, sent.tzinfo or timezone.utc, days)
    said = _THANKS.search(sentence) or (_WITH_ME.search(sentence) if _PAST_TENSE.search(sentence) else None)
    meeting = bool(said) or bool(_MEETING.search(sentence))
    past = bool(said)
    # "Thanks for the call today, see you Friday at 2pm": after "see you", days are ahead.
    ahead = [f.start() for f in _FUTURE.finditer(sentence)] if said else []

    def gone(token) -> bool:
        return past and not any(said.start() < f < token[0] for f in ahead)

    question = bool(_PROPOSAL.search(sentence))
    hypothetical = bool(_HYPOTHETICAL.search(sentence))
    if _CANCEL.search(sentence) and not hypothetical and (meeting or about):
        named = [d for token in days if (d := _resolve(token, sent, past)) is not None]
        if named:
            return [Slot(d, None, "cancelled") for d in named], False
        return [Slot(sent.date(), None, "reschedule")], False  # "the interview is cancelled"
    slots: list[Slot] = []
    if _RESCHEDULE.search(sentence) and not hypothetical:
        slots.append(Slot(sent.date(), None, "reschedule"))
        meeting = True
    if not days:
        return slots, offering or (question and meeting)
    if not meeting and _DEADLINE.search(sentence):
        return slots, offering
    timed: list[datetime] = []
    zoned: set[datetime] = set()
    happened: set[datetime] = set()
    used_days: set[int] = set()
    for pos, clock, zone_named in clocks:
        i = _day_for(pos, days, clocks)
        if i is None:
            continue
        day = _resolve(days[i], sent, gone(days[i]))
        if day is None:
            continue
        used_days.add(i)
        start = _at(day, clock)
        if start is not None and start not in timed:
            timed.append(start)
            if zone_named:
                zoned.add(start)
            if gone(days[i]):
                happened.add(start)
    several = len(timed) > 1 and re.search(r"\bor\b", sentence, re.I)
    if about or meeting:
        how = "proposed" if (question or offering or several) and not past else "confirmed"
    else:
        how = "proposed" if offering or question else "mentioned"  # "Would Friday at 10 work?"
    # A time already gone is no offer: "our phone screen on 24 Feb at 2pm: any update?"
    slots += [Slot(t.date(), t, "past" if t in happened or how == "proposed" and t < sent else how,
                   zoned=t in zoned) for t in timed]
    # A day without a time: an interview that happened, or a day that picks an offered slot.
    for i, token in enumerate(days):
        if i in used_days:
            continue
        day = _resolve(token, sent, gone(token))
        if day is None:
            continue
        if _DEADLINE_BEFORE.search(sentence[max(0, token[0] - 40):token[0]]):
            continue  # "reply by Friday"
        if gone(token) and day <= sent.date():
            at = datetime.combine(day, time(12), tzinfo=sent.tzinfo or timezone.utc)
            slots.append(Slot(day, min(at, sent), "past", timed=False))
        elif not question and _AGREED.search(sentence):
            slots.append(Slot(day, None, "agreed"))
    return slots, offering or (question and meeting) or (offering and not timed)


def _day_tokens(sentence: str, sent: datetime) -> list[tuple[int, int, re.Match, bool]]:
    """(start, end, match, explicit) for each day named, a weekday beside its date merged into it."""
    out: list[tuple[int, int, re.Match, bool]] = []
    for m in _DAY.finditer(sentence):
        explicit = bool(m.group("m1") or m.group("m2") or m.group("iy") or _day_of_month_group(m))
        if out and m.start() - out[-1][1] <= 3 and sentence[out[-1][1]:m.start()].strip(" ,(") == "":
            prev = out[-1]
            if explicit or not prev[3]:
                out[-1] = (prev[0], m.end(), m if explicit else prev[2], explicit or prev[3])
            else:
                out[-1] = (prev[0], m.end(), prev[2], True)
            continue
        out.append((m.start(), m.end(), m, explicit))
    return [(s, e, m, x) for s, e, m, x in out]


def _clock_tokens(sentence: str, default: tzinfo, days) -> list[tuple[int, tuple[int, int, tzinfo], bool]]:
    """(position, (hour, minute, zone), zone named) for each clock time, second zones dropped."""
    spans = [(s, e) for s, e, _, _ in days]
    out: list[tuple[int, tuple[int, int, tzinfo], bool]] = []
    last_end, last_named = -100, False
    for m in _CLOCK.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if m.group("noon"):
            hour, minute = 12, 0
        else:
            ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
            end = (m.group("ampm2") or "").lower().replace(".", "").replace(" ", "")
            if not ampm and end and m.group("h2"):  # "2-3pm" is 2pm; "11-1pm" is 11am
                ampm = end if int(m.group("h")) % 12 <= int(m.group("h2")) % 12 else {"pm": "am", "am": "pm"}[end]
            if not (ampm or m.group("sep") == ":" or m.group("at")):
                continue  # a bare number is not a time
            if m.group("sep") == "." and not ampm:
                continue
            hour, minute = int(m.group("h")), int(m.group("min") or 0)
            if ampm and not 1 <= hour <= 12:
                continue
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            elif not ampm and not m.group("sep") and hour < 7:  # "at 2" in office talk means 2 pm
                hour += 12
            elif not ampm and not m.group("sep") and hour > 12:
                continue  # "at 48" is no time
        if _DEADLINE_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]) or \
                _BOUND_BEFORE.search(sentence[max(0, m.start() - 12):m.start()]):
            last_end = m.end()
            continue  # "by 5pm": a deadline; "after 1 PM": a window
        zone, end = _zone_after(sentence, m.end())
        between = sentence[last_end:m.start()]
        if out and _SAME_MOMENT.match(between) and (last_named or zone is not None):
            last_end = end
            continue  # the same moment again, in the reader's zone
        if zone is None and _YOUR_TIME.match(sentence[m.end():m.end() + 20]):
            last_end = end
            continue  # "7pm your time": the reader's zone, which the text does not name
        out.append((m.start(), (hour, minute, zone or default), zone is not None))
        last_end, last_named = end, zone is not None
    return out


def _zone_after(sentence: str, pos: int) -> tuple[tzinfo | None, int]:
    """The zone named right after a time ("ET", "(GMT+1)", "in Chicago", "London time")."""
    m = _ZONE_AFTER.match(sentence, pos, pos + 40)
    if m is None:
        return None, pos
    if m.group("off"):
        sign = -1 if m.group("sign") in "-\u2212" else 1
        hours, minutes = int(m.group("oh")), int(m.group("om") or 0)
        if hours > 14 or minutes > 59:
            return None, pos
        return timezone(sign * timedelta(hours=hours, minutes=minutes)), m.end()
    if m.group("abbr"):
        name = TZ_ABBREVIATIONS.get(m.group("abbr").upper())
        return (ZoneInfo(name), m.end()) if name else (None, pos)
    city = m.group("city").lower()
    name = CITY_ZONES.get(city) or _cities().get(city) or _cities().get(city.split()[0])
    if name is None or not (m.group("lead") or m.group("time")):
        return None, pos  # a capitalised word after a time is a city only as "in X" or "X time"
    return ZoneInfo(name), m.end()


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City -> zone, from the tz database itself ("Chicago" -> America/Chicago)."""
    out = {}
    for name in sorted(available_timezones()):
        if "/" in name and name.split("/")[0] in ("America", "Europe", "Asia", "Australia", "Africa", "Pacific"):
            out.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return out


def _day_for(pos: int, days, clocks) -> int | None:
    """The day a clock time belongs to: the nearest before it with no other time between, else the next."""
    before = [i for i, (s, e, _, _) in enumerate(days) if e <= pos]
    if before:
        i = before[-1]
        if not any(days[i][1] <= p < pos for p, _, _ in clocks):
            return i
    after = [i for i, (s, _, _, _) in enumerate(days) if s >= pos]
    if after:
        return after[0]
    return before[-1] if before else None


def _resolve(token, sent: datetime, past: bool) -> date | None:
    _, _, m, _ = token
    today = sent.date()
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("m1") or m.group("m2"):
            month = MONTHS[(m.group("m1") or m.group("m2")).lower()[:3]]
            day = int(m.group("d1") or m.group("d2"))
            if m.group("year"):
                return date(int(m.group("year")), month, day)
            return _nearest(month, day, today)
    except ValueError:
        return None
    if _day_of_month_group(m):
        named = m.group("wd3") or m.group("wd4")
        return _day_of_month(int(_day_of_month_group(m)), WEEKDAYS[named.lower()[:3]] if named else None, today)
    rel = (m.group("rel") or "").lower()
    if rel:
        return today + timedelta(days={"tomorrow": 1, "yesterday": -1}.get(rel, 0))
    weekday = WEEKDAYS[m.group("wd").lower()[:3]]
    which = (m.group("which") or "").strip().lower()
    if past or which == "last":
        return today - timedelta(days=(today.weekday() - weekday) % 7)
    if which == "next":  # PROMISES.md rule 7: the following Monday-to-Sunday week
        return today + timedelta(days=7 - today.weekday() + weekday)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _nearest(month: int, day: int, sent: date) -> date:
    """A date without a year is the occurrence nearest the sent date (PROMISES.md rule 10)."""
    options = []
    for year in (sent.year - 1, sent.year, sent.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError("no such day")
    return min(options, key=lambda d: abs((d - sent).days))


def _day_of_month_group(m: re.Match) -> str | None:
    """The day of the month of "Wednesday the 18th", "Wed 18th" or "the 18th", if that is the token."""
    return m.group("d3") or m.group("d4") or m.group("d5")


def _day_of_month(day: int, weekday: int | None, sent: date) -> date | None:
    """"Wednesday the 18th": the 18th nearest the sent date that is a Wednesday, else the nearest
    18th (the number is the date; a weekday is checked, never counted from)."""
    options = []
    for shift in (-1, 0, 1, 2):
        year, month = divmod(sent.month - 1 + shift, 12)
        try:
            options.append(date(sent.year + year, month + 1, day))
        except ValueError:
            continue
    if not options:
        return None
    fitting = [d for d in options if weekday is None or d.weekday() == weekday] or options
    return min(fitting, key=lambda d: abs((d - sent).days))


def _at(day: date, clock: tuple[int, int, tzinfo]) -> datetime | None:
    hour, minute, zone = clock
    try:
        return datetime.combine(day, time(hour, minute), tzinfo=zone)
    except ValueError:
        return None
