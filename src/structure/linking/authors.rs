//! Author lists in the title block: their raised marks are affiliation labels, never note
//! markers, and the notes those marks point to are affiliations, kept as unlinked notes.

use crate::patterns::{is_letter, is_upper_letter};
use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, SUP_OFF, SUP_ON};
use crate::structure::assemble::{Draft, Placed};
use crate::structure::classify::NoteLabel;
use crate::structure::notes::NoteDraft;
use foldhash::{HashSet, HashSetExt};

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
/// two-column title page ran together with the text beside it. The pattern, kept for the
/// test that compares [`author_list_end`] with it (compiling it, with its letter classes
/// repeated for every name and entry, cost some 40 M instructions: more than converting a
/// short document):
/// `^\s*(?:ENTRY){3,}`, an entry being
/// `WORD(?:\s+WORD){0,4},?\s*SUP_ON[0-9a-z,*†‡§ ]{1,12}SUP_OFF[,;]?\s*(?:and\s+)?` and a word
/// `(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|la|le)`.
#[cfg(test)]
fn author_list_pattern() -> String {
    let word = r"(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|la|le)";
    let entry = format!(
        r"{word}(?:\s+{word}){{0,4}},?\s*\x{{{:X}}}[0-9a-z,*†‡§ ]{{1,12}}\x{{{:X}}}[,;]?\s*(?:and\s+)?",
        SUP_ON as u32, SUP_OFF as u32
    );
    format!(r"^\s*(?:{entry}){{3,}}")
}

/// Where the author list opening a block ends (0 when there is none); the raised marks
/// in it are affiliation labels, never note markers. Reads the entries one at a time, as
/// the pattern above matches them: each part of an entry can end in one place only if
/// another entry is to follow, so the first way found is the pattern's.
pub(super) fn author_list_end(text: &str) -> usize {
    let mut at = skip_spaces(text, 0);
    let mut entries = 0;
    while let Some(end) = author_entry(text, at) {
        at = end;
        entries += 1;
    }
    if entries >= 3 { at } else { 0 }
}

/// Past the white space (`\s`, Unicode's White_Space) at byte `at`.
fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches(char::is_whitespace).len()
}

/// Past `c` when `text` has it at byte `at`.
fn skip_char(text: &str, at: usize, c: char) -> usize {
    if text[at..].starts_with(c) {
        at + c.len_utf8()
    } else {
        at
    }
}

/// Where one entry of an author list starting at byte `at` ends: one to five names, an
/// optional comma, the raised marks, then an optional `,` or `;`, white space and "and ".
fn author_entry(text: &str, at: usize) -> Option<usize> {
    let mut at = name_word(text, at)?;
    for _ in 0..4 {
        let next = skip_spaces(text, at);
        match name_word(text, next) {
            Some(end) if next > at => at = end,
            _ => break,
        }
    }
    let at = skip_spaces(text, skip_char(text, at, ','));
    let marks = text[at..].strip_prefix(SUP_ON)?;
    let len = marks
        .find(|c: char| !matches!(c, '0'..='9' | 'a'..='z' | ',' | '*' | '†' | '‡' | '§' | ' '))
        .unwrap_or(marks.len());
    if !(1..=12).contains(&marks[..len].chars().count()) {
        return None;
    }
    let after = marks[len..].strip_prefix(SUP_OFF)?;
    let mut at = text.len() - after.len();
    if text[at..].starts_with([',', ';']) {
        at += 1;
    }
    let at = skip_spaces(text, at);
    let and = at + "and".len();
    Some(match text[at..].strip_prefix("and") {
        Some(_) if skip_spaces(text, and) > and => skip_spaces(text, and),
        _ => at,
    })
}

/// Where a name's word starting at byte `at` ends: a capital and the letters, stops,
/// apostrophes and hyphens after it, or a lower-case particle ("de", "van") standing alone.
/// A word that runs on into other letters is none (nothing the pattern allows after a
/// word is one of them).
fn name_word(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let len = rest
        .find(|c: char| !(is_letter(c) || matches!(c, '.' | '\'' | '’' | '-')))
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let capital = word.chars().next().is_some_and(is_upper_letter);
    let particle = matches!(
        word,
        "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le"
    );
    (capital || particle).then_some(at + len)
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
        assert_eq!(
            affiliation_marks(&text[..end]),
            HashSet::from_iter([1, 2, 3])
        );
        // Two cited names opening a sentence are no author list.
        let cited = format!("Smith{} and Jones{} argued that", sup("3"), sup("4"));
        assert_eq!(author_list_end(&cited), 0);
    }

    /// [`author_list_end`] ends every text's author list where the pattern it replaces
    /// ends it: lists of three entries or more, names of one to six words, particles,
    /// letters of other scripts (a title-case `ǅ` is no capital for `\p{Lu}`, a combining
    /// accent no letter for `\p{L}`), marks of up to thirteen characters, Unicode spaces,
    /// and "and" with and without the space after it.
    #[test]
    fn the_author_list_reader_ends_where_the_pattern_did() {
        let sup = |n: &str| format!("{SUP_ON}{n}{SUP_OFF}");
        let marks = [
            sup("1"),
            sup("1,2"),
            sup("a"),
            sup("*†"),
            sup("1 2 3 4 5 6"),
            sup("1,2,3,4,5,67"),
            sup("1,2,3,4,5,678"),
            sup("A"),
            sup(""),
            SUP_ON.to_string(),
            SUP_OFF.to_string(),
        ];
        let mut pieces: Vec<&str> = vec![
            "Anna",
            "Smith",
            "Bo Li",
            "de",
            "van",
            "der",
            "dell",
            "la",
            "Le",
            "Chen Wu",
            "O’Neil",
            "Jean-Luc",
            "M.",
            "Émile",
            "Øster",
            "ǅemal",
            "Jose\u{301}",
            "ßtraße",
            "中村",
            "and",
            "and ",
            "andrew",
            " ",
            "  ",
            "\u{A0}",
            "\u{2003}",
            "\n",
            ",",
            ", ",
            ";",
            "; ",
            ".",
            "eight studies showed",
            "1",
            "(",
            "Ω",
        ];
        pieces.extend(marks.iter().map(String::as_str));
        let mut texts = crate::test_phrases::pattern_texts(&pieces, 40_000);
        // Whole entries, so that lists of three and more are common.
        let entries: Vec<String> = [
            "Anna Smith",
            "Bo Li, ",
            "de la Cruz ",
            "A B C D E",
            "A B C D E F",
            "Émile Zola",
            "van Dijk",
            "Chen Wu ",
            "ǅemal Bey",
            "O’Neil-Ray",
        ]
        .iter()
        .flat_map(|name| marks.iter().map(move |m| format!("{name}{m}")))
        .collect();
        let entry_pieces: Vec<&str> = entries
            .iter()
            .map(String::as_str)
            .chain([
                " ",
                ", ",
                "; ",
                " and ",
                "and",
                "\u{A0}",
                "wrote that",
                "  ",
            ])
            .collect();
        texts.extend(crate::test_phrases::phrases(&entry_pieces, 40_000));
        let pattern = regex::Regex::new(&author_list_pattern()).expect("valid regex");
        let mut matched = 0;
        for t in &texts {
            let want = pattern.find(t).map_or(0, |m| m.end());
            assert_eq!(author_list_end(t), want, "{t:?}");
            matched += usize::from(want > 0);
        }
        assert!(matched > 1000, "the pattern matched only {matched} texts");
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
