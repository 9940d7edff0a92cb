"""Read when a company said the candidate will hear back into one date.

The rules are /work/shared/PROMISES.md; the numbers in comments below ("rule 7") refer
to them. The cue phrases are data, in `promise_cues.py`. The reader works one sentence
at a time (a question gives no promise unless it quotes one, and a sentence without a
hearing-back word is skipped before any date pattern runs):

1. find every time expression (the `_RULES` table: a pattern and a function that
   turns a match into a date) and keep the longest where they overlap; time that has
   passed ("it's been two weeks"), lower bounds ("not until Friday", rule 16) and
   words quoted as *not* said are no timeframe;
2. find the cue phrases around them: hearing-back cues ("we'll be in touch", "she said
   they'd decide", "decisions are made"), the cues of rule 13 that make a date
   something else (a deadline for the candidate, an interview's length, a start
   date), and the candidate's own plans and hopes (rule 21). Where a promise is
   recalled ("I originally said Friday"), a correction ("let's say Tuesday instead")
   is a hearing-back cue too (rule 15); a sentence about someone else's promise ("my
   friend was told two weeks") gives none unless it also names one made to me;
3. a time expression belongs to the nearest cue before it in its clause, else the
   first after it there; failing both, the nearest before it in the sentence, else
   the first after ("By Friday, we'll let you know"). A hearing-back cue takes only
   the first expression it owns (rule 14), but a second bound joined to it ("Friday,
   or Monday at the latest", "by Thursday, but Monday at the very latest") counts too
   (rule 20). Cues for the end of their process ("interviews wrap up this month")
   count only where no cue in the sentence says when the candidate hears.

When several sentences make a promise, the latest date wins: the candidate should
not chase before every date they were given has passed. Rejections give no promise.
"""

from __future__ import annotations

import bisect
import datetime
import math
import re
from dataclasses import dataclass, field, replace
from typing import Callable, NamedTuple

from assistant import promise_cues as cue_phrases
from assistant.workdays import (
    FRIDAY,
    SUNDAY,
    TUESDAY,
    WEDNESDAY,
    add_business_days,
    add_months,
    last_day_of_month,
    next_weekday_after,
    weekday_of_week,
)


@dataclass(frozen=True)
class Promise:
    """When the candidate was told they would hear back."""

    due: datetime.date  # the last day the candidate should still wait
    phrase: str  # the words that made the promise, line breaks folded to single spaces
    kind: str  # which rule applied: business_days, days, hours, weeks, months, day,
    # weekday, week_part, month_part, date
    sentence: str = field(default="", compare=False)  # their whole sentence, for a draft to report


# --------------------------------------------------------------------------------------
# Vocabulary shared by the patterns
# --------------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
}
# Rule 4: vague quantities and the count they stand for. Vague *days* are business days.
_VAGUE_WORDS = {
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3,
}


