"""The menu bar by keyboard: F10, or Alt pressed and let go on its own.

Alt+F, Alt+E, Alt+X, Alt+G and Alt+H open the menus (no field may take those letters), and as
on Windows and in GNOME, F10 opens the first menu and Alt alone highlights the menu bar, where
the arrow keys move and Down or Enter opens. Qt's own Alt handling does exactly that, but
only under styles that ask for it; Linux's usual styles do not, so the menu bar gets a style
that does. Shown as "F10" under Help > Keyboard shortcuts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar, QProxyStyle, QStyle, QStyleOption, QWidget


class _AltOpensTheMenuBar(QProxyStyle):
    """The application's style, except that Alt alone gives the keyboard to the menu bar."""

    def styleHint(  # noqa: N802 (Qt's name)
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        return_data: object = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_MenuBar_AltKeyNavigation:
            return 1
        return super().styleHint(hint, option, widget, return_data)


def open_first_menu(menu_bar: QMenuBar) -> None:
    """Open the first menu (File), as F10 does."""
    actions = [a for a in menu_bar.actions() if a.isVisible() and a.isEnabled()]
    if actions:
        # The menu takes the keyboard while open; Escape gives it back to where it was.
        menu_bar.setActiveAction(actions[0])


def reach_the_menus_by_keyboard(window: QMainWindow) -> QAction:
    """Give ``window``'s menu bar F10 and Alt alone; returns the F10 action."""
    menu_bar = window.menuBar()
    style = _AltOpensTheMenuBar()
    style.setParent(menu_bar)  # the menu bar does not own the style it is given
    menu_bar.setStyle(style)
    action = QAction(window.tr("Open the menus"), window)
    action.setShortcut(QKeySequence(Qt.Key.Key_F10))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: open_first_menu(menu_bar))
    window.addAction(action)
    return action
