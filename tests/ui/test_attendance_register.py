"""The attendance register of a session: marked by keyboard, guests added by name, undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AccessNeeds, Contribution, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    CommunicationProfessional,
    InformationFormat,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.main_window import MainWindow
from coproduce.ui.sessions.attendance_register import (
    COLUMNS,
    NEEDS_COLUMN,
    AttendanceRegister,
)

JOINED = date(2025, 1, 1)
# The list of matching people is a popup; the offscreen platform cannot raise it or grab keys.
suggestions_popup = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)
COLUMN = {column.title: number for number, column in enumerate(COLUMNS)}


class Council:
    """A forum with four members (one with needs), a visitor on the register and a session."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.group = services.groups.create(Group(name="Carers' Forum"))
        self.amir = self.member("Amir Khan")
        self.bea = self.member(
            "Bea Jones",
            AccessNeeds(
                information_formats=frozenset({InformationFormat.EASY_READ}),
                communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
            ),
        )
        self.cal = self.member("Cal Smith")
        self.dee = self.member("Dee Brown")
        self.vic = services.people.create(Person(display_name="Vic Visitor", organisation="Age UK"))
        self.sam = services.people.create(Person(display_name="Sam Saunders"))
        self.sal = services.people.create(Person(display_name="Sally Salt"))
        starts = datetime(2026, 3, 12, 10)
        self.session = services.meetings.create(
            Meeting(
                group_id=self.group.id,
                title="March forum",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )

    def member(self, name: str, needs: AccessNeeds | None = None) -> Person:
        person = self.services.people.create(
            Person(display_name=name, needs=needs or AccessNeeds())
        )
        self.services.groups.add_member(self.group.id, person.id, JOINED)
        return person

    def mark_of(self, person: Person):  # type: ignore[no-untyped-def]
        marks = {a.person_id: a for a in self.services.meetings.attendance(self.session.id)}
        return marks.get(person.id)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Test Facilitator", today=lambda: date(2026, 3, 1))


@pytest.fixture
def council(services: Services) -> Council:
    return Council(services)


@pytest.fixture
def context(services: Services) -> WindowContext:
    return WindowContext(services, QUndoStack(), DataChanges())


@pytest.fixture
def register(
    qtbot: QtBot, context: WindowContext, council: Council
) -> Callable[[], AttendanceRegister]:
    def open_register() -> AttendanceRegister:
        widget = AttendanceRegister(context)
        qtbot.addWidget(widget)
        widget.resize(1000, 600)
        widget.show_meeting(council.session.id)
        # Shortcuts reach only the active window, as on a desktop.
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        widget.table.setFocus()
        return widget

    return open_register


def cell(widget: AttendanceRegister, name: str, column: str) -> str:
    row = next(
        r
        for r in range(widget.model.rowCount())
        if widget.model.line(r).person.display_name == name
    )
    return widget.model.index(row, COLUMN[column]).data() or ""


def names(widget: AttendanceRegister) -> list[str]:
    return [widget.model.line(r).person.display_name for r in range(widget.model.rowCount())]


def go_to(qtbot: QtBot, widget: AttendanceRegister, name: str) -> None:
    """Move to ``name`` with the Down and Up keys, as a keyboard user would."""
    target = names(widget).index(name)
    while widget.table.currentIndex().row() < target:
        qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    while widget.table.currentIndex().row() > target:
        qtbot.keyClick(widget.table, Qt.Key.Key_Up)
    assert widget.current_line().person.display_name == name


def test_the_register_lists_members_and_guests_with_their_needs_and_counts(
    register: Callable[[], AttendanceRegister], council: Council
) -> None:
    council.services.meetings.mark_attendance(
        council.session.id, council.vic.id, AttendanceStatus.PRESENT, is_guest=True
    )
    widget = register()
    assert names(widget) == ["Amir Khan", "Bea Jones", "Cal Smith", "Dee Brown", "Vic Visitor"]
    assert cell(widget, "Vic Visitor", "Guest") == "Guest"
    assert cell(widget, "Vic Visitor", "Attendance") == "Present"
    assert cell(widget, "Amir Khan", "Attendance") == "Not marked"
    assert cell(widget, "Amir Khan", "Needs met") == "Not asked"
    bea = widget.model.index(1, NEEDS_COLUMN)
    assert bea.data(Qt.ItemDataRole.ToolTipRole) == "BSL interpreter, Easy read (review due)"
    assert bea.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Needs: BSL interpreter")
    assert widget.model.index(0, NEEDS_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "No needs recorded"
    )
    assert widget.counts_label.text().startswith(
        "Present: 1    Apologies: 0    Absent: 0    Not marked: 4"
    )
    assert "1 guest" in widget.counts_label.text()
    # The selected person's flag and needs in words, under the register.
    widget.select_person(council.bea.id)
    assert widget.needs_flag.isVisibleTo(widget)
    assert widget.needs_words.text() == "BSL interpreter, Easy read (review due)"


def test_attendance_is_marked_by_keyboard_including_an_apology_and_its_reason(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.table, Qt.Key.Key_P)  # Amir, first in the list
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, Qt.Key.Key_A)  # Bea sends apologies...
    assert widget.reason_edit.hasFocus()
    qtbot.keyClicks(widget.reason_edit, "Hospital appointment")
    qtbot.keyClick(widget.reason_edit, Qt.Key.Key_Return)  # ...and the reason is saved
    assert widget.table.hasFocus()
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, Qt.Key.Key_X)  # Cal is absent

    assert cell(widget, "Amir Khan", "Attendance") == "Present"
    assert cell(widget, "Bea Jones", "Attendance") == "Apologies"
    assert cell(widget, "Bea Jones", "Reason for apologies") == "Hospital appointment"
    assert cell(widget, "Cal Smith", "Attendance") == "Absent"
    assert cell(widget, "Dee Brown", "Attendance") == "Not marked"
    assert widget.counts_label.text().startswith(
        "Present: 1    Apologies: 1    Absent: 1    Not marked: 1"
    )
    bea = council.mark_of(council.bea)
    assert (bea.status, bea.apology_reason) == (AttendanceStatus.APOLOGIES, "Hospital appointment")
    assert council.mark_of(council.amir).status is AttendanceStatus.PRESENT
    assert council.mark_of(council.cal).status is AttendanceStatus.ABSENT
    assert council.mark_of(council.dee) is None


