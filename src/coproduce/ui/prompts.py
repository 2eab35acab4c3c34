"""Every message box and file dialog the program shows goes through this module.

One door for prompts means tests control all of them: ``set_handler()`` swaps the object that
answers, and the UI test suite installs one that fails any test which opens a real, blocking
modal prompt it did not expect (a modal box in a test would wait for a click forever).

The rest of the UI calls the module functions (``show_error``, ``show_information``,
``ask_yes_no``, ``ask_to_go_on``); nothing else in ``coproduce.ui`` may touch ``QMessageBox`` or
``QFileDialog``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from shiboken6 import isValid

SaveChoice = Literal["save", "discard", "cancel"]


class PromptHandler(Protocol):
    """Answers prompts. The default shows real dialogs; tests install a scripted one."""

    def show_error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def show_information(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def ask_yes_no(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool
    ) -> bool: ...

    def ask_save_discard_cancel(
        self, parent: QWidget | None, title: str, text: str
    ) -> SaveChoice: ...

    def ask_to_go_on(
        self, parent: QWidget | None, title: str, text: str, *, go_on: str, go_back: str
    ) -> bool: ...

    def choose_file(
        self, parent: QWidget | None, title: str, start: Path | None, name_filter: str
    ) -> Path | None: ...

    def choose_save_file(
        self,
        parent: QWidget | None,
        title: str,
        start: Path | None,
        name_filter: str,
        *,
        confirm_replace: bool = True,
    ) -> Path | None: ...

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None: ...


class DialogPrompts:
    """The real thing: modal message boxes, worded for a facilitator."""

    def show_error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _message_box(parent, QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def show_information(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _message_box(parent, QMessageBox.Icon.Information, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def ask_yes_no(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool
    ) -> bool:
        box = _message_box(parent, QMessageBox.Icon.Question, title, text)
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box.setStandardButtons(yes | no)
        box.setDefaultButton(yes if default_yes else no)
        box.setEscapeButton(no)
        return box.exec() == yes

    def ask_save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> SaveChoice:
        box = save_discard_cancel_box(parent, title, text)
        box.exec()
        return box.choice()

    def ask_to_go_on(
        self, parent: QWidget | None, title: str, text: str, *, go_on: str, go_back: str
    ) -> bool:
        box = go_on_box(parent, title, text, go_on=go_on, go_back=go_back)
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and (
            box.buttonRole(clicked) is QMessageBox.ButtonRole.AcceptRole
        )

    def choose_file(
        self, parent: QWidget | None, title: str, start: Path | None, name_filter: str
    ) -> Path | None:
        name, _chosen_filter = QFileDialog.getOpenFileName(
            parent, title, str(start or Path.home()), name_filter
        )
        return Path(name) if name else None

    def choose_save_file(
        self,
        parent: QWidget | None,
        title: str,
        start: Path | None,
        name_filter: str,
        *,
        confirm_replace: bool = True,
    ) -> Path | None:
        options = QFileDialog.Option(0)
        if not confirm_replace:
            options |= QFileDialog.Option.DontConfirmOverwrite
        name, _chosen_filter = QFileDialog.getSaveFileName(
            parent, title, str(start or Path.home()), name_filter, options=options
        )
        return Path(name) if name else None

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setAccessibleName(title)
        dialog.setAccessibleDescription(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        return dialog.textValue() if dialog.exec() else None


class CarefulMessageBox(QMessageBox):
    """A message box that a letter typed without Alt does not answer.

    A prompt can open while someone is typing (leaving a page with unsaved changes); Qt's
    message box presses a button whose access key is the letter typed, so "S" of a word
    meant for a field would press Save. Here only Alt+letter presses a button; Enter presses
    the default button, which is never the one that changes anything."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        typed = event.text()
        unmodified = not event.modifiers() & (
            Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if unmodified and typed.isprintable() and typed.strip():
            event.accept()
            return
        super().keyPressEvent(event)


class SaveDiscardCancelBox(CarefulMessageBox):
    """Save, Don't save or Go back for unsaved changes; Go back is the default (Enter) and
    what Escape and closing the box mean, so stray typing never saves or throws work away."""

    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        self.save_button = self.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(
            self.tr("&Don't save"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.back_button = self.addButton(self.tr("Go &back"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.back_button)
        self.setEscapeButton(self.back_button)

    def choice(self) -> SaveChoice:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return "save"
        return "discard" if clicked is self.discard_button else "cancel"


def save_discard_cancel_box(parent: QWidget | None, title: str, text: str) -> SaveDiscardCancelBox:
    """The unsaved-changes question, not yet shown."""
    box = SaveDiscardCancelBox(parent, title, text)
    _describe(box, title, text)
    return box


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    box = CarefulMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    _describe(box, title, text)
    return box


def _describe(box: QMessageBox, title: str, text: str) -> None:
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    # Plain text: messages may quote what a person typed, which must never be read as HTML.
    box.setTextFormat(Qt.TextFormat.PlainText)


def go_on_box(
    parent: QWidget | None, title: str, text: str, *, go_on: str, go_back: str
) -> QMessageBox:
    """The box ``ask_to_go_on`` shows: ``go_on`` is its first button, ``go_back`` the default
    and the escape, so a stray Enter or Escape never goes on."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    box.addButton(go_on, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(go_back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box


_handler: PromptHandler = DialogPrompts()


def set_handler(handler: PromptHandler) -> PromptHandler:
    """Install ``handler`` for every later prompt; returns the one it replaces."""
    global _handler
    previous = _handler
    _handler = handler
    return previous


def handler() -> PromptHandler:
    return _handler


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something did not work and what to do about it."""
    _handler.show_error(parent, title, text)


# Errors waiting for the event loop (``show_error_soon``), and which round of them is live.
_pending_errors: set[tuple[str, str]] = set()
_pending_round = 0


def show_error_soon(parent: QWidget | None, title: str, text: str) -> None:
    """``show_error`` once the event loop is free, for failures met where a modal box must
    not open: inside a paint or a model's ``data()`` (a list loading its rows as they are
    drawn), or while a window is still being built. The same error asked for again before
    its box has closed is shown once: three lists failing on one damaged file make one box."""
    key = (title, text)
    if key in _pending_errors:
        return
    _pending_errors.add(key)
    live_round = _pending_round

    def show() -> None:
        if live_round != _pending_round:
            return  # called off: the window it was for has gone
        try:
            owner = parent if parent is not None and isValid(parent) else None
            show_error(owner, title, text)
        finally:
            _pending_errors.discard(key)

    QTimer.singleShot(0, show)


def cancel_errors_soon() -> None:
    """Forget the errors ``show_error_soon`` has not shown yet (their window was closed
    because of a problem that has its own message)."""
    global _pending_round
    _pending_round += 1
    _pending_errors.clear()


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    _handler.show_information(parent, title, text)


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Ask a question answered Yes or No; Escape and closing the box mean No."""
    return _handler.ask_yes_no(parent, title, text, default_yes=default_yes)


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str) -> SaveChoice:
    """Save, Don't save or Go back ("cancel") for unsaved changes; Enter, Escape and closing
    the box mean Go back."""
    return _handler.ask_save_discard_cancel(parent, title, text)


def ask_to_go_on(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    go_on: str,
    go_back: str = "Go back",
) -> bool:
    """Ask before doing something that may be a mistake (running a session that has not
    started yet). The buttons say what they do; the safe one (``go_back``) is the default and
    answers Escape, so only choosing ``go_on`` goes on. True to go on."""
    return _handler.ask_to_go_on(parent, title, text, go_on=go_on, go_back=go_back)


def choose_file(
    parent: QWidget | None, title: str, start: Path | None = None, name_filter: str = ""
) -> Path | None:
    """A file the person picks to open, or None when they cancel."""
    return _handler.choose_file(parent, title, start, name_filter)


def choose_save_file(
    parent: QWidget | None,
    title: str,
    start: Path | None = None,
    name_filter: str = "",
    *,
    confirm_replace: bool = True,
) -> Path | None:
    """Where the person wants a file saved (``start`` suggests a folder and name), or None when
    they cancel. With ``confirm_replace`` the dialog has already asked before an existing file
    is replaced; without it, the caller asks (later, when it writes)."""
    return _handler.choose_save_file(
        parent, title, start, name_filter, confirm_replace=confirm_replace
    )


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text the person types (``text`` filled in to start), or None when they
    cancel."""
    return _handler.ask_text(parent, title, label, text)
