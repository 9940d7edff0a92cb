"""Turn one raw RFC 5322 message into a clean, decoded ``Message``.

Real mailboxes hold mail that breaks the rules: wrong or unknown charsets, broken base64,
garbage header lines, boundaries that never close. The rest of the tool must never see any
of that, so this module decodes defensively and always returns plain ``str`` values with no
line breaks in headers (email content is data; it must never be able to inject a header
into a draft later). Only input with no header at all is refused, as ``MalformedMessage``.
"""

from __future__ import annotations

import binascii
import codecs
import quopri
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from email import message_from_bytes
from email.message import Message as _MimePart
from email.policy import compat32
from email.utils import getaddresses, parsedate_tz
from functools import lru_cache
from html.parser import HTMLParser

from assistant.bigmail import PRUNE_FROM, prune
from assistant.quoting import split_reply

__all__ = ["Address", "CalendarEvent", "Message", "MalformedMessage", "parse_message"]


@dataclass(frozen=True)
class Address:
    name: str
    email: str


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: datetime
    end: datetime | None
    method: str
    cancelled: bool
    organizer: Address | None
    attendees: tuple[Address, ...]
    sequence: int
    location: str


@dataclass(frozen=True)
class Message:
    message_id: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    subject: str
    sender: Address | None
    reply_to: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    gm_thread_id: str | None
    labels: tuple[str, ...]
    bulk: bool
    text: str
    newest: str
    signature: str
    events: tuple[CalendarEvent, ...]
    # Never sent: a draft is not my last message, a check-in, a reply or a thank-you.
    # parse_message sets it from the headers; each mailbox adapter adds what only it knows
    # (Maildir's D flag, a Drafts folder, Gmail's DRAFT label, IMAP's \Draft flag).
    draft: bool = False
    # This tool wrote it (X-Followup-Draft): its own draft, found again by key, not one of hers.
    by_followup: bool = False


class MalformedMessage(Exception):
    """The bytes are not an email at all (no header could be read)."""


# --------------------------------------------------------------------------- raw headers

# A header line per RFC 5322 (printable ASCII name, then a colon); obsolete syntax allows
# whitespace before the colon ("Subject  : hi"), which the stdlib parser does not.
_HEADER_LINE = re.compile(rb"^([\x21-\x39\x3b-\x7e]+)[ \t]*:")
_BLANK_LINE = re.compile(rb"\r?\n[ \t]*\r?\n")
_MAX_DEPTH = 40


def _clean_header_block(raw: bytes) -> bytes:
    """Repair the header block so that the stdlib parser sees every real header.

    Drops an mbox "From " envelope line, removes whitespace before colons, and skips
    garbage lines that sit between headers (a strict parser would end the headers there
    and read Date/From as body). Raises MalformedMessage when no header line exists.
    """
    match = _BLANK_LINE.search(raw)
    if match:
        head, body = raw[: match.start()], raw[match.end():]
    else:
        head, body = raw, b""
    lines = head.splitlines()
    if lines and lines[0].startswith(b"From ") and not _HEADER_LINE.match(lines[0]):
        lines = lines[1:]
    kept: list[bytes] = []
    pending_garbage: list[bytes] = []
    for line in lines:
        header = _HEADER_LINE.match(line)
        if header:
            pending_garbage.clear()
            name = header.group(1)
            kept.append(name + b":" + line[header.end():])
        elif line[:1] in (b" ", b"\t"):
            if kept:
                kept.append(line)
        elif not kept:
            raise MalformedMessage("no email headers found at the start of the message")
        else:
            pending_garbage.append(line)
    if not kept:
        raise MalformedMessage("no email headers found at the start of the message")
    if pending_garbage:
        # Text after the last header with no blank line: it is the start of the body.
        body = b"\n".join(pending_garbage) + (b"\n" + body if match else b"")
    return b"\n".join(kept) + b"\n\n" + body


# --------------------------------------------------------------------------- charsets

