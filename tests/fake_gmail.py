"""A small Gmail API of our own on 127.0.0.1, for driving the real google-api-python-client.

It speaks the subset of the REST API the tool uses: profile, threads (list with a search
query, get, modify), messages (get, attachments), history, labels, drafts, the multipart
batch endpoint, and the OAuth token, auth and revoke endpoints. Mail is loaded from a
Takeout mbox (Gmail's message and thread ids come from its `From ` lines and X-GM-THRID,
labels from X-Gmail-Labels), so a run against it can be compared with a local run.

It counts HTTP round trips, requests and quota units per method, and any attempt to send.
Faults are injected with `fail(method, status, times=..., retry_after=..., reason=...)`.
"""

from __future__ import annotations

import base64
import email
import itertools
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.policy import compat32
from email.utils import parseaddr, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

UNITS = {
    "gmail.users.getProfile": 1, "gmail.users.threads.list": 10, "gmail.users.threads.get": 10,
    "gmail.users.threads.modify": 10, "gmail.users.messages.get": 5,
    "gmail.users.messages.attachments.get": 5, "gmail.users.history.list": 2,
    "gmail.users.labels.list": 1, "gmail.users.labels.create": 5, "gmail.users.drafts.list": 5,
    "gmail.users.drafts.get": 5, "gmail.users.drafts.create": 10, "gmail.users.drafts.update": 15,
    "gmail.users.messages.send": 100, "gmail.users.drafts.send": 100,
}
SCOPE_READ = "https://www.googleapis.com/auth/gmail.readonly"
SCOPE_ALL = [SCOPE_READ, "https://www.googleapis.com/auth/gmail.compose",
             "https://www.googleapis.com/auth/gmail.modify"]
_TAKEOUT_LABELS = {
    "Inbox": "INBOX", "Sent": "SENT", "Important": "IMPORTANT", "Starred": "STARRED",
    "Unread": "UNREAD", "Drafts": "DRAFT", "Spam": "SPAM", "Trash": "TRASH", "Chat": "CHAT",
}
_SYSTEM = ["INBOX", "SENT", "IMPORTANT", "STARRED", "UNREAD", "DRAFT", "SPAM", "TRASH", "CHAT",
           "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES",
           "CATEGORY_FORUMS"]


@dataclass
class Fault:
    method: str  # a methodId, "batch" for the batch endpoint itself, or "*"
    status: int
    times: int = 1
    retry_after: str | None = None
    reason: str = ""
    in_batch: bool | None = None  # None: anywhere; True: only parts of a batch


@dataclass
class StoredMessage:
    id: str
    thread_id: str
    labels: set[str]
    raw: bytes
    internal_date: int
    history_id: int
    payload: dict | None = None
    words: dict = field(default_factory=dict)


