"""Corpus runs on odd trees: Ctrl-C, folders with nothing to check, unreadable files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from disclosure_report.cli import main
from disclosure_report.corpus.batch import Summary, iter_documents, validate_paths
from disclosure_report.jsonio import convert
from disclosure_report.read import registry

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "tests" / "golden" / "shuyang-county-gov-2025.html"
EXAMPLE = ROOT / "examples" / "shuyang-county-gov-2025.json"


def test_ctrl_c_during_a_parallel_run_exits_quietly_with_130(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):  # published pages: slow enough to interrupt mid-run
        shutil.copy(PAGE, corpus / f"r{i:03}.html")
    jsonl = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "disclosure_report", "validate", str(corpus), "--jobs", "2", "--jsonl", str(jsonl)]
    command += ["--lang", "en"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while (not jsonl.exists() or jsonl.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to the whole process group, workers too
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("interrupted: ") and line.endswith(" documents checked")
    records = [json.loads(text) for text in jsonl.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(records) < 400
    assert int(line.split()[1]) == len(records)


def test_a_folder_named_like_a_document_is_said_to_be_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "x.json"
    folder.mkdir()
    assert main(["validate", str(folder), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert f"{folder}: the folder holds no report document" in captured.err
    assert "no report documents found: nothing was checked" in captured.err
    assert "ok" not in captured.out.split()


def test_an_empty_folder_given_beside_a_good_one_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, empty = tmp_path / "good", tmp_path / "empty"
    good.mkdir()
    empty.mkdir()
    shutil.copy(EXAMPLE, good / "a.json")
    assert main(["validate", str(good), str(empty), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert "a.json: ok" in captured.out
    assert f"{empty}: the folder holds no report document" in captured.err


def test_folders_inside_a_corpus_with_nothing_to_check_are_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.json")
    (tmp_path / "empty").mkdir()
    (tmp_path / "b.json").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.csv").write_bytes(b"a,b")
    notes: list[str] = []
    assert [p.name for p in iter_documents([tmp_path], notes)] == ["a.json"]
    assert sorted(notes) == [
        f"{tmp_path / 'b.json'}: a folder named like a document",
        f"{tmp_path / 'b.json'}: a folder with no report documents",
        f"{tmp_path / 'empty'}: a folder with no report documents",
        f"{tmp_path / 'notes'}: a folder with no report documents",
        "1 file passed over (no reader takes its kind): .csv 1",
    ]
    assert main(["validate", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"note: {tmp_path / 'empty'}: a folder with no report documents" in out


def test_a_folder_that_cannot_be_listed_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.json")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    notes: list[str] = []
    assert len(list(iter_documents([tmp_path], notes))) == 1
    assert f"{tmp_path / 'locked'}: a folder that cannot be listed (Permission denied)" in notes


def _deny(name: str, real: object) -> object:
    def read(path: object, *args: object) -> bytes:
        if Path(str(path)).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)  # type: ignore[operator,no-any-return]

    return read


def test_unreadable_files_are_each_reported_and_counted_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.json", "b.json", "c.json"):
        shutil.copy(EXAMPLE, tmp_path / name)
    shutil.copy(PAGE, tmp_path / "d.html")
    monkeypatch.setattr(convert, "read_regular_file", _deny("b.json", convert.read_regular_file))
    monkeypatch.setattr(registry, "read_regular_file", _deny("d.html", registry.read_regular_file))
    results = list(validate_paths([tmp_path]))
    assert sorted((Path(r.file).name, r.error is None) for r in results) == [
        ("a.json", True),
        ("b.json", False),
        ("c.json", True),
        ("d.html", False),
    ]
    errors = {Path(r.file).name: r.error or "" for r in results}
    assert "Permission denied" in errors["b.json"] and "Permission denied" in errors["d.html"]
    summary = Summary()
    for result in results:
        summary.add(result)
    assert (summary.files, summary.unreadable) == (4, 2)
    assert main(["validate", str(tmp_path), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert out.count("UNREADABLE") == 2 and "4 documents: 2 without errors, 0 with errors, 2 unreadable" in out


def test_export_says_what_it_skipped_and_refuses_to_call_nothing_a_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.json").mkdir()
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["export", str(tmp_path), "-o", str(tmp_path / "cells.csv"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"skipped, unreadable: {tmp_path / 'bad.json'}: " in err
    assert f"note: {tmp_path / 'x.json'}: a folder named like a document" in err
    assert "no report documents could be read: the CSV has no rows" in err
