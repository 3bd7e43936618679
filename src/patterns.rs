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
}
