"""Follow-up drafts: who gets one, what the template is told, the rules that refuse, the email.

`prepare()` is the core of `followup draft`: it applies the advice's rules (no status check
before their time frame has passed, no second check-in while the first is unanswered),
chooses the recipients (a thank-you goes to each interviewer, one draft each), renders the
template in Jinja2's sandbox, lints the result and builds an `EmailMessage` that replies in
the thread. Nothing here prints, writes or sends; saving is the mailbox's job
(`Mailbox.save_draft`, see `mailbox/drafts_local.py` for the idempotency rules).

Email text is data: names, subjects and debrief notes reach a template only as values, are
never compiled as template code, and a header value with a line break is refused.

What counts as a check-in (for "one polite check-in, and only after the time frame they
gave") is `Process.checkins`: a message of mine since their last one that was sent after
the thread's `wait_until` or reads as a status check. A thank-you note or a requested
document is not one (`Process.followups_since_reply` counts those too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime, localtime, make_msgid, parseaddr
from pathlib import Path

from assistant.errors import FollowupError, Refusal
from assistant.mailbox.scan import strip_reply_prefix

KINDS = ("thank-you", "status-check", "recruiter-feedback", "keep-in-touch", "linkedin")
SUFFIX = ".txt.j2"


@dataclass(frozen=True)
class Person:
    name: str
    first_name: str
    email: str
    role: str


@dataclass
class Draft:
    kind: str
    thread_id: str
    recipient: Person
    text: str  # what is saved: rendered, directive lines removed
    report: object  # assistant.lint.Report of the rendered text
    key: str  # "<kind>; thread=<id>; to=<address>": the draft's identity in the store
    template: str  # the template file used
    message: EmailMessage | None = None  # None for a LinkedIn note


@dataclass
class Plan:
    drafts: list[Draft]
    overridden: list[str] = field(default_factory=list)  # what --force let through
    notes: list[str] = field(default_factory=list)  # things the user should know


# -- templates ---------------------------------------------------------------------------

def builtin_template_dir() -> Path:
    """Inside the installed package, else templates/ of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / f"thank-you{SUFFIX}").exists():
            return candidate
    return here.parent / "templates"


def user_template_dir() -> Path:
    from assistant.config import config_dir

    return config_dir() / "templates"


def render(kind: str, context: dict) -> tuple[str, str]:
    """(text, template path): the user's template of that name wins over the built-in one.

    Sandboxed, undefined variables are errors, no autoescaping (plain text). Any template
    error is one line naming the template, the line and the problem.
    """
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(user_template_dir()), str(builtin_template_dir())]),
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(phrase=_phrase, sentence=_sentence, question=_question, names=_names)
    name = kind + SUFFIX
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        raise FollowupError(f"no template {name} in {user_template_dir()} or {builtin_template_dir()}") from None
    except (TemplateError, UnicodeDecodeError, OSError) as e:  # a user's template in another encoding
        raise _template_error(e, name) from None
    try:
        text = template.render(**context)
    except TemplateError as e:
        raise _template_error(e, template.filename or name) from None
    except Exception as e:  # a user template can fail in any way; still one line
        raise _template_error(e, template.filename or name) from None
    return _tidy(text), template.filename or name


def _template_error(e: Exception, name: str) -> FollowupError:
    """One line: template, line, what. The line comes from Jinja's rewritten traceback."""
    where, line = name, getattr(e, "lineno", None)
    if getattr(e, "filename", None):
        where = e.filename
    tb = e.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(SUFFIX) or filename == name:
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    what = getattr(e, "message", None) or str(e) or type(e).__name__
    what = " ".join(str(what).split())
    at = f", line {line}" if line else ""
    return FollowupError(f"template {where}{at}: {what}")


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text.replace("\r\n", "\n"))
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def _phrase(value) -> str:
    """Free text to drop into a sentence: trimmed, without its final full stop."""
    return " ".join(str(value).split()).rstrip(" .;,")


def _sentence(value) -> str:
    text = " ".join(str(value).split())
    return text if not text or text[-1] in ".!?\"')" else text + "."


def _question(value) -> str:
    text = " ".join(str(value).split()).rstrip(" .")
    return text if text.endswith("?") else text + "?"


def _names(people) -> str:
    def one(p) -> str:
        if isinstance(p, str):
            return p
        if isinstance(p, dict):
            return p.get("first_name") or p.get("name") or ""
        return getattr(p, "first_name", "") or getattr(p, "name", "")

    names = [one(p) for p in people]
    names = [n for n in names if n]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# -- the rules ---------------------------------------------------------------------------

