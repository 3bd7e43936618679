//! Bullets that extracted text prints on lines of their own.
//!
//! A PDF draws a list's bullets in a narrow column left of the items' text. Tools that
//! write plain text (pdftotext without `-layout`, copy and paste from a viewer) often
//! read that column as a block of its own: each bullet alone on a line, either just
//! before its item's text or stacked several together before the items they mark. The
//! structure passes need the bullet at the head of its item, as printed, so this pass
//! puts it back there:
//!
//! - a bullet line followed by text (blank lines between are allowed) marks that text;
//! - a stack of `k` bullet lines (only blank lines between them) marks the next `k`
//!   paragraphs after it that do not have a bullet of their own, on the same page. If
//!   the page holds fewer such paragraphs, the stack is left as printed: the count is
//!   the only evidence, and it did not hold.
//!
//! Labels fare alike in text that prints each block apart (mutool): an item's label
//! ("a.", "150."), a section's number ("5.1") or a caption's word and number ("Table" /
//! "1.") alone on a line go back to the head of the text right under them.
//!
//! Only lines without geometry are read: in a PDF or OCR input, line building already
//! sets a bullet beside the text on its baseline. A bullet alone on its line is never
//! prose, so nothing is lost either way; every move is in the report.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// Whether the trimmed line is one bullet glyph and nothing else: the round, square and
/// arrow bullets, Word's `o` for a second level, the Symbol and Wingdings glyphs that
/// extraction leaves in the Private Use Area, and their signs once read.
fn is_lone_bullet(line: &TextLine) -> bool {
    if line.geometry.is_some() {
        return false;
    }
    let t = line.plain_cow();
    let mut chars = t.trim().chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '●'
            | '○'
            | '‣'
            | '⁃'
            | '∙'
            | '◆'
            | '◇'
            | '❖'
            | '➢'
            | '➤'
            | '►'
            | '▸'
            | '▹'
            | '✓'
            | '✔'
            | 'o'
            | '\u{F020}'..='\u{F0FF}'
    ) || crate::patterns::SYMBOL_BULLETS.contains(&c)
}

/// Whether the line can be an item's text: not blank, not a bullet, without geometry.
fn is_text(line: &TextLine) -> bool {
    !line.is_blank() && line.geometry.is_none() && !is_lone_bullet(line)
}

/// Whether line `i` reads as a heading over the text after it: a few title-cased words
/// with no closing punctuation, and a sentence opening on the very next line. Plain-text
/// extraction reads a page's columns and bullet column in its own order, so the text
/// after a bullet can be the next column's heading; a bullet never goes onto one.
fn heads_text(lines: &[TextLine], i: usize) -> bool {
    let t = lines[i].plain_cow();
    let t = t.trim();
    let next_opens = lines.get(i + 1).is_some_and(|n| {
        !n.is_blank() && n.plain_cow().trim_start().starts_with(char::is_uppercase)
    });
    next_opens
        && crate::words::words(t) <= 8
        && !t.ends_with(['.', ',', ';', ':', '!', '?'])
        && crate::line_kinds::title_like(t)
}

/// Whether the line opens with a number: a note definition at the foot of a page (`4 Ibid.`)
/// or an item numbered by its author. Plain-text extraction puts a page's last bullet
/// before the notes when its item continues on the next page; a bullet never goes onto
/// such a line.
fn opens_with_number(line: &TextLine) -> bool {
    line.plain_cow()
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The first line at or after `from` that is not blank.
fn next_filled(lines: &[TextLine], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| !lines[j].is_blank())
}

/// Moves every lone bullet onto the text it marks; see the module comment.
pub fn attach(lines: &mut [TextLine], report: &mut Report) {
    let mut i = 0;
    while i < lines.len() {
        if !is_lone_bullet(&lines[i]) {
            i += 1;
            continue;
        }
        let mut stack = vec![i];
        let mut next = next_filled(lines, i + 1);
        while let Some(j) = next.filter(|&j| is_lone_bullet(&lines[j])) {
            stack.push(j);
            next = next_filled(lines, j + 1);
        }
        let Some(first) = next.filter(|&j| is_text(&lines[j])) else {
            i = next.unwrap_or(lines.len());
            continue;
        };
        let targets = if heads_text(lines, first) || opens_with_number(&lines[first]) {
            None
        } else if stack.len() == 1 {
            Some(vec![first])
        } else {
            paragraphs_without_bullet(lines, first, stack.len())
        };
        if let Some(targets) = targets {
            let stacked = stack.len() > 1;
            for (&b, &t) in stack.iter().zip(&targets) {
                move_bullet(lines, b, t, stacked, report);
            }
        }
        i = first + 1;
    }
}

