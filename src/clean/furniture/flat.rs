//! Furniture when no page breaks are known (text an extractor flattened): short standalone
//! lines that repeat, page-number lines, and a footer or header seen once beside a page
//! number.

use foldhash::{HashMap, HashMapExt};

use crate::label_lines::is_list_label;
use crate::line_kinds::is_contact_line;
use crate::lines::TextLine;
use crate::report::ActionKind;

use super::page_numbers::{bare_number, is_page_number};
use super::{furniture_shaped, shape};

/// No page breaks known: short standalone lines that repeat, and page-number lines.
pub(super) fn mark_flat(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(TextLine::is_blank);
    let standalone = |i: usize| blank(i.checked_sub(1)) || blank(Some(i + 1));
    // A line set right beside a line of its own shape is one of a run of lines alike (a
    // list's items, a table's rows, numbered notes): the first and last of such a run
    // stand beside a blank line, yet they are no header repeated page after page.
    let in_run = |i: usize, own: &str| {
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .any(|n| !n.is_blank() && shape(&n.plain_cow()) == own)
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut runs: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.plain_cow();
        // Numbers alone are counted too: a page number knows another by its shape.
        if !l.is_blank()
            && furniture_shaped(&t)
            && standalone(i)
            && (repeats_as_furniture(&t) || bare_number(&t))
        {
            let own = shape(&t);
            if in_run(i, &own) {
                runs.push(i);
            } else {
                *counts.entry(repeat_key(&t, own)).or_default() += 1;
            }
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || i < zone_end {
            continue;
        }
        let t = l.plain_cow();
        let isolated = blank(i.checked_sub(1)) && blank(Some(i + 1));
        if is_page_number(&t) && standalone(i) {
            verdict[i] = Some((ActionKind::PageNumber, "page-number line"));
        } else if bare_number(&t)
            && standalone(i)
            && near_furniture(lines, i, &counts)
            && !beside_another_number(lines, i)
            && by_running_text(lines, i)
        {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "standalone number beside running furniture",
            ));
        } else if bare_number(&t)
            && isolated
            && t.parse::<u32>().is_ok_and(|v| v <= 999)
            && !beside_another_number(lines, i)
            && by_running_text(lines, i)
        {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "standalone number between blank lines",
            ));
        } else if standalone(i)
            && repeats_as_furniture(&t)
            && runs.binary_search(&i).is_err()
            && counts
                .get(&repeat_key(&t, shape(&t)))
                .is_some_and(|&c| c >= 2)
            && beside_running_text(lines, i)
        {
            // A standalone line, not in a run of lines alike, whose shape repeats.
            if furniture_shaped(&t) && !looks_like_list_or_heading_repeat(&t) {
                verdict[i] = Some((
                    ActionKind::RunningHeader,
                    "short standalone line repeated through the text",
                ));
            } else if is_contact_line(&t) {
                verdict[i] = Some((ActionKind::ContactLine, "repeated contact line"));
            }
        }
    }
}

/// Whether the nearest line of text before or after line `i` is a number alone too: a
/// page has one number at its edge, while figures set one a line come in clusters (an
/// exponent an extractor set over its formula, "3" then "2" over "s(t) = 2t − 3t …";
/// a table's cells).
fn beside_another_number(lines: &[TextLine], i: usize) -> bool {
    let before = lines[..i].iter().rev().find(|l| !l.is_blank());
    let after = lines[i + 1..].iter().find(|l| !l.is_blank());
    [before, after]
        .into_iter()
        .flatten()
        .any(|l| bare_number(&l.plain_cow()))
}

/// Whether a standalone line may be furniture by repeating: it holds a letter (numbers
/// alone are page numbers, read by their own tests above, or a table's cells and section
/// numbers: "2", "0.969", "5.1"), and it is no list label ("a.", "150.").
fn repeats_as_furniture(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !is_list_label(t)
}

/// Whether running text (six words or more, or a sentence's end of three) stands among
/// the three nearest lines of text (blank lines skipped) before or after line `i`.
/// `None` when the text begins or ends within them: nothing to tell either way.
fn running_text_near<'a>(near: impl Iterator<Item = &'a TextLine>) -> Option<bool> {
    let near: Vec<&TextLine> = near.filter(|l| !l.is_blank()).take(3).collect();
    (near.len() == 3).then(|| {
        near.iter().any(|l| {
            let t = l.plain_cow();
            let n = crate::words::words(&t);
            n >= 6 || n >= 3 && crate::words::ends_sentence(&t)
        })
    })
}

