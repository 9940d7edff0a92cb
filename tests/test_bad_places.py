"""Bad places and bad values are one line and exit 2: never a traceback, never a hang.

An unwritable drafts folder, dates at the ends of the calendar, a FIFO as the mailbox or
where a draft goes, a link to nothing where a draft goes, and empty values for options
that name a date or a file."""

from __future__ import annotations

import os
import threading
import time

import pytest
from click.testing import CliRunner

from assistant.cli import main

DRAFT = "thank-you-thread-19c94874d0882c20-to-daniel.reyes@ledgerline.io.eml"


def _fifo(path):
    os.mkfifo(path)
    return path


def _link_to_nothing(path):
    os.symlink(path.parent / "nowhere", path)
    return path


def _unwritable(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    return blocker / "drafts"  # a folder cannot be made inside a file, even by root


def _read_only(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


# (name, setup(tmp_path) -> extra argv after the global options, words the line must have)
CASES = [
    pytest.param("read-only drafts folder", lambda t: ["sweep", "--drafts-dir", str(_read_only(t))],
                 "drafts folder", marks=pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                                                           reason="root writes anywhere")),
    ("unwritable drafts folder", lambda t: ["sweep", "--drafts-dir", str(_unwritable(t))], "drafts folder"),
    ("unwritable drafts folder, draft", lambda t: ["draft", "thank-you", "ledgerline", "--drafts-dir",
                                                    str(_unwritable(t))], "drafts folder"),
    ("drafts folder is a link to nothing", lambda t: ["sweep", "--drafts-dir", str(_link_to_nothing(t / "d"))],
     "link to nothing"),
    ("today 9999-12-31", lambda t: ["--today", "9999-12-31", "sweep"], "--today must be between"),
    ("today 0001-01-01", lambda t: ["--today", "0001-01-01", "due"], "--today must be between"),
    ("empty today", lambda t: ["--today", "", "threads"], "--today must be a date"),
    ("empty drafts dir", lambda t: ["sweep", "--drafts-dir", ""], "--drafts-dir is empty"),
    ("empty ics", lambda t: ["remind", "--ics", ""], "--ics needs a file name"),
    ("a FIFO as the mailbox", lambda t: ["--mailbox", str(_fifo(t / "mail.mbox")), "threads"],
     "not a file or a folder"),
    ("a FIFO where the draft goes", lambda t: (t.joinpath("d").mkdir(), _fifo(t / "d" / DRAFT),
                                               ["draft", "thank-you", "ledgerline", "--drafts-dir", str(t / "d")])[-1],
     "not a regular file"),
    ("a link to nothing where the draft goes", lambda t: (t.joinpath("d").mkdir(), _link_to_nothing(t / "d" / DRAFT),
                                                          ["draft", "thank-you", "ledgerline", "--drafts-dir",
                                                           str(t / "d")])[-1], "is a link"),
]


def _unblock_fifos(folder, stop):
    """If a run ever blocks opening a FIFO, give it an end of file so the test fails, not hangs."""
    while not stop.wait(5):
        for path in folder.rglob("*"):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
                os.close(fd)
            except OSError:
                pass


@pytest.mark.parametrize("name,setup,words", CASES,
                         ids=[c.values[0] if hasattr(c, "values") else c[0] for c in CASES])
def test_a_bad_place_or_value_is_one_line_and_exit_2(tmp_path, name, setup, words):
    args = setup(tmp_path)
    if "--mailbox" not in args:
        args = ["--mailbox", "sample", *args]
    if "--today" not in args:
        args = ["--today", "2026-03-12", *args]
    stop = threading.Event()
    threading.Thread(target=_unblock_fifos, args=(tmp_path, stop), daemon=True).start()
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, args)
    finally:
        stop.set()
    assert time.monotonic() - started < 5, f"{name}: the run blocked"
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith("note: ")]
    assert len(lines) == 1 and words in lines[0], result.output  # `draft` may add its usual notes
    assert not list(tmp_path.glob("*.eml")) and not list(tmp_path.glob("*.tmp"))


def test_a_fifo_named_like_a_draft_elsewhere_in_the_folder_is_passed_over(tmp_path):
    (tmp_path / "d").mkdir()
    _fifo(tmp_path / "d" / "someone-elses.eml")
    stop = threading.Event()
    threading.Thread(target=_unblock_fifos, args=(tmp_path, stop), daemon=True).start()
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, ["--mailbox", "sample", "--today", "2026-03-12", "draft",
                                           "thank-you", "ledgerline", "--drafts-dir", str(tmp_path / "d")])
    finally:
        stop.set()
    assert time.monotonic() - started < 5
    assert result.exit_code == 0, result.output
    assert result.output.count("created:") == 3
