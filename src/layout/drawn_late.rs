//! Blocks drawn out of place on a page without columns: a letterhead, a table's header
//! row or a caption that the producer drew after the rest of the page. The reader gives
//! lines in drawing order; where that order jumps back up the page to a block that lies
//! above every line read so far, that block is read first. A block that would have to go
//! between lines already read stays where it was drawn (moving it into a gap changed
//! title blocks and forms on the corpus for no clear gain), text set beside lines read
//! so far keeps the drawing order, and no line is moved within its block.

use crate::lines::TextLine;

/// A move up the page of more than this share of the line's size starts a new block.
const JUMP_UP: f32 = 0.5;

/// A gap between two consecutive lines wider than this many line sizes separates
/// blocks drawn in one run (a header row and a caption far below it).
const BLOCK_GAP: f32 = 1.5;

/// Blocks set smaller than this share of the page's usual size stay where they were
/// drawn: limits and indices drawn apart from their formula belong to it.
const MIN_SIZE_SHARE: f32 = 0.8;

fn top(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.bbox.y0)
}

fn bottom(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.bbox.y1)
}

fn size(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.font_size)
}

fn base(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.baseline)
}

/// The page's lines with blocks drawn late put at their place on the page, and how many
/// blocks moved; `None` when nothing moved. Tagged pages keep the structure's order.
pub fn place(page: &[TextLine]) -> Option<(Vec<TextLine>, usize)> {
    if page.len() < 2
        || page.iter().any(|l| l.geometry.is_none() || l.tag.is_some())
        || page
            .iter()
            .any(|l| !(top(l).is_finite() && bottom(l).is_finite()))
    {
        return None;
    }
    let blocks = blocks(page);
    if blocks.len() < 2 {
        return None;
    }
    let usual = usual_size(page);
    let mut flow: Vec<&TextLine> = blocks[0].iter().collect();
    let mut moved = 0;
    for block in &blocks[1..] {
        let lines: Vec<&TextLine> = block.iter().collect();
        let at = if block.iter().all(|l| size(l) >= MIN_SIZE_SHARE * usual) {
            band_position(&flow, block)
        } else {
            None
        };
        match at {
            Some(0) => {
                flow.splice(0..0, lines);
                moved += 1;
            }
            _ => flow.extend(lines),
        }
    }
    (moved > 0).then(|| (flow.into_iter().cloned().collect(), moved))
}

/// Runs of lines in drawing order that go down the page, each cut where a wide gap
/// separates two consecutive lines.
fn blocks(page: &[TextLine]) -> Vec<&[TextLine]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..page.len() {
        let (prev, line) = (&page[k - 1], &page[k]);
        let line_size = size(prev).max(size(line));
        let jumps_up = base(line) < base(prev) - JUMP_UP * line_size;
        let gap = top(line) - bottom(prev) > BLOCK_GAP * line_size;
        if jumps_up || gap {
            out.push(&page[start..k]);
            start = k;
        }
    }
    out.push(&page[start..]);
    out
}

/// Where `block` would go in `flow`: the index before which every line lies above the
/// block and from which every line lies below it, if there is one.
fn band_position(flow: &[&TextLine], block: &[TextLine]) -> Option<usize> {
    let tolerance = 1.0;
    let block_top = block.iter().map(top).fold(f32::INFINITY, f32::min);
    let block_bottom = block.iter().map(bottom).fold(f32::NEG_INFINITY, f32::max);
    let k = flow
        .iter()
        .position(|l| bottom(l) > block_top + tolerance)
        .unwrap_or(flow.len());
    flow[k..]
        .iter()
        .all(|l| top(l) >= block_bottom - tolerance)
        .then_some(k)
}

