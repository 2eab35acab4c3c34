"""The preparation checklist worked out from people's needs: grouped, counted, in plain words."""

from __future__ import annotations

from coproduce.domain.preparation import (
    CONTACT_KEY,
    NOTES_KEY,
    PreparationGroup,
    build_checklist,
)
from coproduce.domain.records import AccessNeeds, Person
from coproduce.domain.vocabulary import (
    CommunicationProfessional,
    CommunicationSupport,
    ContactMethod,
    InformationFormat,
    MeetingAccessNeed,
)

EASY_READ = InformationFormat.EASY_READ
LARGE_PRINT = InformationFormat.LARGE_PRINT


def person(person_id: int, name: str, **needs: object) -> Person:
    return Person(id=person_id, display_name=name, needs=AccessNeeds(**needs))


def council() -> list[Person]:
    return [
        person(1, "Amir", information_formats=frozenset({EASY_READ})),
        person(
            2,
            "Bea",
            information_formats=frozenset({EASY_READ, LARGE_PRINT}),
            large_print_size=18,
            meeting_access=frozenset({MeetingAccessNeed.STEP_FREE, MeetingAccessNeed.DIETARY}),
            meeting_access_notes="Vegetarian, no nuts",
        ),
        person(
            3,
            "Cal",
            information_formats=frozenset({EASY_READ}),
            communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
            communication_support=frozenset({CommunicationSupport.HEARING_LOOP}),
        ),
        person(
            4,
            "Dee",
            information_formats=frozenset({EASY_READ}),
            meeting_access=frozenset({MeetingAccessNeed.QUIET_ROOM, MeetingAccessNeed.DIETARY}),
            meeting_access_notes="Halal",
        ),
        person(5, "Eve"),  # no needs at all
        person(6, "Fin", information_formats=frozenset({InformationFormat.STANDARD_PRINT})),
    ]


def test_the_needs_of_the_people_expected_are_counted_into_plain_items() -> None:
    checklist = build_checklist(council())
    assert [(item.group, item.text) for item in checklist] == [
        (PreparationGroup.BOOKINGS, "Book a BSL interpreter (1 person)"),
        (PreparationGroup.VENUE, "Step-free venue (1 person)"),
        (PreparationGroup.VENUE, "Hearing loop, tested before the start (1 person)"),
        (PreparationGroup.VENUE, "Quiet room (1 person)"),
        (PreparationGroup.PAPERS, "Easy-read pack for 4 people"),
        (PreparationGroup.PAPERS, "Large print 18 pt for 1 person"),
        (PreparationGroup.FOOD_AND_TRAVEL, "Dietary needs: 2 people (see notes)"),
    ]


def test_each_item_names_its_people_in_name_order_but_its_text_names_nobody() -> None:
    checklist = {item.key: item for item in build_checklist(reversed(council()))}
    easy_read = checklist["information_format:easy_read"]
    assert easy_read.count == 4
    assert easy_read.names == ("Amir", "Bea", "Cal", "Dee")
    assert [p.person_id for p in easy_read.people] == [1, 2, 3, 4]
    dietary = checklist["meeting_access:dietary"]
    assert [(p.name, p.detail) for p in dietary.people] == [
        ("Bea", "Vegetarian, no nuts"),
        ("Dee", "Halal"),
    ]
    for item in checklist.values():
        assert not any(name in item.text for name in ("Amir", "Bea", "Cal", "Dee", "Eve"))


def test_keys_are_stable_whatever_the_order_of_people_and_counts() -> None:
    everyone = build_checklist(council())
    fewer = build_checklist(council()[:2])
    assert [i.key for i in everyone][:2] == [
        "communication_professional:bsl_interpreter",
        "meeting_access:step_free",
    ]
    assert [i.key for i in build_checklist(list(reversed(council())))] == [i.key for i in everyone]
    # The easy-read item keeps its key when the count changes: a tick stays with it.
    assert {i.key for i in fewer} <= {i.key for i in everyone}
    assert next(i.text for i in fewer if i.key == "information_format:easy_read") == (
        "Easy-read pack for 2 people"
    )


