"""What may be written to the log: record types, ids and error classes, never people's words.

The log is the file every "Something went wrong" box asks people to send to support, so it
must not hold names or what people said. Error messages do: a ``ConflictError`` or an undo
step names its record, a database error quotes the failing row and SQL parameters, and an
error from the program's own code may carry any value it was handed. So nothing in the log
is an error's message:

- ``describe_error(exc)`` names an error for a log line: its class, plus a kind that holds no
  text (the record type and id of a ``NotFoundError``/``ConflictError``, the field of a
  ``ValidationError``, the SQLSTATE or SQLite error name of a database error, the errno name
  of an ``OSError``).
- ``PrivateFormatter`` is the log file's formatter: a traceback keeps its frames (file, line,
  code) but each exception in the chain is shown by ``describe_error``, and an exception
  passed as a log argument (``log.warning("...: %s", exc)``) is replaced the same way, so a
  call written carelessly still cannot leak.

Free text (names, titles, undo-step texts) must not be passed to the log at all; that is for
each call to get right, and ``tests/ui/test_log_privacy.py`` runs the flows that used to leak.
"""

from __future__ import annotations

import errno
import logging
import traceback
from types import TracebackType

__all__ = ["PrivateFormatter", "describe_error", "format_exception"]


def describe_error(error: BaseException) -> str:
    """``error``'s class and a kind that holds no personal text, for a log line."""
    kind = _kind(error)
    name = type(error).__qualname__
    module = type(error).__module__
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    return f"{name} ({kind})" if kind else name


def _kind(error: BaseException) -> str:
    record_type = getattr(error, "record_type", None)
    record_id = getattr(error, "record_id", None)
    if isinstance(record_type, str) and isinstance(record_id, int):
        return f"{record_type} {record_id}"
    field = getattr(error, "field", None)
    if isinstance(field, str):
        return f"field {field}"
    # SQLAlchemy's DBAPIError wraps the driver's error in ``orig``; psycopg's errors carry a
    # SQLSTATE, sqlite3's an error name (SQLITE_CONSTRAINT_UNIQUE...). Both say what went
    # wrong without the statement, its parameters or the failing row.
    driver_error = getattr(error, "orig", None) or error
    sqlstate = getattr(driver_error, "sqlstate", None)
    if isinstance(sqlstate, str):
        diag = getattr(driver_error, "diag", None)
        constraint = getattr(diag, "constraint_name", None) if diag is not None else None
        return f"SQLSTATE {sqlstate}" + (f" {constraint}" if constraint else "")
    sqlite_name = getattr(driver_error, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        return sqlite_name
    if isinstance(error, OSError) and error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    return ""


def format_exception(error: BaseException) -> str:
    """``error``'s traceback, with every exception in its chain named by ``describe_error``:
    for a crash report someone will send on."""
    return "".join(_format_chain(error))


class PrivateFormatter(logging.Formatter):
    """A formatter that never writes an exception's message (see the module docstring)."""

    def format(self, record: logging.LogRecord) -> str:
        # A copy: other handlers see the record as logged, and the traceback text another
        # formatter may have cached on it (``exc_text``, with messages) is not reused here.
        private = logging.makeLogRecord(record.__dict__)
        private.args = _scrub_args(record.args) if record.args else record.args
        private.exc_text = None
        return super().format(private)

    def formatException(  # noqa: N802 - logging's name
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        error = ei[1]
        if error is None:
            return ""
        return format_exception(error).rstrip("\n")


def _scrub_args(args: tuple[object, ...] | object) -> tuple[object, ...] | object:
    if isinstance(args, tuple):
        return tuple(describe_error(a) if isinstance(a, BaseException) else a for a in args)
    return args  # a mapping for "%(name)s" formats: its values are the caller's to choose


def _format_chain(error: BaseException, seen: set[int] | None = None) -> list[str]:
    """Like ``traceback.format_exception`` but each exception is named by ``describe_error``."""
    seen = seen if seen is not None else set()
    seen.add(id(error))
    lines: list[str] = []
    if error.__cause__ is not None and id(error.__cause__) not in seen:
        lines += _format_chain(error.__cause__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif (
        error.__context__ is not None
        and not error.__suppress_context__
        and id(error.__context__) not in seen
    ):
        lines += _format_chain(error.__context__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if error.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_list(traceback.extract_tb(error.__traceback__))
    lines.append(describe_error(error) + "\n")
    return lines
