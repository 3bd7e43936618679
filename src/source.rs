//! What readers produce: pages of lines, each line a run of styled spans, with whatever
//! geometry the input carries.
//!
//! A text file gives lines with no geometry and default style; a PDF gives positions, sizes,
//! fonts and raised/lowered spans. The cleaning and structure passes read the same types
//! either way, and simply have better evidence when the geometry is there.
//!
//! Coordinates are in PDF points with the origin at the top-left corner of the page's
//! visible area and y growing downwards, so "higher on the page" means "smaller y".

use foldhash::HashMap;
use std::sync::Arc;

/// A whole input as its reader saw it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceDocument {
    /// Which reader produced this.
    pub kind: SourceKind,
    /// Pages in order; a text file without form feeds is one page.
    pub pages: Vec<Page>,
    /// Document-level facts the file itself declares (PDF Info/XMP, outline).
    pub info: SourceInfo,
}

/// Which reader produced a [`SourceDocument`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text, e.g. the output of pdftotext or another extractor.
    #[default]
    Text,
    /// A PDF read natively.
    Pdf,
    /// An OCR engine's layout file (hOCR or ALTO): words with their boxes on a page image.
    Ocr,
}

/// Facts the file declares about itself (PDF document information, XMP, outline).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceInfo {
    /// `/Title` or `dc:title`.
    pub title: Option<String>,
    /// `/Author` or `dc:creator`.
    pub author: Option<String>,
    /// `/Subject` or `dc:description`.
    pub subject: Option<String>,
    /// `/CreationDate` as an ISO 8601 string when it parses.
    pub created: Option<String>,
    /// `/Producer` (the typesetter), useful for diagnostics.
    pub producer: Option<String>,
    /// Bookmarks: (level starting at 1, title, 1-based page).
    pub outline: Vec<OutlineEntry>,
    /// Whether the PDF has a structure tree (`/MarkInfo /Marked true` or `/StructTreeRoot`).
    pub tagged: bool,
    /// What reading the structure tree found (PDF input with `/StructTreeRoot`).
    pub structure: Option<StructureInfo>,
    /// The text was recognised from page images (hOCR, ALTO): its words may hold OCR's
    /// misreadings, such as a raised note number read as a glyph glued to its word.
    pub recognised: bool,
}

/// What the reader found in a PDF's structure tree, for the structure pass to judge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructureInfo {
    /// Structure elements read.
    pub elements: usize,
    /// Elements by standard type (after `/RoleMap`), e.g. `("H1", 3)`, sorted by type.
    pub roles: Vec<(String, usize)>,
    /// Marked-content ids the tree names.
    pub content_items: usize,
    /// Marked-content ids drawn on the pages that the tree does not name.
    pub orphan_items: usize,
    /// What was wrong with the tree (cycles, limits, unknown roles), at most a few.
    pub problems: Vec<String>,
}

/// One bookmark of a PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Nesting level, 1 for top-level bookmarks.
    pub level: u8,
    /// Bookmark title.
    pub title: String,
    /// Target page (1-based), when it resolves.
    pub page: Option<usize>,
}

/// One page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// 1-based page number (position in the file, not the printed folio).
    pub number: usize,
    /// Page size, for PDF input.
    pub size: Option<PageSize>,
    /// Lines in reading order as far as the reader knows it.
    pub lines: Vec<Line>,
    /// Link annotations (PDF): where a URL's visible text sits and its real target.
    pub links: Vec<LinkArea>,
    /// Rectangles painted on the page (PDF): frames and tinted panels, the evidence for
    /// boxes set apart from the running text.
    pub rects: Vec<PaintedRect>,
    /// Straight rules drawn on the page (PDF): table borders, lines under headings and
    /// header cells, the separator above footnotes.
    pub rules: Vec<Rule>,
}

/// A rectangle painted on a PDF page in a colour other than the page's: framed, filled,
/// or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaintedRect {
    /// Where it lies (display space, stroke width not included).
    pub rect: Rect,
    /// Its outline is stroked.
    pub stroked: bool,
    /// Its inside is filled.
    pub filled: bool,
}

