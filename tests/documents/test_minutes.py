"""Standard minutes for staff: attendance with apologies and reasons, agenda items with notes,
contributions and decisions attributed as consent allows, the actions table, next meeting."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn
from docx_rules import (
    DATE_IN_WORDS,
    appears_anywhere,
    assert_common_rules,
    effective,
    full_text,
    minutes,
    runs,
)
from report_data import ANONYMOUS_ONLY, HIDDEN, NAMED, NEVER_ASKED, make_session

from coproduce.documents.minutes import build_minutes
from coproduce.services import Services


def test_minutes_keep_the_document_rules_in_arial(tmp_path: Path) -> None:
    target = build_minutes(minutes()).save(tmp_path / "minutes.docx")
    document = assert_common_rules(target, "Minutes: Short breaks for carers")
    for paragraph, run in runs(document):
        if run.text.strip():
            fx = effective(document, paragraph, run)
            assert fx.font == "Arial" and fx.size is not None and fx.size >= 12, run.text
    text = full_text(document)
    for heading in ("Attendance", "Present", "Apologies", "Agenda", "Decisions", "Actions"):
        assert heading in text
    assert "\u2022\tAyo Bello (arrived late)" in text
    assert "3 other group members (not named: no consent to be named)" in text
    assert "A group member: Hospital appointment" in text
    assert "1. Transport" in text and "Discussed the day centre bus." in text
    assert "Ayo Bello (concern): The bus is often late." in text
    assert "Write to the transport team. (The whole group)" in text
    assert DATE_IN_WORDS.search(text)


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
