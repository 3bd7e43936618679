//! The content-stream interpreter: runs a page's operators (on `lopdf`'s tokenizer) and
//! collects every glyph it shows with its position, size, font and render mode.
//!
//! Positions are in the page's display space (points, origin at the top-left corner of
//! the crop box after `/Rotate`, y downwards), then turned into the *reading frame* of
//! the glyph's writing direction, so that later stages can treat rotated text as
//! ordinary left-to-right lines.
//!
//! Paths are followed too, but only far enough to keep the small closed shapes that
//! may be list bullets drawn as vectors (`shapes`), the rectangles that may frame a
//! box (`rects`) and the straight rules that border cells or underline text (`rules`).

mod count;
mod dir;
mod fields;
mod forms;
mod glyphs;
mod marks;
mod ops;
mod rects;
mod rules;
mod shapes;
mod xobjects;

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::geometry::Matrix;
use super::objects::{entry, get_dict, number, string};
use super::optional::OptionalContent;
use super::tagged::marked::Marks;
pub use dir::Dir;
pub use forms::{DocumentWork, unreadable_warning};
use glyphs::Dropped;
use marks::{ActualText, MAX_MARKED_DEPTH, Marked};
use shapes::PathShape;
pub use shapes::{Shape, ShapeKind};

/// Limits that keep a hostile page, and a hostile document, from running away.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Operators per page, Form XObjects included.
    pub max_operations: usize,
    /// Operators in the whole document: a form drawn a million times on each of many
    /// pages stays within every page's limit and still never ends.
    pub max_document_operations: usize,
    /// Glyphs kept per page.
    pub max_glyphs: usize,
    /// Glyphs kept in the whole document.
    pub max_document_glyphs: usize,
    /// Nesting of Form XObjects.
    pub max_form_depth: usize,
    /// Nesting of `q` (deeper saves are ignored, their `Q` too).
    pub max_save_depth: usize,
    /// Decoded bytes of content streams per page, Form XObjects included.
    pub max_content_bytes: usize,
    /// Small shapes (possible vector bullets) kept per page; later ones are ignored.
    pub max_shapes: usize,
    /// Painted rectangles (possible box frames) kept per page; later ones are counted and
    /// reported.
    pub max_rects: usize,
    /// Drawn rules (table borders, underlines) kept per page; later ones are counted and
    /// reported.
    pub max_rules: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_operations: 4_000_000,
            max_document_operations: 12_000_000,
            // A page of 6 pt text holds about 15,000 glyphs.
            max_glyphs: 250_000,
            max_document_glyphs: 25_000_000,
            max_form_depth: 12,
            max_save_depth: 512,
            max_content_bytes: 128 << 20,
            max_shapes: 1024,
            max_rects: 512,
            max_rules: 4096,
        }
    }
}

/// One shown glyph, in its direction's reading frame.
#[derive(Debug, Clone, Copy)]
pub struct TextGlyph {
    /// Byte range of its text in [`PageText::text`].
    pub start: u32,
    /// Byte length of its text.
    pub len: u32,
    /// Writing direction.
    pub dir: Dir,
    /// Origin on the baseline (rise included), reading frame.
    pub x: f32,
    /// Baseline (rise included), reading frame.
    pub y: f32,
    /// The glyph's extent along the line (its width, without character spacing).
    pub adv: f32,
    /// Effective font size in points.
    pub size: f32,
    /// Index into [`PageText::fonts`].
    pub font: u16,
    /// Text rise in points (positive = raised).
    pub rise: f32,
    /// Drawn invisibly: render mode 3 or 7, no opacity, or under an opaque image of the
    /// whole page painted after it.
    pub invisible: bool,
    /// Whitespace only: a word break.
    pub space: bool,
    /// Text from `/ActualText`: already in reading order, whatever the direction.
    pub actual: bool,
    /// Slot in [`PageText::marks`] of the marked content it was drawn in (0: none).
    pub mark: u32,
}

