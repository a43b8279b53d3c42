"""A comparison as lines of text, in Chinese or English."""

from __future__ import annotations

from typing import Literal

from disclosure_report.corpus.compare import CellChange, Comparison, ReportRef, kind_of, note_text
from disclosure_report.messages import severity, with_colon
from disclosure_report.model import Blank, is_number
from disclosure_report.render.grid import cell_text

Lang = Literal["zh", "en"]

_WORDS = {
    "zh": {
        "compared": "对比单元格 {n} 个，变化 {k} 个",
        "carry": "跨年度检查",
        "carry_none": "跨年度检查：无问题",
        "notable": "主要变化",
        "changes": "全部变化",
        "none": "（无）",
        "note": "说明",
        "blank": "（空）",
        "format": "格式",
    },
    "en": {
        "compared": "{n} cells compared, {k} changed",
        "carry": "cross-year checks",
        "carry_none": "cross-year checks: nothing found",
        "notable": "notable changes",
        "changes": "every change",
        "none": "(none)",
        "note": "note",
        "blank": "(blank)",
        "format": "format",
    },
}


def shown(value: object, lang: Lang = "zh") -> str:
    """A cell value as text: the number, or what stood in place of one."""
    if is_number(value):
        return cell_text(value)
    if type(value) is Blank:
        blank = _WORDS[lang]["blank"]
        return f"{blank[:-1]}: {value.printed}{blank[-1]}" if value.printed else blank
    return f"({kind_of(value)})"


def change_figures(change: CellChange, lang: Lang = "zh") -> str:
    """``old → new (difference, relative)``, e.g. ``821 → 705 (-116, -14.1%)``."""
    text = f"{shown(change.old, lang)} → {shown(change.new, lang)}"
    if change.difference is None:
        return text
    difference = cell_text(change.difference)
    sign = "+" if change.difference > 0 else ""
    relative = "" if change.relative is None else f", {change.relative:+.1%}"
    return f"{text} ({sign}{difference}{relative})"


def _ref(ref: ReportRef, lang: Lang) -> str:
    if lang == "zh":  # full-width brackets in Chinese text
        return f"{ref.agency} {ref.year}（{_WORDS[lang]['format']} {ref.format}）"
    return f"{ref.agency} {ref.year} ({_WORDS[lang]['format']} {ref.format})"


def _where(change: CellChange, lang: Lang) -> str:
    return " › ".join(change.labels) if lang == "zh" else change.path


def comparison_lines(comparison: Comparison, lang: Lang = "zh") -> list[str]:
    """The comparison as it is printed by ``disclosure-report compare``."""
    w = _WORDS[lang]
    lines = [f"{_ref(comparison.old, lang)} → {_ref(comparison.new, lang)}"]
    lines += [with_colon(w["note"], note_text(note, lang), lang) for note in comparison.notes]
    lines.append(w["compared"].format(n=comparison.compared, k=len(comparison.changes)))
    if comparison.carry_over:
        lines += ["", w["carry"]]
        width = 2 if lang == "zh" else 7  # 警告/提示 take two columns each character, as validate prints them
        lines += [
            f"  {severity(f.severity, lang):<{width}} {f.sub_id}: {f.message(lang)}" for f in comparison.carry_over
        ]
    else:
        lines += ["", w["carry_none"]]
    lines += ["", w["notable"]]
    for group in comparison.notable:
        lines.append(f"  {group.title(lang)}")
        if not group.changes:
            lines.append(f"    {w['none']}")
        lines += [f"    {_where(c, lang)}: {change_figures(c, lang)}" for c in group.changes]
    lines += ["", w["changes"]]
    if not comparison.changes:
        lines.append(f"  {w['none']}")
    lines += [f"  {_where(c, lang)}: {change_figures(c, lang)}" for c in comparison.changes]
    return lines
