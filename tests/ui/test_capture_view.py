"""Meeting mode, driven by the keyboard: speaker by letters, kind by one key, Enter saves and
clears, links to the item's documents, tags, consent in the room, an action and a late
arrival without leaving the view, and the draft restored when the view opens again."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from summary_support import chosen_for_summary

from coproduce.domain.records import AgendaItem, Consent, Document, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    CqcQualityStatement,
    LinkRelation,
    MakingItRealTheme,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.store.database import Database
from coproduce.ui.capture import CaptureView
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext

if TYPE_CHECKING:
    from tests.ui.conftest import ScriptedPrompts

JOINED = date(2025, 1, 1)
# The speaker and owner suggestions are popups; the offscreen platform cannot raise them.
popups = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


class Room:
    """A forum session: two agenda items (the first about two documents), Ann (quoted by
    name) and Ben present, Cat expected but not there yet."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.group = services.groups.create(Group(name="Carers' Forum"))
        self.ann = self.member("Ann Ames")
        self.ben = self.member("Ben Bell")
        self.cat = self.member("Cat Cole")
        starts = datetime(2026, 3, 12, 10)
        self.session = services.meetings.create(
            Meeting(
                group_id=self.group.id,
                title="March forum",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        self.strategy = services.documents.create(Document(title="Carers strategy"))
        self.charging = services.documents.create(Document(title="Charging policy"))
        self.respite = services.meetings.add_agenda_item(
            AgendaItem(
                meeting_id=self.session.id,
                title="Respite",
                duration_minutes=20,
                document_ids=(self.strategy.id, self.charging.id),
            )
        )
        self.transport = services.meetings.add_agenda_item(
            AgendaItem(meeting_id=self.session.id, title="Transport")
        )
        for person in (self.ann, self.ben):
            services.meetings.mark_attendance(self.session.id, person.id, AttendanceStatus.PRESENT)
        services.people.record_consent(
            Consent(
                person_id=self.ann.id,
                purpose=ConsentPurpose.QUOTED_BY_NAME,
                state=ConsentState.GIVEN,
                on=date.today() - timedelta(days=30),
            )
        )

    def member(self, name: str) -> Person:
        person = self.services.people.create(Person(display_name=name))
        self.services.groups.add_member(self.group.id, person.id, JOINED)
        return person

    def contributions(self):  # type: ignore[no-untyped-def]
        found = self.services.contributions.list(ContributionFilter(meeting_id=self.session.id))
        return list(found.items)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Test Facilitator")


@pytest.fixture
def room(services: Services) -> Room:
    return Room(services)


def open_view(qtbot: QtBot, services: Services, meeting_id: int) -> CaptureView:
    context = WindowContext(services, QUndoStack(), DataChanges())
    view = CaptureView(context, meeting_id)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


@popups
def test_the_whole_capture_flow_works_from_the_keyboard(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    assert "Respite" in view.item_label.text()
    assert "on this item of 20 min planned" in view.timer_label.text()
    assert view.link_documents.text() == "Carers strategy, Charging policy"
    assert [view.next_list.item(i).text() for i in range(view.next_list.count())] == [
        "2. Transport"
    ]
    assert view.speaker_box.hasFocus()

    qtbot.keyClicks(view.speaker_box, "ben")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    assert view.speaker_box.text() == "Ben Bell"
    assert view.text_box.hasFocus()
    qtbot.keyClick(view.text_box, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert view.kind() is ContributionKind.CONCERN
    qtbot.keyClicks(view.text_box, "Respite is hard to book")

    # Tag one theme and one quality statement: Alt+R / Alt+T, Down to move, Space to tick.
    qtbot.keyClick(view.text_box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert view.themes.hasFocus()
    qtbot.keyClick(view.themes, Qt.Key.Key_Down)  # Information and advice
    qtbot.keyClick(view.themes, Qt.Key.Key_Space)
    qtbot.keyClick(view.themes, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert view.statements.hasFocus()
    qtbot.keyClick(view.statements, Qt.Key.Key_Space)  # Assessing needs
    qtbot.keyClick(view.statements, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert view.text_box.hasFocus()
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)

    [saved] = room.contributions()
    assert (saved.text, saved.kind, saved.speaker_id, saved.attribution) == (
        "Respite is hard to book",
        ContributionKind.CONCERN,
        room.ben.id,
        Attribution.PERSON,
    )
    assert saved.agenda_item_id == room.respite.id
    assert saved.themes == {MakingItRealTheme.INFORMATION_AND_ADVICE}
    assert saved.quality_statements == {CqcQualityStatement.ASSESSING_NEEDS}
    links = room.services.contributions.links_of(saved.id)
    assert {(link.document_id, link.relation) for link in links} == {
        (room.strategy.id, LinkRelation.CONSIDERED),
        (room.charging.id, LinkRelation.CONSIDERED),
    }
    # The box is clear for the next one, starting again at the speaker.
    assert (view.text_box.text(), view.speaker_box.text()) == ("", "")
    assert view.kind() is ContributionKind.IDEA
    assert view.speaker_box.hasFocus()
    assert not view._ticked(view.themes, list(MakingItRealTheme))
    assert not view._ticked(view.statements, list(CqcQualityStatement))
    # Ben has not agreed to be quoted by name.
    assert view.recent.item(0).text() == "Concern. A group member said: Respite is hard to book"

    # Next item by key; "group" is the whole group; Alt+K turns the links off (none here).
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert "Transport" in view.item_label.text()
    qtbot.keyClicks(view.speaker_box, "group")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClick(view.text_box, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(view.text_box, "Buses stop at six")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    second = room.contributions()[1]
    assert (second.attribution, second.kind, second.agenda_item_id) == (
        Attribution.WHOLE_GROUP,
        ContributionKind.EXPERIENCE,
        room.transport.id,
    )
    assert room.services.contributions.links_of(second.id) == []
    assert view.recent.item(0).text() == "Experience. The whole group: Buses stop at six"

    # Back to the first item, and Alt+K: saved without links this time.
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.speaker_box, "anon")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClick(view.text_box, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert not view.link_box.isChecked()
    qtbot.keyClicks(view.text_box, "Off the record")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    third = room.contributions()[2]
    assert (third.attribution, third.agenda_item_id) == (Attribution.ANONYMOUS, room.respite.id)
    assert room.services.contributions.links_of(third.id) == []


@popups
def test_every_kind_has_its_own_key(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    for key, kind in [
        (Qt.Key.Key_Q, ContributionKind.QUESTION),
        (Qt.Key.Key_P, ContributionKind.PRAISE),
        (Qt.Key.Key_D, ContributionKind.DECISION),
        (Qt.Key.Key_X, ContributionKind.EXPERIENCE),
        (Qt.Key.Key_C, ContributionKind.CONCERN),
        (Qt.Key.Key_I, ContributionKind.IDEA),
    ]:
        qtbot.keyClick(view.text_box, key, Qt.KeyboardModifier.AltModifier)
        assert view.kind() is kind


@popups
def test_a_speaker_not_present_cannot_be_chosen(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClicks(view.speaker_box, "cat")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    assert view.chosen_speaker() is None
    assert "Cat Cole is not marked present" in view.message.text()
    assert view.speaker_box.hasFocus()
    view.text_box.setFocus()
    qtbot.keyClicks(view.text_box, "Said by someone absent")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    assert room.contributions() == []
    assert view.text_box.text() == "Said by someone absent"  # nothing typed is lost


@popups
def test_consent_to_be_quoted_by_name_shows_beside_each_speaker(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    assert [view.room_list.item(i).text() for i in range(view.room_list.count())] == [
        "Ann Ames: agreed to be quoted by name",
        "Ben Bell: not quoted by name (shown as 'A group member said')",
    ]
    qtbot.keyClicks(view.speaker_box, "ann")
    assert view.consent_label.text() == "Ann Ames: agreed to be quoted by name"
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "More carers' breaks")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    assert view.recent.item(0).text() == "Idea. Ann Ames: More carers' breaks"
    [saved] = room.contributions()
    assert saved.speaker_id == room.ann.id

    view.speaker_box.setFocus()
    qtbot.keyClicks(view.speaker_box, "bel")
    assert "not quoted by name" in view.consent_label.text()


@popups
def test_an_action_is_captured_inline(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert view.action_text.hasFocus()
    qtbot.keyClicks(view.action_text, "Send the respite leaflet")
    qtbot.keyClick(view.action_text, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(view.action_owner.line, "Ann Ames")
    qtbot.keyClick(view.action_owner.line, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert view.action_due.tick.hasFocus()
    qtbot.keyClick(view.action_due.tick, Qt.Key.Key_Space)
    view.action_due.set_date(date(2026, 4, 1))
    qtbot.keyClick(view.action_text, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.action_text, Qt.Key.Key_Return)

    [action] = room.services.actions.list().items
    assert (action.text, action.owner_id, action.due_on, action.meeting_id) == (
        "Send the respite leaflet",
        room.ann.id,
        date(2026, 4, 1),
        room.session.id,
    )
    assert view.action_text.text() == ""
    assert "Action added" in view.action_message.text()


@popups
def test_a_late_arrival_is_marked_and_can_then_be_chosen(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert view.late_box.hasFocus()
    qtbot.keyClicks(view.late_box, "cat")
    qtbot.keyClick(view.late_box, Qt.Key.Key_Return)
    marks = {a.person_id: a for a in room.services.meetings.attendance(room.session.id)}
    assert (marks[room.cat.id].status, marks[room.cat.id].arrived_late) == (
        AttendanceStatus.PRESENT,
        True,
    )
    assert "Cat Cole arrived late" in view.message.text()

    qtbot.keyClick(view.late_box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(view.speaker_box, "cat")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "Sorry I am late")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    assert [c.speaker_id for c in room.contributions()] == [room.cat.id]

    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(view.left_box, "ben")
    qtbot.keyClick(view.left_box, Qt.Key.Key_Return)
    marks = {a.person_id: a for a in room.services.meetings.attendance(room.session.id)}
    assert marks[room.ben.id].left_early
    assert marks[room.ben.id].status is AttendanceStatus.PRESENT


@popups
def test_the_box_is_kept_as_a_draft_and_restored_when_the_view_opens_again(
    qtbot: QtBot, room: Room
) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClicks(view.speaker_box, "ann")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(view.text_box, "Who pays for the taxi")
    qtbot.waitUntil(
        lambda: (
            room.services.capture.load_draft(room.session.id) is not None
            and room.services.capture.load_draft(room.session.id).text == "Who pays for the taxi"
        ),
        timeout=1000,
    )
    again = open_view(qtbot, room.services, room.session.id)
    assert again.text_box.text() == "Who pays for the taxi"
    assert again.speaker_box.text() == "ann"
    assert again.kind() is ContributionKind.QUESTION

    qtbot.keyClick(again.text_box, Qt.Key.Key_Return)
    assert room.services.capture.load_draft(room.session.id) is None


@popups
def test_undo_takes_back_a_capture(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClicks(view.speaker_box, "group")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "Typed in error")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    assert len(room.contributions()) == 1
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert room.contributions() == []
    assert view.recent.count() == 0
    qtbot.keyClick(
        view.speaker_box,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    [back] = room.contributions()
    assert view.recent.item(0).text() == "Idea. The whole group: Typed in error"
    assert len(room.services.contributions.links_of(back.id)) == 2


@popups
def test_alt_m_marks_what_is_being_typed_not_what_was_saved_before(
    qtbot: QtBot, room: Room
) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClicks(view.speaker_box, "group")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "Buses stop at six")
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)

    # The next one is being typed: Alt+M marks it, not "Buses stop at six".
    qtbot.keyClicks(view.speaker_box, "ann")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "Respite is hard to book")
    qtbot.keyClick(view.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert view.summary_box.isChecked()
    assert view.message.text() == (
        "This one goes in the easy-read summary when saved. Alt+M again: not."
    )
    assert [c.in_summary for c in room.contributions()] == [False]
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)

    assert [(c.text, c.in_summary) for c in room.contributions()] == [
        ("Buses stop at six", False),
        ("Respite is hard to book", True),
    ]
    assert view.message.text() == "Saved: Respite is hard to book (in the easy-read summary)"
    assert view.recent.item(0).text() == (
        "Idea. Ann Ames: Respite is hard to book (in the easy-read summary)"
    )
    assert chosen_for_summary(room.services, room.session.id) == ["Respite is hard to book"]
    assert not view.summary_box.isChecked()  # the next one starts unmarked

    # Alt+M twice: not in the summary after all.
    qtbot.keyClicks(view.speaker_box, "ben")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    qtbot.keyClicks(view.text_box, "Taxis are late")
    qtbot.keyClick(view.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert view.message.text() == "This one will not go in the easy-read summary."
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    assert room.contributions()[-1].in_summary is False


@popups
def test_the_summary_mark_is_kept_with_the_draft(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClicks(view.speaker_box, "ann")
    qtbot.keyClicks(view.text_box, "Who pays for the taxi")
    qtbot.keyClick(view.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: (
            room.services.capture.load_draft(room.session.id) is not None
            and room.services.capture.load_draft(room.session.id).in_summary
        ),
        timeout=1000,
    )
    again = open_view(qtbot, room.services, room.session.id)
    assert again.summary_box.isChecked()
    assert again.text_box.text() == "Who pays for the taxi"


@popups
def test_space_in_the_captured_list_puts_one_in_the_summary_and_ctrl_z_takes_it_out(
    qtbot: QtBot, room: Room
) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    for words in ("Buses stop at six", "Respite is hard to book"):
        qtbot.keyClicks(view.speaker_box, "group")
        qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
        qtbot.keyClicks(view.text_box, words)
        qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    view.recent.setFocus()
    qtbot.keyClick(view.recent, Qt.Key.Key_Home)
    qtbot.keyClick(view.recent, Qt.Key.Key_Down)  # the older one
    qtbot.keyClick(view.recent, Qt.Key.Key_Space)

    assert [(c.text, c.in_summary) for c in room.contributions()] == [
        ("Buses stop at six", True),
        ("Respite is hard to book", False),
    ]
    assert view.message.text() == (
        "In the easy-read summary: Buses stop at six (Space again takes it out)"
    )
    assert view.recent.item(1).text().endswith("(in the easy-read summary)")
    qtbot.keyClick(view.recent, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.in_summary for c in room.contributions()] == [False, False]
    assert view.message.text().startswith("Undone: Put 'Buses stop at six'")


@popups
def test_meeting_mode_carries_on_at_the_item_and_time_where_it_was_left(
    qtbot: QtBot, room: Room
) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    assert "1 of 2" in view.item_label.text()
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.item_label.text() == "Now: 2 of 2. Transport"
    qtbot.wait(1100)  # a second on Transport
    view.close()
    position = room.services.capture.load_position(room.session.id)
    assert position is not None and position.agenda_item_id == room.transport.id
    assert position.seconds_on(room.transport.id) >= 1

    # Some minutes later (as kept), the view opens on Transport with its time so far.
    room.services.capture.save_position(
        room.session.id,
        replace_seconds(position, room.transport.id, 95),
    )
    again = open_view(qtbot, room.services, room.session.id)
    assert again.item_label.text() == "Now: 2 of 2. Transport"
    assert again.timer_label.text().startswith("1:3")  # 1:35, or a second more
    assert again.message.text() == "Carried on where you left off: item 2 of 2, 1:35 on it."
    # Back to Respite: its own time goes on from where it was.
    qtbot.keyClick(again.speaker_box, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert again.seconds_on_item() == position.seconds_on(room.respite.id)


def replace_seconds(position, item_id: int, seconds: int):  # type: ignore[no-untyped-def]
    from coproduce.services.capture import CapturePosition

    kept = dict(position.seconds)
    kept[item_id] = seconds
    return CapturePosition(position.agenda_item_id, tuple(sorted(kept.items())))


def focus_ring(qtbot: QtBot, view: CaptureView, key: Qt.Key) -> list[str]:
    """Press ``key`` from Speaker until the keyboard is back on Speaker (at most 60 times);
    the accessible names of the controls visited, in order."""
    view.speaker_box.setFocus()
    visited: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)
        widget = QApplication.focusWidget()
        assert widget is not None and view.isAncestorOf(widget), "Tab left the view"
        if widget is view.speaker_box:
            return visited
        visited.append(widget.accessibleName())
    raise AssertionError(f"Tab never came back to Speaker: {visited[-8:]}")


@popups
def test_tab_goes_round_meeting_mode_and_comes_back_to_speaker(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    forwards = focus_ring(qtbot, view, Qt.Key.Key_Tab)
    assert forwards == [
        "Kind",
        "What was said",
        "Put this one in the easy-read summary",
        "Link to this item's documents",
        "Making it Real themes",
        "CQC quality statements",
        "Captured so far, newest first",
        "Next agenda items",
        "Present, and whether quoted by name",
        "Arrived late",
        "Left early",
        "Action to do",
        "Action owner",
        "Due on",
        "Add action",
        "Text size",
    ]
    backwards = focus_ring(qtbot, view, Qt.Key.Key_Backtab)
    assert backwards == list(reversed(forwards))


@popups
def test_enter_on_a_next_item_goes_to_it(qtbot: QtBot, room: Room) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    view.next_list.setFocus()
    qtbot.keyClick(view.next_list, Qt.Key.Key_Return)
    assert view.item_label.text() == "Now: 2 of 2. Transport"
    assert view.speaker_box.hasFocus()


@popups
def test_every_step_is_shown_and_announced_to_a_screen_reader(
    qtbot: QtBot, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    announced: list[str] = []

    def record(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            announced.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    view = open_view(qtbot, room.services, room.session.id)
    alt = Qt.KeyboardModifier.AltModifier

    def step(expected: str, *keys: tuple[QWidget, Qt.Key, Qt.KeyboardModifier]) -> None:
        for widget, key, modifiers in keys:
            qtbot.keyClick(widget, key, modifiers)
        assert view.message.text() == expected
        assert announced[-1] == expected, "what is shown is also said"

    none = Qt.KeyboardModifier.NoModifier
    qtbot.keyClicks(view.speaker_box, "ann")
    step(
        "Speaker: Ann Ames: agreed to be quoted by name.",
        (view.speaker_box, Qt.Key.Key_Return, none),
    )
    step("Kind: Question.", (view.text_box, Qt.Key.Key_Q, alt))
    step("Not linked to this item's documents.", (view.text_box, Qt.Key.Key_K, alt))
    qtbot.keyClicks(view.text_box, "Who pays")
    step("Saved: Who pays", (view.text_box, Qt.Key.Key_Return, none))
    step(
        "Now: 2 of 2. Transport",
        (view.speaker_box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
    )
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_L, alt)
    qtbot.keyClicks(view.late_box, "cat")
    step(
        "Cat Cole arrived late: marked present, and can be chosen as speaker.",
        (view.late_box, Qt.Key.Key_Return, none),
    )
    qtbot.keyClick(view.late_box, Qt.Key.Key_Y, alt)
    qtbot.keyClicks(view.left_box, "ben")
    step("Ben Bell left early.", (view.left_box, Qt.Key.Key_Return, none))
    qtbot.keyClick(view.left_box, Qt.Key.Key_A, alt)
    qtbot.keyClicks(view.action_text, "Send the leaflet")
    step("Action added: Send the leaflet", (view.action_text, Qt.Key.Key_Return, none))
    step(
        "Undone: Add action 'Send the leaflet'.",
        (view.action_text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    )
    view.speaker_box.setFocus()
    qtbot.keyClicks(view.speaker_box, "zed")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    assert announced[-1] == view.message.text() == "Nobody present matches 'zed'."


@popups
def test_text_is_larger_by_default_and_its_size_is_remembered(qtbot: QtBot, room: Room) -> None:
    base = QApplication.font().pointSizeF()
    view = open_view(qtbot, room.services, room.session.id)
    assert view.size_box.currentText() == "125%"
    assert view.text_box.font().pointSizeF() == pytest.approx(base * 1.25)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.size_box.currentText() == "150%"
    assert view.text_box.font().pointSizeF() == pytest.approx(base * 1.5)
    assert view.message.text() == "Text size 150%."
    view.close()

    again = open_view(qtbot, room.services, room.session.id)
    assert again.size_box.currentText() == "150%"
    assert again.recent.font().pointSizeF() == pytest.approx(base * 1.5)
    qtbot.keyClick(again.speaker_box, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(again.speaker_box, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.size_box.currentText() == "100%"


@popups
def test_meeting_mode_fits_a_council_laptop_at_every_text_size(
    qtbot: QtBot, demo_services: Services
) -> None:
    from coproduce.domain.vocabulary import MeetingStatus
    from coproduce.ui.capture.text_size import SIZES

    busiest = max(
        (m for m in demo_services.meetings.list().items if m.status is MeetingStatus.WRITTEN_UP),
        key=lambda m: len(demo_services.meetings.agenda(m.id)),
    )
    view = open_view(qtbot, demo_services, busiest.id)
    for percent in SIZES:
        view.set_text_size(percent)
        hint = view.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (percent, hint)


@popups
def test_a_session_not_started_yet_runs_only_after_asking(
    qtbot: QtBot, services: Services, prompts: ScriptedPrompts
) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=14)
    later = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Forum in a fortnight",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    context = WindowContext(services, QUndoStack(), DataChanges())

    prompts.expect_go_on(False)
    declined = CaptureView(context, later.id)
    qtbot.addWidget(declined)
    declined.show()
    assert "has not started yet" in prompts.shown[-1].text
    assert declined.declined and not declined.isVisible()

    prompts.expect_go_on(True)
    view = open_view(qtbot, services, later.id)
    assert view.isVisible() and not view.declined
