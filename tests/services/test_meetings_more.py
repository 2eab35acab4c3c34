"""What the Sessions page needs from the meeting service beyond planning: sorting in the
database, searching by place, and putting back a deleted session or agenda item (undo)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import NotFoundError, ValidationError
from coproduce.domain.records import AccessNeeds, AgendaItem, Document, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Cadence,
    MeetingAccessNeed,
    MeetingStatus,
    Role,
)
from coproduce.services import Services
from coproduce.services.meetings import MeetingFilter


def plan(
    services: Services, group: Group, starts_at: datetime, title: str, **fields: object
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


@pytest.fixture
def group(services: Services) -> Group:
    return services.groups.create(Group(name="Carers' Forum", cadence=Cadence.EVERY_TWO_MONTHS))


# --- the sessions list ---------------------------------------------------------------------


def test_sessions_sort_by_title_or_date_in_either_direction(
    services: Services, group: Group
) -> None:
    march = plan(services, group, datetime(2026, 3, 12, 10), "transport")
    january = plan(services, group, datetime(2026, 1, 8, 10), "Short breaks")
    may = plan(services, group, datetime(2026, 5, 14, 10), "Advocacy")

    def order(**sort: object) -> list[int]:
        return services.meetings.ids(MeetingFilter(**sort))  # type: ignore[arg-type]

    # Titles sort as a person reads them, whatever the capital letters.
    assert order(order="title") == [may.id, january.id, march.id]
    assert order(order="title", descending=True) == [march.id, january.id, may.id]
    assert order(order="date") == [january.id, march.id, may.id]
    assert order(order="date", descending=True) == [may.id, march.id, january.id]
    page = services.meetings.list(MeetingFilter(order="title"), offset=1, limit=1)
    assert (page.total, [m.title for m in page.items]) == (3, ["Short breaks"])


def test_sessions_with_the_same_title_sort_by_date(services: Services, group: Group) -> None:
    later = plan(services, group, datetime(2026, 3, 12, 10), "Forum")
    earlier = plan(services, group, datetime(2026, 1, 8, 10), "Forum")
    assert services.meetings.ids(MeetingFilter(order="title")) == [earlier.id, later.id]


def test_an_unknown_sort_is_refused(services: Services) -> None:
    with pytest.raises(ValueError, match="cannot be sorted by 'place'"):
        services.meetings.ids(MeetingFilter(order="place"))


def test_search_finds_sessions_by_place_as_well_as_title(services: Services, group: Group) -> None:
    library = plan(services, group, datetime(2026, 1, 8, 10), "January", place="Central Library")
    plan(services, group, datetime(2026, 3, 12, 10), "March", place="Town Hall")
    assert services.meetings.ids(MeetingFilter(text="library")) == [library.id]


def test_upcoming_and_past_sessions_are_told_apart_by_their_start(
    services: Services, group: Group
) -> None:
    now = datetime(2026, 2, 1, 9, 0)
    past = plan(services, group, datetime(2026, 1, 8, 10), "January")
    coming = plan(services, group, datetime(2026, 3, 12, 10), "March")
    assert services.meetings.ids(MeetingFilter(starts_from=now, newest_first=False)) == [coming.id]
    assert services.meetings.ids(MeetingFilter(starts_before=now)) == [past.id]


# --- undoing the delete of a session ---------------------------------------------------------


def test_a_deleted_session_comes_back_with_its_agenda_and_register(
    services: Services, group: Group
) -> None:
    fran = services.people.create(
        Person(display_name="Fran Facilitator", roles=frozenset({Role.FACILITATOR}))
    )
    ann = services.people.create(Person(display_name="Ann"))
    services.groups.add_member(group.id, ann.id, date(2025, 1, 1))
    strategy = services.documents.create(Document(title="Carers' strategy"))
    session = plan(
        services,
        group,
        datetime(2026, 3, 12, 10),
        "March session",
        place="Town Hall",
        facilitator_ids=(fran.id,),
        notes="Bring the easy-read draft",
    )
    welcome = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Welcome", duration_minutes=10)
    )
    topic = services.meetings.add_agenda_item(
        AgendaItem(
            meeting_id=session.id,
            title="The strategy",
            duration_minutes=45,
            notes="Section 3 first",
            document_ids=(strategy.id,),
        )
    )
    mark = services.meetings.mark_attendance(
        session.id, ann.id, AttendanceStatus.APOLOGIES, apology_reason="Hospital appointment"
    )

    deleted = services.meetings.delete(session.id, session.version)

    assert deleted.meeting == session
    assert [i.id for i in deleted.agenda_items] == [welcome.id, topic.id]
    assert [a.id for a in deleted.attendance] == [mark.id]
    with pytest.raises(NotFoundError):
        services.meetings.get(session.id)

    restored = services.meetings.restore(deleted)

    assert restored.id == session.id
    assert (restored.title, restored.place, restored.notes, restored.facilitator_ids) == (
        "March session",
        "Town Hall",
        "Bring the easy-read draft",
        (fran.id,),
    )
    agenda = services.meetings.agenda(session.id)
    assert [(i.id, i.position, i.title, i.duration_minutes) for i in agenda] == [
        (welcome.id, 0, "Welcome", 10),
        (topic.id, 1, "The strategy", 45),
    ]
    assert (agenda[1].notes, agenda[1].document_ids) == ("Section 3 first", (strategy.id,))
    (again,) = services.meetings.attendance(session.id)
    assert (again.id, again.person_id, again.status, again.apology_reason) == (
        mark.id,
        ann.id,
        AttendanceStatus.APOLOGIES,
        "Hospital appointment",
    )
    # The restored session can be edited and deleted again like any other.
    edited = services.meetings.set_status(session.id, MeetingStatus.CANCELLED, restored.version)
    assert edited.status is MeetingStatus.CANCELLED
    services.meetings.delete(session.id, edited.version)


def test_a_deleted_session_comes_back_with_its_preparation_ticks(
    services: Services, group: Group
) -> None:
    ann = services.people.create(
        Person(
            display_name="Ann",
            needs=AccessNeeds(meeting_access=frozenset({MeetingAccessNeed.STEP_FREE})),
        )
    )
    services.groups.add_member(group.id, ann.id, date(2025, 1, 1))
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    (line,) = [
        line
        for line in services.preparation.checklist(session.id)
        if "step-free" in line.item.text.casefold()
    ]
    ticked = services.preparation.tick(session.id, line.item.key)

    deleted = services.meetings.delete(session.id)
    assert [t.id for t in deleted.preparation_ticks] == [ticked.id]
    services.meetings.restore(deleted)

    (again,) = services.preparation.ticks(session.id)
    assert (again.id, again.item_key, again.done, again.done_by, again.done_at) == (
        ticked.id,
        ticked.item_key,
        True,
        ticked.done_by,
        ticked.done_at,
    )


def test_a_restored_session_leaves_out_people_no_longer_on_the_register(
    services: Services, group: Group
) -> None:
    fran = services.people.create(Person(display_name="Fran Facilitator"))
    guest = services.people.create(Person(display_name="Gail Guest"))
    session = plan(services, group, datetime(2026, 3, 12, 10), "March", facilitator_ids=(fran.id,))
    services.meetings.mark_attendance(session.id, guest.id, AttendanceStatus.PRESENT, is_guest=True)
    deleted = services.meetings.delete(session.id)
    # With the session gone they have no history left, so they can be deleted.
    services.people.delete(fran.id)
    services.people.delete(guest.id)

    restored = services.meetings.restore(deleted)

    assert restored.facilitator_ids == ()
    assert services.meetings.attendance(session.id) == []


def test_a_session_cannot_come_back_once_its_group_is_deleted(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    deleted = services.meetings.delete(session.id)
    services.groups.delete(group.id)

    with pytest.raises(ValidationError, match="its group is no longer on record"):
        services.meetings.restore(deleted)


# --- undoing the delete of an agenda item ----------------------------------------------------


def test_a_deleted_agenda_item_comes_back_in_its_place(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    strategy = services.documents.create(Document(title="Carers' strategy"))
    titles = ("Welcome", "The strategy", "Short breaks", "Any other business")
    items = [
        services.meetings.add_agenda_item(
            AgendaItem(
                meeting_id=session.id,
                title=title,
                duration_minutes=15,
                document_ids=(strategy.id,) if title == "The strategy" else (),
            )
        )
        for title in titles
    ]
    gone = services.meetings.get_agenda_item(items[1].id)

    remaining = services.meetings.delete_agenda_item(gone.id, gone.version)
    assert [i.title for i in remaining] == ["Welcome", "Short breaks", "Any other business"]

    agenda = services.meetings.restore_agenda_item(gone)

    assert [(i.id, i.position, i.title) for i in agenda] == [
        (items[0].id, 0, "Welcome"),
        (items[1].id, 1, "The strategy"),
        (items[2].id, 2, "Short breaks"),
        (items[3].id, 3, "Any other business"),
    ]
    assert agenda[1].document_ids == (strategy.id,)
    assert agenda[1].duration_minutes == 15


def test_an_agenda_item_comes_back_at_the_end_when_the_agenda_got_shorter(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    _welcome, second, last = (
        services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title=title))
        for title in ("Welcome", "Respite", "AOB")
    )
    services.meetings.delete_agenda_item(last.id)
    services.meetings.delete_agenda_item(second.id)

    agenda = services.meetings.restore_agenda_item(last)

    assert [(i.title, i.position) for i in agenda] == [("Welcome", 0), ("AOB", 1)]


def test_a_restored_agenda_item_leaves_out_documents_deleted_meanwhile(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    kept = services.documents.create(Document(title="Carers' strategy"))
    dropped = services.documents.create(Document(title="Old leaflet"))
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Papers", document_ids=(kept.id, dropped.id))
    )
    services.meetings.delete_agenda_item(item.id)
    services.documents.delete(dropped.id)

    (restored,) = services.meetings.restore_agenda_item(item)

    assert restored.document_ids == (kept.id,)


def test_an_agenda_item_cannot_come_back_to_a_deleted_session(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 3, 12, 10), "March")
    item = services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Welcome"))
    services.meetings.delete_agenda_item(item.id)
    services.meetings.delete(session.id)

    with pytest.raises(NotFoundError, match="Session"):
        services.meetings.restore_agenda_item(item)
