"""``disclosure-report demo``: the README's main job on the bundled example."""

from __future__ import annotations

import argparse
import json

from disclosure_report.convert import load
from disclosure_report.examples import example_names, example_path
from disclosure_report.summary import summary, summary_data

NAME = "demo"
HELP = "load a bundled example report and print a short summary of it"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--example",
        choices=example_names(),
        default="shuyang-county-gov-2025",
        help="which bundled example to use (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    path = example_path(args.example)
    report = load(path)
    if args.json:
        print(json.dumps(summary_data(report), ensure_ascii=False, indent=2, default=str))
    else:
        print(f"example: {path.name}")
        print(summary(report))
    return 0
