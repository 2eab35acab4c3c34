"""Make a Word document, look at it, then save it: the window's one way to print.

The dialog builds the document in the background as soon as it opens (and again when the type
changes), shows the plain-language findings and any warnings beside the pages as they will
print, and saves only when the facilitator chooses where. Findings never block saving, and are
never hidden: they stay listed until the document is saved.

Before saving it says how long the document is against its page budget (the PDF's real page
count when LibreOffice is there, else the builder's estimate), how many entries an easy-read
handout left out until they have easy words, and how many it counts in one sentence instead
of printing. The left-out records are listed under "Needs easy words"
(``ui.printing.easy_words_panel``), where the facilitator writes their easy words in place:
each save goes through the job's ``write_words``, becomes one undo step in the main window
(when the window passes its undo stack), and the content is gathered and built again.

Pictures are rendered here, on the GUI thread, before the build starts: qtawesome paints
through QPixmap, which only the GUI thread may use. The build and the PDF for the preview run on
a worker thread, so a long report never freezes the window.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.docx_base import (
    ALLOWED_FONTS,
    MAX_SIZE,
    MIN_SIZE,
    EasyReadSettings,
    save_atomically,
)
from coproduce.documents.pdf import convert_to_pdf, copy_into_place, soffice_path
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import GlossaryTerm, PictureChoice
from coproduce.services.easy_words import EasyWords
from coproduce.ui import prompts, window_state
from coproduce.ui.commands import DataChanges
from coproduce.ui.pictures import render_png, render_with_fallback
from coproduce.ui.printing.easy_words_command import (
    RECORD_TYPES,
    EasyWordsCommand,
    ReadWords,
    WriteWords,
    short,
)
from coproduce.ui.printing.easy_words_panel import EasyWordsPanel, one_per_record
from coproduce.ui.printing.preview import PagePreview
from coproduce.ui.workers import Operation, run_in_background

log = logging.getLogger(__name__)

REBUILD_DELAY_MS = 400
"""A pause after the type changes before the document is built again (arrow keys on the size
box would otherwise start a build per step)."""

PICTURE_PX = 300


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """One document to make: what it is, and how to gather and build it.

    ``gather`` runs on the GUI thread (a service call: quick) and returns the content;
    ``build(content, settings, picture_png)`` runs on a worker and returns a
    ``documents.easy_read.Built``-like object: ``document``, ``warnings``, ``findings`` and
    ``save(target, force=)``. ``settings`` is None for staff documents.
    """

    title: str
    subject: str
    file_name: str
    easy_read: bool
    gather: Callable[[], Any]
    build: Callable[[Any, EasyReadSettings | None, Callable[[PictureChoice], bytes]], Any]
    settings: EasyReadSettings | None = None
    save_settings: Callable[[EasyReadSettings], None] | None = None
    fallback: Callable[[PictureChoice], PictureChoice] | None = None
    """The library's picture for a choice whose own file is missing (on a shared database the
    file may live on a colleague's laptop): the document is made with it, and a warning says
    so, rather than the export being blocked."""
    read_words: ReadWords | None = None
    """``services.easy_words.read``, for the records an easy-read build left out (None: the
    dialog lists them but cannot write their easy words)."""
    write_words: WriteWords | None = None
    """``services.easy_words.write``: saves a record's easy words with the version read."""
    audit: Callable[[str], bool] | None = None
    """Records the saved document in the audit trail, given the formats written ("docx",
    "docx+pdf"); ``services.audit.record_export`` with what the document covers."""


@dataclass(slots=True)
class _Result:
    built: Any
    docx: Path
    pdf: Path | None
    pdf_problem: str = ""
    findings: list[str] = field(default_factory=list)


