"""Writing a command's output file: a folder that does not exist or a file that cannot be written is an error
naming the file and the system's reason (in the command's language), not a traceback."""

from __future__ import annotations

from pathlib import Path

from disclosure_report.errors import DisclosureReportError


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, or raise :class:`DisclosureReportError` (``output.cannot_write``)."""
    try:
        path.write_bytes(data)
    except OSError as e:
        raise DisclosureReportError.keyed(
            "output.cannot_write", path=str(path), strerror=e.strerror or type(e).__name__
        ) from None
