"""The corpus page: one self-contained ``index.html`` (inline CSS, charts as inline SVG, no script, nothing fetched)
that shows an oversight office which reports fail and why, the region's totals, outcomes and trends, and the
agencies that changed most.

Every figure on the page carries ``data-figure="…"`` (``total:2025:applications.new.total``,
``outcome:2025:denied``, ``trend:沭阳县人民政府:2025``, ``rule:T3-TOTAL (error)``…) so that it can be checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any, Literal

from disclosure_report.corpus.batch import generator_meta
from disclosure_report.corpus.compare.text import change_figures
from disclosure_report.corpus.page import charts
from disclosure_report.corpus.page.corpus import Corpus, Entry, read_corpus
from disclosure_report.corpus.page.figures import (
    TREND_CELL,
    AgencyChange,
    YearTotals,
    key_cells,
    largest_changes,
    most_findings,
    outcomes,
    region_totals,
    trends,
)
from disclosure_report.corpus.rollup import unit_name
from disclosure_report.formats import get_format
from disclosure_report.messages import say, severity
from disclosure_report.model import AnnualReport, Blank, Unread, is_number
from disclosure_report.model.paths import get_value
from disclosure_report.render.grid import cell_text
from disclosure_report.rules import Finding

Lang = Literal["zh", "en"]

CSS = """
body { margin: 0; background: #f6f6f4; color: #222; }
.dr-site { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10.5pt; line-height: 1.5; max-width: 1100px; margin: 0 auto; padding: 1em 1.5em 3em; background: #fff; }
.dr-site h1 { font-size: 18pt; margin: 0.3em 0; }
.dr-site h2 { font-size: 14pt; border-bottom: 2px solid #4e79a7; margin: 1.6em 0 0.5em; }
.dr-site h3 { font-size: 11.5pt; margin: 1.2em 0 0.3em; }
.dr-site nav a { margin-right: 1em; }
.dr-site table { border-collapse: collapse; margin: 0.4em 0 1em; }
.dr-site th, .dr-site td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
.dr-site th { background: #eef1f5; font-weight: 600; }
.dr-site td.dr-num { text-align: right; font-variant-numeric: tabular-nums; }
.dr-site .dr-error { color: #a40000; }
.dr-site .dr-warning { color: #8a5a00; }
.dr-site .dr-info { color: #555; }
.dr-site .dr-ok { color: #1d6b1d; }
.dr-site .dr-note { color: #555; font-size: 9.5pt; }
.dr-site .dr-chart-missing { border: 1px dashed #999; padding: 0.6em; color: #555; }
.dr-site svg.dr-chart { max-width: 100%; height: auto; display: block; margin: 0.4em 0; }
.dr-site section.dr-entry { border-top: 1px solid #ddd; padding-top: 0.3em; }
.dr-site tr:target, .dr-site section:target { background: #fff3c4; }
.dr-site code { font-size: 9pt; color: #444; }
"""

_T: dict[str, dict[str, str]] = {
    "title": {"zh": "政府信息公开工作年度报告汇总", "en": "annual reports at a glance"},
    "overview": {"zh": "概况", "en": "Overview"},
    "documents": {"zh": "报告文件", "en": "documents"},
    "ok": {"zh": "无错误", "en": "without errors"},
    "failed": {"zh": "有错误", "en": "with errors"},
    "unreadable": {"zh": "无法读取", "en": "unreadable"},
    "read_warnings": {"zh": "读取时有提示", "en": "read with warnings"},
    "failing": {"zh": "有错误的报告", "en": "Reports with errors"},
    "none": {"zh": "无", "en": "none"},
    "agency": {"zh": "机关", "en": "agency"},
    "year": {"zh": "年度", "en": "year"},
    "file": {"zh": "文件", "en": "file"},
    "errors": {"zh": "错误", "en": "errors"},
    "warnings": {"zh": "警告", "en": "warnings"},
    "infos": {"zh": "提示", "en": "info"},
    "rules": {"zh": "规则", "en": "rules"},
    "by_rule": {"zh": "按规则统计的问题", "en": "Findings by rule"},
    "by_agency": {"zh": "按机关统计的问题", "en": "Findings by agency"},
    "rule": {"zh": "规则（级别）", "en": "rule (severity)"},
    "count": {"zh": "数量", "en": "count"},
    "reports": {"zh": "报告数", "en": "reports"},
    "totals": {"zh": "地区合计", "en": "The region's totals"},
    "cell": {"zh": "项目", "en": "figure"},
    "outcomes": {"zh": "申请办理结果", "en": "Outcomes of applications"},
    "outcome": {"zh": "办理结果", "en": "outcome"},
    "trends": {"zh": "年度趋势：本年新收申请总计", "en": "Trends: applications received"},
    "region": {"zh": "地区合计", "en": "region"},
    "changes": {"zh": "变化最大的机关", "en": "Agencies with the largest changes"},
    "years": {"zh": "年度", "en": "years"},
    "changed_cells": {"zh": "变化单元格", "en": "changed cells"},
    "carry": {"zh": "跨年度问题", "en": "cross-year findings"},
    "notable": {"zh": "主要变化", "en": "notable change"},
    "cross_year": {"zh": "跨年度检查的警告和错误", "en": "Cross-year warnings and errors"},
    "cross_year_note": {
        "zh": "跨年度问题的警告和错误（如上年结转与上年报告的结转下年度不一致）逐条列在下方",
        "en": "the cross-year warnings and errors (such as a carry-over that differs from last year's report) are "
        "listed one by one below",
    },
    "severity": {"zh": "级别", "en": "severity"},
    "finding": {"zh": "规则", "en": "finding"},
    "message": {"zh": "说明", "en": "message"},
    "each": {"zh": "各报告", "en": "Each report"},
    "cells": {"zh": "问题涉及的单元格", "en": "cells named by the findings"},
    "value": {"zh": "数值", "en": "value"},
    "no_findings": {"zh": "未发现问题", "en": "nothing found"},
    "one_year": {"zh": "只有一个年度，无趋势", "en": "one year only: no trend"},
    "no_pairs": {"zh": "没有机关有相邻两个年度的报告", "en": "no agency has reports on two consecutive years"},
    "chart_missing": {"zh": "图表需要 matplotlib：", "en": "charts need matplotlib: "},
    "blank_excluded": {"zh": "含空白单元格的年度未画入图表", "en": "years with blank cells are left out of the chart"},
    "units": {"zh": "家单位", "en": "units"},
    "duplicated": {"zh": "重复（取第一份）", "en": "duplicated (first kept)"},
    "blank_cells": {"zh": "单位空白单元格使合计为空", "en": "blank unit cells left summed cells blank"},
    "unread_cells": {"zh": "单位未读出的单元格使合计未读出", "en": "unread unit cells left summed cells unread"},
    "sum_note": {
        "zh": "合计为同一年度全部报告之和（同一机关多份报告取第一份）；"
        "汇总报告与其所属单位的报告同在一处时会重复计算。",
        "en": "Totals sum every report of a year (an agency's first report when it has several); a rollup and its "
        "own units in the same folder would be counted twice.",
    },
}


def _t(key: str, lang: Lang) -> str:
    return _T[key][lang]


def shown(value: object) -> str:
    """A value as the page prints it: a number plainly, a blank as （空） with its mark, a date or text as it is,
    another cell without a number by its kind, anything else (a row, an absent figure) as —."""
    if value is None:
        return "—"
    if is_number(value):
        return cell_text(value)
    if type(value) is Blank:
        return f"（空{'：' + value.printed if value.printed else ''}）"
    if isinstance(value, str) or hasattr(value, "isoformat"):
        return str(value)
    if type(value) is Unread:
        return "（未读出）"
    return "—"


def _figure(key: str, value: object) -> str:
    return f'<td class="dr-num" data-figure="{escape(key, quote=True)}">{escape(shown(value))}</td>'


def _table(head: Sequence[str], rows: Iterable[str]) -> str:
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><tr>{header}</tr>{''.join(rows)}</table>"


def _chart(svg: str | None, lang: Lang) -> str:
    if svg is not None:
        return svg
    if charts.available():
        return ""
    return f'<p class="dr-chart-missing">{_t("chart_missing", lang)}<code>{escape(charts.INSTALL_NOTE)}</code></p>'


def _anchor(index: int) -> str:
    return f"report-{index}"


def _cell_anchor(index: int, path: str) -> str:
    return f"report-{index}-cell-{path}"


# --- sections ---------------------------------------------------------------------------------------------------


def _overview(corpus: Corpus, lang: Lang) -> str:
    s = corpus.summary
    rows = [
        ("documents", s.files),
        ("ok", s.files - s.failed - s.unreadable),
        ("failed", s.failed),
        ("unreadable", s.unreadable),
        ("read_warnings", s.read_with_warnings),
    ]
    body = [f"<tr><th>{_t(key, lang)}</th>{_figure(key, n)}</tr>" for key, n in rows]
    notes = "".join(f"<li>{escape(say('note', lang, note=n))}</li>" for n in corpus.notes)
    listed = f'<ul class="dr-notes">{notes}</ul>' if notes else ""
    return f'<h2 id="overview">{_t("overview", lang)}</h2><table>{"".join(body)}</table>{listed}'


def _failing(corpus: Corpus, lang: Lang) -> str:
    rows = []
    for i, entry in enumerate(corpus.entries, 1):
        if entry.report is None:
            rows.append(
                f'<tr class="dr-error"><td><a href="#{_anchor(i)}">{escape(entry.file)}</a></td><td></td><td></td>'
                f'<td colspan="3">{_t("unreadable", lang)}</td><td>{escape(_reason(entry, lang))}</td></tr>'
            )
            continue
        if entry.result.ok:
            continue
        c = entry.result.counts
        errors = sorted({f.rule for f in entry.findings if f.severity == "error"})
        rows.append(
            f'<tr data-failing="{escape(entry.file, quote=True)}"><td><a href="#{_anchor(i)}">'
            f"{escape(entry.file)}</a></td><td>{escape(entry.agency)}</td><td>{entry.year}</td>"
            f'<td class="dr-num">{c["error"]}</td><td class="dr-num">{c["warning"]}</td>'
            f'<td class="dr-num">{c["info"]}</td><td>{escape(", ".join(errors))}</td></tr>'
        )
    head = [_t(k, lang) for k in ("file", "agency", "year", "errors", "warnings", "infos", "rules")]
    body = _table(head, rows) if rows else f'<p class="dr-ok">{_t("none", lang)}</p>'
    return f'<h2 id="failing">{_t("failing", lang)}</h2>{body}'


def _by_rule(corpus: Corpus, lang: Lang) -> str:
    counts = corpus.summary.by_rule.most_common()
    svg = charts.bar_chart("rules", _t("by_rule", lang), [r for r, _ in counts], [n for _, n in counts])
    rows = [f"<tr><td>{escape(rule)}</td>{_figure(f'rule:{rule}', n)}</tr>" for rule, n in counts]
    body = _chart(svg, lang) + _table([_t("rule", lang), _t("count", lang)], rows) if counts else ""
    return f'<h2 id="by-rule">{_t("by_rule", lang)}</h2>{body or _t("no_findings", lang)}'


def _by_agency(corpus: Corpus, lang: Lang) -> str:
    rows = [
        f"<tr><td>{escape(a.agency)}</td>{_figure(f'reports:{a.agency}', a.reports)}"
        f"{_figure(f'errors:{a.agency}', a.counts['error'])}{_figure(f'warnings:{a.agency}', a.counts['warning'])}"
        f"{_figure(f'infos:{a.agency}', a.counts['info'])}</tr>"
        for a in most_findings(corpus)
    ]
    head = [_t(k, lang) for k in ("agency", "reports", "errors", "warnings", "infos")]
    return f'<h2 id="by-agency">{_t("by_agency", lang)}</h2>{_table(head, rows)}'


def _duplicate(corpus: Corpus, agency: str, year: int, lang: Lang) -> str:
    """A unit with more than one report on a year: which file the totals took and which they left out."""
    files = [e.file for e in corpus.readable if e.unit == unit_name(agency) and e.year == year]
    kept, *left = files or [""]
    if lang == "zh":
        return f"{agency}（计入 {kept}，未计入 {'、'.join(left)}）"
    return f"{agency} (summed {kept}, left out {', '.join(left)})"


def _coverage_note(totals: YearTotals, corpus: Corpus, lang: Lang) -> str:
    if totals.error is not None:
        said = totals.error_zh if lang == "zh" and totals.error_zh is not None else totals.error
        return f'<p class="dr-note dr-error">{totals.year}: {escape(said)}</p>'
    c = totals.coverage
    assert c is not None
    parts = [f"{totals.year}: {len(c.present)} {_t('units', lang)}"]
    if c.duplicated:
        named = [_duplicate(corpus, agency, totals.year, lang) for agency in dict.fromkeys(c.duplicated)]
        parts.append(f"{_t('duplicated', lang)}: {'、'.join(named)}")
    if c.blanks:
        parts.append(f"{_t('blank_cells', lang)}: {len({p for _, p in c.blanks})}")
    if c.unread:
        parts.append(f"{_t('unread_cells', lang)}: {len({p for _, p in c.unread})}")
    if c.layout:
        parts.append(c.layout)
    return f'<p class="dr-note">{escape("; ".join(parts))}</p>'


def _totals(years: tuple[YearTotals, ...], corpus: Corpus, lang: Lang) -> str:
    versions = [t.report.format for t in years if t.report is not None]
    out = [f'<h2 id="totals">{_t("totals", lang)}</h2>', f'<p class="dr-note">{_t("sum_note", lang)}</p>']
    if versions:
        rows = []
        for path, labels in key_cells(versions):
            cells = "".join(_figure(f"total:{t.year}:{path}", t.value(path)) for t in years)
            rows.append(f'<tr><td title="{escape(path, quote=True)}">{escape(" › ".join(labels))}</td>{cells}</tr>')
        out.append(_table([_t("cell", lang), *(str(t.year) for t in years)], rows))
    out += [_coverage_note(t, corpus, lang) for t in years]
    return "".join(out)


def _outcomes(years: tuple[YearTotals, ...], lang: Lang) -> str:
    per_year = [(t.year, outcomes(t.report)) for t in years if t.report is not None]
    out = [f'<h2 id="outcomes">{_t("outcomes", lang)}</h2>']
    if not per_year:
        return "".join(out)
    labels = {g.key: g.label for _, groups in per_year for g in groups}
    values = {(y, g.key): g.value for y, groups in per_year for g in groups}
    charted = [y for y, _ in per_year if all(type(values.get((y, key))) is int for key in labels)]
    if charted:
        series = [(label, [values[(y, key)] for y in charted]) for key, label in labels.items()]
        svg = charts.stacked_bars("outcomes", _t("outcomes", lang), [str(y) for y in charted], series)
        out.append(_chart(svg, lang))
    if len(charted) < len(per_year):
        out.append(f'<p class="dr-note">{_t("blank_excluded", lang)}</p>')
    rows = []
    for key, label in labels.items():
        cells = "".join(_figure(f"outcome:{y}:{key}", values.get((y, key))) for y, _ in per_year)
        rows.append(f"<tr><td>{escape(label)}</td>{cells}</tr>")
    out.append(_table([_t("outcome", lang), *(str(y) for y, _ in per_year)], rows))
    return "".join(out)


def _number_or_none(value: Any) -> int | None:
    return value if type(value) is int else None


def _trends(corpus: Corpus, years: tuple[YearTotals, ...], lang: Lang) -> str:
    out = [f'<h2 id="trends">{_t("trends", lang)}</h2>']
    all_years = list(corpus.years)
    if len(all_years) < 2:
        return "".join(out) + f'<p class="dr-note">{_t("one_year", lang)}</p>'
    per_agency = trends(corpus)
    region = {t.year: t.value(TREND_CELL) for t in years}
    series = [(_t("region", lang), [_number_or_none(region.get(y)) for y in all_years])]
    series += [
        (agency, [_number_or_none(values.get(y)) for y in all_years])
        for agency, values in per_agency.items()
        if len(values) > 1
    ]
    svg = charts.line_chart("trends", _t("trends", lang), [str(y) for y in all_years], series)
    out.append(_chart(svg, lang))
    rows = [
        f"<tr><th>{_t('region', lang)}</th>"
        + "".join(_figure(f"trend:region:{y}", region.get(y)) for y in all_years)
        + "</tr>"
    ]
    for agency, values in per_agency.items():
        cells = "".join(_figure(f"trend:{agency}:{y}", values.get(y)) for y in all_years)
        rows.append(f"<tr><td>{escape(agency)}</td>{cells}</tr>")
    out.append(_table([_t("agency", lang), *(str(y) for y in all_years)], rows))
    return "".join(out)


def _cross_year(found: Sequence[AgencyChange], corpus: Corpus, lang: Lang) -> str:
    """Every cross-year finding of severity warning or error (X-CARRY: 上年结转 against last year's 结转下年度继续办理
    …), one row each, by agency: what to send back, not only a count in the table of changes."""
    index = {e.file: i for i, e in enumerate(corpus.entries, 1)}
    rows = []
    for change in sorted(found, key=lambda c: c.agency):
        c = change.comparison
        for f in c.carry_over:
            if f.severity == "info":
                continue
            link = f'<a href="#{_anchor(index[change.new.file])}">{escape(change.agency)}</a>'
            rows.append(
                f'<tr data-cross-year="{escape(change.agency, quote=True)}"><td>{link}</td>'
                f"<td>{c.old.year}→{c.new.year}</td><td>{escape(severity(f.severity, lang))}</td>"
                f"<td>{escape(f.sub_id)}</td><td>{escape(f.message(lang))}</td></tr>"
            )
    out = f'<h2 id="cross-year">{_t("cross_year", lang)}</h2>'
    if not rows:
        return out + f'<p class="dr-ok">{_t("none", lang)}</p>'
    head = [_t(k, lang) for k in ("agency", "years", "severity", "finding", "message")]
    return out + _table(head, rows)


def _changes(corpus: Corpus, lang: Lang) -> str:
    out = [f'<h2 id="changes">{_t("changes", lang)}</h2>']
    found = largest_changes(corpus)
    if found:
        out.append(f'<p class="dr-note"><a href="#cross-year">{_t("cross_year_note", lang)}</a></p>')
    if not found:
        return "".join(out) + f'<p class="dr-note">{_t("no_pairs", lang)}</p>'
    index = {e.file: i for i, e in enumerate(corpus.entries, 1)}
    label = " › ".join(get_format("2021").cell(TREND_CELL).labels)
    rows = []
    for change in found:
        c = change.comparison
        headline = change_figures(change.headline, lang) if change.headline else "="
        notable = next((g.changes[0] for g in c.notable if g.changes), None)
        top = f"{' › '.join(notable.labels)}: {change_figures(notable, lang)}" if notable else ""
        link = f'<a href="#{_anchor(index[change.new.file])}">{escape(change.agency)}</a>'
        rows.append(
            f'<tr data-agency="{escape(change.agency, quote=True)}"><td>{link}</td>'
            f"<td>{c.old.year}→{c.new.year}</td><td>{escape(headline)}</td>"
            f"{_figure(f'changed:{change.agency}', len(c.changes))}"
            f"{_figure(f'carry:{change.agency}', len(c.carry_over))}"
            f"<td>{escape(top)}</td></tr>"
        )
    head = [_t("agency", lang), _t("years", lang), label, _t("changed_cells", lang), _t("carry", lang)]
    out.append(_table([*head, _t("notable", lang)], rows))
    out.append(_cross_year(found, corpus, lang))
    return "".join(out)


def _cell_label(report: AnnualReport, path: str) -> str:
    """The printed labels of a cell, or of a row (a finding may name a whole row, e.g. （六）其他处理)."""
    fmt = get_format(report.format)
    try:
        return " › ".join(fmt.cell(path).labels)
    except KeyError:
        pass
    key, _, rest = path.partition(".")
    for table in fmt.tables:
        if table.key == key:
            rows = (*table.rows, *(r for alt in table.alternatives for r in alt.rows))
            found = next((r for r in rows if ".".join(r.path) == rest), None)
            if found is not None:
                return " › ".join(found.labels)
            prefix = next((r for r in rows if ".".join(r.path).startswith(rest + ".")), None)
            if prefix is not None:
                return " › ".join(prefix.labels[: len(rest.split("."))])  # a group of rows: its outer labels
    return ""


def _cell_value(report: AnnualReport, path: str) -> str:
    try:
        return shown(get_value(report, path))
    except KeyError:
        return "—"


def _finding_paths(findings: Iterable[Finding]) -> list[str]:
    paths: list[str] = []
    for f in findings:
        for p in f.paths:
            if not p.startswith("previous.") and p not in paths:
                paths.append(p)
    return paths


def _unreadable(entry: Entry, lang: Lang) -> str:
    """Why a document could not be read, in ``lang``."""
    result = entry.result
    return (result.error_zh if lang == "zh" and result.error_zh is not None else result.error) or ""


def _reason(entry: Entry, lang: Lang) -> str:
    """Why a document could not be read, without its file name (the row names it): the first line, for the table."""
    said = _unreadable(entry, lang).splitlines()
    first = said[0] if said else ""
    for colon in ("：", ": "):
        if first.startswith(entry.file + colon):
            return first[len(entry.file) + len(colon) :]
    return first


def _entry(index: int, entry: Entry, lang: Lang) -> str:
    anchor = _anchor(index)
    if entry.report is None:
        return (
            f'<section class="dr-entry" id="{anchor}"><h3>{escape(entry.file)}</h3>'
            f'<p class="dr-error">{_t("unreadable", lang)}: {escape(_unreadable(entry, lang))}</p></section>'
        )
    report = entry.report
    c = entry.result.counts
    state = "dr-ok" if entry.result.ok else "dr-error"
    out = [
        f'<section class="dr-entry" id="{anchor}" data-file="{escape(entry.file, quote=True)}">',
        f"<h3>{escape(report.meta.agency)} {report.meta.year} <code>{escape(entry.file)}</code></h3>",
        f'<p class="{state}">{_t("errors", lang)} {c["error"]} · {_t("warnings", lang)} {c["warning"]} · '
        f"{_t('infos', lang)} {c['info']} · format {report.format}</p>",
    ]
    if entry.result.read_warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in entry.result.read_warnings)
        out.append(f'<details><summary>{_t("read_warnings", lang)}</summary><ul class="dr-note">{items}</ul></details>')
    if entry.findings:
        findings = []
        for f in entry.findings:
            links = " ".join(
                f'<a href="#{_cell_anchor(index, p)}">{escape(p)}</a>' for p in f.paths if not p.startswith("previous.")
            )
            findings.append(
                f'<li class="dr-{f.severity}" data-rule="{escape(f.sub_id, quote=True)}">{severity(f.severity, lang)} '
                f"<b>{escape(f.sub_id)}</b>: {escape(f.message(lang))} {links}</li>"
            )
        out.append(f"<ol>{''.join(findings)}</ol>")
        rows = [
            f'<tr id="{_cell_anchor(index, p)}"><td><code>{escape(p)}</code></td>'
            f'<td>{escape(_cell_label(report, p))}</td><td class="dr-num">{escape(_cell_value(report, p))}</td></tr>'
            for p in _finding_paths(entry.findings)
        ]
        out.append(f"<p>{_t('cells', lang)}</p>")
        out.append(_table([_t("cell", lang), "", _t("value", lang)], rows))
    else:
        out.append(f'<p class="dr-ok">{_t("no_findings", lang)}</p>')
    out.append("</section>")
    return "".join(out)


# --- the page ---------------------------------------------------------------------------------------------------


def corpus_page(corpus: Corpus, *, region: str = "本地区", lang: Lang = "zh") -> str:
    """The whole page for ``corpus``; ``region`` names the rollup of the totals."""
    years = region_totals(corpus, region)
    title = f"{region}{_t('title', lang)}" if lang == "zh" else f"{region}: {_t('title', lang)}"
    nav = " ".join(
        f'<a href="#{a}">{_t(k, lang)}</a>'
        for a, k in (
            ("overview", "overview"),
            ("failing", "failing"),
            ("by-rule", "by_rule"),
            ("totals", "totals"),
            ("outcomes", "outcomes"),
            ("trends", "trends"),
            ("changes", "changes"),
            ("cross-year", "cross_year"),
            ("each", "each"),
        )
    )
    body = [
        f'<div class="dr-site"><h1>{escape(title)}</h1><nav>{nav}</nav>',
        _overview(corpus, lang),
        _failing(corpus, lang),
        _by_rule(corpus, lang),
        _by_agency(corpus, lang),
        _totals(years, corpus, lang),
        _outcomes(years, lang),
        _trends(corpus, years, lang),
        _changes(corpus, lang),
        f'<h2 id="each">{_t("each", lang)}</h2>',
        *(_entry(i, e, lang) for i, e in enumerate(corpus.entries, 1)),
        "</div>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f"{generator_meta('report')}\n"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def build_site(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    region: str = "本地区",
    lang: Lang = "zh",
    disable: tuple[str, ...] = (),
) -> tuple[Path, Corpus]:
    """Read and check every document under ``paths`` and write ``out_dir/index.html``; returns its path and the
    corpus."""
    corpus = read_corpus(paths, disable, lang=lang)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text(corpus_page(corpus, region=region, lang=lang), encoding="utf-8")
    return index, corpus
