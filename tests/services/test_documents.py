"""Documents and their ordered sections through the real services, on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    Attendance,
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
    AuditAction,
    DocumentKind,
    DocumentStatus,
    LadderRung,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.documents import DocumentFilter


def a_contribution(services: Services) -> Contribution:
    """Something Ann said at a session she attended."""
    group = services.groups.create(Group(name="Carers' forum"))
    ann = services.people.create(Person(display_name="Ann Patel"))
    starts = datetime(2026, 3, 10, 10, 0)
    with services.store.transaction() as unit:
        meeting = unit.meetings.add(
            Meeting(
                group_id=group.id,
                title="March forum",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        unit.attendance.add(
            Attendance(meeting_id=meeting.id, person_id=ann.id, status=AttendanceStatus.PRESENT)
        )
    return services.contributions.add(
        Contribution(
            meeting_id=meeting.id,
            text="Short breaks at weekends",
            attribution=Attribution.PERSON,
            speaker_id=ann.id,
        )
    )


def headings(sections: list[Section]) -> list[tuple[int, str]]:
    return [(s.position, s.heading) for s in sections]


def test_a_document_is_saved_and_read_back_with_every_field(services: Services) -> None:
    created = services.documents.create(
        Document(
            title="  Carers'   strategy 2026-2029 ",
            kind=DocumentKind.STRATEGY,
            owner="Head of commissioning",
            status=DocumentStatus.CONSULTATION,
            edition="Draft 3",
            review_on=date(2027, 4, 1),
            location=" https://intranet.example/carers-strategy ",
            summary="How we support unpaid carers.\n\nThree priorities.",
            planned_rung=LadderRung.CO_DESIGN,
        )
    )
    assert created.id is not None and created.version == 1
    assert created.title == "Carers' strategy 2026-2029"
    assert created.location == "https://intranet.example/carers-strategy"
    assert services.documents.get(created.id) == created


def test_a_document_needs_a_title(services: Services) -> None:
    with pytest.raises(ValidationError, match="title") as error:
        services.documents.create(Document(title="  "))
    assert error.value.field == "title"


def test_documents_are_listed_by_title_and_filtered(services: Services) -> None:
    strategy = services.documents.create(Document(title="Carers' strategy"))
    policy = services.documents.create(
        Document(title="Charging policy", kind=DocumentKind.POLICY, status=DocumentStatus.APPROVED)
    )
    old = services.documents.create(Document(title="Adult social care strategy 2019"))
    services.documents.archive(old.id)

    assert [d.title for d in services.documents.list().items] == [
        "Adult social care strategy 2019",
        "Carers' strategy",
        "Charging policy",
    ]
    assert services.documents.ids(DocumentFilter(text="STRATEGY")) == [old.id, strategy.id]
    assert services.documents.ids(DocumentFilter(kind=DocumentKind.POLICY)) == [policy.id]
    assert services.documents.ids(DocumentFilter(status=DocumentStatus.APPROVED)) == [policy.id]
    assert services.documents.ids(DocumentFilter(hide_archived=True)) == [strategy.id, policy.id]
    page = services.documents.list(DocumentFilter(text="strategy"), offset=1, limit=1)
    assert (page.total, [d.id for d in page.items]) == (2, [strategy.id])


def test_a_save_that_lost_a_race_on_a_document_is_refused(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    services.documents.update(replace(document, owner="Jo Bloggs"))  # another user's save
    with pytest.raises(ConflictError, match="Carers' strategy") as error:
        services.documents.update(replace(document, edition="Draft 4"))
    assert error.value.record_id == document.id
    again = services.documents.get(document.id)
    assert (again.owner, again.edition) == ("Jo Bloggs", "")
    with pytest.raises(ConflictError):
        services.documents.archive(document.id, expected_version=document.version)
    assert services.documents.get(document.id).status is DocumentStatus.IN_DEVELOPMENT


def test_archiving_a_document_keeps_it_and_records_an_archive_event(services: Services) -> None:
    document = services.documents.create(Document(title="Old policy"))
    archived = services.documents.archive(document.id)
    assert archived.status is DocumentStatus.ARCHIVED
    with services.store.transaction() as unit:
        events = unit.audit_events.list(record_type="document", record_id=document.id).items
    assert [e.action for e in events] == [AuditAction.CREATED, AuditAction.ARCHIVED]


def test_a_document_with_links_cannot_be_deleted(services: Services) -> None:
    contribution = a_contribution(services)
    document = services.documents.create(Document(title="Carers' strategy"))
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    with pytest.raises(ValidationError, match="1 contribution link") as error:
        services.documents.delete(document.id)
    assert "Archive it instead" in error.value.message
    assert services.documents.get(document.id).title == "Carers' strategy"


def test_a_document_with_ladder_assessments_cannot_be_deleted(services: Services) -> None:
    document = services.documents.create(Document(title="Transport policy"))
    services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=LadderRung.CONSULTATION,
            assessed_on=date(2026, 2, 1),
            assessor_name="Co-production lead",
        )
    )
    with pytest.raises(ValidationError, match="1 ladder assessment"):
        services.documents.delete(document.id)
    assert len(services.ladder.history(document.id)) == 1


def test_deleting_an_unused_document_takes_its_sections(services: Services) -> None:
    document = services.documents.create(Document(title="Entered by mistake"))
    section = services.documents.add_section(Section(document_id=document.id, heading="Intro"))
    services.documents.delete(document.id)
    with pytest.raises(NotFoundError):
        services.documents.get(document.id)
    with pytest.raises(NotFoundError):
        services.documents.get_section(section.id)


# --- sections ----------------------------------------------------------------------------


def test_sections_are_added_at_the_end_in_order(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    for number, heading in (("1", "Introduction"), ("2", "Short breaks"), ("3", "Money")):
        services.documents.add_section(
            Section(document_id=document.id, heading=heading, number=number, position=99)
        )
    sections = services.documents.sections(document.id)
    assert headings(sections) == [(0, "Introduction"), (1, "Short breaks"), (2, "Money")]
    assert [s.number for s in sections] == ["1", "2", "3"]


def test_moving_a_section_renumbers_the_others(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    a, _, c, d = (
        services.documents.add_section(Section(document_id=document.id, heading=h))
        for h in ("A", "B", "C", "D")
    )
    moved = services.documents.move_section(d.id, 1)
    assert headings(moved) == [(0, "A"), (1, "D"), (2, "B"), (3, "C")]
    assert services.documents.sections(document.id) == moved
    services.documents.move_section(a.id, 99)  # past the end means last
    assert headings(services.documents.sections(document.id)) == [
        (0, "D"),
        (1, "B"),
        (2, "C"),
        (3, "A"),
    ]
    services.documents.move_section(c.id, -5)
    assert [h for _, h in headings(services.documents.sections(document.id))] == [
        "C",
        "D",
        "B",
        "A",
    ]


def test_renaming_a_section_keeps_its_place(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    services.documents.add_section(Section(document_id=document.id, heading="Intro"))
    breaks = services.documents.add_section(Section(document_id=document.id, heading="Breaks"))
    renamed = services.documents.rename_section(breaks.id, " Short   breaks ", "3.2")
    assert (renamed.heading, renamed.number, renamed.position) == ("Short breaks", "3.2", 1)
    edited = services.documents.update_section(replace(renamed, heading="Respite", position=0))
    assert (edited.heading, edited.position) == ("Respite", 1)
    with pytest.raises(ConflictError):
        services.documents.update_section(replace(renamed, heading="Stale edit"))
    with pytest.raises(ValidationError) as error:
        services.documents.rename_section(breaks.id, "")
    assert error.value.field == "heading"


def test_deleting_a_section_points_its_links_at_the_whole_document(services: Services) -> None:
    contribution = a_contribution(services)
    document = services.documents.create(Document(title="Carers' strategy"))
    _, breaks, _ = (
        services.documents.add_section(Section(document_id=document.id, heading=h))
        for h in ("Intro", "Short breaks", "Money")
    )
    link = services.contributions.link(
        Link(contribution_id=contribution.id, document_id=document.id, section_id=breaks.id)
    )
    services.documents.delete_section(breaks.id)
    (after,) = services.contributions.links_of(contribution.id)
    assert (after.id, after.document_id, after.section_id) == (link.id, document.id, None)
    assert headings(services.documents.sections(document.id)) == [(0, "Intro"), (1, "Money")]


def test_a_section_named_by_a_response_cannot_be_deleted(services: Services) -> None:
    contribution = a_contribution(services)
    document = services.documents.create(Document(title="Carers' strategy"))
    breaks = services.documents.add_section(
        Section(document_id=document.id, heading="Short breaks", number="3.2")
    )
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=breaks.id,
        )
    )
    with pytest.raises(ValidationError, match=r"'3\.2 Short breaks' is what changed"):
        services.documents.delete_section(breaks.id)
    assert services.documents.sections(document.id) == [breaks]


def test_a_section_needs_a_document_that_exists(services: Services) -> None:
    with pytest.raises(NotFoundError, match="Document 4242"):
        services.documents.add_section(Section(document_id=4242, heading="Intro"))
