"""A realistic Google Takeout mbox of one person's job search, written by hand, for checking facts.

Sofía Marín (Toronto) looks for a data job from September to early December 2026. Her
"All mail" export holds ten hiring processes of different shapes among ordinary mail:
newsletters, receipts, friends, job alerts, her own calendar's notifications and her own
unsent drafts. `expected.json` beside this file states the true facts of each process,
derived by hand from PROMISES.md and README.md (never by running the tool).

Deterministic: no clock, and the noise uses a fixed seed. Standard library only.
Usage: python make_realmail.py OUT.mbox
"""

from __future__ import annotations

import mailbox
import random
import sys
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ME = "sofia.marin@gmail.com"
ME_FULL = "Sofía Marín <sofia.marin@gmail.com>"
TODAY = "2026-12-03"

# UTC offsets in 2026: North America leaves DST on 1 Nov, Europe on 25 Oct.
def _off(zone: str, day: datetime) -> int:
    summer_na = day < datetime(2026, 11, 1)
    summer_eu = day < datetime(2026, 10, 25)
    return {
        "toronto": -4 if summer_na else -5,
        "chicago": -5 if summer_na else -6,
        "london": 1 if summer_eu else 0,
        "paris": 2 if summer_eu else 1,
        "utc": 0,
    }[zone]


def at(zone: str, m: int, d: int, h: int, mi: int = 0, s: int = 0) -> datetime:
    naive = datetime(2026, m, d, h, mi, s)
    return naive.replace(tzinfo=timezone(timedelta(hours=_off(zone, naive))))


