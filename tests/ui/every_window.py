"""Every window, page and dialog of the program, opened on the small example council, and the
checks a council laptop, a keyboard and a screen reader need of each (issue 11).

``VIEWS`` names each place a facilitator can be: the six pages of the main window (with a
record chosen, so its editor shows its buttons), each tab of each page, meeting mode, the
tidy-up, and every dialog. ``open_view(name, ...)`` opens one and returns the window it lives
in, shown and active. The checks take that window:

- ``size_problems``: the minimum size fits 1280 x 720 (a 1366 x 768 laptop less its taskbar);
- ``focus_walk``: Tab (or Shift+Tab) goes round and comes back to where it started, and
  visits every control that takes the keyboard;
- ``access_key_problems``: no two Alt+letter keys alike, none taking a menu's letter;
- ``name_problems``: every control has a name a screen reader speaks, with no markup or "&".
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

import coproduce.ui
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.ui.main_window import MainWindow

SCREEN_WIDTH, SCREEN_HEIGHT = 1280, 720
"""1366 x 768 less a taskbar and the window's frame: the room a council laptop gives."""

MENU_LETTERS = frozenset("fexgh")
"""File, Edit, Export, Go and Help: Alt with these opens the main window's menus."""

MOST_STOPS_IN_ONE_CONTROL = 6
"""Tab steps through the parts of a date and time (day, month, year, hours, minutes)."""

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
INTERNAL_NAME = re.compile(r"\b(fa5s?|fa6s?|mdi6?|ph|ri|msc)\.[a-z0-9-]+")
"""An icon's internal name ("fa5s.hand-holding-heart"): never shown or spoken."""


# --- opening every place --------------------------------------------------------------------


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show ``widget`` as its own window, active (keys and access keys reach only that)."""
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    QApplication.processEvents()
    return widget


def held_session_with_most_said(services: Services) -> int:
    """The example council's session with the most contributions, as if just held."""
    best = max(
        (m for m in services.meetings.list().items if m.status is MeetingStatus.WRITTEN_UP),
        key=lambda m: services.contributions.list(ContributionFilter(meeting_id=m.id)).total,
    )
    assert best.id is not None
    services.meetings.set_status(best.id, MeetingStatus.HELD)
    return best.id


def _page(key: str, tab: int | None = None, inner: tuple[str, int] | None = None) -> Opener:
    """The main window on ``key``'s page with its first row chosen; ``tab``: the page
    editor's tab of that index; ``inner``: (accessible name of a tab widget, index)."""

    def open_page(qtbot: QtBot, window: MainWindow) -> QWidget:
        services = window.context.services
        if key == "sessions":
            held = held_session_with_most_said(services)
            window.refresh()
        window.show_page(key)
        page = window.list_page(key) if key != "dashboard" else window.page(key)
        if key == "sessions":
            assert page.show_record_id(held)  # type: ignore[attr-defined]
        elif hasattr(page, "table") and page.model.rowCount():  # type: ignore[attr-defined]
            page.table.selectRow(0)  # type: ignore[attr-defined]
        QApplication.processEvents()
        for tabs, index in _tabs_to_open(page, tab, inner):
            assert tabs.isTabEnabled(index), tabs.tabText(index)
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        return window

    return open_page


def _tabs_to_open(
    page: QWidget, tab: int | None, inner: tuple[str, int] | None
) -> list[tuple[QTabWidget, int]]:
    chosen: list[tuple[QTabWidget, int]] = []
    if tab is not None:
        first = next(t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page))
        chosen.append((first, tab))
    if inner is not None:
        name, index = inner
        tabs = next(t for t in page.findChildren(QTabWidget) if t.accessibleName() == name)
        chosen.append((tabs, index))
    return chosen


Opener = Callable[[QtBot, MainWindow], QWidget]


def _meeting_mode(qtbot: QtBot, window: MainWindow) -> QWidget:
    page = window.list_page("sessions")
    held = held_session_with_most_said(window.context.services)
    window.refresh()
    assert page.show_record_id(held)
    page.run_session()  # type: ignore[attr-defined]
    view = page.capture_view  # type: ignore[attr-defined]
    qtbot.waitActive(view)
    return _settled(qtbot, view)


def _tidy_up(qtbot: QtBot, window: MainWindow) -> QWidget:
    page = window.list_page("sessions")
    held = held_session_with_most_said(window.context.services)
    window.refresh()
    assert page.show_record_id(held)
    page.tidy_up_session()  # type: ignore[attr-defined]
    view = page.tidy_up_view  # type: ignore[attr-defined]
    view.table.selectRow(0)
    return _settled(qtbot, view)


