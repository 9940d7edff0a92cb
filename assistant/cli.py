"""The `followup` command: parses arguments, calls the core, prints. Nothing else lives here."""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import click

from assistant.errors import FollowupError


def gmail_lock_name() -> str:
    """The signed-in Gmail account's run lock (the one save_draft takes), or the default one."""
    from assistant import gmail_auth
    from assistant.mailbox.gmail import lock_name

    try:
        account = gmail_auth.read_token().get("account")
    except FollowupError:
        account = None
    return lock_name(account if isinstance(account, str) else None)


class UserError(click.ClickException):
    """Bad input or environment: one line on stderr, exit code 2."""

    exit_code = 2


class _Group(click.Group):
    # --help lists commands in the order of a job seeker's day, not alphabetically.
    ORDER = ("sweep", "threads", "due", "status", "debrief", "draft", "lint", "remind", "auth")

    def list_commands(self, ctx):
        if ctx.parent is not None:  # a subgroup (auth): in the order it was written
            return list(self.commands)
        rank = {name: i for i, name in enumerate(self.ORDER)}
        return sorted(self.commands, key=lambda name: (rank.get(name, len(rank)), name))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FollowupError as e:
            raise UserError(str(e)) from None


FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)  # --today: room for date arithmetic


class Session:
    """What every command needs: settings, who I am, today, and the mailbox, opened lazily."""

    def __init__(self, mailbox, me, today, config_path, verbose):
        from assistant.config import load_settings

        self.settings = load_settings(config_path)
        self.verbose = verbose
        self.me = frozenset(m.strip().lower() for m in me) | frozenset(self.settings.me)
        self.mailbox_spec = mailbox or os.environ.get("FOLLOWUP_MAILBOX") or self.settings.mailbox
        self._mailbox = None
        if today is not None:
            try:
                self.today = date.fromisoformat(today.strip())
            except ValueError:
                raise FollowupError(f"--today must be a date like 2026-03-12, not '{today}'") from None
            if not FIRST_DAY <= self.today <= LAST_DAY:
                raise FollowupError(f"--today must be between {FIRST_DAY} and {LAST_DAY}, not {today}")
        else:
            self.today = self.now().date()

    def now(self):
        """The clock in the configured time zone (or this machine's)."""
        from datetime import datetime

        from assistant.config import check_timezone

        tz = check_timezone(self.settings.timezone) if self.settings.timezone else None
        return datetime.now(tz) if tz else datetime.now().astimezone()

    def writing(self):
        """The run lock (safefiles.run_lock) of this data directory and account, for the part
        of a command that writes drafts, labels, a debrief or the token: one run at a time."""
        from assistant.safefiles import run_lock

        return run_lock(self.lock_name())

    def lock_name(self) -> str:
        if self.mailbox_spec == "gmail" and not Path("gmail").exists():
            return gmail_lock_name()
        if str(self.mailbox_spec).startswith("imap"):  # imap://user@host or the [imap] table
            return f"imap-{self.mailbox_spec}"
        from assistant.mailbox.drafts_local import LOCK

        return LOCK

    def mailbox(self):
        """The mailbox the user named, opened once per command."""
        if self._mailbox is None:
            from assistant.mailbox import open_mailbox

            if not self.mailbox_spec:
                raise FollowupError(
                    "no mailbox given: use --mailbox PATH, set FOLLOWUP_MAILBOX, or put "
                    "mailbox = \"...\" in config.toml (try the bundled sample: --mailbox sample)"
                )
            self._mailbox = open_mailbox(self.mailbox_spec, self.settings)
        return self._mailbox

    def processes(self):
        """Scan the mailbox and return (processes, scan)."""
        from assistant.process import list_processes

        scan = self.mailbox().scan(self.me)
        if self.verbose:
            for line in scan.skipped:
                click.echo(f"skipped: {line}", err=True)
            click.echo(
                f"read {scan.messages_seen} messages; {len(scan.threads)} candidate threads; "
                f"me = {', '.join(sorted(scan.me)) or 'unknown'}",
                err=True,
            )
        found = list_processes(scan.threads, scan.me, self.today, self.settings.default_wait_business_days,
                               debrief_for=self._debrief, close_after_days=self.settings.close_after_days)
        if self.verbose:
            from assistant.hiring import newcomers_of

            for p in found:
                for a in newcomers_of(p.thread.messages, scan.me, p.interviews) if p.thread else []:
                    click.echo(f"{p.company}: {a.name or a.email} <{a.email}> wrote into the thread from "
                               "another domain: no role, no draft unless --to names them", err=True)
        return found, scan

    def _debrief(self, thread_id: str):
        """A saved debrief, or None; one unreadable file is a warning, not the end of every command."""
        from assistant.debrief import load_debrief

        try:
            return load_debrief(thread_id)
        except FollowupError as e:
            click.echo(f"warning: {e} (ignored; `followup debrief {thread_id}` writes a new one)", err=True)
            return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--mailbox", metavar="PATH|gmail|imap://USER@HOST",
              help="An mbox file, a Maildir, a folder of .eml files, 'gmail', or imap://user@host[:port] "
                   "(or FOLLOWUP_MAILBOX). "
                   "'sample' is the bundled example mailbox.")
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="One of your own addresses (repeatable). Mail labelled Sent counts as yours too.")
@click.option("--today", metavar="YYYY-MM-DD", help="Pretend today is this date.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A config.toml other than the one in your config directory.")
@click.option("--verbose", "-v", is_flag=True, help="Say what was read and what was skipped.")
@click.option("--no-wait", is_flag=True,
              help="When another followup run is writing drafts for the same account, stop (exit 2) "
                   "instead of waiting for it.")
