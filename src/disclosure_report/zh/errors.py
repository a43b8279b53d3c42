"""The one error of :mod:`disclosure_report.zh`."""

from __future__ import annotations

from disclosure_report.errors import DisclosureReportError


class ZhParseError(DisclosureReportError, ValueError):
    """Text that cannot be read as what was asked.

    ``text`` is the text as given, ``position`` the index in it of the offending character (None when no single
    character is to blame, e.g. empty text), ``what`` what was expected and ``why`` the rule that was broken.

    >>> e = ZhParseError("二百百", 2, "a Chinese numeral", "a unit must follow a digit")
    >>> print(e)
    cannot read '二百百' as a Chinese numeral: unexpected '百' at position 2 (a unit must follow a digit)
    >>> e.text, e.position, isinstance(e, ValueError)
    ('二百百', 2, True)
    >>> print(ZhParseError("", None, "a number", "it is empty"))
    cannot read '' as a number: it is empty
    """

    def __init__(self, text: str, position: int | None, what: str, why: str = "") -> None:
        self.text = text
        self.position = position
        self.what = what
        self.why = why
        if position is not None and 0 <= position < len(text):
            detail = f"unexpected {text[position]!r} at position {position}"
            if why:
                detail += f" ({why})"
        else:
            detail = why or "it is empty or incomplete"
        super().__init__(f"cannot read {text!r} as {what}: {detail}")

    def __reduce__(self) -> tuple[type[ZhParseError], tuple[str, int | None, str, str]]:
        return type(self), (self.text, self.position, self.what, self.why)
