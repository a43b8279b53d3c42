"""Rules that are code, not identities: metadata, layout, cross-year and narrative checks."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from operator import attrgetter
from typing import Any

import attrs

from disclosure_report.formats import Table, format_for_year, get_format
from disclosure_report.jsonio.unchecked import constructor
from disclosure_report.model import AnnualReport, Proactive2019, Proactive2021, Unread, is_number
from disclosure_report.model.meta import agency_key
from disclosure_report.model.paths import get_value
from disclosure_report.rules.catalogue import STANDARD, rule
from disclosure_report.rules.declare import Finding
from disclosure_report.rules.engine import layout_of
from disclosure_report.zh import ZhParseError, format_date, parse_int
from disclosure_report.zh.linear import ADDED_GROUP, compile_linear
from disclosure_report.zh.numerals import MAX_DIGITS

if sys.version_info >= (3, 11):
    import re._constants as _sre_c
    import re._parser as _sre
else:  # pragma: no cover - the same modules under their former names
    import sre_constants as _sre_c
    import sre_parse as _sre


_new_finding = constructor(Finding)
"""Findings are built from the checks' own figures: nothing for ``Finding.__init__`` to check."""


def finding(
    report: AnnualReport,
    rule_id: str,
    sub_id: str | None = None,
    *,
    lhs: tuple[str, ...] = (),
    rhs: tuple[str, ...] = (),
    expected: Any = None,
    actual: Any = None,
    delta: Any = None,
    **params: Any,
) -> Finding:
    severity, kind, templates = _rule_parts(rule_id)
    meta = report.meta
    values = {"expected": expected, "actual": actual, "delta": delta, **params}
    return _new_finding(
        rule_id,
        sub_id or rule_id,
        severity,
        kind,
        lhs,
        rhs,
        expected,
        actual,
        delta,
        meta.agency,
        meta.year,
        templates,
        values,
    )  # (the fields of Finding, in order)


@cache
def _rule_parts(rule_id: str) -> tuple[Any, Any, tuple[str, str]]:
    """What every finding of a rule holds: its severity, kind and message templates."""
    r = rule(rule_id)
    return r.severity, r.kind, (r.message_zh, r.message_en)


# --- metadata ----------------------------------------------------------------------------------------------------


def agency_named(report: AnnualReport) -> Iterator[Finding]:
    """META-AGENCY: an agency whose name is empty or only spaces (a report of nobody, which rollups cannot place)."""
    if not agency_key(report.meta.agency):
        yield finding(report, "META-AGENCY", lhs=("meta.agency",), expected="(a name)", actual=report.meta.agency)


def format_year(report: AnnualReport) -> Iterator[Finding]:
    year = report.meta.year
    try:
        expected = format_for_year(year)
    except ValueError:
        yield finding(
            report,
            "META-FORMAT-YEAR",
            lhs=("format",),
            expected="(none: before 2019)",
            actual=report.format,
            year=year,
            document="no uniform format",
        )
        return
    if expected.version != report.format:
        yield finding(
            report,
            "META-FORMAT-YEAR",
            lhs=("format", "meta.year"),
            expected=expected.version,
            actual=report.format,
            year=year,
            document=expected.document,
        )


@cache
def _whole_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def period(report: AnnualReport) -> Iterator[Finding]:
    year = report.meta.year
    p = report.meta.period
    if p is not None and (p.start, p.end) == _whole_year(year):
        return
    want = f"{format_date(dt.date(year, 1, 1))}至{format_date(dt.date(year, 12, 31))}"
    if p is None:
        yield finding(report, "META-PERIOD", lhs=("meta.period",), expected=want, actual="未说明 (not stated)")
    else:
        found = f"{format_date(p.start)}至{format_date(p.end)}"
        yield finding(report, "META-PERIOD", lhs=("meta.period",), expected=want, actual=found)


_WHO = {
    "agency": ("部门", "an agency: 1月31日", 1, 31),
    "government_own": ("本级政府", "a government: 3月31日", 3, 31),
    "region_aggregate": ("本级政府", "a government: 3月31日", 3, 31),
}


_UNKNOWN_SCOPE = ("范围未说明，按较晚时限", "scope not stated: the later deadline", 3, 31)


def deadline(report: AnnualReport) -> Iterator[Finding]:
    published = report.meta.published_on
    if published is None:
        return
    who, who_en, month, day = _WHO.get(report.meta.scope or "", _UNKNOWN_SCOPE)
    due = dt.date(report.meta.year + 1, month, day)
    if published > due:
        yield finding(
            report,
            "META-DEADLINE",
            lhs=("meta.published_on",),
            expected=due.isoformat(),
            actual=published.isoformat(),
            delta=(published - due).days,
            who=who,
            who_en=who_en,
        )


