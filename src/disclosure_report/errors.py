"""Errors the library raises for bad input: each names the place and what was expected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

import attrs

_E = TypeVar("_E", bound="DisclosureReportError")


class Phrase(str):
    """Words that know their message: what a :class:`Problem` or a :class:`FieldValueError` expected or found, a
    reader's warning, why a spreadsheet formula was not evaluated. A ``str`` equal to its English wording (so code
    comparing it to text sees no change), with the ``key`` of its wording in
    :data:`disclosure_report.messages.TEXTS` and the ``fields`` it is filled with, for translating it.

    >>> p = Phrase("expected.one_of", choices="'a', 'b'")
    >>> p, p == "one of 'a', 'b'", p.key, dict(p.fields)
    ("one of 'a', 'b'", True, 'expected.one_of', {'choices': "'a', 'b'"})
    """

    key: str
    fields: Mapping[str, object]

    def __new__(cls, key: str, /, **fields: object) -> Phrase:
        phrase = super().__new__(cls, english(key, fields))
        phrase.key, phrase.fields = key, fields
        return phrase

    def __reduce__(self) -> tuple[object, ...]:
        return _phrase, (self.key, dict(self.fields))


def _phrase(key: str, fields: dict[str, object]) -> Phrase:
    return Phrase(key, **fields)


@attrs.frozen
class Problem:
    """One thing wrong in a document: where (JSON path, and cell path when it is a table cell), what was expected,
    what was found."""

    json_path: str
    """RFC 9535-style location, e.g. ``$.applications.results.total.natural_person`` or ``$.overview.extra[2]``."""
    expected: str
    """What was expected, in English: a :class:`Phrase` (with its message key) when the library words it."""
    found: str
    """What was found, in English: a :class:`Phrase` too, but for a value that reads the same in any language (``5``,
    ``null``) and words from elsewhere (the system's reason a file cannot be opened)."""
    cell_path: str | None = None
    """The published cell path when the location is a table cell."""
    label: str | None = None
    """The printed labels of that cell, e.g. ``三、本年度办理结果 › （七）总计 › 申请人情况 › 自然人``."""
    line: int | None = None
    """1-based line in the source text, when known (JSON syntax errors)."""
    column: int | None = None

    @property
    def message(self) -> str:
        where = self.json_path
        if self.line is not None:
            where = (
                f"line {self.line}, column {self.column}: {where}"
                if where != "$"
                else f"line {self.line}, column {self.column}"
            )
        if self.label:
            where = f"{where} ({self.label})"
        return f"{where}: expected {self.expected}, found {self.found}"

    def __str__(self) -> str:
        return self.message


class DisclosureReportError(Exception):
    """Base class of the library's own errors.

    An error whose wording is declared in :data:`disclosure_report.messages.TEXTS` carries its message ``key`` and
    the ``fields`` the wording is filled with (``key`` is None for the others): ``str(error)`` is the English
    wording, and ``disclosure_report.messages.say(error.key, "zh", **error.fields)`` the Chinese one — or a caller's
    own translation of ``key``.

    >>> from disclosure_report.corpus.rollup import AggregateError
    >>> e = AggregateError.keyed("aggregate.nothing")
    >>> str(e), e.key, dict(e.fields)
    ('no reports to aggregate', 'aggregate.nothing', {})
    """

    key: str | None = None
    """The message's key in :data:`disclosure_report.messages.TEXTS`, or None when the error has no declared
    wording."""
    fields: Mapping[str, object] = MappingProxyType({})
    """The values the message's wording is filled with (``str.format`` fields of both languages)."""

    @classmethod
    def keyed(cls: type[_E], key: str, /, **fields: object) -> _E:
        """The error of message ``key`` filled with ``fields``; its ``str()`` is the English wording."""
        error = cls(english(key, fields))
        error.key, error.fields = key, dict(fields)  # a dict: errors cross process boundaries pickled
        return error


def english(key: str, fields: Mapping[str, object]) -> str:
    """The English wording of message ``key`` (declared in :data:`disclosure_report.messages.TEXTS`)."""
    from disclosure_report.messages import say  # the messages module words errors, so it imports this one

    return say(key, "en", **fields)


class UnsupportedYearError(DisclosureReportError, ValueError):
    """A report year no supported format applies to (before 2019, or a format not yet declared)."""


class UnknownRuleError(DisclosureReportError, KeyError):
    """``validate(…, disable=…)`` given a rule id the catalogue does not have."""


class AuthoringError(DisclosureReportError, ValueError):
    """A report that cannot be started as asked (e.g. from a previous report of the same or a later year)."""


class AuthoringTypeError(DisclosureReportError, TypeError):
    """``new_report`` given an agency that is not a string or a year that is not a whole number."""


class FieldValueError(DisclosureReportError, ValueError):
    """A model field given a value of the wrong type or range (raised by the model's validators)."""

    def __init__(self, owner: str, field: str, expected: str, found: str) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected
        """What the field holds, in English: a :class:`Phrase` (with its message key) when the library words it."""
        self.found = found
        self.key = "field.value"
        self.fields = {"owner": owner, "field": field, "expected": expected, "found": found}
        super().__init__(english(self.key, self.fields))

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.owner, self.field, self.expected, self.found)


class DocumentError(DisclosureReportError, ValueError):
    """A report document that cannot be read: every problem found, each located.

    ``problems`` lists them (not just the first), at most 100 of them; ``more`` counts those found beyond (a
    document with a million unknown keys gives 100 problems and ``more == 999900``); ``source`` names the file when
    there is one.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None, more: int = 0) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        self.more = more
        super().__init__(self._render())

    @property
    def count(self) -> int:
        """Every problem found: those listed and those only counted."""
        return len(self.problems) + self.more

    def _render(self) -> str:
        head = f"{self.source}: " if self.source else ""
        n = self.count
        if n == 1:
            return f"{head}not a valid annual report document: {self.problems[0].message}"
        lines = [f"{head}not a valid annual report document: {n} problems"]
        shown = self.problems[:50]
        lines += [f"  - {p.message}" for p in shown]
        if n > len(shown):
            lines.append(f"  … and {n - len(shown)} more")
        return "\n".join(lines)

    def with_source(self, source: str) -> DocumentError:
        return DocumentError(self.problems, source=source, more=self.more)
