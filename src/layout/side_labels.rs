//! Labels set in a narrow column of their own beside the blocks of text they name: a
//! journal's cover page ("References", "Email alerting service"), a CV's dates, a memo's
//! "TO:" and "SUBJECT:", a report's margin heads. Read by height alone, a label of two
//! lines falls between the lines of its block; instead each label is read whole (its lines
//! joined into one), then the block beside it, from the label's top down to the next label.
//!
//! The evidence is the page's geometry: a left edge most lines share (the text column),
//! a clear channel left of it, and left of the channel only short lines in small groups,
//! each group's first line level with the first line of a block (white space above it).
//! A page with anything else left of the channel (a column of running text, a figure's
//! lettering, line numbers) is left to the column readers; so is a table, whose cells
//! share baselines right of the channel, and a form whose labels each stand on their
//! value's one line (read by height, it reads the same).

use super::gutters::top_to_bottom;
use crate::lines::TextLine;

/// Narrowest channel between labels and the text column, in ems of the text.
const MIN_CHANNEL: f32 = 0.8;

/// Most lines in one label, and most words on each of its lines.
const LABEL_LINES: usize = 4;
const LABEL_WORDS: usize = 6;

/// Widest the label column may be, as a share of the text column's width.
const LABEL_SHARE: f32 = 0.5;

/// Most lines on a page for which labels are sought.
const MAX_LINES: usize = 400;

/// A page read label by label: the lines in reading order, the number of labels and the
/// x of the text column's edge.
pub(super) struct Read {
    pub lines: Vec<TextLine>,
    pub labels: usize,
    pub edge: f32,
}

/// The page's lines read label by label when a column of labels stands beside its text
/// (see the module doc); `None` leaves the page to the column readers.
pub(super) fn read(page: &[TextLine]) -> Option<Read> {
    if page.len() > MAX_LINES || page.len() < 4 {
        return None;
    }
    let geo: Vec<_> = page
        .iter()
        .map(|l| l.geometry)
        .collect::<Option<Vec<_>>>()?;
    if page.iter().any(|l| l.tag.is_some()) {
        return None;
    }
    let edge = text_edge(page)?;
    let em = super::bands::median(geo.iter().map(|g| g.font_size).filter(|&s| s > 0.0))?;
    let channel = MIN_CHANNEL * em;
    let at = |l: &TextLine| -> At {
        let g = l.geometry.expect("checked above");
        if g.bbox.x0 >= edge - 1.0 {
            At::Text
        } else if g.bbox.x1 <= edge - channel {
            At::Label
        } else {
            At::Across
        }
    };
    let sorted = top_to_bottom(page);
    let text = placed(&sorted, &at, At::Text);
    let labels = placed(&sorted, &at, At::Label);
    if labels.is_empty() || text.len() < 2 * labels.len() || !narrow(&labels, &text, edge) {
        return None;
    }
    if !runs_on(&text) || labels.iter().any(|l| !label_like(l)) {
        return None;
    }
    // Stretches between lines across the channel, each read on its own.
    let mut out = Vec::with_capacity(page.len());
    let mut stretch: Vec<&TextLine> = Vec::new();
    let mut groups = 0;
    let mut multi = false;
    for l in sorted {
        if at(l) == At::Across {
            let (read, n, m) = read_stretch(&stretch, &at)?;
            out.extend(read);
            groups += n;
            multi |= m;
            stretch.clear();
            out.push(l.clone());
        } else {
            stretch.push(l);
        }
    }
    let (read, n, m) = read_stretch(&stretch, &at)?;
    out.extend(read);
    groups += n;
    multi |= m;
    // Two labels at least, beside blocks of text or set on several lines: labels each on
    // one line beside a value of one line (a form's rows) are left to the row readers.
    (groups >= 2 && multi && out.as_slice() != page).then_some(Read {
        lines: out,
        labels: groups,
        edge,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Label,
    Text,
    Across,
}

/// The lines of `lines` that `at` places at `place`, in their order.
fn placed<'a>(
    lines: &[&'a TextLine],
    at: &dyn Fn(&TextLine) -> At,
    place: At,
) -> Vec<&'a TextLine> {
    lines.iter().copied().filter(|l| at(l) == place).collect()
}

/// One stretch read label by label: the text above the first label, then each label and
/// its block, then the labels below the last block (a "Notes" head over what follows).
/// Returns the lines, the number of labels, and whether a label has more than one line or
/// most blocks do; `None` when a label stands beside no block's first line.
fn read_stretch(
    stretch: &[&TextLine],
    at: &dyn Fn(&TextLine) -> At,
) -> Option<(Vec<TextLine>, usize, bool)> {
    let top = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y0);
    let bottom = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y1);
    let size = |l: &TextLine| l.geometry.map_or(0.0, |g| g.font_size);
    let text = placed(stretch, at, At::Text);
    let labels = placed(stretch, at, At::Label);
    if labels.is_empty() {
        return Some((stretch.iter().map(|&l| l.clone()).collect(), 0, false));
    }
    // A block opens where white space (or a paragraph's short last line) sets a text line
    // off from the one above it.
    let opens_block = |k: usize| {
        k == 0 || {
            let (above, l) = (text[k - 1], text[k]);
            top(l) - bottom(above) >= 0.4 * size(l)
        }
    };
    let level = |a: &TextLine, b: &TextLine| {
        let tolerance = 0.3 * size(a).max(size(b));
        (top(a) - top(b)).abs() <= tolerance
            || (a.geometry.map_or(0.0, |g| g.baseline) - b.geometry.map_or(0.0, |g| g.baseline))
                .abs()
                <= tolerance
    };
    let text_bottom = text.iter().map(|l| bottom(l)).reduce(f32::max);
    // Labels: a line level with a block's first line opens one; a line just under the
    // label before it (less than half its size apart) goes on with it.
    let mut groups: Vec<(usize, Vec<&TextLine>)> = Vec::new();
    let mut tail: Vec<&TextLine> = Vec::new();
    for &l in &labels {
        if !tail.is_empty() || text_bottom.is_none_or(|b| top(l) >= b) {
            tail.push(l);
            continue;
        }
        let opens = (0..text.len()).find(|&k| opens_block(k) && level(l, text[k]));
        let goes_on = groups.last().is_some_and(|(_, g)| {
            let last = g[g.len() - 1];
            g.len() < LABEL_LINES && top(l) - bottom(last) < 0.5 * size(l)
        });
        match opens {
            Some(k) if groups.last().is_none_or(|&(at, _)| at < k) => groups.push((k, vec![l])),
            _ if goes_on => groups.last_mut().expect("checked").1.push(l),
            _ => return None,
        }
    }
    let mut out = Vec::with_capacity(stretch.len());
    let first = groups.first().map_or(text.len(), |g| g.0);
    out.extend(text[..first].iter().map(|&l| l.clone()));
    let (mut long_label, mut long_blocks) = (false, 0);
    for (i, (k, label)) in groups.iter().enumerate() {
        let end = groups.get(i + 1).map_or(text.len(), |g| g.0);
        long_label |= label.len() > 1;
        long_blocks += usize::from(end - k > 1);
        out.push(joined(label));
        out.extend(text[*k..end].iter().map(|&l| l.clone()));
    }
    out.extend(tail.iter().map(|&l| l.clone()));
    // Blocks of running text beside the labels, or a label of several lines: a form's
    // values, one line each, are no blocks.
    let multi = long_label || 2 * long_blocks >= groups.len().max(1) && long_blocks > 0;
    Some((out, groups.len(), multi))
}

