//! Text to records: a forgiving CSV reader that remembers each record's 1-based line,
//! takes CR, LF, CRLF and CR CR LF line ends, spaces and tabs around quotes and
//! delimiters, stray quotes inside fields, Excel's `="..."` cells and quoted fields that
//! run over lines; and the choice of delimiter (`,` `;` tab `|`, spaced or not).

/// One record of the file, fields trimmed of surrounding white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    pub fn field(&self, index: usize) -> &str {
        self.fields
            .get(index)
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub fn non_empty(&self) -> usize {
        self.fields.iter().filter(|f| !f.is_empty()).count()
    }

    pub fn is_blank(&self) -> bool {
        self.non_empty() == 0
    }

    /// The record's non-empty fields, for messages and skipped-row notes.
    pub fn summary(&self) -> String {
        let text: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| !f.is_empty())
            .map(String::as_str)
            .collect();
        let text = text.join(" | ");
        match text.char_indices().nth(120) {
            Some((at, _)) => format!("{}…", &text[..at]),
            None => text,
        }
    }
}

/// A quoted field may run over at most this many line ends; past that its opening quote
/// is taken as a stray quote, so one bad quote cannot swallow the rest of the file.
const MAX_LINES_IN_FIELD: usize = 20;

/// Splits `text` into records with `delimiter`.
pub(crate) fn split(text: &str, delimiter: char) -> Vec<Record> {
    records(text, delimiter).map(|(_, record)| record).collect()
}

/// The records of `text` one at a time, each with the byte offset where it starts: a
/// big file is read without a copy of it, and a record is found again from its offset
/// (see [`record_at`]).
pub(crate) fn records(text: &str, delimiter: char) -> impl Iterator<Item = (usize, Record)> {
    let mut reader = Reader::new(text, 0, 1, delimiter, true);
    std::iter::from_fn(move || reader.next_record())
}

