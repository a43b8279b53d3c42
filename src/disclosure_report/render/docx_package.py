"""The parts of the Word file that are the same for every report, made once with python-docx.

The page (A4, margins after GB/T 9704), the named styles, the page-number footers and the settings never change
from one report to the next, so python-docx builds them once into a template package; each report then only
writes its own ``word/document.xml`` body, its title and author (``docProps/core.xml``) and its metadata record
(``docProps/custom.xml``), and the parts are zipped again.

GB/T 9704 print settings kept here:

* 正文 仿宋_GB2312 三号 (16 pt), 标题 二号 (22 pt), 一级/二级标题 三号; fixed line spacing of 28.95 pt (22 lines
  on the 225 mm high text block), no space before or after; headings keep with the paragraph that follows;
* page numbers in the footer as ``— 1 —`` (a PAGE field between two 一字线), 宋体 四号 (14 pt), odd pages at the
  right and even pages at the left, each one character in from the edge of the text block, the line about 7 mm
  below the text block.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import attrs
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from disclosure_report.published.embedded import MARK

FONTS = {"title": "方正小标宋简体", "h1": "黑体", "h2": "楷体", "body": "仿宋_GB2312", "table": "宋体"}
LATIN = "Times New Roman"
LINE_PITCH_PT = 28.95
"""GB/T 9704: 22 lines on a text block 225 mm high."""
PAGE_NUMBER_PT = 14
"""四号."""
TITLE_PT = 22
"""二号."""
TABLE_PT = 10.5
"""五号: the tables' size."""
SMALL_TABLE_PT = 9
"""小五: table 三's size."""
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
CUSTOM = "docProps/custom.xml"

CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

# name, east-asian font, size in pt, bold, alignment, first-line indent in characters, fixed 28.95 pt lines,
# keep with next
_STYLES = [
    ("标题", FONTS["title"], TITLE_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True, True),
    ("一级标题", FONTS["h1"], 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True, True),
    ("二级标题", FONTS["h2"], 16, True, WD_ALIGN_PARAGRAPH.LEFT, 0, True, True),
    ("正文", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, True, False),
    ("日期", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True, False),
    ("落款", FONTS["body"], 16, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, True, False),
    ("表格", FONTS["table"], TABLE_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0, False, False),
    ("表格小", FONTS["table"], SMALL_TABLE_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0, False, False),
    ("页码", FONTS["table"], PAGE_NUMBER_PT, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, False, False),
]


@attrs.frozen
class ZipEntry:
    """One part of the package, compressed (raw deflate) with what the zip headers say about it."""

    name: str
    crc: int
    size: int
    data: bytes

    @classmethod
    def deflate(cls, name: str, data: bytes) -> ZipEntry:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = (1 << 5) | 1  # 1980-01-01, 00:00: the same bytes for the same report


def zip_entries(entries: list[ZipEntry]) -> bytes:
    """A zip archive of already deflated entries (the template's parts are compressed once, not per report)."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("ascii")
        offset = len(out)
        out += _LOCAL.pack(b"PK\x03\x04", 20, 0, 8, 0, _DOS_DATE, e.crc, len(e.data), e.size, len(name), 0)
        out += name
        out += e.data
        central += _CENTRAL.pack(
            b"PK\x01\x02", 20, 20, 0, 8, 0, _DOS_DATE, e.crc, len(e.data), e.size, len(name), 0, 0, 0, 0, 0, offset
        )
        central += name
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


@attrs.frozen
class Template:
    """The template package: its parts in order, and what each report's ``word/document.xml`` is built from."""

    parts: tuple[ZipEntry, ...]
    nsmap: dict[str | None, str]
    root_attributes: dict[str, str]
    section: bytes
    """The serialized ``w:sectPr`` (page size, margins, footer references) that ends the body."""
    style_ids: dict[str, str]
    """Paragraph style name → style id; ``"Table Grid"`` → the table style's id."""


def _font(style: Any, east_asian: str, size: float, bold: bool) -> None:
    font = style.font
    font.name = LATIN
    font.size = Pt(size)
    font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


