"""Upcoming follow-up dates as calendar reminders, and the iCalendar file that holds them.

Three kinds, from the advice: the last day for a thank-you ("at the end of the day or the
day after your job interview"), the first fair day for a status check ("if you haven't
heard from them during the time frame they gave you"; fair from the business day after
the wait, as `followup draft status-check` rules), and each scheduled interview, with a
reminder to write the debrief that evening ("Debrief once you arrive home").

Each reminder's UID is built from the thread id and the kind (and, for interviews and
their thank-yous, the interview's place in the thread), never from a date, so importing a
newer file updates an event that moved rather than adding a second one. Pure: the caller
writes the bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from assistant.status import Entry, Status
from assistant.process import first_fair_day
from assistant.workdays import next_business_day

PRODID = "-//interview-followup//followup remind//EN"
UID_DOMAIN = "followup.interview-followup"
KINDS = ("thank-you", "status-check", "interview")


@dataclass(frozen=True)
class Reminder:
    uid: str
    day: date
    kind: str
    thread_id: str
    company: str
    summary: str
    description: str
    alarm: timedelta  # from the start (midnight) of the all-day event

    def to_json(self) -> dict:
        return {"uid": self.uid, "date": self.day.isoformat(), "kind": self.kind, "thread": self.thread_id,
                "company": self.company, "summary": self.summary, "description": self.description}


def reminders_of(status: Status) -> list[Reminder]:
    """Every upcoming follow-up date of the live processes, soonest first."""
    found: list[Reminder] = []
    for e in status.entries:
        found.extend(_of_entry(e, status.today))
    return sorted(found, key=lambda r: (r.day, KINDS.index(r.kind), r.company.lower(), r.uid))


def _of_entry(e: Entry, today: date) -> list[Reminder]:
    p = e.process
    who = p.company or "?"
    role = f" ({p.role})" if p.role else ""
    out: list[Reminder] = []

    def add(kind: str, n: int | None, day: date, summary: str, description: str, alarm: timedelta) -> None:
        uid = f"{p.id}-{kind}{'' if n is None else f'-{n}'}@{UID_DOMAIN}"
        out.append(Reminder(uid, day, kind, p.id, who, summary, description, alarm))

    nine_am, day_before_9am = timedelta(hours=9), timedelta(hours=-15)
    if e.stage == "scheduled":
        for n, i in enumerate(p.interviews, start=1):
            day = i.start.date()
            if day < today:
                continue
            add("interview", n, day, f"Interview with {who}{role}; write the debrief tonight",
                f"Interview with {who} at {i.start:%H:%M} (UTC{i.start:%z}). Prepare; the evening after, "
                f"write the debrief while it is fresh: followup debrief {p.id}", day_before_9am)
            add("thank-you", n, next_business_day(day), f"Send a thank-you to {who} (last day)",
                f"Thank the interviewers of {day:%a %d %b}; improve the answer you fumbled and restate your "
                f"interest, briefly: followup draft thank-you {p.id}", nine_am)
    if e.stage == "thank_you_due":
        n = len(p.interviews)
        day = p.next_date
        add("thank-you", n, day, f"Send a thank-you to {who} (last day)",
            f"Thank the interviewers of {p.interviews[-1].start:%a %d %b}; improve the answer you fumbled "
            f"and restate your interest, briefly: followup draft thank-you {p.id}", nine_am)
    if e.stage in ("thank_you_due", "waiting", "overdue") and p.wait_until and not e.checkins:
        day = max(first_fair_day(p), today)
        said = f'they said "{p.promise.phrase}"' if p.promise else "no date was promised"
        runs = "ran" if p.wait_until < today else "runs"
        add("status-check", None, day, f"Send {who} one polite status check",
            f"{said}; their time frame {runs} until {p.wait_until:%a %d %b}. One check-in, no more: "
            f"followup draft status-check {p.id}", nine_am)
    return out


def to_ics(reminders: list[Reminder], today: date) -> bytes:
    """An iCalendar file: an all-day event per reminder, each with a display alarm.

    DTSTAMP is today at midnight UTC and SEQUENCE counts days, so the same day gives the
    same bytes and a later file wins over an earlier one in clients that compare them.
    """
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Interview follow-ups")
    stamp = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    sequence = (today - date(2000, 1, 1)).days
    for r in reminders:
        event = Event()
        event.add("uid", r.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", r.day)
        event.add("dtend", r.day + timedelta(days=1))
        event.add("summary", r.summary)
        event.add("description", r.description)
        event.add("categories", [r.kind])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", r.summary)
        alarm.add("trigger", r.alarm, parameters={"RELATED": "START"})
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
