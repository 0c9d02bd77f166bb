//! Simplified Chinese for the Dashboard (`ui::dashboard`) and the Aging screen's PDF.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("Dashboard", "仪表板"),
    (
        "as of {date} · DSO, CEI and ADD over the last {days} days",
        "截至 {date} · DSO、CEI 和 ADD 按最近 {days} 天计算",
    ),
    ("Owed to you", "应收合计"),
    ("Overdue share", "逾期占比"),
    ("DSO (days)", "DSO（天）"),
    ("ADD (days)", "ADD（天）"),
    ("{change} since last month", "较上月末 {change}"),
    // Percentage points, after the change of a share.
    (" pp", " 个百分点"),
    ("no figure last month", "上月末无数据"),
    ("{days} days", "{days} 天"),
    ("DSO (days, right)", "DSO（天，右轴）"),
    (
        "Overdue by age and DSO, month by month",
        "逐月逾期金额（按账龄）与 DSO",
    ),
    // The forecast.
    (
        "Expected in, the next {weeks} weeks",
        "未来 {weeks} 周预计回款",
    ),
    ("expected", "预计"),
    ("promised", "已承诺"),
    ("low to high", "低至高区间"),
    ("total {amount}", "合计 {amount}"),
    // The riskiest customers.
    ("The riskiest customers", "风险最高的客户"),
    (
        "band (score) · balance; a click opens the ledger",
        "等级（评分） · 余额；点击打开分类账",
    ),
    (
        "No customer has anything against it.",
        "没有客户存在风险因素。",
    ),
    // The credit reviews due.
    (
        "Credit reviews due ({count})",
        "待进行的信用审查（{count}）",
    ),
    ("since · tier · limit", "到期日 · 等级 · 额度"),
    ("No credit review is due.", "目前没有到期的信用审查。"),
    ("limit {amount}", "额度 {amount}"),
    // The Aging screen's PDF.
    ("Save PDF", "保存 PDF"),
    ("Wrote the PDF to {path}", "PDF 已保存到 {path}"),
];
