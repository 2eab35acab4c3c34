"""Meeting mode: what the facilitator's capture view needs while a session runs.

The capture view saves a contribution with one key press, so the rules it relies on live here
in one place:

- A contribution captured against an agenda item is linked, in the same transaction, to every
  document of that item (relation CONSIDERED): either both happen or neither does.
- The speakers offered are those marked present, each with whether their 'quoted by name'
  consent is in force, so the facilitator can see in the room how the words will be shown.
- Unsaved text in the capture box is kept as a draft per facilitator and session (the store
  keys drafts by who typed them), and discarded in the transaction that saves it. The draft
  keeps what the marking keys chose for it too (its kind, and whether it goes into the
  easy-read summary).
- Where the facilitator was in the agenda, and how long each item has run, is kept the same
  way (``CapturePosition``), so meeting mode reopened carries on where it was left.
- A late arrival or an early leave changes only that fact on the register: the rest of the
  person's mark (guest, access needs met, note) is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from coproduce.domain.attribution import attributed_name
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Attendance, Contribution, Link, replace
from coproduce.domain.validation import check_contribution, check_link
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    ConsentPurpose,
    ContributionKind,
    LinkRelation,
)
from coproduce.services.base import Service
from coproduce.services.contributions import ContributionService
from coproduce.services.meetings import MeetingService


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone marked present, as the capture view offers them."""

    person_id: int
    name: str
    quoted_by_name: bool
    """Their consent to be quoted by name is in force today."""


@dataclass(frozen=True, slots=True)
class CaptureDraft:
    """What was in the capture box when it was last saved as a draft."""

    text: str = ""
    speaker: str = ""
    """The speaker box as typed (a name, or letters of one)."""
    kind: ContributionKind = ContributionKind.IDEA
    in_summary: bool = False
    """Alt+M chose it for the session's easy-read summary."""

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.speaker.strip()


@dataclass(frozen=True, slots=True)
class CapturePosition:
    """Where meeting mode was in the agenda: the item shown, and the seconds each item has
    run so far (items never shown are left out)."""

    agenda_item_id: int | None = None
    seconds: tuple[tuple[int, int], ...] = ()
    """(agenda item id, seconds on it), in agenda order of first visit."""

    def seconds_on(self, agenda_item_id: int) -> int:
        return dict(self.seconds).get(agenda_item_id, 0)


@dataclass(frozen=True, slots=True)
class CapturedEntry:
    """A contribution as the capture view's recent list shows it."""

    contribution: Contribution
    shown_as: str
    """The source as every output shows it (``attributed_name``)."""


def _draft_key(meeting_id: int) -> str:
    return f"capture:meeting:{meeting_id}"


def _position_key(meeting_id: int) -> str:
    return f"capture:position:{meeting_id}"


