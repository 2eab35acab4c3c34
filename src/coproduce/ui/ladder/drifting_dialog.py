"""The list of drifting work: every document (not archived) whose latest ladder assessment
is below its planned rung or lower than the one before, with what happened in words.

Opened from the Documents page ("Drifting work", Ctrl+Shift+L). A group can be chosen to see
only the work that group took part in. Return (or Open) on a row closes the list and shows
that document on the Documents page, on its Ladder tab. While open, the list follows changes
made anywhere in the window (assessments, planned rungs, archiving).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Page
from coproduce.services.ladder import DriftingWork
from coproduce.ui import window_state
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of, short_date
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.record_table import RecordTable

log = logging.getLogger(__name__)

RELATED_TYPES = frozenset({"ladder_assessment", "document", "link", "agenda_item"})

COLUMNS: tuple[Column[DriftingWork], ...] = (
    Column("Document", lambda w: w.title),
    Column(
        "Now",
        lambda w: (
            f"{w.drift.latest.rung.label}"
            + (" (participants)" if w.drift.latest.by_participants else "")
        ),
    ),
    Column("Planned", lambda w: w.drift.planned.label if w.drift.planned else "Not set"),
    Column("Assessed", lambda w: short_date(w.drift.latest.assessed_on)),
    Column("What happened", lambda w: w.drift.message, tooltip=lambda w: w.drift.message),
)


class DriftingWorkDialog(QDialog):
    """Drifting documents, optionally of one group.

    Signals:
        document_chosen(int): the person asked to see this document.
    """

    document_chosen = Signal(int)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "drifting work")
        self._services = context.services
        self.setWindowTitle(self.tr("Drifting work"))
        self.work: list[DriftingWork] = []

        self.group_field = QComboBox()
        self.group_field.addItem(self.tr("All groups"), None)
        try:
            for group in self._services.groups.list().items:
                self.group_field.addItem(group.name, group.id)
        except CoproduceError as exc:
            log.warning("Could not list the groups: %s", describe_error(exc))
        group_label = QLabel(self.tr("&Group:"))
        group_label.setBuddy(self.group_field)
        self.group_field.setAccessibleName(self.tr("Show drifting work of this group"))
        self.group_field.currentIndexChanged.connect(self.reload)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "Work whose latest assessment is below its planned rung, or lower than the "
                "assessment before it. Archived documents are left out."
            )
        )
        explanation.setWordWrap(True)

        self.model: RecordTableModel[DriftingWork] = RecordTableModel(COLUMNS, self._load)
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Drifting work"),
            widths_in_characters=(30, 16, 16, 12, 60),
            stretch_column=4,
        )
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.doubleClicked.connect(lambda _index: self.open_selected())

        self.open_button = QPushButton(self.tr("&Open the document"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(group_label)
        top.addWidget(self.group_field)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        character = self.fontMetrics().horizontalAdvance("n")
        self.resize(character * 140, self.fontMetrics().lineSpacing() * 26)
        context.changes.changed.connect(self._record_changed)
        self.reload()

    def reload(self, *_args: object) -> None:
        group_id = self.group_field.currentData()
        try:
            self.work = self._services.ladder.drifting(group_id)
        except CoproduceError as exc:
            self.work = []
            self.count_label.setText(str(exc))
        else:
            self.count_label.setText(
                self.tr("%s drifting.") % count_of(len(self.work), "document")
                if self.work
                else self.tr("No work is drifting.")
            )
        self.model.reload()
        if self.work:
            self.table.selectRow(0)

    def open_selected(self) -> bool:
        index = self.table.currentIndex()
        chosen = self.model.record(index.row()) if index.isValid() else None
        if chosen is None:
            return False
        self.accept()
        self.document_chosen.emit(chosen.document_id)
        return True

    def _load(self, offset: int, limit: int) -> Page[DriftingWork]:
        return Page(
            items=tuple(self.work[offset : offset + limit]), total=len(self.work), offset=offset
        )

    def _record_changed(self, record_type: str) -> None:
        if record_type in RELATED_TYPES and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
