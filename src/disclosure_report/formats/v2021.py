"""The 2021 format (国办公开办函〔2021〕30号), declared once.

Labels are the official text character for character (full-width brackets, Chinese curly quotes, ``1.`` with an
ASCII full stop), as given in the official format (docs/format-spec.md). Nothing else in the package spells them again.
"""

from __future__ import annotations

from disclosure_report.formats.declaration import (
    Alternative,
    Column,
    ColumnSet,
    Format,
    Row,
    RowSum,
    Section,
    Subsection,
    Table,
)

# ---------------------------------------------------------------------------------------------------------------
# Column sets (shared with the 2019 format where the tables are the same)

APPLICANT_HEADER = "申请人情况"
LEGAL_ENTITY_HEADER = "法人或其他组织"

APPLICANT = ColumnSet(
    key="applicant",
    columns=(
        Column("natural_person", (APPLICANT_HEADER, "自然人"), "natural persons"),
        Column("commercial", (APPLICANT_HEADER, LEGAL_ENTITY_HEADER, "商业企业"), "commercial enterprises"),
        Column("research", (APPLICANT_HEADER, LEGAL_ENTITY_HEADER, "科研机构"), "research institutions"),
        Column(
            "public_interest",
            (APPLICANT_HEADER, LEGAL_ENTITY_HEADER, "社会公益组织"),
            "public-interest organisations",
        ),
        Column(
            "legal_services",
            (APPLICANT_HEADER, LEGAL_ENTITY_HEADER, "法律服务机构"),
            "legal service providers",
        ),
        Column(
            "other_org",
            (APPLICANT_HEADER, LEGAL_ENTITY_HEADER, "其他"),
            "other legal persons or organisations",
        ),
        Column("total", (APPLICANT_HEADER, "总计"), "total of the six applicant columns"),
    ),
    total="total",
)

OUTCOME = ColumnSet(
    key="outcome",
    columns=(
        Column("upheld", ("结果维持",), "decision upheld"),
        Column("corrected", ("结果纠正",), "decision corrected"),
        Column("other", ("其他结果",), "other result"),
        Column("pending", ("尚未审结",), "not yet concluded"),
        Column("total", ("总计",), "total of the four outcome columns"),
    ),
    total="total",
)

DOCUMENTS = ColumnSet(
    key="documents",
    columns=(
        Column("issued", ("本年制发件数",), "documents issued this year"),
        Column("repealed", ("本年废止件数",), "documents repealed this year"),
        Column("in_force", ("现行有效件数",), "documents currently in force"),
    ),
)

DECISIONS = ColumnSet(
    key="decisions",
    columns=(Column("decisions", ("本年处理决定数量",), "decisions made this year"),),
)

