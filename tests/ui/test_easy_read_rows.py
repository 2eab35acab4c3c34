"""Easy-read wording and pictures beside every row, driven by the keyboard.

The contribution (in the tidy-up view) and the response (in the links and response panel)
have the checking easy-read box: findings show as the wording is typed, "Draft from ..."
makes a first draft from the raw words, and the wording is saved through the services and
undone with Ctrl+Z. Every easy-read row (session, agenda item, contribution, response, action)
shows its picture small, and "Picture…" (or F7 in the editor) opens the picture chooser for
that row: the choice shows at once, survives going to another row and back, and is undone;
deleting the row and undoing the delete brings the picture back too.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coproduce.documents.drafts import easy_read_draft
from coproduce.documents.plain_language import FindingKind
from coproduce.domain.records import Action, AgendaItem, Contribution, Group, Meeting
from coproduce.domain.vocabulary import Attribution, MeetingStatus, ResponseStatus, RowKind
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.sessions_page import SessionsPage
from coproduce.ui.pictures.chooser import PictureChooser
from coproduce.ui.responses.panel import ContributionPanel
from coproduce.ui.tidyup import TidyUpView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
windows = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)

STARTS = datetime(2026, 3, 10, 10, 0)
SAID = (
    "The assessment took seven months and nobody told us what was happening with the "
    "direct payments or the respite that had been promised to the family before."
)
LONG_EASY_READ = (
    "The assessment was done by the council and it took seven months and nobody told us "
    "anything about it"
)


# --- helpers ---------------------------------------------------------------------------


def a_held_session(services: Services) -> Meeting:
    group = services.groups.create(Group(name="Carers' reference group"))
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March session",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
            status=MeetingStatus.HELD,
        )
    )


def said(services: Services, session: Meeting, text: str, minute: int) -> Contribution:
    return services.contributions.add(
        Contribution(
            meeting_id=session.id,
            text=text,
            attribution=Attribution.WHOLE_GROUP,
            captured_at=STARTS + timedelta(minutes=minute),
        )
    )


def open_view(qtbot: QtBot, context: WindowContext, meeting_id: int) -> TidyUpView:
    view = TidyUpView(context, meeting_id)
    qtbot.addWidget(view, before_close_func=lambda w: w.discard_changes())
    view.resize(1280, 800)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def go_to(qtbot: QtBot, view: TidyUpView, row: int) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    for _ in range(row):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == row


def choose_in(qtbot: QtBot, picture: RowPicture, search: str) -> PictureChooser:
    """Wait for the chooser ``picture`` opened, search for ``search`` and take the first
    library idea with Enter."""
    qtbot.waitUntil(lambda: picture.chooser is not None and picture.chooser.isVisible())
    chooser = picture.chooser
    assert chooser is not None
    qtbot.waitUntil(chooser.search_box.hasFocus)
    qtbot.keyClicks(chooser.search_box, search)
    qtbot.keyClick(chooser.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    # On a desktop the window manager gives the keyboard back to the window under the
    # dialog; the test platform needs telling.
    window = picture.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return chooser


def shows(picture: RowPicture, services: Services, concept: str) -> bool:
    alt_text = services.pictures.for_concept(concept).alt_text
    return (
        picture.concept() == concept
        and not picture.is_suggested()
        and picture.preview.pixmap() is not None
        and not picture.preview.pixmap().isNull()
        and alt_text in picture.preview.accessibleName()
        and alt_text in picture.preview.toolTip()
        and alt_text in picture.caption.text()
    )


def alt_letters(window: QWidget) -> list[str]:
    """The Alt letters of every label and button the person can see in ``window``."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        match = re.search(r"&(\w)", widget.text())
        if match and widget.isVisibleTo(window):
            found.append(match.group(1).lower())
    return found


# --- the contribution's easy read ---------------------------------------------------------


