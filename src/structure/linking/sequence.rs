//! The note sequence: walking the body in order, a candidate is a marker when its number
//! is the next note expected (or skips a few whose markers were lost), in the run of notes
//! due or the next one; whether the page proves the document raises its markers.

use foldhash::{HashMap, HashSet, HashSetExt};

use crate::model::FootnoteId;
use crate::report::{Action, ActionKind, Report};
use crate::rich;
use crate::structure::assemble::{Draft, Placed};
use crate::structure::notes::NoteDraft;

use super::authors::{author_list_end, is_author_line, is_marked_name};
use super::candidates::{Candidate, Form, find_candidates};
use super::page_feet::NotePlaces;
use super::recover::recover_lost;
use super::{Slot, is_cell, slots_with_cells, text_of, text_of_mut};

/// Links markers to notes; returns the indexes (into `notes`) of the notes whose lost
/// marker was put back. Drafts' texts get reference sentinels for [`FootnoteId`] = index
/// into `notes`.
///
/// Headings and author lines hold no markers. In PDF input (`paged`), when the page shows
/// that the document raises its markers — raised numbers that match notes — only raised
/// or lowered candidates are markers, and a digit at the body's size and baseline is text;
/// a document whose markers all lost their raise falls back to the sequence. The report
/// records which way the document went and why. A note at a page foot takes only a
/// marker on its own page (`piece_pages`: each piece's page by position; a piece not
/// listed is taken to stand on its block's first page).
pub(super) fn link(
    drafts: &mut [Placed],
    notes: &[NoteDraft],
    paged: bool,
    piece_pages: &[usize],
    report: &mut Report,
) -> Vec<usize> {
    if notes.is_empty() {
        return Vec::new();
    }
    let slot_list = slots_with_cells(drafts);
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
        // In a table's cell only a raised number is a marker: its figures and decimals
        // are no lost ones.
        if is_cell(drafts, slot) {
            let kept: Vec<Candidate> = cands
                .split_off(from)
                .into_iter()
                .filter(|c| c.form == Form::Raised)
                .collect();
            cands.extend(kept);
            continue;
        }
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
    // Each candidate's piece position, and the page that piece stands on.
    let cand_orders: Vec<usize> = cands
        .iter()
        .map(|c| candidate_order(drafts, &slot_list, c))
        .collect();
    let cand_pages: Vec<usize> = cands
        .iter()
        .zip(&cand_orders)
        .map(|(c, &order)| {
            piece_pages
                .get(order)
                .copied()
                .unwrap_or(drafts[slot_list[c.slot].0].page)
        })
        .collect();
    let raised_on = cands
        .iter()
        .zip(&cand_pages)
        .filter(|(c, _)| matches!(c.form, Form::Raised | Form::Symbol))
        .map(|(c, &page)| (page, c.values.as_slice()));
    let feet = NotePlaces::new(drafts, notes, raised_on);
    let first = notes.iter().map(|n| n.number).min().unwrap_or(1);
    let mut expected = first;
    let mut linked: HashSet<u32> = HashSet::new();
    let mut accepted: Vec<(Candidate, Vec<u32>)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let order = cand_orders[i];
        // The candidate's ordinals as notes of the run due, or of the next run.
        let Some((values, run_start)) = runs.resolve(&c.values, expected, order, notes) else {
            continue;
        };
        let v = values[0];
        let known = values
            .iter()
            .all(|x| by_number.contains_key(x) && !linked.contains(x));
        let page = cand_pages[i];
        if !known
            || values
                .iter()
                .any(|x| !feet.near_enough(by_number[x], notes, page))
        {
            continue;
        }
        // Past the end of a run, the next run's first ordinals are due.
        let due = run_start.unwrap_or(expected);
        let skip = v.saturating_sub(due);
        let strong = matches!(c.form, Form::Raised | Form::Lowered | Form::Symbol);
        let expected_ordinal = runs.ordinal_of(expected, notes);
        let ok = if v == due {
            true
        } else if feet.skipped_notes_stand_further_on(notes, &by_number, due..v, order) {
            false
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
    recover_lost(drafts, notes, &linked, paged, report)
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

#[cfg(test)]
#[path = "sequence_tests.rs"]
pub(super) mod tests;
