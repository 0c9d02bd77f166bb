//! Which way a signed amount column counts. A bank account writes money in as a positive
//! number; a card statement written from the issuer's side writes purchases positive
//! and repayments negative. Swapping money in and out silently would post a customer's
//! payment from a refund, so the convention is only ever taken from what the file shows:
//! card words in the title or header, rows whose words say purchase or repayment, a `+`
//! that marks the few credits, or — in a statement that calls itself a card statement —
//! amounts nearly all of one sign. When the file looks like a card statement and nothing
//! decides, the user is asked (`--sign`, the screen's Flip sign); a file with no card
//! words is read as a bank account, as always.

use super::Sign;
use super::amount::parse;
use super::keywords::{contains_any, has_any, normalize};
use super::records::Record;

mod why;
pub use why::{CardSeen, DoubtRows, SignDoubt, SignWhy};

/// How the signed amounts were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignRead {
    pub sign: Sign,
    /// Why, when it was not the plain bank-account reading.
    pub reason: Option<SignWhy>,
    /// True when the user should be able to see and flip it.
    pub matters: bool,
}

impl Default for SignRead {
    fn default() -> Self {
        SignRead {
            sign: Sign::Normal,
            reason: None,
            matters: false,
        }
    }
}

/// What the file shows about the sign.
pub(crate) struct Evidence<'a> {
    /// Records before the header (titles, account details).
    pub preamble: &'a [&'a Record],
    pub names: &'a [String],
    /// Where to point when asking: the header's line (or the first row's).
    pub header_line: usize,
    pub rows: &'a [&'a Record],
    pub amount: usize,
    pub descriptions: &'a [usize],
    /// The running balance column, if the file has one.
    pub balance: Option<usize>,
    pub decimal: Option<char>,
    /// The amounts are unsigned but for a few marked `+`: the `+` marks the credits.
    pub shape_inverted: bool,
    pub hint: Option<Sign>,
}

// A statement of a card account, said in its title or preamble.
const CARD_TITLE: &str = concat!(
    "credit card|card statement|card account|kreditkarte|kreditkartenabrechnung|",
    "carte de crédit|tarjeta de crédito|carta di credito|minimum payment|minimum due|",
    "payment due date|statement balance|new balance",
);
const CARD_TITLE_PARTS: &str = "信用卡|最低还款|到期还款日|本期应还";
// A column a card statement has; a bank account's export may have one too (the debit
// card a purchase was made with), so alone it only makes the sign worth showing.
const CARD_COLUMN: &str = "card|card number|card no|cardholder|card member|karte|kartennummer";
const CARD_COLUMN_PARTS: &str = "卡号|持卡人";
// Row words for money the holder paid out (a purchase) and money that came back to the
// holder's side (a repayment of the card, a refund).
const PURCHASE: &str = "purchase|pos purchase|achat|kauf|einkauf|compra|acquisto";
const PURCHASE_PARTS: &str = "消费|购物|刷卡";
const REPAYMENT: &str = concat!(
    "payment thank you|thank you for your payment|payment - thank you|autopay|",
    "repayment|refund|erstattung|rückzahlung|remboursement|reembolso|rimborso",
);
const REPAYMENT_PARTS: &str = "还款|退款|退货";

