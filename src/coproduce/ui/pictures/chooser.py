"""The picture chooser: pick the picture for a concept, or the concept of an easy-read row.

The facilitator searches (results appear as they type) among the library's concepts, found by
their words ("tablets" finds medicine), then among the other OpenMoji colour pictures that come
with Coproduce and every icon of the Font Awesome and Material Design sets, by what they show
("pound" finds a pound note); or they use a picture file of their own (a photo, a licensed
symbol). Every picture is shown in plain words (the concept and what the picture shows), never
by an internal name. A description (alt text) is required: screen readers read it instead of
the picture. OK remembers the picture for the concept, so the idea looks the same in every
document; opened for a row, OK also makes that concept the row's. Both are undoable.

Opened for a row, choosing a library concept gives the row that concept (and its picture);
choosing a bare icon or a file gives it to the concept named in the Concept field, which the
facilitator can rename to start a concept of their own ("allotment").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.domain.records import PictureChoice, replace
from coproduce.domain.vocabulary import PictureSource, RowKind
from coproduce.services.pictures import concept_key, fold, search_openmoji
from coproduce.ui import prompts, window_state
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.pictures.render import (
    ICON_COLOUR,
    PictureFileError,
    qtawesome_module,
    render_png,
)
from coproduce.ui.widgets.form import FieldErrors, error_label

__all__ = ["ICON_PREFIXES", "PictureChooser", "icon_names", "plain_name", "search_icon_names"]

ICON_PREFIXES = ("fa5s", "fa5", "mdi6")
"""The icon sets offered by name: Font Awesome Free (CC BY 4.0) and Material Design Icons
(Apache 2.0), whose licences resources/pictures/README.md records."""
ICON_SET_NAMES = {"fa5s": "Font Awesome", "fa5": "Font Awesome", "mdi6": "Material Design"}
SOURCE_NAMES = {PictureSource.OPENMOJI: "OpenMoji", PictureSource.FILE: "your own file"}

MAX_ICON_RESULTS = 150
"""Bare icons shown for one search: enough to browse, few enough to appear as one types."""
MAX_OPENMOJI_RESULTS = 60
ICON_PX = 48

FILE_FILTER = "Pictures (*.png *.jpg *.jpeg *.svg *.PNG *.JPG *.JPEG *.SVG)"
Call = Callable[[], Any]
ROLE_PICTURE = Qt.ItemDataRole.UserRole
PREVIEW_PX = 128


@cache
def icon_names() -> tuple[str, ...]:
    """Every icon name of the offered sets ('fa5s.bus', 'mdi6.bus-double-decker', ...)."""
    charmaps = qtawesome_module()._instance().charmap
    return tuple(
        f"{prefix}.{name}" for prefix in ICON_PREFIXES for name in sorted(charmaps.get(prefix, {}))
    )


@cache
def _icon_parts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(name.split(".", 1)[1].split("-"))) for name in icon_names())


def search_icon_names(words: str, limit: int = MAX_ICON_RESULTS) -> list[str]:
    """Icon names in which every typed word starts a part of the name ('bus' finds fa5s.bus
    and mdi6.bus-stop), whole-word matches and short names first."""
    wanted = fold(words).replace("&", " ").split()
    if not wanted:
        return []
    found: list[tuple[int, int, str]] = []
    for name, parts in _icon_parts():
        exact = 0
        for word in wanted:
            if word in parts:
                exact += 1
            elif not any(part.startswith(word) for part in parts):
                break
        else:
            found.append((-exact, len(parts), name))
    found.sort()
    return [name for _exact, _length, name in found[:limit]]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _library_icon(reference: str) -> QIcon:
    return qtawesome_module().icon(reference, color=ICON_COLOUR)


_drawn: dict[tuple[PictureSource, str], QIcon] = {}


def _drawn_icon(choice: PictureChoice) -> QIcon:
    """A library picture as a list icon, drawn once per picture (the list is rebuilt as the
    facilitator types)."""
    key = (choice.source, choice.reference)
    if key not in _drawn:
        _drawn[key] = QIcon(QPixmap.fromImage(_preview_image(choice, ICON_PX * 2)))
    return _drawn[key]


def _humanised(reference: str) -> str:
    """'fa5s.pound-sign' -> 'Pound sign': a first description the facilitator can improve."""
    words = reference.split(".", 1)[-1].replace("-", " ").strip()
    for suffix in (" alt", " outline", " variant", " circle", " box"):
        words = words.removesuffix(suffix)
    return words[:1].upper() + words[1:]


def plain_name(choice: PictureChoice) -> str:
    """What a library picture is called where the facilitator reads it: its description and
    where it comes from ('A pound note (OpenMoji)', 'Pound sign (Font Awesome)'), never an
    internal name such as 'fa5s.pound-sign' or '1F4B7'."""
    if choice.source is PictureSource.ICON:
        origin = ICON_SET_NAMES.get(choice.reference.split(".", 1)[0], "icon")
    else:
        origin = SOURCE_NAMES[choice.source]
    description = choice.alt_text or _humanised(choice.reference)
    return f"{description} ({origin})"


def _offer(source: PictureSource, reference: str, description: str) -> PictureChoice:
    """A picture offered on its own, not yet for any concept."""
    return PictureChoice(concept="", source=source, reference=reference, alt_text=description)


@dataclass(frozen=True, slots=True)
class _Picked:
    """What the facilitator has picked so far."""

    source: PictureSource
    reference: str
    alt_text: str
    concept: str | None = None  # a library concept picked as a whole (rows take it)


class PictureChooser(QDialog):
    """Choose the picture of ``concept``, or (with ``row``) the concept of that row.

    ``row_text`` is the row's words, used to suggest a concept when the row has none yet.
    After OK, ``chosen`` is the picture now used and ``concept`` the concept it is for."""

    def __init__(
        self,
        context: WindowContext,
        concept: str = "",
        *,
        row: tuple[RowKind, int] | None = None,
        row_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "picture chooser")
        self._context = context
        self._pictures = context.services.pictures
        self._row = row
        if row is not None and not concept:
            concept = self._pictures.row_concept(*row) or self._pictures.suggest_concept(row_text)
        self._concept = concept_key(concept) or "information"
        self._current = self._pictures.for_concept(self._concept)
        self._picked = _Picked(
            self._current.source, self._current.reference, self._current.alt_text
        )
        self._own_file: Path | None = None
        self._alt_is_ours = True  # the description was filled in by us, not typed
        self.chosen: PictureChoice | None = None
        self.concept = self._concept

        self.setWindowTitle(self.tr("Choose a picture"))
        self.setAccessibleName(self.tr("Choose a picture"))
        self.setMinimumSize(720, 560)
        self._build()
        self._show_results("")
        self._show_picked()
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick a clear picture for this idea. The same picture is used for it in "
                "every easy-read document."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Search pictures:"))
        self.search_box = QLineEdit()
        self.search_box.setAccessibleName(self.tr("Search pictures"))
        self.search_box.setPlaceholderText(self.tr("For example: money, bus, doctor"))
        self.search_box.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_box)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_box, 1)
        layout.addLayout(search_row)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        body = QHBoxLayout()
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Pictures"))
        self.results.setViewMode(QListView.ViewMode.IconMode)
        self.results.setIconSize(QSize(48, 48))
        self.results.setGridSize(QSize(136, 104))
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setMovement(QListView.Movement.Static)
        self.results.setWordWrap(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        body.addWidget(self.results, 1)

        side = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_PX + 8, PREVIEW_PX + 8)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Chosen picture"))
        self.preview.setStyleSheet("background: white; border: 1px solid #c8c8c8;")
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_caption.setMaximumWidth(220)
        side.addWidget(self.preview_caption)
        self.own_file_button = QPushButton(self.tr("Use my own picture &file…"))
        self.own_file_button.setAccessibleName(self.tr("Use my own picture file"))
        self.own_file_button.setToolTip(
            self.tr(
                "A photo or a symbol you may use (PNG, JPEG or SVG). Coproduce keeps a copy, "
                "so documents still find it if the file is moved."
            )
        )
        # Enter means "Use this picture", never "open a file".
        self.own_file_button.setAutoDefault(False)
        side.addWidget(self.own_file_button)
        self.library_button = QPushButton(self.tr("Back to the &library picture"))
        self.library_button.setAccessibleName(self.tr("Back to the library picture"))
        self.library_button.setAutoDefault(False)
        side.addWidget(self.library_button)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body, 1)

        form = QFormLayout()
        self.errors = FieldErrors()
        self.concept_edit = QLineEdit(self._concept)
        self.concept_edit.setAccessibleName(self.tr("Concept"))
        self.concept_edit.setToolTip(
            self.tr("The idea this picture stands for, such as 'money'. Rows share it.")
        )
        self.concept_edit.setReadOnly(self._row is None)
        self.errors.add_row(form, self.tr("&Concept:"), "concept", self.concept_edit)
        self.alt_text = QLineEdit()
        self.alt_text.setAccessibleName(self.tr("Description for screen readers"))
        self.alt_text.setPlaceholderText(self.tr("Describe the picture, for example 'A calendar'"))
        self.alt_text.setMaxLength(250)
        self.errors.add_row(form, self.tr("&Description (alt text):"), "alt_text", self.alt_text)
        self.file_error = error_label()
        self.errors.register("reference", self.results, self.file_error)
        layout.addLayout(form)
        layout.addWidget(self.file_error)
        layout.addWidget(self.errors.general)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Use this picture"))
        ok.setAccessibleName(self.tr("Use this picture"))
        ok.setDefault(True)
        layout.addWidget(self.buttons)

        self.search_box.textChanged.connect(self._show_results)
        self.search_box.installEventFilter(self)
        self.results.currentItemChanged.connect(self._item_changed)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.alt_text.textEdited.connect(self._alt_typed)
        self.own_file_button.clicked.connect(self._choose_own_file)
        self.library_button.clicked.connect(self._back_to_library)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QWidget.setTabOrder(self.search_box, self.results)
        QWidget.setTabOrder(self.results, self.own_file_button)
        QWidget.setTabOrder(self.own_file_button, self.library_button)
        QWidget.setTabOrder(self.library_button, self.concept_edit)
        QWidget.setTabOrder(self.concept_edit, self.alt_text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Down from the search box goes into the pictures, as in a web search.
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    # --- results -------------------------------------------------------------------------

    def _show_results(self, text: str) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        concepts = self._pictures.search(text)
        for choice in concepts:
            # The idea's name, and what its picture shows for those who cannot see it.
            self._add_result(self._icon_of(choice), choice.concept, choice, plain_name(choice))
        offers = [
            _offer(PictureSource.OPENMOJI, picture.reference, _capitalised(picture.name))
            for picture in search_openmoji(text, MAX_OPENMOJI_RESULTS)
        ] + [_offer(PictureSource.ICON, name, _humanised(name)) for name in search_icon_names(text)]
        for offer in offers:
            self._add_result(self._icon_of(offer), offer.alt_text, offer, plain_name(offer))
        self.results.blockSignals(False)
        self.count_label.setText(
            self.tr("Found: {ideas} and {icons}").format(
                ideas=_count(len(concepts), self.tr("idea"), self.tr("ideas")),
                icons=_count(len(offers), self.tr("other picture"), self.tr("other pictures")),
            )
            if text.strip()
            else self.tr("{ideas} in the library").format(
                ideas=_count(len(concepts), self.tr("idea"), self.tr("ideas"))
            )
        )
        if text.strip() and self.results.count():
            # Enter after typing takes the best match.
            self.results.setCurrentRow(0)
        elif not text.strip():
            self._select_concept(self._concept)

    def _add_result(self, icon: QIcon, label: str, picture: PictureChoice, about: str) -> None:
        item = QListWidgetItem(icon, label)
        item.setData(ROLE_PICTURE, picture)
        item.setToolTip(about)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}: {about}")
        self.results.addItem(item)

    def _select_concept(self, concept: str) -> None:
        for row in range(self.results.count()):
            item = self.results.item(row)
            picture = item.data(ROLE_PICTURE)
            if picture.concept == concept:
                self.results.blockSignals(True)
                self.results.setCurrentItem(item)
                self.results.blockSignals(False)
                self.results.scrollToItem(item)
                return

    def _icon_of(self, choice: PictureChoice) -> QIcon:
        if choice.source is PictureSource.ICON:
            try:
                return _library_icon(choice.reference)
            except Exception:  # a name from an older icon set: show it as missing
                return _library_icon("fa5s.question")
        if choice.source is PictureSource.OPENMOJI:
            try:
                return _drawn_icon(choice)
            except CoproduceError:  # a picture this version does not have: shown as missing
                return _library_icon("fa5s.question")
        path = Path(choice.reference)
        if path.is_file():
            try:
                return QIcon(QPixmap.fromImage(_preview_image(choice, 48)))
            except PictureFileError:
                pass
        return _library_icon("fa5s.exclamation-triangle")

    def _item_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        picture: PictureChoice = item.data(ROLE_PICTURE)
        self._own_file = None
        self._picked = _Picked(
            picture.source, picture.reference, picture.alt_text, picture.concept or None
        )
        if self._row is not None and self._picked.concept is not None:
            self.concept_edit.setText(self._picked.concept)
        self._offer_alt_text(self._picked.alt_text)
        self._show_picked()

    def _offer_alt_text(self, text: str) -> None:
        if self._alt_is_ours or not self.alt_text.text().strip():
            self.alt_text.setText(text)
            self._alt_is_ours = True

    def _alt_typed(self, _text: str) -> None:
        self._alt_is_ours = False

    def _show_picked(self) -> None:
        if not self.alt_text.text() and self._alt_is_ours:
            self.alt_text.setText(self._picked.alt_text)
        choice = self._picked_choice(self.concept_edit.text() or self._concept)
        try:
            image = _preview_image(choice, PREVIEW_PX)
        except CoproduceError as error:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No picture"))
            self.preview_caption.setText(str(error))
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        if self._own_file is not None:
            caption = self.tr("Your own picture: {name}").format(name=self._own_file.name)
        elif choice.source is PictureSource.FILE:
            caption = self.tr("Your own picture: {name}").format(name=Path(choice.reference).name)
        else:
            library = replace(choice, alt_text=self._picked.alt_text)
            caption = self.tr("Library picture: {name}").format(name=plain_name(library))
        self.preview_caption.setText(caption)

    def _picked_choice(self, concept: str) -> PictureChoice:
        if self._own_file is not None:
            return PictureChoice(
                concept=concept,
                source=PictureSource.FILE,
                reference=str(self._own_file),
                alt_text=self.alt_text.text(),
            )
        return PictureChoice(
            concept=concept,
            source=self._picked.source,
            reference=self._picked.reference,
            alt_text=self.alt_text.text(),
        )

    # --- own file and library picture ----------------------------------------------------

    def _choose_own_file(self) -> None:
        path = prompts.choose_file(self, self.tr("Choose a picture file"), None, FILE_FILTER)
        if path is None:
            return
        trial = PictureChoice(
            concept=self._concept, source=PictureSource.FILE, reference=str(path), alt_text="-"
        )
        try:
            _preview_image(trial, PREVIEW_PX)
        except CoproduceError as error:
            prompts.show_error(self, self.tr("Picture file"), str(error))
            return
        self.results.blockSignals(True)
        self.results.setCurrentRow(-1)
        self.results.clearSelection()
        self.results.blockSignals(False)
        self._own_file = path
        self._picked = _Picked(PictureSource.FILE, str(path), "")
        if self._alt_is_ours:
            # Only the facilitator knows what their photo shows.
            self.alt_text.clear()
        self._show_picked()
        self.alt_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_to_library(self) -> None:
        concept = concept_key(self.concept_edit.text()) or self._concept
        default = self._pictures.default_for(concept)
        self._own_file = None
        self._picked = _Picked(default.source, default.reference, default.alt_text)
        self._alt_is_ours = True
        self.alt_text.setText(default.alt_text)
        self._show_picked()

    # --- OK ------------------------------------------------------------------------------

    def accept(self) -> None:
        self.errors.clear()
        concept = concept_key(self.concept_edit.text())
        if not concept:
            self.errors.show(
                ValidationError(self.tr("Give the picture a name, such as 'money'."), "concept")
            )
            return
        try:
            undo_picture, redo_picture = self._save_picture(concept)
        except ValidationError as error:
            self.errors.show(error)
            return
        except CoproduceError as error:
            prompts.show_error(self, self.tr("Picture not saved"), str(error))
            return
        undo_row, redo_row = self._save_row_concept(concept)
        self._push_undo(concept, [undo_row, undo_picture], [redo_picture, redo_row])
        self.concept = concept
        self.chosen = self._pictures.for_concept(concept)
        super().accept()

    def _save_row_concept(self, concept: str) -> tuple[Call | None, Call | None]:
        """Give the row (if the chooser is for one) ``concept``; (undo, redo) calls."""
        if self._row is None:
            return None, None
        pictures = self._pictures
        kind, record_id = self._row
        try:
            before = pictures.set_row_concept(kind, record_id, concept)
        except CoproduceError as error:  # the record was deleted meanwhile
            prompts.show_error(self, self.tr("Picture not given to the row"), str(error))
            return None, None
        if before == concept:
            return None, None
        return (
            lambda: pictures.set_row_concept(kind, record_id, before),
            lambda: pictures.set_row_concept(kind, record_id, concept),
        )

    def _save_picture(self, concept: str) -> tuple[Call | None, Call | None]:
        """Remember the picked picture for ``concept``; (undo, redo) calls, or Nones when the
        concept keeps the picture it had."""
        pictures = self._pictures
        alt_text = " ".join(self.alt_text.text().split())
        current = pictures.for_concept(concept)
        before = current if current.id is not None else None
        if self._own_file is not None:
            saved = pictures.choose_file(concept, self._own_file, alt_text)
        else:
            wanted = (self._picked.source, self._picked.reference, alt_text)
            if wanted == (current.source, current.reference, current.alt_text):
                if not alt_text:
                    pictures.choose(concept, *wanted)  # raises: a description is required
                return None, None
            default = pictures.default_for(concept)
            if wanted == (default.source, default.reference, default.alt_text):
                pictures.forget(concept)  # the library's picture again: nothing to remember
                return (
                    lambda: pictures.restore(before, concept),
                    lambda: pictures.forget(concept),
                )
            saved = pictures.choose(concept, *wanted)
        return (
            lambda: pictures.restore(before, concept),
            lambda: pictures.choose(concept, saved.source, saved.reference, saved.alt_text),
        )

    def _push_undo(
        self, concept: str, undo_calls: list[Call | None], redo_calls: list[Call | None]
    ) -> None:
        undos = [call for call in undo_calls if call is not None]
        redos = [call for call in redo_calls if call is not None]
        if not undos:
            return
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Choose the picture for '{concept}'").format(concept=concept),
                undo_call=lambda: [call() for call in undos],
                redo_call=lambda: [call() for call in redos],
                changes=self._context.changes,
                record_type="picture",
                parent_widget=self.parentWidget(),
            )
        )
        self._context.changes.changed.emit("picture")


def _preview_image(choice: PictureChoice, size: int) -> QImage:
    return QImage.fromData(render_png(choice, size), "PNG")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
