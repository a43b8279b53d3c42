"""``docx`` (extra ``[docx]``): Word files, reading merged cells from the XML (``w:gridSpan``, ``w:vMerge``) so a
merged cell counts once, with limits against zip and XML bombs."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from disclosure_report.published.embedded import MARK, parse_record
from disclosure_report.read.assemble import assemble
from disclosure_report.read.base import UNNAMED, ReadError, ReadResult
from disclosure_report.read.kinds import BuiltInReader
from disclosure_report.read.lines import Line
from disclosure_report.read.zipnames import has_member_under, read_member

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_XML_BYTES = 50 * 1024 * 1024


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _parts(data: bytes, source: str | None) -> tuple[bytes, bytes | None]:
    """``word/document.xml`` and, when present, ``docProps/custom.xml`` (where the embedded record lives)."""
    name = source or UNNAMED
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReadError.keyed("read.docx.not_zip", source=name) from None
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise ReadError.keyed("read.docx.no_document", source=name) from None
        document = _read_part(archive, info, name)
        try:
            core_info = archive.getinfo("docProps/custom.xml")
        except KeyError:
            return document, None
        try:
            return document, _read_part(archive, core_info, name)
        except ReadError:
            return document, None  # the properties are optional: a bad part only loses the record


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    return read_member(archive, info, name, "Word", MAX_XML_BYTES)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _record(custom: bytes | None) -> dict[str, Any] | None:
    """The embedded metadata record, a custom document property named after :data:`MARK`, if any."""
    if custom is None:
        return None
    try:
        root = etree.fromstring(custom, _PARSER)
    except etree.XMLSyntaxError:
        return None
    for prop in root.iterchildren(f"{{{CUSTOM}}}property"):
        if prop.get("name") == MARK:
            value = prop.find(f"{{{VT}}}lpwstr")
            return parse_record(value.text or "") if value is not None else None
    return None


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(_q("t"), _q("tab"))).strip()


PHANTOM_TWIPS = 20
"""Grid columns narrower than this (a third of a millimetre) hold no cell of their own: office suites add them when
they save a table again (LibreOffice writes a 1-twip ``w:gridCol`` and widens a neighbour's ``gridSpan`` over it)."""


def _real_columns(tbl: Any) -> list[bool]:
    """For each grid column of the table, whether it is a column of its own (not a phantom sliver)."""
    grid = tbl.find(_q("tblGrid"))
    out: list[bool] = []
    for col in grid.iterchildren(_q("gridCol")) if grid is not None else []:
        try:
            out.append(int(float(col.get(_q("w"), "1000"))) >= PHANTOM_TWIPS)
        except ValueError:
            out.append(True)
    return out


def _int_val(props: Any, tag: str, default: int) -> int:
    el = props.find(_q(tag)) if props is not None else None
    if el is None:
        return default
    try:
        return max(0, min(int(el.get(_q("val"), str(default))), 64))
    except ValueError:
        return default


def _cell_text(tc: Any) -> str:
    """The text of a cell: its non-empty paragraphs, one a line (empty paragraphs, as re-saved files have, dropped)."""
    return "\n".join(t for t in (_text(p) for p in tc.iterchildren(_q("p"))) if t)


def _table(tbl: Any) -> list[tuple[tuple[str, ...], tuple[bool, ...]]]:
    """The rows of a table, one text per real grid column: a cell spanning columns repeats its text over them
    (like an expanded HTML colspan: the assembler drops the repeats), with for each whether it continues the cell
    on its left; a cell continuing a vertical merge is empty
    (the cell above holds the text: counted once); phantom grid columns count for nothing."""
    real = _real_columns(tbl)

    def width(start: int, span: int) -> int:
        if not real:
            return span
        covered = real[start : start + span]
        return sum(covered) + max(0, start + span - len(real))  # columns past the declared grid count as real

    rows: list[tuple[list[str], list[bool]]] = []
    for tr in tbl.iterchildren(_q("tr")):
        row_props = tr.find(_q("trPr"))
        pos = _int_val(row_props, "gridBefore", 0)
        row: list[str] = [""] * width(0, pos)
        continued = [False] * len(row)
        for tc in tr.iterchildren(_q("tc")):
            props = tc.find(_q("tcPr"))
            span = max(1, _int_val(props, "gridSpan", 1))
            vm = props.find(_q("vMerge")) if props is not None else None
            merge = None if vm is None else vm.get(_q("val"), "continue")  # no w:val: a continuing cell
            text = "" if merge == "continue" else _cell_text(tc)
            count = width(pos, span)
            places = count if count or not text else 1
            row.extend([text] * places)
            continued.extend(k > 0 for k in range(places))
            pos += span
        rows.append((row, continued))
    return [(tuple(r), tuple(c)) for r, c in rows]


def docx_lines(data: bytes, source: str | None = None) -> tuple[list[Line], dict[str, Any] | None]:
    """The lines of a Word file, and the embedded metadata record if the file carries one."""
    xml, core = _parts(data, source)
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as e:
        raise ReadError.keyed("read.docx.bad_xml", source=source or UNNAMED, detail=str(e)) from None
    body = root.find(_q("body"))
    out: list[Line] = []
    number = 0
    for el in body if body is not None else []:
        if el.tag == _q("p"):
            number += 1
            text = _text(el)
            if text:
                out.append(Line(text, number))
        elif el.tag == _q("tbl"):
            for cells, continued in _table(el):
                number += 1
                out.append(Line(" ".join(cells), number, cells, continued))
    return out, _record(core)


class DocxReader(BuiltInReader, kind="docx"):
    def sniff(self, head: bytes) -> bool:
        return has_member_under(head, "word/")

    def read(
        self, data: bytes, *, source: str | None = None, year: int | None = None, agency: str | None = None
    ) -> ReadResult:
        lines, found = docx_lines(data, source)
        return assemble(lines, source=source, record=found, year=year, agency=agency)
