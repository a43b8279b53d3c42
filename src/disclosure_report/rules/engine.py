"""Evaluating the identity rules: compiled once per format and layout into getters and plain integer sums."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from operator import attrgetter
from typing import Any

import attrs

from disclosure_report.formats import get_format
from disclosure_report.jsonio.unchecked import constructor
from disclosure_report.model import AnnualReport, Unread
from disclosure_report.model.paths import alternative_in_use
from disclosure_report.rules.catalogue import STANDARD, identities, rule
from disclosure_report.rules.declare import Finding, Identity

Getter = Callable[[Any], Any]

_new_finding = constructor(Finding)
"""Findings are built from the engine's own figures: nothing for ``Finding.__init__`` to check."""


@attrs.frozen
class _Compiled:
    identity: Identity
    lhs: tuple[Getter, ...]
    rhs: tuple[Getter, ...]


def _getter(path: str) -> Getter:
    return attrgetter(path)


@cache
def compiled(version: str, layout: str) -> tuple[_Compiled, ...]:
    """The identity instances that apply to a report of ``version`` printed in ``layout``, with their getters."""
    return tuple(
        _Compiled(i, tuple(map(_getter, i.lhs)), tuple(map(_getter, i.rhs)))
        for i in identities(version)
        if i.layout is None or i.layout == layout
    )


_LAYOUTS: dict[tuple[str, type], str] = {}


def layout_of(report: AnnualReport) -> str:
    """The layout key of the report's table 三 (``standard`` or the alternative it prints)."""
    key = (report.format, type(report.applications.results.other))
    layout = _LAYOUTS.get(key)
    if layout is None:
        alt = alternative_in_use(report, get_format(report.format).table("applications"))
        layout = _LAYOUTS[key] = STANDARD if alt is None else alt.key
    return layout


@cache
def totals_elsewhere(version: str, layout: str) -> frozenset[str]:
    """The cells that are the stated total of some identity (the one-cell side): such a cell left blank is not
    known to be 0, so where it is a part of another identity, that identity is not assessable."""
    return frozenset(c.identity.lhs[0] for c in compiled(version, layout) if c.identity.total_side == "lhs")


def _side(values: Iterable[Any], paths: Iterable[str], totals: frozenset[str], unknown: list[str]) -> int | Decimal:
    """The sum of the known cells of one side; blank parts count as 0 (the published policy) unless they are a
    total elsewhere; unread cells and such blank totals are added to ``unknown``."""
    total: int | Decimal = 0
    for v, path in zip(values, paths, strict=True):
        t = type(v)
        if t is int or t is Decimal:
            total += v
        elif t is Unread or path in totals:
            unknown.append(path)
    return total


@cache
def _screen(version: str, layout: str) -> Callable[[Any], list[tuple[int, Any, Any]] | None]:
    """A generated function that reads every cell the identities use once (each row object fetched once) and
    returns ``(index, left sum, right sum)`` for the instances that do not hold — or None when a cell is blank or
    unread (then every instance is evaluated the slow way, which knows what those mean)."""
    instances = compiled(version, layout)
    paths = sorted({p for c in instances for p in (*c.identity.lhs, *c.identity.rhs)})
    objects: dict[str, str] = {"": "r"}
    lines = ["def screen(r):", "    try:"]

    def obj(parent: str) -> str:
        if parent not in objects:
            above, _, name = parent.rpartition(".")
            holder = obj(above)
            objects[parent] = f"o{len(objects)}"
            lines.append(f"        {objects[parent]} = {holder}.{name}")
        return objects[parent]

    local: dict[str, str] = {}
    for i, p in enumerate(paths):
        parent, _, name = p.rpartition(".")
        holder = obj(parent)
        local[p] = f"c{i}"
        lines.append(f"        c{i} = {holder}.{name}")
    lines.append("        bad = []")
    for index, c in enumerate(instances):
        lhs, rhs = (_total_of([local[p] for p in side]) for side in (c.identity.lhs, c.identity.rhs))
        lines.append(f"        left, right = {lhs}, {rhs}")
        lines.append(f"        if left != right: bad.append(({index}, left, right))")
    lines += ["        return bad", "    except TypeError:", "        return None"]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)
    screen: Callable[[Any], list[tuple[int, Any, Any]] | None] = namespace["screen"]
    return screen


def _total_of(cells: list[str]) -> str:
    """The expression summing ``cells``; a blank or unread cell among them raises TypeError (neither has ``+``), also
    alone on its side ("0 + c") and on an empty side ("0")."""
    return " + ".join(cells) if len(cells) > 1 else " + ".join(["0", *cells])


