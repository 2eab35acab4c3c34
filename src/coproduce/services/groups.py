"""Groups (standing forums) and who belongs to them.

A membership has the date the person joined and, once they leave, the date they left; the
periods of one person in one group never overlap, so "who was a member on this date" has one
answer. A membership is ended (given a left date) when someone leaves, and removed only when
it was entered by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Group, Membership, Page, Person, replace
from coproduce.domain.validation import check_group, check_membership, in_words
from coproduce.domain.vocabulary import AuditAction
from coproduce.services.base import Service
from coproduce.store.groups import GROUP_ORDERS
from coproduce.store.unit_of_work import UnitOfWork

__all__ = ["GROUP_ORDERS", "DeletedGroup", "GroupService", "Member"]


@dataclass(frozen=True, slots=True)
class DeletedGroup:
    """A deleted group and the memberships that went with it: enough to undo the delete."""

    group: Group
    memberships: tuple[Membership, ...]


@dataclass(frozen=True, slots=True)
class Member:
    """One membership of a group with the person it belongs to (for the members list)."""

    membership: Membership
    person: Person

    def standing(self, on: date) -> str:
        """'current', 'future' (joins later) or 'past' (has left) on a date."""
        if self.membership.is_current(on):
            return "current"
        return "future" if self.membership.joined_on > on else "past"


class GroupService(Service):
    def create(self, group: Group) -> Group:
        group = check_group(group)
        with self._store.transaction() as unit:
            self._refuse_duplicate_name(unit, group)
            return unit.groups.add(group)

    def update(self, group: Group) -> Group:
        group = check_group(group)
        with self._store.transaction() as unit:
            self._refuse_duplicate_name(unit, group)
            return unit.groups.update(group)

    def get(self, group_id: int) -> Group:
        with self._store.reading() as unit:
            return unit.groups.get(group_id)

    def list(
        self,
        *,
        text: str = "",
        active: bool | None = None,
        order: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Group]:
        """Groups whose name contains ``text``; ``active`` True or False narrows to active or
        archived ones. ``order`` is one of ``GROUP_ORDERS`` ("members" counts today's members);
        any other is refused with ``ValueError``."""
        with self._store.reading() as unit:
            return unit.groups.list(
                text=text,
                active=active,
                order=order,
                descending=descending,
                on=self.today(),
                offset=offset,
                limit=limit,
            )

    def archive(self, group_id: int, expected_version: int | None = None) -> Group:
        """Stop a group without losing its history (the usual way to end a group)."""
        with self._store.transaction() as unit:
            group = unit.groups.get(group_id)
            if expected_version is not None:
                group = replace(group, version=expected_version)
            return unit.groups.update(replace(group, active=False), AuditAction.ARCHIVED)

    def delete(self, group_id: int, expected_version: int | None = None) -> DeletedGroup:
        """Delete a group that never met (memberships go with it); otherwise archive it.

        Returns what was deleted, so ``restore`` can put it back (undo)."""
        with self._store.transaction() as unit:
            group = unit.groups.get(group_id)
            refusal = self._delete_refusal(unit, group)
            if refusal:
                raise ValidationError(refusal)
            memberships = tuple(unit.memberships.for_group(group_id))
            unit.groups.delete(group_id, expected_version)
            return DeletedGroup(group=group, memberships=memberships)

    def delete_refusal(self, group_id: int) -> str:
        """Why the group cannot be deleted, in words ('' when it can): asked before the
        facilitator is asked to confirm, so nobody confirms a delete that will be refused."""
        with self._store.reading() as unit:
            return self._delete_refusal(unit, unit.groups.get(group_id))

    def restore(self, deleted: DeletedGroup) -> Group:
        """Put a deleted group back with its memberships, under the same ids."""
        with self._store.transaction() as unit:
            group = unit.groups.restore(deleted.group)
            for membership in deleted.memberships:
                if unit.people.exists(membership.person_id):
                    unit.memberships.restore(membership)
            return group

    def member_counts(self, group_ids: list[int], on: date | None = None) -> dict[int, int]:
        """How many current members each group has on ``on`` (today by default)."""
        with self._store.reading() as unit:
            counts = unit.memberships.current_counts(group_ids, on or self.today())
        return {group_id: counts.get(group_id, 0) for group_id in group_ids}

    # --- members -------------------------------------------------------------------------

    def add_member(
        self, group_id: int, person_id: int, joined_on: date | None = None
    ) -> Membership:
        """Make someone a member from ``joined_on`` (today by default). Refused when they
        are a member already, or were one during part of the new period."""
        membership = check_membership(
            Membership(group_id=group_id, person_id=person_id, joined_on=joined_on or self.today())
        )
        with self._store.transaction() as unit:
            unit.groups.row(group_id)
            self._refuse_overlap(unit, membership, "person_id")
            return unit.memberships.add(membership)

    def end_membership(
        self,
        membership_id: int,
        left_on: date | None = None,
        expected_version: int | None = None,
    ) -> Membership:
        """Record that the person left on ``left_on`` (today by default)."""
        with self._store.transaction() as unit:
            membership = unit.memberships.get(membership_id)
            if expected_version is not None:
                membership = replace(membership, version=expected_version)
            ended = check_membership(replace(membership, left_on=left_on or self.today()))
            return unit.memberships.update(ended)

    def get_membership(self, membership_id: int) -> Membership:
        with self._store.reading() as unit:
            return unit.memberships.get(membership_id)

    def update_membership(self, membership: Membership) -> Membership:
        """Correct the dates of a membership (a left date of None: still a member)."""
        membership = check_membership(membership)
        with self._store.transaction() as unit:
            self._refuse_overlap(unit, membership, "joined_on")
            return unit.memberships.update(membership)

    def remove_membership(
        self, membership_id: int, expected_version: int | None = None
    ) -> Membership:
        """For a membership entered by mistake; people who left keep theirs, with a date.

        Returns the membership as it was, so ``restore_membership`` can put it back (undo)."""
        with self._store.transaction() as unit:
            membership = unit.memberships.get(membership_id)
            unit.memberships.delete(membership_id, expected_version)
            return membership

    def restore_membership(self, membership: Membership) -> Membership:
        """Put back a removed membership under its old id (undo of ``remove_membership``)."""
        membership = check_membership(membership)
        with self._store.transaction() as unit:
            unit.groups.row(membership.group_id)
            self._refuse_overlap(unit, membership, "person_id")
            return unit.memberships.restore(membership)

    def members(self, group_id: int, on: date | None = None) -> list[Membership]:
        """Memberships of the group; only those current ``on`` a date when one is given."""
        with self._store.reading() as unit:
            return unit.memberships.for_group(group_id, current_on=on)

    def members_page(
        self,
        group_id: int,
        *,
        on: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Member]:
        """The group's memberships with their people: those current ``on`` the date (today by
        default) first, then those who join later, then those who left, most recent first;
        by name within each. One page of them, for a list that loads as it is shown."""
        with self._store.reading() as unit:
            memberships, people = unit.memberships.members_page(
                group_id, on or self.today(), offset, limit
            )
            items = tuple(
                Member(membership, unit.people.to_record(person))
                for membership, person in zip(memberships.items, people, strict=True)
            )
        return Page(items=items, total=memberships.total, offset=offset)

    def member_standing(self, group_id: int, on: date | None = None) -> dict[str, int]:
        """How many memberships are 'current', 'future' (joining later) and 'past' on a date
        (today by default)."""
        with self._store.reading() as unit:
            return unit.memberships.standing_counts(group_id, on or self.today())

    def memberships_of(self, person_id: int) -> list[Membership]:
        with self._store.reading() as unit:
            return unit.memberships.for_person(person_id)

    @staticmethod
    def _delete_refusal(unit: UnitOfWork, group: Group) -> str:
        sessions = unit.meetings.count_for_group(group.id)  # type: ignore[arg-type]
        if not sessions:
            return ""
        return (
            f"'{group.name}' has {sessions} session(s) on record, so it cannot be "
            "deleted. Archive it instead: its history stays and it leaves the lists."
        )

    @staticmethod
    def _refuse_overlap(unit: UnitOfWork, membership: Membership, field: str) -> None:
        person = unit.people.get(membership.person_id)
        other = unit.memberships.overlapping(membership)
        if other is None:
            return
        if other.left_on is None:
            raise ValidationError(
                f"{person.display_name} is already a member of this group "
                f"(since {in_words(other.joined_on)}).",
                field,
            )
        raise ValidationError(
            f"{person.display_name} was already a member of this group from "
            f"{in_words(other.joined_on)} to {in_words(other.left_on)}. Change the dates so "
            "they do not overlap, or correct that membership instead.",
            field,
        )

    @staticmethod
    def _refuse_duplicate_name(unit: UnitOfWork, group: Group) -> None:
        if unit.groups.name_taken(group.name, group.id):
            raise ValidationError(
                f"There is already a group called '{group.name}'. Choose another name.", "name"
            )
