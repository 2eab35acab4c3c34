"""The Groups page: groups and their members kept by keyboard, every change undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AccessNeeds, Group, Meeting, Person
from coproduce.domain.vocabulary import Cadence, GroupKind, InformationFormat
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.groups.members_panel import MembersPanel
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.groups_page import GroupsPage
from coproduce.ui.shortcuts_dialog import KeyboardShortcutsDialog

OpenWindow = Callable[[Services], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = date(2026, 5, 14)

# The offscreen platform cannot raise the suggestions' popup or let it grab the keyboard, and
# says so; the popup still works, as the tests show.
suggestions_popup = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    """SQLite is enough here: the services' behaviour on both databases is proven in
    tests/services; the clock is fixed so dates on screen are known."""
    return Services(sqlite_database, actor="Test Facilitator", today=lambda: TODAY)


def open_groups(qtbot: QtBot, open_window: OpenWindow, services: Services) -> GroupsPage:
    window = open_window(services)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.page("groups")
    assert isinstance(page, GroupsPage)
    return page


def rows(model: Any) -> list[list[str]]:
    return [
        [model.index(row, column).data() or "" for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def column(model: Any, title: str) -> list[str]:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [row[titles.index(title)] for row in rows(model)]


def select_group(qtbot: QtBot, page: GroupsPage, name: str) -> None:
    """Select a group in the list with the arrow keys, as a keyboard user would."""
    names = column(page.model, "Name")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    for _ in range(names.index(name)):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_record().name == name
    assert page.group_editor.record.name == name


def select_member(qtbot: QtBot, panel: MembersPanel, name: str) -> None:
    names = column(panel.model, "Name")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Home, CTRL)
    for _ in range(names.index(name)):
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.selected_member().person.display_name == name


def pick_person(qtbot: QtBot, panel: MembersPanel, letters: str) -> None:
    """Ctrl+M, type a few letters, choose the first suggestion with Down and Enter."""
    qtbot.keyClick(panel.window(), Qt.Key.Key_M, CTRL)
    picker = panel.person_picker
    assert picker.hasFocus()
    qtbot.keyClicks(picker, letters)
    popup = picker.completer_popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.person_id is not None


def press(qtbot: QtBot, widget: Any, letter: Qt.Key, done: Callable[[], bool]) -> None:
    """Alt+letter on a button or box: Qt animates the press and clicks a moment later."""
    qtbot.keyClick(widget, letter, ALT)
    qtbot.waitUntil(done)


def undo(qtbot: QtBot, page: GroupsPage) -> None:
    qtbot.keyClick(page.window(), Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, page: GroupsPage) -> None:
    qtbot.keyClick(page.window(), Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)


def people(services: Services) -> tuple[Person, Person]:
    amina = services.people.create(
        Person(
            display_name="Amina Patel",
            organisation="Carers Centre",
            needs=AccessNeeds(
                information_formats=frozenset({InformationFormat.EASY_READ}), reviewed_on=TODAY
            ),
        )
    )
    bob = services.people.create(Person(display_name="Bob Jones"))
    return amina, bob


def group_with_members(services: Services, name: str = "Carers' Forum") -> Group:
    amina, bob = people(services)
    group = services.groups.create(Group(name=name, kind=GroupKind.CARERS_FORUM))
    services.groups.add_member(group.id, amina.id, date(2025, 9, 1))
    services.groups.add_member(group.id, bob.id, date(2026, 1, 12))
    return group


# --- the page in the window ----------------------------------------------------------------


def test_ctrl_3_opens_groups_and_help_lists_the_members_shortcut(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    window = open_window(services)
    assert [entry.key for entry in window.pages][:3] == ["sessions", "people", "groups"]

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)

    assert window.current_page_key == "groups"
    assert window.focusWidget() is window.list_page("groups").search_field
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(KeyboardShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    assert ("Ctrl+3", "Groups") in dialog.shortcuts_of("Everywhere in the window")
    groups = dialog.shortcuts_of("Groups page")
    assert ("Ctrl+M", "Add a member to the group") in groups
    assert ("Ctrl+E", "End the selected membership today") in groups
    dialog.close()


@suggestions_popup
def test_a_group_is_created_and_two_members_added_by_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    amina, bob = people(services)
    page = open_groups(qtbot, open_window, services)
    editor = page.group_editor
    panel = editor.members
    assert page.count_label.text() == "No groups match"  # "active only" is on
    assert not panel.adding_box.isVisibleTo(page)

    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert editor.name_edit.hasFocus()
    qtbot.keyClicks(editor.name_edit, "Carers Forum")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Tab)
    assert editor.kind_box.hasFocus()
    qtbot.keyClick(editor.kind_box, Qt.Key.Key_Down)  # Carers' forum, after the first kind
    qtbot.keyClick(editor.kind_box, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.purpose_edit, "Shape the carers strategy")
    qtbot.keyClick(editor.purpose_edit, Qt.Key.Key_Tab)
    assert editor.cadence_box.hasFocus()
    qtbot.keyClick(editor.cadence_box, Qt.Key.Key_Up)  # every month, before every 2 months
    qtbot.keyClick(editor.cadence_box, Qt.Key.Key_S, CTRL)

    saved = services.groups.list().items
    assert [(g.name, g.kind, g.purpose, g.cadence, g.active) for g in saved] == [
        (
            "Carers Forum",
            GroupKind.CARERS_FORUM,
            "Shape the carers strategy",
            Cadence.MONTHLY,
            True,
        )
    ]
    group = saved[0]
    assert rows(page.model) == [["Carers Forum", "Carers' forum", "Every month", "0", "Active"]]
    assert panel.adding_box.isVisibleTo(page)

    pick_person(qtbot, panel, "ami")
    assert panel.person_picker.text() == "Amina Patel (Carers Centre)"
    qtbot.keyClick(panel.person_picker, Qt.Key.Key_Return)  # the second Enter adds

    # The second by typing the whole name, without the suggestions.
    qtbot.keyClick(page, Qt.Key.Key_M, CTRL)
    qtbot.keyClicks(panel.person_picker, "Bob Jones")
    qtbot.keyClick(panel.person_picker, Qt.Key.Key_Escape)
    qtbot.keyClick(panel.person_picker, Qt.Key.Key_Return)

    members = services.groups.members(group.id)
    assert [(m.person_id, m.joined_on, m.left_on) for m in members] == [
        (amina.id, TODAY, None),
        (bob.id, TODAY, None),
    ]
    assert column(panel.model, "Name") == ["Amina Patel", "Bob Jones"]
    assert column(panel.model, "Membership") == ["Current", "Current"]
    assert column(panel.model, "Needs") == ["Easy read", ""]
    assert panel.summary.text() == "2 current"
    assert column(page.model, "Members") == ["2"]
    assert panel.person_picker.text() == ""

    undo(qtbot, page)
    assert [m.person_id for m in services.groups.members(group.id)] == [amina.id]
    redo(qtbot, page)
    assert [m.person_id for m in services.groups.members(group.id)] == [amina.id, bob.id]


@suggestions_popup
def test_adding_someone_already_a_member_is_refused_beside_the_box(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group_with_members(services)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members

    pick_person(qtbot, panel, "bob")
    qtbot.keyClick(panel.person_picker, Qt.Key.Key_Return)

    assert panel.add_errors.message_for("person_id") == (
        "Bob Jones is already a member of this group (since 12 January 2026)."
    )
    assert panel.person_picker.hasFocus()
    assert len(services.groups.members(page.selected_record().id)) == 2

    panel.person_picker.clear_choice()
    qtbot.keyClicks(panel.person_picker, "nobody at all")
    qtbot.keyClick(panel.person_picker, Qt.Key.Key_Return)
    assert "Choose the person from the suggestions" in panel.add_errors.message_for("person_id")


def test_ending_a_membership_and_undoing_the_end(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group = group_with_members(services)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members
    select_member(qtbot, panel, "Bob Jones")
    assert panel.member_status.text() == "Current member"

    qtbot.keyClick(panel.table, Qt.Key.Key_E, CTRL)

    bob = next(m for m in services.groups.members(group.id) if m.joined_on.year == 2026)
    assert bob.left_on == TODAY
    assert column(panel.model, "Membership") == ["Current", "Left 14 May 2026"]
    assert panel.summary.text() == "1 current, 1 past"
    assert column(page.model, "Members") == ["1"]
    assert panel.selected_member().person.display_name == "Bob Jones"
    assert panel.has_left.isChecked()
    assert not panel.end_button.isEnabled()

    undo(qtbot, page)

    assert services.groups.members(group.id, on=TODAY)[1].left_on is None
    assert column(panel.model, "Membership") == ["Current", "Current"]
    assert column(page.model, "Members") == ["2"]
    assert not panel.has_left.isChecked()

    redo(qtbot, page)
    assert [m.left_on for m in services.groups.members(group.id)] == [None, TODAY]


def test_correcting_dates_refuses_a_left_date_before_joining_beside_the_field(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group = group_with_members(services)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members
    select_member(qtbot, panel, "Amina Patel")
    assert panel.member_needs.isVisibleTo(page)
    assert panel.member_needs.toolTip() == "Easy read"

    press(qtbot, panel.table, Qt.Key.Key_L, panel.has_left.isChecked)  # Has left
    assert panel.has_left.hasFocus()
    assert panel.left_edit.isEnabled()
    panel.left_edit.setDate(QDate(2025, 8, 1))
    press(  # Update dates
        qtbot, panel.left_edit, Qt.Key.Key_U, lambda: bool(panel.date_errors.message_for("left_on"))
    )

    assert panel.date_errors.message_for("left_on") == (
        "The date they left the group is before the date they joined."
    )
    assert services.groups.members(group.id)[0].left_on is None

    panel.left_edit.setDate(QDate(2026, 3, 31))
    press(
        qtbot,
        panel.left_edit,
        Qt.Key.Key_U,
        lambda: services.groups.members(group.id)[0].left_on == date(2026, 3, 31),
    )

    assert panel.date_errors.message_for("left_on") == ""
    assert column(panel.model, "Membership") == ["Current", "Left 31 Mar 2026"]
    undo(qtbot, page)
    assert services.groups.members(group.id)[0].left_on is None


def test_changed_dates_are_not_lost_by_leaving_the_page(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    group = group_with_members(services)
    page = open_groups(qtbot, open_window, services)
    window = page.window()
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members
    select_member(qtbot, panel, "Bob Jones")
    # Tab from the members list to the tick box visits the controls in the order they are laid
    # out (a date box takes one Tab per part of the date).
    visited = []
    panel.table.setFocus()
    while not panel.has_left.hasFocus() and len(visited) < 20:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        if window.focusWidget() not in visited:
            visited.append(window.focusWidget())
    assert visited == [
        panel.person_picker,
        panel.joining_date,
        panel.add_button,
        panel.joined_edit,
        panel.has_left,
    ]
    qtbot.keyClick(panel.has_left, Qt.Key.Key_Space)

    prompts.expect_save_choice("cancel")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page_key == "groups"
    assert "the new dates of Bob Jones's membership" in prompts.shown[-1].text

    prompts.expect_save_choice("save")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page_key == "sessions"
    assert [m.left_on for m in services.groups.members(group.id)] == [None, TODAY]


def test_a_membership_entered_by_mistake_is_removed_and_comes_back_with_undo(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    group = group_with_members(services)
    before = services.groups.members(group.id)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members
    select_member(qtbot, panel, "Bob Jones")

    prompts.expect_question(True)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)

    assert "Remove Bob Jones's membership of Carers' Forum?" in prompts.shown[-1].text
    assert services.groups.members(group.id) == before[:1]
    assert column(panel.model, "Name") == ["Amina Patel"]
    assert services.groups.list().items[0].name == "Carers' Forum", "the group stays"

    undo(qtbot, page)

    assert [m.id for m in services.groups.members(group.id)] == [m.id for m in before]
    assert column(panel.model, "Name") == ["Amina Patel", "Bob Jones"]


def test_an_empty_group_is_deleted_and_undo_brings_it_back_with_its_memberships(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    services.groups.create(Group(name="Access Panel"))
    group = group_with_members(services, "Pilot group")
    memberships = services.groups.members(group.id)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Pilot group")

    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    question = prompts.shown[-1]
    assert question.title == "Delete"
    assert "Delete the group 'Pilot group'?" in question.text
    assert "Its 2 memberships go with it." in question.text
    assert [g.name for g in services.groups.list().items] == ["Access Panel"]
    assert column(page.model, "Name") == ["Access Panel"]
    assert page.group_editor.record is None

    undo(qtbot, page)

    assert services.groups.get(group.id).name == "Pilot group"
    assert [(m.id, m.person_id) for m in services.groups.members(group.id)] == [
        (m.id, m.person_id) for m in memberships
    ]
    assert column(page.model, "Name") == ["Access Panel", "Pilot group"]
    assert column(page.model, "Members") == ["0", "2"]

    redo(qtbot, page)
    assert [g.name for g in services.groups.list().items] == ["Access Panel"]


def test_a_group_with_sessions_cannot_be_deleted_and_the_reason_is_shown(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    group = group_with_members(services)
    start = datetime(2026, 4, 2, 10)
    services.meetings.create(
        Meeting(
            group_id=group.id, title="April", starts_at=start, ends_at=start + timedelta(hours=2)
        )
    )
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")

    prompts.expect_message("error")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    shown = prompts.shown[-1]
    assert shown.title == "This group cannot be deleted"
    assert shown.text == (
        "'Carers' Forum' has 1 session(s) on record, so it cannot be deleted. "
        "Archive it instead: its history stays and it leaves the lists."
    )
    assert len(prompts.shown) == 1, "nobody is asked to confirm a delete that cannot happen"
    assert services.groups.get(group.id).name == "Carers' Forum"
    assert len(services.groups.members(group.id)) == 2
    assert page.window().undo_stack.count() == 0


def test_archiving_takes_a_group_out_of_the_active_list_and_undo_brings_it_back(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group = group_with_members(services)
    services.groups.create(Group(name="Board"))
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    editor = page.group_editor

    press(qtbot, page.table, Qt.Key.Key_C, lambda: not services.groups.get(group.id).active)

    assert column(page.model, "Name") == ["Board"]
    assert not editor.active_box.isChecked()
    assert not editor.archive_button.isEnabled()

    press(qtbot, page, Qt.Key.Key_Y, lambda: not page.active_only.isChecked())  # active only
    assert [row[0] for row in rows(page.model)] == ["Board", "Carers' Forum"]
    assert column(page.model, "Active") == ["Active", "Archived"]
    assert not page.table.isColumnHidden(4)

    undo(qtbot, page)
    assert services.groups.get(group.id).active is True
    assert column(page.model, "Active") == ["Active", "Active"]


def test_an_edit_is_undone_and_a_duplicate_name_is_refused_beside_the_field(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group = group_with_members(services)
    services.groups.create(Group(name="Board"))
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    editor = page.group_editor

    qtbot.keyClick(page.table, Qt.Key.Key_M, ALT)  # Name
    assert editor.name_edit.hasFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "board")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, CTRL)
    assert editor.errors.message_for("name") == (
        "There is already a group called 'board'. Choose another name."
    )
    assert editor.name_edit.text() == "board", "what was typed stays"

    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Carers and Friends")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, CTRL)
    assert services.groups.get(group.id).name == "Carers and Friends"
    assert column(page.model, "Name") == ["Board", "Carers and Friends"]

    undo(qtbot, page)
    assert services.groups.get(group.id).name == "Carers' Forum"
    assert editor.name_edit.text() == "Carers' Forum"


def test_the_list_searches_names_and_sorts_in_the_database(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group_with_members(services)
    services.groups.create(Group(name="young carers panel", cadence=Cadence.WEEKLY))
    services.groups.create(Group(name="Board", kind=GroupKind.BOARD))
    page = open_groups(qtbot, open_window, services)
    assert column(page.model, "Name") == ["Board", "Carers' Forum", "young carers panel"]

    qtbot.keyClicks(page.search_field, "carers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert column(page.model, "Name") == ["Carers' Forum", "young carers panel"]
    assert page.count_label.text() == "2 groups"

    header = page.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert column(page.model, "Name") == ["young carers panel", "Carers' Forum"]
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # Meets: most often first
    assert column(page.model, "Meets") == ["Every week", "Every 2 months"]
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # Members
    assert column(page.model, "Members") == ["2", "0"]

    page.search_field.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_past_and_future_members_are_marked_and_needs_flagged(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    group = group_with_members(services)
    cara = services.people.create(Person(display_name="Cara Lee"))
    dev = services.people.create(Person(display_name="Dev Shah"))
    left = services.groups.add_member(group.id, cara.id, date(2024, 1, 1))
    services.groups.end_membership(left.id, date(2025, 1, 1))
    services.groups.add_member(group.id, dev.id, date(2026, 6, 1))
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members

    assert rows(panel.model) == [
        ["Amina Patel", "Easy read", "1 Sep 2025", "Current"],
        ["Bob Jones", "", "12 Jan 2026", "Current"],
        ["Dev Shah", "", "1 Jun 2026", "Joins 1 Jun 2026"],
        ["Cara Lee", "", "1 Jan 2024", "Left 1 Jan 2025"],
    ]
    assert panel.summary.text() == "2 current, 1 joining later, 1 past"
    assert column(page.model, "Members") == ["2"]


def test_choosing_another_member_with_changed_dates_asks_first(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: Any
) -> None:
    group = group_with_members(services)
    page = open_groups(qtbot, open_window, services)
    select_group(qtbot, page, "Carers' Forum")
    panel = page.group_editor.members
    select_member(qtbot, panel, "Bob Jones")
    panel.joined_edit.setDate(QDate(2026, 1, 19))

    prompts.expect_save_choice("cancel")
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.selected_member().person.display_name == "Bob Jones"
    assert panel.joined_edit.date() == QDate(2026, 1, 19), "what was typed stays"

    prompts.expect_save_choice("save")
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.selected_member().person.display_name == "Amina Patel"
    assert panel.table.currentIndex().row() == 0
    assert panel.joined_edit.date() == QDate(2025, 9, 1)
    assert [m.joined_on for m in services.groups.members(group.id)] == [
        date(2025, 9, 1),
        date(2026, 1, 19),
    ]


def test_every_control_of_a_group_and_its_members_is_named_and_labelled(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    page = open_groups(qtbot, open_window, demo_services)
    select_group(qtbot, page, column(page.model, "Name")[0])
    panel = page.group_editor.members
    select_member(qtbot, panel, column(panel.model, "Name")[0])

    focusable = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.isVisibleTo(page)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(widget.parent(), QLineEdit | QAbstractSpinBox)
    ]
    assert len(focusable) > 20
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    mnemonics = [
        label
        for label in page.findChildren(QLabel)
        if "&" in label.text() and label.isVisibleTo(page)
    ]
    assert len(mnemonics) >= 7
    assert [label.text() for label in mnemonics if label.buddy() is None] == []


# --- models -------------------------------------------------------------------------------


def test_the_groups_and_members_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    open_window: OpenWindow,
    demo_services: Services,
) -> None:
    page = open_groups(qtbot, open_window, demo_services)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)
    select_group(qtbot, page, column(page.model, "Name")[0])
    members = page.group_editor.members.model
    assert members.rowCount() > 0
    qtmodeltester.check(members, force_py=True)
    QApplication.processEvents()