def evaluate_identities(report: AnnualReport, disabled: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings of every identity rule that does not hold (and BLANK-TOTAL for blank totals)."""
    layout = layout_of(report)
    instances = compiled(report.format, layout)
    bad = _screen(report.format, layout)(report)
    if bad is None:  # a blank or unread cell somewhere: the careful way
        return _evaluate(report, instances, disabled)
    findings: list[Finding] = []
    if not bad:
        return findings
    agency, year = report.meta.agency, report.meta.year
    parts = _finding_parts(report.format, layout)
    for index, left, right in bad:
        rule_id, sub_id, severity, kind, lhs, rhs, templates, label, label_en, both_sums = parts[index]
        if disabled and (rule_id in disabled or sub_id in disabled):
            continue
        delta = left - right
        params = {"label": label, "label_en": label_en, "expected": right, "actual": left, "delta": delta}
        if both_sums:
            params["lhs_value"] = left
            params["rhs_value"] = right
        findings.append(
            _new_finding(rule_id, sub_id, severity, kind, lhs, rhs, right, left, delta, agency, year, templates, params)
        )
    return findings


@cache
def _finding_parts(version: str, layout: str) -> tuple[tuple[Any, ...], ...]:
    """For each identity instance, what its finding holds whatever the figures (as :func:`_identity_finding` makes
    it, in the order of :class:`Finding`'s fields), so that the findings of the common case are made in one call."""
    parts = []
    for c in compiled(version, layout):
        i = c.identity
        r = rule(i.rule)
        templates = (r.message_zh, r.message_en)
        parts.append(
            (
                i.rule,
                i.sub_id,
                r.severity,
                r.kind,
                i.lhs,
                i.rhs,
                templates,
                i.label_zh,
                i.label_en,
                i.total_side != "lhs",
            )
        )
    return tuple(parts)


def _evaluate(report: AnnualReport, instances: tuple[_Compiled, ...], disabled: frozenset[str]) -> list[Finding]:
    """Every instance, knowing what a blank or unread cell means. An instance with an unknown cell (unread, or a
    blank total used as a part) is not assessable — unless its known figures already break it (counts are never
    negative, so known parts that exceed the stated total are an error whatever the unknown cells hold)."""
    findings: list[Finding] = []
    agency, year = report.meta.agency, report.meta.year
    totals = totals_elsewhere(report.format, layout_of(report))
    not_assessable: list[Identity] = []
    unknown_cells: dict[str, None] = {}
    for c in instances:
        lhs_values = [g(report) for g in c.lhs]
        rhs_values = [g(report) for g in c.rhs]
        identity = c.identity
        if identity.total_side == "lhs" and type(lhs_values[0]) is not int and type(lhs_values[0]) is not Decimal:
            if type(lhs_values[0]) is Unread:
                not_assessable.append(identity)
                unknown_cells[identity.lhs[0]] = None
                continue
            sub_id = f"BLANK-TOTAL[{identity.lhs[0]}]"
            if "BLANK-TOTAL" in disabled or sub_id in disabled or identity.rule in disabled:
                continue
            if any(f.sub_id == sub_id for f in findings):
                continue
            findings.append(_blank_total_finding(sub_id, identity, agency, year))
            continue
        left_unknown: list[str] = []
        right_unknown: list[str] = []
        left = _side(lhs_values, identity.lhs, totals, left_unknown)
        right = _side(rhs_values, identity.rhs, totals, right_unknown)
        if identity.rule in disabled or identity.sub_id in disabled:
            continue
        if not (left_unknown or right_unknown):
            if left != right:
                findings.append(_identity_finding(identity, agency, year, left, right))
            continue
        unknown_cells.update(dict.fromkeys(left_unknown + right_unknown))
        # one side complete: it must be at least the known part of the other
        if (not left_unknown and right > left) or (not right_unknown and left > right):
            findings.append(_identity_finding(identity, agency, year, left, right))
        else:
            not_assessable.append(identity)
    if not_assessable and "NOT-ASSESSABLE" not in disabled:
        findings.append(_not_assessable_finding(not_assessable, tuple(unknown_cells), agency, year))
    return findings


def _not_assessable_finding(instances: list[Identity], cells: tuple[str, ...], agency: str, year: int) -> Finding:
    """One info finding for the report: how many identity instances could not be checked, and the cells."""
    r = rule("NOT-ASSESSABLE")
    shown = ", ".join(cells[:8]) + (f" … (+{len(cells) - 8})" if len(cells) > 8 else "")
    params = {"count": len(instances), "cells": shown, "cell_count": len(cells)}
    return _new_finding(
        rule="NOT-ASSESSABLE",
        sub_id="NOT-ASSESSABLE",
        severity=r.severity,
        kind=r.kind,
        lhs=cells,
        rhs=(),
        expected=None,
        actual=len(instances),
        delta=None,
        agency=agency,
        year=year,
        templates=(r.message_zh, r.message_en),
        params=params,
    )


def _identity_finding(identity: Identity, agency: str, year: int, left: Any, right: Any) -> Finding:
    """The finding of an identity that does not hold: ``left`` is what the report has, ``right`` what it should."""
    extra = {"lhs_value": left, "rhs_value": right} if identity.total_side != "lhs" else None
    return _finding(identity.rule, identity.sub_id, identity, identity.rhs, agency, year, left, right, extra)


def _blank_total_finding(sub_id: str, identity: Identity, agency: str, year: int) -> Finding:
    return _finding("BLANK-TOTAL", sub_id, identity, (), agency, year, None, None, None)


def _finding(
    rule_id: str,
    sub_id: str,
    identity: Identity,
    rhs: tuple[str, ...],
    agency: str,
    year: int,
    actual: Any,
    expected: Any,
    extra: dict[str, Any] | None,
) -> Finding:
    r = rule(rule_id)
    delta = None if actual is None else actual - expected
    params = {
        "label": identity.label_zh,
        "label_en": identity.label_en,
        "expected": expected,
        "actual": actual,
        "delta": delta,
    }
    if extra:
        params |= extra
    return _new_finding(
        rule=rule_id,
        sub_id=sub_id,
        severity=r.severity,
        kind=r.kind,
        lhs=identity.lhs,
        rhs=rhs,
        expected=expected,
        actual=actual,
        delta=delta,
        agency=agency,
        year=year,
        templates=(r.message_zh, r.message_en),
        params=params,
    )