@windows
def test_a_contributions_easy_read_is_checked_drafted_saved_and_undone(
    qtbot: QtBot, services: Services, prompts: Any
) -> None:
    session = a_held_session(services)
    contribution = said(services, session, SAID, 1)
    context = WindowContext(services, QUndoStack(), DataChanges())
    view = open_view(qtbot, context, session.id)
    go_to(qtbot, view, 0)
    editor = view.editor

    # Typed wording is checked: a long sentence and a hard word are listed and marked.
    qtbot.keyClick(view, Qt.Key.Key_E, ALT)
    assert editor.easy_read_box.hasFocus()
    qtbot.keyClicks(editor.easy_read_box, LONG_EASY_READ)
    qtbot.waitUntil(lambda: editor.easy_read.findings() != [])
    kinds = {finding.kind for finding in editor.easy_read.findings()}
    assert FindingKind.LONG_SENTENCE in kinds and FindingKind.HARD_WORD in kinds
    assert editor.easy_read.findings_list.isVisibleTo(view)
    assert "things to check (F8)" in editor.easy_read.summary.text()
    # F8 selects the first thing to check in the box.
    qtbot.keyClick(editor.easy_read_box, Qt.Key.Key_F8)
    assert editor.easy_read_box.textCursor().hasSelection()

    # The draft is made from what was said; the box had wording, so it asks first.
    prompts.expect_question(True)
    editor.easy_read.draft_button.setFocus()
    qtbot.keyClick(editor.easy_read.draft_button, Qt.Key.Key_Space)
    assert "Replace the easy read?" in prompts.shown[-1].title
    draft = easy_read_draft(SAID, services.glossary.terms())
    assert draft and draft != SAID
    assert editor.easy_read.text() == draft
    assert "assessment" not in draft.lower().split()  # the glossary's plainer words

    qtbot.keyClick(editor.easy_read_box, Qt.Key.Key_S, CTRL)
    assert services.contributions.get(contribution.id).easy_read == draft

    # Ctrl+Z outside the box undoes the save.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert services.contributions.get(contribution.id).easy_read == ""
    qtbot.waitUntil(lambda: editor.easy_read.text() == "")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert services.contributions.get(contribution.id).easy_read == draft


@windows
def test_drafting_with_nothing_said_tells_the_facilitator_instead(
    qtbot: QtBot, services: Services, prompts: Any
) -> None:
    session = a_held_session(services)
    said(services, session, SAID, 1)
    context = WindowContext(services, QUndoStack(), DataChanges())
    view = open_view(qtbot, context, session.id)
    go_to(qtbot, view, 0)
    editor = view.editor
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(editor.text_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor.text_box, Qt.Key.Key_Delete)

    prompts.expect_message("information")
    editor.easy_read.draft_button.setFocus()
    qtbot.keyClick(editor.easy_read.draft_button, Qt.Key.Key_Space)

    assert "what was said" in prompts.shown[-1].text
    assert editor.easy_read.text() == ""


# --- the response's easy read -------------------------------------------------------------


@pytest.fixture
def context(services: Services) -> WindowContext:
    return WindowContext(services, QUndoStack(), DataChanges())


@pytest.fixture
def panel(qtbot: QtBot, context: WindowContext) -> ContributionPanel:
    widget = ContributionPanel(context)
    qtbot.addWidget(widget)
    widget.resize(560, 760)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def pick_status(qtbot: QtBot, panel: ContributionPanel, label: str) -> None:
    combo = panel.response.fields.status_field
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == label:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == label


