"""``disclosure-report demo``: the README's main job on the bundled example."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from disclosure_report.convert import load
from disclosure_report.examples import example_names, example_path
from disclosure_report.render import render
from disclosure_report.rules import validate
from disclosure_report.summary import summary, summary_data

NAME = "demo"
HELP = "load a bundled example report, print its key figures and findings, and render it as a web page"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--example",
        choices=example_names(),
        default="shuyang-county-gov-2025",
        help="which bundled example to use (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "-o", "--html", type=Path, default=None, help="write the rendered web page here (default: ./<example>.html)"
    )


def run(args: argparse.Namespace) -> int:
    path = example_path(args.example)
    report = load(path)
    result = validate(report)
    html_path = args.html or Path(f"{args.example}.html")
    html_path.write_text(str(render(report, "html")), encoding="utf-8")
    if args.json:
        data = summary_data(report) | {"validation": result.to_dict(), "html": str(html_path)}
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(f"example: {path.name}")
        print(summary(report))
        counts = result.counts
        print(
            f"validation: {'ok' if result.ok else 'ERRORS'} — {counts['error']} error, "
            f"{counts['warning']} warning, {counts['info']} info"
        )
        for finding in result.findings:
            print(f"  {finding.severity:<7} {finding.sub_id}: {finding.message_zh}")
        print(f"web page: {html_path}")
    return 0
