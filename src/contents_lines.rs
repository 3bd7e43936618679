//! Lines of a table of contents: an entry, a dot leader, its page number. They list the
//! document's headings and are none themselves; the title block does not look past them
//! for a title.

/// Whether a line has a dot leader, as a table of contents sets one between an entry and
/// its page number ("Travel ....... 4", "ARTS & LEISURE. . ."): four dots or more in a run
/// (spaces between them aside), or three set apart. An ellipsis of three dots in a title
/// ("Wait for it... The Long Pause") is no leader.
pub fn has_dot_leader(t: &str) -> bool {
    let mut run = 0;
    for c in t.chars() {
        match c {
            '.' => {
                run += 1;
                if run == 4 {
                    return true;
                }
            }
            ' ' => {}
            _ => run = 0,
        }
    }
    t.contains(". . .")
}

/// Whether a line is an entry of a table of contents: a dot leader, then nothing but a
/// page number (arabic or roman) or nothing at all ("1 Introduction ........ 3",
/// "Foreword . . . . . ix"). Such a line lists a heading; it is none itself.
pub fn is_contents_entry(t: &str) -> bool {
    // Every leader holds two dots in a row or a dot, a space and a dot: most lines are
    // settled by one search.
    if !t.contains("..") && !t.contains(". .") {
        return false;
    }
    let t = t.trim_end();
    let roman = |b: u8| b"ivxlcdm".contains(&b);
    let end = t.trim_end_matches(|c: char| c.is_ascii_digit() || (c.is_ascii() && roman(c as u8)));
    let number = &t[end.len()..];
    let number_ok = number.bytes().all(|b| b.is_ascii_digit()) || number.bytes().all(roman);
    let before = end.trim_end();
    number_ok
        && (before.ends_with('.') || before.ends_with('…'))
        && has_dot_leader(
            before
                .get(before.len().saturating_sub(16)..)
                .unwrap_or(before),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_entries_end_on_a_dot_leader_and_a_page_number() {
        for t in [
            "1 Introduction ........ 3",
            "2.1 Earlier Work . . . . . . 16",
            "Foreword ..... ix",
            "ARTS & LEISURE. . .",
            "References .......... 112",
        ] {
            assert!(is_contents_entry(t), "{t}");
        }
        for t in [
            "Wait for it... The Long Pause",
            "1 Introduction",
            "Growth slowed.... 3 regions recovered",
            "The rate was 3.5",
            "So .... what now",
        ] {
            assert!(!is_contents_entry(t), "{t}");
        }
    }
}
