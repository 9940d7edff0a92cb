"""The `followup` command: parses arguments, calls the core, prints. Nothing else lives here."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

import click

from assistant.errors import FollowupError


class UserError(click.ClickException):
    """Bad input or environment: one line on stderr, exit code 2."""

    exit_code = 2


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FollowupError as e:
            raise UserError(str(e)) from None


class Session:
    """What every command needs: settings, who I am, today, and the mailbox, opened lazily."""

    def __init__(self, mailbox, me, today, config_path, verbose):
        from assistant.config import check_timezone, load_settings

        self.settings = load_settings(config_path)
        self.verbose = verbose
        self.me = frozenset(m.strip().lower() for m in me) | frozenset(self.settings.me)
        self.mailbox_spec = mailbox or os.environ.get("FOLLOWUP_MAILBOX") or self.settings.mailbox
        if today:
            try:
                self.today = date.fromisoformat(today)
            except ValueError:
                raise FollowupError(f"--today must be a date like 2026-03-12, not '{today}'") from None
        elif self.settings.timezone:
            from datetime import datetime

            self.today = datetime.now(check_timezone(self.settings.timezone)).date()
        else:
            self.today = date.today()

    def processes(self):
        """Scan the mailbox and return (processes, scan)."""
        from assistant.mailbox import open_mailbox
        from assistant.process import list_processes

        if not self.mailbox_spec:
            raise FollowupError(
                "no mailbox given: use --mailbox PATH, set FOLLOWUP_MAILBOX, or put "
                "mailbox = \"...\" in config.toml (try the bundled sample: --mailbox sample)"
            )
        scan = open_mailbox(self.mailbox_spec).scan(self.me)
        if self.verbose:
            for line in scan.skipped:
                click.echo(f"skipped: {line}", err=True)
            click.echo(
                f"read {scan.messages_seen} messages; {len(scan.threads)} candidate threads; "
                f"me = {', '.join(sorted(scan.me)) or 'unknown'}",
                err=True,
            )
        found = list_processes(scan.threads, scan.me, self.today, self.settings.default_wait_business_days)
        return found, scan


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--mailbox", metavar="PATH",
              help="An mbox file, a Maildir or a folder of .eml files (or FOLLOWUP_MAILBOX). "
                   "'sample' is the bundled example mailbox.")
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="One of your own addresses (repeatable). Mail labelled Sent counts as yours too.")
@click.option("--today", metavar="YYYY-MM-DD", help="Pretend today is this date.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A config.toml other than the one in your config directory.")
@click.option("--verbose", "-v", is_flag=True, help="Say what was read and what was skipped.")
@click.version_option(package_name="interview-followup")
@click.pass_context
def main(ctx, mailbox, me, today, config_path, verbose):
    """Knows what each recruiter promised, and drafts the follow-ups. Never sends mail.

    \b
    Example:
      followup --mailbox ~/Takeout/All\\ mail.mbox --me me@example.com due
    """
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
    from assistant.process import next_step

    found, _ = session.processes()
    if as_json:
        click.echo(json.dumps([p.to_json() for p in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("No hiring processes found.")
        return
    rows = [
        (p.company or "?", p.role or "-", p.state.replace("_", " "), _when(p), next_step(p))
        for p in found
    ]
    _table(("COMPANY", "ROLE", "STATE", "WHEN", "NEXT STEP"), rows)


def _when(p) -> str:
    """The date that matters, with the word that says why it matters."""
    if p.next_date is None:
        return ""
    if p.state == "overdue":  # the wait ended on wait_until; a check-in is fair the day after
        return f"since {p.next_date + timedelta(days=1):%a %d %b}"
    word = {"scheduled": "on", "thank_you_due": "by", "waiting": "until"}
    return f"{word.get(p.state, '')} {p.next_date:%a %d %b}".strip()


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def due(session: Session, as_json: bool):
    """What needs doing today (thank-you notes owed, promises broken), most urgent first.

    \b
    Example:
      followup --mailbox sample --today 2026-03-12 due
    """
    from assistant.process import needs_action, next_step

    found, _ = session.processes()
    todo = [p for p in found if needs_action(p)]
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
        click.echo(f"    {next_step(p).split(': ', 1)[-1]}")


def _due_line(p, today: date) -> str:
    who = f"{p.company}" + (f", {p.role}" if p.role else "")
    if p.state == "thank_you_due":
        people = [c.name for c in p.contacts if c.role == "interviewer"]
        to = f" ({', '.join(people)})" if people else ""
        when = p.interviews[-1].start.date()
        return f"{who}: thank-you owed for the interview on {when:%a %d %b}{to}, by {p.next_date:%a %d %b}"
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
                                           "keep-in-touch", "linkedin"]), default="auto",
              show_default=True, help="What the draft is; auto guesses from the text.")
@click.option("--thread", metavar="THREAD",
              help="Check timing and names against this thread (id, prefix or company).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def lint(session: Session, file: str, kind: str, thread: str | None, as_json: bool):
    """Check a draft for length, tone, structure, timing and leftover placeholders.

    Reads FILE, or standard input when FILE is - or absent. Prints one line per finding,
    FILE:LINE:COL: severity rule.id message, then the metrics. Exit 1 when there is an
    error, 0 otherwise, 2 when the draft cannot be read. A draft line
    <!-- followup: disable RULE[, RULE] --> switches rules off for that draft; rules and
    sources: docs/lint-rules.md.

    \b
    Example:
      followup lint draft.txt --kind status-check
      followup --mailbox sample lint draft.txt --thread acme --json
    """
    from assistant.lint import LintConfig, LintContext
    from assistant.lint import lint as run_lint

    name = "<stdin>" if file == "-" else file
    text = _read_draft(file)
    context = None
    if thread:
        from assistant.process import find_process

        found, _ = session.processes()
        p = find_process(found, thread)
        context = LintContext(
            today=session.today, wait_until=p.wait_until, followups_since_reply=p.followups_since_reply,
            interview_day=p.interviews[-1].start.date() if p.interviews else None,
            people=tuple(c.name for c in p.contacts if c.name),
        )
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
    if report.has_errors:
        sys.exit(1)


def _read_draft(file: str) -> str:
    """The draft's text; a missing, unreadable or non-UTF-8 file is a one-line error."""
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as e:
        raise FollowupError(f"cannot read draft {file}: {e.strerror or e}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FollowupError(f"draft {file} is not UTF-8 text") from None

if __name__ == "__main__":  # pragma: no cover
    main()
