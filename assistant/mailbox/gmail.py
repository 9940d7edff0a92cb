"""Gmail through the Gmail API, behind the same `scan(me) -> Scan` as local files.

How a scan reads (and why this way):
- Threads are found with a Gmail search (`DEFAULT_QUERY`, or `gmail_query` in config):
  threads.list, 500 ids a page, each with its `historyId`.
- A thread is fetched with threads.get(format=full): one request (10 quota units) gives
  every message of the thread. threads.get has no format=raw, so the MIME is rebuilt from
  the payload tree (`raw_from_payload`) and read by the same `parse_message` as local mail.
  The alternative, messages.get(format=raw), gives the exact bytes but costs 5 units per
  message plus a way to learn each thread's message ids (threads.get again, or a
  messages.list whose matches miss the replies): about 2.5 messages a hiring thread makes
  it ~22 units and three batches per thread where this is 10 units and one.
- Fetches go in batches of at most 50, with `fields` trimming the answer. Calendar
  attachments (Gmail serves parts with a filename by attachmentId) are fetched in a second
  batch only when a fetched thread has one, since invites carry interview times.
- The cache (gmail_cache.py) keeps each thread with its historyId. A re-run first asks
  history.list whether anything changed since the stored sync point: if nothing did, the
  scan is answered from the cache in one request. If something did (or Gmail says the id
  expired, 404), the query is listed again and only threads whose historyId moved are
  fetched.
- A message whose sizeEstimate is over `max_message_mb` is read for its headers only, as
  local mail is: its calendar attachment is not fetched and its body is not parsed, and
  --verbose names it. (threads.get never carries attachment bodies: Gmail serves every
  named part by attachmentId, so what is downloaded for it is its text parts.)
- The same header-first triage as for local mail (scan.summarize_headers) decides which
  listed threads are candidates, so a Gmail account and its Takeout export give the same
  threads, ids and facts, as long as the query finds every candidate thread.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import sys
from email.utils import make_msgid

from assistant.bigmail import headers_only_note
from assistant.errors import FollowupError
from assistant.mail import MalformedMessage, Message, parse_message
from assistant.mailbox import Scan, Thread
from assistant.mailbox.scan import STRONG_WORDS, WEAK_WORDS, summarize_headers

# Strong hiring words in any subject; weak ones ("update", "call") only in mail Gmail
# files as Primary (people, not robots), mirroring the local triage's rule for weak words.
# Promotions, Social and Forums hold job-alert digests and newsletters, never a recruiter's
# own thread (ATS mail lands in Primary or Updates, which stay in).
# Robots whose address says what they are (alerts@, notifications@, newsletter@) send
# digests that say "interview" in the subject; none of them is an ATS, whose no-reply@
# acknowledgements stay in. The local scan drops the same mail as bulk after reading it.
ROBOT_SENDERS = ("alert", "alerts", "notification", "notifications", "newsletter", "digest", "mailer")
DEFAULT_QUERY = (
    "-in:chats -category:promotions -category:social -category:forums "
    "-from:(" + " OR ".join(ROBOT_SENDERS) + ") "
    "(subject:(" + " OR ".join(sorted(STRONG_WORDS)) + ") OR "
    "(category:primary subject:(" + " OR ".join(sorted(WEAK_WORDS)) + ")))"
)
DEFAULT_LABEL = "Follow-up due"
THREAD_FIELDS = "id,historyId,messages(id,threadId,labelIds,internalDate,sizeEstimate,payload)"
LIST_PAGE = 500
SKIP_LABELS = frozenset({"DRAFT", "SPAM", "TRASH"})  # never part of the conversation (a draft was never sent)
_SYSTEM_LABELS = {
    "INBOX": "Inbox", "SENT": "Sent", "IMPORTANT": "Important", "STARRED": "Starred",
    "UNREAD": "Unread", "DRAFT": "Drafts", "SPAM": "Spam", "TRASH": "Trash", "CHAT": "Chat",
}
_CALENDAR_TYPES = ("text/calendar", "application/ics")


class GmailApi:
    """The Gmail service built from the client's bundled discovery document, guarded."""

    def __init__(self, need: str | None = "read", pacer=None, backoff=None, timeout: float = 30,
                 creds=None):
        import google_auth_httplib2
        import httplib2
        from googleapiclient.discovery import build

        from assistant import gmail_auth
        from assistant.gmail_transport import Backoff, GuardedHttp, Pacer, make_request_builder

        self.token_info = gmail_auth.read_token() if creds is None else {}
        self.creds = creds or gmail_auth.load_credentials(need)
        self._token_before = self.creds.token
        self.root = gmail_auth.api_root()
        authed = google_auth_httplib2.AuthorizedHttp(self.creds, http=httplib2.Http(timeout=timeout))
        self.http = GuardedHttp(authed, self.root)
        self.service = build(
            "gmail", "v1", http=self.http, requestBuilder=make_request_builder(),
            static_discovery=True, cache_discovery=False, num_retries=0,
            client_options={"api_endpoint": self.root},
        )
        self.users = self.service.users()
        self.batch_uri = self.root + "batch/gmail/v1"  # not Google's fixed batch URL
        self.pacer = pacer or Pacer()
        self.backoff = backoff or Backoff()
        self.round_trips = 0

    @property
    def account(self) -> str:
        return (self.token_info.get("account") or "").lower()

    def call(self, request):
        from assistant.gmail_transport import execute

        self.round_trips += 1
        return execute(request, self.pacer, self.backoff)

    def batch(self, items, make_request, on_result, on_missing=None) -> int:
        from assistant.gmail_transport import run_batch

        trips = run_batch(self.service, self.batch_uri, items, make_request, on_result,
                          self.pacer, self.backoff, on_missing=on_missing)
        self.round_trips += trips
        return trips

    def profile(self) -> dict:
        return self.call(self.users.getProfile(userId="me", fields="emailAddress,historyId"))

    def close(self) -> None:
        """Keep a token the transport refreshed mid-run, and close connections."""
        from assistant import gmail_auth

        if self.token_info:  # a token read from token.json, not one being made by login
            gmail_auth.save_if_refreshed(self.creds, self._token_before)


