"""The one error of :mod:`disclosure_report.zh`."""

from __future__ import annotations

from disclosure_report.errors import DisclosureReportError


class ZhParseError(DisclosureReportError, ValueError):
    """Text that cannot be read as what was asked: names the text, the position and what was expected.

    >>> e = ZhParseError("二百百", 2, "a Chinese numeral", "a unit must follow a digit")
    >>> print(e)
    cannot read '二百百' as a Chinese numeral: unexpected '百' at position 2 (a unit must follow a digit)
    >>> e.text, e.position
    ('二百百', 2)
    """

    def __init__(self, text: str, position: int | None, what: str, why: str = "") -> None:
        self.text = text
        self.position = position
        self.what = what
        if position is not None and position < len(text):
            detail = f"unexpected {text[position]!r} at position {position}"
            if why:
                detail += f" ({why})"
        else:
            detail = why or "it is empty or incomplete"
        super().__init__(f"cannot read {text!r} as {what}: {detail}")
