"""A hiring process as the job seeker sees it: who, what was promised, what state, what next.

`build_process` is pure: a thread, my addresses and today's date in, a Process out (or None
for mail that is not a hiring process). The state rules are PROMISES.md's and the issue's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable

from assistant.hiring import (
    Contact, company_of, company_parties, contacts_of, could_be_hiring, hiring_score, invited_by_company,
    is_acknowledgement, is_company_sender, is_hiring, is_mine, is_my_calendar, on_behalf_of, role_of,
)
from assistant.senders import domain_of, is_automated
from assistant.debrief import Debrief, spoken_promise
from assistant.interviews import Interview, interviews_of
from assistant.mail import Message
from assistant.mailbox import Thread
from assistant.outcomes import outcome_of, withdrawal_in
from assistant.promises import Promise, find_promise
from assistant.workdays import add_business_days, next_business_day

STATES = ("applied", "scheduled", "thank_you_due", "waiting", "overdue", "rejected", "offer", "withdrawn")


@dataclass
class Process:
    id: str
    subject: str
    company: str
    role: str
    contacts: list[Contact]
    interviews: list[Interview]
    last_message: Message
    last_from_me: bool
    promise: Promise | None
    promise_made_at: datetime | None
    promise_source: str | None  # "email" or "debrief" (said out loud at the interview)
    wait_until: date | None
    state: str
    followups_since_reply: int  # every message of mine since their last one
    checkins: list[Message] = field(default_factory=list)  # those of them that ask for news
    their_question: str | None = None  # they asked me something and I have not answered
    debrief: Debrief | None = field(default=None, repr=False)  # what I wrote down, if anything
    thread: Thread | None = field(default=None, repr=False)  # as it happened: drafts left out
    sent: list[Message] = field(default_factory=list, repr=False)  # my messages (never drafts)
    decided_at: datetime | None = None  # when their answer (rejection or offer) came
    unsent: list[Message] = field(default_factory=list, repr=False)  # drafts in the thread, never sent
    # One process may span several mail threads (the ATS acknowledgement, the interview
    # thread, an offer with a new subject): `id` is one of them, kept as mail arrives (join).
    members: tuple[Thread, ...] = field(default=(), repr=False)
    reply_to: Message | None = field(default=None, repr=False)  # the message a draft answers

    @property
    def thread_ids(self) -> list[str]:
        return [t.id for t in self.members] or [self.id]

    @property
    def reply_thread_id(self) -> str:
        """The mail thread a draft goes into: the one holding the message it answers."""
        if self.reply_to is not None:
            for t in self.members:
                if any(m is self.reply_to for m in t.messages):
                    return t.id
        return self.id

    @property
    def next_date(self) -> date | None:
        """The date that matters next: interview, thank-you deadline, or wait_until."""
        if self.state == "scheduled":
            return self.latest_interview.start.date()
        if self.state == "thank_you_due":
            return next_business_day(self.interviews[-1].start.date())
        if self.state in ("waiting", "overdue"):
            return self.wait_until
        return None

    @property
    def last_checkin(self) -> date | None:
        return self.checkins[-1].date.date() if self.checkins and self.checkins[-1].date else None

    @property
    def latest_interview(self) -> Interview | None:
        """The last interview of the thread: the upcoming one when the state is scheduled."""
        return self.interviews[-1] if self.interviews else None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "threads": self.thread_ids,
            "subject": self.subject,
            "company": self.company,
            "role": self.role,
            "contacts": [{"name": c.name, "email": c.email, "role": c.role} for c in self.contacts],
            "interviews": [{"start": i.start.isoformat(), "source": i.source} for i in self.interviews],
            "last_message": {
                "at": self.last_message.date.isoformat() if self.last_message.date else None,
                "from_me": self.last_from_me,
            },
            "promise": None if self.promise is None else {
                "phrase": self.promise.phrase,
                "due": self.promise.due.isoformat(),
                "made_at": self.promise_made_at.isoformat() if self.promise_made_at else None,
                "kind": self.promise.kind,
                "source": self.promise_source,
            },
            "wait_until": self.wait_until.isoformat() if self.wait_until else None,
            "state": self.state,
            "followups_since_reply": self.followups_since_reply,
            "their_question": self.their_question,
            "next_date": self.next_date.isoformat() if self.next_date else None,
        }


def build_process(thread: Thread, me: frozenset[str], today: date, wait_days: int = 10,
                  debrief_for: Callable[[str], Debrief | None] = lambda _: None) -> Process | None:
    """The process a thread tells of, as of today; None when it is not hiring mail.

    debrief_for(thread_id) gives the user's debrief, whose spoken timeline ("we'll decide
    by Friday", said in the room) is a promise made on the interview day.
    """
    thread = without_drafts(thread)
    messages = thread.messages
    score = hiring_score(messages, me) if messages else 0
    if not messages or not could_be_hiring(score):
        return None  # decided before the costlier reading of interviews
    interviews = interviews_of(messages)
    if not is_hiring(messages, me, interviews, score):
        return None
    theirs = [m for m in messages if is_company_sender(m, me)]
    # My calendar's "Accepted: Interview ..." is no message of mine: not a follow-up or a reply.
    mine = [m for m in messages if is_mine(m, me) and not is_calendar_reply(m)]

    # The newest word from them decides the promise (PROMISES.md rule 15): their last
    # message, or what they said in the room if the debrief records it and it came later.
    last_theirs = theirs[-1]
    sent = last_theirs.date
    promise = find_promise(last_theirs.newest, sent) if sent else None
    promise_source = "email"
    debrief = debrief_for(thread.id)
    spoken, spoken_at = _spoken(debrief, interviews)
    if spoken is not None and (sent is None or spoken_at >= sent):
        promise, sent, promise_source = spoken, spoken_at, "debrief"
    outcome, decided_at = None, None
    for m in theirs:
        if found := outcome_of(m.newest):
            outcome, decided_at = found, m.date
    if outcome and interviews and decided_at and interviews[-1].start > decided_at:
        outcome = None  # a new interview after the verdict reopens the process
    withdrew = [m for m in mine if withdrawal_in(m.newest)]
    last_withdrawal = withdrew[-1].date if withdrew else None
    if last_withdrawal and (decided_at is None or last_withdrawal > decided_at):
        outcome = "withdrawn"  # I ended it; nothing more to chase

    # No promise: wait from their last message or the last interview, whichever is later.
    anchors = [m.date.date() for m in theirs if m.date] + [i.start.date() for i in interviews]
    if promise is not None:
        wait_until = promise.due
    elif anchors:
        wait_until = add_business_days(max(anchors), wait_days)
    else:
        wait_until = None

    after_theirs = [m for m in mine if _after(m, last_theirs)]
    state = _state(outcome, interviews, mine, theirs, today, wait_until)
    return Process(
        id=thread.id,
        subject=messages[0].subject,
        company=company_of(messages, me),
        role=role_of(messages),
        contacts=contacts_of(messages, me, interviews),
        interviews=interviews,
        last_message=messages[-1],
        last_from_me=is_mine(messages[-1], me),
        promise=promise,
        promise_made_at=sent if promise else None,
        promise_source=promise_source if promise else None,
        wait_until=None if outcome else wait_until,
        state=state,
        followups_since_reply=len(after_theirs),
        checkins=checkins_among(after_theirs, None if outcome else wait_until),
        their_question=None if after_theirs or outcome else question_in(last_theirs.newest),
        debrief=debrief,
        thread=thread,
        sent=mine,
        decided_at=decided_at if outcome in ("rejected", "offer") else None,
        members=(thread,),
        reply_to=answered_by_a_draft(theirs),
    )


_CALENDAR_REPLY = re.compile(r"^(?:Accepted|Declined|Tentatively accepted|Tentative|Maybe)\s*:", re.I)


def is_calendar_reply(m: Message) -> bool:
    """An RSVP my calendar mailed for me: "Accepted: Interview with Priya @ Thu 13 Mar"."""
    return bool(_CALENDAR_REPLY.match(m.subject or "")) or any(
        (e.method or "").upper() == "REPLY" for e in m.events)


def answered_by_a_draft(theirs: list[Message]) -> Message | None:
    """The message a draft replies to: their newest real mail, not a calendar invitation
    (nobody answers an invite by email) unless that is all they sent."""
    real = [m for m in theirs if m.message_id and not m.draft]
    written = [m for m in real if not m.events]
    return (written or real or [None])[-1]


def without_drafts(thread: Thread) -> Thread:
    """The thread as it happened: mail sent or received. A draft (Message.draft) was never
    sent, so it is not my last message, a check-in, a reply or a thank-you."""
    if not any(m.draft for m in thread.messages):
        return thread
    return Thread(thread.id, [m for m in thread.messages if not m.draft])


def answered_verdict(p: Process) -> Message | None:
    """My first message after their answer: a rejection I have replied to is done."""
    if p.decided_at is None:
        return None
    return next((m for m in p.sent if m.date is not None and m.date > p.decided_at), None)


def wrote_to(p: Process, email: str, since: datetime) -> Message | None:
    """My first message to this person at or after `since`: To them, or Cc'd and greeted by
    name ("Hi Dana and Ravi, thank you both"); a plain Cc is not a note to them."""
    email = email.lower()

    def greeted(m: Message) -> bool:
        first = next((line for line in (m.newest or "").splitlines() if line.strip()), "")[:200].lower()
        return any(a.email.lower() == email and a.name and a.name.split()[0].lower() in re.findall(r"\w+", first)
                   for a in m.cc) if first else False

    return next((m for m in p.sent if m.date is not None and m.date >= since
                 and (any(a.email.lower() == email for a in m.to) or greeted(m))), None)


def _spoken(debrief: Debrief | None, interviews: list[Interview]) -> tuple[Promise | None, datetime | None]:
    """The debrief's spoken timeline, timed at the start of that day's interview."""
    if debrief is None:
        return None, None
    promise = spoken_promise(debrief)
    if promise is None:
        return None, None
    day = debrief.interview_day
    same_day = [i.start for i in interviews if i.start.date() == day]
    at = same_day[-1] if same_day else datetime.combine(day, time(23, 59), tzinfo=timezone.utc)
    return promise, at


def checkins_among(mine_since_theirs: list[Message], wait_until: date | None) -> list[Message]:
    """Which of my messages since their last one ask for news: any sent after wait_until,
    and any that reads as a status check. A thank-you or a requested document is not one,
    so it never counts against "at most one polite check-in"."""
    from assistant.lint import guess_kind

    return [m for m in mine_since_theirs if m.date is not None and (
        (wait_until is not None and m.date.date() > wait_until) or guess_kind(m.newest) == "status-check")]


def _after(a: Message, b: Message) -> bool:
    return a.date is not None and b.date is not None and a.date > b.date


def _state(outcome, interviews: list[Interview], mine, theirs, today: date, wait_until) -> str:
    if outcome:
        return outcome
    if interviews:
        latest = interviews[-1]
        if latest.start.date() > today:
            return "scheduled"
        day = latest.start.date()
        sent_since = any(m.date and m.date >= latest.start for m in mine)
        if not sent_since and today <= next_business_day(day):
            return "thank_you_due"
    elif all(is_acknowledgement(m) or is_automated(m.sender.email) for m in theirs):
        return "applied"
    if wait_until is None or today <= wait_until:
        return "waiting"
    return "overdue"


URGENCY = {"thank_you_due": 0, "overdue": 1, "scheduled": 2, "waiting": 3, "applied": 4, "offer": 5,
           "rejected": 6, "withdrawn": 7}


def list_processes(threads: list[Thread], me: frozenset[str], today: date, wait_days: int = 10,
                   debrief_for: Callable[[str], Debrief | None] = lambda _: None,
                   close_after_days: int = 45) -> list[Process]:
    """Every hiring process among the threads, most urgent first; gone quiet after the
    active ones, before the answered ones (the order `status` shows)."""
    unsent = {t.id: [m for m in t.messages if m.draft] for t in threads}  # for drafts.check_unsent
    threads = fold_invitations([t for t in map(without_drafts, threads) if t.messages], me)
    found = [p for t in threads if (p := build_process(t, me, today, wait_days, debrief_for)) is not None]
    found = [join(group, me, today, wait_days, debrief_for) for group in one_process_each(found)]
    for p in found:
        p.unsent = sorted((m for tid in p.thread_ids for m in unsent.get(tid, [])), key=_sent_key)
    far = date.max

    def rank(p: Process) -> float:
        return URGENCY["applied"] + 0.5 if gone_quiet(p, today, close_after_days) else URGENCY[p.state]

    return sorted(found, key=lambda p: (rank(p), p.next_date or far, p.company.lower()))


JOIN_GAP_DAYS = 90  # threads of one company further apart than this are two applications
_LEGAL_WORDS = {"inc", "ltd", "llc", "gmbh", "plc", "corp", "co", "sa", "ag", "bv", "limited", "the"}


def one_process_each(found: list[Process]) -> list[list[Process]]:
    """Group the threads that tell of one application: same company, compatible role, close in time.

    Gmail keeps the ATS acknowledgement, the scheduling, the interview thread and an offer
    or rejection with a new subject apart; the job seeker sees one process. Roles are
    compatible when equal, when one thread names none, or when one only adds the team
    ("Data Analyst" and "Data Analyst, Claims"); two named roles at one company stay two
    processes. A role-less thread joins only when exactly one process of that company is
    near it in time, and a new acknowledgement after a rejection is a new application.
    """
    groups: list[list[Process]] = []
    by_word: dict[str, list[list[Process]]] = {}  # first word of the company -> its groups
    facts: dict[int, _GroupFacts] = {}  # id(group) -> what the checks need, kept as it grows
    named = sorted((p for p in found if p.role), key=_started)
    unnamed = sorted((p for p in found if not p.role), key=_started)
    for p in named + unnamed:
        words = _company_words(p.company)
        same = by_word.get(words[0], []) if words else []
        first, last = _first_day(p), last_activity(p)
        near = [g for g in same if facts[id(g)].same_company(words) and facts[id(g)].near(p, first, last)]
        fits = [g for g in near if facts[id(g)].roles_fit(p.role)]
        if not p.role and len({_letters(facts[id(g)].role_key()) for g in fits}) > 1:
            fits = []  # which of two roles? keep it apart rather than guess
        if fits:
            fits[-1].append(p)
            facts[id(fits[-1])].add(p, words, first, last)
        else:
            groups.append([p])
            facts[id(groups[-1])] = _GroupFacts()
            facts[id(groups[-1])].add(p, words, first, last)
            if words:
                by_word.setdefault(words[0], []).append(groups[-1])
    return [sorted(g, key=_started) for g in groups]


class _GroupFacts:
    """A group's span, companies, roles and last answer, updated as a thread joins it, so
    that grouping thousands of threads of one company is not quadratic in their messages."""

    def __init__(self):
        self.start = self.end = self.closed = None
        self.words: dict[tuple[str, ...], None] = {}
        self.roles: dict[str, None] = {}

    def add(self, p: Process, words: tuple[str, ...], first: date | None, last: date | None) -> None:
        days = [d for d in (first, last) if d is not None]
        if days:
            self.start = min([self.start, *days]) if self.start else min(days)
            self.end = max([self.end, *days]) if self.end else max(days)
        if p.state in ("rejected", "withdrawn") and p.decided_at:
            day = p.decided_at.date()
            self.closed = max(self.closed, day) if self.closed else day
        self.words.setdefault(words)
        self.roles.setdefault(p.role)

    def same_company(self, mine: tuple[str, ...]) -> bool:
        return _same_company([], mine, self.words)

    def near(self, p: Process, first: date | None, last: date | None) -> bool:
        return _near([], p, facts=(self.start, self.end, self.closed, first, last))

    def roles_fit(self, role: str) -> bool:
        return all(_same_role(r, role) for r in self.roles)

    def role_key(self) -> str:
        return max((r for r in self.roles if r), key=len, default="")


def join(group: list[Process], me: frozenset[str], today: date, wait_days: int,
         debrief_for: Callable[[str], Debrief | None]) -> Process:
    """One process from the threads of one application: its facts from all their messages
    in date order (the newest word from them wins, PROMISES.md rule 15).

    Its id is the first thread where a person of theirs wrote (the conversation, where the
    debrief and the drafts were keyed when it was a process alone), else the first thread:
    an offer or a rejection arriving later, in a new thread, never renames it.
    """
    if len(group) == 1:
        return group[0]
    members = tuple(p.thread for p in group)
    seen: set[int] = set()
    messages = sorted((m for t in members for m in t.messages if not (id(m) in seen or seen.add(id(m)))),
                      key=_sent_key)

    def debrief(pid: str) -> Debrief | None:  # its own, else one written under another of its threads
        return next((d for tid in dict.fromkeys([pid, *(t.id for t in members)])
                     if (d := debrief_for(tid)) is not None), None)

    primary = next((t for t in members if any(_a_person_of_theirs(m, me) for m in t.messages)), members[0])
    joined = build_process(Thread(primary.id, messages), me, today, wait_days, debrief)
    if joined is None:  # cannot happen for hiring threads, but never lose them
        return group[0]
    joined.members = members
    home = next((t for t in members if joined.reply_to is not None
                 and any(m is joined.reply_to for m in t.messages)), members[0])
    joined.subject = home.messages[0].subject  # what the conversation with them is about
    return joined


def _a_person_of_theirs(m: Message, me: frozenset[str]) -> bool:
    return is_company_sender(m, me) and not is_automated(m.sender.email) and not is_acknowledgement(m)


def _started(p: Process) -> tuple[float, str]:
    return (_sent_key(p.thread.messages[0]) if p.thread and p.thread.messages else float("-inf"), p.id)


def _span(group: list[Process]) -> tuple[date | None, date | None]:
    days = [d for p in group for d in (_first_day(p), last_activity(p)) if d is not None]
    return (min(days), max(days)) if days else (None, None)


def _first_day(p: Process) -> date | None:
    dated = [m.date.date() for m in (p.thread.messages if p.thread else []) if m.date]
    return min(dated) if dated else None


def _company_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in _LEGAL_WORDS)


def _same_company(group: list[Process], mine: tuple[str, ...], others=None) -> bool:
    """"Northwind" and "Northwind Logistics, Inc." are one company; "Meta" and "Metabase" are not."""
    for other in (others if others is not None else (_company_words(q.company) for q in group)):
        short, long = sorted((mine, other), key=len)
        if short and long[:len(short)] == short:
            return True
    return False


def _role_key(group: list[Process]) -> str:
    """The group's role as its most specific thread names it ("Data Analyst, Claims")."""
    return max((q.role for q in group if q.role), key=len, default="")


