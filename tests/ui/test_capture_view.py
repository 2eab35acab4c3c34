"""Meeting mode, driven by the keyboard: speaker by letters, kind by one key, Enter saves and
clears, links to the item's documents, tags, consent in the room, an action and a late
arrival without leaving the view, and the draft restored when the view opens again."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
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
def test_alt_m_puts_the_contribution_just_captured_in_the_easy_read_summary(
    qtbot: QtBot, room: Room
) -> None:
    view = open_view(qtbot, room.services, room.session.id)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert view.message.text() == "Nothing captured yet: Alt+M chooses the last one captured."
    for words in ("Buses stop at six", "Respite is hard to book"):
        qtbot.keyClicks(view.speaker_box, "group")
        qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
        qtbot.keyClicks(view.text_box, words)
        qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)

    assert [(c.text, c.in_summary) for c in room.contributions()] == [
        ("Buses stop at six", False),
        ("Respite is hard to book", True),
    ]
    assert view.recent.item(0).text() == (
        "Idea. The whole group: Respite is hard to book (in the easy-read summary)"
    )
    assert view.message.text().startswith("In the easy-read summary: Respite is hard to book")
    assert chosen_for_summary(room.services, room.session.id) == ["Respite is hard to book"]

    # Ctrl+Z takes it out again; Alt+M twice puts it in and takes it out.
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.in_summary for c in room.contributions()] == [False, False]
    assert view.recent.item(0).text() == "Idea. The whole group: Respite is hard to book"
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert [c.in_summary for c in room.contributions()] == [False, False]
    assert view.message.text() == "Taken out of the easy-read summary: Respite is hard to book"
