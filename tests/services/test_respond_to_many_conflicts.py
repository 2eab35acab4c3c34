"""Two facilitators answering the same contributions at once, on both databases.

Each user has their own ``Services`` over the same database (as two copies of the program on
a shared PostgreSQL server would). A batch answer, its undo and redo, and marking answers as
fed back are refused when any of the responses changed since the caller read it; nothing of
the other person's work is replaced unseen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError
from coproduce.domain.records import (
    Contribution,
    Group,
    Meeting,
    Person,
    Response,
    replace,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    FeedbackMethod,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.store.database import Database

STARTS = datetime(2026, 3, 10, 10, 0)
DECISION = Response(
    contribution_id=0,
    status=ResponseStatus.ALREADY_HAPPENING,
    text="The short breaks service already opens at weekends.",
    decided_by="Commissioning team",
    decided_on=date(2026, 4, 2),
)


@pytest.fixture
def other_user(database_url: str) -> Iterator[Services]:
    """A second facilitator: their own connection to the same database."""
    database = Database.open(database_url)
    yield Services(database, actor="Bea Other")
    database.close()


@dataclass
class Said:
    answered: Contribution
    """Already answered "under consideration" (no feedback yet)."""
    unanswered: Contribution


def said_at_a_session(services: Services) -> Said:
    group = services.groups.create(Group(name="Carers' forum"))
    ann = services.people.create(Person(display_name="Ann Patel"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March session",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
        )
    )
    services.meetings.mark_attendance(meeting.id, ann.id, AttendanceStatus.PRESENT, is_guest=True)

    def say(text: str) -> Contribution:
        return services.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=text,
                attribution=Attribution.PERSON,
                speaker_id=ann.id,
            )
        )

    answered, unanswered = say("Short breaks at weekends"), say("Buses to the day centre")
    services.contributions.respond(
        Response(
            contribution_id=answered.id,
            status=ResponseStatus.UNDER_CONSIDERATION,
            text="The board looks at it in April.",
            decided_on=date(2026, 3, 20),
        )
    )
    return Said(answered, unanswered)


def seen_versions(services: Services, ids: list[int]) -> dict[int, int | None]:
    """What a dialog holds once it has loaded the responses: version, or None for none."""
    return {
        cid: (r.version if r.id is not None else None)
        for cid, r in services.contributions.responses_of(ids).items()
    }


def test_a_batch_answer_is_refused_when_someone_added_a_feedback_date_meanwhile(
    services: Services, other_user: Services
) -> None:
    said = said_at_a_session(services)
    ids = [said.answered.id, said.unanswered.id]
    seen = seen_versions(services, ids)  # A opens the dialog

    (theirs,) = other_user.contributions.mark_fed_back(  # B records the feedback
        [said.answered.id], date(2026, 3, 25), FeedbackMethod.AT_SESSION
    )

    with pytest.raises(ConflictError, match="Short breaks at weekends") as refused:
        services.contributions.respond_to_many(ids, DECISION, expected_versions=seen)
    assert refused.value.record_id == theirs.id
    assert "Buses to the day centre" not in str(refused.value)  # only what changed is named
    # Nothing saved: B's feedback date stands, and the other contribution is still unanswered.
    assert services.contributions.response_of(said.answered.id) == theirs
    assert services.contributions.response_of(said.unanswered.id).id is None

    # Having seen B's change, A may replace it knowingly.
    saved = services.contributions.respond_to_many(
        ids, DECISION, expected_versions=seen_versions(services, ids)
    )
    assert [r.status for r in saved] == [ResponseStatus.ALREADY_HAPPENING] * 2


def test_a_batch_answer_is_refused_when_someone_answered_one_that_had_no_answer(
    services: Services, other_user: Services
) -> None:
    said = said_at_a_session(services)
    ids = [said.answered.id, said.unanswered.id]
    seen = seen_versions(services, ids)
    assert seen[said.unanswered.id] is None

    theirs = other_user.contributions.respond(
        Response(
            contribution_id=said.unanswered.id,
            status=ResponseStatus.OUTSIDE_SCOPE,
            referred_to="The bus company",
        )
    )
    with pytest.raises(ConflictError, match="Buses to the day centre"):
        services.contributions.respond_to_many(ids, DECISION, expected_versions=seen)
    assert services.contributions.response_of(said.unanswered.id) == theirs
    assert (
        services.contributions.response_of(said.answered.id).status
        is ResponseStatus.UNDER_CONSIDERATION
    )


def test_no_answer_yet_may_be_given_as_zero_and_unchanged_versions_save(
    services: Services,
) -> None:
    said = said_at_a_session(services)
    answered = services.contributions.response_of(said.answered.id)
    saved = services.contributions.respond_to_many(
        [said.answered.id, said.unanswered.id],
        DECISION,
        expected_versions={said.answered.id: answered.version, said.unanswered.id: 0},
    )
    assert [r.text for r in saved] == [DECISION.text] * 2
    assert saved[0].id == answered.id and saved[0].version == answered.version + 1


def test_undo_of_a_batch_answer_is_refused_after_someone_else_changed_one(
    services: Services, other_user: Services
) -> None:
    said = said_at_a_session(services)
    ids = [said.answered.id, said.unanswered.id]
    before = services.contributions.responses_of(ids)
    saved = services.contributions.respond_to_many(
        ids, DECISION, expected_versions=seen_versions(services, ids)
    )
    (theirs,) = other_user.contributions.mark_fed_back(
        [said.unanswered.id], date(2026, 4, 9), FeedbackMethod.EMAIL
    )

    # Undo puts back what was there before, each record carrying the version the batch left.
    undo = [replace(before[r.contribution_id], id=r.id, version=r.version) for r in saved]
    with pytest.raises(ConflictError, match="Buses to the day centre"):
        services.contributions.respond_each(undo)
    # All or nothing: not even the unchanged one was put back.
    assert services.contributions.response_of(said.answered.id) == saved[0]
    assert services.contributions.response_of(said.unanswered.id) == theirs


def test_undo_and_redo_of_a_batch_answer_follow_the_versions_they_leave(
    services: Services,
) -> None:
    said = said_at_a_session(services)
    ids = [said.answered.id, said.unanswered.id]
    before = services.contributions.responses_of(ids)
    saved = services.contributions.respond_to_many(
        ids, DECISION, expected_versions=seen_versions(services, ids)
    )
    undone = services.contributions.respond_each(
        [replace(before[r.contribution_id], id=r.id, version=r.version) for r in saved]
    )
    assert undone[0].text == "The board looks at it in April."
    assert undone[1].status is ResponseStatus.NOT_ANSWERED and undone[1].id == saved[1].id
    with pytest.raises(ConflictError):  # a redo still holding the old versions is refused
        services.contributions.respond_each(saved)
    redone = services.contributions.respond_each(
        [replace(r, version=u.version) for r, u in zip(saved, undone, strict=True)]
    )
    assert [r.text for r in redone] == [DECISION.text] * 2


def test_marking_answers_fed_back_is_refused_when_an_answer_changed_meanwhile(
    services: Services, other_user: Services
) -> None:
    said = said_at_a_session(services)
    seen = seen_versions(services, [said.answered.id])
    theirs = other_user.contributions.respond(
        replace(
            other_user.contributions.response_of(said.answered.id),
            status=ResponseStatus.NOT_TAKEN_FORWARD,
            reason="No money this year.",
        )
    )
    with pytest.raises(ConflictError, match="Short breaks at weekends"):
        services.contributions.mark_fed_back(
            [said.answered.id],
            date(2026, 4, 9),
            FeedbackMethod.AT_SESSION,
            expected_versions=seen,
        )
    assert services.contributions.response_of(said.answered.id) == theirs
    (fed_back,) = services.contributions.mark_fed_back(
        [said.answered.id],
        date(2026, 4, 9),
        FeedbackMethod.AT_SESSION,
        expected_versions={said.answered.id: theirs.version},
    )
    assert (fed_back.reason, fed_back.fed_back_on) == ("No money this year.", date(2026, 4, 9))


def test_one_answer_saved_over_another_users_newer_one_is_refused(
    services: Services, other_user: Services
) -> None:
    said = said_at_a_session(services)
    mine = services.contributions.response_of(said.answered.id)
    theirs = other_user.contributions.respond(replace(mine, text="Agreed at the April board."))
    with pytest.raises(ConflictError):
        services.contributions.respond(replace(mine, text="Still thinking about it."))
    assert services.contributions.response_of(said.answered.id) == theirs
