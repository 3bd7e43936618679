//! List bullets drawn from a pi font, read back as bullets.
//!
//! Typesetting systems (3B2, Arbortext, older Quark set-ups) draw list bullets with a font
//! of their own, a "pi" font of arrows, boxes and dingbats, whose encoding names ordinary
//! characters: the triangle before each item of a journal's "Main messages" box comes out
//! as `<`, a check mark as `>`. Nothing in the text says these are marks; the font does.
//! A font that draws, in the whole document, nothing but single signs at the start of
//! lines, each followed by words in another font, is such a pi font, and its signs are
//! bullets: they become `•` and each is reported with the sign it replaced.
//!
//! Letters are never taken (a drop cap is a letter in a font of its own), nor quotation
//! marks and brackets (a pull quote opens with a large quote), nor the signs that label
//! notes (`*`, `†`, `‡`, `§`, `¶`, `‖`, `#`), nor raised or lowered signs.

use foldhash::HashMap;
use std::sync::Arc;

use crate::report::{Action, ActionKind, Report};
use crate::source::{Line, Page, Script};

/// Fewest marks a font must draw to be read as a pi font: one sign alone at a line start
/// proves nothing.
const MIN_MARKS: usize = 2;

/// Gap (em) between a mark and the next glyph that sets the mark apart from the word.
const SET_APART: f32 = 0.2;

/// Letters the text after a mark needs for the mark to start a list item.
const MIN_ITEM_LETTERS: usize = 2;

/// What one font draws through the document.
#[derive(Default)]
struct FontUse {
    /// Spans (page index, line index) that are a mark at a line start.
    marks: Vec<(usize, usize)>,
    /// It draws something else somewhere: a word, a sign inside a line, a raised sign.
    other: bool,
}

/// Turns the marks of pi fonts into bullets (see the module docs).
pub(super) fn repair(pages: &mut [Page], report: &mut Report) {
    let mut fonts: HashMap<Arc<str>, FontUse> = HashMap::default();
    for (p, page) in pages.iter().enumerate() {
        for (l, line) in page.lines.iter().enumerate() {
            let first = first_inked(line);
            for (s, span) in line.spans.iter().enumerate() {
                let Some(font) = &span.style.font else {
                    continue;
                };
                if span.text.trim().is_empty() {
                    continue;
                }
                let entry = fonts.entry(font.clone()).or_default();
                if Some(s) == first && is_mark(line, s) {
                    entry.marks.push((p, l));
                } else {
                    entry.other = true;
                }
            }
        }
    }
    let mut repaired: Vec<(usize, usize)> = fonts
        .into_values()
        .filter(|f| !f.other && f.marks.len() >= MIN_MARKS)
        .flat_map(|f| f.marks)
        .collect();
    repaired.sort_unstable();
    for (p, l) in repaired {
        let page = &mut pages[p];
        let line = &mut page.lines[l];
        let Some(s) = first_inked(line) else {
            continue;
        };
        let sign = line.spans[s].text.trim().to_string();
        let rest: String = line.spans[s + 1..]
            .iter()
            .map(|span| span.text.as_str())
            .collect::<String>()
            .trim()
            .chars()
            .take(60)
            .collect();
        line.spans[s].text = line.spans[s].text.replace(sign.as_str(), "•");
        report.push(
            Action::new(ActionKind::BulletRepaired)
                .page(page.number)
                .lines([line.source_line])
                .before(format!("{sign} {rest}"))
                .after(format!("• {rest}"))
                .evidence(format!(
                    "'{sign}' drawn by a font that draws only signs at the start of lines \
                     (a pi font's bullet)"
                ))
                .confidence(0.85),
        );
    }
}

/// The first span of a line with ink.
fn first_inked(line: &Line) -> Option<usize> {
    line.spans.iter().position(|s| !s.text.trim().is_empty())
}

