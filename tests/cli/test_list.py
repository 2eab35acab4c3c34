"""``coproduce list``: every kind in every format, read back the way another program would."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from cli_support import Coproduce, Register

from coproduce.cli import LISTINGS, records_to_rows
from coproduce.domain.records import AccessNeeds, Person
from coproduce.domain.vocabulary import (
    CommunicationSupport,
    DocumentStatus,
    GroupKind,
    LadderRung,
    MeetingStatus,
    Role,
)
from coproduce.services import Services
from coproduce.store.database import Database

# What identifies the register's record of each kind, and the column it is in.
NAMES = {
    "groups": ("name", "Carers' Forum"),
    "people": ("display_name", "Sam Okafor"),
    "sessions": ("title", "Short breaks for carers"),
    "documents": ("title", "Carers' strategy 2026 to 2030"),
}


def _json_rows(output: str) -> list[dict[str, object]]:
    rows = json.loads(output)
    assert isinstance(rows, list)
    return rows


def _csv_rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output, newline="")))


@pytest.mark.parametrize("kind", list(NAMES))
def test_every_list_reads_back_as_json_with_stable_keys(
    coproduce: Coproduce, register: Register, database_url: str, kind: str
) -> None:
    result = coproduce("list", kind, "--db", database_url, "--format", "json")

    assert result.status == 0, result.err
    rows = _json_rows(result.out)
    column, name = NAMES[kind]
    assert name in [row[column] for row in rows]
    assert all(list(row) == list(LISTINGS[kind].columns) for row in rows)


@pytest.mark.parametrize("kind", list(NAMES))
def test_every_list_reads_back_as_csv_with_a_header(
    coproduce: Coproduce, register: Register, database_url: str, kind: str
) -> None:
    result = coproduce("list", kind, "--db", database_url, "--format", "csv")

    assert result.status == 0, result.err
    reader = csv.DictReader(io.StringIO(result.out, newline=""))
    rows = list(reader)
    assert reader.fieldnames == list(LISTINGS[kind].columns)
    column, name = NAMES[kind]
    assert name in [row[column] for row in rows]


@pytest.mark.parametrize("kind", list(NAMES))
def test_every_list_prints_an_aligned_table_for_a_terminal(
    coproduce: Coproduce, register: Register, database_url: str, kind: str
) -> None:
    result = coproduce("list", kind, "--db", database_url)

    assert result.status == 0, result.err
    header, rule, *lines = result.out.splitlines()
    column, name = NAMES[kind]
    heading = column.replace("_", " ").capitalize()
    (line,) = [line for line in lines if name in line]
    # The name starts exactly under its heading, and the rule underlines every column.
    assert line.index(name) == header.index(heading)
    assert set(rule) <= {"-", " "}
    assert len(rule) >= len(header.rstrip())


def test_json_gives_codes_and_iso_dates_that_scripts_can_rely_on(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    def only(kind: str) -> dict[str, object]:
        result = coproduce("list", kind, "--db", database_url, "--format", "json")
        assert result.status == 0, result.err
        (row,) = [r for r in _json_rows(result.out) if r[NAMES[kind][0]] == NAMES[kind][1]]
        return row

    assert only("groups") == {
        "id": register.group.id,
        "name": "Carers' Forum",
        "kind": "carers_forum",
        "cadence": "monthly",
        "active": True,
    }
    session = only("sessions")
    assert session["group_id"] == register.group.id
    assert session["group"] == "Carers' Forum"
    assert session["starts_at"] == "2026-03-12T10:00:00"
    assert session["ends_at"] == "2026-03-12T12:00:00"
    assert session["status"] == MeetingStatus.PLANNED.value
    assert session["place"] == "Town Hall, Room 2"
    document = only("documents")
    assert document["kind"] == "strategy"
    assert document["status"] == DocumentStatus.IN_DEVELOPMENT.value
    assert document["review_on"] == "2027-01-31"
    assert document["planned_rung"] == 7
    assert only("people")["roles"] == ["expert_by_experience", "unpaid_carer"]


def test_csv_puts_several_roles_in_one_cell(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    result = coproduce("list", "people", "--db", database_url, "--format", "csv")

    (sam,) = [row for row in _csv_rows(result.out) if row["display_name"] == "Sam Okafor"]
    assert sam["roles"] == "expert_by_experience;unpaid_carer"
    assert sam["active"] == "True"


def test_the_table_shows_the_words_a_facilitator_reads(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    groups = coproduce("list", "groups", "--db", database_url).out
    sessions = coproduce("list", "sessions", "--db", database_url).out
    documents = coproduce("list", "documents", "--db", database_url).out

    assert GroupKind.CARERS_FORUM.label in groups
    assert "2026-03-12 10:00" in sessions
    assert "Carers' Forum" in sessions
    assert LadderRung.CO_PRODUCTION.label in documents


def test_the_people_list_never_shows_contact_details_or_needs(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    for output_format in ("table", "json", "csv"):
        result = coproduce("list", "people", "--db", database_url, "--format", output_format)
        assert result.status == 0, result.err
        assert "Sam Okafor" in result.out
        assert "Carers Together" in result.out
        for private in ("sam.okafor@example.org", "07700", "High Street", "wheelchair", "step"):
            assert private not in result.out, f"{private!r} shown by --format {output_format}"


def test_limit_shows_the_first_records_and_says_how_many_there_are(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    as_json = coproduce("list", "people", "--db", database_url, "--format", "json", "--limit", "1")
    as_table = coproduce("list", "people", "--db", database_url, "--limit", "1")

    assert [row["display_name"] for row in _json_rows(as_json.out)] == ["Ada Mensah"]
    assert "Showing 1 of 2 people." in as_table.out


def test_search_narrows_every_list(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    people = coproduce(
        "list", "people", "--db", database_url, "--search", "okaf", "--format", "json"
    )
    sessions = coproduce(
        "list", "sessions", "--db", database_url, "--search", "nothing like it", "--format", "json"
    )

    assert [row["display_name"] for row in _json_rows(people.out)] == ["Sam Okafor"]
    assert _json_rows(sessions.out) == []


def test_an_empty_list_is_said_in_words_and_stays_valid_for_scripts(
    coproduce: Coproduce, database_url: str
) -> None:
    table = coproduce("list", "sessions", "--db", database_url)
    as_json = coproduce("list", "sessions", "--db", database_url, "--format", "json")
    as_csv = coproduce("list", "sessions", "--db", database_url, "--format", "csv")

    assert table.out == "No sessions.\n"
    assert json.loads(as_json.out) == []
    assert as_csv.out.strip() == ",".join(LISTINGS["sessions"].columns)


def test_names_with_terminal_control_characters_cannot_garble_the_table(
    coproduce: Coproduce, services: Services, database_url: str
) -> None:
    typed = "Jo \x1b[2J\x1b[31mBloggs\nSecond line 🙂 مرحبا"
    services.people.create(Person(display_name=typed))

    table = coproduce("list", "people", "--db", database_url)
    as_json = coproduce("list", "people", "--db", database_url, "--format", "json")

    assert "\x1b" not in table.out
    assert "Bloggs Second line 🙂 مرحبا" not in table.out.splitlines()[0]
    assert "🙂 مرحبا" in table.out
    # Scripts get exactly what was stored (after the register's own whitespace tidying).
    (stored,) = [row["display_name"] for row in _json_rows(as_json.out)]
    assert stored == services.people.list().items[0].display_name


def test_records_become_plain_values_for_any_output() -> None:
    person = Person(
        display_name="Sam",
        roles=frozenset({Role.UNPAID_CARER, Role.EXPERT_BY_EXPERIENCE}),
        needs=AccessNeeds(communication_support=frozenset({CommunicationSupport.LONGER_TIME})),
        left_on=date(2026, 2, 1),
        active=False,
        id=3,
    )

    (as_codes,) = records_to_rows([person], ("id", "roles", "left_on", "active"))
    (as_labels,) = records_to_rows([person], ("roles", "left_on"), labels=True)
    (computed,) = records_to_rows(
        [person],
        ("display_name", "shouting"),
        computed={"shouting": lambda p: p.display_name.upper()},
    )

    assert as_codes == {
        "id": 3,
        "roles": ["expert_by_experience", "unpaid_carer"],
        "left_on": "2026-02-01",
        "active": False,
    }
    assert as_labels == {
        "roles": sorted([Role.EXPERT_BY_EXPERIENCE.label, Role.UNPAID_CARER.label]),
        "left_on": "2026-02-01",
    }
    assert computed == {"display_name": "Sam", "shouting": "SAM"}
    assert json.loads(json.dumps(records_to_rows([person], ("roles",)))) == [
        {"roles": ["expert_by_experience", "unpaid_carer"]}
    ]
    assert records_to_rows([], ("id",)) == []


def test_a_name_that_looks_like_a_formula_is_plain_text_in_csv(
    coproduce: Coproduce, sqlite_database: Database
) -> None:
    services = Services(sqlite_database)
    services.people.create(Person(display_name='=HYPERLINK("http://x.invalid","Click")'))
    services.people.create(Person(display_name="-Dash Dee"))
    url = f"sqlite:///{sqlite_database.sqlite_path}"

    result = coproduce("list", "people", "--db", url, "--format", "csv")

    names = sorted(row["display_name"] for row in _csv_rows(result.out))
    assert names == ["'-Dash Dee", '\'=HYPERLINK("http://x.invalid","Click")']
