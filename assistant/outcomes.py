"""How a process ended: rejections and offers, recognised from their wording.

Phrase lists are data. A rejection is checked first, so that "we are unable to offer you
the role" is a rejection and never an offer.
"""

from __future__ import annotations

import re

# (pattern, why). Sources: the wording of real rejection and offer letters; the advice's
# "rejection" step (stay professional, keep in touch) needs them told apart reliably.
REJECTION: tuple[tuple[str, str], ...] = (
    (r"(decided|chosen|elected|opted) to (move|go|proceed|progress|continue) (forward |ahead )?with (other|another|a different|candidates)",
     "they chose someone else"),
    (r"(not|n't|no longer) (be )?(moving|proceeding|progressing|going|taking) (forward|ahead|further)",
     "they stop the process"),
    (r"decided not to (proceed|move forward|progress|continue|pursue)", "they stop the process"),
    (r"(unable|not able|cannot|can't|won't be able) to (offer you|extend an offer|move forward)",
     "an offer is ruled out"),
    (r"\b(not|n't) (been )?(selected|successful|shortlisted)\b", "the application failed"),
    (r"\bunsuccessful\b", "the application failed"),
    (r"position (has|had) (now )?been filled|filled the (role|position)", "the job is gone"),
    (r"\bregret to (inform|let you know|tell you)\b", "the standard opening of a rejection"),
    (r"(pursue|go with|proceed with) (other|another|a different) (candidate|applicant)",
     "they chose someone else"),
    (r"will not be (offering|inviting|progressing)", "they stop the process"),
)

OFFER: tuple[tuple[str, str], ...] = (
    (r"(pleased|delighted|happy|excited|thrilled|glad) to (formally )?(extend|offer|make)( you)?( an| a| the| our)?( formal| verbal| written)? ?offer",
     "an offer is made"),
    (r"(pleased|delighted|happy|excited|thrilled|glad) to offer you", "an offer is made"),
    (r"\boffer (letter|of employment)\b", "the offer's paperwork"),
    (r"\b(extend|make|made) (you )?(an|a formal|a written|a verbal) offer", "an offer is made"),
)

_REJECTION = [re.compile(p, re.I) for p, _ in REJECTION]
_OFFER = [re.compile(p, re.I) for p, _ in OFFER]


def outcome_of(text: str) -> str | None:
    """'rejected', 'offer' or None for the newest text of one message from the company."""
    text = " ".join(text.split())  # wrapped lines must not hide a phrase
    if any(p.search(text) for p in _REJECTION):
        return "rejected"
    if any(p.search(text) for p in _OFFER):
        return "offer"
    return None