_YEAR_IN_TITLE = compile_linear(r"([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年")


def title_year(report: AnnualReport) -> Iterator[Finding]:
    title = report.meta.title
    if not title:
        return
    m = _YEAR_IN_TITLE.search(title)
    if not m:
        return
    written = m.group(1)
    try:
        year = int(written) if written.isascii() else parse_int(written)
    except ZhParseError:
        return
    if year != report.meta.year:
        yield finding(report, "META-TITLE-YEAR", lhs=("meta.title",), expected=report.meta.year, actual=year)


@cache
def _table_getters(version: str, layout: str) -> tuple[tuple[Table, tuple[Callable[[Any], Any], ...]], ...]:
    """Each table of a format in a layout with a getter for every one of its cells."""
    fmt = get_format(version)
    out = []
    for table in fmt.tables:
        alternative = next((a for a in table.alternatives if a.key == layout), None)
        rows = table.rows_with(alternative)
        paths = [".".join((table.key, *row.path, c.key)) for row in rows for c in row.columns.columns]
        out.append((table, tuple(attrgetter(p) for p in paths)))
    return tuple(out)


def unread_tables(report: AnnualReport) -> Iterator[Finding]:
    """A table none of whose cells a reader could read: an error, so that such a report never passes. (Cheap on a
    report that was read: the first cell that holds anything else settles a table.)"""
    for table, getters in _table_getters(report.format, layout_of(report)):
        if getters and type(getters[0](report)) is Unread and all(type(get(report)) is Unread for get in getters):
            yield finding(
                report,
                "UNREAD-TABLE",
                f"UNREAD-TABLE[{table.key}]",
                lhs=(table.key,),
                actual=len(getters),
                count=len(getters),
                label=get_format(report.format).section(table.key).heading,
                label_en=table.en,
            )


def layout(report: AnnualReport) -> Iterator[Finding]:
    used = layout_of(report)
    if used != STANDARD:
        if report.format == "2021":
            found, found_en = "2019年版单行", "single-row (2019)"
        else:
            found, found_en = "2021年版三行", "three-row (2021)"
        yield finding(
            report,
            "LAYOUT-OTHER-ROWS",
            lhs=("applications.results.other",),
            expected=STANDARD,
            actual=used,
            found=found,
            found_en=found_en,
            version=report.format,
        )


# --- cross-year --------------------------------------------------------------------------------------------------


def cross_year(report: AnnualReport, previous: AnnualReport) -> Iterator[Finding]:
    if previous.meta.year != report.meta.year - 1 or agency_key(previous.meta.agency) != agency_key(report.meta.agency):
        yield finding(
            report,
            "X-PREVIOUS",
            expected=f"{report.meta.agency} {report.meta.year - 1}",
            actual=f"{previous.meta.agency} {previous.meta.year}",
        )
        return
    fmt = get_format(report.format).table("applications")
    for column in fmt.rows[0].columns.columns:
        now_path = f"applications.carried_over.{column.key}"
        then_path = f"applications.carried_forward.{column.key}"
        now, then = get_value(report, now_path), get_value(previous, then_path)
        if not is_number(now) or not is_number(then) or now == then:
            continue
        yield finding(
            report,
            "X-CARRY",
            f"X-CARRY[{column.key}]",
            lhs=(now_path,),
            rhs=(f"previous.{then_path}",),
            expected=then,
            actual=now,
            delta=now - then,
            label=f"{column.label}列",
            label_en=f"column {column.key}",
        )
    if isinstance(report.proactive, Proactive2021) and isinstance(previous.proactive, Proactive2021):
        for key in ("regulations", "normative_documents"):
            row_now, row_then = getattr(report.proactive, key), getattr(previous.proactive, key)
            values = (row_now.in_force, row_then.in_force, row_now.issued, row_now.repealed)
            if not all(is_number(v) for v in values):
                continue
            expected = row_then.in_force + row_now.issued - row_now.repealed
            if row_now.in_force != expected:
                label = get_format("2021").table("proactive").row(key).label
                yield finding(
                    report,
                    "X-IN-FORCE",
                    f"X-IN-FORCE[{key}]",
                    lhs=(f"proactive.{key}.in_force",),
                    rhs=(f"previous.proactive.{key}.in_force", f"proactive.{key}.issued", f"proactive.{key}.repealed"),
                    expected=expected,
                    actual=row_now.in_force,
                    delta=row_now.in_force - expected,
                    label=label,
                    label_en=key,
                    previous=row_then.in_force,
                    issued=row_now.issued,
                    repealed=row_now.repealed,
                )
    if isinstance(report.proactive, Proactive2019) and isinstance(previous.proactive, Proactive2019):
        table = get_format("2019").table("proactive")
        for row in table.rows:
            if "prev_count" not in row.columns.keys:
                continue
            key = row.path[0]
            now_row, then_row = getattr(report.proactive, key), getattr(previous.proactive, key)
            items = (now_row.prev_count, then_row.prev_count, then_row.delta)
            if not all(is_number(v) for v in items):
                continue
            expected = then_row.prev_count + then_row.delta
            if now_row.prev_count != expected:
                yield finding(
                    report,
                    "X-ITEMS",
                    f"X-ITEMS[{key}]",
                    lhs=(f"proactive.{key}.prev_count",),
                    rhs=(f"previous.proactive.{key}.prev_count", f"previous.proactive.{key}.delta"),
                    expected=expected,
                    actual=now_row.prev_count,
                    delta=now_row.prev_count - expected,
                    label=row.label,
                    label_en=key,
                )


