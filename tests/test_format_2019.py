"""The 2019 (试行) format: declaration labels, model, converter, authoring helpers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report import (
    BLANK,
    AnnualReport,
    ApplicantRow,
    DocumentError,
    FieldValueError,
    Meta,
    Proactive2019,
    Proactive2021,
    Procurement,
    dumps,
    format_for_year,
    get_format,
    iter_cells,
    load,
    loads,
    new_report,
    replace_value,
    structure,
    unstructure,
    with_totals,
)
from disclosure_report.jsonio.convert import parse_json

FMT = get_format("2019")
EXAMPLE = Path(__file__).parent.parent / "examples" / "shanghai-gov-office-2019.json"

# Independent copy of the 2019 table 二 labels (spec §3.2).
A1, A5, A6, A8, A9 = (f"第二十条第（{n}）项" for n in ("一", "五", "六", "八", "九"))
ITEM_COLUMNS = {"prev_count": "上一年项目数量", "delta": "本年增/减", "decisions": "处理决定数量"}
TABLE2_2019: dict[str, tuple[str, ...]] = {}
for row, label in (("regulations", "规章"), ("normative_documents", "规范性文件")):
    for key, header in (
        ("new_made", "本年新制作数量"),
        ("new_published", "本年新公开数量"),
        ("total_published", "对外公开总数量"),
    ):
        TABLE2_2019[f"proactive.{row}.{key}"] = (A1, label, header)
for block, row, label in (
    (A5, "licensing", "行政许可"),
    (A5, "other_services", "其他对外管理服务事项"),
    (A6, "penalty", "行政处罚"),
    (A6, "coercion", "行政强制"),
):
    for key, header in ITEM_COLUMNS.items():
        TABLE2_2019[f"proactive.{row}.{key}"] = (block, label, header)
TABLE2_2019["proactive.fees.prev_count"] = (A8, "行政事业性收费", "上一年项目数量")
TABLE2_2019["proactive.fees.delta"] = (A8, "行政事业性收费", "本年增/减")
TABLE2_2019["proactive.procurement.projects"] = (A9, "政府集中采购", "采购项目数量")
TABLE2_2019["proactive.procurement.amount"] = (A9, "政府集中采购", "采购总金额")


def test_table2_labels() -> None:
    assert {c.path: c.labels for c in FMT.table("proactive").cells()} == TABLE2_2019
    assert FMT.cell("proactive.licensing.delta").kind == "signed"
    assert FMT.cell("proactive.procurement.amount").kind == "money"


def test_table3_has_the_single_other_row() -> None:
    table = FMT.table("applications")
    assert [r.label for r in table.rows].count("（六）其他处理") == 1
    assert len(table.rows) == 23
    assert FMT.cell("applications.results.other.total").labels == (
        "三、本年度办理结果",
        "（六）其他处理",
        "申请人情况",
        "总计",
    )
    (alt,) = table.alternatives
    assert [r.label for r in alt.rows] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]


def test_shared_tables_and_headings() -> None:
    v2021 = get_format("2021")
    assert FMT.table("review_litigation") == v2021.table("review_litigation")
    assert [s.heading for s in FMT.sections] == [s.heading for s in v2021.sections]
    assert FMT.name == "中华人民共和国政府信息公开工作年度报告格式（试行）"
    assert FMT.document == "国办公开办函〔2019〕60号"
    assert len(FMT.cells()) == 22 + 23 * 7 + 15


def test_years_choose_the_format() -> None:
    assert format_for_year(2019).version == format_for_year(2020).version == "2019"
    assert format_for_year(2021).version == "2021"
    with pytest.raises(ValueError, match="pre-date"):
        format_for_year(2018)


def test_new_report_for_2020_is_in_the_2019_format() -> None:
    r = new_report("某区审计局", 2020)
    assert r.format == "2019"
    assert isinstance(r.proactive, Proactive2019)
    assert r.applications.results.other == ApplicantRow()
    assert len(list(iter_cells(r))) == 198
    assert loads(dumps(r)) == r


def test_model_refuses_a_mismatched_table_2() -> None:
    with pytest.raises(FieldValueError, match="table 二 of the 2019 format"):
        AnnualReport(format="2019", meta=Meta(agency="x", year=2020), proactive=Proactive2021())


def test_signed_delta_and_procurement_unit() -> None:
    r = new_report("某区审计局", 2020)
    r = replace_value(r, "proactive.licensing.delta", -8)
    r = replace_value(r, "proactive.procurement", Procurement(6, Decimal("251000"), "元"))
    again = loads(dumps(r))
    assert again.proactive.licensing.delta == -8
    assert again.proactive.procurement.amount_unit == "元"
    data = unstructure(r)
    data["proactive"]["licensing"]["prev_count"] = -1
    with pytest.raises(DocumentError) as info:
        structure(data)
    assert [p.cell_path for p in info.value.problems] == ["proactive.licensing.prev_count"]


def test_2019_document_with_2021_table_2_is_located() -> None:
    data = parse_json(dumps(new_report("某局", 2023)))
    data["format"] = "2019"
    with pytest.raises(DocumentError) as info:
        structure(data)
    paths = {p.json_path for p in info.value.problems}
    assert "$.proactive.other_services" in paths
    assert "$.proactive.regulations.issued" in paths
    assert "$.proactive.regulations.new_made" in paths


def test_the_shanghai_example_is_faithful() -> None:
    r = load(EXAMPLE)
    assert r.format == "2019"
    assert r.applications.new == ApplicantRow(821, 35, BLANK, BLANK, 2, 1, 859)
    assert r.applications.results.granted == ApplicantRow(258, 12, BLANK, BLANK, 1, 1, BLANK)
    assert r.applications.results.other == ApplicantRow(*[BLANK] * 7)
    assert r.review_litigation.review.total == 7
    assert r.proactive.procurement == Procurement(6, Decimal(251000), "元")
    assert dumps(r) == EXAMPLE.read_text(encoding="utf-8")


def test_with_totals_in_the_2019_layout() -> None:
    r = replace_value(new_report("某局", 2020), "applications.results.other.natural_person", 4)
    done = with_totals(r)
    assert done.applications.results.other.total == 4
    assert done.applications.results.total.natural_person == 4
