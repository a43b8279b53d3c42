"""The corpus page (``disclosure-report report DIR -o site/``): its figures against the documents, computed here
independently from the JSON files and tests/fixtures/expected.json; charts with and without matplotlib; in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import attrs
import pytest

from disclosure_report import AnnualReport, Period, dump, load, replace_value
from disclosure_report.cli import main
from disclosure_report.corpus.page import build_site, charts, read_corpus
from test_render_browser import CHROMIUM, FLAGS

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
REAL = ROOT / "tests" / "fixtures" / "real"
PUBLISHED = ("shanghai-gov-office-2019.html", "pingtan-2021.txt", "shuyang-county-gov-2025.md")
"""The published fixtures in the corpus: those whose figures tests/fixtures/expected.json gives."""

FIGURE = re.compile(r'data-figure="([^"]+)">([^<]*)<')


def _as_year(report: AnnualReport, year: int) -> AnnualReport:
    """The report moved to ``year``: title, statistics period and publication date along with it."""
    meta = report.meta
    title = meta.title.replace(str(meta.year), str(year)) if meta.title else None
    return attrs.evolve(
        report,
        meta=attrs.evolve(
            meta, year=year, title=title, period=Period.calendar_year(year), published_on=dt.date(year + 1, 1, 20)
        ),
    )


def _add(report: AnnualReport, path: str, n: int) -> AnnualReport:
    from disclosure_report import get_value

    return replace_value(report, path, get_value(report, path) + n)


def _corpus(folder: Path) -> Path:
    """Reports of four agencies over five years: JSON examples, copies on other years, one with a wrong total, and
    published documents (HTML, text, Markdown)."""
    (folder / "json").mkdir(parents=True)
    (folder / "published").mkdir()
    shuyang = load(EXAMPLES / "shuyang-county-gov-2025.json")
    dump(shuyang, folder / "json" / "shuyang-2025.json")
    earlier = _as_year(shuyang, 2024)
    for row in ("new", "carried_forward"):  # 100 more received and carried forward: table 三 still balances
        for column in ("natural_person", "total"):
            earlier = _add(earlier, f"applications.{row}.{column}", 100)
    dump(earlier, folder / "json" / "shuyang-2024.json")
    panzhou = load(EXAMPLES / "panzhou-rural-revitalization-2023.json")
    dump(panzhou, folder / "json" / "panzhou-2023.json")
    later = _as_year(panzhou, 2024)
    for path in ("new", "results.granted", "results.total"):
        for column in ("natural_person", "total"):
            later = _add(later, f"applications.{path}.{column}", 3)
    dump(later, folder / "json" / "panzhou-2024.json")
    education = attrs.evolve(panzhou, meta=attrs.evolve(panzhou.meta, agency="盘州市教育局", title=None))
    education = replace_value(education, "applications.new.natural_person", 5)
    education = replace_value(education, "applications.new.total", 4)  # a wrong total
    dump(education, folder / "json" / "education-2023.json")
    for name in PUBLISHED:
        shutil.copy(REAL / name, folder / "published" / name)
    return folder


def _outcome_groups(results: dict[str, Any]) -> dict[str, Any]:
    """Each outcome group's 总计 from JSON: a row's total, or the sum of its sub-rows' totals ('blank' if any is)."""
    out: dict[str, Any] = {}
    for key, node in results.items():
        if key == "total":
            continue
        totals = [node["total"]] if "total" in node else [sub["total"] for sub in node.values()]
        out[key] = "blank" if any(isinstance(t, dict) for t in totals) else sum(totals)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    folder = _corpus(tmp_path_factory.mktemp("corpus"))
    index, _ = build_site([folder], folder.parent / "site", region="测试市")
    return folder, index, index.read_text(encoding="utf-8")


