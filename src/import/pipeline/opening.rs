//! Opening a file to read a row at a time with the hints its bank's profile fills in,
//! found as [`super::prepare`] finds them: a profile named by the user, else the one
//! remembered for the file's header.

use std::path::Path;

use super::{BankProfile, RunError, parse_profile};
use crate::import::Hints;
use crate::import::text::CsvFile;
use crate::store::Store;

/// A file opened to be read a row at a time, with what `prepare` would have read it by.
pub(super) struct Opened {
    pub file: CsvFile,
    /// The hints read with (the user's, filled in from the profile).
    pub hints: Hints,
    /// The bank profile used or to save, and the header signature it is kept under.
    pub profile: Option<String>,
    pub signature: Option<String>,
}

/// Opens the file with the hints a bank profile fills in, as [`super::prepare`] reads it
/// (see `read_with_profile` and `profile_key`); `None` for a file to read whole.
pub(super) fn open_with_profile(
    store: &Store,
    path: &Path,
    file_name: &str,
    hints: &Hints,
    named: Option<&str>,
) -> Result<Option<Opened>, RunError> {
    // The signature is the header's as found with no header line given.
    let signature_of = |file: &CsvFile, hints: &Hints| match hints.header_line {
        None => file.detected.header_signature.clone(),
        Some(_) => {
            let auto = Hints {
                header_line: None,
                ..hints.clone()
            };
            CsvFile::open_any(path, file_name, &auto)
                .ok()
                .flatten()
                .and_then(|f| f.detected.header_signature)
                .or_else(|| file.detected.header_signature.clone())
        }
    };
    let opened = |file: CsvFile, hints: Hints, profile: Option<String>| {
        let signature = signature_of(&file, &hints);
        Opened {
            file,
            hints,
            profile,
            signature,
        }
    };
    if let Some(name) = named
        && let Some((_, settings)) = store.bank_profile_named(name)?
    {
        let filled = parse_profile(&settings).fill(hints);
        return Ok(CsvFile::open_any(path, file_name, &filled)?
            .map(|file| opened(file, filled, Some(name.to_string()))));
    }
    // A file detection can't read without its profile's hints is read whole, as
    // `prepare` reads it (which finds the profile by the header alone).
    let Ok(Some(first)) = CsvFile::open_any(path, file_name, hints) else {
        return Ok(None);
    };
    let remembered = match signature_of(&first, hints) {
        Some(signature) => store.bank_profile(&signature)?,
        None => None,
    };
    match remembered {
        Some((name, settings)) => {
            let filled: Hints = BankProfile::fill(&parse_profile(&settings), hints);
            if filled == *hints {
                return Ok(Some(opened(first, filled, Some(name))));
            }
            Ok(CsvFile::open_any(path, file_name, &filled)?
                .map(|file| opened(file, filled, Some(name))))
        }
        None => Ok(Some(opened(
            first,
            hints.clone(),
            named.map(str::to_string),
        ))),
    }
}
