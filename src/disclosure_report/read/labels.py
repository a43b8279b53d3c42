"""Matching printed labels to the declaration: normalise punctuation, spaces, brackets and variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRAD = str.maketrans(
    "開報執據處審結與計貳個產項條廣務請認證關歸屬內資訊", "开报执据处审结与计贰个产项条广务请认证关归属内资讯"
)
_TRAD_CHARS = re.compile("[" + "".join(chr(c) for c in _TRAD) + "]")
_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|[0-9]+[.．、])")


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text: str) -> str:
    """``text`` with its full-width digits as ASCII digits, character for character (so a match's positions are the
    original's): where the year, the agency and the dates are looked for (``２０２３年`` as ``2023年``); the text
    kept is the original.

    >>> ascii_digits("盘州市乡村振兴局２０２３年")
    '盘州市乡村振兴局2023年'
    """
    return text.translate(_DIGITS) if _FULL_WIDTH_DIGIT.search(text) else text  # (translate is slow; most have none)


_FULL_WIDTH_DIGIT = re.compile("[０-９]")


REMEMBERED_LENGTH = 200
"""Texts up to this length (labels, cells, table lines) are remembered once normalised; longer ones are not, so
the caches stay small however large the documents read."""


def normalise(text: str) -> str:
    """A label reduced for comparison: NFKC, no spaces, one kind of bracket and quote, simplified characters.

    >>> a = normalise("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)")
    >>> a == normalise("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    True
    """
    return _normalise_short(text) if len(text) <= REMEMBERED_LENGTH else _normalise(text)


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    if _TRAD_CHARS.search(s):  # translate() walks every character: only when there is something to translate
        s = s.translate(_TRAD)
    s = "".join(s.split())
    s = s.replace("“", '"').replace("”", '"').replace("「", '"').replace("」", '"').replace("＂", '"')
    s = s.replace("〈", "<").replace("〉", ">").replace("《", "<").replace("》", ">")
    return s.replace("、", ",").replace("，", ",").replace("：", ":").replace("；", ";")


_normalise_short = lru_cache(maxsize=65536)(_normalise)


@lru_cache(maxsize=65536)
def strip_numbering(text: str) -> str:
    """The label without its leading number (``（三）``, ``三、``, ``1.``), normalised.

    >>> strip_numbering("一、本年新收政府信息公开申请数量"), strip_numbering("(三) 不予公开")
    ('本年新收政府信息公开申请数量', '不予公开')
    >>> strip_numbering("1. 属于国家秘密")
    '属于国家秘密'
    """
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_TRAD))
    return normalise(_NUMBERING.sub("", s, count=1))
