"""The newest text of a reply, without quoted history or signature.

A promise quoted from an older message ("we'll get back to you by Friday") must never be
read as a new one, and a recruiter's new words must never be thrown away with the quote.
"""

from assistant.quoting import split_reply, split_signature, strip_quoted

PROMISE = "We'll get back to you by Friday."


def test_gmail_attribution_and_quoted_lines_are_removed():
    text = (
        "Sounds good, see you then.\n\n"
        "On Tue, Mar 5, 2024 at 9:15 AM Dana Lee <dana@acme.example> wrote:\n\n"
        f"> {PROMISE}\n> Dana\n"
    )
    newest, signature = split_reply(text)
    assert newest == "Sounds good, see you then."
    assert signature == ""


def test_attribution_wrapped_over_two_lines_is_removed():
    text = (
        "Thanks!\n\n"
        "On Tue, Mar 5, 2024 at 9:15 AM Dana Lee from Acme Talent <\n"
        "dana@acme.example> wrote:\n"
        "\n"
        f"> {PROMISE}\n"
    )
    assert strip_quoted(text) == "Thanks!"


def test_attribution_in_other_languages_is_removed():
    for attribution in (
        "Le mar. 5 mars 2024 à 09:15, Dana Lee <dana@acme.example> a écrit :",
        "Am Di., 5. März 2024 um 09:15 Uhr schrieb Dana Lee <dana@acme.example>:",
        "El mar, 5 mar 2024 a las 9:15, Dana Lee (<dana@acme.example>) escribió:",
        "Dana Lee <dana@acme.example> 于2024年3月5日周二 09:15写道：",
    ):
        text = f"Merci, à bientôt.\n\n{attribution}\n> {PROMISE}\n"
        assert strip_quoted(text) == "Merci, à bientôt.", attribution


def test_attribution_without_quote_marks_still_ends_the_new_text():
    # Clients that quote in HTML render the history without ">" marks.
    text = f"See you Monday.\n\nOn Tue, Mar 5, 2024 at 9:15 AM Dana wrote:\n{PROMISE}\n"
    assert strip_quoted(text) == "See you Monday."


def test_inline_answers_between_quotes_are_kept():
    text = "> Can you do Tuesday?\nYes, Tuesday works.\n> Or Wednesday?\nWednesday too.\n"
    assert strip_quoted(text) == "Yes, Tuesday works.\nWednesday too."


def test_bottom_posted_reply_is_kept():
    text = f"On Tue, Mar 5, 2024 at 9:15 AM Dana wrote:\n> {PROMISE}\n\nThank you, talk Friday.\n"
    assert strip_quoted(text) == "Thank you, talk Friday."


def test_outlook_original_message_block_is_removed():
    text = (
        "Hi Sam, still deciding.\n\n"
        "-----Original Message-----\n"
        "From: Dana Lee\nSent: Tuesday, March 5, 2024 9:15 AM\nTo: Sam\nSubject: Interview\n\n"
        f"{PROMISE}\n"
    )
    assert strip_quoted(text) == "Hi Sam, still deciding."


def test_outlook_header_block_without_separator_is_removed():
    text = (
        "Hi Sam, still deciding.\n\n"
        "From: Dana Lee <dana@acme.example>\nSent: Tuesday, March 5, 2024 9:15 AM\n"
        "To: Sam Candidate\nSubject: Interview\n\n"
        f"{PROMISE}\n"
    )
    assert strip_quoted(text) == "Hi Sam, still deciding."


def test_german_outlook_header_block_is_removed():
    text = (
        "Hallo Sam, wir melden uns nächste Woche.\n\n"
        "Von: Dana Lee <dana@acme.example>\nGesendet: Dienstag, 5. März 2024 09:15\n"
        "An: Sam Candidate\nBetreff: Interview\n\n"
        "Wir melden uns bis Freitag.\n"
    )
    assert strip_quoted(text) == "Hallo Sam, wir melden uns nächste Woche."


def test_a_from_line_in_prose_is_not_a_header_block():
    text = "From: the team at Acme, congratulations!\nWe'd like to make you an offer."
    assert strip_quoted(text) == text


def test_unknown_attribution_right_above_a_quote_is_removed():
    text = f"Great, thanks.\n\n2024-03-05 9:15 GMT-05:00 Dana Lee <dana@acme.example>:\n> {PROMISE}\n"
    assert strip_quoted(text) == "Great, thanks."


def test_dash_dash_signature_is_split_off():
    newest, signature = split_signature("See you Thursday.\n\n-- \nDana Lee\nAcme Recruiting")
    assert newest == "See you Thursday."
    assert signature == "Dana Lee\nAcme Recruiting"


def test_sign_off_keeps_the_sign_off_and_moves_name_and_title_to_signature():
    newest, signature = split_signature(
        "We'd love to have you back for a final round.\n\nBest,\nDana Lee\nTechnical Recruiter | Acme"
    )
    assert newest == "We'd love to have you back for a final round.\n\nBest,"
    assert signature == "Dana Lee\nTechnical Recruiter | Acme"


def test_a_promise_after_thanks_is_not_taken_for_a_signature():
    text = "Thanks!\nWe will get back to you by Friday with next steps.\nDana"
    newest, signature = split_signature(text)
    assert "by Friday" in newest
    assert signature == ""


def test_mobile_footer_is_a_signature():
    newest, signature = split_signature("Confirmed for 2pm.\n\nSent from my iPhone")
    assert newest == "Confirmed for 2pm."
    assert signature == "Sent from my iPhone"


def test_text_without_quote_or_signature_is_unchanged():
    text = "Hi Sam,\n\nCould you send your availability for next week?"
    assert split_reply(text) == (text, "")
