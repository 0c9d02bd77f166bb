//! Date cells: ISO, `YYYYMMDD`, `YYYY/MM/DD`, day-first and month-first with `/ . -`,
//! two-digit years, month names in several languages, date-times, unpadded days, no year
//! (with `Hints::year`). Day/month order is decided from the whole column, never guessed;
//! a cell that does not parse is an error, never "today".

use chrono::format::{Item, Parsed, StrftimeItems, parse_and_remainder};
use chrono::{Datelike, NaiveDate};

use super::keywords::is_pending_word;
pub(crate) use super::tokens::tokenize;
use super::tokens::{Order, Tokens};

/// What a date cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateCell {
    Date(NaiveDate),
    Pending,
    Empty,
    /// Words, not a date: a title, a footer, a balance label.
    Text,
    /// Shaped like a date but not a valid one.
    Bad,
}

/// How a date column is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateRule {
    Auto {
        three: Order,
        two: Order,
        year: Year,
    },
    Format {
        format: String,
        year: Year,
    },
}

/// Where a date written without a year takes its year from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Year {
    /// The user's `--year`.
    pub given: Option<i32>,
    /// The statement's period, read from its preamble ("01.12.2020 - 31.01.2021"): a
    /// yearless date takes the year that puts it inside the period.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

impl Year {
    #[cfg(test)]
    pub fn given(year: Option<i32>) -> Year {
        Year {
            given: year,
            period: None,
        }
    }

    fn known(&self) -> bool {
        self.given.is_some() || self.period.is_some()
    }

    /// A year to check day and month against.
    fn sample(&self) -> Option<i32> {
        self.given.or(self.period.map(|(from, _)| from.year()))
    }

    /// The date a yearless day and month stand for: in the given year, else the one of
    /// the period's years that puts it inside the period.
    fn place(&self, make: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
        if let Some(year) = self.given {
            return make(year);
        }
        let (from, to) = self.period?;
        let dates: Vec<NaiveDate> = (from.year()..=to.year()).filter_map(&make).collect();
        dates
            .iter()
            .copied()
            .find(|d| (from..=to).contains(d))
            .or_else(|| dates.first().copied())
    }
}

/// Why a column's dates cannot be read without help from the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Index of a cell that could be either day-first or month-first; formats to offer.
    Ambiguous(usize, String, String),
    /// Index of a cell that has no year.
    NoYear(usize),
    BadFormat,
}

impl DateRule {
    pub fn from_hint(format: &str, year: Year) -> Result<DateRule, Problem> {
        if StrftimeItems::new(format).any(|item| item == Item::Error) || format.is_empty() {
            return Err(Problem::BadFormat);
        }
        Ok(DateRule::Format {
            format: format.to_string(),
            year,
        })
    }

    /// Decides day/month order and the need for a year from all `cells` of the column.
    pub fn decide(cells: &[&str], year: Year) -> Result<DateRule, Problem> {
        let tokens: Vec<(usize, Tokens)> = cells
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| tokenize(cell).map(|t| (i, t)))
            .collect();
        if !year.known()
            && let Some((i, _)) = tokens.iter().find(|(_, t)| t.pieces.len() == 2)
        {
            return Err(Problem::NoYear(*i));
        }
        let open = |n: usize| {
            tokens
                .iter()
                .filter(move |(_, t)| t.pieces.len() == n && t.fixed_order().is_none())
        };
        let three = choose(
            open(3),
            [Order::Dmy, Order::Mdy],
            Some(Order::Ymd2),
            year.sample(),
        )?;
        let two = choose(open(2), [Order::Dm, Order::Md], None, year.sample())?;
        Ok(DateRule::Auto { three, two, year })
    }

    /// The format a user would pass to read `cell` this way, for the report.
    pub fn describe(&self, cell: &str) -> String {
        match (self, tokenize(cell)) {
            (DateRule::Format { format, .. }, _) => format.clone(),
            (DateRule::Auto { three, two, .. }, Some(t)) => {
                let order =
                    t.fixed_order()
                        .unwrap_or(if t.pieces.len() == 3 { *three } else { *two });
                t.format(order)
            }
            (DateRule::Auto { .. }, None) => String::new(),
        }
    }

    pub fn read(&self, cell: &str) -> DateCell {
        let text = cell.trim();
        if text.is_empty() {
            return DateCell::Empty;
        }
        if is_pending_word(text) {
            return DateCell::Pending;
        }
        let parsed = match self {
            DateRule::Auto { three, two, year } => tokenize(text).map(|t| {
                let order =
                    t.fixed_order()
                        .unwrap_or(if t.pieces.len() == 3 { *three } else { *two });
                if t.pieces.len() == 2 {
                    year.place(|y| t.date(order, Some(y)))
                } else {
                    t.date(order, None)
                }
            }),
            // A spreadsheet's date cells are written `YYYY-MM-DD`, whatever the hint
            // says of the file's dates written as text: a date cell needs no format.
            // Words the format does not read (a "Closing balance" footer) are text, as
            // they are without a hint; what reads as a date but not by it is a bad date.
            DateRule::Format { format, year } => {
                match with_format(text, format, *year).or_else(|| date_cell(text)) {
                    Some(date) => Some(Some(date)),
                    None if tokenize(text).is_some() => Some(None),
                    None => None,
                }
            }
        };
        match parsed {
            Some(Some(date)) => DateCell::Date(date),
            Some(None) => DateCell::Bad,
            None if looks_dated(text) => DateCell::Bad,
            None => DateCell::Text,
        }
    }
}

