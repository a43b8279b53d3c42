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
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(name, _kind(mode))
        file = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with file:
        return file.read() if limit is None else file.read(limit + 1)
