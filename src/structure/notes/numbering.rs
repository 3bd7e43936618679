//! Which number each note carries: the sequence decides over the labels as read (a
//! missing label takes the next number, a misread one is corrected), in one run or in
//! runs that start again; corrections are reported.

use std::collections::BTreeMap;

use crate::report::{Action, ActionKind, Report};
use crate::rich;
use crate::structure::classify::NoteLabel;
use crate::structure::families::{self, Family};

use super::NoteDraft;

/// Numbers the notes from their labels (see [`sequence`]): straight through, or, with
/// `restarts`, in runs where the numbering starts again. Returns the number of runs.
pub fn number(notes: &mut [NoteDraft], restarts: bool) -> usize {
    let labels: Vec<NoteLabel> = notes.iter().map(|n| n.read).collect();
    let places: Vec<(usize, usize)> = notes.iter().map(|n| (n.page, n.order)).collect();
    let seq = sequence(&labels, &places, restarts);
    for (note, &(number, ordinal, run)) in notes.iter_mut().zip(&seq.numbers) {
        note.number = number;
        note.ordinal = ordinal;
        note.run = run;
        note.family = seq.family;
        note.label = families::printed(seq.family, ordinal);
    }
    seq.runs
}

/// Records each note's number and label as the linking left them, and the family and
/// runs of the labels when they are not plain numbers straight through.
pub fn report_numbers(notes: &[NoteDraft], report: &mut Report) {
    let Some(first) = notes.first() else {
        return;
    };
    let runs = notes.iter().map(|n| n.run).max().unwrap_or(0) + 1;
    if first.family != Family::Arabic || runs > 1 {
        let restarts = if runs > 1 {
            format!(
                ", numbering starts again {} times (per page, section or chapter); a marker is linked within its run",
                runs - 1
            )
        } else {
            String::new()
        };
        report.push(
            Action::new(ActionKind::Guess)
                .evidence(format!(
                    "note labels: {} family{restarts}",
                    family_name(first.family)
                ))
                .confidence(0.8),
        );
    }
    for note in notes {
        let printed = label_text(note.read);
        let (evidence, confidence) = match (note.read, &printed) {
            (NoteLabel::Mangled, _) => ("label mangled: numbered by sequence".to_string(), 0.8),
            (NoteLabel::None, _) => (
                "no label: recognised by its shape and place, numbered by sequence".to_string(),
                0.7,
            ),
            (_, Some(p)) if *p == note.label => (format!("label {p} read"), 1.0),
            (_, Some(p)) => (
                format!("label {p} misread: the sequence gives {}", note.label),
                0.7,
            ),
            (_, None) => ("label unreadable: numbered by sequence".to_string(), 0.8),
        };
        report.push(
            Action::new(ActionKind::FootnoteText)
                .page(note.page)
                .lines(note.lines.clone())
                .after(format!(
                    "{} (printed label {}): {}",
                    note.number,
                    note.label,
                    rich::plain(&note.text)
                ))
                .evidence(evidence)
                .confidence(confidence),
        );
    }
}

/// Gives a note taken out of the numbering (an author's "†", a table's "a" before notes
/// numbered 1, 2, 3) back the label it was printed with: the number the sequence gave it
/// was never printed. A note whose label was lost keeps its number.
pub fn keep_printed_label(note: &mut NoteDraft) {
    let family = match note.read {
        NoteLabel::Number(_) => Family::Arabic,
        NoteLabel::Family(f, _) => f,
        _ => return,
    };
    if let Some(printed) = label_text(note.read) {
        note.label = printed;
        note.family = family;
    }
}

/// The text of a label as read.
pub(super) fn label_text(label: NoteLabel) -> Option<String> {
    match label {
        NoteLabel::Number(n) => Some(n.to_string()),
        NoteLabel::Family(f, n) => Some(families::printed(f, n)),
        _ => None,
    }
}

fn family_name(family: Family) -> &'static str {
    match family {
        Family::Arabic => "arabic",
        Family::RomanLower => "lower-case roman",
        Family::RomanUpper => "upper-case roman",
        Family::Letter => "letter",
        Family::Symbol => "symbol",
    }
}

