"""Header-first scanning and threading, without Gmail's thread ids."""

from assistant.mailbox.scan import base_subject, group_threads, summarize_headers


def summary(text: str):
    return summarize_headers(text.replace("\n", "\r\n").encode())


def test_fields_are_read_from_folded_and_encoded_headers():
    s = summary(
        "From: =?utf-8?q?Zo=C3=AB_M=C3=BCller?= <Zoe@Example.COM>\n"
        "subject: =?utf-8?q?Interview_f=C3=BCr?=\n  Data Analyst\n"
        "Message-ID: <abc@x>\nReferences: <r1@x>\n <r2@x>\nIn-Reply-To: <r2@x>\n"
    )
    assert s.sender == "zoe@example.com"
    assert s.subject == "Interview für Data Analyst"
    assert s.parents == ("r2@x", "r1@x")
    assert s.gm_thread_id is None
    assert s.candidate


def test_gmail_thread_id_is_the_hex_of_takeouts_decimal():
    s = summary("X-GM-THRID: 1787654321987654321\nSubject: Interview\n")
    assert s.gm_thread_id == format(1787654321987654321, "x")


def test_bulk_mail_is_never_a_candidate_even_when_it_says_interview():
    for header in ("List-Unsubscribe: <mailto:u@x>", "List-Id: <jobs.x>", "Precedence: bulk",
                   "Auto-Submitted: auto-generated"):
        assert not summary(f"From: jobs@board.example\nSubject: 5 interview tips\n{header}\n").candidate
    assert summary("From: p@acme.example\nSubject: Interview\nAuto-Submitted: no\n").candidate


def test_hiring_subjects_are_candidates_and_receipts_are_not():
    assert summary("From: p@acme.example\nSubject: Interview availability\n").candidate
    assert not summary("From: shop@store.example\nSubject: Your order has shipped\n").candidate


def test_replies_whose_parent_is_missing_still_share_a_thread():
    a = summary("Message-ID: <a@x>\nSubject: Re: Interview\nReferences: <missing@x>\n")
    b = summary("Message-ID: <b@x>\nSubject: Re: Interview\nIn-Reply-To: <missing@x>\n")
    c = summary("Message-ID: <c@x>\nSubject: Something else\n")
    ids = group_threads([a, b, c])
    assert ids[0] == ids[1] != ids[2]


def test_subject_is_the_last_resort_and_only_between_the_same_correspondents():
    first = summary("From: p@acme.example\nTo: me@example.com\nMessage-ID: <1@x>\nSubject: Next steps\n")
    reply = summary("From: me@example.com\nTo: p@acme.example\nMessage-ID: <2@x>\nSubject: RE: Next steps\n")
    stranger = summary("From: q@other.example\nTo: me@example.com\nMessage-ID: <3@x>\nSubject: Re: Next steps\n")
    ids = group_threads([first, reply, stranger])
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]


def test_thread_ids_do_not_change_when_a_new_reply_arrives():
    first = summary("Message-ID: <root@x>\nSubject: Interview\n")
    reply = summary("Message-ID: <r@x>\nSubject: Re: Interview\nIn-Reply-To: <root@x>\n")
    before = group_threads([first])[0]
    assert group_threads([first, reply]) == [before, before]


def test_base_subject_strips_reply_prefixes_in_several_languages():
    assert base_subject("Re: AW: Fwd:  Interview  Next Steps") == "interview next steps"


def test_friends_and_job_boards_do_not_start_a_process():
    assert not summary("From: sam@gmail.com\nSubject: Re: interview prep\n").candidate
    assert not summary("From: jobs-noreply@linkedin.com\nSubject: Priya viewed your profile: interview\n").candidate
