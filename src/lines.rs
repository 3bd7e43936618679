//! The line stream the cleaning and structure passes work on: one [`TextLine`] per input
//! line, its style folded into rich text (see [`crate::rich`]), with its page, its place in
//! the input and whatever geometry the reader knew.

use crate::rich::{
    self, BOLD_OFF, BOLD_ON, ITALIC_OFF, ITALIC_ON, SUB_OFF, SUB_ON, SUP_OFF, SUP_ON,
};
use crate::source::{Line, Rect, Script, SourceDocument};

/// One line of input, ready for the heuristics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLine {
    /// Rich text, trimmed; empty for a blank line.
    pub text: String,
    /// Leading indentation: columns for text input, points from the page's text edge for PDF.
    pub indent: f32,
    /// 1-based page (form feeds, PDF pages, or breaks inferred from furniture).
    pub page: usize,
    /// 1-based line number in a text input; index on the page for PDF.
    pub source_line: usize,
    /// Geometry, for PDF input.
    pub geometry: Option<LineGeometry>,
    /// Column on the page: 0 for full-width or left-column text, 1, 2… for columns to the
    /// right (set when side-by-side columns are separated).
    pub column: u8,
    /// Whether the line is one side of a laid-out text line that a column gutter cut in
    /// two (see [`crate::clean::columns`]): its column's measure bounds it, not the page's.
    pub halved: bool,
    /// What a tagged PDF's structure says the line is (see [`crate::source::LineTag`]).
    pub tag: Option<crate::source::LineTag>,
    /// The box (a framed or tinted panel set apart from the running text) the line lies in,
    /// numbered from 1 through the document; 0 when it lies in none (see
    /// [`crate::layout::boxes`]).
    pub boxed: u32,
    /// Left and right ends of a rule drawn just beneath the line's text (an underline, or
    /// the line under a header cell that reaches over the columns it heads), for PDF
    /// input (see [`crate::layout::rules`]).
    pub rule_below: Option<(f32, f32)>,
    /// Whether what is drawn around the line says it labels a form's field (over or in the
    /// blank left for its answer) or is a word of a side tab, for PDF input (see
    /// [`crate::layout::fields`]): evidence against a heading.
    pub form_label: bool,
    /// Whether the line is a label set in a narrow column of its own beside the block of
    /// text it names, read just before that block (see `crate::layout::columns`): its
    /// baseline meets the block's first line by design, not as a table's row does.
    pub side_label: bool,
    /// The chart or diagram (numbered from 1 through the document) whose lettering the
    /// line is: a tick value, a legend entry, an axis or panel title drawn inside a chart
    /// the page's rules prove, or a label inside the drawing over a figure's caption; 0
    /// for any other line (see [`crate::layout::charts`]).
    pub chart: u32,
    /// The cell of a table drawn as a grid of rules that the line lies in (see
    /// [`crate::layout::grids`]); `None` for any other line.
    pub cell: Option<GridCell>,
    /// The plain text of `text`, kept once a pass has asked for it (see [`PlainMemo`]).
    plain_memo: PlainMemo,
}

/// A line's plain text (its rich text without style sentinels), derived on first request
/// and kept beside a copy of the rich text it came from. Some forty cleaning and structure
/// passes read each line's plain text; rebuilding it each time cost more than any one of
/// those passes on styled documents (formulas, forms). Passes assign and edit
/// [`TextLine::text`] freely, so the memo never trusts itself: it answers only while the
/// line's text still equals the copy, and otherwise the plain text is derived afresh.
///
/// It is no part of the line's value: clones share it, and equality and debug output
/// ignore it.
#[derive(Clone, Default)]
struct PlainMemo(std::sync::OnceLock<(std::sync::Arc<str>, usize)>);

impl PlainMemo {
    /// The plain text of `rich`, from the memo when it was derived from the same text.
    fn plain_of<'a>(&'a self, rich: &'a str) -> std::borrow::Cow<'a, str> {
        if let Some(plain) = self.kept(rich) {
            return std::borrow::Cow::Borrowed(plain);
        }
        let plain = rich::plain_cow(rich);
        let std::borrow::Cow::Owned(plain) = plain else {
            // No sentinel: the rich text is its own plain text, and costs nothing to keep.
            return plain;
        };
        if self.0.get().is_some() {
            // Derived from an earlier text of the line: the memo stays as it is.
            return std::borrow::Cow::Owned(plain);
        }
        let both: std::sync::Arc<str> = format!("{rich}{plain}").into();
        let (both, split) = self.0.get_or_init(|| (both, rich.len()));
        std::borrow::Cow::Borrowed(&both[*split..])
    }

