//! Several postings in one transaction (bulk loads, the demo generator): all of them are
//! written, or none.

use crate::domain::document::DocKind;
use crate::domain::{Currency, Money};

use super::posting::{self, NewCredit, NewDebit, NewRefund, Posted, VoidRequest};
use super::{Result, customers};

/// Postings inside one open transaction; see [`Store::batch`].
pub struct Batch<'a> {
    pub(super) tx: &'a rusqlite::Transaction<'a>,
    pub(super) currency: &'a Currency,
}

impl Batch<'_> {
    pub fn add_customer(
        &mut self,
        draft: &crate::domain::customer::CustomerDraft,
    ) -> Result<crate::domain::ids::CustomerId> {
        customers::insert(self.tx, self.currency, draft)
    }
    pub fn find_customer(&self, code: &str) -> Result<Option<super::Customer>> {
        customers::find(self.tx, self.currency, code)
    }
    pub fn post_debit(&mut self, new: &NewDebit) -> Result<Posted> {
        posting::post_debit(self.tx, self.currency, new)
    }
    pub fn post_credit(&mut self, new: &NewCredit) -> Result<Posted> {
        posting::post_credit(self.tx, self.currency, new)
    }
    pub fn post_refund(&mut self, new: &NewRefund) -> Result<Posted> {
        posting::post_refund(self.tx, self.currency, new)
    }
    pub fn void(&mut self, request: &VoidRequest) -> Result<Posted> {
        posting::post_void(self.tx, request)
    }
    pub fn add_note(&mut self, draft: &crate::domain::note::NoteDraft, at: &str) -> Result<i64> {
        super::notes::insert(self.tx, self.currency, draft, at)
    }
    /// The document with this number, if any (kind, amount).
    pub fn document(&self, number: &str) -> Result<Option<(DocKind, Money)>> {
        super::queries::document_kind_amount(self.tx, self.currency, number)
    }
    pub fn currency(&self) -> &Currency {
        self.currency
    }
}
