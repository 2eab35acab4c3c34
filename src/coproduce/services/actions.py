"""The action log: what a session agreed to do, who owns it, and when it is due.

An action belongs to the session where it was agreed. While it is open (Open or In
progress) it is carried forward: every later session of the same group shows it under
"Actions from last time" until it is marked done or dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Action, Page, replace
from coproduce.domain.validation import check_action
from coproduce.domain.vocabulary import ActionStatus
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ActionFilter:
    """What the action log can be narrowed by; all optional.

    ``open_only`` keeps Open and In progress actions; ``overdue`` keeps open actions whose
    due date is before today (an action due today is not overdue yet); ``text`` matches
    words anywhere in what is to be done.
    """

    meeting_id: int | None = None
    group_id: int | None = None
    owner_id: int | None = None
    status: ActionStatus | None = None
    open_only: bool = False
    overdue: bool = False
    text: str = ""


class ActionService(Service):
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
        with self._store.transaction() as unit:
            return unit.actions.get(action_id)

    def get_many(self, action_ids: Iterable[int]) -> list[Action]:
        """Actions for ``action_ids`` in the order given (for lists that load rows lazily)."""
        with self._store.transaction() as unit:
            return unit.actions.get_many(action_ids)

    def delete(self, action_id: int, expected_version: int | None = None) -> None:
        """Delete an action logged by mistake. An action that will not happen should be
        marked Dropped instead, so the log shows it was decided."""
        with self._store.transaction() as unit:
            unit.actions.delete(action_id, expected_version)

    def list(
        self, filters: ActionFilter = ActionFilter(), *, offset: int = 0, limit: int | None = None
    ) -> Page[Action]:
        """Matching actions: soonest due first, those with no due date last."""
        with self._store.transaction() as unit:
            return unit.actions.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: ActionFilter = ActionFilter()) -> list[int]:
        with self._store.transaction() as unit:
            return unit.actions.ids(unit.actions.search_query(**self._query(filters)))

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

    def carried_forward(self, meeting_id: int) -> list[Action]:
        """The "Actions from last time" for a session: every action still open (Open or In
        progress) that was agreed at ANY earlier session of the same group, oldest first.

        Deliberately all earlier sessions, not only the previous one: an action stays on the
        agenda until it is done or dropped, even if a session went by without mentioning it
        (or was cancelled), so nothing agreed with the group quietly falls off the log.
        Actions agreed at this session itself are not included.
        """
        with self._store.transaction() as unit:
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
            "status": filters.status,
            "open_only": filters.open_only,
            "overdue_on": self.today() if filters.overdue else None,
            "text": filters.text,
        }

    @staticmethod
    def _require_owner(unit: UnitOfWork, owner_id: int | None) -> None:
        if owner_id is not None and not unit.people.exists(owner_id):
            raise ValidationError(
                "The person chosen to own this action is no longer on the register (they may "
                "have been deleted by someone else). Choose the owner again, or leave it empty.",
                "owner_id",
            )
