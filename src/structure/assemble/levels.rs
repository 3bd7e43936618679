//! Heading levels: by type size in a PDF, else by section numbers and by which heading
//! directly introduces which; and a heading's text tidied.

use foldhash::{HashMap, HashMapExt};

use crate::rich::{self, BOLD_OFF, BOLD_ON};

use super::{Draft, Placed};

/// What sets a heading's level: its section number, whether it was run in, and its size.
pub(super) struct HeadingInfo {
    pub(super) number: Option<String>,
    pub(super) run_in: bool,
    /// Font size (PDF input), which ranks heading levels when known.
    pub(super) size: Option<f32>,
}

/// A heading's text: trimmed, a bold wrapper around the whole dropped (the heading's own
/// style says as much). A trailing colon is printed text and stays.
pub(super) fn tidy_heading(text: &str) -> String {
    let mut t = text.trim().to_string();
    if rich::all_bold(&t) {
        t = t.replace([BOLD_ON, BOLD_OFF], "");
    }
    crate::lines::trim_rich(&t)
}

/// Heading levels: numbered headings by the depth of their number, one level below an
/// unnumbered heading that directly introduces them; an unnumbered heading directly under
/// another heading one level below it; others at level 1.
///
/// Without numbers or sizes, a section that opens straight into a subsection is taken to
/// be divided, and a divided section has at least two subsections (the usual editorial
/// rule: no lone 1.1). So the first unnumbered heading after that subsection's text is its
/// sibling; later ones go back to level 1, since plain text cannot show where the division
/// ends and the minimum is all the convention promises.
pub(super) fn assign_heading_levels(out: &mut [Placed], headings: &[(usize, HeadingInfo)]) {
    if levels_by_size(out, headings) {
        return;
    }
    let mut offset = 0u8;
    let mut in_numbered_run = false;
    let mut prev: Option<(usize, u8, bool)> = None; // (index, level, numbered)
    // Level of a lone first subsection still waiting for its sibling.
    let mut lone_subsection: Option<u8> = None;
    for (idx, info) in headings {
        let directly_after = prev.is_some_and(|(p, _, _)| p + 1 == *idx);
        let level = match &info.number {
            Some(number) => {
                let depth = number.split('.').filter(|s| !s.is_empty()).count() as u8;
                if !in_numbered_run {
                    offset = match prev {
                        Some((_, l, false)) if directly_after => l,
                        _ => 0,
                    };
                    in_numbered_run = true;
                }
                offset + depth.max(1)
            }
            None => {
                in_numbered_run = false;
                match prev {
                    Some((_, l, false)) if directly_after && !info.run_in => {
                        let level = (l + 1).min(3);
                        lone_subsection = (level > l).then_some(level);
                        level
                    }
                    Some((_, _, false)) if !info.run_in => lone_subsection.take().unwrap_or(1),
                    _ => 1,
                }
            }
        };
        if info.number.is_some() || info.run_in {
            lone_subsection = None;
        }
        let level = level.clamp(1, 6);
        if let Draft::Heading { level: l, .. } = &mut out[*idx].draft {
            *l = level;
        }
        prev = Some((*idx, level, info.number.is_some()));
    }
}

