"""compare(): two reports of one agency — changed cells, carry-over checks, notable changes — and the CLI verb."""

from __future__ import annotations

import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from disclosure_report import BLANK, compare, dump, load, new_report, replace_value, validate
from disclosure_report.cli import main
from disclosure_report.corpus.compare import rank_key
from disclosure_report.corpus.compare.text import comparison_lines
from disclosure_report.formats import get_format
from disclosure_report.model import AnnualReport

ROOT = Path(__file__).parent.parent
PANZHOU = ROOT / "examples" / "panzhou-rural-revitalization-2023.json"
SHANGHAI = ROOT / "examples" / "shanghai-gov-office-2019.json"
SHUYANG = ROOT / "examples" / "shuyang-county-gov-2025.json"
REAL = ROOT / "tests" / "fixtures" / "real"


def _year(report: AnnualReport, year: int) -> AnnualReport:
    return attrs.evolve(report, meta=attrs.evolve(report.meta, year=year))


def _next_year(report: AnnualReport) -> AnnualReport:
    """The report rolled on a year, carrying over what it carried forward (so X-CARRY holds)."""
    rolled = _year(report, report.meta.year + 1)
    applications = attrs.evolve(rolled.applications, carried_over=report.applications.carried_forward)
    return attrs.evolve(rolled, applications=applications)


def test_same_report_has_no_changes() -> None:
    report = load(SHUYANG)
    result = compare(report, report)
    assert result.changes == ()
    assert result.compared == len(get_format("2021").cells())  # every cell of the three tables
    assert all(not g.changes for g in result.notable)


def test_changed_cell_has_both_values_difference_and_relative_change() -> None:
    old = load(SHUYANG)
    new = replace_value(_year(old, 2026), "applications.new.natural_person", 846)
    result = compare(old, new)
    (change,) = result.changes
    assert (change.path, change.old, change.new) == ("applications.new.natural_person", 705, 846)
    assert change.difference == 141
    assert change.relative == pytest.approx(0.2)
    assert change.labels == ("一、本年新收政府信息公开申请数量", "申请人情况", "自然人")
    assert change.state == "changed" and not change.summed
    assert result.notes == ()


def test_relative_change_is_none_from_zero_and_blanks_are_never_zero() -> None:
    old = load(PANZHOU)  # every cell 0
    new = replace_value(_year(old, 2024), "applications.new.commercial", 3)
    new = replace_value(new, "review_litigation.review.upheld", BLANK)
    result = compare(old, new)
    from_zero = result.change("applications.new.commercial")
    assert from_zero is not None and from_zero.difference == 3 and from_zero.relative is None
    blank = result.change("review_litigation.review.upheld")
    assert blank is not None and blank.old == 0 and blank.new == BLANK
    assert blank.difference is None and blank.relative is None and blank.state == "now blank"
    assert blank.to_dict()["new"] == {"blank": ""}
    back = compare(new, old).change("review_litigation.review.upheld")
    assert back is not None and back.state == "was blank"


def test_money_cells_keep_decimal_differences() -> None:
    old = load(SHUYANG)
    new = replace_value(_year(old, 2026), "proactive.fees.amount", Decimal("4100.208"))
    (change,) = compare(old, new).changes
    assert change.difference == Decimal("32.000") and change.to_dict()["difference"] == "32.000"
    assert change.relative == pytest.approx(32 / 4068.208)


def test_2019_and_2021_formats_compare_the_cells_both_declare() -> None:
    old = _year(load(SHANGHAI), 2020)
    old = replace_value(old, "applications.results.other.natural_person", 4)
    new = new_report("上海市人民政府办公厅", 2021)
    for key, n in (("overdue_correction", 1), ("unpaid_fee", 2), ("other", 3)):
        new = replace_value(new, f"applications.results.other.{key}.natural_person", n)
    result = compare(old, new)
    paths = {c.path for c in result.changes}
    both = {c.path for c in get_format("2019").cells()} & {c.path for c in get_format("2021").cells()}
    assert paths <= both | {c.path for c in result.changes if c.summed}
    assert "proactive.licensing.decisions" in both and not any(p.startswith("proactive.regulations") for p in paths)
    other = result.change("applications.results.other.natural_person")
    assert other is not None and other.summed
    assert (other.old, other.new, other.difference) == (4, 6, 2)
    assert other.labels[:2] == ("三、本年度办理结果", "（六）其他处理")
    # the 2019 总计 column of （六） is blank: its total is blank, not 0 + the sub-rows
    total = result.change("applications.results.other.total")
    assert total is not None and total.old == BLANK and total.difference is None
    assert any("（六）其他处理" in note and "compared by its column totals" in note for note in result.notes)
    from disclosure_report.corpus.compare import note_text

    assert any("（六）其他处理" in n and "按各列合计比较" in n for n in (note_text(m, "zh") for m in result.notes))


