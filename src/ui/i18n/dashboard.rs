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
    ("CEI", "CEI 回收效率"),
    ("ADD (days)", "ADD 平均逾期（天）"),
    ("{change} since last month", "较上月末 {change}"),
    // Percentage points, after the change of a share.
    (" pp", " 个百分点"),
    ("no figure last month", "上月末无数据"),
    ("{days} days overdue", "逾期 {days} 天"),
    ("DSO (days, right)", "DSO（天，右轴）"),
    (
        "Overdue by age and DSO, month by month",
        "逐月逾期账龄与 DSO",
    ),
    // The Aging screen's PDF.
    ("Save PDF", "保存 PDF"),
    ("Wrote the PDF to {path}", "PDF 已保存到 {path}"),
];