    /// The kept plain text, when it was derived from `rich`.
    fn kept(&self, rich: &str) -> Option<&str> {
        let (both, split) = self.0.get()?;
        (&both[..*split] == rich).then(|| &both[*split..])
    }
}

impl PartialEq for PlainMemo {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for PlainMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlainMemo")
    }
}

/// Runs of lines that `key` gives one number (`start..end`), blank lines between them
/// included: a chart's lettering, a ruled table's cells, each read as one block. Two
/// groups read one after the other stay two runs.
pub fn runs_by(
    lines: &[TextLine],
    key: impl Fn(&TextLine) -> Option<u32>,
) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    // Whether only blank lines stand between the last run's end and here.
    let mut open = false;
    for (i, l) in lines.iter().enumerate() {
        match key(l) {
            None => open &= l.is_blank(),
            Some(n) => {
                match runs.last_mut() {
                    Some((m, run)) if open && *m == n => run.end = i + 1,
                    _ => runs.push((n, i..i + 1)),
                }
                open = true;
            }
        }
    }
    runs.into_iter().map(|(_, run)| run).collect()
}

/// Where a line stands in a table the page draws as a grid of rules (see
/// [`crate::layout::grids`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridCell {
    /// The table, numbered from 1 through the document.
    pub grid: u32,
    /// The cell's row among the table's rows, from 0 (its first when it spans several).
    pub row: u16,
    /// The cell's column among the table's columns, from 0 (its first when it spans
    /// several).
    pub column: u16,
    /// How many of the table's columns the cell covers (1 or more).
    pub columns: u16,
}

/// Where a PDF line sits and how large its text is.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineGeometry {
    /// Bounding box on the page.
    pub bbox: Rect,
    /// Dominant font size of the normal-script text.
    pub font_size: f32,
    /// Page height, to tell top and bottom bands apart.
    pub page_height: f32,
    /// Page width.
    pub page_width: f32,
    /// Baseline of the normal-script text.
    pub baseline: f32,
    /// Id of the font carrying most of the line's text (see [`Line::face`]); 0 if unknown.
    pub face: u32,
    /// Whether every visible character is set in a monospaced (typewriter) font: code
    /// listings are (see [`Line::monospace`]).
    pub monospace: bool,
}

/// Whether at least two other lines of `page` that `like` accepts (given `line`'s geometry
/// and theirs) stand level with `line`, their heights overlapping its own by a third, each
/// two ems or more to its left or right: `line` is then one cell of a row, such as a
/// table's header whose cells sit on jagged baselines. A word gap, even a letter-spaced
/// one, is narrower; a title or a heading stands alone across its line.
pub fn level_with_cells<'a>(
    line: &TextLine,
    page: impl IntoIterator<Item = &'a TextLine>,
    like: impl Fn(&LineGeometry, &LineGeometry) -> bool,
) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    let height = (g.bbox.y1 - g.bbox.y0).max(1.0);
    page.into_iter()
        .filter(|o| o.source_line != line.source_line && !o.is_blank())
        .filter_map(|o| o.geometry)
        .filter(|h| {
            like(&g, h)
                && h.bbox.y1.min(g.bbox.y1) - h.bbox.y0.max(g.bbox.y0) >= height / 3.0
                && (h.bbox.x0 - g.bbox.x1 >= 2.0 * size || g.bbox.x0 - h.bbox.x1 >= 2.0 * size)
        })
        .nth(1)
        .is_some()
}

impl TextLine {
    /// A plain text line (used by tests and by the text path).
    pub fn new(text: &str, page: usize, source_line: usize) -> Self {
        let indent = text.chars().take_while(|c| *c == ' ').count() as f32;
        TextLine {
            text: rich::strip_forged(text.trim()).into_owned(),
            indent,
            page,
            source_line,
            geometry: None,
            column: 0,
            halved: false,
            tag: None,
            boxed: 0,
            rule_below: None,
            form_label: false,
            side_label: false,
            chart: 0,
            cell: None,
            plain_memo: PlainMemo::default(),
        }
    }

