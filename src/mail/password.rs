//! The mail server's password: never in the book. A script gives it in
//! `OWED_SMTP_PASSWORD`; otherwise it is kept in the system's keyring (Secret Service
//! on Linux, Keychain on macOS, Credential Manager on Windows) under the service
//! `owed-smtp` and the account `username@host`. Where there is no keyring, the app asks
//! for it once per session and the command line says to set the variable.

use crate::domain::email::EmailSettings;

/// The environment variable a script gives the mail server's password in.
pub const PASSWORD_VAR: &str = "OWED_SMTP_PASSWORD";

/// The keyring's service name for the mail server's password.
pub const KEYRING_SERVICE: &str = "owed-smtp";

/// Why the keyring could not keep or give the password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("there is no system keyring to keep the password in ({0})")]
    NoKeyring(String),
    #[error("set email.username and email.smtp_host first: the password is kept for that account")]
    NoAccount,
}

/// The keyring account of `settings`: `username@host`.
fn account(settings: &EmailSettings) -> Option<String> {
    let (user, host) = (settings.username.trim(), settings.host.trim());
    (!user.is_empty() && !host.is_empty()).then(|| format!("{user}@{host}"))
}

fn entry(settings: &EmailSettings) -> Result<keyring::Entry, KeyringError> {
    let account = account(settings).ok_or(KeyringError::NoAccount)?;
    keyring::Entry::new(KEYRING_SERVICE, &account)
        .map_err(|e| KeyringError::NoKeyring(e.to_string()))
}

/// The password from [`PASSWORD_VAR`] when set.
pub fn password_from_env() -> Option<String> {
    std::env::var(PASSWORD_VAR).ok().filter(|p| !p.is_empty())
}

/// The password kept in the keyring for `settings`' account, if any.
pub fn saved_password(settings: &EmailSettings) -> Result<Option<String>, KeyringError> {
    match entry(settings)?.get_password() {
        Ok(password) => Ok(Some(password)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(KeyringError::NoKeyring(e.to_string())),
    }
}

/// Keeps `password` in the keyring for `settings`' account.
pub fn save_password(settings: &EmailSettings, password: &str) -> Result<(), KeyringError> {
    entry(settings)?
        .set_password(password)
        .map_err(|e| KeyringError::NoKeyring(e.to_string()))
}

/// Removes the password kept for `settings`' account (nothing if none was).
pub fn forget_password(settings: &EmailSettings) -> Result<(), KeyringError> {
    match entry(settings)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(KeyringError::NoKeyring(e.to_string())),
    }
}

/// The password to log in with: [`PASSWORD_VAR`] first, else the keyring's; `None` when
/// the account needs none (no user name) or none is to be had.
pub fn password(settings: &EmailSettings) -> Option<String> {
    if settings.username.trim().is_empty() {
        return None;
    }
    password_from_env().or_else(|| saved_password(settings).ok().flatten())
}
