"""The spreadsheet round trip: the fillable template ``render --to xlsx`` writes, filled in, read back by the
``xlsx`` reader (with and without LibreOffice recalculating it), agencies' own spreadsheets, formulas, hostile
files."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from disclosure_report import UNREAD, AnnualReport, Blank, load, new_report, replace_value
from disclosure_report.authoring.totals import with_totals
from disclosure_report.formats import get_format
from disclosure_report.model import Applications, ReviewLitigation
from disclosure_report.model.meta import Contact
from disclosure_report.model.paths import alternative_in_use, cell_values, get_value
from disclosure_report.model.rows import Procurement
from disclosure_report.read import ReadError, read
from disclosure_report.read.docx import DocxReader
from disclosure_report.read.registry import SNIFF_ORDER
from disclosure_report.read.xlsx import XlsxReader
from disclosure_report.read.xlsx.formulas import CellError, FormulaError, SheetFormulas, evaluate
from disclosure_report.read.xlsx.parts import Parts
from disclosure_report.render import render
from disclosure_report.render.grid import table_grid
from disclosure_report.render.xlsx import template_cells
from disclosure_report.render.xlsx_sums import declared_sums
from strategies import for_class
from tools import SOFFICE

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
READER = XlsxReader()


def _xlsx(report: AnnualReport) -> bytes:
    out = render(report, "xlsx")
    assert isinstance(out, bytes)
    return out


def _positions(report: AnnualReport) -> dict[str, tuple[str, int, int]]:
    """cell path → (sheet, row, column) in the template."""
    out = {}
    for path, (sheet, where) in template_cells(report).items():
        column, row = coordinate_from_string(where)
        out[path] = (sheet, row, column_index_from_string(column))
    return out


def _sums(report: AnnualReport) -> dict[str, tuple[str, ...]]:
    sums: dict[str, tuple[str, ...]] = {}
    for table in get_format(report.format).tables:
        sums |= declared_sums(table, table.rows_with(alternative_in_use(report, table)))
    return sums


def _comparable(report: AnnualReport) -> tuple[Any, ...]:
    return (report.format, report.meta, cell_values(report))


# --- the template ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_template_locks_validates_and_sums(example: Path) -> None:
    check_template(load(example), _xlsx(load(example)))


def check_template(report: AnnualReport, data: bytes) -> None:
    """Sheets protected; labels locked; number cells unlocked, formatted and validated by their kind; every
    declared total a locked =SUM formula whose saved result is the report's stated value, and no other formula."""
    wb = load_workbook(io.BytesIO(data))
    saved = load_workbook(io.BytesIO(data), data_only=True)
    assert wb.sheetnames == ["基本信息", "表二", "表三", "表四"]
    sums = _sums(report)
    positions = _positions(report)
    values = cell_values(report)
    kinds = {c.path: c.kind for c in get_format(report.format).cells()}
    for ws in wb.worksheets:
        assert ws.protection.sheet and not ws.protection.password
    for path, (sheet, row, col) in positions.items():
        cell = wb[sheet].cell(row, col)
        if path in sums:
            assert cell.data_type == "f" and cell.value.startswith("=SUM(") and cell.protection.locked
            stated = values[path]
            assert saved[sheet].cell(row, col).value == (
                stated.printed or None if isinstance(stated, Blank) else stated
            )
        else:
            assert not cell.protection.locked
            owner, _, key = path.rpartition(".")
            unit = getattr(get_value(report, owner), f"{key}_unit", None)  # 2019 采购总金额's, printed by the format
            assert cell.number_format == ("0.0000" if kinds.get(path) == "money" else "0") + (
                f'"{unit}"' if unit else ""
            )
            checks = [dv for dv in wb[sheet].data_validations.dataValidation if cell.coordinate in dv.sqref]
            assert len(checks) == 1
            want = {"count": ("whole", "0"), "money": ("decimal", "0")}.get(kinds.get(path, "count"))
            if want is not None:
                assert (checks[0].type, checks[0].operator, checks[0].formula1) == (
                    *want[:1],
                    "greaterThanOrEqual",
                    "0",
                )
    labels = [c for c in wb["表三"]["A"] if c.value]
    assert labels and all(c.protection.locked for c in labels)
    formulas = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f")
    assert formulas == len(sums)  # every declared total, and nothing else


