"""The shortcuts that make reading fast keep their shape: they are taken where they should be, give what the
general path gives, and remember only a bounded amount. No timing here — the benchmark measures."""

from __future__ import annotations

import importlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from disclosure_report import UNREAD, Blank, cell_values, load, render
from disclosure_report.formats import get_format
from disclosure_report.read import read
from disclosure_report.read.notes import Notes
from disclosure_report.read.table_cells import TableCells
from strategies import DAMAGE, damaged, reports

ROOT = Path(__file__).parent.parent
REPORTS = [load(ROOT / "examples" / f"{name}.json") for name in ("shuyang-county-gov-2025", "shanghai-gov-office-2019")]

assemble = importlib.import_module("disclosure_report.read.assemble")
format_version = importlib.import_module("disclosure_report.read.format_version")
narrative = importlib.import_module("disclosure_report.read.narrative")
place = importlib.import_module("disclosure_report.read.place")
row_text = importlib.import_module("disclosure_report.read.row_text")
tables = importlib.import_module("disclosure_report.read.tables")
text = importlib.import_module("disclosure_report.read.text")


def _text(report: Any) -> bytes:
    return str(render(report, "text")).encode("utf-8")


@pytest.mark.parametrize("report", REPORTS, ids=["2021", "2019"])
def test_a_rendered_report_is_built_by_the_fast_path(report: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data the reader builds is whole (every key of the model), so the fast structuring path accepts it and
    the strict one is never needed for a clean document."""

    def strict(*_: Any, **__: Any) -> None:
        raise AssertionError("the strict path was taken")

    monkeypatch.setattr(assemble, "structure", strict)
    result = read(_text(report), format="text")
    assert cell_values(result.report) == cell_values(report)
    assert result.report.other_matters == report.other_matters


def test_only_cells_that_are_not_plain_digits_go_through_parse_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row of plain ASCII digits is set as parse_value would set it, without asking it cell by cell."""
    report = REPORTS[0]
    asked: list[str] = []
    parse_value = tables.parse_value

    def counting(text: str, kind: Any) -> Any:
        asked.append(text)
        return parse_value(text, kind)

    monkeypatch.setattr(tables, "parse_value", counting)
    result = read(_text(report), format="text")
    assert cell_values(result.report) == cell_values(report)
    shown = [str(v) for v in cell_values(report).values() if not (type(v) is int and v >= 0)]
    assert sorted(asked) == sorted(shown)  # the money cell (4068.208) and the blanks, nothing else


def test_a_narrative_line_makes_no_table_event() -> None:
    """Paragraphs in a table's section hold no label and no value the table reader would act on."""
    table = get_format("2021").tables[1]
    assert row_text.line_items(table, "本机关高度重视政府信息公开工作，严格落实各项制度要求。") == ()
    row = "自然人 3  商业企业 0  科研机构 0  社会公益组织 0  法律服务机构 0  其他 0  总计 3"
    values = ("3", "0", "0", "0", "0", "0", "3")
    assert row_text.line_items(table, row) == ((values, (False,) * 7, values),)  # plain digits: placed whole
    marked = row.replace("商业企业 0", "商业企业 -")
    assert row_text.line_items(table, marked)[0][2] is None  # a mark: its row is read cell by cell


def test_tokens_made_in_c_are_tokens() -> None:
    made = list(row_text.make_tokens(("1", "-"), 7, (False, True)))
    assert made == [row_text.Token("1", 7, False), row_text.Token("-", 7, True)]
    assert all(type(t) is row_text.Token for t in made) and made[1].own_cell


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_the_table_plans_make_the_empty_reports_tables(version: str) -> None:
    """With no cell found, every table is built in every layout it may take, every cell unread."""
    fmt = get_format(version)
    for table in fmt.tables:
        for alt in (None, *table.alternatives):
            found = TableCells()
            if alt is not None:
                found.layouts[table.key] = alt.key
            data: dict[str, Any] = {}
            notes = Notes()
            place.place_cells(fmt, found, notes, data)
            rows = table.rows_with(alt)
            node_count = 0
            for row in rows:
                node = data[table.key]
                for key in row.path:
                    node = node[key]
                assert all(node[c.key] == {"unread": True} for c in row.columns.columns)
                node_count += 1
            assert node_count == len(rows) and notes.warnings


def test_a_marker_printed_as_declared_is_found_without_normalising(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_: str) -> str:
        raise AssertionError("normalised")

    haystack = format_version.Haystack(["二、主动公开政府信息情况", "本年制发件数 3  本年废止件数 0"])
    monkeypatch.setattr(format_version, "normalise", refuse)
    assert "本年制发件数" in haystack and "主动公开政府信息情况" in haystack
    monkeypatch.undo()
    assert "本年制发件数" in format_version.Haystack(["本年 制发件数"])  # spaced: found once normalised
    assert "第二十条第(九)项" in format_version.Haystack(["第二十条第（九）项"])


def test_blank_lines_are_left_out_and_lines_keep_their_numbers() -> None:
    lines = text.text_lines("标题\n\n   \n正文\t\n-3-\n甲\t乙")
    assert [(line.text, line.number, line.cells) for line in lines] == [
        ("标题", 1, None),
        ("正文", 4, None),
        ("甲\t乙", 6, ("甲", "乙")),
    ]


def test_the_remembered_answers_are_bounded() -> None:
    assert narrative._short_mark_number.cache_info().maxsize == 1024
    before = narrative._short_mark_number.cache_info().currsize
    assert narrative._mark_number("十" * 40) is None  # too long to remember, and no number
    assert narrative._short_mark_number.cache_info().currsize == before
    assert narrative._mark_number("十二") == 12


def test_a_row_with_a_blank_mark_is_read_cell_by_cell() -> None:
    """Rows with anything but plain digits take the general path, as before: the mark kept, the numbers read."""
    source = _text(REPORTS[0]).decode("utf-8")
    changed = re.sub(r"结果维持 [0-9]+", "结果维持 —", source, count=1)
    assert changed != source
    values = cell_values(read(changed.encode("utf-8"), format="text").report)
    expected = cell_values(REPORTS[0]) | {"review_litigation.review.upheld": Blank("—")}
    assert values == expected


def test_the_characters_fold_skips_fold_to_themselves() -> None:
    """fold() looks only at the characters outside ASCII and the basic block of CJK ideographs: each of those
    folds to itself (checked here for every one, with this Python's Unicode data)."""
    text_module = importlib.import_module("disclosure_report.zh._text")
    for code in (*range(0x80), *range(0x4E00, 0xA000)):
        c = chr(code)
        assert not text_module._MAY_CHANGE.match(c)
        assert unicodedata.normalize("NFKC", c) == c
    mixed = "统计期限为２０２３年１月１日至１２月３１日（共计：１２个月）ﬁ"
    assert text_module.fold(mixed).text == "".join(unicodedata.normalize("NFKC", c) for c in mixed)


@pytest.mark.parametrize("runs", [["1234", "²56"], ["12345", "6³"], ["①234567"]])
def test_digits_that_are_no_decimal_digits_are_never_split(runs: list[str]) -> None:
    """A superscript or a circled number is a digit to str.isdigit() but no number: a run holding one is not
    split under the identities (it was, and int() failed deep inside); its row is left unread with a warning."""
    table = get_format("2021").tables[1]
    row = table.rows[0]
    found, notes = TableCells(), Notes()
    reader = tables._TableReader(table, found, notes)
    reader._place(row, [row_text.Token(t, 5) for t in runs], exact=False)
    assert all(found.cells[path] == UNREAD for _, path in tables.row_paths(table, row))
    assert [w.kind for w in notes.warnings] == ["unplaced"] and notes.warnings[0].line == 5


def _table_reading(lines: list[Any], fmt: Any, row_by_row: bool) -> tuple[Any, ...]:
    sections = importlib.import_module("disclosure_report.read.sections").split_sections(lines, fmt, Notes())
    found, notes = TableCells(), Notes()
    for section in fmt.sections:
        if section.table is None:
            continue
        reader = tables._TableReader(section.table, found, notes)
        if not row_by_row:
            reader._read_row_by_row = lambda _lines: False
        reader.read(sections.lines_of(section.key))
    return found.cells, found.units, found.layouts, found.pending, notes.warnings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), damage=DAMAGE)
def test_the_row_by_row_reading_places_what_the_general_reading_places(report: Any, damage: list[Any]) -> None:
    """Tables printed a label line then a value line per row are placed without the general reading's events;
    on any text — also with lines dropped, merged, their separators lost or figures garbled — the cells, units,
    layouts and notes are the general reading's, whichever path is taken."""
    printed = damaged(str(render(report, "text")), damage)
    read_lines = text.text_lines(printed.replace("\u3000", " "))
    fmt = get_format(report.format)
    assert _table_reading(read_lines, fmt, True) == _table_reading(read_lines, fmt, False)