/// Everything shown on one page.
#[derive(Debug, Default)]
pub struct PageText {
    /// Glyphs in content-stream order.
    pub glyphs: Vec<TextGlyph>,
    /// Text arena the glyphs point into.
    pub text: String,
    /// Fonts the glyphs use.
    pub fonts: Vec<Arc<Font>>,
    /// Small closed shapes painted (outside annotations and hidden layers), in stream
    /// order: the candidates for list bullets drawn as vectors.
    pub shapes: Vec<Shape>,
    /// Rectangles painted in a colour the page shows (outside annotations and hidden
    /// layers), in stream order: the candidates for box frames.
    pub rects: Vec<crate::source::PaintedRect>,
    /// Rectangles beyond [`Limits::max_rects`], not kept.
    pub rects_over: usize,
    /// Straight rules painted in a colour the page shows (outside annotations and hidden
    /// layers), in stream order.
    pub rules: Vec<crate::source::Rule>,
    /// Rules beyond [`Limits::max_rules`], not kept.
    pub rules_over: usize,
    /// Image XObjects and inline images painted.
    pub images: usize,
    /// Problems met (damaged stream, limits hit).
    pub warnings: Vec<String>,
    /// Glyphs kept that have no text (a font without a Unicode mapping for them), counted
    /// per entry of `fonts`: the words drawn with them cannot be read.
    pub unmapped: Vec<usize>,
    /// The codes of those glyphs, in stream order, each as the character of its number
    /// (what extractors that print raw codes show), runs apart, up to a few thousand
    /// bytes: the report lists them so that the unread words leave a trace.
    pub unmapped_codes: String,
    /// Where the last of those codes' glyphs ended (line frame), while no other glyph
    /// has followed it: the next one there continues its word.
    pub unmapped_end: Option<(f64, f64)>,
    /// Glyphs read through their symbol font's chart (see `fonts::symbol_chart`), in
    /// stream order, up to a few thousand: the entry of `fonts`, the text the font's map
    /// gave, the sign the chart gives.
    pub charted: Vec<(u16, char, char)>,
    /// Glyphs drawn outside the page (beyond its crop box), left out.
    pub off_page: usize,
    /// Their text, in stream order, up to a few thousand bytes: printer's marks and proof
    /// slugs, which the report shows so that nothing leaves without a word.
    pub off_page_text: String,
    /// Marked content (structure content items, artifacts) the glyphs were drawn in.
    pub marks: Marks,
}

impl PageText {
    /// A glyph's text.
    pub fn glyph_text(&self, g: &TextGlyph) -> &str {
        self.text
            .get(g.start as usize..(g.start + g.len) as usize)
            .unwrap_or("")
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Arc<Font>>,
    font_size: f64,
    char_space: f64,
    word_space: f64,
    h_scale: f64,
    leading: f64,
    render_mode: i64,
    rise: f64,
    /// Stroke width in user space (`w`, or `/LW` of an ExtGState).
    line_width: f64,
    /// The fill colour is one the page shows (not white).
    fill_seen: bool,
    /// The stroke colour is one the page shows.
    stroke_seen: bool,
    /// Fill and stroke opacity (`/ca`, `/CA` of an ExtGState): text drawn at none is
    /// invisible, as an OCR layer drawn under its scan by some producers is.
    fill_alpha: f64,
    stroke_alpha: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            render_mode: 0,
            rise: 0.0,
            line_width: 1.0,
            fill_seen: true,
            stroke_seen: true,
            fill_alpha: 1.0,
            stroke_alpha: 1.0,
        }
    }
}

