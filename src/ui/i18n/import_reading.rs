//! Simplified Chinese for the import screen's questions on how to read a file (sign,
//! amount column, header line) and where a payment goes.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("no header", "无表头"),
    ("line {line}", "第 {line} 行"),
    (
        "Is a purchase a positive or a negative number?",
        "消费金额是正数还是负数？",
    ),
    (
        "Purchases are positive (card statement)",
        "消费为正数（信用卡对账单）",
    ),
    ("Purchases are negative", "消费为负数"),
    ("Amounts: money in is positive", "金额：收入为正数"),
    (
        "Amounts: purchases are positive (card statement)",
        "金额：消费为正数（信用卡对账单）",
    ),
    ("Flip sign", "正负号对调"),
    ("Amount column", "金额列"),
    ("Header line", "表头行"),
    (
        "Choose your bank's export (CSV, XLSX, XLS, ODS, OFX or CAMT.053). Nothing is written until you press Import.",
        "请选择银行导出的对账单（CSV、XLSX、XLS、ODS、OFX 或 CAMT.053）。按“导入”之前不会写入任何内容。",
    ),
    ("cannot be posted", "无法入账"),
    (
        "; line {line} not posted: {why}",
        "；第 {line} 行未入账：{why}",
    ),
    // Where a payment goes.
    ("pays {invoice}: {amount}", "支付 {invoice}：{amount}"),
    (
        "discount on {invoice}: {amount}",
        "{invoice} 折扣：{amount}",
    ),
    ("kept as credit: {amount}", "留作预收款：{amount}"),
];
