"""Is this thread a hiring process, and with whom? Company, role and contacts.

Pure functions over parsed messages. The word lists are data: each says why it is there.
A false process in the list costs the user's trust more than a missed one costs a rerun
with --verbose, so the body pass is strict where the header pass was generous.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from assistant.mail import Address, Message
from assistant.mailbox.scan import is_reply_subject
from assistant.senders import (
    ATS, NOTIFIERS, could_be_company, domain_of, in_domains, is_ats, is_automated, is_calendar_system, is_robot,
)

# (pattern, weight, why). Scored on the newest text and subject of a company's messages.
HIRING_SIGNALS: tuple[tuple[str, int, str], ...] = (
    (r"thank(s| you) for (applying|your application|your interest in (the|our))", 3,
     "an application acknowledgement"),
    (r"your (application|candidacy)", 2, "speaks of the user's application"),
    (r"\binterview(s|ed|ing)?\b", 2, "an interview is arranged or discussed"),
    (r"hiring (manager|team)|recruit(er|ing|ment) (team|process)", 2, "the hiring side speaks"),
    (r"\b(phone|video|technical|initial|final|recruiter|intro|hiring manager)[ -](screen|call|round|stage)",
     2, "a stage of a hiring process"),
    (r"\bwe('re| are) hiring\b|\bhave an? (opening|vacancy|open role)\b|\bI lead recruiting\b", 2,
     "a job on offer to the user"),
    (r"\b(offer you|offer of employment|offer letter|extend (you )?an offer)", 3, "an offer"),
    (r"(move|moving) forward with (your|other|another) (application|candidate)", 3,
     "an outcome"),
    (r"\bnext (steps?|round|stage)\b", 1, "a process with stages"),
    (r"\bthe (role|position|opening|vacancy)\b", 1, "a particular job"),
    (r"\b(take-home|assessment|case study|coding exercise)\b", 1, "an exercise for candidates"),
    (r"\b(we|i)('ll| will| shall) (be in touch|get back to you|follow up|update you)|hear (back )?from (us|me)\b",
     1, "a promise to reply"),
)
_SIGNALS = tuple((re.compile(p, re.I), w, why) for p, w, why in HIRING_SIGNALS)
HIRING_THRESHOLD = 3

# Titles, read from signatures and display names, that say what a person does.
COORDINATOR = re.compile(r"coordinator|scheduling|scheduler|recruiting operations|\bRecOps\b", re.I)
RECRUITER = re.compile(
    r"recruit|talent|sourc(er|ing)|people partner|\bHR\b|human resources|headhunt|staffing"
    r"|resourcing|search consultant",
    re.I,
)
HIRING_MANAGER = re.compile(r"hiring manager", re.I)
# Domains whose words say "agency": they introduce candidates to a client.
# "research" is no search firm (researchgate.net is an employer).
AGENCY_DOMAIN = re.compile(r"recruit|talent|staffing|resourcing|(?<!re)search|headhunt|placement|agency", re.I)

JOB_NOUN = (
    r"Analyst|Engineer|Scientist|Developer|Designer|Manager|Architect|Consultant|Specialist"
    r"|Administrator|Associate|Director|Lead|Researcher|Strategist|Coordinator|Writer"
    r"|Accountant|Officer|Advocate|Technician|Programmer|Editor|Marketer|Partner"
)
ROLE = re.compile(
    r"\b((?:(?:Senior|Sr\.|Junior|Jr\.|Lead|Staff|Principal|Head of|Chief|[A-ZÀ-ÖØ-Þ][\w+/&.'’-]{0,40}|&)"
    r"[ \t]+){0,4}"
    rf"(?:{JOB_NOUN}))(?:[ \t]+(?:I{{1,3}}|IV|\d))?\b"
)
_ROLE_TEAM = re.compile(r",[ \t]+[A-Z][\w&]*(?:[ \t]+[A-Z][\w&]*)?(?=$|[ \t]*[-|:(])|[ \t]+\([A-Z][A-Za-z& ]*\)")
ROLE_STOP = re.compile(
    r"^(The|A|An|Our|Your|This|That|Dear|Hi|Hello|Thanks|Thank|For|As|At|With|And|Re|Fwd|Interview|Application|Offer|Invitation|Update|Next)\b\s*"
)


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    role: str  # recruiter, interviewer, coordinator or other


def is_company_sender(msg: Message, me: frozenset[str]) -> bool:
    """Mail from a company's people or its ATS, not from me, friends or notification robots."""
    if msg.sender is None or msg.sender.email in me or msg.bulk or _discarded(msg):
        return False
    return could_be_company(msg.sender.email) and not is_calendar_system(msg.sender.email)