def test_carry_over_checks_are_those_of_validate() -> None:
    old = load(SHUYANG)
    assert not [f for f in compare(old, _next_year(old)).carry_over if f.rule == "X-CARRY"]
    new = replace_value(_next_year(old), "applications.carried_over.natural_person", 5)
    result = compare(old, new)
    expected = [f for f in validate(new, previous=old).findings if f.kind == "cross-year"]
    assert list(result.carry_over) == expected
    carry = [f for f in result.carry_over if f.rule == "X-CARRY"]
    assert [(f.sub_id, f.actual, f.expected) for f in carry] == [("X-CARRY[natural_person]", 5, 31)]


def test_different_agencies_and_years_are_noted() -> None:
    result = compare(load(PANZHOU), load(SHUYANG))
    assert not result.same_agency
    assert result.notes[:2] == (
        "not consecutive years: 2023 → 2025",
        "different agencies: 盘州市乡村振兴局 / 沭阳县人民政府",
    )
    assert [f.rule for f in result.carry_over] == ["X-PREVIOUS"]


def test_an_agency_printed_with_spaces_is_the_same_agency() -> None:
    old = load(SHUYANG)
    spaced = attrs.evolve(old, meta=attrs.evolve(old.meta, agency="沭阳县 人民政府", year=2026))
    result = compare(old, spaced)
    assert result.same_agency
    assert not any("different agencies" in note for note in result.notes)
    assert "X-PREVIOUS" not in [f.rule for f in result.carry_over]


def test_the_notes_are_printed_in_the_language_asked_and_kept_in_english_in_json() -> None:
    import pickle

    from disclosure_report.corpus.compare import note_text
    from disclosure_report.corpus.compare.text import comparison_lines

    result = compare(load(PANZHOU), load(SHUYANG))
    assert [note_text(n, "zh") for n in result.notes[:2]] == [
        "年度不连续：2023 → 2025",
        "机关不同：盘州市乡村振兴局 / 沭阳县人民政府",
    ]
    assert comparison_lines(result, "zh")[1:3] == [
        "说明：年度不连续：2023 → 2025",
        "说明：机关不同：盘州市乡村振兴局 / 沭阳县人民政府",
    ]
    assert comparison_lines(result, "en")[1] == "note: not consecutive years: 2023 → 2025"
    zh_head, en_head = comparison_lines(result, "zh")[0], comparison_lines(result, "en")[0]
    assert zh_head == "盘州市乡村振兴局 2023（格式 2021） → 沭阳县人民政府 2025（格式 2021）"
    assert en_head == "盘州市乡村振兴局 2023 (format 2021) → 沭阳县人民政府 2025 (format 2021)"
    assert result.to_dict()["notes"][:1] == ["not consecutive years: 2023 → 2025"]
    again = pickle.loads(pickle.dumps(result.notes[0]))
    assert (again, note_text(again, "zh")) == ("not consecutive years: 2023 → 2025", "年度不连续：2023 → 2025")


def test_notable_changes_are_ranked_by_relative_change() -> None:
    old = load(SHUYANG)
    new = _year(old, 2026)
    denied = "applications.results.denied"
    new = replace_value(new, f"{denied}.state_secret.total", 1)  # 0 → 1: from zero, first
    new = replace_value(new, f"{denied}.security_stability.total", 0)  # 2 → 0: -100 %
    new = replace_value(new, f"{denied}.process_information.total", 4)  # 2 → 4: +100 %, larger difference
    new = replace_value(new, f"{denied}.administrative_query.total", 18)  # 9 → 18: +100 %, largest difference
    new = replace_value(new, f"{denied}.third_party_rights.total", 3)  # 2 → 3: +50 %
    group = next(g for g in compare(old, new).notable if g.key == "denied")
    assert [c.path.split(".")[3] for c in group.changes] == [
        "state_secret",
        "administrative_query",
        "process_information",
        "security_stability",
        "third_party_rights",
    ]
    assert group.title("en") == "denials by reason"
    changes = compare(old, new).changes
    assert sorted(changes, key=rank_key) == sorted(sorted(changes, key=rank_key), key=rank_key)


def test_json_shape_is_stable() -> None:
    old = load(SHUYANG)
    new = replace_value(_year(old, 2026), "review_litigation.review.upheld", 30)
    data = json.loads(json.dumps(compare(old, new).to_dict(), ensure_ascii=False))
    assert sorted(data) == ["carry_over", "changes", "compared", "new", "notable", "notes", "old"]
    assert data["old"] == {"agency": "沭阳县人民政府", "year": 2025, "format": "2021"}
    (change,) = data["changes"]
    assert change == {
        "path": "review_litigation.review.upheld",
        "labels": ["行政复议", "结果维持"],
        "old": 27,
        "new": 30,
        "difference": 3,
        "relative": 0.111111,
        "state": "changed",
        "summed": False,
    }
    assert [g["key"] for g in data["notable"]] == ["received", "denied", "review_litigation"]


