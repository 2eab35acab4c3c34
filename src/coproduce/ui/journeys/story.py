"""A journey told in words, for the lines of the journey views and the text under them.

Plain functions over ``Journey`` (no widgets), so the document view and the person view
say the same thing the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coproduce.domain.vocabulary import ResponseStatus
from coproduce.services.journeys import Journey
from coproduce.ui.formats import short_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("Journey", text)


def said_at(journey: Journey) -> str:
    """``January session, 10 Jan 2026``."""
    return f"{journey.session_title}, {short_date(journey.session_date)}"


def linked_to(journey: Journey) -> str:
    """Every place the contribution is linked to, or a note that it is linked nowhere yet."""
    if not journey.links:
        return _tr("Not linked to a document yet")
    return "; ".join(link.place for link in journey.links)


def response_summary(journey: Journey) -> str:
    """``Changed the document (1 Housing)``, ``Not taken forward``, ``Not answered yet``."""
    label = journey.status.label
    if journey.status is ResponseStatus.CHANGED_DOCUMENT and journey.changed_section:
        return f"{label} ({journey.changed_section})"
    return label


def fed_back(journey: Journey) -> str:
    """``25 Jan 2026, Letter``; ``Not yet`` when the group has not been told."""
    if journey.fed_back_on is None:
        return _tr("Not yet")
    how = journey.fed_back_how.label if journey.fed_back_how else ""
    return f"{short_date(journey.fed_back_on)}, {how}".rstrip(", ")


def full_story(journey: Journey) -> str:
    """The whole journey in sentences, for the text under the list."""
    response = journey.response
    lines = [f"“{journey.contribution.text}”", _tr("Shown as: %s.") % journey.speaker]
    said = _tr("Said at %s") % said_at(journey)
    if journey.agenda_item:
        said += _tr(", during “%s”") % journey.agenda_item
    lines.append(said + ".")
    if journey.links:
        places = "; ".join(
            f"{link.place} ({link.relation.label.lower()})" for link in journey.links
        )
        lines.append(_tr("Linked to %s.") % places)
    else:
        lines.append(_tr("Not linked to a document yet."))
    lines.append(_tr("Response: %s.") % response_summary(journey))
    if response.text:
        lines.append(response.text)
    if response.reason:
        lines.append(_tr("Why not: %s") % response.reason)
    if response.referred_to:
        lines.append(_tr("Referred to: %s") % response.referred_to)
    if response.decided_on or response.decided_by:
        decided = _tr("Decided")
        if response.decided_by:
            decided += _tr(" by %s") % response.decided_by
        if response.decided_on:
            decided += _tr(" on %s") % short_date(response.decided_on)
        lines.append(decided + ".")
    if journey.fed_back_on is None:
        lines.append(_tr("Not fed back to the group yet."))
    else:
        lines.append(_tr("Fed back on %s.") % fed_back(journey))
    return "\n".join(lines)