def _alternation(words) -> str:
    """Longest first, so "a couple of" is tried before "a"; spaces match any whitespace."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_QTY = (  # "three (3) weeks": legal and HR wording repeats the number in digits
    rf"(?:\d{{1,3}}|(?:{_alternation([*_VAGUE_WORDS, *_NUMBER_WORDS])})\b(?:\s*\(\d{{1,3}}\))?)"
)

_WEEKDAY_NAMES = (
    ("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"),
    ("thursday", "thurs", "thur", "thu"), ("friday", "fri"), ("saturday",), ("sunday",),
)
_WD = rf"(?:{_alternation(n for names in _WEEKDAY_NAMES for n in names)})\b"

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
)
_MONTH = rf"(?:{'|'.join(n for names in _MONTH_NAMES for n in names)})\b"

# Words that may introduce a point in time; they belong to the promise's phrase.
_LEAD_WORDS = (
    "by", "on", "before", "until", "till", "in", "during", "at", "over", "around", "toward",
    "towards", "within", "sometime", "some time", "at some point in", "no later than",
    "not later than", "latest by", "after", "for", "inside of", "inside", "under",
    "less than", "no more than", "not more than",
    *("not until", "not till", "not before", "no sooner than", "no earlier than", "at least"),
)
# Rule 16: words that make a point in time the earliest they will write, not the latest.
_LOWER_BOUND_LEADS = (
    "after", "not until", "not till", "not before", "no sooner than", "no earlier than", "at least",
)
# "until"/"before" are lower bounds after a negation: "we won't decide until Friday".
# "I'm not supposed to hear until tomorrow" is a schedule, though: tomorrow is the day.
_NEGATION = re.compile(
    r"(?:\bnot\b|n't\b|\bno\b|\bnever\b|\bnothing\b)(?!\s+(?:supposed|meant|due|scheduled)\s+to\b)"
)
_IF = re.compile(r"\bif\b")
# ...unless it is rule 18's conditional ("if you haven't heard before Friday, call me"),
# except when they say not to worry: "don't worry if you hear nothing before June".
_DO_NOT_WORRY = re.compile(r"(?:don't|do\s+not)\s+(?:worry|panic|be\s+(?:alarmed|concerned|worried))")
_AT_THE_EARLIEST = re.compile(r",?\s+at\s+the\s+earliest\b")
_LEAD_BEFORE = re.compile(rf"(?<!\w)(?:(?:{_alternation(_LEAD_WORDS)})\s+){{1,2}}$")
_AT_THE_LATEST = r"(?:,?\s+(?:at\s+the\s+(?:very\s+|absolute\s+)?)?latest\b)?"


def _weekday_index(word: str) -> int:
    return next(i for i, names in enumerate(_WEEKDAY_NAMES) if word in names)


def _month_index(word: str) -> int:
    return next(i + 1 for i, names in enumerate(_MONTH_NAMES) if word in names)


def _quantity(word: str | None) -> tuple[int, bool]:
    """(count, vague) for "5", "two", "a few"; vague counts follow rule 4."""
    if word is None:
        return 1, False
    key = " ".join(word.split("(")[0].split())
    if key.isdigit():
        return int(key), False
    if key in _VAGUE_WORDS:
        return _VAGUE_WORDS[key], True
    return _NUMBER_WORDS[key], False


# --------------------------------------------------------------------------------------
# Functions that compute dates. All match on lowercased text; `sent` is the local date
# of the message (rule 1); `lead` is the word(s) before the expression ("by", "within").
# --------------------------------------------------------------------------------------

UNCOMPUTABLE = "uncomputable"  # a timeframe counted from a date the message does not give
LOWER_BOUND = "lower_bound"  # the earliest they will write (rule 16): no promise

# What a duration may count from without making it uncomputable (rule 11).
_KNOWN_ANCHOR = re.compile(
    r"(?:now(?:\s+on)?|here|this\s+(?:point|stage)|today|this\s+(?:e-?mail|message|note|letter)|(?:the\s+)?receipt\s+of\s+this"
    r"|(?:(?:the\s+)?(?:date|day)\s+of\s+)?"  # "from the date of the interview"
    r"(?:the|your|our|today's|this|yesterday's|their|his|her|my)\s+(?:\w+\s+){0,2}?"
    r"(?:interviews?|conversation|call|chat|meeting|visit|discussion))\b"
)
_ANCHOR = re.compile(r"\s+(?:of|from|after|following)\s+(?P<what>[^,.;:!?]*)")
# Time that has passed is no timeframe: "two weeks ago", "another week went by".
_AGO = re.compile(
    r"\s+(?:ago|(?:go|goes|went|had\s+gone|have\s+gone|has\s+gone)\s+by"
    r"|(?:have|has|had)\s+(?:now\s+)?(?:passed|elapsed))\b"
)
_BEEN_BEFORE = re.compile(  # "it's been two weeks", "it has been over a week", "it took them a week"
    r"\b(?:been|took)\s+(?:(?:them|him|her|us|me)\s+)?(?:(?:over|about|almost|nearly|more\s+than|less\s+than|only|just|already"
    r"|roughly|around|well\s+over|close\s+to)\s+)*$"
)


_MORE_TIME = re.compile(r"\b(?:more|further|additional|extra)\b")


def _duration(m: re.Match, sent: datetime.date, lead: str) -> tuple[datetime.date, str] | None:
    """Rules 2-5: "within 5 business days", "2-3 weeks", "a few days", "48 hours".

    Returns the date and the kind, since "a couple of days" counts business days.
    """
    if lead == "for" and not (m["extra"] or _MORE_TIME.search(m.group())):
        return None  # "for two hours" says how long something lasts (rule 13); "for a few more days" is a delay
    if m["lo"] is None and not m["extra"] and not (m["the_next"] and lead in ("within", "in", "over", "during")):
        return None  # a bare "week" is no duration; "within the next week", "an extra week" are
    count, vague = _quantity(m["lo"])
    for upper in (m["hi"], m["hi2"], m["hi3"]):  # rule 5: a range takes its upper bound
        if upper and upper != "so":
            high, high_vague = _quantity(upper)
            count, vague = max(count, high), vague or high_vague
    unit = m["unit"]
    if unit.startswith(("business", "working", "work")) or (unit.startswith("day") and vague):
        # "a couple of days" is business days (rule 4); "a day or two" is calendar (rule 17)
        return add_business_days(sent, count), "business_days"
    if unit.startswith(("day", "calendar")):
        return sent + datetime.timedelta(days=count), "days"
    if unit.startswith("h"):  # rule 3: 24 hours is a day, 48 hours two
        return sent + datetime.timedelta(days=math.ceil(count / 24)), "hours"
    if unit.startswith("week"):
        return sent + datetime.timedelta(weeks=count), "weeks"
    if unit.startswith("fortnight"):  # British English: two weeks
        return sent + datetime.timedelta(weeks=2 * count), "weeks"
    return add_months(sent, count), "months"


def _days_after(n: int) -> Callable:
    """Rule 6: today is the sent date, tomorrow the day after."""
    return lambda m, sent, lead: sent + datetime.timedelta(days=n)


def _next_business_day(m: re.Match, sent: datetime.date, lead: str) -> datetime.date:
    return add_business_days(sent, 1)


def _weekday(m: re.Match, sent: datetime.date, lead: str) -> datetime.date:
    """Rule 7: "by Friday" is strictly after sent; "next Friday" is in the following week."""
    following_week = bool(m["next_week"]) or (m["rel"] or "").strip() == "next"
    days = [_weekday_index(m["d1"])] + ([_weekday_index(m["d2"])] if m["d2"] else [])
    if following_week:
        return max(weekday_of_week(sent, d, weeks_ahead=1) for d in days)
    return max(next_weekday_after(sent, d) for d in days)  # "Thursday or Friday": the later


def _week_part(weeks_ahead: int, weekday: int) -> Callable:
    """Rules 7-8: a weekday of this week (weeks_ahead=0) or of a following one."""

    def compute(m: re.Match, sent: datetime.date, lead: str) -> datetime.date:
        due = weekday_of_week(sent, weekday, weeks_ahead)
        # Written on a weekend, "by the end of the week" means the coming Friday:
        # a promise never falls due before it was made.
        return due if due >= sent else weekday_of_week(sent, weekday, weeks_ahead + 1)

    return compute


def _nearest_month(sent: datetime.date, month: int) -> int:
    """The year of the named month nearest the sent month; six months either way goes forward."""
    return min(
        (sent.year - 1, sent.year, sent.year + 1),
        key=lambda y: (abs((y - sent.year) * 12 + month - sent.month), -y),
    )


def _nearest_date(sent: datetime.date, candidates) -> datetime.date | None:
    """Rule 10: of (year, month, day) candidates, the real date nearest sent, even if past."""
    valid = []
    for year, month, day in candidates:
        try:
            valid.append(datetime.date(year, month, day))
        except ValueError:
            continue
    return min(valid, key=lambda d: (abs((d - sent).days), -d.toordinal()), default=None)


# Rule 9 (and rule 5 for "the first week or two"): which day of the month a part means.
LAST = 31
_MONTH_PARTS = (
    (r"early|(?:the\s+)?(?:beginning|start)\s+of", 10),
    (r"(?:the\s+)?first\s+(?:week\s+or\s+two|two\s+weeks|couple\s+of\s+weeks|fortnight)\s+of", 14),
    (r"(?:the\s+)?first\s+week\s+of", 7),
    (r"(?:the\s+)?first\s+half\s+of", 15),
    (r"mid-?|(?:the\s+)?middle\s+of", 15),
    (r"late|later(?:\s+in)?|(?:the\s+)?end\s+of|(?:the\s+)?last\s+week\s+of"
     r"|(?:the\s+)?second\s+half\s+of", LAST),
)
_MONTH_PART_RES = tuple((re.compile(p), day) for p, day in _MONTH_PARTS)


def _month_part(m: re.Match, sent: datetime.date, lead: str) -> datetime.date | None:
    """Rule 9: early = 10th, mid = 15th, late/end/"in March"/"next month" = last day."""
    ref, part = " ".join(m["ref"].split()), m["part"]
    if m["mon"]:
        month = _month_index(m["mon"])
        year = int(m["year"]) if m["year"] else _nearest_month(sent, month)
        if not (part or lead):  # a bare "March" is no timeframe; "in March" is
            return None
    elif ref in ("the month", "this month", "month"):
        if not part and ref != "this month":  # "mid-month" is a date, "a month" no month
            return None
        year, month = sent.year, sent.month
    elif ref == "the new year":  # "in the new year" is early January (rule 9), the coming one
        year, month = _coming_january(sent), 1
        part = part or "early"
    else:  # next month, the following month
        first = add_months(sent.replace(day=1), 1)
        year, month = first.year, first.month
    day = next(d for regex, d in _MONTH_PART_RES if regex.fullmatch(part)) if part else LAST
    return last_day_of_month(year, month) if day == LAST else datetime.date(year, month, day)


def _after_holidays(m: re.Match, sent: datetime.date, lead: str) -> datetime.date:
    """Rule 9: "after the holidays" is 10 January, the coming one."""
    return datetime.date(_coming_january(sent), 1, 10)


def _coming_january(sent: datetime.date) -> int:
    """The year of the January ahead: a "new year" is never the one already under way, and
    its 10th never lies before the message."""
    return sent.year if sent.month == 1 and sent.day <= 10 else sent.year + 1


def _end_of_year(m: re.Match, sent: datetime.date, lead: str) -> datetime.date:
    return datetime.date(sent.year, 12, 31)


def _date(m: re.Match, sent: datetime.date, lead: str) -> datetime.date | None:
    """Rule 10: "March 10", "10th of March"; with a year, "14 March 2025" is exact."""
    month, day = _month_index(m["mon"]), int(m["day"])
    years = [int(m["year"])] if m["year"] else [sent.year - 1, sent.year, sent.year + 1]
    return _nearest_date(sent, [(year, month, day) for year in years])


def _day_of_month(m: re.Match, sent: datetime.date, lead: str) -> datetime.date | None:
    """Rule 10: "the 24th" is in whichever month puts it nearest the sent date."""
    months = (add_months(sent.replace(day=1), n) for n in (-1, 0, 1))
    return _nearest_date(sent, [(f.year, f.month, int(m["day"])) for f in months])


def _iso_date(m: re.Match, sent: datetime.date, lead: str) -> datetime.date | None:
    return _nearest_date(sent, [(int(m["y"]), int(m["m"]), int(m["d"]))])


def _numeric_date(m: re.Match, sent: datetime.date, lead: str) -> datetime.date | None:
    """"by 25/3" or "by 3/25": only when one reading is impossible; "3/10" is skipped.

    Only after by/on/before/until, so that "24/7 support" is not the 24th of July.
    """
    a, b = int(m["a"]), int(m["b"])
    if lead not in ("by", "on", "before", "until"):
        return None
    if a <= 12 and b <= 12 and a != b:
        return None  # day/month or month/day? Guessing would be worse than no date.
    day, month = (a, b) if a > 12 else (b, a)
    if m["y"]:
        years = [int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)]
    else:
        years = [sent.year - 1, sent.year, sent.year + 1]
    return _nearest_date(sent, [(year, month, day) for year in years])


# --------------------------------------------------------------------------------------
# Time expressions. Each rule: its kind, words one of which the sentence must contain
# for the pattern to be worth trying, the pattern (lowercase), and its date function.
# Where two matches overlap, the longest wins ("end of next week" over "next week").
# --------------------------------------------------------------------------------------


class _Rule(NamedTuple):
    kind: str
    keywords: tuple[str, ...]
    regex: re.Pattern
    compute: Callable


def _point(core: str) -> str:
    """A point in time: the core words, then an optional "at the latest"."""
    return rf"(?<![\w-])(?:{core})(?![a-z]){_AT_THE_LATEST}"


_DIGITS = tuple("0123456789")
_NEXT_WEEK = ("next week", "following week")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NUM = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
_NOT_A_DAY_OF_MONTH = (  # "the 2nd interview", "the 3rd round" are not dates
    r"(?!\s+(?:round|interview|stage|step|time|call|meeting|part|phase|place|floor"
    r"|candidate|person|week|day|of\s+(?:the|our|your|these|those|them)))"
)

_DURATION = rf"""(?<![\w-])(?<!\d[.,])
    (?:(?:about|around|approximately|approx\.?|roughly|up\s+to
         |(?P<extra>another|a\s+further|an?\s+(?:additional|extra)))\s+)*
    (?P<the_next>the\s+(?:next|coming|following)\s+)?
    (?:(?P<lo>{_QTY})(?:\s*(?:-|–|—|to|or)\s*(?P<hi>{_QTY}))?\s*)?
    (?:(?:more|further|additional|extra|full)\s+)?
    (?<![a-z])(?P<unit>(?:business|working|work)\s+days?|calendar\s+days?|days?|hours?|hrs?
                      |weeks?|fortnights?|months?)\b
    (?:\s+or\s+(?P<hi2>{_QTY}|so)\b)?
    (?:\s*,\s*(?:maybe|perhaps|possibly|or)\s+(?P<hi3>{_QTY})\b(?=\s*(?:[,.;!?)]|$|tops|max|at\s+most)))?
    (?:'s?\s+time)?
"""

_RULE_TABLE = (
    # Rules 2-5: business days, calendar days, hours, weeks, vague quantities, ranges.
    ("duration", ("day", "hour", "hr", "week", "fortnight", "month"), _DURATION, _duration),
    # Rule 6: today, end of day; tomorrow, the next day.
    ("day", ("today", "tonight", "this ", "that ", " day", "eod", "cob", "close of"), _point(
        r"(?:later\s+)?today|tonight|(?:this|that)\s+(?:morning|afternoon|evening|night)"
        r"|(?:later\s+)?(?:the|that)\s+same\s+day|later\s+that\s+day"  # in a retelling
        r"|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|working\s+|work\s+)?day"
        r"(?:\s+today)?|eod|cob|close\s+of\s+(?:business|play)(?:\s+today)?"), _days_after(0)),
    ("day", ("tomorrow", "next day"), _point(
        r"(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day|eod|cob"
        r"|close\s+of\s+(?:business|play))\s+tomorrow"
        r"|tomorrow(?:\s+(?:morning|afternoon|evening|night|eod|cob))?|(?:the\s+)?next\s+day"),
     _days_after(1)),
    ("day", ("tomorrow",), _point(r"the\s+day\s+after\s+tomorrow"), _days_after(2)),
    ("business_days", ("next business", "next working"), _point(r"(?:the\s+)?next\s+(?:business|working)\s+day"),
     _next_business_day),
    # Rule 7: weekdays, strictly after the sent date; "next Friday"; "Thursday or Friday".
    ("weekday", _WEEKDAY_KEYS, _point(
        r"(?<!\ba\s)(?<!\bany\s)(?<!\beach\s)(?<!\bevery\s)"  # "on a Thursday" is no date
        r"(?:(?:(?:the\s+)?(?:end|close)\s+of\s+(?:business|play|(?:the\s+)?(?:business\s+|working\s+)?day)"
        r"|eod|cob)\s+(?:on\s+)?)?"  # "close of business on Friday"
        rf"(?P<rel>(?:this\s+coming|this|coming|next)\s+)?(?P<d1>{_WD})"
        rf"(?:\s*(?:or|and|to|-|–|/)\s*(?:next\s+)?(?P<d2>{_WD}))?"
        r"(?P<next_week>\s+(?:of\s+)?next\s+week)?"
        r"(?:\s+(?:morning|afternoon|evening|night|lunchtime|eod|cob))?"), _weekday),
    # Rule 7: this week, end of the week; end of next week.
    ("week_part", ("end of", "close of", "this week", "week's end", "within the week"), _point(
        r"(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:working\s+|business\s+|work\s+)?week"
        r"|(?:later\s+)?this\s+week|(?:the\s+|this\s+)?week's\s+end"
        r"|(?<=within\s)the\s+week\b(?!\s+(?:of|after|before|starting|beginning|commencing|ahead))"),
     _week_part(0, FRIDAY)),  # "within the week" is this week
    # Rule 17: the weekend is its Sunday.
    ("week_part", ("weekend",), _point(r"(?:the\s+|this\s+)?(?:end\s+of\s+the\s+)?weekend"),
     _week_part(0, SUNDAY)),
    ("week_part", _NEXT_WEEK, _point(
        r"(?:the\s+)?(?:end|close)\s+of\s+(?:next|the\s+following)\s+week|later?\s+next\s+week"),
     _week_part(1, FRIDAY)),
    # Rule 8: bare next week; early / start of next week; middle of next week.
    ("week_part", _NEXT_WEEK, _point(r"next\s+week|the\s+following\s+week"), _week_part(1, FRIDAY)),
    ("week_part", _NEXT_WEEK, _point(
        r"(?:early|(?:the\s+)?(?:start|beginning)\s+of)\s+(?:next|the\s+following)\s+week"
        r"|first\s+thing\s+next\s+week"), _week_part(1, TUESDAY)),
    ("week_part", _NEXT_WEEK, _point(
        r"(?:the\s+)?middle\s+of\s+(?:next|the\s+following)\s+week|mid-?\s*(?:week\s+)?next\s+week"),
     _week_part(1, WEDNESDAY)),
    ("week_part", ("week after next",), _point(r"(?:the\s+end\s+of\s+)?the\s+week\s+after\s+next"),
     _week_part(2, FRIDAY)),
    # Rule 9: parts of months, this/next month, the new year, after the holidays.
    ("month_part", (*_MONTH_KEYS, "month", "new year"), _point(
        rf"(?:(?P<part>{'|'.join(p for p, _ in _MONTH_PARTS)})\s*(?:in\s+)?)?"
        rf"(?P<ref>(?P<mon>{_MONTH})(?:\s+(?P<year>(?:19|20)\d\d)\b)?|the\s+month|this\s+month|month"
        r"|next\s+month|the\s+following\s+month|the\s+new\s+year)"), _month_part),
    ("month_part", ("after",), _point(
        r"after\s+(?:the\s+)?(?:(?:christmas|winter|festive|new\s+year)\s+)?"
        r"(?:holidays|holiday\s+season|festive\s+(?:season|period)|break)"
        r"|after\s+(?:the\s+)?(?:christmas|new\s+year(?:'s)?)"
        r"|(?:once|when)\s+the\s+(?:holidays|festive\s+(?:season|period))\s+(?:are|is)\s+over"),
     _after_holidays),
    ("month_part", ("year",), _point(r"(?:the\s+)?end\s+of\s+(?:the|this)\s+year"), _end_of_year),
    # Rule 10: dates; without a year they are the nearest occurrence.
    ("date", _MONTH_KEYS, _point(
        rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<mon>{_MONTH})\.?\s+(?:the\s+)?{_DAY_NUM}{_ORD}?\b{_YEAR}"),
     _date),
    ("date", _MONTH_KEYS, _point(
        rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY_NUM}{_ORD}?\s+(?:of\s+)?(?P<mon>{_MONTH}){_YEAR}"),
     _date),
    ("date", _DIGITS, _point(
        rf"(?:{_WD},?\s+(?:the\s+)?|the\s+){_DAY_NUM}{_ORD}\b{_NOT_A_DAY_OF_MONTH}"), _day_of_month),
    ("date", _DIGITS, _point(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso_date),
    ("date", _DIGITS, r"(?<![\w/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\w/])",
     _numeric_date),
)
_RULES = tuple(_Rule(kind, keys, re.compile(p, re.X), f) for kind, keys, p, f in _RULE_TABLE)


class _Found(NamedTuple):
    start: int
    end: int
    kind: str
    due: datetime.date | None  # None: a real timeframe that no date can be computed for


def _lead_before(low: str, start: int) -> int:
    """Where the lead words ("by", "within", "sometime in") before `start` begin."""
    lead = _LEAD_BEFORE.search(low, max(0, start - 32), start)
    return lead.start() if lead else start


def _time_expressions(sentence: str, low: str, sent: datetime.date) -> list[_Found]:
    """Every time expression of the sentence, the longest winning where two overlap."""
    found = []
    clauses = _clause_starts(low)
    for rule in _RULES:
        if not any(k in low for k in rule.keywords):
            continue
        for m in rule.regex.finditer(low):
            if "mon" in m.re.groupindex and m["mon"] == "may" and sentence[m.start("mon")] != "M":
                continue  # "may" is a verb far more often than a month
            start = _lead_before(low, m.start())
            lead = " ".join(low[start:m.start()].split())
            if _is_lower_bound(low, start, m.end(), lead, clauses):
                found.append(_Found(start, m.end(), LOWER_BOUND, None))
                continue
            if rule.kind != "duration":
                due = rule.compute(m, sent, lead)
                if due is not None:
                    found.append(_Found(start, m.end(), rule.kind, due))
                continue
            computed = rule.compute(m, sent, lead)
            if computed is None or _AGO.match(low, m.end()):  # "two weeks ago" is past
                continue
            if _BEEN_BEFORE.search(low, max(0, start - 40), start):
                continue
            end = m.end()
            anchor = _ANCHOR.match(low, end)
            if anchor:
                known = _KNOWN_ANCHOR.match(anchor["what"])
                if not known:
                    # Rule 11: "within 21 days of the closing date": nothing to count from.
                    # The anchor's own date, if given, belongs to it and is no promise.
                    found.append(_Found(start, anchor.end(), UNCOMPUTABLE, None))
                    continue
                end = anchor.start("what") + known.end()  # "of the interview": from sent
            found.append(_Found(start, end, computed[1], computed[0]))
    chosen: list[_Found] = []  # kept sorted by start; none overlap
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        i = bisect.bisect_left(chosen, (f.start,))
        if (i == len(chosen) or chosen[i].start >= f.end) and (i == 0 or chosen[i - 1].end <= f.start):
            chosen.insert(i, f)
    # "next week, which is this week", "the 25th (this coming Friday)": the second
    # expression restates the first, and the restatement is what they meant.
    return [
        f for f, after in zip(chosen, [*chosen[1:], None])
        if after is None or not _RESTATES.fullmatch(low, f.end, after.start)
    ]


_RESTATES = re.compile(
    r"""[\s'"”’,]*(?:which\s+(?:is|was|would\s+be|means)(?:\s+(?:really|actually|in\s+fact|effectively))?"""
    r"""|i\.?e\.?|that\s+is|meaning|\()[\s'"“‘(,]*"""
)


def _clause_starts(low: str) -> list[int]:
    """Where each clause of the sentence begins, in order (for bisect)."""
    return [0, *(m.end() for m in _CLAUSE_END.finditer(low))]


def _is_lower_bound(low: str, start: int, end: int, lead: str, clauses: list[int]) -> bool:
    """Rule 16: "not until Friday", "we won't decide before the 9th", "after the 20th"."""
    if lead in _LOWER_BOUND_LEADS or _AT_THE_EARLIEST.match(low, end):
        return True
    if lead.split(" ")[-1:] not in (["until"], ["till"], ["before"]):
        return False
    clause = low[clauses[bisect.bisect_right(clauses, start) - 1]:start]
    if not _NEGATION.search(clause):
        return False
    return not _IF.search(clause) or bool(_DO_NOT_WORRY.search(clause))


def _any_of(patterns) -> re.Pattern:
    """One pattern for a tuple of cue phrases, each starting at a word's beginning (after an
    opening quote too: "'Give us ten days,' she said"; not inside "we'll")."""
    return re.compile(rf"(?<!\w)(?<!\w')(?:{'|'.join(p.removeprefix(chr(92) + 'b') for p in patterns)})")


_POSITIVE = _any_of(cue_phrases.HEARING_BACK)
_REQUEST = _any_of(cue_phrases.REQUESTS)
_NEGATIVE = _any_of(cue_phrases.NOT_HEARING_BACK)
_OWN_PLAN = _any_of(cue_phrases.OWN_PLANS)
_WEAK = _any_of(cue_phrases.PROCESS_ENDS)
_CORRECTION = _any_of(cue_phrases.CORRECTIONS)
_RECALL = _any_of(cue_phrases.RECALLS)
_OTHER_PERSON = _any_of(cue_phrases.OTHER_PEOPLE)
_TO_ME = _any_of(cue_phrases.TO_ME)
# Words quoted only as what was *not* said: 'No "we'll call you this week" or anything.'
_NOT_SAID_BEFORE = re.compile(
    r"""(?:\bno|\bnever\s+said|\bdidn't\s+(?:even\s+)?say|\bdid\s+not\s+(?:even\s+)?say"""
    r"""|\b(?:never|nobody|no\s+one|didn't|did\s+not)\s+(?:ever\s+|even\s+)?(?:said|say|told\s+(?:me|us)|tell\s+(?:me|us)"""
    r"""|mentioned|mention|wrote|write)"""
    r"""|\bwithout\s+(?:even\s+)?saying|\bnot\s+(?:even\s+)?(?:a|one))\s*[,:]?\s*["“'‘]"""
)
_NOT_SAID_AFTER = re.compile(r"""["”'’]\s*,?\s*or\s+(?:anything|something|whatever)\b""")
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:and|but|so|then|or|while|whereas|because)\s|\s[-–—]\s")
# "Please allow 5 working days for a response", "allow our recruiters 1-3 weeks to follow
# up": words after the timeframe that say it is a wait for an answer, whatever came before.
_RESPONSE_TAIL = re.compile(
    r"\s*,?\s*for\s+(?:(?:a|an|our|the|my)\s+)?(?:response|reply|decision|feedback|outcome"
    r"|answer|update)\b"
    r"|\s*,?\s*for\s+(?:us|me|them|him|her|the\s+(?:team|panel|hiring\s+manager|recruiter)s?)\s+to\b"
    r"|\s*,?\s*to\s+(?:follow\s+up|respond|reply|get\s+back|come\s+back|contact|call|hear|decide|notify|inform"
    r"|let\s+you\s+know|make\s+(?:a|our|their|the)\s+decision)\b"
)
# Rule 20: "that evening or the next day", "Friday, or Monday at the latest": one event,
# two bounds; each counts and the later wins.
_SAME_EVENT = re.compile(
    r"[\s,]*(?:(?:or|to|until|till|through|-|–|—|/)\s*"
    r"(?:(?:perhaps|maybe|possibly|even|at\s+the\s+(?:very\s+)?latest|at\s+most)[\s,]*)?)?"
)
# ...also across "but", "and", "though" when the second is hedged or a bound: "by end of
# week, but Monday at the very latest", "by Friday, though possibly Monday".
_JOINED = (r"[\s,;]*(?:(?:but|and|though|although|or)\s+)?"
           r"(?:(?:certainly|definitely|absolutely|surely|in\s+any\s+case|either\s+way|at\s+worst)[\s,]+)?")
