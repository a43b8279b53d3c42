"""Every command speaks the user's language: ``--lang zh`` (the default) or ``--lang en``, for its status lines,
warnings and errors; machine output (JSON, CSV, the rendered documents) is the same in both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from disclosure_report import dump, load, new_report, replace_value
from disclosure_report.cli import _commands, main
from disclosure_report.formats import get_format
from disclosure_report.messages import TEXTS, say

ROOT = Path(__file__).parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
EXAMPLE = ROOT / "examples" / "shuyang-county-gov-2025.json"
PINGTAN = REAL / "pingtan-2021.txt"
NAMES = [cmd.NAME for cmd in _commands()]


# --- the option itself -----------------------------------------------------------------------------------------


def test_the_commands_are_the_thirteen_verbs() -> None:
    assert NAMES == [
        *("aggregate", "compare", "demo", "export", "fill", "formats", "new", "read", "render", "report"),
        *("rules", "schema", "validate"),
    ]


@pytest.mark.parametrize("name", NAMES)
def test_every_command_takes_lang_zh_or_en(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    assert "--lang {zh,en}" in capsys.readouterr().out


@pytest.mark.parametrize("name", NAMES)
def test_an_unknown_language_is_refused_by_argparse(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--lang", "xx"])
    assert done.value.code == 2
    assert "argument --lang: invalid choice: 'xx' (choose from 'zh', 'en')" in capsys.readouterr().err


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    import string

    for key, (zh, en) in TEXTS.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (zh, en)]
        assert fields[0] == fields[1], key
        assert zh != en or not any("a" <= c <= "z" for c in zh), key  # the Chinese is not the English copied


def test_every_english_singular_counts_what_its_message_counts() -> None:
    import string

    from disclosure_report.messages import EN_ONE

    for key, (count, one) in EN_ONE.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(one) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(TEXTS[key][1]) if f} and count in fields, key
    assert say("interrupted_after", "en", n=1) == "interrupted: 1 document checked"
    assert say("interrupted_after", "en", n=3) == "interrupted: 3 documents checked"
    assert say("export.written", "en", rows=1, path="a.csv") == "1 row written to a.csv"
    assert say("export.written", "zh", rows=1, path="a.csv") == "已写入 1 行：a.csv"


def test_say_words_one_message_in_either_language() -> None:
    assert say("export.written", "zh", rows=200, path="cells.csv") == "已写入 200 行：cells.csv"
    assert say("export.written", "en", rows=200, path="cells.csv") == "200 rows written to cells.csv"


# --- read ------------------------------------------------------------------------------------------------------


def test_read_prints_its_warnings_in_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(PINGTAN)]) == 0
    captured = capsys.readouterr()
    assert f"{PINGTAN}：第 10 行：第二十条第（一）项 › 行政规范性文件：数字 693665 连在一起，没有分隔" in captured.err
    assert "ran together" not in captured.err
    assert json.loads(captured.out)["format"] == "2021"  # the document itself is not translated


def test_read_prints_its_warnings_in_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(PINGTAN), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert f"{PINGTAN}: line 10: 第二十条第（一）项 › 行政规范性文件: the digits 693665 ran together" in err


def test_read_json_output_is_the_same_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    main(["read", str(PINGTAN), "--json"])
    zh = capsys.readouterr()
    main(["read", str(PINGTAN), "--json", "--lang", "en"])
    en = capsys.readouterr()
    assert zh.out == en.out and "the digits 693665 ran together" in zh.out


def test_read_errors_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("随便写的内容", encoding="utf-8")
    assert main(["read", str(junk)]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {junk}：不是政府信息公开工作年度报告（没有年度报告的标题、各部分标题或表格）\n"
    )
    assert main(["read", str(junk), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {junk}: not a 政府信息公开工作年度报告 (no title, headings or tables of one)\n"
    )
    assert main(["read", str(PINGTAN), "--format", "nosuch"]) == 2
    assert "disclosure-report read: 没有名为 'nosuch' 的读取器；可用的：" in capsys.readouterr().err
    assert main(["read", str(PINGTAN), "--format", "nosuch", "--lang", "en"]) == 2
    assert "disclosure-report read: no reader named 'nosuch'; available: " in capsys.readouterr().err


# --- render ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_render_writes_the_same_document_in_both_languages(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.md"
    assert main(["render", str(EXAMPLE), "--to", "markdown", "-o", str(out), "--lang", lang]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert "# 沭阳县人民政府2025年政府信息公开工作年度报告" in out.read_text(encoding="utf-8")


def test_render_errors_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLE), "--to", "docx"]) == 2
    assert capsys.readouterr().err == "disclosure-report render: docx 渲染器写出的是二进制文件：请给出 -o 文件.docx\n"
    assert main(["render", str(EXAMPLE), "--to", "docx", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report render: the docx renderer writes a binary file: give -o FILE.docx\n"
    )
    assert main(["render", str(EXAMPLE), "--to", "nosuch"]) == 2
    assert "disclosure-report render: 没有名为 'nosuch' 的渲染器；可用的：" in capsys.readouterr().err
    assert main(["render", str(EXAMPLE), "--to", "nosuch", "--lang", "en"]) == 2
    assert "disclosure-report render: no renderer named 'nosuch'; available: " in capsys.readouterr().err


def test_a_document_that_cannot_be_read_is_reported_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["render", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"disclosure-report render: {bad}：不是有效的年度报告文档：")
    assert main(["render", str(bad), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(f"disclosure-report render: {bad}: not a valid annual report document")


# --- aggregate -------------------------------------------------------------------------------------------------


@pytest.fixture
def units(tmp_path: Path) -> Path:
    folder = tmp_path / "units"
    folder.mkdir()
    for name in ("单位甲", "单位乙"):
        dump(new_report(name, 2023), folder / f"{name}.json")
    return folder


def test_aggregate_coverage_in_chinese_by_default(
    units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rollup.json"
    assert main(["aggregate", str(units), "--agency", "某县", "--expect", "单位甲,单位乙,单位丙", "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "单位：应有 3 个，汇总 2 个",
        "缺少（不按 0 计）：单位丙",
        f"汇总报告已写入 {out}",
    ]


def test_aggregate_coverage_in_english(units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rollup.json"
    argv = ["aggregate", str(units), "--agency", "某县", "--expect", "单位甲,单位乙,单位丙", "-o", str(out)]
    assert main([*argv, "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "units: 2 summed of 3 expected",
        "missing (not counted as zero): 单位丙",
        f"rollup written to {out}",
    ]


def test_aggregate_json_keeps_its_english_lines(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["aggregate", str(units), "--agency", "某县", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["coverage"] == ["units: 2 summed"]


def test_aggregate_check_in_both_languages(units: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    published = tmp_path / "published.json"
    path = "applications.new.natural_person"
    dump(replace_value(new_report("某县", 2023), path, 7), published)
    labels = " › ".join(next(cell.labels for cell in get_format("2021").cells() if cell.path == path))
    assert main(["aggregate", str(units), "--check", str(published)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "单位：汇总 2 个",
        f"{path}（{labels}）：公布 7，各单位合计 0",
        "与各单位合计不符的单元格 1 个",
    ]
    assert main(["aggregate", str(units), "--check", str(published), "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "units: 2 summed",
        f"{path} ({labels}): published 7, units sum to 0",
        "1 cell differs from the sum of the units",
    ]


def test_aggregate_errors_in_both_languages(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["aggregate", str(units)]) == 2
    assert capsys.readouterr().err == "aggregate: 汇总需要 --agency（汇总报告的机关）\n"
    assert main(["aggregate", str(units), "--lang", "en"]) == 2
    assert capsys.readouterr().err == "aggregate: --agency is required to build a rollup\n"
    shutil.copy(units / "单位甲.json", units / "单位甲-2.json")
    assert main(["aggregate", str(units), "--agency", "某县"]) == 2
    files = f"{units / '单位甲-2.json'}；{units / '单位甲.json'}"
    assert (
        capsys.readouterr().err
        == f"aggregate: 单位甲 的 2023 年度报告不止一份（{files}）；加 --first-duplicate 保留第一份\n"
    )
    missing = units / "nosuch"
    assert main(["aggregate", str(missing), "--agency", "某县"]) == 2
    assert capsys.readouterr().err == f"{missing}：没有这个文件或文件夹\n"
    assert main(["aggregate", str(missing), "--agency", "某县", "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file or folder\n"


# --- new -------------------------------------------------------------------------------------------------------


def test_new_from_a_published_report_warns_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.json"
    assert main(["new", "--previous", str(PINGTAN), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{out}\n"
    assert f"{PINGTAN}：第 10 行：" in captured.err and "ran together" not in captured.err
    assert load(out).meta.year == 2022
    assert main(["new", "--previous", str(PINGTAN), "-o", str(out), "--lang", "en"]) == 0
    assert f"{PINGTAN}: line 10: " in capsys.readouterr().err


def test_new_errors_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--agency", "某局"]) == 2
    assert capsys.readouterr().err == "disclosure-report new: 请给出 --agency 和 --year（或 --previous 文件）\n"
    assert main(["new", "--agency", "某局", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "disclosure-report new: give --agency and --year (or --previous FILE)\n"
    assert main(["new", "--agency", "某局", "--year", "2017"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report new: 报告年度 2017 没有适用的格式：2019 年以前的报告早于统一格式\n"
    )
    missing = tmp_path / "missing.json"
    assert main(["new", "--previous", str(missing)]) == 2
    assert capsys.readouterr().err.startswith(f"disclosure-report new: {missing}：不是有效的年度报告文档")
    assert main(["new", "--previous", str(missing), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(f"disclosure-report new: {missing}: not a valid annual report document")


# --- export ----------------------------------------------------------------------------------------------------


def test_export_status_line_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cells.csv"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"已写入 200 行：{out}\n"
    csv_zh = out.read_bytes()
    assert main(["export", str(EXAMPLE), "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"200 rows written to {out}\n"
    assert out.read_bytes() == csv_zh  # the CSV itself is the same


def test_export_errors_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").mkdir()
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    out = tmp_path / "cells.csv"
    assert main(["export", str(tmp_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"已跳过，无法读取：{tmp_path / 'bad.json'}：不是有效的年度报告文档" in err
    assert f"说明：{tmp_path / 'x.json'}：名字像文档的文件夹" in err
    assert "1 份文档无法读取，没有对应的行" in err
    assert "没有能读取的报告文档：CSV 中没有数据行" in err
    assert main(["export", str(tmp_path), "-o", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"skipped, unreadable: {tmp_path / 'bad.json'}: not a valid annual report document" in err
    assert f"note: {tmp_path / 'x.json'}: a folder named like a document" in err
    assert "1 document could not be read and has no rows" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["export", str(empty)]) == 2
    assert capsys.readouterr().err.startswith(f"{empty}：文件夹中没有报告文档（没有以 ")


# --- schema ----------------------------------------------------------------------------------------------------


def test_schema_check_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schemas = ROOT / "schemas"
    assert main(["schema", "--check", str(schemas)]) == 0
    assert capsys.readouterr().out == f"{schemas}：发布的文件与代码生成的一致\n"
    assert main(["schema", "--check", str(schemas), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"{schemas}: the published files equal what the code generates\n"
    assert main(["schema", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    changed = tmp_path / "2021" / "report.schema.json"
    changed.write_text("{}", encoding="utf-8")
    assert main(["schema", "--check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"与代码生成的不一致：{changed}\n请重新生成：disclosure-report schema -o schemas\n"
    )
    assert main(["schema", "--check", str(tmp_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        f"differs from what the code generates: {changed}\nregenerate with: disclosure-report schema -o schemas\n"
    )


# --- formats, rules, demo: listings and argparse refusals --------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_formats_lists_the_declaration_in_either_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats", "--format", "2021", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2021: 《") and len(lines) == 1 + 200  # the format's own labels, one line per cell


def test_formats_refuses_an_unknown_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["formats", "--format", "1999", "--lang", "en"])
    assert "invalid choice: '1999'" in capsys.readouterr().err


def test_rules_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split() == ["T3-BALANCE", "错误", "勾稽关系", "表三勾稽关系"]
    assert main(["rules", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split()[:3] == ["T3-BALANCE", "error", "identity"]
    with pytest.raises(SystemExit):
        main(["rules", "--json", "--markdown"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_demo_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "demo.html"
    assert main(["demo", "-o", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("示例：shuyang-county-gov-2025.json\n") and f"网页：{page}" in out
    assert main(["demo", "-o", str(page), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("example: shuyang-county-gov-2025.json\n") and f"web page: {page}" in out


# --- validate, compare, report ---------------------------------------------------------------------------------


def test_validate_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith(f"{EXAMPLE}：通过 — 错误 0 个")
    assert main(["validate", str(EXAMPLE), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(f"{EXAMPLE}: ok — 0 errors")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["validate", str(empty)]) == 2
    assert "没有找到报告文档：未检查任何文档" in capsys.readouterr().err
    assert main(["validate", str(empty), "--lang", "en"]) == 2
    assert "no report documents found: nothing was checked" in capsys.readouterr().err


def test_compare_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    published = REAL / "shuyang-county-gov-2025.md"
    assert main(["compare", str(EXAMPLE), str(published), "--json"]) == 0
    zh = capsys.readouterr()
    assert "警告：机关不同：沭阳县人民政府 / 沐阳县人民政府" in zh.err
    assert main(["compare", str(EXAMPLE), str(published), "--json", "--lang", "en"]) == 0
    en = capsys.readouterr()
    assert "warning: different agencies: 沭阳县人民政府 / 沐阳县人民政府" in en.err
    assert zh.out == en.out  # the JSON is the same
    assert main(["compare", str(EXAMPLE), str(EXAMPLE), "--html"]) == 2
    assert capsys.readouterr().err == "compare: --html 写出网页：请给出 -o 网页.html\n"


def test_report_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    assert main(["report", str(folder), "-o", str(tmp_path / "site")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "共 1 份文档：无错误 1 份，有错误 0 份，无法读取 0 份"
    assert main(["report", str(folder), "-o", str(tmp_path / "site"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1 document: 1 without errors, 0 with errors, 0 unreadable"
    nowhere = tmp_path / "nowhere"
    assert main(["report", str(nowhere), "-o", str(tmp_path / "x")]) == 2
    assert capsys.readouterr().err == f"report: 没有这个文件或文件夹：{nowhere}\n"
    assert main(["report", str(nowhere), "-o", str(tmp_path / "x"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"report: no such file or folder: {nowhere}\n"


def test_a_missing_or_irregular_file_is_worded_wholly_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The system's reason (its strerror) and what a path names instead of a file are translated too."""
    missing = tmp_path / "nosuch.json"
    assert main(["render", str(missing), "--to", "html"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"disclosure-report render: {missing}：不是有效的年度报告文档：$：应为可读取的文件，实为没有这个文件或文件夹"
    )
    assert main(["render", str(tmp_path), "--to", "html"]) == 2
    assert capsys.readouterr().err.strip().endswith("应为可读取的文件，实为不是普通文件（文件夹）")
    assert main(["read", str(tmp_path / "nosuch.txt")]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"disclosure-report read: {tmp_path / 'nosuch.txt'}：无法读取：没有这个文件或文件夹"
    )
    assert main(["render", str(missing), "--to", "html", "--lang", "en"]) == 2
    assert "expected a readable file, found No such file or directory" in capsys.readouterr().err


def test_an_unknown_rule_to_disable_is_refused_before_any_document_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(ROOT / "examples")
    assert main(["validate", folder, "--disable", "NOPE", "--disable", "T3-ROWSUM", "--disable", "X[1]"]) == 2
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", "未知的规则编号：NOPE, X[1]（规则列表：disclosure-report rules）\n")
    assert main(["validate", folder, "--disable", "NOPE", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "unknown rule id(s) NOPE; see 'disclosure-report rules'\n"
