//! Which customer a payment came from, with a confidence and the reason shown to the
//! user. Evidence, strongest first: an open invoice's number in the row's text; a payer
//! name or account learned from earlier accepted matches; the customer's name in the
//! text; and the amount — equal to one open item, to the oldest items together, to a
//! combination of items, or to the whole balance. An invoice whose early-payment
//! discount can still be taken on the row's date also matches its open amount less the
//! discount; the suggestion then names the invoice, so that accepting it applies the
//! payment there and the posting takes the discount.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::store::{MatchBook, MatchItem};

/// A suggested customer for a payment.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub customer: CustomerId,
    pub code: String,
    pub name: String,
    /// 0.0 – 1.0.
    pub confidence: f64,
    pub reason: String,
    /// Invoice numbers named in the row, to apply the payment to first.
    pub invoices: Vec<String>,
}

/// Indexes over the book for matching many rows quickly.
pub struct Matcher {
    customers: HashMap<CustomerId, (String, String)>,
    items: Vec<MatchItem>,
    /// Each customer's open items (indexes into `items`), oldest due first.
    by_customer: HashMap<CustomerId, Vec<usize>>,
    /// Normalised document number ("INV1001") → items.
    by_number: HashMap<String, Vec<usize>>,
    /// The digits of a number ("1001") → items, for "invoice 1001".
    by_digits: HashMap<String, Vec<usize>>,
    /// Open amount → items.
    by_amount: HashMap<Money, Vec<usize>>,
    /// Open amount less the early-payment discount → items offering one.
    by_discounted: HashMap<Money, Vec<usize>>,
    /// Whole open balance → customers.
    by_balance: HashMap<Money, Vec<CustomerId>>,
    /// A word of a customer's name → customers.
    by_word: HashMap<String, Vec<CustomerId>>,
    /// A customer's name words (or the whole name for scripts without spaces).
    names: HashMap<CustomerId, Vec<String>>,
    /// The customers whose name is in a script written without spaces, with the name's
    /// words joined: found as a whole in the text (kept apart so that a row is not
    /// compared with every customer).
    spaceless: Vec<(CustomerId, String, usize)>,
    aliases: HashMap<String, CustomerId>,
}

/// Lower-case letters and digits only: how numbers and payer keys are compared.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key a payer name or account is remembered under.
pub fn alias_key(text: &str) -> Option<String> {
    let key = squash(text);
    (key.chars().count() >= 3).then_some(key)
}

// Words that say what kind of company it is, not which one.
const LEGAL_WORDS: &[&str] = &[
    "ltd", "limited", "llc", "inc", "corp", "co", "company", "gmbh", "ag", "kg", "bv", "nv", "sa",
    "sas", "sarl", "srl", "spa", "plc", "pty", "oy", "ab", "as", "aps", "the", "and", "und", "et",
    "de", "of", "sp", "zoo", "kft", "ooo",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn name_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !LEGAL_WORDS.contains(&w.as_str()) && w.chars().count() >= 2)
        .collect();
    out.dedup();
    out
}

fn is_spaceless_script(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF))
}

impl Matcher {
    pub fn new(book: MatchBook) -> Matcher {
        let mut m = Matcher {
            customers: HashMap::new(),
            items: book.items,
            by_customer: HashMap::new(),
            by_number: HashMap::new(),
            by_digits: HashMap::new(),
            by_amount: HashMap::new(),
            by_discounted: HashMap::new(),
            by_balance: HashMap::new(),
            by_word: HashMap::new(),
            names: HashMap::new(),
            spaceless: Vec::new(),
            aliases: book.aliases,
        };
        for (id, code, name) in book.customers {
            let words = name_words(&name);
            for word in &words {
                m.by_word.entry(word.clone()).or_default().push(id);
            }
            if words.iter().any(|w| is_spaceless_script(w)) {
                m.spaceless.push((id, words.concat(), words.len()));
            }
            m.names.insert(id, words);
            m.customers.insert(id, (code, name));
        }
        for (index, item) in m.items.iter().enumerate() {
            m.by_customer.entry(item.customer).or_default().push(index);
            m.by_number
                .entry(squash(&item.number))
                .or_default()
                .push(index);
            let digits: String = item.number.chars().filter(char::is_ascii_digit).collect();
            let digits = digits.trim_start_matches('0').to_string();
            if digits.len() >= 3 {
                m.by_digits.entry(digits).or_default().push(index);
            }
            m.by_amount.entry(item.open).or_default().push(index);
            if let Some(offer) = &item.discount {
                let pay = item.open - offer.amount;
                m.by_discounted.entry(pay).or_default().push(index);
            }
        }
        for (customer, items) in &m.by_customer {
            let total = items.iter().map(|&i| m.items[i].open).sum::<Money>();
            m.by_balance.entry(total).or_default().push(*customer);
        }
        m
    }