def test_text_in_both_languages() -> None:
    old = load(SHUYANG)
    new = replace_value(_year(old, 2026), "applications.new.natural_person", 846)
    zh = comparison_lines(compare(old, new), "zh")
    assert "一、本年新收政府信息公开申请数量 › 申请人情况 › 自然人: 705 → 846 (+141, +20.0%)" in "\n".join(zh)
    en = comparison_lines(compare(old, new), "en")
    assert "  applications.new.natural_person: 705 → 846 (+141, +20.0%)" in en


# --- the command ------------------------------------------------------------------------------------------------


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old = load(SHUYANG)
    new = replace_value(_next_year(old), "applications.new.natural_person", 846)
    new = replace_value(new, "applications.carried_over.total", 40)
    paths = tmp_path / "2025.json", tmp_path / "2026.json"
    dump(old, paths[0])
    dump(new, paths[1])
    return paths


def test_cli_text_json_and_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _pair(tmp_path)
    assert main(["compare", str(old), str(new), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("沭阳县人民政府 2025 (format 2021) → 沭阳县人民政府 2026 (format 2021)\n")
    assert "warning X-CARRY[total]" in out
    assert main(["compare", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["path"] for c in data["changes"]] == [
        "applications.new.natural_person",
        "applications.carried_over.natural_person",
        "applications.carried_over.total",
    ]


def test_cli_html_page_marks_changed_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _pair(tmp_path)
    page = tmp_path / "page.html"
    assert main(["compare", str(old), str(new), "--html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('data-side="old"') == html.count('data-side="new"') == 3
    assert (
        '<td class="dr-data dr-changed dr-up" id="new-applications.new.natural_person" '
        'data-cell="applications.new.natural_person"' in html
    )
    assert '<span class="dr-old">705</span> → 846</td>' in html
    marked = re.findall(r'<td class="dr-data dr-changed[^"]*" id="(old|new)-([^"]+)"', html)
    changed = ["applications.new.natural_person", "applications.carried_over.natural_person"]
    changed.append("applications.carried_over.total")
    assert sorted(marked) == sorted((side, path) for side in ("old", "new") for path in changed)
    assert "http" not in html.replace('<meta name="viewport"', "")  # nothing fetched


def test_cli_html_needs_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _pair(tmp_path)
    assert main(["compare", str(old), str(new), "--html", "--lang", "en"]) == 2
    assert "-o PAGE.html" in capsys.readouterr().err


def test_cli_reads_published_documents_and_warns_on_other_agency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SHUYANG), str(REAL / "shuyang-county-gov-2025.md"), "--json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "warning: different agencies: 沭阳县人民政府 / 沐阳县人民政府" in captured.err  # the OCR reads 沐阳
    data = json.loads(captured.out)
    assert data["compared"] == 200 and data["changes"] == []  # the reader found every cell as transcribed


def test_cli_2019_published_page_against_2021_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(REAL / "shanghai-gov-office-2019.html"), str(SHUYANG), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"]["format"] == "2019" and data["new"]["format"] == "2021"
    summed = [c for c in data["changes"] if c["summed"]]
    assert {c["path"] for c in summed} >= {"applications.results.other.total"}


def test_cli_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["compare", str(bad), str(SHUYANG)]) == 2
    assert "bad.json" in capsys.readouterr().err


COMPARE_PROBE = """
<script>
window.addEventListener('load', () => {
  const sides = Array.from(document.querySelectorAll('.dr-side')).map(div => {
    const [a, b] = div.querySelectorAll('figure');
    return {old: a.getBoundingClientRect().left, new: b.getBoundingClientRect().left,
            top: [a.getBoundingClientRect().top, b.getBoundingClientRect().top]};
  });
  const changed = Array.from(document.querySelectorAll('td.dr-changed')).map(td => [td.id, td.textContent]);
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({sides, changed});
  document.body.appendChild(pre);
});
</script>
"""


@pytest.mark.browser
def test_compare_page_in_chromium(tmp_path: Path) -> None:
    from html import unescape

    from test_render_browser import CHROMIUM, FLAGS

    old, new = _pair(tmp_path)
    page = tmp_path / "page.html"
    assert main(["compare", str(old), str(new), "--html", "-o", str(page)]) == 0
    probe_page = tmp_path / "probe.html"
    probe_page.write_text(page.read_text(encoding="utf-8").replace("</body>", COMPARE_PROBE + "</body>"), "utf-8")
    args = ["--window-size=1400,1000", "--virtual-time-budget=3000", "--dump-dom", probe_page.as_uri()]
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    probe = json.loads(unescape(dom[start : dom.index("</pre>", start)]))
    assert len(probe["sides"]) == 3
    assert all(s["old"] < s["new"] and s["top"][0] == s["top"][1] for s in probe["sides"])  # side by side
    assert ["new-applications.new.natural_person", "705 → 846"] in probe["changed"]
    assert ["old-applications.new.natural_person", "705"] in probe["changed"]
    assert len(probe["changed"]) == 6
