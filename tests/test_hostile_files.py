"""Odd files: named pipes, folders named like documents, empty folders, unreadable files — each reported, none
blocks or stops a run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bounded import run_bounded
from disclosure_report import DocumentError, load
from disclosure_report.corpus.batch import validate_file
from disclosure_report.files import NotARegularFileError, read_regular_file
from disclosure_report.read import ReadError, read

EXAMPLE = Path(__file__).parent.parent / "examples" / "shuyang-county-gov-2025.json"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_not_read(fifo: Path) -> None:
    with pytest.raises(NotARegularFileError, match=r"not a regular file \(a named pipe\)"):
        read_regular_file(fifo)
    with pytest.raises(DocumentError, match=r"expected a readable file, found not a regular file \(a named pipe\)"):
        load(fifo)
    with pytest.raises(ReadError, match=r"pipe.json: cannot be read: not a regular file \(a named pipe\)"):
        read(fifo)
    assert "not a regular file (a named pipe)" in (validate_file(fifo).error or "")


def test_a_folder_is_not_read_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFileError, match=r"\(a folder\)"):
        read_regular_file(tmp_path)


def test_validate_on_a_named_pipe_neither_blocks_nor_stops_the_corpus(tmp_path: Path, fifo: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "good.json")
    code = f"""
from disclosure_report.cli import main
print(main(["validate", {str(fifo)!r}, "--lang", "en"]))
print(main(["validate", {str(tmp_path)!r}, "--jobs", "2", "--lang", "en"]))
"""
    out, _ = run_bounded(code, seconds=60)
    lines = out.splitlines()
    assert lines[0] == "2"
    assert any("pipe.json: UNREADABLE" in line and "named pipe" in line for line in lines)
    assert any("good.json: ok" in line for line in lines)
    assert lines[-1] == "2"


def test_a_json_file_over_64_mib_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_report.jsonio import convert

    monkeypatch.setattr(convert, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(" " * 2000 + "{}", encoding="utf-8")
    with pytest.raises(DocumentError, match="expected a report document of at most 64 MiB, found a file of more than"):
        load(path)


def test_a_word_file_with_damaged_or_unsupported_streams_is_a_read_error() -> None:
    import io
    import zipfile

    from disclosure_report import load, render
    from disclosure_report.read import ReadError
    from disclosure_report.read.docx import DocxReader

    data = render(load(EXAMPLE), "docx")
    assert isinstance(data, bytes)
    member = b"word/document.xml"
    at = data.index(member) + len(member)  # the compressed document body follows its local header
    flipped = data[: at + 200] + bytes(b ^ 0x5A for b in data[at + 200 : at + 400]) + data[at + 400 :]
    with pytest.raises(ReadError, match="damaged Word file"):
        DocxReader().read(flipped, source="flipped.docx")
    # a compression method no Python reads (99: AES), set in the member's local and central headers
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo("word/document.xml").header_offset
        central = data.index(member, archive.start_dir) - 46  # a central header is 46 bytes before its name
    odd = bytearray(data)
    odd[local + 8 : local + 10] = odd[central + 10 : central + 12] = (99).to_bytes(2, "little")
    with pytest.raises(ReadError):
        DocxReader().read(bytes(odd), source="odd.docx")


@pytest.mark.parametrize("size", [0, 1, 10_000, (1 << 16) + 3, 300_001])
@pytest.mark.parametrize("limit", [None, 0, 9_999, 70_000, 1 << 26])
def test_a_regular_file_is_read_whole_or_to_one_byte_over_its_limit(tmp_path: Path, size: int, limit: int) -> None:
    data = bytes(i % 251 for i in range(size))
    (tmp_path / "f").write_bytes(data)
    assert read_regular_file(tmp_path / "f", limit) == (data if limit is None else data[: limit + 1])


def test_a_file_that_grows_after_it_is_opened_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size when opened is a hint only: a file written on while it is read is read to the end it has then."""
    import disclosure_report.files as files

    path = tmp_path / "growing"
    path.write_bytes(b"a" * 100)
    real_fstat = os.fstat

    def fstat_then_grow(fd: int) -> os.stat_result:
        status = real_fstat(fd)
        path.write_bytes(b"b" * 200_000)  # (rewritten in place: the open descriptor sees the new content)
        return status

    monkeypatch.setattr(files.os, "fstat", fstat_then_grow)
    assert read_regular_file(path) == b"b" * 200_000
    assert read_regular_file(path, 150_000) == b"b" * 150_001
