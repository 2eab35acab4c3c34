"""Easy words for one record, read and written wherever a handout asks for them.

An easy-read handout leaves out an entry whose words do not pass the plain-language gate and
lists it (``documents.easy_read.NeedsWords``) with the record it came from: a session, an agenda
item, a contribution, a response or an action. The export dialog lets the facilitator write the
easy words right there; this service reads the record's own text beside its easy words, and
saves the new easy words through the record's own service (so the usual checks and the
version check apply: a colleague's change is never overwritten).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coproduce.domain.vocabulary import RowKind
from coproduce.services.actions import ActionService
from coproduce.services.base import Service
from coproduce.services.contributions import ContributionService
from coproduce.services.meetings import MeetingService


@dataclass(frozen=True, slots=True)
class EasyWords:
    """A record's own words and its easy-read words."""

    kind: RowKind
    record_id: int
    raw: str
    """What the record says (notes, the contribution as typed, the response and its reason)."""
    easy: str
    """The easy-read words written for it ("" when none)."""
    version: int
    """The record's version, checked when the easy words are saved."""


class EasyWordsService(Service):
    """Reads and writes the easy-read words of the records a handout prints."""

    def read(self, kind: RowKind, record_id: int) -> EasyWords:
        with self._store.reading() as unit:
            if kind is RowKind.SESSION:
                meeting = unit.meetings.get(record_id)
                return EasyWords(kind, record_id, meeting.notes, meeting.easy_read, meeting.version)
            if kind is RowKind.AGENDA_ITEM:
                item = unit.agenda_items.get(record_id)
                raw = "\n".join(filter(None, (item.title, item.notes)))
                return EasyWords(kind, record_id, raw, item.easy_read, item.version)
            if kind is RowKind.CONTRIBUTION:
                said = unit.contributions.get(record_id)
                return EasyWords(kind, record_id, said.text, said.easy_read, said.version)
            if kind is RowKind.RESPONSE:
                answer = unit.responses.get(record_id)
                raw = "\n".join(filter(None, (answer.text, answer.reason, answer.referred_to)))
                return EasyWords(kind, record_id, raw, answer.easy_read, answer.version)
            action = unit.actions.get(record_id)
            return EasyWords(kind, record_id, action.text, action.easy_read, action.version)

    def write(self, kind: RowKind, record_id: int, easy: str, version: int) -> EasyWords:
        """Save ``easy`` as the record's easy-read words. ``version`` is the one ``read``
        gave: a record changed since is refused (``ConflictError``), never overwritten.
        Returns the record as saved (its new version), for undo."""
        text = easy.strip()
        today = self._today
        if kind is RowKind.SESSION:
            meetings = MeetingService(self._store, today)
            meeting = replace(meetings.get(record_id), version=version)
            saved = meetings.update(replace(meeting, easy_read=text))
            return EasyWords(kind, record_id, saved.notes, saved.easy_read, saved.version)
        if kind is RowKind.AGENDA_ITEM:
            meetings = MeetingService(self._store, today)
            with self._store.reading() as unit:
                item = replace(unit.agenda_items.get(record_id), version=version)
            saved_item = meetings.update_agenda_item(replace(item, easy_read=text))
            raw = "\n".join(filter(None, (saved_item.title, saved_item.notes)))
            return EasyWords(kind, record_id, raw, saved_item.easy_read, saved_item.version)
        if kind is RowKind.CONTRIBUTION:
            contributions = ContributionService(self._store, today)
            said = replace(contributions.get(record_id), version=version)
            saved_said = contributions.update(replace(said, easy_read=text))
            return EasyWords(
                kind, record_id, saved_said.text, saved_said.easy_read, saved_said.version
            )
        if kind is RowKind.RESPONSE:
            contributions = ContributionService(self._store, today)
            with self._store.reading() as unit:
                answer = replace(unit.responses.get(record_id), version=version)
            saved_answer = contributions.respond(replace(answer, easy_read=text))
            return self.read(kind, saved_answer.id or record_id)
        actions = ActionService(self._store, today)
        action = replace(actions.get(record_id), version=version)
        saved_action = actions.update(replace(action, easy_read=text))
        return EasyWords(
            kind, record_id, saved_action.text, saved_action.easy_read, saved_action.version
        )
