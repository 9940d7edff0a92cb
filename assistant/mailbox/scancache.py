"""Remember the scan of an mbox file that has not changed since the last run.

A Takeout export is read once and then consulted every morning. When the file's size,
modification time, inode and the bytes at its two ends are what they were (and so is the
code that read it), the candidate
threads and their parsed messages are taken from the cache instead of reading the whole
file again. Anything else (a different file, a newer version of this tool, an unreadable
or foreign cache file) means a full scan; the cache is only ever a shortcut.

The cache is compressed JSON in the user's cache directory (never a pickle: a file that
can run code when loaded has no place in a cache folder), in a 0700 folder, mode 0600,
written atomically at the end of a successful scan (so never half-written), and never
trusted across versions of the tool. Only the tool's own Message types are rebuilt from it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from assistant import __version__
from assistant.config import cache_dir

FORMAT = 2  # 1 was a pickle
_EDGE = 65536  # bytes hashed at each end of the file


@dataclass
class CachedScan:
    fingerprint: tuple
    members: dict  # thread id -> [(offset, length), ...] of the candidate threads
    messages: dict  # (offset, length) -> parsed Message
    skipped: list[str]
    messages_seen: int


def fingerprint(path: Path, reading: tuple = ()) -> tuple:
    """What the cached scan depends on: the file, the code that read it, and the settings it
    was read with (`reading`, e.g. max_message_mb), so a changed limit reads the file again."""
    st = path.stat()
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read(_EDGE))
        if st.st_size > _EDGE:
            f.seek(max(_EDGE, st.st_size - _EDGE))
            digest.update(f.read(_EDGE))
    return (FORMAT, __version__, _code_stamp(), st.st_size, st.st_mtime_ns, st.st_ino, digest.hexdigest(),
            tuple(reading))


def _code_stamp() -> tuple:
    """The modules whose output the cache holds: a changed reader is never fed an old scan."""
    here = Path(__file__).resolve().parent.parent
    stamp = []
    for name in ("mail.py", "bigmail.py", "quoting.py", "senders.py", "mailbox/scan.py", "mailbox/local.py",
                 "mailbox/scancache.py"):
        try:
            st = (here / name).stat()
            stamp.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((name, None, None))
    return tuple(stamp)


def cache_folder() -> Path:
    return cache_dir() / "scans"


def _cache_file(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return cache_folder() / f"{key}.json.z"


def load(path: Path, reading: tuple = ()) -> CachedScan | None:
    """The remembered scan of this very file, or None."""
    try:
        with open(_cache_file(path), "rb") as f:
            raw = json.loads(zlib.decompress(f.read()))
        stamp = fingerprint(path, reading)
        if raw.get("fingerprint") != _plain(stamp):
            return None
        return CachedScan(
            fingerprint=stamp,
            members={tid: [tuple(r) for r in refs] for tid, refs in raw["members"].items()},
            messages={tuple(ref): _decode(m) for ref, m in raw["messages"]},
            skipped=list(raw["skipped"]),
            messages_seen=int(raw["messages_seen"]),
        )
    except Exception:  # a missing, stale, damaged or foreign cache is simply not used
        return None


def store(path: Path, scan: CachedScan) -> None:
    """Write the cache atomically in a private folder; failing to cache never fails the command."""
    from assistant.errors import FollowupError
    from assistant.safefiles import write_atomic

    target = _cache_file(path)
    try:
        data = json.dumps({
            "fingerprint": _plain(scan.fingerprint),
            "members": {tid: [list(r) for r in refs] for tid, refs in scan.members.items()},
            "messages": [[list(ref), _encode(m)] for ref, m in scan.messages.items()],
            "skipped": list(scan.skipped),
            "messages_seen": scan.messages_seen,
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        write_atomic(target, zlib.compress(data, 6))
        os.chmod(target.parent, 0o700)
        target.with_name(target.name.replace(".json.z", ".pickle")).unlink(missing_ok=True)  # format 1
    except (OSError, FollowupError, TypeError, ValueError):
        return


def _plain(value):
    return json.loads(json.dumps(value))


# -- the tool's Message types <-> JSON ---------------------------------------------------

def _types() -> dict:
    from assistant import mail

    return {name: getattr(mail, name) for name in dir(mail)
            if dataclasses.is_dataclass(getattr(mail, name)) and isinstance(getattr(mail, name), type)}


def _encode(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        out["$"] = type(value).__name__
        return out
    if isinstance(value, datetime):
        zone = getattr(value.tzinfo, "key", None)
        offset = value.utcoffset()
        return {"$": "datetime", "at": value.replace(tzinfo=None).isoformat(), "zone": zone,
                "offset": None if offset is None else offset.total_seconds()}
    if isinstance(value, date):
        return {"$": "date", "at": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(value, types: dict | None = None):
    types = types if types is not None else _types()
    if isinstance(value, list):
        return tuple(_decode(v, types) for v in value)
    if not isinstance(value, dict):
        return value
    kind = value.get("$")
    if kind == "datetime":
        at = datetime.fromisoformat(value["at"])
        if value.get("zone"):
            from zoneinfo import ZoneInfo

            return at.replace(tzinfo=ZoneInfo(value["zone"]))
        if value.get("offset") is not None:
            return at.replace(tzinfo=timezone(timedelta(seconds=value["offset"])))
        return at
    if kind == "date":
        return date.fromisoformat(value["at"])
    cls = types[kind]  # only the tool's own dataclasses; anything else is a foreign cache
    return cls(**{k: _decode(v, types) for k, v in value.items() if k != "$"})
