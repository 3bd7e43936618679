//! Lead-ins: "Economic Viability: Despite…" opens its paragraph with the lead-in in bold.

use std::sync::LazyLock;

use regex::Regex;

use crate::line_kinds::title_like;
use crate::rich::{BOLD_OFF, BOLD_ON};
use crate::words::words;

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-ZÀ-ÖØ-Þ][^:!?\u{10FFF0}-\u{10FFF9}]*?):[ \t]+(\S)").expect("valid regex")
});

/// What every match of [`LEAD_IN`] holds: a capital first (A–Z, À–Ö, Ø–Þ) and a colon
/// followed by a space or tab. A paragraph without both has no lead-in, and the pattern
/// (compiled for every document before) need not be built for it.
fn may_open_with_lead_in(text: &str) -> bool {
    text.starts_with(|c: char| matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ'))
        && (text.contains(": ") || text.contains(":\t"))
}

/// A paragraph's text with its lead-in in bold ([`bold_lead_in`]) when the source does
/// not say how it was set (plain text, `size` unknown). A PDF's text carries its own bold:
/// a lead-in printed in roman stays in roman.
pub(super) fn lead_in_for(text: &str, size: Option<f32>) -> String {
    match size {
        Some(_) => text.to_string(),
        None => bold_lead_in(text),
    }
}

/// "Economic Viability: Despite…" → the lead-in in bold (left alone if already bold).
pub fn bold_lead_in(text: &str) -> String {
    if text.starts_with(BOLD_ON) {
        return text.to_string();
    }
    if !may_open_with_lead_in(text) {
        return text.to_string();
    }
    let Some(c) = LEAD_IN.captures(text) else {
        return text.to_string();
    };
    let lead = &c[1];
    let n = words(lead);
    if lead.chars().count() > 61 {
        return text.to_string();
    }
    // A full stop inside the lead is only allowed in abbreviations ("U.S. Response").
    let parts: Vec<&str> = lead.split(". ").collect();
    let sentence_inside = parts[..parts.len() - 1].iter().any(|part| {
        part.rsplit([' ', '.'])
            .next()
            .is_some_and(|w| w.chars().count() > 1)
    });
    if sentence_inside || lead.ends_with('.') && !lead.ends_with("U.S.") {
        return text.to_string();
    }
    let rest_upper = c[2].starts_with(|ch: char| ch.is_uppercase() || ch == '"' || ch == '“');
    if n == 0
        || n > 6
        || !(title_like(lead) || n <= 2 || (n <= 4 && rest_upper))
        || lead.contains("http")
    {
        return text.to_string();
    }
    let rest_at = c.get(2).map_or(text.len(), |m| m.start());
    format!("{BOLD_ON}{lead}:{BOLD_OFF} {}", &text[rest_at..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, filled, phrases};

    #[test]
    fn lead_in_test_never_turns_away_a_lead_in() {
        let mut texts = phrases(
            &[
                "Economic",
                "Viability",
                "É",
                "Ø",
                "Þ",
                "ß",
                "a",
                " ",
                "\t",
                ":",
                ": ",
                ":\t",
                "\u{a0}",
                "!",
                "?",
                ".",
                "U.S.",
                "Despite",
                "x",
                "\u{10FFF0}",
                "\n",
                "“",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", " ", "\u{10FFF0}"],
            &["Economic", "Émigré", "Øre", "Þorn", "ZZ", "a", "1"],
            &["", " Viability", " U.S. Response", "?"],
            &[":", ": ", ":\t", ":\u{a0}", " : "],
            &["", "Despite", " Despite", "  x"],
        ]));
        let matched = assert_necessary(&LEAD_IN, may_open_with_lead_in, &texts);
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn lead_ins() {
        assert_eq!(
            bold_lead_in("New Treaty: The latest agreement"),
            format!("{BOLD_ON}New Treaty:{BOLD_OFF} The latest agreement")
        );
        let already = format!("{BOLD_ON}Economic Viability:{BOLD_OFF} Despite");
        assert_eq!(bold_lead_in(&already), already);
        assert_eq!(
            bold_lead_in("In a letter published: the day"),
            "In a letter published: the day"
        );
        assert_eq!(
            bold_lead_in("U.S. Response: The United"),
            format!("{BOLD_ON}U.S. Response:{BOLD_OFF} The United")
        );
        assert_eq!(
            bold_lead_in("As the minister said in a long speech to parliament: we"),
            "As the minister said in a long speech to parliament: we"
        );
    }
}
