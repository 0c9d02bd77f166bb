//! What the book's errors ([`StoreError`]) say on a screen. Words the library puts in
//! its values from a closed set (a document kind, a bank row's status, which date is out
//! of range, who holds the lock, the figures of a credit refusal) are read back and said
//! in the screen's language; free-form reasons built elsewhere (an I/O or SQLite error, a
//! damaged file's finding) are shown as the library wrote them.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::store::{
    CreditRefusal, Damage, DisputeRefusal, DisputedItem, Refused, StoreError, WayBack,
};

/// Why a dispute was not opened or resolved.
impl Described for DisputeRefusal {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let on = |item: &DisputedItem| crate::i18n::words::disputed_item_in(item, loader);
        match self {
            DisputeRefusal::Empty { field } => match *field {
                "outcome" => fl!(loader, "dispute-refused-empty-outcome"),
                _ => fl!(loader, "dispute-refused-empty-reason"),
            },
            DisputeRefusal::NotDisputable { number, kind } => fl!(
                loader,
                "dispute-refused-not-disputable",
                number = number.as_str(),
                kind = document_kind(loader, kind)
            ),
            DisputeRefusal::NoInstallment { number, seq } => fl!(
                loader,
                "dispute-refused-no-installment",
                number = number.as_str(),
                seq = seq.to_string()
            ),
            DisputeRefusal::NothingOpen { on: item } => {
                fl!(loader, "dispute-refused-nothing-open", on = on(item))
            }
            DisputeRefusal::AlreadyOpen { on: item, id } => fl!(
                loader,
                "dispute-refused-already-open",
                on = on(item),
                id = id.to_string()
            ),
            DisputeRefusal::AlreadyResolved { id, at } => fl!(
                loader,
                "dispute-refused-already-resolved",
                id = id.to_string(),
                at = at.as_str()
            ),
            DisputeRefusal::CreditNotPositive => fl!(loader, "dispute-refused-credit-not-positive"),
            DisputeRefusal::CreditTooLarge {
                credit,
                open,
                on: item,
            } => fl!(
                loader,
                "dispute-refused-credit-too-large",
                credit = credit.as_str(),
                open = open.as_str(),
                on = on(item)
            ),
        }
    }
}

/// What to do about a damaged book.
impl Described for WayBack {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            WayBack::Restore(backup) => fl!(
                loader,
                "way-back-restore",
                backup = backup.display().to_string()
            ),
            WayBack::NoGoodBackup => fl!(loader, "way-back-no-good-backup"),
        }
    }
}

/// The warning for someone only reading a damaged book.
impl Described for Damage {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        fl!(
            loader,
            "damage-when-reading",
            path = self.path.display().to_string(),
            found = self.found.as_str(),
            advice = self.way_back.described_in(loader)
        )
    }
}

