//! One PDF written to its file part by part, so a document of any length is never
//! held in memory whole (a statement run's combined file had every page of every
//! statement composed at once: about 150 KB a statement, 1.4 GB for 9,411).
//!
//! Each part is a small document printpdf builds as usual (its pages, and the fonts
//! subset to the glyphs of those pages). Its objects are renumbered after those already
//! written and copied into the file as lopdf serialises them; the part's own page-tree
//! node becomes a child of the file's root node (object 1), and its catalog is dropped.
//! The file ends with the root node, one catalog, the cross-reference table and a
//! trailer whose ID is a digest of the content, so the same input gives the same bytes.

use std::io::Write;

use lopdf::{Object, ObjectId};
use printpdf::PdfDocument;
use sha2::{Digest, Sha256};

use super::{PdfError, Result};

/// The root page-tree node, written last but numbered first so every part can name it.
const ROOT: u32 = 1;

/// A PDF being written part by part.
pub(super) struct PdfStream<W: Write> {
    out: W,
    /// Bytes written so far, and their digest (for the trailer's ID).
    written: u64,
    digest: Sha256,
    /// Where each object starts, by object number (index 0 is object 1, the root).
    offsets: Vec<Option<u64>>,
    /// Each part's page-tree node, in order.
    kids: Vec<u32>,
    pages: i64,
    /// The first part's document information (title, dates, producer).
    info: Option<u32>,
}

fn assemble(why: impl std::fmt::Display) -> PdfError {
    PdfError::Assemble(why.to_string())
}

impl<W: Write> PdfStream<W> {
    pub fn new(out: W) -> PdfStream<W> {
        PdfStream {
            out,
            written: 0,
            digest: Sha256::new(),
            offsets: vec![None],
            kids: Vec::new(),
            pages: 0,
            info: None,
        }
    }

    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(PdfError::Write)?;
        self.digest.update(bytes);
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Appends every page of `part` after the pages written so far.
    pub fn append(&mut self, part: &PdfDocument) -> Result<()> {
        let options = super::compose::save_options();
        let mut doc = part.to_lopdf_document(&options, &mut Vec::new());
        // What `PdfDocument::save` does besides.
        if options.optimize {
            doc.compress();
        }
        doc.renumber_objects_with(self.offsets.len() as u32 + 1);
        let catalog = reference(doc.trailer.get(b"Root"))?;
        let info = reference(doc.trailer.get(b"Info"))?;
        let node = reference(doc.get_dictionary(catalog).and_then(|c| c.get(b"Pages")))?;
        doc.objects.remove(&catalog);
        if self.info.is_some() {
            doc.objects.remove(&info);
        } else {
            self.info = Some(info.0);
        }
        let tree = doc.get_dictionary_mut(node).map_err(assemble)?;
        tree.set("Parent", Object::Reference((ROOT, 0)));
        let count = tree
            .get(b"Count")
            .and_then(Object::as_i64)
            .map_err(assemble)?;
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).map_err(assemble)?;
        drop(doc);
        let (objects, body_end) = object_offsets(&bytes)?;
        let body_start = objects
            .iter()
            .map(|(_, offset)| *offset)
            .min()
            .ok_or_else(|| assemble("a part without objects"))?;
        if self.written == 0 {
            // The header and binary mark lopdf writes, once.
            self.put(&bytes[..body_start as usize])?;
        }
        let base = self.written;
        for (id, offset) in objects {
            let index = id as usize - 1;
            if self.offsets.len() <= index {
                self.offsets.resize(index + 1, None);
            }
            self.offsets[index] = Some(base + offset - body_start);
        }
        self.put(&bytes[body_start as usize..body_end])?;
        self.kids.push(node.0);
        self.pages += count;
        Ok(())
    }

    /// Writes the root node, the catalog, the cross-reference table and the trailer, and
    /// hands back the output. A stream with nothing appended is [`PdfError::Empty`].
    pub fn finish(mut self) -> Result<W> {
        let info = self.info.ok_or(PdfError::Empty)?;
        let kids: Vec<String> = self.kids.iter().map(|id| format!("{id} 0 R")).collect();
        self.offsets[0] = Some(self.written);
        let root = format!(
            "{ROOT} 0 obj\n<</Type/Pages/Count {}/Kids[{}]>>\nendobj\n",
            self.pages,
            kids.join(" ")
        );
        self.put(root.as_bytes())?;
        let catalog = self.offsets.len() as u32 + 1;
        self.offsets.push(Some(self.written));
        let text = format!(
            "{catalog} 0 obj\n<</Type/Catalog/PageLayout/OneColumn/PageMode/UseNone/Pages {ROOT} 0 R>>\nendobj\n"
        );
        self.put(text.as_bytes())?;
        let xref = self.written;
        // One subsection per run of numbers in use (the parts' dropped catalogs and
        // information dictionaries leave gaps).
        let mut table = String::from("xref\n0 1\n0000000000 65535 f \n");
        let mut id = 0;
        while id < self.offsets.len() {
            if self.offsets[id].is_none() {
                id += 1;
                continue;
            }
            let run = self.offsets[id..]
                .iter()
                .take_while(|o| o.is_some())
                .count();
            table.push_str(&format!("{} {run}\n", id + 1));
            for offset in self.offsets[id..id + run].iter().flatten() {
                table.push_str(&format!("{offset:010} 00000 n \n"));
            }
            id += run;
        }
        self.put(table.as_bytes())?;
        let digest: String = self
            .digest
            .clone()
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02X}"))
            .collect();
        let trailer = format!(
            "trailer\n<</Size {}/Root {catalog} 0 R/Info {info} 0 R/ID[({digest})({digest})]>>\nstartxref\n{xref}\n%%EOF",
            self.offsets.len() + 1
        );
        self.put(trailer.as_bytes())?;
        self.out.flush().map_err(PdfError::Write)?;
        Ok(self.out)
    }
}

fn reference(object: lopdf::Result<&Object>) -> Result<ObjectId> {
    object.and_then(Object::as_reference).map_err(assemble)
}

/// The objects of a PDF lopdf wrote (a classic cross-reference table): each object's
/// number and offset, and where the table begins (the end of the objects).
fn object_offsets(bytes: &[u8]) -> Result<(Vec<(u32, u64)>, usize)> {
    let tail = &bytes[bytes.len().saturating_sub(64)..];
    let tail = std::str::from_utf8(tail).map_err(assemble)?;
    let start: usize = tail
        .rsplit_once("startxref")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| assemble("no startxref"))?;
    let table = bytes
        .get(start..)
        .and_then(|t| std::str::from_utf8(t).ok())
        .and_then(|t| t.strip_prefix("xref"))
        .ok_or_else(|| assemble("no cross-reference table"))?;
    let mut objects = Vec::new();
    let mut lines = table.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        if line.starts_with("trailer") {
            break;
        }
        let mut range = line.split_whitespace().map(str::parse::<u32>);
        let (Some(Ok(first)), Some(Ok(count)), None) = (range.next(), range.next(), range.next())
        else {
            return Err(assemble(format!("'{line}' in the cross-reference table")));
        };
        for id in first..first + count {
            let entry = lines.next().ok_or_else(|| assemble("a short table"))?;
            let fields: Vec<&str> = entry.split_whitespace().collect();
            if let [offset, _, "n"] = fields[..] {
                objects.push((id, offset.parse().map_err(assemble)?));
            }
        }
    }
    Ok((objects, start))
}
