"""Words a draft borrows from the thread: their time frame reported back, the greeting's register.

Pure functions. The advice ("If you haven't heard from them during the time frame they gave
you ... drop an email") is about *their* time frame, so a status check reports what they
wrote ("you mentioned that you would let me know by Friday"), never a date the tool worked
out from it. A greeting mirrors how they wrote to the user: "Dear Ms. Rivera" is answered
"Dear Mr. Lindqvist" (or "Dear Erik Lindqvist" when no title is known), "Hi Jordan" with "Hi Erik".
"""

from __future__ import annotations

import re

# The speaker's subject and verb, turned into reported speech addressed back to them.
# (pattern at the start of their clause, replacement); "we" and "I" become "you". "They"
# is someone else (the hiring managers), so a clause starting with it is not reported.
_SUBJECT_VERBS: tuple[tuple[str, str], ...] = (
    (r"(?:we|i)(?:'ll| will| shall)", "you would"),
    (r"(?:we|i)'d", "you would"),
    (r"we(?:'re| are)", "you were"),
    (r"i(?:'m| am)", "you were"),
    (r"(?:we|i)(?:'ve| have)", "you had"),
    (r"(?:we|i) (?:can|could)", "you could"),
    (r"(?:we|i) (?:should|hope|expect|aim|plan|intend|want|need)s?\b", None),  # verb kept, past
    (r"(?:the|our) ((?:hiring |recruiting )?(?:team|panel|manager|hiring manager|committee))(?:'ll| will)",
     r"the \1 would"),
    (r"(?:the|our) ((?:hiring |recruiting )?(?:team|panel|manager|hiring manager|committee)) (?:is|are)",
     r"the \1 was"),
    (r"(?:the|our) ((?:hiring |recruiting )?(?:team|panel|manager|hiring manager|committee)) "
     r"(hopes|expects|aims|plans|intends|should)\b", None),
    (r"you(?:'ll| will)", "I would"),
    (r"you should", "I should"),
    (r"you can", "I could"),
)
_SUBJECTS = tuple((re.compile(p, re.I), r) for p, r in _SUBJECT_VERBS)
_PAST = {"hope": "hoped", "hopes": "hoped", "expect": "expected", "expects": "expected", "aim": "aimed",
         "aims": "aimed", "plan": "planned", "plans": "planned", "intend": "intended", "intends": "intended",
         "want": "wanted", "need": "needed", "should": "should"}
# The rest of their clause: first and second person swap places; will becomes would.
_SWAP = {"you": "me", "your": "my", "yours": "mine", "yourself": "myself", "us": "you", "our": "your",
         "ours": "yours", "we": "you", "me": "you", "my": "your", "i": "you", "will": "would",
         "we'll": "you would", "i'll": "you would", "you'll": "I would", "can": "could", "shall": "would"}
