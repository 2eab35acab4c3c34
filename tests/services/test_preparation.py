"""A session's preparation checklist and its ticks, and the register's marks with their undo,
through the real services on both databases.

(``MeetingService.set_attendance`` is tested here because the register's undo is built on it;
it belongs with the other attendance tests in test_meetings.py when that file is next opened.)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.records import (
    AccessNeeds,
    Attendance,
    Contribution,
    Group,
    Meeting,
    Person,
    replace,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    AuditAction,
    CommunicationProfessional,
    InformationFormat,
    MeetingAccessNeed,
)
from coproduce.services import Services
from coproduce.store import migrations
from coproduce.store.database import Database

JOINED = date(2025, 1, 1)
EASY_READ = "information_format:easy_read"
BSL = "communication_professional:bsl_interpreter"
STEP_FREE = "meeting_access:step_free"


@pytest.fixture
def group(services: Services) -> Group:
    return services.groups.create(Group(name="Learning Disability Partnership Board"))


def plan(
    services: Services, group: Group, starts_at: datetime = datetime(2026, 3, 12, 10)
) -> Meeting:
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March board",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
        )
    )


def member(services: Services, group: Group, name: str, **needs: object) -> Person:
    person = services.people.create(Person(display_name=name, needs=AccessNeeds(**needs)))
    services.groups.add_member(group.id, person.id, JOINED)
    return person


def easy_read(services: Services, group: Group, name: str) -> Person:
    return member(
        services, group, name, information_formats=frozenset({InformationFormat.EASY_READ})
    )


# --- the checklist -----------------------------------------------------------------------


def test_the_checklist_counts_the_needs_of_everyone_expected_but_not_those_away(
    services: Services, group: Group
) -> None:
    amir = easy_read(services, group, "Amir")
    bea = member(
        services,
        group,
        "Bea",
        information_formats=frozenset({InformationFormat.EASY_READ}),
        communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
    )
    cal = easy_read(services, group, "Cal")
    easy_read(services, group, "Dee")
    member(services, group, "Eve")
    guest = services.people.create(
        Person(
            display_name="Visiting Vic",
            needs=AccessNeeds(meeting_access=frozenset({MeetingAccessNeed.STEP_FREE})),
        )
    )
    session = plan(services, group)
    services.meetings.mark_attendance(
        session.id, guest.id, AttendanceStatus.EXPECTED, is_guest=True
    )
    services.meetings.mark_attendance(session.id, amir.id, AttendanceStatus.PRESENT)
    services.meetings.mark_attendance(
        session.id,
        cal.id,
        AttendanceStatus.APOLOGIES,
        apology_reason="Hospital",
    )

    lines = services.preparation.checklist(session.id)
    assert [(line.item.key, line.item.text, line.done) for line in lines] == [
        (BSL, "Book a BSL interpreter (1 person)", False),
        (STEP_FREE, "Step-free venue (1 person)", False),
        (EASY_READ, "Easy-read pack for 3 people", False),
    ]
    assert lines[2].item.names == ("Amir", "Bea", "Dee")
    assert lines[0].item.people[0].person_id == bea.id

    services.meetings.mark_attendance(session.id, bea.id, AttendanceStatus.ABSENT)
    assert [line.item.key for line in services.preparation.checklist(session.id)] == [
        STEP_FREE,
        EASY_READ,
    ]


def test_ticks_are_kept_per_session_with_who_and_when_and_read_again_later(
    services: Services, group: Group, database: Database
) -> None:
    easy_read(services, group, "Amir")
    march = plan(services, group)
    may = plan(services, group, datetime(2026, 5, 14, 10))

    tick = services.preparation.tick(march.id, EASY_READ)
    assert (tick.done, tick.done_by) == (True, "Test Facilitator")
    assert tick.done_at is not None

    reopened = Services(database, actor="Someone Else")
    [line] = reopened.preparation.checklist(march.id)
    assert line.done
    assert line.tick == tick
    [other] = reopened.preparation.checklist(may.id)
    assert not other.done and other.tick is None

    # Ticking again keeps who did it first; unticking keeps a row that says so.
    assert reopened.preparation.tick(march.id, EASY_READ) == tick
    untick = reopened.preparation.untick(march.id, EASY_READ)
    assert (untick.done, untick.done_by, untick.done_at) == (False, "", None)
    [line] = services.preparation.checklist(march.id)
    assert not line.done and line.tick == untick


def test_a_tick_of_an_item_that_no_longer_applies_is_kept_but_not_shown(
    services: Services, group: Group
) -> None:
    cal = member(
        services,
        group,
        "Cal",
        communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
    )
    session = plan(services, group)
    services.preparation.tick(session.id, BSL)

    mark = services.meetings.mark_attendance(session.id, cal.id, AttendanceStatus.APOLOGIES)
    assert services.preparation.checklist(session.id) == []
    [kept] = services.preparation.ticks(session.id)
    assert (kept.item_key, kept.done) == (BSL, True)
    with pytest.raises(ValidationError, match="no longer on the checklist"):
        services.preparation.untick(session.id, BSL)

    # Cal can come after all: the booking is still ticked.
    services.meetings.set_attendance(session.id, cal.id, None, last_seen=mark)
    [line] = services.preparation.checklist(session.id)
    assert line.item.key == BSL and line.done


def test_a_tick_for_an_item_nobody_needs_is_refused(services: Services, group: Group) -> None:
    easy_read(services, group, "Amir")
    session = plan(services, group)
    with pytest.raises(ValidationError, match="no longer on the checklist") as error:
        services.preparation.tick(session.id, BSL)
    assert error.value.field == "item_key"
    assert services.preparation.ticks(session.id) == []


def test_undo_of_a_tick_puts_back_exactly_what_was_there(services: Services, group: Group) -> None:
    easy_read(services, group, "Amir")
    session = plan(services, group)
    first = services.preparation.tick(session.id, EASY_READ)
    untick = services.preparation.untick(session.id, EASY_READ)

    # Undo the untick: the tick comes back with its first author and time.
    back = services.preparation.put_back(session.id, EASY_READ, first, last_seen=untick)
    assert back is not None
    assert (back.done, back.done_by, back.done_at) == (True, first.done_by, first.done_at)
    # Undo the tick: as if never ticked.
    assert services.preparation.put_back(session.id, EASY_READ, None, last_seen=back) is None
    assert services.preparation.ticks(session.id) == []
    # Redo, then someone else changes it; an undo based on the old state is refused.
    again = services.preparation.put_back(session.id, EASY_READ, first, last_seen=None)
    services.preparation.untick(session.id, EASY_READ)
    with pytest.raises(ConflictError):
        services.preparation.put_back(session.id, EASY_READ, None, last_seen=again)
    [tick] = services.preparation.ticks(session.id)
    assert not tick.done


def test_a_deleted_session_takes_its_ticks_with_it(
    services: Services, group: Group, database: Database
) -> None:
    easy_read(services, group, "Amir")
    session = plan(services, group)
    services.preparation.tick(session.id, EASY_READ)
    services.meetings.delete(session.id)
    with database.engine.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM preparation_ticks")).scalar()
    assert left == 0


def test_ticks_are_audited(services: Services, group: Group) -> None:
    easy_read(services, group, "Amir")
    session = plan(services, group)
    tick = services.preparation.tick(session.id, EASY_READ)
    services.preparation.untick(session.id, EASY_READ)
    with services.store.transaction() as unit:
        events = [
            e.action
            for e in unit.audit_events.list(record_type="preparation_tick", record_id=tick.id).items
        ]
    assert events == [AuditAction.CREATED, AuditAction.UPDATED]


# --- the register's marks: set, undo, redo -------------------------------------------------


def test_a_mark_is_set_and_put_back_as_it_was(services: Services, group: Group) -> None:
    bea = member(services, group, "Bea")
    session = plan(services, group)
    sid, bid = session.id, bea.id
    apologies = services.meetings.set_attendance(
        sid,
        bid,
        Attendance(
            meeting_id=0, person_id=0, status=AttendanceStatus.APOLOGIES, apology_reason=" Unwell "
        ),
        last_seen=None,
    )
    assert apologies is not None
    assert (apologies.meeting_id, apologies.person_id, apologies.apology_reason) == (
        sid,
        bid,
        "Unwell",
    )
    present = services.meetings.set_attendance(
        sid,
        bid,
        Attendance(
            meeting_id=sid, person_id=bid, status=AttendanceStatus.PRESENT, arrived_late=True
        ),
        last_seen=apologies,
    )
    assert present is not None and present.id == apologies.id
    # Undo: back to apologies with the reason, then back to not marked.
    back = services.meetings.set_attendance(sid, bid, apologies, last_seen=present)
    assert back is not None
    assert (back.status, back.apology_reason, back.arrived_late) == (
        AttendanceStatus.APOLOGIES,
        "Unwell",
        False,
    )
    assert services.meetings.set_attendance(sid, bid, None, last_seen=back) is None
    assert services.meetings.attendance(sid) == []


def test_a_mark_changed_by_someone_else_is_not_overwritten(
    services: Services, group: Group
) -> None:
    bea = member(services, group, "Bea")
    session = plan(services, group)
    mine = services.meetings.mark_attendance(session.id, bea.id, AttendanceStatus.PRESENT)
    theirs = services.meetings.mark_attendance(session.id, bea.id, AttendanceStatus.ABSENT)
    with pytest.raises(ConflictError, match="Bea"):
        services.meetings.set_attendance(session.id, bea.id, None, last_seen=mine)
    with pytest.raises(ConflictError):
        services.meetings.set_attendance(session.id, bea.id, mine, last_seen=None)
    assert services.meetings.attendance(session.id) == [theirs]


def test_a_non_member_is_set_only_as_a_guest(services: Services, group: Group) -> None:
    session = plan(services, group)
    vic = services.people.create(Person(display_name="Visiting Vic"))
    expected = Attendance(meeting_id=session.id, person_id=vic.id, status=AttendanceStatus.EXPECTED)
    with pytest.raises(ValidationError, match="Mark them as a guest") as error:
        services.meetings.set_attendance(session.id, vic.id, expected, last_seen=None)
    assert error.value.field == "is_guest"
    guest = services.meetings.set_attendance(
        session.id,
        vic.id,
        replace(expected, is_guest=True),
        last_seen=None,
    )
    assert guest is not None and guest.is_guest
    # Marked again without the flag, a guest stays a guest.
    present = services.meetings.set_attendance(
        session.id,
        vic.id,
        replace(expected, status=AttendanceStatus.PRESENT),
        last_seen=guest,
    )
    assert present is not None and present.is_guest
    assert [p.display_name for p in services.meetings.expected_attendees(session.id)] == [
        "Visiting Vic"
    ]


def test_someone_who_spoke_stays_present_when_a_mark_is_put_back(
    services: Services, group: Group
) -> None:
    bea = member(services, group, "Bea")
    session = plan(services, group)
    present = services.meetings.mark_attendance(session.id, bea.id, AttendanceStatus.PRESENT)
    services.contributions.add(
        Contribution(
            meeting_id=session.id,
            text="The bus stops too far from the day centre",
            attribution=Attribution.PERSON,
            speaker_id=bea.id,
        )
    )
    with pytest.raises(ValidationError, match="must stay marked present"):
        services.meetings.set_attendance(session.id, bea.id, None, last_seen=present)
    absent = replace(present, status=AttendanceStatus.ABSENT)
    with pytest.raises(ValidationError, match="must stay marked present"):
        services.meetings.set_attendance(session.id, bea.id, absent, last_seen=present)
    assert services.meetings.attendance(session.id) == [present]


# --- an older database ---------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    templates = request.getfixturevalue("postgres_templates")
    name = templates.create(empty=True)
    request.addfinalizer(lambda: templates.drop(name))
    return templates.url_for(name)


def _council_at_0002(url: str) -> None:
    """A group, a member who needs easy read and a session, as Coproduce at 0002 saved them."""
    engine = create_engine(url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        migrations.upgrade(connection, "0002")
        statements = [
            "INSERT INTO groups (id, name, kind, purpose, cadence, active, version)"
            " VALUES (1, 'Carers'' Forum', 'carers_forum', '', 'monthly', true, 1)",
            "INSERT INTO people (id, display_name, sort_name, organisation, email, phone,"
            " postal_address, contact_notes, information_notes, communication_support_notes,"
            " communication_professional_notes, meeting_access_notes, payment_preference,"
            " active, version) VALUES (1, 'Amir', 'amir', '', '', '', '', '', '', '', '', '',"
            " 'not_set', true, 1)",
            "INSERT INTO person_needs (person_id, category, code)"
            " VALUES (1, 'information_format', 'easy_read')",
            "INSERT INTO memberships (id, group_id, person_id, joined_on, version)"
            " VALUES (1, 1, 1, '2025-01-01', 1)",
            "INSERT INTO meetings (id, group_id, title, starts_at, ends_at, place, online_link,"
            " status, notes, easy_read, version) VALUES (1, 1, 'March forum',"
            " '2026-03-12 10:00:00', '2026-03-12 12:00:00', '', '', 'planned', '', '', 1)",
        ]
        for statement in statements:
            connection.execute(text(statement))
        if connection.dialect.name == "postgresql":  # ids given by hand: move the counters on
            for table in ("groups", "people", "memberships", "meetings"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)")
                )
    engine.dispose()


def test_a_database_from_before_the_checklist_is_upgraded_and_its_sessions_ticked(
    empty_url: str,
) -> None:
    _council_at_0002(empty_url)
    database = Database.open(empty_url)  # opening upgrades it
    try:
        assert database.migration.from_revision == "0002"
        services = Services(database, actor="Test Facilitator")
        [line] = services.preparation.checklist(1)
        assert (line.item.key, line.item.text, line.done) == (
            EASY_READ,
            "Easy-read pack for 1 person",
            False,
        )
        services.preparation.tick(1, EASY_READ)
        assert services.preparation.checklist(1)[0].done
        # The database keeps working as before for new records too.
        group = services.groups.get(1)
        later = plan(services, group, datetime(2026, 4, 9, 10))
        assert later.id == 2
        assert services.preparation.checklist(later.id)[0].tick is None
    finally:
        database.close()
