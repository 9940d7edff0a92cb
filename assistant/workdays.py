"""Calendar arithmetic for waiting on recruiters (PROMISES.md rules 2, 7, 8 and 9).

Pure functions over `datetime.date`. Business days are Monday to Friday; public
holidays are ignored (rule 2), so "five business days" means the same everywhere.
"""

from __future__ import annotations

import calendar
import datetime

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


def is_business_day(d: datetime.date) -> bool:
    """Monday to Friday count; weekends never do (rule 2)."""
    return d.weekday() < SATURDAY


def add_business_days(d: datetime.date, n: int) -> datetime.date:
    """The n-th business day after `d` (before it when n < 0); `d` itself never counts.

    n == 0 returns `d` unchanged, so callers can add a configured wait of zero.
    """
    if n == 0:
        return d
    step = 1 if n > 0 else -1
    remaining = abs(n)
    if not is_business_day(d):
        # Counting from a weekend is counting from the business day on its near side
        # (Friday going forward, Monday going back), which makes whole weeks exact.
        d -= datetime.timedelta(days=(d.weekday() - FRIDAY) if step > 0 else (d.weekday() - 7))
    # Whole weeks first: five business days are always exactly seven calendar days.
    weeks, remaining = divmod(remaining, 5)
    d += datetime.timedelta(days=7 * weeks * step)
    while remaining:
        d += datetime.timedelta(days=step)
        if is_business_day(d):
            remaining -= 1
    return d


def next_business_day(d: datetime.date) -> datetime.date:
    """The first business day strictly after `d` (Friday's is Monday)."""
    return add_business_days(d, 1)


def monday_of_week(d: datetime.date) -> datetime.date:
    """Weeks run Monday to Sunday, so "this week" is anchored on this Monday."""
    return d - datetime.timedelta(days=d.weekday())


def weekday_of_week(d: datetime.date, weekday: int, weeks_ahead: int = 0) -> datetime.date:
    """The given weekday (0 = Monday) of the Monday-to-Sunday week `weeks_ahead` after d's."""
    return monday_of_week(d) + datetime.timedelta(days=7 * weeks_ahead + weekday)


def next_weekday_after(d: datetime.date, weekday: int) -> datetime.date:
    """The first `weekday` strictly after d: said on a Friday, "by Friday" is a week later (rule 7)."""
    return d + datetime.timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)


def last_day_of_month(year: int, month: int) -> datetime.date:
    """"End of March" and "in March" both end on the month's last day (rule 9)."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: datetime.date, n: int) -> datetime.date:
    """Same day n months on, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
