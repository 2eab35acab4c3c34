"""The Actions page: the action log across sessions, driven by the keyboard as a facilitator
would, checked against what the list shows and what the services now hold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.errors import NotFoundError
from coproduce.domain.records import AccessNeeds, Action, Group, Meeting, Person
from coproduce.domain.vocabulary import ActionStatus, InformationFormat
from coproduce.services import Services
from coproduce.services.actions import ActionFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.store.database import Database
from coproduce.ui.actions.editor import ActionEditor
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.actions_page import ActionsPage

OpenWindow = Callable[[Services], MainWindow]
TODAY = date(2026, 3, 10)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

# The offscreen platform cannot raise a suggestion list or let it grab the keyboard; it says
# so as a warning, which is not a fault of the page.
suggestions_shown = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    """A small action log, with 'today' fixed so overdue actions are predictable."""
    services = Services(sqlite_database, actor="Test Facilitator", today=lambda: TODAY)
    carers = services.groups.create(Group(name="Carers' Forum"))
    board = services.groups.create(Group(name="Board"))
    short_breaks = plan(services, carers, datetime(2026, 2, 5, 14), "Short breaks")
    budget = plan(services, board, datetime(2026, 2, 20, 10), "Budget")
    amina = services.people.create(
        Person(
            display_name="Amina Patel",
            needs=AccessNeeds(information_formats=frozenset({InformationFormat.EASY_READ})),
        )
    )
    bob = services.people.create(Person(display_name="Bob Jones"))
    for session, text, owner, due in [
        (short_breaks, "Send the easy-read notes", amina, TODAY - timedelta(days=3)),
        (short_breaks, "Book the room", amina, TODAY + timedelta(days=10)),
        (short_breaks, "Ask about parking", bob, TODAY - timedelta(days=9)),
        (budget, "Check the budget lines", amina, TODAY - timedelta(days=1)),
    ]:
        services.actions.create(
            Action(meeting_id=session.id, text=text, owner_id=owner.id, due_on=due)
        )
    return services


def plan(services: Services, group: Group, starts_at: datetime, title: str) -> Meeting:
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
        )
    )


def open_actions(open_window: OpenWindow, services: Services) -> tuple[MainWindow, ActionsPage]:
    window = open_window(services)
    window.show_page("actions")
    page = window.list_page("actions")
    assert isinstance(page, ActionsPage)
    return window, page


def rows(page: ActionsPage) -> list[dict[str, str]]:
    """Every row of the list as the user reads it, by column heading."""
    model = page.model
    titles = model.column_titles()
    return [
        {titles[c]: model.index(r, c).data() or "" for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def what_is_listed(page: ActionsPage) -> list[str]:
    return [row["What"] for row in rows(page)]


def select(qtbot: QtBot, page: ActionsPage, text: str) -> Action:
    """Put the keyboard on the list and move down to the row about ``text``."""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    for _ in range(what_is_listed(page).index(text)):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    action = page.selected_record()
    assert action is not None and action.text == text
    return action


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    """Press ``key`` as a real keyboard would: while a suggestion list is open it has the
    keyboard (the offscreen platform does not grab it, so the test sends the key there)."""
    qtbot.keyClick(QApplication.activePopupWidget() or widget, key)


def find(services: Services, text: str) -> Action:
    (action,) = [a for a in services.actions.list(ActionFilter(text=text)).items]
    return action


def test_the_log_is_filtered_by_owner_group_and_overdue_in_the_database(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    # More rows than the list loads at first, all due before the ones being looked for: a
    # filter over rows already loaded could not find them, the database does.
    (short_breaks,) = services.meetings.list(MeetingFilter(text="Short breaks")).items
    bob = services.people.list().items[-1]
    for number in range(230):
        services.actions.create(
            Action(
                meeting_id=short_breaks.id,
                text=f"Earlier task {number}",
                owner_id=bob.id,
                due_on=TODAY - timedelta(days=40),
            )
        )
    _window, page = open_actions(open_window, services)
    assert page.count_label.text() == "234 actions"
    assert "Send the easy-read notes" not in [page.model.record(r).action.text for r in range(200)]

    qtbot.keyClicks(page.owner_field, "ami")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert {row["Owner"] for row in rows(page)} == {"Amina Patel"}

    page.show_box.setFocus()
    qtbot.keyClicks(page.show_box, "Overdue")
    assert page.show_box.currentText() == "Overdue actions"
    assert rows(page) == [
        {
            "What": "Send the easy-read notes",
            "Owner": "Amina Patel",
            "Due": "7 Mar 2026 (3 days overdue)",
            "Status": "Open",
            "Session": "Short breaks",
            "Group": "Carers' Forum",
        },
        {
            "What": "Check the budget lines",
            "Owner": "Amina Patel",
            "Due": "9 Mar 2026 (1 day overdue)",
            "Status": "Open",
            "Session": "Budget",
            "Group": "Board",
        },
    ]
    assert page.count_label.text() == "2 actions"

    page.group_box.setFocus()
    qtbot.keyClicks(page.group_box, "Board")
    assert what_is_listed(page) == ["Check the budget lines"]

    qtbot.keyClicks(page.owner_field, "zzz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "No actions match"


def test_the_owner_column_says_what_the_owners_access_needs_are(
    open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    row = what_is_listed(page).index("Book the room")
    owner = page.model.index(row, page.model.column_titles().index("Owner"))
    assert owner.data(Qt.ItemDataRole.ToolTipRole) == (
        "Amina Patel. Access needs: Easy read (review due)"
    )


def test_sorting_by_a_column_heading_happens_in_the_database(
    open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    titles = page.model.column_titles()

    page.table.sortByColumn(titles.index("Owner"), Qt.SortOrder.DescendingOrder)
    assert rows(page)[0]["Owner"] == "Bob Jones"
    page.table.sortByColumn(titles.index("Due"), Qt.SortOrder.AscendingOrder)
    assert what_is_listed(page)[0] == "Ask about parking"
    page.table.sortByColumn(titles.index("Session"), Qt.SortOrder.DescendingOrder)
    assert what_is_listed(page)[0] == "Check the budget lines"


def test_ctrl_d_marks_the_selected_action_done_and_ctrl_z_undoes_it(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Ask about parking")

    qtbot.keyClick(page.table, Qt.Key.Key_D, CTRL)

    done = services.actions.get(action.id)
    assert (done.status, done.done_on) == (ActionStatus.DONE, TODAY)
    row = rows(page)[what_is_listed(page).index("Ask about parking")]
    assert (row["Status"], row["Due"]) == ("Done 10 Mar 2026", "1 Mar 2026")
    editor = page.action_editor
    assert editor.status.currentText() == "Done"
    assert editor.done_on.text() == "10 Mar 2026"
    assert window.undo_action.text() == "&Undo Mark “Ask about parking” done"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    reopened = services.actions.get(action.id)
    assert (reopened.status, reopened.done_on) == (ActionStatus.OPEN, None)
    row = rows(page)[what_is_listed(page).index("Ask about parking")]
    assert (row["Status"], row["Due"]) == ("Open", "1 Mar 2026 (9 days overdue)")
    assert editor.status.currentText() == "Open"
    assert editor.done_on.text() == "Not done yet"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert services.actions.get(action.id).status is ActionStatus.DONE


def test_ctrl_shift_d_drops_the_action_and_the_list_moves_on_to_the_next(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window, page = open_actions(open_window, services)
    page.show_box.setFocus()
    qtbot.keyClicks(page.show_box, "Still")
    assert page.show_box.currentText() == "Still to do"
    order = what_is_listed(page)
    action = select(qtbot, page, order[0])

    qtbot.keyClick(page.table, Qt.Key.Key_D, CTRL_SHIFT)

    assert services.actions.get(action.id).status is ActionStatus.DROPPED
    assert what_is_listed(page) == order[1:]
    assert page.selected_record().text == order[1]
    assert page.action_editor.what.toPlainText() == order[1]

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.actions.get(action.id).status is ActionStatus.OPEN
    assert what_is_listed(page) == order


def test_editing_the_due_date_is_saved_and_undone(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")
    editor = page.action_editor
    assert editor.due.edit.text() == "20 Mar 2026"

    # Tab into the date, as a person would: the day is selected, ready to type over, and
    # each part moves on to the next once typed.
    editor.due.box.setFocus()
    qtbot.keyClick(editor.due.box, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.due.edit
    qtbot.keyClicks(editor.due.edit, "24Apr2026")  # the month as it is shown
    assert editor.due.edit.text() == "24 Apr 2026"
    assert editor.has_unsaved_changes()
    qtbot.keyClick(editor.due.edit, Qt.Key.Key_S, CTRL)

    assert services.actions.get(action.id).due_on == date(2026, 4, 24)
    assert rows(page)[what_is_listed(page).index("Book the room")]["Due"] == "24 Apr 2026"
    assert not editor.has_unsaved_changes()

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    assert services.actions.get(action.id).due_on == date(2026, 3, 20)
    assert editor.due.edit.text() == "20 Mar 2026"
    assert rows(page)[what_is_listed(page).index("Book the room")]["Due"] == "20 Mar 2026"


def test_a_due_date_can_be_taken_away_and_the_editor_says_when_an_action_is_late(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Send the easy-read notes")
    editor = page.action_editor
    assert editor.lateness.text() == "3 days overdue"

    editor.due.box.setFocus()
    qtbot.keyClick(editor.due.box, Qt.Key.Key_Space)
    assert not editor.due.edit.isEnabled()
    assert editor.lateness.isHidden()
    qtbot.keyClick(editor.due.box, Qt.Key.Key_S, CTRL)

    assert services.actions.get(action.id).due_on is None


def test_choosing_done_in_the_editor_fills_the_date_it_was_done(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")
    editor = page.action_editor
    assert not editor.done_on.isEnabled()

    editor.status.setFocus()
    qtbot.keyClicks(editor.status, "Done")
    assert editor.done_on.isEnabled()
    assert editor.done_on.text() == "10 Mar 2026"
    qtbot.keyClick(editor.status, Qt.Key.Key_Home)
    assert editor.status.currentText() == "Open"
    assert editor.done_on.text() == "Not done yet"
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    assert editor.status.currentText() == "Done"
    qtbot.keyClick(editor.status, Qt.Key.Key_S, CTRL)

    saved = services.actions.get(action.id)
    assert (saved.status, saved.done_on) == (ActionStatus.DONE, TODAY)


def test_deleting_asks_once_and_undo_puts_the_action_back(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")

    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    question = prompts.shown[-1]
    assert "Delete the action “Book the room”?" in question.text
    assert "drop it instead" in question.text
    with pytest.raises(NotFoundError):
        services.actions.get(action.id)
    assert "Book the room" not in what_is_listed(page)
    assert page.count_label.text() == "3 actions"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    restored = services.actions.get(action.id)
    assert (restored.text, restored.owner_id, restored.due_on) == (
        "Book the room",
        action.owner_id,
        action.due_on,
    )
    assert "Book the room" in what_is_listed(page)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    with pytest.raises(NotFoundError):
        services.actions.get(action.id)


def test_saying_no_to_the_delete_question_keeps_the_action(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")
    prompts.expect_question(False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.actions.get(action.id) == action
    assert "Book the room" in what_is_listed(page)


@suggestions_shown
def test_a_new_action_is_logged_at_the_selected_actions_session_with_an_owner_typed_by_name(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window, page = open_actions(open_window, services)
    select(qtbot, page, "Check the budget lines")
    editor = page.action_editor

    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)

    assert editor.heading.text() == "New action"
    assert editor.session_box.currentText() == "Fri 20 Feb 2026 · Budget · Board"
    editor.what.setFocus()
    qtbot.keyClicks(editor.what, "Write to the finance team")
    qtbot.keyClick(editor.what, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.owner.line
    qtbot.keyClicks(editor.owner.line, "amin")
    press(qtbot, editor.owner.line, Qt.Key.Key_Tab)
    assert editor.owner.line.text() == "Amina Patel"
    assert editor.owner.flag.isVisibleTo(editor) and editor.owner.flag.toolTip() == "Easy read"
    qtbot.keyClick(editor.what, Qt.Key.Key_S, CTRL)

    new = find(services, "finance team")
    (budget,) = services.meetings.list(MeetingFilter(text="Budget")).items
    (amina,) = services.people.list().items[:1]
    assert (new.meeting_id, new.owner_id, new.status) == (budget.id, amina.id, ActionStatus.OPEN)
    assert "Write to the finance team" in what_is_listed(page)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.actions.list(ActionFilter(text="finance team")).total == 0


@suggestions_shown
def test_the_owner_is_chosen_from_the_suggestions_with_the_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    services.people.create(Person(display_name="Bobbie Smith"))
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")
    editor = page.action_editor
    owner = editor.owner

    owner.line.setFocus()
    qtbot.keyClick(owner.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(owner.line, "bob")
    popup = owner.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "Bob Jones",
        "Bobbie Smith",
    ]
    press(qtbot, owner.line, Qt.Key.Key_Down)
    press(qtbot, owner.line, Qt.Key.Key_Down)
    press(qtbot, owner.line, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert owner.line.text() == "Bobbie Smith"
    qtbot.keyClick(owner.line, Qt.Key.Key_S, CTRL)

    bobbie = services.people.list().items[-1]
    assert services.actions.get(action.id).owner_id == bobbie.id


@suggestions_shown
def test_an_owner_nobody_is_called_is_refused_beside_the_field(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Book the room")
    editor = page.action_editor

    editor.owner.line.setFocus()
    qtbot.keyClick(editor.owner.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor.owner.line, "Nobody Known")
    press(qtbot, editor.owner.line, Qt.Key.Key_Escape)
    qtbot.keyClick(editor.owner.line, Qt.Key.Key_S, CTRL)

    assert "Nobody on the register is called 'Nobody Known'" in editor.errors.message_for(
        "owner_id"
    )
    assert services.actions.get(action.id) == action
    assert editor.has_unsaved_changes()

    qtbot.keyClick(editor.owner.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor.owner.line, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.owner.line, Qt.Key.Key_S, CTRL)
    assert services.actions.get(action.id).owner_id is None
    assert rows(page)[what_is_listed(page).index("Book the room")]["Owner"] == ""


def test_a_new_action_without_a_session_to_log_it_at_says_so(
    qtbot: QtBot, open_window: OpenWindow, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    _window, page = open_actions(open_window, services)
    editor = page.action_editor
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert editor.no_sessions.isVisibleTo(editor)
    editor.what.setFocus()
    qtbot.keyClicks(editor.what, "Something")
    qtbot.keyClick(editor.what, Qt.Key.Key_S, CTRL)
    assert editor.errors.message_for("meeting_id") == (
        "Choose the session where this action was agreed."
    )
    assert editor.what.toPlainText() == "Something"
    assert services.actions.list().total == 0

    editor.revert_button.setFocus()
    qtbot.keyClick(editor.revert_button, Qt.Key.Key_Space)
    assert not editor.has_unsaved_changes()


def test_the_quick_keys_are_listed_under_help(open_window: OpenWindow, services: Services) -> None:
    window, _page = open_actions(open_window, services)
    listing = window.keyboard_shortcuts_text()
    assert "Ctrl+D\tMark the selected action done" in listing
    assert "Ctrl+Shift+D\tDrop the selected action" in listing


def test_the_editor_is_reached_in_the_order_of_its_fields(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    select(qtbot, page, "Book the room")
    editor: ActionEditor = page.action_editor
    editor.what.setFocus()
    seen: list[QWidget] = []
    for _ in range(12):
        # A date takes a Tab for each of its parts (day, month, year) before moving on.
        if not seen or seen[-1] is not editor.focusWidget():
            seen.append(editor.focusWidget())
        qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)
    # The easy-read wording is empty, so there is no list of things to check to pass through.
    assert seen == [
        editor.what,
        editor.owner.line,
        editor.due.box,
        editor.due.edit,
        editor.status,
        editor.note,
        editor.easy_read.edit,
        editor.easy_read.draft_button,
        editor.picture.button,
        editor.mark_done_button,
    ]


@pytest.mark.parametrize("order", [None, "owner", "status"])
def test_the_action_log_model_passes_the_model_tester(
    qtmodeltester: ModelTester,
    open_window: OpenWindow,
    demo_services: Services,
    order: str | None,
) -> None:
    _window, page = open_actions(open_window, demo_services)
    if order is not None:
        keys = [column.sort_key for column in page.model.columns]
        page.table.sortByColumn(keys.index(order), Qt.SortOrder.DescendingOrder)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)


def test_tab_goes_from_the_search_through_the_filters_to_the_list_and_the_editor(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    _window, page = open_actions(open_window, services)
    page.search_field.setFocus()
    seen: list[QWidget] = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert page.action_editor.record is None, "arriving in the list chooses nothing yet"
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # the first action
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    seen.append(QApplication.focusWidget())
    # The chosen action's session is shown, not chosen, so Tab goes on to what is to be done.
    assert seen == [
        page.new_button,
        page.owner_field,
        page.group_box,
        page.show_box,
        page.table,
        page.action_editor.what,
    ]
    assert page.action_editor.what.toPlainText() == what_is_listed(page)[0]


def test_ctrl_d_while_a_new_action_is_typed_marks_no_other_action_done(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    _window, page = open_actions(open_window, services)
    action = select(qtbot, page, "Ask about parking")
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    page.action_editor.what.setPlainText("Write to finance")

    prompts.expect_save_choice("discard")
    qtbot.keyClick(page.table, Qt.Key.Key_D, CTRL)

    assert services.actions.get(action.id).status is ActionStatus.OPEN
