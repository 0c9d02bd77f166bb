//! Why the book refused a bank row's payment at commit, kept as the error itself so that
//! the import screen and the command line can say it in the language chosen; it is
//! compared, written (`Display`) and serialised as its English text, which JSON output
//! and the kept row's stored reason have always held.

use std::fmt;
use std::sync::Arc;

use super::StoreError;

/// A payment's refusal: the book's error, shared (an error is not `Clone`).
#[derive(Debug, Clone)]
pub struct Refusal(Arc<StoreError>);

impl Refusal {
    pub fn new(error: StoreError) -> Refusal {
        Refusal(Arc::new(error))
    }

    pub fn error(&self) -> &StoreError {
        &self.0
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Two refusals are the same when they say the same (the error has no equality).
impl PartialEq for Refusal {
    fn eq(&self, other: &Refusal) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for Refusal {}

impl serde::Serialize for Refusal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
