"""The evidence pack for assurance: co-production activity and its impact, for chosen groups
and dates, under the CQC quality statements it supports.

``EvidenceService.pack(EvidenceFilter(...))`` gathers an ``EvidencePack`` (see
``documents/evidence_content.py``); ``documents.evidence_pack`` writes it. What it holds:

- **The figures** are the dashboard's, read through ``DashboardService.figures`` with the same
  groups and dates, so the pack and the Dashboard page never disagree. Tables of the ladder,
  the ladder over time, attendance and overdue actions hold the numbers the window's charts
  draw (``ui/dashboard/charts.py``, ``ui/ladder/portfolio.py``).
- **Things said** are counted as the dashboard's loop closure counts them: captured between
  the dates (up to ``as_on``) at sessions of the chosen groups that had started by ``as_on``
  (what was typed for a session still to come has not been said, so it is neither counted
  nor offered as an example). Under each CQC quality
  statement: those tagged with it, those with a response other than "Not answered yet", those
  that changed a document, and those fed back. A thing tagged with two statements counts
  under each; ``contributions`` counts each once. "Learning, improvement and innovation"
  comes first: co-production is above all evidence for it.
- **"You said, we did" examples** are things said in scope (ideas, concerns, questions and
  experiences) whose response gives an outcome. ``examples()`` lists the newest
  ``EXAMPLES_LISTED`` (by the day of the decision, else the day said); unless the facilitator
  chooses, the pack takes the newest ``DEFAULT_EXAMPLES`` of them that changed a document.

Consent applies exactly as in every other document: ``services.reports`` decides who may be
named (``ConsentNames``: "quoted by name" in force, anonymous stays anonymous) and scrubs the
names of everyone else involved from every text of the pack. Nobody on the "check in" list is named:
the pack counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from coproduce.documents.docx_base import date_in_words
from coproduce.documents.evidence_content import (
    EvidenceExample,
    EvidenceFigure,
    EvidencePack,
    FigureTable,
    StatementEvidence,
)
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Contribution
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    LadderBand,
    LadderRung,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.services.base import Service
from coproduce.services.dashboard import (
    Dashboard,
    DashboardFilter,
    DashboardService,
    OverdueActions,
    Period,
    Reach,
    RungHistory,
    RungPicture,
)
from coproduce.services.reports import (
    ANSWERABLE,
    ConsentNames,
    contact_details,
    document_titles,
    involved_people,
    said_by,
)
from coproduce.store.unit_of_work import UnitOfWork

TITLE = "Co-production evidence pack"
EXAMPLES_LISTED = 200
"""The facilitator chooses examples among this many, the newest: a board pack shows a few, and
consent is worked out for each one listed."""
DEFAULT_EXAMPLES = 10
"""Unless the facilitator chooses, the pack shows this many examples (the newest that changed
a document): enough to show the pattern, few enough for a board to read."""
STATEMENT_ORDER = (
    CqcQualityStatement.LEARNING_IMPROVEMENT,
    *(s for s in CqcQualityStatement if s is not CqcQualityStatement.LEARNING_IMPROVEMENT),
)
CQC_TAGS = "cqc"
"""The vocabulary of a contribution's CQC quality statement tags (as ``store.contributions``)."""
HELD = frozenset({MeetingStatus.HELD, MeetingStatus.WRITTEN_UP, MeetingStatus.SUMMARY_SHARED})

# The pictures the window renders for the pack, by key.
LADDER = "ladder"
RUNGS_OVER_TIME = "rungs_over_time"
ATTENDANCE = "attendance"
OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class EvidenceFilter:
    """Which groups (empty: all) and which days (inclusive; None: open-ended)."""

    group_ids: frozenset[int] = frozenset()
    from_date: date | None = None
    to_date: date | None = None

    def dashboard_filter(self) -> DashboardFilter:
        return DashboardFilter(self.group_ids, self.from_date, self.to_date)