# ...and reported to someone else than the speaker: "us" are "them".
_SWAP_THIRD = {"us": "them", "our": "their", "ours": "theirs", "we": "they", "we'll": "they would",
               "i": "they", "me": "them", "my": "their", "i'll": "they would", "myself": "themselves"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Where a clause starts inside their sentence: a new subject after "and", "so", ";" or ":".
_CLAUSE_BREAK = re.compile(r"(?:[;:]|,? (?:and|so|but|then)|,)\s+(?=(?:we|i|you|the|our)\b)", re.I)
_LEAD = re.compile(r"^(?:(?:so|and|but|then|also|hopefully|ideally|anyway|otherwise|either way),?\s+)+", re.I)
MAX_WORDS = 22  # longer than this reads as pasted, not reported
NAME_LIMIT = 100  # a longer "name" is not one to look for (and would make a huge pattern)
SENTENCE_LIMIT = 1000


def reported(sentence: str, phrase: str, speaker: str = "you") -> str | None:
    """Their sentence as reported speech, or None when it does not turn cleanly.

    "We'll let you know by Friday." -> "you would let me know by Friday" (to the one who
    said it), "the team would let me know by Friday" (speaker="the team", to someone else);
    "The team is wrapping up ... and we'll have an update for you early next week." ->
    "you would have an update for me early next week". The time phrase stays as they wrote it.
    """
    swap = _SWAP if speaker == "you" else {**_SWAP, **_SWAP_THIRD}
    text = " ".join(str(sentence)[:SENTENCE_LIMIT].split()).rstrip(" .!")
    if not text or not phrase or phrase.lower() not in text.lower():
        return None
    clause = text
    for part in _CLAUSE_BREAK.split(text):
        if phrase.lower() in part.lower():
            clause = part
            break
    clause = _LEAD.sub("", clause.strip())
    for pattern, replacement in _SUBJECTS:
        m = pattern.match(clause)
        if m is None:
            continue
        if replacement is None:  # "we hope to" -> "you hoped to"; "the team expects" -> "the team expected"
            words = m.group(0).split()
            head = speaker if words[0].lower() in ("we", "i") else "the " + " ".join(words[1:-1])
            subject = f"{head} {_PAST.get(words[-1].lower(), words[-1])}"
        else:
            subject = m.expand(replacement)
            if subject.startswith("you "):
                subject = speaker + subject[3:]
        rest = _WORD.sub(lambda w: swap.get(w.group(0).lower(), w.group(0)), clause[m.end():])
        tail = rest.rpartition(" and ")[2]  # "share my notes ... and get back to me by Friday"
        if tail != rest and phrase.lower() in tail.lower():
            rest = " " + tail.strip()
        out = f"{subject}{rest}".strip()
        if phrase.lower() in out.lower() and len(out.split()) <= MAX_WORDS:
            return out
        return None
    return None


# Relative time words in a time frame reported after the fact, anchored to the day it was said:
# "early next week", read fifteen days later, would name a week still ahead. Their words
# stay, shifted as reported speech shifts them; never a date they did not write.
# (pattern, replacement, why)
_DAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ANCHORS: tuple[tuple[str, str, str], ...] = (
    (r"\bnext week\b", "the following week", "'next week' now would be the coming one"),
    (r"\bnext month\b", "the following month", "as above, for months"),
    (rf"\bnext {_DAY}\b", r"the following \1", "as above, for a weekday"),
    (r"\bthe end of the week\b", "the end of that week", "'the week' is the week it was said"),
    (r"\bthis (week|month|year)\b", r"that \1", "'this' is the week it was said"),
    (rf"\bthis {_DAY}\b", r"that \1", "as above, for a weekday"),
    (r"\bwithin the next\b", "within the", "'the next' days are those after the email"),
    (r"\btomorrow\b", "the next day", "'tomorrow' now would be the day after today"),
    (r"\btonight\b", "that evening", "as above"),
    (r"\b(later )?today\b", r"\1that day", "as above"),
    (r"\bin (a|one|two|three|four|five|six|a couple of|a few|\d+) (days?|weeks?|business days?|working days?)\b",
     r"within \1 \2", "'in two weeks' now would count from today"),
    (rf"\b(by|on|before|until|after) {_DAY}\b(?! (?:the following|that|next|this) |,? (?:the )?\d)",
     r"\1 that \2", "a bare weekday now would be the coming one (a dated one, 'Friday 20 November', stays)"),
)
_ANCHORS = tuple((re.compile(p, re.I), r) for p, r, _ in ANCHORS)


def anchored(text: str) -> str:
    """Their time frame, reported after the day they said it: "you would let me know early
    next week" -> "... early the following week", "by Friday" -> "by that Friday"."""
    for pattern, replacement in _ANCHORS:
        text = pattern.sub(replacement, text)
    return text


# -- greetings --------------------------------------------------------------------------

_SALUTATION = re.compile(
    r"^\s*(dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[ ,]*"
    r"((?:(?:mr|ms|mrs|miss|mx|dr|prof)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?", re.I)
TITLE = re.compile(r"\b(Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?(?=\s+[A-Z])")


def salutation_of(text: str) -> tuple[str, bool] | None:
    """How a message opens: ("Dear", formal) where formal means title and surname ("Dear Ms.
    Okafor"); ("Hi", False) for "Hi Sam"; None when it opens without a greeting."""
    m = _SALUTATION.match(text or "")
    if m is None:
        return None
    word = m.group(1).capitalize()
    if word.lower() == "hey":
        word = "Hi"
    elif word.lower().startswith("good "):
        word = "Hello"  # "Good morning" is read at another time of day
    formal = bool(m.group(2) and TITLE.match(m.group(2)))
    return word, formal


def her_form_of_address(text: str, first: str, full: str) -> tuple[str, bool] | None:
    """How the user herself greeted this person ("Dear Ms. Calloway, dear Mr. Osei," names two):
    ("Dear Ms. Calloway,", formal) or ("Hi Zoë,", False), or None when her message greets
    someone else or no one. Her own words are the best evidence of how she addresses them."""
    surname = full.split()[-1] if len(full.split()) > 1 and len(full) <= NAME_LIMIT else ""
    names = [re.escape(n) for n in (first, surname) if n]
    if not names:
        return None
    opening = "\n".join((text or "").strip().splitlines()[:2])[:300]
    pattern = re.compile(rf"(?:^|[,;&]\s*|\band\s+)(dear|hi|hello|hey)\s+(?:((?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?)\s+)?"
                         rf"({'|'.join(names)})\b", re.I)
    m = pattern.search(opening)
    if m is None:
        return None
    word = "Hi" if m.group(1).lower() == "hey" else m.group(1).capitalize()
    if m.group(2):
        title = m.group(2).capitalize()
        title = title if title.endswith(".") or title == "Miss" else title + "."
        return f"{word} {title} {m.group(3)},", True
    return f"{word} {m.group(3)},", False


def greeting(word: str, formal: bool, first: str, full: str, title: str = "") -> str:
    """"Dear Mr. Lindqvist," / "Dear Erik Lindqvist," / "Hi Erik," / "Hello," without a name."""
    if not first:
        return "Hello,"
    if formal:
        surname = full.split()[-1] if len(full.split()) > 1 else ""
        if title and surname:
            return f"{word} {title} {surname},"
        return f"{word} {full if surname else first},"
    return f"{word} {first},"


def title_of(name: str, first: str, texts: list[str]) -> str:
    """The title a thread gives a person ("Dr", "Ms") where they sign or are named with one."""
    surname = name.split()[-1] if len(name.split()) > 1 and len(name) <= NAME_LIMIT else ""
    if not surname:
        return ""
    pattern = re.compile(rf"\b(Mr|Ms|Mrs|Miss|Mx|Dr|Prof)(\.?)\s+(?:{re.escape(first)}\s+)?{re.escape(surname)}\b")
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(1) + (m.group(2) or ("." if m.group(1) != "Miss" else ""))
    return ""


# -- what the thread says about a person and the interview -----------------------------------

_JOB_WORDS = re.compile(
    r"\b(Head|Director|Manager|Engineer|Analyst|Scientist|Lead|Recruiter|Coordinator|Partner|VP|"
    r"Vice President|Chief|Officer|Designer|Architect|Developer|Founder|CEO|CTO|CFO|COO|Researcher|"
    r"Consultant|Specialist|Principal|Product Owner)\b")


def job_title_of(name: str, texts: list[str]) -> str:
    """What a person does, as the thread says it: "Daniel Reyes, Head of Data", "Megan Doyle |
    Senior Technical Recruiter", or the line under their name in a signature."""
    if not name or " " not in name or len(name) > NAME_LIMIT:
        return ""
    who = re.escape(name)
    patterns = (
        re.compile(rf"\b{who}\s*(?:,|\||[-\u2013\u2014]|\()[ \t]*(?:(?:our|the|a|an) )?"
                   rf"([A-Z][^,()|\n.;:]{{2,60}}?)[ \t]*(?=[,()|\n.;]|$| and | on )"),
        re.compile(rf"^[ \t]*(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?[ \t]+)?{who}[ \t]*\n[ \t]*([A-Z][^\n,|]{{2,60}}?)[ \t]*(?:,[^\n]*)?$", re.M),
    )
    for text in texts:
        for pattern in patterns:
            for m in pattern.finditer(text):
                title = " ".join(m.group(1).split())
                if _JOB_WORDS.search(title) and "@" not in title:
                    return title
    return ""


# (pattern, what the interview was): the invitation's words, as a thank-you names them.
INTERVIEW_KINDS: tuple[tuple[str, str], ...] = (
    (r"system[- ]design", "the system-design round"),
    (r"case[- ]study", "the case study"),
    (r"take[- ]home|coding exercise|technical exercise", "the exercise review"),
    (r"\bpanel\b", "the panel interview"),
    (r"pair(ing)?[- ]programming", "the pairing session"),
    (r"technical (interview|round|screen)", "the technical interview"),
    (r"video (interview|call)", "the video interview"),
    (r"hiring manager (interview|call|screen)", "our conversation"),
    (r"phone (screen|call|interview)|recruiter (screen|call)|intro(ductory)? call", "our call"),
    (r"on-?site", "the onsite interview"),
    (r"final[- ](stage|round)", "the final-round interview"),
)
_KINDS = tuple((re.compile(p, re.I), what) for p, what in INTERVIEW_KINDS)
_WITH_TEAM = re.compile(r"\b(?:panel|interview|round|session|call|meet|meeting) with (?:the |our )"
                        r"((?:[A-Za-z][\w-]* ){0,2}team)\b")


def interview_kind(texts: list[str]) -> str:
    """"the panel interview with the data team", "the case study": what the invitation or the
    thread said the interview was; "" when it did not say."""
    for pattern, what in _KINDS:
        if any(pattern.search(t) for t in texts):
            team = next((m.group(1) for t in texts if (m := _WITH_TEAM.search(t))), "")
            return f"{what} with the {team}" if team and "our " not in what else what
    return ""

