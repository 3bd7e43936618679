//! Pieces for patterns built with `regex-lite` rather than `regex`.
//!
//! A `regex` pattern costs 0.1–3 ms to build (Unicode tables, UTF-8 automata, a lazy DFA),
//! once per process; the patterns nearly every conversion reaches cost a one-page PDF a
//! quarter of its work that way. `regex-lite` builds the same pattern in a tenth of that
//! and still matches in linear time, but its `\s`, `\S`, `\w`, `\d`, `\b` and `(?i)` are
//! ASCII only. A pattern moved to it therefore writes white space with the classes below
//! (Unicode `White_Space`, exactly what `regex`'s `\s` matches), avoids the others, and is
//! tested against its `regex` original (`same_matches` in the test helpers).

/// The characters of Unicode `White_Space` (`regex`'s `\s`), for use inside a class:
/// `concat!("[^", space_chars!(), "*]")`.
macro_rules! space_chars {
    () => {
        r"\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"
    };
}

/// `regex`'s `\s` for a `regex-lite` pattern: one character of Unicode `White_Space`.
macro_rules! space {
    () => {
        concat!("[", $crate::patterns::space_chars!(), "]")
    };
}

/// `regex`'s `\S` for a `regex-lite` pattern: one character outside Unicode `White_Space`.
macro_rules! non_space {
    () => {
        concat!("[^", $crate::patterns::space_chars!(), "]")
    };
}

pub(crate) use {non_space, space, space_chars};

/// A `regex` pattern rewritten for `regex-lite`: each `\s` and `\S` spelled out as the
/// classes above (inside a class, `\s` as its characters). For patterns whose only
/// Unicode-dependent parts are these (no `\w`, `\d`, `\b`, `\p`, `(?i)` or `(?x)`); the
/// caller's test compares the two forms. A `\S` inside a class has no spelling here.
pub(crate) fn spelled_out(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') if in_class => out.push_str(space_chars!()),
                Some('s') => out.push_str(space!()),
                Some('S') => {
                    assert!(!in_class, "no spelling for \\S in a class: {pattern}");
                    out.push_str(non_space!());
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` opening a class is a literal.
                for lead in ['^', ']'] {
                    if chars.as_str().starts_with(lead) {
                        out.push(lead);
                        chars.next();
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A Unicode property class (`\p{L}`, `\p{Lu}`) as sorted character ranges, for
/// patterns decided by hand: the same table `regex` compiles, read from `regex-syntax`
/// (which `regex` builds on) without building an automaton. Built on first use.
pub(crate) struct UnicodeClass {
    property: &'static str,
    ranges: std::sync::OnceLock<Vec<(char, char)>>,
}

impl UnicodeClass {
    /// The class `\p{property}`.
    pub(crate) const fn new(property: &'static str) -> Self {
        UnicodeClass {
            property,
            ranges: std::sync::OnceLock::new(),
        }
    }

    /// Whether `c` is in the class.
    pub(crate) fn contains(&self, c: char) -> bool {
        let ranges = self.ranges.get_or_init(|| {
            let hir = regex_syntax::parse(&format!(r"\p{{{}}}", self.property))
                .expect("a known Unicode property");
            match hir.kind() {
                regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
                    class
                        .ranges()
                        .iter()
                        .map(|r| (r.start(), r.end()))
                        .collect()
                }
                _ => unreachable!("a property parses as a class"),
            }
        });
        ranges
            .binary_search_by(|&(start, end)| {
                if end < c {
                    std::cmp::Ordering::Less
                } else if start > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

/// The signs of the Symbol and Wingdings charts that serve as bullets beyond the common
/// ones, as the PDF reader gives them for those fonts' codes (shadowed and white boxes,
/// lozenges, heavy arrows, ballot marks, stars).
pub(crate) const SYMBOL_BULLETS: [char; 18] = [
    '❑', '❒', '◻', '☑', '☒', '⬧', '⧫', '⬥', '♦', '➔', '⇨', '➲', '✗', '❍', '◉', '◎', '✦', '★',
];

/// A glyph printed as a list item's bullet: a dot, box, arrow, check, diamond, dash or
/// asterisk, a symbol font's sign ([`SYMBOL_BULLETS`]), or a private-use glyph (a symbol
/// font's bullet mapped nowhere).
pub(crate) fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '∙'
            | '·'
            | '◦'
            | '○'
            | '▪'
            | '■'
            | '□'
            | '▫'
            | '‣'
            | '⁃'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '❖'
            | '◆'
            | '◇'
            | '-'
            | '–'
            | '—'
            | '*'
    ) || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || SYMBOL_BULLETS.contains(&c)
}

/// `\p{L}`: a letter of any script.
pub(crate) fn is_letter(c: char) -> bool {
    static LETTER: UnicodeClass = UnicodeClass::new("L");
    // Every letter is Alphabetic, and every upper-case letter Uppercase (std's tables):
    // asked first, they spare a text in other scripts building the class.
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() && LETTER.contains(c)
    }
}

/// `\p{Lu}`: an upper-case letter of any script.
pub(crate) fn is_upper_letter(c: char) -> bool {
    static UPPER: UnicodeClass = UnicodeClass::new("Lu");
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase() && UPPER.contains(c)
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    /// The spelled-out classes are `regex`'s, checked on every character there is.
    #[test]
    fn the_space_classes_are_regex_s() {
        let (space, non_space) = (Regex::new(r"^\s$").unwrap(), Regex::new(r"^\S$").unwrap());
        let lite_space = regex_lite::Regex::new(concat!("^", space!(), "$")).unwrap();
        let lite_non_space = regex_lite::Regex::new(concat!("^", non_space!(), "$")).unwrap();
        let mut spaces = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let t = c.to_string();
            assert_eq!(lite_space.is_match(&t), space.is_match(&t), "{c:?}");
            assert_eq!(lite_non_space.is_match(&t), non_space.is_match(&t), "{c:?}");
            spaces += usize::from(space.is_match(&t));
        }
        assert_eq!(spaces, 25);
    }

    /// The letter classes are `regex`'s `\p{L}` and `\p{Lu}`, on every character there is.
    #[test]
    fn the_letter_classes_are_regex_s() {
        let (letter, upper) = (
            Regex::new(r"^\p{L}$").unwrap(),
            Regex::new(r"^\p{Lu}$").unwrap(),
        );
        let mut uppers = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let t = c.to_string();
            assert_eq!(super::is_letter(c), letter.is_match(&t), "{c:?}");
            assert_eq!(super::is_upper_letter(c), upper.is_match(&t), "{c:?}");
            uppers += usize::from(upper.is_match(&t));
        }
        assert!(uppers > 1000, "{uppers}");
    }
}
