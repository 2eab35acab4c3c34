"""A participant's own pack, "Your ideas and what happened to them"."""

from __future__ import annotations

from pathlib import Path

from docx_rules import appears_anywhere, assert_easy_read_rules, full_text, pack, render, reopen
from report_data import HIDDEN, NAMED, WITHDRAWN, make_session

from coproduce.documents.person_pack import TITLE, build_person_pack
from coproduce.services import Services


def test_the_pack_follows_the_easy_read_rules(tmp_path: Path) -> None:
    target = build_person_pack(pack(), render).save(tmp_path / "pack.docx")
    assert_easy_read_rules(target, TITLE)
    text = full_text(reopen(target))
    assert "For Ayo Bello" in text
    assert "You gave us 1 idea. Thank you." in text
    assert "You said:\nThe bus is late." in text
    assert "We did:\nWe asked the bus company to change the times." in text


def test_a_pack_with_no_ideas_says_so_kindly(tmp_path: Path) -> None:
    target = build_person_pack(pack(items=()), render).save(tmp_path / "pack.docx")
    assert "We do not have any of your ideas written down yet." in full_text(reopen(target))


def test_a_persons_own_pack_has_their_name_and_nobody_elses(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    # Their own pack carries their name even without consent to be quoted by name.
    content = services.reports.person_pack(made.people[WITHDRAWN].id)  # type: ignore[arg-type]
    target = build_person_pack(content, render).save(tmp_path / "pack.docx")
    assert_easy_read_rules(target, TITLE)
    text = full_text(reopen(target))
    assert f"For {WITHDRAWN}" in text
    assert "We want more short breaks." in text
    assert "Safeguarding leaflets are confusing." in text
    assert "We wrote an easy read safeguarding leaflet." in text
    for name in (NAMED, *[n for n in HIDDEN if n != WITHDRAWN]):
        assert appears_anywhere(target, name) == [], name
    # Another person's pack mentions a name only where that person agreed.
    other = services.reports.person_pack(made.people[NAMED].id)  # type: ignore[arg-type]
    target = build_person_pack(other, render).save(tmp_path / "other.docx")
    for name in HIDDEN:
        assert appears_anywhere(target, name) == [], name
