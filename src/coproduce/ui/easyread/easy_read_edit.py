"""The easy-read text box: the easy wording beside the raw notes, checked as it is typed.

The plain-language checker (``documents.plain_language``) runs a moment after typing pauses,
never on every key, and the text box marks what it found: a pale background on long sentences,
a wavy underline on hard words, acronyms, short forms, numbers, passive voice and capitals.
Resting the mouse on a mark shows what is wrong and what to write instead; the same findings
are listed under the box, with the reading-ease figure. F8 goes to the next finding, Shift+F8
to the one before. "Draft from the notes" fills the box with a first draft made from the raw
text (``documents.drafts``), asking first when the box already has wording; Ctrl+Z in the box
takes the draft back.

Checking 10,000 words takes well under a tenth of a second, and only the lines whose marks
changed are painted again, so long wording stays responsive.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QHelpEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.drafts import easy_read_draft
from coproduce.documents.plain_language import (
    Finding,
    FindingKind,
    check,
    reading_ease,
    reading_ease_label,
    words,
)
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import GlossaryTerm
from coproduce.ui import prompts
from coproduce.ui.context import WindowContext
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.text import muted

CHECK_DELAY_MS = 400
"""How long typing must pause before the wording is checked again."""

LISTED_FINDINGS = 200
"""The list under the box shows this many; F8 still goes through them all."""

MEASURED_WORDS = 3
"""Fewer words than this get no reading-ease figure: one long word would read "very hard"."""

GLOSSARY_RECORD_TYPE = "glossary_term"

LONG_SENTENCE_BACKGROUND = QColor("#fff1b8")
UNDERLINE_COLOURS = {
    FindingKind.HARD_WORD: QColor("#b3261e"),
    FindingKind.ACRONYM: QColor("#b3261e"),
    FindingKind.CONTRACTION: QColor("#0b62a4"),
    FindingKind.PERCENTAGE: QColor("#0b62a4"),
    FindingKind.LARGE_NUMBER: QColor("#0b62a4"),
    FindingKind.PASSIVE: QColor("#7a4fbf"),
    FindingKind.CAPITALS: QColor("#7a4fbf"),
    # What keeps a row out of an easy-read document: marked like a hard word.
    FindingKind.OFFICER_WORD: QColor("#b3261e"),
    FindingKind.SEMICOLON: QColor("#b3261e"),
    FindingKind.REFERENCE: QColor("#b3261e"),
}


def finding_format(kind: FindingKind) -> QTextCharFormat:
    """How a finding of ``kind`` is marked in the text."""
    mark = QTextCharFormat()
    if kind is FindingKind.LONG_SENTENCE:
        mark.setBackground(LONG_SENTENCE_BACKGROUND)
        # Dark text on the pale background whatever the theme, so it stays readable.
        mark.setForeground(QColor("#1f1f1f"))
    else:
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        mark.setUnderlineColor(UNDERLINE_COLOURS[kind])
    return mark


class _Positions:
    """Python string indexes to Qt document positions: Qt counts UTF-16 units, so an emoji
    before a finding moves it by two, not one."""

    def __init__(self, text: str) -> None:
        self._wide = [index for index, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._wide, index)


class FindingsHighlighter(QSyntaxHighlighter):
    """Marks the findings of the last check in the document, line by line."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._by_block: dict[int, tuple[tuple[int, int, Finding], ...]] = {}

    def set_findings(self, findings: Sequence[Finding], text: str) -> None:
        """Show ``findings`` (checked on ``text``, the document's text now); repaint only the
        lines whose marks changed."""
        document = self.document()
        positions = _Positions(text)
        by_block: dict[int, list[tuple[int, int, Finding]]] = {}
        # Long sentences first, so the finer marks inside them are laid over their background.
        ordered = sorted(findings, key=lambda f: f.kind is not FindingKind.LONG_SENTENCE)
        for finding in ordered:
            start, end = positions.to_qt(finding.start), positions.to_qt(finding.end)
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                begin = max(start, block.position()) - block.position()
                finish = min(end, block.position() + block.length() - 1) - block.position()
                if finish > begin:
                    by_block.setdefault(block.blockNumber(), []).append((begin, finish, finding))
                block = block.next()
        new = {number: tuple(marks) for number, marks in by_block.items()}
        changed = {
            n for n in new.keys() | self._by_block.keys() if new.get(n) != self._by_block.get(n)
        }
        self._by_block = new
        for number in sorted(changed):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        length = len(text.encode("utf-16-le", "surrogatepass")) // 2  # Qt counts UTF-16 units
        for begin, finish, finding in self._by_block.get(self.currentBlock().blockNumber(), ()):
            if finish > length:
                continue  # the line changed since the check; the next check marks it again
            mark = QTextCharFormat(self.format(begin))
            mark.merge(finding_format(finding.kind))
            mark.setToolTip(finding.message)
            self.setFormat(begin, finish - begin, mark)