def test_the_results_total_row_sums_the_rows_above_it() -> None:
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    wb = load_workbook(io.BytesIO(_xlsx(report)))
    table = get_format(report.format).table("applications")
    (row_sum,) = table.row_sums
    parts = row_sum.parts(table.rows)
    where = _positions(report)
    _, row, col = where[".".join(("applications", *row_sum.total, "natural_person"))]
    first, last = (where[".".join(("applications", *p.path, "natural_person"))] for p in (parts[0], parts[-1]))
    assert wb["表三"].cell(row, col).value == f"=SUM(D{first[1]}:D{last[1]})"
    _, row, col = _positions(report)["applications.new.total"]
    assert wb["表三"].cell(row, col).value == f"=SUM(D{row}:I{row})"


def test_texts_never_become_formulas() -> None:
    hostile = "=cmd|'/C calc'!A"
    report = replace_value(new_report('=HYPERLINK("x")', 2023), "applications.new.natural_person", Blank(hostile))
    data = _xlsx(report)
    wb = load_workbook(io.BytesIO(data))
    _, row, col = _positions(report)["applications.new.natural_person"]
    cell = wb["表三"].cell(row, col)
    assert (cell.value, cell.data_type) == (hostile, "s")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert all("<f>cmd" not in s and "<f>HYPERLINK" not in s for s in sheets)
    result = READER.read(data)
    assert result.report.meta.agency == '=HYPERLINK("x")'
    assert not isinstance(result.report.applications.new.natural_person, int)  # not a blank mark the readers know
    assert any(hostile in w.message for w in result.warnings)


# --- reading back ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_render_then_read_gives_the_report(example: Path) -> None:
    report = load(example)
    result = READER.read(_xlsx(report), source=f"{example.stem}.xlsx")
    assert cell_values(result.report) == cell_values(report)
    units = [k for k in cell_values(report) if k.endswith("amount")]
    assert result.report.meta == report.meta and result.report.format == report.format, units
    assert [w.message for w in result.warnings] == []  # not even the narrative the template never holds


def test_read_through_the_public_api(tmp_path: Path) -> None:
    """Detection by content and by suffix (needs the package installed with this reader's entry point)."""
    report = load(EXAMPLES[0])
    path = tmp_path / "report.xlsx"
    path.write_bytes(_xlsx(report))
    assert cell_values(read(path).report) == cell_values(report)
    assert cell_values(read(path.read_bytes(), format="xlsx").report) == cell_values(report)


def test_xlsx_and_docx_are_told_apart() -> None:
    xlsx, docx = _xlsx(load(EXAMPLES[0])), render(load(EXAMPLES[0]), "docx")
    assert isinstance(docx, bytes)
    assert READER.sniff(xlsx[:16384]) and not DocxReader().sniff(xlsx[:16384])
    assert DocxReader().sniff(docx[:16384]) and not READER.sniff(docx[:16384])
    assert SNIFF_ORDER.index("xlsx") < SNIFF_ORDER.index("docx")
    with pytest.raises(ReadError, match=r"not an Excel .* \(it is a Word file\)"):
        READER.read(docx)


def _fill(data: bytes, report: AnnualReport, values: dict[str, Any]) -> bytes:
    """The template with ``values`` typed into its unlocked cells, saved by openpyxl (no formula results)."""
    wb = load_workbook(io.BytesIO(data))
    positions = _positions(report)
    for path, value in values.items():
        sheet, row, col = positions[path]
        cell = wb[sheet].cell(row, col)
        assert not cell.protection.locked, path
        cell.value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


numbers = st.integers(0, 10**6)
money = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def fillings(draw: st.DrawFn) -> tuple[AnnualReport, dict[str, Any]]:
    """A new report of either format and the numbers an author types into every unlocked cell."""
    year = draw(st.sampled_from([2020, 2023]))
    report = new_report("某市某局", year)
    sums = _sums(report)
    kinds = {c.path: c.kind for c in get_format(report.format).cells()}
    values: dict[str, Any] = {}
    for path in _positions(report):
        if path not in sums:
            kind = kinds[path]
            values[path] = draw(money if kind == "money" else st.integers(-50, 50) if kind == "signed" else numbers)
    return report, values


def _expected(report: AnnualReport, values: dict[str, Any]) -> AnnualReport:
    for path, value in values.items():
        report = replace_value(report, path, value)
    return with_totals(report)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fillings())
