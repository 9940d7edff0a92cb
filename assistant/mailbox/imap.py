"""Any mailbox over IMAP (Fastmail, iCloud, Yahoo, Outlook, a university, Dovecot), behind the
same `scan(me) -> Scan` and `save_draft` as local files and Gmail. Standard library imaplib.

How a scan reads (docs/imap.md says it for users):
- Folders: INBOX, the SPECIAL-USE (RFC 6154) \\Sent, \\All and \\Archive folders, and the
  `folders` of config.toml. Never \\Drafts, \\Junk or \\Trash: a draft is not sent mail, and
  spam is not a conversation. Messages flagged \\Draft or \\Deleted are left out too.
- Header first: one STATUS per folder says whether anything came or went since the last run
  (UIDVALIDITY, UIDNEXT, MESSAGES, and HIGHESTMODSEQ with CONDSTORE). Only a changed folder
  is opened (EXAMINE, read-only) and searched; only new UIDs have their triage header fields
  fetched, in batches, with each message's RFC822.SIZE. Full messages (BODY.PEEK[], so
  nothing is marked read) are fetched only for the candidate threads, once each; one over
  `max_message_mb` has only its header fetched (BODY.PEEK[HEADER]), as local mail reads it.
  Bodies come in FETCHes of at most BODY_BATCH_BYTES and are cached without attachment
  bodies (bigmail.prune), so memory follows the limit, not the mailbox.
  A warm run with no new mail sends no FETCH.
- Threads come from Message-ID/In-Reply-To/References across folders (a reply in Sent joins
  the inbox message it answers), with the same triage as local mail (scan.py); a message
  stored in two folders (Gmail's All Mail) counts once.
- A dropped connection is reopened and the scan goes on from the last UID done (at most
  MAX_RECONNECTS times); what was fetched before the drop is kept.

The tool never changes, moves or deletes the user's mail. The only writes: APPEND of its own
draft to \\Drafts, expunging exactly the UID of its own unedited older draft (UIDPLUS only),
and the $FollowupDue keyword for `due --label`. `_ALLOWED` refuses every other command before
it reaches the wire. There is no SMTP here or anywhere: IMAP cannot send mail.
"""

from __future__ import annotations

import dataclasses
import imaplib
import ipaddress
import os
import re
import socket
import ssl
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from assistant.bigmail import PRUNE_FROM, headers_only_note, prune
from assistant.errors import FollowupError
from assistant.mail import MalformedMessage, parse_message
from assistant.mailbox import Scan, Thread
from assistant.mailbox.imap_cache import ImapCache
from assistant.mailbox.scan import HeaderSummary, group_threads, summarize_headers

DEFAULT_PORT, STARTTLS_PORT = 993, 143
KEYRING_SERVICE = "interview-followup imap"
PASSWORD_ENV = "FOLLOWUP_IMAP_PASSWORD"
KEYWORD = "$FollowupDue"
# What scan.summarize_headers reads, and nothing else (a header block is ~10x smaller).
HEADER_FIELDS = ("From To Cc Subject Date Message-ID In-Reply-To References List-Id "
                 "List-Unsubscribe Precedence Auto-Submitted X-GM-THRID X-Gmail-Labels")
HEADER_BATCH = 500  # UIDs per header FETCH: big enough for few round trips, small enough to retry
BODY_BATCH = 100  # full messages per FETCH (an attachment can make one large)
BODY_BATCH_BYTES = 16 << 20  # and at most this much mail per FETCH (imaplib holds the whole answer)
MAX_RECONNECTS = 3
TIMEOUT = 30.0
READ_ROLES = ("\\Sent", "\\All", "\\Archive")
NEVER_READ = ("\\Drafts", "\\Junk", "\\Trash")
ROLE_LABEL = {"INBOX": "Inbox", "\\Sent": "Sent", "\\All": "All", "\\Archive": "Archive"}
# Every command the tool may send. No COPY, MOVE, DELETE, RENAME, plain EXPUNGE or CLOSE
# (which expunges): nothing that could lose the user's mail.
_ALLOWED = frozenset({
    "CAPABILITY", "STARTTLS", "LOGIN", "LOGOUT", "NOOP", "LIST", "STATUS", "EXAMINE", "SELECT",
    "UID SEARCH", "UID FETCH", "APPEND", "UID STORE", "UID EXPUNGE",
})


# -- the account -------------------------------------------------------------------------

