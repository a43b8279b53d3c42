"""The Word file in LibreOffice: it converts to a PDF of A4 pages that show the tables."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from disclosure_report import load
from disclosure_report.render import render
from tools import SOFFICE

ROOT = Path(__file__).parent.parent


@pytest.mark.office
def test_docx_converts_to_a4_pages_with_the_tables(tmp_path: Path, artifacts: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_bytes(bytes(render(load(ROOT / "examples" / "shuyang-county-gov-2025.json"), "docx")))
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert size.endswith("pts (A4)"), size
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 4 <= pages <= 20
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for label in ("二、主动公开政府信息情况", "申请人情况", "行政复议", "4068.208", "517645"):
        assert label in text
    for old in artifacts.glob("report-shuyang-docx-*.png"):  # pages of an earlier run
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(artifacts / "report-shuyang-docx")], check=True)
    pngs = sorted(artifacts.glob("report-shuyang-docx-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 5_000 for p in pngs)
    shutil.copy(pdf, artifacts / "report-shuyang.pdf")
