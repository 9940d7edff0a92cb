"""Read a draft that is a whole email (.eml, or stdin starting with headers).

Lint judges what the user will send: the body, not the headers. This module finds the
header block, the subject (with the file position of each of its characters, so subject
findings point into the file) and the text to lint. A plain body keeps its file lines;
a MIME message is decoded with the same code that reads the mailbox (`assistant.mail`),
and where the chosen text/plain part is transfer-encoded (quoted-printable, base64) the
positions are those of the decoded text, since the file has no such lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A header field name: printable ASCII except ":" and space (RFC 5322 section 2.2).
_FIELD = re.compile(r"^([!-9;-~]+)[ \t]*:")
_MBOX_FROM = re.compile(r"^From \S+")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")  # a disable comment above the headers
# Names that make a leading "Name: value" block an email header, not the start of prose.
_KNOWN = frozenset(
    "from to cc bcc subject date reply-to sender message-id in-reply-to references "
    "mime-version content-type content-transfer-encoding content-disposition received "
    "return-path delivered-to user-agent x-mailer x-unsent importance priority".split())
_PLAIN_CTE = frozenset(("", "7bit", "8bit", "binary"))
# Without a blank line after them, only these on top of a plain draft count as headers.
_DRAFT_HEADERS = frozenset(("subject", "to", "cc", "bcc", "from", "reply-to"))
# Address lines go out with the mail as text someone reads: placeholders are checked there
# (the subject has rules of its own).
ADDRESS_HEADERS = frozenset(("to", "cc", "bcc"))


@dataclass
class Header:
    name: str  # as written
    value: str  # unfolded, as in the file (encoded-words not decoded)
    line: int  # 1-based line of the file where the field starts
    lines: list[str] = field(default_factory=list)  # the raw lines, continuation lines included


@dataclass
class Subject:
    text: str  # decoded, on one line
    at: list[tuple[int, int]]  # file (line, column) of each character, plus one past the end


@dataclass
class Envelope:
    headers: list[Header]
    subject: Subject | None
    body: str  # the text to lint, lines joined by "\n"
    first_line: int  # file line of the body's first line (1 when `decoded`)
    decoded: bool  # positions are lines of the decoded text part, not of the file
    note: str = ""  # said in the report when positions are not the file's


def decode_file(data: bytes) -> str | None:
    """A draft file's text: UTF-8; or, for an email in another charset (8-bit Latin-1 mail
    is common), the bytes kept as surrogates for `read` to decode by the charset the email
    declares. None when it is neither."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    return text if _header_block(text.replace("\r\n", "\n"))[0] else None


