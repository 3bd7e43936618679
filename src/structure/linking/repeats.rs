//! Citations of a note made again. A paper citing its numbered references by raised
//! numbers cites one reference several times ("…onset.¹²" on page 3, "…factors.¹²" on
//! page 7) and several at once ("lineage.³˒⁵⁹˒⁶⁰"); the sequence linker takes each note's
//! first marker only, and the later ones stayed raised text (and so did a run going back
//! to an earlier note before new ones, "³˒⁵⁹˒⁶⁰"). In a document whose markers link notes,
//! a raised run of numbers right after punctuation, every one of which is the printed
//! label of exactly one note, cites those notes. A raised number after a letter or a
//! figure ("m²", "10⁵") is left as it stands, whatever note shares its number.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::model::FootnoteId;
use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, SUP_OFF, SUP_ON};
use crate::structure::assemble::Placed;
use crate::structure::families::Family;
use crate::structure::notes::NoteDraft;

use super::recover::references_in;
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
    if linked.is_empty() {
        return;
    }
    let note_of = |label: u32| by_label.get(&label).copied().flatten();
    for s in slot_list {
        let page = drafts[s.0].page;
        let Some(text) = text_of_mut(drafts, s).filter(|t| t.contains(SUP_ON)) else {
            continue;
        };
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
            let ids = after_punctuation(&out)
                .then(|| labels(inner))
                .flatten()
                .and_then(|ls| ls.into_iter().map(note_of).collect::<Option<Vec<_>>>());
            match ids {
                Some(ids) => {
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
                            .evidence(
                                "raised numbers after punctuation, each the label of one note, in a document whose markers link its notes: the notes cited (again)",
                            )
                            .confidence(0.85),
                    );
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
