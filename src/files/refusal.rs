//! Writes and copies we refuse ourselves, carried inside an [`io::Error`] like the
//! system's own, and said in the language chosen by `i18n::errors::io_text`.

use std::io;
use std::path::PathBuf;

/// A write or copy we refuse ourselves; its `Display` is the English the command line prints
/// and the screens say it in their language (`i18n::errors::io_text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefusal {
    /// The name given is a folder.
    Folder(PathBuf),
    /// A device or pipe where a file was to be created whole.
    DeviceOrPipe(PathBuf),
    TooManyLinks(PathBuf),
    /// The file to be made already exists.
    AlreadyExists,
    /// A book's write-ahead log that could not be folded in before a restore.
    LogNotFolded,
    NothingWritten,
}

impl std::fmt::Display for FileRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileRefusal::Folder(path) => {
                write!(f, "{} is a folder, not a file name", path.display())
            }
            FileRefusal::DeviceOrPipe(path) => {
                write!(f, "{} is a device or pipe, not a file", path.display())
            }
            FileRefusal::TooManyLinks(path) => {
                write!(f, "{}: too many symbolic links", path.display())
            }
            FileRefusal::AlreadyExists => f.write_str("already exists; choose a new file name"),
            FileRefusal::LogNotFolded => f.write_str(
                "its write-ahead log could not be folded in (is it open elsewhere?); nothing was changed",
            ),
            FileRefusal::NothingWritten => f.write_str("nothing was written"),
        }
    }
}

impl std::error::Error for FileRefusal {}

impl FileRefusal {
    /// As an I/O error of `kind`.
    pub fn into_io(self, kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, self)
    }

    /// The refusal inside `error`, when it is one of ours.
    pub fn inside(error: &io::Error) -> Option<&FileRefusal> {
        error.get_ref()?.downcast_ref::<FileRefusal>()
    }
}
