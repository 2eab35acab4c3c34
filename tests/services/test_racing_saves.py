"""Two people saving the same record at the same moment, from two processes with their own
connections, on both databases: the loser is told of the conflict, and no update is lost.

On PostgreSQL both transactions read the record before either writes; the loser's UPDATE
waits for the winner's lock and then finds the version moved on. It used to fail there with
SQLAlchemy's "Can't operate on closed transaction" (the conflict message read the row after
the rollback), which the window showed as "Something went wrong". On SQLite the write lock
taken at BEGIN makes the loser read the new version and refuse before writing.
"""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from multiprocessing.connection import Connection, wait

import pytest
from race_support import CONFLICT, GONE, SAVED, save_in_rounds

from coproduce.domain.records import Contribution, Group, Meeting, Person
from coproduce.services import Services

ROUNDS = 30
WRITERS = ("Ada", "Ben")


def _collect(receivers: dict[Connection, str]) -> dict[str, list[tuple[int, str, str]]]:
    """Every writer's reports, read as they come (a writer must never block on a full pipe)."""
    reports: dict[str, list[tuple[int, str, str]]] = {writer: [] for writer in receivers.values()}
    open_ends = dict(receivers)
    while open_ends:
        ready = wait(list(open_ends), timeout=120)
        assert ready, "the writers stopped reporting: a save hung"
        for end in ready:
            try:
                reports[open_ends[end]].append(end.recv())  # type: ignore[union-attr]
            except EOFError:
                del open_ends[end]  # type: ignore[arg-type]
    return reports


def _race(url: str, kind: str, record_ids: list[int]) -> dict[str, list[tuple[int, str, str]]]:
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing shared
    barrier = context.Barrier(len(WRITERS))
    receivers: dict[Connection, str] = {}
    processes = []
    for writer in WRITERS:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=save_in_rounds,
            args=(url, kind, record_ids, writer, ROUNDS, barrier, sender),
        )
        process.start()
        sender.close()  # the writer's copy is the only one left: its exit ends the pipe
        receivers[receiver] = writer
        processes.append(process)
    try:
        reports = _collect(receivers)
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    assert [process.exitcode for process in processes] == [0, 0]
    return reports


def _make(services: Services, kind: str) -> tuple[int, str]:
    """The record to race over: its id and the record type's name in messages."""
    person = services.people.create(Person(display_name="Kim Osei"))
    if kind == "person":
        return person.id, "Person"  # type: ignore[return-value]
    group = services.groups.create(Group(name="Transport forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="Getting about",
            starts_at=datetime(2026, 3, 10, 10, 0),
            ends_at=datetime(2026, 3, 10, 12, 0),
        )
    )
    contribution = services.contributions.add(
        Contribution(meeting_id=meeting.id, text="More buses on Sundays")  # type: ignore[arg-type]
    )
    return contribution.id, "Contribution"  # type: ignore[return-value]


@pytest.mark.parametrize("kind", ["person", "contribution"])
def test_the_loser_of_every_race_is_told_of_the_conflict_and_no_save_is_lost(
    database_url: str, services: Services, kind: str
) -> None:
    record_id, label = _make(services, kind)
    before = (
        services.people.get(record_id)
        if kind == "person"
        else services.contributions.get(record_id)
    )

    reports = _race(database_url, kind, [record_id] * ROUNDS)

    others = [
        f"{writer}, round {number}: {detail.strip().splitlines()[-1]}"
        for writer, writer_reports in reports.items()
        for number, outcome, detail in writer_reports
        if outcome not in (SAVED, CONFLICT)
    ]
    assert not others, f"{len(others)} losers got another error than the conflict: {others}"
    last_saved = ""
    for number in range(ROUNDS):
        outcomes = {writer: reports[writer][number] for writer in WRITERS}
        assert all(outcome[0] == number for outcome in outcomes.values())
        kinds = sorted(outcome[1] for outcome in outcomes.values())
        assert kinds == [CONFLICT, SAVED], f"round {number}: {outcomes}"
        for _number, outcome, detail in outcomes.values():
            if outcome == SAVED:
                last_saved = detail
            else:
                assert detail.startswith(f"{label} {record_id} ")
                assert "was changed by someone else after you opened it" in detail
                assert "Your changes were not saved" in detail
    after = (
        services.people.get(record_id)
        if kind == "person"
        else services.contributions.get(record_id)
    )
    # One save per round, each on top of the one before: none lost, none twice.
    assert after.version == before.version + ROUNDS
    shown = after.display_name if kind == "person" else after.text  # type: ignore[union-attr]
    assert shown == last_saved


def test_the_loser_of_a_race_to_delete_is_told_it_was_changed_or_has_gone(
    database_url: str, services: Services
) -> None:
    people = [services.people.create(Person(display_name=f"Kim Osei {n}")) for n in range(ROUNDS)]

    reports = _race(database_url, "delete", [person.id for person in people])  # type: ignore[misc]

    for number, person in enumerate(people):
        outcomes = sorted(reports[writer][number][1] for writer in WRITERS)
        said = [reports[writer][number][2].strip().splitlines()[-1] for writer in WRITERS]
        assert outcomes in ([CONFLICT, SAVED], [GONE, SAVED]), f"round {number}: {said}"
        loser = next(
            reports[writer][number][2] for writer in WRITERS if reports[writer][number][1] != SAVED
        )
        assert loser.startswith(f"Person {person.id} ")
    assert services.people.list().total == 0
