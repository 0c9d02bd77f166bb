//! The company logo on the letterhead: a PNG decoded to 8-bit RGB over white (so no
//! soft mask is needed), scaled to fit its box. A logo that is not a readable PNG is
//! left out rather than failing the document.

use printpdf::{RawImage, RawImageData, RawImageFormat};

/// The logo's pixels, or `None` if `bytes` are not a PNG this can read.
pub(super) fn decode(bytes: &[u8]) -> Option<RawImage> {
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
