"""One contribution: what was said and by whom, the documents it is linked to, and what
happened to it ("You said, we did").

Embedded wherever one contribution is chosen (the document view, the tidy-up after a
session). The links are saved as they are made (see ``LinksEditor``); the response has its
own Save and Revert (see ``ResponseEditor``). Ctrl+S anywhere in the panel saves what is
typed in it: a link being added, then the response. The panel answers ``Editing`` (unsaved
work, save, discard), so whoever holds it asks ``may_leave(panel)`` before showing another
contribution or leaving, and nothing typed is lost.

Linking never changes the response: choosing "changed the document" afterwards offers the
sections of the documents now linked. The other way round, saving "changed the document" makes
the links to that document Influenced, and the panel says so under the links (one Ctrl+Z
undoes both).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError, NotFoundError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Contribution, Response
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.responses.links_editor import LinksEditor, section_name
from coproduce.ui.responses.response_editor import ResponseEditor
from coproduce.ui.responses.response_fields import SectionChoice
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)

FOLLOWED_TYPES = frozenset(
    {"contribution", "link", "document", "section", "person", "consent", "meeting"}
)


class ContributionPanel(QWidget):
    """What was said, its links and its response, for one contribution.

    Signals:
        dirty_changed(bool): the panel now holds (or no longer holds) unsaved work.
    """

    dirty_changed = Signal(bool)

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        scrolls_response: bool = True,
    ) -> None:
        """``scrolls_response``: the response's fields scroll on their own; False where the
        whole panel sits in a scroll area (never a scroll area inside another)."""
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.contribution: Contribution | None = None
        self._dirty = False
        self.setAccessibleName(self.tr("The chosen contribution"))

        self.said_label = QLabel()
        self.said_label.setWordWrap(True)
        self.said_label.setTextFormat(Qt.TextFormat.PlainText)
        self.said_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.said_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # read by keyboard users
        font = QFont(self.said_label.font())
        font.setBold(True)
        self.said_label.setFont(font)
        self.source_label = muted(QLabel())
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)

        self.links = LinksEditor(context)
        self.response = ResponseEditor(context, scrolls=scrolls_response)
        self.relink_note = muted(QLabel())
        self.relink_note.setWordWrap(True)
        self.relink_note.setTextFormat(Qt.TextFormat.PlainText)
        self.relink_note.setAccessibleName(self.tr("Links changed by the response"))
        self.relink_note.hide()
        links_box = QGroupBox(self.tr("Linked to"))
        links_layout = QVBoxLayout(links_box)
        links_layout.addWidget(self.links)
        links_layout.addWidget(self.relink_note)
        response_box = QGroupBox(self.tr("What happened (you said, we did)"))
        response_layout = QVBoxLayout(response_box)
        response_layout.setContentsMargins(4, 4, 4, 4)
        response_layout.addWidget(self.response)
        self.links_box, self.response_box = links_box, response_box

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.said_label)
        layout.addWidget(self.source_label)
        layout.addWidget(links_box)
        layout.addWidget(response_box, 1)

        self.links.changed.connect(self._check_dirty)
        self.links.links_changed.connect(self._offer_sections)
        self.response.dirty_changed.connect(self._check_dirty)
        self.response.saved.connect(self._say_relinked)
        context.changes.changed.connect(self._record_changed)
        # Ctrl+S is caught before the focused field sees it (a list box would take the "s"
        # as a search), and claimed before the page's own window-wide Save can fire.
        for widget in self.findChildren(QWidget):
            widget.installEventFilter(self)
        self.show_contribution(None)

    # --- showing -------------------------------------------------------------------------

    @property
    def contribution_id(self) -> int | None:
        return self.contribution.id if self.contribution else None

    def show_contribution(self, contribution_id: int | None) -> None:
        """Show a contribution (None: none chosen). Unsaved work here is dropped: ask
        ``may_leave(panel)`` first."""
        contribution: Contribution | None = None
        response: Response | None = None
        if contribution_id is not None:
            try:
                contribution = self._services.contributions.get(contribution_id)
                response = self._services.contributions.response_of(contribution_id)
            except CoproduceError as exc:
                log.warning(
                    "Could not read contribution %s: %s", contribution_id, describe_error(exc)
                )
                contribution = response = None
        self.contribution = contribution
        self.relink_note.hide()
        self._show_header()
        cid = contribution.id if contribution else None
        if contribution is not None and cid is not None:
            self.response.set_contribution_words(cid, contribution.text)
        self.links.show_contribution(cid)
        self._offer_sections()
        self.response.load(response)
        self.links_box.setEnabled(contribution is not None)
        self.response_box.setEnabled(contribution is not None)
        self._check_dirty()

    def _show_header(self) -> None:
        contribution = self.contribution
        if contribution is None or contribution.id is None:
            self.said_label.setText(self.tr("Choose a contribution to see its links and response."))
            self.said_label.setAccessibleName(self.said_label.text())
            self.source_label.setText("")
            self.source_label.hide()
            return
        self.said_label.setText(f"“{contribution.text}”")
        self.said_label.setAccessibleName(self.tr("What was said: %s") % contribution.text)
        parts = [
            self._services.contributions.display_speakers([contribution.id]).get(
                contribution.id, ""
            ),
            contribution.kind.label,
        ]
        try:
            meeting = self._services.meetings.get(contribution.meeting_id)
            when = short_date(meeting.starts_at.date())
            # Sessions are often named after their date: say it once.
            parts.append(meeting.title if when in meeting.title else f"{meeting.title}, {when}")
        except CoproduceError:
            pass
        self.source_label.setText(" · ".join(p for p in parts if p))
        self.source_label.setAccessibleName(self.tr("Who said it, and when"))
        self.source_label.show()

    def _offer_sections(self) -> None:
        """The response may name a section of any document the contribution is linked to."""
        document_ids = list(dict.fromkeys(link.document_id for link in self.links.links()))
        choices: list[SectionChoice] = []
        try:
            titles = {d.id: d.title for d in self._services.documents.get_many(document_ids)}
            for document_id in document_ids:
                for section in self._services.documents.sections(document_id):
                    assert section.id is not None
                    name = section_name(section)
                    if len(document_ids) > 1:
                        name = f"{name} ({titles.get(document_id, '')})"
                    choices.append((section.id, name))
        except CoproduceError as exc:
            log.warning("Could not read the sections of linked documents: %s", describe_error(exc))
        self.response.set_sections(choices)

    def _say_relinked(self, _saved: object) -> None:
        """After a save that made links Influenced: say which, so the two read as one."""
        relinked = self.response.relinked
        if not relinked:
            self.relink_note.hide()
            return
        try:
            titles = {
                d.id: d.title
                for d in self._services.documents.get_many(
                    list(dict.fromkeys(link.document_id for link in relinked))
                )
            }
        except CoproduceError:
            titles = {}
        named = ", ".join(f"“{title}”" for title in titles.values())
        self.relink_note.setText(
            self.tr(
                "The response says it changed the document, so the link to %s now says "
                "Influenced. Ctrl+Z undoes both."
            )
            % named
        )
        self.relink_note.setAccessibleDescription(self.relink_note.text())
        self.relink_note.show()

    # --- Editing -------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.links.has_pending_link() or self.response.has_unsaved_changes()

    def save_changes(self) -> bool:
        """Save a link being added or changed, then the response. False when refused (the
        message is beside the field)."""
        if self.links.has_pending_link() and not self.links.save_pending_link():
            return False
        if self.response.has_unsaved_changes():
            return self.response.save_changes()
        return True

    def discard_changes(self) -> None:
        self.links.forget_pending_link()
        self.response.discard_changes()

    def unsaved_description(self) -> str:
        parts = []
        if self.links.has_pending_link():
            parts.append(self.links.pending_description())
        if self.response.has_unsaved_changes() and self.response.record is not None:
            parts.append(self.response.describe(self.response.record))
        return self.tr(" and ").join(parts)

    # --- inside --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        return self._save_key(event) or super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        return self._save_key(event) or super().event(event)

    def _save_key(self, event: QEvent) -> bool:
        """Ctrl+S in the panel saves the panel. Claiming the key at its shortcut check keeps
        it from being ambiguous with a page's window-wide Save."""
        kind = event.type()
        if (
            kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            or not isinstance(event, QKeyEvent)
            or not event.matches(QKeySequence.StandardKey.Save)
        ):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            self.save_changes()
        return True

    def _check_dirty(self, *_args: object) -> None:
        dirty = self.has_unsaved_changes()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _record_changed(self, record_type: str) -> None:
        if record_type not in FOLLOWED_TYPES or self.contribution is None:
            return
        cid = self.contribution.id
        assert cid is not None
        try:
            self.contribution = self._services.contributions.get(cid)
        except NotFoundError:  # deleted (or its creation undone): nothing to show
            self.show_contribution(None)
            return
        except CoproduceError as exc:
            log.warning("Could not read contribution %s again: %s", cid, describe_error(exc))
            return
        self._show_header()
        if record_type in ("link", "document", "section"):
            if record_type != "link":
                self.links.refresh_documents()
            self.links.reload()
            self._offer_sections()
