//! Early-payment discount terms: `2/10 net 30` takes 2 % off an invoice paid within 10
//! days of its date, otherwise the whole amount is due in 30 days. With `eom` both periods
//! run from the end of the invoice's month, as in end-of-month (proximo) dating:
//! `1/15 eom 30` takes 1 % off until the 15th of the next month and is due on the 30th
//! day after the month's end. (Some trades treat invoices dated after the 25th as dated
//! the next month; this book does not: the window always follows the invoice's own month.)
//!
//! The discount is a percent of the invoice's amount, rounded half away from zero to the
//! currency's minor unit. Which invoices earn it and how it is posted is the store's
//! business (see `store::posting::discount`); here are the terms' text and dates.

use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{TermsError, end_of_month};
use crate::domain::money::{Currency, Money};

/// A cash discount for paying early, and the net terms that apply after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyDiscount {
    /// More than 0 and less than 100, at most two decimals.
    pub percent: Decimal,
    /// The discount window, in days after the invoice date (or the month's end).
    pub days: u32,
    /// Both periods count from the end of the invoice's month.
    pub end_of_month: bool,
    /// Days to the due date; never fewer than `days`.
    pub net: u32,
}

impl EarlyDiscount {
    /// Checks the rules every discount term keeps: 0 < percent < 100 with at most two
    /// decimals, and a window no longer than the net period.
    pub fn new(
        percent: Decimal,
        days: u32,
        end_of_month: bool,
        net: u32,
    ) -> Result<EarlyDiscount, TermsError> {
        if percent <= Decimal::ZERO
            || percent >= Decimal::ONE_HUNDRED
            || percent.normalize().scale() > 2
        {
            return Err(TermsError::BadDiscountPercent(
                percent.normalize().to_string(),
            ));
        }
        if days > net {
            return Err(TermsError::DiscountPastNet { days, net });
        }
        Ok(EarlyDiscount {
            percent: percent.normalize(),
            days,
            end_of_month,
            net,
        })
    }

    /// The last day a payment earns the discount on an invoice dated `date`.
    pub fn last_day(&self, date: NaiveDate) -> Result<NaiveDate, TermsError> {
        self.days_after_start(date, self.days)
    }

    /// The due date once the discount is gone.
    pub fn due_date(&self, date: NaiveDate) -> Result<NaiveDate, TermsError> {
        self.days_after_start(date, self.net)
    }

    fn days_after_start(&self, date: NaiveDate, days: u32) -> Result<NaiveDate, TermsError> {
        let start = if self.end_of_month {
            end_of_month(date).ok_or(TermsError::OutOfRange)?
        } else {
            date
        };
        start
            .checked_add_days(Days::new(days.into()))
            .ok_or(TermsError::OutOfRange)
    }

    /// The discount on an invoice of `amount`, rounded half away from zero.
    pub fn amount(&self, currency: &Currency, amount: Money) -> Money {
        currency.round(amount.0 * self.percent / Decimal::ONE_HUNDRED)
    }

    /// Reads the compact text (lowercase, no spaces) of terms that hold a `/` after a
    /// percent: `2/10net30`, `2%/10n30`, `2/10,n/30`, `1.5/15eom30`.
    pub(super) fn parse_compact(compact: &str, typed: &str) -> Result<EarlyDiscount, TermsError> {
        let bad = || TermsError::Unknown(typed.trim().to_string());
        let (percent, rest) = compact.split_once('/').ok_or_else(bad)?;
        let percent = percent.trim_end_matches('%');
        if percent.is_empty() || !percent.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(bad());
        }
        let percent = Decimal::from_str(percent).map_err(|_| bad())?;
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return Err(bad());
        }
        let days: u32 = rest[..digits].parse().map_err(|_| bad())?;
        let rest = rest[digits..].trim_start_matches([',', ';']);
        let (end_of_month, net) = if let Some(net) = rest.strip_prefix("eom") {
            (true, net)
        } else if let Some(net) = ["net", "n/", "n"].iter().find_map(|p| rest.strip_prefix(p)) {
            (false, net)
        } else {
            return Err(bad());
        };
        if net.is_empty() || !net.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let net: u32 = net.parse().map_err(|_| bad())?;
        EarlyDiscount::new(percent, days, end_of_month, net)
    }
}

/// An invoice of one item on discount terms, as the discount rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiscountedInvoice {
    pub date: NaiveDate,
    pub amount: Money,
    pub terms: EarlyDiscount,
}

/// A discount that can still be taken: pay `open − amount` by `last_day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiscountOffer {
    pub last_day: NaiveDate,
    pub amount: Money,
    pub percent: Decimal,
}

impl DiscountedInvoice {
    /// The discount a payment dated `on` earns while `open` is left: only inside the
    /// window, and only when it is more than nothing and less than what is open (a
    /// credit note that left less open than the discount leaves no discount to take).
    pub fn offer(&self, currency: &Currency, open: Money, on: NaiveDate) -> Option<DiscountOffer> {
        let last_day = self.terms.last_day(self.date).ok()?;
        let amount = self.terms.amount(currency, self.amount);
        (on <= last_day && amount.is_positive() && amount < open).then_some(DiscountOffer {
            last_day,
            amount,
            percent: self.terms.percent,
        })
    }
}