class EvidenceService(Service):
    def examples(self, which: EvidenceFilter | None = None) -> tuple[EvidenceExample, ...]:
        """Every "You said, we did" the pack could show for ``which``, newest first, names as
        consent allows (for the facilitator to choose from)."""
        which = which or EvidenceFilter()
        as_on = self._as_on(which)
        with self._store.reading() as unit:
            scope = _Scope(unit, which, as_on)
            found = scope.examples()  # first: it tells scope.people whose names to hide
            return scope.people.scrubbed(found)

    @staticmethod
    def default_examples(examples: Iterable[EvidenceExample]) -> tuple[int, ...]:
        """The contribution ids the pack shows unless the facilitator chooses: the newest
        ``DEFAULT_EXAMPLES`` that changed a document (``examples`` newest first)."""
        return tuple(e.contribution_id for e in examples if e.changed_document)[:DEFAULT_EXAMPLES]

    def pack(
        self, which: EvidenceFilter | None = None, example_ids: Sequence[int] | None = None
    ) -> EvidencePack:
        """The evidence pack for ``which``. ``example_ids`` are the contributions to show as
        "You said, we did" (None: the default choice); ids not in scope are left out."""
        which = which or EvidenceFilter()
        dashboard = DashboardService(self._store, self._today).figures(which.dashboard_filter())
        with self._store.reading() as unit:
            scope = _Scope(unit, which, dashboard.as_on)
            candidates = scope.examples()
            wanted = set(self.default_examples(candidates) if example_ids is None else example_ids)
            chosen = tuple(e for e in candidates if e.contribution_id in wanted)
            statements = scope.statements(chosen)
            organisation = contact_details(unit).organisation
            sessions_held = scope.sessions_held()
            people = scope.people
        groups = tuple(sorted(dashboard.group_names.values(), key=str.casefold))
        return people.scrubbed(
            EvidencePack(
                title=TITLE,
                organisation=organisation,
                groups=groups if which.group_ids else (),
                all_groups=not which.group_ids,
                date_from=which.from_date,
                date_to=which.to_date,
                as_on=dashboard.as_on,
                made_on=self.today(),
                key_figures=key_figures(dashboard, sessions_held),
                loop_closure=loop_closure_table(dashboard),
                reach=reach_table(dashboard),
                contributions=scope.contribution_count,
                untagged=scope.untagged,
                statements=statements,
                ladder=ladder_figure(dashboard.rungs),
                figures=(
                    rungs_over_time_figure(dashboard.rung_history),
                    attendance_figure(dashboard.reach, dashboard.periods),
                    overdue_figure(dashboard.overdue),
                ),
                examples=chosen,
            )
        )

    def _as_on(self, which: EvidenceFilter) -> date:
        today = self.today()
        if which.from_date and which.to_date and which.from_date > which.to_date:
            raise ValidationError(
                "The start date is after the end date. Choose a start date on or before "
                "the end date.",
                "from_date",
            )
        return min(which.to_date, today) if which.to_date else today


@dataclass(frozen=True, slots=True)
class _Answer:
    """The parts of a response the pack reads."""

    status: ResponseStatus
    text: str
    decided_on: date | None
    fed_back_on: date | None


