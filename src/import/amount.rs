//! Amount cells: decimal comma or point, thousands `.` `,` `'` space NBSP, currency signs
//! and codes on either side, explicit `+`, parentheses, trailing minus, `DR`/`CR`
//! suffixes, no leading zero (`-,01`). Also the file-wide vote on the decimal mark.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::keywords::currency_code;

/// A `DR`/`CR` marker written with the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Dr,
    Cr,
}

/// A parsed amount cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Money {
    /// The value with the sign as written (parentheses and trailing minus applied).
    pub value: Decimal,
    pub plus: bool,
    pub minus: bool,
    pub mark: Option<Mark>,
    pub currency: Option<&'static str>,
    /// A note written with the number (`(refunded 89.84)`, `(CN)`, `*`), as written.
    pub note: Option<String>,
}

/// Placeholders banks write in an empty amount cell.
pub(crate) fn is_placeholder(text: &str) -> bool {
    matches!(
        text.trim(),
        "" | "-" | "–" | "—" | "--" | "/" | "n/a" | "N/A" | "NA" | "null"
    )
}

/// Currency signs and words, with the ISO code when the sign names only one currency.
const SIGNS: &[(&str, Option<&str>)] = &[
    ("US$", Some("USD")),
    ("AU$", Some("AUD")),
    ("A$", Some("AUD")),
    ("NZ$", Some("NZD")),
    ("C$", Some("CAD")),
    ("CA$", Some("CAD")),
    ("HK$", Some("HKD")),
    ("R$", Some("BRL")),
    ("$", None),
    ("£", Some("GBP")),
    ("€", Some("EUR")),
    ("¥", None),
    ("￥", None),
    ("元", Some("CNY")),
    ("₹", Some("INR")),
    ("₴", Some("UAH")),
    ("₽", Some("RUB")),
    ("₩", Some("KRW")),
    ("₺", Some("TRY")),
    ("₪", Some("ILS")),
    ("฿", Some("THB")),
    ("zł", Some("PLN")),
    ("Kč", Some("CZK")),
    ("Ft", Some("HUF")),
    ("kr.", None),
    ("kr", None),
    ("Kr", None),
    ("грн.", Some("UAH")),
    ("грн", Some("UAH")),
    ("руб.", Some("RUB")),
    ("руб", Some("RUB")),
    ("Fr.", Some("CHF")),
];

/// Result of taking the sign, currency and markers off a cell: the bare number left.
struct Stripped<'a> {
    body: &'a str,
    plus: bool,
    minus: bool,
    mark: Option<Mark>,
    currency: Option<&'static str>,
}

