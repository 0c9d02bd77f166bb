//! Where the statement is in the file: which record is the header (after any preamble, or
//! none at all), which column holds the date and how to read it, and the decimal mark.
//! Candidates are scored on header words and on what the cells hold, never looked up in a
//! table of banks.

use super::amount::{self, looks_like_id, looks_numeric, vote};
use super::columns::{self, Columns, MoneyCols};
use super::date::{DateCell, DateRule, Problem, Year, tokenize};
use super::keywords::{Role, header_role, is_pending_word, normalize};
use super::records::Record;
use super::sign::{self, SignRead};
use super::{HintProblem, Hints, ImportError, Sign};

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
    /// Every column that could hold the amount when there are several.
    pub amount_columns: Vec<usize>,
    pub sign: SignRead,
    /// True when another line could also be the header.
    pub header_matters: bool,
    /// The lines that could be the header (1-based), best first, one per distinct text.
    pub header_lines: Vec<usize>,
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

/// A record with a date (or a pending mark) in one cell and a number in another. A date
/// format the user gave decides what a date is (`20210301`, `01:03:2021` read only so).
fn data_like(record: &Record, hinted: Option<&DateRule>) -> bool {
    let dated: Vec<usize> = (0..record.fields.len())
        .filter(|&i| is_dated(record.field(i), hinted))
        .collect();
    !dated.is_empty()
        && (0..record.fields.len())
            .any(|i| money_like(record.field(i)) && !(dated.len() == 1 && dated[0] == i))
}

/// A date cell (or a pending mark): read with the user's format when there is one.
fn is_dated(cell: &str, hinted: Option<&DateRule>) -> bool {
    match hinted {
        Some(rule) => matches!(rule.read(cell), DateCell::Date(_) | DateCell::Pending),
        None => date_like(cell) || is_pending_word(cell),
    }
}

/// The header record's index, found as `plan` finds it, for files `plan` refuses.
pub(crate) fn header_of(records: &[Record], hints: &Hints) -> Option<usize> {
    if let Some(line) = hints.header_line {
        return records.iter().position(|r| r.line == line && line > 0);
    }
    let hinted = hinted_rule(hints, year_source(records, hints));
    let data: Vec<bool> = records
        .iter()
        .map(|r| data_like(r, hinted.as_ref()))
        .collect();
    let first_data = data.iter().position(|d| *d)?;
    find_header(records, &data, first_data).first().copied()
}

/// The user's date format as a rule, when it is a valid one (an invalid one is refused
/// with its message where the dates are read).
fn hinted_rule(hints: &Hints, year: Year) -> Option<DateRule> {
    let format = hints.date_format.as_deref()?;
    DateRule::from_hint(format, year).ok()
}

/// Where yearless dates take their year: the user's `--year`, else the statement period
/// a line before the transactions gives ("Zeitraum: 15.12.2020 - 14.01.2021").
fn year_source(records: &[Record], hints: &Hints) -> Year {
    Year {
        given: hints.year,
        period: if hints.year.is_some() {
            None
        } else {
            statement_period(records)
        },
    }
}

/// The first and last date of a line before the transactions that holds two or more
/// full dates less than 400 days apart.
fn statement_period(records: &[Record]) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let before_data = records.iter().take(40).take_while(|r| !data_like(r, None));
    for record in before_data {
        let text = record.fields.join(" ");
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, '~' | '至' | '–' | '—' | '|' | ';'))
            .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ':' | '(' | ')' | '[' | ']')))
            .filter(|w| tokenize(w).is_some_and(|t| t.pieces.len() == 3 && t.plausible()))
            .collect();
        if words.len() < 2 {
            continue;
        }
        let Ok(rule) = DateRule::decide(&words, Year::default()) else {
            continue;
        };
        let dates: Vec<chrono::NaiveDate> = words
            .iter()
            .filter_map(|w| match rule.read(w) {
                DateCell::Date(date) => Some(date),
                _ => None,
            })
            .collect();
        let (Some(from), Some(to)) = (dates.iter().min(), dates.iter().max()) else {
            continue;
        };
        if dates.len() >= 2 && (*to - *from).num_days() < 400 {
            return Some((*from, *to));
        }
    }
    None
}

