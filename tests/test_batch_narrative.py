"""The narrative check looks for statements only near their figures: it finds exactly what a plain search of each
statement's pattern over the whole prose finds, in the same order (the speed of a corpus run rests on it)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from disclosure_report import load
from disclosure_report.examples import example_path
from disclosure_report.read import read
from disclosure_report.rules.checks import (
    _NUMERALS,
    _STATEMENTS,
    _WINDOW,
    _WORDS,
    _figure_windows,
    _prose,
    _statements,
    _words_end,
)
from disclosure_report.zh.linear import ADDED_GROUP

FIXTURES = Path(__file__).parent / "fixtures" / "real"

Found = tuple[str, tuple[int, int], tuple[str | None, ...]]


def _own_groups(m: re.Match[str]) -> tuple[str | None, ...]:
    """The statement's own groups (its figure): not those Python 3.10's form of its atomic parts adds."""
    return tuple(v for k, v in m.groupdict().items() if not k.startswith(ADDED_GROUP))


def plainly(text: str) -> Iterator[Found]:
    """Each statement's pattern searched over the whole text; number-first ones near every anchor."""
    for statement in _STATEMENTS:
        if statement.anchor is None:
            matches: Iterator[re.Match[str]] = statement.pattern.finditer(text)
        else:
            seen: set[int] = set()
            near = []
            for a in re.finditer(re.escape(statement.anchor), text):
                for m in statement.pattern.finditer(text, max(0, a.start() - _WINDOW), a.end() + 4):
                    if m.start() not in seen:
                        seen.add(m.start())
                        near.append(m)
            matches = iter(near)
        for m in matches:
            if statement.not_after and text.endswith(statement.not_after, 0, m.start()):
                continue
            yield statement.key, m.span(), _own_groups(m)


def found(text: str) -> list[Found]:
    return [(key, m.span(), _own_groups(m)) for key, m in _statements(text)]


FRAGMENTS = [
    *"收到 受理 新收 各类 政府信息公开 申请 共 办结 答复 办理 结转 到 至 下 一 年 度 继续办理 予以公开 及 和".split(),
    *"、 部分公开 不予公开 部分 无法提供 不予处理 其他处理 未 没有 任何 依申请公开 件 件 件 案件 文件".split(),
    *"12 1,234 ,5 ３７ 三十五 两 零 万 〇 ， 。 x 本年度".split(),
    *(" ", "  ", "\n", "\u3000", "\t"),
]


WORDS = (
    "收到 受理各类政府信息公开申请 新收申请 办结 答复政府信息公开申请 办理 结转下一年度继续办理 结转至下年 "
    "予以公开及部分公开 予以公开、部分公开 部分不予公开 不予公开 无法提供 不予处理 其他处理 政策文件"
).split()
NUMBERS = ("12", "1,234", "1,", "３７", "三十五", "两", "0", "二〇二三", "5十")
SPACES = ("", "", " ", "  \n ", "\u3000")


def statement_like(rng: random.Random) -> str:
    """A statement, whole or with a part missing or doubled, or a number-first one (30件结转下年度)."""
    number = rng.choice(NUMBERS)
    if rng.random() < 0.15:
        return (
            f"{number}{rng.choice(SPACES)}件{rng.choice(('', '申请'))}{rng.choice(SPACES)}结转{rng.choice('到至下')}下"
        )
    if rng.random() < 0.1:
        return rng.choice(("未收到任何政府信息公开申请", "没有受理依申请公开申请", "未受理申请"))
    together = "共" if rng.random() < 0.3 else ""
    return f"{rng.choice(WORDS)}{rng.choice(SPACES)}{together}{rng.choice(SPACES)}{number}{rng.choice(SPACES)}件"


def random_prose(rng: random.Random) -> str:
    parts = [statement_like(rng) if rng.random() < 0.4 else rng.choice(FRAGMENTS) for _ in range(rng.randrange(60))]
    return "".join(parts)


