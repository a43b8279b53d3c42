"""The ``pdf`` renderer: the Word file converted by LibreOffice — and a clear error when LibreOffice is missing,
fails or hangs."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from disclosure_report import load
from disclosure_report.cli import main
from disclosure_report.render import RenderError
from disclosure_report.render import pdf as pdf_module
from disclosure_report.render.pdf import PdfRenderer, docx_to_pdf

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "examples" / "shuyang-county-gov-2025.json"


def _text(data: bytes) -> tuple[int, str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        return len(doc.pages), "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.mark.office
def test_the_pdf_has_the_agency_and_the_tables_figures() -> None:
    renderer = PdfRenderer()
    assert (renderer.name, renderer.media_type, renderer.suffix, renderer.extras) == (
        "pdf",
        "application/pdf",
        ".pdf",
        "docx",
    )
    data = renderer.render(load(SOURCE))
    assert data.startswith(b"%PDF-")
    pages, text = _text(data)
    assert 6 <= pages <= 14
    assert "沭阳县人民政府" in text
    squeezed = text.replace(" ", "")
    for figure in ("4068.208", "517645", "申请人情况", "一、本年新收政府信息公开申请数量705", "（七）总计71030050718"):
        assert figure in squeezed
    assert "— 1 —" in text and f"— {pages} —" in text


@pytest.mark.office
def test_render_to_pdf_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.pdf"
    assert main(["render", str(SOURCE), "--to", "pdf", "--date-style", "chinese", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    _, text = _text(out.read_bytes())
    assert "二〇二六年一月二十三日" in text.replace(" ", "")
    assert (
        main(["render", str(SOURCE), "--to", "pdf", "--lang", "en"]) == 2
    )  # a binary file: -o is asked for before rendering
    assert "give -o FILE.pdf" in capsys.readouterr().err


def test_without_libreoffice_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf_module, "MACOS_OFFICE", "/nonexistent/soffice")
    with pytest.raises(RenderError, match=r"apt-get install libreoffice-writer, or brew install --cask libreoffice"):
        PdfRenderer().render(load(SOURCE))
    with pytest.raises(RenderError, match="LibreOffice, which was not found"):
        docx_to_pdf([b"PK"])


def _fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    office = tmp_path / "soffice"
    office.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    office.chmod(office.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(pdf_module, "find_office", lambda: str(office))
    return office


def test_each_conversion_has_its_own_folder_and_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "calls.log"
    # a stand-in for soffice: records its arguments, writes "%PDF-" + the file's name for each file
    _fake_office(
        tmp_path,
        monkeypatch,
        f'echo "$@" >> {log}\nwhile [ "$1" != "--outdir" ]; do shift; done; out=$2; shift 2\n'
        'mkdir -p "$out"; for f in "$@"; do b=$(basename "$f" .docx); printf "%%PDF-$b" > "$out/$b.pdf"; done\n',
    )
    assert docx_to_pdf([b"one", b"two"]) == [b"%PDF-document-0", b"%PDF-document-1"]
    assert docx_to_pdf([b"three"]) == [b"%PDF-document-0"]
    first, second = log.read_text(encoding="utf-8").splitlines()
    for call in (first, second):
        assert "--headless" in call and "--convert-to pdf" in call
    profiles = [
        next(a for a in call.split() if a.startswith("-env:UserInstallation=file:///")) for call in (first, second)
    ]
    assert profiles[0] != profiles[1]  # side by side runs do not share a LibreOffice profile
    assert not any(Path(p.split("file://")[1]).exists() for p in profiles)  # and nothing is left behind


def test_a_failing_or_hanging_libreoffice_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_office(tmp_path, monkeypatch, "echo 'source file could not be loaded' >&2\nexit 1\n")
    with pytest.raises(RenderError, match=r"exit status 1\); it said: source file could not be loaded"):
        docx_to_pdf([b"not a word file"])
    _fake_office(tmp_path, monkeypatch, "sleep 30\n")
    with pytest.raises(RenderError, match=r"did not convert the Word file to PDF within 0.5 s"):
        docx_to_pdf([b"x"], timeout=0.5)
