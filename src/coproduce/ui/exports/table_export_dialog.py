"""The "Export tables" dialog: whole tables to an Excel workbook or a CSV file, for Power BI.

The person ticks tables, picks Excel (one sheet per table) or CSV (one table), names the file,
and presses Export. The export runs in the background through ``services.tables`` (the same
code as ``coproduce export table``), then a message says where the file went. Problems with
the choice show beside it in the dialog; problems writing the file (no such folder, a file
open in Excel) show as a message and leave the dialog open to try again.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.tables import TableFormat
from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.services import Services
from coproduce.services.tables import TableExport
from coproduce.ui import prompts, window_state
from coproduce.ui.widgets.form import error_label
from coproduce.ui.workers import Operation, run_in_background


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class TableExportDialog(QDialog):
    """Choose tables, a format and a file; Export writes it in the background.

    Signals:
        exported(TableExport): the file is written (after the person was told where).
    """

    exported = Signal(object)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "table export")
        self._services = services
        self._operation: Operation | None = None
        self.setWindowTitle(self.tr("Export tables"))
        self.setAccessibleName(self.tr("Export tables"))

        intro = QLabel(
            self.tr(
                "Write tables to a file for Power BI or a spreadsheet. Excel puts each table on "
                "its own sheet; a CSV file holds one table. The file holds people's names and "
                "payments: keep it somewhere safe."
            )
        )
        intro.setWordWrap(True)

        # --- tables
        self.tables_box = QGroupBox(self.tr("Tables"))
        self.tables_box.setAccessibleName(self.tr("Tables to export"))
        grid = QGridLayout(self.tables_box)
        self.table_boxes: dict[str, QCheckBox] = {}
        self._descriptions: dict[str, str] = {}
        definitions = services.tables.definitions()
        half = (len(definitions) + 1) // 2
        for index, definition in enumerate(definitions):
            box = QCheckBox(self.tr(definition.title))
            box.setChecked(True)
            box.setToolTip(self.tr(definition.description))
            box.setAccessibleName(self.tr(definition.title))
            box.setAccessibleDescription(self.tr(definition.description))
            self._descriptions[definition.name] = box.accessibleDescription()
            box.toggled.connect(self._clear_problem)
            grid.addWidget(box, index % half, index // half)
            self.table_boxes[definition.name] = box
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.all_button.setAccessibleName(self.tr("Tick all tables"))
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = QPushButton(self.tr("Untick a&ll"))
        self.none_button.setAccessibleName(self.tr("Untick all tables"))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        grid.addLayout(ticks, half, 0, 1, 2)
        self.problem = error_label()
        self.problem.setAccessibleName(self.tr("Problem with the tables chosen"))

        # --- format
        format_box = QGroupBox(self.tr("Format"))
        format_box.setAccessibleName(self.tr("File format"))
        self.excel_button = QRadioButton(self.tr("&Excel workbook (.xlsx), one sheet per table"))
        self.excel_button.setAccessibleName(self.tr("Excel workbook"))
        self.csv_button = QRadioButton(self.tr("&CSV file (.csv), one table"))
        self.csv_button.setAccessibleName(self.tr("CSV file"))
        self.excel_button.setChecked(True)
        self._formats = QButtonGroup(self)
        self._formats.addButton(self.excel_button)
        self._formats.addButton(self.csv_button)
        self.excel_button.toggled.connect(self._format_changed)
        format_layout = QVBoxLayout(format_box)
        format_layout.addWidget(self.excel_button)
        format_layout.addWidget(self.csv_button)

        # --- file
        file_label = QLabel(self.tr("&File:"))
        self.file_field = QLineEdit()
        self.file_field.setAccessibleName(self.tr("File to write"))
        self.file_field.setAccessibleDescription(
            self.tr("The full path of the file to write, ending in .xlsx or .csv")
        )
        file_label.setBuddy(self.file_field)
        # Wide enough to read a whole path in a Documents folder at any font size.
        self.file_field.setMinimumWidth(self.file_field.fontMetrics().averageCharWidth() * 55)
        start = folder or default_folder()
        self.file_field.setText(str(start / f"coproduce-tables-{date.today():%Y-%m-%d}.xlsx"))
        self.choose_button = QPushButton(self.tr("C&hoose..."))
        self.choose_button.setAccessibleName(self.tr("Choose the file"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.choose_button)

        # --- buttons
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName(self.tr("Export"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tables_box)
        layout.addWidget(self.problem)
        layout.addWidget(format_box)
        layout.addLayout(file_row)
        layout.addWidget(self.buttons)

        # Enter anywhere in the dialog exports; set once the button is inside the dialog
        # (before that there is no dialog for it to be the default button of).
        self.export_button.setDefault(True)
        first = next(iter(self.table_boxes.values()))
        first.setFocus()

    # --- what is chosen ----------------------------------------------------------------------

    @property
    def file_format(self) -> TableFormat:
        return TableFormat.CSV if self.csv_button.isChecked() else TableFormat.XLSX

    def chosen_tables(self) -> list[str]:
        return [name for name, box in self.table_boxes.items() if box.isChecked()]

    def chosen_path(self) -> Path | None:
        """The file to write, with the format's extension; None when the field is empty."""
        text = self.file_field.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = default_folder() / path
        suffix = self.file_format.suffix
        if path.suffix.lower() in (f.suffix for f in TableFormat):
            path = path.with_suffix(suffix)
        elif path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _tick_all(self, ticked: bool) -> None:
        for box in self.table_boxes.values():
            box.setChecked(ticked)

    def _format_changed(self) -> None:
        path = self.chosen_path()
        if path is not None:
            self.file_field.setText(str(path))
        self._clear_problem()

    def _clear_problem(self) -> None:
        if not self.problem.text():
            return
        self.problem.hide()
        self.problem.clear()
        self.tables_box.setAccessibleDescription("")
        for name, box in self.table_boxes.items():
            box.setAccessibleDescription(self._descriptions[name])

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # room for the message without squeezing the tables
        self.tables_box.setAccessibleDescription(text)
        first = next(iter(self.table_boxes.values()))
        first.setAccessibleDescription(text)
        first.setFocus()

    def choose_file(self) -> None:
        current = self.chosen_path()
        picked = prompts.choose_save_file(
            self,
            self.tr("Save the tables as"),
            current if current else default_folder(),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
            confirm_replace=False,  # export() asks, once, when it is about to replace
        )
        if picked is None:
            return
        if picked.suffix.lower() == TableFormat.CSV.suffix:
            self.csv_button.setChecked(True)
        elif picked.suffix.lower() == TableFormat.XLSX.suffix:
            self.excel_button.setChecked(True)
        self.file_field.setText(str(picked))
        self.file_field.setText(str(self.chosen_path()))

    # --- exporting ---------------------------------------------------------------------------

    @property
    def is_exporting(self) -> bool:
        return self._operation is not None

    def export(self) -> None:
        if self.is_exporting:
            return
        names = self.chosen_tables()
        file_format = self.file_format
        if not names:
            self.show_problem(self.tr("Tick at least one table to export."))
            return
        if file_format is TableFormat.CSV and len(names) > 1:
            self.show_problem(
                self.tr(
                    "A CSV file holds one table, and %d are ticked. Tick just one, or choose "
                    "Excel to have them all in one file."
                )
                % len(names)
            )
            return
        path = self.chosen_path()
        if path is None:
            prompts.show_error(
                self,
                self.tr("No file name"),
                self.tr("Type the name of the file to write, or press Choose to pick one."),
            )
            self.file_field.setFocus()
            return
        self.file_field.setText(str(path))
        replace = path.is_file()
        if replace and not prompts.ask_yes_no(
            self,
            self.tr("Replace the file?"),
            self.tr("%s already exists. Replace it with this export?") % path,
        ):
            self.file_field.setFocus()
            return
        self.export_button.setEnabled(False)
        tables = self._services.tables
        self._operation = run_in_background(
            self,
            lambda: tables.export(names, file_format, path, replace=replace),
            on_success=self._exported,
            on_failure=self._failed,
            busy_text=self.tr("Exporting tables..."),
        )

    def _exported(self, result: TableExport) -> None:
        self._operation = None
        self.export_button.setEnabled(True)
        tables = len(result.rows)
        prompts.show_information(
            self,
            self.tr("Tables exported"),
            self.tr(
                "Saved %(rows)s rows from %(tables)d table(s) to:\n%(path)s\n\n"
                "The file holds people's names. Keep it where your council keeps personal "
                "data, and delete it when you no longer need it."
            )
            % {"rows": f"{result.total:,}", "tables": tables, "path": result.path}
            + (
                ""
                if result.audited
                else "\n\n"
                + self.tr(
                    "The export could not be recorded in the database's audit trail (the "
                    "database could not be written to)."
                )
            ),
        )
        self.exported.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._operation = None
        self.export_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field == "tables":
            self.show_problem(str(error))
            return
        if isinstance(error, CoproduceError):
            prompts.show_error(self, self.tr("The tables were not exported"), str(error))
            self.file_field.setFocus()
            return
        sys.excepthook(type(error), error, error.__traceback__)
