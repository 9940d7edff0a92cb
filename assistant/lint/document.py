"""A draft as the linter sees it: the new text only, with every position mapped back.

Quoted history and the signature are not the writer's words for this email, so they are
not linted (placeholders excepted: an unfilled "[Phone]" in a signature still goes out).
Disable comments are read here and left out. Every span keeps its line and column in
the file the user gave, so findings point where an editor would.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from assistant.quoting import split_reply

# One comment style, documented in docs/lint-rules.md: an HTML comment on its own line.
DIRECTIVE = re.compile(r"^\s*<!--\s*followup:\s*disable\b\s*(?P<ids>[^>]*?)\s*-->\s*$", re.IGNORECASE)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hiya)\b"
    r"(?P<names>[^,:!.\n]{0,60})[,:!.]?\s*$", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^\s*(?:best(?: regards| wishes)?|kind(?:est)? regards|warm(?:est)? regards|regards|"
    r"many thanks|thanks(?: again| so much| a lot)?|thank you(?: again| so much)?|cheers|"
    r"sincerely|yours(?: sincerely| truly)?|all the best|talk soon|warmly|respectfully|"
    r"with gratitude|with thanks|gratefully|best wishes)\s*[,.!]*\s*$", re.IGNORECASE)
WORD = re.compile(r"[^\W_](?:[\w'\u2019-]*[^\W_])?")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie inc ltd co corp approx no fig dept".split())
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?=\s|$)")
_BULLET = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")  # matched at a line's start


def strip_directives(text: str) -> str:
    """The draft without its `<!-- followup: disable ... -->` lines, ready to save or send."""
    lines = text.split("\n")
    kept = [line for line in lines if not DIRECTIVE.match(line.rstrip("\r"))]
    return "\n".join(kept)


@dataclass(slots=True)  # one per sentence: no __dict__ each
class Span:
    """A stretch of the body text: [start, end) offsets into `Document.text`."""

    start: int
    end: int
    text: str
    words: int = 0  # counted for sentences


@dataclass
class Subject:
    """The subject, placeholders masked; `at[i]` is the file (line, column) of character i."""

    text: str
    at: list[tuple[int, int]]
    original: str

    def position(self, offset: int) -> tuple[int, int]:
        return self.at[min(offset, len(self.at) - 1)]


@dataclass
class Document:
    raw: str
    text: str  # the body: new text, no quotes, signature or directives; lines joined by \n
    line_numbers: array  # body line i came from this 1-based line of raw
    line_starts: array  # offset of body line i in text
    signature: str
    signature_line: int  # 1-based line of raw where the signature starts (0: none)
    disabled: list[tuple[str, int, int]] = field(default_factory=list)  # (id, line, col)
    headers: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of To:, Cc: lines
    original: str = ""  # the body before placeholders were masked
    is_email: bool = False  # the draft came with mail headers
    had_text: bool = False  # the body had text before quotes and signature were set aside
    note: str = ""  # how positions are to be read, when they are not the file's lines
    subject: "Subject | None" = None
    placeholders: list = field(default_factory=list)  # (rule, body offset | None, (line, col) | None, text)
    greeting: Span | None = None
    closing_from: int = -1  # offset where the sign-off starts (-1: none)
    prose: list[Span] = field(default_factory=list)  # paragraphs of prose
    sentences: list[Span] = field(default_factory=list)
    word_starts: array = field(default_factory=lambda: array("l"))  # offset of each word, up to the sign-off

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, in the user's file, of a body offset."""
        import bisect

        i = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        if not self.line_numbers:
            return 1, 1
        return self.line_numbers[i], offset - self.line_starts[i] + 1


def parse(raw: str) -> Document:
    """Split a draft into its parts and find its greeting, paragraphs, sentences and words.

    An email (headers on top) is read as one: only its body is prose, its subject is kept
    apart for the subject rules. Placeholders are found first and masked, so the words
    inside "[Include anything you promised]" are reported once, as a placeholder.
    """
    from assistant.lint import message

    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    envelope = message.read(raw)
    source, first = (envelope.body, envelope.first_line) if envelope else (raw, 1)
    kept, kept_numbers, disabled = _directives(raw, source, first, envelope)
    newest, signature = split_reply("\n".join(kept))
    body_lines = newest.split("\n") if newest else []
    # each body line's line in the file: body lines are kept lines, in order, some left out
    numbers = array("l")
    j = 0
    for body_line in body_lines:
        while j < len(kept) and kept[j].rstrip() != body_line.rstrip():
            j += 1
        numbers.append(kept_numbers[j] if j < len(kept) else (numbers[-1] + 1 if numbers else first))
        j += 1
    signature_line = 0
    if signature:
        first_sig = signature.split("\n", 1)[0].rstrip()
        last = numbers[-1] if numbers else 0
        signature_line = next((kept_numbers[k] for k in range(len(kept))
                               if kept_numbers[k] > last and kept[k].rstrip() == first_sig), 0)
    starts, at = array("l"), 0
    for body_line in body_lines:
        starts.append(at)
        at += len(body_line) + 1
    headers = [(h.line + i, line) for h in (envelope.headers if envelope else ())
               if h.name.lower() in message.ADDRESS_HEADERS for i, line in enumerate(h.lines)]
    text = newest or ""
    doc = Document(raw=raw, text=text, line_numbers=numbers, line_starts=starts,
                   signature=signature, signature_line=signature_line, disabled=disabled,
                   headers=headers, original=text, is_email=envelope is not None,
                   note=envelope.note if envelope else "",
                   had_text=any(line.strip() for line in kept))
    _placeholders(doc, envelope.subject if envelope else None)
    _structure(doc, body_lines if doc.text is text else doc.text.split("\n"))  # masking keeps lines
    return doc


