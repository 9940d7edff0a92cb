"""Lint a follow-up email for length, readability, tone, structure, timing and placeholders.

Pure: text in, a `Report` out; nothing printed, nothing fetched. The draft writer calls
`lint()` on what it renders and `strip_directives()` on what it saves; the CLI
(`followup lint`) only formats the report. Rules, with their reasons and sources, are
data in `rules.py` and are listed in docs/lint-rules.md.
"""

from __future__ import annotations

import math

from dataclasses import dataclass, field
from datetime import date

from assistant.errors import FollowupError
from assistant.lint.document import strip_directives
from assistant.lint.metrics import Metrics
from assistant.lint.rules import BY_ID, CATEGORIES, KINDS, RULES, THRESHOLDS, Rule, enabled, known

__all__ = [
    "lint", "Report", "Finding", "Metrics", "LintContext", "LintConfig", "strip_directives",
    "guess_kind", "RULES", "KINDS", "CATEGORIES", "THRESHOLDS",
]


@dataclass(frozen=True)
class LintContext:
    """What the thread knows (`followup lint --thread`); every field optional."""

    today: date | None = None
    wait_until: date | None = None
    followups_since_reply: int = 0
    interview_day: date | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class LintConfig:
    """Rules or categories switched off, and thresholds changed (names in rules.THRESHOLDS)."""

    disable: frozenset[str] = frozenset()
    thresholds: dict = field(default_factory=dict)

    def __post_init__(self):
        bad = sorted(d for d in self.disable if not known(d))
        if bad:
            raise FollowupError(f"lint: unknown rule or category '{bad[0]}' (see docs/lint-rules.md)")
        for name, value in self.thresholds.items():
            if name not in THRESHOLDS:
                known_names = ", ".join(sorted(THRESHOLDS))
                raise FollowupError(f"lint: unknown threshold '{name}' (known: {known_names})")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise FollowupError(f"lint: threshold '{name}' must be a number of 0 or more")

    @classmethod
    def from_settings(cls, settings) -> "LintConfig":
        """From config.toml's `[lint]` table and `linkedin_note_limit`."""
        table = getattr(settings, "lint", None) or {}
        thresholds = dict(table.get("thresholds", {}))
        limit = getattr(settings, "linkedin_note_limit", None)
        if limit and "linkedin_note_limit" not in thresholds:
            thresholds["linkedin_note_limit"] = limit
        return cls(frozenset(d.lower() for d in table.get("disable", ())), thresholds)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    line: int
    column: int
    message: str
    why: str
    suggestion: str

    def to_json(self) -> dict:
        return {"rule": self.rule, "category": self.category, "severity": self.severity,
                "line": self.line, "column": self.column, "message": self.message,
                "why": self.why, "suggestion": self.suggestion}


@dataclass(frozen=True)
class Report:
    kind: str
    metrics: Metrics
    findings: tuple[Finding, ...]
    note: str = ""  # set when line numbers are not the file's (a transfer-encoded email body)

    @property
    def has_errors(self) -> bool:
        """Errors decide the exit code (1), never the number of findings."""
        return any(f.severity == "error" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_json(self, file: str | None = None) -> dict:
        return {"file": file, "kind": self.kind, "metrics": self.metrics.to_json(),
                "findings": [f.to_json() for f in self.findings],
                "positions": "decoded body" if self.note else "file", "note": self.note}


def guess_kind(text: str) -> str:
    """The kind of follow-up a text is (`--kind auto`), or "other"."""
    from assistant.lint.checks import guess_kind as guess
    from assistant.lint.document import parse

    return guess(parse(text))


def lint(text: str, kind: str = "auto", context: LintContext | None = None,
         config: LintConfig | None = None) -> Report:
    """Lint one draft: plain text, or a whole email (.eml) whose body and subject are read apart
    from its headers. Quoted history and the signature are left out; findings are sorted."""
    from assistant.lint.checks import CHECKS, Facts, guess_kind as guess
    from assistant.lint.document import parse
    from assistant.lint.metrics import measure

    if kind != "auto" and kind not in KINDS and kind != "other":
        raise FollowupError(f"lint: unknown kind '{kind}' (one of: auto, {', '.join(KINDS)})")
    config = config or LintConfig()
    doc = parse(text)
    metrics = measure(doc)
    if kind == "auto":
        kind = guess(doc)
    disabled = set(config.disable)
    unknown = []
    for name, line, col in doc.disabled:
        (disabled.add(name) if known(name) else unknown.append((name, line, col)))
    ctx = context or LintContext()
    facts = Facts(doc=doc, metrics=metrics, kind=kind, thresholds={**THRESHOLDS, **config.thresholds},
                  today=ctx.today, wait_until=ctx.wait_until,
                  followups_since_reply=ctx.followups_since_reply, interview_day=ctx.interview_day,
                  people=tuple(ctx.people), has_thread=context is not None)
    findings: list[Finding] = []
    for check in CHECKS:
        for hit in check(facts):
            rule = BY_ID[hit.rule]
            if not enabled(rule.id, disabled) or (rule.kinds and kind not in rule.kinds):
                continue
            line, col = hit.at or doc.position(hit.offset)
            findings.append(_finding(rule, line, col, {"kind": kind, **hit.fields}))
    for name, line, col in unknown:
        if enabled("structure.unknown-directive", disabled):
            findings.append(_finding(BY_ID["structure.unknown-directive"], line, col, {"match": name}))
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return Report(kind=kind, metrics=metrics, findings=tuple(dict.fromkeys(findings)), note=doc.note)


def _finding(rule: Rule, line: int, col: int, fields: dict) -> Finding:
    return Finding(rule=rule.id, category=rule.category, severity=rule.severity, line=line,
                   column=col, message=_fill(rule.message, fields),
                   why=f"{rule.why}. Source: {rule.source}", suggestion=_fill(rule.suggestion, fields))


def _fill(template: str, fields: dict) -> str:
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template