def _discarded(msg: Message) -> bool:
    """Gmail already judged it: mail in Spam or Trash is no one's hiring process."""
    return "Spam" in msg.labels or "Trash" in msg.labels


def is_mine(msg: Message, me: frozenset[str]) -> bool:
    return msg.sender is not None and msg.sender.email in me or "Sent" in msg.labels


def hiring_score(messages: list[Message], me: frozenset[str]) -> int:
    """How strongly the company's messages in a thread read as a hiring process."""
    theirs = [m for m in messages if is_company_sender(m, me)]
    if not theirs:
        return 0
    hits: set[str] = set()
    score = 0
    for m in theirs:
        text = f"{m.subject}\n{m.newest}"
        for pattern, weight, why in _SIGNALS:
            if why not in hits and pattern.search(text):
                hits.add(why)
                score += weight
        if any(not e.cancelled and _attends(e, me) for e in m.events):
            if "invite" not in hits:
                hits.add("invite")
                score += 2  # a company invited me to a meeting
    if any(is_mine(m, me) for m in messages):
        score += 1  # a conversation, not a broadcast
    return score


def company_parties(event, me: frozenset[str]) -> list[Address]:
    """The people at a company an event names (organizer first), not me, not a calendar robot."""
    return [a for a in (event.organizer, *event.attendees)
            if a is not None and a.email and a.email not in me and could_be_company(a.email)
            and not is_robot(a.email) and not is_calendar_system(a.email)]


def invited_by_company(msg: Message, me: frozenset[str]) -> bool:
    """Someone at a company asked me to a meeting: their invite, or their event in my calendar.

    My own events are not: reminders of them, invitations I sent (to myself or to a friend),
    and the "Accepted:" replies those bring back.
    """
    for e in msg.events:
        if e.organizer is not None and e.organizer.email:
            if e.organizer in company_parties(e, me):
                return True
        elif is_company_sender(msg, me) or company_parties(e, me):
            return True  # an ATS's .ics often names no organizer
    return False


def on_behalf_of(msg: Message, me: frozenset[str]) -> Message:
    """A calendar's mail as the person it speaks for: Google Calendar sends a recruiter's
    invitation as "Priya Shah <calendar-notification@google.com>"; the author is Priya, the
    event's organizer (or the Reply-To), never "Google"."""
    if msg.sender is None or not is_calendar_system(msg.sender.email):
        return msg
    for e in msg.events:
        if e.organizer is not None and e.organizer in company_parties(e, me):
            return replace(msg, sender=e.organizer)
    reply = msg.reply_to
    if reply is not None and reply.email not in me and could_be_company(reply.email) and not is_robot(reply.email):
        return replace(msg, sender=reply)
    return msg


def is_my_calendar(msg: Message, me: frozenset[str]) -> bool:
    """Calendar mail about my own events: a reminder, an invitation I sent myself or a friend.

    Written by a calendar (or by me through one), naming no one at a company.
    """
    if msg.sender is None:
        return False
    if not (is_calendar_system(msg.sender.email) or msg.sender.email in me):
        return _to_oneself(msg)
    if not msg.events:
        return is_calendar_system(msg.sender.email)
    return not any(company_parties(e, me) for e in msg.events)


