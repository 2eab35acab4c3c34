"""The visible flag that shows a person has access or communication needs, wherever they
appear (attendance register, session preparation, the people list).

Written in words as well as shown with a colour, so it reaches screen readers and survives
printing; the tooltip and accessible description list every need.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from coproduce.domain.records import AccessNeeds

FLAG_STYLE = (
    "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #c8a600;"
    " border-radius: 4px; padding: 1px 6px; }"
)


def needs_summary(needs: AccessNeeds, today: date | None = None) -> str:
    """ "Easy read, BSL interpreter (review due)": every need in words; '' for none."""
    if needs.is_empty:
        return ""
    words = needs.labels() or ["See notes"]
    text = ", ".join(words)
    if today is not None and needs.review_due(today):
        text += " (review due)"
    return text


class NeedsFlag(QLabel):
    """A small yellow flag reading "Needs" with every need in its tooltip; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(FLAG_STYLE)
        self.show_needs(AccessNeeds())

    def show_needs(self, needs: AccessNeeds, today: date | None = None) -> None:
        summary = needs_summary(needs, today)
        self.setText(self.tr("Needs") if summary else "")
        self.setToolTip(summary)
        self.setAccessibleName(self.tr("Access needs") if summary else "")
        self.setAccessibleDescription(summary)
        self.setVisible(bool(summary))
