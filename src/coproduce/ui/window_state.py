"""Window sizes and places, splitter positions and column widths, kept between runs.

``remember(window, key)`` is called once for each window and dialog. When the window is
first shown it gets back its size and place, and the splitters and column widths the person
set by hand; when it closes or hides, those are written to ``window-state.ini`` in the user's
settings folder (``paths.config_dir()``, which the tests point at their own folder).

Only what a person changed by hand is kept: a splitter dragged, a column dragged wider. The
rest keeps following the window's own layout (columns sized to their content, say), so a
column once fitted to short titles is not frozen when longer ones arrive.

Splitters and column headings are found under the window and named by their place in it
(``SessionsPage0/QSplitter0``), so a window needs no names set for this.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QHeaderView, QSplitter, QWidget

from coproduce import paths

FILE_NAME = "window-state.ini"

_by_hand: weakref.WeakSet[QObject] = weakref.WeakSet()
"""Splitters and headings the person has changed by hand (dragged) in this run."""


def settings() -> QSettings:
    return QSettings(str(paths.config_dir() / FILE_NAME), QSettings.Format.IniFormat)


def sized_by_hand(widget: QObject) -> bool:
    """True for a splitter or column heading the person has dragged (now or in a past run):
    code must then leave its sizes alone."""
    return widget in _by_hand


def remember(window: QWidget, key: str) -> None:
    """Give ``window`` back its size, place, splitters and column widths when it is first
    shown, and keep them when it closes or hides."""
    window.installEventFilter(_Keeper(window, key))


def adopt(window: QWidget, part: QWidget) -> None:
    """Give ``part``, built inside ``window`` after the window was first shown (a page
    built when first opened), its splitters and column widths back, and keep them from now
    on, as if it had been there from the start."""
    keeper = window.findChild(_Keeper)
    if keeper is not None and keeper.restored:
        keeper.restore_parts(part)


def place_of(widget: QWidget, window: QWidget) -> str:
    """``widget``'s place under ``window``: each parent's class and its number among the
    children of that class (``SessionDetail0/QTabWidget0``)."""
    parts: list[str] = []
    current = widget
    while current is not window and current is not None:
        parent = current.parentWidget()
        if parent is None:
            break
        same = [
            child
            for child in parent.children()
            if isinstance(child, QWidget) and type(child) is type(current)
        ]
        parts.append(f"{type(current).__name__}{same.index(current)}")
        current = parent
    return "/".join(reversed(parts))


class _Keeper(QObject):
    def __init__(self, window: QWidget, key: str) -> None:
        super().__init__(window)
        self._window = window
        self._key = key
        self._restored = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window:
            kind = event.type()
            if kind == QEvent.Type.Show and not self._restored:
                self._restored = True
                self._restore_geometry()
                self.restore_parts(self._window)
            elif kind in (QEvent.Type.Close, QEvent.Type.Hide) and self._restored:
                self._save()
        return False

    @property
    def restored(self) -> bool:
        return self._restored

    def _parts(self, root: QWidget | None = None) -> tuple[list[QSplitter], list[QHeaderView]]:
        window = self._window
        root = root or window
        splitters = [s for s in root.findChildren(QSplitter) if s.window() is window]
        headers = [
            h
            for h in root.findChildren(QHeaderView)
            if h.window() is window and h.orientation().name == "Horizontal"
        ]
        return splitters, headers

    def _restore_geometry(self) -> None:
        store = settings()
        store.beginGroup(self._key)
        geometry = store.value("geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self._window.restoreGeometry(QByteArray(geometry))
        store.endGroup()

    def restore_parts(self, root: QWidget) -> None:
        """Splitters and column widths under ``root`` as the person left them, and watch
        them for changes by hand."""
        store = settings()
        store.beginGroup(self._key)
        splitters, headers = self._parts(root)
        for splitter in splitters:
            state = store.value(f"splitters/{place_of(splitter, self._window)}")
            if isinstance(state, QByteArray | bytes) and splitter.restoreState(QByteArray(state)):
                _by_hand.add(splitter)
        for header in headers:
            widths = store.value(f"columns/{place_of(header, self._window)}")
            sizes = _as_sizes(widths)
            if sizes and len(sizes) == header.count():
                for column, width in enumerate(sizes):
                    if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                        header.resizeSection(column, width)
                _by_hand.add(header)
        store.endGroup()
        for splitter in splitters:
            splitter.splitterMoved.connect(lambda *_a, s=splitter: _by_hand.add(s))
        for header in headers:
            watch = _DragWatch(header)
            header.viewport().installEventFilter(watch)
            header.sectionResized.connect(lambda *_a, h=header, w=watch: _resized(h, w))

    def _save(self) -> None:
        store = settings()
        store.beginGroup(self._key)
        store.setValue("geometry", self._window.saveGeometry())
        splitters, headers = self._parts()
        for splitter in splitters:
            if splitter in _by_hand:
                store.setValue(
                    f"splitters/{place_of(splitter, self._window)}", splitter.saveState()
                )
        for header in headers:
            if header in _by_hand:
                sizes = [header.sectionSize(column) for column in range(header.count())]
                store.setValue(f"columns/{place_of(header, self._window)}", sizes)
        store.endGroup()
        store.sync()


class _DragWatch(QObject):
    """Whether the mouse is held down on a column heading (a drag of its edge)."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self.pressed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonPress:
            self.pressed = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self.pressed = False
        return False


def _resized(header: QHeaderView, watch: _DragWatch) -> None:
    """A column heading dragged by the mouse. Not any resize while a button is down: a click
    on a list loads the record, and the columns code then fits are not dragged by hand
    (the register's names stayed cut to "Amar..." after such a click)."""
    if watch.pressed and QApplication.mouseButtons():
        _by_hand.add(header)


def _as_sizes(value: object) -> list[int]:
    if isinstance(value, str):  # an ini file gives back a list of one as its one value
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    try:
        return [int(v) for v in value]
    except (TypeError, ValueError):
        return []
