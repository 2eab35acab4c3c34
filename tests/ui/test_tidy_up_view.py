"""The tidy-up view, driven by the keyboard on the small demo council: edit the wording, kind,
speaker, agenda item and tags, merge two duplicates, split one in two, delete one, mark the
session written up, and take each step back with Ctrl+Z, checking what the services hold."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import Contribution, Meeting, Response, replace
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    MakingItRealTheme,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.sessions_page import SessionsPage
from coproduce.ui.tidyup import TidyUpView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
windows = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


def just_held(services: Services) -> Meeting:
    """The demo's written-up session with the most contributions, put back to 'held', as
    if the facilitator had just run it."""
    written = [m for m in services.meetings.list().items if m.status is MeetingStatus.WRITTEN_UP]
    meeting = max(written, key=lambda m: said_at(services, m.id or 0).__len__())
    return services.meetings.set_status(meeting.id, MeetingStatus.HELD)


def said_at(services: Services, meeting_id: int) -> list[Contribution]:
    return list(services.contributions.list(ContributionFilter(meeting_id=meeting_id)).items)


def open_view(qtbot: QtBot, services: Services, meeting_id: int) -> TidyUpView:
    context = WindowContext(services, QUndoStack(), DataChanges())
    view = TidyUpView(context, meeting_id)
    # A test that fails half-way through an edit must not fail again on the question asked
    # when the view closes (and hide its real failure).
    qtbot.addWidget(view, before_close_func=lambda w: w.discard_changes())
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def go_to(qtbot: QtBot, view: TidyUpView, row: int) -> None:
    """Move to a row of the list with the arrow keys (selecting only that row)."""
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home, CTRL)
    for _ in range(row):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == row


def duplicates(services: Services, meeting_id: int) -> tuple[int, int]:
    """Rows of two contributions by the same named person, without two different answers."""
    said = said_at(services, meeting_id)
    answers = services.contributions.responses_of([c.id for c in said if c.id])
    speakers = Counter(c.speaker_id for c in said if c.attribution is Attribution.PERSON)
    for speaker, times in speakers.items():
        if times < 2:
            continue
        rows = [r for r, c in enumerate(said) if c.speaker_id == speaker]
        answered = [
            r for r in rows if answers[said[r].id].status is not ResponseStatus.NOT_ANSWERED
        ]
        if len(answered) <= 1:
            return rows[0], rows[1]
    raise AssertionError("the demo has no duplicates to merge")


@windows
def test_the_whole_tidy_up_works_from_the_keyboard_and_each_step_undoes(
    qtbot: QtBot, demo_services: Services, prompts: Any
) -> None:
    services = demo_services
    meeting = just_held(services)
    before = said_at(services, meeting.id)
    view = open_view(qtbot, services, meeting.id)
    assert view.model.rowCount() == len(before)
    assert view.count_label.text() == f"{len(before)} contributions"

    # Edit the first contribution's wording, kind, speaker, agenda item and a theme.
    go_to(qtbot, view, 0)
    first = before[0]
    assert view.editor.record == first
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    assert view.editor.text_box.hasFocus()
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(view.editor.text_box, "Share the assessment with the GP")
    qtbot.keyClick(view, Qt.Key.Key_E, ALT)
    # The example council's contributions have easy words already: replace them.
    qtbot.keyClick(view.editor.easy_read_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(view.editor.easy_read_box, "Tell the doctor")
    qtbot.keyClick(view, Qt.Key.Key_K, ALT)
    qtbot.keyClicks(view.editor.kind_box, "Q")
    qtbot.keyClick(view, Qt.Key.Key_P, ALT)
    qtbot.keyClicks(view.editor.speaker_box, "The")
    qtbot.keyClick(view, Qt.Key.Key_I, ALT)
    qtbot.keyClick(view.editor.item_box, Qt.Key.Key_Home)  # "No agenda item"
    qtbot.keyClick(view.editor.item_box, Qt.Key.Key_Down)  # the first item
    qtbot.keyClick(view, Qt.Key.Key_R, ALT)
    theme_ticked = MakingItRealTheme.WELLBEING_AND_INDEPENDENCE in first.themes
    qtbot.keyClick(view.editor.themes, Qt.Key.Key_Home)
    qtbot.keyClick(view.editor.themes, Qt.Key.Key_Space)
    qtbot.keyClick(view.editor.themes, Qt.Key.Key_S, CTRL)

    edited = services.contributions.get(first.id)
    first_item = services.meetings.agenda(meeting.id)[0]
    assert (edited.text, edited.easy_read, edited.kind) == (
        "Share the assessment with the GP",
        "Tell the doctor",
        ContributionKind.QUESTION,
    )
    assert (edited.attribution, edited.speaker_id) == (Attribution.WHOLE_GROUP, None)
    assert edited.agenda_item_id == first_item.id
    assert (MakingItRealTheme.WELLBEING_AND_INDEPENDENCE in edited.themes) is not theme_ticked
    assert view.model.record(0).source == "The whole group"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert replace(services.contributions.get(first.id), version=0) == replace(first, version=0)

    # Merge two contributions by the same person: select one, Ctrl+arrows and Ctrl+Space
    # add the other, Ctrl+M merges.
    one, two = duplicates(services, meeting.id)
    go_to(qtbot, view, one)
    for _ in range(two - one):
        qtbot.keyClick(view.table, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Space, CTRL)
    assert [c.id for c in view.selected_contributions()] == [before[one].id, before[two].id]
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL)

    now = said_at(services, meeting.id)
    assert len(now) == len(before) - 1
    merged = services.contributions.get(before[one].id)
    assert merged.text == f"{before[one].text.strip()}\n{before[two].text.strip()}"
    assert before[two].id not in {c.id for c in now}
    assert "Merged 2 contributions into one" in view.message.text()
    assert view.editor.record == merged
    assert view.panel.contribution_id == merged.id
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert [c.text for c in said_at(services, meeting.id)] == [c.text for c in before]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: merged again
    assert services.contributions.get(before[one].id).text == merged.text
    assert len(said_at(services, meeting.id)) == len(before) - 1
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert [c.id for c in said_at(services, meeting.id)] == [c.id for c in before]

    # Split the last one where the cursor stands: after its first word.
    last = len(before) - 1
    go_to(qtbot, view, last)
    whole = before[last]
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_Right, CTRL)  # after the first word
    cut = view.editor.text_box.textCursor().position()
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_T, CTRL)
    now = said_at(services, meeting.id)
    assert [c.text for c in now[-2:]] == [whole.text[:cut].strip(), whole.text[cut:].strip()]
    assert view.editor.record == now[-1]  # the new second part is shown
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_Z, CTRL)
    assert said_at(services, meeting.id)[-1].text == whole.text

    # Delete one with the Delete key (asked once), then put it back.
    go_to(qtbot, view, 1)
    prompts.expect_question(True)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Its links and any response go with it" in prompts.shown[-1].text
    assert before[1].id not in {c.id for c in said_at(services, meeting.id)}
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert [c.id for c in said_at(services, meeting.id)] == [c.id for c in before]

    # Mark the session written up (it says what is still to answer first), plainly shown;
    # Ctrl+Z takes it back to 'held'.
    assert view.status_label.text() == "Status: Held. Not written up yet."
    prompts.expect_go_on(True)
    qtbot.keyClick(view.table, Qt.Key.Key_U, CTRL | SHIFT)
    assert "have no answer yet" in prompts.shown[-1].text
    assert services.meetings.get(meeting.id).status is MeetingStatus.WRITTEN_UP
    assert view.status_label.text() == "Written up: this session's record is tidied."
    assert not view.written_up_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert services.meetings.get(meeting.id).status is MeetingStatus.HELD
    assert view.written_up_button.isEnabled()


@windows
def test_merging_words_of_two_speakers_is_refused_with_their_names(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    said = said_at(demo_services, meeting.id)
    first = next(r for r, c in enumerate(said) if c.attribution is Attribution.PERSON)
    other = next(
        r
        for r, c in enumerate(said)
        if r > first
        and c.attribution is Attribution.PERSON
        and c.speaker_id != said[first].speaker_id
    )
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, first)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    for _ in range(other - first - 1):
        qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL)
    names = [demo_services.people.get(said[r].speaker_id).display_name for r in (first, other)]
    assert "different speakers" in view.message.text()
    assert all(name in view.message.text() for name in names)
    assert len(said_at(demo_services, meeting.id)) == len(said)


@windows
def test_the_filter_shows_one_agenda_item_and_the_list_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    view = open_view(qtbot, demo_services, meeting.id)
    qtmodeltester.check(view.model, force_py=True)
    said = said_at(demo_services, meeting.id)
    agenda = demo_services.meetings.agenda(meeting.id)
    position, item = next(
        (p, i)
        for p, i in enumerate(agenda)
        if any(c.agenda_item_id == i.id for c in said) and p > 0
    )
    expected = [c.id for c in said if c.agenda_item_id == item.id]
    qtbot.keyClick(view, Qt.Key.Key_F, ALT)
    assert view.item_filter.hasFocus()
    for _ in range(position + 1):  # past "All agenda items"
        qtbot.keyClick(view.item_filter, Qt.Key.Key_Down)
    assert view.count_label.text().startswith(f"{len(expected)} contribution")
    assert [view.model.record(r).contribution.id for r in range(view.model.rowCount())] == expected
    assert all(view.model.record(r).item.endswith(item.title) for r in range(len(expected)))


@windows
def test_ctrl_shift_t_on_the_sessions_page_opens_the_tidy_up(
    qtbot: QtBot, open_window: Callable[[Services], MainWindow], demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    window = open_window(demo_services)
    page = window.page("sessions")
    assert isinstance(page, SessionsPage)
    window.show_page("sessions")
    page.table.setFocus()
    row = [page.model.record(r).meeting.id for r in range(page.model.rowCount())].index(meeting.id)
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.waitUntil(lambda: page.detail.meeting is not None)
    assert "Tidy up after the session" in window.keyboard_shortcuts_text()
    qtbot.keyClick(page.table, Qt.Key.Key_T, CTRL | SHIFT)
    view = page.tidy_up_view
    assert view is not None and view.isVisible()
    assert view.windowTitle() == f"Tidy up: {meeting.title}"
    page.tidy_up_session()  # asked again for the same session: the same window comes forward
    assert page.tidy_up_view is view
    view.close()
    qtbot.waitUntil(lambda: page.tidy_up_view is None)


@windows
def test_a_speaker_can_be_kept_anonymous_and_the_view_says_how_outputs_show_them(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    said = said_at(demo_services, meeting.id)
    row = next(r for r, c in enumerate(said) if c.attribution is Attribution.PERSON)
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, row)
    assert view.editor.shown_as.text().startswith("Outputs show: ")
    qtbot.keyClick(view, Qt.Key.Key_N, ALT)  # a mnemonic clicks its box a moment later
    qtbot.waitUntil(view.editor.anonymous_box.isChecked)
    assert view.editor.shown_as.text() == "Outputs show: A group member said"
    qtbot.keyClick(view.editor.anonymous_box, Qt.Key.Key_S, CTRL)
    saved = demo_services.contributions.get(said[row].id)
    assert (saved.attribution, saved.speaker_id) == (Attribution.ANONYMOUS, said[row].speaker_id)
    name = demo_services.people.get(said[row].speaker_id).display_name
    assert view.model.record(row).source == f"Anonymous ({name})"


@windows
def test_the_links_and_response_beside_the_list_follow_the_chosen_contribution(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    said = said_at(demo_services, meeting.id)
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, 2)
    qtbot.keyClick(view.table, Qt.Key.Key_2, ALT)
    assert view.details.currentWidget() is view.responses
    assert view.responses.currentWidget() is view.panel
    assert view.panel.contribution_id == said[2].id
    assert view.panel.isVisible() and not view.editor.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    assert view.table.hasFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.panel.contribution_id == said[3].id
    assert view.editor.record == said[3]
    qtbot.keyClick(view.table, Qt.Key.Key_1, ALT)
    assert view.editor.text_box.hasFocus()


@windows
def test_undo_in_the_tidy_up_settles_the_typing_not_saved_yet_first(
    qtbot: QtBot, demo_services: Services, prompts: Any
) -> None:
    meeting = just_held(demo_services)
    first = said_at(demo_services, meeting.id)[0]
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(view.editor.text_box, "First saved edit")
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, ", and ten minutes of typing")
    typed = "First saved edit, and ten minutes of typing"

    # Cancel: nothing is undone and the typing stays.
    view.table.setFocus()
    prompts.expect_save_choice("cancel")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert "Save the changes to 'First saved edit'" in prompts.shown[-1].text
    assert demo_services.contributions.get(first.id).text == "First saved edit"
    assert view.editor.text_box.toPlainText() == typed

    # Save: the typing is kept, and the undo takes back that save, not the one before it.
    prompts.expect_save_choice("save")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert demo_services.contributions.get(first.id).text == "First saved edit"
    assert view.editor.text_box.toPlainText() == "First saved edit"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: nothing to settle
    assert demo_services.contributions.get(first.id).text == typed

    # Discard: the editor shows what the database holds after the undo, and saves again.
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " (thrown away)")
    view.table.setFocus()
    prompts.expect_save_choice("discard")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert demo_services.contributions.get(first.id).text == "First saved edit"
    assert view.editor.text_box.toPlainText() == "First saved edit"
    assert not view.has_unsaved_changes()
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " again")
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_S, CTRL)  # no conflict
    assert demo_services.contributions.get(first.id).text == "First saved edit again"


@windows
def test_may_leave_editing_asks_once_about_the_typing_for_the_main_windows_undo(
    qtbot: QtBot, demo_services: Services, prompts: Any
) -> None:
    meeting = just_held(demo_services)
    first = said_at(demo_services, meeting.id)[0]
    view = open_view(qtbot, demo_services, meeting.id)
    assert view.may_leave_editing()  # nothing typed: nothing asked
    go_to(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " Typed")
    prompts.expect_save_choice("cancel")
    assert not view.may_leave_editing()
    prompts.expect_save_choice("save")
    assert view.may_leave_editing()
    assert demo_services.contributions.get(first.id).text == first.text + " Typed"


@windows
def test_a_refused_delete_keeps_the_typing_and_a_done_one_says_it_goes(
    qtbot: QtBot, demo_services: Services, prompts: Any
) -> None:
    meeting = just_held(demo_services)
    said = said_at(demo_services, meeting.id)
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " Typed")
    # Someone else changes it meanwhile: the delete is refused.
    demo_services.contributions.update(replace(said[1], kind=ContributionKind.PRAISE))
    view.table.setFocus()
    prompts.expect_question(True)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "The changes you have not saved to it go too." in prompts.shown[-1].text
    assert said[1].id in {c.id for c in said_at(demo_services, meeting.id)}
    assert view.message.text()  # why it was refused
    assert view.editor.text_box.toPlainText() == said[1].text + " Typed"
    assert view.editor.has_unsaved_changes()

    # Answer No: nothing deleted, the typing still there.
    prompts.expect_question(False)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.editor.text_box.toPlainText() == said[1].text + " Typed"

    # Yes with an up-to-date list: deleted, and nothing more is asked about the typing.
    prompts.expect_question(True)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert said[1].id not in {c.id for c in said_at(demo_services, meeting.id)}
    assert not view.has_unsaved_changes()
    assert view.editor.record is not None and view.editor.record.id == said[2].id


@windows
def test_split_cuts_where_the_cursor_is_after_emoji_and_other_astral_characters(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    said = said_at(demo_services, meeting.id)
    first = "We love 🚌👩🏽‍🦯 buses 𝄞𠀋 and 😀."
    demo_services.contributions.update(replace(said[0], text=f"{first} Second idea here"))
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    for _ in range(3):  # to the start of "here", "idea", "Second"
        qtbot.keyClick(view.editor.text_box, Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_T, CTRL)
    now = said_at(demo_services, meeting.id)
    assert [c.text for c in now[:2]] == [first, "Second idea here"]
    # Typed and not saved: saved first, then cut where the cursor is in the typed words.
    go_to(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_W, ALT)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.text_box, " More")
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(view.editor.text_box, Qt.Key.Key_T, CTRL)
    now = said_at(demo_services, meeting.id)
    assert now[0].text == first
    assert sorted(c.text for c in now[1:3]) == ["More", "Second idea here"]


def pick(qtbot: QtBot, combo: Any, text: str) -> None:
    """Choose ``text`` in a list box by keyboard: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def answered_column(view: TidyUpView) -> int:
    titles = view.model.column_titles()
    return titles.index("Answered / fed back")


