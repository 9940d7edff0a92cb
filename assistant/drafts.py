"""Follow-up drafts: who gets one, what the template is told, the rules that refuse, the email.

`prepare()` is the core of `followup draft`: it applies the advice's rules (no status check
before their time frame has passed, no second check-in while the first is unanswered; each
kind only where it fits the moment: a keep-in-touch answers a rejection, a thank-you follows
an interview and precedes their answer; never a second message to someone she already has
an unsent draft to),
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
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from email.headerregistry import Address as HeaderAddress
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime, localtime, make_msgid, parseaddr
from pathlib import Path

from assistant.errors import FollowupError, Refusal
from assistant.mail import ascii_email
from assistant.mailbox.scan import strip_reply_prefix

KINDS = ("thank-you", "status-check", "recruiter-feedback", "keep-in-touch", "linkedin")
SUFFIX = ".txt.j2"
# Header lines folded at RFC 5322's 998 bytes, not 78: shorter folding turns a long
# Message-ID or subject word into RFC 2047 encoded words, which breaks threading.
DRAFT_POLICY = email_policy.default.clone(max_line_length=998)


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
    to_replace: tuple[str, ...] = ()  # lines the tool left for the user to write ("[One thing ...]")
    threads: tuple[str, ...] = ()  # the process's thread ids: its draft saved under an older id is this one

    @property
    def blocking(self) -> list:
        """Lint errors that stop the save: all but the placeholder lines the tool wrote on
        purpose (saved, and said so: `followup debrief` would fill them)."""
        own = {i + 1 for i, line in enumerate(self.text.splitlines()) if line.strip() in self.to_replace}
        return [f for f in self.report.findings if f.severity == "error"
                and not (f.rule.startswith("placeholder.") and f.line in own)]


@dataclass
class Plan:
    drafts: list[Draft]
    overridden: list[str] = field(default_factory=list)  # what --force let through
    notes: list[str] = field(default_factory=list)  # things the user should know
    yours: list[tuple[Person, str]] = field(default_factory=list)  # left alone: her own unsent draft


class YourDraft(Refusal):
    """Every recipient already has an unsent draft of the user's in the thread: never two messages."""

    def __init__(self, message: str, yours: list[tuple[Person, str]]):
        super().__init__(message)
        self.yours = yours


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
    if kind == "keep-in-touch" and process.state != "rejected":
        problems.append(f"no rejection in {process.company}'s thread ({_state_words(process)}): a keep-in-touch "
                        "note answers their 'no', and none has come")
    if kind == "keep-in-touch" and process.state == "rejected" and (answered := answered_verdict(process)):
        problems.append(f"you already replied to their decision on {answered.date:%a %d %b %Y}; "
                        "there is nothing more to send")
    if kind in ("thank-you", "recruiter-feedback") and process.state in ("rejected", "offer", "withdrawn"):
        instead = {"rejected": "a keep-in-touch note is the reply that fits now",
                   "offer": "answer the offer instead",
                   "withdrawn": "you have withdrawn from it"}[process.state]
        problems.append(f"{process.company} has already given you an answer ({_state_words(process)}): {instead}"
                        if process.state != "withdrawn" else f"the process is closed: {instead}")
    if kind in ("thank-you", "recruiter-feedback") and _interview(process, today, True) is None:
        if problems and not force:  # the answer they gave says more than the missing interview
            raise Refusal(f"{problems[0]} (--force to draft it anyway)")
        upcoming = _interview(process, today, False)
        when = f" (it is on {upcoming['day']:%a %d %b %Y})" if upcoming else ""
        raise Refusal(f"no interview has taken place yet in {process.company}'s thread{when}; nothing to "
                      f"{'thank them' if kind == 'thank-you' else 'give feedback'} for")
    if kind == "status-check":
        if process.state in ("rejected", "offer"):
            problems.append(f"{process.company} has already given you an answer "
                            f"({process.state.replace('_', ' ')}); there is nothing to check on")
        elif process.state == "withdrawn":
            problems.append("you have withdrawn from this process; there is nothing to check on")
        elif process.state == "scheduled" and (upcoming := _interview(process, today, False)):
            problems.append(f"your interview is on {upcoming['day']:%a %d %b %Y}; there is nothing to check on "
                            "before it")
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


