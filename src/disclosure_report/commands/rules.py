"""``disclosure-report rules``: the rule catalogue."""

from __future__ import annotations

import argparse
import json

from disclosure_report.formats import FORMATS
from disclosure_report.messages import padded, rule_kind, severity
from disclosure_report.rules import RULES
from disclosure_report.rules.publish import rules_document, rules_markdown

NAME = "rules"
HELP = "list the consistency rules (--json: the published rules file; --markdown: docs/rules.md)"


def configure(parser: argparse.ArgumentParser) -> None:
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the published rules file of --format")
    out.add_argument("--markdown", action="store_true", help="print the catalogue as Markdown (docs/rules.md)")
    parser.add_argument("--format", dest="version", choices=sorted(FORMATS), default=max(FORMATS))


def run(args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps(rules_document(args.version), ensure_ascii=False, indent=2))
    elif args.markdown:
        print(rules_markdown(), end="")
    else:
        zh = args.lang == "zh"
        for r in RULES:
            title = r.title_zh if zh else r.title_en
            kind = rule_kind(r.kind, args.lang)
            level, kind_width = padded(severity(r.severity, args.lang), 5 if zh else 8), 11  # by display width
            print(f"{r.id:<18} {level} {padded(kind, kind_width)} {title}")
    return 0
