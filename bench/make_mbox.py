#!/usr/bin/env python3
"""Write a large, deterministic Google-Takeout-style mbox for the mailbox-scan benchmark.

Standard library only. The file is streamed to disk message by message (never held in
memory), written to `<out>.new` and renamed when complete, with a sidecar `<out>.json`
that records what was written (message, thread and hiring counts, one entry per hiring
thread) so a benchmark can check what a scanner found.

Shape of the mail, per GiB (about 100,000 messages, 10 KiB on average):
- noise: personal mail and Jordan's replies (small, some threaded), notifications,
  HTML newsletters with List-Unsubscribe, promotions, spam, and a share of mails with
  base64 attachments of a few hundred KiB, which is where most of the bytes are;
- tempting noise: job-alert digests with "interview" in the subject, staffing-agency
  blasts, LinkedIn message notifications, friends asking "how did the interview go?",
  calendar invitations for the dentist;
- hiring mail: about 90 threads (a few hundred messages) between a recruiter at a
  company domain and Jordan Rivera <jordan.rivera@gmail.com> (label Sent): outreach or
  application, availability, scheduling with text/calendar invitations, promises such as
  "we'll get back to you by Friday", check-ins, rejections and offers.

Same seed and size give the same bytes. Usage:
    python bench/make_mbox.py [--size-mb 1024] [--seed N] [OUT]
"""

from __future__ import annotations

import argparse
import base64
import binascii
import datetime as dt
import html
import json
import os
import random
import sys
import time
import unicodedata
from email.header import Header
from email.utils import format_datetime
from pathlib import Path

GENERATOR_VERSION = 1
DEFAULT_SEED = 20260312
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "big.mbox"
MIB = 1024 * 1024

ME_NAME = "Jordan Rivera"
ME_ADDR = "jordan.rivera@gmail.com"
ME = f"{ME_NAME} <{ME_ADDR}>"
TODAY = dt.date(2026, 3, 12)

UTC = dt.timezone.utc
START = dt.datetime(2021, 3, 1, 8, 0, tzinfo=UTC)  # oldest mail in the export
END = dt.datetime(2026, 3, 11, 23, 0, tzinfo=UTC)  # newest: the evening before TODAY
SPAN = (END - START).total_seconds()

HIRING_THREADS_PER_GIB = 90
# Two job searches: an old one (all resolved) and the current one (many still open).
OLD_SEARCH = (dt.datetime(2023, 4, 3, tzinfo=UTC), dt.datetime(2023, 7, 20, tzinfo=UTC))
NEW_SEARCH = (dt.datetime(2025, 12, 1, tzinfo=UTC), dt.datetime(2026, 3, 6, tzinfo=UTC))


# --------------------------------------------------------------------------- time zones


def _tz(minutes: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=minutes))


def _nth_sunday(year: int, month: int, first_day: int) -> dt.date:
    d = dt.date(year, month, first_day)
    return d + dt.timedelta(days=(6 - d.weekday()) % 7)


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def zone_offset(zone: str, t: dt.datetime) -> dt.timezone:
    """Fixed offset of a named zone at instant t (daylight saving by date, close enough)."""
    d = t.date()
    if zone in ("pacific", "eastern"):
        summer = _nth_sunday(d.year, 3, 8) <= d < _nth_sunday(d.year, 11, 1)
        base = -480 if zone == "pacific" else -300
        return _tz(base + (60 if summer else 0))
    if zone in ("london", "berlin"):
        summer = _last_sunday(d.year, 3) <= d < _last_sunday(d.year, 10)
        base = 0 if zone == "london" else 60
        return _tz(base + (60 if summer else 0))
    if zone == "india":
        return _tz(330)
    return UTC


def rfc_date(t: dt.datetime, zone: str) -> str:
    return format_datetime(t.astimezone(zone_offset(zone, t)))


def attribution(t: dt.datetime, name: str, addr: str) -> str:
    """Gmail's line above a quoted reply, in Jordan's (Pacific) time."""
    d = t.astimezone(zone_offset("pacific", t))
    return f"On {d:%a}, {d:%b} {d.day}, {d.year} at {d:%-I:%M %p} {name} <{addr}> wrote:"


# --------------------------------------------------------------------------- people

FIRST = (
    "Priya Marcus Elena Daniel Aisha Tomás Chloé Kenji Fatima Noah Zoë Rahul Sofia Liam "
    "Grace Mateo Hannah Omar Isabel Ethan Mei Lucas Amara Jonas Nadia Samuel Leila Owen "
    "Camila Victor Björn Inès Kwame Yuki Diego Anya Felix Rosa Arjun Maya"
).split()
LAST = (
    "Shah Okafor Novak Kim Haddad García Dubois Tanaka Rahman Fischer Müller Patel Rossi "
    "O'Brien Chen Silva Kowalski Nguyen Larsen Ahmed Costa Brennan Ivanova Mendes Park "
    "Schmidt Adeyemi Lindqvist Moreau Yilmaz Walsh Herrera"
).split()
ZONES = ("pacific", "pacific", "pacific", "eastern", "eastern", "london", "berlin", "india")


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s.lower() if c.isalnum())


def display(name: str, addr: str) -> str:
    """An address header value; non-ASCII names become RFC 2047 encoded words."""
    if name.isascii():
        if any(c in name for c in ",.'\""):
            return f'"{name}" <{addr}>'
        return f"{name} <{addr}>"
    return f"{Header(name, 'utf-8').encode()} <{addr}>"


def encode_subject(s: str) -> str:
    return s if s.isascii() else Header(s, "utf-8").encode()


# --------------------------------------------------------------------------- mime helpers


def text_part(text: str, subtype: str = "plain", extra: str = "") -> str:
    """A text part (headers + body). ASCII goes 7bit, anything else quoted-printable."""
    if text.isascii() and max(map(len, text.split("\n"))) < 990:
        cte, body = "7bit", text
    else:
        cte = "quoted-printable"
        body = binascii.b2a_qp(text.encode("utf-8"), istext=True).decode("ascii")
    return (
        f'Content-Type: text/{subtype}; charset="UTF-8"{extra}\n'
        f"Content-Transfer-Encoding: {cte}\n\n{body}\n"
    )


def multipart(subtype: str, boundary: str, parts: list[str]) -> str:
    """A multipart body (without its Content-Type header): parts already rendered."""
    out = [f"--{boundary}\n{p}\n" for p in parts]
    return "".join(out) + f"--{boundary}--\n"


def quote_from(text: str) -> str:
    """mboxrd: a body line starting with 'From ' (or '>From ') gains one '>'."""
    if "\nFrom " not in text and "\n>From " not in text and not text.startswith("From "):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip(">")
        if stripped.startswith("From "):
            lines[i] = ">" + line
    return "\n".join(lines)


def text_to_html(text: str) -> str:
    """Gmail-looking HTML for a plain-text body, quoted lines as a blockquote."""
    own, quoted = [], []
    for line in text.split("\n"):
        (quoted if line.startswith(">") or quoted else own).append(line)
    body = "<br>".join(html.escape(line) for line in own)
    out = f'<div dir="ltr">{body}</div>'
    if quoted:
        q = "<br>".join(html.escape(line.lstrip("> ")) for line in quoted)
        out += (
            '<br><div class="gmail_quote"><blockquote class="gmail_quote" style="margin:0px '
            f'0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{q}'
            "</blockquote></div>"
        )
    return out + "\n"


# --------------------------------------------------------------------------- pools

WORDS = (
    "the team platform data pipeline service latency release roadmap quarter customer "
    "product update feature launch design review migration cloud cost report weekly "
    "growth market story analysis engineering future community event guide tips best "
    "practices learn build scale reliable secure simple modern open source tooling python "
    "rust database index query cache deploy monitor incident postmortem api mobile web"
).split()

