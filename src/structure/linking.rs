//! Footnote linking: markers in the body matched to the notes, by sequence.
//!
//! Candidates are raised or lowered numbers, digits glued after punctuation or a closing
//! quote (`1961.2`, `ally."9`) and digits after a sentence end (`roubles. 6`). Walking the
//! body in order, a candidate is a marker when its number is the next note expected (or
//! skips a few whose markers were lost); anything else — years, quantities, "COVID-19" —
//! stays text. Notes left without a marker get one at the sentence end that fits best
//! between the neighbouring markers, and the report says so.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::model::FootnoteId;
use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, SUB_OFF, SUB_ON, SUP_OFF, SUP_ON};

use super::assemble::{Draft, Placed};
use super::classify::NoteLabel;
use super::families::{self, Family};
use super::misread_markers;
use super::notes::NoteDraft;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Raised,
    Lowered,
    Glued,
    Spaced,
    /// A note symbol (`*`, `†`) after a word or punctuation, in a document whose notes
    /// are labelled with symbols: as good as raised, since no text is made of them.
    Symbol,
}

#[derive(Debug, Clone)]
struct Candidate {
    slot: usize,
    start: usize,
    end: usize,
    values: Vec<u32>,
    form: Form,
}

/// Where a text lives among the drafts: block index, and item index for lists.
type Slot = (usize, Option<usize>);

fn slots(drafts: &[Placed]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (b, p) in drafts.iter().enumerate() {
        match &p.draft {
            Draft::List { items } => out.extend((0..items.len()).map(|i| (b, Some(i)))),
            _ => out.push((b, None)),
        }
    }
    out
}

fn text_of(drafts: &[Placed], slot: Slot) -> &str {
    match (&drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => &items[i].text,
        (Draft::Heading { text, .. } | Draft::Para { text }, _) => text,
        _ => "",
    }
}

fn text_of_mut(drafts: &mut [Placed], slot: Slot) -> Option<&mut String> {
    match (&mut drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => items.get_mut(i).map(|it| &mut it.text),
        (Draft::Heading { text, .. } | Draft::Para { text }, _) => Some(text),
        _ => None,
    }
}

static URL_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)\S+").expect("valid regex"));
/// Digits glued after punctuation or a closing quote.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(\S?)([.,;:!?)\]]["”’']?|["”’'])([0-9]{1,3})(?:$|[\s)\]\u{10FFF0}-\u{10FFF9}])"#)
        .expect("valid regex")
});
/// Digits after a sentence end and a space, followed by a new sentence or the end.
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ)”"’'])([.!?;:]["”’']?)( [0-9]{1,3})(?:$|\s+["“‘(]?[A-ZÀ-ÖØ-Þ]|\s*[\u{10FFF0}-\u{10FFF9}]*$)"#).expect("valid regex")
});
/// Abbreviations a number follows without being a note marker ("p.5", "No.3").
const ABBREVIATIONS_BEFORE_NUMBERS: &[&str] = &[
    "p", "pp", "no", "nos", "vol", "art", "arts", "sec", "fig", "ch", "para", "paras", "tab", "n",
    "v", "ver",
];

/// Note symbols glued after a word, a figure, punctuation or a quote, and followed by a
/// space, punctuation or the end.
static GLUED_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[\p{L}\p{N}.,;:!?)\]"”’']([*†‡§¶‖]{1,3})(?:$|[\s.,;:)\]\u{10FFF0}-\u{10FFF9}])"#)
        .expect("valid regex")
});

/// The ordinals a raised run's text stands for in the document's family: `3`, `3)`,
/// `(3)`, `[3]`, `iv`, `b`, `†`, or a list of them ("2,3").
fn raised_values(inner: &str, family: Family) -> Vec<u32> {
    inner
        .split([',', ' '])
        .filter(|v| !v.is_empty())
        .map(|v| match family {
            Family::Arabic => number_range(v)
                .or_else(|| marker_number(v).map(|n| vec![n]))
                .ok_or(()),
            f => families::ordinal_in(v.trim_matches(['(', ')', '[', ']']), f)
                .map(|n| vec![n])
                .ok_or(()),
        })
        .collect::<Result<Vec<Vec<u32>>, _>>()
        .map(|parts| parts.concat())
        .unwrap_or_default()
}

/// A raised range of note numbers, "10-12" or "10–12": every number in it (ranges of
/// more than twenty are not citations).
fn number_range(v: &str) -> Option<Vec<u32>> {
    let (a, b) = v.split_once(['-', '–'])?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a < b && b - a <= 20).then(|| (a..=b).collect())
}

fn find_candidates(text: &str, slot: usize, family: Family, out: &mut Vec<Candidate>) {
    let urls: Vec<std::ops::Range<usize>> = URL_SPAN.find_iter(text).map(|m| m.range()).collect();
    let in_url = |i: usize| urls.iter().any(|r| r.contains(&i));
    let mut found: Vec<Candidate> = Vec::new();
    // Raised and lowered runs.
    for (on, off, form) in [
        (SUP_ON, SUP_OFF, Form::Raised),
        (SUB_ON, SUB_OFF, Form::Lowered),
    ] {
        let mut from = 0;
        while let Some(s) = text[from..].find(on).map(|k| k + from) {
            let Some(e) = text[s..].find(off).map(|k| k + s) else {
                break;
            };
            let inner = &text[s + on.len_utf8()..e];
            let values = raised_values(inner, family);
            let before = rich::plain(&text[..s]);
            let prev = before.chars().last();
            let lowered_ok = form == Form::Raised
                || prev.is_some_and(|c| {
                    matches!(
                        c,
                        '.' | ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | '\'' | ')'
                    )
                });
            if !values.is_empty() && values.iter().all(|&v| (1..=999).contains(&v)) && lowered_ok {
                found.push(Candidate {
                    slot,
                    start: s,
                    end: e + off.len_utf8(),
                    values,
                    form,
                });
            }
            from = e + off.len_utf8();
        }
    }
    if family == Family::Symbol {
        for c in GLUED_SYMBOL.captures_iter(text) {
            let m = c.get(1).map_or(0..0, |m| m.range());
            if in_url(m.start) || inside_run(text, m.start) {
                continue;
            }
            if let Some(v) = families::symbol_ordinal(&text[m.clone()]) {
                found.push(Candidate {
                    slot,
                    start: m.start,
                    end: m.end,
                    values: vec![v],
                    form: Form::Symbol,
                });
            }
        }
    }
    // Digits as markers only where the notes are numbered.
    let digits = family == Family::Arabic;
    // (The patterns are only touched, and so only built, where the notes are numbered.)
    for c in digits
        .then(|| GLUED.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let digits = c.get(3).map_or(0..0, |m| m.range());
        let punct = c.get(2).map_or(0..0, |m| m.range());
        if in_url(digits.start) || inside_run(text, digits.start) {
            continue;
        }
        let before_punct = &text[..punct.start];
        let prev = rich::plain(before_punct).chars().last();
        let after = rich::plain(&text[digits.end..]);
        let next_ok = after.trim_start().is_empty()
            || after.starts_with(char::is_whitespace)
                && after.trim_start().starts_with(|ch: char| {
                    ch.is_uppercase() || matches!(ch, '“' | '"' | '‘' | '(')
                });
        let ok = match prev {
            Some(p) if p.is_alphabetic() => {
                let word: String = rich::plain(before_punct)
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_string();
                // Not after "p." or "no.", nor after an initial ("J.2").
                let initial = c[2].starts_with(['.', ','])
                    && word.chars().all(|ch| ch.is_uppercase())
                    && word.len() <= 2;
                !ABBREVIATIONS_BEFORE_NUMBERS.contains(
                    &word
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or("")
                        .to_ascii_lowercase()
                        .as_str(),
                ) && !initial
            }
            // After a number ("in 1961.2"), only at a sentence end, never in a decimal
            // ("85.4"), a section number ("2.1 Node Types") or a date.
            Some(p) if p.is_ascii_digit() => {
                c[2].starts_with(['.', ')']) && next_ok && number_follows_a_word(before_punct)
            }
            Some(p) => {
                matches!(p, '"' | '”' | '’' | '\'' | ')') || c[2].starts_with(['"', '”', '’', '\''])
            }
            None => false,
        };
        if ok && let Ok(v) = c[3].parse::<u32>() {
            found.push(Candidate {
                slot,
                start: digits.start,
                end: digits.end,
                values: vec![v],
                form: Form::Glued,
            });
        }
    }
    for c in digits
        .then(|| SPACED.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(3).map_or(0..0, |m| m.range());
        if in_url(m.start) || inside_run(text, m.start) {
            continue;
        }
        if let Ok(v) = c[3].trim().parse::<u32>() {
            found.push(Candidate {
                slot,
                start: m.start,
                end: m.end,
                values: vec![v],
                form: Form::Spaced,
            });
        }
    }
    found.sort_by_key(|c| c.start);
    out.extend(found);
}

