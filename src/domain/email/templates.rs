//! The emails' built-in subjects and bodies, in English and Chinese: short, polite
//! covering notes (the letter or statement itself is the attached PDF). A book may
//! replace any of them (`owed settings set email.…`).

use super::{EmailKind, EmailTemplate};
use crate::domain::letters::Level;

/// The built-in template of `kind` in English or Chinese.
pub fn default_template(kind: EmailKind, chinese: bool) -> EmailTemplate {
    let (subject, body) = if chinese {
        chinese_texts(kind)
    } else {
        english_texts(kind)
    };
    EmailTemplate {
        subject: subject.to_string(),
        body: body.to_string(),
    }
}

fn english_texts(kind: EmailKind) -> (&'static str, &'static str) {
    match kind {
        EmailKind::Statement => (
            "Your statement for {period} from {company}",
            "Dear {contact},\n\n\
             Please find attached your statement for {period}. The amount due now is {total_due}.\n\n\
             If you have already paid, thank you, and please disregard this message. If anything \
             on the statement looks wrong, simply reply to this email and we will look into it.\n\n\
             Kind regards,\n{company}",
        ),
        EmailKind::Letter(Level::BeforeDue) => (
            "Payment reminder: {total_due} due on {due_date}",
            "Dear {contact},\n\n\
             This is a friendly reminder that {total_due} falls due on {due_date}. The details \
             are in the attached reminder.\n\n\
             If payment is already on its way, thank you.\n\n\
             Kind regards,\n{company}",
        ),
        EmailKind::Letter(Level::Reminder) => (
            "Reminder: {total_overdue} overdue",
            "Dear {contact},\n\n\
             Our records show {total_overdue} overdue since {oldest_due_date}. We would be \
             grateful if you could pay by {deadline}. The attached letter lists the items.\n\n\
             If you have already paid, thank you, and please disregard this message.\n\n\
             Kind regards,\n{company}",
        ),
        EmailKind::Letter(Level::SecondNotice) => (
            "Second notice: {total_overdue} overdue",
            "Dear {contact},\n\n\
             We wrote to you about {total_overdue}, overdue since {oldest_due_date}, and have \
             not yet received payment. Please pay by {deadline}, or reply to tell us when you \
             will. The attached letter lists the items.\n\n\
             Kind regards,\n{company}",
        ),
        EmailKind::Letter(Level::FinalDemand) => (
            "Final notice: {total_overdue} overdue, please pay by {deadline}",
            "Dear {contact},\n\n\
             Despite our earlier letters, {total_overdue} is still overdue, the oldest item for \
             {days_overdue} days. This is our final notice: please pay in full by {deadline}. \
             The attached letter sets out the items and what happens otherwise.\n\n\
             Yours sincerely,\n{company}",
        ),
        EmailKind::Letter(Level::Legal) => (
            "Notice before legal action: {total_overdue} overdue",
            "Dear {contact},\n\n\
             {total_overdue} remains unpaid despite our reminders. Unless it is paid in full by \
             {deadline}, we intend to start legal proceedings without further notice. Please \
             read the attached letter carefully.\n\n\
             Yours faithfully,\n{company}",
        ),
    }
}

fn chinese_texts(kind: EmailKind) -> (&'static str, &'static str) {
    match kind {
        EmailKind::Statement => (
            "{company} {period} 对账单",
            "{contact}，您好：\n\n\
             附件是贵方 {period} 的对账单，目前应付金额为 {total_due}。\n\n\
             如已付款，谢谢，请忽略本邮件。如对账单有任何疑问，请直接回复本邮件，我们会尽快核实。\n\n\
             此致\n{company}",
        ),
        EmailKind::Letter(Level::BeforeDue) => (
            "付款提醒：{total_due} 将于 {due_date} 到期",
            "{contact}，您好：\n\n\
             温馨提醒：{total_due} 将于 {due_date} 到期，明细见附件中的付款提醒。\n\n\
             如已安排付款，谢谢。\n\n\
             此致\n{company}",
        ),
        EmailKind::Letter(Level::Reminder) => (
            "催款提醒：逾期 {total_overdue}",
            "{contact}，您好：\n\n\
             我方记录显示，自 {oldest_due_date} 起有 {total_overdue} 逾期未付。烦请于 {deadline} \
             前付款，明细见附件中的催款函。\n\n\
             如已付款，谢谢，请忽略本邮件。\n\n\
             此致\n{company}",
        ),
        EmailKind::Letter(Level::SecondNotice) => (
            "第二次通知：逾期 {total_overdue}",
            "{contact}，您好：\n\n\
             我方此前已就自 {oldest_due_date} 起逾期的 {total_overdue} 去函，至今尚未收到付款。\
             请于 {deadline} 前付款，或回复告知付款日期。明细见附件中的催款函。\n\n\
             此致\n{company}",
        ),
        EmailKind::Letter(Level::FinalDemand) => (
            "最后催告：逾期 {total_overdue}，请于 {deadline} 前付款",
            "{contact}，您好：\n\n\
             尽管我方已多次去函，{total_overdue} 仍逾期未付，最早一笔已逾期 {days_overdue} 天。\
             此为最后催告：请于 {deadline} 前全额付款。明细及逾期后果见附件中的催款函。\n\n\
             此致\n{company}",
        ),
        EmailKind::Letter(Level::Legal) => (
            "诉讼前通知：逾期 {total_overdue}",
            "{contact}，您好：\n\n\
             经多次催告，{total_overdue} 仍未支付。如未能于 {deadline} 前全额付款，我方将不再另行\
             通知，直接提起法律程序。请仔细阅读附件中的函件。\n\n\
             此致\n{company}",
        ),
    }
}
