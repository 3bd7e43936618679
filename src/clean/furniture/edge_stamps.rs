//! Furniture one page proves on its own (PDF lines): a page number alone at the page's
//! edge, a running title sharing the edge row with its number, and repository, download or
//! document-control stamps with their dates.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::ActionKind;

use super::page_numbers::{in_number_column, page_of_total};
use super::section_heads::{EdgeRow, RowTitle, section_heads};

/// Share of the page height, at the top and at the bottom, that counts as its edge for
/// furniture that one page alone proves.
const EDGE: f32 = 0.125;

/// Stamps a repository, a journal or a printer adds at a page's edge: they name the
/// download, the repository or the document's control numbers, never the work's content.
static EDGE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            download\s+date\b.*
          | published\s+by\s+.{0,60}\b(?:scholarsarchive|repository|digital\s+commons|scholarworks|eprints)\b.*
          | (?:rev\.?|revision)\s*:?\s*[0-9][0-9a-z.]*
          | p/n\s*:?\s*[0-9a-z][0-9a-z-]*
          | \[?\s*ch(?:ap(?:ter)?)?\.?\s+[ivxlc0-9]+\.?\s*\]?
          | digitized\s+by\s+(?:google|the\s+internet\s+archive\b.*)
        )$",
    )
    .expect("valid regex")
});
/// "Downloaded from <site> on <date>": a download stamp wherever it is printed (often
/// up the page's side).
static DOWNLOAD_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^downloaded\s+(?:from|by)\s+(?:https?://)?[\w-]+\.[\w.-]+")
        .expect("valid regex")
});
/// The stamp arXiv prints up the first page's side: the identifier, its subject class and
/// the date ("arXiv:2004.04906v3 [cs.CL] 30 Sep 2020", "arXiv:hep-th/9901001v1 [hep-th]
/// 4 Jan 1999").
static ARXIV_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^arXiv:\s*(?:[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?
          \s*\[[A-Za-z.-]+\]\s+[0-9]{1,2}\s+[A-Z][a-z]{2}\s+[0-9]{4}$",
    )
    .expect("valid regex")
});

// The two stamp patterns above are among the costliest to compile (Unicode classes under
// case folding, about 3 ms together), and a line can only match them when it opens with
// one of their words. These exact necessary conditions spare most documents the compiling.
// ASCII comparisons suffice: no character outside ASCII folds to a letter they compare
// (the letters that do, `k` and `s`, are not among them).

/// Whether a line opens with "downloaded", as [`DOWNLOAD_STAMP`] requires.
fn may_be_download_stamp(t: &str) -> bool {
    t.as_bytes()
        .get(..10)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"downloaded"))
}

