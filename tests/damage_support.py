"""Damaging a real SQLite database file the ways disks and careless copies do, for the fault
tests: a zeroed page, flipped bytes inside pages, a file cut short, a damaged header.

Each damage hits the ``people`` table (or the file's header), which every command that
lists, exports or checks reads, so each such command must meet it. The file is written
directly, as a failing disk would, never through SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def table_pages(path: Path, table: str) -> tuple[int, list[int], int]:
    """The root page of ``table``, its leaf pages, and the file's page size."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        leaves = [
            page
            for (page,) in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
    finally:
        connection.close()
    return root, leaves, page_size


def _page_offset(page: int, page_size: int) -> int:
    return (page - 1) * page_size


def zero_a_page(path: Path) -> None:
    """Zeros over the people table's root page (a page a disk lost)."""
    root, _leaves, size = table_pages(path, "people")
    data = bytearray(path.read_bytes())
    start = _page_offset(root, size)
    data[start : start + size] = bytes(size)
    path.write_bytes(bytes(data))


def flip_bytes(path: Path) -> None:
    """Every bit of the first bytes of each people page flipped (a bad sector's garbage)."""
    _root, leaves, size = table_pages(path, "people")
    data = bytearray(path.read_bytes())
    for page in leaves:
        start = _page_offset(page, size)
        for offset in range(start, start + 32):
            data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def cut_short(path: Path) -> None:
    """The file ends before the people table's rows (a copy that stopped half-way)."""
    _root, leaves, size = table_pages(path, "people")
    with path.open("r+b") as handle:
        handle.truncate(_page_offset(min(leaves), size))


def damage_the_header(path: Path) -> None:
    """The file's first bytes overwritten: it no longer says what it is."""
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 16)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "a zeroed page": zero_a_page,
    "flipped bytes": flip_bytes,
    "a file cut short": cut_short,
    "a damaged header": damage_the_header,
}


def copy_database(source: Path, destination: Path) -> Path:
    """A one-file copy of a (WAL) database, through SQLite's backup API, ready to damage."""
    from_connection = sqlite3.connect(source)
    to_connection = sqlite3.connect(destination)
    try:
        from_connection.backup(to_connection)
    finally:
        from_connection.close()
        to_connection.close()
    return destination