def invite(uid: str, start: str, end: str, tzid: str | None, summary: str, organizer: str,
           attendees: list[tuple[str, str]], method: str = "REQUEST", sequence: int = 0,
           status: str = "CONFIRMED", description: str = "") -> str:
    """An iCalendar part as Google Calendar writes one (trimmed); start like 20261202T100000."""
    if tzid:
        dt = f"DTSTART;TZID={tzid}:{start}\r\nDTEND;TZID={tzid}:{end}"
    else:
        dt = f"DTSTART:{start}Z\r\nDTEND:{end}Z"
    people = "\r\n".join(
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN={n}:mailto:{e}"
        for n, e in attendees)
    return (
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
        f"CALSCALE:GREGORIAN\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\n{dt}\r\n"
        "DTSTAMP:20261101T000000Z\r\n"
        f"ORGANIZER;CN={organizer.split('<')[0].strip()}:mailto:{organizer.split('<')[1].rstrip('>')}\r\n"
        f"UID:{uid}\r\n{people}\r\nCREATED:20261101T000000Z\r\n"
        f"DESCRIPTION:{description}\r\nSEQUENCE:{sequence}\r\nSTATUS:{status}\r\n"
        f"SUMMARY:{summary}\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


class Box:
    """Collects messages in the order Takeout would list them (by date)."""

    def __init__(self) -> None:
        self.messages: list[tuple[datetime, EmailMessage]] = []
        self.ids: dict[str, str] = {}
        self.refs: dict[str, list[str]] = {}
        self.threads: dict[str, int] = {}

    def thrid(self, name: str) -> int:
        if name not in self.threads:
            self.threads[name] = 1_810_000_000_000_000_000 + 7_919_113_331 * (len(self.threads) + 1)
        return self.threads[name]

    def add(self, key: str, thread: str, labels: str, frm: str, to: str, subject: str,
            when: datetime, body: str | None = None, *, cc: str = "", html: str | None = None,
            parent: str | None = None, ics: str | None = None, qp: bool = False,
            headers: dict[str, str] | None = None) -> None:
        m = EmailMessage()
        m["From"] = frm
        if to:
            m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subject
        m["Date"] = format_datetime(when)
        domain = frm.split("@")[-1].rstrip(">") if "@" in frm else "mail.gmail.com"
        mid = f"<{key}.{when.strftime('%Y%m%d%H%M')}@{domain}>"
        if "gmail.com" in domain and ME in frm:
            mid = f"<CAF{abs(hash_key(key)):x}@mail.gmail.com>"
        m["Message-ID"] = mid
        self.ids[key] = mid
        chain: list[str] = []
        if parent:
            chain = self.refs[parent] + [self.ids[parent]]
            m["In-Reply-To"] = self.ids[parent]
            m["References"] = " ".join(chain)
        self.refs[key] = chain
        m["X-GM-THRID"] = str(self.thrid(thread))
        m["X-Gmail-Labels"] = labels
        for k, v in (headers or {}).items():
            m[k] = v
        cte = "quoted-printable" if qp else None
        if body is not None:
            m.set_content(body, cte=cte) if cte else m.set_content(body)
            if html is not None:
                m.add_alternative(html, subtype="html")
        elif html is not None:
            m.set_content(html, subtype="html", cte=cte) if cte else m.set_content(html, subtype="html")
        if ics:
            m.add_alternative(ics, subtype="calendar", params={"method": ics.split("METHOD:")[1].split("\r")[0]})
        self.messages.append((when, m))

    def write(self, path: Path) -> Path:
        if path.exists():
            path.unlink()
        box = mailbox.mbox(str(path), create=True)
        for when, m in sorted(self.messages, key=lambda x: x[0]):
            mm = mailbox.mboxMessage(m)
            stamp = when.astimezone(timezone.utc).strftime("%a %b %d %H:%M:%S +0000 %Y")
            mm.set_from(f"{m['X-GM-THRID']}@xxx {stamp}")  # Takeout's own From_ line
            box.add(mm)
        box.flush()
        box.close()
        return path


def hash_key(key: str) -> int:
    """A stable (not per-process salted) number for a key."""
    h = 1469598103934665603
    for ch in key.encode():
        h = ((h ^ ch) * 1099511628211) % (1 << 64)
    return h


SENT = "Sent"
SENT_OPENED = "Sent,Opened"
INBOX = "Inbox,Important,Opened,Category Personal"
UPDATES = "Inbox,Opened,Category Updates"
DRAFT = "Drafts"


def hiring(b: Box) -> None:
    # ---------------- 1. Northwind Logistics: Greenhouse ack, prose phone screen, panel in two zones,
    # her thank-you still an unsent draft.
    b.add("nw-ack", "nw-ack", UPDATES, "Northwind Logistics <no-reply@greenhouse.io>", ME,
          "Thank you for applying to Northwind Logistics", at("chicago", 10, 27, 13, 2),
          "Hi Sofía,\n\nThank you for your interest in Northwind Logistics! We wanted to let you know "
          "we received your application for Data Analyst, Northwind Logistics, and we are delighted "
          "that you would consider joining our team.\n\nOur team will review your application and "
          "will be in touch if your qualifications match our needs for the role.\n\n"
          "Regards,\nNorthwind Logistics Talent Team\n\n"
          "**Please note: Do not reply to this email. This email is sent from an unattended mailbox.")
    b.add("nw-1", "nw", INBOX, "Priya Raman <priya.raman@northwindlogistics.com>", ME,
          "Northwind Logistics - Data Analyst - next steps", at("chicago", 11, 5, 10, 15),
          "Hi Sofía,\n\nThanks for applying for our Data Analyst role! I'm the recruiter for the "
          "Operations Insights team and I'd love to set up a 30-minute phone screen.\n\n"
          "Would Tuesday 10 November at 9:00 am Central (10:00 am Eastern) work for you?\n\n"
          "Best,\nPriya Raman\nTalent Acquisition Partner | Northwind Logistics\n"
          "Chicago, IL")
    b.add("nw-2", "nw", SENT, ME_FULL, "Priya Raman <priya.raman@northwindlogistics.com>",
          "Re: Northwind Logistics - Data Analyst - next steps", at("toronto", 11, 5, 12, 40),
          "Hi Priya,\n\nTuesday at 10:00 Eastern works for me. Talk then!\n\nBest,\nSofía\n\n"
          "On Thu, Nov 5, 2026 at 11:15 AM Priya Raman <priya.raman@northwindlogistics.com> wrote:\n"
          "> Would Tuesday 10 November at 9:00 am Central (10:00 am Eastern) work for you?\n",
          parent="nw-1")
    b.add("nw-3", "nw", INBOX, "Priya Raman <priya.raman@northwindlogistics.com>", ME,
          "Re: Northwind Logistics - Data Analyst - next steps", at("chicago", 11, 10, 11, 5),
          "Hi Sofía,\n\nThanks for speaking with me this morning! I really enjoyed hearing about "
          "your warehouse throughput dashboards. I've passed my notes to the hiring manager and "
          "I'll be in touch about next steps shortly.\n\nBest,\nPriya", parent="nw-2")
    b.add("nw-4", "nw", SENT, ME_FULL, "Priya Raman <priya.raman@northwindlogistics.com>",
          "Re: Northwind Logistics - Data Analyst - next steps", at("toronto", 11, 10, 20, 30),
          "Hi Priya,\n\nThank you for the conversation this morning. It was great to learn how the "
          "Operations Insights team works with the warehouses, and I'm excited about the role.\n\n"
          "Best,\nSofía", parent="nw-3")
    b.add("nw-5", "nw", INBOX, "Priya Raman <priya.raman@northwindlogistics.com>", ME,
          "Re: Northwind Logistics - Data Analyst - next steps", at("chicago", 11, 20, 9, 30),
          "Hi Sofía,\n\nGreat news: the team would like to invite you to a final panel interview "
          "with Zoë Achterberg (Analytics Manager), Rafael Núñez (Senior Data Engineer) and Tom "
          "Becker (Director of Operations).\n\nIt's on Wednesday 2 December, 10:00-11:30 am Central "
          "Time - that's 11:00 am-12:30 pm your time (Eastern). I'll send a calendar invite shortly.\n\n"
          "Best,\nPriya", parent="nw-4")
    panel = [("Zoë Achterberg", "zoe.achterberg@northwindlogistics.com"),
             ("Rafael Núñez", "rafael.nunez@northwindlogistics.com"),
             ("Tom Becker", "tom.becker@northwindlogistics.com"),
             ("Sofía Marín", ME)]
    b.add("nw-inv", "nw-inv", "Inbox,Important,Opened,Category Updates",
          "Priya Raman <priya.raman@northwindlogistics.com>", ME,
          "Invitation: Final panel interview - Sofía Marín / Northwind Logistics @ Wed Dec 2, 2026 "
          "10am - 11:30am (CST) (sofia.marin@gmail.com)", at("chicago", 11, 20, 9, 34),
          "Final panel interview - Sofía Marín / Northwind Logistics\n"
          "Wednesday Dec 2, 2026 ⋅ 10am – 11:30am (Central Time - Chicago)\n"
          "Your local time: 11am – 12:30pm (Eastern Time - Toronto)\n\n"
          "Join with Google Meet: meet.google.com/xkq-bnwe-tpa\n\n"
          "Guests\nPriya Raman - organizer\nZoë Achterberg\nRafael Núñez\nTom Becker\n"
          "sofia.marin@gmail.com\n\nInvitation from Google Calendar",
          ics=invite("nw-panel-001@google.com", "20261202T100000", "20261202T113000",
                     "America/Chicago", "Final panel interview - Sofía Marín / Northwind Logistics",
                     "Priya Raman <priya.raman@northwindlogistics.com>", panel))
    b.add("nw-6", "nw", SENT, ME_FULL, "Priya Raman <priya.raman@northwindlogistics.com>",
          "Re: Northwind Logistics - Data Analyst - next steps", at("toronto", 11, 20, 11, 2),
          "Thanks Priya, looking forward to it!\n\nSofía", parent="nw-5")
    b.add("nw-draft", "nw", DRAFT, ME_FULL, "Zoë Achterberg <zoe.achterberg@northwindlogistics.com>",
          "Re: Northwind Logistics - Data Analyst - next steps", at("toronto", 12, 2, 19, 45),
          "Hi Zoë,\n\nThank you for taking the time to meet with me today. I enjoyed our discussion "
          "about\n\n[finish tomorrow morning]", parent="nw-6")

    # ---------------- 2. Fenwick Analytics via an agency (TalentBridge); reported promise.
    mh = "Marcus Hale <marcus.hale@talentbridge.ca>"
    b.add("fw-1", "fw", INBOX, mh, ME,
          "Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 10, 29, 16, 20),
          "Hi Sofía,\n\nI'm a recruiter with TalentBridge. My client, Fenwick Analytics, is hiring a "
          "Senior BI Developer to lead their move from SSRS to Power BI, and your profile looks like "
          "a great fit. Salary range is $105-120k plus bonus, hybrid from their King St office.\n\n"
          "Would you be open to me putting you forward?\n\nCheers,\nMarcus Hale\n"
          "Senior Consultant, Data & Analytics | TalentBridge\n416-555-0147")
    b.add("fw-2", "fw", SENT, ME_FULL, mh,
          "Re: Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 10, 29, 21, 10),
          "Hi Marcus,\n\nYes, I'd be interested - please go ahead and submit my profile.\n\n"
          "Best,\nSofía", parent="fw-1")
    b.add("fw-3", "fw", INBOX, mh, ME,
          "Re: Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 11, 12, 9, 12),
          "Hi Sofía,\n\nGood news: Fenwick would like to meet you. Your interview with Laura Chen "
          "(Head of BI) is confirmed for Thursday 19 November at 2:00 pm Eastern on Teams; the link "
          "will come from their side.\n\nGive me a call before if you'd like to prep.\n\n"
          "Cheers,\nMarcus", parent="fw-2")
    b.add("fw-4", "fw", SENT, ME_FULL, mh,
          "Re: Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 11, 12, 10, 1), "Great, thank you Marcus!\n\nSofía", parent="fw-3")
    b.add("fw-5", "fw", SENT, ME_FULL, mh,
          "Re: Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 11, 19, 16, 5),
          "Hi Marcus,\n\nThe interview with Laura went well, I think. We spent most of the time on "
          "the Power BI migration and how I'd handle the row-level security model. She asked more "
          "about stakeholder management than I expected.\n\nThanks again for the prep call - it "
          "helped.\n\nSofía", parent="fw-4")
    b.add("fw-6", "fw", INBOX, mh, ME,
          "Re: Senior BI Developer opportunity - Fenwick Analytics (Toronto, hybrid)",
          at("toronto", 11, 23, 11, 30),
          "Hi Sofía,\n\nI caught up with Fenwick this morning. Laura said they'd have a decision by "
          "the end of next week, once they've seen the last two candidates. Feedback from your "
          "interview was very positive.\n\nI'll call you as soon as I hear.\n\nCheers,\nMarcus",
          parent="fw-5")

    # ---------------- 3. Quayside Bank: Workday ack, interview, rejection she already answered.
    ew = "Eleanor Whitcombe <eleanor.whitcombe@quaysidebank.com>"
    b.add("qb-ack", "qb-ack", UPDATES, "Quayside Bank <quaysidebank@myworkday.com>", ME,
          "Application Received: Junior Quantitative Analyst (R-20417)", at("toronto", 9, 28, 13, 0),
          "Dear Sofía Marín,\n\nThank you for applying for the position of Junior Quantitative "
          "Analyst (R-20417) at Quayside Bank. We have received your application and our Talent "
          "Acquisition team will review it.\n\nYou can track the status of your application in "
          "our careers portal.\n\nQuayside Bank Talent Acquisition\n\nThis is an automated message.")
    b.add("qb-1", "qb", INBOX, ew, ME, "Interview invitation - Junior Quantitative Analyst",
          at("toronto", 10, 13, 10, 0),
          "Dear Ms. Marín,\n\nI am pleased to invite you to a video interview for the Junior "
          "Quantitative Analyst position on Tuesday 20 October at 15:00 (Eastern Time). The "
          "interview will last approximately 45 minutes, with myself and Mr. Kwame Boateng, "
          "Vice President, Market Risk.\n\nPlease confirm that this time suits you.\n\n"
          "Kind regards,\nEleanor Whitcombe\nTalent Acquisition | Quayside Bank")
    b.add("qb-2", "qb", SENT, ME_FULL, ew, "Re: Interview invitation - Junior Quantitative Analyst",
          at("toronto", 10, 13, 11, 20),
          "Dear Ms. Whitcombe,\n\nThank you for the invitation. I confirm Tuesday 20 October at "
          "15:00.\n\nKind regards,\nSofía Marín", parent="qb-1")
    b.add("qb-3", "qb", SENT, ME_FULL, ew, "Re: Interview invitation - Junior Quantitative Analyst",
          at("toronto", 10, 20, 17, 10),
          "Dear Ms. Whitcombe,\n\nThank you for this afternoon's interview. Please pass on my thanks "
          "to Mr. Boateng as well; I enjoyed the discussion of stress-testing models.\n\n"
          "Kind regards,\nSofía Marín", parent="qb-2")
    b.add("qb-4", "qb", INBOX, ew, ME, "Re: Interview invitation - Junior Quantitative Analyst",
          at("toronto", 11, 2, 9, 30),
          "Dear Ms. Marín,\n\nThank you for your interest in Quayside Bank and for the time you "
          "invested in the interview process.\n\nAfter careful consideration, we regret to inform "
          "you that we will not be progressing your application further on this occasion.\n\n"
          "We wish you every success in your search.\n\nKind regards,\nEleanor Whitcombe",
          parent="qb-3")
    b.add("qb-5", "qb", SENT, ME_FULL, ew, "Re: Interview invitation - Junior Quantitative Analyst",
          at("toronto", 11, 3, 8, 50),
          "Dear Ms. Whitcombe,\n\nThank you for letting me know, and for a well-run process. I "
          "would welcome the chance to be considered for future roles in Market Risk.\n\n"
          "Kind regards,\nSofía Marín", parent="qb-4")

    # ---------------- 4. Lumen Robotics: Lever ack, two interviews, offer with a deadline for her.
    jw = "Jamal Wright <jamal@lumenrobotics.com>"
    b.add("lr-ack", "lr-ack", UPDATES, "Lumen Robotics <no-reply@hire.lever.co>", ME,
          "Thank you for your application to Lumen Robotics", at("toronto", 10, 5, 8, 41),
          "Hi Sofía,\n\nThanks for applying to the Analytics Engineer position at Lumen Robotics. "
          "We're reviewing your application and will reach out if there's a fit.\n\n"
          "- The Lumen Robotics Team\n\nSent via Lever")
    b.add("lr-1", "lr", INBOX, jw, ME, "Lumen Robotics - Analytics Engineer interview",
          at("toronto", 10, 15, 14, 0),
          "Hi Sofía,\n\nThanks for applying! I'd like to set up a technical interview with me and "
          "Mei Lin from our data platform team. Could we do Thursday 22 October at 1pm ET?\n\n"
          "Jamal Wright\nEngineering Manager, Lumen Robotics")
    b.add("lr-2", "lr", SENT, ME_FULL, jw, "Re: Lumen Robotics - Analytics Engineer interview",
          at("toronto", 10, 15, 15, 30),
          "Hi Jamal,\n\nThursday 22 October at 1pm ET works for me.\n\nBest,\nSofía", parent="lr-1")
    b.add("lr-3", "lr", SENT, ME_FULL, jw, "Re: Lumen Robotics - Analytics Engineer interview",
          at("toronto", 10, 22, 18, 0),
          "Hi Jamal,\n\nThanks for the conversation today - the dbt testing discussion with Mei was "
          "a highlight.\n\nBest,\nSofía", parent="lr-2")
    b.add("lr-4", "lr", INBOX, jw, ME, "Re: Lumen Robotics - Analytics Engineer interview",
          at("toronto", 11, 4, 11, 0),
          "Hi Sofía,\n\nWe'd love to have you in for the onsite loop: Tuesday 17 November, 10am to "
          "2pm ET at our office at 180 John St. Does that work?\n\nJamal", parent="lr-3")
    b.add("lr-5", "lr", SENT, ME_FULL, jw, "Re: Lumen Robotics - Analytics Engineer interview",
          at("toronto", 11, 4, 12, 15), "Hi Jamal,\n\nYes, that works. See you then!\n\nSofía",
          parent="lr-4")
    b.add("lr-6", "lr", SENT, ME_FULL, jw, "Re: Lumen Robotics - Analytics Engineer interview",
          at("toronto", 11, 17, 19, 0),
          "Hi Jamal,\n\nThank you for organising today's onsite. It was great to meet the team.\n\n"
          "Sofía", parent="lr-5")
    b.add("lr-7", "lr-offer", INBOX, jw, ME, "Offer - Analytics Engineer, Lumen Robotics",
          at("toronto", 11, 30, 15, 0),
          "Hi Sofía,\n\nI'm thrilled to share that we'd like to offer you the Analytics Engineer "
          "position at Lumen Robotics! Your offer letter is attached with the details of salary, "
          "equity and benefits.\n\nPlease let us know your decision within 5 business days. Happy "
          "to set up a call with anyone on the team if that helps.\n\nJamal")
    b.add("lr-8", "lr-offer", SENT, ME_FULL, jw, "Re: Offer - Analytics Engineer, Lumen Robotics",
          at("toronto", 12, 1, 9, 0),
          "Hi Jamal,\n\nThank you so much, that's wonderful news! I'm reviewing the offer and will "
          "get back to you by Friday.\n\nBest,\nSofía", parent="lr-7")

    # ---------------- 5. Brightwater Energy: SmartRecruiters ack, phone screen, one check-in, silence.
    kn = "Kelly Nguyen <kelly.nguyen@brightwaterenergy.com>"
    b.add("bw-ack", "bw-ack", UPDATES, "Brightwater Energy <noreply@smartrecruiters.com>", ME,
          "Thank you for applying - Reporting Analyst", at("toronto", 9, 10, 9, 5),
          "Dear Sofía,\n\nThank you for your interest in the Reporting Analyst position at "
          "Brightwater Energy. We have received your application and will review it shortly.\n\n"
          "Best regards,\nBrightwater Energy Recruiting Team\n\nPowered by SmartRecruiters")
    b.add("bw-1", "bw", INBOX, kn, ME, "Reporting Analyst - phone call", at("toronto", 9, 17, 13, 0),
          "Hi Sofía,\n\nThanks for your application for the Reporting Analyst role. Are you free "
          "for a quick phone call on Tuesday 22 September at 11:00 am?\n\nThanks,\nKelly Nguyen\n"
          "HR Generalist, Brightwater Energy")
    b.add("bw-2", "bw", SENT, ME_FULL, kn, "Re: Reporting Analyst - phone call",
          at("toronto", 9, 17, 14, 30),
          "Hi Kelly,\n\nTuesday at 11:00 works, talk then.\n\nSofía", parent="bw-1")
    b.add("bw-3", "bw", INBOX, kn, ME, "Re: Reporting Analyst - phone call",
          at("toronto", 9, 22, 14, 0),
          "Hi Sofía,\n\nThanks for the chat this morning! I'll share your details with the hiring "
          "manager and we'll be in touch in the next couple of weeks.\n\nKelly", parent="bw-2")
    b.add("bw-4", "bw", SENT, ME_FULL, kn, "Re: Reporting Analyst - phone call",
          at("toronto", 10, 8, 10, 0),
          "Hi Kelly,\n\nI hope you're well. I wanted to follow up on the Reporting Analyst role - "
          "is there any update on next steps?\n\nBest,\nSofía", parent="bw-3")

    # ---------------- 6. Tessellate Games: invite, cancellation, two proposed slots, one chosen.
    ob = "Ollie Barnes <ollie.barnes@tessellategames.co.uk>"
    ob_cal = "Ollie Barnes (Google Calendar) <calendar-notification@google.com>"  # as Google sends invites
    ob_reply = {"Reply-To": "ollie.barnes@tessellategames.co.uk"}
    ing = ("Ingrid Solberg", "ingrid.solberg@tessellategames.co.uk")
    b.add("tg-1", "tg", INBOX, ob, ME, "Tessellate Games: Data Engineer interview",
          at("london", 11, 9, 11, 0),
          "Hi Sofía,\n\nThanks for applying for the Data Engineer role at Tessellate Games! I'd like "
          "to book you in for a first-stage video interview with me and our Head of Data, Ingrid "
          "Solberg, on Tuesday 24 November at 15:00 GMT (10:00 your time).\n\nCheers,\nOllie Barnes\n"
          "Talent Partner, Tessellate Games")
    b.add("tg-2", "tg", SENT, ME_FULL, ob, "Re: Tessellate Games: Data Engineer interview",
          at("toronto", 11, 9, 7, 30),
          "Hi Ollie,\n\nThat works for me, thank you!\n\nSofía", parent="tg-1")
    b.add("tg-inv1", "tg-inv1", "Inbox,Opened,Category Updates", ob_cal, ME,
          "Invitation: Tessellate Games - Data Engineer interview @ Tue 24 Nov 2026 15:00 - 16:00 (GMT)",
          at("london", 11, 9, 13, 30),
          "Tessellate Games - Data Engineer interview\nTuesday 24 Nov 2026 ⋅ 15:00 – 16:00 (GMT)\n\n"
          "Invitation from Google Calendar",
          ics=invite("tess-de-1@google.com", "20261124T150000", "20261124T160000", None,
                     "Tessellate Games - Data Engineer interview", ob, [ing, ("Sofía Marín", ME)]),
          headers=ob_reply)
    b.add("tg-cancel", "tg-inv1", "Inbox,Opened,Category Updates", ob_cal, ME,
          "Cancelled event: Tessellate Games - Data Engineer interview @ Tue 24 Nov 2026 15:00 - 16:00 (GMT)",
          at("london", 11, 23, 9, 10),
          "This event has been cancelled.\n\nTessellate Games - Data Engineer interview\n"
          "Tuesday 24 Nov 2026 ⋅ 15:00 – 16:00 (GMT)\n\nInvitation from Google Calendar",
          ics=invite("tess-de-1@google.com", "20261124T150000", "20261124T160000", None,
                     "Tessellate Games - Data Engineer interview", ob, [ing, ("Sofía Marín", ME)],
                     method="CANCEL", sequence=1, status="CANCELLED"),
          headers=ob_reply)
    b.add("tg-3", "tg", INBOX, ob, ME, "Re: Tessellate Games: Data Engineer interview",
          at("london", 11, 23, 9, 15),
          "Hi Sofía,\n\nI'm so sorry - Ingrid is unwell, so we've had to cancel tomorrow's "
          "interview. Could you do Monday 7 December at 14:00 GMT or Tuesday 8 December at 15:00 GMT "
          "instead?\n\nApologies again,\nOllie", parent="tg-2")
    b.add("tg-4", "tg", SENT, ME_FULL, ob, "Re: Tessellate Games: Data Engineer interview",
          at("toronto", 11, 23, 8, 40),
          "Hi Ollie,\n\nNo problem at all, I hope Ingrid feels better soon. Tuesday 8 December at "
          "15:00 GMT works best for me.\n\nSofía", parent="tg-3")
    b.add("tg-inv2", "tg-inv2", "Inbox,Opened,Category Updates", ob_cal, ME,
          "Invitation: Tessellate Games - Data Engineer interview @ Tue 8 Dec 2026 15:00 - 16:00 (GMT)",
          at("london", 11, 23, 14, 5),
          "Tessellate Games - Data Engineer interview\nTuesday 8 Dec 2026 ⋅ 15:00 – 16:00 (GMT)\n\n"
          "Invitation from Google Calendar",
          ics=invite("tess-de-2@google.com", "20261208T150000", "20261208T160000", None,
                     "Tessellate Games - Data Engineer interview", ob, [ing, ("Sofía Marín", ME)]),
          headers=ob_reply)

    # ---------------- 7. Kestrel Insurance: formal register, "early next week", an unsent check-in draft.
    hc = "Harriet Calloway <h.calloway@kestrelinsurance.com>"
    do = ("David Osei", "david.osei@kestrelinsurance.com")
    b.add("ki-1", "ki", INBOX, hc, ME, "Pricing Analyst - interview invitation",
          at("toronto", 11, 2, 14, 0),
          "Dear Ms. Marín,\n\nThank you for your application for the Pricing Analyst role. We would "
          "like to invite you to an interview with myself and Mr. David Osei, Pricing Manager, on "
          "Thursday 12 November at 10:00 (Eastern Time) at our offices, 200 Bay Street.\n\n"
          "Could you please confirm your attendance?\n\nKind regards,\nHarriet Calloway\n"
          "Senior Talent Acquisition Advisor, Kestrel Insurance")
    b.add("ki-2", "ki", SENT, ME_FULL, hc, "Re: Pricing Analyst - interview invitation",
          at("toronto", 11, 2, 16, 45),
          "Dear Ms. Calloway,\n\nThank you for the invitation. I am pleased to confirm my attendance "
          "on Thursday 12 November at 10:00.\n\nKind regards,\nSofía Marín", parent="ki-1")
    b.add("ki-inv", "ki-inv", "Inbox,Opened,Category Updates", hc, ME,
          "Invitation: Interview - Pricing Analyst (Sofía Marín) @ Thu Nov 12, 2026 10am - 11am (EST)",
          at("toronto", 11, 3, 9, 0),
          "Interview - Pricing Analyst (Sofía Marín)\nThursday Nov 12, 2026 ⋅ 10am – 11am "
          "(Eastern Time - Toronto)\n200 Bay Street, Toronto\n\nInvitation from Google Calendar",
          ics=invite("kestrel-pa-77@google.com", "20261112T100000", "20261112T110000",
                     "America/Toronto", "Interview - Pricing Analyst (Sofía Marín)", hc,
                     [do, ("Sofía Marín", ME)]),
          headers={"Sender": "Google Calendar <calendar-notification@google.com>"})
    b.add("ki-3", "ki", SENT, ME_FULL, f"{hc}, {do[0]} <{do[1]}>",
          "Re: Pricing Analyst - interview invitation", at("toronto", 11, 12, 16, 30),
          "Dear Ms. Calloway, dear Mr. Osei,\n\nThank you for meeting with me this morning. I "
          "appreciated the detail on how the pricing team is rebuilding its GLM pipeline.\n\n"
          "Kind regards,\nSofía Marín", parent="ki-2")
    b.add("ki-4", "ki", INBOX, hc, ME, "Re: Pricing Analyst - interview invitation",
          at("toronto", 11, 18, 12, 0),
          "Dear Ms. Marín,\n\nThank you for your patience. We are completing the final interviews "
          "this week, and you should hear back from us early next week.\n\nKind regards,\n"
          "Harriet Calloway", parent="ki-3")
    b.add("ki-draft", "ki", DRAFT, ME_FULL, hc, "Re: Pricing Analyst - interview invitation",
          at("toronto", 11, 30, 21, 0),
          "Dear Ms. Calloway,\n\nI hope you are well. I wanted to ask whether", parent="ki-4")

    # ---------------- 8. Orchid Labs: non-ASCII sender, quoted-printable, CET, "in the new year".
    al = "Anaïs Lefèvre <anais.lefevre@orchidlabs.fr>"
    b.add("ol-1", "ol", INBOX, al, ME, "Orchid Labs – Junior Data Scientist interview",
          at("paris", 11, 16, 10, 0),
          "Hi Sofía,\n\nThank you for your application to Orchid Labs! We'd like to invite you to a "
          "video interview for the Junior Data Scientist position on Thursday 26 November at 16:00 "
          "CET (10:00 in Toronto).\n\nDoes this work for you?\n\nBien à vous,\nAnaïs Lefèvre\n"
          "Chargée de recrutement – Orchid Labs, Paris", qp=True)
    b.add("ol-2", "ol", SENT, ME_FULL, al, "Re: Orchid Labs – Junior Data Scientist interview",
          at("toronto", 11, 16, 8, 20),
          "Hi Anaïs,\n\n16:00 CET on the 26th works for me. Merci!\n\nSofía", parent="ol-1")
    b.add("ol-3", "ol", SENT, ME_FULL, al, "Re: Orchid Labs – Junior Data Scientist interview",
          at("toronto", 11, 26, 11, 30),
          "Hi Anaïs,\n\nThank you for today's conversation - I enjoyed hearing about the "
          "protein-folding benchmarks.\n\nSofía", parent="ol-2")
    b.add("ol-4", "ol", INBOX, al, ME, "Re: Orchid Labs – Junior Data Scientist interview",
          at("paris", 12, 1, 17, 0),
          "Hi Sofía,\n\nThank you again for your time last week. The team really enjoyed meeting "
          "the candidates; with the holidays coming up, we'll be in touch in the new year with next "
          "steps.\n\nBonne fin d'année,\nAnaïs", parent="ol-3", qp=True)

    # ---------------- 9. Marlow & Finch: HTML-only Greenhouse acknowledgement with a range.
    b.add("mf-ack", "mf-ack", UPDATES, "Marlow & Finch Recruiting <no-reply@us.greenhouse-mail.io>", ME,
          "Your application to Marlow & Finch", at("toronto", 11, 28, 15, 22),
          None, html=(
              "<html><body><table><tr><td><p>Dear Sofía,</p>"
              "<p>Thank you for applying for the <b>Operations Data Analyst</b> role at "
              "Marlow &amp; Finch.</p><p>Our team will review your application and, if your "
              "experience is a match, we will contact you within 2-3 weeks.</p>"
              "<p>Best wishes,<br>The Marlow &amp; Finch Talent Team</p>"
              "<p style=\"font-size:10px\">Powered by Greenhouse</p></td></tr></table></body></html>"))

    # ---------------- 10. Cobalt Freight: hedged range, a referrer from another domain replies-all.
    dk = "Dana Kowalski <dana.kowalski@cobaltfreight.com>"
    sp = "Sam Patel <sam.patel@cobaltfreight.com>"
    ben = "Ben Adler <ben.adler@fastmail.com>"
    b.add("cf-1", "cf", INBOX, dk, ME, "Supply Chain Analyst - interview",
          at("toronto", 11, 6, 10, 0),
          "Hi Sofía,\n\nThanks for applying for the Supply Chain Analyst role! Can you do a video "
          "interview on Wednesday 18 November at 1:00 pm ET with me and Sam Patel, our Network "
          "Planning Lead?\n\nDana Kowalski\nRecruiter, Cobalt Freight", cc=sp)
    b.add("cf-2", "cf", SENT, ME_FULL, dk, "Re: Supply Chain Analyst - interview",
          at("toronto", 11, 6, 12, 0),
          "Hi Dana,\n\nWednesday the 18th at 1pm ET works for me. I've copied Ben Adler, who "
          "referred me, as he asked to be kept in the loop.\n\nBest,\nSofía",
          cc=f"{sp}, {ben}", parent="cf-1")
    b.add("cf-3", "cf", SENT, ME_FULL, f"{dk}, {sp}", "Re: Supply Chain Analyst - interview",
          at("toronto", 11, 18, 15, 0),
          "Hi Dana and Sam,\n\nThank you both for the conversation today. The lane-consolidation "
          "case was a fun problem.\n\nBest,\nSofía", parent="cf-2")
    b.add("cf-4", "cf", INBOX, dk, ME, "Re: Supply Chain Analyst - interview",
          at("toronto", 11, 20, 10, 0),
          "Hi Sofía,\n\nThanks again for meeting with Sam and me on Wednesday. We normally get back "
          "to candidates within 5 to 7 business days.\n\nDana", cc=f"{sp}, {ben}", parent="cf-3")
    b.add("cf-5", "cf", INBOX, ben, f"{dk}, {ME}", "Re: Supply Chain Analyst - interview",
          at("toronto", 11, 23, 8, 15),
          "Hi Dana, hi Sofía,\n\nJust wanted to say Sofía was one of the sharpest analysts on my "
          "team at Arcadia. Happy to chat any time.\n\nBen", cc=sp, parent="cf-4")


def rsvps(b: Box) -> None:
    """Gmail mails the organizer when she accepts an invitation: sent mail of hers, not a message."""
    for key, thread, to, what, when in [
            ("nw-acc", "nw-inv", "priya.raman@northwindlogistics.com",
             "Final panel interview - Sofía Marín / Northwind Logistics @ Wed Dec 2, 2026 10am - 11:30am (CST)",
             at("toronto", 11, 20, 11, 0)),
            ("ki-acc", "ki-inv", "h.calloway@kestrelinsurance.com",
             "Interview - Pricing Analyst (Sofía Marín) @ Thu Nov 12, 2026 10am - 11am (EST)",
             at("toronto", 11, 3, 9, 30)),
            ("tg-acc", "tg-inv2", "ollie.barnes@tessellategames.co.uk",
             "Tessellate Games - Data Engineer interview @ Tue 8 Dec 2026 15:00 - 16:00 (GMT)",
             at("toronto", 11, 23, 9, 20))]:
        b.add(key, thread, SENT, ME_FULL, to, f"Accepted: {what}", when,
              f"Sofía Marín has accepted this invitation.\n\n{what}\n\nInvitation from Google Calendar",
              ics=("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
                   "VERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
                   f"ATTENDEE;PARTSTAT=ACCEPTED;CN=Sofía Marín:mailto:{ME}\r\nUID:{key}@google.com\r\n"
                   f"SUMMARY:{what.split(' @ ')[0]}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))


def noise(b: Box) -> None:
    rnd = random.Random(20261203)
    # Weekly LinkedIn and Indeed job alerts: company names everywhere, never a process.
    for i in range(12):
        d = datetime(2026, 9, 7) + timedelta(days=7 * i)
        b.add(f"li-{i}", f"li-{i}", "Inbox,Category Updates", "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
              ME, f"\"data analyst\": Northwind Logistics - Data Analyst and {rnd.randint(5, 30)} more",
              at("utc", d.month, d.day, 12, 3),
              "Your job alert for data analyst in Toronto, Ontario\n\nData Analyst\nNorthwind Logistics"
              " · Chicago, IL (Remote)\nApply with resume & profile\n\nBusiness Intelligence Analyst\n"
              "Harborview Credit Union · Toronto, ON\n\nSee all jobs\n\nUnsubscribe",
              headers={"List-Unsubscribe": "<https://www.linkedin.com/e/unsub>", "Precedence": "bulk"})
    for i in range(10):
        d = datetime(2026, 9, 9) + timedelta(days=8 * i)
        b.add(f"in-{i}", f"in-{i}", "Inbox,Category Updates", "Indeed <alert@indeed.com>", ME,
              f"{rnd.randint(8, 40)} new Data Analyst jobs in Toronto, ON", at("utc", d.month, d.day, 9, 0),
              "Data Analyst - Kestrel Insurance - Toronto, ON\nEasily apply\n\nSupply Chain Analyst - "
              "Cobalt Freight - Mississauga, ON\n\nYou are receiving this job alert because you "
              "subscribed. Unsubscribe.", headers={"List-Unsubscribe": "<https://indeed.com/unsub>"})
    # Her own Google Calendar: notifications of her own events, an invite she sent, a reply to it.
    cal = "Google Calendar <calendar-notification@google.com>"
    for i, (m, d, what) in enumerate([
            (11, 9, "Interview prep - Northwind phone screen @ Mon Nov 9, 2026 7pm - 8pm (EST)"),
            (11, 11, "Interview prep - Kestrel Insurance @ Wed Nov 11, 2026 6pm - 7pm (EST)"),
            (11, 17, "Interview prep - Cobalt @ Tue Nov 17, 2026 7pm - 8pm (EST)"),
            (11, 25, "Follow up with Cobalt? @ Wed Nov 25, 2026 9am - 9:30am (EST)"),
            (12, 1, "Interview prep - Northwind panel @ Tue Dec 1, 2026 6pm - 7pm (EST)"),
            (12, 2, "Dentist @ Wed Dec 2, 2026 8am - 9am (EST)")]):
        b.add(f"cal-{i}", f"cal-{i}", "Inbox,Category Updates", cal, ME,
              f"Notification: {what} (sofia.marin@gmail.com)", at("toronto", m, d, 8, 0),
              f"This is a notification for:\n\n{what.split(' @ ')[0]}\n{what.split(' @ ')[1]}\n\n"
              "Reminder from Google Calendar. You are receiving this email at the account "
              "sofia.marin@gmail.com because you set a reminder for this event on calendar "
              "sofia.marin@gmail.com.\n\nForwarding this reminder could allow any recipient to "
              "modify your RSVP response.")
    jess = "Jess Tremblay <jess.tremblay@gmail.com>"
    b.add("mock-inv", "mock", SENT, ME_FULL, jess,
          "Invitation: Mock interview practice @ Sat Nov 14, 2026 11am - 12pm (EST) (jess.tremblay@gmail.com)",
          at("toronto", 11, 10, 21, 0),
          "Mock interview practice\nSaturday Nov 14, 2026 ⋅ 11am – 12pm (Eastern Time - Toronto)\n\n"
          "Invitation from Google Calendar",
          ics=invite("mock-1@google.com", "20261114T110000", "20261114T120000", "America/Toronto",
                     "Mock interview practice", ME_FULL, [("Jess Tremblay", "jess.tremblay@gmail.com")]))
    b.add("mock-acc", "mock", "Inbox,Opened", jess, ME,
          "Accepted: Mock interview practice @ Sat Nov 14, 2026 11am - 12pm (EST) (sofia.marin@gmail.com)",
          at("toronto", 11, 10, 21, 30), "Jess Tremblay has accepted this invitation.\n\n"
          "Invitation from Google Calendar")
    # Friends and family.
    chats = [
        ("how did it go??", "Sooo how did the interview go?? Tell me everything", 10, 20),
        ("brunch sunday?", "Brunch at Lady Marmalade on Sunday? 11ish?", 10, 30),
        ("Re: your CV", "Looked at your CV, the second bullet under Arcadia is gold. Lead with it.", 9, 15),
        ("the panel thing", "Good luck tomorrow!!! You've got this. Remember STAR.", 12, 1),
        ("photos from the cottage", "Finally uploaded them, link inside.", 9, 29),
        ("Raptors tickets", "Got two for the 12th, you in?", 11, 27),
    ]
    for i, (subj, text, m, d) in enumerate(chats):
        b.add(f"jess-{i}", f"jess-{i}", INBOX, jess, ME, subj, at("toronto", m, d, 19, 0),
              f"{text}\n\nJ")
        b.add(f"jess-{i}-r", f"jess-{i}", SENT, ME_FULL, jess, f"Re: {subj}",
              at("toronto", m, d, 20, 30), "Haha yes. Talk soon!\n\nS", parent=f"jess-{i}")
    mama = "Mamá <carmen.marin@yahoo.es>"
    for i, (m, d, subj, text) in enumerate([
            (9, 13, "¿Cómo estás, cariño?", "¿Qué tal la búsqueda de trabajo? Papá te manda besos."),
            (10, 11, "Fotos del cumpleaños", "Aquí tienes las fotos del cumpleaños de la abuela."),
            (11, 8, "¿Vienes en Navidad?", "¿Ya sabes si vienes a Sevilla en Navidad?"),
            (11, 29, "Re: la entrevista", "¡Qué bien lo de la oferta, hija! Estamos muy orgullosos.")]):
        b.add(f"mama-{i}", f"mama-{i}", INBOX, mama, ME, subj, at("paris", m, d, 20, 0),
              f"Hola Sofía,\n\n{text}\n\nUn abrazo,\nMamá")
    # Newsletters and receipts.
    letters = [("Data Elixir <hello@dataelixir.com>", "Data Elixir - Issue {n}"),
               ("Morning Brew <crew@morningbrew.com>", "☕ Morning Brew: markets {n}"),
               ("The Pragmatic Engineer <pragmaticengineer@substack.com>", "The Pulse #{n}: hiring freezes thaw"),
               ("Glassdoor <noreply@glassdoor.com>", "Companies are hiring for Data Analyst roles near you ({n})")]
    for i in range(28):
        frm, subj = letters[i % 4]
        d = datetime(2026, 9, 5) + timedelta(days=3 * i + rnd.randint(0, 2))
        b.add(f"nl-{i}", f"nl-{i}", "Inbox,Category Promotions", frm, ME, subj.format(n=100 + i),
              at("utc", d.month, d.day, 11, 30),
              None, html=f"<html><body><h1>{subj.format(n=100 + i)}</h1><p>This week: interview "
              "questions you should ask, salary data, and more.</p><a href='https://x.example/unsub'>"
              "Unsubscribe</a></body></html>",
              headers={"List-Unsubscribe": "<mailto:unsub@example.com>", "List-Id": f"<list{i % 4}.example>"})
    shops = [("Amazon.ca <auto-confirm@amazon.ca>", "Your Amazon.ca order #702-{n} has shipped"),
             ("Uber Receipts <noreply@uber.com>", "Your Thursday evening trip with Uber"),
             ("Spotify <no-reply@spotify.com>", "Your Spotify Premium receipt"),
             ("PRESTO <noreply@prestocard.ca>", "Your PRESTO card was loaded"),
             ("Scotiabank <alerts@scotiabank.com>", "Your e-statement is ready")]
    for i in range(22):
        frm, subj = shops[i % 5]
        d = datetime(2026, 9, 6) + timedelta(days=4 * i + rnd.randint(0, 3))
        b.add(f"rc-{i}", f"rc-{i}", "Inbox,Category Updates", frm, ME,
              subj.format(n=rnd.randint(1000000, 9999999)), at("toronto", d.month, d.day, 7, 45),
              f"Thanks for your purchase. Total: ${rnd.randint(9, 140)}.{rnd.randint(10, 99)}\n")
    # Her own unsent drafts: never sent, so never a process and never a message of hers.
    b.add("dr-harbor", "dr-harbor", DRAFT, ME_FULL, "careers@harborviewcu.ca",
          "Application for Business Intelligence Analyst", at("toronto", 11, 21, 22, 10),
          "Dear Hiring Manager,\n\nI am writing to apply for the Business Intelligence Analyst role "
          "at Harborview Credit Union. I would welcome the opportunity to interview.\n\n[attach CV!]")
    b.add("dr-cover", "dr-cover", DRAFT, ME_FULL, "",
          "cover letter notes", at("toronto", 10, 2, 23, 0),
          "- why logistics\n- Arcadia dashboards, 30% faster close\n- ask about team size")
    b.add("gsec", "gsec", "Inbox,Category Updates", "Google <no-reply@accounts.google.com>", ME,
          "Security alert", at("utc", 10, 19, 3, 12),
          "A new sign-in on Mac. sofia.marin@gmail.com. If this was you, you don't need to do anything.")


def build(path: Path) -> Path:
    b = Box()
    hiring(b)
    rsvps(b)
    noise(b)
    return b.write(path)


if __name__ == "__main__":
    out = build(Path(sys.argv[1] if len(sys.argv) > 1 else "realmail.mbox"))
    print(out)