_SAME_EVENT_HEDGED = re.compile(
    _JOINED + r"(?:perhaps|maybe|possibly|probably|potentially|at\s+worst|worst\s+case|failing\s+that)[\s,]*"
)
_SAME_EVENT_BOUND = re.compile(_JOINED)
_BOUND_LEAD = re.compile(r"(?:no|not)\s+later\s+than|latest\s+by|at\s+the\s+(?:very\s+|absolute\s+)?latest\s+by")


def _second_bound(low: str, previous: _Found, t: _Found) -> bool:
    """Rule 20: is t a second bound for the event `previous` gave a date for?"""
    if _SAME_EVENT.fullmatch(low, previous.end, t.start) or _SAME_EVENT_HEDGED.fullmatch(low, previous.end, t.start):
        return True
    is_bound = low.endswith("latest", t.start, t.end) or bool(_BOUND_LEAD.match(low, t.start))
    return is_bound and bool(_SAME_EVENT_BOUND.fullmatch(low, previous.end, t.start))


# Rule 13: a rejection promises nothing, even when it mentions a date.
_REJECTION = re.compile(
    r"(?:not|won't|will\s+not|unable\s+to|decided\s+not\s+to)\s+(?:be\s+)?"
    r"(?:moving|move|progress\w*|proceed\w*|taking\s+your\s+application)\b"
    r"|unable\s+to\s+offer|not\s+(?:be\s+)?(?:offering|able\s+to\s+offer)|regret\s+to\s+inform"
    r"|(?:decided|chosen|opted)\s+to\s+(?:move|go|proceed|continue)\s+(?:forward\s+|ahead\s+)?"
    r"with\s+(?:another|other|a\s+different)"
    r"|\b(?:were|was|have\s+been|has\s+been)\s+(?:unsuccessful|not\s+successful)"
    r"|position\s+has\s+(?:now\s+)?been\s+filled"
    r"|\b(?:gone|went|going|moved|moving|proceeded|proceeding)\s+(?:forward\s+|ahead\s+)?with\s+(?:another|other"
    r"|an\s+internal|a\s+different|someone\s+else)"
    r"|\b(?:role|position|job|post|offer)\s+(?:has\s+)?(?:gone|went)\s+to\b"
    r"|\b(?:go|going|gone|went|move|moving|moved)\s+in\s+(?:a\s+)?(?:different|another|other)\s+direction"
    r"|(?:weren't|wasn't|were\s+not|was\s+not|have\s+not\s+been|haven't\s+been|has\s+not\s+been|hasn't\s+been)"
    r"\s+(?:selected|shortlisted|chosen|successful)"
    r"|(?:not|n't|no\s+longer)\s+(?:being\s+|be\s+)?considered"
)
_REJECTION_WORDS = (
    "not", "n't", "unable", "regret", "decided", "chosen", "opted", "success", "filled", "longer",
    "gone", "went", "going", "moved", "moving", "proceed", "move ", "go ",
)
# Rule 18: "if you haven't heard by then, assume you were unsuccessful" is no rejection.
_HYPOTHETICAL = re.compile(r"\b(?:if|whether|assume|unless|otherwise|in\s+case)\b")