PERSONAL_SENTENCES = [
    "Are we still on for dinner on Saturday?",
    "I just got back from the trip, photos coming soon.",
    "Can you send me the address again?",
    "Mom says hi and wants to know when you are visiting.",
    "The landlord finally fixed the heater.",
    "Let me know if you want to split the cabin for the long weekend.",
    "I'll get back to you by Friday about the cabin.",
    "Did you ever finish that book I lent you?",
    "We should go hiking before it gets too hot.",
    "Good luck with the interview tomorrow!",
    "How did the interview go? Did they say when you'd hear back?",
    "Did they ever get back to you about the offer?",
    "No rush on this, whenever you have a minute.",
    "I'm running about ten minutes late, sorry!",
    "Happy birthday!! Hope you have a great day.",
    "The kids loved the present, thank you so much.",
    "Can you water the plants while we're away next week?",
    "I found a great taco place near your office.",
    "Let's catch up soon, it has been way too long.",
    "Here is the recipe I promised.",
    "Next steps for the garden: buy soil, then plant tomatoes.",
    "My team is hiring too, want me to refer you?",
    "Thanks again for helping with the move.",
    "Book club is at Sam's this month.",
    "I'm thinking of switching jobs as well, what was the process like?",
    "From what I heard, the concert was sold out in minutes.",
    "The game starts at seven, I'll save you a seat.",
    "Sorry I missed your call, free after six.",
    "Any chance you still have the tent?",
    "Sending good vibes for the final round!",
]
PERSONAL_SUBJECTS = [
    "dinner saturday?", "photos from the trip", "rent", "book club", "how did it go?",
    "hiking this weekend", "Mom's birthday", "quick question", "cabin", "plants",
    "interview prep", "good luck today!", "catching up", "recipe", "the tent",
    "moving day", "concert tickets", "did you hear back?", "coffee next week?", "soccer",
]
FRIEND_DOMAINS = ("gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hey.com")

NOTIFIERS = [
    ("GitHub", "notifications@github.com", "Category Updates",
     ["[acme/widgets] Fix flaky scheduler test (PR #@@N@@)", "Re: [rivera/dotfiles] Issue #@@N@@: zsh slow start",
      "[pyfolk/tools] Release v@@N@@.0 - changelog"]),
    ("Chase", "no.reply.alerts@chase.com", "Category Updates",
     ["Your statement is ready", "Your single transaction alert for $@@N@@.00", "Your payment is scheduled"]),
    ("Amazon.com", "shipment-tracking@amazon.com", "Category Updates",
     ["Your Amazon.com order #113-@@N@@ has shipped", "Delivered: your package", "Your order is arriving today"]),
    ("Google", "no-reply@accounts.google.com", "Category Updates",
     ["Security alert", "New sign-in on Linux", "Your Google storage is @@N@@% full"]),
    ("Uber Receipts", "noreply@uber.com", "Category Updates",
     ["Your Tuesday evening trip with Uber", "Your Friday morning trip with Uber"]),
    ("Slack", "feedback@slack.com", "Category Updates",
     ["[Slack] Notifications from the Rivera household workspace", "You have @@N@@ unread messages"]),
    ("LinkedIn", "messages-noreply@linkedin.com", "Category Social",
     ["Priya sent you a message: Hi Jordan, are you open to interview for...", "You appeared in @@N@@ searches this week",
      "Jordan, you have @@N@@ new invitations", "Daniel, hiring manager, viewed your profile"]),
    ("Zoom", "no-reply@zoom.us", "Category Updates",
     ["Cloud Recording - Weekly sync is now available", "Your meeting attendees are waiting!"]),
    ("PG&E", "customerservice@pge.com", "Category Updates",
     ["Your energy statement is ready to view", "Your bill is due in @@N@@ days"]),
    ("Kaiser Permanente", "noreply@kp.org", "Category Updates",
     ["Appointment reminder", "Your test results are available"]),
]
NEWSLETTERS = [
    ("The Pragmatic Engineer", "pragmaticengineer@substack.com", "substack.com"),
    ("TLDR", "dan@tldrnewsletter.com", "tldrnewsletter.com"),
    ("Morning Brew", "crew@morningbrew.com", "morningbrew.com"),
    ("Python Weekly", "rahul@pythonweekly.com", "pythonweekly.com"),
    ("Hacker Newsletter", "kale@hackernewsletter.com", "hackernewsletter.com"),
    ("Interview Kickstart", "webinars@interviewkickstart.com", "interviewkickstart.com"),
    ("Stack Overflow", "do-not-reply@stackoverflow.email", "stackoverflow.email"),
    ("Medium Daily Digest", "noreply@medium.com", "medium.com"),
    ("The Verge", "newsletter@theverge.com", "theverge.com"),
    ("Levels.fyi", "hello@levels.fyi", "levels.fyi"),
]
NEWSLETTER_SUBJECTS = [
    "The Pulse #@@N@@: what's really happening in tech hiring", "🔥 This week in Python",
    "Issue @@N@@: databases, queues and the cost of cloud", "Your weekly digest",
    "Free webinar: how to ace the system design interview", "5 interview mistakes senior engineers make",
    "📈 Salaries are up @@N@@% — here's the data", "Top stories for Jordan", "Weekend reads ☕",
]
PROMOS = [
    ("REI Co-op", "rei@notices.rei.com"), ("Patagonia", "email@e.patagonia.com"),
    ("Uniqlo", "news@mail.uniqlo.com"), ("Delta Air Lines", "deltaairlines@t.delta.com"),
    ("Airbnb", "automated@airbnb.com"), ("Best Buy", "BestBuyInfo@emailinfo.bestbuy.com"),
]
PROMO_SUBJECTS = [
    "Up to @@N@@% off — this weekend only", "New arrivals you'll love", "Last chance: free shipping ends tonight",
    "Jordan, your member reward is waiting", "✈️ Fares from $@@N@@ to sunny places",
]
JOB_ALERTS = [
    ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com", "linkedin.com",
     ['"senior backend engineer": @@CO@@ and @@N@@ more new jobs', "Interview faster: @@N@@ new jobs with Easy Apply",
      "@@CO@@ is hiring: Senior Software Engineer"]),
    ("Indeed", "alert@indeed.com", "indeed.com",
     ["Interview tips + @@N@@ new Senior Software Engineer jobs", "@@N@@ new jobs for 'python developer' near San Francisco"]),
    ("Glassdoor Jobs", "noreply@glassdoor.com", "glassdoor.com",
     ["Interview questions for Backend Engineer at @@CO@@", "Jobs for you: @@CO@@, and @@N@@ more"]),
    ("Wellfound", "team@wellfound.com", "wellfound.com",
     ["@@N@@ startups want to interview you this week", "New roles matching your profile"]),
    ("TalentBridge Staffing", "jobs@talentbridge-staffing.com", "talentbridge-staffing.com",
     ["Immediate interview: Python developer (6-month contract)", "Exciting opportunity — interview this week?"]),
]
SPAM = [
    ("HR Department", "hr.department@remotejobs-hiring.top",
     ["URGENT: your interview is scheduled today via Telegram", "Job offer: remote data entry $@@N@@/week"]),
    ("Crypto Profits", "win@crypto-prize.biz", ["You have won @@N@@ USDT, claim now"]),
]
ATTACHERS = [
    ("photo", "image/jpeg", "IMG_@@N@@.jpg", "Photos from the weekend", "Here are the photos!"),
    ("pdf", "application/pdf", "statement_@@N@@.pdf", "Your documents", "Please find the document attached."),
    ("pdf", "application/pdf", "lease_agreement.pdf", "lease for the new place", "Signed copy attached, can you countersign?"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
     "talk_slides.pptx", "slides from the meetup", "Slides as promised."),
    ("zip", "application/zip", "tax_docs_@@N@@.zip", "tax stuff", "All the forms for this year."),
]


