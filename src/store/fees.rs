//! Fee runs: late interest and fixed fees by policy (`owed fees --due`), as the pure
//! rules of [`crate::domain::interest`] charge them, posted as one fee document per
//! customer per run, all customers in one transaction.
//!
//! What a run charges: the book's invoice items due before the run date with something
//! owed after their due date, leaving out voided invoices, fees (never interest on
//! interest) and items in a dispute open at run time; each customer's tier rules.
//!
//! Which days are already charged is read back from the fee documents themselves, with no
//! table of its own: a fee run's memo starts with [`MEMO_HEADER`] and lists one line per
//! item and span, `FROM..TO AMOUNT SEQ NUMBER` (e.g. `2026-02-01..2026-03-02 9.86 1
//! INV-000001`; the number last, so a number with spaces still reads back). Every such
//! fee document that has not been voided counts; a voided one does not, so its days can
//! be charged again. A memo is at most [`text::TEXT_MAX`] characters, so a customer with
//! very many items in one run gets more than one fee document (each with the header);
//! otherwise one per customer per run. The fee is dated the run date and due on receipt.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::posting::{self, NewDebit, Posted};
use super::queries::parse_stored_date;
use super::settings::read_fee_rules;
use super::{Result, Store};
use crate::domain::customer::Tier;
use crate::domain::document::DocKind;
use crate::domain::interest::{self, Charge, FeeItem};
use crate::domain::terms::{Plan, Terms};
use crate::domain::{Currency, Money, text};

/// The first words of every fee run's memo; how a run's documents are told from fees
/// posted by hand.
pub const MEMO_HEADER: &str = "Late interest by policy (owed fees --due)";

/// What a posted run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeRun {
    pub date: NaiveDate,
    pub charges: Vec<Charge>,
    /// The fee documents posted, one per customer (more only for a memo too long).
    pub posted: Vec<Posted>,
}

/// One memo line: `FROM..TO AMOUNT SEQ NUMBER`.
fn memo_line(currency: &Currency, charge: &Charge) -> String {
    format!(
        "{}..{} {} {} {}",
        charge.from,
        charge.to,
        currency.plain(charge.amount),
        charge.seq,
        charge.number
    )
}

/// A memo line read back: (invoice number, installment, first day, last day).
pub fn parse_memo_line(line: &str) -> Option<(String, u32, NaiveDate, NaiveDate)> {
    let mut parts = line.trim().splitn(4, ' ');
    let (from, to) = parts.next()?.split_once("..")?;
    let from: NaiveDate = from.parse().ok()?;
    let to: NaiveDate = to.parse().ok()?;
    parts.next()?;
    let seq: u32 = parts.next()?.parse().ok()?;
    let number = parts.next()?.to_string();
    (from <= to && !number.is_empty()).then_some((number, seq, from, to))
}

/// Periods charged (first day, last day), by (invoice number, installment).
type ChargedPeriods = HashMap<(String, u32), Vec<(NaiveDate, NaiveDate)>>;

/// The periods every standing (unvoided) fee run charged, by (invoice number, seq).
fn charged_periods(conn: &Connection) -> Result<ChargedPeriods> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.memo FROM documents d
         WHERE d.kind = 'fee' AND d.memo LIKE ?1 || '%'
           AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)",
    )?;
    let mut rows = stmt.query([MEMO_HEADER])?;
    let mut out = ChargedPeriods::new();
    while let Some(row) = rows.next()? {
        let memo: String = row.get(0)?;
        for (number, seq, from, to) in memo.lines().skip(1).filter_map(parse_memo_line) {
            out.entry((number, seq)).or_default().push((from, to));
        }
    }
    Ok(out)
}

