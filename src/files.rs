//! Files we write for the user appear whole or not at all. A file is written under a
//! hidden temporary name in the folder it will live in (`.C001-2026-10.pdf.owed-tmp-…`),
//! flushed to disk, and only then renamed to its final name, so a kill, a full disk or a
//! failed step never leaves a half-written or empty file under a name a user would open
//! or mail. Documents that are archived are *staged* first and *published* only after
//! the archive has committed ([`Staged`]), so every final-name PDF is one the book holds.
//!
//! A path that is not a regular file is respected: a symbolic link stays a link (its
//! target is replaced whole), and a device, named pipe or socket, or an open descriptor
//! (`/dev/stdout`, `/dev/fd/3`, `>(…)`), is written through, since it cannot be renamed
//! over.

pub mod read;
mod refusal;

pub use refusal::FileRefusal;

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What temporary names carry after the final name: `.NAME.owed-tmp-PID-N`.
const TEMP_MARK: &str = ".owed-tmp-";

/// Symbolic links followed before giving up (as the OS does, roughly).
const MAX_LINKS: usize = 40;

/// Tells temporaries of one process apart (two writes of the same name at once).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Why a whole-file write failed: the file system, or the caller's content.
#[derive(Debug)]
pub enum WholeError<E> {
    Io(io::Error),
    Content(E),
}

/// Where the bytes for `path` really go.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Destination {
    /// A regular file (or none yet) at this path, after following links: replace whole.
    Replace(PathBuf),
    /// A device, pipe or socket, or an open descriptor (`/dev/stdout`): written through,
    /// since it cannot be renamed over.
    Through(PathBuf),
}

fn is_special(kind: &fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_fifo() || kind.is_char_device() || kind.is_block_device() || kind.is_socket()
    }
    #[cfg(not(unix))]
    {
        !kind.is_file() && !kind.is_dir() && !kind.is_symlink()
    }
}

fn not_a_file(path: &Path) -> io::Error {
    FileRefusal::Folder(path.to_path_buf()).into_io(io::ErrorKind::IsADirectory)
}

/// Whether the link at `link` (pointing to `target`) names an open descriptor, not a
/// file: `/dev/stdout` -> `/proc/self/fd/1`, `/dev/fd/3`, `/proc/self/fd/1`. Its target
/// may be a regular file (stdout redirected to one), but the process writes to that
/// open file, so replacing the file by name would lose the output.
fn is_descriptor_link(link: &Path, target: &Path) -> bool {
    let proc = Path::new("/proc");
    target.starts_with(proc)
        || link
            .parent()
            .and_then(|folder| fs::canonicalize(folder).ok())
            .is_some_and(|folder| folder.starts_with(proc))
}

/// Follows symbolic links from `path` to what they name.
fn destination(path: &Path) -> io::Result<Destination> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Destination::Replace(current));
            }
            Err(e) => return Err(e),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let target = fs::read_link(&current)?;
            if is_descriptor_link(&current, &target) {
                return Ok(Destination::Through(path.to_path_buf()));
            }
            current = match current.parent() {
                Some(parent) if target.is_relative() => parent.join(target),
                _ => target,
            };
        } else if kind.is_dir() {
            return Err(not_a_file(path));
        } else if is_special(&kind) {
            return Ok(Destination::Through(current));
        } else {
            return Ok(Destination::Replace(current));
        }
    }
    Err(FileRefusal::TooManyLinks(path.to_path_buf()).into_io(io::ErrorKind::Other))
}

/// The hidden name beside `target` that its bytes are written under first.
fn temp_path(target: &Path) -> io::Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| not_a_file(target))?;
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        "{TEMP_MARK}{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(target.with_file_name(temp))
}

