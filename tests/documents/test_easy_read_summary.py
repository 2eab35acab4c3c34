"""The easy-read session summary: DESIGN.md section 5 checked on the saved file, consent checked
by searching every XML part, and any Unicode in any field exported without error."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from docx_rules import (
    DATE_IN_WORDS,
    NUMERIC_DATE,
    appears_anywhere,
    assert_easy_read_rules,
    full_text,
    picture,
    render,
    reopen,
    summary,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_data import HIDDEN, NAMED, make_session

from coproduce.documents.content import NextMeeting, Row
from coproduce.documents.docx_base import EasyReadSettings, clean_text, save_atomically
from coproduce.documents.easy_read import build_easy_read_summary
from coproduce.domain.errors import ExportError
from coproduce.services import Services


def test_the_summary_follows_every_easy_read_rule(tmp_path: Path) -> None:
    target = build_easy_read_summary(summary(), render).save(tmp_path / "summary.docx")
    assert_easy_read_rules(target, "Short breaks for carers")
    text = full_text(reopen(target))
    for heading in (
        "About this meeting",
        "Who came",
        "What we talked about",
        "What you told us",
        "What happens next",
        "You said, we did",
        "Next meeting",
        "Hard words",
        "Contact us",
    ):
        assert heading in text
    assert "This is an easy read summary of our meeting." in text
    assert "9 people came to the meeting." in text
    assert "2 people could not come and told us." in text


@pytest.mark.parametrize(("font", "size"), [("Verdana", 14), ("Century Gothic", 24)])
def test_the_font_and_size_the_facilitator_chose_are_used_everywhere(
    tmp_path: Path, font: str, size: int
) -> None:
    built = build_easy_read_summary(summary(), render, EasyReadSettings(font=font, size=size))
    target = built.save(tmp_path / "summary.docx")
    assert_easy_read_rules(target, "Short breaks for carers", font=font, size=size)


@pytest.mark.parametrize(("font", "size"), [("Times New Roman", 16), ("Arial", 13), ("Arial", 25)])
def test_fonts_and_sizes_outside_the_rules_are_refused(font: str, size: int) -> None:
    with pytest.raises(ExportError, match="Easy-read"):
        EasyReadSettings(font=font, size=size)


def test_dates_are_in_words_and_times_the_easy_way(tmp_path: Path) -> None:
    target = build_easy_read_summary(summary(), render).save(tmp_path / "summary.docx")
    text = full_text(reopen(target))
    assert "Tuesday 10 March 2026" in text
    assert "We met on Tuesday 10 March 2026, 10am to 12 noon." in text
    assert "Our next meeting is on Tuesday 14 April 2026, 2:30pm to 4pm." in text
    assert "We talked about this on Tuesday 13 January 2026." in text
    assert DATE_IN_WORDS.search(text)
    assert not NUMERIC_DATE.search(text)


def test_hard_words_lists_only_the_words_the_document_uses(tmp_path: Path) -> None:
    target = build_easy_read_summary(summary(), render).save(tmp_path / "summary.docx")
    text = full_text(reopen(target))
    hard_words = text[text.index("Hard words") : text.index("Contact us")]
    assert "Direct payments" in hard_words
    assert "Money from the council to pay for your support." in hard_words
    assert "Reablement" not in text and "reablement" not in text
    assert "Safeguarding" not in text


def test_no_hard_words_section_when_no_hard_word_is_used(tmp_path: Path) -> None:
    content = summary(topics=(Row(text="We talked about buses.", picture=picture("bus")),))
    text = full_text(reopen(build_easy_read_summary(content, render).save(tmp_path / "s.docx")))
    assert "Hard words" not in text


def test_without_a_next_meeting_or_contact_details_the_reader_is_told_what_to_do(
    tmp_path: Path,
) -> None:
    from coproduce.documents.content import Contact

    content = summary(next_meeting=None, contact=Contact())
    text = full_text(reopen(build_easy_read_summary(content, render).save(tmp_path / "s.docx")))
    assert "We will tell you the date of our next meeting soon." in text
    assert "Talk to the person who runs your group." in text


def test_a_long_summary_warns_before_it_passes_20_pages() -> None:
    short = build_easy_read_summary(summary(), render)
    assert short.warnings == () and short.estimated_pages < 20
    many = tuple(
        Row(text=f"Idea number {n}. It is about the buses and the trains.", picture=picture("bus"))
        for n in range(120)
    )
    long = build_easy_read_summary(summary(told_us=many), render)
    assert long.estimated_pages > 20
    assert any("20 pages" in warning for warning in long.warnings)


def test_the_documents_own_words_pass_the_checker_however_many_people_are_named() -> None:
    # What Coproduce writes itself (who came, dates, headings) must be easy read too: a long
    # list of names in one sentence once made "Who came" fail its own checker.
    names = tuple(f"Person{n} Surname{n}" for n in range(12))
    built = build_easy_read_summary(summary(named_present=names, present_count=12), render)
    assert [f for f in built.findings if f.where.startswith("Who came")] == []


def test_plain_language_findings_come_back_with_where_they_are() -> None:
    wordy = (
        "The commissioning team will undertake a comprehensive review of the respite "
        "provision available across the borough during the next financial year."
    )
    built = build_easy_read_summary(
        summary(told_us=(Row(text=wordy, picture=picture("idea")),)), render
    )
    mine = [f for f in built.findings if f.text == wordy]
    assert mine and all(f.where == "What you told us, row 1" for f in mine)
    assert any("15 words" in f.finding.message for f in mine)


def test_saving_is_atomic_private_and_refuses_to_overwrite(tmp_path: Path) -> None:
    built = build_easy_read_summary(summary(), render)
    target = built.save(tmp_path / "summary.docx")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["summary.docx"]  # no temporary left
    with pytest.raises(ExportError, match="already exists"):
        built.save(target)
    before = target.read_bytes()
    built.save(target, force=True)
    assert reopen(target) is not None and target.read_bytes() != b"" and before


def test_a_file_open_in_word_gives_a_clear_message(tmp_path: Path) -> None:
    built = build_easy_read_summary(summary(), render)
    target = built.save(tmp_path / "summary.docx")
    (tmp_path / "~$mmary.docx").write_bytes(b"lock")
    with pytest.raises(ExportError, match="open in Word"):
        built.save(target, force=True)


def test_a_folder_that_is_missing_or_not_writable_gives_a_clear_message(tmp_path: Path) -> None:
    built = build_easy_read_summary(summary(), render)
    with pytest.raises(ExportError, match="does not exist"):
        built.save(tmp_path / "missing" / "summary.docx")
    # A folder nobody may write in; /proc refuses even root, who ignores permissions.
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    unwritable = locked if not os.access(locked, os.W_OK) else Path("/proc")
    try:
        with pytest.raises(ExportError, match="cannot write in the folder"):
            save_atomically(built.document, unwritable / "summary.docx")
    finally:
        locked.chmod(0o700)


# --- consent, through the real services ----------------------------------------------------


def test_names_appear_only_with_consent_to_be_quoted_by_name(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    content = services.reports.easy_read_summary(made.session.id)  # type: ignore[arg-type]
    target = build_easy_read_summary(content, render).save(tmp_path / "summary.docx")
    assert_easy_read_rules(target, "Short breaks for carers")
    text = full_text(reopen(target))
    assert f"Some of the people who came:\n{NAMED}" in text
    assert f"{NAMED} said:" in text
    assert "4 people came to the meeting." in text
    assert "1 person could not come and told us." in text
    assert "A group member said:" in text
    assert "The whole group said:" in text
    assert f"{NAMED} will do this." in text
    for name in HIDDEN:
        assert appears_anywhere(target, name) == [], name
        for part in name.split():
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text), part
    # The earlier session's answer, not yet fed back, is told at this one, with its date.
    assert "We wrote an easy read safeguarding leaflet." in text


def test_the_demo_summary_names_nobody_without_consent(services: Services, tmp_path: Path) -> None:
    from coproduce.domain.vocabulary import ConsentPurpose
    from coproduce.services.demo import build_demo

    build_demo(services.database, "small")
    people = services.people.list().items
    consenting = services.people.consenting(
        ConsentPurpose.QUOTED_BY_NAME,
        [p.id for p in people],  # type: ignore[misc]
    )
    hidden = [p.display_name for p in people if p.id not in consenting]
    assert hidden and consenting
    checked = 0
    for meeting in services.meetings.list().items:
        content = services.reports.easy_read_summary(meeting.id)  # type: ignore[arg-type]
        if not content.present_count:
            continue
        target = build_easy_read_summary(content, render).save(tmp_path / f"{meeting.id}.docx")
        for name in hidden:
            assert appears_anywhere(target, name) == [], (meeting.title, name)
        checked += 1
    assert checked >= 3


# --- any Unicode -------------------------------------------------------------------------

ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, exclude_categories=()),  # everything, surrogates included
        st.sampled_from("\x00\x01\x0b\x0c\x1f\ufffe\uffff\ud800\udfff\u202e\u200f"),
        st.sampled_from("مرحبا שלום 👩🏽‍🦯 🚌 e\u0301"),
    ),
    max_size=40,
)


def _kept(text: str) -> str:
    return "".join(clean_text(text).split())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=ANY_TEXT,
    group=ANY_TEXT,
    place=ANY_TEXT,
    name=ANY_TEXT,
    about=ANY_TEXT,
    topic=ANY_TEXT,
    said=ANY_TEXT,
    source=ANY_TEXT,
    action=ANY_TEXT,
    did=ANY_TEXT,
    alt=ANY_TEXT,
)
def test_any_unicode_in_any_field_exports_and_keeps_everything_but_illegal_characters(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    group: str,
    place: str,
    name: str,
    about: str,
    topic: str,
    said: str,
    source: str,
    action: str,
    did: str,
    alt: str,
) -> None:
    from docx_rules import said_did

    odd_picture = replace(picture("idea"), alt_text=alt)
    content = summary(
        title=title,
        group=group,
        place=place,
        named_present=(name,),
        about=(Row(text=about, picture=odd_picture),),
        topics=(Row(text=topic, picture=picture("money")),),
        told_us=(Row(text=said, picture=picture("idea"), source=source),),
        actions=(Row(text=action, picture=picture("bus")),),
        said_did=(said_did(said, did, source=source),),
        next_meeting=NextMeeting(
            starts_at=datetime(2026, 4, 14, 14), ends_at=datetime(2026, 4, 14, 16), place=place
        ),
    )
    folder = tmp_path_factory.mktemp("unicode")
    target = build_easy_read_summary(content, render).save(folder / "summary.docx")
    document = reopen(target)
    text = "".join(full_text(document).split())
    for value in (title, group, place, about, topic, said, action, did):
        assert _kept(value) in text
    if _kept(name):
        assert _kept(name) in text
    assert document.core_properties.title == clean_text(title)
    assert (_kept(source) + ":") in text if _kept(source) else True


def test_right_to_left_words_are_marked_and_sized_like_the_rest(tmp_path: Path) -> None:
    from docx.oxml.ns import qn
    from docx_rules import runs

    content = summary(
        told_us=(
            Row(text="مرحبا بكم في الاجتماع", picture=picture("idea")),
            Row(text="Ayo said שלום to everyone 👋", picture=picture("idea")),
        )
    )
    document = reopen(build_easy_read_summary(content, render).save(tmp_path / "s.docx"))
    marked = {
        run.text: run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None
        for _, run in runs(document)
    }
    assert marked["مرحبا بكم في الاجتماع"] is True
    assert marked["Ayo said שלום to everyone 👋"] is False
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"
