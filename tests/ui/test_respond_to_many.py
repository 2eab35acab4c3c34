"""Responding to several contributions at once, and the document view that chooses them:
driven by keyboard, checked on screen and in what the services hold."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coproduce.domain.records import (
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
    FeedbackMethod,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.documents import DocumentFilter
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.journeys.document_view import DocumentJourneysView
from coproduce.ui.main_window import MainWindow
from coproduce.ui.responses.respond_to_many import RespondToManyDialog

if TYPE_CHECKING:
    from tests.ui.conftest import ScriptedPrompts

SHORT_BREAKS = "Short Breaks Service Design"
REABLEMENT = "Reablement Service Specification"


def document(services: Services, title: str) -> Document:
    return next(d for d in services.documents.list(DocumentFilter(text=title)).items)


def ids_about(services: Services, title: str) -> list[int]:
    return services.contributions.ids(ContributionFilter(document_id=document(services, title).id))


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a list box by keyboard: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def shown(qtbot: QtBot, dialog: RespondToManyDialog) -> None:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def respond_to_all(qtbot: QtBot, dialog: RespondToManyDialog) -> None:
    """Alt+D, from wherever the keyboard is: the "Respond to all" button."""
    focus = QApplication.focusWidget()
    assert focus is not None and dialog.isAncestorOf(focus)
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(button.clicked):  # a mnemonic clicks the button a moment later
        qtbot.keyClick(focus, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def context(demo_services: Services) -> WindowContext:
    return WindowContext(demo_services, QUndoStack(), DataChanges())


@pytest.fixture
def view(qtbot: QtBot, context: WindowContext) -> DocumentJourneysView:
    widget = DocumentJourneysView(context)
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def figure(view: DocumentJourneysView, caption: str) -> str:
    for label in (view.contributions_figure, view.responded_figure, view.fed_back_figure):
        if label.property("caption") == caption:
            return label.text()
    raise AssertionError(caption)


# --- in the document view --------------------------------------------------------------------


def test_several_chosen_by_keyboard_get_one_response_in_one_undo_step(
    qtbot: QtBot, view: DocumentJourneysView, context: WindowContext, demo_services: Services
) -> None:
    view.show_document(document(demo_services, SHORT_BREAKS))
    whole = view.model.index(0, 0)
    assert view.model.rowCount(whole) == 3  # three said about the whole document
    chosen_ids = [view.journey_at(view.model.index(r, 0, whole)).contribution.id for r in range(3)]
    before = demo_services.contributions.responses_of(chosen_ids)
    responded_before = figure(view, "Responded")

    view.tree.setFocus()
    view.tree.setCurrentIndex(whole)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.panel.contribution_id == chosen_ids[0]  # one chosen: shown to edit
    qtbot.keyClick(view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.chosen_ids() == chosen_ids
    assert view.below.currentIndex() == 1  # several: the note says what to do
    assert "3 contributions chosen" in view.several_note.text()

    qtbot.keyClick(
        view.tree,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = view.findChild(RespondToManyDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_list.count() == 3
    assert "One of them already has a response" in dialog.replace_note.text()
    fields = dialog.fields
    pick(qtbot, fields.status_field, "Already happening")
    assert not fields.row_shown("section_id") and fields.row_shown("decided_by")
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, "Weekend breaks start in April.")
    fields.decided_by_field.setFocus()
    qtbot.keyClicks(fields.decided_by_field, "Carers board")
    steps = context.undo_stack.count()
    qtbot.keyClick(fields.decided_by_field, Qt.Key.Key_Return)  # Respond to all

    after = demo_services.contributions.responses_of(chosen_ids)
    assert {(r.status, r.text, r.decided_by) for r in after.values()} == {
        (ResponseStatus.ALREADY_HAPPENING, "Weekend breaks start in April.", "Carers board")
    }
    assert context.undo_stack.count() == steps + 1
    assert context.undo_stack.undoText() == "Respond to 3 contributions"
    # The list and figures follow, and the same three stay chosen.
    assert figure(view, "Responded") != responded_before
    whole = view.model.index(0, 0)
    assert [view.model.index(r, 3, whole).data() for r in range(3)] == ["Already happening"] * 3
    assert view.chosen_ids() == chosen_ids

    context.undo_stack.undo()
    restored = demo_services.contributions.responses_of(chosen_ids)
    assert [replace_version(restored[c]) for c in chosen_ids] == [
        replace_version(before[c], id=restored[c].id) for c in chosen_ids
    ]
    assert figure(view, "Responded") == responded_before
    context.undo_stack.redo()
    assert {r.status for r in demo_services.contributions.responses_of(chosen_ids).values()} == {
        ResponseStatus.ALREADY_HAPPENING
    }


def replace_version(response: Response, **changes: object) -> Response:
    from coproduce.domain.records import replace

    return replace(response, version=0, **changes)


def test_not_taken_forward_for_several_needs_a_reason_and_keeps_the_input(
    qtbot: QtBot, context: WindowContext, demo_services: Services
) -> None:
    ids = ids_about(demo_services, SHORT_BREAKS)[:4]
    before = demo_services.contributions.responses_of(ids)
    dialog = RespondToManyDialog(context, ids)
    shown(qtbot, dialog)
    fields = dialog.fields
    assert fields.status_field.currentIndex() == -1  # no guess: the person chooses
    assert fields.status_field.placeholderText() == "Choose what happened to them"
    respond_to_all(qtbot, dialog)
    assert dialog.errors.message_for("status") == "Choose what happened: the status."
    pick(qtbot, fields.status_field, "Not taken forward")
    assert fields.row_shown("reason")
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, "Not this year.")
    respond_to_all(qtbot, dialog)

    assert dialog.errors.message_for("reason") == (
        "Say why this was not taken forward: the group has a right to know."
    )
    assert fields.reason_field.hasFocus()
    assert dialog.isVisible()
    assert fields.text_field.toPlainText() == "Not this year."
    assert demo_services.contributions.responses_of(ids) == before

    qtbot.keyClicks(fields.reason_field, "The money is committed until 2027.")
    respond_to_all(qtbot, dialog)
    assert {r.reason for r in demo_services.contributions.responses_of(ids).values()} == {
        "The money is committed until 2027."
    }


def test_a_section_one_of_them_is_not_linked_to_is_refused_naming_it(
    qtbot: QtBot, context: WindowContext, demo_services: Services
) -> None:
    short_breaks = ids_about(demo_services, SHORT_BREAKS)[:2]
    reablement = ids_about(demo_services, REABLEMENT)[:1]
    ids = short_breaks + reablement
    before = demo_services.contributions.responses_of(ids)
    dialog = RespondToManyDialog(context, ids)
    shown(qtbot, dialog)
    fields = dialog.fields
    pick(qtbot, fields.status_field, "Changed the document")
    # Sections of both documents are offered, each named with its document.
    pick(qtbot, fields.section_field, "3.3 Booking a break (Short Breaks Service Design)")
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, "Booking opens three months ahead.")
    steps = context.undo_stack.count()
    respond_to_all(qtbot, dialog)

    message = dialog.errors.message_for("section_id")
    said = demo_services.contributions.get(reablement[0]).text
    assert message.startswith(
        "One of the chosen contributions is not linked to “Short Breaks Service Design”"
    )
    assert said[:20] in message
    assert dialog.isVisible()
    assert fields.text_field.toPlainText() == "Booking opens three months ahead."
    assert fields.section_field.currentText().startswith("3.3 Booking a break")
    assert demo_services.contributions.responses_of(ids) == before
    assert context.undo_stack.count() == steps
    dialog.reject()


# --- on both databases ------------------------------------------------------------------------


@dataclass
class Strategy:
    """Two things Ann said about a carers strategy: the first answered, the second not."""

    said: list[Contribution]
    housing: Section
    first: Response

    @property
    def ids(self) -> list[int]:
        return [c.id for c in self.said]


def carers_strategy(s: Services) -> Strategy:
    group = s.groups.create(Group(name="Carers' forum"))
    ann = s.people.create(Person(display_name="Ann Patel"))
    start = datetime(2026, 2, 1, 14, 0)
    meeting = s.meetings.create(
        Meeting(
            group_id=group.id, title="February", starts_at=start, ends_at=start + timedelta(hours=2)
        )
    )
    s.meetings.mark_attendance(meeting.id, ann.id, AttendanceStatus.PRESENT, is_guest=True)
    strategy = s.documents.create(Document(title="Carers strategy"))
    housing = s.documents.add_section(
        Section(document_id=strategy.id, heading="Housing", number="1")
    )
    said = [
        s.contributions.add(
            Contribution(
                meeting_id=meeting.id, text=text, attribution=Attribution.PERSON, speaker_id=ann.id
            )
        )
        for text in ("Adviser", "Bus passes")
    ]
    for contribution in said:
        s.contributions.link(Link(contribution_id=contribution.id, document_id=strategy.id))
    first = s.contributions.respond(
        Response(
            contribution_id=said[0].id,
            status=ResponseStatus.UNDER_CONSIDERATION,
            text="Looking at it.",
            fed_back_on=date(2026, 2, 10),
            fed_back_how=FeedbackMethod.EMAIL,
        )
    )
    return Strategy(said, housing, first)


def answer_housing(qtbot: QtBot, dialog: RespondToManyDialog) -> None:
    pick(qtbot, dialog.fields.status_field, "Changed the document")
    pick(qtbot, dialog.fields.section_field, "1 Housing")
    dialog.fields.text_field.setFocus()
    qtbot.keyClicks(dialog.fields.text_field, "A housing adviser in every team.")


@pytest.fixture
def other_user(database_url: str) -> Iterator[Services]:
    """A second facilitator: their own connection to the same database."""
    database = Database.open(database_url)
    yield Services(database, actor="Bea Other")
    database.close()


def test_respond_to_several_and_undo_on_either_database(qtbot: QtBot, services: Services) -> None:
    s = services
    strategy = carers_strategy(s)
    said, housing, first, ids = strategy.said, strategy.housing, strategy.first, strategy.ids
    context = WindowContext(services, QUndoStack(), DataChanges())
    dialog = RespondToManyDialog(context, ids)
    shown(qtbot, dialog)
    answer_housing(qtbot, dialog)
    respond_to_all(qtbot, dialog)

    answered = s.contributions.responses_of(ids)
    assert {(r.status, r.section_id) for r in answered.values()} == {
        (ResponseStatus.CHANGED_DOCUMENT, housing.id)
    }
    context.undo_stack.undo()
    undone = s.contributions.responses_of(ids)
    assert replace_version(undone[said[0].id]) == replace_version(first)
    assert undone[said[1].id].status is ResponseStatus.NOT_ANSWERED
    context.undo_stack.redo()
    assert s.contributions.responses_of(ids)[said[1].id].section_id == housing.id


def test_a_change_made_elsewhere_while_the_dialog_is_open_is_never_overwritten(
    qtbot: QtBot, services: Services, other_user: Services, prompts: ScriptedPrompts
) -> None:
    strategy = carers_strategy(services)
    ids = strategy.ids
    context = WindowContext(services, QUndoStack(), DataChanges())
    dialog = RespondToManyDialog(context, ids)
    shown(qtbot, dialog)
    assert "One of them already has a response" in dialog.replace_note.text()
    answer_housing(qtbot, dialog)

    # Meanwhile another facilitator answers "Bus passes" on their own computer.
    theirs = other_user.contributions.respond(
        Response(
            contribution_id=strategy.said[1].id,
            status=ResponseStatus.OUTSIDE_SCOPE,
            referred_to="The bus company",
        )
    )
    prompts.expect_message("error")
    respond_to_all(qtbot, dialog)

    refusal = prompts.shown[-1]
    assert refusal.title == "Changed by someone else"
    assert "“Bus passes”" in refusal.text and "“Adviser”" not in refusal.text
    assert "Nothing was saved" in refusal.text
    # Nothing overwritten, nothing to undo, and everything typed is still there.
    assert services.contributions.response_of(strategy.said[1].id) == theirs
    assert replace_version(services.contributions.response_of(strategy.said[0].id)) == (
        replace_version(strategy.first)
    )
    assert context.undo_stack.count() == 0
    assert dialog.isVisible()
    assert dialog.fields.status_field.currentText() == "Changed the document"
    assert dialog.fields.section_field.currentText() == "1 Housing"
    assert dialog.fields.text_field.toPlainText() == "A housing adviser in every team."
    assert dialog.replace_note.text().startswith("2 of them already have a response")

    # Told, the facilitator may replace it; Undo then brings back THEIR answer, not a stale one.
    respond_to_all(qtbot, dialog)
    assert not dialog.isVisible()
    assert services.contributions.response_of(strategy.said[1].id).text == (
        "A housing adviser in every team."
    )
    context.undo_stack.undo()
    assert replace_version(services.contributions.response_of(strategy.said[1].id)) == (
        replace_version(theirs)
    )


def test_undo_after_someone_else_changed_one_of_the_responses_is_refused(
    qtbot: QtBot, services: Services, other_user: Services, prompts: ScriptedPrompts
) -> None:
    strategy = carers_strategy(services)
    ids = strategy.ids
    context = WindowContext(services, QUndoStack(), DataChanges())
    dialog = RespondToManyDialog(context, ids)
    shown(qtbot, dialog)
    answer_housing(qtbot, dialog)
    respond_to_all(qtbot, dialog)
    ours = services.contributions.responses_of(ids)
    assert context.undo_stack.canUndo()

    # Another facilitator records that "Adviser"'s answer was fed back.
    (theirs,) = other_user.contributions.mark_fed_back(
        [strategy.said[0].id], date(2026, 3, 3), FeedbackMethod.AT_SESSION
    )
    prompts.expect_message("error")
    context.undo_stack.undo()

    refusal = prompts.shown[-1]
    assert refusal.title == "Cannot undo"
    assert "“Adviser”" in refusal.text and "changed by someone else" in refusal.text
    assert services.contributions.response_of(strategy.said[0].id) == theirs
    assert services.contributions.response_of(strategy.said[1].id) == ours[strategy.said[1].id]
    assert not context.undo_stack.canUndo()  # the refused step is dropped
    assert not context.undo_stack.canRedo()


# --- in the window ----------------------------------------------------------------------------


def test_in_the_document_page_ctrl_s_saves_the_chosen_contributions_response(
    qtbot: QtBot,
    open_window: Callable[[Services], MainWindow],
    demo_services: Services,
) -> None:
    window = open_window(demo_services)
    window.show_page("documents")
    page = window.list_page("documents")
    short_breaks = document(demo_services, SHORT_BREAKS)
    for row in range(page.model.total):
        if page.model.record(row) == short_breaks:
            page.table.selectRow(row)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.said)
    view: DocumentJourneysView = editor.said
    whole = view.model.index(0, 0)
    view.tree.setFocus()
    view.tree.setCurrentIndex(whole)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    chosen = view.panel.contribution_id
    assert chosen is not None
    fields = view.panel.response.fields
    pick(qtbot, fields.status_field, "Outside our scope")
    fields.referred_field.setFocus()
    qtbot.keyClicks(fields.referred_field, "NHS patient transport")
    focus = QApplication.focusWidget()
    assert focus is fields.referred_field
    qtbot.keyClick(focus, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = demo_services.contributions.response_of(chosen)
    assert (saved.status, saved.referred_to) == (
        ResponseStatus.OUTSIDE_SCOPE,
        "NHS patient transport",
    )
    assert view.panel.contribution_id == chosen  # still shown after the list reloaded
    assert not view.has_unsaved_changes()

    # Every field of the panel has its own Alt key, taken by nothing else on screen.
    def letter(widget: QLabel | QAbstractButton) -> str | None:
        found = re.search(r"&(\w)", widget.text())
        return found.group(1).lower() if found and widget.isVisibleTo(window) else None

    def letters(parent: QWidget) -> list[str]:
        widgets = parent.findChildren(QLabel) + parent.findChildren(QAbstractButton)
        return [found for w in widgets if (found := letter(w))]

    pick(qtbot, fields.status_field, "Not taken forward")
    ours = letters(view.panel)
    others = (
        [c for c in letters(window) if c not in ours]
        + [
            found.group(1).lower()
            for action in window.menuBar().actions()
            if (found := re.search(r"&(\w)", action.text()))
        ]
        + [
            found.group(1).lower()
            for index in range(editor.tabs.count())
            if (found := re.search(r"&(\w)", editor.tabs.tabText(index)))
        ]
    )
    assert len(ours) == len(set(ours)) >= 10
    assert not set(ours) & set(others)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is fields.reason_field


def test_choosing_another_with_unsaved_work_asks_first_and_cancel_stays(
    qtbot: QtBot, view: DocumentJourneysView, prompts: object, demo_services: Services
) -> None:
    view.show_document(document(demo_services, SHORT_BREAKS))
    whole = view.model.index(0, 0)
    view.tree.setFocus()
    view.tree.setCurrentIndex(whole)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    first = view.panel.contribution_id
    assert first is not None
    fields = view.panel.response.fields
    pick(qtbot, fields.status_field, "Already happening")
    fields.text_field.setFocus()
    qtbot.keyClicks(fields.text_field, "Half a thought")

    prompts.expect_save_choice("cancel")  # type: ignore[attr-defined]
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.chosen_ids() == [first]  # still the one being edited
    assert view.panel.contribution_id == first
    assert fields.text_field.toPlainText() == "Half a thought"

    prompts.expect_save_choice("discard")  # type: ignore[attr-defined]
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.panel.contribution_id not in (None, first)
    assert demo_services.contributions.response_of(first).text != "Half a thought"
