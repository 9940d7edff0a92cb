"""What the candidate wrote down the evening after an interview (the advice's step 1).

Stored as one readable TOML file per thread in the user data directory. Drafts read it:
a thank-you improves the answer the user flagged, uses a detail the interviewer shared and
asks the questions that came up afterwards.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from pathlib import Path

from assistant.errors import FollowupError
from assistant.promises import Promise, find_promise


@dataclass(frozen=True)
class BetterAnswer:
    question: str
    answer: str  # the better answer, worked out afterwards


@dataclass(frozen=True)
class Debrief:
    thread_id: str
    interview_day: date | None = None
    interviewers: tuple[str, ...] = ()  # names of the people met
    details: tuple[str, ...] = ()  # what they shared about the team or the job
    unprepared: tuple[str, ...] = ()  # questions I had not prepared for
    improve: tuple[BetterAnswer, ...] = ()  # answers I want to improve
    went_well: tuple[str, ...] = ()
    went_badly: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()  # questions that came up afterwards
    timeline: str = ""  # what they said out loud about when I will hear ("by Friday")
    notes: str = ""
    extra: dict = field(default_factory=dict, compare=False)


# --------------------------------------------------------------------------------------
# Where a debrief lives, and reading and writing it
# --------------------------------------------------------------------------------------

_LISTS = ("interviewers", "details", "unprepared", "went_well", "went_badly", "questions")
_TEXTS = ("timeline", "notes")
_KNOWN = {f.name for f in fields(Debrief)} - {"extra"}


def debrief_path(thread_id: str) -> Path:
    """One TOML file per thread, named by the thread id, in the user data directory."""
    from assistant.config import data_dir

    if not re.fullmatch(r"[A-Za-z0-9._-]+", thread_id) or thread_id.startswith("."):
        raise FollowupError(f"'{thread_id}' cannot name a debrief file")
    return data_dir() / "debriefs" / f"{thread_id}.toml"


def rejected_path(thread_id: str) -> Path:
    """Beside the debrief: the last edit that could not be read, kept so no words are lost."""
    return debrief_path(thread_id).with_suffix(".rejected")


def previous_path(thread_id: str) -> Path:
    """Beside the debrief: the version the last save replaced, so it can always be recovered."""
    return debrief_path(thread_id).with_suffix(".previous.toml")


def broken_path(thread_id: str) -> Path:
    """A free name beside the debrief for an unreadable one: <id>.broken.toml, then .broken-2.toml..."""
    path = debrief_path(thread_id)
    number = 1
    while True:
        aside = path.with_suffix(".broken.toml" if number == 1 else f".broken-{number}.toml")
        if not os.path.lexists(aside):
            return aside
        number += 1


def set_aside(thread_id: str) -> Path:
    """Move an unreadable debrief out of the way, never deleting it; where it went."""
    path = debrief_path(thread_id)
    aside = broken_path(thread_id)
    try:
        os.rename(path, aside)
    except OSError as e:
        raise FollowupError(f"cannot move the unreadable debrief {path} aside to {aside}: "
                            f"{e.strerror or e}") from None
    return aside


def unreadable_text(path: Path) -> str:
    """Whatever can be shown of an unreadable debrief file, for the user to copy from."""
    try:
        return path.read_bytes().decode("utf-8", errors="replace") if path.is_file() else ""
    except OSError:
        return ""


def over_unreadable(text: str, broken: UnreadableDebrief, aside: Path) -> str:
    """The editor text, told that the saved file is unreadable, with that file's words as comments."""
    old = unreadable_text(broken.path).rstrip("\n")
    head = (f"# YOUR SAVED DEBRIEF CANNOT BE READ ({broken.reason}).\n"
            f"# Saving this moves it aside to {aside}; quitting without saving leaves it as it is.\n"
            + ("# Its text is at the end of this file, as comments: copy what you need into the sections.\n"
               if old else ""))
    tail = ("\n# ---- The unreadable debrief, as it was (these # lines are ignored) ----\n"
            + "".join(f"# | {line}\n" for line in old.split("\n"))) if old else ""
    return head + text + tail