_ROLE_DETAIL = re.compile(r"\s*(?:,|\(|\s[-\u2013\u2014]\s).*$")  # ", Claims", "(R-1048)", " - Remote"


def _roles_fit(group: list[Process], p: Process) -> bool:
    """Same role, or one unnamed; "Data Analyst" fits "Data Analyst, Claims" (the team named
    in one thread only), but "Data Analyst, Claims" and "Data Analyst, Growth" are two roles."""
    return all(_same_role(q.role, p.role) for q in group)


def _same_role(a: str, b: str) -> bool:
    if not a or not b or _letters(a) == _letters(b):
        return True
    base = [_role_base(r) for r in (a, b)]
    return base[0] == base[1] and (_letters(a) == base[0] or _letters(b) == base[1])


@lru_cache(maxsize=65536)  # grouping compares each role with every other of its company
def _role_base(role: str) -> str:
    return _letters(_ROLE_DETAIL.sub("", role))


@lru_cache(maxsize=65536)
def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _near(group: list[Process], p: Process, facts=None) -> bool:
    """Close enough in time to be one application, and not a new one after their answer."""
    if facts is None:
        start, end = _span(group)
        first, last = _first_day(p), last_activity(p)
        decided = [q.decided_at for q in group if q.state in ("rejected", "withdrawn") and q.decided_at]
        closed = max(decided).date() if decided else None
    else:
        start, end, closed, first, last = facts
    if None in (start, end, first, last):
        return False
    gap = timedelta(days=JOIN_GAP_DAYS)
    if first > end + gap or last < start - gap:
        return False
    return not (closed and p.state == "applied" and first > closed)


