"""The dialog for assessing where a piece of work sits on the ladder (new, or a correction).

The guided questions come first, each answered yes / partly / no / don't know from the
keyboard (Tab to a question, arrow keys to answer). The rung they suggest, and why, shows
at once below them and is updated with every answer. The rung chosen follows the
suggestion until the person picks another one themselves; a rung other than the suggested
one needs a reason in the rationale, and the refusal appears beside the rationale.

Then who made the assessment (someone on the register, found by typing a few letters, or
just a name such as "Carers' forum members"), whether they are a participant or staff, the
date, and the evidence: the document's own sessions, contributions and responses ("what the
groups said" about it and what was done), ticked in lists, and notes.

The dialog does not save by itself: it gives the assessment to the ``save`` function it was
given (which calls the service and records the undo step) and closes only when that worked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.domain.ladder import QUESTIONS, Answer, Suggestion, answers_from, suggest_rung
from coproduce.domain.records import Document, LadderAssessment, replace
from coproduce.domain.vocabulary import LadderRung
from coproduce.services import Services
from coproduce.services.ladder import EvidenceChoices
from coproduce.ui import window_state
from coproduce.ui.formats import short_date
from coproduce.ui.groups.person_picker import PersonPicker
from coproduce.ui.ladder.ladder_widget import rung_text
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.form import FieldErrors, error_label
from coproduce.ui.widgets.scrolling import scroller_for
from coproduce.ui.widgets.text import muted

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHORT = 90


class AssessmentDialog(QDialog):
    """Guided questions, the suggested rung and why, the rung chosen, who, when and evidence."""

    def __init__(
        self,
        services: Services,
        document: Document,
        save: Callable[[LadderAssessment], LadderAssessment],
        existing: LadderAssessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "ladder assessment")
        self._services = services
        self._document = document
        self._save = save
        self._existing = existing
        self._rung_by_hand = existing is not None
        self.saved: LadderAssessment | None = None
        self.setWindowTitle(
            self.tr("Correct the ladder assessment of '%s'") % document.title
            if existing
            else self.tr("Assess '%s' on the ladder") % document.title
        )
        self.errors = FieldErrors(error_label())

        # --- guided questions -------------------------------------------------------------
        questions = QGroupBox(self.tr("Guided questions"))
        question_grid = QGridLayout(questions)
        question_grid.setColumnStretch(0, 1)
        self.answer_fields: dict[str, QComboBox] = {}
        for question in QUESTIONS:
            field = QComboBox()
            for answer in Answer:
                field.addItem(answer.label, answer.value)
            field.setCurrentIndex(field.findData(Answer.DONT_KNOW.value))
            field.setAccessibleName(question.text)
            field.setAccessibleDescription(question.help)
            field.setToolTip(question.help)
            field.currentIndexChanged.connect(self._answers_changed)
            label = QLabel(question.text)
            label.setBuddy(field)
            label.setToolTip(question.help)
            label.setWordWrap(True)
            row = len(self.answer_fields)
            question_grid.addWidget(label, row, 0)
            question_grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignTop)
            self.answer_fields[question.key] = field
        self.errors.register("answers", next(iter(self.answer_fields.values())), error_label())

        # --- the suggestion and why -------------------------------------------------------
        suggestion = QGroupBox(self.tr("What the answers suggest"))
        suggestion_layout = QVBoxLayout(suggestion)
        self.suggestion_label = QLabel()
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.suggestion_label.font()
        bold.setBold(True)
        self.suggestion_label.setFont(bold)
        self.reasons_label = QLabel()
        self.reasons_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.reasons_label.setAccessibleName(self.tr("Why this rung"))
        self.use_suggestion_button = QPushButton(self.tr("&Use the suggested rung"))
        self.use_suggestion_button.clicked.connect(self.use_suggestion)
        suggestion_layout.addWidget(self.suggestion_label)
        suggestion_layout.addWidget(self.reasons_label)
        suggestion_layout.addWidget(self.use_suggestion_button, 0, Qt.AlignmentFlag.AlignLeft)

        # --- the judgement ----------------------------------------------------------------
        judgement = QGroupBox(self.tr("Your judgement"))
        form = QFormLayout(judgement)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rung_field = QComboBox()
        self.rung_field.addItem(self.tr("Choose a rung"), 0)
        for rung in sorted(LadderRung, reverse=True):
            self.rung_field.addItem(rung_text(rung), int(rung))
        self.rung_field.activated.connect(self._rung_chosen)
        self.rung_field.currentIndexChanged.connect(self._show_difference)
        self.rationale_field = QPlainTextEdit()
        self.rationale_field.setTabChangesFocus(True)
        self.rationale_field.setPlaceholderText(
            self.tr("Why this rung; needed when it is not the suggested one")
        )
        self.rationale_field.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.difference_note = muted(QLabel())
        self.difference_note.setWordWrap(True)
        self.assessor_field = PersonPicker(services)
        self.assessor_field.setPlaceholderText(
            self.tr("Someone on the register, or a name such as 'Carers' forum members'")
        )
        self.staff_choice = QRadioButton(self.tr("Sta&ff"))
        self.participant_choice = QRadioButton(self.tr("&Participants (lived experience)"))
        self.staff_choice.setChecked(True)
        self._who = QButtonGroup(self)
        self._who.addButton(self.staff_choice)
        self._who.addButton(self.participant_choice)
        who = QWidget()
        who.setAccessibleName(self.tr("Who made the assessment"))
        who_row = QHBoxLayout(who)
        who_row.setContentsMargins(0, 0, 0, 0)
        who_row.addWidget(self.staff_choice)
        who_row.addWidget(self.participant_choice)
        who_row.addStretch(1)
        self.date_field = QDateEdit()
        self.date_field.setCalendarPopup(True)
        plain_dates(self.date_field)
        self.date_field.setMaximumDate(QDate(services.ladder.today()))
        self.date_field.setDate(QDate(services.ladder.today()))
        add = self.errors.add_row
        add(form, self.tr("&Rung:"), "rung", self.rung_field)
        rationale_message = add(form, self.tr("Ra&tionale:"), "rationale", self.rationale_field)
        holder = rationale_message.parentWidget()
        if holder is not None and holder.layout() is not None:
            holder.layout().addWidget(self.difference_note)  # type: ignore[union-attr]
        add(form, self.tr("Assess&or:"), "assessor_name", self.assessor_field)
        self.errors.register("assessor_id", self.assessor_field, error_label())
        add(form, self.tr("Made by:"), "assessor_is_participant", who)
        add(form, self.tr("Dat&e:"), "assessed_on", self.date_field)

        # --- evidence ---------------------------------------------------------------------
        evidence = QGroupBox(self.tr("Evidence from this document's own work"))
        evidence_form = QFormLayout(evidence)
        evidence_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.sessions_list = self._evidence_list(self.tr("Sessions"))
        self.contributions_list = self._evidence_list(self.tr("What people said"))
        self.responses_list = self._evidence_list(self.tr("What was done (responses)"))
        self.evidence_field = QPlainTextEdit()
        self.evidence_field.setTabChangesFocus(True)
        self.evidence_field.setPlaceholderText(self.tr("Other evidence, in a line or two"))
        self.evidence_field.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        add_evidence = self.errors.add_row
        add_evidence(
            evidence_form, self.tr("Sessio&ns:"), "evidence_meeting_ids", self.sessions_list
        )
        add_evidence(
            evidence_form,
            self.tr("What people sai&d:"),
            "evidence_contribution_ids",
            self.contributions_list,
        )
        add_evidence(
            evidence_form,
            self.tr("What &was done (responses):"),
            "evidence_response_ids",
            self.responses_list,
        )
        add_evidence(evidence_form, self.tr("Other e&vidence:"), "evidence", self.evidence_field)

        # --- around it --------------------------------------------------------------------
        left = QVBoxLayout()
        left.addWidget(questions)
        left.addWidget(suggestion)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(judgement)
        right.addWidget(evidence, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        inside = QWidget()
        inside_layout = QVBoxLayout(inside)
        inside_layout.addLayout(columns)
        scroll = scroller_for(inside, self.tr("Questions and judgement"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the assessment"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        character = self.fontMetrics().horizontalAdvance("n")
        self.resize(character * 150, self.fontMetrics().lineSpacing() * 42)

        self._fill_evidence()
        if existing is not None:
            self._show(existing)
        self._answers_changed()

    # --- what the person sees ---------------------------------------------------------------

    def answers(self) -> dict[str, Answer]:
        return {key: Answer(field.currentData()) for key, field in self.answer_fields.items()}

    def suggestion(self) -> Suggestion:
        return suggest_rung(self.answers())

    def chosen_rung(self) -> LadderRung | None:
        value = self.rung_field.currentData()
        return LadderRung(value) if value else None

    def use_suggestion(self) -> None:
        """Set the rung to the suggested one (and let it follow the answers again)."""
        suggested = self.suggestion().rung
        if suggested is not None:
            self._rung_by_hand = False
            self._set_rung(suggested)

    def collect(self) -> LadderAssessment:
        """The assessment as filled in; refuses a missing rung."""
        rung = self.chosen_rung()
        if rung is None:
            raise ValidationError(
                "Choose a rung, or answer the questions above for a suggestion.", "rung"
            )
        answers = self.answers()
        nothing_known = all(a is Answer.DONT_KNOW for a in answers.values())
        assessor_id = self.assessor_field.resolve()
        name = self.assessor_field.text().strip()
        if assessor_id is not None:
            name = self._services.people.get(assessor_id).display_name
        base = self._existing or LadderAssessment(
            document_id=self._document.id,  # type: ignore[arg-type]
            rung=rung,
            assessed_on=date.today(),
        )
        return replace(
            base,
            rung=rung,
            assessed_on=self.date_field.date().toPython(),  # type: ignore[arg-type]
            assessor_name=name,
            assessor_id=assessor_id,
            assessor_is_participant=self.participant_choice.isChecked(),
            rationale=self.rationale_field.toPlainText(),
            evidence=self.evidence_field.toPlainText(),
            evidence_meeting_ids=_ticked(self.sessions_list),
            evidence_contribution_ids=_ticked(self.contributions_list),
            evidence_response_ids=_ticked(self.responses_list),
            answers=() if nothing_known else tuple((k, a.value) for k, a in answers.items()),
        )

    def try_save(self) -> bool:
        """Save through the given function; on a refusal, say why beside the field."""
        self.errors.clear()
        try:
            self.saved = self._save(self.collect())
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            self.errors.general.setText(str(exc))
            self.errors.general.show()
            return False
        self.accept()
        return True

    # --- inside ---------------------------------------------------------------------------

    def _evidence_list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        widget.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        return widget

    def _fill_evidence(self) -> None:
        try:
            choices = self._services.ladder.evidence_choices(self._document.id)  # type: ignore[arg-type]
        except CoproduceError as exc:
            self.errors.general.setText(str(exc))
            self.errors.general.show()
            choices = EvidenceChoices([], [], [])
        for session in choices.sessions:
            _add_choice(
                self.sessions_list,
                f"{short_date(session.starts_at.date())}: {session.title}",
                session.id,
            )
        said = {c.id: c.text for c in choices.contributions}
        for contribution in choices.contributions:
            _add_choice(self.contributions_list, _short(contribution.text), contribution.id)
        for response in choices.responses:
            done = response.status.label + (f": {response.text}" if response.text else "")
            _add_choice(
                self.responses_list,
                f"{_short(said.get(response.contribution_id, ''), 40)} → {_short(done, 60)}",
                response.id,
            )
        for widget, none in (
            (self.sessions_list, self.tr("No session has discussed this document yet.")),
            (self.contributions_list, self.tr("Nothing said is linked to this document yet.")),
            (self.responses_list, self.tr("No response about this document yet.")),
        ):
            if widget.count() == 0:
                item = QListWidgetItem(none)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(item)

    def _show(self, assessment: LadderAssessment) -> None:
        try:
            answers = answers_from(assessment.answers)
        except ValidationError:
            answers = {}
        for key, field in self.answer_fields.items():
            field.setCurrentIndex(field.findData(answers.get(key, Answer.DONT_KNOW).value))
        self._set_rung(assessment.rung)
        self.rationale_field.setPlainText(assessment.rationale)
        self.evidence_field.setPlainText(assessment.evidence)
        self.assessor_field.setText(assessment.assessor_name)
        self.assessor_field.person_id = assessment.assessor_id
        (
            self.participant_choice if assessment.assessor_is_participant else self.staff_choice
        ).setChecked(True)
        self.date_field.setDate(QDate(assessment.assessed_on))
        for widget, ids in (
            (self.sessions_list, assessment.evidence_meeting_ids),
            (self.contributions_list, assessment.evidence_contribution_ids),
            (self.responses_list, assessment.evidence_response_ids),
        ):
            listed = set()
            for row in range(widget.count()):
                item = widget.item(row)
                if item.data(ID_ROLE) in ids:
                    item.setCheckState(Qt.CheckState.Checked)
                    listed.add(item.data(ID_ROLE))
            # Evidence chosen before that is no longer linked to the document stays chosen
            # (and is said to be so), rather than being dropped unseen by the next save.
            for record_id in ids:
                if record_id not in listed:
                    if widget.count() == 1 and widget.item(0).data(ID_ROLE) is None:
                        widget.takeItem(0)  # "nothing linked yet" no longer holds
                    _add_choice(
                        widget,
                        self.tr("Chosen before, no longer linked to this document (number %s)")
                        % record_id,
                        record_id,
                    )
                    widget.item(widget.count() - 1).setCheckState(Qt.CheckState.Checked)

    def _answers_changed(self, *_args: object) -> None:
        suggestion = self.suggestion()
        if suggestion.rung is None:
            self.suggestion_label.setText(self.tr("No suggestion yet"))
        else:
            self.suggestion_label.setText(self.tr("Suggested: %s") % rung_text(suggestion.rung))
            if not self._rung_by_hand:
                self._set_rung(suggestion.rung)
        self.reasons_label.setText("\n".join(f"• {reason}" for reason in suggestion.reasons))
        self.suggestion_label.setAccessibleName(self.suggestion_label.text())
        self.suggestion_label.setAccessibleDescription(" ".join(suggestion.reasons))
        self.use_suggestion_button.setEnabled(suggestion.rung is not None)
        self._show_difference()

    def _rung_chosen(self, _index: int) -> None:
        self._rung_by_hand = True
        self._show_difference()

    def _set_rung(self, rung: LadderRung) -> None:
        self.rung_field.setCurrentIndex(self.rung_field.findData(int(rung)))

    def _show_difference(self, *_args: object) -> None:
        suggested = self.suggestion().rung
        chosen = self.chosen_rung()
        if suggested is not None and chosen is not None and chosen != suggested:
            self.difference_note.setText(
                self.tr("You chose %s, not the suggested %s: say why in the rationale.")
                % (chosen.label, suggested.label)
            )
            self.difference_note.show()
        else:
            self.difference_note.clear()
            self.difference_note.hide()


def _add_choice(widget: QListWidget, text: str, record_id: int | None) -> None:
    item = QListWidgetItem(text)
    item.setData(ID_ROLE, record_id)
    item.setToolTip(text)
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
    )
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.addItem(item)


def _ticked(widget: QListWidget) -> tuple[int, ...]:
    return tuple(
        sorted(
            int(widget.item(row).data(ID_ROLE))
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
            and widget.item(row).data(ID_ROLE) is not None
        )
    )


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
