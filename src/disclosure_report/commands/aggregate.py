"""``disclosure-report aggregate``: sum units' reports into a rollup, or check a published rollup against them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import attrs

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, output_file
from disclosure_report.corpus.batch import iter_documents, load_document, missing_inputs, read_document, skipped_line
from disclosure_report.corpus.rollup import (
    AggregateError,
    Coverage,
    Difference,
    DuplicateReportError,
    aggregate,
    check_rollup,
    unit_name,
)
from disclosure_report.jsonio.convert import dump
from disclosure_report.messages import Lang, printable, read_warning_text, say, with_colon
from disclosure_report.model import AnnualReport

NAME = "aggregate"
HELP = "sum departments' reports into a region's rollup (-o OUT), or --check a published rollup against them"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("units", nargs="+", type=Path, metavar="PATH", help="the units' reports (files or folders)")
    parser.add_argument("--agency", help="the rollup's agency (required unless --check)")
    parser.add_argument("--year", type=int, help="the report year (default: the most common among the units)")
    parser.add_argument("--expect", help="expected units: names separated by commas, or @FILE with one name per line")
    parser.add_argument("--blank-as-zero", action="store_true", help="count blank unit cells as 0 (and list them)")
    parser.add_argument("--first-duplicate", action="store_true", help="keep the first of a unit's duplicate reports")
    parser.add_argument("-o", "--output", type=Path, help="write the rollup report (JSON) here")
    parser.add_argument("--check", type=Path, metavar="ROLLUP", help="compare this published rollup with the units")
    parser.add_argument("--json", action="store_true", help="machine output")


def _expected(spec: str | None) -> list[str] | None:
    if not spec:
        return None
    if spec.startswith("@"):  # a list saved by Notepad starts with a BOM: not part of the first name
        path = Path(spec[1:])
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise AggregateError.keyed("aggregate.expect_encoding", path=str(path), offset=e.start) from None
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [name.strip() for name in spec.split(",") if name.strip()]


def _coverage_lines(c: Coverage, lang: Lang, units: Units | None = None) -> list[str]:
    """What the rollup covers and where it could not simply add, one line each (``--json`` keeps them in English);
    with ``units``, a report on another year is named with its file (a report filed in the wrong year's folder)."""
    if c.expected:
        lines = [say("aggregate.units_of", lang, summed=len(c.present), expected=len(c.expected))]
    else:
        lines = [say("aggregate.units", lang, summed=len(c.present))]
    if c.missing:
        lines.append(say("aggregate.missing", lang, names="、".join(c.missing)))
    if c.unexpected:
        lines.append(say("aggregate.unexpected", lang, names="、".join(c.unexpected)))
    if c.duplicated:
        lines.append(say("aggregate.duplicated", lang, names="、".join(c.duplicated)))
    if c.other_year:
        named = [f"{a} {y}" for a, y in dict.fromkeys(c.other_year)]
        if units is not None:
            named = [
                f"{a} {y}（{'、'.join(units.files_of(a, y))}）"
                if lang == "zh"
                else f"{a} {y} ({', '.join(units.files_of(a, y))})"
                for a, y in dict.fromkeys(c.other_year)
            ]
        lines.append(say("aggregate.other_year", lang, names="、".join(named)))
    if c.blanks:
        lines.append(say("aggregate.blanks", lang, n=len({p for _, p in c.blanks})))
    if c.zeroed:
        lines.append(say("aggregate.zeroed", lang, n=len(c.zeroed)))
    if c.unread:
        lines.append(say("aggregate.unread", lang, n=len({p for _, p in c.unread})))
    if c.layout_table:
        lines.append(say("aggregate.layout", lang, table=c.layout_table))
    return lines


def _difference_line(d: Difference, lang: Lang) -> str:
    return say(
        "aggregate.difference",
        lang,
        path=d.cell_path,
        labels=" › ".join(d.labels),
        published=d.published,
        summed=d.summed,
    )


@attrs.frozen
class Units:
    """The units' documents as loaded: each readable report with its file, each unreadable file named with why
    (in the language asked and in English, for ``--json``), and what the folder walk noted."""

    loaded: list[tuple[Path, AnnualReport]]
    skipped: list[str]
    skipped_en: list[str]
    notes: list[str]

    @property
    def reports(self) -> list[AnnualReport]:
        return [report for _, report in self.loaded]

    def files_of(self, agency: str, year: int) -> list[str]:
        """The files of one unit's reports on one year, in the order they were summed (the first is kept)."""
        same = (p for p, r in self.loaded if unit_name(r.meta.agency) == unit_name(agency) and r.meta.year == year)
        return [printable(str(p)) for p in same]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def load_units(paths: list[Path], lang: Lang, *, leave_out: Path | None = None) -> Units:
    """Every document under ``paths`` (in the order given, each folder's documents sorted, so which of two
    duplicates comes first is fixed), loaded. An unreadable one is named and left out — never the end of the run,
    never counted as zero; ``leave_out`` (the published rollup of ``--check``) is not a unit even in their folder."""
    units = Units([], [], [], [])
    for entry in paths:
        for path in sorted(iter_documents([entry], units.notes, lang=lang)):
            if leave_out is not None and _same_file(path, leave_out):
                continue
            try:
                units.loaded.append((path, load_document(path)))
            except Exception as e:  # one bad document never ends the rollup; it is named with why
                units.skipped.append(skipped_line(path, e, lang))
                units.skipped_en.append(skipped_line(path, e, "en"))
    return units


def _duplicated_lines(c: Coverage, units: Units, year: int, lang: Lang) -> list[str]:
    """For each unit with more than one report: the file kept and the ones left out."""
    lines = []
    for agency in dict.fromkeys(c.duplicated):
        kept, *left = units.files_of(agency, year)
        lines.append(say("aggregate.duplicate_files", lang, agency=agency, kept=kept, left=tuple(left)))
    return lines


def _rollups_among(units: Units, year: int, lang: Lang) -> list[str]:
    """Units that are themselves rollups (scope ``region_aggregate``): with their own units' reports beside them,
    every figure is counted twice — said, not guessed away."""
    found = [
        f"{r.meta.agency}（{printable(str(p))}）" if lang == "zh" else f"{r.meta.agency} ({printable(str(p))})"
        for p, r in units.loaded
        if r.meta.scope == "region_aggregate" and r.meta.year == year
    ]
    return [say("aggregate.rollup_unit", lang, names=tuple(found))] if found else []


def _report_skipped(units: Units, lang: Lang) -> None:
    for line in units.skipped:
        print(say("aggregate.skipped", lang, line=line), file=sys.stderr)
    for note in units.notes:
        print(say("note", lang, note=note), file=sys.stderr)


def _skipped_lines(units: Units, lang: Lang) -> list[str]:
    return [say("aggregate.unreadable", lang, n=len(units.skipped))] if units.skipped else []


def _said(c: Coverage, units: Units, year: int, lang: Lang) -> list[str]:
    """Every line on what the rollup covers: the coverage, the files of duplicates and of other years, rollups among
    the units, the unreadable documents left out."""
    return (
        _coverage_lines(c, lang, units)
        + _duplicated_lines(c, units, year, lang)
        + _rollups_among(units, year, lang)
        + _skipped_lines(units, lang)
    )


def run(args: argparse.Namespace) -> int:
    problems = missing_inputs([*args.units, *([args.check] if args.check is not None else [])], lang=args.lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    units = load_units(args.units, args.lang, leave_out=args.check)
    _report_skipped(units, args.lang)
    unreadable = EXIT_BAD_INPUT if units.skipped else EXIT_OK
    if args.check is not None:
        document = read_document(args.check)  # a rollup as published: a web page, a Word file, or JSON
        for warning in document.warnings:  # what the reader had to interpret, as validate prints it
            print(with_colon(args.check, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
        published = document.report
        differences, coverage = check_rollup(published, units.reports, blank_as_zero=args.blank_as_zero)
        year = published.meta.year
        if args.json:
            out = {
                "differences": [
                    {"cell_path": d.cell_path, "published": str(d.published), "summed": str(d.summed)}
                    for d in differences
                ],
                "coverage": _said(coverage, units, year, "en"),
                "unreadable": units.skipped_en,
            }
            print(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            for line in _said(coverage, units, year, args.lang):
                print(line)
            for d in differences:
                print(_difference_line(d, args.lang))
            print(say("aggregate.differences", args.lang, n=len(differences)))
        return unreadable or (EXIT_FINDINGS if differences else EXIT_OK)
    if not args.agency:
        print(f"aggregate: {say('aggregate.agency_required', args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        rollup = aggregate(
            units.reports,
            agency=args.agency,
            year=args.year,
            expected_units=_expected(args.expect),
            blank_as_zero=args.blank_as_zero,
            on_duplicate="first" if args.first_duplicate else "error",
        )
    except DuplicateReportError as e:
        files = tuple(units.files_of(e.agency, e.year))
        print(
            f"aggregate: {say('aggregate.duplicate', args.lang, agency=e.agency, year=e.year, files=files)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.output:
        dump(rollup.report, output_file(args.output))
    year = rollup.report.meta.year
    if args.json:
        out = {
            "output": str(args.output) if args.output else None,
            "coverage": _said(rollup.coverage, units, year, "en"),
            "unreadable": units.skipped_en,
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        print("\n".join(_said(rollup.coverage, units, year, args.lang)))
        if args.output:
            print(say("aggregate.written", args.lang, path=args.output))
    return unreadable
