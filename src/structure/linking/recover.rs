//! Lost markers put back: a note the body lost its marker for gets a reference at the
//! sentence end, between its neighbours' markers and before the note, that shares most
//! words with it; or stays unlinked when no place can be justified.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::model::FootnoteId;
use crate::report::{Action, ActionKind, Report};
use crate::rich;
use crate::structure::assemble::{Draft, Placed};
use crate::structure::misread_markers;
use crate::structure::notes::NoteDraft;

use super::{Slot, slots, text_of, text_of_mut};

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

/// The lower-cased words of `s` of three characters or more, neither figures, stop words
/// nor month names. Each word is lower-cased into one buffer, and copied only when it is
/// kept and new (a note or a sentence repeats its words).
fn content_words(s: &str) -> HashSet<String> {
    let mut out = HashSet::default();
    let mut lower = String::new();
    for w in rich::plain_cow(s).split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() < 3 || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        crate::structure::casing::lowercase_into(&mut lower, w);
        let month = crate::date::month_number(&lower).is_some_and(|_| lower.len() >= 3);
        if !STOP.contains(lower.as_str()) && !month && !out.contains(lower.as_str()) {
            out.insert(lower.clone());
        }
    }
    out
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
    /// Content words of the sentence it ends (shared by the copies of the spot that each
    /// run's window takes).
    words: std::rc::Rc<HashSet<String>>,
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

/// The sentence ends of one slot that carry no reference yet. The places where a glyph
/// follows punctuation that OCR may have read for a raised digit are spots too, standing in
/// for the sentence end they sit at.
fn slot_spots(drafts: &[Placed], slot: Slot, k: usize) -> Vec<Spot> {
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
                words: std::rc::Rc::new(content_words(&text[sentence_start..at])),
                para_end: text[tail..].trim().is_empty(),
                glyph,
            });
        }
        sentence_start = end;
    }
    out
}

/// The resolved references in rich text: each one's byte offset and note index.
pub(super) fn references_in(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices(rich::REF_ON).filter_map(|(at, _)| {
        let digits = &text[at + rich::REF_ON.len_utf8()..];
        let end = digits.find(rich::REF_OFF)?;
        Some((at, digits[..end].parse().ok()?))
    })
}

/// What the report's `footnote-unplaced` entry for `note` says it became.
pub(super) fn unplaced_entry(note: &NoteDraft) -> String {
    format!("unlinked note {}", note.number)
}

/// Records that a note stays unlinked, and why.
fn report_unplaced(report: &mut Report, note: &NoteDraft, why: &str) {
    report.push(
        Action::new(ActionKind::FootnoteUnplaced)
            .page(note.page)
            .lines(note.lines.clone())
            .after(unplaced_entry(note))
            .evidence(why)
            .confidence(0.0),
    );
}

/// Places a reference for each note the body lost its marker for.
///
/// A lost marker lies between the markers of its neighbours, after the previous block of
/// notes (the page it was on ends there) and before its own note. Runs of consecutive lost
/// notes are placed together, in order, at the sentence ends that share most words with
/// them (a paragraph end counts a little extra, since notes tend to close paragraphs).
///
/// Only where text was extracted or recognised (`!paged`): a marker lost there was printed
/// and lost on the way (read as "’", dropped with the raise). A PDF's own text shows every
/// glyph it prints, so a note with no marker in it was printed without one (a box's
/// citation line, a table's note, a chart's labels taken for a note, a venue note): a
/// place found by shared words would be a link the author never made, and the note stays
/// unlinked, reported.
pub(super) fn recover_lost(
    drafts: &mut [Placed],
    notes: &[NoteDraft],
    linked: &HashSet<u32>,
    paged: bool,
    report: &mut Report,
) -> Vec<usize> {
    let mut recovered = Vec::new();
    if notes.iter().all(|n| linked.contains(&n.number)) {
        // Nothing lost: the word sets and sentence ends below would go unused.
        return recovered;
    }
    if paged {
        for note in notes.iter().filter(|n| !linked.contains(&n.number)) {
            report_unplaced(
                report,
                note,
                "no marker for the note in the PDF's text: kept unlinked, not placed by the words it shares with a sentence",
            );
        }
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
            .and_then(|j| ref_spot(drafts, by_number[j]));
        let upper = by_number.get(k).and_then(|&j| ref_spot(drafts, j));
        // With no linked marker on either side, the window is the whole text before the
        // note: a spot there is evidence only when it shares words with the note or is a
        // misread marker glyph, or when spots so evidenced for notes of the run lie on
        // both sides of it (an "Ibid." between two placed neighbours).
        let bounded = lower.is_some() || upper.is_some();
        let (lower, upper) = (lower.unwrap_or((0, 0)), upper.unwrap_or((usize::MAX, 0)));
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
                cache[k] = Some(slot_spots(drafts, slot_list[k], k));
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
        let evidenced: Vec<bool> = run
            .iter()
            .enumerate()
            .map(|(pos, &ni)| {
                assignment.as_ref().is_some_and(|a| {
                    let spot = window[a[pos].0];
                    spot.glyph.is_some() || !spot.words.is_disjoint(&note_words[ni])
                })
            })
            .collect();
        let justified = |pos: usize| {
            bounded
                || evidenced[pos]
                || evidenced[..pos].contains(&true) && evidenced[pos + 1..].contains(&true)
        };
        // Insert from the last note of the run back, so earlier offsets stay valid.
        for (pos, &ni) in run.iter().enumerate().rev() {
            let note = &notes[ni];
            let assigned = assignment
                .as_ref()
                .map(|a| a[pos])
                .filter(|_| justified(pos));
            let (slot_k, replaced, evidence, confidence) = match assigned {
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
                    report_unplaced(
                        report,
                        note,
                        "no marker on the page and no free sentence end between the neighbouring markers before the note (or too many lost notes in a row to search; or, with no linked marker on either side, none sharing words with the note)",
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
                let context = super::context_before(&text[..at]);
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
