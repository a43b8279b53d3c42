"""Renderers: registry and plugins, the official merged-cell layouts, escaping, golden files."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from disclosure_report import BLANK, AnnualReport, FeeCollection, load, new_report, read, replace_value
from disclosure_report.cli import main
from disclosure_report.render import MissingExtraError, RenderError, available_renderers, get_renderer, render
from disclosure_report.render.grid import table_grid

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
PANZHOU = load(ROOT / "examples" / "panzhou-rural-revitalization-2023.json")
SHANGHAI = load(ROOT / "examples" / "shanghai-gov-office-2019.json")


def test_builtins_are_registered_as_entry_points() -> None:
    assert available_renderers() == ["docx", "html", "json", "markdown", "pdf", "text", "xlsx"]
    html = get_renderer("html")
    assert (html.name, html.media_type, html.suffix, html.extras) == ("html", "text/html", ".html", None)
    assert get_renderer("docx").extras == "docx"
    assert (get_renderer("pdf").media_type, get_renderer("pdf").extras) == ("application/pdf", "docx")


def test_unknown_renderer_and_options() -> None:
    with pytest.raises(RenderError, match="no renderer named 'odt'; available: docx, html"):
        get_renderer("odt")
    with pytest.raises(RenderError, match="has no option colour"):
        render(SHUYANG, "html", colour="red")


def _install_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, target: str) -> None:
    dist = tmp_path / "acme_renderer-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-renderer\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[disclosure_report.renderers]\n{name} = {target}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_third_party_renderer_registers_like_the_builtins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "acme_renderer.py").write_text(
        "class CsvRenderer:\n"
        "    name = 'csv'\n    media_type = 'text/csv'\n    suffix = '.csv'\n    extras = None\n"
        "    def render(self, report, **options):\n"
        "        from disclosure_report import iter_cells\n"
        "        return ''.join(f'{c.path},{v}\\n' for c, v in iter_cells(report))\n",
        encoding="utf-8",
    )
    _install_plugin(tmp_path, monkeypatch, "csv", "acme_renderer:CsvRenderer")
    assert "csv" in available_renderers()
    out = render(SHUYANG, "csv")
    assert isinstance(out, str) and "applications.new.total,713\n" in out


def test_a_renderer_whose_extra_is_missing_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "needs_odf.py").write_text("import odfpy_not_installed_here\n", encoding="utf-8")
    _install_plugin(tmp_path, monkeypatch, "odt", "needs_odf:OdtRenderer")
    with pytest.raises(MissingExtraError, match=r"pip install 'disclosure-report\[odt\]'"):
        get_renderer("odt")


# --- the official layouts ----------------------------------------------------------------------------------------


def _spans(report: AnnualReport, key: str) -> dict[str, tuple[int, int]]:
    return {c.text: (c.rowspan, c.colspan) for c in table_grid(report, key).cells if c.role != "data"}


def test_table_3_merges_as_printed() -> None:
    spans = _spans(SHUYANG, "applications")
    assert spans["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
    assert spans["申请人情况"] == (1, 7)
    assert spans["自然人"] == (2, 1) and spans["总计"] == (2, 1)
    assert spans["法人或其他组织"] == (1, 5)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3)
    assert spans["三、本年度办理结果"] == (22, 1)
    assert spans["（一）予以公开"] == (1, 2)
    assert spans["（三）不予公开"] == (8, 1) and spans["（四）无法提供"] == (3, 1)
    assert spans["（五）不予处理"] == (5, 1) and spans["（六）其他处理"] == (3, 1)
    assert spans["1.属于国家秘密"] == (1, 1)
    grid = table_grid(SHUYANG, "applications")
    assert (grid.n_rows, grid.n_cols) == (3 + 25, 10)


def test_single_other_row_layout_spans_20_rows() -> None:
    spans = _spans(PANZHOU, "applications")
    assert spans["三、本年度办理结果"] == (20, 1)
    assert spans["（六）其他处理"] == (1, 2)
    assert _spans(SHANGHAI, "applications")["三、本年度办理结果"] == (20, 1)


def test_table_4_and_table_2() -> None:
    spans = _spans(SHUYANG, "review_litigation")
    assert spans["行政复议"] == (1, 5) and spans["行政诉讼"] == (1, 10)
    assert spans["未经复议直接起诉"] == (1, 5) and spans["复议后起诉"] == (1, 5)
    grid = table_grid(SHUYANG, "review_litigation")
    first_band = [c for c in grid.cells if c.row == 1 and c.col < 5]
    assert [(c.text, c.rowspan) for c in first_band] == [
        ("结果维持", 2),
        ("结果纠正", 2),
        ("其他结果", 2),
        ("尚未审结", 2),
        ("总计", 2),
    ]
    t2 = table_grid(SHUYANG, "proactive")
    assert (t2.n_cols, t2.cells[0].text, t2.cells[0].colspan) == (4, "第二十条第（一）项", 4)
    fee = next(c for c in t2.cells if c.path == "proactive.fees.amount")
    assert (fee.text, fee.colspan) == ("4068.208", 3)
    t2_2019 = table_grid(SHANGHAI, "proactive")
    procurement = next(c for c in t2_2019.cells if c.path == "proactive.procurement.amount")
    assert (procurement.text, procurement.colspan) == ("251000元", 2)


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.current = {"tag": tag, **dict(attrs), "text": ""}
            self.cells.append(self.current)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current["text"] += data


def test_html_keeps_numbers_as_stored_and_escapes_text() -> None:
    report = replace_value(SHUYANG, "applications.new.research", BLANK)
    report = replace_value(report, "problems", "<script>alert('x')</script> & 其他")
    page = str(render(report, "html"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; 其他" in page
    parser = _Cells()
    parser.feed(page)
    data = {c["data-cell"]: c["text"] for c in parser.cells if "data-cell" in c}
    assert len(data) == 200
    assert data["applications.new.research"] == ""
    assert data["applications.new.total"] == "713"
    assert data["proactive.fees.amount"] == "4068.208"
    fragment = str(render(report, "html", fragment=True))
    assert fragment.startswith("<style>") and "<html" not in fragment and 'class="dr-report"' in fragment


def test_markdown_and_text_are_readable_and_flatten_headers() -> None:
    md = str(render(SHUYANG, "markdown"))
    assert "## 三、收到和处理政府信息公开申请情况" in md
    assert "| 项目 | 自然人 | 法人或其他组织 / 商业企业 |" in md
    assert "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in md
    assert "| 行政诉讼 / 复议后起诉 | 8 | 0 | 1 | 1 | 10 |" in md
    text = str(render(SHANGHAI, "text"))
    assert "自然人 821  商业企业 35  科研机构 （空）" in text
    assert "采购项目数量 6  采购总金额 251000" in text


def test_a_subsection_heading_without_text_is_left_out_everywhere() -> None:
    assert SHUYANG.overview.management == ""  # （三）政府信息管理: nothing written under it
    for name in ("html", "markdown", "text"):
        page = str(render(SHUYANG, name))
        assert "（三）政府信息管理" not in page and "（四）政府信息公开平台建设" in page
    paragraphs = _docx_extract(bytes(render(SHUYANG, "docx")))["paragraphs"]
    assert "（三）政府信息管理" not in paragraphs and "（四）政府信息公开平台建设" in paragraphs
    filled = replace_value(SHUYANG, "overview.management", "严格落实公开属性源头认定。")
    lines = str(render(filled, "text")).splitlines()
    assert lines[lines.index("（三）政府信息管理") + 1] == "　　严格落实公开属性源头认定。"


def test_dates_in_either_style() -> None:
    assert "（2026年1月23日）" in str(render(SHUYANG, "text"))
    assert "（二〇二六年一月二十三日）" in str(render(SHUYANG, "text", date_style="chinese"))


def test_json_renderer_is_the_canonical_document() -> None:
    assert render(SHUYANG, "json") == (ROOT / "examples" / "shuyang-county-gov-2025.json").read_text(encoding="utf-8")


# --- golden files ------------------------------------------------------------------------------------------------

TEXT_FORMATS = {"html": ".html", "markdown": ".md", "text": ".txt"}


def _docx_extract(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    paragraphs = ["".join(p.itertext()) for p in root.iterfind("w:body/w:p", ns)]
    tables = []
    for tbl in root.iterfind("w:body/w:tbl", ns):
        rows = []
        for tr in tbl.iterfind("w:tr", ns):
            row = []
            for tc in tr.iterfind("w:tc", ns):
                span = tc.find("w:tcPr/w:gridSpan", ns)
                merge = tc.find("w:tcPr/w:vMerge", ns)
                row.append(
                    {
                        "text": "".join(tc.itertext()),
                        "gridSpan": int(span.get(f"{{{ns['w']}}}val")) if span is not None else 1,
                        "vMerge": None if merge is None else (merge.get(f"{{{ns['w']}}}val") or "continue"),
                    }
                )
            rows.append(row)
        tables.append(rows)
    return {"paragraphs": paragraphs, "tables": tables}


def _xlsx_extract(data: bytes) -> dict[str, Any]:
    """Each sheet's merged ranges and values; and what makes it a template: the protection, the unlocked cells with
    their number format, the data validations, the formulas with their saved results."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    saved = load_workbook(io.BytesIO(data), data_only=True)
    return {
        ws.title: {
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "values": [[None if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)],
            "protected": ws.protection.sheet,
            "unlocked": [
                f"{c.coordinate} {c.number_format}" for row in ws.iter_rows() for c in row if not c.protection.locked
            ],
            "validations": sorted(
                f"{dv.type} {dv.operator} {dv.formula1} {dv.formula2} {dv.sqref}"
                for dv in ws.data_validations.dataValidation
            ),
            "formulas": {
                c.coordinate: [c.value, saved[ws.title][c.coordinate].value]
                for row in ws.iter_rows()
                for c in row
                if c.data_type == "f"
            },
        }
        for ws in wb.worksheets
    }


