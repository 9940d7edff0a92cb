"""Header-first scanning: decide from headers alone which messages might be hiring mail.

A Takeout export holds years of mail, and parsing every body is what makes a naive reader
slow. These pure functions read only a message's header block (bytes), pick out the few
fields that threading and the first cut need, and say whether the message is a candidate.
Bodies are parsed later, and only for threads that contain a candidate.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email.header import decode_header, make_header

from assistant.senders import could_be_company, is_robot

_MSGID = re.compile(rb"<([^<>\s]+)>")
_ADDR = re.compile(rb"[\w.+'=-]+@[\w-]+(?:\.[\w-]+)+")
_FOLD = re.compile(rb"\r?\n[ \t]+")

# Words that put a subject in the running (recall matters here; the body pass decides).
# Sources: the subject lines of real ATS, recruiter and calendar mail (Greenhouse, Lever,
# Workday, Google Calendar invitations) and of the replies candidates send. Sets of whole
# words, because a regex alternation costs microseconds per subject, times 100,000 messages.
# Strong words are about hiring whoever sends them, robots included ("Thank you for
# applying" from no-reply@); weak ones only count from a person ("Quick chat?").
STRONG_WORDS = frozenset(
    """interview interviews interviewing interviewed application applications applying applied
    candidate candidates candidacy position positions role roles opportunity opportunities
    recruiter recruiters recruiting recruitment hiring offer onsite assessment""".split()
)
WEAK_WORDS = frozenset(
    """apply recruit hire offers steps job jobs career careers talent screen screening site
    home thank thanks follow followup following checking availability schedule scheduled
    scheduling reschedule rescheduled invitation invite introduction intro introducing update
    updates conversation chat call meeting decision feedback engineer engineering analyst
    developer designer scientist manager consultant architect""".split()
)
_WORD = re.compile(r"[a-z]+")


def hiring_subject(subject: str, from_robot: bool = False) -> bool:
    words = _WORD.findall(subject.lower())
    if not STRONG_WORDS.isdisjoint(words):
        return True
    # "Acme <> Jordan" is how introductions are written.
    return not from_robot and (not WEAK_WORDS.isdisjoint(words) or "<>" in subject)


@dataclass(frozen=True, slots=True)
class HeaderSummary:
    """What threading and the first cut need to know about one message."""

    subject: str
    gm_thread_id: str | None  # lowercase hex, as Gmail's API spells thread ids
    candidate: bool  # not bulk mail, and a subject that could be about hiring
    # Only needed to thread mail that has no Gmail thread id, so only read for such mail:
    message_id: str = ""
    parents: tuple[str, ...] = ()  # In-Reply-To then References, without brackets
    sender: str = ""  # lower-cased address
    recipients: tuple[str, ...] = ()


def summarize_headers(block: bytes) -> HeaderSummary:
    """Pick the threading and triage fields out of a raw header block.

    This runs once for every message in the mailbox, so it does as little as it can: a
    bytes.find for each field's usual spelling ("Subject:"), a lower-cased copy only when
    that fails, and only the fields that this message needs.
    """
    if not block.startswith(b"\n"):
        block = b"\n" + block
    lower = b""

    def get(name: bytes) -> bytes:
        nonlocal lower
        i = block.find(name)
        if i < 0:
            lower = lower or block.lower()
            i = lower.find(name.lower())
            if i < 0:
                return b""
        start = i + len(name)
        end = block.find(b"\n", start)
        while end >= 0 and block[end + 1 : end + 2] in (b" ", b"\t"):  # folded line
            end = block.find(b"\n", end + 1)
        return block[start : end if end >= 0 else len(block)].strip()

    subject = _text(get(b"\nSubject:"))
    sender = None
    candidate = hiring_subject(subject) and not _bulk(get)
    if candidate:
        sender = _ADDR.search(get(b"\nFrom:"))
        address = sender.group(0).decode("ascii", "replace").lower() if sender else ""
        candidate = could_be_company(address) and hiring_subject(subject, is_robot(address)) \
            and not _unsent(get)
    thrid = get(b"\nX-GM-THRID:")
    if thrid.isdigit() and len(thrid) <= 19 and int(thrid) < 2**63:  # else: thread by headers
        return HeaderSummary(subject, format(int(thrid), "x"), candidate)
    ids = _MSGID.findall(get(b"\nMessage-ID:"))
    sender = sender or _ADDR.search(get(b"\nFrom:"))
    return HeaderSummary(
        subject,
        None,
        candidate,
        message_id=ids[0].decode("ascii", "replace") if ids else "",
        parents=tuple(dict.fromkeys(
            p.decode("ascii", "replace")
            for p in _MSGID.findall(get(b"\nIn-Reply-To:")) + _MSGID.findall(get(b"\nReferences:"))
        )),
        sender=sender.group(0).decode("ascii", "replace").lower() if sender else "",
        recipients=tuple(
            a.decode("ascii", "replace").lower()
            for a in _ADDR.findall(get(b"\nTo:") + b" " + get(b"\nCc:"))
        ),
    )


_LABEL = re.compile(rb'(?:^|,)\s*"?(Sent|Drafts)"?\s*(?=,|$)')


def _unsent(get) -> bool:
    """A draft never makes a thread a candidate (mail.is_unsent, from the header block):
    Takeout's Drafts label without Sent, X-Unsent: 1, or this tool's draft marker."""
    labels = {m.group(1) for m in _LABEL.finditer(get(b"\nX-Gmail-Labels:"))}
    if b"Sent" in labels:
        return False
    return b"Drafts" in labels or get(b"\nX-Unsent:") == b"1" or bool(get(b"\nX-Followup-Draft:"))


def _bulk(get) -> bool:
    """Newsletters, alerts and robots announce themselves in their headers (RFC 2369, 3834)."""
    if get(b"\nList-Unsubscribe:") or get(b"\nList-Id:"):
        return True
    if get(b"\nPrecedence:").lower() in (b"bulk", b"list", b"junk"):
        return True
    auto = get(b"\nAuto-Submitted:").lower()
    return bool(auto) and auto != b"no"


def _text(value: bytes) -> str:
    """Unfold a header value and decode RFC 2047 words only where there are any."""
    value = _FOLD.sub(b" ", value).strip()
    text = value.decode("utf-8", "replace")
    if "=?" in text:
        try:
            text = str(make_header(decode_header(text)))
        except Exception:  # a broken encoded word must not stop a scan
            pass
    return text


_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|rv|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)


def base_subject(subject: str) -> str:
    """The subject without Re:/Fwd: prefixes, folded, for last-resort threading."""
    return " ".join(strip_reply_prefix(subject).lower().split())


def strip_reply_prefix(subject: str) -> str:
    """The subject without its Re:/Fwd:/AW:... prefixes, as written."""
    return _REPLY_PREFIX.sub("", subject).strip()


def is_reply_subject(subject: str) -> bool:
    return bool(_REPLY_PREFIX.match(subject))


def group_threads(summaries: list[HeaderSummary]) -> list[str]:
    """Give each message a thread id, in the order given.

    X-GM-THRID wins where present (its hex is Gmail's own id). Otherwise Message-ID,
    In-Reply-To and References chains are joined, so replies whose parent is missing still
    share a thread through the parent they name. Subject matching is the last resort, for a
    "Re:" with no references at all, and only between the same two correspondents.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression keeps chains short
            parent[x], x = root, parent[x]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    keys: list[str] = []
    for i, s in enumerate(summaries):
        if s.gm_thread_id:
            key = "g:" + s.gm_thread_id
        else:
            key = "m:" + (s.message_id or f"#{i}")
            for p in s.parents:
                union(key, "m:" + p)
        parent.setdefault(key, key)
        keys.append(key)

    # Last resort: a "Re:" without any references joins the thread of the same subject when
    # it answers a message of it (or follows one up from the same sender).
    by_subject: dict[str, list[int]] = {}
    for i, s in enumerate(summaries):
        if not s.gm_thread_id:
            by_subject.setdefault(base_subject(s.subject), []).append(i)
    for subject, members in by_subject.items():
        if len(members) < 2 or not subject:
            continue
        for i in members:
            s = summaries[i]
            if s.parents or not is_reply_subject(s.subject):
                continue
            for j in members:
                if j != i and _answers(s, summaries[j]):
                    union(keys[i], keys[j])
                    break

    # A thread is named after its first message in mailbox order, so new replies arriving
    # later never rename it.
    names: dict[str, str] = {}
    ids = []
    for key in keys:
        root = find(key)
        if root not in names:
            names[root] = key[2:] if key.startswith("g:") else _short_id(key[2:])
        ids.append(names[root])
    return ids


def _answers(reply: HeaderSummary, other: HeaderSummary) -> bool:
    if not reply.sender or not other.sender:
        return False
    if reply.sender == other.sender:
        return bool(set(reply.recipients) & set(other.recipients))
    return reply.sender in other.recipients and other.sender in reply.recipients


def _short_id(message_id: str) -> str:
    """A stable 16-hex-digit thread id for mail without Gmail's: from its root Message-ID."""
    return hashlib.sha1(message_id.encode("utf-8", "replace")).hexdigest()[:16]