/// Whether the trimmed line is a list's label and nothing else ("a.", "150.", "iv)",
/// "(b)"), without geometry (see [`crate::label_lines::is_list_label`]).
fn is_lone_label(line: &TextLine) -> bool {
    line.geometry.is_none() && crate::label_lines::is_list_label(&line.plain_cow())
}

/// Whether line `i` is a section's number alone ("5.1") over its title (see
/// [`crate::label_lines::heads_section`]), without geometry.
fn is_lone_section_number(lines: &[TextLine], i: usize) -> bool {
    lines[i].geometry.is_none()
        && crate::label_lines::is_section_number(&lines[i].plain_cow())
        && lines
            .get(i + 1)
            .is_some_and(|n| crate::label_lines::heads_section(&n.plain_cow()))
}

/// Moves every lone list label onto the line right under it: an extractor that prints each
/// text block apart (mutool) sets an exercise's or a clause's label ("a.", "150.") on a
/// line of its own, its text on the next. Only a label that opens a block (the text's
/// first line, or under a blank line) with its text directly under it moves: one under a
/// line of text ends that line ("Table" / "1."), a blank line between says less, and a
/// label over another label, or over nothing, stays as printed.
pub fn attach_labels(lines: &mut [TextLine], report: &mut Report) {
    for i in 0..lines.len().saturating_sub(1) {
        if let Some(moved) = caption_label_parts(lines, i) {
            join_caption_label(lines, i, moved, report);
            continue;
        }
        let section = is_lone_section_number(lines, i);
        if !(is_lone_label(&lines[i]) || section) || i > 0 && !lines[i - 1].is_blank() {
            continue;
        }
        let next = &lines[i + 1];
        if next.is_blank()
            || next.geometry.is_some()
            || next.page != lines[i].page
            || is_lone_label(next)
            || is_lone_bullet(next)
        {
            continue;
        }
        let label = lines[i].plain_cow().trim().to_string();
        let before = next.plain();
        lines[i + 1].text = format!("{label} {}", lines[i + 1].text);
        lines[i].text.clear();
        report.push(
            Action::new(ActionKind::BulletRepaired)
                .page(lines[i + 1].page)
                .lines([lines[i].source_line, lines[i + 1].source_line])
                .before(before.chars().take(60).collect::<String>())
                .after(format!(
                    "{label} {}",
                    before.chars().take(58).collect::<String>()
                ))
                .evidence(if section {
                    "a section number printed on a line of its own, over its title"
                } else {
                    "a list label printed on a line of its own, over its item's text"
                })
                .confidence(0.9),
        );
    }
}

/// Whether line `i` is the number of a caption label whose word stands alone on the line
/// above ("Table" / "1." / "HPO performed in …": an extractor cut a bold label from its
/// caption): `Some(true)` when a line of text follows to carry the label, `Some(false)`
/// when the label stands alone.
fn caption_label_parts(lines: &[TextLine], i: usize) -> Option<bool> {
    if i == 0 || lines[i].geometry.is_some() || lines[i - 1].geometry.is_some() {
        return None;
    }
    let number = lines[i].plain_cow();
    let number = number.trim();
    let digits = number.trim_end_matches(['.', ':']);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let word = lines[i - 1].plain_cow();
    let opens_block = i < 2 || lines[i - 2].is_blank();
    let label = format!("{} {number}", word.trim());
    (opens_block
        && crate::words::words(&word) == 1
        && crate::caption_labels::lone_caption_label(&label).is_some())
    .then(|| {
        lines
            .get(i + 1)
            .is_some_and(|n| !n.is_blank() && n.geometry.is_none())
    })
}

/// Joins a caption label's word (line `i - 1`) and number (line `i`) into one label, at
/// the head of the caption's text on line `i + 1` when `onto_text`.
fn join_caption_label(lines: &mut [TextLine], i: usize, onto_text: bool, report: &mut Report) {
    let label = format!(
        "{} {}",
        lines[i - 1].plain_cow().trim(),
        lines[i].plain_cow().trim()
    );
    let target = if onto_text { i + 1 } else { i };
    let before = lines[target].plain();
    lines[target].text = if onto_text {
        format!("{label} {}", lines[target].text)
    } else {
        label.clone()
    };
    lines[i - 1].text.clear();
    if onto_text {
        lines[i].text.clear();
    }
    report.push(
        Action::new(ActionKind::BulletRepaired)
            .page(lines[target].page)
            .lines([lines[i - 1].source_line, lines[i].source_line])
            .before(before.chars().take(60).collect::<String>())
            .after(label)
            .evidence("a caption's label printed a word a line (\"Table\" / \"1.\"), joined")
            .confidence(0.9),
    );
}

