"""Documents that crashed a reader or a renderer: each now gives a located error or renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from disclosure_report.corpus import batch
from disclosure_report.corpus.batch import Summary, validate_file, validate_paths
from disclosure_report.read.base import ReadError
from disclosure_report.read.decode import decode
from disclosure_report.read.html import HtmlReader

EXAMPLE = Path(__file__).parent.parent / "examples" / "shuyang-county-gov-2025.json"
PUNYCODE_PAGE = (
    '<html><head><meta charset="punycode"></head><body><p>某局2023年政府信息公开工作年度报告</p></body></html>'
)


@pytest.mark.parametrize("charset", ["punycode", "idna", "undefined", "rot13", "hex", "zlib", "nonsense"])
def test_a_declared_charset_that_cannot_decode_falls_back(charset: str) -> None:
    page = PUNYCODE_PAGE.replace("punycode", charset).encode("utf-8")
    assert "某局" in decode(page, html=True)


def test_a_punycode_page_is_read_as_utf8_and_judged_on_its_content() -> None:
    with pytest.raises(ReadError, match="without the tables of the 2019 or 2021 format"):
        HtmlReader().read(PUNYCODE_PAGE.encode())


def test_a_punycode_page_in_a_corpus_run_with_jobs_is_one_record(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PUNYCODE_PAGE, encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "b.json")
    results = list(validate_paths([tmp_path], jobs=2))
    assert [Path(r.file).name for r in results] == ["a.html", "b.json"]
    assert results[0].error is not None and results[1].ok


def test_validate_file_never_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(batch, "read_document", broken)
    result = validate_file(tmp_path / "x.html")
    assert result.error == f"{tmp_path / 'x.html'}: could not be checked (RuntimeError: a bug in a reader)"
    summary = Summary()
    summary.add(result)
    assert summary.unreadable == 1
