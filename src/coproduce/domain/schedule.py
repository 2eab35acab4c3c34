"""Calendar arithmetic for a group's rhythm: when its next session would fall.

Plain date arithmetic, kept apart from the services so it can be tested on its own. Months
have different lengths, so ``add_months`` clamps the day to the end of the target month
(31 January + 1 month is 28 or 29 February), and always counts from the original date, so a
date on the 31st comes back to the 31st in months that have one.

Groups do not meet on "the 3rd of every other month" but on "the first Tuesday": the
suggested next session (``next_start``) keeps the weekday and its place in the month (first,
second... or last Tuesday), so it never lands on a weekend.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import TypeVar

from coproduce.domain.vocabulary import Cadence

D = TypeVar("D", date, datetime)


def add_months(moment: D, months: int) -> D:
    """``moment`` moved by ``months`` (negative goes back), clamping the day to the month's
    last day; a ``datetime`` keeps its time of day."""
    index = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def same_weekday_in_month(moment: D, months: int) -> D:
    """``moment`` moved by ``months`` onto the same weekday in the same place in the month:
    the 1st Tuesday stays the 1st Tuesday, and a last Friday stays the last Friday."""
    days_in_month = calendar.monthrange(moment.year, moment.month)[1]
    is_last = moment.day + 7 > days_in_month
    week = (moment.day - 1) // 7  # 0 = first
    target = add_months(moment.replace(day=1), months)
    first_weekday = (moment.weekday() - target.weekday()) % 7  # days after the 1st
    target_days = calendar.monthrange(target.year, target.month)[1]
    day = 1 + first_weekday + 7 * week
    if is_last or day > target_days:
        day = 1 + first_weekday + 7 * ((target_days - 1 - first_weekday) // 7)
    return target.replace(day=day)


def step(moment: D, cadence: Cadence, times: int = 1) -> D:
    """``moment`` moved on by ``times`` beats of ``cadence``, counted from ``moment`` itself;
    monthly rhythms keep the weekday and its place in the month.

    Raises ``ValueError`` for a cadence with no rhythm (``AS_NEEDED``)."""
    if cadence.weeks:
        return moment + timedelta(weeks=cadence.weeks * times)
    if cadence.months:
        return same_weekday_in_month(moment, cadence.months * times)
    raise ValueError(f"{cadence.label!r} has no regular rhythm to step by")


def next_start(
    latest: datetime, cadence: Cadence, not_before: date | None = None
) -> datetime | None:
    """When the session after ``latest`` would start on ``cadence``, at the same time of day.

    ``None`` for a group that meets when needed. With ``not_before`` (usually today) the
    rhythm is followed on past any beats that are already over, so a group that has not met
    for a while gets a suggestion it can still use, on its usual day.
    """
    if not (cadence.weeks or cadence.months):
        return None
    times = 1
    if not_before is not None and latest.date() < not_before:
        # Jump close to not_before in one go instead of stepping beat by beat from long ago.
        if cadence.weeks:
            times = max(1, (not_before - latest.date()).days // (7 * cadence.weeks))
        else:
            months_apart = (not_before.year - latest.year) * 12 + not_before.month - latest.month
            times = max(1, months_apart // cadence.months)
    candidate = step(latest, cadence, times)
    while not_before is not None and candidate.date() < not_before:
        times += 1
        candidate = step(latest, cadence, times)
    return candidate
