"""Corpus work: streaming parallel validation, summaries, JSON lines, the tidy CSV, the Dask path."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from disclosure_report import dump, load, replace_value
from disclosure_report.cli import main
from disclosure_report.corpus.batch import (
    CorpusOutput,
    Summary,
    check_corpus,
    human_line,
    iter_document_paths,
    json_line,
    validate_bag,
    validate_file,
    validate_paths,
    write_cells_csv,
)
from disclosure_report.read.base import ReadError

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
    assert [r.file for r in serial] == list(iter_document_paths([corpus]))  # the walk's order
    assert sorted(Path(r.file).name for r in serial)[:3] == ["broken.json", "pingtan.txt", "u00.json"]
    assert len(serial) == 14
    (broken,) = [r for r in serial if r.file.endswith("broken.json")]
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
        ["file", "agency", "year", "format", "ok", "counts", "findings", "error", "read_warnings", "unread_cells"]
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


def test_the_walk_takes_documents_only_and_does_not_follow_folder_links(corpus: Path, tmp_path: Path) -> None:
    (corpus / "notes.csv").write_text("x", encoding="utf-8")
    (corpus / "deeper" / "still").mkdir(parents=True)
    (corpus / "deeper" / "still" / "A.JSON").write_text("{}", encoding="utf-8")
    (corpus / "loop").symlink_to(corpus)
    found = sorted(Path(p).relative_to(corpus).as_posix() for p in iter_document_paths([corpus]))
    assert len(found) == 15 and "deeper/still/A.JSON" in found and "notes.csv" not in found
    assert not any(p.startswith("loop/") for p in found)


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_corpus_sends_back_the_printed_text_and_totals(corpus: Path, jobs: int) -> None:
    results = list(validate_paths([corpus]))
    both = CorpusOutput("human", jsonl=True)
    chunks = list(check_corpus([corpus], jobs=jobs, output=both, chunk=4, window=1))
    assert len(chunks) == 4
    assert "".join(c.stdout for c in chunks) == "".join(human_line(r) + "\n" for r in results)
    assert "".join(c.jsonl for c in chunks) == "".join(json_line(r) + "\n" for r in results)
    total = Summary()
    for c in chunks:
        total.merge(c.summary)
    expected = Summary()
    for r in results:
        expected.add(r)
    assert total == expected and total.files == 14
    quiet = list(check_corpus([corpus], jobs=jobs, output=CorpusOutput("none")))
    assert [(c.stdout, c.jsonl) for c in quiet] == [("", ""), ("", "")]
    assert [c.summary.files for c in quiet] == [8, 6]  # the first chunks are small, so every process gets work
    as_json = "".join(c.stdout for c in check_corpus([corpus], jobs=jobs, output=CorpusOutput("json")))
    assert [json.loads(line) for line in as_json.splitlines()] == [r.to_dict() for r in results]


def test_validate_folder_prints_a_line_per_document_then_the_summary(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(corpus), "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert sum(": ok — 0 errors" in line for line in out) == 10 and sum(": ERRORS — " in line for line in out) == 3
    assert sum(": UNREADABLE — " in line for line in out) == 1
    assert "14 documents: 10 without errors, 3 with errors, 1 unreadable" in out


@pytest.mark.parametrize(
    "verb", [["validate"], ["validate", "--jobs", "2"], ["export"], ["aggregate", "--agency", "全县"]]
)
def test_corpus_verbs_refuse_a_missing_path(
    verb: list[str], corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nosuch"
    assert main([verb[0], str(corpus / "sub"), str(missing), *verb[1:], "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert f"{missing}: no such file or folder" in captured.err and captured.out == ""


@pytest.mark.parametrize("verb", [["validate"], ["export"], ["aggregate", "--agency", "全县"]])
def test_corpus_verbs_refuse_a_folder_without_reports(
    verb: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    (empty / "inner").mkdir(parents=True)
    (empty / "readme.csv").write_text("x", encoding="utf-8")
    assert main([verb[0], str(empty), *verb[1:], "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert f"{empty}: the folder holds no report document" in captured.err and captured.out == ""


def test_export_names_an_unreadable_document_and_exits_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cells.csv"
    assert main(["export", str(corpus / "broken.json"), str(corpus / "u00.json"), "-o", str(out), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert f"{corpus / 'broken.json'}: not a valid annual report document" in captured.err
    assert "1 document could not be read and has no rows" in captured.err
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 201  # header + the good document's cells


def test_export_of_good_documents_exits_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(corpus / "sub")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 6 * 200


def test_without_details_a_result_keeps_the_rules_and_severities_only(corpus: Path) -> None:
    full = validate_file(corpus / "u00.json")
    brief = validate_file(corpus / "u00.json", details=False)
    assert full.findings and brief.findings == ()
    assert brief.rules == full.rules == tuple((f["rule"], f["severity"]) for f in full.findings)
    assert human_line(brief) == human_line(full)
    assert attrs.evolve(brief, findings=full.findings) == full


def test_aggregate_keeps_the_first_duplicate_in_sorted_order_within_a_folder(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    base = load(ROOT / "examples" / "shuyang-county-gov-2025.json")
    for name, figure in (("b.json", 2), ("a.json", 1), ("c.json", 3)):
        dump(replace_value(base, "proactive.regulations.issued", figure), units / name)
    out = tmp_path / "rollup.json"
    assert main(["aggregate", str(units), "--agency", "全县", "--first-duplicate", "-o", str(out)]) == 0
    assert load(out).proactive.regulations.issued == 1


def test_a_folder_walk_picks_up_every_kind_a_reader_reads(tmp_path: Path) -> None:
    from disclosure_report.corpus.batch import document_suffixes, iter_document_paths

    assert {".json", ".txt", ".md", ".html", ".docx", ".xlsx", ".pdf"} <= set(document_suffixes())
    for name in ("a.pdf", "b.xlsx", "c.docx", "d.csv", "e.PDF"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(Path(p).name for p in iter_document_paths([tmp_path])) == ["a.pdf", "b.xlsx", "c.docx", "e.PDF"]


def test_the_walk_learns_the_suffixes_without_importing_a_reader_or_its_extra() -> None:
    """The walking process stays light: what a built-in reader claims is declared in ``read/kinds.py``."""
    code = (
        "import sys\n"
        "from disclosure_report.corpus.batch import document_suffixes\n"
        "assert '.pdf' in document_suffixes() and '.xlsx' in document_suffixes()\n"
        "heavy = ('pdfplumber', 'pdfminer', 'openpyxl', 'python_calamine', 'lxml', 'disclosure_report.read.pdf',\n"
        "         'disclosure_report.read.xlsx', 'disclosure_report.read.docx', 'disclosure_report.read.html')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_declared_kinds_are_the_readers_own() -> None:
    from disclosure_report.read.kinds import BUILT_IN
    from disclosure_report.read.registry import get_reader

    for name, kind in BUILT_IN.items():
        reader = get_reader(name)
        assert (reader.name, reader.suffixes, reader.media_types, reader.extras) == (
            kind.name,
            kind.suffixes,
            kind.media_types,
            kind.extras,
        )
        assert kind.target == f"{type(reader).__module__}:{type(reader).__name__}"


def test_a_reader_whose_extra_is_missing_is_left_out_of_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_report.corpus import batch
    from disclosure_report.read.registry import reader_suffixes

    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if the [pdf] extra were not installed
    batch.document_suffixes.cache_clear()
    try:
        with pytest.raises(ReadError, match=r"needs pdfplumber, which is not installed: .*\[pdf\]"):
            reader_suffixes("pdf")
        assert ".pdf" not in batch.document_suffixes() and ".json" in batch.document_suffixes()
    finally:
        batch.document_suffixes.cache_clear()


def test_with_workers_the_first_chunk_is_checked_before_they_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first chunk runs in the calling process (the generated functions are built once, before the fork); a
    corpus that fits in it starts no worker at all; the order of the results is the walk's."""
    from disclosure_report.corpus import batch

    pids: list[int] = []

    def work(chunk: list[str]) -> list[str]:
        pids.append(os.getpid())
        return chunk

    def no_pool(jobs: int) -> None:
        raise AssertionError("a corpus of one chunk started workers")

    monkeypatch.setattr(batch, "_pool", no_pool)
    assert list(batch._ordered_map(work, batch._chunks(map(str, range(5)), 128), 2, 4)) == [list("01234")]
    assert pids == [os.getpid()]
    assert list(batch._ordered_map(work, iter([]), 2, 4)) == []
    monkeypatch.undo()
    items = [str(i) for i in range(100)]
    chunks = list(batch._ordered_map(_same_chunk, batch._chunks(items, 16), 2, 4))
    assert [x for c in chunks for x, _ in c] == items
    assert {pid for _, pid in chunks[0]} == {os.getpid()}
    assert os.getpid() not in {pid for c in chunks[1:] for _, pid in c}


def _same_chunk(chunk: list[str]) -> list[tuple[str, int]]:
    return [(x, os.getpid()) for x in chunk]


def test_a_plugin_may_subclass_a_built_in_reader() -> None:
    from disclosure_report.read.text import TextReader

    class NoticeReader(TextReader):
        name = "notice"
        suffixes = (".notice",)

    assert (NoticeReader.name, NoticeReader.suffixes, NoticeReader.media_types) == (
        "notice",
        (".notice",),
        ("text/plain",),
    )
    assert (TextReader.name, TextReader.suffixes) == ("text", (".txt", ".text"))
