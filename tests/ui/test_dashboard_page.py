"""The Dashboard page driven with the keyboard: its filters change the figures, and every chart's
text alternatives (summary and table) are reachable by keyboard and say what the chart shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QGraphicsItem
from pytestqt.qtbot import QtBot

from coproduce.domain.records import Action
from coproduce.domain.schedule import add_months
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.dashboard import (
    Dashboard,
    DashboardFilter,
    GroupAttendance,
    Reach,
    periods_between,
)
from coproduce.services.demo import ANCHOR
from coproduce.services.meetings import MeetingFilter
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.dashboard import charts
from coproduce.ui.dashboard.chart_panel import ChartPanel
from coproduce.ui.pages.dashboard_page import DashboardPage

LAST_12_MONTHS = DashboardFilter(
    from_date=add_months(ANCHOR, -12) + timedelta(days=1), to_date=ANCHOR
)


@pytest.fixture
def services(demo_database: Database) -> Services:
    """The small example council, seen on the day it was made (so every figure is fixed)."""
    return Services(demo_database, actor="Test Facilitator", today=lambda: ANCHOR)


@pytest.fixture
def page(qtbot: QtBot, services: Services) -> DashboardPage:
    context = WindowContext(services, QUndoStack(), DataChanges())
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.show()
    return page


def tile_texts(dashboard: Dashboard) -> dict[str, str]:
    """What the tiles must read for these figures, written out independently of the page."""
    loop, reach = dashboard.loop, dashboard.reach
    return {
        "Contributions with a response": f"{round(100 * loop.responded / loop.contributions)}%",
        "Responses fed back to the group": f"{round(100 * loop.fed_back / loop.contributions)}%",
        "Median days to a response": f"{loop.median_days_to_response:g}",
        "Oldest unanswered contribution": f"{loop.oldest_unanswered.days_waiting} days"
        if loop.oldest_unanswered
        else "–",
        "People involved in the last 12 months": f"{reach.involved_last_12_months:,}",
        "People new this period": f"{reach.new_in_period:,}",
        "People to check in with": f"{len({c.person_id for c in reach.check_in}):,}",
        "Overdue actions": f"{dashboard.overdue.total:,}",
        "Sessions to write up": f"{len(dashboard.sessions_needing_attention):,}",
    }


def bar_values(panel: ChartPanel) -> dict[str, list[float]]:
    """Each bar set of the panel's chart: its label and its values, as drawn."""
    chart = panel.chart
    assert chart is not None
    (series,) = chart.series()
    assert isinstance(series, QAbstractBarSeries)
    return {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}


def test_the_page_shows_the_services_figures_for_the_last_12_months(
    page: DashboardPage, services: Services
) -> None:
    expected = services.dashboard.figures(LAST_12_MONTHS)

    assert page.current_filter() == LAST_12_MONTHS
    assert page.dashboard == expected
    assert page.figures() == tile_texts(expected)
    assert page.status_label.text() == "Showing all groups, 2 Nov 2025 to 1 Nov 2026."
    check_in = page.check_in_model
    assert check_in.rowCount() == len(expected.reach.check_in)
    assert [check_in.item(r, 0).text() for r in range(check_in.rowCount())] == [
        c.name for c in expected.reach.check_in
    ]


def test_choosing_a_group_with_the_keyboard_shows_that_groups_figures(
    qtbot: QtBot, page: DashboardPage, services: Services
) -> None:
    everyone = page.figures()
    box = page.filters.group_box
    box.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.keyClick(box, Qt.Key.Key_Down)

    group_id = box.currentData()
    assert group_id is not None
    expected = services.dashboard.figures(
        DashboardFilter(frozenset({group_id}), LAST_12_MONTHS.from_date, LAST_12_MONTHS.to_date)
    )
    assert page.figures() == tile_texts(expected)
    assert page.figures() != everyone
    assert box.currentText() in page.status_label.text()
    assert [row[0] for row in page.attendance_panel.table_rows()[1:]] == [box.currentText()]


