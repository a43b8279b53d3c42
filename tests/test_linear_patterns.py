"""The patterns that see document text stay linear on every Python the library supports: on 3.11 and later their
repetitions are possessive; on 3.10 :func:`~disclosure_report.zh.linear.atomic_by_lookahead` writes each atomic
part as a lookahead and a back-reference. Checked here on this Python, whichever it is: the rewritten patterns match
exactly what the patterns match, and are as fast on the worst shapes."""

from __future__ import annotations

import importlib
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import run_bounded
from disclosure_report.zh.linear import ADDED_GROUP, atomic_by_lookahead

MODULES = (
    "disclosure_report.published.fee_statement",
    "disclosure_report.jsonio.convert",
    "disclosure_report.rules.checks",
    "disclosure_report.zh.counts",
    "disclosure_report.zh.amounts",
    "disclosure_report.zh.dates",
)
_ATOMIC = re.compile(r"(?<!\\)(?:[*+?}]\+|\(\?>)|\(\?P<" + ADDED_GROUP + "[0-9]")


def _linear_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern of the modules that has an atomic part (possessive, atomic group, or rewritten)."""
    found: dict[str, re.Pattern[str]] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and _ATOMIC.search(value.pattern):
                found[f"{name.rsplit('.', 1)[1]}.{attr}"] = value
    for name in MODULES[2:3]:  # the prose statements of the rules, kept in a list
        for k, statement in enumerate(importlib.import_module(name)._STATEMENTS):
            found[f"checks._STATEMENTS[{k}]"] = statement.pattern
    return found


PATTERNS = _linear_patterns()
REWRITTEN = {name: re.compile(atomic_by_lookahead(p.pattern), p.flags) for name, p in PATTERNS.items()}
WORDS = '一二十百万零〇1 0,.\u3000年月日至号件元收受理结转信息处理费涉及取人民币¥角分整:"\\[]{}x-/'


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    own = [g for g in pattern.groupindex if not g.startswith(ADDED_GROUP)]
    return [(m.span(), {g: m.group(g) for g in own}) for m in pattern.finditer(text)]


def test_the_patterns_are_found() -> None:
    assert len(PATTERNS) >= 10 and "dates._PERIOD" in PATTERNS and "convert._TOKENS" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_group_of_a_linear_pattern_is_named(name: str) -> None:
    """The groups a rewrite adds take numbers: the patterns' own groups are read by name, never by number."""
    pattern = PATTERNS[name]
    own = [g for g in pattern.groupindex if not g.startswith(ADDED_GROUP)]
    unnamed = pattern.groups - len(pattern.groupindex)
    assert unnamed == 0, f"{name} has {unnamed} unnamed group(s): name them ({own})"


def test_the_rewrite_of_each_form() -> None:
    assert atomic_by_lookahead(r"a{2,3}+b") == "(?=(?P<_a0>a{2,3}))(?P=_a0)b"
    assert atomic_by_lookahead(r"[\]x]*+\]") == r"(?=(?P<_a0>[\]x]*))(?P=_a0)\]"
    assert atomic_by_lookahead(r"(?P<n>[0-9]++)(?P=n)") == "(?P<n>(?=(?P<_a0>[0-9]+))(?P=_a0))(?P=n)"
    assert atomic_by_lookahead(r"x*?y+?\++") == r"x*?y+?\++"  # lazy, and an escaped + repeated: left alone
    assert atomic_by_lookahead(r"\+++") == r"(?=(?P<_a0>\++))(?P=_a0)"
    twice = atomic_by_lookahead(atomic_by_lookahead(r"a++") + r"b++")  # a pattern made from a rewritten one
    assert twice == "(?=(?P<_a0>a+))(?P=_a0)(?=(?P<_a1>b+))(?P=_a1)"
    assert atomic_by_lookahead(r"(?i:a{,2}+)(?#c)x{") == "(?i:(?=(?P<_a0>a{,2}))(?P=_a0))(?#c)x{"
    for bad in ("(a", "a)", "[a"):
        with pytest.raises(re.error):
            atomic_by_lookahead(bad)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_rewritten_pattern_matches_what_the_pattern_matches_on_the_worst_shapes(name: str) -> None:
    pattern, rewritten = PATTERNS[name], REWRITTEN[name]
    units = ["一", "1", " ", "\u3000", "1,", ".1", "2023年1月1日 ", "1月1日至", "1件", "壹佰", "收取1", "受理", '"\\']
    for unit in units:
        for text in (unit * 300 + "x", "x" + unit * 300 + "件", unit + " " * 300):
            assert _matches(rewritten, text) == _matches(pattern, text), (name, unit)


def test_the_public_text_functions_stay_linear_as_python_3_10_compiles_them() -> None:
    """The hostile-text test's worst shapes (100,000 characters each) through every public text function, with
    the patterns compiled as on Python 3.10 (this Python made to look like 3.10 while the library is imported)."""
    code = """
import json, sys
import attrs, cattrs, jsonschema, babel  # (their own version checks see the real Python)
real, sys.version_info = sys.version_info, (3, 10, 13, "final", 0)
import disclosure_report
from disclosure_report.zh import linear
sys.version_info = real
assert not linear.POSSESSIVE and "(?P=_a" in disclosure_report.zh.dates._PERIOD.pattern
from test_hostile_text import FUNCTIONS, UNITS, worst_time
print(json.dumps({name: worst_time(name, UNITS) for name in FUNCTIONS}))
"""
    out, _ = run_bounded(code, seconds=240, megabytes=1024, path=__file__)
    slow = {name: t for name, t in json.loads(out).items() if t[0] > 2.0}
    assert not slow, slow


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(WORDS)), max_size=40), name=st.sampled_from(sorted(PATTERNS)))
def test_a_rewritten_pattern_matches_what_the_pattern_matches(text: str, name: str) -> None:
    assert _matches(REWRITTEN[name], text) == _matches(PATTERNS[name], text)
