"""Where each document's work sits on the ladder of co-production, over time.

An assessment is a dated judgement (rung, evidence, who made it); the history of a document's
assessments shows whether the work climbed or slipped. The planned rung is the target, kept on
the document. An assessment records the target that applied when it was made: when none is
given, the document's planned rung at that moment is copied in, so later changes to the plan
never rewrite what was planned at the time.

The guided questions' answers are kept with an assessment, with the rung they suggested
(worked out again here from the answers, never taken from the caller), so the reasoning can
be shown later. A rung other than the suggested one needs a reason in the rationale.
Evidence is sessions, contributions and responses ("what the groups said" about the
document and what was done about it); ``evidence_choices`` offers the document's own.

Drift (``drifting``): the latest assessment is below the document's planned rung, or lower
than the previous assessment by the same kind of assessor (see ``domain.ladder.drift``).
Archived documents are finished work and are not listed as drifting.
"""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.domain.errors import ValidationError
from coproduce.domain.ladder import (
    Drift,
    RungOnDate,
    answer_pairs,
    answers_from,
    check_rung_choice,
    drift,
    judge_drift,
    suggest_rung,
)
from coproduce.domain.records import (
    Contribution,
    Document,
    LadderAssessment,
    Meeting,
    Response,
    replace,
)
from coproduce.domain.validation import check_ladder_assessment
from coproduce.domain.vocabulary import AuditAction, LadderRung
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class DriftingWork:
    """A document whose work has slipped, and how (``drift.message`` says it in words)."""

    document_id: int
    title: str
    drift: Drift


@dataclass(frozen=True, slots=True)
class EvidenceChoices:
    """What can evidence an assessment of one document: its sessions (newest first), the
    contributions linked to it and the responses to them."""

    sessions: list[Meeting]
    contributions: list[Contribution]
    responses: list[Response]


