//! Exact money. Amounts are `rust_decimal::Decimal` values at the book currency's scale;
//! the store keeps them as integer minor units. User input with more decimals than the
//! currency has is refused rather than rounded, so nothing is lost silently.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// An exact amount of the book's currency.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Money(pub Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("'{0}' is not an amount (write it like 1234.50)")]
    NotANumber(String),
    #[error("'{text}' has more decimals than {code} allows ({minor_units})")]
    TooPrecise {
        text: String,
        code: String,
        minor_units: u32,
    },
    #[error("'{0}' must be more than zero")]
    NotPositive(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
    #[error("currency code '{0}' must be three letters, like USD")]
    BadCurrencyCode(String),
    #[error("minor units must be 0 to 4, not {0}")]
    BadMinorUnits(u32),
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }
    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }
    pub fn min(self, other: Money) -> Money {
        if self <= other { self } else { other }
    }
    pub fn max(self, other: Money) -> Money {
        if self >= other { self } else { other }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}
impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}
impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}
impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}
impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}
impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}
impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + *b)
    }
}
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The book's one currency: its ISO code and how many decimals (minor units) it uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Currency {
    pub code: String,
    pub minor_units: u32,
}

impl Default for Currency {
    fn default() -> Self {
        Currency {
            code: "USD".into(),
            minor_units: 2,
        }
    }
}