/// Whether a line opens, after any `[` and spaces, with the first letters of one of
/// [`EDGE_STAMP`]'s alternatives: "download", "pub(lished)", "rev", "p/n", "ch" or "digitized".
fn may_be_edge_stamp(t: &str) -> bool {
    let b = t
        .trim_start_matches(|c: char| c == '[' || c.is_whitespace())
        .as_bytes();
    [
        &b"download"[..],
        b"pub",
        b"rev",
        b"p/n",
        b"ch",
        b"digitized",
    ]
    .iter()
    .any(|w| b.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
}

/// Whether a line that reads as a chapter stamp ("Chapter 2", "Ch. 3") is the label of a
/// chapter's opening instead: set larger than the running text (`usual`), or in bold, as
/// a book sets "Chapter 2" over the chapter's title. A stamp is set like the text or
/// smaller.
fn opens_a_chapter(line: &TextLine, usual: f32) -> bool {
    let t = line.plain_cow();
    let chapter = t
        .trim_start_matches(|c: char| c == '[' || c.is_whitespace())
        .get(..2)
        .is_some_and(|w| w.eq_ignore_ascii_case("ch"));
    chapter
        && line
            .geometry
            .is_some_and(|g| g.font_size > usual + 0.5 || crate::rich::all_bold(&line.text))
}

/// A page number alone: arabic or lower/upper-case roman.
fn edge_number(t: &str) -> bool {
    let n = t.strip_suffix('.').unwrap_or(t);
    let all = |chars: &[u8], most: usize| {
        (1..=most).contains(&n.len()) && n.bytes().all(|b| chars.contains(&b))
    };
    super::page_numbers::bare_number(n) || all(b"ivxlc", 7) || all(b"IVXLC", 7)
}

/// Whether line `i` stands on its row as a page number does: not beside another number,
/// nor among cells. A number with a numeric neighbour on its baseline is a cell of a table
/// row (the first row under a header repeated at the top of a page), and so is a number
/// with three or more other pieces of text on its baseline (a line-item row numbered
/// 1, 2, 3 near the page foot: "1  SCR-1  12/20/24  Holiday Spectacular  $250"), while a
/// page number shares its row at most with a little text (a running title, a date, a rule
/// drawn as dashes), standing at the row's outer edge or in the page's middle.
fn alone_on_its_row(lines: &[TextLine], i: usize, page: &[usize]) -> bool {
    let Some(g) = lines[i].geometry else {
        return true;
    };
    let numeric = |t: &str| {
        let t = t.trim().trim_end_matches('%').replace([',', '.'], "");
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
    };
    let mut beside: Vec<(f32, f32)> = Vec::new();
    for &j in page {
        let Some(h) = lines[j].geometry else { continue };
        if j == i || lines[j].is_blank() || (h.baseline - g.baseline).abs() >= 1.0 {
            continue;
        }
        if numeric(&lines[j].plain_cow()) {
            return false;
        }
        beside.push((h.bbox.x0, h.bbox.x1));
    }
    // Sharing its row, a page number stands at the text's outer edge or its middle, as
    // a running title's number does; a vote count after a candidate's name and party,
    // a third of the way across a ballot's page, is a cell.
    if !beside.is_empty() {
        let (left, right) = page
            .iter()
            .filter_map(|&j| lines[j].geometry)
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), h| {
                (l.min(h.bbox.x0), r.max(h.bbox.x1))
            });
        let near = 3.0 * g.font_size;
        let middle = (g.bbox.x0 + g.bbox.x1) / 2.0 - (left + right) / 2.0;
        if g.bbox.x0 - left > near && right - g.bbox.x1 > near && middle.abs() > near {
            return false;
        }
    }
    // Words drawn one by one are one piece of text: pieces are told apart by a gap wider
    // than the type's size.
    beside.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut pieces = 0;
    let mut right = f32::NEG_INFINITY;
    for (x0, x1) in beside {
        if x0 > right + g.font_size {
            pieces += 1;
        }
        right = right.max(x1);
    }
    pieces < 3
}