/// Whether byte `i` sits inside a raised or lowered run or a reference.
fn inside_run(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let open = [SUP_ON, SUB_ON, rich::REF_ON];
    let close = [SUP_OFF, SUB_OFF, rich::REF_OFF];
    let last_open = before.rfind(|c| open.contains(&c));
    let last_close = before.rfind(|c| close.contains(&c));
    match (last_open, last_close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The number a raised marker carries: `3`, or the `3)`, `(3)` and `[3]` styles.
fn marker_number(v: &str) -> Option<u32> {
    let v = v.trim();
    let v = v
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| v.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .or_else(|| v.strip_suffix(')'))
        .unwrap_or(v);
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// Whether the number that ends `before` (the text before a glued marker's punctuation)
/// stands alone after a word, as a year or a count does ("signed in 1961"): not at the
/// start of the text (a section number), not part of a longer number or a date ("3.11",
/// "12/03"), not among other numbers (a row of figures).
fn number_follows_a_word(before: &str) -> bool {
    let plain = rich::plain_without_scripts(before);
    let mut tokens = plain.split_whitespace().rev();
    let Some(number) = tokens.next() else {
        return false;
    };
    let digits = number.trim_start_matches(['(', '"', '“', '‘']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    tokens
        .next()
        .is_some_and(|word| word.chars().any(char::is_alphabetic))
}

/// Whether a block's text reads as a line of author names with affiliation marks
/// ("Farzana Alam¹, Mohammad S. Rahman²"): its raised marks are never note markers.
fn is_author_line(text: &str) -> bool {
    if !text.contains(SUP_ON) {
        return false;
    }
    let plain = rich::plain_without_scripts(text);
    let plain = plain.trim().trim_end_matches(['*', '†', ',']);
    if plain.ends_with(['.', '!', '?', ':']) || plain.chars().count() > 400 {
        return false;
    }
    let names: Vec<&str> = plain
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_matches(['*', '†']))
        .filter(|p| !p.is_empty())
        .collect();
    names.len() >= 2
        && names.iter().all(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=5).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(*w, "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le")
                })
        })
}

/// A block that is one person's name and its affiliation marks, nothing else ("Youliang
/// Huang,4", "Hai Lin,5*"): an author list set one name per line, whose numbers are
/// affiliation marks and never note markers, raised or not.
fn is_marked_name(text: &str) -> bool {
    let plain = rich::plain(text);
    let plain = plain.trim().trim_end_matches(['*', '†']);
    if plain.len() > 80 {
        return false;
    }
    let Some(at) = plain.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let (name, marks) = plain.split_at(at);
    let name = name.trim_end().trim_end_matches(',').trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
                || matches!(*w, "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le")
        })
        && marks.split([',', '–', '-']).all(|m| {
            (1..=2).contains(&m.trim().len()) && m.trim().bytes().all(|b| b.is_ascii_digit())
        })
}

/// A run of at least three names, each with its raised affiliation marks, opening a
/// block ("Xiaolu Huang,¹,² Xinhua Qu,¹,² Weili Yan,²,³ …"): an author list that a
/// two-column title page ran together with the text beside it.
static AUTHOR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|la|le)";
    let entry = format!(
        r"{word}(?:\s+{word}){{0,4}},?\s*\x{{{:X}}}[0-9a-z,*†‡§ ]{{1,12}}\x{{{:X}}}[,;]?\s*(?:and\s+)?",
        SUP_ON as u32, SUP_OFF as u32
    );
    Regex::new(&format!(r"^\s*(?:{entry}){{3,}}")).expect("valid regex")
});

/// Where the author list opening a block ends (0 when there is none); the raised marks
/// in it are affiliation labels, never note markers.
fn author_list_end(text: &str) -> usize {
    if !may_open_with_author_list(text) {
        return 0;
    }
    AUTHOR_LIST.find(text).map_or(0, |m| m.end())
}

/// What every match of [`AUTHOR_LIST`] has: three raised groups or more, the first after
/// one to five words. Checked first because the pattern, with its letter classes repeated
/// for every name and entry, takes tens of milliseconds to compile: more than converting a
/// short document, and nearly every document asks about its first blocks.
fn may_open_with_author_list(text: &str) -> bool {
    let Some(first) = text.find(SUP_ON) else {
        return false;
    };
    (1..=5).contains(&text[..first].split_whitespace().count())
        && text[first..].matches(SUP_ON).nth(2).is_some()
}

