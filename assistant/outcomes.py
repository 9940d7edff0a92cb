"""How a process ended: rejections and offers, recognised from their wording.

Phrase lists are data, each with the reason it is there. A rejection is checked first, so
that "we are unable to offer you the role" or "we have made an offer to another candidate"
is a rejection and never an offer.

Three kinds of wording look like an outcome and are not one:
- a hypothesis: "if you are not selected, we will keep your CV on file", "before we can
  make you an offer we need references" (a guard word earlier in the same sentence);
- a disclaimer: "this email is not an offer of employment" (blanked before offers are read);
- a hold: "the role has been put on hold". A hold pauses the process and is not a
  rejection: the company may reopen the role, and the advice is to keep waiting and keep
  applying. The process stays waiting or overdue and, if nothing more happens, shows as
  gone quiet in `followup status`. A cancelled or withdrawn role, on the other hand, is
  gone, and counts as a rejection.
"""

from __future__ import annotations

import re

# Words that make a verdict later in the same sentence hypothetical.
_IF = r"\b(if|unless|whether|in case|in the event|even if|should (you|we|your|the))\b"

# A verdict about a meeting is not a verdict about the candidate ("we won't be going ahead
# with Thursday's interview" is a reschedule).
_NOT_A_MEETING = (r"(?! with (\S+ ){0,2}(interview|call|meeting|chat|screen|session|slot|panel|"
                  r"conversation|role|position|vacancy|hiring|recruitment|requisition)s?\b)")

# (pattern, why). Sources: the wording of real UK and US rejection and offer letters; the
# advice's "rejection" step (stay professional, keep in touch) needs them told apart reliably.
REJECTION: tuple[tuple[str, str], ...] = (
    (r"(decided|chosen|elected|opted|going|plan|planning) to (move|go|proceed|progress|continue|pursue) "
     r"(forward |ahead )?(with )?((other|another|a different|an alternative|the other|an internal|a more suitable) "
     r"(candidate|applicant|person|profile)|candidates|applicants|someone else|somebody else|"
     r"a candidate (whose|who|with))",
     "they chose someone else"),
    (r"(pursue|pursuing|go with|going with|proceed with|proceeding with|move forward with|moving forward with|"
     r"progress with|progressing with|continue with|continuing with) (other|another|a different|an alternative|"
     r"a more suitable) (candidate|applicant)",
     "they chose someone else"),
    (r"\b(selected|chosen|hired|appointed|picked|identified|offered the (role|position|job) to) "
     r"(another|a different|an alternative|a more suitable|an internal|other|the other) (candidate|applicant|person)",
     "they chose someone else"),
    (r"\b(went|go|going|gone|move|moving|moved|head|heading|headed) in a different direction",
     "they chose someone else (US idiom)"),
    (r"\b(candidates?|applicants?) (whose|with) ([\w-]+ ){0,5}(more closely|better|more directly|more) "
     r"(match|matches|align|aligns|suit|suits|fit|fits|meet|meets)",
     "they chose someone else: the usual reason given"),
    (r"\b(another|a different|the other|other|an internal) (candidate|applicant)s? (has|have|who has|who have) "
     r"(now )?(accepted|taken)",
     "the job went to someone else: a rejection that mentions an offer"),
    (r"\b(made|extended|offered) (an |the |our )?(offer|role|position|job) to (another|a different|an internal|"
     r"the other|a more suitable|someone|somebody|a candidate)",
     "the job went to someone else: a rejection that mentions an offer"),
    (r"(not|n't|no longer) (be )?(moving|proceeding|progressing|going|taking (things|this|it)) "
     r"(forward|ahead|further)" + _NOT_A_MEETING,
     "they stop the process"),
    (r"(not|n't|no longer) (to )?(be )?(take|taking|taken|progress|progressing|progressed|move|moving|moved|"
     r"put|putting|carry|carrying) (you|your application|your candidacy|your profile|your cv|your CV)"
     r"( any| much)? (forward|further|ahead|through)",
     "they stop the process (UK: 'taking your application forward')"),
    (r"(not|n't|no longer) (be )?(progressing|proceeding with|continuing with|pursuing|considering|moving "
     r"forward with|going forward with|going ahead with) (you|your application|your candidacy|your profile)\b",
     "they stop the process (UK: 'we won't be progressing your application')"),
    (r"decided not to (proceed|move forward|progress|continue|pursue|go (forward|ahead))" + _NOT_A_MEETING,
     "they stop the process"),
    (r"(decided|chosen) not to (fill|hire for|recruit for|continue (with )?(the|this) (search|recruitment))",
     "the job is gone"),
    (r"(unable|not able|cannot|can't|can not|won't be able|will not be able|not in a position|not currently in "
     r"a position|are not able) to (offer you|extend (you )?(an|a|any) offer|make (you )?(an|a|any) offer|"
     r"progress (you|your application)|move forward" + _NOT_A_MEETING + ")",
     "an offer is ruled out: 'unable to offer' is a rejection"),
    (r"(not|n't|no longer) (be )?(extending|making|going to (make|extend)|in a position to (make|extend)) "
     r"(you )?(an|a|any) (formal |job )?offer",
     "an offer is ruled out"),
    (r"(will not|won't|shall not|not) be (offering you|inviting you|progressing you|taking you)",
     "they stop the process"),
    (r"\b(you|your (application|candidacy|profile|interview))( have| has| were| was| are|'ve|'re| had)?"
     r"( \w+ly)?( not|n't)( been)?( \w+ly)? (selected|successful|shortlisted|chosen|progressed)\b",
     "the application failed"),
    (r"\b(you|your (application|candidacy|interview|submission))( (for|to) [^.!?;]{0,80}?)?('ve| have| were| was|"
     r" has| had)( \w+ly)? (been )?unsuccessful",
     "the application failed"),
    (r"\bunsuccessful (on this occasion|this time|in (your|this) application)", "the application failed (UK)"),
    (r"\b(position|role|vacancy|job|post|requisition|opening) (has|had|have) (now )?been (filled|cancelled|canceled|"
     r"withdrawn|closed|eliminated)|\bfilled the (role|position|vacancy)",
     "the job is gone"),
    (r"no longer (hiring|recruiting) for", "the job is gone"),
)