def test_moving_the_dates_changes_the_figures_and_a_start_after_the_end_is_explained(
    qtbot: QtBot, page: DashboardPage, services: Services
) -> None:
    before = page.figures()
    to_edit = page.filters.to_edit
    to_edit.setFocus()
    to_edit.setCurrentSection(QDateTimeEdit.Section.MonthSection)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        for _ in range(5):
            qtbot.keyClick(to_edit, Qt.Key.Key_Down)

    assert to_edit.date().toPython() == date(2026, 6, 1)
    expected = services.dashboard.figures(
        DashboardFilter(from_date=LAST_12_MONTHS.from_date, to_date=date(2026, 6, 1))
    )
    assert page.figures() == tile_texts(expected)
    assert page.figures() != before
    assert page.status_label.text() == "Showing all groups, 2 Nov 2025 to 1 Jun 2026."
    assert len(page.rung_history_panel.table_rows()) == 1 + 8  # November to June

    from_edit = page.filters.from_edit
    from_edit.setFocus()
    from_edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.keyClick(from_edit, Qt.Key.Key_Up)  # 2 Nov 2026: after the end date

    assert "start date is after the end date" in page.status_label.text()
    assert page.figures() == tile_texts(expected)  # the last good figures stay

    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.keyClick(page.filters.reset_button, Qt.Key.Key_Space)
    assert page.figures() == tile_texts(services.dashboard.figures(LAST_12_MONTHS))


