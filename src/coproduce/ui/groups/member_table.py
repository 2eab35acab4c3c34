"""How a group's members are drawn in their table: each person's needs flag in the Needs column,
and past members in quieter italic text so current and past members are told apart at a glance
(the Membership column says it in words as well, for screen readers and printouts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coproduce.services.groups import Member
from coproduce.ui.models.record_table_model import RECORD_ROLE
from coproduce.ui.widgets.needs_flag import NeedsFlag

Index = QModelIndex | QPersistentModelIndex

STANDING_WORDS = {
    "current": "Current member",
    "future": "Not joined yet",
    "past": "Past member",
}


class MemberDelegate(QStyledItemDelegate):
    """Paints the Needs column with the real ``NeedsFlag`` and past members muted."""

    def __init__(self, today: Callable[[], date], needs_column: int, view: QWidget) -> None:
        super().__init__(view)
        self._today = today
        self._needs_column = needs_column
        # The flag looks the same for everyone (its words differ only in the tooltip), so it
        # is drawn once into a picture that every cell reuses. Its never-shown holder keeps
        # it off the screen; Qt deletes both with the view.
        self._holder = QWidget(view)
        self._holder.hide()
        self._flag = NeedsFlag(self._holder)
        self._picture: QPixmap | None = None

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        member = index.data(RECORD_ROLE)
        if isinstance(member, Member) and member.standing(self._today()) == "past":
            option.font.setItalic(True)
            palette = option.palette
            text = palette.color(QPalette.ColorRole.Text)
            base = palette.color(QPalette.ColorRole.Base)
            quieter = text.toRgb()
            # Two-thirds of the way from the background to the text: still above 4.5:1.
            quieter.setRgbF(
                base.redF() + (text.redF() - base.redF()) * 0.7,
                base.greenF() + (text.greenF() - base.greenF()) * 0.7,
                base.blueF() + (text.blueF() - base.blueF()) * 0.7,
            )
            palette.setColor(QPalette.ColorRole.Text, quieter)
            option.palette = palette

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() != self._needs_column:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # the words are for tooltips and screen readers; the flag is drawn
        widget = cell.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        member = index.data(RECORD_ROLE)
        if not isinstance(member, Member) or member.person.needs.is_empty:
            return
        picture = self._flag_picture(member, painter.device().devicePixelRatioF())
        rect = option.rect  # type: ignore[attr-defined]
        height = round(picture.height() / picture.devicePixelRatio())
        top = rect.y() + max(0, (rect.height() - height) // 2)
        painter.drawPixmap(QPoint(rect.x() + 6, top), picture)

    def _flag_picture(self, member: Member, ratio: float) -> QPixmap:
        if self._picture is None or self._picture.devicePixelRatio() != ratio:
            self._flag.show_needs(member.person.needs, self._today())
            self._flag.adjustSize()
            size = self._flag.size()
            picture = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            try:
                self._flag.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
            finally:
                painter.end()
            self._picture = picture
        return self._picture
