"""What a text of section 六 states about 信息处理费 (fees under 《政府信息公开信息处理费管理办法》).

One reading of the wording, shared: the readers fill the typed ``other_matters.fees`` from it when a published
report has no fee subsection, and the renderers leave out the typed fee block when the text already states it (so
a page does not say the same thing twice, and reads back the same).

>>> stated_fees("本年度没有收取任何信息处理费用。")
FeeCollection(collected=False, amount_yuan=None, cases=None, basis=None)
>>> stated_fees("收取信息处理费共计380元，涉及2件申请，按件计收。")
FeeCollection(collected=True, amount_yuan=Decimal('380'), cases=2, basis='按件')
>>> stated_fees("无其他事项。") is None
True
"""

from __future__ import annotations

from decimal import Decimal

from disclosure_report.model import FeeBasis, FeeCollection
from disclosure_report.zh.linear import compile_linear

__all__ = ["stated_fees"]

_NONE = compile_linear(
    r"(未|没有|无)[^。；;]{0,12}?(收取|收费)[^。；;]{0,12}?信息处理费|信息处理费[^。；;]{0,8}(为0|为零|0元)|无收取信息处理费"
)
# possessive runs and no start inside a run of digits: linear time on any text
_AMOUNT = compile_linear(r"信息处理费[^。；;]{0,20}?(?P<amount>[0-9][0-9,]*+(?:\.[0-9]++)?)\s*+元")
_CASES = compile_linear(
    r"(?<![0-9])(?P<before>[0-9]++)\s*+件[^。；;]{0,20}?信息处理费|涉及\s*+(?P<involved>[0-9]++)\s*+件"
    r"|收取[^。]{0,10}?(?<![0-9])(?P<collected>[0-9]++)件"
)


def stated_fees(text: str) -> FeeCollection | None:
    """The fees ``text`` states: not collected (未收取…信息处理费, 信息处理费为0), or collected with the amount in 元
    (and the number of applications and the basis, 按件/按量, when it says them); None when it states neither."""
    if "信息处理费" not in text:
        return None
    amount = _AMOUNT.search(text)
    if amount is None or Decimal(amount["amount"].replace(",", "")) == 0:
        return FeeCollection(collected=False) if _NONE.search(text) else None
    cases = _CASES.search(text)
    count = next((int(cases[g]) for g in ("before", "involved", "collected") if cases[g]), None) if cases else None
    basis: FeeBasis | None = "按件" if "按件" in text else "按量" if "按量" in text else None
    return FeeCollection(
        collected=True, amount_yuan=Decimal(amount["amount"].replace(",", "")), cases=count, basis=basis
    )