@dataclass(frozen=True)
class Account:
    host: str
    user: str
    port: int = DEFAULT_PORT
    folders: tuple[str, ...] = ()
    tls_ca_file: str | None = None
    starttls: bool | None = None  # None: STARTTLS on port 143, implicit TLS elsewhere

    @property
    def implicit_tls(self) -> bool:
        return not (self.starttls if self.starttls is not None else self.port == STARTTLS_PORT)

    @property
    def key(self) -> str:
        """Names the account in the keyring and the cache."""
        return f"{self.user}@{self.host}:{self.port}"

    @property
    def server(self) -> str:
        return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"


def account_from(spec: str, table: dict | None = None) -> Account:
    """`imap://user@host[:port]` (the user may be an address: imap://me@example.com@host),
    completed by the [imap] table of config.toml; "imap" alone is the table."""
    table = dict(table or {})
    if spec not in ("imap", "imap:"):
        try:
            url = urlsplit(spec)
            port = url.port
        except ValueError as e:
            raise FollowupError(f"--mailbox {spec}: {e} (write imap://user@host or imap://user@host:993)") from None
        if url.scheme != "imap" or not url.hostname or url.path not in ("", "/"):
            raise FollowupError(f"--mailbox {spec}: write imap://user@host or imap://user@host:993")
        if url.password is not None:
            raise FollowupError("do not put the password in --mailbox: run `followup auth imap` "
                                f"or set {PASSWORD_ENV}")
        table["host"] = url.hostname
        if url.username:
            table["user"] = unquote(url.username)
        if port:
            table["port"] = port
    if not table.get("host") or not table.get("user"):
        raise FollowupError("IMAP needs a host and a user: --mailbox imap://user@host, or host and "
                            "user in the [imap] table of config.toml (docs/imap.md)")
    return Account(host=table["host"], user=table["user"], port=int(table.get("port") or DEFAULT_PORT),
                   folders=tuple(table.get("folders") or ()), tls_ca_file=table.get("tls_ca_file"),
                   starttls=table.get("starttls"))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- the password --------------------------------------------------------------------------

def password(account: Account) -> str:
    """FOLLOWUP_IMAP_PASSWORD, else the system keyring; never config.toml, never a log."""
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, account.key)
    except Exception as e:  # no keyring backend on this machine (a headless server)
        raise FollowupError(f"cannot read the system keyring ({type(e).__name__}): set {PASSWORD_ENV} "
                            "for scripts, or see docs/imap.md") from None
    if not stored:
        raise FollowupError(f"no password stored for {account.user} on {account.server}: "
                            "run `followup auth imap` (or set FOLLOWUP_IMAP_PASSWORD)")
    return stored


def check_keyring() -> None:
    """Before asking for a password: is there a keyring to keep it in? (A headless server
    often has none.)"""
    try:
        import keyring
        from keyring.backends import fail

        usable = not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        usable = False
    if not usable:
        raise FollowupError(f"this machine has no system keyring to keep the password in: set {PASSWORD_ENV} "
                            "instead (docs/imap.md)")


