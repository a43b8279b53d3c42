"""A validator in another language, written from the published rules file alone, gives the engine's findings.

``examples/validators/evaluate.mjs`` (plain Node, no dependencies) is run once over every conformance case, every
example and generated reports, and its identity findings compared with ``validate(..., identities_only=True)``.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from disclosure_report import AnnualReport, dumps, load
from disclosure_report.rules import validate
from strategies import reports

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "examples" / "validators" / "evaluate.mjs"
SCHEMAS = ROOT / "schemas"
CASES = sorted(SCHEMAS.glob("conformance/*/*/*.json"))
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
GENERATED = 40

# Reads [[rules path, report path], ...] on stdin; prints, per report, its sub-ids or {"error": message}.
RUNNER = """
import { readFileSync } from "node:fs";
import { evaluate, readReport } from %s;
const results = JSON.parse(readFileSync(0, "utf8")).map(([rules, report]) => {
  try {
    const findings = evaluate(JSON.parse(readFileSync(rules, "utf8")), readReport(readFileSync(report, "utf8")));
    return findings.map((finding) => finding.sub_id);
  } catch (error) {
    return { error: `${report}: ${error.message}` };
  }
});
console.log(JSON.stringify(results));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("these tests run examples/validators/evaluate.mjs and need Node.js (`node`, version 18 or later)")
    return node


