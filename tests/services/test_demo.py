"""Demo data: the documented sizes, the same rows every time, the services' rules kept, and an
ordinary database afterwards. Only the small size runs here; bench/bench_demo.py builds large."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Group, Person, replace
from coproduce.domain.validation import (
    check_access_needs,
    check_action,
    check_activity,
    check_agenda_item,
    check_attendance,
    check_contribution,
    check_document,
    check_link,
    check_meeting,
    check_membership,
    check_payment,
    check_response,
    check_section,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.demo import ANCHOR, DEMO_ACTOR, DemoSummary, build_demo
from coproduce.store.database import Database

SMALL = DemoSummary(
    groups=3,
    people=60,
    memberships=57,
    sessions=12,
    agenda_items=67,
    attendance=226,
    contributions=300,
    links=156,
    responses=192,
    documents=15,
    sections=130,
    ladder_assessments=26,
    actions=20,
    consents=206,
    people_with_access_needs=25,
    activities=5,
    payments=83,
)


def _first_contributions(database: Database, count: int = 20) -> list[list[object]]:
    """What a facilitator would see first: the earliest contributions and who said them."""
    services = Services(database, actor="Test Facilitator")
    with services.store.transaction() as unit:
        page = unit.contributions.list(limit=count)
        names = {
            person.id: person.display_name
            for person in unit.people.get_many(
                [c.speaker_id for c in page.items if c.speaker_id is not None]
            )
        }
        return [
            [c.text, c.kind.value, c.attribution.value, names.get(c.speaker_id or 0, "")]
            for c in page.items
        ]


def _all_contributions(services: Services) -> list:
    with services.store.transaction() as unit:
        return list(unit.contributions.list().items)


def test_the_small_demo_has_exactly_the_documented_numbers(services: Services) -> None:
    summary = build_demo(services.database, "small")

    assert summary == SMALL
    assert services.groups.list().total == 3
    assert services.people.list().total == 60
    with services.store.transaction() as unit:
        assert unit.meetings.list().total == 12
        assert unit.contributions.count_where() == 300
        assert unit.documents.list().total == 15


def test_the_same_size_gives_the_same_data_every_time(tmp_path: Path) -> None:
    first = Database.open(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    second = Database.open(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    try:
        build_demo(first, "small")
        build_demo(second, "small")
        expected = _first_contributions(first)
        assert _first_contributions(second) == expected
    finally:
        first.close()
        second.close()
    assert len({row[3] for row in expected if row[3]}) > 3, "speakers should vary"

    # Another Python process with another hash seed (set order differs) builds the same rows.
    script = (
        "import json, sys\n"
        "from coproduce.store.database import Database\n"
        "from coproduce.services.demo import build_demo\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from test_demo import _first_contributions\n"
        "database = Database.open(sys.argv[1])\n"
        "build_demo(database, 'small')\n"
        "print(json.dumps(_first_contributions(database)))\n"
        "database.close()\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            f"sqlite:///{tmp_path / 'third.sqlite3'}",
            str(Path(__file__).parent),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_every_named_contribution_is_by_someone_marked_present(services: Services) -> None:
    build_demo(services.database, "small")
    contributions = _all_contributions(services)
    with services.store.transaction() as unit:
        present = {
            meeting.id: unit.attendance.person_ids(meeting.id, AttendanceStatus.PRESENT)
            for meeting in unit.meetings.list().items
        }
    named = [c for c in contributions if c.attribution is Attribution.PERSON]
    assert named and all(c.speaker_id in present[c.meeting_id] for c in named)
    by_attribution = Counter(c.attribution for c in contributions)
    assert by_attribution[Attribution.ANONYMOUS] > 0
    assert by_attribution[Attribution.WHOLE_GROUP] > 0
    assert all(
        c.speaker_id is None for c in contributions if c.attribution is not Attribution.PERSON
    )


def test_every_demo_record_passes_the_checks_a_typed_record_must_pass(services: Services) -> None:
    """The demo skips the services for speed, so prove it never writes what they would refuse:
    each record read back is unchanged by its check (checks tidy, and raise on what is wrong)."""
    build_demo(services.database, "small")
    checked = Counter()

    def check(checker, record) -> None:  # type: ignore[no-untyped-def]
        assert checker(record) == record, record
        checked[checker.__name__] += 1

    with services.store.transaction() as unit:
        for group in unit.groups.list().items:
            for membership in unit.memberships.for_group(group.id):
                check(check_membership, membership)
        for meeting in unit.meetings.list().items:
            check(check_meeting, meeting)
            for item in unit.agenda_items.for_meeting(meeting.id):
                check(check_agenda_item, item)
            for attendance in unit.attendance.for_meeting(meeting.id):
                check(check_attendance, attendance)
        contributions = unit.contributions.list().items
        for contribution in contributions:
            check(check_contribution, contribution)
            for link in unit.links.for_contribution(contribution.id):
                check(check_link, link)
        ids = [c.id for c in contributions]
        for response in unit.responses.for_contributions(ids).values():
            check(check_response, response)
        for document in unit.documents.list().items:
            check(check_document, document)
            for section in unit.sections.for_document(document.id):
                check(check_section, section)
        for action in unit.actions.list().items:
            check(check_action, action)
        for activity in unit.activities.list().items:
            check(check_activity, activity)
        for payment in unit.payments.list().items:
            check(check_payment, payment)
    assert checked == {
        "check_membership": SMALL.memberships,
        "check_meeting": SMALL.sessions,
        "check_agenda_item": SMALL.agenda_items,
        "check_attendance": SMALL.attendance,
        "check_contribution": SMALL.contributions,
        "check_link": SMALL.links,
        "check_response": SMALL.responses,
        "check_document": SMALL.documents,
        "check_section": SMALL.sections,
        "check_action": SMALL.actions,
        "check_activity": SMALL.activities,
        "check_payment": SMALL.payments,
    }


def test_responses_give_reasons_referrals_and_feedback_as_the_rules_require(
    services: Services,
) -> None:
    build_demo(services.database, "small")
    contributions = _all_contributions(services)
    with services.store.transaction() as unit:
        responses = list(unit.responses.for_contributions([c.id for c in contributions]).values())

    statuses = Counter(r.status for r in responses)
    assert set(statuses) == set(ResponseStatus), "every kind of answer appears"
    for response in responses:
        if response.status is ResponseStatus.NOT_TAKEN_FORWARD:
            assert response.reason.strip()
        if response.status is ResponseStatus.OUTSIDE_SCOPE:
            assert response.referred_to.strip()
        if response.fed_back_on is not None:
            assert response.fed_back_how is not None
            assert response.decided_on is not None
            assert response.decided_on <= response.fed_back_on <= ANCHOR
    assert any(r.fed_back_on for r in responses)
    assert any(r.status.is_answer and r.fed_back_on is None for r in responses)


def test_sessions_are_in_the_past_except_the_last_few_still_planned(services: Services) -> None:
    build_demo(services.database, "small")
    with services.store.transaction() as unit:
        meetings = unit.meetings.list(newest_first=False).items
        planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
        assert len(planned) == 3  # one per group
        assert all(m.starts_at.date() > ANCHOR for m in planned)
        assert all(m.starts_at.date() < ANCHOR for m in meetings if m not in planned)
        for meeting in planned:
            marks = unit.attendance.for_meeting(meeting.id)
            assert marks and all(
                a.status in (AttendanceStatus.EXPECTED, AttendanceStatus.APOLOGIES) for a in marks
            )
        apologies = [
            a
            for m in meetings
            for a in unit.attendance.for_meeting(m.id)
            if a.status is AttendanceStatus.APOLOGIES
        ]
    assert apologies and any(a.apology_reason for a in apologies)


def test_people_have_consistent_needs_and_a_mix_of_consent_to_be_named(services: Services) -> None:
    build_demo(services.database, "small")
    people = services.people.list().items
    with_needs = [p for p in people if not p.needs.is_empty]
    assert 10 <= len(with_needs) <= 40
    for person in with_needs:
        check_access_needs(replace(person.needs, reviewed_on=None))  # raises if contradictory

    named = Counter()
    for person in people:
        current = services.people.current_consents(person.id).get(ConsentPurpose.QUOTED_BY_NAME)
        named[current.state if current else None] += 1
    assert named[ConsentState.GIVEN] >= 15
    assert named[ConsentState.REFUSED] > 0
    assert named[ConsentState.WITHDRAWN] > 0


def test_most_documents_have_a_ladder_history_and_some_drift_below_plan(
    services: Services,
) -> None:
    build_demo(services.database, "small")
    with services.store.transaction() as unit:
        documents = unit.documents.list().items
        histories = {d.id: unit.ladder.for_document(d.id) for d in documents}
    assessed = [d for d in documents if histories[d.id]]
    assert len(assessed) >= len(documents) * 2 // 3
    assert max(len(h) for h in histories.values()) >= 3
    below = [
        d
        for d in assessed
        if d.planned_rung is not None
        and max(histories[d.id], key=lambda a: a.assessed_on).rung < d.planned_rung
    ]
    assert below, "some work should have slipped below its planned rung"
    for history in histories.values():
        assert all(a.assessed_on <= ANCHOR for a in history)


def test_the_audit_log_gets_one_event_per_group_not_one_per_row(services: Services) -> None:
    build_demo(services.database, "small")
    with services.store.transaction() as unit:
        events = unit.audit_events.list().items
    assert [(e.actor, e.record_type, e.record_id) for e in events] == [
        (DEMO_ACTOR, "group", 1),
        (DEMO_ACTOR, "group", 2),
        (DEMO_ACTOR, "group", 3),
    ]


def test_demo_data_only_goes_into_an_empty_database(services: Services) -> None:
    services.people.create(Person(display_name="Real Person"))

    with pytest.raises(ValidationError, match="already has data"):
        build_demo(services.database, "small")

    assert services.people.list().total == 1
    assert services.groups.list().total == 0


def test_an_unknown_size_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="small, large") as error:
        build_demo(services.database, "huge")
    assert error.value.field == "size"


def test_a_cancelled_build_leaves_the_database_empty(services: Services) -> None:
    seen: list[str] = []

    def cancel_at_contributions(table: str, done: int, total: int) -> None:
        seen.append(table)
        if table == "contributions":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_demo(services.database, "small", progress=cancel_at_contributions)

    assert "people" in seen
    assert services.people.list().total == 0
    assert build_demo(services.database, "small") == SMALL


def test_the_services_carry_on_normally_after_a_demo(services: Services) -> None:
    build_demo(services.database, "small")

    # On PostgreSQL this needs the id sequences moved past the demo's explicit ids.
    person = services.people.create(Person(display_name="Someone New"))
    group = services.groups.create(Group(name="A New Group"))

    assert person.id == SMALL.people + 1
    assert group.id == SMALL.groups + 1
    assert services.people.list().total == SMALL.people + 1
    with services.store.transaction() as unit:
        sessions = unit.meetings.list(group_id=1, newest_first=False)
    assert sessions.total == 6
    assert sessions.items[0].title == "Lived Experience Reference Group, 6 January 2026"
