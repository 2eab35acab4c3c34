"""The "Preparation" tab of a session: what to arrange for the people expected, tickable.

The checklist is worked out by the services from the needs of everyone expected at the
session (members and guests, not those marked apologies or absent): "Easy-read pack for 4
people", "Book a BSL interpreter (1 person)". Items sit under headings in the order a
facilitator works through them. An item's text holds a count only; the people it is for are
named in its tooltip and under it when it is expanded (Right arrow), with what their record
says, so names stay inside the program.

Space (or a click on the box) ticks or unticks the selected item. Ticks are saved at once
through the services, with who and when, and pushed onto the window's undo stack: undo puts
back exactly the tick that was there before. When people's needs or the register change, the
list is worked out again; a tick whose item no longer applies is kept by the services, unshown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ConflictError, CoproduceError
from coproduce.domain.preparation import PreparationTick
from coproduce.services import Services
from coproduce.services.preparation import ChecklistLine
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.widgets.form import error_label
from coproduce.ui.widgets.text import muted

Index = QModelIndex | QPersistentModelIndex

RECORD_TYPE = "preparation"
RELOAD_ON = frozenset({"preparation", "attendance", "person", "meeting", "group", "membership"})
"""Changes that can change the checklist: ticks, who is expected, and people's needs."""

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, KEY_ROLE)``: the item key of an item row (and of a person row's item)."""
TEXT_COLUMN, DONE_COLUMN = 0, 1

HEADING, ITEM, PERSON = "heading", "item", "person"


@dataclass(eq=False)
class _Node:
    kind: str
    row: int
    parent: int
    """Index of the parent node in the model's list; 0 is the invisible root."""
    text: str = ""
    line: ChecklistLine | None = None
    children: list[int] = field(default_factory=list)


def done_words(tick: PreparationTick | None) -> str:
    """ "Sam Patel, 12 Mar 2026" for a tick that is done; '' otherwise."""
    if tick is None or not tick.done:
        return ""
    when = short_date(tick.done_at.date()) if tick.done_at else ""
    return ", ".join(part for part in (tick.done_by, when) if part) or "Done"


def _shape(lines: list[ChecklistLine]) -> list[tuple[str, str, tuple[Any, ...]]]:
    """What decides the tree's rows (ticks aside): equal shapes need no reset."""
    return [(line.item.key, line.item.text, line.item.people) for line in lines]


class ChecklistModel(QAbstractItemModel):
    """Headings, their items (checkable) and each item's people, as a tree.

    Nodes live in a flat list; an index carries its node's position as ``internalId``.

    Signals:
        tick_requested(str, bool): the person ticked (True) or unticked an item's box; the
            owner saves it and calls ``set_lines`` with the result.
    """

    tick_requested = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node(HEADING, 0, -1)]
        self._lines: list[ChecklistLine] = []

    # --- what the owner uses -------------------------------------------------------------

    def set_lines(self, lines: list[ChecklistLine]) -> bool:
        """Show ``lines``. When only ticks changed, rows stay (so do expansion and the
        selection) and just repaint; True when the rows were rebuilt."""
        if _shape(lines) == _shape(self._lines):
            self._lines = list(lines)
            by_key = {line.item.key: line for line in lines}
            for position, node in enumerate(self._nodes):
                if node.kind == ITEM and node.line is not None:
                    node.line = by_key[node.line.item.key]
                    first = self.createIndex(node.row, TEXT_COLUMN, position)
                    last = self.createIndex(node.row, DONE_COLUMN, position)
                    self.dataChanged.emit(first, last)
            return False
        self.beginResetModel()
        self._lines = list(lines)
        self._build()
        self.endResetModel()
        return True

    @property
    def lines(self) -> tuple[ChecklistLine, ...]:
        return tuple(self._lines)

    def line(self, index: Index) -> ChecklistLine | None:
        """The item of an item row, or of a person row's item; None for headings."""
        node = self._node(index)
        if node is None:
            return None
        if node.kind == PERSON:
            node = self._nodes[node.parent]
        return node.line

    def index_of_key(self, key: str) -> QModelIndex:
        for position, node in enumerate(self._nodes):
            if node.kind == ITEM and node.line is not None and node.line.item.key == key:
                return self.createIndex(node.row, TEXT_COLUMN, position)
        return QModelIndex()

    def heading_indexes(self) -> list[QModelIndex]:
        return [self.index(row, TEXT_COLUMN) for row in range(len(self._nodes[0].children))]

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column not in (TEXT_COLUMN, DONE_COLUMN) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != TEXT_COLUMN:
            return QModelIndex()
        parent_node = self._node(parent) if parent.isValid() else self._nodes[0]
        if parent_node is None or row >= len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, TEXT_COLUMN, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._nodes[0].children)
        if parent.column() != TEXT_COLUMN:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        line = node.line
        if role == KEY_ROLE:
            owner = self._nodes[node.parent] if node.kind == PERSON else node
            return owner.line.item.key if owner.line is not None else None
        if node.kind == HEADING:
            if column == TEXT_COLUMN and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                return node.text
            if column == TEXT_COLUMN and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if node.kind == PERSON:
            if column == TEXT_COLUMN and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
                Qt.ItemDataRole.ToolTipRole,
            ):
                return node.text
            return None
        assert line is not None
        if column == TEXT_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return line.item.text
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if line.done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return "For: " + ", ".join(line.item.names)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return line.item.text + (", done" if line.done else ", not done yet")
            return None
        words = done_words(line.tick)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"Ticked by {words}" if words and role == Qt.ItemDataRole.ToolTipRole else words
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Ticked by {words}" if words else "Not done yet"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        node = self._node(index)
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or node is None
            or node.kind != ITEM
            or node.line is None
        ):
            return False
        checked = Qt.CheckState(value) if isinstance(value, int) else value
        # Saved by the owner through the services; the box changes when that succeeds.
        self.tick_requested.emit(node.line.item.key, checked == Qt.CheckState.Checked)
        return False

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return {TEXT_COLUMN: "What to prepare", DONE_COLUMN: "Done by"}.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind == ITEM and index.column() == TEXT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if node.kind == PERSON:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    # --- building ------------------------------------------------------------------------

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        position = index.internalId()
        return self._nodes[position] if 0 < position < len(self._nodes) else None

    def _build(self) -> None:
        nodes = [_Node(HEADING, 0, -1)]
        headings: dict[object, int] = {}
        for line in self._lines:
            group = line.item.group
            if group not in headings:
                headings[group] = len(nodes)
                nodes[0].children.append(len(nodes))
                nodes.append(_Node(HEADING, len(nodes[0].children) - 1, 0, group.label))
            heading = headings[group]
            item_position = len(nodes)
            nodes[heading].children.append(item_position)
            nodes.append(_Node(ITEM, len(nodes[heading].children) - 1, heading, line=line))
            for person in line.item.people:
                text = f"{person.name}: {person.detail}" if person.detail else person.name
                nodes[item_position].children.append(len(nodes))
                nodes.append(
                    _Node(PERSON, len(nodes[item_position].children) - 1, item_position, text)
                )
        self._nodes = nodes


