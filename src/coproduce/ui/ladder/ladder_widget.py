"""The ladder picture of one piece of work: the 7 rungs in their bands, where the work was
planned to be, where staff and participants last placed it, and how it moved over time.

``LadderPicture`` paints; ``LadderWidget`` puts the same picture in words beside it (a
visible label, also the picture's accessible description), so a screen reader user and
someone who cannot tell the markers apart get the whole picture. Colours come from the
palette (light or dark themes) and sizes from the font, so the picture follows the system
font size. Staff and participants' marks differ in shape as well as colour, and each rung's
marks are named in words at the right ("Planned", "Now", "Participants").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from coproduce.domain.ladder import drift
from coproduce.domain.records import LadderAssessment
from coproduce.domain.vocabulary import LadderBand, LadderRung
from coproduce.ui.formats import short_date

RUNGS_TOP_DOWN = tuple(sorted(LadderRung, reverse=True))
BAND_STRENGTH = {LadderBand.DOING_TO: 0.10, LadderBand.DOING_FOR: 0.20, LadderBand.DOING_WITH: 0.34}
"""How much of the highlight colour tints each band: stronger as power is shared."""


def rung_text(rung: LadderRung) -> str:
    """ "Co-design (rung 6 of 7, doing with)"."""
    return f"{rung.label} (rung {int(rung)} of 7, {rung.band.label.lower()})"


def latest_by(history: Sequence[LadderAssessment], participants: bool) -> LadderAssessment | None:
    """The newest assessment by participants (or by staff), from a history oldest first."""
    return next((a for a in reversed(history) if a.assessor_is_participant == participants), None)


def describe_ladder(planned: LadderRung | None, history: Sequence[LadderAssessment]) -> str:
    """The whole picture in words: plan, latest staff and participants' rungs, drift, history
    (one line each)."""
    return "\n".join(ladder_lines(planned, history))


def ladder_lines(planned: LadderRung | None, history: Sequence[LadderAssessment]) -> list[str]:
    lines = [
        f"Planned: {rung_text(planned)}." if planned else "Planned: no planned rung is set yet."
    ]
    if not history:
        lines.append("Not assessed yet.")
        return lines
    for participants, who in ((False, "Now, by staff"), (True, "Participants' own rating")):
        latest = latest_by(history, participants)
        if latest is None:
            lines.append(f"{who}: none yet.")
        else:
            lines.append(
                f"{who}: {rung_text(latest.rung)}, on {short_date(latest.assessed_on)}"
                + (f" by {_assessor(latest)}." if _assessor(latest) else ".")
            )
    slipped = drift(planned, history)
    if slipped is not None:
        lines.append(f"Drifting: {slipped.message}")
    steps = "; ".join(
        f"{short_date(a.assessed_on)} {a.rung.label}"
        f" ({'participants' if a.assessor_is_participant else 'staff'})"
        for a in history
    )
    lines.append(f"History, oldest first: {steps}.")
    return lines


def _assessor(assessment: LadderAssessment) -> str:
    return assessment.assessor_name.strip()


class LadderPicture(QWidget):
    """The painted ladder. Read its ``description()`` for the same picture in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planned: LadderRung | None = None
        self._history: tuple[LadderAssessment, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader user can land on it
        self.setAccessibleName(self.tr("Ladder of co-production"))
        self._describe()

    def set_ladder(self, planned: LadderRung | None, history: Sequence[LadderAssessment]) -> None:
        """Show the planned rung and the assessments (oldest first)."""
        self._planned = planned
        self._history = tuple(history)
        self._describe()
        self.updateGeometry()
        self.update()

    def description(self) -> str:
        """The picture in words, one sentence or two a line."""
        return describe_ladder(self._planned, self._history)

    def _describe(self) -> None:
        self.setAccessibleDescription(" ".join(ladder_lines(self._planned, self._history)))

    # --- geometry, all from the font --------------------------------------------------------

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.9)

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _band_width(self) -> int:
        metrics = QFontMetrics(self._bold())
        return max(metrics.horizontalAdvance(b.label) for b in LadderBand) + metrics.height()

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(f"7  {r.label}") for r in LadderRung) + 16

    def _tag_width(self) -> int:
        """As wide as the widest words at the right now ("Now, Planned"), so a narrow
        editor keeps room for the history."""
        metrics = QFontMetrics(self._bold())
        shown = [", ".join(words) for words in self._tags().values()] or [self.tr("Planned")]
        return max(metrics.horizontalAdvance(t) for t in shown) + 12

    def _tags(self) -> dict[LadderRung, list[str]]:
        """The words beside each rung: where the work is planned to be and last placed."""
        tags: dict[LadderRung, list[str]] = {}
        staff = latest_by(self._history, participants=False)
        participants = latest_by(self._history, participants=True)
        if staff is not None:
            tags.setdefault(staff.rung, []).append(self.tr("Now"))
        if participants is not None:
            tags.setdefault(participants.rung, []).append(self.tr("Participants"))
        if self._planned is not None:
            tags.setdefault(self._planned, []).append(self.tr("Planned"))
        return tags

    def _date_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self._band_width() + self._label_width() + self._tag_width()
        width += self.fontMetrics().height() * 12  # the history track
        return QSize(width, self._row_height() * 7 + self._date_height() * 2 + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self._band_width() + self._label_width() + self._tag_width()
        width += self.fontMetrics().height() * 4
        return QSize(width, self.sizeHint().height())

    def rung_rect(self, rung: LadderRung) -> QRectF:
        """Where the rung's row is painted (from the rung names to the right edge)."""
        row = self._row_height()
        left = self._band_width() + 4
        return QRectF(left, (7 - int(rung)) * row, self.width() - left, row)

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        row = self._row_height()
        band_x, label_x = 4, self._band_width() + 4
        track_x = label_x + self._label_width()
        tag_x = self.width() - self._tag_width()
        track = QRectF(track_x, 0, max(tag_x - track_x, 1), row * 7)

        def top_of(rung: LadderRung) -> float:
            return (7 - int(rung)) * row

        # Bands, with their names at the left.
        for band in LadderBand:
            rungs = [r for r in LadderRung if r.band is band]
            top = top_of(max(rungs))
            height = row * len(rungs)
            painter.fillRect(
                QRectF(label_x, top, self.width() - label_x, height),
                _mix(base, highlight, BAND_STRENGTH[band]),
            )
            painter.setPen(text)
            painter.setFont(self._bold())
            painter.drawText(
                QRectF(band_x, top, label_x - band_x - 9, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                band.label,
            )
            painter.setFont(self.font())
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(label_x - 3, top + 3), QPointF(label_x - 3, top + height - 3))

        # Rungs: a line between each, the number and name at the left.
        grid = QPen(_mix(base, text, 0.35), 1)
        for rung in RUNGS_TOP_DOWN:
            top = top_of(rung)
            painter.setPen(grid)
            painter.drawLine(QPointF(label_x, top + row), QPointF(self.width(), top + row))
            painter.setPen(text)
            painter.drawText(
                QRectF(label_x + 8, top, self._label_width() - 8, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{int(rung)}  {rung.label}",
            )

        # The planned rung: a dashed frame round the whole row.
        if self._planned is not None:
            painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                QRectF(label_x + 2, top_of(self._planned) + 2, self.width() - label_x - 4, row - 4)
            )

        self._paint_history(painter, track, row, text, highlight, top_of)
        self._paint_tags(painter, tag_x, row, text, top_of)
        self._paint_legend(painter, label_x, row * 7 + self._date_height() + 6, text, highlight)
        painter.end()

    def _paint_legend(
        self, painter: QPainter, left: float, top: float, text: QColor, highlight: QColor
    ) -> None:
        """What the marks mean, in words beside a sample of each."""
        metrics = self.fontMetrics()
        size = metrics.height() * 0.32
        middle = top + metrics.height() / 2
        x = left + 8
        for shape, words in (
            ("staff", self.tr("Staff")),
            ("participants", self.tr("Participants")),
            ("planned", self.tr("Planned")),
        ):
            painter.setPen(QPen(text, 1))
            if shape == "staff":
                painter.setBrush(highlight)
                painter.drawEllipse(QPointF(x + size, middle), size, size)
            elif shape == "participants":
                painter.setBrush(text)
                painter.drawPath(_diamond(QPointF(x + size, middle), size))
            else:
                painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(x, middle - size, size * 3, size * 2))
                x += size
            painter.setPen(text)
            x += size * 2 + 6
            painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), words)
            x += metrics.horizontalAdvance(words) + metrics.height()

    def _paint_history(
        self,
        painter: QPainter,
        track: QRectF,
        row: int,
        text: QColor,
        highlight: QColor,
        top_of: Callable[[LadderRung], float],
    ) -> None:
        history = self._history
        base = self.palette().color(QPalette.ColorRole.Base)
        if not history:
            painter.setPen(text)
            painter.drawText(track, Qt.AlignmentFlag.AlignCenter, self.tr("Not assessed yet"))
            return
        radius = self.fontMetrics().height() * 0.32
        step = track.width() / (len(history) + 1)

        def point(index: int, assessment: LadderAssessment) -> QPointF:
            return QPointF(track.left() + step * (index + 1), top_of(assessment.rung) + row / 2)

        for participants in (False, True):
            marks = [
                (i, a) for i, a in enumerate(history) if a.assessor_is_participant == participants
            ]
            colour = text if participants else highlight
            if len(marks) > 1:
                path = QPainterPath(point(*marks[0]))
                for index, assessment in marks[1:]:
                    path.lineTo(point(index, assessment))
                pen = QPen(
                    colour, 2, Qt.PenStyle.DotLine if participants else Qt.PenStyle.SolidLine
                )
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            latest = marks[-1][0] if marks else None
            for index, assessment in marks:
                centre = point(index, assessment)
                size = radius * (1.5 if index == latest else 1.0)
                painter.setPen(QPen(text, 1))
                painter.setBrush(colour if index == latest else _mix(colour, base, 0.55))
                if participants:
                    painter.drawPath(_diamond(centre, size))
                else:
                    painter.drawEllipse(centre, size, size)

        # Dates under the track: every one when they fit, else the first and the last.
        metrics = self.fontMetrics()
        labels = [short_date(a.assessed_on) for a in history]
        widest = max(metrics.horizontalAdvance(t) for t in labels) + 8
        shown: list[int] | range = range(len(history))
        if widest > step:
            # Only the first and the last; only the last when even those two would overlap.
            apart = step * (len(history) - 1)
            shown = [0, len(history) - 1] if apart >= widest else [len(history) - 1]
        painter.setPen(text)
        for index in shown:
            x = track.left() + step * (index + 1)
            left = max(track.left() - step / 2, x - widest / 2)
            left = min(left, self.width() - widest)
            painter.drawText(
                QRectF(left, track.bottom() + 2, widest, self._date_height()),
                Qt.AlignmentFlag.AlignCenter,
                labels[index],
            )

    def _paint_tags(
        self,
        painter: QPainter,
        tag_x: int,
        row: int,
        text: QColor,
        top_of: Callable[[LadderRung], float],
    ) -> None:
        tags = self._tags()
        painter.setFont(self._bold())
        painter.setPen(text)
        for rung, words in tags.items():
            painter.drawText(
                QRectF(tag_x, top_of(rung), self.width() - tag_x - 4, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                ", ".join(words),
            )
        painter.setFont(self.font())


class LadderWidget(QWidget):
    """The ladder picture with the same picture in words below it (the visible text
    alternative, selectable by keyboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = LadderPicture()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setAccessibleName(self.tr("The ladder in words"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(self.text)
        self.setAccessibleName(self.tr("Ladder of co-production"))
        self.set_ladder(None, ())

    def set_ladder(self, planned: LadderRung | None, history: Sequence[LadderAssessment]) -> None:
        self.picture.set_ladder(planned, history)
        self.text.setText(self.picture.description())
        self.setAccessibleDescription(self.picture.accessibleDescription())

    def description(self) -> str:
        return self.picture.description()


def _diamond(centre: QPointF, size: float) -> QPainterPath:
    diamond = QPainterPath()
    diamond.moveTo(centre.x(), centre.y() - size)
    diamond.lineTo(centre.x() + size, centre.y())
    diamond.lineTo(centre.x(), centre.y() + size)
    diamond.lineTo(centre.x() - size, centre.y())
    diamond.closeSubpath()
    return diamond


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0 to 1) of the way towards ``second``."""
    a, b = first.toRgb(), second.toRgb()
    mixed = QColor()
    mixed.setRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )
    return mixed
