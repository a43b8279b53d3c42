"""``disclosure-report read``: a published report (text, Markdown, HTML, Word, Excel) → the JSON document."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from disclosure_report.cli import output_file
from disclosure_report.jsonio.convert import dumps, unstructure
from disclosure_report.messages import read_warning_text, with_colon
from disclosure_report.read import available_readers, read
from disclosure_report.read.base import ReadError

NAME = "read"
HELP = "read a published report (text, markdown, html, docx, xlsx) into the JSON document; warnings go to stderr"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--format", default=None, help=f"reader to use (default: detect): {', '.join(available_readers())}"
    )
    parser.add_argument("--year", type=int, help="the report year, for a document that does not name it")
    parser.add_argument("--agency", help="the agency, for a document that does not name it")
    parser.add_argument("--json", action="store_true", help='print {"report": …, "warnings": […]} as one JSON object')
    parser.add_argument("-o", "--output", type=Path, help="write the report document here")


def run(args: argparse.Namespace) -> int:
    if args.format is not None and args.format not in available_readers():
        raise ReadError.keyed("read.unknown", name=args.format, available=", ".join(available_readers()))
    result = read(args.file, format=args.format, year=args.year, agency=args.agency)
    if args.json:
        out = {
            "report": unstructure(result.report),
            "warnings": [
                {"message": w.message, "line": w.line, "cell_path": w.cell_path, "kind": w.kind}
                for w in result.warnings
            ],
        }
        text = json.dumps(out, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        text = dumps(result.report)
        for warning in result.warnings:
            print(with_colon(args.file, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
    if args.output is not None:
        output_file(args.output).write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0
