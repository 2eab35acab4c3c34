"""Sessions of a group (``Meeting`` in code, "session" on screen): planning, agenda, attendance.

What happens to a session's dependants when it goes:
- its agenda items, attendance and preparation ticks are planning detail and are deleted with
  it (each through its repository, so each is audited; the database cascade is only the
  backstop), and returned in a ``DeletedMeeting`` so ``restore`` can put it all back (undo);
- contributions, actions, payments and ladder evidence are the record of what the group did,
  so a session that has any is never deleted: the facilitator is told what it holds and to set
  its status to Cancelled instead.
Agenda positions belong to this service: they are always 0..n-1 in the order shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.preparation import PreparationTick
from coproduce.domain.records import AgendaItem, Attendance, Meeting, Page, Person, replace
from coproduce.domain.schedule import next_start
from coproduce.domain.validation import check_agenda_item, check_attendance, check_meeting
from coproduce.domain.vocabulary import AttendanceStatus, MeetingStatus, RowKind
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


class SessionAttention(Enum):
    """Why a session that has happened needs the facilitator (``attention_of``)."""

    WRITE_UP = "Needs writing up"
    """Held (marked so, and started) but not written up yet."""
    CONFIRM_HELD = "Held? Mark it held or cancelled"
    """Over, and still marked planned: nobody has said whether it took place."""

    @property
    def label(self) -> str:
        return self.value

    @property
    def advice(self) -> str:
        """What to do about it, in a sentence."""
        if self is SessionAttention.WRITE_UP:
            return (
                "This session was held but is not written up yet: tidy up what was said "
                "(Ctrl+Shift+T), then mark it written up."
            )
        return (
            "This session's date has passed and it is still marked Planned. Was it held? "
            "Set its status to Held, or to Cancelled if it did not take place."
        )


HAPPENED = (MeetingStatus.HELD, MeetingStatus.WRITTEN_UP, MeetingStatus.SUMMARY_SHARED)
"""The statuses of a session that took place."""


def attention_of(meeting: Meeting, moment: datetime) -> SessionAttention | None:
    """What the session needs at ``moment``, if anything (see ``SessionAttention``)."""
    if meeting.status is MeetingStatus.HELD and meeting.starts_at <= moment:
        return SessionAttention.WRITE_UP
    if meeting.status is MeetingStatus.PLANNED and meeting.ends_at <= moment:
        return SessionAttention.CONFIRM_HELD
    return None


@dataclass(frozen=True, slots=True)
class SessionNeedingAttention:
    """A session that needs the facilitator, with what it needs."""

    meeting: Meeting
    group_name: str
    attention: SessionAttention


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    """What the sessions list can be narrowed by; all optional. ``starts_before`` excludes.
    ``needs_attention``: only the sessions that need the facilitator now (``attention_of``)."""

    group_id: int | None = None
    status: MeetingStatus | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    text: str = ""
    newest_first: bool = True
    order: str | None = None
    """Sort by "date" or "title" (A to Z, earliest first) instead of ``newest_first``;
    other names are refused with ``ValueError``."""
    descending: bool = False
    needs_attention: bool = False


@dataclass(frozen=True, slots=True)
class DeletedMeeting:
    """A deleted session with the agenda items, attendance marks and preparation ticks that
    went with it: enough for ``restore`` to put it all back (undo of a delete)."""

    meeting: Meeting
    agenda_items: tuple[AgendaItem, ...]
    attendance: tuple[Attendance, ...]
    preparation_ticks: tuple[PreparationTick, ...] = ()
    picture_concept: str | None = None
    """The picture concept chosen for the session's easy-read row (None: none chosen)."""
    agenda_item_concepts: tuple[tuple[int, str], ...] = ()
    """(agenda item id, concept) for each item that had a picture chosen."""


@dataclass(frozen=True, slots=True)
class AttendanceSummary:
    """The numbers a session screen shows above its register.

    ``not_marked`` counts the expected attendees with no mark yet (or still 'Expected');
    ``guests`` counts guests with any mark; ``late`` and ``left_early`` are among the present.
    """

    present: int = 0
    apologies: int = 0
    absent: int = 0
    not_marked: int = 0
    guests: int = 0
    late: int = 0
    left_early: int = 0


