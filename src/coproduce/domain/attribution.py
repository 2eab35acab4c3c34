"""Whose name goes beside a contribution wherever it is shown or printed.

One rule for the screen, the easy-read summary and the evidence pack, so no output can show a
name that its owner did not agree to: a name appears only when the contribution is recorded
against a named person AND that person's consent to be quoted by name is in force. Everyone
else is "A group member said"; things the whole group said are "The whole group".
"""

from __future__ import annotations

from collections.abc import Iterable

from coproduce.domain.records import Contribution
from coproduce.domain.vocabulary import Attribution

GROUP_MEMBER = "A group member said"
WHOLE_GROUP = "The whole group"


def attributed_name(
    contribution: Contribution, speaker_name: str | None, quoted_by_name_consent: bool
) -> str:
    """The words to show as the source of ``contribution``.

    ``speaker_name`` is the speaker's display name (None when there is no speaker);
    ``quoted_by_name_consent`` is whether their 'being quoted by name' consent is in force
    today. An anonymous contribution stays anonymous even when the speaker is known and
    has consented: the facilitator chose to record it that way.
    """
    return attributed_words(
        contribution.attribution, contribution.speaker_id, speaker_name, quoted_by_name_consent
    )


def attributed_words(
    attribution: Attribution,
    speaker_id: int | None,
    speaker_name: str | None,
    quoted_by_name_consent: bool,
) -> str:
    """``attributed_name`` from a contribution's parts, for a table export's rows, which are
    not made into ``Contribution`` records."""
    if attribution is Attribution.WHOLE_GROUP:
        return WHOLE_GROUP
    name = (speaker_name or "").strip()
    if (
        attribution is Attribution.PERSON
        and speaker_id is not None
        and name
        and quoted_by_name_consent
    ):
        return name
    return GROUP_MEMBER


def merged_source(contributions: Iterable[Contribution]) -> tuple[Attribution, int | None] | None:
    """Who one contribution made by merging ``contributions`` is recorded against, or None
    when they came from different sources and a merge would take words from their owner.

    Each person's words stay theirs (for their own record and their payments), so only
    contributions with the same speaker merge: the same person, or all with no recorded
    speaker and the same attribution (unrecorded anonymous speakers carry no attribution to
    lose; the whole group is not one anonymous person). When the same person was recorded by
    name in one and kept anonymous in another, the merge stays anonymous: the facilitator
    chose that for some of these words, and naming them now would undo that choice.
    """
    found = list(contributions)
    speakers = {c.speaker_id for c in found}
    attributions = {c.attribution for c in found}
    if len(speakers) != 1:
        return None
    speaker = speakers.pop()
    if speaker is None:
        return (attributions.pop(), None) if len(attributions) == 1 else None
    if Attribution.WHOLE_GROUP in attributions:  # not valid with a speaker; never merge it
        return None
    if Attribution.ANONYMOUS in attributions:
        return Attribution.ANONYMOUS, speaker
    return Attribution.PERSON, speaker


def source_words(contribution: Contribution, speaker_name: str | None) -> str:
    """Who a contribution is recorded against, for the facilitator (not for outputs: this
    names the speaker whatever their consent, as the register does)."""
    if contribution.attribution is Attribution.WHOLE_GROUP:
        return WHOLE_GROUP
    name = (speaker_name or "").strip()
    if contribution.attribution is Attribution.ANONYMOUS:
        return f"Anonymous ({name})" if name else "Anonymous"
    return name or "A named person"
