//! How the CLI prints: aligned tables for people, CSV and JSON for scripts.
//! Amounts in CSV and JSON are exact decimal strings.

use std::io::{IsTerminal, Write};
use std::str::FromStr;

use unicode_width::UnicodeWidthStr;

use crate::csv_out::CsvOut;
use crate::domain::text::{for_terminal, for_terminal_lines};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(text: &str) -> Result<Format, String> {
        match text {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            other => Err(format!("format must be table, csv or json, not '{other}'")),
        }
    }
}

/// A table: header, which columns are numbers (right-aligned), rows.
pub struct Table {
    pub headers: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// Rows printed after a rule (totals).
    pub footer: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str], numeric: &[bool]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            numeric: numeric.to_vec(),
            rows: Vec::new(),
            footer: Vec::new(),
        }
    }

    /// A table whose headers are already words ([`headers`] chose them for the format).
    pub fn headed(headers: Vec<String>, numeric: &[bool]) -> Table {
        Table {
            headers,
            numeric: numeric.to_vec(),
            rows: Vec::new(),
            footer: Vec::new(),
        }
    }

    /// Column-aligned text; wide (CJK) characters count as two columns. Every cell is
    /// passed through [`for_terminal`] first, so a control or bidi character an older
    /// book still holds is shown escaped: it can neither drive the terminal nor shift
    /// the columns after it.
    pub fn render(&self) -> String {
        let columns = self.headers.len();
        let shown = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|c| for_terminal(c).into_owned()).collect()
        };
        let headers = shown(&self.headers);
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| shown(r)).collect();
        let footer: Vec<Vec<String>> = self.footer.iter().map(|r| shown(r)).collect();
        let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
        for row in rows.iter().chain(&footer) {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate().take(columns) {
                let pad = widths[i].saturating_sub(cell.width());
                if i > 0 {
                    out.push_str("  ");
                }
                if self.numeric.get(i).copied().unwrap_or(false) {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    if i + 1 < columns {
                        out.push_str(&" ".repeat(pad));
                    }
                }
            }
            out.trim_end().to_string()
        };
        let mut out = String::new();
        out.push_str(&line(&headers));
        out.push('\n');
        let rule: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
        out.push_str(&"-".repeat(rule));
        out.push('\n');
        for row in &rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        if !footer.is_empty() {
            out.push_str(&"-".repeat(rule));
            out.push('\n');
            for row in &footer {
                out.push_str(&line(row));
                out.push('\n');
            }
        }
        out
    }

    /// RFC 4180 CSV with the header row; totals rows are left out (they are derived).
    /// Written by [`CsvOut`], so text cells are formula-safe.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut writer = CsvOut::new(Vec::new());
        writer.record(&self.headers)?;
        for row in &self.rows {
            writer.record(row)?;
        }
        let bytes = writer.into_inner()?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// A table's column headers: in a table for people, in the language chosen (`said`);
/// in CSV always the English words, the columns scripts and spreadsheets read by name.
pub fn headers(
    format: Format,
    english: &[&str],
    said: impl FnOnce() -> Vec<String>,
) -> Vec<String> {
    match format {
        Format::Table => said(),
        Format::Csv | Format::Json => english.iter().map(|h| h.to_string()).collect(),
    }
}

/// Writes to stdout, ignoring a closed pipe (`owed aging | head`). On a terminal, a
/// control or bidi character from the book (only an older book can still hold one) is
/// shown escaped, so a CSV or a line that echoes a name cannot drive the terminal;
/// into a pipe or file the text goes as it is, for the program reading it.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let text = if stdout.is_terminal() {
        for_terminal_lines(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let _ = stdout.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = stdout.write_all(b"\n");
    }
}