OFFER: tuple[tuple[str, str], ...] = (
    (r"(pleased|delighted|happy|excited|thrilled|glad) to (formally )?(extend|offer|make|send|share)( you)?"
     r"( an| a| the| our| your)?( formal| verbal| written| conditional| official)? ?offer\b",
     "an offer is made"),
    (r"\b(pleased|delighted|happy|excited|thrilled|glad|like|love|want|wanted|able) to (formally )?offer you\b"
     r"(?!( \S+){0,3} (interview|call|chat|screen|meeting|conversation|slot|slots|assessment|feedback|advice|tips?|"
     r"insights?|thoughts|time|times|dates?|options?|choice|support|help|opportunity to (interview|meet|speak|"
     r"chat|talk|discuss))\b)(?! (a|the) (place|spot) (in|on|at))",
     "an offer is made (not 'we'd like to offer you an interview')"),
    (r"\boffer (letter|of employment|details|package|paperwork|pack)\b", "the offer's paperwork"),
    (r"\b(extend|extending|make|making|made) (you )?(an|a|our|the) ((formal|written|verbal|conditional|"
     r"provisional|contingent|official|job|final) ){0,2}offer\b",
     "an offer is made"),
    (r"\b(verbal|conditional|contingent|provisional|formal|written) offer\b", "an offer, if on conditions"),
    (r"\boffer (is|will be|remains|would be) (conditional|contingent|subject) (up)?(on|to)\b",
     "a conditional offer is an offer"),
    (r"(would|'d) love (to have you|for you to|you to) join (us|the team|our team|[A-Z][\w-]+)"
     r"(?! (for|on|at|in (a|an|the|our|person)|to (interview|meet|chat|talk))\b)",
     "an offer in warm words (not 'join us for an interview')"),
    (r"\bwelcome you (aboard|on board|onboard|to the team)", "an offer in warm words"),
)

# Offer wording that says no offer is made; these spans are blanked before offers are read.
NOT_AN_OFFER: tuple[tuple[str, str], ...] = (
    (r"\b(is|does|should|will|shall|must|would|do)( not|n't) (be )?(constitute|represent|amount to|imply|"
     r"(be )?(construed|considered|treated|taken|read|understood) as)? ?(an |a |any )?((formal|binding|firm|"
     r"contractual|guaranteed|official|job) )?offer( of employment| letter)?",
     "a disclaimer: 'this is not an offer of employment'"),
    (r"\bnot (an |a |any )?((formal|binding|firm|contractual|official|job) )?offer( of employment)?\b",
     "a disclaimer"),
    (r"\b(no|any) offer (has been|is being|will be|can be|is) (made|extended|guaranteed)", "no offer yet"),
)

