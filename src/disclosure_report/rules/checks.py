"""Rules that are code, not identities: metadata, layout, cross-year and narrative checks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import attrs

from disclosure_report.formats import format_for_year, get_format
from disclosure_report.model import AnnualReport, Proactive2019, Proactive2021, Unread, is_number
from disclosure_report.model.paths import get_value, table_cells
from disclosure_report.rules.catalogue import STANDARD, rule
from disclosure_report.rules.declare import Finding
from disclosure_report.rules.engine import layout_of
from disclosure_report.zh import ZhParseError, format_date, parse_int


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
    r = rule(rule_id)
    sid = sub_id or rule_id
    values = {"expected": expected, "actual": actual, "delta": delta, **params}
    return Finding(
        rule=rule_id,
        sub_id=sid,
        severity=r.severity,
        kind=r.kind,
        lhs=lhs,
        rhs=rhs,
        expected=expected,
        actual=actual,
        delta=delta,
        agency=report.meta.agency,
        year=report.meta.year,
        templates=(r.message_zh, r.message_en),
        params=values,
    )


# --- metadata ----------------------------------------------------------------------------------------------------


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


def period(report: AnnualReport) -> Iterator[Finding]:
    year = report.meta.year
    want = f"{format_date(dt.date(year, 1, 1))}至{format_date(dt.date(year, 12, 31))}"
    p = report.meta.period
    if p is None:
        yield finding(report, "META-PERIOD", lhs=("meta.period",), expected=want, actual="未说明 (not stated)")
    elif (p.start, p.end) != (dt.date(year, 1, 1), dt.date(year, 12, 31)):
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


_YEAR_IN_TITLE = re.compile(r"([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年")


def title_year(report: AnnualReport) -> Iterator[Finding]:
    title = report.meta.title
    if not title:
        return
    m = _YEAR_IN_TITLE.search(title)
    if not m:
        return
    try:
        year = parse_int(m.group(1))
    except ZhParseError:
        return
    if year != report.meta.year:
        yield finding(report, "META-TITLE-YEAR", lhs=("meta.title",), expected=report.meta.year, actual=year)


def unread_tables(report: AnnualReport) -> Iterator[Finding]:
    """A table none of whose cells a reader could read: an error, so that such a report never passes."""
    fmt = get_format(report.format)
    for table in fmt.tables:
        cells = list(table_cells(report, table))
        if cells and all(type(value) is Unread for _, value in cells):
            yield finding(
                report,
                "UNREAD-TABLE",
                f"UNREAD-TABLE[{table.key}]",
                lhs=(table.key,),
                actual=len(cells),
                count=len(cells),
                label=fmt.section(table.key).heading,
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
    if previous.meta.year != report.meta.year - 1 or previous.meta.agency.split() != report.meta.agency.split():
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
_NUM = r"([0-9０-９][0-9０-９,]*+|[〇零一二三四五六七八九十百千万两]++)"


@attrs.frozen
class _Statement:
    """A way 总体情况 states a figure of table 三.

    ``pattern`` starts with a word wherever it can, so the regex engine skips ahead to it. A statement that must
    start with its number sets ``anchor``, the word it ends near, and is looked for only just before it.
    ``not_after`` is text that may not stand right before the match (部分不予公开 is not 不予公开)."""

    key: str
    pattern: re.Pattern[str]
    anchor: str | None = None
    not_after: str | None = None


_STATEMENTS: tuple[_Statement, ...] = (
    _Statement(
        "received", re.compile(rf"(?:收到|受理|新收)(?:各类)?(?:政府信息公开)?(?:申请)?\s*+(?:共)?\s*+{_NUM}\s*+件")
    ),
    _Statement("none_received", re.compile(r"(?:未|没有)(?:收到|受理)(?:任何)?(?:政府信息公开|依申请公开)?申请")),
    _Statement("answered", re.compile(rf"(?:办结|答复|办理)(?:政府信息公开)?(?:申请)?\s*+(?:共)?\s*+{_NUM}\s*+件")),
    _Statement("carried_forward", re.compile(rf"结转(?:到|至)?下(?:一)?年(?:度)?(?:继续办理)?\s*+{_NUM}\s*+件")),
    _Statement("carried_forward", re.compile(rf"{_NUM}\s*+件(?:申请)?\s*+结转(?:到|至)?下"), anchor="结转"),
    _Statement("granted_partial", re.compile(rf"予以公开(?:及|和|、)部分公开\s*+{_NUM}\s*+件")),
    _Statement("denied", re.compile(rf"不予公开\s*+{_NUM}\s*+件"), not_after="部分"),
    _Statement("unable", re.compile(rf"无法提供\s*+{_NUM}\s*+件")),
    _Statement("not_processed", re.compile(rf"不予处理\s*+{_NUM}\s*+件")),
    _Statement("other", re.compile(rf"其他处理\s*+{_NUM}\s*+件")),
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


def _group_value(node: Any) -> int:
    if hasattr(node, "natural_person"):
        return _row_value(node)
    return sum(_group_value(getattr(node, f.name)) for f in attrs.fields(type(node)))


def _prose(report: AnnualReport) -> str:
    o = report.overview
    parts = [report.preamble, o.intro, o.proactive, o.on_request, o.management, o.platforms, o.oversight]
    parts += [b.text for b in o.extra]
    return "\n".join(parts)


_WINDOW = 40
"""How far before its anchor a number-first statement (``30件结转下年度``) can start."""


def _statements(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every ``(key, match)`` of the statements in ``text``."""
    for statement in _STATEMENTS:
        if statement.anchor is None:
            matches: Iterator[re.Match[str]] = statement.pattern.finditer(text)
        else:
            matches = _near(statement.pattern, statement.anchor, text)
        for m in matches:
            if statement.not_after and text.endswith(statement.not_after, 0, m.start()):
                continue
            yield statement.key, m


def _near(pattern: re.Pattern[str], anchor: str, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that end near an occurrence of ``anchor``, each once."""
    seen: set[int] = set()
    for a in re.finditer(re.escape(anchor), text):
        for m in pattern.finditer(text, max(0, a.start() - _WINDOW), a.end() + 4):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def prose_vs_table(report: AnnualReport) -> Iterator[Finding]:
    text = _prose(report)
    reported: set[str] = set()
    for key, m in _statements(text):
        number = next((g for g in m.groups() if g), None)
        try:
            stated = 0 if number is None else parse_int(number.replace(",", ""))
        except ZhParseError:
            continue
        paths, label, label_en = _GROUPS[key]
        try:
            table = sum(_group_value(get_value(report, p)) for p in paths)
            if stated == table:
                continue
            if key in ("received", "none_received"):
                carried = _row_value(report.applications.carried_over)
                if stated == table + carried:
                    continue  # "共受理749件" counts last year's carried-over applications too
        except _Unknown:
            continue
        sub_id = f"PROSE-T3[{key}]"
        if sub_id in reported:
            continue
        reported.add(sub_id)
        yield finding(
            report,
            "PROSE-T3",
            sub_id,
            lhs=tuple(paths),
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
