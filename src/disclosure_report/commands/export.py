"""``disclosure-report export``: a tidy CSV of every cell of every document (one row per report × cell path)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.corpus.batch import write_cells_csv

NAME = "export"
HELP = "write a tidy CSV of every cell of every document (for pandas / Excel)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="documents or folders")
    parser.add_argument("-o", "--output", type=Path, help="CSV file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    if args.output:
        with args.output.open("w", encoding="utf-8-sig", newline="") as out:
            rows = write_cells_csv(args.paths, out)
        print(f"{rows} rows written to {args.output}")
    else:
        write_cells_csv(args.paths, sys.stdout)
    return 0
