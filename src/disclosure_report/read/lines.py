"""The format-neutral form every reader produces: lines of text, some of them table rows of cells."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen(init=False)
class Line:
    """A paragraph or heading (``cells`` is None) or a table row (``cells`` the texts of its cells, one per grid
    column: a cell spanning columns repeats its text over them).

    ``continued``, when the reader knows how the row's cells were printed (an HTML ``colspan``, a Word
    ``w:gridSpan``), says for each of ``cells`` whether it continues the printed cell on its left; see
    :meth:`printed`."""

    text: str
    number: int
    cells: tuple[str, ...] | None = None
    continued: tuple[bool, ...] | None = None

    def __init__(
        self,
        text: str,
        number: int,
        cells: tuple[str, ...] | None = None,
        continued: tuple[bool, ...] | None = None,
    ) -> None:
        # Every line of every document is made here: its slots are set directly (a third of the time of attrs'
        # frozen __init__, which looks object.__setattr__ up on each call); the instance stays frozen.
        _set_text(self, text)
        _set_number(self, number)
        _set_cells(self, cells)
        known = cells is not None and continued is not None and len(continued) == len(cells)
        _set_continued(self, continued if known else None)

    def printed(self, start: int = 0) -> tuple[str, ...] | None:
        """The cells from ``start`` on as they were printed, a cell spanning columns once (a cell continuing one
        that began before ``start`` dropped), or None when the reader did not say how they were printed."""
        if self.cells is None or self.continued is None:
            return None
        return tuple(c for c, more in zip(self.cells[start:], self.continued[start:], strict=True) if not more)


def _slot_setter(name: str) -> Callable[[Line, Any], None]:
    setter: Callable[[Line, Any], None] = Line.__dict__[name].__set__
    return setter


_set_text = _slot_setter("text")
_set_number = _slot_setter("number")
_set_cells = _slot_setter("cells")
_set_continued = _slot_setter("continued")