@windows
def test_several_chosen_rows_get_one_response_in_one_undo_step_and_split_is_off(
    qtbot: QtBot, demo_services: Services
) -> None:
    services = demo_services
    meeting = just_held(services)
    said = said_at(services, meeting.id)
    view = open_view(qtbot, services, meeting.id)
    go_to(qtbot, view, 0)
    assert view.details.tabText(1) == "Links and response"
    assert view.split_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    chosen = [c.id for c in said[:3]]
    before = services.contributions.responses_of(chosen)

    # The panel says it is for the three, and Split (one contribution) is off.
    assert [c.id for c in view.selected_contributions()] == chosen
    assert view.details.tabText(1) == "Respond to these 3"
    assert view.several_note.isVisible()
    assert view.several_note.text().startswith("3 contributions chosen.")
    assert not view.split_button.isEnabled() and view.merge_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_T, CTRL)
    assert len(said_at(services, meeting.id)) == len(said)  # nothing split
    assert "choose only the one to split" in view.message.text()

    qtbot.keyClick(view.table, Qt.Key.Key_2, ALT)
    many = view.many
    assert many.isVisible() and many.fields.status_field.hasFocus()
    assert many.chosen_list.count() == 3
    assert many.respond_button is not None and many.respond_button.text() == "Respon&d to these 3"
    pick(qtbot, many.fields.status_field, "Already happening")
    many.fields.text_field.setFocus()
    qtbot.keyClicks(many.fields.text_field, "Weekend breaks start in April.")
    steps = view._context.undo_stack.count()
    with qtbot.waitSignal(many.respond_button.clicked):  # Alt+D clicks it a moment later
        qtbot.keyClick(many.fields.text_field, Qt.Key.Key_D, ALT)

    after = services.contributions.responses_of(chosen)
    assert {(r.status, r.text) for r in after.values()} == {
        (ResponseStatus.ALREADY_HAPPENING, "Weekend breaks start in April.")
    }
    assert view._context.undo_stack.count() == steps + 1
    assert [c.id for c in view.selected_contributions()] == chosen  # still the three
    column = answered_column(view)
    assert {view.model.index(row, column).data() for row in range(3)} <= {
        "Answered",
        "Answered, fed back",
    }
    assert view.message.text() == "Responded to 3 contributions. Ctrl+Z undoes it for all of them."

    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    undone = services.contributions.responses_of(chosen)
    assert [undone[c].status for c in chosen] == [before[c].status for c in chosen]
    assert [undone[c].text for c in chosen] == [before[c].text for c in chosen]


