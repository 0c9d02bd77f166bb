//! Bytes to text: BOM, UTF-8, UTF-16 and legacy code pages (Windows-125x, ISO-8859-1,
//! GBK/GB18030) found by `chardetng`. Decoding is strict: a byte sequence the chosen
//! encoding does not define is never turned into U+FFFD; another encoding is tried, or the
//! import stops naming the line.

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{HintProblem, ImportError};

/// The file as text, and the name of the encoding it was read with.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Legacy encodings tried, in order, when the detector's guess does not decode.
const FALLBACKS: &[&str] = &[
    "windows-1252",
    "windows-1250",
    "windows-1251",
    "windows-1257",
    "gb18030",
];

pub(crate) fn decode(file: &str, bytes: &[u8], hint: Option<&str>) -> Result<Decoded, ImportError> {
    if let Some(label) = hint {
        let encoding =
            Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| ImportError::Hint {
                file: file.to_string(),
                problem: HintProblem::UnknownEncoding {
                    label: label.to_string(),
                },
            })?;
        let body = match Encoding::for_bom(bytes) {
            Some((bom, len)) if bom == encoding => bytes.get(len..).unwrap_or_default(),
            _ => bytes,
        };
        return strict(encoding, body)
            .map(|text| Decoded {
                text,
                encoding: encoding.name(),
            })
            .map_err(|line| undecodable(file, line, encoding));
    }
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(len..).unwrap_or_default();
        return strict(encoding, body)
            .map(|text| Decoded {
                text,
                encoding: encoding.name(),
            })
            .map_err(|line| undecodable(file, line, encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(encoding) = utf16_without_bom(bytes)
            && let Ok(text) = strict(encoding, bytes)
        {
            return Ok(Decoded {
                text,
                encoding: encoding.name(),
            });
        }
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes)
        && let Ok(text) = strict(encoding, bytes)
    {
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
        });
    }
    if let Some(line) = broken_utf8(bytes) {
        return Err(undecodable(file, line, UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    let mut tried = vec![guess];
    tried.extend(
        FALLBACKS
            .iter()
            .filter_map(|l| Encoding::for_label(l.as_bytes())),
    );
    let mut first_error = None;
    let mut best: Option<(i64, Decoded)> = None;
    for encoding in tried {
        match strict(encoding, bytes) {
            Ok(text) => {
                let score = plausibility(&text);
                // The detector's guess stands unless its text reads worse than nothing.
                let keep = best.is_none() && score >= 0;
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    let encoding = encoding.name();
                    best = Some((score, Decoded { text, encoding }));
                }
                if keep {
                    break;
                }
            }
            Err(line) => {
                first_error.get_or_insert((line, encoding));
            }
        }
    }
    if let Some((_, decoded)) = best {
        return Ok(decoded);
    }
    let (line, encoding) = first_error.unwrap_or((1, WINDOWS_1252));
    Err(undecodable(file, line, encoding))
}

/// How much decoded text looks like text: a non-ASCII letter beside another letter and a
/// currency sign beside a digit count for it, a letter standing alone among digits and
/// signs against. Tells `£5.00` from `Ł5.00` when bytes decode in several code pages.
fn plausibility(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let mut score = 0;
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let near = |f: fn(char) -> bool| before.is_some_and(f) || after.is_some_and(f);
        if c.is_alphabetic() {
            score += if near(char::is_alphabetic) { 1 } else { -1 };
        } else if matches!(c, '£' | '€' | '¥' | '¢' | '₴' | '₽' | '₹') {
            score += i64::from(near(|x| x.is_ascii_digit() || x == ' '));
        }
    }
    score
}

fn undecodable(file: &str, line: usize, encoding: &'static Encoding) -> ImportError {
    ImportError::Undecodable {
        file: file.to_string(),
        line,
        encoding: encoding.name().to_string(),
    }
}

/// A UTF-8 file with a few bytes that are not UTF-8: reading it in a code page would turn
/// all its other accented letters into mojibake, so the first bad line is reported.
fn broken_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_bad.get_or_insert(offset);
            offset += chunk.invalid().len();
        }
    }
    let at = first_bad?;
    (good >= 4 * bad).then(|| line_count(&String::from_utf8_lossy(&bytes[..at])))
}

/// UTF-16 without a BOM: most code units of plain text have a zero high byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 4 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes all of `bytes` or returns the 1-based line of the first sequence the encoding
/// does not define. Single-byte code pages also refuse their undefined bytes, which the
/// WHATWG tables map to C1 control characters.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(rest.len().saturating_mul(3) + 16),
            DecoderResult::Malformed(_, _) => return Err(line_count(&text)),
        }
    }
    let legacy = encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE;
    if legacy && let Some(at) = text.find(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        return Err(line_count(&text[..at]));
    }
    Ok(text)
}

/// The 1-based number of the line `text` ends on (CR, LF, CRLF and CR CR LF end a line).
fn line_count(text: &str) -> usize {
    let mut lines = 1;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\n' => lines += 1,
            '\r' => {
                while chars.peek() == Some(&'\r') {
                    chars.next();
                }
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines += 1;
            }
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Decoded {
        decode("t.csv", bytes, None).unwrap()
    }

    #[test]
    fn boms_and_utf16() {
        assert_eq!(read(b"\xef\xbb\xbfa;b").text, "a;b");
        let le: Vec<u8> = [0xff, 0xfe, b'a', 0, b';', 0, b'b', 0].to_vec();
        let decoded = read(&le);
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("a;b", "UTF-16LE")
        );
        let be: Vec<u8> = [0, b'a', 0, b';', 0, b'b', 0, b'\n'].to_vec();
        assert_eq!(read(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn legacy_code_pages() {
        assert_eq!(read(b"Datum;W\xe4hrung\n").text, "Datum;Währung\n");
        let cyrillic = b"\xc4\xe0\xf2\xe0;\xd1\xf3\xec\xe0;\xce\xef\xe8\xf1\xe0\xed\xe8\xe5\n";
        let decoded = read(cyrillic);
        assert_eq!(decoded.encoding, "windows-1251");
        assert!(decoded.text.starts_with("Дата;Сума"), "{}", decoded.text);
    }

    #[test]
    fn never_replaces_silently() {
        let error = decode("t.csv", b"a\nb\n\xff\xfe\xfd", Some("utf-8")).unwrap_err();
        assert!(error.to_string().contains("line 3"), "{error}");
        let error = decode("t.csv", b"a\r\n\x81", Some("windows-1252")).unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
        // A U+FFFD that is in the file itself is the file's text, not ours.
        assert_eq!(read("\u{fffd}bertrag".as_bytes()).text, "\u{fffd}bertrag");
    }

    #[test]
    fn pound_sign_not_l_stroke() {
        let decoded = read(b"Date,Amount\r19/07/2013,\xa35.00\r18/07/2013,\xa3100.00\r\n");
        assert!(decoded.text.contains("£5.00"), "{}", decoded.encoding);
    }

    #[test]
    fn utf8_with_a_stray_byte_is_refused() {
        let text = "Datum;Empfänger;Betrag\nMüller;Bäcker;Größe\nÄrger;Öl;Übel\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend(b"x;Caf\xe9;1\n");
        let error = decode("t.csv", &bytes, None).unwrap_err();
        assert!(error.to_string().contains("line 4"), "{error}");
    }

    #[test]
    fn line_ends() {
        assert_eq!(line_count("a\r\r\nb\rc\r\nd\ne"), 5);
    }
}