class UnreadableDebrief(FollowupError):
    """The saved debrief file exists but cannot be read: bad TOML, wrong types or values,
    not a regular file, no permission, not UTF-8. Scanning treats it as no debrief; the
    `debrief` command sets it aside (see set_aside) before saving a fresh one."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = " ".join(reason.split())  # always one line
        super().__init__(f"debrief {path} cannot be read: {self.reason}")


def load_debrief(thread_id: str) -> Debrief | None:
    """The saved debrief of a thread, or None when there is none yet.

    A file that is there but cannot be read raises UnreadableDebrief, and nothing else.
    """
    try:
        path = debrief_path(thread_id)
    except FollowupError:  # no file can carry that name, so none was ever saved
        return None
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # nothing saved there; saving will say why
        return None
    except OSError as e:
        raise UnreadableDebrief(path, e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableDebrief(path, "a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableDebrief(path, "not a regular file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:  # removed since the stat
        return None
    except OSError as e:
        raise UnreadableDebrief(path, e.strerror or str(e)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableDebrief(path, "not UTF-8 text") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise UnreadableDebrief(path, f"not valid TOML: {e}") from None
    except (RecursionError, ValueError, TypeError) as e:  # tomllib on pathological input
        raise UnreadableDebrief(path, f"not valid TOML: {e}") from None
    return _from_table(raw, thread_id, path)


def _from_table(raw: dict, thread_id: str, path: Path) -> Debrief:
    """Check every known key's type; keys this version does not know are kept in `extra`."""

    def bad(key: str, want: str) -> UnreadableDebrief:
        return UnreadableDebrief(path, f"'{key}' must be {want}")

    values: dict = {"thread_id": thread_id}
    day = raw.get("interview_day")
    if isinstance(day, str) and day.strip():
        try:
            day = date.fromisoformat(day.strip())
        except ValueError:
            raise bad("interview_day", "a date like 2026-03-11") from None
    if day in (None, ""):
        day = None
    elif type(day) is not date:
        raise bad("interview_day", "a date like 2026-03-11")
    values["interview_day"] = day
    for key in _LISTS:
        items = raw.get(key, [])
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise bad(key, "a list of strings")
        values[key] = tuple(items)
    for key in _TEXTS:
        text = raw.get(key, "")
        if not isinstance(text, str):
            raise bad(key, "a string")
        values[key] = text
    improve = raw.get("improve", [])
    if not isinstance(improve, list) or not all(
        isinstance(t, dict) and isinstance(t.get("question", ""), str) and isinstance(t.get("answer", ""), str)
        for t in improve
    ):
        raise bad("improve", 'a list of tables with question = "..." and answer = "..."')
    values["improve"] = tuple(BetterAnswer(t.get("question", ""), t.get("answer", "")) for t in improve)
    values["extra"] = {k: v for k, v in raw.items() if k not in _KNOWN}
    return Debrief(**values)


def save_debrief(debrief: Debrief) -> Path:
    """Write the debrief as readable TOML, atomically: a reader sees the old file or the new one."""
    path = debrief_path(debrief.thread_id)
    table: dict = {"thread_id": debrief.thread_id}
    if debrief.interview_day:
        table["interview_day"] = debrief.interview_day
    for key in _LISTS:
        table[key] = list(getattr(debrief, key))
    for key in _TEXTS:
        table[key] = getattr(debrief, key)
    table.update({k: v for k, v in debrief.extra.items() if k not in table and k != "improve"})
    table["improve"] = [{"question": b.question, "answer": b.answer} for b in debrief.improve]
    header = (f"# Debrief of thread {debrief.thread_id}, written by `followup debrief`.\n"
              f"# Edit it with `followup debrief {debrief.thread_id}`; comments here are not kept.\n\n")
    text = header + dumps_toml(table)
    _keep_previous(path, previous_path(debrief.thread_id))
    _write_atomically(path, text)
    return path


