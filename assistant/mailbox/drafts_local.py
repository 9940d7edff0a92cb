"""Drafts for local mailboxes: `.eml` files in a drafts folder, written so that nothing is lost.

Where: `--drafts-dir`, by default `config.data_dir() / "drafts"`. Never inside the source
mailbox, and never into a Maildir's Drafts folder: the tool promises not to modify the
mail it reads, Maildir messages are immutable by convention (a syncer such as mbsync or
offlineimap would upload, rename or duplicate a draft that is rewritten in place), and an
`.eml` file opens as an editable draft in Thunderbird, Apple Mail and Outlook (`X-Unsent: 1`).

Idempotency, so that running a command twice never makes two drafts and never loses the
user's words:

- Each draft carries two headers the tool controls: `X-Followup-Draft: <key>`, where the
  key is `<kind>; thread=<thread id>; to=<address>`, and `X-Followup-Digest: <sha256>` of
  the whole draft as the user can change it (every header but transport ones such as
  Date and Message-ID, every MIME part; line endings and trailing blanks normalised) as
  the tool wrote it.
- On a re-run the folder's `.eml` files are searched for the key (by header, so a renamed
  file is still found). If a match's current content still has the recorded digest, the
  user has not touched it: it is replaced atomically (temp file, `os.replace`), or left as
  it is when the new draft has the same content ("unchanged"). If the user edited it, it
  is left alone ("kept (edited by you)") and the new draft is not written.
- Nothing is ever deleted; a new draft never takes the name of an existing file.

LinkedIn notes are plain `.txt` files beside the drafts (the text is pasted into LinkedIn);
their key and digest live in a hidden sidecar `.<name>.followup.json`. A note whose text no
longer matches its sidecar, or that has none, is the user's and is kept.

There is no code path here, or anywhere in the tool, that sends mail: a draft is a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from assistant.errors import FollowupError
from assistant.safefiles import run_lock, write_atomic

MARKER = "X-Followup-Draft"
DIGEST = "X-Followup-Digest"
CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept (edited by you)"
LOCK = "local"  # the run lock (safefiles.run_lock) of local drafts, in the data directory
# CRLF line ends, RFC 2047 for non-ASCII header text, lines folded at RFC 5322's 998 bytes
# (at 78, a long Message-ID in References would be mangled into encoded words).
_WRITE_POLICY = policy.SMTP.clone(max_line_length=998)


@dataclass(frozen=True)
class SavedDraft:
    """What saving did: one of CREATED, UPDATED, UNCHANGED, KEPT, and where the draft is."""

    status: str
    where: str


def default_drafts_dir() -> Path:
    from assistant.config import data_dir

    return data_dir() / "drafts"


# Headers a mail client or Gmail rewrites on its own when it stores a draft (and the
# tool's own bookkeeping): a change in these is not the user's edit. Every other header
# (Bcc, From, Reply-To, In-Reply-To...) and every MIME part counts.
TRANSPORT_HEADERS = frozenset({
    MARKER.lower(), DIGEST.lower(), "x-followup-gmail-message", "date", "message-id",
    "mime-version", "content-transfer-encoding", "user-agent", "x-mailer", "received",
    "return-path", "delivered-to", "x-gm-thrid", "x-gmail-labels", "x-gmail-received",
    "x-google-smtp-source", "x-received", "dkim-signature", "x-google-dkim-signature",
    "x-gm-message-state", "x-unsent",
})


def content_digest(message: EmailMessage) -> str:
    """sha256 of the whole message as the user can change it: every header but the
    transport ones and the tool's marker, and every part (text normalised for line ends and
    trailing blanks, anything else byte for byte), so adding a Bcc, changing From,
    attaching a file or editing the HTML part all count as an edit."""
    digest = hashlib.sha256()
    for part in message.walk():
        heads = []
        for name, value in part.items():
            low = name.lower()
            if low in TRANSPORT_HEADERS:
                continue
            if low == "content-type":  # the boundary is the writer's choice, not the user's
                params = [(k.lower(), str(v)) for k, v in (part.get_params() or [])[1:]
                          if k.lower() != "boundary"]
                value = part.get_content_type() + "".join(f"; {k}={v}" for k, v in sorted(params))
            heads.append(f"{low}: {' '.join(str(value).split())}")
        digest.update("\n".join(sorted(heads)).encode("utf-8", "surrogateescape") + b"\n\n")
        if part.is_multipart():
            continue
        digest.update(_part_digest(part).encode() + b"\n")
    return digest.hexdigest()


def _part_digest(part) -> str:
    if part.get_content_maintype() == "text":
        try:
            text = part.get_content()
        except (LookupError, ValueError, AssertionError):
            text = None
        if isinstance(text, str):
            return "text:" + _text_digest(text)
    data = part.get_payload(decode=True) or b""
    return "data:" + hashlib.sha256(data).hexdigest()


def same_draft(marker: str | None, key: str, threads=None) -> bool:
    """A stored draft whose marker is `marker` is the tool's draft for `key`: the same key, or
    the same kind to the same person under another id of the same process. A process's id
    changes when a thread that was a process alone joins its application's other threads
    (process.join); its drafts must not be made twice for that. `threads`: the process's
    thread ids; None where the search is already bounded to one conversation (a Gmail thread)."""
    if not marker or "; thread=" not in marker:
        return False
    if marker == key:
        return True
    def parts(k: str) -> tuple[str, str, str]:
        kind, _, rest = k.partition("; thread=")
        thread, _, to = rest.partition("; to=")
        return kind, thread.strip().lower(), to
    kind, thread, to = parts(marker)
    return (kind, to) == parts(key)[::2] and (threads is None or thread in {t.lower() for t in threads})


def save_eml(message: EmailMessage, key: str, drafts_dir: Path | None = None,
             source: Path | None = None, threads=()) -> SavedDraft:
    """Save the tool's draft with this key: create it, replace the tool's own unedited
    copy, or keep the user's edited one. `source` is the mailbox read, never written;
    `threads` the process's thread ids (same_draft). Holds the write lock from "find my
    draft" to "write it": two runs make one draft."""
    with run_lock(LOCK):
        return _save_eml(message, key, drafts_folder(drafts_dir, source), threads)


