//! Payment terms and invoice schedules. An invoice becomes one or more open items, each
//! with its own due date: a single item on the invoice's terms, N installments a month
//! apart, explicit amounts and dates, or a deposit due at once plus the balance on terms.
//! Terms may offer an early-payment discount (`2/10 net 30`, see [`discount`]).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::{Currency, Money};

mod discount;

pub use discount::{DiscountOffer, DiscountedInvoice, EarlyDiscount};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Terms {
    /// Due N days after the invoice date.
    Net(u32),
    /// Due N days after the end of the invoice's month.
    EndOfMonth(u32),
    DueOnReceipt,
    /// A discount for paying early, then net or end-of-month terms (`2/10 net 30`).
    Discount(EarlyDiscount),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TermsError {
    #[error(
        "'{0}' is not a payment term (use 'net 30', 'eom 10', 'due on receipt', or with an early-payment discount '2/10 net 30' or '1/15 eom 30')"
    )]
    Unknown(String),
    #[error(
        "the discount must be more than 0% and less than 100%, with at most 2 decimals, not {0}%"
    )]
    BadDiscountPercent(String),
    #[error(
        "the discount days ({days}) must not be more than the net days ({net}), as in '2/10 net 30'"
    )]
    DiscountPastNet { days: u32, net: u32 },
    #[error("installments must be between 2 and 120, not {0}")]
    BadInstallmentCount(u32),
    #[error("the deposit must be more than 0% and less than 100%, not {0}%")]
    BadDepositPercent(Decimal),
    #[error("the installments add up to {got} but the invoice is {expected}")]
    ScheduleSumMismatch { got: String, expected: String },
    #[error("an installment is due {due}, before the invoice date {date}")]
    DueBeforeDate { due: NaiveDate, date: NaiveDate },
    #[error("each installment must be more than zero")]
    EmptyInstallment,
    #[error("'{0}' is not an installment list (write it like 2026-10-31:400.00,2026-11-30:800.00)")]
    BadExplicitList(String),
    #[error("the due date falls outside the calendar")]
    OutOfRange,
}

impl Terms {
    pub fn due_date(self, date: NaiveDate) -> Result<NaiveDate, TermsError> {
        match self {
            Terms::Net(days) => date.checked_add_days(Days::new(days.into())),
            Terms::EndOfMonth(days) => {
                end_of_month(date).and_then(|end| end.checked_add_days(Days::new(days.into())))
            }
            Terms::DueOnReceipt => Some(date),
            Terms::Discount(discount) => return discount.due_date(date),
        }
        .ok_or(TermsError::OutOfRange)
    }

    /// The early-payment discount these terms offer, if any.
    pub fn discount(self) -> Option<EarlyDiscount> {
        match self {
            Terms::Discount(discount) => Some(discount),
            _ => None,
        }
    }
}

fn end_of_month(date: NaiveDate) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

impl Default for Terms {
    fn default() -> Self {
        Terms::Net(30)
    }
}

impl FromStr for Terms {
    type Err = TermsError;
    fn from_str(text: &str) -> Result<Terms, TermsError> {
        let lower = text.trim().to_lowercase();
        let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
        let unknown = || TermsError::Unknown(text.trim().to_string());
        if compact.contains('/') {
            return EarlyDiscount::parse_compact(&compact, text).map(Terms::Discount);
        }
        if matches!(
            compact.as_str(),
            "dueonreceipt" | "receipt" | "cod" | "immediate" | "net0"
        ) {
            return Ok(Terms::DueOnReceipt);
        }
        if let Some(days) = compact.strip_prefix("net") {
            return days.parse().map(Terms::Net).map_err(|_| unknown());
        }
        if let Some(days) = compact.strip_prefix("eom") {
            if days.is_empty() {
                return Ok(Terms::EndOfMonth(0));
            }
            return days.parse().map(Terms::EndOfMonth).map_err(|_| unknown());
        }
        Err(unknown())
    }
}

