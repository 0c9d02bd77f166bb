//! Where the statement is in the file: which record is the header (after any preamble, or
//! none at all), which column holds the date and how to read it, and the decimal mark.
//! Candidates are scored on header words and on what the cells hold, never looked up in a
//! table of banks.

use super::amount::{looks_like_id, looks_numeric, vote};
use super::columns::{self, Columns};
use super::date::{DateRule, Problem, tokenize};
use super::keywords::{Role, header_role, is_pending_word};
use super::records::Record;
use super::{Hints, ImportError};

/// How to read the rows of one file.
#[derive(Debug)]
pub(crate) struct Plan {
    /// Index of the header record, if the file has one.
    pub header: Option<usize>,
    /// Index of the first record that may be a transaction.
    pub start: usize,
    pub names: Vec<String>,
    pub cols: Columns,
    pub decimal: Option<char>,
    pub dates: DateRule,
    pub currency: Option<String>,
}

impl Plan {
    pub fn header_line(&self, records: &[Record]) -> usize {
        self.header
            .and_then(|i| records.get(i))
            .map_or(0, |r| r.line)
    }

    /// "3 (Betrag)": a 1-based column number with its header name, for messages.
    pub fn column_name(&self, index: usize) -> String {
        match self.names.get(index).filter(|n| !n.is_empty()) {
            Some(name) => format!("{} ({name})", index + 1),
            None => (index + 1).to_string(),
        }
    }
}

pub(crate) fn date_like(cell: &str) -> bool {
    tokenize(cell).is_some_and(|t| t.plausible())
}

pub(crate) fn money_like(cell: &str) -> bool {
    !cell.is_empty() && looks_numeric(cell) && !date_like(cell) && !looks_like_id(cell)
}

/// A record with a date (or a pending mark) in one cell and a number in another.
fn data_like(record: &Record) -> bool {
    let dated: Vec<usize> = (0..record.fields.len())
        .filter(|&i| date_like(record.field(i)) || is_pending_word(record.field(i)))
        .collect();
    !dated.is_empty()
        && (0..record.fields.len())
            .any(|i| money_like(record.field(i)) && !(dated.len() == 1 && dated[0] == i))
}

/// The header record's index, found as `plan` finds it, for files `plan` refuses.
pub(crate) fn header_of(records: &[Record]) -> Option<usize> {
    let data: Vec<bool> = records.iter().map(data_like).collect();
    let first_data = data.iter().position(|d| *d)?;
    find_header(records, &data, first_data)
}

pub(crate) fn plan(file: &str, records: &[Record], hints: &Hints) -> Result<Plan, ImportError> {
    let last_line = records.last().map_or(1, |r| r.line);
    let no_rows = || ImportError::NoTransactions {
        file: file.to_string(),
        line: last_line,
    };
    let data: Vec<bool> = records.iter().map(data_like).collect();
    let first_data = data.iter().position(|d| *d).ok_or_else(no_rows)?;
    let header = find_header(records, &data, first_data);
    let start = header.map_or(0, |h| h + 1);
    let names: Vec<String> = header
        .and_then(|h| records.get(h))
        .map(|r| r.fields.clone())
        .unwrap_or_default();
    let roles: Vec<Option<Role>> = names.iter().map(|n| header_role(n)).collect();
    let rows: Vec<&Record> = records[start..]
        .iter()
        .zip(&data[start..])
        .filter(|(_, d)| **d)
        .map(|(r, _)| r)
        .collect();
    if rows.is_empty() {
        return Err(no_rows());
    }
    let width = rows.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    let role = |c: usize| roles.get(c).copied().flatten();
    let date = date_column(&rows, width, &role).ok_or_else(no_rows)?;
    let mut plan_names = names.clone();
    plan_names.resize(width.max(names.len()), String::new());
    let column = |c: usize| match plan_names.get(c).filter(|n| !n.is_empty()) {
        Some(name) => format!("{} ({name})", c + 1),
        None => (c + 1).to_string(),
    };
    let dates = date_rule(file, records, start, date, &rows, width, hints, &column)?;
    let decimal = match hints.decimal_mark {
        Some(mark) => Some(mark),
        None => decimal_mark(&rows, date, width),
    };
    let mut cols =
        columns::choose(&rows, width, date, decimal, &role, &plan_names).ok_or_else(|| {
            ImportError::NoAmountColumn {
                file: file.to_string(),
                line: header
                    .and_then(|h| records.get(h))
                    .map_or(rows[0].line, |r| r.line),
            }
        })?;
    let currency = columns::main_currency(&rows, &mut cols, decimal, &plan_names);
    Ok(Plan {
        header,
        start,
        names: plan_names,
        cols,
        decimal,
        dates,
        currency,
    })
}

