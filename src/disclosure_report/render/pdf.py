"""``pdf`` (extra ``[docx]``, and LibreOffice): the Word file, converted to PDF by LibreOffice.

The PDF is exactly what the ``docx`` renderer's file prints as — A4, GB/T 9704 styles, header rows repeated,
page numbers ``— N —`` — because it is that file, converted by LibreOffice (``soffice --headless --convert-to
pdf``). Each conversion runs in its own temporary folder with its own LibreOffice profile
(``-env:UserInstallation=…``), so conversions running side by side do not collide, and is stopped after
:data:`TIMEOUT_S` seconds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from disclosure_report.model import AnnualReport
from disclosure_report.render.base import RenderError, check_options
from disclosure_report.render.docx import DocxRenderer

OFFICE_COMMANDS = ("soffice", "libreoffice")
MACOS_OFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
INSTALL = "install LibreOffice: apt-get install libreoffice-writer, or brew install --cask libreoffice"
TIMEOUT_S = 180.0
"""The longest a conversion may take (LibreOffice's first start with a fresh profile takes a few seconds)."""


def find_office() -> str:
    """The LibreOffice command (``soffice`` or ``libreoffice`` on PATH); a :class:`RenderError` saying what to
    install when there is none."""
    for name in OFFICE_COMMANDS:
        found = shutil.which(name)
        if found is not None:
            return found
    if os.access(MACOS_OFFICE, os.X_OK):
        return MACOS_OFFICE
    raise RenderError.keyed("render.no_office", install=INSTALL)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and the processes it started (its whole process group where there are groups)."""
    with contextlib.suppress(ProcessLookupError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run LibreOffice in its own process group, so that a conversion that hangs is stopped with its children."""
    with subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            process.communicate()
            raise RenderError.keyed("render.office_timeout", seconds=f"{timeout:g}") from None
        return subprocess.CompletedProcess(command, process.returncode, out, err)


def docx_to_pdf(documents: Sequence[bytes], *, timeout: float = TIMEOUT_S) -> list[bytes]:
    """Convert Word files to PDF with one LibreOffice run (one start for many files), in order."""
    office = find_office()
    with tempfile.TemporaryDirectory(prefix="disclosure-report-pdf-") as tmp:
        folder = Path(tmp)
        names = []
        for i, data in enumerate(documents):
            path = folder / f"document-{i}.docx"
            path.write_bytes(data)
            names.append(path)
        profile = (folder / "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck"]
        command += ["--convert-to", "pdf", "--outdir", str(folder / "out"), *map(str, names)]
        done = _run(command, timeout)
        pdfs = []
        for path in names:
            pdf = folder / "out" / f"{path.stem}.pdf"
            if not pdf.is_file():
                said = done.stderr.decode("utf-8", "replace").strip()[-1000:] or "nothing"
                raise RenderError.keyed("render.office_failed", office=office, status=done.returncode, said=said)
            pdfs.append(pdf.read_bytes())
        return pdfs


class PdfRenderer:
    """``pdf``: the Word file as PDF, converted by LibreOffice; options as for ``docx``."""

    name = "pdf"
    media_type = "application/pdf"
    suffix = ".pdf"
    extras = "docx"

    def render(self, report: AnnualReport, **options: Any) -> bytes:
        check_options(self.name, options, {"date_style"})
        find_office()  # say what is missing before rendering anything
        docx = DocxRenderer().render(report, **options)
        return docx_to_pdf([docx])[0]
