//! Pure accounts-receivable rules and types: money, terms, documents, allocation,
//! aging and the customer ledger. Nothing here touches files, SQLite or the screen, so
//! every rule can be tested with plain values.

pub mod aging;
pub mod allocation;
pub mod analytics;
pub mod company;
pub mod customer;
pub mod document;
pub mod email;
pub mod file_kind;
pub mod forecast;
pub mod ids;
pub mod interest;
pub mod ladder;
pub mod ledger;
pub mod letters;
pub mod money;
pub mod note;
pub mod policy;
pub mod printed;
pub mod retention;
pub mod risk;
pub mod terms;
pub mod text;

pub use money::{Currency, Money, MoneyError, NumberFormat};

/// The first and last day a date in the book may be: far enough for any real history
/// and any due date, near enough that every date prints as four digits.
pub const FIRST_DATE: (i32, u32, u32) = (1900, 1, 1);
pub const LAST_DATE: (i32, u32, u32) = (2199, 12, 31);

/// Parses a calendar date written `YYYY-MM-DD`; impossible dates (2026-02-30) and dates
/// outside 1900-01-01..2199-12-31 are refused.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, DateError> {
    let typed = text.trim();
    let date = chrono::NaiveDate::parse_from_str(typed, "%Y-%m-%d")
        .map_err(|_| DateError::NotADate(typed.to_string()))?;
    check_date(date).map_err(|_| DateError::OutOfRange(typed.to_string()))
}

/// `date` if it lies in the range the book keeps (see [`parse_date`]).
pub fn check_date(date: chrono::NaiveDate) -> Result<chrono::NaiveDate, DateError> {
    let day = |(y, m, d): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, d);
    if day(FIRST_DATE).is_some_and(|first| date < first)
        || day(LAST_DATE).is_some_and(|last| date > last)
    {
        return Err(DateError::OutOfRange(date.to_string()));
    }
    Ok(date)
}

/// A date that is not a real `YYYY-MM-DD` calendar date, or one outside the book's range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date of the form YYYY-MM-DD")]
    NotADate(String),
    #[error("'{0}' is outside the dates a book keeps (1900-01-01 to 2199-12-31)")]
    OutOfRange(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_and_in_range() {
        assert_eq!(
            parse_date(" 2026-02-28 ").unwrap().to_string(),
            "2026-02-28"
        );
        assert_eq!(parse_date("1900-01-01").unwrap().to_string(), "1900-01-01");
        assert_eq!(parse_date("2199-12-31").unwrap().to_string(), "2199-12-31");
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(DateError::NotADate(_))
        ));
        for far in [
            "9999-12-31",
            "1899-12-31",
            "2200-01-01",
            "+10000-01-01",
            "0001-01-01",
        ] {
            let error = parse_date(far).unwrap_err();
            assert!(
                matches!(error, DateError::OutOfRange(_) | DateError::NotADate(_)),
                "{far}"
            );
            assert!(
                error.to_string().contains(far.trim_start_matches('+'))
                    || error.to_string().contains(far),
                "{error}"
            );
        }
        assert!(matches!(
            parse_date("9999-12-31"),
            Err(DateError::OutOfRange(_))
        ));
    }
}
