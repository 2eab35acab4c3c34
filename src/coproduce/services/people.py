"""The people register: people, their access needs, and their consent decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coproduce.domain.errors import DuplicateError, ValidationError
from coproduce.domain.records import (
    NEEDS_REVIEW_INTERVAL,
    Consent,
    Membership,
    Page,
    Person,
    PersonName,
    replace,
)
from coproduce.domain.validation import check_consent, check_person, in_words
from coproduce.domain.vocabulary import AuditAction, ConsentPurpose, ConsentState, Role
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

PERSON_ORDERS = ("name", "organisation")
"""What the people list can be sorted by (in the database): ``PersonFilter.order``."""


@dataclass(frozen=True, slots=True)
class PersonFilter:
    """What the people list can be narrowed by (all optional) and the order it comes in.

    ``order`` is one of ``PERSON_ORDERS``: by name, or by organisation (people without one
    last, then by name)."""

    text: str = ""
    role: Role | None = None
    group_id: int | None = None
    active: bool | None = None
    needs_review_due: bool = False
    order: str = "name"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class DeletedPerson:
    """A deleted person and what went with them: enough for ``restore`` to undo the delete.

    ``assessed_ids`` are the ladder assessments that named them as the assessor (the database
    clears that link when they go; the assessor's name stays written on the assessment)."""

    person: Person
    consents: tuple[Consent, ...]
    memberships: tuple[Membership, ...]
    assessed_ids: tuple[int, ...] = ()


class PeopleService(Service):
    def create(self, person: Person, *, allow_same_name: bool = False) -> Person:
        """Add a person. A second person with the same name is refused unless the caller
        confirms they are different people (two people can share a name)."""
        person = check_person(person)
        with self._store.transaction() as unit:
            if not allow_same_name:
                self._refuse_duplicate(unit.people.same_name(person.display_name))
            return unit.people.add(person)

    def update(self, person: Person, *, allow_same_name: bool = True) -> Person:
        person = check_person(person)
        with self._store.transaction() as unit:
            if not allow_same_name:
                self._refuse_duplicate(unit.people.same_name(person.display_name, person.id))
            return unit.people.update(person)

    def get(self, person_id: int) -> Person:
        with self._store.reading() as unit:
            return unit.people.get(person_id)

    def get_many(self, person_ids: list[int]) -> list[Person]:
        with self._store.reading() as unit:
            return unit.people.get_many(person_ids)

    def named_with_roles(
        self, roles: Iterable[Role], also_ids: Iterable[int] = ()
    ) -> list[PersonName]:
        """Active people holding any of ``roles`` (say, who can facilitate), and the people
        ``also_ids`` (those already chosen) whatever their roles or state: names and roles
        only, in one query."""
        with self._store.transaction() as unit:
            return unit.people.named_with_roles(roles, also_ids)

    def list(
        self, filters: PersonFilter = PersonFilter(), *, offset: int = 0, limit: int | None = None
    ) -> Page[Person]:
        with self._store.reading() as unit:
            return unit.people.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: PersonFilter = PersonFilter()) -> list[int]:
        """Ids of everyone matching, in list order (for lists that load rows as shown)."""
        with self._store.reading() as unit:
            return unit.people.ids(unit.people.search_query(**self._query(filters)))

    def possible_duplicates(self, display_name: str, except_id: int | None = None) -> list[Person]:
        with self._store.reading() as unit:
            return unit.people.same_name(display_name, except_id)

    def current_user(self) -> str:
        """The name changes are recorded under (``COPRODUCE_USER`` or the computer account):
        the usual "recorded by" of a consent decision taken down in this window."""
        return self._store.actor

    def archive(
        self, person_id: int, left_on: date | None = None, expected_version: int | None = None
    ) -> Person:
        """Mark someone as having left; their contributions, attendance and payments stay.

        With ``expected_version``, a copy someone else changed meanwhile is refused."""
        with self._store.transaction() as unit:
            person = unit.people.get(person_id)
            if expected_version is not None:
                person = replace(person, version=expected_version)
            left = replace(person, active=False, left_on=left_on or self.today())
            return unit.people.update(check_person(left), AuditAction.ARCHIVED)

    def why_not_deletable(self, person_id: int) -> str:
        """Why this person cannot be deleted, in words a facilitator can act on; '' if they
        can (so the window can say so before asking "Delete?")."""
        with self._store.reading() as unit:
            return self._deletion_blocker(unit, unit.people.get(person_id))

    def delete(self, person_id: int, expected_version: int | None = None) -> DeletedPerson:
        """Delete someone entered by mistake; returns what went, for ``restore`` (undo).

        Anyone with a record of taking part (attendance, contributions, payments, sessions
        facilitated, actions owned, involvement activities) is refused: archive them instead,
        so history stays whole. Their roles, needs, consents and memberships go with them."""
        with self._store.transaction() as unit:
            person = unit.people.get(person_id)
            blocker = self._deletion_blocker(unit, person)
            if blocker:
                raise ValidationError(blocker)
            deleted = DeletedPerson(
                person=person,
                consents=tuple(unit.consents.history(person_id)),
                memberships=tuple(unit.memberships.for_person(person_id)),
                assessed_ids=tuple(unit.people.assessments_by(person_id)),
            )
            unit.people.delete(person_id, expected_version)
            return deleted

    def restore(self, deleted: DeletedPerson) -> Person:
        """Put a deleted person back under their old id, with their consent history, their
        memberships of groups that still exist, and their name on assessments they made."""
        with self._store.transaction() as unit:
            person = unit.people.restore(deleted.person)
            for consent in deleted.consents:
                unit.consents.restore(consent)
            for membership in deleted.memberships:
                if unit.groups.exists(membership.group_id):
                    unit.memberships.restore(membership)
            unit.people.link_assessments(person.id, deleted.assessed_ids)
            return person

    # --- consent -------------------------------------------------------------------------

    def record_consent(self, consent: Consent) -> Consent:
        """Add a consent decision. Earlier decisions stay as history."""
        return self.record_consents([consent])[0]

    def record_consents(self, consents: Iterable[Consent]) -> list[Consent]:
        """Add several decisions at once (one signed form with several purposes ticked), in
        one transaction: if one is refused, none is recorded. Returned in the order given."""
        wanted = [check_consent(consent) for consent in consents]
        if not wanted:
            raise ValidationError("Tick at least one purpose the decision is about.", "purpose")
        places = [(c.person_id, c.purpose) for c in wanted]
        if len(set(places)) != len(places):
            raise ValidationError("Each purpose can be ticked once per decision.", "purpose")
        with self._store.transaction() as unit:
            recorded = []
            for consent in wanted:
                unit.people.row(consent.person_id)
                in_force = unit.consents.current(consent.person_id).get(consent.purpose)
                if in_force is not None and consent.on < in_force.on:
                    # The newest date decides; an older one would be saved and change nothing.
                    raise ValidationError(
                        f"This decision is dated {in_words(consent.on)}, before the one in "
                        f"force for '{consent.purpose.label}' "
                        f"({in_force.state.label.lower()} on {in_words(in_force.on)}), so it "
                        "would change nothing there. Check the date, or untick that purpose.",
                        "on",
                    )
                recorded.append(unit.consents.add(consent))
            return recorded

    def take_back_consent(self, consent_id: int) -> Consent:
        """Remove a decision entered by mistake (the undo of ``record_consent``).

        Consent history is otherwise never edited; only the newest decision for its purpose
        can be taken back, because removing an older one would rewrite what was in force in
        the past. Returns the removed decision, for ``put_back_consent`` (redo)."""
        return self.take_back_consents([consent_id])[0]

    def take_back_consents(self, consent_ids: Iterable[int]) -> list[Consent]:
        """``take_back_consent`` for several decisions recorded together (the undo of
        ``record_consents``): all of them or, when one is no longer the newest, none."""
        with self._store.transaction() as unit:
            taken = []
            for consent_id in consent_ids:
                consent = unit.consents.get(consent_id)
                in_force = unit.consents.current(consent.person_id).get(consent.purpose)
                if in_force is None or in_force.id != consent_id:
                    raise ValidationError(
                        f"This '{consent.purpose.label}' decision is no longer the newest one, "
                        "so it stays in the history. Record a new decision to change what is "
                        "in force.",
                        "state",
                    )
                unit.consents.delete(consent_id)
                taken.append(consent)
            return taken

    def put_back_consent(self, consent: Consent) -> Consent:
        """Put back a decision taken back with ``take_back_consent`` (redo), under its id."""
        return self.put_back_consents([consent])[0]

    def put_back_consents(self, consents: Iterable[Consent]) -> list[Consent]:
        """Put back decisions taken back together (redo), under their ids, all or none."""
        with self._store.transaction() as unit:
            restored = []
            for consent in consents:
                unit.people.row(consent.person_id)
                restored.append(unit.consents.restore(consent))
            return restored

    def consent_history(self, person_id: int) -> list[Consent]:
        """Every decision for the person, oldest first."""
        with self._store.reading() as unit:
            return unit.consents.history(person_id)

    def current_consents(self, person_id: int) -> dict[ConsentPurpose, Consent]:
        with self._store.reading() as unit:
            return unit.consents.current(person_id)

    def has_consent(self, person_id: int, purpose: ConsentPurpose) -> bool:
        with self._store.reading() as unit:
            return person_id in unit.consents.people_with(purpose, [person_id])

    def consenting(self, purpose: ConsentPurpose, person_ids: list[int]) -> set[int]:
        """Of ``person_ids``, those whose decision in force for ``purpose`` is 'given'."""
        with self._store.reading() as unit:
            return unit.consents.people_with(purpose, person_ids)

    def withdraw_consent(
        self, person_id: int, purpose: ConsentPurpose, recorded_by: str = ""
    ) -> Consent:
        with self._store.transaction() as unit:
            current = unit.consents.current(person_id).get(purpose)
            if current is None or current.state is not ConsentState.GIVEN:
                raise ValidationError("There is no consent in force to withdraw.", "state")
            return unit.consents.add(
                replace(
                    current,
                    id=None,
                    state=ConsentState.WITHDRAWN,
                    on=self.today(),
                    recorded_by=recorded_by,
                    note="",
                )
            )

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _deletion_blocker(unit: UnitOfWork, person: Person) -> str:
        person_id = person.id
        assert person_id is not None
        held = {
            "attendance record(s)": unit.attendance.count_for_person(person_id),
            "contribution(s)": unit.contributions.count_where(speaker_id=person_id),
            "payment(s)": unit.payments.count_for_person(person_id),
            "session(s) they facilitated": unit.meetings.count_facilitated_by(person_id),
            "action(s) they own": unit.actions.count_owned_by(person_id),
            "involvement activities": unit.activities.count_for_person(person_id),
        }
        found = ", ".join(f"{n} {what}" for what, n in held.items() if n)
        if not found:
            return ""
        return (
            f"{person.display_name} has {found}, so they cannot be deleted. "
            "Mark them as left instead: their history stays."
        )

    def _query(self, filters: PersonFilter) -> dict[str, object]:
        if filters.order not in PERSON_ORDERS:
            raise ValueError(
                f"People cannot be sorted by {filters.order!r}; choose one of {PERSON_ORDERS}"
            )
        return {
            "text": filters.text,
            "role": filters.role,
            "group_id": filters.group_id,
            "active": filters.active,
            "needs_review_before": (
                self.today() - NEEDS_REVIEW_INTERVAL if filters.needs_review_due else None
            ),
            "order": filters.order,
            "descending": filters.descending,
        }

    @staticmethod
    def _refuse_duplicate(same: list[Person]) -> None:
        if same:
            raise DuplicateError(
                f"There is already someone called {same[0].display_name} on the register "
                f"({same[0].organisation or 'no organisation'}). If this is a different "
                "person, confirm to add them anyway; if not, edit the existing record.",
                "display_name",
            )
