//! Typed row ids, so a customer's id can never be passed where a document's is meant.
//! The store gives them out; the domain only compares and orders them.

use std::fmt;

/// A customer's id in the book (not its user-visible code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CustomerId(pub i64);

/// A posted document's id in the book (not its user-visible number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DocumentId(pub i64);

impl fmt::Display for CustomerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "customer #{}", self.0)
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document #{}", self.0)
    }
}