impl Described for StoreError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            StoreError::NotABook { path, what } => fl!(
                loader,
                "error-store-not-a-book",
                path = path.display().to_string(),
                what = what.described_in(loader)
            ),
            StoreError::Newer {
                path,
                found,
                supported,
            } => fl!(
                loader,
                "error-store-newer",
                path = path.display().to_string(),
                // Versions, not counts: never grouped.
                found = found.to_string(),
                supported = supported.to_string()
            ),
            StoreError::Locked { path, holder } => {
                let path = path.display().to_string();
                if holder == THIS_WINDOW {
                    fl!(loader, "error-store-locked-this-window", path = path)
                } else if let Some(process) = holder
                    .strip_prefix(" (process ")
                    .and_then(|rest| rest.strip_suffix(')'))
                {
                    fl!(
                        loader,
                        "error-store-locked-process",
                        path = path,
                        process = process
                    )
                } else {
                    fl!(
                        loader,
                        "error-store-locked",
                        path = path,
                        holder = holder.as_str()
                    )
                }
            }
            StoreError::NoBook { path } => fl!(
                loader,
                "error-store-no-book",
                path = path.display().to_string()
            ),
            StoreError::NeedsUpgrade { path, found } => fl!(
                loader,
                "error-store-needs-upgrade",
                path = path.display().to_string(),
                found = found.to_string()
            ),
            StoreError::ReadOnly { path, why } => fl!(
                loader,
                "error-store-read-only",
                path = path.display().to_string(),
                why = why.described_in(loader)
            ),
            StoreError::Damaged {
                path,
                found,
                advice,
            } => fl!(
                loader,
                "error-store-damaged",
                path = path.display().to_string(),
                found = found.as_str(),
                advice = advice.described_in(loader)
            ),
            StoreError::BadBackup { path, why } => fl!(
                loader,
                "error-store-bad-backup",
                path = path.display().to_string(),
                why = why.described_in(loader)
            ),
            StoreError::AlreadyExists {
                path,
                company,
                currency,
            } => fl!(
                loader,
                "error-store-already-exists",
                path = path.display().to_string(),
                company = company.as_str(),
                currency = currency.as_str()
            ),
            StoreError::Io { path, source } => fl!(
                loader,
                "error-store-io",
                path = path.display().to_string(),
                error = super::io_text(source, loader)
            ),
            StoreError::CopyFailed { path, why } => fl!(
                loader,
                "error-store-copy-failed",
                path = path.display().to_string(),
                why = why.described_in(loader)
            ),
            StoreError::Sqlite(error) => {
                fl!(loader, "error-store-sqlite", error = error.to_string())
            }
            StoreError::DiskFull => fl!(loader, "error-store-disk-full"),
            StoreError::Corrupt(what) => fl!(loader, "error-store-corrupt", what = what.as_str()),
            StoreError::FileChanged(what) => {
                fl!(loader, "error-store-file-changed", what = what.as_str())
            }
            StoreError::UnknownCustomer(code) => {
                fl!(loader, "error-store-unknown-customer", code = code.as_str())
            }
            StoreError::DuplicateCustomer(code) => {
                fl!(
                    loader,
                    "error-store-duplicate-customer",
                    code = code.as_str()
                )
            }
            // Ids, not counts: never grouped.
            StoreError::UnknownIssued(id) => {
                fl!(loader, "error-store-unknown-issued", id = id.to_string())
            }
            StoreError::UnknownDocument(number) => fl!(
                loader,
                "error-store-unknown-document",
                number = number.as_str()
            ),
            StoreError::DuplicateNumber(number) => fl!(
                loader,
                "error-store-duplicate-number",
                number = number.as_str()
            ),
            StoreError::AlreadyVoided(number) => fl!(
                loader,
                "error-store-already-voided",
                number = number.as_str()
            ),
            StoreError::VoidOfVoid(number) => {
                fl!(loader, "error-store-void-of-void", number = number.as_str())
            }
            StoreError::VoidTooEarly { number, earliest } => fl!(
                loader,
                "error-store-void-too-early",
                number = number.as_str(),
                earliest = earliest.to_string()
            ),
            StoreError::DateBeforeAllocation(number, earliest) => fl!(
                loader,
                "error-store-date-before-allocation",
                number = number.as_str(),
                earliest = earliest.to_string()
            ),
            StoreError::RefundTooLarge {
                asked,
                available,
                source_doc,
            } => {
                if let Some(document) = source_doc.strip_prefix(" on ") {
                    fl!(
                        loader,
                        "error-store-refund-too-large-on",
                        asked = asked.as_str(),
                        available = available.as_str(),
                        document = document
                    )
                } else if let Some(customer) = source_doc.strip_prefix(" of ") {
                    fl!(
                        loader,
                        "error-store-refund-too-large-of",
                        asked = asked.as_str(),
                        available = available.as_str(),
                        customer = customer
                    )
                } else {
                    fl!(
                        loader,
                        "error-store-refund-too-large",
                        asked = asked.as_str(),
                        available = available.as_str(),
                        source_doc = source_doc.as_str()
                    )
                }
            }
            StoreError::NotACredit(number) => {
                fl!(loader, "error-store-not-a-credit", number = number.as_str())
            }
            StoreError::NotRefundable { number, kind } => fl!(
                loader,
                "error-store-not-refundable",
                number = number.as_str(),
                kind = document_kind(loader, kind)
            ),
            StoreError::RefundMoreThanPaid {
                asked,
                paid,
                customer,
            } => fl!(
                loader,
                "error-store-refund-more-than-paid",
                asked = asked.as_str(),
                paid = paid.as_str(),
                customer = customer.as_str()
            ),
            StoreError::MinorUnitsLocked { from, to, what } => fl!(
                loader,
                "error-store-minor-units-locked",
                from = u64::from(*from),
                to = u64::from(*to),
                what = amounts_stored(loader, what)
            ),
            StoreError::Date(error) => error.described_in(loader),
            StoreError::DateOutOfRange { what, date } => fl!(
                loader,
                "error-store-date-out-of-range",
                what = which_date(loader, what),
                date = date.to_string()
            ),
            StoreError::CurrencyLocked => fl!(loader, "error-store-currency-locked"),
            StoreError::UnknownBatch(id) => {
                fl!(loader, "error-store-unknown-batch", id = id.to_string())
            }
            StoreError::BatchUndone(id, when) => fl!(
                loader,
                "error-store-batch-undone",
                id = id.to_string(),
                when = when.as_str()
            ),
            StoreError::UnknownBankRow(id) => {
                fl!(loader, "error-store-unknown-bank-row", id = id.to_string())
            }
            StoreError::BankRowNotOpen(id, status) => fl!(
                loader,
                "error-store-bank-row-not-open",
                id = id.to_string(),
                status = bank_row_status(loader, status)
            ),
            StoreError::BadSetting { key, problem } => fl!(
                loader,
                "error-store-bad-setting",
                key = key.as_str(),
                message = problem.described_in(loader)
            ),
            StoreError::NoBackupsFolder => fl!(loader, "error-store-no-backups-folder"),
            StoreError::UnknownEmail(id) => {
                fl!(loader, "error-store-unknown-email", id = id.to_string())
            }
            StoreError::EmailNotWaiting { id, status } => fl!(
                loader,
                "error-store-email-not-waiting",
                id = id.to_string(),
                status = outbox_status(loader, status)
            ),
            StoreError::UnknownDispute(id) => {
                fl!(loader, "error-store-unknown-dispute", id = id.to_string())
            }
            StoreError::DisputeRefused(reason) => fl!(
                loader,
                "error-store-dispute-refused",
                reason = reason.described_in(loader)
            ),
            StoreError::CreditRefused(refusal) => credit_refused(loader, refusal),
            StoreError::Invariant(what) => {
                fl!(loader, "error-store-invariant", what = what.as_str())
            }
            StoreError::Money(error) => error.described_in(loader),
            StoreError::Terms(error) => error.described_in(loader),
            StoreError::Allocation(error) => error.described_in(loader),
            StoreError::Customer(error) => error.described_in(loader),
            StoreError::Note(error) => error.described_in(loader),
            StoreError::Text(error) => error.described_in(loader),
        }
    }
}