class FakeGmail:
    def __init__(self, email_address: str = "jordan.rivera@gmail.com"):
        self.email = email_address
        self.messages: dict[str, StoredMessage] = {}
        self.threads: dict[str, list[str]] = {}
        self.history: list[tuple[int, dict]] = []
        self.history_id = 1000
        self.expired_below = 0  # history.list from an id below this answers 404
        self.labels: dict[str, dict] = {i: {"id": i, "name": i, "type": "system"} for i in _SYSTEM}
        self.drafts: dict[str, str] = {}  # draft id -> message id
        self.attachments: dict[str, bytes] = {}
        self.access_tokens = {"access-1"}
        self.refresh_tokens = {"refresh-1"}
        self.faults: list[Fault] = []
        self.counts: Counter = Counter()  # per methodId (batch parts counted one by one)
        self.units: Counter = Counter()
        self.round_trips = 0  # HTTP requests received (a batch is one)
        self.batches = 0
        self.send_attempts = 0
        self.log: list[tuple[str, dict]] = []
        self._ids = itertools.count(0x18000000000000)
        self._lock = threading.RLock()
        self.server: ThreadingHTTPServer | None = None

    # -- loading mail -------------------------------------------------------------------

    def load_mbox(self, path) -> None:
        data = open(path, "rb").read()
        starts = [0] + [m.start() + 1 for m in re.finditer(rb"\nFrom ", data)]
        for a, b in zip(starts, starts[1:] + [len(data)]):
            chunk = data[a:b]
            first, _, raw = chunk.partition(b"\n")
            raw = re.sub(rb"(?m)^>(>*From )", rb"\1", raw)
            gm_id = first.split()[1].split(b"@")[0].decode()
            head = email.message_from_bytes(raw.split(b"\n\n", 1)[0] + b"\n\n", policy=compat32)
            thrid = head.get("X-GM-THRID", "").strip()
            labels = [x.strip() for x in str(head.get("X-Gmail-Labels", "")).split(",") if x.strip()]
            self.add_message(raw, thread_id=format(int(thrid), "x") if thrid.isdigit() else None,
                             labels=labels, msg_id=format(int(gm_id), "x") if gm_id.isdigit() else None,
                             strip_takeout=True)

    def add_message(self, raw: bytes, thread_id: str | None = None, labels=(), msg_id=None,
                    strip_takeout: bool = False) -> StoredMessage:
        """Store a message as Gmail would; Takeout's own headers are not part of the mail."""
        with self._lock:
            if strip_takeout:
                raw = re.sub(rb"(?mi)^X-(GM-THRID|Gmail-Labels):.*\n", b"", raw, count=2)
            msg_id = msg_id or format(next(self._ids), "x")
            thread_id = thread_id or msg_id
            ids = set()
            for name in labels:
                if name in _TAKEOUT_LABELS:
                    ids.add(_TAKEOUT_LABELS[name])
                elif name.startswith("Category "):
                    ids.add("CATEGORY_" + name.removeprefix("Category ").upper())
                elif name == "Opened":
                    continue
                else:
                    ids.add(self._label_id(name))
            mime = email.message_from_bytes(raw, policy=compat32)
            try:
                when = int(parsedate_to_datetime(mime["Date"]).timestamp() * 1000)
            except (TypeError, ValueError):
                when = 0
            self.history_id += 1
            m = StoredMessage(msg_id, thread_id, ids, raw, when, self.history_id)
            m.payload = self._payload(mime, "", m)
            m.words = {
                "subject": _words(_decoded(mime.get("Subject", ""))),
                "from": _words(_decoded(mime.get("From", ""))),
                "any": _words(_decoded(mime.get("Subject", "")) + " " + _text_of(mime)),
            }
            self.messages[msg_id] = m
            self.threads.setdefault(thread_id, []).append(msg_id)
            self.history.append((self.history_id, {"messagesAdded": [{"message": self._ref(m)}]}))
            return m

    def _label_id(self, name: str) -> str:
        for label in self.labels.values():
            if label["name"] == name:
                return label["id"]
        lid = f"Label_{len(self.labels) + 1}"
        self.labels[lid] = {"id": lid, "name": name, "type": "user"}
        return lid

    def _payload(self, part, part_id: str, m: StoredMessage) -> dict:
        headers = [{"name": k, "value": _decoded(v)} for k, v in part.items()]
        out = {"partId": part_id, "mimeType": part.get_content_type(),
               "filename": part.get_filename() or "", "headers": headers}
        if part.is_multipart():
            out["body"] = {"size": 0}
            out["parts"] = [
                self._payload(child, f"{part_id}.{i}" if part_id else str(i), m)
                for i, child in enumerate(part.get_payload())
            ]
            return out
        data = part.get_payload(decode=True) or b""
        if out["filename"]:  # Gmail serves named parts separately
            aid = f"att-{m.id}-{(part_id or '0').replace('.', '_')}"  # base64url, as Gmail's: no dots
            self.attachments[aid] = data
            out["body"] = {"size": len(data), "attachmentId": aid}
        else:
            out["body"] = {"size": len(data), "data": _b64(data)}
        return out

    def modify(self, msg_id: str, add=(), remove=()) -> None:
        with self._lock:
            m = self.messages[msg_id]
            added, removed = set(add) - m.labels, set(remove) & m.labels
            if not added and not removed:
                return
            m.labels = (m.labels | added) - removed
            self.history_id += 1
            m.history_id = self.history_id
            if added:
                self.history.append((self.history_id, {"labelsAdded": [
                    {"message": self._ref(m), "labelIds": sorted(added)}]}))
            if removed:
                self.history.append((self.history_id, {"labelsRemoved": [
                    {"message": self._ref(m), "labelIds": sorted(removed)}]}))

    def _ref(self, m: StoredMessage) -> dict:
        return {"id": m.id, "threadId": m.thread_id, "labelIds": sorted(m.labels)}

    def thread_history_id(self, tid: str) -> int:
        return max(self.messages[i].history_id for i in self.threads[tid])

    # -- faults and counters ------------------------------------------------------------

    def fail(self, method: str, status: int, times: int = 1, retry_after: str | None = None,
             reason: str = "", in_batch: bool | None = None) -> None:
        self.faults.append(Fault(method, status, times, retry_after, reason, in_batch))

    def reset_counts(self) -> None:
        self.counts.clear()
        self.units.clear()
        self.round_trips = self.batches = 0
        self.log.clear()

    @property
    def total_units(self) -> int:
        return sum(self.units.values())

    def _fault(self, method: str, in_batch: bool):
        for f in self.faults:
            if f.times > 0 and f.method in (method, "*") and f.in_batch in (None, in_batch):
                f.times -= 1
                body = {"error": {"code": f.status, "message": "injected",
                                  "errors": [{"reason": f.reason or "backendError",
                                              "message": "injected"}]}}
                headers = {"Retry-After": f.retry_after} if f.retry_after else {}
                return f.status, headers, body
        return None

    # -- HTTP ----------------------------------------------------------------------------

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls on keep-alive

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, headers, content = fake.handle_http(
                    self.command, self.path, dict(self.headers.items()), body)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _any

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                         daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def handle_http(self, verb: str, path: str, headers: dict, body: bytes):
        with self._lock:
            self.round_trips += 1
        split = urlsplit(path)
        _record(verb, split.path, False)
        if "/send" in split.path:
            self.send_attempts += 1
            return _json(400, {"error": {"code": 400, "message": "this fake never sends"}})
        if split.path == "/token":
            return self._token(parse_qs(body.decode()))
        if split.path == "/revoke":
            token = parse_qs(body.decode()).get("token", [""])[0]
            self.refresh_tokens.discard(token)
            self.access_tokens.discard(token)
            return _json(200, {})
        if split.path == "/auth":
            q = parse_qs(split.query)
            target = q["redirect_uri"][0] + "?" + urlencode(
                {"code": "code-1", "state": q.get("state", [""])[0], "scope": q["scope"][0]})
            return 302, {"Location": target}, b""
        auth = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if split.path in ("/batch/gmail/v1", "/batch"):
            if not self._authorized(auth):
                return _json(401, {"error": {"code": 401, "status": "UNAUTHENTICATED"}})
            self.batches += 1
            fault = self._fault("batch", False)
            if fault:
                return _json(fault[0], fault[2], fault[1])
            return self._batch(headers, body, auth)
        query = parse_qs(split.query)
        override = {k.lower(): v for k, v in headers.items()}.get("x-http-method-override")
        if verb == "POST" and override:  # a long GET sent as a POST, its query in the body
            verb, query, body = override, {**query, **parse_qs(body.decode())}, b""
        status, extra, data = self.call(verb, split.path, query, body, auth, False)
        return _json(status, data, extra)

    def _authorized(self, auth: str) -> bool:
        return auth.startswith("Bearer ") and auth[7:] in self.access_tokens

    def _token(self, form: dict):
        grant = form.get("grant_type", [""])[0]
        if grant == "refresh_token":
            if form.get("refresh_token", [""])[0] not in self.refresh_tokens:
                return _json(400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."})
            refresh = None
        elif grant == "authorization_code" and form.get("code", [""])[0] == "code-1":
            refresh = f"refresh-{len(self.refresh_tokens) + 1}"
            self.refresh_tokens.add(refresh)
        else:
            return _json(400, {"error": "invalid_grant"})
        token = f"access-{len(self.access_tokens) + 2}"
        self.access_tokens.add(token)
        answer = {"access_token": token, "expires_in": 3600, "token_type": "Bearer",
                  "scope": " ".join(self.granted_scopes)}
        if refresh:
            answer["refresh_token"] = refresh
        return _json(200, answer)

    granted_scopes = SCOPE_ALL

    def _batch(self, headers: dict, body: bytes, auth: str):
        ctype = {k.lower(): v for k, v in headers.items()}["content-type"]
        mime = email.message_from_bytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
        parts = mime.get_payload()
        if len(parts) > 100:
            return _json(400, {"error": {"code": 400, "message": "too many requests in a batch"}})
        out = []
        for part in parts:
            inner = part.get_payload(decode=False)
            if isinstance(inner, list):
                inner = inner[0].as_string()
            head, _, inner_body = inner.replace("\r\n", "\n").partition("\n\n")
            request_line, *header_lines = head.split("\n")
            verb, target, _ = request_line.split(" ")
            part_auth = auth
            for line in header_lines:
                if line.lower().startswith("authorization:"):
                    part_auth = line.split(":", 1)[1].strip()
            split = urlsplit(target)
            _record(verb, split.path, True)
            if "/send" in split.path:
                self.send_attempts += 1
                status, extra, data = 400, {}, {"error": {"code": 400, "message": "never sends"}}
            else:
                status, extra, data = self.call(verb, split.path, parse_qs(split.query),
                                                inner_body.encode(), part_auth, True)
            cid = part["Content-ID"].strip("<>")
            lines = [f"HTTP/1.1 {status} {'OK' if status < 300 else 'Error'}",
                     "Content-Type: application/json; charset=UTF-8"]
            lines += [f"{k}: {v}" for k, v in extra.items()]
            out.append(
                "--batch_fake\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-{cid}>\r\n\r\n" + "\r\n".join(lines) + "\r\n\r\n"
                + json.dumps(data) + "\r\n"
            )
        content = ("".join(out) + "--batch_fake--\r\n").encode()
        return 200, {"Content-Type": "multipart/mixed; boundary=batch_fake"}, content

    # -- the API -------------------------------------------------------------------------

    ROUTES = [
        ("GET", r"profile", "gmail.users.getProfile"),
        ("GET", r"threads", "gmail.users.threads.list"),
        ("GET", r"threads/(?P<id>[\w-]+)", "gmail.users.threads.get"),
        ("POST", r"threads/(?P<id>[\w-]+)/modify", "gmail.users.threads.modify"),
        ("GET", r"messages/(?P<id>[\w-]+)", "gmail.users.messages.get"),
        ("GET", r"messages/(?P<mid>[\w-]+)/attachments/(?P<id>[\w-]+)", "gmail.users.messages.attachments.get"),
        ("GET", r"history", "gmail.users.history.list"),
        ("GET", r"labels", "gmail.users.labels.list"),
        ("POST", r"labels", "gmail.users.labels.create"),
        ("GET", r"drafts", "gmail.users.drafts.list"),
        ("GET", r"drafts/(?P<id>[\w-]+)", "gmail.users.drafts.get"),
        ("POST", r"drafts", "gmail.users.drafts.create"),
        ("PUT", r"drafts/(?P<id>[\w-]+)", "gmail.users.drafts.update"),
    ]

    def call(self, verb, path, query, body, auth, in_batch):
        prefix = "/gmail/v1/users/me/"
        if not path.startswith(prefix):
            return 404, {}, {"error": {"code": 404, "message": f"no such endpoint {path}"}}
        rest = path[len(prefix):]
        for route_verb, pattern, method in self.ROUTES:
            match = re.fullmatch(pattern, rest)
            if route_verb == verb and match:
                break
        else:
            return 404, {}, {"error": {"code": 404, "message": f"no such method {verb} {rest}"}}
        with self._lock:
            self.counts[method] += 1
            self.units[method] += UNITS[method]
            self.log.append((method, {**{k: v[0] for k, v in query.items()}, "_path": rest}))
            if not self._authorized(auth):
                return 401, {}, {"error": {"code": 401, "status": "UNAUTHENTICATED"}}
            fault = self._fault(method, in_batch)
            if fault:
                return fault
            q = {k: v if len(v) > 1 else v[0] for k, v in query.items()}
            data = json.loads(body) if body.strip() else {}
            handler = getattr(self, "_" + method.rsplit(".", 2)[-2] + "_" + method.rsplit(".", 1)[-1]
                              if method.count(".") > 2 else "_getProfile")
            return handler(q, data, **match.groupdict())

    def _getProfile(self, q, data):
        return 200, {}, {"emailAddress": self.email, "messagesTotal": len(self.messages),
                         "threadsTotal": len(self.threads), "historyId": str(self.history_id)}

    def _visible(self, m: StoredMessage) -> bool:
        return not m.labels & {"SPAM", "TRASH"}

    def _threads_list(self, q, data):
        query = q.get("q", "")
        test = parse_query(query) if query else (lambda m, labels: True)
        label_filter = q.get("labelIds")
        label_filter = [label_filter] if isinstance(label_filter, str) else (label_filter or [])
        names = {lid: lab["name"].lower() for lid, lab in self.labels.items()}
        matches = []
        for tid, ids in self.threads.items():
            msgs = [self.messages[i] for i in ids if self._visible(self.messages[i])]
            if label_filter and not any(set(label_filter) <= m.labels for m in msgs):
                continue
            if any(test(m, {names.get(x, x.lower()) for x in m.labels} | {x.lower() for x in m.labels})
                   for m in msgs):
                matches.append((max(m.internal_date for m in msgs), tid))
        matches.sort(reverse=True)
        start = int(q.get("pageToken") or 0)
        size = min(int(q.get("maxResults") or 100), 500)
        page = matches[start:start + size]
        out = {"threads": [{"id": t, "snippet": "", "historyId": str(self.thread_history_id(t))}
                           for _, t in page], "resultSizeEstimate": len(matches)}
        if start + size < len(matches):
            out["nextPageToken"] = str(start + size)
        if not page:
            out.pop("threads")
        return 200, {}, out

    def _threads_get(self, q, data, id):
        if id not in self.threads:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        fmt = q.get("format", "full")
        msgs = [self._message_json(self.messages[i], fmt) for i in self.threads[id]]
        if "fields" in q and "sizeEstimate" not in q["fields"]:  # partial response: only what was asked
            for m in msgs:
                m.pop("sizeEstimate")
        return 200, {}, {"id": id, "historyId": str(self.thread_history_id(id)), "messages": msgs}

    def _threads_modify(self, q, data, id):
        if id not in self.threads:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        for mid in self.threads[id]:
            self.modify(mid, data.get("addLabelIds", []), data.get("removeLabelIds", []))
        return 200, {}, {"id": id, "historyId": str(self.thread_history_id(id))}

    def _message_json(self, m: StoredMessage, fmt: str) -> dict:
        out = {"id": m.id, "threadId": m.thread_id, "labelIds": sorted(m.labels), "snippet": "",
               "historyId": str(m.history_id), "internalDate": str(m.internal_date),
               "sizeEstimate": len(m.raw)}
        if fmt == "raw":
            out["raw"] = _b64(m.raw)
        elif fmt in ("full", "metadata"):
            out["payload"] = m.payload
        return out

    def _messages_get(self, q, data, id):
        if id not in self.messages:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        return 200, {}, self._message_json(self.messages[id], q.get("format", "full"))

    def _attachments_get(self, q, data, mid, id):
        if id not in self.attachments:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        raw = self.attachments[id]
        return 200, {}, {"size": len(raw), "data": _b64(raw)}

    def _history_list(self, q, data):
        start = int(q["startHistoryId"])
        if start < self.expired_below:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        records = [dict(r, id=str(h)) for h, r in self.history if h > start]
        size = int(q.get("maxResults") or 100)
        out = {"historyId": str(self.history_id)}
        if records:
            out["history"] = records[:size]
        if len(records) > size:
            out["nextPageToken"] = "more"
        return 200, {}, out

    def _labels_list(self, q, data):
        return 200, {}, {"labels": list(self.labels.values())}

    def _labels_create(self, q, data):
        name = data.get("name", "")
        if any(label["name"].lower() == name.lower() for label in self.labels.values()):
            return 409, {}, {"error": {"code": 409, "message": "Label name exists or conflicts"}}
        lid = self._label_id(name)
        return 200, {}, self.labels[lid]

    drafts_page_max = 500  # Gmail's cap on maxResults for drafts.list; tests may lower it

    def _drafts_list(self, q, data):
        out = [{"id": d, "message": {"id": mid, "threadId": self.messages[mid].thread_id}}
               for d, mid in self.drafts.items()]
        start = int(q.get("pageToken") or 0)
        size = min(int(q.get("maxResults") or 100), self.drafts_page_max)
        page = out[start:start + size]
        answer = {"drafts": page} if page else {}
        if start + size < len(out):
            answer["nextPageToken"] = str(start + size)
        return 200, {}, answer

    def _drafts_get(self, q, data, id):
        if id not in self.drafts:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        m = self.messages[self.drafts[id]]
        return 200, {}, {"id": id, "message": self._message_json(m, q.get("format", "full"))}

    def _store_draft(self, data, draft_id):
        message = data.get("message") or {}
        raw = base64.urlsafe_b64decode(message.get("raw", "") + "==")
        tid = message.get("threadId")
        if tid and tid not in self.threads:
            return None
        m = self.add_message(raw, thread_id=tid, labels=["Drafts"])
        old = self.drafts.get(draft_id)
        if old:
            self.threads[self.messages[old].thread_id].remove(old)
            del self.messages[old]
        self.drafts[draft_id] = m.id
        return {"id": draft_id, "message": {"id": m.id, "threadId": m.thread_id, "labelIds": ["DRAFT"]}}

    def _drafts_create(self, q, data):
        out = self._store_draft(data, f"r{len(self.drafts) + 1000}")
        if out is None:
            return 404, {}, {"error": {"code": 404, "message": "thread not found"}}
        return 200, {}, out

    def _drafts_update(self, q, data, id):
        if id not in self.drafts:
            return 404, {}, {"error": {"code": 404, "message": "Requested entity was not found."}}
        return 200, {}, self._store_draft(data, id)


# -- every request any fake server received, for the suite's never-send check -----------

@dataclass(frozen=True)
class Received:
    verb: str
    path: str
    in_batch: bool

    @property
    def forbidden(self) -> bool:
        """A request that would send, import, insert, delete or trash mail, however reached."""
        return forbidden(self.verb, self.path)

    @property
    def api(self) -> bool:
        """A Gmail API request (the OAuth endpoints are google-auth's, not the transport's)."""
        return not self.in_batch and self.path not in ("/token", "/revoke", "/auth")


RECEIVED: list[Received] = []
_RECEIVED_LOCK = threading.Lock()
_FORBIDDEN = re.compile(r"/(send|import|trash|untrash|batchDelete|batchModify|watch|stop)(/|$)", re.I)


def forbidden(verb: str, path: str) -> bool:
    verb = verb.upper()
    if verb == "DELETE" or _FORBIDDEN.search(path):
        return True
    # messages.insert is a POST to the collection itself
    return verb in ("POST", "PUT") and re.search(r"/users/[^/]+/messages/?$", path) is not None


def _record(verb: str, path: str, in_batch: bool) -> None:
    with _RECEIVED_LOCK:
        RECEIVED.append(Received(verb, path, in_batch))


# -- a small Gmail search -----------------------------------------------------------------

_TOKEN = re.compile(r'\(|\)|\{|\}|"[^"]*"|-?[^\s(){}"]+:?')


def parse_query(query: str):
    """Gmail search, the part the tool's queries use: words, "phrases", field:word,
    field:(a OR b), {a b}, (groups), OR, -negation; fields subject, from, in, label,
    category. Anything else is an error, so a query the fake cannot judge fails loudly."""
    tokens = _TOKEN.findall(query)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def expr(field_name, stop):
        alternatives = [conj(field_name, stop)]
        while peek() == "OR":
            take()
            alternatives.append(conj(field_name, stop))
        return lambda m, labels: any(a(m, labels) for a in alternatives)

    def conj(field_name, stop):
        terms = []
        while peek() is not None and peek() not in (stop, "OR"):
            terms.append(unary(field_name))
        return lambda m, labels: all(t(m, labels) for t in terms)

    def unary(field_name):
        token = peek()
        if token.startswith("-") and len(token) > 1:
            tokens[pos] = token[1:]
            inner = unary(field_name)
            return lambda m, labels: not inner(m, labels)
        return atom(field_name)

    def atom(field_name):
        token = take()
        if token == "(":
            inner = expr(field_name, ")")
            take()
            return inner
        if token == "{":
            alternatives = []
            while peek() != "}":
                alternatives.append(unary(field_name))
            take()
            return lambda m, labels: any(a(m, labels) for a in alternatives)
        if token.endswith(":") and peek() == "(":
            take()
            inner = expr(token[:-1].lower(), ")")
            take()
            return inner
        if ":" in token and not token.startswith('"'):
            name, value = token.split(":", 1)
            return leaf(name.lower(), value)
        return leaf(field_name, token)

    def leaf(name, value):
        value = value.strip('"').lower()
        if name in ("in", "label"):
            wanted = {"chats": "chat", "sent": "sent", "inbox": "inbox"}.get(value, value)
            return lambda m, labels: wanted in labels
        if name == "category":
            wanted = "category_" + ("personal" if value == "primary" else value)
            return lambda m, labels: wanted in labels
        if name in ("subject", "from", "any"):
            words = value.split()
            return lambda m, labels: all(w in m.words[name] for w in words) and (
                len(words) == 1 or value in " ".join(m.words[name]))
        raise ValueError(f"the fake Gmail cannot evaluate '{name}:' in a query")

    result = expr("any", None)
    return result


# -- helpers ------------------------------------------------------------------------------

def _decoded(value) -> str:
    value = re.sub(r"\r?\n[ \t]+", " ", str(value))
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _text_of(mime) -> str:
    out = []
    for part in mime.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            data = part.get_payload(decode=True) or b""
            out.append(data.decode(part.get_content_charset() or "utf-8", "replace"))
    return " ".join(out)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _json(status: int, data, headers=None):
    out = {"Content-Type": "application/json; charset=UTF-8"}
    out.update(headers or {})
    return status, out, json.dumps(data).encode()


__all__ = ["FakeGmail", "Fault", "parse_query", "SCOPE_ALL", "SCOPE_READ", "parseaddr"]
