//! Who the book belongs to, as printed on statements and letters: name, address,
//! contact, tax number, how to pay, logo, paper and locale. Pure values; the store keeps
//! them and the PDF layer prints them.

use serde::{Deserialize, Serialize};

use super::money::NumberFormat;
use super::text::{self, NAME_MAX, TEXT_MAX, TextError};

/// The paper statements and letters are laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
    pub fn parse(text: &str) -> Option<Paper> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-', '_'], "")
            .as_str()
        {
            "a4" => Some(Paper::A4),
            "letter" | "usletter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The language and conventions for dates and numbers on printed documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English, ISO dates (2026-11-23), amounts 1,234.56.
    #[default]
    #[serde(rename = "en")]
    En,
    /// English (US), dates Nov 23, 2026, amounts 1,234.56.
    #[serde(rename = "en-US")]
    EnUs,
    /// English (UK), dates 23 Nov 2026, amounts 1,234.56.
    #[serde(rename = "en-GB")]
    EnGb,
    /// Simplified Chinese, dates 2026-11-23 (the accounting form, as the screens show
    /// every date), amounts 1,234.56.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// German, dates 23.11.2026, amounts 1.234,56.
    #[serde(rename = "de-DE")]
    DeDe,
    /// French, dates 23/11/2026, amounts 1 234,56.
    #[serde(rename = "fr-FR")]
    FrFr,
    /// Dutch, dates 23-11-2026, amounts 1.234,56.
    #[serde(rename = "nl-NL")]
    NlNl,
    /// Polish, dates 23.11.2026, amounts 1 234,56.
    #[serde(rename = "pl-PL")]
    PlPl,
}

impl Locale {
    pub const ALL: [Locale; 8] = [
        Locale::En,
        Locale::EnUs,
        Locale::EnGb,
        Locale::ZhCn,
        Locale::DeDe,
        Locale::FrFr,
        Locale::NlNl,
        Locale::PlPl,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::EnUs => "en-US",
            Locale::EnGb => "en-GB",
            Locale::ZhCn => "zh-CN",
            Locale::DeDe => "de-DE",
            Locale::FrFr => "fr-FR",
            Locale::NlNl => "nl-NL",
            Locale::PlPl => "pl-PL",
        }
    }
    /// How amounts are written and read in this locale.
    pub fn number_format(self) -> NumberFormat {
        match self {
            Locale::En | Locale::EnUs | Locale::EnGb | Locale::ZhCn => NumberFormat::Point,
            Locale::DeDe | Locale::NlNl => NumberFormat::CommaDot,
            Locale::FrFr | Locale::PlPl => NumberFormat::CommaSpace,
        }
    }
    pub fn parse(text: &str) -> Option<Locale> {
        let t = text.trim().to_ascii_lowercase().replace('_', "-");
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str().to_ascii_lowercase() == t)
    }
    /// Whether texts in this locale default to Chinese.
    pub fn is_chinese(self) -> bool {
        matches!(self, Locale::ZhCn)
    }
    pub fn format_date(self, date: chrono::NaiveDate) -> String {
        match self {
            Locale::En => date.format("%Y-%m-%d").to_string(),
            Locale::EnUs => date.format("%b %-d, %Y").to_string(),
            Locale::EnGb => date.format("%-d %b %Y").to_string(),
            // One form on paper and on the screens alike: the one ledgers use.
            Locale::ZhCn => date.format("%Y-%m-%d").to_string(),
            Locale::DeDe | Locale::PlPl => date.format("%d.%m.%Y").to_string(),
            Locale::FrFr => date.format("%d/%m/%Y").to_string(),
            Locale::NlNl => date.format("%d-%m-%Y").to_string(),
        }
    }
}

/// The company as printed on every statement and letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyProfile {
    pub name: String,
    /// Several lines, as on an envelope.
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Tax or company registration number.
    pub tax_id: String,
    /// Bank account, remit-to address: several lines printed at the foot of statements.
    pub payment_instructions: String,
    /// PNG or JPEG bytes.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub paper: Paper,
    pub locale: Locale,
}

/// Why a company profile, or a logo, is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompanyError {
    #[error("the company name is empty")]
    EmptyName,
    #[error("'{0}' is not an email address")]
    BadEmail(String),
    #[error("the logo must be a PNG or JPEG image; this file is {0}")]
    NotAnImage(crate::domain::file_kind::Sniffed),
    #[error("the logo is a damaged or truncated {format} image: {reason}")]
    BadImage {
        format: &'static str,
        reason: String,
    },
    #[error(
        "the logo is {width} × {height} pixels; use one between 16 and {MAX_LOGO_SIDE} pixels a side"
    )]
    BadSize { width: u32, height: u32 },
    #[error("the logo file is {0} KB; use one of at most {max} KB", max = MAX_LOGO_BYTES / 1024)]
    TooLarge(usize),
    /// A text refused by the text rules; its field is the setting's key.
    #[error(transparent)]
    Text(#[from] TextError),
}

