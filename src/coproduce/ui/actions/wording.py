"""How the action log says where an action stands, in words a facilitator reads at a glance:
"3 days overdue", "due today", "Done 9 Mar 2026"."""

from __future__ import annotations

from datetime import date

from coproduce.domain.records import Action
from coproduce.domain.vocabulary import ActionStatus
from coproduce.ui.formats import short_date


def lateness(action: Action, today: date) -> str:
    """'3 days overdue', 'due today', 'due tomorrow'; '' when none of those applies (done,
    dropped, no due date, or due later)."""
    if not action.status.is_open or action.due_on is None:
        return ""
    days_late = (today - action.due_on).days
    if days_late == 0:
        return "due today"
    if days_late == -1:
        return "due tomorrow"
    if days_late < 0:
        return ""
    return f"{_span(days_late)} overdue"


def due_text(action: Action, today: date) -> str:
    """The due date with how late it is: '3 Mar 2026 (7 days overdue)'; '' for no date."""
    if action.due_on is None:
        return ""
    words = lateness(action, today)
    due = short_date(action.due_on)
    return f"{due} ({words})" if words else due


def status_text(action: Action) -> str:
    """'Open', 'In progress', 'Done 9 Mar 2026', 'Dropped'."""
    if action.status is ActionStatus.DONE and action.done_on is not None:
        return f"{action.status.label} {short_date(action.done_on)}"
    return action.status.label


def _span(days: int) -> str:
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 63:
        return f"{days // 7} weeks"
    months = days // 30
    return f"{months} months" if months < 24 else f"{days // 365} years"
