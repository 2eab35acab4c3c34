"""Whose name goes beside a contribution wherever it is shown or printed.

One rule for the screen, the easy-read summary and the evidence pack, so no output can show a
name that its owner did not agree to: a name appears only when the contribution is recorded
against a named person AND that person's consent to be quoted by name is in force. Everyone
else is "A group member said"; things the whole group said are "The whole group".
"""

from __future__ import annotations

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
    if contribution.attribution is Attribution.WHOLE_GROUP:
        return WHOLE_GROUP
    name = (speaker_name or "").strip()
    if (
        contribution.attribution is Attribution.PERSON
        and contribution.speaker_id is not None
        and name
        and quoted_by_name_consent
    ):
        return name
    return GROUP_MEMBER
