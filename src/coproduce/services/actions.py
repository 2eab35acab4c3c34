"""The action log: what a session agreed to do, who owns it, and when it is due.

An action belongs to the session where it was agreed. While it is open (Open or In
progress) it is carried forward: every later session of the same group shows it under
"Actions from last time" until it is marked done or dropped.

The log across all sessions (``entries``) gives each action with its owner, session and
group, filtered and sorted in the database. Deleting returns the action as it was, so
``restore`` can put it back (undo).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Action, GroupName, Page, PersonName, SessionTitle, replace
from coproduce.domain.validation import check_action
from coproduce.domain.vocabulary import ActionStatus, RowKind
from coproduce.services.base import Service
from coproduce.store.meetings import ActionRepository
from coproduce.store.unit_of_work import UnitOfWork

ACTION_ORDERS: tuple[str, ...] = ActionRepository.ORDERS
"""What ``ActionFilter.order`` may be: "due", "status", "owner" (name) or "session" (date)."""


@dataclass(frozen=True, slots=True)
class ActionFilter:
    """What the action log can be narrowed by; all optional.

    ``open_only`` keeps Open and In progress actions; ``overdue`` keeps open actions whose
    due date is before today (an action due today is not overdue yet); ``text`` matches
    words anywhere in what is to be done; ``owner_text`` matches part of the owner's name.
    ``order`` is one of ``ACTION_ORDERS`` (others are refused with ``ValueError``); None
    lists those still to do first, soonest due first.
    """

    meeting_id: int | None = None
    group_id: int | None = None
    owner_id: int | None = None
    owner_text: str = ""
    status: ActionStatus | None = None
    open_only: bool = False
    overdue: bool = False
    text: str = ""
    order: str | None = None
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One line of the action log: the action with its owner (if any), the session it was
    agreed at and that session's group."""

    action: Action
    owner: PersonName | None
    session: SessionTitle
    group: GroupName