/// Writes to stdout what `fill` writes, as it writes it (a large document is never held
/// whole), with [`print`]'s rules: a closed pipe ends it quietly, a terminal gets each
/// line escaped, and the output ends with a new line.
pub fn print_streamed(
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let stdout = std::io::stdout().lock();
    let terminal = stdout.is_terminal();
    let mut out = Lines {
        out: std::io::BufWriter::new(stdout),
        terminal,
        pending: Vec::new(),
        last: None,
    };
    match fill(&mut out).and_then(|()| out.finish()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        done => done,
    }
}

/// [`print_streamed`]'s writer. For a terminal it holds back the unfinished line, so
/// each line is escaped whole (escaping works character by character, so line by line
/// gives what the whole text would).
struct Lines<W: Write> {
    out: W,
    terminal: bool,
    pending: Vec<u8>,
    last: Option<u8>,
}

impl<W: Write> Lines<W> {
    fn write_lines(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        self.out.write_all(for_terminal_lines(&text).as_bytes())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.write_lines(&rest)?;
        if self.last != Some(b'\n') {
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Some(last) = bytes.last() {
            self.last = Some(*last);
        }
        if !self.terminal {
            self.out.write_all(bytes)?;
            return Ok(bytes.len());
        }
        self.pending.extend_from_slice(bytes);
        if let Some(end) = self.pending.iter().rposition(|b| *b == b'\n') {
            let lines: Vec<u8> = self.pending.drain(..=end).collect();
            self.write_lines(&lines)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_numbers_right_and_counts_wide_characters() {
        let mut table = Table::new(&["code", "name", "balance"], &[false, false, true]);
        table
            .rows
            .push(vec!["C1".into(), "华星".into(), "5.00".into()]);
        table
            .rows
            .push(vec!["C2".into(), "Acme".into(), "1,250.00".into()]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "C1    华星      5.00");
        assert_eq!(lines[3], "C2    Acme  1,250.00");
        assert!(table.to_csv().unwrap().starts_with("code,name,balance\n"));
    }

    #[test]
    fn hidden_characters_from_an_old_book_neither_run_nor_shift_the_columns() {
        let mut table = Table::new(&["code", "name", "balance"], &[false, false, true]);
        let names = [
            "Cafe\u{301} Mu\u{308}ller",
            "深圳华星贸易",
            "😀 Smile Ltd",
            "Tab\there",
            "Bell\u{7}\u{1b}[2J",
            "Acme\u{202E}gpj.exe",
            "Zero\u{200B}width",
            "Line\nbreak",
        ];
        for (i, name) in names.iter().enumerate() {
            table
                .rows
                .push(vec![format!("C{i}"), name.to_string(), "1.00".into()]);
        }
        let text = table.render();
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c)),
            "{text:?}"
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2 + names.len(), "one line per row");
        let width = lines[0].width();
        for line in &lines[2..] {
            assert_eq!(line.width(), width, "{line:?} is as wide as the header");
            assert!(line.ends_with("1.00"));
        }
        assert!(text.contains("Tab\\there") && text.contains("Bell\\u{7}\\u{1b}[2J"));
        assert!(text.contains("Acme\\u{202e}gpj.exe"));
    }

    #[test]
    fn streamed_lines_are_escaped_for_a_terminal_only_and_end_with_a_new_line() {
        let write = |terminal: bool, pieces: &[&str]| {
            let mut lines = Lines {
                out: Vec::new(),
                terminal,
                pending: Vec::new(),
                last: None,
            };
            for piece in pieces {
                lines.write_all(piece.as_bytes()).unwrap();
            }
            lines.finish().unwrap();
            String::from_utf8(lines.out).unwrap()
        };
        // A bidi override split across writes, and a line cut in the middle.
        let pieces = ["{\n  \"name\": \"ab\u{202e}", "cd\"\n", "}"];
        assert_eq!(
            write(false, &pieces),
            "{\n  \"name\": \"ab\u{202e}cd\"\n}\n"
        );
        assert_eq!(
            write(true, &pieces),
            "{\n  \"name\": \"ab\\u{202e}cd\"\n}\n"
        );
        assert_eq!(write(false, &["done\n"]), "done\n");
    }
}
