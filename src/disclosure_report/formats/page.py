"""docs/format-spec.md: the official format, cell by cell, with its sources.

The tables of the page (sections, tables, rows, columns, every cell with its path and printed labels) are
generated from the format declaration, so the page cannot drift from what the package reads and writes. The prose
around them (sources, how sure each fact is, what is still unconfirmed) is written here by hand.
``disclosure-report formats --markdown`` prints the page; a test checks the committed page equals it.
"""

from __future__ import annotations

import itertools

from disclosure_report.formats import FORMATS
from disclosure_report.formats.declaration import Column, Format, Row, Table

INTRO = """\
# The official format, cell by cell

Generated from the format declaration (`disclosure_report.formats`) by `disclosure-report formats --markdown` —
do not edit; a test checks it is current. The prose comes from `src/disclosure_report/formats/page.py`.

Article 50 of the 《中华人民共和国政府信息公开条例》 (revised 2019, 国务院令第711号) lists what an annual report
must contain and charges the national competent authority — the State Council General Office's 政府信息与政务公开办公室
(国办公开办) — with publishing one uniform format and keeping it current. It has published two:

| format | document | title | report years |
|---|---|---|---|
{formats}

This page gives, for each, the six sections, the three tables, and every number of every table with its cell path
(the key path in the JSON document) and its official labels as printed. The labels are declared character for
character: full-width brackets `（一）`, Chinese curly quotes `“三安全一稳定”`, `1.` with an ASCII full stop.
"""

NOTICE_2021 = "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"

SOURCES = """\
## Sources

The canonical copies of both notices are on the central government portal (www.gov.cn). This project could not
read them there; what is declared was read from copies reposted by government sites and checked against reports
published in each format:

* **国办公开办函〔2021〕30号** —
  {notice_2021}, dated 2021年9月26日 and published 2021-09-29, addressed to the provincial general offices and the
  offices of the State Council's ministries and agencies. Read from reposts of local governments (the notice, the
  format's preamble, part 一's introduction, item （一）总体情况, item （四）明确责任 of part 二 and the start of the
  attached tables). The tables were checked cell by cell against reports published in the format (e.g. the
  杨凌示范区审计局 2022 report for tables 二 and 三, 威海市文登区 reports for table 四).
* **国办公开办函〔2019〕60号** — 《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》,
  which issued the 《中华人民共和国政府信息公开工作年度报告格式（试行）》. Read from a repost (the opening and item
  一、抓紧部署). Its tables were read from reports published in it: the 上海市人民政府办公厅 2019 report (kept in
  `tests/fixtures/real/`, whose HTML carries the official row and column spans), the 雄县 2019 report and the
  武汉市生态环境局 2020 report.
* **The 条例 itself** (2019 revision): Art. 49 (deadlines), Art. 50 (contents), Art. 20 (the items of table 二),
  and the articles behind table 三's outcome rows (Art. 14–16, 30, 35–39).

## How sure each fact is

* **Read in an official text** (the notices, the format's own words, the 条例): the notices' numbers, titles and
  dates; the printed note of table 三; the row label of （二）部分公开; the unit of the 2021 fee column; the
  accountability clause; the deadlines.
* **Seen in every published report checked, but not in an official copy of the attachment**: the six section
  headings as printed; the 2021 table 二 single value cell spanning three columns; the three sub-rows of the 2021
  （六）其他处理 (confirmed only by independent reconstructions of the 2021 table, not by an official excerpt).
* **This project's design decisions**, derived from the tables' structure, not stated by any source: the sums
  other than the printed note (总计 columns, （七）总计, table 四's 总计), the cross-year carry-over check, that a
  blank cell is kept as printed instead of being read as 0.
"""

RULES_HEAD = """\
## The rules and where each comes from

| rule | where it comes from | in this package |
|---|---|---|"""

