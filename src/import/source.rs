//! Where a bank file's bytes come from, and what they are not. Only a regular file is
//! read, and at most `max_size` bytes of it (256 MB unless the user says more), so a
//! device (`/dev/zero`), a named pipe or a folder is refused at once instead of being
//! read until memory runs out. Files that are not statements at all (a ZIP that is not a
//! spreadsheet, a PDF, an image) and spreadsheets that still can't be read (encrypted
//! ones) are told by their first bytes and refused with what they are and what to do
//! instead, rather than read as text. Readable spreadsheets pass to `sheet`.

use std::path::Path;

pub use crate::files::read::describe_size;
use crate::files::read::{GB, KB, MB, ReadError, read_regular};

use super::ImportError;
use super::not_statement::{Document, NotStatement, Packed};

/// The largest bank file read unless the user allows more: far beyond any real export
/// (a year of a busy account is a few MB), small enough to hold in memory.
pub const DEFAULT_MAX_SIZE: u64 = 256 * MB;

/// Reads the bank file at `path`: a regular file (a link to one is fine) of at most
/// `max_size` bytes, and not a file of a kind that is never a statement.
pub fn read_bank_file(path: &Path, max_size: u64) -> Result<Vec<u8>, ImportError> {
    let refuse = |why: NotStatement| ImportError::NotAStatement {
        file: path.display().to_string(),
        why,
    };
    let bytes = read_regular(path, max_size).map_err(|e| match e {
        ReadError::NotAFile(what) => refuse(NotStatement::NotAFile(what)),
        ReadError::TooBig(size) => refuse(NotStatement::TooBig {
            size,
            most: describe_size(max_size),
        }),
        ReadError::Io(e) => refuse(NotStatement::Io(e.to_string())),
    })?;
    if let Some(what) = recognise(&bytes) {
        return Err(refuse(what));
    }
    Ok(bytes)
}

/// Reads a size such as `512MB`, `1GB`, `300 KB` or plain bytes (`1000000`); KB, MB and
/// GB are 1024-based, like the sizes file managers show.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits);
    let unit = unit.trim().to_ascii_uppercase();
    let multiplier = match unit.as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => KB,
        "M" | "MB" | "MIB" => MB,
        "G" | "GB" | "GIB" => GB,
        _ => 0,
    };
    let size = number
        .parse::<u64>()
        .ok()
        .filter(|_| multiplier > 0)
        .and_then(|n| n.checked_mul(multiplier))
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            format!("a size is whole bytes or a number with KB, MB or GB, like 512MB or 1GB, not '{text}'")
        })?;
    Ok(size)
}

/// The first bytes of an OLE compound file: an old Excel (XLS) or Word file, or an
/// encrypted Office 2007+ file.
pub(super) const COMPOUND_FILE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// True for the first bytes of a ZIP archive (XLSX, ODS, DOCX are ZIPs too).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// What a file is that is never a bank statement, or a spreadsheet that can't be read,
/// told by its first bytes, with what to do instead; `None` for anything that may be
/// text (CSV, OFX, CAMT) or a spreadsheet to read (XLSX, XLSB, XLS, ODS).
pub fn recognise(bytes: &[u8]) -> Option<NotStatement> {
    if is_zip(bytes) {
        return match super::sheet::kind(bytes) {
            Some(_) => None,
            None => Some(zip_kind(bytes)),
        };
    }
    if bytes.starts_with(COMPOUND_FILE) {
        return compound_kind(bytes);
    }
    let text_start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    if bytes[text_start..].starts_with(b"%PDF") {
        return Some(NotStatement::Pdf);
    }
    let packed = |packed| Some(NotStatement::Packed(packed));
    if bytes.starts_with(b"\x1F\x8B") {
        return packed(Packed::Gzip);
    }
    if bytes.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return packed(Packed::SevenZip);
    }
    if bytes.starts_with(b"Rar!\x1A\x07") {
        return packed(Packed::Rar);
    }
    let image = |name| Some(NotStatement::Image(name));
    if bytes.starts_with(b"\x89PNG\r\n\x1A\n") {
        return image("PNG");
    }
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        return image("JPEG");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return image("GIF");
    }
    if bytes.starts_with(b"SQLite format 3\0") {
        return Some(NotStatement::Sqlite);
    }
    None
}

