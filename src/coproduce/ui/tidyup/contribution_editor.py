"""The editor of one contribution in the tidy-up view: its wording (and easy-read wording,
checked as it is typed and drafted from what was said, with the row's picture), whether it
goes into the session's easy-read summary ("What you told us"), kind, speaker, agenda item
and tags.

Saving goes through ``ContributionService.update``, so the capture rules hold here too: a
named speaker must be marked present at the session, and the agenda item must be one of this
session's. Each save is undone with Ctrl+Z like any other edit. The speaker list offers those
marked present, "Anonymous" and "The whole group"; beside it the editor says how outputs will
show the words (a name only with 'quoted by name' consent in force).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from coproduce.domain.attribution import GROUP_MEMBER, attributed_name
from coproduce.domain.records import AgendaItem, Contribution, replace
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    MakingItRealTheme,
    RowKind,
)
from coproduce.services.capture import Speaker
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.text import muted

NOBODY = "anonymous"
GROUP = "group"


class ContributionEditor(RecordEditor[Contribution]):
    record_type = "contribution"
    record_label = "contribution"

    def __init__(
        self, context: WindowContext, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self._meeting_id = meeting_id
        self._speakers: dict[int, Speaker] = {}
        self.setAccessibleName(self.tr("Selected contribution"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(form)

        self.text_box = QPlainTextEdit()
        self.text_box.setAccessibleName(self.tr("What was said"))
        self.text_box.setTabChangesFocus(True)
        self.text_box.setToolTip(
            self.tr("To split it in two, put the cursor where the second part starts: Ctrl+T")
        )
        self.errors.add_row(form, self.tr("&What was said:"), "text", self.text_box)
        self.text_box.setMaximumHeight(self.text_box.fontMetrics().lineSpacing() * 5)
        # The easy-read wording ("What you told us" in the easy-read summary), drafted from
        # what was said; ``easy_read_box`` is its text box (the view lets Ctrl+Z through it).
        self.easy_read = EasyReadEdit(
            context, self.text_box.toPlainText, source_name=self.tr("what was said")
        )
        self.easy_read_box = self.easy_read.edit
        self.easy_read_box.setAccessibleName(self.tr("Easy-read wording"))
        self.errors.add_row(form, self.tr("&Easy-read wording:"), "easy_read", self.easy_read)
        self.picture = RowPicture(context, RowKind.CONTRIBUTION, scope=self)
        form.addRow(self.tr("Picture:"), self.picture)
        # The facilitator chooses what goes into "What you told us" (and "You said / We did")
        # of the easy-read summary; nothing is chosen for them.
        self.summary_box = QCheckBox(self.tr("In the easy-read s&ummary"))
        self.summary_box.setAccessibleName(self.tr("In the easy-read summary"))
        self.summary_box.setToolTip(
            self.tr(
                "Ticked: shown under 'What you told us' in the session's easy-read summary, "
                "in its easy-read wording (Space in the list ticks the selected ones)"
            )
        )
        form.addRow("", self.summary_box)

        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind"))
        for kind in ContributionKind:
            self.kind_box.addItem(kind.label, kind.value)
        self.errors.add_row(form, self.tr("&Kind:"), "kind", self.kind_box)

        self.speaker_box = QComboBox()
        self.speaker_box.setAccessibleName(self.tr("Speaker"))
        self.speaker_box.setToolTip(
            self.tr("Those marked present, Anonymous or The whole group; type letters to choose")
        )
        self.errors.add_row(form, self.tr("S&peaker:"), "speaker_id", self.speaker_box)
        self.anonymous_box = QCheckBox(self.tr("&Never name them in outputs"))
        self.anonymous_box.setAccessibleName(self.tr("Kept anonymous in outputs"))
        self.anonymous_box.setToolTip(
            self.tr("Kept anonymous: stored as theirs, shown as 'A group member said'")
        )
        form.addRow("", self.anonymous_box)
        self.shown_as = QLabel()
        self.shown_as.setAccessibleName(self.tr("How outputs show the speaker"))
        self.shown_as.setTextFormat(Qt.TextFormat.PlainText)
        self.shown_as.setWordWrap(True)
        muted(self.shown_as)
        form.addRow("", self.shown_as)

        self.item_box = QComboBox()
        self.item_box.setAccessibleName(self.tr("Agenda item"))
        self.errors.add_row(form, self.tr("Agenda &item:"), "agenda_item_id", self.item_box)

        self.themes = self._tag_list(
            self.tr("Making it Real themes"), [(t.label, t.value) for t in MakingItRealTheme], 6
        )
        self.errors.add_row(form, self.tr("Making it &Real themes:"), "themes", self.themes)
        self.statements = self._tag_list(
            self.tr("CQC quality statements"),
            [(f"{s.label} ({s.theme})", s.value) for s in CqcQualityStatement],
            9,
        )
        self.errors.add_row(
            form, self.tr("CQC quality s&tatements:"), "quality_statements", self.statements
        )

        self.body.addStretch(1)
        # Long agenda titles or names would widen the editor and squeeze the list beside it:
        # the boxes drop down wider instead.
        for box in (self.kind_box, self.speaker_box, self.item_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
        self.watch(
            self.text_box,
            self.easy_read,
            self.summary_box,
            self.kind_box,
            self.speaker_box,
            self.anonymous_box,
            self.item_box,
            self.themes,
            self.statements,
        )
        self.speaker_box.currentIndexChanged.connect(self._show_source)
        self.anonymous_box.toggled.connect(self._show_source)
        self.reload_choices()
        self.load(None)

    # --- choices -------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Read again who is present and the agenda (after the register or agenda changed)."""
        speakers = self._services.capture.speakers(self._meeting_id)
        self._speakers = {s.person_id: s for s in speakers}
        items = self._services.meetings.agenda(self._meeting_id)
        was_loading = self._loading
        self._loading = True
        try:
            self._fill_items(items)
            if self.record is not None:
                self.show_record(self.record)
        finally:
            self._loading = was_loading

    def _fill_items(self, items: list[AgendaItem]) -> None:
        self.item_box.clear()
        self.item_box.addItem(self.tr("No agenda item"), None)
        for number, item in enumerate(items, start=1):
            self.item_box.addItem(f"{number}. {item.title}", item.id)

    def _fill_speakers(self, current: Contribution | None) -> None:
        self.speaker_box.clear()
        self.speaker_box.addItem(self.tr("Anonymous (speaker not recorded)"), NOBODY)
        self.speaker_box.addItem(self.tr("The whole group"), GROUP)
        for speaker in self._speakers.values():
            self.speaker_box.addItem(speaker.name, speaker.person_id)
        # Someone no longer on the register keeps their words until they are moved.
        if (
            current is not None
            and current.speaker_id is not None
            and current.speaker_id not in self._speakers
        ):
            name = self._services.people.get(current.speaker_id).display_name
            self.speaker_box.addItem(self.tr("%s (not marked present)") % name, current.speaker_id)

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Contribution | None) -> None:
        self.setEnabled(record is not None)
        self._fill_speakers(record)
        if record is None:
            self.text_box.setPlainText("")
            self.easy_read.set_text("")
            self.picture.set_row(None)
            self.summary_box.setChecked(False)
            self.kind_box.setCurrentIndex(0)
            self.speaker_box.setCurrentIndex(0)
            self.anonymous_box.setChecked(False)
            self.item_box.setCurrentIndex(0)
            self._tick(self.themes, [])
            self._tick(self.statements, [])
            self._show_source()
            return
        self.text_box.setPlainText(record.text)
        self.easy_read.set_text(record.easy_read)
        self.picture.set_row(record.id, record.easy_read or record.text)
        self.summary_box.setChecked(record.in_summary)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(record.kind.value)))
        if record.attribution is Attribution.WHOLE_GROUP:
            wanted: object = GROUP
        elif record.speaker_id is None:
            wanted = NOBODY
        else:
            wanted = record.speaker_id
        self.speaker_box.setCurrentIndex(max(0, self.speaker_box.findData(wanted)))
        self.anonymous_box.setChecked(
            record.attribution is Attribution.ANONYMOUS and record.speaker_id is not None
        )
        self.item_box.setCurrentIndex(max(0, self.item_box.findData(record.agenda_item_id)))
        self._tick(self.themes, [t.value for t in record.themes])
        self._tick(self.statements, [q.value for q in record.quality_statements])
        self._show_source()

    def collect(self) -> Contribution:
        assert self.record is not None
        attribution, speaker_id = self.chosen_source()
        return replace(
            self.record,
            text=self.text_box.toPlainText(),
            easy_read=self.easy_read.text(),
            in_summary=self.summary_box.isChecked(),
            kind=ContributionKind(self.kind_box.currentData()),
            attribution=attribution,
            speaker_id=speaker_id,
            agenda_item_id=self.item_box.currentData(),
            themes=frozenset(MakingItRealTheme(v) for v in self._ticked(self.themes)),
            quality_statements=frozenset(
                CqcQualityStatement(v) for v in self._ticked(self.statements)
            ),
        )

    def create(self, record: Contribution) -> Contribution:
        raise NotImplementedError("contributions are captured in meeting mode")

    def update(self, record: Contribution) -> Contribution:
        return self._services.contributions.update(record)

    def fetch(self, record_id: int) -> Contribution:
        return self._services.contributions.get(record_id)

    def describe(self, record: Contribution) -> str:
        return self.tr("'%s'") % _short(record.text)

    # --- speaker -------------------------------------------------------------------------

    def chosen_source(self) -> tuple[Attribution, int | None]:
        data = self.speaker_box.currentData()
        if data == GROUP:
            return Attribution.WHOLE_GROUP, None
        if data == NOBODY or data is None:
            return Attribution.ANONYMOUS, None
        if self.anonymous_box.isChecked():
            return Attribution.ANONYMOUS, int(data)
        return Attribution.PERSON, int(data)

    def _show_source(self, *_args: object) -> None:
        data = self.speaker_box.currentData()
        person = data not in (GROUP, NOBODY, None)
        self.anonymous_box.setEnabled(person)
        if self.record is None:
            self.shown_as.setText("")
            return
        attribution, speaker_id = self.chosen_source()
        speaker = self._speakers.get(speaker_id) if speaker_id is not None else None
        shown = attributed_name(
            replace(self.record, attribution=attribution, speaker_id=speaker_id),
            speaker.name if speaker else None,
            speaker.quoted_by_name if speaker else False,
        )
        if person and attribution is Attribution.PERSON and shown == GROUP_MEMBER:
            words = self.tr("Outputs show: %s (no consent to be quoted by name)") % shown
        else:
            words = self.tr("Outputs show: %s") % shown
        self.shown_as.setText(words)

    # --- tags ----------------------------------------------------------------------------

    def _tag_list(self, name: str, entries: list[tuple[str, object]], rows: int) -> QListWidget:
        tags = QListWidget()
        tags.setAccessibleName(name)
        tags.setToolTip(self.tr("Space ticks or unticks the highlighted line"))
        for label, value in entries:
            entry = QListWidgetItem(label)
            entry.setToolTip(label)  # a narrow window shortens the longer statements
            entry.setData(Qt.ItemDataRole.UserRole, value)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            tags.addItem(entry)
        tags.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tags.setTextElideMode(Qt.TextElideMode.ElideRight)
        height = tags.sizeHintForRow(0) * min(len(entries), rows) + 2 * tags.frameWidth() + 2
        tags.setFixedHeight(height)
        return tags

    @staticmethod
    def _tick(tags: QListWidget, values: list[str]) -> None:
        for row in range(tags.count()):
            entry = tags.item(row)
            ticked = entry.data(Qt.ItemDataRole.UserRole) in values
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    @staticmethod
    def _ticked(tags: QListWidget) -> list[str]:
        return list(
            str(tags.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(tags.count())
            if tags.item(row).checkState() == Qt.CheckState.Checked
        )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