class GmailMailbox:
    def __init__(self, query: str | None = None, label: str | None = None, api_factory=GmailApi,
                 progress=None, max_message_mb: float = 25):
        self.query = query or DEFAULT_QUERY
        self.max_bytes = int(max_message_mb * (1 << 20))  # over this, headers only (issue 9)
        self.label = label or DEFAULT_LABEL
        self._api_factory = api_factory
        self._progress = progress if progress is not None else _terminal_progress
        self.api: GmailApi | None = None
        self.last_sync: dict = {}
        self._thread_of: dict[str, str] = {}  # Message-ID -> Gmail thread id, from the last scan

    def __repr__(self) -> str:
        return "GmailMailbox()"

    def _connect(self, need: str = "read") -> GmailApi:
        if self.api is None or need != "read":
            self.api = self._api_factory(need)
        return self.api

    # -- reading ----------------------------------------------------------------------------

    def scan(self, me: frozenset[str]) -> Scan:
        from assistant.gmail_cache import GmailCache
        from assistant.mailbox.local import _oldest_first, who_am_i

        api = self._connect("read")
        try:
            with GmailCache(api.account or "default") as cache:
                email = self._sync(api, cache)
                stored = cache.threads()
        finally:
            api.close()
        if me and email and email not in me:
            raise FollowupError(
                f"Gmail is signed in as {email}, but you said you are {', '.join(sorted(me))}: "
                f"run `followup auth login --account ADDRESS`, or add {email} to `me` in config.toml"
            )
        threads: list[Thread] = []
        skipped: list[str] = []
        seen = 0
        for item in stored:
            messages, problems, count = thread_messages(item, self.max_bytes)
            seen += count
            skipped += problems
            if messages:
                threads.append(Thread(item["id"], _oldest_first(messages)))
        # A draft goes into the thread of the message it answers: one process may span threads.
        self._thread_of = {m.message_id: t.id for t in threads for m in t.messages if m.message_id}
        given = frozenset(me) | ({email} if email else frozenset())
        return Scan(threads=threads, me=who_am_i(given, (t.messages for t in threads)),
                    skipped=skipped, messages_seen=seen)

    def _sync(self, api: GmailApi, cache) -> str:
        """Bring the cache up to date with the query's threads; returns the account email."""
        state = cache.state()
        email = (state.get("email") or api.account or "").lower()
        current = None
        self.last_sync = {"history": False, "listed": 0, "fetched": 0, "full": True}
        if state.get("history_id") and state.get("query") == self.query:
            from assistant.gmail_transport import GmailApiError

            try:
                page = api.call(api.users.history().list(
                    userId="me", startHistoryId=state["history_id"], maxResults=1,
                    fields="history(id),historyId"))
            except GmailApiError as e:
                if e.status != 404:  # 404: the id expired; a full re-sync follows
                    raise
                page = None
            if page is not None:
                self.last_sync.update(history=True, full=False)
                current = page.get("historyId")
                if not page.get("history"):
                    cache.set_state(current or state["history_id"], self.query, email)
                    return email
        if current is None or not email:
            profile = api.profile()
            current = current or profile.get("historyId")
            email = (profile.get("emailAddress") or email).lower()
        listed = self._list(api)
        known = cache.history_ids()
        stale = [tid for tid, hid in listed.items() if known.get(tid) != hid]
        self.last_sync.update(listed=len(listed), fetched=len(stale))
        self._fetch(api, cache, stale)
        cache.keep_only(set(listed))
        cache.set_state(current, self.query, email)
        return email

    def _list(self, api: GmailApi) -> dict[str, str]:
        listed: dict[str, str] = {}
        token = None
        while True:
            page = api.call(api.users.threads().list(
                userId="me", q=self.query, maxResults=LIST_PAGE, pageToken=token,
                fields="threads(id,historyId),nextPageToken"))
            for t in page.get("threads", []):
                listed[t["id"]] = str(t.get("historyId", ""))
            token = page.get("nextPageToken")
            if not token:
                return listed

    def _fetch(self, api: GmailApi, cache, ids: list[str]) -> None:
        threads = api.users.threads()
        attachments = api.users.messages().attachments()
        waiting: dict[str, dict] = {}
        needs: list[tuple[str, str, str]] = []

        with self._progress(len(ids), "Reading Gmail threads") as bar:
            def got(tid, thread):
                wanted = _calendar_attachments(thread, self.max_bytes)
                if wanted:
                    waiting[tid] = thread
                    needs.extend((tid, mid, aid) for mid, aid in wanted)
                else:
                    cache.put(thread)
                bar.update(1)

            api.batch(ids, lambda tid: threads.get(userId="me", id=tid, format="full",
                                                   fields=THREAD_FIELDS),
                      got, on_missing=lambda tid: bar.update(1))
        if needs:
            found: dict[tuple[str, str], str] = {}

            def got_attachment(key, body):
                found[(key[1], key[2])] = body.get("data", "")

            api.batch(needs, lambda k: attachments.get(userId="me", messageId=k[1], id=k[2],
                                                       fields="data"), got_attachment,
                      on_missing=lambda k: None)
            for thread in waiting.values():
                _fill_attachments(thread, found)
                cache.put(thread)


    # -- labels ------------------------------------------------------------------------------

    def sync_label(self, overdue: set[str]) -> tuple[list[str], list[str]]:
        """Put the label on exactly the overdue threads: add where missing, remove elsewhere.

        Needs gmail.modify. Returns (added, removed) thread ids. Label changes are
        idempotent, so they may be retried; creating the label is not, so a failed create
        is followed by a fresh look before anything else is tried.
        """
        api = self._connect("labels")
        try:
            label_id = self._label_id(api, create=bool(overdue))
            labelled: set[str] = set()
            token = None
            while label_id:
                page = api.call(api.users.threads().list(
                    userId="me", labelIds=[label_id], maxResults=LIST_PAGE, pageToken=token,
                    fields="threads(id),nextPageToken"))
                labelled |= {t["id"] for t in page.get("threads", [])}
                token = page.get("nextPageToken")
                if not token:
                    break
            add = sorted(overdue - labelled)
            remove = sorted(labelled - overdue)
            changes = [("add", t) for t in add] + [("remove", t) for t in remove]
            threads = api.users.threads()

            def modify(change):
                what, tid = change
                body = {"addLabelIds": [label_id]} if what == "add" else {"removeLabelIds": [label_id]}
                return threads.modify(userId="me", id=tid, body=body, fields="id")

            gone: list = []
            if changes:
                api.batch(changes, modify, lambda change, _: None, on_missing=gone.append)
            return ([t for t in add if ("add", t) not in gone],
                    [t for t in remove if ("remove", t) not in gone])
        finally:
            api.close()

    def _label_id(self, api: GmailApi, create: bool) -> str | None:
        def find():
            labels = api.call(api.users.labels().list(userId="me", fields="labels(id,name)"))
            for label in labels.get("labels", []):
                if label.get("name", "").lower() == self.label.lower():
                    return label["id"]
            return None

        found = find()
        if found or not create:
            return found
        try:
            made = api.call(api.users.labels().create(userId="me", fields="id", body={
                "name": self.label, "labelListVisibility": "labelShow",
                "messageListVisibility": "show"}))
            return made["id"]
        except FollowupError as e:  # 409: it exists after all; 5xx or no answer: it may exist
            found = find()
            if found:
                return found
            raise e


    # -- drafts ------------------------------------------------------------------------------

    def save_draft(self, message, key: str, drafts_dir=None, threads=()):
        """Save the tool's draft for `key` as a reply inside its Gmail thread; never send.

        The thread is the one holding the message the draft answers (In-Reply-To), which for
        a process joined from several threads need not be the key's (the process id).

        The tool's own draft is found through a ledger (data dir: key -> draft id and the
        digest of what was written; a draft id survives edits in Gmail) and, failing that,
        through its X-Followup-Draft header among the thread's drafts (a create whose answer
        was lost), or among the drafts in the process's other `threads` under an older
        process id (drafts_local.same_draft). It is updated only while its content still has
        the recorded digest; an edited one is kept. drafts.create is never retried blindly
        (gmail_transport).
        `drafts_dir` is for local mailboxes and is ignored here.
        """
        from assistant.mailbox.drafts_local import DIGEST, MARKER, _reparse, content_digest

        match = re.search(r"thread=([0-9a-fA-F]+)", key)
        if not match:
            raise FollowupError(f"cannot save to Gmail: the draft key has no thread id ({key})")
        parent = str(message.get("In-Reply-To", "")).strip().strip("<>")
        tid = self._thread_of.get(parent) or match.group(1).lower()
        for header in (MARKER, DIGEST):
            del message[header]
        digest = content_digest(_reparse(message))
        message[MARKER] = key
        message[DIGEST] = digest
        raw = base64.urlsafe_b64encode(message.as_bytes()).decode().rstrip("=")
        body = {"message": {"raw": raw, "threadId": tid}}
        from assistant.safefiles import run_lock

        api = self._connect("drafts")
        ledger = _DraftLedger(api.account or "default")
        try:
            with run_lock(lock_name(api.account)):  # find, create and record: one run at a time
                return self._save(api, ledger, key, tid, body, digest, threads)
        finally:
            api.close()

    def _save(self, api: GmailApi, ledger: "_DraftLedger", key: str, tid: str, body: dict, digest: str,
              threads=()):
        from assistant.mailbox.drafts_local import (CREATED, DIGEST, KEPT, UNCHANGED, UPDATED,
                                                    SavedDraft, content_digest)

        drafts = api.users.drafts()
        found = self._find_draft(api, ledger.get(key), key, tid, threads)
        if found:
            draft_id, old = found
            recorded = str(old.get(DIGEST, "")).strip()
            where = _draft_link(api.account, found_message_id(old, draft_id))
            if not recorded or content_digest(old) != recorded:
                return SavedDraft(KEPT, where)
            if recorded == digest:
                return SavedDraft(UNCHANGED, where)
            made = api.call(drafts.update(userId="me", id=draft_id, body=body,
                                          fields="id,message(id)"))
            ledger.put(key, made["id"])
            return SavedDraft(UPDATED, _draft_link(api.account, made["message"]["id"]))
        made = api.call(drafts.create(userId="me", body=body, fields="id,message(id)"))
        ledger.put(key, made["id"])
        return SavedDraft(CREATED, _draft_link(api.account, made["message"]["id"]))

    def _find_draft(self, api: GmailApi, draft_id: str | None, key: str, tid: str, threads=()):
        """(draft id, parsed message) of the tool's draft for `key`, or None."""
        from email import message_from_bytes, policy

        from assistant.gmail_transport import GmailApiError
        from assistant.mailbox.drafts_local import MARKER, same_draft

        def get(did):
            try:
                d = api.call(api.users.drafts().get(userId="me", id=did, format="raw",
                                                    fields="id,message(id,raw)"))
            except GmailApiError as e:
                if e.status == 404:  # sent or deleted by the user since
                    return None
                raise
            old = message_from_bytes(_b64url(d["message"].get("raw", "")), policy=policy.default)
            old["X-Followup-Gmail-Message"] = d["message"].get("id", "")
            return old

        if draft_id:
            old = get(draft_id)
            if old is not None:
                return draft_id, old
        token = None
        while True:  # every page: a lost ledger must not turn into a second draft
            listed = api.call(api.users.drafts().list(
                userId="me", maxResults=500, pageToken=token,
                fields="drafts(id,message(id,threadId)),nextPageToken"))
            for d in listed.get("drafts", []):
                where = d.get("message", {}).get("threadId")
                if where != tid and where not in threads:
                    continue
                old = get(d["id"])  # in the reply's own thread, any process id of it is this draft
                if old is not None and same_draft(" ".join(str(old.get(MARKER, "")).split()), key,
                                                  None if where == tid else threads):
                    return d["id"], old
            token = listed.get("nextPageToken")
            if not token:
                return None


