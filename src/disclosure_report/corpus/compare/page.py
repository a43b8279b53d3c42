"""A comparison as a self-contained web page: the two years' tables side by side in the official layout, every
changed cell marked (``old → new``), then the cross-year checks and the notable changes."""

from __future__ import annotations

from html import escape

from disclosure_report.corpus.batch import generator_meta
from disclosure_report.corpus.compare import CellChange, Comparison, note_text
from disclosure_report.corpus.compare.text import Lang, change_figures, shown
from disclosure_report.formats import get_format
from disclosure_report.messages import severity
from disclosure_report.model import AnnualReport
from disclosure_report.render.grid import Grid, GridCell, table_grid
from disclosure_report.render.html import CSS as REPORT_CSS

CSS = """
body { margin: 1em; }
.dr-compare { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; }
.dr-compare h1 { font-size: 18pt; }
.dr-side { display: flex; gap: 1em; align-items: flex-start; }
.dr-side > figure { flex: 1 1 0; margin: 0; min-width: 0; }
.dr-side .dr-report { font-size: 10pt; max-width: none; }
.dr-side figcaption { font-weight: bold; margin-bottom: 0.3em; }
.dr-report td.dr-changed { background: #fff3c4; }
.dr-report td.dr-up { background: #e3f4e1; }
.dr-report td.dr-down { background: #fde2e1; }
.dr-report td.dr-changed-group { background: #f1ecfa; }
.dr-old { text-decoration: line-through; color: #666; }
.dr-list { border-collapse: collapse; margin: 0.5em 0 1em; }
.dr-list th, .dr-list td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }
.dr-list td.dr-num { text-align: right; font-variant-numeric: tabular-nums; }
"""


def _mark(change: CellChange) -> str:
    if change.summed:
        return "dr-changed dr-changed-group"
    if change.difference is None:
        return "dr-changed"
    return "dr-changed dr-up" if change.difference > 0 else "dr-changed dr-down"


def _lookup(comparison: Comparison, path: str) -> CellChange | None:
    """The change a drawn cell belongs to: its own, or the total of the row group it is part of."""
    found = comparison.change(path)
    if found is not None:
        return found
    row, _, column = path.rpartition(".")
    for change in comparison.changes:
        if change.summed:
            prefix, _, key = change.path.rpartition(".")
            if key == column and row.startswith(prefix + "."):
                return change
    return None


def _table(grid: Grid, comparison: Comparison, side: str, lang: Lang) -> str:
    out = [f'<table class="dr-table" data-table="{grid.key}" data-side="{side}">']
    for r, cells in enumerate(grid.rows()):
        out.append("<tr>")
        for c in cells:
            out.append(_cell(c, r, grid, comparison, side, lang))
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _cell(c: GridCell, r: int, grid: Grid, comparison: Comparison, side: str, lang: Lang) -> str:
    spans = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
    if c.role == "data" and c.path is not None:
        change = _lookup(comparison, c.path)
        cell_id = f' id="{side}-{c.path}"'
        if change is None:
            return f'<td class="dr-data"{spans}{cell_id} data-cell="{c.path}">{escape(c.text)}</td>'
        title = escape(f"{' › '.join(change.labels)}: {change_figures(change, lang)}", quote=True)
        text = escape(c.text)
        if side == "new" and not change.summed:
            text = f'<span class="dr-old">{escape(shown(change.old, lang))}</span> → {text}'
        return f'<td class="dr-data {_mark(change)}"{spans}{cell_id} data-cell="{c.path}" title="{title}">{text}</td>'
    if c.role == "label":
        return f'<td class="dr-label"{spans}>{escape(c.text)}</td>'
    tag = "th" if r < grid.header_rows or c.role in ("header", "block", "corner") else "td"
    return f'<{tag} class="dr-{c.role}"{spans}>{escape(c.text)}</{tag}>'


_LIST_HEAD = {
    "zh": ("单元格", "上年", "本年", "增减", "变化率"),
    "en": ("cell", "old", "new", "difference", "relative"),
}


def _changes_list(changes: tuple[CellChange, ...], lang: Lang) -> str:
    head = _LIST_HEAD[lang]
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for c in changes:
        relative = "" if c.relative is None else f"{c.relative:+.1%}"
        difference = "" if c.difference is None else f"{c.difference:+}"
        rows.append(
            f'<tr data-path="{c.path}"><td><a href="#new-{c.path}">{escape(" › ".join(c.labels))}</a></td>'
            f'<td class="dr-num">{escape(shown(c.old, lang))}</td><td class="dr-num">{escape(shown(c.new, lang))}</td>'
            f'<td class="dr-num">{difference}</td><td class="dr-num">{relative}</td></tr>'
        )
    return '<table class="dr-list">' + "".join(rows) + "</table>"


def comparison_page(old: AnnualReport, new: AnnualReport, comparison: Comparison, lang: Lang = "zh") -> str:
    """The whole page (inline CSS, no script, nothing fetched)."""
    zh = lang == "zh"
    years = f"{comparison.new.agency} {comparison.old.year}—{comparison.new.year}"
    title = years + ("年度报告对比" if zh else " compared")
    body = [f'<div class="dr-compare"><h1>{escape(title)}</h1>']
    body += [f'<p class="dr-note">{escape(note_text(note, lang))}</p>' for note in comparison.notes]
    counts = (
        f"对比单元格 {comparison.compared} 个，变化 {len(comparison.changes)} 个"
        if zh
        else (f"{comparison.compared} cells compared, {len(comparison.changes)} changed")
    )
    body.append(f"<p>{counts}</p>")
    f_old, f_new = get_format(old.format), get_format(new.format)
    old_tables = {t.key for t in f_old.tables}
    for section in f_new.sections:
        if section.table is None or section.table.key not in old_tables:
            continue
        key = section.table.key
        body.append(f'<h2 id="table-{key}">{escape(section.heading)}</h2><div class="dr-side">')
        for side, report in (("old", old), ("new", new)):
            grid = table_grid(report, key)
            caption = f"{report.meta.year}年" if zh else str(report.meta.year)
            body.append(
                f'<figure class="dr-report"><figcaption>{caption}</figcaption>'
                f"{_table(grid, comparison, side, lang)}</figure>"
            )
        body.append("</div>")
    body.append(f"<h2>{'跨年度检查' if zh else 'Cross-year checks'}</h2>")
    if comparison.carry_over:
        items = "".join(
            f'<li class="dr-finding dr-{f.severity}" data-rule="{escape(f.sub_id, quote=True)}">'
            f"{severity(f.severity, lang)} {escape(f.sub_id)}: {escape(f.message(lang))}</li>"
            for f in comparison.carry_over
        )
        body.append(f"<ul>{items}</ul>")
    else:
        body.append(f"<p>{'无问题' if zh else 'nothing found'}</p>")
    body.append(f"<h2>{'主要变化' if zh else 'Notable changes'}</h2>")
    for group in comparison.notable:
        body.append(f'<h3 data-group="{group.key}">{escape(group.title(lang))}</h3>')
        body.append(_changes_list(group.changes, lang) if group.changes else f"<p>{'（无）' if zh else '(none)'}</p>")
    body.append(f"<h2>{'全部变化' if zh else 'Every change'}</h2>")
    body.append(_changes_list(comparison.changes, lang))
    body.append("</div>")
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if zh else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f"{generator_meta('compare')}\n"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{REPORT_CSS}{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
