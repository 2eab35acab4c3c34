"""Dates in the boxes that edit them, written as the lists write them: "7 Sep 2026".

Qt writes a month in the computer's language; in British English (en_GB) its short September
is "Sept", while every list, document and message of Coproduce says "Sep". A date box made
plain here writes English three-letter months whatever the computer's language, and its
calendar starts the week on Monday, as in Britain.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDateTimeEdit

DATE_FORMAT = "d MMM yyyy"
"""``7 Sep 2026``: day, month in letters and year, so 03/04 is never March or April."""

THREE_LETTER_MONTHS = QLocale.c()
"""English day and month names with three-letter short months ("Sep", never "Sept")."""


def plain_dates(edit: QDateTimeEdit, display_format: str = DATE_FORMAT) -> QDateTimeEdit:
    """Make ``edit`` show ``display_format`` with three-letter English months."""
    edit.setLocale(THREE_LETTER_MONTHS)
    edit.setDisplayFormat(display_format)
    calendar = edit.calendarWidget() if edit.calendarPopup() else None
    if calendar is not None:
        calendar.setLocale(THREE_LETTER_MONTHS)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit
