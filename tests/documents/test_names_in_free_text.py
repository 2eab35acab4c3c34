"""Names typed into free text never leak into a Word document: not the name of someone who was
not at the session, not a first name alone, not with a curly apostrophe, a soft hyphen or a
zero-width space inside it, not in a session's title (which is also the document's title
property and the suggested file name). Staff are named in their job (the minutes, action
owners in easy read), never in the easy-read documents' free text; apology reasons only
beside a name; praise needs no answer in a document's report."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from docx_rules import full_text, render, reopen, xml_parts
from report_data import NAMED, NEVER_ASKED, WITHDRAWN, Made, make_session

from coproduce.documents.easy_read import build_easy_read
from coproduce.documents.minutes import build_minutes
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.records import (
    Action,
    Consent,
    Contribution,
    Link,
    Person,
    Response,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    ResponseStatus,
    Role,
)
from coproduce.services import Services

OUTSIDER = "Abdi Ali"  # on the register, no consent, never at the session
PARTNER = "Andreas O'Brien"  # partner organisation at the session, no consent
STAFF = "Priya Shah"  # staff, owns an action, no consent
APOLOGISER = "Grace Mensah"  # consents to be named; sends apologies with a reason

LEAKS = (
    f"{OUTSIDER} told me the bus was always late",
    "Zoë said the forms were too long",  # first name of someone at the session
    "Andreas O\u2019Brien asked about respite",  # curly apostrophe; O'Brien in the register
    "Zoë\u00adÅngström-Ōkafor wants a carer's break",  # soft hyphen
    "Andreas\u200b O'Brien had to leave early",  # zero-width space
    "PRIYA SHAH WILL CALL EVERYONE",  # capitals; staff are not named in free text
)
KEPT = f"{NAMED} and Andreasson agreed with the plan"  # a named person; a longer word
PRAISE = "The new leaflet is lovely."
# Words that must not be in any part of any file (whole words, ignoring case).
FORBIDDEN = ("Abdi", "Ali", "Zoë", "Ångström", "Andreas", "O'Brien", "Priya", "Shah")


@dataclass(frozen=True)
class Leaky:
    made: Made
    people: dict[str, Person]


@pytest.fixture
def leaky(services: Services) -> Leaky:
    made = make_session(services)
    sid: int = made.session.id  # type: ignore[assignment]
    people = {
        OUTSIDER: services.people.create(
            Person(display_name=OUTSIDER, roles=frozenset({Role.EXPERT_BY_EXPERIENCE}))
        ),
        PARTNER: services.people.create(
            Person(display_name=PARTNER, roles=frozenset({Role.PARTNER}))
        ),
        STAFF: services.people.create(Person(display_name=STAFF, roles=frozenset({Role.STAFF}))),
        APOLOGISER: services.people.create(
            Person(display_name=APOLOGISER, roles=frozenset({Role.UNPAID_CARER}))
        ),
    }
    services.people.record_consent(
        Consent(
            person_id=people[APOLOGISER].id,  # type: ignore[arg-type]
            purpose=ConsentPurpose.QUOTED_BY_NAME,
            state=ConsentState.GIVEN,
            on=made.session.starts_at.date(),
        )
    )
    services.meetings.mark_attendance(
        sid, people[PARTNER].id, AttendanceStatus.PRESENT, is_guest=True
    )  # type: ignore[arg-type]
    services.meetings.mark_attendance(
        sid,
        people[APOLOGISER].id,  # type: ignore[arg-type]
        AttendanceStatus.APOLOGIES,
        apology_reason="On holiday in Wales",
        is_guest=True,
    )
    for text, kind in (*((t, ContributionKind.IDEA) for t in (*LEAKS, KEPT)),):
        _said(services, made, text, kind, answer=f"We asked {OUTSIDER} and Zoë about it.")
    _said(services, made, PRAISE, ContributionKind.PRAISE, answer="Thank you.")
    services.actions.create(
        Action(meeting_id=sid, text="Book the room for March.", owner_id=people[STAFF].id)
    )
    meeting = services.meetings.get(sid)
    services.meetings.update(replace(meeting, title=f"Session with {OUTSIDER}"))
    return Leaky(made, people)


def _said(
    services: Services, made: Made, text: str, kind: ContributionKind, *, answer: str
) -> None:
    contribution = services.contributions.add(
        Contribution(meeting_id=made.session.id, text=text, kind=kind, in_summary=True)  # type: ignore[arg-type]
    )
    services.contributions.link(
        Link(contribution_id=contribution.id, document_id=made.document.id)  # type: ignore[arg-type]
    )
    services.contributions.respond(
        Response(
            contribution_id=contribution.id,  # type: ignore[arg-type]
            status=ResponseStatus.UNDER_CONSIDERATION,
            text=answer,
        )
    )


def _readable(text: str) -> str:
    """Text as a reader sees it: no invisible characters, apostrophes made plain."""
    for invisible in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        text = text.replace(invisible, "")
    return text.replace("&apos;", "'").replace("&#39;", "'").replace("\u2019", "'")


def found(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", _readable(text), re.IGNORECASE) is not None


def leaks_in(path: Path, allowed: str = "") -> list[tuple[str, str]]:
    """(part, word) for every forbidden word in any XML part of the file, after taking out
    ``allowed`` (a name the rule prints)."""
    return [
        (part, word)
        for part, xml in xml_parts(path).items()
        for word in FORBIDDEN
        if found(xml.replace(allowed, "") if allowed else xml, word)
    ]


def test_the_minutes_leak_no_name_typed_into_text_or_the_title(
    services: Services, leaky: Leaky, tmp_path: Path
) -> None:
    content = services.reports.minutes(leaky.made.session.id)  # type: ignore[arg-type]
    target = build_minutes(content).save(tmp_path / "minutes.docx")
    # Officers' names typed into the minutes stay (a staff document: staff and partner
    # organisations act in their job); every participant's goes.
    in_their_job = {"Priya", "Shah", "Andreas", "O'Brien"}
    assert [word for _part, word in leaks_in(target, allowed=STAFF)] != []
    assert {word for _part, word in leaks_in(target, allowed=STAFF)} <= in_their_job
    text = full_text(reopen(target))
    assert "Session with a group member" in text
    assert "A group member told me the bus was always late" in text
    assert "A group member said the forms were too long" in text
    assert "PRIYA SHAH WILL CALL EVERYONE" in text
    assert KEPT in text
    assert "We asked" not in text or "Zoë" not in text


def test_the_easy_read_summary_leaks_no_name_typed_into_text_or_the_title(
    services: Services, leaky: Leaky, tmp_path: Path
) -> None:
    content = services.handouts.session_summary(leaky.made.session.id)  # type: ignore[arg-type]
    target = build_easy_read(content, render).save(tmp_path / "summary.docx")
    # The staff owner of an action is named in their job ("Priya Shah will do this."),
    # never in what people said ("PRIYA SHAH WILL CALL EVERYONE").
    assert leaks_in(target, allowed=STAFF) == []
    text = full_text(reopen(target))
    assert "Priya Shah will do this." in text
    assert "A group member WILL CALL EVERYONE" in text
    assert KEPT in text


@pytest.mark.parametrize("easy_read", [False, True])
@pytest.mark.parametrize("by", ["document", "group"])
def test_you_said_we_did_leaks_no_name_typed_into_what_was_said_or_done(
    services: Services, leaky: Leaky, tmp_path: Path, easy_read: bool, by: str
) -> None:
    made = leaky.made
    subject = {"document_id": made.document.id} if by == "document" else {"group_id": made.group.id}
    if easy_read:
        built = build_easy_read(services.handouts.you_said_we_did(**subject), render)  # type: ignore[arg-type]
    else:
        built = build_you_said_we_did(services.reports.you_said_we_did(**subject))  # type: ignore[arg-type]
    target = built.save(tmp_path / "report.docx")
    assert leaks_in(target) == []
    text = full_text(reopen(target))
    assert "We asked a group member and a group member about it." in text
    assert "A group member asked about respite" in text
    if easy_read:
        assert "We are still thinking about this." in text


def test_the_suggested_file_names_and_subjects_leak_no_name(
    services: Services, leaky: Leaky
) -> None:
    from coproduce.ui.printing.jobs import easy_read_summary_job, minutes_job

    sid: int = leaky.made.session.id  # type: ignore[assignment]
    for job in (minutes_job(services, sid), easy_read_summary_job(services, sid)):
        assert "Session with a group member" in job.file_name
        assert "Session with a group member" in job.subject
        for word in FORBIDDEN:
            assert not found(job.file_name + job.subject, word), (job.file_name, word)


def test_staff_action_owners_are_named_in_the_minutes_and_others_are_not(
    services: Services, leaky: Leaky, tmp_path: Path
) -> None:
    content = services.reports.minutes(leaky.made.session.id)  # type: ignore[arg-type]
    owners = {line.text: line.owner for line in content.actions}
    assert owners["Book the room for March."] == STAFF  # staff act in their job
    assert owners["Send the short breaks leaflet."] == NAMED  # consents
    # A participant who refused to be named is not named as an owner either.
    assert owners["Ask the transport team about the bus."] == "Not named (no consent to be named)"
    target = build_minutes(content).save(tmp_path / "minutes.docx")
    table = reopen(target).tables[0]
    assert STAFF in [row.cells[1].text for row in table.rows]


def test_apology_reasons_are_printed_only_beside_a_name(
    services: Services, leaky: Leaky, tmp_path: Path
) -> None:
    content = services.reports.minutes(leaky.made.session.id)  # type: ignore[arg-type]
    target = build_minutes(content).save(tmp_path / "minutes.docx")
    text = full_text(reopen(target))
    assert f"{APOLOGISER}: On holiday in Wales" in text
    # Someone not named sent a reason that may hold health details: it stays inside, and
    # they are counted, not listed.
    assert "1 other group member sent apologies (not named)" in text
    assert not any("Hospital appointment" in xml for xml in xml_parts(target).values())
    assert NEVER_ASKED not in text and WITHDRAWN not in text


def test_praise_needs_no_answer_in_a_documents_report(services: Services, leaky: Leaky) -> None:
    made = leaky.made
    by_document = services.reports.you_said_we_did(document_id=made.document.id)
    by_group = services.reports.you_said_we_did(group_id=made.group.id)
    assert PRAISE not in {item.said for item in by_document.items}
    assert PRAISE not in {item.said for item in by_group.items}
    assert KEPT in {item.said for item in by_document.items}
    for subject in ({"document_id": made.document.id}, {"group_id": made.group.id}):
        easy = build_easy_read(services.handouts.you_said_we_did(**subject), render)  # type: ignore[arg-type]
        text = full_text(easy.document)
        assert PRAISE not in text and KEPT in text


def test_a_name_that_is_also_a_word_is_scrubbed_only_as_a_name(services: Services) -> None:
    """A hidden "Sam Grant" and "Jo Hall" at the session: "Grant said" and "ask Jo" go, but
    "a grant", "the price" and the place "Town Hall, Room 2" are words and stay."""
    made = make_session(services)
    sid: int = made.session.id  # type: ignore[assignment]
    for name in ("Sam Grant", "Jo Hall", "Ann Price"):
        person = services.people.create(Person(display_name=name))
        services.meetings.mark_attendance(sid, person.id, AttendanceStatus.PRESENT, is_guest=True)  # type: ignore[arg-type]
    meeting = services.meetings.get(sid)
    services.meetings.update(replace(meeting, place="Town Hall, Room 2"))
    from coproduce.services.reports import ConsentNames, involved_people, known_phrases

    with services.store.transaction() as unit:
        meeting = unit.meetings.get(sid)
        people = ConsentNames(
            unit, involved_people(unit, [meeting]), phrases=known_phrases(unit, [meeting])
        )
    assert people.scrub("We want a grant for a ramp. Grant said so.") == (
        "We want a grant for a ramp. A group member said so."
    )
    assert people.scrub("The price went up, Ann told Jo.") == (
        "The price went up, a group member told a group member."
    )
    assert people.scrub("We met at Town Hall, Room 2.") == "We met at Town Hall, Room 2."
    assert people.scrub("Jo Hall came.") == "A group member came."
    # A name that is no everyday word goes however it is written.
    assert people.scrub("we asked jo and sam.") == "we asked a group member and a group member."
