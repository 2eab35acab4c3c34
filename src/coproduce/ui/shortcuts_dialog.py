"""Help > Keyboard shortcuts (F1): every shortcut of the window, grouped by where it works.

The list is read from the window's actions when it opens (``MainWindow.keyboard_shortcuts``),
so it cannot fall behind the program. It scrolls, and fits a laptop's screen however many
shortcuts there are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coproduce.ui import window_state

ShortcutGroup = tuple[str, Sequence[tuple[str, str]]]
"""Where the keys work ("Sessions page"), then (keys, what they do) for each."""


class KeyboardShortcutsDialog(QDialog):
    """The shortcuts in a list, one heading per page or window, each heading open."""

    def __init__(self, groups: Sequence[ShortcutGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "keyboard shortcuts")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Keys that work on each page. Tab and Shift+Tab move between controls; "
                "Alt with an underlined letter goes to that control; F10 or Alt alone "
                "opens the menus."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts by page"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for place, shortcuts in groups:
            heading = QTreeWidgetItem(self.tree, [place, ""])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("%s: %d shortcuts") % (place, len(shortcuts)),
            )
            for keys, what in shortcuts:
                row = QTreeWidgetItem(heading, [keys, what])
                row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{keys}: {what}")
            heading.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        # Tall enough for a page's keys at a glance, well inside a 1366 x 768 screen.
        width = self.fontMetrics().averageCharWidth() * 90
        self.resize(width, self.fontMetrics().lineSpacing() * 30)

    def shown_groups(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def shortcuts_of(self, place: str) -> list[tuple[str, str]]:
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            if heading.text(0) == place:
                return [
                    (heading.child(row).text(0), heading.child(row).text(1))
                    for row in range(heading.childCount())
                ]
        return []
