//! Reading a file the user names, safely: only a regular file (a link to one is fine),
//! and at most a given number of bytes of it, so a device (`/dev/zero`), a named pipe
//! or a folder is refused at once instead of being read until memory runs out. Bank
//! statements, spreadsheets to `load` and logos all come in through here.

use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::Path;

pub const KB: u64 = 1024;
pub const MB: u64 = 1024 * KB;
pub const GB: u64 = 1024 * MB;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Not a regular file: what it is.
    NotAFile(NotAFile),
    /// Bigger than allowed; the size as people say it (`300 MB`, `more than 256 MB`).
    TooBig(String),
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotAFile(what) => write!(f, "{what}"),
            ReadError::TooBig(size) => write!(f, "the file is {size}, more than is read"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Whether `path` is a regular file of at most `max_size` bytes, without reading it.
pub fn check_regular(path: &Path, max_size: u64) -> Result<(), ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(what) = not_a_file(&meta.file_type()) {
        return Err(ReadError::NotAFile(what));
    }
    if meta.len() > max_size {
        return Err(ReadError::TooBig(describe_size(meta.len())));
    }
    Ok(())
}

/// The bytes of the regular file at `path`, at most `max_size` of them.
pub fn read_regular(path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
    check_regular(path, max_size)?;
    let file = File::open(path).map_err(ReadError::Io)?;
    // The path may have been swapped for something else since it was looked at.
    let opened = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = not_a_file(&opened.file_type()) {
        return Err(ReadError::NotAFile(what));
    }
    // One byte past the limit tells a file that grew (or lied about its size) from one
    // that fits, without ever holding more than that.
    let mut bytes = Vec::with_capacity(opened.len().min(max_size) as usize);
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max_size {
        return Err(ReadError::TooBig(format!(
            "more than {}",
            describe_size(max_size)
        )));
    }
    Ok(bytes)
}

/// The bytes of a logo file, refused unread when it is not a regular file or is larger
/// than a logo may be (the screen and `owed settings set company.logo` both read it so).
pub fn read_logo(path: &Path) -> Result<Vec<u8>, LogoUnread> {
    let limit = crate::domain::company::MAX_LOGO_BYTES as u64;
    read_regular(path, limit).map_err(|e| match e {
        ReadError::TooBig(size) => LogoUnread::TooBig {
            size,
            most: describe_size(limit),
        },
        ReadError::NotAFile(what) => LogoUnread::NotAFile(what),
        ReadError::Io(error) => LogoUnread::Io(error.to_string()),
    })
}

/// Why the logo file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogoUnread {
    /// Not a regular file.
    NotAFile(NotAFile),
    /// Bigger than a logo may be: its size and the most, as people say sizes.
    TooBig { size: String, most: String },
    /// The system's own words.
    Io(String),
}

impl std::fmt::Display for LogoUnread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LogoUnread::NotAFile(what) => write!(f, "{what}"),
            LogoUnread::TooBig { size, most } => {
                write!(f, "the logo file is {size}; use one of at most {most}")
            }
            LogoUnread::Io(error) => f.write_str(error),
        }
    }
}

/// What a path is that is not a regular file; its `Display` says it for the user, with
/// what to do instead (the screens say it in their language, `src/i18n/errors/import.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    NamedPipe,
    Device,
    Socket,
    Other,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let advice = "save it to a file and use that";
        match self {
            NotAFile::Folder => {
                f.write_str("this is a folder, not a file; choose the file inside it")
            }
            NotAFile::NamedPipe => write!(f, "this is a named pipe (FIFO), not a file; {advice}"),
            NotAFile::Device => write!(f, "this is a device, not a file; {advice}"),
            NotAFile::Socket => write!(f, "this is a socket, not a file; {advice}"),
            NotAFile::Other => write!(f, "this is not a regular file; {advice}"),
        }
    }
}

/// What a path is that is not a regular file; `None` for a file.
fn not_a_file(kind: &FileType) -> Option<NotAFile> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(NotAFile::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NotAFile::NamedPipe);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(NotAFile::Device);
        }
        if kind.is_socket() {
            return Some(NotAFile::Socket);
        }
    }
    Some(NotAFile::Other)
}

/// A size as people say it: `300 MB`, `1.5 GB`, `12 KB`, `512 bytes`.
pub fn describe_size(bytes: u64) -> String {
    let scaled = |unit: u64, name: &str| {
        // Display only: one decimal of a file size, never an amount of money.
        let value = bytes as f64 / unit as f64;
        if bytes.is_multiple_of(unit) || value >= 100.0 {
            format!("{} {name}", (value.round() as u64))
        } else {
            format!("{value:.1} {name}")
        }
    };
    match bytes {
        b if b >= GB => scaled(GB, "GB"),
        b if b >= MB => scaled(MB, "MB"),
        b if b >= KB => scaled(KB, "KB"),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_and_only_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_regular(&file, 10).unwrap(), b"0123456789");
        assert!(matches!(read_regular(&file, 9), Err(ReadError::TooBig(s)) if s == "10 bytes"));
        let folder = read_regular(dir.path(), 10).unwrap_err().to_string();
        assert!(folder.contains("folder"), "{folder}");
        #[cfg(unix)]
        {
            let device = read_regular(Path::new("/dev/zero"), MB).unwrap_err();
            assert!(device.to_string().contains("device"), "{device}");
        }
        assert!(matches!(
            read_regular(&dir.path().join("missing"), 10),
            Err(ReadError::Io(_))
        ));
    }
}