/// Largest logo file kept in a book.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;
/// Longest side, in pixels, of a logo.
pub const MAX_LOGO_SIDE: u32 = 4000;
const MIN_LOGO_SIDE: u32 = 16;

/// What a logo is: its format and size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogoInfo {
    /// `"PNG"` or `"JPEG"`.
    pub format: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
}

impl std::fmt::Display for LogoInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} × {} px, {} KB",
            self.format,
            self.width,
            self.height,
            self.bytes.div_ceil(1024)
        )
    }
}

/// Checks that `bytes` are a PNG (fully decoded) or a JPEG (its markers walked to the
/// frame header) of a sane size, and says which.
pub fn logo_info(bytes: &[u8]) -> Result<LogoInfo, CompanyError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(CompanyError::TooLarge(bytes.len().div_ceil(1024)));
    }
    let (format, width, height) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (width, height) = png_size(bytes)?;
        ("PNG", width, height)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let (width, height) = jpeg_size(bytes)?;
        ("JPEG", width, height)
    } else {
        return Err(CompanyError::NotAnImage(crate::domain::file_kind::sniff(
            bytes,
            bytes.len() as u64,
        )));
    };
    let sane = |side: u32| (MIN_LOGO_SIDE..=MAX_LOGO_SIDE).contains(&side);
    if !sane(width) || !sane(height) {
        return Err(CompanyError::BadSize { width, height });
    }
    Ok(LogoInfo {
        format,
        width,
        height,
        bytes: bytes.len(),
    })
}

fn png_size(bytes: &[u8]) -> Result<(u32, u32), CompanyError> {
    let bad = |e: png::DecodingError| CompanyError::BadImage {
        format: "PNG",
        reason: e.to_string(),
    };
    let limits = png::Limits { bytes: 64 << 20 };
    let decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = reader.info().size();
    if width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE {
        return Err(CompanyError::BadSize { width, height });
    }
    let size = reader
        .output_buffer_size()
        .ok_or(CompanyError::BadSize { width, height })?;
    let mut buffer = vec![0; size];
    reader.next_frame(&mut buffer).map_err(bad)?;
    Ok((width, height))
}

/// What a JPEG's headers say, as far as printing it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpegFrame {
    pub width: u32,
    pub height: u32,
    /// 1 grey, 3 RGB (YCbCr), 4 CMYK.
    pub components: u8,
    /// Adobe's APP14 marker is there: its CMYK is stored inverted.
    pub adobe: bool,
}

fn jpeg_size(bytes: &[u8]) -> Result<(u32, u32), CompanyError> {
    jpeg_frame(bytes).map(|f| (f.width, f.height))
}

/// Walks the JPEG's markers to its start-of-frame header, which holds the size and the
/// colour components. Only what PDF readers' JPEG filter reads is accepted (statements
/// and letters embed the file as it is): baseline or progressive, 8-bit, grey, RGB or
/// CMYK.
pub fn jpeg_frame(bytes: &[u8]) -> Result<JpegFrame, CompanyError> {
    let bad = |reason: &str| CompanyError::BadImage {
        format: "JPEG",
        reason: reason.to_string(),
    };
    let unprintable =
        || bad("it cannot be printed; use a baseline or progressive 8-bit grey, RGB or CMYK JPEG");
    let mut adobe = false;
    let mut at = 2;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err(bad("no frame header before the end of the file"));
        };
        at += 2;
        if marker == 0xD8 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            return Err(bad("no frame header before the image data"));
        }
        let length = match bytes.get(at..at + 2) {
            Some(b) => usize::from(u16::from_be_bytes([b[0], b[1]])),
            None => return Err(bad("cut off inside a header")),
        };
        if length < 2 || at + length > bytes.len() {
            return Err(bad("cut off inside a header"));
        }
        if marker == 0xEE {
            adobe |= bytes[at + 2..at + length].starts_with(b"Adobe");
        }
        let is_frame = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            if length < 8 {
                return Err(bad("a frame header too short"));
            }
            let height = u32::from(u16::from_be_bytes([bytes[at + 3], bytes[at + 4]]));
            let width = u32::from(u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]));
            if !bytes.ends_with(&[0xFF, 0xD9]) {
                return Err(bad("the file is cut off (no end-of-image marker)"));
            }
            // Lossless, hierarchical and arithmetic-coded frames, 12-bit samples and
            // other component counts are JPEG, but not what PDF's DCT filter reads.
            let components = bytes[at + 7];
            if !matches!(marker, 0xC0..=0xC2)
                || bytes[at + 2] != 8
                || !matches!(components, 1 | 3 | 4)
            {
                return Err(unprintable());
            }
            return Ok(JpegFrame {
                width,
                height,
                components,
                adobe,
            });
        }
        at += length;
    }
}