/// The header the user named (`--header-line`): its index, `None` for "no header" (0).
fn named_header(
    file: &str,
    records: &[Record],
    data: &[bool],
    line: usize,
) -> Result<Option<usize>, ImportError> {
    if line == 0 {
        return Ok(None);
    }
    match records.iter().position(|r| r.line == line) {
        // A transaction taken for the header would be lost without a word.
        Some(index) if data[index] => Err(ImportError::Hint {
            file: file.to_string(),
            problem: HintProblem::HeaderIsTransaction {
                line,
                row: records[index].summary(),
            },
        }),
        Some(index) if !records[index].is_blank() => Ok(Some(index)),
        _ => Err(ImportError::Hint {
            file: file.to_string(),
            problem: if records.last().is_some_and(|r| r.line < line) {
                HintProblem::HeaderPastEnd { line }
            } else {
                HintProblem::HeaderEmpty { line }
            },
        }),
    }
}

pub(crate) fn plan(file: &str, records: &[Record], hints: &Hints) -> Result<Plan, ImportError> {
    let last_line = records.last().map_or(1, |r| r.line);
    let no_rows = || ImportError::NoTransactions {
        file: file.to_string(),
        line: last_line,
    };
    let year = year_source(records, hints);
    let hinted = hinted_rule(hints, year);
    let data: Vec<bool> = records
        .iter()
        .map(|r| data_like(r, hinted.as_ref()))
        .collect();
    let first_data = data.iter().position(|d| *d).ok_or_else(no_rows)?;
    let candidates = find_header(records, &data, first_data);
    let header = match hints.header_line {
        Some(line) => named_header(file, records, &data, line)?,
        None => candidates.first().copied(),
    };
    // Another line could be the header (a repeat of the same header, as a statement in
    // sections has, is no choice).
    let same = |a: usize, b: usize| records[a].fields == records[b].fields;
    let header_matters = hints.header_line.is_some()
        || candidates
            .iter()
            .any(|&c| header.is_some_and(|h| !same(c, h)));
    let mut distinct: Vec<usize> = Vec::new();
    for &c in header.iter().chain(&candidates) {
        if !distinct.iter().any(|&d| same(d, c)) {
            distinct.push(c);
        }
    }
    let header_lines: Vec<usize> = distinct.iter().map(|&c| records[c].line).collect();
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
    let date = date_column(&rows, width, &role, hinted.as_ref()).ok_or_else(no_rows)?;
    let mut plan_names = names.clone();
    plan_names.resize(width.max(names.len()), String::new());
    let column = |c: usize| match plan_names.get(c).filter(|n| !n.is_empty()) {
        Some(name) => format!("{} ({name})", c + 1),
        None => (c + 1).to_string(),
    };
    let dates = date_rule(
        file, records, start, date, &rows, width, hints, year, &column,
    )?;
    let decimal = match hints.decimal_mark {
        Some(mark) => Some(mark),
        None => decimal_mark(&rows, date, width),
    };
    let forced = match &hints.amount_column {
        Some(name) => Some(amount_column(file, name, &plan_names, width, date)?),
        None => None,
    };
    let header_line = header
        .and_then(|h| records.get(h))
        .map_or(rows[0].line, |r| r.line);
    let chosen = columns::choose(&rows, width, date, decimal, &role, &plan_names, forced)
        .ok_or_else(|| ImportError::NoAmountColumn {
            file: file.to_string(),
            line: header_line,
        })?;
    let mut cols = chosen.columns;
    if decimal.is_none() {
        // Read as thousands, `1.005` would be a thousand times what it is if the point
        // is a decimal mark: asked, never guessed.
        let money = cols.money.amounts();
        for row in &rows {
            if let Some(&c) = money
                .iter()
                .find(|&&c| amount::point_reads_two_ways(row.field(c)))
            {
                return Err(ImportError::AmbiguousDecimal {
                    file: file.to_string(),
                    line: row.line,
                    column: column(c),
                    text: row.field(c).to_string(),
                });
            }
        }
    }
    let currency = columns::main_currency(&rows, &mut cols, decimal, &plan_names);
    let preamble: Vec<&Record> = records[..header.unwrap_or(0)].iter().collect();
    let sign = match &mut cols.money {
        MoneyCols::Signed { amount, inverted } => {
            let read = sign::decide(&sign::Evidence {
                preamble: &preamble,
                names: &plan_names,
                header_line,
                rows: &rows,
                amount: *amount,
                descriptions: &cols.descriptions,
                balance: cols.balance,
                decimal,
                shape_inverted: *inverted,
                hint: hints.sign,
            })
            .map_err(|(line, why)| ImportError::AmbiguousSign {
                file: file.to_string(),
                line,
                why,
            })?;
            *inverted = read.sign == Sign::Inverted;
            read
        }
        _ if hints.sign.is_some() => {
            return Err(ImportError::Hint {
                file: file.to_string(),
                problem: HintProblem::SignWithOwnDirection {
                    layout: cols.money.layout(),
                },
            });
        }
        _ => SignRead::default(),
    };
    Ok(Plan {
        header,
        start,
        names: plan_names,
        cols,
        decimal,
        dates,
        currency,
        amount_columns: chosen.candidates,
        sign,
        header_matters,
        header_lines,
    })
}

