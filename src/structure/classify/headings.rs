//! Heading shapes: a line shaped like a heading, a numbered heading, a run-in heading, a
//! term lead-in, and the headings that open a list of notes or references.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::{has_url, line_marker};
use crate::line_kinds::title_like;
use crate::patterns::non_space;
use crate::rich;
use crate::words::{mostly_words, words};

/// Whether a single line has the shape of a heading: short, capitalised, mostly words,
/// without closing punctuation other than a colon.
pub fn looks_like_heading_line(text: &str) -> bool {
    heading_line_shape(text) && title_like(rich::plain_without_scripts_cow(text).trim())
}

/// Whether a single line has the shape of a heading but for the capitals of its words: a
/// sentence-case heading needs other evidence (an underline) to be told from a short line
/// of text.
pub fn heading_line_shape(text: &str) -> bool {
    let t = rich::plain_without_scripts_cow(text);
    let t = t.trim();
    let n = words(t);
    if n == 0 || n > 14 || t.chars().count() > 110 || !mostly_words(t) {
        return false;
    }
    if t.ends_with('.') || breaks_off(t) || has_url(t) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || first == '“' || first == '"') {
        return false;
    }
    line_marker(text).is_none_or(|m| m.class.ordered())
}

/// Whether a line breaks off where its phrase goes on: a trailing comma, semicolon or dash
/// ("Government of India -", "Socio-"). A heading is complete in itself.
pub fn breaks_off(t: &str) -> bool {
    t.trim_end().ends_with([',', ';', '-', '–', '—'])
}

static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^((?:[0-9]{1,2}\.)*[0-9]{1,2})\.?[ \t]+(",
        non_space!(),
        r".*)$"
    ))
    .expect("valid regex")
});

/// A numbered heading: its number ("2.1") and text, when `text` has that shape.
pub fn numbered_heading(text: &str) -> Option<(String, String)> {
    let t = rich::plain_without_scripts_cow(text);
    // Every match opens with a digit: most lines are settled before the pattern runs.
    if !t.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = NUMBERED_HEADING.captures(t.trim())?;
    let rest = c[2].trim().to_string();
    if words(&rest) > 12 || rest.ends_with('.') || breaks_off(&rest) || has_url(&rest) {
        return None;
    }
    if !rest.chars().next().is_some_and(|ch| ch.is_uppercase())
        || !title_like(&rest) && words(&rest) > 6
    {
        return None;
    }
    Some((c[1].to_string(), rest))
}

/// "Conclusion: text…" (not in bold) → ("Conclusion", byte offset of the text).
pub fn run_in_heading(text: &str) -> Option<(String, usize)> {
    if text.starts_with(rich::BOLD_ON) {
        return None;
    }
    let (name, start) = crate::structure::shapes::run_in_heading(text)?;
    // "Background: A River Managed in Pieces" is a heading with a colon, not a run-in one:
    // what follows a run-in heading is prose.
    let rest = rich::plain(&text[start..]);
    if words(&rest) < 6 || (!crate::words::ends_sentence(&text[start..]) && words(&rest) < 12) {
        return None;
    }
    Some((name.to_string(), start))
}

/// Headings that introduce a list of notes.
pub fn is_notes_heading(text: &str) -> bool {
    let t = rich::plain(text);
    let t = t.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "notes" | "endnotes" | "end notes" | "footnotes" | "notes and references"
    )
}

/// "References", "Bibliography": a list that holds the notes when it is numbered and the
/// text cites it with raised numbers.
pub fn is_reference_list_heading(text: &str) -> bool {
    let t = rich::plain(text);
    let t = t.trim().trim_end_matches(':').to_lowercase();
    matches!(t.as_str(), "references" | "bibliography" | "works cited")
}

/// Compiles the heading pattern (see [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    LazyLock::force(&NUMBERED_HEADING);
}

/// Most words in a term lead-in ("Shaded rest areas and water: Providing…").
const LEAD_IN_WORDS: usize = 6;

/// Whether `text` opens with a term lead-in: a capitalised phrase of at most six words
/// with no sentence punctuation, a colon, and a capital after it ("Salinity Intrusion: In
/// the dry season…"). Looser than the bold lead-in of a paragraph: it is read only among
/// items whose bullets were lost, where the items themselves are the evidence.
pub fn term_lead_in(text: &str) -> bool {
    term_lead(text).is_some()
}