def _state_words(process) -> str:
    return {"thank_you_due": "the interview was just held", "overdue": "their time frame has passed",
            "offer": "they made you an offer", "withdrawn": "you withdrew",
            "scheduled": "an interview is coming up", "waiting": "still waiting for their answer",
            "applied": "you have applied"}.get(process.state, process.state.replace("_", " "))


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


def her_unsent_drafts(process, me: frozenset[str]) -> dict:
    """{address: her newest unsent draft to it} in this thread; the tool's own are not hers."""
    hers = {}
    for m in sorted(process.unsent, key=lambda m: m.date.timestamp() if m.date else 0):
        if not m.by_followup and m.sender and m.sender.email in me:
            for a in (*m.to, *m.cc):
                hers[a.email.lower()] = m  # the newest wins
    return hers


def check_unsent(process, people: list, me: frozenset[str], force: bool) -> tuple[list, list[str], list]:
    """Never two messages: a person she already has an unsent draft to, in this thread, gets no
    second one from the tool (its own drafts are found again by key instead). Returns (people,
    overridden, [(person, why)] left alone); with force, keeps them and says so."""
    hers = her_unsent_drafts(process, me)
    yours = []
    for p in people:
        if (m := hers.get(p.email)) is not None:
            when = f" ({m.date:%a %d %b %Y})" if m.date else ""
            yours.append((p, f"you already have an unsent draft to {p.name or p.email}{when} in this thread; "
                             "finish or delete that one"))
    if not yours:
        return people, [], []
    if force:
        return people, [why for _, why in yours], []
    if len(yours) == len(people):
        raise YourDraft(f"{yours[0][1]} (--force to draft another anyway)", yours)
    left = {p.email for p, _ in yours}
    return [p for p in people if p.email not in left], [], yours


# -- recipients --------------------------------------------------------------------------

def _person(name: str, email: str, role: str) -> Person:
    name = " ".join((name or "").split())
    if name and name == email.partition("@")[0] and name.islower():
        name = ""  # "CN=eve" in an invitation is an address, not a name to greet
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
        return known[:1] or [_person(_name_in_thread(process, address), address, "other")]
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
    elif kind == "status-check":  # whoever gave the time frame, else whoever wrote last
        chosen = _promiser(process, people) or _last_sender(process, people) or \
            by_role["recruiter"][:1] or by_role["coordinator"][:1]
    else:  # recruiter-feedback: the person who runs the process
        chosen = by_role["recruiter"][:1] or by_role["coordinator"][:1]
    if not chosen and kind == "recruiter-feedback":
        raise Refusal("no one on this thread to send recruiter feedback to: it goes to the recruiter who prepared you "
                      "for the interview (name one with --to ADDRESS)")
    if not chosen:
        raise FollowupError(f"no one on this thread to send a {kind} to (name one with --to ADDRESS)")
    return chosen


def _promise_message(process):
    """The message of theirs that made the promise (None when it was said out loud)."""
    if process.promise is None or process.promise_source != "email" or process.promise_made_at is None:
        return None
    return next((m for m in reversed(process.thread.messages if process.thread else [])
                 if m.date == process.promise_made_at and m.sender), None)


def _promiser(process, people: list[Person]) -> list[Person]:
    m = _promise_message(process)
    return [p for p in people if m is not None and p.email == m.sender.email][:1]


def _name_in_thread(process, address: str) -> str:
    for m in process.thread.messages if process.thread else []:
        for a in (m.sender, *m.to, *m.cc):
            if a is not None and a.email == address and a.name:
                return a.name
    return ""


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