/// Furniture that a single page proves (PDF lines only): a page number alone or a
/// repository or document-control stamp in the top or bottom edge of the page, and a
/// date printed beside such a stamp. No repetition across pages is needed.
pub(super) fn mark_edge_stamps(
    lines: &[TextLine],
    body_size: Option<f32>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let at_edge = |l: &TextLine| {
        l.geometry.is_some_and(|g| {
            g.page_height > 0.0
                && (g.bbox.y1 < EDGE * g.page_height || g.bbox.y0 > (1.0 - EDGE) * g.page_height)
        })
    };
    // Each test below looks only at the line's own page: indexing the pages once keeps
    // the pass linear in the document (a scan of every line per line was quadratic).
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        by_page.entry(line.page).or_default().push(i);
    }
    // The document's running-text size: a running head is set no larger than the text,
    // a chapter or section title is. (No size is known only when no line has one, and
    // then neither test below has a line to look at.)
    let usual = body_size.unwrap_or(0.0);
    let pages = lines.iter().map(|l| l.page).max().unwrap_or(0);
    let mut extremes: HashMap<usize, Extremes> = HashMap::new();
    let mut stamps = Vec::new();
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let numbered = matches!(verdict[i], Some((ActionKind::PageNumber, _)));
        if (verdict[i].is_some() && !numbered) || line.geometry.is_none() {
            continue;
        }
        let t = line.plain_cow();
        let t = t.trim();
        if numbered {
            // A page number the bands found may still stand beside a section's running
            // head that does not repeat enough to be found with it.
            if edge_number(t)
                && let Some((title, running)) =
                    number_ends_edge_row(lines, i, &by_page[&line.page], usual)
            {
                rows.push(EdgeRow {
                    number: i,
                    title,
                    running,
                    numbered: true,
                });
            }
            continue;
        }
        if may_be_download_stamp(t)
            && DOWNLOAD_STAMP.is_match(t)
            && t.split_whitespace().count() <= 30
        {
            verdict[i] = Some((ActionKind::RunningHeader, "download stamp"));
            continue;
        }
        if t.starts_with("arXiv:") && ARXIV_STAMP.is_match(t) && (line.is_turned() || at_edge(line))
        {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "arXiv's identifier stamp in the page's margin",
            ));
            continue;
        }
        if edge_number(t)
            && let Some((title, running)) =
                number_ends_edge_row(lines, i, &by_page[&line.page], usual)
        {
            if running == RowTitle::Running {
                mark_running_title(verdict, i, title);
                continue;
            }
            rows.push(EdgeRow {
                number: i,
                title,
                running,
                numbered: false,
            });
        }
        if !at_edge(line) {
            let same_page = &by_page[&line.page];
            let extremes = *extremes
                .entry(line.page)
                .or_insert_with(|| Extremes::of(lines, same_page));
            if !set_apart_at_edge(lines, i, same_page, extremes) {
                continue;
            }
        }
        // "Page 1 of 1": the line names its own page and the document's page count.
        if page_of_total(t) == Some((line.page, pages)) {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "\"page n of m\" at the page's edge naming this page and the document's page count",
            ));
            continue;
        }
        if edge_number(t)
            && alone_on_its_row(lines, i, &by_page[&line.page])
            && !numbers_a_title(lines, i, &by_page[&line.page], usual)
            && !in_number_column(lines, &by_page[&line.page], i)
        {
            verdict[i] = Some((ActionKind::PageNumber, "number alone at the page's edge"));
        } else if small_header_at_top(lines, i, &by_page[&line.page], usual) {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "top line of the page, alone and set apart, at half the running text's size or less",
            ));
        } else if may_be_edge_stamp(t) && EDGE_STAMP.is_match(t) && !opens_a_chapter(line, usual) {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "repository or document-control stamp at the page's edge",
            ));
            stamps.push(i);
        }
    }
    for row in section_heads(lines, &rows, verdict) {
        if verdict[row.title].is_none() {
            mark_running_title(verdict, row.number, row.title);
        }
    }
    // "Revision: 2.4   P/N 119-036   10 June 2019": the date belongs to the stamp line.
    for i in stamps {
        let (page, Some(g)) = (lines[i].page, lines[i].geometry) else {
            continue;
        };
        for &j in &by_page[&page] {
            let other = &lines[j];
            if verdict[j].is_none()
                && other
                    .geometry
                    .is_some_and(|h| (h.baseline - g.baseline).abs() < 1.0)
                && crate::date::parse_date_line(&other.plain_cow()).is_some()
            {
                verdict[j] = Some((ActionKind::RunningHeader, "date beside an edge stamp"));
            }
        }
    }
}