def _tidy_up_tab(index: int) -> Opener:
    def open_tab(qtbot: QtBot, window: MainWindow) -> QWidget:
        view = _tidy_up(qtbot, window)
        view.details.setCurrentIndex(index)  # type: ignore[attr-defined]
        QApplication.processEvents()
        return view

    return open_tab


def _settled(qtbot: QtBot, view: QWidget) -> QWidget:
    qtbot.addWidget(view, before_close_func=_forget)
    with qtbot.waitActive(view):
        view.activateWindow()
    QApplication.processEvents()
    return view


def _forget(view: QWidget) -> None:
    discard = getattr(view, "discard_changes", None)
    if discard is not None:
        discard()


def _dialog(make: Callable[[MainWindow], QDialog]) -> Opener:
    def open_dialog(qtbot: QtBot, window: MainWindow) -> QWidget:
        return shown(qtbot, make(window))

    return open_dialog


def _export(window: MainWindow) -> QDialog:
    from coproduce.ui.printing.export_dialog import ExportDialog
    from coproduce.ui.printing.jobs import easy_read_summary_job

    services = window.context.services
    return ExportDialog(
        easy_read_summary_job(services, held_session_with_most_said(services)), window
    )


def _report_chooser(window: MainWindow) -> QDialog:
    from coproduce.ui.printing.report_chooser import ReportChooser

    return ReportChooser(window.context.services, parent=window)


def _evidence_chooser(window: MainWindow) -> QDialog:
    from coproduce.ui.printing.evidence_chooser import EvidenceChooser

    return EvidenceChooser(window.context.services, parent=window)


def _table_export(window: MainWindow) -> QDialog:
    from coproduce.ui.exports.table_export_dialog import TableExportDialog

    return TableExportDialog(window.context.services, window)


def _contact(window: MainWindow) -> QDialog:
    from coproduce.ui.printing.contact_dialog import ContactDialog

    return ContactDialog(window.context.services, window)


def _glossary(window: MainWindow) -> QDialog:
    from coproduce.ui.easyread.glossary_dialog import GlossaryDialog

    return GlossaryDialog(window.context, window)


def _search(window: MainWindow) -> QDialog:
    from coproduce.ui.search.search_dialog import SearchDialog

    return SearchDialog(window.context.services, window)


def _pictures(window: MainWindow) -> QDialog:
    from coproduce.ui.pictures.chooser import PictureChooser

    return PictureChooser(window.context, "care worker", parent=window)


def _assessment(window: MainWindow) -> QDialog:
    from coproduce.services.documents import DocumentFilter
    from coproduce.ui.ladder.assessment_dialog import AssessmentDialog

    document = window.context.services.documents.list(DocumentFilter()).items[0]
    return AssessmentDialog(window.context.services, document, lambda a: a, None, window)


def _drifting(window: MainWindow) -> QDialog:
    from coproduce.ui.ladder.drifting_dialog import DriftingWorkDialog

    return DriftingWorkDialog(window.context, window)


def _respond_to_many(window: MainWindow) -> QDialog:
    from coproduce.ui.responses.respond_to_many import RespondToManyDialog

    services = window.context.services
    ids = services.contributions.ids(ContributionFilter())[:3]
    return RespondToManyDialog(window.context, ids, window)


def _unsaved_changes(window: MainWindow) -> QDialog:
    from coproduce.ui.prompts import save_discard_cancel_box

    return save_discard_cancel_box(
        window, "Unsaved changes", "Save the changes to Mary Jones before you go on?"
    )