/// Picks the first of `orders` under which every token is a valid date; both valid is
/// ambiguous unless day and month agree in every cell.
fn choose<'a>(
    tokens: impl Iterator<Item = &'a (usize, Tokens)> + Clone,
    orders: [Order; 2],
    fallback: Option<Order>,
    year: Option<i32>,
) -> Result<Order, Problem> {
    let valid = |order: Order| tokens.clone().all(|(_, t)| t.date(order, year).is_some());
    let count = |order: Order| {
        tokens
            .clone()
            .filter(|(_, t)| t.date(order, year).is_some())
            .count()
    };
    let [first, second] = orders;
    match (valid(first), valid(second)) {
        (true, true) => {
            // Dates written with dots are day-first wherever they are written.
            let dotted = tokens.clone().all(|(_, t)| t.seps.iter().all(|s| s == "."));
            let differs = tokens.clone().find(|(_, t)| t.pieces[0] != t.pieces[1]);
            // A statement is sorted by date: if only one reading is, it is the one.
            let sorted = |order: Order| {
                let dates: Vec<NaiveDate> = tokens
                    .clone()
                    .filter_map(|(_, t)| t.date(order, year))
                    .collect();
                let mut distinct = dates.clone();
                distinct.sort();
                distinct.dedup();
                let rising = dates.windows(2).all(|w| w[0] <= w[1]);
                let falling = dates.windows(2).all(|w| w[0] >= w[1]);
                distinct.len() >= 4 && (rising || falling)
            };
            match differs {
                None => Ok(first),
                Some(_) if dotted => Ok(first),
                Some((i, t)) => match (sorted(first), sorted(second)) {
                    (true, false) => Ok(first),
                    (false, true) => Ok(second),
                    _ => Err(Problem::Ambiguous(*i, t.format(first), t.format(second))),
                },
            }
        }
        (true, false) => Ok(first),
        (false, true) => Ok(second),
        (false, false) => match fallback {
            Some(order) if valid(order) => Ok(order),
            _ if count(second) > count(first) => Ok(second),
            _ => Ok(first),
        },
    }
}

/// Reads `text` with a user's strftime format; a missing year comes from `year`.
fn with_format(text: &str, format: &str, year: Year) -> Option<NaiveDate> {
    let mut parsed = Parsed::new();
    let rest = parse_and_remainder(&mut parsed, text, StrftimeItems::new(format)).ok()?;
    if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
        return None;
    }
    match parsed.to_naive_date() {
        Ok(date) => Some(date),
        Err(_) if parsed.year().is_none() && parsed.year_mod_100().is_none() => year.place(|y| {
            let mut parsed = parsed.clone();
            parsed.set_year(i64::from(y)).ok()?;
            parsed.to_naive_date().ok()
        }),
        Err(_) => None,
    }
}

