//! The worklist's `risk` rows: a customer whose risk band rose above the band last
//! acknowledged (never acknowledged: high or above), once, until someone acknowledges it
//! (`owed risk ack CODE`, or K on the Today screen).
//!
//! Cost: the scores need each customer's open items, long overdue part and unapplied
//! credit, which the worklist's aging already holds, so only the payment habits of the
//! last 365 days and the promise tallies are read on top (see [`crate::report::risk`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Position, WorkItem, WorkKind};
use crate::domain::Money;
use crate::domain::risk::Risk;
use crate::report::letters::Result;
use crate::report::risk::{self, BookHabits, BookPromises, CustomerRisk, exposure_of, risen};
use crate::report::statement::Context;
use crate::store::{Customer, Store};

/// Every customer's risk as of `date` but for broken promises, from the worklist's own
/// aging and the habits: worked out while the promises are still being read.
pub(super) fn scored_before_promises(
    date: NaiveDate,
    context: &Context,
    customers: &[Customer],
    habits: &BookHabits,
) -> Vec<CustomerRisk> {
    let exposure = exposure_of(
        date,
        customers.iter().map(|c| {
            let items = context.aging_items(c.id).iter();
            let open = items.map(|item| (item.due, item.open));
            (c.id, open, context.unapplied_credit(c.id))
        }),
    );
    risk::scored_before_promises(customers, &exposure, habits)
}

/// One row per customer whose band rose, and each one's risk by customer code (the
/// screen words the reasons in its own language from it), once the promises are in.
pub(super) fn rows(
    store: &Store,
    mut scored: Vec<CustomerRisk>,
    promises: &BookPromises,
    positions: &HashMap<&str, Position>,
) -> Result<(Vec<WorkItem>, HashMap<String, Risk>)> {
    risk::add_promises(&mut scored, promises);
    let mut items = Vec::new();
    let mut risks = HashMap::new();
    for (customer, _seen) in risen(store, &scored)? {
        let risk = customer.risk;
        items.push(WorkItem {
            kind: WorkKind::Risk,
            reason: format!(
                "risk rose to {} ({}): {}; `owed risk ack {}`",
                risk.band,
                risk.score,
                risk.explained(),
                customer.code
            ),
            net_overdue: positions
                .get(customer.code.as_str())
                .map_or(Money::ZERO, |p| p.net_overdue),
            customer: customer.code.clone(),
            name: customer.name,
            amount: None,
            date: None,
            level: None,
            bank_row: None,
            dispute: None,
            said: None,
        });
        risks.insert(customer.code, risk);
    }
    Ok((items, risks))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::demo::{self, DemoOptions};
    use crate::domain::risk::Band;
    use crate::report::risk::{risen, risks};
    use crate::report::worklist::{WorkKind, worklist};
    use crate::store::{BookSettings, Store};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn demo_book(today: NaiveDate) -> Store {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        let options = DemoOptions {
            customers: 40,
            invoices: 1200,
            seed: 5,
            today,
        };
        demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
        store
    }

    fn risk_rows(store: &Store, date: NaiveDate) -> Vec<String> {
        worklist(store, date)
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.kind == WorkKind::Risk)
            .map(|i| i.customer)
            .collect()
    }

    /// The rows made from the worklist's own aging are the ones the whole-book scores
    /// give, with the scores' words.
    #[test]
    fn the_rows_are_the_risen_bands_of_the_whole_book_scores() {
        let today = day("2026-11-23");
        let store = demo_book(today);
        for date in [today, day("2026-08-31")] {
            let list = worklist(&store, date).unwrap();
            let mut expected: Vec<String> = risen(&store, &risks(&store, date).unwrap())
                .unwrap()
                .into_iter()
                .map(|(r, _)| r.code)
                .collect();
            expected.sort();
            let mut listed: Vec<String> = risk_rows(&store, date);
            listed.sort();
            assert!(!listed.is_empty(), "the demo has risky customers on {date}");
            assert_eq!(listed, expected, "as of {date}");
            for item in list.items.iter().filter(|i| i.kind == WorkKind::Risk) {
                let risk = &list.risks[&item.customer];
                assert!(risk.band >= Band::High);
                assert_eq!(
                    item.reason,
                    format!(
                        "risk rose to {} ({}): {}; `owed risk ack {}`",
                        risk.band,
                        risk.score,
                        risk.explained(),
                        item.customer
                    )
                );
                assert_eq!(item.amount, None);
            }
        }
    }

    #[test]
    fn an_acknowledged_band_is_not_listed_until_it_rises_again() {
        let today = day("2026-11-23");
        let mut store = demo_book(today);
        let list = worklist(&store, today).unwrap();
        let code = risk_rows(&store, today)[0].clone();
        let risk = list.risks[&code].clone();
        store
            .acknowledge_risk(&code, risk.band, risk.score)
            .unwrap();
        assert!(!risk_rows(&store, today).contains(&code));
        // Seen at a lower band: listed again, as it rose above it.
        store.acknowledge_risk(&code, Band::Low, 10).unwrap();
        assert!(risk_rows(&store, today).contains(&code));
    }
}
