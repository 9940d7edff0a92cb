"""A message over max_message_mb, over IMAP: its header only is fetched (issue 9 item 5).

Against a real Dovecot (tests/dovecot.py): the big message gives the same facts as the same
mail read locally (its date counts, its body is not read), --verbose names it, and no FETCH
ever asks for its body.
"""

from __future__ import annotations

import json

from assistant.mailbox import imap
from tests.dovecot import require_dovecot

require_dovecot()

from tests.dovecot import account, dovecot, followup, memory_keyring, opened  # noqa: E402,F401
from tests.mailmaker import ME  # noqa: E402
from tests.test_big_mail import FIRST, _with_attachment  # noqa: E402

BIG = _with_attachment(1).replace(b"Message-ID: <p1@acme.com>\n",
                                  b"Message-ID: <p1@acme.com>\nIn-Reply-To: <p0@acme.com>\n")


def _limit(tmp_path, mb) -> None:
    """max_message_mb above the [imap] table that the account fixture wrote."""
    config = tmp_path / "config" / "config.toml"
    text = "\n".join(line for line in config.read_text().splitlines() if not line.startswith("max_message_mb"))
    config.write_text(f"max_message_mb = {mb}\n" + text + "\n")


def _run(spec, *extra):
    result = followup("--mailbox", spec, "--me", ME, *extra, "threads", "--json")
    assert result.exit_code == 0, result.output
    return result


def _record_fetches(monkeypatch) -> list[tuple[list[int], str]]:
    seen = []
    real = imap.Connection.fetch

    def fetch(self, uids, items):
        seen.append((list(uids), items))
        return real(self, uids, items)

    monkeypatch.setattr(imap.Connection, "fetch", fetch)
    return seen


def test_a_message_over_the_limit_is_fetched_for_its_header_only(account, opened, tmp_path, monkeypatch):
    _limit(tmp_path, 0.5)
    account.append("INBOX", [FIRST, BIG])
    big_uid = max(uid for uid, _, _ in account.folder("INBOX"))
    mbox = tmp_path / "same.mbox"
    mbox.write_bytes(b"From megan@acme.com Fri Feb 20 10:00:00 2026\n" + FIRST
                     + b"\nFrom megan@acme.com Mon Feb 23 16:00:00 2026\n" + BIG + b"\n")
    fetches = _record_fetches(monkeypatch)

    loud = _run(account.spec(), "--verbose")
    [process] = json.loads(loud.stdout)
    assert process["last_message"]["at"] == "2026-02-23T16:00:00-05:00"  # the big one counts
    assert process["promise"] is None  # its body, where "by Friday" is, was not read
    assert not any(i["source"] == "calendar" for i in process["interviews"])  # nor its invitation
    assert json.loads(_run(str(mbox)).stdout) == [process]  # the same facts as local mail
    [note] = [line for line in loud.stderr.splitlines() if "headers only" in line]
    assert f"INBOX UID {big_uid}: 1 MB, over max_message_mb (0.5): read its headers only" in note

    asked = [items for uids, items in fetches if big_uid in uids]
    assert any("RFC822.SIZE" in items for items in asked)
    assert "(UID BODY.PEEK[HEADER])" in asked
    assert not any("BODY.PEEK[]" in items for items in asked), asked  # never its body
    assert opened[0].fetched["bodies"] == 1 and opened[0].heads_fetched == 1  # FIRST whole, BIG's head

    opened.clear()
    warm = _run(account.spec(), "--verbose")
    assert json.loads(warm.stdout) == [process]
    assert "UID FETCH" not in opened[0].commands  # the header is kept like a body would be
    assert "headers only" in warm.stderr


def test_raising_the_limit_reads_the_whole_message(account, tmp_path):
    _limit(tmp_path, 0.5)
    account.append("INBOX", [FIRST, BIG])
    [small] = json.loads(_run(account.spec()).stdout)
    assert small["promise"] is None
    _limit(tmp_path, 25)
    [large] = json.loads(_run(account.spec()).stdout)
    assert large["promise"]["due"] == "2026-02-27"  # its body is read now
    assert "2026-03-13T10:00:00-04:00" in [i["start"] for i in large["interviews"]]


def test_bodies_are_fetched_in_batches_of_bounded_bytes_and_kept_without_attachments(
        account, tmp_path, monkeypatch):
    """Under the limit too, memory stays bounded: imaplib holds a whole FETCH answer, so a
    FETCH asks for at most BODY_BATCH_BYTES of mail; the cache keeps a body as it parses,
    without its attachment."""
    monkeypatch.setattr(imap, "BODY_BATCH_BYTES", 3 << 20)  # about two of these 1.4 MB messages
    replies = [BIG.replace(b"<p1@acme.com>", f"<p1-{i}@acme.com>".encode()) for i in range(5)]
    account.append("INBOX", [FIRST, *replies])
    fetches = _record_fetches(monkeypatch)
    [process] = json.loads(_run(account.spec()).stdout)
    assert process["promise"]["due"] == "2026-02-27"  # default limit: every body read
    bodies = [uids for uids, items in fetches if items == "(UID BODY.PEEK[])"]
    size = {uid: len(raw) for uid, _, raw in account.folder("INBOX")}
    assert sorted(u for b in bodies for u in b) == sorted(size)  # each body once
    assert all(sum(size[u] for u in b) <= 3 << 20 for b in bodies) and len(bodies) >= 3

    from assistant.mailbox.imap_cache import ImapCache

    cache = ImapCache(f"{account.name}@127.0.0.1:{account.server.imaps_port}")
    assert cache.path.stat().st_size < len(BIG)  # five 1.4 MB messages, kept in less than one
