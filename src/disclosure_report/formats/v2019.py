"""The 2019 format (国办公开办函〔2019〕60号, 《…年度报告格式（试行）》), declared once, for reports on 2019–2020.

Tables 三 and 四 are those of the 2021 format except that （六）其他处理 is one row; table 二 is the 2019 table
(spec §3.2): 本年新制作数量 / 本年新公开数量 / 对外公开总数量, 上一年项目数量 / 本年增/减 (signed) / 处理决定数量,
其他对外管理服务事项, and 第二十条第（九）项 政府集中采购. Labels are the official text as in ``format-spec.md`` §3.
"""

from __future__ import annotations

from disclosure_report.formats import v2021
from disclosure_report.formats.declaration import Alternative, Column, ColumnSet, Format, Row, Section, Table

# ---------------------------------------------------------------------------------------------------------------
# Table 二 (2019): 主动公开政府信息情况 (spec §3.2)

DOCUMENTS_2019 = ColumnSet(
    key="documents_2019",
    columns=(
        Column("new_made", ("本年新制作数量",), "documents newly made this year"),
        Column("new_published", ("本年新公开数量",), "documents newly published this year"),
        Column("total_published", ("对外公开总数量",), "documents published in total"),
    ),
)

PREV_COUNT = Column("prev_count", ("上一年项目数量",), "number of items last year")
DELTA = Column("delta", ("本年增/减",), "items added (positive) or removed (negative) this year", kind="signed")

ITEMS = ColumnSet(
    key="items",
    columns=(PREV_COUNT, DELTA, Column("decisions", ("处理决定数量",), "decisions (cases handled) this year")),
)

FEE_ITEMS = ColumnSet(key="fee_items", columns=(PREV_COUNT, DELTA))

PROCUREMENT = ColumnSet(
    key="procurement",
    columns=(
        Column("projects", ("采购项目数量",), "centralised procurement projects"),
        Column(
            "amount",
            ("采购总金额",),
            "total procurement amount, in the unit the report prints (the header names none)",
            kind="money",
        ),
    ),
)

ART20_9 = "第二十条第（九）项"

PROACTIVE_2019 = Table(
    key="proactive",
    layout="blocks",
    corner=v2021.ITEM_LABEL_HEADER,
    en="information disclosed proactively (条例 art. 20), 2019 format",
    rows=(
        Row(("regulations",), (v2021.ART20_1, "规章"), DOCUMENTS_2019, "regulations (规章)"),
        Row(("normative_documents",), (v2021.ART20_1, "规范性文件"), DOCUMENTS_2019, "normative documents"),
        Row(("licensing",), (v2021.ART20_5, "行政许可"), ITEMS, "administrative licensing"),
        Row(
            ("other_services",),
            (v2021.ART20_5, "其他对外管理服务事项"),
            ITEMS,
            "other external management and service items",
        ),
        Row(("penalty",), (v2021.ART20_6, "行政处罚"), ITEMS, "administrative penalties"),
        Row(("coercion",), (v2021.ART20_6, "行政强制"), ITEMS, "administrative coercion"),
        Row(("fees",), (v2021.ART20_8, "行政事业性收费"), FEE_ITEMS, "administrative fee items"),
        Row(("procurement",), (ART20_9, "政府集中采购"), PROCUREMENT, "government centralised procurement"),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Table 三 (2019): the 2021 rows with （六）其他处理 as one row (spec §3.3)

APPLICATIONS_2019 = Table(
    key="applications",
    layout="matrix",
    corner=v2021.BALANCE_NOTE,
    en="applications received and handled",
    rows=(
        v2021.NEW_ROW,
        v2021.CARRIED_OVER_ROW,
        *v2021.RESULT_ROWS_BEFORE_OTHER,
        v2021.SINGLE_OTHER_ROW,
        v2021.RESULTS_TOTAL_ROW,
        v2021.CARRIED_FORWARD_ROW,
    ),
    row_sums=(v2021.RESULTS_SUM,),
    alternatives=(
        Alternative(
            key="split_other",
            replaces=("results", "other"),
            rows=v2021.OTHER_SUB_ROWS,
            en="（六）其他处理 printed as the three sub-rows of the 2021 layout",
        ),
    ),
)


def _same_as_2021(key: str, table: Table | None = None) -> Section:
    section = v2021.FORMAT.section(key)
    if table is None:
        return section
    return Section(section.key, section.number, section.title, section.en, table, section.subsections, section.aliases)


FORMAT = Format(
    version="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    sections=(
        _same_as_2021("overview"),
        _same_as_2021("proactive", PROACTIVE_2019),
        _same_as_2021("applications", APPLICATIONS_2019),
        _same_as_2021("review_litigation"),
        _same_as_2021("problems"),
        _same_as_2021("other_matters"),
    ),
)
