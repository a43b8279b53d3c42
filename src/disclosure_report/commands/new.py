"""``disclosure-report new``: a report to fill for an agency and a year — empty, or started from last year's report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import get_args

from disclosure_report.authoring.skeleton import new_report
from disclosure_report.commands._output import write_output
from disclosure_report.errors import DisclosureReportError
from disclosure_report.jsonio.convert import dumps
from disclosure_report.messages import error_text, read_warning_text, say, with_colon
from disclosure_report.model import Scope

NAME = "new"
HELP = (
    "write a report to fill for an agency and a year (every cell 0, in the format the year requires), "
    "or start it from last year's report (--previous)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agency", help="the reporting body, e.g. 某市某局 (default with --previous: its agency)")
    parser.add_argument("--year", type=int, help="the report year (default with --previous: the year after it)")
    parser.add_argument("--scope", choices=get_args(Scope), help="what the report covers (sets the deadline rule)")
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="last year's report (JSON, or a published document: PDF, Word, web page, text…): the carry-over "
        "(二、上年结转 = its 四、结转下年度继续办理), agency, scope, contact and preamble are taken from it",
    )
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")


def run(args: argparse.Namespace) -> int:
    previous = None
    if args.previous is not None:
        from disclosure_report.corpus.batch import read_document

        try:
            document = read_document(args.previous)
        except (DisclosureReportError, OSError) as e:
            print(f"disclosure-report new: {error_text(e, args.lang)}", file=sys.stderr)
            return 2
        for warning in document.warnings:
            print(with_colon(args.previous, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
        previous = document.report
    elif args.agency is None or args.year is None:
        print(f"disclosure-report new: {say('new.give', args.lang)}", file=sys.stderr)
        return 2
    agency = args.agency if args.agency is not None else previous.meta.agency  # type: ignore[union-attr]
    year = args.year if args.year is not None else previous.meta.year + 1  # type: ignore[union-attr]
    try:
        report = new_report(agency, year, scope=args.scope, previous=previous)
    except (ValueError, TypeError) as e:
        print(f"disclosure-report new: {error_text(e, args.lang)}", file=sys.stderr)
        return 2
    document_text = dumps(report)
    if args.output:
        write_output(args.output, document_text.encode("utf-8"))
        print(args.output)
    else:
        sys.stdout.write(document_text)
    return 0
