"""The rules every record keeps before it is saved: each refusal, its message and its field.

A refusal must say what to do and name the field to show the message beside, so each case
checks both. Property tests feed any Unicode and any date through the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import (
    AccessNeeds,
    Action,
    AgendaItem,
    Attendance,
    Consent,
    Contribution,
    Document,
    Group,
    InvolvementActivity,
    LadderAssessment,
    Meeting,
    Membership,
    Payment,
    Person,
    Response,
    Section,
    replace,
)
from coproduce.domain.validation import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    check_access_needs,
    check_action,
    check_activity,
    check_agenda_item,
    check_attendance,
    check_consent,
    check_contribution,
    check_document,
    check_group,
    check_ladder_assessment,
    check_meeting,
    check_membership,
    check_payment,
    check_person,
    check_response,
    check_section,
    clean_record,
    clean_text,
    in_words,
)
from coproduce.domain.vocabulary import (
    ActionStatus,
    ActivityKind,
    AttendanceStatus,
    Attribution,
    CommunicationProfessional,
    CommunicationSupport,
    ConsentPurpose,
    ConsentState,
    ContactMethod,
    FeedbackMethod,
    InformationFormat,
    LadderRung,
    ResponseStatus,
)

TODAY = date.today()
TEN_AM = datetime(2025, 3, 11, 10, 0)


def needs(**fields: Any) -> AccessNeeds:
    return AccessNeeds(**{k: frozenset(v) if isinstance(v, set) else v for k, v in fields.items()})


def session(**changes: Any) -> Meeting:
    base = Meeting(
        group_id=1, title="Carers' strategy", starts_at=TEN_AM, ends_at=TEN_AM + timedelta(hours=2)
    )
    return replace(base, **changes)


@dataclass(frozen=True)
class Refusal:
    """One rule: checking ``record`` with ``check`` is refused beside ``field``, saying ``says``."""

    name: str
    check: Callable[[Any], Any]
    record: Any
    field: str | None
    says: str


REFUSALS = [
    # --- names and titles
    Refusal("empty group name", check_group, Group(name=" \t "), "name", "Please enter a name"),
    Refusal(
        "group name of only NUL and a lone surrogate",
        check_group,
        Group(name="\x00\ud800"),
        "name",
        "Please enter a name for the group.",
    ),
    Refusal(
        "overlong group name",
        check_group,
        Group(name="x" * (MAX_NAME_LENGTH + 1)),
        "name",
        f"keep it under {MAX_NAME_LENGTH} characters",
    ),
    Refusal(
        "empty person name",
        check_person,
        Person(display_name="\n"),
        "display_name",
        "Please enter the person's name.",
    ),
    Refusal(
        "empty session title",
        check_meeting,
        session(title=""),
        "title",
        "Please enter a title for the session.",
    ),
    Refusal(
        "empty agenda item title",
        check_agenda_item,
        AgendaItem(meeting_id=1, title=" "),
        "title",
        "Please enter a title for the agenda item.",
    ),
    Refusal(
        "empty document title",
        check_document,
        Document(title=""),
        "title",
        "Please enter a title for the document.",
    ),
    Refusal(
        "empty section heading",
        check_section,
        Section(document_id=1, heading=""),
        "heading",
        "Please enter a heading for the section.",
    ),
    Refusal(
        "empty activity title",
        check_activity,
        InvolvementActivity(kind=ActivityKind.AUDIT, title="", on=TEN_AM.date()),
        "title",
        "Please enter a title for the activity.",
    ),
    Refusal(
        "text longer than a field keeps",
        check_group,
        Group(name="Board", purpose="x" * (MAX_TEXT_LENGTH + 1)),
        "purpose",
        "Split it into parts",
    ),
    # --- people and their access needs
    Refusal(
        "email without an at sign",
        check_person,
        Person(display_name="Ann", email="ann.example.org"),
        "email",
        "does not look like an email address",
    ),
    Refusal(
        "left but still active",
        check_person,
        Person(display_name="Ann", left_on=date(2025, 1, 1), active=True),
        "left_on",
        "A person who has left cannot be active",
    ),
    Refusal(
        "braille with standard print",
        check_access_needs,
        needs(information_formats={InformationFormat.BRAILLE, InformationFormat.STANDARD_PRINT}),
        "information_formats",
        "'Reads standard print' and 'Braille' contradict each other",
    ),
    Refusal(
        "large print with standard print",
        check_access_needs,
        needs(
            information_formats={InformationFormat.LARGE_PRINT, InformationFormat.STANDARD_PRINT}
        ),
        "information_formats",
        "'Reads standard print' and 'Large print' contradict each other",
    ),
    Refusal(
        "phone calls with no phone calls",
        check_access_needs,
        needs(contact_methods={ContactMethod.PHONE, ContactMethod.NO_PHONE_CALLS}),
        "contact_methods",
        "'Phone call' and 'No phone calls' contradict each other",
    ),
    Refusal(
        "text only with email",
        check_access_needs,
        needs(contact_methods={ContactMethod.TEXT_ONLY, ContactMethod.EMAIL}),
        "contact_methods",
        "'Text message only' cannot go with other ways of contact (Email)",
    ),
    Refusal(
        "large print size without large print",
        check_access_needs,
        needs(information_formats={InformationFormat.EASY_READ}, large_print_size=18),
        "large_print_size",
        "'Large print' is not ticked",
    ),
    Refusal(
        "large print size too small",
        check_access_needs,
        needs(information_formats={InformationFormat.LARGE_PRINT}, large_print_size=12),
        "large_print_size",
        "Large print size 12 pt is not possible: use a size from 14 to 72 pt.",
    ),
    Refusal(
        "large print size too big",
        check_access_needs,
        needs(information_formats={InformationFormat.LARGE_PRINT}, large_print_size=73),
        "large_print_size",
        "from 14 to 72 pt",
    ),
    Refusal(
        "deafblind interpreter with standard print and lip reading",
        check_access_needs,
        needs(
            communication_professionals={CommunicationProfessional.DEAFBLIND_INTERPRETER},
            information_formats={InformationFormat.STANDARD_PRINT},
            communication_support={CommunicationSupport.LIP_READING},
        ),
        "communication_professionals",
        "Please check the communication needs with the person",
    ),
    Refusal(
        "needs reviewed in the future",
        check_access_needs,
        needs(reviewed_on=TODAY + timedelta(days=1)),
        "reviewed_on",
        "cannot be reviewed in the future",
    ),
    Refusal(
        "contradictory needs inside a person",
        check_person,
        Person(
            display_name="Ann",
            needs=needs(contact_methods={ContactMethod.PHONE, ContactMethod.NO_PHONE_CALLS}),
        ),
        "contact_methods",
        "contradict",
    ),
    Refusal(
        "left a group before joining",
        check_membership,
        Membership(group_id=1, person_id=1, joined_on=date(2025, 5, 1), left_on=date(2025, 4, 1)),
        "left_on",
        "before the date they joined",
    ),
    # --- sessions
    Refusal(
        "session ending before it starts",
        check_meeting,
        session(ends_at=TEN_AM - timedelta(minutes=30)),
        "ends_at",
        "The session ends before it starts. Check the start and end times.",
    ),
    Refusal(
        "session ending as it starts",
        check_meeting,
        session(ends_at=TEN_AM),
        "ends_at",
        "must end after it starts",
    ),
    Refusal(
        "session over a day long",
        check_meeting,
        session(ends_at=TEN_AM + timedelta(hours=24, minutes=1)),
        "ends_at",
        "cannot last more than 24 hours",
    ),
    Refusal(
        "online link that is not an address",
        check_meeting,
        session(online_link="teams meeting on Tuesday"),
        "online_link",
        "starting with https://",
    ),
    Refusal(
        "agenda item of no time",
        check_agenda_item,
        AgendaItem(meeting_id=1, title="Welcome", duration_minutes=0),
        "duration_minutes",
        "between 1 minute and 24 hours",
    ),
    Refusal(
        "apology reason for someone present",
        check_attendance,
        Attendance(
            meeting_id=1, person_id=1, status=AttendanceStatus.PRESENT, apology_reason="Ill"
        ),
        "apology_reason",
        "only goes with 'Apologies'",
    ),
    Refusal(
        "late arrival for someone absent",
        check_attendance,
        Attendance(meeting_id=1, person_id=1, status=AttendanceStatus.ABSENT, arrived_late=True),
        "status",
        "Only someone marked present",
    ),
    # --- contributions and responses
    Refusal(
        "contribution with no words",
        check_contribution,
        Contribution(meeting_id=1, text=" \n "),
        "text",
        "Please type what was said.",
    ),
    Refusal(
        "named contribution with no speaker",
        check_contribution,
        Contribution(meeting_id=1, text="More buses", attribution=Attribution.PERSON),
        "speaker_id",
        "Choose who said this",
    ),
    Refusal(
        "whole-group contribution with one speaker",
        check_contribution,
        Contribution(
            meeting_id=1, text="More buses", attribution=Attribution.WHOLE_GROUP, speaker_id=3
        ),
        "speaker_id",
        "cannot also have one speaker",
    ),
    Refusal(
        "not taken forward without a reason",
        check_response,
        Response(contribution_id=1, status=ResponseStatus.NOT_TAKEN_FORWARD, reason="  "),
        "reason",
        "Say why this was not taken forward",
    ),
    Refusal(
        "outside scope without saying where it went",
        check_response,
        Response(contribution_id=1, status=ResponseStatus.OUTSIDE_SCOPE),
        "referred_to",
        "Say where this was referred",
    ),
    Refusal(
        "not answered yet but decided",
        check_response,
        Response(contribution_id=1, decided_on=date(2025, 3, 1)),
        "status",
        "not answered yet cannot have a decision or feedback date",
    ),
    Refusal(
        "fed back without saying how",
        check_response,
        Response(
            contribution_id=1,
            status=ResponseStatus.CHANGED_DOCUMENT,
            fed_back_on=date(2025, 3, 1),
        ),
        "fed_back_how",
        "Say how the answer was fed back",
    ),
    Refusal(
        "fed back before decided",
        check_response,
        Response(
            contribution_id=1,
            status=ResponseStatus.CHANGED_DOCUMENT,
            decided_on=date(2025, 3, 10),
            fed_back_on=date(2025, 3, 9),
            fed_back_how=FeedbackMethod.AT_SESSION,
        ),
        "fed_back_on",
        "The answer was fed back before it was decided. Check the two dates.",
    ),
    # --- the ladder
    Refusal(
        "assessment dated in the future",
        check_ladder_assessment,
        LadderAssessment(
            document_id=1,
            rung=LadderRung.CONSULTATION,
            assessed_on=TODAY + timedelta(days=1),
            assessor_name="Jo",
        ),
        "assessed_on",
        "cannot be dated in the future",
    ),
    Refusal(
        "assessment by nobody",
        check_ladder_assessment,
        LadderAssessment(document_id=1, rung=LadderRung.CONSULTATION, assessed_on=TODAY),
        "assessor_name",
        "Say who made this assessment.",
    ),
    # --- actions
    Refusal(
        "action with nothing to do",
        check_action,
        Action(meeting_id=1, text=""),
        "text",
        "Please say what needs to be done.",
    ),
    Refusal(
        "done date on an open action",
        check_action,
        Action(meeting_id=1, text="Book room", done_on=date(2025, 3, 1)),
        "done_on",
        "Only a done action has a date it was done",
    ),
    Refusal(
        "done date on a dropped action",
        check_action,
        Action(
            meeting_id=1, text="Book room", status=ActionStatus.DROPPED, done_on=date(2025, 3, 1)
        ),
        "done_on",
        "Mark it done or clear the date",
    ),
    # --- involvement and payments
    Refusal(
        "activity with negative hours",
        check_activity,
        InvolvementActivity(
            kind=ActivityKind.AUDIT, title="Audit", on=TEN_AM.date(), hours=Decimal("-1")
        ),
        "hours",
        "cannot be negative",
    ),
    Refusal(
        "payment for no session or activity",
        check_payment,
        Payment(person_id=1, amount_pence=2000),
        "meeting_id",
        "Say which session or activity",
    ),
    Refusal(
        "negative amount",
        check_payment,
        Payment(person_id=1, meeting_id=1, amount_pence=-100),
        "amount_pence",
        "Amounts cannot be negative.",
    ),
    Refusal(
        "negative expenses",
        check_payment,
        Payment(person_id=1, meeting_id=1, expenses_pence=-1),
        "expenses_pence",
        "Amounts cannot be negative.",
    ),
    Refusal(
        "negative payment hours",
        check_payment,
        Payment(person_id=1, meeting_id=1, hours=Decimal("-0.5")),
        "hours",
        "Hours cannot be negative.",
    ),
    Refusal(
        "declined with an amount",
        check_payment,
        Payment(person_id=1, meeting_id=1, amount_pence=2000, declined=True),
        "declined",
        "A declined payment has no amount and no date paid",
    ),
    Refusal(
        "declined but paid",
        check_payment,
        Payment(person_id=1, meeting_id=1, declined=True, paid_on=date(2025, 3, 1)),
        "declined",
        "untick 'declined'",
    ),
    # --- consent
    Refusal(
        "consent for a future date",
        check_consent,
        Consent(
            person_id=1,
            purpose=ConsentPurpose.PHOTOGRAPHS,
            state=ConsentState.GIVEN,
            on=TODAY + timedelta(days=1),
        ),
        "on",
        "Consent cannot be recorded for a future date.",
    ),
]


@pytest.mark.parametrize("rule", REFUSALS, ids=lambda rule: rule.name)
def test_each_rule_refuses_with_its_message_beside_its_field(rule: Refusal) -> None:
    with pytest.raises(ValidationError) as error:
        rule.check(rule.record)
    assert error.value.field == rule.field
    assert rule.says in error.value.message
    assert str(error.value) == error.value.message


# --- what the rules accept, and how they tidy it ---------------------------------------


def test_names_are_trimmed_and_inner_spacing_collapsed() -> None:
    assert check_group(Group(name="  Carers'   Forum\n")).name == "Carers' Forum"
    person = check_person(
        Person(display_name=" Zoë\u00a0 Ärnström ", email=" zoe@example.org ", phone=" 0113 ")
    )
    assert person.display_name == "Zoë Ärnström"
    assert person.email == "zoe@example.org" and person.phone == "0113"


def test_consistent_access_needs_are_accepted_unchanged() -> None:
    fine = needs(
        contact_methods={ContactMethod.EMAIL, ContactMethod.NO_PHONE_CALLS},
        information_formats={InformationFormat.LARGE_PRINT, InformationFormat.EASY_READ},
        large_print_size=20,
        communication_support={CommunicationSupport.LIP_READING},
        reviewed_on=TODAY,
        information_notes="Cream paper, please.",
    )
    assert check_access_needs(fine) == fine


def test_free_text_keeps_its_spacing_and_line_breaks() -> None:
    notes = "  First line\n\n\tIndented second line  "
    assert check_meeting(session(notes=notes)).notes == notes


def test_a_done_action_without_a_date_is_done_today() -> None:
    done = check_action(Action(meeting_id=1, text="Book room", status=ActionStatus.DONE))
    assert done.done_on == TODAY


def test_a_whole_group_contribution_and_an_anonymous_one_need_no_speaker() -> None:
    for attribution in (Attribution.WHOLE_GROUP, Attribution.ANONYMOUS):
        contribution = Contribution(meeting_id=1, text="More buses", attribution=attribution)
        assert check_contribution(contribution) == contribution


def test_an_answer_fed_back_the_day_it_was_decided_is_accepted() -> None:
    response = Response(
        contribution_id=1,
        status=ResponseStatus.NOT_TAKEN_FORWARD,
        reason="No budget this year.",
        decided_on=date(2025, 3, 10),
        fed_back_on=date(2025, 3, 10),
        fed_back_how=FeedbackMethod.EASY_READ_SUMMARY,
    )
    assert check_response(response) == response


def test_a_session_of_exactly_a_day_is_accepted() -> None:
    whole_day = session(ends_at=TEN_AM + timedelta(hours=24))
    assert check_meeting(whole_day).ends_at == whole_day.ends_at


# --- any text --------------------------------------------------------------------------

# st.text() leaves out lone surrogates by default; this alphabet lets them (and NUL) in.
ANY_CHARACTER = st.characters(exclude_categories=())


def _storable(character: str) -> bool:
    return character != "\x00" and not 0xD800 <= ord(character) <= 0xDFFF


@given(st.text(ANY_CHARACTER))
def test_clean_text_removes_only_nul_and_lone_surrogates(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == "".join(c for c in text if _storable(c))
    cleaned.encode("utf-8")  # a database can store it
    assert clean_text(cleaned) == cleaned


@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
def test_clean_text_keeps_any_storable_text_exactly(text: str) -> None:
    assert clean_text(text) == text


def test_clean_text_keeps_control_characters_emoji_and_right_to_left_text() -> None:
    text = "\x01\x07\x1b\x7f\u200f\u202eمرحبا\U0001f600\ufeff\ufffe\uffff\r\n\t"
    assert clean_text(text) == text
    assert clean_text("a\x00b\ud83dc\udfffd") == "abcd"


@given(st.text(ANY_CHARACTER))
def test_any_name_is_either_saved_cleanly_or_refused_beside_the_name(text: str) -> None:
    try:
        person = check_person(Person(display_name=text))
    except ValidationError as error:
        assert error.field == "display_name"
        assert error.message.startswith(("Please enter", "The person's name is too long"))
    else:
        name = person.display_name
        assert name and name == name.strip() and "  " not in name
        name.encode("utf-8")


@given(st.text(ANY_CHARACTER), st.text(ANY_CHARACTER))
def test_every_text_field_of_a_record_is_cleaned(notes: str, easy_read: str) -> None:
    cleaned = clean_record(session(notes=notes, easy_read=easy_read))
    assert cleaned.notes == clean_text(notes)
    assert cleaned.easy_read == clean_text(easy_read)


# --- impossible dates ------------------------------------------------------------------

IMPOSSIBLE_DATES = st.one_of(
    st.dates(max_value=EARLIEST_DATE - timedelta(days=1)),
    st.dates(min_value=LATEST_DATE + timedelta(days=1), max_value=date(9999, 12, 30)),
)


def _dated_records(day: date) -> list[tuple[Callable[[Any], Any], Any, str]]:
    """A record of each kind with ``day`` in one of its date fields, and that field's name."""
    at = datetime.combine(day, TEN_AM.time())
    return [
        (check_meeting, session(starts_at=at, ends_at=at + timedelta(hours=2)), "starts_at"),
        (check_action, Action(meeting_id=1, text="Book room", due_on=day), "due_on"),
        (check_document, Document(title="Carers' strategy", review_on=day), "review_on"),
        (check_payment, Payment(person_id=1, meeting_id=1, paid_on=day), "paid_on"),
        (
            check_activity,
            InvolvementActivity(kind=ActivityKind.WORKSHOP, title="Workshop", on=day),
            "on",
        ),
        (
            check_membership,
            Membership(group_id=1, person_id=1, joined_on=day),
            "joined_on",
        ),
        (check_person, Person(display_name="Ann", left_on=day, active=False), "left_on"),
        (
            check_response,
            Response(
                contribution_id=1,
                status=ResponseStatus.ALREADY_HAPPENING,
                decided_on=day,
            ),
            "decided_on",
        ),
        (
            check_access_needs,
            needs(reviewed_on=day),
            "reviewed_on",
        ),
    ]


def _assert_refused_naming(day: date) -> None:
    for check, record, field in _dated_records(day):
        with pytest.raises(ValidationError) as error:
            check(record)
        assert error.value.field == field, check.__name__
        assert in_words(day) in error.value.message, check.__name__
        assert "Please check the year" in error.value.message


@pytest.mark.parametrize("day", [date(1066, 10, 14), date(2999, 1, 1)], ids=str)
def test_impossible_dates_are_refused_with_a_message_naming_the_date(day: date) -> None:
    _assert_refused_naming(day)


@given(IMPOSSIBLE_DATES)
def test_any_date_outside_the_possible_years_is_refused_naming_it(day: date) -> None:
    _assert_refused_naming(day)


@given(st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE))
def test_any_date_inside_the_possible_years_is_accepted(day: date) -> None:
    assert check_action(Action(meeting_id=1, text="Book room", due_on=day)).due_on == day
    assert check_document(Document(title="Policy", review_on=day)).review_on == day
