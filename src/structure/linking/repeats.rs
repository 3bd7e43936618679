//! Citations of a note made again. A paper citing its numbered references by raised
//! numbers cites one reference several times ("…onset.¹²" on page 3, "…factors.¹²" on
//! page 7) and several at once ("lineage.³˒⁵⁹˒⁶⁰"); the sequence linker takes each note's
//! first marker only, and the later ones stayed raised text (and so did a run going back
//! to an earlier note before new ones, "³˒⁵⁹˒⁶⁰"). In a document whose markers link notes,
//! a raised run of numbers right after punctuation, every one of which is the printed
//! label of exactly one note, cites those notes. A raised number after a letter or a
//! figure ("m²", "10⁵") is left as it stands, whatever note shares its number.
//!
//! Table cells cite the same way ("Kim et al.³²" in a table of studies), and a note cited
//! only in a table was left unlinked: cells are read too, and such a note's report entry
//! as unplaced is withdrawn. In a cell a raised letter or symbol that labels one note of
//! its family left unlinked cites it too, whatever else the document links (a table note
//! "a" printed apart from its table).

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::model::FootnoteId;
use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, SUP_OFF, SUP_ON};
use crate::structure::assemble::{Draft, Placed};
use crate::structure::families::Family;
use crate::structure::notes::NoteDraft;

use super::recover::{references_in, unplaced_entry};
use super::{slots, text_of, text_of_mut};

/// Widest range a raised run may name ("12–15").
const MAX_RANGE: u32 = 20;

