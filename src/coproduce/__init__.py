"""Coproduce: the facilitator's program for lived-experience reference groups."""

__version__ = "0.1.0"
APP_NAME = "Coproduce"
