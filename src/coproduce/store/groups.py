"""Groups and their memberships."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select

from coproduce.domain.records import Group, Membership, Page
from coproduce.domain.vocabulary import Cadence, GroupKind
from coproduce.store.orm import GroupRow, MembershipRow
from coproduce.store.repository import Repository
from coproduce.store.text import contains_pattern


class GroupRepository(Repository[GroupRow, Group]):
    row_class = GroupRow
    record_type = "group"
    record_label = "Group"

    def to_record(self, row: GroupRow) -> Group:
        return Group(
            id=row.id,
            version=row.version,
            name=row.name,
            kind=GroupKind(row.kind),
            purpose=row.purpose,
            cadence=Cadence(row.cadence),
            active=row.active,
        )

    def write(self, row: GroupRow, record: Group) -> None:
        row.name = record.name
        row.kind = record.kind.value
        row.purpose = record.purpose
        row.cadence = record.cadence.value
        row.active = record.active

    def describe(self, row: GroupRow) -> str:
        return row.name

    def list(
        self,
        *,
        text: str = "",
        active: bool | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Group]:
        query = select(GroupRow).order_by(GroupRow.name, GroupRow.id)
        if text.strip():
            query = query.where(GroupRow.name.ilike(contains_pattern(text), escape="\\"))
        if active is not None:
            query = query.where(GroupRow.active.is_(active))
        return self.page(query, offset, limit)

    def name_taken(self, name: str, except_id: int | None) -> bool:
        query = select(GroupRow.id).where(GroupRow.name.ilike(name.strip()))
        if except_id is not None:
            query = query.where(GroupRow.id != except_id)
        return self._session.scalar(query.limit(1)) is not None


class MembershipRepository(Repository[MembershipRow, Membership]):
    row_class = MembershipRow
    record_type = "membership"
    record_label = "Membership"

    def to_record(self, row: MembershipRow) -> Membership:
        return Membership(
            id=row.id,
            version=row.version,
            group_id=row.group_id,
            person_id=row.person_id,
            joined_on=row.joined_on,
            left_on=row.left_on,
        )

    def write(self, row: MembershipRow, record: Membership) -> None:
        row.group_id = record.group_id
        row.person_id = record.person_id
        row.joined_on = record.joined_on
        row.left_on = record.left_on

    def for_group(self, group_id: int, *, current_on: date | None = None) -> list[Membership]:
        query = select(MembershipRow).where(MembershipRow.group_id == group_id)
        if current_on is not None:
            query = query.where(
                MembershipRow.joined_on <= current_on,
                or_(MembershipRow.left_on.is_(None), MembershipRow.left_on > current_on),
            )
        return [self.to_record(r) for r in self.scalars(query.order_by(MembershipRow.joined_on))]

    def current_counts(self, group_ids: list[int], on: date) -> dict[int, int]:
        if not group_ids:
            return {}
        query = (
            select(MembershipRow.group_id, func.count())
            .where(
                MembershipRow.group_id.in_(group_ids),
                MembershipRow.joined_on <= on,
                or_(MembershipRow.left_on.is_(None), MembershipRow.left_on > on),
            )
            .group_by(MembershipRow.group_id)
        )
        return {group_id: count for group_id, count in self._session.execute(query)}

    def for_person(self, person_id: int) -> list[Membership]:
        query = (
            select(MembershipRow)
            .where(MembershipRow.person_id == person_id)
            .order_by(MembershipRow.joined_on)
        )
        return [self.to_record(r) for r in self.scalars(query)]
