"""An oversight office's cross-report workflows on a messy folder: bad files named and never the end of a run,
counts that add up, outputs written where asked (docs/oversight.md, batch.md, aggregate.md)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from disclosure_report import new_report, replace_value
from disclosure_report.cli import main
from disclosure_report.jsonio.convert import dump, dumps, load
from disclosure_report.model import AnnualReport

NEW_NP = "applications.new.natural_person"


def unit(agency: str, year: int, received: int) -> AnnualReport:
    return replace_value(new_report(agency, year), NEW_NP, received)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """Three units' 2024 reports (one in a nested folder with a space in its name), an empty file, a truncated
    JSON, a page that is no report."""
    folder = tmp_path / "报告 2024"
    (folder / "下属 单位").mkdir(parents=True)
    dump(unit("某区财政局", 2024, 3), folder / "某区财政局.json")
    dump(unit("某区教育局", 2024, 4), folder / "某区教育局 2024.json")
    dump(unit("某区审计局", 2024, 5), folder / "下属 单位" / "某区审计局.json")
    (folder / "空文件.json").write_text("", encoding="utf-8")
    whole = (folder / "某区财政局.json").read_text(encoding="utf-8")
    (folder / "截断.json").write_text(whole[:200], encoding="utf-8")
    (folder / "通知.html").write_text("<html><body><p>各单位：请于3月底前报送。</p></body></html>", encoding="utf-8")
    return folder


# --- outputs: a folder that does not exist yet is made, a path that cannot be written is named ----------------------


def test_read_to_a_new_folder_as_oversight_md_shows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "市财政局.json"
    dump(unit("市财政局", 2024, 7), source)
    page = tmp_path / "reports" / "2024" / "市财政局.html"
    assert main(["render", str(source), "--to", "html", "-o", str(page)]) == 0
    out = tmp_path / "data" / "2024" / "市财政局.json"
    assert main(["read", str(page), "-o", str(out)]) == 0
    assert load(out).applications.new.natural_person == 7


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{units}", "--jsonl", "{out}/deep/checked.jsonl", "--summary"],
        ["export", "{units}", "-o", "{out}/deep/cells.csv"],
        ["aggregate", "{units}", "--agency", "某区人民政府", "-o", "{out}/deep/rollup.json"],
        ["compare", "{units}/某区财政局.json", "{units}/某区教育局 2024.json", "--html", "-o", "{out}/deep/c.html"],
        ["new", "--agency", "某区财政局", "--year", "2025", "-o", "{out}/deep/new.json"],
    ],
)
def test_every_output_folder_is_made(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units"
    units.mkdir()
    dump(unit("某区财政局", 2024, 3), units / "某区财政局.json")
    dump(unit("某区教育局", 2024, 4), units / "某区教育局 2024.json")
    out = tmp_path / "out"
    args = [a.format(units=units, out=out) for a in argv]
    assert main(args) in (0, 1)  # 1: validate and compare may find something; never a traceback
    assert len(list((out / "deep").iterdir())) == 1


def test_an_output_that_cannot_be_written_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.json"
    dump(unit("某区财政局", 2024, 3), source)
    blocker = tmp_path / "afile"
    blocker.write_text("", encoding="utf-8")
    assert main(["compare", str(source), str(source), "-o", str(blocker / "x.txt")]) == 2
    assert capsys.readouterr().err == f"disclosure-report compare: {blocker}：路径中有一段不是文件夹\n"
    assert main(["export", str(source), "-o", str(blocker / "x.csv"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"disclosure-report export: {blocker}: Not a directory\n"
    assert main(["aggregate", str(source), "--agency", "X", "--expect", f"@{tmp_path / 'units.txt'}"]) == 2
    assert capsys.readouterr().err == f"disclosure-report aggregate: {tmp_path / 'units.txt'}：没有这个文件或文件夹\n"


# --- aggregate: bad files named and left out, never the end of the rollup -------------------------------------------


def test_aggregate_names_every_unreadable_file_and_sums_the_rest(
    messy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rollup.json"
    assert main(["aggregate", str(messy), "--agency", "某区人民政府", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    skipped = [line for line in captured.err.splitlines() if line.startswith("已跳过，无法读取：")]
    assert sorted(line.split("：")[1] for line in skipped) == sorted(
        str(messy / name) for name in ("截断.json", "空文件.json", "通知.html")
    )
    assert f"已跳过，无法读取：{messy / '通知.html'}：不是政府信息公开工作年度报告" in captured.err
    assert captured.out.splitlines() == [
        "单位：汇总 3 个",
        "无法读取的文档 3 份，未计入（见标准错误输出）",
        f"汇总报告已写入 {out}",
    ]
    assert load(out).applications.new.natural_person == 3 + 4 + 5


def test_aggregate_json_lists_the_unreadable_files(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["aggregate", str(messy), "--agency", "某区人民政府", "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["coverage"] == ["units: 3 summed", "3 documents could not be read and are not summed (named on stderr)"]
    assert [line.split(": ")[0] for line in out["unreadable"]] == [
        str(messy / name) for name in sorted(["截断.json", "空文件.json", "通知.html"])
    ]


def test_aggregate_check_leaves_out_unreadable_units_and_says_so(
    messy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = tmp_path / "published.json"
    dump(replace_value(new_report("某区人民政府", 2024, scope="region_aggregate"), NEW_NP, 12), published)
    assert main(["aggregate", str(messy), "--check", str(published), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert "3 documents could not be read and are not summed (named on stderr)" in out
    assert "0 cells differ from the sum of the units" in out


def test_the_published_rollup_in_the_units_folder_is_not_a_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "a.json")
    dump(unit("某区教育局", 2024, 4), folder / "b.json")
    rollup = folder / "汇总.json"
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "-o", str(rollup)]) == 0
    capsys.readouterr()
    assert main(["aggregate", str(folder), "--check", str(rollup), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == ["units: 2 summed", "0 cells differ from the sum of the units"]
    # summed again with the rollup among the units: counted, and said to be a rollup
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "units: 3 summed",
        f"rollups among the units: 某区人民政府 ({rollup}); counted twice if their units' reports are here too",
    ]


def test_aggregate_duplicates_name_their_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "财政局.json")
    dump(unit("某区财政局", 2024, 9), folder / "财政局 (1).json")
    dump(unit("某区教育局", 2024, 4), folder / "教育局.json")
    first, second = folder / "财政局 (1).json", folder / "财政局.json"  # sorted: " " before "."
    assert main(["aggregate", str(folder), "--agency", "某区人民政府"]) == 2
    assert capsys.readouterr().err == (
        f"aggregate: 某区财政局 的 2024 年度报告不止一份（{first}；{second}）；加 --first-duplicate 保留第一份\n"
    )
    out = tmp_path / "r.json"
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--first-duplicate", "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "重复（保留第一份）：某区财政局",
        f"某区财政局：计入 {first}，未计入 {second}",
    ]
    assert load(out).applications.new.natural_person == 9 + 4


def test_aggregate_a_year_no_unit_reports_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "a.json")
    dump(unit("某区教育局", 2023, 4), folder / "b.json")
    dump(unit("某区审计局", 2024, 4), folder / "c.json")
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--year", "2025", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: no report on 2025 (the units' reports by year: 2023 (1); 2024 (2))\n"
    )
    published = tmp_path / "published.json"
    dump(new_report("某区人民政府", 2022, scope="region_aggregate"), published)
    assert main(["aggregate", str(folder), "--check", str(published)]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: 没有 2022 年度的报告（各单位报告的年度及份数：2023 (1)；2024 (2)）\n"
    )


# --- validate DIR --summary: nothing silently dropped --------------------------------------------------------------


def test_summary_names_every_unreadable_file(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(messy), "--summary", "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0] == "6 documents: 0 without errors, 3 with errors, 3 unreadable"
    )  # 3 units whose table 三 does not add up
    named = out[out.index("unreadable documents") + 1 :]
    assert sorted(named) == [
        f"{messy / '截断.json'}: not a valid annual report document: line 10, column 14: expected JSON text, found a "
        "syntax error: Unterminated string starting at",
        f"{messy / '空文件.json'}: the file is empty (0 bytes)",
        f"{messy / '通知.html'}: not a 政府信息公开工作年度报告 (no title, headings or tables of one)",
    ]
    assert main(["validate", str(messy), "--summary", "--jobs", "2"]) == 2
    zh = capsys.readouterr().out.splitlines()
    assert f"{messy / '通知.html'}：不是政府信息公开工作年度报告（没有年度报告的标题、各部分标题或表格）" in zh


def test_summary_says_how_many_agencies_it_does_not_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(23):  # 23 agencies with an error each: the table lists 20 and says there are 3 more
        dump(unit(f"某区第{i:02d}局", 2024, 3), tmp_path / f"{i:02d}.json")
    assert main(["validate", str(tmp_path), "--summary"]) == 1
    out = capsys.readouterr().out.splitlines()
    head = out.index("各机关的错误                             数量")
    listed = out[head + 1 : head + 21]  # the walk order (os.scandir) decides which 20; each padded to 40 columns
    assert len({line.split()[0] for line in listed}) == 20
    assert all(line.startswith("某区第") and line[6:] == " " * 31 + "2" for line in listed)
    assert out[head + 21] == "… 另有 3 项（完整列表见 --jsonl）"
    assert main(["validate", str(tmp_path), "--summary", "--lang", "en"]) == 1
    assert "… and 3 more (all in --jsonl)" in capsys.readouterr().out


# --- the corpus page ------------------------------------------------------------------------------------------------


def test_page_says_why_each_document_could_not_be_read(
    messy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(messy), "-o", str(tmp_path / "site"), "--region", "某区"]) == 2
    assert capsys.readouterr().out.splitlines()[0] == "共 6 份文档：无错误 0 份，有错误 3 份，无法读取 3 份"
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="dr-error">(.*?)</tr>', page)
    assert len(rows) == 3
    notice = next(row for row in rows if "通知.html" in row)
    assert notice.endswith("<td>不是政府信息公开工作年度报告（没有年度报告的标题、各部分标题或表格）</td>")
    empty = next(row for row in rows if "空文件.json" in row)
    assert empty.endswith("<td>文件是空的（0 字节）</td>")


def test_page_lists_each_cross_year_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The carry-over across two years for the whole folder: every X-CARRY finding on the page, agency by agency
    (the table of changes gives only a count, which X-IN-FORCE notes of severity info also make)."""
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
    for agency, carried in (("某区财政局", 0), ("某区教育局", 2)):
        old = new_report(agency, 2023)
        new = replace_value(new_report(agency, 2024, previous=old), "applications.carried_over.natural_person", carried)
        dump(old, tmp_path / "2023" / f"{agency}.json")
        dump(new, tmp_path / "2024" / f"{agency}.json")
    site = tmp_path / "site"
    main(["report", str(tmp_path / "2023"), str(tmp_path / "2024"), "-o", str(site), "--lang", "en"])
    page = (site / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-cross-year="[^"]*">(.*?)</tr>', page)
    assert [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)] for row in rows] == [
        [
            "某区教育局",
            "2023→2024",
            "warning",
            "X-CARRY[natural_person]",
            "column natural_person: carried over 2, but last year&#x27;s report carried forward 0",
        ]
    ]
    assert '<a href="#cross-year">' in page