@pytest.mark.parametrize(
    "panel_name", ["rungs_panel", "rung_history_panel", "attendance_panel", "overdue_panel"]
)
def test_each_chart_becomes_a_table_of_the_same_numbers_from_the_keyboard(
    qtbot: QtBot, page: DashboardPage, panel_name: str
) -> None:
    panel: ChartPanel = getattr(page, panel_name)
    bars = bar_values(panel)
    assert panel.chart_view.accessibleDescription() == panel.summary_label.text() != ""

    panel.toggle.setFocus()
    qtbot.keyClick(panel.toggle, Qt.Key.Key_Space)
    assert panel.showing_table
    assert panel.toggle.text() == "Show as chart"
    qtbot.keyClick(panel.toggle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.table

    headers, *rows = panel.table_rows()
    if panel_name == "rungs_panel":
        # Table rows run from the top rung down; the chart's categories from the bottom up.
        by_rung = {row[0]: row for row in rows}
        for index, rung in enumerate(["1 Coercion", "2 Educating", "3 Informing",
                                      "4 Consultation", "5 Engagement", "6 Co-design",
                                      "7 Co-production"]):  # fmt: skip
            assert float(by_rung[rung][1]) == bars["Planned"][index]
            assert float(by_rung[rung][2]) == bars["Latest assessment"][index]
    elif panel_name == "overdue_panel":
        assert [float(row[1]) for row in reversed(rows)] == bars["Overdue actions"]
    elif panel_name == "rung_history_panel":
        # One column per rung (and "not assessed"), one row per period.
        for column, label in enumerate(headers[1:], start=1):
            assert [float(row[column]) for row in rows] == bars[label]
    else:
        # One row per group, one column per period (and a total).
        for row in rows:
            assert [float(n) for n in row[1:-1]] == bars[row[0]]
            assert int(row[-1]) == sum(bars[row[0]])
    assert any(float(n) for row in rows for n in row[1:] if n.replace(".", "").isdigit())

    qtbot.keyClick(panel.toggle, Qt.Key.Key_Space)
    assert not panel.showing_table


def test_the_summaries_say_what_the_charts_show(page: DashboardPage, services: Services) -> None:
    dashboard = services.dashboard.figures(LAST_12_MONTHS)
    overdue = page.overdue_panel.summary_label.text()
    assert overdue.startswith(f"{dashboard.overdue.total} overdue actions: ")
    for group in dashboard.overdue.by_group:
        assert f"{group.group_name}: {group.count}" in overdue
    rungs = page.rungs_panel.summary_label.text()
    assert rungs.startswith(f"{dashboard.rungs.documents} documents.")
    assert f"{dashboard.rungs.below_plan} below their planned rung" in rungs
    attendance = page.attendance_panel.summary_label.text()
    total = sum(sum(g.present) for g in dashboard.reach.attendance)
    assert attendance.startswith(f"{total} attendances in all")


def test_the_figures_follow_changes_to_the_records(
    qtbot: QtBot, page: DashboardPage, services: Services
) -> None:
    before = int(page.figures()["Overdue actions"])
    meeting_id = services.meetings.list(limit=1).items[0].id
    services.actions.create(
        Action(meeting_id=meeting_id, text="Send the notes", due_on=ANCHOR - timedelta(days=3))
    )

    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.changes.changed.emit("action")

    assert page.figures()["Overdue actions"] == str(before + 1)


def test_a_hidden_dashboard_waits_until_it_is_shown(
    qtbot: QtBot, page: DashboardPage, services: Services
) -> None:
    page.hide()
    services.actions.create(
        Action(
            meeting_id=services.meetings.list(limit=1).items[0].id,
            text="Ring the venue",
            due_on=ANCHOR - timedelta(days=1),
        )
    )
    before = page.figures()["Overdue actions"]
    page.changes.changed.emit("action")
    assert page.figures()["Overdue actions"] == before  # nothing worked out while hidden

    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.show()
    assert page.figures()["Overdue actions"] == str(int(before) + 1)


def test_the_charts_can_be_drawn_offscreen_and_the_tables_are_sound_models(
    page: DashboardPage, qtmodeltester
) -> None:
    for panel in (page.rungs_panel, page.rung_history_panel, page.attendance_panel):
        image = panel.chart_view.grab().toImage()
        assert not image.isNull()
        # Something besides the background was drawn: more than a handful of colours.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 5
        qtmodeltester.check(panel.model)
    qtmodeltester.check(page.check_in_model)


def test_many_groups_are_charted_as_the_busiest_and_the_others_together(qtbot: QtBot) -> None:
    periods = periods_between(date(2026, 1, 1), date(2026, 3, 31))
    groups = tuple(
        GroupAttendance(n, f"Group {n}", (n, 2 * n, 0)) for n in range(1, 11)
    )  # group 10 is the busiest, group 1 the quietest
    reach = Reach(0, date(2025, 3, 31), 0, (), groups)

    data = charts.attendance_over_time(reach, periods)

    series = data.chart.series()[0]
    labels = [s.label() for s in series.barSets()]
    assert labels == [f"Group {n}" for n in range(4, 11)] + ["Other groups"]
    others = series.barSets()[-1]
    assert [others.at(i) for i in range(3)] == [1 + 2 + 3, 2 * (1 + 2 + 3), 0]
    # The table and the summary still give every group on its own.
    assert [row[0] for row in data.rows] == [f"Group {n}" for n in range(1, 11)]
    assert "Group 1: 3;" in data.summary
    assert "the other 3 together" in data.summary


# --- what expects an answer, an empty council, labels on their side ------------------------


def test_loop_closure_counts_only_what_expects_an_answer(
    page: DashboardPage, services: Services
) -> None:
    assert page.dashboard is not None
    loop = page.dashboard.loop
    assert loop.oldest_unanswered is not None
    oldest = services.contributions.get(loop.oldest_unanswered.contribution_id)
    # In the demo the oldest thing said with no answer is a decision: it is not waiting.
    assert oldest.kind.expects_answer
    assert oldest.text[:40] in page.tiles["oldest"].detail_label.text()
    assert page.tiles["responded"].detail_label.text() == (
        f"{loop.responded:,} of {loop.contributions:,} contributions that expect an answer"
    )


def test_an_empty_council_says_nothing_is_waiting_yet(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database, actor="Test Facilitator", today=lambda: ANCHOR)
    page = DashboardPage(WindowContext(services, QUndoStack(), DataChanges()))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.show()

    tile = page.tiles["oldest"]
    assert tile.figure == "–"
    assert tile.detail_label.text() == "Nothing said in these dates expects an answer yet"
    assert "Every contribution" not in tile.detail_label.text()


def test_month_labels_on_their_side_are_drawn_whole_inside_the_chart(
    qtbot: QtBot, page: DashboardPage
) -> None:
    page.resize(1366 - 220, 768)  # the page's share of a 1366 x 768 window beside the list
    qtbot.wait(50)
    for panel in (page.rung_history_panel, page.attendance_panel):
        view = panel.chart_view
        chart = view.chart()
        [axis] = [a for a in chart.axes(Qt.Orientation.Horizontal)]
        assert axis.labelsAngle() == -90  # 12 months: turned on their side
        outer = chart.mapRectToScene(chart.rect())
        drawn = [
            item.sceneBoundingRect()
            for item in view.scene().items()
            if item is not chart
            and item.isVisible()
            # Words and markers; not the zero-height lines Qt keeps for ticks and borders.
            and item.sceneBoundingRect().width() >= 4
            and item.sceneBoundingRect().height() >= 4
        ]
        assert drawn and all(outer.contains(rect) for rect in drawn)
        # A line of room below the lowest label, for fonts drawn a little longer than measured.
        # (Qt Charts' text items are private classes: Python sees them as plain QGraphicsItem.)
        labels = [i.sceneBoundingRect() for i in view.scene().items() if type(i) is QGraphicsItem]
        line = QFontMetrics(axis.labelsFont()).height()
        assert len(labels) >= 12
        assert max(rect.bottom() for rect in labels) <= outer.bottom() - line


def test_a_chart_is_made_tall_enough_for_long_labels_on_their_side(
    qtbot: QtBot, page: DashboardPage
) -> None:
    assert page.dashboard is not None
    data = charts.rungs_over_time(page.dashboard.rung_history)
    [axis] = data.chart.axes(Qt.Orientation.Horizontal)
    big = QFont(axis.labelsFont())
    big.setPixelSize(2 * QFontMetrics(axis.labelsFont()).height())  # labels long for the chart
    axis.setLabelsFont(big)
    panel = ChartPanel("Documents by rung over time")
    qtbot.addWidget(panel)
    panel.resize(1146, 400)
    panel.show_figures(data)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)

    view = panel.chart_view
    outer = data.chart.mapRectToScene(data.chart.rect())
    labels = [
        i.sceneBoundingRect()
        for i in view.scene().items()
        if type(i) is QGraphicsItem and not i.sceneBoundingRect().isEmpty()
    ]
    assert len(labels) >= 12
    assert all(outer.contains(rect) for rect in labels)