/// The term of a term lead-in (see [`term_lead_in`]), without its colon.
pub fn term_lead(text: &str) -> Option<String> {
    let plain = crate::rich::plain(text);
    let plain = plain.trim_start();
    let colon = plain.find(": ")?;
    let (lead, rest) = (&plain[..colon], plain[colon + 2..].trim_start());
    let n = words(lead);
    (lead.starts_with(char::is_uppercase)
        && (1..=LEAD_IN_WORDS).contains(&n)
        && lead.chars().count() <= 61
        && !lead.contains(['.', '!', '?', ';', ':'])
        && !lead.contains("http")
        && rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“')))
    .then(|| lead.to_string())
}

/// Whether `text` opens with a term lead-in set in bold, its colon included, and goes on
/// in another face ("**DATES:** The FAA must receive…"): a run-in label the type sets
/// apart, which opens its paragraph.
pub fn bold_term_lead(text: &str) -> bool {
    if !text.starts_with(rich::BOLD_ON) {
        return false;
    }
    let Some(lead) = term_lead(text) else {
        return false;
    };
    let (head, rest) = rich::split_visible(text, lead.chars().count() + 1);
    rich::all_bold(&head) && !rich::all_bold(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::bold;
    use crate::test_phrases::{assert_same_matches, pattern_texts};

    #[test]
    fn a_bold_term_lead_is_bold_to_its_colon_then_not() {
        let dates = format!("{} The FAA must receive comments", bold("DATES:"));
        assert!(bold_term_lead(&dates));
        let split = format!(
            "{}{} Ian",
            bold("FOR FURTHER INFORMATION CONTACT"),
            bold(":")
        );
        assert!(bold_term_lead(&split));
        // All bold (a heading), not bold, or bold past the colon: no lead-in.
        assert!(!bold_term_lead(&bold("DATES: The FAA must")));
        assert!(!bold_term_lead("DATES: The FAA must receive"));
        assert!(!bold_term_lead(&format!(
            "{} must receive",
            bold("The FAA")
        )));
    }

    /// The numbered-heading pattern, built with `regex-lite`, finds what it found built with
    /// `regex` (`\S` spelled out).
    #[test]
    fn numbered_heading_pattern_matches_as_under_regex() {
        let texts = pattern_texts(
            &[
                "1",
                "12",
                "123",
                ".",
                " ",
                "\t",
                "\u{a0}",
                "\u{2003}",
                "\u{3000}",
                "\n",
                "A",
                "Study",
                "é",
                "x",
                "\u{10FFF0}",
            ],
            120_000,
        );
        let original = r"^((?:[0-9]{1,2}\.)*[0-9]{1,2})\.?[ \t]+(\S.*)$";
        assert_same_matches(&[(original, &*NUMBERED_HEADING)], &texts);
    }

    #[test]
    fn headings() {
        assert!(looks_like_heading_line("Key Outcomes of the Visit:"));
        assert!(looks_like_heading_line("What Has Changed on the River"));
        assert!(looks_like_heading_line("RECOMMENDATIONS"));
        assert!(!looks_like_heading_line("The visit was short."));
        assert!(!looks_like_heading_line(
            "and continues the sentence from before"
        ));
        assert_eq!(
            numbered_heading("2.1 Study Sites"),
            Some(("2.1".into(), "Study Sites".into()))
        );
        assert_eq!(
            numbered_heading("1. Renewed Bilateral Agreements:"),
            Some(("1".into(), "Renewed Bilateral Agreements:".into()))
        );
        assert_eq!(
            numbered_heading("2. Protect the flood pulse through coordinated releases."),
            None
        );
        assert_eq!(
            run_in_heading("Conclusion: The visit mattered more than most expected."),
            Some(("Conclusion".into(), 12))
        );
        assert_eq!(
            run_in_heading("Background: A River Managed in Pieces"),
            None
        );
        assert_eq!(
            run_in_heading(&format!("{}The rest", bold("Conclusion:"))),
            None
        );
        assert_eq!(run_in_heading("New Treaty: The latest"), None);
        assert!(is_notes_heading("Endnotes"));
    }

    #[test]
    fn term_lead_ins() {
        assert!(term_lead_in("Salinity Intrusion: In the dry season"));
        assert!(term_lead_in("Shaded rest areas and water: Providing shade"));
        assert!(term_lead_in("Conflict: “Attacks on shipping”"));
        // A sentence with a colon in it, a lead-in too long, a lower-case rest.
        assert!(!term_lead_in("He said that. Then: We left"));
        assert!(!term_lead_in(
            "The three main reasons that the committee gave were these: First"
        ));
        assert!(!term_lead_in("Prices rose: the poorest paid most"));
        assert!(!term_lead_in("Coastal provinces were hit hardest."));
        assert!(!term_lead_in("see: Below"));
    }
}
