"""Local mail: an mbox file (Google Takeout included), a Maildir, or a folder of .eml files.

The source is only ever opened for reading. An mbox is read in fixed-size chunks, so memory
stays flat however large the export is; only the header block of each message is looked at
until the candidate threads are known, and then only their messages are read again and parsed.
"""

from __future__ import annotations

import os
import re
from array import array
from collections import Counter
from pathlib import Path
from typing import Iterator

from assistant.errors import FollowupError
from assistant.mail import MalformedMessage, Message, parse_message
from assistant.mailbox import Scan, Thread, scancache
from assistant.mailbox.scan import HeaderSummary, group_threads, summarize_headers

CHUNK = 8 << 20
HEADER_CAP = 1 << 20  # a header block larger than this is malformed; stop looking
_MBOXRD = re.compile(rb"^>(>*From )", re.MULTILINE)


class LocalMailbox:
    def __init__(self, spec: str):
        path = Path(os.path.expanduser(spec))
        if not path.exists():
            raise FollowupError(f"mailbox not found: {path}")
        if not os.access(path, os.R_OK):
            raise FollowupError(f"mailbox is not readable: {path}")
        self.path = path
        if path.is_dir():
            self.kind = "maildir" if (path / "cur").is_dir() or (path / "new").is_dir() else "eml"
        else:
            self.kind = "eml" if path.suffix.lower() == ".eml" else "mbox"

    def __repr__(self) -> str:
        return f"LocalMailbox({self.kind}: {self.path})"

    def scan(self, me: frozenset[str]) -> Scan:
        cacheable = self.kind == "mbox"
        found = scancache.load(self.path) if cacheable else None
        if found is None:
            try:
                stamp = scancache.fingerprint(self.path) if cacheable else ()
                found = self._read(stamp)
            except OSError as e:
                raise FollowupError(f"cannot read mailbox {self.path}: {e.strerror or e}") from None
            if cacheable:
                scancache.store(self.path, found)
        threads = {
            tid: [found.messages[ref] for ref in refs if ref in found.messages]
            for tid, refs in found.members.items()
        }
        threads = {tid: msgs for tid, msgs in threads.items() if msgs}
        return Scan(
            threads=[Thread(tid, _oldest_first(msgs)) for tid, msgs in threads.items()],
            me=who_am_i(me, threads.values()),
            skipped=list(found.skipped),
            messages_seen=found.messages_seen,
        )

    def _read(self, stamp: tuple) -> scancache.CachedScan:
        """Headers of every message, then a full parse of the candidate threads only.

        What is kept of every message is small and flat (a Gmail thread id in an array, a
        flag in a bytearray, where it is), so memory stays low for a many-GB export; only
        mail without Gmail's thread id keeps its threading headers until threads are known.
        """
        refs = _Refs()
        gm_ids = array("q")  # Gmail's thread id as a number, or -1
        candidate = bytearray()
        others: list[tuple[int, HeaderSummary]] = []  # mail threaded by its headers
        unreadable: list[str] = []
        for ref, block in self._headers():
            if block is None:
                unreadable.append(f"{self._where(ref)}: cannot read")
                continue
            s = summarize_headers(block)
            refs.append(ref)
            candidate.append(s.candidate)
            if s.gm_thread_id:
                gm_ids.append(int(s.gm_thread_id, 16))
            else:
                gm_ids.append(-1)
                others.append((len(gm_ids) - 1, s))

        by_headers = dict(zip((i for i, _ in others), group_threads([s for _, s in others])))
        del others

        picked = [i for i, flag in enumerate(candidate) if flag]
        wanted_gm = {gm_ids[i] for i in picked if gm_ids[i] >= 0}
        wanted = {by_headers[i] for i in picked if gm_ids[i] < 0}
        members: dict[str, list] = {}
        for i, gm in enumerate(gm_ids):
            if gm >= 0:
                if gm in wanted_gm:
                    members.setdefault(format(gm, "x"), []).append(refs[i])
            elif by_headers[i] in wanted:
                members.setdefault(by_headers[i], []).append(refs[i])

        messages: dict = {}
        skipped: list[str] = unreadable
        with self._reader() as read:
            for ref in (r for group in members.values() for r in group):
                try:
                    messages[ref] = parse_message(read(ref))
                except MalformedMessage as e:
                    skipped.append(f"{self._where(ref)}: {e}")
                except OSError as e:
                    skipped.append(f"{self._where(ref)}: cannot read ({e.strerror or e})")
        return scancache.CachedScan(stamp, members, messages, skipped, len(candidate))

    # -- where the bytes come from -------------------------------------------------------

    def _headers(self) -> Iterator[tuple[object, bytes]]:
        if self.kind == "mbox":
            return _mbox_headers(self.path)
        return ((p, _file_header(p)) for p in self._files())  # None: unreadable, skipped

    def _files(self) -> list[Path]:
        if self.kind == "eml" and self.path.is_file():
            return [self.path]
        if self.kind == "maildir":
            return sorted(
                p for sub in ("cur", "new") if (self.path / sub).is_dir()
                for p in (self.path / sub).iterdir() if p.is_file() and not p.name.startswith(".")
            )
        return sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix.lower() == ".eml")

    def _where(self, ref) -> str:
        if isinstance(ref, tuple):
            return f"{self.path} (message at byte {ref[0]})"
        return str(ref)

    def _reader(self):
        return _MboxReader(self.path) if self.kind == "mbox" else _FileReader()

    def save_draft(self, message, key: str, drafts_dir: Path | None = None):
        """Drafts go to a folder of .eml files, never into the source (drafts_local.py)."""
        from assistant.mailbox.drafts_local import save_eml

        return save_eml(message, key, drafts_dir, source=self.path)


