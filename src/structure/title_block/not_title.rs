//! Lines of the title zone that can never be the title, whatever their type size: table
//! rows and form fields, numbered section headings, day or month names, labels and
//! numbers, lines ending on a dash, and lines of a table of contents.

use super::*;

/// Why zone line `i` cannot be the title, whatever its type: it shares its baseline with
/// a value to its right, so it is a table row or a form field ("GRAND TOTAL   5,738",
/// "1 of 1   15.9.2007 11:02"); it opens with a label in bold followed by its value in
/// other type ("**Report ID:** SPARSE-1234"); or it is a numbered section heading: one
/// whose numbering the document continues in the same type ("1 Data", then "2 Models"),
/// or one naming a section every paper has ("1 Introduction"); or it names only a day or
/// a month ("February").
pub(super) fn not_title(lines: &[TextLine], zone: &[TextLine], i: usize) -> Option<&'static str> {
    let line = &zone[i];
    if beside_a_value(lines, line) {
        return Some("shares its baseline with a value (a table row or a form field)");
    }
    if in_a_row_of_cells(lines, line) {
        return Some("one of three or more cells set apart on one baseline (a table's header row)");
    }
    if opens_with_field_label(&line.text) {
        return Some("a form field: a label in bold, then its value");
    }
    if section_numbering_goes_on(lines, line) || numbered_section_name(&line.text) {
        return Some("a numbered section heading whose numbering goes on below");
    }
    if is_division_label(&line.plain_cow()) {
        return Some("a division's label over its title (\"Chapter 2\", \"Part IV\")");
    }
    if in_an_address(zone, i) {
        return Some("a line of a postal address (a box, or a postcode with its city)");
    }
    if crate::date::is_day_without_year(&line.plain_cow()) {
        return Some("a day or a month without a year (a diary's or a calendar's heading)");
    }
    None
}

/// Whether zone line `i` is a line of a postal address: a box or a postcode with its city
/// by its text alone, a street line ("1309 S. Mary Avenue") only between other address
/// lines.
fn in_an_address(zone: &[TextLine], i: usize) -> bool {
    let neighbours = [i.wrapping_sub(1), i + 1].map(|k| zone.get(k).map(TextLine::plain));
    crate::postal::in_address_block(&zone[i].plain(), neighbours.into_iter().flatten())
}

/// Whether a line stands beside `line` on its baseline and holds a value: a figure, an
/// amount, a date, a page count — a few words with a digit. To its left a bare section
/// number ("2.1") does not count, and a mark raised beside a title ("*", "1") is set
/// smaller and does not count either.
fn beside_a_value(lines: &[TextLine], line: &TextLine) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    lines
        .iter()
        .skip_while(|o| o.page < line.page)
        .take_while(|o| o.page == line.page)
        .any(|o| {
            let Some(h) = o.geometry.filter(|h| {
                o.source_line != line.source_line
                    && (h.baseline - g.baseline).abs() <= 0.4 * size
                    && h.font_size >= 0.75 * g.font_size
            }) else {
                return false;
            };
            let t = o.plain_cow();
            let value = t.chars().any(|c| c.is_ascii_digit()) && words(&t) <= 4;
            // To the left only a value that is more than a section number ("2.1").
            let bare_number = t
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ' ');
            value && (h.bbox.x0 >= g.bbox.x1 - 0.5 || h.bbox.x1 <= g.bbox.x0 + 0.5 && !bare_number)
        })
}

/// Whether `line` is one cell of a row: at least two other pieces of like size stand level
/// with it, several ems apart ("DOCUMENT NO.   DATE   PAYEE NAME", a header whose cells
/// take one or two lines; see [`crate::lines::level_with_cells`]).
fn in_a_row_of_cells(lines: &[TextLine], line: &TextLine) -> bool {
    let page = lines
        .iter()
        .skip_while(|o| o.page < line.page)
        .take_while(|o| o.page == line.page);
    crate::lines::level_with_cells(line, page, |g, h| {
        (h.font_size - g.font_size).abs() <= 0.2 * g.font_size.max(4.0)
    })
}

/// Whether a line opens with a short label in bold ending in a colon and goes on in
/// other type: "**Report ID:** SPARSE-1234". A title with a colon ("Brexit: What Next")
/// is set in one type throughout.
fn opens_with_field_label(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix(rich::BOLD_ON) else {
        return false;
    };
    let Some((label, after)) = rest.split_once(rich::BOLD_OFF) else {
        return false;
    };
    let label = rich::plain(label);
    let label = label.trim();
    label.ends_with(':') && (1..=3).contains(&words(label)) && !rich::plain(after).trim().is_empty()
}

/// Whether a line is a numbered heading naming one of the sections every paper has
/// ("1 Introduction", "2. Background"): a page that opens with it opens a section.
fn numbered_section_name(text: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "introduction",
        "background",
        "overview",
        "abstract",
        "summary",
        "executive summary",
        "related work",
        "methods",
        "methodology",
        "materials and methods",
        "results",
        "discussion",
        "conclusion",
        "conclusions",
        "references",
        "acknowledgements",
        "acknowledgments",
        "preface",
        "scope",
    ];
    crate::structure::classify::numbered_heading(text).is_some_and(|(_, rest)| {
        let rest = rest.trim().trim_end_matches(':').to_lowercase();
        SECTIONS.contains(&rest.as_str())
    })
}

