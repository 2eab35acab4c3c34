"""Involvement outside sessions (interview panels, training, audits...) and payments for it.

Money is whole pence (int) and hours are ``Decimal`` with at most two decimal places, so no sum
is ever off by a fraction of a penny. A payment belongs to one person and to the session or
activity it pays for; it is owed until it is marked paid, or declined by the person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import InvolvementActivity, Page, Payment, replace
from coproduce.domain.validation import check_activity, check_payment
from coproduce.domain.vocabulary import ActivityKind, PaymentMethod
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

# What the database columns hold: hours are NUMERIC(7, 2), money a 32-bit INTEGER.
HOURS_PLACES = Decimal("0.01")
MAX_HOURS = Decimal("99999.99")
MAX_PENCE = 2**31 - 1


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """What the activities list can be narrowed by; all optional. ``before`` is exclusive."""

    person_id: int | None = None
    kind: ActivityKind | None = None
    on_or_after: date | None = None
    before: date | None = None


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """What the payments list can be narrowed by; ``unpaid_only`` leaves out paid and declined."""

    person_id: int | None = None
    meeting_id: int | None = None
    activity_id: int | None = None
    unpaid_only: bool = False


@dataclass(frozen=True, slots=True)
class PaymentTotals:
    """One person's payments added up: hours, amounts and expenses in pence, and how many."""

    hours: Decimal
    amount_pence: int
    expenses_pence: int
    count: int


