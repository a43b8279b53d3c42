"""The vocabulary a format version is declared in.

A format module (``v2021``, later ``v2019``) builds one :class:`Format` out of these classes. Everything else in
the package — the model's field order, the JSON Schema, the rules, renderers and readers — reads labels, codes and
order from that one object, never from a second copy.

The unit of data is the :class:`Cell`: one number of the published tables, with a stable dotted *cell path*
(``applications.results.denied.state_secret.natural_person``), the printed row labels and the printed column
headers that locate it in the official table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import attrs

CellKind = Literal["count", "money", "signed"]
"""``count``: an int >= 0; ``money``: a Decimal >= 0 in the column's unit; ``signed``: an int that may be < 0."""

TableLayout = Literal["blocks", "matrix", "bands"]
"""How the official table arranges its rows.

* ``blocks`` — table 二: one block per 第二十条 item, each with its own header row (信息内容 | columns…).
* ``matrix`` — table 三: one header for all rows; rows nested in up to three label levels.
* ``bands`` — table 四: one data row; each declared row is a band of columns side by side.
"""


@attrs.frozen
class Column:
    """One column of a row type: its key in the JSON document and its printed header path."""

    key: str
    headers: tuple[str, ...]
    """Printed header cells from the outermost to this column, e.g. ``("申请人情况", "法人或其他组织", "商业企业")``."""
    en: str
    kind: CellKind = "count"
    unit: str | None = None
    """Unit of a money column as printed in the header, e.g. ``"万元"``."""

    @property
    def label(self) -> str:
        """The column's own printed header (the innermost one)."""
        return self.headers[-1]


@attrs.frozen
class ColumnSet:
    """The columns shared by rows of one shape; ``total`` names the column that is the sum of the others."""

    key: str
    columns: tuple[Column, ...]
    total: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def parts(self) -> tuple[str, ...]:
        """Keys of the columns that add up to ``total`` (every column but the total)."""
        return tuple(c.key for c in self.columns if c.key != self.total)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(f"no column {key!r} in column set {self.key!r}; expected one of {', '.join(self.keys)}")


@attrs.frozen
class Row:
    """One data row of a table (or, in a ``bands`` table, one band of columns)."""

    path: tuple[str, ...]
    """Keys from the table down to the row, e.g. ``("results", "denied", "state_secret")``."""
    labels: tuple[str, ...]
    """Printed row labels from the outermost level to this row, e.g.
    ``("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")``."""
    columns: ColumnSet
    en: str
    aliases: tuple[str, ...] = ()
    """Variants of the innermost label seen in published reports (read, never rendered)."""

    @property
    def label(self) -> str:
        return self.labels[-1]


@attrs.frozen
class RowSum:
    """A row that is the column-wise sum of the other rows under ``under`` (e.g. （七）总计 of 三、本年度办理结果)."""

    total: tuple[str, ...]
    under: tuple[str, ...]

    def parts(self, rows: tuple[Row, ...]) -> tuple[Row, ...]:
        n = len(self.under)
        return tuple(r for r in rows if r.path[:n] == self.under and r.path != self.total)


@attrs.frozen
class Alternative:
    """Rows a published report may print *instead of* the declared rows under ``replaces``.

    The 2021 table 三 declares （六）其他处理 as three sub-rows; many 2021-year reports still print the single
    （六）其他处理 row of the 2019 layout. Such a report is kept as printed and flagged, not forced into sub-rows.
    """

    key: str
    replaces: tuple[str, ...]
    rows: tuple[Row, ...]
    en: str