class _Refs:
    """Where each message is: (offset, length) pairs packed in two arrays for an mbox,
    paths for files."""

    def __init__(self):
        self.offsets, self.lengths, self.paths = array("q"), array("q"), []

    def append(self, ref) -> None:
        if isinstance(ref, tuple):
            self.offsets.append(ref[0])
            self.lengths.append(ref[1])
        else:
            self.paths.append(ref)

    def __getitem__(self, i: int):
        return self.paths[i] if self.paths else (self.offsets[i], self.lengths[i])


class _MboxReader:
    """Reads one message back from an mbox by its (offset, length)."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.f = open(self.path, "rb")
        return self.read

    def __exit__(self, *exc):
        self.f.close()

    def read(self, ref: tuple[int, int]) -> bytes:
        offset, length = ref
        self.f.seek(offset)
        raw = self.f.read(length)
        raw = raw[raw.find(b"\n") + 1 :]  # drop the "From " separator line
        return _MBOXRD.sub(rb"\1", raw)


class _FileReader:
    def __enter__(self):
        return lambda path: Path(path).read_bytes()

    def __exit__(self, *exc):
        pass


def _file_header(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return None
    end = _header_end(head, 0)
    return head if end < 0 else head[:end]


def _header_end(buf: bytes, start: int) -> int:
    """Offset of the blank line that ends a header block, or -1.

    CRLF blank lines are looked for only when the header has a CR at all: a one-byte search
    is a memchr, many times faster than a second multi-byte search on every message.
    """
    a = buf.find(b"\n\n", start)
    stop = a if a >= 0 else len(buf)
    if buf.find(b"\r", start, stop) < 0:
        return a
    b = buf.find(b"\n\r\n", start, stop)
    return a if b < 0 else b


def _mbox_headers(path: Path) -> Iterator[tuple[tuple[int, int], bytes]]:
    """Yield ((offset, length), header block) for each message, reading in chunks.

    Message boundaries are lines starting with "From ", as the standard library's mailbox
    module reads them. A body is never held in memory beyond the chunk it sits in.
    """
    with open(path, "rb") as f:
        buf = f.read(CHUNK)
        if not buf:
            return
        if not buf.startswith(b"From "):
            raise FollowupError(f"{path} is not an mbox file (it does not start with 'From ')")
        base = 0  # file offset of buf[0]
        pos = 0  # start of the current message in buf
        eof = len(buf) < CHUNK
        while True:
            line_end = buf.find(b"\n", pos)
            hdr_end = _header_end(buf, line_end) if line_end >= 0 else -1
            while hdr_end < 0 and not eof and len(buf) - pos < HEADER_CAP:
                more = f.read(CHUNK)
                eof = len(more) < CHUNK
                buf = buf[pos:] + more
                base += pos
                pos = 0
                line_end = buf.find(b"\n")
                hdr_end = _header_end(buf, line_end) if line_end >= 0 else -1
            start = base + pos
            if line_end < 0:
                yield (start, len(buf) - pos), b""
                return
            nxt = buf.find(b"\nFrom ", hdr_end if hdr_end >= 0 else line_end)
            if hdr_end < 0:  # no blank line: the header runs to the next message, at most
                hdr_end = nxt if nxt >= 0 else len(buf)
                hdr_end = min(hdr_end, line_end + 1 + HEADER_CAP)
            header = buf[line_end + 1 : hdr_end]
            while nxt < 0 and not eof:
                keep = buf[-5:]  # a separator may straddle the chunk edge
                base += len(buf) - len(keep)
                more = f.read(CHUNK)
                eof = len(more) < CHUNK
                buf = keep + more
                nxt = buf.find(b"\nFrom ")
            if nxt < 0:
                yield (start, base + len(buf) - start), header
                return
            yield (start, base + nxt + 1 - start), header
            pos = nxt + 1


def who_am_i(given: frozenset[str], threads) -> frozenset[str]:
    """My addresses: those given, plus the senders of mail labelled Sent (Takeout).

    With neither, the address that most of the (non-bulk) mail is sent to is the best guess.
    """
    mine = set(given)
    recipients: Counter[str] = Counter()
    for messages in threads:
        for m in messages:
            if "Sent" in m.labels and m.sender and m.sender.email:
                mine.add(m.sender.email)
            elif not m.bulk:
                recipients.update(a.email for a in m.to if a.email)
    if not mine and recipients:
        mine.add(recipients.most_common(1)[0][0])
    return frozenset(mine)


def _oldest_first(messages: list[Message]) -> list[Message]:
    """Sort by sent time; a message with no usable Date keeps its place after its predecessor."""
    keyed = []
    last = float("-inf")
    for i, m in enumerate(messages):
        if m.date is not None:
            last = m.date.timestamp()
        keyed.append((last, i, m))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [m for _, _, m in keyed]
