"""The rule catalogue: every rule's metadata, and the identity instances derived from the format declaration.

Identities are not retyped here: row sums come from each row's ``ColumnSet.total``, （七）总计 from the table's
``RowSum``, both in every layout the table declares. Only the printed balance note of table 三 — whose rows are
named in words, not as a sum — is stated here, over row paths.
"""

from __future__ import annotations

from functools import cache

from disclosure_report.formats import Format, Row, Table, get_format
from disclosure_report.rules.declare import Identity, Rule

STANDARD = "standard"
"""Layout key of a table printed as the format declares it."""

_PRINTED = "printed in the form: （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_LAYOUT_TOTAL = "derived from the table layout: 总计 is the total of the columns/rows it stands for (spec §4.2)"

RULES: tuple[Rule, ...] = (
    Rule(
        "T3-BALANCE",
        "error",
        "identity",
        "表三勾稽关系",
        "table 三 balance",
        "{label}：第一项加第二项之和 {lhs_value} ≠ 第三项加第四项之和 {rhs_value}（差 {delta}）",
        "{label_en}: items 一+二 = {lhs_value} but items 三(七)+四 = {rhs_value} (difference {delta})",
        _PRINTED,
        blank_total="zero",
    ),
    Rule(
        "T3-ROWSUM",
        "error",
        "identity",
        "表三总计列",
        "table 三 total column",
        "{label}：总计 {actual} ≠ 六类申请人之和 {expected}（差 {delta}）",
        "{label_en}: total {actual} ≠ sum of the six applicant columns {expected} (difference {delta})",
        _LAYOUT_TOTAL,
    ),
    Rule(
        "T3-TOTAL",
        "error",
        "identity",
        "表三（七）总计",
        "table 三 （七）总计",
        "{label}：（七）总计 {actual} ≠ 各办理结果之和 {expected}（差 {delta}）",
        "{label_en}: （七）总计 {actual} ≠ sum of the outcome rows {expected} (difference {delta})",
        _LAYOUT_TOTAL,
    ),
    Rule(
        "T4-TOTAL",
        "error",
        "identity",
        "表四总计",
        "table 四 totals",
        "{label}：总计 {actual} ≠ 各结果之和 {expected}（差 {delta}）",
        "{label_en}: total {actual} ≠ sum of the results {expected} (difference {delta})",
        _LAYOUT_TOTAL,
    ),
    Rule(
        "BLANK-TOTAL",
        "warning",
        "identity",
        "总计留空",
        "blank total",
        "{label}：总计留空，相关勾稽关系无法核对",
        "{label_en}: the total is blank, so its identity cannot be checked",
        "derived: a total left blank is not assessable and is never computed (spec §9 E4)",
    ),
    Rule(
        "NOT-ASSESSABLE",
        "info",
        "identity",
        "无法核对的勾稽关系",
        "identities not assessable",
        "{count} 项勾稽关系无法核对：{cell_count} 个单元格数值未知（未读出，或留空的合计被用作加数）：{cells}",
        "{count} identities could not be checked: {cell_count} cells are unknown (unread, or a blank total used "
        "as a part): {cells}",
        "derived: an unread cell is unknown, and a total left blank is not known to be 0 where another identity "
        "sums it; known parts that already exceed a total are still an error",
    ),
    Rule(
        "UNREAD-TABLE",
        "error",
        "layout",
        "表格未能读出",
        "table not read",
        "{label}：表格未能从发布的文件中读出（{count} 个单元格均未读出），无法核对",
        "{label_en}: the table could not be read from the published document (all {count} cells unread); it "
        "cannot be checked",
        "derived: a report whose table cannot be read cannot be said to pass",
    ),
    Rule(
        "LAYOUT-OTHER-ROWS",
        "warning",
        "layout",
        "（六）其他处理的行式",
        "layout of （六）其他处理",
        "表三（六）其他处理按{found}格式填报，与本报告所用{version}年版格式不一致",
        "table 三 prints （六）其他处理 in the {found_en} layout, not that of the {version} format it uses",
        "derived: 2021 format splits （六） into three rows; 2019 format has one row (spec §3.5)",
    ),
    Rule(
        "META-AGENCY",
        "error",
        "metadata",
        "报告机关",
        "reporting agency",
        "报告机关名称为空",
        "the report names no agency",
        "derived: a report is the named agency's own (rollups, the carry-over and the deadline go by it)",
    ),
    Rule(
        "META-FORMAT-YEAR",
        "error",
        "metadata",
        "格式版本与年度",
        "format version for the year",
        "{year}年度报告应使用{expected}年版格式（{document}），实际为{actual}年版",
        "a report on {year} must use the {expected} format ({document}), not the {actual} format",
        "国办公开办函〔2019〕60号 (2019–2020 reports) and 〔2021〕30号 (2021 on); spec §4.3 R-X-FORMAT",
    ),
    Rule(
        "META-PERIOD",
        "warning",
        "metadata",
        "统计期限",
        "statistics period",
        "统计期限应为{expected}，实际为{actual}",
        "the statistics period should be {expected}, found {actual}",
        "practice and DB51/T 2660—2019 §2.1: 上一年度1月1日至12月31日 (spec §4.4 R-PERIOD)",
    ),
    Rule(
        "META-DEADLINE",
        "warning",
        "metadata",
        "发布时限",
        "publication deadline",
        "发布日期{actual}晚于法定时限{expected}（{who}）",
        "published on {actual}, after the deadline {expected} ({who_en})",
        "条例 第四十九条: 部门 by 1月31日, 本级政府 by 3月31日 of the next year",
    ),
    Rule(
        "META-TITLE-YEAR",
        "warning",
        "metadata",
        "标题年度",
        "year in the title",
        "标题中的年度{actual}与报告年度{expected}不一致",
        "the title names the year {actual}, the report is on {expected}",
        "practice: title {机关}{Y}年政府信息公开工作年度报告 (spec §6.2)",
    ),
    Rule(
        "X-CARRY",
        "warning",
        "cross-year",
        "上年结转",
        "carried over from last year",
        "{label}：本年“上年结转”{actual}与上年报告“结转下年度继续办理”{expected}不一致",
        "{label_en}: carried over {actual}, but last year's report carried forward {expected}",
        "derived from the labels 上年结转 / 结转下年度继续办理 (spec §4.3 R-X-CARRY); 机构改革 may explain it",
    ),
    Rule(
        "X-IN-FORCE",
        "info",
        "cross-year",
        "现行有效件数推算",
        "documents in force, rolled forward",
        "{label}：现行有效件数{actual}，按上年{previous}加本年制发{issued}减废止{repealed}应约为{expected}",
        "{label_en}: {actual} in force; last year's {previous} + issued {issued} − repealed {repealed} = {expected}",
        "derived, soft: 制发 may include amendments and documents may expire (spec §4.3 R-X-VALID)",
        since_year=2022,
    ),
    Rule(
        "X-ITEMS",
        "warning",
        "cross-year",
        "上一年项目数量",
        "item count last year",
        "{label}：上一年项目数量{actual}，按上年报告应为{expected}（上年数量加本年增/减）",
        "{label_en}: last year's item count {actual}; last year's report gives {expected} (count + change)",
        "湖北 fill-in notes to the 2019 format (spec §4.3 R-X-ITEMS)",
        since_year=2020,
        until_year=2020,
    ),
    Rule(
        "X-PREVIOUS",
        "warning",
        "cross-year",
        "上年报告",
        "the previous report",
        "所给上年报告为{actual}，应为同一机关{expected}年度的报告",
        "the previous report given is {actual}; expected the same agency's report on {expected}",
        "derived: cross-year rules compare a report with the same agency's report on the year before",
    ),
    Rule(
        "PROSE-T3",
        "warning",
        "narrative",
        "正文数字与表三",
        "figures in the text vs table 三",
        "正文称“{quote}”，与表三{label}{expected}不一致",
        "the text says “{quote}”, but table 三 {label_en} is {expected}",
        "derived (spec §4.4 R-PROSE-T3; the 上海 2019 report is a real case, §9 E3)",
    ),
    Rule(
        "FEE-STATEMENT",
        "warning",
        "narrative",
        "信息处理费说明",
        "statement on information processing fees",
        "“六、其他需要报告的事项”未说明信息处理费收取情况",
        "section 六 says nothing about information processing fees (信息处理费)",
        "practice under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); spec §2.3, §4.4 R-FEE-STMT",
        since_year=2021,
    ),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with ``rule_id``; :class:`KeyError` listing the ids when there is none."""
    try:
        return BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"no rule {rule_id!r}; rules: {', '.join(BY_ID)}") from None


def _path(table: Table, row: Row, column: str) -> str:
    return ".".join((table.key, *row.path, column))


def _layouts(table: Table) -> list[tuple[str, tuple[Row, ...]]]:
    layouts = [(STANDARD, table.rows)]
    layouts += [(alt.key, table.rows_with(alt)) for alt in table.alternatives]
    return layouts


@cache
def identities(version: str) -> tuple[Identity, ...]:
    """Every identity instance of a format version, derived from its declaration."""
    fmt = get_format(version)
    out: list[Identity] = []
    seen: set[tuple[str, str | None]] = set()

    def add(identity: Identity) -> None:
        key = (identity.sub_id, identity.layout)
        if key not in seen:
            seen.add(key)
            out.append(identity)

    applications = fmt.table("applications")
    columns = applications.rows[0].columns
    new, carried, forward = (applications.row(k) for k in ("new", "carried_over", "carried_forward"))
    total_row = applications.row("results.total")
    for column in columns.columns:
        label = f"{column.label}列"
        add(
            Identity(
                "T3-BALANCE",
                f"T3-BALANCE[{column.key}]",
                (_path(applications, new, column.key), _path(applications, carried, column.key)),
                (_path(applications, total_row, column.key), _path(applications, forward, column.key)),
                label,
                f"column {column.key}",
                total_side="none",
            )
        )
    for table in fmt.tables:
        layouts = _layouts(table)
        rule_id = "T3-ROWSUM" if table.key == "applications" else "T4-TOTAL"
        for layout, rows in layouts:
            for row in rows:
                total = row.columns.total
                if total is None:
                    continue
                everywhere = all(row in other for _, other in layouts)
                add(
                    Identity(
                        rule_id,
                        f"{rule_id}[{'.'.join(row.path)}]",
                        (_path(table, row, total),),
                        tuple(_path(table, row, p) for p in row.columns.parts),
                        " › ".join(row.labels),
                        ".".join(row.path),
                        layout=None if everywhere else layout,
                    )
                )
        for row_sum in table.row_sums:
            for layout, rows in layouts:
                total_row = next(r for r in rows if r.path == row_sum.total)
                parts = row_sum.parts(rows)
                for column in total_row.columns.columns:
                    add(
                        Identity(
                            "T3-TOTAL",
                            f"T3-TOTAL[{column.key}]",
                            (_path(table, total_row, column.key),),
                            tuple(_path(table, r, column.key) for r in parts),
                            f"{column.label}列",
                            f"column {column.key}",
                            layout=layout,
                        )
                    )
    return tuple(out)


def layout_markers(fmt: Format) -> dict[str, dict[str, str]]:
    """For each table with alternatives: layout key → a cell path present only in that layout.

    A document uses the layout whose marker path exists in it (this is how a validator in another language tells
    the layouts apart).
    """
    markers: dict[str, dict[str, str]] = {}
    for table in fmt.tables:
        if not table.alternatives:
            continue
        per: dict[str, str] = {}
        for alt in table.alternatives:
            first = alt.rows[0]
            per[alt.key] = _path(table, first, first.columns.columns[0].key)
            replaced = next(r for r in table.rows if r.path[: len(alt.replaces)] == alt.replaces)
            per[STANDARD] = _path(table, replaced, replaced.columns.columns[0].key)
        markers[table.key] = per
    return markers
