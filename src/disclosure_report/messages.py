"""What the command line prints, in Chinese (``zh``, the default) or English (``en``).

The rules' own messages are in the rule catalogue (``Finding.message(lang)``); this module words everything around
them — status and count lines with correct English plurals, severities, summaries, the errors the library raises
(each with its message key, :attr:`DisclosureReportError.key <disclosure_report.errors.DisclosureReportError.key>`)
and the located problems of a document that cannot be read (:class:`~disclosure_report.errors.DocumentError`: what
was expected, and what was found, are keyed :class:`~disclosure_report.errors.Phrase` s), and the readers'
warnings (phrases too). Every wording is declared once in :data:`TEXTS`; only words from elsewhere (the system's
reason a file cannot be opened, Python's JSON parser's messages) are matched by their English text.

>>> counts_line({"error": 1, "warning": 2, "info": 0}, "en")
'1 error, 2 warnings, 0 info'
>>> counts_line({"error": 1, "warning": 2, "info": 0}, "zh")
'错误 1 个，警告 2 个，提示 0 个'
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Literal

from disclosure_report.errors import DisclosureReportError, DocumentError, Phrase, Problem
from disclosure_report.model.cells import BLANK_EXPECTED, EXPECTED, EXPECTED_ZH, TEXT_EXPECTED, WRITTEN_AS
from disclosure_report.model.validators import AMOUNT, WHOLE_NUMBER
from disclosure_report.read.base import UNNAMED, ReadWarning

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_COLON: dict[Lang, str] = {"zh": "：", "en": ": "}


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``, ``0 errors``.

    >>> plural(1, "document"), plural(3, "cell"), plural(0, "info", "info")
    ('1 document', '3 cells', '0 info')
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"


def severity(name: str, lang: Lang) -> str:
    """A finding's severity as printed: ``error``/``warning``/``info`` or 错误/警告/提示."""
    return _SEVERITY_ZH.get(name, name) if lang == "zh" else name


_KIND_ZH = {
    "identity": "勾稽关系",
    "layout": "版式",
    "metadata": "报告信息",
    "cross-year": "跨年度",
    "narrative": "正文",
}


def rule_kind(name: str, lang: Lang) -> str:
    """A rule's kind as printed: ``identity``… or 勾稽关系…"""
    return _KIND_ZH.get(name, name) if lang == "zh" else name


def counts_line(counts: Mapping[str, int], lang: Lang) -> str:
    """Findings by severity, e.g. ``1 error, 24 warnings, 0 info``."""
    e, w, i = counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0)
    if lang == "zh":
        return f"错误 {e} 个，警告 {w} 个，提示 {i} 个"
    return f"{plural(e, 'error')}, {plural(w, 'warning')}, {plural(i, 'info', 'info')}"


def status(ok: bool, lang: Lang) -> str:
    """``ok`` / ``ERRORS`` (通过 / 有错误): whether a report has findings of severity error."""
    if lang == "zh":
        return "通过" if ok else "有错误"
    return "ok" if ok else "ERRORS"


def result_line(where: str, ok: bool, counts: Mapping[str, int], lang: Lang, unread: int = 0) -> str:
    """``report.json: ERRORS — 1 error, 2 warnings, 0 info`` (``report.json：有错误 — 错误 1 个，…``), and how many
    cells a reader left unread, when any (``; 119 cells unread``): a report that passes with unread cells passed
    only as far as it was read."""
    line = f"{where}{_COLON[lang]}{status(ok, lang)} — {counts_line(counts, lang)}"
    if unread:
        line += f"；未读出的单元格 {unread} 个" if lang == "zh" else f"; {plural(unread, 'cell')} unread"
    return line


def unreadable_line(where: str, first_line: str, lang: Lang) -> str:
    return f"{where}{_COLON[lang]}{'无法读取' if lang == 'zh' else 'UNREADABLE'} — {first_line}"


def read_warnings_note(n: int, lang: Lang) -> str:
    """The note after a result line when the reader of a published document had to interpret something."""
    return f"；读取提示 {n} 条" if lang == "zh" else f"; {plural(n, 'read warning')}"


# ---------------------------------------------------------------------------------------------------------------
# Words from elsewhere, translated by matching their English text: the system's reasons and Python's JSON parser's
# messages (the library's own words are keyed: TEXTS)

_TextMatch = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
"""An English text's pattern, and its Chinese made from the match."""


def _fixed(text: str, zh: str) -> _TextMatch:
    return re.compile(re.escape(text) + r"\Z"), lambda _m: zh


def _pattern(pattern: str, zh: Callable[[re.Match[str]], str]) -> _TextMatch:
    return re.compile(pattern + r"\Z", re.S), zh


_FILE_KINDS_ZH = {
    "a folder": "文件夹",
    "a named pipe": "命名管道",
    "a character device": "字符设备",
    "a block device": "块设备",
    "a socket": "套接字",
}
"""What a path named instead of a regular file (``files.NotARegularFileError``), in Chinese."""

_OS_ERRORS_ZH: tuple[_TextMatch, ...] = (
    *(
        _fixed(os.strerror(number), zh)
        for number, zh in (
            (errno.ENOENT, "没有这个文件或文件夹"),
            (errno.EACCES, "没有读取权限"),
            (errno.EPERM, "操作不被允许"),
            (errno.EISDIR, "这是一个文件夹"),
            (errno.ENOTDIR, "路径中有一段不是文件夹"),
            (errno.ELOOP, "符号链接层数过多"),
            (errno.ENAMETOOLONG, "文件名过长"),
            (errno.EIO, "输入输出错误"),
        )
    ),
    _pattern(r"not a regular file \((.+)\)", lambda m: f"不是普通文件（{_FILE_KINDS_ZH.get(m[1], m[1])}）"),
)
"""Why the system could not open or read a file (its ``strerror``, as the system words it), in Chinese."""

_JSON_SYNTAX_ZH: tuple[_TextMatch, ...] = (  # the messages of Python's json module (not the library's own words)
    _fixed("Expecting value", "此处应有一个值"),
    _fixed("Expecting property name enclosed in double quotes", "此处应有用双引号括起的键名"),
    _fixed("Expecting ',' delimiter", "此处应有逗号"),
    _fixed("Expecting ':' delimiter", "此处应有冒号"),
    _fixed("Extra data", "文档结束后还有多余内容"),
    _fixed("Unterminated string starting at", "字符串没有结束"),
    _fixed("Invalid control character at", "字符串中有控制字符"),
    _fixed("Invalid \\escape", "无效的转义"),
    _fixed("Illegal trailing comma before end of object", "对象末尾多了逗号"),
    _fixed("Illegal trailing comma before end of array", "数组末尾多了逗号"),
)


def _translate(text: str, phrases: tuple[_TextMatch, ...]) -> str:
    for pattern, zh in phrases:
        found = pattern.match(text)
        if found:
            return zh(found)
    return text


def _phrase_text(text: str, lang: Lang) -> str:
    """A :class:`~disclosure_report.errors.Phrase` (what was expected) in ``lang``, from its message key; any other
    text as it is."""
    return say(text.key, lang, **text.fields) if isinstance(text, Phrase) else text