def lock_name(account: str | None) -> str:
    """The write lock of a Gmail account (safefiles.run_lock), the same in cli.py and here."""
    return f"gmail-{(account or 'default').lower()}"


def found_message_id(old, draft_id: str) -> str:
    return str(old.get("X-Followup-Gmail-Message", "")) or draft_id


def _draft_link(account: str, message_id: str) -> str:
    """Opens the draft in Gmail's compose window (the account in the URL picks the inbox)."""
    return f"https://mail.google.com/mail/u/{account or 0}/#drafts?compose={message_id}"


class _DraftLedger:
    """key -> Gmail draft id, per account, in the data dir; written atomically."""

    def __init__(self, account: str):
        from assistant.config import data_dir

        self.path = data_dir() / f"gmail-drafts-{re.sub(r'[^A-Za-z0-9@._-]', '_', account)}.json"

    def _load(self) -> dict:
        import json

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> str | None:
        return self._load().get(key)

    def put(self, key: str, draft_id: str) -> None:
        """Called under the account's run lock, so read-modify-write loses no other key."""
        import json

        from assistant.safefiles import write_atomic

        data = self._load()
        data[key] = draft_id
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True))


# -- Gmail JSON -> our Message ------------------------------------------------------------

def thread_messages(thread: dict, max_bytes: int | None = None) -> tuple[list[Message], list[str], int]:
    """The conversation's messages if any of them is a candidate (the local triage rule).
    A message over `max_bytes` (its sizeEstimate) is read for its headers only."""
    raws = []
    for m in thread.get("messages", []):
        labels = m.get("labelIds") or []
        if SKIP_LABELS.intersection(labels):
            continue
        if _too_big(m, max_bytes):
            raws.append((m, _head_from_payload(m.get("payload") or {})))
        else:
            raws.append((m, raw_from_payload(m.get("payload") or {})))
    if not any(summarize_headers(_header_block(raw)).candidate for _, raw in raws):
        return [], [], len(raws)
    out, skipped = [], []
    for m, raw in raws:
        if _too_big(m, max_bytes):
            skipped.append(f"Gmail message {m.get('id')}: {headers_only_note(int(m['sizeEstimate']), max_bytes)}")
        try:
            msg = parse_message(raw)
        except MalformedMessage as e:
            skipped.append(f"Gmail message {m.get('id')}: {e}")
            continue
        except Exception as e:  # a reader bug on one message must not lose the others
            skipped.append(f"Gmail message {m.get('id')}: could not be read ({type(e).__name__})")
            continue
        labels = label_names(m.get("labelIds") or [])
        # Sent is sent, even when a draft of this tool kept its X-Unsent header on the way out.
        out.append(dataclasses.replace(msg, gm_thread_id=thread["id"], labels=labels,
                                       draft=msg.draft and "Sent" not in labels))
    return out, skipped, len(raws)