/// The first `k` paragraph openings from `first` on (`first` is one) that have no bullet
/// line of their own and lie on `first`'s page; `None` when there are fewer. A paragraph
/// opens after a blank line or after a bullet line's item.
fn paragraphs_without_bullet(lines: &[TextLine], first: usize, k: usize) -> Option<Vec<usize>> {
    let page = lines[first].page;
    let mut found = vec![first];
    let mut after_break = false;
    let mut j = first + 1;
    while found.len() < k && j < lines.len() && lines[j].page == page {
        let line = &lines[j];
        if line.is_blank() {
            after_break = true;
        } else if is_lone_bullet(line) {
            // An item with its own bullet: its text is not one of the stack's.
            let item = next_filled(lines, j + 1).filter(|&t| is_text(&lines[t]))?;
            j = item;
            after_break = false;
        } else if line.geometry.is_some() {
            return None;
        } else {
            if after_break {
                if heads_text(lines, j) || opens_with_number(line) {
                    return None;
                }
                found.push(j);
            }
            after_break = false;
        }
        j += 1;
    }
    (found.len() == k).then_some(found)
}

/// Puts the bullet of line `b` at the head of line `t` and leaves `b` blank, so that the
/// item opens a block of its own.
fn move_bullet(lines: &mut [TextLine], b: usize, t: usize, stacked: bool, report: &mut Report) {
    let bullet = lines[b].plain_cow().trim().to_string();
    let before = lines[t].plain();
    lines[t].text = format!("{bullet} {}", lines[t].text);
    lines[b].text.clear();
    let evidence = if stacked {
        "bullets printed one per line before their items, given in order to the paragraphs \
         after them that had no bullet"
    } else {
        "a bullet printed on a line of its own, before its item's text"
    };
    report.push(
        Action::new(ActionKind::BulletRepaired)
            .page(lines[t].page)
            .lines([lines[b].source_line, lines[t].source_line])
            .before(before.chars().take(60).collect::<String>())
            .after(format!(
                "{bullet} {}",
                before.chars().take(58).collect::<String>()
            ))
            .evidence(evidence)
            .confidence(if stacked { 0.7 } else { 0.9 }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, usize) {
        let mut lines: Vec<TextLine> = text
            .lines()
            .enumerate()
            .map(|(i, l)| TextLine::new(l, 1, i + 1))
            .collect();
        let mut report = Report::default();
        attach(&mut lines, &mut report);
        let texts = lines.into_iter().map(|l| l.text).collect();
        (texts, report.count(ActionKind::BulletRepaired))
    }

    #[test]
    fn a_bullet_line_marks_the_text_after_it() {
        let (t, n) = run("We find:\n•\nFirst item.\n•\n\nSecond item.");
        assert_eq!(
            t,
            ["We find:", "", "• First item.", "", "", "• Second item."]
        );
        assert_eq!(n, 2);
    }

    #[test]
    fn a_stack_marks_the_paragraphs_that_lack_a_bullet() {
        let text = "We find:\n•\n\n•\n\nShifted hours: half the loss.\no\n\nLargest at kilns.\n\n\
                    Shaded rest areas\nand water.\n\nNext.";
        let (t, n) = run(text);
        let filled: Vec<&str> = t
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(
            filled,
            [
                "We find:",
                "• Shifted hours: half the loss.",
                "o Largest at kilns.",
                "• Shaded rest areas",
                "and water.",
                "Next."
            ]
        );
        assert_eq!(n, 3);
    }

    #[test]
    fn a_stack_with_too_few_paragraphs_stays_as_printed() {
        let text = "•\n\n•\n\n•\n\nOnly one paragraph\nof two lines.";
        let (t, n) = run(text);
        assert_eq!(t, text.lines().collect::<Vec<_>>());
        assert_eq!(n, 0);
    }

    #[test]
    fn a_heading_after_a_bullet_keeps_its_place() {
        let text = "They are:\n•\n\nWhy the Red Sea Matters\nThe route is the shortest path.";
        let (t, n) = run(text);
        assert_eq!(t, text.lines().collect::<Vec<_>>());
        assert_eq!(n, 0);
        let (t, _) = run("•\n\n•\n\nFirst item.\n\nWhat Works\nSettlements did better.");
        assert!(t.iter().all(|l| !l.starts_with("• ")), "{t:?}");
    }

    #[test]
    fn a_note_after_a_bullet_keeps_its_place() {
        let (t, n) = run("Last item of the page.\n\u{25E6}\n\n4 Ibid., pp. 57-59.\n");
        assert_eq!(n, 0);
        assert_eq!(t[3], "4 Ibid., pp. 57-59.");
    }

    #[test]
    fn words_and_trailing_bullets_are_left_alone() {
        let text = "o dear, a line of prose\nA last line\n•";
        let (t, n) = run(text);
        assert_eq!(t, text.lines().collect::<Vec<_>>());
        assert_eq!(n, 0);
    }
}
