"""Documents for the window: sorting in the database, undoing deletes of documents and
sections, web links that must be links, and overdue reviews, on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    AgendaItem,
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
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    DocumentStatus,
    LadderRung,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.documents import (
    DocumentFilter,
    check_location,
    location_is_link,
    review_is_overdue,
)


def a_session(services: Services) -> Meeting:
    group = services.groups.create(Group(name="Carers' forum"))
    starts = datetime(2026, 3, 10, 10, 0)
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )


def a_contribution(services: Services, meeting: Meeting) -> Contribution:
    ann = services.people.create(Person(display_name="Ann Patel"))
    with services.store.transaction() as unit:
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


def titles(services: Services, filters: DocumentFilter) -> list[str]:
    return [d.title for d in services.documents.list(filters).items]


# --- sorting -----------------------------------------------------------------------------


def test_documents_sort_by_title_whatever_its_case(services: Services) -> None:
    for title in ("carers' strategy", "Adult social care strategy", "Transport policy"):
        services.documents.create(Document(title=title))
    assert titles(services, DocumentFilter(order="title")) == [
        "Adult social care strategy",
        "carers' strategy",
        "Transport policy",
    ]
    assert titles(services, DocumentFilter(order="title", descending=True)) == [
        "Transport policy",
        "carers' strategy",
        "Adult social care strategy",
    ]


def test_documents_sort_by_review_date_with_undated_ones_last(services: Services) -> None:
    for title, review_on in (
        ("Charging policy", date(2027, 1, 1)),
        ("No date yet", None),
        ("Carers' strategy", date(2026, 6, 1)),
        ("Autism strategy", date(2026, 6, 1)),
    ):
        services.documents.create(Document(title=title, review_on=review_on))
    soonest_first = DocumentFilter(order="review_on")
    assert titles(services, soonest_first) == [
        "Autism strategy",
        "Carers' strategy",
        "Charging policy",
        "No date yet",
    ]
    assert titles(services, DocumentFilter(order="review_on", descending=True)) == [
        "Charging policy",
        "Autism strategy",
        "Carers' strategy",
        "No date yet",
    ]
    # Pages of a sorted list never overlap, and ids come in the list's order.
    first, second = (
        services.documents.list(soonest_first, offset=offset, limit=2) for offset in (0, 2)
    )
    assert [d.title for d in first.items + second.items] == titles(services, soonest_first)
    assert services.documents.ids(soonest_first) == [d.id for d in first.items + second.items]


def test_an_unknown_sort_is_refused(services: Services) -> None:
    with pytest.raises(ValueError, match="cannot be sorted by 'owner'"):
        services.documents.list(DocumentFilter(order="owner"))


# --- deleting a document and undoing it --------------------------------------------------


def test_a_deleted_document_comes_back_with_its_sections_and_agenda_places(
    services: Services,
) -> None:
    meeting = a_session(services)
    before = services.documents.create(Document(title="Before"))
    document = services.documents.create(
        Document(title="Entered by mistake", owner="Jo", review_on=date(2027, 1, 1))
    )
    after = services.documents.create(Document(title="After"))
    sections = [
        services.documents.add_section(Section(document_id=document.id, heading=h, number=n))
        for n, h in (("1", "Intro"), ("2", "Short breaks"), ("3", "Money"))
    ]
    item = services.meetings.add_agenda_item(
        AgendaItem(
            meeting_id=meeting.id,
            title="Strategies",
            document_ids=(before.id, document.id, after.id),
        )
    )

    deleted = services.documents.delete(document.id)

    assert deleted.document == document
    assert deleted.sections == tuple(sections)
    assert services.meetings.get_agenda_item(item.id).document_ids == (before.id, after.id)
    with pytest.raises(NotFoundError):
        services.documents.get(document.id)

    restored = services.documents.restore(deleted)

    assert restored.id == document.id
    assert (restored.title, restored.owner, restored.review_on) == (
        "Entered by mistake",
        "Jo",
        date(2027, 1, 1),
    )
    back = services.documents.sections(document.id)
    assert [(s.id, s.number, s.heading, s.position) for s in back] == [
        (s.id, s.number, s.heading, s.position) for s in sections
    ]
    assert services.meetings.get_agenda_item(item.id).document_ids == (
        before.id,
        document.id,
        after.id,
    )
    # A second undo of the same delete is refused rather than duplicating anything.
    with pytest.raises(ConflictError):
        services.documents.restore(deleted)


def test_a_restored_document_skips_agenda_items_deleted_meanwhile(services: Services) -> None:
    meeting = a_session(services)
    document = services.documents.create(Document(title="Carers' strategy"))
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=meeting.id, title="Strategy", document_ids=(document.id,))
    )
    deleted = services.documents.delete(document.id)
    services.meetings.delete_agenda_item(item.id)

    restored = services.documents.restore(deleted)

    assert services.documents.get(restored.id).title == "Carers' strategy"
    assert services.meetings.agenda(meeting.id) == []


def test_the_reason_a_document_cannot_be_deleted_is_known_before_asking(
    services: Services,
) -> None:
    meeting = a_session(services)
    contribution = a_contribution(services, meeting)
    linked = services.documents.create(Document(title="Carers' strategy"))
    services.contributions.link(Link(contribution_id=contribution.id, document_id=linked.id))
    assessed = services.documents.create(Document(title="Transport policy"))
    services.ladder.assess(
        LadderAssessment(
            document_id=assessed.id,
            rung=LadderRung.CONSULTATION,
            assessed_on=date(2026, 2, 1),
            assessor_name="Co-production lead",
        )
    )
    unused = services.documents.create(Document(title="Unused"))

    assert services.documents.why_not_deletable(linked.id) == (
        "'Carers' strategy' has 1 contribution link(s), so it cannot be deleted. Archive it "
        "instead: the record of what the groups changed stays."
    )
    assert "1 ladder assessment(s)" in services.documents.why_not_deletable(assessed.id)
    assert services.documents.why_not_deletable(unused.id) == ""
    with pytest.raises(ValidationError) as refused:
        services.documents.delete(linked.id)
    assert refused.value.message == services.documents.why_not_deletable(linked.id)


# --- deleting a section and undoing it ---------------------------------------------------


def test_a_deleted_section_comes_back_in_its_place_with_its_links(services: Services) -> None:
    meeting = a_session(services)
    contribution = a_contribution(services, meeting)
    document = services.documents.create(Document(title="Carers' strategy"))
    intro, breaks, money = (
        services.documents.add_section(Section(document_id=document.id, heading=h, number=n))
        for n, h in (("1", "Intro"), ("3.2", "Short breaks"), ("4", "Money"))
    )
    on_section = services.contributions.link(
        Link(contribution_id=contribution.id, document_id=document.id, section_id=breaks.id)
    )

    deleted = services.documents.delete_section(breaks.id)

    assert deleted.section == breaks
    assert deleted.link_ids == (on_section.id,)
    assert [s.heading for s in services.documents.sections(document.id)] == ["Intro", "Money"]
    assert services.contributions.links_of(contribution.id)[0].section_id is None

    restored = services.documents.restore_section(deleted)

    assert (restored.id, restored.number, restored.heading, restored.position) == (
        breaks.id,
        "3.2",
        "Short breaks",
        1,
    )
    assert [(s.id, s.position) for s in services.documents.sections(document.id)] == [
        (intro.id, 0),
        (breaks.id, 1),
        (money.id, 2),
    ]
    assert services.contributions.links_of(contribution.id)[0].section_id == breaks.id


def test_a_restored_section_goes_last_when_the_document_got_shorter(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    a, _, c = (
        services.documents.add_section(Section(document_id=document.id, heading=h))
        for h in ("A", "B", "C")
    )
    deleted = services.documents.delete_section(c.id)
    services.documents.delete_section(a.id)

    services.documents.restore_section(deleted)

    assert [(s.heading, s.position) for s in services.documents.sections(document.id)] == [
        ("B", 0),
        ("C", 1),
    ]


def test_a_section_of_a_deleted_document_cannot_come_back(services: Services) -> None:
    document = services.documents.create(Document(title="Entered by mistake"))
    section = services.documents.add_section(Section(document_id=document.id, heading="Intro"))
    deleted = services.documents.delete_section(section.id)
    services.documents.delete(document.id)
    with pytest.raises(NotFoundError, match="Document"):
        services.documents.restore_section(deleted)


def test_the_reason_a_section_cannot_be_deleted_is_known_before_asking(
    services: Services,
) -> None:
    meeting = a_session(services)
    contribution = a_contribution(services, meeting)
    document = services.documents.create(Document(title="Carers' strategy"))
    breaks = services.documents.add_section(
        Section(document_id=document.id, heading="Short breaks", number="3.2")
    )
    money = services.documents.add_section(Section(document_id=document.id, heading="Money"))
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=breaks.id,
        )
    )
    assert services.documents.why_section_not_deletable(breaks.id) == (
        "1 response(s) say section '3.2 Short breaks' is what changed, so it cannot be "
        "deleted. Rename it instead, or change those responses first."
    )
    assert services.documents.why_section_not_deletable(money.id) == ""


def test_sections_come_a_page_at_a_time_in_order(services: Services) -> None:
    document = services.documents.create(Document(title="Long strategy"))
    for number in range(1, 8):
        services.documents.add_section(
            Section(document_id=document.id, heading=f"Part {number}", number=str(number))
        )
    page = services.documents.section_page(document.id, offset=5, limit=5)
    assert (page.total, page.offset, [s.heading for s in page.items]) == (
        7,
        5,
        ["Part 6", "Part 7"],
    )
    with pytest.raises(NotFoundError):
        services.documents.section_page(4242)


# --- location ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    [
        "https://intranet.example.gov.uk/carers-strategy?v=3#priorities",
        "HTTP://example.org",
        "C:\\Users\\jo\\Documents\\Carers strategy.docx",
        "\\\\council-fs\\shared\\Strategies\\Carers strategy.docx",
        "/home/jo/Documents/Carers strategy.odt",
        "~/Documents/Carers strategy.odt",
        "Stratégie des aidants.docx",
        "SharePoint: Adult Social Care/Strategies/Carers strategy.docx",
    ],
)
def test_file_paths_and_web_links_are_accepted_as_locations(
    services: Services, location: str
) -> None:
    saved = services.documents.create(Document(title="Carers' strategy", location=location))
    assert services.documents.get(saved.id).location == location
    assert location_is_link(location) == location.lower().startswith("http")


@pytest.mark.parametrize(
    ("location", "says"),
    [
        ("www.example.gov.uk/carers", "Start a web link with https://"),
        ("https://", "not complete"),
        ("http:/example.org", "not complete"),
        ("https://example.org/carers strategy", "no spaces"),
        ("ftp://files.example.org/strategy.pdf", "must start with http:// or https://"),
        ("file:///C:/Documents/strategy.docx", "give the path to it"),
        ("javascript:alert(1)", "must start with http:// or https://"),
        ("mailto:jo@example.org", "must start with http:// or https://"),
        ("smb://council-fs/shared/strategy.docx", "give the path to it"),
    ],
)
def test_a_location_that_is_not_a_proper_web_link_is_refused_beside_the_field(
    services: Services, location: str, says: str
) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    with pytest.raises(ValidationError, match=says) as refused:
        services.documents.update(
            Document(title="Carers' strategy", location=location, id=document.id, version=1)
        )
    assert refused.value.field == "location"
    with pytest.raises(ValidationError):
        check_location(location)
    assert services.documents.get(document.id).location == ""


# --- reviews -------------------------------------------------------------------------------


def test_a_review_date_in_the_past_is_overdue_unless_archived() -> None:
    today = date(2026, 5, 1)
    assert review_is_overdue(Document(title="Old", review_on=date(2026, 4, 30)), today)
    assert not review_is_overdue(Document(title="Due today", review_on=today), today)
    assert not review_is_overdue(Document(title="Undated"), today)
    assert not review_is_overdue(
        Document(title="Retired", review_on=date(2020, 1, 1), status=DocumentStatus.ARCHIVED),
        today,
    )
