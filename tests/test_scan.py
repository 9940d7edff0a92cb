"""Header-first scanning and threading, without Gmail's thread ids."""

from assistant.mailbox.scan import base_subject, group_threads, is_candidate, summarize_headers

ME = frozenset({"me@example.com"})


def summary(text: str):
    return summarize_headers(text.replace("\n", "\r\n").encode())


def test_fields_are_read_from_folded_and_encoded_headers():
    s = summary(
        "From: =?utf-8?q?Zo=C3=AB_M=C3=BCller?= <Zoe@Example.COM>\n"
        "Subject: =?utf-8?q?Interview_f=C3=BCr?=\n  Data Analyst\n"
        "Message-ID: <abc@x>\nReferences: <r1@x>\n <r2@x>\nIn-Reply-To: <r2@x>\n"
        "X-GM-THRID: 1787654321987654321\nX-Gmail-Labels: Inbox,Sent\n"
    )
    assert s.sender == "zoe@example.com"
    assert s.subject == "Interview für Data Analyst"
    assert s.parents == ("r2@x", "r1@x")
    assert s.gm_thread_id == format(1787654321987654321, "x")
    assert not s.bulk


def test_bulk_mail_is_never_a_candidate_even_when_it_says_interview():
    s = summary("From: jobs@board.example\nSubject: 5 interview tips\nList-Unsubscribe: <mailto:u@x>\n")
    assert s.bulk
    assert not is_candidate(s, ME)


def test_hiring_subjects_are_candidates_and_receipts_are_not():
    assert is_candidate(summary("From: p@acme.example\nSubject: Interview availability\n"), ME)
    assert not is_candidate(summary("From: shop@store.example\nSubject: Your order has shipped\n"), ME)


def test_replies_whose_parent_is_missing_still_share_a_thread():
    a = summary("Message-ID: <a@x>\nSubject: Re: Interview\nReferences: <missing@x>\n")
    b = summary("Message-ID: <b@x>\nSubject: Re: Interview\nIn-Reply-To: <missing@x>\n")
    c = summary("Message-ID: <c@x>\nSubject: Something else\n")
    ids = group_threads([a, b, c], ME)
    assert ids[0] == ids[1] != ids[2]


def test_subject_is_the_last_resort_and_needs_a_correspondent_in_common():
    first = summary("From: p@acme.example\nTo: me@example.com\nMessage-ID: <1@x>\nSubject: Next steps\n")
    reply = summary("From: me@example.com\nTo: p@acme.example\nMessage-ID: <2@x>\nSubject: RE: Next steps\n")
    stranger = summary("From: q@other.example\nTo: me@example.com\nMessage-ID: <3@x>\nSubject: Re: Next steps\n")
    ids = group_threads([first, reply, stranger], ME)
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]


def test_thread_ids_do_not_change_when_a_new_reply_arrives():
    first = summary("Message-ID: <root@x>\nSubject: Interview\n")
    reply = summary("Message-ID: <r@x>\nSubject: Re: Interview\nIn-Reply-To: <root@x>\n")
    before = group_threads([first], ME)[0]
    assert group_threads([first, reply], ME) == [before, before]


def test_base_subject_strips_reply_prefixes_in_several_languages():
    assert base_subject("Re: AW: Fwd:  Interview  Next Steps") == "interview next steps"
