"""IMAP pieces that need no server: the mailbox address, TLS policy, folder listings, the
keyword and Drafts rules, and what the tests do when Dovecot is missing."""

from __future__ import annotations

import pytest

from assistant.mailbox import imap
from tests.conftest import one_line_error
from tests.dovecot import followup

QUILLSTONE = "19c43d04e78b9a59"


def test_no_drafts_folder_is_one_line_naming_the_folders():
    class Listing:
        def folders(self):
            return [("INBOX", frozenset()), ("Sent", frozenset({"\\Sent"})), ("Notes", frozenset())]

    box = imap.ImapMailbox(imap.Account("imap.example.com", "me"))
    with pytest.raises(imap.FollowupError) as e:
        box.drafts_folder(Listing())
    assert "no Drafts folder on imap.example.com" in str(e.value) and "INBOX, Notes, Sent" in str(e.value)
    Listing.folders = lambda self: [("INBOX", frozenset()), ("INBOX.Drafts", frozenset())]
    assert box.drafts_folder(Listing()) == "INBOX.Drafts"


def test_a_server_that_allows_no_new_keywords_is_told_in_one_line_and_nothing_is_stored():
    class NoKeywords:
        stored = []

        def folders(self):
            return [("INBOX", frozenset())]

        def open(self, name, write=False):
            return {"permanentflags": "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)"}

        def call(self, what, *args):
            self.stored.append(what)

        def close(self):
            pass

    conn = NoKeywords()
    box = imap.ImapMailbox(imap.Account("imap.example.com", "me"), connect=lambda: conn)
    box._scanned, box._members = True, {QUILLSTONE: [("INBOX", 3)]}
    with pytest.raises(imap.FollowupError, match="does not allow new keywords in INBOX"):
        box.sync_label({QUILLSTONE})
    assert conn.stored == []


class _NoTlsServer:
    """A loopback server that offers no STARTTLS and notes every line it receives."""

    def __init__(self):
        import socket
        import threading

        self.lines: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        conn, _ = self.sock.accept()
        f = conn.makefile("rb")
        conn.sendall(b"* OK ready\r\n")
        for line in f:
            self.lines.append(line)
            tag = line.split(b" ", 1)[0]
            if b" CAPABILITY" in line.upper():
                conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                continue
            if b" LOGOUT" in line.upper():
                conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                break
            conn.sendall(tag + b" NO [AUTHENTICATIONFAILED] no\r\n")
        conn.close()


def test_plaintext_login_is_refused_except_to_loopback(monkeypatch):
    server = _NoTlsServer()
    account = imap.Account("127.0.0.1", "me@example.test", server.port, starttls=True)
    monkeypatch.setattr(imap, "is_loopback", lambda host: False)  # as if it were a remote host
    with pytest.raises(imap.FollowupError, match="offers no STARTTLS"):
        imap.Connection(account, "secret")
    assert not any(b"LOGIN" in line.upper() for line in server.lines)

    server = _NoTlsServer()
    account = imap.Account("127.0.0.1", "me@example.test", server.port, starttls=True)
    monkeypatch.setattr(imap, "is_loopback", lambda host: True)  # a local bridge: allowed
    with pytest.raises(imap.FollowupError, match="refused the password"):
        imap.Connection(account, "secret")
    assert any(b"LOGIN" in line.upper() for line in server.lines)
    assert imap.is_loopback.__name__ == "<lambda>"


def test_is_loopback():
    monkey = imap.is_loopback
    assert monkey("127.0.0.1") and monkey("::1") and monkey("localhost")
    assert not monkey("imap.fastmail.com") and not monkey("10.0.0.1")


@pytest.mark.parametrize("spec, expected", [
    ("imap://me@example.com@imap.example.com", ("imap.example.com", "me@example.com", 993)),
    ("imap://jsmith@mail.uni.edu:143", ("mail.uni.edu", "jsmith", 143)),
    ("imap://me%40icloud.com@imap.mail.me.com", ("imap.mail.me.com", "me@icloud.com", 993)),
])
def test_mailbox_spec(spec, expected):
    a = imap.account_from(spec)
    assert (a.host, a.user, a.port) == expected
    assert a.implicit_tls == (a.port != 143)


@pytest.mark.parametrize("spec", ["imap://nobody-here", "imap://u:secret@host", "imap://u@host/INBOX", "imap"])
def test_a_bad_mailbox_spec_is_one_line(spec):
    line = one_line_error(followup("--mailbox", spec, "threads"))
    assert "secret" not in line and ("imap://" in line or "auth imap" in line)


def test_a_password_in_config_is_refused(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[imap]\nhost = "h"\nuser = "u"\npassword = "hunter2"\n')
    line = one_line_error(followup("--mailbox", "imap", "threads"))
    assert "must not hold a password" in line and "hunter2" not in line


def test_without_dovecot_the_tests_skip_with_one_line_and_fail_on_ci(monkeypatch):
    from tests import dovecot as fixture

    monkeypatch.setattr(fixture, "dovecot_binary", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install dovecot-imapd"):
        fixture.require_dovecot()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install dovecot-imapd"):
        fixture.require_dovecot()


def test_folder_listing_reads_quoted_atom_and_literal_names():
    class Stub:
        def list(self, *args):
            return "OK", [b'(\\HasNoChildren \\Sent) "/" "Sent Items"', b'(\\HasNoChildren) "/" INBOX',
                          (b'(\\Archive) "/" {20}', b'Archiv &- 2026 &AMk-t&AOk-'), b'',
                          b'(\\Noselect \\HasChildren) NIL "Top"', b'(\\SENT) NIL Outbox']

    conn = object.__new__(imap.Connection)
    conn.imap, conn.account = Stub(), imap.Account("h", "u")
    assert conn.folders() == [
        ("Sent Items", frozenset({"\\HasNoChildren", "\\Sent"})), ("INBOX", frozenset({"\\HasNoChildren"})),
        ("Archiv & 2026 Été", frozenset({"\\Archive"})), ("Top", frozenset({"\\Noselect", "\\HasChildren"})),
        ("Outbox", frozenset({"\\Sent"})),
    ]


def test_a_server_that_refuses_the_connection_is_named_with_the_reason(monkeypatch):
    """The reason a person can act on ("Connection refused"), not an errno."""
    import socket

    with socket.socket() as s:  # a loopback port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", "x")
    line = one_line_error(followup("--mailbox", f"imap://nobody@127.0.0.1:{port}", "threads"))
    assert f"127.0.0.1:{port}" in line and "refused" in line.lower()
