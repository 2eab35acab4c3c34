"""Involvement outside sessions, and the payments people receive for taking part."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Numeric, and_, exists, func, or_, select, type_coerce

from coproduce.domain.records import InvolvementActivity, Page, Payment
from coproduce.domain.vocabulary import ActivityKind, PaymentMethod
from coproduce.store.orm import (
    ActivityParticipantRow,
    InvolvementActivityRow,
    MeetingRow,
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

    def count_for_person(self, person_id: int) -> int:
        return self.count(
            select(ActivityParticipantRow).where(ActivityParticipantRow.person_id == person_id)
        )

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

    def count_for_activity(self, activity_id: int) -> int:
        return self.count(select(PaymentRow).where(PaymentRow.activity_id == activity_id))

    def totals_for_person(
        self,
        person_id: int,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> tuple[Decimal, int, int, int]:
        """Sums of (hours, amount, expenses) and the number of payments, for one person.

        The dates are those of the involvement (the activity's date, else the session's start),
        both ends included, so money owed but not yet paid is counted in its period too.
        """
        # Numeric(12, 2) makes SQLite's floating-point sum come back as an exact Decimal.
        hours = type_coerce(func.coalesce(func.sum(PaymentRow.hours), 0), Numeric(12, 2))
        query = (
            select(
                hours,
                func.coalesce(func.sum(PaymentRow.amount_pence), 0),
                func.coalesce(func.sum(PaymentRow.expenses_pence), 0),
                func.count(PaymentRow.id),
            )
            .select_from(PaymentRow)
            .outerjoin(InvolvementActivityRow, InvolvementActivityRow.id == PaymentRow.activity_id)
            .outerjoin(MeetingRow, MeetingRow.id == PaymentRow.meeting_id)
            .where(PaymentRow.person_id == person_id)
        )
        if from_date is not None:
            start = datetime.combine(from_date, time.min)
            query = query.where(
                or_(
                    InvolvementActivityRow.on >= from_date,
                    and_(PaymentRow.activity_id.is_(None), MeetingRow.starts_at >= start),
                )
            )
        if to_date is not None:
            end = datetime.combine(to_date + timedelta(days=1), time.min)
            query = query.where(
                or_(
                    InvolvementActivityRow.on <= to_date,
                    and_(PaymentRow.activity_id.is_(None), MeetingRow.starts_at < end),
                )
            )
        total_hours, amount, expenses, count = self._session.execute(query).one()
        return Decimal(total_hours), int(amount), int(expenses), int(count)
