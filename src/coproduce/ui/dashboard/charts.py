"""The dashboard's charts, each made with its table and a sentence that say the same thing.

Every builder takes figures the ``DashboardService`` worked out and returns a ``ChartData``:
the QtCharts chart, the same numbers as table rows, and a plain summary for people who do not
see the chart (screen readers read it as the chart's description). Building all three from the
same figures in one place is what keeps them saying the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsScene

from coproduce.domain.vocabulary import LadderRung
from coproduce.services.dashboard import (
    OverdueActions,
    Period,
    Reach,
    RungHistory,
    RungPicture,
)
from coproduce.ui.formats import count_of

# Rungs go from light to dark as power is shared more (an ordered scale, ColorBrewer YlGnBu),
# so the picture reads the same in grey. "Not assessed yet" is plain grey.
RUNG_COLOURS = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58")
NOT_ASSESSED_COLOUR = "#bdbdbd"
PLANNED_COLOUR = "#fdae61"
# Groups: a qualitative palette (Tableau 20), repeated past 20 groups.
GROUP_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63",
    "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
)  # fmt: skip
# One pattern per category as well as a colour: plain for "not assessed" and for the first
# category, then lines in every direction, crosses and dots.
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.VerPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.DiagCrossPattern,
    Qt.BrushStyle.Dense5Pattern,
)
PATTERN_TILE = 12
"""Pixels per side of a pattern's repeat: lines about 3 px apart, clear at a bar's width."""
MANY_CATEGORIES = 8
"""More period labels than this are turned on their side so they do not overlap."""
MOST_GROUPS_CHARTED = 8
"""Past this many groups, the attendance chart shows the busiest and "Other groups" (a legend
of twenty colours cannot be told apart); its table still lists every group."""


@dataclass(frozen=True, slots=True)
class ChartData:
    chart: QChart
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str
    height_lines: int = 18
    """how tall the chart should be, in lines of text (bars need room for their labels)"""


def rung_name(rung: LadderRung | None) -> str:
    return "Not assessed yet" if rung is None else f"{int(rung)} {rung.label}"


def _new_chart(*, legend_beside: bool = False) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    # Many series (rungs, groups): a list beside the chart has room for whole names.
    chart.legend().setAlignment(
        Qt.AlignmentFlag.AlignRight if legend_beside else Qt.AlignmentFlag.AlignBottom
    )
    return chart


def _bar_set(
    label: str,
    values: Sequence[int],
    colour: str,
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern,
) -> QBarSet:
    bar_set = QBarSet(label)
    bar_set.append([float(v) for v in values])
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour).darker(130))
    if pattern != Qt.BrushStyle.SolidPattern:
        bar_set.setBrush(patterned_brush(colour, pattern))
    return bar_set


def patterned_brush(colour: str, pattern: Qt.BrushStyle) -> QBrush:
    """``colour`` with ``pattern`` drawn over it in black or white (whichever shows more), so
    the bars and their legend tell categories apart without colour too (in grey, on a
    printout, or for someone who does not see the difference between two blues)."""
    base = QColor(colour)
    tile = QPixmap(PATTERN_TILE, PATTERN_TILE)
    tile.fill(base)
    painter = QPainter(tile)
    ink = QColor("#000000") if base.lightnessF() > 0.55 else QColor("#ffffff")
    painter.fillRect(tile.rect(), QBrush(ink, pattern))
    painter.end()
    return QBrush(tile)


def _attach_axes(
    chart: QChart,
    series: QAbstractBarSeries,
    categories: Sequence[str],
    maximum: int,
    *,
    horizontal: bool,
) -> None:
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories))
    category_axis.setTruncateLabels(False)
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%d")
    value_axis.setRange(0, max(maximum, 1))
    # Whole numbers only: a tick per unit up to 10, otherwise Qt's "nice" steps.
    value_axis.setTickCount(max(maximum, 1) + 1 if maximum <= 10 else 6)
    if maximum > 10:
        value_axis.applyNiceNumbers()
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        if len(categories) > MANY_CATEGORIES:
            category_axis.setLabelsAngle(-90)
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    room_below_turned_labels(chart)


def room_below_turned_labels(chart: QChart) -> None:
    """A line of space below labels turned on their side. Qt Charts works out their height from
    the label font, but with some fonts and screen scales the drawn text runs a few pixels
    further and its first letters were cut off at the chart's edge ("ov 2025")."""
    turned = [
        axis
        for axis in chart.axes(Qt.Orientation.Horizontal)
        if isinstance(axis, QBarCategoryAxis) and axis.labelsAngle() != 0
    ]
    if not turned:
        return
    line = max(QFontMetrics(axis.labelsFont()).height() for axis in turned)
    margins = chart.margins()
    margins.setBottom(max(margins.bottom(), line))
    chart.setMargins(margins)