class _Scope:
    """The things said in scope and their responses, read once.

    Read as two streams over whole tables (``unit.tables``: a few queries per 2,000 rows), not
    session by session: the large demo's 100,000 things said take under two seconds this way,
    against fifteen one session at a time. Names are looked up only for the examples listed,
    which are all the pack prints of what people said.
    """

    def __init__(self, unit: UnitOfWork, which: EvidenceFilter, as_on: date) -> None:
        self._unit = unit
        self._which = which
        self._as_on = as_on
        self.group_names = {g.id: g.name for g in unit.groups.list().items if g.id is not None}
        first, groups = which.from_date, which.group_ids
        # Things said count by the day they were captured, as the dashboard's loop closure.
        self.contributions: list[Contribution] = []
        self.starts_at: dict[int, datetime] = {}
        self.group_of: dict[int, int] = {}
        for row in unit.tables.contributions():
            captured_at = row["captured_at"]
            if captured_at is None or (groups and row["group_id"] not in groups):
                continue
            day = captured_at.date()
            if (first is not None and day < first) or day > as_on:
                continue
            if row["starts_at"].date() > as_on:  # typed for a session still to come
                continue
            self.contributions.append(
                Contribution(
                    id=row["id"],
                    meeting_id=row["meeting_id"],
                    text=row["text"],
                    kind=ContributionKind(row["kind"]),
                    attribution=Attribution(row["attribution"]),
                    speaker_id=row["speaker_id"],
                    quality_statements=frozenset(
                        CqcQualityStatement(code) for code in row["tags"].get(CQC_TAGS, ())
                    ),
                    captured_at=captured_at,
                )
            )
            self.starts_at[row["meeting_id"]] = row["starts_at"]
            self.group_of[row["meeting_id"]] = row["group_id"]
        wanted = {c.id for c in self.contributions}
        self.answers = {
            row["contribution_id"]: _Answer(
                ResponseStatus(row["status"]), row["text"], row["decided_on"], row["fed_back_on"]
            )
            for row in unit.tables.responses()
            if row["contribution_id"] in wanted
        }
        self.people = ConsentNames(None, [])

    @property
    def contribution_count(self) -> int:
        return len(self.contributions)

    @property
    def untagged(self) -> int:
        return sum(1 for c in self.contributions if not c.quality_statements)

    def sessions_held(self) -> int:
        first, groups = self._which.from_date, sorted(self._which.group_ids)
        held = 0
        for group_id in groups or [None]:
            for status in HELD:
                held += self._unit.meetings.count(
                    self._unit.meetings.search_query(
                        group_id=group_id,
                        status=status,
                        starts_from=datetime.combine(first, time.min) if first else None,
                        starts_before=datetime.combine(self._as_on + timedelta(days=1), time.min),
                    )
                )
        return held

    def examples(self) -> tuple[EvidenceExample, ...]:
        """The newest ``EXAMPLES_LISTED`` answered things said, with the names consent allows
        (``self.people`` then knows everyone involved in them, for scrubbing)."""
        answered = [
            (c, a)
            for c in self.contributions
            if c.kind in ANSWERABLE
            and (a := self.answers.get(c.id)) is not None  # type: ignore[arg-type]
            and a.status.is_answer
        ]

        def newest(pair: tuple[Contribution, _Answer]) -> tuple[date, datetime, int]:
            contribution, answer = pair
            captured = contribution.captured_at or datetime.min
            return (answer.decided_on or captured.date(), captured, contribution.id or 0)

        answered.sort(key=newest, reverse=True)
        answered = answered[:EXAMPLES_LISTED]
        listed = [c for c, _ in answered]
        documents = document_titles(self._unit, listed)
        meetings = self._unit.meetings.get_many({c.meeting_id for c in listed})
        self.people = ConsentNames(
            self._unit, involved_people(self._unit, meetings) + [c.speaker_id for c in listed]
        )
        found = []
        for contribution, answer in answered:
            found.append(
                EvidenceExample(
                    contribution_id=contribution.id or 0,
                    said=contribution.text,
                    source=said_by(self.people.attributed(contribution)),
                    did=answer.text,
                    outcome=answer.status.label,
                    changed_document=answer.status is ResponseStatus.CHANGED_DOCUMENT,
                    said_on=self.starts_at[contribution.meeting_id].date(),
                    decided_on=answer.decided_on,
                    group=self.group_names.get(self.group_of[contribution.meeting_id], ""),
                    document=documents.get(contribution.id or 0, ""),
                    statements=tuple(
                        s.label for s in STATEMENT_ORDER if s in contribution.quality_statements
                    ),
                )
            )
        return tuple(found)

    def statements(self, chosen: Sequence[EvidenceExample]) -> tuple[StatementEvidence, ...]:
        counts = {s: [0, 0, 0, 0] for s in CqcQualityStatement}
        for contribution in self.contributions:
            answer = self.answers.get(contribution.id)  # type: ignore[arg-type]
            responded = answer is not None and answer.status is not ResponseStatus.NOT_ANSWERED
            changed = answer is not None and answer.status is ResponseStatus.CHANGED_DOCUMENT
            fed_back = answer is not None and answer.fed_back_on is not None
            for statement in contribution.quality_statements:
                tally = counts[statement]
                tally[0] += 1
                tally[1] += responded
                tally[2] += changed
                tally[3] += fed_back
        return tuple(
            StatementEvidence(
                code=statement.value,
                statement=statement.label,
                theme=statement.theme,
                contributions=counts[statement][0],
                responded=counts[statement][1],
                changed_document=counts[statement][2],
                fed_back=counts[statement][3],
                examples=tuple(e for e in chosen if statement.label in e.statements),
            )
            for statement in STATEMENT_ORDER
        )


