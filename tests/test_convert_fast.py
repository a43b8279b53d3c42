"""The fast path of loads: same reports as the strict path with either JSON parser, and a duplicate key anywhere
is still refused."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import AnnualReport, DocumentError, dumps, load, loads, structure
from disclosure_report.examples import example_names, example_path
from disclosure_report.jsonio.convert import parse_json
from disclosure_report.jsonio.fast import (
    _CELL_OBJECTS,
    _ESCAPE,
    PARSERS,
    Parser,
    _Fallback,
    _has_escape,
    _typed,
    try_loads,
    try_loads_utf8,
)
from strategies import reports


@pytest.mark.parametrize("name", example_names())
def test_examples_take_the_fast_path(name: str) -> None:
    text = example_path(name).read_text(encoding="utf-8")
    fast = try_loads(text)
    assert fast is not None
    assert fast == structure(parse_json(text)) == load(example_path(name))


each_parser = pytest.mark.parametrize("parser", list(PARSERS.values()), ids=list(PARSERS))


def test_msgspec_is_tried_first_when_installed() -> None:
    assert list(PARSERS) == ["msgspec", "json"]


@each_parser
@settings(max_examples=100, deadline=None)
@given(reports(unread=True))
def test_fast_and_strict_paths_build_the_same_report(parser: Parser, report: AnnualReport) -> None:
    text = dumps(report)
    assert try_loads(text, (parser,)) == report == structure(parse_json(text))


def _objects(text: str) -> list[int]:
    """Offsets just after every ``{`` that opens a non-empty object (outside strings) in canonical JSON."""
    return [m.end() for m in re.finditer(r'\{\n\s*"', text)]


@each_parser
@settings(max_examples=60, deadline=None)
@given(reports(), st.data())
def test_a_duplicate_key_anywhere_is_refused(parser: Parser, report: AnnualReport, data: st.DataObject) -> None:
    text = dumps(report)
    at = data.draw(st.sampled_from(_objects(text)))
    # repeat the object's first member (with the same value or another) right after it
    key = text[at:].split('"', 1)[0]
    value = data.draw(st.sampled_from(['"x"', "0", "null", "{}"]))
    doubled = text[: at - 1] + f'"{key}": {value}, ' + text[at - 1 :]
    assert try_loads(doubled, (parser,)) is None
    with pytest.raises(DocumentError) as info:
        loads(doubled)
    assert info.value.problems[0].found == f'the key "{key}" twice in one object'


@each_parser
@pytest.mark.parametrize(
    ("key", "written_twice"),
    [
        ("natural_person", '"natural_person": 0, "natural_person": '),  # the same value again
        ("preamble", '"pre\\u0061mble": "", "preamble": '),  # the key written with an escape
    ],
)
def test_duplicates_the_parsed_data_cannot_show_are_refused(parser: Parser, key: str, written_twice: str) -> None:
    text = dumps(load(example_path("panzhou-rural-revitalization-2023")))
    doubled = text.replace(f'"{key}": ', written_twice, 1)
    assert try_loads(doubled, (parser,)) is None
    with pytest.raises(DocumentError, match=f'the key "{key}" twice'):
        loads(doubled)


@each_parser
@pytest.mark.parametrize(
    "narrative",
    ["门户网站：http://www.gov.cn:8080/xxgk", "时间 9:00—17:00", ":", "::::", "a\\u003ab", '引号\\":\\"里'],
)
def test_colons_inside_strings_are_counted(parser: Parser, narrative: str) -> None:
    data = json.loads(dumps(load(example_path("panzhou-rural-revitalization-2023"))))
    text = json.dumps(data, ensure_ascii=False).replace('"preamble": "', f'"preamble": "{narrative}', 1)
    report = loads(text)
    assert report.preamble.startswith(json.loads(f'"{narrative}"'))
    if "\\u003a" not in narrative:  # a colon written as an escape is not in the text: the strict path decides
        assert try_loads(text, (parser,)) == report


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["applications"]["new"].update(total="12"),
        lambda d: d["applications"]["new"].update(total={"blank": "12"}),
        lambda d: d["meta"].update(year=1999),
        lambda d: d["meta"].update(period={"start": "2023-12-31", "end": "2023-01-01"}),
        lambda d: d["overview"].update(extra=[{"heading": 1, "text": ""}]),
        lambda d: d.update(unknown=1),
        lambda d: d.pop("closing"),
    ],
)
def test_invalid_documents_get_the_strict_paths_errors(change: object) -> None:
    data = json.loads(dumps(load(example_path("panzhou-rural-revitalization-2023"))))
    change(data)  # type: ignore[operator]
    text = json.dumps(data, ensure_ascii=False)
    assert try_loads(text) is None
    with pytest.raises(DocumentError) as fast:
        loads(text)
    with pytest.raises(DocumentError) as strict:
        structure(parse_json(text))
    assert fast.value.problems == strict.value.problems


def test_what_msgspec_refuses_the_standard_parser_parses_and_the_strict_path_judges() -> None:
    text = dumps(load(example_path("panzhou-rural-revitalization-2023")))
    text = text.replace('"preamble": "', '"preamble": "\\ud800', 1)  # a lone surrogate, written as an escape
    with pytest.raises(msgspec.DecodeError):
        PARSERS["msgspec"](text)
    assert try_loads(text) is None  # no document text holds a lone surrogate: the strict path says where
    with pytest.raises(DocumentError, match=r"\$\.preamble: expected text without control characters"):
        structure(parse_json(text))


def test_an_escaped_surrogate_pair_is_a_character_and_reads_fast() -> None:
    text = dumps(load(example_path("panzhou-rural-revitalization-2023")))
    text = text.replace('"preamble": "', '"preamble": "\\ud83d\\ude00', 1)
    report = try_loads(text)
    assert report is not None and report.preamble.startswith("😀")


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
)


def _written(value: Any, draw: Any) -> str:
    """``value`` as JSON text, written in one of several ways (separators, escapes, number forms)."""
    if isinstance(value, dict):
        sep = draw(st.sampled_from([",", ", ", " ,\n\t"]))
        colon = draw(st.sampled_from([":", ": ", " : "]))
        return "{" + sep.join(f"{json.dumps(k)}{colon}{_written(v, draw)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + draw(st.sampled_from([",", ", "])).join(_written(v, draw) for v in value) + "]"
    if isinstance(value, Decimal):
        return draw(st.sampled_from([str(value), f"{value:e}", f"{value:E}"])).replace("+", "")
    return json.dumps(value, ensure_ascii=draw(st.booleans()))


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0, Decimal('1.0') is not Decimal('1'))."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return repr(a) == repr(b)


@settings(max_examples=400, deadline=None)
@given(_VALUES, st.data())
def test_the_parsers_agree_on_whatever_msgspec_accepts(value: Any, data: st.DataObject) -> None:
    text = _written(value, data.draw)
    if data.draw(st.booleans()):  # break it here and there
        at = data.draw(st.integers(0, len(text)))
        junk = data.draw(st.text(alphabet='{}[]":,.-+eE0123456789 \\\t\nu\x00\x7f\ufeff', max_size=2))
        text = text[:at] + junk + text[at + data.draw(st.integers(0, 2)) :]
    fast, standard = PARSERS["msgspec"], PARSERS["json"]
    try:
        expected = standard(text)
    except (ValueError, RecursionError):
        with pytest.raises((ValueError, RecursionError)):
            fast(text)
        return
    try:
        got = fast(text)
    except msgspec.DecodeError:
        return  # refused: the standard parser reads it
    assert _same(got, expected)


# --- the typed decoder (msgspec Structs declared from the model): the same answers as the plain path -----------


def _typed_answer(text: str) -> AnnualReport | str | None:
    """What the typed decoder makes of ``text``: a report, None (the strict path decides), or "refused" (the plain
    path decides)."""
    typed = _typed()
    assert typed is not None
    try:
        return typed.loads(text)
    except _Fallback:
        return "refused"


@settings(max_examples=50, deadline=None)
@given(reports(unread=True))
def test_the_typed_decoder_builds_the_same_report(report: AnnualReport) -> None:
    text = dumps(report)
    assert _typed_answer(text) == report == try_loads(text, PARSERS.values())


_ODD_VALUES = st.sampled_from(
    [
        0,
        -1,
        10**15 - 1,
        10**15,
        -(10**15),
        10**40,
        1.0,
        1.5,
        1e3,
        True,
        None,
        "",
        "1",
        ":",
        "a:b",
        [],
        [0],
        {},
        {"blank": "-"},
        {"blank": "1"},
        {"blank": 1},
        {"blank": "-", "unread": True},
        {"unread": True},
        {"unread": 1},
        {"unread": False},
        {"x": 1},
        {"start": "2023-01-01", "end": "2023-12-31"},
        "2023-01-01",
    ]
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths to every value inside the JSON-shaped ``value``."""
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _places(v, (*path, i))
    return out


@settings(max_examples=50, deadline=None)
@given(reports(unread=True), st.data())
def test_the_typed_decoder_agrees_with_the_plain_path_on_changed_documents(
    report: AnnualReport, data: st.DataObject
) -> None:
    doc = json.loads(dumps(report), parse_float=Decimal)
    for _ in range(data.draw(st.integers(0, 2))):
        path = data.draw(st.sampled_from(_places(doc)[1:]))
        holder = doc
        for step in path[:-1]:
            holder = holder[step]
        change = data.draw(st.sampled_from(["set", "set", "drop", "add"]))
        if change == "set":
            holder[path[-1]] = data.draw(st.sampled_from([0, 7, {"blank": "—"}, {"unread": True}]) | _ODD_VALUES)
        elif change == "drop" and isinstance(holder, dict):
            del holder[path[-1]]
        elif isinstance(holder, dict):
            holder[data.draw(st.sampled_from(["x", "blank", "unread", "format", "natural_person"]))] = 0
    text = msgspec.json.Encoder(decimal_format="number").encode(doc).decode()  # amounts as the numbers written
    typed = _typed_answer(text)
    plain = try_loads(text, PARSERS.values())
    assert typed == plain or (typed == "refused" and plain is None), (typed, plain)
    assert try_loads(text) == plain
    assert try_loads_utf8(text.encode()) in (plain, None)  # None: the caller decodes, and try_loads decides


def _outcome(text: str | bytes) -> AnnualReport | str:
    try:
        return loads(text)
    except DocumentError as e:
        return str(e)


@settings(max_examples=50, deadline=None)
@given(reports(unread=True), st.data())
def test_bytes_and_text_load_alike(report: AnnualReport, data: st.DataObject) -> None:
    """``loads`` of a file's bytes (read by the typed decoder as UTF-8) gives what ``loads`` of its text gives: the
    same report or the same located errors — with a byte order mark, escapes, U+FFFE/U+FFFF, lone surrogates
    escaped or written raw, and bytes that are not UTF-8."""
    text = dumps(report)
    at = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["", "", "\\u0000", "\\ud800", "\\b", "\ufffe", "\uffff", "中", "\\\\u"]))
    changed = text[:at] + insert + text[at:]
    raw = changed.encode("utf-8", "surrogatepass")
    if data.draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if data.draw(st.integers(0, 5)) == 0:
        raw = raw[:at] + data.draw(st.sampled_from([b"\xff", b"\xed\xa0\x80", b"\xc3"])) + raw[at:]
    try:
        as_text: str | None = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        as_text = None
    got = _outcome(raw)
    if as_text is not None:
        assert got == _outcome(as_text)
    else:
        assert (isinstance(got, str) and "UTF-8" in got) or "utf-8" in got, got


