//! Drop caps: a word's first letter set large at the start of a paragraph (or of a
//! journal's name), beside the lines it opens. The PDF reader makes it a line of its own,
//! which would read as a one-letter heading and leave its word cut ("J" and "ournal of
//! Cosmology"). This pass puts the letter back at the start of its word.

use foldhash::{HashMap, HashMapExt};

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// How much larger than the text beside it a letter must be set to be its drop cap.
const DROP_CAP_RATIO: f32 = 1.8;

/// Joins each drop cap to the line it opens: a line that is one capital letter, set at
/// least [`DROP_CAP_RATIO`] times the size of a line whose left edge touches its right
/// edge, whose top lies within the letter's height, and whose text opens in lower case
/// (the rest of the letter's word). The topmost such line is the one it opens.
pub fn join(lines: &mut Vec<TextLine>, report: &mut Report) {
    let caps: Vec<(usize, char)> = lines
        .iter()
        .enumerate()
        .filter_map(|(at, l)| Some((at, lone_capital(l)?)))
        .collect();
    if caps.is_empty() {
        return;
    }
    // Each page's lines, so that a letter is compared with its own page's lines only.
    let mut on_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        on_page.entry(l.page).or_default().push(i);
    }
    let mut joined = Vec::new();
    for (at, letter) in caps {
        let cap = &lines[at];
        let Some(g) = cap.geometry else { continue };
        let word_start = on_page[&cap.page]
            .iter()
            .filter(|&&i| i != at && lines[i].cell == cap.cell)
            .filter_map(|&i| Some((i, &lines[i], lines[i].geometry?)))
            .filter(|(_, l, t)| {
                t.font_size * DROP_CAP_RATIO <= g.font_size
                    && (-0.2 * g.font_size..=0.3 * g.font_size).contains(&(t.bbox.x0 - g.bbox.x1))
                    && t.bbox.y0 >= g.bbox.y0 - t.font_size
                    && t.bbox.y0 < g.bbox.y1
                    && l.plain_cow().trim_start().starts_with(char::is_lowercase)
            })
            .min_by(|a, b| a.2.bbox.y0.total_cmp(&b.2.bbox.y0));
        if let Some((i, l, _)) = word_start {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(cap.page)
                    .lines([cap.source_line, l.source_line])
                    .before(format!("{letter} | {}", l.plain()))
                    .evidence(format!(
                        "a drop cap: the letter {letter}, set {:.0} pt beside {:.0} pt text that \
                         opens in lower case, begins its first word",
                        g.font_size,
                        l.geometry.map_or(0.0, |t| t.font_size)
                    ))
                    .confidence(0.85),
            );
            joined.push((at, i));
        }
    }
    if joined.is_empty() {
        return;
    }
    for &(cap, word) in &joined {
        let letter = lines[cap].text.clone();
        lines[word].text.insert_str(0, &letter);
    }
    let mut keep = vec![true; lines.len()];
    for &(cap, _) in &joined {
        keep[cap] = false;
    }
    let mut at = 0;
    lines.retain(|_| {
        at += 1;
        keep[at - 1]
    });
}

/// The capital letter a line holds alone, if that is all it holds.
fn lone_capital(line: &TextLine) -> Option<char> {
    let plain = line.plain_cow();
    let mut chars = plain.trim().chars();
    let c = chars.next()?;
    (c.is_uppercase() && chars.next().is_none()).then_some(c)
}
