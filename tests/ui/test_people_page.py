"""The People page driven by keyboard: the register, the person editor with access needs and
consent, deleting and undoing, and nothing typed lost when leaving the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AccessNeeds, Consent, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    CommunicationProfessional,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    InformationFormat,
    MeetingAccessNeed,
    Role,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.people_page import PeoplePage
from coproduce.ui.people.editor import PersonEditor

if TYPE_CHECKING:
    from tests.ui.conftest import ScriptedPrompts

OpenWindow = Callable[[Services], MainWindow]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Sam Facilitator")


def people_page(window: MainWindow) -> PeoplePage:
    window.show_page("people", focus=True)
    page = window.list_page("people")
    assert isinstance(page, PeoplePage)
    return page


def editor_of(page: PeoplePage) -> PersonEditor:
    assert isinstance(page.editor, PersonEditor)
    return page.editor


def column(page: PeoplePage, title: str) -> list[str]:
    model = page.model
    index = model.column_titles().index(title)
    return [model.index(row, index).data() or "" for row in range(model.rowCount())]


def select(qtbot: QtBot, page: PeoplePage, name: str) -> None:
    """Move to ``name``'s row with the arrow keys, as a keyboard user would."""
    page.table.setFocus()
    rows = column(page, "Name")
    target = rows.index(name)
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    if page.table.currentIndex().row() != 0:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    for _ in range(target):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == target
    assert editor_of(page).record is not None
    assert editor_of(page).record.display_name == name


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick ``text`` in a combo box with the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not in the box")


def tick(qtbot: QtBot, box: QWidget) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_a_person_is_created_with_needs_and_consent_by_keyboard(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    today = services.people.today()

    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert editor.record is None and editor.heading.text() == "New person"
    type_into(qtbot, editor.display_name, "Amina Patel")
    tick(qtbot, editor.roles.box_for(Role.EXPERT_BY_EXPERIENCE))
    type_into(qtbot, editor.phone, "07700 900123")

    qtbot.keyClick(editor.phone, Qt.Key.Key_A, ALT)  # the "Access and communication" tab
    access = editor.access
    assert editor.tabs.currentIndex() == 1
    tick(qtbot, access.information.boxes.box_for(InformationFormat.EASY_READ))
    tick(qtbot, access.information.boxes.box_for(InformationFormat.LARGE_PRINT))
    type_into(qtbot, access.large_print_size, "18")
    tick(qtbot, access.professional.boxes.box_for(CommunicationProfessional.BSL_INTERPRETER))
    tick(qtbot, access.meeting.boxes.box_for(MeetingAccessNeed.STEP_FREE))
    type_into(qtbot, access.meeting.notes, "Needs the lift key")
    access.reviewed_today.setFocus()
    qtbot.keyClick(access.reviewed_today, Qt.Key.Key_Space)
    assert editor.has_unsaved_changes()

    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)

    assert not editor.has_unsaved_changes()
    (person,) = services.people.list().items
    assert person.display_name == "Amina Patel"
    assert person.roles == {Role.EXPERT_BY_EXPERIENCE}
    assert person.phone == "07700 900123"
    assert person.needs == AccessNeeds(
        information_formats=frozenset({InformationFormat.EASY_READ, InformationFormat.LARGE_PRINT}),
        large_print_size=18,
        communication_professionals=frozenset({CommunicationProfessional.BSL_INTERPRETER}),
        meeting_access=frozenset({MeetingAccessNeed.STEP_FREE}),
        meeting_access_notes="Needs the lift key",
        reviewed_on=today,
    )
    # The flag shows wherever the person is: the list, the editor's heading.
    assert column(page, "Access needs") == [
        "BSL interpreter, Easy read, Large print 18 pt, Step-free access"
    ]
    assert editor.needs_flag.isVisible() and editor.needs_flag.text() == "Needs"

    # Consent: the form is reached by its tab and filled by keyboard.
    qtbot.keyClick(editor.display_name, Qt.Key.Key_C, ALT)
    consent = editor.consent
    assert editor.tabs.currentIndex() == 2 and consent.form_box.isEnabled()
    assert consent.recorded_by.text() == "Sam Facilitator"
    consent.state.setFocus()
    qtbot.keyClick(consent.state, Qt.Key.Key_Down)
    assert consent.state.currentText() == "Given"
    tick(qtbot, consent.purposes.box_for(ConsentPurpose.TAKING_PART))
    consent.method.setFocus()
    qtbot.keyClicks(consent.method, "Easy")
    assert consent.method.currentText() == "Easy-read form"
    type_into(qtbot, consent.note, "Signed at the welcome meeting")
    assert editor.has_unsaved_changes(), "a decision half entered is an unsaved change"
    qtbot.keyClick(consent.note, Qt.Key.Key_Return, CTRL)

    (decision,) = services.people.consent_history(person.id)
    assert decision == Consent(
        id=decision.id,
        person_id=person.id,
        purpose=ConsentPurpose.TAKING_PART,
        state=ConsentState.GIVEN,
        on=today,
        method=ConsentMethod.EASY_READ_FORM,
        recorded_by="Sam Facilitator",
        note="Signed at the welcome meeting",
    )
    assert not editor.has_unsaved_changes()
    in_force = consent.in_force.model
    assert in_force.index(0, 0).data() == "Taking part and being contacted"
    assert in_force.index(0, 1).data().startswith("Given ")
    assert in_force.index(0, 3).data() == "Sam Facilitator"
    assert consent.history.model.rowCount() == 1

    # A decision entered by mistake is taken back by Undo, and put back by Redo.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.people.consent_history(person.id) == []
    assert in_force.index(0, 1).data() == "None recorded"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert services.people.consent_history(person.id) == [decision]
    assert consent.history.model.index(0, 2).data() == "Given"


