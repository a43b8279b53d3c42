"""MkDocs hook: publish ``schemas/`` in the built site at the paths the schemas' ``$id``s name.

Every published schema's ``$id`` is ``<site_url>schemas/<path>`` (``disclosure_report.jsonio.schema.BASE_URI``), so
serving the site at ``site_url`` makes every ``$id`` resolve to its file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def copy_schemas(site_dir: Path, source: Path = SCHEMAS) -> list[Path]:
    """Copy every file under ``source`` to ``site_dir/schemas/``; the paths written."""
    written = []
    for found in sorted(p for p in source.rglob("*") if p.is_file()):
        target = site_dir / "schemas" / found.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)
        written.append(target)
    return written


def on_post_build(config: Any, **kwargs: Any) -> None:
    copy_schemas(Path(config["site_dir"]))


class _DoctestBlocks(Preprocessor):
    """Docstring examples (``>>>`` lines and their output, up to a blank line) become ``pycon`` code blocks."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        in_example = False
        for line in lines:
            stripped = line.lstrip()
            if fence is None and not in_example and stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
            elif fence is not None and stripped.startswith(fence):
                fence = None
            elif fence is None and not in_example and stripped.startswith(">>>"):
                in_example = True
                out += ["", "```pycon"]
            elif in_example and not line.strip():
                in_example = False
                out.append("```")
            out.append(line)
        if in_example:
            out.append("```")
        return out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestBlocks(md), "doctest_blocks", 27)


@event_priority(100)  # before mkdocstrings reads the Markdown extensions
def on_config(config: Any, **kwargs: Any) -> Any:
    config["markdown_extensions"].append(_DoctestExtension())
    return config
