"""Out-of-range numbers are refused at load, located, in bounded time and memory; the schema says the same bounds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import run_bounded
from disclosure_report import DocumentError, dumps, load, loads, new_report
from disclosure_report.cli import main
from disclosure_report.jsonio.fast import PARSERS, try_loads
from disclosure_report.jsonio.schema import report_schema
from disclosure_report.model.cells import MAX_COUNT, count_in_range, money_in_range
from disclosure_report.zh.amounts import format_wan, wan_to_yuan
from disclosure_report.zh.errors import ZhParseError

EXAMPLE = Path(__file__).parent.parent / "examples" / "shuyang-county-gov-2025.json"
AMOUNT = '"amount": 4068.208'
TOTAL = "proactive.fees.amount"


def _with_amount(number: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert AMOUNT in text
    return text.replace(AMOUNT, f'"amount": {number}')


def _with_count(number: str) -> str:
    data = json.loads(dumps(new_report("某局", 2023)))
    data["applications"]["new"]["natural_person"] = "@@"
    return json.dumps(data, ensure_ascii=False).replace('"@@"', number)


def _problem(text: str) -> Any:
    with pytest.raises(DocumentError) as info:
        loads(text)
    assert len(info.value.problems) == 1, info.value
    return info.value.problems[0]


@pytest.mark.parametrize(
    "number", ["1e999999999", "1E+18", "1000000000000000000", "0.0000001", "1.0000000", "1e-999999999", "-0.5"]
)
def test_an_amount_out_of_range_is_refused_at_its_cell(number: str) -> None:
    p = _problem(_with_amount(number))
    assert p.json_path == "$." + TOTAL and p.cell_path == TOTAL
    assert "18 integer digits and 6 decimal places" in p.expected


@pytest.mark.parametrize("number", ["999999999999999999.999999", "0.000001", "1E+17", "0"])
def test_an_amount_in_range_is_kept_as_written(number: str) -> None:
    assert loads(_with_amount(number)).proactive.fees.amount == Decimal(number)


@pytest.mark.parametrize("number", [str(MAX_COUNT + 1), "1e999999999", "1e15", "10" + "0" * 399])
def test_a_count_out_of_range_is_refused_at_its_cell(number: str) -> None:
    p = _problem(_with_count(number))
    assert p.cell_path == "applications.new.natural_person"
    assert p.expected.startswith("a whole number ≥ 0 of at most 15 digits")
    assert len(p.found) < 80


def test_the_largest_count_loads() -> None:
    assert loads(_with_count(str(MAX_COUNT))).applications.new.natural_person == MAX_COUNT


def test_a_fee_count_and_amount_in_yuan_are_bounded_too() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert '"amount_yuan": 380' in text
    with pytest.raises(DocumentError) as info:
        loads(text.replace('"amount_yuan": 380', '"amount_yuan": 1e40'))
    assert [p.json_path for p in info.value.problems] == ["$.other_matters.fees.amount_yuan"]


@settings(max_examples=50, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_money_in_range_agrees_with_its_definition(d: Decimal) -> None:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    assert money_in_range(d) == (0 <= d < 10**18 and exponent >= -6)


@settings(max_examples=50, deadline=None)
@given(st.integers())
def test_count_in_range_agrees_with_the_schema(n: int) -> None:
    cell = report_schema("2021")["properties"]["applications"]["properties"]["new"]["properties"]["total"]
    bound = cell["anyOf"][0]
    assert count_in_range(n) == (bound["minimum"] <= n <= bound["maximum"])


def test_the_schema_bounds_amounts() -> None:
    fee = report_schema("2021")["properties"]["proactive"]["properties"]["fees"]["properties"]["amount"]
    assert fee["anyOf"][0] == {"type": "number", "minimum": 0, "exclusiveMaximum": 10**18}
    assert "6 decimal places" in fee["description"]


def test_amount_formatting_never_expands_a_huge_exponent() -> None:
    with pytest.raises(ZhParseError, match="more than 1000 digits"):
        format_wan(Decimal("1e999999999"))
    with pytest.raises(ZhParseError, match="more than 1000 digits"):
        wan_to_yuan("1e-999999999")
    assert format_wan(Decimal("999999999999999999.999999")) == "999,999,999,999,999,999.999999"


def test_loading_and_rendering_hostile_numbers_is_bounded() -> None:
    code = f"""
