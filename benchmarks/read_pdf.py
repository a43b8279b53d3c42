"""Measure, in one run, the PDF reader's own work against pdfplumber extracting the words of the same PDFs.

    python benchmarks/read_pdf.py [--rounds 9] [--no-print]

For each PDF, each round times ``PdfReader().read`` (open, tables, text, assembly) and, interleaved with it (the
order alternating between rounds), pdfplumber opening the same bytes and running ``page.extract_words()`` on every
page. The reader's own work is its time minus the word extraction's; the ratio is that over the word extraction's
time (target ≤ 1). Prints the median ratio and its spread over the rounds for each PDF and for all of them together.
The PDFs: the published 洪泽 2024 report in tests/fixtures, and the bundled examples rendered to Word and HTML and
printed to PDF by LibreOffice and headless Chromium when they are installed (``--no-print`` skips them). Numbers
go into docs/performance.md. Runs on one core; times are the process's CPU time.
"""

from __future__ import annotations

import argparse
import io
import logging
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from disclosure_report import load, render
from disclosure_report.read.pdf import PdfReader

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "real" / "huaian-hongze-district-2024.pdf"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def printed(folder: Path) -> dict[str, bytes]:
    """The examples printed to PDF by LibreOffice (from Word) and Chromium (from HTML), where they are installed."""
    out: dict[str, bytes] = {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    for path in EXAMPLES:
        report = load(path)
        docx = render(report, "docx")
        assert isinstance(docx, bytes)
        (folder / f"{path.stem}.docx").write_bytes(docx)
        (folder / f"{path.stem}.html").write_text(str(render(report, "html")), encoding="utf-8")
    if soffice:
        docs = [str(folder / f"{p.stem}.docx") for p in EXAMPLES]
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "office"),
                *docs,
            ],
            capture_output=True,
            timeout=600,
            check=True,
        )
        out |= {f"{p.stem} (LibreOffice)": (folder / "office" / f"{p.stem}.pdf").read_bytes() for p in EXAMPLES}
    if chromium:
        for p in EXAMPLES:
            pdf = folder / f"{p.stem}.chromium.pdf"
            subprocess.run(
                [
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={folder / 'profile'}",
                    f"--print-to-pdf={pdf}",
                    (folder / f"{p.stem}.html").as_uri(),
                ],
                capture_output=True,
                timeout=120,
                check=True,
            )
            out[f"{p.stem} (Chromium)"] = pdf.read_bytes()
    return out


def extract_words(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()


def read(data: bytes) -> None:
    PdfReader().read(data)


def timed(step: Callable[[bytes], None], data: bytes) -> float:
    """CPU seconds of this process: the machine is shared, and time other processes take is not the reader's."""
    start = time.process_time()
    step(data)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--no-print", action="store_true", help="only the published PDF")
    args = parser.parse_args()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # the word extraction alone would log per glyph
    with tempfile.TemporaryDirectory() as tmp:
        docs = {"洪泽 2024 (published)": FIXTURE.read_bytes()} | ({} if args.no_print else printed(Path(tmp)))
    for data in docs.values():  # warm up: imports, caches of the declaration
        read(data)
        extract_words(data)
    words: dict[str, list[float]] = {name: [] for name in docs}
    reads: dict[str, list[float]] = {name: [] for name in docs}
    for k in range(args.rounds):
        for name, data in docs.items():
            if k % 2:
                reads[name].append(timed(read, data))
                words[name].append(timed(extract_words, data))
            else:
                words[name].append(timed(extract_words, data))
                reads[name].append(timed(read, data))
    print(f"{args.rounds} rounds, CPU seconds; ratio = (read − extract_words) / extract_words, target ≤ 1.00")
    print(f"{'PDF':44} {'pages':>5} {'words s':>8} {'read s':>8} {'ratio':>6}  spread (min–max)")
    for name, data in docs.items():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        ratios = [(r - w) / w for r, w in zip(reads[name], words[name], strict=True)]
        print(
            f"{name:44} {pages:>5} {statistics.median(words[name]):8.3f} {statistics.median(reads[name]):8.3f} "
            f"{statistics.median(ratios):6.2f}  {min(ratios):.2f}–{max(ratios):.2f}"
        )
    totals = [
        (sum(reads[n][k] for n in docs) - sum(words[n][k] for n in docs)) / sum(words[n][k] for n in docs)
        for k in range(args.rounds)
    ]
    median = statistics.median(totals)
    print(
        f"{'all together':44} {'':>5} {'':>8} {'':>8} {median:6.2f}  {min(totals):.2f}–{max(totals):.2f}  "
        f"{'met' if median <= 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
