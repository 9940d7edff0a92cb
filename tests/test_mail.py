"""parse_message: one raw message in, clean decoded text and facts out.

Each test is something a user would notice: a garbled name in a draft's greeting, a
quoted promise counted twice, an interview at the wrong hour, a missed cancellation.
"""

from __future__ import annotations

import base64
import sys
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.mail import Address, MalformedMessage, Message, parse_message

FIXTURES = Path(__file__).parent / "fixtures" / "mail"
NEW_YORK = ZoneInfo("America/New_York")


def fixture(name: str) -> Message:
    return parse_message((FIXTURES / name).read_bytes())


def raw(headers: str, body: bytes | str = b"Hello\n") -> bytes:
    """A message from literal header lines, so tests can hold bytes no library would write."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return headers.strip("\n").encode("utf-8") + b"\n\n" + body


# --------------------------------------------------------------------------- headers

def test_rfc2047_names_in_any_charset_are_decoded():
    japanese = base64.b64encode("山田太郎".encode("iso-2022-jp")).decode()
    message = parse_message(raw(
        "From: =?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <Jose.Nunez@Example.COM>\n"
        f"To: =?ISO-2022-JP?B?{japanese}?= <taro@example.jp>,\n"
        " =?iso-8859-1?q?Ren=E9e?= <renee@example.fr>\n"
        "Subject: =?utf-8?B?5pel5pys6Kqe44Gu5Lu25ZCN?=\n"
    ))
    assert message.sender == Address("José Núñez", "jose.nunez@example.com")
    assert message.to == (Address("山田太郎", "taro@example.jp"), Address("Renée", "renee@example.fr"))
    assert message.subject == "日本語の件名"


def test_utf8_character_split_across_two_encoded_words_survives():
    encoded = "Entrevista con Núñez".encode("utf-8")
    first, second = encoded[:15], encoded[15:]  # splits the two bytes of "ú"
    word = lambda chunk: "=?UTF-8?B?" + base64.b64encode(chunk).decode() + "?="
    message = parse_message(raw(f"From: a@b.example\nSubject: {word(first)}\n {word(second)}\n"))
    assert message.subject == "Entrevista con Núñez"


def test_comma_inside_an_encoded_display_name_does_not_split_the_address():
    message = parse_message(raw("From: =?utf-8?Q?Lee=2C_Dana?= <dana@acme.example>\n"))
    assert message.sender == Address("Lee, Dana", "dana@acme.example")


def test_raw_8bit_headers_are_decoded_as_utf8_or_latin1():
    message = parse_message(
        b"From: J\xc3\xbcrgen M\xc3\xbcller <j@example.de>\n"
        b"To: Ren\xe9e Dupont <renee@example.fr>\n"
        b"Subject: Entretien confirm\xe9\n\nHi\n"
    )
    assert message.sender.name == "Jürgen Müller"
    assert message.to[0].name == "Renée Dupont"
    assert message.subject == "Entretien confirmé"


def test_unknown_charset_in_an_encoded_word_falls_back_instead_of_failing():
    message = parse_message(raw("Subject: =?x-made-up?Q?caf=C3=A9?= =?NONE?B?VEVTVA=?=\nFrom: a@b.example\n"))
    assert message.subject == "caféTEST"


def test_header_with_embedded_newline_becomes_one_line():
    message = parse_message(
        b"From: Dana <dana@acme.example>\r\n"
        b"Subject: Interview\r\n\tBcc: victim@example.org\r\n"
        b"Message-ID: <abc@acme.example>\r\n\r\nHi\r\n"
    )
    assert message.subject == "Interview Bcc: victim@example.org"
    assert "\n" not in message.subject and "\r" not in message.subject


def test_encoded_newline_in_subject_is_folded_too():
    message = parse_message(raw("From: a@b.example\nSubject: =?utf-8?Q?Hi=0D=0ABcc:_x@y.example?=\n"))
    assert message.subject == "Hi Bcc: x@y.example"


def test_message_ids_lose_their_brackets_and_keep_order():
    message = fixture("gmail_reply.eml")
    assert message.message_id == "CAreply-2@mail.gmail.com"
    assert message.in_reply_to == ("CAfirst-1@mail.gmail.com",)
    assert message.references == ("CAorig-0@mail.gmail.com", "CAfirst-1@mail.gmail.com")


def test_date_keeps_the_senders_own_offset():
    message = fixture("gmail_reply.eml")
    assert message.date == datetime(2024, 3, 11, 16, 45, 12, tzinfo=timezone(timedelta(hours=-4)))
    assert message.date.utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize("value", ["next Tuesday", "Mon, 30 Jun 3609 15:33:50 +0600", "Fri, 31 Feb 2024 25:61:00 +0000"])
def test_unreadable_date_is_none(value):
    assert parse_message(raw(f"From: a@b.example\nDate: {value}\n")).date is None


def test_date_with_unknown_zone_is_read_as_utc():
    message = parse_message(raw("From: a@b.example\nDate: Tue, 05 Mar 2024 09:15:00 -0000\n"))
    assert message.date == datetime(2024, 3, 5, 9, 15, tzinfo=timezone.utc)


def test_gmail_thread_id_is_the_hex_the_gmail_api_uses():
    message = fixture("gmail_reply.eml")
    assert message.gm_thread_id == format(1787654321987654321, "x") == "18cf06226b4412b1"


def test_gmail_labels_keep_a_quoted_label_with_a_comma_whole():
    assert fixture("gmail_reply.eml").labels == ("Inbox", "Jobs, 2024", "Important", "Opened")


def test_no_gmail_headers_means_no_thread_id_and_no_labels():
    message = fixture("outlook_reply.eml")
    assert message.gm_thread_id is None
    assert message.labels == ()


@pytest.mark.parametrize("header", [
    "List-Unsubscribe: <mailto:unsubscribe@news.example>",
    "List-Id: <jobs.lists.example>",
    "Precedence: bulk",
    "Auto-Submitted: auto-replied",
    "X-Auto-Response-Suppress: All",
])
def test_mailing_lists_and_auto_replies_are_bulk(header):
    assert parse_message(raw(f"From: a@b.example\n{header}\n")).bulk


def test_a_person_writing_is_not_bulk():
    assert not parse_message(raw("From: a@b.example\nAuto-Submitted: no\n")).bulk
    assert not fixture("gmail_reply.eml").bulk


def test_garbage_line_between_headers_does_not_hide_the_rest():
    message = parse_message(raw(
        "Received: from relay.example\nquite Delivered-To: x@example.org\n"
        "Date: Wed, 23 Feb 2005 18:20:17 -0400\nFrom: Dana <dana@acme.example>\nSubject: Hello\n"
    ))
    assert message.sender == Address("Dana", "dana@acme.example")
    assert message.subject == "Hello"
    assert message.date is not None


def test_obsolete_space_before_colon_is_accepted():
    message = parse_message(raw("From  : Dana <dana@acme.example>\nSubject   : Hi\n"))
    assert message.sender.email == "dana@acme.example"
    assert message.subject == "Hi"


def test_unparseable_address_keeps_the_text_with_an_empty_email():
    message = parse_message(raw("From: notbracketed\nTo: <notanemail>\n"))
    assert message.sender == Address("notbracketed", "")
    assert message.to == (Address("notanemail", ""),)


def test_mbox_envelope_line_is_ignored():
    message = parse_message(b"From nobody Mon Sep 17 00:00:00 2001\nFrom: a@b.example\nSubject: x\n\nbody\n")
    assert message.sender.email == "a@b.example"
    assert message.text == "body"


# --------------------------------------------------------------------------- bodies

def test_wrong_charset_declared_still_reads_the_text():
    body = "Nous avons hâte de vous rencontrer à 14h.".encode("utf-8")
    message = parse_message(raw(
        "From: a@b.example\nContent-Type: text/plain; charset=iso-8859-1\n", body
    ))
    assert message.text == "Nous avons hâte de vous rencontrer à 14h."


def test_unknown_charset_falls_back_to_cp1252():
    message = parse_message(raw(
        "From: a@b.example\nContent-Type: text/plain; charset=invalid-charset\n",
        "Gr\xfc\xdfe \x93quoted\x94".encode("latin-1"),
    ))
    assert message.text == "Grüße “quoted”"


def test_quoted_printable_body_is_decoded():
    message = fixture("outlook_reply.eml")
    assert "Grüße, Sam" in message.text
    assert "by Friday, and I'm happy" in message.text  # the soft line break is joined


def test_base64_body_with_broken_padding_and_line_noise_is_decoded():
    encoded = base64.b64encode("Your offer letter is attached. — Dana".encode("utf-8")).decode()
    broken = encoded.rstrip("=")[:30] + "\n" + encoded.rstrip("=")[30:] + " !\n"
    message = parse_message(raw(
        "From: a@b.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
        broken,
    ))
    assert message.text == "Your offer letter is attached. — Dana"


def test_ats_html_only_email_becomes_readable_text():
    message = fixture("ats_html_only.eml")
    assert "trackOpen" not in message.text and "color: #333" not in message.text
    assert "Hi Sam," in message.text
    assert "for the Senior Data Engineer role is confirmed." in message.text
    assert "- Date: Thursday, March 7\n- Time: 2:00\xa0PM – 4:00\xa0PM ET" in message.text
    assert "We'll get back to you within a week of the interview.\nQuestions? Contact your recruiter." in message.text
    assert message.newest.endswith("Best,")
    assert message.signature == "Dana Lee\nTechnical Recruiter | Acme"


def test_nested_alternative_inside_mixed_prefers_plain_text_and_skips_attachments():
    outer = EmailMessage()
    outer["From"] = "Dana <dana@acme.example>"
    outer["Subject"] = "Offer"
    outer.set_content("Plain version: congratulations!")
    outer.add_alternative("<p>HTML version: congratulations!</p>", subtype="html")
    outer.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="offer.pdf")
    outer.add_attachment("Attached notes, not the body.", filename="notes.txt")
    message = parse_message(outer.as_bytes(policy=SMTP))
    assert message.text == "Plain version: congratulations!"


def test_empty_plain_alternative_falls_back_to_html():
    outer = EmailMessage()
    outer["From"] = "a@b.example"
    outer.set_content("\n")
    outer.add_alternative("<div>Only the <b>HTML</b> part has words.</div>", subtype="html")
    assert parse_message(outer.as_bytes()).text == "Only the HTML part has words."


def test_forwarded_message_attachment_is_not_the_body():
    inner = EmailMessage()
    inner["From"] = "old@acme.example"
    inner["Subject"] = "Old thread"
    inner.set_content("We'll get back to you by Friday.")
    outer = EmailMessage()
    outer["From"] = "Dana <dana@acme.example>"
    outer.set_content("See the message below for context.")
    outer.add_attachment(inner)
    message = parse_message(outer.as_bytes())
    assert message.text == "See the message below for context."
    assert "Friday" not in message.text


# --------------------------------------------------------------------------- replies

def test_gmail_reply_does_not_repeat_the_quoted_promise_in_newest():
    message = fixture("gmail_reply.eml")
    assert "get back to you by Friday" in message.text
    assert "get back to you by Friday" not in message.newest
    assert "any news" not in message.newest
    assert message.newest.startswith("Hi Sam,\n\nQuick update")
    assert "I'll reach out on Wednesday." in message.newest
    assert message.signature == "Dana Lee\nTechnical Recruiter | Acme\n+1 555 0100"


def test_gmail_html_quote_is_removed_when_there_is_no_plain_part():
    source = (FIXTURES / "gmail_reply.eml").read_bytes()
    html_part = source.split(b'Content-Type: text/html; charset="UTF-8"\n\n', 1)[1].split(b"\n--0000", 1)[0]
    headers = source.split(b"\n\n", 1)[0].split(b"MIME-Version")[0]
    message = parse_message(headers + b"Content-Type: text/html; charset=utf-8\n\n" + html_part)
    assert "by Friday" in message.text
    assert "by Friday" not in message.newest
    assert "I'll reach out on Wednesday." in message.newest


def test_outlook_reply_drops_the_quoted_header_block():
    message = fixture("outlook_reply.eml")
    assert message.sender == Address("Lee, Dana", "dana.lee@acme.example")
    assert message.newest == (
        "Hello Sam,\n\nThe hiring manager is still deciding; expect an answer next Tuesday.\n\nKind regards,"
    )
    assert message.signature == "Dana"
    assert "by Friday" not in message.newest


# --------------------------------------------------------------------------- calendar

def test_interview_invite_is_read_in_new_york_time():
    message = fixture("invite_new_york.eml")
    assert len(message.events) == 1  # inline text/calendar and invite.ics are one event
    event = message.events[0]
    assert event.uid == "interview-42@acme.example"
    assert event.summary == "Interview with Acme"
    assert event.start == datetime(2024, 3, 14, 14, 0, tzinfo=NEW_YORK)
    assert event.start.utcoffset() == timedelta(hours=-4)  # daylight time began on March 10
    assert event.end - event.start == timedelta(hours=1)
    assert event.method == "REQUEST" and not event.cancelled
    assert event.organizer == Address("Dana Lee", "dana.lee@acme.example")
    assert event.attendees == (Address("Sam Candidate", "sam@example.org"),)
    assert event.location == "Acme HQ, 5 Main St"
    assert message.text.startswith("You have been invited to: Interview with Acme")


def test_cancellation_is_recognised():
    event = fixture("invite_cancelled.eml").events[0]
    assert event.cancelled
    assert event.method == "CANCEL"
    assert event.sequence == 1
    assert event.start == datetime(2024, 3, 14, 18, 0, tzinfo=timezone.utc)


def test_floating_and_all_day_times_are_made_aware():
    ics = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20240314T140000\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20240315\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    message = parse_message(raw(
        "From: a@b.example\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: text/calendar\n", ics
    ))
    floating, all_day = message.events
    assert floating.start == datetime(2024, 3, 14, 14, 0, tzinfo=timezone(timedelta(hours=1)))
    assert all_day.start.tzinfo is not None and all_day.end is None
    assert floating.method == "" and not floating.cancelled


def test_broken_calendar_part_is_ignored_not_fatal():
    message = parse_message(raw(
        "From: a@b.example\nContent-Type: text/calendar\n", "BEGIN:VCALENDAR\nDTSTART:garbage\n"
    ))
    assert message.events == ()


def test_importing_mail_does_not_import_icalendar():
    """CLI start-up stays fast: icalendar loads only when a calendar part is met."""
    import subprocess

    package = Path(__file__).resolve().parents[1] / "assistant"
    # The package is stubbed so that only mail.py's own imports are measured.
    code = (
        "import sys, types; pkg = types.ModuleType('assistant'); "
        f"pkg.__path__ = [{str(package)!r}]; sys.modules['assistant'] = pkg; "
        "import assistant.mail; print('icalendar' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------- refusals

@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"just some text with no headers\n\nmore\n", b"\x00\xff\xfe garbage"])
def test_input_with_no_headers_is_malformed_with_a_one_line_reason(data):
    with pytest.raises(MalformedMessage) as caught:
        parse_message(data)
    assert "\n" not in str(caught.value) and str(caught.value)


@pytest.mark.parametrize("depth", [30, 3000])
def test_deep_nesting_is_read_or_refused_cleanly(depth):
    head = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    data = b"From: a@b.example\n" + head.encode() + b"Content-Type: text/plain\n\nx\n"
    try:
        message = parse_message(data)
    except MalformedMessage as error:
        assert depth > 100 and "deeply" in str(error)
    else:
        assert message.text == "x"
