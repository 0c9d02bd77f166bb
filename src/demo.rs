//! `owed demo`: fills a new, empty book with a realistic made-up history — customers
//! who pay promptly, a bit late, chronically late, in monthly lump sums or not at all any
//! more, with installments, deposits, credit notes, late fees, a bounced cheque, a
//! refunded duplicate payment, a write-off and collection notes — so every report has
//! something to show — and, on its last days, the situations the worklist is for
//! (repayment plans kept and broken, disputes, pauses, unapplied credit, unmatched bank
//! money; see [`showcase`]). The same seed always builds the same book. The history is
//! posted through the ordinary posting API in one transaction, so the demo book is as
//! consistent as one typed in by hand; the bank statement is then imported through the
//! ordinary import, in its own.

mod names;
mod notes;
mod plan;
mod post;
mod rng;
mod showcase;

use std::collections::HashMap;

use chrono::{Months, NaiveDate};

use crate::domain::Currency;
use crate::domain::customer::{CustomerDraft, Tier};
use crate::store::{Store, StoreError};
use plan::{Habit, Profile};
use post::Poster;
use rng::Rng;

/// The reason recorded for each demo invoice or fee posted past a customer's hold or
/// credit limit: the made-up history has customers who ran up more than their limit and
/// were stopped with invoices still being posted, and the book says so in its audit log.
pub const DEMO_OVERRIDE: &str = "demo history: posted past the hold or limit on purpose";

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub customers: usize,
    /// Invoices in all, spread unevenly over the customers.
    pub invoices: usize,
    pub seed: u64,
    /// The history covers the 18 months before this date; no document is dated after it
    /// (promise parts and a pause of the showcase are).
    pub today: NaiveDate,
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub customers: usize,
    /// Every posted document: invoices, fees, payments, credit notes, write-offs, refunds, voids.
    pub documents: usize,
    pub notes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "the book already has customers; the demo only fills a new, empty book (start one with another --book)"
    )]
    NotEmpty,
    #[error("the demo needs at least one customer")]
    NoCustomers,
    #[error("{0} is too early a date to build 18 months of history before it")]
    BadToday(NaiveDate),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the demo's bank statement: {0}")]
    Import(#[from] crate::import::RunError),
}

