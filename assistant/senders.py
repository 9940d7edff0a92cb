"""Who sent it: a person at a company, a friend, a job board's robot, or an ATS.

Pure data and tiny functions, shared by the header scan and the hiring classifier. Each
list says why it exists; add domains here, not in code.
"""

from __future__ import annotations

import re

# Personal mailbox providers: a friend writing from one is not a company's people.
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk ymail.com hotmail.com hotmail.co.uk
    outlook.com live.com msn.com icloud.com me.com mac.com aol.com proton.me protonmail.com
    pm.me gmx.com gmx.de gmx.net web.de mail.com yandex.com zoho.com fastmail.com hey.com
    qq.com 163.com""".split()
)

# Job boards and social networks: their mail is alerts and notifications, never a process.
NOTIFIERS = frozenset(
    """linkedin.com indeed.com glassdoor.com ziprecruiter.com monster.com dice.com
    wellfound.com angel.co hired.com otta.com welcometothejungle.com stepstone.de
    totaljobs.com reed.co.uk seek.com.au xing.com facebookmail.com twitter.com x.com
    meetup.com eventbrite.com medium.com substack.com github.com""".split()
)

# Applicant tracking systems send on a company's behalf; the company is in the name/subject.
# No person reads these addresses (Workday writes as "Quayside Bank <quaysidebank@myworkday.com>"):
# they are never a contact, and a reply goes to the Reply-To, when there is one. (domain, why)
ATS_SENDERS: tuple[tuple[str, str], ...] = (
    ("greenhouse.io", "Greenhouse: no-reply@ and the recruiter's name over a robot address"),
    ("greenhouse-mail.io", "Greenhouse's sending domain (us.greenhouse-mail.io)"),
    ("lever.co", "Lever: no-reply@hire.lever.co, and a recruiter's name over it"),
    ("myworkday.com", "Workday: <company>@myworkday.com with the company as display name"),
    ("myworkdayjobs.com", "Workday's careers sites and their notices"),
    ("workday.com", "Workday itself"),
    ("ashbyhq.com", "Ashby: no-reply@ashbyhq.com"),
    ("smartrecruiters.com", "SmartRecruiters: noreply@ and <company>@smartrecruiters.com"),
    ("icims.com", "iCIMS: <company>@talent.icims.com"),
    ("taleo.net", "Oracle Taleo: <company>@taleo.net"),
    ("successfactors.com", "SAP SuccessFactors recruiting notices"),
    ("successfactors.eu", "SAP SuccessFactors (EU data centres)"),
    ("jobvite.com", "Jobvite: notifications@ and <company>@jobvite.com"),
    ("bamboohr.com", "BambooHR: <company>.bamboohr.com notices"),
    ("teamtailor.com", "Teamtailor: <company>@teamtailor.com"),
    ("teamtailor-mail.com", "Teamtailor's sending domain"),
    ("recruitee.com", "Recruitee: <company>@recruitee.com"),
    ("workable.com", "Workable: <company>@workable.com"),
    ("workablemail.com", "Workable's sending domain"),
    ("personio.de", "Personio (Germany)"),
    ("personio.com", "Personio"),
    ("breezy.hr", "Breezy HR"),
    ("jazzhr.com", "JazzHR"),
    ("applytojob.com", "JazzHR's applicant mail (<company>.applytojob.com)"),
    ("pinpointhq.com", "Pinpoint"),
)
ATS = frozenset(domain for domain, _ in ATS_SENDERS)

# Robot mailboxes, by the part before the @. (pattern, why); each is matched at the start, and
# the no-reply words anywhere as a word of their own ("jobs-noreply@", "careers.no-reply@").
ROBOT_LOCALPARTS: tuple[tuple[str, str], ...] = (
    (r"no[-._]?reply|do[-._]?not[-._]?reply", "says no one reads replies"),
    (r"notifications?|alerts?|updates?|news(?:letter)?|info|mailer", "broadcasts, not a person"),
    (r"mailer-daemon|postmaster|bounces?", "delivery reports"),
    (r"calendar-notification|invitations?", "calendar robots"),
)
AUTOMATED_LOCALPART = re.compile(r"^(?:" + "|".join(p for p, _ in ROBOT_LOCALPARTS) + r")\b", re.I)
_NO_REPLY_ANYWHERE = re.compile(r"(?:^|[-._+])(?:no[-._]?reply|do[-._]?not[-._]?reply)(?:$|[-._+])", re.I)

# Calendar systems write on behalf of a calendar's owner: reminders, notifications, updates
# and invitations of the user's own events. Their mail is never a company's word; it belongs
# to a hiring process only through the people its events name. (address pattern, why)
CALENDAR_SYSTEMS: tuple[tuple[str, str], ...] = (
    (r"calendar-notification@google\.com",
     "Google Calendar: notifications and reminders of the user's own events, and the Sender of "
     "every invitation it mails on an organizer's behalf"),
    (r"[\w.+-]+@calendar\.google\.com", "Google Calendar's group and resource calendars"),
    (r"calendar-server\.bounces\.google\.com", "Google Calendar's bounce address (Return-Path, Sender)"),
    (r"microsoftexchange[0-9a-f]{32}@[\w.-]+",
     "the Exchange system mailbox (\"Microsoft Outlook\"): Outlook reminders and meeting notices"),
    (r"calendar-no-?reply@[\w.-]+|no-?reply-?calendar@[\w.-]+",
     "calendar robots by name: reminders from a webmail's calendar"),
    (r"noreply@email\.apple\.com", "iCloud Calendar invitations and updates"),
)
_CALENDAR_SYSTEM = re.compile("|".join(f"(?:{p})" for p, _ in CALENDAR_SYSTEMS), re.I)


def is_calendar_system(email: str) -> bool:
    """A calendar writing for its owner (Google Calendar, Outlook), not a person at a company."""
    return bool(_CALENDAR_SYSTEM.fullmatch(email))


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].lower()


def is_automated(email: str) -> bool:
    local = email.partition("@")[0][:200]
    return bool(AUTOMATED_LOCALPART.match(local) or _NO_REPLY_ANYWHERE.search(local)) or is_calendar_system(email)


def is_robot(email: str) -> bool:
    """An automated sender other than an ATS (whose no-reply mail is an application's first word)."""
    return is_automated(email) and not in_domains(domain_of(email), ATS)


def is_ats(email: str) -> bool:
    """An applicant tracking system's address: it writes for a company, no one reads it."""
    return in_domains(domain_of(email), ATS)


def in_domains(domain: str, names: frozenset[str]) -> bool:
    """Is domain one of names, or a subdomain of one?"""
    parts = domain.split(".")
    return any(".".join(parts[i:]) in names for i in range(len(parts) - 1))


def could_be_company(email: str) -> bool:
    """Not a personal mailbox provider, not a job board's or a social network's robot."""
    domain = domain_of(email)
    return bool(domain) and not in_domains(domain, FREE_MAIL) and not in_domains(domain, NOTIFIERS)


