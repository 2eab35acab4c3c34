"""One contribution's links and response ("You said, we did") in the window, on the example
council: driven by keyboard, checked on screen and in what the services hold."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import Contribution, Document, Response
from coproduce.domain.vocabulary import FeedbackMethod, LinkRelation, ResponseStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.documents import DocumentFilter
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.responses.panel import ContributionPanel

SHORT_BREAKS = "Short Breaks Service Design"
REABLEMENT = "Reablement Service Specification"


def document(services: Services, title: str) -> Document:
    return next(d for d in services.documents.list(DocumentFilter(text=title)).items)


def said_about(services: Services, title: str, status: ResponseStatus) -> Contribution:
    """The first contribution linked to the document whose response has ``status``."""
    found = document(services, title)
    ids = services.contributions.ids(ContributionFilter(document_id=found.id))
    responses = services.contributions.responses_of(ids)
    chosen = next(cid for cid in ids if responses[cid].status is status)
    return services.contributions.get(chosen)


def section_id(services: Services, title: str, number: str) -> int:
    found = document(services, title)
    assert found.id is not None
    section = next(s for s in services.documents.sections(found.id) if s.number == number)
    assert section.id is not None
    return section.id


@pytest.fixture
def context(demo_services: Services) -> WindowContext:
    return WindowContext(demo_services, QUndoStack(), DataChanges())


@pytest.fixture
def panel(qtbot: QtBot, context: WindowContext) -> ContributionPanel:
    widget = ContributionPanel(context)
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a list box by keyboard: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def save_by_keyboard(qtbot: QtBot) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def shown_links(panel: ContributionPanel) -> list[tuple[str, str]]:
    model = panel.links.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


# --- what is shown -------------------------------------------------------------------------


def test_the_panel_shows_what_was_said_who_said_it_and_its_response(
    panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_TAKEN_FORWARD)
    assert said.id is not None
    response = demo_services.contributions.response_of(said.id)

    panel.show_contribution(said.id)

    assert panel.said_label.text() == f"“{said.text}”"
    who = demo_services.contributions.display_speakers([said.id])[said.id]
    assert panel.source_label.text().startswith(f"{who} · {said.kind.label} · ")
    assert shown_links(panel) == [
        ("3.1 Breaks in an emergency, in Short Breaks Service Design", "Considered")
    ]
    fields = panel.response.fields
    assert fields.status_field.currentText() == "Not taken forward"
    assert fields.reason_field.toPlainText() == response.reason
    assert response.reason  # the example council says why
    # Only what "not taken forward" asks for is shown.
    assert fields.row_shown("reason")
    assert not fields.row_shown("section_id")
    assert not fields.row_shown("referred_to")
    assert fields.row_shown("decided_on")
    assert not panel.has_unsaved_changes()


def test_the_fields_follow_the_chosen_status(
    qtbot: QtBot, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    panel.show_contribution(said.id)
    fields = panel.response.fields
    assert [f for f in ("text", "decided_on", "fed_back_on") if fields.row_shown(f)] == []

    pick(qtbot, fields.status_field, "Outside our scope")
    assert fields.status() is ResponseStatus.OUTSIDE_SCOPE
    assert fields.row_shown("referred_to") and fields.row_shown("text")
    assert not fields.row_shown("reason") and not fields.row_shown("section_id")

    pick(qtbot, fields.status_field, "Under consideration")
    assert fields.status() is ResponseStatus.UNDER_CONSIDERATION
    assert not fields.row_shown("decided_on")  # thinking about it is no decision yet
    assert fields.row_shown("fed_back_on")
    assert panel.has_unsaved_changes()


def test_the_links_list_passes_the_model_checks(
    qtmodeltester: ModelTester, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, REABLEMENT, ResponseStatus.CHANGED_DOCUMENT)
    panel.show_contribution(said.id)
    assert panel.links.model.rowCount() == 1
    qtmodeltester.check(panel.links.model)


# --- links ---------------------------------------------------------------------------------


def test_a_link_added_by_keyboard_is_saved_and_leaves_the_response_alone(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.UNDER_CONSIDERATION)
    assert said.id is not None
    before = demo_services.contributions.response_of(said.id)
    panel.show_contribution(said.id)
    links = panel.links

    # Part of the title shows the matches; Down and Enter take the highlighted one.
    type_into(qtbot, links.document_field.find_edit, "reablement")
    matches = links.document_field.matches
    assert matches.isVisible()
    assert [matches.item(r).text() for r in range(matches.count())] == [REABLEMENT]
    qtbot.keyClick(links.document_field.find_edit, Qt.Key.Key_Down)
    qtbot.keyClick(matches, Qt.Key.Key_Return)
    assert links.document_field.text() == REABLEMENT
    assert not matches.isVisible()
    assert links.section_field.hasFocus()  # the section is next
    assert (
        demo_services.contributions.links_of(said.id)[-1].document_id
        != document(demo_services, REABLEMENT).id
    )  # choosing a document saves nothing yet
    assert panel.has_unsaved_changes()
    pick(qtbot, links.section_field, "3.2 Setting goals together")
    assert links.section_field.currentText() == "3.2 Setting goals together"
    pick(qtbot, links.relation_field, "Influenced")
    type_into(qtbot, links.note_field, "Goals beyond washing")
    qtbot.keyClick(links.note_field, Qt.Key.Key_Return)

    stored = demo_services.contributions.links_of(said.id)
    added = stored[-1]
    assert (added.section_id, added.relation, added.note) == (
        section_id(demo_services, REABLEMENT, "3.2"),
        LinkRelation.INFLUENCED,
        "Goals beyond washing",
    )
    assert ("3.2 Setting goals together, in " + REABLEMENT, "Influenced") in shown_links(panel)
    # Linking never answers anything.
    assert demo_services.contributions.response_of(said.id) == before
    assert panel.response.fields.status_field.currentText() == "Under consideration"
    assert links.document_field.text() == ""  # ready for the next link
    assert not panel.has_unsaved_changes()

    context.undo_stack.undo()
    assert [link.id for link in demo_services.contributions.links_of(said.id)] == [
        link.id for link in stored[:-1]
    ]
    assert len(shown_links(panel)) == len(stored) - 1
    context.undo_stack.redo()
    again = demo_services.contributions.links_of(said.id)
    assert [(link.section_id, link.relation) for link in again] == [
        (link.section_id, link.relation) for link in stored
    ]
    # The link came back under a new id; a second undo still finds it.
    context.undo_stack.undo()
    assert len(demo_services.contributions.links_of(said.id)) == len(stored) - 1
    assert demo_services.contributions.response_of(said.id) == before


def test_a_links_relation_is_changed_then_the_link_removed_and_both_undone(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    [original] = demo_services.contributions.links_of(said.id)
    before = demo_services.contributions.response_of(said.id)
    panel.show_contribution(said.id)
    links = panel.links

    links.table.setFocus()
    qtbot.keyClick(links.table, Qt.Key.Key_Down)  # the first link is chosen...
    assert links.selected_link() == original
    assert links.relation_field.currentText() == "Considered"  # ...and shown below
    pick(qtbot, links.relation_field, "Quoted")
    assert links.change_button.isEnabled()
    save_by_keyboard(qtbot)

    [changed] = demo_services.contributions.links_of(said.id)
    assert (changed.id, changed.relation) == (original.id, LinkRelation.QUOTED)
    assert shown_links(panel)[0][1] == "Quoted"

    links.table.setFocus()
    qtbot.keyClick(links.table, Qt.Key.Key_Delete)
    assert demo_services.contributions.links_of(said.id) == []
    assert shown_links(panel) == []

    context.undo_stack.undo()  # the link is back, still quoted
    [back] = demo_services.contributions.links_of(said.id)
    assert back.relation is LinkRelation.QUOTED
    context.undo_stack.undo()  # and considered again
    [first] = demo_services.contributions.links_of(said.id)
    assert (first.document_id, first.section_id, first.relation) == (
        original.document_id,
        original.section_id,
        LinkRelation.CONSIDERED,
    )
    assert shown_links(panel)[0][1] == "Considered"
    assert demo_services.contributions.response_of(said.id) == before


def test_a_link_the_response_depends_on_cannot_be_removed(
    qtbot: QtBot, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, REABLEMENT, ResponseStatus.CHANGED_DOCUMENT)
    assert said.id is not None
    panel.show_contribution(said.id)
    panel.links.table.setFocus()
    qtbot.keyClick(panel.links.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.links.table, Qt.Key.Key_Delete)

    assert "Change the response first" in panel.links.errors.general.text()
    assert panel.links.errors.general.isVisible()
    assert len(demo_services.contributions.links_of(said.id)) == 1


def test_a_title_that_matches_no_document_is_refused_beside_the_field(
    qtbot: QtBot, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    type_into(qtbot, panel.links.document_field.find_edit, "Zebra crossings")
    matches = panel.links.document_field.matches
    assert matches.item(0).text() == "No document's title contains “Zebra crossings”"
    type_into(qtbot, panel.links.note_field, "x")
    qtbot.keyClick(panel.links.note_field, Qt.Key.Key_Return)

    message = panel.links.errors.message_for("document_id")
    assert "No document's title contains “Zebra crossings”" in message
    assert panel.links.document_field.text() == "Zebra crossings"  # kept
    assert len(demo_services.contributions.links_of(said.id)) == 1


# --- the response --------------------------------------------------------------------------


def test_not_taken_forward_needs_a_reason_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.UNDER_CONSIDERATION)
    assert said.id is not None
    before = demo_services.contributions.response_of(said.id)
    panel.show_contribution(said.id)
    fields = panel.response.fields

    pick(qtbot, fields.status_field, "Not taken forward")
    assert fields.status() is ResponseStatus.NOT_TAKEN_FORWARD
    fields.text_field.clear()
    type_into(qtbot, fields.text_field, "We looked at it closely.")
    save_by_keyboard(qtbot)

    assert fields.reason_field.hasFocus()
    assert panel.response.errors.message_for("reason") == (
        "Say why this was not taken forward: the group has a right to know."
    )
    assert demo_services.contributions.response_of(said.id) == before
    assert fields.text_field.toPlainText() == "We looked at it closely."  # nothing lost
    assert panel.has_unsaved_changes()

    qtbot.keyClicks(fields.reason_field, "The budget is set until 2027.")
    save_by_keyboard(qtbot)

    after = demo_services.contributions.response_of(said.id)
    assert (after.status, after.reason, after.text) == (
        ResponseStatus.NOT_TAKEN_FORWARD,
        "The budget is set until 2027.",
        "We looked at it closely.",
    )
    assert panel.response.errors.message_for("reason") == ""
    assert not panel.has_unsaved_changes()

    context.undo_stack.undo()
    assert demo_services.contributions.response_of(said.id).status is (
        ResponseStatus.UNDER_CONSIDERATION
    )
    assert fields.status_field.currentText() == "Under consideration"
    context.undo_stack.redo()
    assert demo_services.contributions.response_of(said.id).reason == (
        "The budget is set until 2027."
    )
    assert fields.reason_field.toPlainText() == "The budget is set until 2027."


def test_changed_the_document_offers_only_sections_of_linked_documents(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    fields = panel.response.fields
    offered = [fields.section_field.itemText(i) for i in range(fields.section_field.count())]
    short_breaks = document(demo_services, SHORT_BREAKS)
    assert short_breaks.id is not None
    assert offered == [
        f"{s.number} {s.heading}" for s in demo_services.documents.sections(short_breaks.id)
    ]

    # Linking a second document offers its sections too, named with their document.
    type_into(qtbot, panel.links.document_field.find_edit, "Reablement Serv")
    qtbot.keyClick(panel.links.document_field.find_edit, Qt.Key.Key_Return)
    type_into(qtbot, panel.links.note_field, "")
    qtbot.keyClick(panel.links.note_field, Qt.Key.Key_Return)
    assert "3.3 Equipment and adaptations (Reablement Service Specification)" in [
        fields.section_field.itemText(i) for i in range(fields.section_field.count())
    ]

    pick(qtbot, fields.status_field, "Changed the document")
    assert fields.row_shown("section_id")
    save_by_keyboard(qtbot)  # no section chosen yet
    assert "Choose the section that changed" in panel.response.errors.message_for("section_id")
    assert demo_services.contributions.response_of(said.id).status is ResponseStatus.NOT_ANSWERED

    pick(
        qtbot,
        fields.section_field,
        "3.3 Equipment and adaptations (Reablement Service Specification)",
    )
    type_into(qtbot, fields.text_field, "Rails fitted in the first week.")
    fields.decided_on_field.tick.setFocus()
    qtbot.keyClick(fields.decided_on_field.tick, Qt.Key.Key_Space)
    fields.fed_back_on_field.tick.setFocus()
    qtbot.keyClick(fields.fed_back_on_field.tick, Qt.Key.Key_Space)
    pick(qtbot, fields.fed_back_how_field, "Letter")
    save_by_keyboard(qtbot)

    saved = demo_services.contributions.response_of(said.id)
    today = demo_services.contributions.today()
    assert (saved.status, saved.section_id, saved.text) == (
        ResponseStatus.CHANGED_DOCUMENT,
        section_id(demo_services, REABLEMENT, "3.3"),
        "Rails fitted in the first week.",
    )
    assert (saved.decided_on, saved.fed_back_on, saved.fed_back_how) == (
        today,
        today,
        FeedbackMethod.LETTER,
    )

    # Undo the answer (back to "not answered yet"), then the link.
    context.undo_stack.undo()
    assert demo_services.contributions.response_of(said.id).status is ResponseStatus.NOT_ANSWERED
    assert fields.status_field.currentText() == "Not answered yet"
    context.undo_stack.undo()
    assert len(demo_services.contributions.links_of(said.id)) == 1
    assert "Reablement" not in " ".join(
        fields.section_field.itemText(i) for i in range(fields.section_field.count())
    )


def test_a_feedback_channel_without_its_date_is_refused(
    qtbot: QtBot, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.UNDER_CONSIDERATION)
    assert said.id is not None
    before = demo_services.contributions.response_of(said.id)
    assert before.fed_back_on is None
    panel.show_contribution(said.id)
    fields = panel.response.fields
    pick(qtbot, fields.fed_back_how_field, "Email")
    save_by_keyboard(qtbot)

    assert "Told the group" in panel.response.errors.message_for("fed_back_on")
    assert demo_services.contributions.response_of(said.id) == before


def test_leaving_with_an_unsaved_response_asks_and_keeps_the_typing(
    qtbot: QtBot, panel: ContributionPanel, prompts: object, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    fields = panel.response.fields
    pick(qtbot, fields.status_field, "Already happening")
    type_into(qtbot, fields.text_field, "Weekend cover starts in May.")

    prompts.expect_save_choice("cancel")  # type: ignore[attr-defined]
    assert not may_leave(panel)
    assert fields.text_field.toPlainText() == "Weekend cover starts in May."
    assert "the response to “" in prompts.shown[-1].text  # type: ignore[attr-defined]

    prompts.expect_save_choice("save")  # type: ignore[attr-defined]
    assert may_leave(panel)
    saved = demo_services.contributions.response_of(said.id)
    assert (saved.status, saved.text) == (
        ResponseStatus.ALREADY_HAPPENING,
        "Weekend cover starts in May.",
    )


def test_a_link_half_typed_counts_as_unsaved_work(
    qtbot: QtBot, panel: ContributionPanel, prompts: object, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    type_into(qtbot, panel.links.document_field.find_edit, "Reablement")
    assert panel.has_unsaved_changes()

    prompts.expect_save_choice("discard")  # type: ignore[attr-defined]
    assert may_leave(panel)
    assert panel.links.document_field.text() == ""
    assert len(demo_services.contributions.links_of(said.id)) == 1


def test_an_answer_given_elsewhere_is_shown_when_nothing_is_typed(
    panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    demo_services.contributions.respond(
        Response(
            contribution_id=said.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            text="Done already.",
            decided_on=date(2026, 1, 5),
        )
    )
    context.changes.changed.emit("response")
    assert panel.response.fields.status_field.currentText() == "Already happening"
    assert panel.response.fields.text_field.toPlainText() == "Done already."


def test_an_answer_is_undone_after_moving_on_to_another_contribution(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    first = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    second = said_about(demo_services, REABLEMENT, ResponseStatus.NOT_ANSWERED)
    assert first.id is not None and second.id is not None
    panel.show_contribution(first.id)
    fields = panel.response.fields
    pick(qtbot, fields.status_field, "Under consideration")
    type_into(qtbot, fields.text_field, "We will ask the provider.")
    save_by_keyboard(qtbot)
    assert context.undo_stack.undoText().startswith("Edit the response to “")

    panel.show_contribution(second.id)
    context.undo_stack.undo()

    assert demo_services.contributions.response_of(first.id).status is (ResponseStatus.NOT_ANSWERED)
    assert panel.contribution_id == second.id  # the panel stays where the person is
    context.undo_stack.redo()
    assert demo_services.contributions.response_of(first.id).text == "We will ask the provider."


def test_every_control_is_named_and_tab_follows_the_layout(
    qtbot: QtBot, panel: ContributionPanel, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_TAKEN_FORWARD)
    panel.show_contribution(said.id)
    unnamed = [
        type(widget).__name__
        for widget in panel.findChildren(QWidget)
        if widget.isVisibleTo(panel)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not widget.accessibleName()
    ]
    assert unnamed == []

    # The example's easy words for this answer have something for the checker to point at
    # ("rules" is a hard word), so its list of things to check is shown and on the Tab path.
    panel.links.document_field.find_edit.setFocus()
    visited = []
    for _ in range(15):
        focus = QApplication.focusWidget()
        assert focus is not None
        visited.append(focus.accessibleName())
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert visited == [
        "Document",
        "Section",
        "Relation",
        "Note about the link",
        "Status",  # the link buttons wait for a link to be typed or chosen
        "Why it was not taken forward",
        "Response",
        "Response in easy read",
        "Draft the easy read from the response",
        "Things to check in the easy read",
        "Choose the picture for this row",
        "Decided by",
        "Decided",
        "Decision date",
        "Decision date",  # day, month and year: Tab moves through the parts of a date
    ]


def test_changed_the_document_makes_the_link_influenced_and_one_undo_takes_back_both(
    qtbot: QtBot, panel: ContributionPanel, context: WindowContext, demo_services: Services
) -> None:
    said = said_about(demo_services, SHORT_BREAKS, ResponseStatus.NOT_ANSWERED)
    assert said.id is not None
    panel.show_contribution(said.id)
    [(place, relation)] = shown_links(panel)
    assert relation == "Considered"
    fields = panel.response.fields
    pick(qtbot, fields.status_field, "Changed the document")
    fields.section_field.setFocus()
    qtbot.keyClick(fields.section_field, Qt.Key.Key_Down)
    type_into(qtbot, fields.text_field, "Emergency breaks can be booked by phone.")
    steps = context.undo_stack.count()
    save_by_keyboard(qtbot)

    assert demo_services.contributions.response_of(said.id).status is (
        ResponseStatus.CHANGED_DOCUMENT
    )
    assert [link.relation for link in demo_services.contributions.links_of(said.id)] == [
        LinkRelation.INFLUENCED
    ]
    assert shown_links(panel) == [(place, "Influenced")]
    assert panel.relink_note.isVisible()
    assert panel.relink_note.text() == (
        f"The response says it changed the document, so the link to “{SHORT_BREAKS}” now "
        "says Influenced. Ctrl+Z undoes both."
    )
    assert context.undo_stack.count() == steps + 1  # one step for the two

    context.undo_stack.undo()
    assert demo_services.contributions.response_of(said.id).status is ResponseStatus.NOT_ANSWERED
    assert shown_links(panel) == [(place, "Considered")]
    context.undo_stack.redo()
    assert shown_links(panel) == [(place, "Influenced")]
    assert demo_services.contributions.response_of(said.id).status is (
        ResponseStatus.CHANGED_DOCUMENT
    )