/// Reads records from `text`, a whole file or (`complete` false) the part of one read so
/// far: a record whose reading looks past the end of such a part is not returned (the
/// reader is `starved`) and is read again once more text is there.
pub(crate) struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    pos: usize,
    line: usize,
    delimiter: char,
    complete: bool,
    starved: bool,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(
        text: &'a str,
        pos: usize,
        line: usize,
        delimiter: char,
        complete: bool,
    ) -> Reader<'a> {
        Reader {
            text,
            pos,
            line,
            delimiter,
            complete,
            starved: false,
        }
    }

    /// Where the reader is: the byte offset and line of the next record.
    pub(crate) fn position(&self) -> (usize, usize) {
        (self.pos, self.line)
    }

    /// The next record and its byte offset; `None` at the end of the text (or of a part
    /// of it, when a record runs past it: then the reader stays where the record starts).
    pub(crate) fn next_record(&mut self) -> Option<(usize, Record)> {
        if self.pos >= self.text.len() {
            self.starved = !self.complete;
            return None;
        }
        let (start, line) = (self.pos, self.line);
        let record = self.record();
        if self.starved {
            self.pos = start;
            self.line = line;
            return None;
        }
        Some((start, record))
    }

    /// The character `ahead` characters after the next one (`0`: the next).
    fn peek(&mut self, ahead: usize) -> Option<char> {
        let found = self.text.get(self.pos..)?.chars().nth(ahead);
        if found.is_none() && !self.complete {
            self.starved = true;
        }
        found
    }

    /// Moves past the next character.
    fn skip(&mut self) {
        if let Some(ch) = self.text.get(self.pos..).and_then(|t| t.chars().next()) {
            self.pos += ch.len_utf8();
        }
    }

    /// Length in bytes of the line end at the next character, 0 when there is none.
    fn line_end(&mut self) -> usize {
        line_end_of(self.text.get(self.pos..).unwrap_or_default(), || {
            !self.complete
        })
        .unwrap_or_else(|| {
            self.starved = true;
            0
        })
    }

    fn is_blank(&self, ch: char) -> bool {
        ch != self.delimiter && (ch == ' ' || ch == '\t' || ch == '\u{a0}')
    }

    fn record(&mut self) -> Record {
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let (field, end) = self.field();
            fields.push(field.trim().to_string());
            if self.starved {
                break;
            }
            match end {
                End::Delimiter => self.skip(),
                End::Line(len) => {
                    self.pos += len;
                    self.line += 1;
                    break;
                }
                End::Eof => break,
            }
        }
        Record { line, fields }
    }

    /// Whether the quote at the next character has a closing quote within the allowed
    /// lines.
    fn quote_closes(&mut self) -> bool {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let mut lines = 0;
        let mut at = 1; // past the opening quote
        let bytes = rest.as_bytes();
        while at < bytes.len() {
            match bytes[at] {
                b'"' if bytes.get(at + 1) == Some(&b'"') => at += 2,
                b'"' => {
                    // A quote last in a part of the file may be the first of a `""`.
                    if at + 1 == bytes.len() && !self.complete {
                        self.starved = true;
                    }
                    return true;
                }
                b'\r' | b'\n' => match line_end_of(&rest[at..], || !self.complete) {
                    Some(end) => {
                        lines += 1;
                        if lines > MAX_LINES_IN_FIELD {
                            return false;
                        }
                        at += end;
                    }
                    None => {
                        self.starved = true;
                        return false;
                    }
                },
                _ => at += 1,
            }
        }
        if !self.complete {
            self.starved = true;
        }
        false
    }

    fn field(&mut self) -> (String, End) {
        let mut text = String::new();
        while self.peek(0).is_some_and(|c| self.is_blank(c)) {
            self.skip();
        }
        if self.peek(0) == Some('=') && self.peek(1) == Some('"') {
            self.skip();
        }
        if self.peek(0) == Some('"') && self.quote_closes() {
            self.skip();
            loop {
                match self.peek(0) {
                    Some('"') if self.peek(1) == Some('"') => {
                        text.push('"');
                        self.pos += 2;
                    }
                    Some('"') => {
                        self.skip();
                        break;
                    }
                    Some(ch) => {
                        let end = self.line_end();
                        if end > 0 {
                            text.push('\n');
                            self.pos += end;
                            self.line += 1;
                        } else {
                            text.push(ch);
                            self.skip();
                        }
                    }
                    None => break,
                }
                if self.starved {
                    return (text, End::Eof);
                }
            }
            // After the closing quote: blanks, then normally the delimiter or line end;
            // anything else is kept as unquoted text (a stray quote inside the field).
            let mark = self.pos;
            while self.peek(0).is_some_and(|c| self.is_blank(c)) {
                self.skip();
            }
            if let Some(end) = self.end_here() {
                return (text, end);
            }
            self.pos = mark;
        }
        loop {
            if let Some(end) = self.end_here() {
                return (text, end);
            }
            if let Some(ch) = self.peek(0) {
                text.push(ch);
                self.skip();
            }
        }
    }

    fn end_here(&mut self) -> Option<End> {
        match self.peek(0) {
            None => Some(End::Eof),
            Some(ch) if ch == self.delimiter => Some(End::Delimiter),
            Some(_) => match self.line_end() {
                0 => None,
                len => Some(End::Line(len)),
            },
        }
    }
}

/// The length in bytes of the line end `text` starts with (CR CR LF, CR LF, CR or LF),
/// 0 when it starts with none; `None` when `text` ends inside what may be a longer line
/// end and `more` says the text goes on.
fn line_end_of(text: &str, more: impl Fn() -> bool) -> Option<usize> {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let short = |needed: usize| b.len() < needed && more();
    match (at(0), at(1), at(2)) {
        (Some(b'\r'), Some(b'\r'), Some(b'\n')) => Some(3),
        (Some(b'\r'), Some(b'\r'), None) if short(3) => None,
        (Some(b'\r'), Some(b'\n'), _) => Some(2),
        (Some(b'\r'), None, _) if short(2) => None,
        (Some(b'\r' | b'\n'), _, _) => Some(1),
        _ => Some(0),
    }
}

enum End {
    Delimiter,
    Line(usize),
    Eof,
}

/// The delimiter chosen, and whether it is written with spaces around it (` ; `).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Delimiter {
    pub ch: char,
    pub spaced: bool,
}

