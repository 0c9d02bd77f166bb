//! Simplified Chinese for early-payment discounts: the document kind in the ledger, the
//! terms field's hint, the discount still open to an item, and the payment and void
//! notices that name one.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("discount", "现金折扣"),
    (
        "Terms (net 30, eom 15, receipt, 2/10 net 30)",
        "付款条件（net 30、eom 15、receipt、2/10 net 30）",
    ),
    (
        "pay {pay} by {date}: {percent}% discount of {discount}",
        "{date} 前付 {pay} 即结清：享 {percent}% 现金折扣 {discount}",
    ),
    (
        "Discount {number} of {amount} taken on {invoice} ({terms}).",
        "已对 {invoice} 计入现金折扣 {number}：{amount}（{terms}）。",
    ),
    (
        "Its discount {number} is void too.",
        "其现金折扣 {number} 一并作废。",
    ),
    (
        "It earns no early-payment discount: only an invoice due in one item does.",
        "本单不享现金折扣：仅一次到期的发票可享。",
    ),
    (
        "Earns a discount of {amount} on {invoice}.",
        "可对 {invoice} 享现金折扣 {amount}。",
    ),
];
