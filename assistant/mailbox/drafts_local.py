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
  the draft's content (To, Cc, Subject and the text body, line endings and trailing blanks
  normalised) as the tool wrote it.
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
import tempfile
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from assistant.errors import FollowupError

MARKER = "X-Followup-Draft"
DIGEST = "X-Followup-Digest"
CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept (edited by you)"
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


def content_digest(message: EmailMessage) -> str:
    """sha256 of what the user might edit: To, Cc, Subject and the text body."""
    body = message.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip("\n")
    head = "\n".join(" ".join(str(message.get(h, "")).split()) for h in ("To", "Cc", "Subject"))
    return hashlib.sha256(f"{head}\n\n{normal}".encode("utf-8")).hexdigest()


def save_eml(message: EmailMessage, key: str, drafts_dir: Path | None = None,
             source: Path | None = None) -> SavedDraft:
    """Save the tool's draft with this key: create it, replace the tool's own unedited
    copy, or keep the user's edited one. `source` is the mailbox read, never written."""
    folder = _folder(drafts_dir, source)
    for header in (MARKER, DIGEST):
        del message[header]
    digest = content_digest(_reparse(message))
    message[MARKER] = key
    message[DIGEST] = digest
    data = message.as_bytes(policy=_WRITE_POLICY)

    matches = [p for p in sorted(folder.glob("*.eml")) if _marker(p) == key]
    for path in matches:
        old = _read(path)
        if old is None:
            continue
        recorded = str(old.get(DIGEST, "")).strip()
        if recorded and content_digest(old) == recorded:  # untouched since the tool wrote it
            if recorded == digest:
                return SavedDraft(UNCHANGED, str(path))
            _replace(path, data)
            return SavedDraft(UPDATED, str(path))
    if matches:
        return SavedDraft(KEPT, str(matches[0]))
    path = _new_path(folder, _slug(key), ".eml")
    _create(path, data)
    return SavedDraft(CREATED, str(path))


def save_note(text: str, key: str, name: str, drafts_dir: Path | None = None,
              source: Path | None = None) -> SavedDraft:
    """A LinkedIn note as `<name>.txt`, with the same rules as `save_eml`."""
    folder = _folder(drafts_dir, source)
    path = folder / f"{_slug(name)}.txt"
    sidecar = folder / f".{path.name}.followup.json"
    data = text.rstrip("\n") + "\n"
    digest = _text_digest(data)
    if path.exists():
        try:
            recorded = json.loads(sidecar.read_text(encoding="utf-8"))
            current = _text_digest(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            recorded, current = {}, None
        if recorded.get("key") != key or recorded.get("digest") != current:
            return SavedDraft(KEPT, str(path))
        if current == digest:
            return SavedDraft(UNCHANGED, str(path))
        _replace(path, data.encode("utf-8"))
        _replace(sidecar, json.dumps({"key": key, "digest": digest}).encode("utf-8"))
        return SavedDraft(UPDATED, str(path))
    _replace(sidecar, json.dumps({"key": key, "digest": digest}).encode("utf-8"))
    _create(path, data.encode("utf-8"))
    return SavedDraft(CREATED, str(path))


# -- helpers ------------------------------------------------------------------------------

def _folder(drafts_dir: Path | None, source: Path | None) -> Path:
    folder = Path(os.path.expanduser(str(drafts_dir))) if drafts_dir else default_drafts_dir()
    if source is not None:
        src, dst = Path(source).resolve(), folder.resolve()
        if dst == src or src in dst.parents:
            raise FollowupError(f"--drafts-dir {folder} is inside the mailbox {source}; "
                                "drafts never go into the mail the tool reads")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise FollowupError(f"cannot create drafts folder {folder}: {e.strerror or e}") from None
    return folder


def _reparse(message: EmailMessage) -> EmailMessage:
    """The message as it will read back from disk, so both digests see the same text."""
    return message_from_bytes(message.as_bytes(policy=_WRITE_POLICY), policy=policy.default)


def _read(path: Path) -> EmailMessage | None:
    try:
        return message_from_bytes(path.read_bytes(), policy=policy.default)
    except (OSError, ValueError, LookupError):
        return None


def _marker(path: Path) -> str | None:
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
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def _temp(folder: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".followup-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        os.unlink(tmp)
        raise FollowupError(f"cannot write a draft in {folder}: {e.strerror or e}") from None
    return tmp


def _replace(path: Path, data: bytes) -> None:
    """Write beside the file, then rename over it: a crash leaves the old file or the new."""
    tmp = _temp(path.parent, data)
    os.replace(tmp, path)


def _create(path: Path, data: bytes) -> None:
    """Like _replace, but never over an existing file (a hard link fails if the name is taken)."""
    tmp = _temp(path.parent, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        os.unlink(tmp)
        raise FollowupError(f"{path} appeared while the draft was being written; run again") from None
    except OSError:  # no hard links here (some network or FAT file systems)
        if path.exists():
            os.unlink(tmp)
            raise FollowupError(f"{path} appeared while the draft was being written; run again") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)