_CHARSET_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "euc-kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "iso-2022-jp": "iso2022_jp_ext",
    "big5": "big5hkscs",
    "x-mac-cyrillic": "mac_cyrillic",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "tis-620": "cp874",
    "iso-8859-8-i": "iso8859_8",
    "utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
}
_SINGLE_BYTE = re.compile(r"^(?:ascii|latin[-_]?\d+|iso8859[-_]\d+|cp125\d|cp437|cp850|cp874|mac[-_][\w-]+|koi8[-_]\w+)$")


@lru_cache(maxsize=256)
def _codec(charset: str | None) -> str | None:
    """The Python codec name for a MIME charset, or None when unknown or not a text codec."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    for candidate in (name, name[2:] if name.startswith("x-") else None):
        if not candidate:
            continue
        try:
            info = codecs.lookup(candidate)
        except (LookupError, ValueError):
            continue
        if getattr(info, "_is_text_encoding", True):
            return info.name
    return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode text whose declared charset may be wrong or unknown; never raises.

    Tries the declared charset, then UTF-8, then cp1252, then latin-1. A declared
    single-byte charset is tried after UTF-8, because UTF-8 mislabelled as ISO-8859-1 is
    common and valid multi-byte UTF-8 almost never occurs by accident in Latin text.
    """
    codec = _codec(charset)
    single_byte = codec is not None and bool(_SINGLE_BYTE.match(codec))
    if codec and not single_byte:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if codec:
        if single_byte:
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
        else:
            # A multi-byte text with one bad byte is still far better read in its own
            # charset than as Latin-1 mojibake.
            try:
                text = data.decode(codec, errors="replace")
            except LookupError:
                text = ""
            if text and text.count("\ufffd") <= max(2, len(text) // 100):
                return text
    if not single_byte:
        # Mostly valid UTF-8 with a few broken bytes (a truncated name, one bad byte)
        # reads better as UTF-8 with a replacement mark than as cp1252 mojibake.
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if sum(1 for char in text if char > "\x7f") >= 4 * bad:
            return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _raw_to_str(value: str) -> str:
    """Header text from the parser may carry undecoded 8-bit bytes as surrogates."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return decode_bytes(value.encode("utf-8", "surrogateescape"))


# --------------------------------------------------------------------------- control characters

# What must never reach a terminal, a draft header or an .ics file from someone's mail: C0
# controls (ESC starts "set the window title" and "clear the screen"), DEL, C1 controls,
# and the bidi overrides and isolates that make "moc.emca" read as "acme.com".
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
# A whole escape sequence goes, not just its ESC, so "Priya<ESC>]0;title<BEL> Shah" reads
# "Priya Shah": CSI (ESC [ or U+009B, parameters, one final byte) and OSC (ESC ], up to BEL
# or ESC \\, bounded so that one without its end costs no more than a short look).
_ESCAPES = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)?"
_CONTROL_IN_LINE = re.compile(f"{_ESCAPES}|[\t\n\r{_CONTROLS}]")  # a header value: one line
_CONTROL_IN_TEXT = re.compile(f"{_ESCAPES}|[{_CONTROLS}]")  # a body keeps its tabs and newlines


def safe_line(text: str) -> str:
    """One line of mail text that is safe to print or put in a header: no controls."""
    return _CONTROL_IN_LINE.sub("", text) if text and not text.isprintable() else text


def safe_text(text: str) -> str:
    """Mail body text without control characters; tabs and newlines stay."""
    return _CONTROL_IN_TEXT.sub("", text) if text and not text.isprintable() else text


# --------------------------------------------------------------------------- RFC 2047

# Pattern work sees at most this much of one header (a To: of 500 people fits); a subject
# and a name are cut shorter still: nobody writes longer ones, and hostile ones are long.
HEADER_CAP = 64 << 10
SUBJECT_CAP = 1000
NAME_CAP = 200
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_BETWEEN_WORDS = re.compile(r"^[ \t]+$")
_WHITESPACE = re.compile(r"\s+")
_QP_HEADER_ESCAPE = re.compile(rb"=([0-9A-Fa-f]{2})")
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")


def _b64decode(data: bytes) -> bytes:
    """Base64 that tolerates missing padding, stray characters and line breaks."""
    data = _NOT_BASE64.sub(b"", data)
    data = data[: len(data) - len(data) % 4] if len(data) % 4 == 1 else data
    data += b"=" * (-len(data) % 4)
    try:
        return binascii.a2b_base64(data)
    except (binascii.Error, ValueError):
        return b""


def _decode_word(encoding: str, text: str) -> bytes:
    raw = text.encode("ascii", "surrogateescape") if text.isascii() else text.encode("utf-8", "surrogateescape")
    if encoding in "Bb":
        return _b64decode(raw)
    raw = raw.replace(b"_", b" ")
    return _QP_HEADER_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def decode_header_value(value: str | None) -> str:
    """Unfold a header value to one line and decode RFC 2047 encoded-words in it.

    Adjacent encoded-words in one charset are joined before decoding, so a multi-byte
    character split across two words survives; encoded-words are decoded wherever they
    appear (also inside quotes and comments, where senders put them against the RFC).
    """
    if not value:
        return ""
    value = _raw_to_str(str(value))[:HEADER_CAP]
    if "=?" not in value:
        return safe_line(_WHITESPACE.sub(" ", value).strip())
    value = _WHITESPACE.sub(" ", value)
    pieces: list[str] = []
    pending: bytes = b""
    pending_charset: str | None = None
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        gap = value[position: match.start()]
        charset = match.group(1).split("*", 1)[0]
        if pending_charset is not None and (gap == "" or _BETWEEN_WORDS.match(gap)):
            if charset.lower() == pending_charset.lower():
                pending += _decode_word(match.group(2), match.group(3))
            else:
                pieces.append(decode_bytes(pending, pending_charset))
                pending, pending_charset = _decode_word(match.group(2), match.group(3)), charset
        else:
            if pending_charset is not None:
                pieces.append(decode_bytes(pending, pending_charset))
            pieces.append(gap)
            pending, pending_charset = _decode_word(match.group(2), match.group(3)), charset
        position = match.end()
    if pending_charset is not None:
        pieces.append(decode_bytes(pending, pending_charset))
    pieces.append(value[position:])
    return safe_line(_WHITESPACE.sub(" ", "".join(pieces)).strip())


# --------------------------------------------------------------------------- addresses

_ADDR_SPEC = re.compile(r"^[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+$")
_COMMENT = re.compile(r"\([^()]*\)")


def _idna_label(label: str, to_ascii: bool) -> str:
    try:
        if to_ascii:
            return label if label.isascii() else label.encode("idna").decode("ascii")
        return label.encode("ascii").decode("idna") if label.startswith("xn--") else label
    except (UnicodeError, ValueError):  # not a valid IDN label: keep it as written
        return label


def normal_email(address: str) -> str:
    """An address as one spelling: lower case, an IDN domain in its own letters.

    megan@xn--acm-bma.com and megan@acmé.com are the same mailbox; the Unicode form is the
    one a person reads (and the one a company name is taken from).
    """
    local, at, domain = address.lower().rpartition("@")
    if not at or "xn--" not in domain:
        return address.lower()
    return f"{local}@{'.'.join(_idna_label(label, False) for label in domain.split('.'))}"


def ascii_email(address: str) -> str:
    """The address with its domain in ASCII (punycode), as a draft's To: header needs it.

    The standard library would otherwise put an RFC 2047 word inside the domain, which no
    server reads. (The stdlib codec is IDNA 2003; the few names where 2008 differs, such as
    "ß", are rare in company domains.) A non-ASCII local part is left as it is.
    """
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    return f"{local}@{'.'.join(_idna_label(label, True) for label in domain.split('.'))}"


def _address_list(value: str | None) -> tuple[Address, ...]:
    """Parse an address header; names are RFC 2047-decoded after the list is split."""
    if not value:
        return ()
    value = safe_line(_WHITESPACE.sub(" ", _raw_to_str(str(value))[:HEADER_CAP]))
    try:
        pairs = getaddresses([value])
    except Exception:  # the stdlib address parser has raised on odd input in past releases
        pairs = []
    result = []
    for name, addr in pairs:
        addr = safe_line(addr.strip().strip("<>").strip())
        name = decode_header_value(name).strip().strip('"').strip()[:NAME_CAP]
        if _ADDR_SPEC.match(addr):
            email = normal_email(addr)
        else:
            email = ""
            if not name and addr:
                name = decode_header_value(addr)[:NAME_CAP]
        if name or email:
            result.append(Address(name=name, email=email))
    if not result and value.strip():
        fallback = decode_header_value(_COMMENT.sub(" ", value)).strip(' "<>')[:NAME_CAP]
        if fallback:
            result.append(Address(name=fallback, email=""))
    return tuple(result)


def _first_address(value: str | None) -> Address | None:
    addresses = _address_list(value)
    return addresses[0] if addresses else None


# --------------------------------------------------------------------------- other headers

_MSG_ID = re.compile(r"<([^<>]*)>")
_ID_JUNK = re.compile(r"\s+")


def _message_ids(value: str | None) -> tuple[str, ...]:
    """Ids from Message-ID/In-Reply-To/References, without brackets, comments or spaces."""
    if not value:
        return ()
    value = _COMMENT.sub("", safe_line(_raw_to_str(str(value))[:HEADER_CAP]))
    ids = [_ID_JUNK.sub("", found) for found in _MSG_ID.findall(value)]
    ids = [found for found in ids if found]
    if not ids:
        ids = [token for token in _ID_JUNK.split(value) if "@" in token]
    return tuple(dict.fromkeys(ids))


_DATE_COLON = re.compile(r"\s*:\s*")
# A Date in year 3609 is a broken clock, not a date to schedule a follow-up from.
_PLAUSIBLE_YEARS = (1970, 2200)


def _parse_date(value: str | None) -> datetime | None:
    """Date header as an aware datetime in the header's own offset; None if unreadable.

    "-0000" (zone unknown, RFC 5322) and a missing zone are read as UTC.
    """
    if not value:
        return None
    value = _WHITESPACE.sub(" ", _COMMENT.sub(" ", _raw_to_str(str(value))[:1000]))
    value = _DATE_COLON.sub(":", value).strip()
    try:
        parts = parsedate_tz(value)
    except Exception:  # parsedate_tz has raised IndexError/ValueError on odd input
        return None
    if not parts:
        return None
    offset = parts[9] or 0
    if not _PLAUSIBLE_YEARS[0] <= parts[0] <= _PLAUSIBLE_YEARS[1]:
        return None
    try:
        zone = timezone(timedelta(seconds=offset))
        return datetime(*parts[:6], tzinfo=zone)
    except (ValueError, OverflowError, TypeError):
        return None


def _gm_thread_id(value: str | None) -> str | None:
    """X-GM-THRID is decimal in Takeout; the Gmail API spells the same number in hex."""
    if not value:
        return None
    value = _raw_to_str(str(value)).strip()
    if value.isdigit():
        return format(int(value), "x")
    if re.fullmatch(r"(?:0x)?[0-9A-Fa-f]+", value):
        return value.lower().removeprefix("0x")
    return None


def _labels(value: str | None) -> tuple[str, ...]:
    """X-Gmail-Labels: comma-separated, a label with a comma in it is double-quoted."""
    if not value:
        return ()
    value = decode_header_value(value)
    labels: list[str] = []
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\" and quoted and index + 1 < len(value):
            current.append(value[index + 1])
            index += 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            labels.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    labels.append("".join(current).strip())
    return tuple(label for label in labels if label)


def is_unsent(labels: tuple[str, ...], headers: dict[str, list[str]]) -> bool:
    """A draft by its headers: Takeout's Drafts label, X-Unsent: 1 (Outlook, Thunderbird, and
    this tool's own drafts) or this tool's X-Followup-Draft marker. Mail labelled Sent was
    sent, whatever headers a draft sent from Gmail kept."""
    if "Sent" in labels:
        return False
    if "Drafts" in labels:
        return True
    unsent = headers.get("x-unsent", [""])[0].strip()
    return unsent == "1" or "x-followup-draft" in headers


_BULK_HEADERS = (
    "list-unsubscribe", "list-id", "x-auto-response-suppress", "x-autoreply",
    "x-autorespond", "x-mailchimp-campaign",
)


def _is_bulk(headers: dict[str, list[str]]) -> bool:
    """Mailing lists, newsletters and auto-replies, by their headers.

    A no-reply sender address alone is not enough: ATS interview confirmations come from
    no-reply addresses and carry the very dates the tool must see.
    """
    if any(name in headers for name in _BULK_HEADERS):
        return True
    first = {name: headers[name][0].strip().lower() for name in ("precedence", "auto-submitted") if name in headers}
    if first.get("precedence") in ("bulk", "list", "junk"):
        return True
    if first.get("auto-submitted", "no") != "no":
        return True
    return False


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot "
    "tr ul".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "template", "noscript", "svg"))
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_PARAGRAPH_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 table ul ol blockquote pre".split())
_HTML_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


class _HtmlToText(HTMLParser):
    """Readable text from HTML: blocks become lines, list items get "- ", quotes get "> ".

    Gmail's/Apple's quoted blocks are prefixed with "> " like a plain-text reply, and
    Gmail's signature div gets a "-- " line above it, so one splitter handles both forms.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.current_depth = 0
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, is_quote, is_skip)
        self.open: dict[str, int] = {}  # tag -> how many are on the stack
        self.skip = 0
        self.quote = 0
        self.pre = 0

    # Emitting -----------------------------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self.current).strip() if not self.pre else "".join(self.current).rstrip()
        self.current = []
        if text or (self.lines and self.lines[-1] != ""):
            self.lines.append("> " * self.current_depth + text if text else "")
        self.current_depth = self.quote

    def _break(self, paragraph: bool = False) -> None:
        if self.current:
            self._flush()
        if paragraph and self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.current_depth = self.quote

    # Parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skip:
                if self.current:
                    self._flush()
                elif self.lines and self.lines[-1] != "":
                    self.lines.append("")
            elif tag == "hr" and not self.skip:
                self._break(paragraph=True)
            return
        attributes = {key: value or "" for key, value in attrs}
        css = attributes.get("class", "").lower()
        is_skip = tag in _SKIP_TAGS
        is_quote = tag == "blockquote" and (
            attributes.get("type", "").lower() == "cite" or "quote" in css or self.quote > 0
        ) or (tag == "div" and "yahoo_quoted" in css)
        self.stack.append((tag, is_quote, is_skip))
        self.open[tag] = self.open.get(tag, 0) + 1
        if is_skip:
            self.skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._break(paragraph=tag in _PARAGRAPH_TAGS)
        if is_quote:
            self.quote += 1
            self.current_depth = self.quote
        if "gmail_signature" in css and not self.quote:
            self._break()
            self.lines.append("-- ")
        if tag == "pre":
            self.pre += 1
        elif tag == "li":
            self.current.append("- ")
        elif tag in ("td", "th") and self.current:
            self.current.append("  ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        # Close up to the matching open tag; browsers forgive unclosed tags, so must we.
        # An end tag that matches nothing is ignored at once: searching the stack for it
        # every time made 20,000 of them quadratic.
        if not self.open.get(tag):
            return
        while True:
            open_tag, is_quote, is_skip = self.stack.pop()
            self.open[open_tag] -= 1
            if is_skip:
                self.skip -= 1
            else:
                self._closed(open_tag, is_quote)
            if open_tag == tag:
                break

    def _closed(self, open_tag: str, is_quote: bool) -> None:
        if open_tag in _BLOCK_TAGS:
            self._break(paragraph=open_tag in _PARAGRAPH_TAGS)
        if is_quote:
            self._break()
            self.quote -= 1
            self.current_depth = self.quote
        if open_tag == "pre":
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            parts = data.split("\n")
            for number, piece in enumerate(parts):
                if number:
                    self._flush()
                self.current.append(piece)
            return
        data = _HTML_SPACE.sub(" ", data)
        if not self.current:
            data = data.lstrip()
            self.current_depth = self.quote
        elif self.current[-1].endswith(" "):
            data = data.lstrip()
        if data:
            self.current.append(data)

    def text(self) -> str:
        self._break()
        joined = "\n".join(line.rstrip() for line in self.lines)
        return _MANY_BLANKS.sub("\n\n", joined).strip("\n")


# The converter's budget: a recruiter's mail is a few KB of HTML; past this, the rest of a
# body is newsletter or attack, and not read.
HTML_BUDGET = 1 << 20
_TAG_LIKE = re.compile(r"<!--|<[^<>]*>?")


def _tame_markup(markup: str) -> str:
    """Markup the stdlib parser reads in one pass.

    Python's HTMLParser re-reads the rest of the document from every tag that never ends
    ("<a " 40,000 times took minutes) and from every "<!--" or "<![CDATA[" without its end.
    So, in one pass: comments and declarations go (they hold no text), a "<" whose tag does
    not close before the next "<" becomes text, and a tag with an unpaired quote loses its
    quotes (a quoted value would otherwise run on to the end of the document).
    """
    out: list[str] = []
    position = 0
    length = len(markup)
    while position < length:
        m = _TAG_LIKE.search(markup, position)
        if m is None:
            out.append(markup[position:])
            break
        out.append(markup[position:m.start()])
        tag = m.group()
        if tag == "<!--":
            end = markup.find("-->", m.end())
            position = length if end < 0 else end + 3
            continue
        position = m.end()
        if not tag.endswith(">"):
            out.append("&lt;" + tag[1:])
        elif tag[1:2] in ("!", "?"):
            continue
        else:
            if tag[1:2].isalpha() or tag[1:2] == "/":  # a tag to the parser, not "a < b > c"
                for quote in ("'", '"'):
                    if tag.count(quote) % 2:
                        tag = tag.replace(quote, "")
            out.append(tag)
    return "".join(out)


def html_to_text(markup: str) -> str:
    """Readable text from an HTML body; unbalanced or broken markup still yields its text."""
    parser = _HtmlToText()
    try:
        parser.feed(_tame_markup(markup[:HTML_BUDGET]))
        parser.close()
    except Exception:  # HTMLParser raises on some malformed declarations; keep what we have
        pass
    return parser.text()


# --------------------------------------------------------------------------- body

def _payload_bytes(part: _MimePart) -> bytes:
    """Decode a leaf's transfer encoding without trusting it to be well formed."""
    # The raw payload: get_payload() would already have decoded 8-bit bytes with the
    # declared charset (replacing what does not fit), which is exactly what we must not trust.
    payload = getattr(part, "_payload", None)
    if payload is None or isinstance(payload, list):
        return b""
    if isinstance(payload, bytes):
        raw = payload
    else:
        raw = str(payload).encode("utf-8", "surrogateescape")
    cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if cte == "base64":
        return _b64decode(raw)
    if cte == "quoted-printable":
        try:
            return quopri.decodestring(raw)
        except (ValueError, binascii.Error):
            return raw
    return raw


def _content_type(part: _MimePart) -> str:
    try:
        return part.get_content_type()
    except Exception:  # a Content-Type header that is not even a string
        return "text/plain"


def _is_attachment(part: _MimePart) -> bool:
    disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
    return disposition == "attachment"


def _filename(part: _MimePart) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # RFC 2231 parameters can be malformed beyond repair
        return ""
    return decode_header_value(str(name)).lower()


def _charset(part: _MimePart) -> str | None:
    try:
        charset = part.get_param("charset")
    except Exception:  # a malformed parameter list
        return None
    if isinstance(charset, tuple):  # RFC 2231 form
        charset = charset[2]
    return str(charset) if charset else None


# Text types that are data, not prose a person wrote.
_NOT_READABLE = frozenset((
    "text/calendar", "text/x-vcalendar", "text/enriched", "text/richtext", "text/vcard",
    "text/x-vcard", "text/rfc822-headers", "text/csv", "text/xml", "text/css", "text/javascript",
))


def _is_calendar(part: _MimePart, ctype: str) -> bool:
    if ctype in ("text/calendar", "application/ics", "text/x-vcalendar"):
        return True
    return _filename(part).endswith(".ics")


class _Collector:
    """Walk the MIME tree once, collecting readable text and calendar data.

    message/rfc822 parts are forwarded or bounced mail, never this message's body, so the
    walk does not descend into them.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.calendars: list[bytes] = []

    def walk(self, part: _MimePart, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            return
        ctype = _content_type(part)
        payload = part.get_payload()
        if ctype.startswith("multipart/") and isinstance(payload, list):
            if ctype == "multipart/alternative":
                self._alternative(payload, depth)
            else:
                for child in payload:
                    if isinstance(child, _MimePart):
                        self.walk(child, depth + 1)
            return
        if ctype.startswith("message/") or isinstance(payload, list):
            return
        if _is_calendar(part, ctype):
            self.calendars.append(_payload_bytes(part))
            return
        if _is_attachment(part):
            return
        text = self._leaf_text(part, ctype)
        if text and text.strip():
            self.texts.append(text)

    def _alternative(self, children: list, depth: int) -> None:
        best: str | None = None
        best_rank = -1
        for child in children:
            if not isinstance(child, _MimePart):
                continue
            ctype = _content_type(child)
            if ctype.startswith("multipart/"):
                sub = _Collector()
                sub.walk(child, depth + 1)
                self.calendars.extend(sub.calendars)
                if sub.texts and best_rank < 1:
                    best, best_rank = "\n\n".join(sub.texts), 1
                continue
            if _is_calendar(child, ctype):
                self.calendars.append(_payload_bytes(child))
                continue
            rank = {"text/plain": 2, "text/html": 1}.get(ctype, -1)
            if rank <= best_rank:
                continue
            text = self._leaf_text(child, ctype)
            if text and text.strip():
                best, best_rank = text, rank
        if best is not None:
            self.texts.append(best)

    @staticmethod
    def _leaf_text(part: _MimePart, ctype: str) -> str | None:
        if ctype in _NOT_READABLE or not (ctype.startswith("text/") or ctype.startswith("multipart/")):
            return None
        text = decode_bytes(_payload_bytes(part), _charset(part))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if ctype == "text/html" or text.lstrip()[:6].lower() in ("<html>", "<html ", "<!doct"):
            return html_to_text(text)
        return text


# --------------------------------------------------------------------------- calendar

def _ical_text(component, key: str) -> str:
    value = component.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return safe_line(_WHITESPACE.sub(" ", str(value)[:HEADER_CAP]).strip())


def _ical_address(prop) -> Address | None:
    if prop is None:
        return None
    params = getattr(prop, "params", {}) or {}
    name = safe_line(_WHITESPACE.sub(" ", str(params.get("CN", "") or "")[:NAME_CAP]).strip().strip('"'))
    value = safe_line(str(prop).strip())
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _ADDR_SPEC.match(value):
        value = safe_line(str(params.get("EMAIL", "") or "").strip())
    email = normal_email(value) if _ADDR_SPEC.match(value) else ""
    if not name and not email:
        return None
    return Address(name=name, email=email)


def _aware(value, fallback: tzinfo) -> datetime | None:
    """icalendar returns date, naive (floating) or aware datetimes; we always want aware."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=fallback)
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=fallback)
    return None