/// Interprets the content of one page.
pub struct Interpreter<'a> {
    doc: &'a Document,
    /// Fonts, parsed forms and the work done so far, for the whole document.
    work: &'a mut DocumentWork,
    limits: Limits,
    out: PageText,
    font_index: HashMap<*const Font, u16>,
    /// The font shown last and its slot: strings mostly follow one another in one font,
    /// and a glyph run asked the map again for each.
    last_font: (*const Font, u16),
    gs: GState,
    stack: Vec<GState>,
    /// `q` operators ignored for depth; their `Q`s are ignored too.
    skipped_saves: usize,
    tm: Matrix,
    tlm: Matrix,
    operations: usize,
    content_bytes: usize,
    forms: Vec<ObjectId>,
    /// Marked-content nesting: the spans that carry `/ActualText` or hide a layer.
    marked: Vec<Marked>,
    /// Open marked-content sections that hide their content (optional content off).
    hidden: usize,
    /// Which layers are hidden.
    oc: &'a OptionalContent,
    /// Marked-content sections opened beyond [`MAX_MARKED_DEPTH`] (ignored, as their ends).
    marked_overflow: usize,
    /// The Form XObject with `/StructParents` whose MCIDs are being read (`None`: the
    /// page's own).
    mark_stream: Option<ObjectId>,
    /// User space → display space of the page itself.
    base: Matrix,
    /// Page size in display space, for dropping glyphs far outside it.
    page_w: f64,
    page_h: f64,
    stopped: bool,
    /// The operator limit that stopped the page, until its warning is written.
    operator_limit: Option<String>,
    /// The path being built, as far as bullets are concerned.
    path: PathShape,
    /// The path being built, as far as rules are concerned.
    segments: rules::Segments,
    /// Drawing annotation appearances: their boxes and checkmarks are form widgets, not
    /// list bullets.
    in_annotations: bool,
    /// Glyphs not kept, by reason, for the page's warnings.
    dropped: Dropped,
    /// The glyphs an opaque image of the whole page has covered so far (the first ones).
    covered: usize,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for a page `width × height` whose user space maps to display space by
    /// `base` (crop box offset, y flip, rotation).
    pub fn new(
        doc: &'a Document,
        work: &'a mut DocumentWork,
        oc: &'a OptionalContent,
        limits: Limits,
        base: Matrix,
        width: f64,
        height: f64,
    ) -> Self {
        Interpreter {
            doc,
            work,
            limits,
            out: PageText::default(),
            font_index: HashMap::new(),
            last_font: (std::ptr::null(), 0),
            gs: GState {
                ctm: base,
                ..GState::default()
            },
            stack: Vec::new(),
            skipped_saves: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            operations: 0,
            content_bytes: 0,
            forms: Vec::new(),
            marked: Vec::new(),
            marked_overflow: 0,
            mark_stream: None,
            hidden: 0,
            oc,
            base,
            page_w: width,
            page_h: height,
            stopped: false,
            operator_limit: None,
            path: PathShape::default(),
            segments: rules::Segments::default(),
            in_annotations: false,
            dropped: Dropped::default(),
            covered: 0,
        }
    }

    /// Runs a page's content stream bytes with its `resources`, then its annotations'
    /// appearances, and returns what was shown.
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        page: &Dictionary,
    ) -> PageText {
        /// At most this many glyphs (and text bytes) are reserved before a page is read.
        const GLYPHS_RESERVED: usize = 16 * 1024;
        self.content_bytes = content.len();
        // Room for a text page's glyphs (a glyph takes a few bytes of content), or for as
        // many as the page before held (pages of a document are much alike, and some set
        // a glyph in fewer bytes), so that the lists rarely regrow; a little, capped, for a
        // page of drawing.
        let (last_glyphs, last_text) = self.work.last_page;
        let expected = content.len() / 8;
        self.out
            .glyphs
            .reserve(expected.max(last_glyphs).min(GLYPHS_RESERVED));
        self.out
            .text
            .reserve(expected.max(last_text).min(GLYPHS_RESERVED));
        self.run(content, resources);
        if !self.stopped {
            self.gs = GState {
                ctm: self.base,
                ..GState::default()
            };
            self.stack.clear();
            self.skipped_saves = 0;
            self.path.clear();
            self.segments.clear();
            self.in_annotations = true;
            self.run_annotations(page);
        }
        if let Some(limit) = self.operator_limit.take() {
            self.warn(format!(
                "{limit} reached in annotations; the rest of them skipped"
            ));
        }
        // Close spans the stream left open so their text is not lost.
        while !self.marked.is_empty() {
            self.end_marked();
        }
        self.report_dropped();
        self.report_rects_over();
        self.report_rules_over();
        self.work.glyphs += self.out.glyphs.len();
        self.work.last_page = (self.out.glyphs.len(), self.out.text.len());
        if self.work.glyphs >= self.limits.max_document_glyphs {
            self.work.exhausted = true;
        }
        self.out
    }

    fn warn(&mut self, msg: String) {
        if self.out.warnings.len() < 8 && !self.out.warnings.contains(&msg) {
            self.out.warnings.push(msg);
        }
    }

    /// Runs the page's own content stream. When an operator limit stops it, the operators
    /// left in the stream are still counted (not run), so that the warning says how much
    /// was skipped.
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>) {
        // The page's own operators taken from the stream, run or not.
        let mut taken = 0;
        let mut operations = ops::operations(content);
        while let Some(op) = operations.next_op() {
            match op {
                Ok(op) => {
                    taken += 1;
                    if !self.step(op, resources) {
                        if let Some(limit) = self.operator_limit.take() {
                            // The one that hit the limit did not run either.
                            let rest = count::count_operators(content).saturating_sub(taken) + 1;
                            self.warn(format!(
                                "{limit} reached, {} operators skipped (the rest of the page)",
                                crate::report::thousands(rest)
                            ));
                        }
                        return;
                    }
                }
                Err(_) => {
                    self.warn("content stream damaged; text after the damage is lost".into());
                    return;
                }
            }
        }
    }

    /// Counts and runs one operator; false once a page or document limit stops the page.
    fn step(&mut self, op: &Operation, resources: Option<&Dictionary>) -> bool {
        if self.stopped {
            return false;
        }
        self.operations += 1;
        self.work.operations += 1;
        if self.operations.is_multiple_of(4096) {
            crate::memory::checkpoint();
        }
        if self.operations > self.limits.max_operations {
            self.operator_limit = Some(format!(
                "operator limit of {} per page",
                crate::report::thousands(self.limits.max_operations)
            ));
            self.stopped = true;
            return false;
        }
        if self.work.operations > self.limits.max_document_operations {
            self.operator_limit = Some(format!(
                "document operator limit of {}",
                crate::report::thousands(self.limits.max_document_operations)
            ));
            self.work.exhausted = true;
            self.stopped = true;
            return false;
        }
        self.operation(op, resources);
        true
    }

    fn operation(&mut self, op: &Operation, resources: Option<&Dictionary>) {
        let ops = op.operands.as_slice();
        let n = |i: usize| ops.get(i).and_then(number);
        match op.operator.as_bytes() {
            b"q" => {
                if self.stack.len() < self.limits.max_save_depth {
                    self.stack.push(self.gs.clone());
                } else {
                    self.skipped_saves += 1;
                }
            }
            b"Q" => {
                if self.skipped_saves > 0 {
                    self.skipped_saves -= 1;
                } else if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => {
                if let Some(m) = matrix(ops) {
                    let ctm = m.then(&self.gs.ctm);
                    if ctm.is_finite() {
                        self.gs.ctm = ctm;
                    }
                }
            }
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tc" => self.gs.char_space = n(0).unwrap_or(0.0),
            b"Tw" => self.gs.word_space = n(0).unwrap_or(0.0),
            b"Tz" => self.gs.h_scale = n(0).unwrap_or(100.0) / 100.0,
            b"TL" => self.gs.leading = n(0).unwrap_or(0.0),
            b"Ts" => self.gs.rise = n(0).unwrap_or(0.0),
            b"Tr" => self.gs.render_mode = n(0).unwrap_or(0.0) as i64,
            b"Tf" => {
                let entry = ops.first().and_then(|o| o.as_name().ok()).and_then(|name| {
                    let fonts = get_dict(self.doc, resources?, b"Font")?;
                    entry(fonts, name)
                });
                self.gs.font = Some(self.work.fonts.get(self.doc, entry));
                self.gs.font_size = n(1).unwrap_or(0.0);
            }
            b"Td" => self.move_line(n(0).unwrap_or(0.0), n(1).unwrap_or(0.0)),
            b"TD" => {
                let ty = n(1).unwrap_or(0.0);
                self.gs.leading = -ty;
                self.move_line(n(0).unwrap_or(0.0), ty);
            }
            b"Tm" => {
                if let Some(m) = matrix(ops) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.next_line(),
            b"Tj" => {
                if let Some(s) = ops.first().and_then(string) {
                    self.show(s);
                }
            }
            b"'" => {
                self.next_line();
                if let Some(s) = ops.first().and_then(string) {
                    self.show(s);
                }
            }
            b"\"" => {
                self.gs.word_space = n(0).unwrap_or(self.gs.word_space);
                self.gs.char_space = n(1).unwrap_or(self.gs.char_space);
                self.next_line();
                if let Some(s) = ops.get(2).and_then(string) {
                    self.show(s);
                }
            }
            b"TJ" => {
                if let Some(Object::Array(items)) = ops.first() {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s),
                            other => {
                                if let Some(adj) = number(other) {
                                    self.adjust(adj);
                                }
                            }
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(name) = ops.first().and_then(|o| o.as_name().ok()) {
                    self.do_xobject(name, resources);
                }
            }
            b"BI" => self.out.images += 1,
            b"BMC" | b"BDC" if self.marked.len() >= MAX_MARKED_DEPTH => self.marked_overflow += 1,
            b"BMC" => {
                let mark = self.open_mark(ops.first(), None);
                self.marked.push(Marked {
                    mark,
                    ..Marked::default()
                });
            }
            b"BDC" => {
                let props = self.properties(ops.get(1), resources);
                let hides = ops.first().and_then(|o| o.as_name().ok()) == Some(b"OC")
                    && props.is_some_and(|p| self.oc.hides(self.doc, p));
                let actual = if self.marked.iter().any(|m| m.actual.is_some()) {
                    None
                } else {
                    props.and_then(|p| self.actual_text(p))
                };
                self.hidden += usize::from(hides);
                let mark = self.open_mark(ops.first(), props);
                self.marked.push(Marked {
                    actual: actual.map(|text| ActualText {
                        text,
                        first_glyph: self.out.glyphs.len(),
                    }),
                    hides,
                    mark,
                });
            }
            b"EMC" if self.marked_overflow > 0 => self.marked_overflow -= 1,
            b"EMC" => self.end_marked(),
            b"w" => self.gs.line_width = n(0).unwrap_or(1.0),
            b"gs" => {
                if let Some(state) = self.ext_state(ops.first(), resources) {
                    let gs = &mut self.gs;
                    gs.line_width = state.line_width.unwrap_or(gs.line_width);
                    gs.fill_alpha = state.fill_alpha.unwrap_or(gs.fill_alpha);
                    gs.stroke_alpha = state.stroke_alpha.unwrap_or(gs.stroke_alpha);
                }
            }
            b"g" | b"rg" | b"k" | b"sc" | b"scn" => self.set_colour(false, Some(ops)),
            b"G" | b"RG" | b"K" | b"SC" | b"SCN" => self.set_colour(true, Some(ops)),
            b"cs" => self.set_colour(false, None),
            b"CS" => self.set_colour(true, None),
            b"m" | b"l" | b"c" | b"v" | b"y" | b"h" | b"re" => {
                self.construct(op.operator.as_str(), ops)
            }
            b"S" => self.paint(false, true),
            b"s" => {
                self.path.close();
                self.paint(false, true);
            }
            b"f" | b"F" | b"f*" => self.paint(true, false),
            b"B" | b"B*" => self.paint(true, true),
            b"b" | b"b*" => {
                self.path.close();
                self.paint(true, true);
            }
            b"n" => {
                self.path.clear();
                self.segments.clear();
            }
            _ => {}
        }
    }
}

/// The matrix of a `cm` or `Tm` operation: its operands that are numbers, when there are
/// exactly six, gathered on the stack (two of these per line of text in some streams).
fn matrix(ops: &[Object]) -> Option<Matrix> {
    let mut nums = [0.0; 6];
    let mut count = 0;
    for v in ops.iter().filter_map(number) {
        *nums.get_mut(count)? = v;
        count += 1;
    }
    if count != 6 {
        return None;
    }
    Matrix::from_numbers(&nums)
}