    fn customer_of(&self, id: CustomerId) -> (String, String) {
        self.customers.get(&id).cloned().unwrap_or_default()
    }

    fn suggestion(
        &self,
        customer: CustomerId,
        confidence: f64,
        reason: String,
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

    /// The discount `item` offers a payment dated `date`, if it can still be taken.
    fn discount_on(item: &MatchItem, date: NaiveDate) -> Option<Money> {
        item.discount
            .filter(|offer| date <= offer.last_day)
            .map(|offer| offer.amount)
    }

    /// How the amount relates to the customer's open items, if it fits them exactly,
    /// and the invoice to apply it to when only that earns the discount.
    fn amount_fit(
        &self,
        customer: CustomerId,
        amount: Money,
        date: NaiveDate,
    ) -> Option<(String, Vec<String>)> {
        let items: Vec<&MatchItem> = self
            .by_customer
            .get(&customer)
            .map(|v| v.iter().map(|&i| &self.items[i]).collect())
            .unwrap_or_default();
        if let Some(item) = items.iter().find(|i| i.open == amount) {
            return Some((format!("amount equals {} open", label(item)), vec![]));
        }
        if let Some(item) = items
            .iter()
            .find(|i| Self::discount_on(i, date).is_some_and(|d| i.open - d == amount))
        {
            return Some((
                format!(
                    "amount equals {} open less its early-payment discount",
                    label(item)
                ),
                vec![item.number.clone()],
            ));
        }
        self.amount_fit_together(&items, amount)
            .map(|fit| (fit, vec![]))
    }

    /// How the amount fits several of `items` together, if it does.
    fn amount_fit_together(&self, items: &[&MatchItem], amount: Money) -> Option<String> {
        let mut running = Money::ZERO;
        for (n, item) in items.iter().enumerate() {
            running += item.open;
            if running == amount {
                return Some(if n + 1 == items.len() {
                    "amount equals the whole balance".to_string()
                } else {
                    format!("amount equals the oldest {} open items", n + 1)
                });
            }
        }
        // A few items paid together, not necessarily the oldest.
        if items.len() <= 14 {
            for mask in 1u32..(1 << items.len()) {
                if mask.count_ones() >= 2 {
                    let sum: Money = (0..items.len())
                        .filter(|b| mask & (1 << b) != 0)
                        .map(|b| items[b].open)
                        .sum();
                    if sum == amount {
                        let names: Vec<String> = (0..items.len())
                            .filter(|b| mask & (1 << b) != 0)
                            .map(|b| label(items[b]))
                            .collect();
                        return Some(format!("amount equals {}", names.join(" + ")));
                    }
                }
            }
        }
        None
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
                && let Some(named) = self.by_name(date, amount, texts)
                && named.customer == found.customer
            {
                found.confidence = 0.95;
                found.reason = format!(
                    "{}; {}",
                    found.reason,
                    named.reason.split(';').next().unwrap_or_default()
                );
            }
            return Some(found);
        }
        for key in payer_keys {
            if let Some(&customer) = self.aliases.get(key)
                && self.customers.contains_key(&customer)
            {
                return Some(match self.amount_fit(customer, amount, date) {
                    Some((fit, invoices)) => {
                        self.suggestion(customer, 0.95, format!("known payer; {fit}"), invoices)
                    }
                    None => self.suggestion(
                        customer,
                        0.9,
                        "known payer from an earlier import".into(),
                        vec![],
                    ),
                });
            }
        }
        if let Some(found) = self.by_name(date, amount, texts) {
            return Some(found);
        }
        self.by_amount_alone(date, amount)
    }

