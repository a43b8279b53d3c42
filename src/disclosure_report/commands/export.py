"""``disclosure-report export``: a tidy CSV of every cell of every document (one row per report × cell path)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_OK, output_file
from disclosure_report.corpus.batch import missing_inputs, write_cells_csv
from disclosure_report.messages import say

NAME = "export"
HELP = "write a tidy CSV of every cell of every document (for pandas / Excel; exit 2 if one cannot be read)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="documents or folders")
    parser.add_argument("-o", "--output", type=Path, help="CSV file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    problems = missing_inputs(args.paths, lang=args.lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    skipped: list[str] = []
    notes: list[str] = []
    if args.output:
        with output_file(args.output).open("w", encoding="utf-8-sig", newline="") as out:
            rows = write_cells_csv(args.paths, out, skipped, notes, lang=args.lang)
        print(say("export.written", args.lang, rows=rows, path=args.output))
    else:
        rows = write_cells_csv(args.paths, sys.stdout, skipped, notes, lang=args.lang)
    for line in skipped:
        print(say("export.skipped", args.lang, line=line), file=sys.stderr)
    for note in notes:
        print(say("note", args.lang, note=note), file=sys.stderr)
    if skipped:
        print(say("export.unreadable", args.lang, n=len(skipped)), file=sys.stderr)
    if rows == 0:
        print(say("export.no_rows", args.lang), file=sys.stderr)
    return EXIT_BAD_INPUT if skipped or rows == 0 else EXIT_OK
