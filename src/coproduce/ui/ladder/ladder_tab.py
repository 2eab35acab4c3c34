"""The "Ladder" tab of a document: where its work was planned to be on the ladder of
co-production, where staff and participants place it now, how it got there, and a plain
warning when it has drifted.

The planned rung is one of the document's own details: it is saved with the document's
Save (Ctrl+S) and undone like any edit (the document editor watches the field). Assessments
are records of their own: New assessment (Ctrl+L), Edit (Return on the history list) and
Delete (Delete key on the list) save at once through the ladder service, and each is one
undo step. The tab reloads when assessments change anywhere in the window.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.ladder import drift
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Document, LadderAssessment, Page
from coproduce.domain.vocabulary import LadderRung
from coproduce.ui import prompts
from coproduce.ui.commands import EditCommand, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of, short_date
from coproduce.ui.ladder.assessment_dialog import AssessmentDialog
from coproduce.ui.ladder.ladder_widget import LadderWidget, rung_text
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.form import ERROR_STYLE
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.scrolling import scroller_for
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)

RECORD_TYPE = "ladder_assessment"


def _evidence_count(assessment: LadderAssessment) -> str:
    linked = (
        len(assessment.evidence_meeting_ids)
        + len(assessment.evidence_contribution_ids)
        + len(assessment.evidence_response_ids)
    )
    notes = " + notes" if assessment.evidence.strip() else ""
    return (count_of(linked, "item") if linked else "none") + notes


HISTORY_COLUMNS: tuple[Column[LadderAssessment], ...] = (
    Column("Date", lambda a: short_date(a.assessed_on)),
    Column("Rung", lambda a: f"{int(a.rung)} {a.rung.label}"),
    Column("By", lambda a: "Participants" if a.assessor_is_participant else "Staff"),
    Column("Assessor", lambda a: a.assessor_name),
    Column(
        "Suggested",
        lambda a: a.suggested_rung.label if a.suggested_rung else "",
        tooltip=lambda a: "The guided questions suggested this rung" if a.suggested_rung else "",
    ),
    Column("Evidence", _evidence_count),
    Column("Rationale", lambda a: " ".join(a.rationale.split()), tooltip=lambda a: a.rationale),
)


class LadderTab(QWidget):
    """The document's planned rung, ladder picture, drift warning and assessment history."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.document: Document | None = None
        self.history: list[LadderAssessment] = []
        self.dialog: AssessmentDialog | None = None

        self.unsaved_note = muted(QLabel(self.tr("Save the document first to assess its work.")))
        self.drift_label = QLabel()
        self.drift_label.setWordWrap(True)
        self.drift_label.setTextFormat(Qt.TextFormat.PlainText)
        self.drift_label.setStyleSheet(ERROR_STYLE)
        self.drift_label.setAccessibleName(self.tr("Drift warning"))
        self.drift_label.hide()

        self.planned_field = QComboBox()
        self.planned_field.addItem(self.tr("Not set"), 0)
        for rung in sorted(LadderRung, reverse=True):
            self.planned_field.addItem(rung_text(rung), int(rung))
        self.planned_field.setAccessibleName(self.tr("Planned rung"))
        self.planned_field.setToolTip(
            self.tr("Where the work is meant to be; saved with the document (Ctrl+S)")
        )
        self.planned_field.currentIndexChanged.connect(self._show)
        planned_row = QFormLayout()
        planned_label = QLabel(self.tr("P&lanned rung:"))
        planned_label.setBuddy(self.planned_field)
        planned_row.addRow(planned_label, self.planned_field)

        self.ladder = LadderWidget()

        self.model: RecordTableModel[LadderAssessment] = RecordTableModel(
            HISTORY_COLUMNS, self._load_history
        )
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Ladder assessments, newest first"),
            widths_in_characters=(11, 16, 12, 20, 13, 12, 30),
            stretch_column=6,
        )
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.new_action = QAction(self.tr("New ladder assessment"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+L"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_assessment)
        self.addAction(self.new_action)
        delete_action = QAction(self.tr("Delete the chosen ladder assessment"), self.table)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)

        self.new_button = QPushButton(self.tr("Ne&w assessment…"))
        self.new_button.setToolTip(self.tr("Assess where the work is now (Ctrl+L)"))
        self.new_button.clicked.connect(self.new_assessment)
        self.edit_button = QPushButton(self.tr("Correc&t…"))
        self.edit_button.setAccessibleName(self.tr("Correct the chosen assessment"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen assessment"))
        self.delete_button.setToolTip(self.tr("Delete the chosen assessment (Delete key)"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        history_label = QLabel(self.tr("Histor&y (newest first):"))
        history_label.setBuddy(self.table)
        inside = QWidget()
        column = QVBoxLayout(inside)
        column.addWidget(self.unsaved_note)
        column.addWidget(self.drift_label)
        column.addLayout(planned_row)
        column.addWidget(self.ladder)
        column.addWidget(history_label)
        column.addWidget(self.table, 1)
        scroll = scroller_for(inside, self.tr("Ladder of co-production"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)  # outside the scrolling part: always in sight

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        context.changes.changed.connect(self._record_changed)
        self.set_document(None)

    # --- for the document editor ------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show the ladder of ``document`` as saved (None: a new, unsaved document)."""
        self.document = document
        self.set_planned_rung(document.planned_rung if document else None)
        self.reload()

    def planned_rung(self) -> LadderRung | None:
        value = self.planned_field.currentData()
        return LadderRung(value) if value else None

    def set_planned_rung(self, rung: LadderRung | None) -> None:
        self.planned_field.setCurrentIndex(self.planned_field.findData(int(rung) if rung else 0))

    def reload(self) -> None:
        self.history = []
        if self.document is not None and self.document.id is not None:
            try:
                self.history = self._services.ladder.history(self.document.id)
            except CoproduceError as exc:
                log.warning(
                    "Could not read the ladder of document %s: %s",
                    self.document.id,
                    describe_error(exc),
                )
        self.model.reload()
        self._show()

    def drift_message(self) -> str:
        """The drift warning as shown ('' when the work has not drifted)."""
        return self.drift_label.text() if not self.drift_label.isHidden() else ""

    # --- actions ----------------------------------------------------------------------------

    def new_assessment(self) -> AssessmentDialog | None:
        """Open the dialog for a new assessment (saved, and undoable, when it is saved)."""
        if self.document is None or self.document.id is None:
            return None
        self._show_tab()
        return self._open(AssessmentDialog(self._services, self.document, self._assess, None, self))

    def edit_selected(self) -> AssessmentDialog | None:
        chosen = self.selected()
        if chosen is None or self.document is None:
            return None
        return self._open(
            AssessmentDialog(
                self._services,
                self.document,
                lambda edited: self._correct(chosen, edited),
                chosen,
                self,
            )
        )

    def delete_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return False
        described = self._describe(chosen)
        if not prompts.ask_yes_no(
            self, self.tr("Delete assessment"), self.tr("Delete the assessment %s?") % described
        ):
            return False
        ladder = self._services.ladder
        try:
            deleted = ladder.delete(chosen.id, chosen.version)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        state = {"deleted": deleted}

        def delete_again() -> None:
            state["deleted"] = ladder.delete(deleted.id)  # type: ignore[arg-type]

        self._push(
            ServiceCommand(
                self.tr("Delete the assessment %s") % described,
                undo_call=lambda: ladder.restore(state["deleted"]),
                redo_call=delete_again,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        return True

    def selected(self) -> LadderAssessment | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record(index.row())

    # --- inside -----------------------------------------------------------------------------

    def _open(self, dialog: AssessmentDialog) -> AssessmentDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()
        dialog.activateWindow()
        dialog.answer_fields["agenda"].setFocus()
        return dialog

    def _dialog_closed(self, dialog: AssessmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _assess(self, assessment: LadderAssessment) -> LadderAssessment:
        ladder = self._services.ladder
        saved = ladder.assess(assessment)
        state = {"saved": saved}

        def put_back() -> None:
            state["saved"] = ladder.restore(state["saved"])

        self._push(
            ServiceCommand(
                self.tr("New ladder assessment %s") % self._describe(saved),
                undo_call=lambda: ladder.delete(saved.id),  # type: ignore[arg-type]
                redo_call=put_back,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        return saved

    def _correct(self, before: LadderAssessment, edited: LadderAssessment) -> LadderAssessment:
        ladder = self._services.ladder
        after = ladder.update(edited)
        self._push(
            EditCommand(
                self.tr("Correct the assessment %s") % self._describe(after),
                save=ladder.update,
                fetch=ladder.get,
                before=before,
                after=after,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        return after

    def _push(self, command: ServiceCommand) -> None:
        self._context.undo_stack.push(command)
        self._context.changes.changed.emit(RECORD_TYPE)

    def _describe(self, assessment: LadderAssessment) -> str:
        return self.tr("of %s on %s") % (assessment.rung.label, short_date(assessment.assessed_on))

    def _load_history(self, offset: int, limit: int) -> Page[LadderAssessment]:
        newest_first: Sequence[LadderAssessment] = self.history[::-1]
        return Page(
            items=tuple(newest_first[offset : offset + limit]),
            total=len(newest_first),
            offset=offset,
        )

    def _record_changed(self, record_type: str) -> None:
        if record_type == RECORD_TYPE:
            self.reload()

    def _show(self, *_args: object) -> None:
        planned = self.planned_rung()
        saved = self.document is not None and self.document.id is not None
        self.unsaved_note.setVisible(not saved)
        self.ladder.set_ladder(planned, self.history)
        slipped = drift(planned, self.history)
        if slipped is None:
            self.drift_label.clear()
            self.drift_label.hide()
        else:
            self.drift_label.setText(self.tr("This work is drifting. %s") % slipped.message)
            self.drift_label.show()
        self.new_button.setEnabled(saved)
        self.new_action.setEnabled(saved)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _show_tab(self) -> None:
        """Bring this tab to the front (Ctrl+L works from anywhere in the document editor)."""
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QTabWidget) and parent.indexOf(self) >= 0:
                parent.setCurrentWidget(self)
                return
            parent = parent.parentWidget()
