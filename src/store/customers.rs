//! Customers in the book.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::AuditAction;
use super::{Result, Store, StoreError};
use crate::domain::customer::{CustomerDraft, Tier};
use crate::domain::ids::CustomerId;
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
    /// Why, when the person says (kept in the audit log beside each change).
    pub reason: Option<String>,
}

// A macro, not a const, so the queries below are built at compile time.
macro_rules! columns {
    () => {
        "id, code, name, contact, email, phone, address, terms, credit_limit, tier, on_hold, archived"
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
    conn.execute(
        "INSERT INTO customers (code, name, contact, email, phone, address, terms, credit_limit, tier, on_hold, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
            let limit = limit_minor(currency, draft.credit_limit)?;
            tx.execute(
                "UPDATE customers SET name = ?2, contact = ?3, email = ?4, phone = ?5, address = ?6, terms = ?7,
                 credit_limit = ?8, tier = ?9, on_hold = ?10, archived = ?11 WHERE id = ?1",
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
        ]
    };
    fields(before)
        .into_iter()
        .zip(fields(after))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| (field, old, new))
        .collect()
}
