//! Rules for the text people type and the text Owed writes out.
//!
//! - What the book stores: names, codes, memos, references, note texts and the company's
//!   texts are checked by [`check_line`] / [`check_multiline`] (and [`is_blank`]) in the
//!   domain's own validation, so the CLI, the forms, `load` and `import` all refuse the
//!   same things with the same message: control characters, bidirectional overrides and
//!   isolates (which make a name read differently from what it is), and texts too long.
//! - What the terminal shows: [`for_terminal`] escapes any control or bidi character an
//!   older book may still hold, so a table stays aligned and nothing is run by the terminal.
//! - What a spreadsheet opens: a CSV cell that a spreadsheet would run as a formula is
//!   neutralised by [`spreadsheet_safe`], which the one CSV writer (`crate::csv_out`)
//!   applies to every cell; `load`, reading our own files back, undoes it with
//!   [`from_spreadsheet`].

use std::borrow::Cow;

/// Longest name (customer, contact, company) and one-line reference, in characters.
pub const NAME_MAX: usize = 200;
/// Longest memo, note summary or outcome, address or other free text, in characters.
pub const TEXT_MAX: usize = 2_000;
/// Longest document number, in characters.
pub const NUMBER_MAX: usize = 64;

/// Why a text was refused; each names the field it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("{field}: must not be blank")]
    Blank { field: &'static str },
    #[error("{field}: contains a control character ({code}) at position {position}; remove it")]
    Control {
        field: &'static str,
        code: String,
        position: usize,
    },
    #[error("{field}: contains a new line at position {position}; it must be one line")]
    NewLine {
        field: &'static str,
        position: usize,
    },
    #[error(
        "{field}: contains a bidirectional override ({code}) at position {position}, which makes text read differently from what it is; remove it"
    )]
    Bidi {
        field: &'static str,
        code: String,
        position: usize,
    },
    #[error("{field}: is {length} characters long; at most {max} are accepted")]
    TooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
}

impl TextError {
    /// The field the refused text was typed in.
    pub fn field(&self) -> &'static str {
        match self {
            TextError::Blank { field }
            | TextError::Control { field, .. }
            | TextError::NewLine { field, .. }
            | TextError::Bidi { field, .. }
            | TextError::TooLong { field, .. } => field,
        }
    }
}

/// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room and show nothing: a text of only these and white space
/// looks empty, so it counts as blank.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
    )
}

/// True when `text` is empty, white space, or only zero-width characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// A one-line text (name, code, reference): no control character at all (tab included),
/// no new line, no bidi override or isolate, at most `max` characters. Leading and
/// trailing white space is not counted (the book stores the text trimmed). Blank passes
/// here; a required field also checks [`is_blank`] (or uses [`required_line`]).
pub fn check_line(field: &'static str, text: &str, max: usize) -> Result<(), TextError> {
    check(field, text.trim(), max, false)
}

/// A text that may run over several lines (address, payment instructions, memo, note
/// summary): like [`check_line`], but a new line (`\n`, or `\r\n`) is allowed.
pub fn check_multiline(field: &'static str, text: &str, max: usize) -> Result<(), TextError> {
    check(field, text.trim(), max, true)
}

/// [`check_line`] for a field that must not be blank.
pub fn required_line(field: &'static str, text: &str, max: usize) -> Result<(), TextError> {
    if is_blank(text) {
        return Err(TextError::Blank { field });
    }
    check_line(field, text, max)
}

/// [`check_multiline`] for a field that must not be blank.
pub fn required_multiline(field: &'static str, text: &str, max: usize) -> Result<(), TextError> {
    if is_blank(text) {
        return Err(TextError::Blank { field });
    }
    check_multiline(field, text, max)
}

/// [`check_line`] of an optional field (`None` passes).
pub fn check_optional_line(
    field: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<(), TextError> {
    text.map_or(Ok(()), |t| check_line(field, t, max))
}

/// [`check_multiline`] of an optional field (`None` passes).
pub fn check_optional_multiline(
    field: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<(), TextError> {
    text.map_or(Ok(()), |t| check_multiline(field, t, max))
}

fn check(field: &'static str, text: &str, max: usize, multiline: bool) -> Result<(), TextError> {
    let mut chars = text.chars().peekable();
    let mut position = 0;
    while let Some(c) = chars.next() {
        position += 1;
        let code = || format!("U+{:04X}", u32::from(c));
        match c {
            '\n' if multiline => {}
            '\r' if multiline && chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => return Err(TextError::NewLine { field, position }),
            c if c.is_control() => {
                return Err(TextError::Control {
                    field,
                    code: code(),
                    position,
                });
            }
            c if is_bidi_control(c) => {
                return Err(TextError::Bidi {
                    field,
                    code: code(),
                    position,
                });
            }
            _ => {}
        }
    }
    if position > max {
        return Err(TextError::TooLong {
            field,
            length: position,
            max,
        });
    }
    Ok(())
}

/// Text from outside that must be kept but not refused (a bank statement's description
/// or reference): control characters (tabs and new lines too) and bidi overrides become
/// a space, runs of white space one space, and it is cut to `max` characters with `…`.
/// The result passes [`check_line`].
pub fn scrub_line(text: &str, max: usize) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= max {
        joined
    } else {
        joined
            .chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}

/// `text` made safe to print on a terminal: a control character is written as its
/// escape (`\n`, `\t`, `\r`, `\u{7}`) and so is a bidi override or isolate, so text an
/// older book still holds can neither move the cursor, run a terminal command, reorder
/// a line nor break a table's columns. Text without such characters is returned as is.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_for_terminal(text, false)
}

/// [`for_terminal`] for several lines of output: a new line stays a new line.
pub fn for_terminal_lines(text: &str) -> Cow<'_, str> {
    escape_for_terminal(text, true)
}

