"""Shared test setup: ``tests/strategies.py`` importable as ``strategies``; ``--update-golden`` for golden files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# Property tests explore new examples on every run here; under CI (CI set in the environment, as `.ci/run` does)
# they draw the same examples every time, so a landing is never decided by the luck of one draw. A failure found
# while exploring is a bug: pin it as an explicit test.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


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
