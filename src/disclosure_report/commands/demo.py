"""``disclosure-report demo``: the README's main job on the bundled example."""

from __future__ import annotations

import argparse
from pathlib import Path

from disclosure_report.corpus.summary import summary, summary_data
from disclosure_report.examples import example_names, example_path
from disclosure_report.jsonio.convert import dumps_data, load
from disclosure_report.messages import result_line, say, severity
from disclosure_report.render import render
from disclosure_report.rules import validate

NAME = "demo"
HELP = "load a bundled example report, print its key figures and findings, and render it as a web page"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--example",
        choices=example_names(),
        default="shuyang-county-gov-2025",
        help="which bundled example to use (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON (counts and amounts as numbers)")
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
        print(dumps_data(data), end="")
        return 0
    print(say("demo.example", args.lang, name=path.name))
    print(summary(report, args.lang))
    print(result_line(say("demo.validation", args.lang), result.ok, result.counts, args.lang))
    for finding in result.findings:
        print(f"  {severity(finding.severity, args.lang)} {finding.sub_id}: {finding.message(args.lang)}")
    print(say("demo.page", args.lang, path=html_path))
    return 0
