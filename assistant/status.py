"""The whole pipeline at a glance: stages, counts, gone-quiet processes, and a timeline.

The advice behind it: "Do not stop looking for a job ... do not put all your eggs in one
basket, apply to other roles that interest you." So the status view counts the processes
still alive and says so when there are fewer than `min_active_processes`.

Pure: processes, my addresses and today's date in; records and text out. `process.py`
keeps its states; "gone quiet" is a view of them, computed here from the last activity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from assistant.hiring import is_company_sender
from assistant.outcomes import outcome_of
from assistant.process import ACTIVE, Process, gone_quiet, next_step, quiet_step
from assistant.process import last_activity as process_last_activity
from assistant.process import when as process_when

GONE_QUIET = "gone_quiet"
# Display order, most urgent first; also the order of the counts.
STAGES = ("thank_you_due", "overdue", "scheduled", "waiting", "applied", GONE_QUIET, "offer", "rejected",
          "withdrawn")


@dataclass(frozen=True)
class Entry:
    """One process as the status view shows it."""

    process: Process
    stage: str
    last_activity: date | None  # last message or interview, whoever it came from
    last_contact: date | None  # last message
    when: tuple[str, date] | None  # ("until", d): the date that matters and why
    action: str
    outcome_day: date | None = None  # the day the rejection or offer arrived
    checkins: tuple[date, ...] = ()  # my status checks since their last message (Process.checkins)

    def to_json(self) -> dict:
        return dict(
            self.process.to_json(),
            stage=self.stage,
            active=self.stage in ACTIVE,
            last_activity=_iso(self.last_activity),
            last_contact=_iso(self.last_contact),
            next={"word": self.when[0], "date": self.when[1].isoformat()} if self.when else None,
            action=self.action,
            checkins=[d.isoformat() for d in self.checkins],
        )


@dataclass(frozen=True)
class Status:
    today: date
    entries: list[Entry]
    min_active: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def active(self) -> int:
        return sum(e.stage in ACTIVE for e in self.entries)

    @property
    def warning(self) -> str | None:
        """The eggs-in-one-basket nudge, or None when enough processes are alive."""
        n = self.active
        if n >= self.min_active:
            return None
        return (f"Only {n} active process{'' if n == 1 else 'es'} (you aim for at least {self.min_active}): "
                "don't put all your eggs in one basket; keep applying to roles you like.")

    def counts_line(self) -> str:
        parts = [f"{n} {stage_words(s)}" for s, n in self.counts.items() if n]
        total = len(self.entries)
        return f"{self.active} of {total} active: {', '.join(parts) or 'no processes'}"

    def to_json(self) -> dict:
        return {
            "today": self.today.isoformat(),
            "processes": [e.to_json() for e in self.entries],
            "counts": self.counts,
            "active": self.active,
            "min_active_processes": self.min_active,
            "warning": self.warning,
        }


def stage_words(stage: str) -> str:
    return stage.replace("_", " ")


def summarise(processes: Iterable[Process], today: date, me: frozenset[str] = frozenset(),
              min_active: int = 3, close_after_days: int = 45) -> Status:
    """Every process with its stage, the date that matters and what to do; counts per stage."""
    entries = [entry_of(p, today, me, close_after_days) for p in processes]
    order = {s: i for i, s in enumerate(STAGES)}
    entries.sort(key=lambda e: order[e.stage])  # stable: list_processes' order within a stage
    counts = {s: sum(e.stage == s for e in entries) for s in STAGES}
    return Status(today, entries, min_active, counts)


def entry_of(p: Process, today: date, me: frozenset[str] = frozenset(), close_after_days: int = 45) -> Entry:
    last_activity = process_last_activity(p)
    checkins = tuple(m.date.date() for m in p.checkins)
    last_contact = p.last_message.date.date() if p.last_message.date else None
    stage = p.state
    if gone_quiet(p, today, close_after_days):
        stage = GONE_QUIET
    if stage == GONE_QUIET:
        when = ("quiet since", last_activity)
        action = quiet_step(p, today)
    else:
        when = process_when(p)
        action = next_step(p, today)
    outcome_day = _outcome_day(p, me) if stage in ("rejected", "offer") else None
    return Entry(p, stage, last_activity, last_contact, when, action, outcome_day, checkins)


def _first_day(p: Process) -> date | None:
    days = [m.date.date() for m in (p.thread.messages if p.thread else [p.last_message]) if m.date]
    days += [i.start.date() for i in p.interviews]
    return min(days) if days else None


def _outcome_day(p: Process, me: frozenset[str]) -> date | None:
    """The day of the newest message from them that carries the verdict."""
    messages = p.thread.messages if p.thread else [p.last_message]
    hits = [m.date.date() for m in messages
            if m.date and is_company_sender(m, me) and outcome_of(m.newest) == p.state]
    if hits:
        return hits[-1]
    return p.last_message.date.date() if p.last_message.date else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# ------------------------------------------------------------------------------ timeline

MARKS = (
    ("I", "interview"), ("P", "promised date"), ("C", "my check-in"), ("\u00b7", "waiting"),
    ("!", "overdue"), ("x", "rejected"), ("$", "offer"), ("w", "withdrew"),
)
# When two marks fall in one column the stronger wins: a verdict, then an interview, ...
PRIORITY = "x$wICP!\u00b7"
RARE_MARKS = {"w"}  # in the legend only when drawn
TODAY = "v"


@dataclass(frozen=True)
class Lane:
    """One row of the timeline: a label and a mark for each day that has one."""

    label: str
    marks: Mapping[date, str]


def lanes_of(status: Status) -> list[Lane]:
    """A lane per process: waiting from the first message, overdue after the wait, the events marked."""
    width = min(max((len(e.process.company or "?") for e in status.entries), default=0), 20)
    return [_lane(e, status.today, width) for e in status.entries]


def _lane(e: Entry, today: date, width: int) -> Lane:
    p = e.process
    marks: dict[date, str] = {}

    def put(d: date | None, mark: str) -> None:
        if d is not None and (d not in marks or PRIORITY.index(mark) < PRIORITY.index(marks[d])):
            marks[d] = mark

    def fill(a: date | None, b: date | None, mark: str) -> None:
        if a is None or b is None:
            return
        for n in range((b - a).days + 1):
            put(a + timedelta(days=n), mark)

    start = _first_day(p)
    if e.stage in ("rejected", "offer"):
        end = e.outcome_day or today
        fill(start, end - timedelta(days=1), "\u00b7")
        put(end, "x" if e.stage == "rejected" else "$")
    elif e.stage == GONE_QUIET:
        fill(start, e.last_activity, "\u00b7")
    elif e.stage == "withdrawn":
        fill(start, e.last_activity, "\u00b7")
        put(e.last_activity, "w")
    elif e.stage == "overdue":
        fill(start, p.wait_until, "\u00b7")
        fill(p.wait_until + timedelta(days=1), today, "!")
    elif e.stage == "waiting":
        fill(start, max(p.wait_until or today, today), "\u00b7")
    elif e.stage == "scheduled":
        fill(start, max(p.latest_interview.start.date(), today), "\u00b7")
    else:
        fill(start, today, "\u00b7")
    for i in p.interviews:
        put(i.start.date(), "I")
    if p.promise is not None and e.stage not in ("rejected", "offer", "withdrawn"):
        put(p.promise.due, "P")
    for d in e.checkins:
        put(d, "C")
    company = p.company or "?"
    if len(company) > width:
        company = company[: width - 1] + "\u2026"
    return Lane(f"{company.ljust(width)}  {stage_words(e.stage)}", marks)


def render_timeline(lanes: list[Lane], today: date, width: int = 100) -> str:
    """Plain text, at most `width` columns: a row per lane, a column a day (or a week when the
    span does not fit), the days marked, today marked with v above its column, and a legend."""
    if not lanes:
        return "No hiring processes to draw."
    label_w = min(max(len(lane.label) for lane in lanes), 36)
    room = max(width - label_w - 2, 8)
    days = [d for lane in lanes for d in lane.marks] + [today]
    first, last = min(days), max(days)
    if (last - first).days + 1 <= room:
        unit, origin = 1, first
    else:
        unit, origin = 7, first - timedelta(days=first.weekday())
    ncols = (last - origin).days // unit + 1
    if ncols > room:  # keep the most recent columns
        origin += timedelta(days=unit * (ncols - room))
        ncols = room

    def col(d: date) -> int:
        return (d - origin).days // unit

    def column_day(c: int) -> date:
        return origin + timedelta(days=c * unit)

    labels, ticks = [" "] * ncols, ["-"] * ncols
    free = 0
    for c in range(ncols):
        d = column_day(c)
        # a day column: label the Mondays; a week column: label the week that holds a 1st
        starts = d.weekday() == 0 if unit == 1 else (d + timedelta(days=6)).day <= 7
        text = f"{d:%d %b}" if unit == 1 else f"{d + timedelta(days=6):%b}"
        if starts and c >= free and c + len(text) <= ncols:
            labels[c : c + len(text)] = text
            ticks[c] = "+"
            free = c + len(text) + 1
    today_col = col(today)
    if 0 <= today_col < ncols:
        ticks[today_col] = TODAY

    pad = " " * (label_w + 2)
    span = "a day" if unit == 1 else "a week, weeks from Monday"
    lines = [
        f"{column_day(0):%a %d %b %Y} to {last:%a %d %b %Y}, a column {span}; today {today:%a %d %b}",
        (pad + "".join(labels)).rstrip(),
        pad + "".join(ticks),
    ]
    for lane in lanes:
        cells = [" "] * ncols
        for d, mark in lane.marks.items():
            c = col(d)
            if 0 <= c < ncols and (cells[c] == " " or PRIORITY.index(mark) < PRIORITY.index(cells[c])):
                cells[c] = mark
        label = lane.label if len(lane.label) <= label_w else lane.label[: label_w - 1] + "\u2026"
        lines.append((label.ljust(label_w) + "  " + "".join(cells)).rstrip())
    drawn = {mark for lane in lanes for mark in lane.marks.values()}
    legend = [f"{m} {what}" for m, what in MARKS if m not in RARE_MARKS or m in drawn] + [f"{TODAY} today"]
    line = ""
    for item in legend:  # wrapped to the width, like the grid
        if line and len(line) + 2 + len(item) > width:
            lines.append(line)
            line = ""
        line = f"{line}  {item}" if line else item
    lines.append(line)
    return "\n".join(lines)
