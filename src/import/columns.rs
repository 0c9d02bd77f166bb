//! Which columns hold the money and what else: one signed amount, an amount with a
//! direction column (`D/C`, `Af/Bij`, `收/支`, a lone `CR`), separate debit and credit
//! columns, or a card statement's inverted sign; plus currency, balance, description,
//! reference, counterparty and account. Header words pick roles; cell contents confirm
//! them and decide alone when there is no header.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;

use super::amount::{is_placeholder, looks_like_id, parse};
use super::keywords::{
    Role, Side, amount_preference, code_in_header, currency_code, direction_token,
};
use super::layout::date_like;
use super::records::Record;

/// How a table's money columns were read, as [`Detected::layout`] says it (JSON keeps
/// these words; the screens say them in their language by position in this list).
///
/// [`Detected::layout`]: super::Detected
pub const MONEY_LAYOUTS: [&str; 4] = [
    "signed amount",
    "card statement: a positive amount is money out, a negative or '+' one money in",
    "amount with a direction column",
    "debit and credit columns",
];

/// A way of laying out the money columns, as its words in [`MONEY_LAYOUTS`] (in that
/// order) say it (`Display`); `crate::i18n::Described` says it in the language chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyLayout {
    Signed,
    CardStatement,
    DirectionColumn,
    DebitCredit,
}

impl fmt::Display for MoneyLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MONEY_LAYOUTS[*self as usize])
    }
}

/// Where the amount of a row is and how its direction is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MoneyCols {
    /// Money in positive; `inverted` for card statements where unsigned means a charge.
    Signed {
        amount: usize,
        inverted: bool,
    },
    /// Direction in its own column; `blank` is what an empty direction cell means when
    /// the column only ever marks one side (a lone `CR`).
    WithDirection {
        amount: usize,
        direction: usize,
        blank: Option<Side>,
    },
    DebitCredit {
        debit: usize,
        credit: usize,
    },
}

impl MoneyCols {
    /// The columns that hold amounts (one, or the debit and the credit column).
    pub fn amounts(&self) -> Vec<usize> {
        match *self {
            MoneyCols::Signed { amount, .. } | MoneyCols::WithDirection { amount, .. } => {
                vec![amount]
            }
            MoneyCols::DebitCredit { debit, credit } => vec![debit, credit],
        }
    }

    /// How the money columns are laid out (what `Detected::layout` says in words).
    pub fn layout(&self) -> MoneyLayout {
        match self {
            MoneyCols::Signed {
                inverted: false, ..
            } => MoneyLayout::Signed,
            MoneyCols::Signed { inverted: true, .. } => MoneyLayout::CardStatement,
            MoneyCols::WithDirection { .. } => MoneyLayout::DirectionColumn,
            MoneyCols::DebitCredit { .. } => MoneyLayout::DebitCredit,
        }
    }

