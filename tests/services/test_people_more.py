"""The people register's sorting, undo of deletes and consent, and who records consent:
through the real services on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    AccessNeeds,
    Consent,
    Group,
    LadderAssessment,
    Meeting,
    Person,
    replace,
)
from coproduce.domain.vocabulary import (
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    DocumentKind,
    InformationFormat,
    LadderRung,
    Role,
)
from coproduce.services import Services
from coproduce.services.people import PersonFilter


def names(services: Services, filters: PersonFilter) -> list[str]:
    return [p.display_name for p in services.people.list(filters).items]


def consent(person: Person, purpose: ConsentPurpose, state: ConsentState, on: date) -> Consent:
    assert person.id is not None
    return Consent(
        person_id=person.id,
        purpose=purpose,
        state=state,
        on=on,
        method=ConsentMethod.EASY_READ_FORM,
        recorded_by="Facilitator",
    )


def test_people_sort_by_name_or_organisation_either_way_in_the_database(
    services: Services,
) -> None:
    for name, organisation in [
        ("Bea", "carers centre"),
        ("Al", "Age UK"),
        ("Cy", ""),
        ("Di", "Mencap"),
        ("Ed", "Age UK"),
    ]:
        services.people.create(Person(display_name=name, organisation=organisation))

    assert names(services, PersonFilter()) == ["Al", "Bea", "Cy", "Di", "Ed"]
    assert names(services, PersonFilter(descending=True)) == ["Ed", "Di", "Cy", "Bea", "Al"]
    # Case does not split organisations; people with none come last either way.
    assert names(services, PersonFilter(order="organisation")) == ["Al", "Ed", "Bea", "Di", "Cy"]
    assert names(services, PersonFilter(order="organisation", descending=True)) == [
        "Di",
        "Bea",
        "Ed",
        "Al",
        "Cy",
    ]
    # The ids a lazy list loads come in the same order as the rows.
    by_organisation = PersonFilter(order="organisation")
    assert services.people.ids(by_organisation) == [
        p.id for p in services.people.list(by_organisation).items
    ]
    # Sorting and filtering go together, and a page is a slice of the sorted whole.
    matching = PersonFilter(text="uk", order="organisation", descending=True)
    page = services.people.list(matching, offset=1, limit=1)
    assert (page.total, [p.display_name for p in page.items]) == (2, ["Al"])


def test_an_unknown_sort_is_refused(services: Services) -> None:
    with pytest.raises(ValueError, match="cannot be sorted by 'phone'"):
        services.people.list(PersonFilter(order="phone"))


def test_people_who_left_or_are_active_are_listed_apart(services: Services) -> None:
    services.people.create(Person(display_name="Stays"))
    gone = services.people.create(Person(display_name="Goes"))
    services.people.archive(gone.id, date(2026, 1, 2))
    assert names(services, PersonFilter(active=True)) == ["Stays"]
    assert names(services, PersonFilter(active=False)) == ["Goes"]
    assert names(services, PersonFilter()) == ["Goes", "Stays"]


def test_a_deleted_person_comes_back_with_consents_memberships_and_needs(
    services: Services,
) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    other = services.groups.create(Group(name="Pilot group"))
    needs = AccessNeeds(
        information_formats=frozenset({InformationFormat.LARGE_PRINT}),
        large_print_size=18,
        reviewed_on=date.today(),
    )
    person = services.people.create(
        Person(display_name="Kim Lo", roles=frozenset({Role.UNPAID_CARER}), needs=needs)
    )
    joined = services.groups.add_member(group.id, person.id, date(2025, 3, 1))
    services.groups.add_member(other.id, person.id, date(2025, 4, 1))
    first = services.people.record_consent(
        consent(person, ConsentPurpose.TAKING_PART, ConsentState.GIVEN, date(2025, 3, 1))
    )
    second = services.people.record_consent(
        consent(person, ConsentPurpose.TAKING_PART, ConsentState.WITHDRAWN, date(2025, 9, 1))
    )

    deleted = services.people.delete(person.id, person.version)
    assert deleted.person == person
    assert deleted.consents == (first, second)
    with pytest.raises(NotFoundError):
        services.people.get(person.id)
    services.groups.delete(other.id)  # a group that went meanwhile is not brought back

    restored = services.people.restore(deleted)
    assert restored == replace(person, version=1)
    assert services.people.get(person.id) == restored
    assert services.people.consent_history(person.id) == [first, second]
    assert services.people.current_consents(person.id)[ConsentPurpose.TAKING_PART] == second
    assert services.groups.memberships_of(person.id) == [replace(joined, version=1)]
    assert services.people.ids(PersonFilter(group_id=group.id)) == [person.id]
    # Deleting again (redo) works on the restored person.
    services.people.delete(person.id)
    assert services.people.list().total == 0


def test_a_restored_person_is_named_again_on_the_assessments_they_made(
    services: Services,
) -> None:
    from coproduce.domain.records import Document

    document = services.documents.create(
        Document(title="Carers' strategy", kind=DocumentKind.STRATEGY)
    )
    assessor = services.people.create(Person(display_name="Ola"))
    assessment = services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=LadderRung.CO_DESIGN,
            assessed_on=date(2026, 1, 5),
            assessor_name="Ola",
            assessor_id=assessor.id,
        )
    )
    deleted = services.people.delete(assessor.id)
    assert deleted.assessed_ids == (assessment.id,)
    assert services.ladder.get(assessment.id).assessor_id is None
    services.people.restore(deleted)
    assert services.ladder.get(assessment.id).assessor_id == assessor.id


def test_a_person_cannot_be_restored_twice(services: Services) -> None:
    person = services.people.create(Person(display_name="Once"))
    deleted = services.people.delete(person.id)
    services.people.restore(deleted)
    with pytest.raises(ConflictError):
        services.people.restore(deleted)
    assert services.people.list().total == 1


def test_the_reason_a_person_cannot_be_deleted_is_known_before_asking(
    services: Services,
) -> None:
    from datetime import datetime

    group = services.groups.create(Group(name="Forum"))
    fran = services.people.create(Person(display_name="Fran"))
    free = services.people.create(Person(display_name="Free"))
    services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Spring session",
            starts_at=datetime(2026, 3, 3, 10),
            ends_at=datetime(2026, 3, 3, 12),
            facilitator_ids=(fran.id,),
        )
    )
    reason = services.people.why_not_deletable(fran.id)
    assert reason == (
        "Fran has 1 session(s) they facilitated, so they cannot be deleted. "
        "Mark them as left instead: their history stays."
    )
    with pytest.raises(ValidationError) as refused:
        services.people.delete(fran.id)
    assert str(refused.value) == reason
    assert services.people.why_not_deletable(free.id) == ""


def test_archiving_a_copy_someone_else_changed_is_refused(services: Services) -> None:
    person = services.people.create(Person(display_name="Ray"))
    services.people.update(replace(person, phone="0123"))
    with pytest.raises(ConflictError, match="Ray"):
        services.people.archive(person.id, expected_version=person.version)
    assert services.people.get(person.id).active
    archived = services.people.archive(person.id, date(2026, 2, 1), expected_version=2)
    assert (archived.active, archived.left_on) == (False, date(2026, 2, 1))


def test_a_consent_decision_entered_by_mistake_can_be_taken_back_and_put_back(
    services: Services,
) -> None:
    person = services.people.create(Person(display_name="Jo"))
    given = services.people.record_consent(
        consent(person, ConsentPurpose.PHOTOGRAPHS, ConsentState.GIVEN, date(2026, 1, 1))
    )
    mistake = services.people.record_consent(
        consent(person, ConsentPurpose.PHOTOGRAPHS, ConsentState.REFUSED, date(2026, 1, 2))
    )

    assert services.people.take_back_consent(mistake.id) == mistake
    assert services.people.consent_history(person.id) == [given]
    assert services.people.has_consent(person.id, ConsentPurpose.PHOTOGRAPHS)

    services.people.put_back_consent(mistake)
    assert services.people.consent_history(person.id) == [given, mistake]
    assert not services.people.has_consent(person.id, ConsentPurpose.PHOTOGRAPHS)


def test_only_the_newest_consent_decision_can_be_taken_back(services: Services) -> None:
    person = services.people.create(Person(display_name="Jo"))
    older = services.people.record_consent(
        consent(person, ConsentPurpose.RECORDING, ConsentState.GIVEN, date(2026, 1, 1))
    )
    services.people.record_consent(
        consent(person, ConsentPurpose.RECORDING, ConsentState.WITHDRAWN, date(2026, 2, 1))
    )
    with pytest.raises(ValidationError, match="no longer the newest one"):
        services.people.take_back_consent(older.id)
    assert len(services.people.consent_history(person.id)) == 2


def test_consent_is_recorded_by_the_user_of_the_window(services: Services) -> None:
    assert services.people.current_user() == "Test Facilitator"


def test_needs_review_due_counts_a_review_exactly_a_year_ago_as_in_time(
    services: Services,
) -> None:
    today = services.people.today()
    needs = AccessNeeds(information_formats=frozenset({InformationFormat.EASY_READ}))
    services.people.create(
        Person(display_name="In time", needs=replace(needs, reviewed_on=today - timedelta(365)))
    )
    late = services.people.create(
        Person(display_name="Late", needs=replace(needs, reviewed_on=today - timedelta(366)))
    )
    assert services.people.ids(PersonFilter(needs_review_due=True)) == [late.id]


def test_one_signed_form_records_several_purposes_at_once(services: Services) -> None:
    person = services.people.create(Person(display_name="Kit"))
    signed = date(2026, 11, 30)
    purposes = [
        ConsentPurpose.TAKING_PART,
        ConsentPurpose.QUOTED_BY_NAME,
        ConsentPurpose.PHOTOGRAPHS,
    ]

    recorded = services.people.record_consents(
        consent(person, purpose, ConsentState.GIVEN, signed) for purpose in purposes
    )

    assert [c.purpose for c in recorded] == purposes
    assert services.people.consent_history(person.id) == recorded
    assert all(c.on == signed and c.method is ConsentMethod.EASY_READ_FORM for c in recorded)
    # Taken back together (undo), put back together (redo).
    assert services.people.take_back_consents([c.id for c in recorded]) == recorded
    assert services.people.consent_history(person.id) == []
    services.people.put_back_consents(recorded)
    assert services.people.consent_history(person.id) == recorded


def test_a_form_with_one_purpose_refused_records_none_of_them(services: Services) -> None:
    person = services.people.create(Person(display_name="Lee"))
    services.people.record_consent(
        consent(person, ConsentPurpose.PHOTOGRAPHS, ConsentState.REFUSED, date(2026, 12, 1))
    )
    with pytest.raises(ValidationError, match="before the one in force for 'Photographs'"):
        services.people.record_consents(
            consent(person, purpose, ConsentState.GIVEN, date(2026, 11, 1))
            for purpose in (ConsentPurpose.TAKING_PART, ConsentPurpose.PHOTOGRAPHS)
        )
    assert [c.purpose for c in services.people.consent_history(person.id)] == [
        ConsentPurpose.PHOTOGRAPHS
    ]
    with pytest.raises(ValidationError, match="Tick at least one purpose"):
        services.people.record_consents([])


def test_decisions_recorded_together_are_taken_back_together_or_not_at_all(
    services: Services,
) -> None:
    person = services.people.create(Person(display_name="Mo"))
    recorded = services.people.record_consents(
        consent(person, purpose, ConsentState.GIVEN, date(2026, 11, 1))
        for purpose in (ConsentPurpose.TAKING_PART, ConsentPurpose.RECORDING)
    )
    services.people.record_consent(
        consent(person, ConsentPurpose.RECORDING, ConsentState.WITHDRAWN, date(2026, 12, 1))
    )
    with pytest.raises(ValidationError, match="no longer the newest one"):
        services.people.take_back_consents([c.id for c in recorded])
    assert len(services.people.consent_history(person.id)) == 3


def test_the_choice_of_facilitators_names_active_people_in_those_roles_and_those_chosen(
    services: Services,
) -> None:
    lead = services.people.create(
        Person(display_name="Lead Facilitator", roles=frozenset({Role.FACILITATOR, Role.STAFF}))
    )
    officer = services.people.create(Person(display_name="Officer", roles=frozenset({Role.STAFF})))
    gone = services.people.create(
        Person(display_name="Former Facilitator", roles=frozenset({Role.FACILITATOR}), active=False)
    )
    guest = services.people.create(Person(display_name="Guest Speaker"))
    services.people.create(
        Person(display_name="Member", roles=frozenset({Role.EXPERT_BY_EXPERIENCE}))
    )

    offered = services.people.named_with_roles((Role.FACILITATOR, Role.STAFF))
    assert {(p.id, p.display_name, p.roles) for p in offered} == {
        (lead.id, "Lead Facilitator", frozenset({Role.FACILITATOR, Role.STAFF})),
        (officer.id, "Officer", frozenset({Role.STAFF})),
    }
    # Those already facilitating a session stay on its list, whatever they are now.
    with_chosen = services.people.named_with_roles(
        (Role.FACILITATOR, Role.STAFF),
        [gone.id, guest.id],  # type: ignore[list-item]
    )
    assert {p.display_name: p.roles for p in with_chosen} == {
        "Lead Facilitator": frozenset({Role.FACILITATOR, Role.STAFF}),
        "Officer": frozenset({Role.STAFF}),
        "Former Facilitator": frozenset({Role.FACILITATOR}),
        "Guest Speaker": frozenset(),
    }