def _save_eml(message: EmailMessage, key: str, folder: Path, threads=()) -> SavedDraft:
    for header in (MARKER, DIGEST):
        del message[header]
    digest = content_digest(_reparse(message))
    message[MARKER] = key
    message[DIGEST] = digest
    data = message.as_bytes(policy=_WRITE_POLICY)

    marked = [(p, _marker(p)) for p in sorted(folder.glob("*.eml"))]
    matches = ([p for p, m in marked if m == key]  # the exact key first, else under an older id
               or [p for p, m in marked if same_draft(m, key, threads)])
    for path in matches:
        old = _read(path)
        if old is None:
            continue
        recorded = str(old.get(DIGEST, "")).strip()
        if recorded and content_digest(old) == recorded:  # untouched since the tool wrote it
            if recorded == digest:
                return SavedDraft(UNCHANGED, str(path))
            write_atomic(path, data)
            return SavedDraft(UPDATED, str(path))
    if matches:
        return SavedDraft(KEPT, str(matches[0]))
    path = _new_path(folder, _slug(key), ".eml")
    _create(path, data)
    return SavedDraft(CREATED, str(path))


def save_note(text: str, key: str, name: str, drafts_dir: Path | None = None,
              source: Path | None = None, threads=()) -> SavedDraft:
    """A LinkedIn note as `<name>.txt`, with the same rules as `save_eml`."""
    with run_lock(LOCK):
        return _save_note(text, key, name, drafts_folder(drafts_dir, source), threads)


