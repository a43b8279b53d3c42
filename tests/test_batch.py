"""Corpus work: streaming parallel validation, summaries, JSON lines, the tidy CSV, the Dask path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from disclosure_report import dump, load, replace_value
from disclosure_report.cli import main
from disclosure_report.corpus.batch import Summary, validate_bag, validate_file, validate_paths, write_cells_csv

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "real"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    base = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    for i in range(12):
        report = replace_value(base, "meta.agency", f"单位{i:02d}")
        if i % 4 == 0:
            report = replace_value(report, "applications.new.total", 714)
        dump(report, folder / ("sub" if i % 2 else ".") / f"u{i:02d}.json")
    (folder / "broken.json").write_text('{"format": "2021"}', encoding="utf-8")
    (folder / "pingtan.txt").write_bytes((FIXTURES / "pingtan-2021.txt").read_bytes())
    return folder


def test_serial_and_parallel_give_the_same_results_in_order(corpus: Path) -> None:
    serial = list(validate_paths([corpus]))
    parallel = list(validate_paths([corpus], jobs=2, window=1, chunk=3))
    assert serial == parallel
    assert [Path(r.file).name for r in serial][:3] == ["broken.json", "pingtan.txt", "u00.json"]
    assert len(serial) == 14
    broken = serial[0]
    assert broken.error is not None and "$.meta" in broken.error
    failing = [r for r in serial if r.error is None and not r.ok]
    assert len(failing) == 3


def test_summary_by_rule_and_agency(corpus: Path) -> None:
    summary = Summary()
    for result in validate_paths([corpus]):
        summary.add(result)
    assert (summary.files, summary.failed, summary.unreadable) == (14, 3, 1)
    assert summary.by_rule["T3-BALANCE (error)"] == 3 and summary.by_agency["单位00"] == 2
    assert "14 documents: 10 without errors, 3 with errors, 1 unreadable" in summary.table()
    assert "共 14 份文档：无错误 10 份，有错误 3 份，无法读取 1 份" in summary.table(lang="zh")


def test_validate_folder_command(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "out.jsonl"
    assert main(["validate", str(corpus), "--jobs", "2", "--jsonl", str(lines), "--summary", "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert "14 documents" in out and "T3-BALANCE (error)" in out
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 14 and sorted(records[2]) == sorted(
        ["file", "agency", "year", "format", "ok", "counts", "findings", "error", "read_warnings"]
    )
    (pingtan,) = [r for r in records if r["file"].endswith("pingtan.txt")]  # digits run together, left blank
    assert len(pingtan["read_warnings"]) == 3 and "693665" in pingtan["read_warnings"][0]
    assert all(r["read_warnings"] == [] for r in records if r["file"].endswith(".json"))
    assert "published documents read with warnings: 1" in out


def test_tidy_csv(corpus: Path) -> None:
    out = io.StringIO()
    rows = write_cells_csv([corpus / "u00.json", corpus / "pingtan.txt"], out)
    assert rows == 400
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    first = table[0]
    assert first["cell_path"] == "proactive.regulations.issued" and first["row_label"] == "第二十条第（一）项 › 规章"
    blank = next(
        r for r in table if r["cell_path"] == "proactive.normative_documents.issued" and "pingtan" in r["file"]
    )
    assert (blank["value"], blank["blank_mark"]) == ("", "")


def test_dask_path_on_a_local_cluster(corpus: Path) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            results = validate_bag([corpus], partitions=3).compute(scheduler=client.get)
    assert sorted(results, key=lambda r: r.file) == sorted(validate_paths([corpus]), key=lambda r: r.file)


def test_validate_file_is_pure_and_never_raises(tmp_path: Path) -> None:
    missing = validate_file(tmp_path / "nope.json")
    assert missing.error is not None and missing.ok is False