def test_large_print_is_counted_per_size_and_an_unknown_size_is_asked_about() -> None:
    people = [
        person(1, "Ann", information_formats=frozenset({LARGE_PRINT}), large_print_size=24),
        person(2, "Ben", information_formats=frozenset({LARGE_PRINT}), large_print_size=16),
        person(3, "Col", information_formats=frozenset({LARGE_PRINT}), large_print_size=16),
        person(4, "Dot", information_formats=frozenset({LARGE_PRINT})),
    ]
    assert [(i.key, i.text) for i in build_checklist(people)] == [
        ("information_format:large_print:16", "Large print 16 pt for 2 people"),
        ("information_format:large_print:24", "Large print 24 pt for 1 person"),
        ("information_format:large_print", "Large print for 1 person (size not recorded: ask)"),
    ]


def test_nobody_with_needs_to_prepare_gives_an_empty_checklist() -> None:
    assert build_checklist([]) == []
    assert build_checklist(council()[4:]) == []


def test_bookings_that_are_one_to_one_say_so() -> None:
    deafblind = frozenset({CommunicationProfessional.DEAFBLIND_INTERPRETER})
    one = build_checklist([person(1, "Ann", communication_professionals=deafblind)])
    two = build_checklist(
        [
            person(1, "Ann", communication_professionals=deafblind),
            person(2, "Ben", communication_professionals=deafblind),
        ]
    )
    assert [i.text for i in one] == ["Book a deafblind interpreter (1 person)"]
    assert [i.text for i in two] == ["Book deafblind interpreters, one for each person (2 people)"]


def test_contact_wishes_become_one_item_with_each_persons_way() -> None:
    people = [
        person(
            1,
            "Ann",
            contact_methods=frozenset({ContactMethod.LETTER, ContactMethod.NO_PHONE_CALLS}),
            contact_notes="Post to her daughter's address",
        ),
        person(2, "Ben", contact_methods=frozenset({ContactMethod.TEXT_ONLY})),
    ]
    [item] = build_checklist(people)
    assert (item.key, item.group, item.text) == (
        CONTACT_KEY,
        PreparationGroup.CONTACT,
        "Send invitations and papers the way each person asked (2 people)",
    )
    assert [p.detail for p in item.people] == [
        "Letter, No phone calls. Post to her daughter's address",
        "Text message only",
    ]


def test_notes_about_needs_with_nothing_ticked_are_not_lost() -> None:
    people = [
        person(1, "Ann", meeting_access_notes="Needs a chair with arms"),
        person(
            2,
            "Ben",
            meeting_access=frozenset({MeetingAccessNeed.STEP_FREE}),
            meeting_access_notes="Uses a wheelchair",  # shown with the step-free item instead
            communication_support_notes="Uses Makaton signs",
        ),
    ]
    checklist = {item.key: item for item in build_checklist(people)}
    notes = checklist[NOTES_KEY]
    assert notes.text == "Read the notes about needs (2 people)"
    assert [(p.name, p.detail) for p in notes.people] == [
        ("Ann", "Meeting access: Needs a chair with arms"),
        ("Ben", "Communication support: Uses Makaton signs"),
    ]
    assert [p.detail for p in checklist["meeting_access:step_free"].people] == ["Uses a wheelchair"]


def test_every_need_that_asks_for_preparation_has_an_item() -> None:
    everything = person(
        1,
        "Ann",
        information_formats=frozenset(InformationFormat) - {InformationFormat.STANDARD_PRINT},
        communication_support=frozenset(CommunicationSupport),
        communication_professionals=frozenset(CommunicationProfessional),
        meeting_access=frozenset(MeetingAccessNeed),
        large_print_size=20,
    )
    checklist = build_checklist([everything])
    expected = (
        len(InformationFormat)
        - 1
        + len(CommunicationSupport)
        + len(CommunicationProfessional)
        + len(MeetingAccessNeed)
    )
    assert len(checklist) == expected
    assert len({i.key for i in checklist}) == expected
    assert all(i.text.endswith(("(1 person)", "for 1 person", "(see notes)")) for i in checklist)