def test_a_filled_template_reads_back_with_its_sums_evaluated(filling: tuple[AnnualReport, dict[str, Any]]) -> None:
    report, values = filling
    filled = _fill(_xlsx(report), report, values)
    assert Parts(filled, "filled").sheets()[2].unsaved  # openpyxl dropped the saved results: the reader adds up
    result = READER.read(filled)
    assert cell_values(result.report) == cell_values(_expected(report, values))
    assert result.report.meta == report.meta


@pytest.fixture(scope="module")
def lo_profile() -> Iterator[str]:
    """An isolated LibreOffice profile for this module's conversions, removed afterwards."""
    folder = Path(f"/tmp/lo-xlsx-{os.getpid()}")
    yield folder.as_uri()
    shutil.rmtree(folder, ignore_errors=True)


def _recalculated(tmp_path: Path, data: bytes, profile: str) -> bytes:
    source = tmp_path / "in" / "filled.xlsx"
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "out"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0 and (out / "filled.xlsx").is_file(), done.stderr[-2000:]
    return (out / "filled.xlsx").read_bytes()


@pytest.mark.office
def test_a_template_filled_and_recalculated_by_libreoffice_reads_back(tmp_path: Path, lo_profile: str) -> None:
    report = new_report("某市某局", 2023)
    kinds = {c.path: c.kind for c in get_format(report.format).cells()}
    sums = _sums(report)
    values: dict[str, Any] = {
        path: (Decimal("12.3456") if kinds[path] == "money" else i % 97)
        for i, path in enumerate(_positions(report))
        if path not in sums
    }
    saved = _recalculated(tmp_path, _fill(_xlsx(report), report, values), lo_profile)
    assert all(not s.unsaved for s in Parts(saved, "saved").sheets())  # LibreOffice saved every result
    result = READER.read(saved)
    assert cell_values(result.report) == cell_values(_expected(report, values))
    assert result.report.meta == report.meta


@pytest.mark.office
def test_the_rendered_template_survives_libreoffice(tmp_path: Path, lo_profile: str) -> None:
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    got = READER.read(_recalculated(tmp_path, _xlsx(report), lo_profile)).report
    assert cell_values(got) == cell_values(report) and got.meta == report.meta


@st.composite
def table_reports(draw: st.DrawFn) -> AnnualReport:
    """Generated reports: random tables of either format (every cell kind, blanks, both layouts) whose totals are
    the sums of their parts, as a filled template has them."""
    from disclosure_report import PROACTIVE_CLASSES

    version = draw(st.sampled_from(sorted(PROACTIVE_CLASSES)))
    base = new_report("某市某局", 2023 if version == "2021" else 2020)
    return attrs.evolve(
        base,
        proactive=draw(for_class(PROACTIVE_CLASSES[version])),
        applications=draw(for_class(Applications)),
        review_litigation=draw(for_class(ReviewLitigation)),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table_reports())
def test_generated_reports_are_templates_and_read_back(report: AnnualReport) -> None:
    data = _xlsx(report)
    check_template(report, data)
    got = READER.read(data).report
    assert cell_values(got) == cell_values(report)


# --- agencies' own spreadsheets ----------------------------------------------------------------------------------


def _agency_sheet(total: str | None = None) -> tuple[bytes, dict[str, int]]:
    """A spreadsheet as an agency makes one: title rows, the table from column B with a two-row merged header,
    table 三's rows with their innermost labels only, each row's 总计 as ``=C5+D5+…`` without a saved result."""
    table = get_format("2021").table("applications")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "依申请公开"
    ws["B1"] = "某市某局2023年政府信息公开工作年度报告"
    ws.merge_cells("B1:I1")
    ws["B2"] = "收到和处理政府信息公开申请情况（单位：件）"  # names the table, without the section's number
    columns = table.rows[0].columns.columns
    ws.cell(3, 2, table.corner)
    ws.merge_cells(start_row=3, start_column=2, end_row=4, end_column=2)
    for k, column in enumerate(columns):
        ws.cell(3, 3 + k, column.headers[0])
        ws.cell(4, 3 + k, column.headers[-1])
    ws.merge_cells(start_row=3, start_column=3, end_row=3, end_column=2 + len(columns))
    expected: dict[str, int] = {}
    for i, row in enumerate(table.rows):
        r = 5 + i
        ws.cell(r, 2, row.label)
        parts = []
        for k, column in enumerate(columns):
            path = ".".join(("applications", *row.path, column.key))
            if column.key == row.columns.total:
                letters = [f"{chr(ord('C') + j)}{r}" for j in range(len(columns) - 1)]
                ws.cell(r, 3 + k, total if (total and i == 0) else "=" + "+".join(letters))
                expected[path] = sum(parts)
            else:
                value = (i * 7 + k) % 5
                ws.cell(r, 3 + k, value)
                parts.append(value)
                expected[path] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue(), expected


