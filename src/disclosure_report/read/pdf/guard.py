"""Opening a PDF within bounds, before anything is expanded: the errors of encrypted, truncated and damaged files
in plain words, a cap on the pages, and one on what the compressed streams may expand to (pdfminer would expand a
decompression bomb whole, and re-inflate a corrupted stream a byte at a time)."""

from __future__ import annotations

import io
import itertools
import zlib

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT, PSEOF
from pdfplumber.page import Page
from pdfplumber.pdf import PDF

from disclosure_report.errors import Phrase
from disclosure_report.read.base import ReadError

MAX_PAGES = 200
"""Pages a PDF may have (annual reports have a handful); above this the file is refused before it is parsed."""


MAX_CONTENT = 64 * 1024 * 1024
"""Bytes the compressed streams of a PDF but its images may expand to, all together (page contents of some
kilobytes, embedded fonts of up to some megabytes); above this the file is refused before pdfminer expands them (a
decompression bomb)."""


_IMAGE = LIT("Image")


_RECOVERABLE = 128 * 1024
"""Bytes of a damaged Flate stream pdfminer may recover: it re-inflates such a stream one input byte at a time,
copying all it has so far at each step, so the time grows with the square of the output."""


def open_pdf(data: bytes, name: str) -> PDF:
    """The PDF opened by pdfplumber, or a :class:`ReadError` saying why not: encrypted, truncated, not a PDF."""
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises many kinds (PSSyntaxError, KeyError, TypeError …) on damaged files
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError.keyed("read.pdf.encrypted", source=name) from None
        raise ReadError.keyed("read.pdf.cannot_open", source=name, detail=describe(cause)) from None


def describe(e: BaseException) -> str:
    """A pdfminer error in a few words."""
    if isinstance(e, PSEOF):
        return Phrase("read.pdf.truncated")
    text = str(e).strip()
    return f"{type(e).__name__}: {text[:200]}" if text else type(e).__name__


def count_pages(pdf: PDF, name: str) -> int:
    """The number of pages, counted without parsing them; an error for none or more than :data:`MAX_PAGES`."""
    count = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))
    if count == 0:
        raise ReadError.keyed("read.pdf.no_pages", source=name)
    if count > MAX_PAGES:
        raise ReadError.keyed("read.pdf.too_many_pages", source=name, limit=MAX_PAGES)
    return count


def check_expansion(pdf: PDF, name: str) -> None:
    """Refuse, before pdfminer expands anything, a PDF whose compressed streams (page contents, forms, fonts, maps —
    all but images, which are never expanded) inflate to more than :data:`MAX_CONTENT` in all (a decompression
    bomb), or one with a corrupted stream pdfminer could only recover in a time growing with the square of its
    size. Streams are inflated with a cap, in pieces, and nothing inflated is kept."""
    budget = MAX_CONTENT
    for objid in sorted({i for xref in pdf.doc.xrefs for i in xref.get_objids()}):
        try:
            stream = pdf.doc.getobj(objid)
        except Exception:  # a broken object: pdfminer says so if a page needs it
            continue
        if not isinstance(stream, PDFStream) or stream.rawdata is None or stream.get("Subtype") is _IMAGE:
            continue
        filters = [resolve1(f) for f, _ in stream.get_filters()]
        if not filters or filters[0] not in LITERALS_FLATE_DECODE:
            continue
        size, clean = _inflated(stream.rawdata, budget)
        if not clean and size > _RECOVERABLE:
            raise ReadError.keyed("read.pdf.corrupted", source=name, objid=objid, size=size)
        budget -= size
        if budget < 0:
            raise ReadError.keyed("read.pdf.bomb", source=name, limit=MAX_CONTENT // 2**20)


def _inflated(raw: bytes, cap: int) -> tuple[int, bool]:
    """Bytes a Flate stream inflates to (counted to ``cap`` + 1 at most) and whether it inflates cleanly to its
    end; fed in pieces, so that the part before a corruption is counted."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for start in range(0, len(raw), 4096):
            data = raw[start : start + 4096]
            while data:
                size += len(inflater.decompress(data, cap + 1 - size))
                if size > cap:
                    return size, True
                data = inflater.unconsumed_tail
    except zlib.error:
        return size, False
    return size, inflater.eof


def undecodable(page: Page) -> int:
    """Bytes of ``page`` 's content that do not decode (pdfminer reads a damaged stream as empty, silently)."""
    lost = 0
    for stream in (resolve1(s) for s in page.page_obj.contents):
        if isinstance(stream, PDFStream) and not stream.get_data():
            declared = resolve1(stream.attrs.get("Length", 0))
            lost += declared if isinstance(declared, int) and declared > 0 else 0
    return lost
