//! Character-level repairs: HTML entities, ligatures, soft hyphens, invisible characters,
//! non-breaking spaces and stray spaces before commas, full stops and closing parentheses.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// Named entities seen in extracted text (the rest of HTML's list does not occur in
/// practice; numeric references cover any character).
const ENTITIES: &[(&str, &str)] = &[
    ("quot", "\""),
    ("amp", "&"),
    ("apos", "'"),
    ("lt", "<"),
    ("gt", ">"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("hellip", "…"),
    ("shy", "\u{AD}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("bull", "•"),
    ("middot", "·"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("uuml", "ü"),
    ("ouml", "ö"),
    ("auml", "ä"),
];

const LIGATURES: &[(char, &str)] = &[
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "st"),
    ('\u{FB06}', "st"),
];

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").expect("valid regex")
});

/// A space before a comma or closing parenthesis is extraction debris. A space before a
/// colon, semicolon, question or exclamation mark is not: French typography prints one
/// ("Membres :", "année : 2019"), as do notations ("f : X → Y", "(0 : 1 : 1)") and older
/// books, so it is kept as printed.
static SPACE_BEFORE_PUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ0-9”’\)]) +([,\)])( |$)").expect("valid regex")
});
static SPACE_BEFORE_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]{2,}) +\.( |$)").expect("valid regex"));

/// Decodes HTML character references (`&quot;`, `&#8217;`, `&#x2019;`).
pub fn decode_entities(s: &str) -> String {
    // Every reference opens with `&`; few texts hold one, and then the pattern need not be
    // built (it was compiled in the background for every document).
    if !s.contains('&') {
        return s.to_string();
    }
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let body = &c[1];
            let decoded = if let Some(hex) = body.strip_prefix("#x").or(body.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse::<u32>()
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else {
                ENTITIES
                    .iter()
                    .find(|(name, _)| *name == body)
                    .map(|(_, v)| v.to_string())
            };
            decoded
                .filter(|d| !d.chars().any(|ch| ch.is_control() && ch != '\t'))
                .unwrap_or_else(|| c[0].to_string())
        })
        .into_owned()
}

/// Repairs one line's characters; returns the new text.
pub fn repair(s: &str) -> String {
    let mut out = decode_entities(s);
    if out.chars().any(|c| LIGATURES.iter().any(|(l, _)| *l == c)) {
        let mut t = String::with_capacity(out.len() + 4);
        for c in out.chars() {
            match LIGATURES.iter().find(|(l, _)| *l == c) {
                Some((_, r)) => t.push_str(r),
                None => t.push(c),
            }
        }
        out = t;
    }
    // Soft hyphens inside a line are invisible; one at the end marks a hyphenation point
    // and is kept for the paragraph joiner.
    // (Most lines hold none of these characters: then there is nothing to rewrite.)
    let invisible = |c: char| {
        matches!(
            c,
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
    };
    let odd_space = |c: char| matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}');
    if out.contains(|c| invisible(c) || odd_space(c)) {
        let ends_soft = out.ends_with('\u{AD}');
        let mut t = String::with_capacity(out.len());
        t.extend(
            out.chars()
                .filter(|&c| !invisible(c))
                .map(|c| if odd_space(c) { ' ' } else { c }),
        );
        if ends_soft {
            t.push('\u{AD}');
        }
        out = t;
    }
    if out.contains(" ,") || out.contains(" )") || out.contains(" .") {
        out = SPACE_BEFORE_PUNCT.replace_all(&out, "$1$2$3").into_owned();
        out = SPACE_BEFORE_PERIOD.replace_all(&out, "$1.$2").into_owned();
    }
    out
}

/// Whether [`repair`] could change `s`: it holds a `&` (an entity), a space before
/// punctuation, or the first byte of a character the repairs rewrite (every ligature,
/// invisible character and odd space begins with 0xC2, 0xE2 or 0xEF in UTF-8). Most lines
/// hold none, and are then left as they are without being copied.
fn may_need_repair(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'&' | 0xC2 | 0xE2 | 0xEF => true,
        b' ' => matches!(b.get(i + 1), Some(b',' | b')' | b'.')),
        _ => false,
    })
}

/// Runs [`repair`] on every line, recording changed lines.
pub fn repair_lines(lines: &mut [TextLine], report: &mut Report) {
    for line in lines.iter_mut() {
        if !may_need_repair(&line.text) {
            continue;
        }
        let fixed = repair(&line.text);
        if fixed != line.text {
            report.push(
                Action::new(ActionKind::CharactersRepaired)
                    .page(line.page)
                    .lines([line.source_line])
                    .before(crate::rich::plain(&line.text))
                    .after(crate::rich::plain(&fixed))
                    .evidence("entities, ligatures, invisible characters or spacing"),
            );
            line.text = fixed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode_but_unknown_ones_stay() {
        assert_eq!(
            decode_entities("&quot;A&amp;B&quot; &#8217;s &#x2014; &bogus; &#0;"),
            "\"A&B\" ’s — &bogus; &#0;"
        );
        assert_eq!(decode_entities("AT&T and R&D;"), "AT&T and R&D;");
    }

    /// The pre-check may let through lines that `repair` leaves alone, never the reverse:
    /// every character the repairs rewrite, each entity and each space before punctuation,
    /// alone and inside a word.
    #[test]
    fn lines_skipped_by_the_pre_check_are_ones_repair_leaves_alone() {
        let mut cases: Vec<String> = vec![
            "plain ASCII line, nothing to do.".into(),
            "curly “quotes” and – dashes".into(),
            "word , next".into(),
            "a &amp; b".into(),
            "end .".into(),
        ];
        for c in [
            '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ]
        .into_iter()
        .chain(['\u{A0}', '\u{2007}', '\u{202F}'])
        .chain(LIGATURES.iter().map(|&(l, _)| l))
        {
            cases.push(format!("in{c}side"));
            cases.push(c.to_string());
        }
        for p in [",", ";", ":", ")", ".", "?", "!"] {
            cases.push(format!("word {p} more"));
        }
        for name in ENTITIES.iter().map(|(n, _)| *n) {
            cases.push(format!("x &{name}; y"));
        }
        for case in &cases {
            if repair(case) != *case {
                assert!(may_need_repair(case), "{case:?} needs repair");
            }
        }
        assert!(!may_need_repair("plain ASCII line, nothing to do."));
    }

    #[test]
    fn ligatures_invisibles_and_spacing() {
        assert_eq!(repair("ﬁnal ﬂow eﬀect"), "final flow effect");
        assert_eq!(
            repair("co\u{AD}operate\u{200B}d a\u{A0}b"),
            "cooperated a b"
        );
        assert_eq!(repair("inter\u{AD}"), "inter\u{AD}");
        assert_eq!(
            repair("word , next (note ) end ."),
            "word, next (note) end."
        );
        // A space before high punctuation is printed (French typography, notations).
        for printed in [
            "Membres : Jean",
            "année : 2019",
            "f : X",
            "lime ; from",
            "Quoi ?",
        ] {
            assert_eq!(repair(printed), printed);
        }
        // Ellipses, decimals, numbered items and URLs are left alone.
        assert_eq!(repair("wait ... 3 .5 per cent"), "wait ... 3 .5 per cent");
    }
}
