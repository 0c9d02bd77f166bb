//! The questions about how to read a file that only some files raise: which way a card
//! statement's amounts count (Flip sign), which of several amount columns to read, and
//! which line is the header. Each is shown only when it matters for the file at hand
//! (the file looks like a card statement, has several amount columns, or has another
//! line that could be its header); a change re-reads the file at once.

use std::fmt;

use iced::widget::{pick_list, row, text};
use iced::{Alignment, Element};

use crate::fl;
use crate::import::{Detected, Hints, Sign};
use crate::ui::widgets;

/// What the user chose; `None` reads as detected (or as the bank's profile says).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub sign: Option<Sign>,
    /// A header name or a 1-based column number.
    pub amount_column: Option<String>,
    /// 0: no header.
    pub header_line: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Sign(Sign),
    /// A choice as offered: "5 (Amount in account currency)".
    AmountColumn(String),
    HeaderLine(HeaderLine),
}

/// A line offered as the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderLine(pub usize);

impl fmt::Display for HeaderLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => f.write_str(&fl!("no-header")),
            line => f.write_str(&fl!("line-line", line = line.to_string())),
        }
    }
}

impl Reading {
    pub fn apply(&mut self, choice: Choice) {
        match choice {
            Choice::Sign(sign) => self.sign = Some(sign),
            Choice::AmountColumn(offered) => {
                // The offer starts with the column's number, which names it exactly even
                // when two columns share a header name.
                let number: String = offered.chars().take_while(char::is_ascii_digit).collect();
                self.amount_column = Some(if number.is_empty() { offered } else { number });
            }
            Choice::HeaderLine(HeaderLine(line)) => self.header_line = Some(line),
        }
    }

    /// Fills these choices into the hints a file is read with.
    pub fn fill(&self, hints: &mut Hints) {
        hints.sign = self.sign;
        hints.amount_column = self.amount_column.clone();
        hints.header_line = self.header_line;
    }

    /// The questions that matter for this file, if any. `error` is why the file could not
    /// be read: a card statement whose sign is unclear is asked with one-click answers.
    pub fn view<'a>(
        &'a self,
        detected: Option<&'a Detected>,
        error: Option<&'a str>,
    ) -> Option<Element<'a, Choice>> {
        let mut bar = row![].spacing(8).align_y(Alignment::Center);
        let mut any = false;
        if error.is_some_and(|e| e.contains("--sign inverted")) {
            any = true;
            bar = bar
                .push(text(fl!("is-a-purchase-a-positive-or")).size(14))
                .push(widgets::secondary(
                    fl!("purchases-are-positive-card-statement"),
                    Some(Choice::Sign(Sign::Inverted)),
                ))
                .push(widgets::secondary(
                    fl!("purchases-are-negative"),
                    Some(Choice::Sign(Sign::Normal)),
                ));
        }
        if let Some(d) = detected {
            if d.sign_matters || self.sign.is_some() {
                any = true;
                let now = match d.sign {
                    Sign::Normal => fl!("amounts-money-in-is-positive"),
                    Sign::Inverted => fl!("amounts-purchases-are-positive-card-statement"),
                };
                bar = bar.push(widgets::muted(now)).push(widgets::secondary(
                    fl!("flip-sign"),
                    Some(Choice::Sign(d.sign.flipped())),
                ));
            }
            if d.amount_columns.len() > 1 {
                any = true;
                bar = bar.push(widgets::muted(fl!("amount-column"))).push(
                    pick_list(
                        d.amount_columns.clone(),
                        Some(d.amount_column.clone()),
                        Choice::AmountColumn,
                    )
                    .padding(5)
                    .text_size(13),
                );
            }
            if d.header_matters && !d.header_lines.is_empty() {
                any = true;
                let mut lines: Vec<HeaderLine> =
                    d.header_lines.iter().copied().map(HeaderLine).collect();
                lines.push(HeaderLine(0));
                bar = bar.push(widgets::muted(fl!("header-line"))).push(
                    pick_list(lines, Some(HeaderLine(d.header_line)), Choice::HeaderLine)
                        .padding(5)
                        .text_size(13),
                );
            }
        }
        any.then(|| bar.wrap().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offered_column_is_named_by_its_number() {
        let mut reading = Reading::default();
        reading.apply(Choice::AmountColumn(
            "5 (Amount in account currency)".into(),
        ));
        assert_eq!(reading.amount_column.as_deref(), Some("5"));
        reading.apply(Choice::HeaderLine(HeaderLine(0)));
        reading.apply(Choice::Sign(Sign::Inverted));
        let mut hints = Hints::default();
        reading.fill(&mut hints);
        assert_eq!(
            (
                hints.sign,
                hints.amount_column.as_deref(),
                hints.header_line
            ),
            (Some(Sign::Inverted), Some("5"), Some(0))
        );
    }
}
