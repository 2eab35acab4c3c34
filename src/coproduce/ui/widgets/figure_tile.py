"""A tile with one figure and what it counts, for the dashboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from coproduce.ui.widgets.text import muted

NO_FIGURE = "–"


class FigureTile(QFrame):
    """Shows ``figure`` large above ``caption`` and an optional detail line; a screen reader
    hears "Contributions answered: 63%. 190 of 300 contributions"."""

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
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        self.detail_label = muted(QLabel(""))
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.figure_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self.set_figure(None)

    def set_figure(self, value: int | str | None, detail: str = "") -> None:
        """A number (shown with thousands separators), ready-made text, or None for "none"."""
        if value is None:
            text = NO_FIGURE
        elif isinstance(value, int):
            text = f"{value:,}"
        else:
            text = value
        self.figure_label.setText(text)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        spoken = f"{self.caption}: {text}" + (f". {detail}" if detail else "")
        self.setAccessibleName(spoken)

    @property
    def figure(self) -> str:
        return self.figure_label.text()

    @property
    def detail(self) -> str:
        return self.detail_label.text()
