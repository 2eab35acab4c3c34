"""The Documents page: the strategies, policies and projects the groups influence."""

from __future__ import annotations

from collections.abc import Sequence

from coproduce.domain.records import Document, Page
from coproduce.services.documents import DocumentFilter
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage


class DocumentsPage(ListPage):
    title = "Documents"
    singular = "document"
    plural = "documents"
    search_hint = "Search document titles"
    coming_next = (
        "Coming next: open a document to see every contribution linked to it, what was done "
        "about each, and where its work sits on the ladder of co-production."
    )
    widths_in_characters = (44, 18, 20, 14, 30)
    stretch_column = 0

    def columns(self) -> Sequence[Column[Document]]:
        return (
            Column("Title", lambda d: d.title),
            Column("Kind", lambda d: d.kind.label),
            Column("Status", lambda d: d.status.label),
            Column("Review date", lambda d: short_date(d.review_on)),
            Column("Owner", lambda d: d.owner),
        )

    def load(self, offset: int, limit: int) -> Page[Document]:
        return self._services.documents.list(
            DocumentFilter(text=self.search_text), offset=offset, limit=limit
        )
