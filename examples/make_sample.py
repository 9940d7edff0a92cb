#!/usr/bin/env python3
"""Build examples/sample.mbox: Jordan Rivera's job-search mailbox as a Google Takeout export.

Standard library only, and deterministic: the same script always writes the same bytes
(no clock, no randomness, no locale: boundaries, ids and seconds come from hashes, and
weekday/month names are spelled out here). Run it from anywhere:

    python examples/make_sample.py                 # rewrites examples/sample.mbox
    python examples/make_sample.py /tmp/out.mbox   # writes somewhere else

What is inside (11 hiring processes, 18 noise threads) and what the tool should make of it
on the demo day, Thursday 2026-03-12, is in examples/README.md.

Takeout details copied here: every message starts with a `From <gmail id>@xxx <UTC date>`
separator line, then `X-GM-THRID` (decimal; the Gmail API thread id is the same number in
lowercase hex) and `X-Gmail-Labels`; messages Jordan sent are labelled `Sent`. Body lines
that start with "From " are written as ">From " (mboxo quoting), as Takeout does.
"""

from __future__ import annotations

import base64
import hashlib
import html
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.generator import BytesGenerator
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent / "sample.mbox"

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# --------------------------------------------------------------------------------------
# Time zones, by hand so that the output never depends on the machine's tz database.
# Every date in this mailbox is in Feb-Mar 2026: the US moves to daylight time on
# Sunday 2026-03-08 at 02:00 local; the EU only on 2026-03-29, after the last message.
# --------------------------------------------------------------------------------------
ZONES = {  # name: (standard offset in hours, DST rule)
    "new_york": (-5, "us"),
    "chicago": (-6, "us"),
    "denver": (-7, "us"),
    "seattle": (-8, "us"),
    "london": (0, "eu"),
    "berlin": (1, "eu"),
    "utc": (0, None),
}


def tz_at(zone: str, local: datetime) -> timezone:
    std, rule = ZONES[zone]
    dst = False
    if rule == "us":
        dst = local >= datetime(2026, 3, 8, 2, 0)
    elif rule == "eu":
        assert local < datetime(2026, 3, 29), "EU summer time is not modelled"
    return timezone(timedelta(hours=std + int(dst)))


def h(*parts: object) -> int:
    """A stable integer from anything printable."""
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def offset_text(dt: datetime) -> str:
    off = dt.utcoffset()
    assert off is not None
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def in_zone(dt: datetime, zone: str) -> datetime:
    """The same instant as local time in zone (with that day's DST rule)."""
    standard = dt.astimezone(timezone(timedelta(hours=ZONES[zone][0])))
    return dt.astimezone(tz_at(zone, standard.replace(tzinfo=None)))


def rfc2822(dt: datetime, pad: bool) -> str:
    day = f"{dt.day:02d}" if pad else str(dt.day)
    return (f"{DAYS[dt.weekday()]}, {day} {MONTHS[dt.month - 1]} {dt.year} "
            f"{dt:%H:%M:%S} {offset_text(dt)}")


