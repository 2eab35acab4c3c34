"""Small text helpers for queries that must behave the same on SQLite and PostgreSQL."""

from __future__ import annotations


def sort_key(text: str) -> str:
    """The case-folded form stored beside names: SQLite's LOWER() only folds ASCII."""
    return " ".join(text.casefold().split())


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_pattern(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching ``text`` anywhere."""
    return f"%{escape_like(text.strip())}%"


def prefix_pattern(text: str) -> str:
    return f"{escape_like(text)}%"
