"""Saved results for the formula cells of a workbook openpyxl wrote, and exact decimal numbers.

openpyxl writes a formula without its result (``<f>SUM(D7:I7)</f><v></v>``): Excel and LibreOffice compute it when
they open the file, but a program reading the saved values would find nothing. The template's 总计 formulas get
the report's stated total as their saved result here, so the file reads back as the report even before it is
opened in a spreadsheet program. openpyxl also writes every number through a binary float with 16 digits
(``626.385965`` becomes ``626.3859650000001``); money cells get their exact decimal text back here.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _patch(xml: bytes, results: Mapping[str, tuple[str, bool]]) -> bytes:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for c in root.iter(f"{{{MAIN}}}c"):
        found = results.get(c.get("r", ""))
        if found is None:
            continue
        text, is_number = found
        if c.find(f"{{{MAIN}}}f") is None and (not is_number or c.get("t", "n") != "n"):
            continue  # a plain cell only gets a number's exact text
        v = c.find(f"{{{MAIN}}}v")
        if v is None:
            v = etree.SubElement(c, f"{{{MAIN}}}v")
        v.text = text
        if is_number:
            c.attrib.pop("t", None)
        else:
            c.set("t", "str")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def with_results(data: bytes, results: Mapping[int, Mapping[str, tuple[str, bool]]]) -> bytes:
    """The workbook ``data`` (as openpyxl saved it) with saved results for formula cells and exact number texts.

    ``results``: sheet position (0-based, openpyxl writes ``xl/worksheets/sheet{n+1}.xml``) → coordinate →
    ``(text, is a number)``.
    """
    wanted = {f"xl/worksheets/sheet{n + 1}.xml": cells for n, cells in results.items() if cells}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename in wanted:
                part = _patch(part, wanted[info.filename])
            target.writestr(info, part, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