/// The holder a read-only window names when it cannot restore (src/store/backup/restore.rs).
const THIS_WINDOW: &str = " (this window only reads it)";

/// An email's place in the outbox as the book stores it, in the screen's language.
pub(crate) fn outbox_status(loader: &FluentLanguageLoader, status: &str) -> String {
    match status {
        "queued" => fl!(loader, "outbox-status-queued"),
        "sent" => fl!(loader, "outbox-status-sent"),
        "failed" => fl!(loader, "outbox-status-failed"),
        "cancelled" => fl!(loader, "outbox-status-cancelled"),
        other => other.to_string(),
    }
}

/// A document kind as the book stores it (`invoice`, `fee`, …), in the screen's language.
pub(super) fn document_kind(loader: &FluentLanguageLoader, kind: &str) -> String {
    match kind {
        "invoice" => fl!(loader, "kind-invoice"),
        "fee" => fl!(loader, "kind-fee"),
        "refund" => fl!(loader, "kind-refund"),
        "payment" => fl!(loader, "kind-payment"),
        "credit" => fl!(loader, "kind-credit"),
        "writeoff" => fl!(loader, "kind-writeoff"),
        "void" => fl!(loader, "kind-void"),
        "discount" => fl!(loader, "kind-discount"),
        other => other.to_string(),
    }
}