def _question(window: MainWindow) -> QDialog:
    from PySide6.QtWidgets import QMessageBox

    from coproduce.ui.prompts import CarefulMessageBox

    box = CarefulMessageBox(
        QMessageBox.Icon.Question,
        "Delete",
        "Delete the session 'March forum'?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setAccessibleName("Delete")
    return box


def _shortcuts(window: MainWindow) -> QDialog:
    return window.show_keyboard_shortcuts()


@dataclass(frozen=True)
class View:
    opener: Opener
    dialog_class: str = ""
    """The QDialog subclass this view opens (every one must be opened by some view)."""


VIEWS: dict[str, View] = {
    "sessions page": View(_page("sessions")),
    "session agenda": View(_page("sessions", tab=1)),
    "session actions from last time": View(_page("sessions", tab=2)),
    "session preparation": View(_page("sessions", tab=3)),
    "session register": View(_page("sessions", tab=4)),
    "people page": View(_page("people")),
    "person access needs": View(_page("people", tab=1)),
    "person consent": View(_page("people", tab=2)),
    "person groups": View(_page("people", tab=3)),
    "person ideas": View(_page("people", tab=4)),
    "groups page": View(_page("groups")),
    "documents page": View(_page("documents")),
    "document what the groups said": View(_page("documents", tab=1)),
    "document ladder": View(_page("documents", tab=2)),
    "actions page": View(_page("actions")),
    "dashboard page": View(_page("dashboard")),
    "meeting mode": View(_meeting_mode),
    "tidy-up": View(_tidy_up),
    "tidy-up links and response": View(_tidy_up_tab(1)),
    "easy-read export": View(_dialog(_export), "ExportDialog"),
    "you said we did chooser": View(_dialog(_report_chooser), "ReportChooser"),
    "evidence pack chooser": View(_dialog(_evidence_chooser), "EvidenceChooser"),
    "table export": View(_dialog(_table_export), "TableExportDialog"),
    "contact details": View(_dialog(_contact), "ContactDialog"),
    "glossary": View(_dialog(_glossary), "GlossaryDialog"),
    "search": View(_dialog(_search), "SearchDialog"),
    "picture chooser": View(_dialog(_pictures), "PictureChooser"),
    "ladder assessment": View(_dialog(_assessment), "AssessmentDialog"),
    "drifting work": View(_dialog(_drifting), "DriftingWorkDialog"),
    "respond to many": View(_dialog(_respond_to_many), "RespondToManyDialog"),
    "keyboard shortcuts": View(_dialog(_shortcuts), "KeyboardShortcutsDialog"),
    "unsaved changes question": View(_dialog(_unsaved_changes), "SaveDiscardCancelBox"),
    "yes or no question": View(_dialog(_question), "CarefulMessageBox"),
}


def open_view(name: str, qtbot: QtBot, window: MainWindow) -> QWidget:
    """Open the view called ``name`` over ``window``; returns the window it is in."""
    return VIEWS[name].opener(qtbot, window)


def dialog_classes_of_the_program() -> set[str]:
    """Every QDialog subclass in ``coproduce.ui`` (after importing every module there)."""
    for module in pkgutil.walk_packages(coproduce.ui.__path__, "coproduce.ui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    waiting = list(QDialog.__subclasses__())
    while waiting:
        cls = waiting.pop()
        if cls.__module__.startswith("coproduce."):
            found.add(cls.__name__)
        waiting += cls.__subclasses__()
    return found


# --- what each check looks at ---------------------------------------------------------------


def size_problems(window: QWidget) -> list[str]:
    """The window's minimum size beyond 1280 x 720, and any scroll area inside another."""
    problems = [
        f"{describe(inner)} scrolls inside {describe(outer)}"
        for inner in window.findChildren(QScrollArea)
        for outer in [_scrolling_parent(inner)]
        if outer is not None
    ]
    if isinstance(window, QDialog) and (
        window.width() > SCREEN_WIDTH or window.height() > SCREEN_HEIGHT
    ):
        problems.append(f"{type(window).__name__} opens {window.width()} x {window.height()}")
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() <= SCREEN_WIDTH and hint.height() <= SCREEN_HEIGHT:
        return problems
    tallest = sorted(
        (w for w in window.findChildren(QWidget) if w.isVisibleTo(window)),
        key=lambda w: -w.minimumSizeHint().height(),
    )[:6]
    return [
        *problems,
        f"{type(window).__name__} needs {hint.width()} x {hint.height()}; tallest parts: "
        + ", ".join(
            f"{type(w).__name__} {w.accessibleName()!r} {w.minimumSizeHint().height()}"
            for w in tallest
        ),
    ]


def _scrolling_parent(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def takes_the_keyboard(widget: QWidget, window: QWidget) -> bool:
    """A control Tab must reach: shown, enabled, taking Tab, and not the inner part of
    another control (a spin box's text, a search box's clear button)."""
    if not (
        widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is window
    ):
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QLineEdit | QComboBox):
        return False
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
        # Tab reaches the chosen one of a set of radio buttons; the arrows choose another.
        return not any(
            isinstance(other, QRadioButton) and other.isChecked()
            for other in (parent.children() if parent else [])
        )
    return widget.focusProxy() is None


def controls(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if takes_the_keyboard(w, window)]


def lists_out_of_reach(window: QWidget) -> list[str]:
    """Lists and tables a person reads that Tab never stops at (their rows are then
    unreachable by keyboard and unheard by a screen reader)."""
    return [
        describe(view)
        for view in window.findChildren(QAbstractItemView)
        if view.isVisibleTo(window)
        and view.window() is window
        and view.model() is not None
        and view.model().rowCount() > 0
        and not isinstance(view, QHeaderView)  # a list's headings, read with the list
        and not isinstance(view.parentWidget(), QComboBox)
        and not view.focusPolicy() & Qt.FocusPolicy.TabFocus
        and view.focusProxy() is None
    ]


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
    return f"{type(widget).__name__} {name or widget.accessibleName()!r}"


@dataclass
class FocusWalk:
    visited: list[QWidget]
    problem: str = ""


def focus_walk(
    qtbot: QtBot, window: QWidget, start: QWidget, *, backwards: bool = False
) -> FocusWalk:
    """Press Tab (or Shift+Tab) from ``start`` until the focus comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is start, describe(QApplication.focusWidget())
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    visited = [start]
    stayed = 0
    for _step in range(400):
        focused = QApplication.focusWidget()
        if focused is None:
            return FocusWalk(visited, f"the focus left the window after {describe(visited[-1])}")
        qtbot.keyClick(focused, key, modifier)
        now = QApplication.focusWidget()
        if now is start and now is not focused:
            return FocusWalk(visited)
        if now is None or now.window() is not window:
            return FocusWalk(visited, f"the focus left the window after {describe(focused)}")
        if now is focused:
            # A date's day, month and year are Tab stops of their own; more is a trap.
            stayed += 1
            if stayed > MOST_STOPS_IN_ONE_CONTROL:
                return FocusWalk(visited, f"Tab stays in {describe(now)}")
            continue
        stayed = 0
        if now in visited:
            loop = visited[visited.index(now) :]
            return FocusWalk(
                visited,
                "a loop that never returns: " + " -> ".join(describe(w) for w in [*loop, now]),
            )
        visited.append(now)
    return FocusWalk(visited, "Tab went on for 400 steps")


def mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    index = plain.find("&")
    if index < 0 or index + 1 >= len(plain):
        return None
    return plain[index + 1].casefold()


def access_keys(window: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every Alt+letter shown in ``window`` (labels, buttons, group
    boxes, tabs), the menu bar's own left out."""
    keys: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or isinstance(widget, QMenuBar):
            continue
        texts: list[str] = []
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabEnabled(i)]
        for text in texts:
            letter = mnemonic(text)
            if letter:
                keys.append((letter, f"{type(widget).__name__} {text!r}"))
    return keys


def access_key_problems(window: QWidget) -> list[str]:
    keys = access_keys(window)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for letter, where in keys:
        if letter in seen:
            problems.append(f"Alt+{letter.upper()} twice: {seen[letter]} and {where}")
        seen.setdefault(letter, where)
    if window.findChild(QMenuBar) is not None:
        problems += [
            f"Alt+{letter.upper()} is a menu's key, taken by {where}"
            for letter, where in keys
            if letter in MENU_LETTERS
        ]
    return problems


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``. On Linux Qt names a list box by its
    value and gives its label as a "labelled by" relation, which is what Orca reads as the
    name; on Windows and macOS the accessible name is used."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if isinstance(widget, QComboBox):
        labels = interface.relations(QAccessible.RelationFlag.Label)
        return " ".join(label.text(QAccessible.Text.Name) for label, _relation in labels)
    return interface.text(QAccessible.Text.Name)


def name_problems(window: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in controls(window):
        name = spoken_name(widget)
        if not name.strip():
            problems.append(f"{type(widget).__name__} has no name ({_context(widget)})")
        if isinstance(widget, QComboBox) and not widget.accessibleName():
            problems.append(f"list box {name!r} has no accessible name ({_context(widget)})")
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            continue
        for text in (interface.text(QAccessible.Text.Name), spoken_name(widget)):
            if "&" in text or MARKUP.search(text) or INTERNAL_NAME.search(text):
                problems.append(f"{type(widget).__name__} is named {text!r}")
    return problems


def shown_words(window: QWidget) -> list[str]:
    """Everything a person reads in ``window``: labels, buttons, tips, list boxes' choices
    and the first rows of every list and table."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        found.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 40)):
                for column in range(12):
                    index = model.index(row, column)
                    if not index.isValid():
                        break
                    for role in (
                        Qt.ItemDataRole.DisplayRole,
                        Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole,
                    ):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            found.append(value)
    return [text for text in found if text]


def internal_names_shown(window: QWidget) -> list[str]:
    return [text for text in shown_words(window) if INTERNAL_NAME.search(text)]


def _context(widget: QWidget) -> str:
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 4:
        if parent.accessibleName():
            chain.append(parent.accessibleName())
        parent = parent.parentWidget()
    return " in ".join(chain) or "no named parent"
