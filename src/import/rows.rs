//! Records after the header to bank rows: each record is a movement of money, or is
//! skipped with its reason (repeated header, section title, footer, balance or memo row),
//! or stops the import when a date or amount in it cannot be read.

use rust_decimal::Decimal;

use super::amount::{Mark, Money, is_placeholder, parse};
use super::columns::MoneyCols;
use super::date::DateCell;
use super::keywords::{
    Side, currency_code, direction_token, is_balance_label, is_footer_label, is_memo_label,
    normalize,
};
use super::layout::Plan;
use super::records::Record;
use super::{BankRow, Direction, ImportError, SkipReason, Skipped};

/// An amount written `12,50` without quotes in a comma-separated file reads as `12`
/// and a stray `50` past the header's last column: refused rather than read as 12.
fn split_amount(file: &str, record: &Record, width: usize, plan: &Plan) -> Option<ImportError> {
    let amounts = plan.cols.money.amounts();
    let integer = |t: &str| {
        let t = t.trim().trim_start_matches(['-', '+']);
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
    };
    let cents = |t: &str| (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
    if width == 0 || record.fields.len() <= width {
        return None;
    }
    amounts.into_iter().find_map(|c| {
        let (whole, part) = (record.field(c), record.field(c + 1));
        (c + 1 >= width && integer(whole) && cents(part)).then(|| ImportError::SplitAmount {
            file: file.to_string(),
            line: record.line,
            column: match plan.names.get(c).filter(|n| !n.is_empty()) {
                Some(name) => format!("{} ({name})", c + 1),
                None => (c + 1).to_string(),
            },
            text: format!("{whole},{part}"),
        })
    })
}

pub(crate) fn build(
    file: &str,
    records: &[Record],
    plan: &Plan,
) -> Result<(Vec<BankRow>, Vec<Skipped>), ImportError> {
    let mut builder = Builder::new(file, records, plan, plan.start);
    let mut rows = Vec::new();
    for (index, record) in records.iter().enumerate() {
        if let Some(row) = builder.read(index, record)? {
            rows.push(row);
        }
    }
    Ok((rows, builder.finish()))
}

/// Reads a file's records to bank rows one at a time, with what was found out about its
/// columns from a sample of its records (the whole file when it is small).
#[derive(Clone)]
pub(crate) struct Builder<'a> {
    file: &'a str,
    plan: &'a Plan,
    /// The header's words, normalised, to tell a repeated header.
    header: Vec<String>,
    memo_by_balance: bool,
    /// How the first dated row writes its date, for a message about a bad one.
    date_example: Option<String>,
    reader: Reader<'a>,
    /// Index in the file of the first record after the header.
    start: usize,
    skipped: Vec<Skipped>,
    last_row: Option<usize>,
}

