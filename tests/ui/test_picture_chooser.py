"""The picture chooser, driven by the keyboard: search, choose, alt text, own files, rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QUndoStack
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AgendaItem, Group, Meeting, PictureChoice
from coproduce.domain.vocabulary import PictureSource, RowKind
from coproduce.paths import data_dir
from coproduce.services import Services
from coproduce.services.pictures import curated_concept, curated_concepts
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.pictures.chooser import PictureChooser, search_icon_names

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def context(sqlite_database: Database) -> WindowContext:
    return WindowContext(
        Services(sqlite_database, actor="Test Facilitator"), QUndoStack(), DataChanges()
    )


@pytest.fixture
def open_chooser(qtbot: QtBot, context: WindowContext) -> Iterator[Callable[..., PictureChooser]]:
    def open_it(concept: str = "", **options: object) -> PictureChooser:
        chooser = PictureChooser(context, concept, **options)  # type: ignore[arg-type]
        qtbot.addWidget(chooser)
        # Keys and mnemonics reach only the active window, as on a desktop.
        with qtbot.waitActive(chooser):
            chooser.show()
            chooser.activateWindow()
        return chooser

    yield open_it


def shown_names(chooser: PictureChooser) -> list[str]:
    return [chooser.results.item(row).text() for row in range(chooser.results.count())]


def picture_of(chooser: PictureChooser, row: int) -> PictureChoice:
    return chooser.results.item(row).data(Qt.ItemDataRole.UserRole)


INTERNAL_NAME = re.compile(r"\b(fa5s?|fa6s?|mdi6?)\.|\b[0-9A-F]{4,5}(-[0-9A-F]{4,5})*\b")
"""An icon's name (fa5s.hand-holding-heart) or an OpenMoji code (1F4B7): never shown."""


def words_shown(chooser: PictureChooser) -> list[str]:
    """Everything the facilitator can read or hear about the pictures listed and picked."""
    shown = [chooser.preview_caption.text(), chooser.count_label.text()]
    for row in range(chooser.results.count()):
        item = chooser.results.item(row)
        shown += [
            item.text(),
            item.toolTip(),
            str(item.data(Qt.ItemDataRole.AccessibleTextRole)),
        ]
    return shown


def type_alt_text(qtbot: QtBot, chooser: PictureChooser, text: str) -> None:
    qtbot.keyClick(chooser, Qt.Key.Key_D, ALT)  # &Description (alt text)
    assert chooser.alt_text.hasFocus()
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Backspace)
    qtbot.keyClicks(chooser.alt_text, text)


def a_photo(folder: Path) -> Path:
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e86c1"))
    path = folder / "Our minibus.png"
    assert image.save(str(path), "PNG")
    return path


def test_the_chooser_opens_on_the_concepts_picture_with_its_description(
    open_chooser: Callable[..., PictureChooser],
) -> None:
    chooser = open_chooser("calendar")

    assert chooser.search_box.hasFocus()
    assert chooser.results.currentItem().text() == "calendar"
    assert chooser.alt_text.text() == "A calendar"
    assert chooser.concept_edit.text() == "calendar"
    assert chooser.concept_edit.isReadOnly()  # for a concept, its name is given
    assert not chooser.preview.pixmap().isNull()
    assert chooser.count_label.text() == f"{len(curated_concepts())} ideas in the library"
    assert chooser.results.count() == len(curated_concepts())


def test_typing_finds_library_ideas_by_their_words_and_icons_by_name(
    qtbot: QtBot, open_chooser: Callable[..., PictureChooser]
) -> None:
    chooser = open_chooser("money")

    qtbot.keyClicks(chooser.search_box, "bus")

    names = shown_names(chooser)
    assert names[0] == "bus"  # the library's idea comes first
    pictures = [picture_of(chooser, row) for row in range(chooser.results.count())]
    others = [(p.source, p.reference) for p in pictures if not p.concept]
    # Other OpenMoji colour pictures come before the monochrome icons.
    assert others.index((PictureSource.OPENMOJI, "1F68C")) < others.index(
        (PictureSource.ICON, "fa5s.bus")
    )
    assert (PictureSource.ICON, "mdi6.bus-double-decker") in others
    ideas = len([p for p in pictures if p.concept])
    assert chooser.count_label.text().startswith(f"Found: {ideas} ideas and ")
    assert {"bus", "ticket"} <= set(names[:ideas])  # a bus pass is a ticket

    chooser.search_box.clear()
    qtbot.keyClicks(chooser.search_box, "tablets")  # a word of the idea, not its name
    assert shown_names(chooser)[0] == "medicine"
    assert search_icon_names("pound sign")[0] == "fa5s.pound-sign"