/// Whether line `i` is the page's top-most or bottom-most line, set apart from the next
/// line by a gap of at least one and a half of its own heights (a page whose text ends
/// well above the paper's edge still has its page number below the text).
fn set_apart_at_edge(
    lines: &[TextLine],
    i: usize,
    same_page: &[usize],
    extremes: Extremes,
) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    let height = (g.bbox.y1 - g.bbox.y0).max(1.0);
    let others = || {
        same_page
            .iter()
            .filter(move |&&j| j != i && !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry)
            // Lines on its baseline are part of the same edge row.
            .filter(move |h| (h.baseline - g.baseline).abs() >= 1.0)
    };
    let above = |h: &crate::lines::LineGeometry| h.bbox.y1 <= g.bbox.y0 - 1.5 * height;
    let below = |h: &crate::lines::LineGeometry| h.bbox.y0 >= g.bbox.y1 + 1.5 * height;
    // A line of `others` that fails the test settles it without a scan of the page (which
    // for every line of a page would be quadratic in it): the page's lowest line is
    // seldom above a line, its highest seldom below one.
    let refutes = |j: Option<usize>, test: &dyn Fn(&crate::lines::LineGeometry) -> bool| {
        j.is_some_and(|j| {
            j != i
                && !lines[j].is_blank()
                && lines[j]
                    .geometry
                    .is_some_and(|h| (h.baseline - g.baseline).abs() >= 1.0 && !test(&h))
        })
    };
    let lowest_above = !refutes(extremes.lowest, &above) && others().all(|h| above(&h));
    let highest_below = !refutes(extremes.highest, &below) && others().all(|h| below(&h));
    lowest_above || highest_below
}

/// A page's lowest line (the greatest bottom edge) and its highest (the least top edge)
/// among its non-blank lines with geometry.
#[derive(Debug, Clone, Copy, Default)]
struct Extremes {
    lowest: Option<usize>,
    highest: Option<usize>,
}

impl Extremes {
    fn of(lines: &[TextLine], page: &[usize]) -> Self {
        let mut e = Extremes::default();
        let placed = page
            .iter()
            .filter(|&&j| !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry.map(|h| (j, h)));
        let (mut bottom, mut top) = (f32::NEG_INFINITY, f32::INFINITY);
        for (j, h) in placed {
            if e.lowest.is_none() || h.bbox.y1 > bottom {
                (e.lowest, bottom) = (Some(j), h.bbox.y1);
            }
            if e.highest.is_none() || h.bbox.y0 < top {
                (e.highest, top) = (Some(j), h.bbox.y0);
            }
        }
        e
    }
}

/// Whether line `i` is a repository's or a journal's header: the page's top-most line,
/// alone on its row and set apart from the text under it, short, and set at half the
/// running text's size or less ("Woodworth et al.: Brief Notices" over a 31 pt scan layer).
/// A title, a kicker or a section label is set larger, and text this small at the top is
/// never running text.
fn small_header_at_top(lines: &[TextLine], i: usize, same_page: &[usize], usual: f32) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    if usual <= 0.0 || g.font_size <= 0.0 || g.font_size > 0.5 * usual {
        return false;
    }
    let words = lines[i].plain_cow().split_whitespace().count();
    let others = || {
        same_page
            .iter()
            .filter(move |&&j| j != i && !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry)
    };
    let height = (g.bbox.y1 - g.bbox.y0).max(1.0);
    (1..=12).contains(&words)
        && g.bbox.y1 < EDGE * g.page_height
        && others().next().is_some()
        && others().all(|h| h.bbox.y0 >= g.bbox.y1 + 1.5 * height)
}

/// Whether the number on line `i` is a title's own number: text set larger than the
/// running text (`usual`), or in bold, starts on its baseline within an em and a half after it
/// ("2   Why Carbon Pricing Matters"). A running head's title is set like the text.
fn numbers_a_title(lines: &[TextLine], i: usize, same_page: &[usize], usual: f32) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    same_page.iter().any(|&j| {
        j != i
            && !lines[j].is_blank()
            && lines[j].geometry.is_some_and(|h| {
                (h.baseline - g.baseline).abs() < 1.0
                    && h.bbox.x0 >= g.bbox.x1 - 0.5
                    && h.bbox.x0 - g.bbox.x1 <= 1.5 * g.font_size
                    && (h.font_size > usual + 0.5 || crate::rich::all_bold(&lines[j].text))
            })
    })
}