impl fmt::Display for EarlyDiscount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let basis = if self.end_of_month { "eom" } else { "net" };
        write!(
            f,
            "{}/{} {basis} {}",
            self.percent.normalize(),
            self.days,
            self.net
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::Terms;
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::domain::parse_date(text).unwrap()
    }

    fn terms(text: &str) -> EarlyDiscount {
        match text.parse::<Terms>() {
            Ok(Terms::Discount(discount)) => discount,
            other => panic!("{text} read as {other:?}"),
        }
    }

    #[test]
    fn reads_the_usual_ways_of_writing_a_discount_and_prints_one() {
        for text in [
            "2/10 net 30",
            "2/10 n30",
            "2/10, net 30",
            "2% / 10 N/30",
            "2.00/10 NET 30",
        ] {
            let discount = terms(text);
            assert_eq!(discount.to_string(), "2/10 net 30", "{text}");
            assert_eq!(discount.percent, Decimal::from(2));
            assert!(!discount.end_of_month);
        }
        let eom = terms("1/15 EOM 30");
        assert!(eom.end_of_month);
        assert_eq!((eom.days, eom.net), (15, 30));
        assert_eq!(eom.to_string(), "1/15 eom 30");
        assert_eq!(terms("1.5/10 net 30").to_string(), "1.5/10 net 30");
        assert_eq!(terms("0.25/0 net 0").to_string(), "0.25/0 net 0");
        // Printed text reads back as the same terms.
        for text in ["2/10 net 30", "1/15 eom 30", "12.75/7 net 7"] {
            assert_eq!(terms(&terms(text).to_string()), terms(text));
        }
    }

    #[test]
    fn refuses_discounts_outside_the_rules_with_what_is_accepted() {
        let message = |text: &str| text.parse::<Terms>().unwrap_err().to_string();
        assert!(message("0/10 net 30").contains("more than 0%"));
        assert!(message("100/10 net 30").contains("less than 100%"));
        assert!(message("1.234/10 net 30").contains("at most 2 decimals"));
        let past = message("2/40 net 30");
        assert!(past.contains("40") && past.contains("30"), "{past}");
        for text in [
            "2/10",
            "2/ten net 30",
            "/10 net 30",
            "2/10 net",
            "2/10 eom",
            "2/10 net 30x",
            "-2/10 net 30",
            "2/10 within 30",
        ] {
            let message = message(text);
            assert!(
                message.contains("2/10 net 30") && message.contains("1/15 eom 30"),
                "{text}: {message}"
            );
        }
    }

    #[test]
    fn the_window_runs_from_the_invoice_date_or_the_months_end() {
        let net = terms("2/10 net 30");
        assert_eq!(net.last_day(d("2026-10-01")).unwrap(), d("2026-10-11"));
        assert_eq!(net.due_date(d("2026-10-01")).unwrap(), d("2026-10-31"));
        assert_eq!(net.last_day(d("2026-12-25")).unwrap(), d("2027-01-04"));
        let eom = terms("1/15 eom 30");
        assert_eq!(eom.last_day(d("2026-01-31")).unwrap(), d("2026-02-15"));
        assert_eq!(eom.last_day(d("2026-01-01")).unwrap(), d("2026-02-15"));
        assert_eq!(eom.due_date(d("2026-01-10")).unwrap(), d("2026-03-02"));
        // February's end moves with leap years.
        assert_eq!(eom.last_day(d("2024-02-10")).unwrap(), d("2024-03-15"));
        assert_eq!(eom.last_day(d("2026-02-10")).unwrap(), d("2026-03-15"));
        assert_eq!(eom.due_date(d("2024-02-29")).unwrap(), d("2024-03-30"));
        assert_eq!(eom.due_date(d("2026-02-28")).unwrap(), d("2026-03-30"));
        assert_eq!(
            terms("2/0 eom 0").last_day(d("2024-02-03")).unwrap(),
            d("2024-02-29")
        );
        assert_eq!(net.last_day(d("2024-02-25")).unwrap(), d("2024-03-06"));
        assert_eq!(net.last_day(d("2023-02-25")).unwrap(), d("2023-03-07"));
        // The terms' due date is the net one.
        assert_eq!(
            Terms::Discount(eom).due_date(d("2026-01-10")).unwrap(),
            d("2026-03-02")
        );
    }

    #[test]
    fn an_offer_stands_inside_the_window_while_less_than_is_open() {
        let usd = Currency::default();
        let invoice = DiscountedInvoice {
            date: d("2026-10-01"),
            amount: usd.parse("1000").unwrap(),
            terms: terms("2/10 net 30"),
        };
        let open = usd.parse("1000").unwrap();
        let offer = invoice.offer(&usd, open, d("2026-10-11")).unwrap();
        assert_eq!(
            (offer.last_day, usd.plain(offer.amount)),
            (d("2026-10-11"), "20.00".into())
        );
        assert_eq!(invoice.offer(&usd, open, d("2026-10-12")), None);
        assert_eq!(
            invoice.offer(&usd, usd.parse("20").unwrap(), d("2026-10-02")),
            None
        );
        assert!(
            invoice
                .offer(&usd, usd.parse("20.01").unwrap(), d("2026-10-02"))
                .is_some()
        );
        // A discount that rounds to nothing is none.
        let tiny = DiscountedInvoice {
            amount: usd.parse("0.20").unwrap(),
            ..invoice
        };
        assert_eq!(
            tiny.offer(&usd, usd.parse("0.20").unwrap(), d("2026-10-02")),
            None
        );
    }

    #[test]
    fn the_amount_rounds_half_away_from_zero_to_the_minor_unit() {
        let usd = Currency::default();
        let two = terms("2/10 net 30");
        assert_eq!(
            usd.plain(two.amount(&usd, usd.parse("1000").unwrap())),
            "20.00"
        );
        // 2% of 100.25 is 2.005 → 2.01; 1.5% of 0.99 is 0.01485 → 0.01.
        assert_eq!(
            usd.plain(two.amount(&usd, usd.parse("100.25").unwrap())),
            "2.01"
        );
        let odd = terms("1.5/10 net 30");
        assert_eq!(
            usd.plain(odd.amount(&usd, usd.parse("0.99").unwrap())),
            "0.01"
        );
    }
}