def test_sessions_to_write_up_are_counted_and_listed_and_enter_opens_one(
    qtbot: QtBot, page: DashboardPage, services: Services
) -> None:
    # The demo's latest held session, not written up after all; and its next, never marked.
    held = services.meetings.list(MeetingFilter(starts_before=datetime(2026, 11, 1))).items[0]
    services.meetings.set_status(held.id, MeetingStatus.HELD)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh()

    waiting = services.meetings.needing_attention()
    assert held.id in [w.meeting.id for w in waiting]
    assert page.figures()["Sessions to write up"] == str(len(waiting))
    model = page.write_up_model
    rows = [[model.item(r, c).text() for c in range(4)] for r in range(model.rowCount())]
    assert [row[1] for row in rows] == [w.meeting.title for w in waiting]
    held_row = next(row for row in rows if row[1] == held.title)
    assert held_row[3] == "Needs writing up"
    assert held_row[0] == f"{held.starts_at.day} {held.starts_at:%b} {held.starts_at.year}"

    table = page.write_up_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    row = table.currentIndex().row()
    with qtbot.waitSignal(page.session_chosen) as chosen:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert chosen.args == [waiting[row].meeting.id]


def test_a_council_with_everything_written_up_says_so(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database, actor="Test Facilitator", today=lambda: ANCHOR)
    page = DashboardPage(WindowContext(services, QUndoStack(), DataChanges()))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.show()

    assert page.figures()["Sessions to write up"] == "0"
    assert page.tiles["write_up"].detail == "Every session held is written up"
    assert page.write_up_model.rowCount() == 0


def without_colour(bar_set) -> tuple[tuple[bool, ...], int]:  # type: ignore[no-untyped-def]
    """What tells a bar set's fill apart for someone who does not see colour: the shape of
    its pattern, and its lightness in four broad steps (close shades of one colour are one
    step). Worked out from a tile painted with the fill, in grey."""
    from PySide6.QtGui import QImage, QPainter

    tile = QImage(24, 24, QImage.Format.Format_RGB32)
    tile.fill(Qt.GlobalColor.white)
    painter = QPainter(tile)
    painter.fillRect(tile.rect(), bar_set.brush())
    painter.end()
    grey = tile.convertToFormat(QImage.Format.Format_Grayscale8)
    values = [grey.pixelColor(x, y).value() for y in range(24) for x in range(24)]
    mean = sum(values) / len(values)
    shape = tuple(v > mean + 8 for v in values)  # where the pattern is lighter
    return shape, int(mean // 64)


def test_every_chart_tells_its_categories_apart_without_colour(page: DashboardPage) -> None:
    """Eight rungs in shades of one blue could not be told apart by everyone: each category
    has a fill of its own without colour too (a pattern over its colour), in the legend too."""
    for panel in (page.rungs_panel, page.rung_history_panel, page.attendance_panel):
        chart = panel.chart
        assert chart is not None
        (series,) = chart.series()
        bar_sets = series.barSets()
        fills = [without_colour(bar_set) for bar_set in bar_sets]
        assert len(bar_sets) >= 2
        assert len(set(fills)) == len(fills), [s.label() for s in bar_sets]
        markers = chart.legend().markers(series)
        assert all(m.brush() == s.brush() for m, s in zip(markers, bar_sets, strict=True))
    history = page.rung_history_panel.chart
    assert history is not None and len(history.series()[0].barSets()) == 8
