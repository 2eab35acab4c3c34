"""A tile with one figure and what it counts, for the dashboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from coproduce.ui.widgets.text import muted


class FigureTile(QFrame):
    """Shows ``figure`` large above ``caption``; a screen reader hears "Sessions: 12"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so keyboard users can read each figure
        self.figure_label = QLabel("")
        font = self.figure_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.figure_label.setFont(font)
        self.caption_label = muted(QLabel(caption))
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.figure_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)
        self.set_figure(None)

    def set_figure(self, value: int | None) -> None:
        text = "–" if value is None else f"{value:,}"
        self.figure_label.setText(text)
        self.setAccessibleName(f"{self.caption}: {text}")

    @property
    def figure(self) -> str:
        return self.figure_label.text()
