"""What the command line prints: Chinese by default, English with --lang en, plurals right, errors translated."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from disclosure_report import DocumentError, dump, dumps, loads, new_report, render, structure
from disclosure_report.cli import main
from disclosure_report.errors import Phrase
from disclosure_report.jsonio.convert import parse_json
from disclosure_report.messages import (
    counts_line,
    document_error_text,
    error_text,
    plural,
    read_warning_text,
    result_line,
)
from disclosure_report.read import read
from disclosure_report.read.base import ReadError, ReadWarning
from strategies import DAMAGE, damaged, reports

ENGLISH = re.compile(r"\b(a|an|the|expected|found|nothing|string|object|array|key|keys|number|problems?)\b")


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = parse_json(dumps(new_report("某局", 2023)))
    return data


def _error(data: Any) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        structure(data)
    return info.value


@pytest.mark.parametrize(
    ("counts", "en", "zh"),
    [
        ({"error": 1, "warning": 24, "info": 0}, "1 error, 24 warnings, 0 info", "错误 1 个，警告 24 个，提示 0 个"),
        ({"error": 2, "warning": 1, "info": 3}, "2 errors, 1 warning, 3 info", "错误 2 个，警告 1 个，提示 3 个"),
        ({"error": 0, "warning": 0, "info": 1}, "0 errors, 0 warnings, 1 info", "错误 0 个，警告 0 个，提示 1 个"),
    ],
)
def test_counts_have_right_plurals_and_chinese(counts: dict[str, int], en: str, zh: str) -> None:
    assert counts_line(counts, "en") == en
    assert counts_line(counts, "zh") == zh
    assert result_line("r.json", False, counts, "en") == f"r.json: ERRORS — {en}"
    assert result_line("r.json", True, counts, "zh") == f"r.json：通过 — {zh}"
    assert plural(1, "document") == "1 document" and plural(2, "document") == "2 documents"


def test_every_converter_problem_is_translated() -> None:
    data = _doc()
    new = data["applications"]["new"]
    new["natural_person"] = "12"
    new["commercial"] = Decimal("3.9")
    new["research"] = {"blank": "12"}
    new["public_interest"] = {"blank": "", "x": 1}
    new["legal_services"] = True
    new["other_org"] = None
    new["totl"] = 1
    data["proactive"]["fees"]["amount"] = 4068.208
    data["meta"]["published_on"] = "2024/01/31"
    data["meta"]["scope"] = "city"
    del data["review_litigation"]["review"]
    data["overview"]["extra"] = {}
    error = _error(data)
    zh = document_error_text(error, "zh")
    assert zh.splitlines()[0] == f"不是有效的年度报告文档：共 {len(error.problems)} 处问题"
    for line in zh.splitlines()[1:]:
        said = line.partition("：应为")[2]
        assert "，实为" in said, line
        assert not ENGLISH.search(said.replace("disclosure_report.loads/load", "")), line
    assert (
        "  - $.applications.new.natural_person（一、本年新收政府信息公开申请数量 › 申请人情况 › 自然人）："
        '应为至多 15 位的 ≥ 0 整数、留空或未读出，实为"12"（字符串）'
    ) in zh.splitlines()
    assert "  - $.review_litigation.review：应为此键（必填），实为无" in zh.splitlines()
    assert document_error_text(error, "en") == str(error)


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ('{"format" "2021"}', "第 1 行第 11 列：应为JSON 文本，实为语法错误：此处应有冒号"),
        (
            '{"format": "2021", "format": "2019"}',
            '$：应为每个对象中每个键只出现一次，实为同一对象中键 "format" 出现两次',
        ),
        ('{"format": "2018"}', '$.format：应为受支持的格式版本（"2021", "2019"），实为"2018"（字符串）'),
    ],
)
def test_document_level_problems_in_chinese(text: str, zh: str) -> None:
    with pytest.raises(DocumentError) as info:
        loads(text, source="r.json")
    assert document_error_text(info.value, "zh") == f"r.json：不是有效的年度报告文档：{zh}"


def test_validate_prints_chinese_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2021", "meta": 3}', encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}：不是有效的年度报告文档：共 9 处问题\n")
    for line in err.splitlines()[1:]:
        assert not ENGLISH.search(line.partition("：应为")[2]), line
    assert main(["validate", str(bad), "--json"]) == 2  # machine output stays English and stable
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert entry["error"].startswith(f"{bad}: not a valid annual report document: 9 problems")


def test_corpus_lines_and_summary_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    dump(new_report("甲局", 2023), folder / "a.json")
    (folder / "b.json").write_text("{", encoding="utf-8")
    assert main(["validate", str(folder), "--jobs", "1"]) == 2
    out = capsys.readouterr().out
    assert f"{folder / 'a.json'}：通过 — 错误 0 个，警告 1 个，提示 0 个" in out  # no statement on fees
    assert f"{folder / 'b.json'}：无法读取 — " in out
    assert "共 2 份文档：无错误 1 份，有错误 0 份，无法读取 1 份" in out
    assert "FEE-STATEMENT（警告）" in out
    assert main(["validate", str(folder), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{folder / 'a.json'}: ok — 0 errors, 1 warning, 0 info" in out
    assert f"{folder / 'b.json'}: UNREADABLE — " in out
    assert "2 documents: 1 without errors, 0 with errors, 1 unreadable" in out
    assert "FEE-STATEMENT (warning)" in out


def test_aggregate_duplicate_names_the_command_line_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    unit = new_report("单位甲", 2023)
    dump(unit, folder / "a.json")
    dump(unit, folder / "b.json")
    assert main(["aggregate", str(folder), "--agency", "某县人民政府", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    files = f"{folder / 'a.json'}; {folder / 'b.json'}"
    assert (
        err
        == f"aggregate: 单位甲 has more than one report on 2023 ({files}); pass --first-duplicate to keep the first\n"
    )
    assert "on_duplicate" not in err
    assert main(["aggregate", str(folder), "--agency", "某县人民政府", "--first-duplicate", "--lang", "en"]) == 0
    assert "duplicated (first kept): 单位甲" in capsys.readouterr().out


FIXTURES = Path(__file__).parent / "fixtures" / "real"
LABELS = "三、本年度办理结果 › （一）予以公开"


@pytest.mark.parametrize(
    ("message", "en", "zh"),
    [
        (
            Phrase("warn.row_width", row=LABELS, expected=7, found=5, texts="1 | 2 | 3 | 4 | 5"),
            f"{LABELS}: expected 7 cells, found 5 (1 | 2 | 3 | 4 | 5); the cells of this row are left unread",
            f"{LABELS}：应有 7 个单元格，实有 5 个（1 | 2 | 3 | 4 | 5）；本行各单元格未读出",
        ),
        (
            Phrase("warn.digits_unsplittable", row=LABELS, digits="12"),
            f"{LABELS}: the digits 12 ran together without separators; it cannot be split into the row's cells; "
            "the cells are left unread",
            f"{LABELS}：数字 12 连在一起，没有分隔；无法拆到本行的各单元格；各单元格未读出",
        ),
        (
            Phrase("warn.digits_ways", row=LABELS, digits="1 2", ways="64+", shown="1 2; 12 3"),
            f"{LABELS}: the digits 1 2 ran together without separators; it splits 64+ ways (1 2; 12 3…) and no "
            "identity decides between them; the cells are left unread",
            f"{LABELS}：数字 1 2 连在一起，没有分隔；可拆为 64+ 种（1 2; 12 3…），没有勾稽关系能确定；各单元格未读出",
        ),
        (
            Phrase("warn.bands_ways", digits="1234", ways=3),
            "table 四: the digits 1234 ran together and split 3 ways under the 总计 identities; "
            "the cells are left unread",
            "表四：数字 1234 连在一起，按总计的勾稽关系有 3 种拆法；各单元格未读出",
        ),
        (
            Phrase("warn.bands_width", expected=15, found=14),
            "table 四: expected 15 cells, found 14; the cells are left unread",
            "表四：应有 15 个单元格，实有 14 个；各单元格未读出",
        ),
        (
            Phrase("warn.split_undecided", row=LABELS, splits=2, shown="1 2; 12 3"),
            f"{LABELS}: digits ran together and split 2 ways (1 2; 12 3); no identity decides; the cells are left "
            "unread",
            f"{LABELS}：数字连在一起，有 2 种拆法（1 2; 12 3）；没有勾稽关系能确定；各单元格未读出",
        ),
        (
            Phrase("warn.cell_unread", problem=Phrase("value.not_number", text="x1")),
            "'x1' is not a number or a blank mark; the cell is left unread",
            "'x1' 不是数字，也不是留空标记；该单元格未读出",
        ),
        (
            Phrase("warn.cell_unread", problem=Phrase("value.negative", text="-3")),
            "'-3' is negative; the cell is left unread",
            "'-3' 是负数；该单元格未读出",
        ),
        (
            Phrase("warn.value_note", text="1,234", note=Phrase("value.comma_removed")),
            "'1,234': a digit grouping comma was removed",
            "'1,234'：已去掉数字中的分组逗号",
        ),
        (
            Phrase("warn.value_note", text="12元", note=Phrase("value.unit_removed", unit="元")),
            "'12元': the unit 元 was removed",
            "'12元'：已去掉单位 元",
        ),
        (
            Phrase("warn.values_apart", line=12, rows="一、本年新收、二、上年结转"),
            "the values on line 12 stood apart from their labels; by the order of rows they are "
            "一、本年新收、二、上年结转",
            "第 12 行的数值与其行名分开；按行的顺序，它们属于 一、本年新收、二、上年结转",
        ),
        (
            Phrase("warn.values_by_order", line=12, rows="行政复议"),
            "values on line 12 without a label of their own; by the order of rows they are 行政复议",
            "第 12 行的数值没有自己的行名；按行的顺序，它们属于 行政复议",
        ),
        (
            Phrase("warn.values_stray", values="1 | 2"),
            "values without a row (1 | 2): no label, and the order of rows does not say whose they are; they are "
            "not used",
            "不属于任何行的数值（1 | 2）：没有行名，行的顺序也不能说明其归属；未使用",
        ),
        (
            Phrase("warn.misprinted_label", printed="2.其他法律行政止公开", label="2.其他法律行政法规禁止公开"),
            "the row label '2.其他法律行政止公开' is read as '2.其他法律行政法规禁止公开' (same item number, its "
            "characters in order)",
            "行名 '2.其他法律行政止公开' 读作 '2.其他法律行政法规禁止公开'（项目编号相同，所印文字依次都在其中）",
        ),
        (
            Phrase("warn.mark_kept", mark="n/a"),
            "'n/a' is not a blank mark the readers know; kept as printed",
            "'n/a' 不是已知的留空标记；按所印保留",
        ),
        (
            Phrase("warn.given_year", place="title", printed=2023, given=2024),
            "the title names the year 2023; 2024 as given is used",
            "标题所载年度为 2023；采用调用方给出的 2024",
        ),
        (
            Phrase("warn.heading_again", heading="五、存在的主要问题及改进情况"),
            "the heading 五、存在的主要问题及改进情况 appears again; its text is joined to the first",
            "标题 五、存在的主要问题及改进情况 再次出现；其正文并入第一次出现处",
        ),
        (
            Phrase("warn.headings_missing", headings="五、存在的主要问题及改进情况"),
            "headings not found: 五、存在的主要问题及改进情况",
            "未找到的标题：五、存在的主要问题及改进情况",
        ),
        (
            Phrase("warn.record_date", recorded="2024-01-20", printed="2024-01-21"),
            "the embedded record dates the report 2024-01-20; the date printed, 2024-01-21, is kept",
            "内嵌记录所载的发布日期为 2024-01-20；保留所印日期 2024-01-21",
        ),
        (
            Phrase("warn.record_invalid"),
            "the embedded record is not a valid metadata record; it is ignored",
            "内嵌记录不是有效的元数据记录；已忽略",
        ),
        (
            Phrase("warn.record_other_format", format="2019"),
            "the embedded record is for the 2019 format, not this document's; it is ignored",
            "内嵌记录属于 2019 格式，与本文档不符；已忽略",
        ),
        (
            Phrase("warn.record_other_title", expected="某局2023年政府信息公开工作年度报告"),
            "the embedded record is for '某局2023年政府信息公开工作年度报告', not the title printed; it is ignored",
            "内嵌记录属于 '某局2023年政府信息公开工作年度报告'，与所印标题不符；已忽略",
        ),
        (
            Phrase("warn.rows_missing_more", rows="a；b；c；d；e；f", more=2),
            "rows not found (their cells are left unread): a；b；c；d；e；f and 2 more",
            "未找到的行（其单元格未读出）：a；b；c；d；e；f，另有 2 行",
        ),
        (
            Phrase("warn.rows_missing", rows="a"),
            "rows not found (their cells are left unread): a",
            "未找到的行（其单元格未读出）：a",
        ),
    ],
)
def test_reader_warnings_in_chinese(message: Phrase, en: str, zh: str) -> None:
    """Each warning of the readers is worded from its message key: the English as the readers always wrote it."""
    warning = ReadWarning(message, 3, "applications.results.granted.natural_person")
    assert message == en
    assert read_warning_text(warning, "zh") == f"第 3 行：{zh} [applications.results.granted.natural_person]"
    assert (
        read_warning_text(warning, "en")
        == str(warning)
        == f"line 3: {en} [applications.results.granted.natural_person]"
    )


def test_every_warning_read_from_the_real_reports_is_translated() -> None:
    seen = 0
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in (".txt", ".md", ".html", ".pdf"):
            for warning in read(path).warnings:
                assert isinstance(warning.message, Phrase), warning
                text = read_warning_text(warning, "zh").rsplit(" [", 1)[0]
                assert not ENGLISH.search(text) and "ran together" not in text, text
                seen += 1
    assert seen == 4  # pingtan-2021.txt: digits run together in three rows; 洪泽 2024: a misprinted row label


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=reports(),
    damage=DAMAGE,
)
def test_every_warning_of_a_damaged_text_is_worded_from_its_key(report: Any, damage: list[Any]) -> None:
    """Whatever the reader meets — lines lost, merged, separators gone, figures garbled — it words what it had
    to interpret from a message key: no warning is English under --lang zh."""
    text = damaged(str(render(report, "text")), damage)
    try:
        warnings = read(text.encode("utf-8"), format="text", year=2024, agency="某局").warnings
    except ReadError as e:
        assert e.key is not None, e
        return
    for warning in warnings:
        assert isinstance(warning.message, Phrase), warning
        assert not ENGLISH.search(read_warning_text(warning, "zh")), warning


def test_read_errors_in_chinese(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text("会议通知\n请各单位参加。\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read(page)
    assert (
        error_text(info.value, "zh") == f"{page}：不是政府信息公开工作年度报告（没有年度报告的标题、各部分标题或表格）"
    )
    assert error_text(info.value, "en") == str(info.value)


def test_the_rule_listing_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.split() == ["T3-BALANCE", "错误", "勾稽关系", "表三勾稽关系"]
    assert main(["rules", "--lang", "en"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0].startswith("T3-BALANCE         error    identity    table 三 balance")
    )


@pytest.mark.parametrize(
    ("missing", "zh"),
    [
        (["year"], "a.md：标题、前言和统计期限中都没有报告年度，请给出 year=…（--year YYYY）"),
        (["agency"], "a.md：标题、前言和落款中都没有机关名称，请给出 agency=…（--agency 机关名称）"),
        (
            ["year", "agency"],
            "a.md：标题、前言和统计期限中都没有报告年度，请给出 year=…（--year YYYY）；"
            "标题、前言和落款中都没有机关名称，请给出 agency=…（--agency 机关名称）",
        ),
    ],
)
def test_a_document_that_names_no_year_or_agency_says_what_to_pass_in_chinese(missing: list[str], zh: str) -> None:
    from disclosure_report import new_report, render
    from disclosure_report.read import ReadError, read

    printed = str(render(new_report("某局", 2024), "text")).splitlines()
    text = "\n".join(line for line in printed if "年度报告" not in line).encode()  # the title gone: no year, no agency
    given = {"year": 2024, "agency": "某局"}
    with pytest.raises(ReadError) as caught:
        read(text, format="text", **{k: v for k, v in given.items() if k not in missing})  # type: ignore[arg-type]
    assert error_text(caught.value, "zh") == zh.replace("a.md", "该文档")  # a document given as bytes has no name
    assert caught.value.key == f"read.no_{'_'.join(missing)}"
    assert dict(caught.value.fields) == {"source": "the document"}
