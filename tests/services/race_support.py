"""A writer in its own process for the race tests: its own interpreter, its own connections.

``save_in_rounds`` is run by two processes at once. In every round each reads the same record,
both wait at a barrier, then both save their own change of it (or both delete it); each
reports what happened, so the test can tell a clean conflict from any other failure.
"""

from __future__ import annotations

import multiprocessing.synchronize
import traceback
from multiprocessing.connection import Connection

from coproduce.domain.errors import ConflictError, NotFoundError
from coproduce.domain.records import replace
from coproduce.services import Services
from coproduce.store.database import Database

SAVED = "saved"
CONFLICT = "conflict"
GONE = "gone"


def save_in_rounds(
    url: str,
    kind: str,
    record_ids: list[int],
    writer: str,
    rounds: int,
    barrier: multiprocessing.synchronize.Barrier,
    results: Connection,
) -> None:
    """Race the other writer ``rounds`` times, round n on ``record_ids[n]``; send (round,
    outcome, detail) for each."""
    database = Database.open(url, migrate=False)
    services = Services(database, actor=writer)
    try:
        for number in range(rounds):
            record_id = record_ids[number]
            if kind == "delete":
                person = services.people.get(record_id)
                barrier.wait(timeout=60)
                try:
                    services.people.delete(record_id, expected_version=person.version)
                except ConflictError as error:
                    results.send((number, CONFLICT, str(error)))
                except NotFoundError as error:  # the other had deleted it before we looked
                    results.send((number, GONE, str(error)))
                except Exception as error:
                    results.send((number, type(error).__name__, traceback.format_exc()))
                else:
                    results.send((number, SAVED, "deleted"))
                barrier.wait(timeout=60)
                continue
            if kind == "person":
                record = services.people.get(record_id)
                change = replace(record, display_name=f"Kim Osei, saved by {writer} in {number}")
                save = services.people.update
            else:
                record = services.contributions.get(record_id)
                change = replace(record, text=f"More buses on Sundays ({writer}, round {number})")
                save = services.contributions.update  # type: ignore[assignment]
            barrier.wait(timeout=60)
            try:
                save(change)  # type: ignore[arg-type]
            except ConflictError as error:
                results.send((number, CONFLICT, str(error)))
            except Exception as error:  # anything else is what the test looks for
                results.send((number, type(error).__name__, traceback.format_exc()))
            else:
                words = change.display_name if kind == "person" else change.text  # type: ignore[union-attr]
                results.send((number, SAVED, words))
            # Both have saved (or failed) before anyone reads for the next round.
            barrier.wait(timeout=60)
    finally:
        database.close()
        results.close()