class LadderService(Service):
    def assess(self, assessment: LadderAssessment) -> LadderAssessment:
        """Record a new assessment of a document's work."""
        assessment = self._check(assessment)
        with self._store.transaction() as unit:
            document = unit.documents.get(assessment.document_id)
            self._check_references(unit, assessment)
            if assessment.planned_rung is None:
                assessment = replace(assessment, planned_rung=document.planned_rung)
            return unit.ladder.add(assessment)

    def update(self, assessment: LadderAssessment) -> LadderAssessment:
        """Correct an assessment (it stays on the same document)."""
        assessment = self._check(assessment)
        if assessment.id is None:
            raise ValueError("update() needs a saved assessment; use assess()")
        with self._store.transaction() as unit:
            stored = unit.ladder.get(assessment.id)
            if stored.document_id != assessment.document_id:
                raise ValidationError(
                    "An assessment cannot move to another document. Make a new assessment "
                    "of that document instead.",
                    "document_id",
                )
            self._check_references(unit, assessment)
            return unit.ladder.update(assessment)

    def get(self, assessment_id: int) -> LadderAssessment:
        with self._store.reading() as unit:
            return unit.ladder.get(assessment_id)

    def delete(self, assessment_id: int, expected_version: int | None = None) -> LadderAssessment:
        """Remove an assessment made in error; its evidence list goes with it (the sessions,
        contributions and responses themselves stay). Returns what was deleted, for
        ``restore`` (undo)."""
        with self._store.transaction() as unit:
            deleted = unit.ladder.get(assessment_id)
            unit.ladder.delete(assessment_id, expected_version)
            return deleted

    def restore(self, deleted: LadderAssessment) -> LadderAssessment:
        """Put back a deleted assessment under its old number (undo of ``delete``). Refused
        with the reason when its document or some of its evidence has gone since."""
        with self._store.transaction() as unit:
            unit.documents.row(deleted.document_id)
            self._check_references(unit, deleted)
            return unit.ladder.restore(deleted)

    def history(self, document_id: int) -> list[LadderAssessment]:
        """The document's assessments, oldest first (same day: in the order entered)."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return unit.ladder.for_document(document_id)

    def latest(self, document_id: int) -> LadderAssessment | None:
        """The newest assessment, or None if the document was never assessed."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return unit.ladder.latest_for_document(document_id)

    def set_planned_rung(
        self,
        document_id: int,
        rung: LadderRung | None,
        expected_version: int | None = None,
    ) -> Document:
        """Set (or clear, with None) the rung the document's work is meant to reach."""
        with self._store.transaction() as unit:
            document = unit.documents.get(document_id)
            if expected_version is not None:
                document = replace(document, version=expected_version)
            return unit.documents.update(replace(document, planned_rung=rung), AuditAction.UPDATED)

    def drift(self, document_id: int) -> Drift | None:
        """How the document's work has drifted (None when it has not)."""
        with self._store.reading() as unit:
            document = unit.documents.get(document_id)
            return drift(document.planned_rung, unit.ladder.for_document(document_id))

    def drifting(self, group_id: int | None = None) -> list[DriftingWork]:
        """Every document (not archived) whose work has drifted, A to Z by title; only those
        the group worked on (on a session's agenda, or linked to something said at one of
        its sessions) when ``group_id`` is given."""
        with self._store.reading() as unit:
            if group_id is not None:
                unit.groups.row(group_id)
            found = unit.ladder.drifting(group_id)
        drifting = []
        for row in found:
            latest = RungOnDate(LadderRung(row.rung), row.assessed_on, row.by_participants)
            previous = (
                RungOnDate(LadderRung(row.previous_rung), row.previous_on, row.by_participants)
                if row.previous_rung is not None and row.previous_on is not None
                else None
            )
            planned = LadderRung(row.planned_rung) if row.planned_rung else None
            judged = judge_drift(planned, latest, previous)
            if judged is not None:  # always, by the query's own condition
                drifting.append(DriftingWork(row.document_id, row.title, judged))
        return drifting

    def evidence_choices(self, document_id: int) -> EvidenceChoices:
        """The document's own sessions, contributions and responses, to pick evidence from."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return EvidenceChoices(
                sessions=unit.meetings.get_many(unit.ladder.evidence_sessions(document_id)),
                contributions=unit.contributions.get_many(
                    unit.ladder.evidence_contributions(document_id)
                ),
                responses=unit.responses.get_many(unit.ladder.evidence_responses(document_id)),
            )

    @staticmethod
    def _check(assessment: LadderAssessment) -> LadderAssessment:
        """Validate, work the suggestion out again from the answers, and ask for a reason
        when the rung chosen is not the one suggested."""
        assessment = check_ladder_assessment(assessment)
        if assessment.answers:
            answers = answers_from(assessment.answers)
            assessment = replace(
                assessment,
                answers=answer_pairs(answers),
                suggested_rung=suggest_rung(answers).rung,
            )
        else:
            assessment = replace(assessment, suggested_rung=None)
        check_rung_choice(assessment.rung, assessment.suggested_rung, assessment.rationale)
        return assessment

    @staticmethod
    def _check_references(unit: UnitOfWork, assessment: LadderAssessment) -> None:
        if assessment.assessor_id is not None and not unit.people.exists(assessment.assessor_id):
            raise ValidationError(
                "The person chosen as assessor is no longer on the register. Choose someone "
                "else or type their name.",
                "assessor_id",
            )
        missing_sessions = [
            m for m in assessment.evidence_meeting_ids if not unit.meetings.exists(m)
        ]
        if missing_sessions:
            raise ValidationError(
                f"{len(missing_sessions)} of the sessions given as evidence no longer exist. "
                "Remove them from the evidence and save again.",
                "evidence_meeting_ids",
            )
        missing_contributions = [
            c for c in assessment.evidence_contribution_ids if not unit.contributions.exists(c)
        ]
        if missing_contributions:
            raise ValidationError(
                f"{len(missing_contributions)} of the contributions given as evidence no longer "
                "exist. Remove them from the evidence and save again.",
                "evidence_contribution_ids",
            )
        missing_responses = [
            r for r in assessment.evidence_response_ids if not unit.responses.exists(r)
        ]
        if missing_responses:
            raise ValidationError(
                f"{len(missing_responses)} of the responses given as evidence no longer exist. "
                "Remove them from the evidence and save again.",
                "evidence_response_ids",
            )
