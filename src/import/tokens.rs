//! The shape of a date cell: its pieces (numbers, a month name), separators and time of
//! day, and what each day/month/year order makes of them. `date` decides the order for a
//! whole column; this file only reads one cell.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    Num(u32, usize),
    Month(u32),
}

/// Order of day, month and year in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    Ymd,
    Dmy,
    Mdy,
    /// Two-digit year first (`11/12/30`), taken only when nothing else fits.
    Ymd2,
    /// No year: day first / month first.
    Dm,
    Md,
}

/// A cell split into its date pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tokens {
    pub pieces: Vec<Piece>,
    pub seps: Vec<String>,
    compact: bool,
    time: Option<String>,
}

impl Tokens {
    /// True when some reading of the pieces is a real calendar date.
    pub fn plausible(&self) -> bool {
        let orders = [
            Order::Ymd,
            Order::Dmy,
            Order::Mdy,
            Order::Ymd2,
            Order::Dm,
            Order::Md,
        ];
        match self.fixed_order() {
            Some(order) => self.date(order, Some(2000)).is_some(),
            None => orders.iter().any(|o| self.date(*o, Some(2000)).is_some()),
        }
    }

    /// The order this shape implies, or `None` when the column must decide.
    pub(crate) fn fixed_order(&self) -> Option<Order> {
        let first_wide = matches!(self.pieces.first(), Some(Piece::Num(_, 4)));
        match (self.pieces.len(), self.pieces.first(), self.pieces.get(1)) {
            _ if self.compact => Some(Order::Ymd),
            (3, _, _) if first_wide => Some(Order::Ymd),
            (3, Some(Piece::Month(_)), _) => Some(Order::Mdy),
            (3, _, Some(Piece::Month(_))) => Some(Order::Dmy),
            (2, Some(Piece::Month(_)), _) => Some(Order::Md),
            (2, _, Some(Piece::Month(_))) => Some(Order::Dm),
            _ => None,
        }
    }

