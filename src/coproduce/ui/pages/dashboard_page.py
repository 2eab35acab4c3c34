"""The Dashboard page: the ladder picture, loop closure, reach and overdue actions, for the chosen
group and days.

Every figure comes from ``services.dashboard.figures`` (the service defines each term); this
page only lays them out. The figures are worked out on a background thread, so the window never
freezes on a large council; they are read again when the filters change, when records change
(``context.changes``) and on F5, but only while the page is on screen: a hidden dashboard just
remembers that it is out of date and catches up when it is shown.

Each chart has its text alternatives: a summary sentence under it and a "Show as table" button
that swaps it for a table of the same numbers.
"""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.services.dashboard import (
    CHECK_IN_MISSED_SESSIONS,
    CHECK_IN_MONTHS,
    Dashboard,
    DashboardFilter,
)
from coproduce.services.meetings import SessionAttention
from coproduce.ui.context import WindowContext
from coproduce.ui.dashboard import charts
from coproduce.ui.dashboard.chart_panel import ChartPanel, set_rows
from coproduce.ui.dashboard.filter_bar import DashboardFilterBar
from coproduce.ui.formats import count_of, short_date
from coproduce.ui.widgets.figure_tile import FigureTile
from coproduce.ui.widgets.text import heading_label, muted
from coproduce.ui.workers import run_in_background

TILES_PER_ROW = 4
_ONE_DAY = timedelta(days=1)
CHECK_IN_ROWS_SHOWN = 15
WRITE_UP_ROWS_SHOWN = 8
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_LENGTH = 90
"""The oldest unanswered contribution is quoted up to this many characters."""

log = logging.getLogger(__name__)


def percent(share: float | None) -> str | None:
    return None if share is None else f"{round(100 * share)}%"


def days_text(days: float | None) -> str | None:
    if days is None:
        return None
    return f"{days:g}"


def quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + '…'}”"