# --- compare: the severity in the reader's language -----------------------------------------------------------------


def test_compare_words_the_severity_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = new_report("某区财政局", 2023)
    new = replace_value(new_report("某区财政局", 2024, previous=old), "applications.carried_over.natural_person", 2)
    dump(old, tmp_path / "2023.json")
    dump(new, tmp_path / "2024.json")
    assert main(["compare", str(tmp_path / "2023.json"), str(tmp_path / "2024.json")]) == 0
    out = capsys.readouterr().out
    assert "  警告 X-CARRY[natural_person]: 自然人列：本年“上年结转”2与上年报告“结转下年度继续办理”0不一致\n" in out
    assert "warning" not in out
    page = tmp_path / "c.html"
    assert main(["compare", str(tmp_path / "2023.json"), str(tmp_path / "2024.json"), "--html", "-o", str(page)]) == 0
    assert 'data-rule="X-CARRY[natural_person]">警告 X-CARRY[natural_person]: ' in page.read_text(encoding="utf-8")
    assert main(["compare", str(tmp_path / "2023.json"), str(tmp_path / "2024.json"), "--lang", "en"]) == 0
    assert "  warning X-CARRY[natural_person]: column natural_person: " in capsys.readouterr().out
    site = tmp_path / "site"
    assert main(["report", str(tmp_path / "2023.json"), str(tmp_path / "2024.json"), "-o", str(site)]) == 1
    assert '<li class="dr-error" data-rule="T3-BALANCE[natural_person]">错误 ' in (site / "index.html").read_text(
        encoding="utf-8"
    )


