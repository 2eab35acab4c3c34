"""The Documents page driven by keyboard: the library list with its search, filters and sort;
the document editor with its location; ordered sections added, renamed, moved (by keys and
by a drop) and deleted; deleting and archiving a document, each undone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.errors import NotFoundError
from coproduce.domain.records import (
    AgendaItem,
    Attendance,
    Contribution,
    Document,
    Group,
    Link,
    Meeting,
    Person,
    Response,
    Section,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    DocumentKind,
    DocumentStatus,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.documents.document_editor import DocumentEditor
from coproduce.ui.documents.sections_editor import SectionsEditor
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.documents_page import DocumentsPage

if TYPE_CHECKING:
    from tests.ui.conftest import ScriptedPrompts

OpenWindow = Callable[[Services], MainWindow]

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TODAY = date(2026, 5, 1)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Sam Facilitator", today=lambda: TODAY)


def documents_page(window: MainWindow) -> DocumentsPage:
    window.show_page("documents", focus=True)
    page = window.list_page("documents")
    assert isinstance(page, DocumentsPage)
    return page


def editor_of(page: DocumentsPage) -> DocumentEditor:
    assert isinstance(page.editor, DocumentEditor)
    return page.editor


def sections_of(page: DocumentsPage) -> SectionsEditor:
    return editor_of(page).sections


def column(page: DocumentsPage, title: str) -> list[str]:
    model = page.model
    index = model.column_titles().index(title)
    return [model.index(row, index).data() or "" for row in range(model.rowCount())]


def section_rows(page: DocumentsPage) -> list[tuple[str, str, str]]:
    """The sections list as a person reads it: place, number, heading."""
    model = sections_of(page).model
    return [
        tuple(model.index(row, c).data() or "" for c in range(3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def stored_headings(services: Services, document_id: int) -> list[str]:
    return [s.heading for s in services.documents.sections(document_id)]


def select(qtbot: QtBot, page: DocumentsPage, title: str) -> Document:
    """Move to the document's row with the arrow keys, as a keyboard user would."""
    page.table.setFocus()
    target = column(page, "Title").index(title)
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    if page.table.currentIndex().row() != 0:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    for _ in range(target):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    record = editor_of(page).record
    assert record is not None and record.title == title
    return record


def select_section(qtbot: QtBot, page: DocumentsPage, row: int) -> None:
    table = sections_of(page).table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    if table.currentIndex().row() != 0:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    for _ in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == row


def finish_editing(qtbot: QtBot, page: DocumentsPage, line: QLineEdit) -> None:
    """Press Enter in a cell being edited; the list saves it once the editor has had the key
    (Qt commits on the next turn of the event loop)."""
    table = sections_of(page).table
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace the widget's text by typing, as a person would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL_SHIFT)


def a_document_with_sections(services: Services, title: str, *headings: str) -> Document:
    document = services.documents.create(Document(title=title))
    for number, heading in enumerate(headings, start=1):
        services.documents.add_section(
            Section(document_id=document.id, heading=heading, number=str(number))
        )
    return document


def a_contribution(services: Services) -> Contribution:
    group = services.groups.create(Group(name="Carers' forum"))
    ann = services.people.create(Person(display_name="Ann Patel"))
    starts = datetime(2026, 3, 10, 10, 0)
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    with services.store.transaction() as unit:
        unit.attendance.add(
            Attendance(meeting_id=meeting.id, person_id=ann.id, status=AttendanceStatus.PRESENT)
        )
    return services.contributions.add(
        Contribution(
            meeting_id=meeting.id,
            text="Short breaks at weekends",
            attribution=Attribution.PERSON,
            speaker_id=ann.id,
        )
    )


# --- a document and its sections, by keyboard --------------------------------------------


