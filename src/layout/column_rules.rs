//! Column rules: lines drawn down the page between columns of text, as bulletins,
//! newspapers and some journals print them. A rule is its own gutter: the columns on its
//! sides may stand a few points apart, too close for a gap in the text to show them
//! (a county's election bulletin sets four columns of contests 6 pt apart, each ruled
//! off from the next), and then the text pass read the page across.
//!
//! A rule is taken as a gutter only where the page proves it one: it runs down a good
//! part of the page, no line within its length crosses it, each side holds lines of its
//! own, each column is a dozen ems wide, and no side is a column of figures (a table
//! ruled between its columns, whose rows must be read across). A gutter the white space
//! shows is preferred, unless it runs through the ruled columns' lines.

use crate::lines::TextLine;
use crate::source::Page;

use super::gutters::{Ink, MIN_SIDE};

/// The shortest column rule, as a share of the page's height: a column of a few
/// paragraphs.
const MIN_LENGTH: f32 = 0.1;

/// The thickest rule (points) taken for a column rule: a bar wider than this is a
/// decoration or a filled panel's edge.
const MAX_THICKNESS: f32 = 3.0;

/// How far apart (points) pieces of one rule drawn in segments (dashes, a rule broken at
/// each page region) may lie.
const SEGMENT_GAP: f32 = 6.0;

/// The narrowest column of text (ems of its median type size).
const MIN_WIDTH: f32 = 12.0;

/// The most long rules down a page of columns: more are a chart's gridlines or a
/// lattice, not rules between columns (and each would cost a count of the page's lines).
const MAX_RULES: usize = 32;

/// The share of figures past which a side is a table's column of values.
const MAX_FIGURES: f32 = 0.7;

/// A page's text cut by column rules: the lines above the rules, each column's lines
/// left to right, and the lines below; `at` holds the rules' x positions.
pub(super) struct RuledColumns {
    pub above: Vec<TextLine>,
    pub columns: Vec<Vec<TextLine>>,
    pub below: Vec<TextLine>,
    pub at: Vec<f32>,
}

impl RuledColumns {
    /// Whether lines of the ruled columns run across `x`, [`MIN_SIDE`] of them at least: a
    /// gap found there in the white space is a river through a column, not a gutter. (A
    /// line or two across are a caption or a heading the gutter may pass.)
    pub(super) fn cut_at(&self, x: f32) -> bool {
        let across = self
            .columns
            .iter()
            .flatten()
            .filter(|l| x0(l) < x && x1(l) > x)
            .count();
        across >= MIN_SIDE
    }
}

/// One vertical rule, its pieces joined.
#[derive(Debug, Clone, Copy)]
struct Down {
    x: f32,
    top: f32,
    bottom: f32,
}

/// The page's lines cut by its column rules, when it has any that prove columns.
pub(super) fn split(lines: &[TextLine], page: &Page) -> Option<RuledColumns> {
    let height = lines
        .iter()
        .find_map(|l| l.geometry.map(|g| g.page_height))?;
    let mid = |l: &TextLine| l.geometry.map(|g| 0.5 * (g.bbox.y0 + g.bbox.y1));
    let beside = |d: &Down, left: bool| {
        lines
            .iter()
            .filter(|l| mid(l).is_some_and(|y| y > d.top && y < d.bottom))
            .filter(|l| if left { x1(l) <= d.x } else { x0(l) >= d.x })
            .count()
    };
    // Long rules with lines of their own on both sides: a rule with too few on a side is
    // a frame's edge or a margin's rule.
    let long: Vec<Down> = downs(page)
        .into_iter()
        .filter(|d| d.bottom - d.top >= MIN_LENGTH * height)
        .collect();
    if long.len() > MAX_RULES {
        return None;
    }
    let rules: Vec<Down> = long
        .into_iter()
        .filter(|d| beside(d, true) >= MIN_SIDE && beside(d, false) >= MIN_SIDE)
        .collect();
    // Rules that share a stretch of the page with the longest: the one band they divide
    // into columns.
    let longest = *rules
        .iter()
        .max_by(|a, b| (a.bottom - a.top).total_cmp(&(b.bottom - b.top)))?;
    let overlap = |d: &Down| d.bottom.min(longest.bottom) - d.top.max(longest.top);
    let mut band: Vec<Down> = rules
        .iter()
        .copied()
        .filter(|d| overlap(d) >= 0.8 * (d.bottom - d.top).min(longest.bottom - longest.top))
        .collect();
    band.sort_by(|a, b| a.x.total_cmp(&b.x));
    band.dedup_by(|b, a| (b.x - a.x).abs() < SEGMENT_GAP);
    let (top, bottom) = band
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), d| {
            (t.min(d.top), b.max(d.bottom))
        });
    let within = |l: &TextLine| mid(l).is_some_and(|y| y > top && y < bottom);
    let inside: Vec<&TextLine> = lines.iter().filter(|l| within(l)).collect();
    // A table drawn as a grid is read cell by cell already.
    if inside.iter().any(|l| l.cell.is_some()) {
        return None;
    }
    let at: Vec<f32> = band.iter().map(|d| d.x).collect();
    // No line within the rules' length crosses one.
    let crosses = |l: &TextLine| at.iter().any(|&x| x0(l) < x - 0.5 && x1(l) > x + 0.5);
    if inside.iter().any(|l| crosses(l)) {
        return None;
    }
    let column_of = |l: &TextLine| at.iter().filter(|&&x| x1(l) > x).count();
    let mut columns: Vec<Vec<TextLine>> = vec![Vec::new(); at.len() + 1];
    let (mut above, mut below) = (Vec::new(), Vec::new());
    for l in lines {
        match l.geometry {
            Some(_) if within(l) => columns[column_of(l)].push(l.clone()),
            Some(g) if g.bbox.y1 <= top + 0.5 * g.font_size => above.push(l.clone()),
            _ => below.push(l.clone()),
        }
    }
    // A column of text is a dozen ems wide at least; a table ruled between its columns
    // of marks or figures ("X" under each heading) is narrower.
    let em = super::bands::median(
        inside
            .iter()
            .filter_map(|l| l.geometry.map(|g| g.font_size)),
    )?;
    let left_edge = inside.iter().map(|l| x0(l)).fold(f32::INFINITY, f32::min);
    let right_edge = inside
        .iter()
        .map(|l| x1(l))
        .fold(f32::NEG_INFINITY, f32::max);
    let edges: Vec<f32> = std::iter::once(left_edge)
        .chain(at.iter().copied())
        .chain(std::iter::once(right_edge))
        .collect();
    if edges.windows(2).any(|w| w[1] - w[0] < MIN_WIDTH * em) {
        return None;
    }
    let figures = |c: &[TextLine]| {
        let n = c.iter().filter(|l| Ink::of(l).is_figure()).count();
        n as f32 > MAX_FIGURES * c.len() as f32
    };
    if columns.iter().any(|c| c.is_empty() || figures(c)) {
        return None;
    }
    Some(RuledColumns {
        above,
        columns,
        below,
        at,
    })
}