def test_an_agencys_own_spreadsheet_is_read() -> None:
    data, expected = _agency_sheet()
    result = READER.read(data, source="agency.xlsx")
    report = result.report
    assert (report.format, report.meta.agency, report.meta.year) == ("2021", "某市某局", 2023)
    got = cell_values(report)
    assert {k: got[k] for k in expected} == expected
    assert report.applications.new.total == expected["applications.new.total"]
    assert all("sheet 依申请公开" in w.message or w.line is None for w in result.warnings)


def test_a_formula_the_reader_cannot_evaluate_is_left_unread_with_its_place() -> None:
    data, expected = _agency_sheet(total="=VLOOKUP(1,C5:D5,2)")
    result = READER.read(data, source="agency.xlsx")
    assert result.report.applications.new.total == Blank()  # never 0
    found = [w for w in result.warnings if "VLOOKUP" in w.message]
    assert len(found) == 1
    assert found[0].message.startswith("sheet 依申请公开, cell I5: formula =VLOOKUP(1,C5:D5,2) has no saved value")
    assert "open and save the file in Excel or LibreOffice" in found[0].message
    assert cell_values(result.report)["applications.new.natural_person"] == expected["applications.new.natural_person"]


def test_an_error_value_is_reported_not_read_as_blank() -> None:
    data = _xlsx(new_report("某市某局", 2023))
    error = b't="e"><v>#DIV/0!</v></c>'
    sheet = "xl/worksheets/sheet3.xml"
    changed = _with_part(data, sheet, lambda x: x.replace(b't="n"><v>0</v></c>', error, 1))
    result = READER.read(changed)
    assert [w.message for w in result.warnings if "#DIV/0!" in w.message] == [
        "sheet 表三, cell D5: '#DIV/0!' is not a number or a blank mark; the cell is left unread"
    ]


def test_an_unevaluable_formula_in_the_template_names_its_cell_path() -> None:
    report = new_report("某市某局", 2023)
    data = _xlsx(report)
    wb = load_workbook(io.BytesIO(data))
    sheet, row, col = _positions(report)["applications.new.total"]
    wb[sheet].cell(row, col).value = "=AVERAGE(D5:I5)"
    out = io.BytesIO()
    wb.save(out)
    result = READER.read(out.getvalue())
    found = [w for w in result.warnings if "AVERAGE" in w.message]
    assert [w.cell_path for w in found] == ["applications.new.total"]
    assert result.report.applications.new.total == UNREAD  # unread: not blank, never 0
    assert result.report.applications.results.total.total == 0  # the other sums are still evaluated


# --- formulas ----------------------------------------------------------------------------------------------------


def test_sum_shapes_are_evaluated() -> None:
    cells = {(3, 2): 1, (3, 3): 2.5, (3, 4): "-", (4, 2): Decimal("0.0001")}

    def value(r: int, c: int) -> Any:
        return cells.get((r, c))

    assert evaluate("=SUM(B3:G3)", value) == Decimal("3.5")
    assert evaluate("=B3+C3", value) == Decimal("3.5")
    assert evaluate("=SUM(B3,C3)+B4", value) == Decimal("3.5001")
    assert evaluate("= sum($B$3:$C$3)", value) == Decimal("3.5")
    assert evaluate("=SUM(H1:H9)", value) is None  # nothing to add: not a 0
    cells[(5, 1)] = CellError("#DIV/0!")
    with pytest.raises(FormulaError, match="#DIV/0!"):
        evaluate("=SUM(A5:B5)", value)
    for bad in ("=B3+D3", "=B3*2", "=Sheet2!B3", "=SUM(A1:XFD1048576)", "=B3-C3", "=AVERAGE(B3:C3)"):
        with pytest.raises(FormulaError):
            evaluate(bad, value)


