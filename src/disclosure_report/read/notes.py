"""The warnings a read collects on its way through the stages, each with the line and cell it is about."""

from __future__ import annotations

import attrs

from disclosure_report.read.base import UNPLACED, ReadWarning


@attrs.define
class Notes:
    """What the stages had to interpret or could not place, in the order they found it."""

    warnings: list[ReadWarning] = attrs.Factory(list)

    def warn(self, message: str, line: int | None = None, cell_path: str | None = None) -> None:
        """Note something the reader had to interpret."""
        self.warnings.append(ReadWarning(message, line, cell_path))

    def unplaced(self, message: str, line: int | None = None, cell_path: str | None = None) -> None:
        """Note table cells the reader could not place (left unread): a warning of the kind ``"unplaced"``."""
        self.warnings.append(ReadWarning(message, line, cell_path, UNPLACED))
