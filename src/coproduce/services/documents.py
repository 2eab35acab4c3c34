"""Documents the groups influence (strategies, policies...) and their ordered sections.

A document that contributions are linked to, or that has ladder assessments, is part of the
evidence of what the groups changed: it cannot be deleted, only archived. Deleting an unused
one takes its sections and its place on agenda items with it, and returns a snapshot of all
three so ``restore`` can undo the delete. Sections are kept in order (``position`` 0, 1,
2...); deleting one moves the links that pointed at it to the whole document (``restore_section``
points them back), and is refused while a response says that section is what changed.

A document's location is a file path or a web link. Links must start with http:// or
https:// (``check_location``): the window opens a location only when the person asks, and
a link then goes to the web browser, so nothing else may pass for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Document, Page, Section, replace
from coproduce.domain.validation import check_document, check_section
from coproduce.domain.vocabulary import AuditAction, DocumentKind, DocumentStatus
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

DOCUMENT_ORDERS = ("title", "review_on")
"""What the documents list can be sorted by (in the database): ``DocumentFilter.order``."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
"""The start of a link ("https:", "mailto:"); one letter is a Windows drive ("C:")."""

_OTHER_LINKS = frozenset(
    {"data", "file", "ftp", "ftps", "javascript", "mailto", "sftp", "smb", "tel", "vbscript"}
)
"""Link kinds written without "//" after the colon, which must not pass for a place."""


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """What the documents list can be narrowed by (all optional) and the order it comes in.

    ``order`` is one of ``DOCUMENT_ORDERS``: by title, or by review date (soonest first;
    documents without one last)."""

    text: str = ""
    kind: DocumentKind | None = None
    status: DocumentStatus | None = None
    hide_archived: bool = False
    order: str = "title"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class AgendaMention:
    """An agenda item that named a document, and the document's place in its list."""

    agenda_item_id: int
    position: int


@dataclass(frozen=True, slots=True)
class DeletedDocument:
    """A deleted document with what went with it: enough for ``restore`` to undo the delete."""

    document: Document
    sections: tuple[Section, ...]
    agenda_mentions: tuple[AgendaMention, ...]


@dataclass(frozen=True, slots=True)
class DeletedSection:
    """A deleted section and the links that pointed at it (they now point at the whole
    document); ``restore_section`` puts the section back in its place and re-points them."""

    section: Section
    link_ids: tuple[int, ...]


def location_is_link(location: str) -> bool:
    """True when ``location`` is a web link (opened in the browser), not a file path."""
    return location.strip().lower().startswith(("http://", "https://"))


def check_location(location: str) -> str:
    """The location trimmed, or a ``ValidationError`` (field ``location``) when it looks like
    a link but is not a complete http:// or https:// one."""
    location = location.strip()
    lowered = location.lower()
    if lowered.startswith("www."):
        raise ValidationError(
            f"Start a web link with https://, for example https://{location}", "location"
        )
    match = _SCHEME.match(location)
    if match is None:
        return location  # a file path: C:\..., \\server\share\..., /home/..., ~/...
    scheme = match.group(1).lower()
    if scheme in ("http", "https"):
        try:
            host = urlsplit(location).hostname
        except ValueError:  # "http://[::1" and other broken addresses
            host = None
        if (
            not lowered.startswith(("http://", "https://"))
            or not host
            or any(character.isspace() for character in location)
        ):
            raise ValidationError(
                "This web link is not complete. It needs the site's address after https:// "
                "and no spaces, for example https://www.example.gov.uk/carers-strategy",
                "location",
            )
        return location
    if location[match.end() :].startswith("//") or scheme in _OTHER_LINKS:
        raise ValidationError(
            "A web link must start with http:// or https://. For a file, give the path to it "
            "(for example C:\\Documents\\Carers strategy.docx) or use Choose file.",
            "location",
        )
    # "SharePoint: Adult Social Care/Strategies/..." says where to look, in words.
    return location


def review_is_overdue(document: Document, today: date) -> bool:
    """True when a document still in use has passed its review date."""
    return (
        document.review_on is not None
        and document.review_on < today
        and document.status is not DocumentStatus.ARCHIVED
    )