# --- the ladder --------------------------------------------------------------------------


def rungs_now(picture: RungPicture) -> ChartData:
    chart = _new_chart()
    series = QHorizontalBarSeries()
    series.append(
        _bar_set("Planned", [r.planned for r in picture.rungs], PLANNED_COLOUR, PATTERNS[1])
    )
    series.append(
        _bar_set("Latest assessment", [r.assessed for r in picture.rungs], RUNG_COLOURS[4])
    )
    highest = max([max(r.planned, r.assessed) for r in picture.rungs] + [0])
    # Added bottom rung first, so the ladder reads upwards like a ladder.
    _attach_axes(
        chart, series, [rung_name(r.rung) for r in picture.rungs], highest, horizontal=True
    )
    rows = tuple(
        (rung_name(r.rung), str(r.planned), str(r.assessed)) for r in reversed(picture.rungs)
    )
    rows += (
        ("No planned rung / not assessed yet", str(picture.no_plan), str(picture.not_assessed)),
    )
    where = [
        f"{count_of(r.assessed, 'document')} at {r.rung.label}"
        for r in reversed(picture.rungs)
        if r.assessed
    ]
    if picture.documents == 0:
        summary = "No documents to show."
    else:
        summary = (
            f"{count_of(picture.documents, 'document')}. Latest assessment: "
            + (", ".join(where) if where else "none assessed yet")
            + f"; {picture.not_assessed:,} not assessed yet. "
            f"{picture.below_plan:,} below their planned rung; "
            f"{picture.no_plan:,} with no planned rung."
        )
    return ChartData(chart, ("Rung", "Planned", "Latest assessment"), rows, summary)


def rungs_over_time(history: RungHistory) -> ChartData:
    chart = _new_chart(legend_beside=True)
    series = QStackedBarSeries()
    levels: list[LadderRung | None] = [None, *LadderRung]
    for index, level in enumerate(levels):
        colour = NOT_ASSESSED_COLOUR if level is None else RUNG_COLOURS[int(level) - 1]
        values = [history.count(i, level) for i in range(len(history.periods))]
        # Eight shades of one scale are hard to tell apart: each has its pattern too.
        series.append(_bar_set(rung_name(level), values, colour, PATTERNS[index % len(PATTERNS)]))
    highest = max([sum(row) for row in history.counts] + [0])
    _attach_axes(chart, series, [p.label for p in history.periods], highest, horizontal=False)
    headers = ("Period", *(rung_name(level) for level in levels))
    rows = tuple(
        (period.label, *(str(n) for n in row))
        for period, row in zip(history.periods, history.counts, strict=True)
    )
    if not history.periods or highest == 0:
        summary = "No documents to show."
    else:
        first, last = history.counts[0], history.counts[-1]
        assessed_first, assessed_last = sum(first[1:]), sum(last[1:])
        top_first, top_last = sum(first[6:]), sum(last[6:])
        summary = (
            f"At the end of {history.periods[0].label}, {assessed_first:,} of "
            f"{sum(first):,} documents had been assessed, {top_first:,} of them at co-design "
            f"or co-production. At the end of {history.periods[-1].label}, {assessed_last:,} "
            f"of {sum(last):,}, {top_last:,} at co-design or co-production."
        )
    return ChartData(chart, headers, rows, summary)