def test_report_names_a_folder_that_holds_no_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "2025"
    empty.mkdir()
    site = tmp_path / "site"
    assert main(["report", str(empty), "-o", str(site), "--lang", "en"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "report: no report documents found"
    assert not site.exists()  # no empty page
    dump(new_report("某区财政局", 2024), tmp_path / "a.json")
    assert main(["report", str(tmp_path / "a.json"), str(empty), "-o", str(site), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(f"{empty}: the folder holds no report document (no file ending in ")
    assert (site / "index.html").is_file()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["compare", "a.json", "b.json", "--top", "-1"], "argument --top: expected a whole number ≥ 0, got -1"),
        (["validate", "reports/", "--jobs", "0"], "argument --jobs: expected a whole number ≥ 1, got 0"),
    ],
)
def test_counts_below_their_minimum_are_refused(argv: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--top -1`` cut the last change off each group of notable changes; ``--jobs 0`` meant one process."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(f"error: {said}\n")


def test_top_zero_lists_no_notable_change_and_one_lists_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = new_report("某区财政局", 2023)
    new = replace_value(replace_value(new_report("某区财政局", 2024), NEW_NP, 5), "applications.new.commercial", 2)
    dump(old, tmp_path / "a.json")
    dump(new, tmp_path / "b.json")
    for top, expected in (
        (0, []),
        (1, [NEW_NP]),
        (5, [NEW_NP, "applications.new.commercial"]),
    ):  # both from 0: larger first
        assert main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--json", "--top", str(top)]) == 0
        received = json.loads(capsys.readouterr().out)["notable"][0]["changes"]
        assert sorted(c["path"] for c in received) == sorted(expected)


# --- a file name that is not UTF-8 (a GBK name out of a Windows zip archive) -----------------------------------------


def test_a_gbk_file_name_is_shown_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    good = os.fsencode(folder) + b"/" + "财政局.json".encode("gbk")  # b"\xb2\xc6\xd5\xfe\xbe\xd6.json"
    bad = os.fsencode(folder) + b"/" + "空.json".encode("gbk")  # b"\xbf\xd5.json"
    with open(good, "w", encoding="utf-8") as out:
        out.write(dumps(unit("某区财政局", 2024, 3)))
    with open(bad, "w", encoding="utf-8"):
        pass
    shown_good, shown_bad = f"{folder}/\\xb2\\xc6\\xd5\\xfe\\xbe\\xd6.json", f"{folder}/\\xbf\\xd5.json"
    jsonl = tmp_path / "checked.jsonl"
    assert main(["validate", str(folder), "--jsonl", str(jsonl), "--summary", "--jobs", "2"]) == 2
    records = sorted((json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()), key=str)
    assert sorted(r["file"] for r in records) == sorted([shown_good, shown_bad])
    assert next(r for r in records if r["file"] == shown_bad)["error"] == f"{shown_bad}: the file is empty (0 bytes)"
    csv = tmp_path / "cells.csv"
    assert main(["export", str(folder), "-o", str(csv)]) == 2
    assert csv.read_text(encoding="utf-8-sig").splitlines()[1].startswith(f"{shown_good},某区财政局,2024,2021,")
    assert main(["report", str(folder), "-o", str(tmp_path / "site")]) == 2
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert shown_good in page and shown_bad in page
    capsys.readouterr()
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert [line.split(": ")[0] for line in out["unreadable"]] == [shown_bad]


def test_validate_one_gbk_named_file_writes_valid_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = os.fsencode(tmp_path) + b"/" + "财政局.json".encode("gbk")
    with open(name, "w", encoding="utf-8") as out:
        out.write(dumps(new_report("某区财政局", 2024)))
    assert main(["validate", os.fsdecode(name), "--json"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate left
    assert json.loads(out)["files"][0]["file"] == f"{tmp_path}/\\xb2\\xc6\\xd5\\xfe\\xbe\\xd6.json"


def test_page_names_the_files_of_a_duplicated_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files for one agency and year — a copy, or last year's report filed under this year — are counted once;
    the page says which file it summed and which it left out."""
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
    dump(unit("某区财政局", 2023, 3), tmp_path / "2023" / "财政局.json")
    dump(unit("某区财政局", 2023, 3), tmp_path / "2024" / "财政局（误放）.json")
    dump(unit("某区财政局", 2024, 5), tmp_path / "2024" / "财政局.json")
    site = tmp_path / "site"
    main(["report", str(tmp_path / "2023"), str(tmp_path / "2024"), "-o", str(site)])
    page = (site / "index.html").read_text(encoding="utf-8")
    kept, left = tmp_path / "2023" / "财政局.json", tmp_path / "2024" / "财政局（误放）.json"
    assert f"2023: 1 家单位; 重复（取第一份）: 某区财政局（计入 {kept}，未计入 {left}）" in page
    main(["report", str(tmp_path / "2023"), str(tmp_path / "2024"), "-o", str(site), "--lang", "en"])
    page = (site / "index.html").read_text(encoding="utf-8")
    assert f"2023: 1 units; duplicated (first kept): 某区财政局 (summed {kept}, left out {left})" in page


def test_pages_this_tool_wrote_among_the_reports_are_named_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comparison page saved among the reports was read as a report (agency 某区财政局2023—, half its cells
    unread) and summed into the totals; the corpus page was an unreadable 'no tables' document."""
    folder = tmp_path / "reports"
    folder.mkdir()
    dump(unit("某区财政局", 2023, 3), tmp_path / "2023.json")
    dump(unit("某区财政局", 2024, 5), folder / "财政局.json")
    page = folder / "财政局-对比.html"
    assert main(["compare", str(tmp_path / "2023.json"), str(folder / "财政局.json"), "--html", "-o", str(page)]) == 0
    assert main(["report", str(folder), "-o", str(folder / "site")]) == 2  # the comparison page: not a report
    capsys.readouterr()
    assert main(["validate", str(folder), "--summary", "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 documents: 0 without errors, 1 with errors, 2 unreadable"
    assert sorted(out[out.index("unreadable documents") + 1 :]) == [
        f"{folder / 'site' / 'index.html'}: a corpus page written by disclosure-report report, not an annual report",
        f"{page}: a comparison page written by disclosure-report compare, not an annual report",
    ]
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["coverage"][0] == "units: 1 summed"


def test_aggregate_names_the_file_of_a_report_on_another_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "2024"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "财政局.json")
    dump(unit("某区教育局", 2024, 4), folder / "教育局.json")
    dump(unit("某区审计局", 2023, 9), folder / "审计局（误放）.json")
    out = tmp_path / "r.json"
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "单位：汇总 2 个",
        f"其他年度（未计入）：某区审计局 2023（{folder / '审计局（误放）.json'}）",
    ]
    assert load(out).applications.new.natural_person == 7


def test_the_rules_list_lines_up_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """Padded by characters, 版式 rows started their titles three columns left of 勾稽关系 rows."""
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    title_columns = set()
    for line in lines:
        words = line.split()
        before = line[: line.index(words[3], len(words[0]) + len(words[1]) + len(words[2]))]
        title_columns.add(sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in before))
    assert title_columns == {18 + 1 + 5 + 1 + 11 + 1}


def test_a_unit_in_the_wrong_format_is_named_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One 2019-format report among a region's 2024 reports stops the sum; the error named every unit with its
    format (a line of the whole region) — now only the odd one, and how many use the year's format."""
    for i in range(12):
        dump(unit(f"某区第{i}局", 2024, 1), tmp_path / f"{i}.json")
    old = load(Path(__file__).parent.parent / "examples" / "shanghai-gov-office-2019.json")
    dump(replace_value(replace_value(old, "meta.year", 2024), "meta.agency", "某区旧格式局"), tmp_path / "old.json")
    assert main(["aggregate", str(tmp_path), "--agency", "某区人民政府"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: 2024 年度的报告格式版本不同，不能汇总：某区旧格式局：2019"
        "（其余 12 个单位使用 2024 年度要求的 2021 格式）\n"
    )


def test_expected_units_saved_by_notepad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A list saved as UTF-8 with a BOM made the first name '\\ufeff某区财政局': missing and its report unexpected;
    a list saved as GBK ended in a UnicodeDecodeError traceback."""
    folder = tmp_path / "units"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "a.json")
    dump(unit("某区教育局", 2024, 4), folder / "b.json")
    bom = tmp_path / "bom.txt"
    bom.write_bytes("某区财政局\r\n某区教育局\r\n".encode("utf-8-sig"))
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--expect", f"@{bom}"]) == 0
    assert capsys.readouterr().out.splitlines() == ["单位：应有 2 个，汇总 2 个"]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("某区财政局\n".encode("gbk"))
    # 某 is c4 b3 in GBK, which UTF-8 reads as one character; 区 (c7 f8) is where it fails
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--expect", f"@{gbk}", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report aggregate: {gbk}: not UTF-8 text (from offset 2); save the list as UTF-8\n"
    )


def test_check_a_rollup_published_as_a_web_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--check`` took JSON only: a rollup as a government publishes it (a web page, a Word file) was 'not valid
    JSON'."""
    folder = tmp_path / "units"
    folder.mkdir()
    dump(unit("某区财政局", 2024, 3), folder / "a.json")
    dump(unit("某区教育局", 2024, 4), folder / "b.json")
    rollup = tmp_path / "rollup.json"
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "-o", str(rollup)]) == 0
    published = replace_value(load(rollup), NEW_NP, 8)
    dump(published, tmp_path / "published.json")
    page = tmp_path / "published.html"
    assert main(["render", str(tmp_path / "published.json"), "--to", "html", "-o", str(page)]) == 0
    capsys.readouterr()
    assert main(["aggregate", str(folder), "--check", str(page), "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "units: 2 summed",
        "applications.new.natural_person (一、本年新收政府信息公开申请数量 › 申请人情况 › 自然人): published 8, "
        "units sum to 7",
        "1 cell differs from the sum of the units",
    ]


# --- files no reader takes: said, never passed over in silence -------------------------------------------------------


def test_files_of_a_kind_no_reader_takes_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reports published as .doc, .wps or .ofd were passed over by every corpus verb without a word."""
    folder = tmp_path / "2024"
    (folder / "下属").mkdir(parents=True)
    dump(unit("某区财政局", 2024, 3), folder / "财政局.json")
    for name in ("教育局2024年报.doc", "下属/审计局.DOC", "统计局.wps", "附件.ofd", ".DS_Store"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["validate", str(folder), "--summary"]) == 1
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == "说明：未检查的文件 4 个（没有能读取此类文件的读取器）：.doc 2 个；.ofd 1 个；.wps 1 个"
    )
    assert main(["validate", str(folder), "--summary", "--lang", "en", "--jobs", "2"]) == 1
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == "note: 4 files passed over (no reader takes their kind): .doc 2; .ofd 1; .wps 1"
    )
    assert main(["aggregate", str(folder), "--agency", "某区人民政府", "--lang", "en"]) == 0
    assert "note: 4 files passed over (no reader takes their kind): .doc 2; .ofd 1; .wps 1\n" in capsys.readouterr().err
    site = tmp_path / "site"
    assert main(["report", str(folder), "-o", str(site)]) == 1
    assert "说明：未检查的文件 4 个" in capsys.readouterr().err
    assert "<li>说明：未检查的文件 4 个（没有能读取此类文件的读取器）：.doc 2 个；.ofd 1 个；.wps 1 个</li>" in (
        site / "index.html"
    ).read_text(encoding="utf-8")


def test_an_empty_file_is_said_to_be_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Of any kind: an empty .json was 'line 1, column 1: expected JSON text', an empty .html 'Document is empty'."""
    for name in ("a.json", "b.html", "c.docx", "d.md"):
        (tmp_path / name).write_bytes(b"")
    assert main(["validate", str(tmp_path), "--summary", "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert sorted(out[out.index("unreadable documents") + 1 :]) == [
        f"{tmp_path / name}: the file is empty (0 bytes)" for name in ("a.json", "b.html", "c.docx", "d.md")
    ]
    assert main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.html")]) == 2
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'a.json'}：文件是空的（0 字节）\n{tmp_path / 'b.html'}：文件是空的（0 字节）\n"
    )