impl fmt::Display for Terms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Terms::Net(days) => write!(f, "net {days}"),
            Terms::EndOfMonth(days) => write!(f, "eom {days}"),
            Terms::DueOnReceipt => write!(f, "due on receipt"),
            Terms::Discount(discount) => discount.fmt(f),
        }
    }
}

/// How an invoice's amount falls due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// One item, due on the terms (or on an explicit due date).
    Single,
    /// N equal parts (largest remainder), the first due on the terms, then monthly.
    Installments(u32),
    /// Explicit due dates and amounts, which must add up to the invoice.
    Explicit(Vec<(NaiveDate, Money)>),
    /// A percentage due on the invoice date, the rest on the terms.
    Deposit(Decimal),
}

impl Plan {
    /// Reads `2026-10-31:400.00,2026-11-30:800.00`.
    pub fn parse_explicit(text: &str, currency: &Currency) -> Result<Plan, TermsError> {
        let bad = || TermsError::BadExplicitList(text.to_string());
        let mut parts = Vec::new();
        for piece in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (date, amount) = piece.split_once(':').ok_or_else(bad)?;
            let date = super::parse_date(date).map_err(|_| bad())?;
            let amount = currency.parse_positive(amount).map_err(|_| bad())?;
            parts.push((date, amount));
        }
        if parts.is_empty() {
            return Err(bad());
        }
        Ok(Plan::Explicit(parts))
    }

    /// Reads `30%` or `30` as a deposit percentage.
    pub fn parse_deposit(text: &str) -> Result<Plan, TermsError> {
        let number = text.trim().trim_end_matches('%').trim();
        let percent =
            Decimal::from_str(number).map_err(|_| TermsError::BadDepositPercent(Decimal::ZERO))?;
        Ok(Plan::Deposit(percent))
    }
}

/// One open item of an invoice's schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installment {
    pub seq: u32,
    pub due: NaiveDate,
    pub amount: Money,
}

