""" "You said, we did" reports for a document or a group, standard and easy read."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx_rules import (
    appears_anywhere,
    assert_common_rules,
    assert_easy_read_rules,
    full_text,
    render,
    reopen,
    report,
)
from report_data import HIDDEN, NAMED, make_session

from coproduce.documents.you_said_we_did import (
    build_easy_read_you_said_we_did,
    build_you_said_we_did,
)
from coproduce.domain.errors import ValidationError
from coproduce.services import Services


def test_the_standard_report_is_a_table_of_what_was_said_and_done(tmp_path: Path) -> None:
    target = build_you_said_we_did(report()).save(tmp_path / "report.docx")
    document = assert_common_rules(target, "You said, we did")
    text = full_text(document)
    assert "From Thursday 1 January 2026 to Tuesday 31 March 2026" in text
    assert "2 things said; 2 answered, 0 still open." in text
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["You said", "We did", "When and where"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "Letters are too long." in table.rows[1].cells[0].text
    assert "We made the letters shorter." in table.rows[1].cells[1].text
    assert "Tuesday 13 January 2026" in table.rows[1].cells[2].text


def test_the_easy_read_report_follows_the_easy_read_rules(tmp_path: Path) -> None:
    target = build_easy_read_you_said_we_did(report(), render).save(tmp_path / "report.docx")
    assert_easy_read_rules(target, "You said, we did")
    text = full_text(reopen(target))
    assert "We did:\nWe made the letters shorter." in text
    # No words for the answer: the status sentence says what happened.
    assert "We changed the document because of what you said." in text
    assert "Safeguarding" in text and "Keeping people safe from harm." in text  # hard word


def test_a_document_report_through_the_services_names_only_those_who_agreed(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    for easy_read in (False, True):
        content = services.reports.you_said_we_did(
            document_id=made.document.id, easy_read=easy_read
        )
        assert content.subject == "Carers' strategy"
        # The decision linked to the document needs no answer: it is left out.
        assert len(content.items) == 5
        assert "Keep the meetings in the Town Hall." not in {i.said for i in content.items}
        if easy_read:
            built = build_easy_read_you_said_we_did(content, render)
        else:
            built = build_you_said_we_did(content)
        target = built.save(tmp_path / f"report-{easy_read}.docx")
        text = full_text(reopen(target))
        assert f"{NAMED} said:" in text
        assert "A group member said:" in text
        for name in HIDDEN:
            assert appears_anywhere(target, name) == [], name


def test_a_group_report_covers_only_its_dates(services: Services) -> None:
    made = make_session(services)
    everything = services.reports.you_said_we_did(group_id=made.group.id)
    recent = services.reports.you_said_we_did(
        group_id=made.group.id, date_from=date.today() - timedelta(days=10), date_to=date.today()
    )
    said = {item.said for item in everything.items}
    assert "Safeguarding leaflets are confusing." in said  # the earlier session's
    assert "Safeguarding leaflets are confusing." not in {item.said for item in recent.items}
    assert "We want more short breaks." in {item.said for item in recent.items}
    # Decisions need no answer, so a group report leaves them out.
    assert "Keep the meetings in the Town Hall." not in said


def test_a_report_needs_one_subject_and_dates_in_order(services: Services) -> None:
    made = make_session(services)
    with pytest.raises(ValidationError, match="either a document or a group"):
        services.reports.you_said_we_did()
    with pytest.raises(ValidationError, match="start date is after the end date"):
        services.reports.you_said_we_did(
            group_id=made.group.id, date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)
        )