def timing_context(process, today: date):
    """What lint needs to judge a draft for this thread: dates, check-ins, who is on it."""
    from assistant.lint import LintContext

    interview = _interview(process, today, True)
    return LintContext(
        today=today, wait_until=process.wait_until, followups_since_reply=len(process.checkins),
        interview_day=interview["day"] if interview else None,
        people=tuple(c.name for c in process.contacts if c.name),
    )


def _silent_days(process, today: date) -> int:
    from assistant.process import last_activity

    last = last_activity(process)
    return (today - last).days if last else 0


def check_rules(process, kind: str, me: frozenset[str], today: date, force: bool) -> list[str]:
    """Refuse what the advice warns against; with force, return what was overridden."""
    from assistant.process import LAST_CHECKIN_DAYS, answered_verdict, first_fair_day

    problems: list[str] = []
    if kind == "keep-in-touch" and process.state == "rejected" and (answered := answered_verdict(process)):
        problems.append(f"you already replied to their decision on {answered.date:%a %d %b %Y}; "
                        "there is nothing more to send")
    if kind == "status-check":
        if process.state in ("rejected", "offer"):
            problems.append(f"{process.company} has already given you an answer "
                            f"({process.state.replace('_', ' ')}); there is nothing to check on")
        elif process.state == "applied":
            problems.append("only an application acknowledgement so far: the one polite check-in the "
                            "advice means comes after an interview")
        elif _silent_days(process, today) > LAST_CHECKIN_DAYS:
            problems.append(f"no word for {_silent_days(process, today)} days: count it as closed and keep "
                            "applying; a check-in now is not the polite one the advice means")
        elif process.their_question:
            problems.append(f'they asked you something and are waiting for your answer ("{process.their_question}"); '
                            "reply to that instead of checking in")
        elif process.wait_until is not None and today <= process.wait_until:
            said = f'they said "{process.promise.phrase}"' if process.promise else "no date was promised"
            fair = first_fair_day(process)
            problems.append(f"too early for a status check: {said}, so their time frame runs until "
                            f"{process.wait_until:%a %d %b %Y}; a check-in is fair from {fair:%a %d %b %Y}")
        sent = process.checkins
        if sent:
            problems.append(f"you already checked in on {sent[-1].date:%a %d %b %Y} and they have not "
                            "answered; one polite check-in is the most to send")
    if problems and not force:
        raise Refusal(f"{problems[0]} (--force to draft it anyway)")
    return problems


def check_done(process, kind: str, people: list, today: date, force: bool) -> tuple[list, list[str], list[str]]:
    """Done is done: a thank-you or recruiter feedback goes only to people I have not written
    to since the last interview. Returns (people, overridden, notes); refuses when every one
    of them has had it (with force, keeps them and says so)."""
    from assistant.process import wrote_to

    if kind not in ("thank-you", "recruiter-feedback"):
        return people, [], []
    held = [i for i in process.interviews if i.start.date() <= today]
    if not held:
        return people, [], []
    since = held[-1].start
    done = {}
    for p in people:
        if (m := wrote_to(process, p.email, since)) is not None:
            done[p.email] = (f"you already wrote to {p.name or p.email} on {m.date:%a %d %b %Y}, "
                             f"after the interview of {since:%a %d %b}")
    if not done:
        return people, [], []
    if force:
        return people, list(done.values()), []
    if len(done) == len(people):
        raise Refusal(f"{next(iter(done.values()))} (--force to draft it anyway)")
    return [p for p in people if p.email not in done], [], [f"{why}; no second {kind} for them" for why in done.values()]


# -- recipients --------------------------------------------------------------------------

def _person(name: str, email: str, role: str) -> Person:
    name = " ".join((name or "").split())
    if not name or "@" in name:
        local = email.partition("@")[0]
        parts = [p for p in re.split(r"[._-]+", local) if p.isalpha()]
        name = " ".join(p.capitalize() for p in parts) if len(parts) >= 2 else ""
    first = name.split()[0] if name else ""
    return Person(name=name, first_name=first, email=email.lower(), role=role)


def _contacts(process) -> list[Person]:
    return [_person(c.name, c.email, c.role) for c in process.contacts]


