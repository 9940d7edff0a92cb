"""Separate what a reply adds from the history it quotes and from its signature.

A recruiter's promise ("we'll get back to you by Friday") that is merely quoted from an
older message must not be read as a new promise, so everything here errs on the side of
treating a block as history only when a mail client would have produced it. All functions
are pure over ``str`` so the thread logic can be tested without any MIME.
"""

from __future__ import annotations

import re

__all__ = ["split_reply", "strip_quoted", "split_signature"]

# "On Tue, 5 Mar 2024 at 10:02, Jane <jane@acme.com> wrote:" and its translations.
# Each form is (opening words, closing verb); the attribution may be wrapped by the
# sending client over up to three lines, so the joined lines are tested.
_ATTRIBUTION = re.compile(
    r"""^\s*(?:
        On\b.{0,300}?\bwrote\s*:
      | Le\b.{0,300}?\ba\s+[ée]crit\s*:
      | Am\b.{0,300}?\bschrieb.{0,120}:
      | El\b.{0,300}?\bescribi[óo]\s*:
      | Il\b.{0,300}?\bha\s+scritto\s*:
      | Op\b.{0,300}?\bschreef.{0,120}:
      | Em\b.{0,300}?\bescreveu\s*:
      | W\s+dniu\b.{0,300}?\bpisze\s*:
      | Den\b.{0,300}?\bskrev.{0,120}:
      | 在.{0,300}?(?:写道|寫道)\s*[:：]
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Only lines that look like the beginning of an attribution are worth joining.
_ATTRIBUTION_START = re.compile(r"^\s*(?:On|Le|Am|El|Il|Op|Em|W\s+dniu|Den|在)(?:\b|\s)", re.IGNORECASE)

# Outlook and friends: a separator line, then a block of "From:/Sent:/To:/Subject:".
_ORIGINAL_MESSAGE = re.compile(
    r"""^\s*(?:
        -{2,}\s*(?:Original\s+Message|Urspr[üu]ngliche\s+Nachricht|Message\s+d'origine
            |Mensaje\s+original|Messaggio\s+originale|Oorspronkelijk\s+bericht
            |Mensagem\s+original|Originalmeddelande|Alkuper[äa]inen\s+viesti)\s*-{2,}
      | -{2,}\s*Forwarded\s+message\s*-{2,}
      | Begin\s+forwarded\s+message\s*:
      | _{10,}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(?:From|Von|De|Da|Van|Från|Od|От)\s*:\*?\s*\S", re.IGNORECASE)
_HEADER_OTHER = re.compile(
    r"^\s*\*?(?:Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoy[ée]|Date|[ÀA]|Objet"
    r"|Enviado|Fecha|Para|Asunto|Inviato|Data|Oggetto|Verzonden|Aan|Onderwerp|Skickat"
    r"|Till|Ämne|Отправлено|Кому|Тема)\s*:",
    re.IGNORECASE,
)

_QUOTED = re.compile(r"^\s*>")
# A line ending in ":" that names a person, a date or a verb of writing, right above a
# quoted block, is an attribution in a form not listed above ("Jane Doe wrote:",
# "2024-03-05 10:02 GMT+01:00 Jane <j@x>:", "Jane kirjoitti:"). It is only trusted there.
_LOOSE_ATTRIBUTION = re.compile(
    r"^.{0,300}(?:@|\d{1,2}:\d{2}|\d{4}|\b(?:wrote|writes|kirjoitti|написал[аи]?)\b|のメッセージ"
    r"|写道|寫道|작성).{0,250}[:：]\s*$",
    re.IGNORECASE,
)
_LOOSE_ATTRIBUTION_MAX = 600  # what the pattern above can match at most; longer lines are prose

_SIG_DELIMITER = re.compile(r"^--\s?$")
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(?:Sent\s+(?:from|via)\s+(?:my\s+)?\S.{0,40}|Get\s+Outlook\s+for\s+\S.{0,30}"
    r"|Envoy[ée]\s+de\s+mon\s+\S.{0,30}|Von\s+meinem\s+\S.{0,40}\s+gesendet)\s*$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"""^\s*(?:
        best(?:\s+regards|\s+wishes)?|kind(?:est)?\s+regards|warm(?:est)?\s+regards|regards
      | many\s+thanks|thanks(?:\s+(?:again|so\s+much|a\s+lot))?|thank\s+you(?:\s+(?:again|so\s+much))?
      | thx|cheers|sincerely|yours\s+(?:sincerely|truly)|all\s+the\s+best|talk\s+soon
      | warmly|respectfully|with\s+gratitude|have\s+a\s+(?:great|good|nice)\s+(?:day|week|weekend)
      | cordialement|bien\s+[àa]\s+vous|saludos|un\s+saludo|atentamente|cordiali\s+saluti
      | mit\s+freundlichen\s+gr[üu](?:ß|ss)en|viele\s+gr[üu](?:ß|ss)e|beste\s+gr[üu](?:ß|ss)e
      | met\s+vriendelijke\s+groet|groeten|abra[çc]os|atenciosamente
    )[\s,.!]*$""",  # one class, not "\s*[,.!]*\s*": trailing spaces split many ways (quadratic)
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"[^\W\d_]+")
_MAX_SIGNATURE_LINES = 8


def split_reply(text: str) -> tuple[str, str]:
    """Return (newest text without quoted history or signature, the signature removed)."""
    return split_signature(strip_quoted(text))


def strip_quoted(text: str) -> str:
    """Drop quoted history: ">" lines, attributions, Outlook header blocks, forwards.

    Interleaved answers between quoted lines are kept; an attribution or header block
    that is not followed by ">" lines (Outlook, converted HTML) ends the new text.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    n = len(lines)
    i = 0
    checked = -1  # len(out) when the line above a quoted block was last looked at
    while i < n:
        line = lines[i]
        if _QUOTED.match(line):
            # Look once per block, not once per quoted line (that was quadratic); again
            # only after a drop, which may bare another attribution above it.
            if len(out) != checked:
                before = len(out)
                _drop_loose_attribution(out)
                checked = len(out) if len(out) == before else -1
            i += 1
            continue
        used = _attribution_length(lines, i)
        if used:
            j = i + used
            while j < n and not lines[j].strip():
                j += 1
            if j < n and _QUOTED.match(lines[j]):
                i = j
                continue
            break
        if _ORIGINAL_MESSAGE.match(line) or _header_block_at(lines, i):
            break
        out.append(line)
        i += 1
    return "\n".join(out).strip("\n").rstrip()


def split_signature(text: str) -> tuple[str, str]:
    """Return (body, signature): a "-- " block, a mobile footer, or the lines after a sign-off."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _SIG_DELIMITER.match(line) and index > 0:
            return _join(lines[:index]), _join(lines[index + 1:])
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    # A mobile footer is the last line written (only that one is tried: trying each line
    # against all the lines after it was quadratic).
    if nonblank and _MOBILE_SIGNATURE.match(lines[nonblank[-1]]):
        index = nonblank[-1]
        return _join(lines[:index]), lines[index].strip()
    for k in reversed(nonblank[-(_MAX_SIGNATURE_LINES + 1):]):
        if _SIGN_OFF.match(lines[k]):
            tail = lines[k + 1:]
            if any(s.strip() for s in tail) and _looks_like_signature(tail):
                return _join(lines[: k + 1]), _join(tail)
            break
    return text.rstrip(), ""


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n").rstrip()


def _looks_like_signature(lines: list[str]) -> bool:
    """A name, a title, a phone number: short lines, none of them a sentence of prose."""
    body = [s.strip() for s in lines if s.strip()]
    if len(body) > _MAX_SIGNATURE_LINES:
        return False
    for line in body:
        words = _WORD.findall(line)
        if len(line) > 90:
            return False
        if len(words) >= 4 and line[-1] in ".!?":
            return False
        lower = sum(1 for w in words if w[0].islower())
        if len(words) >= 4 and lower * 2 > len(words):
            return False
    return True


def _attribution_length(lines: list[str], i: int) -> int:
    """How many lines (1-3) starting at i form an "On ... wrote:" line, 0 if none."""
    first = lines[i].strip()
    if not first or len(first) > 400 or not _ATTRIBUTION_START.search(first):
        return 0
    joined = first
    for used in range(1, 4):
        if _ATTRIBUTION.match(joined):
            return used
        if i + used >= len(lines):
            break
        following = lines[i + used].strip()
        if not following or _QUOTED.match(following):
            break
        joined = f"{joined} {following}"
        if len(joined) > 500:
            break
    return 0


def _header_block_at(lines: list[str], i: int) -> bool:
    """True when a quoted "From: ... Sent: ... To: ... Subject:" block starts at line i."""
    if not _HEADER_FROM.match(lines[i]):
        return False
    seen = 0
    for following in lines[i + 1: i + 7]:
        if _HEADER_OTHER.match(following):
            seen += 1
            if seen >= 2:
                return True
    return False


def _drop_loose_attribution(out: list[str]) -> None:
    """Remove an unrecognised attribution line sitting right above a quoted block."""
    k = len(out) - 1
    while k >= 0 and not out[k].strip():
        k -= 1
    if k >= 0 and len(out[k].rstrip()) <= _LOOSE_ATTRIBUTION_MAX and _LOOSE_ATTRIBUTION.match(out[k]):
        del out[k:]