def test_a_picture_chosen_by_keyboard_is_remembered_for_the_concept_and_can_be_undone(
    qtbot: QtBot, context: WindowContext, open_chooser: Callable[..., PictureChooser]
) -> None:
    chooser = open_chooser("money")
    qtbot.keyClicks(chooser.search_box, "pound sign")
    qtbot.keyClick(chooser.search_box, Qt.Key.Key_Down)
    assert chooser.results.hasFocus()
    position = next(
        row
        for row in range(chooser.results.count())
        if picture_of(chooser, row).reference == "fa5s.pound-sign"
    )
    for _ in range(position - chooser.results.currentRow()):
        qtbot.keyClick(chooser.results, Qt.Key.Key_Right)
    assert picture_of(chooser, chooser.results.currentRow()).reference == "fa5s.pound-sign"
    assert chooser.alt_text.text() == "Pound sign"  # a first description to improve
    assert chooser.preview_caption.text() == "Library picture: Pound sign (Font Awesome)"

    type_alt_text(qtbot, chooser, "A pound sign")
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Return)

    assert chooser.result() == QDialog.DialogCode.Accepted
    pictures = context.services.pictures
    money = pictures.for_concept("money")
    assert (money.reference, money.alt_text) == ("fa5s.pound-sign", "A pound sign")
    assert chooser.chosen == money

    context.undo_stack.undo()
    assert pictures.for_concept("money") == curated_concept("money").default_choice()
    assert pictures.remembered() == []
    context.undo_stack.redo()
    assert pictures.for_concept("money").alt_text == "A pound sign"


def test_a_description_is_required(
    qtbot: QtBot, context: WindowContext, open_chooser: Callable[..., PictureChooser]
) -> None:
    chooser = open_chooser("bus")
    qtbot.keyClicks(chooser.search_box, "minibus")
    type_alt_text(qtbot, chooser, "")

    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Return)

    assert chooser.isVisible()
    assert chooser.result() != QDialog.DialogCode.Accepted
    problems = [label.text() for label in chooser.findChildren(type(chooser.count_label))]
    assert any("Describe the picture in a few words" in text for text in problems)
    assert chooser.alt_text.hasFocus()
    assert context.services.pictures.remembered() == []
    assert context.undo_stack.count() == 0


def test_my_own_picture_file_is_kept_in_the_data_folder(
    qtbot: QtBot,
    prompts,  # type: ignore[no-untyped-def]
    context: WindowContext,
    open_chooser: Callable[..., PictureChooser],
    tmp_path: Path,
) -> None:
    photo = a_photo(tmp_path)
    chooser = open_chooser("bus")
    prompts.expect_file(photo)

    qtbot.keyClick(chooser, Qt.Key.Key_F, ALT)  # Use my own picture &file…
    qtbot.waitUntil(lambda: not prompts.unused)  # a mnemonic clicks a moment later

    # Only the facilitator knows what the photo shows: the description waits for them.
    assert chooser.alt_text.hasFocus() and chooser.alt_text.text() == ""
    assert "Our minibus.png" in chooser.preview_caption.text()
    qtbot.keyClicks(chooser.alt_text, "Our blue minibus")
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Return)

    bus = context.services.pictures.for_concept("bus")
    assert bus.source is PictureSource.FILE
    assert bus.alt_text == "Our blue minibus"
    assert Path(bus.reference).parent == data_dir() / "pictures"
    assert Path(bus.reference).read_bytes() == photo.read_bytes()


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(
    qtbot: QtBot,
    prompts,  # type: ignore[no-untyped-def]
    context: WindowContext,
    open_chooser: Callable[..., PictureChooser],
    tmp_path: Path,
) -> None:
    fake = tmp_path / "notes.png"
    fake.write_bytes(b"minutes of the meeting")
    chooser = open_chooser("bus")
    prompts.expect_file(fake)
    prompts.expect_message("error")

    qtbot.keyClick(chooser, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: not prompts.unused)

    assert "could not be read as a picture" in prompts.shown[-1].text
    assert chooser.alt_text.text() == "A bus"  # nothing changed
    assert context.services.pictures.remembered() == []


def test_a_missing_picture_file_is_shown_plainly(
    context: WindowContext, open_chooser: Callable[..., PictureChooser], tmp_path: Path
) -> None:
    kept = context.services.pictures.choose_file("home", a_photo(tmp_path), "Our house")
    Path(kept.reference).unlink()

    chooser = open_chooser("home")

    assert "is missing" in chooser.preview_caption.text()
    assert "Choose the picture again" in chooser.preview_caption.text()


