"""The calendar arithmetic behind "suggest the next session" (no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coproduce.domain.schedule import add_months, next_start, same_weekday_in_month, step
from coproduce.domain.vocabulary import Cadence


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
    ],
)
def test_adding_months_clamps_to_the_last_day_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_adding_months_keeps_the_time_of_day() -> None:
    assert add_months(datetime(2026, 1, 31, 14, 30), 1) == datetime(2026, 2, 28, 14, 30)


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (Cadence.WEEKLY, datetime(2026, 2, 7, 10, 0)),
        (Cadence.FORTNIGHTLY, datetime(2026, 2, 14, 10, 0)),
        # Saturday 31 January is the last Saturday: every step lands on a last Saturday.
        (Cadence.MONTHLY, datetime(2026, 2, 28, 10, 0)),
        (Cadence.EVERY_TWO_MONTHS, datetime(2026, 3, 28, 10, 0)),
        (Cadence.QUARTERLY, datetime(2026, 4, 25, 10, 0)),
        (Cadence.TWICE_A_YEAR, datetime(2026, 7, 25, 10, 0)),
    ],
)
def test_one_step_of_each_cadence_keeps_the_weekday_and_its_place_in_the_month(
    cadence: Cadence, expected: datetime
) -> None:
    suggestion = next_start(datetime(2026, 1, 31, 10, 0), cadence)
    assert suggestion == expected
    assert suggestion.weekday() == 5


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 3, 3), 2, date(2026, 5, 5)),  # first Tuesday -> first Tuesday
        (date(2026, 3, 17), 1, date(2026, 4, 21)),  # third Tuesday -> third Tuesday
        (date(2026, 3, 31), 1, date(2026, 4, 28)),  # last Tuesday -> last Tuesday
        (date(2026, 1, 29), 1, date(2026, 2, 26)),  # 5th Thursday: February has only 4
        (date(2026, 11, 18), 2, date(2027, 1, 20)),  # third Wednesday across the year
    ],
)
def test_monthly_rhythms_never_drift_onto_a_weekend(
    start: date, months: int, expected: date
) -> None:
    moved = same_weekday_in_month(start, months)
    assert moved == expected
    assert moved.weekday() == start.weekday()


def test_a_group_that_meets_when_needed_gets_no_suggestion() -> None:
    assert next_start(datetime(2026, 1, 31, 10, 0), Cadence.AS_NEEDED) is None
    with pytest.raises(ValueError, match="no regular rhythm"):
        step(datetime(2026, 1, 31), Cadence.AS_NEEDED)


def test_month_steps_count_from_the_first_date() -> None:
    start = datetime(2026, 1, 6, 18, 0)  # the first Tuesday
    assert [step(start, Cadence.MONTHLY, n).date() for n in range(1, 4)] == [
        date(2026, 2, 3),
        date(2026, 3, 3),
        date(2026, 4, 7),
    ]


def test_a_long_gap_is_stepped_over_to_the_first_beat_not_before_today() -> None:
    latest = datetime(2025, 1, 7, 10, 0)  # first Tuesday of January 2025
    suggestion = next_start(latest, Cadence.EVERY_TWO_MONTHS, not_before=date(2026, 4, 1))
    assert suggestion == datetime(2026, 5, 5, 10, 0)  # first Tuesday of May 2026
    weekly = next_start(datetime(2026, 1, 5, 9, 30), Cadence.WEEKLY, not_before=date(2026, 3, 4))
    assert weekly == datetime(2026, 3, 9, 9, 30)
    assert weekly.weekday() == datetime(2026, 1, 5).weekday()


def test_a_beat_falling_on_today_is_suggested() -> None:
    suggestion = next_start(datetime(2026, 1, 6, 10), Cadence.MONTHLY, not_before=date(2026, 3, 3))
    assert suggestion == datetime(2026, 3, 3, 10, 0)


def test_a_session_already_planned_ahead_is_stepped_once() -> None:
    latest = datetime(2026, 9, 30, 14, 0)
    suggestion = next_start(latest, Cadence.QUARTERLY, not_before=date(2026, 3, 1))
    assert suggestion == datetime(2026, 12, 30, 14, 0)