def test_the_same_statements_as_a_search_of_the_whole_text_on_random_prose() -> None:
    rng = random.Random(20261201)
    hits = 0
    for _ in range(3000):
        text = random_prose(rng)
        expected = list(plainly(text))
        assert found(text) == expected, text
        hits += len(expected)
    assert hits > 20_000  # the texts do make statements


def test_the_same_statements_in_the_published_reports() -> None:
    reports = [load(example_path(name)) for name in ("shuyang-county-gov-2025", "panzhou-rural-revitalization-2023")]
    reports += [read(FIXTURES / name).report for name in ("pingtan-2021.txt", "shuyang-county-gov-2025.md")]
    for report in reports:
        text = _prose(report)
        assert found(text) == list(plainly(text))
    shuyang = found(_prose(reports[0]))  # 受理…749 件；共办理 718 件，结转下一年 31 件
    assert [(key, groups) for key, _, groups in shuyang] == [
        ("received", ("749",)),
        ("answered", ("718",)),
        ("carried_forward", ("31",)),
    ]


def test_each_statement_that_ends_with_its_figure_has_its_only_件_there() -> None:
    figure_last = [s for s in _STATEMENTS if s.ends_with_figure]
    assert len(figure_last) == 8
    assert all(s.pattern.pattern.count("件") == 1 for s in figure_last)


def test_prose_without_a_figure_yields_nothing_quickly() -> None:
    assert found("本机关全年共发布政策文件，完成各项工作。" * 500) == []


def test_a_statement_ending_with_its_figure_is_tried_only_after_the_last_character_of_its_words() -> None:
    ends = {s.key: _words_end(s.pattern.pattern) for s in _STATEMENTS if s.ends_with_figure}
    assert ends == {
        "received": frozenset("到理收类开请"),
        "answered": frozenset("结复理开请"),
        "carried_forward": frozenset("年度理"),
        "granted_partial": frozenset("开"),
        "denied": frozenset("开"),
        "unable": frozenset("供"),
        "not_processed": frozenset("理"),
        "other": frozenset("理"),
    }
    assert _words_end(r"(?:收到|共)\s*([0-9]+)件") is None  # words that may end with 共: tried everywhere
    assert _words_end(r"(?:收到)?\s*([0-9]+)件") is None  # words that may be missing
    assert _words_end(r"收到\s*([0-9]+)") is None  # no 件 at its end


def test_each_statement_captures_its_figure_alone() -> None:
    """prose_vs_table reads the figure as the group ``figure`` (none, for 未收到申请); no other group is the
    statement's own (Python 3.10's form of its atomic parts adds groups of its own: ``_a0``…)."""
    own = [[g for g in s.pattern.groupindex if not g.startswith(ADDED_GROUP)] for s in _STATEMENTS]
    assert own == [["figure"], [], *[["figure"]] * 8]
    assert all(s.pattern.groups == len(s.pattern.groupindex) for s in _STATEMENTS)  # every group named


def walked(text: str) -> list[tuple[int, int, str]]:
    """The figure windows found by walking back from each 件 one character at a time (the reference)."""
    windows = []
    after_previous = 0
    end = text.find("件")
    while end != -1:
        at = end - 1
        while at >= after_previous and text[at].isspace():
            at -= 1
        if at >= after_previous and text[at] in _NUMERALS:
            while at >= after_previous and (text[at] in _NUMERALS or text[at] == "共" or text[at].isspace()):
                at -= 1
            if at >= after_previous:
                windows.append((max(after_previous, at + 1 - _WORDS), end + 1, text[at]))
        after_previous = end + 1
        end = text.find("件", after_previous)
    return windows


def test_the_figure_windows_are_those_a_walk_back_from_each_件_finds() -> None:
    rng = random.Random(7)
    texts = [random_prose(rng) for _ in range(1000)]
    texts += ["件", "1件", " 1件", "文件1件", "x\u30001 共 2件件3件", "x" * 50 + "12件", "件件件", "受理\u2028 5件"]
    for text in texts:
        assert _figure_windows(text) == walked(text), text
