"""The "Export tables" dialog, driven with the keyboard on the small example council: the file
it writes is reopened, and problems show where the person can fix them."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import ScriptedPrompts
from coproduce.services import Services
from coproduce.services.tables import TABLES
from coproduce.ui.exports.table_export_dialog import TableExportDialog

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(qtbot: QtBot, demo_services: Services, out: Path) -> TableExportDialog:
    dialog = TableExportDialog(demo_services, folder=out)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def _type_file(qtbot: QtBot, dialog: TableExportDialog, path: Path) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_F, ALT)
    assert dialog.file_field.hasFocus()
    qtbot.keyClick(dialog.file_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.file_field, str(path))


def _press(
    qtbot: QtBot, dialog: TableExportDialog, letter: Qt.Key, done: Callable[[], bool]
) -> None:
    """Alt+letter on a button: Qt animates the press and clicks a moment later."""
    qtbot.keyClick(dialog, letter, ALT)
    qtbot.waitUntil(done)


def _press_export(qtbot: QtBot, dialog: TableExportDialog) -> None:
    qtbot.keyClick(dialog.file_field, Qt.Key.Key_Return)


def test_every_table_goes_to_one_workbook_and_the_person_is_told_where(
    qtbot: QtBot,
    dialog: TableExportDialog,
    demo_services: Services,
    prompts: ScriptedPrompts,
    out: Path,
) -> None:
    target = out / "council.xlsx"
    _type_file(qtbot, dialog, target)
    prompts.expect_message("information")

    with qtbot.waitSignal(dialog.exported, timeout=30_000) as exported:
        _press_export(qtbot, dialog)

    assert exported.args[0].path == target
    assert str(target) in prompts.shown[-1].text
    assert not dialog.isVisible()
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == list(TABLES)
    sessions = list(book["sessions"].iter_rows(values_only=True))
    book.close()
    assert len(sessions) - 1 == demo_services.meetings.list().total


def test_one_table_as_csv_chosen_with_the_keyboard(
    qtbot: QtBot, dialog: TableExportDialog, prompts: ScriptedPrompts, out: Path
) -> None:
    _press(qtbot, dialog, Qt.Key.Key_L, lambda: not dialog.chosen_tables())  # Untick all
    box = dialog.table_boxes["attendance"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    _press(qtbot, dialog, Qt.Key.Key_C, dialog.csv_button.isChecked)  # CSV
    assert dialog.file_field.text().endswith(".csv")  # the extension follows the format
    _type_file(qtbot, dialog, out / "register")
    prompts.expect_message("information")

    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        _press_export(qtbot, dialog)

    written = out / "register.csv"
    with written.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == TABLES["attendance"].column_names
    assert rows
    assert sorted(p.name for p in out.iterdir()) == ["register.csv"]


def test_csv_with_several_tables_ticked_says_so_beside_the_tables(
    qtbot: QtBot, dialog: TableExportDialog, out: Path
) -> None:
    _press(qtbot, dialog, Qt.Key.Key_C, dialog.csv_button.isChecked)

    _press_export(qtbot, dialog)

    assert dialog.problem.isVisible()
    assert "A CSV file holds one table" in dialog.problem.text()
    assert dialog.table_boxes["sessions"].hasFocus()
    assert dialog.isVisible()
    assert list(out.iterdir()) == []
    # Ticking a table clears the problem.
    qtbot.keyClick(dialog.table_boxes["sessions"], Qt.Key.Key_Space)
    assert not dialog.problem.isVisible()


def test_no_table_ticked_is_refused(qtbot: QtBot, dialog: TableExportDialog, out: Path) -> None:
    _press(qtbot, dialog, Qt.Key.Key_L, lambda: not dialog.chosen_tables())

    _press_export(qtbot, dialog)

    assert dialog.problem.text() == "Tick at least one table to export."
    assert list(out.iterdir()) == []


def test_an_existing_file_is_replaced_only_after_asking(
    qtbot: QtBot, dialog: TableExportDialog, prompts: ScriptedPrompts, out: Path
) -> None:
    target = out / "tables.xlsx"
    target.write_bytes(b"an older export")
    _type_file(qtbot, dialog, target)

    prompts.expect_question(False)
    _press_export(qtbot, dialog)
    assert target.read_bytes() == b"an older export"
    assert dialog.isVisible()

    prompts.expect_question(True)
    prompts.expect_message("information")
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        _press_export(qtbot, dialog)
    assert load_workbook(target, read_only=True).sheetnames == list(TABLES)


def test_a_missing_folder_is_explained_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: TableExportDialog, prompts: ScriptedPrompts, out: Path
) -> None:
    _type_file(qtbot, dialog, out / "missing" / "tables.xlsx")
    prompts.expect_message("error")

    _press_export(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.is_exporting, timeout=30_000)

    assert "does not exist" in prompts.shown[-1].text
    assert dialog.isVisible()
    assert dialog.export_button.isEnabled()
    assert dialog.file_field.hasFocus()


def test_choose_picks_the_file_and_its_format(
    qtbot: QtBot, dialog: TableExportDialog, prompts: ScriptedPrompts, out: Path
) -> None:
    prompts.expect_save_file(out / "picked.csv")

    _press(qtbot, dialog, Qt.Key.Key_H, lambda: not prompts.unused)

    assert dialog.csv_button.isChecked()
    assert dialog.file_field.text() == str(out / "picked.csv")


def test_every_control_has_a_name_for_screen_readers(dialog: TableExportDialog) -> None:
    controls = [
        *dialog.table_boxes.values(),
        dialog.all_button,
        dialog.none_button,
        dialog.excel_button,
        dialog.csv_button,
        dialog.file_field,
        dialog.choose_button,
        dialog.export_button,
    ]
    assert all(control.accessibleName() for control in controls)