/// A straight line drawn on a PDF page in a colour other than the page's, across or down
/// it: a stroked segment, or a rectangle too thin to hold text. Its box includes the
/// stroke's width, so its thin side is the rule's thickness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Where it lies (display space).
    pub rect: Rect,
    /// It runs across the page (left to right), not down it.
    pub horizontal: bool,
}

impl Rule {
    /// A rule half a point thick drawn down the page at `x` from `y0` to `y1`, for tests.
    #[cfg(test)]
    pub(crate) fn test_down(x: f32, y0: f32, y1: f32) -> Rule {
        Rule {
            rect: Rect {
                x0: x,
                y0,
                x1: x + 0.5,
                y1,
            },
            horizontal: false,
        }
    }

    /// Its thickness (points).
    pub fn thickness(&self) -> f32 {
        if self.horizontal {
            self.rect.height()
        } else {
            self.rect.width()
        }
    }
}

/// Page dimensions in points, after rotation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Rotation applied (0, 90, 180, 270).
    pub rotation: u16,
}

/// A URI link annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    /// Target URI.
    pub url: String,
    /// Clickable area.
    pub rect: Rect,
}

/// An axis-aligned rectangle, top-left origin, y downwards.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// Width.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    /// Height.
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
    /// Whether the two overlap (touching edges do not count).
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// One line of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Styled runs, left to right; spaces between words are inside the span texts.
    pub spans: Vec<Span>,
    /// 1-based line number in a text input; for PDF input, 1-based index on the page.
    pub source_line: usize,
    /// Bounding box (PDF input).
    pub bbox: Option<Rect>,
    /// Baseline y of the line's normal-script text (PDF input).
    pub baseline: Option<f32>,
    /// What the PDF's structure tree or marked content says the line is (tagged PDF).
    pub tag: Option<LineTag>,
}

/// What a tagged PDF says about one line: from the marked content its text was drawn in
/// and the structure element that content belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineTag {
    /// All of the line's text lies inside `/Artifact` marked content (furniture).
    pub artifact: Option<ArtifactKind>,
    /// What the structure element holding most of the line's text is.
    pub kind: TagKind,
    /// Index of that block-level element: lines of one heading or item share it.
    pub element: u32,
    /// `L` elements around it (0 outside lists).
    pub list_depth: u8,
    /// Inside a `Table` (a cell, a row, a caption of the table).
    pub in_table: bool,
    /// Inside a `Note` or `FENote`.
    pub in_note: bool,
    /// The table cell (`TD` or `TH`) the line's text is in, and where it stands.
    pub cell: Option<CellPlace>,
}

/// Where a tagged table cell stands: which table, which of its rows (`TR`, in the tree's
/// order, wherever a `THead`, `TBody` or `TFoot` groups them), which of the row's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPlace {
    /// The `Table` element.
    pub table: u32,
    /// The row's place among the table's rows, from 0.
    pub row: u32,
    /// The cell's place among the row's cells, from 0.
    pub column: u32,
    /// Whether the cell is a `TH`.
    pub header: bool,
    /// Whether all of the line's text lies in this cell: a line drawn across several
    /// cells (their texts set on one baseline) belongs to none of them alone.
    pub whole: bool,
}

/// The block-level structure type a line's text belongs to (standard types, after
/// `/RoleMap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// `H1`–`H6`, or `H` with its level from the nesting of sections.
    Heading(u8),
    /// `Title` (PDF 2.0).
    Title,
    /// `P`, `BlockQuote`, `Code` and other running text.
    Paragraph,
    /// `LI`, `Lbl`, `LBody`.
    ListItem,
    /// `TD`, `TH`.
    TableCell,
    /// `Note`, `FENote`.
    Note,
    /// `Caption`.
    Caption,
    /// `TOC`, `TOCI`.
    Contents,
    /// `Figure`, `Formula`, `Form`.
    Figure,
    /// Content marked with an MCID that no known element claims, or a grouping type only.
    Other,
    /// Only `/Artifact` content.
    Artifact,
}

