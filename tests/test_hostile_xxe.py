"""The readers never resolve external entities or fetch anything: XXE payloads in Word files and web pages."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from disclosure_report import new_report, render
from disclosure_report.errors import DisclosureReportError
from disclosure_report.read.docx import DocxReader
from disclosure_report.read.html import HtmlReader

SECRET = "XXE-SECRET-7f3a"


def _outcome(read: object) -> str:
    """Everything a read gives back (the report, its warnings, or its error) as one text."""
    try:
        result = read()  # type: ignore[operator]
    except DisclosureReportError as e:
        return str(e)
    return repr(result.report) + repr(result.warnings)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _with_doctype(xml: bytes, doctype: str, target: bytes) -> bytes:
    head, sep, body = xml.partition(b"?>")
    assert sep and target in body
    return head + sep + doctype.encode() + body.replace(target, b"&xxe;", 1)


def _docx_with(part: str, doctype: str, target: bytes) -> bytes:
    data = render(new_report("某局", 2023), "docx")
    assert isinstance(data, bytes)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = _with_doctype(content, doctype, target)
            copy.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("part", ["word/document.xml", "docProps/custom.xml"])
def test_a_word_file_with_an_external_entity_reads_nothing_from_outside(secret_file: Path, part: str) -> None:
    entity = secret_file.as_uri()
    doctype = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{entity}">]>'
    target = "某局".encode() if part == "word/document.xml" else b"2023"
    data = _docx_with(part, doctype, target)
    assert SECRET not in _outcome(lambda: DocxReader().read(data))


def test_a_word_file_with_a_network_entity_fetches_nothing() -> None:
    with socket.socket() as server:  # a listener the entity points at: no connection may arrive
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(0.5)
        port = server.getsockname()[1]
        doctype = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe">]>'
        data = _docx_with("word/document.xml", doctype, "某局".encode())
        _outcome(lambda: DocxReader().read(data))
        with pytest.raises(TimeoutError):
            server.accept()


def test_the_payload_is_live_for_a_parser_that_resolves_entities(secret_file: Path) -> None:
    doctype = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    data = _docx_with("word/document.xml", doctype, "某局".encode())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    assert SECRET in "".join(etree.fromstring(xml, unsafe).itertext())  # so the tests above test something


def test_a_billion_laughs_word_file_stays_small() -> None:
    doctype = (
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY xxe "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    )
    data = _docx_with("word/document.xml", doctype, "某局".encode())
    assert "a" * 1000 not in _outcome(lambda: DocxReader().read(data))


def test_a_web_page_with_an_external_entity_reads_nothing_from_outside(secret_file: Path) -> None:
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
        "<html><body><p>某局2023年政府信息公开工作年度报告 &xxe;</p></body></html>"
    )
    assert SECRET not in _outcome(lambda: HtmlReader().read(page.encode()))
