"""The Sessions page, driven by keyboard: planning a session and its agenda, the actions
carried from last time, deleting and undoing, and the lists in the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Document,
    Group,
    Meeting,
    Person,
)
from coproduce.domain.vocabulary import (
    ActionStatus,
    AttendanceStatus,
    Cadence,
    MeetingStatus,
    Role,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.sessions_page import SessionsPage
from coproduce.ui.sessions.session_detail import SessionDetail

OpenWindow = Callable[[Services], MainWindow]

TODAY = date(2026, 1, 20)
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    """Services on SQLite whose today is fixed, so the suggested dates are known."""
    return Services(sqlite_database, actor="Test Facilitator", today=lambda: TODAY)


@pytest.fixture
def forum(services: Services) -> Group:
    return services.groups.create(Group(name="Carers' Forum", cadence=Cadence.EVERY_TWO_MONTHS))


def plan(
    services: Services,
    group: Group,
    starts_at: datetime,
    title: str,
    hours: float = 2,
    **fields: Any,
) -> Meeting:
    return services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            **fields,
        )
    )


def sessions_page(window: MainWindow) -> SessionsPage:
    page = window.page("sessions")
    assert isinstance(page, SessionsPage)
    return page


def titles_listed(page: SessionsPage) -> list[str]:
    model = page.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def open_session(qtbot: QtBot, page: SessionsPage, meeting: Meeting) -> None:
    """Highlight a session in the list with the keyboard, as a user would arrive at it."""
    page.table.setFocus()
    row = [page.model.record(r).meeting.id for r in range(page.model.rowCount())].index(meeting.id)
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.waitUntil(lambda: page.detail.meeting is not None)
    assert page.detail.meeting.id == meeting.id


def agenda_titles(page: SessionsPage) -> list[str]:
    model = page.detail.agenda.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what a field holds by typing, as a person would (select all, then type)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def add_agenda_item(qtbot: QtBot, page: SessionsPage, title: str, minutes: int) -> None:
    agenda = page.detail.agenda
    editor = agenda.editor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, ALT)  # the "Add item" button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.title_edit)
    assert editor.record is None
    qtbot.keyClicks(editor.title_edit, title)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.minutes_box
    type_into(qtbot, editor.minutes_box, str(minutes))
    qtbot.keyClick(editor.minutes_box, Qt.Key.Key_S, CTRL)
    assert not editor.has_unsaved_changes(), editor.errors.general.text()


# --- planning a session ----------------------------------------------------------------------


def test_a_session_is_planned_with_an_agenda_reordered_by_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    fran = services.people.create(
        Person(display_name="Fran Facilitator", roles=frozenset({Role.FACILITATOR}))
    )
    services.people.create(Person(display_name="Ann Member"))
    january = plan(services, forum, datetime(2026, 1, 12, 10, 30), "Carers' Forum, January")
    window = open_window(services)
    page = sessions_page(window)
    editor = page.session_editor

    # A new session: choosing the group suggests the date from its cadence (every 2 months,
    # on the same weekday: the 2nd Monday of January leads to the 2nd Monday of March).
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert editor.record is None
    assert page.detail.heading.text() == "New session"
    assert not page.detail.tabs.isTabEnabled(SessionDetail.AGENDA)
    editor.group_box.setFocus()
    qtbot.keyClick(editor.group_box, Qt.Key.Key_Down)
    assert editor.group_box.currentText() == "Carers' Forum"
    assert editor.suggestion_label.text() == ("Suggested from the group's cadence: every 2 months")
    assert editor.title_edit.text() == "Carers' Forum, 9 March 2026"
    assert editor.starts_edit.dateTime().toPython() == datetime(2026, 3, 9, 10, 30)
    assert editor.ends_edit.dateTime().toPython() == datetime(2026, 3, 9, 12, 30)
    assert editor.length_label.text() == "Lasts 2 hours"

    # Only facilitators and staff are offered; Space ticks the highlighted one.
    offered = [
        editor.facilitators_list.item(r).text() for r in range(editor.facilitators_list.count())
    ]
    assert offered == ["Fran Facilitator (facilitator)"]
    editor.facilitators_list.setFocus()
    qtbot.keyClick(editor.facilitators_list, Qt.Key.Key_Space)
    type_into(qtbot, editor.place_edit, "Town Hall, Room 2")
    qtbot.keyClick(editor.place_edit, Qt.Key.Key_S, CTRL)

    assert not editor.has_unsaved_changes(), editor.errors.general.text()
    (march,) = [m for m in services.meetings.list().items if m.id != january.id]
    assert (march.title, march.starts_at, march.ends_at, march.place) == (
        "Carers' Forum, 9 March 2026",
        datetime(2026, 3, 9, 10, 30),
        datetime(2026, 3, 9, 12, 30),
        "Town Hall, Room 2",
    )
    assert march.facilitator_ids == (fran.id,)
    assert titles_listed(page) == ["Carers' Forum, 9 March 2026", "Carers' Forum, January"]
    assert page.detail.heading.text() == "Carers' Forum, 9 March 2026"

    # The agenda: three items with their times, added by keyboard.
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    assert page.detail.tabs.currentIndex() == SessionDetail.AGENDA
    agenda = page.detail.agenda
    assert agenda.timing_label.text().startswith("No agenda items yet")
    add_agenda_item(qtbot, page, "Welcome", 10)
    add_agenda_item(qtbot, page, "The carers' strategy", 45)
    add_agenda_item(qtbot, page, "Any other business", 15)
    assert agenda_titles(page) == ["Welcome", "The carers' strategy", "Any other business"]
    assert [agenda.model.index(r, 0).data() for r in range(3)] == ["10:30", "10:40", "11:25"]
    assert agenda.timing_label.text() == (
        "3 items, 1 hour 10 minutes: ends at 11:40; the session ends at 12:30, 50 minutes to spare."
    )

    # Reorder with the keyboard while the list has the focus.
    agenda.table.setFocus()
    agenda.table.setCurrentIndex(agenda.model.index(2, 1))
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, CTRL)
    expected = ["Welcome", "Any other business", "The carers' strategy"]
    assert [i.title for i in services.meetings.agenda(march.id)] == expected
    assert agenda_titles(page) == expected
    assert agenda.current_item().title == "Any other business", "the highlight follows"
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, CTRL)
    expected = ["Any other business", "Welcome", "The carers' strategy"]
    assert [i.title for i in services.meetings.agenda(march.id)] == expected
    assert [(i.position, i.duration_minutes) for i in services.meetings.agenda(march.id)] == [
        (0, 15),
        (1, 10),
        (2, 45),
    ]
    qtbot.keyClick(agenda.table, Qt.Key.Key_Down, CTRL)
    assert [i.title for i in services.meetings.agenda(march.id)] == [
        "Welcome",
        "Any other business",
        "The carers' strategy",
    ]

    # Each move is a step of its own on the undo stack.
    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL)
    assert [i.title for i in services.meetings.agenda(march.id)] == expected
    assert agenda_titles(page) == expected


def test_an_agenda_that_runs_past_the_end_of_the_session_says_so(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March", hours=1)
    for title, minutes in (("Welcome", 10), ("Short breaks", 50), ("Next time", None)):
        services.meetings.add_agenda_item(
            AgendaItem(meeting_id=march.id, title=title, duration_minutes=minutes)
        )
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    assert page.detail.agenda.timing_label.text() == (
        "3 items, 1 hour: ends at 11:00, just as the session ends. 1 item has no time set."
    )

    # Shorten the session by a quarter of an hour: the agenda no longer fits.
    editor = page.session_editor
    qtbot.keyClick(page.table, Qt.Key.Key_1, ALT)
    editor.ends_edit.setDateTime(editor.ends_edit.dateTime().addSecs(-15 * 60))
    qtbot.keyClick(editor.ends_edit, Qt.Key.Key_S, CTRL)
    assert services.meetings.get(march.id).ends_at == datetime(2026, 3, 12, 10, 45)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    assert page.detail.agenda.timing_label.text().startswith(
        "3 items, 1 hour: ends at 11:00, 15 minutes after the session ends (10:45)."
    )


def test_a_new_session_without_a_group_is_refused_beside_the_group(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    window = open_window(services)
    page = sessions_page(window)
    editor = page.session_editor
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.title_edit, "Planning day")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, CTRL)

    assert editor.errors.message_for("group_id") == "Choose the group this session is for."
    assert QApplication.focusWidget() is editor.group_box
    assert editor.title_edit.text() == "Planning day", "nothing typed is lost"
    assert services.meetings.list().total == 0
    page.discard_changes()


def test_a_group_that_has_never_met_gets_no_suggested_date(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    window = open_window(services)
    page = sessions_page(window)
    editor = page.session_editor
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    editor.group_box.setFocus()
    qtbot.keyClick(editor.group_box, Qt.Key.Key_Down)

    assert editor.suggestion_label.text() == (
        "Carers' Forum has no sessions yet, so there is no date to go on: choose one."
    )
    assert editor.starts_edit.dateTime().toPython() == datetime(2026, 1, 21, 10, 0)
    assert editor.title_edit.text() == "Carers' Forum, 21 January 2026"
    page.discard_changes()


def test_a_status_change_is_saved_and_undone(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    editor = page.session_editor
    qtbot.keyClick(page.table, Qt.Key.Key_1, ALT)
    editor.status_box.setFocus()
    qtbot.keyClick(editor.status_box, Qt.Key.Key_Down)
    assert editor.status_box.currentText() == "Held"
    qtbot.keyClick(editor.status_box, Qt.Key.Key_S, CTRL)
    assert services.meetings.get(march.id).status is MeetingStatus.HELD
    assert page.model.index(0, 3).data() == "Held"

    qtbot.keyClick(editor.status_box, Qt.Key.Key_Z, CTRL)
    assert services.meetings.get(march.id).status is MeetingStatus.PLANNED
    assert page.model.index(0, 3).data() == "Planned"
    assert editor.status_box.currentText() == "Planned"


def test_leaving_a_session_with_a_half_typed_agenda_item_asks_first(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    forum: Group,
    prompts: Any,
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    may = plan(services, forum, datetime(2026, 5, 14, 10, 0), "May")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    qtbot.keyClick(page.detail.agenda.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.detail.agenda.editor.title_edit)
    qtbot.keyClicks(page.detail.agenda.editor.title_edit, "Transport")

    prompts.expect_save_choice("save")
    open_session(qtbot, page, may)

    assert "agenda item" in prompts.shown[-1].text
    assert [i.title for i in services.meetings.agenda(march.id)] == ["Transport"]
    assert services.meetings.agenda(may.id) == []


def test_documents_are_linked_to_an_agenda_item_by_typing(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    strategy = services.documents.create(Document(title="Carers' Strategy 2026"))
    services.documents.create(Document(title="Short Breaks Policy"))
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    agenda = page.detail.agenda
    editor = agenda.editor
    qtbot.keyClick(agenda.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.title_edit)
    qtbot.keyClicks(editor.title_edit, "The strategy")
    picker = editor.documents
    picker.find_edit.setFocus()
    qtbot.keyClicks(picker.find_edit, "strat")
    assert [picker.matches.item(r).text() for r in range(picker.matches.count())] == [
        "Carers' Strategy 2026"
    ]
    qtbot.keyClick(picker.find_edit, Qt.Key.Key_Return)
    assert picker.chosen.item(0).text() == "Carers' Strategy 2026"
    assert picker.find_edit.text() == ""
    qtbot.keyClick(picker.find_edit, Qt.Key.Key_S, CTRL)

    (item,) = services.meetings.agenda(march.id)
    assert (item.title, item.document_ids) == ("The strategy", (strategy.id,))
    assert agenda.model.index(0, 3).data() == "Carers' Strategy 2026"

    # Delete in the linked list unlinks; saving keeps that.
    picker.chosen.setFocus()
    qtbot.keyClick(picker.chosen, Qt.Key.Key_Delete)
    qtbot.keyClick(picker.chosen, Qt.Key.Key_S, CTRL)
    assert services.meetings.agenda(march.id)[0].document_ids == ()


def test_adding_and_editing_agenda_items_are_undone_step_by_step(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    agenda = page.detail.agenda
    add_agenda_item(qtbot, page, "Welcome", 10)
    (welcome,) = services.meetings.agenda(march.id)

    agenda.table.setFocus()
    agenda.table.setCurrentIndex(agenda.model.index(0, 1))
    qtbot.keyClick(agenda.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is agenda.editor.title_edit
    qtbot.keyClicks(agenda.editor.title_edit, "Welcome and introductions")
    qtbot.keyClick(agenda.editor.title_edit, Qt.Key.Key_S, CTRL)
    assert services.meetings.get_agenda_item(welcome.id).title == "Welcome and introductions"
    assert agenda_titles(page) == ["Welcome and introductions"]

    # In a text box Ctrl+Z undoes typing; from the agenda list it undoes saved changes.
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL)
    assert services.meetings.get_agenda_item(welcome.id).title == "Welcome"
    assert agenda_titles(page) == ["Welcome"]
    assert agenda.editor.title_edit.text() == "Welcome"

    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL)
    assert services.meetings.agenda(march.id) == []
    assert agenda_titles(page) == []
    assert agenda.timing_label.text().startswith("No agenda items yet")

    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL | SHIFT)
    (again,) = services.meetings.agenda(march.id)
    assert (again.id, again.title, again.duration_minutes) == (welcome.id, "Welcome", 10)
    assert agenda_titles(page) == ["Welcome"]


def test_dragging_an_agenda_item_moves_it_and_can_be_undone(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    for title in ("Welcome", "Strategy", "Close"):
        services.meetings.add_agenda_item(AgendaItem(meeting_id=march.id, title=title))
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    model = page.detail.agenda.model

    # What the view does on a drop: "Close" dropped above "Welcome".
    data = model.mimeData([model.index(2, 1)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: agenda_titles(page) == ["Close", "Welcome", "Strategy"])
    assert [i.title for i in services.meetings.agenda(march.id)] == [
        "Close",
        "Welcome",
        "Strategy",
    ]

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert [i.title for i in services.meetings.agenda(march.id)] == [
        "Welcome",
        "Strategy",
        "Close",
    ]


# --- actions from last time ------------------------------------------------------------------


def test_an_open_action_from_the_last_session_is_carried_until_it_is_done(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    ann = services.people.create(Person(display_name="Ann Owner"))
    january = plan(services, forum, datetime(2026, 1, 12, 10, 30), "January")
    services.meetings.set_status(january.id, MeetingStatus.HELD)
    buses = services.actions.create(
        Action(
            meeting_id=january.id,
            text="Ask the transport team about evening buses",
            owner_id=ann.id,
            due_on=date(2026, 2, 1),
        )
    )
    services.actions.create(
        Action(meeting_id=january.id, text="Book the room", status=ActionStatus.DONE)
    )
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, january)
    qtbot.keyClick(page.table, Qt.Key.Key_3, ALT)
    carried = page.detail.carried
    assert carried.model.rowCount() == 0, "a session carries nothing from itself"

    # Plan the next session: the open action is waiting for it.
    qtbot.keyClick(carried, Qt.Key.Key_N, CTRL)
    editor = page.session_editor
    assert page.detail.tabs.currentIndex() == SessionDetail.DETAILS
    assert QApplication.focusWidget() is editor.group_box
    qtbot.keyClick(editor.group_box, Qt.Key.Key_Down)
    qtbot.keyClick(editor.group_box, Qt.Key.Key_S, CTRL)
    march = services.meetings.get(editor.record.id)
    assert march.starts_at == datetime(2026, 3, 9, 10, 30)
    qtbot.keyClick(page.table, Qt.Key.Key_3, ALT)
    assert page.detail.tabs.currentIndex() == SessionDetail.CARRIED
    assert carried.model.rowCount() == 1
    model = carried.model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "Ask the transport team about evening buses",
        "Ann Owner",
        "1 Feb 2026",
        "Open",
        "12 Jan 2026",
    ]
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "January (12 Jan 2026)"

    # Marked done, it leaves the list; undo brings it back; redo takes it away again.
    assert QApplication.focusWidget() is carried.table
    qtbot.keyClick(carried.table, Qt.Key.Key_D, CTRL)
    assert services.actions.get(buses.id).status is ActionStatus.DONE
    assert carried.model.rowCount() == 0
    assert carried.empty_label.text().startswith("Nothing carried from earlier sessions")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert services.actions.get(buses.id).status is ActionStatus.OPEN
    assert carried.model.rowCount() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert services.actions.get(buses.id).status is ActionStatus.DONE
    assert carried.model.rowCount() == 0


def test_an_action_marked_dropped_leaves_the_list(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    january = plan(services, forum, datetime(2026, 1, 12, 10, 30), "January")
    march = plan(services, forum, datetime(2026, 3, 12, 10, 30), "March")
    leaflet = services.actions.create(Action(meeting_id=january.id, text="Reprint the leaflet"))
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_3, ALT)
    carried = page.detail.carried
    assert carried.model.rowCount() == 1
    qtbot.keyClick(carried.table, Qt.Key.Key_D, CTRL | SHIFT)
    assert services.actions.get(leaflet.id).status is ActionStatus.DROPPED
    assert carried.model.rowCount() == 0
    qtbot.keyClick(carried, Qt.Key.Key_Z, CTRL)
    assert services.actions.get(leaflet.id).status is ActionStatus.OPEN


# --- deleting --------------------------------------------------------------------------------


def test_undo_brings_back_a_deleted_agenda_item_in_its_place(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group, prompts: Any
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    items = [
        services.meetings.add_agenda_item(
            AgendaItem(meeting_id=march.id, title=title, duration_minutes=20)
        )
        for title in ("Welcome", "Short breaks", "Close")
    ]
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    agenda = page.detail.agenda
    agenda.table.setFocus()
    agenda.table.setCurrentIndex(agenda.model.index(1, 1))
    assert agenda.editor.title_edit.text() == "Short breaks"

    prompts.expect_question(True)
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    assert "Delete the agenda item 'Short breaks'?" in prompts.shown[-1].text
    assert [i.title for i in services.meetings.agenda(march.id)] == ["Welcome", "Close"]
    assert agenda_titles(page) == ["Welcome", "Close"]
    assert agenda.current_item().title == "Close"

    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL)
    restored = services.meetings.agenda(march.id)
    assert [(i.id, i.title, i.position) for i in restored] == [
        (items[0].id, "Welcome", 0),
        (items[1].id, "Short breaks", 1),
        (items[2].id, "Close", 2),
    ]
    assert agenda_titles(page) == ["Welcome", "Short breaks", "Close"]

    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [i.title for i in services.meetings.agenda(march.id)] == ["Welcome", "Close"]


def test_undo_brings_back_a_deleted_session_with_its_agenda_and_register(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group, prompts: Any
) -> None:
    ann = services.people.create(Person(display_name="Ann Member"))
    services.groups.add_member(forum.id, ann.id, date(2025, 1, 1))
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    plan(services, forum, datetime(2026, 5, 14, 10, 0), "May")
    welcome = services.meetings.add_agenda_item(AgendaItem(meeting_id=march.id, title="Welcome"))
    services.meetings.mark_attendance(
        march.id, ann.id, AttendanceStatus.APOLOGIES, apology_reason="Hospital"
    )
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)

    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    question = prompts.shown[-1].text
    assert "Delete the session 'March' on 12 Mar 2026?" in question
    assert "its agenda (1 item) and its register (1 mark)" in question
    assert [m.title for m in services.meetings.list().items] == ["May"]
    assert titles_listed(page) == ["May"]
    # Not a blank "New session" form in its place: a line saying what to do.
    assert page.nothing_chosen.isVisible()
    assert page.nothing_chosen.text().startswith("No session chosen. Choose one in the list")

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert services.meetings.get(march.id).title == "March"
    assert [i.id for i in services.meetings.agenda(march.id)] == [welcome.id]
    (mark,) = services.meetings.attendance(march.id)
    assert (mark.person_id, mark.apology_reason) == (ann.id, "Hospital")
    assert titles_listed(page) == ["May", "March"]

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [m.title for m in services.meetings.list().items] == ["May"]


def test_a_session_with_contributions_is_not_deleted_and_the_reason_is_given(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group, prompts: Any
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    services.contributions.add(Contribution(meeting_id=march.id, text="More evening buses"))
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)

    prompts.expect_question(True)
    prompts.expect_message("error")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    refusal = prompts.shown[-1]
    assert refusal.title == "Not deleted"
    assert "1 contribution" in refusal.text and "Cancelled" in refusal.text
    assert services.meetings.get(march.id).title == "March"
    assert titles_listed(page) == ["March"]
    assert not window.undo_stack.canUndo()


# --- the list --------------------------------------------------------------------------------


def test_the_list_is_searched_filtered_and_sorted_in_the_database(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    board = services.groups.create(Group(name="Board", cadence=Cadence.QUARTERLY))
    now = services.meetings.now()
    past = plan(services, forum, now - timedelta(days=40), "Short breaks", place="Library")
    plan(services, forum, now + timedelta(days=20), "advocacy")
    coming = plan(services, board, now + timedelta(days=10), "Budget")
    services.meetings.set_status(past.id, MeetingStatus.HELD)
    window = open_window(services)
    page = sessions_page(window)
    assert titles_listed(page) == ["advocacy", "Budget", "Short breaks"]

    page.group_filter.setCurrentIndex(page.group_filter.findText("Board"))
    assert titles_listed(page) == ["Budget"]
    page.group_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Held"))
    assert titles_listed(page) == ["Short breaks"]
    page.status_filter.setCurrentIndex(0)
    page.when_filter.setCurrentIndex(page.when_filter.findText("Upcoming"))
    assert titles_listed(page) == ["Budget", "advocacy"], "soonest first"
    page.when_filter.setCurrentIndex(page.when_filter.findText("Past"))
    assert titles_listed(page) == ["Short breaks"]
    page.when_filter.setCurrentIndex(0)

    header = page.table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert titles_listed(page) == ["advocacy", "Budget", "Short breaks"]
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert titles_listed(page) == ["Short breaks", "Budget", "advocacy"]
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert titles_listed(page) == ["Short breaks", "Budget", "advocacy"]

    qtbot.keyClicks(page.search_field, "library")
    qtbot.waitUntil(lambda: titles_listed(page) == ["Short breaks"])
    assert page.count_label.text() == "1 session"
    assert coming.id is not None


def test_the_tabs_open_from_the_keyboard_and_help_lists_their_shortcuts(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group, prompts: Any
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)
    for number, index in ((2, 1), (3, 2), (4, 3), (5, 4), (1, 0)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key(Qt.Key.Key_0 + number), ALT)
        assert page.detail.tabs.currentIndex() == index
        focused = QApplication.focusWidget()
        tab = page.detail.tabs.currentWidget()
        assert tab.isAncestorOf(focused) or focused is page.detail.tabs.tabBar()

    text = window.keyboard_shortcuts_text()
    for line in (
        "Ctrl+N\tNew session",
        "Alt+2\tShow the session's agenda",
        "Ctrl+Up\tMove the agenda item up",
        "Ctrl+Down\tMove the agenda item down",
        "Ins\tAdd an agenda item",
        "Ctrl+D\tMark the action done",
        "Ctrl+Shift+D\tMark the action dropped",
    ):
        assert line in text


def test_tab_walks_the_page_in_the_order_it_is_laid_out(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 12, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)  # so that Delete is enabled and on the way
    page.search_field.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:8] == [
        page.search_field,
        page.group_filter,
        page.status_filter,
        page.when_filter,
        page.new_button,
        page.delete_button,
        page.table,
        page.detail.tabs.tabBar(),
    ]
    assert seen[8] is page.session_editor.group_box


# --- models ----------------------------------------------------------------------------------


def test_every_model_on_the_page_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    page = sessions_page(window)
    assert page.model.rowCount() == 12
    qtmodeltester.check(page.model, force_py=True)
    busy = next(
        m
        for m in demo_services.meetings.list().items
        if demo_services.actions.carried_forward(m.id) and demo_services.meetings.agenda(m.id)
    )
    open_session(qtbot, page, busy)
    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)
    assert page.detail.agenda.model.rowCount() > 0
    qtmodeltester.check(page.detail.agenda.model, force_py=True)
    qtbot.keyClick(page.table, Qt.Key.Key_3, ALT)
    assert page.detail.carried.model.rowCount() > 0
    qtmodeltester.check(page.detail.carried.model, force_py=True)


@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard", "propagateSizeHints")
def test_ctrl_r_opens_meeting_mode_for_the_session_and_closing_it_lets_it_go(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    march = plan(services, forum, datetime(2026, 3, 9, 10, 0), "March")
    window = open_window(services)
    page = sessions_page(window)
    open_session(qtbot, page, march)

    qtbot.keyClick(page.table, Qt.Key.Key_R, CTRL)

    view = page.capture_view
    assert view is not None and view.isVisible()
    assert view.windowTitle() == "Meeting mode: March"
    view.close()
    qtbot.waitUntil(lambda: page.capture_view is None)


# --- where the page starts, and sessions that need writing up ---------------------------------


def test_the_page_opens_on_the_next_session_chosen_in_the_list_not_a_new_form(
    open_window: OpenWindow, services: Services, forum: Group
) -> None:
    held = plan(services, forum, datetime(2026, 1, 6, 10, 0), "January")
    services.meetings.set_status(held.id, MeetingStatus.WRITTEN_UP)
    plan(services, forum, datetime(2026, 5, 12, 10, 0), "May")
    march = plan(services, forum, datetime(2026, 3, 10, 10, 0), "March")

    page = sessions_page(open_window(services))

    assert page.session_editor.record == march
    assert not page.has_unsaved_changes()
    assert page.detail.meeting is not None and page.detail.meeting.id == march.id
    row = page.table.currentIndex().row()
    assert page.model.index(row, 1).data() == "March", "chosen in the list too"
    assert page.delete_button.isEnabled()


def test_with_nothing_to_come_the_page_opens_on_the_latest_held_session(
    open_window: OpenWindow, services: Services, forum: Group
) -> None:
    for title, day, status in (
        ("November", datetime(2025, 11, 4, 10, 0), MeetingStatus.SUMMARY_SHARED),
        ("January", datetime(2026, 1, 6, 10, 0), MeetingStatus.HELD),
        ("Called off", datetime(2026, 1, 13, 10, 0), MeetingStatus.CANCELLED),
        ("Next week, called off", datetime(2026, 1, 27, 10, 0), MeetingStatus.CANCELLED),
    ):
        meeting = plan(services, forum, day, title)
        services.meetings.set_status(meeting.id, status)

    page = sessions_page(open_window(services))

    assert page.session_editor.record is not None
    assert page.session_editor.record.title == "January"


def test_sessions_that_need_writing_up_are_marked_and_listed_from_the_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    written = plan(services, forum, datetime(2025, 12, 2, 10, 0), "December")
    services.meetings.set_status(written.id, MeetingStatus.WRITTEN_UP)
    forgotten = plan(services, forum, datetime(2026, 1, 6, 10, 0), "Early January")
    held = plan(services, forum, datetime(2026, 1, 13, 10, 0), "Mid January")
    services.meetings.set_status(held.id, MeetingStatus.HELD)
    plan(services, forum, datetime(2026, 3, 10, 10, 0), "March")

    window = open_window(services)
    page = sessions_page(window)

    assert page.attention_note.isVisible()
    assert page.attention_label.text() == (
        "Needs writing up: 1 session held and not written up yet; 1 session over and still "
        "marked Planned (held? mark it held or cancelled)."
    )
    statuses = {
        page.model.index(r, 1).data(): page.model.index(r, 3).data()
        for r in range(page.model.rowCount())
    }
    assert statuses == {
        "March": "Planned",
        "Mid January": "Held, needs writing up",
        "Early January": "Planned, held?",
        "December": "Written up",
    }
    row = titles_listed(page).index("Early January")
    assert "Was it held?" in page.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)

    # Tab from the When box reaches the button that lists them; Space presses it.
    page.when_filter.setFocus()
    qtbot.keyClick(page.when_filter, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.attention_button
    qtbot.keyClick(page.attention_button, Qt.Key.Key_Space)
    assert page.when_filter.currentText() == "Needs writing up"
    assert titles_listed(page) == ["Early January", "Mid January"], "oldest first"
    assert QApplication.focusWidget() is page.table

    # Marking it written up takes it off the list and the note.
    services.meetings.set_status(held.id, MeetingStatus.WRITTEN_UP)
    window.changes.changed.emit("meeting")
    assert titles_listed(page) == ["Early January"]
    assert "held and not written up" not in page.attention_label.text()
    assert forgotten.id is not None


def test_the_when_box_offers_the_sessions_to_write_up(
    qtbot: QtBot, open_window: OpenWindow, services: Services, forum: Group
) -> None:
    held = plan(services, forum, datetime(2026, 1, 13, 10, 0), "Mid January")
    services.meetings.set_status(held.id, MeetingStatus.HELD)
    plan(services, forum, datetime(2026, 3, 10, 10, 0), "March")
    page = sessions_page(open_window(services))

    page.when_filter.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.when_filter, Qt.Key.Key_Down)

    assert page.when_filter.currentText() == "Needs writing up"
    assert titles_listed(page) == ["Mid January"]


def test_with_no_groups_the_list_and_the_form_say_to_add_a_group_first(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = sessions_page(window)

    assert page.empty_label.isVisible()
    assert "Add a group first: Groups, Ctrl+3." in page.empty_label.text()
    assert "Add a group first" in page.table.accessibleDescription()
    # No blank "New session" form nobody asked for: the right side says what to do.
    editor = page.session_editor
    assert not editor.isVisible()
    assert page.nothing_chosen.isVisible()
    assert "add a group first (Groups, Ctrl+3)" in page.nothing_chosen.text()
    # The keyboard starts in the list, where Ctrl+N asks for the form, which says it too.
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert editor.isVisible()
    assert editor.suggestion_label.isVisible()
    assert "There are no groups yet" in editor.suggestion_label.text()
    assert "Groups, Ctrl+3" in editor.group_box.accessibleDescription()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, CTRL)
    assert window.current_page_key == "groups"

    # With a group, the list says how to plan the first session instead.
    services.groups.create(Group(name="Board"))
    window.changes.changed.emit("group")
    assert page.empty_label.text() == "No sessions yet. Plan the first one: New session (Ctrl+N)."
    plan(services, services.groups.list().items[0], datetime(2026, 3, 10, 10, 0), "March")
    window.changes.changed.emit("meeting")
    assert page.empty_label.isHidden()
    assert page.session_editor.record is None, "the new session being planned stays"