/// The font size carrying the most lines on the page.
fn usual_size(page: &[TextLine]) -> f32 {
    let mut sizes: Vec<f32> = page.iter().map(|l| (size(l) * 2.0).round() / 2.0).collect();
    sizes.sort_by(f32::total_cmp);
    let mut best = (0, 0.0);
    let mut k = 0;
    while k < sizes.len() {
        let run = sizes[k..].iter().take_while(|&&s| s == sizes[k]).count();
        if run > best.0 {
            best = (run, sizes[k]);
        }
        k += run;
    }
    best.1
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::lines::LineGeometry;
    use crate::source::Rect;

    /// A line at `y` (its top) from `x0` to `x1`, on a page of A4 size.
    pub(crate) fn at(text: &str, x0: f32, x1: f32, y: f32, font_size: f32) -> TextLine {
        let mut l = TextLine::new(text, 1, 0);
        l.geometry = Some(LineGeometry {
            bbox: Rect {
                x0,
                y0: y,
                x1,
                y1: y + font_size,
            },
            font_size,
            page_height: 842.0,
            page_width: 595.0,
            face: 0,
            monospace: false,
            baseline: y + 0.8 * font_size,
        });
        l
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(|l| l.plain()).collect()
    }

    #[test]
    fn a_letterhead_drawn_last_is_read_first() {
        let mut page: Vec<TextLine> = (0..6)
            .map(|i| {
                at(
                    &format!("body {i}"),
                    80.0,
                    500.0,
                    300.0 + 14.0 * i as f32,
                    11.0,
                )
            })
            .collect();
        page.push(at("ACME REPAIR", 200.0, 380.0, 200.0, 22.0));
        page.push(at("Phone: 000", 220.0, 360.0, 230.0, 14.0));
        let (out, moved) = place(&page).expect("the letterhead moves");
        assert_eq!(moved, 1);
        assert_eq!(&texts(&out)[..3], ["ACME REPAIR", "Phone: 000", "body 0"]);
        assert_eq!(out.len(), page.len());
    }

    #[test]
    fn a_header_drawn_late_between_lines_read_stays_where_it_was_drawn() {
        let mut page = Vec::new();
        for i in 0..3 {
            page.push(at(
                &format!("row {i}"),
                80.0,
                500.0,
                100.0 + 14.0 * i as f32,
                11.0,
            ));
        }
        for i in 0..3 {
            page.push(at(
                &format!("total {i}"),
                80.0,
                500.0,
                200.0 + 14.0 * i as f32,
                11.0,
            ));
        }
        page.push(at("Totals", 250.0, 320.0, 170.0, 11.0));
        assert!(place(&page).is_none());
    }

    #[test]
    fn text_drawn_beside_earlier_text_keeps_the_drawing_order() {
        // A right-hand block drawn after the left one, with no gutter found: it lies
        // beside lines already read, so nothing moves.
        let mut page = Vec::new();
        for i in 0..4 {
            page.push(at(
                &format!("L{i}"),
                60.0,
                280.0,
                100.0 + 14.0 * i as f32,
                10.0,
            ));
        }
        for i in 0..4 {
            page.push(at(
                &format!("R{i}"),
                310.0,
                530.0,
                100.0 + 14.0 * i as f32,
                10.0,
            ));
        }
        assert!(place(&page).is_none());
    }

    #[test]
    fn small_pieces_of_a_formula_stay_with_it() {
        let page = vec![
            at("text above", 60.0, 500.0, 100.0, 11.0),
            at("∫ f(x) dx = F(b) − F(a)", 150.0, 300.0, 140.0, 11.0),
            at("b", 160.0, 164.0, 125.0, 7.0),
            at("text below", 60.0, 500.0, 170.0, 11.0),
        ];
        assert!(place(&page).is_none());
    }

    #[test]
    fn tagged_pages_keep_the_structure_order() {
        let mut page = vec![
            at("body", 80.0, 500.0, 300.0, 11.0),
            at("Head", 200.0, 380.0, 200.0, 22.0),
        ];
        page[0].tag = Some(crate::source::LineTag {
            artifact: None,
            kind: crate::source::TagKind::Paragraph,
            element: 0,
            list_depth: 0,
            in_table: false,
            in_note: false,
            cell: None,
        });
        assert!(place(&page).is_none());
    }
}
