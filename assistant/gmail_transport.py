"""The only road from this process to the Gmail API: a never-send guard, pacing and backoff.

Three layers, each enough on its own to stop a send:
- `GuardedRequest` (the client's `requestBuilder`) refuses to even build a request whose
  method is not on `ALLOWED_METHODS`, or whose URI mentions `/send`, and to execute one
  whose HTTP method and path are not exactly its own method's (`ROUTES`);
- `GuardedHttp` wraps the authorized transport and checks every request on the wire, the
  parts inside a multipart batch body included, against exact (HTTP method, path) pairs:
  the verb and path of each allowed method (`ROUTES`), with ids that can only be ids (a
  message or thread id is hex, a draft id is r + digits), so neither `DELETE messages/ID`
  nor `POST messages/batchDelete`, `import`, `send`, `trash` gets through. An
  X-HTTP-Method-Override header counts as the method;
- header names and values are read as text whether given as str or bytes, so an
  override spelt b"X-HTTP-Method-Override" is seen too.
The test suite checks the behaviour, not the text: its fake Gmail server records every
request it receives, each must have passed this guard (`PASSED`), and a request to a
send, import, insert, delete or trash path fails the test (tests/conftest.py).

`Pacer` is a token bucket charged with each method's quota cost before a request (or each
part of a batch) leaves, so Google rarely has to say 429 (the Got Your Back approach).
`execute` and `run_batch` retry 429, 403 rate-limit and 5xx answers with exponential
backoff and jitter, honouring Retry-After; a request that creates something is retried
only when the answer proves it did not happen (429 and 403 rate limits are refusals;
a 5xx or a dropped connection may have created it).
"""

from __future__ import annotations

import json
import random
import re
import socket
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from assistant.errors import FollowupError

DEFAULT_ROOT = "https://gmail.googleapis.com/"

# Quota units per method (developers.google.com/gmail/api/reference/quota).
UNITS = {
    "gmail.users.getProfile": 1,
    "gmail.users.threads.list": 10,
    "gmail.users.threads.get": 10,
    "gmail.users.threads.modify": 10,
    "gmail.users.messages.attachments.get": 5,
    "gmail.users.history.list": 2,
    "gmail.users.labels.list": 1,
    "gmail.users.labels.create": 5,
    "gmail.users.drafts.list": 5,
    "gmail.users.drafts.get": 5,
    "gmail.users.drafts.create": 10,
    "gmail.users.drafts.update": 15,
}
# Everything the tool may call. Send, delete, trash, import, insert, watch: none of them.
ALLOWED_METHODS = frozenset(UNITS)
# Methods that create something: never retried unless the answer proves nothing happened.
CREATES = frozenset({"gmail.users.drafts.create", "gmail.users.labels.create"})

# The HTTP method and path (under /gmail/v1/users/me/) of each allowed method, exactly.
# Message and thread ids are hex; draft ids are "r" and digits (possibly negative);
# none of them can spell send, import, trash, untrash, batchDelete or batchModify.
_HEX = r"[0-9a-fA-F]{1,32}"
_DRAFT = r"r-?[0-9]{1,24}"
_ATTACHMENT = r"[A-Za-z0-9_-]+"  # opaque, but only ever read (GET)
ROUTES = {
    "gmail.users.getProfile": ("GET", "profile"),
    "gmail.users.threads.list": ("GET", "threads"),
    "gmail.users.threads.get": ("GET", f"threads/{_HEX}"),
    "gmail.users.threads.modify": ("POST", f"threads/{_HEX}/modify"),
    "gmail.users.messages.attachments.get": ("GET", f"messages/{_HEX}/attachments/{_ATTACHMENT}"),
    "gmail.users.history.list": ("GET", "history"),
    "gmail.users.labels.list": ("GET", "labels"),
    "gmail.users.labels.create": ("POST", "labels"),
    "gmail.users.drafts.list": ("GET", "drafts"),
    "gmail.users.drafts.get": ("GET", f"drafts/{_DRAFT}"),
    "gmail.users.drafts.create": ("POST", "drafts"),
    "gmail.users.drafts.update": ("PUT", f"drafts/{_DRAFT}"),
}
_USER_PATH = "/gmail/v1/users/me/"
_ROUTES = {method: (verb, re.compile(re.escape(_USER_PATH) + path))
           for method, (verb, path) in ROUTES.items()}
_BATCH_PATH = "/batch/gmail/v1"
_OVERRIDE = "x-http-method-override"
# Anything in a batch body that looks like a request line, however oddly spelt.
_LOOSE_REQUEST_LINE = re.compile(r"^[ \t]*(\S+)[ \t]+(\S+)[ \t]+HTTP/", re.MULTILINE | re.IGNORECASE)
_REQUEST_LINE = re.compile(r"([A-Z]+) (\S+) HTTP/1\.1")
MAX_BATCH = 50  # Gmail's advice: larger batches trigger rate limiting


