"""Labels in the few text styles the window uses: page headings and quieter notes."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


def spoken(caption: str) -> str:
    """What a screen reader should say for a caption written for the screen: without its
    access-key marker ("D&ue on" -> "Due on", "Fish && chips" -> "Fish & chips") and without
    the colon that ends a form label."""
    return caption.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def caption_for(text: str, field: QWidget) -> QLabel:
    """A visible label for ``field`` (a filter's list box, say). A screen reader on Linux
    names a list box by the choice it shows and reads this label, through the buddy link, as
    what the box is for; without one the filter is announced as "All groups" and no more."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


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