class ExportDialog(QDialog):
    """Build, preview and save one document.

    ``undo_stack`` (the main window's) gets one step for each save of easy words, and
    ``changes`` (the window's notice board) hears of each, so pages showing the record reload.
    """

    def __init__(
        self,
        job: DocumentJob,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        changes: DataChanges | None = None,
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "document export")
        self._job = job
        self._undo_stack = undo_stack
        self._changes = changes
        self._work = Path(tempfile.mkdtemp(prefix="coproduce-export-"))
        self._content: Any = None
        self._pictures: dict[PictureChoice, bytes] = {}
        self._picture_warnings: dict[PictureChoice, str] = {}
        self._result: _Result | None = None
        self._operation: Operation | None = None
        self._pending = False
        self._builds = 0
        self.saved_to: Path | None = None
        self.setWindowTitle(f"{job.title}: {job.subject}")
        self.setAccessibleName(job.title)
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        # One line where it fits: the height is for the box where easy words are written.
        heading = QLabel(f"<b>{_escape(job.title)}</b>: {_escape(job.subject)}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(side)

        form = QFormLayout()
        side_layout.addLayout(form)
        self.font_box = QComboBox()
        self.font_box.addItems(list(ALLOWED_FONTS))
        self.font_box.setAccessibleName(self.tr("Font"))
        self.size_box = QSpinBox()
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setAccessibleName(self.tr("Text size"))
        settings = job.settings or EasyReadSettings()
        self.font_box.setCurrentText(settings.font)
        self.size_box.setValue(settings.size)
        if job.easy_read:
            font_label = QLabel(self.tr("&Font:"))
            font_label.setBuddy(self.font_box)
            form.addRow(font_label, self.font_box)
            size_label = QLabel(self.tr("Text si&ze:"))
            size_label.setBuddy(self.size_box)
            form.addRow(size_label, self.size_box)
        else:
            self.font_box.hide()
            self.size_box.hide()

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("What is happening"))
        self.status.setWordWrap(True)
        side_layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a build has no steps worth counting
        self.progress.setAccessibleName(self.tr("Making the document"))
        self.progress.setTextVisible(False)
        side_layout.addWidget(self.progress)

        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.setSpacing(4)
        findings_label = QLabel(self.tr("&Check before you save:"))
        self.findings = QListWidget()
        self.findings.setAccessibleName(self.tr("Things to check before you save"))
        self.findings.setWordWrap(True)
        self.findings.setAlternatingRowColors(True)  # where one finding ends and one begins
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.setMinimumHeight(self.findings.fontMetrics().lineSpacing() * 2 + 8)
        findings_label.setBuddy(self.findings)
        checks_layout.addWidget(findings_label)
        checks_layout.addWidget(self.findings, 1)

        # The findings above, the records left out for want of easy words below: the
        # facilitator drags the line between them to give either more room.
        self.easy_words = EasyWordsPanel(job.read_words, job.write_words)
        self.easy_words.saved.connect(self._easy_words_saved)
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.setChildrenCollapsible(False)
        self.side_splitter.addWidget(checks)
        self.side_splitter.addWidget(self.easy_words)
        self.side_splitter.setStretchFactor(0, 1)
        self.side_splitter.setStretchFactor(1, 3)
        self.side_splitter.setSizes([150, 450])
        side_layout.addWidget(self.side_splitter, 1)
        if not job.easy_read:
            self.easy_words.hide()  # staff documents print the records as they are

        self.preview = PagePreview()
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 700])  # the pages get the larger share from the start

        self.pdf_box = QCheckBox(self.tr("Also save a &PDF beside it"))
        self.pdf_box.setAccessibleName(self.tr("Also save a PDF"))
        if soffice_path() is None:
            self.pdf_box.setEnabled(False)
            self.pdf_box.setToolTip(self.tr("A PDF needs LibreOffice, which is not installed."))
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save as Word document..."))
        self.save_button.setAccessibleName(self.tr("Save as Word document"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pdf_box)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self._rebuild_timer.timeout.connect(self.build)
        self.font_box.currentIndexChanged.connect(self._type_changed)
        self.size_box.valueChanged.connect(self._type_changed)
        # Within a 1280 x 720 screen (a council laptop's 1366 x 768, less the task bar and the
        # title bar); the minimum size is far smaller.
        self.resize(1180, 680)
        QTimer.singleShot(0, self.start)

    # --- building ------------------------------------------------------------------------

    @property
    def settings(self) -> EasyReadSettings | None:
        if not self._job.easy_read:
            return None
        return EasyReadSettings(font=self.font_box.currentText(), size=self.size_box.value())

    @property
    def is_building(self) -> bool:
        return self._operation is not None

    @property
    def result(self) -> _Result | None:
        return self._result

    def start(self) -> None:
        """Gather the content and make the first build (called once the dialog is up)."""
        if self._content is not None:
            return
        try:
            self._content = self._job.gather()
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return
        self.build()

    def _type_changed(self) -> None:
        self.save_button.setEnabled(False)
        self._rebuild_timer.start()

    def build(self) -> None:
        """Build the document (again) in the background; shows it when done."""
        if self._content is None:
            return
        if self._operation is not None:
            self._pending = True  # build once more with the newest settings when this ends
            return
        try:
            picture_png = self._rendered_pictures()
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return
        self._builds += 1
        docx = self._work / f"build-{self._builds}.docx"
        pdf = self._work / f"build-{self._builds}.pdf" if soffice_path() else None
        content, settings, build = self._content, self.settings, self._job.build

        def work() -> _Result:
            built = build(content, settings, picture_png)
            built.save(docx, force=True)
            result = _Result(built=built, docx=docx, pdf=None)
            result.findings = [_finding_text(finding) for finding in built.findings]
            if pdf is not None:
                try:
                    convert_to_pdf(docx, pdf)
                    result.pdf = pdf
                except CoproduceError as exc:
                    result.pdf_problem = str(exc)
            return result

        self.save_button.setEnabled(False)
        self.easy_words.set_busy(True)
        self.progress.show()
        self.status.setText(self.tr("Making the document and its preview..."))
        self._operation = run_in_background(
            self, work, on_success=self._built, on_failure=self._failed
        )

    def _rendered_pictures(self) -> Callable[[PictureChoice], bytes]:
        """Every picture the content names, rendered now (GUI thread), looked up by the build."""
        for choice in _pictures_in(self._content):
            if choice in self._pictures:
                continue
            if self._job.fallback is None:
                self._pictures[choice] = render_png(choice, PICTURE_PX)
                continue
            png, warning = render_with_fallback(choice, self._job.fallback(choice), PICTURE_PX)
            self._pictures[choice] = png
            if warning:
                self._picture_warnings[choice] = warning
        pictures = dict(self._pictures)

        def picture_png(choice: PictureChoice) -> bytes:
            found = pictures.get(choice)
            # A picture the walk above missed (a new field in the content): render it here
            # would mean Qt on a worker thread, so fail loudly in development instead.
            if found is None:
                raise LookupError(f"picture for {choice.concept!r} was not rendered first")
            return found

        return picture_png

    def _built(self, result: _Result) -> None:
        self._operation = None
        self._result = result
        self.progress.hide()
        self.findings.clear()
        for warning in self._picture_warnings.values():
            self.findings.addItem(self.tr("Warning: %s") % warning)
        for warning in result.built.warnings:
            self.findings.addItem(self.tr("Warning: %s") % warning)
        for finding in result.findings:
            self.findings.addItem(finding)
        pages = 0
        if result.pdf is not None:
            # A build again (new words, a bigger size) keeps the reader near where they were.
            bar = self.preview.verticalScrollBar()
            was_at = bar.value() / bar.maximum() if bar.maximum() else 0.0
            pages = self.preview.show_pdf(result.pdf)
            if was_at:
                QTimer.singleShot(0, bar, lambda: bar.setValue(round(was_at * bar.maximum())))
        else:
            reason = result.pdf_problem or self.tr(
                "The preview of the pages needs LibreOffice, which is not installed. "
                "You can still save the Word document."
            )
            self.preview.show_message(reason)
        self.status.setText("\n".join(self._status_lines(result, pages)))
        self.status.setAccessibleDescription(self.status.text())
        left_out = getattr(result.built, "left_out", ())
        self.easy_words.show_left_out(left_out, self._glossary())
        self.save_button.setEnabled(True)
        if self._pending:
            self._pending = False
            self.build()
        else:
            self.easy_words.set_busy(False)

    def _status_lines(self, result: _Result, pdf_pages: int) -> list[str]:
        """What the facilitator should know before saving, one sentence a line: the pages
        against the budget, what was left out or only counted, the findings."""
        built = result.built
        budget = getattr(built, "budget", 0)
        estimate = getattr(built, "estimated_pages", 0)
        if pdf_pages:
            pages = self.tr("%d pages") % pdf_pages if pdf_pages != 1 else self.tr("1 page")
        elif estimate:
            pages = self.tr("About %d pages") % estimate if estimate != 1 else self.tr("1 page")
        else:
            pages = ""
        if not pages:
            lines = [self.tr("The number of pages needs LibreOffice, which is not installed.")]
        elif budget:
            lines = [self.tr("%s (at most %d).") % (pages, budget)]
        else:
            lines = [f"{pages}."]
        if self._job.easy_read:
            left_out = len(one_per_record(getattr(built, "left_out", ())))
            if left_out == 0:
                lines.append(self.tr("Nothing is left out for want of easy words."))
            elif left_out == 1:
                lines.append(self.tr("1 thing is left out until it has easy words."))
            else:
                lines.append(
                    self.tr("%d things are left out until they have easy words.") % left_out
                )
            counted = getattr(built, "not_shown", 0)
            if counted == 1:
                lines.append(
                    self.tr(
                        "1 more thing is counted in one sentence: it was not chosen or did not fit."
                    )
                )
            elif counted:
                lines.append(
                    self.tr(
                        "%d more things are counted in one sentence: "
                        "they were not chosen or did not fit."
                    )
                    % counted
                )
            else:
                lines.append(self.tr("Everything else is printed."))
        count = len(result.findings)
        if not count:
            lines.append(self.tr("No plain-language findings."))
        elif count == 1:
            lines.append(self.tr("1 plain-language finding: you may save anyway."))
        else:
            lines.append(self.tr("%d plain-language findings: you may save anyway.") % count)
        return lines

    def _glossary(self) -> list[GlossaryTerm]:
        """The glossary the document was built with: the easy words box checks with it."""
        return [word.term for word in getattr(self._content, "glossary", ())]

    # --- easy words ----------------------------------------------------------------------

    def _easy_words_saved(self, before: EasyWords, after: EasyWords) -> None:
        """One undo step in the main window, a notice to its pages, then the document again
        with the new words."""
        read, write = self._job.read_words, self._job.write_words
        if self._undo_stack is not None and read is not None and write is not None:
            self._undo_stack.push(
                EasyWordsCommand(
                    self.tr("Easy words for “%s”") % short(after.raw or after.easy),
                    read=read,
                    write=write,
                    before=before,
                    after=after,
                    # The command outlives this dialog: it speaks to the window, not to us.
                    changes=self._changes or DataChanges(),
                    parent_widget=self.parentWidget(),
                )
            )
        if self._changes is not None:
            self._changes.changed.emit(RECORD_TYPES[after.kind])
        self.gather_again()

    def gather_again(self) -> None:
        """Gather the content again (records changed) and build the document from it."""
        self.save_button.setEnabled(False)
        try:
            self._content = self._job.gather()
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return
        self.build()

    def _failed(self, error: BaseException) -> None:
        self._operation = None
        self._pending = False
        self.easy_words.set_busy(False)
        if isinstance(error, CoproduceError):
            self._show_problem(str(error))
            return
        self._show_problem(self.tr("The document could not be made. The details are in the log."))
        log.error("Building %s failed", self._job.title, exc_info=error)

    def _show_problem(self, text: str) -> None:
        self.progress.hide()
        self.status.setText(text)
        self.preview.show_message(text)
        self.save_button.setEnabled(False)

    # --- saving --------------------------------------------------------------------------

    def save(self) -> bool:
        """Ask where, then save the built document there (and its PDF when asked)."""
        result = self._result
        if result is None or self.is_building:
            return False
        target = prompts.choose_save_file(
            self,
            self.tr("Save %s") % self._job.title,
            Path.home() / self._job.file_name,
            self.tr("Word documents (*.docx)"),
        )
        if target is None:
            return False
        chosen = target
        if target.suffix.lower() == ".doc":
            target = target.with_suffix(".docx")
        elif target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        # The Save dialog asked about the name typed; a name we changed may be another file.
        if target != chosen and target.exists():
            replace = prompts.ask_yes_no(
                self,
                self.tr("Replace the file?"),
                self.tr("%s already exists. Replace it with this document?") % target.name,
            )
            if not replace:
                return False
        try:
            # The Save dialog has already asked before replacing a file.
            save_atomically(result.built.document, target, force=True)
            if self.pdf_box.isChecked() and self.pdf_box.isEnabled():
                pdf_target = target.with_suffix(".pdf")
                if result.pdf is not None:
                    copy_into_place(result.pdf, pdf_target)
                else:
                    convert_to_pdf(target, pdf_target)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not saved"), str(exc))
            return False
        self.saved_to = target
        if self._job.audit is not None:
            with_pdf = self.pdf_box.isChecked() and self.pdf_box.isEnabled()
            self._job.audit("docx+pdf" if with_pdf else "docx")
        if self._job.save_settings is not None and self.settings is not None:
            try:
                self._job.save_settings(self.settings)
            except CoproduceError:
                log.warning("The easy-read type could not be remembered", exc_info=True)
        self.status.setText(self.tr("Saved to %s") % target)
        self.accept()
        return True

    def done(self, code: int) -> None:
        unsaved = self.easy_words.unsaved_count()
        if unsaved:
            question = (
                self.tr("You wrote easy words for 1 thing and did not save them.")
                if unsaved == 1
                else self.tr("You wrote easy words for %d things and did not save them.") % unsaved
            )
            if not prompts.ask_yes_no(
                self,
                self.tr("Close without the easy words?"),
                question + "\n\n" + self.tr("Close anyway and lose them?"),
            ):
                return
            self.easy_words.forget_unsaved()
        if self._operation is not None:
            # Closing mid-build: the worker still writes into the folder; leave it for the
            # build to finish and remove it then.
            self._operation.finished.connect(lambda: shutil.rmtree(self._work, True))
        else:
            shutil.rmtree(self._work, ignore_errors=True)
        super().done(code)


def _pictures_in(content: Any) -> list[PictureChoice]:
    """Every PictureChoice inside a content dataclass, however deep (tuples and dataclasses)."""
    found: list[PictureChoice] = []
    seen: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, PictureChoice):
            found.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__") and id(value) not in seen:
            seen.add(id(value))
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    walk(content)
    return found


def _finding_text(finding: Any) -> str:
    """'Where: message (suggestion)' for a documents.easy_read.Finding."""
    inner = finding.finding
    text = f"{finding.where}: {inner.message}"
    suggestion = getattr(inner, "suggestion", "")
    # Most messages already name their suggestion ('Try "money check".'); add it only if not.
    if suggestion and suggestion.casefold() not in inner.message.casefold():
        text = f"{text} ({suggestion})"
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