fn strip(text: &str) -> Option<Stripped<'_>> {
    let mut s = text.trim();
    if s.len() > 64 || !s.chars().any(|c| c.is_ascii_digit()) || has_word(s) {
        return None;
    }
    let mut out = Stripped {
        body: "",
        plus: false,
        minus: false,
        mark: None,
        currency: None,
    };
    if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        s = &s[1..s.len() - 1];
        out.minus = true;
    }
    let mut changed = true;
    while changed {
        changed = false;
        let t = s.trim();
        if t.len() != s.len() {
            s = t;
        }
        for (suffix, mark) in [("DR", Mark::Dr), ("CR", Mark::Cr)] {
            let tail = s.get(s.len().saturating_sub(2)..);
            if s.len() > 2 && tail.is_some_and(|t| t.eq_ignore_ascii_case(suffix)) {
                s = &s[..s.len() - 2];
                out.mark = Some(mark);
                changed = true;
            }
        }
        if let Some(rest) = s.strip_prefix('+') {
            s = rest;
            out.plus = true;
            changed = true;
        }
        if let Some(rest) = s.strip_prefix(['-', '−', '–']) {
            s = rest;
            out.minus = true;
            changed = true;
        }
        if let Some(rest) = s.strip_suffix(['-', '−']) {
            s = rest;
            out.minus = true;
            changed = true;
        }
        if let Some(rest) = s.strip_suffix('+') {
            s = rest;
            out.plus = true;
            changed = true;
        }
        if let Some(rest) = s.strip_prefix('(')
            && let Some(inner) = rest.strip_suffix(')')
        {
            s = inner;
            out.minus = true;
            changed = true;
        }
        let digit = |c: Option<char>| c.is_none_or(|c| c.is_ascii_digit());
        if digit(s.chars().next()) && digit(s.chars().next_back()) {
            break;
        }
        for (sign, code) in SIGNS {
            if let Some(rest) = s.strip_prefix(sign) {
                s = rest;
                out.currency = out.currency.or(*code);
                changed = true;
            } else if let Some(rest) = s.strip_suffix(sign) {
                s = rest;
                out.currency = out.currency.or(*code);
                changed = true;
            }
        }
        for (at, word) in [
            (0usize, s.get(..3)),
            (1, s.get(s.len().saturating_sub(3)..)),
        ] {
            let Some(word) =
                word.filter(|w| w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()))
            else {
                continue;
            };
            if let Some(code) = currency_code(word) {
                s = if at == 0 { &s[3..] } else { &s[..s.len() - 3] };
                out.currency = Some(code);
                changed = true;
                break;
            }
        }
    }
    out.body = s.trim();
    let digits = out.body.chars().any(|c| c.is_ascii_digit());
    let clean = out
        .body
        .chars()
        .all(|c| c.is_ascii_digit() || is_separator(c));
    (digits && clean).then_some(out)
}

/// Four letters in a row: words, not an amount (currency words are shorter).
fn has_word(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 4 {
            return true;
        }
    }
    false
}

fn is_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}')
}

/// True when the cell reads as a number once signs, currency and a note are taken off.
pub(crate) fn looks_numeric(text: &str) -> bool {
    number(text).is_some()
}

/// The bare number of a cell, with the note written beside it if there is one.
fn number(text: &str) -> Option<(Stripped<'_>, Option<&str>)> {
    if let Some(stripped) = strip(text) {
        return Some((stripped, None));
    }
    let (rest, note) = split_note(text)?;
    Some((strip(rest)?, Some(note)))
}

// Marks banks put after an amount to point at a footnote.
const FOOTNOTE_MARKS: &[char] = &['*', '†', '‡', '#'];

/// Splits a note off an amount cell: a bracketed group after the number
/// (`131.77(refunded 89.84)`, `-3.90(CN)`, `12,00 [pending]`) or before it, or footnote
/// marks (`€ 12,00 *`). A group that is itself a number is not a note: `(1,936.76)` is
/// a negative amount. `None` when there is no such note.
fn split_note(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    if t.len() > 128 {
        return None;
    }
    let is_note = |group: &str| {
        let inner = group.get(1..group.len().saturating_sub(1)).unwrap_or("");
        !inner.trim().is_empty() && strip(inner).is_none()
    };
    for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
        if t.ends_with(close)
            && let Some(at) = t.rfind(open)
            && at > 0
            && is_note(&t[at..])
        {
            return Some((&t[..at], &t[at..]));
        }
        if t.starts_with(open)
            && let Some(end) = t.find(close)
        {
            let after = end + close.len_utf8();
            if after < t.len() && is_note(&t[..after]) {
                return Some((&t[after..], &t[..after]));
            }
        }
    }
    let body = t.trim_end_matches(|c: char| FOOTNOTE_MARKS.contains(&c) || c.is_whitespace());
    if body.len() < t.len() && !body.is_empty() {
        return Some((body, t[body.len()..].trim()));
    }
    let body = t.trim_start_matches(|c: char| FOOTNOTE_MARKS.contains(&c) || c.is_whitespace());
    if body.len() < t.len() && !body.is_empty() {
        return Some((body, t[..t.len() - body.len()].trim()));
    }
    None
}