def _me(process, me: frozenset[str], display_name: str = "") -> Person:
    """My name and address as this thread knows them: the address their mail went to (the
    newest of theirs), else the one I wrote from; the name from config when it is set."""
    messages = process.thread.messages if process.thread else []
    name, email = "", ""
    for m in reversed(messages):
        if m.sender and m.sender.email not in me:
            mine = [a for a in (*m.to, *m.cc) if a.email in me]
            if mine:
                email, name = mine[0].email, mine[0].name
                break
    for m in messages:
        if m.sender and m.sender.email in me:
            email, name = email or m.sender.email, m.sender.name or name
    if not name:
        for m in messages:
            for a in (*m.to, *m.cc):
                if a.email in me:
                    email, name = email or a.email, a.name or name
    email = email or (sorted(me)[0] if me else "")
    name = display_name or name
    return _person(name, email, "me") if email else Person(display_name, display_name.split()[0] if display_name else "", "", "me")


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


TEXT_LIMIT = 20_000  # characters of one message read for names and titles (bounded work)


def _their_texts(process, me: frozenset[str]) -> list[str]:
    """What the company's side wrote (newest text and signature), newest first, and the subject."""
    texts = []
    for m in reversed(process.thread.messages if process.thread else []):
        if m.sender and m.sender.email not in me:
            texts.append(f"{m.sender.name}\n{m.newest[:TEXT_LIMIT]}\n{m.signature[:TEXT_LIMIT]}")
            texts.extend(e.summary[:500] for e in m.events if e.summary)
    return texts + [process.subject or ""]


def greeting_for(process, recipient: Person, me: frozenset[str]) -> str:
    """The opening in the thread's register: how they greeted me, the recipient's own mail first."""
    from assistant.wording import greeting, her_form_of_address, salutation_of, title_of

    messages = list(reversed(process.thread.messages if process.thread else []))
    theirs = [m for m in messages if m.sender and m.sender.email not in me]
    mine = [m for m in messages if m.sender and m.sender.email in me]
    found = None
    for m in ([m for m in theirs if m.sender.email == recipient.email] + theirs + mine):
        found = salutation_of(m.newest[:200])
        if found:
            break
    for m in mine:  # how she herself addresses them, in mail that went to them, newest first
        if recipient.email in {a.email for a in (*m.to, *m.cc)}:
            own = her_form_of_address(m.newest, recipient.first_name, recipient.name)
            # her own words, unless she was formal and they have since written "Hi Jordan"
            if own and not (own[1] and found and not found[1]):
                return own[0]
    word, formal = found or ("Hi", False)
    title = title_of(recipient.name, recipient.first_name, _their_texts(process, me)) if formal else ""
    return greeting(word, formal, recipient.first_name, recipient.name, title)


def _said_day(process) -> date | None:
    """The day they said it (the interview day for a debrief's timeline)."""
    if process.promise_source == "debrief":
        return process.debrief.interview_day if process.debrief else None
    return process.promise_made_at.date() if process.promise_made_at else None


def _said_on(process, today: date) -> str:
    """"11 March": the day they said it, as a draft names it."""
    day = _said_day(process)
    if day is None:
        return ""
    return f"{day.day} {day:%B}" if day.year == today.year else f"{day.day} {day:%B %Y}"


