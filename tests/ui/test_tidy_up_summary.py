"""Choosing in the tidy-up what goes into the session's easy-read summary ("What you told
us"): Space in the list for the selected contributions, the tick in the editor, the marker
and count in the list, each undone with Ctrl+Z, and the summary itself following."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from pytestqt.qtbot import QtBot
from summary_support import chosen_for_summary

from coproduce.domain.records import Contribution, Group, Meeting, replace
from coproduce.domain.vocabulary import Attribution, MeetingStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.tidyup import TidyUpView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SUMMARY_COLUMN = 4
windows = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


def fresh_session(services: Services) -> Meeting:
    """The demo's written-up session with the most contributions, back to 'held' and with
    nothing chosen for its summary yet, as for a session just run."""
    written = [m for m in services.meetings.list().items if m.status is MeetingStatus.WRITTEN_UP]
    meeting = max(written, key=lambda m: len(said_at(services, m.id or 0)))
    for contribution in said_at(services, meeting.id or 0):
        if contribution.in_summary:
            services.contributions.update(replace(contribution, in_summary=False))
    return services.meetings.set_status(meeting.id, MeetingStatus.HELD)


def said_at(services: Services, meeting_id: int) -> list[Contribution]:
    return list(services.contributions.list(ContributionFilter(meeting_id=meeting_id)).items)


def chosen_ids(services: Services, meeting_id: int) -> list[int | None]:
    return [c.id for c in said_at(services, meeting_id) if c.in_summary]


def open_view(qtbot: QtBot, services: Services, meeting_id: int) -> TidyUpView:
    view = TidyUpView(WindowContext(services, QUndoStack(), DataChanges()), meeting_id)
    qtbot.addWidget(view, before_close_func=lambda w: w.discard_changes())
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def marker(view: TidyUpView, row: int) -> str:
    return view.model.index(row, SUMMARY_COLUMN).data()


@windows
def test_space_in_the_list_puts_the_selected_contributions_in_the_summary_and_undo_takes_them_out(
    qtbot: QtBot, demo_services: Services
) -> None:
    services = demo_services
    meeting = fresh_session(services)
    said = said_at(services, meeting.id)
    view = open_view(qtbot, services, meeting.id)
    assert chosen_for_summary(services, meeting.id) == []
    assert view.summary_label.text() == "0 chosen for the summary"
    assert view.model.headerData(SUMMARY_COLUMN, Qt.Orientation.Horizontal) == "Summary"
    assert marker(view, 1) == ""

    # Rows 1 and 2: Down, then Shift+Down adds the next; Space chooses both.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)

    assert chosen_ids(services, meeting.id) == [said[1].id, said[2].id]
    assert [marker(view, r) for r in (0, 1, 2, 3)] == ["", "Yes", "Yes", ""]
    assert view.summary_label.text() == "2 chosen for the summary"
    assert "Put in the easy-read summary: 2 contributions" in view.message.text()
    told = chosen_for_summary(services, meeting.id)
    assert told == [c.easy_read.strip() or c.text for c in said[1:3]]
    # Both stay selected, so Space again takes them both out.
    assert [c.id for c in view.selected_contributions()] == [said[1].id, said[2].id]
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert chosen_ids(services, meeting.id) == []
    assert view.summary_label.text() == "0 chosen for the summary"

    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)  # back in
    assert chosen_ids(services, meeting.id) == [said[1].id, said[2].id]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)  # out again, as before the first Space
    assert chosen_ids(services, meeting.id) == []
    assert [marker(view, r) for r in (1, 2)] == ["", ""]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    assert chosen_ids(services, meeting.id) == [said[1].id, said[2].id]
    # Nothing else about them changed.
    assert [replace(c, in_summary=False, version=0) for c in said_at(services, meeting.id)] == [
        replace(c, version=0) for c in said
    ]


@windows
def test_with_some_selected_already_in_the_summary_space_puts_them_all_in(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = fresh_session(demo_services)
    said = said_at(demo_services, meeting.id)
    demo_services.contributions.update(replace(said[1], in_summary=True))
    view = open_view(qtbot, demo_services, meeting.id)
    assert view.summary_label.text() == "1 chosen for the summary"
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert chosen_ids(demo_services, meeting.id) == [c.id for c in said[:3]]
    assert "Put in the easy-read summary: 2 contributions" in view.message.text()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)  # only the two it put in come out
    assert chosen_ids(demo_services, meeting.id) == [said[1].id]


@windows
def test_the_tick_in_the_editor_is_saved_with_the_other_fields_and_undone(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = fresh_session(demo_services)
    said = said_at(demo_services, meeting.id)
    view = open_view(qtbot, demo_services, meeting.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert not view.editor.summary_box.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_U, ALT)  # a mnemonic clicks its box a moment later
    qtbot.waitUntil(view.editor.summary_box.isChecked)
    assert view.editor.has_unsaved_changes()
    qtbot.keyClick(view.editor.summary_box, Qt.Key.Key_S, CTRL)
    assert chosen_ids(demo_services, meeting.id) == [said[1].id]
    assert marker(view, 1) == "Yes"
    assert view.summary_label.text() == "1 chosen for the summary"
    qtbot.keyClick(view.editor.summary_box, Qt.Key.Key_Z, CTRL)
    assert chosen_ids(demo_services, meeting.id) == []
    assert not view.editor.summary_box.isChecked()
    assert view.summary_label.text() == "0 chosen for the summary"


@windows
def test_space_on_the_contribution_being_edited_asks_about_its_typing_first(
    qtbot: QtBot, demo_services: Services, prompts: Any
) -> None:
    meeting = fresh_session(demo_services)
    said = said_at(demo_services, meeting.id)
    view = open_view(qtbot, demo_services, meeting.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " and the bus")
    view.table.setFocus()
    prompts.expect_save_choice("cancel")
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert chosen_ids(demo_services, meeting.id) == []
    assert view.editor.text_box.toPlainText() == said[0].text + " and the bus"

    prompts.expect_save_choice("save")
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    now = demo_services.contributions.get(said[0].id)
    assert (now.text, now.in_summary) == (said[0].text + " and the bus", True)
    assert view.editor.summary_box.isChecked() and not view.editor.has_unsaved_changes()


@windows
def test_the_space_key_is_an_action_the_help_lists(qtbot: QtBot, demo_services: Services) -> None:
    meeting = fresh_session(demo_services)
    view = open_view(qtbot, demo_services, meeting.id)
    keys = {
        action.text(): action.shortcut()
        for action in view.findChildren(QAction)
        if not action.shortcut().isEmpty()
    }
    wanted = "Put the selected contributions in the easy-read summary, or take them out"
    assert keys[wanted] == QKeySequence(Qt.Key.Key_Space)


@windows
def test_choosing_for_the_summary_and_undoing_it_hold_on_both_databases(
    qtbot: QtBot, services: Services
) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    starts = datetime(2026, 3, 12, 10)
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    for minute, words in enumerate(("Buses stop at six", "Respite is hard to book", "Thanks")):
        services.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=words,
                attribution=Attribution.WHOLE_GROUP,
                captured_at=starts + timedelta(minutes=minute),
            )
        )
    view = open_view(qtbot, services, meeting.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert chosen_for_summary(services, meeting.id) == ["Respite is hard to book", "Thanks"]
    assert view.summary_label.text() == "2 chosen for the summary"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert chosen_for_summary(services, meeting.id) == []
    assert view.summary_label.text() == "0 chosen for the summary"


# The tidy-up window comes forward to ask (raise(), which the offscreen platform lacks).
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_undo_in_the_main_window_asks_about_typing_in_the_tidy_up_first(
    qtbot: QtBot,
    open_window,
    demo_services: Services,
    prompts,
) -> None:
    window = open_window(demo_services)
    window.show_page("sessions")
    page = window.list_page("sessions")
    spoken = demo_services.contributions.list(limit=1).items[0].meeting_id
    assert page.show_record_id(spoken)
    page.tidy_up_session()
    view = page.tidy_up_view
    qtbot.waitUntil(lambda: view.table.model().rowCount() > 0)
    view.table.selectRow(0)
    shown = view.selected_contributions()[0]
    saved_text = demo_services.contributions.get(shown.id).text
    view.editor.text_box.setPlainText(saved_text + " And one more thing.")
    window.undo_stack.push(_NoOp())  # something to undo

    prompts.expect_save_choice("cancel")
    window.undo_action.trigger()  # Ctrl+Z in the main window

    assert window.undo_stack.canUndo()  # nothing was undone
    assert view.editor.text_box.toPlainText().endswith("And one more thing.")
    view.editor.discard_changes()


class _NoOp(QUndoCommand):
    def __init__(self) -> None:
        super().__init__("nothing")
