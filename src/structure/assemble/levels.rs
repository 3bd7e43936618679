//! Heading levels: by type size in a PDF, else by section numbers and by which heading
//! directly introduces which; and a heading's text tidied.

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
/// one level). Returns false when some heading has no size.
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
    for (idx, h) in headings {
        let size = h.size.unwrap_or(0.0);
        let level = ranks
            .iter()
            .position(|r| (r - size).abs() <= 0.5)
            .unwrap_or(0)
            + 1;
        if let Draft::Heading { level: l, .. } = &mut out[*idx].draft {
            *l = (level as u8).min(6);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

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