/// Whether span `s`, the first inked span of `line`, is a single sign at the line's start
/// followed by an item's words in another font.
fn is_mark(line: &Line, s: usize) -> bool {
    let span = &line.spans[s];
    let mut chars = span.text.trim().chars();
    let (Some(sign), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if span.style.script != Script::Normal || !may_be_bullet(sign) {
        return false;
    }
    // A bullet stands apart from its item; a sign glued to the next word is part of it
    // (the rupee sign a font of its own draws as '`' before "17,81,841 crore").
    let Some(next) = line.spans.get(s + 1) else {
        return false;
    };
    let apart = next.text.starts_with(char::is_whitespace)
        || span
            .bbox
            .zip(next.bbox)
            .zip(span.style.size)
            .is_some_and(|((a, b), size)| b.x0 - a.x1 >= SET_APART * size);
    if !apart {
        return false;
    }
    let letters = line.spans[s + 1..]
        .iter()
        .filter(|t| t.style.font != span.style.font)
        .flat_map(|t| t.text.chars())
        .filter(|c| c.is_alphabetic())
        .count();
    letters >= MIN_ITEM_LETTERS
}

/// Signs a pi font's bullet may be read as: not a bullet already, not a letter or digit,
/// not a quotation mark or bracket, not a note's label.
fn may_be_bullet(c: char) -> bool {
    // A sign that reads as a bullet already (■, ►) is printed as it is.
    !crate::patterns::is_bullet_glyph(c)
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(
            c,
            '"' | '\''
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '*'
                | '†'
                | '‡'
                | '§'
                | '¶'
                | '‖'
                | '#'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Span, Style};

    fn span(text: &str, font: &str) -> Span {
        Span {
            text: text.into(),
            style: Style {
                font: Some(font.into()),
                ..Default::default()
            },
            bbox: None,
        }
    }

    fn page(lines: Vec<Vec<Span>>) -> Page {
        Page {
            number: 1,
            lines: lines
                .into_iter()
                .enumerate()
                .map(|(i, spans)| Line {
                    spans,
                    source_line: i + 1,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn texts(page: &Page) -> Vec<String> {
        page.lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn signs_of_a_font_that_draws_only_line_start_marks_become_bullets() {
        let mut pages = vec![page(vec![
            vec![span("<", "Pi"), span(" Eradication works better", "Text")],
            vec![span("alone for the treatment", "Text")],
            vec![span("<", "Pi"), span(" Refractory patients", "Text")],
        ])];
        let mut report = Report::default();
        repair(&mut pages, &mut report);
        let t = texts(&pages[0]);
        assert_eq!(t[0], "• Eradication works better");
        assert_eq!(t[2], "• Refractory patients");
        assert_eq!(report.count(ActionKind::BulletRepaired), 2);
    }

    #[test]
    fn a_font_that_draws_anything_else_keeps_its_signs() {
        // The same sign inside a line: a comparison, not a bullet.
        let mut pages = vec![page(vec![
            vec![span("<", "Math"), span(" 0.05 for both groups", "Text")],
            vec![span("p ", "Text"), span("<", "Math"), span(" 0.01", "Text")],
            vec![span("<", "Math"), span(" 0.001 in the third", "Text")],
        ])];
        let before = texts(&pages[0]);
        let mut report = Report::default();
        repair(&mut pages, &mut report);
        assert_eq!(texts(&pages[0]), before);
        assert_eq!(report.count(ActionKind::BulletRepaired), 0);
    }

    #[test]
    fn one_mark_letters_quotes_and_note_labels_stay() {
        let cases: [&[(&str, &str)]; 5] = [
            // A single sign proves nothing.
            &[("<", "Pi"), (" An only line", "Text")],
            // A drop cap is a letter in a font of its own.
            &[("T", "Drop"), ("he year began", "Text")],
            // A pull quote opens with a large quotation mark.
            &[("“", "Quote"), ("We will not wait", "Text")],
            // A note labelled by a dagger.
            &[("†", "Sym"), (" Corresponding author", "Text")],
            // A currency sign from a font of its own, glued to its amount.
            &[("`", "Rupee"), ("17,81,841 crore", "Text")],
        ];
        for case in cases {
            let line: Vec<Span> = case.iter().map(|(t, f)| span(t, f)).collect();
            let repeated = if case[0].0 == "<" {
                vec![line]
            } else {
                vec![line.clone(), line]
            };
            let mut pages = vec![page(repeated)];
            let before = texts(&pages[0]);
            let mut report = Report::default();
            repair(&mut pages, &mut report);
            assert_eq!(texts(&pages[0]), before, "{case:?}");
        }
    }
}
