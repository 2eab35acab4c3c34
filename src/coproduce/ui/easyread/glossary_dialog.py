"""The glossary window: the hard words the checker looks for, their easier words and the easy
explanation the "Hard words" page of a document prints.

Search narrows the list as you type; choosing a term shows it in the editor beside the list.
New (Ctrl+N), Save (Ctrl+S) and Delete (the Delete key in the list) go through
``services.glossary``, and each is undoable with Ctrl+Z (Ctrl+Shift+Z redoes) while the window
is open, or later from the main window's Edit menu: they share the window's undo stack. The
explanation is checked as it is typed, since the explanation must itself be easy read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.plain_language import check
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import GlossaryTerm, replace
from coproduce.ui import prompts, window_state
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import GLOSSARY_RECORD_TYPE
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.text import muted

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Term", "Easier words", "Explanation")


class GlossaryTableModel(QAbstractTableModel):
    """The terms that match the search words (in the term, easier words or explanation)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[GlossaryTerm] = []
        self._shown: list[GlossaryTerm] = []
        self._search = ""

    def set_terms(self, terms: Sequence[GlossaryTerm]) -> None:
        self.beginResetModel()
        self._all = list(terms)
        self._shown = self._matching()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._search = " ".join(text.casefold().split())
        self._shown = self._matching()
        self.endResetModel()

    def total(self) -> int:
        return len(self._all)

    def term(self, row: int) -> GlossaryTerm:
        return self._shown[row]

    def row_of(self, term_id: int | None) -> int:
        for row, term in enumerate(self._shown):
            if term.id == term_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        term = self._shown[index.row()]
        value = (term.term, term.plain, term.explanation)[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section])
        return None

    def _matching(self) -> list[GlossaryTerm]:
        if not self._search:
            return list(self._all)
        return [
            term
            for term in self._all
            if self._search
            in " ".join(f"{term.term} {term.plain} {term.explanation}".split()).casefold()
        ]


class GlossaryTermEditor(RecordEditor[GlossaryTerm]):
    """Edits one glossary term: the hard word, easier words and one easy sentence."""

    record_type = GLOSSARY_RECORD_TYPE
    record_label = "glossary term"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._terms: list[GlossaryTerm] = []
        self.setAccessibleName(self.tr("Glossary term"))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.term_edit = QLineEdit()
        self.term_edit.setPlaceholderText(self.tr("For example: reablement"))
        self.plain_edit = QLineEdit()
        self.plain_edit.setPlaceholderText(self.tr("For example: help to do things again"))
        self.explanation_edit = QPlainTextEdit()
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setPlaceholderText(
            self.tr("One short, easy sentence, for the Hard words page.")
        )
        self.explanation_edit.setFixedHeight(
            self.explanation_edit.fontMetrics().lineSpacing() * 3 + 14
        )
        self.explanation_check = muted(QLabel())
        self.explanation_check.setWordWrap(True)
        self.explanation_check.setAccessibleName(self.tr("Explanation check"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("&Term:"), "term", self.term_edit)
        self.errors.add_row(form, self.tr("&Easier words:"), "plain", self.plain_edit)
        self.errors.add_row(form, self.tr("E&xplanation:"), "explanation", self.explanation_edit)
        form.addRow("", self.explanation_check)
        self.body.addWidget(self.heading)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.term_edit, self.plain_edit, self.explanation_edit)
        self.explanation_edit.textChanged.connect(self._check_explanation)
        self.load(None)

    def show_record(self, record: GlossaryTerm | None) -> None:
        self.heading.setText(self.tr("New term") if record is None else record.term)
        self.heading.setAccessibleName(self.heading.text())
        self.term_edit.setText(record.term if record else "")
        self.plain_edit.setText(record.plain if record else "")
        self.explanation_edit.setPlainText(record.explanation if record else "")
        self._check_explanation()

    def collect(self) -> GlossaryTerm:
        base = self.record or GlossaryTerm(term="")
        return replace(
            base,
            term=self.term_edit.text(),
            plain=self.plain_edit.text(),
            explanation=self.explanation_edit.toPlainText(),
        )

    def create(self, record: GlossaryTerm) -> GlossaryTerm:
        return self._services.glossary.add(record)

    def update(self, record: GlossaryTerm) -> GlossaryTerm:
        return self._services.glossary.update(record)

    def fetch(self, record_id: int) -> GlossaryTerm:
        return self._services.glossary.get(record_id)

    def describe(self, record: GlossaryTerm) -> str:
        return self.tr("the glossary term '%s'") % record.term

    def delete_for_undo(self, record: GlossaryTerm) -> None:
        assert record.id is not None
        self._services.glossary.delete(record.id)

    def restore_for_redo(self, record: GlossaryTerm) -> None:
        self._services.glossary.restore(record)

    def _check_explanation(self) -> None:
        text = self.explanation_edit.toPlainText()
        if not text.strip():
            self.explanation_check.clear()
            return
        others = [t for t in self._terms if t.id != self.record_id()]
        findings = check(text, others)
        if findings:
            words = " ".join(f"{f.message} {f.suggestion}" for f in findings[:3])
            self.explanation_check.setText(self.tr("Not yet easy read: %s") % words)
        else:
            self.explanation_check.setText(self.tr("The explanation reads as easy read."))
        self.explanation_check.setAccessibleDescription(self.explanation_check.text())

    def record_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    def set_terms(self, terms: Sequence[GlossaryTerm]) -> None:
        """The glossary the explanation is checked against (the dialog keeps it current)."""
        self._terms = list(terms)
        self._check_explanation()