class Pools:
    """Pre-built bodies and blobs, so that streaming a GiB is mostly writing bytes."""

    def __init__(self, rng: random.Random, companies: list[tuple[str, str]]):
        self.rng = rng
        # Signature-looking base64 for transport headers, sliced per message.
        self.sig = base64.b64encode(rng.randbytes(60_000)).decode()
        # One large base64 blob (76-char lines) that attachments are sliced from.
        raw = rng.randbytes(900_000)
        self.blob = base64.encodebytes(raw)  # bytes, 76 chars + "\n" per line
        self.blob_lines = len(self.blob) // 77
        # (plain part, html part), both rendered with their part headers
        self.newsletters = [encoded_alternative(*self._newsletter(i)) for i in range(48)]
        self.job_alerts = [encoded_alternative(*self._job_alert(companies)) for _ in range(24)]
        self.notifications = [encoded_alternative(*self._notification()) for _ in range(64)]
        self.promos = [encoded_alternative(*self._promo()) for _ in range(32)]

    def sig_slice(self, n: int) -> str:
        i = self.rng.randrange(0, len(self.sig) - n)
        return self.sig[i : i + n]

    def attachment(self, lines: int) -> memoryview:
        """`lines` lines of base64 (77 bytes each), a view into the shared blob."""
        lines = min(lines, self.blob_lines)
        first = self.rng.randrange(0, self.blob_lines - lines + 1)
        return memoryview(self.blob)[first * 77 : (first + lines) * 77]

    def _para(self, lo: int, hi: int) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(lo, hi))
        return " ".join(words).capitalize() + "."

    def _link(self, host: str) -> str:
        return f"https://click.{host}/ls/click?upn={self.sig_slice(self.rng.randint(90, 200))}"

    def _newsletter(self, i: int) -> tuple[str, str]:
        rng = self.rng
        host = NEWSLETTERS[i % len(NEWSLETTERS)][2]
        blocks = []
        for _ in range(rng.randint(6, 30)):
            blocks.append(
                '<tr><td style="padding:16px 24px;font-family:Helvetica,Arial,sans-serif;'
                'font-size:16px;line-height:24px;color:#222222;">'
                f'<h2 style="margin:0 0 8px 0;font-size:20px;">{self._para(4, 9)}</h2>'
                f'<p style="margin:0 0 12px 0;">{self._para(30, 90)}</p>'
                f'<a href="{self._link(host)}" style="color:#1a73e8;text-decoration:none;">Read more</a>'
                f'<img src="https://open.{host}/o/{self.sig_slice(40)}.gif" width="1" height="1" alt="">'
                "</td></tr>\n"
            )
        page = (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;padding:0}"
            "table{border-collapse:collapse}@media (max-width:600px){.col{width:100%!important}}"
            "</style></head><body><table role=\"presentation\" width=\"100%\" bgcolor=\"#f4f4f4\">\n"
            + "".join(blocks)
            + f'<tr><td style="font-size:12px;color:#888888;">You are receiving this because you '
            f'subscribed. <a href="{self._link(host)}">Unsubscribe</a></td></tr></table></body></html>'
        )
        plain = "\n\n".join(self._para(20, 60) for _ in range(rng.randint(4, 12)))
        return plain, page

    def _job_alert(self, companies: list[tuple[str, str]]) -> tuple[str, str]:
        rng = self.rng
        cards, plain = [], []
        for _ in range(rng.randint(6, 25)):
            co = rng.choice(companies)[0]
            title = rng.choice(ROLES)
            loc = rng.choice(["Remote", "San Francisco, CA", "Seattle, WA", "New York, NY", "Austin, TX"])
            cards.append(
                '<tr><td style="padding:12px;border-bottom:1px solid #e0e0e0;font-family:Arial;">'
                f'<a href="{self._link("linkedin.com")}" style="font-size:16px;color:#0a66c2;">{title}</a>'
                f'<div style="color:#333;">{co} &middot; {loc}</div><div style="color:#666;">'
                "Actively recruiting &middot; Interview faster with Easy Apply</div></td></tr>\n"
            )
            plain.append(f"{title}\n{co} - {loc}\nApply: {self._link('linkedin.com')[:80]}\n")
        page = (
            '<html><body><table width="600" align="center" style="font-family:Arial">\n'
            + "".join(cards)
            + "<tr><td>Prepare for your next interview with our free guide.</td></tr></table></body></html>"
        )
        return "\n".join(plain), page

    def _notification(self) -> tuple[str, str]:
        rng = self.rng
        plain = "\n\n".join(self._para(8, 30) for _ in range(rng.randint(2, 5)))
        plain += "\n\nReference @@N@@. Please do not reply to this email."
        rows = "".join(
            f'<tr><td style="padding:8px 16px;font-family:Arial;font-size:14px;">{self._para(10, 40)}</td></tr>'
            for _ in range(rng.randint(3, 9))
        )
        page = (
            '<html><head><meta name="viewport" content="width=device-width"></head><body>'
            f'<table width="100%" cellpadding="0" cellspacing="0">{rows}</table>'
            "<p style=\"font-size:11px;color:#999\">Please do not reply to this email.</p>"
            "</body></html>"
        )
        return plain, page

    def _promo(self) -> tuple[str, str]:
        rng = self.rng
        host = "promo.example.com"
        tiles = "".join(
            f'<td class="col" width="50%" style="padding:8px;"><a href="{self._link(host)}">'
            f'<img src="https://img.{host}/{self.sig_slice(24)}.jpg" width="280" alt="{self._para(3, 6)}"></a>'
            f'<p style="font-family:Georgia;font-size:15px;">{self._para(6, 18)}</p></td>'
            + ("</tr><tr>" if k % 2 else "")
            for k in range(rng.randint(6, 20))
        )
        page = f'<html><body><table width="600" align="center"><tr>{tiles}</tr></table></body></html>'
        plain = "\n".join(self._para(6, 18) for _ in range(rng.randint(3, 8)))
        return plain, page


def encoded_alternative(plain: str, page: str) -> tuple[str, str]:
    """Pre-render the two parts of a text+HTML alternative (HTML quoted-printable)."""
    p = text_part(plain)
    h_body = binascii.b2a_qp(page.encode("utf-8")).decode("ascii")
    h = f'Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n{h_body}\n'
    return p, h


# --------------------------------------------------------------------------- hiring

ROLES = [
    "Senior Backend Engineer", "Staff Software Engineer", "Software Engineer, Platform",
    "Backend Engineer (Python)", "Senior Software Engineer, Data Infrastructure",
    "Site Reliability Engineer", "Engineering Manager, Payments", "Senior Full-Stack Engineer",
]
CO_A = (
    "Northwind Ferrous Lumen Quarry Tidewater Bramble Halcyon Kestrel Orbital Parallax Juniper "
    "Cobalt Meridian Sable Harbor Lantern Granite Willow Atlas Beacon Cinder Driftwood Ember "
    "Foxglove Glacier Ironwood"
).split()
CO_B = "Labs Analytics Health Systems Robotics Pay Security Freight Games Bio Cloud Maps".split()
CO_TLD = ("com", "io", "ai", "dev", "co")
RECRUITER_TITLES = (
    "Technical Recruiter", "Senior Technical Recruiter", "Talent Partner",
    "Recruiting Coordinator", "Head of Talent", "Engineering Recruiter",
)
TOPICS = (
    "the open-source scheduler", "distributed caching", "your PyCon talk", "data pipelines",
    "payments infrastructure", "developer tooling",
)
MISSIONS = (
    "scale our ingestion pipeline", "rebuild our payments platform", "grow the platform team",
    "own our core APIs", "make our data infrastructure boring and reliable",
)
STAGES = ("technical interview", "system design interview", "final round", "hiring manager conversation")


def weekday_name(d: dt.date) -> str:
    return d.strftime("%A")


def next_weekday(d: dt.date, wd: int, min_days: int = 1) -> dt.date:
    d = d + dt.timedelta(days=min_days)
    return d + dt.timedelta(days=(wd - d.weekday()) % 7)


