//! Author lists in the title block: their raised marks are affiliation labels, never note
//! markers, and the notes those marks point to are affiliations, kept as unlinked notes.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, SUP_OFF, SUP_ON};
use crate::structure::assemble::{Draft, Placed};
use crate::structure::classify::NoteLabel;
use crate::structure::notes::NoteDraft;

use super::{slots, text_of};

/// Whether a block's text reads as a line of author names with affiliation marks
/// ("Farzana Alam¹, Mohammad S. Rahman²"): its raised marks are never note markers.
pub(super) fn is_author_line(text: &str) -> bool {
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
pub(super) fn is_marked_name(text: &str) -> bool {
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
pub(super) fn author_list_end(text: &str) -> usize {
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

/// The notes the author list's affiliation marks point to: on the author list's page,
/// opening the notes, each label among the marks ("¹ Shanghai No.9 People's Hospital").
/// They are affiliations, not notes; taken out, the notes after them link in their own
/// numbering.
pub(super) fn take_affiliation_notes(
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
    fn author_lines_hold_no_markers() {
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
    }
}
