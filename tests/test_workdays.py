"""Calendar helpers: Monday-to-Friday business days, weeks from Monday, month ends."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.workdays import (
    FRIDAY,
    TUESDAY,
    add_business_days,
    add_months,
    is_business_day,
    last_day_of_month,
    next_business_day,
    next_weekday_after,
    weekday_of_week,
)

# March 2025: Mon 3, Wed 5, Fri 7, Sat 8, Sun 9, Mon 10, Fri 14.


@pytest.mark.parametrize(
    "day, expected",
    [
        pytest.param(date(2025, 3, 3), True, id="monday"),
        pytest.param(date(2025, 3, 7), True, id="friday"),
        pytest.param(date(2025, 3, 8), False, id="saturday"),
        pytest.param(date(2025, 3, 9), False, id="sunday"),
        pytest.param(date(2025, 12, 25), True, id="holidays-ignored"),
    ],
)
def test_is_business_day(day, expected):
    assert is_business_day(day) is expected


@pytest.mark.parametrize(
    "start, n, expected",
    [
        pytest.param(date(2025, 3, 5), 0, date(2025, 3, 5), id="zero-is-same-day"),
        pytest.param(date(2025, 3, 7), 1, date(2025, 3, 10), id="friday-plus-one-is-monday"),
        pytest.param(date(2025, 3, 5), 5, date(2025, 3, 12), id="five-is-a-week"),
        pytest.param(date(2025, 3, 7), 7, date(2025, 3, 18), id="seven-over-a-weekend"),
        pytest.param(date(2025, 3, 5), 10, date(2025, 3, 19), id="ten-is-two-weeks"),
        pytest.param(date(2025, 3, 8), 1, date(2025, 3, 10), id="from-saturday"),
        pytest.param(date(2025, 3, 9), 5, date(2025, 3, 14), id="from-sunday"),
        pytest.param(date(2025, 3, 10), -1, date(2025, 3, 7), id="backwards"),
    ],
)
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


def test_next_business_day_skips_the_weekend():
    assert next_business_day(date(2025, 3, 7)) == date(2025, 3, 10)
    assert next_business_day(date(2025, 3, 8)) == date(2025, 3, 10)
    assert next_business_day(date(2025, 3, 5)) == date(2025, 3, 6)


def test_weeks_run_monday_to_sunday():
    assert weekday_of_week(date(2025, 3, 5), FRIDAY) == date(2025, 3, 7)
    assert weekday_of_week(date(2025, 3, 9), FRIDAY) == date(2025, 3, 7)
    assert weekday_of_week(date(2025, 3, 5), FRIDAY, weeks_ahead=1) == date(2025, 3, 14)
    assert weekday_of_week(date(2025, 3, 5), TUESDAY, weeks_ahead=1) == date(2025, 3, 11)


def test_next_weekday_is_strictly_after():
    assert next_weekday_after(date(2025, 3, 5), FRIDAY) == date(2025, 3, 7)
    assert next_weekday_after(date(2025, 3, 7), FRIDAY) == date(2025, 3, 14)


@pytest.mark.parametrize(
    "year, month, expected",
    [
        pytest.param(2024, 2, date(2024, 2, 29), id="leap-february"),
        pytest.param(2025, 2, date(2025, 2, 28), id="february"),
        pytest.param(2025, 4, date(2025, 4, 30), id="april"),
        pytest.param(2025, 12, date(2025, 12, 31), id="december"),
    ],
)
def test_last_day_of_month(year, month, expected):
    assert last_day_of_month(year, month) == expected


def test_add_months_clamps_to_month_end_and_crosses_years():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 15), 2) == date(2025, 1, 15)
    assert add_months(date(2025, 3, 1), -1) == date(2025, 2, 1)
