"""What an IMAP account looked like at the last run, so a re-run fetches only what is new.

Per folder: its UIDVALIDITY (when it changes, every UID in the folder means something else,
so the folder is forgotten and read again), UIDNEXT and the message count (when both are as
they were, no message came or went: the folder is not even selected), HIGHESTMODSEQ where the
server has CONDSTORE, and for each UID its flags and the few header fields the triage reads.
Full messages are kept only for candidate threads, by (folder, UIDVALIDITY, UID): a message
under a UID never changes (RFC 3501), so it is never fetched twice.

One pickle per account in the cache directory, mode 0600 in a 0700 folder (it holds the
user's mail), written atomically, and sealed with an HMAC whose key lives in the config
folder (safefiles.seal): a pickle that was not written by this user's runs is never loaded.
An unreadable, foreign, unsealed or older-format file is simply a cold start.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field

from assistant.config import cache_dir
from assistant.errors import FollowupError
from assistant.safefiles import seal, unseal, write_atomic

FORMAT = 2  # 2: message sizes (RFC822.SIZE) kept with the headers


@dataclass
class FolderState:
    uidvalidity: int
    uidnext: int = 0  # 0: not completely read yet
    messages: int = -1
    modseq: int = 0
    headers: dict = field(default_factory=dict)  # uid -> (flags frozenset[str], header bytes)
    sizes: dict = field(default_factory=dict)  # uid -> RFC822.SIZE: over max_message_mb, headers only


@dataclass
class _Stored:
    format: int
    folders: dict  # name -> FolderState
    bodies: dict  # (folder, uidvalidity, uid[, "head"]) -> raw message bytes (or its header only)
    derived: dict = field(default_factory=dict)  # what the code made of them (see `derived`)


class ImapCache:
    def __init__(self, account_key: str):
        digest = hashlib.sha256(account_key.encode("utf-8")).hexdigest()[:32]
        self.path = cache_dir() / "imap" / f"{digest}.pickle"
        self.folders: dict[str, FolderState] = {}
        self.bodies: dict[tuple[str, int, int], bytes] = {}
        self._derived: dict = {}
        self.dirty = False  # anything new to write back
        try:
            with open(self.path, "rb") as f:
                data = unseal(f.read())
            stored = pickle.loads(data) if data is not None else None
            if isinstance(stored, _Stored) and stored.format == FORMAT:
                self.folders, self.bodies, self._derived = stored.folders, stored.bodies, stored.derived
        except Exception:  # missing, broken or foreign: a cold start
            pass

    def derived(self, stamp) -> dict:
        """Header summaries and parsed messages by (folder, uidvalidity, uid), made by the code
        whose stamp is given; another version of the code starts from nothing."""
        if self._derived.get("stamp") != stamp:
            self._derived = {"stamp": stamp, "summaries": {}, "parsed": {}}
            self.dirty = True
        return self._derived

    def folder(self, name: str, uidvalidity: int) -> FolderState:
        """The folder's state; a new, empty one when its UIDVALIDITY is not the one remembered."""
        state = self.folders.get(name)
        if state is None or state.uidvalidity != uidvalidity:
            self.dirty = True
            state = self.folders[name] = FolderState(uidvalidity)
            self.bodies = {k: v for k, v in self.bodies.items() if k[0] != name}
        return state

    def keep_only(self, names: set[str]) -> None:
        """Forget folders no longer read, and bodies whose message is gone."""
        if set(self.folders) - names:
            self.dirty = True
        self.folders = {n: s for n, s in self.folders.items() if n in names}
        def alive(k) -> bool:
            return k[0] in self.folders and self.folders[k[0]].uidvalidity == k[1] and k[2] in self.folders[k[0]].headers

        self.bodies = {k: v for k, v in self.bodies.items() if alive(k)}
        for name in ("summaries", "parsed"):
            if name in self._derived:
                self._derived[name] = {k: v for k, v in self._derived[name].items() if alive(k)}

    def save(self) -> None:
        """Write atomically; failing to cache never fails the command."""
        try:
            data = pickle.dumps(_Stored(FORMAT, self.folders, self.bodies, self._derived),
                                protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.path, seal(data))
            os.chmod(self.path.parent, 0o700)
        except (OSError, FollowupError):
            return