def _from_bytes(text: str, charset: str | None) -> str:
    """Text that holds undecoded bytes (surrogates, from `decode_file`), decoded by `charset`."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        from assistant.mail import decode_bytes

        return decode_bytes(text.encode("utf-8", "surrogateescape"), charset)


def read(raw: str) -> Envelope | None:
    """The headers, subject and body of `raw`, or None when it does not start with headers.

    `raw` has "\n" line ends. Linear in its size: the header block is read line by line and
    the body is sliced, not copied line by line, unless MIME decoding is needed.
    """
    headers, body_at = _header_block(raw)
    if not headers:
        return None
    first_line = raw.count("\n", 0, body_at) + 1
    subject = next((_subject(h) for h in headers if h.name.lower() == "subject"), None)
    fields = {h.name.lower(): h.value for h in headers}
    ctype = fields.get("content-type", "text/plain").split(";", 1)[0].strip().lower() or "text/plain"
    cte = fields.get("content-transfer-encoding", "").strip().lower()
    if ctype == "text/plain" and cte in _PLAIN_CTE:
        charset = re.search(r"charset\s*=\s*\"?([\w.:-]+)", fields.get("content-type", ""), re.IGNORECASE)
        body = _from_bytes(raw[body_at:], charset.group(1) if charset else None)
        return Envelope(headers, subject, body, first_line, decoded=False)
    return _mime(raw, headers, subject, body_at)


def _header_block(raw: str) -> tuple[list[Header], int]:
    """Leading header fields and the offset where the body starts; ([], 0) when not an email."""
    headers: list[Header] = []
    at = 0
    n = len(raw)
    first = True
    ended_blank = False
    while at < n:
        end = raw.find("\n", at)
        end = n if end < 0 else end
        line = raw[at:end]
        nxt = end + 1
        if first and _MBOX_FROM.match(line) and _FIELD.match(raw[nxt:nxt + 200]):
            at, first = nxt, False  # an mbox "From " separator line
            continue
        if not headers and _COMMENT_LINE.match(line):
            at = nxt
            continue
        first = False
        if headers and line[:1] in (" ", "\t") and line.strip():
            headers[-1].lines.append(line)
        elif (m := _FIELD.match(line)) is not None:
            name = m.group(1)
            headers.append(Header(name, "", raw.count("\n", 0, at) + 1 if not headers
                                  else headers[-1].line + len(headers[-1].lines), [line]))
        else:
            if not line.strip():
                at, ended_blank = min(nxt, n), True  # the blank line that ends the header block
            break
        at = min(nxt, n)
    names = {h.name.lower() for h in headers}
    if not any(name in _KNOWN or name.startswith("x-") for name in names):
        return [], 0
    if at < n and not ended_blank and not names <= _DRAFT_HEADERS:
        return [], 0  # "Date: Tuesday works for me" on top of a note is prose
    for h in headers:  # unfolding: the line breaks go, the whitespace stays
        h.value = "".join(h.lines)[h.lines[0].index(":") + 1:].strip()
    return headers, at


def _subject(h: Header) -> Subject:
    """The subject and where each of its characters sits in the file."""
    colon = h.lines[0].index(":")
    at: list[tuple[int, int]] = []
    text = ""
    for i, line in enumerate(h.lines):
        start = colon + 1 if i == 0 else 0
        piece = line[start:]
        text += piece
        at.extend((h.line + i, start + k + 1) for k in range(len(piece)))
    lead = len(text) - len(text.lstrip())
    text, at = text[lead:].rstrip(), at[lead:]
    raw_text, text = text, _from_bytes(text, None)  # raw 8-bit bytes in a subject, against the RFC
    if len(text) != len(raw_text):
        at = [at[0] if at else (h.line, colon + 2)] * len(text)
    if "=?" in text:  # RFC 2047 encoded-words: decoded, every position at the value's start
        from assistant.mail import decode_header_value

        text = decode_header_value(text)
        at = [at[0] if at else (h.line, colon + 2)] * len(text)
    at = at[:len(text)]
    at.append((at[-1][0], at[-1][1] + 1) if at else (h.line, colon + 2))
    return Subject(text, at)


def _mime(raw: str, headers: list[Header], subject: Subject | None, body_at: int) -> Envelope:
    """The first text/plain part (else text/html as text), decoded; mapped to the file if it can be."""
    from email import message_from_bytes
    from email.policy import compat32

    from assistant.mail import _charset, _is_attachment, _payload_bytes, decode_bytes, html_to_text

    msg = message_from_bytes(raw.encode("utf-8", "surrogateescape"), policy=compat32)
    chosen = html = None
    for part in msg.walk():
        if part.is_multipart() or _is_attachment(part):
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and chosen is None:
            chosen = part
        elif ctype == "text/html" and html is None:
            html = part
    part = chosen or html
    if part is None:
        return Envelope(headers, subject, "", raw.count("\n", 0, body_at) + 1, decoded=False)
    text = decode_bytes(_payload_bytes(part), _charset(part)).replace("\r\n", "\n").replace("\r", "\n")
    if part is not chosen:
        return Envelope(headers, subject, html_to_text(text), 1, decoded=True,
                        note="no text/plain part: linted the HTML part as text; lines are of that text")
    cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    found = raw.find(text, body_at) if cte in _PLAIN_CTE and text else -1
    if found >= 0:
        return Envelope(headers, subject, text, raw.count("\n", 0, found) + 1, decoded=False)
    return Envelope(headers, subject, text, 1, decoded=True,
                    note=f"the text part is {cte or 'encoded'}: lines are of the decoded text")
