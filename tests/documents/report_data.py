"""A session made through the real services, with people whose consent to be named differs:
what the document tests export and search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coproduce.domain.records import (
    Action,
    AgendaItem,
    Consent,
    Contribution,
    Document,
    Group,
    Link,
    Meeting,
    Person,
    Response,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.services import Services

NAMED = "Ayo Bello"
# Nobody below agreed to be named; their names must appear nowhere in any output.
WITHDRAWN = "Zoë Ångström-Ōkafor"
REFUSED = "محمد الأحمد"
NEVER_ASKED = "李小龍 Wong"
ANONYMOUS_ONLY = "Siobhán Ní Bhriain"
HIDDEN = (WITHDRAWN, REFUSED, NEVER_ASKED, ANONYMOUS_ONLY)


@dataclass(frozen=True)
class Made:
    group: Group
    session: Meeting
    next_session: Meeting
    earlier_session: Meeting
    document: Document
    people: dict[str, Person]


def make_session(services: Services) -> Made:
    today = date.today()
    group = services.groups.create(Group(name="Carers' Forum"))
    people = {name: services.people.create(Person(display_name=name)) for name in (NAMED, *HIDDEN)}
    joined = today - timedelta(days=400)
    for person in people.values():
        services.groups.add_member(group.id, person.id, joined)  # type: ignore[arg-type]

    def consent(name: str, purpose: ConsentPurpose, state: ConsentState, days_ago: int) -> None:
        services.people.record_consent(
            Consent(
                person_id=people[name].id,  # type: ignore[arg-type]
                purpose=purpose,
                state=state,
                on=today - timedelta(days=days_ago),
            )
        )

    consent(NAMED, ConsentPurpose.QUOTED_BY_NAME, ConsentState.GIVEN, 30)
    consent(WITHDRAWN, ConsentPurpose.QUOTED_BY_NAME, ConsentState.GIVEN, 30)
    consent(WITHDRAWN, ConsentPurpose.QUOTED_BY_NAME, ConsentState.WITHDRAWN, 2)
    consent(REFUSED, ConsentPurpose.QUOTED_BY_NAME, ConsentState.REFUSED, 30)
    consent(ANONYMOUS_ONLY, ConsentPurpose.QUOTED_ANONYMOUSLY, ConsentState.GIVEN, 30)
    consent(ANONYMOUS_ONLY, ConsentPurpose.TAKING_PART, ConsentState.GIVEN, 30)

    def session(title: str, days: int) -> Meeting:
        start = datetime.combine(today + timedelta(days=days), datetime.min.time()).replace(hour=10)
        return services.meetings.create(
            Meeting(
                group_id=group.id,  # type: ignore[arg-type]
                title=title,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                place="Town Hall, Room 2",
                facilitator_ids=(people[NEVER_ASKED].id,),  # type: ignore[arg-type]
            )
        )

    earlier = session("Getting around", -60)
    meeting = session("Short breaks for carers", -3)
    later = session("Money and support", 40)
    document = services.documents.create(Document(title="Carers' strategy"))

    for name, status, reason in (
        (NAMED, AttendanceStatus.PRESENT, ""),
        (WITHDRAWN, AttendanceStatus.PRESENT, ""),
        (REFUSED, AttendanceStatus.PRESENT, ""),
        (ANONYMOUS_ONLY, AttendanceStatus.PRESENT, ""),
        (NEVER_ASKED, AttendanceStatus.APOLOGIES, "Hospital appointment"),
    ):
        services.meetings.mark_attendance(
            meeting.id,  # type: ignore[arg-type]
            people[name].id,  # type: ignore[arg-type]
            status,
            apology_reason=reason,
        )

    services.meetings.mark_attendance(
        earlier.id,  # type: ignore[arg-type]
        people[WITHDRAWN].id,  # type: ignore[arg-type]
        AttendanceStatus.PRESENT,
    )
    item = services.meetings.add_agenda_item(
        AgendaItem(
            meeting_id=meeting.id,  # type: ignore[arg-type]
            title="Short breaks",
            notes=f"{WITHDRAWN} opened the item.",
            easy_read="We talked about short breaks for carers.",
        )
    )

    def said(
        name: str | None,
        text: str,
        *,
        on: Meeting = meeting,
        attribution: Attribution = Attribution.PERSON,
        kind: ContributionKind = ContributionKind.IDEA,
        answer: str = "",
    ) -> Contribution:
        contribution = services.contributions.add(
            Contribution(
                meeting_id=on.id,  # type: ignore[arg-type]
                text=text,
                kind=kind,
                attribution=attribution,
                speaker_id=people[name].id if name else None,
                agenda_item_id=item.id if on is meeting else None,
                in_summary=True,
            )
        )
        services.contributions.link(
            Link(contribution_id=contribution.id, document_id=document.id)  # type: ignore[arg-type]
        )
        if answer:
            services.contributions.respond(
                Response(
                    contribution_id=contribution.id,  # type: ignore[arg-type]
                    status=ResponseStatus.ALREADY_HAPPENING,
                    text=answer,
                    decided_on=today - timedelta(days=1),
                )
            )
        return contribution

    said(NAMED, "The bus to the day centre is often late.", answer="We asked for a new bus time.")
    said(WITHDRAWN, "We want more short breaks.", answer="The strategy now promises more breaks.")
    said(REFUSED, f"I agree with {NEVER_ASKED} about the forms.")
    said(ANONYMOUS_ONLY, "Letters are too long.", attribution=Attribution.ANONYMOUS)
    said(
        None,
        "Keep the meetings in the Town Hall.",
        attribution=Attribution.WHOLE_GROUP,
        kind=ContributionKind.DECISION,
    )
    said(
        WITHDRAWN,
        "Safeguarding leaflets are confusing.",
        on=earlier,
        answer="We wrote an easy read safeguarding leaflet.",
    )
    services.actions.create(
        Action(
            meeting_id=meeting.id,  # type: ignore[arg-type]
            text="Ask the transport team about the bus.",
            owner_id=people[REFUSED].id,
            due_on=today + timedelta(days=10),
        )
    )
    services.actions.create(
        Action(
            meeting_id=meeting.id,  # type: ignore[arg-type]
            text="Send the short breaks leaflet.",
            owner_id=people[NAMED].id,
        )
    )
    # Both were held (a summary is only for a session that was held); the next is planned.
    meeting = services.meetings.set_status(meeting.id, MeetingStatus.HELD)  # type: ignore[arg-type]
    earlier = services.meetings.set_status(earlier.id, MeetingStatus.HELD)  # type: ignore[arg-type]
    return Made(group, meeting, later, earlier, document, people)
