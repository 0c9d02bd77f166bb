//! Why a payment was matched to a customer, kept as what was found (each finding with
//! its values) rather than as a sentence: the import screen and the command line say it
//! in the language chosen (`crate::i18n::reasons`), while `Display` writes the English
//! that CSV, JSON and the kept bank rows have always held, word for word.

use std::fmt;

/// The findings behind a suggestion, strongest first; said one after the other,
/// separated by `; `.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Reason(pub Vec<ReasonPart>);

/// One finding. Values are text as the reason writes them: numbers of invoices, names,
/// codes, and amounts already formatted by the book's currency (`Money`'s `Display`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReasonPart {
    /// `INV-1, INV-2 named in the text` (`numbers` already joined by `, `).
    InvoicesNamed {
        numbers: String,
    },
    /// The named invoices' open amount is the amount paid.
    SettlesOpen,
    /// The one named invoice is settled with the discount it still offers.
    SettlesWithDiscount {
        discount: String,
    },
    /// The amount settles the named installments up to `through`.
    SettlesThrough {
        through: String,
    },
    PartPayment,
    PaysMore,
    /// A payer name or account learned before (with an amount fit after it).
    KnownPayer,
    /// A payer learned before, and the amount fits nothing.
    KnownPayerOnly,
    NameExact {
        name: String,
    },
    /// The name less its legal form, or its words in another order.
    NameCore {
        name: String,
    },
    NameClose {
        name: String,
        seen: String,
    },
    NamePartly {
        name: String,
    },
    /// The amount is one open item's (`item` is its number, `/n` for an installment).
    EqualsItem {
        item: String,
    },
    EqualsItemDiscounted {
        item: String,
    },
    EqualsBalance,
    EqualsOldest {
        count: usize,
    },
    /// The amount is these items' together (not the oldest ones).
    EqualsItems {
        items: Vec<String>,
    },
    /// Found by the amount alone: the only open item of that amount in the book.
    OnlyItemOfAmount {
        item: String,
    },
    OnlyDiscountedItem {
        item: String,
    },
    OnlyBalance,
    /// Customers sharing the name, the first few listed, and how many more.
    Twins {
        count: usize,
        listed: Vec<Twin>,
        more: usize,
    },
    ChosenByAmount {
        code: String,
    },
    ChosenByLegalForm {
        code: String,
    },
    TwinsAlike,
    /// Other customers' names were as sure; only `code`'s items fit the amount.
    OthersInText {
        others: Vec<String>,
        code: String,
    },
}

/// A customer sharing a name, as the reason tells it apart.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Twin {
    pub code: String,
    pub balance: String,
    pub open: usize,
}

impl Reason {
    pub fn of(part: ReasonPart) -> Reason {
        Reason(vec![part])
    }

    /// This reason with `part` said after it.
    pub fn and(mut self, part: ReasonPart) -> Reason {
        self.0.push(part);
        self
    }

    pub fn parts(&self) -> &[ReasonPart] {
        &self.0
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

impl fmt::Display for ReasonPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ReasonPart as P;
        match self {
            P::InvoicesNamed { numbers } => write!(f, "{numbers} named in the text"),
            P::SettlesOpen => f.write_str("amount equals its open amount"),
            P::SettlesWithDiscount { discount } => write!(
                f,
                "amount settles it with its early-payment discount of {discount}"
            ),
            P::SettlesThrough { through } => write!(f, "amount settles it through {through}"),
            P::PartPayment => f.write_str("a part payment"),
            P::PaysMore => f.write_str("pays more than it has open"),
            P::KnownPayer => f.write_str("known payer"),
            P::KnownPayerOnly => f.write_str("known payer from an earlier import"),
            P::NameExact { name } => write!(f, "name '{name}' in the text"),
            P::NameCore { name } => {
                write!(
                    f,
                    "name '{name}' in the text, legal form or word order aside"
                )
            }
            P::NameClose { name, seen } => {
                write!(f, "name close to '{name}' (the text has '{seen}')")
            }
            P::NamePartly { name } => write!(f, "name '{name}' partly in the text"),
            P::EqualsItem { item } => write!(f, "amount equals {item} open"),
            P::EqualsItemDiscounted { item } => {
                write!(
                    f,
                    "amount equals {item} open less its early-payment discount"
                )
            }
            P::EqualsBalance => f.write_str("amount equals the whole balance"),
            P::EqualsOldest { count } => write!(f, "amount equals the oldest {count} open items"),
            P::EqualsItems { items } => write!(f, "amount equals {}", items.join(" + ")),
            P::OnlyItemOfAmount { item } => write!(
                f,
                "amount equals {item} open, the only open item of that amount"
            ),
            P::OnlyDiscountedItem { item } => write!(
                f,
                "amount equals {item} open less its early-payment discount, the only such item"
            ),
            P::OnlyBalance => {
                f.write_str("amount equals this customer's whole balance, and no other's")
            }
            P::Twins {
                count,
                listed,
                more,
            } => {
                write!(f, "{count} customers share the name: ")?;
                for (i, twin) in listed.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    let items = match twin.open {
                        0 => "no open items".to_string(),
                        1 => "1 open item".to_string(),
                        n => format!("{n} open items"),
                    };
                    write!(f, "{} (balance {}, {items})", twin.code, twin.balance)?;
                }
                if *more > 0 {
                    write!(f, ", and {more} more")?;
                }
                Ok(())
            }
            P::ChosenByAmount { code } => {
                write!(f, "{code} chosen: only its open items fit the amount")
            }
            P::ChosenByLegalForm { code } => {
                write!(f, "{code} chosen: its legal form is the one in the text")
            }
            P::TwinsAlike => {
                f.write_str("nothing in the row tells them apart: check before accepting")
            }
            P::OthersInText { others, code } => {
                let others: Vec<String> = others.iter().map(|o| format!("'{o}'")).collect();
                write!(
                    f,
                    "{} also in the text, but only {code}'s open items fit the amount",
                    others.join(", ")
                )
            }
        }
    }
}
