//! The PDF outline (bookmarks) as evidence for headings.
//!
//! Each bookmark is looked for among the pieces of its destination page (text compared
//! without case, punctuation or a leading section number; a long title may be cut short
//! in the outline). A piece it finds is a heading at the bookmark's level. When the
//! outline looks complete (nearly every bookmark is found) it also speaks against the
//! heading candidates it leaves out — but only those set at least as large as the
//! headings it lists, since outlines often stop above the smallest headings.

use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeSet;

use crate::report::{Action, ActionKind, Report};
use crate::source::OutlineEntry;

use super::pieces::{Piece, PieceKind, promote_to_heading};

/// Bookmarks read at most (a generated outline of every paragraph is not headings).
const MAX_ENTRIES: usize = 2_000;
/// Share of bookmarks that must be found for the outline to count as complete.
const COMPLETE: f32 = 0.8;
/// Bookmarks found at least, for the outline to overrule layout.
const MIN_FOUND: usize = 3;
/// A bookmark title this long (normalised characters) may be a prefix of the heading.
const MIN_PREFIX: usize = 16;

/// Text for comparison: lower case, letters and digits, single spaces, without a
/// leading section number ("2.1", "IV.", "(a)").
pub fn normalise(text: &str) -> String {
    let plain = crate::rich::plain_without_scripts_cow(text);
    // Built in one string, word by word: a word of no letter or digit leaves nothing.
    let mut out = String::with_capacity(plain.len());
    let (mut words, mut first_end) = (0, 0);
    for w in plain.split_whitespace() {
        let start = out.len();
        if words > 0 {
            out.push(' ');
        }
        let text_start = out.len();
        out.extend(
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
        if out.len() == text_start {
            out.truncate(start);
            continue;
        }
        words += 1;
        if words == 1 {
            first_end = out.len();
        }
    }
    // A section number is always a word of its own in `out` (its digits or letters stay).
    if words > 1 && is_section_number(plain.split_whitespace().next().unwrap_or("")) {
        out.drain(..=first_end);
    }
    out
}

fn is_section_number(word: &str) -> bool {
    let core = word.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':'));
    !core.is_empty()
        && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
            || core.chars().all(|c| "ivxlcIVXLC".contains(c)) && core.len() <= 5
            || core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic()) && word.len() > 1)
}

fn matches(title: &str, piece: &str) -> bool {
    if title.is_empty() || piece.is_empty() {
        return false;
    }
    if title == piece {
        return true;
    }
    // Lengths are counted only for a prefix: every bookmark meets every candidate piece,
    // most of them whole paragraphs.
    let count = |s: &str| s.chars().count();
    // A long bookmark cut short, or a long heading shortened in the bookmark; never a
    // heading that ran into its paragraph.
    (piece.starts_with(title) && {
        let tl = count(title);
        tl >= MIN_PREFIX && count(piece) <= tl + tl / 3 + 12
    }) || (title.starts_with(piece) && count(piece) >= MIN_PREFIX)
        || same_but_accents(title, piece)
}

/// Whether a bookmark title and a heading differ only where one of them has a letter
/// outside ASCII, ignoring spaces: outlines written from TeX often keep an accent's
/// markup, which normalising leaves as the bare letter ("Lema{^i }tre" for "Lemaître").
/// The rest must agree letter for letter, so "2018" never matches "2019".
fn same_but_accents(title: &str, piece: &str) -> bool {
    // Walked in step, not collected: most pairs differ at their first letters.
    let mut t = title.chars().filter(|c| !c.is_whitespace());
    let mut p = piece.chars().filter(|c| !c.is_whitespace());
    let (mut len, mut differ) = (0, 0);
    loop {
        match (t.next(), p.next()) {
            (None, None) => break,
            (Some(a), Some(b)) => {
                len += 1;
                if a != b {
                    if a.is_ascii() && b.is_ascii() {
                        return false;
                    }
                    differ += 1;
                }
            }
            _ => return false,
        }
    }
    len >= 8 && differ <= 1 + len / 10
}

