//! What a file is when it is not what was asked for, in the language chosen: a path
//! that is not a regular file ([`NotAFile`]), a file told by its first bytes
//! ([`Sniffed`]), and a file that is not an Owed book ([`WhatItIs`]). The English is the
//! values' `Display` word for word (the tests hold them together).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::domain::file_kind::{FileKind, Sniffed};
use crate::files::FileRefusal;
use crate::files::read::NotAFile;
use crate::import::{Document, NotStatement, Packed};
use crate::store::{BackupProblem, ReadOnlyWhy, WhatItIs};

/// An I/O error in the language of `loader`: a refusal of ours ([`FileRefusal`]) said in
/// it, the system's own words as they are.
pub fn io_text(error: &std::io::Error, loader: &FluentLanguageLoader) -> String {
    match FileRefusal::inside(error) {
        Some(refusal) => refusal.described_in(loader),
        None => error.to_string(),
    }
}

impl Described for FileRefusal {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            FileRefusal::Folder(path) => fl!(
                loader,
                "file-refused-folder",
                path = path.display().to_string()
            ),
            FileRefusal::DeviceOrPipe(path) => fl!(
                loader,
                "file-refused-device",
                path = path.display().to_string()
            ),
            FileRefusal::TooManyLinks(path) => fl!(
                loader,
                "file-refused-links",
                path = path.display().to_string()
            ),
            FileRefusal::AlreadyExists => fl!(loader, "file-refused-exists"),
            FileRefusal::LogNotFolded => fl!(loader, "file-refused-log"),
            FileRefusal::NothingWritten => fl!(loader, "file-refused-nothing-written"),
        }
    }
}

impl Described for NotAFile {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            NotAFile::Folder => fl!(loader, "not-a-file-folder"),
            NotAFile::NamedPipe => fl!(loader, "not-a-file-named-pipe"),
            NotAFile::Device => fl!(loader, "not-a-file-device"),
            NotAFile::Socket => fl!(loader, "not-a-file-socket"),
            NotAFile::Other => fl!(loader, "not-a-file-other"),
        }
    }
}

impl Described for FileKind {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            FileKind::Empty => fl!(loader, "file-kind-empty"),
            FileKind::Pdf => fl!(loader, "file-kind-pdf"),
            FileKind::Zip => fl!(loader, "file-kind-zip"),
            FileKind::TruncatedSqlite => fl!(loader, "file-kind-truncated-sqlite"),
            FileKind::Gif => fl!(loader, "file-kind-gif"),
            FileKind::WebP => fl!(loader, "file-kind-webp"),
            FileKind::SvgOrXml => fl!(loader, "file-kind-svg-or-xml"),
            FileKind::Bmp => fl!(loader, "file-kind-bmp"),
            FileKind::Text => fl!(loader, "file-kind-text"),
            FileKind::Other => fl!(loader, "file-kind-other"),
        }
    }
}

impl Described for Sniffed {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        fl!(
            loader,
            "file-sniffed",
            kind = self.kind.described_in(loader),
            // A file's size in bytes, as the command prints it: never grouped.
            bytes = self.bytes.to_string()
        )
    }
}

impl Described for WhatItIs {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            WhatItIs::Folder => fl!(loader, "not-a-book-folder"),
            WhatItIs::Foreign(sniffed) => sniffed.described_in(loader),
            WhatItIs::Truncated { bytes, expected } => fl!(
                loader,
                "not-a-book-truncated",
                bytes = bytes.to_string(),
                expected = expected.to_string()
            ),
            WhatItIs::OtherProgram { app_id: None } => fl!(loader, "not-a-book-other-program"),
            WhatItIs::OtherProgram { app_id: Some(id) } => fl!(
                loader,
                "not-a-book-other-program-id",
                id = format!("{id:#x}")
            ),
            WhatItIs::Unfinished => fl!(loader, "not-a-book-unfinished"),
            WhatItIs::Vanished => fl!(loader, "not-a-book-vanished"),
        }
    }
}

impl Described for ReadOnlyWhy {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ReadOnlyWhy::FileReadOnly => fl!(loader, "read-only-file"),
            ReadOnlyWhy::FolderReadOnly => fl!(loader, "read-only-folder"),
            ReadOnlyWhy::DiskReadOnly => fl!(loader, "read-only-disk"),
            ReadOnlyWhy::DiskFull => fl!(loader, "read-only-disk-full"),
            ReadOnlyWhy::OnlyForReading => fl!(loader, "read-only-for-reading"),
            ReadOnlyWhy::Other(why) => why.clone(),
        }
    }
}

