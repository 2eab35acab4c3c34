"""The search popup: a field that searches as you type, and the records found.

Results come from ``services.search`` (contributions, sessions, documents, section headings,
without caring about case or accents). Typing waits for a short pause before it asks the
database; Down moves from the field into the list; Enter opens the chosen result, which the
window does by listening to ``open_requested``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import DatabaseError
from coproduce.services import Services
from coproduce.services.search import SearchResult
from coproduce.ui import window_state

TYPING_PAUSE_MS = 120

ResultRole = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultModel(QAbstractListModel):
    """The records found, best first; ``ResultRole`` gives the ``SearchResult`` itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result(self, row: int) -> SearchResult:
        return self._results[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            heading = (
                f"{self.tr(result.kind.label)}: {result.title}"
                if result.title
                else (self.tr(result.kind.label))
            )
            return f"{heading}\n{result.snippet}" if result.snippet else heading
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self.tr(result.kind.label)}. {result.title}. {result.snippet}"
        if role == ResultRole:
            return result
        return None


class _ResultList(QListView):
    """The results list; Enter opens the current result."""

    activated_result = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_result.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class _QueryField(QLineEdit):
    """The search words; Down moves into the results."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Search contributions, sessions and documents as you type.

    Signals:
        open_requested(object): the ``SearchResult`` a person chose (Enter or double click);
            the dialog closes itself after emitting it.
    """

    open_requested = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "search")
        self._services = services
        self.setWindowTitle(self.tr("Search everything"))
        self.setAccessibleName(self.tr("Search everything"))

        self.field = _QueryField(self)
        self.field.setPlaceholderText(self.tr("Words from a contribution, session or document"))
        self.field.setAccessibleName(self.tr("Search words"))
        self.field.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Search for:"), self)
        label.setBuddy(self.field)

        self.model = SearchResultModel(self)
        self.results = _ResultList(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)
        self.status.setText(self.tr("Type a few letters; results appear as you type."))

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.setTabOrder(self.field, self.results)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 30)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_first_or_search)
        self.field.down_pressed.connect(self._focus_results)
        self.results.activated_result.connect(self._open_row)
        self.results.doubleClicked.connect(lambda index: self._open_row(index.row()))

    def search_now(self) -> None:
        """Search for the field's words at once (typing normally waits for a short pause)."""
        self._timer.stop()
        words = self.field.text().strip()
        if not words:
            self.model.set_results([])
            self.status.setText(self.tr("Type a few letters; results appear as you type."))
            return
        try:
            results = self._services.search.search(words)
        except DatabaseError as error:
            self.model.set_results([])
            self.status.setText(str(error))
            return
        self.model.set_results(results)
        if not results and len(words) < 2:
            self.status.setText(self.tr("Type one more letter to search."))
        elif not results:
            self.status.setText(self.tr("Nothing found for “%1”.").replace("%1", words))
        elif len(results) == 1:
            self.status.setText(self.tr("1 result. Press Down to choose, Enter to open."))
        else:
            self.status.setText(
                self.tr("%1 results, best first. Press Down to choose, Enter to open.").replace(
                    "%1", str(len(results))
                )
            )
        if results:
            self.results.setCurrentIndex(self.model.index(0))

    def _focus_results(self) -> None:
        if self._timer.isActive():
            self.search_now()
        if self.model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0))

    def _open_first_or_search(self) -> None:
        if self._timer.isActive() or not self.model.rowCount():
            self.search_now()
        if self.model.rowCount():
            current = self.results.currentIndex()
            self._open_row(current.row() if current.isValid() else 0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.result(row))
            self.accept()
