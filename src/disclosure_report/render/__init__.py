"""Renderers: the report as a web page, Word file, spreadsheet, Markdown, text or JSON — found as plugins."""

from disclosure_report.render.base import MissingExtraError, Renderer, RenderError
from disclosure_report.render.registry import available_renderers, get_renderer, render, write

__all__ = ["MissingExtraError", "RenderError", "Renderer", "available_renderers", "get_renderer", "render", "write"]