/// Makes a rename in `folder` durable (a no-op where folders cannot be opened).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Writes `path` with what `fill` writes, whole or not at all, and returns what `fill`
/// returned. A regular file (or a link to one) is replaced only once every byte is on
/// disk; a device or pipe is written through. On failure nothing is left behind.
pub fn write_whole<T, E>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, WholeError<E>> {
    match destination(path).map_err(WholeError::Io)? {
        Destination::Through(device) => {
            let mut out = BufWriter::new(
                // Appending keeps what a shell's `>>` already holds; a terminal or
                // pipe ignores it.
                OpenOptions::new()
                    .append(true)
                    .open(&device)
                    .map_err(WholeError::Io)?,
            );
            let value = fill(&mut out).map_err(WholeError::Content)?;
            out.flush().map_err(WholeError::Io)?;
            Ok(value)
        }
        Destination::Replace(target) => {
            let mut value = None;
            let staged = Staged::write_with(&target, |out| {
                value = Some(fill(out).map_err(WholeError::Content)?);
                Ok(())
            })?;
            staged.publish().map_err(WholeError::Io)?;
            value.ok_or_else(|| {
                WholeError::Io(FileRefusal::NothingWritten.into_io(io::ErrorKind::Other))
            })
        }
    }
}

/// Whether [`write_whole`] writes `path` through (a device, pipe or open descriptor such
/// as `/dev/stdout`) rather than replacing a file; a caller then keeps its own messages
/// off that stream.
pub fn writes_through(path: &Path) -> bool {
    matches!(destination(path), Ok(Destination::Through(_)))
}

/// [`write_whole`] of bytes in hand.
pub fn write_bytes_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_whole(path, |out| out.write_all(bytes)).map_err(|e| match e {
        WholeError::Io(e) | WholeError::Content(e) => e,
    })
}

/// A file written in full under its hidden temporary name, waiting to be renamed to its
/// final name by [`Staged::publish`]. Dropped unpublished, the temporary is removed.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// Writes `bytes` (flushed to disk) under a temporary name beside `path`, the final
    /// name. A link at `path` is followed; a folder, device or pipe there is refused.
    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<Staged> {
        let mut out = StagedWriter::create(path)?;
        out.write_all(bytes)?;
        out.finish()
    }

    fn write_with<E>(
        target: &Path,
        fill: impl FnOnce(&mut dyn Write) -> Result<(), WholeError<E>>,
    ) -> Result<Staged, WholeError<E>> {
        let mut out = StagedWriter::at(target).map_err(WholeError::Io)?;
        fill(&mut out)?;
        out.finish().map_err(WholeError::Io)
    }

    /// Reserves an empty hidden temporary beside `path` for a writer that needs a path
    /// of its own (SQLite's backup); [`Staged::sync_and_publish`] once it is complete.
    pub fn reserve(path: &Path) -> io::Result<Staged> {
        Staged::write(path, &[])
    }

    /// Where a reserved file is being written.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Flushes what another writer put in the temporary to disk, then publishes it.
    pub fn sync_and_publish(self) -> io::Result<()> {
        File::open(&self.temp)?.sync_all()?;
        self.publish()
    }

    /// The final name.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the file to its final name and makes the rename durable.
    pub fn publish(self) -> io::Result<()> {
        publish_all(vec![self])
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// A file being written bit by bit under its hidden temporary name (a statement run's
/// combined PDF, written as the statements come), staged by [`StagedWriter::finish`]
/// once all of it is on disk. Dropped unfinished, the temporary is removed.
#[derive(Debug)]
pub struct StagedWriter {
    staged: Staged,
    out: BufWriter<File>,
}

impl StagedWriter {
    /// Opens the temporary beside `path`, the final name. A link at `path` is followed;
    /// a folder, device or pipe there is refused.
    pub fn create(path: &Path) -> io::Result<StagedWriter> {
        match destination(path)? {
            Destination::Replace(target) => StagedWriter::at(&target),
            Destination::Through(_) => {
                Err(FileRefusal::DeviceOrPipe(path.to_path_buf()).into_io(io::ErrorKind::Other))
            }
        }
    }

    fn at(target: &Path) -> io::Result<StagedWriter> {
        let temp = temp_path(target)?;
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        // From here on, dropping `staged` removes the temporary.
        let staged = Staged {
            temp,
            target: target.to_path_buf(),
        };
        // A file replaced keeps its permissions (a report shared with a group stays so).
        if let Ok(meta) = fs::metadata(target) {
            let _ = fs::set_permissions(&staged.temp, meta.permissions());
        }
        Ok(StagedWriter {
            staged,
            out: BufWriter::new(file),
        })
    }

    /// Flushes everything written to disk: the file is staged, ready to publish.
    pub fn finish(self) -> io::Result<Staged> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(self.staged)
    }
}