def test_a_responses_easy_read_is_checked_drafted_from_the_response_saved_and_undone(
    qtbot: QtBot,
    services: Services,
    context: WindowContext,
    panel: ContributionPanel,
    prompts: Any,
) -> None:
    session = a_held_session(services)
    contribution = said(services, session, SAID, 1)
    panel.show_contribution(contribution.id)
    fields = panel.response.fields
    pick_status(qtbot, panel, ResponseStatus.UNDER_CONSIDERATION.label)
    answer = "We have asked the commissioning team about respite and will report back in May."
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, answer)

    # Tab goes on into the easy read box, which checks what is typed.
    qtbot.keyClick(fields.text_field, Qt.Key.Key_Tab)
    box = fields.easy_read_field
    assert box.edit.hasFocus()
    qtbot.keyClicks(box.edit, "The commissioning team will look at it")
    qtbot.waitUntil(lambda: box.findings() != [])
    assert any(f.kind is FindingKind.HARD_WORD for f in box.findings())

    # The draft is made from the response's words (replacing the typed wording, asked).
    prompts.expect_question(True)
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.draft_button.hasFocus()
    qtbot.keyClick(box.draft_button, Qt.Key.Key_Space)
    draft = easy_read_draft(answer, services.glossary.terms())
    assert box.toPlainText() == draft != answer

    qtbot.keyClick(box.draft_button, Qt.Key.Key_S, CTRL)
    saved = services.contributions.response_of(contribution.id)
    assert (saved.status, saved.text, saved.easy_read) == (
        ResponseStatus.UNDER_CONSIDERATION,
        answer,
        draft,
    )
    assert not panel.response.has_unsaved_changes()

    assert context.undo_stack.undoText().startswith("Edit the response to")
    context.undo_stack.undo()
    assert services.contributions.response_of(contribution.id).easy_read == ""
    qtbot.waitUntil(lambda: box.toPlainText() == "")


def test_a_response_gets_its_picture_once_it_is_saved(
    qtbot: QtBot, services: Services, panel: ContributionPanel
) -> None:
    session = a_held_session(services)
    contribution = said(services, session, SAID, 1)
    panel.show_contribution(contribution.id)
    fields = panel.response.fields
    picture = fields.picture
    assert picture is not None

    # Not answered yet: the picture row is hidden with the other answer fields.
    assert not fields.row_shown("picture")
    pick_status(qtbot, panel, ResponseStatus.UNDER_CONSIDERATION.label)
    assert fields.row_shown("picture")
    assert not picture.button.isEnabled()  # no response row yet: save first
    assert "Save first" in picture.caption.text()
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, "We asked the transport team to phone you")
    qtbot.keyClick(fields.text_field, Qt.Key.Key_S, CTRL)
    response = services.contributions.response_of(contribution.id)
    assert response.id is not None
    qtbot.waitUntil(picture.button.isEnabled)
    assert picture.record_id() == response.id
    assert picture.is_suggested()

    # F7 anywhere in the response's fields opens the chooser for this response.
    fields.text_field.setFocus()
    qtbot.keyClick(fields.text_field, Qt.Key.Key_F7)
    chooser = choose_in(qtbot, picture, "bus")
    assert chooser.result() == chooser.DialogCode.Accepted
    assert services.pictures.row_concept(RowKind.RESPONSE, response.id) == "bus"
    assert shows(picture, services, "bus")

    # Another contribution, then back: the choice is still shown.
    other = said(services, session, "The stop has no shelter", 2)
    panel.show_contribution(other.id)
    assert picture.record_id() is None
    panel.show_contribution(contribution.id)
    assert shows(picture, services, "bus")


# --- pictures in the tidy-up ----------------------------------------------------------------


