"""`followup sweep`: the daily loop. Work out what is due today, then prepare exactly that.

Two steps, so that `--dry-run` and the tests can look at the decision without any I/O:

- `plan_sweep(processes, me, today, settings)` is pure. It returns a `SweepPlan`: the
  drafts that are due (`items`: kind, process, recipients, why), what the advice says not
  to send (`refused`, with the reason `drafts.check_rules` gives), and what is waiting
  and until when (`waiting`).
- `apply(plan, mailbox, ...)` renders and lints each item with `drafts.prepare` and saves
  it with `mailbox.save_draft` (or, with `dry_run`, saves nothing). A draft with a lint
  error is not saved; the outcome carries the finding. Nothing here prints.

What is due on a day (each rule traces to reference/after-the-interview.txt):

- **thank-you**, one per interviewer, while the process is `thank_you_due` (from the
  interview day through the next business day, and nothing sent by me since the
  interview began: "at the end of the day or the day after"). When the caller passes
  `now` (a real clock, not `--today`), an interview that has not started yet waits.
- **status-check**, one, to the recruiter, when the process is `overdue` (their time
  frame has passed). A check-in already out and unanswered makes it a refusal, listed
  with the reason, never a second draft ("at most one polite check-in").
- **keep-in-touch**, for a *new* rejection: the rejection arrived within the last
  `NEW_REJECTION_DAYS` (14) days and I have sent nothing in the thread since ("even if
  you do not get the position ... keep in touch with the recruiters"). Older rejections
  are left alone: a reply weeks later reads as an afterthought, and sweep runs daily, so
  two weeks is plenty of mornings to have seen the draft.
- **recruiter-feedback** to an *agency* recruiter after an interview they arranged
  ("always send feedback to the recruiter after your interviews"): a contact with the
  role recruiter whose domain `hiring.is_agency` calls an agency (a word like "talent"
  or "recruit" in the domain, or they speak of "my client"); they wrote in the thread
  before the latest interview (so they arranged it); today is the interview day or the
  next business day (the thank-you's window: feedback is useful while it is fresh,
  and a note nine days later, after they have reported back, is noise); and I have sent
  nothing addressed To them since the interview began (a thank-you to the interviewer
  with the recruiter in Cc is not feedback to the recruiter).

A person she already has an unsent draft to in the thread gets no second one: the outcome
is "left to your draft", with the date of hers (`drafts.check_unsent`).

Idempotency is the mailbox's (`mailbox/drafts_local.py`): a draft has a key of kind,
thread and recipient, so a second run finds its own drafts ("unchanged"), keeps the ones
the user edited, and never makes a second copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from assistant.process import NEW_REJECTION_DAYS, answered_verdict, gone_quiet, wrote_to

KIND_ORDER = ("thank-you", "recruiter-feedback", "status-check", "keep-in-touch")


@dataclass(frozen=True)
class Item:
    """One draft kind due for one process: who gets it and why it is due today."""

    kind: str
    process: object  # assistant.process.Process
    recipients: tuple  # of assistant.drafts.Person
    why: str

    @property
    def to(self) -> str | None:
        """The one address to pass to `drafts.prepare` when the rule chose a particular person."""
        return self.recipients[0].email if self.kind == "recruiter-feedback" else None


@dataclass(frozen=True)
class Refused:
    kind: str
    process: object
    reason: str


@dataclass(frozen=True)
class Waiting:
    process: object
    until: date | None
    why: str


@dataclass
class SweepPlan:
    today: date
    items: list[Item] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What happened to one draft: created, updated, unchanged, kept (edited by you),
    would draft (dry run), or not created (lint error or a failure), and why."""

    kind: str
    process: object
    recipient: object  # assistant.drafts.Person, or None when nothing got as far as a person
    status: str
    where: str = ""
    reason: str = ""
    why: str = ""  # the plan's reason it is due today
    note: str = ""  # what the user must still do to it: a [line] to replace


NOT_CREATED = "not created"
WOULD_DRAFT = "would draft"
YOURS = "left to your draft"  # she has an unsent draft to them in the thread: never two messages


# -- planning (pure) ----------------------------------------------------------------------

def plan_sweep(processes, me: frozenset[str], today: date, settings=None,
               now: datetime | None = None) -> SweepPlan:
    """What is due today for every process, by the rules in the module doc."""
    plan = SweepPlan(today)
    quiet_after = getattr(settings, "close_after_days", 45)
    for p in processes:
        if gone_quiet(p, today, quiet_after):
            continue  # months of silence: no draft is the one polite check-in any more
        if p.state == "thank_you_due":
            _thank_you(plan, p, now)
        elif p.state == "overdue":
            _status_check(plan, p, me, today)
        elif p.state == "rejected":
            _keep_in_touch(plan, p, me, today)
        elif p.state == "waiting" and p.wait_until is not None:
            said = f'they said "{p.promise.phrase}"' if p.promise else "no date was promised"
            plan.waiting.append(Waiting(p, p.wait_until, said))
        if p.state in ("thank_you_due", "waiting", "overdue", "scheduled"):  # not after an answer or a withdrawal
            _recruiter_feedback(plan, p, me, today)
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    plan.items.sort(key=lambda i: order[i.kind])
    plan.waiting.sort(key=lambda w: w.until or date.max)
    return plan


def _add(plan: SweepPlan, p, kind: str, why: str, to: str | None = None) -> None:
    """An item with its recipients, or a refusal when there is no one to write to."""
    from assistant.drafts import recipients
    from assistant.errors import FollowupError

    try:
        people = recipients(p, kind, to)
    except FollowupError as e:
        plan.refused.append(Refused(kind, p, str(e)))
        return
    plan.items.append(Item(kind, p, tuple(people), why))