/// Whether `line` is a numbered section heading ("1 Introduction", "2. Methods") and a
/// later line carries the next number in the same type size: the document's sections
/// begin there, not its title.
fn section_numbering_goes_on(lines: &[TextLine], line: &TextLine) -> bool {
    let Some((number, _)) = crate::structure::classify::numbered_heading(&line.text) else {
        return false;
    };
    let Ok(n) = number.parse::<u32>() else {
        return false;
    };
    let next = (n + 1).to_string();
    let size = line.geometry.map(|g| g.font_size);
    lines
        .iter()
        .filter(|o| o.source_line != line.source_line)
        .filter(|o| {
            o.text
                .trim_start_matches(|c: char| rich::is_sentinel(c) || c.is_whitespace())
                .starts_with(&next)
        })
        .any(|o| {
            let same_type = match (size, o.geometry.map(|g| g.font_size)) {
                (Some(a), Some(b)) => (a - b).abs() < 0.3,
                (None, None) => true,
                _ => false,
            };
            same_type
                && crate::structure::classify::numbered_heading(&o.text)
                    .is_some_and(|(m, _)| m == next)
        })
}

/// Whether a later line, past running text in other type, is set in the face and size of
/// line `at` of `lines` and reads as a heading of its own (a short phrase that ends no
/// sentence): the document sets its section titles in that type ("JavaScript Code
/// Example" on the first page, "Formula" on the second), so the first of them opens a
/// section; it does not name the document. A title set in type no section shares still stands out; a title the
/// document repeats (a running head, a back cover) is the same text and does not count.
/// Asked only of lines set apart from the body and without an author line in the zone:
/// a title over its credits is placed by them, whatever type the sections share.
pub(super) fn section_type_goes_on(lines: &[TextLine], at: usize) -> bool {
    let line = &lines[at];
    let Some(g) = line.geometry.filter(|g| g.face != 0 && g.font_size > 0.0) else {
        return false;
    };
    let alike = |h: &crate::lines::LineGeometry| {
        h.face == g.face && (h.font_size - g.font_size).abs() < 0.25
    };
    let own = crate::words::words_key(&line.plain_cow());
    // Lines that go on in the same type right under the line are the same title's.
    let mut past_other_type = false;
    for o in &lines[at + 1..] {
        let Some(h) = o.geometry.filter(|_| !o.is_blank()) else {
            continue;
        };
        if !alike(&h) {
            past_other_type = true;
            continue;
        }
        if !past_other_type {
            continue;
        }
        let t = o.plain_cow();
        let t = t.trim();
        let n = words(t);
        if (1..=12).contains(&n)
            && !t.ends_with(['.', ',', ';', ':'])
            && t.split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            && crate::words::words_key(t) != own
        {
            return true;
        }
    }
    false
}

/// "Chapter 2", "PART IV", "Appendix B": a book's division named by its number alone,
/// printed over the division's title.
fn is_division_label(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(name), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let number = number.trim_end_matches(['.', ':']);
    let numeral = !number.is_empty()
        && (number.chars().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| "IVXLCivxlc".contains(c))
            || (number.chars().count() == 1 && number.chars().all(|c| c.is_ascii_uppercase())));
    numeral
        && ["chapter", "part", "appendix", "book"]
            .iter()
            .any(|w| name.eq_ignore_ascii_case(w))
}

/// Whether a line cannot be a title: a number, a field label ("E-mail Addresses:"), or
/// mostly digits (a grant or report number).
pub(super) fn is_label_or_number(t: &str) -> bool {
    let t = t.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    letters < 3 || digits * 2 > letters || t.ends_with(':')
}

/// Whether a line ends on a dash set apart from its last word ("Government of India –");
/// a word broken by a hyphen ("Insur-") does not count.
pub(super) fn ends_on_a_dash(t: &str) -> bool {
    let mut tail = t.trim_end().chars().rev();
    matches!(tail.next(), Some('-' | '–' | '—')) && tail.next().is_some_and(char::is_whitespace)
}

/// Whether a line belongs to a table of contents: the word "Contents" alone, or an entry
/// with a dot leader ("ARTS & LEISURE. . .", "Travel ....... 4"). An ellipsis of three
/// dots in a title is not a leader.
pub(super) fn is_contents_line(t: &str) -> bool {
    let t = t.trim();
    let bare = t.trim_end_matches(':').to_ascii_lowercase();
    if matches!(
        bare.as_str(),
        "contents" | "table of contents" | "in this issue"
    ) {
        return true;
    }
    crate::contents_lines::has_dot_leader(t)
}

#[cfg(test)]
mod tests {
    use super::is_division_label;

    #[test]
    fn a_division_named_by_its_number_is_a_label() {
        for label in [
            "Chapter 2",
            "CHAPTER 12",
            "Part IV",
            "Appendix B",
            "Book 3.",
        ] {
            assert!(is_division_label(label), "{label}");
        }
        for title in [
            "Chapter Two Rivers",
            "Partners",
            "Part of the Plan",
            "Appendix",
            "2",
        ] {
            assert!(!is_division_label(title), "{title}");
        }
    }
}
