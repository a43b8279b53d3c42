"""Errors the library raises carry a message key and fields (``DisclosureReportError.key``/``.fields``): their
English ``str()`` is unchanged, the command line words them in ``--lang``, and every key has both wordings."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import shutil
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report import dump, load, new_report, render, replace_value
from disclosure_report.cli import main
from disclosure_report.corpus.rollup import AggregateError, DuplicateReportError, aggregate
from disclosure_report.errors import AuthoringError, DisclosureReportError, DocumentError, FieldValueError, Phrase
from disclosure_report.jsonio.convert import loads
from disclosure_report.messages import TEXTS, error_text, say
from disclosure_report.model.cells import EXPECTED, describe
from disclosure_report.read.base import ReadError
from disclosure_report.render.base import MissingExtraError, RenderError

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "disclosure_report"
SHANGHAI = ROOT / "examples" / "shanghai-gov-office-2019.json"
SHUYANG = ROOT / "examples" / "shuyang-county-gov-2025.json"


# --- every key has both wordings ---------------------------------------------------------------------------------

_LITERAL_KEYS = (
    r"\.keyed\(\s*\"([^\"{]+)\"",  # Error.keyed("read.not_text", …)
    r"\bsay\(\s*[\"']([^\"'{]+)[\"']",  # say("export.written", …)
    r"\"key\": \"([^\"{]+)\"",  # {"key": "read.pdf.damaged_page", …}
    r"self\.key, self\.fields = \"([^\"{]+)\"",  # errors with their own __init__
    r"key = \"([a-z_]+\.[a-z_.]+)\" if",  # key = "new.before_2019" if … else "new.not_yet"
    r"else \"([a-z_]+\.[a-z_.]+)\"",
    r"return \"(read\.kind\.[a-z0-9]+)\"",  # unreadable_kind's
    r"\bPhrase\(\s*\"([^\"{]+)\"",  # Phrase("expected.array")
    r"\"(expected\.[a-z_0-9]+)\"",  # validators' _NAMES
    r"self\.key = \"([^\"{]+)\"",
)
_BUILT_KEYS = (
    r"\.keyed\(\s*f\"([^\"{]+)\{",
    r"f\"(read\.kind)\{suffix\}\"",
    r"\bPhrase\(f\"([^\"{]+)\{",  # Phrase(f"expected.{kind}")
)


def _source_texts() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in SRC.rglob("*.py")}


def test_every_message_key_the_library_uses_has_a_chinese_and_an_english_wording() -> None:
    used: set[str] = set()
    built: set[str] = set()
    for text in _source_texts().values():
        for pattern in _LITERAL_KEYS:
            used.update(re.findall(pattern, text))
        for pattern in _BUILT_KEYS:
            built.update(re.findall(pattern, text))
    assert len(used) > 90 and {"read.kind", "read.no_", "read.zip.damaged_", "expected."} <= built
    for key in sorted(used):
        assert key in TEXTS, key
    for prefix in sorted(built):
        assert any(k.startswith(prefix) and k != prefix for k in TEXTS), prefix
    for key in ("read.no_year", "read.no_agency", "read.no_year_agency", "read.zip.damaged_word"):
        assert key in TEXTS
    for kind in EXPECTED:  # Phrase(f"expected.{kind}") and Phrase(f"expected.{kind}_written")
        assert {f"expected.{kind}", f"expected.{kind}_written"} <= set(TEXTS)
    from disclosure_report.read.registry import _OLE2_KINDS

    assert set(_OLE2_KINDS.values()) <= set(TEXTS)
    for key, (zh, en) in TEXTS.items():
        assert zh.strip() and en.strip(), key


def test_a_keyed_error_is_its_english_wording_and_survives_pickling() -> None:
    error = ReadError.keyed("read.not_text", source="a.txt")
    assert str(error) == "a.txt: not text in UTF-8 or GB18030"
    assert (error.key, dict(error.fields)) == ("read.not_text", {"source": "a.txt"})
    assert error_text(error, "zh") == "a.txt：不是 UTF-8 或 GB18030 编码的文本"
    assert error_text(error, "en") == str(error)
    for original in (
        error,
        DuplicateReportError("甲", 2023),
        MissingExtraError("pdf", "pdf", "docx"),
        ReadError.keyed("read.in_source", source="p.html", error=ReadError.keyed("read.html.not_html", detail="x")),
    ):
        copy = pickle.loads(pickle.dumps(original))
        assert (type(copy), str(copy), copy.key) == (type(original), str(original), original.key)
        assert {k: str(v) for k, v in copy.fields.items()} == {k: str(v) for k, v in original.fields.items()}


def test_an_error_without_a_key_is_worded_as_before() -> None:
    error = DisclosureReportError("something")
    assert error.key is None and dict(error.fields) == {}
    assert error_text(error, "zh") == error_text(error, "en") == "something"


# --- the command line, in both languages ---------------------------------------------------------------------------


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


def _untitled(tmp: Path) -> Path:
    """A report printed as text without its title: it names no year and no agency."""
    printed = str(render(new_report("某局", 2024), "text")).splitlines()
    path = tmp / "untitled.txt"
    path.write_text("\n".join(line for line in printed if "年度报告" not in line), encoding="utf-8")
    return path


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


def _folder(tmp: Path) -> Path:
    path = tmp / "a-folder"
    path.mkdir()
    return path


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
_SAVE_ZH = "请另存为 .docx（Word 或 WPS：文件 › 另存为）或 PDF，再读取"
_SAVE_EN = "save it as .docx (Word or WPS: File › Save As) or as PDF, then read that"

READ_CASES = [
    pytest.param(
        _folder,
        [],
        "{p}：无法读取：不是普通文件（文件夹）",
        "{p}: cannot be read: not a regular file (a folder)",
        id="cannot_read",
    ),
    pytest.param(
        _file("old.doc", _OLE2),
        [],
        f"{{p}}：这是 Word 97–2003（.doc）文件；{_SAVE_ZH}",
        f"{{p}}: this is a Word 97–2003 (.doc) file; {_SAVE_EN}",
        id="kind.doc",
    ),
    pytest.param(
        _file("old.bin", _OLE2),
        [],
        "{p}：这是 Microsoft Office 97–2003（OLE2）文件；请另存为 .docx 或 PDF，再读取",
        "{p}: this is a Microsoft Office 97–2003 (OLE2) file; save it as .docx or as PDF, then read that",
        id="kind.ole2",
    ),
    pytest.param(
        _file("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        [],
        "{p}：这是图片（PNG），不是含文字的文档：报告须先做文字识别（OCR），或给出其 Word/PDF 版本",
        "{p}: this is an image (PNG), not a document with text: the report must be OCR'd first (or give its Word/PDF)",
        id="kind.image",
    ),
    pytest.param(
        _file("bad.txt", b"\x81\x30\xff\xfe\xff" * 10),
        [],
        "{p}：不是 UTF-8 或 GB18030 编码的文本",
        "{p}: not text in UTF-8 or GB18030",
        id="not_text",
    ),
    pytest.param(
        _file("bad.docx", b"PK\x03\x04junk"),
        [],
        "{p}：不是 Word（.docx）文件：不是 zip 压缩包",
        "{p}: not a Word (.docx) file: not a zip archive",
        id="docx.not_zip",
    ),
    pytest.param(
        _file("empty.docx", _zip({"other.xml": "<a/>"})),
        [],
        "{p}：不是 Word（.docx）文件：没有 word/document.xml",
        "{p}: not a Word (.docx) file: no word/document.xml",
        id="docx.no_document",
    ),
    pytest.param(
        _file("bad.xlsx", b"PK\x03\x04junk"),
        [],
        "{p}：不是 Excel（.xlsx）文件：不是能打开的 zip 压缩包",
        "{p}: not an Excel (.xlsx) file: not a zip archive it can open",
        id="xlsx.not_zip",
    ),
    pytest.param(
        _file("empty.xlsx", _zip({"other.xml": "<a/>"})),
        [],
        "{p}：不是 Excel（.xlsx）文件：没有 xl/workbook.xml",
        "{p}: not an Excel (.xlsx) file: no xl/workbook.xml",
        id="xlsx.no_workbook",
    ),
    pytest.param(
        _untitled,
        [],
        "{p}：标题、前言和统计期限中都没有报告年度，请给出 year=…（--year YYYY）；"
        "标题、前言和落款中都没有机关名称，请给出 agency=…（--agency 机关名称）",
        "{p}: no report year in its title, preamble or statistics period: pass year=… (--year YYYY); "
        "no agency in its title, preamble or signature: pass agency=… (--agency NAME)",
        id="no_year_agency",
    ),
    pytest.param(
        _untitled,
        ["--year", "2024"],
        "{p}：标题、前言和落款中都没有机关名称，请给出 agency=…（--agency 机关名称）",
        "{p}: no agency in its title, preamble or signature: pass agency=… (--agency NAME)",
        id="no_agency",
    ),
]


@pytest.mark.parametrize(("make", "extra", "zh", "en"), READ_CASES)
def test_read_refusals_in_both_languages(
    make: Callable[[Path], Path],
    extra: list[str],
    zh: str,
    en: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = make(tmp_path)
    assert main(["read", str(path), *extra]) == 2
    assert capsys.readouterr().err == f"disclosure-report read: {zh.format(p=path)}\n"
    assert main(["read", str(path), *extra, "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"disclosure-report read: {en.format(p=path)}\n"


def test_a_pdf_that_cannot_be_opened_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4 junk")
    assert main(["read", str(path)]) == 2
    zh = capsys.readouterr().err
    assert zh.startswith(f"disclosure-report read: {path}：不是可读取的 PDF：打开失败：")
    assert main(["read", str(path), "--lang", "en"]) == 2
    detail = zh.partition("打开失败：")[2]  # pdfminer's own words, the same in both
    assert capsys.readouterr().err == f"disclosure-report read: {path}: not a readable PDF: opening it failed: {detail}"


def test_a_pdf_without_text_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "blank.pdf"
    path.write_bytes(bytes(data))
    assert main(["read", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}：此 PDF 没有文字层（扫描件？）；请先做文字识别（OCR），或给出 Word/HTML 版本\n"
    )
    assert main(["read", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}: this PDF has no text layer (a scan?); run OCR first or give the Word/HTML "
        "version\n"
    )


def test_validate_a_folder_words_its_unreadable_documents_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    bad = folder / "bad.txt"
    bad.write_bytes(b"\x81\x30\xff\xfe\xff" * 10)
    assert main(["validate", str(folder), "--jobs", "2"]) == 2
    assert f"{bad}：无法读取 — {bad}：不是 UTF-8 或 GB18030 编码的文本" in capsys.readouterr().out.splitlines()
    assert main(["validate", str(folder), "--jobs", "2", "--lang", "en"]) == 2
    assert f"{bad}: UNREADABLE — {bad}: not text in UTF-8 or GB18030" in capsys.readouterr().out.splitlines()
    assert main(["validate", str(folder), "--json"]) == 2  # the machine output keeps the English
    assert f'"error": "{bad}: not text in UTF-8 or GB18030"' in capsys.readouterr().out


def test_new_from_a_report_of_a_later_year_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = tmp_path / "2020.json"
    dump(new_report("某局", 2020), previous)
    assert main(["new", "--previous", str(previous), "--year", "2019"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report new: 上一年度报告是 2020 年度的；以它为起点的报告须为更晚的年度（给出的是 2019）\n"
    )
    assert main(["new", "--previous", str(previous), "--year", "2019", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report new: the previous report is for 2020; a report started from it must be for a later year "
        "(got 2019)\n"
    )


def test_new_report_refuses_an_earlier_year_with_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^the previous report is for 2020; .* \(got 2020\)$") as caught:
        new_report("某局", 2020, previous=new_report("某局", 2020))
    assert isinstance(caught.value, AuthoringError)
    assert (caught.value.key, dict(caught.value.fields)) == ("new.later_year", {"previous": 2020, "year": 2020})


def _old_format(agency: str) -> object:
    return replace_value(replace_value(load(SHANGHAI), "meta.year", 2023), "meta.agency", agency)


def test_aggregate_refusals_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    dump(new_report("甲", 2023), mixed / "a.json")
    dump(_old_format("乙"), mixed / "b.json")  # type: ignore[arg-type]
    assert main(["aggregate", str(mixed), "--agency", "某县"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: 2023 年度的报告格式版本不同，不能汇总：乙：2019"
        "（其余 1 个单位使用 2023 年度要求的 2021 格式）\n"
    )
    assert main(["aggregate", str(mixed), "--agency", "某县", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: reports on 2023 in different format versions cannot be summed: 乙: 2019 "
        "(the other 1 unit uses the 2021 format 2023 requires)\n"
    )
    (mixed / "a.json").unlink()
    assert main(["aggregate", str(mixed), "--agency", "某县"]) == 2
    assert capsys.readouterr().err == "disclosure-report aggregate: 各单位使用 2019 格式，不是 2023 年度要求的格式\n"
    assert main(["aggregate", str(mixed), "--agency", "某县", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: the units use the 2019 format, not the one 2023 requires\n"
    )


def test_aggregate_errors_carry_their_keys() -> None:
    with pytest.raises(AggregateError) as nothing:
        aggregate([], agency="某县")
    assert (str(nothing.value), nothing.value.key) == ("no reports to aggregate", "aggregate.nothing")
    assert error_text(nothing.value, "zh") == "没有可汇总的报告"
    with pytest.raises(DuplicateReportError) as twice:
        aggregate([new_report("甲", 2023), new_report("甲", 2023)], agency="某县")
    assert str(twice.value) == "甲 has more than one report on 2023; pass on_duplicate='first' to keep the first"
    assert error_text(twice.value, "zh") == "甲 的 2023 年度报告不止一份；传入 on_duplicate='first' 保留第一份"
    assert (twice.value.agency, twice.value.year) == ("甲", 2023)


# --- rendering --------------------------------------------------------------------------------------------------


def test_renderer_errors_carry_their_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_report.render import pdf as pdf_renderer
    from disclosure_report.render import registry

    with pytest.raises(RenderError) as unknown:
        registry.get_renderer("nosuch")
    assert str(unknown.value).startswith("no renderer named 'nosuch'; available: ")
    assert error_text(unknown.value, "zh").startswith("没有名为 'nosuch' 的渲染器；可用的：")
    with pytest.raises(RenderError) as suffix:
        registry.renderer_for_suffix(".xyz")
    assert str(suffix.value).startswith("no renderer writes '.xyz' files; name one (suffixes: ")
    assert error_text(suffix.value, "zh").startswith("没有渲染器写出 '.xyz' 文件；请指明渲染器（可写的后缀：")
    with pytest.raises(RenderError) as option:
        render(new_report("某局", 2023), "markdown", colour="red")
    assert str(option.value).startswith("the 'markdown' renderer has no option colour (its options: ")
    assert error_text(option.value, "zh").startswith("'markdown' 渲染器没有选项 colour（它的选项：")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(os, "access", lambda *_a: False)
    with pytest.raises(RenderError) as office:
        pdf_renderer.find_office()
    assert str(office.value) == (
        f"the 'pdf' renderer converts the Word file with LibreOffice, which was not found: {pdf_renderer.INSTALL}"
    )
    assert error_text(office.value, "zh") == (
        f"pdf 渲染器用 LibreOffice 转换 Word 文件，但未找到 LibreOffice：{pdf_renderer.INSTALL}"
    )
    missing = MissingExtraError("docx", "docx", "python-docx")
    assert str(missing) == (
        "the 'docx' renderer needs python-docx, which is not installed: pip install 'disclosure-report[docx]'"
    )
    assert say(missing.key or "", "zh", **missing.fields) == (
        "'docx' 渲染器需要 python-docx，尚未安装：pip install 'disclosure-report[docx]'"
    )


def test_a_folder_that_cannot_be_listed_is_worded_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from disclosure_report.corpus import batch

    def refuse(_path: object) -> object:
        raise PermissionError(13, os.strerror(13))

    monkeypatch.setattr("disclosure_report.corpus.batch.os.scandir", refuse)
    with pytest.raises(DisclosureReportError) as caught:
        list(batch.iter_document_paths([tmp_path]))
    assert str(caught.value) == f"{tmp_path}: the folder cannot be listed: {os.strerror(13)}"
    assert error_text(caught.value, "zh") == f"{tmp_path}：无法列出文件夹内容：没有读取权限"


# --- what a document or a field was expected to hold: keyed phrases -------------------------------------------------


def test_every_problem_of_a_document_says_what_was_expected_by_a_message_key() -> None:
    data = json.loads(SHUYANG.read_text(encoding="utf-8"))
    new = data["applications"]["new"]
    new |= {"natural_person": "12", "commercial": 3.9, "research": {"blank": "12"}, "legal_services": True}
    new |= {"public_interest": {"blank": "", "x": 1}, "other_org": None, "totl": 1}
    data["applications"]["carried_over"]["total"] = {"unread": False}
    data["meta"] |= {"published_on": "2024/01/31", "scope": "city", "agency": 5}
    data["meta"]["period"] = {"start": "2025-12-31", "end": "2025-01-01"}
    data["overview"]["extra"] = {}
    del data["review_litigation"]["review"]
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(data, ensure_ascii=False))
    problems = caught.value.problems
    assert len(problems) == 14
    for problem in problems:
        assert isinstance(problem.expected, Phrase) and problem.expected.key in TEXTS, problem
        assert problem.expected == say(problem.expected.key, "en", **problem.expected.fields)
    assert sum(isinstance(p.found, Phrase) for p in problems) == 11  # 5, null and a date: the same in both
    by_path = {p.json_path: p.expected for p in problems if isinstance(p.expected, Phrase)}
    assert by_path["$.meta.period.end"] == "a date not before the start 2025-12-31"
    assert by_path["$.meta.period.end"].key == "expected.date_from"
    assert by_path["$.applications.new.totl"].key == "expected.no_such_key"
    assert say("expected.date_from", "zh", **by_path["$.meta.period.end"].fields) == "不早于起始日 2025-12-31 的日期"


@pytest.mark.parametrize(
    ("text", "key", "en"),
    [
        ("[]", "expected.document", "an object (an annual report document)"),
        ('{"format": "2018"}', "expected.format_version", 'a supported format version ("2021", "2019")'),
        ('{"meta": 1}', "expected.format_key", "this key, one of '2021', '2019'"),
        ('{"format": "2021", "format": "2019"}', "expected.unique_keys", "each key once per object"),
        ('{"format" "2021"}', "expected.json", "JSON text"),
        (b'{"a": "\xff"}', "expected.utf8", "UTF-8 text"),
    ],
)
def test_a_document_level_problem_is_keyed(text: str | bytes, key: str, en: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert isinstance(problem.expected, Phrase)
    assert (problem.expected.key, problem.expected) == (key, en)


def test_a_phrase_is_its_english_text_and_survives_pickling() -> None:
    phrase = Phrase("expected.year_range", low=2000, high=2999)
    assert phrase == "a year from 2000 to 2999" and isinstance(phrase, str)
    copy = pickle.loads(pickle.dumps(phrase))
    assert (copy, copy.key, dict(copy.fields)) == (phrase, "expected.year_range", {"low": 2000, "high": 2999})


def test_a_model_field_refusal_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FieldValueError) as caught:
        new_report("a\x01b", 2023)
    assert str(caught.value) == (
        "Meta.agency: expected text without control characters (other than tab and line breaks) or lone surrogates, "
        'found "a\\u0001b" (a string)'
    )
    assert (caught.value.key, caught.value.expected.key) == ("field.value", "expected.text")  # type: ignore[attr-defined]
    assert main(["new", "--agency", "a\x01b", "--year", "2023"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report new: Meta.agency：应为不含控制字符（制表符和换行除外）或孤立代理项的文本，"
        '实为"a\\u0001b"（字符串）\n'
    )
    assert main(["new", "--agency", "a\x01b", "--year", "2023", "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"disclosure-report new: {caught.value}\n"
    assert pickle.loads(pickle.dumps(caught.value)).fields == caught.value.fields


@pytest.mark.parametrize(
    ("value", "key", "en", "zh"),
    [
        (True, "found.boolean", "true (a boolean)", "true（布尔值）"),
        ("12", "found.string", '"12" (a string)', '"12"（字符串）'),
        (3.9, "found.float", "3.9 (a float)", "3.9（浮点数）"),
        (Decimal("3.9"), "found.decimal", "3.9 (a decimal number)", "3.9（小数）"),
        (Decimal("1E+60"), "found.whole_digits", "a whole number of 61 digits", "61 位的整数"),
        (-(10**200), "found.about_digits", "-a number of about 201 digits", "-约 201 位的数"),
        ({}, "found.object", "an object", "对象"),
        ([], "found.array", "an array", "数组"),
        (object(), "found.type", "a object", "object 类型的值"),
    ],
)
def test_what_was_found_is_keyed(value: object, key: str, en: str, zh: str) -> None:
    found = describe(value)
    assert isinstance(found, Phrase)
    assert (found.key, found) == (key, en)
    assert say(found.key, "zh", **found.fields) == zh


def test_a_field_may_be_called_key_or_lang() -> None:
    found = Phrase("found.key_twice", key='"format"')
    assert found == 'the key "format" twice in one object'
    assert say("found.key_twice", "zh", key='"format"') == '同一对象中键 "format" 出现两次'


# --- report years, argument types, spreadsheets ------------------------------------------------------------------


def test_aggregate_of_reports_before_2019_is_refused_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = tmp_path / "units"
    units.mkdir()
    dump(replace_value(load(SHANGHAI), "meta.year", 2010), units / "a.json")  # the model allows 2000–2999
    assert main(["aggregate", str(units), "--agency", "某县"]) == 2  # was a traceback (a bare ValueError)
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: 报告年度 2010 没有适用的格式：2019 年以前的报告早于统一格式\n"
    )
    assert main(["aggregate", str(units), "--agency", "某县", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "disclosure-report aggregate: no supported format applies to report year 2010: reports before 2019 "
        "pre-date the uniform format\n"
    )


def test_format_for_year_refuses_with_a_keyed_value_error() -> None:
    from disclosure_report.formats import format_for_year

    with pytest.raises(ValueError, match=r"^no supported format applies to report year 2018: ") as caught:
        format_for_year(2018)
    assert isinstance(caught.value, DisclosureReportError)
    assert (caught.value.key, dict(caught.value.fields)) == ("new.before_2019", {"year": 2018})


@pytest.mark.parametrize(
    ("agency", "year", "en", "zh"),
    [
        (
            5,
            2023,
            "agency must be the reporting body's name as a string, e.g. '某市某局'; got 5",
            "机关须为报告机关名称的字符串，例如 '某市某局'；给出的是 5",
        ),
        (
            "某局",
            "2023",
            "year must be a whole number such as 2025 (int('2023')); got '2023' (str)",
            "年度须为整数，例如 2025 (int('2023'))；给出的是 '2023'（str）",
        ),
    ],
)
def test_new_report_argument_types_are_keyed_type_errors(agency: object, year: object, en: str, zh: str) -> None:
    with pytest.raises(TypeError) as caught:
        new_report(agency, year)  # type: ignore[arg-type]
    assert str(caught.value) == en and error_text(caught.value, "zh") == zh


def test_a_spreadsheet_refusal_names_the_sheet_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "表一"
    sheet["A1"] = "x"
    sheet.cell(row=20000, column=1, value=1)
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert main(["read", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}：工作表 表一：第 20000 行超出任何年度报告表格的范围；拒绝读取\n"
    )
    assert main(["read", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}: sheet 表一: row 20000 lies beyond any annual report table; refused\n"
    )


def test_the_pdf_readers_no_text_layer_constant_is_the_messages_wording() -> None:
    from disclosure_report.read.pdf import NO_TEXT_LAYER

    assert TEXTS["read.pdf.no_text"][1] == "{source}: " + NO_TEXT_LAYER


# --- what a reader had to interpret: warnings worded by key ----------------------------------------------------

PINGTAN = ROOT / "tests" / "fixtures" / "real" / "pingtan-2021.txt"


def test_a_year_and_agency_given_over_the_printed_ones_warn_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["read", str(PINGTAN), "--year", "2020", "--agency", "某局"]
    assert main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"{PINGTAN}：标题所载机关为 '平潭综合实验区'；采用调用方给出的 '某局'" in err
    assert f"{PINGTAN}：标题所载年度为 2021；采用调用方给出的 2020" in err
    assert main([*argv, "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"{PINGTAN}: the title names the agency '平潭综合实验区'; '某局' as given is used" in err
    assert f"{PINGTAN}: the title names the year 2021; 2020 as given is used" in err
    assert main(["read", str(SHUYANG), "--year", "2020"]) == 0
    assert capsys.readouterr().err == f"{SHUYANG}：文档所载年度为 2025；采用调用方给出的 2020\n"
    assert main(["read", str(SHUYANG), "--year", "2020", "--lang", "en"]) == 0
    assert capsys.readouterr().err == f"{SHUYANG}: the document names the year 2025; 2020 as given is used\n"


def test_a_spreadsheets_warnings_name_the_sheet_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    path = tmp_path / "r.xlsx"
    path.write_bytes(render(load(SHUYANG), "xlsx"))  # type: ignore[arg-type]
    book = openpyxl.load_workbook(path)
    book["表三"]["E5"] = '=CONCAT(D5,"x")'  # a formula without a saved value, not a sum
    book.save(path)
    assert main(["read", str(path), "--year", "2020"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"{path}：内嵌记录所载年度为 2025；采用调用方给出的 2020" in err
    assert (
        f'{path}：工作表 表三 单元格 E5：公式 =CONCAT(D5,"x") 没有保存的值，也不予计算（只计算单元格之和'
        "（=SUM(B3:G3)、=B3+C3））；请在 Excel 或 LibreOffice 中打开并保存该文件；该单元格未读出 "
        "[applications.new.commercial]"
    ) in err
    assert main(["read", str(path), "--year", "2020", "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"{path}: the embedded record names the year 2025; 2020 as given is used" in err
    assert (
        f'{path}: sheet 表三, cell E5: formula =CONCAT(D5,"x") has no saved value and is not evaluated (only sums '
        "of cells (=SUM(B3:G3), =B3+C3) are evaluated); open and save the file in Excel or LibreOffice; the cell is "
        "left unread [applications.new.commercial]"
    ) in err


@pytest.mark.parametrize(
    ("phrase", "en", "zh"),
    [
        (
            Phrase("warn.pdf_damaged_page", page=3, lost=120),
            "page 3 of the PDF is damaged: its content (120 bytes) cannot be decoded; what it showed is missing",
            "PDF 第 3 页已损坏：其内容（120 字节）无法解码；该页所示内容缺失",
        ),
        (
            Phrase("warn.split_by_totals", row="（一）予以公开", splits=4, pick="12 3"),
            "（一）予以公开: digits ran together; of 4 splits, the table's 总计 identities allow only 12 3",
            "（一）予以公开：数字连在一起；4 种拆法中，只有 12 3 符合表中总计的勾稽关系",
        ),
        (
            Phrase("warn.split_undecided", row="（一）予以公开", splits=2, shown="1 23; 12 3"),
            "（一）予以公开: digits ran together and split 2 ways (1 23; 12 3); no identity decides; the cells are "
            "left unread",
            "（一）予以公开：数字连在一起，有 2 种拆法（1 23; 12 3）；没有勾稽关系能确定；各单元格未读出",
        ),
        (
            Phrase("warn.record_year", value="二〇二四"),
            "报告年度 '二〇二四' is not a year (a number like 2024)",
            "报告年度 '二〇二四' 不是年份（应为 2024 这样的数字）",
        ),
    ],
)
def test_reader_warnings_are_keyed(phrase: Phrase, en: str, zh: str) -> None:
    from disclosure_report.messages import read_warning_text
    from disclosure_report.read.base import ReadWarning

    warning = ReadWarning(phrase, 7, "applications.new.total")
    assert phrase == en and str(warning) == f"line 7: {en} [applications.new.total]"
    assert read_warning_text(warning, "zh") == f"第 7 行：{zh} [applications.new.total]"


def test_report_refuses_an_unknown_rule_once_before_reading_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["report", str(SHUYANG), "-o", str(site), "--disable", "NOPE"]) == 2
    assert capsys.readouterr().err == "report: 未知的规则编号：NOPE（规则列表：disclosure-report rules）\n"
    assert main(["report", str(SHUYANG), "-o", str(site), "--disable", "NOPE", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "report: unknown rule id(s) NOPE; see 'disclosure-report rules'\n"
    assert not site.exists()  # it used to write a page with every document "unreadable" for the unknown id


def test_an_unknown_rule_is_a_keyed_key_error() -> None:
    from disclosure_report import validate

    with pytest.raises(KeyError) as caught:
        validate(new_report("某局", 2023), disable=["NOPE"])
    assert str(caught.value) == "\"unknown rule id(s) NOPE; see 'disclosure-report rules'\""  # as a KeyError says it
    assert isinstance(caught.value, DisclosureReportError) and caught.value.key == "validate.unknown_rules"
    assert error_text(caught.value, "zh") == "未知的规则编号：NOPE（规则列表：disclosure-report rules）"


def test_the_corpus_page_says_why_a_document_is_unreadable_in_its_language(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\x81\x30\xff\xfe\xff" * 10)
    dump(new_report("某局", 2023), folder / "a.json")
    assert main(["report", str(folder), "-o", str(tmp_path / "zh")]) == 2
    assert f"{folder / 'bad.txt'}：不是 UTF-8 或 GB18030 编码的文本" in (tmp_path / "zh" / "index.html").read_text(
        "utf-8"
    )
    assert main(["report", str(folder), "-o", str(tmp_path / "en"), "--lang", "en"]) == 2
    page = (tmp_path / "en" / "index.html").read_text("utf-8")
    assert f"{folder / 'bad.txt'}: not text in UTF-8 or GB18030" in page


def test_nan_in_a_document_is_a_keyed_found_phrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{"format": NaN}', encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}：不是有效的年度报告文档：$：应为JSON 文本，实为NaN（JSON 不允许的数）\n"
    assert main(["validate", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"{path}: not a valid annual report document: $: expected JSON text, found NaN is not a number JSON allows\n"
    )


def test_an_unknown_schema_backend_is_keyed() -> None:
    from disclosure_report.jsonio.schema import validate_document

    with pytest.raises(DisclosureReportError) as caught:
        validate_document({}, backend="x")  # type: ignore[arg-type]
    assert str(caught.value) == "unknown schema backend 'x'; use one of jsonschema, jsonschema-rs"
    assert error_text(caught.value, "zh") == "未知的模式校验后端 'x'；可用的：jsonschema, jsonschema-rs"


def test_a_truncated_pdf_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes((ROOT / "tests" / "fixtures" / "real" / "huaian-hongze-district-2024.pdf").read_bytes()[:1500])
    assert main(["read", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}：不是可读取的 PDF：打开失败：文件提前结束（被截断？）\n"
    )
    assert main(["read", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"disclosure-report read: {path}: not a readable PDF: opening it failed: the file ends too early (truncated?)\n"
    )


def test_a_field_that_lists_phrases_is_joined_in_each_language() -> None:
    places = (
        Phrase("render.control_at", path="meta.title", code="0001", position=1),
        Phrase("render.control_at", path="preamble", code="FFFE", position=12),
    )
    assert places[0] == "meta.title (U+0001 at position 1)"  # as the Word renderer said it before
    assert say("render.docx_control", "en", places=places) == (
        "a Word file cannot hold control characters; remove them from: meta.title (U+0001 at position 1); "
        "preamble (U+FFFE at position 12)"
    )
    assert say("render.docx_control", "zh", places=places) == (
        "Word 文件不能容纳控制字符；请从以下位置删除：meta.title（第 1 个字符处的 U+0001）；"
        "preamble（第 12 个字符处的 U+FFFE）"
    )
