"""The format-neutral form every reader produces: lines of text, some of them table rows of cells."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen(init=False)
class Line:
    """A paragraph or heading (``cells`` is None) or a table row (``cells`` the texts of its cells)."""

    text: str
    number: int
    cells: tuple[str, ...] | None = None

    def __init__(self, text: str, number: int, cells: tuple[str, ...] | None = None) -> None:
        # Every line of every document is made here: its slots are set directly (a third of the time of attrs'
        # frozen __init__, which looks object.__setattr__ up on each call); the instance stays frozen.
        _set_text(self, text)
        _set_number(self, number)
        _set_cells(self, cells)


def _slot_setter(name: str) -> Callable[[Line, Any], None]:
    setter: Callable[[Line, Any], None] = Line.__dict__[name].__set__
    return setter


_set_text = _slot_setter("text")
_set_number = _slot_setter("number")
_set_cells = _slot_setter("cells")
