"""Tidy up after the session: every contribution of one session, in the order captured, and
the tools to make the record right before it goes anywhere.

The list narrows to one agenda item. Beside it the selected contribution's wording, easy-read
wording, kind, speaker, agenda item and tags are edited (Ctrl+S saves). Several selected
contributions merge into one (Ctrl+M); one splits in two where the cursor stands in its
wording (Ctrl+T); Delete deletes the selected one. Space in the list puts the selected
contributions into the session's easy-read summary ("What you told us"), or takes them out;
the list marks them and counts them. A column says whether each has been answered and fed
back. With several rows chosen, "Links and response" becomes "Respond to these N": one
response for all of them, saved as one undo step (Split is for one contribution only).
"Mark session written up" (Ctrl+Shift+U) says the tidy-up is done; it first says how many
contributions still have no answer or have not been fed back, and asks before marking a
session that has not started yet. Every step is undone with Ctrl+Z and redone with
Ctrl+Shift+Z, each through the services, which refuse an undo when someone changed the records
meanwhile; typing not saved yet is settled first (save, discard or cancel), as in the main
window.

Keys: Ctrl+L the list, Alt+F the agenda item filter, Alt+1 the wording, speaker and tags
(Alt+W the wording itself), Alt+2 the links and response; Ctrl+W closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.attribution import source_words
from coproduce.domain.errors import ConflictError, CoproduceError
from coproduce.domain.records import Contribution, Meeting, Page, Response, replace
from coproduce.domain.validation import clean_text
from coproduce.domain.vocabulary import MeetingStatus, ResponseStatus
from coproduce.services.contributions import (
    ContributionFilter,
    DeletedContribution,
    MergedContributions,
    SplitContribution,
)
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of, session_time, short_date
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.responses.panel import ContributionPanel
from coproduce.ui.responses.respond_to_many import RespondToManyForm
from coproduce.ui.tidyup.contribution_editor import ContributionEditor
from coproduce.ui.widgets.scrolling import scroller_for
from coproduce.ui.widgets.text import heading_label, muted

DONE = (MeetingStatus.WRITTEN_UP, MeetingStatus.SUMMARY_SHARED)
WORDS = 5


@dataclass(frozen=True, slots=True)
class TidyEntry:
    """One line of the list: a contribution with its agenda item and speaker in words."""

    contribution: Contribution
    item: str
    source: str
    response: Response | None = None
    """Its response (None: not read, shown as not answered)."""


class TidyUpView(QWidget):
    """The tidy-up view of one session (``meeting_id``), usually in a window of its own.

    Beside the editor, the ``ContributionPanel`` shows the selected contribution's links to
    documents and its response ("You said, we did").
    """

    def __init__(
        self,
        context: WindowContext,
        meeting_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._meeting_id = meeting_id
        self._shown_id: int | None = None
        self._sized = False
        self._item_titles: dict[int, str] = {}
        self.meeting: Meeting = self._services.meetings.get(meeting_id)
        self.setWindowTitle(self.tr("Tidy up: %s") % self.meeting.title)
        self.setAccessibleName(self.tr("Tidy up after the session"))

        # --- heading and status ----------------------------------------------------------
        self.heading = heading_label(self.tr("Tidy up: %s") % self.meeting.title)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.when_label = QLabel(session_time(self.meeting.starts_at))
        self.when_label.setAccessibleName(self.tr("When"))
        muted(self.when_label)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Session status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.written_up_button = QPushButton(self.tr("Mark session written up (Ctrl+Shift+U)"))
        self.written_up_button.setAccessibleName(self.tr("Mark session written up"))
        self.written_up_button.setAutoDefault(False)
        self.written_up_button.clicked.connect(self.mark_written_up)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.when_label)
        top.addLayout(titles, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.written_up_button)

        # --- list ------------------------------------------------------------------------
        self.item_filter = QComboBox()
        self.item_filter.setAccessibleName(self.tr("Show the contributions of which agenda item"))
        filter_label = QLabel(self.tr("&Filter by agenda item:"))
        filter_label.setBuddy(self.item_filter)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("How many contributions are listed"))
        muted(self.count_label)
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName(
            self.tr("How many contributions are chosen for the easy-read summary")
        )
        self.summary_label.setToolTip(
            self.tr("Space in the list puts the selected contributions in the summary or out")
        )
        muted(self.summary_label)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        filters.addWidget(self.item_filter, 1)
        filters.addWidget(self.count_label)
        filters.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        filters.addWidget(self.summary_label)

        self.model: RecordTableModel[TidyEntry] = RecordTableModel(
            (
                Column(self.tr("Time"), lambda e: _time(e.contribution)),
                Column(self.tr("Agenda item"), lambda e: e.item),
                Column(self.tr("Speaker"), lambda e: e.source),
                Column(self.tr("Kind"), lambda e: e.contribution.kind.label),
                Column(
                    self.tr("Summary"),
                    lambda e: self.tr("Yes") if e.contribution.in_summary else "",
                    tooltip=lambda e: (
                        self.tr("In the easy-read summary")
                        if e.contribution.in_summary
                        else self.tr("Not in the easy-read summary (Space puts it in)")
                    ),
                ),
                Column(
                    self.tr("Answered / fed back"),
                    self._answer_words,
                    tooltip=self._answer_tooltip,
                ),
                Column(
                    self.tr("What was said"),
                    lambda e: " ".join(e.contribution.text.split()),
                    tooltip=lambda e: e.contribution.text,
                ),
            ),
            self._load,
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Contributions, in the order captured"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        width = self.fontMetrics().averageCharWidth()
        for column, characters in enumerate((6, 18, 14, 9, 8, 19)):
            header.resizeSection(column, characters * width + 16)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        list_label = QLabel(
            self.tr(
                "Contributions in the order captured (Ctrl+L): Shift or Ctrl with the arrows "
                "selects several; Space puts the selected ones in the easy-read summary or out"
            )
        )
        list_label.setBuddy(self.table)
        list_label.setWordWrap(True)

        self.merge_button = QPushButton(self.tr("Merge (Ctrl+M)"))
        self.merge_button.setAccessibleName(self.tr("Merge the selected contributions into one"))
        self.split_button = QPushButton(self.tr("Split (Ctrl+T)"))
        self.split_button.setAccessibleName(
            self.tr("Split the contribution in two where the cursor is in its wording")
        )
        self.delete_button = QPushButton(self.tr("Delete (Del)"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected contribution"))
        self.merge_button.setToolTip(self.tr("Merge the selected contributions into one"))
        self.split_button.setToolTip(
            self.tr("Split the contribution in two where the cursor is in its wording")
        )
        for button in (self.merge_button, self.split_button, self.delete_button):
            button.setAutoDefault(False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_at_cursor)
        self.delete_button.clicked.connect(self.delete_selected)
        tools = QHBoxLayout()
        tools.addWidget(self.merge_button)
        tools.addWidget(self.split_button)
        tools.addWidget(self.delete_button)
        tools.addStretch(1)

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Tidy-up message"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(list_label)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(tools)
        list_layout.addWidget(self.message)

        # --- editor and the links/response panel -----------------------------------------
        # Both are as tall as the window: side by side they would squeeze the list's words
        # out of sight on a laptop, so they share the space beside it as two tabs.
        self.editor = ContributionEditor(context, meeting_id)
        self.panel = ContributionPanel(context)
        # Several rows chosen: one response for all of them, in the panel's place.
        self.many = RespondToManyForm(context, with_button=True)
        self.many.setAccessibleName(self.tr("One response for the chosen contributions"))
        self.many.responded.connect(self._responded_to_many)
        self.responses = QStackedWidget()
        self.responses.addWidget(self.panel)
        self.responses.addWidget(self.many)
        self.details = QTabWidget()
        self.details.setDocumentMode(True)
        self.details.setAccessibleName(self.tr("The selected contribution"))
        self.details.tabBar().setAccessibleName(self.tr("Parts of the selected contribution"))
        # The wording's tab scrolls: with the checker's findings it is taller than a laptop.
        self.editor_page = scroller_for(self.editor, self.tr("Wording, speaker and tags"))
        self.details.addTab(self.editor_page, self.tr("Wording, speaker and tags"))
        self.details.addTab(self.responses, self.tr("Links and response"))
        self.several_note = QLabel()
        self.several_note.setWordWrap(True)
        self.several_note.setAccessibleName(self.tr("Several contributions chosen"))
        self.several_note.hide()
        # Under the list (whose height gives), not over the details (whose height is what
        # the window needs at least).
        list_layout.insertWidget(list_layout.indexOf(self.message), self.several_note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.splitter, 1)

        # --- keys ------------------------------------------------------------------------
        self._add_key(self.tr("Merge the selected contributions"), "Ctrl+M", self.merge_selected)
        self._add_key(
            self.tr("Split the contribution at the cursor"), "Ctrl+T", self.split_at_cursor
        )
        self._add_key(self.tr("Mark session written up"), "Ctrl+Shift+U", self.mark_written_up)
        # The list has no Alt key: the links and response beside it use most of the letters.
        self._add_key(
            self.tr("Go to the list of contributions"),
            "Ctrl+L",
            lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        for index in range(self.details.count()):
            title = self.details.tabText(index)
            self.details.setTabToolTip(index, self.tr("%s (Alt+%d)") % (title, index + 1))
            self._add_key(
                self.tr("Show the %s") % title.lower(),
                f"Alt+{index + 1}",
                lambda i=index: self.open_tab(i),
            )
        delete = QAction(self.tr("Delete the selected contribution"), self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        # Space, as in the tag lists beside it, where it ticks and unticks the line.
        summary = QAction(
            self.tr("Put the selected contributions in the easy-read summary, or take them out"),
            self.table,
        )
        summary.setShortcut(QKeySequence(Qt.Key.Key_Space))
        summary.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        summary.triggered.connect(lambda _checked=False: self.toggle_summary())
        self.table.addAction(summary)
        # Opened as its own window, the view needs its own undo, redo and close keys.
        self._window_keys = [
            self._add_key(self.tr("Undo"), "Ctrl+Z", lambda: self._step(context.undo_stack.undo)),
            self._add_key(
                self.tr("Redo"), "Ctrl+Shift+Z", lambda: self._step(context.undo_stack.redo)
            ),
            self._add_key(self.tr("Close the tidy-up"), "Ctrl+W", self.close),
        ]
        for box in (self.editor.text_box, self.editor.easy_read_box):
            box.installEventFilter(self)

        # --- signals ---------------------------------------------------------------------
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.reloaded.connect(self._reloaded)
        self.model.load_failed.connect(self.message.setText)
        self.item_filter.currentIndexChanged.connect(lambda _index: self.model.reload())
        self.editor.saved.connect(lambda record: self._reload_showing(record.id))
        context.changes.changed.connect(self._records_changed)

        QWidget.setTabOrder(self.written_up_button, self.item_filter)
        QWidget.setTabOrder(self.item_filter, self.table)
        QWidget.setTabOrder(self.table, self.merge_button)
        QWidget.setTabOrder(self.merge_button, self.split_button)
        QWidget.setTabOrder(self.split_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.editor.text_box)
        # The list takes the keyboard first (showEvent), but is not the view's focus proxy:
        # Tab from the last control would go through the view to the list and never reach
        # "Mark session written up" and the filter.

        self._fill_item_filter()
        self._show_status()
        self.model.reload()

    # --- what the window and tests use ---------------------------------------------------

    @property
    def meeting_id(self) -> int:
        return self._meeting_id

    def selected_contributions(self) -> list[Contribution]:
        """The selected contributions, in list (capture) order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.record(row) for row in rows]
        return [entry.contribution for entry in found if entry is not None]

    def show_contribution(self, contribution_id: int) -> bool:
        """Select the contribution in the list (clearing the filter when it is hidden)."""
        for row in range(self.model.rowCount()):
            entry = self.model.record(row)
            if entry is not None and entry.contribution.id == contribution_id:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def open_contribution(self, contribution_id: int) -> bool:
        """Show one contribution selected, alone, in the list (clearing the agenda item filter
        when it hides it), with its wording beside it and the keyboard in the list. False
        when it is not in this session, or the person kept typing elsewhere."""
        if not self.show_contribution(contribution_id):
            if self.item_filter.currentIndex() != 0:
                self.item_filter.setCurrentIndex(0)
            if not self.show_contribution(contribution_id):
                return False
        if self._shown_id != contribution_id:  # the person stayed with unsaved typing
            return False
        self.details.setCurrentIndex(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_tab(self, index: int) -> None:
        """Bring the wording (0) or the links and response (1) forward, keyboard in it."""
        self.details.setCurrentIndex(index)
        part = self.details.currentWidget()
        if part is self.editor_page:
            self.editor.text_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        if self.responses.currentWidget() is self.many:
            self.many.fields.status_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = part.nextInFocusChain()
        while widget is not part and part.isAncestorOf(widget):
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.details.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- merge, split, delete ------------------------------------------------------------

    def merge_selected(self) -> None:
        chosen = self.selected_contributions()
        if len(chosen) < 2:
            self._say(
                self.tr(
                    "Select two or more contributions to merge: hold Shift or Ctrl while you "
                    "move in the list (Ctrl+Space adds the one under the cursor)."
                )
            )
            return
        if not self._may_leave():
            return
        services = self._services.contributions
        ids = [c.id for c in chosen if c.id is not None]
        try:
            merged = services.merge(ids, {c.id: c.version for c in chosen if c.id is not None})
        except CoproduceError as error:
            self._say(str(error))
            return
        kept: dict[str, MergedContributions] = {"latest": merged}

        def redo() -> None:
            kept["latest"] = services.merge(ids)

        self._push(
            self.tr("Merge %s") % count_of(len(ids), "contribution"),
            undo=lambda: services.unmerge(kept["latest"]),
            redo=redo,
        )
        words = self.tr("Merged %s into one. Ctrl+Z undoes it.") % count_of(
            len(ids), "contribution"
        )
        self._say(" ".join([words, *merged.notes]))
        self._reload_showing(merged.merged.id)

    def split_at_cursor(self) -> None:
        record = self.editor.record
        if record is None or record.id is None:
            self._say(self.tr("Choose a contribution to split first."))
            return
        if len(self.table.selectionModel().selectedRows()) > 1:
            self._say(
                self.tr("Several are chosen: choose only the one to split (an arrow key alone).")
            )
            return
        if self.details.currentWidget() is not self.editor_page:
            self.open_tab(0)
            self._say(
                self.tr("Put the cursor where the second part starts, then press Ctrl+T again.")
            )
            return
        # Qt counts the cursor in UTF-16 units, the services in characters: an emoji is two
        # of the first and one of the second.
        typed = self.editor.text_box.toPlainText()
        at = characters_before(typed, self.editor.text_box.textCursor().position())
        if not may_leave(self.panel):
            return
        if self.editor.has_unsaved_changes():
            # The cursor is in the words as typed: save them first, so it cuts those words.
            if not self.editor.save_changes():
                return
            record = self.editor.record
            assert record is not None and record.id is not None
        if record.text != typed:
            # Saving dropped what no database keeps (NUL, lone surrogates): cut the same place.
            at = len(clean_text(typed[:at]))
        services = self._services.contributions
        contribution_id = record.id
        try:
            split = services.split(contribution_id, at, record.version)
        except CoproduceError as error:
            self._say(str(error))
            self.editor.text_box.setFocus()
            return
        kept: dict[str, SplitContribution] = {"latest": split}

        def redo() -> None:
            kept["latest"] = services.split(contribution_id, split.at)

        self._push(
            self.tr("Split %s") % self.editor.describe(split.before),
            undo=lambda: services.unsplit(kept["latest"]),
            redo=redo,
        )
        self._say(self.tr("Split in two: the second part is now just below it. Ctrl+Z undoes it."))
        self._reload_showing(split.second.id)

    def delete_selected(self) -> None:
        chosen = self.selected_contributions()
        if len(chosen) != 1:
            self._say(self.tr("Select one contribution to delete."))
            return
        record = chosen[0]
        assert record.id is not None
        asked = self.tr(
            "Delete %s?\n\nIts links and any response go with it. You can undo this with Ctrl+Z."
        ) % self.editor.describe(record)
        shown = self._shown_id == record.id
        typing = shown and self.has_unsaved_changes()
        if typing:
            asked += "\n\n" + self.tr("The changes you have not saved to it go too.")
        if not prompts.ask_yes_no(self, self.tr("Delete"), asked):
            return
        row = self.table.currentIndex().row()  # the reload after the delete forgets it
        services = self._services.contributions
        try:
            deleted = services.delete(record.id, record.version)
        except CoproduceError as error:
            # Refused: whatever was typed stays, to be saved or kept on with; the list is
            # read again, in case it was refused for being out of date.
            self._say(str(error))
            self.model.reload()
            return
        if typing:
            self.discard_changes()
        kept: dict[str, DeletedContribution] = {"latest": deleted}
        contribution_id = record.id

        def redo() -> None:
            kept["latest"] = services.delete(contribution_id)

        self._push(
            self.tr("Delete %s") % self.editor.describe(record),
            undo=lambda: services.restore(kept["latest"]),
            redo=redo,
        )
        self._say(self.tr("Deleted. Ctrl+Z puts it back."))
        self.model.reload()
        if shown and self.model.rowCount():  # otherwise the one shown stays, as it was
            self.table.selectRow(max(0, min(row, self.model.rowCount() - 1)))

    # --- the easy-read summary -----------------------------------------------------------

    def toggle_summary(self) -> None:
        """Put the selected contributions into the easy-read summary, or (when all of them
        are in it already) take them out; undone with Ctrl+Z."""
        chosen = self.selected_contributions()
        if not chosen and self.editor.record is not None:
            chosen = [self.editor.record]  # the one shown (Ctrl with the arrows moves alone)
        if not chosen:
            self._say(self.tr("Select the contributions to put in the easy-read summary first."))
            return
        wanted = not all(c.in_summary for c in chosen)
        ids = [c.id for c in chosen if c.id is not None and c.in_summary is not wanted]
        if self._shown_id in ids and not may_leave(self.editor):
            return  # its typing would otherwise meet a changed record when saved
        services = self._services.contributions
        try:
            # As they are now (a save just made, or another user): only the tick changes.
            changing = [c for c in services.get_many(ids) if c.in_summary is not wanted]
        except CoproduceError as error:
            self._say(str(error))
            return
        ids = [c.id for c in changing if c.id is not None]
        if not ids:
            self._reload_showing(self._shown_id)
            return

        def choose(expected: bool, state: bool) -> None:
            current = services.get_many(ids)
            for contribution in current:
                if contribution.in_summary is not expected:
                    raise ConflictError(
                        "Contribution",
                        contribution.id or 0,
                        "it was put in or taken out of the summary since",
                    )
            _set_in_summary(services.update, current, state)

        try:
            _set_in_summary(services.update, changing, wanted)
        except CoproduceError as error:
            self._say(str(error))
            self.model.reload()
            return
        what = count_of(len(ids), "contribution")
        if wanted:
            text = self.tr("Put %s in the easy-read summary") % what
            said = self.tr("Put in the easy-read summary: %s. Ctrl+Z undoes it.") % what
        else:
            text = self.tr("Take %s out of the easy-read summary") % what
            said = self.tr("Taken out of the easy-read summary: %s. Ctrl+Z undoes it.") % what
        self._push(
            text,
            undo=lambda: choose(wanted, not wanted),
            redo=lambda: choose(not wanted, wanted),
        )
        # The reload after the change selected only the current row: keep all of them, so
        # Space again takes back what it did.
        self._select_also([c.id for c in chosen if c.id is not None])
        plain = [c for c in changing if not c.easy_read.strip()]
        if wanted and plain:
            said += " " + self.tr(
                "Without easy-read wording yet: %s (the summary shows what was said until "
                "you write it, Alt+E)."
            ) % count_of(len(plain), "contribution")
        self._say(said)

    def _select_also(self, contribution_ids: list[int]) -> None:
        """Add the rows of these contributions to the selection (the current row stays)."""
        wanted = set(contribution_ids)
        selection = self.table.selectionModel()
        for row in range(self.model.rowCount()):
            entry = self.model.record(row)
            if entry is not None and entry.contribution.id in wanted:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    # --- written up ----------------------------------------------------------------------

    def mark_written_up(self) -> None:
        if not self.may_leave_editing():
            return
        meetings = self._services.meetings
        try:
            meeting = meetings.get(self._meeting_id)
            if meeting.status in DONE or meeting.status is MeetingStatus.CANCELLED:
                self._show_status()
                return
            if not self._may_mark_written_up(meeting):
                self._say(self.tr("Not marked written up."))
                return
            meeting = meetings.get(self._meeting_id)  # as it is now, after the question
            before = meeting.status
            meetings.set_status(self._meeting_id, MeetingStatus.WRITTEN_UP, meeting.version)
        except CoproduceError as error:
            self._say(str(error))
            return
        meeting_id = self._meeting_id

        def change(expected: MeetingStatus, wanted: MeetingStatus) -> None:
            current = meetings.get(meeting_id)
            if current.status is not expected:
                raise ConflictError("Session", meeting_id, "its status was changed since")
            meetings.set_status(meeting_id, wanted, current.version)

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Mark '%s' written up") % meeting.title,
                undo_call=lambda: change(MeetingStatus.WRITTEN_UP, before),
                redo_call=lambda: change(before, MeetingStatus.WRITTEN_UP),
                changes=self._context.changes,
                record_type="meeting",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("meeting")
        self._say(self.tr("The session is marked written up. Ctrl+Z undoes it."))

    def _may_mark_written_up(self, meeting: Meeting) -> bool:
        """Ask first when the session has not started yet, or when contributions still wait
        for an answer or for feeding back (saying how many); True to go on."""
        reasons: list[str] = []
        if meeting.starts_at > self._services.meetings.now():
            reasons.append(
                self.tr("This session is on %s: it has not started yet.")
                % session_time(meeting.starts_at)
            )
        follow_up = self._services.contributions.follow_up(self._meeting_id)
        if follow_up.unanswered:
            reasons.append(
                self.tr("%d of its %s no answer yet.")
                % (
                    follow_up.unanswered,
                    count_of(follow_up.contributions, "contribution")
                    + (self.tr(" has") if follow_up.unanswered == 1 else self.tr(" have")),
                )
            )
        if follow_up.not_fed_back:
            reasons.append(
                self.tr("%s not been fed back to the group yet.")
                % (
                    count_of(follow_up.not_fed_back, "answer")
                    + (self.tr(" has") if follow_up.not_fed_back == 1 else self.tr(" have"))
                )
            )
        if not reasons:
            return True
        later = (
            self.tr("You can still answer them and feed back after it is marked written up.")
            if follow_up.unanswered or follow_up.not_fed_back
            else ""
        )
        text = "\n\n".join(
            part
            for part in (
                "\n".join(f"• {reason}" for reason in reasons),
                later,
                self.tr("Mark “%s” written up anyway?") % meeting.title,
            )
            if part
        )
        return prompts.ask_to_go_on(
            self,
            self.tr("Mark the session written up?"),
            text,
            go_on=self.tr("Mark written up"),
            go_back=self.tr("Go back"),
        )

    def _show_status(self) -> None:
        self.meeting = self._services.meetings.get(self._meeting_id)
        status = self.meeting.status
        if status in DONE:
            words = self.tr("Written up: this session's record is tidied.")
            if status is MeetingStatus.SUMMARY_SHARED:
                words = self.tr("Written up, and its summary has been shared.")
        elif status is MeetingStatus.CANCELLED:
            words = self.tr("This session was cancelled.")
        else:
            words = self.tr("Status: %s. Not written up yet.") % status.label
        self.status_label.setText(words)
        self.written_up_button.setEnabled(
            status not in DONE and status is not MeetingStatus.CANCELLED
        )

    # --- inside --------------------------------------------------------------------------

    def _answer_words(self, entry: TidyEntry) -> str:
        """Answered / fed back, in a few words."""
        response = entry.response
        if response is None or response.status is ResponseStatus.NOT_ANSWERED:
            return self.tr("Not yet")
        answered = response.status.is_answer
        if response.fed_back_on is None:
            return self.tr("Answered") if answered else self.tr("Considering")
        if answered:
            return self.tr("Answered, fed back")
        return self.tr("Considering, fed back")

    def _answer_tooltip(self, entry: TidyEntry) -> str:
        response = entry.response
        if response is None or response.status is ResponseStatus.NOT_ANSWERED:
            return self.tr("No answer yet (Alt+2 gives it one)")
        words = response.status.label
        if response.decided_on is not None:
            words += self.tr(", decided %s") % short_date(response.decided_on)
        if response.fed_back_on is not None:
            words += self.tr("; fed back %s") % short_date(response.fed_back_on)
        else:
            words += self.tr("; not fed back to the group yet")
        return words

    def _load(self, offset: int, limit: int) -> Page[TidyEntry]:
        found = self._services.contributions.list(
            ContributionFilter(
                meeting_id=self._meeting_id, agenda_item_id=self.item_filter.currentData()
            ),
            offset=offset,
            limit=limit,
        )
        speaker_ids = sorted({c.speaker_id for c in found.items if c.speaker_id is not None})
        names = {p.id: p.display_name for p in self._services.people.get_many(speaker_ids)}
        answers = self._services.contributions.responses_of(
            [c.id for c in found.items if c.id is not None]
        )
        return Page(
            items=tuple(
                TidyEntry(
                    c,
                    self._item_titles.get(c.agenda_item_id, "") if c.agenda_item_id else "",
                    source_words(c, names.get(c.speaker_id) if c.speaker_id else None),
                    answers.get(c.id) if c.id is not None else None,
                )
                for c in found.items
            ),
            total=found.total,
            offset=found.offset,
        )

    def _fill_item_filter(self) -> None:
        items = self._services.meetings.agenda(self._meeting_id)
        self._item_titles = {
            item.id: f"{number}. {item.title}"
            for number, item in enumerate(items, start=1)
            if item.id is not None
        }
        chosen = self.item_filter.currentData()
        self.item_filter.blockSignals(True)
        try:
            self.item_filter.clear()
            self.item_filter.addItem(self.tr("All agenda items"), None)
            for item_id, title in self._item_titles.items():
                self.item_filter.addItem(title, item_id)
            self.item_filter.setCurrentIndex(max(0, self.item_filter.findData(chosen)))
        finally:
            self.item_filter.blockSignals(False)

    def _reloaded(self, total: int) -> None:
        self.count_label.setText(count_of(total, "contribution"))
        self._count_chosen()
        if self._shown_id is not None and self.show_contribution(self._shown_id):
            return
        if self._shown_id is not None and not self.has_unsaved_changes():
            self._show_in_editor(None)
        self._update_buttons()

    def _count_chosen(self) -> None:
        """How many of the whole session's contributions (whatever the filter shows) are
        chosen for the summary."""
        try:
            said = self._services.contributions.list(
                ContributionFilter(meeting_id=self._meeting_id)
            )
        except CoproduceError as error:
            self.summary_label.setText("")
            self._say(str(error))
            return
        chosen = sum(1 for c in said.items if c.in_summary)
        self.summary_label.setText(self.tr("%d chosen for the summary") % chosen)

    def _reload_showing(self, contribution_id: int | None) -> None:
        self._shown_id = contribution_id
        self.model.reload()
        if contribution_id is not None and not self.show_contribution(contribution_id):
            # Hidden by the agenda item filter: show everything rather than lose sight of it.
            self.item_filter.setCurrentIndex(0)
            self.show_contribution(contribution_id)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.record(current.row())
        record = entry.contribution if entry is not None else None
        record_id = record.id if record is not None else None
        if record_id == self._shown_id and self.editor.record is not None:
            # The same contribution after a reload: show it as it now is, unless typing.
            if record != self.editor.record and not self.editor.has_unsaved_changes():
                self.editor.load(record)
            if self.panel.contribution_id != record_id and not self.panel.has_unsaved_changes():
                self.panel.show_contribution(record_id)
            self._update_buttons()
            return
        if not self._may_leave():
            self._reselect(self._shown_id)
            return
        self._show_in_editor(record)

    def _show_in_editor(self, record: Contribution | None) -> None:
        self._shown_id = record.id if record is not None else None
        self.editor.load(record)
        self.panel.show_contribution(self._shown_id)
        self._update_buttons()

    def _reselect(self, contribution_id: int | None) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if contribution_id is None or not self.show_contribution(contribution_id):
                self.table.clearSelection()
        finally:
            selection.blockSignals(False)

    def _records_changed(self, record_type: str) -> None:
        if record_type in ("contribution", "link", "response", "person"):
            self.model.reload()
        elif record_type in ("attendance", "consent"):
            self.editor.reload_choices()
            self.model.reload()
        elif record_type == "agenda_item":
            self._fill_item_filter()
            self.editor.reload_choices()
            self.model.reload()
        elif record_type == "meeting":
            self._show_status()

    def _update_buttons(self, *_args: object) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        self.merge_button.setEnabled(selected >= 2)
        # Split cuts the one contribution shown: with several chosen it is not clear which.
        self.split_button.setEnabled(self.editor.record is not None and selected <= 1)
        self.delete_button.setEnabled(selected == 1)
        self._show_choice()

    def _show_choice(self) -> None:
        """One row chosen: its links and response. Several: one response for all of them,
        with the tab and a note saying how many it is for."""
        chosen = [c.id for c in self.selected_contributions() if c.id is not None]
        if len(chosen) < 2:
            self.responses.setCurrentWidget(self.panel)
            self.details.setTabText(1, self.tr("Links and response"))
            self.several_note.hide()
            return
        if chosen != self.many.contribution_ids:
            try:
                self.many.set_contributions(chosen)
            except CoproduceError as error:
                self._say(str(error))
                return
        self.responses.setCurrentWidget(self.many)
        self.details.setTabText(1, self.tr("Respond to these %d") % len(chosen))
        self.several_note.setText(
            self.tr(
                "%s chosen. Alt+2 gives them one response (one Ctrl+Z undoes it for all); "
                "Ctrl+M merges them. The wording tab shows the one under the cursor only."
            )
            % count_of(len(chosen), "contribution")
        )
        self.several_note.show()

    def _responded_to_many(self, saved: list[Response]) -> None:
        ids = [response.contribution_id for response in saved]
        self._say(
            self.tr("Responded to %s. Ctrl+Z undoes it for all of them.")
            % count_of(len(ids), "contribution")
        )
        # The reload after the change selected only the current row: keep all of them.
        self._select_also(ids)

    def _push(self, text: str, *, undo: Callable[[], Any], redo: Callable[[], Any]) -> None:
        self._context.undo_stack.push(
            ServiceCommand(
                text,
                undo_call=undo,
                redo_call=redo,
                changes=self._context.changes,
                record_type="contribution",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("contribution")

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _add_key(self, text: str, key: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # --- Qt ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # A text box claims Ctrl+Z even with nothing of its own to undo; then let it through
        # to the window's undo, so the last merge or split can be taken back from there too.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QPlainTextEdit)
            and isinstance(event, QKeyEvent)
        ):
            document = watched.document()
            if (
                event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()
            ) or (event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        for action in self._window_keys:
            action.setEnabled(self.isWindow())
        super().showEvent(event)
        if not self._sized:
            # Three fifths for the list: its words are what the facilitator reads along.
            self._sized = True
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            width = max(self.splitter.width(), 1)
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.may_leave_editing():
            event.ignore()
            return
        super().closeEvent(event)

    # --- Editing: the window asks before closing -------------------------------------------

    def _parts(self) -> list[Any]:
        """What may hold typing: the editor, the panel, and the response for several while
        it is shown."""
        parts: list[Any] = [self.editor, self.panel]
        if self.responses.currentWidget() is self.many:
            parts.append(self.many)
        return parts

    def has_unsaved_changes(self) -> bool:
        return any(part.has_unsaved_changes() for part in self._parts())

    def save_changes(self) -> bool:
        return all(part.save_changes() for part in self._parts() if part.has_unsaved_changes())

    def discard_changes(self) -> None:
        for part in (self.editor, self.panel, self.many):
            part.discard_changes()

    def unsaved_description(self) -> str:
        return " and ".join(
            part.unsaved_description() for part in self._parts() if part.has_unsaved_changes()
        )

    def may_leave_editing(self) -> bool:
        """Settle typing not saved yet in the editor, in the links and response and in the
        response for several: with some, the person chooses Save, Discard or Cancel for
        each. True when nothing unsaved is left, so an undo or redo (also the main
        window's) cannot lose or contradict it."""
        return self._may_leave() and self._many_settled()

    def _may_leave(self) -> bool:
        """Nothing typed in the editor or the panel is lost by moving on (each is asked).
        The response for several is not asked about here: it stays typed while the choice
        of rows changes."""
        return may_leave(self.editor) and may_leave(self.panel)

    def _many_settled(self) -> bool:
        return self.responses.currentWidget() is not self.many or may_leave(self.many)

    def _step(self, step: Callable[[], None]) -> None:
        """Undo or redo, once the typing is settled: an undo under unsaved typing would
        change the record while the editor still shows the words typed over it."""
        if self.may_leave_editing():
            step()


def characters_before(text: str, utf16_position: int) -> int:
    """The Python (code point) index of a position Qt gives in UTF-16 units of ``text``:
    a character beyond the Basic Multilingual Plane (most emoji) is two units in Qt."""
    units = text.encode("utf-16-le")[: max(0, utf16_position) * 2]
    return len(units.decode("utf-16-le", errors="ignore"))


def _set_in_summary(
    update: Callable[[Contribution], Contribution], records: list[Contribution], state: bool
) -> None:
    """Save ``in_summary=state`` on each record; all or none: if one is refused, those
    already saved are put back before the error goes on."""
    done: list[Contribution] = []
    try:
        for record in records:
            done.append(update(replace(record, in_summary=state)))
    except CoproduceError:
        for saved in done:
            update(replace(saved, in_summary=not state))
        raise


def _time(contribution: Contribution) -> str:
    return contribution.captured_at.strftime("%H:%M") if contribution.captured_at else ""