FEE_AMOUNT = ColumnSet(
    key="fee_amount",
    columns=(
        Column(
            "amount",
            ("本年收费金额（单位：万元）",),
            "fees collected this year, in 万元 (ten thousand yuan)",
            kind="money",
            unit="万元",
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Table 二: 主动公开政府信息情况 (spec §2.4)

ITEM_LABEL_HEADER = "信息内容"
ART20_1 = "第二十条第（一）项"
ART20_5 = "第二十条第（五）项"
ART20_6 = "第二十条第（六）项"
ART20_8 = "第二十条第（八）项"

PROACTIVE = Table(
    key="proactive",
    layout="blocks",
    corner=ITEM_LABEL_HEADER,
    en="information disclosed proactively (条例 art. 20)",
    rows=(
        Row(("regulations",), (ART20_1, "规章"), DOCUMENTS, "regulations (规章)"),
        Row(
            ("normative_documents",),
            (ART20_1, "行政规范性文件"),
            DOCUMENTS,
            "administrative normative documents",
            aliases=("规范性文件",),
        ),
        Row(("licensing",), (ART20_5, "行政许可"), DECISIONS, "administrative licensing"),
        Row(("penalty",), (ART20_6, "行政处罚"), DECISIONS, "administrative penalties"),
        Row(("coercion",), (ART20_6, "行政强制"), DECISIONS, "administrative coercion"),
        Row(("fees",), (ART20_8, "行政事业性收费"), FEE_AMOUNT, "administrative fees"),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Table 三: 收到和处理政府信息公开申请情况 (spec §2.5)

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER = "（六）其他处理"


def _result(path: tuple[str, ...], labels: tuple[str, ...], en: str) -> Row:
    return Row(("results", *path), (RESULTS, *labels), APPLICANT, en)


NEW_ROW = Row(("new",), ("一、本年新收政府信息公开申请数量",), APPLICANT, "applications newly received this year")
CARRIED_OVER_ROW = Row(
    ("carried_over",),
    ("二、上年结转政府信息公开申请数量",),
    APPLICANT,
    "applications carried over from last year",
)
CARRIED_FORWARD_ROW = Row(
    ("carried_forward",), ("四、结转下年度继续办理",), APPLICANT, "applications carried forward to next year"
)

RESULT_ROWS_BEFORE_OTHER: tuple[Row, ...] = (
    _result(("granted",), ("（一）予以公开",), "disclosed"),
    _result(
        ("partially_granted",),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
        "partially disclosed (counted only here)",
    ),
    _result(("denied", "state_secret"), (DENIED, "1.属于国家秘密"), "denied: state secret"),
    _result(("denied", "prohibited_by_law"), (DENIED, "2.其他法律行政法规禁止公开"), "denied: prohibited by law"),
    _result(
        ("denied", "security_stability"),
        (DENIED, "3.危及“三安全一稳定”"),
        "denied: endangers security or stability",
    ),
    _result(("denied", "third_party_rights"), (DENIED, "4.保护第三方合法权益"), "denied: third-party rights"),
    _result(("denied", "internal_affairs"), (DENIED, "5.属于三类内部事务信息"), "denied: internal affairs"),
    _result(("denied", "process_information"), (DENIED, "6.属于四类过程性信息"), "denied: process information"),
    _result(("denied", "law_enforcement_files"), (DENIED, "7.属于行政执法案卷"), "denied: law-enforcement files"),
    _result(("denied", "administrative_query"), (DENIED, "8.属于行政查询事项"), "denied: administrative query"),
    _result(("unable", "not_held"), (UNABLE, "1.本机关不掌握相关政府信息"), "unable: information not held"),
    _result(("unable", "needs_creation"), (UNABLE, "2.没有现成信息需要另行制作"), "unable: would need creating"),
    _result(("unable", "unclear"), (UNABLE, "3.补正后申请内容仍不明确"), "unable: unclear after correction"),
    _result(("not_processed", "petition"), (NOT_PROCESSED, "1.信访举报投诉类申请"), "not processed: petition"),
    _result(("not_processed", "duplicate"), (NOT_PROCESSED, "2.重复申请"), "not processed: duplicate"),
    _result(
        ("not_processed", "publication"),
        (NOT_PROCESSED, "3.要求提供公开出版物"),
        "not processed: publication",
    ),
    _result(
        ("not_processed", "excessive"),
        (NOT_PROCESSED, "4.无正当理由大量反复申请"),
        "not processed: excessive repeated requests",
    ),
    _result(
        ("not_processed", "confirmation"),
        (NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
        "not processed: confirmation of information already obtained",
    ),
)

OTHER_SUB_ROWS: tuple[Row, ...] = (
    _result(
        ("other", "overdue_correction"),
        (OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        "other: applicant did not correct in time",
    ),
    _result(
        ("other", "unpaid_fee"),
        (OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        "other: applicant did not pay the fee in time",
    ),
    _result(("other", "other"), (OTHER, "3.其他"), "other: other handling"),
)

SINGLE_OTHER_ROW = _result(("other",), (OTHER,), "other handling (one row, as in the 2019 layout)")

RESULTS_TOTAL_ROW = _result(("total",), ("（七）总计",), "total of all outcomes")
RESULTS_SUM = RowSum(total=("results", "total"), under=("results",))

APPLICATIONS = Table(
    key="applications",
    layout="matrix",
    corner=BALANCE_NOTE,
    en="applications received and handled",
    rows=(
        NEW_ROW,
        CARRIED_OVER_ROW,
        *RESULT_ROWS_BEFORE_OTHER,
        *OTHER_SUB_ROWS,
        RESULTS_TOTAL_ROW,
        CARRIED_FORWARD_ROW,
    ),
    row_sums=(RESULTS_SUM,),
    alternatives=(
        Alternative(
            key="single_other",
            replaces=("results", "other"),
            rows=(SINGLE_OTHER_ROW,),
            en="（六）其他处理 printed as one row, as in the 2019 layout",
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Table 四: 政府信息公开行政复议、行政诉讼情况 (spec §2.6); the same in both formats

REVIEW_LITIGATION = Table(
    key="review_litigation",
    layout="bands",
    en="administrative reconsideration and litigation",
    rows=(
        Row(("review",), ("行政复议",), OUTCOME, "administrative reconsideration"),
        Row(
            ("litigation_direct",),
            ("行政诉讼", "未经复议直接起诉"),
            OUTCOME,
            "lawsuits filed without reconsideration",
        ),
        Row(
            ("litigation_after_review",),
            ("行政诉讼", "复议后起诉"),
            OUTCOME,
            "lawsuits filed after reconsideration",
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Sections (spec §2.3, aliases §6.4)

OVERVIEW = Section(
    key="overview",
    number="一",
    title="总体情况",
    en="overview",
    subsections=(
        Subsection("proactive", "（一）", "主动公开", "proactive disclosure", aliases=("主动公开政府信息情况",)),
        Subsection("on_request", "（二）", "依申请公开", "disclosure on request", aliases=("依申请公开情况",)),
        Subsection("management", "（三）", "政府信息管理", "information management", aliases=("政府信息管理情况",)),
        Subsection(
            "platforms",
            "（四）",
            "政府信息公开平台建设",
            "disclosure platforms",
            aliases=("政府信息公开平台建设情况", "平台建设", "平台载体建设"),
        ),
        Subsection("oversight", "（五）", "监督保障", "oversight and safeguards", aliases=("监督保障情况",)),
    ),
)

PROBLEMS_SECTION = Section(
    key="problems",
    number="五",
    title="存在的主要问题及改进情况",
    en="main problems and improvements",
    aliases=(
        "政府信息公开工作存在的主要问题及改进情况",
        "工作中存在的主要问题和改进情况",
        "存在问题及改进情况",
    ),
)

OTHER_MATTERS_SECTION = Section(
    key="other_matters",
    number="六",
    title="其他需要报告的事项",
    en="other matters to report",
    aliases=("其他事项",),
    subsections=(
        Subsection("fees", "（一）", "收取信息处理费情况", "information processing fees collected"),
        Subsection("annual_key_tasks", "（二）", "落实上级年度政务公开工作要点情况", "annual key tasks implemented"),
        Subsection(
            "npc_cppcc_proposals",
            "（三）",
            "人大代表建议和政协提案办理结果公开情况",
            "disclosure of results on NPC suggestions and CPPCC proposals",
        ),
        Subsection("innovation", "（四）", "年度政务公开工作创新情况", "innovation in open government work"),
    ),
)

FORMAT = Format(
    version="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    sections=(
        OVERVIEW,
        Section("proactive", "二", "主动公开政府信息情况", "proactive disclosure", table=PROACTIVE),
        Section(
            "applications",
            "三",
            "收到和处理政府信息公开申请情况",
            "applications received and handled",
            table=APPLICATIONS,
        ),
        Section(
            "review_litigation",
            "四",
            "政府信息公开行政复议、行政诉讼情况",
            "administrative reconsideration and litigation",
            table=REVIEW_LITIGATION,
            aliases=(
                "因政府信息公开工作被申请行政复议提起行政诉讼情况",
                "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                "政府信息公开行政复议及行政诉讼情况",
                "政府信息公开行政复议和行政诉讼情况",
                "政府信息公开行行政复议和行政诉讼情况",
            ),
        ),
        PROBLEMS_SECTION,
        OTHER_MATTERS_SECTION,
    ),
)