RULES: tuple[tuple[str, str, str], ...] = (
    (
        "一 + 二 = 三（七）+ 四, in every column of table 三",
        "printed in table 三's corner: {balance_note}",
        "`T3-BALANCE`",
    ),
    (
        "（二）部分公开 is counted only there, never in another outcome row",
        "printed in the row label",
        "not checkable from the numbers",
    ),
    (
        "总计 = the sum of the six applicant columns",
        "the table's structure (总计 is its only total column)",
        "`T3-ROWSUM`",
    ),
    ("（七）总计 = the sum of the outcome rows", "the table's structure", "`T3-TOTAL`"),
    ("each table-四 band's 总计 = the sum of its four outcome columns", "the table's structure", "`T4-TOTAL`"),
    (
        "the report on year Y uses the 2019 format for Y ≤ 2020, the 2021 format from 2021",
        "practice: the 2021-and-later reports checked cite 〔2021〕30号",
        "`META-FORMAT-YEAR`",
    ),
    (
        "published by 1月31日 (a department) or 3月31日 (a government's own or regional report) of Y+1",
        "条例 Art. 49",
        "`META-DEADLINE`",
    ),
    (
        "the statistics period is 1月1日 to 12月31日 of Y",
        "practice, and the Sichuan standard DB51/T 2660—2019 §2.1",
        "`META-PERIOD`",
    ),
    (
        "the six sections present, in order, tables printed even when all zero",
        "条例 Art. 50 and the format's words 不能遗漏，也不宜泛化",
        "the readers",
    ),
    (
        "六 states the 信息处理费 collected (or that none was)",
        "practice in 2021-format reports; whether the format requires it is unconfirmed",
        "`FEE-STATEMENT` (a warning)",
    ),
)

RULES_FOOT = "The full catalogue, with severities and messages, is [rules.md](rules.md).\n"

