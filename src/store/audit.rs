//! The audit log: who changed what and when, for everything that is edited in place
//! rather than posted — a customer's master data (terms, credit limit, tier, hold and
//! release, archive, contact), the settings and letter texts — and for the acts that
//! undo or bypass the book's own rules: overrides, restores and import undos. One row per
//! changed field with the old and the new value as text; rows are written in the same
//! transaction as the change itself and can never be edited or deleted (triggers).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Result, Store, StoreError};

mod says;
use crate::domain::company::{Locale, Paper};
use crate::domain::ids::CustomerId;
use crate::domain::letters::Level;
use crate::domain::text::{TEXT_MAX, check_optional_multiline, is_blank};
pub use says::EntrySays;

/// What kind of change an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuditAction {
    /// A customer was added.
    CustomerAdd,
    /// A field of a customer's master data changed.
    CustomerEdit,
    /// A setting or a letter text changed.
    Settings,
    /// A rule was bypassed on purpose (the reason says why).
    Override,
    /// The book was replaced by a backup.
    Restore,
    /// An import batch was undone.
    ImportUndo,
    /// A customer's letters were paused by hand, or resumed.
    Pause,
    /// A dispute was opened or resolved.
    Dispute,
    /// A customer's risk band was acknowledged (the worklist stops warning of it).
    RiskSeen,
}

impl AuditAction {
    pub const ALL: [AuditAction; 9] = [
        AuditAction::CustomerAdd,
        AuditAction::CustomerEdit,
        AuditAction::Settings,
        AuditAction::Override,
        AuditAction::Restore,
        AuditAction::ImportUndo,
        AuditAction::Pause,
        AuditAction::Dispute,
        AuditAction::RiskSeen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::CustomerAdd => "customer-add",
            AuditAction::CustomerEdit => "customer-edit",
            AuditAction::Settings => "settings",
            AuditAction::Override => "override",
            AuditAction::Restore => "restore",
            AuditAction::ImportUndo => "import-undo",
            AuditAction::Pause => "pause",
            AuditAction::Dispute => "dispute",
            AuditAction::RiskSeen => "risk-ack",
        }
    }

    fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339 with microseconds, local time.
    pub at: String,
    pub action: AuditAction,
    /// The customer's code, when the change was to a customer.
    pub customer: Option<String>,
    /// The field or setting key that changed.
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub reason: Option<String>,
}

/// A change to record from outside the store's own writes (an override, a restore).
#[derive(Debug, Clone, Default)]
pub struct NewAudit {
    pub customer: Option<String>,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub reason: Option<String>,
}

/// Records one change; `reason` blank counts as none.
pub(super) fn record(
    conn: &Connection,
    action: AuditAction,
    customer: Option<CustomerId>,
    field: Option<&str>,
    old: Option<&str>,
    new: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    let reason = reason.map(str::trim).filter(|r| !is_blank(r));
    check_optional_multiline("reason", reason, TEXT_MAX)?;
    conn.prepare_cached(
        "INSERT INTO audit_log (at, action, customer_id, field, old, new, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        super::now_stamp(),
        action.as_str(),
        customer,
        field,
        old,
        new,
        reason
    ])?;
    Ok(())
}

