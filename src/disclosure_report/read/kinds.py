"""The built-in file kinds, declared once: for each, the reader that reads it, the file endings and media types it
claims, and the extra it needs (with the modules that extra brings). The reader classes take their attributes from
here, so a folder walk learns which files to pick up without importing any reader — nor pdfplumber, openpyxl or
lxml — in the process that walks."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Any

import attrs


@attrs.frozen
class Kind:
    """One built-in file kind and its reader (``target`` is the reader's entry point, ``module:Class``)."""

    name: str
    target: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    extras: str | None = None
    needs: tuple[str, ...] = ()
    """Top-level modules the reader imports from its extra."""

    def missing(self) -> str | None:
        """The first module this kind's reader needs that is not installed (``None`` when all are)."""
        return next((m for m in self.needs if find_spec(m) is None), None)


BUILT_IN: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("json", "disclosure_report.read.jsondoc:JsonReader", (".json",), ("application/json",)),
        Kind("text", "disclosure_report.read.text:TextReader", (".txt", ".text"), ("text/plain",)),
        Kind("markdown", "disclosure_report.read.markdown:MarkdownReader", (".md", ".markdown"), ("text/markdown",)),
        Kind(
            "html",
            "disclosure_report.read.html:HtmlReader",
            (".html", ".htm", ".shtml", ".xhtml"),
            ("text/html",),
            "html",
            ("lxml",),
        ),
        Kind(
            "docx",
            "disclosure_report.read.docx:DocxReader",
            (".docx",),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
            "docx",
            ("lxml",),
        ),
        Kind(
            "xlsx",
            "disclosure_report.read.xlsx:XlsxReader",
            (".xlsx", ".xlsm"),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
            "xlsx",
            ("python_calamine", "openpyxl", "lxml"),
        ),
        Kind("pdf", "disclosure_report.read.pdf:PdfReader", (".pdf",), ("application/pdf",), "pdf", ("pdfplumber",)),
    )
}


class BuiltInReader:
    """The base of the built-in readers: a subclass names its kind (``class PdfReader(BuiltInReader, kind="pdf")``)
    and takes its name, suffixes, media types and extra from :data:`BUILT_IN`."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    extras: str | None

    def __init_subclass__(cls, *, kind: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind is None:  # a subclass of a built-in reader (a plugin's) keeps what it inherits, or sets its own
            return
        declared = BUILT_IN[kind]
        cls.name, cls.suffixes, cls.media_types, cls.extras = (
            declared.name,
            declared.suffixes,
            declared.media_types,
            declared.extras,
        )
