"""The picture library: a picture for each concept, chosen once and remembered."""

from __future__ import annotations

from coproduce.services.base import Service


class PictureService(Service):
    pass