def test_typing_p_in_the_reason_field_types_a_letter_and_escape_forgets_it(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    go_to(qtbot, widget, "Bea Jones")
    qtbot.keyClick(widget.table, Qt.Key.Key_A)
    qtbot.keyClicks(widget.reason_edit, "Pax")
    assert widget.reason_edit.text() == "Pax"
    assert cell(widget, "Bea Jones", "Attendance") == "Apologies"
    qtbot.keyClick(widget.reason_edit, Qt.Key.Key_Escape)
    assert widget.table.hasFocus()
    assert council.mark_of(council.bea).apology_reason == ""
    assert widget.reason_edit.text() == ""


def test_late_left_early_and_needs_met_are_marked_by_keyboard(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    go_to(qtbot, widget, "Cal Smith")
    qtbot.keyClick(widget.table, Qt.Key.Key_L)  # arriving late means being there
    assert (cell(widget, "Cal Smith", "Attendance"), cell(widget, "Cal Smith", "Late")) == (
        "Present",
        "Late",
    )
    qtbot.keyClick(widget.table, Qt.Key.Key_E)
    assert cell(widget, "Cal Smith", "Left early") == "Left early"
    qtbot.keyClick(widget.table, Qt.Key.Key_L)  # late was a mistake
    assert cell(widget, "Cal Smith", "Late") == ""
    for expected in ("Yes", "No", "Not asked", "Yes"):
        qtbot.keyClick(widget.table, Qt.Key.Key_N)
        assert cell(widget, "Cal Smith", "Needs met") == expected
    cal = council.mark_of(council.cal)
    assert (cal.status, cal.arrived_late, cal.left_early, cal.access_needs_met) == (
        AttendanceStatus.PRESENT,
        False,
        True,
        True,
    )
    assert "1 left early" in widget.counts_label.text()
    # Marking them absent clears late and left early, as the rules say.
    qtbot.keyClick(widget.table, Qt.Key.Key_X)
    cal = council.mark_of(council.cal)
    assert (cal.status, cal.left_early, cal.access_needs_met) == (
        AttendanceStatus.ABSENT,
        False,
        True,
    )
    # Delete clears the mark altogether.
    qtbot.keyClick(widget.table, Qt.Key.Key_Delete)
    assert council.mark_of(council.cal) is None
    assert cell(widget, "Cal Smith", "Attendance") == "Not marked"


@suggestions_popup
def test_a_non_member_is_added_as_a_guest_by_typing_their_name(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    widget.guest_edit.setFocus()
    qtbot.keyClicks(widget.guest_edit, "visit")
    qtbot.keyClick(widget.guest_edit, Qt.Key.Key_Escape)  # close the list of matches
    widget.guest_completer.popup().hide()
    qtbot.keyClick(widget.guest_edit, Qt.Key.Key_Return)  # one match: Vic is added

    assert "Vic Visitor" in names(widget)
    assert cell(widget, "Vic Visitor", "Guest") == "Guest"
    assert widget.current_line().person.display_name == "Vic Visitor"
    assert widget.table.hasFocus()
    assert widget.guest_edit.text() == ""
    qtbot.keyClick(widget.table, Qt.Key.Key_P)
    vic = council.mark_of(council.vic)
    assert (vic.status, vic.is_guest) == (AttendanceStatus.PRESENT, True)


@suggestions_popup
def test_a_guest_is_chosen_from_the_matches_when_several_match(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    widget.guest_edit.setFocus()
    qtbot.keyClicks(widget.guest_edit, "Sa")
    popup = widget.guest_completer.popup()
    assert popup.isVisible()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["Sally Salt", "Sam Saunders"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert "Sam Saunders" in names(widget)
    assert "Sally Salt" not in names(widget)
    assert council.mark_of(council.sam).is_guest


def test_typing_a_name_nobody_has_says_so(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    widget.guest_edit.setFocus()
    qtbot.keyClicks(widget.guest_edit, "Zed")
    qtbot.keyClick(widget.guest_edit, Qt.Key.Key_Return)
    assert "Nobody on the people register matches 'Zed'" in widget.errors.general.text()
    assert widget.errors.general.isVisibleTo(widget)
    assert council.services.meetings.attendance(council.session.id) == []


def test_every_mark_can_be_undone_and_redone(
    qtbot: QtBot,
    register: Callable[[], AttendanceRegister],
    council: Council,
    context: WindowContext,
) -> None:
    widget = register()
    stack = context.undo_stack
    go_to(qtbot, widget, "Dee Brown")
    qtbot.keyClick(widget.table, Qt.Key.Key_P)
    qtbot.keyClick(widget.table, Qt.Key.Key_X)
    assert stack.undoText() == "Absent: Dee Brown"

    stack.undo()  # back to the previous mark
    assert council.mark_of(council.dee).status is AttendanceStatus.PRESENT
    assert cell(widget, "Dee Brown", "Attendance") == "Present"
    stack.undo()  # there was none before that: cleared
    assert council.mark_of(council.dee) is None
    assert cell(widget, "Dee Brown", "Attendance") == "Not marked"
    stack.redo()
    stack.redo()
    assert council.mark_of(council.dee).status is AttendanceStatus.ABSENT

    # An apology and the reason typed straight after it are one step.
    go_to(qtbot, widget, "Bea Jones")
    qtbot.keyClick(widget.table, Qt.Key.Key_A)
    qtbot.keyClicks(widget.reason_edit, "Unwell")
    qtbot.keyClick(widget.reason_edit, Qt.Key.Key_Return)
    assert stack.undoText() == "Apologies: Bea Jones"
    count = stack.count()
    stack.undo()
    assert council.mark_of(council.bea) is None
    assert stack.count() == count
    stack.redo()
    bea = council.mark_of(council.bea)
    assert (bea.status, bea.apology_reason) == (AttendanceStatus.APOLOGIES, "Unwell")

    # Undo of adding a guest takes them off the register.
    widget.add_guest(council.vic.id)
    assert "Vic Visitor" in names(widget)
    stack.undo()
    assert "Vic Visitor" not in names(widget)


def test_someone_who_spoke_stays_present_and_the_facilitator_is_told_why(
    qtbot: QtBot,
    register: Callable[[], AttendanceRegister],
    council: Council,
    context: WindowContext,
    prompts,  # type: ignore[no-untyped-def]
) -> None:
    widget = register()
    qtbot.keyClick(widget.table, Qt.Key.Key_P)  # Amir is present...
    council.services.contributions.add(
        Contribution(
            meeting_id=council.session.id,
            text="The bus stops too far from the day centre",
            attribution=Attribution.PERSON,
            speaker_id=council.amir.id,
        )
    )
    qtbot.keyClick(widget.table, Qt.Key.Key_X)  # ...and said something, so cannot be absent
    assert "Amir Khan has 1 contribution(s) recorded" in widget.errors.general.text()
    assert widget.errors.general.isVisibleTo(widget)
    assert council.mark_of(council.amir).status is AttendanceStatus.PRESENT

    # Undoing the "present" mark is refused the same way, with the service's message.
    prompts.expect_message("error")
    context.undo_stack.undo()
    assert "must stay marked present" in prompts.shown[-1].text
    assert council.mark_of(council.amir).status is AttendanceStatus.PRESENT
    assert cell(widget, "Amir Khan", "Attendance") == "Present"


def test_no_session_shows_an_empty_register(
    register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    widget.show_meeting(None)
    assert widget.model.rowCount() == 0
    assert widget.placeholder.isVisibleTo(widget)
    assert not widget.table.isEnabled()
    assert widget.counts_label.text() == ""


def test_the_register_model_passes_the_model_tester(
    qtmodeltester: ModelTester, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    council.services.meetings.mark_attendance(
        council.session.id, council.bea.id, AttendanceStatus.APOLOGIES, apology_reason="Away"
    )
    widget = register()
    assert widget.model.rowCount() == 4
    qtmodeltester.check(widget.model)
    widget.show_meeting(None)
    qtmodeltester.check(widget.model)


def test_the_marking_keys_are_listed_under_help(
    open_window: Callable[[Services], MainWindow], services: Services, council: Council
) -> None:
    window = open_window(services)
    AttendanceRegister(window.context, parent=window).hide()
    listed = window.keyboard_shortcuts_text().splitlines()
    for line in (
        "P\tRegister: mark present",
        "A\tRegister: mark apologies",
        "X\tRegister: mark absent",
        "L\tRegister: late (on or off)",
        "E\tRegister: left early (on or off)",
        "N\tRegister: access needs met (yes, no, not asked)",
        "Del\tRegister: clear the mark",
    ):
        assert line in listed


def test_a_reason_typed_but_not_entered_is_unsaved_work_that_can_be_saved(
    qtbot: QtBot, register: Callable[[], AttendanceRegister], council: Council
) -> None:
    widget = register()
    go_to(qtbot, widget, "Bea Jones")
    qtbot.keyClick(widget.table, Qt.Key.Key_A)
    qtbot.keyClicks(widget.reason_edit, "Carer unwell")

    assert widget.has_unsaved_changes()
    assert widget.unsaved_description() == "the apology reason typed"
    assert widget.save_changes()  # what the window's Save answer does before leaving

    assert council.mark_of(council.bea).apology_reason == "Carer unwell"
    assert not widget.has_unsaved_changes()
