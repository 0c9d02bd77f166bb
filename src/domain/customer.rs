//! Customers: who they are, how they pay, how much credit they get.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::money::Money;
use super::terms::Terms;
use super::text::{self, NAME_MAX, TEXT_MAX, TextError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tier {
    A,
    B,
    C,
}

impl FromStr for Tier {
    type Err = CustomerError;
    fn from_str(text: &str) -> Result<Tier, CustomerError> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A" => Ok(Tier::A),
            "B" => Ok(Tier::B),
            "C" => Ok(Tier::C),
            _ => Err(CustomerError::BadTier(text.trim().to_string())),
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::A => "A",
            Tier::B => "B",
            Tier::C => "C",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CustomerError {
    #[error("the customer code must not be empty")]
    EmptyCode,
    #[error("the customer code '{0}' must be at most 32 characters with no spaces")]
    BadCode(String),
    #[error("the customer name must not be empty")]
    EmptyName,
    #[error("tier must be A, B or C, not '{0}'")]
    BadTier(String),
    #[error("'{0}' is not an email address")]
    BadEmail(String),
    #[error("the credit limit must not be negative")]
    NegativeCreditLimit,
    #[error(transparent)]
    Text(#[from] TextError),
}

/// A customer as the user enters it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerDraft {
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
    /// How it wants its statements and letters.
    pub send_by: crate::domain::email::SendBy,
}

impl CustomerDraft {
    /// Checks the fields a person types; names may be in any script, but no text may
    /// hold control characters or bidi overrides (see [`text`]), and only the address
    /// may run over several lines.
    pub fn validate(&self) -> Result<(), CustomerError> {
        self.validate_typed(|_| true)
    }

    /// [`CustomerDraft::validate`], with the text rules applied only to the fields for
    /// which `typed(field)` is true: a change to a customer an older book let in with a
    /// hidden character in its name (putting it on hold, say) is not refused for a
    /// field it does not touch.
    pub fn validate_typed(&self, typed: impl Fn(&str) -> bool) -> Result<(), CustomerError> {
        let code = self.code.trim();
        if text::is_blank(code) {
            return Err(CustomerError::EmptyCode);
        }
        if typed("code") {
            text::check_line("code", code, 32)?;
        }
        if code.chars().count() > 32 || code.chars().any(char::is_whitespace) {
            return Err(CustomerError::BadCode(code.to_string()));
        }
        if text::is_blank(&self.name) {
            return Err(CustomerError::EmptyName);
        }
        let lines = [
            ("name", Some(self.name.as_str()), NAME_MAX),
            ("contact", self.contact.as_deref(), NAME_MAX),
            ("email", self.email.as_deref(), NAME_MAX),
            ("phone", self.phone.as_deref(), NAME_MAX),
        ];
        for (field, value, max) in lines {
            if typed(field) {
                text::check_optional_line(field, value, max)?;
            }
        }
        if typed("address") {
            text::check_optional_multiline("address", self.address.as_deref(), TEXT_MAX)?;
        }
        // A blank email is none (an edit that clears the field), as the store keeps it.
        // Several addresses may be given, separated by commas; each is checked.
        if let Some(email) = self.email.as_ref().filter(|e| !text::is_blank(e)) {
            let email = email.trim();
            if let Err(e) = crate::domain::email::parse_addresses(email) {
                let bad = match e {
                    crate::domain::email::EmailError::BadAddress(one) => one,
                    _ => email.to_string(),
                };
                return Err(CustomerError::BadEmail(bad));
            }
        }
        if self.credit_limit.is_some_and(Money::is_negative) {
            return Err(CustomerError::NegativeCreditLimit);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_what_people_type() {
        let mut draft = CustomerDraft {
            code: "C001".into(),
            name: "深圳市华星贸易有限公司".into(),
            ..Default::default()
        };
        assert!(draft.validate().is_ok());
        draft.code = "C 1".into();
        assert!(matches!(draft.validate(), Err(CustomerError::BadCode(_))));
        draft.code = "C1".into();
        draft.email = Some("nobody".into());
        assert!(matches!(draft.validate(), Err(CustomerError::BadEmail(_))));
        assert_eq!("b".parse::<Tier>().unwrap(), Tier::B);
    }

    #[test]
    fn refuses_hidden_characters_and_blank_names() {
        let draft = CustomerDraft {
            code: "C001".into(),
            name: "Acme".into(),
            address: Some("1 Main St\nSpringfield".into()),
            ..Default::default()
        };
        assert!(draft.validate().is_ok(), "an address may have lines");
        let with = |change: fn(&mut CustomerDraft)| {
            let mut changed = draft.clone();
            change(&mut changed);
            changed.validate().unwrap_err().to_string()
        };
        assert_eq!(
            with(|d| d.name = "A\u{7}B".into()),
            "name: contains a control character (U+0007) at position 2; remove it"
        );
        assert!(
            with(|d| d.name = "Acme\u{202E}gpj.exe".into())
                .starts_with("name: contains a bidirectional override (U+202E)")
        );
        assert_eq!(
            with(|d| d.name = " \u{200B} ".into()),
            "the customer name must not be empty"
        );
        assert!(with(|d| d.name = "x".repeat(201)).contains("at most 200"));
        assert!(
            with(|d| d.contact = Some("Ann\nBob".into()))
                .starts_with("contact: contains a new line")
        );
        assert!(
            with(|d| d.code = "C\u{1b}1".into())
                .starts_with("code: contains a control character (U+001B)")
        );
        assert!(with(|d| d.address = Some("a\tb".into())).starts_with("address:"));
    }
}
