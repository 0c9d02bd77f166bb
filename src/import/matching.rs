//! Which customer a payment came from, with a confidence and the reason shown to the
//! user. Evidence, strongest first: an open invoice's number in the row's text; a payer
//! name or account learned from earlier accepted matches; the customer's name in the
//! text (in any script, inside longer text, legal form or a typo aside: `names`,
//! `fuzzy`, `choose`); and the amount alone (`amounts`) — equal to one open item,
//! to the oldest items together, to a combination of items, or to the whole balance.
//! The amount also makes a name surer, and chooses among customers named equally
//! surely. An invoice whose early-payment discount can still be taken on the row's date
//! also matches its open amount less the discount; the suggestion then names the
//! invoice, so that accepting it applies the payment there and the posting takes the
//! discount.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::store::{MatchBook, MatchItem};

mod amounts;
mod choose;
mod fuzzy;
mod names;
mod postings;
mod reason;

use amounts::{Units, label};
use choose::Named;
use fuzzy::CloseIndex;
use names::Names;
use postings::Postings;
pub use reason::{Reason, ReasonPart, Twin};

/// A suggested customer for a payment.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub customer: CustomerId,
    pub code: String,
    pub name: String,
    /// 0.0 – 1.0.
    pub confidence: f64,
    /// Why, said in English by `Display` and in the language chosen by
    /// `crate::i18n::Described`.
    pub reason: Reason,
    /// Invoice numbers named in the row, to apply the payment to first.
    pub invoices: Vec<String>,
}

/// Indexes over the book for matching many rows quickly.
pub struct Matcher {
    customers: HashMap<CustomerId, (String, String)>,
    items: Vec<MatchItem>,
    /// The items' open amounts in whole units, for fitting amounts quickly.
    units: Option<Units>,
    /// Each customer's open items (indexes into `items`), oldest due first.
    by_customer: HashMap<CustomerId, Vec<usize>>,
    /// Normalised document number ("INV1001") → items.
    by_number: Postings<usize>,
    /// The digits of a number ("1001") → items, for "invoice 1001".
    by_digits: Postings<usize>,
    /// Open amount → items.
    by_amount: HashMap<Money, Vec<usize>>,
    /// Open amount less the early-payment discount → items offering one.
    by_discounted: HashMap<Money, Vec<usize>>,
    /// Whole open balance → customers.
    by_balance: HashMap<Money, Vec<CustomerId>>,
    /// Customers' names, found whole or by their words.
    names: Names,
    /// Customers' names, found close (a typo, accents written out).
    close: CloseIndex,
    aliases: HashMap<String, CustomerId>,
}

/// Lower-case letters and digits only: how numbers and payer keys are compared.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    squash_into(text, &mut out);
    out
}