impl Write for StagedWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Renames every staged file to its final name, in order, then syncs their folders. On
/// a failure the files not yet renamed are removed and the error returned.
pub fn publish_all(staged: Vec<Staged>) -> io::Result<()> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for mut file in staged {
        fs::rename(&file.temp, &file.target)?;
        // Renamed: nothing left for `drop` to remove.
        file.temp = PathBuf::new();
        let folder = file
            .target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    for folder in folders {
        sync_folder(&folder);
    }
    Ok(())
}

/// Whether the process `pid` still runs, where that can be told (Linux's `/proc`).
fn still_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(pid.to_string()).exists()
}

/// Removes the temporaries that runs killed before they finished left in `folder`
/// (never those of a process still running); returns how many were removed.
pub fn remove_stale_temporaries(folder: &Path) -> io::Result<usize> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(pid) = temporary_pid(&name.to_string_lossy()) else {
            continue;
        };
        if still_running(pid) || !entry.file_type()?.is_file() {
            continue;
        }
        match fs::remove_file(entry.path()) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

/// The process id in a temporary's name (`.NAME.owed-tmp-PID-N`), if it is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (_, tail) = rest.rsplit_once(TEMP_MARK)?;
    let (pid, counter) = tail.split_once('-')?;
    counter.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether `name` is one of our temporaries (to leave out of listings and checks).
pub fn is_temporary(name: &str) -> bool {
    temporary_pid(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        write_bytes_whole(&path, b"new contents").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new contents");
        assert_eq!(names(dir.path()), ["out.csv"]);
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let result = write_whole(&path, |out| {
            out.write_all(b"half").map_err(|e| e.to_string())?;
            Err::<(), _>("the export failed".to_string())
        });
        assert!(matches!(result, Err(WholeError::Content(ref m)) if m == "the export failed"));
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["out.csv"]);
    }

    #[test]
    fn a_staged_file_appears_only_when_published() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("C001.pdf");
        let staged = Staged::write(&path, b"%PDF-1.7").unwrap();
        assert!(!path.exists());
        let listed = names(dir.path());
        assert_eq!(listed.len(), 1);
        assert!(is_temporary(&listed[0]), "{listed:?}");
        staged.publish().unwrap();
        assert_eq!(names(dir.path()), ["C001.pdf"]);

        let dropped = Staged::write(&dir.path().join("C002.pdf"), b"x").unwrap();
        drop(dropped);
        assert_eq!(names(dir.path()), ["C001.pdf"]);
    }

    #[test]
    fn a_reserved_file_is_written_by_another_writer_then_published() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.owed");
        let reserved = Staged::reserve(&path).unwrap();
        assert!(!path.exists());
        fs::write(reserved.temp_path(), b"SQLite format 3\0").unwrap();
        reserved.sync_and_publish().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"SQLite format 3\0");
        assert_eq!(names(dir.path()), ["copy.owed"]);
    }

    #[test]
    fn a_folder_is_not_a_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_bytes_whole(dir.path(), b"x").unwrap_err();
        assert!(error.to_string().contains("is a folder"), "{error}");
    }

    #[test]
    fn temporaries_of_dead_processes_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has a pid this large on Linux (the maximum is 2^22).
        let dead = format!(".C001-2026-10.pdf{TEMP_MARK}{}-0", u32::MAX - 1);
        let mine = format!(".C002-2026-10.pdf{TEMP_MARK}{}-7", std::process::id());
        for name in [&dead, &mine, &"C003-2026-10.pdf".to_string()] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        assert_eq!(remove_stale_temporaries(dir.path()).unwrap(), 1);
        let mut expected = vec![mine.clone(), "C003-2026-10.pdf".to_string()];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        assert_eq!(temporary_pid(&mine), Some(std::process::id()));
        assert!(!is_temporary("C003-2026-10.pdf"));
        assert!(!is_temporary(".owed-tmp-notes"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_its_target_gets_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.csv");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        write_bytes_whole(&link, b"through the link").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"through the link");
        assert_eq!(names(dir.path()), ["link.csv", "real.csv"]);
    }
}
