"""The glossary through the real service on both databases: seeding once, edits, undo."""

from __future__ import annotations

import pytest

from coproduce.documents.glossary import load_seed, term_key
from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import GlossaryTerm, replace
from coproduce.domain.vocabulary import AuditAction
from coproduce.services import Services
from coproduce.store.glossary import fold_term

SEED = load_seed()


def by_term(services: Services, term: str) -> GlossaryTerm:
    [found] = [t for t in services.glossary.terms() if term_key(t.term) == term_key(term)]
    return found


def test_the_standard_terms_are_there_on_first_use(services: Services) -> None:
    terms = services.glossary.terms()
    assert len(terms) == len(SEED)
    assert [term_key(t.term) for t in terms] == sorted(term_key(t.term) for t in SEED)
    respite = by_term(services, "respite")
    assert respite.plain == "a short break"
    assert respite.id is not None and respite.version == 1


def test_deleted_standard_terms_do_not_come_back(services: Services) -> None:
    for term in services.glossary.terms():
        services.glossary.delete(term.id)
    assert services.glossary.terms() == []
    assert services.glossary.terms() == []


def test_missing_standard_terms_can_be_put_back_without_touching_edited_ones(
    services: Services,
) -> None:
    respite = by_term(services, "respite")
    services.glossary.update(replace(respite, plain="a break from caring"))
    services.glossary.delete(by_term(services, "advocacy").id)
    assert services.glossary.add_standard_terms() == 1
    assert by_term(services, "advocacy").plain == "help to speak up"
    assert by_term(services, "respite").plain == "a break from caring"


def test_a_term_is_added_tidied_and_read_back(services: Services) -> None:
    added = services.glossary.add(
        GlossaryTerm(
            term="  Making  It Real ",
            plain="our promises about good care",
            explanation="Promises about what good care and support look like.",
        )
    )
    assert added.term == "Making It Real"
    assert services.glossary.get(added.id) == added
    assert added in services.glossary.terms()


def test_a_term_already_in_the_glossary_is_refused_whatever_its_case_or_apostrophe(
    services: Services,
) -> None:
    with pytest.raises(ValidationError, match="already has 'carer's assessment'") as error:
        services.glossary.add(GlossaryTerm(term="Carer’s  Assessment", explanation="x."))
    assert error.value.field == "term"


def test_renaming_a_term_onto_another_is_refused(services: Services) -> None:
    respite = by_term(services, "respite")
    with pytest.raises(ValidationError, match="already has 'advocacy'"):
        services.glossary.update(replace(respite, term="ADVOCACY"))


def test_a_term_needs_words_and_an_explanation(services: Services) -> None:
    with pytest.raises(ValidationError, match="Please enter the hard word") as error:
        services.glossary.add(GlossaryTerm(term="   ", explanation="Something."))
    assert error.value.field == "term"
    with pytest.raises(ValidationError, match="one short, easy sentence") as error:
        services.glossary.add(GlossaryTerm(term="Telehealth", plain="care by phone"))
    assert error.value.field == "explanation"
    with pytest.raises(ValidationError, match="under 100 characters"):
        services.glossary.add(GlossaryTerm(term="word " * 30, explanation="Too long."))


def test_an_edit_made_on_an_old_copy_is_refused(services: Services) -> None:
    respite = by_term(services, "respite")
    services.glossary.update(replace(respite, plain="a break"))
    with pytest.raises(ConflictError, match="changed by someone else"):
        services.glossary.update(replace(respite, plain="time off"))
    assert by_term(services, "respite").plain == "a break"


def test_a_deleted_term_comes_back_under_its_id_with_undo(services: Services) -> None:
    respite = by_term(services, "respite")
    snapshot = services.glossary.delete(respite.id, respite.version)
    assert snapshot == respite
    with pytest.raises(NotFoundError):
        services.glossary.get(respite.id)
    restored = services.glossary.restore(snapshot)
    assert restored.id == respite.id
    assert (restored.term, restored.plain, restored.explanation) == (
        respite.term,
        respite.plain,
        respite.explanation,
    )


def test_a_delete_of_an_old_copy_is_refused(services: Services) -> None:
    respite = by_term(services, "respite")
    services.glossary.update(replace(respite, plain="a break"))
    with pytest.raises(ConflictError):
        services.glossary.delete(respite.id, respite.version)


def test_changes_are_audited_but_seeding_is_not(services: Services) -> None:
    services.glossary.terms()
    with services.store.transaction() as unit:
        assert unit.audit_events.list(record_type="glossary_term").total == 0
    added = services.glossary.add(GlossaryTerm(term="Telehealth", explanation="Care by phone."))
    services.glossary.delete(added.id)
    with services.store.transaction() as unit:
        actions = [e.action for e in unit.audit_events.list(record_type="glossary_term").items]
    assert actions == [AuditAction.CREATED, AuditAction.DELETED]


@pytest.mark.parametrize("text", ["Carer’s  Assessment", " CO-PRODUCTION ", "Straße", "ﬁle"])
def test_the_store_folds_terms_as_the_checker_does(text: str) -> None:
    assert fold_term(text) == term_key(text)
