"""The use cases, one service per area, gathered in ``Services`` for the window and the CLI.

Services take and return domain records, open one short transaction per call, validate with
``coproduce.domain.validation`` and raise domain errors. They never return ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property

from coproduce.services.groups import GroupService
from coproduce.services.people import PeopleService
from coproduce.store.database import Database
from coproduce.store.unit_of_work import Store


class Services:
    """Every service over one open database."""

    def __init__(
        self,
        database: Database,
        *,
        actor: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.database = database
        self.store = Store(database, actor)
        self._today = today

    @cached_property
    def groups(self) -> GroupService:
        return GroupService(self.store, self._today)

    @cached_property
    def people(self) -> PeopleService:
        return PeopleService(self.store, self._today)