/// The column `--amount-column` names: a header name (case and spacing aside) or a
/// 1-based column number.
fn amount_column(
    file: &str,
    name: &str,
    names: &[String],
    width: usize,
    date: usize,
) -> Result<usize, ImportError> {
    let wanted = normalize(name);
    let found = names
        .iter()
        .position(|n| !n.is_empty() && normalize(n) == wanted)
        .or_else(|| {
            name.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=width).contains(n))
                .map(|n| n - 1)
        });
    match found {
        Some(c) if c != date => Ok(c),
        _ => {
            let names = names.iter().filter(|n| !n.is_empty()).cloned().collect();
            Err(ImportError::Hint {
                file: file.to_string(),
                problem: HintProblem::NoSuchAmountColumn {
                    name: name.to_string(),
                    names,
                    width,
                },
            })
        }
    }
}

/// The header candidates, best first: records of words (no dates, no numbers) before the
/// data, scored first on how many of the records that follow read as data (so a
/// preamble's "Account; Currency; Balance" line loses to the line the transactions
/// follow), then on how many cells name a known column.
fn find_header(records: &[Record], data: &[bool], first_data: usize) -> Vec<usize> {
    let limit = (first_data + 50).min(records.len());
    let widths: Vec<usize> = records
        .iter()
        .zip(data)
        .filter(|(_, d)| **d)
        .map(|(r, _)| r.non_empty())
        .take(50)
        .collect();
    let typical = widths.iter().copied().max().unwrap_or(0);
    let mut found: Vec<((usize, usize), usize)> = Vec::new();
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
        // Whether data follows, and more than one line of it: a preamble line followed by
        // one line of figures scores 1, the header of the transactions 2 (no more, so a
        // statement in sections keeps its first section's header).
        let following = records[index + 1..]
            .iter()
            .zip(&data[index + 1..])
            .filter(|(r, _)| !r.is_blank())
            .take(2)
            .take_while(|(_, d)| **d)
            .count();
        let accept = named >= 2 || (leads && enough && (named >= 1 || filled >= 3));
        if accept {
            found.push(((following, named), index));
        }
    }
    // Best first; among equals the earlier line.
    found.sort_by_key(|&(score, index)| (std::cmp::Reverse(score), index));
    found.into_iter().map(|(_, index)| index).collect()
}

/// The column with the most dates; among near-equals a booking date beats an unnamed
/// column, which beats a value date; then the leftmost.
fn date_column(
    rows: &[&Record],
    width: usize,
    role: &dyn Fn(usize) -> Option<Role>,
    hinted: Option<&DateRule>,
) -> Option<usize> {
    let counts: Vec<usize> = (0..width)
        .map(|c| rows.iter().filter(|r| is_dated(r.field(c), hinted)).count())
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
    year: Year,
    column: &dyn Fn(usize) -> String,
) -> Result<DateRule, ImportError> {
    let cells: Vec<(usize, &str)> = records[start..]
        .iter()
        .map(|r| (r.line, r.field(date)))
        .filter(|(_, cell)| tokenize(cell).is_some_and(|t| t.plausible()))
        .collect();
    let texts: Vec<&str> = cells.iter().map(|c| c.1).collect();
    let result = match &hints.date_format {
        Some(format) => DateRule::from_hint(format, year),
        None => DateRule::decide(&texts, year),
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
        if let Ok(rule) = DateRule::decide(&all, year) {
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
            problem: HintProblem::BadDateFormat {
                format: hints.date_format.clone().unwrap_or_default(),
            },
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
        let data: Vec<bool> = records.iter().map(|r| data_like(r, None)).collect();
        assert_eq!(find_header(&records, &data, 4).first(), Some(&3));
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