def test_formulas_follow_formulas_to_a_bounded_depth() -> None:
    chain = {(1, k): f"=SUM({get_column_letter(k + 1)}1)" for k in range(1, 30)}
    sheet = SheetFormulas(chain, lambda r, c: 5 if (r, c) == (1, 30) else None)
    assert sheet.value(1, 20) == 5
    with pytest.raises(FormulaError, match="deep"):
        SheetFormulas(chain, lambda r, c: 5 if (r, c) == (1, 30) else None).value(1, 1)
    loop = SheetFormulas({(1, 1): "=B1", (1, 2): "=A1"}, lambda r, c: None)
    with pytest.raises(FormulaError, match="circular"):
        loop.value(1, 1)


# --- the metadata sheet ------------------------------------------------------------------------------------------


def test_the_metadata_sheet_as_an_author_edits_it() -> None:
    import datetime as dt

    report = new_report("某市某局", 2023)
    wb = load_workbook(io.BytesIO(_xlsx(report)))
    ws = wb["基本信息"]
    rows = {ws.cell(r, 3).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["agency"], 2).value = "某市另一局"
    ws.cell(rows["year"], 2).value = 2024.0
    ws.cell(rows["title"], 2).value = None
    ws.cell(rows["published_on"], 2).value = dt.datetime(2025, 1, 20)
    ws.cell(rows["scope"], 2).value = "agency"
    ws.cell(rows["contact.phone"], 2).value = "0571-12345678"
    out = io.BytesIO()
    wb.save(out)
    meta = READER.read(out.getvalue()).report.meta
    assert (meta.agency, meta.year, meta.title, meta.published_on, meta.scope, meta.contact) == (
        "某市另一局",
        2024,
        None,
        dt.date(2025, 1, 20),
        "agency",
        Contact(phone="0571-12345678"),
    )
    assert meta.period == report.meta.period


# --- hostile files -----------------------------------------------------------------------------------------------