class MeetingService(Service):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A deleted agenda item is undone with the item itself (callers keep it), so the
        # picture concept its easy-read row had, which the database deletes with it, is kept
        # here by id for ``restore_agenda_item``: as long-lived as the undo it serves.
        self._item_concepts: dict[int, str] = {}

    # --- sessions ------------------------------------------------------------------------

    def create(self, meeting: Meeting) -> Meeting:
        """Plan a session. Its group must exist and be active; its facilitators must exist."""
        meeting = check_meeting(meeting)
        with self._store.transaction() as unit:
            self._require_active_group(unit, meeting.group_id)
            self._require_people(unit, meeting.facilitator_ids)
            return unit.meetings.add(meeting)

    def update(self, meeting: Meeting) -> Meeting:
        """Save a changed session; moving it to another group needs that group to be active."""
        meeting = check_meeting(meeting)
        if meeting.id is None:
            raise ValueError("update() needs a saved session; use create() for a new one")
        with self._store.transaction() as unit:
            stored = unit.meetings.get(meeting.id)
            if stored.group_id != meeting.group_id:
                self._require_active_group(unit, meeting.group_id)
            self._require_people(unit, meeting.facilitator_ids)
            return unit.meetings.update(meeting)

    def get(self, meeting_id: int) -> Meeting:
        with self._store.reading() as unit:
            return unit.meetings.get(meeting_id)

    def get_many(self, meeting_ids: Iterable[int]) -> list[Meeting]:
        """Sessions for ``meeting_ids`` in the order given (for lists that load rows lazily)."""
        with self._store.reading() as unit:
            return unit.meetings.get_many(meeting_ids)

    def list(
        self, filters: MeetingFilter = MeetingFilter(), *, offset: int = 0, limit: int | None = None
    ) -> Page[Meeting]:
        with self._store.reading() as unit:
            return unit.meetings.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: MeetingFilter = MeetingFilter()) -> list[int]:
        """Ids of every matching session, in list order."""
        with self._store.reading() as unit:
            return unit.meetings.ids(unit.meetings.search_query(**self._query(filters)))

    def needing_attention(self, group_ids: Iterable[int] = ()) -> list[SessionNeedingAttention]:
        """The sessions (of the groups; of every group when none) that need the facilitator
        now, oldest first: held and not written up, or over and still marked planned."""
        moment = self.moment()
        with self._store.reading() as unit:
            meetings = unit.meetings.needing_attention(moment, sorted(set(group_ids)))
            names = {g.id: g.name for g in unit.groups.list().items}
        return [
            SessionNeedingAttention(meeting, names.get(meeting.group_id, ""), attention)
            for meeting in meetings
            # The query and attention_of apply the same rule; this keeps the types honest.
            for attention in [attention_of(meeting, moment)]
            if attention is not None
        ]

    def starting_session(self) -> Meeting | None:
        """The session to open the program on: the next one (one under way included, a
        cancelled one never), else the latest that took place, else the latest still
        planned whose date has passed; None when there are no sessions to speak of."""
        moment = self.moment()
        with self._store.reading() as unit:
            return (
                unit.meetings.next_after(moment)
                or unit.meetings.latest_before(moment, HAPPENED)
                or unit.meetings.latest_before(moment, (MeetingStatus.PLANNED,))
            )

    def set_status(
        self, meeting_id: int, status: MeetingStatus, expected_version: int | None = None
    ) -> Meeting:
        with self._store.transaction() as unit:
            meeting = unit.meetings.get(meeting_id)
            if expected_version is not None:
                meeting = replace(meeting, version=expected_version)
            return unit.meetings.update(replace(meeting, status=status))

    def delete(self, meeting_id: int, expected_version: int | None = None) -> DeletedMeeting:
        """Delete a session planned by mistake, with its agenda and attendance.

        Refused when the session holds contributions, actions, payments or ladder evidence:
        those are the group's history, so the facilitator is told to cancel it instead.
        Returns what was deleted, so ``restore`` can put it back (undo).
        """
        with self._store.transaction() as unit:
            row = unit.meetings.row(meeting_id)
            unit.meetings.check_version(row, expected_version)
            meeting = unit.meetings.to_record(row)
            held = [
                _count(unit.contributions.count_where(meeting_id=meeting_id), "contribution"),
                _count(unit.actions.count_for_meeting(meeting_id), "action"),
                _count(unit.payments.list(meeting_id=meeting_id, limit=0).total, "payment"),
                _count(
                    unit.meetings.evidence_count(meeting_id),
                    "ladder assessment that cites it as evidence",
                    "ladder assessments that cite it as evidence",
                ),
            ]
            found = [h for h in held if h]
            if found:
                raise ValidationError(
                    f"The session '{meeting.title}' on {_day(meeting.starts_at)} has "
                    f"{_join(found)}, so it cannot be deleted. Set its status to "
                    f"'{MeetingStatus.CANCELLED.label}' instead: its record stays and it is "
                    "shown as cancelled."
                )
            agenda_items = tuple(unit.agenda_items.for_meeting(meeting_id))
            marks = tuple(unit.attendance.for_meeting(meeting_id))
            ticks = tuple(unit.preparation_ticks.for_meeting(meeting_id))
            concept = unit.row_pictures.concept(RowKind.SESSION, meeting_id)
            item_concepts = unit.row_pictures.concepts(
                RowKind.AGENDA_ITEM, [item.id for item in agenda_items if item.id is not None]
            )
            for item in agenda_items:
                unit.agenda_items.delete(item.id)  # type: ignore[arg-type]
            for mark in marks:
                unit.attendance.delete(mark.id)  # type: ignore[arg-type]
            for tick in ticks:
                unit.preparation_ticks.delete(tick.id)  # type: ignore[arg-type]
            unit.meetings.delete(meeting_id, expected_version)
            return DeletedMeeting(
                meeting=meeting,
                agenda_items=agenda_items,
                attendance=marks,
                preparation_ticks=ticks,
                picture_concept=concept,
                agenda_item_concepts=tuple(sorted(item_concepts.items())),
            )

    def restore(self, deleted: DeletedMeeting) -> Meeting:
        """Put a deleted session back under its old id, with its agenda, attendance and
        preparation ticks.

        What went missing meanwhile is left out rather than refusing the whole undo:
        facilitators and people no longer on the register, documents no longer on record.
        A group deleted meanwhile cannot take the session back, so that is refused."""
        meeting = deleted.meeting
        with self._store.transaction() as unit:
            if not unit.groups.exists(meeting.group_id):
                raise ValidationError(
                    f"The session '{meeting.title}' cannot be put back: its group is no longer "
                    "on record.",
                    "group_id",
                )
            present = {p.id for p in unit.people.get_many(meeting.facilitator_ids)}
            restored = unit.meetings.restore(
                replace(
                    meeting,
                    facilitator_ids=tuple(i for i in meeting.facilitator_ids if i in present),
                )
            )
            for item in deleted.agenda_items:
                unit.agenda_items.restore(self._with_existing_documents(unit, item))
            marked = [a.person_id for a in deleted.attendance]
            on_register = {p.id for p in unit.people.get_many(marked)}
            for mark in deleted.attendance:
                if mark.person_id in on_register:
                    unit.attendance.restore(mark)
            for tick in deleted.preparation_ticks:
                unit.preparation_ticks.restore(tick)
            if deleted.picture_concept is not None:
                unit.row_pictures.set(RowKind.SESSION, restored.id, deleted.picture_concept)
            for item_id, item_concept in deleted.agenda_item_concepts:
                unit.row_pictures.set(RowKind.AGENDA_ITEM, item_id, item_concept)
            return unit.meetings.get(restored.id)  # type: ignore[arg-type]

    def previous(self, meeting_id: int) -> Meeting | None:
        """The group's last session before this one that was not cancelled."""
        with self._store.reading() as unit:
            return unit.meetings.previous_of(unit.meetings.get(meeting_id))

    def suggest_next_start(self, group_id: int) -> datetime | None:
        """When the group's next session would start, by its cadence, at the usual time.

        Steps from the start of the group's latest session (cancelled ones included: the
        rhythm was planned around them); if that falls before today, keeps stepping until it
        does not. ``None`` for a group that meets when needed, or that has never met.
        """
        with self._store.reading() as unit:
            group = unit.groups.get(group_id)
            latest = unit.meetings.latest_for_group(group_id)
        if latest is None:
            return None
        return next_start(latest.starts_at, group.cadence, not_before=self.today())

    # --- agenda --------------------------------------------------------------------------

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            return unit.agenda_items.for_meeting(meeting_id)

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        with self._store.reading() as unit:
            return unit.agenda_items.get(item_id)

    def add_agenda_item(self, item: AgendaItem, *, index: int | None = None) -> AgendaItem:
        """Add an item to a session's agenda: at the end, or at ``index`` (0 is first) with
        the items from there on moving down. ``item.position`` is not used: the service
        keeps positions numbered 0..n-1 in agenda order."""
        item = check_agenda_item(item)
        with self._store.transaction() as unit:
            unit.meetings.row(item.meeting_id)
            self._require_documents(unit, item.document_ids)
            order = [i.id for i in unit.agenda_items.for_meeting(item.meeting_id)]
            added = unit.agenda_items.add(replace(item, id=None, version=0, position=len(order)))
            if index is None or index >= len(order):
                return added
            order.insert(max(0, index), added.id)
            self._renumber(unit, item.meeting_id, order)  # type: ignore[arg-type]
            return unit.agenda_items.get(added.id)  # type: ignore[arg-type]

    def update_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Save an agenda item's title, time, notes and documents. Its place in the agenda is
        kept (use ``move_agenda_item``), and it cannot move to another session."""
        item = check_agenda_item(item)
        if item.id is None:
            raise ValueError("update_agenda_item() needs a saved item; use add_agenda_item()")
        with self._store.transaction() as unit:
            stored = unit.agenda_items.get(item.id)
            if stored.meeting_id != item.meeting_id:
                raise ValidationError(
                    "An agenda item cannot be moved to another session. Add it to that "
                    "session's agenda instead.",
                    "meeting_id",
                )
            self._require_documents(unit, item.document_ids)
            return unit.agenda_items.update(replace(item, position=stored.position))

    def delete_agenda_item(
        self, item_id: int, expected_version: int | None = None
    ) -> list[AgendaItem]:
        """Remove an item and close the gap; returns the agenda as it now is.

        Contributions captured under the item stay in the session, no longer under any item
        (the database sets their agenda item to empty)."""
        with self._store.transaction() as unit:
            item = unit.agenda_items.get(item_id)
            concept = unit.row_pictures.concept(RowKind.AGENDA_ITEM, item_id)
            unit.agenda_items.delete(item_id, expected_version)
            remaining = [i.id for i in unit.agenda_items.for_meeting(item.meeting_id)]
            self._renumber(unit, item.meeting_id, remaining)  # type: ignore[arg-type]
            agenda = unit.agenda_items.for_meeting(item.meeting_id)
        if concept is not None:
            self._item_concepts[item_id] = concept
        else:
            self._item_concepts.pop(item_id, None)
        return agenda

    def restore_agenda_item(self, item: AgendaItem) -> list[AgendaItem]:
        """Put a deleted agenda item back under its old id, at the place it had
        (``item.position``, or the end if the agenda is shorter now); returns the agenda.

        Documents no longer on record are left off; a session deleted meanwhile refuses. The
        picture chosen for its easy-read row comes back with it."""
        if item.id is None:
            raise ValueError("restore_agenda_item() needs an item that was saved before")
        with self._store.transaction() as unit:
            unit.meetings.row(item.meeting_id)
            order = [i.id for i in unit.agenda_items.for_meeting(item.meeting_id)]
            restored = unit.agenda_items.restore(
                replace(self._with_existing_documents(unit, item), position=len(order))
            )
            order.insert(min(max(0, item.position), len(order)), restored.id)
            self._renumber(unit, item.meeting_id, order)  # type: ignore[arg-type]
            concept = self._item_concepts.get(item.id)
            if concept is not None:
                unit.row_pictures.set(RowKind.AGENDA_ITEM, item.id, concept)
            agenda = unit.agenda_items.for_meeting(item.meeting_id)
        self._item_concepts.pop(item.id, None)
        return agenda

    def move_agenda_item(self, item_id: int, new_index: int) -> list[AgendaItem]:
        """Move an item to ``new_index`` (0 is first; out-of-range indexes go to the ends) and
        number the agenda 0..n-1 again; returns the agenda in its new order."""
        with self._store.transaction() as unit:
            item = unit.agenda_items.get(item_id)
            order = [i.id for i in unit.agenda_items.for_meeting(item.meeting_id)]
            order.remove(item_id)
            order.insert(min(max(0, new_index), len(order)), item_id)
            self._renumber(unit, item.meeting_id, order)  # type: ignore[arg-type]
            return unit.agenda_items.for_meeting(item.meeting_id)

    # --- attendance ----------------------------------------------------------------------

    def expected_attendees(self, meeting_id: int) -> list[Person]:
        """Who belongs on the register, in name order: the group's members on the session's
        date, plus anyone already marked for this session (guests, and anyone whose
        membership dates were changed after they were marked), so no mark is ever hidden."""
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            people = unit.people.get_many(self._expected_ids(unit, meeting))
        return sorted(people, key=lambda p: (p.display_name.casefold(), p.id or 0))

    def mark_attendance(
        self,
        meeting_id: int,
        person_id: int,
        status: AttendanceStatus,
        *,
        apology_reason: str = "",
        arrived_late: bool = False,
        left_early: bool = False,
        is_guest: bool = False,
        access_needs_met: bool | None = None,
        note: str = "",
    ) -> Attendance:
        """Record (or change) one person's attendance at a session; one mark per person.

        Someone who is not a member of the group on the session's date can only be marked
        as a guest; once on the register as a guest, they stay a guest when marked again.
        Someone with contributions recorded at the session stays present (what they said
        is attributed to someone who was there).
        """
        mark = check_attendance(
            Attendance(
                meeting_id=meeting_id,
                person_id=person_id,
                status=status,
                apology_reason=apology_reason,
                arrived_late=arrived_late,
                left_early=left_early,
                is_guest=is_guest,
                access_needs_met=access_needs_met,
                note=note,
            )
        )
        with self._store.transaction() as unit:
            meeting = unit.meetings.get(meeting_id)
            person = unit.people.get(person_id)
            existing = unit.attendance.find(meeting_id, person_id)
            on = meeting.starts_at.date()
            if not mark.is_guest and not self._is_member(unit, meeting.group_id, person_id, on):
                if existing is not None and existing.is_guest:
                    mark = replace(mark, is_guest=True)
                else:
                    group = unit.groups.get(meeting.group_id)
                    raise ValidationError(
                        f"{person.display_name} was not a member of {group.name} on "
                        f"{_day(on)}. Mark them as a guest for this session, or add them "
                        "to the group first.",
                        "is_guest",
                    )
            if mark.status is not AttendanceStatus.PRESENT:
                said = unit.contributions.count_where(meeting_id=meeting_id, speaker_id=person_id)
                if said:
                    raise ValidationError(
                        f"{person.display_name} has {said} contribution(s) recorded at this "
                        "session, so they must stay marked present. Change who said those "
                        "first if they were not there.",
                        "status",
                    )
            if existing is None:
                return unit.attendance.add(mark)
            return unit.attendance.update(replace(mark, id=existing.id, version=existing.version))

    def attendance(self, meeting_id: int) -> list[Attendance]:
        """Every mark on the session's register, in the order they were first made."""
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            return unit.attendance.for_meeting(meeting_id)

    def present_counts(self, meeting_ids: list[int]) -> dict[int, int]:
        """How many were present at each of ``meeting_ids`` (0 when nobody was marked)."""
        with self._store.reading() as unit:
            counts = unit.attendance.counts_with_status(meeting_ids, AttendanceStatus.PRESENT)
        return {meeting_id: counts.get(meeting_id, 0) for meeting_id in meeting_ids}

    def present_person_ids(self, meeting_id: int) -> set[int]:
        with self._store.reading() as unit:
            return unit.attendance.person_ids(meeting_id, AttendanceStatus.PRESENT)

    def clear_attendance(self, attendance_id: int, expected_version: int | None = None) -> None:
        """Remove a mark made by mistake (the person goes back to 'not marked'). Refused for
        someone with contributions recorded at the session: they stay present."""
        with self._store.transaction() as unit:
            mark = unit.attendance.get(attendance_id)
            said = unit.contributions.count_where(
                meeting_id=mark.meeting_id, speaker_id=mark.person_id
            )
            if said:
                person = unit.people.get(mark.person_id)
                raise ValidationError(
                    f"{person.display_name} has {said} contribution(s) recorded at this "
                    "session, so they must stay marked present. Change who said those first "
                    "if they were not there.",
                    "status",
                )
            unit.attendance.delete(attendance_id, expected_version)

    def attendance_summary(self, meeting_id: int) -> AttendanceSummary:
        """Counts for the session screen: present, apologies, absent, not marked yet..."""
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            marks = {a.person_id: a for a in unit.attendance.for_meeting(meeting_id)}
            expected = self._expected_ids(unit, meeting)

        def count(status: AttendanceStatus) -> int:
            return sum(1 for a in marks.values() if a.status is status)

        present = [a for a in marks.values() if a.status is AttendanceStatus.PRESENT]
        return AttendanceSummary(
            present=len(present),
            apologies=count(AttendanceStatus.APOLOGIES),
            absent=count(AttendanceStatus.ABSENT),
            not_marked=sum(
                1
                for pid in expected
                if pid not in marks or marks[pid].status is AttendanceStatus.EXPECTED
            ),
            guests=sum(1 for a in marks.values() if a.is_guest),
            late=sum(1 for a in present if a.arrived_late),
            left_early=sum(1 for a in present if a.left_early),
        )

    # --- helpers -------------------------------------------------------------------------

    def _query(self, filters: MeetingFilter) -> dict[str, object]:
        return {
            "attention_at": self.moment() if filters.needs_attention else None,
            "group_id": filters.group_id,
            "status": filters.status,
            "starts_from": filters.starts_from,
            "starts_before": filters.starts_before,
            "text": filters.text,
            "newest_first": filters.newest_first,
            "order": filters.order,
            "descending": filters.descending,
        }

    @staticmethod
    def _with_existing_documents(unit: UnitOfWork, item: AgendaItem) -> AgendaItem:
        kept = tuple(d for d in item.document_ids if unit.documents.exists(d))
        return item if kept == item.document_ids else replace(item, document_ids=kept)

    @staticmethod
    def _require_active_group(unit: UnitOfWork, group_id: int) -> None:
        group = unit.groups.get(group_id)
        if not group.active:
            raise ValidationError(
                f"'{group.name}' is archived, so no new sessions can be planned for it. "
                "Make the group active again first, or choose another group.",
                "group_id",
            )

    @staticmethod
    def _require_people(unit: UnitOfWork, person_ids: Iterable[int]) -> None:
        wanted = list(dict.fromkeys(person_ids))
        found = {p.id for p in unit.people.get_many(wanted)}
        missing = [pid for pid in wanted if pid not in found]
        if missing:
            raise ValidationError(
                f"{_count(len(missing), 'facilitator')} chosen for this session "
                f"{'is' if len(missing) == 1 else 'are'} no longer on the register (it may "
                "have been deleted by someone else). Choose the facilitators again.",
                "facilitator_ids",
            )

    @staticmethod
    def _require_documents(unit: UnitOfWork, document_ids: Iterable[int]) -> None:
        for document_id in document_ids:
            if not unit.documents.exists(document_id):
                raise ValidationError(
                    "A document chosen for this agenda item is no longer on record (it may "
                    "have been deleted by someone else). Choose the documents again.",
                    "document_ids",
                )

    @staticmethod
    def _is_member(unit: UnitOfWork, group_id: int, person_id: int, on: date) -> bool:
        return any(
            m.person_id == person_id for m in unit.memberships.for_group(group_id, current_on=on)
        )

    @staticmethod
    def _expected_ids(unit: UnitOfWork, meeting: Meeting) -> list[int]:
        members = unit.memberships.for_group(meeting.group_id, current_on=meeting.starts_at.date())
        marked = unit.attendance.for_meeting(meeting.id)  # type: ignore[arg-type]
        return list(dict.fromkeys([m.person_id for m in members] + [a.person_id for a in marked]))

    @staticmethod
    def _renumber(unit: UnitOfWork, meeting_id: int, ordered_ids: list[int]) -> None:
        """Give the items positions 0..n-1 in ``ordered_ids`` order, saving only changes."""
        current = {i.id: i for i in unit.agenda_items.for_meeting(meeting_id)}
        for position, item_id in enumerate(ordered_ids):
            item = current[item_id]
            if item.position != position:
                unit.agenda_items.update(replace(item, position=position))

    # --- attendance: the register's marks, undo and redo --------------------------------

    def set_attendance(
        self,
        meeting_id: int,
        person_id: int,
        mark: Attendance | None,
        *,
        last_seen: Attendance | None,
    ) -> Attendance | None:
        """Make one person's mark exactly ``mark`` (None: not marked, off the register if
        they were a guest); returns the mark as saved. How the register marks, and how its
        undo and redo put a mark back.

        ``last_seen`` is the mark as the caller last saw it (None: they saw none), or, for an
        undo, as the change being undone left it. If the mark now says something else
        (someone else marked the person since), nothing is saved and ``ConflictError`` says
        so. What the mark says is compared, not its version, so undoing several marks of one
        person in a row works. The rules of ``mark_attendance`` and
        ``clear_attendance`` apply: a non-member only as a guest, and someone with
        contributions at the session stays present.
        """
        with self._store.transaction() as unit:
            meeting = unit.meetings.get(meeting_id)
            person = unit.people.get(person_id)
            existing = unit.attendance.find(meeting_id, person_id)
            if _what_it_says(existing) != _what_it_says(last_seen):
                changed = existing or last_seen
                raise ConflictError(
                    "Attendance",
                    changed.id or 0,  # type: ignore[union-attr]
                    f"{person.display_name} at '{meeting.title}'",
                )
            if mark is None:
                if existing is not None:
                    self._keep_speakers_present(unit, meeting_id, person, AttendanceStatus.EXPECTED)
                    unit.attendance.delete(existing.id)  # type: ignore[arg-type]
                return None
            wanted = check_attendance(
                replace(mark, meeting_id=meeting_id, person_id=person_id, id=None, version=0)
            )
            if not wanted.is_guest and not self._is_member(
                unit, meeting.group_id, person_id, meeting.starts_at.date()
            ):
                if existing is not None and existing.is_guest:
                    wanted = replace(wanted, is_guest=True)
                else:
                    group = unit.groups.get(meeting.group_id)
                    raise ValidationError(
                        f"{person.display_name} was not a member of {group.name} on "
                        f"{_day(meeting.starts_at.date())}. Mark them as a guest for this "
                        "session, or add them to the group first.",
                        "is_guest",
                    )
            self._keep_speakers_present(unit, meeting_id, person, wanted.status)
            if existing is None:
                return unit.attendance.add(wanted)
            return unit.attendance.update(replace(wanted, id=existing.id, version=existing.version))

    @staticmethod
    def _keep_speakers_present(
        unit: UnitOfWork, meeting_id: int, person: Person, status: AttendanceStatus
    ) -> None:
        """Refuse to mark someone anything but present when they have contributions at the
        session: what they said is attributed to someone who was there."""
        if status is AttendanceStatus.PRESENT:
            return
        said = unit.contributions.count_where(meeting_id=meeting_id, speaker_id=person.id)
        if said:
            raise ValidationError(
                f"{person.display_name} has {said} contribution(s) recorded at this "
                "session, so they must stay marked present. Change who said those first "
                "if they were not there.",
                "status",
            )


def _what_it_says(mark: Attendance | None) -> Attendance | None:
    """A mark without its identity (id, version): what two marks are compared by."""
    return None if mark is None else replace(mark, id=None, version=0)


def _day(moment: date) -> str:
    """A date as a facilitator writes it: '3 March 2026'."""
    return f"{moment.day} {moment:%B %Y}"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    if not n:
        return ""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
