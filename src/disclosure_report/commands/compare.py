"""``disclosure-report compare``: two reports of one agency — what changed, the carry-over checks, the notable
changes — as text, JSON or a web page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_OK, count, output_file
from disclosure_report.corpus.batch import read_document
from disclosure_report.corpus.compare import compare
from disclosure_report.corpus.compare.page import comparison_page
from disclosure_report.corpus.compare.text import comparison_lines
from disclosure_report.errors import DisclosureReportError
from disclosure_report.messages import Lang, error_text, read_warning_text, say, with_colon
from disclosure_report.model import AnnualReport

NAME = "compare"
HELP = "compare two reports of one agency (last year's and this year's): changed cells, carry-over, notable changes"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier report (JSON or a published document)")
    parser.add_argument("new", type=Path, metavar="NEW", help="the later report (JSON or a published document)")
    parser.add_argument("--json", action="store_true", help="machine output (stable, see docs/compare.md)")
    parser.add_argument("--html", action="store_true", help="write the comparison as a web page (with -o)")
    parser.add_argument("-o", "--output", type=Path, help="write the page (--html) or the text/JSON here")
    parser.add_argument("--top", type=count(0), default=5, help="how many notable changes per group (default 5)")


def _read(path: Path, lang: Lang) -> AnnualReport | None:
    try:
        document = read_document(path)
    except (DisclosureReportError, KeyError, OSError) as e:
        message = error_text(e, lang)
        print(message if str(path) in message else with_colon(path, message, lang), file=sys.stderr)
        return None
    for warning in document.warnings:  # what the reader of a published document had to interpret
        print(with_colon(path, read_warning_text(warning, lang), lang), file=sys.stderr)
    return document.report


def run(args: argparse.Namespace) -> int:
    if args.html and args.output is None:
        print(f"compare: {say('compare.html_output', args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    old, new = _read(args.old, args.lang), _read(args.new, args.lang)
    if old is None or new is None:
        return EXIT_BAD_INPUT
    comparison = compare(old, new, top=args.top)
    if not comparison.same_agency:
        print(say("compare.agencies", args.lang, old=old.meta.agency, new=new.meta.agency), file=sys.stderr)
    if args.html:
        out = comparison_page(old, new, comparison, args.lang)
    elif args.json:
        out = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        out = "\n".join(comparison_lines(comparison, args.lang)) + "\n"
    if args.output is not None:
        output_file(args.output).write_text(out, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(out)
    return EXIT_OK
