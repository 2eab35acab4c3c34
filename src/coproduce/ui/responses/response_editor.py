"""The editor of one contribution's response, with Save and Revert like every record.

A contribution that has never been answered has no response row: the services hand back a
"not answered yet" record without an id, and the first save creates the row. Undoing that
first save returns the contribution to "not answered yet" (the row stays, saying so), which
is what the person saw before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from coproduce.domain.records import Response, replace
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
        saved = self._contributions.respond(record)
        assert saved.id is not None
        self._contribution_of[saved.id] = saved.contribution_id
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
        super()._push_undo(before, saved)
