"""A draft as the linter sees it: the new text only, with every position mapped back.

Quoted history and the signature are not the writer's words for this email, so they are
not linted (placeholders excepted: an unfilled "[Phone]" in a signature still goes out).
Disable comments are read here and left out. Every span keeps its line and column in
the file the user gave, so findings point where an editor would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.quoting import split_reply

# One comment style, documented in docs/lint-rules.md: an HTML comment on its own line.
DIRECTIVE = re.compile(r"^\s*<!--\s*followup:\s*disable\b\s*(?P<ids>[^>]*?)\s*-->\s*$", re.IGNORECASE)
_HEADER = re.compile(r"^(?:Subject|To|Cc|Bcc|From|Reply-To)\s*:", re.IGNORECASE)
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
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")


def strip_directives(text: str) -> str:
    """The draft without its `<!-- followup: disable ... -->` lines, ready to save or send."""
    lines = text.split("\n")
    kept = [line for line in lines if not DIRECTIVE.match(line.rstrip("\r"))]
    return "\n".join(kept)


@dataclass
class Span:
    """A stretch of the body text: [start, end) offsets into `Document.text`."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    raw: str
    text: str  # the body: new text, no quotes, signature or directives; lines joined by \n
    line_numbers: list[int]  # body line i came from this 1-based line of raw
    line_starts: list[int]  # offset of body line i in text
    signature: str
    signature_line: int  # 1-based line of raw where the signature starts (0: none)
    disabled: list[tuple[str, int, int]] = field(default_factory=list)  # (id, line, col)
    headers: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of Subject: etc.
    greeting: Span | None = None
    closing_from: int = -1  # offset where the sign-off starts (-1: none)
    prose: list[Span] = field(default_factory=list)  # paragraphs of prose
    sentences: list[Span] = field(default_factory=list)
    words: list[Span] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, in the user's file, of a body offset."""
        import bisect

        i = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        if not self.line_numbers:
            return 1, 1
        return self.line_numbers[i], offset - self.line_starts[i] + 1


def parse(raw: str) -> Document:
    """Split a draft into its parts and find its greeting, paragraphs, sentences and words."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    disabled: list[tuple[str, int, int]] = []
    kept: list[tuple[int, str]] = []
    headers: list[tuple[int, str]] = []
    in_headers = True
    for number, line in enumerate(lines, 1):
        m = DIRECTIVE.match(line)
        if m:
            for n in re.finditer(r"[\w.-]+", m.group("ids")):
                disabled.append((n.group().lower(), number, m.start("ids") + n.start() + 1))
            continue
        if in_headers and _HEADER.match(line):
            headers.append((number, line))  # a Subject:/To: block on top is not the body
            continue
        in_headers = in_headers and not line.strip()
        kept.append((number, line))
    newest, signature = split_reply("\n".join(line for _, line in kept))
    body_lines = newest.split("\n") if newest else []
    numbers: list[int] = []
    j = 0
    for body_line in body_lines:
        while j < len(kept) and kept[j][1].rstrip() != body_line.rstrip():
            j += 1
        numbers.append(kept[j][0] if j < len(kept) else (numbers[-1] + 1 if numbers else 1))
        j += 1
    signature_line = 0
    if signature:
        first = signature.split("\n", 1)[0].rstrip()
        for number, line in kept:
            if number > (numbers[-1] if numbers else 0) and line.rstrip() == first:
                signature_line = number
                break
    starts, at = [], 0
    for body_line in body_lines:
        starts.append(at)
        at += len(body_line) + 1
    doc = Document(raw=raw, text="\n".join(body_lines), line_numbers=numbers, line_starts=starts,
                   signature=signature, signature_line=signature_line, disabled=disabled,
                   headers=headers)
    _structure(doc, body_lines)
    return doc


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
    doc.words = [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(doc.text)
                 if doc.closing_from < 0 or m.start() < doc.closing_from]


def _sentences(p: Span) -> list[Span]:
    """Sentences of one paragraph: end punctuation before a space, or a bulleted line."""
    cuts = [0]
    for m in _SENTENCE_END.finditer(p.text):
        before = p.text[:m.start()].rsplit(None, 1)
        token = before[-1].lower().rstrip(".") if before else ""
        if m.group().startswith(".") and len(m.group()) == 1 and token in _ABBREVIATIONS:
            continue
        cuts.append(m.end())
    for m in re.finditer(r"\n", p.text):
        if _BULLET.match(p.text[m.end():]):
            cuts.append(m.start())
    cuts = sorted(set(cuts)) + [len(p.text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        chunk = p.text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append(Span(p.start + a + lead, p.start + a + lead + len(chunk), chunk))
    return out