import time
from pathlib import Path
from disclosure_report import DocumentError, loads, render
text = Path({str(EXAMPLE)!r}).read_text(encoding="utf-8")
for bad in ("1e999999999", "9" * 4000, "1e-999999999"):
    try:
        loads(text.replace({AMOUNT!r}, '"amount": ' + bad))
    except DocumentError as e:
        assert "proactive.fees.amount" in str(e)
    else:
        raise SystemExit("accepted " + bad[:20])
report = loads(text.replace({AMOUNT!r}, '"amount": 999999999999999999.999999'))
for name in ("html", "markdown", "text", "json"):
    assert "999" in render(report, name)
print("ok")
"""
    out, elapsed = run_bounded(code, seconds=30, megabytes=1024)
    assert out.strip() == "ok"
    assert elapsed < 30


def test_a_count_of_thousands_of_digits_is_located_in_the_documents_terms() -> None:
    p = _problem(_with_count("9" * 5000))
    assert p.cell_path == "applications.new.natural_person"
    assert p.found == "a whole number of 5000 digits"
    assert "set_int_max_str_digits" not in p.message


def test_a_year_of_thousands_of_digits_is_located() -> None:
    text = _with_count("1").replace('"year": 2023', '"year": ' + "2" * 4500)
    p = _problem(text)
    assert p.json_path == "$.meta.year" and p.found == "a whole number of 4500 digits"


@pytest.mark.parametrize(
    ("nest", "path"),
    [
        (lambda inner: '"agency": ' + "[" * 100_000 + "]" * 100_000, "$.meta.agency" + "[0]" * 30),
        (lambda inner: '"agency": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000, "$.meta.agency" + ".a" * 30),
    ],
    ids=["arrays", "objects"],
)
def test_json_nested_100k_deep_is_located(nest: Any, path: str) -> None:
    text = _with_count("1").replace('"agency": "某局"', nest(None))
    p = _problem(text)
    assert p.json_path == path
    assert p.expected.startswith("JSON nested at most 32 levels deep")
    assert p.line is not None and p.column is not None
    assert "recursion" not in p.message


@pytest.mark.parametrize(("number", "ok"), [(-MAX_COUNT, True), (MAX_COUNT, True), (-MAX_COUNT - 1, False)])
def test_a_signed_cell_is_bounded_both_ways(number: int, ok: bool) -> None:
    shanghai = Path(__file__).parent.parent / "examples" / "shanghai-gov-office-2019.json"
    data = json.loads(shanghai.read_text(encoding="utf-8"))
    data["proactive"]["licensing"]["delta"] = number
    text = json.dumps(data, ensure_ascii=False)
    if ok:
        assert loads(text).proactive.licensing.delta == number  # type: ignore[union-attr]
    else:
        assert _problem(text).cell_path == "proactive.licensing.delta"


@pytest.mark.parametrize("number", ["1E1000000000000000000", "-1e99999999999999999999", "1.5e-99999999999999999999"])
def test_a_number_whose_exponent_no_decimal_holds_is_a_located_problem(number: str, tmp_path: Path) -> None:
    """Decimal itself raises decimal.InvalidOperation (no ValueError) on such an exponent: it reached the caller of
    loads as that traceback, through either parser. Now a document problem at its line and column, by each path
    (text, bytes, a file, the standard parser alone)."""
    text = _with_amount(number)
    line = text[: text.index(number)].count("\n") + 1
    column = text.index(number) - text.rfind("\n", 0, text.index(number))
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    for attempt in (lambda: loads(text), lambda: loads(text.encode()), lambda: load(path)):
        with pytest.raises(DocumentError) as info:
            attempt()
        [problem] = info.value.problems
        assert (problem.line, problem.column) == (line, column)
        assert problem.found == f"the number {number}, whose exponent is out of any decimal's range"
    assert try_loads(text, [PARSERS["json"]]) is None  # the standard parser refuses it as the parsers refuse
    assert main(["validate", str(path)]) == 2


@pytest.mark.parametrize("digits", [16, 4_301, 1_000_000])
def test_a_printed_number_of_any_length_leaves_its_cell_unread(digits: int) -> None:
    """A published text with a figure of 16 digits, or more than Python converts (4,300), or a million: that cell
    is unread with a located warning showing the start of it — no traceback, no other cell lost, in bounded time."""
    from disclosure_report import read

    fixture = Path(__file__).parent / "fixtures" / "real" / "panzhou-rural-revitalization-2023.txt"
    lines = fixture.read_text(encoding="utf-8").split("\n")
    assert lines[82] == "\t0"  # 一、本年新收 › 商业企业
    lines[82] = "\t" + "9" * digits
    result = read("\n".join(lines).encode("utf-8"), format="text")
    report = result.report
    assert report.applications.new.commercial.__class__.__name__ == "Unread"
    assert report.applications.new.natural_person == 0 and report.applications.new.research == 0
    (warning,) = [w for w in result.warnings if w.cell_path == "applications.new.commercial"]
    shown = "9" * 16 if digits == 16 else "9" * 37 + "..."
    assert str(warning) == (
        f"line 83: '{shown}' is out of range: expected a whole number ≥ 0 of at most 15 digits; the cell is left unread"
        " [applications.new.commercial]"
    )


@pytest.mark.parametrize(
    ("parse", "text", "what"),
    [
        ("parse_int", "9" * 5000, "a number"),
        ("parse_int", "九" * 5000, "a number"),
        ("parse_date", "二" + "〇" * 5000 + "年1月1日", "a date"),
        ("parse_amount", "九" * 5000 + "元", "an amount"),
    ],
)
def test_zh_refuses_a_number_of_thousands_of_characters(parse: str, text: str, what: str) -> None:
    """Never converted: Python's int() refuses over 4,300 digits with a ValueError about the interpreter."""
    import disclosure_report.zh as zh

    with pytest.raises(ZhParseError) as caught:
        getattr(zh, parse)(text)
    assert str(caught.value) == f"cannot read '{text[:37]}...' as {what}: more than 1000 characters"
    with pytest.raises(ZhParseError, match="more than 1000 digits before or after the point"):
        zh.parse_amount("9" * 5000 + "元")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("2023年1月1日", "二" + "〇" * 50_000 + "年1月1日"),  # the statistics period, in Chinese digits
        ("未收到政府信息公开申请", "收到政府信息公开申请" + "九" * 50_000 + "件"),  # a figure in the prose
        ("未收到政府信息公开申请", "收到政府信息公开申请" + "9" * 100_000 + "件"),
    ],
)
def test_a_huge_number_in_the_text_is_passed_over(old: str, new: str) -> None:
    from disclosure_report import read, validate

    fixture = Path(__file__).parent / "fixtures" / "real" / "panzhou-rural-revitalization-2023.txt"
    text = fixture.read_text(encoding="utf-8").replace(old, new)
    report = read(text.encode("utf-8"), format="text").report
    assert report.meta.agency == "盘州市乡村振兴局" and report.applications.new.total == 0
    assert validate(report).counts["error"] == 0