/// Links markers to notes, deciding first whether the document numbers its notes
/// straight through or starts again (per page, section or chapter): where the labels
/// suggest restarts, both readings are tried and restarts are kept only when they link
/// more raised markers (or note symbols) than numbering straight through does. The notes are left
/// numbered the way that won, and their numbers and labels are reported.
pub fn link_notes(
    drafts: &mut Vec<Placed>,
    notes: &mut Vec<NoteDraft>,
    paged: bool,
    report: &mut Report,
) {
    let affiliations = take_affiliation_notes(drafts, notes, report);
    if !affiliations.is_empty() {
        super::notes::number(notes, false);
    }
    link_numbered(drafts, notes, paged, report);
    // After the linked notes, so the references' indices into `notes` stay valid; they
    // stay in the output as unlinked notes (nothing dropped).
    notes.extend(affiliations);
    super::notes::report_numbers(notes, report);
}

/// The notes the author list's affiliation marks point to: on the author list's page,
/// opening the notes, each label among the marks ("¹ Shanghai No.9 People's Hospital").
/// They are affiliations, not notes; taken out, the notes after them link in their own
/// numbering.
fn take_affiliation_notes(
    drafts: &[Placed],
    notes: &mut Vec<NoteDraft>,
    report: &mut Report,
) -> Vec<NoteDraft> {
    for slot in slots(drafts) {
        if matches!(drafts[slot.0].draft, Draft::Heading { .. }) {
            break;
        }
        let text = text_of(drafts, slot);
        let end = if is_author_line(text) {
            text.len()
        } else {
            author_list_end(text)
        };
        if end > 0 {
            let page = drafts[slot.0].page;
            let marks = affiliation_marks(&text[..end]);
            let count = notes
                .iter()
                .take_while(|n| {
                    n.page == page && matches!(n.read, NoteLabel::Number(v) if marks.contains(&v))
                })
                .count();
            if count == 0 {
                return Vec::new();
            }
            let taken: Vec<NoteDraft> = notes.drain(..count).collect();
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page)
                    .lines(taken.iter().flat_map(|n| n.lines.iter().copied()).take(1))
                    .evidence(format!(
                        "{count} note(s) labelled like the author list's marks on its page read as affiliations: kept as unlinked notes, not linked to the names"
                    ))
                    .confidence(0.75),
            );
            return taken;
        }
    }
    Vec::new()
}

/// The numbers among an author list's raised marks ("1,2", "2 3").
fn affiliation_marks(text: &str) -> HashSet<u32> {
    let mut marks = HashSet::new();
    let mut from = 0;
    while let Some(s) = text[from..].find(SUP_ON).map(|k| k + from) {
        let Some(e) = text[s..].find(SUP_OFF).map(|k| k + s) else {
            break;
        };
        marks.extend(
            text[s + SUP_ON.len_utf8()..e]
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse::<u32>().ok()),
        );
        from = e;
    }
    marks
}

/// [`link_notes`] once the notes are known to be notes.
fn link_numbered(
    drafts: &mut Vec<Placed>,
    notes: &mut Vec<NoteDraft>,
    paged: bool,
    report: &mut Report,
) {
    let mut restarted = notes.clone();
    if super::notes::number(&mut restarted, true) > 1 {
        // Markers the page proves (raised, lowered, note symbols), not digits in text.
        let linked = |r: &Report| {
            r.actions
                .iter()
                .filter(|a| {
                    a.kind == ActionKind::MarkerRepaired
                        && a.evidence.as_deref().is_some_and(|e| {
                            e.starts_with("raised")
                                || e.starts_with("lowered")
                                || e.starts_with("note symbol")
                        })
                })
                .count()
        };
        let mut straight_drafts = drafts.clone();
        let mut straight_report = Report::default();
        let straight_recovered = link(&mut straight_drafts, notes, paged, &mut straight_report);
        let mut restart_drafts = drafts.clone();
        let mut restart_report = Report::default();
        let restart_recovered = link(&mut restart_drafts, &restarted, paged, &mut restart_report);
        if linked(&restart_report) > linked(&straight_report) {
            *drafts = restart_drafts;
            *notes = restarted;
            report.actions.extend(restart_report.actions);
            mark_recovered(notes, &restart_recovered);
        } else {
            *drafts = straight_drafts;
            report.actions.extend(straight_report.actions);
            mark_recovered(notes, &straight_recovered);
        }
    } else {
        let recovered = link(drafts, notes, paged, report);
        mark_recovered(notes, &recovered);
    }
}

fn mark_recovered(notes: &mut [NoteDraft], recovered: &[usize]) {
    for &i in recovered {
        if let Some(note) = notes.get_mut(i) {
            note.recovered = true;
        }
    }
}

