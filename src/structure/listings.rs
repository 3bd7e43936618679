//! Code listings: consecutive lines set wholly in a monospaced font, in a document whose
//! running text is not. Their line breaks and indentation are part of the text, so they
//! are kept as printed (a preformatted block) instead of being joined into a paragraph.
//! Indentation is rebuilt from the lines' left edges in the font's own character width.

use crate::lines::TextLine;

/// Lines needed for a listing: a single monospaced line is as often a path, a command or
/// an address set in a sentence's place.
const MIN_LINES: usize = 2;

/// A vertical gap between two listing lines wider than this many of the listing's usual
/// line pitches is a blank line of the listing; wider than [`MAX_GAP`] sizes ends it.
const BLANK_LINE_PITCH: f32 = 1.6;

/// Gap (in type sizes) beyond which two monospaced runs are separate blocks.
const MAX_GAP: f32 = 3.5;

/// A run of listing lines `start..end` and its text, one line per printed line.
#[derive(Debug, Clone, PartialEq)]
pub struct ListingRun {
    /// First line index.
    pub start: usize,
    /// One past the last line index.
    pub end: usize,
    /// The listing, lines separated by `\n`, indentation as spaces.
    pub text: String,
}

fn is_code(l: &TextLine) -> bool {
    !l.is_blank() && l.geometry.is_some_and(|g| g.monospace)
}

/// Finds the listings among PDF lines (none in a document set mostly in a monospaced
/// font: a typewritten memo is running text).
pub fn find(lines: &[TextLine]) -> Vec<ListingRun> {
    let chars = |l: &TextLine| l.plain_cow().chars().filter(|c| !c.is_whitespace()).count();
    let all: usize = lines.iter().map(chars).sum();
    let mono: usize = lines.iter().filter(|l| is_code(l)).map(chars).sum();
    if mono * 2 >= all {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_code(&lines[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len()
            && is_code(&lines[end])
            && lines[end].page == lines[i].page
            && lines[end].column == lines[i].column
            && follows(&lines[end - 1], &lines[end])
        {
            end += 1;
        }
        if end - i >= MIN_LINES {
            out.push(ListingRun {
                start: i,
                end,
                text: text_of(&lines[i..end]),
            });
        }
        i = end;
    }
    out
}

/// Whether `next` continues the listing after `prev`: on the same baseline further right,
/// or on a line below within [`MAX_GAP`] sizes.
fn follows(prev: &TextLine, next: &TextLine) -> bool {
    let (Some(p), Some(n)) = (prev.geometry, next.geometry) else {
        return false;
    };
    let size = p.font_size.max(1.0);
    let step = n.baseline - p.baseline;
    (step.abs() <= 0.3 * size && n.bbox.x0 >= p.bbox.x1)
        || (step > 0.3 * size && step <= MAX_GAP * size)
}

/// The listing's text: each printed line indented by its distance from the listing's left
/// edge in character widths; pieces the reader split on one baseline rejoined with the
/// spaces their gap holds.
fn text_of(lines: &[TextLine]) -> String {
    let widths: Vec<f32> = lines
        .iter()
        .filter_map(|l| {
            let g = l.geometry?;
            let n = l.plain_char_count();
            (n >= 4).then(|| (g.bbox.x1 - g.bbox.x0) / n as f32)
        })
        .collect();
    let mut sorted = widths.clone();
    sorted.sort_by(f32::total_cmp);
    let size = lines[0].geometry.map_or(10.0, |g| g.font_size);
    // The usual monospaced advance is 0.6 of the size; the lines' own width says better.
    let char_w = sorted
        .get(sorted.len() / 2)
        .copied()
        .filter(|w| *w > 0.0)
        .unwrap_or(0.6 * size);
    let left = lines
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox.x0))
        .fold(f32::INFINITY, f32::min);
    let pitch = lines
        .windows(2)
        .filter_map(|w| Some(w[1].geometry?.baseline - w[0].geometry?.baseline))
        .filter(|d| *d > 0.3 * size)
        .fold(f32::INFINITY, f32::min);
    let spaces = |from: f32, to: f32| " ".repeat(((to - from) / char_w).round().max(0.0) as usize);
    let mut out = String::new();
    let mut prev: Option<crate::lines::LineGeometry> = None;
    for l in lines {
        let Some(g) = l.geometry else { continue };
        // A listing holds no markup: raised and lowered digits keep their forms.
        let text = crate::rich::plain_scripted(&l.text);
        match prev {
            Some(p) if (g.baseline - p.baseline).abs() <= 0.3 * size => {
                out.push_str(&spaces(p.bbox.x1, g.bbox.x0).max(" ".to_string()));
            }
            Some(p) => {
                out.push('\n');
                if g.baseline - p.baseline > BLANK_LINE_PITCH * pitch {
                    out.push('\n');
                }
                out.push_str(&spaces(left, g.bbox.x0));
            }
            None => out.push_str(&spaces(left, g.bbox.x0)),
        }
        out.push_str(text.trim_end());
        prev = Some(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, x0: f32, baseline: f32) -> TextLine {
        let x1 = x0 + 5.4 * text.chars().count() as f32;
        let mut l = crate::lines::test_placed(text, 1, x0, x1, baseline, 9.0);
        l.geometry.as_mut().unwrap().monospace = true;
        l
    }

    fn prose(text: &str, baseline: f32) -> TextLine {
        crate::lines::test_placed(text, 1, 72.0, 540.0, baseline, 10.0)
    }

    #[test]
    fn indentation_comes_from_the_left_edges_and_blank_lines_from_the_gaps() {
        let lines = vec![
            prose("The function below sums the readings of a month.", 100.0),
            code("def total(xs):", 90.0, 120.0),
            code("s = 0", 90.0 + 4.0 * 5.4, 131.0),
            code("for x in xs:", 90.0 + 4.0 * 5.4, 142.0),
            code("s += x", 90.0 + 8.0 * 5.4, 153.0),
            code("return s", 90.0 + 4.0 * 5.4, 175.0),
            prose("Missing readings are counted as zero.", 195.0),
        ];
        let found = find(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (1, 6));
        assert_eq!(
            found[0].text,
            "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n\n    return s"
        );
    }

    /// A listing is written with no markup: a raised digit keeps its superscript form
    /// ("x²"), where plain text would read "x2".
    #[test]
    fn raised_digits_in_a_listing_keep_their_form() {
        let sup = |t: &str| format!("{}{t}{}", crate::rich::SUP_ON, crate::rich::SUP_OFF);
        let mut raised = code("area = r * r  # r", 90.0, 131.0);
        raised.text = format!("area = r * r  # r{}", sup("2"));
        let lines = vec![
            prose("The area of the disc follows.", 100.0),
            code("def area(r):", 90.0, 120.0),
            raised,
            code("return area", 90.0, 142.0),
            prose("It is used below.", 162.0),
        ];
        let found = find(&lines);
        assert_eq!(found.len(), 1);
        assert!(found[0].text.contains("# r²"), "{:?}", found[0].text);
    }

    #[test]
    fn one_monospaced_line_and_a_typewritten_document_hold_no_listing() {
        let lone = vec![
            prose("Run the command", 100.0),
            code("make install", 90.0, 112.0),
            prose("to install it.", 124.0),
        ];
        assert!(find(&lone).is_empty());
        let typed: Vec<TextLine> = (0..6)
            .map(|i| {
                code(
                    "MEMORANDUM FOR THE RECORD, page text",
                    72.0,
                    100.0 + 12.0 * i as f32,
                )
            })
            .collect();
        assert!(find(&typed).is_empty());
    }
}
