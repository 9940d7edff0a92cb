"""Settings: a TOML file in the user's config directory, overridden by flags and env vars.

Unknown keys are errors rather than silently ignored: a typo in `default_wait_busines_days`
would otherwise change behaviour with no word said.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import FollowupError

APP = "interview-followup"


def config_dir() -> Path:
    """Where config.toml, token.json and user templates live (FOLLOWUP_CONFIG_DIR wins)."""
    override = os.environ.get("FOLLOWUP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    """Where debriefs and local drafts live (FOLLOWUP_DATA_DIR wins)."""
    override = os.environ.get("FOLLOWUP_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    """Where rebuildable things live: scans, syllable counts, Gmail's cache (FOLLOWUP_CACHE_DIR wins)."""
    override = os.environ.get("FOLLOWUP_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP))


@dataclass(frozen=True)
class Settings:
    me: tuple[str, ...] = ()
    name: str = ""  # my display name in a draft's From: ("" = as the thread knows me)
    mailbox: str | None = None
    default_wait_business_days: int = 10
    timezone: str | None = None
    linkedin_note_limit: int = 200
    min_active_processes: int = 3  # "don't put all your eggs in one basket": status warns below this
    close_after_days: int = 45  # no activity for this long and a process shows as gone quiet
    gmail_query: str | None = None  # None: assistant.mailbox.gmail.DEFAULT_QUERY
    gmail_label: str | None = None  # None: "Follow-up due"
    max_message_mb: float = 25  # bigger messages are read for their headers only (Gmail's own limit)
    imap: dict = field(default_factory=dict, compare=False)  # [imap]: host, user, port, folders, tls_ca_file, starttls
    lint: dict = field(default_factory=dict, compare=False)  # {"disable": [...], "thresholds": {...}}
    source: Path | None = field(default=None, compare=False)


_KEYS = {
    "me": "a list of your email addresses",
    "name": "your name as it should appear in From: (one line, 200 characters at most)",
    "mailbox": "a path to an mbox file, a Maildir or a folder of .eml files",
    "default_wait_business_days": "a whole number of business days",
    "timezone": "an IANA time zone name such as Europe/London",
    "linkedin_note_limit": "the characters LinkedIn allows in a connection note: 200, or 300 with Premium",
    "min_active_processes": "a whole number, 0 or more: status warns when fewer processes are active",
    "close_after_days": "a whole number of days, more than 0: a process with no activity for this long has gone quiet",
    "gmail_query": "a Gmail search query that finds your hiring threads (see docs/gmail.md)",
    "gmail_label": "the name of the Gmail label `followup due --label` puts on overdue threads",
    "max_message_mb": "a number of megabytes, more than 0: bigger messages are read for their headers only",
    "imap": "a table: host, user, port, folders = [...], tls_ca_file, starttls (docs/imap.md; the password is never kept here)",
    "lint": "a table: disable = [rule ids or categories], [lint.thresholds] name = number",
}


def load_settings(path: Path | None = None) -> Settings:
    """Read config.toml; a missing default file is fine, a missing --config file is not."""
    explicit = path is not None
    path = path or config_dir() / "config.toml"
    if not path.exists():
        if explicit:
            raise FollowupError(f"config file not found: {path}")
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise FollowupError(f"cannot read config {path}: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise FollowupError(f"config {path} is not valid TOML: {e}") from None
    return _validate(raw, path)


def _validate(raw: dict, path: Path) -> Settings:
    for key in raw:
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise FollowupError(f"config {path}: unknown key '{key}' (known keys: {known})")

    def bad(key: str) -> FollowupError:
        return FollowupError(f"config {path}: '{key}' must be {_KEYS[key]}")

    me = raw.get("me", ())
    if isinstance(me, str):
        me = (me,)
    if not isinstance(me, (list, tuple)) or not all(isinstance(m, str) and "@" in m for m in me):
        raise bad("me")
    name = raw.get("name", "")
    if not isinstance(name, str) or len(name) > 200 or any(c < " " or c == "\x7f" for c in name):
        raise bad("name")
    mailbox = raw.get("mailbox")
    if mailbox is not None and not isinstance(mailbox, str):
        raise bad("mailbox")
    wait = raw.get("default_wait_business_days", 10)
    if isinstance(wait, bool) or not isinstance(wait, int) or not 0 < wait < 366:
        raise bad("default_wait_business_days")
    tz = raw.get("timezone")
    if tz is not None:
        if not isinstance(tz, str):
            raise bad("timezone")
        check_timezone(tz, f"config {path}: ")
    limit = raw.get("linkedin_note_limit", 200)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= 10000:
        raise bad("linkedin_note_limit")
    min_active = raw.get("min_active_processes", 3)
    if isinstance(min_active, bool) or not isinstance(min_active, int) or min_active < 0:
        raise bad("min_active_processes")
    close_after = raw.get("close_after_days", 45)
    if isinstance(close_after, bool) or not isinstance(close_after, int) or close_after <= 0:
        raise bad("close_after_days")
    max_mb = raw.get("max_message_mb", 25)
    if isinstance(max_mb, bool) or not isinstance(max_mb, (int, float)) or not 0 < max_mb <= 100_000:
        raise bad("max_message_mb")
    lint = _validate_lint(raw.get("lint", {}), path, bad("lint"))
    imap = _validate_imap(raw.get("imap", {}), path, bad("imap"))
    gmail = {}
    for key in ("gmail_query", "gmail_label"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()
                                  or "\n" in value or len(value) > 2000):
            raise bad(key)
        gmail[key] = value.strip() if value else None
    return Settings(
        me=tuple(m.strip().lower() for m in me),
        name=" ".join(name.split()),
        mailbox=os.path.expanduser(mailbox) if mailbox else None,
        default_wait_business_days=wait,
        timezone=tz,
        linkedin_note_limit=limit,
        min_active_processes=min_active,
        close_after_days=close_after,
        gmail_query=gmail["gmail_query"],
        gmail_label=gmail["gmail_label"],
        max_message_mb=max_mb,
        lint=lint,
        imap=imap,
        source=path,
    )


_IMAP_TYPES = {"host": str, "user": str, "port": int, "folders": list, "tls_ca_file": str, "starttls": bool}


def _validate_imap(table, path: Path, bad: FollowupError) -> dict:
    """`[imap]`: the account; a password here is refused, since this file is not a secret store."""
    if not isinstance(table, dict):
        raise bad
    if "password" in table:
        raise FollowupError(f"config {path}: [imap] must not hold a password: run `followup auth imap` "
                            "(system keyring) or set FOLLOWUP_IMAP_PASSWORD")
    for key, value in table.items():
        kind = _IMAP_TYPES.get(key)
        if kind is None or isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
            raise bad
    port = table.get("port", 993)
    if not 0 < port < 65536 or not all(isinstance(f, str) and f for f in table.get("folders", [])):
        raise bad
    if "tls_ca_file" in table:
        table = {**table, "tls_ca_file": os.path.expanduser(table["tls_ca_file"])}
    return dict(table)


def _validate_lint(table, path: Path, bad: FollowupError) -> dict:
    """`[lint]`: rule ids and threshold names are checked against the rules, so a typo is an error."""
    if not isinstance(table, dict) or set(table) - {"disable", "thresholds"}:
        raise bad
    disable = table.get("disable", [])
    if isinstance(disable, str):
        disable = [disable]
    thresholds = table.get("thresholds", {})
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise bad
    if not isinstance(thresholds, dict):
        raise bad
    if not table:
        return {}
    from assistant.lint import LintConfig

    try:
        LintConfig(frozenset(d.lower() for d in disable), dict(thresholds))
    except FollowupError as e:
        raise FollowupError(f"config {path}: {e}") from None
    return {"disable": list(disable), "thresholds": dict(thresholds)}


def check_timezone(name: str, where: str = ""):
    """Return the ZoneInfo for name, or a one-line error naming the bad value."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a folder of zones
        raise FollowupError(f"{where}unknown time zone '{name}'") from None