/// Decides the sign, or the line and words to ask the user about.
pub(crate) fn decide(e: &Evidence) -> Result<SignRead, (usize, SignDoubt)> {
    let title = card_title(e);
    let column = card_column(e.names);
    if let Some(sign) = e.hint {
        return Ok(SignRead {
            sign,
            reason: Some(SignWhy::Hint(sign)),
            matters: true,
        });
    }
    if e.shape_inverted {
        return Ok(SignRead {
            sign: Sign::Inverted,
            reason: Some(SignWhy::ShapeInverted),
            matters: true,
        });
    }
    let card = match (&title, &column) {
        (Some((line, text)), _) => CardSeen::Title {
            line: *line,
            text: text.clone(),
        },
        (None, Some(name)) => CardSeen::Column(name.to_string()),
        // Without card words, a file is a bank account's, as it has always been read.
        (None, None) => return Ok(SignRead::default()),
    };
    let votes = row_votes(e);
    let read = |sign: Sign, why: SignWhy| SignRead {
        sign,
        reason: Some(why),
        matters: true,
    };
    let ask = |line: usize, rows: DoubtRows| {
        Err((
            line,
            SignDoubt {
                card: card.clone(),
                rows,
            },
        ))
    };
    let Some((line, _)) = title else {
        // Only a card column: most likely a bank account that lists the card used, where
        // "还款" is money out. Rows can confirm the bank's reading, never overturn it.
        if votes.inverted.len() > votes.normal.len() {
            let at = votes.inverted[0];
            return ask(at, DoubtRows::ReadsLikeCard(at));
        }
        return Ok(SignRead {
            sign: Sign::Normal,
            reason: None,
            matters: true,
        });
    };
    match (votes.normal.first(), votes.inverted.first()) {
        (Some(at), None) => {
            return Ok(read(
                Sign::Normal,
                SignWhy::CardRow {
                    card: card.clone(),
                    line: *at,
                    sign: Sign::Normal,
                },
            ));
        }
        (None, Some(at)) => {
            return Ok(read(
                Sign::Inverted,
                SignWhy::CardRow {
                    card: card.clone(),
                    line: *at,
                    sign: Sign::Inverted,
                },
            ));
        }
        (Some(_), Some(_)) => return ask(e.header_line, DoubtRows::Disagree),
        (None, None) => {}
    }
    // A card's running balance that moves with the amounts says what the file counts as
    // positive: a balance owed written positive is the issuer's side (purchases positive),
    // written negative the holder's.
    if let Some(owed) = balance_side(e) {
        return Ok(read(
            owed,
            SignWhy::CardBalance {
                card: card.clone(),
                sign: owed,
            },
        ));
    }
    // A card account's rows are mostly purchases: nearly all of one sign says which.
    let (positive, negative) = signs(e);
    let total = positive + negative;
    if total >= 4 && positive * 5 >= total * 4 {
        return Ok(read(
            Sign::Inverted,
            SignWhy::CardMostly {
                card: card.clone(),
                sign: Sign::Inverted,
                count: positive,
                total,
            },
        ));
    }
    if total >= 4 && negative * 5 >= total * 4 {
        return Ok(read(
            Sign::Normal,
            SignWhy::CardMostly {
                card: card.clone(),
                sign: Sign::Normal,
                count: negative,
                total,
            },
        ));
    }
    ask(line, DoubtRows::Silent)
}

/// The first preamble cell that names a card statement, with its line.
fn card_title(e: &Evidence) -> Option<(usize, String)> {
    e.preamble.iter().find_map(|record| {
        record.fields.iter().find_map(|cell| {
            let text = normalize(cell);
            (has_any(&text, CARD_TITLE) || contains_any(&text, CARD_TITLE_PARTS))
                .then(|| (record.line, shorten(cell)))
        })
    })
}

/// A header name that is a card column.
fn card_column(names: &[String]) -> Option<String> {
    names.iter().find_map(|name| {
        let text = normalize(name);
        (has_any(&text, CARD_COLUMN)
            || contains_any(&text, CARD_COLUMN_PARTS)
            || has_any(&text, CARD_TITLE)
            || contains_any(&text, CARD_TITLE_PARTS))
        .then(|| shorten(name))
    })
}

fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        let cut: String = text.chars().take(39).collect();
        format!("{cut}…")
    }
}

/// Lines whose words and sign agree with each reading.
#[derive(Default)]
struct Votes {
    normal: Vec<usize>,
    inverted: Vec<usize>,
}

fn row_votes(e: &Evidence) -> Votes {
    let mut votes = Votes::default();
    for row in e.rows {
        let Ok(Some(money)) = parse(row.field(e.amount), e.decimal) else {
            continue;
        };
        if money.value.is_zero() {
            continue;
        }
        let text: String = e
            .descriptions
            .iter()
            .map(|&c| normalize(row.field(c)))
            .collect::<Vec<_>>()
            .join(" ");
        let negative = money.value.is_sign_negative();
        let purchase = has_any(&text, PURCHASE) || contains_any(&text, PURCHASE_PARTS);
        let back = has_any(&text, REPAYMENT) || contains_any(&text, REPAYMENT_PARTS);
        // A purchase is money out: negative in a bank's reading, positive in an issuer's.
        let reads_normal = match (purchase, back) {
            (true, false) => negative,
            (false, true) => !negative,
            _ => continue,
        };
        if reads_normal {
            votes.normal.push(row.line);
        } else {
            votes.inverted.push(row.line);
        }
    }
    votes
}

/// What a running balance that moves with the amounts says: `Inverted` when it is mostly
/// positive (a balance owed, as the issuer writes it), `Normal` when mostly negative;
/// `None` when there is no balance, it does not move with the amounts, or it is mixed.
fn balance_side(e: &Evidence) -> Option<Sign> {
    let b = e.balance?;
    let value = |row: &Record, c: usize| {
        parse(row.field(c), e.decimal)
            .ok()
            .flatten()
            .map(|m| m.value)
    };
    let (mut with, mut against, mut positive, mut negative) = (0, 0, 0, 0);
    for pair in e.rows.windows(2) {
        let (Some(before), Some(after), Some(amount)) = (
            value(pair[0], b),
            value(pair[1], b),
            value(pair[1], e.amount),
        ) else {
            continue;
        };
        let Some(moved) = after.checked_sub(before) else {
            continue;
        };
        if amount.is_zero() {
            continue;
        }
        if moved == amount {
            with += 1;
        } else if moved == -amount {
            against += 1;
        }
        if after.is_sign_negative() {
            negative += 1;
        } else if !after.is_zero() {
            positive += 1;
        }
    }
    if with < 2 || against > 0 {
        return None;
    }
    if positive > 0 && negative == 0 {
        Some(Sign::Inverted)
    } else if negative > 0 && positive == 0 {
        Some(Sign::Normal)
    } else {
        None
    }
}

