"""Finding renderers through the ``disclosure_report.renderers`` entry points."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
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
        raise RenderError(f"no renderer named {name!r}; available: {', '.join(sorted(eps))}")
    try:
        target = eps[name].load()
    except ModuleNotFoundError as e:
        raise MissingExtraError(name, name, e.name or "a module") from None
    renderer = target() if isinstance(target, type) else target
    if not isinstance(renderer, Renderer):
        raise RenderError(f"the entry point {name!r} ({eps[name].value}) is not a renderer")
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
