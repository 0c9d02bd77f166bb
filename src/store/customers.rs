//! Customers in the book. A new customer whose terms or limit were left empty takes
//! them from its tier's credit policy ([`Store::add_customer_with_policy`]), read as
//! the customer is made, so a later change of the policy never touches it. Each customer
//! has the date of its next credit review: a year after it is made, six months for
//! tier C ([`next_review_after`]).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::AuditAction;
use super::{Result, Store, StoreError};
use crate::domain::customer::{CustomerDraft, Tier};
use crate::domain::email::SendBy;
use crate::domain::ids::CustomerId;
use crate::domain::policy::next_review_after;
use crate::domain::terms::Terms;
use crate::domain::{Currency, Money};

/// A customer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: CustomerId,
    pub code: String,
    pub name: String,
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub terms: Terms,
    pub credit_limit: Option<Money>,
    pub tier: Option<Tier>,
    pub on_hold: bool,
    pub archived: bool,
    /// When its credit is next reviewed (none only in a book that never had a date).
    pub next_review: Option<NaiveDate>,
    /// How it wants its statements and letters.
    pub send_by: SendBy,
}

impl Customer {
    /// Its billing addresses (its `email` may hold several).
    pub fn addresses(&self) -> Vec<String> {
        self.email
            .as_deref()
            .map(|e| crate::domain::email::parse_addresses(e).unwrap_or_default())
            .unwrap_or_default()
    }
}

/// Which of a new customer's fields were left empty, to be taken from its tier's policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftEmpty {
    pub terms: bool,
    pub credit_limit: bool,
}

/// Changes to a customer's master data (not to its documents).
#[derive(Debug, Clone, Default)]
pub struct CustomerUpdate {
    pub name: Option<String>,
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub terms: Option<Terms>,
    pub credit_limit: Option<Option<Money>>,
    pub tier: Option<Option<Tier>>,
    pub on_hold: Option<bool>,
    pub archived: Option<bool>,
    /// The next credit review's date.
    pub next_review: Option<NaiveDate>,
    pub send_by: Option<SendBy>,
    /// Why, when the person says (kept in the audit log beside each change).
    pub reason: Option<String>,
}

// A macro, not a const, so the queries below are built at compile time.
macro_rules! columns {
    () => {
        "id, code, name, contact, email, phone, address, terms, credit_limit, tier, on_hold, archived, next_review, send_by"
    };
}

fn from_row(row: &Row<'_>, currency: &Currency) -> rusqlite::Result<Customer> {
    let terms: String = row.get(7)?;
    let tier: Option<String> = row.get(9)?;
    let bad = |i: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
    };
    Ok(Customer {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        contact: row.get(3)?,
        email: row.get(4)?,
        phone: row.get(5)?,
        address: row.get(6)?,
        terms: terms.parse().map_err(|_| bad(7, terms.clone()))?,
        credit_limit: row
            .get::<_, Option<i64>>(8)?
            .map(|m| currency.from_minor(m)),
        tier: tier
            .map(|t| t.parse().map_err(|_| bad(9, t.clone())))
            .transpose()?,
        on_hold: row.get(10)?,
        archived: row.get(11)?,
        next_review: row
            .get::<_, Option<String>>(12)?
            .map(|d| crate::domain::parse_date(&d).map_err(|_| bad(12, d.clone())))
            .transpose()?,
        send_by: {
            let text: String = row.get(13)?;
            SendBy::parse(&text).map_err(|_| bad(13, text.clone()))?
        },
    })
}

fn blank_to_none(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !crate::domain::text::is_blank(v))
}

/// A credit limit in minor units, refused (never wrapped) when it is out of bounds.
fn limit_minor(currency: &Currency, limit: Option<Money>) -> Result<Option<i64>> {
    Ok(limit
        .map(|m| {
            currency
                .to_minor_checked(m)
                .ok_or(crate::domain::MoneyError::TooLarge(m.to_string()))
        })
        .transpose()?)
}

