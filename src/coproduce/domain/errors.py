"""Errors that cross layers. Their messages are written for a facilitator to read and act on."""

from __future__ import annotations


class CoproduceError(Exception):
    """Base of every error the program expects and explains; never shown as a traceback."""


class ValidationError(CoproduceError):
    """Input that cannot be saved. ``field`` names the dataclass field to show it beside."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFoundError(CoproduceError):
    """A record that does not exist (any more): deleted by someone else, or a wrong id."""

    def __init__(self, record_type: str, record_id: int) -> None:
        super().__init__(f"{record_type} {record_id} does not exist. It may have been deleted.")
        self.record_type = record_type
        self.record_id = record_id


class ConflictError(CoproduceError):
    """A save that lost a race: someone else changed the record since it was read."""

    def __init__(self, record_type: str, record_id: int, description: str = "") -> None:
        what = f"{record_type} {record_id}" + (f" ({description})" if description else "")
        super().__init__(
            f"{what} was changed by someone else after you opened it. "
            "Your changes were not saved; reopen it to see the latest version, then edit again."
        )
        self.record_type = record_type
        self.record_id = record_id


class DatabaseError(CoproduceError):
    """A database that cannot be opened or used: explains what to do."""


class DatabaseBusyError(DatabaseError):
    """Another program is writing to the database: nothing was saved; trying again later can
    succeed (meeting mode keeps its draft and retries quietly)."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer Coproduce; it is left untouched."""


class DatabaseNotFoundError(DatabaseError):
    """No Coproduce database at ``path``: no file there, or an empty (zero-byte) one. Nothing
    was created; the window asks before making a new database there."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class DatabaseDamagedError(DatabaseError):
    """Part of the database cannot be read (a damaged page, a cut-off file): the message says
    how to put back a good copy. Trying again will not help."""


class DuplicateError(ValidationError):
    """Probably the same record twice (a person with the same name); the caller may confirm."""


class ExportError(CoproduceError):
    """A document or table that could not be written (file open in Word, folder not writable,
    LibreOffice missing for a PDF); the message says what to do. Nothing else was changed."""
