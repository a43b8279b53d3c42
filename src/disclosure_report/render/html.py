"""The report as a standalone, printable web page (or an embeddable fragment) in the official layout."""

from __future__ import annotations

from html import escape
from typing import Any

from disclosure_report.model import AnnualReport
from disclosure_report.published.embedded import MARK, record
from disclosure_report.render.base import check_options
from disclosure_report.render.grid import Grid
from disclosure_report.render.outline import Heading, Paragraph, TableBlock, is_heading_line, outline, title_of
from disclosure_report.render.title_lines import title_pieces

CSS = """
.dr-report { font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif;
  font-size: 16pt; line-height: 1.6; max-width: 210mm; margin: 0 auto; color: #000; }
.dr-report h1 { font-family: "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt;
  text-align: center; font-weight: bold; margin: 1em 0 0.3em; }
.dr-report h1 .dr-unbroken { display: inline-block; }
.dr-report h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
  margin: 1em 0 0.3em; }
.dr-report h3 { font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: bold;
  margin: 0.6em 0 0.2em; }
.dr-report p { text-indent: 2em; margin: 0.2em 0; }
.dr-report p.dr-date { text-align: center; text-indent: 0; }
.dr-report p.dr-closing { text-align: right; }
.dr-report table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt;
  line-height: 1.3; page-break-inside: auto; }
.dr-report th, .dr-report td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
.dr-report td.dr-label { text-align: left; }
.dr-report td.dr-data { text-align: center; font-variant-numeric: tabular-nums; }
.dr-report th.dr-corner { font-weight: normal; font-size: 9pt; }
.dr-report th, .dr-report td { min-width: 2em; }
.dr-report td.dr-data { white-space: nowrap; }
.dr-report th.dr-header { word-break: keep-all; overflow-wrap: anywhere; }
.dr-report table[data-table="applications"] { font-size: 9pt; }
.dr-report table[data-table="applications"] td.dr-data { min-width: 2.5em; }
.dr-report h1, .dr-report h2, .dr-report h3, .dr-report p.dr-heading-line, .dr-report p.dr-note {
  break-after: avoid; page-break-after: avoid; }
.dr-report tr { break-inside: avoid; page-break-inside: avoid; }
.dr-report tr.dr-keep { break-after: avoid; page-break-after: avoid; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print { .dr-report { max-width: none; } }
"""


def _table(grid: Grid) -> str:
    out = [f'<table class="dr-table" data-table="{grid.key}">']
    head_rows = grid.header_rows if _head_closed(grid) else 0
    if head_rows:
        out.append("<thead>")  # repeated at the top of each printed page the table runs onto
    for r, cells in enumerate(grid.rows()):
        if r == head_rows and head_rows:
            out.append("</thead><tbody>")
        heads = all(c.role != "data" for c in cells) and r >= head_rows  # table 二's item and header rows
        out.append('<tr class="dr-keep">' if heads else "<tr>")
        for c in cells:
            attrs = ""
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            text = c.text if c.text.isdigit() else escape(c.text)
            if c.role == "data":
                out.append(f'<td class="dr-data"{attrs} data-cell="{c.path}">{text}</td>')
            elif c.role == "label":
                out.append(f'<td class="dr-label"{attrs}>{text}</td>')
            else:
                head = r < grid.header_rows or c.role in ("header", "block")
                tag = "th" if head or c.role == "corner" else "td"
                out.append(f'<{tag} class="dr-{c.role}"{attrs}>{text}</{tag}>')
        out.append("</tr>")
    out.append("</tbody></table>" if head_rows else "</table>")
    return "".join(out)


def _head_closed(grid: Grid) -> bool:
    """Whether the grid's header rows form a head of their own: some, and no cell of them reaching below them."""
    return grid.header_rows > 0 and all(
        c.row + c.rowspan <= grid.header_rows for c in grid.cells if c.row < grid.header_rows
    )


def _title(title: str) -> str:
    """The title as pieces the browser keeps whole (``display: inline-block``): a title too long for the line
    breaks between the agency and the year, and inside the agency after an organ's name — not in a word."""
    pieces = title_pieces(title)
    if pieces is None:
        return escape(title)
    return "".join(_unbroken(group) for group in pieces)


def _unbroken(group: tuple[str, ...]) -> str:
    inner = "".join(_unbroken((piece,)) for piece in group) if len(group) > 1 else escape(group[0])
    return f'<span class="dr-unbroken">{inner}</span>'


def _body(report: AnnualReport, date_style: Any) -> str:
    doc = outline(report, date_style=date_style)
    out = [
        f'<div class="dr-report" data-format="{report.format}">',
        f'<script type="application/json" id="{MARK}">{record(report)}</script>',
        f"<h1>{_title(doc.title)}</h1>",
    ]
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level == 1 else "h3"
            out.append(f'<{tag} data-key="{block.key}">{escape(block.text)}</{tag}>')
        elif isinstance(block, Paragraph):
            role = "heading-line" if block.role == "body" and is_heading_line(block.text) else block.role
            cls = "" if role == "body" else f' class="dr-{role}"'
            out.append(f"<p{cls}>{escape(block.text)}</p>")
        elif isinstance(block, TableBlock):
            if block.note:
                out.append(f'<p class="dr-note">{escape(block.note)}</p>')
            out.append(_table(block.grid))
    out.append("</div>")
    return "\n".join(out)


class HtmlRenderer:
    """``html``: a complete page (``fragment=True``: an embeddable ``<div>`` with its own ``<style>``)."""

    name = "html"
    media_type = "text/html"
    suffix = ".html"
    extras = None

    def render(self, report: AnnualReport, **options: Any) -> str:
        check_options(self.name, options, {"fragment", "date_style"})
        body = _body(report, options.get("date_style", "arabic"))
        if options.get("fragment", False):
            return f"<style>{CSS}</style>\n{body}\n"
        title = escape(title_of(report), quote=False)
        return (
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
            f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        )