/// Every setting as `owed settings set` names it, with its value as text (letter texts
/// as they are in effect, defaults included), so a change of any of them is a
/// difference of two snapshots.
pub(super) fn settings_snapshot(conn: &Connection) -> Result<BTreeMap<String, String>> {
    let mut values = BTreeMap::new();
    let mut book = conn.prepare(
        "SELECT key, value FROM book WHERE key IN ('company', 'currency', 'minor_units')",
    )?;
    for row in book.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (key, value) = row?;
        let key = if key == "company" {
            "company.name".to_string()
        } else {
            key
        };
        values.insert(key, value);
    }
    // Unset means the default: a first save that writes the default is no change.
    values.insert("paper".into(), Paper::default().as_str().into());
    values.insert("locale".into(), Locale::default().as_str().into());
    for level in Level::ALL {
        values.insert(
            format!("letter.{}.days", level.number()),
            level.default_threshold_days().to_string(),
        );
    }
    // Unset tier policies are the built-in ones (see `settings/policy.rs`).
    values.extend(super::settings::built_in_policy_values());
    let mut settings = conn.prepare("SELECT key, value FROM company_settings")?;
    for row in settings.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (key, value) = row?;
        values.insert(key, value);
    }
    let logo = conn
        .query_row(
            "SELECT format, width, height, bytes FROM company_logo WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            },
        )
        .optional()?;
    if let Some((format, width, height, bytes)) = logo {
        let digest = super::sha256_hex(&bytes);
        values.insert(
            "company.logo".into(),
            format!("{format} {width}×{height}, sha256 {}", &digest[..12]),
        );
    }
    for level in Level::EVERY {
        for chinese in [false, true] {
            let template = super::settings::template_in_effect(conn, level, chinese)?;
            let lang = if chinese { "zh" } else { "en" };
            let key = |part: &str| format!("letter.{}.{lang}.{part}", level.number());
            values.insert(key("title"), template.title);
            values.insert(key("paragraphs"), template.paragraphs.join("\n\n"));
            values.insert(key("closing"), template.closing);
        }
    }
    Ok(values)
}

/// Records every setting that differs between two snapshots.
pub(super) fn record_settings_changes(
    conn: &Connection,
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
    reason: Option<&str>,
) -> Result<()> {
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for key in keys {
        // An unset value and an empty one mean the same to the reader.
        let old = before
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty());
        let new = after.get(key).map(String::as_str).filter(|v| !v.is_empty());
        if old != new {
            record(
                conn,
                AuditAction::Settings,
                None,
                Some(key),
                old,
                new,
                reason,
            )?;
        }
    }
    Ok(())
}

/// Runs `work` (which changes settings) and records what it changed, in the same transaction.
pub(super) fn settings_change<T>(
    conn: &Connection,
    reason: Option<&str>,
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let before = settings_snapshot(conn)?;
    let out = work()?;
    let after = settings_snapshot(conn)?;
    record_settings_changes(conn, &before, &after, reason)?;
    Ok(out)
}

/// Which entries to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this customer's (by code).
    pub customer: Option<String>,
}

impl Store {
    /// The audit log, oldest first.
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let customer_id = match &filter.customer {
            Some(code) => Some(self.customer(code)?.id),
            None => None,
        };
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.at, a.action, c.code, a.field, a.old, a.new, a.reason
             FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id
             WHERE ?1 IS NULL OR a.customer_id = ?1
             ORDER BY a.id",
        )?;
        let rows = stmt.query_map([customer_id], |r| {
            let action: String = r.get(2)?;
            Ok((
                action,
                AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    action: AuditAction::Settings,
                    customer: r.get(3)?,
                    field: r.get(4)?,
                    old: r.get(5)?,
                    new: r.get(6)?,
                    reason: r.get(7)?,
                },
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (action, mut entry) = row?;
            entry.action = AuditAction::parse(&action).ok_or_else(|| {
                StoreError::Corrupt(format!("audit entry {} has action '{action}'", entry.id))
            })?;
            entries.push(entry);
        }
        Ok(entries)
    }

    /// Records a change made outside the store's own writes: an override of a rule, a
    /// restore of a backup. Its own transaction.
    pub fn record_audit(&mut self, action: AuditAction, entry: &NewAudit) -> Result<()> {
        self.write(|tx, currency| {
            let customer = match &entry.customer {
                Some(code) => Some(super::customers::require(tx, currency, code)?.id),
                None => None,
            };
            record(
                tx,
                action,
                customer,
                entry.field.as_deref(),
                entry.old.as_deref(),
                entry.new.as_deref(),
                entry.reason.as_deref(),
            )
        })
    }
}

#[cfg(test)]
mod tests;
