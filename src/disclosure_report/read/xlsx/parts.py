"""The parts of an ``.xlsx`` file, checked before any spreadsheet library sees them.

A workbook is a zip of XML parts. Before the values are read, every part is checked against limits no annual
report comes near — its size, how far it expands, DTDs (entity bombs), how many rows and columns its cells and
merged ranges reach — so that a hostile file is refused in bounded time and memory instead of being expanded.
The same pass finds the formula cells that have no saved result (a file openpyxl wrote and no spreadsheet program
has saved since), with their formulas, for :mod:`disclosure_report.read.xlsx.formulas` to evaluate.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

import attrs
from lxml import etree
from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from disclosure_report.read.base import ReadError
from disclosure_report.read.values import MONEY_UNITS
from disclosure_report.read.zipnames import read_member

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_PARTS = 2000
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 500
"""No table of an annual report reaches this far; a cell or merged range beyond is refused."""
MAX_AREA = 1_000_000
"""Rows × columns the cells of a sheet may span together."""
MAX_MERGED = 100_000
"""Cells all merged ranges of a sheet may cover together."""

_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")
_NUMBER = re.compile(r"^-?[0-9]{1,30}(?:\.[0-9]{1,30})?$")
"""A number saved in plain decimal notation (an exponent form is left to the spreadsheet library)."""


@attrs.frozen
class SheetPart:
    """One worksheet: its name, its part, and the formulas of its cells that have no saved result."""

    name: str
    part: str
    unsaved: dict[tuple[int, int], str]
    """(1-based row, column) → formula text with its ``=``."""
    numbers: dict[tuple[int, int], str]
    """(1-based row, column) → a number cell's saved text, exactly as written (``4068.208``): the value with all
    its digits, where a spreadsheet library would give a binary float."""
    errors: dict[tuple[int, int], str] = attrs.Factory(dict)
    """(1-based row, column) → an error value saved in the cell (``#DIV/0!``), shown as that text."""
    formats: dict[tuple[int, int], str] = attrs.Factory(dict)
    """(1-based row, column) → the number format of a number cell whose format may print a unit after it
    (``0.0"万元"``; :func:`~disclosure_report.read.xlsx.units.printed_unit` says which)."""


def _q(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


def cell_position(ref: str) -> tuple[int, int] | None:
    """``B7`` / ``$B$7`` → (7, 2); None for anything else."""
    m = _REF.match(ref.upper())
    if not m:
        return None
    return int(m.group(2)), column_index_from_string(m.group(1))


def _part_path(target: str) -> str:
    """The part a relationship of the workbook targets (relative to ``xl/``, or absolute)."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")


def _checked_position(ref: str, where: dict[str, str]) -> tuple[int, int]:
    """``where``: the ``source`` (file) and ``sheet`` (its name) a refusal names."""
    pos = cell_position(ref)
    if pos is None:
        raise ReadError.keyed("read.xlsx.not_a_cell", **where, ref=ref)
    if pos[0] > MAX_ROWS or pos[1] > MAX_COLUMNS:
        raise ReadError.keyed("read.xlsx.cell_beyond", **where, ref=ref, rows=MAX_ROWS, columns=MAX_COLUMNS)
    return pos


class _Extent:
    """The rectangle the cells holding values span: a spreadsheet library holds it as one dense block, so it is
    bounded as a whole (two cells far apart are refused before anything is read)."""

    def __init__(self, where: dict[str, str]) -> None:
        self.where = where
        self.top = self.left = MAX_ROWS + MAX_COLUMNS
        self.bottom = self.right = 0

    def add(self, row: int, column: int) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, column), max(self.right, column)
        if (self.bottom - self.top + 1) * (self.right - self.left + 1) > MAX_AREA:
            raise ReadError.keyed(
                "read.xlsx.span",
                **self.where,
                limit=MAX_AREA,
                top=self.top,
                bottom=self.bottom,
                left=self.left,
                right=self.right,
            )


class Parts:
    """The checked parts of a workbook (raises :class:`ReadError` naming the file and what is wrong)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError):
            raise ReadError.keyed("read.xlsx.not_zip", source=name) from None
        with archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise ReadError.keyed("read.xlsx.parts", source=name, parts=len(infos))
            members = {i.filename for i in infos}
            if "xl/workbook.xml" not in members:
                word = "word/document.xml" in members
                raise ReadError.keyed("read.xlsx.word" if word else "read.xlsx.no_workbook", source=name)
            total = sum(i.file_size for i in infos)
            if total > MAX_TOTAL_BYTES:
                raise ReadError.keyed("read.xlsx.bomb", source=name, size=total)
            self.xml: dict[str, bytes] = {}
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    self.xml[info.filename] = self._read(archive, info)
        self._unit_formats = self._formats_with_units()

    def _read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        part = info.filename
        xml = read_member(archive, info, self.name, "Excel", MAX_PART_BYTES)
        if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
            raise ReadError.keyed("read.xlsx.dtd", source=self.name, part=part)
        return xml

    def _parse(self, part: str) -> etree._Element:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
        try:
            return etree.fromstring(self.xml[part], parser)
        except KeyError:
            raise ReadError.keyed("read.xlsx.missing_part", source=self.name, part=part) from None
        except etree.XMLSyntaxError as e:
            raise ReadError.keyed("read.xlsx.bad_xml", source=self.name, part=part, detail=str(e)) from None

    def sheets(self) -> list[SheetPart]:
        """The worksheets in workbook order, each checked (cells and merged ranges within bounds)."""
        targets: dict[str, str] = {}
        rels = "xl/_rels/workbook.xml.rels"
        if rels in self.xml:
            for rel in self._parse(rels).iter(f"{{{PKG_REL}}}Relationship"):
                targets[rel.get("Id", "")] = _part_path(rel.get("Target", ""))
        out = []
        for sheet in self._parse("xl/workbook.xml").iter(_q("sheet")):
            part = targets.get(sheet.get(f"{{{REL}}}id", ""))
            if part is None or part not in self.xml:
                continue  # a chart sheet or a sheet kept elsewhere: no cells to read
            title = sheet.get("name", "")
            out.append(SheetPart(title, part, *self._scan(part, title)))
        return out

    def _formats_with_units(self) -> dict[str, str]:
        """Cell style index (the ``s`` of a cell) → its number format code, for the styles whose format prints a
        money unit somewhere (the only formats that can add a unit to a number; built-in formats print none)."""
        part = self._target("xl/_rels/workbook.xml.rels", "styles")
        if part not in self.xml:
            return {}
        root = self._parse(part)
        codes = {
            f.get("numFmtId", ""): f.get("formatCode", "")
            for f in root.iterfind(f"{_q('numFmts')}/{_q('numFmt')}")
            if any(unit in f.get("formatCode", "") for unit in MONEY_UNITS)
        }
        found: dict[str, str] = {}
        for index, xf in enumerate(root.iterfind(f"{_q('cellXfs')}/{_q('xf')}")):
            code = codes.get(xf.get("numFmtId", "0"))
            if code is not None:
                found[str(index)] = code
        return found

    def _target(self, rels: str, kind: str) -> str:
        """The part the workbook's relationship of type ``…/kind`` points to (``xl/styles.xml``)."""
        if rels in self.xml:
            for rel in self._parse(rels).iter(f"{{{PKG_REL}}}Relationship"):
                if rel.get("Type", "").endswith(f"/{kind}"):
                    return _part_path(rel.get("Target", ""))
        return f"xl/{kind}.xml"

    def _scan(
        self, part: str, title: str
    ) -> tuple[
        dict[tuple[int, int], str], dict[tuple[int, int], str], dict[tuple[int, int], str], dict[tuple[int, int], str]
    ]:
        where = {"source": self.name, "sheet": title}
        root = self._parse(part)
        covered = 0
        for merge in root.iter(_q("mergeCell")):
            first, _, last = merge.get("ref", "").partition(":")
            top = _checked_position(first, where)
            bottom = _checked_position(last or first, where)
            covered += (abs(bottom[0] - top[0]) + 1) * (abs(bottom[1] - top[1]) + 1)
            if covered > MAX_MERGED:
                raise ReadError.keyed("read.xlsx.merged", **where, limit=MAX_MERGED)
        unsaved: dict[tuple[int, int], str] = {}
        numbers: dict[tuple[int, int], str] = {}
        errors: dict[tuple[int, int], str] = {}
        formats: dict[tuple[int, int], str] = {}
        shared: dict[str, tuple[str, str]] = {}
        extent = _Extent(where)
        row_number = 0
        for row in root.iter(_q("row")):
            row_number = int(row.get("r")) if (row.get("r") or "").isdigit() else row_number + 1
            if row_number > MAX_ROWS:
                raise ReadError.keyed("read.xlsx.row_beyond", **where, row=row_number)
            column = 0
            for c in row.iter(_q("c")):
                ref = c.get("r")
                if ref:
                    row_number_c, column = _checked_position(ref, where)
                else:
                    column += 1
                    row_number_c = row_number
                    if column > MAX_COLUMNS:
                        raise ReadError.keyed("read.xlsx.columns_beyond", **where, row=row_number, limit=MAX_COLUMNS)
                    ref = f"{get_column_letter(column)}{row_number}"
                v = c.find(_q("v"))
                if v is not None or c.find(_q("is")) is not None:
                    extent.add(row_number_c, column)
                if c.get("t", "n") == "n" and v is not None and v.text and _NUMBER.match(v.text.strip()):
                    numbers[(row_number_c, column)] = v.text.strip()
                elif c.get("t") == "e" and v is not None:
                    errors[(row_number_c, column)] = (v.text or "#N/A").strip()[:32]
                if c.get("t", "n") == "n" and c.get("s") in self._unit_formats:
                    formats[(row_number_c, column)] = self._unit_formats[c.get("s", "")]
                f = c.find(_q("f"))
                if f is None:
                    continue
                text = self._formula(f, ref, shared)
                if v is None or (not (v.text or "").strip() and c.get("t") != "str"):  # t="str": a saved text
                    unsaved[(row_number_c, column)] = text
        return unsaved, numbers, errors, formats

    @staticmethod
    def _formula(f: etree._Element, ref: str, shared: dict[str, tuple[str, str]]) -> str:
        """The formula of a cell with its ``=``; a shared formula's follower gets the master's, moved to it."""
        text = (f.text or "").strip()
        if f.get("t") == "shared":
            si = f.get("si", "")
            if text:
                shared[si] = (ref, f"={text}")
            elif si in shared:
                origin, master = shared[si]
                try:
                    return str(Translator(master, origin=origin).translate_formula(ref))
                except TranslatorError:
                    return master
        return f"={text}" if text else "="
