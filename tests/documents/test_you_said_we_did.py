""" "You said, we did" reports for a document or a group: the standard one for staff, and the
easy-read one for the group, grouped by what happened and within 20 pages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx_rules import (
    appears_anywhere,
    assert_common_rules,
    assert_easy_read_rules,
    assert_every_sentence_passes,
    full_text,
    render,
    reopen,
    report,
)
from report_data import HIDDEN, NAMED, make_session

from coproduce.documents.easy_read import build_easy_read
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Contribution, Response
from coproduce.domain.vocabulary import ResponseStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter


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


def test_the_standard_report_gives_the_reason_and_who_it_was_passed_to(
    services: Services,
) -> None:
    made = make_session(services)
    said = services.contributions.list(ContributionFilter(meeting_id=made.session.id)).items
    first, second = said[0], said[1]
    services.contributions.respond(
        replace(
            services.contributions.response_of(first.id),  # type: ignore[arg-type]
            status=ResponseStatus.NOT_TAKEN_FORWARD,
            reason="No money this year.",
        )
    )
    services.contributions.respond(
        replace(
            services.contributions.response_of(second.id),  # type: ignore[arg-type]
            status=ResponseStatus.OUTSIDE_SCOPE,
            referred_to="the NHS",
        )
    )
    content = services.reports.you_said_we_did(document_id=made.document.id)
    did = {line.said: line.did for line in content.items}
    assert "Why: No money this year." in did[first.text]
    assert "Passed to: the NHS" in did[second.text]


def test_the_easy_read_report_groups_what_happened_and_keeps_the_rules(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    content = services.handouts.you_said_we_did(document_id=made.document.id)
    built = build_easy_read(content, render)
    target = built.save(tmp_path / "report.docx")
    assert_easy_read_rules(target, "You said, we did: Carers' strategy")
    assert_every_sentence_passes(reopen(target), services.glossary.terms())
    text = re.sub(r"\n+", "\n", full_text(reopen(target)))
    assert "What already happens\n" in text
    assert "We have not answered this yet." in text
    assert f"{NAMED} said:" in text and "A group member said:" in text
    # The decision linked to the document needs no answer: it is left out.
    assert "Keep the meetings in the Town Hall." not in text
    for name in HIDDEN:
        assert appears_anywhere(target, name) == [], name


def test_a_busy_groups_easy_read_report_keeps_20_pages(services: Services, tmp_path: Path) -> None:
    made = make_session(services)
    for n in range(400):
        contribution = services.contributions.add(
            Contribution(
                meeting_id=made.session.id,  # type: ignore[arg-type]
                text=f"Idea {n} about the buses.",
            )
        )
        if n % 2:
            services.contributions.respond(
                Response(
                    contribution_id=contribution.id,  # type: ignore[arg-type]
                    status=ResponseStatus.ALREADY_HAPPENING,
                    easy_read=f"Bus {n} already runs on time.",
                )
            )
    built = build_easy_read(services.handouts.you_said_we_did(group_id=made.group.id), render)
    assert built.budget == 20 and built.estimated_pages <= 20 and built.not_shown > 100
    text = full_text(reopen(built.save(tmp_path / "r.docx")))
    assert re.search(r"\d+ other things you asked for already happen\.", text)


def test_a_document_report_through_the_services_names_only_those_who_agreed(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    content = services.reports.you_said_we_did(document_id=made.document.id)
    assert content.subject == "Carers' strategy"
    # The decision linked to the document needs no answer: it is left out.
    assert len(content.items) == 5
    assert "Keep the meetings in the Town Hall." not in {i.said for i in content.items}
    target = build_you_said_we_did(content).save(tmp_path / "report.docx")
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
    with pytest.raises(ValidationError, match="either a document or a group"):
        services.handouts.you_said_we_did()
    with pytest.raises(ValidationError, match="start date is after the end date"):
        services.handouts.you_said_we_did(
            group_id=made.group.id, date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)
        )
    with pytest.raises(ValidationError, match="start date is after the end date"):
        services.reports.you_said_we_did(
            group_id=made.group.id, date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)
        )
