"""The rules engine: identities from the declaration, metadata, layout, cross-year and narrative rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from disclosure_report import BLANK, UNREAD, AnnualReport, ApplicantRow, load, new_report, replace_value, with_totals
from disclosure_report.model import FeeCollection, Period
from disclosure_report.rules import RULES, identities, validate
from disclosure_report.rules.publish import rules_markdown

ROOT = Path(__file__).parent.parent
SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
PANZHOU = load(ROOT / "examples" / "panzhou-rural-revitalization-2023.json")
SHANGHAI = load(ROOT / "examples" / "shanghai-gov-office-2019.json")


def ids(report: AnnualReport, previous: AnnualReport | None = None, **kw: object) -> list[str]:
    return [f.sub_id for f in validate(report, previous, **kw).findings]  # type: ignore[arg-type]


def test_a_consistent_report_has_no_findings() -> None:
    result = validate(SHUYANG)
    assert result.ok and result.findings == ()
    assert result.counts == {"error": 0, "warning": 0, "info": 0}


def test_the_seed_is_flagged_for_its_single_other_row_only() -> None:
    (finding,) = validate(PANZHOU).findings
    assert (finding.sub_id, finding.severity) == ("LAYOUT-OTHER-ROWS", "warning")
    assert "2019年版单行" in finding.message_zh


def test_shanghai_2019_blank_totals_and_prose_contradictions() -> None:
    result = validate(SHANGHAI)
    found = ids(SHANGHAI)
    blank_rows = [i for i in found if i.startswith("BLANK-TOTAL[applications.results.") and i.endswith(".total]")]
    assert len(blank_rows) == 19  # the publisher left 总计 blank in 19 result rows (fixtures/README)
    # those blank row totals are parts of （七）总计's own total: unknown, so T3-TOTAL[total] is not assessable (the
    # report states 805 and its known parts do not exceed it) — never "805 ≠ 0"
    assert "T3-TOTAL[total]" not in found
    (unknown,) = [f for f in result.findings if f.rule == "NOT-ASSESSABLE"]
    assert unknown.severity == "info" and unknown.actual == 4
    assert "applications.results.granted.total" in unknown.lhs
    assert "PROSE-T3[granted_partial]" in found and "PROSE-T3[unable]" in found
    assert not any(i.startswith(("PROSE-T3[denied", "PROSE-T3[not_processed", "PROSE-T3[received")) for i in found)
    prose = next(f for f in result.findings if f.sub_id == "PROSE-T3[unable]")
    assert (prose.actual, prose.expected) == (265, 337)
    assert result.ok and result.counts["error"] == 0


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("applications.new.natural_person", ["T3-BALANCE[natural_person]", "T3-ROWSUM[new]"]),
        (
            "applications.results.denied.state_secret.total",
            ["T3-ROWSUM[results.denied.state_secret]", "T3-TOTAL[total]"],
        ),
        (
            "applications.results.total.research",
            ["T3-BALANCE[research]", "T3-ROWSUM[results.total]", "T3-TOTAL[research]"],
        ),
        ("review_litigation.litigation_after_review.pending", ["T4-TOTAL[litigation_after_review]"]),
    ],
)
def test_identities_fire_where_a_cell_is_off(path: str, expected: list[str]) -> None:
    report = replace_value(SHUYANG, path, SHUYANG_value(path) + 1)
    assert sorted(ids(report)) == sorted(expected)
    finding = next(f for f in validate(report).findings if f.sub_id == expected[0])
    assert finding.severity == "error" and path in finding.paths
    assert finding.delta in (1, -1)


def SHUYANG_value(path: str) -> int:
    from disclosure_report import get_value

    value = get_value(SHUYANG, path)
    assert isinstance(value, int)
    return value


def test_findings_carry_both_sides_values_and_messages() -> None:
    report = replace_value(SHUYANG, "applications.results.granted.total", 300)
    (f,) = validate(report).findings[:1]
    assert f.sub_id == "T3-ROWSUM[results.granted]"
    assert f.lhs == ("applications.results.granted.total",)
    assert f.rhs[0] == "applications.results.granted.natural_person" and len(f.rhs) == 6
    assert (f.expected, f.actual, f.delta) == (294, 300, 6)
    assert f.message_zh == "三、本年度办理结果 › （一）予以公开：总计 300 ≠ 六类申请人之和 294（差 6）"
    assert f.message_en.startswith("results.granted: total 300")
    assert len(f.fingerprint) == 16
    assert f.fingerprint == validate(report).findings[0].fingerprint
    assert f.to_dict()["message"]["zh"] == f.message_zh


def test_disable_rules_and_single_instances() -> None:
    report = replace_value(SHUYANG, "applications.new.natural_person", 706)
    assert ids(report, disable=["T3-BALANCE"]) == ["T3-ROWSUM[new]"]
    assert ids(report, disable=["T3-BALANCE[natural_person]", "T3-ROWSUM[new]"]) == []
    with pytest.raises(KeyError, match="unknown rule id"):
        validate(report, disable=["T9-NOPE"])


def test_blank_total_is_reported_never_computed() -> None:
    report = replace_value(SHUYANG, "review_litigation.review.total", BLANK)
    assert ids(report) == ["BLANK-TOTAL[review_litigation.review.total]"]
    part_blank = replace_value(SHUYANG, "review_litigation.review.other", BLANK)
    assert ids(part_blank) == ["T4-TOTAL[review]"]  # a blank part counts 0: 27+10+0+15 ≠ 61


def test_identities_follow_the_layout_in_use() -> None:
    r = replace_value(new_report("某局", 2023), "applications.results.other", ApplicantRow(natural_person=2, total=2))
    r = with_totals(r)
    r = replace_value(replace_value(r, "applications.new.natural_person", 2), "applications.new.total", 2)
    assert ids(r, disable=["FEE-STATEMENT"]) == ["LAYOUT-OTHER-ROWS"]
    broken = replace_value(r, "applications.results.other.total", 3)
    assert "T3-ROWSUM[results.other]" in ids(broken)


def test_format_must_fit_the_year() -> None:
    report = attrs.evolve(SHUYANG, meta=attrs.evolve(SHUYANG.meta, year=2020, period=Period.calendar_year(2020)))
    found = validate(report).findings
    f = next(f for f in found if f.rule == "META-FORMAT-YEAR")
    assert f.severity == "error" and f.expected == "2019" and "国办公开办函〔2019〕60号" in f.message_zh


def test_period_deadline_and_title() -> None:
    meta = attrs.evolve(
        SHUYANG.meta,
        period=Period(dt.date(2025, 1, 1), dt.date(2025, 11, 30)),
        published_on=dt.date(2026, 4, 2),
        title="沭阳县人民政府2024年政府信息公开工作年度报告",
    )
    found = {f.rule: f for f in validate(attrs.evolve(SHUYANG, meta=meta)).findings}
    assert set(found) == {"META-PERIOD", "META-DEADLINE", "META-TITLE-YEAR"}
    assert found["META-DEADLINE"].expected == "2026-03-31" and found["META-DEADLINE"].delta == 2
    assert found["META-TITLE-YEAR"].actual == 2024
    agency = attrs.evolve(SHUYANG, meta=attrs.evolve(SHUYANG.meta, scope="agency", published_on=dt.date(2026, 2, 1)))
    assert ids(agency) == ["META-DEADLINE"]
    missing = attrs.evolve(SHUYANG, meta=attrs.evolve(SHUYANG.meta, period=None))
    assert ids(missing) == ["META-PERIOD"]


def test_chinese_digits_in_the_title_year() -> None:
    meta = attrs.evolve(SHUYANG.meta, title="沭阳县人民政府二〇二五年政府信息公开工作年度报告")
    assert ids(attrs.evolve(SHUYANG, meta=meta)) == []


def test_carry_over_from_the_previous_year() -> None:
    previous = attrs.evolve(
        new_report("沭阳县人民政府", 2024),
        applications=attrs.evolve(
            new_report("x", 2024).applications, carried_forward=ApplicantRow(natural_person=36, total=36)
        ),
    )
    previous = replace_value(previous, "proactive.normative_documents.in_force", 27)  # 27 + 6 − 1 = 32
    assert ids(SHUYANG, previous) == []
    wrong = replace_value(previous, "applications.carried_forward.natural_person", 30)
    wrong = replace_value(wrong, "applications.carried_forward.total", 30)
    result = validate(SHUYANG, wrong)
    assert [f.sub_id for f in result.findings] == ["X-CARRY[natural_person]", "X-CARRY[total]"]
    assert result.findings[0].rhs == ("previous.applications.carried_forward.natural_person",)
    assert result.ok  # cross-year differences are warnings
    assert ids(SHUYANG, SHANGHAI) == ["X-PREVIOUS"]


def test_the_agency_printed_with_spaces_is_the_same_agency() -> None:
    # "沭阳县 人民政府" one year and "沭阳县人民政府" the next: still the carry-over check, not X-PREVIOUS
    previous = replace_value(new_report("沭阳县 人民政府", 2024), "applications.carried_forward.natural_person", 30)
    previous = replace_value(previous, "applications.carried_forward.total", 30)
    assert [f.sub_id for f in validate(SHUYANG, previous).findings if f.severity != "info"] == [
        "X-CARRY[natural_person]",
        "X-CARRY[total]",
    ]


def test_a_report_of_no_agency_is_an_error() -> None:
    for name in ("", "  ", "\u3000"):
        result = validate(attrs.evolve(SHUYANG, meta=attrs.evolve(SHUYANG.meta, agency=name)))
        assert not result.ok
        f = next(f for f in result.findings if f.rule == "META-AGENCY")
        assert (f.severity, f.lhs, f.actual, f.message_zh) == ("error", ("meta.agency",), name, "报告机关名称为空")
    assert "META-AGENCY" not in ids(SHUYANG)


def test_carry_over_across_the_format_boundary() -> None:
    previous = replace_value(new_report("沭阳县人民政府", 2020), "applications.carried_forward.total", 36)
    previous = replace_value(previous, "applications.carried_forward.natural_person", 36)
    this_year = attrs.evolve(
        SHUYANG,
        meta=attrs.evolve(SHUYANG.meta, year=2021, period=Period.calendar_year(2021), title=None, published_on=None),
    )
    assert previous.format == "2019" and this_year.format == "2021"
    assert ids(this_year, previous) == []
    assert ids(this_year, replace_value(previous, "applications.carried_forward.total", 35)) == ["X-CARRY[total]"]


def test_documents_in_force_roll_forward_is_info() -> None:
    previous = replace_value(new_report("沭阳县人民政府", 2024), "proactive.normative_documents.in_force", 20)
    assert ids(SHUYANG, previous) == ["X-CARRY[natural_person]", "X-CARRY[total]", "X-IN-FORCE[normative_documents]"]
    f = validate(SHUYANG, previous).findings[-1]
    assert (f.severity, f.expected, f.actual, f.delta) == ("info", 25, 32, 7)
    assert "20" in f.message_zh and "6" in f.message_zh


def test_2019_item_counts_roll_forward() -> None:
    y2019 = replace_value(new_report("某局", 2019), "proactive.licensing.prev_count", 10)
    y2019 = replace_value(y2019, "proactive.licensing.delta", -2)
    y2020 = replace_value(new_report("某局", 2020), "proactive.licensing.prev_count", 8)
    assert ids(y2020, y2019) == []
    assert ids(replace_value(y2020, "proactive.licensing.prev_count", 10), y2019) == ["X-ITEMS[licensing]"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县全年共受理政府信息公开申请 749 件，共办理 718 件，结转下一年 31 件。全县共办理相关案件 74 件", []),
        ("本年度共收到政府信息公开申请七百一十三件。", []),
        ("本年度共收到政府信息公开申请800件。", ["PROSE-T3[received]"]),
        ("共办结政府信息公开申请七百件。", ["PROSE-T3[answered]"]),
        ("另有30件结转下年度办理。", ["PROSE-T3[carried_forward]"]),
        ("另有" + "很" * 60 + "30件结转下年度办理。", ["PROSE-T3[carried_forward]"]),
        ("部分不予公开 5 件。", []),  # 部分不予公开 is not （三）不予公开
        ("不予公开 5 件。", ["PROSE-T3[denied]"]),
    ],
)
def test_prose_figures_against_table_3(text: str, expected: list[str]) -> None:
    report = attrs.evolve(SHUYANG, overview=attrs.evolve(SHUYANG.overview, on_request=text))
    assert ids(report) == expected


def test_pingtan_and_panzhou_prose_is_consistent() -> None:
    assert ids(PANZHOU, disable=["LAYOUT-OTHER-ROWS"]) == []  # "未收到政府信息公开申请" = 0


def test_fee_statement() -> None:
    silent = attrs.evolve(SHUYANG, other_matters=attrs.evolve(SHUYANG.other_matters, fees=None, text="无。"))
    assert ids(silent) == ["FEE-STATEMENT"]
    said = attrs.evolve(silent, other_matters=attrs.evolve(silent.other_matters, text="本年度未收取信息处理费。"))
    assert ids(said) == []
    typed = attrs.evolve(silent, other_matters=attrs.evolve(silent.other_matters, fees=FeeCollection(collected=False)))
    assert ids(typed) == []
    assert "FEE-STATEMENT" not in ids(SHANGHAI)  # the 2019 format predates the fee


def test_every_rule_is_documented_and_the_page_is_current() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown()
    for r in RULES:
        assert f"`{r.id}`" in page


def test_identity_instances_cover_every_total_of_the_declaration() -> None:
    subs = {i.sub_id for i in identities("2021")}
    assert len([s for s in subs if s.startswith("T3-ROWSUM")]) == 26  # 25 rows + the single （六） row
    assert len([s for s in subs if s.startswith("T3-BALANCE")]) == 7
    assert {s for s in subs if s.startswith("T4-TOTAL")} == {
        "T4-TOTAL[review]",
        "T4-TOTAL[litigation_direct]",
        "T4-TOTAL[litigation_after_review]",
    }


def test_pingtan_prose_matches_its_table() -> None:
    report = new_report("平潭综合实验区", 2021)
    for path, value in (("new", 70), ("results.total", 69), ("carried_forward", 1)):
        report = replace_value(report, f"applications.{path}.total", value)
    text = "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。"
    report = attrs.evolve(report, overview=attrs.evolve(report.overview, on_request=text))
    assert [i for i in ids(report) if i.startswith("PROSE")] == []
    report = replace_value(report, "applications.carried_forward.total", 2)
    assert [i for i in ids(report) if i.startswith("PROSE")] == ["PROSE-T3[carried_forward]"]


def test_an_unread_cell_makes_its_identities_not_assessable_never_an_error() -> None:
    report = replace_value(SHUYANG, "applications.results.granted.commercial", UNREAD)
    result = validate(report)
    assert ids(report) == ["NOT-ASSESSABLE"]  # said once, as info
    (f,) = result.findings
    assert (f.severity, f.actual, f.lhs) == ("info", 2, ("applications.results.granted.commercial",))
    assert "2 identities could not be checked" in f.message_en and result.ok
    # an unread total: its own identity is not assessable, and no BLANK-TOTAL (it is not blank)
    total = replace_value(SHUYANG, "review_litigation.review.total", UNREAD)
    assert ids(total) == ["NOT-ASSESSABLE"]


def test_known_parts_that_exceed_the_total_are_still_an_error() -> None:
    report = replace_value(SHUYANG, "applications.results.granted.commercial", UNREAD)
    report = replace_value(report, "applications.results.granted.natural_person", 10_000)
    found = ids(report)
    assert "T3-ROWSUM[results.granted]" in found  # 10,000 + unknown ≥ 10,000 > the stated total
    (f,) = [f for f in validate(report).findings if f.sub_id == "T3-ROWSUM[results.granted]"]
    row = SHUYANG.applications.results.granted
    known = 10_000 + row.research + row.public_interest + row.legal_services + row.other_org
    assert (f.severity, f.expected, f.actual) == ("error", known, row.total)


def test_a_blank_total_used_as_a_part_is_unknown_a_blank_leaf_counts_zero() -> None:
    report = replace_value(SHUYANG, "applications.results.granted.total", BLANK)
    found = ids(report)
    assert "BLANK-TOTAL[applications.results.granted.total]" in found
    assert "T3-TOTAL[total]" not in found and "NOT-ASSESSABLE" in found
    assert not any(f.severity == "error" for f in validate(report).findings)


def test_the_engine_agrees_with_the_published_policy_on_random_unknowns() -> None:
    """Every cell made unread in turn: no error ever appears on a report whose identities all hold."""
    from disclosure_report import iter_cells

    for cell, value in iter_cells(SHUYANG):
        if cell.path.startswith(("applications.", "review_litigation.")) and isinstance(value, int):
            report = replace_value(SHUYANG, cell.path, UNREAD)
            assert not [f.sub_id for f in validate(report).findings if f.severity == "error"], cell.path


def test_a_table_no_cell_of_which_was_read_is_an_error() -> None:
    from disclosure_report import iter_cells

    report = SHUYANG
    for cell, _ in iter_cells(SHUYANG):
        if cell.path.startswith("review_litigation."):
            report = replace_value(report, cell.path, UNREAD)
    result = validate(report)
    assert not result.ok
    (f,) = [f for f in result.findings if f.rule == "UNREAD-TABLE"]
    assert (f.sub_id, f.severity, f.actual) == ("UNREAD-TABLE[review_litigation]", "error", 15)
    assert f.message_zh.startswith("四、政府信息公开行政复议、行政诉讼情况：表格未能从发布的文件中读出")
    # one unread cell is not enough: that is "not assessable", never an error
    one = replace_value(SHUYANG, "review_litigation.review.upheld", UNREAD)
    assert validate(one).ok


def test_the_prose_check_knows_every_space_character() -> None:
    """``_SPACE`` is built from the code points up to ``_LAST_SPACE`` only (fast at import); none above it is a
    space, so it is every character ``\\s`` matches."""
    import sys

    from disclosure_report.rules import checks

    assert not any(chr(c).isspace() for c in range(checks._LAST_SPACE + 1, sys.maxunicode + 1))
    assert {" ", "\t", "\u3000", "\xa0"} <= checks._SPACE
