//! What a file is, told by its first bytes, for a refusal to say when a file is not what
//! was asked for (a logo that is a GIF, a "book" that is a PDF). The `Display` is the
//! English the command line prints; the screens say it in their language
//! (`src/i18n/errors/files.rs`).

use std::fmt;

/// A kind of file, as a refusal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Empty,
    Pdf,
    /// A ZIP container (XLSX and ODS are ZIPs too).
    Zip,
    /// Starts like an SQLite database but is too short to be one.
    TruncatedSqlite,
    Gif,
    WebP,
    SvgOrXml,
    Bmp,
    Text,
    Other,
}

/// A file's kind and its size in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: FileKind,
    pub bytes: u64,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Empty => "an empty file",
            FileKind::Pdf => "a PDF file",
            FileKind::Zip => "a ZIP archive (perhaps a spreadsheet)",
            FileKind::TruncatedSqlite => "a truncated SQLite database",
            FileKind::Gif => "a GIF image",
            FileKind::WebP => "a WebP image",
            FileKind::SvgOrXml => "an SVG or XML file",
            FileKind::Bmp => "a BMP image",
            FileKind::Text => "a text file",
            FileKind::Other => "a file of another kind",
        })
    }
}

impl fmt::Display for Sniffed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} bytes)", self.kind, self.bytes)
    }
}

/// What the file starting with `head` is; `bytes` is its whole size.
pub fn sniff(head: &[u8], bytes: u64) -> Sniffed {
    Sniffed {
        kind: kind_of(head),
        bytes,
    }
}

fn kind_of(head: &[u8]) -> FileKind {
    if head.is_empty() {
        FileKind::Empty
    } else if head.starts_with(b"%PDF") {
        FileKind::Pdf
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        FileKind::Zip
    } else if head.starts_with(b"SQLite format") {
        FileKind::TruncatedSqlite
    } else if head.starts_with(b"GIF8") {
        FileKind::Gif
    } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        FileKind::WebP
    } else if head.starts_with(b"<svg") || head.starts_with(b"<?xml") {
        FileKind::SvgOrXml
    } else if is_text(head) {
        // Before the BMP's two letters, which a text may start with too.
        FileKind::Text
    } else if head.starts_with(b"BM") {
        FileKind::Bmp
    } else {
        FileKind::Other
    }
}

/// Text: UTF-8 (a character cut at the end of `head` is fine) with no control
/// characters but white space.
fn is_text(head: &[u8]) -> bool {
    let head = &head[..head.len().min(256)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    text.chars().all(|c| !c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_by_their_first_bytes() {
        for (head, kind) in [
            (&b""[..], FileKind::Empty),
            (b"%PDF-1.7\n", FileKind::Pdf),
            (b"PK\x03\x04\x14\x00", FileKind::Zip),
            (b"SQLite format 3\0", FileKind::TruncatedSqlite),
            (b"GIF89a\x01\x00", FileKind::Gif),
            (b"RIFF\x10\x00\x00\x00WEBPVP8 ", FileKind::WebP),
            (b"<svg xmlns=", FileKind::SvgOrXml),
            (b"BM\x36\x00\x00\x00\x00\x00", FileKind::Bmp),
            (b"BMW,Audi\n", FileKind::Text),
            ("Łódź;12,50\n".as_bytes(), FileKind::Text),
            (b"\x00\x01\x02\x03", FileKind::Other),
        ] {
            assert_eq!(sniff(head, 9).kind, kind, "{head:?}");
        }
        // A character cut by the end of what was read is still text.
        let cut = &"Zażółć".as_bytes()[..3];
        assert_eq!(sniff(cut, 100).kind, FileKind::Text);
        assert_eq!(sniff(b"%PDF", 1234).to_string(), "a PDF file (1234 bytes)");
    }
}
