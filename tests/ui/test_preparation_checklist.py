"""The preparation checklist of a session: counted from people's needs, ticked by keyboard,
kept per session, undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AccessNeeds, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    CommunicationProfessional,
    InformationFormat,
    MeetingAccessNeed,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.main_window import MainWindow
from coproduce.ui.sessions.preparation_checklist import (
    DONE_COLUMN,
    PreparationChecklist,
)

JOINED = date(2025, 1, 1)
EASY_READ = "information_format:easy_read"
BSL = "communication_professional:bsl_interpreter"
EASY = frozenset({InformationFormat.EASY_READ})


class Board:
    """A partnership board whose members need easy read, BSL, large print and more."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.group = services.groups.create(Group(name="Learning Disability Partnership Board"))
        self.amir = self.member("Amir Khan", information_formats=EASY)
        self.bea = self.member(
            "Bea Jones",
            information_formats=EASY | {InformationFormat.LARGE_PRINT},
            large_print_size=18,
            communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
        )
        self.cal = self.member(
            "Cal Smith",
            information_formats=EASY,
            meeting_access=frozenset({MeetingAccessNeed.DIETARY, MeetingAccessNeed.STEP_FREE}),
            meeting_access_notes="Vegetarian",
        )
        self.dee = self.member(
            "Dee Brown",
            information_formats=EASY,
            meeting_access=frozenset({MeetingAccessNeed.DIETARY}),
            meeting_access_notes="Halal",
        )
        self.eve = self.member("Eve Green")
        self.session = self.plan(datetime(2026, 3, 12, 10))

    def member(self, name: str, **needs: object) -> Person:
        person = self.services.people.create(
            Person(display_name=name, needs=AccessNeeds(**needs))  # type: ignore[arg-type]
        )
        self.services.groups.add_member(self.group.id, person.id, JOINED)
        return person

    def plan(self, starts: datetime) -> Meeting:
        return self.services.meetings.create(
            Meeting(
                group_id=self.group.id,
                title="Board meeting",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Sam Patel", today=lambda: date(2026, 3, 1))


@pytest.fixture
def board(services: Services) -> Board:
    return Board(services)


@pytest.fixture
def context(services: Services) -> WindowContext:
    return WindowContext(services, QUndoStack(), DataChanges())


@pytest.fixture
def open_checklist(
    qtbot: QtBot, context: WindowContext, board: Board
) -> Callable[[], PreparationChecklist]:
    def open_it() -> PreparationChecklist:
        widget = PreparationChecklist(context)
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show_meeting(board.session.id)
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        widget.tree.setFocus()
        return widget

    return open_it


def rows(widget: PreparationChecklist) -> list[str]:
    """Every row of the tree as shown: headings, items ('[x] ' when ticked), people."""
    model = widget.model
    shown: list[str] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            text = index.data()
            check = index.data(Qt.ItemDataRole.CheckStateRole)
            if check is not None:
                text = ("[x] " if check == Qt.CheckState.Checked else "[ ] ") + text
            shown.append("  " * depth + text)
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return shown


def item_texts(widget: PreparationChecklist) -> list[str]:
    return [line.strip() for line in rows(widget) if line.strip().startswith("[")]


def test_the_checklist_counts_the_needs_of_the_people_expected(
    open_checklist: Callable[[], PreparationChecklist], board: Board
) -> None:
    widget = open_checklist()
    assert [line for line in rows(widget) if not line.startswith("    ")] == [
        "Book in good time",
        "  [ ] Book a BSL interpreter (1 person)",
        "The room and the venue",
        "  [ ] Step-free venue (1 person)",
        "Papers in the right format",
        "  [ ] Easy-read pack for 4 people",
        "  [ ] Large print 18 pt for 1 person",
        "Food and travel",
        "  [ ] Dietary needs: 2 people (see notes)",
    ]
    assert widget.summary_label.text().startswith("0 of 5 done.")


def test_each_item_names_its_people_on_hover_and_when_expanded(
    qtbot: QtBot, open_checklist: Callable[[], PreparationChecklist], board: Board
) -> None:
    widget = open_checklist()
    dietary = widget.model.index_of_key("meeting_access:dietary")
    assert dietary.data(Qt.ItemDataRole.ToolTipRole) == "For: Cal Smith, Dee Brown"
    assert not widget.tree.isExpanded(dietary)
    widget.tree.setCurrentIndex(dietary)
    qtbot.keyClick(widget.tree, Qt.Key.Key_Right)
    assert widget.tree.isExpanded(dietary)
    people = [widget.model.index(r, 0, dietary).data() for r in range(2)]
    assert people == ["Cal Smith: Vegetarian", "Dee Brown: Halal"]
    # The names are never in the item's own words.
    assert "Cal" not in dietary.data() and "Dee" not in dietary.data()


def test_an_item_is_ticked_with_space_and_the_tick_is_there_after_reopening(
    qtbot: QtBot,
    open_checklist: Callable[[], PreparationChecklist],
    board: Board,
    services: Services,
) -> None:
    widget = open_checklist()
    easy = widget.model.index_of_key(EASY_READ)
    widget.tree.setCurrentIndex(easy)
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.tree, Qt.Key.Key_Space)
    assert easy.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    done = widget.model.index(easy.row(), DONE_COLUMN, easy.parent()).data()
    assert done.startswith("Sam Patel, ")
    assert widget.summary_label.text().startswith("1 of 5 done.")
    [tick] = services.preparation.ticks(board.session.id)
    assert (tick.item_key, tick.done, tick.done_by) == (EASY_READ, True, "Sam Patel")

    # Closed and opened again (another facilitator, another day): still ticked, and only
    # for this session.
    widget.close()
    again = open_checklist()
    assert "[x] Easy-read pack for 4 people" in item_texts(again)
    assert again.current_line().item.key == BSL  # the first item, ready for Space
    next_session = board.plan(datetime(2026, 5, 14, 10))
    again.show_meeting(next_session.id)
    assert "[ ] Easy-read pack for 4 people" in item_texts(again)

    # Space again unticks.
    again.show_meeting(board.session.id)
    again.tree.setCurrentIndex(again.model.index_of_key(EASY_READ))
    qtbot.keyClick(again.tree, Qt.Key.Key_Space)
    assert "[ ] Easy-read pack for 4 people" in item_texts(again)
    assert not services.preparation.checklist(board.session.id)[2].done


def test_ticking_can_be_undone_and_redone(
    qtbot: QtBot,
    open_checklist: Callable[[], PreparationChecklist],
    board: Board,
    services: Services,
    context: WindowContext,
) -> None:
    widget = open_checklist()
    widget.tree.setCurrentIndex(widget.model.index_of_key(BSL))
    qtbot.keyClick(widget.tree, Qt.Key.Key_Space)
    [ticked] = services.preparation.ticks(board.session.id)
    assert context.undo_stack.undoText() == "Ticked: Book a BSL interpreter (1 person)"
    qtbot.keyClick(widget.tree, Qt.Key.Key_Space)  # unticked by mistake...
    context.undo_stack.undo()  # ...and put back, with who ticked it and when
    [back] = services.preparation.ticks(board.session.id)
    assert (back.done, back.done_by, back.done_at) == (True, "Sam Patel", ticked.done_at)
    assert "[x] Book a BSL interpreter (1 person)" in item_texts(widget)
    context.undo_stack.undo()  # as if never ticked
    assert services.preparation.ticks(board.session.id) == []
    assert "[ ] Book a BSL interpreter (1 person)" in item_texts(widget)
    context.undo_stack.redo()
    assert services.preparation.checklist(board.session.id)[0].done
    assert "[x] Book a BSL interpreter (1 person)" in item_texts(widget)


def test_people_who_send_apologies_drop_out_and_their_ticks_wait(
    qtbot: QtBot,
    open_checklist: Callable[[], PreparationChecklist],
    board: Board,
    services: Services,
    context: WindowContext,
) -> None:
    widget = open_checklist()
    widget.tree.setCurrentIndex(widget.model.index_of_key(BSL))
    qtbot.keyClick(widget.tree, Qt.Key.Key_Space)
    mark = services.meetings.mark_attendance(
        board.session.id, board.bea.id, AttendanceStatus.APOLOGIES
    )
    context.changes.changed.emit("attendance")  # as the register announces a mark
    assert item_texts(widget) == [
        "[ ] Step-free venue (1 person)",
        "[ ] Easy-read pack for 3 people",
        "[ ] Dietary needs: 2 people (see notes)",
    ]
    assert [t.item_key for t in services.preparation.ticks(board.session.id)] == [BSL]
    services.meetings.set_attendance(board.session.id, board.bea.id, None, last_seen=mark)
    context.changes.changed.emit("attendance")
    assert item_texts(widget)[0] == "[x] Book a BSL interpreter (1 person)"


def test_a_session_where_nobody_needs_anything_says_so(
    open_checklist: Callable[[], PreparationChecklist], board: Board, services: Services
) -> None:
    widget = open_checklist()
    quiet = services.groups.create(Group(name="Staff engagement group"))
    starts = datetime(2026, 4, 2, 14)
    session = services.meetings.create(
        Meeting(
            group_id=quiet.id, title="April", starts_at=starts, ends_at=starts + timedelta(hours=1)
        )
    )
    widget.show_meeting(session.id)
    assert widget.model.rowCount() == 0
    assert widget.summary_label.text().startswith("Nothing to prepare")
    widget.show_meeting(None)
    assert widget.placeholder.isVisibleTo(widget)
    assert widget.summary_label.text() == ""


def test_the_checklist_model_passes_the_model_tester(
    qtmodeltester: ModelTester,
    open_checklist: Callable[[], PreparationChecklist],
    board: Board,
    services: Services,
) -> None:
    widget = open_checklist()
    widget.tree.expandAll()
    qtmodeltester.check(widget.model)
    services.preparation.tick(board.session.id, EASY_READ)
    widget.reload()  # only a tick changed: rows stay, data changes
    qtmodeltester.check(widget.model)
    widget.show_meeting(None)
    qtmodeltester.check(widget.model)


def test_the_tick_key_is_listed_under_help(
    open_window: Callable[[Services], MainWindow], services: Services, board: Board
) -> None:
    window = open_window(services)
    PreparationChecklist(window.context, parent=window).hide()
    assert "Space\tChecklist: tick or untick the selected item" in (
        window.keyboard_shortcuts_text().splitlines()
    )


def test_a_click_on_the_box_ticks_the_item_through_the_services(
    open_checklist: Callable[[], PreparationChecklist], board: Board, services: Services
) -> None:
    widget = open_checklist()
    step_free = widget.model.index_of_key("meeting_access:step_free")
    # What the view's delegate does when the box is clicked.
    widget.model.setData(step_free, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert step_free.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert [t.item_key for t in services.preparation.ticks(board.session.id)] == [
        "meeting_access:step_free"
    ]
