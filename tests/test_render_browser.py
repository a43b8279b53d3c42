"""The HTML page in a real browser (headless Chromium): the tables' cell grid is the official one."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from disclosure_report import AnnualReport, load, replace_value
from disclosure_report.render import render
from tools import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).parent.parent
FLAGS = CHROMIUM_FLAGS

GRID_SCRIPT = """
<script>
window.addEventListener('load', () => {
  const out = [];
  for (const table of document.querySelectorAll('table')) {
    const grid = [];
    Array.from(table.rows).forEach((tr, r) => {
      grid[r] = grid[r] || [];
      let c = 0;
      for (const cell of tr.cells) {
        while (grid[r][c] !== undefined) c++;
        for (let i = 0; i < cell.rowSpan; i++) for (let j = 0; j < cell.colSpan; j++) {
          grid[r + i] = grid[r + i] || [];
          grid[r + i][c + j] = cell.textContent;
        }
        c += cell.colSpan;
      }
    });
    const box = table.getBoundingClientRect();
    out.push({key: table.dataset.table, grid: grid, width: box.width, height: box.height});
  }
  const pre = document.createElement('pre');
  pre.id = 'grid';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def _chromium(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.browser
def test_tables_render_with_the_official_structure(tmp_path: Path, artifacts: Path) -> None:
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    page = str(render(report, "html")).replace("</body>", GRID_SCRIPT + "</body>")
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    done = _chromium(["--virtual-time-budget=3000", "--dump-dom", path.as_uri()], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    start = dom.index('<pre id="grid">') + len('<pre id="grid">')
    tables = json.loads(dom[start : dom.index("</pre>", start)].replace("&quot;", '"').replace("&amp;", "&"))
    assert [t["key"] for t in tables] == ["proactive", "applications", "review_litigation"]
    t3 = tables[1]["grid"]
    assert len(t3) == 28 and all(len(row) == 10 for row in t3)
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert [row[:3] for row in t3[:3]] == [[note] * 3] * 3
    assert t3[0][3:] == ["申请人情况"] * 7
    assert t3[1][3:] == ["自然人", *["法人或其他组织"] * 5, "总计"]
    assert t3[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert t3[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["705", "3", "0", "0", "5", "0", "713"]
    assert [row[0] for row in t3[5:27]] == ["三、本年度办理结果"] * 22
    assert t3[7][:3] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]
    t4 = tables[2]["grid"]
    assert t4[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert t4[1][:5] == t4[2][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert t4[3] == ["27", "10", "9", "15", "61", "3", "0", "0", "0", "3", "8", "0", "1", "1", "10"]
    assert all(t["width"] > 300 and t["height"] > 50 for t in tables)

    png = artifacts / "report-shuyang.png"
    shot = _chromium(["--window-size=1240,4000", "--hide-scrollbars", f"--screenshot={png}", path.as_uri()], tmp_path)
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert png.stat().st_size > 50_000  # a rendered page, not a blank one
    print(f"screenshot for review: {png}")


CELL_WIDTH_SCRIPT = """
<script>
window.addEventListener('load', () => {
  const out = [];
  for (const table of document.querySelectorAll('table')) {
    for (const cell of table.querySelectorAll('th, td')) {
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      out.push({table: table.dataset.table, text: cell.textContent, width: inner, em: parseFloat(style.fontSize)});
    }
  }
  const pre = document.createElement('pre');
  pre.id = 'cells';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""
A4_TEXT_WIDTH_PX = round((210 - 28 - 26) / 25.4 * 96) + 16
"""The text block of an A4 page with the official margins (156 mm), plus the page's default 8px body margins."""


@pytest.mark.browser
@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.stem)
def test_no_table_cell_is_narrower_than_two_characters_at_a4_width(example: Path, tmp_path: Path) -> None:
    page = str(render(load(example), "html")).replace("</body>", CELL_WIDTH_SCRIPT + "</body>")
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    size = f"--window-size={A4_TEXT_WIDTH_PX},3000"
    done = _chromium([size, "--virtual-time-budget=3000", "--dump-dom", path.as_uri()], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    start = dom.index('<pre id="cells">') + len('<pre id="cells">')
    cells = json.loads(dom[start : dom.index("</pre>", start)].replace("&quot;", '"').replace("&amp;", "&"))
    assert len(cells) > 200  # tables 二, 三 and 四 were measured
    assert {c["table"] for c in cells} == {"proactive", "applications", "review_litigation"}
    narrow = [(c["table"], c["text"], c["width"], c["em"]) for c in cells if c["width"] < 2 * c["em"]]
    assert narrow == []
    totals = [c for c in cells if c["table"] == "applications" and c["text"] == "总计"]
    assert totals and all(c["width"] >= 2 * c["em"] for c in totals)  # 总计 on one line, not one character a line


TITLES = {
    "国务院": ["国务院2025年政府信息公开工作年度报告"],
    "洪泽区人民政府": ["洪泽区人民政府", "2025年政府信息公开工作年度报告"],
    "新疆维吾尔自治区伊犁哈萨克自治州奎屯市人民政府办公室": [
        "新疆维吾尔自治区伊犁哈萨克自治州",
        "奎屯市人民政府办公室",
        "2025年政府信息公开工作年度报告",
    ],
}
"""How each agency's title prints on A4 (a short title on one line; a longer one broken before its year, and an
agency too long for a line after an organ's name in it)."""


def _titled(agency: str) -> AnnualReport:
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    return replace_value(replace_value(report, "meta.agency", agency), "meta.title", None)


@pytest.mark.browser
@pytest.mark.parametrize("agency", TITLES)
def test_the_printed_title_breaks_between_words(agency: str, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(str(render(_titled(agency), "html")), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    done = _chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri()], tmp_path)
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]
    assert lines[: len(TITLES[agency])] == TITLES[agency]
    assert lines[len(TITLES[agency])] == "（2026年1月23日）"  # nothing of the title wrapped onto another line


PIECES_SCRIPT = """
<script>
window.addEventListener('load', () => {
  const h1 = document.querySelector('h1');
  const line = h1.getBoundingClientRect().width;
  const out = Array.from(h1.querySelectorAll('.dr-unbroken:not(:has(.dr-unbroken))')).map(s => ({
    text: s.textContent, lines: s.getClientRects().length, height: s.getBoundingClientRect().height,
    width: s.getBoundingClientRect().width, line: line, em: parseFloat(getComputedStyle(h1).lineHeight) ||
      parseFloat(getComputedStyle(h1).fontSize) * 1.6}));
  const pre = document.createElement('pre');
  pre.id = 'pieces';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [500, 800])  # headless Chromium lays out 500 px at the least
def test_on_a_narrow_screen_the_title_breaks_only_between_its_pieces(width: int, tmp_path: Path) -> None:
    agency = "中华人民共和国国家发展和改革委员会国际合作司办公室"
    page = str(render(_titled(agency), "html")).replace("</body>", PIECES_SCRIPT + "</body>")
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    done = _chromium(
        [f"--window-size={width},2000", "--virtual-time-budget=3000", "--dump-dom", path.as_uri()], tmp_path
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    start = dom.index('<pre id="pieces">') + len('<pre id="pieces">')
    pieces = json.loads(dom[start : dom.index("</pre>", start)].replace("&quot;", '"').replace("&amp;", "&"))
    assert "".join(p["text"] for p in pieces) == f"{agency}2025年政府信息公开工作年度报告"
    for p in pieces:
        if p["width"] < p["line"]:  # a piece that fits a line is never broken
            assert p["height"] < 1.5 * p["em"], p
