//! Branding lines: the letterhead and publisher name repeated through the document.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::*;

/// Fewest lines a block must span to count as a letterhead: one repeated line is a
/// running head, and a document's title is often repeated as one.
const LETTERHEAD_LINES: usize = 2;

/// Most lines a letterhead holds, with room to spare (a name, a tagline, an address of
/// several lines, phone, fax, e-mail, web address, a form's reference fields): a longer
/// shared opening is a repeated page.
const MAX_LETTERHEAD_LINES: usize = 40;

/// The number of lines (into `lines`, blank lines included) at the top of the first page
/// whose non-blank lines, two or more, open half the later pages or more, in the same order:
/// a letterhead printed on each page (a firm's name, its tagline, address and phone over
/// each page of an estimate). 0 when there is no such block, only one page, or geometry
/// (extracted text only).
pub(super) fn repeated_letterhead(lines: &[TextLine]) -> usize {
    // The answer is 0 unless the first non-blank line is on page 1 without geometry, and
    // some later page has a non-blank line: told before squashing every line.
    let Some(first) = lines.iter().position(|l| !l.is_blank()) else {
        return 0;
    };
    if lines[first].page != 1 || lines[first].geometry.is_some() {
        return 0;
    }
    if !lines.iter().any(|l| l.page > 1) {
        return 0;
    }
    let squash = |l: &TextLine| {
        l.plain_cow()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Each page's opening lines only, one more than a letterhead may hold: whether the
    // first page has lines past its letterhead is all the rest of it can tell.
    let pages: Vec<Vec<(usize, String)>> = crate::lines::page_ranges(lines)
        .map(|r| {
            r.filter(|&i| !lines[i].is_blank())
                .take(MAX_LETTERHEAD_LINES + 1)
                .map(|i| (i, squash(&lines[i])))
                .collect()
        })
        .filter(|p: &Vec<(usize, String)>| !p.is_empty())
        .collect();
    let Some((first, later)) = pages.split_first() else {
        return 0;
    };
    // PDF lines have their type to tell a title from a letterhead.
    if later.is_empty() || lines[first[0].0].page != 1 || lines[first[0].0].geometry.is_some() {
        return 0;
    }
    // The longest opening run of the first page that at least half the later pages open
    // with (a page of a note running over from the page before has no letterhead).
    let opens = |n: usize| {
        later
            .iter()
            .filter(|p| p.len() >= n && p.iter().zip(first).take(n).all(|(a, b)| a.1 == b.1))
            .count()
            * 2
            >= later.len()
    };
    let shared = (0..first.len())
        .take_while(|&k| words(&first[k].1) >= 1 && opens(k + 1))
        .count();
    // The block must leave the page something to say: a page that is all letterhead is
    // a repeated page, not a letterhead over one.
    // (Each page holds at most one line more than a letterhead: a longer shared opening
    // covers the whole first page read, and is a repeated page too.)
    if shared < LETTERHEAD_LINES || shared == first.len() {
        return 0;
    }
    first[shared - 1].0 + 1
}

/// Whether a line breaks off on a word that leaves its phrase open ("… and so on–and"):
/// a sentence running on into the next line, which no header does.
fn breaks_off(t: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric() && c != '&')
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| {
            title::OPEN_ENDINGS
                .iter()
                .any(|e| w.eq_ignore_ascii_case(e))
        })
}

