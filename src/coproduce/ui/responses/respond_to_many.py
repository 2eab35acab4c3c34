"""Respond to several contributions at once: the same status, wording and decision for all.

Typical after a board meeting: "these six ideas about transport were all taken forward". The
dialog lists the chosen contributions, says how many already have a response (it will be
replaced), and asks the response's questions (the same form as for one contribution). All
are answered in one go or none is: when one of them cannot take the response (the section
that changed belongs to a document one of them is not linked to) the dialog says which,
beside the field, and stays open with everything typed. The whole change is one undo step.

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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ConflictError, CoproduceError, ValidationError
from coproduce.domain.records import Response, replace
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


class RespondToManyDialog(QDialog):
    """The same response for every chosen contribution, as one undo step.

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
        window_state.remember(self, "respond to many")
        self._context = context
        self._contributions = context.services.contributions
        self._documents = context.services.documents
        self.contribution_ids = list(dict.fromkeys(contribution_ids))
        self.saved: list[Response] = []
        count = len(self.contribution_ids)
        self.setWindowTitle(self.tr("Respond to %s") % count_of(count, "contribution"))
        self.setAccessibleName(self.windowTitle())

        said = {c.id: c.text for c in self._contributions.get_many(self.contribution_ids)}
        self._said = said
        self._links = {cid: self._contributions.links_of(cid) for cid in self.contribution_ids}
        self._before = self._contributions.responses_of(self.contribution_ids)

        intro = QLabel(self.tr("The same response for each of these:"))
        self.chosen_list = QListWidget()
        self.chosen_list.setAccessibleName(self.tr("The chosen contributions"))
        self.chosen_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for cid in self.contribution_ids:
            self.chosen_list.addItem(f"“{_short(said.get(cid, ''), 90)}”")
        self.chosen_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.chosen_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chosen_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.replace_note = muted(QLabel())
        self.replace_note.setWordWrap(True)
        self._show_replace_note()

        self.errors = FieldErrors()
        self.fields = ResponseFields(
            self.errors,
            today=self._contributions.today,
            with_easy_read=False,
            with_feedback=False,
        )
        self.fields.set_sections(self._section_choices())
        self.fields.ask_for_status(self.tr("Choose what happened to them"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Respon&d to all"))
        ok.setAccessibleName(self.tr("Save this response for every chosen contribution"))
        self.buttons.accepted.connect(self.respond)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chosen_list)
        layout.addWidget(self.replace_note)
        layout.addWidget(self.fields)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.fields.status_field.setFocus()

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

    # --- saving --------------------------------------------------------------------------

    def respond(self) -> bool:
        """Save the response for all; on a refusal the message is shown and nothing saved.

        The responses are replaced only if they are still the ones loaded when the dialog
        opened: when someone else changed one meanwhile, nothing is saved, the person is told
        whose, and the dialog (input kept) now knows the latest ones, so a second Respond to
        all replaces them knowingly and Undo brings back what the other person wrote."""
        self.errors.clear()
        try:
            template = self.fields.collect(Response(contribution_id=self.contribution_ids[0]))
            self._check_sections(template)
            saved = self._contributions.respond_to_many(
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

        def put(wanted: dict[int, Response]) -> None:
            done = contributions.respond_each(
                [replace(wanted[cid], version=versions[cid]) for cid in ids]
            )
            versions.update({response.contribution_id: response.version for response in done})

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Respond to %s") % count_of(len(ids), "contribution"),
                undo_call=lambda: put(before),
                redo_call=lambda: put(after),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self.parentWidget(),
            )
        )
        self._context.changes.changed.emit(RECORD_TYPE)
        self.accept()
        return True

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
