"""How dates, times and small facts are written in the window's lists (British style).

Written out by hand rather than through ``strftime``, whose month and day names follow the
computer's locale: a facilitator on a laptop set to another language still reads English here.
"""

from __future__ import annotations

from datetime import date, datetime

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def short_date(value: date | None) -> str:
    """``12 Mar 2026``; empty for no date."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def day_and_date(value: date) -> str:
    """``Thu 12 Mar 2026``: the weekday helps people place a session."""
    return f"{_DAYS[value.weekday()]} {short_date(value)}"


def session_time(starts_at: datetime) -> str:
    """``Thu 12 Mar 2026, 14:00``."""
    return f"{day_and_date(starts_at.date())}, {starts_at:%H:%M}"


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """``1 session``, ``12 sessions``."""
    word = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {word}"