@attrs.frozen
class Table:
    key: str
    """Top-level key of the table in the document, e.g. ``"applications"``."""
    layout: TableLayout
    rows: tuple[Row, ...]
    en: str
    corner: str | None = None
    """Text of the top-left header cell: the label-column header (信息内容) or the printed 勾稽 note."""
    row_sums: tuple[RowSum, ...] = ()
    alternatives: tuple[Alternative, ...] = ()

    def rows_with(self, alternative: Alternative | None) -> tuple[Row, ...]:
        """The rows in print order, with ``alternative``'s rows in place of the rows it replaces."""
        if alternative is None:
            return self.rows
        n = len(alternative.replaces)
        out: list[Row] = []
        for r in self.rows:
            if r.path[:n] == alternative.replaces:
                if alternative.rows[0] not in out:
                    out.extend(alternative.rows)
            else:
                out.append(r)
        return tuple(out)

    def row(self, path: tuple[str, ...] | str) -> Row:
        want = tuple(path.split(".")) if isinstance(path, str) else path
        for r in self.rows:
            if r.path == want:
                return r
        raise KeyError(f"no row {'.'.join(want)!r} in table {self.key!r}")

    def cells(self) -> Iterator[Cell]:
        for r in self.rows:
            for c in r.columns.columns:
                yield Cell(table=self, row=r, column=c)


@attrs.frozen
class Cell:
    """One number of a published table."""

    table: Table
    row: Row
    column: Column

    @property
    def path(self) -> str:
        return ".".join((self.table.key, *self.row.path, self.column.key))

    @property
    def labels(self) -> tuple[str, ...]:
        """Row labels then column headers: what a reader of the printed table sees for this number."""
        return self.row.labels + self.column.headers

    @property
    def kind(self) -> CellKind:
        return self.column.kind


@attrs.frozen
class Subsection:
    """A named part of a narrative section, e.g. （一）主动公开 of 一、总体情况."""

    key: str
    number: str
    """Printed number, e.g. ``"（一）"``."""
    title: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


@attrs.frozen
class Section:
    """One of the six numbered sections of the report."""

    key: str
    number: str
    """Chinese ordinal without punctuation, e.g. ``"二"``."""
    title: str
    en: str
    table: Table | None = None
    subsections: tuple[Subsection, ...] = ()
    aliases: tuple[str, ...] = ()
    """Heading variants seen in published reports (without the number), accepted by readers."""

    @property
    def heading(self) -> str:
        """The printed heading, e.g. ``"二、主动公开政府信息情况"``."""
        return f"{self.number}、{self.title}"


@attrs.frozen
class Format:
    """A format version of the annual report, declared as data."""

    version: str
    """The value of ``format`` in a document, e.g. ``"2021"``."""
    name: str
    """Official title of the format, e.g. 《中华人民共和国政府信息公开工作年度报告格式》."""
    document: str
    """The notice that issued it, e.g. 国办公开办函〔2021〕30号."""
    first_year: int
    last_year: int | None
    """Report years the format applies to (inclusive); ``None``: still current."""
    sections: tuple[Section, ...]

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(s.table for s in self.sections if s.table is not None)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"no section {key!r} in format {self.version}")

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(f"no table {key!r} in format {self.version}")

    def cells(self) -> tuple[Cell, ...]:
        """Every cell of every table, in the order they are printed."""
        return _cells_of(self)

    def cell(self, path: str) -> Cell:
        """The declared cell at ``path``; :class:`KeyError` naming the path when there is none."""
        found = _cell_index(self).get(path)
        if found is None:
            raise KeyError(f"{path!r} is not a cell path of the {self.version} format")
        return found

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


_CELLS: dict[int, tuple[Cell, ...]] = {}
_INDEX: dict[int, dict[str, Cell]] = {}


def _cells_of(fmt: Format) -> tuple[Cell, ...]:
    cached = _CELLS.get(id(fmt))
    if cached is None:
        cached = tuple(c for t in fmt.tables for c in t.cells())
        _CELLS[id(fmt)] = cached
    return cached


def _cell_index(fmt: Format) -> dict[str, Cell]:
    cached = _INDEX.get(id(fmt))
    if cached is None:
        cached = {c.path: c for c in _cells_of(fmt)}
        _INDEX[id(fmt)] = cached
    return cached
