"""'What the groups said' about one document: its figures, then every contribution linked to
it, grouped by section, each with where it stands.

Read-only: responses and links are changed where they are recorded. The view follows changes
made anywhere in the window (or undone) by reloading when a related record type changes.
The tree is a ``QStandardItemModel``: one document's contributions are under a thousand even
in the large demo (measured in bench/README.md) and are read in one call, so there is
nothing to load lazily.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Document
from coproduce.services.journeys import DocumentFigures, Journey, SectionJourneys
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of
from coproduce.ui.journeys.story import fed_back, full_story, response_summary, said_at
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)

JOURNEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``Journey`` behind a contribution's row (None on a section's row)."""

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


def _share(part: int, share: float | None) -> str:
    if share is None:
        return "–"
    return f"{part:,} ({share:.0%})"


class DocumentJourneysView(QWidget):
    """Figures at the top, then the sections (the whole document first) with their
    contributions beneath them, then the selected contribution's whole journey."""

    HEADINGS = ("What was said", "Who", "Session", "Response", "Fed back")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = context.services
        self._document: Document | None = None
        self.groups: list[SectionJourneys] = []
        self.figures: DocumentFigures | None = None
        self.setAccessibleName(self.tr("What the groups said"))

        self.contributions_figure = self._figure()
        self.responded_figure = self._figure()
        self.fed_back_figure = self._figure()
        self.median_figure = self._figure()
        self.oldest_figure = self._figure()
        figures = QFormLayout()
        for caption, label in (
            (self.tr("Contributions:"), self.contributions_figure),
            (self.tr("Responded:"), self.responded_figure),
            (self.tr("Fed back:"), self.fed_back_figure),
            (self.tr("Median days to a response:"), self.median_figure),
            (self.tr("Oldest still unanswered:"), self.oldest_figure),
        ):
            label.setProperty("caption", caption.rstrip(":"))
            figures.addRow(caption, label)

        self.model = QStandardItemModel(0, len(self.HEADINGS), self)
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADINGS])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Contributions about this document, by section"))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        width = self.tree.fontMetrics().averageCharWidth()
        for column, characters in enumerate((50, 18, 26, 26, 16)):
            self.tree.setColumnWidth(column, width * characters)
        self.tree.selectionModel().currentRowChanged.connect(self._show_story)

        self.story = QPlainTextEdit()
        self.story.setReadOnly(True)
        self.story.setAccessibleName(self.tr("The chosen contribution's journey"))
        self.story.setMaximumHeight(self.story.fontMetrics().height() * 9)
        self.empty_note = muted(QLabel())
        self.empty_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.story)
        context.changes.changed.connect(self._record_changed)
        self.show_document(None)

    @staticmethod
    def _figure() -> QLabel:
        label = QLabel("–")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users can read each figure
        label.setWordWrap(True)
        return label

    # --- showing -------------------------------------------------------------------------

    def show_document(self, document: Document | None) -> None:
        self._document = document
        self.reload()

    def reload(self) -> None:
        document = self._document
        self.groups, self.figures = [], None
        if document is not None and document.id is not None:
            try:
                self.groups = self._services.journeys.document_journeys(document.id)
                self.figures = self._services.journeys.document_figures(document.id)
            except CoproduceError as exc:  # deleted meanwhile: shown empty until reselected
                log.warning("Could not read what was said about document %s: %s", document.id, exc)
                self.groups, self.figures = [], None
        self._show_figures(self.figures)
        self._fill_tree(self.groups)

    def _show_figures(self, figures: DocumentFigures | None) -> None:
        if figures is None:
            values = ["–"] * 5
        else:
            median = figures.median_days_to_response
            oldest = "–"
            if figures.oldest_unanswered is not None:
                text = figures.oldest_unanswered.text
                short = text if len(text) <= 60 else text[:59] + "…"
                oldest = self.tr("%s, “%s”") % (
                    count_of(figures.oldest_unanswered_days or 0, "day"),
                    short,
                )
            values = [
                f"{figures.contributions:,}",
                _share(figures.responded, figures.responded_share),
                _share(figures.fed_back, figures.fed_back_share),
                "–" if median is None else f"{median:g}",
                oldest,
            ]
        labels = (
            self.contributions_figure,
            self.responded_figure,
            self.fed_back_figure,
            self.median_figure,
            self.oldest_figure,
        )
        for label, value in zip(labels, values, strict=True):
            label.setText(value)
            label.setAccessibleName(f"{label.property('caption')}: {value}")
        if self._document is None:
            self.empty_note.setText(self.tr("Choose a document to see what the groups said."))
        elif figures is not None and figures.contributions == 0:
            self.empty_note.setText(
                self.tr(
                    "Nothing the groups said is linked to this document yet. Link "
                    "contributions to it when tidying up after a session."
                )
            )
        else:
            self.empty_note.setText("")
        self.empty_note.setVisible(bool(self.empty_note.text()))

    def _fill_tree(self, groups: list[SectionJourneys]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for group in groups:
            heading = QStandardItem(
                self.tr("%s (%s)") % (group.title, count_of(len(group.journeys), "contribution"))
            )
            heading.setEditable(False)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            row = [heading] + [self._item("") for _ in self.HEADINGS[1:]]
            for journey in group.journeys:
                heading.appendRow(self._journey_row(journey))
            self.model.appendRow(row)
            # The section's name and count across the whole width, never cut short.
            self.tree.setFirstColumnSpanned(self.model.rowCount() - 1, QModelIndex(), True)
        self.tree.expandAll()
        self.story.setPlainText("")

    def _journey_row(self, journey: Journey) -> list[QStandardItem]:
        cells = [
            self._item(journey.contribution.text),
            self._item(journey.speaker),
            self._item(said_at(journey)),
            self._item(response_summary(journey)),
            self._item(fed_back(journey)),
        ]
        for cell in cells:
            cell.setData(journey, JOURNEY_ROLE)
        cells[0].setToolTip(journey.contribution.text)
        return cells

    @staticmethod
    def _item(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        return item

    def journey_at(self, index: QModelIndex) -> Journey | None:
        journey = index.data(JOURNEY_ROLE) if index.isValid() else None
        return journey if isinstance(journey, Journey) else None

    def _show_story(self, current: QModelIndex, _previous: QModelIndex) -> None:
        journey = self.journey_at(current)
        self.story.setPlainText(full_story(journey) if journey else "")

    def _record_changed(self, record_type: str) -> None:
        if record_type in RELATED_TYPES and self._document is not None:
            self.reload()