@click.version_option(package_name="interview-followup")
@click.pass_context
def main(ctx, mailbox, me, today, config_path, verbose, no_wait):
    """Knows what each recruiter promised, and drafts the follow-ups. Never sends mail.

    \b
    Example:
      followup --mailbox ~/Takeout/All\\ mail.mbox --me me@example.com due
    """
    from assistant import safefiles

    safefiles.configure(wait=not no_wait, on_wait=lambda line: click.echo(line, err=True))
    try:
        ctx.obj = Session(mailbox, me, today, config_path, verbose)
    except FollowupError as e:
        raise UserError(str(e)) from None


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def threads(session: Session, as_json: bool):
    """Every hiring process: company, role, state, next date and next step.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 threads
    """
    from assistant.process import gone_quiet, last_activity, next_step, quiet_step

    found, _ = session.processes()
    quiet = {p.id for p in found if gone_quiet(p, session.today, session.settings.close_after_days)}
    if as_json:
        click.echo(json.dumps([dict(p.to_json(), gone_quiet=p.id in quiet) for p in found], indent=2,
                              ensure_ascii=False))
        return
    if not found:
        click.echo("No hiring processes found.")
        return
    rows = []
    for p in found:
        if p.id in quiet:
            last = last_activity(p)
            rows.append((p.company or "?", p.role or "-", "gone quiet", f"since {last:%a %d %b %Y}",
                         quiet_step(p, session.today)))
        else:
            rows.append((p.company or "?", p.role or "-", p.state.replace("_", " "), _when(p),
                         next_step(p, session.today)))
    _table(("COMPANY", "ROLE", "STATE", "WHEN", "NEXT STEP"), rows)


def _when(p) -> str:
    """The date that matters, with the word that says why it matters."""
    from assistant.process import when

    found = when(p)
    return f"{found[0]} {found[1]:%a %d %b}" if found else ""


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--label", "label", is_flag=True,
              help="Mark overdue threads: a Gmail label (gmail_label, default 'Follow-up due') or the IMAP keyword $FollowupDue; unmark the rest.")
@click.pass_obj
def due(session: Session, as_json: bool, label: bool = False):
    """What needs doing today (thank-you notes owed, promises broken), most urgent first.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 due
    """
    from assistant.process import needs_action, next_step

    found, _ = session.processes()
    todo = [p for p in found if needs_action(p, session.today, session.settings.close_after_days)]
    if label:
        with session.writing():
            _label_overdue(session, found)
    if as_json:
        click.echo(json.dumps([dict(p.to_json(), action=next_step(p)) for p in todo], indent=2,
                              ensure_ascii=False))
        return
    if not todo:
        click.echo(f"Nothing is due today ({session.today:%a %d %b %Y}).")
        return
    click.echo(f"Due today ({session.today:%a %d %b %Y}):")
    for p in todo:
        click.echo(f"- {_due_line(p, session.today)}")
        if not p.their_question:
            click.echo(f"    {next_step(p).split(': ', 1)[-1]}")


def _due_line(p, today: date) -> str:
    who = f"{p.company}" + (f", {p.role}" if p.role else "")
    if p.state == "thank_you_due":
        people = [c.name for c in p.contacts if c.role == "interviewer"]
        to = f" ({', '.join(people)})" if people else ""
        when = p.interviews[-1].start.date()
        return f"{who}: thank-you owed for the interview on {when:%a %d %b}{to}, by {p.next_date:%a %d %b}"
    if p.their_question:
        asked = p.last_message.date
        on = f" on {asked:%a %d %b}" if asked else ""
        return f'{who}: they asked you{on} and are waiting for your answer: "{p.their_question}"'
    late = (today - p.wait_until).days
    said = f'they said "{p.promise.phrase}"' if p.promise else "no date was promised"
    return (f"{who}: {said}; waiting ended {p.wait_until:%a %d %b}, {late} day"
            f"{'s' if late != 1 else ''} ago; one polite status check is fair")


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    widths[-1] = 0
    for r in (headers, *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())


@main.command()
@click.argument("file", required=False, default="-", metavar="[FILE | -]")
@click.option("--kind", type=click.Choice(["auto", "thank-you", "status-check", "recruiter-feedback",
                                           "keep-in-touch", "linkedin", "linkedin-message"]), default="auto",
              show_default=True, help="What the draft is; auto guesses from the text. linkedin: a "
              "connection note (200/300 characters); linkedin-message: to someone already connected.")