# --- narrative ---------------------------------------------------------------------------------------------------

# runs possessive (``*+``, ``++``): the text after each can never be part of it, so giving characters back never
# helps, and a statement is found in time linear in the text (``受理`` and 100 000 spaces: no quadratic rescans)
_NUM = r"(?P<figure>[0-9０-９][0-9０-９,]*+|[〇零一二三四五六七八九十百千万两]++)"


@attrs.frozen
class _Statement:
    """A way 总体情况 states a figure of table 三.

    A statement whose ``pattern`` ends with its figure and 件 (件 nowhere else) is looked for only just before each
    件 that follows a number (see :func:`_figure_windows`). A statement that must start with its number sets
    ``anchor``, the word it ends near, and is looked for only just before it. Any other statement sets
    ``starts``, the texts a match of it begins with, and is tried only where they stand. ``not_after`` is text
    that may not stand right before the match (部分不予公开 is not 不予公开)."""

    key: str
    pattern: re.Pattern[str]
    anchor: str | None = None
    not_after: str | None = None
    starts: tuple[str, ...] = ()
    ends_with_figure: bool = attrs.field(init=False)

    @ends_with_figure.default
    def _ends_with_figure(self) -> bool:
        return self.anchor is None and self.pattern.pattern.endswith("件")


_STATEMENTS: tuple[_Statement, ...] = (
    _Statement(
        "received", compile_linear(rf"(?:收到|受理|新收)(?:各类)?(?:政府信息公开)?(?:申请)?\s*+(?:共)?\s*+{_NUM}\s*+件")
    ),
    _Statement(
        "none_received",
        compile_linear(r"(?:未|没有)(?:收到|受理)(?:任何)?(?:政府信息公开|依申请公开)?申请"),
        starts=("未收到", "未受理", "没有收到", "没有受理"),
    ),
    _Statement("answered", compile_linear(rf"(?:办结|答复|办理)(?:政府信息公开)?(?:申请)?\s*(?:共)?\s*{_NUM}\s*件")),
    _Statement("carried_forward", compile_linear(rf"结转(?:到|至)?下(?:一)?年(?:度)?(?:继续办理)?\s*{_NUM}\s*件")),
    _Statement("carried_forward", compile_linear(rf"{_NUM}\s*件(?:申请)?\s*结转(?:到|至)?下"), anchor="结转"),
    _Statement("granted_partial", compile_linear(rf"予以公开(?:及|和|、)部分公开\s*{_NUM}\s*件")),
    _Statement("denied", compile_linear(rf"不予公开\s*{_NUM}\s*件"), not_after="部分"),
    _Statement("unable", compile_linear(rf"无法提供\s*{_NUM}\s*件")),
    _Statement("not_processed", compile_linear(rf"不予处理\s*{_NUM}\s*件")),
    _Statement("other", compile_linear(rf"其他处理\s*{_NUM}\s*件")),
)

