"""The editor every page uses for one record: fields, Save and Revert, errors beside fields,
unsaved-change tracking and undo.

A subclass builds its fields (``FieldErrors.add_row`` puts each message beside its widget),
calls ``watch(widget)`` on each so typing marks the editor as changed, and implements:

- ``show_record(record)``: fill the widgets from a record (``None``: a new, empty one);
- ``collect() -> record``: build the record from the widgets (starting from ``self.record``
  so id and version travel with it);
- ``create(record)`` and ``update(record)``: the service calls (``update`` must depend only
  on its argument: undo calls it long after the editor has moved on);
- ``fetch(record_id)``: read the record again (after an undo, or another page's change);
- ``describe(record)``: a few words for the undo menu and prompts ("Mary Jones").

Saving calls the service; a ``ValidationError`` is shown beside its field and nothing typed
is lost; a success is pushed onto the window's undo stack (an edit undoes to the record as
it was; a creation undoes by deleting, when ``delete``/``restore`` are given).

Signals:
    saved(object): the record as saved (new or changed).
    dirty_changed(bool): the editor now holds (or no longer holds) unsaved changes.
"""

from __future__ import annotations

import logging
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import (
    CoproduceError,
    NotFoundError,
    ValidationError,
)
from coproduce.domain.log_privacy import describe_error
from coproduce.ui import prompts
from coproduce.ui.commands import EditCommand, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.widgets.form import FieldErrors

log = logging.getLogger(__name__)

R = TypeVar("R")


