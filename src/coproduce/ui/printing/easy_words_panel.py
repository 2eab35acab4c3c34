"""The records an easy-read handout left out for want of easy words, and a box to write them.

An easy-read handout prints only words that pass the easy-read gate (DESIGN.md section 5); an
entry whose record's words do not pass is left out and listed by the build
(``documents.easy_read.NeedsWords``). This panel lists those records in the export dialog, one
line each (where it would go and its words, the reason in the tooltip). Choosing one shows the
record's own words, read-only, and the easy-read box with the plain-language checker live
(``ui.easyread.easy_read_edit``), with the glossary the document was built with. "Save easy
words" (Ctrl+Return) saves them through the job's ``write_words`` with the version read, so a
colleague's change since is refused, never overwritten; the dialog then builds the document
again and the entry leaves the list.

Words typed and not saved are kept while the facilitator moves between the records, and
after a refused save, until the dialog closes (which asks first).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.easy_read import NeedsWords
from coproduce.domain.errors import ConflictError, CoproduceError
from coproduce.domain.records import GlossaryTerm
from coproduce.domain.vocabulary import RowKind
from coproduce.services.easy_words import EasyWords
from coproduce.ui import prompts
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.printing.easy_words_command import ReadWords, WriteWords, short
from coproduce.ui.widgets.text import muted

LINE_LENGTH = 90
"""Characters of a record's words shown on its line in the list (all of them in the tooltip
and beside the box)."""

Key = tuple[RowKind, int]


def one_per_record(left_out: Sequence[NeedsWords]) -> list[NeedsWords]:
    """The records to write easy words for, each once, in the document's order."""
    seen: set[Key] = set()
    records = []
    for need in left_out:
        key = (need.origin.kind, need.origin.record_id)
        if key not in seen:
            seen.add(key)
            records.append(need)
    return records


