"""The table model behind every list: counts first, loads rows in chunks as they are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.errors import DatabaseError
from coproduce.domain.records import Page, Person
from coproduce.services import Services
from coproduce.services.people import PersonFilter
from coproduce.store.database import Database
from coproduce.ui.models.record_table_model import RECORD_ROLE, Column, RecordTableModel
from coproduce.ui.widgets.record_table import RecordTable

COLUMNS: tuple[Column[Person], ...] = (
    Column("Name", lambda p: p.display_name),
    Column("Organisation", lambda p: p.organisation),
)


def register(services: Services, count: int) -> None:
    for number in range(count):
        services.people.create(
            Person(display_name=f"Person {number:03d}", organisation=f"Org {number % 7}")
        )


class CountingLoader:
    """The people service's listing, counting the queries the model makes."""

    def __init__(self, services: Services, filters: PersonFilter | None = None) -> None:
        self.services = services
        self.filters = filters or PersonFilter()
        self.calls: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> Page[Person]:
        self.calls.append((offset, limit))
        return self.services.people.list(self.filters, offset=offset, limit=limit)


def test_an_empty_list_passes_the_model_tester(
    qtmodeltester: ModelTester, sqlite_database: Database
) -> None:
    model = RecordTableModel(COLUMNS, CountingLoader(Services(sqlite_database)))
    model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_a_full_list_passes_the_model_tester(
    qtmodeltester: ModelTester, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    register(services, 23)
    model = RecordTableModel(COLUMNS, CountingLoader(services), chunk_size=5)
    model.reload()
    assert model.rowCount() == 23
    qtmodeltester.check(model)
    # And again after a reload under a filter, which resets the model.
    model.set_loader(CountingLoader(services, PersonFilter(text="Org 3")))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_rows_are_counted_at_once_and_loaded_only_when_shown(sqlite_database: Database) -> None:
    services = Services(sqlite_database)
    register(services, 23)
    loader = CountingLoader(services)
    model = RecordTableModel(COLUMNS, loader, chunk_size=5)
    model.reload()

    assert model.rowCount() == 23, "the scroll bar knows the whole list from the start"
    assert loader.calls == [(0, 5)], "only the first chunk is read to open the list"

    assert model.data(model.index(22, 0)) == "Person 022"
    assert model.data(model.index(21, 1)) == "Org 0"
    assert loader.calls == [(0, 5), (20, 5)], "the last rows came in one chunk, once"
    assert model.data(model.index(3, 0), RECORD_ROLE).display_name == "Person 003"
    assert len(loader.calls) == 2


def test_the_headings_are_the_column_titles(sqlite_database: Database) -> None:
    model = RecordTableModel(COLUMNS, CountingLoader(Services(sqlite_database)))
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == ["Name", "Organisation"]


def test_a_list_that_cannot_be_loaded_says_why_and_stays_empty(qtbot, sqlite_database) -> None:
    def broken(offset: int, limit: int) -> Page[Person]:
        raise DatabaseError("The server is not answering.")

    model = RecordTableModel(COLUMNS, broken)
    with qtbot.waitSignal(model.load_failed) as failure:
        model.reload()
    assert failure.args == ["The server is not answering."]
    assert model.rowCount() == 0


def test_an_empty_cell_is_read_out_as_empty_not_as_nothing(sqlite_database: Database) -> None:
    services = Services(sqlite_database)
    services.people.create(Person(display_name="Ann Ames", organisation=""))
    model = RecordTableModel(COLUMNS, CountingLoader(services))
    model.reload()
    name, organisation = model.index(0, 0), model.index(0, 1)
    assert model.data(name, Qt.ItemDataRole.AccessibleTextRole) == "Ann Ames"
    assert model.data(organisation, Qt.ItemDataRole.DisplayRole) == ""
    assert model.data(organisation, Qt.ItemDataRole.AccessibleTextRole) == "Organisation: none"


def test_scrolling_through_a_long_list_keeps_only_the_last_chunks_used(
    sqlite_database: Database,
) -> None:
    services = Services(sqlite_database)
    register(services, 40)
    loader = CountingLoader(services)
    model = RecordTableModel(COLUMNS, loader, chunk_size=5, kept_chunks=3)
    model.reload()

    for row in range(40):  # down to the end, as holding Page Down would
        assert model.data(model.index(row, 0)) == f"Person {row:03d}"
    assert model.rows_in_memory == 15, "three chunks of five, not the 40 rows scrolled past"
    assert len(loader.calls) == 8

    # Rows still held come without a query; rows scrolled past long ago are read again.
    assert model.data(model.index(31, 0)) == "Person 031"
    assert len(loader.calls) == 8
    assert model.data(model.index(2, 0)) == "Person 002"
    assert loader.calls[-1] == (0, 5)
    assert model.rows_in_memory == 15


def test_a_table_measures_its_columns_without_reading_the_whole_list(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    register(services, 300)
    loader = CountingLoader(services)
    model = RecordTableModel(COLUMNS, loader, chunk_size=50)
    table = RecordTable(
        model, accessible_name="People", widths_in_characters=(20, 20), stretch_column=0
    )
    qtbot.addWidget(table)
    table.show()
    model.reload()
    table.fit_columns()

    assert loader.calls == [(0, 50), (50, 50)], "about a screenful measured, not 1,000 rows"
    assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance("Organisation")