@click.option("--thread", metavar="THREAD",
              help="Check timing and names against this thread (id, prefix or company).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def lint(session: Session, file: str, kind: str, thread: str | None, as_json: bool):
    """Check a draft for length, tone, structure, timing and leftover placeholders.

    Reads FILE, or standard input when FILE is - or absent: plain text or a whole email
    (.eml), whose headers are skipped and whose subject is checked as a subject; quoted
    history and the signature are not linted. Prints one line per finding,
    FILE:LINE:COL: severity rule.id message, then the metrics. Exit 1 when there is an
    error, 0 otherwise, 2 when the draft cannot be read. A draft line
    <!-- followup: disable RULE[, RULE] --> switches rules off for that draft; rules and
    sources: docs/lint-rules.md.

    \b
    Example:
      followup lint draft.txt --kind status-check
      followup --mailbox sample lint draft.txt --thread acme --json
    """
    from assistant.lint import LintConfig
    from assistant.lint import lint as run_lint
    from assistant.lint.message import decode_file

    name = "<stdin>" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as e:
        raise FollowupError(f"cannot read draft {file}: {e.strerror or e}") from None
    text = decode_file(data)  # UTF-8, or an email in the charset it declares
    if text is None:
        raise FollowupError(f"draft {file} is not UTF-8 text (nor an email that names its charset)")
    context = None
    if thread:
        from assistant.process import find_process

        found, _ = session.processes()
        from assistant.drafts import timing_context

        context = timing_context(find_process(found, thread), session.today)
    report = run_lint(text, kind, context, LintConfig.from_settings(session.settings))
    if as_json:
        click.echo(json.dumps(report.to_json(name), indent=2, ensure_ascii=False))
    else:
        for f in report.findings:
            click.echo(f"{name}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message} \u2014 {f.suggestion}")
        m = report.metrics
        minutes, seconds = divmod(round(m.reading_time), 60)
        click.echo(
            f"{name}: {report.kind}; {m.words} words, {m.sentences} sentences, {m.paragraphs} paragraphs, "
            f"{m.questions} questions, {m.exclamations} exclamation marks; reading ease "
            f"{m.reading_ease:.0f}, grade {m.grade:.1f}; reading time {minutes}:{seconds:02d}"
        )
        click.echo(f"{name}: {report.count('error')} errors, {report.count('warning')} warnings, "
                   f"{report.count('info')} notes")
        if report.note:
            click.echo(f"{name}: note: {report.note}")
    if report.has_errors:
        sys.exit(1)


def _read_text(file: str, what: str = "") -> str:
    """A file's text, or standard input's for "-"; missing, unreadable or not UTF-8 is one line."""
    name = f"{what} {file}".strip()
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as e:
        raise FollowupError(f"cannot read {name}: {e.strerror or e}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FollowupError(f"{name} is not UTF-8 text") from None


@main.command()
@click.argument("thread")
@click.option("--from", "source", metavar="FILE",
              help="Read the filled-in template from FILE (- for standard input); no editor, no prompts. "
                   "Only the sections FILE has a heading for change.")
@click.option("--show", is_flag=True, help="Print the saved debrief instead of editing it.")
@click.option("--json", "as_json", is_flag=True, help="With --show: print JSON for scripts.")
@click.pass_obj
def debrief(session: Session, thread: str, source: str | None, show: bool, as_json: bool):
    """Write down, the evening after an interview, what the follow-ups will need.

    The people you met, details they shared, questions you had not prepared for, answers
    to improve, what went well and badly, questions that came up afterwards, and any
    timeline they gave out loud ("we'll decide by Friday" counts as a promise made on the
    interview day). Opens $VISUAL or $EDITOR on a commented template; asks section by
    section when no editor is set or input is not a terminal. Saved as a TOML file per
    thread in your data directory; running it again edits what you saved.

    Written text is merged into what you saved: a section whose "## " heading the text
    does not have keeps its saved value; a heading with nothing under it clears that
    section. So `--from` a file with only "## Notes" changes only the notes. Each save
    keeps the version it replaced as THREAD.previous.toml beside the debrief. A saved
    file that cannot be read (a hand edit gone wrong) is moved aside to
    THREAD.broken.toml, never deleted, when you save a fresh one.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 debrief ledgerline
      followup --mailbox sample debrief 19c94874 --from notes.txt
      printf '## Notes\\nAsk about on-call\\n' | followup --mailbox sample debrief ledgerline --from -
      followup --mailbox sample debrief ledgerline --show
    """
    from dataclasses import replace

    from assistant import debrief as db
    from assistant.process import find_process

    if as_json and not show:
        raise click.UsageError("--json goes with --show")
    if show and source is not None:
        raise click.UsageError("--show and --from do not go together")
    found, _ = session.processes()
    p = find_process(found, thread)
    about = f"{', '.join(x for x in (p.company, p.role) if x)} (thread {p.id})"
    try:
        saved, broken = db.load_debrief(p.id), None
    except db.UnreadableDebrief as e:
        saved, broken = None, e
    if saved is None and broken is None and p.debrief is not None:
        saved = p.debrief  # written under another of its threads, before they joined (process.join)
    if show:
        if broken is not None:
            raise FollowupError(f"the saved debrief of {about} cannot be read ({broken.reason}): {broken.path}; "
                                f"fix it by hand, or run `followup debrief {p.id}` to set it aside and write a new one")
        _show_debrief(saved, p.id, about, as_json)
        return
    still_there = "" if broken is None else f"; the unreadable debrief is still in {broken.path}"
    pending = None
    if source is not None:
        text = _read_text(source)
        result = db.read_edit(p.id, text, saved)
    else:
        start = saved or db.new_debrief(p, session.today)
        if start.interview_day is None:
            start = replace(start, interview_day=db.default_interview_day(p.interviews, session.today))
        if (os.environ.get("VISUAL") or os.environ.get("EDITOR")) and _stdin_is_tty():
            text = db.render_text(start, about)
            pending = db.pending_rejected(p.id)
            if pending:
                text = (f"# Your last edit could not be saved ({pending[1]}).\n"
                        f"# Here it is again: fix it, then save and quit.\n{pending[0]}")
            if broken is not None:
                text = db.over_unreadable(text, broken, db.broken_path(p.id))
            edited, status = db.run_editor(text, extension=".md")
            changed = edited is not None and edited.rstrip("\n") != text.rstrip("\n")
            if status and not changed:
                raise FollowupError(f"the editor exited with status {status}: Editing failed; nothing was "
                                    "written (set VISUAL or EDITOR, or use --from FILE)")
            if not changed:
                click.echo("debrief not changed" + still_there)
                return
            text = edited  # kept even when the editor failed: saved if it reads, else beside as .rejected
            result = db.read_edit(p.id, text, saved)
            if status:
                click.echo(f"The editor exited with status {status}; the text it wrote is kept.", err=True)
        else:
            if broken is not None:
                click.echo(f"Your saved debrief cannot be read ({broken.reason}); it stays in {broken.path} "
                           f"until you save a new one here.")
            result = _prompt_debrief(start)
            text = db.render_text(result, about)
    fixes_rejected = bool(pending) or (source not in (None, "-") and _same_file(source, db.rejected_path(p.id)))
    if saved is not None and result == saved:
        if fixes_rejected:
            db.discard_rejected(p.id)
        click.echo("debrief not changed")
        return
    if db.is_empty(result):
        click.echo("debrief is empty: nothing saved" + (" (the saved one is unchanged)" if saved else "")
                   + still_there)
        return
    from assistant.safefiles import LockError

    try:
        with session.writing():
            _save_debrief(db, p, about, result, text, saved, broken, fixes_rejected)
    except LockError as e:
        raise FollowupError(f"debrief not saved: {e}; your text is kept {db.keep_or_say(p.id, text)}") from None


def _save_debrief(db, p, about, result, text, saved, broken, fixes_rejected) -> None:
    if broken is not None:
        try:
            aside = db.set_aside(p.id)
        except FollowupError as e:
            raise FollowupError(f"debrief not saved: {e}; your text is kept {db.keep_or_say(p.id, text)}") from None
        click.echo(f"The unreadable debrief ({broken.reason}) is kept in {aside}")
    db.store(result, text, saved)
    if fixes_rejected:
        db.discard_rejected(p.id)
    click.echo(f"Saved the debrief of {about} in {db.debrief_path(p.id)}")
    if saved is not None and (gone := db.removed_sections(saved, result)):
        click.echo(f"Removed or changed in {', '.join(gone)}; the previous version is kept in "
                   f"{db.previous_path(p.id)}")
    _echo_spoken_timeline(result)


def _stdin_is_tty() -> bool:
    """An editor needs a terminal; piped input is answered at the prompts instead."""
    return sys.stdin.isatty()


def _same_file(a: str, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def _show_debrief(saved, thread_id: str, about: str, as_json: bool) -> None:
    from assistant import debrief as db

    if as_json:
        click.echo(json.dumps(None if saved is None else db.to_json(saved), indent=2, ensure_ascii=False))
    elif saved is None:
        click.echo(f"No debrief for {about} yet; write one: followup debrief {thread_id}")
    else:
        click.echo(f"# Debrief for {about}")
        click.echo(db.render_text(saved, guide=False).rstrip("\n"))
        _echo_spoken_timeline(saved, prefix="# ")


def _echo_spoken_timeline(saved, prefix: str = "") -> None:
    from assistant.debrief import spoken_promise

    if not saved.timeline.strip():
        return
    promise = spoken_promise(saved)
    if promise is None:
        click.echo(f"{prefix}No date could be read from the timeline they gave; the thread's own dates apply.")
    else:
        click.echo(f'{prefix}They said "{promise.phrase}" on {saved.interview_day:%a %d %b}: '
                   f"you should hear by {promise.due:%a %d %b %Y}.")


def _prompt_debrief(start):
    """Section by section at prompts, for when there is no editor; an empty answer ends a list."""
    from assistant.debrief import SECTIONS, BetterAnswer, Debrief

    def ask(text: str, default: str = "") -> str:
        return click.prompt(text, default=default, show_default=bool(default)).strip()

    click.echo("No editor (set VISUAL or EDITOR for one): answer section by section. "
               "An empty answer ends a list.")
    values = {}
    for s in SECTIONS:
        old = getattr(start, s.key)
        click.echo(f"\n{s.title}: {' '.join((s.ask_guide or s.guide).split())}")
        if s.kind == "day":
            values[s.key] = click.prompt(s.prompt, default=old.isoformat() if old else "",
                                         show_default=bool(old), value_proc=_prompted_day)
        elif s.kind == "text":
            values[s.key] = ask(s.prompt, old)
        else:
            items = list(old)
            if items:
                for item in items:
                    click.echo(f"  - {item.question} / {item.answer}" if s.kind == "answers" else f"  - {item}")
                if not click.confirm("Keep these?", default=True):
                    items = []
            while item := ask(s.prompt):
                items.append(BetterAnswer(item, ask("Better answer")) if s.kind == "answers" else item)
            values[s.key] = tuple(items)
    return Debrief(thread_id=start.thread_id, extra=start.extra, **values)


def _prompted_day(text: str):
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise click.UsageError(f"a date like 2026-03-11, not '{text.strip()}'") from None


def _drafts_dir(ctx, param, value: str | None) -> Path | None:
    """An empty --drafts-dir is a mistake, not the current folder."""
    if value is not None and not value.strip():
        raise UserError("--drafts-dir is empty: name a folder, or leave the option out")
    return Path(value) if value is not None else None


class _Refused(click.ClickException):
    """The advice says not to (too early, a second check-in): one line on stderr, exit code 3."""

    exit_code = 3


@main.command()
@click.argument("kind", type=click.Choice(["thank-you", "status-check", "recruiter-feedback",
                                           "keep-in-touch", "linkedin"]))
@click.argument("thread")
@click.option("--to", "to", metavar="ADDRESS", help="Address the draft to this person only.")
@click.option("--person", metavar="NAME", help="For linkedin: the contact to write to (part of a name).")
@click.option("--print", "print_only", is_flag=True, help="Print the draft; save nothing.")
@click.option("--force", is_flag=True,
              help="Draft it even when the advice says not to (too early, a second check-in, lint errors).")
@click.option("--drafts-dir", type=click.Path(file_okay=False), callback=_drafts_dir,
              help="Where local drafts are saved (default: drafts/ in your data directory).")
@click.pass_obj
def draft(session: Session, kind, thread, to, person, print_only, force, drafts_dir):
    """Write a follow-up as a draft reply in the thread; never send it.

    Renders the KIND template with the thread's facts and your debrief, lints it, and
    saves it: one draft per interviewer for a thank-you. Running it again replaces the
    tool's own draft, or leaves it alone if you have edited it. A status check before
    their time frame has passed, or while an earlier check-in is unanswered, is refused
    (exit 3), and so is a second thank-you, feedback note or reply to a rejection (done is
    done); lint errors stop the save (exit 1). --force overrides both and says so.
    A linkedin note is printed (and kept beside the drafts as a .txt file).

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 draft thank-you ledgerline
      followup --mailbox sample draft linkedin ledgerline --person Aisha
    """
    from assistant.drafts import prepare
    from assistant.errors import Refusal
    from assistant.process import find_process

    found, scan = session.processes()
    p = find_process(found, thread)
    try:
        plan = prepare(p, kind, me=scan.me, today=session.today, settings=session.settings,
                       to=to, person=person, force=force)
    except Refusal as e:
        raise _Refused(f"refused: {e}") from None
    for what in plan.overridden:
        click.echo(f"--force: drafted although {what}", err=True)
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    mailbox = None if print_only else session.mailbox()
    if mailbox is not None and hasattr(mailbox, "path"):
        from assistant.mailbox.drafts_local import drafts_folder

        drafts_folder(drafts_dir, mailbox.path)  # an unusable folder is one line, before any draft
    with session.writing() if mailbox is not None else nullcontext():
        blocked = _save_drafts(session, plan, p, kind, mailbox, drafts_dir, print_only, force)
    if blocked:
        sys.exit(1)


def _save_drafts(session, plan, p, kind, mailbox, drafts_dir, print_only, force) -> int:
    from assistant.mailbox.drafts_local import save_note

    blocked = 0
    for d in plan.drafts:
        who = f"{d.recipient.name} <{d.recipient.email}>" if d.recipient.name else d.recipient.email
        if print_only or kind == "linkedin":
            if d.message is not None:
                click.echo(f"To: {d.message['To']}\nSubject: {d.message['Subject']}\n")
            click.echo(d.text.rstrip("\n"))
            if print_only and len(plan.drafts) > 1:
                click.echo("-" * 40)
        for f in d.report.findings:
            click.echo(f"  {d.kind} to {d.recipient.email}:{f.line}:{f.column}: {f.severity} {f.rule} "
                       f"{f.message} \u2014 {f.suggestion}", err=True)
        if print_only:
            continue
        if d.blocking and not force:
            blocked += 1
            click.echo(f"not saved: {d.kind} to {who} has {len(d.blocking)} lint error(s) "
                       "(fix the template or the debrief, or use --force)", err=True)
            continue
        if d.blocking:
            click.echo(f"--force: saved {d.kind} to {who} despite lint errors", err=True)
        if kind == "linkedin":
            saved = save_note(d.text, d.key, f"linkedin-{p.id}-{d.recipient.email}", drafts_dir,
                              source=getattr(mailbox, "path", None), threads=d.threads)
        else:
            saved = mailbox.save_draft(d.message, d.key, drafts_dir, threads=d.threads)
        click.echo(f"{saved.status}: {saved.where} ({d.kind} to {who})")
        if saved.status.startswith("kept"):
            click.echo("  you edited this draft since the tool wrote it, so it was left as it is; "
                       "the new one was not saved (see it with --print)")
    return blocked


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--timeline", is_flag=True, help="Draw each process as a row across the days or weeks.")
@click.pass_obj
def status(session: Session, as_json: bool, timeline: bool):
    """The whole pipeline: stage, last contact, next date and next action of every process.

    Counts the processes per stage and warns when fewer than min_active_processes (config,
    default 3) are active: don't put all your eggs in one basket. A process with no activity
    for close_after_days (default 45) shows as gone quiet.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 status
      followup --mailbox sample --today 2026-03-12 status --timeline
    """
    from assistant.status import lanes_of, render_timeline, stage_words, summarise

    found, scan = session.processes()
    s = summarise(found, session.today, scan.me, session.settings.min_active_processes,
                  session.settings.close_after_days)
    if as_json:
        click.echo(json.dumps(s.to_json(), indent=2, ensure_ascii=False))
        return
    if timeline:
        click.echo(render_timeline(lanes_of(s), session.today))
    elif not s.entries:
        click.echo("No hiring processes found.")
    else:
        rows = [
            (e.process.company or "?", e.process.role or "-", stage_words(e.stage),
             f"{e.last_contact:%a %d %b}, {'me' if e.process.last_from_me else 'them'}" if e.last_contact else "",
             f"{e.when[0]} {e.when[1]:%a %d %b}" if e.when else "", e.action)
            for e in s.entries
        ]
        _table(("COMPANY", "ROLE", "STAGE", "LAST CONTACT", "NEXT DATE", "NEXT ACTION"), rows)
    from textwrap import fill

    click.echo("")
    click.echo(fill(s.counts_line(), 100))
    if s.warning:
        click.echo(fill(s.warning, 100))


@main.command()
@click.option("--ics", "ics_file", metavar="FILE",
              help="Write the reminders as an iCalendar file to import (- for standard output).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def remind(session: Session, ics_file: str | None, as_json: bool):
    """Upcoming follow-up dates: thank-yous, fair status checks, interviews to prepare.

    With --ics FILE, writes an all-day event for each, with an alarm. Event UIDs stay the
    same from run to run, so importing the file again updates the events, not duplicates them.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 remind
      followup --mailbox sample remind --ics ~/followups.ics
    """
    from assistant.reminders import reminders_of, to_ics
    from assistant.status import summarise

    found, scan = session.processes()
    s = summarise(found, session.today, scan.me, session.settings.min_active_processes,
                  session.settings.close_after_days)
    reminders = reminders_of(s)
    if ics_file is not None and not ics_file.strip():
        raise FollowupError("--ics needs a file name (or - for standard output)")
    if ics_file:
        data = to_ics(reminders, session.today)
        if ics_file == "-":
            click.echo(data, nl=False)
            return
        _write_atomically(Path(ics_file).expanduser(), data)
        click.echo(f"Wrote {len(reminders)} reminder{'' if len(reminders) == 1 else 's'} to {ics_file}.")
        return
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reminders], indent=2, ensure_ascii=False))
        return
    if not reminders:
        click.echo("No follow-up dates ahead.")
        return
    for r in reminders:
        click.echo(f"{r.day:%a %d %b}  {r.summary}")


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a file. A link the
    user made is followed to the file it names (they named it)."""
    from assistant.safefiles import write_atomic

    if path.is_symlink():
        path = Path(os.path.realpath(path))
    write_atomic(path, data, private=False, make_folder=False)


@main.group(cls=_Group)
def auth():
    """Sign in to Gmail, see who is signed in, sign out (docs/gmail.md); store an IMAP password (docs/imap.md)."""


@auth.command()
@click.option("--credentials", "client_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The Desktop OAuth client JSON (default: credentials.json in your config directory).")
@click.option("--no-browser", is_flag=True,
              help="Print the URL instead of opening a browser (for a machine reached over ssh).")
@click.option("--port", type=int, help="Local port for the sign-in redirect (default: any; 8765 with --no-browser).")
@click.option("--account", metavar="ADDRESS", help="The Gmail address you mean to sign in with.")
@click.option("--drafts", is_flag=True, help="Also allow saving drafts (gmail.compose).")
@click.option("--labels", is_flag=True, help="Also allow labelling threads (gmail.modify).")
def login(client_file, no_browser, port, account, drafts, labels):
    """Sign in with Google and keep the token in token.json (mode 0600).

    Reading asks only for gmail.readonly; --drafts and --labels add what those commands
    need, keeping what was granted before. followup never sends mail, whatever the scope.

    \b
    Example:
      followup auth login --credentials ~/Downloads/client_secret.json
      followup auth login --no-browser --drafts
    """
    from assistant import gmail_auth
    from assistant.mailbox.gmail import GmailApi
    from assistant.safefiles import run_lock

    extra = [name for name, on in (("drafts", drafts), ("labels", labels)) if on]
    with run_lock(gmail_lock_name()):
        email, scopes = gmail_auth.login(
            client_file, extra, open_browser=not no_browser, port=port, account=account,
            profile_email=lambda creds: GmailApi(None, creds=creds).profile()["emailAddress"],
        )
    click.echo(f"Signed in to Gmail as {email}; allowed: {_scope_words(scopes)}.")
    click.echo(f"Token saved in {gmail_auth.token_path()}")


@auth.command("status")
def auth_status():
    """Which Gmail account is signed in, and what followup may do with it."""
    from assistant import gmail_auth
    from assistant.mailbox.gmail import GmailApi

    info = gmail_auth.read_token()
    api = GmailApi(None)
    email = api.profile()["emailAddress"]
    api.close()
    scopes = sorted(gmail_auth.granted(info) or ())
    click.echo(f"Signed in to Gmail as {email}")
    click.echo(f"Allowed: {_scope_words(scopes) if scopes else 'unknown (the token does not say)'}")
    click.echo(f"Token: {gmail_auth.token_path()} ("
               + ("refreshed automatically" if info.get("refresh_token")
                  else "no refresh token: it works until it expires") + ")")


@auth.command()
def logout():
    """Revoke followup's access at Google, delete token.json and the Gmail cache."""
    from assistant import gmail_auth
    from assistant.gmail_cache import forget
    from assistant.safefiles import run_lock

    with run_lock(gmail_lock_name()):
        revoked, account = gmail_auth.logout()
        forget(account or "default")
    if revoked:
        click.echo(f"Signed out{' of ' + account if account else ''}: access revoked, token deleted.")
    else:
        click.echo("Token deleted, but Google could not be told; remove access at "
                   "https://myaccount.google.com/permissions")


@auth.command("imap")
@click.argument("spec", required=False, metavar="[imap://USER@HOST[:PORT]]")
@click.pass_obj
def auth_imap(session: Session, spec):
    """Store your IMAP password (usually an app password) in the system keyring.

    Asks once, checks it by logging in, and keeps it: never in config.toml, never in a
    log. Without an argument, the account is --mailbox or the [imap] table of config.toml.
    For scripts, FOLLOWUP_IMAP_PASSWORD works instead (docs/imap.md).

    \b
    Example:
      followup auth imap imap://you@fastmail.com@imap.fastmail.com
    """
    from assistant.mailbox.imap import Connection, account_from, check_keyring, store_password

    chosen = session.mailbox_spec if (session.mailbox_spec or "").startswith("imap") else "imap"
    account = account_from(spec or chosen, session.settings.imap)
    check_keyring()
    secret = click.prompt(f"Password for {account.user} on {account.server}", hide_input=True)
    Connection(account, secret).close()
    where = store_password(account, secret)
    click.echo(f"Password for {account.user} on {account.server} checked and saved in the system keyring ({where}).")


def _scope_words(scopes) -> str:
    from assistant.gmail_auth import SCOPES

    names = {url: f"{what} ({url.rsplit('/', 1)[-1]})" for what, url in SCOPES.items()}
    return ", ".join(names.get(s, s) for s in scopes)


def _label_overdue(session: Session, found) -> None:
    """`due --label`: Gmail or IMAP; says what changed on stderr so --json stays clean."""
    from assistant.process import follow_up_due

    mailbox = session.mailbox()
    if not hasattr(mailbox, "sync_label"):
        raise FollowupError("--label works with --mailbox gmail only (or imap://...): local mailboxes are never modified")
    added, removed = mailbox.sync_label(follow_up_due(found, session.today, session.settings.close_after_days))
    click.echo(f"{getattr(mailbox, 'label_kind', 'Gmail label')} '{mailbox.label}': added to {len(added)} thread(s), "
               f"removed from {len(removed)}.", err=True)


@main.command()
@click.option("--dry-run", is_flag=True, help="Show what would be drafted; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--drafts-dir", type=click.Path(file_okay=False), callback=_drafts_dir,
              help="Where local drafts are saved (default: drafts/ in your data directory).")
@click.pass_context
def sweep(ctx, dry_run: bool, as_json: bool, drafts_dir: Path | None):
    """Draft everything due today, and only that; safe to run every morning or from cron.

    A thank-you to each interviewer while one is owed, one status check where their time
    frame has passed (never a second while the first is unanswered), a reply to a rejection
    of the last 14 days, feedback to an agency recruiter the day of or after an interview
    they arranged. Prints what it drafted, what is waiting and until when, and what it
    refused and why; on Gmail, labels the overdue threads. Running it again the same day
    creates nothing new; a draft you edited is kept. A draft with a lint error is not
    created (exit 1). --dry-run writes no draft and no label. Rules: assistant/sweep.py.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 sweep
      followup --mailbox sample --today 2026-03-12 sweep --dry-run
    """
    from assistant.sweep import NOT_CREATED, apply, plan_sweep

    session: Session = ctx.obj
    found, scan = session.processes()
    # With a real clock an interview later today is not yet thanked for; --today means the whole day.
    now = None if ctx.parent.params.get("today") else session.now()
    plan = plan_sweep(found, scan.me, session.today, session.settings, now=now)
    mailbox = None if dry_run else session.mailbox()
    if mailbox is not None and hasattr(mailbox, "path"):
        from assistant.mailbox.drafts_local import drafts_folder

        drafts_folder(drafts_dir, mailbox.path)  # an unusable folder is one line, before any draft
    with session.writing() if mailbox is not None else nullcontext():
        outcomes = apply(plan, mailbox, me=scan.me, settings=session.settings, drafts_dir=drafts_dir,
                         dry_run=dry_run)
        labels_note = "" if dry_run else _sweep_labels(session, mailbox, found)
    if as_json:
        click.echo(json.dumps(_sweep_json(plan, outcomes, dry_run, labels_note), indent=2, ensure_ascii=False))
    else:
        _sweep_summary(plan, outcomes, dry_run, labels_note)
    if any(o.status == NOT_CREATED for o in outcomes) or " not changed: " in labels_note:
        sys.exit(1)


def _sweep_labels(session: Session, mailbox, found) -> str:
    """On Gmail, label exactly the overdue threads (as `due --label` does); local mail is never
    modified. A failure (no gmail.modify permission, say) is reported, after the drafts."""
    from assistant.process import follow_up_due

    if not hasattr(mailbox, "sync_label"):
        return ""
    try:
        added, removed = mailbox.sync_label(follow_up_due(found, session.today, session.settings.close_after_days))
    except FollowupError as e:
        return f"{getattr(mailbox, 'label_kind', 'Gmail label')}s not changed: {e}"
    return f"{getattr(mailbox, 'label_kind', 'Gmail label')} '{mailbox.label}': added to {len(added)} thread(s), removed from {len(removed)}"


def _sweep_who(o) -> str:
    r = o.recipient
    return o.kind if r is None else f"{o.kind} to {r.name or r.email}"


_SWEEP_GROUPS = (
    ("created", "Drafted"),
    ("would draft", "Would draft (dry run: nothing written)"),
    ("updated", "Redrafted (your copy was untouched, so the new text replaced it)"),
    ("unchanged", "Already drafted (unchanged)"),
    ("kept (edited by you)", "Kept (you edited it; left as it is)"),
    ("left to your draft", "Left to your own unsent draft (--force with `followup draft` for another)"),
    ("not created", "Not created"),
)


def _sweep_summary(plan, outcomes, dry_run: bool, labels_note: str) -> None:
    """Short and grouped, so a morning glance says what to read and send."""
    click.echo(f"Sweep for {plan.today:%a %d %b %Y}" + (" (dry run)" if dry_run else "") + ":")
    if not plan.items:
        click.echo("\nNothing to draft today.")
    for status, title in _SWEEP_GROUPS:
        group = [o for o in outcomes if o.status == status]
        if not group:
            continue
        click.echo(f"\n{title}:")
        for o in group:
            tail = f": {o.where}" if o.where else f" ({o.why})" if o.why else ""
            if o.reason:
                tail = f": {o.reason}"
            click.echo(f"  {o.process.company}: {_sweep_who(o)}{tail}")
            if o.note:
                click.echo(f"    {o.note}")
    if plan.waiting:
        click.echo("\nWaiting:")
        for w in plan.waiting:
            until = f"until {w.until:%a %d %b}" if w.until else "no date"
            click.echo(f"  {w.process.company}: {until} ({w.why})")
    if plan.refused:
        click.echo("\nRefused:")
        for r in plan.refused:
            click.echo(f"  {r.process.company}: {r.kind}: {r.reason}")
    if labels_note:
        click.echo(f"\n{labels_note}")


def _sweep_json(plan, outcomes, dry_run: bool, labels_note: str) -> dict:
    return {
        "today": plan.today.isoformat(),
        "dry_run": dry_run,
        "drafts": [{"kind": o.kind, "thread": o.process.id, "company": o.process.company,
                    "to": o.recipient.email if o.recipient else None, "status": o.status,
                    "where": o.where or None, "reason": o.reason or None, "why": o.why or None,
                    "note": o.note or None}
                   for o in outcomes],
        "waiting": [{"thread": w.process.id, "company": w.process.company,
                     "until": w.until.isoformat() if w.until else None, "why": w.why} for w in plan.waiting],
        "refused": [{"thread": r.process.id, "company": r.process.company, "kind": r.kind,
                     "reason": r.reason} for r in plan.refused],
        "labels": labels_note or None,
    }


if __name__ == "__main__":  # pragma: no cover
    main()
