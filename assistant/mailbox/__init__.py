"""One small interface to wherever the mail lives.

`open_mailbox` returns an object with `scan(me)`; the rest of the code never knows whether
the mail came from an mbox, a Maildir, a folder of .eml files or Gmail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.mail import Message


@dataclass
class Thread:
    """A conversation: its id (Gmail's where known) and its messages, oldest first."""

    id: str
    messages: list[Message]


@dataclass
class Scan:
    """What one read of a mailbox found: candidate threads, and what it had to skip."""

    threads: list[Thread]
    me: frozenset[str]  # my addresses: given, plus those seen on mail labelled Sent
    skipped: list[str] = field(default_factory=list)  # one line per unreadable message
    messages_seen: int = 0


class Mailbox(Protocol):
    def scan(self, me: frozenset[str]) -> Scan:
        """Read the mailbox; return the threads that may be hiring processes. A message that
        was never sent is left out or carries `draft=True` (a flag, a Drafts folder): the
        process logic ignores it for every purpose."""

    def save_draft(self, message, key: str, drafts_dir: Path | None = None, threads=()):
        """Save or replace the tool's own draft identified by `key` ("<kind>; thread=<id>;
        to=<address>"); never send. `threads`: the process's thread ids, so a draft saved
        while the process had another id (before its threads joined) is this one, not a
        second (drafts_local.same_draft). Returns a SavedDraft (assistant.mailbox.drafts_local):
        status "created", "updated", "unchanged" or "kept (edited by you)", and where."""


def open_mailbox(spec: str, settings=None) -> Mailbox:
    """A mailbox from what the user typed: a path to an mbox, a Maildir or a folder of .eml,
    or "gmail" for the Gmail API (assistant/mailbox/gmail.py), or imap://user@host[:port]
    ("imap" alone: the [imap] table of config.toml) for any IMAP server (mailbox/imap.py).

    "sample" (when no such file exists here) is the example mailbox shipped with the tool.
    """
    if spec == "gmail" and not Path(spec).exists():
        return _gmail(settings)
    if spec.startswith("imap://") or (spec == "imap" and not Path(spec).exists()):
        return _imap(spec, settings)
    from assistant.mailbox.local import LocalMailbox

    if spec == "sample" and not Path(spec).exists():
        spec = str(sample_mailbox())
    return LocalMailbox(spec, max_message_mb=getattr(settings, "max_message_mb", 25))


def _gmail(settings=None) -> Mailbox:
    """Imported only when asked for, so local users never load the Google client."""
    from assistant.config import load_settings
    from assistant.mailbox.gmail import GmailMailbox

    settings = settings or load_settings()
    return GmailMailbox(query=settings.gmail_query, label=settings.gmail_label,
                        max_message_mb=settings.max_message_mb)


def _imap(spec: str, settings=None) -> Mailbox:
    from assistant.config import load_settings
    from assistant.mailbox.imap import ImapMailbox, account_from

    settings = settings or load_settings()
    return ImapMailbox(account_from(spec, settings.imap), max_message_mb=settings.max_message_mb)


def sample_mailbox() -> Path:
    """The bundled sample: inside the installed package, or examples/ in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "sample.mbox", here.parent / "examples" / "sample.mbox"):
        if candidate.exists():
            return candidate
    return here / "sample.mbox"  # missing: LocalMailbox says so in one line
