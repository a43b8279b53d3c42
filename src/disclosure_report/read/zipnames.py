"""The member names a zip archive shows in its first bytes, for telling its kinds apart (Word, Excel) by content."""

from __future__ import annotations

from collections.abc import Iterator

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
