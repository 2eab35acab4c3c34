"""Whole tables (sessions, attendance, contributions, ladder history, actions, payments) as rows
for CSV and Excel exports."""

from __future__ import annotations

from coproduce.services.base import Service


class TableService(Service):
    pass
