"""Format versions of the annual report, each declared once as data (see :mod:`.declaration`)."""

from __future__ import annotations

from disclosure_report.errors import UnsupportedYearError
from disclosure_report.formats import v2019, v2021
from disclosure_report.formats.declaration import (
    Alternative,
    Cell,
    CellKind,
    Column,
    ColumnSet,
    Format,
    Row,
    RowSum,
    Section,
    Subsection,
    Table,
)

FORMATS: dict[str, Format] = {f.version: f for f in (v2021.FORMAT, v2019.FORMAT)}
"""Every supported format version by its ``format`` value."""


def get_format(version: str) -> Format:
    """The declaration of format ``version`` (e.g. ``"2021"``); :class:`KeyError` naming the known versions."""
    try:
        return FORMATS[version]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise KeyError(f"unknown format version {version!r}; known versions: {known}") from None


def format_for_year(year: int) -> Format:
    """The format a report on ``year`` must use (2019–2020: the 2019 format; 2021 on: the 2021 format);
    :class:`~disclosure_report.errors.UnsupportedYearError` (a ``ValueError``) for a year none applies to."""
    for fmt in FORMATS.values():
        if fmt.applies_to(year):
            return fmt
    raise UnsupportedYearError.keyed("new.before_2019" if year < 2019 else "new.not_yet", year=year)


__all__ = [
    "FORMATS",
    "Alternative",
    "Cell",
    "CellKind",
    "Column",
    "ColumnSet",
    "Format",
    "Row",
    "RowSum",
    "Section",
    "Subsection",
    "Table",
    "format_for_year",
    "get_format",
]
