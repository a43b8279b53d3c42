"""Writing a command's output file: its folder is made when it does not exist yet
(:func:`~disclosure_report.cli.output_file`); a file that cannot be written is an error naming the file and the
system's reason (in the command's language), not a traceback."""

from __future__ import annotations

from pathlib import Path

from disclosure_report.cli import output_file
from disclosure_report.errors import DisclosureReportError


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (its folder made first), or raise :class:`DisclosureReportError`
    (``output.cannot_write``)."""
    try:
        output_file(path).write_bytes(data)
    except OSError as e:
        raise DisclosureReportError.keyed(
            "output.cannot_write", path=str(path), strerror=e.strerror or type(e).__name__
        ) from None