    pub(crate) fn date(&self, order: Order, year: Option<i32>) -> Option<NaiveDate> {
        let p = &self.pieces;
        let (y, m, d) = match (order, p.len()) {
            (Order::Ymd | Order::Ymd2, 3) => (Some(p[0]), p[1], p[2]),
            (Order::Dmy, 3) => (Some(p[2]), p[1], p[0]),
            (Order::Mdy, 3) => (Some(p[2]), p[0], p[1]),
            (Order::Dm, 2) => (None, p[1], p[0]),
            (Order::Md, 2) => (None, p[0], p[1]),
            _ => return None,
        };
        let year = match y {
            Some(Piece::Num(y, 4)) if order != Order::Ymd2 => i32::try_from(y).ok()?,
            Some(Piece::Num(y, 2)) if order != Order::Ymd => {
                let y = i32::try_from(y).ok()?;
                if y <= 68 { 2000 + y } else { 1900 + y }
            }
            None => year?,
            _ => return None,
        };
        let month = match m {
            Piece::Month(m) => m,
            Piece::Num(m, 1 | 2) => m,
            _ => return None,
        };
        let day = match d {
            Piece::Num(d, 1 | 2) => d,
            _ => return None,
        };
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// The strftime-style format of this cell read in `order`.
    pub(crate) fn format(&self, order: Order) -> String {
        let mut out = String::new();
        if self.compact {
            out.push_str("%Y%m%d");
        } else {
            let roles: &[char] = match order {
                Order::Ymd | Order::Ymd2 => &['y', 'm', 'd'],
                Order::Dmy => &['d', 'm', 'y'],
                Order::Mdy => &['m', 'd', 'y'],
                Order::Dm => &['d', 'm'],
                Order::Md => &['m', 'd'],
            };
            for (i, (piece, role)) in self.pieces.iter().zip(roles).enumerate() {
                out.push_str(match (piece, role) {
                    (Piece::Month(_), _) => "%b",
                    (Piece::Num(_, 4), 'y') => "%Y",
                    (_, 'y') => "%y",
                    (_, 'm') => "%m",
                    _ => "%d",
                });
                if let Some(sep) = self.seps.get(i) {
                    out.push_str(sep);
                }
            }
            if self.seps.last().is_some_and(|s| s.trim() == "月") {
                out.push('日');
            }
        }
        if let Some(time) = &self.time {
            out.push_str(time);
        }
        out
    }
}

/// The longest cell (in bytes, trimmed) that may be a date.
const MAX_CELL: usize = 48;

/// The number written in `digits` (ASCII digits, at most 8 of them).
fn number(digits: &[char]) -> u32 {
    digits
        .iter()
        .fold(0, |n, d| n * 10 + d.to_digit(10).unwrap_or(0))
}

/// Month names and abbreviations (English, German, French, Dutch, Spanish, Italian,
/// Swedish), one month an arm.
fn month(word: &str) -> Option<u32> {
    if !(3..=13).contains(&word.len()) {
        return None;
    }
    let word = word.to_lowercase();
    let month = match word.trim_end_matches('.') {
        "jan" | "january" | "januar" | "januari" | "janv" | "janvier" | "jän" | "ene" | "enero"
        | "gen" => 1,
        "feb" | "february" | "februar" | "februari" | "févr" | "fevr" | "février" | "febrero" => {
            2
        }
        "mar" | "march" | "mär" | "märz" | "mrz" | "mrt" | "maart" | "mars" | "marzo" => 3,
        "apr" | "april" | "avr" | "avril" | "abr" | "abril" => 4,
        "may" | "mai" | "mei" | "maj" | "mayo" | "mag" => 5,
        "jun" | "june" | "juni" | "juin" | "junio" | "giu" => 6,
        "jul" | "july" | "juli" | "juil" | "juillet" | "julio" | "lug" => 7,
        "aug" | "august" | "augustus" | "augusti" | "août" | "aout" | "ago" | "agosto" => 8,
        "sep" | "sept" | "september" | "septembre" | "septiembre" | "set" => 9,
        "oct" | "october" | "okt" | "oktober" | "octobre" | "octubre" | "ott" => 10,
        "nov" | "november" | "novembre" | "noviembre" => 11,
        "dec" | "december" | "dez" | "dezember" | "déc" | "décembre" | "dic" | "diciembre" => 12,
        _ => return None,
    };
    Some(month)
}

/// Splits a cell into date pieces; `None` when it is not shaped like a date.
pub(crate) fn tokenize(cell: &str) -> Option<Tokens> {
    let s = cell.trim();
    if s.len() > MAX_CELL || !s.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // Every cell of a file is tried, most of them not dates: its chars are held on the
    // stack (a char is at least a byte, so they fit).
    let mut held = ['\0'; MAX_CELL];
    let mut count = 0;
    for (slot, c) in held.iter_mut().zip(s.chars()) {
        *slot = c;
        count += 1;
    }
    let chars = &held[..count];
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 8 {
        let num =
            |from: usize, len: usize| -> Option<u32> { Some(number(chars.get(from..from + len)?)) };
        let time = time_format(&chars[8..])?;
        let year = |y: u32| (1900..=2100).contains(&y);
        // `20210301`; else `01032021` (day or month first, as the column decides).
        let (pieces, compact) = if year(num(0, 4)?) {
            let pieces = vec![
                Piece::Num(num(0, 4)?, 4),
                Piece::Num(num(4, 2)?, 2),
                Piece::Num(num(6, 2)?, 2),
            ];
            (pieces, true)
        } else if year(num(4, 4)?) {
            let pieces = vec![
                Piece::Num(num(0, 2)?, 2),
                Piece::Num(num(2, 2)?, 2),
                Piece::Num(num(4, 4)?, 4),
            ];
            (pieces, false)
        } else {
            return None;
        };
        let seps = if compact {
            Vec::new()
        } else {
            vec![String::new(); 2]
        };
        return Some(Tokens {
            pieces,
            seps,
            compact,
            time,
        });
    }
    let mut pieces = Vec::new();
    let mut seps: Vec<String> = Vec::new();
    let mut at = 0;
    while pieces.len() < 3 {
        let start = at;
        if chars.get(at).is_some_and(char::is_ascii_digit) {
            while chars.get(at).is_some_and(char::is_ascii_digit) {
                at += 1;
            }
            if at - start > 4 {
                return None;
            }
            pieces.push(Piece::Num(number(&chars[start..at]), at - start));
        } else if chars.get(at).is_some_and(|c| c.is_alphabetic()) {
            while chars.get(at).is_some_and(|c| c.is_alphabetic()) {
                at += 1;
            }
            // No month is written in more than 13 bytes, so in more than 13 chars.
            if at - start > 13 {
                return None;
            }
            let word: String = chars[start..at].iter().collect();
            pieces.push(Piece::Month(month(&word)?));
        } else {
            return None;
        }
        let sep_start = at;
        while chars
            .get(at)
            .is_some_and(|c| matches!(c, '/' | '.' | '-' | ' ' | ',' | ':' | '年' | '月'))
        {
            at += 1;
        }
        let sep = &chars[sep_start..at];
        let next_is_piece = chars.get(at).is_some_and(|c| c.is_alphanumeric());
        if pieces.len() == 3 || sep.is_empty() || !next_is_piece {
            at = sep_start;
            break;
        }
        // A space before a time ends a two-piece date ("12.03 10:15" is not a date).
        if pieces.len() == 2 && sep == [' '] && chars[at..].iter().take(3).any(|c| *c == ':') {
            at = sep_start;
            break;
        }
        seps.push(sep.iter().collect());
    }
    if pieces.len() < 2
        || pieces
            .iter()
            .filter(|p| matches!(p, Piece::Month(_)))
            .count()
            > 1
    {
        return None;
    }
    let named = pieces.iter().any(|p| matches!(p, Piece::Month(_)));
    let chinese = seps.len() == 2 && seps[0].trim() == "年" && seps[1].trim() == "月";
    if chinese {
        // 2021年3月1日: the year first, the 日 after the day.
        if !matches!(pieces[0], Piece::Num(_, 4)) || chars.get(at) != Some(&'日') {
            return None;
        }
        at += 1;
    } else if !named {
        let first = seps.first()?;
        let same = seps.iter().all(|s| s == first);
        let wide_year = pieces.len() == 3
            && [&pieces[0], &pieces[2]]
                .iter()
                .any(|p| matches!(p, Piece::Num(_, 4)));
        let plain = matches!(first.as_str(), "/" | "." | "-");
        // A colon or a space only separates a date with a four-digit year (`2021:03:01`,
        // `01 03 2021`): a time of day (`10:15:30`) or a grouped number (`1 300 000`) is
        // not one.
        let spaced = matches!(first.as_str(), ":" | " ") && wide_year;
        if !same || !(plain || spaced) {
            return None;
        }
        if pieces.len() == 2 && !(chars.get(at) == Some(&'.') && first == ".") && first != "/" {
            return None;
        }
    }
    if chars.get(at) == Some(&'.') {
        at += 1;
    }
    let time = time_format(&chars[at..])?;
    Some(Tokens {
        pieces,
        seps,
        compact: false,
        time,
    })
}

/// `Some(None)` when nothing follows the date, `Some(Some(format))` for a time of day
/// after a space or `T`, `None` when something else follows.
fn time_format(rest: &[char]) -> Option<Option<String>> {
    if rest.iter().all(|c| c.is_whitespace()) {
        return Some(None);
    }
    let text: String = rest.iter().collect();
    let lead = if text.starts_with('T') { "T" } else { " " };
    let body = text.strip_prefix('T').unwrap_or(&text);
    if !body.starts_with([' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        return None;
    }
    let clock = body.trim_start().split([' ', 'Z', '+', '.']).next()?;
    let colons = clock.matches(':').count();
    let shaped = clock.chars().all(|c| c.is_ascii_digit() || c == ':');
    let tail = body.trim_start()[clock.len()..].trim();
    if !shaped || colons == 0 || colons > 2 || tail.chars().count() > 12 {
        return None;
    }
    Some(Some(format!(
        "{lead}{}",
        if colons == 2 { "%H:%M:%S" } else { "%H:%M" }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(cell: &str, order: Order) -> String {
        tokenize(cell).unwrap().format(order)
    }

    #[test]
    fn shapes_and_formats() {
        assert_eq!(
            format("2023-02-12 21:32:14", Order::Ymd),
            "%Y-%m-%d %H:%M:%S"
        );
        assert_eq!(format("Apr 8, 2018", Order::Mdy), "%b %d, %Y");
        assert_eq!(format("09.01.00 00:58", Order::Dmy), "%d.%m.%y %H:%M");
        assert_eq!(
            format("2017-04-25T03:15:53", Order::Ymd),
            "%Y-%m-%dT%H:%M:%S"
        );
        assert_eq!(format("20240131", Order::Ymd), "%Y%m%d");
        assert_eq!(
            tokenize("8. März 2020").unwrap().fixed_order(),
            Some(Order::Dmy)
        );
        assert_eq!(tokenize("12 Mar").unwrap().fixed_order(), Some(Order::Dm));
        assert_eq!(format("2021:03:01", Order::Ymd), "%Y:%m:%d");
        assert_eq!(format("01 03 2021", Order::Dmy), "%d %m %Y");
        assert_eq!(format("01032021", Order::Dmy), "%d%m%Y");
        assert_eq!(format("2021年3月1日", Order::Ymd), "%Y年%m月%d日");
    }

    #[test]
    fn not_dates() {
        for cell in [
            "12.50",
            "1 300,00",
            "Pending",
            "Date downloaded 01/24/2023",
            "2021-03-01 x",
            "10:15:30",
            "1 300 000",
            "12345678",
            "2021年3月",
        ] {
            assert!(tokenize(cell).is_none(), "{cell}");
        }
        assert!(!tokenize("13/13/2020").unwrap().plausible());
        assert!(tokenize("31/12").unwrap().plausible());
    }
}
