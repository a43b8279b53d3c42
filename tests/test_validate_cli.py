"""``disclosure-report validate`` and ``rules``: output, exit codes, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_report import BLANK, UNREAD, dump, load, replace_value, unread_cells
from disclosure_report.cli import main

ROOT = Path(__file__).parent.parent
SHUYANG = ROOT / "examples" / "shuyang-county-gov-2025.json"
SHANGHAI = ROOT / "examples" / "shanghai-gov-office-2019.json"


def test_clean_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SHUYANG)]) == 0
    assert capsys.readouterr().out == f"{SHUYANG}：通过 — 错误 0 个，警告 0 个，提示 0 个\n"
    assert main(["validate", str(SHUYANG), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"{SHUYANG}: ok — 0 errors, 0 warnings, 0 info\n"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The 沭阳 report with （七）总计's total one too high and table 四's 行政复议 total blank."""
    report = load(SHUYANG)
    report = replace_value(report, "applications.results.total.total", report.applications.results.total.total + 1)
    report = replace_value(report, "review_litigation.review.total", BLANK)
    path = tmp_path / "broken.json"
    dump(report, path)
    return path


def test_errors_exit_1_grouped_by_table(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "三、收到和处理政府信息公开申请情况" in out and "四、政府信息公开行政复议、行政诉讼情况" in out
    assert "错误 T3-TOTAL[total]: 总计列：（七）总计 719 ≠ 各办理结果之和 718（差 1）" in out
    assert "：有错误 — 错误 3 个，警告 2 个，提示 0 个" in out and " error" not in out


def test_json_output_is_stable(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(broken), "--json", "--disable", "BLANK-TOTAL"]) == 1
    data = json.loads(capsys.readouterr().out)
    (entry,) = data["files"]
    assert entry["agency"] == "沭阳县人民政府" and entry["ok"] is False
    assert entry["counts"] == {"error": 3, "warning": 1, "info": 0}  # and PROSE-T3: the text says 718
    finding = entry["findings"][0]
    assert sorted(finding) == [
        "actual",
        "delta",
        "expected",
        "fingerprint",
        "kind",
        "lhs",
        "message",
        "rhs",
        "rule",
        "severity",
        "sub_id",
    ]


def test_disable_makes_it_pass(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disable = ["--disable", "T3-TOTAL", "--disable", "T3-ROWSUM", "--disable", "T3-BALANCE"]
    assert main(["validate", str(broken), *disable, "--lang", "en"]) == 0
    assert "the total is blank" in capsys.readouterr().out


def test_previous_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = replace_value(load(SHUYANG), "meta", load(SHUYANG).meta.__class__(agency="沭阳县人民政府", year=2024))
    previous = replace_value(previous, "format", "2021")
    path = tmp_path / "prev.json"
    dump(previous, path)
    assert main(["validate", str(SHUYANG), "--previous", str(path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert {f["rule"] for f in findings} == {"X-CARRY", "X-IN-FORCE"}


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2021", "meta": 3}', encoding="utf-8")
    assert main(["validate", str(bad), str(SHUYANG)]) == 2
    captured = capsys.readouterr()
    assert f"{bad}：不是有效的年度报告文档：共 9 处问题\n" in captured.err
    assert (
        "  - $.meta：应为含以下键的对象：agency, year, title, published_on, period, scope, contact，实为3\n"
        in captured.err
    )
    assert "  - $.closing：应为此键（必填），实为无\n" in captured.err
    assert "shuyang" in captured.out
    assert main(["validate", str(bad), "--lang", "en"]) == 2
    assert f"{bad}: not a valid annual report document: 9 problems" in capsys.readouterr().err
    assert main(["validate", str(SHUYANG), "--disable", "NOPE"]) == 2


def test_rules_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "T3-BALANCE" in capsys.readouterr().out
    assert main(["rules", "--json", "--format", "2019"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "2019"


def test_a_published_document_is_read_then_checked(capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "real"
    published = fixtures / "shanghai-gov-office-2019.html"
    # the blank row totals leave （七）总计 not assessable: no false "805 ≠ 0" error (exit 0)
    assert main(["validate", str(published), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{published}: ok — 0 errors, 24 warnings, 1 info")
    assert "T3-TOTAL[total]" not in out and "NOT-ASSESSABLE" in out
    # and as the previous year's report, read through the Markdown reader (the same year: a warning, exit 0)
    assert main(["validate", str(SHUYANG), "--previous", str(fixtures / "shuyang-county-gov-2025.md")]) == 0
    assert "警告 X-PREVIOUS" in capsys.readouterr().out


def test_what_the_reader_had_to_interpret_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    published = ROOT / "tests" / "fixtures" / "real" / "pingtan-2021.txt"  # digits run together
    assert main(["validate", str(published)]) == 0
    captured = capsys.readouterr()
    assert f"{published}：第 10 行：第二十条第（一）项 › 行政规范性文件：数字 693665 连在一起" in captured.err
    assert "：通过 — 错误 0 个" in captured.out
    assert main(["validate", str(published), "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert len(entry["read_warnings"]) == 3
    assert entry["read_warnings"][0].endswith("[proactive.normative_documents.issued]")
    assert main(["validate", str(SHUYANG), "--json"]) == 0
    assert "read_warnings" not in json.loads(capsys.readouterr().out)["files"][0]  # a JSON document: none
    # the previous year's report, read from a published document: its warnings are shown too
    assert main(["validate", str(SHUYANG), "--previous", str(published)]) == 0  # another agency: a warning
    captured = capsys.readouterr()
    assert f"{published}：第 10 行：第二十条第（一）项 › 行政规范性文件" in captured.err
    assert "警告 X-PREVIOUS: 所给上年报告为平潭综合实验区 2021" in captured.out


def test_a_document_read_with_cells_unread_says_how_many(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Passing with unread cells is passing only as far as the document was read: the verdict says how many."""
    report = load(Path(__file__).parent.parent / "examples" / "shuyang-county-gov-2025.json")
    for column in ("natural_person", "commercial"):
        report = replace_value(report, f"applications.results.granted.{column}", UNREAD)
    assert unread_cells(report) == (
        "applications.results.granted.natural_person",
        "applications.results.granted.commercial",
    )
    path = tmp_path / "read.json"
    dump(report, path)
    assert main(["validate", str(path)]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == f"{path}：通过 — 错误 0 个，警告 0 个，提示 1 个；未读出的单元格 2 个"
    )
    assert main(["validate", str(path), "--lang", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["unread_cells"] == 2
    jsonl = tmp_path / "out.jsonl"
    assert main(["validate", str(tmp_path), "--lang", "en", "--jsonl", str(jsonl)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: ok — 0 errors, 0 warnings, 1 info; 2 cells unread" in out
    assert "documents with cells unread: 1, 2 cells in all" in out
    assert json.loads(jsonl.read_text(encoding="utf-8"))["unread_cells"] == 2
