"""Remember the scan of an mbox file that has not changed since the last run.

A Takeout export is read once and then consulted every morning. When the file's size,
modification time, inode and the bytes at its two ends are what they were (and so is the
code that read it), the candidate
threads and their parsed messages are taken from the cache instead of reading the whole
file again. Anything else (a different file, a newer version of this tool, an unreadable
or foreign cache file) means a full scan; the cache is only ever a shortcut.

The cache is a pickle in the user's cache directory: it holds the user's own mail, it is
written with mode 0600, and it is never trusted across versions of the tool.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assistant import __version__
from assistant.config import cache_dir

FORMAT = 1
_EDGE = 65536  # bytes hashed at each end of the file


@dataclass
class CachedScan:
    fingerprint: tuple
    members: dict  # thread id -> [(offset, length), ...] of the candidate threads
    messages: dict  # (offset, length) -> parsed Message
    skipped: list[str]
    messages_seen: int


def fingerprint(path: Path) -> tuple:
    st = path.stat()
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read(_EDGE))
        if st.st_size > _EDGE:
            f.seek(max(_EDGE, st.st_size - _EDGE))
            digest.update(f.read(_EDGE))
    return (FORMAT, __version__, _code_stamp(), st.st_size, st.st_mtime_ns, st.st_ino, digest.hexdigest())


def _code_stamp() -> tuple:
    """The modules whose output the cache holds: a changed reader is never fed an old scan."""
    here = Path(__file__).resolve().parent.parent
    stamp = []
    for name in ("mail.py", "quoting.py", "senders.py", "mailbox/scan.py", "mailbox/local.py"):
        try:
            st = (here / name).stat()
            stamp.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((name, None, None))
    return tuple(stamp)


def _cache_file(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return cache_dir() / "scans" / f"{key}.pickle"


def load(path: Path) -> CachedScan | None:
    """The remembered scan of this very file, or None."""
    try:
        with open(_cache_file(path), "rb") as f:
            cached = pickle.load(f)
        if isinstance(cached, CachedScan) and cached.fingerprint == fingerprint(path):
            return cached
    except Exception:  # a missing, stale or foreign cache is simply not used
        return None
    return None


def store(path: Path, scan: CachedScan) -> None:
    """Write the cache atomically; failing to cache never fails the command."""
    target = _cache_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".new")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(scan, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        return