/// The header: a record of words (no dates, no numbers) before the data, scored on how
/// many cells name a known column and on whether data follows it directly.
fn find_header(records: &[Record], data: &[bool], first_data: usize) -> Option<usize> {
    let limit = (first_data + 50).min(records.len());
    let widths: Vec<usize> = records
        .iter()
        .zip(data)
        .filter(|(_, d)| **d)
        .map(|(r, _)| r.non_empty())
        .take(50)
        .collect();
    let typical = widths.iter().copied().max().unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    for (index, record) in records[..limit].iter().enumerate() {
        let filled = record.non_empty();
        if filled < 2 || data[index] {
            continue;
        }
        let cells = || record.fields.iter().filter(|f| !f.is_empty());
        if cells().any(|f| date_like(f) || looks_numeric(f)) {
            continue;
        }
        let named = cells().filter(|f| header_role(f).is_some()).count();
        let next = records[index + 1..]
            .iter()
            .position(|r| !r.is_blank())
            .map(|p| index + 1 + p);
        let leads = next.is_some_and(|n| data[n]);
        let enough = filled * 2 >= typical;
        let score = 2 * named + usize::from(leads);
        let accept = named >= 2 || (leads && enough && (named >= 1 || filled >= 3));
        if accept && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// The column with the most dates; among near-equals a booking date beats an unnamed
/// column, which beats a value date; then the leftmost.
fn date_column(
    rows: &[&Record],
    width: usize,
    role: &dyn Fn(usize) -> Option<Role>,
) -> Option<usize> {
    let counts: Vec<usize> = (0..width)
        .map(|c| {
            rows.iter()
                .filter(|r| {
                    let cell = r.field(c);
                    date_like(cell) || is_pending_word(cell)
                })
                .count()
        })
        .collect();
    let best = counts.iter().copied().max().filter(|b| *b > 0)?;
    let rank = |c: usize| match role(c) {
        Some(Role::Date) => 3,
        None => 2,
        Some(Role::ValueDate) => 1,
        Some(_) => 0,
    };
    (0..width)
        .filter(|&c| counts[c] * 10 >= best * 9)
        .max_by_key(|&c| (rank(c), std::cmp::Reverse(c)))
}

#[allow(clippy::too_many_arguments)]
fn date_rule(
    file: &str,
    records: &[Record],
    start: usize,
    date: usize,
    rows: &[&Record],
    width: usize,
    hints: &Hints,
    column: &dyn Fn(usize) -> String,
) -> Result<DateRule, ImportError> {
    let cells: Vec<(usize, &str)> = records[start..]
        .iter()
        .map(|r| (r.line, r.field(date)))
        .filter(|(_, cell)| tokenize(cell).is_some_and(|t| t.plausible()))
        .collect();
    let texts: Vec<&str> = cells.iter().map(|c| c.1).collect();
    let result = match &hints.date_format {
        Some(format) => DateRule::from_hint(format, hints.year),
        None => DateRule::decide(&texts, hints.year),
    };
    let problem = match result {
        Ok(rule) => return Ok(rule),
        Err(problem) => problem,
    };
    if let Problem::Ambiguous(..) = problem {
        // Another date column (a value date) may settle day/month for both.
        let mut all = texts.clone();
        for other in (0..width).filter(|&c| c != date) {
            let dated = rows.iter().filter(|r| date_like(r.field(other))).count();
            if dated * 2 >= rows.len() {
                all.extend(rows.iter().map(|r| r.field(other)).filter(|c| date_like(c)));
            }
        }
        if let Ok(rule) = DateRule::decide(&all, hints.year) {
            return Ok(rule);
        }
    }
    let at = |i: usize| cells.get(i).copied().unwrap_or((0, ""));
    Err(match problem {
        Problem::Ambiguous(i, day_first, month_first) => ImportError::AmbiguousDates {
            file: file.to_string(),
            line: at(i).0,
            column: column(date),
            text: at(i).1.to_string(),
            choices: format!("--date-format {day_first} or --date-format {month_first}"),
        },
        Problem::NoYear(i) => ImportError::MissingYear {
            file: file.to_string(),
            line: at(i).0,
            column: column(date),
            text: at(i).1.to_string(),
        },
        Problem::BadFormat => ImportError::Hint {
            file: file.to_string(),
            message: format!(
                "'{}' is not a date format (--date-format takes e.g. %d/%m/%Y)",
                hints.date_format.as_deref().unwrap_or_default()
            ),
        },
    })
}

/// The decimal mark most number cells agree on; `None` when no cell shows one.
fn decimal_mark(rows: &[&Record], date: usize, width: usize) -> Option<char> {
    let (mut comma, mut point) = (0usize, 0usize);
    for c in (0..width).filter(|&c| c != date) {
        let filled = rows.iter().filter(|r| !r.field(c).is_empty()).count();
        let numeric = rows.iter().filter(|r| money_like(r.field(c))).count();
        if numeric == 0 || numeric * 2 < filled {
            continue;
        }
        for row in rows {
            match vote(row.field(c)) {
                Some(',') => comma += 1,
                Some('.') => point += 1,
                _ => {}
            }
        }
    }
    match (comma, point) {
        (0, 0) => None,
        (c, p) if c > p => Some(','),
        _ => Some('.'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::records::split;

    #[test]
    fn header_after_preamble() {
        let text = "Bank;ING\nIBAN;DE12 3456\n\nBuchung;Text;Betrag\n01.02.2020;A;-5,00\n";
        let records = split(text, ';');
        let data: Vec<bool> = records.iter().map(data_like).collect();
        assert_eq!(find_header(&records, &data, 4), Some(3));
    }

    #[test]
    fn headerless() {
        let text = "AT1;Zinsen;01.01.2014;+1,23;EUR\nAT1;KESt;01.01.2014;-0,42;EUR\n";
        let records = split(text, ';');
        let plan = plan("t.csv", &records, &Hints::default()).unwrap();
        assert_eq!(
            (plan.header, plan.cols.date, plan.decimal),
            (None, 2, Some(','))
        );
    }
}
