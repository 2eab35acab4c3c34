"""The use cases, one service per area, gathered in ``Services`` for the window and the CLI.

Services take and return domain records, open one short transaction per call, validate with
``coproduce.domain.validation`` and raise domain errors. They never return ORM rows.

Each service's module is imported when the service is first used, not here: the window's
start needs a few of them, and others pull in python-docx or openpyxl (exports), which would
otherwise load before the window shows (issue 12).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from coproduce import paths
from coproduce.store.database import Database
from coproduce.store.unit_of_work import Store

if TYPE_CHECKING:
    from coproduce.services.actions import ActionService
    from coproduce.services.audit import AuditService
    from coproduce.services.capture import CaptureService
    from coproduce.services.contributions import ContributionService
    from coproduce.services.dashboard import DashboardService
    from coproduce.services.documents import DocumentService
    from coproduce.services.easy_words import EasyWordsService
    from coproduce.services.evidence import EvidenceService
    from coproduce.services.glossary import GlossaryService
    from coproduce.services.groups import GroupService
    from coproduce.services.handouts import HandoutService
    from coproduce.services.involvement import InvolvementService
    from coproduce.services.journeys import JourneyService
    from coproduce.services.ladder import LadderService
    from coproduce.services.meetings import MeetingService
    from coproduce.services.people import PeopleService
    from coproduce.services.pictures import PictureService
    from coproduce.services.preparation import PreparationService
    from coproduce.services.reports import ReportService
    from coproduce.services.search import SearchService
    from coproduce.services.tables import TableService


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

    def open_another(self, address: str, *, create: bool = False) -> Services:
        """Services over the database at ``address`` (a file path, ``sqlite:///PATH`` or a
        server's URL), opened and brought up to date as at start-up, for the same person and
        clock. Raises ``CoproduceError`` with a message to show when it cannot be opened
        (``DatabaseNotFoundError`` for a missing or empty file, unless ``create``); this
        database stays open either way (``close`` it when done with it)."""
        url = paths.resolve_database_url(address)
        database = Database.open(url, create=create)
        return Services(database, actor=self.store.actor, today=self._today)

    def close(self) -> None:
        """Close the database (after its last use)."""
        self.database.close()

    @cached_property
    def groups(self) -> GroupService:
        from coproduce.services.groups import GroupService

        return GroupService(self.store, self._today)

    @cached_property
    def people(self) -> PeopleService:
        from coproduce.services.people import PeopleService

        return PeopleService(self.store, self._today)

    @cached_property
    def meetings(self) -> MeetingService:
        from coproduce.services.meetings import MeetingService

        return MeetingService(self.store, self._today)

    @cached_property
    def actions(self) -> ActionService:
        from coproduce.services.actions import ActionService

        return ActionService(self.store, self._today)

    @cached_property
    def contributions(self) -> ContributionService:
        from coproduce.services.contributions import ContributionService

        return ContributionService(self.store, self._today)

    @cached_property
    def documents(self) -> DocumentService:
        from coproduce.services.documents import DocumentService

        return DocumentService(self.store, self._today)

    @cached_property
    def easy_words(self) -> EasyWordsService:
        from coproduce.services.easy_words import EasyWordsService

        return EasyWordsService(self.store, self._today)

    @cached_property
    def handouts(self) -> HandoutService:
        from coproduce.services.handouts import HandoutService

        return HandoutService(self.store, self._today)

    @cached_property
    def journeys(self) -> JourneyService:
        from coproduce.services.journeys import JourneyService

        return JourneyService(self.store, self._today)

    @cached_property
    def ladder(self) -> LadderService:
        from coproduce.services.ladder import LadderService

        return LadderService(self.store, self._today)

    @cached_property
    def involvement(self) -> InvolvementService:
        from coproduce.services.involvement import InvolvementService

        return InvolvementService(self.store, self._today)

    @cached_property
    def preparation(self) -> PreparationService:
        from coproduce.services.preparation import PreparationService

        return PreparationService(self.store, self._today)

    @cached_property
    def capture(self) -> CaptureService:
        from coproduce.services.capture import CaptureService

        return CaptureService(self.store, self._today)

    @cached_property
    def search(self) -> SearchService:
        from coproduce.services.search import SearchService

        return SearchService(self.store, self._today)

    @cached_property
    def dashboard(self) -> DashboardService:
        from coproduce.services.dashboard import DashboardService

        return DashboardService(self.store, self._today)

    @cached_property
    def tables(self) -> TableService:
        from coproduce.services.tables import TableService

        return TableService(self.store, self._today)

    @cached_property
    def glossary(self) -> GlossaryService:
        from coproduce.services.glossary import GlossaryService

        return GlossaryService(self.store, self._today)

    @cached_property
    def pictures(self) -> PictureService:
        from coproduce.services.pictures import PictureService

        return PictureService(self.store, self._today)

    @cached_property
    def reports(self) -> ReportService:
        from coproduce.services.reports import ReportService

        return ReportService(self.store, self._today)

    @cached_property
    def evidence(self) -> EvidenceService:
        from coproduce.services.evidence import EvidenceService

        return EvidenceService(self.store, self._today)

    @cached_property
    def audit(self) -> AuditService:
        from coproduce.services.audit import AuditService

        return AuditService(self.store, self._today)
