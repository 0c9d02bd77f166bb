//! A CSV statement's text read from its file a part at a time, so a big file is never
//! held whole: records are read from a window of the file that moves on as they are
//! taken, and one record is found again from the byte offset where it starts. A record
//! the window cuts short is read again once the window holds all of it, so the records
//! are exactly those [`super::records::records`] finds in the whole text.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::records::{Reader, Record};
use super::sample::Sample;
use super::{BankRow, Detected, Hints, ImportError, Skipped, layout, records, rows};

/// How much of the file is read at a time.
const PART: usize = 256 * 1024;

/// The records of a UTF-8 text read from `input`, each with the byte offset it starts at.
pub(crate) struct Records<R> {
    input: R,
    delimiter: char,
    /// The window: text from byte `base` of the input.
    text: String,
    base: usize,
    /// Where the next record starts, in the window, and its line.
    pos: usize,
    line: usize,
    /// Bytes read that end inside a character, kept for the next part.
    partial: Vec<u8>,
    ended: bool,
    /// How much is read at a time (at least).
    part: usize,
}

impl<R: Read> Records<R> {
    /// Records from the start of `input`, or from a record's `offset` and `line`.
    pub(crate) fn new(input: R, delimiter: char, offset: usize, line: usize) -> Records<R> {
        Records::with_part(input, delimiter, offset, line, PART)
    }

    /// As [`new`](Self::new), reading `part` bytes at a time (to read one record).
    pub(crate) fn with_part(
        input: R,
        delimiter: char,
        offset: usize,
        line: usize,
        part: usize,
    ) -> Records<R> {
        Records {
            input,
            delimiter,
            text: String::new(),
            base: offset,
            pos: 0,
            line,
            partial: Vec::new(),
            ended: false,
            part,
        }
    }

    /// The next record and the byte offset it starts at.
    pub(crate) fn next_record(&mut self) -> io::Result<Option<(usize, Record)>> {
        loop {
            let mut reader =
                Reader::new(&self.text, self.pos, self.line, self.delimiter, self.ended);
            if let Some((at, record)) = reader.next_record() {
                (self.pos, self.line) = reader.position();
                return Ok(Some((self.base + at, record)));
            }
            if self.ended {
                return Ok(None);
            }
            self.read_part()?;
        }
    }

    /// Drops what was read and adds the next part of the input to the window.
    fn read_part(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.text.drain(..self.pos);
            self.base += self.pos;
            self.pos = 0;
        }
        // A record longer than a part (a file with no line ends at all) doubles the
        // window rather than being read again from its start after every part.
        let part = self.part.max(self.text.len());
        let mut bytes = std::mem::take(&mut self.partial);
        let before = bytes.len();
        bytes.resize(before + part, 0);
        let read = read_fully(&mut self.input, &mut bytes[before..])?;
        bytes.truncate(before + read);
        if read == 0 {
            self.ended = true;
        }
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            // A character cut by the part's end is finished by the next part.
            Err(e) if e.error_len().is_none() && !self.ended => e.valid_up_to(),
            Err(e) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "not UTF-8 at byte {}",
                        self.base + self.text.len() + e.valid_up_to()
                    ),
                ));
            }
        };
        self.partial = bytes.split_off(valid);
        // Checked just above.
        self.text
            .push_str(std::str::from_utf8(&bytes).unwrap_or_default());
        Ok(())
    }
}