class GlossaryDialog(QDialog):
    """View, search, add, edit and delete the glossary's terms (every change undoable)."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "glossary")
        self._context = context
        self._services = context.services
        self._choosing = False
        self.setWindowTitle(self.tr("Glossary of hard words"))
        self.setAccessibleName(self.windowTitle())

        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(self.tr("Part of a term or its explanation"))
        self.search_field.setAccessibleName(self.tr("Find a term"))
        search_label = QLabel(self.tr("&Find:"))
        search_label.setBuddy(self.search_field)
        self.count_label = muted(QLabel())
        self.count_label.setAccessibleName(self.tr("How many terms"))

        self.model = GlossaryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Glossary terms"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 28)

        self.new_button = QPushButton(self.tr("&New term"))
        self.new_button.setToolTip(self.tr("Add a term (Ctrl+N)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen term (Delete in the list)"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen term"))
        self.standard_button = QPushButton(self.tr("Put back standard te&rms"))
        self.standard_button.setToolTip(
            self.tr("Add back the standard terms that are missing; edited ones stay as they are.")
        )

        self.editor = GlossaryTermEditor(context)
        self.editor.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

        left = QVBoxLayout()
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_field, 1)
        left.addLayout(search_row)
        left.addWidget(self.count_label)
        left.addWidget(self.table, 1)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.standard_button)
        left.addLayout(list_buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.editor, 2)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.close_buttons)

        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._step(context.undo_stack.undo))
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(lambda: self._step(context.undo_stack.redo))
        self.delete_action = QAction(self.tr("Delete the chosen term"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_chosen)
        self.table.addAction(self.delete_action)
        self.new_action = QAction(self.tr("New term"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_term)
        self.addAction(self.new_action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        QWidget.setTabOrder(self.search_field, self.table)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.standard_button)
        QWidget.setTabOrder(self.standard_button, self.editor.term_edit)

        self.search_field.textChanged.connect(self._search)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.new_button.clicked.connect(self.new_term)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.standard_button.clicked.connect(self.put_back_standard_terms)
        self.close_buttons.rejected.connect(self.close)
        self.editor.saved.connect(self._saved)
        context.changes.changed.connect(self._records_changed)
        self.reload()
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().height() * 36)
        self.search_field.setFocus()

    # --- what tests and the window use ---------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the terms again, keeping the chosen one (or ``keep``) chosen. The editor
        follows changes to its own term by itself, and keeps anything typed."""
        chosen = keep if keep is not None else self.editor.record_id()
        try:
            terms = self._services.glossary.terms()
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Glossary not read"), str(exc))
            terms = []
        self._choosing = True
        try:
            self.model.set_terms(terms)
        finally:
            self._choosing = False
        self.editor.set_terms(terms)
        self._show_count()
        row = self.model.row_of(chosen)
        if row >= 0:
            self._choose_row(row, quietly=True)
        elif chosen is None and not self.editor.has_unsaved_changes() and self.model.rowCount():
            self._choose_row(0)
        self.delete_button.setEnabled(self.editor.record is not None)

    def choose(self, term: str) -> None:
        """Choose the term called ``term`` in the list (for tests and the window)."""
        for row in range(self.model.rowCount()):
            if self.model.term(row).term.casefold() == term.casefold():
                self.table.setCurrentIndex(self.model.index(row, 0))
                return
        raise LookupError(term)

    def new_term(self) -> None:
        if not self._may_leave_editor():
            return
        self._choosing = True
        try:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._choosing = False
        self.editor.load(None)
        self.editor.term_edit.setFocus()
        self.delete_button.setEnabled(False)

    def delete_chosen(self) -> None:
        term = self.editor.record
        if term is None or term.id is None:
            return
        if not prompts.ask_yes_no(
            self,
            self.tr("Delete the term?"),
            self.tr("Delete '%s' from the glossary? Ctrl+Z puts it back.") % term.term,
        ):
            return
        try:
            deleted = self._services.glossary.delete(term.id, term.version)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return
        services = self._services
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete the glossary term '%s'") % deleted.term,
                undo_call=lambda: services.glossary.restore(deleted),
                redo_call=lambda: services.glossary.delete(deleted.id),  # type: ignore[arg-type]
                changes=self._context.changes,
                record_type=GLOSSARY_RECORD_TYPE,
                parent_widget=self,
            )
        )
        row = self.table.currentIndex().row()
        self.editor.load(None)
        self._context.changes.changed.emit(GLOSSARY_RECORD_TYPE)
        if self.model.rowCount():
            self._choose_row(min(row, self.model.rowCount() - 1))
        self.table.setFocus()

    def put_back_standard_terms(self) -> None:
        try:
            added = self._services.glossary.add_standard_terms()
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not done"), str(exc))
            return
        self._context.changes.changed.emit(GLOSSARY_RECORD_TYPE)
        if added == 0:
            text = self.tr("The glossary already has every standard term.")
        elif added == 1:
            text = self.tr("1 standard term was put back.")
        else:
            text = self.tr("%d standard terms were put back.") % added
        prompts.show_information(self, self.tr("Standard terms"), text)

    # --- inside --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._may_leave_editor():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:
        # Escape closes the window too; ask first about unsaved typing, as Close does.
        if self._may_leave_editor():
            super().reject()

    def _step(self, step: Callable[[], None]) -> None:
        """Undo or redo, after settling unsaved typing: an undo under an editor still holding
        typed text would leave that text unsaveable."""
        if self._may_leave_editor():
            step()

    def _may_leave_editor(self) -> bool:
        if not self.editor.has_unsaved_changes():
            return True
        choice = prompts.ask_save_discard_cancel(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save %s?") % self.editor.unsaved_description(),
        )
        if choice == "save":
            return self.editor.save_changes()
        if choice == "discard":
            self.editor.discard_changes()
            return True
        return False

    def _row_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._choosing:
            return
        if not self._may_leave_editor():
            if previous.isValid():
                self._choose_row(previous.row(), quietly=True)
            else:  # back to the new term being typed, which has no row yet
                self._choosing = True
                try:
                    self.table.setCurrentIndex(QModelIndex())
                    self.table.clearSelection()
                finally:
                    self._choosing = False
            return
        term = self.model.term(current.row()) if current.isValid() else None
        self.editor.load(term)
        self.delete_button.setEnabled(term is not None)

    def _choose_row(self, row: int, *, quietly: bool = False) -> None:
        """Make ``row`` the chosen one; ``quietly``: only in the list (the editor shows it)."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        self._choosing = quietly
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._choosing = False
        self.table.scrollTo(index)
        if not quietly and self.editor.record_id() != self.model.term(row).id:
            self.editor.load(self.model.term(row))
        self.delete_button.setEnabled(self.editor.record is not None)

    def _search(self, text: str) -> None:
        chosen = self.editor.record_id()
        self._choosing = True
        try:
            self.model.set_search(text)
        finally:
            self._choosing = False
        self._show_count()
        row = self.model.row_of(chosen)
        if row >= 0:
            self._choose_row(row, quietly=True)

    def _saved(self, term: GlossaryTerm) -> None:
        self.reload(keep=term.id)

    def _records_changed(self, record_type: str) -> None:
        if record_type == GLOSSARY_RECORD_TYPE:
            self.reload()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = self.tr("%d terms") % total if total != 1 else self.tr("1 term")
        else:
            text = self.tr("%d of %d terms match") % (shown, total)
        self.count_label.setText(text)
        self.count_label.setAccessibleDescription(text)