def _sleep(seconds: float) -> None:
    """Module-level so tests can make every wait instant (monkeypatch SLEEP)."""
    SLEEP(seconds)


SLEEP = time.sleep


class GmailApiError(FollowupError):
    """An API answer the user can act on; `status` lets callers treat 404 as 'gone'."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status


class SendRefused(FollowupError):
    """A request to send mail, or to a method the tool never uses, was stopped in-process."""


def _refuse(what: str) -> SendRefused:
    return SendRefused(f"refused {what}: followup never sends mail and calls only "
                       f"the Gmail methods it needs")


def _text(value) -> str:
    """A header name or value as text, whether given as str or bytes (httplib2 takes both)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return str(value)


def _header_values(headers, name: str) -> list[str]:
    """Every value of header `name`, its name matched in any case and as str or bytes."""
    return [_text(v) for k, v in (headers or {}).items() if _text(k).strip().lower() == name]


def _effective_verb(verb: str, headers) -> str:
    """The method Google will act on: X-HTTP-Method-Override, allowed only on a POST."""
    verb = _text(verb)
    override = _header_values(headers, _OVERRIDE)
    if not override:
        return verb
    if verb != "POST" or len(override) != 1:
        raise _refuse(f"{verb} with {_OVERRIDE}: {', '.join(override)}")
    return override[0].strip()


def check_request(verb: str, path: str, headers=None, method_id: str | None = None) -> None:
    """Refuse unless (verb, path) is exactly an allowed method's (that of `method_id` if given)."""
    verb, path = _text(verb), _text(path)
    what = f"{verb} {path}"
    effective = _effective_verb(verb, headers)
    if "/send" in path:
        raise _refuse(what)
    routes = [_ROUTES[method_id]] if method_id in _ROUTES else [] if method_id else _ROUTES.values()
    if not any(effective == v and pattern.fullmatch(path) for v, pattern in routes):
        raise _refuse(f"{effective} {path}" if effective != verb else what)


def check_batch(body, headers, prefix: str) -> int:
    """Check every part of a multipart batch body as its own request; returns the part count.

    The body is read the way the server reads it (MIME parts, each an application/http
    request line and headers), and, as a second net, every line anywhere in it that looks
    like a request line must be an allowed one too.
    """
    import email
    from email import policy

    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
    ctype = next(iter(_header_values(headers, "content-type")), "")
    if not ctype.lower().startswith("multipart/"):
        raise _refuse("a batch request that is not multipart")
    mime = email.message_from_string(f"Content-Type: {ctype}\r\n\r\n{text}", policy=policy.compat32)
    parts = mime.get_payload() if mime.is_multipart() else None
    if not parts or not isinstance(parts, list):
        raise _refuse("an empty or unreadable batch request")
    checked = set()
    for part in parts:
        inner = part.get_payload(decode=False)
        if isinstance(inner, list):  # a message/http part parsed as a message
            inner = inner[0].as_string() if inner else ""
        head = str(inner).replace("\r\n", "\n").lstrip("\n").split("\n\n", 1)[0]
        request_line, *header_lines = head.split("\n")
        found = _REQUEST_LINE.fullmatch(request_line.rstrip())
        if not found:
            raise _refuse(f"a batch part that is not a plain request ({request_line[:60]!r})")
        part_headers = {}
        for line in header_lines:
            name, sep, value = line.partition(":")
            if not sep:
                continue
            if name.strip().lower() == _OVERRIDE and _OVERRIDE in part_headers:
                raise _refuse("a batch part with two method overrides")
            part_headers[name.strip().lower()] = value.strip()
        verb, target = found.groups()
        check_request(verb, urlsplit(target).path.removeprefix(prefix), part_headers)
        checked.add((verb, target))
    for verb, target in _LOOSE_REQUEST_LINE.findall(text):
        if (verb, target) in checked:
            continue
        if not re.fullmatch(r"[A-Z]+", verb):
            raise _refuse(f"a batch line that looks like a request: {verb} {target[:60]}")
        check_request(verb, urlsplit(target).path.removeprefix(prefix))
    return len(parts)


def make_request_builder():
    """The `requestBuilder` for `discovery.build`: refuses unknown methods at construction."""
    from googleapiclient.http import HttpRequest

    class GuardedRequest(HttpRequest):
        def __init__(self, http, postproc, uri, method="GET", body=None, headers=None,
                     methodId=None, resumable=None):
            if methodId not in ALLOWED_METHODS or "/send" in uri:
                raise SendRefused(f"refused {methodId or uri}: followup never sends mail and "
                                  f"calls only the Gmail methods it needs")
            super().__init__(http, postproc, uri, method=method, body=body, headers=headers,
                             methodId=methodId, resumable=resumable)

        def execute(self, http=None, num_retries=0):
            check_request(self.method, urlsplit(self.uri).path.removeprefix(_root_path(self.uri)),
                          self.headers, method_id=self.methodId)
            return super().execute(http=http, num_retries=num_retries)

    return GuardedRequest