class TickChange:
    """An item's tick before and after a change, and the calls that put either back; each
    presents the tick it expects to find, so a colleague's change is never overwritten."""

    def __init__(
        self,
        services: Services,
        meeting_id: int,
        item_key: str,
        before: PreparationTick | None,
        after: PreparationTick | None,
    ) -> None:
        self.services = services
        self.meeting_id = meeting_id
        self.item_key = item_key
        self.before = before
        self.after = after

    def undo(self) -> None:
        self.services.preparation.put_back(
            self.meeting_id, self.item_key, self.before, last_seen=self.after
        )

    def redo(self) -> None:
        self.services.preparation.put_back(
            self.meeting_id, self.item_key, self.after, last_seen=self.before
        )


class PreparationChecklist(QWidget):
    """The preparation checklist of one session (``show_meeting``).

    Signals:
        changed(): a tick was saved (here, by undo or redo, or announced elsewhere while a
            session is shown).
    """

    changed = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._meeting_id: int | None = None
        self.setAccessibleName(self.tr("Preparation checklist"))

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Preparation so far"))

        self.model = ChecklistModel(self)
        self.model.tick_requested.connect(self.set_done)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("What to prepare for this session"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DONE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DONE_COLUMN, self.fontMetrics().horizontalAdvance("n") * 30)
        self.model.modelReset.connect(self._expand_headings)

        tick = QAction(self.tr("Checklist: tick or untick the selected item"), self.tree)
        tick.setShortcut(QKeySequence(Qt.Key.Key_Space))
        tick.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tick.triggered.connect(self.toggle_current)
        self.tree.addAction(tick)

        self.legend = muted(
            QLabel(
                self.tr(
                    "Space ticks or unticks the selected item. Right arrow shows who it is "
                    "for; Left hides them again."
                )
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Keys for the checklist"))
        self.problem = error_label()

        self.placeholder = muted(QLabel(self.tr("Choose a session to see what to prepare.")))
        self.placeholder.setAccessibleName(self.tr("No session chosen"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.tree)

        context.changes.changed.connect(self._record_changed)
        self.show_meeting(None)

    # --- what the Sessions page uses ----------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show the checklist of session ``meeting_id``; None: nothing."""
        if meeting_id != self._meeting_id:
            self._show_problem("")
        self._meeting_id = meeting_id
        self.placeholder.setVisible(meeting_id is None)
        self.tree.setEnabled(meeting_id is not None)
        self.reload()

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def reload(self) -> None:
        """Work the checklist out again, keeping the selected item and what is expanded."""
        current = self.tree.currentIndex()
        keep_key = current.data(KEY_ROLE) if current.isValid() else None
        expanded = {
            line.item.key
            for line in self.model.lines
            if self.tree.isExpanded(self.model.index_of_key(line.item.key))
        }
        lines: list[ChecklistLine] = []
        if self._meeting_id is not None:
            try:
                lines = self._services.preparation.checklist(self._meeting_id)
            except CoproduceError as exc:
                self._show_problem(str(exc))
        rebuilt = self.model.set_lines(lines)
        if rebuilt:
            for key in expanded:
                index = self.model.index_of_key(key)
                if index.isValid():
                    self.tree.expand(index)
            chosen = self.model.index_of_key(keep_key) if keep_key else QModelIndex()
            if not chosen.isValid() and lines:
                chosen = self.model.index_of_key(lines[0].item.key)
            if chosen.isValid():
                self.tree.setCurrentIndex(chosen)
        self._show_summary(lines)

    def current_line(self) -> ChecklistLine | None:
        return self.model.line(self.tree.currentIndex())

    # --- ticking ------------------------------------------------------------------------

    def toggle_current(self) -> None:
        line = self.current_line()
        if line is not None:
            self.set_done(line.item.key, not line.done)

    def set_done(self, item_key: str, done: bool) -> bool:
        """Tick (or untick) the item with ``item_key`` and push its undo; False if refused."""
        if self._meeting_id is None:
            return False
        line = next((ln for ln in self.model.lines if ln.item.key == item_key), None)
        if line is None or line.done == done:
            return False
        preparation = self._services.preparation
        try:
            if done:
                saved = preparation.tick(self._meeting_id, item_key)
            else:
                saved = preparation.untick(self._meeting_id, item_key)
        except (ConflictError, CoproduceError) as exc:
            self.reload()
            self._show_problem(str(exc))
            return False
        self._show_problem("")
        change = TickChange(self._services, self._meeting_id, item_key, line.tick, saved)
        what = self.tr("Ticked") if done else self.tr("Unticked")
        self._context.undo_stack.push(
            ServiceCommand(
                f"{what}: {line.item.text}",
                undo_call=change.undo,
                redo_call=change.redo,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit(RECORD_TYPE)
        return True

    # --- showing ------------------------------------------------------------------------

    def _expand_headings(self) -> None:
        for index in self.model.heading_indexes():
            self.tree.expand(index)

    def _show_summary(self, lines: list[ChecklistLine]) -> None:
        if self._meeting_id is None:
            text = ""
        elif not lines:
            text = self.tr(
                "Nothing to prepare: nobody expected at this session has needs recorded that "
                "need arranging."
            )
        else:
            done = sum(1 for line in lines if line.done)
            text = self.tr(
                "%d of %d done. Worked out from the needs of everyone expected; people who "
                "sent apologies or are marked absent are left out."
            ) % (done, len(lines))
        self.summary_label.setText(text)
        self.summary_label.setAccessibleDescription(text)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _record_changed(self, record_type: str) -> None:
        if record_type not in RELOAD_ON or self._meeting_id is None:
            return
        self.reload()
        if record_type == RECORD_TYPE:
            self.changed.emit()
