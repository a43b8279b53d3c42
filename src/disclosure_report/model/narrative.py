"""The narrative sections: 一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from disclosure_report.model.validators import non_negative_int, non_negative_money, of_type, one_of

FeeBasis = Literal["按件", "按量"]
"""How an 信息处理费 was computed (《政府信息公开信息处理费管理办法》 art. 3): per request or per volume."""


@attrs.frozen
class TextBlock:
    """A titled piece of narrative the format does not name, kept as printed (heading and text)."""

    heading: str = attrs.field(validator=of_type(str))
    text: str = attrs.field(validator=of_type(str))


@attrs.frozen
class Overview:
    """一、总体情况: the five subsections the format names, text before them, and any other subsections."""

    intro: str = attrs.field(default="", validator=of_type(str))
    proactive: str = attrs.field(default="", validator=of_type(str))
    on_request: str = attrs.field(default="", validator=of_type(str))
    management: str = attrs.field(default="", validator=of_type(str))
    platforms: str = attrs.field(default="", validator=of_type(str))
    oversight: str = attrs.field(default="", validator=of_type(str))
    extra: tuple[TextBlock, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class FeeCollection:
    """信息处理费 collected under 《政府信息公开信息处理费管理办法》, as stated in section 六."""

    collected: bool = attrs.field(validator=of_type(bool))
    amount_yuan: Decimal | None = attrs.field(default=None, validator=non_negative_money(optional=True))
    cases: int | None = attrs.field(default=None, validator=non_negative_int(optional=True))
    basis: FeeBasis | None = attrs.field(default=None, validator=one_of(FeeBasis, optional=True))


@attrs.frozen
class OtherMatters:
    """六、其他需要报告的事项: the text as printed, plus typed statements where the report makes them."""

    text: str = attrs.field(default="", validator=of_type(str))
    fees: FeeCollection | None = None
    annual_key_tasks: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    npc_cppcc_proposals: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    innovation: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
