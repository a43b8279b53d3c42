"""Charts as inline SVG, drawn by matplotlib (the optional ``charts`` extra).

Text stays text (``svg.fonttype = 'none'``), so Chinese labels are drawn with the reader's own fonts; the output is
the same bytes for the same figures (``svg.hashsalt`` fixed, no date in the metadata); each chart's element ids are
prefixed so that several charts can sit in one page. Without matplotlib every function returns None and the page
prints :data:`INSTALL_NOTE` in the chart's place.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

INSTALL_NOTE = "pip install 'disclosure-report[charts]'"

FONTS = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "WenQuanYi Micro Hei",
    "DejaVu Sans",
]
"""Fonts named in the SVG (the reader's browser picks the first it has) and used to lay the text out."""

COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]

_RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "disclosure-report",
    "font.family": "sans-serif",
    "font.sans-serif": FONTS,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def available() -> bool:
    """Whether matplotlib can be imported (the charts are drawn)."""
    return _pyplot() is not None


@contextmanager
def _figure(width: float, height: float) -> Iterator[tuple[Any, Any]]:
    plt = _pyplot()
    assert plt is not None
    import matplotlib

    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"(?s).*(Glyph|findfont|missing from font)")
        fig, ax = plt.subplots(figsize=(width, height))
        try:
            yield fig, ax
        finally:
            plt.close(fig)


def _svg(fig: Any, name: str) -> str:
    """The figure as an ``<svg>`` element (no XML prolog), its ids prefixed with ``name``."""
    out = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"(?s).*(Glyph|findfont|missing from font)")
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"(?s)\s*<metadata>.*?</metadata>", "", text, count=1)
    text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{name}-{m.group(1)}"', text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{name}-{m.group(1)})", text)
    text = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{name}-{m.group(1)}"', text)
    return text.replace("<svg ", f'<svg class="dr-chart" data-chart="{name}" role="img" ', 1)


def bar_chart(name: str, title: str, labels: Sequence[str], values: Sequence[int]) -> str | None:
    """A horizontal bar per label, largest first as given, each with its value printed."""
    if not available() or not labels:
        return None
    with _figure(7.0, 0.8 + 0.32 * len(labels)) as (fig, ax):
        positions = list(range(len(labels)))[::-1]
        bars = ax.barh(positions, values, color=COLORS[0])
        ax.set_yticks(positions, labels)
        ax.bar_label(bars, labels=[str(v) for v in values], padding=3)
        ax.set_title(title, loc="left")
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        return _svg(fig, name)


def stacked_bars(
    name: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
) -> str | None:
    """One vertical bar per category (e.g. a year), stacked from ``series`` (label, one value per category)."""
    if not available() or not categories or not series:
        return None
    with _figure(7.0, 3.6) as (fig, ax):
        bottoms = [0] * len(categories)
        positions = list(range(len(categories)))
        for i, (label, values) in enumerate(series):
            ax.bar(positions, values, bottom=bottoms, label=label, color=COLORS[i % len(COLORS)], width=0.6)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        for x, total in zip(positions, bottoms, strict=True):
            ax.annotate(str(total), (x, total), ha="center", va="bottom", xytext=(0, 2), textcoords="offset points")
        ax.set_xticks(positions, categories)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        return _svg(fig, name)


def line_chart(
    name: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int | None]]]
) -> str | None:
    """One line per series over the categories (e.g. years); a None is a gap (no report, or no number)."""
    if not available() or len(categories) < 2 or not series:
        return None
    with _figure(7.0, 3.6) as (fig, ax):
        positions = list(range(len(categories)))
        for i, (label, values) in enumerate(series):
            points = [(x, v) for x, v in zip(positions, values, strict=True) if v is not None]
            if not points:
                continue
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, marker="o", label=label, color=COLORS[i % len(COLORS)])
        ax.set_xticks(positions, categories)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        return _svg(fig, name)
