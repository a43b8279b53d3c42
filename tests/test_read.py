"""Readers: registry and detection, render → read round trips, hostile input, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, Blank, DisclosureReportError, cell_values, load, new_report, render
from disclosure_report.cli import main
from disclosure_report.read import (
    NotAnAnnualReportError,
    ReadError,
    UnsupportedFormatError,
    available_readers,
    detect,
    read,
)
from strategies import for_class

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
FIXTURES = ROOT / "tests" / "fixtures" / "real"
ROUND_TRIP = ("text", "markdown", "html", "docx", "json")


def test_readers_are_registered_and_detected_by_content() -> None:
    assert available_readers() == ["docx", "html", "json", "markdown", "pdf", "text", "xlsx"]
    assert detect((FIXTURES / "huaian-hongze-district-2024.pdf").read_bytes()) == "pdf"
    assert detect((FIXTURES / "shanghai-gov-office-2019.html").read_bytes()) == "html"
    assert detect((FIXTURES / "shuyang-county-gov-2025.md").read_bytes()) == "markdown"
    assert detect((FIXTURES / "pingtan-2021.txt").read_bytes(), ".txt") == "text"
    assert detect((ROOT / "examples" / "shuyang-county-gov-2025.json").read_bytes()) == "json"
    assert detect(bytes(render(load(EXAMPLES[0]), "docx"))) == "docx"


def _comparable(report: AnnualReport) -> AnnualReport:
    """What every renderer carries: all cells, the format, and the metadata it prints."""
    return attrs.evolve(report, meta=attrs.evolve(report.meta, scope=None, contact=None))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", ROUND_TRIP)
def test_render_then_read_gives_the_same_tables_and_metadata(example: Path, name: str) -> None:
    report = load(example)
    out = render(report, name)
    result = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=name)
    got = result.report
    assert result.warnings == ()
    assert cell_values(got) == cell_values(report)
    assert (got.format, got.meta.agency, got.meta.year, got.meta.title, got.meta.published_on, got.meta.period) == (
        report.format,
        report.meta.agency,
        report.meta.year,
        report.meta.title,
        report.meta.published_on,
        report.meta.period,
    )
    if name in ("json",):
        assert got == report
    else:
        assert got.problems == report.problems or name == "markdown"


words = st.sampled_from(["主动公开", "政府信息", "办理", "申请", "工作", "加强", "平台建设", "规范"])
sentences = st.lists(words, min_size=1, max_size=6).map(lambda ws: "".join(ws) + "。")


@st.composite
def table_reports(draw: st.DrawFn) -> AnnualReport:
    """Reports with random tables (every cell kind, blanks, both formats and layouts) and plain metadata."""
    from disclosure_report import PROACTIVE_CLASSES, new_report

    version = draw(st.sampled_from(sorted(PROACTIVE_CLASSES)))
    year = 2023 if version == "2021" else 2020
    base = new_report("某市某局", year)
    from disclosure_report.model import Applications, ReviewLitigation

    return attrs.evolve(
        base,
        proactive=draw(for_class(PROACTIVE_CLASSES[version])),
        applications=draw(for_class(Applications)),
        review_litigation=draw(for_class(ReviewLitigation)),
        problems=draw(sentences),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table_reports(), st.sampled_from(ROUND_TRIP))
def test_round_trip_over_generated_tables(report: AnnualReport, name: str) -> None:
    if hasattr(report.proactive, "procurement"):
        unit = report.proactive.procurement.amount_unit  # type: ignore[union-attr]
        if unit is not None and unit not in ("元", "万元", "亿元"):
            report = attrs.evolve(
                report,
                proactive=attrs.evolve(
                    report.proactive, procurement=attrs.evolve(report.proactive.procurement, amount_unit="元")
                ),
            )  # type: ignore[union-attr]
    out = render(report, name)
    got = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=name).report
    assert cell_values(got) == cell_values(report)
    assert got.problems == report.problems


# --- whole reports -----------------------------------------------------------------------------------------------

pieces = st.sampled_from(
    [
        "主动公开",
        "政府信息",
        "依申请",
        "工作",
        "加强",
        "平台建设",
        "规范",
        "A&B",
        "<b>",
        "&lt;",
        "1.",
        "#",
        "*",
        "_",
        "\\",
        "|",
    ]
)
publishable = st.lists(pieces, min_size=1, max_size=6).map(lambda ws: "".join(ws) + "。")
"""A sentence as reports print them (the special characters of HTML and Markdown among the words)."""
paragraph = st.lists(publishable, min_size=1, max_size=3).map("".join)
narrative = st.lists(paragraph, max_size=3).map("\n".join)
"""Narrative as published: paragraphs on lines of their own, no blank or padded lines."""
plain = (
    st.text(alphabet=st.sampled_from(list("某市局区县办公室 <&>（）0123456789-@.")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def whole_reports(draw: st.DrawFn) -> AnnualReport:
    """Every part of a report: metadata (scope, contact, period), narrative, typed blocks, tables, closing."""
    from disclosure_report import PROACTIVE_CLASSES, Meta, new_report
    from disclosure_report.model import (
        Applications,
        Contact,
        FeeCollection,
        OtherMatters,
        Overview,
        ReviewLitigation,
        TextBlock,
    )
    from strategies import periods

    version = draw(st.sampled_from(sorted(PROACTIVE_CLASSES)))
    year = draw(st.integers(2021, 2030) if version == "2021" else st.integers(2019, 2020))
    agency = draw(st.sampled_from(["某市某局", "某县人民政府办公室", "A&B<局>"]))
    meta = Meta(
        agency=agency,
        year=year,
        title=draw(st.none() | st.just(f"{agency}{year}年度政府信息公开工作年度报告") | st.just("关于政务公开的报告")),
        published_on=draw(st.none() | st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31))),
        period=draw(st.none() | periods),
        scope=draw(st.none() | st.sampled_from(["agency", "government_own", "region_aggregate"])),
        contact=draw(st.none() | st.builds(Contact, **{k: st.none() | plain for k in attrs.fields_dict(Contact)})),
    )
    fees = st.builds(
        FeeCollection,
        collected=st.just(True),
        amount_yuan=st.integers(1, 10**6).map(Decimal),
        cases=st.none() | st.integers(1, 99),
        basis=st.none() | st.sampled_from(["按件", "按量"]),
    ) | st.just(FeeCollection(collected=False))
    report = new_report(agency, year)
    return attrs.evolve(
        report,
        meta=meta,
        preamble=draw(narrative),
        overview=Overview(
            intro=draw(narrative),
            **{k: draw(narrative) for k in ("proactive", "on_request", "management", "platforms", "oversight")},
            extra=tuple(
                draw(st.lists(st.builds(TextBlock, heading=st.just("（六）其他工作"), text=paragraph), max_size=1))
            ),
        ),
        proactive=draw(for_class(PROACTIVE_CLASSES[version], procurement=_procurements())),
        applications=draw(for_class(Applications)),
        review_litigation=draw(for_class(ReviewLitigation)),
        problems=draw(narrative),
        other_matters=OtherMatters(
            text=draw(narrative),
            fees=draw(st.none() | fees) if version == "2021" else None,
            annual_key_tasks=draw(st.none() | paragraph),
        ),
        closing=draw(st.sampled_from(["", f"{agency}\n{year + 1}年1月20日"])),
    )


def _procurements() -> st.SearchStrategy[Any]:
    from disclosure_report.model import Procurement

    units = st.sampled_from(["元", "万元", "亿元"])
    # a unit is printed with its number: a blank amount carries none
    return for_class(Procurement, amount_unit=units).map(
        lambda p: attrs.evolve(p, amount_unit=None) if isinstance(p.amount, Blank) else p
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole_reports(), st.sampled_from(["html", "docx", "markdown", "json"]))
def test_whole_report_round_trip(report: AnnualReport, name: str) -> None:
    """Pages, Word files and Markdown carry everything: what they print, and the metadata record they embed."""
    out = render(report, name)
    result = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=name)
    assert result.report == report
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("written", "changed", "warning"),
    [
        ('"scope":null', '"scope":"nowhere"', "not a valid metadata record"),
        ('"year":2025', '"year":"2025"', "not a valid metadata record"),
        ('"format":"2021"', '"format":"2019"', "for the 2019 format"),
        ("沭阳县人民政府2025年", "某局2025年", "not the title printed"),
    ],
)
def test_an_embedded_record_that_does_not_fit_is_ignored_with_a_warning(
    written: str, changed: str, warning: str
) -> None:
    report = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    report = attrs.evolve(report, meta=attrs.evolve(report.meta, scope=None))
    before, record = render(report, "html").split('id="disclosure-report-meta">', 1)
    record, after = record.split("</script>", 1)
    assert written in record
    result = read(f'{before}id="disclosure-report-meta">{record.replace(written, changed, 1)}</script>{after}'.encode())
    assert [w.message for w in result.warnings if warning in w.message]
    assert cell_values(result.report) == cell_values(report)
    assert (result.report.meta.title, result.report.meta.year) == (report.meta.title, report.meta.year)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole_reports())
def test_whole_report_round_trip_through_plain_text(report: AnnualReport) -> None:
    """Plain text carries what it prints; it has no place out of sight for scope, contact and period."""
    meta = report.meta
    assume(meta.title is None or "年度报告" in meta.title)  # in plain text a title is known by these words
    got = read(str(render(report, "text")).encode("utf-8"), format="text").report
    shown = meta.title or f"{meta.agency}{meta.year}年政府信息公开工作年度报告"  # the title the text prints
    assert got == attrs.evolve(report, meta=attrs.evolve(meta, title=shown, scope=None, contact=None, period=None))


# --- not a report, unsupported, hostile ----------------------------------------------------------------------------


def test_not_an_annual_report() -> None:
    with pytest.raises(NotAnAnnualReportError, match="not a 政府信息公开工作年度报告"):
        read("红烧肉的做法：五花肉切块，冷水下锅焯水。".encode())
    with pytest.raises(NotAnAnnualReportError):
        read(b"<html><body><table><tr><td>1</td></tr></table></body></html>", format="html")


def test_pre_2019_reports_are_refused_clearly() -> None:
    text = "某市审计局2017年政府信息公开工作年度报告\n一、概述\n本年度政府信息公开的收费及减免收费情况：无。\n"
    with pytest.raises(UnsupportedFormatError, match="pre-date the uniform format"):
        read(text.encode())


def test_binary_junk_and_broken_word_files() -> None:
    with pytest.raises(ReadError, match="not a zip archive"):
        read(b"PK\x03\x04 this is not a zip", format="docx")
    with pytest.raises(ReadError, match="not text in UTF-8 or GB18030"):
        read(bytes(range(256)) * 10, format="text")


def test_zip_bomb_in_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>")
    with pytest.raises(ReadError, match="refused"):
        read(buffer.getvalue(), format="docx")


def test_xml_entities_are_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", bomb)
    with pytest.raises(DisclosureReportError):
        read(buffer.getvalue(), format="docx")


def test_span_bombs_in_html_are_refused() -> None:
    page = "<p>某局2023年政府信息公开工作年度报告</p><table><tr><td rowspan=1000 colspan=1000>x</td></tr></table>"
    with pytest.raises(DisclosureReportError):
        read(page.encode(), format="html")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=400).map(str.encode), st.sampled_from(ROUND_TRIP))
def test_hostile_input_gives_only_our_errors(data: bytes, name: str) -> None:
    try:
        read(data, format=name)
    except DisclosureReportError:
        pass


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "一、总体情况",
                "三、收到和处理政府信息公开申请情况",
                "（一）予以公开",
                "1.属于国家秘密",
                "7000007",
                "0",
                "2023年政府信息公开工作年度报告",
                "本年制发件数",
                "四、政府信息公开行政复议、行政诉讼情况",
                "-",
                "无",
                "12,3",
                "第二十条第（一）项",
                "规章",
                "| 1 | 2 |",
                "\t",
                "\n",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_fragments_of_reports_give_a_report_or_our_error(text: str) -> None:
    try:
        read(text.encode(), format="text")
    except DisclosureReportError:
        pass


def test_a_large_text_file_reads_in_bounded_time(tmp_path: Path) -> None:
    seed = (FIXTURES / "panzhou-rural-revitalization-2023.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(seed + ("无关的内容。" * 50 + "\n") * 20_000, encoding="utf-8")
    result = read(big)
    assert result.report.meta.agency == "盘州市乡村振兴局"


# --- CLI -----------------------------------------------------------------------------------------------------------


def test_read_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(FIXTURES / "pingtan-2021.txt")]) == 0
    captured = capsys.readouterr()
    assert '"format": "2021"' in captured.out and "693665" in captured.err
    out = tmp_path / "r.json"
    assert main(["read", str(FIXTURES / "shuyang-county-gov-2025.md"), "-o", str(out)]) == 0
    assert load(out).applications.new.total == 713
    junk = tmp_path / "junk.txt"
    junk.write_text("随便写的内容", encoding="utf-8")
    assert main(["read", str(junk), "--lang", "en"]) == 2
    assert "not a 政府信息公开工作年度报告" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["html", "docx", "markdown", "text"])
def test_the_signature_date_is_the_closings_not_the_publication_date(name: str) -> None:
    """A date line after the body began (under the signature) stays in the closing; only a date printed before the
    first section heading is the publication date (found by hypothesis: a short report's closing date was taken as
    its publication date)."""
    report = attrs.evolve(new_report("某市某局", 2021), closing="某市某局\n2022年1月20日")
    out = render(report, name)
    got = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=name).report
    assert (got.meta.published_on, got.closing) == (None, "某市某局\n2022年1月20日")
    dated = attrs.evolve(report, meta=attrs.evolve(report.meta, published_on=dt.date(2022, 1, 25)))
    out = render(dated, name)
    got = read(out if isinstance(out, bytes) else out.encode("utf-8"), format=name).report
    assert (got.meta.published_on, got.closing) == (dt.date(2022, 1, 25), "某市某局\n2022年1月20日")
