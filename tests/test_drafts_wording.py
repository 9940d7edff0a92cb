"""Drafts a careful candidate would send: their time frame in their words, the right person in
the thread's register, debrief notes attributed, a personal thank-you before any debrief,
words that fit the moment, headers a mail client expects, and lint-clean bodies."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import assistant.drafts as drafts
from assistant.cli import main
from assistant.config import Settings
from assistant.debrief import Debrief, attribution
from assistant.lint import lint
from assistant.mailbox import open_mailbox
from assistant.process import list_processes
from assistant.wording import reported
from tests.mailmaker import ME, invite, message, overdue_thread, write_mbox

LEDGERLINE = "19c94874d0882c20"
UTC = timezone.utc


def run(*args, today="2026-03-12", mailbox="sample"):
    return CliRunner().invoke(main, ["--mailbox", str(mailbox), "--today", today, *args], catch_exceptions=False)


def saved(tmp_path: Path) -> dict[str, object]:
    folder = tmp_path / "data" / "drafts"
    out = {}
    for p in sorted(folder.glob("*.eml")):
        msg = message_from_bytes(p.read_bytes(), policy=policy.default)
        out[msg["To"].addresses[0].addr_spec] = msg
    return out


def body(msg) -> str:
    return msg.get_content().replace("\r\n", "\n")


# -- their words, not our date ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, expected", [
    ("We'll let you know by Friday.", "by Friday", "you would let me know by Friday"),
    ("The team is wrapping up the remaining interviews and we'll have an update for you early next week.",
     "early next week", "you would have an update for me early next week"),
    ("I'll share my notes with the hiring manager and get back to you by the end of next week.",
     "by the end of next week", "you would get back to me by the end of next week"),
    ("We hope to have news early this month.", "early this month", "you hoped to have news early this month"),
    ("You should hear from us within the next two weeks.", "within the next two weeks",
     "I should hear from you within the next two weeks"),
    ("The hiring manager will decide by Friday", "by Friday", "the hiring manager would decide by Friday"),
    ("Expect a decision by Friday", "by Friday", None),  # no subject to report: the caller falls back
    ("They'll decide by Friday", "by Friday", None),  # "they" are someone else, not the writer
])
def test_their_sentence_is_reported_back_with_their_time_phrase(sentence, phrase, expected):
    assert reported(sentence, phrase) == expected


def _formal_thread(salutation: str, signature: str) -> list:
    """Erik promised news "early this month" on 2 March; Sam is only copied."""
    at = datetime(2026, 2, 24, 15, tzinfo=UTC)
    invite_mail = message("Erik Lindqvist <erik.lindqvist@acme-bank.com>", ME, "Interview - Risk Analyst",
                          f"{salutation}\n\nThank you for your application. We would like to invite you to an "
                          "interview on Thursday 26 February at 10:00.\n\nKind regards,\n" + signature,
                          at, msgid="e1@acme", thread=77)
    reply = message(f"Jordan Rivera <{ME}>", "erik.lindqvist@acme-bank.com", "Re: Interview - Risk Analyst",
                    "Dear Mr. Lindqvist,\n\nThank you, Thursday at 10:00 suits me.\n\nKind regards,\nJordan\n",
                    at + timedelta(hours=2), msgid="j1@me", thread=77, labels="Sent", reply_to_ids=("e1@acme",))
    promise = message("Erik Lindqvist <erik.lindqvist@acme-bank.com>", ME, "Re: Interview - Risk Analyst",
                      f"{salutation}\n\nThank you for coming in for the interview. We hope to have news early "
                      "this month.\n\nKind regards,\n" + signature,
                      datetime(2026, 3, 2, 9, tzinfo=UTC), msgid="e2@acme", thread=77,
                      reply_to_ids=("e1@acme", "j1@me"), headers={"Cc": "Sam Cole <sam.cole@acme-bank.com>"})
    return [invite_mail, reply, promise]


@pytest.mark.parametrize("salutation, signature, greeting", [
    ("Dear Ms. Rivera,", "Mr. Erik Lindqvist\nHead of Risk Analytics\n", "Dear Mr. Lindqvist,"),
    ("Dear Ms. Rivera,", "Erik Lindqvist\nHead of Risk Analytics\n", "Dear Mr. Lindqvist,"),  # as she wrote him
    ("Hi Jordan,", "Erik\n", "Hi Erik,"),
])
def test_a_status_check_goes_to_whoever_promised_in_the_threads_register(tmp_path, salutation, signature,
                                                                         greeting):
    box = write_mbox(tmp_path / "acme.mbox", _formal_thread(salutation, signature))
    result = run("draft", "status-check", "acme", today="2026-03-16", mailbox=box)
    assert result.exit_code == 0, result.output
    [(to, msg)] = saved(tmp_path).items()
    assert to == "erik.lindqvist@acme-bank.com"  # not Sam, who was only copied
    text = body(msg)
    assert text.startswith(greeting + "\n")
    assert "you mentioned that you hoped to have news early that month." in text  # reported: not "this"
    assert "March" not in text.split("you mentioned")[1]  # no date the tool computed


def test_a_time_frame_said_out_loud_is_quoted_the_same_way(tmp_path, monkeypatch):
    scan = open_mailbox("sample").scan(frozenset())
    [p] = [p for p in list_processes(scan.threads, scan.me, date(2026, 3, 12)) if p.id == LEDGERLINE]
    from assistant.debrief import spoken_promise

    d = Debrief(LEDGERLINE, interview_day=date(2026, 3, 11), timeline="We'll decide by the end of next week")
    monkeypatch.setattr(p, "debrief", d)
    monkeypatch.setattr(p, "promise", spoken_promise(d))
    monkeypatch.setattr(p, "promise_source", "debrief")
    monkeypatch.setattr(p, "state", "overdue")
    plan = drafts.prepare(p, "status-check", me=scan.me, today=date(2026, 3, 25), settings=Settings(), force=True)
    [d] = plan.drafts  # to Hannah, who arranged it and was not in the room
    assert d.recipient.first_name == "Hannah"
    assert "At my interview on 11 March, I heard that the team would decide by the end of the following week." in d.text
    plan = drafts.prepare(p, "status-check", me=scan.me, today=date(2026, 3, 25), settings=Settings(), force=True,
                          to="daniel.reyes@ledgerline.io")
    assert "At my interview on 11 March, you mentioned that you would decide by the end of the following week." \
        in plan.drafts[0].text


# -- the right person: a stranger threaded in takes over no role (issue 9, item 8) ------------------

def _with_stranger() -> list:
    mails = overdue_thread(checked_in=False)
    stranger = message("Jane Roe <jane.roe@apextalent.com>", ME, "Re: Interview - Data Analyst",
                       "Hi Jordan,\n\nI'm following up on your interview and will be your contact from now on. "
                       "We'll get back to you by Friday.\n\nJane Roe\nSenior Recruiter, Apex Talent\n",
                       datetime(2026, 2, 1, 9, tzinfo=UTC), msgid="x1@apex", thread=40,
                       reply_to_ids=("p1@northwind",))
    mine = message(f"Jordan Rivera <{ME}>", "priya@northwind-labs.com", "Re: Interview - Data Analyst",
                   "Hi Priya,\n\nThank you, I enjoyed meeting the team.\n\nBest,\nJordan\n",
                   datetime(2026, 2, 23, 18, tzinfo=UTC), msgid="m0@me", thread=40, labels="Sent",
                   reply_to_ids=("p1@northwind",))
    return [stranger, *mails, mine]


def test_a_backdated_stranger_in_the_thread_gets_no_role_and_no_draft(tmp_path):
    box = write_mbox(tmp_path / "x.mbox", _with_stranger())
    threads = CliRunner().invoke(main, ["--mailbox", str(box), "--today", "2026-03-05", "--verbose",
                                        "threads", "--json"], catch_exceptions=False)
    assert "jane.roe@apextalent.com" in threads.stderr and "no draft unless --to" in threads.stderr
    assert "apextalent" not in threads.stdout
    result = run("draft", "status-check", "northwind", today="2026-03-05", mailbox=box)
    assert result.exit_code == 0, result.output
    assert list(saved(tmp_path)) == ["priya@northwind-labs.com"]
    named = run("draft", "status-check", "northwind", "--to", "jane.roe@apextalent.com", today="2026-03-05",
                mailbox=box)
    assert named.exit_code == 0, named.output
    assert str(saved(tmp_path)["jane.roe@apextalent.com"]["To"]) == "Jane Roe <jane.roe@apextalent.com>"


# -- an attendee known only by an address ----------------------------------------------------------

def _address_only_panel() -> list:
    ics = invite("u-1", "20260310T100000", "UTC", "hr@acme-bank.com", ["eve@acme-bank.com", "kim@acme-bank.com", ME])
    return [
        message("Acme HR <hr@acme-bank.com>", ME, "Interview invitation", "Hi Jordan,\n\nPlease find the "
                "interview invitation attached.\n\nBest,\nHR\n", datetime(2026, 3, 2, 9, tzinfo=UTC),
                msgid="i1@acme", thread=5, ics=ics),
        message(f"Jordan Rivera <{ME}>", "hr@acme-bank.com", "Re: Interview invitation", "Hi,\n\nAccepted, "
                "thank you.\n\nJordan\n", datetime(2026, 3, 2, 12, tzinfo=UTC), msgid="i2@me", thread=5,
                labels="Sent", reply_to_ids=("i1@acme",)),
    ]


def test_an_attendee_with_only_an_address_is_never_greeted_or_thanked_by_a_blank(tmp_path):
    box = write_mbox(tmp_path / "a.mbox", _address_only_panel())
    result = run("draft", "thank-you", "acme", today="2026-03-10", mailbox=box)
    assert result.exit_code == 0, result.output
    texts = [body(m) for m in saved(tmp_path).values()]
    assert len(texts) == 2
    for text in texts:
        assert "Hi ," not in text and "on to ." not in text and "on to ," not in text
        assert text.startswith("Hello,\n")
        # Nothing personal in the thread: a visible line to replace, and the tool says so.
        assert "[One detail they shared with you]" in text
    assert "line for you to replace" in result.stderr and "followup debrief" in result.stderr
    sweep = run("sweep", "--drafts-dir", str(tmp_path / "sw"), today="2026-03-10", mailbox=box)
    assert "followup debrief" in sweep.stdout


# -- the user's own words, cleanly ------------------------------------------------------------------

def test_a_note_written_as_name_colon_goes_to_that_person_without_its_prefix(tmp_path, monkeypatch):
    assert attribution("Priya: the team is rebuilding its pipeline", ["Priya Shah"]) == \
        ("Priya", "the team is rebuilding its pipeline")
    assert attribution("Culture: they ship weekly", ["Priya Shah"]) == (None, "Culture: they ship weekly")
    scan = open_mailbox("sample").scan(frozenset())
    [p] = [p for p in list_processes(scan.threads, scan.me, date(2026, 3, 12)) if p.id == LEDGERLINE]
    monkeypatch.setattr(p, "debrief", Debrief(LEDGERLINE, details=("Aisha: how the team moved its reporting onto dbt",)))
    plan = drafts.prepare(p, "thank-you", me=scan.me, today=date(2026, 3, 12), settings=Settings())
    notes = {d.recipient.first_name: d.text for d in plan.drafts}
    assert "hearing about how the team moved its reporting onto dbt." in notes["Aisha"]
    assert all("dbt" not in notes[n] for n in ("Daniel", "Oliver"))
    assert all("Aisha:" not in t for t in notes.values())


# -- personal before the debrief ----------------------------------------------------------------------

def test_a_panel_gets_three_different_notes_before_any_debrief():
    scan = open_mailbox("sample").scan(frozenset())
    [p] = [p for p in list_processes(scan.threads, scan.me, date(2026, 3, 12)) if p.id == LEDGERLINE]
    plan = drafts.prepare(p, "thank-you", me=scan.me, today=date(2026, 3, 12), settings=Settings())
    generic = set()
    for d in plan.drafts:
        assert "the panel interview" in d.text  # what the invitation said it was
        text = d.text
        for x in plan.drafts:
            text = text.replace(x.recipient.first_name, "NAME")
        generic.add(text)
    assert len(generic) == 3  # not one text with the name changed
    daniel = next(d for d in plan.drafts if d.recipient.first_name == "Daniel")
    assert "from your perspective as Head of Data" in daniel.text


# -- words that fit the moment -----------------------------------------------------------------------

def test_after_a_rejection_no_whatever_the_outcome_and_feedback_asked_once(tmp_path):
    note = run("draft", "linkedin", "pinecrest", "--print")
    assert note.exit_code == 0, note.output
    assert "whatever the outcome" not in note.stdout
    reply = run("draft", "keep-in-touch", "pinecrest", "--print")
    text = reply.stdout.lower()
    assert text.count("feedback") == 1 and "considered for future roles" in text


def test_the_position_names_the_company_once():
    assert drafts.position("Ledgerline Analytics Engineer", "Ledgerline") == "the Ledgerline Analytics Engineer role"
    assert drafts.position("Analytics Engineer", "Ledgerline") == "the Analytics Engineer role at Ledgerline"
    assert drafts.position("", "") == "the role"


# -- headers a mail client expects ----------------------------------------------------------------------

def test_date_is_the_real_clock_and_from_has_the_configured_name(tmp_path):
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text('name = "Jordan A. Rivera"\n', encoding="utf-8")
    result = run("draft", "status-check", "quillstone", today="2026-03-12")
    assert result.exit_code == 0, result.output
    [msg] = saved(tmp_path).values()
    written = parsedate_to_datetime(str(msg["Date"]))
    assert abs((written - datetime.now(UTC)).total_seconds()) < 600  # --today changes advice, not the stamp
    [sender] = msg["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Jordan A. Rivera", "jordan.rivera@gmail.com")
    assert body(msg).rstrip().endswith("Jordan A. Rivera")


def test_header_lines_fit_998_bytes_and_a_long_message_id_is_not_mangled(tmp_path):
    long_id = "a" * 150 + "@northwind-labs.com"
    mails = overdue_thread(checked_in=False)
    del mails[0]["Message-ID"]
    mails[0]["Message-ID"] = f"<{long_id}>"
    del mails[0]["Subject"]
    mails[0]["Subject"] = "Re: Interview - " + "Data-Analyst-" * 30
    box = write_mbox(tmp_path / "long.mbox", mails)
    result = run("draft", "status-check", "northwind", today="2026-03-05", mailbox=box)
    assert result.exit_code == 0, result.output
    [path] = (tmp_path / "data" / "drafts").glob("*.eml")
    raw = path.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert max(len(line) for line in head.split(b"\r\n")) <= 998
    msg = message_from_bytes(raw, policy=policy.default)
    assert str(msg["In-Reply-To"]) == f"<{long_id}>"


# -- every draft the tool writes is lint-clean -------------------------------------------------------

def _bodies_of_sweep(tmp_path: Path, mailbox, today: str) -> list[tuple[str, str]]:
    out = tmp_path / f"sweep-{today}"
    result = run("sweep", "--drafts-dir", str(out), today=today, mailbox=mailbox)
    assert result.exit_code == 0, result.output
    found = []
    for p in sorted(out.glob("*.eml")):
        msg = message_from_bytes(p.read_bytes(), policy=policy.default)
        kind = str(msg["X-Followup-Draft"]).split(";")[0]
        found.append((kind, body(msg)))
    assert found
    return found


@pytest.mark.parametrize("mailbox, today", [("sample", "2026-03-12"), ("overdue", "2026-03-05"),
                                            ("formal", "2026-03-16")])
def test_every_draft_a_sweep_writes_is_lint_clean(tmp_path, mailbox, today):
    if mailbox == "overdue":
        mailbox = write_mbox(tmp_path / "o.mbox", overdue_thread(checked_in=False))
    elif mailbox == "formal":
        mailbox = write_mbox(tmp_path / "f.mbox", _formal_thread("Dear Ms. Rivera,", "Mr. Erik Lindqvist\n"))
    for kind, text in _bodies_of_sweep(tmp_path, mailbox, today):
        problems = [f"{f.rule}: {f.message}" for f in lint(text, kind).findings if f.severity != "info"]
        assert problems == [], text


@pytest.mark.parametrize("name, mails, today", [
    ("overdue", lambda: overdue_thread(checked_in=False), date(2026, 3, 5)),
    ("formal-titled", lambda: _formal_thread("Dear Ms. Rivera,", "Mr. Erik Lindqvist\nHead of Risk\n"), date(2026, 3, 16)),
    ("formal-untitled", lambda: _formal_thread("Dear Ms. Rivera,", "Erik Lindqvist\n"), date(2026, 3, 16)),
    ("informal", lambda: _formal_thread("Hi Jordan,", "Erik\n"), date(2026, 3, 16)),
    ("stranger", _with_stranger, date(2026, 3, 5)),
    ("address-only", _address_only_panel, date(2026, 3, 10)),
])
def test_every_kind_on_each_test_mailbox_is_lint_clean_or_says_what_to_replace(tmp_path, name, mails, today):
    box = write_mbox(tmp_path / f"{name}.mbox", mails())
    scan = open_mailbox(str(box)).scan(frozenset({ME}))
    [p] = list_processes(scan.threads, scan.me, today)
    drafted = 0
    for kind in drafts.KINDS:
        try:
            plan = drafts.prepare(p, kind, me=scan.me, today=today, settings=Settings(), force=True)
        except Exception as e:  # a kind that does not apply here (no interview yet, nobody to send it to)
            assert "nothing to" in str(e) or "no one on this thread" in str(e), e
            continue
        for d in plan.drafts:
            drafted += 1
            # timing.* judges the day (forced here, weeks late for a thank-you), not the words.
            problems = [f"{f.rule}: {f.message}" for f in d.report.findings if f.severity != "info"
                        and not f.rule.startswith("timing.")
                        and not (d.to_replace and f.rule in ("placeholder.brackets", "structure.detail"))]
            assert problems == [], f"{kind}:\n{d.text}"
            assert [f for f in d.blocking if not f.rule.startswith("timing.")] == []
            if d.to_replace:
                assert any("line for you to replace" in n for n in plan.notes)
    assert drafted >= 2


def test_a_sweep_says_when_a_saved_draft_still_has_a_lint_warning(tmp_path):
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "keep-in-touch.txt.j2").write_text(
        "Hi {{ recipient.first_name }},\n\nThank you for letting me know, and for your time and support. I would "
        "be glad to stay in touch about future roles at {{ company }}. Please reply by Friday.\n\n"
        "Best wishes,\n{{ me.name }}\n", encoding="utf-8")
    result = run("sweep", "--drafts-dir", str(tmp_path / "out"))
    assert "keep-in-touch to Luis Ortega" in result.stdout
    assert "lint warning tone.urgency: 'Please reply' reads as a demand" in result.stdout


def test_a_time_frame_reported_to_someone_else_names_who_said_it(tmp_path):
    """--to someone other than the promiser: not "you mentioned", but who did."""
    box = write_mbox(tmp_path / "acme.mbox", _formal_thread("Hi Jordan,", "Erik\n"))
    result = run("draft", "status-check", "acme", "--to", "sam.cole@acme-bank.com", today="2026-03-16", mailbox=box)
    assert result.exit_code == 0, result.output
    text = body(saved(tmp_path)["sam.cole@acme-bank.com"])
    assert text.startswith("Hi Sam,\n")
    assert "Erik mentioned in the email of 2 March that the team hoped to have news early that month." in text
