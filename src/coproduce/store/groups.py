"""Groups and their memberships."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from coproduce.domain.records import Group, Membership, Page
from coproduce.domain.vocabulary import Cadence, GroupKind
from coproduce.store.orm import GroupRow, MembershipRow, PersonRow
from coproduce.store.repository import Repository
from coproduce.store.text import contains_pattern, sort_key

GROUP_ORDERS = ("name", "kind", "cadence", "members")
"""What the groups list can be sorted by (in the database)."""


def _in_label_order(column: Any, vocabulary: Sequence[Any]) -> ColumnElement[Any]:
    """Sort codes by their words on screen ("Board" before "Carers' forum"), not by code."""
    ordered = sorted(vocabulary, key=lambda member: member.label.casefold())
    return case({member.value: position for position, member in enumerate(ordered)}, value=column)


def _current_on(on: date) -> ColumnElement[bool]:
    return and_(
        MembershipRow.joined_on <= on,
        or_(MembershipRow.left_on.is_(None), MembershipRow.left_on > on),
    )


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
        order: str = "name",
        descending: bool = False,
        on: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Group]:
        """Groups matching ``text`` (in the name) and ``active``, sorted by ``order``, one of
        ``GROUP_ORDERS`` ("members": the number of members current ``on`` a date)."""
        if order not in GROUP_ORDERS:
            raise ValueError(f"groups cannot be sorted by {order!r}")
        name = func.lower(GroupRow.name)
        key: Any
        if order == "kind":
            key = _in_label_order(GroupRow.kind, list(GroupKind))
        elif order == "cadence":
            # By how often they meet: the vocabulary lists cadences from most to least often.
            key = case(
                {cadence.value: position for position, cadence in enumerate(Cadence)},
                value=GroupRow.cadence,
            )
        elif order == "members":
            key = (
                select(func.count())
                .where(MembershipRow.group_id == GroupRow.id, _current_on(on or date.today()))
                .correlate(GroupRow)
                .scalar_subquery()
            )
        else:
            key = name
        keys = [key.desc() if descending else key.asc()]
        if order != "name":
            keys.append(name.asc())
        query = select(GroupRow).order_by(*keys, GroupRow.id)
        if text.strip():
            query = query.where(GroupRow.name.ilike(contains_pattern(text), escape="\\"))
        if active is not None:
            query = query.where(GroupRow.active.is_(active))
        return self.page(query, offset, limit)

    def name_taken(self, name: str, except_id: int | None) -> bool:
        """Another group has this name, ignoring case and spacing in any alphabet. Compared in
        Python: a council has tens of groups, and SQL's LIKE would read '_' and '%' as
        wildcards while SQLite's case folding stops at ASCII."""
        wanted = sort_key(name)
        query = select(GroupRow.id, GroupRow.name)
        return any(
            sort_key(other) == wanted and group_id != except_id
            for group_id, other in self._session.execute(query)
        )


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
            query = query.where(_current_on(current_on))
        return [self.to_record(r) for r in self.scalars(query.order_by(MembershipRow.joined_on))]

    def members_page(
        self, group_id: int, on: date, offset: int, limit: int | None
    ) -> tuple[Page[Membership], list[PersonRow]]:
        """One page of a group's memberships with their people's rows: members current ``on``
        the date first, then those still to join, then those who left (latest first); by name
        within each."""
        standing = case(
            (_current_on(on), 0),
            (MembershipRow.joined_on > on, 1),
            else_=2,
        )
        query = (
            select(MembershipRow, PersonRow)
            .join(PersonRow, PersonRow.id == MembershipRow.person_id)
            .where(MembershipRow.group_id == group_id)
            .order_by(
                standing,
                case((standing == 2, MembershipRow.left_on), else_=None).desc(),
                PersonRow.sort_name,
                MembershipRow.joined_on,
                MembershipRow.id,
            )
        )
        total = self.count(select(MembershipRow).where(MembershipRow.group_id == group_id))
        if limit is not None:
            query = query.offset(max(0, offset)).limit(max(0, limit))
        rows = self._session.execute(query).all()
        page = Page(items=tuple(self.to_record(m) for m, _p in rows), total=total, offset=offset)
        return page, [person for _m, person in rows]

    def standing_counts(self, group_id: int, on: date) -> dict[str, int]:
        """How many of the group's memberships are current, still to start, or ended ``on``
        a date."""
        standing = case(
            (_current_on(on), "current"),
            (MembershipRow.joined_on > on, "future"),
            else_="past",
        )
        query = (
            select(standing, func.count())
            .where(MembershipRow.group_id == group_id)
            .group_by(standing)
        )
        counts = {"current": 0, "future": 0, "past": 0}
        counts.update({key: count for key, count in self._session.execute(query)})
        return counts

    def overlapping(self, membership: Membership) -> Membership | None:
        """Another membership of the same person in the same group whose dates overlap."""
        query = select(MembershipRow).where(
            MembershipRow.group_id == membership.group_id,
            MembershipRow.person_id == membership.person_id,
            or_(MembershipRow.left_on.is_(None), MembershipRow.left_on > membership.joined_on),
        )
        if membership.left_on is not None:
            query = query.where(MembershipRow.joined_on < membership.left_on)
        if membership.id is not None:
            query = query.where(MembershipRow.id != membership.id)
        row = self._session.scalars(query.order_by(MembershipRow.joined_on).limit(1)).first()
        return None if row is None else self.to_record(row)

    def current_counts(self, group_ids: list[int], on: date) -> dict[int, int]:
        if not group_ids:
            return {}
        query = (
            select(MembershipRow.group_id, func.count())
            .where(MembershipRow.group_id.in_(group_ids), _current_on(on))
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
