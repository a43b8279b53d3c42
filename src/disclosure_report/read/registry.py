"""Finding readers through the ``disclosure_report.readers`` entry points, and reading by content."""

from __future__ import annotations

import inspect
from collections.abc import Collection
from importlib.metadata import EntryPoint, entry_points
from os import PathLike
from pathlib import Path

from disclosure_report.read.base import Reader, ReadError, ReadResult

GROUP = "disclosure_report.readers"
MAX_BYTES = 64 * 1024 * 1024
SNIFF_ORDER = ("json", "xlsx", "docx", "html", "markdown", "text")
"""Built-ins tried in this order when detecting by content (most specific first); plugins after them."""

_LOADED: dict[str, Reader] = {}


def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep)
    return found


def available_readers() -> list[str]:
    return sorted(_entry_points())


def get_reader(name: str) -> Reader:
    if name in _LOADED:
        return _LOADED[name]
    eps = _entry_points()
    if name not in eps:
        raise ReadError(f"no reader named {name!r}; available: {', '.join(sorted(eps))}")
    try:
        target = eps[name].load()
    except ModuleNotFoundError as e:
        raise ReadError(
            f"the {name!r} reader needs {e.name or 'a module'}, which is not installed: "
            f"pip install 'disclosure-report[{name}]'"
        ) from None
    reader = target() if isinstance(target, type) else target
    if not isinstance(reader, Reader):
        raise ReadError(f"the entry point {name!r} ({eps[name].value}) is not a reader")
    _LOADED[name] = reader
    return reader


def detect(data: bytes, suffix: str = "") -> str:
    """The reader for ``data``: by content first, the file suffix as a hint when content does not decide."""
    names = list(SNIFF_ORDER) + [n for n in available_readers() if n not in SNIFF_ORDER]
    for name in names:
        if name == "text":
            continue
        try:
            reader = get_reader(name)
        except ReadError:
            continue
        if reader.sniff(data[:16384]) and (name != "markdown" or suffix not in (".txt",)):
            return name
    for name in names:
        try:
            if suffix and suffix.lower() in get_reader(name).suffixes:
                return name
        except ReadError:
            continue
    return "text"


def read(
    source: str | bytes | PathLike[str],
    format: str | None = None,
    *,
    year: int | None = None,
    agency: str | None = None,
) -> ReadResult:
    """Read a published report (a path, or the document's bytes) into a typed report, faithfully.

    ``format`` names the reader (``text``, ``markdown``, ``html``, ``docx``, ``xlsx``, ``json``); by default it is
    detected from the content. ``year`` and ``agency`` are the caller's, for a document that does not name them (a
    :class:`ReadError` says to pass them when it does not). Returns the report and the warnings about what could
    not be placed.
    """
    name: str | None = None
    suffix = ""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        name, suffix = str(path), path.suffix
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ReadError(f"{path}: {size} bytes is larger than any annual report ({MAX_BYTES} at most)")
            data = path.read_bytes()
        except OSError as e:
            raise ReadError(f"{path}: cannot be read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise ReadError(f"{name or 'the document'}: larger than any annual report ({MAX_BYTES} bytes at most)")
    reader = get_reader(format or detect(data, suffix))
    given = {k: v for k, v in (("year", year), ("agency", agency)) if v is not None}
    if given and not _takes(reader, given):
        raise ReadError(f"the {reader.name!r} reader does not take {' or '.join(given)}")
    return reader.read(data, source=name, **given)


def _takes(reader: Reader, keywords: Collection[str]) -> bool:
    """Whether ``reader.read`` accepts these keywords (readers written before ``year``/``agency`` do not)."""
    try:
        parameters = inspect.signature(reader.read).parameters
    except (TypeError, ValueError):
        return False
    return all(k in parameters for k in keywords) or any(p.kind is p.VAR_KEYWORD for p in parameters.values())