def _save_note(text: str, key: str, name: str, folder: Path, threads=()) -> SavedDraft:
    path = folder / f"{_slug(name)}.txt"
    if not os.path.lexists(path):  # named after the process id: saved under an older one?
        path = _note_under_older_id(folder, key, threads) or path
    sidecar = folder / f".{path.name}.followup.json"
    data = text.rstrip("\n") + "\n"
    digest = _text_digest(data)
    if os.path.lexists(path):
        _regular_or_refuse(path)
        try:
            recorded = json.loads(sidecar.read_text(encoding="utf-8")) if _is_regular(sidecar) else {}
            current = _text_digest(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            recorded, current = {}, None
        if (not isinstance(recorded, dict) or not same_draft(str(recorded.get("key", "")), key, threads)
                or recorded.get("digest") != current):
            return SavedDraft(KEPT, str(path))
        if current == digest:
            return SavedDraft(UNCHANGED, str(path))
        write_atomic(path, data)
        write_atomic(sidecar, json.dumps({"key": key, "digest": digest}))
        return SavedDraft(UPDATED, str(path))
    write_atomic(sidecar, json.dumps({"key": key, "digest": digest}))
    _create(path, data.encode("utf-8"))
    return SavedDraft(CREATED, str(path))


# -- helpers ------------------------------------------------------------------------------

def _note_under_older_id(folder: Path, key: str, threads) -> Path | None:
    """The tool's note for `key` saved while the process had another id (same_draft)."""
    for sidecar in sorted(folder.glob(".*.txt.followup.json")):
        try:
            recorded = json.loads(sidecar.read_text(encoding="utf-8")) if _is_regular(sidecar) else {}
        except (OSError, ValueError):
            continue
        note = folder / sidecar.name[1:-len(".followup.json")]
        if (isinstance(recorded, dict) and same_draft(str(recorded.get("key", "")), key, threads)
                and os.path.lexists(note)):
            return note
    return None


def drafts_folder(drafts_dir: Path | None, source: Path | None = None) -> Path:
    """The drafts folder, created if need be and checked writable: a problem is one line."""
    if drafts_dir is not None and not str(drafts_dir).strip():
        raise FollowupError("--drafts-dir is empty: name a folder, or leave the option out")
    folder = Path(os.path.expanduser(str(drafts_dir))) if drafts_dir else default_drafts_dir()
    if source is not None:
        src, dst = Path(source).resolve(), folder.resolve()
        if dst == src or src in dst.parents:
            raise FollowupError(f"--drafts-dir {folder} is inside the mailbox {source}; "
                                "drafts never go into the mail the tool reads")
    if folder.is_symlink() and not folder.exists():
        raise FollowupError(f"drafts folder {folder} is a link to nothing: remove it or use --drafts-dir")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise FollowupError(f"cannot create drafts folder {folder}: {e.strerror or e}") from None
    if not folder.is_dir():
        raise FollowupError(f"drafts folder {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FollowupError(f"cannot write in the drafts folder {folder}: permission denied")
    return folder


_folder = drafts_folder  # the older name


def _reparse(message: EmailMessage) -> EmailMessage:
    """The message as it will read back from disk, so both digests see the same text."""
    return message_from_bytes(message.as_bytes(policy=_WRITE_POLICY), policy=policy.default)


def _is_regular(path: Path) -> bool:
    """A file that can be read without blocking (a FIFO named *.eml would hang a read)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _regular_or_refuse(path: Path) -> None:
    if path.is_symlink() or not _is_regular(path):
        what = "a link" if path.is_symlink() else "not a regular file"
        raise FollowupError(f"{path} is {what}; the draft that belongs there was not written "
                            "(move it away and run again)")


def _read(path: Path) -> EmailMessage | None:
    if not _is_regular(path):
        return None
    try:
        return message_from_bytes(path.read_bytes(), policy=policy.default)
    except (OSError, ValueError, LookupError):
        return None


def _marker(path: Path) -> str | None:
    if not _is_regular(path):
        return None
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return None
    value = BytesHeaderParser(policy=policy.compat32).parsebytes(head).get(MARKER)
    return " ".join(str(value).split()) if value else None


def _text_digest(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return hashlib.sha256("\n".join(line.rstrip() for line in lines).strip("\n").encode()).hexdigest()


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9@.]+", "-", text).strip("-.").lower()
    return slug[:120] or "draft"


def _new_path(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while os.path.lexists(path):
        if not _is_regular(path):  # a FIFO, a device, a link (to nothing): say so, do not skip past it
            _regular_or_refuse(path)
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def _create(path: Path, data: bytes) -> None:
    """Write a new draft, never over an existing file."""
    try:
        write_atomic(path, data, create_only=True)
    except FileExistsError:
        raise FollowupError(f"{path} appeared while the draft was being written; run again") from None
