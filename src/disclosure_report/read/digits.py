"""Splitting digit runs whose separators were lost (``（一）予以公开270020130``) under the table identities."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from disclosure_report.model.cells import MAX_COUNT

MAX_SPLITS = 300_000
"""Runs with more ways to split than this are not searched (they are reported as unreadable, never guessed)."""
MAX_CANDIDATES = 64
"""Beyond this many splits a run is called ambiguous without listing more."""


def _splits(run: str, parts: int) -> Iterator[list[int]]:
    """Every way to cut ``run`` into ``parts`` numbers without leading zeros ("0" itself is a number)."""
    if parts == 1:
        if run and (run == "0" or run[0] != "0"):
            yield [int(run)]
        return
    if len(run) < parts:
        return
    first_lengths = [1] if run[0] == "0" else range(1, len(run) - parts + 2)
    for n in first_lengths:
        for rest in _splits(run[n:], parts - 1):
            yield [int(run[:n]), *rest]


def split_runs(
    runs: Sequence[str], parts: int, accept: Callable[[list[int]], bool] = lambda _: True
) -> list[list[int]]:
    """Every way to read the digit ``runs`` (each run one or more numbers, in order) as ``parts`` numbers that
    ``accept`` allows; at most :data:`MAX_CANDIDATES` of them.

    >>> split_runs(["640020470"], 7, lambda v: v[-1] == sum(v[:-1]))
    [[64, 0, 0, 2, 0, 4, 70]]
    >>> len(split_runs(["693665"], 3)) > 1
    True
    """
    out: list[list[int]] = []
    digits = sum(len(r) for r in runs)
    if digits < parts or math.comb(max(digits - 1, 0), max(parts - 1, 0)) > MAX_SPLITS:
        return out

    def walk(i: int, remaining: int, acc: list[int]) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        if i == len(runs):
            if remaining == 0 and max(acc, default=0) <= MAX_COUNT and accept(acc):
                out.append(acc)
            return
        later = len(runs) - i - 1
        for k in range(1, min(len(runs[i]), remaining - later) + 1):
            for piece in _splits(runs[i], k):
                walk(i + 1, remaining - k, acc + piece)

    walk(0, parts, [])
    return out


def row_total_rule(total_index: int | None) -> Callable[[list[int]], bool]:
    """Accept a split whose total column equals the sum of the other columns (or any split without a total)."""
    if total_index is None:
        return lambda _: True
    return lambda v: v[total_index] == sum(x for k, x in enumerate(v) if k != total_index)


def bands_rule(width: int, total_offset: int) -> Callable[[list[int]], bool]:
    """Accept a split of several bands of ``width`` columns, each band's total equal to the sum of its parts."""

    def accept(v: list[int]) -> bool:
        for start in range(0, len(v), width):
            band = v[start : start + width]
            if band[total_offset] != sum(x for k, x in enumerate(band) if k != total_offset):
                return False
        return True

    return accept
