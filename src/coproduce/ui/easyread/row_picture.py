"""The picture of one easy-read row, shown small beside its wording, with "Picture…" to change it.

Every easy-read row (a session, an agenda item, a contribution, a response, an action) has a
picture on the left in the easy-read documents: the concept chosen for the row, or, while none
is chosen, the one its words suggest. This widget shows that picture at a small size, with its
description (alt text) as the accessible name and tooltip, and says whether it was chosen or
only suggested. "Picture…" opens the picture chooser for the row; the choice shows at once and
again whenever a picture changes anywhere (undo included), because the chooser announces
``changes.changed("picture")``. F7 anywhere in the editor around it (``scope``) opens the
chooser too, so the key is the same in every editor; the button also has an Alt key where the
editor has a letter free.

A record not saved yet has no row to give a picture to, so the button waits for the save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import RowKind
from coproduce.ui.context import WindowContext
from coproduce.ui.pictures.chooser import PictureChooser
from coproduce.ui.pictures.render import render_with_fallback
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.text import muted

PREVIEW_PX = 40
"""The preview's size: enough to recognise the picture, small enough for a form row."""

PICTURE_RECORD_TYPE = "picture"

SHORTCUT = "F7"
"""Opens the chooser from anywhere in the editor (F8 is the easy-read box's next finding)."""


class RowPicture(QWidget):
    """The picture of one row of ``kind`` (set with ``set_row``) and a button to choose it.

    ``button_text`` carries the Alt key (a different letter where an editor already uses
    the default one; no letter where none is free). ``scope`` is the editor in which F7
    opens the chooser (the widget itself when not given).

    Signals:
        chosen(str): a picture was chosen for the row in the chooser; the row's concept.
    """

    chosen = Signal(str)

    def __init__(
        self,
        context: WindowContext,
        kind: RowKind,
        *,
        button_text: str = "",
        scope: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._pictures = context.services.pictures
        self._kind = kind
        self._record_id: int | None = None
        self._row_text = ""
        self._concept: str | None = None
        self._suggested = False
        self._choice: PictureChoice | None = None
        self.chooser: PictureChooser | None = None
        """The chooser while it is open (and after, until the next one opens)."""

        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_PX + 6, PREVIEW_PX + 6)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # White behind the picture whatever the theme: it is printed on white paper.
        self.preview.setStyleSheet("background: white; border: 1px solid #c8c8c8;")
        self.caption = muted(QLabel())
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.button = QPushButton(button_text or self.tr("Pi&cture…"))
        self.button.setAccessibleName(self.tr("Choose the picture for this row"))
        self.button.setAutoDefault(False)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.caption, 1)
        focus_passes_to(self, self.button)

        self.choose_action = QAction(self.tr("Choose the picture for the easy-read row"), self)
        self.choose_action.setShortcut(QKeySequence(SHORTCUT))
        self.choose_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.choose_action.triggered.connect(self.open_chooser)
        (scope or self).addAction(self.choose_action)

        self.button.clicked.connect(self.open_chooser)
        context.changes.changed.connect(self._records_changed)
        self.set_row(None)

    # --- what editors use ----------------------------------------------------------------

    def set_row(self, record_id: int | None, row_text: str = "") -> None:
        """Show the picture of row ``record_id`` (None: a record not saved yet); ``row_text``
        is its words, which suggest a picture while none is chosen."""
        self._record_id = record_id
        self._row_text = row_text
        self.refresh()

    def record_id(self) -> int | None:
        return self._record_id

    def concept(self) -> str | None:
        """The concept the preview shows (chosen or suggested); None when there is no row."""
        return self._concept

    def is_suggested(self) -> bool:
        """Whether the picture is only suggested by the words (none chosen for the row)."""
        return self._suggested

    def choice(self) -> PictureChoice | None:
        """The picture the preview shows."""
        return self._choice

    def refresh(self) -> None:
        """Read the row's concept and its picture again and show them."""
        if self._record_id is None:
            self._show_nothing()
            return
        try:
            chosen = self._pictures.row_concept(self._kind, self._record_id)
            concept = chosen or self._pictures.suggest_concept(self._row_text)
            choice = self._pictures.for_concept(concept)
            fallback = self._pictures.default_for(concept)
        except CoproduceError:
            # The record went meanwhile (the editor is about to be told so).
            self._show_nothing()
            return
        self._concept = concept
        self._suggested = chosen is None
        self._choice = choice
        png, problem = render_with_fallback(choice, fallback, PREVIEW_PX * 2)
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(
            pixmap.scaled(
                PREVIEW_PX,
                PREVIEW_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        description = choice.alt_text or concept
        self.preview.setAccessibleName(self.tr("Picture: %s") % description)
        if self._suggested:
            caption = self.tr("%s (suggested by the words)") % description
        else:
            caption = description
        tooltip = caption + "\n" + self.tr("Idea: %s") % concept
        if problem:
            caption += "\n" + problem
            tooltip += "\n" + problem
        self.caption.setText(caption)
        self.preview.setToolTip(tooltip)
        self.preview.setAccessibleDescription(tooltip)
        self.button.setEnabled(True)
        self.button.setToolTip(
            self.tr("Choose the picture beside this row in the easy-read documents (%s)") % SHORTCUT
        )

    def open_chooser(self) -> PictureChooser | None:
        """Open the picture chooser for the row (not for a record that is not saved yet)."""
        if self._record_id is None or not self.isVisible():
            return None
        if self.chooser is not None:
            self.chooser.deleteLater()
        chooser = PictureChooser(
            self._context,
            row=(self._kind, self._record_id),
            row_text=self._row_text,
            parent=self.window(),
        )
        chooser.accepted.connect(lambda: self._chosen(chooser))
        chooser.finished.connect(lambda _result: self.refresh())
        self.chooser = chooser
        chooser.open()
        return chooser

    # --- inside --------------------------------------------------------------------------

    def _chosen(self, chooser: PictureChooser) -> None:
        self.refresh()
        self.chosen.emit(chooser.concept)

    def _records_changed(self, record_type: str) -> None:
        if record_type == PICTURE_RECORD_TYPE and self._record_id is not None:
            self.refresh()

    def _show_nothing(self) -> None:
        self._concept = None
        self._suggested = False
        self._choice = None
        self.preview.clear()
        self.preview.setAccessibleName(self.tr("No picture yet"))
        self.preview.setToolTip("")
        self.caption.setText(self.tr("Save first, then choose a picture."))
        self.button.setEnabled(False)
        self.button.setToolTip(self.tr("Save first, then choose a picture for this row"))
