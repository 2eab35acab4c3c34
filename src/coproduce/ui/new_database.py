"""Asking before a new database is made where the person expected one.

A mistyped ``--db`` path, a ``COPRODUCE_DB`` pointing at a drive that is not connected, or an
address typed into File > Open a shared database would otherwise quietly make a new, empty
database (and its folders), which a facilitator could take for lost data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coproduce.domain.errors import DatabaseNotFoundError
from coproduce.ui import prompts


def _tr(text: str) -> str:
    return QCoreApplication.translate("NewDatabase", text)


def may_make_new_database(parent: QWidget | None, missing: DatabaseNotFoundError) -> bool:
    """Ask whether to make a new database at ``missing.path``; True to make it. "No" is
    answered with a message saying that nothing was made and what to check."""
    path = Path(missing.path)
    if path.parent.exists():
        made = _tr("A new, empty database would be made there.")
    else:
        made = (
            _tr(
                "A new, empty database would be made there. The folder %s does not exist "
                "either: it would be made too."
            )
            % path.parent
        )
    question = "\n\n".join(
        [
            str(missing),
            _tr(
                "If you meant a database you already have, the name or folder may be mistyped, "
                "or its drive may not be connected."
            ),
            made,
        ]
    )
    if prompts.ask_to_go_on(
        parent,
        _tr("Make a new database?"),
        question,
        go_on=_tr("Make a new database"),
        go_back=_tr("Don't make one"),
    ):
        return True
    prompts.show_information(
        parent,
        _tr("No database was made"),
        _tr(
            "Nothing was created at %s. Check the address (the --db value or COPRODUCE_DB), "
            "or open the database you meant with File > Open database."
        )
        % path,
    )
    return False
