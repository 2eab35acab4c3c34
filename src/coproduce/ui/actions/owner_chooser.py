"""The owner of an action, chosen by typing part of a name.

As the person types, the register is searched in the database (names and organisations) and
up to ``SUGGESTIONS`` matches are offered in a list under the field: Down and Enter choose
one. Leaving the field with text that matches exactly one person chooses that person, so
"amin" then Tab gives "Amina Patel" when she is the only match. Text that matches nobody, or
several people, stays as typed and the editor says so beside the field when saving. The
chosen person's access needs show as a flag beside the name.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from coproduce.domain.records import AccessNeeds, Person
from coproduce.services.people import PeopleService, PersonFilter
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.needs_flag import NeedsFlag

SUGGESTIONS = 12


class OwnerChooser(QWidget):
    """A name field with suggestions from the register, and the chosen person's needs flag.

    Signals:
        person_changed(object): the chosen ``Person``, or None (empty, or not yet resolved).
    """

    person_changed = Signal(object)

    def __init__(
        self, people: PeopleService, accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._people = people
        self._person: Person | None = None
        self._offered: dict[str, Person] = {}

        self.line = QLineEdit()
        self.line.setAccessibleName(accessible_name)
        self.line.setPlaceholderText(self.tr("Type part of a name"))
        self.line.setAccessibleDescription(
            self.tr("Type part of a name, then choose from the list with Down and Enter.")
        )
        self.line.setClearButtonEnabled(True)
        self.flag = NeedsFlag()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.flag)
        focus_passes_to(self, self.line)

        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        # The database has already chosen the matches: show them all, as they are.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.line)
        self.completer.popup().setAccessibleName(self.tr("People whose name matches"))
        self.completer.activated[str].connect(self._suggestion_chosen)  # type: ignore[index]
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.resolve)

    # --- what the editor uses ------------------------------------------------------------

    def person(self) -> Person | None:
        return self._person

    def set_person(self, person: Person | None, today: date | None = None) -> None:
        """Show ``person`` (None: nobody) as chosen, without suggestions."""
        self.completer.popup().hide()
        self._person = person
        self.line.setText(person.display_name if person else "")
        self.flag.show_needs(person.needs if person else AccessNeeds(), today)
        self.person_changed.emit(person)

    def problem(self) -> str:
        """Why the text typed is not an owner yet ('' when it is, or when it is empty)."""
        typed = self.line.text().strip()
        if not typed or self._person is not None:
            return ""
        matches = self._matches(typed)
        if not matches:
            return (
                self.tr(
                    "Nobody on the register is called '%s'. Check the spelling, add them on the "
                    "People page first, or leave the owner empty."
                )
                % typed
            )
        return (
            self.tr(
                "More than one person matches '%s'. Type more of the name, or choose one from "
                "the list."
            )
            % typed
        )

    def resolve(self) -> None:
        """Choose the person the text means, when it means exactly one."""
        typed = self.line.text().strip()
        if self._person is not None and typed == self._person.display_name:
            return
        if not typed:
            if self._person is not None:
                self.set_person(None)
            return
        matches = self._matches(typed)
        exact = [p for p in matches if p.display_name.casefold() == typed.casefold()]
        if len(matches) == 1:
            self.set_person(matches[0])
        elif len(exact) == 1:
            self.set_person(exact[0])

    # --- inside --------------------------------------------------------------------------

    def _matches(self, typed: str) -> list[Person]:
        return list(self._people.list(PersonFilter(text=typed), limit=SUGGESTIONS).items)

    def _typed(self, text: str) -> None:
        if self._person is not None:
            self._person = None
            self.flag.show_needs(AccessNeeds())
            self.person_changed.emit(None)
        typed = text.strip()
        if not typed:
            self._offered = {}
            self._suggestions.setStringList([])
            self.completer.popup().hide()
            return
        self._offered = _labelled(self._matches(typed))
        self._suggestions.setStringList(list(self._offered))
        if self._offered:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _suggestion_chosen(self, label: str) -> None:
        person = self._offered.get(label)
        if person is not None:
            self.set_person(person)


def _labelled(people: list[Person]) -> dict[str, Person]:
    """Each person under a label to pick: the name, with the organisation (or a number)
    added when two people on the list share a name."""
    names = [p.display_name.casefold() for p in people]
    labelled: dict[str, Person] = {}
    for person in people:
        label = person.display_name
        if names.count(label.casefold()) > 1:
            label += f" ({person.organisation or f'no. {person.id}'})"
        if not person.active:
            label += " (left)"
        labelled[label] = person
    return labelled