def label_names(ids: list[str]) -> tuple[str, ...]:
    """Takeout's spelling of system labels (SENT -> "Sent"); user label ids stay as they are."""
    names = []
    for i in ids:
        if i in _SYSTEM_LABELS:
            names.append(_SYSTEM_LABELS[i])
        elif i.startswith("CATEGORY_"):
            names.append("Category " + i.removeprefix("CATEGORY_").title())
        else:
            names.append(i)
    return tuple(names)


def _too_big(m: dict, max_bytes: int | None) -> bool:
    try:
        return max_bytes is not None and int(m.get("sizeEstimate") or 0) > max_bytes
    except (TypeError, ValueError):
        return False


def _head_from_payload(part: dict) -> bytes:
    """The message's own header block, as raw_from_payload writes it, and no body."""
    lines = [f"{h.get('name', '')}: {_CRLF.sub(' ', h.get('value', ''))}".encode("utf-8")
             for h in part.get("headers", [])]
    return b"\n".join(lines) + b"\n\n"


def _header_block(raw: bytes) -> bytes:
    end = raw.find(b"\n\n")
    return raw if end < 0 else raw[:end]


_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))', re.I)
_CRLF = re.compile(r"[\r\n]+\s*")


def raw_from_payload(part: dict) -> bytes:
    """Rebuild RFC 5322 bytes from a format=full payload tree.

    Headers are written as Gmail gives them (decoded text, written as UTF-8, which
    parse_message reads; line breaks removed so nothing can inject a header). Leaf bodies
    come transfer-decoded, so each is written back as base64 under its own Content-Type;
    multipart containers keep their boundary (a new one if it is missing).
    """
    headers = [(h.get("name", ""), _CRLF.sub(" ", h.get("value", ""))) for h in part.get("headers", [])]
    mime = (part.get("mimeType") or "text/plain").lower()
    lines = []
    if mime.startswith("multipart/"):
        boundary = None
        for name, value in headers:
            if name.lower() == "content-type":
                found = _BOUNDARY.search(value)
                boundary = found and (found.group(1) or found.group(2))
        if not boundary:
            boundary = "=_followup_" + make_msgid().strip("<>").split("@")[0]
            headers = [(n, v) for n, v in headers if n.lower() != "content-type"]
            headers.append(("Content-Type", f'{mime}; boundary="{boundary}"'))
        for name, value in headers:
            lines.append(f"{name}: {value}".encode("utf-8"))
        out = b"\n".join(lines) + b"\n\n"
        for child in part.get("parts") or []:
            out += b"--" + boundary.encode() + b"\n" + raw_from_payload(child) + b"\n"
        return out + b"--" + boundary.encode() + b"--\n"
    kept = [(n, v) for n, v in headers if n.lower() != "content-transfer-encoding"]
    if not any(n.lower() == "content-type" for n, _ in kept):
        kept.append(("Content-Type", mime))
    kept.append(("Content-Transfer-Encoding", "base64"))
    data = _b64url((part.get("body") or {}).get("data", ""))
    for name, value in kept:
        lines.append(f"{name}: {value}".encode("utf-8"))
    return b"\n".join(lines) + b"\n\n" + base64.encodebytes(data)


