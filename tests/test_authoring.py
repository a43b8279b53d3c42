"""The author's year: start from last year's report, fill cells by path with clear errors, write files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report import (
    BLANK,
    UNREAD,
    get_format,
    iter_cells,
    load,
    loads,
    new_report,
    replace_value,
    validate,
    with_totals,
    write,
)
from disclosure_report.authoring.carry import from_previous
from disclosure_report.cli import main
from disclosure_report.model.paths import CellPathError, CellValueError
from disclosure_report.render import RenderError

ROOT = Path(__file__).parent.parent
SHUYANG = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
SHANGHAI_2019 = load(ROOT / "examples" / "shanghai-gov-office-2019.json")
FIXTURES = ROOT / "tests" / "fixtures" / "real"


def test_start_from_last_year_carries_what_the_format_ties_across_years() -> None:
    r = new_report("沭阳县人民政府", 2026, previous=SHUYANG)
    assert (r.format, r.meta.year, r.meta.scope, r.meta.contact) == ("2021", 2026, SHUYANG.meta.scope, None)
    assert r.applications.carried_over == SHUYANG.applications.carried_forward
    for key in ("regulations", "normative_documents"):
        assert getattr(r.proactive, key).in_force == getattr(SHUYANG.proactive, key).in_force
        assert getattr(r.proactive, key).issued == 0
    # everything else is new: zero, and the narrative empty
    assert r.applications.new.total == 0 and r.review_litigation.review.total == 0
    assert r.overview.proactive == "" and r.other_matters.text == ""
    assert "2026年1月1日至2026年12月31日" in r.preamble and "2025年" not in r.preamble
    # the cross-year rules check what was carried: nothing to report
    assert not [f for f in validate(r, previous=SHUYANG).findings if f.rule.startswith("X-")]


def test_carried_cells_stay_checked_when_edited() -> None:
    r = from_previous(SHUYANG)
    edited = replace_value(r, "applications.carried_over.natural_person", 30)
    assert "X-CARRY[natural_person]" in [f.sub_id for f in validate(edited, previous=SHUYANG).findings]


def test_across_the_2019_to_2021_boundary_and_within_2019() -> None:
    r2021 = new_report(SHANGHAI_2019.meta.agency, 2021, previous=SHANGHAI_2019)
    assert r2021.format == "2021"
    assert r2021.applications.carried_over == SHANGHAI_2019.applications.carried_forward  # blanks stay blank
    r2020 = from_previous(SHANGHAI_2019)
    assert (r2020.format, r2020.meta.year) == ("2019", 2020)
    before = SHANGHAI_2019.proactive.licensing
    assert r2020.proactive.licensing.prev_count == before.prev_count + before.delta
    assert not [f for f in validate(r2020, previous=SHANGHAI_2019).findings if f.rule in ("X-CARRY", "X-ITEMS")]


def test_a_previous_report_must_be_earlier() -> None:
    with pytest.raises(ValueError, match="must be for a later year"):
        new_report("沭阳县人民政府", 2025, previous=SHUYANG)


def test_new_previous_from_the_command_line_reads_any_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2026.json"
    assert main(["new", "--previous", str(FIXTURES / "shuyang-county-gov-2025.md"), "-o", str(out)]) == 0
    r = loads(out.read_bytes())
    assert (r.meta.year, r.applications.carried_over.total) == (2026, 31)
    assert main(["new", "--previous", str(tmp_path / "missing.json")]) == 2
    assert "missing.json" in capsys.readouterr().err
    assert main(["new", "--agency", "某局"]) == 2


def test_cells_to_fill_are_listed_with_their_labels() -> None:
    cells = [(cell.path, cell.labels) for cell, _ in iter_cells(new_report("某局", 2025))]
    assert cells[0] == ("proactive.regulations.issued", ("第二十条第（一）项", "规章", "本年制发件数"))
    assert len(cells) == len(get_format("2021").cells())


@pytest.mark.parametrize(
    ("given", "stored"), [(12, Decimal(12)), ("12.5", Decimal("12.5")), (Decimal("3.1"), Decimal("3.1"))]
)
def test_money_is_stored_as_decimal(given: object, stored: Decimal) -> None:
    value = replace_value(new_report("某局", 2025), "proactive.fees.amount", given).proactive.fees.amount
    assert type(value) is Decimal and value == stored


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("proactive.fees.amount", 12.5, "a float cannot hold money exactly"),
        ("proactive.fees.amount", "abc", 'found "abc" (a string)'),
        ("applications.new.natural_person", "12", "pass int(...) of it"),
        ("applications.new.natural_person", -1, "expected a whole number ≥ 0"),
        ("applications.new.natural_person", True, "(a boolean)"),
        ("meta.year", "2024", "meta.year: cannot hold"),
    ],
)
def test_wrong_values_name_the_cell_and_its_labels(path: str, value: object, message: str) -> None:
    with pytest.raises(CellValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")) as e:
        replace_value(new_report("某局", 2025), path, value)
    assert path in str(e.value)


def test_a_mistyped_path_says_what_was_meant() -> None:
    with pytest.raises(CellPathError) as e:
        replace_value(new_report("某局", 2025), "applications.new.natual_person", 1)
    assert e.value.suggestions[0] == "applications.new.natural_person"
    assert "did you mean 'applications.new.natural_person'" in str(e.value)
    assert isinstance(e.value, KeyError)


def test_narrative_blank_and_unread_are_set_by_path_like_a_cell() -> None:
    r = replace_value(new_report("某局", 2025), "overview.proactive", "本年度主动公开政府信息100条。")
    r = replace_value(r, "applications.new.commercial", BLANK)
    r = replace_value(r, "applications.new.research", UNREAD)
    assert r.overview.proactive.startswith("本年度") and r.applications.new.commercial == BLANK
    assert r.applications.new.research == UNREAD


@pytest.mark.parametrize(("agency", "year", "message"), [("某局", "2024", r"int\('2024'\)"), (3, 2024, "agency")])
def test_wrong_argument_types_get_a_clear_error(agency: object, year: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        new_report(agency, year)  # type: ignore[arg-type]


def test_write_picks_the_renderer_by_suffix_and_writes_utf8(tmp_path: Path) -> None:
    report = SHUYANG
    html = write(report, tmp_path / "r.html")
    assert html.read_bytes().decode("utf-8").count("沭阳县人民政府") >= 1
    md = write(report, tmp_path / "r.txt", "markdown")
    assert "\n# 沭阳县人民政府2025年政府信息公开工作年度报告" in md.read_text(encoding="utf-8")
    docx = write(report, tmp_path / "r.docx")
    assert docx.read_bytes()[:2] == b"PK"
    with pytest.raises(RenderError, match=r"no renderer writes '\.xyz'"):
        write(report, tmp_path / "r.xyz")


def test_the_readme_draft_validates(tmp_path: Path) -> None:
    draft = new_report("某市某局", 2025, scope="agency")
    draft = replace_value(draft, "applications.new.natural_person", 3)
    draft = replace_value(draft, "applications.results.granted.natural_person", 3)
    draft = replace_value(draft, "other_matters.text", "本机关本年度未收取信息处理费。")
    draft = with_totals(draft)
    result = validate(draft)
    assert result.ok and result.counts == {"error": 0, "warning": 0, "info": 0}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'replace_value(draft, "applications.results.granted.natural_person", 3)' in readme
    assert 'write(draft, "draft.html")' in readme
