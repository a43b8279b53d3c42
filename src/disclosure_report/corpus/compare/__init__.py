"""Two reports of one agency side by side: every cell that changed, the carry-over checks, the notable changes.

The reports may be in different format versions (a 2020 report against a 2021 one): the cells compared are those
whose cell path both declarations have (tables 三 and 四 share theirs). Where the two print a row group in different
layouts — the single （六）其他处理 row against its three sub-rows — the group is compared by its column totals.

>>> from disclosure_report import load, replace_value
>>> old = load("examples/panzhou-rural-revitalization-2023.json")
>>> new = replace_value(old, "applications.new.natural_person", 4)
>>> change = compare(old, new).changes[0]
>>> change.path, change.old, change.new, change.difference, change.relative
('applications.new.natural_person', 0, 4, 4, None)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from disclosure_report.formats import Row, Table, get_format
from disclosure_report.messages import Lang, say
from disclosure_report.model import AnnualReport, Blank, Unread, is_number
from disclosure_report.model.meta import agency_key
from disclosure_report.model.paths import alternative_in_use, table_cells
from disclosure_report.render.grid import cell_text
from disclosure_report.rules import Finding, validate

Number = int | Decimal


@attrs.frozen
class CellChange:
    """One cell whose value differs between the two reports."""

    path: str
    labels: tuple[str, ...]
    """The printed row labels and column headers (of the newer report's format)."""
    old: Any
    new: Any
    difference: Number | None
    """``new - old``; None when either is not a number."""
    relative: float | None
    """``(new - old) / old``; None when old is 0 or either is not a number."""
    summed: bool = False
    """True when the cell is the total of a row group the two reports print in different layouts."""

    @property
    def state(self) -> str:
        """``changed`` (two numbers); else what the side without a number holds: ``now blank`` / ``was blank``
        (or ``now unread``… for another kind of cell without a number), ``not a number`` when neither has one."""
        if self.difference is not None:
            return "changed"
        if is_number(self.old) and not is_number(self.new):
            return f"now {kind_of(self.new)}"
        if is_number(self.new) and not is_number(self.old):
            return f"was {kind_of(self.old)}"
        return "not a number"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "labels": list(self.labels),
            "old": json_value(self.old),
            "new": json_value(self.new),
            "difference": json_value(self.difference),
            "relative": None if self.relative is None else round(self.relative, 6),
            "state": self.state,
            "summed": self.summed,
        }


@attrs.frozen
class NotableGroup:
    """The changes of one group of cells (e.g. denials by reason), largest relative change first."""

    key: str
    title_zh: str
    title_en: str
    changes: tuple[CellChange, ...]

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "changes": [c.to_dict() for c in self.changes],
        }


@attrs.frozen
class ReportRef:
    """Which report a side of the comparison is."""

    agency: str
    year: int
    format: str

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "year": self.year, "format": self.format}


