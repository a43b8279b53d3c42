"""The outside programs the browser and office tests drive (installed by scripts/test.sh), named once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
"""Headless, no sandbox (root in CI), and nothing that reaches for the network this machine does not have."""
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"


def print_to_pdf(page: Path, folder: Path) -> bytes:
    """The web page at ``page`` printed to PDF by headless Chromium (its default header and footer kept), with a
    browser profile in ``folder``."""
    pdf = page.with_suffix(".pdf")
    done = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    return pdf.read_bytes()


def office_convert(profile: Path, target: str, outdir: Path, files: list[Path]) -> list[Path]:
    """``files`` converted by LibreOffice to ``target`` (``pdf``, ``docx:MS Word 2007 XML``, ``txt:Text`` …) in
    ``outdir``, with the user profile ``profile`` (one per test module: made on the first run, reused after); the
    files made, in the order of ``files``."""
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    made = [outdir / f"{f.stem}.{target.split(':')[0]}" for f in files]
    assert done.returncode == 0 and all(m.is_file() for m in made), done.stderr[-2000:]
    return made