/// Records a page number and the running title on its edge row.
fn mark_running_title(
    verdict: &mut [Option<(ActionKind, &'static str)>],
    number: usize,
    title: usize,
) {
    if verdict[number].is_none() {
        verdict[number] = Some((
            ActionKind::PageNumber,
            "number at the outer end of the page's first or last row, beside its running title",
        ));
    }
    if verdict[title].is_none() {
        verdict[title] = Some((
            ActionKind::RunningHeader,
            "running title beside the page number, in a row set apart at the page's edge",
        ));
    }
}

/// Whether line `i` is a number at the outer end of the page's top-most or bottom-most
/// row, beside a running title of three words or more, and the row stands a full line
/// height away from the rest of the page, set no larger than the running text:
/// "Optimized Table Tokenization …   9", "148  A. Sundström et al.". A table's first
/// row is too close to the rows under it and its cells are seldom three words; a
/// chapter's or section's title is larger or bold.
/// Returns the running title's index, and whether the row alone proves it a running
/// title.
fn number_ends_edge_row(
    lines: &[TextLine],
    i: usize,
    same_page: &[usize],
    usual: f32,
) -> Option<(usize, RowTitle)> {
    let g = lines[i].geometry?;
    let on_row = |h: &crate::lines::LineGeometry| (h.baseline - g.baseline).abs() < 1.0;
    let row: Vec<usize> = same_page
        .iter()
        .copied()
        .filter(|&j| j != i && !lines[j].is_blank())
        .filter(|&j| lines[j].geometry.is_some_and(|h| on_row(&h)))
        .collect();
    let [title] = row.as_slice() else {
        return None;
    };
    let t = lines[*title].geometry?;
    let gap = g.font_size;
    let outer = g.bbox.x0 >= t.bbox.x1 + gap || g.bbox.x1 + gap <= t.bbox.x0;
    if !outer {
        return None;
    }
    let running = if lines[*title].plain_cow().split_whitespace().count() < 3
        || crate::rich::all_bold(&lines[*title].text)
    {
        RowTitle::Unproven
    } else {
        RowTitle::Running
    };
    let top = g.bbox.y0.min(t.bbox.y0);
    let bottom = g.bbox.y1.max(t.bbox.y1);
    let height = (bottom - top).max(1.0);
    let rest = || {
        same_page
            .iter()
            .filter(|&&j| j != i && j != *title && !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry)
    };
    // Set no larger than the running text: a chapter opening is larger.
    if g.font_size.max(t.font_size) > usual + 0.5 {
        return None;
    }
    let apart = rest().next().is_some()
        && (rest().all(|h| h.bbox.y0 >= bottom + height)
            || rest().all(|h| h.bbox.y1 <= top - height));
    apart.then_some((*title, running))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_decides_as, pattern_texts};

    #[test]
    fn a_chapter_label_set_large_or_bold_opens_a_chapter_and_a_stamp_does_not() {
        let place =
            |text: &str, size: f32| crate::lines::test_placed(text, 1, 72.0, 200.0, 80.0, size);
        assert!(opens_a_chapter(&place("Chapter 2", 20.0), 10.0));
        let mut bold = place("Chapter 2", 10.0);
        bold.text = crate::rich::bold("Chapter 2");
        assert!(opens_a_chapter(&bold, 10.0));
        assert!(!opens_a_chapter(&place("Chapter 2", 8.0), 10.0));
        assert!(!opens_a_chapter(&place("Rev. 4", 20.0), 10.0));
    }

    /// Google Books sets "Digitized by Google" in the corner below each page's text; read
    /// as text it went on the page's last sentence ("or otherwise decomposed, Digitized
    /// by Google"). The words in a sentence stay.
    #[test]
    fn a_digitizers_stamp_below_the_text_goes() {
        let place = |text: &str, baseline: f32| {
            crate::lines::test_placed(text, 1, 29.0, 156.0, baseline, 3.5)
        };
        let lines = vec![
            place(
                "pass into the state of jelly, and be dissolved, or other-",
                250.0,
            ),
            place("wise decomposed,", 255.0),
            crate::lines::test_placed("Digitized by Google", 1, 145.0, 176.0, 294.0, 3.8),
        ];
        let mut verdict = vec![None; lines.len()];
        mark_edge_stamps(&lines, Some(3.5), &mut verdict);
        assert!(matches!(verdict[2], Some((ActionKind::RunningHeader, _))));
        assert!(verdict[..2].iter().all(Option::is_none));
        assert!(EDGE_STAMP.is_match(
            "Digitized by the Internet Archive in 2007 with funding from Microsoft Corporation"
        ));
        assert!(!EDGE_STAMP.is_match("Digitized by Google and others in 2007"));
    }

    /// [`edge_number`] decides what the pattern it replaces matched.
    /// arXiv's stamp runs up the first page's margin, beside the text it would otherwise
    /// be read into ("where some arXiv:2004.04906v3 [cs.CL] 30 Sep 2020 of them"); the
    /// same words as a line of running text stay.
    #[test]
    fn arxiv_stamp_up_the_margin_goes() {
        let stamp = "arXiv:2004.04906v3 [cs.CL] 30 Sep 2020";
        let mut turned_stamp = crate::lines::test_placed(stamp, 1, 16.0, 36.0, 610.0, 20.0);
        if let Some(g) = turned_stamp.geometry.as_mut() {
            g.bbox.y0 = 263.0;
        }
        let lines = vec![
            crate::lines::test_placed(
                "a small subset of passages where some",
                1,
                72.0,
                290.0,
                400.0,
                10.0,
            ),
            turned_stamp,
            crate::lines::test_placed(stamp, 1, 72.0, 290.0, 420.0, 10.0),
            crate::lines::test_placed(
                "of them contain the answer to the question.",
                1,
                72.0,
                290.0,
                440.0,
                10.0,
            ),
        ];
        let mut verdict = vec![None; lines.len()];
        mark_edge_stamps(&lines, Some(10.0), &mut verdict);
        assert!(matches!(verdict[1], Some((ActionKind::RunningHeader, _))));
        assert!(verdict[2].is_none());
        assert!(ARXIV_STAMP.is_match("arXiv:hep-th/9901001v1 [hep-th] 4 Jan 1999"));
        assert!(!ARXIV_STAMP.is_match("arXiv:2004.04906 shows that dense retrieval works"));
    }

    /// A number sharing its row is a page number only at the text's outer edge or in
    /// the page's middle: a vote count after a name and a party is a cell.
    #[test]
    fn a_number_inside_a_row_is_no_page_number() {
        let at = |text: &str, x0: f32, x1: f32, baseline: f32| {
            crate::lines::test_placed(text, 1, x0, x1, baseline, 8.0)
        };
        let lines = vec![
            at(
                "Running text across the whole measure of the page.",
                33.0,
                578.0,
                500.0,
            ),
            at("STEVE FOX", 33.0, 78.0, 800.0),
            at("DEM", 161.0, 179.0, 800.0),
            at("63", 201.0, 210.0, 800.0),
            at("Brief Series — Oceans", 33.0, 150.0, 820.0),
            at("12", 565.0, 578.0, 820.0),
            at("Harbour Institute", 33.0, 120.0, 830.0),
            at("13", 300.0, 310.0, 830.0),
        ];
        let page: Vec<usize> = (0..lines.len()).collect();
        assert!(!alone_on_its_row(&lines, 3, &page));
        assert!(alone_on_its_row(&lines, 5, &page));
        assert!(alone_on_its_row(&lines, 7, &page));
    }

    #[test]
    fn edge_number_is_its_pattern() {
        let texts = pattern_texts(
            &[
                "1", "12", "٣", "i", "v", "x", "l", "c", "I", "V", "X", "L", "C", "ⅰ", "Ⅳ", "m",
                "M", ".", "..", " ", "\n", "a",
            ],
            60_000,
        );
        assert_decides_as(
            r"^(?:[0-9]{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})\.?$",
            edge_number,
            &texts,
        );
    }
}
