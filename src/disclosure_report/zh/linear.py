"""Compiling the patterns that see document text so they stay linear in time.

Their repetitions are possessive (``\\s*+``, ``[0-9]++``) and some groups atomic (``(?>…)``): once matched, never
given back, so a pattern cannot try the ways to split a long run of spaces or digits between two of its parts — the
quadratic and exponential patterns found by the hostile-input tests were all of that kind. Both came with Python
3.11; on Python 3.10 the patterns are compiled without them (the same matches, slower on pathological text).
"""

from __future__ import annotations

import re
import sys

POSSESSIVE = sys.version_info >= (3, 11)
"""Whether this Python compiles possessive repetitions."""

_POSSESSIVE_MARK = re.compile(r"(?<=[^\\][*+?}])\+")


def compile_linear(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``; on Python 3.10 with the possessive marks taken out.

    >>> compile_linear(r"\\s*+(?P<n>[0-9]++)件").match("  12件")["n"]
    '12'
    >>> _POSSESSIVE_MARK.sub("", r"\\s*+[0-9]++\\++")
    '\\\\s*[0-9]+\\\\++'
    """
    if not POSSESSIVE:
        pattern = _POSSESSIVE_MARK.sub("", pattern).replace("(?>", "(?:")
    return re.compile(pattern, flags)