def store_password(account: Account, secret: str) -> str:
    """Keep the password in the system keyring; returns the keyring's name."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, account.key, secret)
        return type(keyring.get_keyring()).__name__
    except Exception as e:
        raise FollowupError(f"cannot store the password in the system keyring ({type(e).__name__}): "
                            f"set {PASSWORD_ENV} instead (docs/imap.md)") from None


# -- one connection -----------------------------------------------------------------------

class Dropped(Exception):
    """The connection broke (EOF, reset, timeout): worth reopening it."""


def _guarded(base):
    class Guarded(base):
        """imaplib that logs every command and refuses any the tool has no business sending."""

        log: list | None = None

        def _command(self, name, *args):
            what = f"UID {args[0].upper()}" if name == "UID" and args else name
            if what not in _ALLOWED:
                raise FollowupError(f"refused to send IMAP {what}: followup never changes your mail")
            if self.log is not None:
                self.log.append(what)
            return super()._command(name, *args)

    return Guarded


_IMAP, _IMAP_SSL = _guarded(imaplib.IMAP4), _guarded(imaplib.IMAP4_SSL)


class Connection:
    """A logged-in IMAP session; every answer other than OK is one FollowupError line."""

    def __init__(self, account: Account, secret: str, log: list | None = None, timeout: float = TIMEOUT):
        self.account = account
        self.selected: tuple[str, bool] | None = None
        self.select_info: dict = {}
        context = ssl.create_default_context(cafile=account.tls_ca_file)
        where = account.server
        try:
            if account.implicit_tls:
                imap = _IMAP_SSL(account.host, account.port, ssl_context=context, timeout=timeout)
            else:
                imap = _IMAP(account.host, account.port, timeout=timeout)
            imap.log = log
            if not account.implicit_tls:
                if "STARTTLS" in imap.capabilities:
                    imap.starttls(context)
                elif not is_loopback(account.host):
                    imap.shutdown()
                    raise FollowupError(f"{where} offers no STARTTLS, and followup never sends your password "
                                        f"unencrypted: use port {DEFAULT_PORT} (implicit TLS)")
        except ssl.SSLCertVerificationError as e:
            raise FollowupError(f"cannot verify the certificate of {where} ({e.verify_message}); for a "
                                "private CA set tls_ca_file in [imap] (docs/imap.md)") from None
        except (ssl.SSLError, OSError, imaplib.IMAP4.error) as e:
            raise FollowupError(f"cannot reach the IMAP server {where}: {_why(e)}") from None
        self.imap = imap
        try:
            imap.login(account.user, secret)
        except imaplib.IMAP4.abort as e:
            raise FollowupError(f"the IMAP server {where} closed the connection at login: {_why(e)}") from None
        except (imaplib.IMAP4.error, OSError) as e:
            raise FollowupError(
                f"the IMAP server {where} refused the password for {account.user} ({_why(e)}): run "
                "`followup auth imap` to store the right one (many providers want an app password: docs/imap.md)"
            ) from None
        caps = self.call("CAPABILITY", imap.capability)
        self.capabilities = frozenset((b" ".join(caps).decode("ascii", "replace")).upper().split())

    def call(self, what: str, fn, *args):
        """Run one command: data on OK; Dropped when the connection broke; else one line."""
        try:
            typ, data = fn(*args)
        except imaplib.IMAP4.abort as e:
            raise Dropped(_why(e)) from None
        except imaplib.IMAP4.error as e:
            raise FollowupError(f"the IMAP server {self.account.server} refused {what}: {_why(e)}") from None
        except (OSError, EOFError) as e:
            raise Dropped(_why(e)) from None
        if typ != "OK":
            raise FollowupError(f"the IMAP server {self.account.server} refused {what}: {_why(data)}")
        return data

    def folders(self) -> list[tuple[str, frozenset[str]]]:
        """(name, flags) of every folder; flags spelled as RFC 6154 does (\\Sent, \\Drafts)."""
        out = []
        for line in self.call("LIST", self.imap.list, '""', "*"):
            literal = None
            if isinstance(line, tuple):  # a name sent as a literal: (b'(...) "/" {12}', b'name')
                line, literal = line
            found = _LIST.match(line or b"")
            if found:
                words = found.group(1).decode("ascii", "replace").split()
                flags = frozenset(_CANON.get(f.lower(), f) for f in words)
                name = _decode_utf7(literal.decode("utf-8", "replace")) if literal is not None \
                    else _unquote(found.group(2))
                out.append((name, flags))
        return out

    def status(self, folder: str) -> dict[str, int]:
        items = "UIDVALIDITY UIDNEXT MESSAGES" + (" HIGHESTMODSEQ" if "CONDSTORE" in self.capabilities else "")
        data = self.call(f"STATUS {folder}", self.imap.status, _mailbox(folder), f"({items})")
        line = data[0] if data and isinstance(data[0], bytes) else b""
        found = dict(re.findall(rb"([A-Z]+) (\d+)", line[line.rfind(b"(") :]))  # not the name's digits
        return {k.decode().lower(): int(v) for k, v in found.items()}

    def open(self, folder: str, write: bool = False) -> dict:
        """EXAMINE (read-only, nothing marked read) or SELECT; the folder's UIDVALIDITY etc."""
        if self.selected == (folder, write):
            return self.select_info
        self.call(f"{'SELECT' if write else 'EXAMINE'} {folder}", self.imap.select, _mailbox(folder), not write)
        info = {}
        for name in ("UIDVALIDITY", "UIDNEXT", "EXISTS", "PERMANENTFLAGS"):
            values = self.imap.untagged_responses.get(name) or [b""]
            info[name.lower()] = values[-1].decode("ascii", "replace")
        self.selected, self.select_info = (folder, write), info
        return info

    def search(self, *criteria: str) -> list[int]:
        data = self.call("UID SEARCH", self.imap.uid, "SEARCH", *criteria)
        return sorted(int(u) for u in b" ".join(d for d in data if d).split())

    def fetch(self, uids: list[int], items: str) -> dict[int, tuple[str, bytes]]:
        """uid -> (the response's other items as text, the literal) for `items`."""
        data = self.call("UID FETCH", self.imap.uid, "FETCH", uid_set(uids), items)
        out: dict[int, tuple[str, bytes]] = {}
        for i, part in enumerate(data):
            if not isinstance(part, tuple):
                continue
            meta = part[0]
            after = data[i + 1] if i + 1 < len(data) and isinstance(data[i + 1], bytes) else b""
            text = (meta + b" " + after).decode("ascii", "replace")
            uid = re.search(r"\bUID (\d+)", text)
            if uid:
                out[int(uid.group(1))] = (text, part[1])
        return out

    def close(self) -> None:
        try:
            self.imap.logout()
        except Exception:  # the connection may already be gone; nothing is lost
            pass


