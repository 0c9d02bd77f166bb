//! Simplified Chinese for tier credit policies and credit reviews: the policy table on
//! the settings screen, the deposit a tier asks for on the invoice form, the customer
//! form's policy note and next review, the worklist's review rows and the review form.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("Credit policy per tier", "各等级信用政策"),
    (
        "What a new customer of the tier gets when its terms or limit are left empty, and the deposit a new invoice requires; an empty cell is no default. A change never touches existing customers or posted invoices.",
        "新客户未填写付款条件或额度时按其等级取用的默认值，以及新发票要求的定金；空格表示无默认值。修改不会影响已有客户或已过账的发票。",
    ),
    ("Deposit %", "定金 %"),
    ("none", "无"),
    (
        "Tier {tier}'s policy: {pct}% down",
        "{tier} 级政策：预付 {pct}%",
    ),
    (
        "Picking a tier fills terms and limit from its policy. The first credit review is set a year on (six months for tier C).",
        "选择等级后将按其政策填入付款条件和额度。首次信用复核定在一年后（C 级为六个月后）。",
    ),
    ("Next credit review", "下次信用复核"),
    ("Credit reviews due", "到期的信用复核"),
    ("credit review due since {date}", "信用复核自 {date} 起到期"),
    ("Credit review…", "信用复核…"),
    ("Credit review — {code} {name}", "信用复核 — {code} {name}"),
    (
        "As of {date}; payments and promises over the last 12 months, the highest balance net of credit from the book.",
        "截至 {date}；付款与承诺按最近 12 个月计，最高余额取自账簿（已扣除贷项）。",
    ),
    ("Now", "当前"),
    ("Record", "记录"),
    ("Suggestion", "建议"),
    ("Next review", "下次复核"),
    ("Days to pay", "付款天数"),
    ("On time", "按时付款"),
    ("Promises kept", "承诺兑现"),
    ("Overdue now", "当前逾期"),
    ("Highest balance", "最高余额"),
    ("Risk score", "风险分"),
    ("Suggested tier", "建议等级"),
    ("Suggested limit", "建议额度"),
    ("Accept suggestion", "接受建议"),
    ("Keep as is", "保持不变"),
    (
        "Either way the review counts as done: the next review moves on (12 months, 6 for tier C) and the audit log keeps it. Esc closes.",
        "两种选择都算完成复核：下次复核顺延（12 个月，C 级 6 个月），并记入审计日志。按 Esc 关闭。",
    ),
    ("Nothing counts against it.", "没有不利因素。"),
    ("n/a", "无"),
    ("no limit", "无额度"),
    ("no tier", "无等级"),
    ("tier {tier}", "{tier} 级"),
    ("low risk", "低风险"),
    ("medium risk", "中风险"),
    ("high risk", "高风险"),
    ("severe risk", "严重风险"),
    (
        "{band}, {share} paid on time: tier {tier}",
        "{band}，按时付款 {share}：{tier} 级",
    ),
    (
        "limit {factor} × the highest balance in 12 months ({highest}), rounded up: {limit}",
        "额度为 12 个月内最高余额（{highest}）的 {factor} 倍，向上取整：{limit}",
    ),
    (
        "severe risk: no more credit than the balance it owes ({balance})",
        "严重风险：额度不超过当前欠款（{balance}）",
    ),
    (
        "severe risk: the limit stays at {limit}, below what it owes",
        "严重风险：额度维持在 {limit}，低于当前欠款",
    ),
    (
        "no balance in 12 months: the tier's default limit ({limit})",
        "12 个月内无余额：采用该等级的默认额度（{limit}）",
    ),
    (
        "no balance in 12 months and no default limit for the tier: no limit",
        "12 个月内无余额且该等级无默认额度：不设额度",
    ),
    (
        "Credit review of {code} recorded, kept as is; next review {date}.",
        "已记录 {code} 的信用复核，保持不变；下次复核 {date}。",
    ),
    (
        "Credit review of {code} recorded: now {tier}, limit {limit}; next review {date}.",
        "已记录 {code} 的信用复核：现为 {tier}，额度 {limit}；下次复核 {date}。",
    ),
];