# Words before an offer phrase that make it a future or a possibility rather than an offer.
_NOT_YET = (_IF + r"|\b(before|until|once (we|you|the|an|a|all)|hope|hoping|expect|expecting|plan|planning|"
            r"likely|may|might|could|would be able)\b")
# Anywhere in the sentence: an offer promised to whoever succeeds is not one made to you.
_CONDITIONAL = r"\b((if|should) (you )?(are |be |prove |were )?successful|successful candidates?|if successful)\b"
# A hold pauses a process: no rejection is read from a sentence that says the role is on hold.
HOLD = (r"\b(on hold|paused|pausing|freeze|frozen)\b|\b(put|placed|putting) (the (role|position|search|"
        r"process|hiring|recruitment) )?on ice\b")

_REJECTION = [re.compile(p, re.I) for p, _ in REJECTION]
_OFFER = [re.compile(p, re.I) for p, _ in OFFER]
_NOT_AN_OFFER = [re.compile(p, re.I) for p, _ in NOT_AN_OFFER]
_IF_RE = re.compile(_IF, re.I)
_NOT_YET_RE = re.compile(_NOT_YET, re.I)
_CONDITIONAL_RE = re.compile(_CONDITIONAL, re.I)
_HOLD_RE = re.compile(HOLD, re.I)
_SENTENCE_END = re.compile(r"[.!?;:](\s|$)")


def outcome_of(text: str) -> str | None:
    """'rejected', 'offer' or None for the newest text of one message from the company."""
    text = " ".join(text.split())  # wrapped lines must not hide a phrase
    if _fires(_REJECTION, text, _rejection_guarded):
        return "rejected"
    for p in _NOT_AN_OFFER:
        text = p.sub(lambda m: " " * len(m.group()), text)
    if _fires(_OFFER, text, _offer_guarded):
        return "offer"
    return None


def _fires(patterns: list[re.Pattern], text: str, guarded) -> bool:
    """True when a pattern matches somewhere its sentence does not make it hypothetical."""
    for p in patterns:
        for m in p.finditer(text):
            start, end = _sentence_around(text, m.start(), m.end())
            if not guarded(text[start:m.start()], text[start:end]):
                return True
    return False


_SENTENCE_REACH = 1000  # no sentence is longer; looking further made many matches quadratic


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(0, start - _SENTENCE_REACH)
    for b in _SENTENCE_END.finditer(text, begin, start):
        begin = b.end()
    stop = min(len(text), end + _SENTENCE_REACH)
    after = _SENTENCE_END.search(text, end, stop)
    return begin, after.start() + 1 if after else stop


def _rejection_guarded(before: str, sentence: str) -> bool:
    return bool(_IF_RE.search(before) or _HOLD_RE.search(sentence))


def _offer_guarded(before: str, sentence: str) -> bool:
    return bool(_NOT_YET_RE.search(before) or _CONDITIONAL_RE.search(sentence))


# My own words that end a process: the advice's "keep in touch" still applies, but no
# status check or thank-you is due. (pattern, why)
WITHDRAWAL: tuple[tuple[str, str], ...] = (
    (r"\bwithdraw(ing)? (my application|my candidacy|from (the|this|your) (process|search|role|position|consideration))",
     "I asked to withdraw"),
    (r"\b(remove|take) me (out )?(from|of) (consideration|the process)", "I asked to be removed"),
    (r"\b(accepted|accept|taking|take) (an|another|a different) (offer|position|role)( elsewhere)?\b",
     "I took another job"),
    (r"\bno longer (interested in|pursuing|looking for|available for) (the|this|a|new) ", "I stopped"),
)
_WITHDRAWAL = [re.compile(p, re.I) for p, _ in WITHDRAWAL]


def withdrawal_in(text: str) -> bool:
    """Does my message withdraw from the process? ("I've accepted another offer, so I'd
    like to withdraw.") A hypothesis ("if I withdraw...") does not count."""
    text = " ".join(text.split())
    return _fires(_WITHDRAWAL, text, lambda before, sentence: bool(_IF_RE.search(before) or _NOT_RE.search(before)))


_NOT_RE = re.compile(r"\b(not|n't|never|no intention of)\s*(be\s+|to\s+)?$", re.I)  # "I am not withdrawing"