/// The items a run on `run` may charge, with their histories and rules.
fn fee_items(conn: &Connection, currency: &Currency, run: NaiveDate) -> Result<Vec<FeeItem>> {
    let rules = read_fee_rules(conn, currency)?;
    if !rules.book.charges_anything() && !rules.tiers.iter().any(|r| r.charges_anything()) {
        return Ok(Vec::new());
    }
    let mut charged = charged_periods(conn)?;
    // An item settled before the policy's start can charge nothing: not read at all.
    let start = rules
        .book
        .from
        .map_or_else(|| "0000-00-00".to_string(), |d| d.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, c.code, c.tier, d.number, i.seq, i.due_date, i.amount
         FROM items i JOIN documents d ON d.id = i.document_id JOIN customers c ON c.id = i.customer_id
         WHERE d.kind = 'invoice' AND i.due_date < ?1 AND i.doc_date <= ?1
           AND (i.settled_on IS NULL OR (i.settled_on > i.due_date AND i.settled_on >= ?2))
           AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)
           AND NOT EXISTS (SELECT 1 FROM disputes x WHERE x.document_id = d.id
                           AND x.resolved_at IS NULL AND (x.item_seq IS NULL OR x.item_seq = i.seq))
         ORDER BY c.code, i.due_date, d.number, i.seq",
    )?;
    let mut rows = stmt.query([run.to_string(), start])?;
    let mut items = Vec::new();
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        let tier: Option<String> = row.get(2)?;
        let tier = tier.and_then(|t| t.parse::<Tier>().ok());
        let item_rules = rules.for_tier(tier);
        let due = parse_stored_date(&row.get::<_, String>(5)?)?;
        if !item_rules.charges_anything() || (run - due).num_days() <= item_rules.grace_days {
            continue;
        }
        let number: String = row.get(3)?;
        let seq: u32 = row.get(4)?;
        ids.push(row.get::<_, i64>(0)?);
        items.push(FeeItem {
            customer: row.get(1)?,
            charged: charged.remove(&(number.clone(), seq)).unwrap_or_default(),
            number,
            seq,
            due,
            amount: currency.from_minor(row.get(6)?),
            allocations: Vec::new(),
            rules: item_rules,
        });
    }
    read_allocations(conn, currency, run, &ids, &mut items)?;
    Ok(items)
}

/// Fills each item's allocations dated on or before `run` (`ids[n]` is `items[n]`'s id):
/// a lookup per item for a few, one pass over the allocations' item index for many (a
/// first run on a large book without `fee.from` reads most of its items).
fn read_allocations(
    conn: &Connection,
    currency: &Currency,
    run: NaiveDate,
    ids: &[i64],
    items: &mut [FeeItem],
) -> Result<()> {
    const ONE_PASS_FROM: usize = 20_000;
    read_allocations_by(conn, currency, run, ids, items, ids.len() >= ONE_PASS_FROM)
}

fn read_allocations_by(
    conn: &Connection,
    currency: &Currency,
    run: NaiveDate,
    ids: &[i64],
    items: &mut [FeeItem],
    one_pass: bool,
) -> Result<()> {
    let run = run.to_string();
    let push = |item: &mut FeeItem, date: String, minor: i64| -> Result<()> {
        item.allocations
            .push((parse_stored_date(&date)?, currency.from_minor(minor)));
        Ok(())
    };
    if !one_pass {
        let mut stmt = conn.prepare_cached(
            "SELECT date, amount FROM allocations WHERE item_id = ?1 AND date <= ?2 ORDER BY date",
        )?;
        for (id, item) in ids.iter().zip(items.iter_mut()) {
            let mut rows = stmt.query(rusqlite::params![id, run])?;
            while let Some(row) = rows.next()? {
                push(item, row.get(0)?, row.get(1)?)?;
            }
        }
        return Ok(());
    }
    let at: HashMap<i64, usize> = ids.iter().enumerate().map(|(n, id)| (*id, n)).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, date, amount FROM allocations WHERE date <= ?1 ORDER BY item_id, date",
    )?;
    let mut rows = stmt.query([run])?;
    while let Some(row) = rows.next()? {
        if let Some(&n) = at.get(&row.get::<_, i64>(0)?) {
            push(&mut items[n], row.get(1)?, row.get(2)?)?;
        }
    }
    Ok(())
}

/// What a run on `run` charges now, reading through `conn` (the book or a transaction).
fn charges_due(conn: &Connection, currency: &Currency, run: NaiveDate) -> Result<Vec<Charge>> {
    let items = fee_items(conn, currency, run)?;
    Ok(interest::charges(currency, &items, run))
}