/// What kind of furniture an `/Artifact` is, from its `/Type` and `/Subtype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArtifactKind {
    /// `/Subtype /Header`: a running header.
    Header,
    /// `/Subtype /Footer`: a running footer.
    Footer,
    /// `/Subtype /Watermark`.
    Watermark,
    /// `/Type /Pagination` without a subtype (page numbers, running heads).
    Pagination,
    /// `/Type /Layout` (rules, leaders).
    Layout,
    /// `/Type /Page` (crop marks).
    Page,
    /// `/Type /Background`.
    Background,
    /// No type given.
    Other,
}

/// A run of text in one style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    /// The text, Unicode, in reading order.
    pub text: String,
    /// How it is set.
    pub style: Style,
    /// Where it sits (PDF input).
    pub bbox: Option<Rect>,
}

/// Typographic facts about a span.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Style {
    /// Font name without subset prefix ("TimesNewRomanPS-BoldMT").
    pub font: Option<Arc<str>>,
    /// Effective size in points after every matrix.
    pub size: Option<f32>,
    /// Bold weight (from font flags or name, or `**` markup in text input).
    pub bold: bool,
    /// Italic or oblique.
    pub italic: bool,
    /// Raised or lowered relative to its line.
    pub script: Script,
    /// Drawn invisibly (render mode 3, e.g. an OCR text layer).
    pub invisible: bool,
}

/// Vertical position of a span relative to its line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Script {
    /// On the baseline.
    #[default]
    Normal,
    /// Raised: a footnote marker, an ordinal, an exponent.
    Super,
    /// Lowered.
    Sub,
}

impl Line {
    /// A line of plain text with no geometry, as a text reader produces it.
    pub fn plain(text: impl Into<String>, source_line: usize) -> Self {
        Line {
            spans: vec![Span {
                text: text.into(),
                ..Default::default()
            }],
            source_line,
            ..Default::default()
        }
    }

    /// The line's text, spans concatenated.
    pub fn text(&self) -> String {
        match self.spans.as_slice() {
            [one] => one.text.clone(),
            spans => spans.iter().map(|s| s.text.as_str()).collect(),
        }
    }

    /// Whether the line has no visible characters.
    pub fn is_blank(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }

    /// The largest normal-script font size on the line, when known.
    pub fn font_size(&self) -> Option<f32> {
        self.spans
            .iter()
            .filter(|s| s.style.script == Script::Normal && !s.text.trim().is_empty())
            .filter_map(|s| s.style.size)
            .reduce(f32::max)
    }

    /// Whether every visible character of the line is set in a monospaced font (see
    /// [`monospace_font`]); false when no span names its font. `judged` holds the fonts
    /// judged so far: a document's lines share a few fonts, and judging a name takes a
    /// lowercase copy and a dozen substring searches.
    pub fn monospace<'a>(&'a self, judged: &mut HashMap<&'a str, bool>) -> bool {
        let mut any = false;
        for s in &self.spans {
            if s.text.trim().is_empty() {
                continue;
            }
            let Some(font) = s.style.font.as_deref() else {
                return false;
            };
            if *judged.entry(font).or_insert_with(|| monospace_font(font)) {
                any = true;
            } else {
                return false;
            }
        }
        any
    }

    /// The font carrying most of the line's normal-script characters, as a stable id
    /// (0 when no span names its font). Headings set in a face of their own — a sans
    /// title over a serif body, at nearly the body's size — are told apart by it.
    pub fn face(&self) -> u32 {
        // The fonts in the order first met, with their weights: the first font held apart,
        // so that a line in one font (most lines) needs no list.
        let mut first: Option<(&str, usize)> = None;
        let mut others: Vec<(&str, usize)> = Vec::new();
        for s in &self.spans {
            if s.style.script != Script::Normal {
                continue;
            }
            let Some(font) = s.style.font.as_deref() else {
                continue;
            };
            let n = visible_chars(&s.text);
            if n == 0 {
                continue;
            }
            if first.is_none() {
                first = Some((font, n));
            } else if let Some((_, w)) = first
                .iter_mut()
                .chain(&mut others)
                .find(|(f, _)| *f == font)
            {
                *w += n;
            } else {
                others.push((font, n));
            }
        }
        first
            .into_iter()
            .chain(others)
            .max_by_key(|(_, w)| *w)
            .map_or(0, |(font, _)| face_id(font))
    }
}

