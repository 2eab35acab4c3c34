"""'What happened to your ideas': each of one person's contributions with its journey, newest
first: said at which session, linked to which section, what the response was, and when it was
fed back to them.

Read-only, like the document's view; it follows changes made anywhere in the window. The
list is the window's usual lazy table over the journeys, read in one call (a person has said
tens of things, not thousands).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Page, Person
from coproduce.services.journeys import Journey
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of
from coproduce.ui.journeys.story import fed_back, full_story, linked_to, response_summary, said_at
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.record_table import RecordTable

log = logging.getLogger(__name__)

RELATED_TYPES = frozenset(
    {
        "contribution",
        "link",
        "response",
        "section",
        "document",
        "person",
        "consent",
        "meeting",
        "agenda_item",
    }
)

COLUMNS: tuple[Column[Journey], ...] = (
    Column("What they said", lambda j: j.contribution.text, tooltip=lambda j: j.contribution.text),
    Column("Said at", said_at),
    Column("Linked to", linked_to, tooltip=linked_to),
    Column("Response", response_summary, tooltip=lambda j: j.response_text),
    Column("Fed back", fed_back),
)


class PersonJourneysView(QWidget):
    """A summary line, the person's contributions, and the chosen one's whole journey."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = context.services
        self._person: Person | None = None
        self._journeys: tuple[Journey, ...] = ()
        self.setAccessibleName(self.tr("What happened to their ideas"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Their ideas in short"))
        self.model: RecordTableModel[Journey] = RecordTableModel(COLUMNS, self._load)
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("What they said and what happened to it"),
            widths_in_characters=(34, 20, 28, 24, 14),
            stretch_column=4,
        )
        self.table.selectionModel().currentRowChanged.connect(self._show_story)
        self.story = QPlainTextEdit()
        self.story.setReadOnly(True)
        self.story.setAccessibleName(self.tr("The chosen contribution's journey"))
        self.story.setMaximumHeight(self.story.fontMetrics().height() * 9)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.story)
        context.changes.changed.connect(self._record_changed)
        self.show_person(None)

    @property
    def journeys(self) -> tuple[Journey, ...]:
        return self._journeys

    def show_person(self, person: Person | None) -> None:
        self._person = person
        self.reload()

    def reload(self) -> None:
        person = self._person
        journeys: list[Journey] = []
        if person is not None and person.id is not None:
            try:
                journeys = self._services.journeys.person_journeys(person.id)
            except CoproduceError as exc:  # deleted meanwhile: empty until reselected
                log.warning(
                    "Could not read the ideas of person %s: %s", person.id, describe_error(exc)
                )
        self._journeys = tuple(journeys)
        self.model.reload()
        self.story.setPlainText("")
        self.summary.setText(self._summary())

    def _summary(self) -> str:
        if self._person is None or self._person.id is None:
            return self.tr("Choose a person to see what happened to their ideas.")
        if not self._journeys:
            return self.tr("Nothing they said has been recorded yet.")
        answered = sum(1 for j in self._journeys if j.is_answered)
        told = sum(1 for j in self._journeys if j.fed_back_on is not None)
        return self.tr("%s recorded; %s answered; %s fed back to them.") % (
            count_of(len(self._journeys), "contribution"),
            f"{answered:,}",
            f"{told:,}",
        )

    def _load(self, offset: int, limit: int) -> Page[Journey]:
        return Page(
            items=self._journeys[offset : offset + limit],
            total=len(self._journeys),
            offset=offset,
        )

    def _show_story(self, current: QModelIndex, _previous: QModelIndex) -> None:
        journey = self.model.record(current.row()) if current.isValid() else None
        self.story.setPlainText(full_story(journey) if journey else "")

    def _record_changed(self, record_type: str) -> None:
        if record_type in RELATED_TYPES and self._person is not None:
            self.reload()
