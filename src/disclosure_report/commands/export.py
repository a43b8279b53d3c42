"""``disclosure-report export``: a tidy CSV of every cell of every document (one row per report × cell path)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_OK
from disclosure_report.corpus.batch import write_cells_csv

NAME = "export"
HELP = "write a tidy CSV of every cell of every document (for pandas / Excel)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="documents or folders")
    parser.add_argument("-o", "--output", type=Path, help="CSV file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    skipped: list[str] = []
    notes: list[str] = []
    if args.output:
        with args.output.open("w", encoding="utf-8-sig", newline="") as out:
            rows = write_cells_csv(args.paths, out, skipped, notes)
        print(f"{rows} rows written to {args.output}")
    else:
        rows = write_cells_csv(args.paths, sys.stdout, skipped, notes)
    for line in skipped:
        print(f"skipped, unreadable: {line}", file=sys.stderr)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if rows == 0:
        print("no report documents could be read: the CSV has no rows", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