fn x0(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.bbox.x0)
}

fn x1(l: &TextLine) -> f32 {
    l.geometry.map_or(0.0, |g| g.bbox.x1)
}

/// The page's thin vertical rules, pieces drawn one under the other at one x joined.
fn downs(page: &Page) -> Vec<Down> {
    let mut pieces: Vec<Down> = page
        .rules
        .iter()
        .filter(|r| !r.horizontal && r.thickness() <= MAX_THICKNESS)
        .map(|r| Down {
            x: 0.5 * (r.rect.x0 + r.rect.x1),
            top: r.rect.y0,
            bottom: r.rect.y1,
        })
        .collect();
    pieces.sort_by(|a, b| {
        (a.x, a.top)
            .partial_cmp(&(b.x, b.top))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<Down> = Vec::new();
    for p in pieces {
        match out.last_mut() {
            Some(d) if (p.x - d.x).abs() <= 1.0 && p.top <= d.bottom + SEGMENT_GAP => {
                d.bottom = d.bottom.max(p.bottom);
            }
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;
    use crate::source::Rule;

    fn down(x: f32, y0: f32, y1: f32) -> Rule {
        Rule::test_down(x, y0, y1)
    }

    fn drawn(rules: Vec<Rule>) -> Page {
        Page {
            number: 1,
            rules,
            ..Default::default()
        }
    }

    /// Eight lines of 9-pt text in each column starting at `starts`, each `width` wide.
    fn columns(starts: &[f32], width: f32) -> Vec<TextLine> {
        let mut lines = Vec::new();
        for &x in starts {
            for k in 0..8 {
                let y = 120.0 + 11.0 * k as f32;
                lines.push(test_placed(
                    "words of a column of running text",
                    1,
                    x,
                    x + width,
                    y,
                    9.0,
                ));
            }
        }
        lines
    }

    #[test]
    fn rules_between_columns_set_close_split_them() {
        // Three columns 150 pt wide, 3 pt apart, a rule in each gap; rules in segments
        // (one drawn in two halves) are one rule.
        let lines = columns(&[72.0, 225.0, 378.0], 150.0);
        let page = drawn(vec![
            down(223.25, 100.0, 160.0),
            down(223.25, 162.0, 210.0),
            down(376.25, 100.0, 210.0),
        ]);
        let ruled = split(&lines, &page).expect("ruled columns");
        assert_eq!(ruled.at, vec![223.5, 376.5]);
        assert_eq!(
            ruled.columns.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![8, 8, 8]
        );
    }

    #[test]
    fn a_line_across_a_rule_makes_it_no_column_rule() {
        let mut lines = columns(&[72.0, 225.0], 150.0);
        lines.push(test_placed(
            "a heading set across both columns",
            1,
            72.0,
            375.0,
            150.0,
            9.0,
        ));
        assert!(split(&lines, &drawn(vec![down(223.5, 100.0, 210.0)])).is_none());
    }

    #[test]
    fn a_frame_edge_with_text_on_one_side_is_no_column_rule() {
        let lines = columns(&[72.0], 150.0);
        assert!(split(&lines, &drawn(vec![down(68.0, 100.0, 210.0)])).is_none());
    }

    #[test]
    fn narrow_columns_of_marks_are_a_table_not_columns() {
        // A stub column of labels, then columns of "X" 50 pt wide, ruled off.
        let mut lines = columns(&[72.0], 150.0);
        for x in [230.0, 280.0] {
            for k in 0..8 {
                lines.push(test_placed(
                    "X",
                    1,
                    x + 20.0,
                    x + 26.0,
                    120.0 + 11.0 * k as f32,
                    9.0,
                ));
            }
        }
        let page = drawn(vec![down(228.0, 100.0, 210.0), down(278.0, 100.0, 210.0)]);
        assert!(split(&lines, &page).is_none());
    }

    #[test]
    fn short_rules_are_no_column_rules() {
        let lines = columns(&[72.0, 225.0], 150.0);
        // 40 pt of an 842-pt page: a figure's stroke.
        assert!(split(&lines, &drawn(vec![down(223.5, 120.0, 160.0)])).is_none());
    }
}