def _promise_context(process, recipient: Person, today: date) -> dict | None:
    """Their time frame in their words, reported back; the computed date is not used in the
    draft (it is the tool's reading, shown in threads, due and status).

    To the person who wrote it: "In your email of 23 February, you mentioned that you would
    let me know by Friday". To someone else: "Megan mentioned in the email of 23 February
    that the team would ...". Said out loud: "At my interview on 11 March, you mentioned
    that ..." to an interviewer, "..., I heard that the team would ..." to anyone else.
    """
    from assistant.wording import anchored, reported

    if process.promise is None:
        return None
    promise = process.promise
    due = promise.due
    on = _said_on(process, today)
    m = _promise_message(process)
    if process.promise_source == "debrief":
        to_them = recipient.role == "interviewer"
        lead = f"At my interview on {on}, " if on else "At my interview, "
        lead += "you mentioned that" if to_them else "I heard that"
    elif m is None or m.sender.email == recipient.email:
        to_them = True
        lead = f"In your email of {on}, you mentioned that" if on else "You mentioned that"
    else:
        to_them = False
        who = _person(m.sender.name, m.sender.email, "").first_name
        lead = (f"{who} mentioned in the email of {on} that" if who else f"The email of {on} said that") \
            if on else f"{who or 'The team'} mentioned that"
    said = reported(promise.sentence, promise.phrase, "you" if to_them else "the team") \
        if promise.sentence else None
    said = said or f"I could expect to hear back {_phrase(promise.phrase)}"
    said_day = _said_day(process)
    if said_day is None or said_day < today:  # reported after the fact: "next week" is not this one
        said = anchored(said)
    return {"phrase": promise.phrase, "sentence": promise.sentence, "reported": said,
            "said": f"{lead} {said}", "due": due, "due_text": f"{due:%A} {due.day} {due:%B}"}


def _attributed_detail(d, recipient: Person, others: list[Person]) -> str:
    """The debrief detail for this recipient, its "Priya:" prefix taken off: a detail written
    as another interviewer's is never used in this one's note."""
    from assistant.debrief import attribution

    names = [p.name for p in (recipient, *others) if p.name] + list(d.interviewers)
    own, general = [], []
    for item in d.details:
        who, text = attribution(item, names)
        if who is None:
            general.append(text)
        elif _same_person(who, recipient):
            own.append(text)
    return (own or general or [""])[0]


def _same_person(who: str, p: Person) -> bool:
    who = who.lower()
    return bool(p.name) and who in (p.name.lower(), p.first_name.lower())


def _placeholder(recipient: Person) -> str:
    """The line a thank-you leaves for the user when the thread says nothing personal."""
    who = recipient.first_name if recipient.first_name and len(recipient.first_name) <= 12 else "they"
    return f"[One detail {who} shared with you]"


def context(process, recipient: Person, *, me: frozenset[str], today: date, debrief,
            linkedin_limit: int = 200, display_name: str = "", writing_to: list[Person] | None = None) -> dict:
    """Everything a template may use; templates/README.md lists it. `writing_to`: everyone this
    kind goes to (each gets a note of their own, so no one is thanked through another)."""
    from assistant.debrief import Debrief

    from assistant.wording import interview_kind, job_title_of

    people = _contacts(process)
    interviewers = [p for p in people if p.role == "interviewer"]
    others = [p for p in interviewers if p.email != recipient.email and p.first_name]
    recruiter = next((p for p in people if p.role == "recruiter"), None) or \
        next((p for p in people if p.role == "coordinator"), None)
    d = debrief or Debrief(thread_id=process.id)
    promise = _promise_context(process, recipient, today)
    wait = process.wait_until
    texts = _their_texts(process, me)
    interview = _interview(process, today, past_only=True)
    if interview is not None:
        interview["kind"] = interview_kind([interview["summary"] or "", *texts])
    person = recipient_dict(recipient)
    person["job_title"] = job_title_of(recipient.name, texts)
    detail = _attributed_detail(d, recipient, [p for p in people if p.email != recipient.email])
    return {
        "me": recipient_dict(_me(process, me, display_name)),
        "company": process.company,
        "role": process.role or "",
        "job": f"the {process.role} role" if process.role else "the role",
        "position": position(process.role, process.company),
        "recipient": person,
        "greeting": greeting_for(process, recipient, me),
        "interview": interview,
        "next_interview": _interview(process, today, past_only=False),
        "promise": promise,
        "wait_until": wait,
        "wait_until_text": f"{wait:%A} {wait.day} {wait:%B}" if wait else "",
        "today": today,
        "state": process.state,
        "debrief": d,
        "has_debrief": debrief is not None,
        "detail": detail,
        "personal": bool(detail or person["job_title"]),  # else a [line] for the user to replace
        "placeholder": _placeholder(recipient),
        "contacts": [recipient_dict(p) for p in people],
        "interviewers": [recipient_dict(p) for p in interviewers],
        "others": [recipient_dict(p) for p in others],
        "pass_thanks_to": [recipient_dict(p) for p in others
                           if p.email not in {w.email for w in (writing_to or [recipient])}],
        "recruiter": recipient_dict(recruiter) if recruiter else None,
        "linkedin_limit": linkedin_limit,
    }


