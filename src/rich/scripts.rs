//! Raised and lowered runs in plain text: left out (a marker's digits out of a word), or
//! kept in their Unicode forms where the text can hold no markup.

use super::*;

/// The text without style and without raised or lowered runs (footnote marker candidates).
pub fn plain_without_scripts(s: &str) -> String {
    plain_without_scripts_cow(s).into_owned()
}

/// [`plain_without_scripts`], borrowing `s` when it holds no sentinel.
pub fn plain_without_scripts_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_sentinel(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for_each_piece(s, |piece| match piece {
        Piece::Text(t) => {
            if depth == 0 {
                out.push_str(t);
            }
        }
        Piece::Char(SUP_ON | SUB_ON | REF_ON) => depth += 1,
        Piece::Char(SUP_OFF | SUB_OFF | REF_OFF) => depth = depth.saturating_sub(1),
        Piece::Char(c) if is_sentinel(c) => {}
        Piece::Char(c) => {
            if depth == 0 {
                out.push(c);
            }
        }
    });
    std::borrow::Cow::Owned(out)
}

/// [`plain`], with each raised or lowered run of digits (and `+ - = ( )`) written in the
/// Unicode superscript or subscript forms: for text that can hold no markup (a code
/// listing), where "m²" must not read "m2". A run holding any other character is
/// written plain.
pub fn plain_scripted(s: &str) -> String {
    if !s.contains([SUP_ON, SUB_ON]) {
        return plain(s);
    }
    const SUPS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾";
    const SUBS: &str = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";
    let form = |c: char, table: &str| {
        "0123456789+-=()"
            .chars()
            .position(|d| d == c)
            .and_then(|k| table.chars().nth(k))
    };
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let mut open: Option<&str> = None;
    let flush = |run: &mut String, table: &str, out: &mut String| {
        match run
            .chars()
            .map(|c| form(c, table))
            .collect::<Option<String>>()
        {
            Some(scripted) => out.push_str(&scripted),
            None => out.push_str(run),
        }
        run.clear();
    };
    // The pieces `plain` keeps, with the raised and lowered runs' bounds read on the way.
    let mut in_ref = false;
    for_each_piece(s, |piece| match piece {
        Piece::Char(REF_ON) => in_ref = true,
        Piece::Char(REF_OFF) => in_ref = false,
        _ if in_ref => {}
        Piece::Char(SUP_ON) => open = Some(SUPS),
        Piece::Char(SUB_ON) => open = Some(SUBS),
        Piece::Char(SUP_OFF | SUB_OFF) => {
            if let Some(table) = open.take() {
                flush(&mut run, table, &mut out);
            }
        }
        Piece::Char(c) if is_sentinel(c) => {}
        Piece::Char(c) if open.is_some() => run.push(c),
        Piece::Char(c) => out.push(c),
        Piece::Text(t) if open.is_some() => run.push_str(t),
        Piece::Text(t) => out.push_str(t),
    });
    if let Some(table) = open {
        flush(&mut run, table, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text that holds no markup keeps raised and lowered digits in their Unicode forms
    /// ("m²", "H₂O"); a run of letters is written plain, and a note reference is left
    /// out as `plain` leaves it out.
    #[test]
    fn plain_scripted_keeps_the_forms_of_raised_and_lowered_digits() {
        let s = format!(
            "m{SUP_ON}2{SUP_OFF} and H{SUB_ON}2{SUB_OFF}O, x{SUP_ON}(n+1){SUP_OFF}, 1{SUP_ON}st{SUP_OFF}{REF_ON}3{REF_OFF}"
        );
        assert_eq!(plain_scripted(&s), "m² and H₂O, x(n+1), 1st");
        assert_eq!(plain(&s), "m2 and H2O, x(n+1), 1st");
        assert_eq!(plain_scripted("no runs"), "no runs");
    }
}
