"""The renderer protocol and the errors of rendering."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from disclosure_report.errors import DisclosureReportError, english
from disclosure_report.model import AnnualReport


@runtime_checkable
class Renderer(Protocol):
    """Turns a report into one kind of document.

    Register one under the entry-point group ``disclosure_report.renderers`` (the target: a class taking no
    arguments, or an instance); the built-in renderers are registered the same way.
    """

    name: str
    """The name users ask for (``render(report, "html")``)."""
    media_type: str
    suffix: str
    """File suffix with its dot, e.g. ``".html"``."""
    extras: str | None
    """The pip extra the renderer needs (``"docx"`` → ``disclosure-report[docx]``), or None."""

    def render(self, report: AnnualReport, **options: Any) -> str | bytes: ...


class RenderError(DisclosureReportError):
    """A renderer that cannot be found, loaded or used as asked."""


class MissingExtraError(RenderError):
    """A renderer needs an optional dependency that is not installed."""

    def __init__(self, name: str, extra: str, missing: str) -> None:
        self.name = name
        self.extra = extra
        self.missing = missing
        self.key, self.fields = "render.not_installed", {"name": name, "module": missing, "extra": extra}
        super().__init__(english(self.key, self.fields))

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str]]:
        return type(self), (self.name, self.extra, self.missing)


def check_options(name: str, options: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(options) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed)) or "none"
        raise RenderError.keyed("render.option", name=name, options=", ".join(unknown), known=known)
