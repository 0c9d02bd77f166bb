//! Exact money. Amounts are `rust_decimal::Decimal` values at the book currency's scale;
//! the store keeps them as integer minor units. User input with more decimals than the
//! currency has is refused rather than rounded, so nothing is lost silently.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

mod text;

pub use text::NumberFormat;

/// The largest amount one document, limit or promise may carry: 999,999,999,999 and any
/// decimals. At four decimals that is under 10^16 minor units, so even hundreds of such
/// documents on one customer still add up inside an i64.
pub const MAX_WHOLE_UNITS: i64 = 999_999_999_999;

/// An exact amount of the book's currency.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Money(pub Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("'{text}' is not an amount; write it like {example}")]
    NotAnAmount { text: String, example: &'static str },
    #[error("'{text}' has more decimals than {code} allows ({minor_units})")]
    TooPrecise {
        text: String,
        code: String,
        minor_units: u32,
    },
    #[error("'{0}' must be more than zero")]
    NotPositive(String),
    #[error("'{0}' is too large; one amount can be at most 999,999,999,999 and its decimals")]
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

/// The book's one currency: its ISO code and how many decimals (minor units) it uses,
/// and how the book writes numbers (which follows its locale). Two currencies are the
/// same when code and decimals are; the number format is only how amounts are written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Currency {
    pub code: String,
    pub minor_units: u32,
    #[serde(skip)]
    pub format: NumberFormat,
}

impl PartialEq for Currency {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.minor_units == other.minor_units
    }
}
impl Eq for Currency {}