@windows
def test_the_list_says_whether_each_was_answered_and_fed_back(
    qtbot: QtBot, demo_services: Services
) -> None:
    services = demo_services
    meeting = just_held(services)
    said = said_at(services, meeting.id)
    answers = services.contributions.responses_of([c.id for c in said])
    view = open_view(qtbot, services, meeting.id)
    column = answered_column(view)

    def expected(response: Any) -> str:
        if response.status is ResponseStatus.NOT_ANSWERED:
            return "Not yet"
        answered = "Answered" if response.status.is_answer else "Considering"
        return f"{answered}, fed back" if response.fed_back_on else answered

    shown = [view.model.index(row, column).data() for row in range(len(said))]
    assert shown == [expected(answers[c.id]) for c in said]
    assert {"Not yet", "Answered, fed back"} <= set(shown)  # the example has both
    fed = next(row for row, text in enumerate(shown) if text == "Answered, fed back")
    tooltip = view.model.index(fed, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "; fed back " in tooltip and answers[said[fed].id].status.label in tooltip


def future_session(services: Services) -> Meeting:
    from datetime import datetime, timedelta

    from coproduce.domain.records import Group

    group = services.groups.create(Group(name="Carers' Forum"))
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=30)
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Next month's forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )


@windows
def test_a_session_not_started_yet_is_marked_written_up_only_after_asking(
    qtbot: QtBot, services: Services, prompts: Any
) -> None:
    meeting = future_session(services)
    view = open_view(qtbot, services, meeting.id)

    prompts.expect_go_on(False)
    qtbot.keyClick(view.table, Qt.Key.Key_U, CTRL | SHIFT)
    assert "it has not started yet" in prompts.shown[-1].text
    assert services.meetings.get(meeting.id).status is MeetingStatus.PLANNED
    assert view.message.text() == "Not marked written up."

    prompts.expect_go_on(True)
    qtbot.keyClick(view.table, Qt.Key.Key_U, CTRL | SHIFT)
    assert services.meetings.get(meeting.id).status is MeetingStatus.WRITTEN_UP


