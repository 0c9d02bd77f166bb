//! Rules for the text people type and the text Owed writes out. A cell of a CSV file
//! that a spreadsheet would run as a formula is neutralised here, the one place every
//! CSV writer (and `load`, reading our own files back) goes through.

use std::borrow::Cow;

/// A CSV cell made safe to open in a spreadsheet (OWASP's rule): text that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet
/// shows it instead of running it. A plain number (`-250.00`, `12`) stays a number.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`spreadsheet_safe`]: a `'` that was put in front of a
/// risky first character is taken off again; anything else is left as it is.
pub fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(rest) =>
        {
            rest
        }
        _ => cell,
    }
}

/// `-250.00`, `12`, `0.5`: an optional minus, digits, and at most one decimal point.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for risky in [
            "=HYPERLINK(\"http://x\",\"pay\")",
            "+1+1",
            "-1+1",
            "@SUM(A1)",
            "\tcmd",
            "\r=1",
            "-",
            "--",
        ] {
            assert_eq!(spreadsheet_safe(risky), format!("'{risky}"), "{risky:?}");
            assert_eq!(from_spreadsheet(&spreadsheet_safe(risky)), risky);
        }
        for plain in ["-250.00", "12", "0.5", "Acme", "", "'quoted", "1-2"] {
            assert_eq!(spreadsheet_safe(plain), plain, "{plain:?}");
            assert_eq!(from_spreadsheet(plain), plain);
        }
        // A name that really begins with an apostrophe is not changed by reading back.
        assert_eq!(from_spreadsheet("'Allo 'Allo"), "'Allo 'Allo");
    }
}