class RecordEditor(QWidget, Generic[R]):
    saved = Signal(object)
    dirty_changed = Signal(bool)

    record_type = ""
    """Machine name announced on DataChanges after a save (``"person"``)."""
    record_label = ""
    """What the record is called on screen, lower case ("person", "session")."""
    scrolls_itself = False
    """True for an editor whose parts (tabs) scroll each in their own scroll area: the page
    then shows it as it is, its Save always in view, never inside a second scroll area."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.record: R | None = None
        self._dirty = False
        self._loading = False
        self._tab_order_fixed = False
        self.errors = FieldErrors()

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_changes)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setAccessibleName(self.tr("Revert: forget unsaved changes"))
        self.revert_button.clicked.connect(self.discard_changes)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save_changes)

        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.save_button)

        context.changes.changed.connect(self._record_changed)

        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.errors.general)
        outer.addLayout(self.buttons)
        self._update_buttons()

    # --- for subclasses ------------------------------------------------------------------

    def show_record(self, record: R | None) -> None:
        raise NotImplementedError

    def collect(self) -> R:
        raise NotImplementedError

    def create(self, record: R) -> R:
        raise NotImplementedError

    def update(self, record: R) -> R:
        raise NotImplementedError

    def fetch(self, record_id: int) -> R:
        raise NotImplementedError

    def describe(self, record: R) -> str:
        return self.record_label

    def delete_for_undo(self, record: R) -> None:
        """Undo of a creation: delete the new record. Override to allow that undo."""
        raise NotImplementedError

    def restore_for_redo(self, record: R) -> None:
        """Redo of a creation after its undo: put the record back under its id."""
        raise NotImplementedError

    def watch(self, *widgets: QWidget) -> None:
        """Mark the editor as changed whenever one of ``widgets`` is edited."""
        for widget in widgets:
            signal: Any
            if isinstance(widget, QLineEdit):
                signal = widget.textEdited
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QDateTimeEdit | QDateEdit):
                signal = widget.dateTimeChanged
            elif isinstance(widget, QSpinBox):
                signal = widget.valueChanged
            elif isinstance(widget, QAbstractButton):
                signal = widget.toggled
            elif isinstance(widget, QListWidget):
                signal = widget.itemChanged
            elif hasattr(widget, "changed"):  # our composite fields announce their changes
                signal = widget.changed
            else:
                raise TypeError(f"watch() does not know how {type(widget).__name__} changes")
            signal.connect(self._changed)

    # --- what the page uses --------------------------------------------------------------

    def load(self, record: R | None) -> None:
        """Show ``record`` (None: a blank new one) with nothing unsaved."""
        self._loading = True
        try:
            self.record = record
            self.errors.clear()
            self.show_record(record)
        finally:
            self._loading = False
        self._set_dirty(False)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def unsaved_description(self) -> str:
        if self.record is None:
            return self.tr("the new %s") % self.record_label
        return self.tr("the changes to %s") % self.describe(self.record)

    def save_changes(self) -> bool:
        """Save through the services; False (with the message beside the field) if refused."""
        self.errors.clear()
        try:
            record = self.collect()
            before = self.record
            saved = self.create(record) if before is None else self.update(record)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:  # a conflict, a busy or unreachable database
            prompts.show_error(self, self.tr("Not saved"), str(exc))
            return False
        self._push_undo(before, saved)
        self.load(saved)
        self._context.changes.changed.emit(self.record_type)
        self.saved.emit(saved)
        return True

    def discard_changes(self) -> None:
        self.load(self.record)

    # --- inside --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._tab_order_fixed:
            self._tab_order_fixed = True
            self._put_buttons_last_in_tab_order()

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field (for a new record)."""
        buttons = (self.revert_button, self.save_button)
        widget = self.nextInFocusChain()
        while widget is not self and self.isAncestorOf(widget):
            if (
                widget not in buttons
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _put_buttons_last_in_tab_order(self) -> None:
        """The buttons are made before a subclass's fields, so Tab would reach them first;
        move Revert and Save after the last field, as they are on screen."""
        buttons = (self.revert_button, self.save_button)
        fields: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not self and self.isAncestorOf(widget):
            if widget not in buttons and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                fields.append(widget)
            widget = widget.nextInFocusChain()
        if fields:
            QWidget.setTabOrder(fields[-1], self.revert_button)
            QWidget.setTabOrder(self.revert_button, self.save_button)

    def _push_undo(self, before: R | None, saved: R) -> None:
        changes = self._context.changes
        if before is not None:
            self._context.undo_stack.push(
                self._edit_command(self.tr("Edit %s") % self.describe(saved), before, saved)
            )
            return
        if type(self).delete_for_undo is RecordEditor.delete_for_undo:
            return  # creations of this kind are undone by deleting from the list instead
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Add %s") % self.describe(saved),
                undo_call=lambda: self.delete_for_undo(saved),
                redo_call=lambda: self.restore_for_redo(saved),
                changes=changes,
                record_type=self.record_type,
                parent_widget=self,
            )
        )

    def _record_changed(self, record_type: str) -> None:
        """Show the record as it now is after an undo or a change elsewhere, unless the
        person is in the middle of editing it (their typing wins; a save will then meet
        the version check)."""
        if record_type != self.record_type or self._dirty or self.record is None:
            return
        record_id = self.record.id  # type: ignore[attr-defined]
        try:
            current = self.fetch(record_id)
        except NotFoundError:
            current = None
        except CoproduceError as exc:
            log.warning(
                "Could not read %s %s again: %s", self.record_type, record_id, describe_error(exc)
            )
            return
        if current != self.record:
            self.load(current)

    def show_change_made(self, text: str, before: R, after: R) -> None:
        """A change made through the services outside Save (archive, mark as left): it is
        undone like an edit, shown here, and announced to the pages showing this record."""
        self._context.undo_stack.push(self._edit_command(text, before, after))
        self.load(after)
        self._context.changes.changed.emit(self.record_type)

    def _edit_command(self, text: str, before: R, after: R) -> EditCommand[R]:
        return EditCommand(
            text,
            save=self.update,
            fetch=self.fetch,
            before=before,
            after=after,
            changes=self._context.changes,
            record_type=self.record_type,
            parent_widget=self,
        )

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._update_buttons()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)
