"""The Ladder tab of a document and the list of drifting work, driven by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import (
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Link,
    Meeting,
    Response,
)
from coproduce.domain.vocabulary import LadderRung, ResponseStatus
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.documents.document_editor import DocumentEditor
from coproduce.ui.ladder.assessment_dialog import AssessmentDialog
from coproduce.ui.ladder.drifting_dialog import DriftingWorkDialog
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.documents_page import DocumentsPage

if TYPE_CHECKING:
    from tests.ui.conftest import ScriptedPrompts

OpenWindow = Callable[[Services], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TODAY = date(2026, 5, 1)
R = LadderRung


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


def select(qtbot: QtBot, page: DocumentsPage, title: str) -> None:
    page.table.setFocus()
    titles = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    if page.table.currentIndex().row() != 0:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    for _ in range(titles.index(title)):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    record = editor_of(page).record
    assert record is not None and record.title == title


def a_discussed_document(services: Services) -> tuple[Document, Meeting, Response]:
    document = services.documents.create(Document(title="Short breaks review"))
    group = services.groups.create(Group(name="Carers' forum"))
    starts = datetime(2026, 3, 10, 13, 0)
    with services.store.transaction() as unit:
        session = unit.meetings.add(
            Meeting(
                group_id=group.id,
                title="March session",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
    said = services.contributions.add(
        Contribution(meeting_id=session.id, text="Let carers book breaks online")
    )
    services.contributions.link(Link(contribution_id=said.id, document_id=document.id))
    response = services.contributions.respond(
        Response(
            contribution_id=said.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            text="Online booking opens in June.",
        )
    )
    return document, session, response


def answer(qtbot: QtBot, dialog: AssessmentDialog, letters: str) -> None:
    """Answer the questions in order by typing the first letter of each answer (y, p, n,
    d) and Tab, as a keyboard user does."""
    field = dialog.answer_fields["agenda"]
    field.setFocus()
    for letter in letters:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, letter)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)


def press(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def back_in(qtbot: QtBot, window: MainWindow) -> None:
    """The window is active again after a dialog closed (the window system's job)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    back_in(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    back_in(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL_SHIFT)


def test_the_questions_suggest_a_rung_and_another_needs_a_reason(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document, session, response = a_discussed_document(services)
    window = open_window(services)
    page = documents_page(window)
    select(qtbot, page, "Short breaks review")
    editor = editor_of(page)
    tab = editor.ladder

    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)  # from the list, anywhere in the page
    assert editor.tabs.currentWidget() is tab
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.suggestion_label.text() == "No suggestion yet"

    # agenda yes, start no, outcome partly, decisions no, deliver no, paid yes,
    # told outcome yes, asked yes, told why yes.
    answer(qtbot, dialog, "ynpnnyyyy")
    assert dialog.suggestion_label.text() == "Suggested: Engagement (rung 5 of 7, doing for)"
    assert dialog.reasons_label.text().split("\n") == [
        "• Engagement, because they could change only part of the outcome and they were told "
        "what happened to their ideas.",
        "• Not Co-design, because they were not there from the start and they could change "
        "only part of the outcome.",
    ]
    assert dialog.chosen_rung() is R.ENGAGEMENT  # follows the suggestion

    # Choose Co-design instead, name the assessor, tick the response as evidence.
    dialog.rung_field.setFocus()
    qtbot.keyClick(dialog.rung_field, Qt.Key.Key_Up)
    assert dialog.chosen_rung() is R.CO_DESIGN
    assert dialog.difference_note.text() == (
        "You chose Co-design, not the suggested Engagement: say why in the rationale."
    )
    dialog.assessor_field.setFocus()
    qtbot.keyClicks(dialog.assessor_field, "Co-production lead")
    dialog.responses_list.setFocus()
    dialog.responses_list.setCurrentRow(0)
    qtbot.keyClick(dialog.responses_list, Qt.Key.Key_Space)
    dialog.sessions_list.setFocus()
    dialog.sessions_list.setCurrentRow(0)
    qtbot.keyClick(dialog.sessions_list, Qt.Key.Key_Space)
    assert "Online booking opens in June." in dialog.responses_list.item(0).text()

    press(qtbot, dialog.save_button)
    assert dialog.isVisible()  # refused, beside the rationale
    assert "suggest Engagement, and you chose Co-design" in dialog.errors.message_for("rationale")
    assert dialog.rationale_field.hasFocus()
    assert services.ladder.history(document.id) == []

    qtbot.keyClicks(dialog.rationale_field, "They rewrote the eligibility section with us.")
    press(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    [saved] = services.ladder.history(document.id)
    assert (saved.rung, saved.suggested_rung) == (R.CO_DESIGN, R.ENGAGEMENT)
    assert saved.rationale == "They rewrote the eligibility section with us."
    assert saved.assessor_name == "Co-production lead"
    assert saved.evidence_response_ids == (response.id,)
    assert saved.evidence_meeting_ids == (session.id,)
    assert dict(saved.answers)["from_start"] == "no"
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "6 Co-design"
    assert "Now, by staff: Co-design" in tab.ladder.text.text()

    undo(qtbot, window)
    assert services.ladder.history(document.id) == []
    assert tab.model.rowCount() == 0
    redo(qtbot, window)
    assert [a.rung for a in services.ladder.history(document.id)] == [R.CO_DESIGN]
    assert tab.model.rowCount() == 1


def test_the_planned_rung_is_saved_with_the_document_and_drift_is_shown(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    for rung, day in ((R.CO_DESIGN, 1), (R.CONSULTATION, 20)):
        services.ladder.assess(
            LadderAssessment(
                document_id=document.id,
                rung=rung,
                assessed_on=date(2026, 3, day),
                assessor_name="Co-production lead",
            )
        )
    window = open_window(services)
    page = documents_page(window)
    select(qtbot, page, "Carers' strategy")
    editor = editor_of(page)
    tab = editor.ladder
    editor.tabs.setCurrentWidget(tab)
    # It fell from Co-design to Consultation: drifting, even with no plan.
    assert tab.drift_label.isVisible()
    assert tab.drift_message() == (
        "This work is drifting. It fell from Co-design (1 March 2026) to Consultation "
        "(20 March 2026). Check whether people can still change the outcome."
    )

    tab.planned_field.setFocus()
    qtbot.keyClick(tab.planned_field, Qt.Key.Key_Down)  # Not set -> Co-production
    assert tab.planned_rung() is R.CO_PRODUCTION
    assert "Planned: Co-production" in tab.ladder.text.text()
    assert "3 rungs below the plan (Co-production)" in tab.drift_message()
    assert editor.has_unsaved_changes()
    qtbot.keyClick(tab.planned_field, Qt.Key.Key_S, CTRL)
    assert services.documents.get(document.id).planned_rung is R.CO_PRODUCTION
    undo(qtbot, window)
    assert services.documents.get(document.id).planned_rung is None
    assert tab.planned_rung() is None


def test_an_assessment_is_corrected_and_deleted_from_the_history_and_undone(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=R.INFORMING,
            assessed_on=date(2026, 3, 1),
            assessor_name="Co-production lead",
        )
    )
    window = open_window(services)
    page = documents_page(window)
    select(qtbot, page, "Carers' strategy")
    tab = editor_of(page).ladder
    editor_of(page).tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.selected() is not None

    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.chosen_rung() is R.INFORMING
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.assessor_field.text() == "Co-production lead"
    dialog.rung_field.setFocus()
    qtbot.keyClick(dialog.rung_field, Qt.Key.Key_Up)  # Consultation
    press(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert [a.rung for a in services.ladder.history(document.id)] == [R.CONSULTATION]
    undo(qtbot, window)
    assert [a.rung for a in services.ladder.history(document.id)] == [R.INFORMING]

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Home, CTRL)
    if tab.selected() is None:
        qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    prompts.expect_question(True)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert services.ladder.history(document.id) == []
    assert tab.model.rowCount() == 0
    undo(qtbot, window)
    assert [a.rung for a in services.ladder.history(document.id)] == [R.INFORMING]
    assert tab.model.rowCount() == 1


def test_a_new_document_cannot_be_assessed_until_saved(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = documents_page(window)
    tab = editor_of(page).ladder
    assert editor_of(page).record is None
    assert not tab.new_button.isEnabled()
    assert tab.new_assessment() is None
    assert "Save the document first" in tab.unsaved_note.text()


def test_drifting_work_is_listed_and_opens_the_document(
    qtbot: QtBot,
    open_window: OpenWindow,
    services: Services,
    qtmodeltester: ModelTester,
) -> None:
    steady = services.documents.create(Document(title="Steady plan"))
    slipping = services.documents.create(Document(title="Slipping plan"))
    document, _session, _response = a_discussed_document(services)
    for item, planned in (
        (steady, R.ENGAGEMENT),
        (slipping, R.CO_DESIGN),
        (document, R.CO_PRODUCTION),
    ):
        services.ladder.set_planned_rung(item.id, planned)
        services.ladder.assess(
            LadderAssessment(
                document_id=item.id,
                rung=R.ENGAGEMENT,
                assessed_on=date(2026, 3, 1),
                assessor_name="Co-production lead",
            )
        )
    window = open_window(services)
    page = documents_page(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = page.drifting_dialog
    assert isinstance(dialog, DriftingWorkDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model, force_py=True)
    titles = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert titles == ["Short breaks review", "Slipping plan"]
    assert dialog.count_label.text() == "2 documents drifting."
    assert (
        dialog.model.index(1, 4)
        .data()
        .startswith(
            "The latest assessment (Engagement, 1 March 2026) is one rung below the plan "
            "(Co-design)."
        )
    )

    # Only the Carers' forum's work.
    dialog.group_field.setFocus()
    qtbot.keyClick(dialog.group_field, Qt.Key.Key_Down)
    assert dialog.group_field.currentText() == "Carers' forum"
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Short breaks review"
    ]

    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()  # the list closes on the document it opened
    editor = editor_of(page)
    assert editor.record is not None and editor.record.id == document.id
    assert editor.tabs.currentWidget() is editor.ladder
    assert "2 rungs below the plan (Co-production)" in editor.ladder.drift_message()

    # A new assessment that reaches the plan takes it off the list.
    services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=R.CO_PRODUCTION,
            assessed_on=date(2026, 4, 1),
            assessor_name="Co-production lead",
        )
    )
    window.context.changes.changed.emit("ladder_assessment")
    assert editor.ladder.drift_message() == ""
    back_in(qtbot, window)
    qtbot.keyClick(editor.ladder.table, Qt.Key.Key_L, CTRL_SHIFT)
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "No work is drifting."


def test_evidence_no_longer_linked_stays_when_an_assessment_is_corrected(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    document, _session, _response = a_discussed_document(services)
    [link] = services.contributions.links_to(document.id)
    services.ladder.assess(
        LadderAssessment(
            document_id=document.id,
            rung=R.CONSULTATION,
            assessed_on=date(2026, 3, 20),
            assessor_name="Co-production lead",
            evidence_contribution_ids=(link.contribution_id,),
        )
    )
    services.contributions.unlink(link.id)  # the contribution is no longer about it
    window = open_window(services)
    page = documents_page(window)
    select(qtbot, page, "Short breaks review")
    tab = editor_of(page).ladder
    editor_of(page).tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None
    said = dialog.contributions_list
    assert said.count() == 1
    assert said.item(0).text().startswith("Chosen before, no longer linked to this document")
    assert said.item(0).checkState() == Qt.CheckState.Checked
    dialog.rung_field.setFocus()
    qtbot.keyClick(dialog.rung_field, Qt.Key.Key_Up)  # Engagement
    press(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    [corrected] = services.ladder.history(document.id)
    assert corrected.rung is R.ENGAGEMENT
    assert corrected.evidence_contribution_ids == (link.contribution_id,)