impl Described for BackupProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            BackupProblem::NoSuchFile => fl!(loader, "backup-no-such-file"),
            BackupProblem::NotSqlite => fl!(loader, "backup-not-sqlite"),
            BackupProblem::NotOwed => fl!(loader, "backup-not-owed"),
            BackupProblem::Newer { version, supported } => fl!(
                loader,
                "backup-newer",
                // Versions, not counts: never grouped.
                version = version.to_string(),
                supported = supported.to_string()
            ),
            BackupProblem::Unfinished => fl!(loader, "backup-unfinished"),
            BackupProblem::Damaged(found) => {
                fl!(loader, "backup-damaged", found = found.as_str())
            }
            // SQLite's own words.
            BackupProblem::Sqlite(error) => error.clone(),
            BackupProblem::InMemory => fl!(loader, "backup-in-memory"),
        }
    }
}

impl Described for NotStatement {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            NotStatement::NotAFile(what) => what.described_in(loader),
            NotStatement::TooBig { size, most } => fl!(
                loader,
                "not-statement-too-big",
                size = size.as_str(),
                most = most.as_str()
            ),
            // The system's own words.
            NotStatement::Io(error) => error.clone(),
            NotStatement::Pdf => fl!(loader, "not-statement-pdf"),
            NotStatement::Packed(packed) => match packed {
                Packed::Gzip => fl!(loader, "not-statement-gzip"),
                Packed::SevenZip => fl!(loader, "not-statement-7z"),
                Packed::Rar => fl!(loader, "not-statement-rar"),
                Packed::Zip => fl!(loader, "not-statement-zip"),
            },
            NotStatement::Document(document) => match document {
                Document::Docx => fl!(loader, "not-statement-docx"),
                Document::Doc => fl!(loader, "not-statement-doc"),
                Document::OtherOffice => fl!(loader, "not-statement-other-office"),
            },
            NotStatement::Image(name) => {
                fl!(loader, "not-statement-image", name = name.to_string())
            }
            NotStatement::Sqlite => fl!(loader, "not-statement-sqlite"),
            NotStatement::Encrypted => fl!(loader, "not-statement-encrypted"),
            NotStatement::Unreadable { kind, reason: None } => {
                fl!(loader, "not-statement-damaged", kind = kind.to_string())
            }
            NotStatement::Unreadable {
                kind,
                reason: Some(reason),
            } => fl!(
                loader,
                "not-statement-unreadable",
                kind = kind.to_string(),
                reason = reason.as_str()
            ),
            NotStatement::TooManyCells { millions } => fl!(
                loader,
                "not-statement-too-many-cells",
                millions = millions.to_string()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file_kind::sniff;
    use crate::files::read::LogoUnread;
    use crate::i18n::errors::said::{chinese, english, has_chinese};
    use crate::i18n::{Language, loader_for};

    #[test]
    fn what_a_path_is_that_is_not_a_file_in_either_language() {
        for what in [
            NotAFile::Folder,
            NotAFile::NamedPipe,
            NotAFile::Device,
            NotAFile::Socket,
            NotAFile::Other,
        ] {
            assert_eq!(english(&what), what.to_string());
            assert!(has_chinese(&chinese(&what)), "{}", chinese(&what));
        }
        let io = LogoUnread::Io("Permission denied (os error 13)".into());
        assert_eq!(chinese(&io), io.to_string());
    }

    #[test]
    fn what_a_file_is_in_either_language() {
        let kinds = [
            FileKind::Empty,
            FileKind::Pdf,
            FileKind::Zip,
            FileKind::TruncatedSqlite,
            FileKind::Gif,
            FileKind::WebP,
            FileKind::SvgOrXml,
            FileKind::Bmp,
            FileKind::Text,
            FileKind::Other,
        ];
        for kind in kinds {
            let sniffed = Sniffed { kind, bytes: 12345 };
            assert_eq!(english(&sniffed), sniffed.to_string());
            let said = chinese(&sniffed);
            assert!(has_chinese(&said) && said.contains("12345"), "{said}");
        }
        for what in [
            WhatItIs::Folder,
            WhatItIs::Foreign(sniff(b"%PDF-1.4", 2048)),
            WhatItIs::Truncated {
                bytes: 4096,
                expected: 8192,
            },
            WhatItIs::OtherProgram { app_id: None },
            WhatItIs::OtherProgram {
                app_id: Some(0x0f0f),
            },
            WhatItIs::Unfinished,
            WhatItIs::Vanished,
        ] {
            assert_eq!(english(&what), what.to_string());
            let said = chinese(&what);
            assert!(has_chinese(&said), "{said}");
            assert!(!said.contains(" of "), "{said}");
        }
        let other = WhatItIs::OtherProgram {
            app_id: Some(0x0f0f),
        };
        assert!(chinese(&other).contains("0xf0f"), "{}", chinese(&other));
    }

    #[test]
    fn why_a_book_cannot_be_written_or_restored_in_either_language() {
        for why in [
            ReadOnlyWhy::FileReadOnly,
            ReadOnlyWhy::FolderReadOnly,
            ReadOnlyWhy::DiskReadOnly,
            ReadOnlyWhy::DiskFull,
            ReadOnlyWhy::OnlyForReading,
        ] {
            assert_eq!(english(&why), why.to_string());
            assert!(has_chinese(&chinese(&why)), "{}", chinese(&why));
        }
        for problem in [
            BackupProblem::NoSuchFile,
            BackupProblem::NotSqlite,
            BackupProblem::NotOwed,
            BackupProblem::Newer {
                version: 17,
                supported: 16,
            },
            BackupProblem::Unfinished,
            BackupProblem::Damaged("row 3 missing from index".into()),
            BackupProblem::InMemory,
        ] {
            assert_eq!(english(&problem), problem.to_string());
            let said = chinese(&problem);
            assert!(has_chinese(&said), "{said}");
        }
        let newer = BackupProblem::Newer {
            version: 17,
            supported: 16,
        };
        assert!(chinese(&newer).contains("17") && chinese(&newer).contains("16"));
        let damaged = BackupProblem::Damaged("row 3 missing from index".into());
        assert!(chinese(&damaged).contains("row 3 missing from index"));
    }

    #[test]
    fn why_a_file_is_not_a_statement_in_either_language() {
        for why in [
            NotStatement::NotAFile(NotAFile::Device),
            NotStatement::TooBig {
                size: "300 MB".into(),
                most: "256 MB".into(),
            },
            NotStatement::Pdf,
            NotStatement::Packed(Packed::Gzip),
            NotStatement::Packed(Packed::SevenZip),
            NotStatement::Packed(Packed::Rar),
            NotStatement::Packed(Packed::Zip),
            NotStatement::Document(Document::Docx),
            NotStatement::Document(Document::Doc),
            NotStatement::Document(Document::OtherOffice),
            NotStatement::Image("PNG"),
            NotStatement::Sqlite,
            NotStatement::Encrypted,
            NotStatement::Unreadable {
                kind: "XLS",
                reason: None,
            },
            NotStatement::Unreadable {
                kind: "XLSX",
                reason: Some("invalid zip header".into()),
            },
            NotStatement::TooManyCells { millions: 4 },
        ] {
            assert_eq!(english(&why), why.to_string());
            let said = chinese(&why);
            assert!(has_chinese(&said), "{said}");
            assert!(!said.contains("export"), "{said}");
        }
        let big = NotStatement::TooBig {
            size: "300 MB".into(),
            most: "256 MB".into(),
        };
        assert!(chinese(&big).contains("300 MB") && chinese(&big).contains("--max-size"));
        let cells = chinese(&NotStatement::TooManyCells { millions: 4 });
        assert!(cells.contains("4 百万"), "{cells}");
    }

    #[test]
    fn our_own_refusals_inside_io_errors_are_said_in_either_language() {
        use std::io::ErrorKind;
        for refusal in [
            FileRefusal::Folder("/tmp/out".into()),
            FileRefusal::DeviceOrPipe("/dev/null".into()),
            FileRefusal::TooManyLinks("/tmp/loop".into()),
            FileRefusal::AlreadyExists,
            FileRefusal::LogNotFolded,
            FileRefusal::NothingWritten,
        ] {
            let error = refusal.clone().into_io(ErrorKind::Other);
            let english = io_text(&error, &loader_for(Language::English));
            assert_eq!(english, refusal.to_string());
            assert_eq!(english, error.to_string());
            let said = io_text(&error, &loader_for(Language::SimplifiedChinese));
            assert!(has_chinese(&said), "{said}");
        }
        // The system's own words stay as they are.
        let system = std::io::Error::new(ErrorKind::PermissionDenied, "Permission denied");
        assert_eq!(
            io_text(&system, &loader_for(Language::SimplifiedChinese)),
            "Permission denied"
        );
    }
}