def promise_phrase(rng: random.Random, sent: dt.datetime) -> tuple[str, dt.date]:
    """A recruiter's promise and the date it falls due."""
    d = sent.date()
    choice = rng.randrange(6)
    if choice == 0:
        due = next_weekday(d, 4, 2)
        return "we'll get back to you by Friday", due
    if choice == 1:
        due = next_weekday(d, 4, 7 - d.weekday() if d.weekday() < 5 else 3)
        return "you should hear from us by the end of next week", due
    if choice == 2:
        due = d + dt.timedelta(days=rng.randint(3, 8))
        return f"I'll follow up by {due.strftime('%B')} {due.day} with next steps", due
    if choice == 3:
        due = next_weekday(d, 1, 5)
        return "expect an update from me early next week", due
    if choice == 4:
        due = next_weekday(d, rng.randint(0, 4), 2)
        return f"I'll get back to you by {weekday_name(due)}", due
    due = d + dt.timedelta(days=rng.choice((2, 3)))
    return "we'll let you know in the next couple of days", due


class HiringThread:
    """One application with one company: a planned list of messages."""

    def __init__(self, rng: random.Random, company: tuple[str, str], start: dt.datetime, old: bool):
        self.rng = rng
        self.company, self.domain = company
        first, last = rng.choice(FIRST), rng.choice(LAST)
        self.r_name = f"{first} {last}"
        self.r_first = first
        self.r_addr = f"{ascii_fold(first)}.{ascii_fold(last)}@{self.domain}"
        self.r_title = rng.choice(RECRUITER_TITLES)
        self.r_zone = rng.choice(ZONES)
        self.r_outlook = rng.random() < 0.35
        self.role = rng.choice(ROLES)
        self.label_jobs = rng.random() < 0.4  # user applied a "Job search" label
        self.old = old
        self.msgs: list[dict] = []
        self.t = start
        self._plan()

    # -- planning ----------------------------------------------------------------
    def _gap(self, lo_h: float, hi_h: float) -> None:
        self.t += dt.timedelta(hours=self.rng.uniform(lo_h, hi_h))

    def _add(self, who: str, kind: str, text: str, **extra) -> None:
        self.t = self.t.replace(microsecond=0)
        self.msgs.append({"who": who, "kind": kind, "text": text, "t": self.t, **extra})

    def _sig(self) -> str:
        return f"{self.r_name}\n{self.r_title} | {self.company}\nhttps://{self.domain}/careers"

    def _slots(self) -> tuple[str, list[dt.datetime]]:
        """Two offered slots (next Tuesday afternoon, next Thursday morning, Pacific)."""
        d = self.t.date()
        days = sorted((next_weekday(d, 1, 1), next_weekday(d, 3, 1)))
        text = " or ".join(
            f"{weekday_name(x)} {x.strftime('%b')} {x.day} "
            + ("after 1pm PT" if x.weekday() == 1 else "any time before noon PT")
            for x in days
        )
        starts = []
        for x in days:
            hour = self.rng.choice((13, 14, 15)) if x.weekday() == 1 else self.rng.choice((9, 10, 11))
            local = dt.datetime.combine(x, dt.time(hour, 0))
            starts.append(local.replace(tzinfo=zone_offset("pacific", local.replace(tzinfo=UTC))).astimezone(UTC))
        return text, starts

    def _plan(self) -> None:
        rng = self.rng
        opener = rng.choice(("outreach", "application", "application", "referral"))
        self.opener = opener
        if opener == "outreach":
            self.subject = rng.choice(
                (f"{self.role} at {self.company}", f"Opportunity at {self.company}",
                 f"Quick chat about a {self.role} role?", f"{self.company} <> Jordan")
            )
            text = (
                f"Hi Jordan,\n\nI'm {self.r_first}, a {self.r_title} at {self.company}. I came "
                f"across your profile and your work on {rng.choice(TOPICS)} really stood out. We're "
                f"hiring a {self.role} to help {rng.choice(MISSIONS)}, and I think you'd be a great fit."
                "\n\nWould you be open to a 30-minute intro call sometime this week or next? Happy "
                f"to share more about the team and the role.\n\nBest,\n{self._sig()}"
            )
        elif opener == "application":
            self.subject = rng.choice(
                (f"Your application to {self.company}", f"{self.company}: next steps for {self.role}",
                 f"Thank you for applying to {self.company} — {self.role}")
            )
            text = (
                f"Hi Jordan,\n\nThank you for applying for the {self.role} position at {self.company}! "
                "After reviewing your application, we'd love to move forward with a 30-minute phone "
                "screen with me.\n\nCould you share a few times that work for you over the next week?"
                f"\n\nThanks,\n{self._sig()}"
            )
        else:
            ref = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            self.subject = f"Intro: Jordan / {self.company}"
            text = (
                f"Hi Jordan,\n\n{ref} passed along your resume and spoke very highly of you. I lead "
                f"recruiting for our engineering team at {self.company}, and we have an opening for a "
                f"{self.role}.\n\nWould you have time for a quick call next week?\n\nCheers,\n{self._sig()}"
            )
        self._add("them", "opener", text)
        if not self.old and rng.random() < 0.08:
            return  # Jordan has not answered yet
        stage = "recruiter screen"
        round_no = 0
        while len(self.msgs) < 14:
            # Jordan sends availability
            self._gap(2, 30)
            resume = self.opener == "application" and round_no == 0 and rng.random() < 0.5
            slots, starts = self._slots()
            text = (
                f"Hi {self.r_first},\n\nThanks so much for reaching out, I'd be glad to chat. I'm "
                f"available {slots}. Let me know what works best."
                + ("\n\nI've attached my latest resume for reference." if resume else "")
                + "\n\nBest,\nJordan"
            )
            self._add("me", "availability", text, resume=resume)
            # recruiter confirms, usually with a calendar invitation
            self._gap(1, 28)
            later = [s for s in starts if s > self.t + dt.timedelta(hours=12)]
            when = rng.choice(later) if later else starts[-1] + dt.timedelta(days=7)
            invite = rng.random() < 0.75
            medium = rng.choice(("Google Meet", "Zoom", "phone"))
            local = when.astimezone(zone_offset("pacific", when))
            text = (
                f"Hi Jordan,\n\nPerfect, you're confirmed for your {stage} on "
                f"{local.strftime('%A, %B')} {local.day} at {local.strftime('%-I:%M %p')} Pacific. "
                + (f"I've sent a calendar invitation with the {medium} details." if invite
                   else f"We'll use {medium}; I'll send the link the day before.")
                + f"\n\nTalk soon,\n{self._sig()}"
            )
            self._add("them", "schedule", text, invite=when if invite else None, medium=medium, stage=stage)
            # after the interview: a promise
            self.t = max(self.t, when) + dt.timedelta(hours=rng.uniform(2, 26))
            promise, due = promise_phrase(rng, self.t)
            text = (
                f"Hi Jordan,\n\nThanks again for taking the time to speak with us for the {stage}. "
                f"The team is collecting feedback now, and {promise}.\n\nBest,\n{self._sig()}"
            )
            self._add("them", "promise", text, promise=promise, due=due)
            # what happens next
            outcome = rng.choices(
                ("silent", "checkin", "advance", "reject", "offer", "withdraw"),
                (0 if self.old else 3, 2, 4, 2, 1 if round_no >= 1 else 0, 1 if self.old else 0.3),
            )[0]
            if outcome == "silent":
                return
            if outcome == "checkin":
                self.t = dt.datetime.combine(due, dt.time(17, 0), UTC) + dt.timedelta(
                    days=rng.randint(1, 4), hours=rng.uniform(0, 5)
                )
                self._add("me", "checkin", (
                    f"Hi {self.r_first},\n\nI hope you're doing well! I wanted to follow up on my "
                    f"{stage}. I'm still very excited about the {self.role} role. Is there any "
                    "update on next steps?\n\nBest,\nJordan"
                ))
                if rng.random() < 0.4:
                    return
                self._gap(3, 48)
                promise, due = promise_phrase(rng, self.t)
                self._add("them", "promise", (
                    f"Hi Jordan,\n\nThanks for your patience! We're still wrapping up interviews "
                    f"for the role, and {promise}.\n\nBest,\n{self._sig()}"
                ), promise=promise, due=due)
                if rng.random() < 0.5:
                    return
                self.t = dt.datetime.combine(due, dt.time(18, 0), UTC)
                outcome = rng.choice(("advance", "reject"))
            if outcome == "advance":
                self._gap(2, 30)
                stage = STAGES[min(round_no, len(STAGES) - 1)]
                round_no += 1
                self._add("them", "advance", (
                    f"Hi Jordan,\n\nGreat news: the team enjoyed speaking with you and we'd like to "
                    f"move you forward to the {stage}. Could you send me your availability for the "
                    f"next week or so?\n\nBest,\n{self._sig()}"
                ))
                continue
            self._gap(6, 72)
            if outcome == "reject":
                self._add("them", "reject", (
                    f"Hi Jordan,\n\nThank you for the time you've invested in interviewing with "
                    f"{self.company}. After careful consideration, we've decided not to move forward "
                    "with your candidacy for this role. We'll keep your details on file and may reach "
                    f"out about future openings.\n\nAll the best,\n{self._sig()}"
                ))
            elif outcome == "offer":
                sent = next_weekday(self.t.date(), 4, 1)
                self._add("them", "offer", (
                    f"Hi Jordan,\n\nI'm thrilled to let you know the team would like to extend you an "
                    f"offer for the {self.role} position! I'll send the written offer over by "
                    f"{sent.strftime('%B')} {sent.day}. Are you free for a quick call tomorrow to walk "
                    f"through the details?\n\nCongratulations,\n{self._sig()}"
                ), promise=f"I'll send the written offer over by {sent.strftime('%B')} {sent.day}", due=sent)
                if rng.random() < 0.7:
                    self._gap(1, 10)
                    self._add("me", "thanks", (
                        f"Hi {self.r_first},\n\nThank you so much, this is wonderful news! Tomorrow "
                        "afternoon works for me.\n\nBest,\nJordan"
                    ))
            else:
                self._add("me", "withdraw", (
                    f"Hi {self.r_first},\n\nThank you for the opportunity and for your time. I've "
                    "decided to accept another offer, so I'd like to withdraw from the process. I "
                    "really enjoyed meeting the team.\n\nBest,\nJordan"
                ))
            return

    def truncate(self, end: dt.datetime) -> None:
        self.msgs = [m for m in self.msgs if m["t"] <= end]

    def summary(self, thrid: int) -> dict:
        last = self.msgs[-1]
        kinds = [m["kind"] for m in self.msgs]
        if last["kind"] in ("reject", "withdraw"):
            status = "closed"
        elif "offer" in kinds:
            status = "offer"
        elif last["kind"] == "schedule":
            status = "scheduled"
        elif last["who"] == "me" or last["kind"] == "promise":
            status = "waiting_on_them"
        else:
            status = "waiting_on_me"
        out = {
            "thrid": str(thrid),
            "company": self.company,
            "domain": self.domain,
            "role": self.role,
            "recruiter": f"{self.r_name} <{self.r_addr}>",
            "subject": self.subject,
            "messages": len(self.msgs),
            "from_me": sum(m["who"] == "me" for m in self.msgs),
            "invites": sum(bool(m.get("invite")) for m in self.msgs),
            "first": self.msgs[0]["t"].isoformat(),
            "last": last["t"].isoformat(),
            "last_from": "me" if last["who"] == "me" else "recruiter",
            "status": status,
            "search": "previous" if self.old else "current",
        }
        promises = [m for m in self.msgs if m.get("promise")]
        if promises and status in ("waiting_on_them", "offer"):
            p = promises[-1]
            if not any(m["who"] == "them" and m["t"] > p["t"] for m in self.msgs):
                out["open_promise"] = {"text": p["promise"], "due": p["due"].isoformat()}
        return out