def _events_from(data: bytes, fallback: tzinfo) -> list[CalendarEvent]:
    """Events in one iCalendar object; a broken calendar yields nothing instead of failing."""
    try:
        from icalendar import Calendar  # imported here: most mail has no calendar part
    except ImportError:
        return []
    text = decode_bytes(data, "utf-8")
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception:  # icalendar raises ValueError and others on malformed input
        return []
    events: list[CalendarEvent] = []
    for calendar in calendars:
        method = _ical_text(calendar, "METHOD").upper()
        try:
            components = calendar.walk("VEVENT")
        except Exception:  # malformed component tree
            continue
        for event in components:
            try:
                events.append(_event(event, method, fallback))
            except Exception:  # one bad VEVENT (odd DTSTART, bad TZID) must not hide others
                continue
    return [event for event in events if event is not None]


def _event(event, method: str, fallback: tzinfo) -> CalendarEvent | None:
    start_prop = event.get("DTSTART")
    if start_prop is None:
        return None
    start = _aware(start_prop.dt, fallback)
    if start is None:
        return None
    end = None
    if event.get("DTEND") is not None:
        end = _aware(event.get("DTEND").dt, fallback)
    elif event.get("DURATION") is not None:
        try:
            end = start + event.get("DURATION").dt
        except (TypeError, AttributeError):
            end = None
    status = _ical_text(event, "STATUS").upper()
    try:
        sequence = int(str(event.get("SEQUENCE", 0)).strip() or 0)
    except ValueError:
        sequence = 0
    attendees_prop = event.get("ATTENDEE")
    if attendees_prop is None:
        attendees_prop = []
    elif not isinstance(attendees_prop, list):
        attendees_prop = [attendees_prop]
    attendees = tuple(a for a in (_ical_address(p) for p in attendees_prop) if a is not None)
    return CalendarEvent(
        uid=_ical_text(event, "UID"),
        summary=_ical_text(event, "SUMMARY"),
        start=start,
        end=end,
        method=method,
        cancelled=method == "CANCEL" or status == "CANCELLED",
        organizer=_ical_address(event.get("ORGANIZER")),
        attendees=attendees,
        sequence=sequence,
        location=_ical_text(event, "LOCATION"),
    )