UNCONFIRMED = """\
## Still unconfirmed

These could not be confirmed from any source this project could read; the package takes the position stated, and
a reader with access to the gov.cn copies should check them:

1. The 2021 format's own instructions for sections 二 to 六 (only （一）总体情况 and part 二's （四）明确责任 were
   read), in particular whether 六 must report the 信息处理费, the 年度政务公开工作要点, the 人大代表建议和政协提案
   results and 政务公开工作创新. The package models them as four optional sub-blocks of 六.
2. The three sub-row labels of the 2021 （六）其他处理, character for character, against the gov.cn attachment.
3. The rest of the 2019 notice: its date and any definitions of 上一年项目数量, 本年增/减 and 处理决定数量 (the
   package follows the Hubei fill-in notes: 本年增/减 is signed, negative for a decrease).
4. Official definitions of 现行有效件数, 本年处理决定数量, 其他对外管理服务事项, 行政查询事项 and （六）3.其他.
5. Any official rule on an empty cell versus 0. The package keeps what was printed (`{"blank": "-"}`) and counts
   it as 0 in a sum only where the rule says so.
6. Whether the 2016 interpretation 国办公开办函〔2016〕201号 (a lawsuit with the reconsideration body as
   co-defendant counts once, for the original body) still applies to the current formats.
7. Which unit the 2019 采购总金额 is in: the header prints none, so the document records the unit the report
   prints (`proactive.procurement.amount_unit`).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _kind(column: Column) -> str:
    if column.kind == "money":
        return f"amount ≥ 0 ({column.unit})" if column.unit else "amount ≥ 0 (unit as printed)"
    if column.kind == "signed":
        return "signed count"
    return "count ≥ 0"


def _rows_cells(table: Table, rows: tuple[Row, ...]) -> list[str]:
    lines = ["| cell path | row (as printed) | column (as printed) | value |", "|---|---|---|---|"]
    for row in rows:
        for column in row.columns.columns:
            path = ".".join((table.key, *row.path, column.key))
            row_text, column_text = _cell(" › ".join(row.labels)), _cell(" › ".join(column.headers))
            lines.append(f"| `{path}` | {row_text} | {column_text} | {_kind(column)} |")
    return lines


def _table(fmt: Format, table: Table) -> list[str]:
    section = next(s for s in fmt.sections if s.table is table)
    cells = sum(len(r.columns.columns) for r in table.rows)
    lines = [
        f"### Table {section.number}: {section.title} (`{table.key}`)",
        "",
        f"{table.en.capitalize()}; {len(table.rows)} rows, {cells} numbers.",
    ]
    if table.corner:
        lines.append(f"The top-left header cell prints {table.corner}.")
    for total in table.row_sums:
        row = table.row(total.total)
        lines.append(f"Row {row.label} is the column-wise sum of the other rows under {row.labels[0]}.")
    totals = sorted({r.columns.total for r in table.rows if r.columns.total})
    for key in totals:
        headers = {r.columns.column(key).label for r in table.rows if r.columns.total == key}
        lines.append(f"Column {'/'.join(sorted(headers))} is the sum of the other columns of its row.")
    lines += ["", *_rows_cells(table, table.rows), ""]
    for alt in table.alternatives:
        lines += [
            f"A report may print instead of the rows under `{'.'.join((table.key, *alt.replaces))}`: {alt.en} "
            f"(kept as printed, and flagged):",
            "",
            *_rows_cells(table, alt.rows),
            "",
        ]
    return lines


def _sections(fmt: Format) -> list[str]:
    lines = ["| heading | key | holds | sub-headings | variants accepted when reading |", "|---|---|---|---|---|"]
    for s in fmt.sections:
        holds = f"table `{s.table.key}`" if s.table else "text"
        subs = " ".join(sub.heading for sub in s.subsections) or "—"
        aliases = "; ".join(s.aliases) or "—"
        lines.append(f"| {s.heading} | `{s.key}` | {holds} | {subs} | {_cell(aliases)} |")
    return lines


def _format(fmt: Format) -> list[str]:
    years = f"{fmt.first_year}–{fmt.last_year}" if fmt.last_year else f"{fmt.first_year} and later"
    lines = [
        f"## The {fmt.version} format: 《{fmt.name}》",
        "",
        f'Issued by {fmt.document}; for reports on {years}. A document in it has `"format": "{fmt.version}"`.',
        "",
        "### Sections",
        "",
        *_sections(fmt),
        "",
    ]
    for table in fmt.tables:
        lines += _table(fmt, table)
    return lines


def _columns(row: Row) -> str:
    return " / ".join(c.label for c in row.columns.columns)


def _differences(old: Format, new: Format) -> list[str]:
    """Row by row, what the newer format prints differently from the older one (by printed labels)."""
    lines = [
        f"## What changed from the {old.version} format to the {new.version} format",
        "",
        "Computed from the two declarations, by printed labels; everything not listed is the same.",
        "",
        f"| table | row (as printed) | {old.version} format | {new.version} format |",
        "|---|---|---|---|",
    ]
    for new_table in new.tables:
        old_table = old.table(new_table.key)
        old_rows = {r.labels: r for r in old_table.rows}
        new_rows = {r.labels: r for r in new_table.rows}
        number = next(s.number for s in new.sections if s.table is new_table)
        for labels in [*old_rows, *(k for k in new_rows if k not in old_rows)]:
            before, after = old_rows.get(labels), new_rows.get(labels)
            if before is not None and after is not None and _columns(before) == _columns(after):
                continue
            shown = [_cell(_columns(r)) if r is not None else "—" for r in (before, after)]
            lines.append(f"| {number} | {_cell(' › '.join(labels))} | {shown[0]} | {shown[1]} |")
    return [*lines, ""]


def format_markdown() -> str:
    """The page ``docs/format-spec.md``: hand-written prose around tables generated from the declaration."""
    formats = "\n".join(
        f"| `{f.version}` | {f.document} | 《{f.name}》 | {f.first_year}–{f.last_year or ''} |"
        for f in sorted(FORMATS.values(), key=lambda f: f.first_year, reverse=True)
    )
    newest = FORMATS[max(FORMATS)]
    balance = newest.table("applications").corner or ""
    rules = [RULES_HEAD] + [f"| {what} | {src.format(balance_note=balance)} | {where} |" for what, src, where in RULES]
    sources = SOURCES.format(notice_2021=NOTICE_2021)
    parts = [INTRO.format(formats=formats), sources, "\n".join(rules) + "\n", RULES_FOOT, UNCONFIRMED]
    ordered = sorted(FORMATS.values(), key=lambda f: f.first_year)
    body: list[str] = []
    for older, newer in itertools.pairwise(ordered):
        body += _differences(older, newer)
    for fmt in reversed(ordered):
        body += _format(fmt)
    return "\n".join(parts) + "\n" + "\n".join(body)
