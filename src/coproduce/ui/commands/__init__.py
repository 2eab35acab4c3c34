"""Undo and redo: commands that call services and remember ids and before/after records.

Every change a person makes in the window is done first, through a service, and only then
pushed onto the window's ``QUndoStack`` as a command whose first ``redo()`` does nothing (the
change is already made). Undo and redo call services again with the record they remember,
carrying the version the last call returned, so optimistic locking still protects other
users' changes: if someone else changed the record meanwhile, the service refuses with a
``ConflictError``, the person is told, and the command is marked obsolete (Qt then drops it
from the stack) rather than overwriting their change.

Commands never hold ORM objects or widgets; after each undo or redo they announce the change
through ``DataChanges`` so every page showing that kind of record reloads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from coproduce.domain.errors import ConflictError, CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import replace
from coproduce.ui import prompts

log = logging.getLogger(__name__)

R = TypeVar("R")


class DataChanges(QObject):
    """The window's notice board for changed records.

    Signals:
        changed(str): records of this type (``"person"``, ``"meeting"``...) changed; lists
            and editors showing them should load again.
    """

    changed = Signal(str)


class ServiceCommand(QUndoCommand):
    """A change already made, with the service calls that undo and redo it.

    ``undo_call`` and ``redo_call`` raise domain errors when they cannot be done; the user is
    told and the command becomes obsolete. ``record_type`` is announced after each call.
    """

    def __init__(
        self,
        text: str,
        *,
        undo_call: Callable[[], Any],
        redo_call: Callable[[], Any],
        changes: DataChanges,
        record_type: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._undo_call = undo_call
        self._redo_call = redo_call
        self._changes = changes
        self._record_type = record_type
        self._parent_widget = parent_widget
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:  # pushed after the change was made
            self._done_already = False
            return
        self._run(self._redo_call, "redo")

    def undo(self) -> None:
        self._run(self._undo_call, "undo")

    def _run(self, call: Callable[[], Any], what: str) -> None:
        try:
            call()
        except CoproduceError as exc:
            # The step's text names the record ("Delete Tom...", what someone said): never logged.
            log.info(
                "Could not %s a change to %s: %s", what, self._record_type, describe_error(exc)
            )
            self.setObsolete(True)
            prompts.show_error(
                self._parent_widget,
                f"Cannot {what}",
                f"'{self.text()}' could not be {what}ne.\n\n{exc}",
            )
        finally:
            self._changes.changed.emit(self._record_type)


class EditCommand(ServiceCommand, Generic[R]):
    """Undo/redo of an edit: saves ``before`` or ``after`` again.

    ``save`` is the service's update method (``services.people.update``); ``fetch`` reads the
    record as it is now (``services.people.get``). Before undoing, the record must still say
    what this edit left (``after``); before redoing, what the undo left (``before``). If it
    says something else, someone (another user, or a later step not undone first) changed it,
    and the step is refused with a ``ConflictError`` rather than overwriting that change. The
    version presented is the record's current one, so several undos in a row of the same
    record each find the version the previous one left.
    """

    def __init__(
        self,
        text: str,
        *,
        save: Callable[[R], R],
        fetch: Callable[[int], R],
        before: R,
        after: R,
        changes: DataChanges,
        record_type: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        self._save = save
        self._fetch = fetch
        self._before = before
        self._after = after
        super().__init__(
            text,
            undo_call=lambda: self._store(expected=self._after, wanted=self._before),
            redo_call=lambda: self._store(expected=self._before, wanted=self._after),
            changes=changes,
            record_type=record_type,
            parent_widget=parent_widget,
        )

    def _store(self, *, expected: R, wanted: R) -> None:
        record_id: int = wanted.id  # type: ignore[attr-defined]
        current = self._fetch(record_id)
        version = current.version  # type: ignore[attr-defined]
        if replace(current, version=0) != replace(expected, version=0):
            raise ConflictError(
                type(current).__name__,
                record_id,
                "undo the later changes first, or edit it again by hand",
            )
        self._save(replace(wanted, version=version))