@windows
def test_a_session_with_everything_answered_and_fed_back_is_marked_without_a_question(
    qtbot: QtBot, demo_services: Services
) -> None:
    from datetime import date

    from coproduce.domain.vocabulary import FeedbackMethod

    services = demo_services
    meeting = just_held(services)
    ids = [c.id for c in said_at(services, meeting.id)]
    services.contributions.respond_to_many(
        ids, Response(contribution_id=0, status=ResponseStatus.ALREADY_HAPPENING)
    )
    services.contributions.mark_fed_back(ids, date(2026, 10, 1), FeedbackMethod.LETTER)
    view = open_view(qtbot, services, meeting.id)
    qtbot.keyClick(view.table, Qt.Key.Key_U, CTRL | SHIFT)  # no prompt is scripted
    assert services.meetings.get(meeting.id).status is MeetingStatus.WRITTEN_UP


def test_going_on_is_never_the_default_of_the_question(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coproduce.ui.prompts import go_on_box

    box = go_on_box(
        None,
        "Mark the session written up?",
        "Not started",
        go_on="Mark written up",
        go_back="Go back",
    )
    qtbot.addWidget(box)
    go_on, back = box.buttons()
    assert (go_on.text(), back.text()) == ("Mark written up", "Go back")
    assert box.defaultButton() is back and box.escapeButton() is back
    assert box.buttonRole(go_on) is QMessageBox.ButtonRole.AcceptRole


def tab_ring(qtbot: QtBot, view: TidyUpView) -> list[str]:
    """Tab from the list until the keyboard is back in it; the names of what it visited."""
    from PySide6.QtWidgets import QApplication

    view.table.setFocus()
    visited: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None and view.isAncestorOf(widget), "Tab left the view"
        if widget is view.table:
            return visited
        visited.append(widget.accessibleName())
    raise AssertionError(f"Tab never came back to the list: {visited[-8:]}")


@windows
def test_tab_goes_round_the_tidy_up_reaching_mark_written_up_and_the_filter(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting = just_held(demo_services)
    view = open_view(qtbot, demo_services, meeting.id)
    go_to(qtbot, view, 0)
    one = tab_ring(qtbot, view)
    assert "Mark session written up" in one
    assert one[-1] == "Show the contributions of which agenda item"
    assert "Merge the selected contributions into one" not in one  # off for one row

    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_2, ALT)
    several = tab_ring(qtbot, view)
    assert "Merge the selected contributions into one" in several
    assert "Status" in several
    assert "Save this response for the 2 chosen contributions" in several
    assert "Mark session written up" in several