def _keep_previous(path: Path, previous: Path) -> None:
    """Copy the file a save is about to replace to `previous` (replacing an older one)."""
    try:
        if not path.is_file():
            return
        data = path.read_bytes()
    except OSError as e:
        raise FollowupError(f"cannot keep the previous version of {path}: {e.strerror or e}") from None
    _write_atomically(previous, data)


def _write_atomically(path: Path, text: str | bytes) -> None:
    """Never a half-written file, never through a link (assistant/safefiles.py)."""
    from assistant.safefiles import write_atomic

    write_atomic(path, text)


def keep_rejected(thread_id: str, text: str) -> Path:
    """Keep text that could not be saved: beside the debrief, else in the temp directory."""
    try:
        path = rejected_path(thread_id)
        _write_atomically(path, text)
        return path
    except FollowupError:
        fd, name = tempfile.mkstemp(prefix=f"followup-debrief-{thread_id}-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return Path(name)


def run_editor(text: str, extension: str = ".md") -> tuple[str | None, int]:
    """Open $VISUAL or $EDITOR on `text`: (the file's text afterwards, or None when it was
    not saved; the editor's exit status). Unlike click.edit, the file is read back whatever
    the exit status, so words written before an editor fails (vim's :cq) are not lost."""
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    fd, name = tempfile.mkstemp(prefix="followup-debrief-", suffix=extension)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        before = os.stat(name).st_mtime_ns
        try:
            status = subprocess.call(f'{editor} "{name}"', shell=True)
        except OSError as e:
            raise FollowupError(f"{editor}: cannot start the editor ({e.strerror or e})") from None
        if os.stat(name).st_mtime_ns == before:
            return None, status
        with open(name, "rb") as f:
            return f.read().decode("utf-8-sig", errors="replace"), status
    finally:
        try:
            os.unlink(name)
        except OSError:
            pass


def read_edit(thread_id: str, text: str, previous: Debrief | None = None) -> Debrief:
    """What the user wrote, merged into the saved debrief (see merge); nothing is saved yet.

    When the text cannot be read it is kept (see keep_rejected) and the one-line error says where.
    """
    try:
        debrief, present = parse_sections(text, thread_id)
    except FollowupError as e:
        raise FollowupError(f"debrief not saved: {e}; your text is kept {keep_or_say(thread_id, text)}") from None
    return merge(previous, debrief, present)


def merge(saved: Debrief | None, written: Debrief, present: frozenset[str]) -> Debrief:
    """The saved debrief with each section whose heading the text has replaced by the text's.

    A section the text does not mention keeps its saved value; a heading with nothing
    under it clears that section.
    """
    if saved is None:
        return written
    return replace(saved, **{key: getattr(written, key) for key in present})


def removed_sections(old: Debrief, new: Debrief) -> tuple[str, ...]:
    """The titles of the sections in which something saved in `old` is gone from `new`."""
    gone = []
    for s in SECTIONS:
        before, after = getattr(old, s.key), getattr(new, s.key)
        if s.kind in ("list", "answers"):
            lost = any(item not in after for item in before)
        elif s.kind == "text":
            lost = bool(before.strip()) and before.strip() != after.strip()
        else:
            lost = before is not None and before != after
        if lost:
            gone.append(s.title)
    return tuple(gone)


def store(debrief: Debrief, text: str, previous: Debrief | None = None) -> Debrief | None:
    """Save a debrief unless it is empty, carrying over keys a newer version wrote (`extra`).

    `text` is what the user wrote; it is kept if the file cannot be written.
    """
    if is_empty(debrief):
        return None
    if previous is not None:
        debrief = replace(debrief, extra=previous.extra)
    try:
        save_debrief(debrief)
    except FollowupError as e:
        raise FollowupError(f"debrief not saved: {e}; your text is kept {keep_or_say(debrief.thread_id, text)}") from None
    return debrief


def discard_rejected(thread_id: str) -> None:
    """Once a rejected text has been fixed and saved, it is no longer needed."""
    try:
        rejected_path(thread_id).unlink(missing_ok=True)
    except OSError:
        pass


def pending_rejected(thread_id: str) -> tuple[str, str] | None:
    """A rejected edit newer than the saved debrief, and why it was rejected: edit it again."""
    path = rejected_path(thread_id)
    try:
        if debrief_path(thread_id).exists() and path.stat().st_mtime < debrief_path(thread_id).stat().st_mtime:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        parse_debrief_text(text, thread_id)
    except FollowupError as e:
        return text, str(e)
    return text, "it was not saved"


def keep_or_say(thread_id: str, text: str) -> str:
    try:
        return f"in {keep_rejected(thread_id, text)}"
    except OSError as e:
        return f"nowhere: that failed too ({e.strerror or e}); copy it from your editor"


def is_empty(debrief: Debrief) -> bool:
    """Nothing written in any section (an interview day alone is not a debrief)."""
    return not any(getattr(debrief, key) for key in (*_LISTS, *_TEXTS, "improve"))


def spoken_promise(debrief: Debrief, day: date | None = None) -> Promise | None:
    """The timeline said out loud ("we'll decide by Friday"), dated to the interview day."""
    day = day or debrief.interview_day
    if not debrief.timeline.strip() or day is None:
        return None
    return find_promise(debrief.timeline, day)


def default_interview_day(interviews, today: date) -> date:
    """The latest interview on or before today (the one being debriefed), else today."""
    past = [i.start.date() for i in interviews if i.start.date() <= today]
    return max(past) if past else today


def new_debrief(process, today: date) -> Debrief:
    """What the tool already knows: the interview day and the interviewers in the thread."""
    return Debrief(
        thread_id=process.id,
        interview_day=default_interview_day(process.interviews, today),
        interviewers=tuple(c.name for c in process.contacts if c.role == "interviewer" and c.name),
    )


def to_json(debrief: Debrief) -> dict:
    """The debrief for scripts, with the spoken timeline read as a date."""
    promise = spoken_promise(debrief)
    return {
        "thread_id": debrief.thread_id,
        "interview_day": debrief.interview_day.isoformat() if debrief.interview_day else None,
        **{key: list(getattr(debrief, key)) for key in _LISTS},
        "improve": [{"question": b.question, "answer": b.answer} for b in debrief.improve],
        **{key: getattr(debrief, key) for key in _TEXTS},
        "spoken_promise": None if promise is None else {
            "due": promise.due.isoformat(), "phrase": promise.phrase, "kind": promise.kind},
    }


# --------------------------------------------------------------------------------------
# A small TOML writer: tomllib only reads, and the file should stay pleasant to read
# --------------------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str, multiline: bool = False) -> str:
    """A TOML basic string; text with line breaks becomes a multi-line one, still escaped."""
    def escape(ch: str) -> str:
        if multiline and ch == "\n":
            return "\n"
        if ch in _ESCAPES:
            return _ESCAPES[ch]
        if ord(ch) < 0x20 or ord(ch) == 0x7F:
            return f"\\u{ord(ch):04x}"
        return ch

    body = "".join(escape(ch) for ch in text)
    return f'"""\n{body}"""' if multiline else f'"{body}"'


def _value(value, top: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date, time)):
        return value.isoformat() if isinstance(value, (date, time)) else repr(value)
    if isinstance(value, str):
        return _string(value, multiline=top and "\n" in value.strip("\n"))
    if isinstance(value, (list, tuple)):
        items = [_value(v) for v in value]
        if top and items and sum(len(i) for i in items) > 60:
            return "[\n" + "".join(f"  {i},\n" for i in items) + "]"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_tables(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps_toml(table: dict) -> str:
    """Plain keys first, then [tables] and [[arrays of tables]], one key a line."""
    plain = [(k, v) for k, v in table.items() if not isinstance(v, dict) and not _is_tables(v)]
    out = [f"{_key(k)} = {_value(v, top=True)}\n" for k, v in plain]
    for key, value in table.items():
        if isinstance(value, dict):
            out.append(f"\n[{_key(key)}]\n")
            out.extend(f"{_key(k)} = {_value(v, top=True)}\n" for k, v in value.items())
        elif _is_tables(value):
            for item in value:
                out.append(f"\n[[{_key(key)}]]\n")
                out.extend(f"{_key(k)} = {_value(v, top=True)}\n" for k, v in item.items())
    return "".join(out)


# --------------------------------------------------------------------------------------
# The text the user edits: "## Section" headings, one item a line, "#" lines are guidance
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str  # the Debrief field
    title: str  # the heading the user sees: "## {title}"
    kind: str  # "day", "list", "answers" or "text"
    guide: str  # the comment under the heading; also the prompt's help
    prompt: str  # what to ask, one item at a time, when there is no editor
    ask_guide: str = ""  # the guide at the prompts, when it differs from the editor's


SECTIONS = (
    Section("interview_day", "Interview day", "day",
            "The day you met them, as YYYY-MM-DD.", "Interview day"),
    Section("interviewers", "Interviewers", "list",
            "The people you met, one name a line.", "Interviewer"),
    Section("details", "Details they shared", "list",
            "What they told you about the team or the job. Your thank-you note can use one:\n"
            "it shows you were listening.", "Detail they shared about the team or the job"),
    Section("unprepared", "Questions I had not prepared for", "list",
            "Questions they asked that caught you off guard.", "Question you had not prepared for"),
    Section("improve", "Answers to improve", "answers",
            'Start each question with "Q:" and the better answer you found since with "A:".\n'
            "Your thank-you note can give the better answer.", "Question you want to answer better",
            "A question you answered badly, then the better answer you found since."),
    Section("went_well", "What went well", "list",
            "And why, so you can do it again.", "Something that went well"),
    Section("went_badly", "What went badly", "list",
            "Where you floundered, and what you would do differently.", "Something that went badly"),
    Section("questions", "Questions that came up afterwards", "list",
            "Ask them in your thank-you note.", "Question that came up afterwards"),
    Section("timeline", "Timeline they gave", "text",
            'What they said out loud about when you will hear, in their words ("we\'ll decide by\n'
            'Friday"). It counts as a promise made on the interview day.', "Timeline they gave"),
    Section("notes", "Notes", "text", "Anything else, as free text.", "Notes"),
)

_GUIDE = """\
# Debrief{about}: write it down tonight, while you still remember.
#
# How to fill this in:
# - Lines starting with # are guidance like this one; they are ignored.
# - Under each "## " heading, write one item a line ("- " in front is optional).
#   Indent a line to continue the item above it.
# - Leave a section empty when there is nothing to say.
# - Save and quit to store it; quit without saving to change nothing.
#   A line of your own starting with # must be written \\# to be kept.
"""


def render_text(debrief: Debrief, about: str = "", guide: bool = True) -> str:
    """The editor text for a debrief: every section, with its guidance when `guide`."""
    out = [_GUIDE.format(about=f" for {about}" if about else "")] if guide else []
    for s in SECTIONS:
        value = getattr(debrief, s.key)
        if not guide and not value:
            continue
        out.append(f"\n## {s.title}\n")
        if guide:
            out.extend(f"# {line}\n" for line in s.guide.splitlines())
        if s.kind == "day":
            out.append(f"{value.isoformat()}\n" if value else "")
        elif s.kind == "list":
            out.extend(f"- {_one_line(item)}\n" for item in value)
        elif s.kind == "answers":
            for b in value:
                out.append(f"Q: {_one_line(b.question)}\nA: {_one_line(b.answer)}\n")
            if guide and not value:
                out.append("# Q: Why do you want to leave your current job?\n"
                           "# A: I have built the reporting from scratch; now I want to ...\n")
        else:
            out.extend(f"\\{line}\n" if line.startswith("#") else f"{line}\n" for line in value.splitlines())
    return "".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _heading(title: str) -> Section | None:
    want = " ".join(title.strip().rstrip(":").lower().replace("_", " ").split())
    for s in SECTIONS:
        if want in (s.title.lower(), s.key.replace("_", " ")):
            return s
    return None


_BULLET = re.compile(r"^(?:[-*•]|\d+[.)])(?:\s+|$)")


def parse_debrief_text(text: str, thread_id: str = "") -> Debrief:
    """Read the edited text back. A mistake is a FollowupError naming the line."""
    return parse_sections(text, thread_id)[0]


def parse_sections(text: str, thread_id: str = "") -> tuple[Debrief, frozenset[str]]:
    """Read the edited text back, with the keys of the sections whose heading it has."""
    lines: dict[str, list[tuple[int, str]]] = {s.key: [] for s in SECTIONS}
    present: set[str] = set()
    current: Section | None = None
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = line.rstrip()
        if line.startswith("## "):
            current = _heading(line[3:])
            if current is None:
                names = ", ".join(f'"## {s.title}"' for s in SECTIONS)
                raise FollowupError(f"line {number}: unknown section '{line}' (the sections are {names})")
            present.add(current.key)
            continue
        if line.startswith("#"):
            continue
        if line.startswith("\\#"):
            line = line[1:]
        if current is None:
            if line.strip():
                raise FollowupError(f"line {number}: text before the first '## ' heading")
            continue
        lines[current.key].append((number, line))
    values: dict = {"thread_id": thread_id}
    for s in SECTIONS:
        values[s.key] = _READERS[s.kind](lines[s.key])
    return Debrief(**values), frozenset(present)


def _read_day(lines: list[tuple[int, str]]) -> date | None:
    words = [(n, _BULLET.sub("", line.strip())) for n, line in lines if line.strip()]
    if not words:
        return None
    if len(words) > 1:
        raise FollowupError(f"line {words[1][0]}: the interview day is one date, like 2026-03-11")
    number, word = words[0]
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise FollowupError(f"line {number}: the interview day must be a date like 2026-03-11, not '{word}'") from None


def _read_list(lines: list[tuple[int, str]]) -> tuple[str, ...]:
    items: list[str] = []
    for _, line in lines:
        if not line.strip():
            continue
        continues = line[0].isspace() and not _BULLET.match(line.strip())
        if continues and items:
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            items.append(_BULLET.sub("", line.strip()))
    return tuple(item for item in items if item)


_QA = re.compile(r"^(?:[-*•]\s+)?([QA])\s*[:.)]\s?", re.IGNORECASE)


def _read_answers(lines: list[tuple[int, str]]) -> tuple[BetterAnswer, ...]:
    pairs: list[list[str]] = []  # [question, answer]
    side = 0
    for number, line in lines:
        if not line.strip():
            continue
        m = _QA.match(line.strip())
        if m and m.group(1).upper() == "Q":
            pairs.append([line.strip()[m.end():].strip(), ""])
            side = 0
            continue
        if not pairs:
            raise FollowupError(f'line {number}: in "Answers to improve", start each question with "Q:"')
        if m:
            side, line = 1, line.strip()[m.end():]
        pairs[-1][side] = f"{pairs[-1][side]} {line.strip()}".strip()
    return tuple(BetterAnswer(q, a) for q, a in pairs if q or a)


def _read_text(lines: list[tuple[int, str]]) -> str:
    return "\n".join(line for _, line in lines).strip("\n").strip()


_READERS = {"day": _read_day, "list": _read_list, "answers": _read_answers, "text": _read_text}


_SAID = re.compile(r"^\s*(?:from\s+)?(.{1,60}?)\s*(?::|\s[-\u2013\u2014]\s|\s+(?:said|says|told me|mentioned|explained)"
                   r"(?:\s+that)?\s)\s*(.+)$", re.IGNORECASE | re.DOTALL)


def attribution(item: str, names) -> tuple[str | None, str]:
    """Who a note is about and its words: "Priya: the team is rebuilding" -> ("Priya", "the team
    is rebuilding"). Only a name of someone met (full or first name) counts; anything else
    ("Culture: ...") is the user's own words, returned whole."""
    m = _SAID.match(item)
    if m is None:
        return None, item
    who = " ".join(m.group(1).strip("()[] ").split())
    known = {n.lower() for name in names if name for n in (name, name.split()[0])}
    if who.lower() not in known or not m.group(2).strip():
        return None, item
    return who, m.group(2).strip()
