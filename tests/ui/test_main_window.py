"""The main window: its pages list what the database holds, by keyboard as well as mouse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QWidget
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


@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard", "propagateSizeHints")
def test_ctrl_f_opens_what_was_said_selected_in_its_sessions_tidy_up(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    # One well into a session's list, so it is not simply the first row shown.
    contribution = demo_services.contributions.list(offset=40, limit=1).items[0]
    word = next(w for w in contribution.text.split() if len(w) > 6 and w.isalpha())
    window = open_window(demo_services)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.field, word)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    row = next(
        r
        for r in range(dialog.model.rowCount())
        if dialog.model.result(r).kind is ResultKind.CONTRIBUTION
        and dialog.model.result(r).record_id == contribution.id
    )
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    dialog.results.setCurrentIndex(dialog.model.index(row))
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)

    assert window.current_page_key == "sessions"
    assert window.list_page("sessions").editor.record.id == contribution.meeting_id
    tidy = window.page("sessions").tidy_up_view  # type: ignore[attr-defined]
    assert tidy is not None and tidy.isVisible() and tidy.meeting_id == contribution.meeting_id
    assert [c.id for c in tidy.selected_contributions()] == [contribution.id]
    assert tidy.editor.record.id == contribution.id
    qtbot.waitUntil(tidy.table.hasFocus)  # the keyboard is in the list, on it
    tidy.close()


# --- first launch, empty lists and other databases (File menu) -------------------------------


def file_action(window: MainWindow, text: str) -> QAction:
    """The File menu's entry with ``text`` (access keys left out)."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    for action in file_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no File menu entry {text!r}")