# --- the dashboard's figures as tables (the same numbers as the window's charts) -----------


def share(part: int, whole: int) -> str:
    """``12 of 40 (30%)``; ``0 of 0`` when there is nothing to share."""
    if whole == 0:
        return "0 of 0"
    return f"{part:,} of {whole:,} ({round(100 * part / whole)}%)"


def rung_name(rung: LadderRung | None) -> str:
    """As the dashboard's charts name a rung: ``6 Co-design``, or ``Not assessed yet``."""
    return "Not assessed yet" if rung is None else f"{int(rung)} {rung.label}"


def _days(value: float | None) -> str:
    if value is None:
        return "No decisions dated yet"
    number = f"{value:g}" if value != int(value) else f"{int(value):,}"
    return f"{number} day" if value == 1 else f"{number} days"


def key_figures(dashboard: Dashboard, sessions_held: int) -> FigureTable:
    loop, reach, rungs = dashboard.loop, dashboard.reach, dashboard.rungs
    doing_with = sum(r.assessed for r in rungs.rungs if r.rung.band is LadderBand.DOING_WITH)
    assessed = rungs.documents - rungs.not_assessed
    with_rungs = " or ".join(r.label.lower() for r in LadderRung if r.band is LadderBand.DOING_WITH)
    return FigureTable(
        headers=("Measure", "Figure"),
        rows=(
            ("Sessions held", f"{sessions_held:,}"),
            ("Things said that expect an answer", f"{loop.contributions:,}"),
            ("Given a response", share(loop.responded, loop.contributions)),
            ("Response fed back to the group", share(loop.fed_back, loop.contributions)),
            ("Median time to a response", _days(loop.median_days_to_response)),
            ("People involved in the last 12 months", f"{reach.involved_last_12_months:,}"),
            ("People new in this period", f"{reach.new_in_period:,}"),
            ("People to check in with", f"{len({c.person_id for c in reach.check_in}):,}"),
            ("Pieces of work on the ladder", f"{rungs.documents:,}"),
            (f'Assessed at a "doing with" rung ({with_rungs})', share(doing_with, assessed)),
            ("Below their planned rung", f"{rungs.below_plan:,}"),
            ("Overdue actions", f"{dashboard.overdue.total:,}"),
        ),
    )


def loop_closure_table(dashboard: Dashboard) -> FigureTable:
    loop = dashboard.loop
    oldest = loop.oldest_unanswered
    if oldest is None:
        waiting = "Nothing is waiting for a response"
    else:
        waiting = (
            f"Waiting {oldest.days_waiting:,} days: said on "
            f"{date_in_words(oldest.captured_on)} at {oldest.session_title}"
        )
        if oldest.group_name.casefold() not in oldest.session_title.casefold():
            waiting += f" ({oldest.group_name})"
    return FigureTable(
        headers=("Measure", "Figure"),
        rows=(
            ("Things said that expect an answer", f"{loop.contributions:,}"),
            ("Given a response", share(loop.responded, loop.contributions)),
            ("Fed back to the group", share(loop.fed_back, loop.contributions)),
            ("Median days to a response", _days(loop.median_days_to_response)),
            ("Oldest still waiting", waiting),
        ),
    )


def reach_table(dashboard: Dashboard) -> FigureTable:
    reach = dashboard.reach
    attended = sum(sum(g.present) for g in reach.attendance)
    return FigureTable(
        headers=("Measure", "Figure"),
        rows=(
            (
                f"People involved in the 12 months to {date_in_words(dashboard.as_on)}",
                f"{reach.involved_last_12_months:,}",
            ),
            ("People new in this period", f"{reach.new_in_period:,}"),
            ("Attendances at sessions in the charted months", f"{attended:,}"),
            (
                "People to check in with (missed 3 sessions in a row, or not seen for 6 months)",
                f"{len({c.person_id for c in reach.check_in}):,}",
            ),
        ),
    )