def clock12(dt: datetime) -> str:
    hour = dt.hour % 12 or 12
    return f"{hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    name: str
    email: str
    zone: str
    client: str = "gmail"  # gmail | outlook | plain: how their mail client writes
    signature: str = ""

    @property
    def address(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def domain(self) -> str:
        return self.email.split("@", 1)[1]


ME = "jordan.rivera@gmail.com"
JORDAN = Person("Jordan Rivera", ME, "new_york", "gmail",
                "Jordan Rivera\n(215) 555-0148")

PRIYA = Person("Priya Shah", "priya.shah@northwind-labs.com", "new_york", "gmail",
               "Priya Shah\nTechnical Recruiter | Northwind Labs\n"
               "250 Hudson Street, New York, NY 10013\nnorthwind-labs.com")
MARCUS = Person("Marcus Webb", "marcus.webb@northwind-labs.com", "new_york")
ELENA = Person("Elena Park", "elena.park@northwind-labs.com", "new_york")

HANNAH = Person("Hannah Okafor", "hannah.okafor@ledgerline.io", "london", "outlook",
                "Kind regards,\nHannah\n\nHannah Okafor\nRecruiting Coordinator\n"
                "Ledgerline | 14 Finsbury Square, London EC2A 1BR\n+44 20 7946 0321")
DANIEL = Person("Daniel Reyes", "daniel.reyes@ledgerline.io", "london")
AISHA = Person("Aisha Khan", "aisha.khan@ledgerline.io", "london")
OLIVER = Person("Oliver Grant", "oliver.grant@ledgerline.io", "london")

DANA = Person("Dana Whitfield", "dana.whitfield@cascademetrics.com", "seattle", "gmail",
              "Dana Whitfield\nTalent Acquisition Partner\nCascade Metrics | Seattle, WA")
RAVI = Person("Ravi Menon", "ravi.menon@cascademetrics.com", "seattle")

MEGAN = Person("Megan Doyle", "megan.doyle@quillstone.com", "new_york", "outlook",
               "Best,\nMegan\n\nMegan Doyle | Senior Technical Recruiter\n"
               "Quillstone Insurance\n200 Atlantic Avenue, Boston, MA 02110\n(617) 555-0192")
GREG = Person("Greg Lindqvist", "greg.lindqvist@quillstone.com", "new_york")

ZOE = Person("Zoë Müller", "zoe.mueller@spreewerk.io", "berlin", "gmail",
             "Viele Grüße / best wishes,\nZoë\n\nZoë Müller\nTalent Acquisition Partner\n"
             "Spreewerk GmbH · Köpenicker Straße 70 · 10179 Berlin")
JONAS = Person("Jonas Becker", "jonas.becker@spreewerk.io", "berlin")

LUIS = Person("Luis Ortega", "luis.ortega@pinecrest-outfitters.com", "denver", "plain",
              "Luis Ortega\nRecruiter, Corporate Talent\nPinecrest Outfitters\n"
              "1600 Wynkoop St, Denver, CO 80202")

KENDRA = Person("Kendra Brooks", "kendra.brooks@solvane.com", "chicago", "outlook",
                "Warmly,\nKendra\n\nKendra Brooks\nSenior Talent Acquisition Partner\n"
                "Solvane Energy | Austin, TX\n(512) 555-0177")

CALLUM = Person("Callum Reid", "callum.reid@talentbridge-partners.com", "london", "outlook",
                "Best regards,\nCallum\n\nCallum Reid\nSenior Consultant, Data & Analytics\n"
                "TalentBridge Partners\nM: +44 7700 900412\n"
                "TalentBridge Partners Ltd is an employment agency and employment business.")
RACHEL = Person("Rachel Adeyemi", "rachel.adeyemi@orbitalpay.io", "london", "gmail",
                "Rachel Adeyemi\nHead of Analytics, Orbital Payments")

INES = Person("Ines Alvarez", "ines.alvarez@brightwave.io", "chicago", "gmail",
              "Ines Alvarez\nRecruiter | Brightwave\nChicago, IL")

MAYA = Person("Maya Chen", "maya.chen.dev@gmail.com", "seattle", "gmail", "M")

# --------------------------------------------------------------------------------------
# Calendar (iCalendar) parts, written the way Google Calendar and Exchange write them.
# --------------------------------------------------------------------------------------
VTIMEZONES = {
    "America/New_York": """BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""",
    # Exchange names London "GMT Standard Time", a Windows zone id: only the VTIMEZONE
    # block says what it means.
    "GMT Standard Time": """BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T010000
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    "Europe/Berlin": """BEGIN:VTIMEZONE
TZID:Europe/Berlin
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""",
}


def fold_ical(line: str) -> list[str]:
    """RFC 5545 3.1: lines longer than 75 octets continue on lines starting with a space."""
    out, data = [], line.encode("utf-8")
    first = True
    while data:
        size = 75 if first else 74
        cut = min(size, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # don't split a UTF-8 char
            cut -= 1
        out.append(("" if first else " ") + data[:cut].decode("utf-8"))
        data, first = data[cut:], False
    return out


def ical_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def calendar(*, method: str, uid: str, sequence: int, tzid: str | None, start: str, end: str,
             stamp: str, summary: str, organizer: Person, attendees: list[Person],
             description: str = "", location: str = "", status: str = "CONFIRMED",
             prodid: str = "-//Google Inc//Google Calendar 70.9054//EN") -> str:
    """An iCalendar object as text with CRLF line ends. start/end are 'YYYYMMDDTHHMMSS'
    local times in tzid, or UTC times ending in Z when tzid is None."""
    lines = ["BEGIN:VCALENDAR", f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN",
             f"METHOD:{method}"]
    if tzid:
        lines += VTIMEZONES[tzid].splitlines()
        lines += [f"DTSTART;TZID={tzid}:{start}", f"DTEND;TZID={tzid}:{end}"]
    else:
        lines += [f"DTSTART:{start}", f"DTEND:{end}"]
    # The VEVENT begins after the VTIMEZONE; move BEGIN:VEVENT before DTSTART.
    begin = len(lines) - 2
    lines.insert(begin, "BEGIN:VEVENT")
    lines += [f"DTSTAMP:{stamp}", f"ORGANIZER;CN={organizer.name}:mailto:{organizer.email}",
              f"UID:{uid}"]
    for person in attendees:
        partstat = "ACCEPTED" if person == organizer else "NEEDS-ACTION"
        rsvp = "FALSE" if person == organizer else "TRUE"
        lines.append(f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};"
                     f"RSVP={rsvp};CN={person.name};X-NUM-GUESTS=0:mailto:{person.email}")
    lines += [f"CREATED:{stamp}", f"DESCRIPTION:{ical_text(description)}",
              f"LAST-MODIFIED:{stamp}", f"LOCATION:{ical_text(location)}",
              f"SEQUENCE:{sequence}", f"STATUS:{status}", f"SUMMARY:{ical_text(summary)}",
              "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    folded = [piece for line in lines for piece in fold_ical(line)]
    return "\r\n".join(folded) + "\r\n"


@dataclass
class Calendar:
    ics: str
    method: str
    cte: str = "7bit"  # Google writes 7bit; Exchange writes base64 (which keeps the CRLFs)
    attach_ics: bool = False  # Google also attaches the same event as invite.ics


# --------------------------------------------------------------------------------------
# Messages and threads
# --------------------------------------------------------------------------------------
@dataclass
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes


@dataclass
class Msg:
    sender: Person
    to: list[Person]
    when: str  # local time of the sender, "YYYY-MM-DD HH:MM"
    text: str = ""  # plain body, without signature and quote
    cc: list[Person] = field(default_factory=list)
    quote: bool = False  # quote the previous message, in the sender's client's style
    sign: bool = True
    html_only: str | None = None  # an HTML body instead of text (automated senders)
    text_cte: str | None = None  # force a transfer encoding for the body
    calendar: Calendar | None = None
    attachments: list[Attachment] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    labels: str | None = None
    from_header: str | None = None  # when the From: is not a Person (bulk senders)
    subject: str | None = None  # overrides the thread subject ("Re: ..." otherwise)
    # filled in by Thread.add
    dt: datetime | None = None
    message_id: str = ""
    full_text: str = ""
    full_html: str = ""


class Thread:
    def __init__(self, key: str, subject: str, labels: str):
        self.key, self.subject, self.labels = key, subject, labels
        self.messages: list[Msg] = []

    def add(self, m: Msg) -> Msg:
        local = datetime.strptime(m.when, "%Y-%m-%d %H:%M")
        local = local.replace(second=h(self.key, len(self.messages), "s") % 60)
        m.dt = local.replace(tzinfo=tz_at(m.sender.zone, local))
        if self.messages:
            assert m.dt > self.messages[-1].dt, f"{self.key}: messages out of order"
        m.message_id = message_id(m.sender, self.key, len(self.messages))
        prev = self.messages[-1] if self.messages else None
        prev_subject = self.subject if len(self.messages) <= 1 else "Re: " + self.subject
        m.full_text, m.full_html = compose(m, prev, prev_subject)
        self.messages.append(m)
        return m


def message_id(sender: Person, key: str, n: int) -> str:
    x = h(key, n, "mid")
    if sender.client == "gmail":
        raw = hashlib.sha256(f"{key}/{n}".encode()).digest()[:30]
        token = base64.b64encode(raw).decode().replace("/", "_").replace("=", "")
        return f"<CA{token}@mail.gmail.com>"
    if sender.client == "outlook":
        region = "EURP" if ZONES[sender.zone][1] == "eu" else "NAMP"
        host = f"{'DB9' if region == 'EURP' else 'BN8'}PR{x % 90 + 10:02d}MB{x % 9000 + 1000}"
        return (f"<{host}{x:016X}@{host}.{region.lower()}rd{x % 9 + 1:02d}.prod.outlook.com>")
    return f"<{x:016x}.{h(key, n):08x}@{sender.domain}>"


def wrap(text: str, width: int = 76) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False,
                                     break_on_hyphens=False))
    return "\n".join(out)


def own_text(m: Msg) -> str:
    body = textwrap.dedent(m.text).strip("\n")
    if m.sign and m.sender.signature:
        sep = "\n\n" if m.sender.client != "gmail" else "\n\n-- \n"
        if m.sender in (JORDAN, MAYA, RACHEL):
            sep = "\n" if body.endswith(",") else "\n\n"
        body += sep + m.sender.signature
    return wrap(body)


def text_to_html(text: str) -> str:
    paras = []
    for block in text.split("\n\n"):
        inner = "<br>\n".join(html.escape(line, quote=False) for line in block.split("\n"))
        paras.append(f"<div>{inner}</div>")
    return "<div dir=\"ltr\">" + "\n<div><br></div>\n".join(paras) + "</div>"


def compose(m: Msg, prev: Msg | None, prev_subject: str) -> tuple[str, str]:
    """The plain and HTML bodies, with the quote of the previous message if asked."""
    text = own_text(m)
    body_html = text_to_html(text)
    if not (m.quote and prev):
        return text + "\n", body_html
    assert prev.dt is not None and m.dt is not None
    seen = in_zone(prev.dt, m.sender.zone)  # the replier's client shows its own local time
    if m.sender.client == "gmail":
        attribution = (f"On {DAYS[seen.weekday()]}, {MONTHS[seen.month - 1]} {seen.day}, "
                       f"{seen.year} at {clock12(seen)} {prev.sender.name} "
                       f"<{prev.sender.email}> wrote:")
        quoted = []
        for line in prev.full_text.rstrip("\n").split("\n"):
            if line.startswith(">"):
                quoted.append(">" + line)
            elif line:
                quoted.append("> " + line)
            else:
                quoted.append(">")
        text = f"{text}\n\n{attribution}\n\n" + "\n".join(quoted) + "\n"
        body_html = (f"{body_html}<br><div class=\"gmail_quote\"><div dir=\"ltr\" "
                     f"class=\"gmail_attr\">{html.escape(attribution, quote=False)}<br></div>"
                     f"<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;"
                     f"border-left:1px solid rgb(204,204,204);padding-left:1ex\">\n"
                     f"{prev.full_html}</blockquote></div>")
        return text, body_html
    # Outlook: a rule, a header block, the earlier text unmarked.
    to = "; ".join(p.address for p in prev.to)
    header = (f"From: {prev.sender.address}\n"
              f"Sent: {seen.day} {LONG_MONTHS[seen.month - 1]} {seen.year} {seen:%H:%M}\n"
              f"To: {to}\n")
    if prev.cc:
        header += "Cc: " + "; ".join(p.address for p in prev.cc) + "\n"
    header += f"Subject: {prev_subject}\n"
    text = f"{text}\n\n________________________________\n{header}\n{prev.full_text}"
    body_html = (f"{body_html}\n<hr style=\"display:inline-block;width:98%\">\n"
                 f"<div id=\"divRplyFwdMsg\">{text_to_html(header)}</div>\n{prev.full_html}")
    return text, body_html


def html_page(inner: str) -> str:
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
            "charset=utf-8\"></head><body>\n" + inner + "\n</body></html>\n")


def text_cte(text: str, forced: str | None) -> str:
    if forced:
        return forced
    return "7bit" if text.isascii() else "quoted-printable"


BOUNDARY_STYLE = {
    "gmail": lambda x: f"000000000000{x:016x}",
    "outlook": lambda x: f"_000_{x:016X}{x % 997:03d}_",
    "plain": lambda x: f"----=_Part_{x % 900000 + 100000}_{x % 9000000 + 1000000}.{x % 10**13}",
}

GEN_POLICY = policy.default.clone(linesep="\n", max_line_length=78)


def build(thread: Thread, m: Msg, thrid: int) -> EmailMessage:
    msg = EmailMessage(policy=GEN_POLICY)
    mine = m.sender == JORDAN
    msg["X-GM-THRID"] = str(thrid)
    msg["X-Gmail-Labels"] = m.labels or ("Sent" if mine else thread.labels)
    if not mine:
        msg["Delivered-To"] = ME
    assert m.dt is not None
    index = thread.messages.index(m)
    prev = thread.messages[index - 1] if index else None
    msg["MIME-Version"] = "1.0"
    if prev is not None:
        refs = [p.message_id for p in thread.messages[:index]]
        msg["References"] = " ".join(refs[-8:])
        msg["In-Reply-To"] = prev.message_id
    msg["From"] = m.from_header or m.sender.address
    msg["Date"] = rfc2822(m.dt, pad=m.sender.client != "gmail")
    msg["Message-ID"] = m.message_id
    if m.subject is not None:
        subject = m.subject
    else:
        subject = thread.subject if prev is None else "Re: " + thread.subject
    msg["Subject"] = subject
    msg["To"] = ", ".join(p.address for p in m.to)
    if m.cc:
        msg["Cc"] = ", ".join(p.address for p in m.cc)
    for name, value in m.headers:
        msg[name] = value

    if m.html_only is not None:
        msg.set_content(m.html_only, subtype="html", cte=text_cte(m.html_only, m.text_cte))
    else:
        msg.set_content(m.full_text, cte=text_cte(m.full_text, m.text_cte))
        if m.sender.client != "plain":
            page = m.full_html if m.sender.client == "gmail" else html_page(m.full_html)
            msg.add_alternative(page, subtype="html", cte=text_cte(page, None))
    if m.calendar is not None:
        cal = m.calendar
        if cal.cte == "base64":
            msg.add_alternative(cal.ics.encode("utf-8"), "text", "calendar", cte="base64",
                                params={"charset": "UTF-8", "method": cal.method})
        else:
            cte = cal.cte if cal.ics.isascii() else "quoted-printable"
            msg.add_alternative(cal.ics, subtype="calendar", cte=cte,
                                params={"method": cal.method})
        if cal.attach_ics:
            msg.add_attachment(cal.ics.encode("utf-8"), "application", "ics",
                               filename="invite.ics", cte="base64")
    for a in m.attachments:
        msg.add_attachment(a.data, a.maintype, a.subtype, filename=a.filename)

    style = BOUNDARY_STYLE[m.sender.client]
    for n, part in enumerate(msg.walk()):
        if part is not msg:
            del part["MIME-Version"]  # the email package repeats it in every part
        if part.is_multipart():
            part.set_boundary(style(h(m.message_id, n, "boundary")))
    return msg


# --------------------------------------------------------------------------------------
# The mailbox
# --------------------------------------------------------------------------------------
def fake_pdf(title: str) -> bytes:
    """A tiny, valid-looking PDF (one empty page) so attachments look like attachments."""
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
            b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
            b"4 0 obj << /Title (" + title.encode("ascii") + b") >> endobj\n"
            b"trailer << /Root 1 0 R /Info 4 0 R >>\n%%EOF\n")


PERSONAL = "Inbox,Important,Opened,Category Personal"
UPDATES = "Inbox,Opened,Category Updates"
PROMOS = "Inbox,Opened,Category Promotions"
SOCIAL = "Inbox,Opened,Category Social"
FORUMS = "Inbox,Opened,Category Forums"


def unsubscribe(url: str, mailto: str) -> list[tuple[str, str]]:
    return [("List-Unsubscribe", f"<{url}>, <mailto:{mailto}>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]


def processes() -> list[Thread]:
    threads = []

    # 1. Northwind Labs: scheduled. Invite for Wed 11 Mar cancelled, re-sent for Fri 13 Mar
    #    10:00 New York time, which is after the switch to daylight time: -04:00.
    t = Thread("northwind", "Senior Data Analyst at Northwind Labs: next steps", PERSONAL)
    t.add(Msg(PRIYA, [JORDAN], "2026-03-03 09:14", """
        Hi Jordan,

        Thanks for applying for the Senior Data Analyst role on our Marketplace Analytics team. Your experience building the retention reporting at your current company is exactly what the team has been looking for.

        The next step is a 60-minute technical interview with Marcus Webb (Analytics Engineering Lead) and Elena Park (Senior Data Analyst). It is a mix of SQL, a short case discussion and time for your questions.

        Could you send me a few times that work for you next week? We interview over Google Meet.
        """))
    t.add(Msg(JORDAN, [PRIYA], "2026-03-03 12:31", """
        Hi Priya,

        Thank you, that sounds great. Next week I could do Wednesday, March 11 any time after 1 PM ET, or Friday, March 13 in the morning.

        Best,
        """, quote=True))
    t.add(Msg(PRIYA, [JORDAN], "2026-03-04 10:02", """
        Hi Jordan,

        Wednesday it is. I've sent you a calendar invitation for Wednesday, March 11, 3:00 to 4:00 PM ET with Marcus and Elena; the Meet link is in the invite.
        """, quote=True, calendar=Calendar(calendar(
            method="REQUEST", uid="5k2q8m1v0c7r3t9b4n6p@google.com", sequence=0,
            tzid="America/New_York", start="20260311T150000", end="20260311T160000",
            stamp="20260304T150214Z",
            summary="Northwind Labs: Technical interview (Jordan Rivera)",
            organizer=PRIYA, attendees=[PRIYA, MARCUS, ELENA, JORDAN],
            description="Technical interview for Senior Data Analyst.\nJoin with Google Meet: "
                        "https://meet.google.com/kvr-xmtp-qza",
            location="Google Meet"), "REQUEST")))
    t.add(Msg(PRIYA, [JORDAN], "2026-03-09 16:45", """
        Hi Jordan,

        I'm sorry to do this: Marcus has a conflict on Wednesday afternoon, so I'm cancelling Wednesday's invitation. Would Friday, March 13 at 10:00 AM ET work for you instead? Elena is still joining.
        """, calendar=Calendar(calendar(
            method="CANCEL", uid="5k2q8m1v0c7r3t9b4n6p@google.com", sequence=1,
            tzid="America/New_York", start="20260311T150000", end="20260311T160000",
            stamp="20260309T204500Z",
            summary="Canceled: Northwind Labs: Technical interview (Jordan Rivera)",
            organizer=PRIYA, attendees=[PRIYA, MARCUS, ELENA, JORDAN],
            description="This event has been canceled.", location="Google Meet",
            status="CANCELLED"), "CANCEL")))
    t.add(Msg(JORDAN, [PRIYA], "2026-03-09 17:20", """
        Hi Priya,

        No problem at all, Friday at 10:00 AM ET works for me.

        Thanks,
        """, quote=True))
    t.add(Msg(PRIYA, [JORDAN], "2026-03-09 17:52", """
        Perfect, thank you for being flexible! The new invitation for Friday, March 13, 10:00 to 11:00 AM ET is attached. Please allow the full hour.

        Talk soon,
        """, quote=True, calendar=Calendar(calendar(
            method="REQUEST", uid="7h4d1s9w2e6y0u3i8o5a@google.com", sequence=0,
            tzid="America/New_York", start="20260313T100000", end="20260313T110000",
            stamp="20260309T215200Z",
            summary="Northwind Labs: Technical interview (Jordan Rivera)",
            organizer=PRIYA, attendees=[PRIYA, MARCUS, ELENA, JORDAN],
            description="Technical interview for Senior Data Analyst.\nJoin with Google Meet: "
                        "https://meet.google.com/hgw-pnbe-rxs",
            location="Google Meet"), "REQUEST", attach_ics=True)))
    threads.append(t)

    # 2. Ledgerline: panel interview yesterday, three interviewers; nothing sent since.
    t = Thread("ledgerline", "Final-stage panel interview - Analytics Engineer", PERSONAL)
    t.add(Msg(HANNAH, [JORDAN], "2026-02-25 11:20", """
        Dear Jordan,

        Thank you for speaking with Daniel last week. I'm pleased to invite you to the final stage for the Analytics Engineer role: a panel interview over Microsoft Teams. Your panel will be:

        - Daniel Reyes, Head of Data (daniel.reyes@ledgerline.io)
        - Aisha Khan, Senior Analytics Engineer (aisha.khan@ledgerline.io)
        - Oliver Grant, Product Manager, Payments (oliver.grant@ledgerline.io)

        The panel runs for 90 minutes: a walkthrough of a dbt project you have worked on, a modelling exercise, and questions for the team. Could you let me know your availability for the week of 9 March?
        """))
    t.add(Msg(JORDAN, [HANNAH], "2026-02-25 13:02", """
        Dear Hannah,

        Thank you, I'm delighted to be invited. I'm free on Tuesday 10 March or Wednesday 11 March, any time between 13:00 and 17:00 UK time.

        Kind regards,
        """, quote=True))
    t.add(Msg(HANNAH, [JORDAN], "2026-02-26 09:05", """
        Dear Jordan,

        Thank you. I can confirm your panel interview on Wednesday 11 March, 14:00 to 15:30 (UK time), with Daniel Reyes, Aisha Khan and Oliver Grant. A Teams invitation is attached; please accept it so that it shows in your calendar.

        If you need any adjustments for the interview, just let me know.
        """, quote=True, text_cte="base64", calendar=Calendar(calendar(
            method="REQUEST", uid="040000008200E00074C5B7101A82E00800000000B0C7F2D4A1A6DC01",
            sequence=0, tzid="GMT Standard Time", start="20260311T140000",
            end="20260311T153000", stamp="20260226T090500Z",
            summary="Ledgerline panel interview: Jordan Rivera (Analytics Engineer)",
            organizer=HANNAH, attendees=[DANIEL, AISHA, OLIVER, JORDAN],
            description="Panel: Daniel Reyes (Head of Data), Aisha Khan (Senior Analytics "
                        "Engineer), Oliver Grant (Product Manager, Payments).\n"
                        "Microsoft Teams meeting: https://teams.microsoft.com/l/meetup-join/"
                        "19%3ameeting_Ledgerline",
            location="Microsoft Teams Meeting",
            prodid="Microsoft Exchange Server 2010"), "REQUEST", cte="base64")))
    t.add(Msg(HANNAH, [JORDAN], "2026-03-10 16:30", """
        Dear Jordan,

        A quick reminder of your panel interview tomorrow, Wednesday 11 March, at 14:00 UK time, with Daniel, Aisha and Oliver. The Teams link is in the invitation. Good luck!
        """))
    threads.append(t)

    # 3. Cascade Metrics: waiting; "within the next two weeks" sent Fri 6 Mar 19:40 in
    #    Seattle (-08:00), which is already Sat 7 Mar in UTC. Jordan's later reply quotes it.
    t = Thread("cascade", "Interview: Senior Data Analyst, Growth (Cascade Metrics)", PERSONAL)
    t.add(Msg(DANA, [JORDAN], "2026-02-24 11:05", """
        Hi Jordan,

        Thanks for applying to Cascade Metrics! I'd love to invite you to a 45-minute video interview with Ravi Menon, our Director of Analytics, on Thursday, March 5 at 10:00 AM PT. Does that time work for you?
        """))
    t.add(Msg(JORDAN, [DANA], "2026-02-24 15:40", """
        Hi Dana,

        Thank you! Thursday, March 5 at 10:00 AM PT works well for me. I look forward to meeting Ravi.

        Best,
        """, quote=True))
    t.add(Msg(JORDAN, [DANA], "2026-03-05 18:12", """
        Hi Dana and Ravi,

        Thank you both for your time today. I really enjoyed hearing how the Growth team uses experiment readouts to decide what ships, and the discussion about attribution windows has stayed with me.

        On the question about seasonality in weekly actives, I'd add that I would compare against the same weeks last year before trusting a week-over-week dip. I've put a short example together on my public dashboard and I'm happy to share it.

        I'm very interested in the role and the team. Please don't hesitate to get in touch if you need anything else from me.

        Best regards,
        """, cc=[RAVI]))
    t.add(Msg(DANA, [JORDAN], "2026-03-06 19:40", """
        Hi Jordan,

        Thanks so much for the thoughtful note, I've passed it on to Ravi. He is meeting two more candidates next week, and we'll get back to you within the next two weeks.

        Have a great weekend,
        """, quote=True))
    t.add(Msg(JORDAN, [DANA], "2026-03-09 08:30", """
        Hi Dana,

        Thank you, that's good to know. As mentioned, here is the dashboard with the seasonality example in case it's useful for Ravi: https://public.tableau-viz.net/jordan.rivera/weekly-actives

        Best,
        """, quote=True))
    threads.append(t)

    # 4. Quillstone: overdue. "early next week" (Fri 20 Feb) replaced by "by Friday"
    #    (Mon 23 Feb -> Fri 27 Feb); nothing from them since; no status check sent.
    t = Thread("quillstone", "Interview invitation - Senior Data Analyst, Claims", PERSONAL)
    t.add(Msg(MEGAN, [JORDAN], "2026-02-09 14:10", """
        Hi Jordan,

        Thank you for your interest in the Senior Data Analyst, Claims position at Quillstone Insurance. We would like to invite you to an onsite interview on Thursday, February 19 at 1:00 PM at our Boston office (200 Atlantic Avenue, 9th floor). You will meet Greg Lindqvist, Director of Claims Analytics, and two members of his team.

        Please allow about two hours, and bring a photo ID for the front desk.
        """))
    t.add(Msg(JORDAN, [MEGAN], "2026-02-09 16:25", """
        Hi Megan,

        Thank you for the invitation. Thursday, February 19 at 1:00 PM works for me; I'll be there.

        Best,
        """, quote=True))
    t.add(Msg(JORDAN, [MEGAN], "2026-02-19 19:05", """
        Hi Megan and Greg,

        Thank you for having me today. I enjoyed learning how the claims team is moving its loss-ratio reporting from spreadsheets to a governed model, and Greg's point about keeping adjusters in the loop when definitions change stuck with me.

        I'm excited about the role and would love to help with that migration. Please let me know if there is anything else I can provide.

        Best regards,
        """, cc=[GREG]))
    t.add(Msg(MEGAN, [JORDAN], "2026-02-20 10:30", """
        Hi Jordan,

        Thank you for the kind note, and for coming in yesterday. The team is wrapping up the remaining interviews and we'll have an update for you early next week.
        """))
    t.add(Msg(MEGAN, [JORDAN], "2026-02-23 09:45", """
        Hi Jordan,

        A quick update: one of the interviewers is out until Wednesday, so the debrief has moved to Thursday. We'll let you know by Friday.
        """))
    threads.append(t)

    # 5. Spreewerk (Berlin, +01:00): waiting with no date promised. An earlier "by Friday"
    #    (slots) is ended by the next reply without a timeframe; after the interview only
    #    "in due course". RFC 2047 sender name, non-ASCII subject, quoted-printable bodies.
    t = Thread("spreewerk", "Spreewerk – Senior Analytics Engineer: next steps", PERSONAL)
    t.add(Msg(ZOE, [JORDAN], "2026-02-24 10:12", """
        Hi Jordan,

        Thank you for applying for our Senior Analytics Engineer role (remote, EU/US overlap). We'd love to get to know you: the first step is a 60-minute video interview with Jonas Becker, Engineering Manager for our Data Platform.

        I'm collecting availability from Jonas and will send you a few interview slots by Friday.
        """, text_cte="quoted-printable"))
    t.add(Msg(JORDAN, [ZOE], "2026-02-24 09:05", """
        Hi Zoë,

        Thank you, that sounds great! I look forward to your email.

        Best,
        """, quote=True))
    t.add(Msg(ZOE, [JORDAN], "2026-02-26 15:40", """
        Hi Jordan,

        Here are Jonas's slots (all times CET, Berlin):

        - Wednesday, 4 March, 16:00–17:00
        - Thursday, 5 March, 15:00–16:00

        Just reply with the one that suits you best.
        """, quote=True))
    t.add(Msg(JORDAN, [ZOE], "2026-02-26 10:15", """
        Hi Zoë,

        Wednesday, 4 March at 16:00 CET works perfectly for me.

        Thanks,
        """, quote=True))
    t.add(Msg(ZOE, [JORDAN], "2026-02-27 11:00", """
        Great, you're booked in with Jonas on Wednesday, 4 March, 16:00–17:00 CET. The invitation with the Google Meet link is attached.
        """, quote=True, calendar=Calendar(calendar(
            method="REQUEST", uid="0r8e3w6q1t4y7u2i5o9p@google.com", sequence=0,
            tzid="Europe/Berlin", start="20260304T160000", end="20260304T170000",
            stamp="20260227T100000Z",
            summary="Spreewerk interview: Jordan Rivera / Jonas Becker",
            organizer=ZOE, attendees=[ZOE, JONAS, JORDAN],
            description="Interview for Senior Analytics Engineer.\nJoin with Google Meet: "
                        "https://meet.google.com/bqe-fzsw-umd",
            location="Google Meet"), "REQUEST")))
    t.add(Msg(JORDAN, [ZOE], "2026-03-04 15:20", """
        Hi Zoë and Jonas,

        Thank you for the conversation today, I really enjoyed it.

        From what Jonas described about moving the event pipeline onto dbt and splitting the marts by domain, it sounds like a project where my experience with incremental models would help from the first week. I also wanted to add to my answer on testing: besides schema tests, I'd put row-count reconciliation against the source on the most important models.

        I'm very interested in joining the team. Please let me know if you need anything else from me.

        Best regards,
        """, cc=[JONAS]))
    t.add(Msg(ZOE, [JORDAN], "2026-03-05 09:20", """
        Hi Jordan,

        Thank you for your kind note, and for taking the time to speak with Jonas. We are meeting a few more candidates and will be in touch in due course.
        """, quote=True, text_cte="quoted-printable"))
    threads.append(t)

    # 6. Pinecrest Outfitters: rejected (after a "by the end of next week" that the
    #    rejection ends; "the next six months" in a rejection is not a promise).
    t = Thread("pinecrest", "Phone screen - Senior Data Analyst, Merchandising", PERSONAL)
    t.add(Msg(LUIS, [JORDAN], "2026-02-17 13:30", """
        Hi Jordan,

        Thank you for applying for the Senior Data Analyst, Merchandising role at Pinecrest Outfitters. I'd like to set up a 30-minute phone screen. Would Wednesday, February 25 or Thursday, February 26 work, any time between 9 AM and 3 PM Mountain?
        """))
    t.add(Msg(JORDAN, [LUIS], "2026-02-17 17:02", """
        Hi Luis,

        Thank you for reaching out. Thursday, February 26 at 11 AM Mountain would be ideal.

        Best,
        """, quote=True))
    t.add(Msg(LUIS, [JORDAN], "2026-02-18 09:10", """
        Hi Jordan,

        Confirmed: Thursday, February 26 at 11:00 AM MT. I'll call you on the number on your resume.
        """))
    t.add(Msg(LUIS, [JORDAN], "2026-02-26 12:05", """
        Hi Jordan,

        Thanks for your time on the phone today, I enjoyed our conversation. I'll share my notes with the hiring manager and get back to you by the end of next week.
        """))
    t.add(Msg(LUIS, [JORDAN], "2026-03-09 10:40", """
        Hi Jordan,

        Thank you again for your interest in Pinecrest Outfitters and for the time you spent with us.

        Unfortunately, we have decided to move forward with other candidates whose experience more closely matches the needs of the role at this time. This was not an easy decision; we had a strong group of applicants.

        We'll keep your details on file for the next six months and may reach out if a role opens that fits your background. We wish you the very best in your search.
        """))
    threads.append(t)

    # 7. Solvane Energy: offer. "by Friday, March 20" is Jordan's deadline, not theirs.
    t = Thread("solvane", "Final round interview - Senior Analytics Engineer", PERSONAL)
    t.add(Msg(KENDRA, [JORDAN], "2026-02-12 15:00", """
        Hi Jordan,

        Great news: the team would like to invite you to the final round for the Senior Analytics Engineer role. It is a virtual onsite on Friday, February 27, starting at 9:30 AM Central, with three 45-minute conversations (data modelling, stakeholder case, and a conversation with our VP of Data).

        Please confirm that this works and I'll send the details.
        """))
    t.add(Msg(JORDAN, [KENDRA], "2026-02-12 17:30", """
        Hi Kendra,

        Wonderful, thank you! Friday, February 27 at 9:30 AM Central works for me.

        Best,
        """, quote=True))
    t.add(Msg(JORDAN, [KENDRA], "2026-02-27 18:40", """
        Hi Kendra,

        Thank you for organising today's final round; please pass my thanks on to the team. I especially enjoyed the stakeholder case and hearing how the grid forecasting models feed the trading desk.

        I'm even more excited about the role after today. Let me know if there is anything else you need from me.

        Best regards,
        """))
    t.add(Msg(KENDRA, [JORDAN], "2026-03-02 11:15", """
        Hi Jordan,

        Thanks again for your time on Friday, the team enjoyed meeting you. We're collecting the final feedback now and will have a decision for you by the end of next week.
        """, quote=True))
    t.add(Msg(KENDRA, [JORDAN], "2026-03-10 14:05", """
        Hi Jordan,

        I'm thrilled to share some good news. We're delighted to offer you the position of Senior Analytics Engineer at Solvane Energy!

        Your offer letter is attached, with the details of your base salary, bonus, equity and benefits. The proposed start date is Monday, April 13. Please let us know your decision by Friday, March 20, and feel free to reach out with any questions; I'm happy to set up a call with the hiring manager.

        Congratulations, and welcome (we hope!) to Solvane.
        """, attachments=[Attachment("Solvane_Offer_Letter_Jordan_Rivera.pdf", "application",
                                     "pdf", fake_pdf("Solvane Energy offer letter"))]))
    t.add(Msg(JORDAN, [KENDRA], "2026-03-10 16:45", """
        Hi Kendra,

        Thank you so much, this is wonderful news! I'll review the letter carefully and come back to you by the 20th. I may take you up on the offer of a call with the hiring manager.

        Best,
        """, quote=True))
    threads.append(t)

    # 8. TalentBridge Partners (agency) for Orbital Payments: the client's hiring manager
    #    joins the thread; the agency's "by Friday" is replaced by "early next week".
    t = Thread("talentbridge", "Senior Analytics Engineer opportunity - fintech client (remote)",
               PERSONAL)
    t.add(Msg(CALLUM, [JORDAN], "2026-02-23 10:15", """
        Hi Jordan,

        I hope you don't mind me reaching out directly. I'm working with a client, Orbital Payments, a London fintech with a growing US team, on a Senior Analytics Engineer hire. They are remote-friendly with US East Coast hours, and your dbt and Looker background looks like a strong match.

        Would you be happy for me to put you forward? If so, could you send me an up-to-date CV?
        """))
    t.add(Msg(JORDAN, [CALLUM], "2026-02-23 08:02", """
        Hi Callum,

        Thanks for thinking of me, yes, I'd be happy to be put forward for the Orbital Payments role. My CV is attached.

        Best,
        """, quote=True, attachments=[Attachment("Jordan_Rivera_CV.pdf", "application", "pdf",
                                                 fake_pdf("Jordan Rivera CV"))]))
    t.add(Msg(CALLUM, [JORDAN], "2026-02-25 14:30", """
        Hi Jordan,

        Great news: Rachel Adeyemi, Head of Analytics at Orbital Payments, would like to speak with you. I've copied Rachel in so that you can find a time directly.

        Rachel, meet Jordan, the candidate we discussed on Monday.
        """, cc=[RACHEL]))
    t.add(Msg(RACHEL, [JORDAN], "2026-02-26 09:12", """
        Hi Jordan (and thanks Callum),

        Lovely to e-meet you. Would Tuesday 3 March at 16:00 GMT work for a 45-minute video call? I'll send a Google Meet link on the day.
        """, cc=[CALLUM], quote=True))
    t.add(Msg(JORDAN, [RACHEL], "2026-02-26 07:40", """
        Hi Rachel,

        Lovely to meet you too. Tuesday 3 March at 16:00 GMT works perfectly.

        Best,
        """, cc=[CALLUM], quote=True))
    t.add(Msg(JORDAN, [RACHEL], "2026-03-03 17:30", """
        Hi Rachel,

        Thank you for the conversation today. I enjoyed hearing about the payment-failure dashboards and how you want to move merchant reporting onto a single semantic layer; it's the kind of work I'd love to own.

        Please let me know if there is anything else I can share.

        Best regards,
        """, cc=[CALLUM]))
    t.add(Msg(CALLUM, [JORDAN], "2026-03-04 12:10", """
        Hi Jordan,

        Rachel enjoyed the conversation, thank you for the note you sent her. She has two more candidates to see, so I'll chase her and come back to you by Friday.
        """))
    t.add(Msg(CALLUM, [JORDAN], "2026-03-09 11:05", """
        Hi Jordan,

        A quick update: Rachel's last interview for the role is on Thursday, so I'll have feedback from the client early next week. You're very much in the running.
        """, quote=True))
    threads.append(t)

    # 9. Fathom Robotics: applied (Greenhouse acknowledgement, HTML only, no unsubscribe).
    t = Thread("fathom", "Thank you for applying to Fathom Robotics", UPDATES)
    ats = Person("Fathom Robotics", "no-reply@us.greenhouse-mail.io", "utc", "plain")
    t.add(Msg(ats, [JORDAN], "2026-03-10 21:14", from_header="Fathom Robotics "
              "<no-reply@us.greenhouse-mail.io>", html_only=html_page(
                  "<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
                  "<tr><td style=\"font-family:Helvetica,Arial,sans-serif;font-size:14px\">\n"
                  "<p>Hi Jordan,</p>\n"
                  "<p>Thank you for applying to the <strong>Senior Data Analyst, Operations"
                  "</strong> role at Fathom Robotics. Our team will review your application, "
                  "and if your skills and experience are a match, a member of our recruiting "
                  "team will reach out to you about next steps.</p>\n"
                  "<p>Thanks again for your interest in Fathom Robotics!</p>\n"
                  "<p>Best,<br>The Fathom Robotics Talent Team</p>\n"
                  "<p style=\"color:#999;font-size:11px\">Please do not reply to this email; "
                  "this mailbox is not monitored.</p>\n</td></tr></table>"),
              headers=[("Reply-To", "no-reply@us.greenhouse-mail.io")]))
    threads.append(t)

    # 10. Tessellate Media: applied (Workday acknowledgement, HTML only, base64).
    t = Thread("tessellate", "Thank you for applying: Analytics Engineer (R-10482)", UPDATES)
    wd = Person("Tessellate Media Careers", "tessellatemedia@myworkday.com", "seattle", "plain")
    t.add(Msg(wd, [JORDAN], "2026-03-02 14:22", text_cte="base64", html_only=html_page(
        "<div style=\"font-family:Arial,sans-serif;font-size:13px\">\n"
        "<p>Dear Jordan Rivera,</p>\n"
        "<p>Thank you for your application for the position of <b>Analytics Engineer</b> "
        "(Job Requisition ID R-10482) at Tessellate Media. We have received your "
        "application and our talent team is reviewing it.</p>\n"
        "<p>You can check the status of your application at any time by signing in to "
        "your Candidate Home account.</p>\n"
        "<p>Kind regards,<br>Tessellate Media Talent Acquisition</p>\n"
        "<p style=\"font-size:10px;color:#777\">This is a system-generated message; "
        "replies are not monitored.</p>\n</div>")))
    threads.append(t)

    # 11. Brightwave: a phone screen that exists only in prose. Ines rang Jordan on Tue 10 Mar
    #     (arranged off the mailbox); her "Great speaking with you this afternoon", sent at 15:40
    #     in Chicago, dates it. The subject names the company after the role.
    t = Thread("brightwave", "Phone screen - Product Analyst, Brightwave", PERSONAL)
    t.add(Msg(INES, [JORDAN], "2026-03-06 10:05", """
        Hi Jordan,

        Thank you for applying for the Product Analyst role at Brightwave. I'm the recruiter for the pricing team and would love to set up a quick phone screen to learn more about you.

        Are you free for a call early next week? I can ring you on the number on your resume.
        """))
    t.add(Msg(JORDAN, [INES], "2026-03-06 13:20", """
        Hi Ines,

        Thank you for reaching out! Early next week works well; Monday or Tuesday afternoon is best for me.

        Best,
        """, quote=True))
    t.add(Msg(INES, [JORDAN], "2026-03-10 15:40", """
        Hi Jordan,

        Great speaking with you this afternoon! I'm sharing my notes with the hiring manager, and we'll be in touch by the end of next week about the technical interview.
        """, quote=True))
    t.add(Msg(JORDAN, [INES], "2026-03-10 20:15", """
        Hi Ines,

        Thank you for speaking with me today. I enjoyed hearing how the pricing team tests new plans, and I'm very interested in the role.

        Best,
        """, quote=True))
    threads.append(t)
    return threads


def noise() -> list[Thread]:
    threads = []

    def one(key, subject, labels, sender_name, sender_email, zone, when, *, text=None,
            html_body=None, headers=(), calendar_part=None):
        p = Person(sender_name, sender_email, zone, "plain")
        t = Thread(key, subject, labels)
        m = Msg(p, [JORDAN], when, text or "", sign=False, headers=list(headers),
                html_only=None if text else html_body, calendar=calendar_part)
        t.add(m)
        threads.append(t)
        return t

    one("n-jobalert", "14 new jobs for Senior Data Analyst in Philadelphia, PA", UPDATES,
        "JobHarbor Alerts", "alerts@mail.jobharbor.com", "utc", "2026-03-11 13:02",
        headers=unsubscribe("https://www.jobharbor.com/alerts/unsubscribe?t=8f21c0",
                            "unsubscribe-8f21c0@mail.jobharbor.com")
        + [("Precedence", "bulk")],
        text="""
        Jordan, here are today's new jobs matching "Senior Data Analyst".

        Senior Data Analyst - Northwind Labs - New York, NY (Hybrid)
        Actively interviewing. Easy Apply. Posted 2 days ago.

        Analytics Engineer - Brightline Health - Philadelphia, PA
        Interviewing now: apply today and hear back within 3 days.

        Senior Data Analyst, Growth - Kestrel Apps - Remote (US)
        $140,000 - $165,000 a year.

        See all 14 jobs: https://www.jobharbor.com/alerts/8f21c0

        You are receiving this job alert because you subscribed on JobHarbor.
        Unsubscribe: https://www.jobharbor.com/alerts/unsubscribe?t=8f21c0
        """)

    one("n-profileview", "Priya Shah viewed your profile", SOCIAL,
        "Linkwise", "notifications-noreply@linkwise.com", "utc", "2026-03-06 15:31",
        headers=unsubscribe("https://www.linkwise.com/e/unsub/pv/3b77",
                            "unsub-pv-3b77@linkwise.com"),
        html_body=html_page(
            "<p>Hi Jordan,</p>\n<p><b>Priya Shah</b>, Technical Recruiter at Northwind "
            "Labs, viewed your profile.</p>\n<p><a href=\"https://www.linkwise.com/me/"
            "profile-views\">See all views</a></p>\n<p>Recruiters who view your profile "
            "often reach out within a week. Make sure your Open to Work settings are up to "
            "date.</p>\n<p style=\"font-size:11px\">You are receiving Linkwise notification "
            "emails. <a href=\"https://www.linkwise.com/e/unsub/pv/3b77\">Unsubscribe</a></p>"))

    one("n-searches", "You appeared in 12 searches this week", SOCIAL,
        "Linkwise", "notifications-noreply@linkwise.com", "utc", "2026-03-09 12:05",
        headers=unsubscribe("https://www.linkwise.com/e/unsub/sa/91dd",
                            "unsub-sa-91dd@linkwise.com"),
        html_body=html_page(
            "<p>Jordan, you appeared in <b>12 searches</b> this week.</p>\n"
            "<p>People who searched for you work at: Northwind Labs, Ledgerline, "
            "TalentBridge Partners.</p>\n<p>Search terms: analytics engineer, dbt, "
            "senior data analyst.</p>\n<p><a href=\"https://www.linkwise.com/me/search-"
            "appearances\">See your search appearances</a></p>\n<p style=\"font-size:11px\">"
            "<a href=\"https://www.linkwise.com/e/unsub/sa/91dd\">Unsubscribe</a></p>"))

    one("n-tips", "5 interview tips hiring managers wish you knew", UPDATES,
        "Linkwise Editors", "editors@news.linkwise.com", "utc", "2026-03-07 14:00",
        headers=unsubscribe("https://www.linkwise.com/e/unsub/news/5c1a",
                            "unsub-news-5c1a@news.linkwise.com") + [("Precedence", "bulk")],
        text="""
        Linkwise Career Weekly

        From the editors: interview season is here. Five tips from hiring managers:

        1. Ask when you can expect to hear back, before you leave the interview.
        2. Send a short thank-you note the same day or the next day.
        3. Improve the answer you fumbled, briefly, in that note.
        4. Don't chase twice: one polite check-in after the date they gave is enough.
        5. Keep applying until you have a signed offer.

        From our community: "I got the offer two weeks after my final interview" - read
        the full story on Linkwise.

        You're receiving Career Weekly because you follow Career Advice on Linkwise.
        Unsubscribe: https://www.linkwise.com/e/unsub/news/5c1a
        """)

    one("n-webinar", "Ace your next interview: live webinar on March 18", PROMOS,
        "CareerLift Academy", "events@careerlift.io", "new_york", "2026-03-04 08:00",
        headers=unsubscribe("https://careerlift.io/unsubscribe/e7f0", "leave-e7f0@careerlift.io"),
        html_body=html_page(
            "<h1>Ace your next interview</h1>\n<p>Hi Jordan,</p>\n<p>Join our free live "
            "webinar on <b>Wednesday, March 18 at 12:00 PM ET</b>: how to answer SQL case "
            "questions, what to say at the end of the interview, and how to follow up "
            "without being pushy.</p>\n<p><a href=\"https://careerlift.io/webinars/ace-"
            "interview\">Save my seat</a></p>\n<p>Can't make it? Register anyway and we'll "
            "send you the recording within 24 hours.</p>\n<p style=\"font-size:11px\">"
            "CareerLift Academy, 1 Market St, San Francisco, CA. <a href=\"https://careerlift"
            ".io/unsubscribe/e7f0\">Unsubscribe</a></p>"))

    one("n-spam", "Exciting opportunity! Senior Data Analyst - 100% remote",
        PROMOS, "Brad Kessler", "brad@apexstaffsolutions.com", "chicago", "2026-03-10 07:48",
        headers=unsubscribe("https://apexstaffsolutions.com/optout?id=55120",
                            "optout@apexstaffsolutions.com") + [("Precedence", "bulk")],
        text="""
        Dear Candidate,

        Hope you are doing well! I came across your profile and have an EXCITING opportunity for a Senior Data Analyst (100% remote, 6+ month contract, W2 only) with one of our Fortune 500 clients.

        Interviews are happening THIS WEEK. Please reply with your updated resume, expected rate, visa status and availability for a quick interview, and we'll get back to you within 24 hours.

        Thanks & Regards,
        Brad Kessler
        Sr. Technical Recruiter | Apex Staff Solutions

        To stop receiving these emails, click here: https://apexstaffsolutions.com/optout?id=55120
        """)

    one("n-order", "Your Parcelo order #PA-48213-7719 is confirmed", UPDATES,
        "Parcelo", "orders@parcelo.com", "utc", "2026-02-28 19:22",
        html_body=html_page(
            "<h2>Thanks for your order, Jordan!</h2>\n<p>Order <b>#PA-48213-7719</b></p>\n"
            "<table><tr><td>The Analytics Engineer's Interview Handbook (paperback)</td>"
            "<td>$34.99</td></tr><tr><td>Shipping</td><td>$0.00</td></tr>"
            "<tr><td><b>Total</b></td><td><b>$34.99</b></td></tr></table>\n"
            "<p>Estimated delivery: Wednesday, March 4.</p>\n<p>We'll email you when it "
            "ships.</p>"))

    one("n-ride", "Your Thursday evening trip with Zipride", UPDATES,
        "Zipride Receipts", "receipts@zipride.com", "new_york", "2026-02-19 16:02",
        html_body=html_page(
            "<h2>Thanks for riding, Jordan</h2>\n<p>Thursday, February 19, 2026</p>\n"
            "<p>Total: <b>$23.47</b></p>\n<p>3:21 PM: 200 Atlantic Ave, Boston, MA<br>"
            "3:48 PM: South Station, Boston, MA</p>\n<p>Visa ending in 4417</p>\n"
            "<p>Rate your driver, Luis, and add a tip within 24 hours.</p>"))

    # Google Calendar's reminder of Jordan's own prep session: her calendar, not a process.
    prep = Person("Google Calendar", "calendar-notification@google.com", "new_york", "plain")
    t = Thread("n-gcal", "Notification: Interview prep: Northwind technical @ Wed 11 Mar 2026 7pm - 8pm "
               "(EDT) (jordan.rivera@gmail.com)", UPDATES)
    t.add(Msg(prep, [JORDAN], "2026-03-11 18:50", """
        This is a notification for:

        Title: Interview prep: Northwind technical
        When: Wednesday 11 Mar 2026 7pm - 8pm (Eastern Time - New York)
        Calendar: jordan.rivera@gmail.com
        Who:
        * jordan.rivera@gmail.com - organizer

        Invitation from Google Calendar: https://calendar.google.com/calendar/

        You are receiving this email at the account jordan.rivera@gmail.com because you set a notification for this event.
        """, sign=False, headers=[("Sender", "Google Calendar <calendar-notification@google.com>"),
                                  ("Reply-To", "Google Calendar <calendar-notification@google.com>")],
        calendar=Calendar(calendar(
            method="REQUEST", uid="3r8t1y5u9i2o6p0a4s7d@google.com", sequence=0,
            tzid="America/New_York", start="20260311T190000", end="20260311T200000",
            stamp="20260305T140000Z", summary="Interview prep: Northwind technical",
            organizer=JORDAN, attendees=[JORDAN], description="SQL window functions; the case."),
            "REQUEST", attach_ics=True)))
    threads.append(t)

    one("n-dentist", "Appointment confirmation: Tue, Mar 17 at 8:30 AM", UPDATES,
        "Riverside Dental Studio", "appointments@riversidedentalstudio.com", "new_york",
        "2026-03-03 11:40", text="""
        Hi Jordan,

        Your appointment with Dr. Alvarez (cleaning and check-up) is confirmed for Tuesday, March 17 at 8:30 AM.

        Please arrive 10 minutes early. If you need to reschedule, let us know at least 24 hours before your appointment.

        Riverside Dental Studio
        1430 Walnut St, Suite 300, Philadelphia, PA 19102
        (215) 555-0110
        """, calendar_part=Calendar(calendar(
            method="REQUEST", uid="appt-118842@riversidedentalstudio.com", sequence=0,
            tzid=None, start="20260317T123000Z", end="20260317T133000Z",
            stamp="20260303T164000Z", summary="Dental appointment: Dr. Alvarez",
            organizer=Person("Riverside Dental Studio", "appointments@riversidedentalstudio.com",
                             "new_york"),
            attendees=[JORDAN], description="Cleaning and check-up. Please arrive 10 minutes "
            "early.", location="1430 Walnut St, Suite 300, Philadelphia, PA 19102",
            prodid="-//DentiBook//Scheduler 4.2//EN"), "REQUEST"))

    t = Thread("n-friend", "coffee chat next week?", PERSONAL)
    t.add(Msg(MAYA, [JORDAN], "2026-03-10 09:30", """
        Hey Jordan!

        I'm in Philly for a conference next week, want to grab coffee? I'd love a proper coffee chat about your search. How did your interview go, by the way? The panel one?
        """))
    t.add(Msg(JORDAN, [MAYA], "2026-03-10 21:15", """
        Hi Maya,

        Yes please! The panel is tomorrow actually, wish me luck. The one in Seattle went well I think, they said they'd get back to me within two weeks.

        Saturday morning works best for me.
        """, quote=True, sign=False))
    t.add(Msg(MAYA, [JORDAN], "2026-03-11 08:05", """
        Good luck!! Saturday the 14th at 10 at Elixr on Sansom St? Let me know by Friday if that doesn't work.
        """, quote=True))
    threads.append(t)

    t = Thread("n-digest", "analytics-eng Digest, Vol 12, Issue 9", FORUMS)
    lst = Person("analytics-eng-request@lists.datafolks.org",
                 "analytics-eng-request@lists.datafolks.org", "utc", "plain")
    t.add(Msg(lst, [JORDAN], "2026-03-08 12:00", """
        Send analytics-eng mailing list submissions to
            analytics-eng@lists.datafolks.org

        Today's Topics:

           1. Interview questions for analytics engineers (Sofia Marin)
           2. Re: dbt incremental models and late-arriving data (Tom Becker)

        ----------------------------------------------------------------------

        Message: 1
        Date: Sat, 7 Mar 2026 18:11:04 +0100
        From: Sofia Marin <sofia.marin@example-mail.net>
        Subject: Interview questions for analytics engineers

        What do you all ask in a first interview for an analytics engineer? I schedule
        mine for an hour and we get back to candidates within a week.

        ------------------------------

        Message: 2
        Date: Sat, 7 Mar 2026 21:40:51 -0500
        From: Tom Becker <tbecker@example-mail.net>
        Subject: Re: dbt incremental models and late-arriving data

        A lookback window of three days has worked for us.

        ------------------------------

        End of analytics-eng Digest, Vol 12, Issue 9
        ********************************************
        """, sign=False, from_header="analytics-eng-request@lists.datafolks.org",
        headers=[("List-Id", "Analytics engineering discussion <analytics-eng.lists.datafolks.org>"),
                 ("List-Unsubscribe", "<https://lists.datafolks.org/mailman/options/analytics-eng>,"
                  " <mailto:analytics-eng-request@lists.datafolks.org?subject=unsubscribe>"),
                 ("Precedence", "list")]))
    threads.append(t)

    one("n-password", "Reset your JobHarbor password", UPDATES,
        "JobHarbor", "no-reply@jobharbor.com", "utc", "2026-03-01 02:14", text="""
        Hi Jordan,

        We received a request to reset the password for your JobHarbor account. Click the link below within 60 minutes to choose a new password:

        https://www.jobharbor.com/account/reset?token=Qm9vbGVhbkZhbHNl

        If you didn't request this, you can ignore this email.

        The JobHarbor team
        """)

    one("n-bank", "Your February statement is ready", UPDATES,
        "Keystone Federal Credit Union", "alerts@keystonefcu.com", "new_york", "2026-03-05 06:30",
        html_body=html_page(
            "<p>Hello Jordan,</p>\n<p>Your February statement for Checking ****2208 is now "
            "available in online banking.</p>\n<p>Payment due date for your Visa ****4417: "
            "March 25, 2026.</p>\n<p>Keystone Federal Credit Union will never ask for your "
            "password by email.</p>"))

    one("n-reviews", "New interview reviews for Northwind Labs", UPDATES,
        "WorkVoice", "digest@workvoice.com", "utc", "2026-03-08 16:45",
        headers=unsubscribe("https://www.workvoice.com/unsub/c/4410", "unsub-4410@workvoice.com"),
        html_body=html_page(
            "<p>Companies you follow have new interview reviews.</p>\n"
            "<h3>Northwind Labs: Senior Data Analyst interview</h3>\n<p>\"Recruiter call, then "
            "a technical interview with SQL and a case. They got back to me within two weeks.\""
            "</p>\n<p>Difficulty: Average. Experience: Positive.</p>\n<p><a href=\"https://www."
            "workvoice.com/reviews/northwind-labs\">Read all reviews</a></p>\n"
            "<p style=\"font-size:11px\"><a href=\"https://www.workvoice.com/unsub/c/4410\">"
            "Unsubscribe</a></p>"))

    one("n-salary", "What senior data analysts earn in 2026", PROMOS,
        "PayScope Insights", "newsletter@payscope.io", "utc", "2026-02-26 15:00",
        headers=unsubscribe("https://payscope.io/u/a81", "u-a81@payscope.io"),
        html_body=html_page(
            "<h1>Salary report: senior data analysts, 2026</h1>\n<p>Median base pay rose 4% "
            "this year. Analytics engineers with dbt experience earn the most.</p>\n<p>Tip: "
            "don't discuss numbers before the offer; ask the recruiter for the range at the "
            "first interview.</p>\n<p><a href=\"https://payscope.io/u/a81\">Unsubscribe</a></p>"))

    one("n-code", "Your Linkwise verification code is 482913", UPDATES,
        "Linkwise", "security-noreply@linkwise.com", "utc", "2026-03-02 18:03", text="""
        Hi Jordan,

        Use this code to finish signing in: 482913

        The code expires in 15 minutes. If you didn't try to sign in, change your password.

        Linkwise Security
        """)

    one("n-course", "30% off: Interview Prep for Data Roles", PROMOS,
        "Skillforge", "deals@skillforge.io", "utc", "2026-03-09 17:30",
        headers=unsubscribe("https://skillforge.io/prefs/unsub/7d", "unsub-7d@skillforge.io"),
        html_body=html_page(
            "<h1>Land the offer</h1>\n<p>Our best-selling course, <b>Interview Prep for Data "
            "Roles</b>, is 30% off until Sunday. 40 SQL and case interview questions, with "
            "model answers.</p>\n<p><a href=\"https://skillforge.io/c/interview-prep-data\">"
            "Enroll now</a></p>\n<p style=\"font-size:11px\"><a href=\"https://skillforge.io/"
            "prefs/unsub/7d\">Unsubscribe</a></p>"))
    return threads


# --------------------------------------------------------------------------------------
# Writing the Takeout mbox
# --------------------------------------------------------------------------------------
def gmail_id(m: Msg, key: str, n: int) -> int:
    """Gmail ids are a millisecond timestamp shifted left 20 bits plus a counter."""
    assert m.dt is not None
    ms = int(m.dt.timestamp() * 1000)
    return (ms << 20) | (h(key, n, "gid") & 0xFFFFF)


def from_line(gid: int, dt: datetime) -> bytes:
    u = dt.astimezone(timezone.utc)
    return (f"From {gid}@xxx {DAYS[u.weekday()]} {MONTHS[u.month - 1]} {u.day:02d} "
            f"{u:%H:%M:%S} +0000 {u.year}").encode("ascii")


def render() -> bytes:
    entries = []
    for thread in processes() + noise():
        thrid = gmail_id(thread.messages[0], thread.key, 0)
        for n, m in enumerate(thread.messages):
            msg = build(thread, m, thrid)
            buf = BytesIO()
            BytesGenerator(buf, mangle_from_=False, policy=GEN_POLICY).flatten(msg)
            data = buf.getvalue()
            if not data.endswith(b"\n"):
                data += b"\n"
            # mboxo quoting, as Takeout and Python's mailbox module write it
            data = data.replace(b"\nFrom ", b"\n>From ")
            assert m.dt is not None
            entries.append((m.dt.astimezone(timezone.utc), from_line(gmail_id(m, thread.key, n),
                                                                      m.dt), data))
    entries.sort(key=lambda e: (e[0], e[1]))
    return b"\n".join(line + b"\n" + data for _, line, data in entries)


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(f"usage: {Path(argv[0]).name} [OUTPUT.mbox]  (default: {DEFAULT_OUT})",
              file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUT
    data = render()
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