def section_heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class DashboardPage(QWidget):
    """Signals:
    loaded(): new figures are on the page (after every load, in the GUI thread).
    session_chosen(int): the person chose a session to write up (Enter or double-click on
        its row): the window shows it on the Sessions page."""

    title = "Dashboard"
    loaded = Signal()
    session_chosen = Signal(int)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = context.services
        self.setAccessibleName(self.title)
        self.dashboard: Dashboard | None = None
        self._stale = True
        self._loading = False
        self._again = False

        self.filters = DashboardFilterBar(self._services.dashboard.today())
        self.filters.changed.connect(self.refresh)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Dashboard status"))

        # --- loop closure, reach and actions: one figure each --------------------------
        self.tiles = {
            key: FigureTile(caption)
            for key, caption in (
                ("responded", self.tr("Contributions with a response")),
                ("fed_back", self.tr("Responses fed back to the group")),
                ("median_days", self.tr("Median days to a response")),
                ("oldest", self.tr("Oldest unanswered contribution")),
                ("involved", self.tr("People involved in the last 12 months")),
                ("new", self.tr("People new this period")),
                ("check_in", self.tr("People to check in with")),
                ("overdue", self.tr("Overdue actions")),
                ("write_up", self.tr("Sessions to write up")),
            )
        }
        loop_grid = self._grid(["responded", "fed_back", "median_days", "oldest"])
        reach_grid = self._grid(["involved", "new", "check_in", "overdue"])

        # --- charts ----------------------------------------------------------------------
        self.rungs_panel = ChartPanel(self.tr("Documents by rung"))
        self.rung_history_panel = ChartPanel(self.tr("Documents by rung over time"))
        self.attendance_panel = ChartPanel(self.tr("Attendance by group over time"))
        self.overdue_panel = ChartPanel(self.tr("Overdue actions by group"))

        self.check_in_model = QStandardItemModel(self)
        self.check_in_table = QTableView()
        self.check_in_table.setModel(self.check_in_model)
        self.check_in_table.setAccessibleName(self.tr("People to check in with, table"))
        self.check_in_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_in_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.check_in_table.setTabKeyNavigation(False)
        self.check_in_table.verticalHeader().hide()
        self.check_in_table.horizontalHeader().setStretchLastSection(True)
        check_in_note = muted(
            QLabel(
                self.tr(
                    "Current members who missed their group's last %d sessions or more, or "
                    "have not been to a session or activity for %d months."
                )
                % (CHECK_IN_MISSED_SESSIONS, CHECK_IN_MONTHS)
            )
        )
        check_in_note.setWordWrap(True)

        # --- sessions to write up: first, since they are today's work ---------------------
        self.write_up_model = QStandardItemModel(self)
        self.write_up_table = QTableView()
        self.write_up_table.setModel(self.write_up_model)
        self.write_up_table.setAccessibleName(self.tr("Sessions to write up, table"))
        self.write_up_table.setToolTip(self.tr("Enter opens the session on the Sessions page."))
        self.write_up_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.write_up_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.write_up_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.write_up_table.setTabKeyNavigation(False)
        self.write_up_table.verticalHeader().hide()
        self.write_up_table.horizontalHeader().setStretchLastSection(True)
        self.write_up_table.activated.connect(self._write_up_chosen)
        write_up_note = muted(
            QLabel(
                self.tr(
                    "Sessions held and not written up yet, and sessions whose date has passed "
                    "that are still marked Planned (held? mark them held or cancelled). Enter "
                    "on a row opens the session."
                )
            )
        )
        write_up_note.setWordWrap(True)
        write_up_grid = self._grid(["write_up"])

        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(section_heading(self.tr("Sessions to write up")))
        body.addWidget(write_up_note)
        body.addLayout(write_up_grid)
        body.addWidget(self.write_up_table)
        body.addSpacing(12)
        body.addWidget(section_heading(self.tr("Ladder of co-production")))
        body.addWidget(self.rungs_panel)
        body.addWidget(self.rung_history_panel)
        body.addSpacing(12)
        body.addWidget(section_heading(self.tr("Closing the loop")))
        body.addLayout(loop_grid)
        body.addSpacing(12)
        body.addWidget(section_heading(self.tr("Reach and actions")))
        body.addLayout(reach_grid)
        body.addWidget(self.attendance_panel)
        body.addWidget(self.overdue_panel)
        body.addWidget(section_heading(self.tr("Check in")))
        body.addWidget(check_in_note)
        body.addWidget(self.check_in_table)
        body.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Dashboard figures"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.title))
        layout.addWidget(self.filters)
        layout.addWidget(self.status_label)
        layout.addWidget(scroll, 1)

        self.changes = context.changes
        self.changes.changed.connect(self._records_changed)

    def _grid(self, keys: list[str]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        for position, key in enumerate(keys):
            grid.addWidget(self.tiles[key], position // TILES_PER_ROW, position % TILES_PER_ROW)
        for column in range(TILES_PER_ROW):
            grid.setColumnStretch(column, 1)
        return grid

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again (in the background), now if the page is on screen, or
        when it is next shown."""
        self._stale = True
        if self.isVisible():
            self._load()

    @property
    def loading(self) -> bool:
        """True while figures are being worked out (``loaded`` is emitted when they arrive)."""
        return self._loading

    def _records_changed(self, record_type: str) -> None:
        if record_type == "group":
            self._load_groups()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load_groups(self) -> None:
        try:
            groups = self._services.groups.list().items
        except CoproduceError as exc:
            log.warning("Could not list the groups: %s", describe_error(exc))
            return
        self.filters.set_groups(list(groups))

    def _load(self) -> None:
        if self._loading:  # one load at a time; ask again when it ends
            self._again = True
            return
        if self.dashboard is None and self.filters.group_box.count() == 1:
            self._load_groups()
        self._stale = False
        self._loading = True
        self._again = False
        which = self.filters.current_filter()
        if self.dashboard is None:
            self.status_label.setText(self.tr("Working out the figures…"))
        dashboard = self._services.dashboard
        run_in_background(
            self,
            lambda: dashboard.figures(which),
            on_success=self._loaded,
            on_failure=self._failed,
        )

    def _finished(self) -> bool:
        """True when this result is the one to show (no newer request is waiting)."""
        self._loading = False
        if self._again:
            self._again = False
            self._stale = True
            if self.isVisible():
                self._load()
            return False
        return True

    def _loaded(self, dashboard: Dashboard) -> None:
        if not self._finished():
            return
        self.dashboard = dashboard
        self.show_dashboard(dashboard)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not self._finished():
            return
        if isinstance(error, CoproduceError):
            log.info("Dashboard refused: %s", describe_error(error))
            self.status_label.setText(str(error))
        else:
            self.status_label.setText(
                self.tr("The figures could not be worked out. Press F5 to try again.")
            )
            sys.excepthook(type(error), error, error.__traceback__)
        self.status_label.setAccessibleName(self.status_label.text())
        self.loaded.emit()

    # --- showing -------------------------------------------------------------------------

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.status_label.setText(self._scope_text(dashboard))
        self.status_label.setAccessibleName(self.status_label.text())
        tiles = self.tiles
        loop = dashboard.loop
        # Only ideas, concerns, questions and experiences expect an answer; the detail says
        # so, since the page's other lists count praise and decisions too.
        answerable = count_of(loop.contributions, "contribution") + (
            self.tr(" that expects an answer")
            if loop.contributions == 1
            else self.tr(" that expect an answer")
        )
        tiles["responded"].set_figure(
            percent(loop.share_responded), self.tr("%s of %s") % (f"{loop.responded:,}", answerable)
        )
        tiles["fed_back"].set_figure(
            percent(loop.share_fed_back), self.tr("%s of %s") % (f"{loop.fed_back:,}", answerable)
        )
        tiles["median_days"].set_figure(
            days_text(loop.median_days_to_response),
            self.tr("From the day it was said to the decision"),
        )
        oldest = loop.oldest_unanswered
        if not loop.contributions:
            tiles["oldest"].set_figure(
                None, self.tr("Nothing said in these dates expects an answer yet")
            )
        elif oldest is None:
            tiles["oldest"].set_figure(
                None, self.tr("Every contribution that expects an answer has one")
            )
        else:
            tiles["oldest"].set_figure(
                count_of(oldest.days_waiting, "day"),
                f"{quoted(oldest.text)} {oldest.group_name}, {short_date(oldest.captured_on)}",
            )
        reach = dashboard.reach
        tiles["involved"].set_figure(
            reach.involved_last_12_months,
            self.tr("At a session or an activity, %s to %s")
            % (
                short_date(reach.twelve_months_after + _ONE_DAY),
                short_date(dashboard.as_on),
            ),
        )
        first = dashboard.filter.from_date
        tiles["new"].set_figure(
            reach.new_in_period,
            self.tr("First involved since %s") % short_date(first)
            if first
            else self.tr("Everyone ever involved"),
        )
        people = len({c.person_id for c in reach.check_in})
        tiles["check_in"].set_figure(people, self.tr("Listed under Check in below"))
        tiles["overdue"].set_figure(dashboard.overdue.total, self.tr("Open and due before today"))
        self._show_sessions_to_write_up(dashboard)

        self.rungs_panel.show_figures(charts.rungs_now(dashboard.rungs))
        self.rung_history_panel.show_figures(charts.rungs_over_time(dashboard.rung_history))
        self.attendance_panel.show_figures(charts.attendance_over_time(reach, dashboard.periods))
        self.overdue_panel.show_figures(charts.overdue_by_group(dashboard.overdue))

        set_rows(
            self.check_in_model,
            [
                self.tr("Person"),
                self.tr("Group"),
                self.tr("Last seen"),
                self.tr("Sessions missed in a row"),
                self.tr("Why"),
            ],
            [
                [
                    c.name,
                    c.group_name,
                    short_date(c.last_seen) or self.tr("Never"),
                    str(c.missed_in_a_row),
                    c.reason,
                ]
                for c in reach.check_in
            ],
        )
        table = self.check_in_table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        # Tall enough for its rows (up to a screenful; then it scrolls), never a tall blank box.
        shown = min(max(len(reach.check_in), 1), CHECK_IN_ROWS_SHOWN)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        self.check_in_table.setAccessibleDescription(
            self.tr("%s to check in with") % count_of(len(reach.check_in), "membership")
        )

    def _show_sessions_to_write_up(self, dashboard: Dashboard) -> None:
        waiting = dashboard.sessions_needing_attention
        write_up = sum(1 for w in waiting if w.attention is SessionAttention.WRITE_UP)
        confirm = len(waiting) - write_up
        if not waiting:
            detail = self.tr("Every session held is written up")
        else:
            parts = []
            if write_up:
                parts.append(self.tr("%d held, not written up") % write_up)
            if confirm:
                parts.append(self.tr("%d still marked Planned") % confirm)
            detail = "; ".join(parts)
        self.tiles["write_up"].set_figure(len(waiting), detail)
        set_rows(
            self.write_up_model,
            [self.tr("Date"), self.tr("Session"), self.tr("Group"), self.tr("What it needs")],
            [
                [
                    short_date(w.meeting.starts_at.date()),
                    w.meeting.title,
                    w.group_name,
                    w.attention.label,
                ]
                for w in waiting
            ],
        )
        for row, waiting_session in enumerate(waiting):
            item = self.write_up_model.item(row, 0)
            item.setData(waiting_session.meeting.id, SESSION_ID_ROLE)
            for column in range(self.write_up_model.columnCount()):
                self.write_up_model.item(row, column).setToolTip(waiting_session.attention.advice)
        table = self.write_up_table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        shown = min(max(len(waiting), 1), WRITE_UP_ROWS_SHOWN)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        table.setAccessibleDescription(
            self.tr("%s to write up") % count_of(len(waiting), "session")
        )

    def _write_up_chosen(self, index: QModelIndex) -> None:
        item = self.write_up_model.item(index.row(), 0)
        meeting_id = item.data(SESSION_ID_ROLE) if item is not None else None
        if meeting_id is not None:
            self.session_chosen.emit(int(meeting_id))

    def _scope_text(self, dashboard: Dashboard) -> str:
        which = dashboard.filter
        groups = (
            ", ".join(dashboard.group_names.get(g, "") for g in sorted(which.group_ids))
            if which.group_ids
            else self.tr("all groups")
        )
        start = short_date(which.from_date) if which.from_date else self.tr("the beginning")
        return self.tr("Showing %s, %s to %s.") % (groups, start, short_date(dashboard.as_on))

    def figures(self) -> dict[str, str]:
        """Each tile's caption and the figure it shows (what a user reads)."""
        return {tile.caption: tile.figure for tile in self.tiles.values()}

    def current_filter(self) -> DashboardFilter:
        return self.filters.current_filter()