def _golden(name: str, got: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), f"{name} differs from the golden file (pytest --update-golden)"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("renderer", sorted(TEXT_FORMATS))
def test_golden_text_formats(example: Path, renderer: str, update_golden: bool) -> None:
    _golden(f"{example.stem}{TEXT_FORMATS[renderer]}", str(render(load(example), renderer)), update_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_golden_docx_and_xlsx(example: Path, update_golden: bool) -> None:
    report = load(example)
    docx = _docx_extract(bytes(render(report, "docx")))
    _golden(f"{example.stem}.docx.json", json.dumps(docx, ensure_ascii=False, indent=1) + "\n", update_golden)
    xlsx = _xlsx_extract(bytes(render(report, "xlsx")))
    _golden(f"{example.stem}.xlsx.json", json.dumps(xlsx, ensure_ascii=False, indent=1) + "\n", update_golden)


def test_docx_tables_have_real_merges() -> None:
    tables = _docx_extract(bytes(render(SHUYANG, "docx")))["tables"]
    t3 = tables[1]
    assert t3[0][0] == {
        "text": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "gridSpan": 3,
        "vMerge": "restart",
    }
    assert t3[0][1]["text"] == "申请人情况" and t3[0][1]["gridSpan"] == 7
    results = [row[0] for row in t3[5:27]]
    assert results[0] == {"text": "三、本年度办理结果", "gridSpan": 1, "vMerge": "restart"}
    assert all(cell["vMerge"] == "continue" and cell["text"] == "" for cell in results[1:])


def test_xlsx_numbers_are_numbers_and_money_exact() -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(bytes(render(SHUYANG, "xlsx"))))
    assert wb.sheetnames == ["基本信息", "表二", "表三", "表四"]
    t2 = wb["表二"]
    values = {row[0]: row[1] for row in t2.iter_rows(values_only=True) if row[0]}
    assert values["行政许可"] == 517645
    with zipfile.ZipFile(io.BytesIO(bytes(render(SHUYANG, "xlsx")))) as z:
        assert "<v>4068.208</v>" in z.read("xl/worksheets/sheet2.xml").decode()
    assert "A7:A28" in {str(r) for r in wb["表三"].merged_cells.ranges}


