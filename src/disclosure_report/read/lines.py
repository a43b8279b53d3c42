"""The format-neutral form every reader produces: lines of text, some of them table rows of cells."""

from __future__ import annotations

import attrs


@attrs.frozen
class Line:
    """A paragraph or heading (``cells`` is None) or a table row (``cells`` the texts of its cells)."""

    text: str
    number: int
    cells: tuple[str, ...] | None = None
