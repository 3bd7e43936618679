//! Paragraphs cut by a page break, a running header or an inserted block: whether the text
//! after the break continues the sentence left open, and the join.

use crate::line_kinds::opens_caption;
use crate::rich;
use crate::structure::joins::{BoundDash, Lexicon};
use crate::words::ends_sentence;

/// Whether `next` continues the sentence that `prev` left open. `placed`: the text comes
/// from a PDF, whose markers are raised: there a figure after a decimal point ("fewer than
/// 1.4" / "degrees of separation") is the number's, not a marker after a full stop.
pub(super) fn continues(prev: &str, next: &str, wrapped: bool, placed: bool) -> bool {
    let p = rich::plain_without_scripts(prev);
    let p = p.trim_end();
    let n = rich::plain(next);
    let ended = ends_sentence(prev) && !(placed && ends_in_decimal(p) && opens_with_word(&n));
    if p.is_empty() || ended || p.ends_with(':') {
        return false;
    }
    // A caption ("Listing 1: …", a label standing alone: "Table 2.3", or one set in bold
    // before its title: "**Figure 1-1** Processor architecture") opens a block of its own
    // even after an open sentence: the paragraph before a figure or a listing may stop
    // mid-sentence on its own, and go on after it.
    if opens_caption(n.trim_start())
        || crate::caption_labels::lone_caption_label(n.trim()).is_some()
        || crate::caption_labels::bold_label(next).is_some()
    {
        return false;
    }
    let first = n.trim_start().chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    // A sentence cut after a comma, a hyphen or a function word continues whatever comes.
    let last_word = p.rsplit(' ').next().unwrap_or("").to_lowercase();
    let open_word = matches!(
        last_word.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "and"
            | "or"
            | "for"
            | "with"
            | "by"
            | "on"
            | "at"
            | "from"
            | "that"
            | "which"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "its"
            | "their"
            | "his"
            | "her"
    );
    (p.ends_with([',', '-', '–', '—']) || open_word)
        && (wrapped || first.is_alphanumeric() || first == '“' || first == '"')
}

/// Whether `text` ends in a decimal number ("1.4", "3.25") after a word of running text
/// ("fewer than 1.4"): figures, a point, figures, with a word of letters before them. A
/// value after a sign or a label ("p1 = 0.64935", "ePrint: 0807.3577") or alone on its
/// line (a table's cell) is no sentence's.
fn ends_in_decimal(text: &str) -> bool {
    let Some((before, number)) = text.rsplit_once(' ') else {
        return false;
    };
    let Some((whole, part)) = number.split_once('.') else {
        return false;
    };
    let figures = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let word = before.rsplit(' ').next().unwrap_or("");
    figures(whole)
        && figures(part)
        && word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
}