_CANON = {f.lower(): f for f in (*READ_ROLES, *NEVER_READ, "\\Noselect", "\\Nonexistent")}
_LIST = re.compile(rb'\(([^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (.+)$')
_FLAGS = re.compile(r"FLAGS \(([^)]*)\)")
_SIZE = re.compile(r"\bRFC822\.SIZE (\d+)")


def _why(e) -> str:
    if isinstance(e, list):
        e = b" ".join(x for x in e if isinstance(x, bytes))
    if isinstance(e, (OSError, socket.timeout)):  # before args: args[0] of an OSError is its errno
        return getattr(e, "strerror", None) or str(e) or type(e).__name__
    if isinstance(e, Exception) and e.args:
        e = e.args[0]
    if isinstance(e, bytes):
        e = e.decode("utf-8", "replace")
    text = " ".join(str(e).split())
    return text[:200] or "no reason given"


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mailbox(name: str) -> str:
    """A folder name as the wire spells it: modified UTF-7, quoted."""
    return _quote(_encode_utf7(name))


def _unquote(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    if text.startswith('"') and text.endswith('"'):
        text = re.sub(r"\\(.)", r"\1", text[1:-1])
    return _decode_utf7(text)


def _decode_utf7(name: str) -> str:
    """Folder names are modified UTF-7 (RFC 3501 5.1.3): "Gesendete Objekte", "&AMk-l&AOk-ments"."""
    import base64

    def part(m):
        chunk = m.group(1)
        if not chunk:
            return "&"
        data = chunk.replace(",", "/")
        data += "=" * (-len(data) % 4)
        return base64.b64decode(data).decode("utf-16-be", "replace")

    return re.sub(r"&([A-Za-z0-9+,]*)-", part, name)


def _encode_utf7(name: str) -> str:
    import base64

    out, run = [], []

    def flush():
        if run:
            data = base64.b64encode("".join(run).encode("utf-16-be")).decode().rstrip("=")
            out.append("&" + data.replace("/", ",") + "-")
            run.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            run.append(ch)
    flush()
    return "".join(out)


def uid_set(uids: list[int]) -> str:
    """1,2,3,7 -> "1:3,7": a batch of UIDs in as few bytes as the protocol allows."""
    parts, start, prev = [], None, None
    for u in sorted(uids):
        if start is None:
            start = prev = u
        elif u == prev + 1:
            prev = u
        else:
            parts.append(f"{start}:{prev}" if prev != start else str(start))
            start = prev = u
    if start is not None:
        parts.append(f"{start}:{prev}" if prev != start else str(start))
    return ",".join(parts)


def _flags(text: str) -> frozenset[str]:
    found = _FLAGS.search(text)
    return frozenset(found.group(1).split()) if found else frozenset()


# -- the mailbox ---------------------------------------------------------------------------

class ImapMailbox:
    label = KEYWORD
    label_kind = "IMAP keyword"

    def __init__(self, account: Account, connect=None, max_message_mb: float = 25):
        self.account = account
        self.max_bytes = int(max_message_mb * (1 << 20))  # over this, headers only (issue 9)
        self._connect_fn = connect or (lambda: Connection(account, password(account), self.commands))
        self.commands: list[str] = []  # every command sent, for tests and the benchmark
        self.reconnects = 0
        self.fetched = {"headers": 0, "bodies": 0}  # messages whose headers / bodies were fetched
        self.heads_fetched = 0  # messages over max_message_mb whose whole header only was fetched
        self.conn: Connection | None = None
        self._members: dict[str, list[tuple[str, int]]] = {}  # thread id -> (folder, uid)
        self._scanned = False

    def __repr__(self) -> str:
        return f"ImapMailbox({self.account.key})"

    def _conn(self) -> Connection:
        if self.conn is None:
            self.conn = self._connect_fn()
        return self.conn

    def _retrying(self, work):
        """Run `work(conn)`; when the connection drops, reopen it and run it again, at most
        MAX_RECONNECTS times. `work` must pick up where it stopped (the cache says where)."""
        while True:
            try:
                return work(self._conn())
            except Dropped as e:
                self.conn = None
                self.reconnects += 1
                if self.reconnects > MAX_RECONNECTS:
                    raise FollowupError(f"lost the connection to {self.account.server} {self.reconnects} "
                                        f"times ({e}); what was read is kept, run again") from None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # -- which folders ------------------------------------------------------------------

    def read_folders(self, conn: Connection) -> list[tuple[str, str]]:
        """(folder, label) to read: INBOX, SPECIAL-USE Sent/All/Archive, then config's."""
        listed = conn.folders()
        by_name = {name: flags for name, flags in listed}
        chosen: dict[str, str] = {}
        for name in by_name:
            if name.upper() == "INBOX":
                chosen[name] = "Inbox"
        for role in READ_ROLES:
            for name, flags in listed:
                if role in flags and name not in chosen:
                    chosen[name] = ROLE_LABEL[role]
        for wanted in self.account.folders:
            match = next((n for n in by_name if n == wanted or n.lower() == wanted.lower()), None)
            if match is None:
                raise FollowupError(f"no folder '{wanted}' on {self.account.server} (folders there: "
                                    f"{', '.join(sorted(by_name))})")
            if match not in chosen and not (set(NEVER_READ) & by_name[match]):
                chosen[match] = match
        return [(n, label) for n, label in chosen.items()
                if "\\Noselect" not in by_name[n] and "\\Nonexistent" not in by_name[n]]

    # -- reading ------------------------------------------------------------------------

    def scan(self, me: frozenset[str]) -> Scan:
        from assistant.mailbox.local import _oldest_first, who_am_i

        cache = ImapCache(self.account.key)
        try:
            folders = self._retrying(lambda conn: self._sync(conn, cache))
            picked, labels = self._pick(cache, folders)
            self._retrying(lambda conn: self._fetch_bodies(conn, cache, picked))
        except BaseException:
            cache.save()  # what was fetched before the failure is kept for the next run
            raise
        finally:
            self.close()
        threads, skipped, members = [], [], {}
        parsed = cache.derived(_code_stamp())["parsed"]
        for tid, refs in picked.items():
            messages = []
            for folder, uid in refs:
                state = cache.folders[folder]
                where = (folder, state.uidvalidity, uid)
                size = state.sizes.get(uid, 0)
                if size > self.max_bytes:  # too big: its thread, sender and date count, not its body
                    where += ("head",)
                    skipped.append(f"{folder} UID {uid}: {headers_only_note(size, self.max_bytes)}")
                raw = cache.bodies.get(where)
                if raw is None:
                    skipped.append(f"{folder} UID {uid}: the server sent no message")
                    continue
                if where not in parsed:
                    cache.dirty = True
                    try:
                        parsed[where] = parse_message(raw)
                    except MalformedMessage as e:
                        parsed[where] = str(e)
                msg = parsed[where]
                if isinstance(msg, str):
                    skipped.append(f"{folder} UID {uid}: {msg}")
                    continue
                extra = tuple(x for x in labels[(folder, uid)] if x not in msg.labels)
                messages.append(dataclasses.replace(msg, labels=msg.labels + extra))
            if messages:
                threads.append(Thread(tid, _oldest_first(messages)))
                members[tid] = refs
        if cache.dirty:
            cache.save()
        self._members, self._scanned = members, True
        seen = sum(len(f.headers) for f in cache.folders.values())
        given = frozenset(me) | ({self.account.user.lower()} if "@" in self.account.user else frozenset())
        return Scan(threads=threads, me=who_am_i(given, (t.messages for t in threads)),
                    skipped=skipped, messages_seen=seen)

    def _sync(self, conn: Connection, cache: ImapCache) -> list[tuple[str, str]]:
        """Bring every folder's headers up to date: STATUS, and for a changed folder only,
        EXAMINE + one UID SEARCH + header FETCHes of the new UIDs."""
        folders = self.read_folders(conn)
        for name, _ in folders:
            status = conn.status(name)
            state = cache.folder(name, status.get("uidvalidity", 0))
            same_uids = bool(state.uidnext) and (state.uidnext, state.messages) == (
                status.get("uidnext"), status.get("messages"))  # nothing came or went
            flags_moved = bool(state.modseq) and state.modseq != status.get("highestmodseq", 0)
            if same_uids and not flags_moved:
                continue
            cache.dirty = True
            info = conn.open(name)
            if int(info.get("uidvalidity") or 0) != state.uidvalidity:  # changed since STATUS
                state, same_uids = cache.folder(name, int(info.get("uidvalidity") or 0)), False
            new: list[int] = []
            if not same_uids:
                present = conn.search("ALL")
                for gone in set(state.headers) - set(present):
                    del state.headers[gone]
                    state.sizes.pop(gone, None)
                new = [u for u in present if u not in state.headers]
            if flags_moved and state.headers:
                self._refresh_flags(conn, state)
            for i in range(0, len(new), HEADER_BATCH):
                batch = new[i : i + HEADER_BATCH]
                found = conn.fetch(batch, f"(UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])")
                self.fetched["headers"] += len(found)
                for uid, (text, block) in found.items():
                    state.headers[uid] = (_flags(text), block.replace(b"\r\n", b"\n"))
                    size = _SIZE.search(text)
                    state.sizes[uid] = int(size.group(1)) if size else 0
                for uid in batch:  # expunged between SEARCH and FETCH: nothing to wait for
                    state.headers.setdefault(uid, (frozenset({"\\Deleted"}), b""))
            state.uidnext = status.get("uidnext", 0)
            state.messages = status.get("messages", -1)
            state.modseq = status.get("highestmodseq", 0)
        cache.keep_only({name for name, _ in folders})
        return folders

    def _refresh_flags(self, conn: Connection, state) -> None:
        """CONDSTORE: only the flags that changed since the last run (a \\Deleted, a \\Draft)."""
        data = conn.call("UID FETCH", conn.imap.uid, "FETCH", "1:*", "(UID FLAGS)",
                         f"(CHANGEDSINCE {state.modseq})")
        for line in data:
            text = (line if isinstance(line, bytes) else line[0]).decode("ascii", "replace")
            uid = re.search(r"\bUID (\d+)", text)
            if uid and int(uid.group(1)) in state.headers:
                u = int(uid.group(1))
                state.headers[u] = (_flags(text), state.headers[u][1])

    def _pick(self, cache: ImapCache, folders: list[tuple[str, str]]):
        """Thread every readable message; keep the threads with a candidate.

        Returns ({thread id: [(folder, uid), ...]}, {(folder, uid): labels}). Messages are
        ordered by their Date, so a thread is named after its first message as for local mail.
        """
        order = {name: i for i, (name, _) in enumerate(folders)}
        label_of = dict(folders)
        known = cache.derived(_code_stamp())["summaries"]
        rows = []
        for name, _ in folders:
            state = cache.folders.get(name)
            for uid, (flags, block) in (state.headers.items() if state else ()):
                if "\\Draft" in flags or "\\Deleted" in flags or not block:
                    continue
                where = (name, state.uidvalidity, uid)
                if where not in known:  # kept as plain tuples: they pickle many times faster
                    found = _MSGID.search(block)
                    known[where] = (_when(block), _fields(summarize_headers(block)), found.group(1) if found else None)
                    cache.dirty = True
                when, s, msgid = known[where]
                rows.append((when, order[name], uid, name, HeaderSummary(*s), msgid))
        rows.sort(key=lambda r: r[:3])
        first: dict[tuple, tuple[str, int]] = {}
        labels: dict[tuple[str, int], list[str]] = {}
        summaries, refs = [], []
        for _, _, uid, name, s, msgid in rows:
            key = ("id", msgid) if msgid else ("at", name, uid)
            if key in first:  # the same message in another folder (Gmail's All Mail)
                labels[first[key]].append(label_of[name])
                continue
            first[key] = (name, uid)
            labels[(name, uid)] = [label_of[name]]
            summaries.append(s)
            refs.append((name, uid))
        ids = group_threads(summaries)
        wanted = {tid for tid, s in zip(ids, summaries) if s.candidate}
        picked: dict[str, list[tuple[str, int]]] = {}
        for tid, ref in zip(ids, refs):
            if tid in wanted:
                picked.setdefault(tid, []).append(ref)
        return picked, {k: tuple(dict.fromkeys(v)) for k, v in labels.items()}

    def _fetch_bodies(self, conn: Connection, cache: ImapCache, picked: dict) -> None:
        """BODY.PEEK[] of candidate-thread messages not fetched before, folder by folder; for
        a message over max_message_mb, BODY.PEEK[HEADER] only, so memory stays bounded."""
        by_folder: dict[tuple[str, bool], list[int]] = {}
        for refs in picked.values():
            for folder, uid in refs:
                state = cache.folders[folder]
                head = state.sizes.get(uid, 0) > self.max_bytes
                if (folder, state.uidvalidity, uid, *(("head",) if head else ())) not in cache.bodies:
                    by_folder.setdefault((folder, head), []).append(uid)
        for (folder, head), uids in by_folder.items():
            validity = cache.folders[folder].uidvalidity
            info = conn.open(folder)
            if int(info.get("uidvalidity") or 0) != validity:
                raise FollowupError(f"the folder {folder} on {self.account.server} changed while it was "
                                    "read (new UIDVALIDITY); run again")
            item = "BODY.PEEK[HEADER]" if head else "BODY.PEEK[]"
            sizes = {} if head else cache.folders[folder].sizes
            for batch in _batches(sorted(uids), sizes):
                for uid, (_, raw) in conn.fetch(batch, f"(UID {item})").items():
                    if len(raw) > PRUNE_FROM:  # kept as it parses: attachment bodies dropped (bigmail)
                        raw = prune(raw)
                    cache.bodies[(folder, validity, uid, *(("head",) if head else ()))] = raw
                    cache.dirty = True
                    if head:
                        self.heads_fetched += 1
                    else:
                        self.fetched["bodies"] += 1

    # -- drafts -------------------------------------------------------------------------

    def drafts_folder(self, conn: Connection) -> str:
        """SPECIAL-USE \\Drafts, else a folder named Drafts, else a line naming the folders."""
        listed = conn.folders()
        for name, flags in listed:
            if "\\Drafts" in flags:
                return name
        for name, _ in listed:
            if name.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() == "drafts":
                return name
        raise FollowupError(f"no Drafts folder on {self.account.server} (no SPECIAL-USE \\Drafts, none named "
                            f"Drafts); folders there: {', '.join(sorted(n for n, _ in listed))}")

    def save_draft(self, message, key: str, drafts_dir=None, threads=()):
        """APPEND the tool's draft to Drafts as a reply in its thread; never send.

        The tool's own draft is found by its X-Followup-Draft marker (UID SEARCH HEADER, then
        an exact comparison; failing that, the same kind to the same person under another of
        the process's `threads`, drafts_local.same_draft). Edited (its text no longer has the
        recorded digest): kept. Not edited: replaced by APPEND, then UID EXPUNGE of exactly the old UID, only with UIDPLUS;
        without it the old draft stays and the status says so. A draft that answers the same
        message to the same person without the marker (a mail client that dropped unknown
        headers when the user edited it) is the user's, and is kept too.
        `drafts_dir` is for local mailboxes and is ignored here.
        """
        from assistant.mailbox.drafts_local import (CREATED, DIGEST, KEPT, MARKER, UNCHANGED, UPDATED,
                                                    SavedDraft, _reparse, content_digest)

        if "\n" in key or "\r" in key or '"' in key:
            raise FollowupError(f"cannot save to IMAP: the draft key has a character a search cannot hold ({key!r})")
        for header in (MARKER, DIGEST):
            del message[header]
        digest = content_digest(_reparse(message))
        message[MARKER] = key
        message[DIGEST] = digest
        data = message.as_bytes(policy=policy.SMTP)

        def work(conn: Connection):
            folder = self.drafts_folder(conn)
            conn.open(folder, write=True)
            where = f"{folder} on {self.account.server}"
            mine = self._own_drafts(conn, MARKER, key, threads)
            for uid, old in mine:  # newest first
                recorded = str(old.get(DIGEST, "")).strip()
                if not recorded or content_digest(old) != recorded:
                    continue
                if recorded == digest:
                    return SavedDraft(UNCHANGED, f"{where} (UID {uid})")
                new_uid = self._append(conn, folder, data)
                if "UIDPLUS" not in conn.capabilities:
                    return SavedDraft(UPDATED + " (the old draft stays: this server cannot delete exactly "
                                      "one message, so followup deletes none; remove it yourself)",
                                      f"{where} (UID {new_uid or '?'})")
                conn.call("UID STORE", conn.imap.uid, "STORE", str(uid), "+FLAGS.SILENT", "(\\Deleted)")
                conn.call("UID EXPUNGE", conn.imap.uid, "EXPUNGE", str(uid))
                return SavedDraft(UPDATED, f"{where} (UID {new_uid or '?'})")
            if mine:
                return SavedDraft(KEPT, f"{where} (UID {mine[0][0]})")
            theirs = self._users_reply_draft(conn, message)
            if theirs:
                return SavedDraft(KEPT, f"{where} (UID {theirs})")
            new_uid = self._append(conn, folder, data)
            return SavedDraft(CREATED, f"{where} (UID {new_uid or '?'})")

        try:
            return self._retrying(work)
        finally:
            self.close()

    def _own_drafts(self, conn: Connection, marker: str, key: str, threads=()) -> list:
        """(uid, message) of the tool's drafts for `key`, newest first: those with the exact
        key, else those saved under another id of the process (same_draft)."""
        from assistant.mailbox.drafts_local import same_draft

        kind, _, rest = key.partition("; thread=")
        to = rest.partition("; to=")[2]  # SEARCH HEADER is a substring match: both ends of the key
        uids = conn.search("HEADER", marker, _quote(f"{kind}; thread="), "HEADER", marker, _quote(f"; to={to}"))
        if not uids:
            return []
        found = conn.fetch(uids, "(UID FLAGS BODY.PEEK[])")
        exact, older = [], []
        for uid in sorted(found, reverse=True):
            text, raw = found[uid]
            if "\\Deleted" in _flags(text):
                continue
            old = message_from_bytes(raw, policy=policy.default)
            stored = " ".join(str(old.get(marker, "")).split())
            if stored == key:
                exact.append((uid, old))
            elif same_draft(stored, key, threads):
                older.append((uid, old))
        return exact or older

    def _users_reply_draft(self, conn: Connection, message) -> int | None:
        parent = str(message.get("In-Reply-To", "")).strip()
        to = {a.lower() for a in re.findall(r"[\w.+'=-]+@[\w.-]+", str(message.get("To", "")))}
        if not parent or not to or '"' in parent:
            return None
        uids = conn.search("UNDELETED", "HEADER", "In-Reply-To", _quote(parent))
        if not uids:
            return None
        found = conn.fetch(uids, "(UID BODY.PEEK[HEADER.FIELDS (To In-Reply-To)])")
        for uid in sorted(found, reverse=True):
            head = found[uid][1].decode("utf-8", "replace").lower()
            if any(a in head for a in to):
                return uid
        return None

    def _append(self, conn: Connection, folder: str, data: bytes) -> int | None:
        answer = conn.call(f"APPEND {folder}", conn.imap.append, _mailbox(folder), "(\\Draft \\Seen)", None, data)
        found = re.search(rb"APPENDUID \d+ (\d+)", b" ".join(a for a in answer if isinstance(a, bytes)))
        conn.selected = None  # the folder changed under the open view; look again next time
        return int(found.group(1)) if found else None

    # -- the due keyword ----------------------------------------------------------------

    def sync_label(self, overdue: set[str]) -> tuple[list[str], list[str]]:
        """$FollowupDue on the messages of exactly the overdue threads: set where missing,
        removed elsewhere. Returns (threads added, threads removed). Only where the folder's
        PERMANENTFLAGS allow new keywords (\\*) or already hold this one; else one line."""
        if not self._scanned:
            self.scan(frozenset())
        members = self._members

        def work(conn: Connection):
            added, removed = set(), set()
            for name, _ in self.read_folders(conn):
                info = conn.open(name, write=True)
                permanent = info.get("permanentflags", "")
                if "\\*" not in permanent and KEYWORD.lower() not in permanent.lower():
                    raise FollowupError(f"the IMAP server {self.account.server} does not allow new keywords "
                                        f"in {name}, so followup cannot mark overdue threads with {KEYWORD}")
                want = {uid: tid for tid in overdue for f, uid in members.get(tid, ()) if f == name}
                have = set(conn.search("KEYWORD", KEYWORD))
                add = sorted(set(want) - have)
                drop = sorted(have - set(want))
                if add:
                    conn.call("UID STORE", conn.imap.uid, "STORE", uid_set(add), "+FLAGS.SILENT", f"({KEYWORD})")
                    added |= {want[u] for u in add}
                if drop:
                    conn.call("UID STORE", conn.imap.uid, "STORE", uid_set(drop), "-FLAGS.SILENT", f"({KEYWORD})")
                    owner = {uid: tid for tid, refs in members.items() for f, uid in refs if f == name}
                    removed |= {owner.get(u, f"{name}/{u}") for u in drop}
            return sorted(added), sorted(removed - added)

        try:
            return self._retrying(work)
        finally:
            self.close()


def _batches(uids: list[int], sizes: dict[int, int]):
    """UIDs in FETCH batches of at most BODY_BATCH messages and BODY_BATCH_BYTES of mail
    (a message bigger than that alone), so one answer never holds a mailbox's attachments."""
    batch, total = [], 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if batch and (len(batch) >= BODY_BATCH or total + size > BODY_BATCH_BYTES):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


def _fields(s: HeaderSummary) -> tuple:
    return (s.subject, s.gm_thread_id, s.candidate, s.message_id, s.parents, s.sender, s.recipients)


def _code_stamp() -> tuple:
    """The code that made the cached summaries and parsed messages (local mail's stamp)."""
    from assistant import __version__
    from assistant.mailbox.scancache import _code_stamp as local_stamp

    return (__version__, local_stamp())


_MSGID = re.compile(rb"(?im)^message-id:[ \t]*<([^<>\s]+)>")
_DATE = re.compile(rb"(?im)^date:[ \t]*(.+)$")


def _when(block: bytes) -> float:
    """The Date header as a timestamp, for ordering; 0 when missing or unreadable."""
    found = _DATE.search(block)
    if not found:
        return 0.0
    try:
        return parsedate_to_datetime(found.group(1).decode("ascii", "replace").strip()).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0