/// How many amounts are positive and how many negative.
fn signs(e: &Evidence) -> (usize, usize) {
    let mut counts = (0, 0);
    for row in e.rows {
        if let Ok(Some(money)) = parse(row.field(e.amount), e.decimal)
            && !money.value.is_zero()
        {
            if money.value.is_sign_negative() {
                counts.1 += 1;
            } else {
                counts.0 += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::records::split;

    fn decide_text(
        text: &str,
        header: usize,
        hint: Option<Sign>,
    ) -> Result<SignRead, (usize, SignDoubt)> {
        let records = split(text, ',');
        let names = records[header].fields.clone();
        let preamble: Vec<&Record> = records[..header].iter().collect();
        let rows: Vec<&Record> = records[header + 1..].iter().collect();
        decide(&Evidence {
            preamble: &preamble,
            names: &names,
            header_line: records[header].line,
            rows: &rows,
            amount: 2,
            descriptions: &[1],
            balance: (records[header].fields.len() > 3).then_some(3),
            decimal: Some('.'),
            shape_inverted: false,
            hint,
        })
    }

    #[test]
    fn a_bank_account_is_never_inverted() {
        let text = "Date,Text,Amount\n2021-03-01,Refund to ACME,-50.00\n2021-03-02,Sale,80.00\n";
        assert_eq!(decide_text(text, 0, None).unwrap(), SignRead::default());
    }

    #[test]
    fn card_words_and_a_repayment_decide() {
        let text = "Credit card statement,,\nDate,Text,Amount\n2021-03-01,Coffee,4.50\n\
                    2021-03-02,PAYMENT THANK YOU,-100.00\n";
        let read = decide_text(text, 1, None).unwrap();
        assert_eq!(read.sign, Sign::Inverted);
        assert!(read.reason.unwrap().to_string().contains("line 4"));
    }

    #[test]
    fn card_words_and_nothing_else_ask() {
        let text = "Credit card statement,,\nDate,Text,Amount\n2021-03-01,Coffee,4.50\n\
                    2021-03-02,Books,-25.00\n";
        let (line, why) = decide_text(text, 1, None).unwrap_err();
        assert_eq!(line, 1);
        assert_eq!(
            why.to_string(),
            "the file looks like a card statement (line 1 says 'Credit card statement')"
        );
        assert_eq!(why.rows, DoubtRows::Silent);
        let read = decide_text(text, 1, Some(Sign::Inverted)).unwrap();
        assert_eq!(read.sign, Sign::Inverted);
    }

    #[test]
    fn a_card_balance_that_moves_with_the_amounts_decides() {
        // Owed written positive and rising with the amounts: the issuer's side.
        let issuer = "Credit card statement,,,\nDate,Text,Amount,Balance\n\
                      2021-03-01,Coffee,4.50,104.50\n2021-03-02,Books,25.00,129.50\n\
                      2021-03-03,Shop,-9.50,120.00\n";
        let read = decide_text(issuer, 1, None).unwrap();
        assert_eq!(read.sign, Sign::Inverted);
        assert!(read.reason.unwrap().to_string().contains("balance"));
        // Owed written negative and moving with the amounts: the holder's side.
        let holder = "Credit card statement,,,\nDate,Text,Amount,Balance\n\
                      2021-03-01,Coffee,-4.50,-104.50\n2021-03-02,Books,-25.00,-129.50\n\
                      2021-03-03,Shop,9.50,-120.00\n";
        assert_eq!(decide_text(holder, 1, None).unwrap().sign, Sign::Normal);
    }

    #[test]
    fn a_card_column_alone_only_shows_the_sign() {
        let text = "Date,Text,Amount,Card number\n2021-03-01,Coffee,-4.50,1234\n";
        let records = split(text, ',');
        let names = records[0].fields.clone();
        let rows: Vec<&Record> = records[1..].iter().collect();
        let read = decide(&Evidence {
            preamble: &[],
            names: &names,
            header_line: 1,
            rows: &rows,
            amount: 2,
            descriptions: &[1],
            balance: None,
            decimal: Some('.'),
            shape_inverted: false,
            hint: None,
        })
        .unwrap();
        assert_eq!((read.sign, read.matters), (Sign::Normal, true));
    }
}
