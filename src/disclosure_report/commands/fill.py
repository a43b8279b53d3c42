"""``disclosure-report fill``: the figures of the filled workbook into the report it was made from, its narrative
kept (``read`` of the workbook alone gives the tables and the metadata, not the preamble or the narrative)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.authoring.figures import with_figures
from disclosure_report.commands._output import write_output
from disclosure_report.jsonio.convert import dumps, load
from disclosure_report.messages import read_warning_text, with_colon
from disclosure_report.read import read
from disclosure_report.read.base import ReadError

NAME = "fill"
HELP = (
    "take the figures (tables 二, 三, 四) and the metadata of a filled workbook (render --to xlsx) into the report "
    "it was made from, keeping the report's preamble and narrative; warnings go to stderr"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", type=Path, metavar="REPORT", help="the report (JSON) the workbook was made from")
    parser.add_argument("workbook", type=Path, metavar="WORKBOOK", help="the filled workbook (.xlsx)")
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout); may be REPORT itself")


def run(args: argparse.Namespace) -> int:
    report = load(args.report)
    try:
        result = read(args.workbook, format="xlsx")
    except ReadError:  # a workbook that names no agency or year (its 基本信息 removed): the report names them
        result = read(args.workbook, format="xlsx", year=report.meta.year, agency=report.meta.agency)
    for warning in result.warnings:
        print(with_colon(args.workbook, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
    text = dumps(with_figures(report, result.report))
    if args.output is not None:
        write_output(args.output, text.encode("utf-8"))
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0