def _documents(folder: Path) -> list[dict[str, Any]]:
    """Every document's agency, year, new.total, results.total.total and outcome groups, computed from the JSON
    files and, for the published ones, from expected.json."""
    docs = []
    for path in sorted((folder / "json").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        applications = data["applications"]
        docs.append(
            {
                "agency": data["meta"]["agency"],
                "year": data["meta"]["year"],
                "new": applications["new"]["total"],
                "results": applications["results"]["total"]["total"],
                "outcomes": _outcome_groups(applications["results"]),
            }
        )
    expected = json.loads((ROOT / "tests" / "fixtures" / "expected.json").read_text(encoding="utf-8"))
    for entry in expected:
        if entry["file"].removeprefix("real/") in PUBLISHED:
            key = entry["table3_key"]
            docs.append(
                {
                    "agency": None,
                    "year": entry["report_year"],
                    "new": key["row1_new"]["total"],
                    "results": key["row3_7_results_total"]["total"],
                    "outcomes": None,
                }
            )
    return docs


def _shown(value: Any) -> str:
    return "（空）" if isinstance(value, dict) else str(value)


def _check_figures(figures: dict[str, str], folder: Path) -> None:
    docs = _documents(folder)
    years = sorted({d["year"] for d in docs})
    assert years == [2019, 2021, 2023, 2024, 2025]
    for year in years:
        of_year = [d for d in docs if d["year"] == year]
        for cell, key in (("applications.new.total", "new"), ("applications.results.total.total", "results")):
            values = [d[key] for d in of_year]
            want = "（空）" if any(isinstance(v, dict) for v in values) else str(sum(values))
            assert figures[f"total:{year}:{cell}"] == want, (year, cell)
        assert figures[f"trend:region:{year}"] == figures[f"total:{year}:applications.new.total"]
    for d in docs:
        if d["agency"] is not None:
            assert figures[f"trend:{d['agency']}:{d['year']}"] == _shown(d["new"])
    of_2024 = [d["outcomes"] for d in docs if d["year"] == 2024]
    for key in of_2024[0]:
        assert figures[f"outcome:2024:{key}"] == str(sum(o[key] for o in of_2024)), key
    assert figures["documents"] == str(len(docs))


def test_figures_equal_the_corpus(site: tuple[Path, Path, str]) -> None:
    folder, _, html = site
    figures = {k: unescape(v) for k, v in FIGURE.findall(html)}
    _check_figures(figures, folder)
    assert figures["trend:沭阳县人民政府:2024"] == "813" and figures["total:2024:applications.new.total"] == "816"


def test_failing_reports_and_why(site: tuple[Path, Path, str]) -> None:
    folder, _, html = site
    failing = re.findall(r'<tr data-failing="([^"]+)">(.*?)</tr>', html)
    names = sorted(Path(f).name for f, _ in failing)
    assert names == ["education-2023.json"]  # the 上海 2019 page: blank row totals leave （七）总计 not assessable
    row = dict((Path(f).name, r) for f, r in failing)["education-2023.json"]
    assert "盘州市教育局" in row and "T3-" in row
    # each finding links to an anchor of the cells it names, in that report's section
    section = html[html.index('data-file="' + str(folder / "json" / "education-2023.json")) :]
    section = section[: section.index("</section>")]
    links = set(re.findall(r'href="#([^"]+)"', section))
    anchors = set(re.findall(r'id="([^"]+)"', section))
    assert links and links <= anchors
    assert any(a.endswith("-cell-applications.new.total") for a in anchors)
    assert "<td><code>applications.results.other</code></td><td>三、本年度办理结果 › （六）其他处理</td>" in section
    assert re.search(
        r'-cell-applications\.new\.total"><td><code>applications\.new\.total</code></td><td>[^<]+</td>'
        r'<td class="dr-num">4</td>',
        section,
    )


def test_largest_changes_come_from_compare(site: tuple[Path, Path, str]) -> None:
    _, _, html = site
    rows = re.findall(r'<tr data-agency="([^"]+)">', html)
    assert rows == ["盘州市乡村振兴局", "沭阳县人民政府"]  # 0 → 3 (from zero) before 813 → 713
    figures = dict(FIGURE.findall(html))
    assert figures["carry:沭阳县人民政府"] == "3"  # X-CARRY natural_person and total, X-IN-FORCE
    assert "813 → 713 (-100, -12.3%)" in html


def test_charts_are_inline_svg_with_text_kept_as_text(site: tuple[Path, Path, str]) -> None:
    _, _, html = site
    svgs = re.findall(r"<svg .*?</svg>", html, re.S)
    assert [name for svg in svgs for name in re.findall(r'<svg [^>]*data-chart="(\w+)"', svg)] == [
        "rules",
        "outcomes",
        "trends",
    ]
    assert all("<text" in s and "<path d=" in s for s in svgs)
    assert "办理结果" in svgs[1] and "地区合计" in svgs[2]
    assert "<image" not in html and "src=" not in html and "<link" not in html and "<script" not in html
    assert "Date" not in html and "dc:date" not in html


def test_page_is_deterministic(site: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, _, html = site
    again, _ = build_site([folder], tmp_path / "again", region="测试市")
    assert again.read_text(encoding="utf-8") == html


def test_without_matplotlib_the_page_says_how_to_get_charts(
    site: tuple[Path, Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _, _ = site
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib → ImportError
    assert not charts.available()
    index, _ = build_site([folder], tmp_path / "plain", region="测试市")
    html = index.read_text(encoding="utf-8")
    assert "<svg" not in html
    assert html.count("pip install &#x27;disclosure-report[charts]&#x27;") == 3
    _check_figures({k: unescape(v) for k, v in FIGURE.findall(html)}, folder)


def test_duplicates_are_summed_once_and_named(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("one.json", "two.json"):
        shutil.copy(EXAMPLES / "shuyang-county-gov-2025.json", tmp_path / "a" / name)
    index, corpus = build_site([tmp_path / "a"], tmp_path / "site")
    html = index.read_text(encoding="utf-8")
    assert 'data-figure="total:2025:applications.new.total">713<' in html
    assert "1 家单位; 重复（取第一份）: 沭阳县人民政府" in html
    assert len(corpus.entries) == 2


def test_english_page(tmp_path: Path) -> None:
    index, _ = build_site([EXAMPLES / "shuyang-county-gov-2025.json"], tmp_path / "en", region="Shuyang", lang="en")
    html = index.read_text(encoding="utf-8")
    assert "<title>Shuyang: annual reports at a glance</title>" in html and "one year only: no trend" in html


def test_cli_writes_the_page_and_exits_like_validate(
    site: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _, _ = site
    assert (
        main(["report", str(folder), "-o", str(tmp_path / "out"), "--region", "测试市", "--lang", "en"]) == 1
    )  # errors found
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "8 documents: 7 without errors, 1 with errors, 0 unreadable"
    assert (tmp_path / "out" / "index.html").is_file()
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(EXAMPLES / "shuyang-county-gov-2025.json", clean)
    assert main(["report", str(clean), "-o", str(tmp_path / "clean-site")]) == 0
    (clean / "broken.json").write_text("{", encoding="utf-8")
    assert main(["report", str(clean), "-o", str(tmp_path / "broken-site")]) == 2  # the page still lists it
    assert "无法读取" in (tmp_path / "broken-site" / "index.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x")]) == 2


def test_read_corpus_keeps_reports_and_records() -> None:
    corpus = read_corpus([EXAMPLES])
    assert [e.agency for e in corpus.entries] == ["盘州市乡村振兴局", "上海市人民政府办公厅", "沭阳县人民政府"]
    assert corpus.years == (2019, 2023, 2025)
    assert corpus.summary.failed == 0  # 上海 2019: its blank row totals make （七）总计 not assessable, not wrong
    assert corpus.entries[1].result.counts == {"error": 0, "warning": 24, "info": 1}


# --- in Chromium ------------------------------------------------------------------------------------------------

PROBE = """
<script>
window.addEventListener('load', () => {
  const figures = {};
  for (const el of document.querySelectorAll('[data-figure]')) figures[el.dataset.figure] = el.textContent;
  const charts = Array.from(document.querySelectorAll('svg.dr-chart')).map(svg => ({
    name: svg.dataset.chart,
    texts: Array.from(svg.querySelectorAll('text')).map(t => t.textContent),
    width: svg.getBoundingClientRect().width,
  }));
  const broken = Array.from(document.querySelectorAll('a[href^="#"]'))
    .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
    .filter(id => !document.getElementById(id));
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({figures, charts, broken});
  document.body.appendChild(pre);
});
</script>
"""


@pytest.mark.browser
def test_page_in_chromium(site: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, _, html = site
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Uncaught" not in done.stderr and "net::ERR" not in done.stderr
    dom = done.stdout
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    probe = json.loads(unescape(dom[start : dom.index("</pre>", start)]))
    assert probe["broken"] == []
    assert [c["name"] for c in probe["charts"]] == ["rules", "outcomes", "trends"]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert all(c["width"] > 200 and any(cjk.search(t) for t in c["texts"]) for c in probe["charts"])
    _check_figures(probe["figures"], folder)
