"""``disclosure-report validate``: check report documents against the rules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Literal

from disclosure_report.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, count, output_file
from disclosure_report.corpus.batch import read_document
from disclosure_report.errors import DisclosureReportError
from disclosure_report.formats import get_format
from disclosure_report.messages import (
    Lang,
    error_text,
    printable,
    read_warning_text,
    result_line,
    say,
    severity,
    with_colon,
)
from disclosure_report.model import AnnualReport
from disclosure_report.model.paths import unread_cells
from disclosure_report.rules import Finding, ValidationResult, unknown_rule_ids, validate

NAME = "validate"
HELP = "check report documents against the consistency rules (exit 1 on errors, 2 on unreadable input)"

_SECTION_OF: dict[str, dict[Lang, str]] = {
    "meta": {"zh": "报告信息", "en": "metadata"},
    "format": {"zh": "报告信息", "en": "metadata"},
    "previous": {"zh": "上年报告", "en": "previous year's report"},
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="PATH", help="report documents (JSON, or published ones) or folders"
    )
    parser.add_argument("--jobs", type=count(1), default=1, help="check folders with this many processes")
    parser.add_argument("--jsonl", type=Path, help="corpus mode: also write one JSON line per document here")
    parser.add_argument("--summary", action="store_true", help="corpus mode: print only the summary table")
    parser.add_argument("--previous", type=Path, help="the same agency's report on the year before")
    parser.add_argument("--year", type=int, help="the report year, for a published document that does not name it")
    parser.add_argument("--agency", help="the agency, for a published document that does not name it")
    parser.add_argument("--json", action="store_true", help="machine output (stable, see docs/validate.md)")
    parser.add_argument(
        "--disable", action="append", default=[], metavar="RULE", help="waive a rule id or sub-id (repeatable)"
    )


def _group(report_format: str, finding: Finding, lang: Lang) -> str:
    path = (finding.lhs or ("other_matters",))[0]
    head = path.split(".", 1)[0]
    if head in _SECTION_OF:
        return _SECTION_OF[head][lang]
    try:
        return get_format(report_format).section(head).heading
    except KeyError:
        return head


def _human(path: Path, result: ValidationResult, report: AnnualReport, lang: Lang) -> list[str]:
    report_format = report.format
    lines = [result_line(printable(str(path)), result.ok, result.counts, lang, len(unread_cells(report)))]
    groups: dict[str, list[Finding]] = {}
    for f in result.findings:
        groups.setdefault(_group(report_format, f, lang), []).append(f)
    width = 2 if lang == "zh" else 7
    for heading, findings in groups.items():
        lines.append(f"  {heading}")
        for f in findings:
            lines.append(f"    {severity(f.severity, lang):<{width}} {f.sub_id}: {f.message(lang)}")
    return lines


EXIT_INTERRUPTED = 130
"""The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it."""


def _corpus(args: argparse.Namespace) -> int:
    from disclosure_report.corpus.batch import CorpusOutput, Progress, Summary, check_corpus, missing_inputs

    missing = missing_inputs(args.files, empty_folders=False, lang=args.lang)
    empty = [p for p in missing_inputs(args.files, lang=args.lang) if p not in missing]  # folders that hold no report
    for problem in missing + empty:
        print(problem, file=sys.stderr)
    if missing or len(empty) == len(args.files):
        if not missing:
            print(say("nothing_found", args.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    summary = Summary()  # the folders that do hold reports are checked; the empty ones make the exit code 2
    progress = Progress(lang=args.lang)
    notes: list[str] = []
    shown: Literal["human", "json", "none"] = "json" if args.json else "none" if args.summary else "human"
    output = CorpusOutput(shown, args.jsonl is not None, args.lang)
    sink = output_file(args.jsonl).open("w", encoding="utf-8") if args.jsonl else None
    try:
        chunks = check_corpus(args.files, jobs=args.jobs, disable=tuple(args.disable), output=output, notes=notes)
        for chunk in chunks:
            summary.merge(chunk.summary)
            progress.step(chunk.summary.files)
            if chunk.stdout:
                sys.stdout.write(chunk.stdout)
            if sink:
                sink.write(chunk.jsonl)  # whole lines only: a chunk's lines are written at once
    except KeyboardInterrupt:  # every JSON line written so far stays whole
        print(say("interrupted_after", args.lang, n=summary.files), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        progress.close()
        if sink:
            sink.close()
    if not args.json:
        print(summary.table(lang=args.lang))
        for note in notes:
            print(say("note", args.lang, note=note))
    else:
        for note in notes:
            print(say("note", args.lang, note=note), file=sys.stderr)
    if summary.files == 0:
        print(say("nothing_found", args.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    if summary.unreadable or empty:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if summary.failed else EXIT_OK


def run(args: argparse.Namespace) -> int:
    unknown = unknown_rule_ids(args.disable)
    if unknown:  # before any document is read: the same mistake for every one of them
        print(say("validate.unknown_rules", args.lang, ids=", ".join(unknown)), file=sys.stderr)
        return EXIT_BAD_INPUT
    if any(p.is_dir() for p in args.files) or args.jobs > 1 or args.jsonl or args.summary:
        if args.previous is not None:
            print(say("validate.previous_one", args.lang), file=sys.stderr)
            return EXIT_BAD_INPUT
        if args.year is not None or args.agency is not None:
            print(say("validate.year_agency_one", args.lang), file=sys.stderr)
            return EXIT_BAD_INPUT
        return _corpus(args)
    previous = None
    if args.previous is not None:
        earlier = read_document(args.previous)
        for warning in earlier.warnings:  # the carry-over is checked against what the reader made of it
            print(with_colon(args.previous, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
        previous = earlier.report
    outputs: list[dict[str, Any]] = []
    worst = EXIT_OK
    for path in args.files:
        try:
            document = read_document(path, year=args.year, agency=args.agency)
            report = document.report
            result = validate(report, previous, disable=args.disable)
        except (DisclosureReportError, KeyError) as e:
            print(error_text(e, args.lang), file=sys.stderr)
            outputs.append(
                {"file": printable(str(path)), "error": printable(error_text(e, "en"))}
            )  # --json output stays stable
            worst = EXIT_BAD_INPUT
            continue
        if not result.ok and worst == EXIT_OK:
            worst = EXIT_FINDINGS
        if args.json:
            entry = {
                "file": printable(str(path)),
                "agency": report.meta.agency,
                "year": report.meta.year,
                **result.to_dict(),
                "unread_cells": len(unread_cells(report)),
            }
            if document.warnings:  # what the reader of a published document had to interpret
                entry["read_warnings"] = [str(w) for w in document.warnings]
            outputs.append(entry)
        else:
            for warning in document.warnings:
                print(with_colon(path, read_warning_text(warning, args.lang), args.lang), file=sys.stderr)
            print("\n".join(_human(path, result, report, args.lang)))
    if args.json:
        print(json.dumps({"files": outputs}, ensure_ascii=False, indent=2))
    return worst
