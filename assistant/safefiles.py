"""Every file the tool writes goes through here: atomically, never through a link, one run at a time.

- `write_atomic` writes a temporary file beside the target, created with
  O_CREAT|O_EXCL|O_NOFOLLOW under a name no other run can pick (pid and random), then
  renames it over the target (`os.replace`): a reader sees the old file or the new one,
  never half of either, and a symlink planted at the target or the temporary name is
  refused, not followed.
- A killed run can leave its temporary file behind; the next write into that folder
  removes leftovers whose run is gone (or that are a day old).
- `run_lock` is one lock file per data directory and account (fcntl on POSIX, msvcrt on
  Windows), held by runs that write drafts, labels, debriefs or the token, from "find my
  draft" to "record it", so two runs started together never make two drafts. A second run
  waits (and says so after a second) or, with `configure(wait=False)`, stops at once.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from assistant.errors import FollowupError

TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}\.tmp$")
_STALE_AFTER = 24 * 3600  # seconds: a temporary file this old is a leftover whoever made it
# The temporary names of earlier versions (no pid in them): cleaned once an hour old.
_LEGACY = re.compile(r"^(\.followup-\w+\.tmp|token\.json\.new|gmail-drafts-.+\.json\.new|tmp\w{8}\.new"
                     r"|\..+\.toml\.\w{8}\.new)$")
_LEGACY_AFTER = 3600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_cleaned: set[str] = set()


class LockError(FollowupError):
    """The run lock could not be had: its file cannot be opened, or another run holds it."""


class LockBusy(LockError):
    """Another run holds the lock and this one was told not to wait (or gave up waiting)."""


def write_atomic(path: Path | str, data: bytes | str, private: bool = True,
                 create_only: bool = False, make_folder: bool = True) -> Path:
    """Write `data` to `path` atomically; a symlink at `path` is refused.

    `private`: mode 0600 (and a new folder 0700), for anything holding mail or a token.
    `create_only`: never replace an existing file (FileExistsError), for new drafts.
    `make_folder`: create missing folders (not for a path the user typed).
    Any failure is one FollowupError line naming the file.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_symlink():
        raise FollowupError(f"{path} is a symbolic link; followup does not write through links "
                            "(remove the link, or point the tool at the real file)")
    folder = path.parent
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
    except OSError as e:
        raise FollowupError(f"cannot write {path}: cannot create folder {folder}: {e.strerror or e}") from None
    clean_leftovers(folder)
    tmp = folder / f".{path.name[:80]}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY,
                     0o600 if private else 0o666)
    except OSError as e:
        raise FollowupError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if create_only:
            _link_new(tmp, path)
        else:
            os.replace(tmp, path)
    except FileExistsError:
        raise
    except OSError as e:
        raise FollowupError(f"cannot write {path}: {e.strerror or e}") from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return path


def _link_new(tmp: Path, path: Path) -> None:
    """Give the written file its name only if the name is free (a hard link cannot overwrite)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network file systems)
        if os.path.lexists(path):
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files a killed run left in `folder` (once per folder per run)."""
    key = str(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        found = _TEMP.match(name)
        if not found and not _LEGACY.match(name):
            continue
        path = folder / name
        try:
            st = path.lstat()
            age = time.time() - st.st_mtime
            if found and _run_alive(int(found.group(1))) and age < _STALE_AFTER:
                continue
            if not found and age < _LEGACY_AFTER:
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _clean_own_folders() -> None:
    """A run that writes first clears what a killed one left in the tool's own folders."""
    from assistant.config import config_dir, data_dir

    for folder in (data_dir(), config_dir()):
        clean_leftovers(folder)


def _run_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no cheap check: rely on the age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


# -- caches that must be pickles: sealed with a key only this user can read -------------

_SEAL = b"followup-sealed-1\n"


def _cache_key() -> bytes:
    """A random key in the config folder (0600; not the cache folder, which a sync tool or
    another program may write), made on first use."""
    from assistant.config import config_dir

    path = config_dir() / "cache.key"
    for _ in range(2):
        try:
            with open(path, "rb") as f:
                key = f.read()
            if len(key) >= 32 and not path.is_symlink():
                return key
        except OSError:
            pass
        try:
            write_atomic(path, secrets.token_bytes(32), create_only=True)
        except FileExistsError:
            continue  # another run made it first: read theirs
    raise FollowupError(f"cannot keep a cache key in {path}")


def seal(data: bytes) -> bytes:
    """`data` with an HMAC-SHA256 in front, so `unseal` only gives back what this user wrote."""
    import hmac

    return _SEAL + hmac.new(_cache_key(), data, "sha256").digest() + data


def unseal(blob: bytes) -> bytes | None:
    """The data `seal` wrapped, or None when the blob was not sealed with this user's key."""
    import hmac

    if not blob.startswith(_SEAL):
        return None
    mac, data = blob[len(_SEAL):len(_SEAL) + 32], blob[len(_SEAL) + 32:]
    try:
        good = hmac.new(_cache_key(), data, "sha256").digest()
    except FollowupError:
        return None
    return data if hmac.compare_digest(mac, good) else None


# -- one run at a time -------------------------------------------------------------------

_policy: dict = {"wait": True, "on_wait": None, "limit": 15 * 60}
_held: dict[str, list] = {}  # path -> [fd, depth]: re-entrant within one process


def configure(wait: bool = True, on_wait: Callable[[str], None] | None = None,
              limit: float = 15 * 60) -> None:
    """How this process meets a held lock: wait (telling `on_wait` after a second) or stop."""
    _policy.update(wait=wait, on_wait=on_wait, limit=limit)


def lock_path(account: str) -> Path:
    from assistant.config import data_dir

    safe = re.sub(r"[^A-Za-z0-9@._-]", "_", account or "default")[:120]
    return data_dir() / "locks" / f"{safe}.lock"


@contextmanager
def run_lock(account: str, path: Path | None = None):
    """Hold the write lock of this data directory and account (or of `path`) inside the block."""
    path = Path(path) if path else lock_path(account)
    key = str(path)
    if key in _held:
        _held[key][1] += 1
        try:
            yield path
        finally:
            _held[key][1] -= 1
        return
    fd = _acquire(path, account)
    _held[key] = [fd, 1]
    _clean_own_folders()
    try:
        yield path
    finally:
        del _held[key]
        _release(fd)


def _acquire(path: Path, what: str) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _BINARY, 0o600)
    except OSError as e:
        raise LockError(f"cannot write the lock file {path}: {e.strerror or e}") from None
    start = time.monotonic()
    told = False
    while not _try_lock(fd):
        holder = _holder(fd)
        if not _policy["wait"]:
            os.close(fd)
            raise LockBusy(f"another followup run{holder} is writing for {what} (lock {path}); "
                           "try again when it has finished")
        waited = time.monotonic() - start
        if waited >= _policy["limit"]:
            os.close(fd)
            raise LockBusy(f"gave up after {waited:.0f} s waiting for another followup run{holder} "
                           f"(lock {path})")
        if waited >= 1.0 and not told:
            told = True
            if _policy["on_wait"]:
                _policy["on_wait"](f"waiting for another followup run{holder} to finish "
                                   f"(lock {path}; --no-wait stops instead)")
        time.sleep(0.05)
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass
    return fd


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _release(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _release(fd: int) -> None:
        os.close(fd)  # closing the descriptor releases the flock