@attrs.frozen
class Comparison:
    """What :func:`compare` found."""

    old: ReportRef
    new: ReportRef
    compared: int
    """How many cells (or row-group totals) both reports have."""
    changes: tuple[CellChange, ...]
    """Every compared cell whose value differs, in print order."""
    carry_over: tuple[Finding, ...]
    """The cross-year findings of ``validate(new, previous=old)`` (X-CARRY, X-IN-FORCE, X-ITEMS, X-PREVIOUS)."""
    notable: tuple[NotableGroup, ...]
    notes: tuple[str, ...] = ()
    """What the reader should know: different agencies, years not consecutive, row groups compared by totals."""

    @property
    def same_agency(self) -> bool:
        return agency_key(self.old.agency) == agency_key(self.new.agency)

    def change(self, path: str) -> CellChange | None:
        """The change of the cell at ``path``, or None when it did not change (or is not compared)."""
        for c in self.changes:
            if c.path == path:
                return c
        return None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (see docs/compare.md)."""
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "compared": self.compared,
            "changes": [c.to_dict() for c in self.changes],
            "carry_over": [f.to_dict() for f in self.carry_over],
            "notable": [g.to_dict() for g in self.notable],
            "notes": list(self.notes),
        }


def kind_of(value: object) -> str:
    """What a cell without a number holds, in one word: ``blank`` or ``unread``."""
    return type(value).__name__.lower()


def json_value(value: object) -> Any:
    """A cell value as JSON: ints as numbers, money as an exact string, a blank as ``{"blank": printed}``, an
    unread cell as ``{"unread": true}`` (the document's own forms)."""
    if value is None or type(value) is int:
        return value
    if type(value) is Decimal:
        return cell_text(value)
    if type(value) is Blank:
        return {"blank": value.printed}
    if type(value) is Unread:
        return {"unread": True}
    return {"value": str(value)}


# --- which cells correspond -------------------------------------------------------------------------------------


@attrs.frozen
class _Slot:
    labels: tuple[str, ...]
    value: Any
    summed: bool = False


def _values(report: AnnualReport, table: Table) -> dict[str, _Slot]:
    return {cell.path: _Slot(cell.labels, value) for cell, value in table_cells(report, table)}


def _group_total(values: dict[str, _Slot], prefix: str, column: str) -> Any:
    """The sum of column ``column`` over the rows under ``prefix``; the first non-number when any is one."""
    total: Number = 0
    for path, slot in values.items():
        if path.startswith(prefix + ".") and path.rpartition(".")[2] == column:
            if not is_number(slot.value):
                return slot.value
            total += slot.value
    return total


def _single_row(tables: tuple[Table, ...], replaces: tuple[str, ...]) -> Row | None:
    """The declared one-row form of a row group, from whichever table (or alternative) has it."""
    for table in tables:
        for row in (*table.rows, *(r for alt in table.alternatives for r in alt.rows)):
            if row.path == replaces:
                return row
    return None


def _corresponding(
    old: AnnualReport, new: AnnualReport, t_old: Table, t_new: Table
) -> tuple[dict[str, _Slot], dict[str, _Slot], list[str]]:
    """The cells of one table both reports have, keyed by cell path; row groups printed in different layouts are
    replaced by their column totals under the group's one-row path."""
    a, b = _values(old, t_old), _values(new, t_new)
    notes: list[str] = []
    for alt in (*t_new.alternatives, *t_old.alternatives):
        prefix = ".".join((t_new.key, *alt.replaces))
        inside_a = {p for p in a if p.startswith(prefix + ".")}
        inside_b = {p for p in b if p.startswith(prefix + ".")}
        if inside_a == inside_b or not inside_a or not inside_b:
            continue
        row = _single_row((t_new, t_old), alt.replaces)
        if row is None:
            continue
        for side in (a, b):
            totals = {
                f"{prefix}.{c.key}": _Slot(row.labels + c.headers, _group_total(side, prefix, c.key), True)
                for c in row.columns.columns
            }
            for path in [p for p in side if p.startswith(prefix + ".")]:
                del side[path]
            side.update(totals)
        width = len(row.columns.columns)
        n_old, n_new = len(inside_a) // width, len(inside_b) // width
        notes.append(
            Note.of(
                "compare.note.by_totals",
                {"row": " › ".join(row.labels), "old_year": old.meta.year, "new_year": new.meta.year},
                zh={"old_rows": f"{n_old} 行", "new_rows": f"{n_new} 行"},
                en={"old_rows": _rows(n_old), "new_rows": _rows(n_new)},
            )
        )
    return a, b, notes


def _rows(n: int) -> str:
    return "one row" if n == 1 else f"{n} rows"


class Note(str):
    """A note of a comparison: the English text (as the JSON form carries it), with its Chinese wording beside it
    (:meth:`text`); both from one message of :data:`~disclosure_report.messages.TEXTS`."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Note:
        note = super().__new__(cls, en)
        note.zh = zh
        return note

    def __reduce__(self) -> tuple[type[Note], tuple[str, str]]:
        return Note, (str(self), self.zh)

    @classmethod
    def of(
        cls,
        key: str,
        fields: dict[str, object],
        *,
        zh: dict[str, object] | None = None,
        en: dict[str, object] | None = None,
    ) -> Note:
        """The note ``key`` with ``fields`` (and the fields each language words its own way)."""
        return cls(say(key, "en", **fields, **(en or {})), say(key, "zh", **fields, **(zh or {})))

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else str(self)


def note_text(note: str, lang: Lang) -> str:
    """A comparison's note in ``lang`` (a note made elsewhere, without a Chinese wording, as it is)."""
    return note.text(lang) if isinstance(note, Note) else note


# --- changes ----------------------------------------------------------------------------------------------------


def _change(path: str, labels: tuple[str, ...], old: Any, new: Any, summed: bool) -> CellChange | None:
    if is_number(old) and is_number(new):
        if old == new:
            return None
        difference = new - old
        relative = None if old == 0 else float(difference) / float(old)
        return CellChange(path, labels, old, new, difference, relative, summed)
    if not is_number(old) and not is_number(new) and type(old) is type(new):
        return None  # blank then, blank now (whatever mark was printed)
    return CellChange(path, labels, old, new, None, None, summed)


def _changes(old: AnnualReport, new: AnnualReport) -> tuple[int, list[CellChange], list[str]]:
    f_old, f_new = get_format(old.format), get_format(new.format)
    old_keys = {t.key for t in f_old.tables}
    compared = 0
    changes: list[CellChange] = []
    notes: list[str] = []
    for t_new in f_new.tables:
        if t_new.key not in old_keys:
            continue
        a, b, table_notes = _corresponding(old, new, f_old.table(t_new.key), t_new)
        notes += table_notes
        for path, slot in b.items():
            if path not in a:
                continue
            compared += 1
            found = _change(path, slot.labels, a[path].value, slot.value, slot.summed)
            if found is not None:
                changes.append(found)
    return compared, changes, notes


# --- notable changes --------------------------------------------------------------------------------------------


@attrs.frozen
class _GroupSpec:
    key: str
    table: str
    under: tuple[str, ...]
    """Rows whose path starts with this; () for every row of the table."""
    total_column_only: bool
    """True: only each row's total column (e.g. one figure per denial reason)."""
    title_zh: str
    title_en: str


NOTABLE: tuple[_GroupSpec, ...] = (
    _GroupSpec("received", "applications", ("new",), False, "本年新收申请", "applications received"),
    _GroupSpec("denied", "applications", ("results", "denied"), True, "不予公开（按理由）", "denials by reason"),
    _GroupSpec("review_litigation", "review_litigation", (), False, "行政复议、行政诉讼结果", "review and litigation"),
)
"""The groups whose changes are ranked; their rows and columns are read from the declaration."""


def _group_paths(new: AnnualReport, spec: _GroupSpec) -> set[str]:
    fmt = get_format(new.format)
    table = fmt.table(spec.table)
    rows = table.rows_with(alternative_in_use(new, table))
    out: set[str] = set()
    n = len(spec.under)
    for row in (*rows, *(r for alt in table.alternatives for r in alt.rows)):
        if row.path[:n] != spec.under:
            continue
        for column in row.columns.columns:
            if spec.total_column_only and column.key != row.columns.total:
                continue
            out.add(".".join((table.key, *row.path, column.key)))
    return out


def rank_key(change: CellChange) -> tuple[int, float, float, str]:
    """Largest relative change first; a change from 0 (no relative change) before any other; then the largest
    absolute difference; then the cell path (so the order is stable)."""
    difference = abs(float(change.difference)) if change.difference is not None else 0.0
    if change.relative is None:
        return (0, 0.0, -difference, change.path)
    return (1, -abs(change.relative), -difference, change.path)


def _notable(new: AnnualReport, changes: list[CellChange], top: int) -> tuple[NotableGroup, ...]:
    groups = []
    for spec in NOTABLE:
        paths = _group_paths(new, spec)
        ranked = sorted((c for c in changes if c.path in paths and c.difference is not None), key=rank_key)
        groups.append(NotableGroup(spec.key, spec.title_zh, spec.title_en, tuple(ranked[:top])))
    return tuple(groups)


# --- the comparison ---------------------------------------------------------------------------------------------


def compare(old: AnnualReport, new: AnnualReport, *, top: int = 5) -> Comparison:
    """Compare ``new`` with ``old`` (normally the same agency's report on the year before).

    Every cell both formats declare is compared; ``top`` bounds each group of notable changes.
    """
    compared, changes, notes = _changes(old, new)
    carry = tuple(f for f in validate(new, previous=old).findings if f.kind == "cross-year")
    if agency_key(old.meta.agency) != agency_key(new.meta.agency):
        notes.insert(0, Note.of("compare.note.agencies", {"old": old.meta.agency, "new": new.meta.agency}))
    if new.meta.year != old.meta.year + 1:
        notes.insert(0, Note.of("compare.note.years", {"old": old.meta.year, "new": new.meta.year}))
    return Comparison(
        ReportRef(old.meta.agency, old.meta.year, old.format),
        ReportRef(new.meta.agency, new.meta.year, new.format),
        compared,
        tuple(changes),
        carry,
        _notable(new, changes, top),
        tuple(notes),
    )
