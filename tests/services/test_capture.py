"""Meeting mode's service: speakers with their consent, capture linked to the item's
documents, the register from the room, and drafts kept per facilitator."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import (
    AgendaItem,
    Consent,
    Contribution,
    Document,
    Group,
    Meeting,
    Person,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    LinkRelation,
)
from coproduce.services import Services
from coproduce.services.capture import CaptureDraft, CapturePosition

JOINED = date(2025, 1, 1)


class Room:
    """A forum session with an agenda item about two documents; Ann (quoted by name) and Ben
    present, Cat expected but not there yet."""

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
        self.item = services.meetings.add_agenda_item(
            AgendaItem(
                meeting_id=self.session.id,
                title="Respite",
                document_ids=(self.strategy.id, self.charging.id),
            )
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

    def said(self, text: str, **fields: object) -> Contribution:
        return Contribution(meeting_id=self.session.id, text=text, **fields)  # type: ignore[arg-type]


def test_speakers_are_those_present_each_with_their_quoted_by_name_consent(
    services: Services,
) -> None:
    room = Room(services)
    speakers = services.capture.speakers(room.session.id)
    assert [(s.name, s.quoted_by_name) for s in speakers] == [
        ("Ann Ames", True),
        ("Ben Bell", False),
    ]
    assert services.capture.not_present(room.session.id) == [(room.cat.id, "Cat Cole")]


def test_a_captured_contribution_is_linked_to_each_document_of_its_agenda_item(
    services: Services,
) -> None:
    room = Room(services)
    saved = services.capture.capture(
        room.said(
            "Respite is hard to book",
            kind=ContributionKind.CONCERN,
            attribution=Attribution.PERSON,
            speaker_id=room.ben.id,
            agenda_item_id=room.item.id,
        )
    )
    links = services.contributions.links_of(saved.id)
    assert {link.document_id for link in links} == {room.strategy.id, room.charging.id}
    assert {link.relation for link in links} == {LinkRelation.CONSIDERED}
    assert services.contributions.get(saved.id).speaker_id == room.ben.id


def test_capture_without_linking_leaves_the_documents_alone(services: Services) -> None:
    room = Room(services)
    saved = services.capture.capture(
        room.said("An aside", agenda_item_id=room.item.id), link_documents=False
    )
    assert services.contributions.links_of(saved.id) == []


def test_a_speaker_not_present_is_refused_and_nothing_is_saved(services: Services) -> None:
    room = Room(services)
    with pytest.raises(ValidationError, match="not marked present"):
        services.capture.capture(
            room.said(
                "I was not here",
                attribution=Attribution.PERSON,
                speaker_id=room.cat.id,
                agenda_item_id=room.item.id,
            )
        )
    assert services.capture.recent(room.session.id) == []


def test_the_recent_list_names_only_speakers_who_agreed_newest_first(services: Services) -> None:
    room = Room(services)
    for text, speaker, attribution in [
        ("First", room.ann, Attribution.PERSON),
        ("Second", room.ben, Attribution.PERSON),
        ("Third", None, Attribution.WHOLE_GROUP),
        ("Fourth", room.ann, Attribution.ANONYMOUS),
    ]:
        services.capture.capture(
            room.said(text, attribution=attribution, speaker_id=speaker.id if speaker else None)
        )
    shown = [(e.contribution.text, e.shown_as) for e in services.capture.recent(room.session.id)]
    assert shown == [
        ("Fourth", "A group member said"),
        ("Third", "The whole group"),
        ("Second", "A group member said"),
        ("First", "Ann Ames"),
    ]
    assert [e.contribution.text for e in services.capture.recent(room.session.id, 2)] == [
        "Fourth",
        "Third",
    ]


def test_a_late_arrival_is_marked_present_and_can_then_speak(services: Services) -> None:
    room = Room(services)
    mark = services.capture.mark_arrived_late(room.session.id, room.cat.id)
    assert (mark.status, mark.arrived_late) == (AttendanceStatus.PRESENT, True)
    assert room.cat.id in services.meetings.present_person_ids(room.session.id)
    services.capture.capture(
        room.said("Sorry I'm late", attribution=Attribution.PERSON, speaker_id=room.cat.id)
    )


def test_an_early_leave_keeps_the_rest_of_the_mark(services: Services) -> None:
    room = Room(services)
    services.meetings.mark_attendance(
        room.session.id, room.ben.id, AttendanceStatus.PRESENT, note="Brought a carer"
    )
    mark = services.capture.mark_left_early(room.session.id, room.ben.id)
    assert (mark.status, mark.left_early, mark.note) == (
        AttendanceStatus.PRESENT,
        True,
        "Brought a carer",
    )
    with pytest.raises(ValidationError, match="not marked present"):
        services.capture.mark_left_early(room.session.id, room.cat.id)


def test_a_draft_is_kept_restored_and_discarded_when_captured(services: Services) -> None:
    room = Room(services)
    assert services.capture.load_draft(room.session.id) is None
    draft = CaptureDraft("Buses stop at six — café closes", "ann", ContributionKind.QUESTION)
    services.capture.save_draft(room.session.id, draft)
    assert services.capture.load_draft(room.session.id) == draft
    services.capture.capture(room.said("Buses stop at six"))
    assert services.capture.load_draft(room.session.id) is None


def test_drafts_belong_to_the_facilitator_who_typed_them(services: Services) -> None:
    room = Room(services)
    services.capture.save_draft(room.session.id, CaptureDraft("Mine"))
    other = Services(services.database, actor="Another Facilitator")
    assert other.capture.load_draft(room.session.id) is None
    other.capture.save_draft(room.session.id, CaptureDraft("Theirs"))
    assert services.capture.load_draft(room.session.id) == CaptureDraft("Mine")


def test_an_empty_box_discards_the_draft(services: Services) -> None:
    room = Room(services)
    services.capture.save_draft(room.session.id, CaptureDraft("Something"))
    services.capture.save_draft(room.session.id, CaptureDraft("  "))
    assert services.capture.load_draft(room.session.id) is None
    services.capture.discard_draft(room.session.id)  # nothing left: no error


def test_the_draft_keeps_what_the_marking_keys_chose_for_it(services: Services) -> None:
    room = Room(services)
    draft = CaptureDraft("Buses stop at six", "group", ContributionKind.CONCERN, in_summary=True)
    services.capture.save_draft(room.session.id, draft)
    assert services.capture.load_draft(room.session.id) == draft


def test_where_meeting_mode_was_left_is_kept_per_facilitator_and_session(
    services: Services,
) -> None:
    room = Room(services)
    later = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=room.session.id, title="Transport")
    )
    assert services.capture.load_position(room.session.id) is None
    position = CapturePosition(later.id, ((room.item.id, 1250), (later.id, 95)))
    services.capture.save_position(room.session.id, position)

    assert services.capture.load_position(room.session.id) == position
    assert position.seconds_on(room.item.id) == 1250
    other = Services(services.database, actor="Another Facilitator")
    assert other.capture.load_position(room.session.id) is None
    # Capturing keeps the place (only the words typed are discarded).
    services.capture.capture(room.said("Buses stop at six"))
    assert services.capture.load_position(room.session.id) == position


def test_a_position_on_an_agenda_item_deleted_since_starts_again_at_the_top(
    services: Services,
) -> None:
    room = Room(services)
    later = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=room.session.id, title="Transport")
    )
    services.capture.save_position(
        room.session.id, CapturePosition(later.id, ((room.item.id, 60), (later.id, 30)))
    )
    services.meetings.delete_agenda_item(later.id)
    assert services.capture.load_position(room.session.id) == CapturePosition(
        None, ((room.item.id, 60),)
    )
