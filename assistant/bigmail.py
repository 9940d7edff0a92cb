"""Big mail in bounded memory: only the parts the tool reads are kept for the MIME parser.

The standard library's parser holds a message several times over (the bytes, a str copy,
a list of its lines, each part's joined payload): a 200 MB message took 4 GB. Nothing the
tool reads is in an attachment, so before a big message is parsed its bytes are walked
once, with `bytes.find`, and every part that is not text (text/plain, text/html, a calendar)
keeps its headers but loses its body; a text part keeps at most TEXT_PART_CAP bytes. The
result is small, and it parses as the original would, minus what was never read.
"""

from __future__ import annotations

from email import message_from_bytes
from email.policy import compat32

PRUNE_FROM = 1 << 20  # smaller messages are parsed as they are
TEXT_PART_CAP = 2 << 20  # encoded bytes of one text part; more is not a letter anyone wrote
HEAD_CAP = 1 << 20  # a header block is read up to this much (as local.py's header pass)
_MAX_DEPTH = 40


def headers_only_note(size: int, max_bytes: int) -> str:
    """The --verbose line for a message over `max_message_mb`, the same for every mailbox."""
    return f"{size / (1 << 20):.0f} MB, over max_message_mb ({max_bytes / (1 << 20):g}): read its headers only"


def prune(raw: bytes, start: int = 0, end: int | None = None, depth: int = 0) -> bytes:
    """`raw[start:end]` with attachment bodies dropped and text parts capped (see above).

    Offsets, not slices, are passed down: a slice of an attachment would copy it.
    """
    end = len(raw) if end is None else end
    split = _head_end(raw, start, end)
    if split is None:  # no blank line: all header, or garbage; the parser copes with little
        return raw[start : min(end, start + HEAD_CAP)]
    head_end, body_start = split
    kind, boundary = _kind(raw[start:head_end])
    if kind == "multipart" and boundary and depth < _MAX_DEPTH:
        return raw[start:body_start] + _prune_parts(raw, body_start, end, boundary, depth)
    if kind == "text":
        return raw[start : min(end, body_start + TEXT_PART_CAP)]
    return raw[start:body_start]


def _head_end(raw: bytes, start: int, end: int) -> tuple[int, int] | None:
    """(end of the header block, start of the body), or None when there is no body."""
    if raw.startswith(b"\n", start, end):
        return start, start + 1
    if raw.startswith(b"\r\n", start, end):
        return start, start + 2
    stop = min(end, start + HEAD_CAP)
    lf = raw.find(b"\n\n", start, stop)
    crlf = raw.find(b"\r\n\r\n", start, stop)
    if crlf >= 0 and (lf < 0 or crlf < lf):
        return crlf, crlf + 4
    if lf >= 0:
        return lf, lf + 2
    return None


def _kind(head: bytes) -> tuple[str, bytes]:
    """("multipart" | "text" | "other", boundary) from one header block."""
    try:
        part = message_from_bytes(head[:HEAD_CAP] + b"\n\n", policy=compat32)
        ctype = part.get_content_type()
        boundary = part.get_param("boundary") if ctype.startswith("multipart/") else None
        if isinstance(boundary, tuple):  # RFC 2231 form
            boundary = boundary[2]
        filename = str(part.get_filename() or part.get_param("name") or "").lower()
    except Exception:  # a header the parser cannot read: treat the part as text, as mail.py does
        return "text", b""
    if ctype.startswith("multipart/"):
        raw_boundary = str(boundary or "").strip().strip('"')
        try:
            encoded = raw_boundary.encode("utf-8", "surrogateescape")
        except UnicodeError:
            encoded = b""
        return "multipart", encoded
    calendar = ctype in ("text/calendar", "application/ics", "text/x-vcalendar") or filename.endswith(".ics")
    if calendar or ctype.startswith("text/"):
        return "text", b""
    return "other", b""


def _prune_parts(raw: bytes, start: int, end: int, boundary: bytes, depth: int) -> bytes:
    """The body of a multipart: each part between delimiter lines, pruned in turn."""
    delimiter = b"--" + boundary
    out: list[bytes] = []
    at = _next_delimiter(raw, delimiter, start, end, at_start=True)
    if at < 0:  # no part at all: keep a little of it, as the parser would read it as text
        return raw[start : min(end, start + TEXT_PART_CAP)]
    preamble = raw[start : min(at, start + TEXT_PART_CAP)]  # read as text when there is no part
    out.append(preamble if not preamble or preamble.endswith(b"\n") else preamble + b"\n")
    while at >= 0:
        line_end = raw.find(b"\n", at, end)
        closing = raw.startswith(b"--", at + len(delimiter), end)
        if line_end < 0 or closing:
            out.append(raw[at : line_end + 1 if line_end >= 0 else end])
            break
        following = _next_delimiter(raw, delimiter, line_end + 1, end)
        out.append(raw[at : line_end + 1])
        part = prune(raw, line_end + 1, following if following >= 0 else end, depth + 1)
        out.append(part if part.endswith(b"\n") else part + b"\n")  # the next delimiter starts a line
        at = following
    return b"".join(out)


def _next_delimiter(raw: bytes, delimiter: bytes, start: int, end: int, at_start: bool = False) -> int:
    """Offset of the next line that is the delimiter (not one that only begins with it)."""
    if at_start and raw.startswith(delimiter, start, end) and _ends_delimiter(raw, start + len(delimiter), end):
        return start
    needle = b"\n" + delimiter
    at = raw.find(needle, start, end)
    while at >= 0:
        if _ends_delimiter(raw, at + len(needle), end):
            return at + 1
        at = raw.find(needle, at + 1, end)
    return -1


def _ends_delimiter(raw: bytes, after: int, end: int) -> bool:
    """After "--boundary": "--", spaces, or the end of the line; anything else is content."""
    rest = raw[after : min(after + 2, end)]
    return rest in (b"", b"--") or rest[:1] in (b"\n", b"\r", b" ", b"\t")
