"""Documents the groups influence (strategies, policies...) and their ordered sections.

A document that contributions are linked to, or that has ladder assessments, is part of the
evidence of what the groups changed: it cannot be deleted, only archived. Sections are kept in
order (``position`` 0, 1, 2...); deleting one moves the links that pointed at it to the whole
document, and is refused while a response says that section is what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Document, Page, Section, replace
from coproduce.domain.validation import check_document, check_section
from coproduce.domain.vocabulary import AuditAction, DocumentKind, DocumentStatus
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """What the documents list can be narrowed by; all optional."""

    text: str = ""
    kind: DocumentKind | None = None
    status: DocumentStatus | None = None
    hide_archived: bool = False


class DocumentService(Service):
    def create(self, document: Document) -> Document:
        document = check_document(document)
        with self._store.transaction() as unit:
            return unit.documents.add(document)

    def update(self, document: Document) -> Document:
        document = check_document(document)
        with self._store.transaction() as unit:
            return unit.documents.update(document)

    def get(self, document_id: int) -> Document:
        with self._store.transaction() as unit:
            return unit.documents.get(document_id)

    def get_many(self, document_ids: list[int]) -> list[Document]:
        with self._store.transaction() as unit:
            return unit.documents.get_many(document_ids)

    def list(
        self,
        filters: DocumentFilter = DocumentFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Document]:
        """Documents matching ``filters``, by title."""
        with self._store.transaction() as unit:
            return unit.documents.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: DocumentFilter = DocumentFilter()) -> list[int]:
        """Ids of every matching document, in list order (for lists that load lazily)."""
        with self._store.transaction() as unit:
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

    def delete(self, document_id: int, expected_version: int | None = None) -> None:
        """Delete a document entered by mistake; its sections go with it, and agenda items
        that named it no longer do. Refused when contributions are linked to it or it has
        ladder assessments: archive it instead."""
        with self._store.transaction() as unit:
            document = unit.documents.get(document_id)
            held = {
                "contribution link(s)": unit.links.count_for_document(document_id),
                "ladder assessment(s)": unit.ladder.count_for_document(document_id),
            }
            found = " and ".join(f"{n} {what}" for what, n in held.items() if n)
            if found:
                raise ValidationError(
                    f"'{document.title}' has {found}, so it cannot be deleted. Archive it "
                    "instead: the record of what the groups changed stays."
                )
            unit.documents.delete(document_id, expected_version)

    # --- sections ------------------------------------------------------------------------

    def sections(self, document_id: int) -> list[Section]:
        """The document's sections in order."""
        with self._store.transaction() as unit:
            unit.documents.row(document_id)
            return unit.sections.for_document(document_id)

    def get_section(self, section_id: int) -> Section:
        with self._store.transaction() as unit:
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

    def delete_section(self, section_id: int, expected_version: int | None = None) -> None:
        """Delete a section. Links to it then point at the whole document. Refused while a
        response names this section: change those responses first, or rename the section."""
        with self._store.transaction() as unit:
            section = unit.sections.get(section_id)
            naming = unit.responses.for_section(section_id)
            if naming:
                raise ValidationError(
                    f"{len(naming)} response(s) say section "
                    f"'{f'{section.number} {section.heading}'.strip()}' is what changed, so it "
                    "cannot be deleted. Rename it instead, or change those responses first."
                )
            unit.sections.delete(section_id, expected_version)
            self._renumber(unit, unit.sections.for_document(section.document_id))

    # --- helpers -------------------------------------------------------------------------

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
        return {
            "text": filters.text,
            "kind": filters.kind,
            "status": filters.status,
            "hide_archived": filters.hide_archived,
        }
