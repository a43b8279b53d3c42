"""``disclosure-report schema``: print, write or check the published schema files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from disclosure_report.formats import FORMATS
from disclosure_report.jsonio.publish import differences, write
from disclosure_report.jsonio.schema import report_schema
from disclosure_report.messages import say

NAME = "schema"
HELP = "print the report JSON Schema, write the published files (-o DIR), or check them (--check)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", dest="version", choices=sorted(FORMATS), default=max(FORMATS), help="format version to print"
    )
    parser.add_argument("-o", "--output", type=Path, help="write every published file under this folder")
    parser.add_argument(
        "--check",
        nargs="?",
        const=Path("schemas"),
        type=Path,
        metavar="DIR",
        help="exit 1 unless the files in DIR (default: schemas) equal what the code generates",
    )


def run(args: argparse.Namespace) -> int:
    if args.check is not None:
        problems = differences(args.check, args.lang)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print(say("schema.regenerate", args.lang), file=sys.stderr)
            return 1
        print(say("schema.equal", args.lang, path=args.check))
        return 0
    if args.output is not None:
        for path in write(args.output):
            print(path)
        return 0
    print(json.dumps(report_schema(args.version), ensure_ascii=False, indent=2))
    return 0
