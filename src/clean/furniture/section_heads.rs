//! Running heads that change with the section: a book or a long report prints the
//! current chapter's or section's title beside the page number ("2.2. EXAMPLES AND
//! DISCUSSION   105"), so the head repeats on too few pages for the band repetition test,
//! and a short one ("2.1. INTRODUCTION") reads like a section's own title. The page
//! number on its row and the heading it echoes tell it apart.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::lines::TextLine;
use crate::report::ActionKind;

use super::page_numbers::bare_number;

/// What the text beside an edge row's page number is, on that row's evidence alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowTitle {
    /// Three words or more in the running text's weight: a running title.
    Running,
    /// One or two words ("2.1. INTRODUCTION"), or bold: a section's own title could look
    /// so, and needs the text printed again elsewhere (see [`section_heads`]).
    Unproven,
}

/// A page number at the outer end of an edge row and the title beside it.
#[derive(Debug, Clone, Copy)]
pub(super) struct EdgeRow {
    pub number: usize,
    pub title: usize,
    pub running: RowTitle,
    /// Whether the bands already found the number a page number.
    pub numbered: bool,
}

/// The edge rows among `rows` whose title is a running head. A running title beside a
/// number the bands found a page number goes on the row's evidence, as it does beside a
/// number that stands alone. A short or bold title needs more: the same words stand
/// beside the page number of another page's edge row, or (when the number is in the page
/// sequence) on another row of the document — the heading it repeats, "2.1 Introduction"
/// under "2.1. INTRODUCTION   103", on its own page or another. Letters and digits are
/// compared, case and punctuation aside, and a heading set as a number and a title on one
/// baseline counts as one row. The last entry of a table of contents is a title and a
/// number on a page's last row too, but its number is another page's, and its title
/// stands on no other edge row.
pub(super) fn section_heads(
    lines: &[TextLine],
    rows: &[EdgeRow],
    verdict: &[Option<(ActionKind, &'static str)>],
) -> Vec<EdgeRow> {
    if rows.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = rows
        .iter()
        .map(|r| crate::words::words_key(&lines[r.title].plain_cow()))
        .collect();
    let mut pages_on_rows: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (r, k) in rows.iter().zip(&keys) {
        pages_on_rows
            .entry(k.as_str())
            .or_default()
            .insert(lines[r.title].page);
    }
    let echoes = Echoes::of(lines, &keys);
    let offset = page_offset(lines, verdict);
    rows.iter()
        .zip(&keys)
        .filter(|(r, k)| {
            let title = &lines[r.title];
            if r.running == RowTitle::Running {
                return r.numbered;
            }
            let number = lines[r.number].plain_cow();
            let in_sequence = r.numbered
                || offset.is_some_and(|o| {
                    number.trim().parse::<i64>().ok() == Some(title.page as i64 + o)
                });
            let on_another_row = pages_on_rows
                .get(k.as_str())
                .is_some_and(|p| p.iter().any(|&pg| pg != title.page));
            on_another_row || (in_sequence && echoes.elsewhere(k, title))
        })
        .map(|(r, _)| *r)
        .collect()
}

/// The document's page numbering: the most common difference between a number found a
/// page number and its page's index (printed page 103 on the PDF's third page: 100).
fn page_offset(lines: &[TextLine], verdict: &[Option<(ActionKind, &'static str)>]) -> Option<i64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for (l, v) in lines.iter().zip(verdict) {
        let t = l.plain_cow();
        let t = t.trim();
        if matches!(v, Some((ActionKind::PageNumber, _)))
            && bare_number(t)
            && let Ok(n) = t.parse::<i64>()
        {
            *counts.entry(n - l.page as i64).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, c)| c >= 2)
        .max_by_key(|&(o, c)| (c, -o.abs()))
        .map(|(o, _)| o)
}

/// Where the titles' words stand in the document: each line on its own, and each row of
/// pieces on one baseline read left to right (a heading's number and its title are often
/// drawn apart: "2.3" and "Defining Induction").
struct Echoes<'a> {
    at: HashMap<&'a str, Vec<(usize, f32)>>,
}

impl<'a> Echoes<'a> {
    fn of(lines: &[TextLine], keys: &'a [String]) -> Self {
        let wanted: HashSet<&'a str> = keys.iter().map(String::as_str).collect();
        let mut at: HashMap<&'a str, Vec<(usize, f32)>> = HashMap::new();
        if wanted.is_empty() {
            return Echoes { at };
        }
        let mut note = |text: &str, page: usize, baseline: f32| {
            if let Some(&k) = wanted.get(crate::words::words_key(text).as_str()) {
                at.entry(k).or_default().push((page, baseline));
            }
        };
        let mut by_page: HashMap<usize, Vec<(f32, f32, String)>> = HashMap::new();
        for l in lines.iter().filter(|l| !l.is_blank()) {
            let text = l.plain();
            let baseline = l.geometry.map_or(f32::NAN, |g| g.baseline);
            note(&text, l.page, baseline);
            if let Some(g) = l.geometry {
                by_page
                    .entry(l.page)
                    .or_default()
                    .push((g.baseline, g.bbox.x0, text));
            }
        }
        for (page, mut pieces) in by_page {
            pieces.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let mut k = 0;
            while k < pieces.len() {
                let mut end = k + 1;
                while end < pieces.len() && (pieces[end].0 - pieces[k].0).abs() < 1.0 {
                    end += 1;
                }
                if end - k >= 2 {
                    let mut row: Vec<&(f32, f32, String)> = pieces[k..end].iter().collect();
                    row.sort_by(|a, b| a.1.total_cmp(&b.1));
                    let joined: Vec<&str> = row.iter().map(|p| p.2.as_str()).collect();
                    note(&joined.join(" "), page, pieces[k].0);
                }
                k = end;
            }
        }
        Echoes { at }
    }

    /// Whether `key` stands on a row other than `title`'s own.
    fn elsewhere(&self, key: &str, title: &TextLine) -> bool {
        let own = title.geometry.map_or(f32::NAN, |g| g.baseline);
        self.at.get(key).is_some_and(|places| {
            places.iter().any(|&(page, baseline)| {
                let apart = (baseline - own).abs();
                page != title.page || apart.is_nan() || apart >= 1.0
            })
        })
    }
}

/// Where and how a document sets its running heads: the baseline of the edge row, the
/// font and its size, and the pages (two at most) that show it.
#[derive(Debug, Clone)]
struct HeadStyle {
    baseline: f32,
    size: f32,
    face: u32,
    pages: Vec<usize>,
}

impl HeadStyle {
    /// Whether `l` is set in this style.
    fn sets(&self, l: &TextLine) -> bool {
        l.geometry.is_some_and(|g| {
            (self.baseline - g.baseline).abs() < 1.0
                && (self.size - g.font_size).abs() <= 0.25
                && self.face == g.face
        })
    }

    /// The styles of the running heads found so far, each once.
    fn of_heads<'a>(heads: impl Iterator<Item = &'a TextLine>) -> Vec<HeadStyle> {
        let mut styles: Vec<HeadStyle> = Vec::new();
        for l in heads {
            let Some(g) = l.geometry else { continue };
            match styles.iter_mut().find(|s| s.sets(l)) {
                Some(s) => {
                    if s.pages.len() < 2 && !s.pages.contains(&l.page) {
                        s.pages.push(l.page);
                    }
                }
                None => styles.push(HeadStyle {
                    baseline: g.baseline,
                    size: g.font_size,
                    face: g.face,
                    pages: vec![l.page],
                }),
            }
        }
        styles
    }

    /// Whether `l` is set in this style and another page shows it.
    fn twin(&self, l: &TextLine) -> bool {
        self.sets(l) && self.pages.iter().any(|&p| p != l.page)
    }
}

/// A running head on a page where nothing marks it as one: no page number on its row (an
/// empty page left before a chapter, the number printed at the foot) and too few copies
/// for the repetition test. It stands where and as the document's other running heads
/// stand — the same baseline, font and size, the page's top-most or bottom-most row, set
/// apart from the text — and says what a running head says: the words of a running head
/// removed elsewhere, of another row of the document (the heading it repeats, "Contents"
/// under "CONTENTS"), or of the same place on another page. A chapter's opening title, a
/// memo's first heading, a title page or a table's header row is set in another size or
/// place, shares its row with other text, or echoes nothing; the first page's title zone
/// (before `zone_end`) keeps its lines, as the bands leave it.
pub(super) fn mark_style_twins(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let head = |v: &Option<(ActionKind, &str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    let styles = HeadStyle::of_heads(
        lines
            .iter()
            .zip(verdict.iter())
            .filter(|(_, v)| head(v))
            .map(|(l, _)| l),
    );
    if styles.is_empty() {
        return;
    }
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() && l.geometry.is_some() {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, String)> = Vec::new();
    for idx in by_page.values() {
        for &i in idx {
            // The cheap tests first: most lines are not set as a running head is.
            if verdict[i].is_some()
                || (i < zone_end && lines[i].page == 1)
                || !styles.iter().any(|s| s.twin(&lines[i]))
            {
                continue;
            }
            let text = lines[i].plain_cow();
            let key = crate::words::words_key(&text);
            if key.is_empty()
                || !super::furniture_shaped(&text)
                || !alone_at_the_edge(lines, i, idx, verdict)
            {
                continue;
            }
            candidates.push((i, key));
        }
    }
    if candidates.is_empty() {
        return;
    }
    let keys: Vec<String> = candidates.iter().map(|(_, k)| k.clone()).collect();
    let echoes = Echoes::of(lines, &keys);
    let removed: HashSet<String> = lines
        .iter()
        .zip(verdict.iter())
        .filter(|(_, v)| head(v))
        .map(|(l, _)| crate::words::words_key(&l.plain_cow()))
        .collect();
    let mut pages_of: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (i, key) in &candidates {
        pages_of
            .entry(key.as_str())
            .or_default()
            .insert(lines[*i].page);
    }
    for (i, key) in &candidates {
        let on_pages = pages_of[key.as_str()].len();
        if removed.contains(key) || on_pages >= 2 || echoes.elsewhere(key, &lines[*i]) {
            verdict[*i] = Some((
                ActionKind::RunningHeader,
                "set where and as the running heads, with the words of a heading or of another running head",
            ));
        }
    }
}

/// Whether line `i` stands on the page's top-most or bottom-most row, that row holding
/// nothing else but furniture already found, a line's height or more away from the rest.
fn alone_at_the_edge(
    lines: &[TextLine],
    i: usize,
    page: &[usize],
    verdict: &[Option<(ActionKind, &'static str)>],
) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    let height = (g.bbox.y1 - g.bbox.y0).max(1.0);
    let mut above = true;
    let mut below = true;
    for &j in page {
        let Some(h) = lines[j].geometry.filter(|_| j != i) else {
            continue;
        };
        if (h.baseline - g.baseline).abs() < 1.0 {
            if verdict[j].is_none() {
                return false;
            }
            continue;
        }
        above &= h.bbox.y0 >= g.bbox.y1 + height;
        below &= h.bbox.y1 <= g.bbox.y0 - height;
    }
    above || below
}

#[cfg(test)]
mod tests {
    use crate::lines::{TextLine, test_placed};
    use crate::report::{ActionKind, Report};

    const HEAD_FACE: u32 = 1;

    /// A book page: an optional top row (page number and running head in the heads'
    /// face, on baseline 60), an optional heading drawn as a number and a title on one
    /// baseline, then prose of its own.
    fn page(lines: &mut Vec<TextLine>, p: usize, top: Option<&str>, heading: Option<(&str, &str)>) {
        let mut put = |mut l: TextLine, face: u32| {
            if let Some(g) = l.geometry.as_mut() {
                g.face = face;
            }
            l.source_line = lines.len() + 1;
            lines.push(l);
        };
        if let Some(head) = top {
            let number = (p + 100).to_string();
            let (nx, hx) = if p.is_multiple_of(2) {
                (72.0, 300.0)
            } else {
                (520.0, 72.0)
            };
            put(test_placed(&number, p, nx, nx + 15.0, 60.0, 10.0), 0);
            put(test_placed(head, p, hx, hx + 180.0, 60.0, 10.0), HEAD_FACE);
        }
        let mut y = 90.0;
        if let Some((number, title)) = heading {
            put(test_placed(number, p, 72.0, 90.0, 96.0, 14.0), 2);
            put(test_placed(title, p, 100.0, 250.0, 96.0, 14.0), 2);
            y = 124.0;
        }
        for k in 0..12 {
            let text = format!("Prose of page {p} goes on in line {k} of the text, and further.");
            put(test_placed(&text, p, 72.0, 530.0, y, 10.0), 0);
            y += 14.0;
        }
    }

    fn removed(lines: &mut Vec<TextLine>) -> (Vec<String>, Report) {
        let before: Vec<String> = lines.iter().map(TextLine::plain).collect();
        let mut report = Report::default();
        super::super::remove(lines, &mut report);
        let kept: Vec<String> = lines.iter().map(TextLine::plain).collect();
        let gone = before.into_iter().filter(|t| !kept.contains(t)).collect();
        (gone, report)
    }

    #[test]
    fn a_short_section_head_beside_its_page_number_goes_when_it_echoes_a_heading() {
        let mut lines = Vec::new();
        page(&mut lines, 1, None, Some(("2.1", "Sites")));
        page(&mut lines, 2, Some("CHAPTER 2. METHODS"), None);
        // Printed once, beside its page number: the heading on page 1 proves it.
        page(&mut lines, 3, Some("2.1. SITES"), None);
        page(&mut lines, 4, Some("CHAPTER 2. METHODS"), None);
        // The section opens on the page its head stands on.
        page(&mut lines, 5, Some("2.2. HEAT"), Some(("2.2", "Heat")));
        page(&mut lines, 6, Some("CHAPTER 2. METHODS"), None);
        // Words printed nowhere else: nothing proves a two-word line a running head.
        page(&mut lines, 7, Some("FIELD NOTES"), None);
        let (gone, report) = removed(&mut lines);
        for head in ["2.1. SITES", "2.2. HEAT", "CHAPTER 2. METHODS"] {
            assert!(gone.iter().any(|t| t == head), "{head}: {gone:?}");
        }
        for kept in ["2.1", "Sites", "2.2", "Heat", "FIELD NOTES"] {
            assert!(!gone.iter().any(|t| t == kept), "{kept}: {gone:?}");
        }
        assert!(report.actions.iter().any(|a| {
            a.kind == ActionKind::RunningHeader && a.before.as_deref() == Some("2.2. HEAT")
        }));
    }

    #[test]
    fn a_head_alone_where_the_running_heads_stand_goes_but_not_other_top_lines() {
        let mut lines = Vec::new();
        for p in 1..=4_usize {
            let head = if p.is_multiple_of(2) {
                "CHAPTER 2. METHODS"
            } else {
                "2.1. SITES"
            };
            page(&mut lines, p, Some(head), None);
        }
        let mut put = |text: &str, p: usize, x0: f32, baseline: f32, size: f32, face: u32| {
            let mut l = test_placed(text, p, x0, x0 + 120.0, baseline, size);
            if let Some(g) = l.geometry.as_mut() {
                g.face = face;
            }
            l.source_line = lines.len() + 1;
            lines.push(l);
        };
        // A page whose number is printed at its foot, or left out: the section's head
        // alone, printed once; the section's heading on the next page echoes it.
        put("2.2. HEAT", 5, 300.0, 60.0, 10.0, HEAD_FACE);
        put(
            "Prose of a page without its number, at length here.",
            5,
            72.0,
            90.0,
            10.0,
            0,
        );
        put("2.2", 9, 72.0, 96.0, 14.0, 2);
        put("Heat", 9, 100.0, 96.0, 14.0, 2);
        put(
            "Prose of the section on heat, which goes on at length.",
            9,
            72.0,
            124.0,
            10.0,
            0,
        );
        // A table's header row at the top of a page, in the heads' face and place.
        for (k, cell) in ["Sites", "Year", "Rain"].iter().enumerate() {
            put(cell, 6, 72.0 + 150.0 * k as f32, 60.0, 10.0, HEAD_FACE);
        }
        put(
            "Prose under the table that goes on at length here.",
            6,
            72.0,
            90.0,
            10.0,
            0,
        );
        // A chapter's opening: its label set larger, lower down.
        put("Chapter 3", 7, 72.0, 200.0, 20.0, 2);
        put(
            "Prose of the new chapter that goes on at length.",
            7,
            72.0,
            260.0,
            10.0,
            0,
        );
        // A line in the heads' place and face whose words nothing else prints.
        put("Notes from the field trip", 8, 72.0, 60.0, 10.0, HEAD_FACE);
        put(
            "Prose of the last page, which goes on at length.",
            8,
            72.0,
            90.0,
            10.0,
            0,
        );
        let pages_of = |lines: &[TextLine], t: &str| {
            lines
                .iter()
                .filter(|l| l.plain() == t)
                .map(|l| l.page)
                .collect::<Vec<_>>()
        };
        let (gone, report) = removed(&mut lines);
        assert!(pages_of(&lines, "2.2. HEAT").is_empty(), "{gone:?}");
        assert!(
            report.actions.iter().any(|a| a.page == Some(5)
                && a.kind == ActionKind::RunningHeader
                && a.evidence
                    .as_deref()
                    .is_some_and(|e| e.contains("where and as the running heads"))),
            "{:?}",
            report.actions
        );
        for kept in [
            "Sites",
            "Year",
            "Rain",
            "Chapter 3",
            "Notes from the field trip",
            "2.2",
            "Heat",
        ] {
            assert!(!pages_of(&lines, kept).is_empty(), "{kept}: {gone:?}");
        }
    }
}