/// Fills the empty `store` with a demo history, calling `progress(invoices done, invoices
/// in all)` every thousand invoices and at the end. All of it is one transaction.
pub fn generate(
    store: &mut Store,
    options: &DemoOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<DemoSummary, DemoError> {
    let (customers, _) = store.counts()?;
    if customers > 0 {
        return Err(DemoError::NotEmpty);
    }
    if options.customers == 0 {
        return Err(DemoError::NoCustomers);
    }
    let today = options.today;
    let start = today
        .checked_sub_months(Months::new(18))
        .filter(|d| d.checked_sub_months(Months::new(1)).is_some())
        .ok_or(DemoError::BadToday(today))?;
    let currency = store.currency().clone();
    // One invoice is kept for the showcase: one falling due in two days.
    let showcase_invoice = (options.invoices >= 2).then_some(options.invoices);
    let counts = split_counts(
        &mut Rng::new(options.seed),
        options.customers,
        options.invoices - usize::from(showcase_invoice.is_some()),
    );
    let mut profiles: Vec<Profile> = counts
        .iter()
        .enumerate()
        .map(|(i, &count)| plan::profile(options.seed, i, count, start, today))
        .collect();
    number_invoices(&mut profiles);
    let summary = store.batch(|b| {
        let mut poster = Poster {
            currency: &currency,
            summary: DemoSummary {
                customers: 0,
                documents: 0,
                notes: 0,
            },
            invoices: 0,
            total: options.invoices,
            next: HashMap::new(),
        };
        for (i, profile) in profiles.iter_mut().enumerate() {
            let code = format!("C{:05}", i + 1);
            let id = b.add_customer(&customer_draft(profile, i, &code, &currency))?;
            // Reviewed now and then over the years: the next reviews spread over the
            // coming year, a few (about one in forty) already due.
            let offset = (i as i64 * 37) % 365 - 9;
            if let Some(next) = today.checked_add_signed(chrono::Duration::days(offset)) {
                b.schedule_first_review(id, next)?;
            }
            poster.summary.customers += 1;
            let events = plan::events(profile, i, &currency, today);
            poster.post(b, &code, events, progress)?;
            // The plan is posted; free its memory before the next customer.
            profile.dates = Vec::new();
            profile.numbers = Vec::new();
        }
        let last = format!("C{:05}", options.customers);
        showcase::stage(
            b,
            &mut poster,
            today,
            showcase_invoice.map(|n| n as u32),
            &last,
        )?;
        progress(poster.invoices, poster.total);
        Ok(poster.summary)
    })?;
    showcase::import_unmatched(store, &currency, today)?;
    Ok(summary)
}

/// Splits `invoices` over `customers` by random weights (a few big customers), exactly.
fn split_counts(rng: &mut Rng, customers: usize, invoices: usize) -> Vec<usize> {
    let weights: Vec<u128> = (0..customers)
        .map(|_| (1 + rng.below(10) as u128) * if rng.chance(50) { 5 } else { 1 })
        .collect();
    let sum: u128 = weights.iter().sum();
    let mut cumulative = 0u128;
    let mut given = 0usize;
    weights
        .iter()
        .map(|w| {
            cumulative += w;
            let upto = (invoices as u128 * cumulative / sum) as usize;
            let count = upto - given;
            given = upto;
            count
        })
        .collect()
}

/// Numbers the invoices of all customers in date order, INV-000001 first.
fn number_invoices(profiles: &mut [Profile]) {
    let mut all: Vec<(NaiveDate, u32, u32)> =
        Vec::with_capacity(profiles.iter().map(|p| p.dates.len()).sum());
    for (c, p) in profiles.iter_mut().enumerate() {
        p.numbers = vec![0; p.dates.len()];
        all.extend(
            p.dates
                .iter()
                .enumerate()
                .map(|(k, d)| (*d, c as u32, k as u32)),
        );
    }
    all.sort_unstable();
    for (n, (_, c, k)) in all.into_iter().enumerate() {
        profiles[c as usize].numbers[k as usize] = n as u32 + 1;
    }
}

fn customer_draft(p: &mut Profile, index: usize, code: &str, currency: &Currency) -> CustomerDraft {
    let rng = &mut p.rng;
    let name = names::company(rng, index);
    let tier = if rng.chance(200) {
        None
    } else {
        Some(match p.habit {
            Habit::Prompt => Tier::A,
            Habit::LumpSum if rng.chance(500) => Tier::A,
            Habit::BitLate | Habit::LumpSum => Tier::B,
            Habit::Chronic | Habit::Stopped => Tier::C,
        })
    };
    let unit = 10i64.pow(currency.minor_units);
    let credit_limit = rng
        .chance(350)
        .then(|| currency.from_minor(p.base * rng.range(3, 12) * unit));
    CustomerDraft {
        code: code.to_string(),
        name,
        contact: Some(names::person(rng)),
        email: names::email(rng, code),
        phone: names::phone(rng),
        address: names::address(rng),
        terms: p.terms,
        credit_limit,
        tier,
        on_hold: p.habit == Habit::Stopped || (p.habit == Habit::Chronic && rng.chance(200)),
        send_by: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::DocKind;
    use crate::store::{AgingInput, BookSettings, NoteFilter};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    fn options(seed: u64) -> DemoOptions {
        DemoOptions {
            customers: 30,
            invoices: 800,
            seed,
            today: today(),
        }
    }

    fn build(options: &DemoOptions) -> (Store, DemoSummary) {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        let mut calls = 0;
        let summary = generate(&mut store, options, &mut |_, _| calls += 1).unwrap();
        assert!(calls >= 1);
        (store, summary)
    }

    /// Σ open items − Σ unapplied credit over the whole book, in minor units.
    fn balance(store: &Store) -> i64 {
        let currency = store.currency().clone();
        let mut total = 0;
        store
            .open_items_as_of(today(), AgingInput::Fast, false, |row| {
                total += currency.to_minor(row.open)
            })
            .unwrap();
        store
            .unapplied_as_of(today(), AgingInput::Fast, |row| {
                total -= currency.to_minor(row.unapplied)
            })
            .unwrap();
        total
    }

    #[test]
    fn builds_a_consistent_realistic_book() {
        let (store, summary) = build(&options(7));
        assert_eq!(store.check(today()).unwrap(), Vec::new());
        let (customers, documents) = store.counts().unwrap();
        assert_eq!((customers, documents), (30, summary.documents as i64));
        assert_eq!(summary.customers, 30);
        let mut kinds: HashMap<DocKind, usize> = HashMap::new();
        for customer in store.customers().unwrap() {
            for doc in store.ledger_documents(customer.id).unwrap() {
                assert!(doc.date <= today());
                *kinds.entry(doc.kind).or_default() += 1;
            }
        }
        assert_eq!(kinds[&DocKind::Invoice], 800);
        for kind in [
            DocKind::Payment,
            DocKind::Fee,
            DocKind::WriteOff,
            DocKind::Refund,
            DocKind::Void,
        ] {
            assert!(
                kinds.get(&kind).is_some_and(|n| *n > 0),
                "no {kind} in the demo"
            );
        }
        let mut overdue = 0;
        store
            .open_items_as_of(today(), AgingInput::Fast, false, |row| {
                overdue += usize::from(row.due < today())
            })
            .unwrap();
        assert!(overdue > 0);
        let mut unapplied = 0;
        store
            .unapplied_as_of(today(), AgingInput::Fast, |_| unapplied += 1)
            .unwrap();
        assert!(unapplied > 0 || kinds[&DocKind::WriteOff] > 0);
        let notes = store.notes(&NoteFilter::default()).unwrap();
        assert_eq!(notes.len(), summary.notes);
        assert!(notes.iter().any(|n| n.promise.is_some()));
        let names: Vec<String> = store
            .customers()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert!(
            names.iter().any(|n| n.contains("有限公司"))
                && names.iter().any(|n| n.contains("Ромашка"))
        );
    }

    #[test]
    fn the_same_seed_builds_the_same_book() {
        let (a, sa) = build(&options(11));
        let (b, sb) = build(&options(11));
        assert_eq!(sa, sb);
        assert_eq!(a.counts().unwrap(), b.counts().unwrap());
        assert_eq!(balance(&a), balance(&b));
        let (c, _) = build(&options(12));
        assert_ne!(balance(&a), balance(&c));
    }

    #[test]
    fn refuses_a_book_with_customers() {
        let (mut store, _) = build(&DemoOptions {
            customers: 3,
            invoices: 20,
            seed: 1,
            today: today(),
        });
        let again = generate(&mut store, &options(1), &mut |_, _| {});
        assert!(matches!(again, Err(DemoError::NotEmpty)));
    }

    #[test]
    fn amounts_are_exact_in_a_currency_without_minor_units() {
        let settings = BookSettings {
            company: "Demo".into(),
            currency: Currency::new("JPY", 0).unwrap(),
        };
        let mut store = Store::open_in_memory(&settings).unwrap();
        generate(
            &mut store,
            &DemoOptions {
                customers: 8,
                invoices: 150,
                seed: 3,
                today: today(),
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(store.check(today()).unwrap(), Vec::new());
    }

    /// Timing of a larger book on disk: `cargo test --release --lib demo -- --ignored --nocapture`
    /// (DEMO_CUSTOMERS and DEMO_INVOICES change the size).
    #[test]
    #[ignore]
    fn times_a_large_demo() {
        let size = |name: &str, default: usize| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.owed");
        let mut store = Store::open(&path, crate::store::Access::Write).unwrap();
        let options = DemoOptions {
            customers: size("DEMO_CUSTOMERS", 1_000),
            invoices: size("DEMO_INVOICES", 100_000),
            seed: 1,
            today: today(),
        };
        let started = std::time::Instant::now();
        let summary = generate(&mut store, &options, &mut |_, _| {}).unwrap();
        let elapsed = started.elapsed();
        eprintln!("{summary:?} in {elapsed:?}");
        let started = std::time::Instant::now();
        assert_eq!(store.check(today()).unwrap(), Vec::new());
        eprintln!("check took {:?}", started.elapsed());
    }
}