/// Whether a repeated line stands between running text on both sides (or the text's
/// start or end): a running header parts one page's prose from the next, with at most a
/// page number, a link or another header line between. A short line among short lines
/// ("HTML" between "2.73" and "0.969", "PM" under "7:00") is a cell of a table an
/// extractor printed one cell a line, however often it repeats.
fn beside_running_text(lines: &[TextLine], i: usize) -> bool {
    running_text_near(lines[..i].iter().rev()).unwrap_or(true)
        && running_text_near(lines[i + 1..].iter()).unwrap_or(true)
}

/// Whether a number alone has running text on at least one side (or the text's start or
/// end): a page's number ends its page, while the extractor may print anything after it
/// (a table read last); a number with cells on both sides is a cell.
fn by_running_text(lines: &[TextLine], i: usize) -> bool {
    running_text_near(lines[..i].iter().rev()).unwrap_or(true)
        || running_text_near(lines[i + 1..].iter()).unwrap_or(true)
}

/// What a standalone line is counted under as it repeats: its shape (digits as one mark, so
/// "Page 3" and "Page 4" count as one line), except for a line that ends a sentence of a
/// few words: two such lines repeat only word for word ("All rights reserved."), never
/// by shape ("… when s(t) = 0." and "… when s(t) = 14." are two lines of an exercise).
fn repeat_key(t: &str, shape: String) -> String {
    let t = t.trim();
    if t.ends_with(['.', '?', '!']) && crate::words::words(t) >= 3 {
        t.to_lowercase()
    } else {
        shape
    }
}

/// Words that mark a footer line seen once (registration, copyright).
const FOOTER_WORDS: &[&str] = &[
    "registered",
    "charity",
    "company",
    "copyright",
    "reserved",
    "issn",
    "isbn",
    "licence",
    "license",
    "confidential",
    "draft",
];

/// Whether a line carries a footer's signs: a number, ©, a web or e-mail address, or a
/// registration or rights word.
fn has_footer_sign(t: &str) -> bool {
    t.chars()
        .any(|c| c.is_ascii_digit() || c == '©' || c == '@')
        || t.to_ascii_lowercase().contains("www.")
        || crate::words::has_word(t, FOOTER_WORDS)
}

/// A line standing right before or after a page number that looks like a footer or header
/// seen only once (the extractor dropped it on the other pages).
pub(super) fn mark_beside_page_numbers(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let numbers: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdict[i], Some((ActionKind::PageNumber, _))))
        .collect();
    for i in numbers {
        let neighbours = [
            (0..i).rev().find(|&j| !lines[j].is_blank()),
            (i + 1..lines.len()).find(|&j| !lines[j].is_blank()),
        ];
        for j in neighbours.into_iter().flatten() {
            if j < zone_end || verdict[j].is_some() {
                continue;
            }
            let t = lines[j].plain_cow();
            if furniture_shaped(&t)
                && !crate::words::ends_sentence(&lines[j].text)
                && has_footer_sign(&t)
                && !t.starts_with(['-', '•', '*'])
                && !opens_with_list_label(&t)
            {
                verdict[j] = Some((
                    ActionKind::RunningHeader,
                    "footer or header line beside a page number",
                ));
            }
        }
    }
}

/// Whether a line opens with a list item's label and a space ("150. s(t) = …", "a. Find").
fn opens_with_list_label(t: &str) -> bool {
    t.split_once(' ')
        .is_some_and(|(head, _)| is_list_label(head))
}

/// Repeated bullets ("- Yes") and labels are not furniture.
fn looks_like_list_or_heading_repeat(t: &str) -> bool {
    t.starts_with(['-', '•', '*', '▪', '◦']) || t.ends_with(':')
}

fn near_furniture(lines: &[TextLine], i: usize, counts: &HashMap<String, usize>) -> bool {
    let lo = i.saturating_sub(4);
    let hi = (i + 5).min(lines.len());
    (lo..hi).filter(|&j| j != i).any(|j| {
        let t = lines[j].plain_cow();
        !t.is_empty() && (is_page_number(&t) || counts.get(&shape(&t)).is_some_and(|&c| c >= 2))
    })
}
