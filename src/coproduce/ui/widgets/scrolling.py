"""A part of a window that scrolls when the window is smaller than the part.

Every window must be usable at 1280 x 720 (a council laptop's 1366 x 768 less its taskbar):
long forms scroll, each in one scroll area, never a scroll area inside another (two scroll
bars for one form, and the inner one's content cut at a height nobody chose).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scroller_for(widget: QWidget, accessible_name: str) -> QScrollArea:
    """``widget`` in a frameless scroll area that Tab passes through to its fields (a field
    reached by Tab is scrolled into view)."""
    scroller = QScrollArea()
    scroller.setAccessibleName(accessible_name)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidgetResizable(True)
    scroller.setWidget(widget)
    return scroller