/// A bank row's status as the book stores it, in the screen's language.
fn bank_row_status(loader: &FluentLanguageLoader, status: &str) -> String {
    match status {
        "posted" => fl!(loader, "error-store-bank-row-not-open-posted"),
        "unmatched" => fl!(loader, "error-store-bank-row-not-open-unmatched"),
        "skipped" => fl!(loader, "error-store-bank-row-not-open-skipped"),
        "money-out" => fl!(loader, "error-store-bank-row-not-open-money-out"),
        "foreign" => fl!(loader, "error-store-bank-row-not-open-foreign"),
        "neutral" => fl!(loader, "error-store-bank-row-not-open-neutral"),
        other => other.to_string(),
    }
}

/// Which date of a posting or a customer is out of range, in the screen's language.
fn which_date(loader: &FluentLanguageLoader, what: &str) -> String {
    match what {
        "the date" => fl!(loader, "error-store-date-out-of-range-the-date"),
        "the due date" => fl!(loader, "error-store-date-out-of-range-the-due-date"),
        "the next review" => fl!(loader, "error-store-date-out-of-range-the-next-review"),
        other => other.to_string(),
    }
}

/// The amounts a book already stores, `credit limits: 3, imported bank rows: 12` as
/// src/store/open.rs names them, in the screen's language; as written when it reads
/// otherwise.
fn amounts_stored(loader: &FluentLanguageLoader, what: &str) -> String {
    let parts: Option<Vec<String>> = what
        .split(", ")
        .map(|part| {
            let (label, n) = part.split_once(": ")?;
            let n: i64 = n.parse().ok()?;
            Some(match label {
                "credit limits" => fl!(
                    loader,
                    "error-store-minor-units-locked-credit-limits",
                    n = n
                ),
                "promised amounts" => {
                    fl!(
                        loader,
                        "error-store-minor-units-locked-promised-amounts",
                        n = n
                    )
                }
                "imported bank rows" => {
                    fl!(
                        loader,
                        "error-store-minor-units-locked-imported-bank-rows",
                        n = n
                    )
                }
                _ => return None,
            })
        })
        .collect();
    match parts {
        Some(parts) => parts.join(&fl!(loader, "error-store-minor-units-locked-separator")),
        None => what.to_string(),
    }
}