impl Currency {
    pub fn new(code: &str, minor_units: u32) -> Result<Currency, MoneyError> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(MoneyError::BadCurrencyCode(code));
        }
        if minor_units > 4 {
            return Err(MoneyError::BadMinorUnits(minor_units));
        }
        Ok(Currency { code, minor_units })
    }

    /// Parses an exact amount such as `1234.50` or `1,234.50`; refuses extra decimals.
    pub fn parse(&self, text: &str) -> Result<Money, MoneyError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != '_')
            .collect();
        if cleaned.is_empty() {
            return Err(MoneyError::NotANumber(text.trim().to_string()));
        }
        let value = Decimal::from_str(&cleaned)
            .map_err(|_| MoneyError::NotANumber(text.trim().to_string()))?
            .normalize();
        if value.scale() > self.minor_units {
            return Err(MoneyError::TooPrecise {
                text: text.trim().to_string(),
                code: self.code.clone(),
                minor_units: self.minor_units,
            });
        }
        if self.to_minor_checked(Money(value)).is_none() {
            return Err(MoneyError::TooLarge(text.trim().to_string()));
        }
        Ok(self.rescale(Money(value)))
    }

    /// Parses an amount that must be more than zero (document amounts).
    pub fn parse_positive(&self, text: &str) -> Result<Money, MoneyError> {
        let money = self.parse(text)?;
        if !money.is_positive() {
            return Err(MoneyError::NotPositive(text.trim().to_string()));
        }
        Ok(money)
    }

    /// Integer minor units (cents) for storage; `None` if the amount is not exact at
    /// this scale or does not fit.
    pub fn to_minor_checked(&self, money: Money) -> Option<i64> {
        let scaled = money
            .0
            .checked_mul(Decimal::from(10i64.pow(self.minor_units)))?;
        if !scaled.fract().is_zero() {
            return None;
        }
        i64::try_from(scaled).ok()
    }

    /// Minor units of an amount already at this currency's scale (as every stored amount is).
    pub fn to_minor(&self, money: Money) -> i64 {
        self.to_minor_checked(money)
            .expect("amounts are kept at the currency's scale and within i64")
    }

    pub fn from_minor(&self, minor: i64) -> Money {
        Money(Decimal::new(minor, self.minor_units))
    }

    /// The amount at exactly this currency's number of decimals (`12.5` → `12.50`).
    pub fn rescale(&self, money: Money) -> Money {
        let mut value = money.0;
        value.rescale(self.minor_units);
        Money(value)
    }

    /// Rounds half away from zero to the currency's minor unit (the book's default rule).
    pub fn round(&self, value: Decimal) -> Money {
        let mut rounded =
            value.round_dp_with_strategy(self.minor_units, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(self.minor_units);
        Money(rounded)
    }

    /// Plain exact text at the currency's scale, e.g. `1234.50`; used in CSV and JSON.
    pub fn plain(&self, money: Money) -> String {
        self.rescale(money).0.to_string()
    }

    /// Text for people: thousands separated, e.g. `1,234.50`, `-80.00`.
    pub fn display(&self, money: Money) -> String {
        let plain = self.plain(money);
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    /// Splits `total` into parts proportional to `weights` by the largest-remainder method,
    /// so the parts are exact at this scale and always add up to `total`.
    /// Ties in remainder go to the earlier part.
    ///
    /// ```
    /// use owed::domain::Currency;
    /// let usd = Currency::new("USD", 2).unwrap();
    /// let parts = usd.split(usd.parse("100.00").unwrap(), &[1, 1, 1]);
    /// let texts: Vec<String> = parts.iter().map(|p| usd.plain(*p)).collect();
    /// assert_eq!(texts, ["33.34", "33.33", "33.33"]);
    /// ```
    pub fn split(&self, total: Money, weights: &[u64]) -> Vec<Money> {
        let minor = self.to_minor(total) as i128;
        let weight_sum: i128 = weights.iter().map(|w| *w as i128).sum();
        if weights.is_empty() || weight_sum == 0 {
            return Vec::new();
        }
        let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
        let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
        for (i, w) in weights.iter().enumerate() {
            let exact = minor * (*w as i128);
            parts.push(exact.div_euclid(weight_sum));
            remainders.push((exact.rem_euclid(weight_sum), i));
        }
        let mut left = minor - parts.iter().sum::<i128>();
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders {
            if left == 0 {
                break;
            }
            parts[i] += 1;
            left -= 1;
        }
        parts
            .into_iter()
            .map(|p| self.from_minor(p as i64))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::new("usd", 2).unwrap()
    }

    #[test]
    fn parses_exact_amounts_and_refuses_extra_decimals() {
        assert_eq!(usd().plain(usd().parse("1,234.5").unwrap()), "1234.50");
        assert!(matches!(
            usd().parse("1.005"),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert!(matches!(usd().parse("abc"), Err(MoneyError::NotANumber(_))));
        assert!(matches!(
            usd().parse_positive("0"),
            Err(MoneyError::NotPositive(_))
        ));
        let jpy = Currency::new("JPY", 0).unwrap();
        assert_eq!(jpy.plain(jpy.parse("1500").unwrap()), "1500");
        assert!(jpy.parse("1500.5").is_err());
        // Trailing zeros beyond the scale are still exact.
        assert_eq!(jpy.plain(jpy.parse("1500.00").unwrap()), "1500");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(usd().plain(usd().round(Decimal::new(1005, 3))), "1.01");
        assert_eq!(usd().plain(usd().round(Decimal::new(-1005, 3))), "-1.01");
        assert_eq!(usd().plain(usd().round(Decimal::new(1004, 3))), "1.00");
    }

    #[test]
    fn largest_remainder_split_adds_up() {
        let parts = usd().split(usd().parse("100.00").unwrap(), &[1, 1, 1]);
        let texts: Vec<String> = parts.iter().map(|m| usd().plain(*m)).collect();
        assert_eq!(texts, ["33.34", "33.33", "33.33"]);
        let parts = usd().split(usd().parse("0.02").unwrap(), &[1, 1, 1]);
        assert_eq!(
            parts.iter().copied().sum::<Money>(),
            usd().parse("0.02").unwrap()
        );
        assert_eq!(usd().plain(parts[2]), "0.00");
    }

    #[test]
    fn displays_with_thousands() {
        assert_eq!(
            usd().display(usd().parse("1234567.5").unwrap()),
            "1,234,567.50"
        );
        assert_eq!(usd().display(usd().parse("-999").unwrap()), "-999.00");
        assert_eq!(usd().display(Money::ZERO), "0.00");
    }
}
