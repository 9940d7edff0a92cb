"""My own calendar is not a hiring process (issue 8, class 2).

The mail here is written the way Google Calendar and Outlook write it: the headers they
set, a text part, an HTML part, a text/calendar part and an invite.ics attachment.
"""

import base64
import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from assistant.cli import main
from tests.mailmaker import ME, message

NY = timezone(timedelta(hours=-5))
GCAL = "Google Calendar <calendar-notification@google.com>"


def _ics(uid, start, organizer, attendees, summary, method="REQUEST", tzid="America/New_York"):
    people = "".join(
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={a};X-NUM-GUESTS=0:mailto:{a}\r\n"
        for a in attendees)
    return (
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
        f"CALSCALE:GREGORIAN\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\n"
        f"DTSTART;TZID={tzid}:{start}\r\nDTEND;TZID={tzid}:{start[:9]}{int(start[9:11]) + 1:02d}0000\r\n"
        "DTSTAMP:20260301T120000Z\r\n"
        f"ORGANIZER;CN={organizer}:mailto:{organizer}\r\nUID:{uid}\r\n{people}"
        "CREATED:20260301T115900Z\r\nLAST-MODIFIED:20260301T120000Z\r\nSEQUENCE:0\r\n"
        f"STATUS:CONFIRMED\r\nSUMMARY:{summary}\r\nTRANSP:OPAQUE\r\n"
        "BEGIN:VALARM\r\nACTION:EMAIL\r\nDESCRIPTION:This is an event reminder\r\n"
        "TRIGGER:-P0DT0H10M0S\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _b64(text: str) -> str:
    data = base64.b64encode(text.encode()).decode()
    return "\r\n".join(data[i:i + 76] for i in range(0, len(data), 76))


def calendar_mail(*, sender, subject, text, ics, when, thread, msgid, labels="Inbox",
                  to=ME, method="REQUEST", extra_headers=()) -> bytes:
    """A calendar message as Google Calendar sends it: text, HTML and calendar alternatives,
    then the same calendar again as invite.ics."""
    html = "<html><body><div itemscope>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</div></body></html>"
    headers = [
        f"X-GM-THRID: {thread}",
        f"X-Gmail-Labels: {labels}",
        "Return-Path: <calendar-notification@google.com>",
        "Received: by mail-sor-f69.google.com with SMTP id a1so1234567qkb.0",
        f"Sender: {GCAL}",
        f"Reply-To: {GCAL}",
        "MIME-Version: 1.0",
        f"Message-ID: <{msgid}>",
        f"Date: {when:%a, %d %b %Y %H:%M:%S %z}",
        f"Subject: {subject}",
        f"From: {sender}",
        f"To: {to}",
        *extra_headers,
        'Content-Type: multipart/mixed; boundary="000000000000mixed"',
    ]
    body = [
        "--000000000000mixed",
        'Content-Type: multipart/alternative; boundary="000000000000alt"',
        "",
        "--000000000000alt",
        'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes',
        "Content-Transfer-Encoding: base64",
        "",
        _b64(text),
        "--000000000000alt",
        'Content-Type: text/html; charset="UTF-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        html,
        "--000000000000alt",
        f'Content-Type: text/calendar; charset="UTF-8"; method={method}',
        "Content-Transfer-Encoding: 7bit",
        "",
        ics.rstrip("\r\n"),
        "--000000000000alt--",
        "",
        "--000000000000mixed",
        'Content-Type: application/ics; name="invite.ics"',
        'Content-Disposition: attachment; filename="invite.ics"',
        "Content-Transfer-Encoding: base64",
        "",
        _b64(ics),
        "--000000000000mixed--",
        "",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n" + "\r\n".join(body)).encode()


def write_raw_mbox(path, raws):
    with open(path, "wb") as f:
        for raw in raws:
            f.write(b"From calendar-notification@google.com Tue Mar 10 17:50:00 2026\n")
            f.write(raw.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ") + b"\n\n")
    return path


def threads(path, today="2026-03-12"):
    result = CliRunner().invoke(main, ["--mailbox", str(path), "--me", ME, "--today", today, "threads", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


NOTIFICATION_TEXT = (
    "This is a notification for:\n\nTitle: Interview prep - Northwind\n"
    "When: Tuesday 10 Mar 2026 7pm – 8pm (Eastern Time - New York)\n"
    f"Calendar: {ME}\nWho:\n* {ME} - organizer\n\n"
    "Event details: https://calendar.google.com/calendar/event?action=VIEW&eid=abc\n\n"
    "Invitation from Google Calendar: https://calendar.google.com/calendar/\n\n"
    f"You are receiving this email at the account {ME} because you set a notification for this event.\n"
)


def own_calendar_mail() -> list[bytes]:
    """A week of my own calendar: reminders, an invitation I sent myself, an update, an acceptance."""
    prep = _ics("prep1@google.com", "20260310T190000", ME, [ME], "Interview prep - Northwind")
    mock = _ics("mock7@google.com", "20260311T120000", ME, [ME, "sam.lee@acme-corp.com"], "Mock interview with Sam")
    return [
        calendar_mail(sender=GCAL, subject=f"Notification: Interview prep - Northwind @ Tue 10 Mar 2026 7pm - 8pm (EST) ({ME})",
                      text=NOTIFICATION_TEXT, ics=prep, when=datetime(2026, 3, 10, 18, 50, tzinfo=NY),
                      thread=1791000000000000001, msgid="notif-1@google.com"),
        calendar_mail(sender=f"Jordan Rivera <{ME}>", subject=f"Invitation: Interview prep - Northwind @ Tue 10 Mar 2026 7pm - 8pm (EST) ({ME})",
                      text="Jordan Rivera has invited you to: Interview prep - Northwind\n" + NOTIFICATION_TEXT,
                      ics=prep, when=datetime(2026, 3, 5, 9, tzinfo=NY), thread=1791000000000000002,
                      msgid="inv-2@google.com", labels="Sent,Inbox"),
        calendar_mail(sender=f"Jordan Rivera <{ME}>", to="sam.lee@acme-corp.com",
                      subject=f"Updated invitation: Mock interview with Sam @ Wed 11 Mar 2026 12pm - 1pm (EST) ({ME})",
                      text="This event has been changed.\nMock interview with Sam\nWhen: Wed 11 Mar 2026 12pm - 1pm\n",
                      ics=mock, when=datetime(2026, 3, 6, 9, tzinfo=NY), thread=1791000000000000003,
                      msgid="upd-3@google.com", labels="Sent"),
        calendar_mail(sender="Sam Lee <sam.lee@acme-corp.com>",
                      subject=f"Accepted: Mock interview with Sam @ Wed 11 Mar 2026 12pm - 1pm (EST) ({ME})",
                      text="Sam Lee has accepted this invitation.\nMock interview with Sam\n",
                      ics=_ics("mock7@google.com", "20260311T120000", ME, ["sam.lee@acme-corp.com"],
                               "Mock interview with Sam", method="REPLY"),
                      when=datetime(2026, 3, 6, 10, tzinfo=NY), thread=1791000000000000003,
                      msgid="acc-4@google.com", method="REPLY"),
        calendar_mail(sender=GCAL, subject=f"Notification: Mock interview with Sam @ Wed 11 Mar 2026 12pm - 1pm (EST) ({ME})",
                      text=NOTIFICATION_TEXT.replace("Interview prep - Northwind", "Mock interview with Sam"),
                      ics=mock, when=datetime(2026, 3, 11, 11, 50, tzinfo=NY), thread=1791000000000000004,
                      msgid="notif-5@google.com"),
    ]


def outlook_reminder() -> bytes:
    """Outlook's reminder of my own event, from the Exchange system mailbox, with an .ics."""
    ics = _ics("040000008200E00074C5B7101A82E008", "20260309T170000", ME, [], "Interview practice: STAR answers",
               method="PUBLISH").replace("Google Inc//Google Calendar 70.9054", "Microsoft Corporation//Outlook 16.0 MIMEDIR")
    raw = calendar_mail(
        sender="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@students.uni.edu>",
        subject="Reminder: Interview practice: STAR answers", method="PUBLISH",
        text="Reminder\nInterview practice: STAR answers\nMonday, March 9, 2026 5:00 PM-6:00 PM\n",
        ics=ics, when=datetime(2026, 3, 9, 16, 45, tzinfo=NY), thread=1791000000000000006, msgid="rem-6@uni.edu",
        extra_headers=("X-MS-Exchange-Organization-AuthAs: Internal", "Thread-Topic: Interview practice"))
    return raw.replace(f"Sender: {GCAL}".encode(), b"X-Mailer: Microsoft Outlook 16.0")


def northwind_talk() -> list[bytes]:
    """Priya arranges a video interview; I answer."""
    return [
        message("Priya Shah <priya@northwind-labs.com>", ME, "Interview - Data Analyst",
                "Hi Jordan,\n\nThanks for applying for the Data Analyst role. Could we do a video interview "
                "next week? I'll put it in your calendar.\n\nBest,\nPriya Shah\nTechnical Recruiter | Northwind Labs\n",
                datetime(2026, 3, 2, 10, tzinfo=NY), msgid="p1@northwind", thread=77).as_bytes(),
        message(f"Jordan Rivera <{ME}>", "priya@northwind-labs.com", "Re: Interview - Data Analyst",
                "Hi Priya,\n\nThank you, any afternoon next week works for me.\n\nJordan\n",
                datetime(2026, 3, 2, 12, tzinfo=NY), msgid="m1@me", thread=77, labels="Sent",
                reply_to_ids=("p1@northwind",)).as_bytes(),
    ]


def work_calendar_reminder() -> bytes:
    """My university calendar reminds me, from and to my university address (not in --me)."""
    uni = "jordan.rivera@students.uni.edu"
    ics = _ics("0400000082", "20260309T170000", uni, [], "Interview practice with the careers office",
               method="PUBLISH")
    return calendar_mail(sender=f"Jordan Rivera <{uni}>", to=uni, method="PUBLISH",
                         subject="Reminder: Interview practice with the careers office",
                         text="Reminder\nInterview practice with the careers office\nMonday, March 9, 2026 5:00 PM\n",
                         ics=ics, when=datetime(2026, 3, 9, 16, 45, tzinfo=NY), thread=1791000000000000007,
                         msgid="rem-7@uni.edu")


def test_my_own_calendar_lists_no_process(tmp_path):
    path = write_raw_mbox(tmp_path / "cal.mbox", [*own_calendar_mail(), outlook_reminder(), work_calendar_reminder()])
    found = threads(path)
    assert found == [], [(p["company"], p["subject"]) for p in found]


def test_no_process_is_named_google(tmp_path):
    """A reminder of my own "Interview prep" beside a real process: one process, Northwind's."""
    real = northwind_talk()
    path = write_raw_mbox(tmp_path / "mixed.mbox", [*real, *own_calendar_mail(), outlook_reminder()])
    found = threads(path)
    assert [p["company"] for p in found] == ["Northwind Labs"]
    assert "Google" not in json.dumps(found)


def test_calendar_mail_of_a_real_interview_joins_its_process(tmp_path):
    """Google Calendar's reminder of the interview Priya booked: the process learns its time."""
    booked = _ics("nw-int-1@google.com", "20260316T140000", "priya@northwind-labs.com",
                  [ME, "priya@northwind-labs.com"], "Northwind Labs interview: Jordan Rivera")
    reminder = calendar_mail(
        sender=GCAL, subject=f"Notification: Northwind Labs interview: Jordan Rivera @ Mon 16 Mar 2026 2pm - 3pm (EDT) ({ME})",
        text=NOTIFICATION_TEXT.replace("Interview prep - Northwind", "Northwind Labs interview: Jordan Rivera")
        .replace("Tuesday 10 Mar 2026 7pm – 8pm", "Monday 16 Mar 2026 2pm – 3pm")
        .replace(f"* {ME} - organizer", f"* priya@northwind-labs.com - organizer\n* {ME}"),
        ics=booked, when=datetime(2026, 3, 10, 9, tzinfo=NY), thread=1791000000000000009, msgid="notif-9@google.com")
    found = threads(write_raw_mbox(tmp_path / "real.mbox", [*northwind_talk(), reminder]))
    assert len(found) == 1
    (p,) = found
    assert p["company"] == "Northwind Labs"
    assert p["state"] == "scheduled"
    assert [i["start"] for i in p["interviews"]] == ["2026-03-16T14:00:00-04:00"]
    assert "Google" not in json.dumps(found)


def test_a_companys_own_invitation_is_still_a_process(tmp_path):
    """The class has a boundary: a recruiter's calendar invitation, with no email around it,
    is a company inviting me (it stays a process)."""
    booked = _ics("gh-77@greenhouse.io", "20260316T140000", "priya@northwind-labs.com",
                  [ME, "priya@northwind-labs.com"], "Phone screen: Jordan Rivera / Northwind Labs")
    raw = calendar_mail(sender="Priya Shah <priya@northwind-labs.com>",
                        subject=f"Invitation: Phone screen: Jordan Rivera / Northwind Labs @ Mon 16 Mar 2026 2pm - 3pm (EDT) ({ME})",
                        text="Priya Shah has invited you to an interview: Phone screen for the Data Analyst role.\n",
                        ics=booked, when=datetime(2026, 3, 10, 9, tzinfo=NY), thread=1791000000000000011,
                        msgid="inv-11@google.com")
    (p,) = threads(write_raw_mbox(tmp_path / "inv.mbox", [raw]))
    assert p["company"] == "Northwind Labs" and p["state"] == "scheduled"


def test_their_acceptance_of_my_invitation_joins_the_conversation(tmp_path):
    """I sent Priya an invite; Google Calendar mails me her "Accepted:" as a thread of its own."""
    mine = _ics("me-5@google.com", "20260316T140000", ME, ["priya@northwind-labs.com"], "Call: Jordan / Priya")
    accepted = calendar_mail(
        sender="Priya Shah <priya@northwind-labs.com>", method="REPLY",
        subject=f"Accepted: Call: Jordan / Priya @ Mon 16 Mar 2026 2pm - 3pm (EDT) ({ME})",
        text="Priya Shah has accepted this invitation.\n", ics=mine.replace("METHOD:REQUEST", "METHOD:REPLY"),
        when=datetime(2026, 3, 10, 9, tzinfo=NY), thread=1791000000000000012, msgid="acc-12@google.com")
    found = threads(write_raw_mbox(tmp_path / "acc.mbox", [*northwind_talk(), accepted]))
    assert [(p["company"], p["state"]) for p in found] == [("Northwind Labs", "scheduled")]


def test_an_invitation_google_sends_for_a_recruiter_is_the_recruiters(tmp_path):
    """Google Calendar writes an outside organizer's invitation as
    "Priya Shah <calendar-notification@google.com>", Reply-To Priya: it is Priya's, not Google's."""
    booked = _ics("nw-9@google.com", "20260316T140000", "priya@northwind-labs.com",
                  [ME, "priya@northwind-labs.com"], "Northwind Labs interview: Jordan Rivera")
    raw = calendar_mail(sender="Priya Shah <calendar-notification@google.com>",
                        subject=f"Invitation: Northwind Labs interview: Jordan Rivera @ Mon 16 Mar 2026 2pm - 3pm (EDT) ({ME})",
                        text="Priya Shah has invited you to this interview for the Data Analyst role.\n",
                        ics=booked, when=datetime(2026, 3, 10, 9, tzinfo=NY), thread=1791000000000000013,
                        msgid="inv-13@google.com").replace(
        f"Reply-To: {GCAL}".encode(), b"Reply-To: Priya Shah <priya@northwind-labs.com>")
    (p,) = threads(write_raw_mbox(tmp_path / "behalf.mbox", [raw]))
    assert (p["company"], p["state"]) == ("Northwind Labs", "scheduled")
    assert [c["email"] for c in p["contacts"]] == ["priya@northwind-labs.com"]
    joined = threads(write_raw_mbox(tmp_path / "joined.mbox", [*northwind_talk(), raw]))
    assert [(q["id"], q["company"], q["state"]) for q in joined] == [(format(77, "x"), "Northwind Labs", "scheduled")]
