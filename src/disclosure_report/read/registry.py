"""Finding readers through the ``disclosure_report.readers`` entry points, and reading by content."""

from __future__ import annotations

import inspect
import io
import zipfile
from collections.abc import Callable, Collection
from importlib.metadata import EntryPoint, entry_points
from os import PathLike
from pathlib import Path

from disclosure_report.files import read_regular_file
from disclosure_report.read.base import UNNAMED, Reader, ReadError, ReadResult
from disclosure_report.read.identity import given_identity
from disclosure_report.read.kinds import BUILT_IN
from disclosure_report.read.zipnames import has_member_under

GROUP = "disclosure_report.readers"
MAX_BYTES = 64 * 1024 * 1024
SNIFF_ORDER = ("json", "pdf", "xlsx", "docx", "html", "markdown", "text")
"""Built-ins tried in this order when detecting by content (most specific first); plugins after them."""
_DECIDED_BY_CONTENT: dict[str, Callable[[bytes], bool]] = {
    "pdf": lambda head: b"%PDF-" in head[:1024],
    "xlsx": lambda head: has_member_under(head, "xl/"),
    "docx": lambda head: has_member_under(head, "word/"),
}
"""Built-ins whose first bytes decide the kind outright: when such a reader cannot be loaded (its extra is not
installed), its error ("pip install 'disclosure-report[…]'") is the answer rather than a fall-through to plain
text."""

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
        raise ReadError.keyed("read.unknown", name=name, available=", ".join(sorted(eps)))
    try:
        target = eps[name].load()
    except ModuleNotFoundError as e:
        raise _not_installed(name, e.name or "a module") from None
    reader = target() if isinstance(target, type) else target
    if not isinstance(reader, Reader):
        raise ReadError.keyed("read.not_a_reader", name=name, target=eps[name].value)
    _LOADED[name] = reader
    return reader


def reader_suffixes(name: str) -> tuple[str, ...]:
    """The file endings the reader ``name`` claims. A built-in reader's are known without importing it (nor its
    extra's modules); a plugin is loaded. Raises :class:`ReadError` when the reader's extra is not installed."""
    kind = BUILT_IN.get(name)
    ep = _entry_points().get(name)
    if kind is None or ep is None or ep.value != kind.target:
        return get_reader(name).suffixes
    missing = kind.missing()
    if missing is not None:
        raise _not_installed(name, missing)
    return kind.suffixes


def _not_installed(name: str, module: str) -> ReadError:
    return ReadError.keyed("read.not_installed", name=name, module=module)


def detect(data: bytes, suffix: str = "") -> str:
    """The reader for ``data``: by content first, the file suffix as a hint when content does not decide."""
    names = list(SNIFF_ORDER) + [n for n in available_readers() if n not in SNIFF_ORDER]
    for name in names:
        if name == "text":
            continue
        try:
            reader = get_reader(name)
        except ReadError:
            decides = _DECIDED_BY_CONTENT.get(name)
            if decides is not None and decides(data[:16384]):
                raise
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


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_KINDS = {suffix: f"read.kind{suffix}" for suffix in (".doc", ".dot", ".wps", ".xls", ".et")}
"""The message saying what an Office 97–2003 file of each ending is and what to do with it."""
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def unreadable_kind(data: bytes, suffix: str = "") -> tuple[str, dict[str, str]] | None:
    """What a document is when it is a kind no reader reads (Word 97–2003, WPS, Excel 97–2003, OFD, an image): the
    key of the message (:data:`disclosure_report.messages.TEXTS`) saying so, with what to do instead, and its
    fields besides ``source``; None for anything else."""
    suffix = suffix.lower()
    if data.startswith(_OLE2):
        if suffix in _OLE2_KINDS:
            return _OLE2_KINDS[suffix], {}
        if "WordDocument".encode("utf-16-le") in data:
            return _OLE2_KINDS[".doc"], {}
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return _OLE2_KINDS[".xls"], {}
        return "read.kind.ole2", {}
    if data.startswith(b"PK\x03\x04") and (suffix == ".ofd" or _is_ofd(data)):
        return "read.kind.ofd", {}
    image = next((kind for magic, kind in _IMAGES if data.startswith(magic)), None)
    if image is None and _is_bmp(data):
        image = "BMP"
    if image is None and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        image = "WebP"
    if image is not None:
        return "read.kind.image", {"image": image}
    return None


def _is_ofd(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(n.lower() == "ofd.xml" for n in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _is_bmp(data: bytes) -> bool:
    """``BM``, then the file size, then the size of one of the known DIB headers."""
    return (
        data[:2] == b"BM"
        and len(data) >= 18
        and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124)
    )


def read(
    source: str | bytes | PathLike[str],
    format: str | None = None,
    *,
    year: int | None = None,
    agency: str | None = None,
) -> ReadResult:
    """Read a published report (a path, or the document's bytes) into a typed report, faithfully.

    ``format`` names the reader (``text``, ``markdown``, ``html``, ``docx``, ``xlsx``, ``pdf``, ``json``); by default
    it is detected from the content. Kinds no reader reads (Word 97–2003 ``.doc``, WPS, ``.xls``, OFD, images) are
    named in the :class:`ReadError`, with what to do instead. ``year`` and ``agency`` are the caller's, for a
    document that does not name them (a :class:`ReadError` says to pass them when it does not). Returns the report
    and the warnings about what could not be placed.
    """
    name: str | None = None
    suffix = ""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        name, suffix = str(path), path.suffix
        try:
            data = read_regular_file(path, MAX_BYTES)  # never blocks on a named pipe
        except OSError as e:
            raise ReadError.keyed("read.cannot_read", source=str(path), strerror=str(e.strerror or e)) from None
    if len(data) > MAX_BYTES:
        raise ReadError.keyed("read.too_large", source=name or UNNAMED, limit=MAX_BYTES)
    if format is None:
        kind = unreadable_kind(data, suffix)
        if kind is not None:
            key, fields = kind
            raise ReadError.keyed(key, source=name or UNNAMED, **fields)
    reader = get_reader(format or detect(data, suffix))
    given = {k: v for k, v in (("year", year), ("agency", agency)) if v is not None}
    if given and not _takes(reader, given):  # a reader without the keywords: the assembler finds them all the same
        with given_identity(year, agency):
            return reader.read(data, source=name)
    return reader.read(data, source=name, **given)


def _takes(reader: Reader, keywords: Collection[str]) -> bool:
    """Whether ``reader.read`` accepts these keywords (readers written before ``year``/``agency`` do not)."""
    try:
        parameters = inspect.signature(reader.read).parameters
    except (TypeError, ValueError):
        return False
    return all(k in parameters for k in keywords) or any(p.kind is p.VAR_KEYWORD for p in parameters.values())
