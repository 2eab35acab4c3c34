"""The Dashboard page. The real dashboard (ladder picture, loop closure, reach, overdue actions)
comes later; meanwhile it says so plainly and shows what the database holds, in plain counts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.services.actions import ActionFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.services.people import PersonFilter
from coproduce.ui.context import WindowContext
from coproduce.ui.widgets.figure_tile import FigureTile
from coproduce.ui.widgets.text import heading_label, muted

COMING = (
    "Coming to this page:\n"
    "• the ladder picture: where each piece of work sits on the ladder of co-production, "
    "and where it was planned to be;\n"
    "• loop closure: how many contributions have had an answer, and how many answers were "
    "fed back to the group;\n"
    "• reach: how many people took part, and who has not been heard from lately;\n"
    "• overdue actions, group by group."
)

TILES_PER_ROW = 4

log = logging.getLogger(__name__)


class DashboardPage(QWidget):
    title = "Dashboard"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        services = context.services
        self._services = services
        self.setAccessibleName(self.title)
        people, meetings, actions = services.people, services.meetings, services.actions
        documents, groups = services.documents, services.groups
        # Each figure is the total of a listing asked for no rows: one count query apiece.
        self._figures: list[tuple[FigureTile, Callable[[], int]]] = [
            (FigureTile("Active groups"), lambda: groups.list(active=True, limit=0).total),
            (
                FigureTile("Active people on the register"),
                lambda: people.list(PersonFilter(active=True), limit=0).total,
            ),
            (FigureTile("Sessions"), lambda: meetings.list(MeetingFilter(), limit=0).total),
            (FigureTile("Documents"), lambda: documents.list(limit=0).total),
            (
                FigureTile("Open actions"),
                lambda: actions.list(ActionFilter(open_only=True), limit=0).total,
            ),
            (
                FigureTile("Overdue actions"),
                lambda: actions.list(ActionFilter(overdue=True), limit=0).total,
            ),
            (
                FigureTile("Access needs due for review"),
                lambda: (
                    people.list(PersonFilter(active=True, needs_review_due=True), limit=0).total
                ),
            ),
        ]

        coming = muted(QLabel(COMING))
        coming.setWordWrap(True)
        coming.setAccessibleName("What is coming to this page")
        coming.setAccessibleDescription(COMING)

        meanwhile = QLabel("Meanwhile, what the database holds:")
        meanwhile.setAccessibleName(meanwhile.text())

        grid = QGridLayout()
        grid.setSpacing(12)
        for position, (tile, _count) in enumerate(self._figures):
            grid.addWidget(tile, position // TILES_PER_ROW, position % TILES_PER_ROW)
        for column in range(TILES_PER_ROW):
            grid.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.title))
        layout.addWidget(coming)
        layout.addSpacing(12)
        layout.addWidget(meanwhile)
        layout.addLayout(grid)
        layout.addStretch(1)

    def refresh(self) -> None:
        for tile, count in self._figures:
            try:
                tile.set_figure(count())
            except CoproduceError as exc:
                log.warning("Could not count %s: %s", tile.caption, exc)
                tile.set_figure(None)

    def figures(self) -> dict[str, str]:
        """Each tile's caption and the figure it shows (what a user reads)."""
        return {tile.caption: tile.figure for tile, _count in self._figures}
