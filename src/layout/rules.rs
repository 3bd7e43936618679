//! Rules beneath lines: a line drawn just under a line's text. It underlines a heading or
//! a link, or, under a table's header cell, reaches over the columns that cell heads
//! ("Year Ended" centred over three dates, a rule beneath it across all three).
//!
//! The reader keeps every straight rule painted in a colour the page shows
//! ([`crate::source::Rule`]); here a rule across the page is noted on the line it lies
//! beneath ([`TextLine::rule_below`]) when it is under the line's baseline but not as far
//! down as half the way to the next line (there it is a border between rows, as much the
//! next line's as this one's), and runs under at least half the line's text. What the
//! rule says is for the structure pass to judge.

use crate::lines::TextLine;
use crate::source::{Page, Rule};

/// How far above the baseline (share of the font size) a rule's middle may lie and still
/// be beneath the text: an underline touches the baseline, higher it strikes the text
/// through.
const ABOVE_BASELINE: f32 = 0.1;
/// How far below the baseline (share of the font size) a rule's middle may lie: below
/// the descenders and a little more.
const BELOW_BASELINE: f32 = 0.6;
/// Share of the line's width the rule must run under.
const UNDER_SHARE: f32 = 0.5;
/// Margin (share of the font size) by which a rule must lie nearer this line's baseline
/// than the midpoint to the next line below it.
const NEARER: f32 = 0.1;

/// Notes on each PDF line the rule drawn just beneath its text, if any; `pages` carries
/// the rules.
pub fn mark(lines: &mut [TextLine], pages: &[Page]) {
    if pages.iter().all(|p| p.rules.is_empty()) {
        return;
    }
    for (range, page) in super::drawn_pages(lines, pages) {
        let mut across: Vec<&Rule> = page.rules.iter().filter(|r| r.horizontal).collect();
        if across.is_empty() {
            continue;
        }
        across.sort_by(|a, b| middle(a).total_cmp(&middle(b)));
        let on_page = &lines[range.clone()];
        let found: Vec<Option<(f32, f32)>> = on_page
            .iter()
            .map(|l| {
                let in_link = l
                    .geometry
                    .is_some_and(|g| page.links.iter().any(|a| a.rect.intersects(&g.bbox)));
                // A link's underline says it is a link, nothing more.
                if in_link {
                    None
                } else {
                    beneath(l, &across, on_page)
                }
            })
            .collect();
        for (line, rule) in lines[range].iter_mut().zip(found) {
            line.rule_below = rule;
        }
    }
}

/// Height of a rule's middle on the page.
fn middle(r: &Rule) -> f32 {
    0.5 * (r.rect.y0 + r.rect.y1)
}

/// The ends of the rule just beneath `line` among the page's rules across (`across`,
/// top to bottom) and lines (`lines`): the one nearest its baseline.
fn beneath(line: &TextLine, across: &[&Rule], lines: &[TextLine]) -> Option<(f32, f32)> {
    let g = line.geometry?;
    let size = g.font_size.max(1.0);
    let top = g.baseline - ABOVE_BASELINE * size;
    let bottom = g.baseline + BELOW_BASELINE * size;
    let width = g.bbox.width().max(1.0);
    let first = across.partition_point(|r| middle(r) < top);
    across[first..]
        .iter()
        .take_while(|r| middle(r) <= bottom)
        .find(|r| {
            let under = r.rect.x1.min(g.bbox.x1) - r.rect.x0.max(g.bbox.x0);
            under >= UNDER_SHARE * width && !nearer_below(line, r, lines)
        })
        .map(|r| (r.rect.x0, r.rect.x1))
}

/// Whether a line below `line` and over the rule stands so close that the rule lies
/// between the two or through its text: then it borders rows, it underlines neither.
fn nearer_below(line: &TextLine, rule: &Rule, lines: &[TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return true;
    };
    let size = g.font_size.max(1.0);
    let y = middle(rule);
    lines.iter().filter_map(|l| l.geometry).any(|h| {
        h.baseline > g.baseline + 0.3 * size
            && h.bbox.x0 < rule.rect.x1
            && h.bbox.x1 > rule.rect.x0
            && y >= g.baseline + 0.5 * (h.baseline - g.baseline) - NEARER * size
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Rect;

    fn rule(x0: f32, x1: f32, y: f32) -> Rule {
        Rule {
            rect: Rect {
                x0,
                y0: y - 0.25,
                x1,
                y1: y + 0.25,
            },
            horizontal: true,
        }
    }

    fn marked(lines: &[TextLine], rules: Vec<Rule>) -> Vec<Option<(f32, f32)>> {
        let mut lines = lines.to_vec();
        let pages = [Page {
            number: 1,
            rules,
            ..Page::default()
        }];
        mark(&mut lines, &pages);
        lines.iter().map(|l| l.rule_below).collect()
    }

    fn placed(text: &str, x0: f32, x1: f32, baseline: f32) -> TextLine {
        crate::lines::test_placed(text, 1, x0, x1, baseline, 10.0)
    }

    #[test]
    fn a_rule_just_under_the_text_is_noted_on_its_line() {
        let lines = [
            placed("Year Ended", 420.0, 460.0, 100.0),
            placed("Jan 26, 2025", 360.0, 400.0, 112.0),
        ];
        // An underline, and a rule under a header cell reaching over more columns.
        assert_eq!(
            marked(&lines, vec![rule(420.0, 460.0, 101.5)]),
            [Some((420.0, 460.0)), None]
        );
        assert_eq!(
            marked(&lines, vec![rule(350.0, 530.0, 103.0)]),
            [Some((350.0, 530.0)), None]
        );
    }

    #[test]
    fn strikes_borders_between_rows_and_rules_aside_are_not_beneath() {
        let lines = [
            placed("Year Ended", 420.0, 460.0, 100.0),
            placed("Jan 26, 2025", 360.0, 460.0, 112.0),
        ];
        for (r, why) in [
            (rule(420.0, 460.0, 97.0), "through the text"),
            (rule(350.0, 530.0, 106.0), "midway between the rows"),
            (rule(462.0, 530.0, 101.5), "beside the text"),
            (rule(420.0, 430.0, 101.5), "under a quarter of it"),
            (rule(420.0, 460.0, 109.0), "over the next line"),
        ] {
            assert_eq!(marked(&lines, vec![r])[0], None, "{why}");
        }
    }
}