def _to_oneself(msg: Message) -> bool:
    """An event nobody else attends, mailed by its owner to herself: a reminder from an
    address of mine that `me` does not list (a work or university calendar)."""
    own = {msg.sender.email}
    return bool(msg.events) and all(a.email in own for a in msg.to) and all(
        a is None or not a.email or a.email in own for e in msg.events for a in (e.organizer, *e.attendees))


def _attends(event, me: frozenset[str]) -> bool:
    return any(a.email in me for a in event.attendees) or not event.attendees


AGREED_INTERVIEW = 2  # an interview agreed in words is hiring evidence (invites already count)


def could_be_hiring(score: int) -> bool:
    """False when not even an interview found in the text could make this hiring mail."""
    return score + AGREED_INTERVIEW >= HIRING_THRESHOLD


def is_hiring(messages: list[Message], me: frozenset[str], interviews: list = (), score: int | None = None) -> bool:
    """Hiring wording, and a beginning: an application, an interview, my own reply, or a
    company person writing to me by name or in reply.

    An "offer" out of nowhere, to "Dear Candidate", with nothing before it, is a scam.
    """
    agreed = any(i.source == "text" for i in interviews)
    score = hiring_score(messages, me) if score is None else score
    if score + (AGREED_INTERVIEW if agreed else 0) < HIRING_THRESHOLD:
        return False
    return bool(interviews) or any(
        is_mine(m, me) or is_acknowledgement(m)
        or (is_company_sender(m, me) and (_by_name(m) or is_reply_subject(m.subject)))
        for m in messages if not _discarded(m)
    )


_GREETING = re.compile(r"^\s*(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening))[ ,]+([A-Z][\w'-]+)")
GENERIC_GREETING = frozenset(
    "candidate applicant applicants sir madam friend friends all there team user customer member".split()
)


def _by_name(m: Message) -> bool:
    """Does it open with my name ("Hi Jordan"), as a person writes, not "Dear Candidate"?"""
    found = _GREETING.match(m.newest)
    return bool(found) and found.group(1).lower() not in GENERIC_GREETING


ACKNOWLEDGEMENT = re.compile(
    r"thank(s| you) for (applying|your application|your interest in)|(received|receipt of) your application"
    r"|your application (for|to) .{0,80} (has been|was) (received|submitted)",
    re.I,
)


def is_acknowledgement(m: Message) -> bool:
    """A "we received your application", from an ATS or in those words."""
    if m.sender is None:
        return False
    return in_domains(domain_of(m.sender.email), ATS) or bool(ACKNOWLEDGEMENT.search(f"{m.subject}\n{m.newest}"))


# -- company ---------------------------------------------------------------------------------

def domain_stem(domain: str) -> str:
    """northwind-labs.com -> northwind-labs; mail.acme.co.uk -> acme."""
    labels = domain.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac"):
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _name_in_text(stem: str, texts: list[str]) -> str | None:
    """The company's own spelling of a domain stem, as its people write it."""
    letters = [c for c in stem if c.isalnum()]
    if len(letters) < 2:
        return None
    # "orbitalpay" is written "Orbital Payments": letters may be split and the word run on;
    # "quillstone" is "Quillstone Insurance": a company word may follow.
    own_words = [w for w in PRODUCT_WORDS if w.lower() in stem.replace("-", "")]
    word = _COMPANY_WORD if not own_words else _COMPANY_WORD.replace("(?-i:", "(?-i:" + "|".join(own_words) + "|", 1)
    pattern = re.compile(r"\b" + _LETTER_GAP.join(map(_letter, letters)) + r"\w*\b" + word
                         + r"(?:[ \t]&[ \t](?-i:Co)\b\.?)?" + _PRODUCT_AFTER, re.I)
    seen: dict[str, int] = {}
    for t in texts:
        for m in pattern.finditer(t):
            word = m.group(0)
            if word[0].isupper() or "." in word:  # "Acme", "e.on"; never "acme" in a URL
                seen[word] = seen.get(word, 0) + 1
    if not seen:
        return None
    # The longer name, written at least twice, wins over its own first word: "Solvane
    # Energy" is also "Solvane"; one "Ledgerline Pay and benefits" does not rename it.
    seen = {w: n for w, n in seen.items() if n >= 2 or " " not in w} or seen
    for name in list(seen):
        for longer in seen:
            if longer != name and longer.startswith(name + " "):
                seen[longer] += seen[name]
    return max(seen, key=lambda w: (seen[w], len(w)))