def problem_text(problem: Problem, lang: Lang) -> str:
    """One located problem: where (JSON path, line, printed labels), what was expected, what was found."""
    if lang == "en":
        return problem.message
    where = problem.json_path
    if problem.line is not None:
        at = f"第 {problem.line} 行第 {problem.column} 列"
        where = f"{at}：{where}" if where != "$" else at
    if problem.label:
        where = f"{where}（{problem.label}）"
    found = problem.found
    said = _phrase_text(found, lang) if isinstance(found, Phrase) else _translate(found, _OS_ERRORS_ZH)
    return f"{where}：应为{_phrase_text(problem.expected, lang)}，实为{said}"


def document_error_text(error: DocumentError, lang: Lang, *, limit: int = 50) -> str:
    """Every problem of a document that cannot be read, as :class:`DocumentError` words it, in ``lang``."""
    if lang == "en":
        return str(error)
    head = f"{error.source}：" if error.source else ""
    n = len(error.problems)
    if n == 1:
        return f"{head}不是有效的年度报告文档：{problem_text(error.problems[0], lang)}"
    lines = [f"{head}不是有效的年度报告文档：共 {n} 处问题"]
    lines += [f"  - {problem_text(p, lang)}" for p in error.problems[:limit]]
    if n > limit:
        lines.append(f"  … 另有 {n - limit} 处")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------------
# Published documents: what the reader had to interpret, and why a document could not be read

_PLACES_ZH = {
    "title": "标题",
    "preamble": "前言",
    "document": "文档",
    "signature": "落款",
    "period": "统计期限",
    "embedded record": "内嵌记录",
}
"""Where a reader found the year or agency, in Chinese."""


def read_warning_text(warning: ReadWarning, lang: Lang) -> str:
    """What the reader of a published document had to interpret, with its source line and cell path, worded from
    :data:`TEXTS` by its :class:`~disclosure_report.errors.Phrase` (a plugin reader's own words as they are)."""
    if lang == "en":
        return str(warning)
    where = f"第 {warning.line} 行：" if warning.line is not None else ""
    cell = f" [{warning.cell_path}]" if warning.cell_path else ""
    return f"{where}{_warning_zh(warning.message)}{cell}"


def _warning_zh(message: str) -> str:
    return _phrase_text(message, "zh")


def error_text(error: BaseException, lang: Lang) -> str:
    """The message of an error the command line reports, in ``lang``: an error with a message key
    (:attr:`DisclosureReportError.key <disclosure_report.errors.DisclosureReportError.key>`) worded from
    :data:`TEXTS`; a document that cannot be read problem by problem; any other error in its own words."""
    if isinstance(error, DocumentError):
        return document_error_text(error, lang)
    if isinstance(error, DisclosureReportError) and error.key is not None:
        return say(error.key, lang, **error.fields)
    text = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    return text


_FIELDS_ZH: Mapping[str, Callable[[str], str]] = {
    "source": lambda name: "该文档" if name == UNNAMED else name,
    "strerror": lambda reason: _translate(reason, _OS_ERRORS_ZH),
    "found": lambda found: _translate(found, _OS_ERRORS_ZH),
    "json_error": lambda message: _translate(message, _JSON_SYNTAX_ZH),
    "place": lambda place: _PLACES_ZH.get(place, place),
    "warning": lambda message: _warning_zh(message),
}
"""The fields of a message whose values are words from elsewhere, matched by their English text: the name of an
unnamed document, the system's reason (``strerror``) for not opening a file (also what a model field ``found`` when
it is not a :class:`~disclosure_report.errors.Phrase`), and Python's JSON parser's message."""


def _field(name: str, value: object) -> object:
    """A field of a message in Chinese: an error or a :class:`~disclosure_report.errors.Phrase` inside it is worded
    in Chinese too, and so are the fields of :data:`_FIELDS_ZH`. (In English a field is printed as it is.)"""
    if isinstance(value, (tuple, list)):
        return _joined([_field(name, item) for item in value], "；")
    if isinstance(value, BaseException):
        return error_text(value, "zh")
    if isinstance(value, Phrase):
        return _phrase_text(value, "zh")
    if isinstance(value, str) and name in _FIELDS_ZH:
        return _FIELDS_ZH[name](value)
    return value


def padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns as a terminal shows them — a Chinese character takes two — so a column
    of Chinese names lines up (``f"{text:<40}"`` counts characters).

    >>> padded("版式", 6) + "|", padded("勾稽关系", 6) + "|", padded("format", 8) + "|"
    ('版式  |', '勾稽关系|', 'format  |')
    """
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - shown, 0)


def printable(text: str) -> str:
    r"""``text`` as it can be written to a UTF-8 file: the bytes of a file name that are not UTF-8 (a GBK name out
    of a Windows zip archive, which Python holds as lone surrogates) shown as ``\xbc``, any other lone surrogate as
    ``\ud800`` — so a JSON line, a CSV row or a page naming such a file is written, never a ``UnicodeEncodeError``.

    >>> printable("报告.json"), printable(b"\xbc\xd7.json".decode("utf-8", "surrogateescape"))
    ('报告.json', '\\xbc\\xd7.json')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def with_colon(where: object, text: str, lang: Lang) -> str:
    """``where: text`` (``where：text`` in Chinese)."""
    return f"{where}{_COLON[lang]}{text}"


# ---------------------------------------------------------------------------------------------------------------
# The status lines, notes and refusals of the commands: each declared once, in both languages


