"""The evidence pack's content, on both databases, over the small demo council.

Its figures must be the dashboard's own; its CQC quality statements are checked against a count
written here in plain SQL; its "You said, we did" examples must name only people whose consent
to be quoted by name is in force, and leave everyone else's name out of every text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from coproduce.documents.evidence_content import EvidencePack
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Contribution, Link, Response
from coproduce.domain.schedule import add_months
from coproduce.domain.vocabulary import (
    Attribution,
    ConsentPurpose,
    CqcQualityStatement,
    LadderRung,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.dashboard import DashboardFilter
from coproduce.services.demo import ANCHOR, build_demo
from coproduce.services.evidence import DEFAULT_EXAMPLES, EvidenceFilter, rung_name
from coproduce.services.meetings import MeetingFilter

YEAR = EvidenceFilter(from_date=add_months(ANCHOR, -12) + timedelta(days=1), to_date=ANCHOR)


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services.database, "small")
    return Services(services.database, actor="Test Facilitator", today=lambda: ANCHOR)


def rows(services: Services, sql: str) -> list[Any]:
    with services.database.engine.connect() as connection:
        return list(connection.execute(text(sql)))


def as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def every_text(value: object) -> list[str]:
    """Every string anywhere in a content dataclass."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [t for item in value for t in every_text(item)]
    if is_dataclass(value) and not isinstance(value, type):
        return [t for f in fields(value) for t in every_text(getattr(value, f.name))]
    return []


def first_group(services: Services) -> int:
    return services.groups.list().items[0].id  # type: ignore[return-value]


def direct_statement_counts(
    services: Services, which: EvidenceFilter
) -> dict[str, tuple[int, int, int, int]]:
    """Per CQC code: things said in scope tagged with it, those responded to (not "Not
    answered yet"), those that changed the document and those fed back."""
    found = rows(
        services,
        "SELECT c.id, c.captured_at, m.group_id, t.code, r.status, r.fed_back_on, m.starts_at "
        "FROM contribution_tags t JOIN contributions c ON c.id = t.contribution_id "
        "JOIN meetings m ON m.id = c.meeting_id "
        "LEFT JOIN responses r ON r.contribution_id = c.id WHERE t.vocabulary = 'cqc'",
    )
    as_on = which.to_date or ANCHOR
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for _id, captured_at, group_id, code, status, fed_back_on, starts_at in found:
        day = as_datetime(captured_at).date()
        if (which.from_date and day < which.from_date) or day > as_on:
            continue
        if as_datetime(starts_at).date() > as_on:  # a session still to come: not said yet
            continue
        if which.group_ids and group_id not in which.group_ids:
            continue
        tally = counts[code]
        tally[0] += 1
        tally[1] += status is not None and status != "not_answered"
        tally[2] += status == "changed_document"
        tally[3] += fed_back_on is not None
    return {code: (a, b, c, d) for code, (a, b, c, d) in counts.items()}


@pytest.mark.parametrize("one_group", [False, True])
def test_the_packs_figures_are_the_dashboards(demo: Services, one_group: bool) -> None:
    which = YEAR
    if one_group:
        which = EvidenceFilter(frozenset({first_group(demo)}), date(2026, 3, 1), ANCHOR)
    pack = demo.evidence.pack(which)
    dashboard = demo.dashboard.figures(
        DashboardFilter(which.group_ids, which.from_date, which.to_date)
    )

    figures = dict(pack.key_figures.rows)
    loop = dashboard.loop
    assert pack.contributions >= loop.contributions > 0  # praise and decisions expect none
    assert figures["Things said that expect an answer"] == f"{loop.contributions:,}"
    assert figures["Given a response"].startswith(f"{loop.responded:,} of {loop.contributions:,}")
    assert figures["Response fed back to the group"].startswith(f"{loop.fed_back:,} of ")
    assert figures["People involved in the last 12 months"] == str(
        dashboard.reach.involved_last_12_months
    )
    assert figures["People new in this period"] == str(dashboard.reach.new_in_period)
    assert figures["Overdue actions"] == str(dashboard.overdue.total)
    assert figures["Below their planned rung"] == str(dashboard.rungs.below_plan)
    assert figures["Pieces of work on the ladder"] == str(dashboard.rungs.documents)

    ladder = {row[0]: (int(row[1]), int(row[2])) for row in pack.ladder.table.rows}
    for count in dashboard.rungs.rungs:
        assert ladder[rung_name(count.rung)] == (count.planned, count.assessed)
    over_time = pack.figures[0].table
    assert [row[0] for row in over_time.rows] == [p.label for p in dashboard.periods]
    for index, row in enumerate(over_time.rows):
        assert tuple(int(n) for n in row[1:]) == dashboard.rung_history.counts[index]
    attendance = pack.figures[1].table
    for column, group in enumerate(dashboard.reach.attendance, start=1):
        assert attendance.headers[column] == group.group_name
        assert tuple(int(row[column]) for row in attendance.rows) == group.present
    overdue = pack.figures[2].table
    assert overdue.rows == tuple((g.group_name, str(g.count)) for g in dashboard.overdue.by_group)
    if one_group:
        assert pack.groups == (dashboard.group_names[first_group(demo)],)
        assert not pack.all_groups
    else:
        assert pack.all_groups and pack.groups == ()