impl<'a> Builder<'a> {
    /// `sample` is the records the plan was made from (from the file's start); `start`
    /// the index in the file of the first record after the header.
    pub(crate) fn new(
        file: &'a str,
        sample: &[Record],
        plan: &'a Plan,
        start: usize,
    ) -> Builder<'a> {
        let body = sample.get(plan.start..).unwrap_or_default();
        let header: Vec<String> = plan
            .header
            .and_then(|h| sample.get(h))
            .map(|r| r.fields.iter().map(|f| normalize(f)).collect())
            .unwrap_or_default();
        let dated: Vec<&Record> = body
            .iter()
            .filter(|r| matches!(plan.dates.read(r.field(plan.cols.date)), DateCell::Date(_)))
            .collect();
        let memo_by_balance = plan.cols.balance.is_some_and(|b| {
            let numbers = dated
                .iter()
                .filter(|r| matches!(parse(r.field(b), plan.decimal), Ok(Some(_))))
                .count();
            numbers * 2 >= dated.len() && numbers > 0
        });
        let negative_column = |c: usize| {
            let signs = dated
                .iter()
                .filter_map(|r| parse(r.field(c), plan.decimal).ok().flatten());
            let (minus, plain) = signs.fold((0usize, 0usize), |(m, p), money| {
                if money.minus { (m + 1, p) } else { (m, p + 1) }
            });
            minus > plain
        };
        let date_example = dated
            .first()
            .map(|r| plan.dates.describe(r.field(plan.cols.date)))
            .filter(|f| !f.is_empty());
        Builder {
            file,
            plan,
            header,
            memo_by_balance,
            date_example,
            reader: Reader {
                file,
                plan,
                negative: match plan.cols.money {
                    MoneyCols::DebitCredit { debit, credit } => {
                        (negative_column(debit), negative_column(credit))
                    }
                    _ => (false, false),
                },
            },
            start,
            skipped: Vec::new(),
            last_row: None,
        }
    }

    /// The bank row record `index` of the file is (`None` when it is before the rows or is
    /// skipped, as [`finish`](Self::finish) tells).
    pub(crate) fn read(
        &mut self,
        index: usize,
        record: &Record,
    ) -> Result<Option<BankRow>, ImportError> {
        if index < self.start || record.is_blank() {
            return Ok(None);
        }
        let row = self.row(record)?;
        match row {
            Ok(row) => {
                self.last_row = Some(row.line);
                Ok(Some(row))
            }
            Err(reason) => {
                self.skipped.push(Skipped {
                    line: record.line,
                    reason,
                    text: record.summary(),
                });
                Ok(None)
            }
        }
    }

    /// The bank row `record` is, read alone (`None` when it is skipped): a row found
    /// again from where it is in the file.
    pub(crate) fn row_only(&self, record: &Record) -> Result<Option<BankRow>, ImportError> {
        if record.is_blank() {
            return Ok(None);
        }
        Ok(self.row(record)?.ok())
    }

    /// The lines skipped, with why.
    pub(crate) fn finish(mut self) -> Vec<Skipped> {
        // Words after the last movement are the statement's footer (disclaimers, notes).
        let last = self.last_row.unwrap_or(usize::MAX);
        for skip in &mut self.skipped {
            if skip.line > last
                && matches!(skip.reason, SkipReason::SectionTitle | SkipReason::NoDate)
            {
                skip.reason = SkipReason::Footer;
            }
        }
        self.skipped
    }

    /// The row a record is, or why it is skipped.
    fn row(&self, record: &Record) -> Result<Result<BankRow, SkipReason>, ImportError> {
        let (file, plan) = (self.file, self.plan);
        if !self.header.is_empty() && is_header(record, &self.header) {
            return Ok(Err(SkipReason::RepeatedHeader));
        }
        let cells = || record.fields.iter().filter(|f| !f.is_empty());
        let date = match plan.dates.read(record.field(plan.cols.date)) {
            DateCell::Date(date) => Some(date),
            DateCell::Pending => None,
            DateCell::Bad => return Err(self.bad_date(record)),
            DateCell::Empty | DateCell::Text => {
                let reason = if cells().any(|f| is_balance_label(f)) {
                    SkipReason::Balance
                } else if cells().next().is_some_and(|f| is_footer_label(f)) {
                    SkipReason::Footer
                } else if record.non_empty() == 1 {
                    SkipReason::SectionTitle
                } else {
                    SkipReason::NoDate
                };
                return Ok(Err(reason));
            }
        };
        if cells().any(|f| is_balance_label(f)) {
            return Ok(Err(SkipReason::Balance));
        }
        let memo_balance = self.memo_by_balance
            && plan.cols.balance.is_some_and(|b| {
                let cell = record.field(b);
                !is_placeholder(cell) && parse(cell, plan.decimal).is_err()
            });
        if memo_balance || cells().any(|f| is_memo_label(f)) {
            return Ok(Err(SkipReason::Memo));
        }
        if let Some(error) = split_amount(file, record, self.header.len(), plan) {
            return Err(error);
        }
        let (amount, direction, money) = self.reader.money(record)?;
        let text = |c: Option<usize>| {
            c.map(|c| record.field(c))
                .filter(|f| !f.is_empty())
                .map(str::to_string)
        };
        let currency = match plan.cols.currency {
            Some(c) => currency_code(record.field(c)).map(str::to_string),
            None => money.as_ref().and_then(|m| m.currency).map(str::to_string),
        };
        let mut description: Vec<&str> = plan
            .cols
            .descriptions
            .iter()
            .map(|&c| record.field(c))
            .filter(|f| !f.is_empty())
            .collect();
        // A note written in the amount cell stays with the row's text.
        description.extend(money.as_ref().and_then(|m| m.note.as_deref()));
        Ok(Ok(BankRow {
            line: record.line,
            date,
            amount,
            direction,
            currency,
            description: description.join(" | "),
            reference: text(plan.cols.reference),
            counterparty: text(plan.cols.counterparty),
            account: text(plan.cols.account),
        }))
    }

    fn bad_date(&self, record: &Record) -> ImportError {
        let date = self.plan.cols.date;
        ImportError::BadDate {
            file: self.file.to_string(),
            line: record.line,
            column: self.plan.column_name(date),
            text: record.field(date).to_string(),
            format: match &self.date_example {
                Some(format) => format!("other rows read as {format}"),
                None => "no valid date in the column".to_string(),
            },
        }
    }
}

/// A record that repeats the header's words.
fn is_header(record: &Record, header: &[String]) -> bool {
    let named = header.iter().filter(|h| !h.is_empty()).count();
    let same = |i: usize, h: &String| {
        let cell = record.field(i);
        !h.is_empty() && cell.len().abs_diff(h.len()) <= 4 && normalize(cell) == *h
    };
    let same = header
        .iter()
        .enumerate()
        .filter(|(i, h)| same(*i, h))
        .count();
    named > 0 && same * 10 >= named * 8
}

