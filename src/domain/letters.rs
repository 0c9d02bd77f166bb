//! Demand letters: the escalation ladder (friendly reminder → second notice → final
//! demand → lawyer's letter), the payment reminder before the due date (level 0, not a
//! rung of the ladder), each level's template with merge fields, and the default texts
//! in English and Simplified Chinese.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::{self, NAME_MAX, TEXT_MAX, TextError};

/// A letter's level: a rung of the escalation ladder (1–4, [`Level::ALL`]), or the
/// payment reminder before the due date (0), which lists items falling due, not overdue
/// ones, and is no rung: the ladder never counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    BeforeDue = 0,
    Reminder = 1,
    SecondNotice = 2,
    FinalDemand = 3,
    Legal = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Reminder,
        Level::SecondNotice,
        Level::FinalDemand,
        Level::Legal,
    ];

    /// Every level with a letter text: the payment reminder, then the rungs.
    pub const EVERY: [Level; 5] = [
        Level::BeforeDue,
        Level::Reminder,
        Level::SecondNotice,
        Level::FinalDemand,
        Level::Legal,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }
    /// The rung numbered `n` (1–4); the payment reminder is [`Level::any_from_number`].
    pub fn from_number(n: u8) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.number() == n)
    }
    /// Any level numbered `n`, 0 (the payment reminder) included.
    pub fn any_from_number(n: u8) -> Option<Level> {
        Level::EVERY.into_iter().find(|l| l.number() == n)
    }
    /// Whether this is a rung of the ladder (not the payment reminder).
    pub fn is_rung(self) -> bool {
        self != Level::BeforeDue
    }
    /// Days the oldest overdue item must be past due before this level is sent (0 for
    /// the payment reminder, which goes `letter.0.days_before` days before the due date).
    pub fn default_threshold_days(self) -> i64 {
        match self {
            Level::BeforeDue => 0,
            Level::Reminder => 1,
            Level::SecondNotice => 15,
            Level::FinalDemand => 30,
            Level::Legal => 60,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Level::BeforeDue => "payment reminder",
            Level::Reminder => "friendly reminder",
            Level::SecondNotice => "second notice",
            Level::FinalDemand => "final demand",
            Level::Legal => "notice before legal action",
        }
    }
}

/// One level's letter: `{field}`s are merged; a paragraph that is exactly `{items}` is
/// replaced by the table of overdue items (of the items falling due, at level 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterTemplate {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub closing: String,
}

/// The merge fields a template may use. `{total_due}` and `{due_date}` are the total
/// and the first due date of the items the letter lists: at level 0 the items falling
/// due, at levels 1–4 the overdue ones (the same as `{total_overdue}` and
/// `{oldest_due_date}`).
pub const MERGE_FIELDS: [&str; 10] = [
    "{customer}",
    "{contact}",
    "{total_overdue}",
    "{oldest_due_date}",
    "{days_overdue}",
    "{deadline}",
    "{company}",
    "{items}",
    "{total_due}",
    "{due_date}",
];