def _b64url(data: str) -> bytes:
    if not data:
        return b""
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (ValueError, TypeError):
        return b""


def _walk(part: dict):
    yield part
    for child in part.get("parts") or []:
        yield from _walk(child)


def _calendar_attachments(thread: dict, max_bytes: int | None = None) -> list[tuple[str, str]]:
    wanted = []
    for m in thread.get("messages", []):
        if _too_big(m, max_bytes):  # read for its headers only: its invitation is not read either
            continue
        for part in _walk(m.get("payload") or {}):
            body = part.get("body") or {}
            if (part.get("mimeType") or "").lower() in _CALENDAR_TYPES and body.get("attachmentId") \
                    and not body.get("data"):
                wanted.append((m["id"], body["attachmentId"]))
    return wanted


def _fill_attachments(thread: dict, found: dict) -> None:
    for m in thread.get("messages", []):
        for part in _walk(m.get("payload") or {}):
            body = part.get("body") or {}
            data = found.get((m["id"], body.get("attachmentId")))
            if data:
                body["data"] = data


# -- progress ---------------------------------------------------------------------------

class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


def _terminal_progress(total: int, label: str):
    """A bar on stderr for long fetches when it is a terminal; nothing when piped."""
    if total < 20 or not sys.stderr.isatty():
        return _NoBar()
    import click

    return click.progressbar(length=total, label=label, file=sys.stderr)
