"""The main window: its pages list what the database holds, by keyboard as well as mouse."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AccessNeeds, Action, Group, Meeting, Person
from coproduce.domain.vocabulary import ActionStatus, InformationFormat, Role
from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompts, open_window


def table_text(window: MainWindow, key: str) -> list[list[str]]:
    """Every cell of a list page's table, as the user reads it."""
    model = window.list_page(key).table.model()
    return [
        [model.index(row, column).data() or "" for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def column_of(window: MainWindow, key: str, title: str) -> list[str]:
    model = window.list_page(key).table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [row[titles.index(title)] for row in table_text(window, key)]


def test_the_window_lists_the_example_councils_sessions(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    build_demo(sqlite_database, "small")
    services = Services(sqlite_database)
    expected_titles = {m.title for m in services.meetings.list().items}

    window = open_window(qtbot, services)

    assert window.windowTitle() == "Coproduce"
    assert window.current_page_key == "sessions"
    sessions = window.list_page("sessions")
    assert sessions.table.model().rowCount() == 12
    assert set(column_of(window, "sessions", "Title")) == expected_titles
    assert sessions.count_label.text() == "12 sessions"
    assert all(column_of(window, "sessions", "Group")), "every session names its group"


def test_pages_switch_with_the_keyboard(qtbot: QtBot, demo_services: Services) -> None:
    window = open_window(qtbot, demo_services)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "people"
    assert window.focusWidget() is window.list_page("people").search_field

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "dashboard"

    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.current_page_key == "actions"
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.current_page_key == "documents"
    assert window.stack.currentWidget() is window.page("documents")

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "sessions"
    assert window.navigation.currentRow() == 0


def test_search_filters_the_people_list_in_the_database(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    for name, organisation in [
        ("Amina Patel", ""),
        ("Bob Jones", "Carers Centre"),
        ("Chloe Evans", "Patel and Partners"),
        ("Dev Kumar", ""),
    ]:
        services.people.create(Person(display_name=name, organisation=organisation))
    window = open_window(qtbot, services)
    page = window.list_page("people")
    assert page.table.model().rowCount() == 4

    qtbot.keyClicks(page.search_field, "patel")
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 2)
    assert column_of(window, "people", "Name") == ["Amina Patel", "Chloe Evans"]
    assert page.count_label.text() == "2 people"

    qtbot.keyClicks(page.search_field, "zzz")
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 0)
    assert page.count_label.text() == "No people match"

    page.search_field.clear()
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 4)


def test_people_show_roles_whether_active_and_access_needs(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    today = services.people.today()
    services.people.create(
        Person(
            display_name="Amina Patel",
            roles=frozenset({Role.UNPAID_CARER, Role.EXPERT_BY_EXPERIENCE}),
            organisation="Carers Centre",
            needs=AccessNeeds(
                information_formats=frozenset({InformationFormat.EASY_READ}), reviewed_on=today
            ),
        )
    )
    services.people.create(
        Person(
            display_name="Bob Jones",
            needs=AccessNeeds(information_formats=frozenset({InformationFormat.LARGE_PRINT})),
            active=False,
            left_on=today.replace(day=1),
        )
    )
    window = open_window(qtbot, services)

    amina, bob = table_text(window, "people")
    assert amina == [
        "Amina Patel",
        "Expert by experience, Unpaid carer",
        "Carers Centre",
        "Active",
        "Yes",
    ]
    assert bob[3].startswith("Left ")
    assert bob[4] == "Yes, review due", "needs never reviewed are flagged for review"


def test_the_status_bar_names_the_database_file(qtbot: QtBot, sqlite_database: Database) -> None:
    window = open_window(qtbot, Services(sqlite_database))
    assert str(sqlite_database.sqlite_path) in window.database_label.text()
    assert window.database_label.isVisible()


def test_the_action_log_can_show_only_overdue_actions(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    today = services.actions.today()
    group = services.groups.create(Group(name="Carers' forum"))
    owner = services.people.create(Person(display_name="Amina Patel"))
    start = datetime.combine(today - timedelta(days=30), datetime.min.time()).replace(hour=14)
    meeting = services.meetings.create(
        Meeting(group_id=group.id, title="Short breaks", starts_at=start, ends_at=start + timedelta(hours=2))
    )
    for text, due, status in [
        ("Send the easy-read notes", today - timedelta(days=3), ActionStatus.OPEN),
        ("Book the room", today + timedelta(days=10), ActionStatus.OPEN),
        ("Ask about parking", today - timedelta(days=9), ActionStatus.DONE),
    ]:
        services.actions.create(
            Action(meeting_id=meeting.id, text=text, owner_id=owner.id, due_on=due, status=status)
        )
    window = open_window(qtbot, services)
    window.show_page("actions")
    page = window.list_page("actions")
    assert page.table.model().rowCount() == 3

    page.show_box.setCurrentIndex(page.show_box.findText("Overdue actions"))

    rows = table_text(window, "actions")
    assert len(rows) == 1
    what, owner_name, due, status, session = rows[0]
    assert what == "Send the easy-read notes"
    assert owner_name == "Amina Patel"
    assert due.endswith("(overdue)")
    assert status == "Open"
    assert session.startswith("Short breaks, ")


def test_the_dashboard_says_what_is_coming_and_counts_what_is_there(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = open_window(qtbot, demo_services)
    window.show_page("dashboard")
    dashboard = window.page("dashboard")

    figures = dashboard.figures()  # type: ignore[attr-defined]
    assert figures["Sessions"] == "12"
    assert int(figures["People on the register"]) > 0
    texts = " ".join(label.text() for label in dashboard.findChildren(type(window.database_label)))
    for promise in ("ladder", "loop closure", "reach", "overdue actions"):
        assert promise in texts.lower()


def test_every_control_has_an_accessible_name(qtbot: QtBot, demo_services: Services) -> None:
    window = open_window(qtbot, demo_services)
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in window.findChildren(QWidget)
        if widget.isVisibleTo(window)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
        # Qt's own parts of a composite control (a search box's clear button, a table's
        # viewport) are named through their owner.
        and not isinstance(widget.parent(), (QLineEdit,))
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ]
    assert unnamed == []


def test_help_lists_the_keyboard_shortcuts(
    qtbot: QtBot, demo_services: Services, prompts: ScriptedPrompts
) -> None:
    window = open_window(qtbot, demo_services)
    prompts.expect_message("information")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = prompts.shown[-1]
    assert shown.title == "Keyboard shortcuts"
    assert "Ctrl+1\tSessions" in shown.text
    assert "Ctrl+5\tDashboard" in shown.text