fn escape_for_terminal(text: &str, keep_new_lines: bool) -> Cow<'_, str> {
    let escaped =
        |c: char| (c.is_control() && !(keep_new_lines && c == '\n')) || is_bidi_control(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !escaped(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

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

    #[test]
    fn control_characters_are_refused_with_the_field_and_position() {
        let error = required_line("name", "A\u{7}B", NAME_MAX).unwrap_err();
        assert_eq!(
            error.to_string(),
            "name: contains a control character (U+0007) at position 2; remove it"
        );
        assert!(matches!(
            check_line("name", "A\tB", NAME_MAX),
            Err(TextError::Control { position: 2, .. })
        ));
        // Tab is refused in multi-line text too; DEL and C1 controls are controls.
        assert!(check_multiline("memo", "a\tb", TEXT_MAX).is_err());
        assert!(check_line("name", "a\u{7F}", NAME_MAX).is_err());
        assert!(check_line("name", "a\u{9B}2J", NAME_MAX).is_err());
        // Surrounding white space is trimmed before the check, as the book stores it.
        assert_eq!(check_line("name", "  Acme \t\n", NAME_MAX), Ok(()));
    }

    #[test]
    fn new_lines_only_where_the_field_is_multi_line() {
        assert_eq!(
            check_line("reference", "a\nb", NAME_MAX),
            Err(TextError::NewLine {
                field: "reference",
                position: 2
            })
        );
        assert_eq!(
            check_multiline("address", "1 Main St\nSpringfield", TEXT_MAX),
            Ok(())
        );
        assert_eq!(
            check_multiline("address", "1 Main St\r\nSpringfield", TEXT_MAX),
            Ok(())
        );
        // A carriage return alone moves the cursor back over the line: refused.
        assert!(check_multiline("address", "paid\rUNPAID", TEXT_MAX).is_err());
    }

    #[test]
    fn bidi_overrides_and_isolates_are_refused() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            let text = format!("Acme{c}cod.exe");
            let error = check_line("name", &text, NAME_MAX).unwrap_err();
            assert!(
                matches!(error, TextError::Bidi { position: 5, .. }),
                "{c:?}"
            );
            assert!(
                error
                    .to_string()
                    .contains(&format!("U+{:04X}", u32::from(c)))
            );
        }
        // Marks that only steer mixed scripts (LRM, RLM) are ordinary text.
        assert_eq!(check_line("name", "שלום\u{200E} Ltd", NAME_MAX), Ok(()));
    }

    #[test]
    fn blank_means_white_space_or_zero_width_only() {
        for blank in [
            "",
            "   ",
            "\u{3000}",
            "\u{200B}",
            " \u{200B}\u{FEFF} ",
            "\u{2060}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
            assert_eq!(
                required_line("name", blank, NAME_MAX),
                Err(TextError::Blank { field: "name" })
            );
        }
        assert!(!is_blank("\u{200B}A"));
        assert!(required_multiline("summary", "called", TEXT_MAX).is_ok());
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        let name = "é".repeat(NAME_MAX);
        assert_eq!(check_line("name", &name, NAME_MAX), Ok(()));
        let longer = format!("{name}x");
        assert_eq!(
            check_line("name", &longer, NAME_MAX)
                .unwrap_err()
                .to_string(),
            "name: is 201 characters long; at most 200 are accepted"
        );
        assert!(check_multiline("memo", &"a".repeat(TEXT_MAX + 1), TEXT_MAX).is_err());
    }

    #[test]
    fn scrubbed_bank_text_passes_the_line_rule() {
        let scrubbed = scrub_line("PAYMENT\tINV-1\u{7}\r\n\u{202E}Acme  Ltd", 200);
        assert_eq!(scrubbed, "PAYMENT INV-1 Acme Ltd");
        assert_eq!(check_line("memo", &scrubbed, 200), Ok(()));
        assert_eq!(scrub_line(&"x".repeat(10), 5), "xxxx…");
    }

    #[test]
    fn terminal_text_escapes_controls_and_bidi() {
        assert!(matches!(for_terminal("深圳 Acme é"), Cow::Borrowed(_)));
        assert_eq!(for_terminal("A\u{7}B\tC\nD\r"), "A\\u{7}B\\tC\\nD\\r");
        assert_eq!(for_terminal("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(for_terminal("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(for_terminal_lines("a\u{7}\nb\n"), "a\\u{7}\nb\n");
    }
}