    /// Whether the line is blank.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the line runs up or down the page (a stamp set up the margin, a turned
    /// table's footer): its box is much taller than its type and than it is wide (the PDF
    /// reader boxes turned text as drawn).
    pub fn is_turned(&self) -> bool {
        self.geometry.is_some_and(|g| {
            let (w, h) = (g.bbox.x1 - g.bbox.x0, g.bbox.y1 - g.bbox.y0);
            h > 3.0 * g.font_size.max(1.0) && h > 3.0 * w
        })
    }

    /// The visible text without style sentinels.
    pub fn plain(&self) -> String {
        self.plain_cow().into_owned()
    }

    /// The number of characters of [`TextLine::plain`].
    pub fn plain_char_count(&self) -> usize {
        match self.plain_memo.kept(&self.text) {
            Some(plain) => plain.chars().count(),
            None => rich::plain_char_count(&self.text),
        }
    }

    /// [`TextLine::plain`], borrowed from the line when it holds no sentinel.
    pub fn plain_cow(&self) -> std::borrow::Cow<'_, str> {
        self.plain_memo.plain_of(&self.text)
    }
}

/// Lines of a text block on one page, numbered from 1 (for tests).
#[cfg(test)]
pub(crate) fn test_lines(text: &str) -> Vec<TextLine> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| TextLine::new(l, 1, i + 1))
        .collect()
}

/// A PDF line for tests: `text` between `x0` and `x1` on `baseline` (A4 page), set in
/// `size` points, its box reaching `size` above the baseline.
#[cfg(test)]
pub(crate) fn test_placed(
    text: &str,
    page: usize,
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
) -> TextLine {
    let mut l = TextLine::new(text, page, 0);
    l.geometry = Some(LineGeometry {
        bbox: crate::source::Rect {
            x0,
            y0: baseline - size,
            x1,
            y1: baseline + 0.2 * size,
        },
        font_size: size,
        page_height: 842.0,
        page_width: 595.0,
        baseline,
        face: 0,
        monospace: false,
    });
    l
}

/// The value of a text that is only a number, perhaps signed ("-2", "−0.5", "2019").
pub fn bare_number(text: &str) -> Option<f64> {
    let plain = text.trim();
    let digits = plain.trim_start_matches(['-', '−', '+', '–']);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    Some(if digits.len() < plain.len() && !plain.starts_with('+') {
        -value
    } else {
        value
    })
}

/// The size of running text: the font size carrying the most characters.
pub fn body_font_size(lines: &[TextLine]) -> Option<f32> {
    let mut weights: Vec<(f32, usize)> = Vec::new();
    for l in lines {
        let Some(g) = l.geometry else { continue };
        if g.font_size <= 0.0 {
            continue;
        }
        let n = l.plain_char_count();
        let key = (g.font_size * 2.0).round() / 2.0;
        match weights.iter_mut().find(|(s, _)| *s == key) {
            Some((_, w)) => *w += n,
            None => weights.push((key, n)),
        }
    }
    weights
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)))
        .map(|(s, _)| s)
}

/// Flattens a reader's pages into the line stream.
pub fn from_source(doc: &SourceDocument) -> Vec<TextLine> {
    // One line out per line in: sized once rather than regrown (a line is a large value).
    let mut out = Vec::with_capacity(doc.pages.iter().map(|p| p.lines.len()).sum());
    let mut monospace = foldhash::HashMap::default();
    for page in &doc.pages {
        let page_height = page.size.map(|s| s.height).unwrap_or(0.0);
        let page_width = page.size.map(|s| s.width).unwrap_or(0.0);
        let left = page
            .lines
            .iter()
            .filter_map(|l| l.bbox.map(|b| b.x0))
            .reduce(f32::min)
            .unwrap_or(0.0);
        for line in &page.lines {
            let mut tl = if line.bbox.is_some() {
                styled_line(line)
            } else {
                let text = line.text();
                TextLine::new(&text, page.number, line.source_line)
            };
            tl.page = page.number;
            tl.source_line = line.source_line;
            tl.tag = line.tag;
            if let Some(bbox) = line.bbox {
                tl.indent = bbox.x0 - left;
                tl.geometry = Some(LineGeometry {
                    bbox,
                    font_size: line.font_size().unwrap_or(0.0),
                    page_height,
                    page_width,
                    baseline: line.baseline.unwrap_or(bbox.y1),
                    face: line.face(),
                    monospace: line.monospace(&mut monospace),
                });
            }
            out.push(tl);
        }
    }
    out
}