def _styles(document: Any) -> dict[str, str]:
    styles = document.styles
    ids = {"Table Grid": styles["Table Grid"].style_id}
    for name, east, size, bold, align, indent, pitch, keep in _STYLES:
        style = styles.add_style(name, 1)  # 1 = paragraph style
        style.base_style = styles["Normal"]
        _font(style, east, size, bold)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        if pitch:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(LINE_PITCH_PT)
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.keep_with_next = True if keep else None
        fmt.widow_control = True
        if indent:
            fmt.first_line_indent = Pt(size * indent)
        ids[name] = style.style_id
    return ids


def _run(paragraph: Any, *children: Any) -> None:
    r = OxmlElement("w:r")
    for child in children:
        r.append(child)
    paragraph._p.append(r)


def _element(tag: str, text: str | None = None, **attributes: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attributes.items():
        el.set(qn(f"w:{key}"), value)
    if text is not None:
        el.text = text
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el


def _page_number(footer: Any, *, odd: bool) -> None:
    """``— N —`` with N a PAGE field: odd pages at the right, even pages at the left, one character in."""
    paragraph = footer.paragraphs[0]
    paragraph.style = "页码"
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        fmt.left_indent = Pt(PAGE_NUMBER_PT)
    _run(paragraph, _element("w:t", "— "))
    _run(paragraph, _element("w:fldChar", fldCharType="begin"))
    _run(paragraph, _element("w:instrText", " PAGE "))
    _run(paragraph, _element("w:fldChar", fldCharType="separate"))
    _run(paragraph, _element("w:t", "1"))
    _run(paragraph, _element("w:fldChar", fldCharType="end"))
    _run(paragraph, _element("w:t", " —"))


def _custom_properties(record: str) -> bytes:
    """The metadata record as a custom document property (File › Properties › Custom in Word)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_PROPERTIES}" xmlns:vt="{VT}">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{MARK}">'
        f"<vt:lpwstr>{xml_escape(record)}</vt:lpwstr></property></Properties>"
    ).encode()


def _core_properties(title: str, author: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(author)}</dc:creator>"
        "<cp:revision>1</cp:revision></cp:coreProperties>"
    ).encode()


@functools.lru_cache(maxsize=1)
def template() -> Template:
    """The template package, built once per process."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    # the page number's line starts 7 mm below the text block: the footer ends one line of 四号 lower
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7) - Pt(PAGE_NUMBER_PT * 1.3)
    ids = _styles(document)
    document.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.footer, odd=True)
    _page_number(section.even_page_footer, odd=False)
    package = document.part.package
    part = Part(PackURI("/" + CUSTOM), CT.OFC_CUSTOM_PROPERTIES, _custom_properties("{}"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        parts = tuple(ZipEntry.deflate(name, z.read(name)) for name in z.namelist())
        root = etree.fromstring(z.read(DOCUMENT))
    body = root.find(qn("w:body"))
    sect_pr = body.find(qn("w:sectPr"))
    return Template(
        parts=parts,
        nsmap=dict(root.nsmap),
        root_attributes=dict(root.attrib),
        section=etree.tostring(sect_pr),
        style_ids=ids,
    )


def new_document() -> tuple[Any, Any]:
    """A fresh ``w:document`` root of the template and its empty ``w:body``."""
    tpl = template()
    root = etree.Element(qn("w:document"), tpl.root_attributes, nsmap=tpl.nsmap)
    return root, etree.SubElement(root, qn("w:body"))


def package(root: Any, *, title: str, author: str, record: str) -> bytes:
    """The Word file: the template's parts with this report's document body, title, author and record."""
    tpl = template()
    root.find(qn("w:body")).append(etree.fromstring(tpl.section))
    own = {
        DOCUMENT: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        CORE: _core_properties(title, author),
        CUSTOM: _custom_properties(record),
    }
    return zip_entries([ZipEntry.deflate(e.name, own[e.name]) if e.name in own else e for e in tpl.parts])