# --- reach -------------------------------------------------------------------------------


def attendance_over_time(reach: Reach, periods: Sequence[Period]) -> ChartData:
    chart = _new_chart(legend_beside=True)
    series = QStackedBarSeries()
    groups = list(reach.attendance)
    charted = groups
    others: list[int] = []
    if len(groups) > MOST_GROUPS_CHARTED:
        busiest = sorted(groups, key=lambda g: -sum(g.present))[: MOST_GROUPS_CHARTED - 1]
        charted = [g for g in groups if g in busiest]
        others = [
            sum(g.present[i] for g in groups if g not in busiest) for i in range(len(periods))
        ]
    for index, group in enumerate(charted):
        colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
        pattern = PATTERNS[index % len(PATTERNS)]
        series.append(_bar_set(group.group_name, group.present, colour, pattern))
    if others:  # plain grey, unlike any group's
        series.append(_bar_set("Other groups", others, NOT_ASSESSED_COLOUR))
    totals = [sum(g.present[i] for g in groups) for i in range(len(periods))]
    _attach_axes(chart, series, [p.label for p in periods], max([*totals, 0]), horizontal=False)
    headers = ("Group", *(p.label for p in periods), "Total")
    rows = tuple((g.group_name, *(str(n) for n in g.present), str(sum(g.present))) for g in groups)
    if sum(totals) == 0:
        summary = "Nobody was marked present at a session in these months."
    else:
        busiest_period = max(range(len(periods)), key=lambda i: totals[i])
        summary = (
            f"{sum(totals):,} attendances in all (people marked present at a session). "
            + "; ".join(f"{g.group_name}: {sum(g.present):,}" for g in groups)
            + f". Busiest: {periods[busiest_period].label}, with {totals[busiest_period]:,}."
        )
        if others:
            summary += (
                f" The chart shows the {len(charted)} groups with most attendances and the "
                f"other {len(groups) - len(charted)} together; the table shows each."
            )
    return ChartData(chart, headers, rows, summary)


# --- actions -----------------------------------------------------------------------------


def overdue_by_group(overdue: OverdueActions) -> ChartData:
    chart = _new_chart()
    series = QHorizontalBarSeries()
    shown = list(reversed(overdue.by_group))  # most at the top
    series.append(_bar_set("Overdue actions", [g.count for g in shown], "#e15759"))
    highest = max([g.count for g in shown] + [0])
    _attach_axes(chart, series, [g.group_name for g in shown], highest, horizontal=True)
    chart.legend().hide()
    rows = tuple((g.group_name, str(g.count)) for g in overdue.by_group)
    if overdue.total == 0:
        summary = "No overdue actions."
    else:
        summary = (
            f"{count_of(overdue.total, 'overdue action')}: "
            + "; ".join(f"{g.group_name}: {g.count:,}" for g in overdue.by_group)
            + "."
        )
    # A line and a half per group, so every group's name has room beside its bar.
    lines = max(10, 4 + (3 * len(shown) + 1) // 2)
    return ChartData(chart, ("Group", "Overdue actions"), rows, summary, lines)


# --- pictures for documents ------------------------------------------------------------


def chart_png(
    data: ChartData, width: int = 800, height: int = 440, *, font_px: int = 17, scale: int = 2
) -> bytes:
    """``data``'s chart drawn as a PNG for a document (the evidence pack), on the GUI thread.

    The chart is laid out in a scene of its own at ``width`` x ``height`` logical pixels and
    painted at ``scale`` pixels per pixel, with its text ``font_px`` high, so the printed
    picture is sharp and its words readable at 16 cm wide whatever the screen's settings.
    """
    chart = data.chart
    font = QFont("Arial")
    font.setPixelSize(font_px)
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsFont(font)
    room_below_turned_labels(chart)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(0, 0, width, height)
    scene.setSceneRect(0, 0, width, height)
    image = QImage(width * scale, height * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter)
    painter.end()
    scene.removeItem(chart)
    return image_png(image)


def image_png(image: QImage) -> bytes:
    """``image`` as the bytes of a PNG file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