fn read_fully(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// A UTF-8 CSV statement read from its file a row at a time: detection reads a sample
/// of its records, then the rows are read in order, never all held. A CSV statement in
/// another encoding is decoded once (as a whole read decodes it) into a temporary UTF-8
/// copy, which is read the same way.
pub struct CsvFile {
    file: File,
    /// The temporary UTF-8 copy `file` is, for a file in another encoding (removed when
    /// this is dropped: after `file`, which is closed first).
    copy: Option<TemporaryCopy>,
    /// The SHA-256 of the file itself, when `file` is its copy.
    original_sha256: Option<String>,
    file_name: String,
    /// Where the text starts (past a byte-order mark).
    text_start: usize,
    delimiter: char,
    sample: Sample,
    plan: layout::Plan,
    /// Index in the file of the first record after the header.
    body: usize,
    pub detected: Detected,
}

/// Bytes read from the start of a file to tell what it is and its delimiter.
const HEAD: usize = 64 * 1024;
/// Lines the delimiter is told from (as `records::detect_delimiter` reads them).
const DELIMITER_LINES: usize = 400;

impl CsvFile {
    /// Opens `path` (already checked to be a regular file of a size to read) to read a
    /// row at a time, when it is UTF-8 CSV; `None` for anything else (another encoding,
    /// OFX, CAMT, a spreadsheet), which is read whole as before.
    pub fn open(
        path: &Path,
        file_name: &str,
        hints: &Hints,
    ) -> Result<Option<CsvFile>, ImportError> {
        let refuse = |e: io::Error| ImportError::NotAStatement {
            file: file_name.to_string(),
            why: super::NotStatement::Io(e.to_string()),
        };
        let mut file = File::open(path).map_err(refuse)?;
        let utf8 = hints.encoding.as_deref().is_none_or(|label| {
            encoding_rs::Encoding::for_label(label.trim().as_bytes()) == Some(encoding_rs::UTF_8)
        });
        if !utf8 || !is_utf8_text(&mut file).map_err(refuse)? {
            return Ok(None);
        }
        let head = read_head(&mut file).map_err(refuse)?;
        let text_start = if head.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let bytes = &head[text_start..];
        // The head was read to whole characters.
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        if bytes.is_empty()
            || super::recognise(bytes).is_some()
            || super::sheet::kind(&head).is_some()
            || text.starts_with('\u{feff}')
            || super::sniff(text) != super::Format::Csv
            || bytes.iter().all(u8::is_ascii_whitespace)
        {
            return Ok(None);
        }
        let delimiter = match hints.delimiter {
            Some(ch) => records::Delimiter { ch, spaced: false },
            None => records::detect_delimiter(text),
        };
        let mut sample_error = None;
        let sample = {
            let mut records = Records::new(
                reopen(&mut file, text_start).map_err(refuse)?,
                delimiter.ch,
                text_start,
                1,
            );
            Sample::take(std::iter::from_fn(|| match records.next_record() {
                Ok(next) => next.map(|(_, r)| r),
                Err(e) => {
                    sample_error = Some(e);
                    None
                }
            }))
        };
        if let Some(e) = sample_error {
            return Err(refuse(e));
        }
        let plan = layout::plan(file_name, &sample.records, hints)?;
        let body = sample.file_index(plan.start);
        // The date format is said as the first dated row writes it.
        let mut builder = rows::Builder::new(file_name, &sample.records, &plan, body);
        let first_dated = sample.records.iter().enumerate().find_map(|(i, r)| {
            match builder.read(sample.file_index(i), r) {
                Ok(Some(row)) if row.date.is_some() => Some(row.line),
                _ => None,
            }
        });
        let detected = super::Read {
            records: &sample.records,
            plan: &plan,
            encoding: encoding_rs::UTF_8.name().to_string(),
            delimiter: delimiter.describe(),
            signature: "csv",
        }
        .detected(first_dated);
        Ok(Some(CsvFile {
            file,
            copy: None,
            original_sha256: None,
            file_name: file_name.to_string(),
            text_start,
            delimiter: delimiter.ch,
            sample,
            plan,
            body,
            detected,
        }))
    }

    /// Reads the rows in the file's order, giving each to `each` with the byte offset
    /// of its record; returns the lines skipped, with why.
    pub fn rows<E: From<ImportError>>(
        &mut self,
        mut each: impl FnMut(BankRow, usize) -> Result<(), E>,
    ) -> Result<Vec<Skipped>, E> {
        let file_name = self.file_name.clone();
        let refuse = |e: io::Error| ImportError::NotAStatement {
            file: file_name.clone(),
            why: super::NotStatement::Io(e.to_string()),
        };
        let input = reopen(&mut self.file, self.text_start).map_err(refuse)?;
        let mut records = Records::new(input, self.delimiter, self.text_start, 1);
        let mut builder =
            rows::Builder::new(&self.file_name, &self.sample.records, &self.plan, self.body);
        let mut index = 0;
        while let Some((offset, record)) = records.next_record().map_err(refuse)? {
            if let Some(row) = builder.read(index, &record)? {
                each(row, offset)?;
            }
            index += 1;
        }
        Ok(builder.finish())
    }

    /// What reads a record to a row, for [`row_at`](Self::row_at).
    pub(crate) fn builder(&self) -> rows::Builder<'_> {
        rows::Builder::new(&self.file_name, &self.sample.records, &self.plan, 0)
    }

    /// The row whose record starts at byte `offset` on `line`, read again (`None` when
    /// no row is there any more).
    pub(crate) fn row_at(
        &self,
        builder: &rows::Builder<'_>,
        offset: u64,
        line: usize,
    ) -> Result<Option<BankRow>, ImportError> {
        let refuse = |e: io::Error| ImportError::NotAStatement {
            file: self.file_name.clone(),
            why: super::NotStatement::Io(e.to_string()),
        };
        let mut file = &self.file;
        file.seek(SeekFrom::Start(offset)).map_err(refuse)?;
        // A record is short: a small first part, grown if it is not.
        let mut records = Records::with_part(file, self.delimiter, offset as usize, line, 4096);
        match records.next_record().map_err(refuse)? {
            Some((_, record)) => builder.row_only(&record),
            None => Ok(None),
        }
    }

    /// [`open`](Self::open), and for a CSV file in another encoding (Windows-125x,
    /// GB18030, UTF-16, ...) the file decoded as a whole read decodes it, written to a
    /// temporary UTF-8 copy read a row at a time: the decoded text is held once, while
    /// it is written, never the rows. `None` for what is not CSV (OFX, CAMT, a
    /// spreadsheet) or does not decode, which the whole read reads or refuses as before.
    pub fn open_any(
        path: &Path,
        file_name: &str,
        hints: &Hints,
    ) -> Result<Option<CsvFile>, ImportError> {
        if let Some(file) = CsvFile::open(path, file_name, hints)? {
            return Ok(Some(file));
        }
        let refuse = |e: io::Error| ImportError::NotAStatement {
            file: file_name.to_string(),
            why: super::NotStatement::Io(e.to_string()),
        };
        let bytes = std::fs::read(path).map_err(refuse)?;
        // As `read_statement` reads it, up to the text.
        if bytes.iter().all(u8::is_ascii_whitespace)
            || super::recognise(&bytes).is_some()
            || super::sheet::kind(&bytes).is_some()
        {
            return Ok(None);
        }
        let hint = hints
            .encoding
            .as_deref()
            .or_else(|| super::ofx_charset(&bytes));
        let Ok(decoded) = super::decode::decode(file_name, &bytes, hint) else {
            return Ok(None);
        };
        if decoded.encoding == encoding_rs::UTF_8.name()
            || super::sniff(&decoded.text) != super::Format::Csv
        {
            return Ok(None);
        }
        let original_sha256 = {
            use sha2::Digest;
            super::hex(&sha2::Sha256::digest(&bytes))
        };
        drop(bytes);
        // No room for the copy (a full disk): the file is read whole, as before.
        let Ok(copy) = TemporaryCopy::write(decoded.text.as_bytes()) else {
            return Ok(None);
        };
        drop(decoded.text);
        let utf8 = Hints {
            encoding: None,
            ..hints.clone()
        };
        let Some(mut file) = CsvFile::open(&copy.path, file_name, &utf8)? else {
            return Ok(None);
        };
        file.detected.encoding = decoded.encoding.to_string();
        file.copy = Some(copy);
        file.original_sha256 = Some(original_sha256);
        Ok(Some(file))
    }

    /// The SHA-256 of the whole file, as the batch records it.
    pub fn sha256(&self) -> Result<String, ImportError> {
        use sha2::Digest;
        if let Some(sha256) = &self.original_sha256 {
            return Ok(sha256.clone());
        }
        let refuse = |e: io::Error| ImportError::NotAStatement {
            file: self.file_name.clone(),
            why: super::NotStatement::Io(e.to_string()),
        };
        let mut file = &self.file;
        file.seek(SeekFrom::Start(0)).map_err(refuse)?;
        let mut hasher = sha2::Sha256::new();
        let mut part = vec![0u8; PART];
        loop {
            let read = read_fully(&mut file, &mut part).map_err(refuse)?;
            if read == 0 {
                break;
            }
            hasher.update(&part[..read]);
        }
        Ok(super::hex(&hasher.finalize()))
    }

    /// The file's size in bytes.
    pub fn len(&self) -> u64 {
        self.file.metadata().map_or(0, |m| m.len())
    }
}

