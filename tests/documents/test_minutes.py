"""Standard minutes for staff: the chair and officers named in their job, group members named
as consent allows and otherwise counted (apologies too), real Word lists, a heading for each
agenda item with its notes and contributions, decisions, the actions table, next meeting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx.oxml.ns import qn
from docx_rules import (
    DATE_IN_WORDS,
    appears_anywhere,
    assert_common_rules,
    effective,
    full_text,
    minutes,
    reopen,
    runs,
)
from report_data import ANONYMOUS_ONLY, HIDDEN, NAMED, NEVER_ASKED, make_session

from coproduce.documents.minutes import build_minutes
from coproduce.domain.records import Person
from coproduce.domain.vocabulary import AttendanceStatus, Role
from coproduce.services import Services


def test_minutes_keep_the_document_rules_in_arial(tmp_path: Path) -> None:
    target = build_minutes(minutes()).save(tmp_path / "minutes.docx")
    document = assert_common_rules(target, "Minutes: Short breaks for carers")
    for paragraph, run in runs(document):
        if run.text.strip():
            fx = effective(document, paragraph, run)
            assert fx.font == "Arial" and fx.size is not None and fx.size >= 12, run.text
    text = full_text(document)
    for heading in (
        "Attendance",
        "Group members present",
        "Officers present",
        "Apologies",
        "Agenda",
        "Decisions",
        "Actions",
    ):
        assert heading in text
    assert "Chair: Sam Reed" in text
    assert "Ayo Bello (arrived late)\n3 other group members (not named: no consent" in text
    assert "Officers present\nSam Reed" in text
    assert "Priya Shah: Annual leave\n2 other group members sent apologies (not named)" in text
    assert "1. Transport" in text and "Discussed the day centre bus." in text
    assert "Ayo Bello (concern): The bus is often late." in text
    assert "Write to the transport team. (The whole group)" in text
    assert DATE_IN_WORDS.search(text)


def test_lists_are_real_word_lists_with_the_bullet_in_the_body_font(tmp_path: Path) -> None:
    document = reopen(build_minutes(minutes()).save(tmp_path / "minutes.docx"))
    listed = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Ayo Bello (arrived late)" in listed
    assert "Priya Shah: Annual leave" in listed
    assert not any(p.text.startswith("\u2022") for p in document.paragraphs)
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        if level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet":
            assert level.find(qn("w:lvlText")).get(qn("w:val")) == "\u2022"
            assert level.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"


def test_agenda_items_have_their_own_headings(tmp_path: Path) -> None:
    document = reopen(build_minutes(minutes()).save(tmp_path / "minutes.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "1. Transport" in headings


def test_the_chair_and_officers_are_named_in_their_job_and_apologies_counted(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    chair = services.people.create(Person(display_name="Priya Shah", roles=frozenset({Role.STAFF})))
    officer = services.people.create(Person(display_name="Tom Reed", roles=frozenset({Role.STAFF})))
    sid: int = made.session.id  # type: ignore[assignment]
    for person in (chair, officer):
        services.groups.add_member(
            made.group.id,  # type: ignore[arg-type]
            person.id,  # type: ignore[arg-type]
            made.earlier_session.starts_at.date(),
        )
    meeting = services.meetings.get(sid)
    services.meetings.update(
        replace(meeting, facilitator_ids=(chair.id,), notes="Chair: Priya Shah.")  # type: ignore[arg-type]
    )
    services.meetings.mark_attendance(sid, chair.id, AttendanceStatus.PRESENT)  # type: ignore[arg-type]
    services.meetings.mark_attendance(
        sid,
        officer.id,
        AttendanceStatus.APOLOGIES,
        apology_reason="Annual leave",  # type: ignore[arg-type]
    )
    content = services.reports.minutes(sid)
    assert content.chair == "Priya Shah"
    text = full_text(reopen(build_minutes(content).save(tmp_path / "minutes.docx")))
    assert "Chair: Priya Shah\n" in text
    assert "Chair: Priya Shah." in text  # an officer's name typed into the notes stays
    assert "Officers present\nPriya Shah" in text
    assert "Tom Reed: Annual leave" in text
    # The participant who sent apologies without consent to be named is counted, never a
    # row of "A group member".
    assert "1 other group member sent apologies (not named)" in text
    assert "\nA group member\n" not in text


def test_the_actions_table_has_owner_due_date_and_status_with_a_repeating_header(
    tmp_path: Path,
) -> None:
    from docx import Document

    target = build_minutes(minutes()).save(tmp_path / "minutes.docx")
    table = Document(str(target)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Action", "Owner", "Due", "Status"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == [
        "Write to transport",
        "Ayo Bello",
        "Friday 20 March 2026",
        "Open",
    ]


def test_minutes_of_a_real_session_name_only_those_who_agreed(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    content = services.reports.minutes(made.session.id)  # type: ignore[arg-type]
    target = build_minutes(content).save(tmp_path / "minutes.docx")
    text = full_text(assert_common_rules(target, "Minutes: Short breaks for carers"))
    assert f"{NAMED}\n" in text + "\n" or f"{NAMED} (" in text
    assert "3 other group members (not named: no consent to be named)" in text
    assert "1 group member sent apologies (not named)" in text
    # The apology reason of someone not named stays inside: it may hold health details.
    assert "Hospital appointment" not in text
    assert "A group member opened the item." in text  # a name typed into the notes
    assert "Keep the meetings in the Town Hall. (The whole group)" in text
    assert "Not named (no consent to be named)" in text  # the action owned without consent
    assert NAMED in [row.cells[1].text for row in _actions(target)]
    for name in HIDDEN:
        assert appears_anywhere(target, name) == [], name
    assert ANONYMOUS_ONLY not in text and NEVER_ASKED not in text


def _actions(target: Path) -> list:
    from docx import Document

    return list(Document(str(target)).tables[0].rows)[1:]
