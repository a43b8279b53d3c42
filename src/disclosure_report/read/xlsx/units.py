"""The unit a spreadsheet prints after a number through the cell's number format.

A money cell holding the number 12.5 with the number format ``0.0"万元"`` prints ``12.5万元``: the unit is part of
what the reader sees, as it is when typed as text, but the cell's value is the bare number. :func:`printed_unit`
finds that unit in the format code — the literal text after the last digit placeholder of the section the value
is printed with (``positive;negative;zero``) — when it is one of the units a printed cell may carry
(:data:`~disclosure_report.read.values.MONEY_UNITS`); anything else the format prints (a date's 年/月/日, a
colour, a currency sign before the number) is no unit.
"""

from __future__ import annotations

from decimal import Decimal

from disclosure_report.read.values import MONEY_UNITS

_PLACEHOLDERS = frozenset("0#?")
_CONDITION = ("[<", "[>", "[=")


def _sections(code: str) -> list[str]:
    """The sections of a format code, split at ``;`` outside quotes and escapes."""
    sections: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in code:
        if escaped:
            escaped = False
        elif ch == "\\" and not quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(ch)
    sections.append("".join(current))
    return sections


def _literal_after_number(section: str) -> str | None:
    """The literal text a section prints after its last digit placeholder; None for a section that prints no
    number (text ``@``, a date, a section of literals only)."""
    after: list[str] = []
    placeholder = False
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            after.append(section[i + 1 : end])
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(section):
            after.append(section[i + 1])
            i += 2
            continue
        if ch in "_*":  # _x: a space as wide as x; *x: x repeated to fill the cell
            i += 2
            continue
        if ch == "[":  # a colour, a locale, a currency: [Red], [$-804], [$¥-804]
            end = section.find("]", i + 1)
            i = len(section) if end < 0 else end + 1
            continue
        if ch in _PLACEHOLDERS or section.startswith("General", i):
            placeholder = True
            after = []
            i += 7 if ch == "G" else 1
            continue
        if ch in "@yYmMdDhHsSaA":  # text or a date/time: not a number
            return None
        if not ch.isascii():
            after.append(ch)  # a CJK character is printed as written, quoted or not
        i += 1
    return "".join(after).strip() if placeholder else None


def printed_unit(code: str, value: int | float | Decimal) -> str | None:
    """The unit number format ``code`` prints after ``value`` (``0.0"万元"`` → ``万元``), or None.

    >>> printed_unit('0.0000"万元"', 12.5), printed_unit("#,##0\\\\元;-#,##0\\\\元", 3000), printed_unit("0.00", 1)
    ('万元', '元', None)
    >>> printed_unit('0"元";-0"元";"-"', 0), printed_unit('yyyy"年"m"月"d"日"', 45000)
    (None, None)
    """
    sections = _sections(code)
    if any(s.lstrip().startswith(_CONDITION) for s in sections):
        return None  # a conditional format: which section prints the value is the spreadsheet's business
    if value < 0 and len(sections) >= 2:
        section = sections[1]
    elif value == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
    unit = _literal_after_number(section)
    return unit if unit in MONEY_UNITS else None
