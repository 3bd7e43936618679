//! Raised note numbers that character recognition read as punctuation.
//!
//! Tesseract flattens a small raised digit after a sentence into whatever glyph it
//! resembles: `depended.’`, `uses.”`, `depended.!`, `state.?`, `years.*`, `deficit.°`,
//! `decade.®`, `storage.'°`. Such a glyph tells neither the number nor, alone, that it is
//! a marker; it only says where one may have stood. The linker uses these places for notes
//! whose marker it could not find, so the note sequence decides, and the glyph is replaced
//! by the reference (and reported) only there. A quotation mark that closes a quotation
//! opened earlier in the paragraph is the author's and is never taken.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::rich;

/// A word or figure, the punctuation ending its sentence or clause, then one or two glyphs
/// that a raised digit is misread as, then a space or the end.
static MISREAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[\p{L}\p{N})\]]([.,;:!?])(["”’'‘*!?°®©¢º]{1,2})(?:\s|$)"#).expect("valid regex")
});
/// The glyphs of the pattern's second group.
const MISREAD_GLYPHS: &str = "\"”’'‘*!?°®©¢º";

/// A glyph after punctuation that may be a misread raised marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Misread {
    /// The punctuation before the glyph.
    pub punct: Range<usize>,
    /// The glyph (one or two characters), to be replaced by the reference.
    pub glyph: Range<usize>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '‘')
}

/// Whether the single quote at `i` closes a quotation: one between letters or figures is
/// an apostrophe ("river’s"), not a close.
pub fn closes_single_quote(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '’' | '\'')
        && !(i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
}

/// Whether a quotation is open at the end of `before` (the paragraph up to the glyph): a
/// curly or straight double quote, or a single opening quote, still unclosed.
fn quotation_open(before: &str) -> bool {
    let count = |c: char| before.chars().filter(|&x| x == c).count();
    let singles_open = count('‘');
    let chars: Vec<char> = before.chars().collect();
    let singles_closed = (0..chars.len())
        .filter(|&i| chars[i] == '’' && closes_single_quote(&chars, i))
        .count();
    count('“') > count('”') || count('"') % 2 == 1 || singles_open > singles_closed
}

/// The places in `text` (a paragraph or list item, with rich-text sentinels) where a
/// glyph after punctuation may be a misread raised note number.
pub fn find(text: &str) -> Vec<Misread> {
    let mut out = Vec::new();
    // Every match has a punctuation mark directly before one of the glyphs. Most texts have
    // none, and then the pattern (among the costliest to compile: ~2 ms, more than many a
    // short document's whole conversion) need not be built.
    let punct_then_glyph = text
        .chars()
        .zip(text.chars().skip(1))
        .any(|(p, g)| matches!(p, '.' | ',' | ';' | ':' | '!' | '?') && MISREAD_GLYPHS.contains(g));
    if !punct_then_glyph {
        return out;
    }
    for c in MISREAD.captures_iter(text) {
        let (Some(punct), Some(glyph)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let glyph_text = glyph.as_str();
        let after = rich::plain(&text[glyph.end()..]);
        let next = after.trim_start().chars().next();
        // After a full stop a new sentence follows (or nothing); after a comma, semicolon
        // or colon the clause goes on in lower case.
        let next_ok = match punct.as_str() {
            "." | "!" | "?" => next.is_none_or(|ch| {
                ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '“' | '"' | '‘' | '(')
            }),
            _ => next.is_none_or(|ch| ch.is_lowercase()),
        };
        if !next_ok {
            continue;
        }
        let has_quote = glyph_text.chars().any(is_quote);
        if has_quote {
            // Only after a sentence end, and only where no quotation is open.
            if !matches!(punct.as_str(), "." | "!" | "?")
                || quotation_open(&rich::plain(&text[..punct.start()]))
            {
                continue;
            }
        }
        out.push(Misread {
            punct: punct.range(),
            glyph: glyph.range(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|m| &text[m.glyph]).collect()
    }

    #[test]
    fn glyphs_after_a_sentence_end_are_candidates() {
        assert_eq!(
            glyphs("downstream have always depended.’ This brief examines"),
            vec!["’"]
        );
        assert_eq!(glyphs("on major water uses.” China and Myanmar"), vec!["”"]);
        assert_eq!(glyphs("always depended.! This brief"), vec!["!"]);
        assert_eq!(glyphs("starts weeks late in dry years.*"), vec!["*"]);
        assert_eq!(glyphs("reservoir storage.'° Such tools"), vec!["'°"]);
    }

    #[test]
    fn a_closing_quote_of_an_open_quotation_is_the_authors() {
        assert!(glyphs("As one put it, “knowing the level is not the plan.” Then").is_empty());
        assert!(glyphs("He said \"no more dams.\" Then they left").is_empty());
        assert!(glyphs("the phrase ‘adapt or die.’ Then").is_empty());
        // An apostrophe in a word closes no quotation.
        assert_eq!(glyphs("the river’s level fell.’ Then"), vec!["’"]);
    }

    #[test]
    fn text_that_goes_on_is_no_candidate() {
        // A quote after a comma, a glyph before lower case after a full stop.
        assert!(glyphs("the so-called reforms,” and more").is_empty());
        assert!(glyphs("in 2020.* and then").is_empty());
        assert!(glyphs("a plain sentence. Another one.").is_empty());
    }
}
