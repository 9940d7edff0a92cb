"""Local mail: an mbox file (Google Takeout included), a Maildir, or a folder of .eml files.

The source is only ever opened for reading. An mbox is read in fixed-size chunks, so memory
stays flat however large the export is; only the header block of each message is looked at
until the candidate threads are known, and then only their messages are read again and parsed.
"""

from __future__ import annotations

import dataclasses
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
    def __init__(self, spec: str, max_message_mb: float = 25):
        self.max_bytes = int(max_message_mb * (1 << 20))  # over this, headers only (issue 9)
        self.reading = (self.max_bytes,)  # settings a cached scan depends on
        path = Path(os.path.expanduser(spec))
        if not path.exists():
            raise FollowupError(f"mailbox not found: {path}")
        if not os.access(path, os.R_OK):
            raise FollowupError(f"mailbox is not readable: {path}")
        if not path.is_dir() and not path.is_file():  # a FIFO or a device would hang or never end
            raise FollowupError(f"mailbox {path} is not a file or a folder")
        self.path = path
        if path.is_dir():
            self.kind = "maildir" if (path / "cur").is_dir() or (path / "new").is_dir() else "eml"
        else:
            self.kind = "eml" if path.suffix.lower() == ".eml" else "mbox"

    def __repr__(self) -> str:
        return f"LocalMailbox({self.kind}: {self.path})"

    def scan(self, me: frozenset[str]) -> Scan:
        cacheable = self.kind == "mbox"
        found = scancache.load(self.path, self.reading) if cacheable else None
        if found is None:
            try:
                stamp = scancache.fingerprint(self.path, self.reading) if cacheable else ()
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
        if self.kind == "mbox":
            seen = _triage_mbox(self.path)
        else:
            seen = _Triage()
            for ref, block in self._headers():
                if block is None:
                    seen.unreadable.append(f"{self._where(ref)}: cannot read")
                else:
                    seen.add(ref, block, is_draft_file(ref, self.path))
        refs, gm_ids, candidate, others = seen.refs, seen.gm_ids, seen.candidate, seen.others
        unreadable = seen.unreadable

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

        wanted_refs = [r for group in members.values() for r in group]
        messages: dict = {}
        skipped: list[str] = unreadable
        for ref, msg, problem in self._parse(wanted_refs):
            if msg is not None:
                messages[ref] = msg
            if problem:  # unreadable, or read for its headers only
                skipped.append(f"{self._where(ref)}: {problem}")
        return scancache.CachedScan(stamp, members, messages, skipped, len(candidate))

    def _parse(self, refs: list) -> list[tuple]:
        """(ref, Message or None, problem) for each ref; shared among processes when many."""
        workers = min(_cores(), 4)
        if self.kind != "mbox" or workers < 2 or len(refs) < PARALLEL_PARSE_FROM:
            return _parse_refs((self.path, self.kind, refs, self.max_bytes))
        share = -(-len(refs) // workers)
        jobs = [(self.path, self.kind, refs[i : i + share], self.max_bytes) for i in range(0, len(refs), share)]
        with _pool(len(jobs)) as pool:
            return [found for part in pool.map(_parse_refs, jobs) for found in part]

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

    def save_draft(self, message, key: str, drafts_dir: Path | None = None, threads=()):
        """Drafts go to a folder of .eml files, never into the source (drafts_local.py)."""
        from assistant.mailbox.drafts_local import save_eml

        return save_eml(message, key, drafts_dir, source=self.path, threads=threads)


class _Triage:
    """The header pass's result: for every message where it is, its Gmail thread id (or
    -1), whether it is a candidate, and the threading headers of mail without that id."""

    def __init__(self):
        self.refs = _Refs()
        self.gm_ids = array("q")
        self.candidate = bytearray()
        self.others: list[tuple[int, HeaderSummary]] = []
        self.unreadable: list[str] = []

    def add(self, ref, block: bytes, draft: bool = False) -> None:
        s = summarize_headers(block)
        self.refs.append(ref)
        self.candidate.append(s.candidate and not draft)  # a draft alone makes no process
        if s.gm_thread_id:
            self.gm_ids.append(int(s.gm_thread_id, 16))
        else:
            self.gm_ids.append(-1)
            self.others.append((len(self.gm_ids) - 1, s))

    def extend(self, more: "_Triage") -> None:
        shift = len(self.gm_ids)
        self.refs.offsets.extend(more.refs.offsets)
        self.refs.lengths.extend(more.refs.lengths)
        self.gm_ids.extend(more.gm_ids)
        self.candidate.extend(more.candidate)
        self.others.extend((i + shift, s) for i, s in more.others)
        self.unreadable.extend(more.unreadable)


PARALLEL_FROM = 64 << 20  # an mbox at least this big is triaged by several processes
PARALLEL_PARSE_FROM = 400  # and this many candidate messages are parsed by several


def _cores() -> int:
    """The cores this process may run on (affinity and containers included), not the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _pool(workers: int):
    """Worker processes: forked where the platform can (cheap, nothing to re-import)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _parse_refs(job: tuple) -> list[tuple]:
    """Read and parse some messages; a broken one is a problem to report, not a crash.

    A message over the size limit is read for its headers only (its thread, sender and
    date still count; its body is not read), with a note that says so.
    """
    path, kind, refs, max_bytes = job
    out = []
    reader = _MboxReader(path) if kind == "mbox" else _FileReader()
    with reader as read:
        for ref in refs:
            try:
                size = reader.size(ref)
                if size > max_bytes:
                    note = (f"{size / (1 << 20):.0f} MB, over max_message_mb "
                            f"({max_bytes / (1 << 20):g}): read its headers only")
                    msg = parse_message(reader.head(ref))
                else:
                    note, msg = "", parse_message(read(ref))
                if kind != "mbox" and not msg.draft and is_draft_file(ref, path):
                    msg = dataclasses.replace(msg, draft=True)
                out.append((ref, msg, note))
            except MalformedMessage as e:
                out.append((ref, None, str(e)))
            except OSError as e:
                out.append((ref, None, f"cannot read ({e.strerror or e})"))
            except Exception as e:  # a reader bug on one message must not lose the others
                out.append((ref, None, f"could not be read ({type(e).__name__})"))
    return out


def _triage_range(args: tuple) -> _Triage:
    """One process's share of the header pass: the messages between two boundaries."""
    path, start, end = args
    seen = _Triage()
    for ref, block in _mbox_headers(path, start, end):
        seen.add(ref, block)
    return seen


def _triage_mbox(path: Path) -> _Triage:
    """The header pass over an mbox, split across the machine's cores when it is big.

    Each process reads its own byte range, cut at "From " boundaries, so the result is the
    one a single pass would give; only the time changes.
    """
    workers = min(_cores(), 4)
    if workers < 2 or path.stat().st_size < PARALLEL_FROM:
        return _triage_range((path, 0, None))
    cuts = _boundaries(path, workers)
    ranges = [(path, a, b) for a, b in zip(cuts, cuts[1:] + [None])]
    with _pool(len(ranges)) as pool:
        parts = list(pool.map(_triage_range, ranges))
    seen = parts[0]
    for more in parts[1:]:
        seen.extend(more)
    return seen


def _boundaries(path: Path, parts: int) -> list[int]:
    """Offsets that split the file into about `parts` ranges, each starting a message."""
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, parts):
            offset = max(size * k // parts, cuts[-1] + 1)
            f.seek(offset)
            tail = b""
            while True:
                data = f.read(1 << 20)
                if not data:
                    return cuts
                found = (tail + data).find(b"\nFrom ")
                if found >= 0:
                    cuts.append(offset - len(tail) + found + 1)
                    break
                offset += len(data)
                tail = data[-5:]
    return cuts


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
        separator = self.f.readline(length)  # the "From " line; read past, not copied off
        raw = self.f.read(length - len(separator))
        if raw.startswith(b">") or b"\n>" in raw:  # else no copy: memory stays near the size
            raw = _MBOXRD.sub(rb"\1", raw)
        return raw

    @staticmethod
    def size(ref: tuple[int, int]) -> int:
        return ref[1]

    def head(self, ref: tuple[int, int]) -> bytes:
        """The header block alone, read without reading the body."""
        offset, length = ref
        self.f.seek(offset)
        raw = self.f.read(min(length, HEADER_CAP))
        raw = raw[raw.find(b"\n") + 1 :]
        return _header_only(raw)


class _FileReader:
    def __enter__(self):
        return lambda path: Path(path).read_bytes()

    def __exit__(self, *exc):
        pass

    @staticmethod
    def size(path) -> int:
        return os.stat(path).st_size

    @staticmethod
    def head(path) -> bytes:
        with open(path, "rb") as f:
            return _header_only(f.read(HEADER_CAP))


def _header_only(raw: bytes) -> bytes:
    end = _header_end(raw, 0)
    return raw if end < 0 else raw[: end + 1]


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


def _mbox_headers(path: Path, start: int = 0, end: int | None = None) -> Iterator[tuple[tuple[int, int], bytes]]:
    """Yield ((offset, length), header block) for each message, reading in chunks.

    Message boundaries are lines starting with "From ", as the standard library's mailbox
    module reads them. A body is never held in memory beyond the chunk it sits in. With
    start and end (both message boundaries), only the messages between them are read.
    """
    with open(path, "rb") as f:
        f.seek(start)
        left = [end - start if end is not None else -1]  # bytes this range may still read

        def read() -> bytes:
            want = CHUNK if left[0] < 0 else min(CHUNK, left[0])
            data = f.read(want) if want else b""
            if left[0] >= 0:
                left[0] -= len(data)
            return data

        buf = read()
        if not buf:
            return
        if not buf.startswith(b"From "):
            raise FollowupError(f"{path} is not an mbox file (it does not start with 'From ')")
        base = start  # file offset of buf[0]
        pos = 0  # start of the current message in buf
        eof = len(buf) < CHUNK or left[0] == 0
        while True:
            line_end = buf.find(b"\n", pos)
            hdr_end = _header_end(buf, line_end) if line_end >= 0 else -1
            while hdr_end < 0 and not eof and len(buf) - pos < HEADER_CAP:
                more = read()
                eof = len(more) < CHUNK or left[0] == 0
                buf = buf[pos:] + more
                base += pos
                pos = 0
                line_end = buf.find(b"\n")
                hdr_end = _header_end(buf, line_end) if line_end >= 0 else -1
            start = base + pos
            if line_end < 0:
                yield (start, len(buf) - pos), b""
                return
            # Every "From " line starts a message, even one inside a broken header block, as
            # the standard library reads an mbox (and as the split among processes cuts it).
            nxt = buf.find(b"\nFrom ", line_end)
            if hdr_end < 0 or 0 <= nxt < hdr_end:  # no blank line before the next message
                hdr_end = nxt if nxt >= 0 else len(buf)
                hdr_end = min(hdr_end, line_end + 1 + HEADER_CAP)
            header = buf[line_end + 1 : hdr_end]
            while nxt < 0 and not eof:
                keep = buf[-5:]  # a separator may straddle the chunk edge
                base += len(buf) - len(keep)
                more = read()
                eof = len(more) < CHUNK or left[0] == 0
                buf = keep + more
                nxt = buf.find(b"\nFrom ")
            if nxt < 0:
                yield (start, base + len(buf) - start), header
                return
            yield (start, base + nxt + 1 - start), header
            pos = nxt + 1


_DRAFT_FOLDERS = frozenset({"drafts", "draft", ".drafts", "inbox.drafts", ".inbox.drafts"})


def is_draft_file(path, root: Path) -> bool:
    """A message file that was never sent: Maildir's D flag ("...:2,DS"), or a file in a
    Drafts folder under the mailbox (Maildir++ ".Drafts", a "Drafts" folder of .eml files)."""
    path = Path(path)
    _, _, info = path.name.partition(":2,")
    if "D" in info and path.parent.name in ("cur", "new"):
        return True
    try:
        inside = path.relative_to(root).parent.parts
    except ValueError:
        return False
    return any(part.lower() in _DRAFT_FOLDERS for part in inside)


def who_am_i(given: frozenset[str], threads) -> frozenset[str]:
    """My addresses: those given, plus the senders of mail labelled Sent (Takeout).

    With neither, the address that most of the (non-bulk) mail is sent to is the best guess.
    """
    mine = set(given)
    recipients: Counter[str] = Counter()
    for messages in threads:
        for m in messages:
            if m.draft:
                continue  # never sent: neither whose it is nor who it was for says who I am
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
