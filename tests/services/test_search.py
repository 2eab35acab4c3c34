"""Searching everything from anywhere, on SQLite (FTS5) and PostgreSQL (full text)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coproduce.domain.records import Contribution, Document, Group, Meeting, Section, replace
from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.services.search import ResultKind, SearchResult
from coproduce.store import migrations
from coproduce.store.database import Database
from coproduce.store.search import words_of

STARTS = datetime(2026, 3, 10, 10, 0)


def a_session(services: Services, title: str = "March session", notes: str = "") -> Meeting:
    group = services.groups.create(Group(name=f"Reference group for {title}"))
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title=title,
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
            notes=notes,
        )
    )


def said(services: Services, meeting: Meeting, words: str) -> Contribution:
    return services.contributions.add(Contribution(meeting_id=meeting.id, text=words))


def found(services: Services, query: str) -> list[tuple[ResultKind, int]]:
    return [(result.kind, result.record_id) for result in services.search.search(query)]


def test_case_and_accents_do_not_matter(services: Services) -> None:
    meeting = a_session(services)
    cafe = said(services, meeting, "The café at the day centre closes too early")
    zoe = said(services, meeting, "Zoë asked for large print agendas")
    for query in ("cafe", "CAFE", "Café", "CAFÉ", "café"):
        assert found(services, query) == [(ResultKind.CONTRIBUTION, cafe.id)], query
    for query in ("zoe", "Zoë", "ZOË", "ZOE"):
        assert found(services, query) == [(ResultKind.CONTRIBUTION, zoe.id)], query


def test_text_in_other_scripts_is_found(services: Services) -> None:
    meeting = a_session(services)
    arabic = said(services, meeting, "نحتاج إلى فترات راحة قصيرة")
    chinese = said(services, meeting, "我们 需要 更多 短期 休息")
    russian = said(services, meeting, "Нам нужны короткие перерывы")
    greek = said(services, meeting, "Χρειαζόμαστε σύντομα διαλείμματα")
    assert found(services, "راحة") == [(ResultKind.CONTRIBUTION, arabic.id)]
    assert found(services, "短期") == [(ResultKind.CONTRIBUTION, chinese.id)]
    assert found(services, "КОРОТКИЕ") == [(ResultKind.CONTRIBUTION, russian.id)]
    assert found(services, "перер") == [(ResultKind.CONTRIBUTION, russian.id)]
    assert found(services, "ΣΎΝΤΟΜΑ") == [(ResultKind.CONTRIBUTION, greek.id)]
    # SQLite's tokenizer takes accents off Latin letters only: Greek is found with its accents.
    assert found(services, "διαλείμ") == [(ResultKind.CONTRIBUTION, greek.id)]


def test_results_narrow_as_a_person_types(services: Services) -> None:
    meeting = a_session(services)
    shopping = said(services, meeting, "Shopping trips with a support worker")
    short = said(services, meeting, "Short breaks should be booked online")
    shorter = said(services, meeting, "Shorter forms, please")
    assert found(services, "s") == []  # one letter would match nearly everything
    assert set(found(services, "sh")) == {
        (ResultKind.CONTRIBUTION, c.id) for c in (shopping, short, shorter)
    }
    assert set(found(services, "sho")) == {
        (ResultKind.CONTRIBUTION, c.id) for c in (shopping, short, shorter)
    }
    assert set(found(services, "shor")) == {
        (ResultKind.CONTRIBUTION, c.id) for c in (short, shorter)
    }
    assert found(services, "short b") == [(ResultKind.CONTRIBUTION, short.id)]
    assert found(services, "short bo onl") == [(ResultKind.CONTRIBUTION, short.id)]
    assert found(services, "short pizza") == []
    chinese = said(services, meeting, "护 理")
    assert found(services, "护") == [(ResultKind.CONTRIBUTION, chinese.id)]


def test_an_edited_contribution_is_found_by_its_new_words_only(services: Services) -> None:
    meeting = a_session(services)
    contribution = said(services, meeting, "The minibus is always late")
    services.contributions.update(replace(contribution, text="The taxi is always late"))
    assert found(services, "minibus") == []
    assert found(services, "taxi") == [(ResultKind.CONTRIBUTION, contribution.id)]


def test_a_deleted_contribution_is_no_longer_found(services: Services) -> None:
    meeting = a_session(services)
    kept = said(services, meeting, "Hearing loop in the main hall")
    gone = said(services, meeting, "Hearing loop in the small room")
    services.contributions.delete(gone.id)
    assert found(services, "hearing loop") == [(ResultKind.CONTRIBUTION, kept.id)]


def test_a_contribution_says_which_session_to_open(services: Services) -> None:
    meeting = a_session(services, title="Carers' forum, May")
    contribution = said(services, meeting, "Respite at weekends")
    [result] = services.search.search("respite")
    assert result == SearchResult(
        kind=ResultKind.CONTRIBUTION,
        record_id=contribution.id,
        title="Carers' forum, May",
        snippet="Respite at weekends",
        meeting_id=meeting.id,
        document_id=None,
    )


def test_session_notes_documents_and_section_headings_are_found(services: Services) -> None:
    meeting = a_session(services, title="June session", notes="We talked about transport costs")
    document = services.documents.create(
        Document(title="Transport policy", summary="How the council pays for journeys")
    )
    section = services.documents.add_section(
        Section(document_id=document.id, number="3.2", heading="Transport to day services")
    )
    results = {result.kind: result for result in services.search.search("transport")}
    assert results[ResultKind.SESSION].record_id == meeting.id
    assert results[ResultKind.SESSION].meeting_id == meeting.id
    assert results[ResultKind.SESSION].snippet == "We talked about transport costs"
    assert results[ResultKind.DOCUMENT].record_id == document.id
    assert results[ResultKind.DOCUMENT].document_id == document.id
    assert results[ResultKind.SECTION].record_id == section.id
    assert results[ResultKind.SECTION].title == "3.2 Transport to day services"
    assert results[ResultKind.SECTION].document_id == document.id
    assert results[ResultKind.SECTION].snippet == "Transport policy"
    # Editing a section's heading and a document's summary moves them in the index too.
    services.documents.update_section(replace(section, heading="Buses to day services"))
    assert found(services, "buses") == [(ResultKind.SECTION, section.id)]
    assert (ResultKind.SECTION, section.id) not in found(services, "transport to")


def test_a_long_text_is_shown_around_the_word_found(services: Services) -> None:
    meeting = a_session(services)
    words = " ".join(["Words before the point"] * 10) + " the Café matters " + "after " * 30
    said(services, meeting, words)
    [result] = services.search.search("cafe")
    assert "Café matters" in result.snippet
    assert result.snippet.startswith("…") and result.snippet.endswith("…")
    assert len(result.snippet) <= 125


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"short',
        "short*",
        "*",
        "NEAR(short breaks)",
        "short NEAR breaks",
        "-short",
        "short -breaks",
        "short OR minibus",
        "short AND NOT breaks",
        "'; DROP TABLE contributions; --",
        "short:* | minibus",
        "!short & (breaks)",
        "body:short",
        "^short",
        "{title body}: short",
        "",
        "   ",
        "%_\\",
    ],
)
def test_search_syntax_typed_by_a_person_is_taken_as_plain_words(
    services: Services, query: str
) -> None:
    meeting = a_session(services)
    short = said(services, meeting, "Short breaks, please")
    said(services, meeting, "The minibus is late")
    results = found(services, query)
    assert set(results) <= {(ResultKind.CONTRIBUTION, short.id)}
    # The words still count: every word of the query must be there.
    if query in ("short*", '"short', "-short", "^short", "!short & (breaks)"):
        assert results == [(ResultKind.CONTRIBUTION, short.id)]
    assert found(services, "minibus") != []  # nothing was dropped or broken


def test_words_with_quotes_and_stars_in_the_text_are_found(services: Services) -> None:
    meeting = a_session(services)
    quoted = said(services, meeting, 'He said "NEAR enough" - it\'s 5* service')
    assert found(services, '"near enough"') == [(ResultKind.CONTRIBUTION, quoted.id)]
    assert found(services, "it's 5*") == [(ResultKind.CONTRIBUTION, quoted.id)]


def test_many_results_are_cut_at_the_limit(services: Services) -> None:
    meeting = a_session(services)
    for number in range(12):
        said(services, meeting, f"Idea number {number} about parking")
    assert len(services.search.search("parking", limit=5)) == 5
    assert len(services.search.search("parking")) == 12


# --- upgrading a database from before search ------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    templates = request.getfixturevalue("postgres_templates")
    name = templates.create(empty=True)
    request.addfinalizer(lambda: templates.drop(name))
    return templates.url_for(name)


def test_records_made_before_the_upgrade_are_found_after_it(empty_url: str) -> None:
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        migrations.upgrade(connection, "0003")
        connection.execute(
            text(
                "INSERT INTO groups (id, name, kind, purpose, cadence, active, version)"
                " VALUES (1, 'Forum', 'lived_experience', '', 'every_2_months', true, 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO meetings (id, group_id, title, starts_at, ends_at, place,"
                " online_link, status, notes, easy_read, version) VALUES (1, 1, 'Old session',"
                " :at, :at, '', '', 'held', 'Notes about the Café', '', 1)"
            ),
            {"at": STARTS},
        )
        connection.execute(
            text(
                "INSERT INTO contributions (meeting_id, kind, text, easy_read, attribution,"
                " in_summary, captured_at, version) VALUES (1, 'idea', 'Zoë wants ramps',"
                " '', 'anonymous', false, :at, 1)"
            ),
            {"at": STARTS},
        )
    engine.dispose()
    database = Database.open(empty_url)
    try:
        services = Services(database)
        [old] = services.contributions.list().items
        assert found(services, "zoe") == [(ResultKind.CONTRIBUTION, old.id)]
        assert found(services, "cafe") == [(ResultKind.SESSION, 1)]
        said(services, services.meetings.get(1), "New ramps too")
        assert len(found(services, "ramps")) == 2
    finally:
        database.close()


def test_records_loaded_in_bulk_are_found_and_later_edits_still_follow(
    services: Services,
) -> None:
    build_demo(services.database, "small")
    first = services.contributions.list(limit=1).items[0]
    word = max(words_of(first.text), key=len)
    assert (ResultKind.CONTRIBUTION, first.id) in found_all(services, word)
    services.contributions.update(replace(first, text="Xylophone lessons for everyone"))
    assert found(services, "xylophone") == [(ResultKind.CONTRIBUTION, first.id)]
    meeting = services.meetings.get(first.meeting_id)
    added = said(services, meeting, "Xylophones again")
    assert set(found(services, "xylophone")) == {
        (ResultKind.CONTRIBUTION, first.id),
        (ResultKind.CONTRIBUTION, added.id),
    }


def found_all(services: Services, query: str) -> list[tuple[ResultKind, int]]:
    return [(r.kind, r.record_id) for r in services.search.search(query, limit=100_000)]
