"""Finding renderers through the ``disclosure_report.renderers`` entry points."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
from os import PathLike
from pathlib import Path
from typing import Any

from disclosure_report.model import AnnualReport
from disclosure_report.render.base import MissingExtraError, Renderer, RenderError

GROUP = "disclosure_report.renderers"


def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep)
    return found


def available_renderers() -> list[str]:
    """Names of every registered renderer (built-in and third-party)."""
    return sorted(_entry_points())


_LOADED: dict[str, Renderer] = {}


def get_renderer(name: str) -> Renderer:
    """The renderer registered as ``name``; a clear error when there is none or its extra is missing."""
    if name in _LOADED:
        return _LOADED[name]
    eps = _entry_points()
    if name not in eps:
        raise RenderError.keyed("render.unknown", name=name, available=", ".join(sorted(eps)))
    try:
        target = eps[name].load()
    except ModuleNotFoundError as e:
        raise MissingExtraError(name, name, e.name or "a module") from None
    renderer = target() if isinstance(target, type) else target
    if not isinstance(renderer, Renderer):
        raise RenderError.keyed("render.not_a_renderer", name=name, target=eps[name].value)
    _LOADED[name] = renderer
    return renderer


def render(report: AnnualReport, name: str = "html", **options: Any) -> str | bytes:
    """Render ``report`` with the renderer called ``name`` (``html``, ``markdown``, ``text``, ``docx``, ``xlsx``,
    ``json`` or a third party's).

    >>> from disclosure_report import new_report
    >>> print(render(new_report("某局", 2023), "text").splitlines()[0])
    某局2023年政府信息公开工作年度报告
    """
    return get_renderer(name).render(report, **options)


def renderer_for_suffix(suffix: str) -> str:
    """The name of the renderer that writes files ending in ``suffix`` (``.docx`` → ``docx``)."""
    wanted = suffix.lower()
    for name in available_renderers():
        try:
            if get_renderer(name).suffix == wanted:
                return name
        except RenderError:
            continue
    known = ", ".join(sorted({get_renderer(n).suffix for n in available_renderers() if _loads(n)}))
    if not suffix:
        raise RenderError.keyed("render.no_suffix", known=known)
    raise RenderError.keyed("render.suffix", suffix=suffix, known=known)


def _loads(name: str) -> bool:
    try:
        get_renderer(name)
    except RenderError:
        return False
    return True


def write(report: AnnualReport, path: str | PathLike[str], name: str | None = None, **options: Any) -> Path:
    """Render ``report`` and write it to ``path`` — bytes as they are, text as UTF-8 with ``\\n`` line ends on every
    system (never the locale's encoding). The renderer is ``name``, or the one whose suffix ``path`` has.

    >>> import tempfile, pathlib
    >>> from disclosure_report import new_report
    >>> out = write(new_report("某局", 2023), pathlib.Path(tempfile.mkdtemp()) / "report.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    target = Path(path)
    content = render(report, name or renderer_for_suffix(target.suffix), **options)
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return target
