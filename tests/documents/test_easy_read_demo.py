"""Every easy-read handout the example councils give a new user is a good one: for every held
session of the small and the large example council, the summary keeps its 12 pages, every
sentence in it passes the easy-read gate (15 words at most, no semicolon, no hard word left
unexplained) and nothing is left out for want of easy words; the same for every group's "You
said, we did", and for every document's report and every person's pack (the 15 busiest of each
on the large council). LibreOffice lays out the biggest of them to prove the budget holds on
real pages.

The large council (1000 sessions, 100,000 contributions) takes minutes: it is marked slow and
runs in CI. Pictures are drawn small here: what is checked is the words and the pages."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from docx_rules import assert_every_sentence_passes, body_paragraphs
from test_pdf_rendering import pages, soffice  # noqa: F401  (the LibreOffice fixture)

from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.services.meetings import MeetingFilter
from coproduce.store.database import Database

NOT_HELD = (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)


@lru_cache(maxsize=1024)
def small_picture(choice: PictureChoice) -> bytes:
    from coproduce.ui.pictures import render_png

    return render_png(choice, 48)


SAMPLED = 15
"""On the large council, the busiest documents and people (the most to fit in the budget); on
the small one, every document and every person."""


@pytest.fixture(scope="module", params=["small", pytest.param("large", marks=pytest.mark.slow)])
def council(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[Services]:
    path = tmp_path_factory.mktemp(request.param) / "council.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database.open(f"sqlite:///{path}")
    build_demo(database, request.param)
    yield Services(database)
    database.close()


def check(built: Built, terms: list, what: str) -> None:
    assert built.estimated_pages <= built.budget, (what, built.estimated_pages)
    assert built.left_out == (), (what, [(n.where, n.text) for n in built.left_out])
    assert built.warnings == (), (what, built.warnings)
    assert assert_every_sentence_passes(built.document, terms) > 10, what


@pytest.mark.timeout(1800)  # the large council's 937 summaries take several minutes
def test_every_held_sessions_summary_is_within_12_pages_and_easy_read(council: Services) -> None:
    terms = council.glossary.terms()
    held = [
        meeting
        for meeting in council.meetings.list(MeetingFilter()).items
        if meeting.status not in NOT_HELD
    ]
    assert len(held) >= 9
    for meeting in held:
        content = council.handouts.session_summary(meeting.id)  # type: ignore[arg-type]
        built = build_easy_read(content, small_picture)
        check(built, terms, meeting.title)
        text = "\n".join(p.text for p in body_paragraphs(built.document))
        # What a new user sees in every example: answers say why, thanks acknowledged.
        assert "Someone said thank you" not in text
        assert "We made a decision about" not in text


def test_every_groups_report_is_within_20_pages_and_easy_read(council: Services) -> None:
    terms = council.glossary.terms()
    for group in council.groups.list().items:
        built = build_easy_read(
            council.handouts.you_said_we_did(group_id=group.id),  # type: ignore[arg-type]
            small_picture,
        )
        check(built, terms, group.name)


def test_documents_reports_are_within_20_pages_and_easy_read(
    council: Services,
) -> None:
    terms = council.glossary.terms()
    documents = council.documents.list().items
    busiest = sorted(
        documents,
        key=lambda d: len(council.contributions.links_to(d.id)),  # type: ignore[arg-type]
        reverse=True,
    )
    if len(documents) > 50:
        busiest = busiest[:SAMPLED]
    for document in busiest:
        built = build_easy_read(
            council.handouts.you_said_we_did(document_id=document.id),  # type: ignore[arg-type]
            small_picture,
        )
        check(built, terms, document.title)


def test_peoples_packs_are_within_12_pages_and_easy_read(
    council: Services,
) -> None:
    from coproduce.services.contributions import ContributionFilter

    terms = council.glossary.terms()
    people = council.people.list().items
    counts = {
        person.id: council.contributions.list(
            ContributionFilter(speaker_id=person.id), limit=0
        ).total
        for person in people
    }
    busiest = sorted(people, key=lambda p: counts[p.id], reverse=True)
    if len(people) > 100:
        busiest = busiest[:SAMPLED]
    assert counts[busiest[0].id] > 5
    for person in busiest:
        built = build_easy_read(
            council.handouts.person_pack(person.id),  # type: ignore[arg-type]
            small_picture,
        )
        check(built, terms, person.display_name)


def test_libreoffice_lays_the_biggest_handouts_out_within_their_budget(
    council: Services,
    soffice: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The summaries with most to say, the biggest group's report and the busiest person's
    pack, rendered: real pages, never over budget, never more than the dialog said."""
    from coproduce.services.contributions import ContributionFilter

    held = [m for m in council.meetings.list(MeetingFilter()).items if m.status not in NOT_HELD]

    def said(meeting_id: int) -> int:
        return council.contributions.list(ContributionFilter(meeting_id=meeting_id), limit=0).total

    busiest = sorted(held, key=lambda m: said(m.id), reverse=True)[:4]  # type: ignore[arg-type]
    built: dict[str, Built] = {
        f"summary-{m.id}": build_easy_read(
            council.handouts.session_summary(m.id),  # type: ignore[arg-type]
            small_picture,
        )
        for m in busiest
    }
    group = council.groups.list().items[0]
    built["report"] = build_easy_read(
        council.handouts.you_said_we_did(group_id=group.id),  # type: ignore[arg-type]
        small_picture,
    )
    person = max(
        council.people.list().items,
        key=lambda p: (
            council.contributions.list(ContributionFilter(speaker_id=p.id), limit=0).total
        ),
    )
    built["pack"] = build_easy_read(
        council.handouts.person_pack(person.id),  # type: ignore[arg-type]
        small_picture,
    )
    files = [str(b.save(tmp_path / f"{name}.docx")) for name, b in built.items()]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for name, document in built.items():
        real = pages(tmp_path / f"{name}.pdf")
        assert real <= document.budget, (name, real)
        assert real <= document.estimated_pages <= real + 2, (name, real, document.estimated_pages)