def test_a_document_with_three_sections_is_made_reordered_renamed_and_undone_by_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = documents_page(window)
    editor = editor_of(page)
    sections = sections_of(page)

    qtbot.keyClick(page.search_field, Qt.Key.Key_N, CTRL)
    assert editor.record is None
    assert not sections.table.isEnabled(), "a new document has no sections until it is saved"
    type_into(qtbot, editor.title_field, "Carers strategy")
    type_into(qtbot, editor.owner_field, "Head of commissioning")
    type_into(qtbot, editor.edition_field, "Draft 3")
    qtbot.keyClick(editor.title_field, Qt.Key.Key_S, CTRL)

    (document,) = services.documents.list().items
    assert (document.title, document.owner, document.edition) == (
        "Carers strategy",
        "Head of commissioning",
        "Draft 3",
    )
    assert column(page, "Title") == ["Carers strategy"]
    assert sections.table.isEnabled()

    # Number, Tab, heading, Enter: the next one starts in the number box again.
    for number, heading in (("1", "Introduction"), ("2", "Short breaks"), ("3", "Money")):
        sections.number_field.setFocus()
        qtbot.keyClicks(sections.number_field, number)
        qtbot.keyClick(sections.number_field, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is sections.heading_field
        qtbot.keyClicks(sections.heading_field, heading)
        qtbot.keyClick(sections.heading_field, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is sections.number_field
    assert stored_headings(services, document.id) == ["Introduction", "Short breaks", "Money"]
    assert section_rows(page) == [
        ("1", "1", "Introduction"),
        ("2", "2", "Short breaks"),
        ("3", "3", "Money"),
    ]

    # Ctrl+Up moves "Money" above "Short breaks"; the place numbers follow.
    select_section(qtbot, page, 2)
    qtbot.keyClick(sections.table, Qt.Key.Key_Up, CTRL)
    assert stored_headings(services, document.id) == ["Introduction", "Money", "Short breaks"]
    assert section_rows(page) == [
        ("1", "1", "Introduction"),
        ("2", "3", "Money"),
        ("3", "2", "Short breaks"),
    ]
    assert sections.table.currentIndex().row() == 1, "the moved section stays selected"

    # A drop: "Introduction" dragged below the last row.
    model = sections.model
    dragged = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert stored_headings(services, document.id) == ["Money", "Short breaks", "Introduction"]
    assert [row[2] for row in section_rows(page)] == ["Money", "Short breaks", "Introduction"]

    # F2 renames in place.
    select_section(qtbot, page, 1)
    qtbot.keyClick(sections.table, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and line.text() == "Short breaks"
    line.selectAll()
    qtbot.keyClicks(line, "Short breaks and respite")
    finish_editing(qtbot, page, line)
    assert stored_headings(services, document.id) == [
        "Money",
        "Short breaks and respite",
        "Introduction",
    ]
    assert section_rows(page)[1] == ("2", "2", "Short breaks and respite")

    # Undo takes back the rename, then the drop, then the keyboard move.
    undo(qtbot, window)
    assert stored_headings(services, document.id) == ["Money", "Short breaks", "Introduction"]
    assert section_rows(page)[1][2] == "Short breaks"
    undo(qtbot, window)
    assert stored_headings(services, document.id) == ["Introduction", "Money", "Short breaks"]
    assert [row[2] for row in section_rows(page)] == ["Introduction", "Money", "Short breaks"]
    undo(qtbot, window)
    assert stored_headings(services, document.id) == ["Introduction", "Short breaks", "Money"]
    assert section_rows(page)[2] == ("3", "3", "Money")
    redo(qtbot, window)
    assert stored_headings(services, document.id) == ["Introduction", "Money", "Short breaks"]


def test_moving_the_first_section_up_or_the_last_down_does_nothing(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document = a_document_with_sections(services, "Carers strategy", "A", "B")
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    sections = sections_of(page)

    select_section(qtbot, page, 0)
    assert not sections.up_button.isEnabled() and sections.down_button.isEnabled()
    qtbot.keyClick(sections.table, Qt.Key.Key_Up, CTRL)
    select_section(qtbot, page, 1)
    qtbot.keyClick(sections.table, Qt.Key.Key_Down, CTRL)
    assert stored_headings(services, document.id) == ["A", "B"]
    assert window.undo_stack.count() == 0


def test_an_empty_heading_is_refused_under_the_sections(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document = a_document_with_sections(services, "Carers strategy", "Intro")
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    sections = sections_of(page)

    sections.heading_field.setFocus()
    qtbot.keyClick(sections.heading_field, Qt.Key.Key_Return)
    assert "heading" in sections.problem.text()
    assert sections.problem.isVisibleTo(sections)

    sections.heading_field.setText("")
    sections.problem.clear()
    select_section(qtbot, page, 0)
    qtbot.keyClick(sections.table, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    finish_editing(qtbot, page, line)
    assert "heading" in sections.problem.text()
    assert stored_headings(services, document.id) == ["Intro"]
    assert section_rows(page) == [("1", "1", "Intro")]
    assert window.undo_stack.count() == 0


def test_deleting_a_section_asks_once_and_can_be_undone(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    document = a_document_with_sections(services, "Carers strategy", "Intro", "Breaks", "Money")
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    sections = sections_of(page)

    select_section(qtbot, page, 1)
    prompts.expect_question(False)
    qtbot.keyClick(sections.table, Qt.Key.Key_Delete)
    assert stored_headings(services, document.id) == ["Intro", "Breaks", "Money"]

    prompts.expect_question(True)
    qtbot.keyClick(sections.table, Qt.Key.Key_Delete)
    assert prompts.shown[-1].text.startswith("Delete the section '2 Breaks'?")
    assert stored_headings(services, document.id) == ["Intro", "Money"]
    assert section_rows(page) == [("1", "1", "Intro"), ("2", "3", "Money")]
    assert services.documents.list().total == 1, "the document itself stays"

    undo(qtbot, window)
    assert stored_headings(services, document.id) == ["Intro", "Breaks", "Money"]
    assert [row[2] for row in section_rows(page)] == ["Intro", "Breaks", "Money"]
    redo(qtbot, window)
    assert stored_headings(services, document.id) == ["Intro", "Money"]


def test_a_section_named_by_a_response_is_refused_with_the_reason(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    contribution = a_contribution(services)
    document = services.documents.create(Document(title="Carers strategy"))
    breaks = services.documents.add_section(
        Section(document_id=document.id, heading="Short breaks", number="3.2")
    )
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=breaks.id,
        )
    )
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")

    select_section(qtbot, page, 0)
    prompts.expect_message("error")  # no question first: it would be refused anyway
    qtbot.keyClick(sections_of(page).table, Qt.Key.Key_Delete)
    assert prompts.shown[-1].text == services.documents.why_section_not_deletable(breaks.id)
    assert "'3.2 Short breaks' is what changed" in prompts.shown[-1].text
    assert stored_headings(services, document.id) == ["Short breaks"]


# --- location ------------------------------------------------------------------------------


class DesktopCatcher(QObject):
    """Stands in for the desktop's file opener: Qt hands it what would have been opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def desktop() -> DesktopCatcher:
    catcher = DesktopCatcher()
    for scheme in ("file", "http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open_url")
    yield catcher
    for scheme in ("file", "http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_opening_a_file_that_is_not_there_says_so(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    prompts: ScriptedPrompts,
    desktop: DesktopCatcher,
    tmp_path: Path,
) -> None:
    missing = tmp_path / "Moved away" / "Carers strategy.docx"
    services.documents.create(Document(title="Carers strategy", location=str(missing)))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)

    prompts.expect_message("error")
    editor.location_field.line_edit.setFocus()
    qtbot.keyClick(editor.location_field.line_edit, Qt.Key.Key_O, CTRL)
    shown = prompts.shown[-1]
    assert shown.title == "File not found"
    assert str(missing) in shown.text and "Choose file" in shown.text
    assert desktop.opened == []


def test_a_file_that_is_there_opens_only_when_asked(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    desktop: DesktopCatcher,
    tmp_path: Path,
) -> None:
    there = tmp_path / "Carers strategy.docx"
    there.write_bytes(b"not really Word")
    services.documents.create(Document(title="Carers strategy", location=str(there)))
    services.documents.create(
        Document(title="Charging policy", location="https://www.example.gov.uk/charging")
    )
    window = open_window(services)
    page = documents_page(window)
    page.refresh()

    select(qtbot, page, "Carers strategy")
    select(qtbot, page, "Charging policy")
    assert desktop.opened == [], "showing a document never opens its location"

    qtbot.mouseClick(editor_of(page).location_field.open_button, Qt.MouseButton.LeftButton)
    select(qtbot, page, "Carers strategy")
    qtbot.mouseClick(editor_of(page).location_field.open_button, Qt.MouseButton.LeftButton)
    assert desktop.opened == [
        "https://www.example.gov.uk/charging",
        QUrl.fromLocalFile(str(there)).toString(),
    ]


def test_a_link_that_is_not_a_proper_web_link_is_refused_beside_the_location(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    desktop: DesktopCatcher,
) -> None:
    document = services.documents.create(Document(title="Carers strategy"))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)

    type_into(qtbot, editor.location_field.line_edit, "www.example.gov.uk/carers")
    qtbot.keyClick(editor.location_field.line_edit, Qt.Key.Key_S, CTRL)
    message = editor.errors.message_for("location")
    assert message.startswith("Start a web link with https://")
    assert QApplication.focusWidget() is editor.location_field.line_edit
    assert services.documents.get(document.id).location == ""
    assert editor.has_unsaved_changes(), "what was typed is kept to be put right"

    # Open refuses it the same way, without opening anything.
    type_into(qtbot, editor.location_field.line_edit, "ftp://files.example.org/carers.pdf")
    qtbot.mouseClick(editor.location_field.open_button, Qt.MouseButton.LeftButton)
    assert "must start with http:// or https://" in editor.errors.message_for("location")
    assert desktop.opened == []

    type_into(qtbot, editor.location_field.line_edit, "https://www.example.gov.uk/carers")
    qtbot.keyClick(editor.location_field.line_edit, Qt.Key.Key_S, CTRL)
    assert editor.errors.message_for("location") == ""
    assert services.documents.get(document.id).location == "https://www.example.gov.uk/carers"


def test_choose_file_puts_the_path_in_the_location(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    document = services.documents.create(Document(title="Carers strategy"))
    chosen = tmp_path / "Strategies" / "Carers strategy.docx"
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)

    prompts.expect_file(None)  # cancelled: nothing changes
    qtbot.mouseClick(editor.location_field.choose_button, Qt.MouseButton.LeftButton)
    assert not editor.has_unsaved_changes()

    prompts.expect_file(chosen)
    editor.location_field.choose_button.setFocus()
    qtbot.keyClick(editor.location_field.choose_button, Qt.Key.Key_Space)
    assert editor.location_field.text() == str(chosen)
    assert editor.has_unsaved_changes()
    qtbot.keyClick(editor.location_field.line_edit, Qt.Key.Key_S, CTRL)
    assert services.documents.get(document.id).location == str(chosen)


# --- the list ------------------------------------------------------------------------------


def test_the_list_searches_filters_and_sorts_in_the_database_and_flags_overdue_reviews(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    documents = services.documents
    documents.create(Document(title="Carers strategy", review_on=date(2026, 4, 1)))
    documents.create(
        Document(
            title="Charging policy",
            kind=DocumentKind.POLICY,
            status=DocumentStatus.APPROVED,
            edition="v2",
            owner="Finance lead",
            review_on=date(2027, 1, 1),
        )
    )
    old = documents.create(Document(title="Autism strategy 2019", review_on=date(2020, 1, 1)))
    documents.archive(old.id)
    documents.create(Document(title="Transport project", kind=DocumentKind.PROJECT))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()

    assert column(page, "Title") == ["Carers strategy", "Charging policy", "Transport project"]
    assert column(page, "Review date") == ["1 Apr 2026 (review overdue)", "1 Jan 2027", ""]
    assert column(page, "Version")[1] == "v2" and column(page, "Owner")[1] == "Finance lead"
    assert page.count_label.text() == "3 documents"

    qtbot.keyClicks(page.search_field, "STRAT")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert column(page, "Title") == ["Carers strategy"]

    page.status_filter.setFocus()
    page.status_filter.setCurrentIndex(page.status_filter.findData("any"))
    assert column(page, "Title") == ["Autism strategy 2019", "Carers strategy"]
    assert column(page, "Status")[0] == "Archived"
    assert column(page, "Review date")[0] == "1 Jan 2020", "an archived document is not due"

    page.search_field.clear()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(DocumentKind.POLICY.value))
    assert column(page, "Title") == ["Charging policy"]
    page.kind_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData(DocumentStatus.ARCHIVED.value))
    assert column(page, "Title") == ["Autism strategy 2019"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("not archived"))

    # Sorting by review date: soonest first, undated last; then latest first.
    review = page.model.column_titles().index("Review date")
    header = page.table.horizontalHeader()
    header.setSortIndicator(review, Qt.SortOrder.AscendingOrder)
    assert column(page, "Title") == ["Carers strategy", "Charging policy", "Transport project"]
    header.setSortIndicator(review, Qt.SortOrder.DescendingOrder)
    assert column(page, "Title") == ["Charging policy", "Carers strategy", "Transport project"]
    title = page.model.column_titles().index("Title")
    header.setSortIndicator(title, Qt.SortOrder.DescendingOrder)
    assert column(page, "Title") == ["Transport project", "Charging policy", "Carers strategy"]


def test_the_editor_says_when_a_review_is_overdue(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    services.documents.create(Document(title="Carers strategy", review_on=date(2026, 4, 1)))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)

    assert editor.review_field.note.text() == "Review overdue"
    editor.review_field.tick.setFocus()
    qtbot.keyClick(editor.review_field.tick, Qt.Key.Key_Space)  # no review date
    assert editor.review_field.note.text() == ""
    qtbot.keyClick(editor.review_field.tick, Qt.Key.Key_Space)
    assert editor.review_field.note.text() == "Review overdue"
    editor.review_field.date_edit.setDate(editor.review_field.date_edit.date().addYears(1))
    assert editor.review_field.note.text() == ""
    qtbot.keyClick(editor.review_field.tick, Qt.Key.Key_S, CTRL)
    assert services.documents.list().items[0].review_on == date(2027, 4, 1)


# --- deleting and archiving ----------------------------------------------------------------


def test_deleting_a_document_asks_once_and_undo_brings_back_its_sections_and_agenda_place(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    document = a_document_with_sections(services, "Entered by mistake", "Intro", "Money")
    services.documents.create(Document(title="Carers strategy"))
    group = services.groups.create(Group(name="Carers' forum"))
    starts = datetime(2026, 6, 10, 10, 0)
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="June",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=meeting.id, title="Strategy", document_ids=(document.id,))
    )
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Entered by mistake")

    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    question = prompts.shown[-1].text
    assert question.startswith("Delete 'Entered by mistake'?")
    assert "Its 2 sections go with it." in question
    assert column(page, "Title") == ["Carers strategy"]
    with pytest.raises(NotFoundError):
        services.documents.get(document.id)
    assert services.meetings.get_agenda_item(item.id).document_ids == ()

    undo(qtbot, window)
    assert column(page, "Title") == ["Carers strategy", "Entered by mistake"]
    assert stored_headings(services, document.id) == ["Intro", "Money"]
    assert services.meetings.get_agenda_item(item.id).document_ids == (document.id,)

    redo(qtbot, window)
    assert column(page, "Title") == ["Carers strategy"]
    undo(qtbot, window)
    select(qtbot, page, "Entered by mistake")
    assert [row[2] for row in section_rows(page)] == ["Intro", "Money"]


def test_a_document_with_linked_contributions_is_refused_without_asking(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    contribution = a_contribution(services)
    document = services.documents.create(Document(title="Carers strategy"))
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")

    prompts.expect_message("error")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.shown[-1].text == services.documents.why_not_deletable(document.id)
    assert "Archive it instead" in prompts.shown[-1].text
    assert column(page, "Title") == ["Carers strategy"]
    assert window.undo_stack.count() == 0


def test_archiving_a_document_hides_it_and_undo_brings_it_back(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document = services.documents.create(
        Document(title="Carers strategy", status=DocumentStatus.APPROVED)
    )
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)

    editor.archive_button.setFocus()
    qtbot.keyClick(editor.archive_button, Qt.Key.Key_Space)
    assert services.documents.get(document.id).status is DocumentStatus.ARCHIVED
    assert column(page, "Title") == []
    assert editor.status_field.currentText() == "Archived"
    assert not editor.archive_button.isEnabled()

    undo(qtbot, window)
    assert services.documents.get(document.id).status is DocumentStatus.APPROVED
    assert column(page, "Title") == ["Carers strategy"]
    assert editor.status_field.currentText() == "Approved"


def test_the_shortcuts_of_the_page_are_listed_under_help(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    text = window.keyboard_shortcuts_text()
    for line in (
        "Ctrl+Up\tMove the section up",
        "Ctrl+Down\tMove the section down",
        "Ctrl+O\tOpen the document's file or link",
    ):
        assert line in text


def test_every_control_is_named_and_reached_by_its_own_alt_key(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    a_document_with_sections(services, "Carers strategy", "Intro")
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")

    unnamed = [
        type(widget).__name__
        for widget in [page.kind_filter, page.status_filter, *page.editor.findChildren(QWidget)]
        if widget.isVisibleTo(window)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
    ]
    assert unnamed == []

    letters = [
        re.search(r"&(\w)", widget.text()).group(1).lower()  # type: ignore[union-attr]
        for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
        if widget.isVisibleTo(window) and re.search(r"&\w", widget.text())
    ]
    menus = [re.search(r"&(\w)", a.text()).group(1).lower() for a in window.menuBar().actions()]  # type: ignore[union-attr]
    assert len(letters) == len(set(letters)), "two controls answer the same Alt key"
    assert not set(letters) & set(menus), "a control takes a menu's Alt key"

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is sections_of(page).table
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor_of(page).review_field.tick
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor_of(page).location_field.line_edit


def test_tab_goes_down_the_editor_in_the_order_it_is_laid_out(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    services.documents.create(Document(title="Carers strategy", review_on=date(2027, 1, 1)))
    window = open_window(services)
    page = documents_page(window)
    page.refresh()
    select(qtbot, page, "Carers strategy")
    editor = editor_of(page)
    editor.title_field.setFocus()
    qtbot.keyClicks(editor.title_field, "!")  # something unsaved: Revert and Save take part

    visited = []
    for _ in range(21):
        widget = QApplication.focusWidget()
        visited.append(widget.accessibleName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert visited == [
        "Title",
        "Kind",
        "Owner",
        "Status",
        "Version",
        "Set a review date",
        "Review date",  # day, month and year: Tab moves through the parts of a date
        "Review date",
        "Review date",
        "Location",
        "Choose the document's file",
        "Open the document's file or link",
        "Summary",
        "Sections of the document",
        "Number of the new section",
        "Heading of the new section",
        "Add the new section at the end",
        "Archive the document",
        "Revert: forget unsaved changes",
        "Save changes",
        "Pages",
    ]
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert not editor.has_unsaved_changes()


def test_a_new_document_can_be_undone_and_redone(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = documents_page(window)
    qtbot.keyClick(page.search_field, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is editor_of(page).title_field
    qtbot.keyClicks(editor_of(page).title_field, "Entered by mistake")
    qtbot.keyClick(editor_of(page).title_field, Qt.Key.Key_S, CTRL)
    assert column(page, "Title") == ["Entered by mistake"]

    # (In a text box Ctrl+Z takes back typing, as everywhere; from the list it is the window's.)
    page.table.setFocus()
    undo(qtbot, window)
    assert services.documents.list().total == 0
    assert column(page, "Title") == []
    redo(qtbot, window)
    assert [d.title for d in services.documents.list().items] == ["Entered by mistake"]
    assert column(page, "Title") == ["Entered by mistake"]


# --- models ----------------------------------------------------------------------------------


def test_the_documents_and_sections_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    open_window: OpenWindow,
    demo_services: Services,
) -> None:
    window = open_window(demo_services)
    page = documents_page(window)
    page.refresh()
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)

    title = column(page, "Title")[0]
    select(qtbot, page, title)
    sections = sections_of(page).model
    assert sections.rowCount() > 0
    qtmodeltester.check(sections, force_py=True)


def test_a_section_typed_but_not_added_is_asked_about_before_moving_on(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    alpha = a_document_with_sections(services, "Alpha strategy", "Introduction")
    a_document_with_sections(services, "Beta policy")
    window = open_window(services)
    page = documents_page(window)
    select(qtbot, page, "Alpha strategy")
    sections = sections_of(page)
    type_into(qtbot, sections.heading_field, "Short breaks")

    prompts.expect_save_choice("save")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)

    assert "the new section of 'Alpha strategy'" in prompts.shown[-1].text
    assert stored_headings(services, alpha.id) == ["Introduction", "Short breaks"]
    assert editor_of(page).record.title == "Beta policy"