class DocumentService(Service):
    def create(self, document: Document) -> Document:
        document = self._check(document)
        with self._store.transaction() as unit:
            return unit.documents.add(document)

    def update(self, document: Document) -> Document:
        document = self._check(document)
        with self._store.transaction() as unit:
            return unit.documents.update(document)

    def get(self, document_id: int) -> Document:
        with self._store.reading() as unit:
            return unit.documents.get(document_id)

    def get_many(self, document_ids: list[int]) -> list[Document]:
        with self._store.reading() as unit:
            return unit.documents.get_many(document_ids)

    def list(
        self,
        filters: DocumentFilter = DocumentFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Document]:
        """Documents matching ``filters``, in the order they ask for (by title by default)."""
        with self._store.reading() as unit:
            return unit.documents.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: DocumentFilter = DocumentFilter()) -> list[int]:
        """Ids of every matching document, in list order (for lists that load lazily)."""
        with self._store.reading() as unit:
            return unit.documents.ids(unit.documents.search_query(**self._query(filters)))

    def archive(self, document_id: int, expected_version: int | None = None) -> Document:
        """Retire a document without losing what the groups did to it."""
        with self._store.transaction() as unit:
            document = unit.documents.get(document_id)
            if expected_version is not None:
                document = replace(document, version=expected_version)
            return unit.documents.update(
                replace(document, status=DocumentStatus.ARCHIVED), AuditAction.ARCHIVED
            )

    def why_not_deletable(self, document_id: int) -> str:
        """Why this document cannot be deleted, in words a facilitator can act on; '' if it
        can (so the window can say so before asking "Delete?")."""
        with self._store.reading() as unit:
            return self._deletion_blocker(unit, unit.documents.get(document_id))

    def delete(self, document_id: int, expected_version: int | None = None) -> DeletedDocument:
        """Delete a document entered by mistake; its sections go with it, and agenda items
        that named it no longer do. Refused when contributions are linked to it or it has
        ladder assessments: archive it instead. Returns what went, for ``restore`` (undo)."""
        with self._store.transaction() as unit:
            document = unit.documents.get(document_id)
            blocker = self._deletion_blocker(unit, document)
            if blocker:
                raise ValidationError(blocker)
            deleted = DeletedDocument(
                document=document,
                sections=tuple(unit.sections.for_document(document_id)),
                agenda_mentions=tuple(
                    AgendaMention(item_id, position)
                    for item_id, position in unit.documents.agenda_links(document_id)
                ),
            )
            unit.documents.delete(document_id, expected_version)
            return deleted

    def restore(self, deleted: DeletedDocument) -> Document:
        """Put a deleted document back under its old id, with its sections in their places
        and its place on the agenda items that still exist."""
        with self._store.transaction() as unit:
            document = unit.documents.restore(deleted.document)
            for section in deleted.sections:
                unit.sections.restore(section)
            for mention in deleted.agenda_mentions:
                if not unit.agenda_items.exists(mention.agenda_item_id):
                    continue  # its session or item was deleted meanwhile
                item = unit.agenda_items.get(mention.agenda_item_id)
                if document.id in item.document_ids:
                    continue
                named = list(item.document_ids)
                named.insert(min(mention.position, len(named)), document.id)  # type: ignore[arg-type]
                unit.agenda_items.update(replace(item, document_ids=tuple(named)))
            return document

    # --- sections ------------------------------------------------------------------------

    def sections(self, document_id: int) -> list[Section]:
        """The document's sections in order."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return unit.sections.for_document(document_id)

    def section_page(
        self, document_id: int, *, offset: int = 0, limit: int | None = None
    ) -> Page[Section]:
        """One page of the document's sections in order (for lists that load lazily)."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return unit.sections.page_for_document(document_id, offset, limit)

    def get_section(self, section_id: int) -> Section:
        with self._store.reading() as unit:
            return unit.sections.get(section_id)

    def add_section(self, section: Section) -> Section:
        """Add a section after the document's last one (``position`` is ignored)."""
        section = check_section(section)
        with self._store.transaction() as unit:
            unit.documents.row(section.document_id)
            position = unit.sections.next_position(section.document_id)
            return unit.sections.add(replace(section, position=position))

    def update_section(self, section: Section) -> Section:
        """Save a section's heading and number. Its place is changed with ``move_section``
        and its document never changes."""
        section = check_section(section)
        with self._store.transaction() as unit:
            return self._save_section(unit, section)

    def rename_section(
        self,
        section_id: int,
        heading: str,
        number: str | None = None,
        expected_version: int | None = None,
    ) -> Section:
        """Change a section's heading (and its number, when given)."""
        with self._store.transaction() as unit:
            stored = unit.sections.get(section_id)
            renamed = replace(
                stored,
                heading=heading,
                number=stored.number if number is None else number,
                version=stored.version if expected_version is None else expected_version,
            )
            return self._save_section(unit, check_section(renamed))

    def move_section(self, section_id: int, new_index: int) -> list[Section]:
        """Move a section to ``new_index`` (0 is first; beyond the end means last) and
        renumber the positions 0, 1, 2...; returns the sections in their new order."""
        with self._store.transaction() as unit:
            moving = unit.sections.get(section_id)
            ordered = [
                s for s in unit.sections.for_document(moving.document_id) if s.id != section_id
            ]
            ordered.insert(max(0, min(new_index, len(ordered))), moving)
            return self._renumber(unit, ordered)

    def why_section_not_deletable(self, section_id: int) -> str:
        """Why this section cannot be deleted ('' if it can), before asking "Delete?"."""
        with self._store.reading() as unit:
            return self._section_blocker(unit, unit.sections.get(section_id))

    def delete_section(
        self, section_id: int, expected_version: int | None = None
    ) -> DeletedSection:
        """Delete a section. Links to it then point at the whole document. Refused while a
        response names this section: change those responses first, or rename the section.
        Returns what went, for ``restore_section`` (undo)."""
        with self._store.transaction() as unit:
            section = unit.sections.get(section_id)
            blocker = self._section_blocker(unit, section)
            if blocker:
                raise ValidationError(blocker)
            link_ids = tuple(
                link.id  # type: ignore[misc]
                for link in unit.links.for_document(section.document_id)
                if link.section_id == section_id
            )
            unit.sections.delete(section_id, expected_version)
            self._renumber(unit, unit.sections.for_document(section.document_id))
            return DeletedSection(section=section, link_ids=link_ids)

    def restore_section(self, deleted: DeletedSection) -> Section:
        """Put a deleted section back under its old id, in its old place, and point the
        links that still name the whole document back at it."""
        section = deleted.section
        with self._store.transaction() as unit:
            unit.documents.row(section.document_id)
            ordered = unit.sections.for_document(section.document_id)
            restored = unit.sections.restore(replace(section, position=len(ordered)))
            ordered.insert(min(section.position, len(ordered)), restored)
            placed = self._renumber(unit, ordered)
            for link_id in deleted.link_ids:
                if not unit.links.exists(link_id):
                    continue
                link = unit.links.get(link_id)
                if link.document_id == section.document_id and link.section_id is None:
                    unit.links.update(replace(link, section_id=section.id))
            return next(s for s in placed if s.id == section.id)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _check(document: Document) -> Document:
        document = check_document(document)
        return replace(document, location=check_location(document.location))

    @staticmethod
    def _deletion_blocker(unit: UnitOfWork, document: Document) -> str:
        held = {
            "contribution link(s)": unit.links.count_for_document(document.id),  # type: ignore[arg-type]
            "ladder assessment(s)": unit.ladder.count_for_document(document.id),  # type: ignore[arg-type]
        }
        found = " and ".join(f"{n} {what}" for what, n in held.items() if n)
        if not found:
            return ""
        return (
            f"'{document.title}' has {found}, so it cannot be deleted. Archive it "
            "instead: the record of what the groups changed stays."
        )

    @staticmethod
    def _section_blocker(unit: UnitOfWork, section: Section) -> str:
        naming = unit.responses.for_section(section.id)  # type: ignore[arg-type]
        if not naming:
            return ""
        label = f"{section.number} {section.heading}".strip()
        return (
            f"{len(naming)} response(s) say section '{label}' is what changed, so it cannot "
            "be deleted. Rename it instead, or change those responses first."
        )

    @staticmethod
    def _save_section(unit: UnitOfWork, section: Section) -> Section:
        if section.id is None:
            raise ValueError("update_section() needs a saved section; use add_section()")
        stored = unit.sections.get(section.id)
        if stored.document_id != section.document_id:
            raise ValidationError(
                "A section cannot move to another document. Add it to that document instead.",
                "document_id",
            )
        return unit.sections.update(replace(section, position=stored.position))

    @staticmethod
    def _renumber(unit: UnitOfWork, ordered: list[Section]) -> list[Section]:
        return [
            section
            if section.position == position
            else unit.sections.update(replace(section, position=position))
            for position, section in enumerate(ordered)
        ]

    @staticmethod
    def _query(filters: DocumentFilter) -> dict[str, object]:
        if filters.order not in DOCUMENT_ORDERS:
            raise ValueError(
                f"Documents cannot be sorted by {filters.order!r}; choose one of {DOCUMENT_ORDERS}"
            )
        return {
            "text": filters.text,
            "kind": filters.kind,
            "status": filters.status,
            "hide_archived": filters.hide_archived,
            "order": filters.order,
            "descending": filters.descending,
        }