/// Long digit runs and zero-padded numbers are identifiers, not money.
pub(crate) fn looks_like_id(text: &str) -> bool {
    let t = text.trim();
    let all_digits = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    all_digits && (t.len() >= 10 || (t.len() >= 2 && t.starts_with('0')))
}

/// How a cell votes on the decimal mark: `Some('.')`, `Some(',')` or no vote when it
/// cannot tell (`1,500`, `2500`).
pub(crate) fn vote(text: &str) -> Option<char> {
    let body = number(text)?.0.body;
    let last = body.rfind(['.', ','])?;
    let mark = body[last..].chars().next()?;
    let other = if mark == '.' { ',' } else { '.' };
    if body.contains(other) {
        return Some(mark);
    }
    if body.matches(mark).count() > 1 {
        return Some(other);
    }
    let after = body[last + 1..]
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    let before = &body[..last];
    // "0.500" and ".500" cannot be thousands: the mark is a decimal mark.
    (after != 3 || before.is_empty() || before == "0").then_some(mark)
}

/// Whether a cell reads two ways when no cell of the file shows its decimal mark:
/// `1.005` is 1,005 with a point grouping thousands, or 1.005 with a decimal point (a
/// currency of three decimals writes just that). A comma the same way (`1,234`) is left
/// to group thousands: that is how amounts without cents are written, in yen and yuan.
pub(crate) fn point_reads_two_ways(text: &str) -> bool {
    number(text)
        .is_some_and(|(n, _)| n.body.contains('.') && !n.body.contains(',') && vote(text).is_none())
}

/// Parses an amount cell with the file's decimal mark; `None` mark means no cell showed
/// one, so every separator groups thousands. `Ok(None)` is an empty cell.
pub(crate) fn parse(text: &str, decimal: Option<char>) -> Result<Option<Money>, ()> {
    if is_placeholder(text) {
        return Ok(None);
    }
    let (stripped, note) = number(text).ok_or(())?;
    if stripped.plus && stripped.minus {
        return Err(());
    }
    let (int_part, frac_part) = match decimal.and_then(|d| stripped.body.rfind(d)) {
        Some(at) => (&stripped.body[..at], &stripped.body[at + 1..]),
        None => (stripped.body, ""),
    };
    if !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return Err(());
    }
    if decimal.is_some_and(|d| stripped.body.rfind(d).is_some()) && frac_part.is_empty() {
        return Err(());
    }
    let int_digits = integer_digits(int_part).ok_or(())?;
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(());
    }
    if int_digits.len() + frac_part.len() > 26 {
        return Err(());
    }
    let mut number = String::from(if stripped.minus { "-" } else { "" });
    number.push_str(if int_digits.is_empty() {
        "0"
    } else {
        &int_digits
    });
    if !frac_part.is_empty() {
        number.push('.');
        number.push_str(frac_part);
    }
    let value = Decimal::from_str(&number).map_err(|_| ())?;
    Ok(Some(Money {
        value,
        plus: stripped.plus,
        minus: stripped.minus,
        mark: stripped.mark,
        currency: stripped.currency,
        note: note.map(str::to_string),
    }))
}