pub(super) fn insert(
    conn: &Connection,
    currency: &Currency,
    draft: &CustomerDraft,
) -> Result<CustomerId> {
    draft.validate()?;
    let code = draft.code.trim();
    if find(conn, currency, code)?.is_some() {
        return Err(StoreError::DuplicateCustomer(code.to_string()));
    }
    let limit = limit_minor(currency, draft.credit_limit)?;
    let next_review = next_review_after(super::today(), draft.tier);
    conn.execute(
        "INSERT INTO customers (code, name, contact, email, phone, address, terms, credit_limit, tier, on_hold, created_at, next_review, send_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            code,
            draft.name.trim(),
            blank_to_none(&draft.contact),
            blank_to_none(&draft.email),
            blank_to_none(&draft.phone),
            blank_to_none(&draft.address),
            draft.terms.to_string(),
            limit,
            draft.tier.map(|t| t.to_string()),
            draft.on_hold,
            super::now_stamp(),
            next_review.to_string(),
            draft.send_by.as_str(),
        ],
    )?;
    let id = CustomerId(conn.last_insert_rowid());
    super::audit::record(
        conn,
        AuditAction::CustomerAdd,
        Some(id),
        None,
        None,
        Some(&format!("{code} {}", draft.name.trim())),
        None,
    )?;
    Ok(id)
}

/// [`insert`], the fields `left_empty` taken from the policy of the customer's tier as
/// it is now.
pub(super) fn insert_with_policy(
    conn: &Connection,
    currency: &Currency,
    draft: &CustomerDraft,
    left_empty: LeftEmpty,
) -> Result<CustomerId> {
    let mut draft = draft.clone();
    if let Some(tier) = draft.tier {
        let policy = super::settings::read_policies(conn, currency)?
            [crate::domain::ladder::tier_index(tier)];
        if left_empty.terms {
            draft.terms = policy.terms_for_new(None);
        }
        if left_empty.credit_limit {
            draft.credit_limit = policy.limit_for_new(None);
        }
    }
    insert(conn, currency, &draft)
}

pub(super) fn find(conn: &Connection, currency: &Currency, code: &str) -> Result<Option<Customer>> {
    let sql = concat!("SELECT ", columns!(), " FROM customers WHERE code = ?1");
    Ok(conn
        .prepare_cached(sql)?
        .query_row([code.trim()], |r| from_row(r, currency))
        .optional()?)
}

pub(super) fn require(conn: &Connection, currency: &Currency, code: &str) -> Result<Customer> {
    find(conn, currency, code)?.ok_or_else(|| StoreError::UnknownCustomer(code.trim().to_string()))
}

impl Store {
    pub fn add_customer(&mut self, draft: &CustomerDraft) -> Result<Customer> {
        let id = self.write(|tx, currency| insert(tx, currency, draft))?;
        self.customer_by_id(id)
    }

    /// Adds a customer; the fields `left_empty` come from its tier's policy (a customer
    /// with no tier keeps the draft's: net 30, no limit).
    pub fn add_customer_with_policy(
        &mut self,
        draft: &CustomerDraft,
        left_empty: LeftEmpty,
    ) -> Result<Customer> {
        let id = self.write(|tx, currency| insert_with_policy(tx, currency, draft, left_empty))?;
        self.customer_by_id(id)
    }

    pub fn customer(&self, code: &str) -> Result<Customer> {
        require(&self.conn, self.currency(), code)
    }

    pub fn find_customer(&self, code: &str) -> Result<Option<Customer>> {
        find(&self.conn, self.currency(), code)
    }

    pub fn customer_by_id(&self, id: CustomerId) -> Result<Customer> {
        let sql = concat!("SELECT ", columns!(), " FROM customers WHERE id = ?1");
        Ok(self
            .conn
            .query_row(sql, [id], |r| from_row(r, self.currency()))?)
    }

