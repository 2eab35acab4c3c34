"""The picture library: defaults, remembered choices, search, suggestions and row concepts,
on both databases."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coproduce.domain.errors import NotFoundError, ValidationError
from coproduce.domain.records import AgendaItem, Contribution, Group, Meeting
from coproduce.domain.vocabulary import Attribution, PictureSource, RowKind
from coproduce.paths import data_dir
from coproduce.services import Services
from coproduce.services.pictures import (
    curated_concept,
    curated_concepts,
    openmoji_file,
    openmoji_pictures,
    search_openmoji,
)

STARTS = datetime(2026, 3, 10, 10, 0)

# The smallest valid PNG: one transparent pixel.
ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def library_reference(concept: str) -> str:
    entry = curated_concept(concept)
    assert entry is not None, concept
    return entry.reference


def a_session(services: Services) -> Meeting:
    group = services.groups.create(Group(name="Carers' reference group"))
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March session",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
        )
    )


# --- defaults ----------------------------------------------------------------------------


def test_a_curated_concept_has_its_library_picture_and_alt_text(services: Services) -> None:
    choice = services.pictures.for_concept("Calendar")

    assert choice.concept == "calendar"
    assert choice.source is PictureSource.OPENMOJI
    assert choice.reference == "1F5D3"  # OpenMoji's spiral calendar: no date to misread
    assert choice.alt_text == "A calendar"
    assert choice.id is None  # nobody chose it: the library's default


def test_every_section_of_the_easy_read_summary_has_a_picture(services: Services) -> None:
    sections = [
        "meeting",
        "about this meeting",
        "who came",
        "what we talked about",
        "what you told us",
        "what happens next",
        "next meeting",
        "hard words",
        "contact us",
        "another format",
    ]
    curated = {concept.concept for concept in curated_concepts()}
    assert set(sections) <= curated
    for section in sections:
        choice = services.pictures.for_concept(section)
        assert choice.alt_text and choice.reference, section


def test_an_unknown_concept_gets_the_general_picture_not_an_error(services: Services) -> None:
    choice = services.pictures.for_concept("Allotment gardening")

    assert choice.concept == "allotment gardening"
    assert choice.source is PictureSource.OPENMOJI
    assert choice.reference == services.pictures.for_concept("information").reference
    assert choice.alt_text


def test_the_library_has_about_two_hundred_distinct_concepts_with_alt_text() -> None:
    concepts = curated_concepts()
    assert len(concepts) >= 190
    assert len({c.concept for c in concepts}) == len(concepts)
    for concept in concepts:
        assert concept.alt_text[0].isupper(), concept.concept
        assert concept.words, concept.concept
        if concept.source is PictureSource.ICON:
            assert concept.reference.split(".")[0] in {"fa5s", "mdi6"}, concept.concept
        else:
            assert concept.source is PictureSource.OPENMOJI, concept.concept


# --- remembered choices ------------------------------------------------------------------


def test_a_chosen_picture_is_remembered_for_its_concept(services: Services) -> None:
    services.pictures.choose("Money", PictureSource.ICON, "fa5s.pound-sign", "A pound sign")

    choice = services.pictures.for_concept("money")
    assert (choice.reference, choice.alt_text) == ("fa5s.pound-sign", "A pound sign")
    assert choice.id is not None
    # Choosing again replaces the choice; there is still one per concept.
    services.pictures.choose("money", PictureSource.ICON, "fa5s.coins", "Some coins")
    assert services.pictures.for_concept("MONEY").alt_text == "Some coins"
    assert [c.concept for c in services.pictures.remembered()] == ["money"]
    batch = services.pictures.for_concepts(["money", "bus"])
    assert batch["money"].reference == "fa5s.coins"
    assert batch["bus"] == curated_concept("bus").default_choice()


def test_alt_text_is_required(services: Services) -> None:
    with pytest.raises(ValidationError, match="Describe the picture") as error:
        services.pictures.choose("money", PictureSource.ICON, "fa5s.coins", "   ")
    assert error.value.field == "alt_text"
    assert services.pictures.remembered() == []


def test_an_icon_name_that_is_not_in_the_library_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="not in the library") as error:
        services.pictures.choose("money", PictureSource.ICON, "<script>", "Money")
    assert error.value.field == "reference"
    assert "<script>" not in str(error.value)  # the message shows no internal name


def test_forgetting_a_choice_goes_back_to_the_default_and_restore_undoes_it(
    services: Services,
) -> None:
    services.pictures.choose("bus", PictureSource.ICON, "mdi6.bus-double-decker", "A red bus")

    forgotten = services.pictures.forget("Bus")
    assert services.pictures.for_concept("bus").reference == library_reference("bus")
    assert forgotten is not None and forgotten.alt_text == "A red bus"

    services.pictures.restore(forgotten)
    assert services.pictures.for_concept("bus").reference == "mdi6.bus-double-decker"
    # Undo of a first choice: there was none before, so back to the library's picture.
    services.pictures.restore(None, "bus")
    assert services.pictures.for_concept("bus").reference == library_reference("bus")
    assert services.pictures.forget("bus") is None


def test_an_own_picture_file_is_kept_in_the_data_folder_and_survives_the_original_moving(
    services: Services, tmp_path: Path
) -> None:
    original = tmp_path / "Our bus photo.PNG"
    original.write_bytes(ONE_PIXEL_PNG)

    choice = services.pictures.choose_file("bus", original, "Our minibus")
    original.unlink()

    kept = Path(choice.reference)
    assert choice.source is PictureSource.FILE
    assert kept.parent == data_dir() / "pictures"
    assert kept.name.startswith("Our bus photo-") and kept.suffix == ".png"
    assert kept.read_bytes() == ONE_PIXEL_PNG
    assert services.pictures.for_concept("bus").reference == str(kept)


def test_a_chosen_file_that_later_goes_missing_is_still_the_choice(
    services: Services, tmp_path: Path
) -> None:
    original = tmp_path / "home.png"
    original.write_bytes(ONE_PIXEL_PNG)
    choice = services.pictures.choose_file("home", original, "Our house")
    Path(choice.reference).unlink()

    # Nothing is changed behind the facilitator's back; the document falls back instead.
    assert services.pictures.for_concept("home") == choice
    assert services.pictures.default_for("home").reference == library_reference("home")


def test_a_file_that_is_not_a_picture_is_refused_in_plain_words(
    services: Services, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"not a picture")
    with pytest.raises(ValidationError, match="Choose a PNG, JPEG or SVG file"):
        services.pictures.choose_file("home", notes, "Notes")
    with pytest.raises(ValidationError, match="could not be read"):
        services.pictures.choose_file("home", tmp_path / "gone.png", "Gone")


# --- search ------------------------------------------------------------------------------


def test_search_finds_concepts_by_their_words_whatever_the_case(services: Services) -> None:
    found = [c.concept for c in services.pictures.search("BUS")]
    assert found[0] == "bus"

    # A synonym finds the concept; the start of a word is enough while typing.
    assert "medicine" in [c.concept for c in services.pictures.search("tablets")]
    assert "medicine" in [c.concept for c in services.pictures.search("medic")]
    assert "direct payments" in [c.concept for c in services.pictures.search("personal budget")]
    assert services.pictures.search("zzzz") == []
    # What the picture shows finds it too: every idea drawn with a pound note.
    shows_pounds = {c.concept for c in services.pictures.search("pound note")}
    assert {"money", "payment", "direct payments", "financial assessment"} <= shows_pounds


def test_search_ignores_accents_and_finds_the_users_own_concepts(services: Services) -> None:
    assert services.pictures.search("Médicine")[0].concept == "medicine"
    services.pictures.choose("Crèche", PictureSource.ICON, "fa5s.baby", "A baby")

    found = services.pictures.search("creche")
    assert [c.concept for c in found] == ["crèche"]
    assert found[0].reference == "fa5s.baby"


def test_search_shows_the_picture_a_concept_now_has(services: Services) -> None:
    services.pictures.choose("money", PictureSource.ICON, "fa5s.pound-sign", "A pound sign")

    money = next(c for c in services.pictures.search("money") if c.concept == "money")
    assert money.reference == "fa5s.pound-sign"
    assert len(services.pictures.search("")) == len(curated_concepts())


# --- suggestions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("The bus to the day centre is often late", "bus"),
        ("Buses do not run on Sundays", "bus"),
        ("I could not get a GP appointment for three weeks", "doctor"),
        ("My direct payments arrive late every month", "direct payments"),
        ("Letters from the council are too hard to read", "letter"),
        ("We want letters in easy read", "letter"),
        ("My medication was changed without anyone asking me", "medicine"),
        ("Carers need a break", "carer"),
        ("Nobody answers the phone at the office", "phone"),
        ("Going into hospital was frightening", "hospital"),
        ("Hearing loops in every meeting room", "hearing"),
        ("We will send the minutes by email", "email"),
        # The lift is what failed; it now has its own picture (it was the wheelchair's).
        ("The lift was broken so I could not use my wheelchair", "lift"),
        ("Next meeting: Tuesday 14 April at the library", "calendar"),
        ("Can we have the meeting in the afternoon?", "meeting"),
        ("I like the new website", "computer"),  # 'new' is not 'news'
        ("The newsletter went out late", "news"),
        ("Respite care is hard to get", "carer"),
        ("", "information"),
        ("Thank you all", "thank you"),
        ("Something quite unusual happened", "information"),
    ],
)
def test_a_concept_is_suggested_from_a_rows_words(
    services: Services, text: str, concept: str
) -> None:
    assert services.pictures.suggest_concept(text) == concept


# --- the concept of each row -------------------------------------------------------------


def test_a_row_keeps_its_concept_and_lists_fetch_many_at_once(services: Services) -> None:
    session = a_session(services)
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Transport to the day centre")
    )
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) is None

    before = services.pictures.set_row_concept(RowKind.AGENDA_ITEM, item.id, "Bus")
    assert before is None
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) == "bus"
    assert services.pictures.set_row_concept(RowKind.AGENDA_ITEM, item.id, "travel") == "bus"
    services.pictures.set_row_concept(RowKind.SESSION, session.id, "meeting")

    assert services.pictures.rows_concepts(RowKind.AGENDA_ITEM, [item.id, 999_999]) == {
        item.id: "travel"
    }
    # The same number under another kind of row is another row.
    assert services.pictures.row_concept(RowKind.SESSION, session.id) == "meeting"
    assert services.pictures.row_concept(RowKind.ACTION, item.id) is None
    # None takes the chosen concept away (the row's words suggest one again).
    assert services.pictures.set_row_concept(RowKind.AGENDA_ITEM, item.id, None) == "travel"
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) is None


def test_a_concept_for_a_row_that_does_not_exist_is_refused(services: Services) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        services.pictures.set_row_concept(RowKind.CONTRIBUTION, 424_242, "bus")


def test_row_concepts_go_when_their_records_are_deleted(services: Services) -> None:
    session = a_session(services)
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Getting to meetings")
    )
    contribution = services.contributions.add(
        Contribution(
            meeting_id=session.id,
            text="The bus is always late",
            attribution=Attribution.WHOLE_GROUP,
        )
    )
    services.pictures.set_row_concept(RowKind.SESSION, session.id, "meeting")
    services.pictures.set_row_concept(RowKind.AGENDA_ITEM, item.id, "travel")
    services.pictures.set_row_concept(RowKind.CONTRIBUTION, contribution.id, "bus")

    services.contributions.delete(contribution.id)
    services.meetings.delete_agenda_item(item.id)
    assert services.pictures.rows_concepts(RowKind.CONTRIBUTION, [contribution.id]) == {}
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) is None
    assert services.pictures.row_concept(RowKind.SESSION, session.id) == "meeting"

    services.meetings.delete(session.id)
    assert services.pictures.row_concept(RowKind.SESSION, session.id) is None
    # The concept's picture is not the row's: it stays for the next document.
    assert services.pictures.for_concept("bus").reference == library_reference("bus")


# --- credits -----------------------------------------------------------------------------


def test_credits_name_openmoji_and_the_icon_sets_a_document_uses(
    services: Services, tmp_path: Path
) -> None:
    own = tmp_path / "photo.png"
    own.write_bytes(ONE_PIXEL_PNG)
    bus = services.pictures.for_concept("bus")  # an OpenMoji picture as OpenMoji drew it
    assert bus.source is PictureSource.OPENMOJI
    icons = [
        services.pictures.choose("taxi", PictureSource.ICON, "fa5s.taxi", "A taxi"),
        services.pictures.choose("lift", PictureSource.ICON, "mdi6.elevator", "A lift"),
    ]
    photo = services.pictures.choose_file("home", own, "Our house")

    assert services.pictures.credits([bus, *icons, photo]) == (
        "Pictures: OpenMoji, the open-source emoji and icon project, openmoji.org "
        "(CC BY-SA 4.0); Font Awesome Free 5 (CC BY 4.0); Material Design Icons "
        "(Apache License 2.0)."
    )
    assert services.pictures.credits([bus]) == (
        "Pictures: OpenMoji, the open-source emoji and icon project, openmoji.org (CC BY-SA 4.0)."
    )
    # A picture Coproduce combined from OpenMoji pictures is an adaptation: the licence asks
    # that the credit says so.
    booking = services.pictures.for_concept("booking")
    assert "combined by Coproduce" in services.pictures.credits([booking])
    assert services.pictures.credits(icons) == (
        "Pictures: Font Awesome Free 5 (CC BY 4.0); Material Design Icons (Apache License 2.0)."
    )
    assert services.pictures.credits([photo]) == ""


def test_a_document_using_the_library_credits_openmoji(services: Services) -> None:
    sections = ["meeting", "who came", "what happens next", "contact us", "another format"]
    choices = services.pictures.for_concepts(sections).values()

    assert "OpenMoji" in services.pictures.credits(choices)
    assert "CC BY-SA 4.0" in services.pictures.credits(choices)


# --- the OpenMoji pictures -----------------------------------------------------------------


def test_every_openmoji_picture_the_library_uses_is_vendored_with_its_licence() -> None:
    used = {c.reference for c in curated_concepts() if c.source is PictureSource.OPENMOJI}
    assert len(used) >= 150
    for reference in sorted(used):
        drawing = openmoji_file(reference)
        assert drawing.is_file(), reference
        assert drawing.read_text(encoding="utf-8").lstrip().startswith("<svg"), reference
    folder = openmoji_file("x").parent
    licence = (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in licence
    # Every vendored picture has a plain name for the chooser; no file is left unnamed.
    named = {picture.reference for picture in openmoji_pictures()}
    assert used <= named
    assert named == {path.stem for path in folder.glob("*.svg")}
    assert all(picture.name and not picture.name[0].isdigit() for picture in openmoji_pictures())


DOLLARS_AND_FLAGS = {
    "1F4B0": "money bag with a dollar sign",
    "1F4B5": "dollar banknote",
    "1F4B2": "heavy dollar sign",
    "1F4B8": "money with wings (dollars)",
    "1F3E6": "bank with a dollar sign",
    "1F911": "money-mouth face (dollars)",
    "1F4B1": "currency exchange",
}


def test_no_vendored_picture_shows_dollars_or_a_flag() -> None:
    for picture in openmoji_pictures():
        assert picture.reference not in DOLLARS_AND_FLAGS, DOLLARS_AND_FLAGS[picture.reference]
        assert "flag" not in picture.name, picture.name
        # Regional indicators (country flags) and the flag emoji themselves.
        assert not picture.reference.startswith(("1F1E", "1F1F", "1F3F3", "1F3F4", "1F6A9"))
    money = curated_concept("money")
    assert money is not None and money.alt_text == "A pound note"


def test_an_openmoji_picture_can_be_chosen_and_is_stored_as_it_was_chosen(
    services: Services,
) -> None:
    # The database column takes the new source without a migration, on both databases.
    chosen = services.pictures.choose("savings", PictureSource.OPENMOJI, "1FA99", "A pound coin")

    again = services.pictures.for_concept("savings")
    assert again == chosen
    assert (again.source, again.reference) == (PictureSource.OPENMOJI, "1FA99")
    assert [c.concept for c in services.pictures.remembered()] == ["savings"]


@pytest.mark.parametrize("reference", ["1F4B5", "../concepts", "1F4B7.svg", "", "fa5s.bus"])
def test_an_openmoji_picture_that_is_not_vendored_is_refused(
    services: Services, reference: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.pictures.choose("money", PictureSource.OPENMOJI, reference, "Money")
    assert error.value.field == "reference"
    assert services.pictures.remembered() == []


def test_openmoji_pictures_are_found_by_what_they_show() -> None:
    found = [picture.reference for picture in search_openmoji("pound")]
    assert found[0] == "1F4B7"
    assert [p.name for p in search_openmoji("calendar tick")] == ["a calendar with a green tick"]
    assert search_openmoji("") == []
    assert search_openmoji("zzzzqq") == []
