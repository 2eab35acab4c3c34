"""The ladder picture of a whole portfolio: for each of the 7 rungs, a bar for the pieces of
work assessed there now and a dashed outline for those planned to be there.

``PortfolioLadder`` paints the dashboard's rung counts (``RungPicture``) in the ladder's own
shape (rung 7 at the top, the doing to / doing for / doing with bands at the left) and says
the same in words: ``describe()`` is its accessible description and the text alternative the
evidence pack prints. ``render_png`` draws it for a document at a fixed size, in dark ink on
white whatever the window's theme, since paper has no dark mode.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from coproduce.domain.vocabulary import LadderBand, LadderRung
from coproduce.services.dashboard import RungCount, RungPicture
from coproduce.ui.dashboard.charts import RUNG_COLOURS, image_png
from coproduce.ui.ladder.ladder_widget import BAND_STRENGTH, RUNGS_TOP_DOWN, _mix

PNG_WIDTH = 800
"""Logical width of the rendered picture; it prints 16 cm wide, so text of ``PNG_FONT_PX``
prints at about 9 pt."""
PNG_FONT_PX = 17
PNG_SCALE = 2
"""Pixels per logical pixel in the PNG, so the printed picture stays sharp."""


def describe_portfolio(picture: RungPicture) -> str:
    """The portfolio on the ladder in words, one line per rung from the top, then the rest."""
    lines = []
    for count in sorted(picture.rungs, key=lambda c: -int(c.rung)):
        lines.append(
            f"Rung {int(count.rung)}, {count.rung.label} ({count.rung.band.label.lower()}): "
            f"{count.assessed:,} now, {count.planned:,} planned."
        )
    lines.append(
        f"{picture.documents:,} pieces of work in all; {picture.not_assessed:,} not assessed "
        f"yet, {picture.no_plan:,} with no planned rung, {picture.below_plan:,} below their "
        "planned rung."
    )
    return "\n".join(lines)


class PortfolioLadder(QWidget):
    """One bar per rung (assessed now) with an outline for the planned count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture: RungPicture | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("The portfolio on the ladder of co-production"))

    def set_picture(self, picture: RungPicture) -> None:
        self._picture = picture
        self.setAccessibleDescription(" ".join(self.describe().splitlines()))
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        if self._picture is None:
            return self.tr("No pieces of work to show.")
        return describe_portfolio(self._picture)

    def _counts(self) -> dict[LadderRung, RungCount]:
        if self._picture is None:
            return {}
        return {c.rung: c for c in self._picture.rungs}

    # --- geometry from the font ----------------------------------------------------------

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 2.0)

    def _band_width(self) -> int:
        metrics = QFontMetrics(self._bold())
        return max(metrics.horizontalAdvance(b.label) for b in LadderBand) + metrics.height()

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(f"7  {r.label}") for r in LadderRung) + 16

    def _number_width(self) -> int:
        widest = max([max(c.assessed, c.planned) for c in self._counts().values()] + [0])
        return self.fontMetrics().horizontalAdvance(self._numbers(widest, widest)) + 16

    def _numbers(self, now: int, planned: int) -> str:
        return self.tr("%s now, %s planned") % (f"{now:,}", f"{planned:,}")

    def _legend_height(self) -> int:
        return self.fontMetrics().height() * 2

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self._band_width() + self._label_width() + self._number_width()
        width += self.fontMetrics().height() * 16
        return QSize(width, self._row_height() * 7 + self._legend_height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self._band_width() + self._label_width() + self._number_width()
        return QSize(width + self.fontMetrics().height() * 5, self.sizeHint().height())

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        row = self._row_height()
        label_x = self._band_width() + 4
        bar_x = label_x + self._label_width()
        number_x = self.width() - self._number_width()
        bar_room = max(number_x - bar_x - 8, 1)
        counts = self._counts()
        most = max([max(c.assessed, c.planned) for c in counts.values()] + [1])

        def top_of(rung: LadderRung) -> float:
            return (7 - int(rung)) * row

        painter.fillRect(QRectF(0, 0, self.width(), row * 7), base)
        for band in LadderBand:
            rungs = [r for r in LadderRung if r.band is band]
            top, height = top_of(max(rungs)), row * len(rungs)
            painter.fillRect(
                QRectF(label_x, top, self.width() - label_x, height),
                _mix(base, highlight, BAND_STRENGTH[band] * 0.6),
            )
            painter.setPen(text)
            painter.setFont(self._bold())
            painter.drawText(
                QRectF(4, top, label_x - 13, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                band.label,
            )
            painter.setFont(self.font())
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(label_x - 3, top + 3), QPointF(label_x - 3, top + height - 3))

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
            count = counts.get(rung)
            if count is None:
                continue
            inset = row * 0.2
            if count.assessed:
                fill = QColor(RUNG_COLOURS[int(rung) - 1])
                painter.setPen(QPen(fill.darker(140), 1))
                painter.setBrush(fill)
                painter.drawRect(
                    QRectF(bar_x, top + inset, bar_room * count.assessed / most, row - 2 * inset)
                )
            if count.planned:
                painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    QRectF(bar_x, top + inset / 2, bar_room * count.planned / most, row - inset)
                )
            painter.setPen(text)
            painter.drawText(
                QRectF(number_x, top, self._number_width(), row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._numbers(count.assessed, count.planned),
            )
        self._paint_legend(painter, bar_x, row * 7 + 6, text)

    def _paint_legend(self, painter: QPainter, left: float, top: float, text: QColor) -> None:
        metrics = self.fontMetrics()
        size = metrics.height() * 0.7
        middle = top + metrics.height() / 2
        x = left
        painter.setPen(QPen(QColor(RUNG_COLOURS[4]).darker(140), 1))
        painter.setBrush(QColor(RUNG_COLOURS[4]))
        painter.drawRect(QRectF(x, middle - size / 2, size * 2, size))
        x += size * 2 + 8
        words = self.tr("Now (latest assessment)")
        painter.setPen(text)
        painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), words)
        x += metrics.horizontalAdvance(words) + metrics.height() * 1.5
        painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x, middle - size / 2, size * 2, size))
        x += size * 2 + 8
        painter.setPen(text)
        painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), self.tr("Planned"))


def paper_palette() -> QPalette:
    """Dark ink on white, for pictures that go on paper."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.WindowText, "#1a1a1a"),
        (QPalette.ColorRole.Text, "#1a1a1a"),
        (QPalette.ColorRole.Highlight, "#2c6fbb"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def print_font(pixels: int) -> QFont:
    """The font pictures for documents are drawn in, sized in pixels so the picture looks the
    same whatever the computer's font size (the document fixes its printed size)."""
    font = QFont("Arial")
    font.setPixelSize(pixels)
    return font


def render_png(picture: RungPicture, width: int = PNG_WIDTH) -> bytes:
    """The portfolio ladder as a PNG for a document (GUI thread only)."""
    widget = PortfolioLadder()
    widget.setPalette(paper_palette())
    widget.setFont(print_font(PNG_FONT_PX))
    widget.set_picture(picture)
    height = widget.sizeHint().height()
    widget.resize(max(width, widget.minimumSizeHint().width()), height)
    image = QImage(widget.width() * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(PNG_SCALE, PNG_SCALE)
    widget.paint(painter)
    painter.end()
    widget.deleteLater()
    return image_png(image)