def _literal(text: str) -> str:
    """``text`` as a ``str.format`` template that prints it as it is (its braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


_SAVE_DOCX = (
    "请另存为 .docx（Word 或 WPS：文件 › 另存为）或 PDF，再读取",
    "save it as .docx (Word or WPS: File › Save As) or as PDF, then read that",
)
_OCR = ("请先做文字识别（OCR），或给出 Word/HTML 版本", "run OCR first or give the Word/HTML version")
_NO_YEAR_TEXT = (
    "标题、前言和统计期限中都没有报告年度，请给出 year=…（--year YYYY）",
    "no report year in its title, preamble or statistics period: pass year=… (--year YYYY)",
)
_NO_AGENCY_TEXT = (
    "标题、前言和落款中都没有机关名称，请给出 agency=…（--agency 机关名称）",
    "no agency in its title, preamble or signature: pass agency=… (--agency NAME)",
)
"""Phrases several messages share: (zh, en)."""

TEXTS: Mapping[str, tuple[str, str]] = {
    # key: (zh, en) — str.format templates with the same fields in both
    "interrupted": ("已中断", "interrupted"),
    "note": ("说明：{note}", "note: {note}"),
    "nothing_found": ("没有找到报告文档：未检查任何文档", "no report documents found: nothing was checked"),
    "interrupted_after": ("已中断：已检查 {n} 份文档", "interrupted: {n} documents checked"),
    # demo
    "demo.example": ("示例：{name}", "example: {name}"),
    "demo.validation": ("校验", "validation"),
    "demo.page": ("网页：{path}", "web page: {path}"),
    # validate
    "validate.previous_one": (
        "--previous 只能对照一份报告检查一份报告，不能用于文件夹",
        "--previous checks one report against one previous report; not with folders",
    ),
    "validate.year_agency_one": (
        "--year 和 --agency 给出一份报告的年度和机关，不能用于文件夹",
        "--year and --agency name one report's year and agency; not with folders",
    ),
    # the paths a command is given, and the folders it walks
    "path.missing": ("{path}：没有这个文件或文件夹", "{path}: no such file or folder"),
    "path.no_documents": (
        "{path}：文件夹中没有报告文档（没有以 {suffixes} 结尾的文件）",
        "{path}: the folder holds no report document (no file ending in {suffixes})",
    ),
    "file.os_error": ("{path}：{strerror}", "{path}: {strerror}"),
    "path.permission": ("{path}：无法读取（没有权限）", "{path}: cannot be read (permission denied)"),
    "folder.cannot_list": ("{path}：无法列出文件夹内容：{strerror}", "{path}: the folder cannot be listed: {strerror}"),
    "folder.unlisted": (
        "{path}：无法列出内容的文件夹（{strerror}）",
        "{path}: a folder that cannot be listed ({strerror})",
    ),
    "folder.named_like": ("{path}：名字像文档的文件夹", "{path}: a folder named like a document"),
    "folder.passed_over": (
        "未检查的文件 {n} 个（没有能读取此类文件的读取器）：{kinds}",
        "{n} files passed over (no reader takes their kind): {kinds}",
    ),
    "folder.kind_count": ("{kind} {n} 个", "{kind} {n}"),
    "folder.empty": ("{path}：没有报告文档的文件夹", "{path}: a folder with no report documents"),
    # compare, report
    "compare.html_output": ("--html 写出网页：请给出 -o 网页.html", "--html writes a page: give -o PAGE.html"),
    "compare.agencies": ("警告：机关不同：{old} / {new}", "warning: different agencies: {old} / {new}"),
    "validate.unknown_rules": (
        "未知的规则编号：{ids}（规则列表：disclosure-report rules）",
        "unknown rule id(s) {ids}; see 'disclosure-report rules'",
    ),
    "compare.note.agencies": ("机关不同：{old} / {new}", "different agencies: {old} / {new}"),
    "compare.note.years": ("年度不连续：{old} → {new}", "not consecutive years: {old} → {new}"),
    "compare.note.by_totals": (
        "{row}：{old_year} 年印为 {old_rows}，{new_year} 年印为 {new_rows}；按各列合计比较",
        "{row}: printed as {old_rows} in {old_year} and {new_rows} in {new_year}; compared by its column totals",
    ),
    "report.missing": ("没有这个文件或文件夹：{paths}", "no such file or folder: {paths}"),
    "report.nothing": ("没有找到报告文档", "no report documents found"),
    "report.no_charts": ("未画图表：{install}", "charts left out: {install}"),
    # aggregate
    "aggregate.units": ("单位：汇总 {summed} 个", "units: {summed} summed"),
    "aggregate.units_of": (
        "单位：应有 {expected} 个，汇总 {summed} 个",
        "units: {summed} summed of {expected} expected",
    ),
    "aggregate.missing": ("缺少（不按 0 计）：{names}", "missing (not counted as zero): {names}"),
    "aggregate.unexpected": ("不在应有名单中：{names}", "not in the expected list: {names}"),
    "aggregate.duplicated": ("重复（保留第一份）：{names}", "duplicated (first kept): {names}"),
    "aggregate.other_year": ("其他年度（未计入）：{names}", "other years (left out): {names}"),
    "aggregate.blanks": (
        "单位留空的单元格使汇总中 {n} 个单元格留空",
        "blank unit cells made {n} summed cells blank",
    ),
    "aggregate.zeroed": ("按 0 计的单位留空单元格：{n} 个", "blank unit cells counted as 0: {n}"),
    "aggregate.unread": (
        "单位未读出的单元格使汇总中 {n} 个单元格未读出",
        "unread unit cells made {n} summed cells unread",
    ),
    "aggregate.layout": (
        "各单位的表{table}行式不同；汇总时按一行合计",
        "units print {table} rows in different layouts; the rollup sums them as one row",
    ),
    "aggregate.difference": (
        "{path}（{labels}）：公布 {published}，各单位合计 {summed}",
        "{path} ({labels}): published {published}, units sum to {summed}",
    ),
    "aggregate.differences": ("与各单位合计不符的单元格 {n} 个", "{n} cells differ from the sum of the units"),
    "aggregate.agency_required": ("汇总需要 --agency（汇总报告的机关）", "--agency is required to build a rollup"),
    "aggregate.duplicate": (
        "{agency} 的 {year} 年度报告不止一份（{files}）；加 --first-duplicate 保留第一份",
        "{agency} has more than one report on {year} ({files}); pass --first-duplicate to keep the first",
    ),
    "aggregate.duplicate_files": (
        "{agency}：计入 {kept}，未计入 {left}",
        "{agency}: summed {kept}, left out {left}",
    ),
    "corpus.empty_file": ("{path}：文件是空的（0 字节）", "{path}: the file is empty (0 bytes)"),
    "corpus.generated_report": (
        "{path}：这是本工具（disclosure-report report）写出的汇总网页，不是年度报告",
        "{path}: a corpus page written by disclosure-report report, not an annual report",
    ),
    "corpus.generated_compare": (
        "{path}：这是本工具（disclosure-report compare）写出的对比网页，不是年度报告",
        "{path}: a comparison page written by disclosure-report compare, not an annual report",
    ),
    "aggregate.rollup_unit": (
        "其中有汇总报告：{names}；其所属单位的报告也在其中时会重复计算",
        "rollups among the units: {names}; counted twice if their units' reports are here too",
    ),
    "aggregate.skipped": ("已跳过，无法读取：{line}", "skipped, unreadable: {line}"),
    "aggregate.unreadable": (
        "无法读取的文档 {n} 份，未计入（见标准错误输出）",
        "{n} documents could not be read and are not summed (named on stderr)",
    ),
    "aggregate.written": ("汇总报告已写入 {path}", "rollup written to {path}"),
    # export
    "export.written": ("已写入 {rows} 行：{path}", "{rows} rows written to {path}"),
    "export.skipped": ("已跳过，无法读取：{line}", "skipped, unreadable: {line}"),
    "export.unreadable": (
        "{n} 份文档无法读取，没有对应的行",
        "{n} documents could not be read and have no rows",
    ),
    "export.no_rows": (
        "没有能读取的报告文档：CSV 中没有数据行",
        "no report documents could be read: the CSV has no rows",
    ),
    # new
    "new.give": ("请给出 --agency 和 --year（或 --previous 文件）", "give --agency and --year (or --previous FILE)"),
    # read, render
    "read.unknown": (
        "没有名为 {name!r} 的读取器；可用的：{available}",
        "no reader named {name!r}; available: {available}",
    ),
    "render.unknown": (
        "没有名为 {name!r} 的渲染器；可用的：{available}",
        "no renderer named {name!r}; available: {available}",
    ),
    "render.binary": (
        "{name} 渲染器写出的是二进制文件：请给出 -o 文件{suffix}",
        "the {name} renderer writes a binary file: give -o FILE{suffix}",
    ),
    "render.not_installed": (
        "{name!r} 渲染器需要 {module}，尚未安装：pip install 'disclosure-report[{extra}]'",
        "the {name!r} renderer needs {module}, which is not installed: pip install 'disclosure-report[{extra}]'",
    ),
    "render.not_a_renderer": (
        "入口点 {name!r}（{target}）不是渲染器",
        "the entry point {name!r} ({target}) is not a renderer",
    ),
    "render.suffix": (
        "没有渲染器写出 {suffix!r} 文件；请指明渲染器（可写的后缀：{known}）",
        "no renderer writes {suffix!r} files; name one (suffixes: {known})",
    ),
    "render.no_suffix": (
        "没有渲染器写出无后缀的文件；请指明渲染器（可写的后缀：{known}）",
        "no renderer writes 'files without a suffix' files; name one (suffixes: {known})",
    ),
    "render.suffix_other": (
        "--to {name} 写出 {suffix} 文件，而 -o {path} 是 {other} 渲染器写出的那种文件；请改正 -o 的后缀或 --to",
        "--to {name} writes {suffix} files, but -o {path} names a file the {other} renderer writes; "
        "change the suffix of -o, or --to",
    ),
    "output.cannot_write": ("无法写入 {path}：{strerror}", "cannot write {path}: {strerror}"),
    "render.option": (
        "{name!r} 渲染器没有选项 {options}（它的选项：{known}）",
        "the {name!r} renderer has no option {options} (its options: {known})",
    ),
    "render.no_office": (
        "pdf 渲染器用 LibreOffice 转换 Word 文件，但未找到 LibreOffice：{install}",
        "the 'pdf' renderer converts the Word file with LibreOffice, which was not found: {install}",
    ),
    "render.office_timeout": (
        "LibreOffice 未能在 {seconds} 秒内将 Word 文件转换为 PDF",
        "LibreOffice did not convert the Word file to PDF within {seconds} s",
    ),
    "render.office_failed": (
        "LibreOffice（{office}）未能将 Word 文件转换为 PDF（退出状态 {status}）；它的输出：{said}",
        "LibreOffice ({office}) did not convert the Word file to PDF (exit status {status}); it said: {said}",
    ),
    "render.control_at": ("{path}（第 {position} 个字符处的 U+{code}）", "{path} (U+{code} at position {position})"),
    "render.docx_control": (
        "Word 文件不能容纳控制字符；请从以下位置删除：{places}",
        "a Word file cannot hold control characters; remove them from: {places}",
    ),
    "render.docx_control_more": (
        "Word 文件不能容纳控制字符；请从以下位置删除：{places} 另有 {more} 处",
        "a Word file cannot hold control characters; remove them from: {places} and {more} more",
    ),
    "render.xlsx_control": (
        "{where}：电子表格单元格不能容纳 {text!r} 中的控制字符",
        "{where}: a spreadsheet cell cannot hold the control characters in {text!r}",
    ),
    # new
    "new.before_2019": (
        "报告年度 {year} 没有适用的格式：2019 年以前的报告早于统一格式",
        "no supported format applies to report year {year}: reports before 2019 pre-date the uniform format",
    ),
    "new.not_yet": ("报告年度 {year} 的格式尚不支持", "the format for report year {year} is not supported yet"),
    # schema
    "schema.missing": ("缺少：{path}", "missing: {path}"),
    "schema.differs": ("与代码生成的不一致：{path}", "differs from what the code generates: {path}"),
    "schema.stray": (
        "不是代码生成的（请删除，或为其添加提供者）：{path}",
        "not generated by the code (remove it or add a provider): {path}",
    ),
    "schema.regenerate": (
        "请重新生成：disclosure-report schema -o schemas",
        "regenerate with: disclosure-report schema -o schemas",
    ),
    "schema.fast_extra": (
        "jsonschema-rs 后端需要可选依赖：pip install 'disclosure-report[fast]'",
        "the jsonschema-rs backend needs the optional dependency: pip install 'disclosure-report[fast]'",
    ),
    "schema.backend": (
        "未知的模式校验后端 {backend!r}；可用的：{backends}",
        "unknown schema backend {backend!r}; use one of {backends}",
    ),
    "schema.equal": ("{path}：发布的文件与代码生成的一致", "{path}: the published files equal what the code generates"),
    # -----------------------------------------------------------------------------------------------------------
    # errors the library raises with a message key (DisclosureReportError.key): str(error) is the English wording
    # authoring
    "new.later_year": (
        "上一年度报告是 {previous} 年度的；以它为起点的报告须为更晚的年度（给出的是 {year}）",
        "the previous report is for {previous}; a report started from it must be for a later year (got {year})",
    ),
    "new.agency_type": (
        "机关须为报告机关名称的字符串，例如 '某市某局'；给出的是 {agency!r}",
        "agency must be the reporting body's name as a string, e.g. '某市某局'; got {agency!r}",
    ),
    "new.year_type": (
        "年度须为整数，例如 2025{hint}；给出的是 {year!r}（{type}）",
        "year must be a whole number such as 2025{hint}; got {year!r} ({type})",
    ),
    "new.previous_type": (
        "previous 须为上一年度的报告（AnnualReport，由 load(…) 或 read(…).report 得到）；"
        "给出的是 {previous!r}（{type}）",
        "previous must be last year's report (an AnnualReport, from load(…) or read(…).report); "
        "got {previous!r} ({type})",
    ),
    "new.previous_file": (
        "previous 须为上一年度的报告，而不是文件名 {previous!r}：请给出 {call}",
        "previous must be last year's report, not the file name {previous!r}: give {call}",
    ),
    "fill.format": (
        "工作簿是 {workbook} 格式的，报告是 {report} 格式的；其数字不属于该报告",
        "the workbook is in the {workbook} format and the report in the {report} format; "
        "its figures are not the report's",
    ),
    "fill.other_report": (
        "工作簿是 {workbook} 年度的报告，不是 {report} 年度的；其数字不属于该报告",
        "the workbook is the report of {workbook}, not of {report}; its figures are not the report's",
    ),
    # aggregate
    "aggregate.nothing": ("没有可汇总的报告", "no reports to aggregate"),
    "aggregate.formats": (
        "{year} 年度的报告格式版本不同，不能汇总：{listing}（其余 {n} 个单位使用 {year} 年度要求的 {format} 格式）",
        "reports on {year} in different format versions cannot be summed: {listing} (the other {n} units use the "
        "{format} format {year} requires)",
    ),
    "aggregate.expect_encoding": (
        "{path}：不是 UTF-8 文本（偏移 {offset} 处起），请将名单另存为 UTF-8",
        "{path}: not UTF-8 text (from offset {offset}); save the list as UTF-8",
    ),
    "aggregate.no_year": (
        "没有 {year} 年度的报告（各单位报告的年度及份数：{years}）",
        "no report on {year} (the units' reports by year: {years})",
    ),
    "aggregate.unit_format": ("{agency}：{format}", "{agency}: {format}"),
    "aggregate.wrong_format": (
        "各单位使用 {format} 格式，不是 {year} 年度要求的格式",
        "the units use the {format} format, not the one {year} requires",
    ),
    "aggregate.duplicate_report": (
        "{agency} 的 {year} 年度报告不止一份；传入 on_duplicate='first' 保留第一份",
        "{agency} has more than one report on {year}; pass on_duplicate='first' to keep the first",
    ),
    # the folders a command walks
    "batch.dask": (
        "Dask 方式需要：pip install 'disclosure-report[dask]'",
        "the Dask path needs: pip install 'disclosure-report[dask]'",
    ),
    # finding a reader, and documents no reader reads
    "read.not_installed": (
        "{name!r} 读取器需要 {module}，尚未安装：pip install 'disclosure-report[{name}]'",
        "the {name!r} reader needs {module}, which is not installed: pip install 'disclosure-report[{name}]'",
    ),
    "read.not_a_reader": (
        "入口点 {name!r}（{target}）不是读取器",
        "the entry point {name!r} ({target}) is not a reader",
    ),
    "read.cannot_read": ("{source}：无法读取：{strerror}", "{source}: cannot be read: {strerror}"),
    "read.too_large": (
        "{source}：比任何年度报告都大（至多 {limit} 字节）",
        "{source}: larger than any annual report ({limit} bytes at most)",
    ),
    "read.kind.doc": (
        f"{{source}}：这是 Word 97–2003（.doc）文件；{_SAVE_DOCX[0]}",
        f"{{source}}: this is a Word 97–2003 (.doc) file; {_SAVE_DOCX[1]}",
    ),
    "read.kind.dot": (
        f"{{source}}：这是 Word 97–2003 模板（.dot）；{_SAVE_DOCX[0]}",
        f"{{source}}: this is a Word 97–2003 template (.dot); {_SAVE_DOCX[1]}",
    ),
    "read.kind.wps": (
        f"{{source}}：这是 WPS 文字（.wps）文件；{_SAVE_DOCX[0]}",
        f"{{source}}: this is a WPS Writer (.wps) file; {_SAVE_DOCX[1]}",
    ),
    "read.kind.xls": (
        "{source}：这是 Excel 97–2003（.xls）文件；请另存为 .xlsx（Excel 或 WPS：文件 › 另存为）或 PDF，再读取",
        "{source}: this is an Excel 97–2003 (.xls) file; save it as .xlsx (Excel or WPS: File › Save As) or as PDF, "
        "then read that",
    ),
    "read.kind.et": (
        "{source}：这是 WPS 表格（.et）文件；请另存为 .xlsx（WPS：文件 › 另存为）或 PDF，再读取",
        "{source}: this is a WPS Spreadsheets (.et) file; save it as .xlsx (WPS: File › Save As) or as PDF, then "
        "read that",
    ),
    "read.kind.ole2": (
        "{source}：这是 Microsoft Office 97–2003（OLE2）文件；请另存为 .docx 或 PDF，再读取",
        "{source}: this is a Microsoft Office 97–2003 (OLE2) file; save it as .docx or as PDF, then read that",
    ),
    "read.kind.ofd": (
        "{source}：这是 OFD 文件（中国的版式文档格式）；请将其导出为 PDF（例如用 OFD 阅读器），再读取",
        "{source}: this is an OFD file (the Chinese fixed-layout format); export it to PDF (e.g. with the OFD "
        "reader), then read that",
    ),
    "read.kind.image": (
        "{source}：这是图片（{image}），不是含文字的文档：报告须先做文字识别（OCR），或给出其 Word/PDF 版本",
        "{source}: this is an image ({image}), not a document with text: the report must be OCR'd first (or give "
        "its Word/PDF)",
    ),
    # reading a document
    "read.not_text": ("{source}：不是 UTF-8 或 GB18030 编码的文本", "{source}: not text in UTF-8 or GB18030"),
    "read.in_source": ("{source}：{error}", "{source}: {error}"),
    "read.no_year": (
        f"{{source}}：{_NO_YEAR_TEXT[0]}",
        f"{{source}}: {_NO_YEAR_TEXT[1]}",
    ),
    "read.no_agency": (
        f"{{source}}：{_NO_AGENCY_TEXT[0]}",
        f"{{source}}: {_NO_AGENCY_TEXT[1]}",
    ),
    "read.no_year_agency": (
        f"{{source}}：{_NO_YEAR_TEXT[0]}；{_NO_AGENCY_TEXT[0]}",
        f"{{source}}: {_NO_YEAR_TEXT[1]}; {_NO_AGENCY_TEXT[1]}",
    ),
    "read.docx.not_zip": (
        "{source}：不是 Word（.docx）文件：不是 zip 压缩包",
        "{source}: not a Word (.docx) file: not a zip archive",
    ),
    "read.docx.no_document": (
        "{source}：不是 Word（.docx）文件：没有 word/document.xml",
        "{source}: not a Word (.docx) file: no word/document.xml",
    ),
    "read.docx.bad_xml": (
        "{source}：word/document.xml 不是格式正确的 XML：{detail}",
        "{source}: word/document.xml is not well-formed XML: {detail}",
    ),
    "read.html.not_html": ("不是 HTML 文档：{detail}", "not an HTML document: {detail}"),
    "read.html.grid": (
        "本网页的表格（按 rowspan/colspan 展开，行 × 列）到第 {table} 个表格时超过 {limit} 个单元格：远超任何真实报告",
        "the tables of this page expand (rowspan/colspan, rows × columns) to more than {limit} cells by table "
        "{table}: far beyond any real report",
    ),
    # Excel, and the parts of a zip (Word, Excel)
    "read.xlsx.not_zip": (
        "{source}：不是 Excel（.xlsx）文件：不是能打开的 zip 压缩包",
        "{source}: not an Excel (.xlsx) file: not a zip archive it can open",
    ),
    "read.xlsx.no_workbook": (
        "{source}：不是 Excel（.xlsx）文件：没有 xl/workbook.xml",
        "{source}: not an Excel (.xlsx) file: no xl/workbook.xml",
    ),
    "read.xlsx.word": (
        "{source}：不是 Excel（.xlsx）文件（而是 Word 文件）：没有 xl/workbook.xml",
        "{source}: not an Excel (.xlsx) file (it is a Word file): no xl/workbook.xml",
    ),
    "read.xlsx.parts": (
        "{source}：zip 中有 {parts} 个部件；拒绝读取（没有工作簿有这么多）",
        "{source}: {parts} parts in the zip; refused (no workbook has that many)",
    ),
    "read.xlsx.bomb": (
        "{source}：各部件展开后共 {size} 字节；拒绝读取（zip 炸弹？）",
        "{source}: the parts expand to {size} bytes; refused (zip bomb?)",
    ),
    "read.xlsx.dtd": (
        "{source}：{part} 声明了 DTD，Excel 文件从不如此；拒绝读取",
        "{source}: {part} declares a DTD, which no Excel file does; refused",
    ),
    "read.xlsx.missing_part": (
        "{source}：工作簿提到的部件 {part} 不在文件中",
        "{source}: the workbook names a part {part} that is not in the file",
    ),
    "read.xlsx.bad_xml": (
        "{source}：{part} 不是格式正确的 XML：{detail}",
        "{source}: {part} is not well-formed XML: {detail}",
    ),
    "read.xlsx.damaged": ("{source}：Excel 文件已损坏：{detail}", "{source}: a damaged Excel file: {detail}"),
    "read.xlsx.sheet": (
        "{source}：工作表 {sheet} 无法读取：{detail}",
        "{source}: sheet {sheet} cannot be read: {detail}",
    ),
    "read.xlsx.not_a_cell": (
        "{source}：工作表 {sheet}：{ref!r} 不是单元格引用",
        "{source}: sheet {sheet}: {ref!r} is not a cell reference",
    ),
    "read.xlsx.cell_beyond": (
        "{source}：工作表 {sheet}：单元格 {ref} 超出任何年度报告表格的范围（至多 {rows} 行 × {columns} 列）；拒绝读取",
        "{source}: sheet {sheet}: cell {ref} lies beyond any annual report table ({rows} rows × {columns} columns at "
        "most); refused",
    ),
    "read.xlsx.span": (
        "{source}：工作表 {sheet}：其单元格跨越超过 {limit} 个单元格（第 {top}–{bottom} 行，第 {left}–{right} 列）；"
        "拒绝读取：没有这么大的年度报告表格",
        "{source}: sheet {sheet}: its cells span more than {limit} cells (rows {top}–{bottom}, columns "
        "{left}–{right}); refused: no annual report table is that large",
    ),
    "read.xlsx.merged": (
        "{source}：工作表 {sheet}：合并区域覆盖超过 {limit} 个单元格；拒绝读取",
        "{source}: sheet {sheet}: merged ranges cover more than {limit} cells; refused",
    ),
    "read.xlsx.row_beyond": (
        "{source}：工作表 {sheet}：第 {row} 行超出任何年度报告表格的范围；拒绝读取",
        "{source}: sheet {sheet}: row {row} lies beyond any annual report table; refused",
    ),
    "read.xlsx.columns_beyond": (
        "{source}：工作表 {sheet}：第 {row} 行有超出第 {limit} 列的单元格；拒绝读取",
        "{source}: sheet {sheet}: row {row} has cells beyond column {limit}; refused",
    ),
    "read.xlsx.sheet_beyond": (
        "工作表 {sheet}：有超出任何年度报告表格范围的单元格；拒绝读取",
        "sheet {sheet}: cells beyond any annual report table; refused",
    ),
    "read.xlsx.sheet_span": (
        "工作表 {sheet}：其单元格跨越的范围超过任何年度报告表格；拒绝读取",
        "sheet {sheet}: its cells span more than any annual report table; refused",
    ),
    "read.zip.bomb": (
        "{source}：{part} 展开后有 {size} 字节；拒绝读取（zip 炸弹？）",
        "{source}: {part} expands to {size} bytes; refused (zip bomb?)",
    ),
    "read.zip.damaged_word": (
        "{source}：Word 文件已损坏（{part}）：{detail}",
        "{source}: a damaged Word file ({part}): {detail}",
    ),
    "read.zip.damaged_excel": (
        "{source}：Excel 文件已损坏（{part}）：{detail}",
        "{source}: a damaged Excel file ({part}): {detail}",
    ),
    "read.zip.too_large": (
        "{source}：{part} 超过 {limit} 字节；拒绝读取",
        "{source}: {part} is larger than {limit} bytes; refused",
    ),
    # what the reader of a published document had to interpret (errors.Phrase as ReadWarning.message)
    "warn.given_year": (
        "{place}所载年度为 {printed}；采用调用方给出的 {given}",
        "the {place} names the year {printed}; {given} as given is used",
    ),
    "warn.given_agency": (
        "{place}所载机关为 {printed!r}；采用调用方给出的 {given!r}",
        "the {place} names the agency {printed!r}; {given!r} as given is used",
    ),
    "warn.pdf_damaged_page": (
        "PDF 第 {page} 页已损坏：其内容（{lost} 字节）无法解码；该页所示内容缺失",
        "page {page} of the PDF is damaged: its content ({lost} bytes) cannot be decoded; what it showed is missing",
    ),
    "warn.split_by_totals": (
        "{row}：数字连在一起；{splits} 种拆法中，只有 {pick} 符合表中总计的勾稽关系",
        "{row}: digits ran together; of {splits} splits, the table's 总计 identities allow only {pick}",
    ),
    "warn.split_undecided": (
        "{row}：数字连在一起，有 {splits} 种拆法（{shown}）；没有勾稽关系能确定；各单元格未读出",
        "{row}: digits ran together and split {splits} ways ({shown}); no identity decides; the cells are left unread",
    ),
    "warn.xlsx_row": ("工作表 {sheet} 第 {row} 行：{warning}", "sheet {sheet}, row {row}: {warning}"),
    "warn.xlsx_cell": ("工作表 {sheet} 单元格 {cell}：{warning}", "sheet {sheet}, cell {cell}: {warning}"),
    "warn.xlsx_formula": (
        "工作表 {sheet} 单元格 {cell}：公式 {formula} 没有保存的值，也不予计算（{why}）；请在 Excel 或 LibreOffice 中"
        "打开并保存该文件；该单元格未读出",
        "sheet {sheet}, cell {cell}: formula {formula} has no saved value and is not evaluated ({why}); open and save "
        "the file in Excel or LibreOffice; the cell is left unread",
    ),
    "formula.range": (
        "区域 {range} 比任何表格都大（至多 {limit} 个单元格）",
        "the range {range} is larger than any table ({limit} cells at most)",
    ),
    "formula.not_formula": ("不是公式", "not a formula"),
    "formula.only_sums": (
        "只计算单元格之和（=SUM(B3:G3)、=B3+C3）",
        "only sums of cells (=SUM(B3:G3), =B3+C3) are evaluated",
    ),
    "formula.error_cell": ("它所加的单元格含有错误 {value}", "a cell it adds holds the error {value}"),
    "formula.text_added": ("用 + 加了一段文字（{value!r}）", "a text ({value!r}) is added with +"),
    "formula.circular": ("公式引用了自身（循环引用）", "the formula refers to itself (a circular reference)"),
    "formula.too_deep": ("公式引用公式超过 {limit} 层", "formulas refer to formulas more than {limit} deep"),
    "formula.refers": (
        "它引用的 {cell} 的公式 {formula} 无法计算：{why}",
        "it refers to {cell}, whose formula {formula} fails: {why}",
    ),
    "warn.record_year": (
        "报告年度 {value!r} 不是年份（应为 2024 这样的数字）",
        "报告年度 {value!r} is not a year (a number like 2024)",
    ),
    "warn.record_field_date": (
        "{label} {value!r} 不是日期（应为 2026-01-20 或 2026年1月20日 这样的日期）；已留空",
        "{label} {value!r} is not a date (a date like 2026-01-20 or 2026年1月20日); it is left empty",
    ),
    "warn.record_field_choice": (
        "{label} {value!r} 不是可选值之一（{choices}）；已留空",
        "{label} {value!r} is not one of the choices ({choices}); it is left empty",
    ),
    "warn.misprinted_label": (
        "行名 {printed!r} 读作 {label!r}（项目编号相同，所印文字依次都在其中）",
        "the row label {printed!r} is read as {label!r} (same item number, its characters in order)",
    ),
    "warn.values_apart": (
        "第 {line} 行的数值与其行名分开；按行的顺序，它们属于 {rows}",
        "the values on line {line} stood apart from their labels; by the order of rows they are {rows}",
    ),
    "warn.values_by_order": (
        "第 {line} 行的数值没有自己的行名；按行的顺序，它们属于 {rows}",
        "values on line {line} without a label of their own; by the order of rows they are {rows}",
    ),
    "warn.values_stray": (
        "不属于任何行的数值（{values}）：没有行名，行的顺序也不能说明其归属；未使用",
        "values without a row ({values}): no label, and the order of rows does not say whose they are; they are not "
        "used",
    ),
    "warn.row_width": (
        "{row}：应有 {expected} 个单元格，实有 {found} 个（{texts}）；本行各单元格未读出",
        "{row}: expected {expected} cells, found {found} ({texts}); the cells of this row are left unread",
    ),
    "warn.digits_ways": (
        "{row}：数字 {digits} 连在一起，没有分隔；可拆为 {ways} 种（{shown}…），没有勾稽关系能确定；各单元格未读出",
        "{row}: the digits {digits} ran together without separators; it splits {ways} ways ({shown}…) and no "
        "identity decides between them; the cells are left unread",
    ),
    "warn.digits_unsplittable": (
        "{row}：数字 {digits} 连在一起，没有分隔；无法拆到本行的各单元格；各单元格未读出",
        "{row}: the digits {digits} ran together without separators; it cannot be split into the row's cells; the "
        "cells are left unread",
    ),
    "warn.bands_ways": (
        "表四：数字 {digits} 连在一起，按总计的勾稽关系有 {ways} 种拆法；各单元格未读出",
        "table 四: the digits {digits} ran together and split {ways} ways under the 总计 identities; the cells are "
        "left unread",
    ),
    "warn.bands_width": (
        "表四：应有 {expected} 个单元格，实有 {found} 个；各单元格未读出",
        "table 四: expected {expected} cells, found {found}; the cells are left unread",
    ),
    "warn.mark_kept": (
        "{mark!r} 不是已知的留空标记；按所印保留",
        "{mark!r} is not a blank mark the readers know; kept as printed",
    ),
    "warn.cell_unread": ("{problem}；该单元格未读出", "{problem}; the cell is left unread"),
    "warn.value_note": ("{text!r}：{note}", "{text!r}: {note}"),
    "warn.heading_again": (
        "标题 {heading} 再次出现；其正文并入第一次出现处",
        "the heading {heading} appears again; its text is joined to the first",
    ),
    "warn.headings_missing": ("未找到的标题：{headings}", "headings not found: {headings}"),
    "warn.record_date": (
        "内嵌记录所载的发布日期为 {recorded}；保留所印日期 {printed}",
        "the embedded record dates the report {recorded}; the date printed, {printed}, is kept",
    ),
    "warn.record_other_format": (
        "内嵌记录属于 {format} 格式，与本文档不符；已忽略",
        "the embedded record is for the {format} format, not this document's; it is ignored",
    ),
    "warn.record_invalid": (
        "内嵌记录不是有效的元数据记录；已忽略",
        "the embedded record is not a valid metadata record; it is ignored",
    ),
    "warn.record_other_title": (
        "内嵌记录属于 {expected!r}，与所印标题不符；已忽略",
        "the embedded record is for {expected!r}, not the title printed; it is ignored",
    ),
    "warn.rows_missing": (
        "未找到的行（其单元格未读出）：{rows}",
        "rows not found (their cells are left unread): {rows}",
    ),
    "warn.rows_missing_more": (
        "未找到的行（其单元格未读出）：{rows}，另有 {more} 行",
        "rows not found (their cells are left unread): {rows} and {more} more",
    ),
    # a printed cell as the readers read it (read.values: why it is no value, what was stripped from it)
    "value.not_number": ("{text!r} 不是数字，也不是留空标记", "{text!r} is not a number or a blank mark"),
    "value.not_amount": ("{text!r} 不是金额", "{text!r} is not an amount"),
    "value.negative_amount": ("{text!r} 是负数金额", "{text!r} is a negative amount"),
    "value.not_whole": ("{text!r} 不是整数", "{text!r} is not a whole number"),
    "value.negative": ("{text!r} 是负数", "{text!r} is negative"),
    "value.out_of_range": ("{text!r} 超出范围：应为{expected}", "{text!r} is out of range: expected {expected}"),
    "value.comma_removed": ("已去掉数字中的分组逗号", "a digit grouping comma was removed"),
    "value.unit_removed": ("已去掉单位 {unit}", "the unit {unit} was removed"),
    # why the assembler could not read a document
    "read.not_a_report": (
        "{source}：不是政府信息公开工作年度报告（没有年度报告的标题、各部分标题或表格）",
        "{source}: not a 政府信息公开工作年度报告 (no title, headings or tables of one)",
    ),
    "read.no_tables": ("{source}：没有找到报告的任何表格", "{source}: none of the report's tables was found"),
    "read.cells_invalid": (
        "{source}：读出的单元格不能构成有效的报告：{error}",
        "{source}: the cells read do not make a valid report: {error}",
    ),
    "read.before_2019": (
        "{year} 年度的报告：2019 年以前的报告早于统一格式（国办公开办函〔2019〕60号），不受支持",
        "a report on {year}: reports before 2019 pre-date the uniform format (国办公开办函〔2019〕60号) and are not "
        "supported",
    ),
    "read.older_format": (
        "年度报告中没有 2019 或 2021 格式的表格（不支持更早的格式）",
        "an annual report without the tables of the 2019 or 2021 format (an older format is not supported)",
    ),
    # what a document or a model field was expected to hold (errors.Phrase: Problem.expected, FieldValueError.expected)
    **{f"expected.{kind}": (EXPECTED_ZH[kind], EXPECTED[kind]) for kind in EXPECTED},
    **{
        f"expected.{kind}_written": (
            f'{EXPECTED_ZH[kind]}，留空写作 {{{{"blank": "<原文所印>"}}}}，未读出写作 {{{{"unread": true}}}}',
            _literal(EXPECTED[kind] + WRITTEN_AS),
        )
        for kind in EXPECTED
    },
    "expected.money_float_json": (
        f"{EXPECTED_ZH['money']}——浮点数不能精确表示金额：请用 disclosure_report.loads/load 读取文档，或传入 Decimal",
        f"{EXPECTED['money']} — a float cannot hold money exactly: read the document with "
        "disclosure_report.loads/load, or pass a Decimal",
    ),
    "expected.unread_true": (
        'true（未读出的单元格写作 {{"unread": true}}）',
        'true (an unread cell is written {{"unread": true}})',
    ),
    "expected.blank": ("原文在数字位置所印的内容：不含数字、不超过 16 个字符的字符串", BLANK_EXPECTED),
    "expected.text": ("不含控制字符（制表符和换行除外）或孤立代理项的文本", TEXT_EXPECTED),
    "expected.string": ("字符串", "a string"),
    "expected.boolean": ("true 或 false", "true or false"),
    "expected.whole_number": ("整数", "a whole number"),
    "expected.count_15": ("至多 15 位的 ≥ 0 整数", WHOLE_NUMBER),
    "expected.signed_15": ("至多 15 位的整数", "a whole number of at most 15 digits"),
    "expected.amount": ("整数部分至多 18 位、小数至多 6 位的 ≥ 0 精确金额（Decimal）", AMOUNT),
    "expected.amount_float": (
        "整数部分至多 18 位、小数至多 6 位的 ≥ 0 精确金额（Decimal）——浮点数不能精确表示金额，请传入 Decimal",
        f"{AMOUNT} — a float cannot hold money exactly; pass a Decimal",
    ),
    "expected.iso_date": ("写作 YYYY-MM-DD 的日期", "a date written YYYY-MM-DD"),
    "expected.date": ("日期", "a date"),
    "expected.date_from": ("不早于起始日 {start} 的日期", "a date not before the start {start}"),
    "expected.year_range": ("{low} 至 {high} 之间的年份", "a year from {low} to {high}"),
    "expected.proactive": ("{format} 格式的表二（{cls}）", "table 二 of the {format} format ({cls})"),
    "expected.one_of": ("以下之一：{choices}", "one of {choices}"),
    "expected.array": ("数组", "an array"),
    "expected.object": ("对象", "an object"),
    "expected.document": ("对象（一份年度报告文档）", "an object (an annual report document)"),
    "expected.object_with_keys": ("含以下键的对象：{keys}", "an object with the keys {keys}"),
    "expected.required": ("此键（必填）", "this key (it is required)"),
    "expected.no_such_key": ("此处没有这个键（可用的键：{keys}）", "no such key here (the keys are: {keys})"),
    "expected.format_key": ("此键，取值之一：{versions}", "this key, one of {versions}"),
    "expected.format_version": ("受支持的格式版本（{versions}）", "a supported format version ({versions})"),
    "expected.utf8": ("UTF-8 文本", "UTF-8 text"),
    "expected.json": ("JSON 文本", "JSON text"),
    "expected.nesting": (
        "至多嵌套 {levels} 层的 JSON（一份报告嵌套 6 层）",
        "JSON nested at most {levels} levels deep (a report is 6 levels deep)",
    ),
    "expected.unique_keys": ("每个对象中每个键只出现一次", "each key once per object"),
    "expected.readable_file": ("可读取的文件", "a readable file"),
    "expected.at_most_64_mib": ("不超过 64 MiB 的报告文档", "a report document of at most 64 MiB"),
    # what a document or a model field was found to hold (errors.Phrase: Problem.found, FieldValueError.found)
    "found.boolean": ("{value}（布尔值）", "{value} (a boolean)"),
    "found.string": ("{text}（字符串）", "{text} (a string)"),
    "found.float": ("{value}（浮点数）", "{value} (a float)"),
    "found.decimal": ("{value}（小数）", "{value} (a decimal number)"),
    "found.about_digits": ("{sign}约 {digits} 位的数", "{sign}a number of about {digits} digits"),
    "found.whole_digits": ("{sign}{digits} 位的整数", "{sign}a whole number of {digits} digits"),
    "found.number_digits": (
        "{sign}整数 {integer} 位、小数 {places} 位的数",
        "{sign}a number of {integer} integer digits and {places} decimal places",
    ),
    "found.object": ("对象", "an object"),
    "found.array": ("数组", "an array"),
    "found.type": ("{name} 类型的值", "a {name}"),
    "found.nothing": ("无", "nothing"),
    "found.constant": ("{name}（JSON 不允许的数）", "{name} is not a number JSON allows"),
    "found.number_range": (
        "数 {number}：指数超出可表示的范围",
        "the number {number}, whose exponent is out of any decimal's range",
    ),
    "found.this_key": ("此键", "this key"),
    "found.nesting": ("超过 {levels} 层的数组和对象", "more than {levels} levels of arrays and objects"),
    "found.too_deep": ("嵌套过深，无法读取", "nesting too deep to read"),
    "found.not_utf8": ("偏移 {offset} 处不是 UTF-8 的字节", "a byte that is not UTF-8 at offset {offset}"),
    "found.syntax": ("语法错误：{json_error}", "a syntax error: {json_error}"),
    "found.key_twice": ("同一对象中键 {key} 出现两次", "the key {key} twice in one object"),
    "found.too_large": (
        "超过 {limit} 字节的文件（一份报告约 50 KB）",
        "a file of more than {limit} bytes (a report is some 50 KB)",
    ),
    "field.value": (
        "{owner}.{field}：应为{expected}，实为{found}",
        "{owner}.{field}: expected {expected}, found {found}",
    ),
    # PDF
    "read.pdf.encrypted": (
        "{source}：此 PDF 已加密（需要密码才能打开）；请给出未加密的副本",
        "{source}: this PDF is encrypted (it needs a password to open); give an unencrypted copy",
    ),
    "read.pdf.cannot_open": (
        "{source}：不是可读取的 PDF：打开失败：{detail}",
        "{source}: not a readable PDF: opening it failed: {detail}",
    ),
    "read.pdf.truncated": ("文件提前结束（被截断？）", "the file ends too early (truncated?)"),
    "read.pdf.no_pages": (
        "{source}：PDF 已损坏：找不到任何页面",
        "{source}: a damaged PDF: no page can be found in it",
    ),
    "read.pdf.too_many_pages": (
        "{source}：超过 {limit} 页；年度报告只有几页，因此不读取",
        "{source}: more than {limit} pages; an annual report has a handful, so it is not read",
    ),
    "read.pdf.corrupted": (
        "{source}：PDF 已损坏：其对象 {objid} 在 {size} 字节之后损坏，无法恢复",
        "{source}: a damaged PDF: its object {objid} is corrupted after {size} bytes, too much to recover",
    ),
    "read.pdf.bomb": (
        "{source}：其压缩流展开后超过 {limit} MiB；年度报告的远小于此，因此不读取（解压炸弹？）",
        "{source}: its compressed streams expand to more than {limit} MiB; an annual report's are far smaller, so "
        "it is not read (a decompression bomb?)",
    ),
    "read.pdf.damaged_tree": (
        "{source}：PDF 已损坏：读取页面树失败：{detail}",
        "{source}: a damaged PDF: reading its page tree failed: {detail}",
    ),
    "read.pdf.damaged_streams": (
        "{source}：PDF 已损坏：检查压缩流失败：{detail}",
        "{source}: a damaged PDF: checking its compressed streams failed: {detail}",
    ),
    "read.pdf.damaged_page": (
        "{source}：PDF 已损坏：读取第 {page} 页失败：{detail}",
        "{source}: a damaged PDF: reading page {page} failed: {detail}",
    ),
    "read.pdf.undecodable": (
        "{source}：PDF 已损坏：第 {page} 页的内容无法解码（{lost} 字节）",
        "{source}: a damaged PDF: the content of page {page} cannot be decoded ({lost} bytes)",
    ),
    "read.pdf.no_text": (
        f"{{source}}：此 PDF 没有文字层（扫描件？）；{_OCR[0]}",
        f"{{source}}: this PDF has no text layer (a scan?); {_OCR[1]}",
    ),
    "read.pdf.scanned": (
        f"{{source}}：此 PDF 只有图片和 {{chars}} 个字符（扫描件？）；{_OCR[0]}",
        f"{{source}}: this PDF has images and only {{chars}} characters (a scan?); {_OCR[1]}",
    ),
}


EN_ONE: Mapping[str, tuple[str, str]] = {
    # key: (the count field, the English wording when it is 1); Chinese needs none
    "interrupted_after": ("n", "interrupted: {n} document checked"),
    "aggregate.blanks": ("n", "blank unit cells made {n} summed cell blank"),
    "aggregate.unread": ("n", "unread unit cells made {n} summed cell unread"),
    "aggregate.differences": ("n", "{n} cell differs from the sum of the units"),
    "aggregate.unreadable": ("n", "{n} document could not be read and is not summed (named on stderr)"),
    "aggregate.formats": (
        "n",
        "reports on {year} in different format versions cannot be summed: {listing} (the other {n} unit uses the "
        "{format} format {year} requires)",
    ),
    "folder.passed_over": ("n", "{n} file passed over (no reader takes its kind): {kinds}"),
    "export.written": ("rows", "{rows} row written to {path}"),
    "export.unreadable": ("n", "{n} document could not be read and has no rows"),
}
"""The English singular of the messages of :data:`TEXTS` that count something: :func:`say` takes it when the count
is 1."""


def say(key: str, lang: Lang, /, **fields: object) -> str:
    """One line a command prints, from :data:`TEXTS`, in ``lang``. In Chinese, a field that is itself worded — an
    error, a :class:`~disclosure_report.errors.Phrase`, a system's reason — is worded in Chinese too; a field that
    is a tuple or list is its items joined by ``; `` (``；``).

    >>> say("aggregate.differences", "zh", n=2), say("aggregate.differences", "en", n=2)
    ('与各单位合计不符的单元格 2 个', '2 cells differ from the sum of the units')
    >>> say("aggregate.differences", "en", n=1)  # the singular of EN_ONE
    '1 cell differs from the sum of the units'
    """
    zh, en = TEXTS[key]
    if lang == "zh":
        return zh.format(**{name: _field(name, value) for name, value in fields.items()})
    one = EN_ONE.get(key)
    template = one[1] if one is not None and fields.get(one[0]) == 1 else en
    return template.format(**{name: _joined(value, "; ") for name, value in fields.items()})


def _joined(value: object, separator: str) -> object:
    """A field that lists items (a tuple or a list), joined; any other as it is."""
    return separator.join(map(str, value)) if isinstance(value, (tuple, list)) else value
