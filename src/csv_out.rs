//! The one way Owed writes CSV. Every CSV file or printout (`owed export …`, every
//! report's `--format csv`, the aging screen's export) goes through [`CsvOut`], which
//! passes each cell through [`spreadsheet_safe`], so a name like `=HYPERLINK(…)` opens
//! in a spreadsheet as text and never runs — for any writer added later too, as long as
//! it writes through here (a test in `tests/all/text_rules.rs` fails when some other
//! file builds a `csv::Writer`).

use std::io::Write;

use crate::domain::text::spreadsheet_safe;

/// RFC 4180 CSV (comma, `"` quoting, `\n` line ends) with formula-safe cells.
pub struct CsvOut<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W) -> CsvOut<W> {
        CsvOut {
            writer: csv::Writer::from_writer(out),
        }
    }

    /// Writes one record; each cell is made spreadsheet-safe first.
    pub fn record<I>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.writer.write_record(
            cells
                .into_iter()
                .map(|cell| spreadsheet_safe(cell.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> Result<(), csv::Error> {
        self.writer.flush().map_err(csv::Error::from)
    }

    /// Flushes and hands back the underlying writer.
    pub fn into_inner(self) -> Result<W, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_cell_is_neutralised_and_numbers_stay_numbers() {
        let mut out = CsvOut::new(Vec::new());
        out.record(["name", "amount"]).unwrap();
        out.record(["=HYPERLINK(\"http://x\",\"pay\")", "-250.00"])
            .unwrap();
        out.record(["@SUM(A1)", "12"]).unwrap();
        out.record(["+1", "-"]).unwrap();
        let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(
            text,
            "name,amount\n\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\",-250.00\n'@SUM(A1),12\n'+1,'-\n"
        );
    }
}