def _thank_you(plan: SweepPlan, p, now: datetime | None) -> None:
    interview = p.interviews[-1]
    if now is not None and interview.start > now:
        plan.waiting.append(Waiting(p, interview.start.date(),
                                    f"interview at {interview.start:%H:%M}; the thank-you is drafted "
                                    "on a run after it"))
        return
    _add(plan, p, "thank-you", f"interview on {interview.start:%a %d %b}; thank them by "
                               f"{p.next_date:%a %d %b}")


def _status_check(plan: SweepPlan, p, me: frozenset[str], today: date) -> None:
    from assistant.drafts import check_rules
    from assistant.errors import Refusal

    try:
        check_rules(p, "status-check", me, today, force=False)
    except Refusal as e:
        plan.refused.append(Refused("status-check", p, str(e).removesuffix(" (--force to draft it anyway)")))
        return
    said = f'they said "{p.promise.phrase}"' if p.promise else "no date was promised"
    _add(plan, p, "status-check", f"{said}; their time frame ended {p.wait_until:%a %d %b}")


def rejection_of(p, me: frozenset[str]):
    """The message that rejected me (their newest one that reads as a rejection), or None."""
    from assistant.hiring import is_company_sender
    from assistant.outcomes import outcome_of

    found = None
    for m in p.thread.messages if p.thread else []:
        if m.date is not None and is_company_sender(m, me) and outcome_of(m.newest) == "rejected":
            found = m
    return found


def _keep_in_touch(plan: SweepPlan, p, me: frozenset[str], today: date) -> None:
    rejection = rejection_of(p, me)
    if rejection is None:
        return
    day = rejection.date.date()
    if (today - day).days > NEW_REJECTION_DAYS or day > today:
        return
    if answered_verdict(p) is not None:
        return  # I have replied to it: done is done
    _add(plan, p, "keep-in-touch", f"they said no on {day:%a %d %b}; a gracious reply keeps the door open")


def agency_recruiters(p) -> list:
    """Contacts with the role recruiter at an agency, not at the employer (hiring.is_agency)."""
    from assistant.hiring import is_agency
    from assistant.senders import domain_of

    messages = p.thread.messages if p.thread else []
    return [c for c in p.contacts if c.role == "recruiter" and is_agency(domain_of(c.email), messages)]


def _recruiter_feedback(plan: SweepPlan, p, me: frozenset[str], today: date) -> None:
    from assistant.workdays import next_business_day

    held = [i for i in p.interviews if i.start.date() <= today]
    if not held:
        return
    interview = held[-1]
    day = interview.start.date()
    if not (day <= today <= next_business_day(day)):
        return
    messages = p.thread.messages if p.thread else []
    for c in agency_recruiters(p):
        email = c.email.lower()
        arranged = any(m.sender and m.sender.email == email and m.date and m.date < interview.start
                       for m in messages)
        if arranged and wrote_to(p, email, interview.start) is None:
            _add(plan, p, "recruiter-feedback",
                 f"{c.name or email} arranged the interview on {day:%a %d %b}; tell them how it went",
                 to=email)


# -- applying -----------------------------------------------------------------------------

def apply(plan: SweepPlan, mailbox, *, me: frozenset[str], settings, drafts_dir=None,
          dry_run: bool = False) -> list[Outcome]:
    """Render, lint and save each planned draft; with dry_run, render and lint only.

    A lint error stops that draft (never the others): the outcome is "not created" with
    the first error. A failure to render (a broken user template, say) is the same.
    """
    from assistant.drafts import YourDraft, prepare
    from assistant.errors import FollowupError, Refusal

    outcomes: list[Outcome] = []
    for item in plan.items:
        try:
            prepared = prepare(item.process, item.kind, me=me, today=plan.today, settings=settings,
                               to=item.to)
        except YourDraft as e:
            outcomes.extend(Outcome(item.kind, item.process, p, YOURS, reason=why, why=item.why) for p, why in e.yours)
            continue
        except (Refusal, FollowupError) as e:
            outcomes.append(Outcome(item.kind, item.process, None, NOT_CREATED, reason=str(e), why=item.why))
            continue
        outcomes.extend(Outcome(item.kind, item.process, p, YOURS, reason=why, why=item.why)
                        for p, why in prepared.yours)
        for d in prepared.drafts:
            errors = d.blocking
            note = (f"replace the line {d.to_replace[0]} (`followup debrief {item.process.id}` would make it "
                    "personal)") if d.to_replace else ""
            warnings = [f for f in d.report.findings if f.severity == "warning"]
            if warnings and not note:  # saved, but not as clean as the tool would like: say so
                note = f"lint warning {warnings[0].rule}: {warnings[0].message}"
            if errors:
                f = errors[0]
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                outcomes.append(Outcome(d.kind, item.process, d.recipient, NOT_CREATED,
                                        reason=f"lint {f.rule}: {f.message}{more}", why=item.why))
                continue
            if dry_run:
                outcomes.append(Outcome(d.kind, item.process, d.recipient, WOULD_DRAFT, why=item.why, note=note))
                continue
            try:
                saved = mailbox.save_draft(d.message, d.key, drafts_dir, threads=d.threads)
            except FollowupError as e:
                outcomes.append(Outcome(d.kind, item.process, d.recipient, NOT_CREATED, reason=str(e), why=item.why))
                continue
            outcomes.append(Outcome(d.kind, item.process, d.recipient, saved.status, saved.where, why=item.why,
                                    note=note))
    return outcomes
