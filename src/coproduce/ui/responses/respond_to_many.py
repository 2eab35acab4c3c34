"""Respond to several contributions at once: the same status, wording and decision for all.

Typical after a board meeting: "these six ideas about transport were all taken forward". The
form (``RespondToManyForm``, shown in the tidy-up whenever several rows are chosen, and inside
``RespondToManyDialog`` elsewhere) lists the chosen contributions, says how many already have
a response (it will be replaced), and asks the response's questions (the same form as for one
contribution). All are answered in one go or none is: when one of them cannot take the
response (the section that changed belongs to a document one of them is not linked to) the
form says which, beside the field, and keeps everything typed. The whole change is one undo step,
the links a "Changed the document" made Influenced included.

Several facilitators share one database, so the responses are replaced only if they are still
the ones the dialog loaded when it opened: if someone else changed one meanwhile (a feedback
date, a new answer), nothing is saved and the dialog names the contributions concerned, keeps
what was typed and takes their change into account, so a second "Respond to all" replaces it
knowingly. Undo and redo are refused (and dropped) when any of the responses was changed
elsewhere since, rather than putting back an old copy over someone's work.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ConflictError, CoproduceError, ValidationError
from coproduce.domain.records import Link, Response, replace
from coproduce.domain.vocabulary import ResponseStatus
from coproduce.ui import prompts, window_state
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of
from coproduce.ui.responses.links_editor import section_name
from coproduce.ui.responses.response_fields import ResponseFields, SectionChoice
from coproduce.ui.widgets.form import FieldErrors
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)

RECORD_TYPE = "response"


def _short(text: str, length: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


class RespondToManyForm(QWidget):
    """The same response for every chosen contribution, saved as one undo step.

    ``set_contributions`` changes which are chosen and keeps what is typed, so a person may
    add one more to the choice after starting the answer. With ``with_button`` the form has
    its own "Respond to these N" button (in a dialog the dialog's button does it).

    Signals:
        responded(list): the responses just saved, in the order of ``contribution_ids``.
        dirty_changed(bool): the form now holds (or no longer holds) a response not saved.
    """

    responded = Signal(list)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        context: WindowContext,
        contribution_ids: Sequence[int] = (),
        parent: QWidget | None = None,
        *,
        with_button: bool = False,
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "respond to many")
        self._context = context
        self._contributions = context.services.contributions
        self._documents = context.services.documents
        self.contribution_ids: list[int] = []
        self.saved: list[Response] = []
        self._dirty = False
        self._said: dict[int, str] = {}
        self._links: dict[int, list[Link]] = {}
        self._before: dict[int, Response] = {}

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("Who this response is for"))
        self.chosen_list = QListWidget()
        self.chosen_list.setAccessibleName(self.tr("The chosen contributions"))
        self.chosen_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.chosen_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.chosen_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chosen_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.replace_note = muted(QLabel())
        self.replace_note.setWordWrap(True)

        self.errors = FieldErrors()
        self.fields = ResponseFields(
            self.errors,
            today=self._contributions.today,
            with_easy_read=False,
            with_feedback=False,
        )
        self.fields.ask_for_status(self.tr("Choose what happened to them"))
        self.fields.changed.connect(lambda: self._set_dirty(True))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.chosen_list)
        layout.addWidget(self.replace_note)
        layout.addWidget(self.fields)
        layout.addWidget(self.errors.general)
        self.respond_button: QPushButton | None = None
        if with_button:
            self.respond_button = QPushButton()
            self.respond_button.setAutoDefault(False)
            self.respond_button.clicked.connect(self.respond)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.respond_button)
            layout.addLayout(row)
            # Enter in a one-line field answers them all, as the dialog's default button does.
            for line in self.fields.findChildren(QLineEdit):
                line.returnPressed.connect(self.respond)
        layout.addStretch(1)
        self.set_contributions(contribution_ids)

    # --- what the holder uses ------------------------------------------------------------

    def set_contributions(self, contribution_ids: Sequence[int]) -> None:
        """Respond to these (what is typed stays)."""
        self.contribution_ids = list(dict.fromkeys(contribution_ids))
        ids = self.contribution_ids
        count = len(ids)
        self._said = {c.id: c.text for c in self._contributions.get_many(ids) if c.id}
        self._links = {cid: self._contributions.links_of(cid) for cid in ids}
        self._before = self._contributions.responses_of(ids)
        self.intro.setText(
            self.tr("The same response for each of these %s, saved together (one Ctrl+Z):")
            % count_of(count, "contribution")
        )
        self.chosen_list.clear()
        for cid in ids:
            self.chosen_list.addItem(f"“{_short(self._said.get(cid, ''), 90)}”")
        self.fields.set_sections(self._section_choices())
        self._show_replace_note()
        if self.respond_button is not None:
            self.respond_button.setText(self.tr("Respon&d to these %d") % count)
            self.respond_button.setAccessibleName(
                self.tr("Save this response for the %s") % count_of(count, "chosen contribution")
            )

    def title(self) -> str:
        return self.tr("Respond to %s") % count_of(len(self.contribution_ids), "contribution")

    # --- Editing -------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def save_changes(self) -> bool:
        return self.respond()

    def discard_changes(self) -> None:
        """Empty the form again: no status chosen, nothing typed."""
        self.errors.clear()
        self.fields.fill(Response(contribution_id=0))
        self.fields.ask_for_status(self.tr("Choose what happened to them"))
        self._set_dirty(False)

    def unsaved_description(self) -> str:
        return self.tr("the response to the %s") % count_of(
            len(self.contribution_ids), "chosen contribution"
        )

    # --- saving --------------------------------------------------------------------------

    def respond(self) -> bool:
        """Save the response for all; on a refusal the message is shown and nothing saved.

        The responses are replaced only if they are still the ones loaded when the form
        was filled: when someone else changed one meanwhile, nothing is saved, the person is
        told whose, and the form (input kept) now knows the latest ones, so a second Respond
        to all replaces them knowingly and Undo brings back what the other person wrote."""
        self.errors.clear()
        if not self.contribution_ids:
            return False
        try:
            template = self.fields.collect(Response(contribution_id=self.contribution_ids[0]))
            self._check_sections(template)
            answered = self._contributions.respond_to_many_and_relink(
                self.contribution_ids,
                template,
                expected_versions={cid: self._before[cid].version for cid in self.contribution_ids},
            )
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except ConflictError as exc:
            self._someone_else_changed(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not saved"), str(exc))
            return False
        saved = list(answered.responses)
        self.saved = saved
        # A contribution answered for the first time gets a row; undo leaves that row
        # saying "not answered yet", as it was shown before.
        before = {
            response.contribution_id: replace(
                self._before[response.contribution_id], id=response.id
            )
            for response in saved
        }
        after = {response.contribution_id: response for response in saved}
        ids, contributions = list(self.contribution_ids), self._contributions
        # The versions this step last left, so undo and redo are refused (and dropped) when
        # anyone changed one of these responses since, instead of overwriting that change.
        versions = {response.contribution_id: response.version for response in saved}
        last = [answered]

        changes = self._context.changes

        def put(wanted: dict[int, Response], undoing: bool) -> None:
            links_back = last[0].links_back() if undoing else ()
            done = contributions.respond_each_and_relink(
                [replace(wanted[cid], version=versions[cid]) for cid in ids],
                links_back=links_back,
            )
            versions.update({r.contribution_id: r.version for r in done.responses})
            if not undoing:
                last[0] = done
            if links_back or done.links_before:
                changes.changed.emit("link")  # the links shown beside follow

        self._context.undo_stack.push(
            ServiceCommand(
                self.title(),
                undo_call=lambda: put(before, True),
                redo_call=lambda: put(after, False),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self._command_parent(),
            )
        )
        self._before = {response.contribution_id: response for response in saved}
        self._show_replace_note()
        self._set_dirty(False)
        self._context.changes.changed.emit(RECORD_TYPE)
        if answered.links_before:
            self._context.changes.changed.emit("link")
        self.responded.emit(saved)
        return True

    # --- inside --------------------------------------------------------------------------

    def _command_parent(self) -> QWidget:
        """Where an undo that fails says so: the window, or what a dialog was opened over
        (the dialog itself is gone by then)."""
        window = self.window()
        if isinstance(window, QDialog) and window.parentWidget() is not None:
            return window.parentWidget()
        return window

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _show_replace_note(self) -> None:
        """Say how many of the chosen already have a response that this one replaces."""
        answered = sum(
            1 for r in self._before.values() if r.status is not ResponseStatus.NOT_ANSWERED
        )
        if answered == 1:
            self.replace_note.setText(
                self.tr(
                    "One of them already has a response. It will be replaced by this one, "
                    "feedback date included; Undo (Ctrl+Z) brings it back."
                )
            )
        elif answered:
            self.replace_note.setText(
                self.tr(
                    "%s of them already have a response. They will be replaced by this one, "
                    "feedback dates included; Undo (Ctrl+Z) brings them back."
                )
                % answered
            )
        self.replace_note.setVisible(bool(answered))

    def _section_choices(self) -> list[SectionChoice]:
        """Sections of every document any of the chosen contributions is linked to."""
        document_ids = list(
            dict.fromkeys(link.document_id for links in self._links.values() for link in links)
        )
        titles = {d.id: d.title for d in self._documents.get_many(document_ids)}
        choices: list[SectionChoice] = []
        for document_id in document_ids:
            for section in self._documents.sections(document_id):
                assert section.id is not None
                name = section_name(section)
                if len(document_ids) > 1:
                    name = f"{name} ({titles.get(document_id, '')})"
                choices.append((section.id, name))
        return choices

    def _someone_else_changed(self, refusal: ConflictError) -> None:
        """Tell whose responses changed since the dialog opened, and take the latest ones."""
        try:
            latest = self._contributions.responses_of(self.contribution_ids)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not saved"), f"{refusal}\n\n{exc}")
            return
        changed = [
            cid for cid in self.contribution_ids if latest[cid].version != self._before[cid].version
        ]
        self._before = latest
        self._show_replace_note()
        self._context.changes.changed.emit(RECORD_TYPE)  # the pages behind show their change
        if not changed:  # refused for a reason the reload cannot see: say it as it came
            prompts.show_error(self, self.tr("Not saved"), str(refusal))
            return
        named = "\n".join(f"• “{_short(self._said.get(cid, ''))}”" for cid in changed)
        if len(changed) == 1:
            message = self.tr(
                "Someone else changed the response to this contribution while this window "
                "was open:\n%s\n\nNothing was saved, and what you typed is still here. "
                "Choose Respond to all again to replace their response with yours (Undo "
                "brings theirs back), or Cancel to keep theirs."
            )
        else:
            message = self.tr(
                "Someone else changed the responses to these contributions while this window "
                "was open:\n%s\n\nNothing was saved, and what you typed is still here. "
                "Choose Respond to all again to replace their responses with yours (Undo "
                "brings theirs back), or Cancel to keep theirs."
            )
        prompts.show_error(self, self.tr("Changed by someone else"), message % named)

    def _check_sections(self, template: Response) -> None:
        """Say which contributions cannot name the section, before asking the services."""
        if template.section_id is None:
            return
        section = self._documents.get_section(template.section_id)
        unlinked = [
            cid
            for cid in self.contribution_ids
            if all(link.document_id != section.document_id for link in self._links[cid])
        ]
        if not unlinked:
            return
        document = self._documents.get(section.document_id)
        named = ", ".join(f"“{_short(self._said.get(cid, ''), 40)}”" for cid in unlinked[:3])
        if len(unlinked) > 3:
            named += self.tr(" and %s more") % (len(unlinked) - 3)
        if len(unlinked) == 1:
            message = self.tr(
                "One of the chosen contributions is not linked to “%s”, so the section "
                "cannot be named for it: %s. Link it to the document first, or leave it out."
            ) % (document.title, named)
        else:
            message = self.tr(
                "%s of the chosen contributions are not linked to “%s”, so the section "
                "cannot be named for them: %s. Link them to the document first, or leave "
                "them out."
            ) % (len(unlinked), document.title, named)
        raise ValidationError(message, "section_id")


class RespondToManyDialog(QDialog):
    """The same response for every chosen contribution, as one undo step (the form in a
    dialog, for the document view).

    ``exec()`` returns ``Accepted`` once the responses are saved (and pushed onto the undo
    stack); ``saved`` then holds them, in the order of ``contribution_ids``.
    """

    def __init__(
        self,
        context: WindowContext,
        contribution_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = RespondToManyForm(context, contribution_ids, self)
        self.contribution_ids = self.form.contribution_ids
        self.fields = self.form.fields
        self.errors = self.form.errors
        self.chosen_list = self.form.chosen_list
        self.replace_note = self.form.replace_note
        self.setWindowTitle(self.form.title())
        self.setAccessibleName(self.windowTitle())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Respon&d to all"))
        ok.setAccessibleName(self.tr("Save this response for every chosen contribution"))
        self.buttons.accepted.connect(self.respond)
        self.buttons.rejected.connect(self.reject)
        self.form.responded.connect(lambda _saved: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.fields.status_field.setFocus()

    @property
    def saved(self) -> list[Response]:
        return self.form.saved

    def respond(self) -> bool:
        """Save the response for all (see ``RespondToManyForm.respond``); closes when saved."""
        return self.form.respond()
