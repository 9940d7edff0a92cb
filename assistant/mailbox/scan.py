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

_FIELD = re.compile(
    rb"^(subject|from|to|cc|message-id|in-reply-to|references|x-gm-thrid|x-gmail-labels"
    rb"|list-unsubscribe|list-id|precedence|auto-submitted)[ \t]*:[ \t]*"
    rb"(.*(?:\r?\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_MSGID = re.compile(rb"<([^<>\s]+)>")
_ADDR = re.compile(rb"[\w.+'=-]+@[\w-]+(?:\.[\w-]+)+")
_FOLD = re.compile(rb"\r?\n[ \t]+")

# Words that put a subject in the running (recall matters here; the body pass decides).
# Sources: the subject lines of real ATS, recruiter and calendar mail (Greenhouse, Lever,
# Workday, Google Calendar invitations) and of the replies candidates send.
HIRING_SUBJECT = re.compile(
    r"interview|application|applying|applied|candida|position|\brole\b|opportunit|recruit"
    r"|hiring|\boffer\b|next steps|\bjob\b|career|talent|screen|on-?site|assessment"
    r"|take-home|thank you|thanks|follow(?:ing)?[ -]up|checking in|availability|schedul"
    r"|invitation|introduc|\bintro\b|update on|your time|conversation|chat with|call with"
    r"|meeting with|decision|feedback",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class HeaderSummary:
    """What threading and the first cut need to know about one message."""

    subject: str
    sender: str  # lower-cased address, "" when none
    recipients: tuple[str, ...]
    message_id: str
    parents: tuple[str, ...]  # In-Reply-To then References, without brackets
    gm_thread_id: str | None  # lowercase hex, as Gmail's API spells thread ids
    labels: str
    bulk: bool


def summarize_headers(block: bytes) -> HeaderSummary:
    """Pick the threading and triage fields out of a raw header block."""
    found: dict[bytes, bytes] = {}
    for m in _FIELD.finditer(block):
        name = m.group(1).lower()
        if name not in found:  # the first occurrence is the one that counts
            found[name] = m.group(2)
    get = found.get
    subject = _text(get(b"subject", b""))
    sender_match = _ADDR.search(get(b"from", b""))
    recipients = tuple(
        a.decode("ascii", "replace").lower()
        for a in _ADDR.findall(get(b"to", b"") + b" " + get(b"cc", b""))
    )
    ids = _MSGID.findall(get(b"message-id", b""))
    parents = tuple(
        dict.fromkeys(
            p.decode("ascii", "replace")
            for p in _MSGID.findall(get(b"in-reply-to", b"")) + _MSGID.findall(get(b"references", b""))
        )
    )
    thrid = get(b"x-gm-thrid", b"").strip()
    precedence = get(b"precedence", b"").strip().lower()
    auto = get(b"auto-submitted", b"").strip().lower()
    bulk = (
        b"list-unsubscribe" in found
        or b"list-id" in found
        or precedence in (b"bulk", b"list", b"junk")
        or (bool(auto) and auto != b"no")
    )
    return HeaderSummary(
        subject=subject,
        sender=sender_match.group(0).decode("ascii", "replace").lower() if sender_match else "",
        recipients=recipients,
        message_id=ids[0].decode("ascii", "replace") if ids else "",
        parents=parents,
        gm_thread_id=format(int(thrid), "x") if thrid.isdigit() else None,
        labels=_text(get(b"x-gmail-labels", b"")),
        bulk=bulk,
    )


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


def is_candidate(summary: HeaderSummary, me: frozenset[str]) -> bool:
    """Could this message belong to a hiring process? Generous on purpose."""
    if summary.bulk:
        return False
    if summary.sender in me or "Sent" in summary.labels.split(","):
        # My own mail joins a process through the thread; it does not start one.
        return False
    return bool(HIRING_SUBJECT.search(summary.subject))


_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|rv|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)


def base_subject(subject: str) -> str:
    """The subject without Re:/Fwd: prefixes, folded, for last-resort threading."""
    return " ".join(_REPLY_PREFIX.sub("", subject).lower().split())


def is_reply_subject(subject: str) -> bool:
    return bool(_REPLY_PREFIX.match(subject))


def group_threads(summaries: list[HeaderSummary], me: frozenset[str]) -> list[str]:
    """Give each message a thread id, in the order given.

    X-GM-THRID wins where present (its hex is Gmail's own id). Otherwise Message-ID,
    In-Reply-To and References chains are joined, so replies whose parent is missing still
    share a thread through the parent they name. Subject matching is the last resort, for a
    "Re:" with no references at all, and only when it shares a correspondent.
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

    # Last resort: a "Re:" without any references joins the thread of the same subject
    # with a correspondent in common.
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
            people = ({s.sender} | set(s.recipients)) - me
            for j in members:
                if j == i:
                    continue
                t = summaries[j]
                if people & (({t.sender} | set(t.recipients)) - me):
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


def _short_id(message_id: str) -> str:
    """A stable 16-hex-digit thread id for mail without Gmail's: from its root Message-ID."""
    return hashlib.sha1(message_id.encode("utf-8", "replace")).hexdigest()[:16]