# --- CLI ---------------------------------------------------------------------------------------------------------


def test_render_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(ROOT / "examples" / "shuyang-county-gov-2025.json")
    assert main(["render", source, "--to", "markdown"]) == 0
    first, _, rest = capsys.readouterr().out.partition("\n\n")
    assert first.startswith("<!-- disclosure-report-meta {") and first.endswith("} -->")  # the embedded record
    assert rest.startswith("# 沭阳县人民政府2025年政府信息公开工作年度报告")
    out = tmp_path / "r.docx"
    assert main(["render", source, "--to", "docx", "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert main(["render", source, "--to", "docx", "--lang", "en"]) == 2
    assert "give -o FILE.docx" in capsys.readouterr().err
    assert main(["render", source, "--to", "pdf"]) == 2


def test_demo_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "demo.html"
    assert main(["demo", "-o", str(page)]) == 0
    assert f"网页：{page}" in capsys.readouterr().out
    assert 'data-cell="applications.new.total">713<' in page.read_text(encoding="utf-8")


def test_new_report_renders_everywhere() -> None:
    report = new_report("某局", 2020)
    for name in available_renderers():
        if name != "pdf":  # needs LibreOffice: tests/test_render_pdf.py (office)
            assert render(report, name)
    assert sys.modules["disclosure_report.render.html"]


def test_a_fee_statement_the_text_already_makes_is_not_printed_again() -> None:
    report = PANZHOU  # text: 没有收取任何信息处理费用; typed: not collected
    assert report.other_matters.fees is not None and not report.other_matters.fees.collected
    page = str(render(report, "markdown"))
    assert page.count("信息处理费") == 1 and "收取信息处理费情况" not in page
    assert read(page.encode("utf-8"), format="markdown").report.other_matters == report.other_matters
    # the typed block says more than the text (沭阳: 1 application): printed under its heading
    shuyang = SHUYANG
    page = str(render(shuyang, "markdown"))
    assert "收取信息处理费情况" in page and "本年度收取信息处理费380元，涉及1件申请。" in page
    assert read(page.encode("utf-8"), format="markdown").report.other_matters == shuyang.other_matters
    # typed fees the text contradicts are printed too
    other = replace_value(report, "other_matters.fees", FeeCollection(collected=True, amount_yuan=Decimal(50)))
    assert "本年度收取信息处理费50元。" in str(render(other, "markdown"))
