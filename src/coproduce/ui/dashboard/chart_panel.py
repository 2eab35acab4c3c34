"""A chart with its text alternatives: a summary sentence always shown under it, and the same
figures as a table one key press away ("Show as table").

Keyboard and screen-reader users Tab to the chart (it announces its title and carries the
summary as its description), then to the toggle button, which swaps the chart for a table of
the same numbers; the table is the next stop of the Tab key.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QFontMetrics,
    QPainter,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coproduce.ui.dashboard.charts import ChartData, room_below_turned_labels
from coproduce.ui.widgets.text import muted

CHART_HEIGHT_LINES = 18
"""The chart's height in lines of text, so it grows with the system font size."""
LEAST_BAR_LINES = 10
"""However long the labels under the bars, the bars keep at least this many lines of height."""


class WrappedLabel(QLabel):
    """A word-wrapped label that always gets the height its text needs at its width (inside
    a scroll area Qt otherwise cuts its last line off)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def fit(self) -> None:
        width = max(self.contentsRect().width(), 1)
        needed = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), self.text()
        )
        margins = self.contentsMargins()
        self.setMinimumHeight(needed.height() + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight() or hint.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        # The minimum height set by fit() rules instead: layouts mix height-for-width items
        # badly and cut the last line off.
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()


class ChartPanel(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never shorter than the chart, heading and summary need (the summary wraps).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(title)

        self.toggle = QPushButton(self.tr("Show as table"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show %s as a table") % title.lower())
        self.toggle.toggled.connect(self.show_table)

        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.chart_view.setAccessibleName(self.tr("%s, chart") % title)
        # The drawing surface inside takes focus too; it is announced as the chart.
        self.chart_view.viewport().setAccessibleName(self.tr("%s, chart") % title)
        self.chart_view.setMinimumHeight(self.fontMetrics().lineSpacing() * CHART_HEIGHT_LINES)

        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("%s, table") % title)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_view)
        self.stack.addWidget(self.table)

        self.summary_label = muted(WrappedLabel(""))
        self.summary_label.setAccessibleName(self.tr("%s, summary") % title)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary_label)
        self._chart: QChart | None = None

    def _height_for(self, data: ChartData) -> int:
        """The chart's height: its lines of text, and more when labels turned on their side
        are long for it. Qt Charts keeps a least size for the bars and lets the labels run
        off the bottom of a chart too short for both ("ov 2025")."""
        line = self.fontMetrics().lineSpacing()
        height = line * data.height_lines
        for axis in data.chart.axes(Qt.Orientation.Horizontal):
            if not isinstance(axis, QBarCategoryAxis) or axis.labelsAngle() == 0:
                continue
            labels = QFontMetrics(axis.labelsFont())
            longest = max((labels.horizontalAdvance(c) for c in axis.categories()), default=0)
            # The turned labels, a line either side of them, and the bars' least height.
            height = max(height, longest + 2 * labels.height() + line * LEAST_BAR_LINES)
        return height

    def show_figures(self, data: ChartData) -> None:
        """Show a new chart, its table and its summary (the old chart is thrown away)."""
        old = self._chart
        room_below_turned_labels(data.chart)  # for the font the labels have now
        height = self._height_for(data)
        self.chart_view.setMinimumHeight(height)
        self.table.setMinimumHeight(height)
        self.chart_view.setChart(data.chart)
        self._chart = data.chart
        if old is not None:
            old.deleteLater()
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(data.headers))
        for row in data.rows:
            items = []
            for column, text in enumerate(row):
                item = QStandardItem(text)
                if column > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                items.append(item)
            self.model.appendRow(items)
        self.summary_label.setText(data.summary)
        self.summary_label.setAccessibleName(data.summary)
        self.summary_label.fit()
        self.chart_view.setAccessibleDescription(data.summary)

    def show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.chart_view)
        self.toggle.setText(self.tr("Show as chart") if on else self.tr("Show as table"))
        self.toggle.setAccessibleName(
            (self.tr("Show %s as a chart") if on else self.tr("Show %s as a table"))
            % self.title.lower()
        )
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)

    @property
    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table

    @property
    def chart(self) -> QChart | None:
        return self._chart

    def table_rows(self) -> list[list[str]]:
        """What the table shows, row by row (headers first)."""
        model = self.model
        headers = [
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
        ]
        rows = [
            [model.item(r, c).text() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        return [headers, *rows]


def set_rows(
    model: QStandardItemModel, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Fill a plain table model (the check-in list) with text rows."""
    model.clear()
    model.setHorizontalHeaderLabels(list(headers))
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])