/// Replaces every known `{field}` in `text`; unknown braces are left as written.
pub fn merge(text: &str, fields: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('}') {
            Some(end) => {
                let key = &after[1..end];
                match fields.get(key) {
                    Some(value) => out.push_str(value),
                    None => out.push_str(&after[..=end]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Why a letter template or the day thresholds are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    #[error("unknown merge field {field}; the fields are {}", MERGE_FIELDS.join(" "))]
    UnknownField { field: String },
    #[error("a '{{' without its '}}': write merge fields like {{customer}}")]
    Unclosed,
    #[error("the title is empty")]
    EmptyTitle,
    #[error("the letter has no paragraphs")]
    NoParagraphs,
    #[error("{{items}} (the table of overdue items) must be a paragraph on its own")]
    ItemsInline,
    #[error("level {level}: '{text}' is not a whole number of days from 1 to {MAX_THRESHOLD_DAYS}")]
    BadDays { level: u8, text: String },
    #[error(
        "level {level} ({days} days) must come after level {previous} ({previous_days} days): the thresholds must increase"
    )]
    NotIncreasing {
        level: u8,
        days: i64,
        previous: u8,
        previous_days: i64,
    },
    #[error(transparent)]
    Text(#[from] TextError),
}

/// The most days past due a threshold may be.
pub const MAX_THRESHOLD_DAYS: i64 = 3650;

/// Checks that every `{…}` in `text` is a known merge field.
pub fn check_fields(text: &str) -> Result<(), LetterError> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            return Err(LetterError::Unclosed);
        };
        let field = &after[..=end];
        if field[1..].contains('{') {
            return Err(LetterError::Unclosed);
        }
        if !MERGE_FIELDS.contains(&field) {
            return Err(LetterError::UnknownField {
                field: field.to_string(),
            });
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// A letter's title: not empty, known merge fields, no items table.
pub fn check_title(title: &str) -> Result<(), LetterError> {
    if text::is_blank(title) {
        return Err(LetterError::EmptyTitle);
    }
    text::check_line("title", title, NAME_MAX)?;
    check_fields(title)?;
    not_inline(title)
}

/// A letter's paragraphs: at least one, known merge fields, `{items}` only on its own.
pub fn check_paragraphs(paragraphs: &[String]) -> Result<(), LetterError> {
    if paragraphs.iter().all(|p| p.trim().is_empty()) {
        return Err(LetterError::NoParagraphs);
    }
    for paragraph in paragraphs {
        text::check_multiline("paragraph", paragraph, TEXT_MAX)?;
        check_fields(paragraph)?;
        if paragraph.trim() != "{items}" {
            not_inline(paragraph)?;
        }
    }
    Ok(())
}

/// A letter's closing (may be empty): known merge fields, no items table.
pub fn check_closing(closing: &str) -> Result<(), LetterError> {
    text::check_multiline("closing", closing, TEXT_MAX)?;
    check_fields(closing)?;
    not_inline(closing)
}

fn not_inline(text: &str) -> Result<(), LetterError> {
    if text.contains("{items}") {
        Err(LetterError::ItemsInline)
    } else {
        Ok(())
    }
}

impl LetterTemplate {
    /// The first thing wrong with the template, if anything is.
    pub fn validate(&self) -> Result<(), LetterError> {
        check_title(&self.title)?;
        check_paragraphs(&self.paragraphs)?;
        check_closing(&self.closing)
    }

    /// The paragraphs as one text, separated by blank lines (how they are edited).
    pub fn paragraphs_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Paragraphs from text separated by blank lines; single line breaks stay inside a
/// paragraph.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Parses one level's threshold in days.
pub fn parse_days(level: Level, text: &str) -> Result<i64, LetterError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_THRESHOLD_DAYS).contains(d))
        .ok_or_else(|| LetterError::BadDays {
            level: level.number(),
            text: text.trim().to_string(),
        })
}

/// Checks the thresholds, in [`Level::ALL`] order, are in range and strictly increase.
pub fn check_thresholds(days: &[i64; 4]) -> Result<(), LetterError> {
    for (index, level) in Level::ALL.into_iter().enumerate() {
        if !(1..=MAX_THRESHOLD_DAYS).contains(&days[index]) {
            return Err(LetterError::BadDays {
                level: level.number(),
                text: days[index].to_string(),
            });
        }
        if index > 0 && days[index] <= days[index - 1] {
            return Err(LetterError::NotIncreasing {
                level: level.number(),
                days: days[index],
                previous: Level::ALL[index - 1].number(),
                previous_days: days[index - 1],
            });
        }
    }
    Ok(())
}

/// The default thresholds, in [`Level::ALL`] order.
pub fn default_thresholds() -> [i64; 4] {
    Level::ALL.map(Level::default_threshold_days)
}

/// The text a level's letter starts with, in English or Simplified Chinese.
pub fn default_template(level: Level, chinese: bool) -> LetterTemplate {
    let t = |title: &str, paragraphs: &[&str], closing: &str| LetterTemplate {
        title: title.into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        closing: closing.into(),
    };
    match (level, chinese) {
        (Level::BeforeDue, false) => t(
            "Payment reminder",
            &[
                "Dear {contact},",
                "This is a friendly reminder that the following items on the account of {customer} fall due shortly, the first of them on {due_date}: {total_due} in all.",
                "{items}",
                "We would be grateful if you could arrange payment by the due dates. If you have already paid, thank you, and please disregard this letter.",
            ],
            "Kind regards,\n{company}",
        ),
        (Level::BeforeDue, true) => t(
            "付款提醒：款项即将到期",
            &[
                "尊敬的{contact}：",
                "温馨提示：{customer}账户下的以下款项即将到期，最早一笔于{due_date}到期，合计{total_due}。",
                "{items}",
                "烦请在到期日前安排付款。如您已付款，谢谢，请忽略本函。",
            ],
            "此致\n敬礼\n{company}",
        ),
        (Level::Reminder, false) => t(
            "Friendly payment reminder",
            &[
                "Dear {contact},",
                "Our records show that the following items on the account of {customer} are past due. It may simply have been overlooked, so we would be grateful if you could arrange payment of {total_overdue} at your earliest convenience.",
                "{items}",
                "If you have already paid, thank you, and please disregard this letter. If anything on the account is unclear, just let us know.",
            ],
            "Kind regards,\n{company}",
        ),
        (Level::SecondNotice, false) => t(
            "Second notice: payment overdue",
            &[
                "Dear {contact},",
                "We wrote to you recently about the overdue balance on the account of {customer}. We have not yet received payment. The oldest item fell due on {oldest_due_date} and is now {days_overdue} days overdue.",
                "{items}",
                "Please pay {total_overdue} now, or contact us today to agree how it will be settled.",
            ],
            "Yours sincerely,\n{company}",
        ),
        (Level::FinalDemand, false) => t(
            "Final demand for payment",
            &[
                "Dear {contact},",
                "Despite our earlier letters, {total_overdue} remains unpaid on the account of {customer}, the oldest item being {days_overdue} days overdue.",
                "{items}",
                "Unless the full amount is received by {deadline}, we will stop further supplies on credit and pass the matter on for recovery without further notice.",
            ],
            "Yours faithfully,\n{company}",
        ),
        (Level::Legal, false) => t(
            "Notice before legal action",
            &[
                "Dear {contact},",
                "We give you formal notice that {customer} owes {company} the sum of {total_overdue}, which is overdue despite repeated requests for payment. The oldest item fell due on {oldest_due_date}.",
                "{items}",
                "If payment in full is not received by {deadline}, we intend to begin legal proceedings to recover the debt, together with interest and costs, without further notice to you.",
            ],
            "Yours faithfully,\n{company}",
        ),
        (Level::Reminder, true) => t(
            "付款提醒",
            &[
                "尊敬的{contact}：",
                "根据我方记录，{customer}账户下的以下款项已逾期。可能是一时疏忽，烦请尽早安排支付{total_overdue}。",
                "{items}",
                "如您已付款，谢谢，请忽略本函。如对账目有任何疑问，请随时与我们联系。",
            ],
            "此致\n敬礼\n{company}",
        ),
        (Level::SecondNotice, true) => t(
            "第二次催款通知",
            &[
                "尊敬的{contact}：",
                "我方日前已就{customer}账户的逾期款项致函贵方，但至今尚未收到付款。最早一笔款项于{oldest_due_date}到期，现已逾期{days_overdue}天。",
                "{items}",
                "请立即支付{total_overdue}，或于今日与我们联系，商定付款安排。",
            ],
            "此致\n敬礼\n{company}",
        ),
        (Level::FinalDemand, true) => t(
            "最后催款通知",
            &[
                "尊敬的{contact}：",
                "尽管我方此前多次致函，{customer}账户仍有{total_overdue}未付，最早一笔已逾期{days_overdue}天。",
                "{items}",
                "如在{deadline}前仍未收到全部款项，我方将停止赊销供货，并将本事项移交追收，恕不另行通知。",
            ],
            "此致\n敬礼\n{company}",
        ),
        (Level::Legal, true) => t(
            "律师函前通知",
            &[
                "尊敬的{contact}：",
                "特此正式通知：{customer}尚欠{company}款项共计{total_overdue}，经多次催告仍未支付。最早一笔款项于{oldest_due_date}到期。",
                "{items}",
                "如在{deadline}前仍未全额付款，我方将依法提起诉讼，追讨欠款及相关利息和费用，恕不另行通知。",
            ],
            "此致\n敬礼\n{company}",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_fills_known_fields_and_keeps_unknown_braces() {
        let mut fields = BTreeMap::new();
        fields.insert("customer", "Acme Ltd".to_string());
        fields.insert("total_overdue", "EUR 1,200.00".to_string());
        assert_eq!(
            merge("{customer} owes {total_overdue} {unknown} {", &fields),
            "Acme Ltd owes EUR 1,200.00 {unknown} {"
        );
    }

    #[test]
    fn every_default_uses_only_known_fields_and_has_an_items_table() {
        for level in Level::EVERY {
            for chinese in [false, true] {
                let t = default_template(level, chinese);
                assert!(t.paragraphs.iter().any(|p| p == "{items}"), "{level:?}");
                for text in t.paragraphs.iter().chain([&t.title, &t.closing]) {
                    let mut rest = text.as_str();
                    while let Some(start) = rest.find('{') {
                        let end = rest[start..].find('}').unwrap() + start;
                        let field = &rest[start..=end];
                        assert!(MERGE_FIELDS.contains(&field), "{field} in {level:?}");
                        rest = &rest[end + 1..];
                    }
                }
                if matches!(level, Level::FinalDemand | Level::Legal) {
                    assert!(t.paragraphs.iter().any(|p| p.contains("{deadline}")));
                }
            }
        }
    }

    #[test]
    fn templates_are_checked() {
        let mut t = default_template(Level::Reminder, false);
        assert_eq!(t.validate(), Ok(()));
        t.paragraphs[1].push_str(" {amount}");
        let error = t.validate().unwrap_err();
        assert_eq!(
            error,
            LetterError::UnknownField {
                field: "{amount}".into()
            }
        );
        assert!(error.to_string().contains("{total_overdue}"));
        t = default_template(Level::Reminder, true);
        t.closing = "{company".into();
        assert_eq!(t.validate(), Err(LetterError::Unclosed));
        t.closing = "see {items}".into();
        assert_eq!(t.validate(), Err(LetterError::ItemsInline));
        t.title = " ".into();
        assert_eq!(t.validate(), Err(LetterError::EmptyTitle));
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let t = default_template(Level::Legal, false);
        assert_eq!(split_paragraphs(&t.paragraphs_text()), t.paragraphs);
        assert_eq!(
            split_paragraphs("a\nb\n\n\n  \nc\r\n\r\nd  \n"),
            ["a\nb", "c", "d"]
        );
    }

    #[test]
    fn thresholds_must_increase() {
        assert_eq!(check_thresholds(&default_thresholds()), Ok(()));
        assert!(matches!(
            check_thresholds(&[1, 15, 15, 60]),
            Err(LetterError::NotIncreasing { level: 3, .. })
        ));
        assert!(matches!(
            check_thresholds(&[0, 15, 30, 60]),
            Err(LetterError::BadDays { level: 1, .. })
        ));
        assert_eq!(parse_days(Level::Legal, " 90 "), Ok(90));
        assert!(parse_days(Level::Legal, "ninety").is_err());
    }
}
