"""Groups (standing forums) and who belongs to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Group, Membership, Page, replace
from coproduce.domain.validation import check_group, check_membership
from coproduce.domain.vocabulary import AuditAction
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class DeletedGroup:
    """A deleted group and the memberships that went with it: enough to undo the delete."""

    group: Group
    memberships: tuple[Membership, ...]


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
        with self._store.transaction() as unit:
            return unit.groups.get(group_id)

    def list(
        self,
        *,
        text: str = "",
        active: bool | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Group]:
        with self._store.transaction() as unit:
            return unit.groups.list(text=text, active=active, offset=offset, limit=limit)

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
            sessions = unit.meetings.count_for_group(group_id)
            if sessions:
                raise ValidationError(
                    f"'{group.name}' has {sessions} session(s) on record, so it cannot be "
                    "deleted. Archive it instead: its history stays and it leaves the lists."
                )
            memberships = tuple(unit.memberships.for_group(group_id))
            unit.groups.delete(group_id, expected_version)
            return DeletedGroup(group=group, memberships=memberships)

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
        with self._store.transaction() as unit:
            counts = unit.memberships.current_counts(group_ids, on or self.today())
        return {group_id: counts.get(group_id, 0) for group_id in group_ids}

    # --- members -------------------------------------------------------------------------

    def add_member(
        self, group_id: int, person_id: int, joined_on: date | None = None
    ) -> Membership:
        membership = check_membership(
            Membership(group_id=group_id, person_id=person_id, joined_on=joined_on or self.today())
        )
        with self._store.transaction() as unit:
            unit.groups.row(group_id)
            person = unit.people.get(person_id)
            for existing in unit.memberships.for_person(person_id):
                if existing.group_id == group_id and existing.left_on is None:
                    raise ValidationError(
                        f"{person.display_name} is already a member of this group.", "person_id"
                    )
            return unit.memberships.add(membership)

    def end_membership(self, membership_id: int, left_on: date | None = None) -> Membership:
        with self._store.transaction() as unit:
            membership = unit.memberships.get(membership_id)
            ended = check_membership(replace(membership, left_on=left_on or self.today()))
            return unit.memberships.update(ended)

    def update_membership(self, membership: Membership) -> Membership:
        membership = check_membership(membership)
        with self._store.transaction() as unit:
            return unit.memberships.update(membership)

    def remove_membership(self, membership_id: int) -> None:
        """For a membership entered by mistake; people who left keep theirs, with a date."""
        with self._store.transaction() as unit:
            unit.memberships.delete(membership_id)

    def members(self, group_id: int, on: date | None = None) -> list[Membership]:
        """Memberships of the group; only those current ``on`` a date when one is given."""
        with self._store.transaction() as unit:
            return unit.memberships.for_group(group_id, current_on=on)

    def memberships_of(self, person_id: int) -> list[Membership]:
        with self._store.transaction() as unit:
            return unit.memberships.for_person(person_id)

    @staticmethod
    def _refuse_duplicate_name(unit: UnitOfWork, group: Group) -> None:
        if unit.groups.name_taken(group.name, group.id):
            raise ValidationError(
                f"There is already a group called '{group.name}'. Choose another name.", "name"
            )