/// Links markers to notes; returns the indexes (into `notes`) of the notes whose lost
/// marker was put back. Drafts' texts get reference sentinels for [`FootnoteId`] = index
/// into `notes`.
///
/// Headings and author lines hold no markers. In PDF input (`paged`), when the page shows
/// that the document raises its markers — raised numbers that match notes — only raised
/// or lowered candidates are markers, and a digit at the body's size and baseline is text;
/// a document whose markers all lost their raise falls back to the sequence. The report
/// records which way the document went and why.
fn link(
    drafts: &mut [Placed],
    notes: &[NoteDraft],
    paged: bool,
    report: &mut Report,
) -> Vec<usize> {
    if notes.is_empty() {
        return Vec::new();
    }
    let slot_list = slots(drafts);
    let by_number: HashMap<u32, usize> = notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.number, i))
        .collect();
    let family = notes[0].family;
    let runs = Runs::new(notes);
    let mut cands = Vec::new();
    let mut before_first_heading = true;
    for (k, &slot) in slot_list.iter().enumerate() {
        if matches!(drafts[slot.0].draft, Draft::Heading { .. }) {
            before_first_heading = false;
            continue;
        }
        let text = text_of(drafts, slot);
        if is_author_line(text) || is_marked_name(text) {
            continue;
        }
        let from = cands.len();
        find_candidates(text, k, family, &mut cands);
        // An author list opening a block of the title block keeps its marks as text.
        let authors_end = if before_first_heading {
            author_list_end(text)
        } else {
            0
        };
        if authors_end > 0 {
            let found = cands.split_off(from);
            let (marks, rest): (Vec<_>, Vec<_>) =
                found.into_iter().partition(|c| c.start < authors_end);
            cands.extend(rest);
            if !marks.is_empty() {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(drafts[slot.0].page)
                        .evidence(format!(
                            "{} raised mark(s) after names in an author list kept as printed: affiliation labels, not note markers",
                            marks.len()
                        ))
                        .confidence(0.85),
                );
            }
        }
    }
    if paged {
        // Raised markers standing for a note (by ordinal, in any run).
        let raised: usize = if runs.count() > 1 {
            cands
                .iter()
                .filter(|c| c.form == Form::Raised)
                .flat_map(|c| c.values.iter().copied())
                .filter(|&v| runs.has_ordinal(v))
                .count()
                .min(notes.len())
        } else {
            cands
                .iter()
                .filter(|c| c.form == Form::Raised)
                .flat_map(|c| c.values.iter().copied())
                .filter(|v| by_number.contains_key(v))
                .collect::<HashSet<u32>>()
                .len()
        };
        // A third of the notes with a raised marker shows the document's style; a few
        // raised numbers that happen to match (a power, an ordinal) do not.
        let proven = raised * 3 >= notes.len() && raised > 0;
        let evidence = if proven {
            cands.retain(|c| matches!(c.form, Form::Raised | Form::Lowered | Form::Symbol));
            format!(
                "markers proven by the page: {} of {} notes have a raised marker, so digits at body size and baseline stay text",
                raised,
                notes.len()
            )
        } else {
            format!(
                "markers lost their raise: {} of {} notes have a raised marker, so markers are read from the note sequence",
                raised,
                notes.len()
            )
        };
        report.push(
            Action::new(ActionKind::Guess)
                .evidence(evidence)
                .confidence(if proven { 0.95 } else { 0.6 }),
        );
    }
    let first = notes.iter().map(|n| n.number).min().unwrap_or(1);
    let mut expected = first;
    let mut linked: HashSet<u32> = HashSet::new();
    let mut accepted: Vec<(Candidate, Vec<u32>)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let order = candidate_order(drafts, &slot_list, c);
        // The candidate's ordinals as notes of the run due, or of the next run.
        let Some((values, run_start)) = runs.resolve(&c.values, expected, order, notes) else {
            continue;
        };
        let v = values[0];
        let known = values
            .iter()
            .all(|x| by_number.contains_key(x) && !linked.contains(x));
        if !known {
            continue;
        }
        // Past the end of a run, the next run's first ordinals are due.
        let due = run_start.unwrap_or(expected);
        let skip = v.saturating_sub(due);
        let strong = matches!(c.form, Form::Raised | Form::Lowered | Form::Symbol);
        let expected_ordinal = runs.ordinal_of(expected, notes);
        let ok = if v == due {
            true
        } else if v > due && skip <= if strong { 4 } else { 3 } {
            // Skipping lost markers: not if the expected number turns up soon after.
            !cands[i + 1..]
                .iter()
                .take(6)
                .any(|d| d.values[0] == expected_ordinal && d.values[0] < c.values[0])
        } else if strong && v > due {
            // Far ahead of the sequence: the markers before it were lost (in a figure, a
            // misread table), when raised markers after it carry the sequence on.
            resumes_sequence(&cands[i..])
        } else {
            false
        };
        if ok {
            for &x in &values {
                linked.insert(x);
            }
            expected = values.iter().copied().max().unwrap_or(v) + 1;
            accepted.push((c.clone(), values.clone()));
        }
    }
    // Replace accepted candidates, last first so byte offsets stay valid.
    accepted.sort_by_key(|a| std::cmp::Reverse((a.0.slot, a.0.start)));
    for (c, values) in &accepted {
        let slot = slot_list[c.slot];
        let Some(text) = text_of_mut(drafts, slot) else {
            continue;
        };
        let before = rich::plain(&text[c.start..c.end]);
        let refs: String = values
            .iter()
            .filter_map(|v| by_number.get(v))
            .map(|&i| rich::reference(FootnoteId(i)))
            .collect();
        text.replace_range(c.start..c.end, &refs);
        let page = drafts[slot.0].page;
        report.push(
            Action::new(ActionKind::MarkerRepaired)
                .page(page)
                .before(before.trim().to_string())
                .after(format!(
                    "[^{}]",
                    values
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                ))
                .evidence(match c.form {
                    Form::Raised => "raised number that continues the note sequence",
                    Form::Lowered => {
                        "lowered number after punctuation that continues the note sequence"
                    }
                    Form::Glued => "digits glued after punctuation that continue the note sequence",
                    Form::Spaced => "number after a sentence end that continues the note sequence",
                    Form::Symbol => "note symbol after a word that continues the note sequence",
                })
                .confidence(if matches!(c.form, Form::Raised | Form::Symbol) {
                    0.95
                } else {
                    0.85
                }),
        );
    }
    recover_lost(drafts, notes, &linked, !paged, report)
}

/// Whether the raised marker opening `cands` starts a sequence that the next raised
/// markers continue: three more that go on from it (repeats of its numbers allowed, skips
/// of at most two), before any that goes back.
fn resumes_sequence(cands: &[Candidate]) -> bool {
    let is_raised = |c: &Candidate| matches!(c.form, Form::Raised | Form::Lowered | Form::Symbol);
    let Some(first) = cands.first() else {
        return false;
    };
    let mut seen: HashSet<u32> = first.values.iter().copied().collect();
    let mut next = first.values.iter().copied().max().unwrap_or(0) + 1;
    let mut continued = 0;
    for d in cands[1..].iter().filter(|d| is_raised(d)).take(8) {
        let v = d.values[0];
        if seen.contains(&v) {
            continue;
        }
        if v < next || v > next + 2 {
            return false;
        }
        seen.extend(d.values.iter().copied());
        next = d.values.iter().copied().max().unwrap_or(v) + 1;
        continued += 1;
        if continued == 3 {
            return true;
        }
    }
    false
}

/// The piece position a candidate stands at.
fn candidate_order(drafts: &[Placed], slot_list: &[Slot], c: &Candidate) -> usize {
    let slot = slot_list[c.slot];
    let text = text_of(drafts, slot);
    let visible = rich::plain(&text[..c.start.min(text.len())])
        .chars()
        .count();
    drafts[slot.0].order_at(slot.1, visible)
}

/// The runs of a document's notes (one where numbering goes straight through), to read a
/// marker's ordinal as a note of the run due or of the next one.
struct Runs {
    /// Per run: the number of its first note less its first ordinal, and the numbers of
    /// its notes.
    runs: Vec<(u32, Vec<u32>)>,
}

impl Runs {
    fn new(notes: &[NoteDraft]) -> Self {
        let count = notes.iter().map(|n| n.run).max().map_or(0, |r| r + 1);
        let mut runs: Vec<(u32, Vec<u32>)> = vec![(0, Vec::new()); count];
        for n in notes {
            let run = &mut runs[n.run];
            if run.1.is_empty() {
                run.0 = n.number - n.ordinal;
            }
            run.1.push(n.number);
        }
        Runs { runs }
    }

    fn count(&self) -> usize {
        self.runs.len()
    }

    fn has_ordinal(&self, v: u32) -> bool {
        self.runs
            .iter()
            .any(|(base, numbers)| numbers.contains(&(base + v)))
    }

