"""Every label of the 2021 declaration equals the official text (spec §2), character for character.

The expected labels below are an independent copy typed from the official format (docs/format-spec.md lists the
sources) — the one place outside the declaration where they may be spelled, so that a one-character slip in either
is caught.
"""

from __future__ import annotations

from disclosure_report.formats import get_format

FMT = get_format("2021")

SECTION_HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

OVERVIEW_SUBSECTIONS = [
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
]

TABLE2 = {
    "proactive.regulations.issued": ("第二十条第（一）项", "规章", "本年制发件数"),
    "proactive.regulations.repealed": ("第二十条第（一）项", "规章", "本年废止件数"),
    "proactive.regulations.in_force": ("第二十条第（一）项", "规章", "现行有效件数"),
    "proactive.normative_documents.issued": ("第二十条第（一）项", "行政规范性文件", "本年制发件数"),
    "proactive.normative_documents.repealed": ("第二十条第（一）项", "行政规范性文件", "本年废止件数"),
    "proactive.normative_documents.in_force": ("第二十条第（一）项", "行政规范性文件", "现行有效件数"),
    "proactive.licensing.decisions": ("第二十条第（五）项", "行政许可", "本年处理决定数量"),
    "proactive.penalty.decisions": ("第二十条第（六）项", "行政处罚", "本年处理决定数量"),
    "proactive.coercion.decisions": ("第二十条第（六）项", "行政强制", "本年处理决定数量"),
    "proactive.fees.amount": ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"),
}

T3_COLUMNS = {
    "natural_person": ("申请人情况", "自然人"),
    "commercial": ("申请人情况", "法人或其他组织", "商业企业"),
    "research": ("申请人情况", "法人或其他组织", "科研机构"),
    "public_interest": ("申请人情况", "法人或其他组织", "社会公益组织"),
    "legal_services": ("申请人情况", "法人或其他组织", "法律服务机构"),
    "other_org": ("申请人情况", "法人或其他组织", "其他"),
    "total": ("申请人情况", "总计"),
}

R = "三、本年度办理结果"
T3_ROWS = {
    "new": ("一、本年新收政府信息公开申请数量",),
    "carried_over": ("二、上年结转政府信息公开申请数量",),
    "results.granted": (R, "（一）予以公开"),
    "results.partially_granted": (R, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    "results.denied.state_secret": (R, "（三）不予公开", "1.属于国家秘密"),
    "results.denied.prohibited_by_law": (R, "（三）不予公开", "2.其他法律行政法规禁止公开"),
    "results.denied.security_stability": (R, "（三）不予公开", "3.危及“三安全一稳定”"),
    "results.denied.third_party_rights": (R, "（三）不予公开", "4.保护第三方合法权益"),
    "results.denied.internal_affairs": (R, "（三）不予公开", "5.属于三类内部事务信息"),
    "results.denied.process_information": (R, "（三）不予公开", "6.属于四类过程性信息"),
    "results.denied.law_enforcement_files": (R, "（三）不予公开", "7.属于行政执法案卷"),
    "results.denied.administrative_query": (R, "（三）不予公开", "8.属于行政查询事项"),
    "results.unable.not_held": (R, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    "results.unable.needs_creation": (R, "（四）无法提供", "2.没有现成信息需要另行制作"),
    "results.unable.unclear": (R, "（四）无法提供", "3.补正后申请内容仍不明确"),
    "results.not_processed.petition": (R, "（五）不予处理", "1.信访举报投诉类申请"),
    "results.not_processed.duplicate": (R, "（五）不予处理", "2.重复申请"),
    "results.not_processed.publication": (R, "（五）不予处理", "3.要求提供公开出版物"),
    "results.not_processed.excessive": (R, "（五）不予处理", "4.无正当理由大量反复申请"),
    "results.not_processed.confirmation": (R, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    "results.other.overdue_correction": (
        R,
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    "results.other.unpaid_fee": (
        R,
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    "results.other.other": (R, "（六）其他处理", "3.其他"),
    "results.total": (R, "（七）总计"),
    "carried_forward": ("四、结转下年度继续办理",),
}

T4_BANDS = {
    "review": ("行政复议",),
    "litigation_direct": ("行政诉讼", "未经复议直接起诉"),
    "litigation_after_review": ("行政诉讼", "复议后起诉"),
}
T4_COLUMNS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def test_section_headings_in_order() -> None:
    assert [s.heading for s in FMT.sections] == SECTION_HEADINGS


def test_overview_subsections() -> None:
    assert [s.heading for s in FMT.section("overview").subsections] == OVERVIEW_SUBSECTIONS


def test_table2_cells() -> None:
    cells = {c.path: c.labels for c in FMT.table("proactive").cells()}
    assert cells == TABLE2
    assert FMT.table("proactive").corner == "信息内容"
    assert FMT.cell("proactive.fees.amount").column.unit == "万元"
    assert FMT.cell("proactive.fees.amount").kind == "money"


def test_table3_cells() -> None:
    expected = {
        f"applications.{row}.{col}": labels + headers
        for row, labels in T3_ROWS.items()
        for col, headers in T3_COLUMNS.items()
    }
    got = {c.path: c.labels for c in FMT.table("applications").cells()}
    assert list(got) == list(expected)  # print order too
    assert got == expected
    assert len(got) == 25 * 7


def test_table3_note_and_single_other_row() -> None:
    table = FMT.table("applications")
    assert table.corner == BALANCE_NOTE
    (alt,) = table.alternatives
    assert [r.labels for r in alt.rows] == [(R, "（六）其他处理")]
    assert len(table.rows_with(alt)) == 23


def test_table4_cells() -> None:
    expected = {
        f"review_litigation.{band}.{col}": (*labels, header)
        for band, labels in T4_BANDS.items()
        for col, header in T4_COLUMNS.items()
    }
    assert {c.path: c.labels for c in FMT.table("review_litigation").cells()} == expected


def test_every_cell_path_is_unique_and_counted() -> None:
    paths = [c.path for c in FMT.cells()]
    assert len(paths) == len(set(paths)) == 10 + 175 + 15


def test_format_metadata() -> None:
    assert FMT.document == "国办公开办函〔2021〕30号"
    assert FMT.name == "中华人民共和国政府信息公开工作年度报告格式"
    assert FMT.applies_to(2021) and FMT.applies_to(2030) and not FMT.applies_to(2020)
