"""A link's relation follows the response ("Changed the document" makes it Influenced) in the
same transaction, and the undo puts both back; and what a session still needs (answers and
feedback) before it is written up. On both databases."""

from __future__ import annotations

from datetime import date

import pytest
from test_contributions import hold_session, said, strategy_with_sections

from coproduce.domain.errors import ConflictError
from coproduce.domain.records import Contribution, Document, Link, Response, Section, replace
from coproduce.domain.vocabulary import FeedbackMethod, LinkRelation, ResponseStatus
from coproduce.services import Services


def relations(services: Services, contribution: Contribution) -> list[LinkRelation]:
    return [link.relation for link in services.contributions.links_of(contribution.id)]


def changed_document(contribution: Contribution, section: Section) -> Response:
    return Response(
        contribution_id=contribution.id,
        status=ResponseStatus.CHANGED_DOCUMENT,
        section_id=section.id,
        text="We added weekend short breaks",
    )


def test_changed_the_document_makes_a_considered_link_influenced(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section, _other) = strategy_with_sections(services, "Short breaks", "Money")
    elsewhere = services.documents.create(Document(title="Charging policy"))
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    services.contributions.link(
        Link(
            contribution_id=contribution.id,
            document_id=document.id,
            section_id=section.id,
            relation=LinkRelation.QUOTED,
        )
    )
    services.contributions.link(Link(contribution_id=contribution.id, document_id=elsewhere.id))

    answered = services.contributions.respond_and_relink(changed_document(contribution, section))

    # The whole-document link follows; "Quoted" already says it went in; another document's
    # link says nothing about this change.
    assert relations(services, contribution) == [
        LinkRelation.INFLUENCED,
        LinkRelation.QUOTED,
        LinkRelation.CONSIDERED,
    ]
    assert [link.relation for link in answered.links_before] == [LinkRelation.CONSIDERED]
    assert [link.relation for link in answered.links_after] == [LinkRelation.INFLUENCED]
    assert answered.response == services.contributions.response_of(contribution.id)


def test_undo_puts_back_the_response_and_the_links_in_one_step(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    before = services.contributions.respond(
        Response(contribution_id=contribution.id, status=ResponseStatus.UNDER_CONSIDERATION)
    )
    answered = services.contributions.respond_and_relink(
        replace(changed_document(contribution, section), id=before.id, version=before.version)
    )

    undone = services.contributions.respond_and_relink(
        replace(before, version=answered.response.version), links_back=answered.links_back()
    )

    assert undone.links_before == ()  # going back to "under consideration" changes no link
    assert services.contributions.response_of(contribution.id).status is (
        ResponseStatus.UNDER_CONSIDERATION
    )
    assert relations(services, contribution) == [LinkRelation.CONSIDERED]


def test_an_undo_is_refused_whole_when_the_link_changed_since(services: Services) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    answered = services.contributions.respond_and_relink(changed_document(contribution, section))
    [link] = services.contributions.links_of(contribution.id)
    services.contributions.update_link(replace(link, note="Someone else's note"))

    with pytest.raises(ConflictError):
        services.contributions.respond_and_relink(
            Response(
                contribution_id=contribution.id,
                id=answered.response.id,
                version=answered.response.version,
            ),
            links_back=answered.links_back(),
        )
    assert services.contributions.response_of(contribution.id) == answered.response
    assert relations(services, contribution) == [LinkRelation.INFLUENCED]


def test_saving_the_same_change_again_leaves_a_relation_chosen_by_hand(
    services: Services,
) -> None:
    room = hold_session(services)
    contribution = said(services, room)
    document, (section,) = strategy_with_sections(services, "Short breaks")
    services.contributions.link(Link(contribution_id=contribution.id, document_id=document.id))
    saved = services.contributions.respond(changed_document(contribution, section))
    [link] = services.contributions.links_of(contribution.id)
    services.contributions.update_link(replace(link, relation=LinkRelation.CONSIDERED))

    again = services.contributions.respond_and_relink(replace(saved, text="Reworded"))

    assert again.links_before == ()
    assert relations(services, contribution) == [LinkRelation.CONSIDERED]


def test_several_answered_at_once_bring_their_links_along_and_undo_together(
    services: Services,
) -> None:
    room = hold_session(services)
    first = said(services, room, "Short breaks at weekends")
    second = said(services, room, "Short breaks in the holidays")
    document, (section,) = strategy_with_sections(services, "Short breaks")
    for contribution in (first, second):
        services.contributions.link(
            Link(
                contribution_id=contribution.id,
                document_id=document.id,
                relation=LinkRelation.REFERRED_ELSEWHERE,
            )
        )
    before = services.contributions.responses_of([first.id, second.id])
    template = replace(changed_document(first, section), contribution_id=0)

    answered = services.contributions.respond_to_many_and_relink(
        [first.id, second.id], template, {first.id: 0, second.id: 0}
    )

    assert relations(services, first) == relations(services, second) == [LinkRelation.INFLUENCED]
    assert len(answered.links_before) == 2
    undo = [
        replace(before[r.contribution_id], id=r.id, version=r.version) for r in answered.responses
    ]
    services.contributions.respond_each_and_relink(undo, links_back=answered.links_back())
    assert (
        relations(services, first)
        == relations(services, second)
        == [LinkRelation.REFERRED_ELSEWHERE]
    )
    for contribution in (first, second):
        assert services.contributions.response_of(contribution.id).status is (
            ResponseStatus.NOT_ANSWERED
        )


def test_a_session_says_how_many_need_an_answer_and_how_many_feeding_back(
    services: Services,
) -> None:
    room = hold_session(services)
    waiting = said(services, room, "Waiting for an answer")
    thinking = said(services, room, "Being thought about")
    answered = said(services, room, "Answered, not told yet")
    told = said(services, room, "Answered and told")
    assert services.contributions.follow_up(room.meeting.id).unanswered == 4
    services.contributions.respond(
        Response(contribution_id=thinking.id, status=ResponseStatus.UNDER_CONSIDERATION)
    )
    for contribution in (answered, told):
        services.contributions.respond(
            Response(contribution_id=contribution.id, status=ResponseStatus.ALREADY_HAPPENING)
        )
    services.contributions.mark_fed_back([told.id], date(2026, 4, 1), FeedbackMethod.LETTER)

    follow_up = services.contributions.follow_up(room.meeting.id)

    assert (follow_up.contributions, follow_up.unanswered, follow_up.not_fed_back) == (4, 2, 1)
    assert waiting.id is not None
