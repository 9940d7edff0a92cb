"""What was fetched from Gmail, kept between runs: SQLite in the user cache directory.

Each thread is stored as Gmail returned it (compressed JSON) with its `historyId`, so a
thread whose historyId has not moved is never fetched again, and a change in how we read
mail never needs a re-download. The mailbox's sync point (the historyId a full listing
was taken at, and the query it was taken with) is written only after a sync succeeded: an
interrupted run leaves the threads it did fetch (successes only, as Got Your Back's ledger
does) and the next run lists again and fetches the rest. SQLite makes each write atomic; a
lock file stops two runs from syncing the same account at once (lieer).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
import zlib
from pathlib import Path

from assistant.config import cache_dir
from assistant.errors import FollowupError

SCHEMA = 1


def cache_path(account: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9@._-]", "_", account or "default")
    return cache_dir() / f"gmail-{safe}.sqlite"


class GmailCache:
    """Open with `with GmailCache(account) as c:`; holds the lock until closed."""

    def __init__(self, account: str, lock_timeout: float = 10.0):  # lock_timeout: SQLite's busy wait
        self.path = cache_path(account)
        self.lock_timeout = lock_timeout
        self._lock = None
        self.db: sqlite3.Connection | None = None

    def __enter__(self) -> "GmailCache":
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._acquire()
        try:
            self.db = sqlite3.connect(self.path, timeout=self.lock_timeout)
            os.chmod(self.path, 0o600)
            self.db.execute("PRAGMA journal_mode = WAL")  # a commit per thread stays cheap
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._schema()
        except sqlite3.DatabaseError as e:
            self.close()
            raise FollowupError(f"Gmail cache {self.path} is unreadable ({e}): delete it and run again") from None
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def _acquire(self) -> None:
        """One sync of an account at a time (safefiles.run_lock: waits, or --no-wait stops)."""
        from assistant.safefiles import run_lock

        lock = run_lock(f"the Gmail cache {self.path.name}", path=self.path.with_suffix(".lock"))
        lock.__enter__()
        self._lock = lock

    def _schema(self) -> None:
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA):  # a future or past layout: start over, it is a cache
            db.executescript("DROP TABLE IF EXISTS sync; DROP TABLE IF EXISTS threads;")
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS sync (
                k INTEGER PRIMARY KEY CHECK (k = 1),
                history_id TEXT, query TEXT, email TEXT, updated REAL);
            CREATE TABLE IF NOT EXISTS threads (
                id TEXT PRIMARY KEY, history_id TEXT NOT NULL, data BLOB NOT NULL);
            """
        )
        db.execute(f"PRAGMA user_version = {SCHEMA}")
        db.commit()

    # -- the sync point -------------------------------------------------------------------

    def state(self) -> dict:
        row = self.db.execute("SELECT history_id, query, email FROM sync WHERE k = 1").fetchone()
        return {"history_id": row[0], "query": row[1], "email": row[2]} if row else {}

    def set_state(self, history_id: str | None, query: str, email: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO sync (k, history_id, query, email, updated) VALUES (1, ?, ?, ?, ?) "
                "ON CONFLICT(k) DO UPDATE SET history_id = excluded.history_id, "
                "query = excluded.query, email = excluded.email, updated = excluded.updated",
                (history_id, query, email, time.time()),
            )

    # -- threads ---------------------------------------------------------------------------

    def history_ids(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, history_id FROM threads"))

    def put(self, thread: dict) -> None:
        data = zlib.compress(json.dumps(thread, separators=(",", ":")).encode("utf-8"), 6)
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO threads (id, history_id, data) VALUES (?, ?, ?)",
                (thread["id"], str(thread.get("historyId", "")), data),
            )

    def keep_only(self, ids: set[str]) -> None:
        """Forget threads that no longer match the query (deleted, or no longer found)."""
        gone = [i for i in self.history_ids() if i not in ids]
        with self.db:
            self.db.executemany("DELETE FROM threads WHERE id = ?", [(i,) for i in gone])

    def threads(self, ids=None) -> list[dict]:
        rows = self.db.execute("SELECT id, data FROM threads ORDER BY id").fetchall()
        out = []
        for tid, data in rows:
            if ids is not None and tid not in ids:
                continue
            try:
                out.append(json.loads(zlib.decompress(data)))
            except (zlib.error, ValueError):
                with self.db:  # a damaged row: drop it and list again next time, to refetch it
                    self.db.execute("DELETE FROM threads WHERE id = ?", (tid,))
                    self.db.execute("UPDATE sync SET history_id = NULL")
        return out

    def clear(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM threads")
            self.db.execute("DELETE FROM sync")


def forget(account: str) -> bool:
    """Delete an account's cache (on logout): the mail it holds is the user's."""
    path = cache_path(account)
    found = path.exists()
    for p in (path, path.with_suffix(".lock"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    return found