@pytest.mark.parametrize("one_group", [False, True])
def test_each_cqc_statement_counts_what_was_tagged_with_it(demo: Services, one_group: bool) -> None:
    which = EvidenceFilter(frozenset({first_group(demo)}), None, ANCHOR) if one_group else YEAR
    pack = demo.evidence.pack(which)
    expected = direct_statement_counts(demo, which)

    assert pack.statements[0].statement == "Learning, improvement and innovation"
    assert {s.code for s in pack.statements} == {s.value for s in CqcQualityStatement}
    for item in pack.statements:
        counted = (item.contributions, item.responded, item.changed_document, item.fed_back)
        assert counted == expected.get(item.code, (0, 0, 0, 0)), item.statement
        assert item.theme == CqcQualityStatement(item.code).theme
    assert sum(s.contributions for s in pack.statements) > 0
    untagged = rows(
        demo,
        "SELECT COUNT(*) FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM "
        "contribution_tags t WHERE t.contribution_id = c.id AND t.vocabulary = 'cqc')"
        + (
            ""
            if not one_group
            else f" AND c.meeting_id IN (SELECT id FROM meetings WHERE "
            f"group_id = {first_group(demo)})"
        ),
    )[0][0]
    if not one_group:  # the year covers every thing said in the small demo
        assert pack.contributions == rows(demo, "SELECT COUNT(*) FROM contributions")[0][0]
    assert pack.untagged == untagged


def test_the_default_examples_are_the_newest_that_changed_a_document(demo: Services) -> None:
    candidates = demo.evidence.examples(YEAR)
    pack = demo.evidence.pack(YEAR)

    changed = [e for e in candidates if e.changed_document]
    assert len(changed) > DEFAULT_EXAMPLES
    assert pack.examples == tuple(changed[:DEFAULT_EXAMPLES])
    newest = [e.decided_on for e in pack.examples]
    assert newest == sorted(newest, reverse=True)
    assert all(e.outcome == "Changed the document" for e in pack.examples)
    # Each chosen example also shows under the statements it was tagged with.
    for item in pack.statements:
        assert item.examples == tuple(e for e in pack.examples if item.statement in e.statements)


def test_the_facilitator_chooses_the_examples_and_others_are_left_out(demo: Services) -> None:
    candidates = demo.evidence.examples(YEAR)
    unchanged = [e for e in candidates if not e.changed_document][:2]
    assert len(unchanged) == 2
    wanted = [unchanged[1].contribution_id, unchanged[0].contribution_id, 999_999]

    pack = demo.evidence.pack(YEAR, wanted)

    assert pack.examples == tuple(unchanged)  # newest first, the unknown id left out
    assert demo.evidence.pack(YEAR, []).examples == ()