def fold_invitations(threads: list[Thread], me: frozenset[str]) -> list[Thread]:
    """Put calendar invitations that arrived as threads of their own into the conversation.

    Google Calendar and Outlook send "Invitation: Interview with Jordan @ Thu 13 Mar" as a
    new thread, apart from the emails that arranged it. Left alone, the conversation would
    not know about its interview (and call a scheduled process overdue). An invitation-only
    thread joins the one conversation with the same company's people (for a calendar's own
    reminder, the people its event names); with none, or with several to choose from, it
    stays a thread of its own if a company invited me, and is my own calendar otherwise.
    My own calendar (reminders, invitations I sent, the "Accepted:" replies) is no process.
    """
    def domains(t: Thread) -> set[str]:
        found = {domain_of(m.sender.email) for m in t.messages if is_company_sender(m, me)}
        return found or {domain_of(a.email) for m in t.messages for e in m.events for a in company_parties(e, me)}

    invites, talks = [], []
    for t in threads:
        kept_messages = [on_behalf_of(m, me) for m in t.messages if not is_my_calendar(m, me)]
        if not kept_messages:
            continue
        t = t if kept_messages == t.messages else Thread(t.id, kept_messages)
        theirs = [m for m in t.messages if not is_mine(m, me)]
        only_invites = any(m.events for m in t.messages) and all(m.events for m in theirs)
        (invites if only_invites else talks).append(t)
    talks_of: dict[str, list[Thread]] = {}  # company domain -> its conversations
    for t in talks:
        for d in domains(t):
            talks_of.setdefault(d, []).append(t)
    merged: dict[str, list[Message]] = {}
    kept = []
    for invite in invites:
        same = {t.id: t for d in domains(invite) for t in talks_of.get(d, [])}
        if len(same) == 1:
            merged.setdefault(next(iter(same)), []).extend(invite.messages)
        elif any(invited_by_company(m, me) for m in invite.messages):
            kept.append(invite)
    for t in talks:
        extra = merged.get(t.id)
        kept.append(Thread(t.id, sorted(t.messages + extra, key=_sent_key)) if extra else t)
    return kept


