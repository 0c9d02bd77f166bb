//! Why the bank import matched a payment to a customer ([`Reason`]), said in the
//! language chosen: each finding maps, by an exhaustive `match`, to a catalogue message
//! with its values as arguments, and the findings are joined by the catalogue's own
//! separators (`; ` in English, `；` in Chinese). The English says word for word what
//! the reason's `Display` says (which CSV, JSON and kept bank rows hold); a test checks.
//! Counts are passed as text, so they are never grouped, as `Display` never groups them.
//! A payment the book refused at commit ([`Refusal`]) is said as the book's error is;
//! why a letter is due on a run, in `letters`; why a file's row is set apart, in `rows`;
//! why its amounts' sign was read so, in `sign`.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::errors::Described;
use crate::import::matching::{Reason, ReasonPart, Twin};
use crate::store::Refusal;

impl Described for Reason {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let parts: Vec<String> = self.parts().iter().map(|p| part(p, loader)).collect();
        parts.join(&fl!(loader, "reason-and"))
    }
}

impl Described for ReasonPart {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        part(self, loader)
    }
}

impl Described for Refusal {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        self.error().described_in(loader)
    }
}

fn part(part: &ReasonPart, loader: &FluentLanguageLoader) -> String {
    use ReasonPart as P;
    match part {
        P::InvoicesNamed { numbers } => {
            fl!(loader, "reason-invoices-named", numbers = numbers.as_str())
        }
        P::SettlesOpen => fl!(loader, "reason-settles-open"),
        P::SettlesWithDiscount { discount } => fl!(
            loader,
            "reason-settles-with-discount",
            discount = discount.as_str()
        ),
        P::SettlesThrough { through } => {
            fl!(loader, "reason-settles-through", through = through.as_str())
        }
        P::PartPayment => fl!(loader, "reason-part-payment"),
        P::PaysMore => fl!(loader, "reason-pays-more"),
        P::KnownPayer => fl!(loader, "reason-known-payer"),
        P::KnownPayerOnly => fl!(loader, "reason-known-payer-only"),
        P::NameExact { name } => fl!(loader, "reason-name-exact", name = name.as_str()),
        P::NameCore { name } => fl!(loader, "reason-name-core", name = name.as_str()),
        P::NameClose { name, seen } => fl!(
            loader,
            "reason-name-close",
            name = name.as_str(),
            seen = seen.as_str()
        ),
        P::NamePartly { name } => fl!(loader, "reason-name-partly", name = name.as_str()),
        P::EqualsItem { item } => fl!(loader, "reason-equals-item", item = item.as_str()),
        P::EqualsItemDiscounted { item } => fl!(
            loader,
            "reason-equals-item-discounted",
            item = item.as_str()
        ),
        P::EqualsBalance => fl!(loader, "reason-equals-balance"),
        P::EqualsOldest { count } => {
            fl!(loader, "reason-equals-oldest", count = count.to_string())
        }
        // Invoice numbers added up: `+` reads the same in both languages.
        P::EqualsItems { items } => fl!(loader, "reason-equals-items", items = items.join(" + ")),
        P::OnlyItemOfAmount { item } => {
            fl!(loader, "reason-only-item-of-amount", item = item.as_str())
        }
        P::OnlyDiscountedItem { item } => {
            fl!(loader, "reason-only-discounted-item", item = item.as_str())
        }
        P::OnlyBalance => fl!(loader, "reason-only-balance"),
        P::Twins {
            count,
            listed,
            more,
        } => {
            let mut said: Vec<String> = listed.iter().map(|t| twin(t, loader)).collect();
            if *more > 0 {
                said.push(fl!(loader, "reason-twins-more", more = more.to_string()));
            }
            fl!(
                loader,
                "reason-twins",
                count = count.to_string(),
                listed = said.join(&fl!(loader, "reason-list-and"))
            )
        }
        P::ChosenByAmount { code } => {
            fl!(loader, "reason-chosen-by-amount", code = code.as_str())
        }
        P::ChosenByLegalForm { code } => {
            fl!(loader, "reason-chosen-by-legal-form", code = code.as_str())
        }
        P::TwinsAlike => fl!(loader, "reason-twins-alike"),
        P::OthersInText { others, code } => {
            let quoted: Vec<String> = others
                .iter()
                .map(|o| fl!(loader, "reason-quoted", name = o.as_str()))
                .collect();
            fl!(
                loader,
                "reason-others-in-text",
                others = quoted.join(&fl!(loader, "reason-list-and")),
                code = code.as_str()
            )
        }
    }
}

/// `C001 (balance 1200.00, 3 open items)`.
fn twin(twin: &Twin, loader: &FluentLanguageLoader) -> String {
    let items = match twin.open {
        0 => fl!(loader, "reason-twin-no-items"),
        1 => fl!(loader, "reason-twin-one-item"),
        n => fl!(loader, "reason-twin-items", count = n.to_string()),
    };
    fl!(
        loader,
        "reason-twin",
        code = twin.code.as_str(),
        balance = twin.balance.as_str(),
        items = items
    )
}

mod kept;
mod ladder;
mod letters;
mod rows;
mod sign;

pub use kept::{kept_row_said, kept_row_said_in, kept_row_suggested};

#[cfg(test)]
mod tests;
