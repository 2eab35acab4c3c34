"""'What the groups said' about one document: its figures, then every contribution linked to
it, grouped by section, each with where it stands, and below them the chosen contribution's
links and response, ready to edit ("You said, we did").

Choose one contribution and its ``ContributionPanel`` shows below the list: its links and
its response are edited there, each change undoable. Choose several (Shift or Ctrl with the
arrow keys and Space, or the mouse) and "Respond to the chosen" (Ctrl+Shift+R) gives them
all one response in one undo step. Before another contribution is shown, unsaved work in the
panel is asked about (``may_leave``); the view answers ``Editing`` for the page around it.

The view follows changes made anywhere in the window (or undone) by reloading when a related
record type changes, keeping the chosen contributions chosen. The tree is a
``QStandardItemModel``: one document's contributions are under a thousand even in the large
demo (measured in bench/README.md) and are read in one call, so there is nothing to load
lazily.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Document
from coproduce.services.journeys import DocumentFigures, Journey, SectionJourneys
from coproduce.ui import prompts
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of
from coproduce.ui.journeys.story import fed_back, response_summary, said_at
from coproduce.ui.responses.panel import ContributionPanel
from coproduce.ui.responses.respond_to_many import RespondToManyDialog
from coproduce.ui.widgets.columns import ReadableColumn, fit_to_content
from coproduce.ui.widgets.scrolling import scroller_for
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
    contributions beneath them, then the chosen contribution's links and response."""

    HEADINGS = ("What was said", "Who", "Session", "Response", "Fed back")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._document: Document | None = None
        self._restoring = False
        self._chosen: list[int] = []
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
        self.tree.setAccessibleDescription(
            self.tr(
                "Choose one to edit its links and response below. Shift or Ctrl with the "
                "arrow keys and Space chooses several; Ctrl+Shift+R responds to them all."
            )
        )
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        width = self.tree.fontMetrics().averageCharWidth()
        for column, characters in enumerate((50, 18, 26, 26, 16)):
            self.tree.setColumnWidth(column, width * characters)
        # What was said takes the room the other columns leave, never less than 30
        # characters (or its words, up to 60); the others are as wide as what they show.
        self.said_column = ReadableColumn(self.tree, 0, 30, up_to_characters=60)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        # Room for a dozen lines of the list above the chosen contribution's details.
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 12)

        self.respond_action = QAction(self.tr("Respond to the chosen contributions"), self)
        self.respond_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.respond_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.respond_action.triggered.connect(self.respond_to_chosen)
        self.addAction(self.respond_action)
        self.respond_button = QPushButton(self.tr("Respond to the chosen…"))
        self.respond_button.setAccessibleName(self.tr("Respond to the chosen contributions"))
        self.respond_button.setToolTip(
            self.tr("Give every chosen contribution the same response (Ctrl+Shift+R)")
        )
        self.respond_button.clicked.connect(self.respond_to_chosen)
        self.chosen_note = muted(QLabel())
        self.chosen_note.setWordWrap(True)
        respond_row = QHBoxLayout()
        respond_row.addWidget(self.chosen_note, 1)
        respond_row.addWidget(self.respond_button)

        # The whole panel scrolls below the list (its response's fields do not scroll again).
        self.panel = ContributionPanel(context, scrolls_response=False)
        panel_scroll = scroller_for(self.panel, self.tr("The chosen contribution"))
        self.several_note = muted(QLabel())
        self.several_note.setWordWrap(True)
        self.several_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.below = QStackedWidget()
        self.below.addWidget(panel_scroll)
        self.below.addWidget(self.several_note)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree, 1)
        top_layout.addLayout(respond_row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.below)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.empty_note = muted(QLabel())
        self.empty_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.splitter, 1)
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
        """Show what was said about ``document``. Another document drops unsaved work in
        the panel: the page asks ``may_leave`` first (this view answers ``Editing``)."""
        same = (
            document is not None and self._document is not None and document.id == self._document.id
        )
        self._document = document
        if not same:
            self._chosen = []
            self.panel.show_contribution(None)
        self.reload()

    def reload(self) -> None:
        document = self._document
        self.groups, self.figures = [], None
        if document is not None and document.id is not None:
            try:
                self.groups = self._services.journeys.document_journeys(document.id)
                self.figures = self._services.journeys.document_figures(document.id)
            except CoproduceError as exc:  # deleted meanwhile: shown empty until reselected
                log.warning(
                    "Could not read what was said about document %s: %s",
                    document.id,
                    describe_error(exc),
                )
                self.groups, self.figures = [], None
        self._show_figures(self.figures)
        # Emptying the list deselects everything: that is no choice of the person's.
        self._restoring = True
        try:
            self._fill_tree(self.groups)
        finally:
            self._restoring = False
        self._choose_again()

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
            for blank in row[1:]:  # under the heading spanning the row: read as the heading
                blank.setData(heading.text(), Qt.ItemDataRole.AccessibleTextRole)
            for journey in group.journeys:
                heading.appendRow(self._journey_row(journey))
            self.model.appendRow(row)
            # The section's name and count across the whole width, never cut short.
            self.tree.setFirstColumnSpanned(self.model.rowCount() - 1, QModelIndex(), True)
        self.tree.expandAll()
        fit_to_content(self.tree, skip={0}, most_characters=24)
        self.said_column.fit()

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
        for cell in cells:  # a cell cut short shows all of its words on hover
            cell.setToolTip(cell.text())
        return cells

    @staticmethod
    def _item(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        return item

    def journey_at(self, index: QModelIndex) -> Journey | None:
        journey = index.data(JOURNEY_ROLE) if index.isValid() else None
        return journey if isinstance(journey, Journey) else None

    # --- choosing and responding ----------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        """The chosen contributions, each once, in the order they are listed."""
        ids: dict[int, None] = {}
        for index in sorted(
            self.tree.selectionModel().selectedRows(0),
            key=lambda i: (i.parent().row(), i.row()),
        ):
            journey = self.journey_at(index)
            if journey is not None and journey.contribution.id is not None:
                ids[journey.contribution.id] = None
        return list(ids)

    def choose(self, contribution_ids: list[int]) -> None:
        """Choose these contributions in the list; the first of them becomes the current
        row (a contribution linked to two sections is chosen under both)."""
        selection = QItemSelection()
        current: QModelIndex | None = None
        for group_row in range(self.model.rowCount()):
            heading = self.model.index(group_row, 0)
            for row in range(self.model.rowCount(heading)):
                index = self.model.index(row, 0, heading)
                journey = self.journey_at(index)
                if journey is None or journey.contribution.id not in contribution_ids:
                    continue
                last = self.model.index(row, self.model.columnCount() - 1, heading)
                selection.select(index, last)
                if current is None and journey.contribution.id == contribution_ids[0]:
                    current = index
        flags = QItemSelectionModel.SelectionFlag
        model = self.tree.selectionModel()
        if current is not None:
            model.setCurrentIndex(current, flags.NoUpdate)
            self.tree.scrollTo(current)
        model.select(selection, flags.ClearAndSelect | flags.Rows)

    def respond_to_chosen(self) -> RespondToManyDialog | None:
        """Open (window-modal) the dialog that gives every chosen contribution the same
        response; None when nothing is chosen or the person stays with unsaved work."""
        ids = self.chosen_ids()
        if not ids or not may_leave(self.panel):
            return None
        try:
            dialog = RespondToManyDialog(self._context, ids, self)
        except CoproduceError as exc:  # deleted meanwhile, or the database went away
            prompts.show_error(self, self.tr("Cannot respond"), str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _selection_changed(self, _selected: object, _deselected: object) -> None:
        if self._restoring:
            return
        ids = self.chosen_ids()
        shown = self.panel.contribution_id
        if ids != self._chosen and len(ids) == 1 and ids[0] == shown:
            self._chosen = ids  # the shown contribution, chosen again: nothing to ask
        elif ids != self._chosen and shown is not None and not may_leave(self.panel):
            self._choose_again()  # the person stays with their unsaved work
            return
        self._chosen = ids
        self._show_chosen()

    def _show_chosen(self) -> None:
        ids = self._chosen
        self.respond_button.setEnabled(bool(ids))
        self.respond_action.setEnabled(bool(ids))
        if len(ids) > 1:
            self.panel.show_contribution(None)
            self.below.setCurrentIndex(1)
            self.chosen_note.setText(self.tr("%s chosen.") % count_of(len(ids), "contribution"))
            self.several_note.setText(
                self.tr(
                    "%s chosen. Press Ctrl+Shift+R or “Respond to the chosen…” to give "
                    "them all the same response, or choose just one to edit its links "
                    "and response here."
                )
                % count_of(len(ids), "contribution")
            )
            return
        self.below.setCurrentIndex(0)
        self.chosen_note.setText("")
        wanted = ids[0] if ids else None
        if wanted != self.panel.contribution_id:
            self.panel.show_contribution(wanted)

    def _choose_again(self) -> None:
        """After a reload (or a refused change of choice), choose what was chosen."""
        self._restoring = True
        try:
            self.tree.selectionModel().clearSelection()
            if self._chosen:
                self.choose(self._chosen)
        finally:
            self._restoring = False
        self._chosen = self.chosen_ids() if self._chosen else []
        self._show_chosen()

    # --- Editing (for the page around this view) ----------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.panel.has_unsaved_changes()

    def save_changes(self) -> bool:
        return self.panel.save_changes()

    def discard_changes(self) -> None:
        self.panel.discard_changes()

    def unsaved_description(self) -> str:
        return self.panel.unsaved_description()

    def _record_changed(self, record_type: str) -> None:
        if record_type in RELATED_TYPES and self._document is not None:
            self.reload()