impl CompanyProfile {
    /// The first thing wrong with the profile, if anything is.
    pub fn validate(&self) -> Result<(), CompanyError> {
        if text::is_blank(&self.name) {
            return Err(CompanyError::EmptyName);
        }
        // Named by their `owed settings set` keys, which is how they are reported.
        text::check_line("company.name", &self.name, NAME_MAX)?;
        text::check_multiline("company.address", &self.address, TEXT_MAX)?;
        text::check_line("company.phone", &self.phone, NAME_MAX)?;
        text::check_line("company.email", &self.email, NAME_MAX)?;
        text::check_line("company.tax_id", &self.tax_id, NAME_MAX)?;
        text::check_multiline(
            "company.payment_instructions",
            &self.payment_instructions,
            TEXT_MAX,
        )?;
        check_email(&self.email)?;
        if let Some(logo) = &self.logo {
            logo_info(logo)?;
        }
        Ok(())
    }
}

/// An email address, or nothing.
pub fn check_email(email: &str) -> Result<(), CompanyError> {
    let email = email.trim();
    let valid = email.is_empty()
        || email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !email.contains(char::is_whitespace)
        });
    if valid {
        Ok(())
    } else {
        Err(CompanyError::BadEmail(email.to_string()))
    }
}

/// A PNG of `width` × `height` pixels (for tests here and elsewhere).
#[doc(hidden)]
pub fn sample_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("a PNG header");
        let pixels: Vec<u8> = (0..width * height * 3).map(|i| (i % 251) as u8).collect();
        writer.write_image_data(&pixels).expect("PNG pixels");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal baseline JPEG header: SOI, APP0, SOF0 of `width` × `height`, EOI.
    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        out.extend([0xFF, 0xE0, 0x00, 0x10]);
        out.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        out.extend([0xFF, 0xC0, 0x00, 0x0B, 0x08]);
        out.extend(height.to_be_bytes());
        out.extend(width.to_be_bytes());
        out.extend([0x01, 0x01, 0x11, 0x00]);
        out.extend([0xFF, 0xD9]);
        out
    }

    #[test]
    fn png_and_jpeg_logos_are_measured() {
        let png = sample_png(120, 40);
        let info = logo_info(&png).unwrap();
        assert_eq!((info.format, info.width, info.height), ("PNG", 120, 40));
        let info = logo_info(&jpeg(300, 100)).unwrap();
        assert_eq!((info.format, info.width, info.height), ("JPEG", 300, 100));
        assert_eq!(info.to_string(), format!("JPEG 300 × 100 px, 1 KB"));
    }

    #[test]
    fn other_files_and_damaged_images_are_refused() {
        assert!(matches!(
            logo_info(b"GIF89a......"),
            Err(CompanyError::NotAnImage(k)) if k.kind == crate::domain::file_kind::FileKind::Gif
        ));
        assert!(matches!(logo_info(b""), Err(CompanyError::NotAnImage(_))));
        let png = sample_png(64, 64);
        assert!(matches!(
            logo_info(&png[..png.len() - 30]),
            Err(CompanyError::BadImage { format: "PNG", .. })
        ));
        // Arithmetic-coded (SOF9) and 12-bit JPEGs are refused: they would not print.
        let mut arithmetic = jpeg(300, 100);
        arithmetic[21] = 0xC9;
        assert!(matches!(
            logo_info(&arithmetic),
            Err(CompanyError::BadImage { format: "JPEG", reason }) if reason.contains("baseline or progressive")
        ));
        let mut twelve = jpeg(300, 100);
        twelve[24] = 12;
        assert!(logo_info(&twelve).is_err());
        let mut cut = jpeg(300, 100);
        cut.truncate(cut.len() - 2);
        assert!(matches!(
            logo_info(&cut),
            Err(CompanyError::BadImage { format: "JPEG", .. })
        ));
        assert_eq!(
            logo_info(&jpeg(8, 8)),
            Err(CompanyError::BadSize {
                width: 8,
                height: 8
            })
        );
        assert!(matches!(
            logo_info(&sample_png(5000, 16)),
            Err(CompanyError::BadSize { width: 5000, .. })
        ));
    }

    #[test]
    fn a_profile_needs_a_name_and_a_real_email() {
        let mut profile = CompanyProfile {
            name: "Acme".into(),
            ..Default::default()
        };
        assert_eq!(profile.validate(), Ok(()));
        profile.email = "accounts@acme".into();
        assert!(matches!(profile.validate(), Err(CompanyError::BadEmail(_))));
        profile.email = "accounts@acme.example".into();
        profile.name = " ".into();
        assert_eq!(profile.validate(), Err(CompanyError::EmptyName));
    }
}
