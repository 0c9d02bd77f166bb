//! What `owed check` found wrong ([`Violation`]), said in the language chosen. The
//! English is word for word its `Display` (what `owed check` has always printed). What
//! SQLite, the file or the row says (an integrity line, a table and column, a row's
//! label such as `note 12`, a malformed value) is shown as found: they name the thing
//! in the file, not in words.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::store::{Rule, Violation};

impl Described for Violation {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            Violation::Integrity(line) => fl!(loader, "check-integrity", line = line.as_str()),
            Violation::ForeignKey { table, row, parent } => fl!(
                loader,
                "check-foreign-key",
                table = table.as_str(),
                row = row.to_string(),
                parent = parent.as_str()
            ),
            Violation::Malformed {
                moment,
                table,
                column,
                who,
                value,
            } => {
                let (table, column, who, value) = (*table, *column, who.as_str(), value.as_str());
                if *moment {
                    fl!(
                        loader,
                        "check-malformed-timestamp",
                        table = table,
                        column = column,
                        who = who,
                        value = value
                    )
                } else {
                    fl!(
                        loader,
                        "check-malformed-date",
                        table = table,
                        column = column,
                        who = who,
                        value = value
                    )
                }
            }
            Violation::Broken { rule, what } => fl!(
                loader,
                "check-broken",
                rule = rule_said(*rule, loader),
                what = what.as_str()
            ),
            Violation::HabitSums {
                code,
                customer,
                month,
                kept,
                settled,
            } => {
                let who = match code {
                    Some(code) => code.clone(),
                    None => fl!(loader, "check-customer-id", id = customer.to_string()),
                };
                let (month, settled) = (month.as_str(), settled.to_string());
                match kept {
                    Some(kept) => fl!(
                        loader,
                        "check-habit-sums",
                        who = who,
                        month = month,
                        kept = kept.to_string(),
                        settled = settled
                    ),
                    None => fl!(
                        loader,
                        "check-habit-sums-none-kept",
                        who = who,
                        month = month,
                        settled = settled
                    ),
                }
            }
            Violation::Stopped(error) => {
                fl!(loader, "check-stopped", error = error.as_str())
            }
            Violation::AgingDoesNotTie {
                code,
                as_of,
                aging,
                recomputed,
                documents,
            } => fl!(
                loader,
                "check-aging-does-not-tie",
                code = code.as_str(),
                date = as_of.to_string(),
                aging = aging.as_str(),
                recomputed = recomputed.as_str(),
                documents = documents.as_str()
            ),
        }
    }
}

fn rule_said(rule: Rule, loader: &FluentLanguageLoader) -> String {
    match rule {
        Rule::OpenDiffers => fl!(loader, "check-rule-open-differs"),
        Rule::ItemOverAllocated => fl!(loader, "check-rule-item-over-allocated"),
        Rule::SettleDate => fl!(loader, "check-rule-settle-date"),
        Rule::UnappliedDiffers => fl!(loader, "check-rule-unapplied-differs"),
        Rule::CreditOverAllocated => fl!(loader, "check-rule-credit-over-allocated"),
        Rule::ExhaustedDate => fl!(loader, "check-rule-exhausted-date"),
        Rule::ItemOverAllocatedOnDate => fl!(loader, "check-rule-item-over-allocated-on-date"),
        Rule::CreditOverAllocatedOnDate => fl!(loader, "check-rule-credit-over-allocated-on-date"),
        Rule::ItemsDoNotAddUp => fl!(loader, "check-rule-items-do-not-add-up"),
        Rule::CreditHasItems => fl!(loader, "check-rule-credit-has-items"),
        Rule::BetweenCustomers => fl!(loader, "check-rule-between-customers"),
        Rule::FromNonCredit => fl!(loader, "check-rule-from-non-credit"),
        Rule::AllocationTooEarly => fl!(loader, "check-rule-allocation-too-early"),
        Rule::BadVoid => fl!(loader, "check-rule-bad-void"),
        Rule::PromisePartsOrder => fl!(loader, "check-rule-promise-parts-order"),
        Rule::PromiseDiffers => fl!(loader, "check-rule-promise-differs"),
        Rule::DiscountMisplaced => fl!(loader, "check-rule-discount-misplaced"),
        Rule::DiscountStranded => fl!(loader, "check-rule-discount-stranded"),
        Rule::VoidOfNothing => fl!(loader, "check-rule-void-of-nothing"),
        Rule::ItemDiffersFromDocument => fl!(loader, "check-rule-item-differs-from-document"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::i18n::{Language, loader_for};

    fn every_kind() -> Vec<Violation> {
        let mut all = vec![
            Violation::Integrity(
                "*** in database main *** Page 5: btreeInitPage() returns error code 11".into(),
            ),
            Violation::ForeignKey {
                table: "allocations".into(),
                row: 1204,
                parent: "documents".into(),
            },
            Violation::Malformed {
                moment: false,
                table: "notes",
                column: "follow_up",
                who: "note 12".into(),
                value: "next tuesday".into(),
            },
            Violation::Malformed {
                moment: true,
                table: "documents",
                column: "posted_at",
                who: "INV-7".into(),
                value: "yesterday".into(),
            },
            Violation::HabitSums {
                code: Some("C001".into()),
                customer: 1,
                month: "2026-10".into(),
                kept: Some(3),
                settled: 4,
            },
            Violation::HabitSums {
                code: None,
                customer: 77,
                month: "2026-09".into(),
                kept: None,
                settled: 2,
            },
            Violation::Stopped("database disk image is malformed".into()),
            Violation::AgingDoesNotTie {
                code: "C002".into(),
                as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                aging: "1200.00".into(),
                recomputed: "1150.00".into(),
                documents: "1150.00".into(),
            },
        ];
        all.extend(Rule::ALL.iter().map(|&rule| Violation::Broken {
            rule,
            what: "INV-9/2".into(),
        }));
        all
    }

    #[test]
    fn in_english_as_owed_check_printed_and_in_chinese() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for violation in every_kind() {
            assert_eq!(violation.described_in(&english), violation.to_string());
            let said = violation.described_in(&chinese);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {said}"
            );
            assert!(
                !said.contains(" kept") && !said.contains(" differs"),
                "{said}"
            );
        }
        let said = every_kind()[5].described_in(&chinese);
        assert!(said.contains("77") && said.contains("2026-09"), "{said}");
        let said = every_kind()[7].described_in(&chinese);
        for value in ["C002", "2026-11-30", "1200.00", "1150.00"] {
            assert!(said.contains(value), "{value} not in {said}");
        }
    }
}