class EasyReadEdit(QWidget):
    """A text box for easy-read wording with the plain-language checker built in.

    ``raw_text`` gives the raw notes the draft is made from; ``source_name`` says what they
    are called on the button ("the notes"). The glossary comes from the window's services;
    a box without a window ``context`` (the export dialog's) is given the glossary with
    ``set_terms``.

    Signals:
        changed(): the wording changed (typed, drafted or set by ``set_text``).
        findings_changed(int): the wording was checked again; how many findings it has.
    """

    changed = Signal()
    findings_changed = Signal(int)

    def __init__(
        self,
        context: WindowContext | None,
        raw_text: Callable[[], str],
        *,
        source_name: str = "the notes",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._raw_text = raw_text
        self._source_name = source_name
        self._terms: list[GlossaryTerm] | None = None
        self._findings: list[Finding] = []
        self._checked_text = ""
        self._seen_text = ""

        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Easy read wording"))
        self.edit.setAccessibleDescription(
            self.tr("Short sentences, one on each line. F8 goes to the next thing to check.")
        )
        self.edit.setPlaceholderText(self.tr("Short sentences in easy words, one on each line."))
        lines = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(lines * 4 + 14)
        self.edit.setMaximumHeight(lines * 7 + 14)
        self.highlighter = FindingsHighlighter(self.edit.document())
        self.edit.viewport().installEventFilter(self)

        self.summary = muted(QLabel())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Easy read check"))
        self.draft_button = QPushButton(self.tr("Draft from %s") % source_name)
        self.draft_button.setAccessibleName(self.tr("Draft the easy read from %s") % source_name)
        self.draft_button.setToolTip(
            self.tr(
                "Fill the box with a first draft from %s: plain words from the glossary "
                "and shorter sentences. Nothing new is added; edit it after."
            )
            % source_name
        )
        self.findings_list = QListWidget()
        self.findings_list.setAccessibleName(self.tr("Things to check in the easy read"))
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)
        self.findings_list.setMaximumHeight(lines * 6 + 8)
        self.findings_list.hide()

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.edit)
        column.addLayout(controls)
        column.addWidget(self.findings_list)
        # A label's Alt key reaches the text box; Tab stops at the text box alone.
        focus_passes_to(self, self.edit)

        self.next_action = QAction(self.tr("Next thing to check in the easy read"), self)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_action.triggered.connect(self.next_finding)
        self.previous_action = QAction(self.tr("Previous thing to check in the easy read"), self)
        self.previous_action.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8))
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_action.triggered.connect(self.previous_finding)
        self.addAction(self.next_action)
        self.addAction(self.previous_action)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.edit.textChanged.connect(self._typed)
        self.draft_button.clicked.connect(self.draft_from_notes)
        self.findings_list.itemActivated.connect(self._finding_chosen)
        self.findings_list.itemClicked.connect(self._finding_chosen)
        if context is not None:
            context.changes.changed.connect(self._records_changed)
        self._show_summary()

    # --- the wording -----------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` (a record's saved wording) and check it at once."""
        self.edit.setPlainText(text)
        self.check_now()

    def findings(self) -> list[Finding]:
        """The findings of the last check (in text order)."""
        return list(self._findings)

    def terms(self) -> list[GlossaryTerm]:
        """The glossary the check uses (read once, again after the glossary changes)."""
        if self._terms is None:
            try:
                self._terms = (
                    self._context.services.glossary.terms() if self._context is not None else []
                )
            except CoproduceError:
                self._terms = []  # the check still finds everything but hard words
        return self._terms

    def set_terms(self, terms: Sequence[GlossaryTerm]) -> None:
        """Check with ``terms`` from now on (the glossary a document was built with), and
        check the wording again at once."""
        self._terms = list(terms)
        self.check_now()

    # --- checking ----------------------------------------------------------------------

    def check_now(self) -> None:
        """Check the wording now (the box does it by itself when typing pauses)."""
        self._timer.stop()
        text = self.text()
        self._checked_text = text
        # Nothing written, nothing to find: no glossary read, no checker loaded (a new
        # record's empty box, as the window starts).
        self._findings = check(text, self.terms()) if text.strip() else []
        self.highlighter.set_findings(self._findings, text)
        self._fill_list()
        self._show_summary()
        self.findings_changed.emit(len(self._findings))

    def tooltip_at(self, position: int) -> str:
        """What the marks at document ``position`` say, one finding per line ('' if none)."""
        if self.text() != self._checked_text:
            return ""
        positions = _Positions(self._checked_text)
        messages = [
            finding.message
            for finding in self._findings
            if positions.to_qt(finding.start) <= position < positions.to_qt(finding.end)
        ]
        # The finer finding first: a hard word inside a long sentence is what the mouse is on.
        messages.sort(key=lambda message: message.startswith("This sentence has"))
        return "\n".join(messages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.edit.cursorForPosition(event.pos())
            text = self.tooltip_at(cursor.position())
            if text:
                QToolTip.showText(event.globalPos(), text, self.edit.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    # --- going through the findings -------------------------------------------------------

    def next_finding(self) -> None:
        """Select the next finding after the cursor (from the top after the last)."""
        self._go(forward=True)

    def previous_finding(self) -> None:
        self._go(forward=False)

    def select_finding(self, index: int) -> None:
        """Select finding ``index`` in the text, show it in the list, and focus the box."""
        if self.text() != self._checked_text:
            self.check_now()
        if not 0 <= index < len(self._findings):
            return
        finding = self._findings[index]
        positions = _Positions(self._checked_text)
        cursor = self.edit.textCursor()
        cursor.setPosition(positions.to_qt(finding.start))
        cursor.setPosition(positions.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if index < self.findings_list.count() and index < LISTED_FINDINGS:
            self.findings_list.setCurrentRow(index)
        self.edit.setToolTip("")
        self.summary.setAccessibleDescription(f"{finding.kind.label}: {finding.message}")

    def _go(self, *, forward: bool) -> None:
        if self.text() != self._checked_text:
            self.check_now()
        if not self._findings:
            return
        positions = _Positions(self._checked_text)
        cursor = self.edit.textCursor()
        starts = [positions.to_qt(f.start) for f in self._findings]
        if forward:
            after = cursor.selectionStart() if cursor.hasSelection() else cursor.position() - 1
            index = next((i for i, start in enumerate(starts) if start > after), 0)
        else:
            before = cursor.selectionStart()
            earlier = [i for i, start in enumerate(starts) if start < before]
            index = earlier[-1] if earlier else len(starts) - 1
        self.select_finding(index)

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None:
            self.select_finding(int(index))

    # --- the draft ---------------------------------------------------------------------

    def draft_from_notes(self) -> None:
        """Replace the wording with a first draft from the raw notes (asking first if the box
        has wording). Undo in the box (Ctrl+Z) brings the old wording back."""
        raw = self._raw_text()
        if not raw.strip():
            prompts.show_information(
                self,
                self.tr("Nothing to draft from"),
                self.tr("There is nothing in %s yet. Write them first, then make the draft.")
                % self._source_name,
            )
            return
        if self.text().strip() and not prompts.ask_yes_no(
            self,
            self.tr("Replace the easy read?"),
            self.tr(
                "The easy read box already has wording. Replace it with a new draft from %s?"
                "\n\nCtrl+Z in the box brings your wording back."
            )
            % self._source_name,
        ):
            return
        draft = easy_read_draft(raw, self.terms())
        cursor = QTextCursor(self.edit.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(draft)
        cursor.endEditBlock()
        self.check_now()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- inside --------------------------------------------------------------------------

    def _typed(self) -> None:
        # Qt also says "text changed" when the highlighter repaints marks; only real edits count.
        text = self.text()
        if text == self._seen_text:
            return
        self._seen_text = text
        self.changed.emit()
        self._timer.start()

    def _records_changed(self, record_type: str) -> None:
        if record_type == GLOSSARY_RECORD_TYPE:
            self._terms = None
            self.check_now()

    def _fill_list(self) -> None:
        self.findings_list.setUpdatesEnabled(False)
        try:
            self.findings_list.clear()
            for index, finding in enumerate(self._findings[:LISTED_FINDINGS]):
                wording = self._checked_text[finding.start : finding.end]
                text = f"{finding.kind.label}: {finding.message}"
                # A hard word's message already says its easier words; the rest say what to do.
                if finding.suggestion and f'"{finding.suggestion}"' not in finding.message:
                    text += f" {finding.suggestion}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, index)
                item.setToolTip(wording if len(wording) < 300 else wording[:299] + "…")
                self.findings_list.addItem(item)
            hidden = len(self._findings) - LISTED_FINDINGS
            if hidden > 0:
                more = QListWidgetItem(
                    self.tr("…and %d more. F8 in the box goes through them all.") % hidden
                )
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                self.findings_list.addItem(more)
        finally:
            self.findings_list.setUpdatesEnabled(True)
        self.findings_list.setVisible(bool(self._findings))

    def _show_summary(self) -> None:
        text = self._checked_text
        count = len(self._findings)
        if not words(text):
            # An empty box is not "very hard", nor is there anything in it to check.
            summary = self.tr("Nothing typed yet: the checker reads the words as you type.")
        else:
            if count == 0:
                found = self.tr("Nothing to check.")
            elif count == 1:
                found = self.tr("1 thing to check (F8).")
            else:
                found = self.tr("%d things to check (F8).") % count
            summary = found
            if len(words(text)) >= MEASURED_WORDS:
                score = reading_ease(text)
                summary += " " + self.tr("Reading ease %d (%s).") % (
                    round(score),
                    reading_ease_label(score),
                )
        self.summary.setText(summary)
        self.summary.setAccessibleDescription(summary)
