"""Sessions, their agenda and attendance through the real services on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Document,
    Group,
    Meeting,
    Person,
    replace,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    AuditAction,
    Cadence,
    MeetingStatus,
)
from coproduce.services import Services
from coproduce.services.meetings import AttendanceSummary, MeetingFilter
from coproduce.store.database import Database

JOINED = date(2025, 1, 1)


def plan(
    services: Services,
    group: Group,
    starts_at: datetime = datetime(2026, 3, 12, 10, 0),
    title: str = "March session",
    **fields: object,
) -> Meeting:
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            **fields,
        )
    )


def member(services: Services, group: Group, name: str, joined_on: date = JOINED) -> Person:
    person = services.people.create(Person(display_name=name))
    services.groups.add_member(group.id, person.id, joined_on)
    return person


@pytest.fixture
def group(services: Services) -> Group:
    return services.groups.create(Group(name="Carers' Forum", cadence=Cadence.EVERY_TWO_MONTHS))


# --- planning --------------------------------------------------------------------------


def test_a_session_is_planned_with_an_agenda_and_reordered(
    services: Services, group: Group
) -> None:
    facilitator = services.people.create(Person(display_name="Fran Facilitator"))
    session = plan(services, group, place="Town Hall, Room 2", facilitator_ids=(facilitator.id,))
    assert services.meetings.get(session.id) == session
    assert session.facilitator_ids == (facilitator.id,)

    for title in ("Welcome", "Carers' strategy", "Short breaks", "Any other business"):
        services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title=title))
    first = services.meetings.agenda(session.id)
    assert [(i.position, i.title) for i in first] == [
        (0, "Welcome"),
        (1, "Carers' strategy"),
        (2, "Short breaks"),
        (3, "Any other business"),
    ]

    short_breaks = first[2]
    moved = services.meetings.move_agenda_item(short_breaks.id, 1)
    assert [i.title for i in moved] == [
        "Welcome",
        "Short breaks",
        "Carers' strategy",
        "Any other business",
    ]
    assert [i.position for i in moved] == [0, 1, 2, 3]
    assert services.meetings.agenda(session.id) == moved

    to_end = services.meetings.move_agenda_item(first[0].id, 99)
    assert [i.title for i in to_end][-1] == "Welcome"
    inserted = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Apologies"), index=0
    )
    agenda = services.meetings.agenda(session.id)
    assert (inserted.position, agenda[0].title) == (0, "Apologies")
    assert [i.position for i in agenda] == [0, 1, 2, 3, 4]


def test_a_session_ending_before_it_starts_is_refused_beside_the_end_time(
    services: Services, group: Group
) -> None:
    starts = datetime(2026, 3, 12, 14, 0)
    with pytest.raises(ValidationError, match="ends before it starts") as error:
        services.meetings.create(
            Meeting(
                group_id=group.id,
                title="Backwards",
                starts_at=starts,
                ends_at=starts - timedelta(hours=1),
            )
        )
    assert error.value.field == "ends_at"
    assert services.meetings.list().total == 0


def test_no_session_can_be_planned_for_an_archived_group(services: Services, group: Group) -> None:
    services.groups.archive(group.id)
    with pytest.raises(ValidationError, match="archived") as error:
        plan(services, group)
    assert error.value.field == "group_id"
    with pytest.raises(NotFoundError, match="Group 9999 does not exist"):
        plan(services, replace(group, id=9999))


def test_facilitators_must_be_on_the_register(services: Services, group: Group) -> None:
    with pytest.raises(ValidationError, match="no longer on the register") as error:
        plan(services, group, facilitator_ids=(4242,))
    assert error.value.field == "facilitator_ids"


def test_sessions_are_listed_by_group_status_date_and_title(
    services: Services, group: Group
) -> None:
    board = services.groups.create(Group(name="Board"))
    january = plan(services, group, datetime(2026, 1, 8, 10), "January: short breaks")
    march = plan(services, group, datetime(2026, 3, 12, 10), "March: transport")
    other = plan(services, board, datetime(2026, 2, 5, 10), "Board meeting")
    services.meetings.set_status(january.id, MeetingStatus.HELD)

    assert services.meetings.ids() == [march.id, other.id, january.id]
    assert services.meetings.ids(MeetingFilter(newest_first=False)) == [
        january.id,
        other.id,
        march.id,
    ]
    assert services.meetings.ids(MeetingFilter(group_id=group.id)) == [march.id, january.id]
    assert services.meetings.ids(MeetingFilter(status=MeetingStatus.HELD)) == [january.id]
    between = MeetingFilter(starts_from=datetime(2026, 2, 1), starts_before=datetime(2026, 3, 12))
    assert services.meetings.ids(between) == [other.id]
    assert services.meetings.ids(MeetingFilter(text="SHORT")) == [january.id]
    page = services.meetings.list(MeetingFilter(), offset=1, limit=1)
    assert (page.total, [m.id for m in page.items]) == (3, [other.id])


def test_a_save_that_lost_a_race_on_a_session_is_refused(services: Services, group: Group) -> None:
    session = plan(services, group)
    services.meetings.update(replace(session, place="Library"))  # another user's save
    with pytest.raises(ConflictError, match="March session"):
        services.meetings.update(replace(session, notes="Bring the easy-read draft"))
    with pytest.raises(ConflictError):
        services.meetings.set_status(session.id, MeetingStatus.HELD, session.version)
    with pytest.raises(ConflictError):
        services.meetings.delete(session.id, session.version)
    again = services.meetings.get(session.id)
    assert (again.place, again.notes, again.status) == ("Library", "", MeetingStatus.PLANNED)


# --- deleting --------------------------------------------------------------------------


def test_a_session_with_contributions_cannot_be_deleted(services: Services, group: Group) -> None:
    session = plan(services, group)
    with services.store.transaction() as unit:
        for text in ("More respite at weekends", "Buses after 6pm"):
            unit.contributions.add(Contribution(meeting_id=session.id, text=text))
    services.actions.create(Action(meeting_id=session.id, text="Ask transport team"))

    with pytest.raises(ValidationError) as error:
        services.meetings.delete(session.id)
    message = error.value.message
    assert "2 contributions and 1 action" in message
    assert "Cancelled" in message
    assert services.meetings.get(session.id) == session

    cancelled = services.meetings.set_status(session.id, MeetingStatus.CANCELLED)
    assert cancelled.status is MeetingStatus.CANCELLED


def test_deleting_a_plain_session_removes_its_agenda_and_attendance(
    services: Services, group: Group
) -> None:
    ann = member(services, group, "Ann")
    session = plan(services, group)
    item = services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Welcome"))
    mark = services.meetings.mark_attendance(session.id, ann.id, AttendanceStatus.APOLOGIES)

    services.meetings.delete(session.id, session.version)

    with pytest.raises(NotFoundError, match="Session"):
        services.meetings.get(session.id)
    with pytest.raises(NotFoundError):
        services.meetings.get_agenda_item(item.id)
    with services.store.transaction() as unit:
        assert not unit.attendance.exists(mark.id)
        deleted = {
            (e.record_type, e.record_id)
            for e in unit.audit_events.list().items
            if e.action is AuditAction.DELETED
        }
    assert deleted == {("meeting", session.id), ("agenda_item", item.id), ("attendance", mark.id)}
    assert services.people.get(ann.id).display_name == "Ann"


# --- agenda ----------------------------------------------------------------------------


def test_deleting_an_agenda_item_keeps_its_contributions_in_the_session(
    services: Services, group: Group
) -> None:
    session = plan(services, group)
    welcome = services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Welcome"))
    topic = services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Respite"))
    last = services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="AOB"))
    with services.store.transaction() as unit:
        said = unit.contributions.add(
            Contribution(meeting_id=session.id, agenda_item_id=topic.id, text="Need more nights")
        )

    remaining = services.meetings.delete_agenda_item(topic.id)

    assert [(i.id, i.position) for i in remaining] == [(welcome.id, 0), (last.id, 1)]
    with services.store.transaction() as unit:
        kept = unit.contributions.get(said.id)
    assert (kept.text, kept.agenda_item_id) == ("Need more nights", None)


def test_agenda_items_keep_their_documents_which_must_exist(
    services: Services, group: Group
) -> None:
    session = plan(services, group)
    with services.store.transaction() as unit:
        strategy = unit.documents.add(Document(title="Carers' strategy 2026-2030"))
    item = services.meetings.add_agenda_item(
        AgendaItem(
            meeting_id=session.id,
            title="Strategy priorities",
            duration_minutes=45,
            document_ids=(strategy.id,),
        )
    )
    assert services.meetings.agenda(session.id)[0].document_ids == (strategy.id,)

    with pytest.raises(ValidationError, match="no longer on record") as error:
        services.meetings.update_agenda_item(replace(item, document_ids=(strategy.id, 777)))
    assert error.value.field == "document_ids"
    renamed = services.meetings.update_agenda_item(replace(item, title="Priorities", position=9))
    assert (renamed.title, renamed.position) == ("Priorities", 0)


def test_an_agenda_item_without_a_title_is_refused(services: Services, group: Group) -> None:
    session = plan(services, group)
    with pytest.raises(ValidationError, match="title for the agenda item") as error:
        services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="  "))
    assert error.value.field == "title"
    assert services.meetings.agenda(session.id) == []


# --- attendance ------------------------------------------------------------------------


def test_apologies_are_listed_with_their_reason(services: Services, group: Group) -> None:
    bea = member(services, group, "Bea")
    session = plan(services, group)
    services.meetings.mark_attendance(
        session.id, bea.id, AttendanceStatus.APOLOGIES, apology_reason="  Hospital appointment "
    )
    [mark] = services.meetings.attendance(session.id)
    assert (mark.person_id, mark.status, mark.apology_reason) == (
        bea.id,
        AttendanceStatus.APOLOGIES,
        "Hospital appointment",
    )


def test_a_reason_without_apologies_is_refused(services: Services, group: Group) -> None:
    cal = member(services, group, "Cal")
    session = plan(services, group)
    with pytest.raises(ValidationError, match="only goes with 'Apologies'") as error:
        services.meetings.mark_attendance(
            session.id, cal.id, AttendanceStatus.PRESENT, apology_reason="Unwell"
        )
    assert error.value.field == "apology_reason"
    assert services.meetings.attendance(session.id) == []


def test_a_non_member_is_refused_unless_marked_as_a_guest(services: Services, group: Group) -> None:
    session = plan(services, group)
    visitor = services.people.create(Person(display_name="Dev from Healthwatch"))

    with pytest.raises(ValidationError, match="as a guest") as error:
        services.meetings.mark_attendance(session.id, visitor.id, AttendanceStatus.PRESENT)
    assert error.value.field == "is_guest"
    assert "Dev from Healthwatch was not a member of Carers' Forum on 12 March 2026" in str(
        error.value
    )

    guest = services.meetings.mark_attendance(
        session.id, visitor.id, AttendanceStatus.PRESENT, is_guest=True
    )
    assert guest.is_guest
    # Marked again later without the guest tick: still on the register as a guest.
    again = services.meetings.mark_attendance(
        session.id, visitor.id, AttendanceStatus.PRESENT, left_early=True
    )
    assert (again.id, again.is_guest, again.left_early) == (guest.id, True, True)
    assert visitor.id in {p.id for p in services.meetings.expected_attendees(session.id)}


def test_marking_someone_again_changes_their_one_mark(services: Services, group: Group) -> None:
    eve = member(services, group, "Eve")
    session = plan(services, group)
    first = services.meetings.mark_attendance(
        session.id, eve.id, AttendanceStatus.APOLOGIES, apology_reason="Caring duties"
    )
    second = services.meetings.mark_attendance(
        session.id, eve.id, AttendanceStatus.PRESENT, arrived_late=True, access_needs_met=True
    )
    assert second.id == first.id
    assert services.meetings.attendance(session.id) == [second]
    assert (second.apology_reason, second.arrived_late, second.access_needs_met) == (
        "",
        True,
        True,
    )
    assert services.meetings.present_person_ids(session.id) == {eve.id}

    services.meetings.clear_attendance(second.id)
    assert services.meetings.attendance(session.id) == []
    assert services.meetings.present_person_ids(session.id) == set()


def test_expected_attendees_are_the_members_on_the_day_plus_guests(
    services: Services, group: Group
) -> None:
    session = plan(services, group)  # 12 March 2026
    zoe = member(services, group, "zoë")
    amir = member(services, group, "Amir")
    member(services, group, "Joined later", joined_on=date(2026, 4, 1))
    left = member(services, group, "Left before")
    [membership] = services.groups.memberships_of(left.id)
    services.groups.end_membership(membership.id, date(2026, 2, 1))
    guest = services.people.create(Person(display_name="Guest speaker"))
    services.meetings.mark_attendance(session.id, guest.id, AttendanceStatus.PRESENT, is_guest=True)

    names = [p.display_name for p in services.meetings.expected_attendees(session.id)]
    assert names == ["Amir", "Guest speaker", "zoë"]

    with pytest.raises(ValidationError, match="as a guest"):
        services.meetings.mark_attendance(session.id, left.id, AttendanceStatus.PRESENT)
    services.meetings.mark_attendance(session.id, amir.id, AttendanceStatus.PRESENT)
    services.meetings.mark_attendance(
        session.id, zoe.id, AttendanceStatus.APOLOGIES, apology_reason="Away"
    )
    assert services.meetings.attendance_summary(session.id) == AttendanceSummary(
        present=2, apologies=1, absent=0, not_marked=0, guests=1
    )


def test_the_summary_counts_who_is_not_marked_yet(services: Services, group: Group) -> None:
    session = plan(services, group)
    fay = member(services, group, "Fay")
    member(services, group, "Gus")
    member(services, group, "Hal")
    services.meetings.mark_attendance(session.id, fay.id, AttendanceStatus.PRESENT, left_early=True)
    summary = services.meetings.attendance_summary(session.id)
    assert (summary.present, summary.not_marked, summary.left_early) == (1, 2, 1)


# --- the next session ------------------------------------------------------------------


def test_the_next_session_is_suggested_from_the_group_cadence(database: Database) -> None:
    services = Services(database, actor="Test Facilitator", today=lambda: date(2026, 1, 20))
    monthly = services.groups.create(Group(name="Monthly forum", cadence=Cadence.MONTHLY))
    assert services.meetings.suggest_next_start(monthly.id) is None  # never met

    plan(services, monthly, datetime(2025, 12, 31, 13, 30), "December")
    plan(services, monthly, datetime(2026, 1, 31, 13, 30), "January")  # the last Saturday
    assert services.meetings.suggest_next_start(monthly.id) == datetime(2026, 2, 28, 13, 30)

    as_needed = services.groups.create(Group(name="Task group", cadence=Cadence.AS_NEEDED))
    plan(services, as_needed, datetime(2026, 1, 10, 10), "Kick-off")
    assert services.meetings.suggest_next_start(as_needed.id) is None


def test_a_group_that_has_not_met_for_a_while_gets_a_date_still_ahead(database: Database) -> None:
    services = Services(database, actor="Test Facilitator", today=lambda: date(2026, 6, 2))
    forum = services.groups.create(Group(name="Forum", cadence=Cadence.EVERY_TWO_MONTHS))
    plan(services, forum, datetime(2025, 11, 4, 10, 0), "November")  # the first Tuesday
    assert services.meetings.suggest_next_start(forum.id) == datetime(2026, 7, 7, 10, 0)


def test_present_counts_come_for_many_sessions_at_once(services: Services, group: Group) -> None:
    first = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="First",
            starts_at=datetime(2026, 4, 1, 10),
            ends_at=datetime(2026, 4, 1, 12),
        )
    )
    second = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Second",
            starts_at=datetime(2026, 5, 1, 10),
            ends_at=datetime(2026, 5, 1, 12),
        )
    )
    for name, status in [("Ann", AttendanceStatus.PRESENT), ("Bo", AttendanceStatus.APOLOGIES)]:
        person = services.people.create(Person(display_name=name))
        services.meetings.mark_attendance(first.id, person.id, status, is_guest=True)
    assert services.meetings.present_counts([first.id, second.id]) == {first.id: 1, second.id: 0}