/// The memos of one customer's rows, each with the sum of the rows it lists: the header
/// and a line per row, split so none is longer than the text rules allow.
fn memos(currency: &Currency, run: NaiveDate, rows: &[&Charge]) -> Vec<(String, Money)> {
    let header =
        format!("{MEMO_HEADER}, run {run}; per item: period, amount, installment, invoice");
    let mut memos: Vec<(String, Money)> = Vec::new();
    let mut current = header.clone();
    let mut amount = Money::ZERO;
    let mut lines = 0;
    for row in rows {
        let line = memo_line(currency, row);
        if lines > 0 && current.chars().count() + 1 + line.chars().count() > text::TEXT_MAX {
            memos.push((std::mem::replace(&mut current, header.clone()), amount));
            amount = Money::ZERO;
            lines = 0;
        }
        current.push('\n');
        current.push_str(&line);
        amount += row.amount;
        lines += 1;
    }
    if lines > 0 {
        memos.push((current, amount));
    }
    memos
}

/// Posts one fee document: the single place a fee run posts, so a rule added to posting
/// debits (a credit hold, say) is met here once.
/// The reason recorded when a policy charge goes past a hold or a credit limit.
pub const POLICY_OVERRIDE: &str =
    "late interest and fees by policy (owed fees --due): owed under the terms, not new credit";

/// Posts one fee document of a run. Interest and fees by policy are owed under the terms
/// already agreed, not credit newly granted, so a hold or a credit limit does not stop
/// them; the credit check still runs, and each limit or hold passed is recorded in the
/// audit log with [`POLICY_OVERRIDE`] as its reason, in the same transaction.
fn post_fee_document(conn: &Connection, currency: &Currency, new: &NewDebit) -> Result<Posted> {
    posting::post_debit(conn, currency, new, Some(POLICY_OVERRIDE))
}

impl Store {
    /// What a fee run on `run` would charge now (`owed fees --due --dry-run`).
    pub fn fees_due(&self, run: NaiveDate) -> Result<Vec<Charge>> {
        charges_due(&self.conn, self.currency(), run)
    }

