"""What every list page shares: a heading, a note on what is coming, a search box, a count
and a table whose rows load from the services as they are shown.

A page subclass says which columns it has and how to load one page of rows for the current
search; the search itself always runs in the database (the services' filter arguments), never
over rows already in memory, so it finds rows that were never scrolled into view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coproduce.domain.records import Page
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.search_field import SearchField
from coproduce.ui.widgets.text import heading_label, muted


class ListPage(QWidget):
    """A searchable list of one kind of record. Subclasses fill in the class attributes and
    ``columns()`` and ``load()``."""

    title = ""
    singular = ""
    plural = ""
    search_hint = ""
    searchable = True
    """False where the service offers no text search yet: the box is then not shown."""
    coming_next = ""
    widths_in_characters: Sequence[int] = ()
    stretch_column = 0

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        context.changes.changed.connect(self._record_changed)
        self.search_text = ""
        self.setAccessibleName(self.title)

        heading = heading_label(self.title)

        note = QLabel(self.coming_next)
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("What is coming to this page"))
        note.setAccessibleDescription(self.coming_next)
        muted(note)
        note.setVisible(bool(self.coming_next))

        self.search_field = SearchField(
            self.search_hint, self.tr("Search %s") % self.plural, parent=self
        )
        self.search_field.search_changed.connect(self._search_for)
        self.search_field.setVisible(self.searchable)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of %s shown") % self.plural)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self.load, parent=self)
        self.model.reloaded.connect(self._show_count)
        self.model.load_failed.connect(self._show_failure)
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("List of %s") % self.plural,
            widths_in_characters=self.widths_in_characters,
            stretch_column=self.stretch_column,
        )

        tools = QHBoxLayout()
        if self.searchable:
            tools.addWidget(self.search_field, 2)
        for widget in self.filter_widgets():
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.search_field if self.searchable else self.table)

    # --- for subclasses ------------------------------------------------------------------

    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def load(self, offset: int, limit: int) -> Page[Any]:
        """One page of rows matching ``self.search_text`` (and the page's other filters)."""
        raise NotImplementedError

    def filter_widgets(self) -> Sequence[QWidget]:
        """Extra filter controls placed after the search box."""
        return ()

    def prepare(self) -> None:
        """Load what every row needs (a few lookups) before the rows are loaded again."""

    # --- behaviour -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the list again from the database, keeping the search."""
        self.prepare()
        self.model.reload()

    def _search_for(self, text: str) -> None:
        self.search_text = text
        self.model.reload()

    def _show_count(self, total: int) -> None:
        if total:
            self.count_label.setText(count_of(total, self.singular, self.plural))
        elif self.search_text or self.is_filtered():
            self.count_label.setText(self.tr("No %s match") % self.plural)
        else:
            self.count_label.setText(self.tr("No %s yet") % self.plural)
        self.count_label.setAccessibleDescription(self.count_label.text())

    def _show_failure(self, message: str) -> None:
        self.count_label.setText(self.tr("Could not load the list"))
        self.count_label.setToolTip(message)

    record_types: tuple[str, ...] = ()
    """Record types whose change (announced on ``DataChanges``) means this list reloads."""

    def _record_changed(self, record_type: str) -> None:
        if record_type in self.record_types:
            self.refresh()

    def is_filtered(self) -> bool:
        """True when a filter other than the search box narrows the list."""
        return False