def recipients(process, kind: str, to: str | None = None, person: str | None = None) -> list[Person]:
    """Who the draft is for: a thank-you to each interviewer; a status check, feedback or a
    reply to a rejection to the recruiter; a LinkedIn note to each contact (or --person)."""
    people = _contacts(process)
    if to:
        address = _checked_address(to)
        known = [p for p in people if p.email == address]
        return known[:1] or [_person("", address, "other")]
    if person:
        wanted = person.strip().lower()
        found = [p for p in people if wanted in p.name.lower() or wanted == p.email]
        if len(found) != 1:
            listed = ", ".join(p.name or p.email for p in people) or "nobody"
            how = "no one" if not found else f"{len(found)} people"
            raise FollowupError(f"--person '{person}' matches {how} on this thread (contacts: {listed})")
        return found
    by_role = {r: [p for p in people if p.role == r] for r in ("recruiter", "coordinator", "interviewer", "other")}
    if kind == "linkedin":
        chosen = people
    elif kind == "thank-you":
        chosen = by_role["interviewer"] or by_role["recruiter"] or by_role["coordinator"]
    elif kind == "keep-in-touch":
        chosen = _last_sender(process, people) or by_role["recruiter"][:1] or by_role["coordinator"][:1]
    else:  # status-check, recruiter-feedback: the person who runs the process
        chosen = by_role["recruiter"][:1] or by_role["coordinator"][:1]
        if not chosen and kind == "status-check":
            chosen = _last_sender(process, people)
    if not chosen:
        raise FollowupError(f"no one on this thread to send a {kind} to (name one with --to ADDRESS)")
    return chosen


def _last_sender(process, people: list[Person]) -> list[Person]:
    emails = {p.email: p for p in people}
    for m in reversed(process.thread.messages if process.thread else []):
        if m.sender and m.sender.email in emails:
            return [emails[m.sender.email]]
    return []


def _checked_address(value: str) -> str:
    _refuse_line_breaks(value, "--to")
    name, address = parseaddr(value)
    if not address or "@" not in address or "," in value or " " in address:
        raise FollowupError(f"--to must be one email address, not '{value}'")
    return address.lower()


# -- context -----------------------------------------------------------------------------

def _me(process, me: frozenset[str]) -> Person:
    """My name and address as this thread knows them."""
    messages = process.thread.messages if process.thread else []
    name, email = "", ""
    for m in messages:
        if m.sender and m.sender.email in me:
            email, name = m.sender.email, m.sender.name or name
    if not name:
        for m in messages:
            for a in (*m.to, *m.cc):
                if a.email in me:
                    email, name = email or a.email, a.name or name
    email = email or (sorted(me)[0] if me else "")
    return _person(name, email, "me") if email else Person("", "", "", "me")


def _when(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if today - timedelta(days=6) <= day < today:
        return f"on {day:%A}"
    if today < day <= today + timedelta(days=6):
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}"


def _interview(process, today: date, past_only: bool) -> dict | None:
    held = [i for i in process.interviews if not past_only or i.start.date() <= today]
    if not held:
        return None
    day = held[-1].start.date()
    return {"day": day, "weekday": f"{day:%A}", "date_text": f"{day:%A} {day.day} {day:%B}",
            "when": _when(day, today), "past": day <= today, "summary": held[-1].summary}


def _best_detail(details, recipient: Person, others: list[Person]) -> str:
    """The detail that names this person first; one that names someone else last."""
    if not details:
        return ""

    def score(d: str) -> int:
        if recipient.first_name and recipient.first_name.lower() in d.lower():
            return 0
        if any(o.first_name and o.first_name.lower() in d.lower() for o in others):
            return 2
        return 1

    return sorted(details, key=score)[0]


def context(process, recipient: Person, *, me: frozenset[str], today: date, debrief,
            linkedin_limit: int = 200) -> dict:
    """Everything a template may use; templates/README.md lists it."""
    from assistant.debrief import Debrief

    people = _contacts(process)
    interviewers = [p for p in people if p.role == "interviewer"]
    others = [p for p in interviewers if p.email != recipient.email]
    recruiter = next((p for p in people if p.role == "recruiter"), None) or \
        next((p for p in people if p.role == "coordinator"), None)
    d = debrief or Debrief(thread_id=process.id)
    promise = None
    if process.promise is not None:
        due = process.promise.due
        promise = {"phrase": process.promise.phrase, "due": due, "due_text": f"{due:%A} {due.day} {due:%B}"}
    wait = process.wait_until
    return {
        "me": recipient_dict(_me(process, me)),
        "company": process.company,
        "role": process.role or "",
        "recipient": recipient_dict(recipient),
        "interview": _interview(process, today, past_only=True),
        "next_interview": _interview(process, today, past_only=False),
        "promise": promise,
        "wait_until": wait,
        "wait_until_text": f"{wait:%A} {wait.day} {wait:%B}" if wait else "",
        "today": today,
        "state": process.state,
        "debrief": d,
        "has_debrief": debrief is not None,
        "detail": _best_detail(d.details, recipient, others),
        "contacts": [recipient_dict(p) for p in people],
        "interviewers": [recipient_dict(p) for p in interviewers],
        "others": [recipient_dict(p) for p in others],
        "recruiter": recipient_dict(recruiter) if recruiter else None,
        "linkedin_limit": linkedin_limit,
    }