/// Folds a styled line's spans into rich text.
fn styled_line(line: &Line) -> TextLine {
    // The spans' text and a few sentinels around each: room for both up front.
    let mut text = String::with_capacity(line.spans.iter().map(|s| s.text.len() + 16).sum());
    for span in &line.spans {
        let t = rich::strip_forged(&span.text);
        if t.is_empty() {
            continue;
        }
        let (on, off) = match span.style.script {
            Script::Super => (Some(SUP_ON), Some(SUP_OFF)),
            Script::Sub => (Some(SUB_ON), Some(SUB_OFF)),
            Script::Normal => (None, None),
        };
        let styled = !t.trim().is_empty();
        if styled && span.style.bold {
            text.push(BOLD_ON);
        }
        if styled && span.style.italic {
            text.push(ITALIC_ON);
        }
        if let Some(on) = on {
            text.push(on);
        }
        text.push_str(&t);
        if let Some(off) = off {
            text.push(off);
        }
        if styled && span.style.italic {
            text.push(ITALIC_OFF);
        }
        if styled && span.style.bold {
            text.push(BOLD_OFF);
        }
    }
    TextLine {
        text: trim_rich_owned(rich::tidy_owned(text)),
        ..Default::default()
    }
}

/// The index ranges of consecutive lines on the same page, in order. Lines arrive grouped by
/// page, so a page change closes a range.
pub fn page_ranges(lines: &[TextLine]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let page = lines.get(start)?.page;
        let end = lines[start..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| start + k);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// Trims whitespace at both ends of rich text, looking through leading and trailing
/// sentinels.
pub fn trim_rich(s: &str) -> String {
    // Whitespace goes from the stretches before the first and after the last visible
    // character; the sentinels there stay. Read on the string, without a copy into chars.
    let visible = |c: char| !c.is_whitespace() && !rich::is_sentinel(c);
    let Some(start) = s.find(visible) else {
        // Nothing visible: only the sentinels remain.
        return s.chars().filter(|&c| rich::is_sentinel(c)).collect();
    };
    let end = s.rfind(visible).map_or(s.len(), |i| {
        i + s[i..].chars().next().map_or(0, char::len_utf8)
    });
    let mut out = String::with_capacity(s.len());
    out.extend(s[..start].chars().filter(|c| !c.is_whitespace()));
    out.push_str(&s[start..end]);
    out.extend(s[end..].chars().filter(|c| !c.is_whitespace()));
    out
}

/// [`trim_rich`] of an owned text, handed back as it is when nothing is to be trimmed (a
/// line's text as the reader built it, most often).
fn trim_rich_owned(s: String) -> String {
    let edge = |c: char| c.is_whitespace() || rich::is_sentinel(c);
    let ends_visible = s.chars().next().is_some_and(|c| !edge(c))
        && s.chars().next_back().is_some_and(|c| !edge(c));
    if ends_visible { s } else { trim_rich(&s) }
}

/// [`trim_rich`] as it was first written (on a copy into chars), to check the above against.
#[cfg(test)]
fn trim_rich_by_chars(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            chars.remove(i);
        } else if rich::is_sentinel(chars[i]) {
            i += 1;
        } else {
            break;
        }
    }
    let mut j = chars.len();
    while j > 0 {
        if chars[j - 1].is_whitespace() {
            chars.remove(j - 1);
            j -= 1;
        } else if rich::is_sentinel(chars[j - 1]) {
            j -= 1;
        } else {
            break;
        }
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Page, Span, Style};

    #[test]
    fn page_ranges_follow_page_changes() {
        let lines: Vec<TextLine> = [1, 1, 2, 3, 3, 3]
            .iter()
            .enumerate()
            .map(|(i, &p)| TextLine::new("x", p, i + 1))
            .collect();
        let ranges: Vec<_> = page_ranges(&lines).collect();
        assert_eq!(ranges, vec![0..2, 2..3, 3..6]);
        assert_eq!(page_ranges(&[]).count(), 0);
    }

    #[test]
    fn kept_plain_text_follows_every_change_of_the_rich_text() {
        let mut l = TextLine::new("x", 1, 1);
        l.text = format!("{BOLD_ON}Heading{BOLD_OFF} and text");
        assert_eq!(l.plain_cow(), "Heading and text");
        assert_eq!(l.plain_char_count(), 16);
        // Kept now; a clone shares it, and neither equality nor the text depends on it.
        let copy = l.clone();
        let mut fresh = TextLine::new("x", 1, 1);
        fresh.text.clone_from(&l.text);
        assert_eq!(copy, fresh);
        assert_eq!(copy.plain(), "Heading and text");
        // Assigned, edited in place to the same length, emptied: each time the plain text
        // is that of the text as it is, not the one kept.
        l.text = format!("{ITALIC_ON}Other{ITALIC_OFF} words");
        assert_eq!(l.plain_cow(), "Other words");
        assert_eq!(l.plain_char_count(), 11);
        l.text = l.text.replace("words", "wordz");
        assert_eq!(l.plain(), "Other wordz");
        l.text.clear();
        assert_eq!(l.plain_cow(), "");
        assert_eq!(copy.plain_cow(), "Heading and text");
    }

    #[test]
    fn plain_lines_keep_indent_and_strip_forged_sentinels() {
        let l = TextLine::new(&format!("   word{SUP_ON}"), 2, 7);
        assert_eq!(l.indent, 3.0);
        assert_eq!(l.text, "word");
        assert_eq!((l.page, l.source_line), (2, 7));
    }

    #[test]
    fn styled_spans_become_sentinels() {
        let span = |t: &str, bold, script| Span {
            text: t.into(),
            style: Style {
                bold,
                script,
                size: Some(10.0),
                ..Default::default()
            },
            bbox: None,
        };
        let line = Line {
            spans: vec![
                span("Lead: ", true, Script::Normal),
                span("text.", false, Script::Normal),
                span("4", false, Script::Super),
            ],
            source_line: 1,
            bbox: Some(Rect {
                x0: 80.0,
                y0: 100.0,
                x1: 300.0,
                y1: 112.0,
            }),
            baseline: Some(110.0),
            tag: None,
        };
        let doc = SourceDocument {
            pages: vec![Page {
                number: 1,
                lines: vec![line],
                ..Default::default()
            }],
            ..Default::default()
        };
        let lines = from_source(&doc);
        assert_eq!(
            lines[0].text,
            format!("{BOLD_ON}Lead:{BOLD_OFF} text.{SUP_ON}4{SUP_OFF}").replace(
                &format!("{BOLD_ON}Lead:{BOLD_OFF} "),
                &format!("{BOLD_ON}Lead: {BOLD_OFF}")
            )
        );
        assert_eq!(lines[0].geometry.unwrap().font_size, 10.0);
    }

    #[test]
    fn trim_on_the_string_matches_trim_on_chars() {
        let (bold, sup_off) = (BOLD_ON.to_string(), SUP_OFF.to_string());
        let parts = [
            " ", "\t", "\u{a0}", "a", "é", "x y", &bold, &sup_off, "\u{2003}",
        ];
        // Every string of up to four parts.
        let mut cases = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = cases
                .iter()
                .flat_map(|c| parts.iter().map(move |p| format!("{c}{p}")))
                .collect();
            cases.extend(longer);
            cases.sort();
            cases.dedup();
        }
        for c in &cases {
            assert_eq!(trim_rich(c), trim_rich_by_chars(c), "{c:?}");
            assert_eq!(trim_rich_owned(c.clone()), trim_rich_by_chars(c), "{c:?}");
        }
    }

    #[test]
    fn trim_looks_through_sentinels() {
        assert_eq!(
            trim_rich(&format!("{BOLD_ON} a {BOLD_OFF} ")),
            format!("{BOLD_ON}a{BOLD_OFF}")
        );
    }
}