@windows
def test_a_contributions_picture_is_chosen_shown_kept_undone_and_back_after_a_deleted_undo(
    qtbot: QtBot, services: Services, prompts: Any
) -> None:
    session = a_held_session(services)
    first = said(services, session, SAID, 1)
    second = said(services, session, "The buses are always late", 2)
    undo = QUndoStack()
    context = WindowContext(services, undo, DataChanges())
    view = open_view(qtbot, context, session.id)
    go_to(qtbot, view, 1)
    picture = view.editor.picture
    assert picture.record_id() == second.id
    assert picture.is_suggested() and picture.concept() == "bus"  # from its words

    # Alt+C is the only Alt+C on screen and opens the chooser for this contribution.
    assert alt_letters(view).count("c") == 1
    qtbot.keyClick(view, Qt.Key.Key_C, ALT)
    choose_in(qtbot, picture, "calendar")
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, second.id) == "calendar"
    assert shows(picture, services, "calendar")
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, first.id) is None

    # Going to the other row and back keeps the choice; the other row shows its own.
    go_to(qtbot, view, 0)
    assert picture.record_id() == first.id and picture.is_suggested()
    go_to(qtbot, view, 1)
    assert shows(picture, services, "calendar")

    # Undo of the choice (announced as a picture change) shows the suggestion again.
    assert undo.undoText().startswith("Choose the picture")
    undo.undo()
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, second.id) is None
    assert picture.is_suggested() and picture.concept() == "bus"
    undo.redo()
    assert shows(picture, services, "calendar")

    # Deleting the contribution and undoing it brings its picture back.
    prompts.expect_question(True)
    go_to(qtbot, view, 1)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [c.id for c in services.contributions.list(ContributionFilter()).items] == [first.id]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, second.id) == "calendar"
    go_to(qtbot, view, 1)
    assert shows(picture, services, "calendar")


# --- pictures in the main window ----------------------------------------------------------


def sessions_page(window: MainWindow) -> SessionsPage:
    page = window.page("sessions")
    assert isinstance(page, SessionsPage)
    return page


@windows
def test_a_session_and_an_agenda_item_each_get_their_own_picture(
    qtbot: QtBot, open_window: Any, services: Services
) -> None:
    session = a_held_session(services)
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Paying for care")
    )
    window = open_window(services)
    page = sessions_page(window)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.waitUntil(lambda: page.detail.meeting is not None)
    editor = page.session_editor
    assert editor.picture.record_id() == session.id

    editor.title_edit.setFocus()
    assert alt_letters(window).count("c") == 1
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_C, ALT)
    choose_in(qtbot, editor.picture, "calendar")
    assert services.pictures.row_concept(RowKind.SESSION, session.id) == "calendar"
    assert shows(editor.picture, services, "calendar")

    qtbot.keyClick(page.table, Qt.Key.Key_2, ALT)  # the Agenda tab
    agenda = page.detail.agenda
    agenda.table.setFocus()
    agenda.table.setCurrentIndex(agenda.model.index(0, 1))
    item_picture = agenda.editor.picture
    assert agenda.editor.record == item, agenda.editor.record
    assert item_picture.record_id() == item.id
    suggested = services.pictures.suggest_concept("Paying for care")
    assert item_picture.is_suggested() and item_picture.concept() == suggested
    assert alt_letters(window).count("r") == 1
    agenda.editor.title_edit.setFocus()
    qtbot.keyClick(agenda.editor.title_edit, Qt.Key.Key_R, ALT)
    choose_in(qtbot, item_picture, "payment")
    concept = services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id)
    assert concept == "payment" != suggested
    assert shows(item_picture, services, concept)
    # The session keeps its own.
    assert services.pictures.row_concept(RowKind.SESSION, session.id) == "calendar"


@windows
def test_an_actions_picture_is_chosen_with_f7_and_comes_back_after_an_undone_delete(
    qtbot: QtBot, open_window: Any, services: Services, prompts: Any
) -> None:
    session = a_held_session(services)
    action = services.actions.create(
        Action(meeting_id=session.id, text="Phone the bus company about the late buses")
    )
    window = open_window(services)
    window.show_page("actions")
    page = window.list_page("actions")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    editor = page.action_editor
    assert editor.picture.record_id() == action.id
    assert alt_letters(window).count("c") == 1

    editor.what.setFocus()
    qtbot.keyClick(editor.what, Qt.Key.Key_F7)
    choose_in(qtbot, editor.picture, "phone")
    assert services.pictures.row_concept(RowKind.ACTION, action.id) == "phone"
    assert shows(editor.picture, services, "phone")

    prompts.expect_question(True)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert list(services.actions.list().items) == []
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert services.pictures.row_concept(RowKind.ACTION, action.id) == "phone"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: editor.picture.record_id() == action.id)
    assert shows(editor.picture, services, "phone")
