//! Shared helpers for the PDF tests: small PDFs built with lopdf, and where the shared
//! corpus lives.
#![allow(dead_code)]

#[path = "../common/shared.rs"]
pub mod shared;

pub mod note_pages;

use std::path::PathBuf;

use brief2md::readers::pdf;
use brief2md::report::Report;
use brief2md::source::{Line, SourceDocument};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

/// A4 in points.
pub const PAGE_W: i64 = 595;
/// A4 in points.
pub const PAGE_H: i64 = 842;

/// Builds a PDF page by page. Every page shares one resource dictionary, whose fonts are
/// added with [`PdfBuilder::font`].
pub struct PdfBuilder {
    pub doc: Document,
    pages_id: ObjectId,
    fonts: Dictionary,
    xobjects: Dictionary,
    ext_gstates: Dictionary,
    pages: Vec<ObjectId>,
    catalog_extra: Dictionary,
}

impl Default for PdfBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl PdfBuilder {
    pub fn new() -> Self {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        PdfBuilder {
            doc,
            pages_id,
            fonts: Dictionary::new(),
            xobjects: Dictionary::new(),
            ext_gstates: Dictionary::new(),
            pages: Vec::new(),
            catalog_extra: Dictionary::new(),
        }
    }

    /// Adds a font resource `/name` from a font dictionary; returns its object id.
    pub fn font(&mut self, name: &str, dict: Dictionary) -> ObjectId {
        let id = self.doc.add_object(dict);
        self.fonts.set(name, id);
        id
    }

    /// Adds a Type0 font `/name` with Identity-H encoding, 2-byte codes of width 500 and a
    /// ToUnicode CMap mapping each code to its text.
    pub fn identity_type0_font(&mut self, name: &str, pairs: &[(u32, &str)]) -> ObjectId {
        let cmap = self.stream(Dictionary::new(), &to_unicode_cmap(2, pairs));
        let cid = self.doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Sub",
            "W" => vec![1.into(), vec![Object::Integer(500)].into()],
        });
        self.font(
            name,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Sub",
                "Encoding" => "Identity-H", "DescendantFonts" => vec![cid.into()], "ToUnicode" => cmap,
            },
        )
    }

    /// Adds an Identity-H font `/name` whose codes 1, 2, … stand for the characters of
    /// `alphabet` in turn (see [`alphabet_code`]): a script's letters, drawn by code.
    pub fn alphabet_font(&mut self, name: &str, alphabet: &str) -> ObjectId {
        let pairs: Vec<(u32, String)> = alphabet
            .chars()
            .map(|ch| (alphabet_code(alphabet, ch), ch.to_string()))
            .collect();
        let pairs: Vec<(u32, &str)> = pairs.iter().map(|(k, s)| (*k, s.as_str())).collect();
        self.identity_type0_font(name, &pairs)
    }

    /// Adds an unembedded standard font (`/Type1`, no `/Widths`) with an optional
    /// `/Encoding` name.
    pub fn std_font(&mut self, name: &str, base_font: &str, encoding: Option<&str>) -> ObjectId {
        let mut d = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => base_font,
        };
        if let Some(e) = encoding {
            d.set("Encoding", Object::Name(e.as_bytes().to_vec()));
        }
        self.font(name, d)
    }

    /// Adds a stream object (a CMap, a font program, a form) and returns its id.
    pub fn stream(&mut self, dict: Dictionary, content: &[u8]) -> ObjectId {
        self.doc.add_object(Stream::new(dict, content.to_vec()))
    }

    /// Adds an XObject resource `/name`.
    pub fn xobject(&mut self, name: &str, id: ObjectId) {
        self.xobjects.set(name, id);
    }

    /// Adds a graphics-state resource `/name` (for the `gs` operator).
    pub fn ext_gstate(&mut self, name: &str, dict: Dictionary) {
        self.ext_gstates.set(name, dict);
    }

    /// Adds a page whose content stream is `content`.
    pub fn page(&mut self, content: &str) -> ObjectId {
        self.page_with(content.as_bytes(), Dictionary::new())
    }

    /// Adds a page with extra page-dictionary entries (`/Rotate`, `/Annots`, …).
    pub fn page_with(&mut self, content: &[u8], extra: Dictionary) -> ObjectId {
        let content_id = self.stream(Dictionary::new(), content);
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "Contents" => content_id,
        };
        for (k, v) in extra.iter() {
            page.set(k.clone(), v.clone());
        }
        let id = self.doc.add_object(page);
        self.pages.push(id);
        id
    }

    /// Sets an entry of the catalog (`/Outlines`, `/MarkInfo`, …).
    pub fn catalog(&mut self, key: &str, value: impl Into<Object>) {
        self.catalog_extra.set(key, value);
    }

    /// Sets the `/Info` dictionary.
    pub fn info(&mut self, info: Dictionary) {
        let id = self.doc.add_object(info);
        self.doc.trailer.set("Info", id);
    }

    /// Writes the file.
    pub fn build(mut self) -> Vec<u8> {
        let resources = self.doc.add_object(dictionary! {
            "Font" => self.fonts.clone(),
            "XObject" => self.xobjects.clone(),
            "ExtGState" => self.ext_gstates.clone(),
        });
        let kids: Vec<Object> = self.pages.iter().map(|&id| id.into()).collect();
        let count = kids.len() as i64;
        let pages = dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        };
        self.doc
            .objects
            .insert(self.pages_id, Object::Dictionary(pages));
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => self.pages_id };
        for (k, v) in self.catalog_extra.iter() {
            catalog.set(k.clone(), v.clone());
        }
        let catalog_id = self.doc.add_object(catalog);
        self.doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        self.doc
            .save_to(&mut out)
            .expect("writing to memory cannot fail");
        out
    }
}

