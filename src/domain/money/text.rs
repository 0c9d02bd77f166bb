//! Amount text as people write it: the one parser for every amount typed or loaded
//! (command line, forms, `load`, `--apply INV:AMOUNT`, `import assign`), following the
//! book's number format, and the matching way to print amounts for people.
//!
//! A comma means one thing in a book: in a decimal-point book (en, en-US, en-GB, zh-CN)
//! it may only group thousands (`1,250.00`), so `12,50` is refused rather than read as
//! 1250; in a decimal-comma book (de-DE, fr-FR, nl-NL, pl-PL) it is the decimal mark.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::MoneyError;

/// How a book writes numbers: its decimal mark and the marks that group thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum NumberFormat {
    /// `1,234.56` (en, en-US, en-GB, zh-CN).
    #[default]
    Point,
    /// `1.234,56` (de-DE, nl-NL); a space or thin space also groups.
    CommaDot,
    /// `1 234,56` (fr-FR, pl-PL): a space, no-break space, narrow no-break space or thin
    /// space groups thousands.
    CommaSpace,
}

/// The spaces accepted between thousands: space, no-break space, thin space, narrow
/// no-break space (what the locales' own software writes).
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{2009}', '\u{202f}'];

impl NumberFormat {
    pub fn decimal_mark(self) -> char {
        match self {
            NumberFormat::Point => '.',
            NumberFormat::CommaDot | NumberFormat::CommaSpace => ',',
        }
    }

    /// The mark printed between thousands. A no-break space for the space formats: it is
    /// in every font we ship, and a line never breaks inside an amount.
    pub fn group_mark(self) -> char {
        match self {
            NumberFormat::Point => ',',
            NumberFormat::CommaDot => '.',
            NumberFormat::CommaSpace => '\u{a0}',
        }
    }

    fn groups_with(self, c: char) -> bool {
        match self {
            NumberFormat::Point => c == ',',
            NumberFormat::CommaDot => c == '.' || SPACES.contains(&c),
            NumberFormat::CommaSpace => SPACES.contains(&c),
        }
    }

