"""A participant's own pack, "Your ideas and what happened to them", through the services:
their own name, nobody else's; each idea with what happened and why; within 12 pages."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from docx_rules import (
    appears_anywhere,
    assert_easy_read_rules,
    assert_every_sentence_passes,
    full_text,
    render,
    reopen,
)
from report_data import HIDDEN, NAMED, WITHDRAWN, make_session

from coproduce.documents.docx_base import date_in_words
from coproduce.documents.easy_read import build_easy_read
from coproduce.domain.records import Contribution, Person, Response
from coproduce.domain.vocabulary import Attribution, ContributionKind, ResponseStatus
from coproduce.services import Services

TITLE = "Your ideas and what happened to them"


def pack_text(services: Services, person_id: int, target: Path) -> tuple[object, str]:
    built = build_easy_read(services.handouts.person_pack(person_id), render)
    built.save(target, force=True)
    return built, re.sub(r"\n+", "\n", full_text(reopen(target)))


def test_a_persons_own_pack_has_their_name_and_nobody_elses(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    # Their own pack carries their name even without consent to be quoted by name.
    person = made.people[WITHDRAWN]
    target = tmp_path / "pack.docx"
    _built, text = pack_text(services, person.id, target)  # type: ignore[arg-type]
    assert_easy_read_rules(target, f"{TITLE}: {WITHDRAWN}")
    assert_every_sentence_passes(reopen(target), services.glossary.terms())
    assert f"For {WITHDRAWN}" in text
    assert "You gave us 2 ideas.\nThank you." in text
    assert "You said:\nWe want more short breaks." in text
    assert "This already happens:\nThe strategy now promises more breaks." in text
    assert "You said:\nSafeguarding leaflets are confusing." in text
    assert "We wrote an easy read safeguarding leaflet." in text
    day = date_in_words(made.earlier_session.starts_at.date())
    assert f"You said this on {day}." in text
    for name in (NAMED, *[n for n in HIDDEN if n != WITHDRAWN]):
        assert appears_anywhere(target, name) == [], name
    # Another person's pack mentions a name only where that person agreed.
    other = tmp_path / "other.docx"
    pack_text(services, made.people[NAMED].id, other)  # type: ignore[arg-type]
    for name in HIDDEN:
        assert appears_anywhere(other, name) == [], name


def test_a_pack_with_no_ideas_says_so_kindly(services: Services, tmp_path: Path) -> None:
    person = services.people.create(Person(display_name="Sam New"))
    _built, text = pack_text(services, person.id, tmp_path / "p.docx")  # type: ignore[arg-type]
    assert "We do not have any of your ideas written down yet." in text


def test_thanks_are_acknowledged_and_unanswered_ideas_say_so(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    person = made.people[NAMED]
    for text, kind in (
        ("Thank you for the tea.", ContributionKind.PRAISE),
        ("Can we meet in the library?", ContributionKind.QUESTION),
    ):
        services.contributions.add(
            Contribution(
                meeting_id=made.session.id,  # type: ignore[arg-type]
                text=text,
                kind=kind,
                attribution=Attribution.PERSON,
                speaker_id=person.id,
            )
        )
    _built, text = pack_text(services, person.id, tmp_path / "p.docx")  # type: ignore[arg-type]
    assert "Thank you for the tea.\nThank you. We passed this on to the team." in text
    assert "You asked:\nCan we meet in the library?" in text
    assert "We have not answered this yet.\nWe will tell you when we have an answer." in text


def test_a_busy_persons_pack_keeps_12_pages_answered_first(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    person = made.people[NAMED]
    base = datetime.now() - timedelta(days=3)
    answered = None
    for n in range(150):
        contribution = services.contributions.add(
            Contribution(
                meeting_id=made.session.id,  # type: ignore[arg-type]
                text=f"Idea {n} about the buses.",
                attribution=Attribution.PERSON,
                speaker_id=person.id,
                captured_at=base + timedelta(minutes=n),
            )
        )
        if n == 3:
            answered = contribution
            services.contributions.respond(
                Response(
                    contribution_id=contribution.id,  # type: ignore[arg-type]
                    status=ResponseStatus.ALREADY_HAPPENING,
                    easy_read="The buses now come every 10 minutes.",
                )
            )
    assert answered is not None
    built, text = pack_text(services, person.id, tmp_path / "p.docx")  # type: ignore[arg-type]
    assert built.estimated_pages <= 12  # type: ignore[attr-defined]
    # An old idea with an answer goes in before newer ones still waiting.
    assert "The buses now come every 10 minutes." in text
    assert re.search(r"You gave us \d+ other ideas too\.\nAsk us what happened to them\.", text)