class ActionService(Service):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The deleted action itself is the snapshot callers keep for undo, so the picture
        # concept its easy-read row had (which the database deletes with it) is kept here,
        # by id, for ``restore``: undo lives only as long as this program does, and so does
        # this.
        self._picture_concepts: dict[int, str] = {}

    def create(self, action: Action) -> Action:
        """Log an action for a session. The session must exist; so must the owner, if any."""
        action = self._check(action)
        with self._store.transaction() as unit:
            unit.meetings.row(action.meeting_id)
            self._require_owner(unit, action.owner_id)
            return unit.actions.add(action)

    def update(self, action: Action) -> Action:
        action = self._check(action)
        if action.id is None:
            raise ValueError("update() needs a saved action; use create() for a new one")
        with self._store.transaction() as unit:
            stored = unit.actions.get(action.id)
            if stored.meeting_id != action.meeting_id:
                unit.meetings.row(action.meeting_id)
            if stored.owner_id != action.owner_id:
                self._require_owner(unit, action.owner_id)
            return unit.actions.update(action)

    def get(self, action_id: int) -> Action:
        with self._store.reading() as unit:
            return unit.actions.get(action_id)

    def get_many(self, action_ids: Iterable[int]) -> list[Action]:
        """Actions for ``action_ids`` in the order given (for lists that load rows lazily)."""
        with self._store.reading() as unit:
            return unit.actions.get_many(action_ids)

    def delete(self, action_id: int, expected_version: int | None = None) -> Action:
        """Delete an action logged by mistake; returns it as it was, for ``restore`` (undo).
        An action that will not happen should be marked Dropped instead, so the log shows
        it was decided. Nothing else refers to an action, so nothing goes with it."""
        with self._store.transaction() as unit:
            action = unit.actions.get(action_id)
            concept = unit.row_pictures.concept(RowKind.ACTION, action_id)
            unit.actions.delete(action_id, expected_version)
        if concept is not None:
            self._picture_concepts[action_id] = concept
        else:
            self._picture_concepts.pop(action_id, None)
        return action

    def restore(self, deleted: Action) -> Action:
        """Put a deleted action back under its old id (undo of ``delete``).

        Refused when its session has been deleted since. If its owner has been deleted
        since, the action comes back with nobody owning it rather than not at all. The picture
        chosen for its easy-read row comes back with it."""
        with self._store.transaction() as unit:
            if not unit.meetings.exists(deleted.meeting_id):
                raise ValidationError(
                    "The session this action was agreed at has been deleted since, so the "
                    "action cannot be put back. Log it again at another session if it is "
                    "still needed.",
                    "meeting_id",
                )
            if deleted.owner_id is not None and not unit.people.exists(deleted.owner_id):
                deleted = replace(deleted, owner_id=None)
            restored = unit.actions.restore(deleted)
            concept = self._picture_concepts.get(restored.id or 0)
            if concept is not None:
                unit.row_pictures.set(RowKind.ACTION, restored.id, concept)
        self._picture_concepts.pop(restored.id or 0, None)
        return restored

    def list(
        self, filters: ActionFilter = ActionFilter(), *, offset: int = 0, limit: int | None = None
    ) -> Page[Action]:
        """Matching actions: soonest due first, those with no due date last."""
        with self._store.reading() as unit:
            return unit.actions.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: ActionFilter = ActionFilter()) -> list[int]:
        with self._store.reading() as unit:
            return unit.actions.ids(unit.actions.search_query(**self._query(filters)))

    def entries(
        self, filters: ActionFilter = ActionFilter(), *, offset: int = 0, limit: int | None = None
    ) -> Page[ActionEntry]:
        """The action log as the window shows it: like ``list``, each action with its owner's
        name and needs, its session's title and its group's name (three queries per page,
        whatever its length)."""
        with self._store.reading() as unit:
            page = unit.actions.log_lines(offset=offset, limit=limit, **self._query(filters))
        items = tuple(
            ActionEntry(action, owner, session, group)
            for action, session, group, owner in page.items
        )
        return Page(items=items, total=page.total, offset=page.offset)

    def mark_done(
        self, action_id: int, done_on: date | None = None, expected_version: int | None = None
    ) -> Action:
        """Mark an action done (today unless ``done_on`` says otherwise)."""
        with self._store.transaction() as unit:
            action = unit.actions.get(action_id)
            if expected_version is not None:
                action = replace(action, version=expected_version)
            done = check_action(
                replace(action, status=ActionStatus.DONE, done_on=done_on or self.today())
            )
            return unit.actions.update(done)

    def drop(self, action_id: int, expected_version: int | None = None) -> Action:
        """Mark an action Dropped: it will not happen, and the log keeps that decision."""
        with self._store.transaction() as unit:
            action = unit.actions.get(action_id)
            if expected_version is not None:
                action = replace(action, version=expected_version)
            dropped = check_action(replace(action, status=ActionStatus.DROPPED, done_on=None))
            return unit.actions.update(dropped)

    def carried_forward(self, meeting_id: int) -> list[Action]:
        """The "Actions from last time" for a session: every action still open (Open or In
        progress) that was agreed at ANY earlier session of the same group, oldest first.

        Deliberately all earlier sessions, not only the previous one: an action stays on the
        agenda until it is done or dropped, even if a session went by without mentioning it
        (or was cancelled), so nothing agreed with the group quietly falls off the log.
        Actions agreed at this session itself are not included.
        """
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            return unit.actions.open_from_earlier_sessions(meeting)

    # --- helpers -------------------------------------------------------------------------

    def _check(self, action: Action) -> Action:
        # The domain check would date a done action by the computer's clock; use ours.
        if action.status is ActionStatus.DONE and action.done_on is None:
            action = replace(action, done_on=self.today())
        return check_action(action)

    def _query(self, filters: ActionFilter) -> dict[str, object]:
        return {
            "meeting_id": filters.meeting_id,
            "group_id": filters.group_id,
            "owner_id": filters.owner_id,
            "owner_text": filters.owner_text,
            "status": filters.status,
            "open_only": filters.open_only,
            "overdue_on": self.today() if filters.overdue else None,
            "text": filters.text,
            "order": filters.order,
            "descending": filters.descending,
        }

    @staticmethod
    def _require_owner(unit: UnitOfWork, owner_id: int | None) -> None:
        if owner_id is not None and not unit.people.exists(owner_id):
            raise ValidationError(
                "The person chosen to own this action is no longer on the register (they may "
                "have been deleted by someone else). Choose the owner again, or leave it empty.",
                "owner_id",
            )