class CaptureService(Service):
    # --- speakers ------------------------------------------------------------------------

    def speakers(self, meeting_id: int) -> list[Speaker]:
        """Everyone marked present at the session, in name order, with their consent."""
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            ids = sorted(unit.attendance.person_ids(meeting_id, AttendanceStatus.PRESENT))
            people = unit.people.get_many(ids)
            consenting = unit.consents.people_with(ConsentPurpose.QUOTED_BY_NAME, ids)
        speakers = [
            Speaker(p.id, p.display_name, p.id in consenting) for p in people if p.id is not None
        ]
        return sorted(speakers, key=lambda s: (s.name.casefold(), s.person_id))

    def not_present(self, meeting_id: int) -> list[tuple[int, str]]:
        """Expected people not marked present (who may yet arrive late), in name order."""
        meetings = MeetingService(self._store, self._today)
        present = meetings.present_person_ids(meeting_id)
        return [
            (p.id, p.display_name)
            for p in meetings.expected_attendees(meeting_id)
            if p.id is not None and p.id not in present
        ]

    # --- capture -------------------------------------------------------------------------

    def capture(
        self,
        contribution: Contribution,
        *,
        link_documents: bool = True,
        discard_draft: bool = True,
    ) -> Contribution:
        """Save a contribution said in the room; when it is on an agenda item (and
        ``link_documents``), link it to each of the item's documents as CONSIDERED. The
        facilitator's draft for the session is discarded in the same transaction (unless
        ``discard_draft`` is False: a redo must not throw away what is being typed)."""
        contribution = check_contribution(contribution)
        if contribution.captured_at is None:
            contribution = replace(contribution, captured_at=self.now())
        with self._store.transaction() as unit:
            # The same rules as any other contribution (speaker present, item of this session).
            ContributionService._check_places(unit, contribution, check_speaker=True)
            saved = unit.contributions.add(contribution)
            assert saved.id is not None
            if link_documents and saved.agenda_item_id is not None:
                item = unit.agenda_items.get(saved.agenda_item_id)
                for document_id in dict.fromkeys(item.document_ids):
                    unit.links.add(
                        check_link(
                            Link(
                                contribution_id=saved.id,
                                document_id=document_id,
                                relation=LinkRelation.CONSIDERED,
                            )
                        )
                    )
            if discard_draft:
                unit.drafts.discard(_draft_key(saved.meeting_id))
            return saved

    def recent(self, meeting_id: int, limit: int = 20) -> list[CapturedEntry]:
        """The session's last ``limit`` contributions, newest first, each with the source as
        it will be shown (a name only with 'quoted by name' consent in force)."""
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            total = unit.contributions.count_where(meeting_id=meeting_id)
            page = unit.contributions.list(
                offset=max(0, total - limit), limit=limit, meeting_id=meeting_id
            )
            speaker_ids = sorted({c.speaker_id for c in page.items if c.speaker_id})
            names = {p.id: p.display_name for p in unit.people.get_many(speaker_ids)}
            consenting = unit.consents.people_with(ConsentPurpose.QUOTED_BY_NAME, speaker_ids)
        return [
            CapturedEntry(
                c,
                attributed_name(
                    c,
                    names.get(c.speaker_id) if c.speaker_id else None,
                    c.speaker_id in consenting,
                ),
            )
            for c in reversed(page.items)
        ]

    # --- the register, from the room -----------------------------------------------------

    def mark_arrived_late(self, meeting_id: int, person_id: int) -> Attendance:
        """Mark someone present who arrived after the start, keeping the rest of their mark."""
        existing = self._mark_of(meeting_id, person_id)
        return self._mark(existing, meeting_id, person_id, arrived_late=True)

    def mark_left_early(self, meeting_id: int, person_id: int) -> Attendance:
        """Note that someone present left before the end; they stay present (what they said
        before leaving is still theirs)."""
        existing = self._mark_of(meeting_id, person_id)
        if existing is None or existing.status is not AttendanceStatus.PRESENT:
            person = self._store_person_name(person_id)
            raise ValidationError(
                f"{person} is not marked present, so they cannot have left early. Mark them "
                "as arrived first.",
                "person_id",
            )
        return self._mark(existing, meeting_id, person_id, left_early=True)

    def _mark_of(self, meeting_id: int, person_id: int) -> Attendance | None:
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            return unit.attendance.find(meeting_id, person_id)

    def _store_person_name(self, person_id: int) -> str:
        with self._store.reading() as unit:
            return unit.people.get(person_id).display_name

    def _mark(
        self, existing: Attendance | None, meeting_id: int, person_id: int, **change: bool
    ) -> Attendance:
        kept = existing or Attendance(meeting_id=meeting_id, person_id=person_id)
        return MeetingService(self._store, self._today).mark_attendance(
            meeting_id,
            person_id,
            AttendanceStatus.PRESENT,
            arrived_late=change.get("arrived_late", kept.arrived_late),
            left_early=change.get("left_early", kept.left_early),
            is_guest=kept.is_guest,
            access_needs_met=kept.access_needs_met,
            note=kept.note,
        )

    # --- drafts --------------------------------------------------------------------------

    def save_draft(
        self, meeting_id: int, draft: CaptureDraft, *, busy_wait_ms: int | None = None
    ) -> None:
        """Keep what is in the capture box, for this facilitator and session; an empty box
        discards the draft.

        An autosave passes a short ``busy_wait_ms``: while another program writes, it raises
        ``DatabaseBusyError`` after that long instead of freezing the window for the full
        busy timeout, and the caller keeps the text and tries again."""
        if draft.is_empty:
            self.discard_draft(meeting_id, busy_wait_ms=busy_wait_ms)
            return
        payload = json.dumps(
            {
                "text": draft.text,
                "speaker": draft.speaker,
                "kind": draft.kind.value,
                "in_summary": draft.in_summary,
            },
            ensure_ascii=False,
        )
        with self._store.transaction(busy_wait_ms=busy_wait_ms) as unit:
            unit.meetings.row(meeting_id)
            unit.drafts.save(_draft_key(meeting_id), payload)

    def load_draft(self, meeting_id: int) -> CaptureDraft | None:
        """The draft left for this session by this facilitator, or None."""
        with self._store.reading() as unit:
            found = unit.drafts.load(_draft_key(meeting_id))
        if found is None:
            return None
        try:
            data = json.loads(found[0])
            return CaptureDraft(
                text=str(data.get("text", "")),
                speaker=str(data.get("speaker", "")),
                kind=ContributionKind(data.get("kind", ContributionKind.IDEA.value)),
                in_summary=data.get("in_summary") is True,
            )
        except (ValueError, AttributeError, TypeError):
            # Not written by this service: keep the words rather than lose them.
            return CaptureDraft(text=found[0])

    def discard_draft(self, meeting_id: int, *, busy_wait_ms: int | None = None) -> None:
        with self._store.transaction(busy_wait_ms=busy_wait_ms) as unit:
            unit.drafts.discard(_draft_key(meeting_id))

    # --- where the facilitator was -------------------------------------------------------

    def save_position(
        self, meeting_id: int, position: CapturePosition, *, busy_wait_ms: int | None = None
    ) -> None:
        """Keep where meeting mode is in the agenda, for this facilitator and session
        (``busy_wait_ms`` as for ``save_draft``)."""
        payload = json.dumps(
            {
                "item": position.agenda_item_id,
                "seconds": [[item, max(0, int(spent))] for item, spent in position.seconds],
            }
        )
        with self._store.transaction(busy_wait_ms=busy_wait_ms) as unit:
            unit.meetings.row(meeting_id)
            unit.drafts.save(_position_key(meeting_id), payload)

    def load_position(self, meeting_id: int) -> CapturePosition | None:
        """Where meeting mode was left for this session by this facilitator, or None. An
        agenda item deleted since is dropped (the view then starts at the first item)."""
        with self._store.reading() as unit:
            found = unit.drafts.load(_position_key(meeting_id))
            items = {item.id for item in unit.agenda_items.for_meeting(meeting_id)}
        if found is None:
            return None
        try:
            data = json.loads(found[0])
            item = data.get("item")
            seconds = tuple(
                (int(item_id), int(spent))
                for item_id, spent in data.get("seconds", [])
                if int(item_id) in items
            )
        except (ValueError, AttributeError, TypeError):
            return None  # not written by this service: start at the beginning
        return CapturePosition(item if item in items else None, seconds)
