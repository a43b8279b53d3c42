"""The documentation site builds (``mkdocs build --strict``) and serves every published schema at its ``$id``.

The build takes several seconds (mkdocstrings reads the whole package): it runs once for the module, because the
site is what users read and the ``$id``s must resolve in it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parent.parent
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def _ids(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get("$id"), str):
            yield data["$id"]
        for value in data.values():
            yield from _ids(value)
    elif isinstance(data, list):
        for value in data:
            yield from _ids(value)


def _published_ids() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "schemas").rglob("*.json")):
        for schema_id in _ids(json.loads(path.read_text(encoding="utf-8"))):
            if schema_id.endswith((".json", ".js")):
                found[schema_id] = path
    return found


def test_every_schema_id_is_a_file_of_the_site(site: Path) -> None:
    ids = _published_ids()
    assert "https://disclosure-report.github.io/schemas/2021/report.schema.json" in ids
    base = CONFIG["site_url"]
    for schema_id, source in ids.items():
        assert schema_id.startswith(base), f"{source}: $id {schema_id} is not under the site_url {base}"
        served = site / schema_id.removeprefix(base)
        assert served.is_file(), f"{schema_id} is not in the built site"
        if source.name == served.name:
            assert served.read_bytes() == (ROOT / "schemas" / served.relative_to(site / "schemas")).read_bytes()


def test_the_site_has_every_page_of_the_nav(site: Path) -> None:
    pages = ("index.html", "format-spec/index.html", "rules/index.html", "reference/jsonio/index.html")
    for page in (*pages, "architecture/index.html"):
        assert (site / page).is_file()
    reference = (site / "reference" / "jsonio" / "index.html").read_text(encoding="utf-8")
    assert "validate_document" in reference and 'class="gp"' in reference  # docstring examples as code
    assert (site / "schemas" / "index.json").read_bytes() == (ROOT / "schemas" / "index.json").read_bytes()


def test_every_docs_page_is_in_the_nav() -> None:
    def pages(nav: Any) -> Iterator[str]:
        for entry in nav:
            for value in entry.values() if isinstance(entry, dict) else [entry]:
                yield from pages(value) if isinstance(value, list) else [value]

    listed = set(pages(CONFIG["nav"]))
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert on_disk == listed