def _root_path(uri: str) -> str:
    """The API may sit under a path prefix (a test server, a proxy): strip up to /gmail/."""
    path = urlsplit(uri).path
    i = path.find("/gmail/v1/")
    return path[:i] if i > 0 else ""


class GuardedHttp:
    """Wraps the authorized httplib2 transport; checks every outgoing request on the wire."""

    def __init__(self, http, root: str):
        self._http = http
        self._root = root.rstrip("/")
        self._prefix = urlsplit(self._root).path.rstrip("/")
        self.requests = 0

    def __getattr__(self, name):  # credentials, timeout, close... belong to the wrapped one
        return getattr(self._http, name)

    def request(self, uri, method="GET", body=None, headers=None, **kwargs):
        uri, method = _text(uri), _text(method)
        if not uri.startswith(self._root + "/"):
            raise SendRefused(f"refused a request outside the Gmail API root: {urlsplit(uri).netloc}")
        path = urlsplit(uri).path.removeprefix(self._prefix)
        if path == _BATCH_PATH:
            if method != "POST" or _effective_verb(method, headers) != "POST":
                raise _refuse(f"{method} {path}")
            check_batch(body, headers, self._prefix)
        else:
            check_request(method, path, headers)
        self.requests += 1
        for hook in PASSED:
            hook(method, uri)
        return self._http.request(uri, method=method, body=body, headers=headers, **kwargs)


PASSED: list[Callable[[str, str], None]] = []  # told of each request the guard let through (tests)


@dataclass
class Pacer:
    """Token bucket: `units_per_minute` refill, a bucket of `burst` units; injectable clock."""

    units_per_minute: float = 6000 * 0.9  # below the per-user quota, with a margin
    burst: float = 2500
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] | None = None
    charged: int = 0
    waited: float = 0.0
    _tokens: float = field(default=-1.0, repr=False)
    _last: float = field(default=0.0, repr=False)

    def charge(self, units: int) -> None:
        now = self.clock()
        if self._tokens < 0:
            self._tokens, self._last = self.burst, now
        rate = self.units_per_minute / 60.0
        self._tokens = min(self.burst, self._tokens + (now - self._last) * rate)
        self._last = now
        if self._tokens < units:
            wait = (units - self._tokens) / rate
            self.waited += wait
            (self.sleep or _sleep)(wait)
            self._tokens, self._last = units, self._last + wait
        self._tokens -= units
        self.charged += units


@dataclass
class Backoff:
    """Exponential backoff with full jitter, at least Retry-After; sleep is injectable."""

    base: float = 1.0
    cap: float = 64.0
    attempts: int = 7
    sleep: Callable[[float], None] | None = None
    rng: random.Random = field(default_factory=random.Random)
    slept: float = 0.0

    def wait(self, attempt: int, retry_after: float | None = None) -> None:
        delay = self.rng.uniform(0, min(self.cap, self.base * 2 ** attempt))
        if retry_after is not None:
            delay = max(delay, retry_after)
        self.slept += delay
        (self.sleep or _sleep)(delay)


def _reason(error) -> str:
    try:
        data = json.loads(error.content.decode("utf-8", "replace"))
        err = data.get("error", {})
        reasons = [e.get("reason", "") for e in err.get("errors", [])]
        return ",".join(r for r in reasons if r) or str(err.get("status", ""))
    except (ValueError, AttributeError):
        return ""


def retry_after(resp) -> float | None:
    value = (resp or {}).get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None  # an HTTP date: fall back to our own backoff


def is_retryable(error) -> bool:
    status = error.resp.status
    if status == 429 or status >= 500:
        return True
    return status == 403 and ("rateLimitExceeded" in _reason(error)
                              or "userRateLimitExceeded" in _reason(error))


def refused_before_happening(error) -> bool:
    """429 and 403 rate limits are refusals: the request did nothing, a retry is safe."""
    return error.resp.status in (429, 403)


_TRANSPORT_ERRORS: tuple = (OSError, socket.timeout)


def _transport_errors() -> tuple:
    import httplib2

    return _TRANSPORT_ERRORS + (httplib2.HttpLib2Error,)


