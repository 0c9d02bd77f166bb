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
    let chars: Vec<char> = text.chars().collect();
    let mut reader = Reader {
        chars: &chars,
        pos: 0,
        line: 1,
        delimiter,
    };
    let mut records = Vec::new();
    while reader.pos < chars.len() {
        records.push(reader.record());
    }
    records
}

struct Reader<'a> {
    chars: &'a [char],
    pos: usize,
    line: usize,
    delimiter: char,
}

impl Reader<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    /// Length of the line end at `pos + ahead`, 0 when there is none.
    fn line_end(&self, ahead: usize) -> usize {
        match (self.peek(ahead), self.peek(ahead + 1), self.peek(ahead + 2)) {
            (Some('\r'), Some('\r'), Some('\n')) => 3,
            (Some('\r'), Some('\n'), _) => 2,
            (Some('\r' | '\n'), _, _) => 1,
            _ => 0,
        }
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
            match end {
                End::Delimiter => self.pos += 1,
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

    /// Whether the quote at `pos` has a closing quote within the allowed lines.
    fn quote_closes(&self) -> bool {
        let mut lines = 0;
        let mut ahead = 1;
        while let Some(ch) = self.peek(ahead) {
            match ch {
                '"' if self.peek(ahead + 1) == Some('"') => ahead += 2,
                '"' => return true,
                _ => {
                    let end = self.line_end(ahead);
                    if end > 0 {
                        lines += 1;
                        if lines > MAX_LINES_IN_FIELD {
                            return false;
                        }
                        ahead += end;
                    } else {
                        ahead += 1;
                    }
                }
            }
        }
        false
    }

    fn field(&mut self) -> (String, End) {
        let mut text = String::new();
        while self.peek(0).is_some_and(|c| self.is_blank(c)) {
            self.pos += 1;
        }
        if self.peek(0) == Some('=') && self.peek(1) == Some('"') {
            self.pos += 1;
        }
        if self.peek(0) == Some('"') && self.quote_closes() {
            self.pos += 1;
            loop {
                match self.peek(0) {
                    Some('"') if self.peek(1) == Some('"') => {
                        text.push('"');
                        self.pos += 2;
                    }
                    Some('"') => {
                        self.pos += 1;
                        break;
                    }
                    Some(ch) => {
                        let end = self.line_end(0);
                        if end > 0 {
                            text.push('\n');
                            self.pos += end;
                            self.line += 1;
                        } else {
                            text.push(ch);
                            self.pos += 1;
                        }
                    }
                    None => break,
                }
            }
            // After the closing quote: blanks, then normally the delimiter or line end;
            // anything else is kept as unquoted text (a stray quote inside the field).
            let mark = self.pos;
            while self.peek(0).is_some_and(|c| self.is_blank(c)) {
                self.pos += 1;
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
                self.pos += 1;
            }
        }
    }

    fn end_here(&self) -> Option<End> {
        match self.peek(0) {
            None => Some(End::Eof),
            Some(ch) if ch == self.delimiter => Some(End::Delimiter),
            Some(_) => match self.line_end(0) {
                0 => None,
                len => Some(End::Line(len)),
            },
        }
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
