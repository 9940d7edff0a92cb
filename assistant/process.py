"""A hiring process as the job seeker sees it: who, what was promised, what state, what next.

`build_process` is pure: a thread, my addresses and today's date in, a Process out (or None
for mail that is not a hiring process). The state rules are PROMISES.md's and the issue's.
"""

from __future__ import annotations

import re
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
    mine = [m for m in messages if is_mine(m, me)]

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
    )


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
    """My first message addressed To this person at or after `since` (Cc is not to them)."""
    email = email.lower()
    return next((m for m in p.sent if m.date is not None and m.date >= since
                 and any(a.email.lower() == email for a in m.to)), None)


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
    for p in found:
        p.unsent = unsent.get(p.id, [])
    far = date.max

    def rank(p: Process) -> float:
        return URGENCY["applied"] + 0.5 if gone_quiet(p, today, close_after_days) else URGENCY[p.state]

    return sorted(found, key=lambda p: (rank(p), p.next_date or far, p.company.lower()))


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
    return {p.id for p in processes if p.state == "overdue" and not gone_quiet(p, today, close_after_days)}


def needs_action(p: Process, today: date | None = None, close_after_days: int = 45) -> bool:
    """Due today: a thank-you is owed, they await my answer, or the wait is over and no
    check-in is out yet (and the process has not gone quiet)."""
    if today is not None and gone_quiet(p, today, close_after_days):
        return False
    if p.state == "thank_you_due" or (p.their_question and p.state in ("waiting", "overdue", "applied")):
        return True
    return p.state == "overdue" and not p.checkins


# A question to me in their newest words: the ball is in my court, nothing to chase.
_QUESTION = re.compile(r"[^.!?\n]*\?")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_TO_ME = re.compile(r"\b(you|your)\b", re.I)  # a question I must answer is put to me
_NOT_A_QUESTION_TO_ME = re.compile(r"\b(any (other |more |further )?questions|questions\?|how are you|"
                                   r"hope (you|all)|how('s| is) (your|the) (week|day)|what happens next"
                                   r"|questions about)", re.I)


def question_in(text: str) -> str | None:
    """Their question awaiting my answer ("Could you send me your availability?"), or None."""
    flat = _URL.sub(" ", " ".join(text.split()))
    for m in _QUESTION.finditer(flat):
        sentence = m.group().strip()
        if len(sentence) > 12 and _TO_ME.search(sentence) and not _NOT_A_QUESTION_TO_ME.search(sentence):
            return sentence
    return None


NEW_REJECTION_DAYS = 14  # a gracious reply to a rejection is timely for about two weeks


def next_step(p: Process, today: date | None = None) -> str:
    """What the advice says to do now, with the command that does it."""
    if p.state == "thank_you_due":
        return f"send a thank-you: followup draft thank-you {p.id}"
    if p.their_question and p.state in ("waiting", "overdue", "applied"):
        return f'reply to them; they asked: "{_shorten(p.their_question)}"'

    if p.state == "overdue":
        if p.checkins:
            return f"you checked in on {p.last_checkin:%a %d %b}; wait for them and keep applying"
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


def find_process(processes: list[Process], key: str) -> Process:
    """THREAD as the user types it: a thread id, a unique prefix of one, or a company name."""
    from assistant.errors import FollowupError

    key = key.strip()
    exact = [p for p in processes if p.id == key.lower()]
    if exact:
        return exact[0]
    by_prefix = [p for p in processes if key and p.id.startswith(key.lower())]
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
