"""What goes into each printed document (easy-read summary, minutes, "You said, we did",
person pack), gathered from the records with consent applied."""

from __future__ import annotations

from coproduce.services.base import Service


class ReportService(Service):
    pass
