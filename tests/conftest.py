"""Shared test setup: ``tests/strategies.py`` importable as ``strategies``; ``--update-golden`` for golden files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current renderers")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def artifacts() -> Path:
    """A folder for files a person may want to look at after the run (screenshots, PDFs); git ignores it."""
    folder = Path(__file__).parent.parent / "artifacts"
    folder.mkdir(exist_ok=True)
    return folder
