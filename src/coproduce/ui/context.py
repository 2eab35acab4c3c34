"""What every page of the window shares: the services, the undo stack and the change board."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from coproduce.services import Services
from coproduce.ui.commands import DataChanges


@dataclass(frozen=True, slots=True)
class WindowContext:
    services: Services
    undo_stack: QUndoStack
    changes: DataChanges