/// The digits of an integer part written with one kind of thousands separator in groups
/// of three; `None` when the grouping is not that.
fn integer_digits(int_part: &str) -> Option<String> {
    let groups: Vec<&str> = int_part.split(is_separator).collect();
    if groups.len() == 1 {
        return Some(int_part.to_string());
    }
    let seps: Vec<char> = int_part.chars().filter(|c| is_separator(*c)).collect();
    let class = |c: char| {
        if c == '\u{a0}' || c == '\u{202f}' {
            ' '
        } else {
            c
        }
    };
    if seps.iter().any(|c| class(*c) != class(seps[0])) {
        return None;
    }
    let first = groups.first()?;
    let zero = first.starts_with('0');
    if first.is_empty() || zero || first.len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    Some(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, decimal: Option<char>) -> Decimal {
        parse(text, decimal).unwrap().unwrap().value
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn forms_banks_write() {
        assert_eq!(value("1 300,00 kr", Some(',')), dec("1300.00"));
        assert_eq!(value("-1.001,00", Some(',')), dec("-1001.00"));
        assert_eq!(value("+1,23", Some(',')), dec("1.23"));
        assert_eq!(value("($1,936.76)", Some('.')), dec("-1936.76"));
        assert_eq!(value("- $1,150.00", Some('.')), dec("-1150.00"));
        assert_eq!(value("+ £1,100.00", Some('.')), dec("1100.00"));
        assert_eq!(value("11'373.94", Some('.')), dec("11373.94"));
        assert_eq!(value("-,01", Some(',')), dec("-0.01"));
        assert_eq!(value("12.50-", Some('.')), dec("-12.50"));
        assert_eq!(value("1\u{a0}234,50", Some(',')), dec("1234.50"));
        assert_eq!(value("-1248", None), dec("-1248"));
        assert_eq!(value("1.500", None), dec("1500"));
        assert_eq!(value("EUR 12,00", Some(',')), dec("12.00"));
        let dr = parse("45.00 DR", Some('.')).unwrap().unwrap();
        assert_eq!((dr.value, dr.mark), (dec("45.00"), Some(Mark::Dr)));
        let pound = parse("£5.00", Some('.')).unwrap().unwrap();
        assert_eq!(pound.currency, Some("GBP"));
        assert_eq!(parse("-", Some('.')), Ok(None));
    }

    #[test]
    fn notes_beside_the_number() {
        let note = |text: &str, decimal| {
            let money = parse(text, decimal).unwrap().unwrap();
            (money.value, money.note)
        };
        assert_eq!(
            note("131.77(refunded 89.84)", Some('.')),
            (dec("131.77"), Some("(refunded 89.84)".into()))
        );
        assert_eq!(
            note("-3.90(CN)", Some('.')),
            (dec("-3.90"), Some("(CN)".into()))
        );
        assert_eq!(
            note("€ 12,00 *", Some(',')),
            (dec("12.00"), Some("*".into()))
        );
        assert_eq!(
            note("[pending] 5.00", Some('.')),
            (dec("5.00"), Some("[pending]".into()))
        );
        // A bracketed number is a negative amount, not a note.
        assert_eq!(note("(1,936.76)", Some('.')), (dec("-1936.76"), None));
        assert!(parse("12 apples", Some('.')).is_err());
        assert!(parse("(CN)", Some('.')).is_err());
        assert!(parse("*", Some('.')).is_err());
        assert_eq!(vote("131,77(refunded 89,84)"), Some(','));
    }

    #[test]
    fn refuses_what_is_not_money() {
        for bad in [
            "12,34,5",
            "1.2.3,4,5",
            "abc",
            "12 apples",
            "+-5",
            "1,23",
            "5,",
        ] {
            assert!(parse(bad, Some('.')).is_err(), "{bad}");
        }
        assert!(parse("99999999999999999999999999999", Some('.')).is_err());
    }

    #[test]
    fn a_point_before_three_digits_reads_two_ways() {
        assert!(point_reads_two_ways("1.005"));
        assert!(point_reads_two_ways("-12.500"));
        assert!(!point_reads_two_ways("0.500"));
        assert!(!point_reads_two_ways("1.00"));
        assert!(!point_reads_two_ways("1.234.567"));
        assert!(!point_reads_two_ways("1,234"));
        assert!(!point_reads_two_ways("1234"));
    }

    #[test]
    fn votes() {
        assert_eq!(vote("1.234,56"), Some(','));
        assert_eq!(vote("827,75"), Some(','));
        assert_eq!(vote("1,234"), None);
        assert_eq!(vote("1,234,567"), Some('.'));
        assert_eq!(vote("-135.6"), Some('.'));
        assert_eq!(vote("2500"), None);
        assert_eq!(vote("0.500"), Some('.'));
        assert!(parse("0.500", None).is_err());
        assert!(looks_like_id("2394198259925614643"));
        assert!(!looks_like_id("15709"));
    }
}
