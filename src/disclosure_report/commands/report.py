"""``disclosure-report report``: a folder of reports as one static web page (``site/index.html``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from disclosure_report.corpus.batch import missing_inputs
from disclosure_report.corpus.page import build_site
from disclosure_report.corpus.page.charts import INSTALL_NOTE, available
from disclosure_report.messages import say
from disclosure_report.rules import unknown_rule_ids

NAME = "report"
HELP = "a folder of reports as one static web page: failures and why, the region's totals, trends (-o SITE/)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="report documents (JSON, or published ones) or folders"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="write DIR/index.html")
    parser.add_argument("--region", default="本地区", help="the name of the region the totals are of")
    parser.add_argument(
        "--disable", action="append", default=[], metavar="RULE", help="waive a rule id or sub-id (repeatable)"
    )


def run(args: argparse.Namespace) -> int:
    unknown = unknown_rule_ids(args.disable)
    if unknown:  # before any document is read, as validate does: not once per document, as an unreadable one
        print(f"report: {say('validate.unknown_rules', args.lang, ids=', '.join(unknown))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"report: {say('report.missing', args.lang, paths=', '.join(map(str, missing)))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    empty = missing_inputs(args.paths, lang=args.lang)  # a folder given that holds no report, named as validate does
    for problem in empty:
        print(problem, file=sys.stderr)
    if len(empty) == len(args.paths):  # nothing to put on a page: no page is written
        print(f"report: {say('report.nothing', args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    index, corpus = build_site(args.paths, args.output, region=args.region, lang=args.lang, disable=tuple(args.disable))
    summary = corpus.summary
    print(summary.table(lang=args.lang).splitlines()[0])
    for note in corpus.notes:  # on the page's overview too
        print(say("note", args.lang, note=note), file=sys.stderr)
    if not available():
        print(say("report.no_charts", args.lang, install=INSTALL_NOTE), file=sys.stderr)
    print(index)
    if summary.unreadable or empty:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if summary.failed else EXIT_OK