def test_a_file_loads_from_its_bytes_without_decoding_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid document read from a file is built from its bytes: the text path is not taken."""
    import disclosure_report.jsonio.convert as convert

    def no_text(*_: Any, **__: Any) -> None:
        raise AssertionError("decoded and loaded as text")

    monkeypatch.setattr(convert, "try_loads", no_text)
    for name in example_names():
        assert load(example_path(name)) == structure(
            json.loads(example_path(name).read_text(encoding="utf-8"), parse_float=Decimal)
        )


@settings(max_examples=50, deadline=None)
@given(reports(), st.data())
def test_the_typed_decoder_refuses_a_duplicate_key_anywhere(report: AnnualReport, data: st.DataObject) -> None:
    text = dumps(report)
    at = data.draw(st.sampled_from(_objects(text)))
    key = text[at:].split('"', 1)[0]
    value = data.draw(st.sampled_from(['"x"', "0", "null", "{}"]))
    doubled = text[: at - 1] + f'"{key}": {value}, ' + text[at - 1 :]
    assert _typed_answer(doubled) in (None, "refused")
    assert try_loads(doubled) is None


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["\\", "u", "b", "f", "n", '"', "x", "一", "\\n", "\\\\"]), max_size=60).map("".join))
def test_the_escape_scan_finds_what_the_escape_pattern_finds(text: str) -> None:
    assert _has_escape(text) == (_ESCAPE.search(text) is not None)


@settings(max_examples=30, deadline=None)
@given(reports(unread=True))
def test_numbers_only_is_taken_exactly_when_no_cell_is_an_object(report: AnnualReport) -> None:
    typed = _typed()
    assert typed is not None
    text = dumps(report)
    before = next(_CELL_OBJECTS)
    struct = typed.decode(text)
    objects = next(_CELL_OBJECTS) - before - 1
    # (cells in the parts the Structs leave untyped, as the layouts of 其他处理, are dicts checked there)
    assert 0 <= objects <= len(re.findall(r'\{\s*"(?:blank|unread)"', text))
    checked_tally, numbers_tally = [0, 0], [0, 0]
    checked = typed.build[type(struct)](struct, checked_tally)
    assert checked == report
    if objects == 0:
        assert typed.numbers_only[type(struct)](struct, numbers_tally) == report
        assert numbers_tally == checked_tally


@given(
    st.lists(st.sampled_from(["\\", "u", "b", "中", "，", "￥", "\ufffe", "\uffff", "\uffef", "\\\\", ":"])).map(
        "".join
    )
)
def test_the_byte_checks_find_what_the_text_checks_find(text: str) -> None:
    from disclosure_report.jsonio.fast import _has_escape, _may_hold_bad_bytes

    assert _may_hold_bad_bytes(text.encode()) == ("\ufffe" in text or "\uffff" in text or _has_escape(text))