impl Default for Currency {
    fn default() -> Self {
        Currency {
            code: "USD".into(),
            minor_units: 2,
            format: NumberFormat::Point,
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
        Ok(Currency {
            code,
            minor_units,
            format: NumberFormat::Point,
        })
    }

    /// The same currency, with amounts read and written in `format`.
    pub fn with_format(mut self, format: NumberFormat) -> Currency {
        self.format = format;
        self
    }

    /// Parses an amount typed or loaded by a person, in the book's number format
    /// (`1,234.50` in a decimal-point book, `1.234,50` in a decimal-comma one). Extra
    /// decimals are refused, never rounded; so are amounts over the bound.
    pub fn parse(&self, text: &str) -> Result<Money, MoneyError> {
        let value = self.format.read(text)?;
        self.exact(text, value)
    }

    /// Parses the plain machine form Owed itself writes in CSV and JSON (`-1234.50`: an
    /// optional minus, digits, a point), whatever the book's locale.
    pub fn parse_plain(&self, text: &str) -> Result<Money, MoneyError> {
        let plain = text.trim();
        let body = plain.strip_prefix('-').unwrap_or(plain);
        let (whole, fraction) = body.split_once('.').unwrap_or((body, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) {
            return Err(MoneyError::NotAnAmount {
                text: plain.to_string(),
                example: "1234.50",
            });
        }
        let value =
            Decimal::from_str(plain).map_err(|_| MoneyError::TooLarge(plain.to_string()))?;
        self.exact(text, value)
    }

    /// A cell of a spreadsheet being loaded: the book's number format, or Owed's own
    /// plain form (what `export` writes) where that cannot be read another way. In a
    /// decimal-comma book `12.50` is then 12.50, while `1.250` stays 1250 (at two
    /// decimals it cannot be plain); where both readings are possible and differ
    /// (`1.250` in a three-decimal currency) the cell is refused.
    pub fn parse_loaded(&self, text: &str) -> Result<Money, MoneyError> {
        let local = self.parse(text);
        if self.format == NumberFormat::Point {
            return local;
        }
        // Owed writes exactly the currency's decimals, so `1.250` is not its plain form
        // at two decimals (though it would read as 1.25).
        let written_by_owed = text
            .trim()
            .split_once('.')
            .is_none_or(|(_, fraction)| fraction.len() <= self.minor_units as usize);
        let plain = if written_by_owed {
            self.parse_plain(text)
        } else {
            Err(MoneyError::NotAnAmount {
                text: text.trim().to_string(),
                example: self.format.example(),
            })
        };
        match (local, plain) {
            (Ok(a), Ok(b)) if a != b => Err(MoneyError::NotAnAmount {
                text: text.trim().to_string(),
                example: self.format.example(),
            }),
            (Ok(a), _) => Ok(a),
            (Err(_), Ok(b)) => Ok(b),
            (Err(e), Err(_)) => Err(e),
        }
    }

    /// `value` (read from `text`) if it is exact at this currency's scale and within the
    /// bound, at exactly this scale.
    fn exact(&self, text: &str, value: Decimal) -> Result<Money, MoneyError> {
        let value = value.normalize();
        if value.scale() > self.minor_units {
            return Err(MoneyError::TooPrecise {
                text: text.trim().to_string(),
                code: self.code.clone(),
                minor_units: self.minor_units,
            });
        }
        if !Self::within_bound(Money(value)) {
            return Err(MoneyError::TooLarge(text.trim().to_string()));
        }
        Ok(self.rescale(Money(value)))
    }

    /// Whether an amount is inside the bound every stored amount keeps
    /// ([`MAX_WHOLE_UNITS`] and its decimals, either sign).
    pub fn within_bound(money: Money) -> bool {
        money.0.abs().trunc() <= Decimal::from(MAX_WHOLE_UNITS)
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
        let mut value = self.rescale(money).0;
        // A zero reached by subtraction can carry a minus sign; "-0.00" is no amount.
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        value.to_string()
    }

    /// Text for people in the book's number format: thousands grouped, e.g. `1,234.50`,
    /// `-80.00`, `1.234,50`.
    pub fn display(&self, money: Money) -> String {
        self.format.write(&self.plain(money), true)
    }

    /// Text to put in a form field for editing: the book's decimal mark, no grouping
    /// (`1234.50`, `1234,50`), which [`Currency::parse`] reads back exactly.
    pub fn editable(&self, money: Money) -> String {
        self.format.write(&self.plain(money), false)
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
    fn a_zero_is_never_written_with_a_minus_sign() {
        let zero = usd().parse("5.00").unwrap() - usd().parse("5.00").unwrap();
        let negative_zero = Money(-zero.0);
        assert_eq!(usd().plain(negative_zero), "0.00");
        assert_eq!(usd().display(negative_zero), "0.00");
        assert_eq!(usd().plain(usd().parse("-0.01").unwrap()), "-0.01");
    }

    #[test]
    fn parses_exact_amounts_and_refuses_extra_decimals() {
        assert_eq!(usd().plain(usd().parse("1,234.5").unwrap()), "1234.50");
        assert!(matches!(
            usd().parse("1.005"),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert!(matches!(
            usd().parse("abc"),
            Err(MoneyError::NotAnAmount { .. })
        ));
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
    fn amounts_have_an_upper_bound() {
        assert_eq!(
            usd().plain(usd().parse("999,999,999,999.99").unwrap()),
            "999999999999.99"
        );
        assert_eq!(
            usd().parse("1,000,000,000,000.00"),
            Err(MoneyError::TooLarge("1,000,000,000,000.00".into()))
        );
        assert!(usd().parse("50000000000000000.00").is_err());
        assert!(usd().parse("-1000000000000").is_err());
        assert!(usd().parse("123456789012345678901234567890").is_err());
        let bhd = Currency::new("BHD", 4).unwrap();
        let most = bhd.parse("999999999999.9999").unwrap();
        // Hundreds of the largest documents still add up inside i64 minor units.
        assert!(bhd.to_minor(most).checked_mul(900).is_some());
    }

    #[test]
    fn a_decimal_comma_book_reads_and_writes_its_own_way() {
        let eur = Currency::new("EUR", 2)
            .unwrap()
            .with_format(NumberFormat::CommaDot);
        assert_eq!(eur.plain(eur.parse("12,50").unwrap()), "12.50");
        assert_eq!(eur.plain(eur.parse("1.250,00").unwrap()), "1250.00");
        assert!(eur.parse("12.50").is_err());
        assert_eq!(eur.display(eur.parse("1234567,5").unwrap()), "1.234.567,50");
        assert_eq!(eur.editable(eur.parse("1.234,5").unwrap()), "1234,50");
        assert_eq!(
            eur.parse(&eur.editable(Money(Decimal::new(-5, 1))))
                .unwrap()
                .0,
            Decimal::new(-50, 2)
        );
        // Owed's own CSV is plain; loading reads it where it cannot mean anything else.
        assert_eq!(eur.plain(eur.parse_loaded("12.50").unwrap()), "12.50");
        assert_eq!(eur.plain(eur.parse_loaded("1.250").unwrap()), "1250.00");
        assert_eq!(eur.plain(eur.parse_plain("-1234.50").unwrap()), "-1234.50");
        let bhd = Currency::new("BHD", 3)
            .unwrap()
            .with_format(NumberFormat::CommaDot);
        assert!(bhd.parse_loaded("1.250").is_err(), "1250 or 1.25: refused");
        // The same currency whatever the format.
        assert_eq!(eur, Currency::new("EUR", 2).unwrap());
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