/// Whether a ZIP container holds a part named with `needle`: the names of its parts are
/// in the local headers at the start and in the central directory at the end.
pub(super) fn zip_has(bytes: &[u8], needle: &[u8]) -> bool {
    const WINDOW: usize = 64 * 1024;
    let head = &bytes[..bytes.len().min(WINDOW)];
    let tail = &bytes[bytes.len().saturating_sub(WINDOW)..];
    [head, tail]
        .iter()
        .any(|part| part.windows(needle.len()).any(|w| w == needle))
}

/// Which kind of ZIP container that is not a spreadsheet (those are read).
fn zip_kind(bytes: &[u8]) -> NotStatement {
    let has = |needle: &[u8]| zip_has(bytes, needle);
    if has(b"word/") {
        NotStatement::Document(Document::Docx)
    } else if has(b"[Content_Types].xml") {
        NotStatement::Document(Document::OtherOffice)
    } else {
        NotStatement::Packed(Packed::Zip)
    }
}

/// What an OLE compound file is that can't be read: an encrypted Office 2007+ file or a
/// Word document, told by the names of its streams (UTF-16 in its directory, which may
/// be anywhere in the file). `None` for anything else, which is read as an old Excel
/// workbook (XLS) and refused then if it is not one.
fn compound_kind(bytes: &[u8]) -> Option<NotStatement> {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16)
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        Some(NotStatement::Encrypted)
    } else if has("WordDocument") {
        Some(NotStatement::Document(Document::Doc))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_said() {
        assert_eq!(parse_size("512MB"), Ok(512 * MB));
        assert_eq!(parse_size("1gb"), Ok(GB));
        assert_eq!(parse_size(" 300 KB "), Ok(300 * KB));
        assert_eq!(parse_size("1000000"), Ok(1_000_000));
        for bad in ["", "0", "1.5GB", "12 parsecs", "-5", "99999999999999GB"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(describe_size(DEFAULT_MAX_SIZE), "256 MB");
        assert_eq!(describe_size(1536 * KB), "1.5 MB");
        assert_eq!(describe_size(12), "12 bytes");
    }

    #[test]
    fn containers_and_images_are_told_by_their_first_bytes() {
        // Spreadsheets are left to the spreadsheet reader.
        let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        xlsx.extend_from_slice(b"[Content_Types].xml....PK\x03\x04xl/workbook.xml");
        let ods =
            b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00";
        for sheet in [&xlsx[..], ods, xls] {
            assert_eq!(recognise(sheet), None);
        }
        // What can't be read is refused, saying what it is.
        let seen = |bytes: &[u8]| recognise(bytes).expect("refused");
        assert_eq!(
            seen(b"PK\x03\x04\x14\x00statement.csv"),
            NotStatement::Packed(Packed::Zip)
        );
        let docx = b"PK\x03\x04\x14\x00[Content_Types].xml PK\x03\x04word/document.xml";
        assert_eq!(seen(docx), NotStatement::Document(Document::Docx));
        let pptx = b"PK\x03\x04\x14\x00[Content_Types].xml PK\x03\x04ppt/slides";
        assert_eq!(seen(pptx), NotStatement::Document(Document::OtherOffice));
        let mut encrypted = xls.to_vec();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(seen(&encrypted), NotStatement::Encrypted);
        assert!(seen(&encrypted).to_string().contains("password-protected"));
        let mut doc = xls.to_vec();
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(seen(&doc).to_string().contains("Word document (DOC)"));
        assert!(seen(b"%PDF-1.7\n").to_string().contains("a PDF"));
        assert!(seen(b"\x1F\x8B\x08\x00").to_string().contains("gzip"));
        assert!(seen(b"\x89PNG\r\n\x1A\n\0").to_string().contains("(PNG)"));
        assert!(seen(b"\xFF\xD8\xFF\xE0").to_string().contains("(JPEG)"));
        // Text of any encoding is left to the reader: UTF-16 with a BOM starts FF FE.
        for text in [
            &b"Date,Amount\n2026-10-01,5.00\n"[..],
            b"\xFF\xFED\x00a\x00",
            b"\xEF\xBB\xBFDate;Betrag",
            b"OFXHEADER:100",
            b"<?xml version=\"1.0\"?>",
            b"PK,Amount\n1,2\n",
        ] {
            assert_eq!(recognise(text), None);
        }
    }
}