# A domain drops what its name's letters are written with: "marlowfinch" is "Marlow & Finch",
# "att" is "AT&T", "oreilly" is "O'Reilly", "zoelabs" is "Zoë Labs".
_LETTER_GAP = r"(?:[ .'’-]|,?[ \t]?&[ \t]?|,[ \t])?"
_ACCENTED: dict[str, str] = {}
for _c in map(chr, range(0xC0, 0x250)):
    _base = unicodedata.normalize("NFKD", _c)[:1].lower()
    if _base.isascii() and _base.isalpha() and _c.isalpha():
        _ACCENTED[_base] = _ACCENTED.get(_base, "") + _c


def _letter(c: str) -> str:
    """One letter of a domain, as the name may write it: "e" is also "ë" and "É"."""
    return f"[{re.escape(c)}{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c)


# Words that end a company's name ("Quillstone Insurance", "Solvane Energy"); case matters.
COMPANY_WORDS = (
    "Insurance", "Energy", "Labs", "Lab", "Inc", "Ltd", "LLC", "GmbH", "Group", "Media", "Robotics",
    "Payments", "Analytics", "Technologies", "Technology", "Systems", "Health", "Bank", "Capital",
    "Software", "Solutions", "Partners", "Foods", "Outfitters", "Bio", "Logistics", "Freight",
    "Financial", "Consulting", "Studios", "Networks", "Games", "Security", "AI",
)
# Words that more often name a product than a company ("Google Maps", "Apple Pay", "Acme
# Cloud"): part of the company's name only when its domain says so (orbitalpay.io).
PRODUCT_WORDS = ("Maps", "Pay", "Cloud", "App", "Docs", "Drive", "Search", "Ads", "Wallet")
# ...unless a job title goes on ("Ledgerline Analytics Engineer" is a role at Ledgerline),
# or the name is a product's ("Northwind Maps app", "Northwind Maps, our routing product").
_PRODUCT_AFTER = (r"(?![ \t]+(?i:apps?|products?|platform|API|SDK|service|suite|team)\b)"
                  r"(?!,?[ \t]+(?i:our|the|a|an|its)[ \t]+(?:\w+[ \t]+)?(?i:product|app|platform|service|tool)\b)")
_COMPANY_WORD = (r"(?:[ \t]+(?-i:" + "|".join(COMPANY_WORDS) + r")\b"
                 r"(?![ \t]+(?-i:(?:[A-Z][\w-]*[ \t]+){0,2}(?:" + JOB_NOUN + r"))\b))?")

_ATS_NAME_NOISE = re.compile(
    r"\s*(\bvia\b.*|[-|@,]\s*$|\b(recruiting|recruitment|hiring team|careers?|talent acquisition"
    r"|talent|jobs|people team|team|hr)\b)\s*",
    re.I,
)
# One word of a company's name as people write it: "Acme", "Acme.io" (never "Acme." ending a
# sentence), "AT&T", "O'Reilly", "Zoë", "Électricité", "3M", "23andMe", and the lower-case brands
# that show they are names by a capital or a dot inside ("eBay", "e.on", "bol.com").
_NAME_WORD = (r"(?:[A-ZÀ-ÖØ-Þ][\w&'’-]*|[a-z]{1,20}(?:[A-Z]|\.[a-z])[\w&'’-]*|\d{1,6}[A-Za-z][\w&'’-]*)"
              r"(?:\.[\w&'’-]+)*")