/// Whether `text` opens with a word of two letters or more in lower case ("degrees"), not
/// a variable ("s₂") or a figure.
fn opens_with_word(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    let word = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
    word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// Whether `prev`, cut in a full line by a page break, stops mid-sentence and `next`
/// goes on with it though it opens in capitals or figures ("Professor Paul" /
/// "Krugman, Nobel prize winner", "open-domain" / "QA datasets"): `prev` ends in a
/// word of two letters or more (not a formula's variable or figure) or a comma, and
/// `next` is running text of six words or more that opens with a capitalised word or
/// a figure in plain type: not a caption's label ("Table 1 Clinical features"), not a
/// bold label ("**Beweis:**", a table's head).
pub(super) fn cut_mid_sentence(prev: &str, next: &str) -> bool {
    let p = rich::plain_without_scripts(prev);
    let p = p.trim_end();
    let last_letters = p.chars().rev().take_while(|c| c.is_alphabetic()).count();
    if ends_sentence(prev) || !(p.ends_with(',') || last_letters >= 2) {
        return false;
    }
    if next.trim_start().starts_with(rich::is_sentinel) {
        return false;
    }
    let n = rich::plain(next);
    let n = n.trim_start();
    n.split_whitespace().count() >= 6
        && !crate::caption_labels::opens_with_label(n)
        && n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Appends `next` to `prev`, rejoining a word hyphenated across the break ("exam-" +
/// "ple": "example"; "long-" + "term": "long-term") or a dash binding words or figures
/// across it (kept, no space after it); returns that word, which changed words of the
/// text and so must be reported.
pub(super) fn append(prev: &mut String, next: &str, lex: &Lexicon) -> Option<BoundDash> {
    let p = crate::structure::joins::visible_tail(prev);
    let n = rich::plain_cow(next);
    let n = n.trim_start();
    let word = crate::structure::joins::rejoin(&p, n, lex, true).map(|(b, _)| b);
    match &word {
        // The hyphen is found behind style marks ("*exam-*" + "ple").
        Some(b) if b.dropped => crate::structure::joins::trim_end_hyphen(prev, true),
        Some(_) => {}
        None => prev.push(' '),
    }
    prev.push_str(next.trim_start());
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Across a page or column break a dash binds figures to figures and a word going on
    /// in lower case; before a capital the next block may be another text, so the space
    /// stays ("instruc-" beside a sidebar's "Internal").
    #[test]
    fn dashes_across_a_break() {
        let lex = Lexicon::default();
        let joined = |a: &str, b: &str| {
            let mut p = a.to_string();
            let word = append(&mut p, b, &lex);
            (p, word.map(|w| (w.dash, w.dropped)))
        };
        assert_eq!(
            joined("Docket FAA–2020–", "0686 is open"),
            (
                "Docket FAA–2020–0686 is open".to_string(),
                Some(('–', false))
            )
        );
        assert_eq!(joined("the 4-", "bromo compound").0, "the 4-bromo compound");
        assert_eq!(
            joined("and instruc-", "Internal Revenue"),
            ("and instruc- Internal Revenue".to_string(), None)
        );
        assert_eq!(
            joined("thence, Novem-", "1 thence").0,
            "thence, Novem- 1 thence"
        );
        // A name hyphenated across the page: both parts capitalised.
        assert_eq!(
            joined("takeoff from Soekarno-", "Hatta International").0,
            "takeoff from Soekarno-Hatta International"
        );
        // Words of other shapes are another text: a printer's slug, a headline.
        assert_eq!(
            joined("from Soekarno-", "VerDate Sep 2014").0,
            "from Soekarno- VerDate Sep 2014"
        );
        assert_eq!(joined("Ha-", "MEETINGS HELD").0, "Ha- MEETINGS HELD");
    }

    /// A hyphen the join reports dropped goes from the text even behind a style mark:
    /// it was reported dropped and kept ("HALA-W-" in italics before "expenses").
    #[test]
    fn a_dropped_hyphen_goes_behind_a_style_mark() {
        let lex = Lexicon::from_lines(&[crate::lines::TextLine::new("an example of it", 1, 9)]);
        let mut p = format!("see the {}exam-{}", rich::ITALIC_ON, rich::ITALIC_OFF);
        let word = append(&mut p, "ple below", &lex);
        assert!(word.is_some_and(|w| w.dropped));
        assert_eq!(rich::plain(&p), "see the example below");
    }

    #[test]
    fn continuation_rules() {
        assert!(continues(
            "Pyongyang is limited to",
            "importing 4 million barrels",
            false,
            false
        ));
        assert!(!continues("It ended.", "importing", false, false));
        assert!(!continues("three fronts:", "more", false, false));
        // A caption's label alone opens the table it heads; a sentence naming one goes on.
        let bold_label = format!("{}Table 2.3{}", rich::BOLD_ON, rich::BOLD_OFF);
        assert!(!continues(
            "with focus on nanotechnology and",
            &bold_label,
            false,
            false
        ));
        assert!(continues(
            "as shown in",
            "Table 2.3 for each region",
            false,
            false
        ));
        assert!(continues(
            "signed in Paris,",
            "Berlin and Rome",
            true,
            false
        ));
        assert!(!continues(
            "Lorem ipsum dolor sit amet,",
            "Listing 1: Simple JavaScript Program",
            false,
            false
        ));
        assert!(!continues(
            "A Heading Without End",
            "The next paragraph",
            false,
            false
        ));
        // A figure after a decimal point: a marker after a full stop in extracted text
        // ("in 1961.2"), the number's own in a PDF, whose markers are raised.
        let cut = "there are fewer than 1.4";
        assert!(!continues(cut, "degrees of separation", true, false));
        assert!(continues(cut, "degrees of separation", true, true));
        assert!(!continues("in 1961.", "degrees", true, true));
        assert!(!continues("the 2019 report.", "and so", true, true));
        assert!(!continues("p1 = 0.64935", "p2 = 0.5", true, true));
        assert!(!continues("ePrint: 0807.3577", "c 2008 IOP", true, true));
        assert!(!continues("30.50", "unq", true, true));
        assert!(!continues("Siehe Abbildung 5.3", "s₂ s₃ s₁", true, true));
    }
}