_GROUPS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "received": (("applications.new",), "一、本年新收政府信息公开申请数量", "applications received"),
    "none_received": (("applications.new",), "一、本年新收政府信息公开申请数量", "applications received"),
    "answered": (("applications.results.total",), "（七）总计", "outcomes in total"),
    "carried_forward": (("applications.carried_forward",), "四、结转下年度继续办理", "carried forward"),
    "granted_partial": (
        ("applications.results.granted", "applications.results.partially_granted"),
        "（一）予以公开与（二）部分公开之和",
        "disclosed + partially disclosed",
    ),
    "denied": (("applications.results.denied",), "（三）不予公开", "denied"),
    "unable": (("applications.results.unable",), "（四）无法提供", "unable to provide"),
    "not_processed": (("applications.results.not_processed",), "（五）不予处理", "not processed"),
    "other": (("applications.results.other",), "（六）其他处理", "other handling"),
}


class _Unknown(Exception):
    """A table figure that involves an unread cell: nothing can be said against it."""


_PARTS = {path: attrgetter(path) for paths, _, _ in _GROUPS.values() for path in paths}
"""The table parts the statements are compared with (in the model of every format)."""

_APPLICANT_KEYS = get_format("2021").table("applications").rows[0].columns.parts
"""The six applicant columns of a table-三 row (the same in both formats)."""


def _row_value(row: Any) -> int:
    """A table-三 row's figure: its 总计, or the sum of its six columns when the 总计 is blank (blanks as 0).
    Raises :class:`_Unknown` when the cells it needs are unread."""
    if type(row.total) is int:
        return int(row.total)
    values = [getattr(row, key) for key in _APPLICANT_KEYS]
    if type(row.total) is Unread or any(type(v) is Unread for v in values):
        raise _Unknown
    return sum(v for v in values if type(v) is int)


_IS_ROW: dict[type, bool] = {}


def _group_value(node: Any) -> int:
    kind = type(node)
    is_row = _IS_ROW.get(kind)
    if is_row is None:
        is_row = _IS_ROW[kind] = "natural_person" in attrs.fields_dict(kind)
    if is_row:
        return _row_value(node)
    return sum(_group_value(getattr(node, f.name)) for f in attrs.fields(kind))


def _prose(report: AnnualReport) -> str:
    o = report.overview
    parts = [report.preamble, o.intro, o.proactive, o.on_request, o.management, o.platforms, o.oversight]
    parts += [b.text for b in o.extra]
    return "\n".join(parts)


_WINDOW = 40
"""How far before its anchor a number-first statement (``30件结转下年度``) can start."""


_WORDS = 24
"""Room for the words a statement allows before its figure (the longest, 收到各类政府信息公开申请, has 12)."""

_NUMERALS = frozenset("0123456789０１２３４５６７８９,〇零一二三四五六七八九十百千万两")
_LAST_SPACE = 0x3000
"""The highest code point ``str.isspace`` is true of (IDEOGRAPHIC SPACE; a test checks the whole range)."""
_SPACE = frozenset(c for c in map(chr, range(_LAST_SPACE + 1)) if c.isspace())
"""The characters ``\\s`` matches in a str pattern."""
_FIGURE_AND_SPACE = _SPACE | _NUMERALS | {"共"}


def _figure_windows(text: str) -> list[tuple[int, int, str]]:
    """For each 件 that follows a number (spaces between allowed), the span in which a statement ending with that
    figure can match, and the character just before the figure (with its 共 and its spaces): the last one of the
    statement's words. The span starts after the 件 before (件 stands only at a statement's end) and at most
    ``_WORDS`` characters before that character; it ends with this 件. A figure with no text before it since the
    件 before (文件4件) has no window."""
    windows = []
    after_previous = 0
    end = text.find("件")
    while end != -1:
        if end > after_previous and text[end - 1] in _FIGURE_AND_SPACE:  # most 件 end a word (文件, 案件)
            at = end - 1
            while at >= after_previous and text[at] in _SPACE:
                at -= 1
            if at >= after_previous and text[at] in _NUMERALS:
                while at >= after_previous and text[at] in _FIGURE_AND_SPACE:
                    at -= 1
                if at >= after_previous:  # some text before the figure
                    windows.append((max(after_previous, at + 1 - _WORDS), end + 1, text[at]))
        after_previous = end + 1
        end = text.find("件", after_previous)
    return windows


def _find(text: str, word: str, start: int = 0) -> int:
    """``text.find(word, start)``, looking for the word's first character alone and checking the rest there: a
    search for one character is a fast scan, where CPython's search for a longer needle in Chinese text is not."""
    first = word[0]
    at = text.find(first, start)
    while at != -1 and not text.startswith(word, at):
        at = text.find(first, at + 1)
    return at


