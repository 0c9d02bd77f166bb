//! Choosing the customer a row names, and saying why. The surest match wins (the whole
//! name, then the name less its legal form, then a close name, then most of its words);
//! among equally sure ones the amount decides when it fits one customer's open items
//! only. Customers who share a name (the same name once legal forms are set aside) are
//! told apart in the reason by code, balance and open items, and a row only the name
//! points to among them is never sure enough to be accepted without a look.

use chrono::NaiveDate;

use super::names::{Hit, Kind, Scan, outermost};
use super::{Matcher, Reason, ReasonPart, Suggestion, Twin};
use crate::domain::Money;
use crate::domain::ids::CustomerId;

/// What the names in a row say.
pub(super) enum Named {
    /// No customer's name is in the text.
    Nobody,
    /// Several customers' names, equally sure, and nothing to choose between them: the
    /// user chooses (the amount alone is not asked, it would pass over the names).
    Undecided,
    Chosen(Suggestion),
}

/// Most twins listed by code in a reason.
const LISTED: usize = 5;
/// Confidence when the name, shared, is all there is (below any accept threshold that
/// makes sense, 0.9 by default).
const SHARED_ONLY: f64 = 0.5;
/// Confidence at most when something short of the amount chose among names.
const REVIEW: f64 = 0.85;

fn confidence(kind: Kind, fits: bool) -> f64 {
    match (kind, fits) {
        (Kind::Exact, true) => 0.95,
        (Kind::Exact, false) => 0.8,
        (Kind::Core, true) => 0.93,
        (Kind::Core, false) => 0.75,
        (Kind::Close, true) => 0.85,
        (Kind::Partial, true) => 0.8,
        (Kind::Close | Kind::Partial, false) => 0.6,
    }
}

impl Matcher {
    /// The customer whose name is in `texts`, with how the amount fits its open items.
    pub(super) fn by_name(&self, date: NaiveDate, amount: Money, texts: &[&str]) -> Named {
        let scans: Vec<Scan> = texts.iter().map(|t| Scan::new(t)).collect();
        let mut hits = self.names.hits(&scans);
        // Close names only when no name is there whole: they cost more and say less.
        if hits.iter().all(|h| h.kind < Kind::Core) {
            let close = self.close.hits(&scans);
            if !close.is_empty() {
                hits.extend(close);
                hits.sort_by_key(|h| std::cmp::Reverse(h.rank()));
                let mut seen = std::collections::HashSet::new();
                hits.retain(|h| seen.insert(h.customer));
                hits = outermost(hits);
            }
        }
        let sureness = |h: &Hit| (h.kind, (h.share * 1000.0).round() as u32);
        let Some(top) = hits.iter().map(sureness).max() else {
            return Named::Nobody;
        };
        let mut group: Vec<&Hit> = hits.iter().filter(|h| sureness(h) == top).collect();
        group.sort_by_key(|h| self.customer_of(h.customer).0);
        let fits: Vec<Option<(ReasonPart, Vec<String>)>> = group
            .iter()
            .map(|h| self.amount_fit(h.customer, amount, date))
            .collect();
        let fitting: Vec<usize> = (0..group.len()).filter(|&i| fits[i].is_some()).collect();
        let twins = self.names.sharing(group[0].customer);
        let all_twins = group.iter().all(|h| twins.contains(&h.customer));
        let pick = match (group.len(), fitting.as_slice()) {
            (1, _) => 0,
            (_, [only]) => *only,
            // The same name: suggested for a look, the one the amount fits first, then
            // the one owing most.
            _ if all_twins => (0..group.len())
                .max_by_key(|&i| {
                    let owing = self.standing(group[i].customer).0;
                    (fits[i].is_some(), owing, std::cmp::Reverse(i))
                })
                .unwrap_or(0),
            _ => return Named::Undecided,
        };
        let hit = group[pick];
        let (fit, invoices) = fits[pick].clone().unzip();
        let (code, name) = self.customer_of(hit.customer);
        let mut confidence = confidence(hit.kind, fit.is_some());
        let mut reason = Reason::of(match (hit.kind, &hit.seen) {
            (Kind::Close, Some(seen)) => ReasonPart::NameClose {
                name,
                seen: seen.clone(),
            },
            (Kind::Exact, _) => ReasonPart::NameExact { name },
            (Kind::Core | Kind::Close, _) => ReasonPart::NameCore { name },
            (Kind::Partial, _) => ReasonPart::NamePartly { name },
        });
        let fits_amount = fit.is_some();
        if let Some(fit) = fit {
            reason = reason.and(fit);
        }
        let twins = self.names.sharing(hit.customer);
        if twins.len() > 1 {
            let only_fit = fits_amount
                && twins
                    .iter()
                    .all(|&c| c == hit.customer || self.amount_fit(c, amount, date).is_none());
            let why = if only_fit {
                confidence = confidence.min(0.9);
                ReasonPart::ChosenByAmount { code }
            } else if group.len() == 1 && hit.kind == Kind::Exact {
                confidence = confidence.min(REVIEW);
                ReasonPart::ChosenByLegalForm { code }
            } else {
                confidence = confidence.min(SHARED_ONLY);
                ReasonPart::TwinsAlike
            };
            reason = reason.and(self.twins_listed(twins)).and(why);
        } else if group.len() > 1 {
            // Other names as sure as this one are in the text; the amount chose.
            confidence = confidence.min(REVIEW);
            let others: Vec<String> = group
                .iter()
                .filter(|h| h.customer != hit.customer)
                .map(|h| self.customer_of(h.customer).1)
                .collect();
            reason = reason.and(ReasonPart::OthersInText { others, code });
        }
        Named::Chosen(self.suggestion(
            hit.customer,
            confidence,
            reason,
            invoices.unwrap_or_default(),
        ))
    }

    /// A customer's balance and number of open items.
    pub(super) fn standing(&self, customer: CustomerId) -> (Money, usize) {
        let items = self
            .by_customer
            .get(&customer)
            .map_or(&[][..], Vec::as_slice);
        (items.iter().map(|&i| self.items[i].open).sum(), items.len())
    }

    /// `N customers share the name: C001 (balance 1200.00, 3 open items), …`.
    fn twins_listed(&self, twins: &[CustomerId]) -> ReasonPart {
        let mut listed: Vec<(String, CustomerId)> =
            twins.iter().map(|&c| (self.customer_of(c).0, c)).collect();
        listed.sort();
        let more = listed.len().saturating_sub(LISTED);
        let listed = listed
            .into_iter()
            .take(LISTED)
            .map(|(code, c)| {
                let (balance, open) = self.standing(c);
                Twin {
                    code,
                    balance: balance.to_string(),
                    open,
                }
            })
            .collect();
        ReasonPart::Twins {
            count: twins.len(),
            listed,
            more,
        }
    }
}

#[cfg(test)]
mod tests;