    fn anchor(&self) -> usize {
        match self {
            MoneyCols::Signed { amount, .. } | MoneyCols::WithDirection { amount, .. } => *amount,
            MoneyCols::DebitCredit { debit, credit } => *debit.min(credit),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub date: usize,
    pub money: MoneyCols,
    pub currency: Option<usize>,
    pub balance: Option<usize>,
    pub descriptions: Vec<usize>,
    pub reference: Option<usize>,
    pub counterparty: Option<usize>,
    pub account: Option<usize>,
}

/// What one column's cells hold over the data rows.
#[derive(Debug, Default)]
struct Stat {
    filled: usize,
    parsed: usize,
    ids: usize,
    minus: usize,
    plus: usize,
    unsigned: usize,
    tokens: usize,
    ins: bool,
    outs: bool,
    codes: usize,
    dates: usize,
    chars: usize,
}

impl Stat {
    fn of(rows: &[&Record], c: usize, decimal: Option<char>) -> Stat {
        let mut s = Stat::default();
        for row in rows {
            let cell = row.field(c);
            if is_placeholder(cell) {
                continue;
            }
            s.filled += 1;
            s.chars += cell.chars().count();
            s.ids += usize::from(looks_like_id(cell));
            s.dates += usize::from(date_like(cell));
            s.codes += usize::from(currency_code(cell).is_some());
            if let Ok(Some(money)) = parse(cell, decimal) {
                s.parsed += 1;
                match (money.minus, money.plus) {
                    (true, _) => s.minus += 1,
                    (_, true) => s.plus += 1,
                    _ => s.unsigned += 1,
                }
            }
            if let Some(side) = direction_token(cell) {
                s.tokens += 1;
                s.ins |= side == Side::In;
                s.outs |= side == Side::Out;
            }
        }
        s
    }

    /// Mostly amounts, and not identifiers or dates.
    fn is_money(&self) -> bool {
        self.parsed >= 1
            && self.parsed * 10 >= self.filled * 8
            && self.ids * 2 < self.filled
            && self.dates * 2 < self.filled
    }

    /// Enough amounts for a column whose header names it a money column: its cells that
    /// do not read are then errors, not a reason to look elsewhere.
    fn is_named_money(&self) -> bool {
        self.parsed >= 1 && self.parsed * 2 >= self.filled && self.ids * 2 < self.filled
    }
}

/// The columns chosen, and every column that could have been the amount (when there are
/// several), to offer as choices.
pub(crate) struct Chosen {
    pub columns: Columns,
    pub candidates: Vec<usize>,
}

/// Picks the columns. `forced` is the amount column the user named: read as a signed
/// amount (with a direction column beside it when there is one).
pub(crate) fn choose(
    rows: &[&Record],
    width: usize,
    date: usize,
    decimal: Option<char>,
    role: &dyn Fn(usize) -> Option<Role>,
    names: &[String],
    forced: Option<usize>,
) -> Option<Chosen> {
    let stats: Vec<Stat> = (0..width).map(|c| Stat::of(rows, c, decimal)).collect();
    let others = || (0..width).filter(move |&c| c != date);
    let money = |c: usize| stats[c].is_named_money();
    let named_amounts: Vec<usize> = others()
        .filter(|&c| role(c) == Some(Role::Amount) && money(c))
        .collect();
    let mut candidates = named_amounts.clone();
    if candidates.is_empty() {
        candidates.extend(others().filter(|&c| role(c).is_none() && stats[c].is_money()));
    }
    if let Some(c) = forced
        && !candidates.contains(&c)
    {
        candidates.push(c);
        candidates.sort_unstable();
    }
    if candidates.len() < 2 {
        candidates.clear();
    }
    let side_column = |c: usize, r: Role| role(c) == Some(r) && (money(c) || stats[c].filled == 0);
    let mut pair = None;
    for d in others().filter(|&c| side_column(c, Role::Debit)) {
        for c in others().filter(|&c| side_column(c, Role::Credit)) {
            let key = (
                stats[d].parsed + stats[c].parsed,
                std::cmp::Reverse(d.abs_diff(c)),
            );
            if pair.is_none_or(|(k, _, _)| key > k) {
                pair = Some((key, d, c));
            }
        }
    }
    let mut layout = match pair {
        _ if forced.is_some() => forced.map(|c| signed_layout(&stats, c, date, role)),
        Some(((found, _), debit, credit)) if found > 0 => {
            Some(MoneyCols::DebitCredit { debit, credit })
        }
        _ => None,
    };
    if layout.is_none() {
        // Of several amount columns, the one in the account's currency (booked) over the
        // operation's (original, foreign); then the fullest; then the leftmost.
        let named = named_amounts.iter().copied().max_by_key(|&c| {
            let name = names.get(c).map_or("", String::as_str);
            (
                amount_preference(name),
                stats[c].parsed,
                std::cmp::Reverse(c),
            )
        });
        layout = match named {
            Some(amount) => Some(signed_layout(&stats, amount, date, role)),
            None => unnamed(rows, &stats, date, decimal, role),
        };
    }
    let money_cols = layout?;
    let anchor = money_cols.anchor();
    let nearest = |cands: Vec<usize>| {
        cands.into_iter().min_by_key(|&c| {
            if c > anchor {
                (c - anchor) * 2
            } else {
                (anchor - c) * 2 + 1
            }
        })
    };
    // A currency column named for the original amount ("Original currency") is not the
    // rows' currency when the amount read is the account's own.
    let original = |c: usize| amount_preference(names.get(c).map_or("", String::as_str)) < 0;
    let reading_original = original(anchor);
    let currency = nearest(
        others()
            .filter(|&c| stats[c].codes >= 1 && stats[c].codes * 10 >= stats[c].filled * 8)
            .filter(|&c| reading_original || !original(c))
            .collect(),
    );
    let balance = nearest(
        others()
            .filter(|&c| role(c) == Some(Role::Balance))
            .collect(),
    );
    let fullest = |r: Role| {
        others()
            .filter(|&c| role(c) == Some(r) && stats[c].filled > 0)
            .max_by_key(|&c| (stats[c].filled, std::cmp::Reverse(c)))
    };
    let mut descriptions: Vec<usize> = others()
        .filter(|&c| role(c) == Some(Role::Description) && stats[c].filled > 0)
        .collect();
    let used = |c: usize| {
        c == date
            || Some(c) == currency
            || Some(c) == balance
            || stats[c].parsed * 2 > stats[c].filled
            || stats[c].dates * 2 > stats[c].filled
            || matches!(
                &money_cols,
                MoneyCols::WithDirection { direction, .. } if *direction == c
            )
    };
    if descriptions.is_empty() {
        descriptions.extend(
            others()
                .filter(|&c| !used(c) && role(c).is_none_or(|r| r == Role::Other))
                .filter(|&c| stats[c].filled > 0 && stats[c].ids * 2 < stats[c].filled)
                .max_by_key(|&c| stats[c].chars / stats[c].filled.max(1)),
        );
    }
    let account = fullest(Role::Account).or_else(|| {
        others().find(|&c| {
            names.get(c).is_none_or(String::is_empty)
                && !used(c)
                && stats[c].filled == rows.len()
                && rows
                    .iter()
                    .all(|r| looks_like_account(r.field(c)) && r.field(c) == rows[0].field(c))
        })
    });
    Some(Chosen {
        columns: Columns {
            date,
            money: money_cols,
            currency,
            balance,
            descriptions,
            reference: fullest(Role::Reference),
            counterparty: fullest(Role::Counterparty),
            account,
        },
        candidates,
    })
}

/// An IBAN or a bank account number: letters and digits, mostly digits, long.
fn looks_like_account(cell: &str) -> bool {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact.chars().filter(char::is_ascii_digit).count();
    compact.len() >= 10
        && compact.chars().all(|c| c.is_ascii_alphanumeric())
        && digits * 3 >= compact.len() * 2
}

/// Without a header word: the money columns that are not another's running balance.
/// Two that take turns row by row are debit and credit (a column with minus signs, or
/// else the left one, is the debit side); otherwise the one with written signs, then
/// the leftmost, is a signed amount.
fn unnamed(
    rows: &[&Record],
    stats: &[Stat],
    date: usize,
    decimal: Option<char>,
    role: &dyn Fn(usize) -> Option<Role>,
) -> Option<MoneyCols> {
    let cands: Vec<usize> = (0..stats.len())
        .filter(|&c| c != date && role(c).is_none() && stats[c].is_money())
        .collect();
    let balances: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&b| {
            cands
                .iter()
                .any(|&a| a != b && running_balance(rows, a, b, decimal))
        })
        .collect();
    let left: Vec<usize> = cands
        .into_iter()
        .filter(|c| !balances.contains(c))
        .collect();
    if let [a, b] = left[..]
        && one_of(rows, a, b)
    {
        let (debit, credit) = if stats[b].minus > 0 && stats[a].minus == 0 {
            (b, a)
        } else {
            (a, b)
        };
        return Some(MoneyCols::DebitCredit { debit, credit });
    }
    let amount = left
        .into_iter()
        .max_by_key(|&c| (stats[c].minus + stats[c].plus > 0, std::cmp::Reverse(c)))?;
    Some(signed_layout(stats, amount, date, role))
}

/// True when (almost) every row fills exactly one of the two columns.
fn one_of(rows: &[&Record], a: usize, b: usize) -> bool {
    let filled = |r: &Record, c: usize| !is_placeholder(r.field(c));
    let xor = rows.iter().filter(|r| filled(r, a) != filled(r, b)).count();
    xor * 10 >= rows.len() * 9
}

/// True when column `b` moves by column `a`'s amounts from row to row.
fn running_balance(rows: &[&Record], a: usize, b: usize, decimal: Option<char>) -> bool {
    let values = |c: usize| -> Vec<Option<Decimal>> {
        rows.iter()
            .map(|r| parse(r.field(c), decimal).ok().flatten().map(|m| m.value))
            .collect()
    };
    let (amounts, balances) = (values(a), values(b));
    let (mut pairs, mut fits) = (0usize, 0usize);
    for i in 1..rows.len() {
        let (Some(before), Some(after)) = (balances[i - 1], balances[i]) else {
            continue;
        };
        pairs += 1;
        let Some(diff) = after.checked_sub(before).map(|d| d.abs()) else {
            continue;
        };
        let fits_row = |x: Option<Decimal>| x.is_some_and(|x| x.abs() == diff);
        fits += usize::from(fits_row(amounts[i]) || fits_row(amounts[i - 1]));
    }
    pairs >= 2 && fits * 10 >= pairs * 6
}

/// A signed amount column, with a direction column beside it when there is one.
fn signed_layout(
    stats: &[Stat],
    amount: usize,
    date: usize,
    role: &dyn Fn(usize) -> Option<Role>,
) -> MoneyCols {
    let is_tokens = |c: usize| {
        let s = &stats[c];
        c != date && c != amount && s.tokens >= 1 && s.tokens * 10 >= s.filled * 9
    };
    let named = (0..stats.len())
        .filter(|&c| role(c) == Some(Role::Direction) && is_tokens(c))
        .min_by_key(|&c| c.abs_diff(amount));
    let beside = [amount.checked_sub(1), Some(amount + 1)]
        .into_iter()
        .flatten()
        .filter(|&c| c < stats.len() && role(c).is_none_or(|r| r == Role::Other))
        .find(|&c| is_tokens(c) && stats[c].tokens == stats[c].filled);
    // A column of only in/out words anywhere ("Type": DEBIT/CREDIT) tells the direction
    // of unsigned amounts.
    let unsigned = stats[amount].minus == 0;
    let anywhere = (0..stats.len())
        .filter(|&c| {
            unsigned && role(c).is_none_or(|r| matches!(r, Role::Other | Role::Description))
        })
        .filter(|&c| {
            is_tokens(c) && stats[c].tokens == stats[c].filled && stats[c].ins && stats[c].outs
        })
        .min_by_key(|&c| c.abs_diff(amount));
    if let Some(direction) = named.or(beside).or(anywhere) {
        let s = &stats[direction];
        let blank = match (s.ins, s.outs) {
            (true, false) => Some(Side::Out),
            (false, true) => Some(Side::In),
            _ => None,
        };
        return MoneyCols::WithDirection {
            amount,
            direction,
            blank,
        };
    }
    let s = &stats[amount];
    let inverted = s.plus >= 1 && s.minus == 0 && s.unsigned > s.plus;
    MoneyCols::Signed { amount, inverted }
}

/// The statement's main currency: the commonest in the currency column, else a code in
/// the amount header ("Paid In (EUR)"), else the commonest currency sign on the amounts.
/// A currency column that only says the currency of some other amount is dropped from
/// `cols`, so rows do not take it as theirs.
pub(crate) fn main_currency(
    rows: &[&Record],
    cols: &mut Columns,
    decimal: Option<char>,
    names: &[String],
) -> Option<String> {
    let mut tally: HashMap<&'static str, usize> = HashMap::new();
    let commonest = |tally: &HashMap<&'static str, usize>| {
        tally
            .iter()
            .max_by_key(|(code, n)| (**n, std::cmp::Reverse(**code)))
            .map(|(code, _)| code.to_string())
    };
    let amount_cols: Vec<usize> = match cols.money {
        MoneyCols::Signed { amount, .. } | MoneyCols::WithDirection { amount, .. } => vec![amount],
        MoneyCols::DebitCredit { debit, credit } => vec![debit, credit],
    };
    let in_header = amount_cols
        .iter()
        .find_map(|&c| names.get(c).and_then(|n| code_in_header(n)));
    if let Some(c) = cols.currency {
        for row in rows {
            if let Some(code) = currency_code(row.field(c)) {
                *tally.entry(code).or_default() += 1;
            }
        }
        // A currency column filled only on some rows (a foreign amount's currency)
        // does not say what the amount column is in.
        let filled: usize = tally.values().sum();
        if in_header.is_none() || filled * 10 >= rows.len() * 9 {
            return commonest(&tally);
        }
        tally.clear();
        cols.currency = None;
    }
    if let Some(code) = in_header {
        return Some(code.to_string());
    }
    for row in rows {
        for &c in &amount_cols {
            if let Ok(Some(money)) = parse(row.field(c), decimal)
                && let Some(code) = money.currency
            {
                *tally.entry(code).or_default() += 1;
            }
        }
    }
    commonest(&tally)
}
