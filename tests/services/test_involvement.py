"""Involvement activities and payments through the real service, on both databases."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    Group,
    InvolvementActivity,
    Meeting,
    Payment,
    Person,
    replace,
)
from coproduce.domain.vocabulary import ActivityKind, PaymentMethod
from coproduce.services import Services
from coproduce.services.involvement import (
    ActivityFilter,
    PaymentFilter,
    PaymentTotals,
    amount_for,
)


def a_person(services: Services, name: str = "Sam Okafor") -> Person:
    return services.people.create(Person(display_name=name))


def a_session(services: Services, on: date = date(2025, 3, 11)) -> Meeting:
    """A session written straight through the store (the meetings service is separate)."""
    group = services.groups.create(Group(name=f"Reference group {on}"))
    with services.store.transaction() as unit:
        return unit.meetings.add(
            Meeting(
                group_id=group.id,
                title="Carers' strategy",
                starts_at=datetime.combine(on, datetime.min.time()).replace(hour=10),
                ends_at=datetime.combine(on, datetime.min.time()).replace(hour=12),
            )
        )


def an_activity(
    services: Services, *people: Person, on: date = date(2025, 4, 2), title: str = "Panel"
) -> InvolvementActivity:
    return services.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.INTERVIEW_PANEL,
            title=title,
            on=on,
            hours=Decimal("3.5"),
            person_ids=tuple(p.id for p in people),
        )
    )


# --- activities ------------------------------------------------------------------------


def test_an_activity_is_saved_with_its_people_and_read_back(services: Services) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    group = services.groups.create(Group(name="Carers' Forum"))
    created = services.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.CO_DELIVERED_TRAINING,
            title="  Carers' awareness   training ",
            on=date(2025, 5, 20),
            hours=Decimal("2.25"),
            person_ids=(priya.id, sam.id),
            group_id=group.id,
            notes="Co-delivered with the workforce team.\n\tSecond line kept as typed.",
        )
    )
    assert created.id is not None and created.version == 1
    again = services.involvement.get_activity(created.id)
    assert again == created
    assert again.title == "Carers' awareness training"
    assert again.hours == Decimal("2.25")
    assert set(again.person_ids) == {sam.id, priya.id}


def test_an_activity_with_someone_not_on_the_register_is_refused(services: Services) -> None:
    sam = a_person(services)
    with pytest.raises(ValidationError, match="no longer on the register") as error:
        services.involvement.create_activity(
            InvolvementActivity(
                kind=ActivityKind.AUDIT,
                title="Quality check",
                on=date(2025, 6, 1),
                person_ids=(sam.id, 9999),
            )
        )
    assert error.value.field == "person_ids"
    assert "9999" in error.value.message
    assert services.involvement.activities().total == 0


def test_an_activity_needs_a_title(services: Services) -> None:
    with pytest.raises(ValidationError, match="title for the activity") as error:
        services.involvement.create_activity(
            InvolvementActivity(kind=ActivityKind.WORKSHOP, title="  ", on=date(2025, 6, 1))
        )
    assert error.value.field == "title"


def test_hours_with_more_than_two_decimal_places_are_refused_not_rounded(
    services: Services,
) -> None:
    with pytest.raises(ValidationError, match="at most 2 decimal places") as error:
        services.involvement.create_activity(
            InvolvementActivity(
                kind=ActivityKind.WORKSHOP,
                title="Workshop",
                on=date(2025, 6, 1),
                hours=Decimal("1.333"),
            )
        )
    assert error.value.field == "hours"


def test_updating_an_activity_changes_who_took_part(services: Services) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    activity = an_activity(services, sam)
    updated = services.involvement.update_activity(
        replace(activity, person_ids=(priya.id,), title="Interview panel: team manager")
    )
    assert updated.version == activity.version + 1
    again = services.involvement.get_activity(activity.id)
    assert again.person_ids == (priya.id,)
    assert again.title == "Interview panel: team manager"


def test_an_activity_edit_that_lost_a_race_is_refused(services: Services) -> None:
    activity = an_activity(services)
    services.involvement.update_activity(replace(activity, notes="Another user's note"))
    with pytest.raises(ConflictError):
        services.involvement.update_activity(replace(activity, title="My title"))
    assert services.involvement.get_activity(activity.id).notes == "Another user's note"


def test_activities_are_filtered_by_person_kind_and_dates(services: Services) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    march = an_activity(services, sam, on=date(2025, 3, 31), title="March panel")
    april = an_activity(services, sam, priya, on=date(2025, 4, 1), title="April panel")
    training = services.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.STAFF_INDUCTION,
            title="Induction",
            on=date(2025, 4, 15),
            person_ids=(priya.id,),
        )
    )

    def titles(filters: ActivityFilter) -> list[str]:
        return [a.title for a in services.involvement.activities(filters).items]

    assert titles(ActivityFilter()) == ["Induction", "April panel", "March panel"]
    assert titles(ActivityFilter(person_id=sam.id)) == ["April panel", "March panel"]
    assert titles(ActivityFilter(kind=ActivityKind.STAFF_INDUCTION)) == [training.title]
    # The financial year 2025-26 starts on 1 April: ``before`` is exclusive.
    assert titles(ActivityFilter(on_or_after=date(2025, 4, 1))) == ["Induction", april.title]
    assert titles(ActivityFilter(before=date(2025, 4, 1))) == [march.title]
    page = services.involvement.activities(offset=1, limit=1)
    assert page.total == 3 and [a.title for a in page.items] == ["April panel"]


def test_deleting_an_activity_with_payments_is_refused(services: Services) -> None:
    sam = a_person(services)
    activity = an_activity(services, sam)
    services.involvement.record_payment(
        Payment(person_id=sam.id, activity_id=activity.id, amount_pence=3000)
    )
    with pytest.raises(ValidationError, match="1 payment\\(s\\) recorded against it"):
        services.involvement.delete_activity(activity.id)
    assert services.involvement.get_activity(activity.id) == activity


def test_an_activity_without_payments_is_deleted_with_its_list_of_people(
    services: Services,
) -> None:
    sam = a_person(services)
    activity = an_activity(services, sam)
    services.involvement.delete_activity(activity.id, activity.version)
    with pytest.raises(NotFoundError):
        services.involvement.get_activity(activity.id)
    assert services.involvement.activities(ActivityFilter(person_id=sam.id)).total == 0
    services.people.delete(sam.id)  # nobody points at Sam any more


# --- payments --------------------------------------------------------------------------


def test_a_payment_for_a_session_is_saved_and_read_back(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(
            person_id=sam.id,
            meeting_id=session.id,
            hours=Decimal("2"),
            rate_pence=2000,
            amount_pence=4000,
            expenses_pence=1250,
            method=PaymentMethod.VOUCHER,
            note="Bus fare both ways",
        )
    )
    assert payment.id is not None
    assert services.involvement.get_payment(payment.id) == payment


def test_a_payment_needs_a_session_or_an_activity(services: Services) -> None:
    sam = a_person(services)
    with pytest.raises(ValidationError, match="which session or activity") as error:
        services.involvement.record_payment(Payment(person_id=sam.id, amount_pence=2000))
    assert error.value.field == "meeting_id"
    assert services.involvement.payments().total == 0


def test_a_payment_for_a_session_or_activity_that_does_not_exist_is_refused(
    services: Services,
) -> None:
    sam = a_person(services)
    with pytest.raises(ValidationError, match="session this payment is for") as error:
        services.involvement.record_payment(Payment(person_id=sam.id, meeting_id=9999))
    assert error.value.field == "meeting_id"
    with pytest.raises(ValidationError, match="activity this payment is for") as error:
        services.involvement.record_payment(Payment(person_id=sam.id, activity_id=9999))
    assert error.value.field == "activity_id"


def test_a_payment_for_someone_not_on_the_register_is_refused(services: Services) -> None:
    session = a_session(services)
    with pytest.raises(ValidationError, match="no longer on the register") as error:
        services.involvement.record_payment(Payment(person_id=9999, meeting_id=session.id))
    assert error.value.field == "person_id"


@pytest.mark.parametrize("field", ["amount_pence", "rate_pence", "expenses_pence"])
def test_negative_amounts_are_refused(services: Services, field: str) -> None:
    sam = a_person(services)
    session = a_session(services)
    with pytest.raises(ValidationError, match="cannot be negative") as error:
        services.involvement.record_payment(
            Payment(person_id=sam.id, meeting_id=session.id, **{field: -1})
        )
    assert error.value.field == field
    assert services.involvement.payments().total == 0


def test_negative_hours_are_refused(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    with pytest.raises(ValidationError, match="Hours cannot be negative"):
        services.involvement.record_payment(
            Payment(person_id=sam.id, meeting_id=session.id, hours=Decimal("-1"))
        )


def test_hours_that_are_not_a_number_are_refused_with_a_message(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    with pytest.raises(ValidationError, match="as a number") as error:
        services.involvement.record_payment(
            Payment(person_id=sam.id, meeting_id=session.id, hours=Decimal("NaN"))
        )
    assert error.value.field == "hours"


def test_a_declined_payment_with_an_amount_is_refused(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    with pytest.raises(ValidationError, match="declined payment has no amount") as error:
        services.involvement.record_payment(
            Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000, declined=True)
        )
    assert error.value.field == "declined"


def test_the_amount_is_worked_out_from_hours_and_rate_when_left_at_zero(
    services: Services,
) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, hours=Decimal("2.5"), rate_pence=1500)
    )
    assert payment.amount_pence == 3750
    assert services.involvement.get_payment(payment.id).amount_pence == 3750


def test_a_worked_out_half_penny_is_rounded_up(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    # 2.5 h x 1p = 2.5p: half-up gives 3p, where Python's banker's rounding would give 2p.
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, hours=Decimal("2.5"), rate_pence=1)
    )
    assert payment.amount_pence == 3
    assert amount_for(Decimal("1.5"), 333) == 500
    assert amount_for(Decimal("0.33"), 1500) == 495


def test_an_amount_typed_in_is_kept_even_with_hours_and_rate(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(
            person_id=sam.id,
            meeting_id=session.id,
            hours=Decimal("2"),
            rate_pence=1500,
            amount_pence=2500,  # a flat fee agreed for the session
        )
    )
    assert payment.amount_pence == 2500


def test_a_declined_payment_keeps_its_hours_but_no_amount(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(
            person_id=sam.id,
            meeting_id=session.id,
            hours=Decimal("2"),
            rate_pence=1500,
            declined=True,
        )
    )
    assert payment.amount_pence == 0 and payment.hours == Decimal("2")


def test_updating_a_payment_saves_the_change(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    updated = services.involvement.update_payment(replace(payment, expenses_pence=640))
    assert services.involvement.get_payment(payment.id).expenses_pence == 640
    with pytest.raises(ConflictError):
        services.involvement.update_payment(replace(payment, note="stale copy"))
    assert services.involvement.get_payment(payment.id) == updated


def test_payments_are_marked_paid_together_and_leave_the_unpaid_list(
    services: Services,
) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    session = a_session(services)
    first, second, third = (
        services.involvement.record_payment(
            Payment(person_id=who.id, meeting_id=session.id, amount_pence=2000)
        )
        for who in (sam, priya, sam)
    )
    marked = services.involvement.mark_paid(
        [first.id, second.id], date(2025, 3, 20), PaymentMethod.BANK_TRANSFER
    )
    assert [p.id for p in marked] == [first.id, second.id]
    again = services.involvement.get_payment(first.id)
    assert again.paid_on == date(2025, 3, 20)
    assert again.method is PaymentMethod.BANK_TRANSFER
    unpaid = services.involvement.payments(PaymentFilter(unpaid_only=True))
    assert [p.id for p in unpaid.items] == [third.id]


def test_marking_paid_is_all_or_nothing_and_never_overwrites_a_paid_date(
    services: Services,
) -> None:
    sam = a_person(services)
    session = a_session(services)
    paid = services.involvement.record_payment(
        Payment(
            person_id=sam.id, meeting_id=session.id, amount_pence=2000, paid_on=date(2025, 3, 1)
        )
    )
    owed = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    with pytest.raises(ValidationError, match="already paid on 01 March 2025"):
        services.involvement.mark_paid([owed.id, paid.id], date(2025, 4, 1))
    assert services.involvement.get_payment(owed.id).paid_on is None
    assert services.involvement.get_payment(paid.id).paid_on == date(2025, 3, 1)


def test_a_declined_payment_cannot_be_marked_paid(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    declined = services.involvement.decline(payment.id)
    assert declined.declined and declined.amount_pence == 0
    with pytest.raises(ValidationError, match="was declined") as error:
        services.involvement.mark_paid([payment.id], date(2025, 4, 1))
    assert error.value.field == "declined"
    assert services.involvement.payments(PaymentFilter(unpaid_only=True)).total == 0


def test_an_impossible_paid_date_is_refused_naming_the_date(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    with pytest.raises(ValidationError, match="1 March 1066") as error:
        services.involvement.mark_paid([payment.id], date(1066, 3, 1))
    assert error.value.field == "paid_on"
    assert services.involvement.get_payment(payment.id).paid_on is None


def test_a_paid_payment_cannot_be_declined_or_deleted(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    services.involvement.mark_paid([payment.id], date(2025, 3, 20))
    with pytest.raises(ValidationError, match="already paid on 20 March 2025"):
        services.involvement.decline(payment.id)
    with pytest.raises(ValidationError, match="kept for the accounts"):
        services.involvement.delete_payment(payment.id)
    assert services.involvement.get_payment(payment.id).amount_pence == 2000


def test_an_unpaid_payment_entered_by_mistake_is_deleted(services: Services) -> None:
    sam = a_person(services)
    activity = an_activity(services, sam)
    payment = services.involvement.record_payment(
        Payment(person_id=sam.id, activity_id=activity.id, amount_pence=2000)
    )
    services.involvement.delete_payment(payment.id, payment.version)
    with pytest.raises(NotFoundError):
        services.involvement.get_payment(payment.id)
    services.involvement.delete_activity(activity.id)  # nothing points at it any more


def test_payments_are_filtered_by_person_session_and_activity(services: Services) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    session = a_session(services)
    activity = an_activity(services, sam)
    at_session = services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    at_activity = services.involvement.record_payment(
        Payment(person_id=sam.id, activity_id=activity.id, amount_pence=3000)
    )
    priyas = services.involvement.record_payment(
        Payment(person_id=priya.id, meeting_id=session.id, amount_pence=2000)
    )

    def ids(filters: PaymentFilter) -> list[int]:
        return [p.id for p in services.involvement.payments(filters).items]

    assert ids(PaymentFilter(person_id=sam.id)) == [at_session.id, at_activity.id]
    assert ids(PaymentFilter(meeting_id=session.id)) == [at_session.id, priyas.id]
    assert ids(PaymentFilter(activity_id=activity.id)) == [at_activity.id]
    assert services.involvement.payments(limit=2).total == 3


def test_totals_add_up_hours_amounts_and_expenses_for_a_person(services: Services) -> None:
    sam, priya = a_person(services), a_person(services, "Priya Shah")
    march_session = a_session(services, date(2025, 3, 31))
    april_activity = an_activity(services, sam, on=date(2025, 4, 1))
    services.involvement.record_payment(
        Payment(
            person_id=sam.id,
            meeting_id=march_session.id,
            hours=Decimal("0.1"),
            rate_pence=2000,
            expenses_pence=340,
        )
    )
    services.involvement.record_payment(
        Payment(
            person_id=sam.id,
            activity_id=april_activity.id,
            hours=Decimal("0.2"),
            rate_pence=2000,
        )
    )
    services.involvement.record_payment(
        Payment(person_id=sam.id, activity_id=april_activity.id, hours=Decimal("3"), declined=True)
    )
    services.involvement.record_payment(  # someone else's: never in Sam's totals
        Payment(person_id=priya.id, meeting_id=march_session.id, amount_pence=9999)
    )

    everything = services.involvement.totals_for_person(sam.id)
    # 0.1 + 0.2 + 3 is exactly 3.3: no floating-point crumbs from SQLite's sum.
    assert everything == PaymentTotals(
        hours=Decimal("3.30"), amount_pence=600, expenses_pence=340, count=3
    )
    # 2025-26 runs from 1 April 2025 to 31 March 2026, both days included.
    this_year = services.involvement.totals_for_person(sam.id, date(2025, 4, 1), date(2026, 3, 31))
    assert this_year == PaymentTotals(
        hours=Decimal("3.2"), amount_pence=400, expenses_pence=0, count=2
    )
    last_year = services.involvement.totals_for_person(sam.id, to_date=date(2025, 3, 31))
    assert last_year == PaymentTotals(
        hours=Decimal("0.1"), amount_pence=200, expenses_pence=340, count=1
    )


def test_totals_for_someone_never_paid_are_zero(services: Services) -> None:
    sam = a_person(services)
    assert services.involvement.totals_for_person(sam.id) == PaymentTotals(
        hours=Decimal("0"), amount_pence=0, expenses_pence=0, count=0
    )
    with pytest.raises(NotFoundError):
        services.involvement.totals_for_person(9999)


def test_a_person_with_payments_cannot_be_deleted(services: Services) -> None:
    sam = a_person(services)
    session = a_session(services)
    services.involvement.record_payment(
        Payment(person_id=sam.id, meeting_id=session.id, amount_pence=2000)
    )
    with pytest.raises(ValidationError, match="1 payment\\(s\\)"):
        services.people.delete(sam.id)
