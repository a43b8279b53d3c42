"""``disclosure-report new``: an empty report skeleton for an agency and a year, as a JSON document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import get_args

from disclosure_report.convert import dumps
from disclosure_report.model import Scope
from disclosure_report.skeleton import new_report

NAME = "new"
HELP = "write an empty report (every cell 0) for an agency and a year, in the format the year requires"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agency", required=True, help="the reporting body, e.g. 某市某局")
    parser.add_argument("--year", required=True, type=int, help="the report year")
    parser.add_argument("--scope", choices=get_args(Scope), help="what the report covers (sets the deadline rule)")
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")


def run(args: argparse.Namespace) -> int:
    try:
        report = new_report(args.agency, args.year, scope=args.scope)
    except ValueError as e:
        print(f"disclosure-report new: {e}", file=sys.stderr)
        return 2
    text = dumps(report)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0
