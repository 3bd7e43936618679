//! Lines that hold a label and nothing else: a list item's ("a.", "150.", "(iv)") or a
//! section's number ("5.1"). Extractors that print each text block apart (mutool) set a
//! label on a line of its own, its text on the next; such a line repeats and stands
//! between blank lines as furniture does, yet it is text.

/// Whether a line holds a list's label and nothing else ("a.", "150.", "iv)", "(b)"): an
/// extractor that sets each text block apart (mutool) prints an exercise's or a clause's
/// label on a line of its own. Labels repeat ("a." under every exercise) and stand
/// between blank lines, as a running header does, but they are text: never furniture.
pub fn is_list_label(t: &str) -> bool {
    let t = t.trim();
    let inner = match t.strip_prefix('(') {
        Some(rest) => rest.strip_suffix(')'),
        None => t.strip_suffix(['.', ')']),
    };
    inner.is_some_and(|n| {
        (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
            || n.chars().count() == 1 && n.chars().all(char::is_alphabetic)
            || (1..=6).contains(&n.len()) && n.chars().all(|c| "ivxlcdm".contains(c))
    })
}

/// Whether a line holds a section's number and nothing else: two to four parts of one or
/// two digits ("5.1", "3.2.1", "2.4."), the first not zero. A decimal figure of a table
/// ("0.88", "2.735") is not one by its shape alone; [`heads_section`] asks the line under it.
pub fn is_section_number(t: &str) -> bool {
    let t = t.trim();
    let t = t.strip_suffix('.').unwrap_or(t);
    let parts: Vec<&str> = t.split('.').collect();
    (2..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && !parts[0].starts_with('0')
}

/// Whether `next`, the line under a lone section number, reads as that section's title:
/// it opens with a letter (a capital where the script has case), holds at most twelve
/// words and ends no sentence.
pub fn heads_section(next: &str) -> bool {
    let t = next.trim();
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        && crate::words::words(t) <= 12
        && !t.ends_with(['.', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_alone_on_a_line() {
        for t in ["a.", "150.", "iv)", "(b)", "B)", "(12)"] {
            assert!(is_list_label(t), "{t}");
        }
        for t in ["Table", "ab.", "12345.", "1.2", "(a", "HTML", "2"] {
            assert!(!is_list_label(t), "{t}");
        }
    }

    #[test]
    fn section_numbers_alone_on_a_line() {
        for t in ["5.1", "3.2.1", "2.4.", "12.10"] {
            assert!(is_section_number(t), "{t}");
        }
        for t in ["0.88", "2.735", "5", "5.", "1.2.3.4.5", "v1.2", "2.73x"] {
            assert!(!is_section_number(t), "{t}");
        }
        assert!(heads_section("Hyper Parameter Optimization"));
        assert!(heads_section("들어가며"));
        assert!(!heads_section("0.965"));
        assert!(!heads_section("continued from the page before."));
    }
}
