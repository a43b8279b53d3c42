"""The vocabulary rules are declared in: a rule's metadata, identity instances, findings."""

from __future__ import annotations

import functools
import hashlib
from typing import Any, Literal

import attrs

Severity = Literal["error", "warning", "info"]
Kind = Literal["identity", "metadata", "cross-year", "narrative", "layout"]
BlankPolicy = Literal["zero", "not_assessable"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen
class Rule:
    """A consistency rule: stable id, severity, kind, bilingual message templates, source, years it applies to."""

    id: str
    severity: Severity
    kind: Kind
    title_zh: str
    title_en: str
    message_zh: str
    """Template with named parameters in braces, e.g. ``{label}：{actual} ≠ {expected}``."""
    message_en: str
    source: str
    """Where the rule comes from: printed in the form, an article of the 条例, or derived (and from what)."""
    since_year: int = 2019
    until_year: int | None = None
    blank_total: BlankPolicy = "not_assessable"
    """What a blank *total* (the one-cell side of an identity) means; a blank total is reported by BLANK-TOTAL."""
    blank_part: BlankPolicy = "zero"
    """What a blank *part* (a cell on the summed side) means."""

    def applies_to(self, year: int) -> bool:
        return year >= self.since_year and (self.until_year is None or year <= self.until_year)


@attrs.frozen
class Identity:
    """One instance of an identity rule: ``sum(lhs) == sum(rhs)`` over cell paths, in one layout or all."""

    rule: str
    sub_id: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    label_zh: str
    label_en: str
    layout: str | None = None
    """The table layout the instance belongs to (``standard`` or an alternative's key); None: every layout."""
    total_side: Literal["lhs", "none"] = "lhs"
    """``lhs``: the left side is one total cell (blank → not assessable); ``none``: both sides are sums."""


@attrs.frozen
class Finding:
    """One thing a rule found in a report.

    The messages and the fingerprint are made when first read (a corpus run that only counts findings never pays
    for formatting two languages and hashing).
    """

    rule: str
    sub_id: str
    severity: Severity
    kind: Kind
    lhs: tuple[str, ...] = ()
    rhs: tuple[str, ...] = ()
    expected: Any = None
    actual: Any = None
    delta: Any = None
    agency: str = ""
    """The agency of the report, as printed (part of the fingerprint)."""
    year: int = 0
    """The report year (part of the fingerprint)."""
    templates: tuple[str, str] = attrs.field(default=("", ""), repr=False, eq=False)
    """The rule's message templates (zh, en)."""
    params: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    """The named parameters of the templates."""

    @functools.cached_property
    def message_zh(self) -> str:
        return self.templates[0].format_map(self.params)

    @functools.cached_property
    def message_en(self) -> str:
        return self.templates[1].format_map(self.params)

    @functools.cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.sub_id, self.agency, self.year)

    @property
    def paths(self) -> tuple[str, ...]:
        return self.lhs + self.rhs

    def message(self, lang: Literal["zh", "en"] = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form of a finding (see docs/rules.md)."""
        return {
            "rule": self.rule,
            "sub_id": self.sub_id,
            "severity": self.severity,
            "kind": self.kind,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "lhs": list(self.lhs),
            "rhs": list(self.rhs),
            "expected": _json_value(self.expected),
            "actual": _json_value(self.actual),
            "delta": _json_value(self.delta),
            "fingerprint": self.fingerprint,
        }


def _json_value(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, str)):
        return v
    return str(v)


def fingerprint(sub_id: str, agency: str, year: int) -> str:
    """Stable id of a finding across runs: the first 16 hex digits of sha256("sub_id|agency|year")."""
    return hashlib.sha256(f"{sub_id}|{agency}|{year}".encode()).hexdigest()[:16]


@attrs.frozen
class ValidationResult:
    """What :func:`validate` found: ``ok`` when no finding has severity error."""

    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "counts": self.counts, "findings": [f.to_dict() for f in self.findings]}