def test_examples_name_only_people_who_agreed_and_nobody_else_anywhere(demo: Services) -> None:
    people = {r.id: r.display_name for r in rows(demo, "SELECT id, display_name FROM people")}
    speakers = {
        r.id: (r.speaker_id, r.attribution)
        for r in rows(demo, "SELECT id, speaker_id, attribution FROM contributions")
    }
    consenting = demo.people.consenting(ConsentPurpose.QUOTED_BY_NAME, sorted(people))
    candidates = demo.evidence.examples(YEAR)
    anonymous = ("A group member said", "The whole group said")
    named = [e for e in candidates if e.source not in anonymous]
    assert named, "the demo should have someone who agreed to be quoted by name"
    for example in candidates:
        speaker, attribution = speakers[example.contribution_id]
        if example.source == "The whole group said":
            assert attribution == "whole_group"
        if example.source in anonymous:
            continue
        assert attribution == "person" and speaker in consenting
        assert example.source == f"{people[speaker]} said"

    # Withdraw one named speaker's consent: their name goes from every text of the pack.
    speaker = speakers[named[0].contribution_id][0]
    name = people[speaker]
    chosen = [e.contribution_id for e in candidates]
    before = demo.evidence.pack(YEAR, chosen)
    assert any(name in t for t in every_text(before))
    demo.people.withdraw_consent(speaker, ConsentPurpose.QUOTED_BY_NAME, "Test Facilitator")

    after: EvidencePack = demo.evidence.pack(YEAR, chosen)
    assert not [t for t in every_text(after) if name.casefold() in t.casefold()]
    assert len(after.examples) == len(before.examples)
    hidden = {people[p] for p in people if p not in consenting or p == speaker}
    for words in every_text(after):
        for person in hidden:
            assert person.casefold() not in words.casefold(), (person, words)


def test_dates_the_wrong_way_round_are_refused_in_plain_words(demo: Services) -> None:
    backwards = EvidenceFilter(from_date=ANCHOR, to_date=ANCHOR - timedelta(days=1))
    with pytest.raises(ValidationError, match="start date is after the end date"):
        demo.evidence.pack(backwards)
    with pytest.raises(ValidationError, match="start date is after the end date"):
        demo.evidence.examples(backwards)


def test_an_empty_council_makes_a_pack_of_zeros(services: Services) -> None:
    pack = services.evidence.pack()

    assert pack.contributions == 0 and pack.examples == ()
    assert all(s.contributions == 0 for s in pack.statements)
    assert pack.ladder.table.rows[0] == (rung_name(LadderRung.CO_PRODUCTION), "0", "0")
    assert "No pieces of work" in pack.ladder.alt_text


def test_a_session_still_to_come_is_neither_counted_nor_offered_as_an_example(
    demo: Services,
) -> None:
    """Meeting mode run early for next month's session, its ideas answered today: a pack for a
    period ending today neither counts them nor ticks them as examples."""
    upcoming = demo.meetings.list(
        MeetingFilter(starts_from=datetime.combine(ANCHOR + timedelta(days=1), time.min))
    ).items[0]
    before = demo.evidence.pack(YEAR)
    early = demo.contributions.add(
        Contribution(
            meeting_id=upcoming.id,
            text="Typed before the session happened",
            attribution=Attribution.WHOLE_GROUP,
            quality_statements=frozenset({CqcQualityStatement.LEARNING_IMPROVEMENT}),
            captured_at=datetime.combine(ANCHOR, time(9)),
        )
    )
    document = demo.documents.list().items[0]
    section = demo.documents.sections(document.id)[0]
    demo.contributions.link(
        Link(contribution_id=early.id, document_id=document.id, section_id=section.id)
    )
    demo.contributions.respond(
        Response(
            contribution_id=early.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=section.id,
            text="We changed it the same day",
            decided_on=ANCHOR,
        )
    )

    candidates = demo.evidence.examples(YEAR)
    pack = demo.evidence.pack(YEAR)

    assert early.id not in {e.contribution_id for e in candidates}
    assert early.id not in demo.evidence.default_examples(candidates)
    assert early.id not in {e.contribution_id for e in pack.examples}
    assert pack.contributions == before.contributions
    assert pack.statements == before.statements
    assert pack.key_figures == before.key_figures
    # Once its day has come, it counts.
    on_the_day = Services(
        demo.database, actor="Test Facilitator", today=lambda: upcoming.starts_at.date()
    )
    later = EvidenceFilter(from_date=YEAR.from_date, to_date=upcoming.starts_at.date())
    assert early.id in {e.contribution_id for e in on_the_day.evidence.examples(later)}