def amount_for(hours: Decimal, rate_pence: int) -> int:
    """Hours times an hourly rate, in whole pence, half a penny rounded up (1.5 h x 333p = 500p).

    Half-up, not Python's default banker's rounding, because it is what a person checking the
    sum by hand or in a spreadsheet (Excel's ROUND) gets.
    """
    return int((hours * rate_pence).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class InvolvementService(Service):
    # --- activities ----------------------------------------------------------------------

    def create_activity(self, activity: InvolvementActivity) -> InvolvementActivity:
        activity = self._check_activity(activity)
        with self._store.transaction() as unit:
            self._refuse_unknown_people_and_group(unit, activity)
            return unit.activities.add(activity)

    def update_activity(self, activity: InvolvementActivity) -> InvolvementActivity:
        activity = self._check_activity(activity)
        with self._store.transaction() as unit:
            self._refuse_unknown_people_and_group(unit, activity)
            return unit.activities.update(activity)

    def get_activity(self, activity_id: int) -> InvolvementActivity:
        with self._store.reading() as unit:
            return unit.activities.get(activity_id)

    def delete_activity(self, activity_id: int, expected_version: int | None = None) -> None:
        """Delete an activity entered by mistake; the list of who took part goes with it.
        An activity with payments is refused: the payments are the record of money owed or
        paid, so they must be deleted or moved to another activity first."""
        with self._store.transaction() as unit:
            activity = unit.activities.get(activity_id)
            payments = unit.payments.count_for_activity(activity_id)
            if payments:
                raise ValidationError(
                    f"'{activity.title}' has {payments} payment(s) recorded against it, so it "
                    "cannot be deleted. Delete those payments, or move them to another "
                    "activity, first."
                )
            unit.activities.delete(activity_id, expected_version)

    def activities(
        self,
        filters: ActivityFilter = ActivityFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[InvolvementActivity]:
        """Activities newest first."""
        with self._store.reading() as unit:
            return unit.activities.list(
                person_id=filters.person_id,
                kind=filters.kind,
                on_or_after=filters.on_or_after,
                before=filters.before,
                offset=offset,
                limit=limit,
            )

    # --- payments ------------------------------------------------------------------------

    def record_payment(self, payment: Payment) -> Payment:
        """Add a payment. When the amount is 0 and both hours and an hourly rate are given,
        the amount is worked out as hours x rate (see ``amount_for``); a declined payment
        keeps an amount of 0."""
        payment = self._check_payment(payment)
        with self._store.transaction() as unit:
            self._refuse_unknown_references(unit, payment)
            return unit.payments.add(payment)

    def update_payment(self, payment: Payment) -> Payment:
        """Save changes to a payment; the amount is worked out as in ``record_payment``."""
        payment = self._check_payment(payment)
        with self._store.transaction() as unit:
            self._refuse_unknown_references(unit, payment)
            return unit.payments.update(payment)

    def get_payment(self, payment_id: int) -> Payment:
        with self._store.reading() as unit:
            return unit.payments.get(payment_id)

    def delete_payment(self, payment_id: int, expected_version: int | None = None) -> None:
        """Delete a payment entered by mistake. A paid one is refused, because the accounts
        rely on it: clear its date paid first if it really was never paid."""
        with self._store.transaction() as unit:
            payment = unit.payments.get(payment_id)
            if payment.paid_on is not None:
                raise ValidationError(
                    f"This payment was paid on {payment.paid_on:%d %B %Y}, so it is kept for the "
                    "accounts. If it was never paid, clear the date paid first.",
                    "paid_on",
                )
            unit.payments.delete(payment_id, expected_version)

    def payments(
        self,
        filters: PaymentFilter = PaymentFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Payment]:
        """Payments in the order they were entered."""
        with self._store.reading() as unit:
            return unit.payments.list(
                person_id=filters.person_id,
                meeting_id=filters.meeting_id,
                activity_id=filters.activity_id,
                unpaid_only=filters.unpaid_only,
                offset=offset,
                limit=limit,
            )

    def mark_paid(
        self,
        payment_ids: Iterable[int],
        paid_on: date | None = None,
        method: PaymentMethod | None = None,
    ) -> list[Payment]:
        """Mark several payments paid on one date (today when not given), all or none.

        ``method`` replaces each payment's method when given. A declined payment, or one
        already paid, is refused, so a paid date already on record is never overwritten.
        """
        paid_on = paid_on or self.today()
        with self._store.transaction() as unit:
            marked: list[Payment] = []
            for payment_id in dict.fromkeys(payment_ids):
                payment = unit.payments.get(payment_id)
                if payment.declined:
                    raise ValidationError(
                        f"Payment {payment_id} was declined, so it cannot be marked paid. "
                        "Untick 'declined' on it first if the person now wants it.",
                        "declined",
                    )
                if payment.paid_on is not None:
                    raise ValidationError(
                        f"Payment {payment_id} was already paid on {payment.paid_on:%d %B %Y}. "
                        "Leave it out, or change its date paid on the payment itself.",
                        "paid_on",
                    )
                paid = replace(payment, paid_on=paid_on, method=method or payment.method)
                marked.append(unit.payments.update(check_payment(paid)))
            return marked

    def decline(self, payment_id: int, expected_version: int | None = None) -> Payment:
        """Record that the person does not want this payment: its amount becomes 0 and its
        method is cleared; hours, rate and expenses stay (someone may refuse a fee but
        still claim travel). A payment already paid cannot be declined."""
        with self._store.transaction() as unit:
            payment = unit.payments.get(payment_id)
            if expected_version is not None:
                payment = replace(payment, version=expected_version)
            if payment.paid_on is not None:
                raise ValidationError(
                    f"This payment was already paid on {payment.paid_on:%d %B %Y}, so it "
                    "cannot be declined. Clear the date paid first if that was a mistake.",
                    "paid_on",
                )
            declined = replace(payment, declined=True, amount_pence=0, method=None)
            return unit.payments.update(check_payment(declined))

    def totals_for_person(
        self,
        person_id: int,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> PaymentTotals:
        """A person's payments added up, paid or owed (declined ones add hours but no money).

        ``from_date`` and ``to_date`` are both included and compare with the date of the
        involvement: the activity's date, or the session's start.
        """
        with self._store.reading() as unit:
            unit.people.row(person_id)
            hours, amount, expenses, count = unit.payments.totals_for_person(
                person_id, from_date, to_date
            )
        return PaymentTotals(
            hours=hours.quantize(HOURS_PLACES),
            amount_pence=amount,
            expenses_pence=expenses,
            count=count,
        )

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _check_activity(activity: InvolvementActivity) -> InvolvementActivity:
        activity = check_activity(replace(activity, hours=_as_hours(activity.hours)))
        _storable_hours(activity.hours)
        return activity

    @staticmethod
    def _check_payment(payment: Payment) -> Payment:
        payment = check_payment(replace(payment, hours=_as_hours(payment.hours)))
        _storable_hours(payment.hours)
        if (
            payment.amount_pence == 0
            and payment.hours > 0
            and payment.rate_pence > 0
            and not payment.declined
        ):
            payment = replace(payment, amount_pence=amount_for(payment.hours, payment.rate_pence))
        for name in ("rate_pence", "amount_pence", "expenses_pence"):
            if getattr(payment, name) > MAX_PENCE:
                raise ValidationError(
                    f"£{getattr(payment, name) / 100:,.2f} is more than Coproduce can record "
                    "for one payment. Check the figures.",
                    name,
                )
        return payment

    @staticmethod
    def _refuse_unknown_people_and_group(unit: UnitOfWork, activity: InvolvementActivity) -> None:
        wanted = list(dict.fromkeys(activity.person_ids))
        found = {person.id for person in unit.people.get_many(wanted)}
        missing = [str(pid) for pid in wanted if pid not in found]
        if missing:
            raise ValidationError(
                f"Some people chosen for this activity are no longer on the register "
                f"(number {', '.join(missing)}). Remove them and save again.",
                "person_ids",
            )
        if activity.group_id is not None and not unit.groups.exists(activity.group_id):
            raise ValidationError(
                "The group chosen for this activity no longer exists. Choose another group "
                "or none.",
                "group_id",
            )

    @staticmethod
    def _refuse_unknown_references(unit: UnitOfWork, payment: Payment) -> None:
        if not unit.people.exists(payment.person_id):
            raise ValidationError(
                "The person this payment is for is no longer on the register. Choose someone else.",
                "person_id",
            )
        if payment.activity_id is not None and not unit.activities.exists(payment.activity_id):
            raise ValidationError(
                "The activity this payment is for no longer exists. Choose another activity.",
                "activity_id",
            )
        if payment.meeting_id is not None and not unit.meetings.exists(payment.meeting_id):
            raise ValidationError(
                "The session this payment is for no longer exists. Choose another session.",
                "meeting_id",
            )


def _as_hours(hours: Decimal | int | float) -> Decimal:
    """Hours as an exact Decimal, or a message when it is not a number at all (NaN, infinity
    would make the domain checks' comparisons raise instead of explain)."""
    value = hours if isinstance(hours, Decimal) else Decimal(str(hours))
    if not value.is_finite():
        raise ValidationError("Please enter the hours as a number, such as 2.5.", "hours")
    return value


def _storable_hours(value: Decimal) -> None:
    """Refuse hours the NUMERIC(7, 2) column would round or overflow, instead of changing them."""
    if value > MAX_HOURS:
        raise ValidationError(f"{value} hours is more than Coproduce can record.", "hours")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValidationError(
            "Hours can have at most 2 decimal places: for example 1.25 for an hour and a "
            "quarter, or 0.33 for 20 minutes.",
            "hours",
        )
