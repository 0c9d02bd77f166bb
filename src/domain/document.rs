//! Document kinds and which side of the customer's account each one stands on.
//! Debits (invoice, fee, refund) create open items; credits (payment, credit note,
//! write-off, early-payment discount) are allocated to open items. A void is the
//! reversal of one posted document and stands on the opposite side of it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Invoice,
    Fee,
    Refund,
    Payment,
    Credit,
    WriteOff,
    Void,
    /// An early-payment discount: posted by the book with the payment that earned it,
    /// allocated to the invoice the terms offered it on.
    Discount,
}

/// Which way a document moves the balance the customer owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Increases what the customer owes; becomes open items.
    Debit,
    /// Decreases what the customer owes; allocated to open items.
    Credit,
}

impl Side {
    pub fn sign(self) -> i64 {
        match self {
            Side::Debit => 1,
            Side::Credit => -1,
        }
    }
    pub fn from_sign(sign: i64) -> Side {
        if sign >= 0 { Side::Debit } else { Side::Credit }
    }
    pub fn opposite(self) -> Side {
        match self {
            Side::Debit => Side::Credit,
            Side::Credit => Side::Debit,
        }
    }
}

impl DocKind {
    pub const ALL: [DocKind; 8] = [
        DocKind::Invoice,
        DocKind::Fee,
        DocKind::Refund,
        DocKind::Payment,
        DocKind::Credit,
        DocKind::WriteOff,
        DocKind::Void,
        DocKind::Discount,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Invoice => "invoice",
            DocKind::Fee => "fee",
            DocKind::Refund => "refund",
            DocKind::Payment => "payment",
            DocKind::Credit => "credit",
            DocKind::WriteOff => "writeoff",
            DocKind::Void => "void",
            DocKind::Discount => "discount",
        }
    }

    /// The side of every kind but `Void`, whose side is the opposite of what it voids.
    pub fn natural_side(self) -> Option<Side> {
        match self {
            DocKind::Invoice | DocKind::Fee | DocKind::Refund => Some(Side::Debit),
            DocKind::Payment | DocKind::Credit | DocKind::WriteOff | DocKind::Discount => {
                Some(Side::Credit)
            }
            DocKind::Void => None,
        }
    }

    /// Prefix of numbers the book gives documents that arrive without one.
    pub fn number_prefix(self) -> &'static str {
        match self {
            DocKind::Invoice => "INV",
            DocKind::Fee => "FEE",
            DocKind::Refund => "RF",
            DocKind::Payment => "PAY",
            DocKind::Credit => "CN",
            DocKind::WriteOff => "WO",
            DocKind::Void => "VOID",
            DocKind::Discount => "DISC",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a document kind")]
pub struct UnknownKind(pub String);

impl FromStr for DocKind {
    type Err = UnknownKind;
    fn from_str(text: &str) -> Result<DocKind, UnknownKind> {
        DocKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| UnknownKind(text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_have_sides() {
        for kind in DocKind::ALL {
            assert_eq!(kind.as_str().parse::<DocKind>().unwrap(), kind);
        }
        assert_eq!(DocKind::Refund.natural_side(), Some(Side::Debit));
        assert_eq!(DocKind::WriteOff.natural_side(), Some(Side::Credit));
        assert_eq!(DocKind::Void.natural_side(), None);
        assert_eq!(DocKind::Discount.natural_side(), Some(Side::Credit));
        assert_eq!("discount".parse::<DocKind>().unwrap(), DocKind::Discount);
        assert_eq!(Side::Credit.opposite().sign(), 1);
    }
}
