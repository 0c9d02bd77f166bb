//! Simplified Chinese for credit control on the invoice and fee form: the hold and
//! limit warnings, the library's refusal and the override that posts past it.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("This customer is on hold.", "该客户已暂停赊销。"),
    (
        "The balance would be {after}, over the credit limit of {limit}.",
        "余额将为 {after}，超出信用额度 {limit}。",
    ),
    (
        "Not posted: {customer} is on hold.",
        "未过账：{customer} 已暂停赊销。",
    ),
    (
        "Not posted: {customer} is over its credit limit: limit {limit}, balance {balance}, this document {amount} would take it {over} over.",
        "未过账：{customer} 超出信用额度：额度 {limit}，余额 {balance}，本单据 {amount} 将超出 {over}。",
    ),
    ("Override…", "强制过账…"),
    ("Reason for the override…", "强制过账原因…"),
    ("Post with override", "强制过账"),
    (
        "{number} posted with an override: {amount} in {count} item(s), first due {due}.",
        "{number} 已强制过账：{amount}，共 {count} 笔，首笔 {due} 到期。",
    ),
];