# --------------------------------------------------------------------------- entry point

def parse_message(raw: bytes) -> Message:
    """Parse one RFC 5322 message; raise MalformedMessage only if it has no header at all."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise MalformedMessage(f"expected the raw bytes of a message, got {type(raw).__name__}")
    raw = bytes(raw).lstrip(b"\r\n\t ")
    if not raw:
        raise MalformedMessage("the message is empty")
    if len(raw) > PRUNE_FROM:  # attachments are never decoded; big text parts are capped
        raw = prune(raw)
    try:
        mime = message_from_bytes(_clean_header_block(raw), policy=compat32)
    except MalformedMessage:
        raise
    except RecursionError:
        raise MalformedMessage("the message nests MIME parts too deeply to read") from None

    headers: dict[str, list[str]] = {}
    for name, value in mime.raw_items():
        headers.setdefault(name.lower(), []).append(str(value))

    def header(name: str) -> str | None:
        values = headers.get(name.lower())
        return values[0] if values else None

    sender = _first_address(header("From"))
    sent = _parse_date(header("Date"))
    collector = _Collector()
    try:
        collector.walk(mime)
    except RecursionError:
        raise MalformedMessage("the message nests MIME parts too deeply to read") from None
    text = safe_text("\n\n".join(t.strip("\n") for t in collector.texts))
    newest, signature = split_reply(text)
    fallback_zone = sent.tzinfo if sent is not None else timezone.utc
    # Outlook and Google send the same invite inline and as invite.ics: keep one copy.
    events: dict[tuple, CalendarEvent] = {}
    for data in collector.calendars:
        for event in _events_from(data, fallback_zone):
            events.setdefault((event.uid, event.sequence, event.method, event.start), event)
    message_ids = _message_ids(header("Message-ID"))
    labels = _labels(header("X-Gmail-Labels"))
    return Message(
        message_id=message_ids[0] if message_ids else "",
        in_reply_to=_message_ids(header("In-Reply-To")),
        references=_message_ids(header("References")),
        subject=decode_header_value(header("Subject"))[:SUBJECT_CAP],
        sender=sender,
        reply_to=_first_address(header("Reply-To")),
        to=_address_list(", ".join(headers.get("to", []))),
        cc=_address_list(", ".join(headers.get("cc", []))),
        date=sent,
        gm_thread_id=_gm_thread_id(header("X-GM-THRID")),
        labels=labels,
        bulk=_is_bulk(headers),
        text=text,
        newest=newest,
        signature=signature,
        events=tuple(events.values()),
        draft=is_unsent(labels, headers),
        by_followup="x-followup-draft" in headers,
    )
