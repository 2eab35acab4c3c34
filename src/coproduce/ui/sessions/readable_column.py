"""Keep the one column that carries the meaning (a title, what is to be done) readable.

The rule lives in ``ui/widgets/columns.py`` (list pages' tables use it too); the session's
parts import it from here.
"""

from __future__ import annotations

from coproduce.ui.widgets.columns import ReadableColumn

__all__ = ["ReadableColumn"]