def _shorten(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _sent_key(m: Message) -> float:
    return m.date.timestamp() if m.date else float("-inf")


ACTIVE = ("applied", "scheduled", "thank_you_due", "waiting", "overdue")


def first_fair_day(p: Process) -> date | None:
    """The first day one polite status check is fair: the day after wait_until (PROMISES.md)."""
    return p.wait_until + timedelta(days=1) if p.wait_until else None


def when(p: Process) -> tuple[str, date] | None:
    """The date that matters next, with the word that says why: on, by, until, since."""
    if p.next_date is None:
        return None
    if p.state == "overdue":
        return ("since", first_fair_day(p))
    return ({"scheduled": "on", "thank_you_due": "by", "waiting": "until"}[p.state], p.next_date)


def last_activity(p: Process) -> date | None:
    """The last day anything happened: a message either way, or an interview."""
    days = [m.date.date() for m in (p.thread.messages if p.thread else [p.last_message]) if m.date]
    days += [i.start.date() for i in p.interviews]
    return max(days) if days else None


def gone_quiet(p: Process, today: date, close_after_days: int = 45) -> bool:
    """Still open on paper, but nothing for close_after_days and no promised date ahead.

    Nothing is drafted for such a process: a status check months later is not the one
    polite check-in the advice means.
    """
    last = last_activity(p)
    return (p.state in ACTIVE and last is not None and (today - last).days >= close_after_days
            and (p.wait_until is None or p.wait_until < today))


LAST_CHECKIN_DAYS = 90  # past about three months, a first check-in is no longer worth suggesting


def quiet_step(p: Process, today: date) -> str:
    """What to do about a process that has gone quiet (the one wording, everywhere)."""
    last = last_activity(p)
    days = (today - last).days if last else 0
    step = f"no word for {days} days: count it as closed and keep applying"
    if not p.checkins and p.interviews and days <= LAST_CHECKIN_DAYS:
        step += f" (one last check-in is still yours to send: followup draft status-check {p.id})"
    return step


def follow_up_due(processes: list[Process], today: date, close_after_days: int = 45) -> set[str]:
    """The threads to label "Follow-up due" on Gmail: overdue, and not gone quiet."""
    return {p.reply_thread_id for p in processes
            if p.state == "overdue" and not gone_quiet(p, today, close_after_days)}


def needs_action(p: Process, today: date | None = None, close_after_days: int = 45) -> bool:
    """Due today: a thank-you is owed, they await my answer, or the wait is over and no
    check-in is out yet (and the process has not gone quiet)."""
    if today is not None and gone_quiet(p, today, close_after_days):
        return False
    if p.state == "thank_you_due" or (p.their_question and p.state in ("waiting", "overdue", "applied")):
        return True
    return p.state == "overdue" and not p.checkins


# A question to me in their newest words: the ball is in my court, nothing to chase.
# A run of text between sentence ends: matched once each, so words with no sentence end at
# all cost one pass (searching for "[^.!?]*\?" retried from every character: quadratic).
_SENTENCE_RUN = re.compile(r"[^.!?\n]+")
_QUESTION_CAP = 500  # longer than any question a person asks; the rest is not read
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_TO_ME = re.compile(r"\b(you|your)\b", re.I)  # a question I must answer is put to me
_NOT_A_QUESTION_TO_ME = re.compile(r"\b(any (other |more |further )?questions|questions\?|how are you|"
                                   r"hope (you|all)|how('s| is) (your|the) (week|day)|what happens next"
                                   r"|questions about)", re.I)


def question_in(text: str) -> str | None:
    """Their question awaiting my answer ("Could you send me your availability?"), or None."""
    flat = _URL.sub(" ", " ".join(text.split()))
    for m in _SENTENCE_RUN.finditer(flat):
        if flat[m.end():m.end() + 1] != "?":
            continue
        sentence = (m.group() + "?").strip()
        if len(sentence) > _QUESTION_CAP:
            continue
        if len(sentence) > 12 and _TO_ME.search(sentence) and not _NOT_A_QUESTION_TO_ME.search(sentence):
            return sentence
    return None


NEW_REJECTION_DAYS = 14  # a gracious reply to a rejection is timely for about two weeks


def next_step(p: Process, today: date | None = None) -> str:
    """What the advice says to do now, with the command that does it."""
    mine = my_unsent_draft(p)
    if p.state == "thank_you_due":
        if mine is not None:
            return (f"send a thank-you: followup draft thank-you {p.id} "
                    f"(and finish your unsent draft of {mine.date:%a %d %b})")
        return f"send a thank-you: followup draft thank-you {p.id}"
    if p.their_question and p.state in ("waiting", "overdue", "applied"):
        return f'reply to them; they asked: "{_shorten(p.their_question)}"'

    if p.state == "overdue":
        if p.checkins:
            return f"you checked in on {p.last_checkin:%a %d %b}; wait for them and keep applying"
        if mine is not None:
            return f"one polite status check: finish your unsent draft of {mine.date:%a %d %b}"
        return f"one polite status check: followup draft status-check {p.id}"
    if p.state == "scheduled":
        return "prepare; write a debrief the evening after"
    if p.state == "waiting":
        return "wait; keep applying elsewhere"
    if p.state == "applied":
        return "wait for a reply; keep applying"
    if p.state == "rejected":
        answered = answered_verdict(p)
        if answered is not None:
            return f"closed; you replied on {answered.date:%a %d %b}; keep applying"
        last = last_activity(p)
        if today is not None and last is not None and (today - last).days > NEW_REJECTION_DAYS:
            return "closed; keep applying (a LinkedIn note keeps in touch)"
        return f"reply graciously, keep in touch: followup draft keep-in-touch {p.id}"
    if p.state == "withdrawn":
        return "you withdrew; nothing to send (a LinkedIn note keeps in touch)"
    return "read the offer carefully before you answer"


def my_unsent_draft(p: Process) -> Message | None:
    """The user's own newest unsent draft in the process (never the tool's), written after
    their last message: the advice points at it rather than at a second message."""
    mine = {id(m) for m in p.sent}
    messages = [m for t in (p.members or (p.thread,)) if t is not None for m in t.messages]
    last_theirs = max((m.date for m in messages if m.date and id(m) not in mine), default=None)
    drafts = [m for m in p.unsent if not m.by_followup and m.date is not None
              and (last_theirs is None or m.date > last_theirs)]
    return max(drafts, key=_sent_key) if drafts else None


def find_process(processes: list[Process], key: str) -> Process:
    """THREAD as the user types it: a thread id, a unique prefix of one, or a company name."""
    from assistant.errors import FollowupError

    key = key.strip()
    exact = [p for p in processes if p.id == key.lower()] or [p for p in processes if key.lower() in p.thread_ids]
    if exact:
        return exact[0]
    by_prefix = [p for p in processes if key and any(t.startswith(key.lower()) for t in p.thread_ids)]
    by_company = [p for p in processes if p.company.lower() == key.lower()]
    if not by_company:
        by_company = [p for p in processes if key.lower() in p.company.lower()]
    matches = by_prefix or by_company
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise FollowupError(f"no hiring process matches '{key}' (see: followup threads)")
    names = ", ".join(f"{p.id} ({p.company}, {p.role or 'no role'})" for p in matches[:5])
    raise FollowupError(f"'{key}' matches {len(matches)} processes: {names}; give more of the id")