impl Delimiter {
    pub fn describe(self) -> String {
        let name = match self.ch {
            '\t' => "\\t".to_string(),
            ch => ch.to_string(),
        };
        if self.spaced {
            format!(" {name} ")
        } else {
            name
        }
    }
}

const CANDIDATES: [char; 4] = [',', ';', '\t', '|'];

/// Picks the delimiter that splits the most records into the same number of fields.
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let sample: String = sample_lines(text, 400);
    let mut best = (0usize, ',');
    for ch in CANDIDATES {
        let counts: Vec<usize> = split(&sample, ch)
            .iter()
            .filter(|r| !r.is_blank())
            .map(|r| r.fields.len())
            .collect();
        let score = consistency(&counts);
        if score > best.0 {
            best = (score, ch);
        }
    }
    Delimiter {
        ch: best.1,
        spaced: is_spaced(&sample, best.1),
    }
}

/// The first `lines` lines of `text`.
fn sample_lines(text: &str, lines: usize) -> String {
    let mut seen = 0;
    for (at, ch) in text.char_indices() {
        if ch == '\n' || ch == '\r' {
            seen += 1;
            if seen >= lines {
                return text[..at].to_string();
            }
        }
    }
    text.to_string()
}

/// Records whose field count is within one of the most common count (of at least two),
/// weighted by that count.
fn consistency(counts: &[usize]) -> usize {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &count in counts.iter().filter(|c| **c >= 2) {
        match tally.iter_mut().find(|(n, _)| *n == count) {
            Some((_, seen)) => *seen += 1,
            None => tally.push((count, 1)),
        }
    }
    let Some(&(mode, _)) = tally.iter().max_by_key(|(n, seen)| (*seen, *n)) else {
        return 0;
    };
    let near = counts
        .iter()
        .filter(|c| **c >= 2 && c.abs_diff(mode) <= 1)
        .count();
    near * (mode - 1)
}

/// True when most occurrences of `ch` have a space on both sides.
fn is_spaced(text: &str, ch: char) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let (mut spaced, mut all) = (0usize, 0usize);
    for (i, c) in chars.iter().enumerate() {
        if *c == ch {
            all += 1;
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            if before == Some(&' ') && chars.get(i + 1) == Some(&' ') {
                spaced += 1;
            }
        }
    }
    all > 0 && spaced * 2 > all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, delimiter: char) -> Vec<(usize, Vec<String>)> {
        split(text, delimiter)
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn line_ends_and_quotes() {
        let records = fields("a,\"b,c\"\r\r\nd, \"e\" ,f\rg\n\"h\ni\",j", ',');
        assert_eq!(records[0], (1, strings(&["a", "b,c"])));
        assert_eq!(records[1], (2, strings(&["d", "e", "f"])));
        assert_eq!(records[2], (3, strings(&["g"])));
        assert_eq!(records[3], (4, strings(&["h\ni", "j"])));
    }

    #[test]
    fn stray_quotes_and_excel_cells() {
        let records = fields("\"UAB \"Naktida\"\",x\n=\"007\",12\" pipe,y\n", ',');
        assert_eq!(records[0].1, strings(&["UAB Naktida\"\"", "x"]));
        assert_eq!(records[1].1, strings(&["007", "12\" pipe", "y"]));
        // An opening quote that never closes does not swallow the next lines.
        let records = fields("\"open,a\nb,c\n", ',');
        assert_eq!(records[1], (2, strings(&["b", "c"])));
    }

    #[test]
    fn delimiters() {
        let semi = "a;b;c\n1,5;2;3\n4;5,5;6\n";
        assert_eq!(detect_delimiter(semi).ch, ';');
        let spaced = "Date ; Ref ; Out\nApr 8, 2018 ; Shop ; 11.00\n";
        assert_eq!(
            detect_delimiter(spaced),
            Delimiter {
                ch: ';',
                spaced: true
            }
        );
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n").ch, '|');
        assert_eq!(detect_delimiter("a\tb\tc\n1,5\t2\t3\n").ch, '\t');
    }
}