def _words_end(pattern: str) -> frozenset[str] | None:
    """The characters the words of a statement ending with its figure can end with (收到 → 到, 受理各类…申请 → 请):
    what stands before the figure, its 共 and its spaces. None when that cannot be told from the pattern (then
    the statement is tried in every window). Read from the parsed pattern: the final 件 and the parts before it
    that match only figures, 共 and spaces are dropped; the last characters of what is left are collected."""
    parsed = _sre.parse(pattern)
    items: list[Any] = list(parsed.data)
    if not items or items[-1] != (_sre_c.LITERAL, ord("件")):
        return None
    items.pop()
    # (Python 3.10: an atomic part is a lookahead and a back-reference to what it captured; see zh.linear)
    added = frozenset(n for name, n in parsed.state.groupdict.items() if name.startswith(ADDED_GROUP))
    while items and _only_figure_and_space(items[-1], added):
        items.pop()
    last = _last_characters(items)
    return None if last is None or last & _FIGURE_AND_SPACE else frozenset(last)


def _only_figure_and_space(item: tuple[Any, Any], added: frozenset[int]) -> bool:
    """Whether every character the parsed pattern item can match is a figure's, 共 or a space (``added``: the
    groups :func:`~disclosure_report.zh.linear.atomic_by_lookahead` added, whose back-reference matches what the
    lookahead before it matched)."""
    op, av = item
    if op is _sre_c.GROUPREF:
        return av in added
    if op is _sre_c.ASSERT:
        return all(_only_figure_and_space(i, added) for i in av[1])
    if op is _sre_c.LITERAL:
        return chr(av) in _FIGURE_AND_SPACE
    if op is _sre_c.IN:
        return all(
            (o is _sre_c.CATEGORY and a is _sre_c.CATEGORY_SPACE)
            or (o is _sre_c.LITERAL and chr(a) in _FIGURE_AND_SPACE)
            or (o is _sre_c.RANGE and all(chr(c) in _FIGURE_AND_SPACE for c in range(a[0], a[1] + 1)))
            for o, a in av
        )
    if op is _sre_c.SUBPATTERN:
        return all(_only_figure_and_space(i, added) for i in av[3])
    if op in _REPEATS:
        return all(_only_figure_and_space(i, added) for i in av[2])
    if op is _sre_c.BRANCH:
        return all(_only_figure_and_space(i, added) for branch in av[1] for i in branch)
    return False