/// How many labels read as each family (a plain number is arabic).
pub(super) fn family_counts<'a>(
    labels: impl Iterator<Item = &'a NoteLabel>,
) -> BTreeMap<Family, usize> {
    let mut counts: BTreeMap<Family, usize> = BTreeMap::new();
    for l in labels {
        match l {
            NoteLabel::Number(_) => *counts.entry(Family::Arabic).or_default() += 1,
            NoteLabel::Family(f, _) => *counts.entry(*f).or_default() += 1,
            _ => {}
        }
    }
    counts
}

/// The family most labels read as (arabic on a tie) and how many do.
pub(super) fn likeliest_family(counts: &BTreeMap<Family, usize>) -> Option<(Family, usize)> {
    counts
        .iter()
        .max_by_key(|&(f, c)| (*c, *f == Family::Arabic))
        .map(|(&f, &c)| (f, c))
}

/// How a document's notes are numbered.
#[derive(Debug)]
struct Sequence {
    /// The family most labels belong to.
    family: Family,
    /// How many runs the numbering makes (1 when it never starts again).
    runs: usize,
    /// Per note: number across the document (unique, increasing), ordinal in its run,
    /// run.
    numbers: Vec<(u32, u32, usize)>,
}

/// Reads the notes' labels as one family (the one most labels belong to) and splits the
/// notes into runs where the numbering starts again: a label reading 1 after a later one,
/// on another page or after body text (so not a misread label within a block of notes).
/// Each run is numbered by [`number_notes`]; the document-wide number of a note is its
/// ordinal after the runs before it.
fn sequence(labels: &[NoteLabel], places: &[(usize, usize)], restarts: bool) -> Sequence {
    let counts = family_counts(labels.iter());
    // "i", "v", "x" read first as roman: in a lettered document they are letters.
    let letters = counts.get(&Family::Letter).copied().unwrap_or(0);
    let family = likeliest_family(&counts).map_or(Family::Arabic, |(f, _)| f);
    let family = if family == Family::RomanLower && letters > 0 {
        // A lettered run reaching i: roman readings are letters when letters also show.
        let roman = counts.get(&Family::RomanLower).copied().unwrap_or(0);
        if letters >= roman / 2 {
            Family::Letter
        } else {
            family
        }
    } else {
        family
    };
    let reading: Vec<NoteLabel> = labels
        .iter()
        .map(|l| match *l {
            NoteLabel::Number(n) if family == Family::Arabic => NoteLabel::Number(n),
            NoteLabel::Family(f, n) if f == family => NoteLabel::Number(n),
            NoteLabel::Family(f, n) => families::ordinal_in(&families::printed(f, n), family)
                .map_or(NoteLabel::Mangled, NoteLabel::Number),
            NoteLabel::Number(_) => NoteLabel::Mangled,
            other => other,
        })
        .collect();
    // Runs: a 1 after a higher label, on another page or with body text between.
    let mut starts = vec![0];
    let mut last_read: Option<(u32, usize)> = None;
    for (i, l) in reading.iter().enumerate() {
        if let NoteLabel::Number(n) = *l {
            if let Some((prev, prev_i)) = last_read
                && restarts
                && n == 1
                && prev >= 1
                && (places[i].0 != places[prev_i].0 || places[i].1 > places[i - 1].1 + 2)
            {
                starts.push(i);
            }
            last_read = Some((n, i));
        }
    }
    starts.dedup();
    let mut numbers = Vec::with_capacity(labels.len());
    let mut base = 0u32;
    for (r, &start) in starts.iter().enumerate() {
        let end = starts.get(r + 1).copied().unwrap_or(labels.len());
        let ordinals = number_notes(&reading[start..end]);
        for &o in &ordinals {
            numbers.push((base + o, o, r));
        }
        if starts.len() > 1 {
            base += ordinals.iter().copied().max().unwrap_or(0);
        }
    }
    Sequence {
        family,
        runs: starts.len(),
        numbers,
    }
}