    fn run_of(&self, number: u32) -> usize {
        self.runs
            .iter()
            .position(|(_, numbers)| numbers.last().is_some_and(|&last| number <= last))
            .unwrap_or(self.runs.len().saturating_sub(1))
    }

    fn ordinal_of(&self, number: u32, notes: &[NoteDraft]) -> u32 {
        notes
            .iter()
            .find(|n| n.number == number)
            .map_or(number - self.runs[self.run_of(number)].0, |n| n.ordinal)
    }

    /// The document-wide numbers a candidate's ordinals stand for, and, when they belong
    /// to the run after the one due, the number that run starts at. In a document with
    /// several runs a marker stands before its note (at the foot of its page or in the
    /// notes closing its chapter), which tells a page's `*` from the next page's.
    fn resolve(
        &self,
        ordinals: &[u32],
        expected: u32,
        order: usize,
        notes: &[NoteDraft],
    ) -> Option<(Vec<u32>, Option<u32>)> {
        if self.runs.len() <= 1 {
            let base = self.runs.first().map_or(0, |r| r.0);
            return Some((ordinals.iter().map(|v| base + v).collect(), None));
        }
        let before_note = |number: u32| {
            notes
                .iter()
                .find(|n| n.number == number)
                .is_some_and(|n| order < n.order)
        };
        let due = self.run_of(expected);
        // The next run's markers come after the notes of the run due (the foot of the
        // page before, the notes closing the chapter before).
        let after_run_due = self.runs[due]
            .1
            .iter()
            .filter_map(|&x| notes.iter().find(|n| n.number == x))
            .all(|n| n.order < order);
        for r in [due, due + 1] {
            let Some((base, numbers)) = self.runs.get(r) else {
                continue;
            };
            if r != due && !after_run_due {
                continue;
            }
            let values: Vec<u32> = ordinals.iter().map(|v| base + v).collect();
            let fits = values
                .iter()
                .all(|x| numbers.contains(x) && *x >= expected && before_note(*x));
            if fits {
                let start = (r != due).then(|| numbers[0]);
                return Some((values, start));
            }
        }
        None
    }
}

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "its",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "published",
        "accessed",
        "retrieved",
        "available",
        "news",
        "press",
        "report",
        "http",
        "https",
        "www",
        "com",
        "org",
        "html",
        "ibid",
        "into",
        "over",
        "after",
        "will",
        "says",
        "said",
        "been",
        "their",
        "they",
        "them",
        "than",
        "which",
        "what",
        "when",
        "where",
        "who",
        "how",
        "not",
    ]
    .into_iter()
    .collect()
});

fn content_words(s: &str) -> HashSet<String> {
    rich::plain(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| {
            !STOP.contains(w.as_str()) && crate::date::month_number(w).is_none_or(|_| w.len() < 3)
        })
        .collect()
}

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]["”’']?(?:\u{10FFF9})?(?:\s|$)"#).expect("valid regex"));

/// A sentence end where a lost marker could go.
#[derive(Debug, Clone)]
struct Spot {
    /// Index into the slot list.
    slot: usize,
    /// Byte offset in that slot's text.
    at: usize,
    /// Position (piece order) of the block holding it.
    order: usize,
    /// Content words of the sentence it ends.
    words: HashSet<String>,
    /// Whether it ends its paragraph or item.
    para_end: bool,
    /// In recognised text, the glyph standing where the marker was (`.’`, `.*`, `.°`):
    /// the reference replaces it.
    glyph: Option<std::ops::Range<usize>>,
}

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "cf", "vs", "dr", "mr", "mrs", "ms", "prof", "no", "nos", "vol", "pp",
    "p", "art", "fig", "ch", "sec", "st", "jr", "sr", "inc", "ltd", "co", "approx", "est", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col",
];

/// Whether the punctuation at `punct` (ending at `at`) ends a sentence: not an initial or
/// an abbreviation ("U.S.", "Dr."), and followed by the end of the text or a new sentence.
fn is_sentence_end(text: &str, punct: usize, at: usize) -> bool {
    let before = rich::plain(&text[..punct]);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '(' | '"' | '“'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let core = word.trim_end_matches('.');
    if text[punct..].starts_with('.') {
        let single_capital = core.chars().count() == 1 && core.chars().all(char::is_uppercase);
        let dotted = core.contains('.') && core.split('.').all(|p| p.chars().count() <= 2);
        if single_capital || dotted || ABBREVIATIONS.contains(&core.to_lowercase().as_str()) {
            return false;
        }
    }
    let after = rich::plain(&text[at..]);
    let next = after.trim_start().chars().next();
    // "2020. 3.11.": a date or a numbered reference goes on, no sentence ends.
    if before.ends_with(|c: char| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    next.is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[')
    })
}

/// The sentence ends of one slot that carry no reference yet. With `misreads` (text
/// input, where OCR may have read a raised digit as a glyph), the places where such a
/// glyph follows punctuation are spots too, standing in for the sentence end they sit at.
fn slot_spots(drafts: &[Placed], slot: Slot, k: usize, misreads: bool) -> Vec<Spot> {
    let block = &drafts[slot.0];
    if matches!(block.draft, Draft::Heading { .. }) {
        return Vec::new();
    }
    let text = text_of(drafts, slot);
    // (where the marker goes, where the sentence's tail ends, the glyph it replaces)
    let mut ends: Vec<(usize, usize, Option<std::ops::Range<usize>>)> = SENTENCE_END
        .find_iter(text)
        .filter_map(|m| {
            let at = text[m.start()..m.end()].trim_end().len() + m.start();
            is_sentence_end(text, m.start(), at).then_some((at, m.end(), None))
        })
        .collect();
    if misreads {
        let found = misread_markers::find(text);
        if !found.is_empty() {
            ends.retain(|(at, _, _)| {
                !found
                    .iter()
                    .any(|g| (g.punct.start..=g.glyph.end).contains(at))
            });
            ends.extend(
                found
                    .into_iter()
                    .map(|g| (g.glyph.start, g.glyph.end, Some(g.glyph))),
            );
            ends.sort_by_key(|e| e.0);
        }
    }
    let mut out = Vec::new();
    let mut sentence_start = 0;
    // Visible characters up to `counted`, kept as the scan moves right.
    let (mut counted, mut visible) = (0usize, 0usize);
    for (at, end, glyph) in ends {
        if at < sentence_start {
            continue;
        }
        if !text[at..].starts_with(rich::REF_ON) && !text[..at].ends_with(rich::REF_OFF) {
            visible += rich::plain(&text[counted..at]).chars().count();
            counted = at;
            let tail = glyph.as_ref().map_or(at, |g| g.end);
            out.push(Spot {
                slot: k,
                at,
                order: block.order_at(slot.1, visible),
                words: content_words(&text[sentence_start..at]),
                para_end: text[tail..].trim().is_empty(),
                glyph,
            });
        }
        sentence_start = end;
    }
    out
}

