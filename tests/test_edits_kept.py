"""An edit anywhere in a draft is the user's: adding a Bcc, changing From, attaching a file
or editing the HTML part is kept on the next run, on local drafts and on Gmail, while an
untouched older draft is still brought up to date."""

from __future__ import annotations

import email
from email import policy

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.mailbox.drafts_local import DIGEST, content_digest
from tests.gmail_fixtures import gmail, run, sleeps  # noqa: F401


def _with_html(msg):
    """An older version of the tool's draft that had an HTML part too."""
    text = msg.get_body(("plain",)).get_content()
    msg.make_alternative()
    msg.add_alternative(f"<p>{text}</p>", subtype="html")


def _edit_html(msg):
    html = msg.get_body(("html",))
    html.set_content(html.get_content().replace("<p>", "<p><b>Dear team,</b> "), subtype="html")


EDITS = {
    "a Bcc": (None, lambda m: m.__setitem__("Bcc", "me+archive@example.com"), "me+archive@example.com"),
    "a changed From": (None, lambda m: m.replace_header("From", "Jordan <jordan@work.example>"),
                       "jordan@work.example"),
    "an attachment": (None, lambda m: m.add_attachment(b"%PDF-1.4 portfolio", maintype="application",
                                                       subtype="pdf", filename="portfolio.pdf"),
                      "portfolio.pdf"),
    "an edited HTML part": (_with_html, _edit_html, "Dear team,"),
}


def _client_rewrite(msg):
    """What a mail client or Gmail does on its own when it stores a draft: not an edit."""
    msg.replace_header("Date", "Fri, 13 Mar 2026 08:00:00 +0000")
    msg.replace_header("Message-ID", "<rewritten@mail.example>")
    del msg["MIME-Version"]
    msg["MIME-Version"] = "1.0 (Mac OS X Mail)"


REWRITES = {"no edit": None, "a client's new Date and Message-ID": _client_rewrite}


def _older_then_edited(raw: bytes, before, edit) -> bytes:
    """The tool's draft as an older, untouched version (so a re-run would replace it), then
    the user's edit on top, the digest left as the tool recorded it."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    msg.replace_header("Subject", "Re: an older wording")
    if before:
        before(msg)
    msg = email.message_from_bytes(msg.as_bytes(policy=policy.SMTP), policy=policy.default)
    msg.replace_header(DIGEST, content_digest(msg))
    if edit:
        edit(msg)
    return msg.as_bytes(policy=policy.SMTP)


def _local(tmp_path, *args):
    return CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-12", "draft",
                                     "thank-you", "ledgerline", "--drafts-dir", str(tmp_path / "d"), *args],
                              catch_exceptions=False)


@pytest.mark.parametrize("name", [*EDITS, *REWRITES])
def test_local_draft_edits_survive_a_rerun(tmp_path, name):
    assert _local(tmp_path).exit_code == 0
    path = sorted((tmp_path / "d").glob("*.eml"))[0]
    before, edit, mark = EDITS.get(name, (None, REWRITES.get(name), None))
    path.write_bytes(_older_then_edited(path.read_bytes(), before, edit))
    edited = path.read_bytes()

    result = _local(tmp_path)
    assert result.exit_code == 0, result.output
    if name in REWRITES:  # the control: an untouched older draft is replaced
        assert result.output.count("updated:") == 1 and b"an older wording" not in path.read_bytes()
        return
    assert result.output.count("kept (edited by you)") == 1, result.output
    assert path.read_bytes() == edited and mark.encode() in edited
    assert len(list((tmp_path / "d").glob("*.eml"))) == 3


@pytest.mark.parametrize("name", [*EDITS, *REWRITES])
def test_gmail_draft_edits_survive_a_rerun(gmail, name):
    assert run("draft", "thank-you", "ledgerline").exit_code == 0
    draft_id = sorted(gmail.drafts)[0]
    message = gmail.messages[gmail.drafts[draft_id]]
    before, edit, mark = EDITS.get(name, (None, REWRITES.get(name), None))
    message.raw = _older_then_edited(message.raw, before, edit)
    edited = message.raw

    result = run("draft", "thank-you", "ledgerline")
    assert result.exit_code == 0, result.output
    now = gmail.messages[gmail.drafts[draft_id]].raw
    if name in REWRITES:
        assert result.output.count("updated:") == 1 and b"an older wording" not in now
        return
    assert result.output.count("kept (edited by you)") == 1, result.output
    assert now == edited and mark.encode() in now
    assert len(gmail.drafts) == 3 and gmail.counts["gmail.users.drafts.update"] == 0
