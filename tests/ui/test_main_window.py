"""The main window: its pages list what the database holds, by keyboard as well as mouse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from coproduce.domain.records import AccessNeeds, Action, Group, Meeting, Person
from coproduce.domain.vocabulary import ActionStatus, InformationFormat, Role
from coproduce.services import Services
from coproduce.services.search import ResultKind
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from coproduce.ui.search.search_dialog import SearchDialog

OpenWindow = Callable[[Services], MainWindow]


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
    open_window: OpenWindow, sqlite_database: Database
) -> None:
    from coproduce.services.demo import build_demo

    build_demo(sqlite_database, "small")
    services = Services(sqlite_database)
    expected_titles = {m.title for m in services.meetings.list().items}

    window = open_window(services)

    assert window.windowTitle() == "Coproduce"
    assert window.current_page_key == "sessions"
    sessions = window.list_page("sessions")
    assert sessions.table.model().rowCount() == 12
    titles = column_of(window, "sessions", "Title")
    assert set(titles) == expected_titles
    row = titles.index("Carers' Forum, 13 August 2026")
    assert table_text(window, "sessions")[row][0] == "Thu 13 Aug 2026, 10:30"
    assert column_of(window, "sessions", "Group")[row] == "Carers' Forum"
    assert column_of(window, "sessions", "Status")[row] == "Summary shared"
    assert int(column_of(window, "sessions", "Present")[row]) > 0
    assert sessions.count_label.text() == "12 sessions"
    assert all(column_of(window, "sessions", "Group")), "every session names its group"


def test_pages_switch_with_the_keyboard(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database
) -> None:
    window = open_window(Services(sqlite_database))

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "people"
    assert window.focusWidget() is window.list_page("people").search_field

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "groups"

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
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
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    for name, organisation in [
        ("Amina Patel", ""),
        ("Bob Jones", "Carers Centre"),
        ("Chloe Evans", "Patel and Partners"),
        ("Dev Kumar", ""),
    ]:
        services.people.create(Person(display_name=name, organisation=organisation))
    window = open_window(services)
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
    open_window: OpenWindow, sqlite_database: Database
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
    window = open_window(services)

    amina, bob = table_text(window, "people")
    assert amina == [
        "Amina Patel",
        "Easy read",
        "Expert by experience, Unpaid carer",
        "Active",
        "Carers Centre",
    ]
    assert bob[1] == "Large print (review due)", "needs never reviewed are flagged for review"
    assert bob[3].startswith("Left ")


def test_the_status_bar_names_the_database_file(
    open_window: OpenWindow, sqlite_database: Database
) -> None:
    window = open_window(Services(sqlite_database))
    assert window.database_label.text() == f"Database: {sqlite_database.sqlite_path}"
    assert window.database_label.isVisible()


def test_the_status_bar_names_a_server_database_but_never_its_password(
    open_window: OpenWindow, database_url: str
) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        # The test server trusts local connections, so any password opens it.
        url = url.set(password="s3cret-Pa55")
    database = Database.open(url.render_as_string(hide_password=False))
    try:
        window = open_window(Services(database))
        shown = window.database_label.text()
        window.close()
    finally:
        database.close()
    if url.get_backend_name() == "postgresql":
        assert f"{url.host}:{url.port}/{url.database}" in shown
    else:
        assert str(url.database) in shown
    assert "s3cret" not in shown


def test_the_action_log_shows_overdue_actions_and_searches_what_is_to_be_done(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    today = services.actions.today()
    group = services.groups.create(Group(name="Carers' forum"))
    owner = services.people.create(Person(display_name="Amina Patel"))
    start = datetime.combine(today - timedelta(days=30), datetime.min.time()).replace(hour=14)
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Short breaks",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
    )
    for text, due, status in [
        ("Send the easy-read notes", today - timedelta(days=3), ActionStatus.OPEN),
        ("Book the room", today + timedelta(days=10), ActionStatus.OPEN),
        ("Ask about parking", today - timedelta(days=9), ActionStatus.DONE),
    ]:
        services.actions.create(
            Action(meeting_id=meeting.id, text=text, owner_id=owner.id, due_on=due, status=status)
        )
    window = open_window(services)
    window.show_page("actions")
    page = window.list_page("actions")
    assert page.table.model().rowCount() == 3

    page.show_box.setCurrentIndex(page.show_box.findText("Overdue actions"))

    rows = table_text(window, "actions")
    assert len(rows) == 1
    what, owner_name, due, status, session, group_name = rows[0]
    assert what == "Send the easy-read notes"
    assert owner_name == "Amina Patel"
    assert due.endswith("(3 days overdue)")
    assert status == "Open"
    assert session == "Short breaks"
    assert group_name == "Carers' forum"

    page.show_box.setCurrentIndex(page.show_box.findText("All actions"))
    qtbot.keyClicks(page.search_field, "room")
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 1)
    assert column_of(window, "actions", "What") == ["Book the room"]


def test_the_dashboard_shows_the_figures_of_the_example_council(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    dashboard = window.page("dashboard")
    with qtbot.waitSignal(dashboard.loaded, timeout=30_000):  # type: ignore[attr-defined]
        window.show_page("dashboard")
    expected = demo_services.dashboard.figures(dashboard.current_filter())  # type: ignore[attr-defined]
    figures = dashboard.figures()  # type: ignore[attr-defined]
    assert figures["Overdue actions"] == f"{expected.overdue.total:,}"
    assert figures["People involved in the last 12 months"] == (
        f"{expected.reach.involved_last_12_months:,}"
    )
    assert expected.reach.involved_last_12_months > 0


def test_every_control_has_an_accessible_name(
    open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    unnamed: list[str] = []
    for entry in window.pages:
        window.show_page(entry.key)
        unnamed += [
            f"{entry.key}: {type(widget).__name__}"
            for widget in window.findChildren(QWidget)
            if widget.isVisibleTo(window)
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not widget.accessibleName()
            # Qt's own parts of a composite control (a search box's clear button) are
            # announced through their owner.
            and not isinstance(widget.parent(), QLineEdit)
            and not (isinstance(widget, QAbstractButton) and widget.text())
        ]
    assert unnamed == []


def test_help_lists_the_keyboard_shortcuts_by_page_in_a_list_that_fits(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database
) -> None:
    from coproduce.ui.shortcuts_dialog import KeyboardShortcutsDialog

    window = open_window(Services(sqlite_database))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(KeyboardShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    groups = dialog.shown_groups()
    assert groups[0] == "Everywhere in the window"
    # Then each page with keys of its own, in the order of the page list (the dashboard
    # has none).
    assert groups[1:] == [f"{page.label} page" for page in window.pages][:5]
    everywhere = dialog.shortcuts_of("Everywhere in the window")
    for line in (("Ctrl+1", "Sessions"), ("Ctrl+3", "Groups"), ("Ctrl+6", "Dashboard")):
        assert line in everywhere
    assert ("F10", "Open the menus") in everywhere
    assert ("Ctrl+R", "Run the session (meeting mode)") in dialog.shortcuts_of("Sessions page")
    assert ("Ctrl+R", "Run the session (meeting mode)") not in everywhere
    assert ("Ctrl+N", "New person") in dialog.shortcuts_of("People page")
    # It fits a laptop's screen (it was 1066 px tall) and scrolls instead.
    assert dialog.height() <= 720 and dialog.minimumSizeHint().height() <= 720
    assert dialog.tree.verticalScrollBar().maximum() > 0
    dialog.close()


@pytest.mark.parametrize("key", ["sessions", "people", "groups", "documents", "actions"])
def test_every_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, open_window: OpenWindow, demo_services: Services, key: str
) -> None:
    window = open_window(demo_services)
    model = window.list_page(key).model
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_text_follows_the_system_font_size(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance()
    original = application.font()
    larger = application.font()
    larger.setPointSizeF(original.pointSizeF() * 1.75)
    application.setFont(larger)
    try:
        window = open_window(demo_services)
        page = window.list_page("people")
        fields = page.findChildren(QLineEdit)
        assert fields and all(
            abs(field.font().pointSizeF() - larger.pointSizeF()) < 0.01 for field in fields
        )
        sizes = [label.font().pointSizeF() for label in page.findChildren(QLabel)]
        assert max(sizes) > larger.pointSizeF(), "the heading stays larger than the text"
        assert page.table.verticalHeader().defaultSectionSize() > (
            QFontMetrics(original).height() + 12
        ), "rows grow with the text"
    finally:
        application.setFont(original)


def test_a_document_and_a_person_show_what_happened_to_what_was_said(
    open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    documents = window.list_page("documents")
    window.show_page("documents")
    documents.table.selectRow(0)
    document = documents.editor.record
    said = documents.editor.said  # type: ignore[attr-defined]
    expected = demo_services.journeys.document_figures(document.id)
    assert said.figures == expected and expected.contributions > 0

    people = window.list_page("people")
    window.show_page("people")
    speaker_id = next(
        c.speaker_id
        for c in demo_services.contributions.list(limit=50).items
        if c.speaker_id is not None
    )
    assert people.show_record_id(speaker_id)
    ideas = people.editor.ideas  # type: ignore[attr-defined]
    assert list(ideas.journeys) == demo_services.journeys.person_journeys(speaker_id)
    assert ideas.journeys


def test_ctrl_f_finds_what_was_said_and_opens_its_session(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    contribution = demo_services.contributions.list(limit=1).items[0]
    word = next(w for w in contribution.text.split() if len(w) > 6 and w.isalpha())
    window = open_window(demo_services)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()

    [result] = [
        r
        for r in demo_services.search.search(word, limit=1000)
        if r.kind is ResultKind.CONTRIBUTION and r.record_id == contribution.id
    ]
    window.open_search_result(result)

    assert window.current_page_key == "sessions"
    assert window.list_page("sessions").editor.record.id == contribution.meeting_id
