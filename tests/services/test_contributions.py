"""Contributions, their links to documents and their responses, on both databases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP
from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    AgendaItem,
    Attendance,
    Consent,
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Link,
    Meeting,
    Person,
    Response,
    Section,
    replace,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    CqcQualityStatement,
    FeedbackMethod,
    LadderRung,
    LinkRelation,
    MakingItRealTheme,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter

STARTS = datetime(2026, 3, 10, 10, 0)


@dataclass
class Room:
    """A held session with Ann marked present and Bob sending apologies."""

    meeting: Meeting
    ann: Person
    bob: Person


def hold_session(services: Services, title: str = "March session") -> Room:
    group = services.groups.create(Group(name=f"Reference group for {title}"))
    ann = services.people.create(Person(display_name=f"Ann Patel ({title})"))
    bob = services.people.create(Person(display_name=f"Bob Reid ({title})"))
    with services.store.transaction() as unit:
        meeting = unit.meetings.add(
            Meeting(
                group_id=group.id,
                title=title,
                starts_at=STARTS,
                ends_at=STARTS + timedelta(hours=2),
            )
        )
        unit.attendance.add(
            Attendance(meeting_id=meeting.id, person_id=ann.id, status=AttendanceStatus.PRESENT)
        )
        unit.attendance.add(
            Attendance(
                meeting_id=meeting.id,
                person_id=bob.id,
                status=AttendanceStatus.APOLOGIES,
                apology_reason="Hospital appointment",
            )
        )
    return Room(meeting=meeting, ann=ann, bob=bob)


def said(services: Services, room: Room, text: str = "More short breaks, please") -> Contribution:
    return services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id,
            text=text,
            attribution=Attribution.PERSON,
            speaker_id=room.ann.id,
        )
    )


def strategy_with_sections(services: Services, *headings: str) -> tuple[Document, list[Section]]:
    document = services.documents.create(Document(title="Carers' strategy 2026-2029"))
    sections = [
        services.documents.add_section(Section(document_id=document.id, heading=h))
        for h in headings
    ]
    return document, sections


# --- contributions -----------------------------------------------------------------------


def test_a_contribution_from_someone_not_marked_present_is_refused(services: Services) -> None:
    room = hold_session(services)
    with pytest.raises(ValidationError, match="not marked present") as error:
        services.contributions.add(
            Contribution(
                meeting_id=room.meeting.id,
                text="The forms are too long",
                attribution=Attribution.PERSON,
                speaker_id=room.bob.id,
            )
        )
    assert error.value.field == "speaker_id"
    assert "Mark them present first" in error.value.message
    assert room.bob.display_name in error.value.message
    assert services.contributions.list(ContributionFilter(meeting_id=room.meeting.id)).total == 0


def test_someone_not_on_the_attendance_list_at_all_cannot_be_the_speaker(
    services: Services,
) -> None:
    room = hold_session(services)
    stranger = services.people.create(Person(display_name="Chris Stranger"))
    with pytest.raises(ValidationError, match="not marked present"):
        services.contributions.add(
            Contribution(
                meeting_id=room.meeting.id,
                text="Hello",
                attribution=Attribution.PERSON,
                speaker_id=stranger.id,
            )
        )


def test_a_named_contribution_is_kept_with_its_speaker_and_capture_time(
    services: Services,
) -> None:
    room = hold_session(services)
    before = datetime.now().replace(microsecond=0)
    saved = said(services, room)
    assert saved.id is not None and saved.version == 1
    assert saved.captured_at is not None and saved.captured_at >= before
    again = services.contributions.get(saved.id)
    assert again == saved
    assert (again.speaker_id, again.attribution) == (room.ann.id, Attribution.PERSON)


def test_anonymous_and_whole_group_contributions_need_no_speaker(services: Services) -> None:
    room = hold_session(services)
    anonymous = services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id,
            text="I was scared to ask for help",
            kind=ContributionKind.EXPERIENCE,
            attribution=Attribution.ANONYMOUS,
        )
    )
    whole_group = services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id,
            text="We agree the leaflet should be easy read",
            kind=ContributionKind.DECISION,
            attribution=Attribution.WHOLE_GROUP,
        )
    )
    assert services.contributions.get(anonymous.id).speaker_id is None
    assert services.contributions.get(whole_group.id).attribution is Attribution.WHOLE_GROUP
    assert services.contributions.ids(ContributionFilter(meeting_id=room.meeting.id)) == [
        anonymous.id,
        whole_group.id,
    ]


def test_a_whole_group_contribution_cannot_have_one_speaker(services: Services) -> None:
    room = hold_session(services)
    with pytest.raises(ValidationError) as error:
        services.contributions.add(
            Contribution(
                meeting_id=room.meeting.id,
                text="We all agree",
                attribution=Attribution.WHOLE_GROUP,
                speaker_id=room.ann.id,
            )
        )
    assert error.value.field == "speaker_id"


def test_themes_and_cqc_statements_are_kept_and_can_be_changed(services: Services) -> None:
    room = hold_session(services)
    saved = services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id,
            text="Nobody told me about carers' assessments",
            kind=ContributionKind.CONCERN,
            attribution=Attribution.ANONYMOUS,
            themes=frozenset(
                {
                    MakingItRealTheme.INFORMATION_AND_ADVICE,
                    MakingItRealTheme.WELLBEING_AND_INDEPENDENCE,
                }
            ),
            quality_statements=frozenset({CqcQualityStatement.ASSESSING_NEEDS}),
        )
    )
    again = services.contributions.get(saved.id)
    assert again.themes == {
        MakingItRealTheme.INFORMATION_AND_ADVICE,
        MakingItRealTheme.WELLBEING_AND_INDEPENDENCE,
    }
    assert again.quality_statements == {CqcQualityStatement.ASSESSING_NEEDS}

    changed = services.contributions.update(
        replace(
            again,
            themes=frozenset({MakingItRealTheme.WORKFORCE}),
            quality_statements=frozenset(
                {CqcQualityStatement.EQUITY_IN_EXPERIENCE, CqcQualityStatement.SAFEGUARDING}
            ),
        )
    )
    again = services.contributions.get(saved.id)
    assert again == changed
    assert again.themes == {MakingItRealTheme.WORKFORCE}
    assert again.quality_statements == {
        CqcQualityStatement.EQUITY_IN_EXPERIENCE,
        CqcQualityStatement.SAFEGUARDING,
    }


def test_an_agenda_item_of_another_session_is_refused(services: Services) -> None:
    room = hold_session(services)
    other = hold_session(services, "April session")
    with services.store.transaction() as unit:
        elsewhere = unit.agenda_items.add(
            AgendaItem(meeting_id=other.meeting.id, title="Transport")
        )
        here = unit.agenda_items.add(AgendaItem(meeting_id=room.meeting.id, title="Short breaks"))
    with pytest.raises(ValidationError, match="belongs to another session") as error:
        services.contributions.add(
            Contribution(meeting_id=room.meeting.id, text="Buses", agenda_item_id=elsewhere.id)
        )
    assert error.value.field == "agenda_item_id"
    saved = services.contributions.add(
        Contribution(meeting_id=room.meeting.id, text="Weekends", agenda_item_id=here.id)
    )
    assert services.contributions.ids(ContributionFilter(agenda_item_id=here.id)) == [saved.id]


def test_a_contribution_for_a_session_that_does_not_exist_is_refused(services: Services) -> None:
    with pytest.raises(NotFoundError, match="Session 999"):
        services.contributions.add(Contribution(meeting_id=999, text="Hello"))


def test_editing_the_text_is_allowed_after_the_attendance_changed(services: Services) -> None:
    room = hold_session(services)
    saved = said(services, room)
    with services.store.transaction() as unit:
        attendance = unit.attendance.find(room.meeting.id, room.ann.id)
        unit.attendance.update(replace(attendance, status=AttendanceStatus.ABSENT))
    fixed = services.contributions.update(replace(saved, text="More short breaks at weekends"))
    assert fixed.text == "More short breaks at weekends"
    with pytest.raises(ValidationError, match="not marked present"):
        services.contributions.update(replace(fixed, speaker_id=room.bob.id))


def test_contributions_are_listed_by_speaker_and_by_linked_document(services: Services) -> None:
    room = hold_session(services)
    first = said(services, room, "Short breaks")
    second = said(services, room, "Transport")
    third = services.contributions.add(
        Contribution(meeting_id=room.meeting.id, text="Anonymous worry")
    )
    document, (breaks, transport) = strategy_with_sections(services, "Short breaks", "Transport")
    services.contributions.link(Link(contribution_id=first.id, document_id=document.id))
    services.contributions.link(
        Link(contribution_id=first.id, document_id=document.id, section_id=breaks.id)
    )
    services.contributions.link(
        Link(contribution_id=third.id, document_id=document.id, section_id=transport.id)
    )
    by_document = services.contributions.list(ContributionFilter(document_id=document.id))
    assert [c.id for c in by_document.items] == [first.id, third.id]
    assert by_document.total == 2
    assert services.contributions.ids(ContributionFilter(speaker_id=room.ann.id)) == [
        first.id,
        second.id,
    ]
    page = services.contributions.list(
        ContributionFilter(meeting_id=room.meeting.id), offset=1, limit=1
    )
    assert (page.total, [c.id for c in page.items]) == (3, [second.id])


def test_deleting_a_contribution_takes_its_links_and_response(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    link = services.contributions.link(
        Link(contribution_id=contribution.id, document_id=document.id, section_id=section.id)
    )
    services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=section.id,
            text="We added weekend short breaks",
        )
    )
    services.contributions.delete(contribution.id)
    with pytest.raises(NotFoundError):
        services.contributions.get(contribution.id)
    assert services.contributions.links_to(document.id) == []
    with services.store.transaction() as unit:
        assert not unit.links.exists(link.id)
        assert unit.responses.for_contribution(contribution.id) is None
    services.documents.delete(document.id)  # nothing holds the document any more


def test_a_contribution_cited_as_ladder_evidence_cannot_be_deleted(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document = services.documents.create(Document(title="Transport policy"))
    services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=LadderRung.ENGAGEMENT,
            assessed_on=date(2026, 3, 20),
            assessor_name="Co-production lead",
            evidence_contribution_ids=(contribution.id,),
        )
    )
    with pytest.raises(ValidationError, match="evidence for 1 ladder assessment"):
        services.contributions.delete(contribution.id)
    assert services.contributions.get(contribution.id).text == contribution.text


# --- links -------------------------------------------------------------------------------


def test_linking_never_changes_the_response(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    answered = services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.UNDER_CONSIDERATION,
            text="The commissioning team are looking at this",
        )
    )
    link = services.contributions.link(
        Link(
            contribution_id=contribution.id,
            document_id=document.id,
            relation=LinkRelation.INFLUENCED,
        )
    )
    services.contributions.update_link(replace(link, section_id=section.id, note="Para 2"))
    assert services.contributions.response_of(contribution.id) == answered
    services.contributions.unlink(link.id)
    assert services.contributions.response_of(contribution.id) == answered

    unanswered = said(services, room, "Another idea")
    services.contributions.link(Link(contribution_id=unanswered.id, document_id=document.id))
    response = services.contributions.response_of(unanswered.id)
    assert (response.id, response.status) == (None, ResponseStatus.NOT_ANSWERED)


def test_the_same_document_and_section_cannot_be_linked_twice(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    services.contributions.link(
        Link(contribution_id=contribution.id, document_id=document.id, section_id=section.id)
    )
    with pytest.raises(ValidationError, match="already linked to the whole document"):
        services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    with pytest.raises(ValidationError, match="already linked to section 'Short breaks'"):
        services.contributions.link(
            Link(contribution_id=contribution.id, document_id=document.id, section_id=section.id)
        )
    assert len(services.contributions.links_of(contribution.id)) == 2


def test_a_link_to_a_section_of_another_document_is_refused(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, _ = strategy_with_sections(services, "Short breaks")
    other = services.documents.create(Document(title="Transport policy"))
    buses = services.documents.add_section(Section(document_id=other.id, heading="Buses"))
    with pytest.raises(ValidationError, match="not part of") as error:
        services.contributions.link(
            Link(contribution_id=contribution.id, document_id=document.id, section_id=buses.id)
        )
    assert error.value.field == "section_id"
    with pytest.raises(NotFoundError):
        services.contributions.link(Link(contribution_id=contribution.id, document_id=12345))


# --- responses ---------------------------------------------------------------------------


def test_not_taken_forward_needs_a_reason(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    with pytest.raises(ValidationError, match="Say why") as error:
        services.contributions.respond(
            Response(contribution_id=contribution.id, status=ResponseStatus.NOT_TAKEN_FORWARD)
        )
    assert error.value.field == "reason"
    saved = services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.NOT_TAKEN_FORWARD,
            reason="The budget for 2026 is already set; we will look again next year.",
            decided_by="Head of commissioning",
            decided_on=date(2026, 4, 1),
        )
    )
    assert services.contributions.response_of(contribution.id) == saved


def test_outside_scope_needs_where_it_was_referred(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room, "The GP surgery never answers the phone")
    with pytest.raises(ValidationError) as error:
        services.contributions.respond(
            Response(contribution_id=contribution.id, status=ResponseStatus.OUTSIDE_SCOPE)
        )
    assert error.value.field == "referred_to"
    saved = services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.OUTSIDE_SCOPE,
            referred_to="Healthwatch",
        )
    )
    assert saved.referred_to == "Healthwatch"


def test_changed_the_document_must_name_a_section_of_a_linked_document(
    services: Services,
) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    changed = Response(
        contribution_id=contribution.id,
        status=ResponseStatus.CHANGED_DOCUMENT,
        text="We added weekend short breaks",
    )
    with pytest.raises(ValidationError, match="Choose the section") as error:
        services.contributions.respond(changed)
    assert error.value.field == "section_id"
    with pytest.raises(ValidationError, match="not linked to 'Carers' strategy") as error:
        services.contributions.respond(replace(changed, section_id=section.id))
    assert error.value.field == "section_id"
    assert services.contributions.response_of(contribution.id).id is None

    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    saved = services.contributions.respond(replace(changed, section_id=section.id))
    assert services.contributions.response_of(contribution.id) == saved
    assert saved.section_id == section.id


def test_a_response_is_updated_in_place_and_a_stale_edit_is_refused(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    first = services.contributions.respond(
        Response(contribution_id=contribution.id, status=ResponseStatus.UNDER_CONSIDERATION)
    )
    later = services.contributions.respond(
        replace(first, status=ResponseStatus.ALREADY_HAPPENING, text="Weekend breaks exist")
    )
    assert later.id == first.id and later.version == first.version + 1
    with pytest.raises(ConflictError):
        services.contributions.respond(replace(first, text="An older edit"))
    with pytest.raises(ConflictError):  # a second "new" answer while one exists
        services.contributions.respond(
            Response(contribution_id=contribution.id, status=ResponseStatus.UNDER_CONSIDERATION)
        )
    assert services.contributions.response_of(contribution.id) == later


def test_several_contributions_are_answered_at_once(services: Services) -> None:
    room = hold_session(services)
    first = said(services, room, "Short breaks at weekends")
    second = said(services, room, "Short breaks in the holidays")
    services.contributions.respond(
        Response(contribution_id=second.id, status=ResponseStatus.UNDER_CONSIDERATION)
    )
    template = Response(
        contribution_id=0,
        status=ResponseStatus.ALREADY_HAPPENING,
        text="The short breaks service already opens at weekends and in the holidays.",
        decided_by="Commissioning team",
        decided_on=date(2026, 4, 2),
    )
    saved = services.contributions.respond_to_many([first.id, second.id], template)
    assert [r.contribution_id for r in saved] == [first.id, second.id]
    for contribution in (first, second):
        response = services.contributions.response_of(contribution.id)
        assert response.status is ResponseStatus.ALREADY_HAPPENING
        assert response.text == template.text


def test_answering_several_at_once_changes_none_when_one_is_refused(services: Services) -> None:
    room = hold_session(services)
    linked = said(services, room, "Linked idea")
    not_linked = said(services, room, "Idea about something else")
    document, (section,) = strategy_with_sections(services, "Short breaks")
    services.contributions.link(Link(contribution_id=linked.id, document_id=document.id))
    template = Response(
        contribution_id=0,
        status=ResponseStatus.CHANGED_DOCUMENT,
        section_id=section.id,
        text="We changed the short breaks section",
    )
    with pytest.raises(ValidationError, match="not linked"):
        services.contributions.respond_to_many([linked.id, not_linked.id], template)
    assert services.contributions.response_of(linked.id).id is None
    assert services.contributions.response_of(not_linked.id).id is None


def test_feedback_to_the_group_is_recorded_for_answered_contributions_only(
    services: Services,
) -> None:
    room = hold_session(services)
    answered = said(services, room, "Answered")
    unanswered = said(services, room, "Not answered")
    services.contributions.respond(
        Response(
            contribution_id=answered.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 4, 1),
        )
    )
    with pytest.raises(ValidationError, match="1 of these contributions have no response"):
        services.contributions.mark_fed_back(
            [answered.id, unanswered.id], date(2026, 5, 12), FeedbackMethod.AT_SESSION
        )
    assert services.contributions.response_of(answered.id).fed_back_on is None
    with pytest.raises(ValidationError) as error:
        services.contributions.mark_fed_back(
            [answered.id], date(2026, 3, 1), FeedbackMethod.AT_SESSION
        )
    assert error.value.field == "fed_back_on"

    (fed_back,) = services.contributions.mark_fed_back(
        [answered.id], date(2026, 5, 12), FeedbackMethod.EASY_READ_SUMMARY
    )
    again = services.contributions.response_of(answered.id)
    assert again == fed_back
    assert (again.fed_back_on, again.fed_back_how) == (
        date(2026, 5, 12),
        FeedbackMethod.EASY_READ_SUMMARY,
    )


def test_a_link_cannot_be_removed_while_the_response_names_its_section(
    services: Services,
) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    link = services.contributions.link(
        Link(contribution_id=contribution.id, document_id=document.id)
    )
    response = services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=section.id,
        )
    )
    [link] = services.contributions.links_of(contribution.id)  # now "Influenced"
    with pytest.raises(ValidationError, match="Change the response first"):
        services.contributions.unlink(link.id)
    assert services.contributions.links_of(contribution.id) == [link]
    services.contributions.respond(
        replace(response, status=ResponseStatus.UNDER_CONSIDERATION, section_id=None)
    )
    services.contributions.unlink(link.id)
    assert services.contributions.links_of(contribution.id) == []


# --- attribution -------------------------------------------------------------------------


def test_a_name_is_shown_only_while_consent_to_be_quoted_by_name_is_in_force(
    services: Services,
) -> None:
    room = hold_session(services)
    named = said(services, room, "More short breaks")
    anonymous = services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id,
            text="I was scared to ask",
            attribution=Attribution.ANONYMOUS,
            speaker_id=room.ann.id,
        )
    )
    whole = services.contributions.add(
        Contribution(
            meeting_id=room.meeting.id, text="We all agree", attribution=Attribution.WHOLE_GROUP
        )
    )
    ids = [named.id, anonymous.id, whole.id]
    assert services.contributions.display_speakers(ids) == {
        named.id: GROUP_MEMBER,
        anonymous.id: GROUP_MEMBER,
        whole.id: WHOLE_GROUP,
    }

    services.people.record_consent(
        Consent(
            person_id=room.ann.id,
            purpose=ConsentPurpose.QUOTED_BY_NAME,
            state=ConsentState.GIVEN,
            on=date.today() - timedelta(days=30),
        )
    )
    assert services.contributions.display_speakers(ids) == {
        named.id: room.ann.display_name,
        anonymous.id: GROUP_MEMBER,
        whole.id: WHOLE_GROUP,
    }

    services.people.withdraw_consent(room.ann.id, ConsentPurpose.QUOTED_BY_NAME)
    assert services.contributions.display_speakers([named.id])[named.id] == GROUP_MEMBER


def test_a_speaker_with_contributions_cannot_be_marked_absent_afterwards(
    services: Services,
) -> None:
    group = services.groups.create(Group(name="Speakers' group"))
    person = services.people.create(Person(display_name="Dee"))
    services.groups.add_member(group.id, person.id, date(2020, 1, 1))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="June session",
            starts_at=datetime(2026, 6, 2, 10),
            ends_at=datetime(2026, 6, 2, 12),
        )
    )
    services.meetings.mark_attendance(meeting.id, person.id, AttendanceStatus.PRESENT)
    services.contributions.add(
        Contribution(
            meeting_id=meeting.id,
            text="The bus to the day centre is always late.",
            attribution=Attribution.PERSON,
            speaker_id=person.id,
        )
    )
    with pytest.raises(ValidationError, match="must stay marked present") as error:
        services.meetings.mark_attendance(meeting.id, person.id, AttendanceStatus.ABSENT)
    assert error.value.field == "status"
    [mark] = services.meetings.attendance(meeting.id)
    with pytest.raises(ValidationError, match="must stay marked present"):
        services.meetings.clear_attendance(mark.id)
    assert services.meetings.present_person_ids(meeting.id) == {person.id}
