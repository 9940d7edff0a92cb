"""A real Dovecot IMAP server for the tests: started once per test session on 127.0.0.1.

Its whole world is a temporary folder: a config, a passwd-file with one user per test (so
each test has an empty account), Maildir storage, SPECIAL-USE folders, and TLS with a
certificate made at test time by trustme (its CA is what the client is told to trust).
Without Dovecot the tests skip with one line saying how to install it; with CI=true a
missing Dovecot fails the run instead. Also here: a proxy that cuts the connection.
"""

from __future__ import annotations

import imaplib
import itertools
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import SAMPLE_MBOX

# How many messages the bundled sample holds: the quota account is filled by exactly these.
SAMPLE_MESSAGES = sum(1 for line in SAMPLE_MBOX.read_bytes().splitlines() if line.startswith(b"From "))

import pytest

INSTALL = "Dovecot is not installed: IMAP tests skipped (install it with `apt-get install dovecot-imapd`)"
PASSWORD = "correct horse 7"


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)), None)


def require_dovecot() -> str:
    """The dovecot binary; else skip (one line, where a module calls it at import) or, on CI, fail."""
    found = dovecot_binary()
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(INSTALL.replace("IMAP tests skipped", "CI needs it"), pytrace=False)
    pytest.skip(INSTALL, allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class User:
    name: str
    password: str
    server: "Dovecot"

    def spec(self, port: int | None = None) -> str:
        return f"imap://{self.name}@127.0.0.1:{port or self.server.imaps_port}"

    def connect(self) -> imaplib.IMAP4_SSL:
        imap = imaplib.IMAP4_SSL("127.0.0.1", self.server.imaps_port, ssl_context=self.server.client_context())
        imap.login(self.name, self.password)
        return imap

    def append(self, folder: str, messages, flags: str = "") -> None:
        """Load mail the way a mail client stores it: APPEND, one message at a time."""
        imap = self.connect()
        try:
            for m in messages:
                raw = m if isinstance(m, bytes) else m.as_bytes()
                typ, data = imap.append(f'"{folder}"', f"({flags})" if flags else None, None, raw)
                assert typ == "OK", data
        finally:
            imap.logout()

    def folder(self, folder: str) -> list[tuple[int, frozenset[str], bytes]]:
        """(uid, flags, raw) of every message in a folder, read without marking anything."""
        imap = self.connect()
        try:
            imap.select(f'"{folder}"', readonly=True)
            typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
            out = []
            for part in data:
                if isinstance(part, tuple):
                    meta = part[0].decode()
                    uid = int(meta.split("UID ")[1].split()[0].rstrip(")"))
                    flags = frozenset(meta.split("FLAGS (")[1].split(")")[0].split()) if "FLAGS (" in meta else frozenset()
                    out.append((uid, flags, part[1]))
            return out
        finally:
            imap.logout()

    def status(self, folder: str) -> dict[str, int]:
        imap = self.connect()
        try:
            typ, data = imap.status(f'"{folder}"', "(UIDVALIDITY UIDNEXT MESSAGES)")
            words = data[0].decode().split("(")[1].rstrip(")").split()
            return {k.lower(): int(v) for k, v in zip(words[::2], words[1::2])}
        finally:
            imap.logout()

    def run(self, *command: str):
        """One raw command as the test's own client (to delete a folder, say)."""
        imap = self.connect()
        try:
            return getattr(imap, command[0])(*command[1:])
        finally:
            imap.logout()


class Dovecot:
    def __init__(self, binary: str):
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
        self.imaps_port, self.imap_port = free_port(), free_port()
        self.numbers = {kind: itertools.count(1) for kind in self.KINDS}
        self.process: subprocess.Popen | None = None
        self.ca_file = self.root / "ca.pem"

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> "Dovecot":
        import trustme

        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        ca.cert_pem.write_to_path(str(self.ca_file))
        cert.cert_chain_pems[0].write_to_path(str(self.root / "cert.pem"))
        cert.private_key_pem.write_to_path(str(self.root / "key.pem"))
        (self.root / "passwd").write_text(self._passwd())
        (self.root / "home").mkdir()
        (self.root / "dovecot.conf").write_text(self._config())
        if os.geteuid() == 0:  # mail and helper processes run as the dovecot user, never root
            account = pwd.getpwnam("dovecot")
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
            self.root.chmod(0o755)
        self.process = subprocess.Popen(
            [self.binary, "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL, stderr=open(self.root / "stderr.log", "wb"),
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot stopped at startup: {self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.imaps_port), timeout=1).close()
                socket.create_connection(("127.0.0.1", self.imap_port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not listen within 20 s: {self.log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        text = ""
        for name in ("stderr.log", "dovecot.log"):
            try:
                text += (self.root / name).read_text(errors="replace")[-3000:]
            except OSError:
                pass
        return text

    # -- users ----------------------------------------------------------------------------

    # Dovecot looks at a changed passwd-file at most once a second, so the accounts are
    # written before it starts: plenty of plain ones, and a few of each special kind.
    KINDS = {
        "plain": ("jordan", 400, ""),
        "quota": ("full", 10, f"userdb_quota_rule=*:messages={SAMPLE_MESSAGES}"),  # the sample fills it: one APPEND more is refused
        "no-uidplus": ("old", 10, "userdb_imap_capability=IMAP4rev1"),  # no UIDPLUS, no CONDSTORE
    }

    def _passwd(self) -> str:
        return "".join(f"{prefix}{n}@example.test:{{PLAIN}}{PASSWORD}::::::{extra}\n"
                       for prefix, count, extra in self.KINDS.values() for n in range(1, count + 1))

    def add_user(self, kind: str = "plain") -> User:
        """A fresh, empty account of this kind."""
        prefix, count, _ = self.KINDS[kind]
        n = next(self.numbers[kind])
        assert n <= count, f"more than {count} {kind} accounts: raise the count in tests/dovecot.py"
        return User(f"{prefix}{n}@example.test", PASSWORD, self)

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def _config(self) -> str:
        root = self.root
        if os.geteuid() == 0:
            internal, login, group = "dovecot", "dovenull", "dovecot"
        else:
            me = pwd.getpwuid(os.geteuid())
            internal = login = me.pw_name
            import grp

            group = grp.getgrgid(os.getegid()).gr_name
        return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
default_internal_user = {internal}
default_login_user = {login}
default_internal_group = {group}
first_valid_uid = 1
disable_plaintext_auth = no
auth_mechanisms = plain
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
auth_cache_size = 0
mail_fsync = never
mail_max_userip_connections = 200
mail_plugins = quota
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = {root}/passwd
  default_fields = uid={internal} gid={group} home={root}/home/%u
}}
plugin {{
  quota = count:User quota
  quota_vsizes = yes
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Junk {{
    special_use = \\Junk
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
  mailbox Archive {{
    special_use = \\Archive
    auto = subscribe
  }}
  # exist only where a test creates them: folder names in other languages
  mailbox "Gesendete Elemente" {{
    special_use = \\Sent
  }}
  mailbox "Éléments archivés" {{
    special_use = \\Archive
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
  chroot =
}}
service anvil {{
  chroot =
  # no auth penalty: every test logs in from 127.0.0.1, and some with a wrong password on purpose
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


class CuttingProxy:
    """A TCP relay on 127.0.0.1 that drops a connection once the server has sent `cut_at`
    bytes through it, `times` times; TLS passes through untouched. `sizes` records how
    many bytes the server sent on each connection (to pick a cut in the middle of a FETCH)."""

    def __init__(self, target_port: int, cut_at: int | None = None, times: int = 1):
        self.target_port, self.cut_at, self.times = target_port, cut_at, times
        self.sizes: list[int] = []
        self.cuts = 0
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket):
        server = socket.create_connection(("127.0.0.1", self.target_port))
        index = len(self.sizes)
        self.sizes.append(0)
        cut = self.cut_at is not None and self.cuts < self.times
        if cut:
            self.cuts += 1

        def pump(src, dst, counting):
            try:
                while True:
                    data = src.recv(16384)
                    if not data:
                        break
                    if counting:
                        if cut and self.sizes[index] + len(data) > self.cut_at:
                            dst.sendall(data[: self.cut_at - self.sizes[index]])
                            break
                        self.sizes[index] += len(data)
                    dst.sendall(data)
            except OSError:
                pass
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        threading.Thread(target=pump, args=(client, server, False), daemon=True).start()
        pump(server, client, True)

    def close(self):
        self.listener.close()


# -- fixtures (imported by the tests/test_imap*.py modules) ---------------------------------

def load_sample(user: User) -> None:
    """The sample Takeout export, filed as a mail client would: sent mail in Sent."""
    import mailbox

    from tests.conftest import SAMPLE_MBOX

    inbox, sent = [], []
    for m in mailbox.mbox(str(SAMPLE_MBOX)):
        (sent if "Sent" in str(m.get("X-Gmail-Labels", "")) else inbox).append(m.as_bytes())
    user.append("INBOX", inbox)
    user.append("Sent", sent)


_server: Dovecot | None = None


def _the_server() -> Dovecot:
    """One Dovecot for the whole test session, however many modules use it."""
    global _server
    if _server is None:
        import atexit

        _server = Dovecot(require_dovecot()).start()
        atexit.register(_server.stop)
    return _server


@pytest.fixture
def dovecot() -> Dovecot:
    return _the_server()


class MemoryKeyring:
    """Stands in for the system keyring: tests never touch the real one."""

    def __init__(self):
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1
            store: dict = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                self.store.pop((service, username), None)

        self.backend = Backend()
        self.backend.store = {}

    @property
    def store(self) -> dict:
        return self.backend.store


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring

    fake = MemoryKeyring()
    before = keyring.get_keyring()
    keyring.set_keyring(fake.backend)
    monkeypatch.delenv("FOLLOWUP_IMAP_PASSWORD", raising=False)
    yield fake
    keyring.set_keyring(before)


@pytest.fixture
def account(dovecot, memory_keyring, tmp_path):
    """A fresh Dovecot account, config.toml trusting the test CA, its password in the keyring."""
    return use_account(dovecot.add_user(), memory_keyring, tmp_path)


def use_account(user: User, memory_keyring, tmp_path, **imap) -> User:
    from assistant.mailbox.imap import KEYRING_SERVICE

    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    table = {"tls_ca_file": str(user.server.ca_file), **imap}
    lines = ["[imap]"] + [f"{k} = {_toml(v)}" for k, v in table.items()]
    (config / "config.toml").write_text("\n".join(lines) + "\n")
    memory_keyring.store[(KEYRING_SERVICE, f"{user.name}@127.0.0.1:{user.server.imaps_port}")] = user.password
    return user


def _toml(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


@pytest.fixture
def opened(monkeypatch) -> list:
    """Every ImapMailbox the CLI opens, to read the commands it sent."""
    from assistant.mailbox import imap

    made = []
    real = imap.ImapMailbox.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(imap.ImapMailbox, "__init__", init)
    return made


def followup(*args, input=None, today: str = "2026-03-12"):
    from click.testing import CliRunner

    from assistant.cli import main

    return CliRunner().invoke(main, ["--today", today, *args], input=input, catch_exceptions=False)
