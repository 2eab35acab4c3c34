"""The editor of one contribution's response, with Save and Revert like every record.

A contribution that has never been answered has no response row: the services hand back a
"not answered yet" record without an id, and the first save creates the row. Undoing that
first save returns the contribution to "not answered yet" (the row stays, saying so), which
is what the person saw before.

A save that makes the response "Changed the document" makes the contribution's links to that
document Influenced (the services do it in the same transaction); then Undo puts back the
response and those links in one step, and ``relinked`` holds the links it changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from coproduce.domain.errors import ConflictError
from coproduce.domain.records import Link, Response, replace
from coproduce.services.contributions import Answered
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.responses.response_fields import ResponseFields, SectionChoice
from coproduce.ui.widgets.record_editor import RecordEditor


def _short(text: str, length: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


class ResponseEditor(RecordEditor[Response]):
    """Status, response, easy read, decision and feedback of one contribution."""

    record_type = "response"
    record_label = "response"

    def __init__(
        self, context: WindowContext, parent: QWidget | None = None, *, scrolls: bool = True
    ) -> None:
        """``scrolls``: the fields scroll on their own; False where the whole panel around
        them scrolls already (never a scroll area inside another)."""
        super().__init__(context, parent)
        contributions = self._services.contributions
        self._contributions = contributions
        self._contribution_of: dict[int, int] = {}
        """Response id -> contribution id: undo finds a response long after it was shown."""
        self._said: dict[int, str] = {}
        """Contribution id -> its words, for the undo menu ("Edit the response to ...")."""
        self._answered: Answered | None = None
        self.relinked: tuple[Link, ...] = ()
        """The links the last save made Influenced, as they were (empty: none changed)."""
        # The panel around this editor answers Ctrl+S (it saves a half-added link too), so
        # the editor's own window-wide shortcut would only make the key ambiguous.
        for shortcut in self.findChildren(QShortcut):
            shortcut.setEnabled(False)
        # No Alt keys on these two: the page around the panel has its own Save and
        # Revert (Ctrl+S saves the panel from inside it).
        self.save_button.setText(self.tr("Save"))
        self.revert_button.setText(self.tr("Revert"))
        self.fields = ResponseFields(self.errors, context=context, today=contributions.today)
        # The fields scroll (Save and Revert stay in sight): with the easy read's checker and
        # picture, an answered response is taller than the pane on a 1280x800 screen.
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.fields)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setAccessibleName(self.tr("The response's fields"))
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if scrolls:
            self.body.addWidget(self.scroller, 1)
        else:
            self.scroller.takeWidget()
            self.scroller.deleteLater()
            self.body.addWidget(self.fields, 1)
        outer = self.layout()
        if outer is not None:  # the panel's frame around it gives the margin
            outer.setContentsMargins(0, 0, 0, 0)
        self.watch(self.fields)
        self.load(None)

    def set_contribution_words(self, contribution_id: int, text: str) -> None:
        self._said[contribution_id] = text

    def set_sections(self, choices: list[SectionChoice]) -> None:
        self.fields.set_sections(choices)

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Response | None) -> None:
        self.fields.setEnabled(record is not None)
        if record is not None and record.id is not None:
            self._contribution_of[record.id] = record.contribution_id
        self.fields.fill(record or Response(contribution_id=0))

    def collect(self) -> Response:
        assert self.record is not None
        return self.fields.collect(self.record)

    def create(self, record: Response) -> Response:
        return self.update(record)

    def update(self, record: Response) -> Response:
        answered = self._contributions.respond_and_relink(record)
        saved = answered.response
        assert saved.id is not None
        self._contribution_of[saved.id] = saved.contribution_id
        self._answered = answered
        self.relinked = answered.links_before
        return saved

    def save_changes(self) -> bool:
        self._answered = None
        self.relinked = ()
        saved = super().save_changes()
        if not saved:
            self.relinked = ()
        elif self.relinked:
            self._context.changes.changed.emit("link")  # the links above show it
        return saved

    def fetch(self, record_id: int | None) -> Response:  # type: ignore[override]
        if record_id is None or record_id not in self._contribution_of:
            # A response not saved yet: the shown contribution's, as it is now.
            assert self.record is not None
            return self._contributions.response_of(self.record.contribution_id)
        return self._contributions.response_of(self._contribution_of[record_id])

    def describe(self, record: Response) -> str:
        said = self._said.get(record.contribution_id)
        if not said:
            return self.tr("the response")
        return self.tr("the response to “%s”") % _short(said)

    def _push_undo(self, before: Response | None, saved: Response) -> None:
        # The first answer creates the row; its undo puts that row back to "not answered
        # yet", so it is undone as an edit of the row from a blank response.
        if before is not None and before.id is None:
            before = replace(before, id=saved.id)
        answered = self._answered
        if before is None or answered is None or not answered.links_before:
            super()._push_undo(before, saved)
            return
        self._push_undo_with_links(before, answered)

    def _push_undo_with_links(self, before: Response, answered: Answered) -> None:
        """One step for the response and the links it made Influenced: undo puts both back,
        redo saves the response again (which makes the links Influenced again). Refused,
        like any edit's undo, when the response was changed since."""
        contributions, changes = self._contributions, self._context.changes
        after = answered.response
        last = [answered]

        def store(expected: Response, wanted: Response, undoing: bool) -> None:
            current = contributions.response_of(wanted.contribution_id)
            if replace(current, version=0) != replace(expected, version=0):
                raise ConflictError(
                    "Response",
                    current.id or 0,
                    "undo the later changes first, or edit it again by hand",
                )
            done = contributions.respond_and_relink(
                replace(wanted, version=current.version),
                links_back=last[0].links_back() if undoing else (),
            )
            if not undoing:
                last[0] = done
            changes.changed.emit("link")

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Edit %s and its links") % self.describe(after),
                undo_call=lambda: store(after, before, True),
                redo_call=lambda: store(before, after, False),
                changes=changes,
                record_type=self.record_type,
                parent_widget=self,
            )
        )