/// Places a reference for each note the body lost its marker for.
///
/// A lost marker lies between the markers of its neighbours, after the previous block of
/// notes (the page it was on ends there) and before its own note. Runs of consecutive lost
/// notes are placed together, in order, at the sentence ends that share most words with
/// them (a paragraph end counts a little extra, since notes tend to close paragraphs).
/// The resolved references in rich text: each one's byte offset and note index.
fn references_in(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices(rich::REF_ON).filter_map(|(at, _)| {
        let digits = &text[at + rich::REF_ON.len_utf8()..];
        let end = digits.find(rich::REF_OFF)?;
        Some((at, digits[..end].parse().ok()?))
    })
}

fn recover_lost(
    drafts: &mut [Placed],
    notes: &[NoteDraft],
    linked: &HashSet<u32>,
    misreads: bool,
    report: &mut Report,
) -> Vec<usize> {
    let mut recovered = Vec::new();
    if notes.iter().all(|n| linked.contains(&n.number)) {
        // Nothing lost: the word sets and sentence ends below would go unused.
        return recovered;
    }
    let slot_list = slots(drafts);
    let mut cache: Vec<Option<Vec<Spot>>> = vec![None; slot_list.len()];
    let note_words: Vec<HashSet<String>> = notes.iter().map(|n| content_words(&n.text)).collect();
    // The slot holding each note's first reference, found in one pass. Only the lost
    // notes' own references go in below, so a linked note's reference never moves to
    // another slot; only its offset is looked up again (insertions before it shift it).
    let mut first_ref_slot: HashMap<usize, usize> = HashMap::new();
    for (k, &s) in slot_list.iter().enumerate() {
        for (_, id) in references_in(text_of(drafts, s)) {
            first_ref_slot.entry(id).or_insert(k);
        }
    }
    let ref_spot = |drafts: &[Placed], note_idx: usize| -> Option<(usize, usize)> {
        let needle = rich::reference(FootnoteId(note_idx));
        let in_slot = |k: usize| {
            text_of(drafts, slot_list[k])
                .find(&needle)
                .map(|off| (k, off))
        };
        first_ref_slot
            .get(&note_idx)
            .and_then(|&k| in_slot(k))
            .or_else(|| (0..slot_list.len()).find_map(in_slot))
    };
    let mut by_number: Vec<usize> = (0..notes.len()).collect();
    by_number.sort_by_key(|&i| notes[i].number);
    // Blocks of notes that stood together: a note's marker comes after the previous block.
    let mut by_order: Vec<usize> = (0..notes.len()).collect();
    by_order.sort_by_key(|&i| notes[i].order);
    let mut block_floor = vec![0usize; notes.len()];
    let mut floor = 0;
    for (k, &i) in by_order.iter().enumerate() {
        if k > 0 {
            let prev = by_order[k - 1];
            if notes[i].order > notes[prev].order + 2 {
                floor = notes[prev].order;
            }
        }
        block_floor[i] = floor;
    }

    let mut k = 0;
    while k < by_number.len() {
        if linked.contains(&notes[by_number[k]].number) {
            k += 1;
            continue;
        }
        // A run of consecutive lost notes.
        let run_start = k;
        while k < by_number.len() && !linked.contains(&notes[by_number[k]].number) {
            k += 1;
        }
        let run: Vec<usize> = by_number[run_start..k].to_vec();
        let lower = run_start
            .checked_sub(1)
            .and_then(|j| ref_spot(drafts, by_number[j]))
            .unwrap_or((0, 0));
        let upper = by_number
            .get(k)
            .and_then(|&j| ref_spot(drafts, j))
            .unwrap_or((usize::MAX, 0));
        // Sentence ends as the text stands now (earlier runs inserted references), for
        // the slots of the window only; slots are re-read after a reference goes in.
        let last_slot = upper.0.min(slot_list.len().saturating_sub(1));
        let span = if slot_list.is_empty() {
            0..0
        } else {
            lower.0..last_slot + 1
        };
        for k in span.clone() {
            if cache[k].is_none() {
                cache[k] = Some(slot_spots(drafts, slot_list[k], k, misreads));
            }
        }
        let window_owned: Vec<Spot> = span
            .filter_map(|k| cache[k].as_ref())
            .flatten()
            .filter(|s| (s.slot, s.at) > lower && (s.slot, s.at) < upper)
            .cloned()
            .collect();
        let window: Vec<&Spot> = window_owned.iter().collect();
        let assignment = assign(&run, notes, &note_words, &window, &block_floor);
        // Insert from the last note of the run back, so earlier offsets stay valid.
        for (pos, &ni) in run.iter().enumerate().rev() {
            let note = &notes[ni];
            let (slot_k, replaced, evidence, confidence) = match assignment.as_ref().map(|a| a[pos])
            {
                Some((w, score)) => {
                    let spot = window[w];
                    let mut shared: Vec<String> =
                        spot.words.intersection(&note_words[ni]).cloned().collect();
                    shared.sort();
                    let place = if spot.glyph.is_some() {
                        "glyph after punctuation, a recognition misreading of a raised number, where the note sequence needs a marker"
                    } else {
                        "sentence end"
                    };
                    let why = if shared.is_empty() {
                        format!("{place} between the neighbouring markers, before the note")
                    } else {
                        format!(
                            "{place} between the neighbouring markers sharing words with the note: {}",
                            shared.join(", ")
                        )
                    };
                    (
                        spot.slot,
                        spot.glyph.clone().unwrap_or(spot.at..spot.at),
                        why,
                        (0.35 + 0.1 * score).min(0.8),
                    )
                }
                None => {
                    // No place the evidence can justify: the note stays unlinked (the
                    // writers list it as such) rather than stacked on an unrelated spot.
                    report.push(
                        Action::new(ActionKind::FootnoteUnplaced)
                            .page(note.page)
                            .lines(note.lines.clone())
                            .after(format!("unlinked note {}", note.number))
                            .evidence(
                                "no marker on the page and no free sentence end between the neighbouring markers before the note (or too many lost notes in a row to search)",
                            )
                            .confidence(0.0),
                    );
                    continue;
                }
            };
            let slot = slot_list[slot_k];
            let page = drafts[slot.0].page;
            if let Some(text) = text_of_mut(drafts, slot) {
                let mut at = replaced.start.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                // A misread glyph (kept only where the text is as it was read) gives way
                // to the reference; the report keeps it.
                let glyph = (replaced.end > at && replaced.end <= text.len())
                    .then(|| text[at..replaced.end].to_string());
                let context: String = rich::plain(&text[..at])
                    .chars()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                match &glyph {
                    Some(g) => {
                        text.replace_range(at..at + g.len(), &rich::reference(FootnoteId(ni)))
                    }
                    None => text.insert_str(at, &rich::reference(FootnoteId(ni))),
                }
                recovered.push(ni);
                cache[slot_k] = None;
                report.push(
                    Action::new(ActionKind::MarkerRecovered)
                        .page(page)
                        .lines(note.lines.clone())
                        .before(match &glyph {
                            Some(g) => format!("{context}{g}"),
                            None => context,
                        })
                        .after(format!("[^{}]", note.number))
                        .evidence(evidence)
                        .confidence(confidence),
                );
            }
        }
    }
    recovered
}