/// [`squash`], written at the end of `out`.
fn squash_into(text: &str, out: &mut String) {
    out.extend(
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// The key a payer name or account is remembered under.
pub fn alias_key(text: &str) -> Option<String> {
    let key = squash(text);
    (key.chars().count() >= 3).then_some(key)
}

impl Matcher {
    pub fn new(book: MatchBook) -> Matcher {
        // Sized for the book at once: grown as they fill, they are hashed over again.
        let (customers, items) = (book.customers.len(), book.items.len());
        let mut m = Matcher {
            customers: HashMap::with_capacity(customers),
            units: Units::new(&book.items),
            items: book.items,
            by_customer: HashMap::with_capacity(customers),
            by_number: Postings::default(),
            by_digits: Postings::default(),
            by_amount: HashMap::with_capacity(items),
            by_discounted: HashMap::new(),
            by_balance: HashMap::new(),
            names: Names::new(
                book.customers
                    .iter()
                    .map(|(id, _, name)| (*id, name.as_str())),
            ),
            close: CloseIndex::new(
                book.customers
                    .iter()
                    .map(|(id, _, name)| (*id, name.as_str())),
            ),
            aliases: book.aliases,
        };
        for (id, code, name) in book.customers {
            m.customers.insert(id, (code, name));
        }
        // Packed once built: a big book's numbers are a hundred thousand keys.
        let mut by_number: HashMap<String, Vec<usize>> = HashMap::with_capacity(items);
        let mut by_digits: HashMap<String, Vec<usize>> = HashMap::with_capacity(items);
        for (index, item) in m.items.iter().enumerate() {
            m.by_customer.entry(item.customer).or_default().push(index);
            by_number
                .entry(squash(&item.number))
                .or_default()
                .push(index);
            let digits: String = item
                .number
                .chars()
                .filter(char::is_ascii_digit)
                .skip_while(|&c| c == '0')
                .collect();
            if digits.len() >= 3 {
                by_digits.entry(digits).or_default().push(index);
            }
            m.by_amount.entry(item.open).or_default().push(index);
            if let Some(offer) = &item.discount {
                let pay = item.open - offer.amount;
                m.by_discounted.entry(pay).or_default().push(index);
            }
        }
        m.by_number = Postings::from_map(by_number);
        m.by_digits = Postings::from_map(by_digits);
        for (customer, items) in &m.by_customer {
            let total = items.iter().map(|&i| m.items[i].open).sum::<Money>();
            m.by_balance.entry(total).or_default().push(*customer);
        }
        m
    }

    /// The book the matcher was made from (customers in no particular order), its
    /// indexes freed on a thread of their own: a big book's take a noticeable part of a
    /// second to free, and the book is wanted again at once (to plan a file's payments).
    pub fn into_book(self) -> MatchBook {
        let Matcher {
            customers,
            items,
            aliases,
            units,
            by_customer,
            by_number,
            by_digits,
            by_amount,
            by_discounted,
            by_balance,
            names,
            close,
        } = self;
        std::thread::spawn(move || {
            drop((
                units,
                by_customer,
                by_number,
                by_digits,
                by_amount,
                by_discounted,
                by_balance,
                names,
                close,
            ))
        });
        let customers = customers
            .into_iter()
            .map(|(id, (code, name))| (id, code, name))
            .collect();
        MatchBook {
            customers,
            items,
            aliases,
        }
    }

    fn customer_of(&self, id: CustomerId) -> (String, String) {
        self.customers.get(&id).cloned().unwrap_or_default()
    }

    fn suggestion(
        &self,
        customer: CustomerId,
        confidence: f64,
        reason: Reason,
        invoices: Vec<String>,
    ) -> Suggestion {
        let (code, name) = self.customer_of(customer);
        Suggestion {
            customer,
            code,
            name,
            confidence,
            reason,
            invoices,
        }
    }

    /// The best guess for a payment of `amount` described by `texts`, and the payer keys
    /// (name, account) it came with.
    pub fn suggest(
        &self,
        date: NaiveDate,
        amount: Money,
        texts: &[&str],
        payer_keys: &[String],
    ) -> Option<Suggestion> {
        if let Some(mut found) = self.by_invoice_number(date, amount, texts) {
            // A number that is only digits is surer when the name agrees.
            if found.confidence < 0.9
                && let Named::Chosen(named) = self.by_name(date, amount, texts)
                && named.customer == found.customer
            {
                found.confidence = 0.95;
                // The name's own finding, not how the amount fits it: the number said that.
                if let Some(name) = named.reason.0.into_iter().next() {
                    found.reason.0.push(name);
                }
            }
            return Some(found);
        }
        for key in payer_keys {
            if let Some(&customer) = self.aliases.get(key)
                && self.customers.contains_key(&customer)
            {
                return Some(match self.amount_fit(customer, amount, date) {
                    Some((fit, invoices)) => self.suggestion(
                        customer,
                        0.95,
                        Reason::of(ReasonPart::KnownPayer).and(fit),
                        invoices,
                    ),
                    None => self.suggestion(
                        customer,
                        0.9,
                        Reason::of(ReasonPart::KnownPayerOnly),
                        vec![],
                    ),
                });
            }
        }
        match self.by_name(date, amount, texts) {
            Named::Chosen(found) => Some(found),
            Named::Undecided => None,
            Named::Nobody => self.by_amount_alone(date, amount),
        }
    }

    fn by_invoice_number(
        &self,
        date: NaiveDate,
        amount: Money,
        texts: &[&str],
    ) -> Option<Suggestion> {
        let mut found: Vec<usize> = Vec::new();
        let mut by_digits_only = false;
        // Every token squashed, written one after the other: a token's key is its span,
        // and a token with the next ("INV 1001" written with a space) the two spans
        // together, so no key is built apart.
        let mut squashed = String::new();
        for text in texts {
            // A number written onto Chinese text (`货款INV-1001`) is a word of its own.
            let text = names::scripts_apart(text);
            squashed.clear();
            let mut tokens: Vec<(&str, usize, usize)> = Vec::new();
            for token in text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|t| !t.is_empty())
            {
                let from = squashed.len();
                squash_into(token, &mut squashed);
                tokens.push((token, from, squashed.len()));
            }
            for (i, &(_, from, to)) in tokens.iter().enumerate() {
                let mut keys = [Some(&squashed[from..to]), None];
                if let Some(&(_, _, next_to)) = tokens.get(i + 1) {
                    keys[1] = Some(&squashed[from..next_to]);
                }
                for key in keys.into_iter().flatten() {
                    if let Some(items) = self.by_number.get(key) {
                        for &item in items {
                            if !found.contains(&item) {
                                found.push(item);
                            }
                        }
                    }
                }
            }
            if found.is_empty() {
                for &(token, _, _) in &tokens {
                    let digits = token.trim_start_matches('0');
                    if digits.len() >= 3
                        && digits.chars().all(|c| c.is_ascii_digit())
                        && let Some(items) = self.by_digits.get(digits)
                    {
                        let first = self.items[items[0]].customer;
                        if items.iter().all(|&i| self.items[i].customer == first) {
                            found.extend(items);
                            by_digits_only = true;
                        }
                    }
                }
            }
        }
        if found.is_empty() {
            return None;
        }
        let customer = self.items[found[0]].customer;
        if found.iter().any(|&i| self.items[i].customer != customer) {
            // Numbers of two customers' invoices: let the user choose.
            return None;
        }
        let mut numbers: Vec<String> = Vec::new();
        for &i in &found {
            if !numbers.contains(&self.items[i].number) {
                numbers.push(self.items[i].number.clone());
            }
        }
        let open: Money = found.iter().map(|&i| self.items[i].open).sum();
        let named = numbers.join(", ");
        // Installments: the amount may settle the first of them, or the first few.
        let mut running = Money::ZERO;
        let mut settles = None;
        for &i in &found {
            running += self.items[i].open;
            if running == amount && running != open {
                settles = Some(label(&self.items[i]));
            }
        }
        // One invoice whose discount can still be taken: paying its open amount less
        // the discount (or more, short of all of it) settles it.
        let discount = match found[..] {
            [only] => Self::discount_on(&self.items[only], date),
            _ => None,
        };
        let (mut confidence, how) = if open == amount {
            (0.98, ReasonPart::SettlesOpen)
        } else if let Some(discount) = discount.filter(|d| amount >= open - *d && amount < open) {
            (
                0.98,
                ReasonPart::SettlesWithDiscount {
                    discount: discount.to_string(),
                },
            )
        } else if let Some(through) = settles {
            (0.97, ReasonPart::SettlesThrough { through })
        } else if amount < open {
            (0.92, ReasonPart::PartPayment)
        } else {
            (0.9, ReasonPart::PaysMore)
        };
        let reason = Reason::of(ReasonPart::InvoicesNamed { numbers: named }).and(how);
        if by_digits_only {
            confidence -= 0.1;
        }
        Some(self.suggestion(customer, confidence, reason, numbers))
    }
}

#[cfg(test)]
mod tests;
