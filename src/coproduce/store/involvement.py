"""Involvement outside sessions, and the payments people receive for taking part."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import exists, select

from coproduce.domain.records import InvolvementActivity, Page, Payment
from coproduce.domain.vocabulary import ActivityKind, PaymentMethod
from coproduce.store.orm import (
    ActivityParticipantRow,
    InvolvementActivityRow,
    PaymentRow,
)
from coproduce.store.repository import Repository


class ActivityRepository(Repository[InvolvementActivityRow, InvolvementActivity]):
    row_class = InvolvementActivityRow
    record_type = "involvement_activity"
    record_label = "Involvement activity"

    def to_record(self, row: InvolvementActivityRow) -> InvolvementActivity:
        return InvolvementActivity(
            id=row.id,
            version=row.version,
            kind=ActivityKind(row.kind),
            title=row.title,
            on=row.on,
            hours=Decimal(row.hours),
            person_ids=tuple(sorted(p.person_id for p in row.participants)),
            group_id=row.group_id,
            notes=row.notes,
        )

    def write(self, row: InvolvementActivityRow, record: InvolvementActivity) -> None:
        row.kind = record.kind.value
        row.title = record.title
        row.on = record.on
        row.hours = record.hours
        row.group_id = record.group_id
        row.notes = record.notes
        wanted = set(record.person_ids)
        if {p.person_id for p in row.participants} != wanted:
            row.participants = [ActivityParticipantRow(person_id=pid) for pid in sorted(wanted)]

    def describe(self, row: InvolvementActivityRow) -> str:
        return f"{row.title}, {row.on:%d %B %Y}"

    def list(
        self,
        *,
        person_id: int | None = None,
        kind: ActivityKind | None = None,
        on_or_after: date | None = None,
        before: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[InvolvementActivity]:
        query = select(InvolvementActivityRow).order_by(
            InvolvementActivityRow.on.desc(), InvolvementActivityRow.id
        )
        if person_id is not None:
            query = query.where(
                exists().where(
                    ActivityParticipantRow.activity_id == InvolvementActivityRow.id,
                    ActivityParticipantRow.person_id == person_id,
                )
            )
        if kind is not None:
            query = query.where(InvolvementActivityRow.kind == kind.value)
        if on_or_after is not None:
            query = query.where(InvolvementActivityRow.on >= on_or_after)
        if before is not None:
            query = query.where(InvolvementActivityRow.on < before)
        return self.page(query, offset, limit)


class PaymentRepository(Repository[PaymentRow, Payment]):
    row_class = PaymentRow
    record_type = "payment"
    record_label = "Payment"

    def to_record(self, row: PaymentRow) -> Payment:
        return Payment(
            id=row.id,
            version=row.version,
            person_id=row.person_id,
            activity_id=row.activity_id,
            meeting_id=row.meeting_id,
            hours=Decimal(row.hours),
            rate_pence=row.rate_pence,
            amount_pence=row.amount_pence,
            expenses_pence=row.expenses_pence,
            method=PaymentMethod(row.method) if row.method else None,
            paid_on=row.paid_on,
            declined=row.declined,
            note=row.note,
        )

    def write(self, row: PaymentRow, record: Payment) -> None:
        row.person_id = record.person_id
        row.activity_id = record.activity_id
        row.meeting_id = record.meeting_id
        row.hours = record.hours
        row.rate_pence = record.rate_pence
        row.amount_pence = record.amount_pence
        row.expenses_pence = record.expenses_pence
        row.method = record.method.value if record.method else None
        row.paid_on = record.paid_on
        row.declined = record.declined
        row.note = record.note

    def list(
        self,
        *,
        person_id: int | None = None,
        meeting_id: int | None = None,
        activity_id: int | None = None,
        unpaid_only: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Payment]:
        query = select(PaymentRow).order_by(PaymentRow.id)
        if person_id is not None:
            query = query.where(PaymentRow.person_id == person_id)
        if meeting_id is not None:
            query = query.where(PaymentRow.meeting_id == meeting_id)
        if activity_id is not None:
            query = query.where(PaymentRow.activity_id == activity_id)
        if unpaid_only:
            query = query.where(PaymentRow.paid_on.is_(None), PaymentRow.declined.is_(False))
        return self.page(query, offset, limit)

    def count_for_person(self, person_id: int) -> int:
        return self.count(select(PaymentRow).where(PaymentRow.person_id == person_id))