_REPEATS = (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", _sre_c.MAX_REPEAT))


def _last_characters(items: Any) -> set[str] | None:
    """The characters a match of the parsed items can end with; None when the match can be empty or an item is not
    made of literals, groups, alternatives and repeats."""
    last: set[str] = set()
    for op, av in reversed(list(items)):
        if op is _sre_c.LITERAL:
            return last | {chr(av)}
        if op is _sre_c.SUBPATTERN or op is getattr(_sre_c, "ATOMIC_GROUP", _sre_c.SUBPATTERN):
            inner = av[3] if op is _sre_c.SUBPATTERN else av
            found = _last_characters(inner)
            if found is None:
                return None
            return last | found
        if op is _sre_c.BRANCH:
            branches = [_last_characters(branch) for branch in av[1]]
            if any(b is None for b in branches):
                return None
            return last.union(*(b for b in branches if b is not None))
        if op in _REPEATS:
            found = _last_characters(av[2])
            if found is None:
                return None
            last |= found
            if av[0] > 0:
                return last
            continue  # optional: what stands before it can end the match too
        return None
    return None


_BY_WORDS_END: dict[str, tuple[int, ...]] = {}
"""For each character a statement's words can end with, the statements (by index) that can end so."""
_ANY_WORDS_END: tuple[int, ...] = ()
"""The statements ending with a figure whose words' end cannot be told (tried in every window)."""


def _sort_statements() -> None:
    global _ANY_WORDS_END
    unknown = []
    for i, statement in enumerate(_STATEMENTS):
        if not statement.ends_with_figure:
            continue
        ends = _words_end(statement.pattern.pattern)
        if ends is None:
            unknown.append(i)
            continue
        for c in ends:
            _BY_WORDS_END[c] = (*_BY_WORDS_END.get(c, ()), i)
    _ANY_WORDS_END = tuple(unknown)


_sort_statements()
_SEARCHES = tuple(s.pattern.search for s in _STATEMENTS)


def _statements(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every ``(key, match)`` of the statements in ``text``, statement by statement, each in the order of the text
    (what ``finditer`` of each pattern over the whole text gives). A statement ending with its figure is tried only
    in the windows whose words end with a character its words can end with; prose without a figure costs a few
    scans for single characters."""
    by_statement: dict[int, list[re.Match[str]]] = {}  # the matches of those ending with a figure
    for a, b, end in _figure_windows(text):
        tried = _BY_WORDS_END.get(end)
        for i in _ANY_WORDS_END if tried is None else tried + _ANY_WORDS_END if _ANY_WORDS_END else tried:
            if (m := _SEARCHES[i](text, a, b)) is not None:
                if i in by_statement:
                    by_statement[i].append(m)
                else:
                    by_statement[i] = [m]
    found = []
    for i, statement in enumerate(_STATEMENTS):
        matches: Iterable[re.Match[str]]
        if statement.ends_with_figure:
            if i not in by_statement:
                continue
            matches = by_statement[i]
        elif statement.anchor is not None:
            matches = _near(statement.pattern, statement.anchor, text)
        elif statement.starts:
            matches = _starting(statement.pattern, statement.starts, text)
        else:
            matches = statement.pattern.finditer(text)
        not_after = statement.not_after
        for m in matches:
            if not_after and text.endswith(not_after, 0, m.start()):
                continue
            found.append((statement.key, m))
    return found


def _starting(pattern: re.Pattern[str], starts: tuple[str, ...], text: str) -> list[re.Match[str]]:
    """The matches ``finditer`` gives of a pattern whose every match begins with one of ``starts``: tried only
    where one stands, in the order of the text, none inside the one before."""
    matches = []
    end = 0
    for at in _places(text, starts):
        if at >= end and (m := pattern.match(text, at)) is not None:
            matches.append(m)
            end = m.end()
    return matches


def _places(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` stands in ``text``, in order: one scan for each first character they begin with."""
    places = []
    for first, following in _by_first_character(words):
        at = text.find(first)
        while at != -1:
            if any(text.startswith(word, at) for word in following):
                places.append(at)
            at = text.find(first, at + 1)
    if len(places) > 1:
        places.sort()
    return places


@cache
def _by_first_character(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    firsts = dict.fromkeys(word[0] for word in words)
    return tuple((first, tuple(w for w in words if w[0] == first)) for first in firsts)


def _near(pattern: re.Pattern[str], anchor: str, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that end near an occurrence of ``anchor``, each once."""
    seen: set[int] = set()
    at = _find(text, anchor)
    while at != -1:
        for m in pattern.finditer(text, max(0, at - _WINDOW), at + len(anchor) + 4):
            if m.start() not in seen:
                seen.add(m.start())
                yield m
        at = _find(text, anchor, at + len(anchor))


def _stated(number: str | None) -> int:
    if number is None:
        return 0
    digits = number.replace(",", "")
    if digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS:
        return int(digits)
    return parse_int(digits)  # (more than MAX_DIGITS: ZhParseError, and the statement is passed over)


def prose_vs_table(report: AnnualReport) -> Iterator[Finding]:
    text = _prose(report)
    reported: set[str] = set()
    tables: dict[str, int] = {}
    for key, m in _statements(text):
        if key in reported:
            continue
        try:
            stated = _stated(m["figure"] if "figure" in m.re.groupindex else None)
        except ZhParseError:
            continue
        paths, label, label_en = _GROUPS[key]
        try:
            table = tables.get(key)
            if table is None:
                if len(paths) == 1:
                    table = _group_value(_PARTS[paths[0]](report))
                else:
                    table = sum(_group_value(_PARTS[p](report)) for p in paths)
                tables[key] = table
            if stated == table:
                continue
            if key in ("received", "none_received"):
                carried = _row_value(report.applications.carried_over)
                if stated == table + carried:
                    continue  # "共受理749件" counts last year's carried-over applications too
        except _Unknown:
            continue
        reported.add(key)
        yield finding(
            report,
            "PROSE-T3",
            f"PROSE-T3[{key}]",
            lhs=paths,
            expected=table,
            actual=stated,
            delta=stated - table,
            quote=m.group(0).strip(),
            label=label,
            label_en=label_en,
        )


def fee_statement(report: AnnualReport) -> Iterator[Finding]:
    if report.format != "2021" or report.other_matters.fees is not None:
        return
    if "信息处理费" in report.other_matters.text or "信息处理费" in report.other_matters.text.replace(" ", ""):
        return
    yield finding(report, "FEE-STATEMENT", lhs=("other_matters",))
