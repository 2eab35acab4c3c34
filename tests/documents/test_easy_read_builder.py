"""The easy-read builder on content made by hand: DESIGN.md section 5 checked on the saved file
(layout, type, pictures), the gate that keeps officer words off the page, hard words explained
at first use, and the page budget kept however much there is to say."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from docx_rules import (
    DECORATIVE,
    DOC_PR,
    all_paragraphs,
    assert_easy_read_rules,
    assert_every_sentence_passes,
    easy_document,
    entry,
    full_text,
    glossary,
    picture,
    render,
    reopen,
    with_told,
    xml_parts,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.documents.content import Contact, Row, Section, Words, row
from coproduce.documents.docx_base import EasyReadSettings, clean_text, save_atomically
from coproduce.documents.easy_read import build_easy_read, contact_warnings
from coproduce.documents.plain_language import FindingKind, is_easy_read
from coproduce.domain.errors import ExportError
from coproduce.domain.vocabulary import RowKind

TITLE = "Easy read summary of our meeting: Carers' Forum, Tuesday 10 March 2026"
TERMS = [hard.term for hard in glossary()]
MONDAY = datetime(2026, 3, 2, 10)


def section(document, heading: str):  # type: ignore[no-untyped-def]
    return next(s for s in document.sections if s.heading == heading)


def test_the_document_follows_every_easy_read_rule(tmp_path: Path) -> None:
    built = build_easy_read(easy_document(), render)
    target = built.save(tmp_path / "summary.docx")
    assert_easy_read_rules(target, TITLE)
    text = full_text(reopen(target))
    for heading in (
        "About this meeting",
        "Who came",
        "What we talked about",
        "What you told us",
        "What happens next",
        "Next meeting",
        "Hard words",
        "Contact us",
    ):
        assert heading in text
    assert "We met at Town Hall, Room 2." in text
    assert "Ayo Bello said:\nThe bus to the day centre is often late." in text
    assert "What we changed:\nWe added 20 more short breaks." in text
    assert built.warnings == () and built.left_out == () and built.not_shown == 0
    assert_every_sentence_passes(reopen(target), TERMS)


@pytest.mark.parametrize(("font", "size"), [("Verdana", 14), ("Century Gothic", 24)])
def test_the_font_and_size_the_facilitator_chose_are_used_everywhere(
    tmp_path: Path, font: str, size: int
) -> None:
    built = build_easy_read(easy_document(), render, EasyReadSettings(font=font, size=size))
    assert_easy_read_rules(built.save(tmp_path / "summary.docx"), TITLE, font=font, size=size)


@pytest.mark.parametrize(("font", "size"), [("Times New Roman", 16), ("Arial", 13), ("Arial", 25)])
def test_fonts_and_sizes_outside_the_rules_are_refused(font: str, size: int) -> None:
    with pytest.raises(ExportError, match="Easy-read"):
        EasyReadSettings(font=font, size=size)


# --- the gate ------------------------------------------------------------------------------


def test_words_that_fail_the_gate_are_left_out_listed_and_counted(tmp_path: Path) -> None:
    officer = (
        "The commissioning team will undertake a comprehensive review of the respite "
        "provision available across the borough during the next financial year."
    )
    content = with_told(
        easy_document(),
        entry("The bus is late.", record_id=1),
        entry(officer, record_id=7),
        entry("We want more breaks.", answer="Audits now start with a call.", record_id=8),
    )
    built = build_easy_read(content, render)
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    assert "The bus is late." in text
    assert "commissioning team" not in text and "Audits" not in text
    assert "We want more breaks." not in text  # its answer is not easy yet: both wait
    assert [(n.origin.kind, n.origin.record_id) for n in built.left_out] == [
        (RowKind.CONTRIBUTION, 7),
        (RowKind.RESPONSE, 8),
    ]
    first, second = built.left_out
    assert first.where == "What you told us" and first.text == officer
    assert {p.kind for p in first.problems} >= {FindingKind.LONG_SENTENCE}
    assert "15 words" in first.reason
    assert [p.kind for p in second.problems] == [FindingKind.OFFICER_WORD]
    # The reader is told there is more, never silently short.
    assert "You told us 2 other things too." in text
    assert "Ask us if you want to know about them." in text  # one of them has an answer


def test_fixed_wording_that_fails_falls_back_and_optional_details_drop_quietly(
    tmp_path: Path,
) -> None:
    about = Section(
        heading="About this meeting",
        rows=(
            Row(
                picture=picture("place"),
                words=(
                    Words(text="We met at Room 2; upstairs.", fallback="We met in person."),
                    Words(text="This was about the EQLs plan.", optional=True),
                    Words(text="The meeting was from 10am to 12 noon."),
                ),
            ),
        ),
    )
    content = easy_document()
    content = replace(content, sections=(about, *content.sections[1:]))
    built = build_easy_read(content, render)
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    assert "We met in person.\nThe meeting was from 10am to 12 noon." in text
    assert "Room 2;" not in text and "EQLs" not in text
    assert built.warnings == () and built.left_out == ()


def test_fixed_wording_that_fails_with_no_fallback_is_left_out_and_said(tmp_path: Path) -> None:
    content = easy_document()
    broken = replace(content.sections[0], rows=(row(picture("place"), "We met; we talked."),))
    built = build_easy_read(replace(content, sections=(broken, *content.sections[1:])), render)
    assert "We met; we talked." not in full_text(reopen(built.save(tmp_path / "s.docx")))
    assert any("We met; we talked." in warning for warning in built.warnings)


def test_a_cover_line_that_fails_falls_back_or_is_left_off_and_said(tmp_path: Path) -> None:
    content = easy_document()
    named = Words(text="Staff group (EQLs)", fallback="Staff engagement group")
    built = build_easy_read(replace(content, cover=replace(content.cover, lines=(named,))), render)
    text = full_text(reopen(built.save(tmp_path / "a.docx")))
    assert "EQLs" not in text and "Staff engagement group" in text
    assert built.warnings == ()
    bare = Words(text="Staff group (EQLs)")
    built = build_easy_read(replace(content, cover=replace(content.cover, lines=(bare,))), render)
    assert "EQLs" not in full_text(reopen(built.save(tmp_path / "b.docx")))
    assert any("left off the cover" in w and "EQLs" in w for w in built.warnings)


# --- hard words ----------------------------------------------------------------------------


def test_hard_words_are_explained_at_first_use_and_listed_cover_and_headings_included(
    tmp_path: Path,
) -> None:
    content = easy_document()
    cover = replace(content.cover, lines=(Words(text="Direct payments group"),))
    safeguarding = Section(
        heading="Safeguarding",
        rows=(row(picture("safe"), "We talked about keeping safe."),),
    )
    content = replace(content, cover=cover, sections=(*content.sections, safeguarding))
    document = reopen(build_easy_read(content, render).save(tmp_path / "s.docx"))
    text = full_text(document)
    cover_text = text[: text.index("About this meeting")]
    # On the cover, under the line that uses it; not again where it is used later.
    assert "Direct payments\nMoney from the council to pay for your support." in cover_text
    assert text.count("Money from the council to pay for your support.") == 2  # + the list
    # A heading's hard word is explained under the first row after it.
    assert "We talked about keeping safe.\nSafeguarding\nKeeping people safe from harm." in text
    hard = text[text.index("Hard words\n") : text.index("Contact us")]
    assert hard.index("Direct payments") < hard.index("Safeguarding")
    assert "Reablement" not in text and "reablement" not in text


def test_no_hard_words_section_when_no_hard_word_is_used(tmp_path: Path) -> None:
    content = replace(easy_document(glossary=()), sections=easy_document().sections[:2])
    text = full_text(reopen(build_easy_read(content, render).save(tmp_path / "s.docx")))
    assert "Hard words" not in text


def test_hard_words_and_contact_us_each_start_a_page(tmp_path: Path) -> None:
    document = reopen(build_easy_read(easy_document(), render).save(tmp_path / "s.docx"))
    starts = {
        p.text: p.paragraph_format.page_break_before
        for p in all_paragraphs(document)
        if p.style is not None and p.style.name == "Heading 1"
    }
    assert starts["Hard words"] and starts["Contact us"] and starts["About this meeting"]
    assert not starts["Who came"]


# --- the page budget -----------------------------------------------------------------------


def many(count: int, **kwargs: object) -> list:  # type: ignore[type-arg]
    return [
        entry(
            f"Idea number {n}. The buses in the morning are late.",
            record_id=100 + n,
            when=MONDAY + timedelta(minutes=n),
            **kwargs,  # type: ignore[arg-type]
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("size", [14, 16, 24])
def test_the_page_budget_is_kept_however_many_entries(tmp_path: Path, size: int) -> None:
    content = with_told(easy_document(), *many(300))
    built = build_easy_read(content, render, EasyReadSettings(size=size))
    assert built.estimated_pages <= 12 and built.budget == 12
    assert 0 < built.not_shown < 300
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    assert f"You told us {built.not_shown} other things too." in text
    # Newest first: the last idea said is in, the first is not.
    assert "Idea number 299." in text and "Idea number 0." not in text


def test_the_facilitators_choice_goes_in_whole_when_it_fits(tmp_path: Path) -> None:
    entries = many(40)
    chosen = {3, 17, 25}
    entries = [replace(e, chosen=i in chosen) for i, e in enumerate(entries)]
    content = replace(with_told(easy_document(), *entries), chosen_by_facilitator=True)
    built = build_easy_read(content, render)
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    printed = sorted(int(n) for n in re.findall(r"Idea number (\d+)\.", text))
    assert printed == [3, 17, 25]
    assert "You told us 37 other things too." in text


def test_a_choice_too_big_for_the_budget_keeps_the_most_important(tmp_path: Path) -> None:
    entries = many(200, chosen=True)
    important = [
        entry(f"Decision {n} is made.", rank=0, chosen=True, record_id=500 + n, when=MONDAY)
        for n in range(3)
    ]
    content = replace(with_told(easy_document(), *entries, *important), chosen_by_facilitator=True)
    built = build_easy_read(content, render)
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    assert built.estimated_pages <= 12 and built.not_shown > 0
    for n in range(3):
        assert f"Decision {n} is made." in text


def test_a_proposal_takes_one_entry_per_topic_before_more_of_the_same(tmp_path: Path) -> None:
    busy = many(120, topic=1)
    quiet = entry("The quiet topic matters too.", topic=2, record_id=900, when=MONDAY)
    built = build_easy_read(with_told(easy_document(), *busy, quiet), render)
    text = full_text(reopen(built.save(tmp_path / "s.docx")))
    assert built.not_shown > 0
    assert "The quiet topic matters too." in text  # older than every busy one, still in


def test_the_estimate_is_what_the_export_shows(tmp_path: Path) -> None:
    small = build_easy_read(easy_document(), render)
    big = build_easy_read(with_told(easy_document(), *many(30)), render)
    assert 3 <= small.estimated_pages < big.estimated_pages <= 12


# --- pictures, contact, properties ---------------------------------------------------------


def test_a_decorative_picture_is_marked_and_carries_no_alt_text(tmp_path: Path) -> None:
    target = build_easy_read(easy_document(), render).save(tmp_path / "s.docx")
    xml = xml_parts(target)["word/document.xml"]
    marked = [tag for tag in re.findall(DOC_PR, xml, re.S) if DECORATIVE in tag]
    assert len(marked) == 1  # the action's picture only repeats "what happens next"
    assert 'descr=""' in marked[0]
    assert_easy_read_rules(target, TITLE)  # every other picture has its alt text


def test_the_contact_page_names_the_person_and_warns_when_details_are_missing(
    tmp_path: Path,
) -> None:
    text = full_text(reopen(build_easy_read(easy_document(), render).save(tmp_path / "a.docx")))
    contact = text[text.index("Contact us") :]
    assert "Ask for Sam Reed." in contact and "Phone: 01234 567890" in contact
    assert "Ask us for this in another format" in contact
    assert contact_warnings(easy_document().contact) == []
    empty = build_easy_read(easy_document(contact=Contact()), render)
    assert len(empty.warnings) == 2
    assert any("no name of a person" in w for w in empty.warnings)
    assert any("no phone number or email" in w for w in empty.warnings)
    text = full_text(reopen(empty.save(tmp_path / "b.docx")))
    assert "Talk to the person who runs your group." in text


def test_the_pictures_credits_are_in_the_documents_properties(tmp_path: Path) -> None:
    document = reopen(build_easy_read(easy_document(), render).save(tmp_path / "s.docx"))
    assert document.core_properties.comments == "Pictures: Font Awesome Free 5 (CC BY 4.0)."
    assert document.core_properties.subject == "Carers' Forum, Tuesday 10 March 2026"


# --- saving --------------------------------------------------------------------------------


def test_saving_is_atomic_private_and_refuses_to_overwrite(tmp_path: Path) -> None:
    built = build_easy_read(easy_document(), render)
    target = built.save(tmp_path / "summary.docx")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["summary.docx"]  # no temporary left
    with pytest.raises(ExportError, match="already exists"):
        built.save(target)
    built.save(target, force=True)
    assert reopen(target) is not None


def test_a_file_open_in_word_gives_a_clear_message(tmp_path: Path) -> None:
    built = build_easy_read(easy_document(), render)
    target = built.save(tmp_path / "summary.docx")
    (tmp_path / "~$mmary.docx").write_bytes(b"lock")
    with pytest.raises(ExportError, match="open in Word"):
        built.save(target, force=True)


def test_a_folder_that_is_missing_or_not_writable_gives_a_clear_message(tmp_path: Path) -> None:
    built = build_easy_read(easy_document(), render)
    with pytest.raises(ExportError, match="does not exist"):
        built.save(tmp_path / "missing" / "summary.docx")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    # /proc refuses even root, who ignores permissions.
    unwritable = locked if not os.access(locked, os.W_OK) else Path("/proc")
    try:
        with pytest.raises(ExportError, match="cannot write in the folder"):
            save_atomically(built.document, unwritable / "summary.docx")
    finally:
        locked.chmod(0o700)


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
@given(said=ANY_TEXT, answer=ANY_TEXT, lead=ANY_TEXT, alt=ANY_TEXT, line=ANY_TEXT)
def test_any_unicode_is_printed_whole_or_listed_never_lost_or_a_crash(
    tmp_path_factory: pytest.TempPathFactory,
    said: str,
    answer: str,
    lead: str,
    alt: str,
    line: str,
) -> None:
    odd = entry(said, answer=answer, record_id=42)
    said_row = replace(odd.rows[0], lead=lead, picture=replace(picture("idea"), alt_text=alt))
    odd = replace(odd, rows=(said_row, *odd.rows[1:]))
    content = with_told(easy_document(), odd)
    content = replace(content, cover=replace(content.cover, lines=(Words(text=line),)))
    built = build_easy_read(content, render)
    document = reopen(built.save(tmp_path_factory.mktemp("unicode") / "s.docx"))
    text = "".join(full_text(document).split())
    listed = {need.origin.kind for need in built.left_out}
    for value, kind in ((said, RowKind.CONTRIBUTION), (answer, RowKind.RESPONSE)):
        kept = _kept(value)
        if not kept:
            continue
        if is_easy_read(" ".join(clean_text(value).split()), TERMS):
            assert kept in text or listed, value  # in, or waiting with its answer
        else:
            assert kind in listed, value


def test_right_to_left_words_are_marked_and_sized_like_the_rest(tmp_path: Path) -> None:
    from docx.oxml.ns import qn
    from docx_rules import runs

    content = with_told(
        easy_document(),
        entry("مرحبا بكم في الاجتماع", record_id=1),
        entry("Ayo said שלום to everyone 👋", record_id=2),
    )
    document = reopen(build_easy_read(content, render).save(tmp_path / "s.docx"))
    marked = {
        run.text: run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None
        for _, run in runs(document)
    }
    assert marked["مرحبا بكم في الاجتماع"] is True
    assert marked["Ayo said שלום to everyone 👋"] is False
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"


def test_what_was_said_is_kept_on_the_page_of_what_we_did(tmp_path: Path) -> None:
    # Word keeps a table row with the next one when its paragraphs keep with next.
    document = reopen(build_easy_read(easy_document(), render).save(tmp_path / "s.docx"))
    rows = {row.cells[1].paragraphs[0].text: row for table in document.tables for row in table.rows}
    said = rows["A group member said:"]
    answer = rows["What we changed:"]
    for cell in said.cells:
        assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for p in answer.cells[1].paragraphs)
    # A row on its own (no answer) is not tied to the next.
    alone = rows["Ayo Bello said:"]
    assert not any(p.paragraph_format.keep_with_next for p in alone.cells[1].paragraphs)