    /// Every customer, by code, archived ones included.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        let sql = concat!("SELECT ", columns!(), " FROM customers ORDER BY code");
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| from_row(r, self.currency()))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes master data; documents already posted are untouched. Every field that
    /// changes is recorded in the audit log (old → new, with the reason if one is given)
    /// in the same transaction.
    pub fn update_customer(&mut self, code: &str, update: &CustomerUpdate) -> Result<Customer> {
        let id = self.write(|tx, currency| {
            let current = require(tx, currency, code)?;
            let mut draft = CustomerDraft {
                code: current.code.clone(),
                name: update.name.clone().unwrap_or(current.name.clone()),
                contact: update.contact.clone().or(current.contact.clone()),
                email: update.email.clone().or(current.email.clone()),
                phone: update.phone.clone().or(current.phone.clone()),
                address: update.address.clone().or(current.address.clone()),
                terms: update.terms.unwrap_or(current.terms),
                credit_limit: update.credit_limit.unwrap_or(current.credit_limit),
                tier: update.tier.unwrap_or(current.tier),
                on_hold: update.on_hold.unwrap_or(current.on_hold),
                send_by: update.send_by.unwrap_or(current.send_by),
            };
            // The text rules for what is being changed; what the book already holds is
            // left to be corrected when the user chooses to.
            draft.validate_typed(|field| match field {
                "name" => update.name.is_some(),
                "contact" => update.contact.is_some(),
                "email" => update.email.is_some(),
                "phone" => update.phone.is_some(),
                "address" => update.address.is_some(),
                _ => false,
            })?;
            draft.code = current.code.clone();
            let archived = update.archived.unwrap_or(current.archived);
            if let Some(date) = update.next_review {
                crate::domain::check_date(date).map_err(|_| StoreError::DateOutOfRange {
                    what: "the next review",
                    date,
                })?;
            }
            let next_review = update.next_review.or(current.next_review);
            let limit = limit_minor(currency, draft.credit_limit)?;
            tx.execute(
                "UPDATE customers SET name = ?2, contact = ?3, email = ?4, phone = ?5, address = ?6, terms = ?7,
                 credit_limit = ?8, tier = ?9, on_hold = ?10, archived = ?11, next_review = ?12,
                 send_by = ?13 WHERE id = ?1",
                params![
                    current.id,
                    draft.name.trim(),
                    blank_to_none(&draft.contact),
                    blank_to_none(&draft.email),
                    blank_to_none(&draft.phone),
                    blank_to_none(&draft.address),
                    draft.terms.to_string(),
                    limit,
                    draft.tier.map(|t| t.to_string()),
                    draft.on_hold,
                    archived,
                    next_review.map(|d| d.to_string()),
                    draft.send_by.as_str(),
                ],
            )?;
            let after = require(tx, currency, code)?;
            for (field, old, new) in changed_fields(&current, &after, currency) {
                super::audit::record(
                    tx,
                    AuditAction::CustomerEdit,
                    Some(current.id),
                    Some(field),
                    old.as_deref(),
                    new.as_deref(),
                    update.reason.as_deref(),
                )?;
            }
            Ok(current.id)
        })?;
        self.customer_by_id(id)
    }
}

/// The master-data fields that differ between two states of a customer, as text.
fn changed_fields(
    before: &Customer,
    after: &Customer,
    currency: &Currency,
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let yes_no = |b: bool| Some(if b { "yes" } else { "no" }.to_string());
    let fields = |c: &Customer| {
        [
            ("name", Some(c.name.clone())),
            ("contact", c.contact.clone()),
            ("email", c.email.clone()),
            ("phone", c.phone.clone()),
            ("address", c.address.clone()),
            ("terms", Some(c.terms.to_string())),
            ("credit_limit", c.credit_limit.map(|l| currency.plain(l))),
            ("tier", c.tier.map(|t| t.to_string())),
            ("on_hold", yes_no(c.on_hold)),
            ("archived", yes_no(c.archived)),
            ("next_review", c.next_review.map(|d| d.to_string())),
            ("send_by", Some(c.send_by.as_str().to_string())),
        ]
    };
    fields(before)
        .into_iter()
        .zip(fields(after))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| (field, old, new))
        .collect()
}