    /// An amount as accepted here, for messages.
    pub fn example(self) -> &'static str {
        match self {
            NumberFormat::Point => "1,234.50 or 1234.50",
            NumberFormat::CommaDot => "1.234,50 or 1234,50",
            NumberFormat::CommaSpace => "1 234,50 or 1234,50",
        }
    }

    /// Puts plain text (`-1234.50`, as `Decimal` prints) into this format, with the
    /// thousands grouped when `grouped`.
    pub fn write(self, plain: &str, grouped: bool) -> String {
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 1);
        out.push_str(sign);
        for (i, ch) in whole.chars().enumerate() {
            if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(self.group_mark());
            }
            out.push(ch);
        }
        if let Some(f) = frac {
            out.push(self.decimal_mark());
            out.push_str(f);
        }
        out
    }

    /// Reads `text` in this format into an exact decimal (its scale not yet checked).
    /// Refused, with the text and an example of what is accepted: a comma or point in
    /// the wrong role, badly grouped thousands (`1,25.00`, `1,2,3`), exponents, `NaN`,
    /// `inf`, a leading `+`, and anything else that is not digits.
    pub fn read(self, text: &str) -> Result<Decimal, MoneyError> {
        let shown = text.trim();
        let refuse = || MoneyError::NotAnAmount {
            text: shown.to_string(),
            example: self.example(),
        };
        let body = shown.strip_prefix('-').unwrap_or(shown);
        let negative = body.len() != shown.len();
        let mut parts = body.split(self.decimal_mark());
        let whole = parts.next().unwrap_or_default();
        let fraction = parts.next();
        if parts.next().is_some() {
            return Err(refuse());
        }
        let whole = self.ungroup(whole).ok_or_else(refuse)?;
        let fraction = match fraction {
            Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => f,
            Some(_) => return Err(refuse()),
            None => "",
        };
        if whole.is_empty() && fraction.is_empty() {
            return Err(refuse());
        }
        let mut plain = String::with_capacity(whole.len() + fraction.len() + 3);
        if negative {
            plain.push('-');
        }
        plain.push_str(if whole.is_empty() { "0" } else { &whole });
        if !fraction.is_empty() {
            plain.push('.');
            plain.push_str(fraction);
        }
        // Only digits, one point and a sign are left; a value that still does not fit
        // a Decimal (29 digits or more) is simply too large.
        Decimal::from_str(&plain).map_err(|_| MoneyError::TooLarge(shown.to_string()))
    }

    /// The digits of the whole part, if any thousands marks in it are where they belong:
    /// one to three digits first, then groups of exactly three, all with the same mark.
    fn ungroup(self, whole: &str) -> Option<String> {
        if whole.bytes().all(|b| b.is_ascii_digit()) {
            return Some(whole.to_string());
        }
        let mark = whole.chars().find(|c| !c.is_ascii_digit())?;
        if !self.groups_with(mark) {
            return None;
        }
        let mut groups = whole.split(mark);
        let first = groups.next()?;
        let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
        let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        (first_ok && rest_ok).then(|| whole.replace(mark, ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: NumberFormat, text: &str) -> Option<String> {
        format.read(text).ok().map(|d| d.to_string())
    }

    #[test]
    fn a_comma_in_a_point_book_only_groups_thousands() {
        let p = NumberFormat::Point;
        assert_eq!(read(p, "1,250.00").as_deref(), Some("1250.00"));
        assert_eq!(read(p, "12,345,678.90").as_deref(), Some("12345678.90"));
        assert_eq!(read(p, "-1,250").as_deref(), Some("-1250"));
        assert_eq!(read(p, " 12.50 ").as_deref(), Some("12.50"));
        assert_eq!(read(p, ".5").as_deref(), Some("0.5"));
        for refused in [
            "12,50", "1,2,3", "1,25.00", ",250", "1,250,", "1.250,00", "12.5.0", "12.",
        ] {
            assert_eq!(read(p, refused), None, "{refused}");
        }
        let message = p.read("12,50").unwrap_err().to_string();
        assert!(
            message.contains("'12,50'") && message.contains("1,234.50"),
            "{message}"
        );
    }

    #[test]
    fn decimal_comma_books() {
        let de = NumberFormat::CommaDot;
        assert_eq!(read(de, "12,50").as_deref(), Some("12.50"));
        assert_eq!(read(de, "1.250,00").as_deref(), Some("1250.00"));
        assert_eq!(read(de, "1 250,00").as_deref(), Some("1250.00"));
        assert_eq!(read(de, "1.250").as_deref(), Some("1250"));
        assert_eq!(read(de, "12.50"), None);
        assert_eq!(read(de, "1.250.5"), None);
        let fr = NumberFormat::CommaSpace;
        assert_eq!(read(fr, "1 250,00").as_deref(), Some("1250.00"));
        assert_eq!(read(fr, "1\u{202f}250,00").as_deref(), Some("1250.00"));
        assert_eq!(
            read(fr, "1\u{a0}250\u{a0}000,5").as_deref(),
            Some("1250000.5")
        );
        assert_eq!(read(fr, "1\u{2009}250,00").as_deref(), Some("1250.00"));
        assert_eq!(read(fr, "12,50").as_deref(), Some("12.50"));
        assert_eq!(read(fr, "1.250,00"), None);
        assert_eq!(read(fr, "12.50"), None);
        // Mixed marks are not one grouping.
        assert_eq!(read(fr, "1 250\u{a0}000,00"), None);
    }

    #[test]
    fn exponents_signs_and_words_are_refused() {
        for format in [
            NumberFormat::Point,
            NumberFormat::CommaDot,
            NumberFormat::CommaSpace,
        ] {
            for refused in [
                "1e3", "1E3", "NaN", "nan", "inf", "-inf", "Infinity", "+12", "--1", "- 1", "",
                " ", "-", "0x10", "1_000", "١٢", "12€", "$12", "1 2",
            ] {
                assert_eq!(read(format, refused), None, "{format:?} {refused:?}");
            }
        }
    }

    #[test]
    fn writes_in_the_format() {
        assert_eq!(
            NumberFormat::Point.write("-1234567.50", true),
            "-1,234,567.50"
        );
        assert_eq!(
            NumberFormat::CommaDot.write("1234567.50", true),
            "1.234.567,50"
        );
        assert_eq!(
            NumberFormat::CommaSpace.write("1234.5", true),
            "1\u{a0}234,5"
        );
        assert_eq!(NumberFormat::CommaDot.write("1234.50", false), "1234,50");
        assert_eq!(NumberFormat::Point.write("999", true), "999");
    }
}
