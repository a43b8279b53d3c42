"""Compiling the patterns that see document text so they stay linear in time.

Their repetitions are possessive (``\\s*+``, ``[0-9]++``) and some groups atomic (``(?>…)``): once matched, never
given back, so a pattern cannot try the ways to split a long run of spaces or digits between two of its parts — the
quadratic and exponential patterns found by the hostile-input tests were all of that kind. Both came with Python
3.11. On Python 3.10 each is written the way that Python can say it — a lookahead that captures what the atomic part
matches, then a back-reference to exactly that text (``(?=(?P<_a0>X))(?P=_a0)``): a lookahead, once it has
matched, is never entered again, so the part is not given back either. The same matches, in linear time; the
added groups are named ``_a0``, ``_a1``, …, so the patterns' own groups are read by name.
"""

from __future__ import annotations

import re
import sys

POSSESSIVE = sys.version_info >= (3, 11)
"""Whether this Python compiles possessive repetitions and atomic groups."""

ADDED_GROUP = "_a"
"""The prefix of the groups :func:`atomic_by_lookahead` adds."""


def compile_linear(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``; on Python 3.10 with :func:`atomic_by_lookahead`.

    >>> compile_linear(r"\\s*+(?P<n>[0-9]++)件").match("  12件")["n"]
    '12'
    """
    return re.compile(pattern if POSSESSIVE else atomic_by_lookahead(pattern), flags)


def atomic_by_lookahead(pattern: str) -> str:
    """``pattern`` with each possessive repetition (``X*+``, ``X++``, ``X?+``, ``X{m,n}+``) and each atomic group
    (``(?>X)``) written as a lookahead that captures it and a back-reference to what it captured.

    >>> atomic_by_lookahead(r"\\s*+:")
    '(?=(?P<_a0>\\\\s*))(?P=_a0):'
    >>> atomic_by_lookahead(r"(?>a|ab)c[+]")
    '(?=(?P<_a0>a|ab))(?P=_a0)c[+]'
    >>> atomic_by_lookahead(r'"(?:[^"\\\\]|\\\\.)*+"')
    '"(?=(?P<_a0>(?:[^"\\\\\\\\]|\\\\\\\\.)*))(?P=_a0)"'
    """
    return _Rewriter(pattern).rewrite()


class _Rewriter:
    """One pass over a pattern's text: atoms (a character, an escape, a class, a group) and what follows them."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0
        taken = [int(n) for n in re.findall(rf"\(\?P<{ADDED_GROUP}([0-9]+)>", pattern)]
        self.count = max(taken, default=-1) + 1  # (a pattern made from one rewritten already has some)

    def rewrite(self, closing: bool = False) -> str:
        """The pattern's text from here up to the end (or, with ``closing``, up to the ``)`` closing this level),
        rewritten; the position is left on that ``)``."""
        out: list[str] = []
        atom_start = None  # where in ``out`` the last atom begins: a repetition applies to it
        p = self.pattern
        while self.at < len(p):
            c = p[self.at]
            if c == ")":
                if closing:
                    return "".join(out)
                raise re.error("unbalanced parenthesis", p, self.at)
            if c in "*+?{" and atom_start is not None and (repeat := self._repetition()) is not None:
                if self.at < len(p) and p[self.at] == "+":  # possessive: the atom and its repetition, atomic
                    self.at += 1
                    out[atom_start:] = [self._atomic("".join(out[atom_start:]) + repeat)]
                else:
                    out.append(repeat)
                atom_start = None
                continue
            atom_start = len(out)
            out.append(self._atom())
        if closing:
            raise re.error("missing ), unterminated subpattern", p, self.at)
        return "".join(out)

    def _atom(self) -> str:
        p, start = self.pattern, self.at
        c = p[start]
        if c == "\\":
            self.at += 2
            return p[start : self.at]
        if c == "[":
            self.at = self._class_end(start)
            return p[start : self.at]
        if c == "(":
            atomic = p.startswith("(?>", start)
            head = self._group_head(start)
            self.at = start + len(head)
            inner = self.rewrite(closing=True)
            self.at += 1  # the closing parenthesis
            return self._atomic(inner) if atomic else f"{head}{inner})"
        self.at += 1
        return c

    def _group_head(self, start: int) -> str:
        """What opens the group at ``start``: ``(``, ``(?:``, ``(?P<name>``, ``(?=``, ``(?<!``, ``(?>`` …"""
        p = self.pattern
        if not p.startswith("(?", start):
            return "("
        for head in ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"):
            if p.startswith(head, start):
                return head
        if p.startswith("(?P<", start):
            return p[start : p.index(">", start) + 1]
        if p.startswith("(?P=", start) or p.startswith("(?#", start):
            return p[start : p.index(")", start)]  # a back-reference or a comment: its text, then the )
        flags = re.match(r"\(\?[aiLmsux-]*[:)]", p[start:])
        if flags is None:
            raise re.error("unknown extension", p, start)
        return flags.group(0) if flags.group(0).endswith(":") else flags.group(0)[:-1]

    def _class_end(self, start: int) -> int:
        """The position just after the character class that starts at ``start``."""
        p = self.pattern
        at = start + 1
        if at < len(p) and p[at] == "^":
            at += 1
        if at < len(p) and p[at] == "]":
            at += 1  # a ] first in the class is a character of it
        while at < len(p) and p[at] != "]":
            at += 2 if p[at] == "\\" else 1
        if at >= len(p):
            raise re.error("unterminated character set", p, start)
        return at + 1

    def _repetition(self) -> str | None:
        """The repetition at the position (``*``, ``+``, ``?``, ``{m,n}``, each maybe lazy), consumed; None when a
        ``{`` there is a plain character."""
        p, start = self.pattern, self.at
        if p[start] == "{":
            m = re.match(r"\{[0-9]*(?:,[0-9]*)?\}", p[start:])
            if m is None:
                return None
            self.at += len(m.group(0))
        else:
            self.at += 1
        if self.at < len(p) and p[self.at] == "?":
            self.at += 1
        return p[start : self.at]

    def _atomic(self, inner: str) -> str:
        name = f"{ADDED_GROUP}{self.count}"
        self.count += 1
        return f"(?=(?P<{name}>{inner}))(?P={name})"
