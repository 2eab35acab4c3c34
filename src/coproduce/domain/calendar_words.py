"""Days and months in English words, whatever the computer's language: documents and the
window speak the same English as the rest of the program."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """``12 March 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_in_words(day: date) -> str:
    """``Tuesday 12 March 2026``."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"
