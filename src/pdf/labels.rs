//! The fixed words printed on statements and letters, in English and Simplified Chinese.

use crate::domain::company::Locale;
use crate::domain::document::DocKind;
use crate::domain::printed::StatementKind;

/// Every fixed text of a printed document in one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub chinese: bool,
    pub statement_title: &'static str,
    /// The title of the file with every letter of a run.
    pub letters_title: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub tax_id: &'static str,
    pub attention: &'static str,
    pub statement_date: &'static str,
    pub period: &'static str,
    pub customer: &'static str,
    pub date: &'static str,
    pub number: &'static str,
    pub due: &'static str,
    pub days_overdue: &'static str,
    pub original: &'static str,
    pub open: &'static str,
    pub kind: &'static str,
    pub memo: &'static str,
    pub debit: &'static str,
    pub credit: &'static str,
    pub balance: &'static str,
    pub brought_forward: &'static str,
    pub closing_balance: &'static str,
    pub period_total: &'static str,
    pub unapplied: &'static str,
    pub unapplied_short: &'static str,
    /// After the number of an item in an open dispute.
    pub in_dispute: &'static str,
    pub total_open: &'static str,
    pub aging: &'static str,
    pub amount_due: &'static str,
    pub total_balance: &'static str,
    pub how_to_pay: &'static str,
    pub continued: &'static str,
    pub nothing_open: &'static str,
    pub letter_date: &'static str,
    pub pay_by: &'static str,
    pub total_overdue: &'static str,
    /// The total of a payment reminder's items, which are not overdue yet.
    pub total_falling_due: &'static str,
    pub invoice_date: &'static str,
    /// The aging report's title, and what its days count from.
    pub aging_title: &'static str,
    pub by_due_date: &'static str,
    pub by_invoice_date: &'static str,
    pub code: &'static str,
    pub customer_name: &'static str,
    pub total: &'static str,
    pub customers: &'static str,
}

const EN: Labels = Labels {
    chinese: false,
    statement_title: "Statement of account",
    letters_title: "Letters",
    phone: "Tel.",
    email: "Email",
    tax_id: "Tax ID",
    attention: "Attn.",
    statement_date: "Statement date",
    period: "Period",
    customer: "Customer no.",
    date: "Date",
    number: "Number",
    due: "Due date",
    days_overdue: "Days overdue",
    original: "Original",
    open: "Open",
    kind: "Type",
    memo: "Memo",
    debit: "Debit",
    credit: "Credit",
    balance: "Balance",
    brought_forward: "Balance brought forward",
    closing_balance: "Closing balance",
    period_total: "Total for the period",
    unapplied: "Unapplied credit",
    unapplied_short: "Unapplied",
    in_dispute: "in dispute",
    total_open: "Total open",
    aging: "Aging as of",
    amount_due: "Amount due now",
    total_balance: "Balance",
    how_to_pay: "How to pay",
    continued: "continued",
    nothing_open: "Nothing is open on your account. Thank you.",
    letter_date: "Date",
    pay_by: "Pay by",
    total_overdue: "Total overdue",
    total_falling_due: "Total falling due",
    invoice_date: "Invoice date",
    aging_title: "Aging report",
    by_due_date: "by days past the due date",
    by_invoice_date: "by days since the invoice date",
    code: "Code",
    customer_name: "Customer",
    total: "Total",
    customers: "customers",
};

const ZH: Labels = Labels {
    chinese: true,
    statement_title: "对账单",
    letters_title: "催款函",
    phone: "电话",
    email: "电邮",
    tax_id: "税号",
    attention: "收件人：",
    statement_date: "对账日期",
    period: "期间",
    customer: "客户编号",
    date: "日期",
    number: "单号",
    due: "到期日",
    days_overdue: "逾期天数",
    original: "原始金额",
    open: "未付金额",
    kind: "类型",
    memo: "备注",
    debit: "借方",
    credit: "贷方",
    balance: "余额",
    brought_forward: "上期结转余额",
    closing_balance: "期末余额",
    period_total: "本期合计",
    unapplied: "未核销款项",
    unapplied_short: "预收款",
    in_dispute: "争议中",
    total_open: "未付合计",
    aging: "账龄截至",
    amount_due: "现应付金额",
    total_balance: "余额",
    how_to_pay: "付款方式",
    continued: "续",
    nothing_open: "您的账户没有未付款项，谢谢。",
    letter_date: "日期",
    pay_by: "付款期限",
    total_overdue: "逾期合计",
    total_falling_due: "即将到期合计",
    invoice_date: "开票日期",
    aging_title: "应收账款账龄表",
    by_due_date: "按逾期天数",
    by_invoice_date: "按开票后天数",
    code: "编号",
    customer_name: "客户",
    total: "合计",
    customers: "位客户",
};

