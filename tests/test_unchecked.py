"""Instances built without ``__init__`` (``disclosure_report.jsonio.unchecked``) equal those ``__init__`` builds."""

from __future__ import annotations

import attrs
import pytest

from disclosure_report.jsonio.unchecked import constructor, store
from disclosure_report.model.rows import ApplicantRow
from disclosure_report.rules.declare import Finding


def test_a_constructor_builds_what_init_builds() -> None:
    values = dict(
        natural_person=1, commercial=2, research=3, public_interest=4, legal_services=5, other_org=6, total=21
    )
    built = constructor(ApplicantRow)(**values)
    assert type(built) is ApplicantRow
    assert built == ApplicantRow(**values)
    assert hash(built) == hash(ApplicantRow(**values))
    assert constructor(ApplicantRow)(*values.values()) == built  # positionally, in declaration order
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.total = 3  # type: ignore[misc]


def test_a_constructor_runs_no_validator() -> None:
    assert constructor(ApplicantRow)(-1, 0, 0, 0, 0, 0, -1).total == -1  # __init__ would refuse -1


def test_a_constructor_takes_every_field() -> None:
    with pytest.raises(TypeError, match="total"):
        constructor(ApplicantRow)(1, 2, 3, 4, 5, 6)


def test_cached_properties_of_a_constructed_finding_work() -> None:
    finding = constructor(Finding)(
        rule="T3-TOTAL",
        sub_id="T3-TOTAL[x]",
        severity="error",
        kind="identity",
        lhs=("a",),
        rhs=("b",),
        expected=2,
        actual=3,
        delta=1,
        agency="某局",
        year=2023,
        templates=("{actual} ≠ {expected}", "{actual} != {expected}"),
        params={"actual": 3, "expected": 2},
    )
    assert (finding.message_zh, finding.message_en) == ("3 ≠ 2", "3 != 2")
    assert (
        finding.fingerprint
        == Finding("T3-TOTAL", "T3-TOTAL[x]", "error", "identity", agency="某局", year=2023).fingerprint
    )


@attrs.frozen(slots=False)
class _WithDict:
    a: int
    b: str


def test_classes_without_slots_are_stored_through_setattr() -> None:
    assert constructor(_WithDict)(1, "x") == _WithDict(1, "x")
    instance = object.__new__(_WithDict)
    store(_WithDict, "a")(instance, 5)
    assert instance.a == 5