/// Links raised runs after punctuation that name notes, in a document whose markers link
/// notes; reports each.
pub(super) fn link_repeats(drafts: &mut [Placed], notes: &[NoteDraft], report: &mut Report) {
    // Each arabic label printed once, with its note; a label printed on several notes
    // (numbering started again) names none of them.
    let mut by_label: HashMap<u32, Option<usize>> = HashMap::new();
    for (i, n) in notes.iter().enumerate() {
        if n.family != Family::Arabic {
            continue;
        }
        if let Ok(label) = n.label.trim().parse::<u32>() {
            by_label
                .entry(label)
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
    }
    let slot_list = slots(drafts);
    let mut linked: HashSet<usize> = HashSet::default();
    for &s in &slot_list {
        linked.extend(references_in(text_of(drafts, s)).map(|(_, id)| id));
    }
    // Raised numbers cite notes only in a document whose markers link them.
    let cites = !linked.is_empty();
    let note_of = |label: u32| {
        cites
            .then(|| by_label.get(&label).copied().flatten())
            .flatten()
    };
    let mut cited: Vec<usize> = Vec::new();
    for s in slot_list {
        let page = drafts[s.0].page;
        if let Some(text) = text_of_mut(drafts, s) {
            cite_again(text, page, &note_of, notes, &mut cited, report);
        }
    }
    // A table's cells cite notes the same way ("Kim et al.³²" in a table of studies): a
    // note cited only there was left unlinked, and is linked now.
    // So does a raised letter or symbol that is the label of one note of its family left
    // unlinked ("sequences<sup>a</sup>" over a note "a" printed apart from the table).
    let unlinked: HashSet<usize> = (0..notes.len()).filter(|i| !linked.contains(i)).collect();
    let mut by_mark: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, n) in notes.iter().enumerate() {
        if matches!(n.family, Family::Letter | Family::Symbol) && unlinked.contains(&i) {
            by_mark
                .entry(n.label.trim())
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
    }
    let mark_of = |mark: &str| by_mark.get(mark).copied().flatten();
    let before = cited.len();
    for placed in drafts.iter_mut() {
        let page = placed.page;
        if let Draft::Table { rows, .. } = &mut placed.draft {
            for cell in rows.iter_mut().flatten() {
                cite_again(cell, page, &note_of, notes, &mut cited, report);
                cite_mark(cell, page, &mark_of, notes, &mut cited, report);
            }
        }
    }
    let now_linked: HashSet<String> = cited[before..]
        .iter()
        .filter(|i| unlinked.contains(i))
        .map(|&i| unplaced_entry(&notes[i]))
        .collect();
    report.actions.retain(|a| {
        a.kind != ActionKind::FootnoteUnplaced
            || !a.after.as_ref().is_some_and(|t| now_linked.contains(t))
    });
}

/// Where a raised run cites notes, and why: the evidence given in the report.
type Citation = (Vec<usize>, &'static str, f32);

/// Replaces each raised run in `text` that `cites` (given the text before it and the
/// run's inside) names notes by, with references to those notes; reports each and adds
/// the notes to `cited`.
fn link_raised(
    text: &mut String,
    page: usize,
    notes: &[NoteDraft],
    cited: &mut Vec<usize>,
    report: &mut Report,
    cites: impl Fn(&str, &str) -> Option<Citation>,
) {
    if !text.contains(SUP_ON) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    let mut changed = false;
    while let Some(on) = rest.find(SUP_ON) {
        let (before, from) = rest.split_at(on);
        out.push_str(before);
        let inner_start = SUP_ON.len_utf8();
        let Some(len) = from[inner_start..].find(SUP_OFF) else {
            out.push_str(from);
            rest = "";
            break;
        };
        let inner = &from[inner_start..inner_start + len];
        let whole = &from[..inner_start + len + SUP_OFF.len_utf8()];
        match cites(&out, inner) {
            Some((ids, evidence, confidence)) => {
                let context = super::context_before(&out);
                for &id in &ids {
                    out.push_str(&rich::reference(FootnoteId(id)));
                }
                report.push(
                    Action::new(ActionKind::MarkerRepaired)
                        .page(page)
                        .before(format!("{context}{}", rich::plain(whole)))
                        .after(
                            ids.iter()
                                .map(|&i| format!("[^{}]", notes[i].label.trim()))
                                .collect::<String>(),
                        )
                        .evidence(evidence)
                        .confidence(confidence),
                );
                cited.extend(ids);
                changed = true;
            }
            None => out.push_str(whole),
        }
        rest = &from[whole.len()..];
    }
    out.push_str(rest);
    if changed {
        *text = out;
    }
}

/// Links the raised runs after punctuation in `text` that name notes (`note_of` gives a
/// label's note).
fn cite_again(
    text: &mut String,
    page: usize,
    note_of: &dyn Fn(u32) -> Option<usize>,
    notes: &[NoteDraft],
    cited: &mut Vec<usize>,
    report: &mut Report,
) {
    link_raised(text, page, notes, cited, report, |before, inner| {
        let ids = after_punctuation(before)
            .then(|| labels(inner))
            .flatten()
            .and_then(|ls| ls.into_iter().map(note_of).collect::<Option<Vec<_>>>())?;
        Some((
            ids,
            "raised numbers after punctuation, each the label of one note, in a document whose markers link its notes: the notes cited (again)",
            0.85,
        ))
    });
}

/// Links each raised mark in a table cell that `mark_of` knows as the label of a note
/// ("a", "†").
fn cite_mark(
    cell: &mut String,
    page: usize,
    mark_of: &dyn Fn(&str) -> Option<usize>,
    notes: &[NoteDraft],
    cited: &mut Vec<usize>,
    report: &mut Report,
) {
    link_raised(cell, page, notes, cited, report, |_, inner| {
        let id = mark_of(inner.trim())?;
        Some((
            vec![id],
            "raised mark in a table cell, the label of one note of its family left unlinked: the note cited",
            0.8,
        ))
    });
}

/// Whether the text so far ends in punctuation that a citation follows (style marks
/// aside): a full stop, comma, semicolon, colon, closing bracket or quotation mark.
fn after_punctuation(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|&c| !rich::is_sentinel(c))
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '’' | '”' | '"'))
}