def position(role: str, company: str) -> str:
    """"the Analytics Engineer role at Ledgerline", naming the company once: a role that already
    holds it ("Ledgerline Analytics Engineer") is not followed by "at Ledgerline"."""
    job = f"the {role} role" if role else "the role"
    first = company.split()[0].lower() if company else ""
    return job if not company or first in (role or "").lower() else f"{job} at {company}"


def recipient_dict(p: Person) -> dict:
    return {"name": p.name, "first_name": p.first_name, "email": p.email, "role": p.role}


# -- the email ---------------------------------------------------------------------------

def _refuse_line_breaks(value: str, what: str) -> str:
    if any(c in value for c in "\r\n\x0b\x0c\x85\u2028\u2029"):
        raise FollowupError(f"refusing a {what} header with a line break in it: {value.splitlines()[0]!r}...")
    return value


def reply_subject(process) -> str:
    # The subject of the thread the draft goes into (a joined process spans several).
    subjects = [process.subject] + [m.subject for m in (process.thread.messages if process.thread else [])]
    base = next((s for s in subjects if s and s.strip()), "")
    _refuse_line_breaks(base, "Subject")
    base = strip_reply_prefix(base)
    return f"Re: {base}" if base else "Re:"


def _literal(value: str) -> str:
    """Text from mail (or config) as it must appear in a header: an RFC 2047 encoded word
    in it ("=?utf-8?b?...?=", left literal by a sender who encoded it twice) would be decoded
    again when the header is written, CR/LF and all, and add a Bcc to the user's draft."""
    return value.replace("=?", "= ?")


# A message id worth threading on: printable ASCII, no brackets or encoded-word opener.
_CLEAN_ID = re.compile(r"(?:(?!=\?)[!-;=?-~])+")


def _check_headers(msg: EmailMessage) -> EmailMessage:
    """The headers as written are the headers set: none added by a value from mail."""
    from email import message_from_bytes
    from email import policy as _policy

    written = message_from_bytes(msg.as_bytes(), policy=_policy.compat32)
    if [k.lower() for k in written.keys()] != [k.lower() for k in msg.keys()]:
        raise FollowupError("refusing a draft whose headers would not be the ones the tool set "
                            "(a name, subject or id from the thread has a line break encoded in it)")
    return msg


def _address(p: Person, what: str) -> HeaderAddress:
    _refuse_line_breaks(p.name, what)
    _refuse_line_breaks(p.email, what)
    try:
        return HeaderAddress(display_name=_literal(p.name), addr_spec=ascii_email(p.email))
    except (ValueError, IndexError) as e:
        raise FollowupError(f"cannot address a draft to {p.email!r}: {e}") from None


