"""What an evidence pack covers: which groups (all by default), which dates, and which
"You said, we did" examples it shows.

The examples list follows the groups and dates: it is read again from the service whenever
they change, with the default choice ticked (the newest that changed a document) unless the
facilitator has ticked or unticked an example themselves, which is remembered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.docx_base import date_in_words
from coproduce.domain.errors import CoproduceError
from coproduce.domain.schedule import add_months
from coproduce.services import Services
from coproduce.services.evidence import EvidenceFilter
from coproduce.ui import window_state
from coproduce.ui.widgets.dates import plain_dates

RELOAD_DELAY_MS = 400
SAID_CHARACTERS = 110
"""How much of a thing said the examples list shows (all of it is in the tooltip)."""


@dataclass(frozen=True, slots=True)
class EvidenceChoice:
    group_ids: frozenset[int]
    """empty: every group"""
    date_from: date
    date_to: date
    example_ids: tuple[int, ...]


class EvidenceChooser(QDialog):
    """Choose the groups, dates and examples of an evidence pack."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "evidence pack chooser")
        self._services = services
        self._touched: dict[int, bool] = {}
        self._loading = False
        self.setWindowTitle(self.tr("Evidence pack"))
        self.setAccessibleName(self.tr("Choose what the evidence pack covers"))
        today = services.meetings.today()
        start = add_months(today, -12) + timedelta(days=1)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Groups to include"))
        self.groups.setAccessibleDescription(
            self.tr("Every group is ticked. Press Space to untick or tick the current group.")
        )
        for group in services.groups.list().items:
            item = QListWidgetItem(group.name)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.groups.addItem(item)
        if self.groups.count():
            self.groups.setCurrentRow(0)
        self.groups.setMaximumHeight(self.groups.sizeHintForRow(0) * 6 + 8)
        groups_label = QLabel(self.tr("&Groups:"))
        groups_label.setBuddy(self.groups)
        form.addRow(groups_label, self.groups)

        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            plain_dates(edit)
            edit.setAccessibleName(name)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.date_from)
        form.addRow(from_label, self.date_from)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.date_to)
        form.addRow(to_label, self.date_to)

        examples_label = QLabel(self.tr('"You said, we did" &examples to include:'))
        self.examples = QListWidget()
        self.examples.setAccessibleName(self.tr("You said, we did examples to include"))
        self.examples.setAccessibleDescription(
            self.tr(
                "Newest first. The newest that changed a document are ticked. Press Space "
                "to tick or untick the current example."
            )
        )
        self.examples.setWordWrap(True)
        self.examples.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        examples_label.setBuddy(self.examples)
        layout.addWidget(examples_label)
        layout.addWidget(self.examples, 1)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Examples ticked"))
        layout.addWidget(self.count)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Make the evidence pack"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        # Reading the examples takes a few seconds on a large council: wait until the dates
        # stop changing (arrow keys step a day at a time) before reading them again.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload_examples)
        self.groups.itemChanged.connect(self._reload_timer.start)
        self.date_from.dateChanged.connect(self._reload_timer.start)
        self.date_to.dateChanged.connect(self._reload_timer.start)
        self.examples.itemChanged.connect(self._example_ticked)
        self.reload_examples()
        lines = self.fontMetrics().height()
        self.resize(max(self.sizeHint().width(), lines * 50), lines * 36)

    # --- the choice ----------------------------------------------------------------------

    def chosen_groups(self) -> frozenset[int]:
        """The ticked groups; empty when every group is ticked (the pack then covers them
        all, and activities that belong to no group)."""
        ticked = [
            self.groups.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.groups.count())
            if self.groups.item(row).checkState() == Qt.CheckState.Checked
        ]
        return frozenset() if len(ticked) == self.groups.count() else frozenset(ticked)

    def _filter(self) -> EvidenceFilter:
        return EvidenceFilter(
            self.chosen_groups(),
            self.date_from.date().toPython(),
            self.date_to.date().toPython(),
        )

    def choice(self) -> EvidenceChoice:
        which = self._filter()
        return EvidenceChoice(
            group_ids=which.group_ids,
            date_from=which.from_date,  # type: ignore[arg-type]
            date_to=which.to_date,  # type: ignore[arg-type]
            example_ids=tuple(
                self.examples.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.examples.count())
                if self.examples.item(row).checkState() == Qt.CheckState.Checked
            ),
        )

    def _nothing_ticked(self) -> bool:
        return self.groups.count() > 0 and not any(
            self.groups.item(row).checkState() == Qt.CheckState.Checked
            for row in range(self.groups.count())
        )

    # --- the examples --------------------------------------------------------------------

    @property
    def reload_pending(self) -> bool:
        """Whether the groups or dates changed and the examples are about to be read again."""
        return self._reload_timer.isActive()

    def reload_examples(self) -> None:
        """Read the examples again for the groups and dates now chosen."""
        self._reload_timer.stop()
        self.message.clear()
        self._loading = True
        self.examples.clear()
        try:
            if self._nothing_ticked():
                self.message.setText(self.tr("Tick at least one group."))
                return
            try:
                which = self._filter()
                found = self._services.evidence.examples(which)
            except CoproduceError as exc:
                self.message.setText(str(exc))
                return
            default = set(self._services.evidence.default_examples(found))
            for example in found:
                said = " ".join(example.said.split())
                if len(said) > SAID_CHARACTERS:
                    said = said[: SAID_CHARACTERS - 1].rstrip() + "\u2026"
                item = QListWidgetItem(
                    f"{example.outcome}: {said} ({example.group}, {date_in_words(example.said_on)})"
                )
                item.setToolTip(f"{example.source}: {example.said}\n\n{example.did}".strip())
                item.setData(Qt.ItemDataRole.UserRole, example.contribution_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = self._touched.get(
                    example.contribution_id, example.contribution_id in default
                )
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.examples.addItem(item)
            if self.examples.count():
                self.examples.setCurrentRow(0)
        finally:
            self._loading = False
            self._count_ticked()

    def _example_ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        contribution_id = item.data(Qt.ItemDataRole.UserRole)
        self._touched[contribution_id] = item.checkState() == Qt.CheckState.Checked
        self._count_ticked()

    def _count_ticked(self) -> None:
        ticked = len(self.choice().example_ids)
        total = self.examples.count()
        if total == 0:
            self.count.setText(self.tr("No answered things said in these groups and dates."))
        else:
            self.count.setText(self.tr("%d of %d examples ticked.") % (ticked, total))

    def accept(self) -> None:
        if self.reload_pending:
            # Accept what is listed for the groups and dates as they are now.
            self.reload_examples()
        if self._nothing_ticked():
            self.message.setText(self.tr("Tick at least one group."))
            self.groups.setFocus()
            return
        if self.date_from.date() > self.date_to.date():
            self.message.setText(
                self.tr("The From date is after the To date. Choose a From date on or before it.")
            )
            self.date_from.setFocus()
            return
        super().accept()
