"""Zip archives (Word and Excel files): the member names their first bytes show, for telling the kinds apart by
content, and one bounded way to read a member."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator

from disclosure_report.read.base import ReadError

MAX_RATIO = 200
"""How many times its compressed size a member may expand to (more is a zip bomb)."""

ZIP_MAGIC = b"PK\x03\x04"


def zip_names(head: bytes) -> Iterator[str]:
    """The member names of the local file headers found in the first bytes of a zip archive.

    >>> list(zip_names(b"PK\\x03\\x04" + bytes(22) + (15).to_bytes(2, "little") + bytes(2) + b"xl/workbook.xml"))
    ['xl/workbook.xml']
    """
    at = head.find(ZIP_MAGIC)
    while at >= 0 and at + 30 <= len(head):
        size = int.from_bytes(head[at + 26 : at + 28], "little")
        name = head[at + 30 : at + 30 + size]
        if len(name) == size:
            yield name.decode("utf-8", "replace")
        at = head.find(ZIP_MAGIC, at + 30)


def has_member_under(head: bytes, folder: str) -> bool:
    """Whether ``head`` starts a zip archive showing a member under ``folder`` (``"word/"``, ``"xl/"``)."""
    return head.startswith(ZIP_MAGIC) and any(n.startswith(folder) for n in zip_names(head))


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, kind: str, limit: int) -> bytes:
    """The bytes of one member, at most ``limit`` of them and at most :data:`MAX_RATIO` times its compressed size;
    a damaged stream, or a compression method or zip version this Python does not read, is a ``ReadError`` naming
    ``name`` (the file), ``kind`` ("Word", "Excel") and the member."""
    part = info.filename
    if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1_000_000:
        raise ReadError.keyed("read.zip.bomb", source=name, part=part, size=info.file_size)
    try:
        with archive.open(info) as f:
            data = f.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as e:
        raise ReadError.keyed(f"read.zip.damaged_{kind.lower()}", source=name, part=part, detail=str(e)) from None
    if len(data) > limit:
        raise ReadError.keyed("read.zip.too_large", source=name, part=part, limit=limit)
    return data