def _with_part(data: bytes, name: str, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in z.infolist():
            part = z.read(info)
            target.writestr(info.filename, change(part) if info.filename == name else part)
    return out.getvalue()


def _refused(data: bytes, match: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ReadError, match=match):
        READER.read(data, source="hostile.xlsx")
    assert time.perf_counter() - started < 5


def test_hostile_workbooks_are_refused_in_bounded_time() -> None:
    data = _xlsx(new_report("某市某局", 2023))
    sheet = "xl/worksheets/sheet3.xml"
    far = _with_part(
        data,
        sheet,
        lambda x: x.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    )
    _refused(far, "beyond any annual report table")
    merged = _with_part(
        data, sheet, lambda x: x.replace(b"</mergeCells>", b'<mergeCell ref="A1:XFD1048576"/></mergeCells>')
    )
    _refused(merged, "beyond any annual report table")
    spread = b'<row r="9000"><c r="SF9000"><v>1</v></c></row></sheetData>'
    _refused(_with_part(data, sheet, lambda x: x.replace(b"</sheetData>", spread)), "span more than")
    claim = b'<dimension ref="A1:XFD1048576"/>'
    huge = _with_part(data, sheet, lambda x: re.sub(rb'<dimension ref="[^"]*"/>', claim, x))
    started = time.perf_counter()
    assert cell_values(READER.read(huge).report) == cell_values(new_report("某市某局", 2023))  # a claim, not cells
    assert time.perf_counter() - started < 5
    many = b"".join(b'<mergeCell ref="A%d:KZ%d"/>' % (r, r) for r in range(40, 400))
    _refused(_with_part(data, sheet, lambda x: x.replace(b"</mergeCells>", many + b"</mergeCells>")), "merged ranges")
    dtd = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
    _refused(_with_part(data, sheet, lambda x: dtd + x.split(b"?>", 1)[1]), "DTD")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (40 * 1024 * 1024))
    _refused(bomb.getvalue(), "zip bomb")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    _refused(other.getvalue(), "no xl/workbook.xml")
    _refused(b"PK\x03\x04" + bytes(100), "not an Excel")
    _refused(data[: len(data) // 2], "not an Excel|damaged")


_TEMPLATE = _xlsx(new_report("某市某局", 2023))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_TEMPLATE) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_damaged_workbooks_give_a_report_or_our_error(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_TEMPLATE)
    for at, byte in flips:
        data[at] = byte
    try:
        READER.read(bytes(data))
    except ReadError:
        pass


def test_a_whole_report_on_one_sheet_is_read() -> None:
    """An agency's workbook with the title, each table's heading and the tables one under another on one sheet,
    numbers as numbers, 总计 typed in (no formulas), and blank rows between the tables."""
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "年报"
    ws["A1"] = report.meta.title
    top = 3
    for section in get_format(report.format).sections:
        if section.table is None:
            continue
        grid = table_grid(report, section.table.key)
        ws.cell(top, 1, section.heading)
        for c in grid.cells:
            row, col = top + 1 + c.row, 1 + c.col
            value = c.value if c.role == "data" and not isinstance(c.value, Blank) else c.text
            ws.cell(row, col, value)
            if c.rowspan > 1 or c.colspan > 1:
                ws.merge_cells(
                    start_row=row, start_column=col, end_row=row + c.rowspan - 1, end_column=col + c.colspan - 1
                )
        top += grid.n_rows + 3
    out = io.BytesIO()
    wb.save(out)
    result = READER.read(out.getvalue())
    assert cell_values(result.report) == cell_values(report)
    assert (result.report.meta.agency, result.report.meta.year) == (report.meta.agency, report.meta.year)


def test_money_is_saved_and_read_with_its_exact_digits() -> None:
    """openpyxl writes numbers through a float with 16 digits (626.385965 → 626.3859650000001); the template
    saves the exact text, and the reader keeps the 15 digits a spreadsheet keeps of what another program wrote."""
    amount = Decimal("626.385965")
    report = replace_value(new_report("某市某局", 2023), "proactive.fees.amount", amount)
    data = _xlsx(report)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "<v>626.385965</v>" in z.read("xl/worksheets/sheet2.xml").decode()
    assert READER.read(data).report.proactive.fees.amount == amount  # type: ignore[union-attr]
    filled = _fill(data, report, {"proactive.fees.amount": amount})  # through openpyxl's float
    with zipfile.ZipFile(io.BytesIO(filled)) as z:
        assert "<v>626.3859650000001</v>" in z.read("xl/worksheets/sheet2.xml").decode()
    assert READER.read(filled).report.proactive.fees.amount == amount  # type: ignore[union-attr]


def test_sheets_without_headings_are_placed_by_their_labels() -> None:
    """An agency's workbook of one sheet per table, no section headings, named as the agency likes: each sheet goes
    to the table whose labels it prints."""
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    wb = load_workbook(io.BytesIO(_xlsx(report)))
    del wb["基本信息"]
    for k, ws in enumerate(wb.worksheets):
        ws.title = f"Sheet{k + 1}"
        ws.protection.sheet = False
        ws["A1"] = None
    assert wb.worksheets[0]["A1"].value is None
    wb.worksheets[0]["A1"] = report.meta.title
    out = io.BytesIO()
    wb.save(out)
    result = READER.read(out.getvalue())
    assert cell_values(result.report) == cell_values(report)
    assert (result.report.meta.agency, result.report.meta.year) == (report.meta.agency, report.meta.year)


@pytest.mark.parametrize(("kind", "module"), [("xlsx", "python_calamine"), ("docx", "lxml")])
def test_a_missing_extra_is_named_not_an_encoding_error(
    kind: str, module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from disclosure_report.read import registry

    data = render(new_report("某市某局", 2023), kind)
    assert isinstance(data, bytes)
    monkeypatch.setattr(registry, "_LOADED", {})
    monkeypatch.setitem(sys.modules, module, None)  # import → ModuleNotFoundError
    for name in [m for m in sys.modules if m.startswith(f"disclosure_report.read.{kind}")]:
        monkeypatch.delitem(sys.modules, name)  # imported again, without the extra
    with pytest.raises(ReadError, match=rf"which is not installed: pip install 'disclosure-report\[{kind}\]'"):
        read(data)


# --- a unit printed in a money cell ------------------------------------------------------------------------------

MONEY_IN = {"2019": "proactive.procurement", "2021": "proactive.fees"}
"""The row object holding each format's money cell (its ``amount``; 2019's also has ``amount_unit``)."""


def _money_report(version: str) -> tuple[AnnualReport, str]:
    """A new report of ``version`` and the cell path of its money cell (taken from the declaration)."""
    report = new_report("某区审计局", 2020 if version == "2019" else 2023)
    assert report.format == version
    (path,) = [c.path for c in get_format(version).cells() if c.kind == "money"]
    assert path == f"{MONEY_IN[version]}.amount"
    return report, path


def _typed(report: AnnualReport, path: str, value: Any, number_format: str | None = None) -> bytes:
    """The report's template with ``value`` typed into the cell at ``path`` (with ``number_format``)."""
    wb = load_workbook(io.BytesIO(_xlsx(report)))
    sheet, row, col = _positions(report)[path]
    cell = wb[sheet].cell(row, col)
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _as_the_text_reader_reads(report: AnnualReport, amount: str, printed: str) -> Any:
    """The money cell's row object as the text reader reads it from the text rendering with ``amount`` printed
    as ``printed`` (``12.5`` as ``12.5万元``)."""
    text = render(report, "text")
    assert isinstance(text, str) and text.count(f" {amount}") == 1
    read_back = read(text.replace(f" {amount}", f" {printed}").encode("utf-8"), format="text").report
    return get_value(read_back, MONEY_IN[report.format])


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize(
    ("amount", "number_format", "printed"),
    [
        (Decimal("12.5"), '0.0"万元"', "12.5万元"),
        (Decimal("3000"), '#,##0\\元;-#,##0\\元;"-"', "3000元"),
        (Decimal("251000"), '0"元"', "251000元"),
        (Decimal("1.25"), '0.00"亿元"', "1.25亿元"),
    ],
)
def test_a_unit_a_number_format_prints_is_read_as_the_text_reader_reads_it(
    version: str, amount: Decimal, number_format: str, printed: str
) -> None:
    report, path = _money_report(version)
    got = get_value(READER.read(_typed(report, path, float(amount), number_format)).report, MONEY_IN[version])
    expected = _as_the_text_reader_reads(replace_value(report, path, amount), format(amount, "f"), printed)
    assert got == expected
    assert got.amount == amount
    if version == "2019":
        assert got.amount_unit == printed.removeprefix(format(amount, "f"))  # the unit key of 采购总金额
    else:
        assert not hasattr(got, "amount_unit")  # 收费金额's header names 万元: the 2021 format keeps no unit


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_a_unit_typed_into_the_cell_as_text_is_read_as_the_text_reader_reads_it(version: str) -> None:
    report, path = _money_report(version)
    got = get_value(READER.read(_typed(report, path, "12.5万元")).report, MONEY_IN[version])
    assert got == _as_the_text_reader_reads(replace_value(report, path, Decimal("12.5")), "12.5", "12.5万元")


@pytest.mark.parametrize("number_format", ["0.00", '0.00"件"', '0.0"万元";-0.0"万元";"-"', '[>100]0"万元";0'])
def test_a_number_format_without_a_money_unit_for_the_value_adds_none(number_format: str) -> None:
    report, path = _money_report("2019")
    value = 0.0 if number_format.endswith('"-"') else 12.5
    got = get_value(READER.read(_typed(report, path, value, number_format)).report, MONEY_IN["2019"])
    assert (got.amount, got.amount_unit) == (Decimal(str(value)), None)


@pytest.mark.parametrize("unit", ["元", "万元", None])
def test_the_template_prints_the_stored_unit_and_reads_it_back(unit: str | None) -> None:
    report, path = _money_report("2019")
    report = replace_value(report, MONEY_IN["2019"], Procurement(6, Decimal("251000.5"), unit))
    data = _xlsx(report)
    sheet, row, col = _positions(report)[path]
    cell = load_workbook(io.BytesIO(data))[sheet].cell(row, col)
    assert (cell.value, cell.number_format) == (251000.5, "0.0000" + (f'"{unit}"' if unit else ""))
    assert get_value(READER.read(data).report, MONEY_IN["2019"]) == Procurement(6, Decimal("251000.5"), unit)


@pytest.mark.office
def test_the_unit_survives_libreoffice_saving_the_template(tmp_path: Path, lo_profile: str) -> None:
    report, _ = _money_report("2019")
    report = replace_value(report, MONEY_IN["2019"], Procurement(6, Decimal("12.5"), "万元"))
    saved = _recalculated(tmp_path, _xlsx(report), lo_profile)
    assert get_value(READER.read(saved).report, MONEY_IN["2019"]) == Procurement(6, Decimal("12.5"), "万元")