/// Largest run × window searched by [`assign`] (about 12 bytes each).
const MAX_ASSIGN_CELLS: usize = 4_000_000;

/// Assigns strictly increasing spots to the notes of a run, maximising the total score;
/// `None` when some note has no feasible spot. Returns (spot index, score) per note.
fn assign(
    run: &[usize],
    notes: &[NoteDraft],
    note_words: &[HashSet<String>],
    window: &[&Spot],
    floor: &[usize],
) -> Option<Vec<(usize, f32)>> {
    let n = window.len();
    // The search costs run × window in time and memory: a run too large for it (thousands
    // of notes lost over a whole book) stays unlinked rather than taking gigabytes.
    if n < run.len() || run.len().saturating_mul(n) > MAX_ASSIGN_CELLS {
        return None;
    }
    let total = n.max(1) as f32;
    let score = |ni: usize, w: usize| -> Option<f32> {
        let s = window[w];
        let note = &notes[ni];
        if s.order > note.order || s.order < floor[ni] {
            return None;
        }
        let shared = s.words.intersection(&note_words[ni]).count() as f32;
        // A misread raised number is the page's own evidence of a marker there: it
        // outweighs shared words, which only suggest one.
        let glyph = if s.glyph.is_some() { 6.0 } else { 0.0 };
        Some(shared + glyph + if s.para_end { 0.5 } else { 0.0 } + 0.3 * (w as f32 / total))
    };
    // best[i][w]: best total for notes 0..=i with note i at spot w; back[i][w]: spot of i-1.
    let mut best = vec![vec![f32::NEG_INFINITY; n]; run.len()];
    let mut back = vec![vec![usize::MAX; n]; run.len()];
    for (i, &ni) in run.iter().enumerate() {
        let mut prefix_best = f32::NEG_INFINITY;
        let mut prefix_arg = usize::MAX;
        for w in 0..n {
            if i > 0 && w > 0 && best[i - 1][w - 1] > prefix_best {
                prefix_best = best[i - 1][w - 1];
                prefix_arg = w - 1;
            }
            let Some(sc) = score(ni, w) else { continue };
            if i == 0 {
                best[0][w] = sc;
            } else if prefix_best > f32::NEG_INFINITY {
                best[i][w] = prefix_best + sc;
                back[i][w] = prefix_arg;
            }
        }
    }
    let last = run.len() - 1;
    let (mut w, total_best) =
        best[last]
            .iter()
            .enumerate()
            .fold((usize::MAX, f32::NEG_INFINITY), |acc, (w, &v)| {
                if v > acc.1 || (v == acc.1 && v > f32::NEG_INFINITY) {
                    (w, v)
                } else {
                    acc
                }
            });
    if total_best == f32::NEG_INFINITY {
        return None;
    }
    let mut out = vec![(0, 0.0); run.len()];
    for i in (0..run.len()).rev() {
        out[i] = (w, score(run[i], w).unwrap_or(0.0));
        w = back[i][w];
        if i > 0 && w == usize::MAX {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_its_affiliation_marks_has_no_note_markers() {
        for line in [
            "Youliang Huang,4",
            "Hai Lin,5*",
            "Xiaolu Huang,1,2",
            "Anna de la Cruz 3",
        ] {
            assert!(is_marked_name(line), "{line}");
        }
        for line in [
            "The report was published in 2019, 4",
            "Figure 2, 3",
            "Growth slowed in 2023.4",
            "Hai Lin, 2019",
        ] {
            assert!(!is_marked_name(line), "{line}");
        }
    }
    use crate::rich::sup;

    fn para(s: &str, first: usize) -> Placed {
        Placed {
            draft: Draft::Para {
                text: s.to_string(),
            },
            first,
            last: first,
            page: 1,
            origins: vec![],
        }
    }

    fn note(number: u32, text: &str, order: usize) -> NoteDraft {
        NoteDraft {
            number,
            text: text.to_string(),
            page: 1,
            lines: vec![],
            order,
            label: number.to_string(),
            family: Family::Arabic,
            ordinal: number,
            run: 0,
            read: crate::structure::classify::NoteLabel::Number(number),
            recovered: false,
        }
    }

    fn refs(s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for part in s.split(rich::REF_ON).skip(1) {
            out.push(part.split(rich::REF_OFF).next().unwrap().parse().unwrap());
        }
        out
    }

    fn text(p: &Placed) -> &str {
        match &p.draft {
            Draft::Para { text } => text,
            _ => "",
        }
    }

    #[test]
    fn sequence_decides_which_numbers_are_markers() {
        let mut drafts = vec![
            para(
                "Signed in 1961.1 It had 500,000 troops on June 18-19, 2024, and COVID-19 cases.",
                0,
            ),
            para(
                &format!(
                    "The pact was an \"alliance.\"2 Output rose 3.5 per cent in 2019. 4 million barrels moved.{}",
                    sup("3")
                ),
                1,
            ),
            para("Russia agreed to pay in roubles. 4", 2),
        ];
        let notes: Vec<NoteDraft> = (1..=4).map(|n| note(n, "A note", 10)).collect();
        let mut r = Report::default();
        link(&mut drafts, &notes, false, &mut r);
        assert_eq!(refs(text(&drafts[0])), vec![0]);
        assert!(
            rich::plain(text(&drafts[0]))
                .contains("500,000 troops on June 18-19, 2024, and COVID-19")
        );
        assert_eq!(refs(text(&drafts[1])), vec![1, 2]);
        assert!(rich::plain(text(&drafts[1])).contains("3.5 per cent in 2019. 4 million"));
        assert_eq!(refs(text(&drafts[2])), vec![3]);
        assert_eq!(r.count(ActionKind::MarkerRepaired), 4);
        assert_eq!(r.count(ActionKind::MarkerRecovered), 0);
    }

    #[test]
    fn lost_markers_are_recovered_where_words_match() {
        let mut drafts = vec![
            para(
                "Fisheries collapsed in the delta. Rice yields held steady.",
                0,
            ),
            para(
                &format!("Salinity rose sharply.{} Farmers adapted.", sup("2")),
                1,
            ),
        ];
        let notes = vec![
            note(1, "Delta fisheries survey, published on May 2, 2022.", 3),
            note(2, "Salinity data.", 3),
        ];
        let mut r = Report::default();
        let recovered = link(&mut drafts, &notes, false, &mut r);
        // The first note's marker was put back; the caller flags that note as recovered.
        assert_eq!(recovered, vec![0]);
        assert_eq!(
            rich::plain(text(&drafts[0])),
            "Fisheries collapsed in the delta. Rice yields held steady."
        );
        assert_eq!(refs(text(&drafts[0])), vec![0]);
        assert!(text(&drafts[0]).starts_with(&format!(
            "Fisheries collapsed in the delta.{}",
            rich::reference(FootnoteId(0))
        )));
        assert_eq!(r.count(ActionKind::MarkerRecovered), 1);
        let action = r
            .actions
            .iter()
            .find(|a| a.kind == ActionKind::MarkerRecovered)
            .unwrap();
        assert!(action.evidence.as_deref().unwrap().contains("delta"));
    }

    #[test]
    fn in_text_input_a_misread_marker_glyph_gives_way_to_the_lost_reference() {
        let body = "Fisheries collapsed in the delta. Rice yields fell.’ Farmers said “no.” Then";
        let notes = vec![note(1, "Delta fisheries survey, published in 2022.", 3)];
        // Text input: the glyph where the raised 1 stood is replaced, though the first
        // sentence shares more words with the note; the author's closing quote stays.
        let mut drafts = vec![para(body, 0)];
        let mut r = Report::default();
        assert_eq!(link(&mut drafts, &notes, false, &mut r), vec![0]);
        assert_eq!(
            text(&drafts[0]),
            format!(
                "Fisheries collapsed in the delta. Rice yields fell.{} Farmers said “no.” Then",
                rich::reference(FootnoteId(0))
            )
        );
        let action = r
            .actions
            .iter()
            .find(|a| a.kind == ActionKind::MarkerRecovered)
            .unwrap();
        assert!(action.before.as_deref().unwrap().ends_with("fell.’"));
        // PDF input keeps every glyph: the reference goes to a sentence end.
        let mut drafts = vec![para(body, 0)];
        let mut r = Report::default();
        link(&mut drafts, &notes, true, &mut r);
        assert_eq!(rich::plain(text(&drafts[0])), body);
    }

    #[test]
    fn an_author_list_run_into_the_text_beside_it_keeps_its_marks() {
        let sup = |n: &str| format!("{SUP_ON}{n}{SUP_OFF}");
        let text = format!(
            "Xiaolu Huang,{} Xinhua Qu,{} Weili Yan,{} Ping Xiong{} eight studies showed that therapy{}",
            sup("1,2"),
            sup("1,2"),
            sup("2,3"),
            sup("1"),
            sup("4")
        );
        let end = author_list_end(&text);
        assert!(
            text[..end].ends_with(&format!("Xiong{} ", sup("1"))),
            "{end}"
        );
        assert_eq!(affiliation_marks(&text[..end]), HashSet::from([1, 2, 3]));
        // Two cited names opening a sentence are no author list.
        let cited = format!("Smith{} and Jones{} argued that", sup("3"), sup("4"));
        assert_eq!(author_list_end(&cited), 0);
    }

    /// The cheap check never refuses a text the pattern matches: five names before the
    /// first raised group, leading space, particles, a list ending the text.
    #[test]
    fn the_author_list_check_lets_every_match_through() {
        let sup = |n: &str| format!("{SUP_ON}{n}{SUP_OFF}");
        let texts = [
            format!(
                "  Anna Maria de la Cruz,{} Bo Li{}, and Chen Wu{} wrote",
                sup("1"),
                sup("2"),
                sup("3")
            ),
            format!("van Dijk {} Lee{}; Kim{}", sup("a"), sup("b"), sup("c")),
            format!("A B C D E{} F{} G{}", sup("1"), sup("2"), sup("3")),
            format!("A B C D E F{} G{} H{}", sup("1"), sup("2"), sup("3")),
            format!("Smith{} and Jones{} argued", sup("3"), sup("4")),
        ];
        let mut matched = 0;
        for t in &texts {
            if AUTHOR_LIST.is_match(t) {
                matched += 1;
                assert!(may_open_with_author_list(t), "{t:?}");
            }
        }
        assert_eq!(matched, 3);
        assert!(!may_open_with_author_list(&texts[3]));
    }

    #[test]
    fn a_sequence_resumes_only_when_raised_markers_carry_it_on() {
        let raised = |v: &[u32]| Candidate {
            slot: 0,
            start: 0,
            end: 0,
            values: v.to_vec(),
            form: Form::Raised,
        };
        let carried = [
            raised(&[9]),
            raised(&[10]),
            raised(&[11]),
            raised(&[11]),
            raised(&[13]),
        ];
        assert!(resumes_sequence(&carried));
        let back = [
            raised(&[9]),
            raised(&[10]),
            raised(&[2]),
            raised(&[11]),
            raised(&[12]),
        ];
        assert!(!resumes_sequence(&back));
        assert!(!resumes_sequence(&[raised(&[9]), raised(&[10])]));
    }

    #[test]
    fn author_lines_and_numbers_after_numbers_hold_no_markers() {
        let sup = |n: &str| format!("{SUP_ON}{n}{SUP_OFF}");
        assert!(is_author_line(&format!(
            "Farzana Alam{}, Mohammad S. Rahman{} and Md. Shahanur Alam{}",
            sup("1"),
            sup("2"),
            sup("1")
        )));
        assert!(!is_author_line(&format!(
            "The pact was signed in Moscow.{} Both sides agreed.",
            sup("1")
        )));
        assert!(number_follows_a_word("signed in 1961"));
        assert!(!number_follows_a_word("2"));
        assert!(!number_follows_a_word("scores 85.2 91"));
        assert!(!number_follows_a_word("released on 2020. 3"));
        assert_eq!(marker_number("3)"), Some(3));
        assert_eq!(marker_number("(12)"), Some(12));
        assert_eq!(marker_number("[4]"), Some(4));
        assert_eq!(marker_number("2a"), None);
        assert_eq!(raised_values("10-12", Family::Arabic), vec![10, 11, 12]);
        assert_eq!(raised_values("2,5–6", Family::Arabic), vec![2, 5, 6]);
        assert!(raised_values("12-10", Family::Arabic).is_empty());
    }

    #[test]
    fn a_marker_is_never_placed_after_its_note() {
        let mut drafts = vec![
            para("Before the note.", 0),
            para("After the note block.", 5),
        ];
        let notes = vec![note(1, "Unrelated citation.", 2)];
        let mut r = Report::default();
        link(&mut drafts, &notes, false, &mut r);
        assert_eq!(refs(text(&drafts[0])), vec![0]);
        assert!(refs(text(&drafts[1])).is_empty());
    }
}
