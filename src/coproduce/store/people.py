"""People (with roles and access needs) and their consent decisions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select, update

from coproduce.domain.records import AccessNeeds, Consent, Page, Person, PersonName
from coproduce.domain.vocabulary import (
    CommunicationProfessional,
    CommunicationSupport,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    ContactMethod,
    InformationFormat,
    MeetingAccessNeed,
    PaymentPreference,
    Role,
)
from coproduce.store.orm import (
    ConsentRow,
    LadderAssessmentRow,
    MembershipRow,
    PersonNeedRow,
    PersonRoleRow,
    PersonRow,
)
from coproduce.store.repository import Repository
from coproduce.store.text import contains_pattern, escape_like, sort_key

# person_needs.category -> (AccessNeeds field, vocabulary)
NEED_CATEGORIES = {
    "contact_method": ("contact_methods", ContactMethod),
    "information_format": ("information_formats", InformationFormat),
    "communication_support": ("communication_support", CommunicationSupport),
    "communication_professional": (
        "communication_professionals",
        CommunicationProfessional,
    ),
    "meeting_access": ("meeting_access", MeetingAccessNeed),
}


NOTE_COLUMNS = (
    PersonRow.contact_notes,
    PersonRow.information_notes,
    PersonRow.communication_support_notes,
    PersonRow.communication_professional_notes,
    PersonRow.meeting_access_notes,
)


class PersonRepository(Repository[PersonRow, Person]):
    row_class = PersonRow
    record_type = "person"
    record_label = "Person"

    def to_record(self, row: PersonRow) -> Person:
        needs = needs_of(row)
        return Person(
            id=row.id,
            version=row.version,
            display_name=row.display_name,
            roles=frozenset(Role(r.role) for r in row.roles),
            organisation=row.organisation,
            email=row.email,
            phone=row.phone,
            postal_address=row.postal_address,
            needs=needs,
            payment_preference=PaymentPreference(row.payment_preference),
            active=row.active,
            left_on=row.left_on,
        )

    def write(self, row: PersonRow, record: Person) -> None:
        row.display_name = record.display_name
        row.sort_name = sort_key(record.display_name)
        row.organisation = record.organisation
        row.email = record.email
        row.phone = record.phone
        row.postal_address = record.postal_address
        needs = record.needs
        row.contact_notes = needs.contact_notes
        row.large_print_size = needs.large_print_size
        row.information_notes = needs.information_notes
        row.communication_support_notes = needs.communication_support_notes
        row.communication_professional_notes = needs.communication_professional_notes
        row.meeting_access_notes = needs.meeting_access_notes
        row.needs_reviewed_on = needs.reviewed_on
        row.payment_preference = record.payment_preference.value
        row.active = record.active
        row.left_on = record.left_on
        # Replace the collections only when they changed, so an unchanged save stays a no-op.
        wanted_roles = {role.value for role in record.roles}
        if {r.role for r in row.roles} != wanted_roles:
            row.roles = [PersonRoleRow(role=code) for code in sorted(wanted_roles)]
        wanted_needs = {
            (category, member.value)
            for category, (field, _) in NEED_CATEGORIES.items()
            for member in getattr(needs, field)
        }
        if {(n.category, n.code) for n in row.needs} != wanted_needs:
            row.needs = [PersonNeedRow(category=c, code=v) for c, v in sorted(wanted_needs)]

    def describe(self, row: PersonRow) -> str:
        return row.display_name

    def search_query(
        self,
        *,
        text: str = "",
        role: Role | None = None,
        group_id: int | None = None,
        active: bool | None = None,
        needs_review_before: date | None = None,
        order: str = "name",
        descending: bool = False,
    ):  # type: ignore[no-untyped-def]
        query = select(PersonRow).order_by(*self._ordering(order, descending))
        words = sort_key(text)
        if words:
            query = query.where(
                or_(
                    PersonRow.sort_name.like(contains_pattern(words), escape="\\"),
                    func.lower(PersonRow.organisation).like(f"%{escape_like(words)}%", escape="\\"),
                )
            )
        if role is not None:
            query = query.where(
                exists().where(
                    PersonRoleRow.person_id == PersonRow.id,
                    PersonRoleRow.role == role.value,
                )
            )
        if group_id is not None:
            query = query.where(
                exists().where(
                    MembershipRow.person_id == PersonRow.id,
                    MembershipRow.group_id == group_id,
                    MembershipRow.left_on.is_(None),
                )
            )
        if active is not None:
            query = query.where(PersonRow.active.is_(active))
        if needs_review_before is not None:
            # The same rule as AccessNeeds.review_due: any ticked need or any notes.
            has_needs = or_(
                exists().where(PersonNeedRow.person_id == PersonRow.id),
                *(column != "" for column in NOTE_COLUMNS),
            )
            query = query.where(
                has_needs,
                or_(
                    PersonRow.needs_reviewed_on.is_(None),
                    PersonRow.needs_reviewed_on < needs_review_before,
                ),
            )
        return query

    @staticmethod
    def _ordering(order: str, descending: bool) -> list[Any]:
        """ORDER BY terms for a sort the list offers; the id last keeps pages stable."""

        def direction(column: Any) -> Any:
            return column.desc() if descending else column.asc()

        by_name = [direction(PersonRow.sort_name), direction(PersonRow.id)]
        if order == "name":
            return by_name
        if order == "organisation":
            # People with no organisation come last either way: they are not "A" or "Z".
            no_organisation = case((PersonRow.organisation == "", 1), else_=0)
            return [
                no_organisation.asc(),
                direction(func.lower(PersonRow.organisation)),
                *by_name,
            ]
        raise ValueError(f"People cannot be sorted by {order!r}")

    def names_and_roles(self) -> list[tuple[int, str, frozenset[Role]]]:
        """Everyone's id, display name and roles, without the rest of their records: what an
        export needs to decide who may be named, read in two queries however many people."""
        roles: dict[int, set[Role]] = {}
        for person_id, code in self._session.execute(
            select(PersonRoleRow.person_id, PersonRoleRow.role)
        ):
            roles.setdefault(person_id, set()).add(Role(code))
        rows = self._session.execute(select(PersonRow.id, PersonRow.display_name))
        return [(pid, name, frozenset(roles.get(pid, ()))) for pid, name in rows]

    def named_with_roles(
        self, roles: Iterable[Role], also_ids: Iterable[int] = ()
    ) -> list[PersonName]:
        """Active people holding any of ``roles``, and the people ``also_ids`` whatever their
        roles, each with all their roles: one query."""
        wanted = [role.value for role in roles]
        also = list(also_ids)
        holding = select(PersonRoleRow.person_id).where(PersonRoleRow.role.in_(wanted))
        chosen = and_(PersonRow.active.is_(True), PersonRow.id.in_(holding))
        if also:
            chosen = or_(chosen, PersonRow.id.in_(also))
        query = (
            select(PersonRow.id, PersonRow.display_name, PersonRoleRow.role)
            .outerjoin(PersonRoleRow, PersonRoleRow.person_id == PersonRow.id)
            .where(chosen)
            .order_by(PersonRow.id)
        )
        names: dict[int, str] = {}
        held: dict[int, set[Role]] = {}
        for person_id, name, role in self._session.execute(query):
            names[person_id] = name
            if role is not None:
                held.setdefault(person_id, set()).add(Role(role))
        return [
            PersonName(person_id, name, roles=frozenset(held.get(person_id, ())))
            for person_id, name in names.items()
        ]

    def list(self, *, offset: int = 0, limit: int | None = None, **filters: object) -> Page[Person]:
        return self.page(self.search_query(**filters), offset, limit)  # type: ignore[arg-type]

    def same_name(self, display_name: str, except_id: int | None = None) -> list[Person]:
        """People whose name matches ignoring case and spacing: likely duplicates."""
        query = select(PersonRow).where(PersonRow.sort_name == sort_key(display_name))
        if except_id is not None:
            query = query.where(PersonRow.id != except_id)
        return [self.to_record(r) for r in self.scalars(query)]

    def assessments_by(self, person_id: int) -> list[int]:
        """Ids of the ladder assessments that name this person as the assessor."""
        query = select(LadderAssessmentRow.id).where(LadderAssessmentRow.assessor_id == person_id)
        return list(self._session.scalars(query.order_by(LadderAssessmentRow.id)))

    def link_assessments(self, person_id: int, assessment_ids: Iterable[int]) -> None:
        """Name the person as the assessor again on assessments that still exist (undo of a
        delete, which cleared the link): the reverse of the database's ON DELETE SET NULL,
        so, like it, neither a new version nor an audit event of its own."""
        wanted = list(assessment_ids)
        if not wanted:
            return
        self._session.execute(
            update(LadderAssessmentRow)
            .where(LadderAssessmentRow.id.in_(wanted), LadderAssessmentRow.assessor_id.is_(None))
            .values(assessor_id=person_id)
            .execution_options(synchronize_session=False)
        )


class ConsentRepository(Repository[ConsentRow, Consent]):
    row_class = ConsentRow
    record_type = "consent"
    record_label = "Consent"

    def to_record(self, row: ConsentRow) -> Consent:
        return Consent(
            id=row.id,
            person_id=row.person_id,
            purpose=ConsentPurpose(row.purpose),
            state=ConsentState(row.state),
            on=row.on,
            method=ConsentMethod(row.method),
            recorded_by=row.recorded_by,
            note=row.note,
        )

    def write(self, row: ConsentRow, record: Consent) -> None:
        row.person_id = record.person_id
        row.purpose = record.purpose.value
        row.state = record.state.value
        row.on = record.on
        row.method = record.method.value
        row.recorded_by = record.recorded_by
        row.note = record.note

    def history(self, person_id: int) -> list[Consent]:
        """Every decision for the person, oldest first."""
        query = (
            select(ConsentRow)
            .where(ConsentRow.person_id == person_id)
            .order_by(ConsentRow.on, ConsentRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def current(self, person_id: int) -> dict[ConsentPurpose, Consent]:
        """The decision in force for each purpose: the newest by date, then by entry order."""
        current: dict[ConsentPurpose, Consent] = {}
        for consent in self.history(person_id):
            current[consent.purpose] = consent
        return current

    def people_with(self, purpose: ConsentPurpose, person_ids: list[int]) -> set[int]:
        """Of ``person_ids``, those whose latest decision for ``purpose`` is GIVEN."""
        if not person_ids:
            return set()
        # Two columns, not whole rows: exports ask this for every 2,000 rows they write.
        query = (
            select(ConsentRow.person_id, ConsentRow.state)
            .where(
                ConsentRow.purpose == purpose.value,
                ConsentRow.person_id.in_(person_ids),
            )
            .order_by(ConsentRow.person_id, ConsentRow.on, ConsentRow.id)
        )
        latest: dict[int, str] = {}
        for person_id, state in self._session.execute(query):
            latest[person_id] = state
        return {pid for pid, state in latest.items() if state == ConsentState.GIVEN.value}


def needs_of(row: PersonRow) -> AccessNeeds:
    """A person's access needs from their row (its ``needs`` loaded)."""
    chosen: dict[str, set[object]] = {field: set() for field, _ in NEED_CATEGORIES.values()}
    for need in row.needs:
        field, vocabulary = NEED_CATEGORIES[need.category]
        chosen[field].add(vocabulary(need.code))
    return AccessNeeds(
        contact_notes=row.contact_notes,
        large_print_size=row.large_print_size,
        information_notes=row.information_notes,
        communication_support_notes=row.communication_support_notes,
        communication_professional_notes=row.communication_professional_notes,
        meeting_access_notes=row.meeting_access_notes,
        reviewed_on=row.needs_reviewed_on,
        **{field: frozenset(values) for field, values in chosen.items()},  # type: ignore[arg-type]
    )