def recipient_dict(p: Person) -> dict:
    return {"name": p.name, "first_name": p.first_name, "email": p.email, "role": p.role}


# -- the email ---------------------------------------------------------------------------

def _refuse_line_breaks(value: str, what: str) -> str:
    if any(c in value for c in "\r\n\x0b\x0c\x85\u2028\u2029"):
        raise FollowupError(f"refusing a {what} header with a line break in it: {value.splitlines()[0]!r}...")
    return value


def reply_subject(process) -> str:
    subjects = [m.subject for m in (process.thread.messages if process.thread else [])] + [process.subject]
    base = next((s for s in subjects if s and s.strip()), "")
    _refuse_line_breaks(base, "Subject")
    base = strip_reply_prefix(base)
    return f"Re: {base}" if base else "Re:"


def _address(p: Person, what: str) -> HeaderAddress:
    _refuse_line_breaks(p.name, what)
    _refuse_line_breaks(p.email, what)
    try:
        return HeaderAddress(display_name=p.name, addr_spec=p.email)
    except (ValueError, IndexError) as e:
        raise FollowupError(f"cannot address a draft to {p.email!r}: {e}") from None


def build_message(process, recipient: Person, sender: Person, text: str) -> EmailMessage:
    """A reply in the thread: Re: subject, In-Reply-To and References of the newest message."""
    msg = EmailMessage()
    if sender.email:
        msg["From"] = _address(sender, "From")
    msg["To"] = _address(recipient, "To")
    msg["Subject"] = reply_subject(process)
    msg["Date"] = format_datetime(localtime())
    domain = sender.email.partition("@")[2] or None
    msg["Message-ID"] = make_msgid(domain=domain)
    parent = next((m for m in reversed(process.thread.messages if process.thread else [])
                   if m.message_id and not m.draft), None)  # the newest real message, never a draft
    if parent is not None:
        ids = list(parent.references or parent.in_reply_to) + [parent.message_id]
        ids = list(dict.fromkeys(i for i in ids if i and not re.search(r"[\s<>]", i)))[-20:]
        msg["In-Reply-To"] = f"<{parent.message_id}>"
        msg["References"] = " ".join(f"<{i}>" for i in ids)
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to edit, not a sent mail
    # 8bit keeps the saved draft editable as plain text; only a line over RFC 5322's 998
    # characters needs quoted-printable.
    long_line = any(len(line.encode("utf-8")) > 998 for line in text.splitlines())
    msg.set_content(text, cte="quoted-printable" if long_line else "8bit")
    return msg


def draft_key(kind: str, thread_id: str, email: str) -> str:
    return f"{kind}; thread={thread_id}; to={email.lower()}"


# -- the whole step ----------------------------------------------------------------------

def prepare(process, kind: str, *, me: frozenset[str], today: date, settings, to: str | None = None,
            person: str | None = None, force: bool = False) -> Plan:
    """Rules, recipients, render, lint, email: everything but saving."""
    from assistant.lint import LintConfig, lint, strip_directives

    if kind not in KINDS:
        raise FollowupError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    overridden = check_rules(process, kind, me, today, force)
    if kind in ("thank-you", "recruiter-feedback") and _interview(process, today, True) is None:
        raise FollowupError(f"no interview has taken place yet in {process.company}'s thread; "
                            f"nothing to {'thank them' if kind == 'thank-you' else 'give feedback'} for")
    people, done, notes = check_done(process, kind, recipients(process, kind, to, person), today, force)
    overridden += done
    debrief = process.debrief
    if debrief is None and kind in ("thank-you", "recruiter-feedback"):
        notes.append(f"no debrief for this thread, so the note is general; `followup debrief {process.id}` "
                     "adds a detail they shared, the answer to improve and your questions")
    config = LintConfig.from_settings(settings)
    limit = int(config.thresholds.get("linkedin_note_limit", settings.linkedin_note_limit))
    sender = _me(process, me)
    lint_context = timing_context(process, today)
    drafts = []
    for recipient in people:
        ctx = context(process, recipient, me=me, today=today, debrief=debrief, linkedin_limit=limit)
        rendered, template = render(kind, ctx)
        report = lint(rendered, kind, lint_context, config)
        text = strip_directives(rendered)
        message = None if kind == "linkedin" else build_message(process, recipient, sender, text)
        drafts.append(Draft(kind, process.id, recipient, text, report,
                            draft_key(kind, process.id, recipient.email), template, message))
    return Plan(drafts, overridden, notes)