/// PDF input: heading levels by type size, largest first (sizes within half a point are
/// one style), nested as the headings come: a heading sits one level below the nearest
/// heading before it that outranks it. Returns false when some heading has no size.
///
/// Ranking the sizes alone gives every size in the document a level of its own, so a
/// size used once (a cover line, a box title) pushes the next style a level further down
/// everywhere: an H1 followed by an H4, the smallest headings all at the H6 floor. Nesting
/// keeps the order the sizes show and never skips a level.
///
/// A heading that nothing before it outranks (the sections before a document's first
/// part, an abstract before section 1) takes the level its style has where it is nested,
/// so a style keeps one level through the document.
///
/// One heading outranks a later one when both are numbered and its number is the shorter
/// ("2" over "2.1", "2.1" over "2.3.1": the numbers are what the author set, wherever
/// the type sizes disagree); else when its type is larger.
fn levels_by_size(out: &mut [Placed], headings: &[(usize, HeadingInfo)]) -> bool {
    if headings.is_empty() || headings.iter().any(|(_, h)| h.size.is_none()) {
        return false;
    }
    let mut sizes: Vec<f32> = headings.iter().filter_map(|(_, h)| h.size).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    let mut ranks: Vec<f32> = Vec::new();
    for s in sizes {
        if ranks.last().is_none_or(|r| r - s > 0.5) {
            ranks.push(s);
        }
    }
    let styles: Vec<Style> = headings
        .iter()
        .map(|(_, h)| {
            let size = h.size.unwrap_or(0.0);
            let rank = ranks
                .iter()
                .position(|r| (r - size).abs() <= 0.5)
                .unwrap_or(0);
            (rank, h.number.as_deref().map(number_depth))
        })
        .collect();
    // The level of each style where it is nested, first with the unnested headings at
    // level 1, then again with them at their style's level (their nested headings move
    // with them).
    let mut style_levels: HashMap<Style, u8> = HashMap::new();
    let mut levels = nest(&styles, &style_levels);
    for _ in 0..2 {
        let mut seen: HashMap<Style, HashMap<u8, usize>> = HashMap::new();
        for (style, (level, nested)) in styles.iter().zip(&levels) {
            if *nested {
                *seen.entry(*style).or_default().entry(*level).or_default() += 1;
            }
        }
        style_levels = seen
            .into_iter()
            .filter_map(|(style, counts)| {
                // The most frequent level, the higher on a tie.
                let level = counts
                    .into_iter()
                    .max_by_key(|&(level, n)| (n, std::cmp::Reverse(level)))?
                    .0;
                Some((style, level))
            })
            .collect();
        levels = nest(&styles, &style_levels);
    }
    for ((idx, _), (level, _)) in headings.iter().zip(levels) {
        if let Draft::Heading { level: l, .. } = &mut out[*idx].draft {
            *l = level;
        }
    }
    true
}

/// A heading's style for its level: its size rank (0 the largest) and the depth of its
/// section number.
type Style = (usize, Option<usize>);

/// Each heading's level, and whether a heading before it outranks it: one below the
/// nearest heading before it that outranks it, else its style's level where nested
/// (`style_levels`), else 1 for a style no other outranks and 2 for the others.
fn nest(styles: &[Style], style_levels: &HashMap<Style, u8>) -> Vec<(u8, bool)> {
    let mut distinct: Vec<Style> = styles.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    // The headings still open above the current one, with their levels.
    let mut open: Vec<(Style, u8)> = Vec::new();
    let mut levels = Vec::with_capacity(styles.len());
    for &style in styles {
        while open
            .last()
            .is_some_and(|(above, _)| !outranks(*above, style))
        {
            open.pop();
        }
        let level = match open.last() {
            Some((_, above)) => (above + 1).min(6),
            // A style never nested: at level 1 when no style of the document outranks
            // it, else at level 2 (how far below, nothing tells).
            None => style_levels.get(&style).copied().unwrap_or_else(|| {
                if distinct.iter().any(|&other| outranks(other, style)) {
                    2
                } else {
                    1
                }
            }),
        };
        levels.push((level, !open.is_empty()));
        open.push((style, level));
    }
    levels
}

/// How many parts a section number has ("2.3.1" has three).
fn number_depth(number: &str) -> usize {
    number.split('.').filter(|s| !s.is_empty()).count().max(1)
}

/// Whether a heading (size rank, number depth) outranks a later one: by the depth of
/// their numbers when both are numbered, else by type size.
fn outranks(above: Style, below: Style) -> bool {
    match (above.1, below.1) {
        (Some(a), Some(b)) => a < b,
        _ => above.0 < below.0,
    }
}

