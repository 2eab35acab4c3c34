"""A session's preparation checklist: what to arrange for the people expected, and the ticks.

The items are worked out every time from the needs of the people expected at the session
(the group's members on its date and guests on the register, leaving out anyone marked
apologies or absent), by ``domain.preparation.build_checklist``. Only ticks are stored, per
session and item key. A tick for an item that no longer applies is kept but not listed, and
comes back with the item (the person who sent apologies is expected again).
"""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.preparation import PreparationItem, PreparationTick, build_checklist
from coproduce.domain.records import Meeting, replace
from coproduce.domain.vocabulary import AttendanceStatus
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

NOT_EXPECTED = (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    """One item of the checklist with its tick (None: never ticked)."""

    item: PreparationItem
    tick: PreparationTick | None = None

    @property
    def done(self) -> bool:
        return self.tick is not None and self.tick.done


class PreparationService(Service):
    def checklist(self, meeting_id: int) -> list[ChecklistLine]:
        """What to arrange for the session, in checklist order, with each item's tick."""
        with self._store.reading() as unit:
            items = self._items(unit, unit.meetings.get(meeting_id))
            ticks = {t.item_key: t for t in unit.preparation_ticks.for_meeting(meeting_id)}
        return [ChecklistLine(item, ticks.get(item.key)) for item in items]

    def ticks(self, meeting_id: int) -> list[PreparationTick]:
        """Every tick stored for the session, including those of items no longer listed."""
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            return unit.preparation_ticks.for_meeting(meeting_id)

    def tick(self, meeting_id: int, item_key: str) -> PreparationTick:
        """Mark an item done, by whoever is using the program, now."""
        return self._set_done(meeting_id, item_key, True)

    def untick(self, meeting_id: int, item_key: str) -> PreparationTick:
        """Mark an item not done (yet). The tick's row stays, saying so."""
        return self._set_done(meeting_id, item_key, False)

    def put_back(
        self,
        meeting_id: int,
        item_key: str,
        tick: PreparationTick | None,
        *,
        last_seen: PreparationTick | None,
    ) -> PreparationTick | None:
        """Make the item's tick exactly ``tick`` again, who and when included (None: as if
        never ticked): the undo and redo of a tick. ``last_seen`` is the tick as the change
        being undone (or redone) left it; if the tick now says something else (someone else
        changed it), ``ConflictError`` and nothing changes. What it says is compared, not its
        version, so several undos in a row work. Works for items no longer listed too: undo
        puts back what was there."""
        with self._store.transaction() as unit:
            unit.meetings.row(meeting_id)
            existing = unit.preparation_ticks.find(meeting_id, item_key)
            if _what_it_says(existing) != _what_it_says(last_seen):
                changed = existing or last_seen
                raise ConflictError(
                    "Preparation tick",
                    changed.id or 0,
                    "an item of the preparation checklist",  # type: ignore[union-attr]
                )
            if tick is None:
                if existing is not None:
                    unit.preparation_ticks.delete(existing.id)  # type: ignore[arg-type]
                return None
            wanted = replace(tick, meeting_id=meeting_id, item_key=item_key)
            if existing is None:
                return unit.preparation_ticks.add(replace(wanted, id=None, version=0))
            return unit.preparation_ticks.update(
                replace(wanted, id=existing.id, version=existing.version)
            )

    # --- helpers -------------------------------------------------------------------------

    def _set_done(self, meeting_id: int, item_key: str, done: bool) -> PreparationTick:
        with self._store.transaction() as unit:
            meeting = unit.meetings.get(meeting_id)
            if item_key not in {item.key for item in self._items(unit, meeting)}:
                raise ValidationError(
                    "This item is no longer on the checklist: nobody expected at the session "
                    "needs it now (someone may have sent apologies, or their needs changed). "
                    "Look at the checklist again.",
                    "item_key",
                )
            wanted = PreparationTick(
                meeting_id=meeting_id,
                item_key=item_key,
                done=done,
                done_by=unit.actor if done else "",
                done_at=self.now() if done else None,
            )
            existing = unit.preparation_ticks.find(meeting_id, item_key)
            if existing is None:
                return unit.preparation_ticks.add(wanted)
            if existing.done == done:  # already so (ticked twice): keep who did it first
                return existing
            return unit.preparation_ticks.update(
                replace(wanted, id=existing.id, version=existing.version)
            )

    @staticmethod
    def _items(unit: UnitOfWork, meeting: Meeting) -> list[PreparationItem]:
        members = unit.memberships.for_group(meeting.group_id, current_on=meeting.starts_at.date())
        marks = unit.attendance.for_meeting(meeting.id)  # type: ignore[arg-type]
        away = {a.person_id for a in marks if a.status in NOT_EXPECTED}
        expected = dict.fromkeys([m.person_id for m in members] + [a.person_id for a in marks])
        people = unit.people.get_many([pid for pid in expected if pid not in away])
        return build_checklist(people)


def _what_it_says(tick: PreparationTick | None) -> tuple[bool, str, object] | None:
    return None if tick is None else (tick.done, tick.done_by, tick.done_at)