    /// Charges and posts the fees due on `run`: one fee document per customer, dated the
    /// run date, due on receipt, all in one transaction. Running it again for the same
    /// date charges nothing more.
    pub fn post_fees(&mut self, run: NaiveDate) -> Result<FeeRun> {
        self.write(|tx, currency| {
            let charges = charges_due(tx, currency, run)?;
            let mut by_customer: Vec<(&str, Vec<&Charge>)> = Vec::new();
            for charge in &charges {
                match by_customer.last_mut() {
                    Some((code, rows)) if *code == charge.customer => rows.push(charge),
                    _ => by_customer.push((&charge.customer, vec![charge])),
                }
            }
            let mut posted = Vec::new();
            for (code, rows) in by_customer {
                for (memo, amount) in memos(currency, run, &rows) {
                    posted.push(post_fee_document(
                        tx,
                        currency,
                        &NewDebit {
                            customer: code.to_string(),
                            kind: DocKind::Fee,
                            number: None,
                            date: run,
                            amount,
                            terms: Some(Terms::DueOnReceipt),
                            due: None,
                            plan: Plan::Single,
                            reference: None,
                            memo: Some(memo),
                        },
                    )?);
                }
            }
            Ok(FeeRun {
                date: run,
                charges,
                posted,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocations_read_per_item_or_in_one_pass_are_the_same() {
        use crate::domain::allocation::Apply;
        use crate::domain::customer::CustomerDraft;
        use crate::domain::document::DocKind;
        use crate::store::{BookSettings, NewCredit};
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "ACME".into(),
                name: "Acme".into(),
                ..Default::default()
            })
            .unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let amount = store.currency().parse("100").unwrap();
        for n in 1..=3 {
            store
                .post_debit(&NewDebit {
                    customer: "ACME".into(),
                    kind: DocKind::Invoice,
                    number: Some(format!("INV-{n}")),
                    date: day("2026-01-01"),
                    amount,
                    terms: Some(crate::domain::terms::Terms::Net(10)),
                    due: None,
                    plan: crate::domain::terms::Plan::Single,
                    reference: None,
                    memo: None,
                })
                .unwrap();
        }
        for (n, date) in [(1, "2026-02-01"), (3, "2026-02-10"), (3, "2026-04-01")] {
            store
                .post_credit(&NewCredit {
                    customer: "ACME".into(),
                    kind: DocKind::Payment,
                    number: None,
                    date: day(date),
                    amount: store.currency().parse("40").unwrap(),
                    reference: None,
                    memo: None,
                    apply: Apply::Explicit(vec![(format!("INV-{n}"), None)]),
                })
                .unwrap();
        }
        store.set_setting("fee.annual_rate", "10").unwrap();
        let run = day("2026-03-01");
        let currency = store.currency().clone();
        let read = |one_pass: bool| {
            let mut items = fee_items(&store.conn, &currency, run).unwrap();
            for item in &mut items {
                item.allocations.clear();
            }
            let ids: Vec<i64> = store
                .conn
                .prepare("SELECT i.id FROM items i JOIN documents d ON d.id = i.document_id ORDER BY d.number")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            read_allocations_by(&store.conn, &currency, run, &ids, &mut items, one_pass).unwrap();
            items
        };
        let per_item = read(false);
        assert_eq!(per_item.len(), 3);
        // INV-1 and INV-3 paid 40.00 each by the run; the later payment not yet.
        assert_eq!(per_item[0].allocations.len(), 1);
        assert_eq!(per_item[1].allocations.len(), 0);
        assert_eq!(
            per_item[2].allocations,
            vec![(day("2026-02-10"), store.currency().parse("40").unwrap())]
        );
        assert_eq!(read(true), per_item);
    }

    #[test]
    fn memo_lines_read_back_even_with_spaces_in_the_number() {
        let currency = Currency::new("USD", 2).unwrap();
        let charge = Charge {
            customer: "ACME".into(),
            number: "INV 2026 / 7".into(),
            seq: 2,
            from: "2026-02-01".parse().unwrap(),
            to: "2026-03-02".parse().unwrap(),
            days: 30,
            principal: currency.parse("1000").unwrap(),
            interest: currency.parse("9.86").unwrap(),
            fixed: Money::ZERO,
            amount: currency.parse("9.86").unwrap(),
        };
        let line = memo_line(&currency, &charge);
        assert_eq!(line, "2026-02-01..2026-03-02 9.86 2 INV 2026 / 7");
        assert_eq!(
            parse_memo_line(&line),
            Some(("INV 2026 / 7".into(), 2, charge.from, charge.to))
        );
        assert_eq!(parse_memo_line("paid by cheque"), None);
        assert_eq!(parse_memo_line("2026-03-02..2026-02-01 1.00 1 INV-1"), None);
    }

    #[test]
    fn a_long_run_is_split_into_memos_within_the_text_limit() {
        let currency = Currency::new("USD", 2).unwrap();
        let rows: Vec<Charge> = (1..=200)
            .map(|n| Charge {
                customer: "ACME".into(),
                number: format!("INV-{n:06}"),
                seq: 1,
                from: "2026-02-01".parse().unwrap(),
                to: "2026-03-02".parse().unwrap(),
                days: 30,
                principal: currency.parse("1000").unwrap(),
                interest: currency.parse("9.86").unwrap(),
                fixed: Money::ZERO,
                amount: currency.parse("9.86").unwrap(),
            })
            .collect();
        let refs: Vec<&Charge> = rows.iter().collect();
        let memos = memos(&currency, "2026-03-02".parse().unwrap(), &refs);
        assert!(memos.len() > 1);
        assert!(
            memos
                .iter()
                .all(|(m, _)| m.chars().count() <= text::TEXT_MAX)
        );
        assert!(memos.iter().all(|(m, _)| m.starts_with(MEMO_HEADER)));
        let listed: usize = memos.iter().map(|(m, _)| m.lines().count() - 1).sum();
        assert_eq!(listed, 200);
        let total: Money = memos.iter().map(|(_, a)| *a).sum();
        assert_eq!(currency.plain(total), "1972.00");
    }
}