# Between its words: a space, an ampersand ("Marlow & Finch", "Procter&Gamble"), or the comma
# of a partners' list that an ampersand ends ("Smith, Jones & Co.").
_NAME_GAP = r"(?:[ \t]{1,3}(?:&[ \t]{1,3})?|[ \t]?&[ \t]?|,[ \t]{1,3}(?=[A-Z][\w'’-]{0,40}[ \t]{1,3}&))"
# A name: up to five words, and the full stop that belongs to "Inc." or "& Co.".
COMPANY_NAME = (r"(" + _NAME_WORD + r"(?:" + _NAME_GAP + _NAME_WORD + r"){0,4}"
                r"(?:(?<=\bCo)\.|(?<=\bInc)\.|(?<=\bLtd)\.|(?<=\bCorp)\.)?)")
_APPLIED_TO = re.compile(
    r"\b(?:[Aa]pplying|[Aa]pplication|[Aa]pplied|[Ii]nterest)\s+(?:to|at|with|for a role at|in joining)\s+"
    + COMPANY_NAME
)
# How an agency recruiter names the client: "my client Orbital Payments", "recruiting for a
# Data Analyst role at Northwind Logistics", "on behalf of Northwind".
# The words before the name may begin a sentence ("My client, Fenwick Analytics, is hiring");
# only their first letter may be a capital: "our Client Success team" names no client.
_CLIENT = re.compile(
    r"\b(?:[Mm]y client|[Oo]ur client|[Tt]he client|[Oo]n behalf of|(?:[Rr]ole|[Pp]osition|[Oo]pportunity|[Oo]pening"
    r"|[Vv]acancy) at|[Rr]ole with|[Pp]osition with)"
    r",?\s+" + COMPANY_NAME
)


def company_of(messages: list[Message], me: frozenset[str]) -> str:
    """The employer's name: the client's where an agency is involved, never the ATS's."""
    senders = [m for m in messages if is_company_sender(m, me)]
    texts = [f"{m.subject[:500]}\n{m.text[:20_000]}" for m in messages]  # a name is written near the top
    domains = []
    for m in senders:
        d = domain_of(m.sender.email)
        if d not in domains:
            domains.append(d)
    employer = [d for d in domains if not in_domains(d, ATS) and not is_agency(d, messages)]
    if employer:
        stem = domain_stem(employer[0])
        return _name_in_text(stem, texts) or stem.replace("-", " ").title()
    people = _people(messages)
    for t in texts:  # an agency names its client; an ATS names the company it sends for
        for m in (*_CLIENT.finditer(t[:5000]), *_APPLIED_TO.finditer(t[:5000])):
            if m.group(1) not in people:
                return m.group(1)
    for m in senders:
        if in_domains(domain_of(m.sender.email), ATS) and m.sender.name:
            name = _ATS_NAME_NOISE.sub(" ", m.sender.name).strip()
            if name:
                return name
    if domains:
        return domain_stem(domains[0]).replace("-", " ").title()
    return ""


def is_agency(domain: str, messages: list[Message]) -> bool:
    """A recruiter's agency: its domain says so, or its people write about a client company
    that is not their own ("recruiting for a Data Analyst role at Northwind Logistics")."""
    if AGENCY_DOMAIN.search(domain_stem(domain)):
        return True
    own, people = [_letters(domain_stem(domain))], _people(messages)
    for m in messages:
        if m.sender and domain_of(m.sender.email) == domain:
            for client in _CLIENT.finditer(m.newest[:5000]):
                name = client.group(1).rstrip(".,")
                if name not in people and not _names_company(name, own):
                    return True
    return False


def _people(messages: list[Message]) -> set[str]:
    """The names of the people in a thread ("an interview with Priya Shah" names no client)."""
    return {a.name for m in messages for a in (m.sender, *m.to, *m.cc) if a and a.name}


# -- role ------------------------------------------------------------------------------------

