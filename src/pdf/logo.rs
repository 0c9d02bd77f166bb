//! The company logo on the letterhead, as an image XObject scaled to fit its box.
//!
//! A PNG is decoded to 8-bit RGB over white (so no soft mask is needed). A JPEG is not
//! decoded at all: PDF readers decode JPEG themselves (`/Filter /DCTDecode`), so its
//! bytes are embedded as they are, after reading the frame header
//! ([`crate::domain::company::jpeg_frame`]) for the size and the colour components:
//! grey, RGB and CMYK all print, CMYK inverted as Adobe writes it when the file carries
//! Adobe's marker. A JPEG PDF's filter does not read (arithmetic-coded, lossless, 12-bit)
//! is refused when the logo is set, so only a logo damaged since is left out here, rather
//! than failing the document.

use std::collections::BTreeMap;

use crate::domain::company::jpeg_frame;
use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Px, RawImage, RawImageData, RawImageFormat, XObject,
};

/// A logo ready to place: the XObject and its size in pixels.
#[derive(Debug, Clone)]
pub(super) struct Logo {
    pub xobject: XObject,
    pub width: usize,
    pub height: usize,
}

/// The logo in `bytes` (PNG or JPEG), or `None` if it cannot be printed.
pub(super) fn decode(bytes: &[u8]) -> Option<Logo> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        return jpeg(bytes);
    }
    let image = png(bytes)?;
    Some(Logo {
        width: image.width,
        height: image.height,
        xobject: XObject::Image(image),
    })
}

fn png(bytes: &[u8]) -> Option<RawImage> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    let (width, height) = (info.width as usize, info.height as usize);
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return None,
    };
    if width == 0 || height == 0 || buf.len() < width * height * channels {
        return None;
    }
    let over_white =
        |v: u8, a: u8| ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
    let mut rgb = Vec::with_capacity(width * height * 3);
    for px in buf.chunks_exact(channels).take(width * height) {
        let (r, g, b, a) = match px {
            [v] => (*v, *v, *v, 255),
            [v, a] => (*v, *v, *v, *a),
            [r, g, b] => (*r, *g, *b, 255),
            [r, g, b, a] => (*r, *g, *b, *a),
            _ => return None,
        };
        rgb.extend([over_white(r, a), over_white(g, a), over_white(b, a)]);
    }
    Some(RawImage {
        pixels: RawImageData::U8(rgb),
        width,
        height,
        data_format: RawImageFormat::RGB8,
        tag: Vec::new(),
    })
}

fn jpeg(bytes: &[u8]) -> Option<Logo> {
    let frame = jpeg_frame(bytes).ok()?;
    if frame.width == 0 || frame.height == 0 {
        return None;
    }
    let space = match frame.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        _ => return None,
    };
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let mut dict = BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(frame.width.into())),
        ("Height".to_string(), DictItem::Int(frame.height.into())),
        ("ColorSpace".to_string(), name(space)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name("DCTDecode")),
    ]);
    if frame.components == 4 && frame.adobe {
        let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
        dict.insert("Decode".to_string(), DictItem::Array(decode));
    }
    let (width, height) = (frame.width as usize, frame.height as usize);
    Some(Logo {
        xobject: XObject::External(ExternalXObject {
            stream: ExternalStream {
                dict,
                content: bytes.to_vec(),
                // Already compressed: deflating JPEG data gains nothing.
                compress: false,
            },
            width: Some(Px(width)),
            height: Some(Px(height)),
            dpi: None,
        }),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RGB: &[u8] = include_bytes!("../../tests/fixtures/logo/rgb.jpg");
    const GRAY: &[u8] = include_bytes!("../../tests/fixtures/logo/gray.jpg");
    const CMYK: &[u8] = include_bytes!("../../tests/fixtures/logo/cmyk.jpg");

    fn dict(logo: &Logo) -> &BTreeMap<String, DictItem> {
        match &logo.xobject {
            XObject::External(x) => &x.stream.dict,
            other => panic!("not embedded as it is: {other:?}"),
        }
    }

    #[test]
    fn jpegs_are_embedded_as_they_are_in_their_colour_space() {
        for (bytes, space) in [
            (RGB, "DeviceRGB"),
            (GRAY, "DeviceGray"),
            (CMYK, "DeviceCMYK"),
        ] {
            let logo = decode(bytes).unwrap();
            assert_eq!((logo.width, logo.height), (48, 24));
            let XObject::External(x) = &logo.xobject else {
                panic!("decoded")
            };
            assert_eq!(x.stream.content, bytes);
            let d = dict(&logo);
            assert_eq!(d["Filter"], DictItem::Name(b"DCTDecode".to_vec()));
            assert_eq!(d["ColorSpace"], DictItem::Name(space.as_bytes().to_vec()));
            // ImageMagick writes CMYK with Adobe's marker, inverted.
            assert_eq!(d.contains_key("Decode"), space == "DeviceCMYK");
        }
    }

    #[test]
    fn damaged_or_unreadable_jpegs_are_left_out() {
        assert!(decode(&RGB[..RGB.len() - 2]).is_none());
        assert!(decode(&RGB[..40]).is_none());
        assert!(decode(&[0xFF, 0xD8, 0xFF, 0xD9]).is_none());
        // The same frame marked arithmetic-coded (SOF9), and as 12-bit samples.
        let at = RGB.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        let mut arithmetic = RGB.to_vec();
        arithmetic[at + 1] = 0xC9;
        assert!(decode(&arithmetic).is_none());
        let mut twelve = RGB.to_vec();
        twelve[at + 4] = 12;
        assert!(decode(&twelve).is_none());
    }

    #[test]
    fn pngs_are_still_decoded() {
        let logo = decode(&crate::domain::company::sample_png(30, 20)).unwrap();
        assert!(matches!(logo.xobject, XObject::Image(_)));
        assert_eq!((logo.width, logo.height), (30, 20));
    }
}
