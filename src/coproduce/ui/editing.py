"""Edits left half-done are never lost by leaving a page or closing the window.

A page that edits records implements ``Editing``: it says whether it holds unsaved changes,
and can save or throw them away. Before the window switches page or closes, it asks the page
through ``may_leave()``: with unsaved changes the person chooses Save, Discard or Cancel. A
save that the services refuse keeps the person where they are, with the message beside the
field, so nothing they typed disappears.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from coproduce.ui import prompts


@runtime_checkable
class Editing(Protocol):
    def has_unsaved_changes(self) -> bool: ...

    def save_changes(self) -> bool:
        """Save; False when the services refused (the message is shown beside the field)."""
        ...

    def discard_changes(self) -> None: ...

    def unsaved_description(self) -> str:
        """What is unsaved, in a few words: "the changes to Mary Jones"."""
        ...


def may_leave(page: QWidget) -> bool:
    """True when the page can be left: nothing unsaved, or saved, or discarded by choice."""
    if not isinstance(page, Editing) or not page.has_unsaved_changes():
        return True
    choice = prompts.ask_save_discard_cancel(
        page,
        "Unsaved changes",
        f"Save {page.unsaved_description()} before you go on?",
    )
    if choice == "save":
        return page.save_changes()
    if choice == "discard":
        page.discard_changes()
        return True
    return False
