"""The repository stands on its own: nothing it ships, tests or documents refers to a folder beside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent
OUTSIDE = re.compile(r"\.\./shared|shared/(fixtures|spec)|DESIGN\.md|/work/")


def _tracked() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):  # an sdist: every file below the root
        return [p for p in ROOT.rglob("*") if p.is_file()]
    return [ROOT / line for line in out.splitlines()]


def test_no_file_refers_to_anything_beside_the_repository() -> None:
    offenders = []
    for path in _tracked():
        if path.suffix.lower() in (".pdf", ".docx", ".xlsx", ".png") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line) and path.name != "test_standalone.py":
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not offenders, "\n".join(offenders)


def test_the_real_reports_are_in_the_repository() -> None:
    fixtures = ROOT / "tests" / "fixtures"
    names = sorted(p.name for p in (fixtures / "real").iterdir())
    assert "huaian-hongze-district-2024.pdf" in names and len(names) >= 5
    readme = (fixtures / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in names), "the fixtures README names every file and its source"