def ladder_figure(picture: RungPicture) -> EvidenceFigure:
    """The portfolio on the ladder: per rung, documents planned there and assessed there now
    (the rows of ``ui.dashboard.charts.rungs_now``, top rung first)."""
    rows = tuple(
        (rung_name(r.rung), str(r.planned), str(r.assessed)) for r in reversed(picture.rungs)
    )
    rows += (
        ("No planned rung / not assessed yet", str(picture.no_plan), str(picture.not_assessed)),
    )
    now = [f"{r.assessed:,} at {r.rung.label}" for r in reversed(picture.rungs) if r.assessed]
    if picture.documents == 0:
        alt = "The ladder of co-production. No pieces of work to show."
    else:
        alt = (
            "The ladder of co-production, rung 7 (co-production) at the top to rung 1 "
            "(coercion) at the bottom: a bar for the pieces of work at each rung now, and an "
            f"outline for those planned there. {picture.documents:,} pieces of work. Now: "
            + (", ".join(now) if now else "none assessed yet")
            + f"; {picture.not_assessed:,} not assessed yet. {picture.below_plan:,} below their "
            f"planned rung; {picture.no_plan:,} with no planned rung."
        )
    return EvidenceFigure(
        key=LADDER,
        title=f"The portfolio on the ladder on {date_in_words(picture.as_on)}",
        alt_text=alt,
        table=FigureTable(headers=("Rung", "Planned", "Latest assessment"), rows=rows),
    )


def rungs_over_time_figure(history: RungHistory) -> EvidenceFigure:
    levels: list[LadderRung | None] = [None, *LadderRung]
    rows = tuple(
        (period.label, *(str(n) for n in row))
        for period, row in zip(history.periods, history.counts, strict=True)
    )
    if not history.periods or not any(sum(row) for row in history.counts):
        alt = "Bar chart of the ladder over time. No pieces of work to show."
    else:
        first, last = history.counts[0], history.counts[-1]
        alt = (
            "Stacked bar chart: the pieces of work at each rung at the end of each period, "
            "not assessed yet at the bottom, co-production at the top. At the end of "
            f"{history.periods[0].label}, {sum(first[1:]):,} of {sum(first):,} had been "
            f"assessed, {sum(first[6:]):,} at co-design or co-production. At the end of "
            f"{history.periods[-1].label}, {sum(last[1:]):,} of {sum(last):,}, "
            f"{sum(last[6:]):,} at co-design or co-production."
        )
    return EvidenceFigure(
        key=RUNGS_OVER_TIME,
        title="The ladder over time",
        alt_text=alt,
        table=FigureTable(headers=("Period", *(rung_name(level) for level in levels)), rows=rows),
    )


def attendance_figure(reach: Reach, periods: Sequence[Period]) -> EvidenceFigure:
    """Attendance by group per period: a row per period, a column per group and the total
    (the chart's numbers, turned so the columns fit a page)."""
    groups = list(reach.attendance)
    totals = [sum(g.present[i] for g in groups) for i in range(len(periods))]
    rows = tuple(
        (period.label, *(str(g.present[i]) for g in groups), str(totals[i]))
        for i, period in enumerate(periods)
    )
    if sum(totals) == 0:
        alt = "Bar chart of attendance by group. Nobody was marked present in these months."
    else:
        busiest = max(range(len(periods)), key=lambda i: totals[i])
        alt = (
            "Stacked bar chart: people marked present at sessions, per period, a colour for "
            f"each group. {sum(totals):,} attendances in all; "
            + "; ".join(f"{g.group_name}: {sum(g.present):,}" for g in groups)
            + f". Busiest: {periods[busiest].label}, with {totals[busiest]:,}."
        )
    return EvidenceFigure(
        key=ATTENDANCE,
        title="Attendance by group",
        alt_text=alt,
        table=FigureTable(
            headers=("Period", *(g.group_name for g in groups), "All groups"), rows=rows
        ),
    )


def overdue_figure(overdue: OverdueActions) -> EvidenceFigure:
    if overdue.total == 0:
        alt = "Bar chart of overdue actions by group. No actions are overdue."
    else:
        alt = (
            f"Bar chart: overdue actions by group, most first. {overdue.total:,} in all: "
            + "; ".join(f"{g.group_name}: {g.count:,}" for g in overdue.by_group)
            + "."
        )
    return EvidenceFigure(
        key=OVERDUE,
        title="Overdue actions by group",
        alt_text=alt,
        table=FigureTable(
            headers=("Group", "Overdue actions"),
            rows=tuple((g.group_name, str(g.count)) for g in overdue.by_group),
        ),
    )