/// Headings from the outline; returns the levels of the headings it found, by piece
/// position. `title` is the document title already taken into the metadata (its
/// bookmark counts as found). Does nothing when `skip` (the structure tree decided).
pub fn apply(
    pieces: &mut [Piece],
    outline: &[OutlineEntry],
    title: Option<&str>,
    report: &mut Report,
) -> HashMap<usize, u8> {
    let mut levels = HashMap::new();
    if outline.is_empty() || outline.len() > MAX_ENTRIES {
        return levels;
    }
    let title = title.map(normalise).unwrap_or_default();
    let norm: Vec<String> = pieces.iter().map(|p| normalise(&p.text)).collect();
    let mut used = vec![false; pieces.len()];
    let all: Vec<usize> = (0..pieces.len()).collect();
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in pieces.iter().enumerate() {
        by_page.entry(p.page).or_default().push(i);
    }
    let mut found: Vec<(usize, u8)> = Vec::new();
    let mut missed: Vec<&str> = Vec::new();
    let mut as_title = 0;
    for entry in outline {
        let t = normalise(&entry.title);
        if t.is_empty() {
            continue;
        }
        let fits = |i: usize| {
            !used[i] && entry.page.is_none_or(|p| p == pieces[i].page) && matches(&t, &norm[i])
        };
        // A heading candidate first: the same words in a contents list or a running
        // head on that page are not the heading.
        let candidates: &[usize] = match entry.page {
            Some(p) => by_page.get(&p).map_or(&[], Vec::as_slice),
            None => &all,
        };
        let hit = candidates
            .iter()
            .copied()
            .find(|&i| {
                fits(i) && matches!(pieces[i].kind, PieceKind::Heading { run_in: false, .. })
            })
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&i| fits(i) && matches!(pieces[i].kind, PieceKind::Text))
            });
        match hit {
            Some(i) => {
                used[i] = true;
                found.push((i, entry.level));
            }
            None if !title.is_empty() && matches(&t, &title) => as_title += 1,
            None => missed.push(&entry.title),
        }
    }
    let entries = found.len() + as_title + missed.len();
    if entries == 0 {
        return levels;
    }
    let ranks: BTreeSet<u8> = found.iter().map(|f| f.1).collect();
    let rank = |l: u8| ranks.iter().position(|&x| x == l).unwrap_or(0) as u8 + 1;
    for &(i, level) in &found {
        let p = &mut pieces[i];
        // A producer that bookmarks captions lists tables and figures, not sections: the
        // caption stays the table's or the figure's.
        let plain = crate::rich::plain(&p.text);
        if crate::caption_labels::names_table_or_figure(plain.trim()) {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(p.page)
                    .lines(p.lines.iter().copied().take(1))
                    .before(plain)
                    .evidence(format!(
                        "not a heading though a level-{level} bookmark of the PDF's outline: \
                         it opens with a table's or a figure's caption label"
                    ))
                    .confidence(0.85),
            );
            if matches!(p.kind, PieceKind::Heading { .. }) {
                p.kind = PieceKind::Text;
            }
            continue;
        }
        if !matches!(p.kind, PieceKind::Heading { .. }) {
            promote_to_heading(
                p,
                format!("heading: a level-{level} bookmark of the PDF's outline"),
                0.85,
                report,
            );
        }
        levels.insert(i, rank(level));
    }
    // One or two bookmarks are a title or a chapter, not a list of the headings.
    let complete =
        found.len() >= MIN_FOUND && (found.len() + as_title) as f32 >= COMPLETE * entries as f32;
    let smallest = found
        .iter()
        .filter_map(|&(i, _)| pieces[i].font_size)
        .reduce(f32::min);
    let titles: Vec<String> = outline.iter().map(|e| normalise(&e.title)).collect();
    let mut demoted = 0;
    if complete && let Some(smallest) = smallest {
        for (i, p) in pieces.iter_mut().enumerate() {
            let candidate = matches!(p.kind, PieceKind::Heading { run_in: false, .. });
            if !candidate || used[i] || p.font_size.is_none_or(|s| s < smallest - 0.25) {
                continue;
            }
            // Its words are a bookmark's, found elsewhere: listed, not contradicted.
            if titles.iter().any(|t| matches(t, &norm[i]) || norm[i] == *t) {
                continue;
            }
            report.push(
                Action::new(ActionKind::Guess)
                    .page(p.page)
                    .lines(p.lines.iter().copied().take(1))
                    .before(crate::rich::plain(&p.text))
                    .evidence(
                        "not a heading: the PDF's outline lists every heading of this size or larger, and not this one",
                    )
                    .confidence(0.7),
            );
            p.kind = PieceKind::Text;
            demoted += 1;
        }
    }
    let mut summary = format!(
        "outline: {} of {entries} bookmarks found as headings{}",
        found.len(),
        if as_title > 0 { " (and the title)" } else { "" }
    );
    if !missed.is_empty() {
        let shown: Vec<&str> = missed.iter().take(5).copied().collect();
        summary.push_str(&format!("; not found: {shown:?}"));
    }
    summary.push_str(if complete {
        "; complete enough to overrule layout"
    } else {
        "; too incomplete to overrule layout"
    });
    if demoted > 0 {
        summary.push_str(&format!(
            "; {demoted} heading candidate(s) it leaves out demoted"
        ));
    }
    report.push(Action::new(ActionKind::Guess).evidence(summary));
    levels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_drops_case_punctuation_and_section_numbers() {
        assert_eq!(normalise("2.1 The Buchert scheme:"), "the buchert scheme");
        assert_eq!(normalise("IV. Results"), "results");
        assert_eq!(normalise("(a) Scope"), "scope");
        assert_eq!(normalise("2024"), "2024");
        assert_eq!(normalise("A Study"), "a study");
        // Words of no letter or digit leave no space behind, wherever they stand.
        assert_eq!(normalise("3. — The  End —"), "the end");
        assert_eq!(normalise("— 3. The End"), "3 the end");
        assert_eq!(normalise("3. —"), "3");
    }

    #[test]
    fn long_titles_match_by_prefix_but_not_paragraphs() {
        let t = normalise("Optimized Table Tokenization for Table");
        assert!(matches(
            &t,
            &normalise("Optimized Table Tokenization for Table Structure Recognition")
        ));
        assert!(!matches(
            &t,
            &normalise(
                "Optimized Table Tokenization for Table structure recognition is what this long paragraph goes on to explain at length, and more."
            )
        ));
        assert!(!matches(&normalise("Foo"), &normalise("Food")));
    }

    #[test]
    fn a_title_keeping_an_accents_markup_matches_the_accented_heading() {
        let heading = normalise("3. The Lemaître–Tolman model");
        assert!(matches(
            &normalise("3. The Lema{^i }tre--Tolman model"),
            &heading
        ));
        // Letters that differ in ASCII are another heading.
        assert!(!matches(
            &normalise("3. The Lemaitre-Tolman model"),
            &normalise("3. The Lemaitre-Tolman modal")
        ));
        assert!(!matches(
            &normalise("Results of 2018"),
            &normalise("Results of 2019")
        ));
    }
}
