"""Builds small test mailboxes with the standard library, so each test states its own mail."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

ME = "jordan.rivera@gmail.com"


def message(
    sender: str,
    to: str,
    subject: str,
    body: str,
    at: datetime,
    *,
    msgid: str,
    reply_to_ids: tuple[str, ...] = (),
    thread: int | None = None,
    labels: str = "Inbox",
    headers: dict[str, str] | None = None,
    ics: str | None = None,
) -> EmailMessage:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(at)
    m["Message-ID"] = f"<{msgid}>"
    if reply_to_ids:
        m["In-Reply-To"] = f"<{reply_to_ids[-1]}>"
        m["References"] = " ".join(f"<{i}>" for i in reply_to_ids)
    if thread is not None:
        m["X-GM-THRID"] = str(thread)
        m["X-Gmail-Labels"] = labels
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(body)
    if ics:
        m.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    return m


def write_mbox(path: Path, messages: list[EmailMessage]) -> Path:
    box = mailbox.mbox(str(path), create=True)
    for m in messages:
        box.add(mailbox.mboxMessage(m))
    box.flush()
    box.close()
    return path


def invite(uid: str, start: str, tzid: str, organizer: str, attendees: list[str],
           summary: str = "Interview", method: str = "REQUEST", sequence: int = 0) -> str:
    """A minimal iCalendar invite; start like 20260313T100000 in the named zone."""
    people = "\r\n".join(f"ATTENDEE;CN={a.split('@')[0]}:mailto:{a}" for a in attendees)
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        f"METHOD:{method}\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{sequence}\r\n"
        f"DTSTART;TZID={tzid}:{start}\r\nDURATION:PT1H\r\nSUMMARY:{summary}\r\n"
        f"STATUS:{status}\r\nORGANIZER;CN=Org:mailto:{organizer}\r\n{people}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def overdue_thread(checked_in: bool) -> list[EmailMessage]:
    """Priya promised news "by Friday" (27 Feb 2026); optionally I checked in on 2 March."""
    ny = timezone(timedelta(hours=-5))
    promise = message("Priya Shah <priya@northwind-labs.com>", ME, "Re: Interview - Data Analyst",
                      "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\n"
                      "Best,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n",
                      datetime(2026, 2, 23, 16, tzinfo=ny), msgid="p1@northwind", thread=40)
    mails = [promise]
    if checked_in:
        mails.append(message(f"Jordan Rivera <{ME}>", "priya@northwind-labs.com", "Re: Interview - Data Analyst",
                             "Hi Priya,\n\nIs there any update on the timeline?\n\nBest,\nJordan\n",
                             datetime(2026, 3, 2, 9, tzinfo=ny), msgid="m1@me", thread=40, labels="Sent",
                             reply_to_ids=("p1@northwind",)))
    return mails
