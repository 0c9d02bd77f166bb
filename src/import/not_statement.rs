//! Why a file is not read as a bank statement at all, as parts ([`NotStatement`]): the
//! import screen and `owed import` say it in the language chosen
//! (`src/i18n/errors/import.rs`), and its `Display` is the English the command has
//! always printed, word for word.

use std::fmt;

use crate::files::read::NotAFile;

/// What to do instead, said after most refusals.
const EXPORT: &str = "export CSV, OFX or CAMT from your bank";

/// A packed file, to be unpacked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    Gzip,
    SevenZip,
    Rar,
    /// A ZIP archive that is not a spreadsheet.
    Zip,
}

/// An Office file that is not a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// A Word document (DOCX).
    Docx,
    /// An old Word document (DOC).
    Doc,
    /// Neither a spreadsheet nor a Word document.
    OtherOffice,
}

/// Why a file is not a statement Owed reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotStatement {
    /// Not a regular file.
    NotAFile(NotAFile),
    /// Bigger than a statement is read up to: its size and the limit, as people say
    /// sizes.
    TooBig {
        size: String,
        most: String,
    },
    /// The system could not read it, in its words.
    Io(String),
    Pdf,
    Packed(Packed),
    Document(Document),
    /// An image, by its format's name (PNG, JPEG, GIF).
    Image(&'static str),
    Sqlite,
    /// A password-protected spreadsheet.
    Encrypted,
    /// A spreadsheet (XLSX, XLSB, XLS, ODS) its reader could not read: damaged when the
    /// reader gave up, else the reader's own words.
    Unreadable {
        kind: &'static str,
        reason: Option<String>,
    },
    /// A sheet laid out over this many million cells.
    TooManyCells {
        millions: usize,
    },
}

impl fmt::Display for NotStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotStatement::NotAFile(what) => write!(f, "{what}"),
            NotStatement::TooBig { size, most } => write!(
                f,
                "the file is {size}, more than the {most} a bank statement is read up to; \
                 `owed import --max-size` reads a bigger one (e.g. --max-size 1GB)"
            ),
            NotStatement::Io(error) => f.write_str(error),
            NotStatement::Pdf => write!(
                f,
                "this is a PDF: banks' PDF statements can't be read; {EXPORT}"
            ),
            NotStatement::Packed(Packed::Zip) => f.write_str(
                "this is a ZIP archive; unpack it and import the statement inside (an Excel \
                 file must be saved as CSV first)",
            ),
            NotStatement::Packed(packed) => {
                let name = match packed {
                    Packed::Gzip => "gzip-compressed file",
                    Packed::SevenZip => "7-Zip archive",
                    _ => "RAR archive",
                };
                write!(
                    f,
                    "this is a {name}; unpack it and import the statement inside"
                )
            }
            NotStatement::Document(Document::Docx) => write!(
                f,
                "this is a Word document (DOCX), not a bank statement; {EXPORT}"
            ),
            NotStatement::Document(Document::Doc) => write!(
                f,
                "this is a Word document (DOC), not a bank statement; {EXPORT}"
            ),
            NotStatement::Document(Document::OtherOffice) => write!(
                f,
                "this is an Office file that is neither a spreadsheet nor a Word document; \
                 {EXPORT}"
            ),
            NotStatement::Image(name) => write!(
                f,
                "this is an image ({name}), not a bank statement; {EXPORT}"
            ),
            NotStatement::Sqlite => write!(
                f,
                "this is an SQLite database (an Owed book?), not a bank statement; {EXPORT}"
            ),
            NotStatement::Encrypted => f.write_str(
                "this spreadsheet is password-protected (encrypted); save a copy without the \
                 password from your spreadsheet program, or export CSV from your bank",
            ),
            NotStatement::Unreadable { kind, reason } => {
                let reason = reason.as_deref().unwrap_or("the file is damaged");
                write!(
                    f,
                    "not a readable {kind} spreadsheet ({reason}); export CSV from your \
                     bank, or save it as CSV from your spreadsheet program"
                )
            }
            NotStatement::TooManyCells { millions } => write!(
                f,
                "the sheet holds more than {millions} million cells, far more than a bank \
                 statement; export CSV from your bank"
            ),
        }
    }
}