pub(super) fn credit_refused(loader: &FluentLanguageLoader, refusal: &CreditRefusal) -> String {
    let what = match refusal.what {
        Refused::Fee => fl!(loader, "error-store-credit-refused-fee"),
        Refused::Invoice => fl!(loader, "error-store-credit-refused-invoice"),
        Refused::OpenPart => fl!(loader, "error-store-credit-refused-open-part"),
    };
    let customer = refusal.customer.as_str();
    let name = refusal.name.as_str();
    let amount = refusal.shown.amount.as_str();
    match (refusal.on_hold, &refusal.shown.over_limit) {
        (true, None) => fl!(
            loader,
            "error-store-credit-refused-on-hold",
            customer = customer,
            name = name,
            what = what,
            amount = amount
        ),
        (false, Some((limit, balance, over))) => fl!(
            loader,
            "error-store-credit-refused-over-limit",
            customer = customer,
            name = name,
            limit = limit,
            balance = balance,
            what = what,
            amount = amount,
            over = over
        ),
        (true, Some((limit, balance, over))) => fl!(
            loader,
            "error-store-credit-refused-on-hold-over-limit",
            customer = customer,
            name = name,
            limit = limit,
            balance = balance,
            what = what,
            amount = amount,
            over = over
        ),
        // Neither on hold nor over the limit: credit.rs refuses nothing then.
        (false, None) => fl!(
            loader,
            "error-store-credit-refused",
            message = refusal.message.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::MoneyError;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::domain::terms::Plan;
    use crate::i18n::{Language, loader_for};
    use crate::store::{BookSettings, CustomerUpdate, NewDebit, Store};

    fn english(error: &StoreError) -> String {
        error.described_in(&loader_for(Language::English))
    }

    fn chinese(error: &StoreError) -> String {
        error.described_in(&loader_for(Language::SimplifiedChinese))
    }

    /// The English is the library's own text, word for word.
    fn says_the_same(error: &StoreError) {
        assert_eq!(english(error), error.to_string());
    }

    /// The Chinese has Chinese in it and every one of `values`.
    fn speaks_chinese_with(error: &StoreError, values: &[&str]) {
        let text = chinese(error);
        assert!(
            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{text}"
        );
        for value in values {
            assert!(text.contains(value), "{value} not in {text}");
        }
    }

    fn path() -> PathBuf {
        PathBuf::from("/books/acme.owed")
    }

    #[test]
    fn the_book_file_errors_say_what_the_library_says() {
        let errors = [
            StoreError::NoBook { path: path() },
            StoreError::Newer {
                path: path(),
                found: 12,
                supported: 9,
            },
            StoreError::NotABook {
                path: path(),
                what: crate::store::WhatItIs::Folder,
            },
            StoreError::Damaged {
                path: path(),
                found: "a bad page".into(),
                advice: WayBack::Restore(path().with_extension("bak")),
            },
            StoreError::AlreadyExists {
                path: path(),
                company: "Acme Ltd".into(),
                currency: "EUR".into(),
            },
            StoreError::Io {
                path: path(),
                source: std::io::Error::other("no room"),
            },
            StoreError::DiskFull,
        ];
        for error in &errors {
            says_the_same(error);
        }
        speaks_chinese_with(&errors[0], &["/books/acme.owed", "`owed init`"]);
        speaks_chinese_with(&errors[1], &["/books/acme.owed", "12", "9"]);
        speaks_chinese_with(&errors[4], &["Acme Ltd", "EUR"]);
        // Only a path and the system's own words: Chinese by its colon alone.
        assert_eq!(chinese(&errors[5]), "/books/acme.owed：no room");
        speaks_chinese_with(&errors[6], &[]);
    }

    #[test]
    fn a_damaged_book_says_the_way_back_in_either_language() {
        for way_back in [
            WayBack::Restore(PathBuf::from("/books/backups/book-2026-12-01.owed")),
            WayBack::NoGoodBackup,
        ] {
            let damage = Damage {
                path: path(),
                found: "*** in database main *** Page 5: btreeInitPage() returns error code 11"
                    .into(),
                way_back: way_back.clone(),
            };
            let (english, chinese) = (
                loader_for(Language::English),
                loader_for(Language::SimplifiedChinese),
            );
            assert_eq!(damage.described_in(&english), damage.to_string());
            let said = damage.described_in(&chinese);
            assert!(said.contains("已损坏") && said.contains("Page 5"), "{said}");
            assert!(said.contains("owed restore"), "{said}");
            let refused = StoreError::Damaged {
                path: path(),
                found: "a bad page".into(),
                advice: way_back,
            };
            says_the_same(&refused);
            speaks_chinese_with(&refused, &["a bad page", "owed restore"]);
        }
    }

    #[test]
    fn a_refused_dispute_says_why_in_either_language() {
        let on = |installment| crate::store::DisputedItem {
            number: "INV-7".into(),
            installment,
        };
        for (why, values) in [
            (DisputeRefusal::Empty { field: "reason" }, vec![]),
            (DisputeRefusal::Empty { field: "outcome" }, vec![]),
            (
                DisputeRefusal::NotDisputable {
                    number: "PAY-3".into(),
                    kind: "payment".into(),
                },
                vec!["PAY-3"],
            ),
            (
                DisputeRefusal::NoInstallment {
                    number: "INV-7".into(),
                    seq: 4,
                },
                vec!["INV-7", "4"],
            ),
            (
                DisputeRefusal::NothingOpen { on: on(Some(2)) },
                vec!["INV-7", "2"],
            ),
            (
                DisputeRefusal::AlreadyOpen {
                    on: on(None),
                    id: 12,
                },
                vec!["INV-7", "12"],
            ),
            (
                DisputeRefusal::AlreadyResolved {
                    id: 12,
                    at: "2026-12-01T10:00:00+08:00".into(),
                },
                vec!["12", "2026-12-01T10:00:00+08:00"],
            ),
            (DisputeRefusal::CreditNotPositive, vec!["--credit"]),
            (
                DisputeRefusal::CreditTooLarge {
                    credit: "1,200.00".into(),
                    open: "800.00".into(),
                    on: on(None),
                },
                vec!["1,200.00", "800.00", "INV-7"],
            ),
        ] {
            let error = StoreError::DisputeRefused(why);
            says_the_same(&error);
            speaks_chinese_with(&error, &values);
        }
    }

    #[test]
    fn a_locked_book_names_its_holder_in_either_language() {
        for holder in ["", " (process 4242)", THIS_WINDOW, " (someone)"] {
            let error = StoreError::Locked {
                path: path(),
                holder: holder.into(),
            };
            says_the_same(&error);
            speaks_chinese_with(&error, &["/books/acme.owed"]);
        }
        let error = StoreError::Locked {
            path: path(),
            holder: " (process 4242)".into(),
        };
        assert!(
            chinese(&error).contains("（进程 4242）"),
            "{}",
            chinese(&error)
        );
    }

    #[test]
    fn ids_are_not_grouped_as_counts_are() {
        let errors = [
            StoreError::UnknownIssued(12345),
            StoreError::UnknownBatch(12345),
            StoreError::UnknownBankRow(12345),
            StoreError::UnknownDispute(12345),
            StoreError::BatchUndone(12345, "2026-11-02 10:00".into()),
        ];
        for error in &errors {
            says_the_same(error);
            speaks_chinese_with(error, &["12345"]);
        }
    }

    #[test]
    fn documents_and_refunds() {
        let errors = [
            StoreError::UnknownCustomer("C001".into()),
            StoreError::DuplicateNumber("INV-7".into()),
            StoreError::VoidTooEarly {
                number: "INV-7".into(),
                earliest: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            },
            StoreError::RefundTooLarge {
                asked: "120.00".into(),
                available: "100.00".into(),
                source_doc: " on PAY-3".into(),
            },
            StoreError::RefundTooLarge {
                asked: "120.00".into(),
                available: "100.00".into(),
                source_doc: " of C001".into(),
            },
            StoreError::RefundMoreThanPaid {
                asked: "120.00".into(),
                paid: "100.00".into(),
                customer: "C001".into(),
            },
        ];
        for error in &errors {
            says_the_same(error);
        }
        speaks_chinese_with(&errors[0], &["C001"]);
        speaks_chinese_with(&errors[2], &["INV-7", "2026-11-02"]);
        speaks_chinese_with(&errors[3], &["120.00", "100.00", "PAY-3"]);
        speaks_chinese_with(&errors[4], &["120.00", "100.00", "C001"]);
        speaks_chinese_with(&errors[5], &["120.00", "100.00", "C001"]);
        let refused = StoreError::NotRefundable {
            number: "INV-7".into(),
            kind: "invoice".into(),
        };
        says_the_same(&refused);
        speaks_chinese_with(&refused, &["INV-7", "发票"]);
    }

    #[test]
    fn the_words_of_closed_sets_are_translated() {
        let out_of_range = StoreError::DateOutOfRange {
            what: "the due date",
            date: NaiveDate::from_ymd_opt(2200, 1, 31).unwrap(),
        };
        says_the_same(&out_of_range);
        speaks_chinese_with(&out_of_range, &["到期日", "2200-01-31"]);
        let not_open = StoreError::BankRowNotOpen(7, "money-out".into());
        says_the_same(&not_open);
        speaks_chinese_with(&not_open, &["7", "付出款项"]);
        // Counts under 1,000: the same digits whether grouped or not.
        let decimals = StoreError::MinorUnitsLocked {
            from: 2,
            to: 0,
            what: "credit limits: 3, imported bank rows: 12".into(),
        };
        says_the_same(&decimals);
        speaks_chinese_with(&decimals, &["2", "0", "信用额度", "3", "12"]);
        // A list it cannot read is shown as written.
        let odd = StoreError::MinorUnitsLocked {
            from: 2,
            to: 3,
            what: "something else".into(),
        };
        says_the_same(&odd);
        speaks_chinese_with(&odd, &["something else"]);
    }

    #[test]
    fn wrapped_errors_are_described_by_their_own_type() {
        let money = MoneyError::NotPositive("-5".into());
        let loader = loader_for(Language::SimplifiedChinese);
        assert_eq!(
            StoreError::from(money.clone()).described_in(&loader),
            money.described_in(&loader)
        );
    }

    /// A real refusal from a book: C001 Acme Ltd, credit limit 5,000.00 when `limit`.
    fn refusal(limit: bool, on_hold: bool, kind: DocKind, amount: &str) -> StoreError {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        let credit_limit = limit.then(|| store.currency().parse("5000").unwrap());
        store
            .add_customer(&CustomerDraft {
                code: "C001".into(),
                name: "Acme Ltd".into(),
                credit_limit,
                ..Default::default()
            })
            .unwrap();
        if on_hold {
            store
                .update_customer(
                    "C001",
                    &CustomerUpdate {
                        on_hold: Some(true),
                        reason: Some("cheque bounced".into()),
                        ..Default::default()
                    },
                )
                .unwrap();
        }
        let new = NewDebit {
            customer: "C001".into(),
            kind,
            number: Some("D-1".into()),
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            amount: store.currency().parse(amount).unwrap(),
            terms: None,
            due: None,
            plan: Plan::Single,
            reference: None,
            memo: None,
        };
        let error = store.post_debit(&new).unwrap_err();
        assert!(matches!(error, StoreError::CreditRefused(_)), "{error:?}");
        error
    }

    #[test]
    fn a_credit_refusal_is_read_back_into_its_figures() {
        let held = refusal(false, true, DocKind::Invoice, "100");
        says_the_same(&held);
        speaks_chinese_with(&held, &["C001", "Acme Ltd", "100.00", "发票", "暂停赊销"]);
        let fee = refusal(false, true, DocKind::Fee, "25");
        says_the_same(&fee);
        speaks_chinese_with(&fee, &["25.00", "费用"]);
        let over = refusal(true, false, DocKind::Invoice, "6000");
        says_the_same(&over);
        speaks_chinese_with(
            &over,
            &[
                "C001",
                "5,000.00",
                "0.00",
                "6,000.00",
                "1,000.00",
                "信用额度",
            ],
        );
        let both = refusal(true, true, DocKind::Invoice, "6000");
        says_the_same(&both);
        speaks_chinese_with(&both, &["5,000.00", "6,000.00", "1,000.00", "暂停赊销"]);
    }
}