/// The two-byte code of `c` in a test font of `alphabet` (see [`PdfBuilder::alphabet_font`]).
pub fn alphabet_code(alphabet: &str, c: char) -> u32 {
    alphabet
        .chars()
        .position(|a| a == c)
        .expect("in the alphabet") as u32
        + 1
}

/// Hex string of `text`'s codes in a test font of `alphabet`, for a `<…> Tj`.
pub fn alphabet_hex(alphabet: &str, text: &str) -> String {
    text.chars()
        .map(|c| format!("{:04X}", alphabet_code(alphabet, c)))
        .collect()
}

/// A one-page PDF with Helvetica as `/F1` and the given content.
pub fn one_page(content: &str) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(content);
    b.build()
}

/// Reads a PDF that must read.
pub fn read(bytes: &[u8]) -> SourceDocument {
    let mut report = Report::default();
    match pdf::read(bytes, &mut report) {
        Ok(doc) => doc,
        Err(e) => panic!("the test PDF should read: {e}"),
    }
}

/// Lines of page 1.
pub fn lines(bytes: &[u8]) -> Vec<Line> {
    read(bytes)
        .pages
        .into_iter()
        .next()
        .map(|p| p.lines)
        .unwrap_or_default()
}

/// The plain text of every table's cells, table by table, row by row.
pub fn table_cells(doc: &brief2md::model::Document) -> Vec<Vec<Vec<String>>> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            brief2md::model::Block::Table(t) => Some(
                t.rows
                    .iter()
                    .map(|r| r.iter().map(|c| brief2md::model::plain_text(c)).collect())
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

/// The document a PDF converts to with the default options, and its Markdown.
pub fn convert_to_markdown(bytes: &[u8]) -> (brief2md::model::Document, String) {
    let c = brief2md::convert(bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, md)
}

/// The plain text of every heading, in order.
pub fn heading_texts(doc: &brief2md::model::Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            brief2md::model::Block::Heading { content, .. } => {
                Some(brief2md::model::plain_text(content))
            }
            _ => None,
        })
        .collect()
}

/// Texts of the lines of page 1.
pub fn texts(bytes: &[u8]) -> Vec<String> {
    lines(bytes).iter().map(Line::text).collect()
}

/// A ToUnicode CMap mapping one-byte or two-byte codes to text.
pub fn to_unicode_cmap(bytes_per_code: usize, pairs: &[(u32, &str)]) -> Vec<u8> {
    let hex_code = |c: u32| format!("<{:0width$X}>", c, width = bytes_per_code * 2);
    let hex_text = |s: &str| {
        let mut h = String::from("<");
        for u in s.encode_utf16() {
            h.push_str(&format!("{u:04X}"));
        }
        h.push('>');
        h
    };
    let (lo, hi) = (
        hex_code(0),
        hex_code(if bytes_per_code == 1 { 0xFF } else { 0xFFFF }),
    );
    let mut cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test def\n1 begincodespacerange {lo} {hi} endcodespacerange\n{} beginbfchar\n",
        pairs.len()
    );
    for (code, text) in pairs {
        cmap.push_str(&format!("{} {}\n", hex_code(*code), hex_text(text)));
    }
    cmap.push_str("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
    cmap.into_bytes()
}

/// A shared folder: `$env`, else `default` from the crate (e.g. `BRIEF2MD_CORPUS`,
/// `../shared/corpus`). `None` (after a loud message) when absent; under CI absence fails
/// the test.
pub fn shared_dir(env: &str, default: &str) -> Option<PathBuf> {
    let dir = shared::shared_path(env, default);
    if dir.is_dir() {
        return Some(dir);
    }
    shared::skip_or_fail(&format!(
        "{} not found: tests that read it were NOT run (set {env})",
        dir.display()
    ));
    None
}

/// The benchmark's documents (`$BRIEF2MD_BENCH/docs`, by default the in-repository copy
/// `tests/bench/docs`), or `None` after a loud message.
pub fn bench_docs_dir() -> Option<PathBuf> {
    let dir = shared::bench_root().join("docs");
    if dir.is_dir() {
        return Some(dir);
    }
    shared::skip_or_fail(&format!(
        "{} not found: tests that read it were NOT run (set BRIEF2MD_BENCH to the bench's root)",
        dir.display()
    ));
    None
}

/// Every `*.pdf` under `dir`, sorted.
pub fn pdfs_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