/// A label's lines as one line: its words in order, its box around them all, its first
/// line's baseline and size. A word broken at a line's end keeps its hyphen (the
/// cleaning passes judge hyphens; nothing is dropped here).
fn joined(label: &[&TextLine]) -> TextLine {
    let mut line = label[0].clone();
    line.side_label = true;
    for l in &label[1..] {
        if !crate::rich::plain(&line.text).trim_end().ends_with('-') {
            line.text.push(' ');
        }
        line.text.push_str(&l.text);
        line.text = crate::rich::tidy(&line.text);
        if let (Some(g), Some(h)) = (line.geometry.as_mut(), l.geometry) {
            g.bbox = g.bbox.union(&h.bbox);
        }
    }
    line
}

/// The text column's left edge: the x at which most lines start (to the point), when it
/// is not the page's leftmost one.
fn text_edge(page: &[TextLine]) -> Option<f32> {
    let mut starts: Vec<i32> = page
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox.x0.round() as i32))
        .collect();
    starts.sort_unstable();
    let mut best = (0usize, 0i32);
    let mut k = 0;
    while k < starts.len() {
        let n = starts[k..]
            .iter()
            .take_while(|&&x| x - starts[k] <= 1)
            .count();
        if n > best.0 {
            best = (n, starts[k]);
        }
        k += starts[k..].iter().take_while(|&&x| x == starts[k]).count();
    }
    let edge = best.1 as f32 - 0.5;
    (best.0 >= 3 && starts.first().is_some_and(|&x| (x as f32) < edge)).then_some(edge)
}

/// Whether the labels' column is narrow beside the text column's width.
fn narrow(labels: &[&TextLine], text: &[&TextLine], edge: f32) -> bool {
    let x0 = labels
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox.x0))
        .fold(f32::INFINITY, f32::min);
    let x1 = text
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox.x1))
        .fold(f32::NEG_INFINITY, f32::max);
    let labels_width = edge - x0;
    let text_width = x1 - edge;
    text_width > 0.0 && labels_width <= LABEL_SHARE * text_width
}

/// Whether a line reads as a label: a few words, with letters (not a line number).
fn label_like(l: &TextLine) -> bool {
    let t = l.plain_cow();
    let n = crate::words::words(&t);
    (1..=LABEL_WORDS).contains(&n)
        && t.split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 2)
}