def test_parts_of_a_date_beyond_any_integer_type_are_a_zh_parse_error() -> None:
    from disclosure_report.zh import parse_date

    with pytest.raises(ZhParseError) as caught:
        parse_date("2023年1月" + "9" * 30 + "日")  # OverflowError from datetime.date, before
    assert str(caught.value).endswith("as a date: unexpected '9' at position 7 (a number too large for a date)")


def test_a_figure_padded_with_thousands_of_zeros_is_read() -> None:
    from disclosure_report.read.values import parse_value

    # int() counts leading zeros against its 4,300 digits: a ValueError traceback, before
    assert parse_value("0" * 5000 + "17", "count") == (17, None, None)
    assert parse_value("0" * 5000, "count") == (0, None, None)


_REAL = Path(__file__).parent / "fixtures" / "real"
_LONG_RUNS = [
    "9" * 5000,
    "0" * 5000 + "1",
    "九" * 5000,
    "〇" * 3000,
    "一" * 2000 + "万",
    "1." + "5" * 5000,
    "9" * 30 + "万元",
    "第" + "9" * 5000 + "页",
    "2023年1月1日至" * 200,
    "二〇二三年十三月四十日",
    "１" * 30,
    "\t" * 200,
    "|" * 500,
]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["panzhou-rural-revitalization-2023.txt", "pingtan-2021.txt", "shuyang-county-gov-2025.md"]),
    splices=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(_LONG_RUNS), st.sampled_from([0, 1, 5, 20])), min_size=1, max_size=3
    ),
)
def test_long_runs_spliced_into_a_published_report_never_crash(
    name: str, splices: list[tuple[float, str, int]]
) -> None:
    """Runs of digits, numerals and marks far longer than any report prints, anywhere in a real report: read and
    validate give a report or a located error (DisclosureReportError) — never another exception."""
    from disclosure_report import DisclosureReportError, read, validate

    text = (_REAL / name).read_text(encoding="utf-8")
    for where, run, cut in splices:
        at = int(where * (len(text) - 1))
        text = text[:at] + run + text[at + cut :]
    try:
        validate(read(text.encode("utf-8"), format="markdown" if name.endswith(".md") else "text").report)
    except DisclosureReportError:
        pass