def build_message(process, recipient: Person, sender: Person, text: str) -> EmailMessage:
    """A reply in the thread: Re: subject, In-Reply-To and References of the newest message."""
    msg = EmailMessage(policy=DRAFT_POLICY)
    if sender.email:
        msg["From"] = _address(sender, "From")
    msg["To"] = _address(recipient, "To")
    msg["Subject"] = _literal(reply_subject(process))
    msg["Date"] = format_datetime(localtime())
    domain = sender.email.partition("@")[2] or None
    msg["Message-ID"] = make_msgid(domain=domain)
    # Their newest real message (Process.reply_to: never a draft, a referrer's reply-all or
    # my calendar's RSVP, which may sit in another thread of a joined process).
    parent = getattr(process, "reply_to", None) or next(
        (m for m in reversed(process.thread.messages if process.thread else []) if m.message_id and not m.draft),
        None)
    if parent is not None and _CLEAN_ID.fullmatch(parent.message_id or ""):
        ids = list(parent.references or parent.in_reply_to) + [parent.message_id]
        ids = list(dict.fromkeys(i for i in ids if i and _CLEAN_ID.fullmatch(i)))[-20:]
        msg["In-Reply-To"] = f"<{parent.message_id}>"
        msg["References"] = " ".join(f"<{i}>" for i in ids)
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to edit, not a sent mail
    # 8bit keeps the saved draft editable as plain text; only a line over RFC 5322's 998
    # characters needs quoted-printable.
    long_line = any(len(line.encode("utf-8")) > 998 for line in text.splitlines())
    msg.set_content(text, cte="quoted-printable" if long_line else "8bit")
    return _check_headers(msg)


def draft_key(kind: str, thread_id: str, email: str) -> str:
    """The draft's identity in its marker header: ASCII (an IDN domain in punycode), so the
    header is never an encoded word that a mailbox's search would not find again."""
    return f"{kind}; thread={thread_id}; to={ascii_email(email).lower()}"


# -- the whole step ----------------------------------------------------------------------

def prepare(process, kind: str, *, me: frozenset[str], today: date, settings, to: str | None = None,
            person: str | None = None, force: bool = False) -> Plan:
    """Rules, recipients, render, lint, email: everything but saving."""
    from assistant.lint import LintConfig, lint, strip_directives

    if kind not in KINDS:
        raise FollowupError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    overridden = check_rules(process, kind, me, today, force)
    chosen = recipients(process, kind, to, person)
    people, done, notes = check_done(process, kind, chosen, today, force)
    overridden += done
    # each of these gets a note of their own (from this run, or hers): no thanks passed through another
    writing_to = chosen + [_person("", a, "") for a in her_unsent_drafts(process, me)]
    people, theirs, yours = check_unsent(process, people, me, force)
    overridden += theirs
    notes += [f"no {kind} for {p.name or p.email}: {why}" for p, why in yours]
    debrief = process.debrief
    if debrief is None and kind in ("thank-you", "recruiter-feedback"):
        notes.append(f"no debrief for this thread, so the note says only what the thread told; "
                     f"`followup debrief {process.id}` adds a detail they shared, the answer to improve "
                     "and your questions")
    config = LintConfig.from_settings(settings)
    limit = int(config.thresholds.get("linkedin_note_limit", settings.linkedin_note_limit))
    sender = _me(process, me, settings.name)
    lint_context = timing_context(process, today)
    drafts = []
    for recipient in people:
        ctx = context(process, recipient, me=me, today=today, debrief=debrief, linkedin_limit=limit,
                      display_name=settings.name, writing_to=writing_to)
        rendered, template = render(kind, ctx)
        names = lint_context.people + ((recipient.name,) if recipient.name not in lint_context.people else ())
        report = lint(rendered, kind, replace(lint_context, people=names), config)
        text = strip_directives(rendered)
        message = None if kind == "linkedin" else build_message(process, recipient, sender, text)
        left = tuple(line.strip() for line in text.splitlines() if line.strip() == ctx["placeholder"])
        drafts.append(Draft(kind, process.id, recipient, text, report,
                            draft_key(kind, process.id, recipient.email), template, message, left,
                            tuple(process.thread_ids)))
        if left:
            notes.append(f"the {kind} to {recipient.name or recipient.email} has a line for you to replace, "
                         f"{left[0]}: the thread says nothing personal about them; "
                         f"`followup debrief {process.id}` would make it personal")
    return Plan(drafts, overridden, notes, yours)