/// How many printed labels after a far jump must carry it on for the jump to stand.
const JUMP_CONFIRMED_BY: usize = 2;

/// Numbers notes by sequence, trusting a printed label when it continues the sequence or
/// skips ahead by at most two (a note whose text was not found), and the sequence otherwise.
/// A label further ahead stands when the next printed labels go on from it ("41", "42",
/// "43" where 33 was due): the notes between were not found, and renumbering a run the
/// author numbered would tie every marker after it to another note's text.
pub fn number_notes(labels: &[NoteLabel]) -> Vec<u32> {
    let mut out = Vec::with_capacity(labels.len());
    let mut expected = match labels.first() {
        Some(NoteLabel::Number(n)) if *n > 0 => *n,
        _ => 1,
    };
    for (i, label) in labels.iter().enumerate() {
        let number = match label {
            NoteLabel::Number(n) if *n == expected => *n,
            NoteLabel::Number(n) if *n > expected && *n <= expected + 2 => {
                // Accept a jump only if the next printed label agrees with it.
                let next_label = labels[i + 1..]
                    .iter()
                    .enumerate()
                    .find_map(|(k, l)| match l {
                        NoteLabel::Number(m) => Some((k as u32 + 1, *m)),
                        _ => None,
                    });
                match next_label {
                    Some((dist, m)) if m == *n + dist => *n,
                    None => *n,
                    _ => expected,
                }
            }
            NoteLabel::Number(n) if *n > expected && run_goes_on(*n, &labels[i + 1..]) => *n,
            _ => expected,
        };
        out.push(number);
        expected = number + 1;
    }
    out
}

/// Whether the next [`JUMP_CONFIRMED_BY`] printed labels after label `n` read on from it,
/// each one past the one before at its distance (a note between without a label counts).
fn run_goes_on(n: u32, after: &[NoteLabel]) -> bool {
    let read: Vec<(u32, u32)> = after
        .iter()
        .enumerate()
        .filter_map(|(k, l)| match l {
            NoteLabel::Number(m) => Some((k as u32 + 1, *m)),
            _ => None,
        })
        .take(JUMP_CONFIRMED_BY)
        .collect();
    read.len() == JUMP_CONFIRMED_BY && read.iter().all(|&(d, m)| m == n + d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NoteLabel::*;

    #[test]
    fn sequence_beats_misread_labels() {
        assert_eq!(
            number_notes(&[None, Number(2), None, Number(4), Mangled]),
            vec![1, 2, 3, 4, 5]
        );
        // A '5' where 7 is due is a misreading.
        assert_eq!(number_notes(&[Number(6), Number(5), None]), vec![6, 7, 8]);
        // A jump confirmed by the next label means a note's text was not found.
        assert_eq!(
            number_notes(&[Number(1), Number(3), Number(4)]),
            vec![1, 3, 4]
        );
        // An unconfirmed jump is a misreading.
        assert_eq!(
            number_notes(&[Number(1), Number(3), Number(3)]),
            vec![1, 2, 3]
        );
    }

    #[test]
    fn a_far_jump_the_printed_labels_carry_on_stands() {
        // Notes 33 to 40 not found: 41, 42, 43 stay as printed.
        assert_eq!(
            number_notes(&[Number(31), Number(32), Number(41), Number(42), Number(43)]),
            vec![31, 32, 41, 42, 43]
        );
        // An unlabelled note between counts at its distance.
        assert_eq!(
            number_notes(&[Number(32), Number(41), None, Number(43), Number(44)]),
            vec![32, 41, 42, 43, 44]
        );
        // A lone far label, or one the next label does not follow, is a misreading.
        assert_eq!(
            number_notes(&[Number(5), Number(6), Number(71), Number(8), Number(9)]),
            vec![5, 6, 7, 8, 9]
        );
        assert_eq!(
            number_notes(&[Number(5), Number(60), Number(61)]),
            vec![5, 6, 7]
        );
        assert_eq!(
            number_notes(&[Number(5), Number(60), Number(61), Number(62)]),
            vec![5, 60, 61, 62]
        );
    }
}
