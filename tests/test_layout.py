"""The folder layout is the architecture: the layers import downwards only (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "disclosure_report"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("disclosure_report")}


def _modules(folder: str = "") -> dict[str, set[str]]:
    files = [p for p in (PACKAGE / folder).rglob("*.py") if "__pycache__" not in p.parts]
    return {str(p.relative_to(PACKAGE)): _imports(p) for p in files}


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_the_declaration_and_zh_stand_alone() -> None:
    for folder in ("formats", "zh"):
        for name, imports in _modules(folder).items():
            outside = {m for m in imports if _part(m) not in (folder, "errors")}
            assert not outside, f"{name} imports {sorted(outside)}"


def test_only_the_top_layers_use_corpus_and_commands() -> None:
    top = ("corpus/", "commands/", "cli.py", "__init__.py", "__main__.py")
    for name, imports in _modules().items():
        if name.startswith(top):
            continue
        upward = {m for m in imports if _part(m) in ("corpus", "commands", "cli")}
        assert not upward, f"{name} imports {sorted(upward)}"


def test_the_package_root_holds_only_entry_points_and_cross_cutting_modules() -> None:
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "cli.py", "errors.py", "examples.py", "files.py", "messages.py"]


def test_the_fast_path_builds_on_the_converter_helpers_not_on_the_converter() -> None:
    fast = _imports(PACKAGE / "jsonio" / "fast.py")
    assert "disclosure_report.jsonio.convert" not in fast
    assert "disclosure_report.jsonio.handlers" in fast