/// Closes the gaps the level evidence left (a tagged H1 followed by an H3, a bookmark
/// two levels below its parent): a heading below an earlier, higher one goes one level
/// below it. A heading under none keeps its level, and the order of the levels the
/// evidence gave stays; only the skipped levels go.
pub fn close_level_gaps(drafts: &mut [Placed]) {
    // The headings still open: the level the evidence gave and the level they now have.
    let mut open: Vec<(u8, u8)> = Vec::new();
    for d in drafts.iter_mut() {
        if let Draft::Heading { level, .. } = &mut d.draft {
            while open.last().is_some_and(|(given, _)| *given >= *level) {
                open.pop();
            }
            let given = *level;
            if let Some((_, above)) = open.last() {
                *level = (above + 1).min(given);
            }
            open.push((given, *level));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Heading drafts for (number, size) pairs, with the levels `levels_by_size` gives.
    fn sized_levels(headings: &[(Option<&str>, f32)]) -> Vec<u8> {
        let mut out: Vec<Placed> = (0..headings.len())
            .map(|i| {
                let text = String::from("Heading");
                Placed::single(Draft::Heading { level: 1, text }, i, 1)
            })
            .collect();
        let infos: Vec<(usize, HeadingInfo)> = headings
            .iter()
            .enumerate()
            .map(|(i, (number, size))| {
                let info = HeadingInfo {
                    number: number.map(String::from),
                    run_in: false,
                    size: Some(*size),
                };
                (i, info)
            })
            .collect();
        assert!(levels_by_size(&mut out, &infos));
        levels_of(&out)
    }

    fn levels_of(out: &[Placed]) -> Vec<u8> {
        out.iter()
            .filter_map(|p| match p.draft {
                Draft::Heading { level, .. } => Some(level),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_size_used_once_pushes_no_style_down() {
        // A cover line at 28 pt, sections at 14 pt, one 15 pt heading at the end: the
        // sections are H2 under the cover line, not H3 (ranked below the 15 pt size).
        let levels = sized_levels(&[(None, 28.0), (None, 14.0), (None, 14.0), (None, 15.0)]);
        assert_eq!(levels, vec![1, 2, 2, 2]);
        // However many sizes a document uses, no heading skips a level (the 9 pt one
        // was at the H6 floor, ranked below all the others).
        let many: Vec<(Option<&str>, f32)> = [30.0, 9.0, 26.0, 20.0, 18.0, 16.0, 14.0]
            .into_iter()
            .map(|s| (None, s))
            .collect();
        let levels = sized_levels(&many);
        assert_eq!(levels, vec![1, 2, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn headings_before_the_first_larger_one_keep_their_styles_level() {
        // Sections before the document's first part heading are at the level the same
        // style has under the parts.
        let levels = sized_levels(&[(None, 12.0), (None, 12.0), (None, 15.0), (None, 12.0)]);
        assert_eq!(levels, vec![2, 2, 1, 2]);
        // A smaller style never nested under a larger one still ranks below it.
        let levels = sized_levels(&[(None, 10.0), (None, 14.0), (None, 14.0)]);
        assert_eq!(levels, vec![2, 1, 1]);
    }

    #[test]
    fn section_numbers_nest_where_sizes_do_not_tell() {
        let levels = sized_levels(&[
            (Some("2"), 12.0),
            (Some("2.1"), 12.0),
            (Some("2.2"), 12.0),
            (Some("2.2.1"), 12.0),
            (Some("3"), 11.0),
        ]);
        assert_eq!(levels, vec![1, 2, 2, 3, 1]);
    }

    #[test]
    fn level_gaps_close_under_a_parent_only() {
        let mut out: Vec<Placed> = [2u8, 1, 3, 3, 2, 3, 6]
            .into_iter()
            .enumerate()
            .map(|(i, level)| {
                let text = String::from("Heading");
                Placed::single(Draft::Heading { level, text }, i, 1)
            })
            .collect();
        close_level_gaps(&mut out);
        // The first heading has nothing above it: it keeps its level.
        assert_eq!(levels_of(&out), vec![2, 1, 2, 2, 2, 3, 4]);
    }

    #[test]
    fn heading_tidy() {
        // The colon is printed: it stays.
        assert_eq!(
            tidy_heading("Key Outcomes of the Visit: "),
            "Key Outcomes of the Visit:"
        );
        assert_eq!(
            tidy_heading(&format!("{BOLD_ON}Title:{BOLD_OFF}")),
            "Title:"
        );
    }
}