/// The characters of `s` that are not whitespace, counted byte by byte when `s` is ASCII
/// (most spans are; the bytes compare without decoding characters).
fn visible_chars(s: &str) -> usize {
    if s.is_ascii() {
        // The ASCII characters `char::is_whitespace` accepts: tab to carriage return, space.
        s.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Whether a font's name (a subset prefix such as `ABCDEF+` aside) is that of a monospaced
/// family: Courier and its clones, the `Mono` families, Consolas, Menlo, Inconsolata,
/// Lucida Console, TeX's typewriter faces (`CMTT`, `LMMono`) and the common code faces.
pub fn monospace_font(font: &str) -> bool {
    let name = font.rsplit('+').next().unwrap_or(font).to_ascii_lowercase();
    [
        "courier",
        "mono",
        "consola",
        "menlo",
        "inconsolata",
        "lucidaconsole",
        "lucida console",
        "cmtt",
        "typewriter",
        "sourcecode",
        "firacode",
        "cascadiacode",
        "letter gothic",
        "lettergothic",
    ]
    .iter()
    .any(|family| name.contains(family))
}

/// A font name's id: FNV-1a over its bytes, never 0 (0 means "unknown").
fn face_id(font: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in font.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_text_joins_spans_and_reports_size() {
        let mut line = Line::plain("Signed in 1961.", 3);
        line.spans[0].style.size = Some(11.0);
        line.spans.push(Span {
            text: "2".into(),
            style: Style {
                size: Some(7.0),
                script: Script::Super,
                ..Default::default()
            },
            bbox: None,
        });
        assert_eq!(line.text(), "Signed in 1961.2");
        assert_eq!(line.font_size(), Some(11.0));
        assert!(!line.is_blank());
        assert!(Line::plain("  \t", 1).is_blank());
    }

    #[test]
    fn a_line_is_monospaced_when_every_visible_span_is_and_fonts_are_judged_once() {
        let span = |text: &str, font: Option<&str>| Span {
            text: text.into(),
            style: Style {
                font: font.map(Arc::from),
                ..Default::default()
            },
            bbox: None,
        };
        let line = |spans| Line {
            spans,
            ..Default::default()
        };
        let code = line(vec![
            span("let x", Some("ABCDEF+CourierNewPSMT")),
            span("  ", Some("Times-Roman")),
            span("= 1;", Some("DejaVuSansMono")),
        ]);
        let mixed = line(vec![
            span("See", Some("Times-Roman")),
            span("x", Some("DejaVuSansMono")),
        ]);
        let unnamed = line(vec![span("text", None)]);
        let blank = line(vec![span(" ", Some("Courier"))]);
        let mut judged = HashMap::default();
        assert!(code.monospace(&mut judged));
        assert!(!mixed.monospace(&mut judged));
        assert!(!unnamed.monospace(&mut judged));
        assert!(!blank.monospace(&mut judged));
        // A verdict once given is reused, not judged again.
        judged.insert("Times-Roman", true);
        assert!(mixed.monospace(&mut judged));
    }

    #[test]
    fn rect_union_and_intersection() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let b = Rect {
            x0: 10.0,
            y0: 5.0,
            x1: 20.0,
            y1: 8.0,
        };
        assert!(!a.intersects(&b));
        assert_eq!(a.union(&b).width(), 20.0);
        assert_eq!(a.union(&b).height(), 10.0);
    }
}