def execute(request, pacer: Pacer, backoff: Backoff):
    """Run one request: paced, retried on rate limits and 5xx, errors as one line."""
    from google.auth.exceptions import RefreshError, TransportError
    from googleapiclient.errors import HttpError

    method = request.methodId
    creates = method in CREATES
    for attempt in range(backoff.attempts):
        pacer.charge(UNITS.get(method, 10))
        try:
            return request.execute(num_retries=0)
        except HttpError as e:
            last = e
            if not is_retryable(e) or (creates and not refused_before_happening(e)):
                raise api_error(e, method) from None
            if attempt + 1 < backoff.attempts:
                backoff.wait(attempt, retry_after(e.resp))
        except RefreshError:
            raise signed_out() from None
        except SendRefused:
            raise
        except (TransportError, *_transport_errors()) as e:
            if creates:  # it may have happened: the caller must look before trying again
                raise FollowupError(f"Gmail API unreachable while creating ({method}): {e}; "
                                    f"run the command again, it will find what was made") from None
            last = e
            if attempt + 1 < backoff.attempts:
                backoff.wait(attempt)
    if isinstance(last, HttpError):
        raise api_error(last, method)
    raise FollowupError(f"Gmail API unreachable: {last}")


def signed_out() -> FollowupError:
    return FollowupError("Gmail sign-in expired or was revoked: run `followup auth login`")


def api_error(error, method: str) -> FollowupError:
    status = error.resp.status
    if status == 401:
        return signed_out()
    if status == 403 and "insufficient" in (_reason(error) + str(error.content)).lower():
        return GmailApiError("Gmail refused: the sign-in lacks the permission this needs; "
                             "run `followup auth login` again", status)
    if is_retryable(error):
        return GmailApiError(f"Gmail is rate-limiting or failing ({status} on {method}); "
                             f"try again in a few minutes", status)
    detail = _reason(error) or getattr(error, "reason", "") or ""
    return GmailApiError(f"Gmail API error {status} on {method}: {detail}".rstrip(": "), status)


def run_batch(service, batch_uri: str, items: list, make_request: Callable, on_result: Callable,
              pacer: Pacer, backoff: Backoff, on_missing: Callable | None = None,
              size: int = MAX_BATCH) -> int:
    """Fetch `items` in multipart batches of at most `size`; returns round trips made.

    `make_request(item)` builds one read request; `on_result(item, response)` gets each
    success as it arrives (so a ledger can record successes only). Parts that fail with a
    retryable error are re-queued after a backoff; the batch size halves after failures and
    doubles back on success (lieer). A 404 part (gone since it was listed) goes to
    `on_missing`. Only reads go through here: creations are never batched.
    """
    from google.auth.exceptions import RefreshError
    from googleapiclient.errors import HttpError
    from googleapiclient.http import BatchHttpRequest

    queue = list(items)
    tries: dict = {}
    trips = 0
    size = max(1, min(size, MAX_BATCH))
    current = size
    while queue:
        chunk, queue = queue[:current], queue[current:]
        failed: list = []
        waits: list[float] = []
        fatal: list = []

        def callback(request_id, response, exception, _chunk=chunk):
            item = _chunk[int(request_id)]
            if exception is None:
                on_result(item, response)
            elif isinstance(exception, HttpError) and exception.resp.status == 404 and on_missing:
                on_missing(item)
            elif isinstance(exception, HttpError) and is_retryable(exception):
                failed.append(item)
                waits.append(retry_after(exception.resp) or 0.0)
            else:
                fatal.append(exception)

        batch = BatchHttpRequest(callback=callback, batch_uri=batch_uri)
        method = None
        for i, item in enumerate(chunk):
            request = make_request(item)
            method = request.methodId
            batch.add(request, request_id=str(i))
        pacer.charge(UNITS.get(method, 10) * len(chunk))
        trips += 1
        try:
            batch.execute()
        except HttpError as e:  # the whole batch was refused
            if not is_retryable(e):
                raise api_error(e, "batch") from None
            failed, waits = list(chunk), [retry_after(e.resp) or 0.0]
        except RefreshError:
            raise signed_out() from None
        except SendRefused:
            raise
        except _transport_errors() as e:
            failed, waits = list(chunk), [0.0]
            if all(tries.get(_key(i), 0) + 1 >= backoff.attempts for i in chunk):
                raise FollowupError(f"Gmail API unreachable: {e}") from None
        if fatal:
            e = fatal[0]
            raise (api_error(e, method) if isinstance(e, HttpError) else FollowupError(str(e)))
        if failed:
            attempt = max(tries.get(_key(i), 0) for i in failed)
            for i in failed:
                tries[_key(i)] = tries.get(_key(i), 0) + 1
                if tries[_key(i)] >= backoff.attempts:
                    raise FollowupError(f"Gmail is rate-limiting or failing ({method}); "
                                        f"try again in a few minutes")
            queue = failed + queue
            current = max(1, current // 2)
            backoff.wait(attempt, max(waits) if waits else None)
        else:
            current = min(size, current * 2)
    return trips


def _key(item):
    return item if isinstance(item, (str, int, tuple)) else id(item)