def test_opened_for_a_row_it_suggests_a_concept_and_sets_the_rows_concept(
    qtbot: QtBot, context: WindowContext, open_chooser: Callable[..., PictureChooser]
) -> None:
    services = context.services
    group = services.groups.create(Group(name="Carers' reference group"))
    starts = datetime(2026, 3, 10, 10, 0)
    session = services.meetings.create(
        Meeting(
            group_id=group.id, title="March", starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
    )
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Buses to the day centre")
    )

    chooser = open_chooser(row=(RowKind.AGENDA_ITEM, item.id), row_text=item.title)

    assert chooser.concept_edit.text() == "bus"  # suggested from the row's words
    assert not chooser.concept_edit.isReadOnly()
    qtbot.keyClicks(chooser.search_box, "train")
    assert chooser.concept_edit.text() == "train"
    qtbot.keyClick(chooser.search_box, Qt.Key.Key_Return)

    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) == "train"
    assert services.pictures.remembered() == []  # the library's picture: nothing to remember
    context.undo_stack.undo()
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) is None
    context.undo_stack.redo()
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) == "train"


def test_back_to_the_library_picture_forgets_the_choice(
    qtbot: QtBot, context: WindowContext, open_chooser: Callable[..., PictureChooser]
) -> None:
    pictures = context.services.pictures
    pictures.choose("phone", PictureSource.ICON, "mdi6.cellphone", "A mobile phone")
    chooser = open_chooser("phone")
    assert chooser.alt_text.text() == "A mobile phone"

    qtbot.keyClick(chooser, Qt.Key.Key_L, ALT)  # Back to the &library picture
    qtbot.waitUntil(lambda: chooser.alt_text.text() == "A telephone")
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Return)

    assert pictures.remembered() == []
    assert pictures.for_concept("phone") == curated_concept("phone").default_choice()
    context.undo_stack.undo()
    assert pictures.for_concept("phone") == PictureChoice(
        concept="phone",
        source=PictureSource.ICON,
        reference="mdi6.cellphone",
        alt_text="A mobile phone",
        id=pictures.for_concept("phone").id,
        version=pictures.for_concept("phone").version,
    )


def test_pictures_are_shown_in_plain_words_never_by_internal_names(
    qtbot: QtBot, open_chooser: Callable[..., PictureChooser]
) -> None:
    chooser = open_chooser("care worker")

    # The library: each idea by its name, with what its picture shows for a screen reader.
    item = chooser.results.currentItem()
    assert item.text() == "care worker"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "care worker: A care worker (OpenMoji)"
    assert chooser.preview_caption.text() == "Library picture: A care worker (OpenMoji)"
    for search in ("", "hand holding heart", "pound", "calendar", "bus", "heart"):
        chooser.search_box.clear()
        qtbot.keyClicks(chooser.search_box, search)
        for words in words_shown(chooser):
            assert not INTERNAL_NAME.search(words), (search, words)

    # A bare icon and a bare OpenMoji picture are named by what they show.
    chooser.search_box.clear()
    qtbot.keyClicks(chooser.search_box, "hand holding heart")
    labels = shown_names(chooser)
    assert "Hand holding heart" in labels
    chooser.search_box.clear()
    qtbot.keyClicks(chooser.search_box, "pound banknote")
    row = shown_names(chooser).index("Pound banknote")
    chooser.results.setCurrentRow(row)
    assert picture_of(chooser, row).source is PictureSource.OPENMOJI
    assert chooser.preview_caption.text() == "Library picture: Pound banknote (OpenMoji)"
    assert chooser.alt_text.text() == "Pound banknote"


def test_an_openmoji_picture_chosen_in_the_chooser_is_remembered_and_undone(
    qtbot: QtBot, context: WindowContext, open_chooser: Callable[..., PictureChooser]
) -> None:
    chooser = open_chooser("money")
    qtbot.keyClicks(chooser.search_box, "coin")
    row = next(
        row
        for row in range(chooser.results.count())
        if picture_of(chooser, row).reference == "1FA99"
    )
    chooser.results.setFocus()
    chooser.results.setCurrentRow(row)
    type_alt_text(qtbot, chooser, "A pound coin")
    qtbot.keyClick(chooser.alt_text, Qt.Key.Key_Return)

    money = context.services.pictures.for_concept("money")
    assert (money.source, money.reference, money.alt_text) == (
        PictureSource.OPENMOJI,
        "1FA99",
        "A pound coin",
    )
    context.undo_stack.undo()
    assert context.services.pictures.remembered() == []
