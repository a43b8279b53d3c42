"""The example reports bundled with the package (copies of the repository's ``examples/``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _folder() -> Path:
    return Path(str(resources.files("disclosure_report") / "data"))


def example_names() -> list[str]:
    """Names of the bundled examples, e.g. ``panzhou-rural-revitalization-2023``."""
    return sorted(p.stem for p in _folder().glob("*.json"))


def example_path(name: str) -> Path:
    """Path of a bundled example; :class:`KeyError` naming the known ones."""
    path = _folder() / f"{name}.json"
    if not path.is_file():
        raise KeyError(f"no bundled example {name!r}; known: {', '.join(example_names())}")
    return path
