"""Opening a document by path: only regular files are read.

A named pipe given as a document (or lying in a corpus folder) would block ``read_bytes`` forever; a device could
stream without end. :func:`read_regular_file` opens without blocking, checks what the path is, and reads only a
regular file — anything else raises :class:`NotARegularFileError` (an :class:`OSError`, so every caller that
reports an unreadable file reports it too: "not a regular file (a named pipe)").
"""

from __future__ import annotations

import errno
import os
import stat
from os import PathLike

__all__ = ["NotARegularFileError", "read_regular_file"]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFileError(OSError):
    """A path that names something other than a regular file (a named pipe, a device, a folder, a socket)."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", path)
        self.kind = kind


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: str | PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``; at most ``limit + 1`` bytes are read when ``limit`` is given (so
    the caller can tell a file over the limit). Raises :class:`NotARegularFileError` for anything else, without
    blocking on a named pipe, and :class:`OSError` when the file cannot be opened or read."""
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if e.errno == errno.ENXIO:  # a socket, or a pipe with no writer on some systems
            raise NotARegularFileError(name, _kind(os.stat(name).st_mode)) from None
        raise
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFileError(name, _kind(status.st_mode))
        return _read_all(fd, status.st_size, None if limit is None else limit + 1)
    finally:
        os.close(fd)


def _read_all(fd: int, size: int, cap: int | None) -> bytes:
    """Everything ``fd`` gives, or its first ``cap`` bytes. ``size`` (the file's size when opened) is only a hint —
    the file may grow or shrink while it is read — so reading goes on until the end; each read asks for what is
    expected, never for ``cap`` at once (a buffered ``read(64 MiB)`` allocates 64 MiB for a 10 KB file: three
    times the time of reading it)."""
    parts: list[bytes] = []
    total = 0
    want = size + 1  # one byte more than expected: the end is seen in the same read when the size held
    while cap is None or total < cap:
        chunk = os.read(fd, want if cap is None else min(want, cap - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = max(want, _STEP)
    return parts[0] if len(parts) == 1 else b"".join(parts)


_STEP = 1 << 16
"""What a read asks for once the file has outgrown the size it had when opened."""
