"""Text never becomes live content in an output: no formula in a workbook or a CSV, no link in Markdown."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from disclosure_report import AnnualReport, Blank, dump, load, new_report, render
from disclosure_report.corpus.batch import csv_text, write_cells_csv
from disclosure_report.model.paths import replace_value
from disclosure_report.read import read

EXAMPLES = Path(__file__).parent.parent / "examples"
DDE = "=cmd|'/C calc'!A"
LINK = "[x](javascript:alert(1))"


def _report(agency: str = "某局") -> AnnualReport:
    report = new_report(agency, 2023)
    report = replace_value(report, "applications.new.commercial", Blank(DDE))
    report = replace_value(report, "applications.new.research", Blank("@SUM(A:A)"))
    report = replace_value(report, "applications.new.public_interest", Blank("+A-A"))
    return replace_value(report, "applications.new.legal_services", Blank("-"))


def test_xlsx_writes_every_text_as_a_string_never_a_formula() -> None:
    data = render(_report(), "xlsx")
    assert isinstance(data, bytes)
    workbook = load_workbook(io.BytesIO(data))
    texts = {c.value: c.data_type for ws in workbook for row in ws.iter_rows() for c in row if c.value is not None}
    assert texts[DDE] == "s" and texts["@SUM(A:A)"] == "s" and texts["+A-A"] == "s" and texts["-"] == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheets = [package.read(n).decode() for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
    formulas = [f for sheet in sheets for f in re.findall(r"<f[^>]*>([^<]*)</f>", sheet)]
    assert sheets and formulas  # the template's 总计 cells: sums of cells, nothing else
    assert all(
        re.fullmatch(r"SUM\([A-Z]+[0-9]+(:[A-Z]+[0-9]+)?(,[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?)*\)", f) for f in formulas
    )


def test_xlsx_numbers_stay_numbers() -> None:
    report = replace_value(_report(), "applications.new.natural_person", 7)
    workbook = load_workbook(io.BytesIO(render(report, "xlsx")))  # type: ignore[arg-type]
    values = [c.value for ws in workbook for row in ws.iter_rows() for c in row]
    assert 7 in values


def test_the_csv_neutralises_formula_text_and_keeps_numbers(tmp_path: Path) -> None:
    agency = '=HYPERLINK("http://evil","点此")'
    dump(_report(agency), tmp_path / "a.json")
    shanghai = load(EXAMPLES / "shanghai-gov-office-2019.json")
    dump(replace_value(shanghai, "proactive.licensing.delta", -5), tmp_path / "b.json")
    out = io.StringIO()
    write_cells_csv([tmp_path], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    first = [r for r in rows if r["file"].endswith("a.json")]
    assert {r["agency"] for r in first} == {"'" + agency}
    marks = {r["cell_path"]: r["blank_mark"] for r in first}
    assert marks["applications.new.commercial"] == "'" + DDE
    assert marks["applications.new.research"] == "'@SUM(A:A)"
    assert marks["applications.new.public_interest"] == "'+A-A"
    assert marks["applications.new.legal_services"] == "-"  # dashes only: no formula
    delta = next(r for r in rows if r["cell_path"] == "proactive.licensing.delta")
    assert delta["value"] == "-5"  # a number stays a number


def test_markdown_keeps_link_syntax_literal_and_reads_back() -> None:
    report = new_report("某局", 2023)
    intro = f"详见{LINK}和![i](javascript:x)，<javascript:alert(1)>，[ref]: javascript:y"
    report = attrs.evolve(report, overview=attrs.evolve(report.overview, intro=intro))
    report = replace_value(report, "applications.new.commercial", Blank("[x](javascript:)"))
    text = render(report, "markdown")
    assert isinstance(text, str)
    body = text.split("-->", 1)[1]  # after the embedded metadata record
    assert not re.search(r"(?<!\\)[\[\]]", body), "an unescaped bracket could open a link"
    assert "<javascript" not in body
    back = read(text.encode("utf-8"), format="markdown").report
    assert back.overview.intro == intro
    assert "\\[x\\](javascript:)" in body  # the table cell too
    assert isinstance(back.applications.new.commercial, Blank)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=+-@\t\r 'A1(:)某|,\"")), max_size=12))
def test_no_csv_text_can_start_a_formula(text: str) -> None:
    safe = csv_text(text)
    assert not safe.startswith(("=", "+", "@", "\t", "\r"))
    assert not safe.startswith("-") or set(safe) == {"-"}
    assert safe in (text, "'" + text)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]()!<>:&*_`\\|#-1. xa某\n")), max_size=30))
def test_no_markdown_text_can_open_a_link(text: str) -> None:
    report = new_report("某局", 2023)
    report = attrs.evolve(report, overview=attrs.evolve(report.overview, intro=text))
    rendered = render(report, "markdown")
    assert isinstance(rendered, str)
    body = rendered.split("-->", 1)[1]
    assert not re.search(r"(?<!\\)(?:\\\\)*[\[\]<]", body)
