"""``disclosure-report formats``: the format declaration — every cell path with its printed labels."""

from __future__ import annotations

import argparse

from disclosure_report.formats import FORMATS, get_format
from disclosure_report.formats.page import format_markdown

NAME = "formats"
HELP = "list every cell of a format version with its printed labels (--markdown: docs/format-spec.md)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", dest="version", choices=sorted(FORMATS), default=max(FORMATS))
    parser.add_argument(
        "--markdown", action="store_true", help="print the format page, every format, as Markdown (docs/format-spec.md)"
    )


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        print(format_markdown(), end="")
        return 0
    fmt = get_format(args.version)
    print(f"{fmt.version}: 《{fmt.name}》 {fmt.document}")
    for cell in fmt.cells():
        print(f"{cell.path}\t{' › '.join(cell.labels)}")
    return 0