class EasyWordsPanel(QWidget):
    """The "Needs easy words" list and the box to write a chosen record's easy words.

    ``read`` and ``write`` are ``services.easy_words.read``/``write`` (None: the list is
    shown, and the facilitator is told to write the words where the record is edited).

    Signals:
        saved(object, object): easy words were saved: the record as read and as saved (both
            ``EasyWords``). The document should be gathered and built again.
    """

    saved = Signal(object, object)

    def __init__(
        self,
        read: ReadWords | None,
        write: WriteWords | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._write = write
        self._needs: list[NeedsWords] = []
        self._current: EasyWords | None = None
        self._reason = ""
        self._drafts: dict[Key, str] = {}
        self._busy = False
        self.setAccessibleName(self.tr("Easy words for what was left out"))

        self.list_label = QLabel(self.tr("&Needs easy words:"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Needs easy words"))
        self.list.setAccessibleDescription(
            self.tr("Things left out of the document until they have easy words.")
        )
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 3 + 8)
        self.list_label.setBuddy(self.list)
        self.hint = muted(QLabel())
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("About the easy words"))

        self.raw_label = QLabel(self.tr("Its o&wn words:"))
        self.raw_words = QPlainTextEdit()
        self.raw_words.setReadOnly(True)
        self.raw_words.setTabChangesFocus(True)
        self.raw_words.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.raw_words.setAccessibleName(self.tr("Its own words"))
        lines = self.raw_words.fontMetrics().lineSpacing()
        self.raw_words.setMinimumHeight(lines * 2 + 14)
        self.raw_words.setMaximumHeight(lines * 4 + 14)
        self.raw_label.setBuddy(self.raw_words)
        self.easy_label = QLabel(self.tr("&Easy words:"))
        self.easy = EasyReadEdit(
            None, self.raw_words.toPlainText, source_name=self.tr("its own words")
        )
        self.easy.edit.setAccessibleName(self.tr("Easy words"))
        # Two lines of its findings at least: the list scrolls, and F8 goes through them all.
        self.easy.findings_list.setMinimumHeight(lines * 2 + 8)
        self.easy_label.setBuddy(self.easy)
        # Why the record was left out, then, as the words are typed, whether they may be
        # printed: the gate the build applies, not the checker's advice.
        self.gate = QLabel()
        self.gate.setWordWrap(True)
        self.gate.setAccessibleName(self.tr("Can it be printed"))
        self.save_button = QPushButton(self.tr("Save easy wor&ds"))
        self.save_button.setAccessibleName(self.tr("Save easy words"))
        self.save_button.setToolTip(
            self.tr("Save these easy words, then make the document again (Ctrl+Return)")
        )
        self.save_button.setEnabled(False)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(4)
        editor_layout.addWidget(self.raw_label)
        editor_layout.addWidget(self.raw_words)
        editor_layout.addWidget(self.easy_label)
        editor_layout.addWidget(self.easy)
        save_row = QHBoxLayout()
        save_row.addWidget(self.gate, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        editor_layout.addLayout(save_row)
        self.editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.editor.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor)

        self.save_action = QAction(self.tr("Save easy words"), self)
        self.save_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
            ]
        )
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)

        self.list.currentRowChanged.connect(self._chosen)
        self.save_button.clicked.connect(self.save)
        self.easy.changed.connect(self._update_save)
        self.easy.findings_changed.connect(self._show_gate)
        self._show_hint()

    # --- what is listed ----------------------------------------------------------------

    @property
    def needs(self) -> list[NeedsWords]:
        """The records listed, in order."""
        return list(self._needs)

    @property
    def current(self) -> EasyWords | None:
        """The chosen record as last read or saved (None when nothing is chosen)."""
        return self._current

    def show_left_out(
        self, left_out: Sequence[NeedsWords], terms: Sequence[GlossaryTerm] = ()
    ) -> None:
        """List ``left_out`` (a new build's); the box checks with ``terms``. The record chosen
        stays chosen while it is listed; one just saved gives way to the next."""
        self._stash()
        was_focused = self.editor.isAncestorOf(self.focusWidget() or self)
        previous = self._key_of(self._current)
        previous_row = self.list.currentRow()
        self._needs = one_per_record(left_out)
        self.easy.set_terms(terms)
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for need in self._needs:
                words = " ".join(need.text.split())
                item = QListWidgetItem(f"{need.where}: {short(words, LINE_LENGTH)}")
                item.setToolTip(need.reason)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, need.reason)
                self.list.addItem(item)
        finally:
            self.list.blockSignals(False)
        keys = [self._key_of_need(need) for need in self._needs]
        if previous in keys:
            # Still listed (a new text size, or words saved that do not pass yet): the box
            # keeps its words and its cursor, as the facilitator may be typing on.
            row = keys.index(previous)
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            self._reason = self._needs[row].reason
            self._show_gate()
            self._update_save()
        else:
            row = min(previous_row, len(self._needs) - 1) if previous_row >= 0 else -1
            self._current = None
            if row >= 0:
                self.list.setCurrentRow(row)
            else:
                self._chosen(-1)
        if was_focused and not self.editor.isVisible():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_hint()

    def set_busy(self, busy: bool) -> None:
        """No saving while the document is being made (the list is about to change)."""
        self._busy = busy
        self._update_save()

    # --- the words -----------------------------------------------------------------------

    def unsaved_count(self) -> int:
        """How many records have easy words typed here and not saved."""
        self._stash()
        return len(self._drafts)

    def forget_unsaved(self) -> None:
        """Drop the words typed and not saved (the dialog closes without them)."""
        self._drafts.clear()
        if self._current is not None:
            self.easy.set_text(self._current.easy)

    def save(self) -> bool:
        """Save the box's words as the chosen record's easy words; False if not saved."""
        current = self._current
        if current is None or self._write is None or not self.save_button.isEnabled():
            return False
        text = self.easy.text().strip()
        try:
            after = self._write(current.kind, current.record_id, text, current.version)
        except ConflictError:
            self._refused(current)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Easy words not saved"), str(exc))
            return False
        self._drafts.pop((current.kind, current.record_id), None)
        self._current = after
        self.easy.set_text(after.easy)
        self.gate.setText(self.tr("Saved. The document is being made again..."))
        self.saved.emit(current, after)
        return True

    # --- inside --------------------------------------------------------------------------

    def _chosen(self, row: int) -> None:
        self._stash()
        self._current = None
        if not 0 <= row < len(self._needs):
            self.editor.hide()
            self._show_hint()
            return
        need = self._needs[row]
        if self._read is None:
            self.editor.hide()
            self._show_hint(self.tr("Write its easy words where the record is edited."))
            return
        try:
            words = self._read(need.origin.kind, need.origin.record_id)
        except CoproduceError as exc:
            self.editor.hide()
            self._show_hint(str(exc))
            return
        self._current = words
        self._reason = need.reason
        self.raw_words.setPlainText(words.raw)
        self.easy.set_text(self._drafts.get(self._key_of_need(need), words.easy))
        self.editor.show()
        self._show_hint("")
        self._show_gate()
        self._update_save()

    def _stash(self) -> None:
        """Keep the box's words for the chosen record if they are not its saved ones."""
        current = self._current
        if current is None:
            return
        key = (current.kind, current.record_id)
        text = self.easy.text()
        if text.strip() != current.easy.strip():
            self._drafts[key] = text
        else:
            self._drafts.pop(key, None)

    def _refused(self, seen: EasyWords) -> None:
        """A colleague changed the record since it was read: say so, keep the typed words,
        and show the record as it is now (the next save is then a choice made knowingly)."""
        message = self.tr(
            "Someone else changed this record after you chose it, so your easy words were "
            "not saved. Your words are still in the box."
        )
        try:
            now = self._read(seen.kind, seen.record_id) if self._read else None
        except CoproduceError:
            now = None
        if now is None:
            message += " " + self.tr("The record may have been deleted.")
        else:
            self._current = now
            self.raw_words.setPlainText(now.raw)
            if now.easy.strip() and now.easy.strip() != seen.easy.strip():
                message += "\n\n" + self.tr('Their easy words are: "%s"') % now.easy.strip()
            message += "\n\n" + self.tr(
                "Read its words again. Then save if you still want your easy words."
            )
        self.gate.setText(self.tr("Not saved: someone else changed this record."))
        prompts.show_error(self, self.tr("Easy words not saved"), message)
        self._update_save()

    def _update_save(self) -> None:
        current = self._current
        text = self.easy.text().strip()
        ready = (
            current is not None
            and self._write is not None
            and not self._busy
            and bool(text)
            and text != current.easy.strip()
        )
        self.save_button.setEnabled(ready)
        self.save_action.setEnabled(ready)

    def _show_gate(self) -> None:
        """Say whether the words in the box may be printed (the gate the build applies)."""
        current = self._current
        if current is None:
            return
        text = self.easy.text().strip()
        if not text or text == current.easy.strip():
            self.gate.setText(self.tr("Left out because: %s") % self._reason)
            return
        blocking = [finding for finding in self.easy.findings() if finding.blocking]
        if blocking:
            kinds = ", ".join(dict.fromkeys(finding.kind.label.lower() for finding in blocking))
            self.gate.setText(
                self.tr("Not ready to print yet (%s): change what is marked.") % kinds
            )
        else:
            self.gate.setText(self.tr("Ready to print: save to put it in the document."))

    def _show_hint(self, text: str | None = None) -> None:
        if text is None:
            if not self._needs:
                text = self.tr("Nothing is left out: everything has easy words.")
            elif self._current is None:
                text = self.tr("Choose one to write its easy words.")
            else:
                text = ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    @staticmethod
    def _key_of(words: EasyWords | None) -> Key | None:
        return None if words is None else (words.kind, words.record_id)

    @staticmethod
    def _key_of_need(need: NeedsWords) -> Key:
        return (need.origin.kind, need.origin.record_id)
