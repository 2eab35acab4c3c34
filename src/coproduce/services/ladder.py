"""Where each document's work sits on the ladder of co-production, over time.

An assessment is a dated judgement (rung, evidence, who made it); the history of a document's
assessments shows whether the work climbed or slipped. The planned rung is the target, kept on
the document. An assessment records the target that applied when it was made: when none is
given, the document's planned rung at that moment is copied in, so later changes to the plan
never rewrite what was planned at the time.
"""

from __future__ import annotations

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Document, LadderAssessment, replace
from coproduce.domain.validation import check_ladder_assessment
from coproduce.domain.vocabulary import AuditAction, LadderRung
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


class LadderService(Service):
    def assess(self, assessment: LadderAssessment) -> LadderAssessment:
        """Record a new assessment of a document's work."""
        assessment = check_ladder_assessment(assessment)
        with self._store.transaction() as unit:
            document = unit.documents.get(assessment.document_id)
            self._check_references(unit, assessment)
            if assessment.planned_rung is None:
                assessment = replace(assessment, planned_rung=document.planned_rung)
            return unit.ladder.add(assessment)

    def update(self, assessment: LadderAssessment) -> LadderAssessment:
        """Correct an assessment (it stays on the same document)."""
        assessment = check_ladder_assessment(assessment)
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
        with self._store.transaction() as unit:
            return unit.ladder.get(assessment_id)

    def delete(self, assessment_id: int, expected_version: int | None = None) -> None:
        """Remove an assessment made in error; its evidence list goes with it (the sessions
        and contributions themselves stay)."""
        with self._store.transaction() as unit:
            unit.ladder.delete(assessment_id, expected_version)

    def history(self, document_id: int) -> list[LadderAssessment]:
        """The document's assessments, oldest first (same day: in the order entered)."""
        with self._store.transaction() as unit:
            unit.documents.row(document_id)
            return unit.ladder.for_document(document_id)

    def latest(self, document_id: int) -> LadderAssessment | None:
        """The newest assessment, or None if the document was never assessed."""
        with self._store.transaction() as unit:
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