def javascript(reports_by_format: list[tuple[str, Path]]) -> list[object]:
    """The JavaScript findings of each (format, report file), in one run of node."""
    pairs = [[str(SCHEMAS / f"rules-{fmt}.json"), str(path)] for fmt, path in reports_by_format]
    runner = RUNNER % json.dumps(SCRIPT.as_uri())
    done = subprocess.run(
        [_node(), "--input-type=module", "-e", runner],
        input=json.dumps(pairs),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    results: list[object] = json.loads(done.stdout)
    return results


def engine(report: AnnualReport) -> list[str]:
    return sorted(f.sub_id for f in validate(report, identities_only=True).findings)


def generated_reports(count: int) -> list[AnnualReport]:
    drawn: list[AnnualReport] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(reports(unread=True))
    def collect(report: AnnualReport) -> None:
        drawn.append(report)

    collect()
    return drawn


def cli(*args: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_node(), str(SCRIPT), *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=30
    )


def test_the_javascript_findings_are_the_engines(tmp_path: Path) -> None:
    documents = [(path, load(path)) for path in CASES if path.name != "expected.json"]
    documents += [(path, load(path)) for path in EXAMPLES]
    for number, report in enumerate(generated_reports(GENERATED)):
        path = tmp_path / f"generated-{number}.json"
        path.write_text(dumps(report), encoding="utf-8")
        documents.append((path, report))

    results = javascript([(report.format, path) for path, report in documents])

    compared = {str(path): (found, engine(report)) for (path, report), found in zip(documents, results, strict=True)}
    mismatches = {path: pair for path, pair in compared.items() if pair[0] != pair[1]}
    assert not mismatches, json.dumps(mismatches, ensure_ascii=False, indent=1)
    # Every conformance case is there, and the generated reports do find errors, blank totals and unread cells.
    assert len(CASES) == 36 and len(compared) == 24 + len(EXAMPLES) + GENERATED
    found = {sub_id.split("[")[0] for _, expected in compared.values() for sub_id in expected}
    assert found == {"T3-BALANCE", "T3-ROWSUM", "T3-TOTAL", "T4-TOTAL", "BLANK-TOTAL", "NOT-ASSESSABLE"}


def test_the_conformance_suite_passes_in_javascript() -> None:
    cases = [path for path in CASES if path.name != "expected.json"]
    results = javascript([(path.parent.parent.name, path) for path in cases])
    for path, found in zip(cases, results, strict=True):
        expected = json.loads((path.parent / "expected.json").read_text(encoding="utf-8"))[path.name]
        assert found == sorted(expected), path


@pytest.mark.parametrize(
    ("parts", "total", "found"),
    [
        ([0.1, 0.2, 0, 0], 0.3, ""),  # in floating point 0.1 + 0.2 is 0.30000000000000004
        ([4068.208, 0.792, 0, 0], 4069, ""),
        ([9007199254740992, 1, 0, 0], 9007199254740993, ""),  # JSON.parse reads the total as …992
        ([9007199254740992, 0, 0, 0], 9007199254740993, "T4-TOTAL[review]\n"),
    ],
)
def test_sums_are_exact_decimals(tmp_path: Path, parts: list[float], total: float, found: str) -> None:
    """The arithmetic alone: counts in a report have at most 15 digits, but a JSON number can be any decimal."""
    doc = json.loads((SCHEMAS / "conformance" / "2021" / "T4-TOTAL" / "pass.json").read_text(encoding="utf-8"))
    review = doc["review_litigation"]["review"]
    review.update(zip(("upheld", "corrected", "other", "pending"), parts, strict=True), total=total)
    path = tmp_path / "decimals.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = cli(SCHEMAS / "rules-2021.json", path)
    assert (done.returncode, done.stdout, done.stderr) == (1 if found else 0, found, "")


def test_the_command_prints_sub_ids_and_exits_by_severity(tmp_path: Path) -> None:
    rules = SCHEMAS / "rules-2021.json"
    passing = cli(rules, SCHEMAS / "conformance" / "2021" / "T3-BALANCE" / "pass.json")
    assert (passing.returncode, passing.stdout, passing.stderr) == (0, "", "")
    failing = cli(rules, SCHEMAS / "conformance" / "2021" / "T3-BALANCE" / "fail.json")
    assert (failing.returncode, failing.stdout) == (1, "T3-BALANCE[natural_person]\nT3-BALANCE[total]\n")
    # A blank total is a warning and a report not assessable is information: no error, exit 0.
    blank = cli(rules, SCHEMAS / "conformance" / "2021" / "BLANK-TOTAL" / "fail.json")
    assert (blank.returncode, blank.stdout) == (0, "BLANK-TOTAL[review_litigation.litigation_direct.total]\n")


def test_bad_input_is_named_in_one_line(tmp_path: Path) -> None:
    rules = SCHEMAS / "rules-2021.json"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "2021", "meta": [1,}', encoding="utf-8")
    done = cli(rules, broken)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{broken}: expected a report in JSON (expected a JSON value at character 30)\n"

    other_format = cli(rules, ROOT / "examples" / "shanghai-gov-office-2019.json")
    assert (other_format.returncode, other_format.stderr) == (
        2,
        f'{ROOT / "examples" / "shanghai-gov-office-2019.json"}: format: expected "2021", found "2019"\n',
    )

    doc = json.loads((ROOT / "examples" / "shuyang-county-gov-2025.json").read_text(encoding="utf-8"))
    doc["review_litigation"]["review"]["upheld"] = "3"
    text_cell = tmp_path / "text-cell.json"
    text_cell.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = cli(rules, text_cell)
    assert (done.returncode, done.stderr) == (
        2,
        f'{text_cell}: review_litigation.review.upheld: expected a number, {{"blank": …}} or {{"unread": true}}, '
        'found "3"\n',
    )

    del doc["applications"]["results"]["other"]
    no_layout = tmp_path / "no-layout.json"
    no_layout.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = cli(rules, no_layout)
    assert (done.returncode, done.stderr) == (
        2,
        f"{no_layout}: expected exactly one of applications.results.other.natural_person, "
        "applications.results.other.overdue_correction.natural_person\n",
    )

    usage = cli(rules)
    assert (usage.returncode, usage.stderr) == (2, "usage: node evaluate.mjs RULES.json REPORT.json\n")


def test_the_documented_runs_are_what_the_script_prints() -> None:
    page = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    command = r"```console\n\$ node examples/validators/evaluate\.mjs (.*?); echo \"exit \$\?\"\n(.*?)```"
    runs = re.findall(command, page, re.S)
    assert len(runs) == 2
    for arguments, output in runs:
        done = cli(*(ROOT / argument for argument in shlex.split(arguments)))
        assert f"{done.stdout}exit {done.returncode}\n" == output