/// Whether the text column's lines run on as text, each alone on its baseline: most of
/// them do not share a baseline with another (a table's cells do).
fn runs_on(text: &[&TextLine]) -> bool {
    let base = |l: &TextLine| l.geometry.map_or(0.0, |g| g.baseline);
    let shared = text
        .iter()
        .filter(|&&l| {
            text.iter().any(|&o| {
                !std::ptr::eq(o, l)
                    && (base(o) - base(l)).abs() <= 0.12 * o.geometry.map_or(0.0, |g| g.font_size)
            })
        })
        .count();
    shared * 3 <= text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, x0: f32, x1: f32, y: f32) -> TextLine {
        crate::layout::drawn_late::tests::at(text, x0, x1, y, 10.0)
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(|l| l.plain()).collect()
    }

    /// Blocks of three lines at x = 180, each with a label level with its first line; the
    /// second label is set on two lines. Drawn blocks first, labels after.
    fn labelled_blocks() -> Vec<TextLine> {
        let mut lines = Vec::new();
        let mut labels = Vec::new();
        for b in 0..3 {
            let top = 100.0 + 60.0 * b as f32;
            for k in 0..3 {
                let y = top + 12.0 * k as f32;
                lines.push(at(&format!("block {b} line {k} runs on"), 180.0, 520.0, y));
            }
            labels.push(at(&format!("Label {b}"), 90.0, 160.0, top));
            if b == 1 {
                labels.push(at("goes on", 110.0, 160.0, top + 12.0));
            }
        }
        lines.extend(labels);
        lines
    }

    #[test]
    fn each_label_is_read_whole_before_its_block() {
        let read = read(&labelled_blocks()).expect("a label column");
        assert_eq!(read.labels, 3);
        let t = texts(&read.lines);
        assert_eq!(
            t[..5],
            [
                "Label 0",
                "block 0 line 0 runs on",
                "block 0 line 1 runs on",
                "block 0 line 2 runs on",
                "Label 1 goes on"
            ]
        );
        assert_eq!(t[5], "block 1 line 0 runs on");
        assert_eq!(t[8], "Label 2");
        assert!(read.lines[4].side_label && !read.lines[5].side_label);
    }

    #[test]
    fn a_label_beside_the_middle_of_a_paragraph_is_no_side_label() {
        // Level with a block's second line: a margin note, not a label of the block.
        let mut lines = labelled_blocks();
        let last = lines.len() - 1;
        lines[last] = at("Label 2", 90.0, 160.0, 232.0);
        assert!(read(&lines).is_none());
    }

    #[test]
    fn two_columns_of_text_are_no_labels() {
        let mut lines = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("left line {i} of the column"), 60.0, 280.0, y));
            lines.push(at(
                &format!("right line {i} of the column"),
                310.0,
                530.0,
                y,
            ));
        }
        assert!(read(&lines).is_none());
    }

    #[test]
    fn a_tables_labels_on_its_cells_baselines_are_no_side_labels() {
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 24.0 * i as f32;
            lines.push(at(&format!("Row {i}"), 90.0, 140.0, y));
            if i == 2 {
                lines.push(at("wrapped", 90.0, 140.0, y + 12.0));
            }
            for (k, x) in [180.0, 300.0, 420.0].into_iter().enumerate() {
                lines.push(at(&format!("cell {i}.{k}"), x, x + 60.0, y));
            }
        }
        assert!(read(&lines).is_none());
    }

    #[test]
    fn a_forms_rows_and_line_numbers_are_left_to_the_row_readers() {
        // One label beside one value per row: read by height, it reads the same.
        let form: Vec<TextLine> = (0..5)
            .flat_map(|i| {
                let y = 100.0 + 20.0 * i as f32;
                [
                    at(&format!("Field {i}:"), 90.0, 150.0, y),
                    at(
                        &format!("the value of field {i} filled in"),
                        180.0,
                        520.0,
                        y,
                    ),
                ]
            })
            .collect();
        assert!(read(&form).is_none());
        // The same form drawn label column first, with one value wrapped onto two lines.
        let mut drawn: Vec<TextLine> = form.iter().step_by(2).cloned().collect();
        drawn.extend(form.iter().skip(1).step_by(2).cloned());
        drawn.push(at("and its second line", 180.0, 300.0, 192.0));
        assert!(read(&drawn).is_none());
        // Numbers beside each line of running text.
        let numbered: Vec<TextLine> = (0..10)
            .flat_map(|i| {
                let y = 100.0 + 12.0 * i as f32;
                [
                    at(&format!("{}", i + 1), 150.0, 160.0, y),
                    at(
                        &format!("line {i} of the numbered text runs on"),
                        180.0,
                        520.0,
                        y,
                    ),
                ]
            })
            .collect();
        assert!(read(&numbered).is_none());
    }
}