# --------------------------------------------------------------------------- writer


class Writer:
    def __init__(self, f, rng: random.Random, pools: Pools, target: int):
        self.f = f
        self.rng = rng
        self.pools = pools
        self.target = target
        self.bytes = 0
        self.messages = 0
        self.threads = 0
        self.by_kind: dict[str, int] = {}
        self.conversations: list[dict] = []  # open personal threads: Jordan and friends

    # -- ids ------------------------------------------------------------------
    def gm_id(self, t: dt.datetime) -> int:
        return (int(t.timestamp() * 1000) << 20) | self.rng.getrandbits(20)

    def message_id(self, style: str, domain: str) -> str:
        r = self.rng
        if style == "gmail":
            return f"<CA+{self.pools.sig_slice(r.randint(38, 46))}@mail.gmail.com>".replace("/", "_")
        if style == "outlook":
            box = f"BY5PR{r.randint(10, 19)}MB{r.randint(1000, 9999)}"
            return f"<{box}{r.getrandbits(80):020X}@{box}.namprd{r.randint(10, 19)}.prod.outlook.com>"
        return f"<{r.getrandbits(96):024x}.{r.randint(1000, 99999)}@{domain}>"

    def boundary(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return f"000000000000{self.rng.getrandbits(64):016x}"
        if r < 0.8:
            return f"----=_Part_{self.rng.randint(100000, 999999)}_{self.rng.randint(100000, 999999)}.{self.rng.randint(10**12, 10**13)}"
        return f"==============={self.rng.getrandbits(60)}=="

    # -- transport headers added by Gmail on inbound mail ------------------------
    def transport(self, t: dt.datetime, addr: str) -> str:
        r, p = self.rng, self.pools
        domain = addr.rsplit("@", 1)[1]
        d = rfc_date(t + dt.timedelta(seconds=r.randint(1, 40)), "pacific")
        ip = f"{r.randint(2, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        host = f"mail-{r.choice(('sor', 'ej1', 'pf1', 'yw1'))}-f{r.randint(41, 99)}.{domain}"
        ts = int(t.timestamp())
        sig = lambda n: "\n        ".join(p.sig_slice(70) for _ in range(n))  # noqa: E731
        auth = (
            f"mx.google.com;\n       dkim=pass header.i=@{domain} header.s=s1 header.b={p.sig_slice(8)};\n"
            f"       spf=pass (google.com: domain of {addr} designates {ip} as permitted sender) "
            f"smtp.mailfrom={addr};\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from={domain}"
        )
        return (
            f"Delivered-To: {ME_ADDR}\n"
            f"Received: by 2002:a05:6a10:{r.getrandbits(16):x}:b0:{r.getrandbits(12):x}:{r.getrandbits(16):x}:"
            f"{r.getrandbits(16):x} with SMTP id {p.sig_slice(6)}csp{r.randint(100000, 999999)}pxb;\n        {d}\n"
            f"X-Google-Smtp-Source: {p.sig_slice(92)}\n"
            f"X-Received: by 2002:a17:90a:{r.getrandbits(16):x} with SMTP id {p.sig_slice(14)}.{r.randint(1, 99)}."
            f"{ts}{r.randint(100, 999)};\n        {d}\n"
            f"ARC-Seal: i=1; a=rsa-sha256; t={ts}; cv=none;\n        d=google.com; s=arc-20240605;\n"
            f"        b={sig(4)}\n"
            "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\n"
            "        h=to:subject:message-id:date:from:mime-version:dkim-signature;\n"
            f"        bh={p.sig_slice(44)};\n        fh={p.sig_slice(44)};\n        b={sig(4)}\n"
            f"ARC-Authentication-Results: i=1; {auth}\n"
            f"Return-Path: <{addr}>\n"
            f"Received: from {host} ({host}. [{ip}])\n        by mx.google.com with SMTPS id "
            f"{p.sig_slice(16)}.{r.randint(100, 999)}.{r.randint(1, 99)}.{r.randint(1000, 9999)}\n"
            f"        for <{ME_ADDR}>\n        (Google Transport Security);\n        {d}\n"
            f"Received-SPF: pass (google.com: domain of {addr} designates {ip} as permitted sender) client-ip={ip};\n"
            f"Authentication-Results: {auth}\n"
            f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d={domain}; s=s1; t={ts}; x={ts + 604800};\n"
            "        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\n"
            f"         :date:message-id:reply-to;\n        bh={p.sig_slice(44)};\n        b={sig(5)}\n"
        )

    # -- one message -----------------------------------------------------------
    def emit(
        self,
        kind: str,
        t: dt.datetime,
        thrid: int | None,
        labels: str,
        headers: str,
        body: str | list,
        from_addr: str | None,
    ) -> int:
        """Write one message; `body` is a str or a list of str/bytes/memoryview chunks."""
        gmid = self.gm_id(t)
        if thrid is None:
            thrid = gmid
            self.threads += 1
        head = [
            f"From {gmid}@xxx {t.astimezone(UTC).strftime('%a %b %d %H:%M:%S +0000 %Y')}\n"
            f"X-GM-THRID: {thrid}\nX-Gmail-Labels: {labels}\n"
        ]
        if from_addr is not None:
            head.append(self.transport(t, from_addr))
        head.append(headers)
        head.append("\n")
        chunks = [("".join(head)).encode("utf-8")]
        for c in body if isinstance(body, list) else [body]:
            if isinstance(c, str):
                if "From " in c:  # also after quoted-printable soft line breaks
                    c = quote_from(c)
                c = c.encode("utf-8")
            chunks.append(c)
        last = chunks[-1]
        chunks.append(b"\n" if bytes(last[-1:]) == b"\n" else b"\n\n")
        for c in chunks:
            self.f.write(c)
            self.bytes += len(c)
        self.messages += 1
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        return thrid

    # -- noise -----------------------------------------------------------------
    def noise(self, t: dt.datetime) -> None:
        r = self.rng.random()
        if r < 0.36:
            self.personal(t, from_me=False)
        elif r < 0.44:
            self.personal(t, from_me=True)
        elif r < 0.68:
            self.notification(t)
        elif r < 0.815:
            self.newsletter(t)
        elif r < 0.845:
            self.job_alert(t)
        elif r < 0.935:
            self.promo(t)
        elif r < 0.95:
            self.spam(t)
        elif r < 0.955:
            self.calendar_noise(t)
        elif r < 0.963:
            self.attachment_mail(t)
        else:
            self.personal(t, from_me=False)

    def friend(self) -> tuple[str, str]:
        r = self.rng
        first, last = FIRST[r.randrange(len(FIRST))], LAST[r.randrange(len(LAST))]
        addr = f"{ascii_fold(first)}.{ascii_fold(last)}{r.randint(1, 99)}@{FRIEND_DOMAINS[r.randrange(6)]}"
        return f"{first} {last}", addr

    def personal(self, t: dt.datetime, from_me: bool) -> None:
        r = self.rng
        conv = None
        if self.conversations and r.random() < 0.45:
            conv = self.conversations[r.randrange(len(self.conversations))]
        if conv is None:
            name, addr = self.friend()
            conv = {"name": name, "addr": addr, "subject": r.choice(PERSONAL_SUBJECTS), "thrid": None, "ids": [], "prev": "", "last_from_me": False}
            if len(self.conversations) >= 60:
                self.conversations.pop(r.randrange(len(self.conversations)))
            self.conversations.append(conv)
        text = " ".join(r.choices(PERSONAL_SENTENCES, k=r.randint(1, 6)))
        if r.random() < 0.3:
            text += "\n\n" + " ".join(r.choices(PERSONAL_SENTENCES, k=r.randint(1, 5)))
        sender_name, sender_addr = (ME_NAME, ME_ADDR) if from_me else (conv["name"], conv["addr"])
        greeting = conv["name"].split()[0] if from_me else "Jordan"
        text = f"Hi {greeting},\n\n{text}\n\n{sender_name.split()[0]}"
        if conv["prev"]:
            quoted = "\n".join("> " + line for line in conv["prev"].split("\n")[:30])
            prev_name = (ME_NAME, ME_ADDR) if conv["last_from_me"] else (conv["name"], conv["addr"])
            text += f"\n\n{attribution(t - dt.timedelta(hours=r.randint(1, 30)), *prev_name)}\n{quoted}"
        text = text.replace("\n\nFrom what", "\nFrom what")  # a line starting "From ", quoted by emit()
        mid = self.message_id("gmail", "")
        subject = ("Re: " if conv["ids"] else "") + conv["subject"]
        to = display(conv["name"], conv["addr"]) if from_me else ME
        refs = ""
        if conv["ids"]:
            refs = f"In-Reply-To: {conv['ids'][-1]}\nReferences: {' '.join(conv['ids'][-8:])}\n"
        zone = "pacific"
        headers = (
            f"MIME-Version: 1.0\nDate: {rfc_date(t, zone)}\n{refs}Message-ID: {mid}\n"
            f"Subject: {subject}\nFrom: {display(sender_name, sender_addr)}\nTo: {to}\n"
        )
        if r.random() < 0.6:
            b = self.boundary()
            headers += f'Content-Type: multipart/alternative; boundary="{b}"\n'
            body = multipart("alternative", b, [text_part(text), text_part(text_to_html(text), "html")])
        else:
            headers += 'Content-Type: text/plain; charset="UTF-8"\n'
            body = text + "\n"
        labels = "Sent" if from_me else r.choice(("Inbox,Category Personal,Opened", "Archived,Category Personal,Opened", "Important,Inbox,Opened,Category Personal"))
        conv["thrid"] = self.emit("sent_personal" if from_me else "personal", t, conv["thrid"], labels, headers, body, None if from_me else sender_addr)
        conv["ids"].append(mid)
        conv["prev"] = text[:1500]
        conv["last_from_me"] = from_me

    def _bulk(self, kind: str, t: dt.datetime, name: str, addr: str, subject: str, labels: str,
              parts: tuple[str, str], unsubscribe: bool, n: str) -> None:
        domain = addr.rsplit("@", 1)[1]
        b = self.boundary()
        headers = (
            f"Date: {rfc_date(t, 'eastern')}\nFrom: {display(name, addr)}\nTo: {ME_ADDR}\n"
            f"Subject: {encode_subject(subject.replace('@@N@@', n))}\n"
            f"Message-ID: {self.message_id('other', domain)}\nMIME-Version: 1.0\n"
        )
        if unsubscribe:
            token = self.pools.sig_slice(32).replace("/", "_").replace("+", "-")
            headers += (
                f"List-Unsubscribe: <mailto:unsubscribe@{domain}?subject=unsub-{token}>,\n"
                f" <https://{domain}/unsubscribe/{token}>\n"
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"
                f"List-Id: <{domain.split('.')[0]}.list-id.{domain}>\nPrecedence: bulk\n"
                f"X-Campaign-ID: {self.rng.getrandbits(40)}\n"
            )
        headers += f'Content-Type: multipart/alternative; boundary="{b}"\n'
        plain, page = parts
        body = [f"--{b}\n", plain.replace("@@N@@", n), f"\n--{b}\n", page, f"\n--{b}--\n"]
        self.emit(kind, t, None, labels, headers, body, addr)

    def notification(self, t: dt.datetime) -> None:
        r = self.rng
        name, addr, cat, subjects = NOTIFIERS[r.randrange(len(NOTIFIERS))]
        state = r.choice(("Inbox", "Archived"))
        self._bulk("notification", t, name, addr, r.choice(subjects), f"{state},{cat},{r.choice(('Opened', 'Unread'))}",
                   r.choice(self.pools.notifications), False, str(r.randint(2, 99999)))

    def newsletter(self, t: dt.datetime) -> None:
        r = self.rng
        i = r.randrange(len(self.pools.newsletters))
        name, addr, _ = NEWSLETTERS[i % len(NEWSLETTERS)]
        cat = "Category Updates" if r.random() < 0.5 else "Category Promotions"
        self._bulk("newsletter", t, name, addr, r.choice(NEWSLETTER_SUBJECTS), f"{r.choice(('Inbox', 'Archived'))},{cat},Unread",
                   self.pools.newsletters[i], True, str(r.randint(2, 400)))

    def job_alert(self, t: dt.datetime) -> None:
        r = self.rng
        name, addr, _, subjects = JOB_ALERTS[r.randrange(len(JOB_ALERTS))]
        co = r.choice(CO_A) + " " + r.choice(CO_B)
        subject = r.choice(subjects).replace("@@CO@@", co)
        self._bulk("job_alert", t, name, addr, subject, f"Inbox,Category Updates,{r.choice(('Opened', 'Unread'))}",
                   r.choice(self.pools.job_alerts), True, str(r.randint(3, 40)))

    def promo(self, t: dt.datetime) -> None:
        r = self.rng
        name, addr = PROMOS[r.randrange(len(PROMOS))]
        self._bulk("promo", t, name, addr, r.choice(PROMO_SUBJECTS), "Archived,Category Promotions,Unread",
                   r.choice(self.pools.promos), True, str(r.randint(10, 70)))

    def spam(self, t: dt.datetime) -> None:
        r = self.rng
        name, addr, subjects = SPAM[r.randrange(len(SPAM))]
        text = (
            "Dear Candidate,\n\nYour profile has been shortlisted. Your interview is scheduled today; "
            "contact our HR manager on Telegram to receive your offer letter and start immediately.\n\n"
            "Regards,\nHR Department"
        )
        headers = (
            f"Date: {rfc_date(t, 'utc')}\nFrom: {display(name, addr)}\nTo: undisclosed-recipients:;\n"
            f"Subject: {r.choice(subjects).replace('@@N@@', str(r.randint(500, 5000)))}\n"
            f"Message-ID: {self.message_id('other', addr.rsplit('@', 1)[1])}\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="UTF-8"\n'
        )
        self.emit("spam", t, None, "Spam,Category Updates,Unread", headers, text + "\n", addr)

    def calendar_noise(self, t: dt.datetime) -> None:
        r = self.rng
        name, addr = r.choice((("Kaiser Permanente", "appointments@kp.org"), ("Sam Park", "sam.park7@gmail.com")))
        what = "Dentist appointment" if "kp" in addr else "Board game night"
        start = (t + dt.timedelta(days=r.randint(2, 20))).replace(minute=0, second=0, microsecond=0)
        b1, b2 = self.boundary(), self.boundary()
        text = f"You have been invited to the following event.\n\n{what}\nWhen: {rfc_date(start, 'pacific')}\n"
        ics = ics_text(r, start, 60, what, name, addr, "Kaiser Permanente, 1150 Veterans Blvd" if "kp" in addr else "Sam's place")
        alt = multipart("alternative", b2, [text_part(text), text_part(text_to_html(text), "html"),
                                            text_part(ics, "calendar", "; method=REQUEST")])
        headers = (
            f"Date: {rfc_date(t, 'pacific')}\nFrom: {display(name, addr)}\nTo: {ME_ADDR}\n"
            f"Subject: Invitation: {what} @ {start.strftime('%a %b %d, %Y')}\n"
            f"Message-ID: {self.message_id('gmail', '')}\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/mixed; boundary="{b1}"\n'
        )
        body = multipart("mixed", b1, [f'Content-Type: multipart/alternative; boundary="{b2}"\n\n{alt}', ics_attachment(ics)])
        self.emit("calendar_noise", t, None, "Inbox,Category Updates,Opened", headers, body, addr)

    def attachment_mail(self, t: dt.datetime) -> None:
        r = self.rng
        kind, ctype, fname, subject, text = ATTACHERS[r.randrange(len(ATTACHERS))]
        fname = fname.replace("@@N@@", str(r.randint(1000, 9999)))
        from_me = r.random() < 0.2
        name, addr = (ME_NAME, ME_ADDR) if from_me else self.friend()
        b = self.boundary()
        lines = int(r.triangular(700, 9000, 2000))  # 50 KiB .. 700 KiB of base64
        headers = (
            f"MIME-Version: 1.0\nDate: {rfc_date(t, 'pacific')}\nMessage-ID: {self.message_id('gmail', '')}\n"
            f"Subject: {subject}\nFrom: {display(name, addr)}\nTo: {ME if not from_me else display(*self.friend())}\n"
            f'Content-Type: multipart/mixed; boundary="{b}"\n'
        )
        body = [
            f"--{b}\n", text_part(f"Hi,\n\n{text}\n\nCheers"),
            f"\n--{b}\nContent-Type: {ctype}; name=\"{fname}\"\nContent-Disposition: attachment; "
            f"filename=\"{fname}\"\nContent-Transfer-Encoding: base64\nX-Attachment-Id: f_{r.getrandbits(40):x}\n"
            f"Content-ID: <f_{r.getrandbits(40):x}>\n\n",
            self.pools.attachment(lines),
            f"--{b}--\n",
        ]
        labels = "Sent" if from_me else "Inbox,Category Personal,Opened"
        self.emit("attachment", t, None, labels, headers, body, None if from_me else addr)

    # -- hiring ----------------------------------------------------------------
    def hiring(self, th: HiringThread, i: int, state: dict) -> None:
        r = self.rng
        m = th.msgs[i]
        t = m["t"]
        mine = m["who"] == "me"
        mid = self.message_id("gmail" if mine or not th.r_outlook else "outlook", th.domain)
        subject = ("Re: " if i else "") + th.subject
        text = m["text"]
        if i:
            prev = th.msgs[i - 1]
            who = (ME_NAME, ME_ADDR) if prev["who"] == "me" else (th.r_name, th.r_addr)
            quoted = "\n".join(("> " + line) if line else ">" for line in state["prev_full"].split("\n"))
            text += f"\n\n{attribution(prev['t'], *who)}\n{quoted}"
        state["prev_full"] = text
        frm = display(ME_NAME, ME_ADDR) if mine else display(th.r_name, th.r_addr)
        to = display(th.r_name, th.r_addr) if mine else ME
        refs = ""
        if state["ids"]:
            refs = f"In-Reply-To: {state['ids'][-1]}\nReferences: " + "\n ".join(state["ids"]) + "\n"
        zone = "pacific" if mine else th.r_zone
        headers = (
            f"MIME-Version: 1.0\nDate: {rfc_date(t, zone)}\n{refs}Message-ID: {mid}\n"
            f"Subject: {encode_subject(subject)}\nFrom: {frm}\nTo: {to}\n"
        )
        b = self.boundary()
        alt = [text_part(text), text_part(text_to_html(text), "html")]
        if m.get("invite"):
            start = m["invite"]
            summary = f"{m['stage'].capitalize()}: {ME_NAME} / {th.company}"
            loc = {"Google Meet": "https://meet.google.com/" + "-".join(
                "".join(r.choices("abcdefghijkmnopqrstuvwxyz", k=k)) for k in (3, 4, 3)),
                "Zoom": f"https://{ascii_fold(th.company)}.zoom.us/j/{r.randint(10**9, 10**10)}",
                "phone": "+1 415 555 0100"}[m["medium"]]
            ics = ics_text(r, start, 45 if "screen" in m["stage"] else 60, summary, th.r_name, th.r_addr, loc,
                           outlook=th.r_outlook)
            alt.append(text_part(ics, "calendar", "; method=REQUEST"))
            b2 = self.boundary()
            headers += f'Content-Type: multipart/mixed; boundary="{b}"\n'
            body = multipart("mixed", b, [
                f'Content-Type: multipart/alternative; boundary="{b2}"\n\n' + multipart("alternative", b2, alt),
                ics_attachment(ics),
            ])
        elif m.get("resume"):
            b2 = self.boundary()
            headers += f'Content-Type: multipart/mixed; boundary="{b}"\n'
            body = [
                f"--{b}\nContent-Type: multipart/alternative; boundary=\"{b2}\"\n\n",
                multipart("alternative", b2, alt),
                f"\n--{b}\nContent-Type: application/pdf; name=\"Jordan_Rivera_Resume.pdf\"\n"
                "Content-Disposition: attachment; filename=\"Jordan_Rivera_Resume.pdf\"\n"
                f"Content-Transfer-Encoding: base64\nX-Attachment-Id: f_{r.getrandbits(40):x}\n\n",
                self.pools.attachment(r.randint(1200, 2400)),
                f"--{b}--\n",
            ]
        else:
            headers += f'Content-Type: multipart/alternative; boundary="{b}"\n'
            body = multipart("alternative", b, alt)
        labels = "Sent" if mine else r.choice(("Inbox,Important,Opened,Category Personal", "Inbox,Opened,Category Updates", "Important,Inbox,Opened"))
        if th.label_jobs:
            labels += ",Job search"
        thrid = self.emit("hiring", t, state.get("thrid"), labels, headers, body, None if mine else th.r_addr)
        state["thrid"] = thrid
        state["ids"].append(mid)


def ics_fold(line: str) -> str:
    out = [line[:75]]
    rest = line[75:]
    while rest:
        out.append(" " + rest[:74])
        rest = rest[74:]
    return "\n".join(out)


def ics_text(rng: random.Random, start: dt.datetime, minutes: int, summary: str, org_name: str,
             org_addr: str, location: str, outlook: bool = False) -> str:
    end = start + dt.timedelta(minutes=minutes)
    stamp = "%Y%m%dT%H%M%SZ"
    uid = f"{rng.getrandbits(96):024x}@google.com"
    if outlook:
        pt = zone_offset("pacific", start)
        ls, le = start.astimezone(pt), end.astimezone(pt)
        tz_block = [
            "BEGIN:VTIMEZONE", "TZID:Pacific Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T020000",
            "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11",
            "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:-0800",
            "TZOFFSETTO:-0700", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3", "END:DAYLIGHT",
            "END:VTIMEZONE",
        ]
        when = [f'DTSTART;TZID="Pacific Standard Time":{ls.strftime("%Y%m%dT%H%M%S")}',
                f'DTEND;TZID="Pacific Standard Time":{le.strftime("%Y%m%dT%H%M%S")}']
        prodid = "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN"
        uid = f"040000008200E00074C5B7101A82E008000000{rng.getrandbits(64):016X}"
    else:
        tz_block = []
        when = [f"DTSTART:{start.strftime(stamp)}", f"DTEND:{end.strftime(stamp)}"]
        prodid = "PRODID:-//Google Inc//Google Calendar 70.9054//EN"
    lines = [
        "BEGIN:VCALENDAR", prodid, "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REQUEST", *tz_block,
        "BEGIN:VEVENT", *when, f"DTSTAMP:{(start - dt.timedelta(days=3)).strftime(stamp)}",
        f"ORGANIZER;CN={org_name}:mailto:{org_addr}", f"UID:{uid}",
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={org_name};X-NUM-GUESTS=0:mailto:{org_addr}",
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={ME_ADDR};X-NUM-GUESTS=0:mailto:{ME_ADDR}",
        f"DESCRIPTION:Join: {location}\\n\\nInvitation from {org_name}.",
        f"LOCATION:{location}", "SEQUENCE:0", "STATUS:CONFIRMED", f"SUMMARY:{summary}", "TRANSP:OPAQUE",
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-P0DT0H10M0S", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\n".join(ics_fold(line) for line in lines)


def ics_attachment(ics: str) -> str:
    data = base64.encodebytes(ics.replace("\n", "\r\n").encode("utf-8")).decode("ascii")
    return (
        'Content-Type: application/ics; name="invite.ics"\nContent-Disposition: attachment; '
        'filename="invite.ics"\nContent-Transfer-Encoding: base64\n\n' + data
    )


# --------------------------------------------------------------------------- main


def plan_hiring(rng: random.Random, size_mb: int, companies: list[tuple[str, str]]) -> list[HiringThread]:
    n = max(4, round(HIRING_THREADS_PER_GIB * size_mb / 1024))
    threads = []
    for k in range(n):
        old = k % 4 == 0  # a quarter from the previous job search
        lo, hi = OLD_SEARCH if old else NEW_SEARCH
        start = lo + dt.timedelta(seconds=rng.uniform(0, (hi - lo).total_seconds()))
        start = start.replace(hour=rng.randint(15, 23), minute=rng.randint(0, 59))
        th = HiringThread(rng, companies[k % len(companies)], start, old)
        th.truncate(END)
        threads.append(th)
    return threads


def generate(out: Path, size_mb: int, seed: int, progress: bool = True) -> dict:
    rng = random.Random(seed)
    names = [(a, b) for a in CO_A for b in CO_B]
    rng.shuffle(names)
    companies = []
    for a, b in names[:60]:
        tld = rng.choice(CO_TLD)
        companies.append((f"{a} {b}", f"{a.lower()}{b.lower()}.{tld}" if rng.random() < 0.5 else f"{a.lower()}.{tld}"))
    pools = Pools(rng, companies)
    threads = plan_hiring(rng, size_mb, companies)
    queue = sorted(
        ((m["t"], ti, mi) for ti, th in enumerate(threads) for mi, m in enumerate(th.msgs)),
        key=lambda x: (x[0], x[1], x[2]),
    )
    states = [{"ids": [], "prev_full": ""} for _ in threads]
    target = size_mb * MIB
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".new")
    began = time.monotonic()
    next_report = 0
    with open(tmp, "wb", buffering=4 * MIB) as f:
        w = Writer(f, rng, pools, target)
        q = 0
        while w.bytes < target:
            now = START + dt.timedelta(seconds=SPAN * w.bytes / target)
            while q < len(queue) and queue[q][0] <= now:
                _, ti, mi = queue[q]
                w.hiring(threads[ti], mi, states[ti])
                q += 1
            jitter = dt.timedelta(seconds=rng.uniform(-6 * 3600, 6 * 3600))
            w.noise(min(max(now + jitter, START), END))
            if progress and w.bytes >= next_report:
                print(f"\r  {w.bytes / MIB:7.0f} / {size_mb} MiB  {w.messages} messages", end="", file=sys.stderr, flush=True)
                next_report += 32 * MIB
        while q < len(queue):
            _, ti, mi = queue[q]
            w.hiring(threads[ti], mi, states[ti])
            q += 1
    os.replace(tmp, out)
    if progress:
        print(file=sys.stderr)
    hiring = [th.summary(states[i]["thrid"]) for i, th in enumerate(threads)]
    by_kind = dict(sorted(w.by_kind.items()))
    meta = {
        "generator_version": GENERATOR_VERSION,
        "seconds": round(time.monotonic() - began, 1),
        "seed": seed,
        "size_mb": size_mb,
        "bytes": w.bytes,
        "me": ME_ADDR,
        "today": TODAY.isoformat(),
        "messages": w.messages,
        "threads": w.threads,
        "hiring_threads": len(hiring),
        "hiring_messages": by_kind.get("hiring", 0),
        "hiring_messages_from_me": sum(h["from_me"] for h in hiring),
        "hiring_invites": sum(h["invites"] for h in hiring),
        "hiring_threads_open": sum(h["status"] not in ("closed", "offer") for h in hiring),
        "noise_messages": w.messages - by_kind.get("hiring", 0),
        "messages_by_kind": by_kind,
        "hiring": hiring,
    }
    side = sidecar_path(out)
    side_tmp = side.with_name(side.name + ".new")
    side_tmp.write_text(json.dumps(meta, indent=1) + "\n")
    os.replace(side_tmp, side)
    return meta


def sidecar_path(mbox: Path) -> Path:
    return mbox.with_name(mbox.name + ".json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help=f"output mbox (default {DEFAULT_OUT})")
    ap.add_argument("--size-mb", type=int, default=1024, help="size in MiB (default 1024)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.size_mb < 1:
        ap.error("--size-mb must be at least 1")
    meta = generate(args.out, args.size_mb, args.seed, progress=not args.quiet and sys.stderr.isatty())
    print(
        f"{args.out}: {meta['bytes']:,} bytes, {meta['messages']:,} messages, {meta['threads']:,} threads, "
        f"{meta['hiring_threads']} hiring threads ({meta['hiring_messages']} messages), in {meta['seconds']}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
