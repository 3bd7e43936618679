//! Note label families: the ways authors number notes besides arabic figures — lower and
//! upper roman (`i`, `ii`, `IV`), letters (`a`, `b`, common under tables) and the
//! traditional symbol sequence (`*`, `†`, `‡`, `§`, `¶`, `‖`, then doubled: `**`, `††`…).
//!
//! A label is read into its family and its place in that family's sequence (its
//! ordinal), so notes of any family are matched to their markers by the same sequence
//! reasoning as numbers. The label as printed is kept beside the ordinal.

/// The family of a note label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// 1, 2, 3…
    Arabic,
    /// i, ii, iii…
    RomanLower,
    /// I, II, III…
    RomanUpper,
    /// a, b, c…
    Letter,
    /// *, †, ‡, §, ¶, ‖, then each doubled, tripled…
    Symbol,
}

/// The symbol sequence, in the order most style guides give it.
pub const SYMBOLS: [char; 6] = ['*', '†', '‡', '§', '¶', '‖'];

/// The ordinal of a symbol label: `*` is 1, `‖` is 6, `**` is 7, `††` is 8.
pub fn symbol_ordinal(label: &str) -> Option<u32> {
    let mut chars = label.chars();
    let first = chars.next()?;
    let index = SYMBOLS.iter().position(|&s| s == first)? as u32;
    let count = 1 + chars.clone().count() as u32;
    (chars.all(|c| c == first) && count <= 3).then_some((count - 1) * 6 + index + 1)
}

/// The value of a roman numeral written in canonical form (`iv`, not `iiii`), up to 399;
/// `None` for anything else. Case must be uniform.
pub fn roman_value(label: &str) -> Option<u32> {
    if label.is_empty() || label.len() > 9 {
        return None;
    }
    let lower = label.to_ascii_lowercase();
    if label != lower && label != label.to_ascii_uppercase() {
        return None;
    }
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = lower.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok()?;
    (total > 0 && total < 400 && roman(total) == lower).then_some(total)
}

/// A number in lower-case roman numerals (1 to 399).
pub fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// How a label reads in each family it could belong to, the likelier first: `i` is roman
/// one or the ninth letter, `c` the third letter (roman 100 is far-fetched for a note).
pub fn readings(label: &str) -> Vec<(Family, u32)> {
    let label = label.trim();
    let mut out = Vec::new();
    if !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()) && label.len() <= 3 {
        if let Ok(n) = label.parse::<u32>()
            && n > 0
        {
            out.push((Family::Arabic, n));
        }
        return out;
    }
    if let Some(k) = symbol_ordinal(label) {
        out.push((Family::Symbol, k));
        return out;
    }
    if let Some(v) = roman_value(label)
        && v <= 60
        && (label.len() > 1 || matches!(label, "i" | "v" | "x" | "I" | "V" | "X"))
    {
        let family = if label.starts_with(|c: char| c.is_ascii_lowercase()) {
            Family::RomanLower
        } else {
            Family::RomanUpper
        };
        out.push((family, v));
    }
    let mut chars = label.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_lowercase()
    {
        out.push((Family::Letter, c as u32 - 'a' as u32 + 1));
    }
    out
}

/// The ordinal a label has in `family`, if it belongs to it.
pub fn ordinal_in(label: &str, family: Family) -> Option<u32> {
    readings(label)
        .into_iter()
        .find(|&(f, _)| f == family)
        .map(|(_, n)| n)
}

/// The label a family prints for an ordinal.
pub fn printed(family: Family, n: u32) -> String {
    match family {
        Family::Arabic => n.to_string(),
        Family::RomanLower => roman(n),
        Family::RomanUpper => roman(n).to_ascii_uppercase(),
        Family::Letter => char::from_u32('a' as u32 + n.saturating_sub(1).min(25))
            .map_or_else(String::new, String::from),
        Family::Symbol => {
            let k = n.max(1) - 1;
            let symbol = SYMBOLS[(k % 6) as usize];
            std::iter::repeat_n(symbol, (k / 6 + 1) as usize).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_into_families() {
        assert_eq!(readings("12"), vec![(Family::Arabic, 12)]);
        assert_eq!(readings("†"), vec![(Family::Symbol, 2)]);
        assert_eq!(readings("**"), vec![(Family::Symbol, 7)]);
        assert_eq!(readings("††"), vec![(Family::Symbol, 8)]);
        assert_eq!(readings("iv"), vec![(Family::RomanLower, 4)]);
        assert_eq!(readings("XII"), vec![(Family::RomanUpper, 12)]);
        assert_eq!(
            readings("i"),
            vec![(Family::RomanLower, 1), (Family::Letter, 9)]
        );
        assert_eq!(readings("b"), vec![(Family::Letter, 2)]);
        assert_eq!(readings("c"), vec![(Family::Letter, 3)]);
        // Not canonical roman, nor one letter.
        assert!(readings("iiii").is_empty());
        assert!(readings("ab").is_empty());
        assert!(readings("*†").is_empty());
    }

    #[test]
    fn printed_labels_round_trip() {
        for family in [
            Family::Arabic,
            Family::RomanLower,
            Family::RomanUpper,
            Family::Letter,
            Family::Symbol,
        ] {
            for n in 1..=12 {
                let label = printed(family, n);
                assert_eq!(ordinal_in(&label, family), Some(n), "{family:?} {label}");
            }
        }
        assert_eq!(printed(Family::Symbol, 9), "‡‡");
        assert_eq!(printed(Family::RomanUpper, 14), "XIV");
    }
}
