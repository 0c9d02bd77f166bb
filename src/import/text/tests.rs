use super::*;
use crate::import::records;

/// Reads `input` a few bytes at a time, as a slow file would give it.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn all(mut records: Records<impl Read>) -> Vec<(usize, Record)> {
    let mut out = Vec::new();
    while let Some(next) = records.next_record().expect("reads") {
        out.push(next);
    }
    out
}

const AWKWARD: &str = "Datum;Text;Betrag\r\r\n\
    2026-01-02; \"Müller, \"\"GmbH\"\"\" ; 12,50\r\n\
    2026-01-03;\"über\nzwei Zeilen\";=\"007\"\r\
    2026-01-04;\"open quote;1\n\
    2026-01-05;Łódź Żółć 信用卡;-3,90\n\
    2026-01-06;\u{a0}Ştefan\u{a0};4\r\n\r\n";

#[test]
fn records_read_in_parts_are_the_records_of_the_whole_text() {
    let whole: Vec<(usize, Record)> = records::records(AWKWARD, ';').collect();
    assert!(whole.len() >= 6);
    // Every part size, down to one byte at a time (which cuts every character, every
    // line end and every quote pair), reads the same records at the same offsets.
    for step in 1..=AWKWARD.len() {
        let read = all(Records::new(
            Trickle {
                bytes: AWKWARD.as_bytes(),
                step,
            },
            ';',
            0,
            1,
        ));
        assert_eq!(read, whole, "read {step} bytes at a time");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_an_error_not_a_panic() {
    let bytes = b"a;b\n\xff\xfe;c\n";
    for step in 1..=bytes.len() {
        let mut records = Records::new(Trickle { bytes, step }, ';', 0, 1);
        let error = loop {
            match records.next_record() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("read to the end without an error"),
                Err(e) => break e,
            }
        };
        assert!(error.to_string().contains("not UTF-8 at byte 4"), "{error}");
    }
}

#[test]
fn a_record_longer_than_many_parts_is_read_whole() {
    // A field of 3 MB with a quote pair inside, then a short record: the window grows
    // to hold the long one (by doubling, not by reading it again after every part).
    let long = format!(
        "2026-01-01;\"{}\"\"{}\";1\n2026-01-02;b;2\n",
        "x".repeat(1 << 20),
        "y".repeat(2 << 20)
    );
    let whole: Vec<(usize, Record)> = records::records(&long, ';').collect();
    assert_eq!(whole.len(), 2);
    let read = all(Records::new(long.as_bytes(), ';', 0, 1));
    assert_eq!(read, whole);
    let step = Trickle {
        bytes: long.as_bytes(),
        step: 4093,
    };
    assert_eq!(all(Records::new(step, ';', 0, 1)), whole);
}

#[test]
fn a_file_in_another_encoding_is_read_from_a_copy_removed_when_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    // Windows-1252: "Müller" is not UTF-8.
    std::fs::write(
        &path,
        b"Datum;Text;Betrag\n2026-01-02;M\xfcller;12,50\n2026-01-03;x;-1,00\n",
    )
    .unwrap();
    assert!(
        CsvFile::open(&path, "konto.csv", &Hints::default())
            .unwrap()
            .is_none()
    );
    let mut file = CsvFile::open_any(&path, "konto.csv", &Hints::default())
        .unwrap()
        .expect("a CSV file in windows-1252");
    assert_eq!(file.detected.encoding, "windows-1252");
    let copy = file.copy.as_ref().unwrap().path.clone();
    assert!(copy.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
    }
    let mut texts = Vec::new();
    file.rows::<ImportError>(|row, _| {
        texts.push(row.description.clone());
        Ok(())
    })
    .unwrap();
    assert_eq!(texts, ["Müller", "x"]);
    // The batch records the file's own hash, not the copy's.
    use sha2::Digest;
    let own = crate::import::hex(&sha2::Sha256::digest(std::fs::read(&path).unwrap()));
    assert_eq!(file.sha256().unwrap(), own);
    drop(file);
    assert!(!copy.exists(), "the copy is removed");
}
