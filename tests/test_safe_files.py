"""Files the tool writes are written safely, and a scan's work is not lost to one bad message.

Temporary files have unique names and are created with O_EXCL|O_NOFOLLOW, then renamed;
a link is never written through; leftovers of a killed run are cleaned by the next; the
token is refused when it is a link; the scan cache is JSON in a 0700 folder, never a pickle;
a message the reader chokes on is skipped and the rest of the scan is kept and cached."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
import zlib

import pytest
from click.testing import CliRunner

from assistant import safefiles
from assistant.cli import main
from assistant.errors import FollowupError
from tests.conftest import SAMPLE_MBOX, one_line_error


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_concurrent_writers_never_collide_on_a_temporary_name(tmp_path):
    target = tmp_path / "ledger.json"
    errors: list = []

    def write(n):
        try:
            for i in range(20):
                safefiles.write_atomic(target, json.dumps({"writer": n, "i": i, "pad": "x" * 5000}))
        except Exception as e:  # noqa: BLE001 - any failure is the finding
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert json.loads(target.read_text())["pad"] == "x" * 5000  # whole, never half a file
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.json"]  # no temporary left
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_link_is_never_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's file\n")
    link = tmp_path / "draft.eml"
    link.symlink_to(victim)
    with pytest.raises(FollowupError, match="symbolic link"):
        safefiles.write_atomic(link, "overwritten?")
    assert victim.read_text() == "the user's file\n" and link.is_symlink()


def test_leftovers_of_a_killed_run_are_cleaned_by_the_next_and_a_live_runs_are_not(tmp_path):
    drafts = tmp_path / "d"
    drafts.mkdir()
    dead = drafts / f".thank-you.eml.{_dead_pid()}-0123abcd.tmp"
    live = drafts / f".thank-you.eml.{os.getpid()}-89abcdef.tmp"
    mine = drafts / "notes.tmp"  # not the tool's naming: never touched
    older = drafts / ".followup-k2j4h5g6.tmp"  # an earlier version's temporary name, hours old
    (tmp_path / "config").mkdir()
    (tmp_path / "data").mkdir()
    token = tmp_path / "config" / f".token.json.{_dead_pid()}-0badf00d.tmp"
    ledger = tmp_path / "data" / f".gmail-drafts-default.json.{_dead_pid()}-00c0ffee.tmp"
    for p in (dead, live, mine, older, token, ledger):
        p.write_text("half a draft")
    os.utime(older, (0, 10**9))
    result = CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-12", "draft",
                                       "thank-you", "ledgerline", "--drafts-dir", str(drafts)])
    assert result.exit_code == 0, result.output
    assert not dead.exists() and not older.exists() and live.exists() and mine.exists()
    assert not token.exists() and not ledger.exists()  # the tool's own folders, too
    assert len(list(drafts.glob("*.eml"))) == 3


def test_a_symlinked_token_is_refused_with_a_message_and_left_alone(tmp_path):
    from tests.gmail_fixtures import write_token

    real = write_token(tmp_path / "elsewhere")
    before = real.read_bytes()
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "token.json").symlink_to(real)
    line = one_line_error(CliRunner().invoke(main, ["--mailbox", "gmail", "threads"]))
    assert "token.json is a symbolic link" in line

    from assistant import gmail_auth

    with pytest.raises(FollowupError, match="symbolic link"):
        gmail_auth.write_private(gmail_auth.token_path(), "{}")
    assert real.read_bytes() == before and (tmp_path / "config" / "token.json").is_symlink()


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_CACHE_DIR", str(tmp_path / "cache"))
    mbox = tmp_path / "mail.mbox"
    shutil.copy(SAMPLE_MBOX, mbox)
    return mbox


def _threads(mbox, *extra):
    result = CliRunner().invoke(main, ["--mailbox", str(mbox), "--today", "2026-03-12", *extra,
                                       "threads", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_scan_cache_is_json_in_a_private_folder_and_a_planted_pickle_is_never_loaded(own_cache, tmp_path):
    from assistant.mailbox import scancache

    folder = scancache.cache_folder()
    folder.mkdir(parents=True)
    planted = scancache._cache_file(own_cache).with_name(scancache._cache_file(own_cache).name
                                                         .replace(".json.z", ".pickle"))
    proof = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(proof), "w"))

    planted.write_bytes(pickle.dumps(Evil()))
    first = _threads(own_cache)
    assert not proof.exists() and not planted.exists()
    files = list(folder.iterdir())
    assert [f.suffixes for f in files] == [[".json", ".z"]]
    data = json.loads(zlib.decompress(files[0].read_bytes()))
    assert data["messages"] and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600

    # The next run is answered from it: the reader is not needed, and the answer is the same.
    import assistant.mailbox.local as local

    def no_parsing(raw):
        raise AssertionError("parsed again although the cache was fresh")

    original, local.parse_message = local.parse_message, no_parsing
    try:
        assert _threads(own_cache) == first
    finally:
        local.parse_message = original


def test_one_message_that_breaks_the_reader_is_skipped_and_the_rest_is_kept(own_cache, monkeypatch):
    import assistant.mailbox.local as local

    original = local.parse_message

    def choke_on_quillstone(raw):
        if b"quillstone" in raw.lower() and b"by Friday" in raw:
            raise RuntimeError("a reader bug")
        return original(raw)

    monkeypatch.setattr(local, "parse_message", choke_on_quillstone)
    result = CliRunner().invoke(main, ["--mailbox", str(own_cache), "--today", "2026-03-12", "--verbose",
                                       "threads", "--json"])
    assert result.exit_code == 0, result.output
    companies = {p["company"] for p in json.loads(result.stdout)}
    assert {"Ledgerline", "Pinecrest Outfitters"} <= companies
    assert "could not be read (RuntimeError)" in result.stderr

    from assistant.mailbox import scancache
    from assistant.mailbox.local import LocalMailbox

    reading = LocalMailbox(str(own_cache)).reading
    assert scancache.load(own_cache, reading) is not None  # the run's work is kept for the next one


def test_a_run_killed_while_writing_the_cache_leaves_the_old_one_whole(own_cache, monkeypatch):
    from assistant.mailbox import scancache

    first = _threads(own_cache)
    target = scancache._cache_file(own_cache)
    before = target.read_bytes()
    os.utime(own_cache, (0, 10**9))  # the mbox "changed": the next run scans and stores again

    def killed(fd):
        raise KeyboardInterrupt  # as Ctrl-C between writing and renaming

    monkeypatch.setattr(os, "fsync", killed)
    result = CliRunner().invoke(main, ["--mailbox", str(own_cache), "--today", "2026-03-12", "threads"])
    monkeypatch.undo()
    assert result.exit_code == 1 and "Aborted" in result.output  # click's answer to Ctrl-C
    assert target.read_bytes() == before  # never half a file
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
    assert _threads(own_cache) == first


def test_the_imap_cache_loads_only_a_pickle_this_user_sealed(tmp_path, monkeypatch):
    from assistant.mailbox.imap_cache import ImapCache

    monkeypatch.setenv("FOLLOWUP_CACHE_DIR", str(tmp_path / "cache"))
    cache = ImapCache("me@imap.example")
    cache.folder("INBOX", 7).uidnext = 42
    cache.save()
    assert ImapCache("me@imap.example").folders["INBOX"].uidnext == 42
    assert stat.S_IMODE(cache.path.parent.stat().st_mode) == 0o700

    sealed = cache.path.read_bytes()
    cache.path.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))  # one bit changed
    assert ImapCache("me@imap.example").folders == {}

    proof = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(proof), "w"))

    cache.path.write_bytes(pickle.dumps(Evil()))  # planted by anything that can write the cache
    assert ImapCache("me@imap.example").folders == {} and not proof.exists()