def _is_rejection(low: str) -> bool:
    if not any(word in low for word in _REJECTION_WORDS):
        return False
    for m in _REJECTION.finditer(low):
        window = max(0, m.start() - 120)  # the words just before, in the same sentence
        window = max(low.rfind(".", window, m.start()), low.rfind("\n\n", window, m.start()), window)
        if not _HYPOTHETICAL.search(low, window, m.start()):
            return True
    return False


class _Cue(NamedTuple):
    start: int
    end: int
    hearing_back: bool
    own_plan: bool = False  # rule 21: "then wait two weeks for an answer" stays mine
    forward: bool = False  # a quote opens: "she said 'next week'" owns only what follows
    weak: bool = False  # the process ends ("interviews wrap up this month"): not the reply itself


class _Spans:
    """Sorted, non-overlapping spans, asked which of them overlap a range (in log time)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.ends = [e for _, e in self.spans]

    def overlapping(self, start: int, end: int):
        return self.spans[bisect.bisect_right(self.ends, start):bisect.bisect_left(self.starts, end)]


def _cues(low: str, positive: list[re.Match], times: list[_Found], clauses: list[int]) -> list[_Cue]:
    """Cue phrases of the sentence, outside its time expressions.

    Where a hearing-back cue and another overlap, the longer wins ("hoping to hear"
    over "hear"); a request silences the hearing-back cues in the rest of its clause;
    a plan of mine loses to any hearing-back cue it overlaps ("I'll call you").
    """
    time_spans = _Spans((t.start, t.end) for t in times)

    def kept(matches):
        return [m for m in matches if not time_spans.overlapping(m.start(), m.end())]

    positive = kept(positive)
    requests = kept(_REQUEST.finditer(low))
    negative = kept(_NEGATIVE.finditer(low))
    own = kept(_OWN_PLAN.finditer(low))
    # The first request of each clause silences what follows it there.
    silenced_from: dict[int, int] = {}
    for m in requests:
        clause = bisect.bisect_right(clauses, m.start()) - 1
        silenced_from.setdefault(clause, m.start())
    pos_spans = _Spans((m.start(), m.end()) for m in positive)
    neg_spans = _Spans((m.start(), m.end()) for m in negative)
    own_spans = _Spans((m.start(), m.end()) for m in own)
    cues = []
    for p in positive:
        clause = bisect.bisect_right(clauses, p.start()) - 1
        if silenced_from.get(clause, len(low)) <= p.start():
            continue
        if any(e - s >= p.end() - p.start() for s, e in neg_spans.overlapping(p.start(), p.end())):
            continue
        if any(e - s > p.end() - p.start() for s, e in own_spans.overlapping(p.start(), p.end())):
            continue  # "I must decide": mine, though "decide" alone would be theirs
        weak = bool(_WEAK.fullmatch(p.group()))
        cues.append(_Cue(p.start(), p.end(), True, forward=p.group()[-1] in "\"'“‘", weak=weak))
    for n in (*requests, *negative):
        if not any(e - s > n.end() - n.start() for s, e in pos_spans.overlapping(n.start(), n.end())):
            cues.append(_Cue(n.start(), n.end(), False))
    for o in own:  # "I'll call you" is theirs: a hearing-back cue as long or longer wins
        if not any(e - s >= o.end() - o.start() for s, e in pos_spans.overlapping(o.start(), o.end())):
            cues.append(_Cue(o.start(), o.end(), False, own_plan=True))
    return sorted(cues)


def _owner(t: _Found, cues: list[_Cue], cue_starts: list[int], clauses: list[int]):
    """(cue, same clause) for a time expression: in its own clause the nearest cue before
    it, else the first after it; failing that, the nearest before it in the sentence, else
    the first after ("By Friday, we'll let you know")."""
    clause_start = clauses[bisect.bisect_right(clauses, t.start) - 1]
    i = bisect.bisect_right(clauses, max(t.end - 1, t.start))
    clause_end = clauses[i] if i < len(clauses) else math.inf
    before = bisect.bisect_left(cue_starts, t.start) - 1  # no cue overlaps a time expression
    after = bisect.bisect_left(cue_starts, t.end)
    after = after if after < len(cues) and not cues[after].forward else None
    if before >= 0 and cues[before].start >= clause_start:
        return cues[before], True
    if after is not None and cues[after].start < clause_end:
        return cues[after], True
    if before >= 0:
        return cues[before], False
    return (cues[after], False) if after is not None else (None, False)


# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
_MONTH_ABBREVIATION = r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\."
# "by Feb. 11" and "to Dec. 1st" go on; any other full stop ends the sentence.
_SENTENCE_END = re.compile(
    rf"(?<=[.!?])(?<!{_MONTH_ABBREVIATION})(?<!\bsept\.)\s+|(?<={_MONTH_ABBREVIATION})\s+(?!\d)", re.I
)
_ABBREVIATIONS = ("a.m.", "p.m.", "e.g.", "i.e.", "mr.", "mrs.", "ms.", "dr.", "approx.")


def _sentences(text: str):
    """Paragraphs and list items end sentences; wrapped lines inside them are joined."""
    for block in _BLOCK_BREAK.split(text.replace("’", "'")):
        sentence = ""
        for piece in _SENTENCE_END.split(" ".join(block.split())):
            sentence = f"{sentence} {piece}" if sentence else piece
            if not sentence.lower().endswith(_ABBREVIATIONS):  # "by 5 p.m. Friday" goes on
                yield sentence
                sentence = ""
        if sentence:
            yield sentence


def _lower(sentence: str) -> str:
    """Lowercase without moving any character, so match offsets fit the original."""
    low = sentence.lower()
    if len(low) == len(sentence):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)


def _unsaid_removed(low: str, times: list[_Found]) -> list[_Found]:
    """The time expressions outside quotes of words that were not said."""
    unsaid = []
    # Quote marks: double ones, and single ones that are no apostrophe ("we'll" is not a quote).
    quotes = [
        i for i, c in enumerate(low)
        if c in '"“”‘’' or (c == "'" and not (0 < i < len(low) - 1 and low[i - 1].isalnum() and low[i + 1].isalnum()))
    ] if any(q in low for q in "\"“'‘") else []
    for m in _NOT_SAID_BEFORE.finditer(low) if quotes else ():
        i = bisect.bisect_left(quotes, m.end())  # the quote that closes it
        unsaid.append((m.end(), quotes[i] if i < len(quotes) else len(low)))
    for m in _NOT_SAID_AFTER.finditer(low) if quotes else ():
        i = bisect.bisect_left(quotes, m.start())  # the quote that opens it
        unsaid.append((quotes[i - 1] if i > 0 else 0, m.start()))
    if not unsaid:
        return times
    merged: list[tuple[int, int]] = []  # _Spans wants them apart
    for a, b in sorted(unsaid):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    spans = _Spans(merged)
    return [t for t in times if not spans.overlapping(t.start, t.end)]


def _promises_in(sentence: str, sent: datetime.date):
    """Each time expression that a hearing-back cue owns (rule 14)."""
    if sentence.endswith("?"):  # a question asks for a date; it gives none...
        quote = max(sentence.rfind('"'), sentence.rfind("”"))
        if quote <= 0:
            return
        sentence = sentence[:quote + 1]  # ...but it may quote one: 'her response "...this week" what?'
    low = _lower(sentence)
    # Rule 14: no hearing-back words, no promise; but a wait "for us to decide" and a bound
    # on its own ("Friday latest") may still say when.
    positive = list(_POSITIVE.finditer(low))
    if _RECALL.search(low):  # rule 15: "I originally said Friday; let's say Tuesday instead"
        spans = _Spans((m.start(), m.end()) for m in positive)
        positive = sorted(
            [*positive, *(m for m in _CORRECTION.finditer(low) if not spans.overlapping(m.start(), m.end()))],
            key=lambda m: m.start(),
        )
    if not positive and "latest" not in low and not _RESPONSE_TAIL.search(low):
        return
    if _OTHER_PERSON.search(low) and not _TO_ME.search(low):
        return  # rule 21: "my friend was told two weeks" is someone else's promise
    times = _unsaid_removed(low, _time_expressions(sentence, low, sent))
    if not times:
        return
    clauses = _clause_starts(low)
    cues = _cues(low, positive, times, clauses)
    cue_starts = [c.start for c in cues]
    owners = [_owner(t, cues, cue_starts, clauses) for t in times]
    # Rule 14: a hearing-back cue takes the first expression it owns, and one in its own
    # clause before any it reaches across a comma ("reconvenes after the break and will
    # have an answer by mid-January": mid-January).
    claims: dict[_Cue, int] = {}
    for same_clause in (True, False):
        for i, (owner, near) in enumerate(owners):
            if near == same_clause and owner is not None and owner.hearing_back:
                claims.setdefault(owner, i)
    if any(not owner.weak for owner in claims):
        # "Interviews wrap up this month and we'll notify candidates in early April": the
        # end of the process gives way to the reply itself (rule 14).
        claims = {owner: i for owner, i in claims.items() if not owner.weak}
    previous: _Found | None = None  # the last expression that counted
    for i, t in enumerate(times):
        owner = owners[i][0]
        if previous is not None and _second_bound(low, previous, t):
            pass  # rule 20: a second bound for the event just read
        elif owner is not None and claims.get(owner) == i:
            pass
        elif (owner is None or not owner.own_plan) and _RESPONSE_TAIL.match(low, t.end):
            pass
        elif owner is None and low.endswith("latest", t.start, t.end) and t.due is not None:
            # Rule 20: "We hope to decide by Thursday. Friday latest." A bound on its own,
            # which counts only beside a promise in the same message.
            yield Promise(t.due, sentence[t.start:t.end], t.kind), True
            continue
        else:
            previous = None
            continue
        previous = t
        if t.due is not None:
            yield Promise(t.due, sentence[t.start:t.end], t.kind), False


def find_promise(text: str, sent: datetime.datetime | datetime.date) -> Promise | None:
    """The date by which the company said the candidate will hear back, or None.

    `sent` counts in its own local date (rule 1): a datetime is never converted to UTC
    or to this machine's zone first. The latest of several promises wins (rule 20).
    """
    if isinstance(sent, datetime.datetime):
        sent = sent.date()
    if _is_rejection(text.lower().replace("’", "'")):
        return None
    best = None
    bounds = []
    for sentence in _sentences(text):
        for promise, bound_only in _promises_in(sentence, sent):
            promise = replace(promise, sentence=sentence)
            if bound_only:
                bounds.append(promise)
            elif best is None or promise.due > best.due:
                best = promise
    if best is not None:
        best = max([best, *bounds], key=lambda p: p.due)
    return best
