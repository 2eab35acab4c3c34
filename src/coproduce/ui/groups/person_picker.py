"""A box for choosing a person by typing a few letters of their name.

The suggestions come from the database (the people service's search, which matches names and
organisations anywhere), a dozen at a time, so a register of thousands never loads into the
window. Two people can share a name, so each suggestion names their organisation too, and the
choice is kept as the person's id, never as the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Person
from coproduce.services import Services
from coproduce.services.people import PersonFilter

SUGGESTIONS = 12
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def person_choice_text(person: Person) -> str:
    """How a person reads in the suggestions: "Amina Patel (Carers Centre)"."""
    if person.organisation:
        return f"{person.display_name} ({person.organisation})"
    return person.display_name


class PersonPicker(QLineEdit):
    """A line edit whose suggestions are people found in the database as the user types.

    Down and Up move through the suggestions and Return picks one (only picks: the box's own
    ``returnPressed`` is left for the Return that follows, "done"); ``person_id`` then holds
    the chosen person's id until the text is edited again.

    Signals:
        person_chosen(int): a person was picked from the suggestions.
    """

    person_chosen = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.person_id: int | None = None
        self.setPlaceholderText(self.tr("Type a few letters of their name"))
        self._suggestions = QStandardItemModel(self)
        self._completer = QCompleter(self._suggestions, self)
        # The database has already matched: show its answers as they are.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(SUGGESTIONS)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        popup = self._completer.popup()
        popup.setAccessibleName(self.tr("People matching what you typed"))
        self._completer.activated[QModelIndex].connect(self._chosen)  # a click
        self.setCompleter(self._completer)
        # Installed after the completer's own filter, so it sees Return first: QCompleter
        # would pass that Return on to the box, which would read it as "add" at once.
        popup.installEventFilter(self)
        self.textEdited.connect(self._search)

    @property
    def completer_popup(self) -> QWidget:
        return self._completer.popup()

    def suggestions(self) -> list[str]:
        """The suggestions offered now, as the user reads them."""
        return [self._suggestions.item(row).text() for row in range(self._suggestions.rowCount())]

    def clear_choice(self) -> None:
        self.person_id = None
        self.clear()
        self._suggestions.clear()

    def resolve(self) -> int | None:
        """The chosen person; or, when the text names exactly one person, that person."""
        if self.person_id is not None:
            return self.person_id
        text = self.text().strip()
        if not text:
            return None
        matches = self._find(text)
        exact = [p for p in matches if text.casefold() in _names_of(p)]
        if len(exact) == 1:
            return exact[0].id
        return matches[0].id if len(matches) == 1 else None

    def _search(self, text: str) -> None:
        self.person_id = None
        self._suggestions.clear()
        if not text.strip():
            return
        for person in self._find(text):
            item = QStandardItem(person_choice_text(person))
            item.setData(person.id, PERSON_ID_ROLE)
            item.setEditable(False)
            self._suggestions.appendRow(item)

    def _find(self, text: str) -> list[Person]:
        try:
            page = self._services.people.list(
                PersonFilter(text=text.strip(), active=True), limit=SUGGESTIONS
            )
        except CoproduceError:
            return []  # a passing database hiccup: no suggestions rather than a message box
        return list(page.items)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        popup = self._completer.popup()
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and popup.currentIndex().isValid()
        ):
            index = popup.currentIndex()
            popup.hide()
            self.setText(str(index.data(Qt.ItemDataRole.DisplayRole)))
            self._chosen(index)
            return True
        return super().eventFilter(watched, event)

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        if person_id is None:
            return
        self.person_id = int(person_id)
        self.person_chosen.emit(self.person_id)


def _names_of(person: Person) -> set[str]:
    return {person.display_name.casefold(), person_choice_text(person).casefold()}