/// Removes running headers and footers that appear only once or twice (so repetition did
/// not give them away) but name the publication: the publisher, the document type or the
/// title, at the top or bottom of a page after the first.
pub fn remove_branding_lines(lines: &mut Vec<TextLine>, meta: &Metadata, report: &mut Report) {
    let norm = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut names: Vec<String> = Vec::new();
    for s in [&meta.publisher, &meta.doc_type].into_iter().flatten() {
        if words(s) >= 2 {
            names.push(norm(s));
        }
    }
    if let Some(t) = &meta.title {
        let t = norm(t);
        let head: Vec<&str> = t.split(' ').take(4).collect();
        if head.len() >= 3 {
            names.push(head.join(" "));
        }
    }
    if names.is_empty() {
        return;
    }
    // The first and last non-blank line of every page but the first.
    let mut edges = Vec::new();
    for range in crate::lines::page_ranges(lines) {
        if lines[range.start].page > 1 {
            let idx: Vec<usize> = range.filter(|&i| !lines[i].is_blank()).collect();
            edges.extend(idx.first().copied());
            edges.extend(idx.last().copied().filter(|_| idx.len() > 1));
        }
    }
    // Web addresses are left out of the match: a note's URL may well contain the
    // publisher's or the series' name ("/research-notes/") without being a header.
    let bare = |t: &str| {
        let kept: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@')))
            .collect();
        format!(" {} ", norm(&kept.join(" ")))
    };
    let mut drop = Vec::new();
    for i in edges {
        let text = lines[i].plain_cow();
        let n = bare(&text);
        // A section heading opening the page may repeat the title's words ("4. The
        // apparent and average accelerations" under the title "Apparent and average
        // accelerations of the Universe"): numbered and all in bold, it is the text's own.
        let section_heading = crate::rich::all_bold(&lines[i].text)
            && crate::structure::classify::numbered_heading(&lines[i].text).is_some();
        // A header names the publication in a phrase that ends; a line that breaks off
        // on "and" or "of" is a sentence running on into the next line. A caption
        // ("Table 1. Overview of the World Economic Outlook Projections") names its
        // table or figure.
        if words(&text) <= 16
            && !ends_with_sentence(&text)
            && !breaks_off(&text)
            && !section_heading
            && !crate::caption_labels::opens_with_label(text.trim())
            && names.iter().any(|name| n.contains(&format!(" {name} ")))
        {
            removed(
                report,
                &lines[i],
                "page-edge line naming the publication",
                0.8,
            );
            drop.push(i);
        }
    }
    for i in neighbours_on_baseline(lines, &drop) {
        let evidence = "short line on the same baseline as a running header";
        removed(report, &lines[i], evidence, 0.7);
        drop.push(i);
    }
    if let Some(title) = meta.title.as_deref().map(norm) {
        for i in title_continued(lines, &drop, &title, bare) {
            let evidence = "the rest of the title, set under its first words at a page's top";
            removed(report, &lines[i], evidence, 0.8);
            drop.push(i);
        }
    }
    let drop: HashSet<usize> = drop.into_iter().collect();
    let mut i = 0;
    lines.retain(|_| {
        let keep = !drop.contains(&i);
        i += 1;
        keep
    });
}

/// Reports `line` removed as a running header, for `evidence`.
fn removed(report: &mut Report, line: &TextLine, evidence: &'static str, confidence: f32) {
    report.push(
        Action::new(ActionKind::RunningHeader)
            .page(line.page)
            .lines([line.source_line])
            .before(line.plain())
            .evidence(evidence)
            .confidence(confidence),
    );
}

/// The lines set directly under one of the `headers` (placed lines of one size, the gap
/// between them under a line's height) that finish the title with it: a title of two
/// lines repeated over an article's first page after a cover, whose first line alone
/// names the publication. `bare` normalises a line as `title` is.
fn title_continued(
    lines: &[TextLine],
    headers: &[usize],
    title: &str,
    bare: impl Fn(&str) -> String,
) -> Vec<usize> {
    let mut found = Vec::new();
    for &h in headers {
        let Some(next) = (h + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
            continue;
        };
        let (Some(a), Some(b)) = (lines[h].geometry, lines[next].geometry) else {
            continue;
        };
        let stacked = lines[next].page == lines[h].page
            && (a.font_size - b.font_size).abs() < 0.5
            && b.bbox.y0 > a.bbox.y0
            && b.bbox.y0 - a.bbox.y1 < a.font_size;
        let joined = bare(&format!("{} {}", lines[h].plain(), lines[next].plain()));
        if stacked
            && words(&lines[next].plain_cow()) >= 2
            && !headers.contains(&next)
            && format!(" {title} ").contains(&joined)
        {
            found.push(next);
        }
    }
    found
}

/// Short PDF lines that share a baseline with one of the `headers` on the same page: a
/// running header set in two parts (series left, programme right) is read as two lines,
/// and only one of them names the publication.
pub(super) fn neighbours_on_baseline(lines: &[TextLine], headers: &[usize]) -> Vec<usize> {
    // Each header looks at the lines of its own page only (indexed once: a long document
    // has a header on nearly every page).
    let mut on_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, l) in lines.iter().enumerate() {
        on_page.entry(l.page).or_default().push(j);
    }
    let header_set: HashSet<usize> = headers.iter().copied().collect();
    let mut found = Vec::new();
    let mut found_set = HashSet::new();
    for &h in headers {
        let Some(hg) = lines[h].geometry else {
            continue;
        };
        for &j in &on_page[&lines[h].page] {
            let l = &lines[j];
            let Some(g) = l.geometry else { continue };
            if j != h
                && !header_set.contains(&j)
                && !found_set.contains(&j)
                && (g.baseline - hg.baseline).abs() < 0.3 * hg.font_size.max(1.0)
                && words(&l.plain_cow()) <= 8
                && !ends_with_sentence(&l.plain_cow())
            {
                found.push(j);
                found_set.insert(j);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::breaks_off;

    #[test]
    fn a_line_breaking_off_on_an_open_word_is_a_sentence() {
        assert!(breaks_off("let's examine the first cases, and so on–and"));
        assert!(breaks_off("a report of the Institute of"));
        assert!(!breaks_off("Harbour Institute Policy Brief"));
        assert!(!breaks_off("Annual Report 2024 | 14"));
    }
}
