"""The evidence pack from the window: the chooser driven by the keyboard, the job built through
the export dialog and saved, and the pictures saying what their tables say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coproduce.domain.vocabulary import LadderRung
from coproduce.services import Services
from coproduce.services.demo import ANCHOR
from coproduce.services.evidence import EvidenceFilter
from coproduce.store.database import Database
from coproduce.ui.dashboard.charts import (
    attendance_over_time,
    overdue_by_group,
    rungs_now,
    rungs_over_time,
)
from coproduce.ui.ladder.portfolio import PortfolioLadder, render_png
from coproduce.ui.printing.evidence_chooser import EvidenceChooser
from coproduce.ui.printing.export_dialog import ExportDialog
from coproduce.ui.printing.jobs import evidence_pack_job

BUILD_TIMEOUT_MS = 120_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def council(demo_database: Database) -> Services:
    """The small demo council, seen on the day its data was made."""
    return Services(demo_database, actor="Test Facilitator", today=lambda: ANCHOR)


def shown(qtbot: QtBot, chooser: EvidenceChooser) -> EvidenceChooser:
    """The chooser, shown and active (mnemonics such as Alt+G only reach an active window)."""
    qtbot.addWidget(chooser)
    with qtbot.waitActive(chooser):
        chooser.show()
        chooser.activateWindow()
    return chooser


def alt(qtbot: QtBot, key: Qt.Key) -> None:
    """Alt+``key`` where the keyboard focus is, as a person would press it."""
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def ticked(widget) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        widget.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def test_the_chooser_is_worked_with_the_keyboard(qtbot: QtBot, council: Services) -> None:
    chooser = shown(qtbot, EvidenceChooser(council))
    groups = [g.id for g in council.groups.list().items]

    # Every group is ticked, so the pack covers all of them.
    assert ticked(chooser.groups) == groups and chooser.chosen_groups() == frozenset()
    assert chooser.date_to.date().toPython() == ANCHOR
    assert chooser.date_from.date().toPython() == date(2025, 11, 2)
    default = council.evidence.default_examples(
        council.evidence.examples(EvidenceFilter(frozenset(), date(2025, 11, 2), ANCHOR))
    )
    assert ticked(chooser.examples) == list(default) and default

    alt(qtbot, Qt.Key.Key_G)
    assert chooser.groups.hasFocus()
    qtbot.keyClick(chooser.groups, Qt.Key.Key_Down)
    qtbot.keyClick(chooser.groups, Qt.Key.Key_Space)
    assert chooser.chosen_groups() == frozenset(groups) - {groups[1]}
    qtbot.waitUntil(lambda: not chooser.reload_pending)

    # The examples follow the groups: none from the unticked group.
    which = EvidenceFilter(chooser.chosen_groups(), date(2025, 11, 2), ANCHOR)
    in_scope = [e.contribution_id for e in council.evidence.examples(which)]
    listed = [
        chooser.examples.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(chooser.examples.count())
    ]
    assert listed == in_scope

    alt(qtbot, Qt.Key.Key_E)
    assert chooser.examples.hasFocus()
    first = chooser.examples.item(0).data(Qt.ItemDataRole.UserRole)
    was_ticked = first in ticked(chooser.examples)
    qtbot.keyClick(chooser.examples, Qt.Key.Key_Space)
    assert (first in ticked(chooser.examples)) is not was_ticked
    assert chooser.count.text().startswith(f"{len(ticked(chooser.examples))} of {len(listed)}")

    alt(qtbot, Qt.Key.Key_F)
    assert chooser.date_from.hasFocus()
    qtbot.keyClick(chooser.date_from, Qt.Key.Key_Up)  # the day, one later
    assert chooser.date_from.date().toPython() == date(2025, 11, 3)
    qtbot.waitUntil(lambda: not chooser.reload_pending)
    # The example untouched by hand keeps the choice made by hand across the reload.
    assert (first in ticked(chooser.examples)) is not was_ticked

    alt(qtbot, Qt.Key.Key_M)  # the button clicks itself after a short flash
    qtbot.waitUntil(lambda: chooser.result() == EvidenceChooser.DialogCode.Accepted)
    choice = chooser.choice()
    assert choice.group_ids == frozenset(groups) - {groups[1]}
    assert choice.date_from == date(2025, 11, 3) and choice.date_to == ANCHOR
    assert list(choice.example_ids) == ticked(chooser.examples)


def test_the_chooser_refuses_no_groups_and_dates_the_wrong_way_round(
    qtbot: QtBot, council: Services
) -> None:
    chooser = shown(qtbot, EvidenceChooser(council))
    chooser.groups.setFocus()
    for _row in range(chooser.groups.count()):
        qtbot.keyClick(chooser.groups, Qt.Key.Key_Space)
        qtbot.keyClick(chooser.groups, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not chooser.reload_pending)
    assert chooser.examples.count() == 0
    chooser.message.clear()
    alt(qtbot, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not chooser.ok_button.isDown())  # clicked
    assert chooser.isVisible()
    assert chooser.message.text() == "Tick at least one group."

    chooser.groups.setCurrentRow(0)
    qtbot.keyClick(chooser.groups, Qt.Key.Key_Space)
    chooser.date_from.setDate(chooser.date_to.date().addDays(1))
    alt(qtbot, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not chooser.ok_button.isDown())  # clicked
    assert chooser.isVisible()
    assert "after the To date" in chooser.message.text()
    assert chooser.date_from.hasFocus()


def test_the_pack_is_built_in_the_export_dialog_and_saved(
    qtbot: QtBot, council: Services, prompts, tmp_path: Path
) -> None:
    group = council.groups.list().items[0]
    job = evidence_pack_job(council, [group.id], date(2026, 1, 1), ANCHOR, None)
    assert job.title == "Evidence pack" and group.name in job.subject
    assert job.file_name.endswith(".docx") and "2026-01-01" in job.file_name
    dialog = ExportDialog(job)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)
    assert dialog.save_button.isEnabled()
    assert dialog.status.text().split()[1] == "pages."

    target = tmp_path / "evidence.docx"
    prompts.expect_save_file(target)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    assert dialog.saved_to == target
    document = docx.Document(str(target))
    assert document.core_properties.title == "Co-production evidence pack"
    assert f"Groups: {group.name}" in [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) >= 3  # the ladder, over time, attendance (+ overdue)


def test_the_pictures_draw_the_numbers_their_tables_give(qtbot: QtBot, council: Services) -> None:
    which = EvidenceFilter(frozenset(), date(2025, 11, 2), ANCHOR)
    pack = council.evidence.pack(which)
    dashboard = council.dashboard.figures(which.dashboard_filter())

    ladder = rungs_now(dashboard.rungs)
    assert ladder.headers == pack.ladder.table.headers and ladder.rows == pack.ladder.table.rows
    over_time, attendance, overdue = pack.figures
    chart = rungs_over_time(dashboard.rung_history)
    assert (chart.headers, chart.rows) == (over_time.table.headers, over_time.table.rows)
    chart = overdue_by_group(dashboard.overdue)
    assert (chart.headers, chart.rows) == (overdue.table.headers, overdue.table.rows)
    # The attendance table is the chart's turned a quarter (a row per period).
    chart = attendance_over_time(dashboard.reach, dashboard.periods)
    turned = [
        (group_row[0], *(row[column] for row in attendance.table.rows))
        for column, group_row in enumerate(chart.rows, start=1)
    ]
    assert [row[:-1] for row in chart.rows] == turned
    totals = [row[-1] for row in attendance.table.rows]
    assert sum(int(n) for n in totals) == sum(int(row[-1]) for row in chart.rows)


def test_the_portfolio_ladder_says_what_it_draws(qtbot: QtBot, council: Services) -> None:
    picture = council.dashboard.figures().rungs
    ladder = PortfolioLadder()
    qtbot.addWidget(ladder)
    ladder.set_picture(picture)
    ladder.resize(ladder.sizeHint())
    ladder.show()

    lines = ladder.describe().splitlines()
    assert len(lines) == 8
    for line, count in zip(lines, sorted(picture.rungs, key=lambda c: -int(c.rung)), strict=False):
        assert line == (
            f"Rung {int(count.rung)}, {count.rung.label} ({count.rung.band.label.lower()}): "
            f"{count.assessed} now, {count.planned} planned."
        )
    assert lines[0].startswith("Rung 7, Co-production (doing with)")
    assert lines[-1].startswith(f"{picture.documents} pieces of work in all")
    assert ladder.accessibleDescription() == " ".join(lines)
    assert sum(c.assessed for c in picture.rungs) + picture.not_assessed == picture.documents
    assert not ladder.grab().isNull()

    png = render_png(picture)
    assert png.startswith(PNG_SIGNATURE)
    empty = PortfolioLadder()
    qtbot.addWidget(empty)
    assert empty.describe() == "No pieces of work to show."
    assert LadderRung.CO_PRODUCTION.band.label == "Doing with"