#[derive(Clone)]
struct Reader<'a> {
    file: &'a str,
    plan: &'a Plan,
    /// Whether the debit and the credit column write their amounts with a minus.
    negative: (bool, bool),
}

impl Reader<'_> {
    fn amount(&self, record: &Record, c: usize) -> Result<Option<Money>, ImportError> {
        parse(record.field(c), self.plan.decimal).map_err(|()| ImportError::BadAmount {
            file: self.file.to_string(),
            line: record.line,
            column: self.plan.column_name(c),
            text: record.field(c).to_string(),
        })
    }

    fn required(&self, record: &Record, c: usize) -> Result<Money, ImportError> {
        self.amount(record, c)?
            .ok_or_else(|| ImportError::MissingAmount {
                file: self.file.to_string(),
                line: record.line,
                column: self.plan.column_name(c),
            })
    }

    /// The row's amount (never negative), direction and the parsed cell.
    fn money(&self, record: &Record) -> Result<(Decimal, Direction, Option<Money>), ImportError> {
        match self.plan.cols.money {
            MoneyCols::Signed { amount, inverted } => {
                let money = self.required(record, amount)?;
                let direction = match (money.mark, inverted) {
                    (Some(Mark::Dr), _) => Direction::Out,
                    (Some(Mark::Cr), _) => Direction::In,
                    (None, true) if money.plus || money.minus => Direction::In,
                    (None, true) => Direction::Out,
                    (None, false) => by_sign(&money),
                };
                Ok((money.value.abs(), direction, Some(money)))
            }
            MoneyCols::WithDirection {
                amount,
                direction,
                blank,
            } => {
                let money = self.required(record, amount)?;
                let cell = record.field(direction);
                let side = match direction_token(cell) {
                    Some(side) => Some(side),
                    None if is_placeholder(cell) => blank,
                    None => None,
                };
                let direction = match side {
                    Some(Side::In) => Direction::In,
                    Some(Side::Out) => Direction::Out,
                    Some(Side::Neutral) => Direction::Neutral,
                    // An empty or placeholder direction (`/`, `-`): the amount's own sign
                    // or mark if it has one, else money that moved neither way.
                    None if is_placeholder(cell) => match money.mark {
                        Some(Mark::Dr) => Direction::Out,
                        Some(Mark::Cr) => Direction::In,
                        None if money.minus || money.plus => by_sign(&money),
                        None => Direction::Neutral,
                    },
                    None => {
                        return Err(ImportError::BadDirection {
                            file: self.file.to_string(),
                            line: record.line,
                            column: self.plan.column_name(direction),
                            text: cell.to_string(),
                        });
                    }
                };
                Ok((money.value.abs(), direction, Some(money)))
            }
            MoneyCols::DebitCredit { debit, credit } => {
                let out = self.amount(record, debit)?;
                let came = self.amount(record, credit)?;
                let nonzero = |m: &Option<Money>| m.as_ref().is_some_and(|m| !m.value.is_zero());
                let side = |money: Money, negative: bool, usual: Direction| {
                    let flipped = !money.value.is_zero() && money.minus != negative;
                    let direction = match (flipped, usual) {
                        (false, usual) => usual,
                        (true, Direction::Out) => Direction::In,
                        (true, _) => Direction::Out,
                    };
                    (money.value.abs(), direction, Some(money))
                };
                if nonzero(&out) && nonzero(&came) {
                    return Err(ImportError::BothSides {
                        file: self.file.to_string(),
                        line: record.line,
                        debit: self.plan.column_name(debit),
                        credit: self.plan.column_name(credit),
                    });
                }
                Ok(match (out, came) {
                    (Some(d), Some(c)) if d.value.is_zero() => {
                        side(c, self.negative.1, Direction::In)
                    }
                    (Some(d), _) => side(d, self.negative.0, Direction::Out),
                    (None, Some(c)) => side(c, self.negative.1, Direction::In),
                    (None, None) => {
                        return Err(ImportError::MissingAmount {
                            file: self.file.to_string(),
                            line: record.line,
                            column: format!(
                                "{} or {}",
                                self.plan.column_name(debit),
                                self.plan.column_name(credit)
                            ),
                        });
                    }
                })
            }
        }
    }
}
/// Money in when positive, out when negative; a zero keeps its written sign.
fn by_sign(money: &Money) -> Direction {
    if money.value.is_sign_negative() || (money.value.is_zero() && money.minus) {
        Direction::Out
    } else {
        Direction::In
    }
}
