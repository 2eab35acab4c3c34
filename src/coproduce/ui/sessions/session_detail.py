"""The right-hand side of the Sessions page: what the selected session is, and five tabs.

Details (the session's own fields), Agenda, Actions from last time, Preparation and
Register. Only the tab in view reads its data when another session is chosen; the others
catch up when they are opened, so moving down the sessions list stays quick.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from coproduce.domain.records import Meeting
from coproduce.ui.context import WindowContext
from coproduce.ui.sessions.agenda_planner import AgendaPlanner
from coproduce.ui.sessions.attendance_register import AttendanceRegister
from coproduce.ui.sessions.carried_actions import CarriedActions
from coproduce.ui.sessions.preparation_checklist import PreparationChecklist
from coproduce.ui.sessions.session_editor import session_when_and_where
from coproduce.ui.widgets.text import heading_label, muted


class SessionPart(Protocol):
    """A tab that shows one part of a saved session (None: no saved session)."""

    def show_meeting(self, meeting_id: int | None) -> None: ...


class SessionDetail(QWidget):
    """The heading and tabs for one session. ``details`` is the session editor's widget."""

    DETAILS, AGENDA, CARRIED, PREPARATION, REGISTER = range(5)

    def __init__(
        self, context: WindowContext, details: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.meeting: Meeting | None = None
        self.setAccessibleName(self.tr("Selected session"))
        self.heading = heading_label(self.tr("New session"))
        font = self.heading.font()
        font.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.when_label = QLabel()
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)
        self.when_label.setAccessibleName(self.tr("When and where"))
        muted(self.when_label)

        self.agenda = AgendaPlanner(context)
        self.carried = CarriedActions(context)
        self.preparation = PreparationChecklist(context)
        self.register = AttendanceRegister(context)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the session"))
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the session"))
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        self.tabs.addTab(self.carried, self.tr("Actions from last time"))
        self.tabs.addTab(self.preparation, self.tr("Preparation"))
        self.tabs.addTab(self.register, self.tr("Register"))
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(
                index, self.tr("%s (Alt+%d)") % (self.tabs.tabText(index), index + 1)
            )
        self._parts: dict[int, SessionPart] = {
            self.AGENDA: self.agenda,
            self.CARRIED: self.carried,
            self.PREPARATION: self.preparation,
            self.REGISTER: self.register,
        }
        self._stale: set[int] = set(self._parts)
        self.tabs.currentChanged.connect(self._tab_opened)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.when_label)
        layout.addWidget(self.tabs, 1)
        for part in (self.preparation, self.register):
            part.changed.connect(lambda p=part: self._part_changed(p))

    def show_meeting(self, meeting: Meeting | None) -> None:
        """Show ``meeting`` (None: a new session being planned; its other tabs wait)."""
        self.meeting = meeting
        self.heading.setText(meeting.title if meeting else self.tr("New session"))
        self.heading.setAccessibleName(self.heading.text())
        when = session_when_and_where(meeting) if meeting else ""
        self.when_label.setText(when or self.tr("Not saved yet: Ctrl+S saves it."))
        self.when_label.setAccessibleDescription(self.when_label.text())
        saved = meeting is not None and meeting.id is not None
        for index in self._parts:
            self.tabs.setTabEnabled(index, saved)
            self.tabs.setTabToolTip(
                index,
                self.tr("%s (Alt+%d)") % (self.tabs.tabText(index), index + 1)
                if saved
                else self.tr("Save the new session first"),
            )
        self._stale = set(self._parts)
        if not saved:
            for part in self._parts.values():
                part.show_meeting(None)
            self._stale.clear()
        else:
            self._tab_opened(self.tabs.currentIndex())

    def open_tab(self, index: int) -> bool:
        """Bring a tab forward and put the keyboard in it; False when it cannot be opened."""
        if not self.tabs.isTabEnabled(index):
            return False
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        focused = QApplication.focusWidget()
        if focused is None or not self.tabs.currentWidget().isAncestorOf(focused):
            # Nothing in the tab takes the keyboard (an empty list): stay on its tab.
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _tab_opened(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            meeting_id = self.meeting.id if self.meeting is not None else None
            self._parts[index].show_meeting(meeting_id)

    def _part_changed(self, part: object) -> None:
        """The register changes who is expected, which the checklist is built from (and the
        other way round is harmless): the other parts read again when next opened."""
        current = self.tabs.currentIndex()
        for index, other in self._parts.items():
            if other is not part and index != current:
                self._stale.add(index)