def test_braille_with_standard_print_is_refused_beside_the_format_boxes(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)

    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "Ada Brown")
    formats = editor.access.information.boxes
    editor.tabs.setCurrentIndex(1)
    tick(qtbot, formats.box_for(InformationFormat.BRAILLE))
    tick(qtbot, formats.box_for(InformationFormat.STANDARD_PRINT))
    editor.tabs.setCurrentIndex(0)  # the refusal must bring the person back to the boxes
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)

    message = editor.errors.message_for("information_formats")
    assert "'Reads standard print' and 'Braille' contradict each other" in message
    assert editor.access.information.message.isVisible()
    assert editor.tabs.currentIndex() == 1
    assert formats.boxes[0].hasFocus()
    assert services.people.list().total == 0, "nothing saved"
    assert editor.has_unsaved_changes() and editor.display_name.text() == "Ada Brown"

    # Unticking one and saving again works, and the message goes.
    tick(qtbot, formats.box_for(InformationFormat.STANDARD_PRINT))
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)
    assert editor.errors.message_for("information_formats") == ""
    (person,) = services.people.list().items
    assert person.needs.information_formats == {InformationFormat.BRAILLE}


def test_a_large_print_size_without_large_print_is_refused_beside_the_size(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    ada = services.people.create(Person(display_name="Ada"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ada")
    editor.tabs.setCurrentIndex(1)
    type_into(qtbot, editor.access.large_print_size, "20")
    qtbot.keyClick(editor.access.large_print_size, Qt.Key.Key_S, CTRL)
    assert "'Large print' is not ticked" in editor.errors.message_for("large_print_size")
    assert editor.access.large_print_size.hasFocus()
    assert services.people.get(ada.id) == ada
    editor.discard_changes()


def test_a_deleted_person_comes_back_with_their_consents_on_undo(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    kim = services.people.create(Person(display_name="Kim Lo"))
    services.people.create(Person(display_name="Lee Chan"))
    services.groups.add_member(group.id, kim.id, date(2026, 1, 5))
    for purpose in (ConsentPurpose.TAKING_PART, ConsentPurpose.PHOTOGRAPHS):
        services.people.record_consent(
            Consent(person_id=kim.id, purpose=purpose, state=ConsentState.GIVEN, on=date.today())
        )
    history = services.people.consent_history(kim.id)
    window = open_window(services)
    page = people_page(window)
    select(qtbot, page, "Kim Lo")

    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    question = prompts.shown[-1]
    assert question.text.startswith("Delete Kim Lo?")
    assert "2 consent decision(s) and 1 group membership(s)" in question.text
    assert column(page, "Name") == ["Lee Chan"]
    assert services.people.list().total == 1

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert column(page, "Name") == ["Kim Lo", "Lee Chan"]
    assert services.people.get(kim.id).display_name == "Kim Lo"
    assert services.people.consent_history(kim.id) == history
    assert [m.group_id for m in services.groups.memberships_of(kim.id)] == [group.id]

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert column(page, "Name") == ["Lee Chan"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.people.consent_history(kim.id) == history


def test_a_delete_answered_no_keeps_the_person(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    services.people.create(Person(display_name="Kim Lo"))
    window = open_window(services)
    page = people_page(window)
    select(qtbot, page, "Kim Lo")
    prompts.expect_question(False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.people.list().total == 1
    assert column(page, "Name") == ["Kim Lo"]
    assert not window.undo_stack.canUndo()


def test_someone_who_took_part_is_marked_as_left_not_deleted(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    group = services.groups.create(Group(name="Forum"))
    fran = services.people.create(Person(display_name="Fran"))
    services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Spring session",
            starts_at=datetime(2026, 3, 3, 10),
            ends_at=datetime(2026, 3, 3, 12),
            facilitator_ids=(fran.id,),
        )
    )
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Fran")

    prompts.expect_message("error")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    refusal = prompts.shown[-1]
    assert refusal.title == "Cannot delete Fran"
    assert "1 session(s) they facilitated" in refusal.text
    assert "Mark them as left instead" in refusal.text
    assert services.people.get(fran.id).active

    qtbot.keyClick(editor.display_name, Qt.Key.Key_K, ALT)  # Mark as left
    # A button's mnemonic clicks it a moment later, as its press is shown.
    qtbot.waitUntil(lambda: not services.people.get(fran.id).active)
    left = services.people.get(fran.id)
    assert (left.active, left.left_on) == (False, services.people.today())
    assert column(page, "Active") == [f"Left {left.left_on.day} {left.left_on:%b %Y}"]
    assert editor.has_left.isChecked() and not editor.mark_left_button.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    again = services.people.get(fran.id)
    assert (again.active, again.left_on) == (True, None)
    assert column(page, "Active") == ["Active"]
    assert editor.mark_left_button.isEnabled()


def test_unsaved_edits_survive_switching_page_until_saved_or_discarded(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    ray = services.people.create(Person(display_name="Ray"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ray")
    type_into(qtbot, editor.organisation, "Age UK")

    prompts.expect_save_choice("cancel")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page_key == "people"
    assert editor.organisation.text() == "Age UK" and editor.has_unsaved_changes()
    assert "Save the changes to Ray" in prompts.shown[-1].text

    prompts.expect_save_choice("save")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page_key == "sessions"
    assert services.people.get(ray.id).organisation == "Age UK"

    # A consent decision half entered is kept or thrown away the same way.
    page = people_page(window)
    editor.tabs.setCurrentIndex(2)
    type_into(qtbot, editor.consent.note, "Said yes on the phone")
    prompts.expect_save_choice("discard")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert "consent decisions being entered for Ray" in prompts.shown[-1].text
    assert window.current_page_key == "sessions"
    assert services.people.consent_history(ray.id) == []
    assert editor.consent.note.text() == "" and not editor.has_unsaved_changes()


def test_a_consent_decision_without_a_choice_is_asked_for_beside_the_field(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    ray = services.people.create(Person(display_name="Ray"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ray")
    editor.tabs.setCurrentIndex(2)
    # Moving through "Decisions in force" is looking, not entering.
    in_force = editor.consent.in_force.table
    in_force.setFocus()
    qtbot.keyClick(in_force, Qt.Key.Key_Home)
    for _ in range(5):
        qtbot.keyClick(in_force, Qt.Key.Key_Down)
    assert not editor.has_unsaved_changes(), "looking is not entering"
    tick(qtbot, editor.consent.purposes.box_for(ConsentPurpose.PHOTOGRAPHS))
    type_into(qtbot, editor.consent.note, "Thinking about it")
    qtbot.keyClick(editor.consent.note, Qt.Key.Key_Return, CTRL)
    assert "given, refused or withdrawn" in editor.consent.errors.message_for("state")
    assert editor.consent.state.hasFocus()

    prompts.expect_save_choice("save")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page_key == "people", "a refused save keeps the person on the page"
    assert "given, refused or withdrawn" in editor.consent.errors.message_for("state")
    assert services.people.consent_history(ray.id) == []
    assert editor.consent.note.text() == "Thinking about it"
    editor.discard_changes()


def test_a_second_person_with_the_same_name_is_added_only_when_confirmed(
    qtbot: QtBot, open_window: OpenWindow, services: Services, prompts: ScriptedPrompts
) -> None:
    services.people.create(Person(display_name="Mary Jones", organisation="Mencap"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "mary jones")

    prompts.expect_question(False)
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)
    assert prompts.shown[-1].text.startswith(
        "The register already has: Mary Jones (Mencap).\n\nIs mary jones a different person"
    )
    assert "Not added" in editor.errors.message_for("display_name")
    assert services.people.list().total == 1

    prompts.expect_question(True)
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)
    assert services.people.list().total == 2
    assert column(page, "Name") == ["Mary Jones", "mary jones"]


def test_an_edit_and_a_new_person_are_undone_and_redone(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    ray = services.people.create(Person(display_name="Ray"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ray")
    type_into(qtbot, editor.email, "ray@example.org")
    qtbot.keyClick(editor.email, Qt.Key.Key_S, CTRL)
    assert services.people.get(ray.id).email == "ray@example.org"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.people.get(ray.id).email == ""
    assert editor.email.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.email.text() == "ray@example.org"

    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "Sol")
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)
    assert column(page, "Name") == ["Ray", "Sol"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert column(page, "Name") == ["Ray"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert column(page, "Name") == ["Ray", "Sol"]


def test_filters_and_sorting_run_in_the_database(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    today = services.people.today()
    forum = services.groups.create(Group(name="Carers' Forum"))
    old_review = AccessNeeds(
        meeting_access=frozenset({MeetingAccessNeed.QUIET_ROOM}),
        reviewed_on=today - timedelta(days=400),
    )
    ann = services.people.create(
        Person(display_name="Ann", organisation="Mencap", roles=frozenset({Role.UNPAID_CARER}))
    )
    services.people.create(
        Person(
            display_name="Bob",
            organisation="Age UK",
            roles=frozenset({Role.STAFF}),
            needs=old_review,
        )
    )
    cat = services.people.create(Person(display_name="Cat", roles=frozenset({Role.UNPAID_CARER})))
    services.people.archive(cat.id, today)
    services.groups.add_member(forum.id, ann.id)
    window = open_window(services)
    page = people_page(window)
    assert column(page, "Name") == ["Ann", "Bob", "Cat"]

    choose(qtbot, page.role_box, "Unpaid carer")
    assert column(page, "Name") == ["Ann", "Cat"]
    choose(qtbot, page.show_box, "People who left")
    assert column(page, "Name") == ["Cat"]
    assert page.count_label.text() == "1 person"
    choose(qtbot, page.show_box, "Active people")
    assert column(page, "Name") == ["Ann"]
    choose(qtbot, page.show_box, "Everyone")
    choose(qtbot, page.role_box, "All roles")
    choose(qtbot, page.group_box, "Carers' Forum")
    assert column(page, "Name") == ["Ann"]
    choose(qtbot, page.group_box, "All groups")
    tick(qtbot, page.review_box)
    assert column(page, "Name") == ["Bob"]
    assert column(page, "Access needs") == ["Quiet room (review due)"]
    tick(qtbot, page.review_box)

    header = page.table.horizontalHeader()
    organisation = page.model.column_titles().index("Organisation")
    header.setSortIndicator(organisation, Qt.SortOrder.AscendingOrder)
    assert column(page, "Name") == ["Bob", "Ann", "Cat"], "no organisation comes last"
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert column(page, "Name") == ["Cat", "Bob", "Ann"]
    # The sort and the filters go to the service together: what it lists is what is shown.
    choose(qtbot, page.role_box, "Unpaid carer")
    assert column(page, "Name") == ["Cat", "Ann"]
    assert [p.display_name for p in services.people.list(page.filters()).items] == ["Cat", "Ann"]


def test_the_group_filter_follows_new_groups(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = people_page(window)
    assert page.group_box.count() == 1
    services.groups.create(Group(name="Board"))
    window.changes.changed.emit("group")
    assert [page.group_box.itemText(i) for i in range(page.group_box.count())] == [
        "All groups",
        "Board",
    ]


def test_the_editor_lists_the_persons_groups(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    forum = services.groups.create(Group(name="Carers' Forum"))
    board = services.groups.create(Group(name="Board"))
    ann = services.people.create(Person(display_name="Ann"))
    services.groups.add_member(board.id, ann.id, date(2024, 1, 1))
    membership = services.groups.add_member(forum.id, ann.id, date(2025, 2, 1))
    services.groups.end_membership(services.groups.memberships_of(ann.id)[0].id, date(2025, 1, 31))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ann")
    view = editor.memberships
    assert [(e.group_name, e.current) for e in view.entries] == [
        ("Carers' Forum", True),
        ("Board", False),
    ]
    assert view.summary.text() == "Member of Carers' Forum."
    assert view.list.model.index(1, 2).data() == "31 Jan 2025"
    # A change made on the Groups page shows here at once.
    services.groups.end_membership(membership.id, date.today())
    window.changes.changed.emit("membership")
    assert view.summary.text() == "No longer a member of any group."


def test_the_list_and_the_editors_lists_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    page = people_page(window)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)
    editor = editor_of(page)
    with_consent = next(
        row
        for row in range(page.model.rowCount())
        if demo_services.people.consent_history(page.model.record(row).id)
    )
    page.table.selectRow(with_consent)
    for model in (
        editor.consent.in_force.model,
        editor.consent.history.model,
        editor.memberships.list.model,
    ):
        qtmodeltester.check(model, force_py=True)
    assert editor.consent.in_force.model.rowCount() == len(ConsentPurpose)
    assert editor.consent.history.model.rowCount() > 0


def test_every_control_of_the_editor_has_an_accessible_name(
    open_window: OpenWindow, services: Services
) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTableView,
    )

    window = open_window(services)
    page = people_page(window)
    kinds = (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QTabBar,
    )
    unnamed = [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, kinds)
        and not widget.accessibleName()
        # Qt's own parts: a table's corner button, a tab bar's scroll arrows.
        and widget.objectName() != "qt_tableview_cornerbutton"
        and type(widget).__name__ != "QToolButton"
    ]
    assert unnamed == []


def test_two_edits_of_the_same_person_undo_one_after_the_other(
    qtbot: QtBot, open_window: Any, sqlite_database: Database
) -> None:
    from coproduce.domain.records import replace as replace_record

    services = Services(sqlite_database)
    person = services.people.create(Person(display_name="Undo Twice"))
    window = open_window(services)
    editor = window.list_page("people").editor
    first = services.people.update(replace_record(person, organisation="First"))
    editor._push_undo(person, first)  # what a save through the editor pushes
    second = services.people.update(replace_record(first, organisation="Second"))
    editor._push_undo(first, second)

    window.undo_stack.undo()
    assert services.people.get(person.id).organisation == "First"
    window.undo_stack.undo()
    assert services.people.get(person.id).organisation == ""
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert services.people.get(person.id).organisation == "Second"


def test_undo_is_refused_when_someone_else_changed_the_record_since(
    qtbot: QtBot, open_window: Any, sqlite_database: Database, prompts: Any
) -> None:
    from coproduce.domain.records import replace as replace_record

    services = Services(sqlite_database)
    person = services.people.create(Person(display_name="Contested"))
    window = open_window(services)
    editor = window.list_page("people").editor
    mine = services.people.update(replace_record(person, organisation="Mine"))
    editor._push_undo(person, mine)
    services.people.update(replace_record(mine, phone="0123 456"))  # a colleague's save

    prompts.expect_message("error")
    window.undo_stack.undo()

    assert "changed by someone else" in prompts.shown[-1].text
    assert services.people.get(person.id).phone == "0123 456"
    assert services.people.get(person.id).organisation == "Mine"


def test_delete_after_starting_a_new_person_deletes_nobody_and_keeps_the_typing(
    qtbot: QtBot, open_window: Callable[[Services], MainWindow], services: Services
) -> None:
    services.people.create(Person(display_name="Alice"))
    services.people.create(Person(display_name="Bob"))
    window = open_window(services)
    page = people_page(window)
    select(qtbot, page, "Alice")
    editor = editor_of(page)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "Cara New")

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # no row is highlighted: nothing to delete

    assert sorted(p.display_name for p in services.people.list().items) == ["Alice", "Bob"]
    assert editor.record is None and editor.display_name.text() == "Cara New"
    assert editor.has_unsaved_changes()


def test_undo_with_unsaved_typing_asks_first(
    qtbot: QtBot, open_window: Callable[[Services], MainWindow], services: Services, prompts: Any
) -> None:
    services.people.create(Person(display_name="Alice"))
    window = open_window(services)
    page = people_page(window)
    select(qtbot, page, "Alice")
    editor = editor_of(page)
    type_into(qtbot, editor.organisation, "Carers Centre")
    qtbot.keyClick(editor.organisation, Qt.Key.Key_S, CTRL)
    type_into(qtbot, editor.phone, "0123")
    page.table.setFocus()

    prompts.expect_save_choice("cancel")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert services.people.list().items[0].organisation == "Carers Centre", "nothing undone"
    assert editor.phone.text() == "0123" and editor.has_unsaved_changes()

    prompts.expect_save_choice("discard")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert services.people.list().items[0].organisation == ""
    qtbot.waitUntil(lambda: editor.organisation.text() == "")
    assert not editor.has_unsaved_changes()


def test_one_signed_form_records_several_purposes_at_once_as_one_undo_step(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    from coproduce.ui.formats import short_date

    ray = services.people.create(Person(display_name="Ray"))
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    select(qtbot, page, "Ray")
    qtbot.keyClick(editor.display_name, Qt.Key.Key_C, ALT)
    consent = editor.consent
    today = services.people.today()
    # Dates read "7 Dec 2026" here too, never 07/12/2026.
    assert consent.on.text() == short_date(today)

    consent.state.setFocus()
    qtbot.keyClick(consent.state, Qt.Key.Key_Down)
    qtbot.keyClick(consent.state, Qt.Key.Key_P, ALT)  # the first purpose's tick box
    assert consent.purposes.boxes[0].hasFocus()
    qtbot.keyClick(consent.purposes.boxes[0], Qt.Key.Key_Space)
    for purpose in (ConsentPurpose.QUOTED_BY_NAME, ConsentPurpose.PHOTOGRAPHS):
        tick(qtbot, consent.purposes.box_for(purpose))
    choose(qtbot, consent.method, "Easy-read form")
    assert consent.summary.text() == (
        "Given today: taking part and being contacted, being quoted by name, photographs. "
        "How: easy-read form."
    )
    steps = window.undo_stack.count()
    qtbot.keyClick(consent.method, Qt.Key.Key_Return, CTRL)

    history = services.people.consent_history(ray.id)
    assert [(c.purpose, c.state, c.on, c.method) for c in history] == [
        (purpose, ConsentState.GIVEN, today, ConsentMethod.EASY_READ_FORM)
        for purpose in (
            ConsentPurpose.TAKING_PART,
            ConsentPurpose.QUOTED_BY_NAME,
            ConsentPurpose.PHOTOGRAPHS,
        )
    ]
    assert window.undo_stack.count() == steps + 1
    # Ready for the next decisions of the same form: the ticks go, date and way stay.
    assert consent.purposes.chosen() == frozenset()
    assert consent.state.currentIndex() == 0
    assert consent.method.currentText() == "Easy-read form"
    assert not editor.has_unsaved_changes()
    assert consent.history.model.index(0, 0).data() == short_date(today)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.people.consent_history(ray.id) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert services.people.consent_history(ray.id) == history


def test_consent_entered_for_a_new_person_is_recorded_with_them_in_one_undo_step(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "Nia Evans")
    qtbot.keyClick(editor.display_name, Qt.Key.Key_C, ALT)
    consent = editor.consent
    assert consent.unsaved_note.isVisible() and consent.form_box.isEnabled()
    consent.state.setFocus()
    qtbot.keyClick(consent.state, Qt.Key.Key_Down)
    for purpose in (ConsentPurpose.TAKING_PART, ConsentPurpose.STORING_NEEDS):
        tick(qtbot, consent.purposes.box_for(purpose))
    steps = window.undo_stack.count()
    # Ctrl+Enter in the form of a new person saves the person, and the decisions with them.
    qtbot.keyClick(consent.note, Qt.Key.Key_Return, CTRL)

    (person,) = services.people.list().items
    assert person.display_name == "Nia Evans"
    assert [c.purpose for c in services.people.consent_history(person.id)] == [
        ConsentPurpose.TAKING_PART,
        ConsentPurpose.STORING_NEEDS,
    ]
    assert not editor.has_unsaved_changes() and not consent.unsaved_note.isVisible()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Add Nia Evans with their consent"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.people.list().total == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert [c.purpose for c in services.people.consent_history(person.id)] == [
        ConsentPurpose.TAKING_PART,
        ConsentPurpose.STORING_NEEDS,
    ]


def test_a_new_person_is_not_added_with_half_their_consent(
    qtbot: QtBot, open_window: OpenWindow, services: Services
) -> None:
    window = open_window(services)
    page = people_page(window)
    editor = editor_of(page)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    type_into(qtbot, editor.display_name, "Nia Evans")
    editor.tabs.setCurrentIndex(2)
    tick(qtbot, editor.consent.purposes.box_for(ConsentPurpose.PHOTOGRAPHS))  # no answer
    qtbot.keyClick(editor.display_name, Qt.Key.Key_S, CTRL)
    assert services.people.list().total == 0
    assert "given, refused or withdrawn" in editor.consent.errors.message_for("state")
    assert editor.tabs.currentIndex() == 2
    editor.discard_changes()