def _directives(raw: str, source: str, first: int, envelope):
    """The body's lines without disable comments, their file line numbers, and what they disable.

    Without any comment (nearly always) the lines are numbered by a range, not a list.
    """
    lines = source.split("\n")
    disabled: list[tuple[str, int, int]] = []
    if "<!--" not in raw:
        return lines, range(first, first + len(lines)), disabled
    kept, numbers = [], array("l")
    above = raw.split("\n", first - 1)[:first - 1] if envelope and not envelope.decoded else []
    for number, line in [*enumerate(above, 1), *enumerate(lines, first)]:
        m = DIRECTIVE.match(line) if "<!--" in line else None
        if m:
            for n in re.finditer(r"[\w.-]+", m.group("ids")):
                disabled.append((n.group().lower(), number, m.start("ids") + n.start() + 1))
        elif number >= first:
            kept.append(line)
            numbers.append(number)
    return kept, numbers, disabled


def _placeholders(doc: Document, subject) -> None:
    """Find every placeholder once (body, subject, To/Cc, signature) and mask it in the body."""
    from assistant.lint.rules import find_placeholders

    found = find_placeholders(doc.text)
    if found:
        pieces, at = [], 0
        for rule, start, end, match in found:
            doc.placeholders.append((rule, start, None, match))
            pieces += [doc.text[at:start], "_" * (end - start)]
            at = end
        doc.text = "".join(pieces) + doc.text[at:]
    if subject is not None:
        text = subject.text
        for rule, start, end, match in find_placeholders(text):
            doc.placeholders.append((rule, None, subject.at[start], match))
            text = text[:start] + "_" * (end - start) + text[end:]
        doc.subject = Subject(text, subject.at, subject.text)
    sig = ([(doc.signature_line + i, line) for i, line in enumerate(doc.signature.split("\n"))]
           if doc.signature_line else [])
    for number, line in doc.headers + sig:
        for rule, start, _, match in find_placeholders(line):
            doc.placeholders.append((rule, None, (number, start + 1), match))


def _structure(doc: Document, body_lines: list[str]) -> None:
    """Find greeting, sign-off, prose paragraphs, sentences and words of the body."""
    nonblank = [i for i, line in enumerate(body_lines) if line.strip()]
    if not nonblank:
        return
    first = nonblank[0]
    m = _GREETING.match(body_lines[first])
    prose_from = first
    if m and len(WORD.findall(body_lines[first])) <= 7:
        start = doc.line_starts[first]
        doc.greeting = Span(start, start + len(body_lines[first]), body_lines[first])
        prose_from = first + 1
    prose_to = len(body_lines)
    for i in reversed(nonblank[-4:]):
        if i >= prose_from and _SIGN_OFF.match(body_lines[i]):
            prose_to = i
            doc.closing_from = doc.line_starts[i]
            break
    # paragraphs: runs of non-blank lines between prose_from and prose_to
    para: list[int] = []
    for i in range(prose_from, prose_to + 1):
        if i < prose_to and body_lines[i].strip():
            para.append(i)
            continue
        if para:
            start = doc.line_starts[para[0]]
            end = doc.line_starts[para[-1]] + len(body_lines[para[-1]])
            doc.prose.append(Span(start, end, doc.text[start:end]))
            para = []
    for p in doc.prose:
        doc.sentences.extend(_sentences(p))
    end = doc.closing_from if doc.closing_from >= 0 else len(doc.text)
    doc.word_starts = array("l", (m.start() for m in WORD.finditer(doc.text, 0, end)))


def _sentences(p: Span) -> list[Span]:
    """Sentences of one paragraph: end punctuation before a space, or a bulleted line.

    Linear in the paragraph: only a short window before each full stop is looked at.
    """
    cuts = [0]
    for m in _SENTENCE_END.finditer(p.text):
        before = p.text[max(0, m.start() - 40):m.start()].rsplit(None, 1)
        token = before[-1].lower().rstrip(".") if before else ""
        if m.group().startswith(".") and len(m.group()) == 1 and token in _ABBREVIATIONS:
            continue
        cuts.append(m.end())
    for m in re.finditer(r"\n", p.text):
        if _BULLET.match(p.text, m.end()):
            cuts.append(m.start())
    cuts = sorted(set(cuts)) + [len(p.text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        chunk = p.text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append(Span(p.start + a + lead, p.start + a + lead + len(chunk), chunk,
                            len(WORD.findall(chunk))))
    return out