impl Labels {
    pub fn for_locale(locale: Locale) -> Labels {
        if locale.is_chinese() { ZH } else { EN }
    }

    /// The line under an item whose early-payment discount can still be taken.
    pub fn discount_offer(&self, pay: &str, by: &str, percent: &str, discount: &str) -> String {
        if self.chinese {
            format!("{by} 前付款 {pay} 即结清：享 {percent}% 现金折扣 {discount}")
        } else {
            format!(
                "Pay {pay} by {by} to settle it: {percent}% early-payment discount of {discount}"
            )
        }
    }

    /// How many customers a report lists, grouped as the book groups its amounts:
    /// "1 customer", "10,000 customers", "10,000 位客户".
    pub fn customer_count(&self, n: usize, format: crate::domain::NumberFormat) -> String {
        let count = format.write(&n.to_string(), true);
        match (self.chinese, n) {
            (true, _) => format!("{count} {}", self.customers),
            (false, 1) => "1 customer".to_string(),
            (false, _) => format!("{count} {}", self.customers),
        }
    }

    pub fn page_of(&self, n: usize, m: usize) -> String {
        if self.chinese {
            format!("第 {n} 页，共 {m} 页")
        } else {
            format!("Page {n} of {m}")
        }
    }

    pub fn statement_kind(&self, kind: StatementKind) -> &'static str {
        match (kind, self.chinese) {
            (StatementKind::OpenItem, false) => "Open items",
            (StatementKind::BalanceForward, false) => "Balance forward",
            (StatementKind::Activity, false) => "Activity",
            (StatementKind::OpenItem, true) => "未付款项明细",
            (StatementKind::BalanceForward, true) => "余额结转",
            (StatementKind::Activity, true) => "本期往来",
        }
    }

    pub fn doc_kind(&self, kind: DocKind) -> &'static str {
        match (kind, self.chinese) {
            (DocKind::Invoice, false) => "Invoice",
            (DocKind::Fee, false) => "Fee",
            (DocKind::Refund, false) => "Refund",
            (DocKind::Payment, false) => "Payment",
            (DocKind::Credit, false) => "Credit note",
            (DocKind::WriteOff, false) => "Write-off",
            (DocKind::Void, false) => "Void",
            (DocKind::Discount, false) => "Discount",
            (DocKind::Invoice, true) => "发票",
            (DocKind::Fee, true) => "费用",
            (DocKind::Refund, true) => "退款",
            (DocKind::Payment, true) => "付款",
            (DocKind::Credit, true) => "贷项通知",
            (DocKind::WriteOff, true) => "核销",
            (DocKind::Void, true) => "作废",
            (DocKind::Discount, true) => "现金折扣",
        }
    }

    /// An aging column label ("Current", "1-30", "90+") in this language.
    pub fn bucket(&self, label: &str) -> String {
        match (self.chinese, label) {
            (true, "Current") => "未到期".into(),
            (true, l) => format!("{l} 天"),
            (false, l) => l.to_string(),
        }
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;
    use crate::domain::NumberFormat;

    #[test]
    fn a_count_of_customers_is_said_in_the_singular_and_grouped() {
        let english = Labels::for_locale(Locale::En);
        assert_eq!(english.customer_count(1, NumberFormat::Point), "1 customer");
        assert_eq!(
            english.customer_count(10000, NumberFormat::Point),
            "10,000 customers"
        );
        assert_eq!(
            english.customer_count(10000, NumberFormat::CommaDot),
            "10.000 customers"
        );
        let chinese = Labels::for_locale(Locale::ZhCn);
        assert_eq!(chinese.customer_count(1, NumberFormat::Point), "1 位客户");
    }
}