/// The labels a raised run names: numbers apart by commas, and ranges ("3,59,60",
/// "12–15"); `None` for anything else.
fn labels(inner: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for part in inner.split(',') {
        let part = part.trim();
        match part.split_once(['–', '-']) {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
                if b <= a || b - a > MAX_RANGE {
                    return None;
                }
                out.extend(a..=b);
            }
            None if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()) => {
                out.push(part.parse().ok()?);
            }
            None => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of a header row over one row of `cells`.
    fn table(head: [&str; 2], cells: Vec<String>) -> Placed {
        placed(Draft::Table {
            rows: vec![head.iter().map(|h| h.to_string()).collect(), cells],
            head: Default::default(),
            notes: vec![],
            caption: None,
        })
    }

    /// The rows of the table at `drafts[i]`.
    fn rows_of(drafts: &[Placed], i: usize) -> &[Vec<String>] {
        match &drafts[i].draft {
            Draft::Table { rows, .. } => rows,
            _ => unreachable!(),
        }
    }

    fn placed(draft: Draft) -> Placed {
        Placed {
            draft,
            first: 0,
            last: 0,
            page: 1,
            origins: vec![],
        }
    }

    /// A note cited only in a table of studies ("Kim et al.²") is linked there, and the
    /// report no longer calls it unplaced; a raised figure after a number ("10³") in a
    /// cell stays as printed.
    #[test]
    fn a_table_cell_cites_a_note_after_punctuation() {
        let note = |n: u32| super::super::sequence::tests::note(n, "Reference.", 0);
        let notes = vec![note(1), note(2), note(3)];
        let body = format!("Growth was slow.{}", rich::reference(FootnoteId(0)));
        let cell = format!("Kim et al.{}", rich::sup("2"));
        let dose = format!("10{}", rich::sup("3"));
        let mut drafts = vec![
            placed(Draft::Para { text: body }),
            table(["Study", "Dose"], vec![cell, dose.clone()]),
        ];
        let mut report = Report::default();
        for n in [2, 3] {
            report.push(
                Action::new(ActionKind::FootnoteUnplaced).after(format!("unlinked note {n}")),
            );
        }
        link_repeats(&mut drafts, &notes, &mut report);
        let rows = rows_of(&drafts, 1);
        assert_eq!(
            rows[1][0],
            format!("Kim et al.{}", rich::reference(FootnoteId(1)))
        );
        assert_eq!(rows[1][1], dose);
        let unplaced: Vec<_> = report
            .actions
            .iter()
            .filter(|a| a.kind == ActionKind::FootnoteUnplaced)
            .filter_map(|a| a.after.clone())
            .collect();
        assert_eq!(unplaced, vec!["unlinked note 3".to_string()]);
    }

    /// A table's raised "a" cites the one note labelled "a" left unlinked, in a document
    /// with no other marker; a raised "b" that labels no note stays as printed.
    #[test]
    fn a_raised_letter_in_a_cell_cites_its_note() {
        let mut a = super::super::sequence::tests::note(1, "Third-party programs.", 0);
        a.family = Family::Letter;
        a.label = "a".into();
        let cell = format!("Alignments{}", rich::sup("a"));
        let other = format!("Trees{}", rich::sup("b"));
        let mut drafts = vec![table(["Phase", "Input"], vec![cell, other.clone()])];
        link_repeats(&mut drafts, &[a], &mut Report::default());
        let rows = rows_of(&drafts, 0);
        assert_eq!(
            rows[1][0],
            format!("Alignments{}", rich::reference(FootnoteId(0)))
        );
        assert_eq!(rows[1][1], other);
    }

    #[test]
    fn a_raised_run_names_numbers_and_ranges() {
        assert_eq!(labels("3,59,60"), Some(vec![3, 59, 60]));
        assert_eq!(labels("12–14"), Some(vec![12, 13, 14]));
        assert_eq!(labels("a"), None);
        assert_eq!(labels("−"), None);
        assert_eq!(labels("5–2"), None);
        assert_eq!(labels(""), None);
    }

    #[test]
    fn a_citation_follows_punctuation() {
        assert!(after_punctuation("pubertal onset."));
        assert!(after_punctuation(&format!(
            "{}lineage.{}",
            rich::BOLD_ON,
            rich::BOLD_OFF
        )));
        assert!(!after_punctuation("cm/m"));
        assert!(!after_punctuation("10"));
    }
}