def _letters(text: str) -> str:
    """The letters a domain would spell a name with: "Zoë Labs" -> "zoelabs", "AT&T" -> "att"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if c.isalnum() and c.isascii())


def _company_names(messages: list[Message]) -> list[str]:
    """Every company the thread names, as letters: its people's domains, and the companies
    written after "applying to" or "my client" (an agency's client)."""
    names = set()
    for m in messages:
        for a in (m.sender, m.reply_to, *m.to, *m.cc):
            if a and a.email and could_be_company(a.email) and not in_domains(domain_of(a.email), ATS):
                names.add(_letters(domain_stem(domain_of(a.email))))
            elif a and a.name and a.email and in_domains(domain_of(a.email), ATS):
                names.add(_letters(_ATS_NAME_NOISE.sub(" ", a.name)))  # "Acme Careers" via Greenhouse
        for found in (*_CLIENT.finditer(m.subject), *_CLIENT.finditer(m.newest[:5000]),
                      *_APPLIED_TO.finditer(m.subject), *_APPLIED_TO.finditer(m.newest[:5000])):
            names.add(_letters(found.group(1)))
    return [n for n in names if len(n) >= 3]


_LEGAL_SUFFIX = re.compile(r"\b(?:Inc|Ltd|LLC|GmbH|plc|Corp|Co|SA|AG|BV)\b\.?$")


def _names_company(words: str, companies: list[str], whole: bool = True) -> bool:
    """Do these words name the company ("Northwind Logistics", "Northwind") rather than a team?

    whole: the words are all there is, so "Orbital Payments" names orbitalpay.io; else they
    begin a title, and only a name the company's own begins with counts.
    """
    letters = _letters(words)
    if len(letters) < 4:  # "AT&T", "3M": a short name counts only whole
        return len(letters) >= 2 and letters in companies
    return bool(_LEGAL_SUFFIX.search(words.strip())) or any(
        c.startswith(letters) or (whole and letters.startswith(c)) for c in companies)


def _without_company(title: str, companies: list[str]) -> str:
    """ "Northwind Logistics Data Analyst" -> "Data Analyst": the company is not the role."""
    words = title.split()
    for k in range(len(words) - 1, 0, -1):
        if _names_company(" ".join(words[:k]), companies, whole=False):
            if words[k] in COMPANY_WORDS and len(words) - k > 2:
                k += 1  # "Orbital Payments Senior Analyst", but "Ledgerline Analytics Engineer"
            return " ".join(words[k:])
    return title


def role_of(messages: list[Message]) -> str:
    """The job title as the ad wrote it, from the subject first, then from the text; "" when
    none is named. The company's name is never part of it ("Data Analyst, Northwind")."""
    counts: dict[str, int] = {}
    people = {a.name for m in messages for a in (m.sender, *m.to, *m.cc) if a and a.name}
    companies = _company_names(messages)
    for m in messages:
        for text, weight in ((m.subject[:500], 3), (m.newest[:5000], 1)):  # a title is near the top
            for match in ROLE.finditer(text):
                title = ROLE_STOP.sub("", match.group(1)).strip()
                while ROLE_STOP.match(title):
                    title = ROLE_STOP.sub("", title).strip()
                title = _without_company(title, companies)
                if RECRUITER.search(title) or COORDINATOR.search(title):
                    continue  # the recruiter's own title in a sign-off, not the job
                if title and " " in title or title in ("Analyst", "Engineer", "Scientist", "Developer", "Designer"):
                    counts[title] = counts.get(title, 0) + weight
                    team = _ROLE_TEAM.match(text, match.end()) if weight == 3 else None
                    named = team.group(0).strip(" ,()") if team else ""
                    if team and named not in people and not _names_company(named, companies):
                        full = f"{title}{team.group(0)}"  # "..., Claims" in a subject names the team
                        counts[full] = counts.get(full, 0) + weight
    if not counts:
        return ""
    for title in list(counts):  # "Senior Data Analyst, Claims" is also "Senior Data Analyst"
        for longer in counts:
            if longer != title and longer.startswith(title) and longer[len(title)] in ",( ":
                counts[longer] += counts[title]
    return max(counts, key=lambda t: (counts[t], len(t)))


# -- contacts --------------------------------------------------------------------------------

# A sentence that says who I meet (or met): "you'll meet Greg", "an interview with me and Sam
# Patel, our Network Planning Lead", "Tom, our Head of Data, will join", "meeting with Sam and me".
INTERVIEWER_CUES: tuple[tuple[str, str], ...] = (
    (r"\bmeet(?:s|ing)?\b", "you'll meet X; thanks for meeting with X"),
    (r"\b(?:interview(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?) with\b", "an interview with X"),
    (r"\bpanel\b", "X is on the panel"),
    (r"\bwith (?:me|us) and\b|\band me\b", "with me and X; X and me"),
    (r"\b(?:will|to|'ll) (?:also )?join\b|\bjoining (?:us|me|you|the)\b", "X will join"),
    (r"\bon the (?:call|panel|interview)\b", "X will be on the call"),
    (r"\binterviewers?\b(?! (?:notes|feedback|guide))|\b(?:interview|call) (?:will|is going to) be with\b",
     "your interviewers are X and Y; the interview will be with X"),
)
_MEETING = re.compile("|".join(p for p, _ in INTERVIEWER_CUES), re.I)
# "Sam can't join after all": a name in a sentence that says no is no interviewer.
_NOT_MEETING = re.compile(r"n't\b|\b(?:not|unable|no longer|instead of|unfortunately)\b", re.I)
_AUTHOR_MEETS = re.compile(r"\b(?:with me|and me|me and|with us)\b", re.I)  # the writer is there too
_SENTENCE_END = re.compile(r"[.!?]+")
# A display name that is a team or a mailbox, not a person: "Data Team", "Acme Careers".
_TEAM_NAME = re.compile(
    r"\b(?:careers?|jobs|recruit\w*|hiring|talent|team|hr|people|info|support|notifications?)\b", re.I)


def _sign_off(m: Message) -> str:
    """The last lines a person wrote, where their name and title are, signature or not."""
    lines = [line for line in f"{m.newest}\n{m.signature}".splitlines() if line.strip()]
    return "\n".join(lines[-8:])


def contacts_of(messages: list[Message], me: frozenset[str], interviews: list) -> list[Contact]:
    """Everyone on the company's side, with what they do in this process."""
    return _people_of(messages, me, interviews)[0]


def newcomers_of(messages: list[Message], me: frozenset[str], interviews: list) -> list[Address]:
    """People who wrote into the thread from a domain the process did not come from ("Senior
    Recruiter, Apex Talent"): no role, no draft unless --to names them; --verbose shows them."""
    return _people_of(messages, me, interviews)[1]


def _people_of(messages: list[Message], me: frozenset[str], interviews: list) -> tuple[list[Contact], list[Address]]:
    people: dict[str, Address] = {}
    titles: dict[str, str] = {}

    def add(addr: Address | None) -> None:
        if addr is None or not addr.email or addr.email in me or is_automated(addr.email):
            return
        if in_domains(domain_of(addr.email), NOTIFIERS):
            return
        if is_ats(addr.email):
            return  # an ATS writes for the company ("Quayside Bank" via Workday): no one reads it
        known = people.get(addr.email)
        if known is None or (addr.name and not known.name):
            people[addr.email] = addr

    for m in messages:
        for a in (m.sender, *m.to, *m.cc):
            add(a)
        author = m.sender
        if m.sender and is_ats(m.sender.email) and m.reply_to and could_be_company(m.reply_to.email):
            author = m.reply_to  # Greenhouse sends a recruiter's mail from its robot; replies go to her
            add(author)
        if author and author.email not in me:
            titles[author.email] = titles.get(author.email, "") + f"\n{author.name}\n{_sign_off(m)}"
    interviewers: set[str] = set()
    for i in interviews:
        if i.source == "calendar":
            for a in (*i.attendees, i.organizer):
                add(a)
            interviewers.update(a.email for a in i.attendees if a.email not in me)
        elif i.organizer is not None:  # whoever set up a meeting in prose is meeting me
            interviewers.add(i.organizer.email)
    trusted = _process_domains(messages, me, interviews)
    interviewers.update(_named_to_meet(messages, me, people, trusted))

    contacts, newcomers = [], []
    for email, addr in people.items():
        title = titles.get(email, "")
        if trusted and not in_domains(domain_of(email), trusted):
            newcomers.append(addr)  # a stranger threaded into the process takes over no role
            continue
        if COORDINATOR.search(title):
            role = "coordinator"
        elif RECRUITER.search(title) or is_agency(domain_of(email), messages):
            role = "recruiter"
        elif email in interviewers or HIRING_MANAGER.search(title):
            role = "interviewer"
        else:
            role = "other"
        contacts.append(Contact(addr.name or email.partition("@")[0], email, role))
    order = {"recruiter": 0, "coordinator": 1, "interviewer": 2, "other": 3}
    return sorted(contacts, key=lambda c: order[c.role]), newcomers


def _named_to_meet(messages: list[Message], me: frozenset[str], people: dict[str, Address],
                   trusted: frozenset[str]) -> set[str]:
    """The people the company (or I) name as meeting me: "with me and Sam Patel", "Tom will
    join", "thanks for meeting with Sam and me". A first name alone counts when one person in
    the thread has it. Only the company's words and mine: a stranger's word makes no one an
    interviewer (and contacts_of gives roles only on the process's domains)."""
    named: dict[str, re.Pattern] = {}
    firsts: dict[str, int] = {}
    persons = {email: a for email, a in people.items()
               if a.name and a.name.split() and not _TEAM_NAME.search(a.name)}
    for a in persons.values():
        first = a.name.split()[0]
        firsts[first] = firsts.get(first, 0) + 1
    for email, a in persons.items():
        first = a.name.split()[0]
        alone = firsts[first] == 1 and len(first) > 1 and len(a.name.split()) > 1 and first[0].isupper()
        forms = [re.escape(a.name)] + ([re.escape(first)] if alone else [])
        named[email] = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")
    found: set[str] = set()
    for m in messages:
        company = is_company_sender(m, me) and (not trusted or in_domains(domain_of(m.sender.email), trusted))
        if not (company or is_mine(m, me)):
            continue
        for sentence in _SENTENCE_END.split(" ".join(m.newest[:5000].split())):
            if len(sentence) > 600 or not _MEETING.search(sentence) or _NOT_MEETING.search(sentence):
                continue
            found.update(email for email, pattern in named.items() if pattern.search(sentence))
            if company and _AUTHOR_MEETS.search(sentence):
                found.add(m.sender.email)
    return found


def _process_domains(messages: list[Message], me: frozenset[str], interviews: list) -> frozenset[str]:
    """The domains this process came from: the people I wrote to, the sender of a message the
    thread hangs from (one others reply to), and the companies those people name ("my client
    Orbital Payments", "your application to Acme"). A Date header is not evidence: anyone can
    backdate a message into a thread. Empty when nothing anchors the thread (no way to tell)."""
    anchored: set[str] = set()
    for m in messages:
        if is_mine(m, me):
            anchored.update(domain_of(a.email) for a in (*m.to, *m.cc) if a.email not in me)
    replied_to = {i for m in messages for i in (*m.in_reply_to, *m.references)}
    for m in messages:
        if m.sender and m.message_id and m.message_id in replied_to and not (m.in_reply_to or m.references):
            anchored.add(domain_of(m.sender.email))
    for i in interviews:  # the invitation I accepted: its organizer runs the process
        if i.source == "calendar" and i.organizer is not None and domain_of(i.organizer.email) in anchored:
            anchored.update(domain_of(a.email) for a in i.attendees if a.email not in me)
    anchored = {d for d in anchored if d and could_be_company(f"x@{d}")}
    if not anchored:
        return frozenset()
    texts = [f"{m.subject}\n{m.newest}" for m in messages
             if m.sender and (is_mine(m, me) or domain_of(m.sender.email) in anchored)]
    others = {domain_of(m.sender.email) for m in messages if m.sender and is_company_sender(m, me)}
    for d in others - anchored:
        if _name_in_text(domain_stem(d), texts):
            anchored.add(d)
    return frozenset(anchored)
