"""Rules every record must keep before it is saved, with messages written for facilitators.

Each ``check_*`` function returns the cleaned record or raises ``ValidationError`` naming the
field to show the message beside. Text is stored as typed, except for the two things no
database can keep: NUL characters (PostgreSQL refuses them) and lone surrogates (not
encodable as UTF-8). Names and titles are one line: trimmed, every run of spaces, tabs and line
breaks folded into one space, other control characters and bidirectional embeddings,
overrides and isolates removed (``domain.text_hygiene``); free text keeps its spacing.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

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
    Link,
    Meeting,
    Membership,
    Payment,
    Person,
    Response,
    Section,
    replace,
)
from coproduce.domain.text_hygiene import without_bidi_controls
from coproduce.domain.vocabulary import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    CommunicationProfessional,
    CommunicationSupport,
    ContactMethod,
    InformationFormat,
    ResponseStatus,
)

R = TypeVar("R")

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 1_000_000
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
MAX_SESSION_LENGTH = timedelta(hours=24)
LARGE_PRINT_SIZES = range(14, 73)
MAX_PENCE = 2**31 - 1  # the database column's limit, over £21 million
MAX_HOURS = Decimal(24 * 31)

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Control characters that are not whitespace (str.split folds those): ESC, BEL, DEL, C1...
_NAME_CONTROLS = re.compile("[\x01-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def clean_text(text: str) -> str:
    """Remove only what no database can store (NUL, lone surrogates); keep everything else."""
    return _UNSTORABLE.sub("", text)


def clean_record(record: R) -> R:
    """Apply ``clean_text`` to every string field of a record (not nested records), and
    refuse any text too long to keep."""
    assert is_dataclass(record)
    changes = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str):
            _text(value, f.name)
            if _UNSTORABLE.search(value):
                changes[f.name] = clean_text(value)
    return replace(record, **changes) if changes else record


def in_words(day: date) -> str:
    """A date as people say it: '14 October 1066'."""
    return f"{day.day} {day:%B} {day.year}"


def _name(value: str, field: str, what: str) -> str:
    # A name or title is one line: line breaks and tabs fold into single spaces, other
    # control characters and the bidirectional embeddings, overrides and isolates (never
    # needed in one short line, and a way to turn the rest of a sentence backwards) are
    # removed; the direction marks are kept.
    value = " ".join(_NAME_CONTROLS.sub("", without_bidi_controls(clean_text(value))).split())
    if not value:
        raise ValidationError(f"Please enter {what}.", field)
    if len(value) > MAX_NAME_LENGTH:
        raise ValidationError(
            f"{what[0].upper()}{what[1:]} is too long: keep it under {MAX_NAME_LENGTH} characters "
            "and put the rest in the notes.",
            field,
        )
    return value


def _text(value: str, field: str) -> None:
    if len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(
            f"This text is {len(value):,} characters long; the most Coproduce keeps in one field "
            f"is {MAX_TEXT_LENGTH:,}. Split it into parts.",
            field,
        )


def _date(value: date | None, field: str, what: str) -> None:
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(
            f"{what} {in_words(day)} cannot be right. Please check the year.", field
        )


def check_group(group: Group) -> Group:
    group = clean_record(group)
    _text(group.purpose, "purpose")
    return replace(group, name=_name(group.name, "name", "a name for the group"))


def check_access_needs(needs: AccessNeeds) -> AccessNeeds:
    """Refuse choices that contradict each other, so the session preparation is trustworthy."""
    needs = clean_record(needs)
    formats = needs.information_formats
    contact = needs.contact_methods
    if InformationFormat.STANDARD_PRINT in formats:
        for other in (InformationFormat.BRAILLE, InformationFormat.LARGE_PRINT):
            if other in formats:
                raise ValidationError(
                    f"'{InformationFormat.STANDARD_PRINT.label}' and '{other.label}' contradict "
                    "each other. Untick the one that does not apply.",
                    "information_formats",
                )
    if ContactMethod.NO_PHONE_CALLS in contact and ContactMethod.PHONE in contact:
        raise ValidationError(
            f"'{ContactMethod.PHONE.label}' and '{ContactMethod.NO_PHONE_CALLS.label}' contradict "
            "each other. Untick the one that does not apply.",
            "contact_methods",
        )
    # "No phone calls" agrees with "text message only"; any other way of contact does not.
    other_ways = contact - {ContactMethod.TEXT_ONLY, ContactMethod.NO_PHONE_CALLS}
    if ContactMethod.TEXT_ONLY in contact and other_ways:
        others = ", ".join(sorted(c.label for c in other_ways))
        raise ValidationError(
            f"'{ContactMethod.TEXT_ONLY.label}' cannot go with other ways of contact ({others}).",
            "contact_methods",
        )
    if needs.large_print_size is not None:
        if InformationFormat.LARGE_PRINT not in formats:
            raise ValidationError(
                "A large print size is set, but 'Large print' is not ticked. Tick it or clear "
                "the size.",
                "large_print_size",
            )
        if needs.large_print_size not in LARGE_PRINT_SIZES:
            raise ValidationError(
                f"Large print size {needs.large_print_size} pt is not possible: use a size "
                f"from {LARGE_PRINT_SIZES.start} to {LARGE_PRINT_SIZES.stop - 1} pt.",
                "large_print_size",
            )
    if (
        CommunicationProfessional.DEAFBLIND_INTERPRETER in needs.communication_professionals
        and InformationFormat.STANDARD_PRINT in formats
        and CommunicationSupport.LIP_READING in needs.communication_support
    ):
        raise ValidationError(
            "A deafblind interpreter, standard print and lip reading together are unlikely. "
            "Please check the communication needs with the person.",
            "communication_professionals",
        )
    for name in (
        "contact_notes",
        "information_notes",
        "communication_support_notes",
        "communication_professional_notes",
        "meeting_access_notes",
    ):
        _text(getattr(needs, name), name)
    _date(needs.reviewed_on, "reviewed_on", "The review date")
    if needs.reviewed_on is not None and needs.reviewed_on > date.today():
        raise ValidationError("The needs cannot be reviewed in the future.", "reviewed_on")
    return needs


def check_person(person: Person) -> Person:
    person = clean_record(person)
    name = _name(person.display_name, "display_name", "the person's name")
    email = person.email.strip()
    if email and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
        raise ValidationError(
            f"'{email}' does not look like an email address. Leave it empty if there is none.",
            "email",
        )
    _date(person.left_on, "left_on", "The date they left")
    if person.left_on is not None and person.active:
        raise ValidationError(
            "A person who has left cannot be active. Clear the date they left, or mark them "
            "as no longer active.",
            "left_on",
        )
    for name_of_field in ("organisation", "phone", "postal_address"):
        _text(getattr(person, name_of_field), name_of_field)
    return replace(
        person,
        display_name=name,
        email=email,
        organisation=person.organisation.strip(),
        phone=person.phone.strip(),
        needs=check_access_needs(person.needs),
    )


def check_membership(membership: Membership) -> Membership:
    _date(membership.joined_on, "joined_on", "The date they joined")
    _date(membership.left_on, "left_on", "The date they left")
    if membership.left_on is not None and membership.left_on < membership.joined_on:
        raise ValidationError(
            "The date they left the group is before the date they joined.", "left_on"
        )
    return membership


def check_meeting(meeting: Meeting) -> Meeting:
    meeting = clean_record(meeting)
    _date(meeting.starts_at, "starts_at", "The start date")
    _date(meeting.ends_at, "ends_at", "The end date")
    if meeting.ends_at < meeting.starts_at:
        raise ValidationError(
            "The session ends before it starts. Check the start and end times.", "ends_at"
        )
    if meeting.ends_at == meeting.starts_at:
        raise ValidationError("The session must end after it starts.", "ends_at")
    if meeting.ends_at - meeting.starts_at > MAX_SESSION_LENGTH:
        raise ValidationError(
            "A session cannot last more than 24 hours. Check the end date.", "ends_at"
        )
    link = meeting.online_link.strip()
    if link and not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", link, re.IGNORECASE):
        raise ValidationError(
            "The online link should be a full address starting with https://.", "online_link"
        )
    _text(meeting.notes, "notes")
    _text(meeting.easy_read, "easy_read")
    return replace(
        meeting,
        title=_name(meeting.title, "title", "a title for the session"),
        place=meeting.place.strip(),
        online_link=link,
    )


def check_agenda_item(item: AgendaItem) -> AgendaItem:
    item = clean_record(item)
    if item.duration_minutes is not None and not 0 < item.duration_minutes <= 24 * 60:
        raise ValidationError(
            "The time for an agenda item should be between 1 minute and 24 hours.",
            "duration_minutes",
        )
    _text(item.notes, "notes")
    return replace(item, title=_name(item.title, "title", "a title for the agenda item"))


def check_attendance(attendance: Attendance) -> Attendance:
    attendance = clean_record(attendance)
    if attendance.status is not AttendanceStatus.APOLOGIES and attendance.apology_reason.strip():
        raise ValidationError(
            "A reason for apologies only goes with 'Apologies'. Clear it or mark apologies.",
            "apology_reason",
        )
    if (attendance.arrived_late or attendance.left_early) and (
        attendance.status is not AttendanceStatus.PRESENT
    ):
        raise ValidationError(
            "Only someone marked present can arrive late or leave early.", "status"
        )
    return replace(attendance, apology_reason=attendance.apology_reason.strip())


def check_contribution(contribution: Contribution) -> Contribution:
    contribution = clean_record(contribution)
    if not contribution.text.strip():
        raise ValidationError("Please type what was said.", "text")
    _text(contribution.text, "text")
    if contribution.attribution is Attribution.PERSON and contribution.speaker_id is None:
        raise ValidationError(
            "Choose who said this, or mark it as anonymous or from the whole group.", "speaker_id"
        )
    if contribution.attribution is Attribution.WHOLE_GROUP and contribution.speaker_id is not None:
        raise ValidationError(
            "Something the whole group said cannot also have one speaker.", "speaker_id"
        )
    return contribution


def check_document(document: Document) -> Document:
    document = clean_record(document)
    _date(document.review_on, "review_on", "The review date")
    _text(document.summary, "summary")
    return replace(
        document,
        title=_name(document.title, "title", "a title for the document"),
        location=document.location.strip(),
    )


def check_section(section: Section) -> Section:
    section = clean_record(section)
    return replace(
        section,
        heading=_name(section.heading, "heading", "a heading for the section"),
        number=section.number.strip(),
    )


def check_link(link: Link) -> Link:
    return clean_record(link)


def check_response(response: Response) -> Response:
    response = clean_record(response)
    status = response.status
    if status is ResponseStatus.NOT_TAKEN_FORWARD and not response.reason.strip():
        raise ValidationError(
            "Say why this was not taken forward: the group has a right to know.", "reason"
        )
    if status is ResponseStatus.OUTSIDE_SCOPE and not response.referred_to.strip():
        raise ValidationError(
            "Say where this was referred, so the person knows who is dealing with it.",
            "referred_to",
        )
    if status is ResponseStatus.NOT_ANSWERED and (response.decided_on or response.fed_back_on):
        raise ValidationError(
            "A contribution that is not answered yet cannot have a decision or feedback date.",
            "status",
        )
    _date(response.decided_on, "decided_on", "The decision date")
    _date(response.fed_back_on, "fed_back_on", "The feedback date")
    if response.fed_back_on is not None and response.fed_back_how is None:
        raise ValidationError("Say how the answer was fed back to the group.", "fed_back_how")
    if (
        response.fed_back_on is not None
        and response.decided_on is not None
        and response.fed_back_on < response.decided_on
    ):
        raise ValidationError(
            "The answer was fed back before it was decided. Check the two dates.", "fed_back_on"
        )
    _text(response.text, "text")
    return response


def check_ladder_assessment(assessment: LadderAssessment) -> LadderAssessment:
    assessment = clean_record(assessment)
    _date(assessment.assessed_on, "assessed_on", "The assessment date")
    if assessment.assessed_on > date.today():
        raise ValidationError("An assessment cannot be dated in the future.", "assessed_on")
    if not assessment.assessor_name.strip() and assessment.assessor_id is None:
        raise ValidationError("Say who made this assessment.", "assessor_name")
    return assessment


def check_action(action: Action) -> Action:
    action = clean_record(action)
    if not action.text.strip():
        raise ValidationError("Please say what needs to be done.", "text")
    _text(action.text, "text")
    _date(action.due_on, "due_on", "The due date")
    _date(action.done_on, "done_on", "The date it was done")
    if action.status is ActionStatus.DONE and action.done_on is None:
        action = replace(action, done_on=date.today())
    if action.status is not ActionStatus.DONE and action.done_on is not None:
        raise ValidationError(
            "Only a done action has a date it was done. Mark it done or clear the date.",
            "done_on",
        )
    return action


def _hours(hours: Decimal) -> None:
    if not hours.is_finite():
        raise ValidationError("Please enter the hours as a number, such as 2.5.", "hours")
    if hours < 0:
        raise ValidationError("Hours cannot be negative.", "hours")
    if hours > MAX_HOURS:
        raise ValidationError(
            f"{hours} hours is more than anyone could give in a month. Please check it.", "hours"
        )
    if hours != hours.quantize(Decimal("0.01")):
        raise ValidationError("Give hours to at most 2 decimal places, such as 1.25.", "hours")


def check_activity(activity: InvolvementActivity) -> InvolvementActivity:
    activity = clean_record(activity)
    _date(activity.on, "on", "The date")
    _hours(activity.hours)
    return replace(activity, title=_name(activity.title, "title", "a title for the activity"))


def check_payment(payment: Payment) -> Payment:
    payment = clean_record(payment)
    if payment.activity_id is None and payment.meeting_id is None:
        raise ValidationError("Say which session or activity this payment is for.", "meeting_id")
    for name in ("rate_pence", "amount_pence", "expenses_pence"):
        if getattr(payment, name) < 0:
            raise ValidationError("Amounts cannot be negative.", name)
        if getattr(payment, name) > MAX_PENCE:
            raise ValidationError("That amount is too large to be right. Please check it.", name)
    _hours(payment.hours)
    if payment.declined and (payment.amount_pence or payment.paid_on):
        raise ValidationError(
            "A declined payment has no amount and no date paid. Clear them, or untick 'declined'.",
            "declined",
        )
    _date(payment.paid_on, "paid_on", "The date paid")
    return payment


def check_consent(consent: Consent) -> Consent:
    consent = clean_record(consent)
    _date(consent.on, "on", "The consent date")
    if consent.on > date.today():
        raise ValidationError("Consent cannot be recorded for a future date.", "on")
    return consent
