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


def interview_with_unsent_thank_you(takeout: bool = True, draft_headers: dict[str, str] | None = None) -> list[EmailMessage]:
    """Dana (Harbor Analytics) set an interview for Mon 9 Mar 2026, 10:00 New York; I confirmed,
    she answered (the newest real message, "d3@harbor"); after the interview I wrote a
    thank-you and never sent it: the last message is a draft ("draft1@me").

    takeout: Gmail's thread id and labels ("Drafts" on the draft), as a Takeout export has
    them; without, the mail threads by its headers and the draft is marked only by
    `draft_headers` or by where the test stores it (a Maildir D flag, a Drafts folder).
    """
    ny = timezone(timedelta(hours=-5))
    dana = "Dana Cole <dana.cole@harbor-analytics.com>"
    subject = "Interview - Data Analyst"
    thread = 0x19c5a1b2c3d4e5f6 if takeout else None
    ics = invite("harbor-1@harbor-analytics.com", "20260309T100000", "America/New_York",
                 "dana.cole@harbor-analytics.com", [ME, "dana.cole@harbor-analytics.com"],
                 summary="Interview: Data Analyst, Harbor Analytics")
    return [
        message(dana, ME, subject,
                "Hi Jordan,\n\nWe would like to invite you to interview for the Data Analyst role on "
                "Monday 9 March at 10:00 ET. The invitation is attached.\n\nBest,\nDana Cole\n"
                "Recruiter, Harbor Analytics\n",
                datetime(2026, 3, 3, 9, tzinfo=ny), msgid="d1@harbor", thread=thread, ics=ics),
        message(f"Jordan Rivera <{ME}>", dana, f"Re: {subject}",
                "Hi Dana,\n\nConfirmed, thank you. See you on Monday.\n\nBest,\nJordan\n",
                datetime(2026, 3, 3, 12, tzinfo=ny), msgid="m2@me", reply_to_ids=("d1@harbor",),
                thread=thread, labels="Sent"),
        message(dana, ME, f"Re: {subject}",
                "Great, see you Monday. You will meet Sam Ortiz and me.\n\nDana\n",
                datetime(2026, 3, 4, 9, tzinfo=ny), msgid="d3@harbor",
                reply_to_ids=("d1@harbor", "m2@me"), thread=thread),
        message(f"Jordan Rivera <{ME}>", dana, f"Re: {subject}",
                "Hi Dana,\n\nThank you for your time today. I enjoyed hearing about the team.\n\n"
                "Best,\nJordan\n",
                datetime(2026, 3, 9, 15, tzinfo=ny), msgid="draft1@me",
                reply_to_ids=("d1@harbor", "m2@me", "d3@harbor"), thread=thread, labels="Drafts",
                headers=draft_headers),
    ]


def write_maildir(path: Path, messages: list[EmailMessage], flags: list[str] | None = None) -> Path:
    """A Maildir with each message in cur/ and its flags ("S" seen, "DS" a draft)."""
    box = mailbox.Maildir(str(path), create=True)
    for i, m in enumerate(messages):
        mm = mailbox.MaildirMessage(m)
        mm.set_subdir("cur")
        mm.set_flags(flags[i] if flags else "S")
        box.add(mm)
    box.close()
    return path


def gmail_serving(mbox: Path, tmp_path: Path, monkeypatch):
    """The fake Gmail server (tests/fake_gmail.py) holding the mail of a Takeout mbox, with a
    token, ready for `--mailbox gmail`. Stop it with .stop()."""
    from tests.fake_gmail import FakeGmail
    from tests.gmail_fixtures import write_token

    fake = FakeGmail(ME)
    fake.load_mbox(mbox)
    url = fake.start()
    monkeypatch.setenv("FOLLOWUP_GMAIL_API", url)
    monkeypatch.setenv("FOLLOWUP_CACHE_DIR", str(tmp_path / "gmail-cache"))
    write_token(tmp_path / "config")
    return fake


# Gmail thread ids (hex of X-GM-THRID) of processes in examples/sample.mbox.
PINECREST = "19c6d4c6c781512d"  # rejected me on Mon 9 Mar 2026
LEDGERLINE = "19c94874d0882c20"  # panel interview Wed 11 Mar 2026, 14:00 UTC: three interviewers
ORBITAL = "19c89fee3c85a5e2"  # agency recruiter Callum Reid; interview Tue 3 Mar 2026


def sample_with(path: Path, messages: list[EmailMessage]) -> Path:
    """A copy of examples/sample.mbox with more messages appended, as the next export has them."""
    import shutil

    from tests.conftest import SAMPLE_MBOX

    shutil.copyfile(SAMPLE_MBOX, path)
    return write_mbox(path, messages)


def mine(to: str, subject: str, body: str, at: datetime, thread: str, msgid: str,
         labels: str = "Sent") -> EmailMessage:
    """A message of mine in a sample thread (labels "Drafts" for one never sent)."""
    return message(f"Jordan Rivera <{ME}>", to, subject, body, at, msgid=msgid, thread=int(thread, 16),
                   labels=labels)