/// A file in the temporary folder that is removed when dropped.
struct TemporaryCopy {
    path: std::path::PathBuf,
}

impl TemporaryCopy {
    fn write(bytes: &[u8]) -> io::Result<TemporaryCopy> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir();
        remove_stale_copies(&dir);
        loop {
            let path = dir.join(format!(
                "{COPY_PREFIX}{}-{}.csv",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            // A bank statement: readable by its owner only, in a folder others share.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(&path) {
                Ok(mut file) => {
                    let copy = TemporaryCopy { path };
                    io::Write::write_all(&mut file, bytes)?;
                    return Ok(copy);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

const COPY_PREFIX: &str = "owed-statement-";

/// Copies a process killed while reading left behind: those of a process no longer
/// running (where the system says which run), and any a day old or more.
fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let proc = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(COPY_PREFIX) else {
            continue;
        };
        let gone = proc
            && rest
                .split('-')
                .next()
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
        let stale = gone
            || entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= day);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Drop for TemporaryCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The file from byte `at` on, buffered.
fn reopen(file: &mut File, at: usize) -> io::Result<io::BufReader<&mut File>> {
    file.seek(SeekFrom::Start(at as u64))?;
    Ok(io::BufReader::with_capacity(PART, file))
}

/// Whether the whole file is UTF-8 with no NUL (which a UTF-16 file without a mark has).
fn is_utf8_text(file: &mut File) -> io::Result<bool> {
    file.seek(SeekFrom::Start(0))?;
    let mut buf = vec![0u8; PART];
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let read = read_fully(file, &mut buf)?;
        if read == 0 {
            return Ok(carry.is_empty());
        }
        let mut bytes = std::mem::take(&mut carry);
        bytes.extend_from_slice(&buf[..read]);
        if bytes.contains(&0) {
            return Ok(false);
        }
        match std::str::from_utf8(&bytes) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => carry = bytes[e.valid_up_to()..].to_vec(),
            Err(_) => return Ok(false),
        }
    }
}

/// The file's first bytes: at least [`HEAD`] and the first [`DELIMITER_LINES`] lines
/// (or all of it), ending on a whole character.
fn read_head(file: &mut File) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(0))?;
    let mut head = Vec::new();
    let mut part = vec![0u8; HEAD];
    let mut lines = 0;
    loop {
        let read = read_fully(file, &mut part)?;
        head.extend_from_slice(&part[..read]);
        lines += part[..read]
            .iter()
            .filter(|&&b| b == b'\n' || b == b'\r')
            .count();
        if read < part.len() || lines > DELIMITER_LINES {
            break;
        }
    }
    if let Err(e) = std::str::from_utf8(&head) {
        head.truncate(e.valid_up_to());
    }
    Ok(head)
}

#[cfg(test)]
mod tests;