    fn by_invoice_number(
        &self,
        date: NaiveDate,
        amount: Money,
        texts: &[&str],
    ) -> Option<Suggestion> {
        let mut found: Vec<usize> = Vec::new();
        let mut by_digits_only = false;
        for text in texts {
            let tokens: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            for (i, token) in tokens.iter().enumerate() {
                let mut keys = vec![squash(token)];
                // "INV 1001" written with a space.
                if let Some(next) = tokens.get(i + 1) {
                    keys.push(squash(&format!("{token}{next}")));
                }
                for key in keys {
                    if let Some(items) = self.by_number.get(&key) {
                        for &item in items {
                            if !found.contains(&item) {
                                found.push(item);
                            }
                        }
                    }
                }
            }
            if found.is_empty() {
                for token in &tokens {
                    let digits = token.trim_start_matches('0');
                    if digits.len() >= 3
                        && digits.chars().all(|c| c.is_ascii_digit())
                        && let Some(items) = self.by_digits.get(digits)
                    {
                        let customers: Vec<CustomerId> =
                            items.iter().map(|&i| self.items[i].customer).collect();
                        if customers.iter().all(|c| *c == customers[0]) {
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
        let (mut confidence, reason) = if open == amount {
            (
                0.98,
                format!("{named} named in the text; amount equals its open amount"),
            )
        } else if let Some(discount) = discount.filter(|d| amount >= open - *d && amount < open) {
            (
                0.98,
                format!(
                    "{named} named in the text; amount settles it with its early-payment discount of {discount}"
                ),
            )
        } else if let Some(through) = settles {
            (
                0.97,
                format!("{named} named in the text; amount settles it through {through}"),
            )
        } else if amount < open {
            (0.92, format!("{named} named in the text; a part payment"))
        } else {
            (
                0.9,
                format!("{named} named in the text; pays more than it has open"),
            )
        };
        if by_digits_only {
            confidence -= 0.1;
        }
        Some(self.suggestion(customer, confidence, reason, numbers))
    }

    fn by_name(&self, date: NaiveDate, amount: Money, texts: &[&str]) -> Option<Suggestion> {
        let text_words: Vec<String> = texts.iter().flat_map(|t| words(t)).collect();
        let joined: String = texts
            .iter()
            .map(|t| squash(t))
            .collect::<Vec<_>>()
            .join(" ");
        let mut scores: HashMap<CustomerId, usize> = HashMap::new();
        for word in &text_words {
            if let Some(customers) = self.by_word.get(word) {
                for c in customers {
                    *scores.entry(*c).or_default() += 1;
                }
            }
        }
        // Names in scripts written without spaces are found as a whole in the text.
        for (id, whole, words) in &self.spaceless {
            if whole.chars().count() >= 2 && joined.contains(whole.as_str()) {
                scores.insert(*id, *words);
            }
        }
        let mut best: Option<(f64, CustomerId)> = None;
        let mut tied = false;
        for (customer, hits) in scores {
            let total = self.names.get(&customer).map_or(0, Vec::len);
            if total == 0 {
                continue;
            }
            let share = hits.min(total) as f64 / total as f64;
            let long_enough = self.names[&customer]
                .iter()
                .map(|w| w.chars().count())
                .sum::<usize>()
                >= 4;
            if share < 0.6 || !long_enough {
                continue;
            }
            match best {
                Some((s, _)) if (s - share).abs() < f64::EPSILON => tied = true,
                Some((s, _)) if s > share => {}
                _ => {
                    best = Some((share, customer));
                    tied = false;
                }
            }
        }
        let (share, customer) = best?;
        if tied {
            return None;
        }
        let (_, name) = self.customer_of(customer);
        Some(match self.amount_fit(customer, amount, date) {
            Some((fit, invoices)) => self.suggestion(
                customer,
                if share >= 1.0 { 0.93 } else { 0.8 },
                format!("name '{name}' in the text; {fit}"),
                invoices,
            ),
            None => self.suggestion(
                customer,
                if share >= 1.0 { 0.75 } else { 0.6 },
                format!("name '{name}' in the text"),
                vec![],
            ),
        })
    }

    fn by_amount_alone(&self, date: NaiveDate, amount: Money) -> Option<Suggestion> {
        if let Some(items) = self.by_amount.get(&amount) {
            let first = self.items[items[0]].customer;
            if items.iter().all(|&i| self.items[i].customer == first) {
                return Some(self.suggestion(
                    first,
                    0.6,
                    format!(
                        "amount equals {} open, the only open item of that amount",
                        label(&self.items[items[0]])
                    ),
                    vec![],
                ));
            }
        }
        let discounted: Vec<usize> = self
            .by_discounted
            .get(&amount)
            .map(|items| {
                items
                    .iter()
                    .copied()
                    .filter(|&i| Self::discount_on(&self.items[i], date).is_some())
                    .collect()
            })
            .unwrap_or_default();
        if let [only] = discounted[..] {
            let item = &self.items[only];
            return Some(self.suggestion(
                item.customer,
                0.6,
                format!(
                    "amount equals {} open less its early-payment discount, the only such item",
                    label(item)
                ),
                vec![item.number.clone()],
            ));
        }
        if let Some(customers) = self.by_balance.get(&amount)
            && customers.len() == 1
        {
            return Some(self.suggestion(
                customers[0],
                0.55,
                "amount equals this customer's whole balance, and no other's".into(),
                vec![],
            ));
        }
        None
    }
}

fn label(item: &MatchItem) -> String {
    if item.seq > 1 {
        format!("{}#{}", item.number, item.seq)
    } else {
        item.number.clone()
    }
}

#[cfg(test)]
mod tests;
