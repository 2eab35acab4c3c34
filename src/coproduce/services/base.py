"""What every service shares: the store, and a clock that tests can set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from coproduce.store.unit_of_work import Store


class Service:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self._store = store
        self._today = today

    def today(self) -> date:
        return self._today()

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def moment(self) -> datetime:
        """Now, on the service's day: the clock's time of day on ``today()``. The same as
        ``now()`` in use; where ``today()`` is set (tests, a council seen on another day) the
        sessions that have happened are the ones before this moment."""
        return datetime.combine(self.today(), self.now().time())
