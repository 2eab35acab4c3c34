"""The dashboard's figures: the ladder portfolio, loop closure, reach and overdue actions."""

from __future__ import annotations

from coproduce.services.base import Service


class DashboardService(Service):
    pass
