"""The published files under ``schemas/``: what the code generates, written out and checked.

Each provider returns ``{relative path: file text}``; ``disclosure-report schema --check`` proves the committed
files equal what the code generates.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from disclosure_report.messages import Lang

PROVIDERS: tuple[str, ...] = (
    "disclosure_report.jsonio.schema:published_files",
    "disclosure_report.jsonio.dialect:published_files",
    "disclosure_report.rules.publish:published_files",
)
"""``module:function`` of every provider of published files."""


def published_files() -> dict[str, str]:
    """Every published file, by path relative to the ``schemas/`` folder."""
    files: dict[str, str] = {}
    for spec in PROVIDERS:
        module, _, name = spec.partition(":")
        provider = cast(Callable[[], dict[str, str]], getattr(importlib.import_module(module), name))
        for path, text in provider().items():
            if path in files:
                raise RuntimeError(f"two providers publish {path}")
            files[path] = text
    return dict(sorted(files.items()))


def differences(folder: Path, lang: Lang = "en") -> list[str]:
    """What differs between ``folder`` and the generated files: one line per missing, changed or stray file, in
    ``lang``."""
    from disclosure_report.messages import say

    out: list[str] = []
    expected = published_files()
    for path, text in expected.items():
        target = folder / path
        if not target.is_file():
            out.append(say("schema.missing", lang, path=target))
        elif target.read_text(encoding="utf-8") != text:
            out.append(say("schema.differs", lang, path=target))
    if folder.is_dir():
        for found in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = found.relative_to(folder).as_posix()
            if rel not in expected and rel != "README.md":
                out.append(say("schema.stray", lang, path=found))
    return out


def write(folder: Path) -> list[Path]:
    """Write every published file under ``folder``; returns the paths written."""
    written = []
    for path, text in published_files().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