/// A date as a spreadsheet's date cell is written (`sheet`): `YYYY-MM-DD`, maybe with a
/// time after it. Four digits first can only be a year.
fn date_cell(text: &str) -> Option<NaiveDate> {
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Digits and date separators only: a date written wrong, not words.
fn looks_dated(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 4
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | ':' | ' ' | 'T'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> DateCell {
        DateCell::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn read_all(cells: &[&str]) -> Vec<DateCell> {
        let rule = DateRule::decide(cells, Year::default()).unwrap();
        cells.iter().map(|c| rule.read(c)).collect()
    }

    #[test]
    fn a_hinted_format_reads_date_cells_and_leaves_words_as_text() {
        let rule = DateRule::from_hint("%d/%m/%Y", Year::default()).unwrap();
        assert_eq!(rule.read("02/11/2026"), ymd(2026, 11, 2));
        // A spreadsheet's date cell, with and without a time.
        assert_eq!(rule.read("2026-11-03"), ymd(2026, 11, 3));
        assert_eq!(rule.read("2026-11-04 14:30:00"), ymd(2026, 11, 4));
        assert_eq!(rule.read("Closing balance"), DateCell::Text);
        assert_eq!(rule.read("31/13/2026"), DateCell::Bad);
        assert_eq!(rule.read("2026-13-01"), DateCell::Bad);
    }

    #[test]
    fn shapes() {
        let cells = [
            "2023-02-12 21:32:14",
            "20240131",
            "2016/03/31",
            "Apr 8, 2018",
            "12-Dec-2019",
            "2017-04-25T03:15:53",
            "2016.03.31.",
            "8. März 2020",
        ];
        assert_eq!(
            read_all(&cells),
            vec![
                ymd(2023, 2, 12),
                ymd(2024, 1, 31),
                ymd(2016, 3, 31),
                ymd(2018, 4, 8),
                ymd(2019, 12, 12),
                ymd(2017, 4, 25),
                ymd(2016, 3, 31),
                ymd(2020, 3, 8),
            ]
        );
    }

    #[test]
    fn column_decides_day_and_month() {
        assert_eq!(
            read_all(&["12/12/11", "30/12/11", "04/01/12"])[2],
            ymd(2012, 1, 4)
        );
        assert_eq!(read_all(&["01/27/2023", "01/05/2023"])[1], ymd(2023, 1, 5));
        assert_eq!(read_all(&["09.01.00 00:58"])[0], ymd(2000, 1, 9));
        assert_eq!(read_all(&["05/05/2020"])[0], ymd(2020, 5, 5));
        assert_eq!(read_all(&["01.03.2021", "02.03.2021"])[1], ymd(2021, 3, 2));
        // Only month-first keeps this column in date order.
        let sorted = [
            "01/02/2021",
            "01/03/2021",
            "01/05/2021",
            "02/01/2021",
            "02/03/2021",
        ];
        assert_eq!(read_all(&sorted)[3], ymd(2021, 2, 1));
        match DateRule::decide(&["01/02/2020", "03/04/2020"], Year::default()) {
            Err(Problem::Ambiguous(0, a, b)) => {
                assert_eq!((a, b), ("%d/%m/%Y".into(), "%m/%d/%Y".into()))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_year_needs_a_hint() {
        assert_eq!(
            DateRule::decide(&["x", "12 Mar"], Year::default()),
            Err(Problem::NoYear(1))
        );
        let rule = DateRule::decide(&["12 Mar", "31/12"], Year::given(Some(2021))).unwrap();
        assert_eq!(rule.read("12 Mar"), ymd(2021, 3, 12));
        assert_eq!(rule.read("31/12"), ymd(2021, 12, 31));
        // A period over the new year places each day in its year.
        let period = Year {
            given: None,
            period: Some((
                NaiveDate::from_ymd_opt(2020, 12, 15).unwrap(),
                NaiveDate::from_ymd_opt(2021, 1, 14).unwrap(),
            )),
        };
        let rule = DateRule::decide(&["16.12.", "02.01."], period).unwrap();
        assert_eq!(rule.read("16.12."), ymd(2020, 12, 16));
        assert_eq!(rule.read("02.01."), ymd(2021, 1, 2));
        let rule = DateRule::from_hint("%d.%m.", period).unwrap();
        assert_eq!(rule.read("02.01."), ymd(2021, 1, 2));
    }

    #[test]
    fn bad_text_and_pending() {
        let rule = DateRule::decide(&["2020-01-01"], Year::default()).unwrap();
        assert_eq!(rule.read("2020-02-30"), DateCell::Bad);
        assert_eq!(rule.read("2020-13-45"), DateCell::Bad);
        assert_eq!(rule.read("Pending"), DateCell::Pending);
        assert_eq!(
            rule.read("Date downloaded 01/24/2023 10:28 am"),
            DateCell::Text
        );
        assert_eq!(rule.read("人民币合计"), DateCell::Text);
        assert_eq!(rule.read(""), DateCell::Empty);
        assert!(tokenize("12.50").is_none());
        assert!(tokenize("1.10.2015 x").is_none());
    }

    #[test]
    fn hinted_format() {
        let rule = DateRule::from_hint("%m/%d/%Y", Year::default()).unwrap();
        assert_eq!(rule.read("03/04/2020"), ymd(2020, 3, 4));
        let rule = DateRule::from_hint("%d.%m.", Year::given(Some(2019))).unwrap();
        assert_eq!(rule.read("31.12."), ymd(2019, 12, 31));
        assert!(DateRule::from_hint("%Q", Year::default()).is_err());
    }
}
