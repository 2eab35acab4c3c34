"""Labels in the few text styles the window uses: page headings and quieter notes."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel


def heading_label(text: str) -> QLabel:
    """A page heading: larger and bold, announced by screen readers by its text."""
    label = QLabel(text)
    label.setAccessibleName(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def muted(label: QLabel) -> QLabel:
    """Quieter text for notes, still well above the contrast a reader needs."""
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    # Three-quarters of the way from the background to the text colour keeps the contrast ratio
    # above 4.5:1 on the usual light and dark themes.
    blend = text.toRgb()
    blend.setRgbF(
        window.redF() + (text.redF() - window.redF()) * 0.75,
        window.greenF() + (text.greenF() - window.greenF()) * 0.75,
        window.blueF() + (text.blueF() - window.blueF()) * 0.75,
    )
    palette.setColor(QPalette.ColorRole.WindowText, blend)
    label.setPalette(palette)
    return label