/// The open items an invoice of `amount` dated `date` becomes.
/// `due` overrides the terms' due date for a single item or the first installment.
pub fn schedule(
    currency: &Currency,
    date: NaiveDate,
    amount: Money,
    terms: Terms,
    due: Option<NaiveDate>,
    plan: &Plan,
) -> Result<Vec<Installment>, TermsError> {
    let first_due = match due {
        Some(d) => d,
        None => terms.due_date(date)?,
    };
    if first_due < date {
        return Err(TermsError::DueBeforeDate {
            due: first_due,
            date,
        });
    }
    let items = match plan {
        Plan::Single => vec![Installment {
            seq: 1,
            due: first_due,
            amount,
        }],
        Plan::Installments(count) => {
            if !(2..=120).contains(count) {
                return Err(TermsError::BadInstallmentCount(*count));
            }
            let parts = currency.split(amount, &vec![1; *count as usize]);
            let mut items = Vec::with_capacity(parts.len());
            for (i, part) in parts.into_iter().enumerate() {
                let due = first_due
                    .checked_add_months(Months::new(i as u32))
                    .ok_or(TermsError::OutOfRange)?;
                if part.is_zero() {
                    return Err(TermsError::EmptyInstallment);
                }
                items.push(Installment {
                    seq: i as u32 + 1,
                    due,
                    amount: part,
                });
            }
            items
        }
        Plan::Explicit(parts) => {
            let total: Money = parts.iter().map(|(_, m)| *m).sum();
            if total != amount {
                return Err(TermsError::ScheduleSumMismatch {
                    got: currency.plain(total),
                    expected: currency.plain(amount),
                });
            }
            let mut sorted = parts.clone();
            sorted.sort_by_key(|(d, _)| *d);
            let mut items = Vec::with_capacity(sorted.len());
            for (i, (due, part)) in sorted.into_iter().enumerate() {
                if due < date {
                    return Err(TermsError::DueBeforeDate { due, date });
                }
                if !part.is_positive() {
                    return Err(TermsError::EmptyInstallment);
                }
                items.push(Installment {
                    seq: i as u32 + 1,
                    due,
                    amount: currency.rescale(part),
                });
            }
            items
        }
        Plan::Deposit(percent) => {
            if *percent <= Decimal::ZERO || *percent >= Decimal::ONE_HUNDRED {
                return Err(TermsError::BadDepositPercent(*percent));
            }
            let deposit = currency.round(amount.0 * *percent / Decimal::ONE_HUNDRED);
            let balance = amount - deposit;
            if deposit.is_zero() || balance.is_zero() {
                return Err(TermsError::EmptyInstallment);
            }
            vec![
                Installment {
                    seq: 1,
                    due: date,
                    amount: deposit,
                },
                Installment {
                    seq: 2,
                    due: first_due,
                    amount: balance,
                },
            ]
        }
    };
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::domain::parse_date(text).unwrap()
    }

    #[test]
    fn parses_and_prints_terms() {
        assert_eq!("net 30".parse::<Terms>().unwrap(), Terms::Net(30));
        assert_eq!("NET30".parse::<Terms>().unwrap(), Terms::Net(30));
        assert_eq!("eom 10".parse::<Terms>().unwrap(), Terms::EndOfMonth(10));
        assert_eq!(
            "Due on receipt".parse::<Terms>().unwrap(),
            Terms::DueOnReceipt
        );
        assert!("net thirty".parse::<Terms>().is_err());
        assert_eq!(Terms::EndOfMonth(15).to_string(), "eom 15");
    }

    #[test]
    fn due_dates() {
        assert_eq!(
            Terms::Net(30).due_date(d("2026-10-01")).unwrap(),
            d("2026-10-31")
        );
        assert_eq!(
            Terms::EndOfMonth(10).due_date(d("2026-02-14")).unwrap(),
            d("2026-03-10")
        );
        assert_eq!(
            Terms::EndOfMonth(0).due_date(d("2024-02-01")).unwrap(),
            d("2024-02-29")
        );
        assert_eq!(
            Terms::DueOnReceipt.due_date(d("2026-10-01")).unwrap(),
            d("2026-10-01")
        );
    }

    #[test]
    fn installments_split_exactly_and_fall_due_monthly() {
        let usd = Currency::default();
        let items = schedule(
            &usd,
            d("2026-01-31"),
            usd.parse("100").unwrap(),
            Terms::Net(0),
            None,
            &Plan::Installments(3),
        )
        .unwrap();
        let amounts: Vec<String> = items.iter().map(|i| usd.plain(i.amount)).collect();
        assert_eq!(amounts, ["33.34", "33.33", "33.33"]);
        let dues: Vec<NaiveDate> = items.iter().map(|i| i.due).collect();
        assert_eq!(dues, [d("2026-01-31"), d("2026-02-28"), d("2026-03-31")]);
    }

    #[test]
    fn deposit_rounds_half_away_from_zero() {
        let usd = Currency::default();
        let items = schedule(
            &usd,
            d("2026-10-01"),
            usd.parse("100.05").unwrap(),
            Terms::Net(30),
            None,
            &Plan::Deposit(Decimal::from(30)),
        )
        .unwrap();
        // 30% of 100.05 is 30.015 → 30.02
        assert_eq!(usd.plain(items[0].amount), "30.02");
        assert_eq!(items[0].due, d("2026-10-01"));
        assert_eq!(usd.plain(items[1].amount), "70.03");
        assert_eq!(items[1].due, d("2026-10-31"));
    }

    #[test]
    fn explicit_schedule_must_add_up() {
        let usd = Currency::default();
        let plan = Plan::parse_explicit("2026-11-30:800,2026-10-31:400", &usd).unwrap();
        let items = schedule(
            &usd,
            d("2026-10-01"),
            usd.parse("1200").unwrap(),
            Terms::Net(30),
            None,
            &plan,
        )
        .unwrap();
        assert_eq!(items[0].due, d("2026-10-31"));
        let wrong = schedule(
            &usd,
            d("2026-10-01"),
            usd.parse("1000").unwrap(),
            Terms::Net(30),
            None,
            &plan,
        );
        assert!(matches!(wrong, Err(TermsError::ScheduleSumMismatch { .. })));
    }
}