def test_every_empty_list_says_what_to_do_first(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    hints = {}
    for key in ("sessions", "people", "groups", "documents", "actions"):
        window.show_page(key)
        page = window.list_page(key)
        assert page.empty_label.isVisible(), key
        assert page.table.accessibleDescription() == page.empty_label.text()
        hints[key] = page.empty_label.text()

    assert "Add a group first: Groups, Ctrl+3." in hints["sessions"]
    assert "New person (Ctrl+N)" in hints["people"]
    assert "New group (Ctrl+N)" in hints["groups"]
    assert "New document (Ctrl+N)" in hints["documents"]
    assert "plan a session first: Sessions, Ctrl+1." in hints["actions"]
    # Each shortcut named goes where it says.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "groups"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "sessions"

    # A list that is only filtered empty says so, not what to do first.
    services.groups.create(Group(name="Board"))
    services.people.create(Person(display_name="Ann Patel"))
    window.refresh()
    people = window.list_page("people")
    people.search_field.setText("nobody by this name")
    qtbot.waitUntil(lambda: people.count_label.text() == "No people match")
    assert people.empty_label.isHidden()
    assert window.list_page("groups").empty_label.isHidden()
    assert "Plan the first one" in window.list_page("sessions").empty_label.text()


def test_the_window_opens_on_the_example_councils_next_session(
    open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)

    sessions = window.list_page("sessions")
    assert window.current_page_key == "sessions"
    chosen = sessions.selected_record()
    assert chosen is not None
    assert chosen == demo_services.meetings.starting_session()
    assert not sessions.has_unsaved_changes()
    assert sessions.table.currentIndex().isValid()


def make_database(path: Path, *, group: str | None = None) -> str:
    """A database file at ``path`` (with one group when ``group`` names it); its address."""
    database = Database.open(f"sqlite:///{path}")
    if group:
        Services(database).groups.create(Group(name=group))
    database.close()
    return f"sqlite:///{path}"


def test_open_database_asks_about_unsaved_work_then_switches_the_window(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database, tmp_path: Path, prompts: Any
) -> None:
    services = Services(sqlite_database)
    services.groups.create(Group(name="Carers' forum"))
    window = open_window(services)
    make_database(tmp_path / "team.sqlite3", group="Team board")
    sessions = window.list_page("sessions")
    qtbot.keyClick(sessions.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(sessions.editor.title_edit, "Half typed")  # type: ignore[attr-defined]

    prompts.expect_save_choice("cancel")
    assert file_action(window, "Open database...").isEnabled()
    file_action(window, "Open database...").trigger()
    assert window.isVisible() and window.replaced_by is None, "Cancel stays, typing and all"
    assert sessions.has_unsaved_changes()

    prompts.expect_save_choice("discard")
    prompts.expect_file(tmp_path / "team.sqlite3")
    with qtbot.waitSignal(window.database_switched) as switched:
        file_action(window, "Open database...").trigger()
    new_window = switched.args[0]
    qtbot.addWidget(new_window)

    assert new_window is window.replaced_by
    assert new_window.isVisible()
    assert not window.isVisible()
    assert str(tmp_path / "team.sqlite3") in new_window.database_label.text()
    assert [g.name for g in new_window.context.services.groups.list().items] == ["Team board"]
    assert services.groups.list().items[0].name == "Carers' forum", "the old one is untouched"
    # Both are remembered, newest first.
    recent = [e.address for e in new_window.recent_databases.entries()]
    assert recent[:2] == [f"sqlite:///{tmp_path / 'team.sqlite3'}", services.database.address]


def test_a_file_that_cannot_be_opened_is_explained_and_the_window_stays(
    open_window: OpenWindow, sqlite_database: Database, tmp_path: Path, prompts: Any
) -> None:
    window = open_window(Services(sqlite_database))
    not_a_database = tmp_path / "minutes.docx"
    not_a_database.write_bytes(b"PK\x03\x04 a Word document")
    prompts.expect_file(not_a_database)
    prompts.expect_message("error")

    assert window.choose_database_file() is None

    assert "not a Coproduce database" in prompts.shown[-1].text
    assert window.isVisible() and window.replaced_by is None
    assert window.context.services.groups.list().total == 0, "still on its own database"


def test_a_new_database_is_offered_the_example_and_recent_databases_show_missing_files(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database, tmp_path: Path, prompts: Any
) -> None:
    services = Services(sqlite_database)
    services.groups.create(Group(name="Carers' forum"))
    window = open_window(services)
    gone = make_database(tmp_path / "old.sqlite3", group="Old")
    window.recent_databases.remember(gone)
    (tmp_path / "old.sqlite3").unlink()
    prompts.expect_save_file(tmp_path / "trial")  # no extension: .sqlite3 is added
    prompts.expect_question(False)  # the example council? not now

    new_window = window.choose_new_database()
    assert new_window is not None
    qtbot.addWidget(new_window)

    assert (tmp_path / "trial.sqlite3").exists()
    assert prompts.shown[-1].title == "Load the example council?"
    menu = new_window.recent_menu
    menu.rebuild()
    assert menu.entry_texts() == [
        f"1 trial.sqlite3 (in {tmp_path}) (open now)",
        f"2 old.sqlite3 (in {tmp_path}) (file missing)",
        f"3 {Path(services.database.display_name).name} "
        f"(in {Path(services.database.display_name).parent})",
        "Clear the list",
    ]
    assert not menu.actions()[0].isEnabled(), "the database open now is not offered again"

    prompts.expect_message("information")
    menu.actions()[1].trigger()
    assert "old.sqlite3 is no longer there" in prompts.shown[-1].text
    assert not (tmp_path / "old.sqlite3").exists(), "never made again, empty"
    assert gone not in [e.address for e in new_window.recent_databases.entries()]
    assert new_window.replaced_by is None

    # The first database is one key press away again.
    with qtbot.waitSignal(new_window.database_switched) as switched:
        new_window.recent_menu.rebuild()
        new_window.recent_menu.actions()[1].trigger()
    qtbot.addWidget(switched.args[0])
    assert switched.args[0].context.services.groups.list().items[0].name == "Carers' forum"


def test_a_shared_database_on_a_server_is_opened_by_its_address_and_its_password_is_not_kept(
    qtbot: QtBot,
    open_window: OpenWindow,
    sqlite_database: Database,
    database_url: str,
    prompts: Any,
    private_home: Path,
) -> None:
    window = open_window(Services(sqlite_database))
    Services(Database.open(database_url)).groups.create(Group(name="Shared board"))
    # The test server trusts local connections, so any password does; none may be kept.
    typed = database_url.replace("postgres@", "postgres:s3cret-word@")
    prompts.expect_text(typed)

    with qtbot.waitSignal(window.database_switched) as switched:
        window.choose_server_database()
    new_window = switched.args[0]
    qtbot.addWidget(new_window)

    assert [g.name for g in new_window.context.services.groups.list().items] == ["Shared board"]
    remembered = [e.address for e in new_window.recent_databases.entries()]
    assert remembered[0].replace("***", "") == database_url.replace("***", "")
    assert "s3cret" not in (private_home / "settings.ini").read_text(encoding="utf-8")
    assert "s3cret" not in new_window.database_label.text()


def test_the_example_council_loads_from_the_file_menu_only_into_an_empty_database(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database, prompts: Any
) -> None:
    services = Services(sqlite_database)
    window = open_window(services)

    with qtbot.waitSignal(window.example_council_loaded, timeout=120_000):
        file_action(window, "Load the example council").trigger()
    assert services.groups.list().total == 3
    assert window.list_page("sessions").selected_record() is not None

    prompts.expect_message("information")
    file_action(window, "Load the example council").trigger()
    refusal = prompts.shown[-1]
    assert refusal.title == "The example council was not loaded"
    assert "only be loaded into an empty database" in refusal.text
    assert services.groups.list().total == 3


def test_a_session_to_write_up_opens_from_the_dashboard_on_the_sessions_page(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    waiting = demo_services.meetings.needing_attention()
    assert waiting, "seen today, the example council has sessions still marked planned"
    window = open_window(demo_services)
    dashboard = window.page("dashboard")
    with qtbot.waitSignal(dashboard.loaded, timeout=30_000):  # type: ignore[attr-defined]
        qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    table = dashboard.write_up_table  # type: ignore[attr-defined]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = waiting[table.currentIndex().row()].meeting

    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert window.current_page_key == "sessions"
    sessions = window.list_page("sessions")
    assert sessions.selected_record().id == chosen.id
    assert sessions.selected_record() != demo_services.meetings.starting_session()
    assert window.focusWidget() is sessions.table


def test_a_mistyped_database_address_is_asked_about_and_no_keeps_this_window(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database, prompts: Any, tmp_path: Path
) -> None:
    window = open_window(Services(sqlite_database))
    typo = tmp_path / "Carers Froum" / "forum.sqlite3"
    prompts.expect_text(f"sqlite:///{typo}")
    prompts.expect_go_on(False)
    prompts.expect_message("information")

    assert window.choose_server_database() is None

    assert [p.title for p in prompts.shown[1:]] == ["Make a new database?", "No database was made"]
    assert f"There is no database at {typo}." in prompts.shown[1].text
    assert not typo.parent.exists()
    assert window.isVisible() and window.replaced_by is None
