"""``disclosure-report aggregate``: sum units' reports into a rollup, or check a published rollup against them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from disclosure_report.corpus.batch import iter_documents, load_document, missing_inputs
from disclosure_report.corpus.rollup import Coverage, Difference, DuplicateReportError, aggregate, check_rollup
from disclosure_report.jsonio.convert import dump, load
from disclosure_report.messages import Lang, say

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
    if spec.startswith("@"):
        return [line.strip() for line in Path(spec[1:]).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [name.strip() for name in spec.split(",") if name.strip()]


def _coverage_lines(c: Coverage, lang: Lang) -> list[str]:
    """What the rollup covers and where it could not simply add, one line each (``--json`` keeps them in English)."""
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
        lines.append(say("aggregate.other_year", lang, names="、".join(f"{a} {y}" for a, y in c.other_year)))
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


def run(args: argparse.Namespace) -> int:
    problems = missing_inputs([*args.units, *([args.check] if args.check is not None else [])], lang=args.lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    # paths in the order given, each folder's documents sorted: which of two duplicates comes first is fixed
    units = [load_document(p) for entry in args.units for p in sorted(iter_documents([entry]))]
    if args.check is not None:
        published = load(args.check)
        differences, coverage = check_rollup(published, units, blank_as_zero=args.blank_as_zero)
        if args.json:
            out = {
                "differences": [
                    {"cell_path": d.cell_path, "published": str(d.published), "summed": str(d.summed)}
                    for d in differences
                ],
                "coverage": _coverage_lines(coverage, "en"),
            }
            print(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            for line in _coverage_lines(coverage, args.lang):
                print(line)
            for d in differences:
                print(_difference_line(d, args.lang))
            print(say("aggregate.differences", args.lang, n=len(differences)))
        return EXIT_FINDINGS if differences else EXIT_OK
    if not args.agency:
        print(f"aggregate: {say('aggregate.agency_required', args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        rollup = aggregate(
            units,
            agency=args.agency,
            year=args.year,
            expected_units=_expected(args.expect),
            blank_as_zero=args.blank_as_zero,
            on_duplicate="first" if args.first_duplicate else "error",
        )
    except DuplicateReportError as e:
        print(
            f"aggregate: {say('aggregate.duplicate', args.lang, agency=e.agency, year=e.year)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.output:
        dump(rollup.report, args.output)
    if args.json:
        lines = _coverage_lines(rollup.coverage, "en")
        print(json.dumps({"output": str(args.output) if args.output else None, "coverage": lines}, ensure_ascii=False))
    else:
        print("\n".join(_coverage_lines(rollup.coverage, args.lang)))
        if args.output:
            print(say("aggregate.written", args.lang, path=args.output))
    return EXIT_OK
