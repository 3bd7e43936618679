//! Headings in extracted text, where no type size says what a line is: a short capitalised
//! line is a heading only when it could be one, and it cannot when it reads as a row of a
//! form or table (figures, "#" field labels, a page number). This test looks at one line;
//! whether a heading does the work of one (introduces body) is asked of the pieces
//! (`pieces::shaped_headings`).

use super::classify::numbered_heading;
use crate::clean::furniture::is_page_number;

/// Whether a line reads as a row of a form or table rather than a heading: a page number,
/// a figure (an amount, a decimal, a percentage, a date, a time, a telephone number), a
/// "#" field label, three or more bare numbers, or cells set apart by wide gaps.
pub fn reads_as_row(text: &str) -> bool {
    let plain = crate::rich::plain_without_scripts(text);
    let t = plain.trim();
    if t.is_empty() {
        return false;
    }
    if is_page_number(t) || t.contains("   ") {
        return true;
    }
    // A leading section number ("5.2", "3.") is the heading's own.
    let mut tokens: Vec<&str> = t.split_whitespace().collect();
    if numbered_heading(text).is_some() && !tokens.is_empty() {
        tokens.remove(0);
    }
    let mut bare_numbers = 0;
    for tok in tokens {
        if tok == "#" || (tok.starts_with('#') && tok.len() > 1) {
            return true;
        }
        let core = tok.trim_matches(|c: char| "()[]{},;\"'“”‘’".contains(c));
        if !core.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if core.chars().all(|c| c.is_ascii_digit()) {
            bare_numbers += 1;
            // "(425)": an area code.
            if tok.starts_with('(') && tok.ends_with(')') && core.len() == 3 {
                return true;
            }
            continue;
        }
        if is_figure(core) {
            return true;
        }
    }
    bare_numbers >= 3
}

/// A token that is a figure: digits with a currency or percent sign, or digits on both
/// sides of a thousands separator, decimal point, slash or colon ("5,738", "10.20",
/// "12/15/2024", "14:30"), or a telephone number's "555-1234".
fn is_figure(tok: &str) -> bool {
    let c: Vec<char> = tok.chars().collect();
    let has_digit = c.iter().any(|ch| ch.is_ascii_digit());
    if has_digit && (tok.starts_with(['$', '£', '€', '¥']) || tok.ends_with('%')) {
        return true;
    }
    let mut digit_run = 0;
    for w in c.windows(3) {
        if w[0].is_ascii_digit() && [',', '.', '/', ':'].contains(&w[1]) && w[2].is_ascii_digit() {
            return true;
        }
    }
    // Seven digits around a hyphen, all digits: a telephone number.
    for ch in &c {
        if ch.is_ascii_digit() {
            digit_run += 1;
        } else if *ch != '-' {
            return false;
        }
    }
    // A range of years ("2020-2025") is not one.
    tok.contains('-') && digit_run >= 7 && !tok.split('-').all(|part| part.len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_and_table_rows_are_rows() {
        for row in [
            "GRAND TOTAL 5,738",
            "BOOKING ORDER Print Date 12/15/2024 14:30:22",
            "Phone (425) 111-1111 Trim Limited",
            "Claim # SF-1008 Make Jeep",
            "Sales Tax 10.20% 278.46",
            "Body Labor 2 150 300",
            "Page 1 of 1",
            "Customer Information          Vehicle Information",
            "Total Revenue $12,500",
        ] {
            assert!(reads_as_row(row), "{row}");
        }
        for heading in [
            "5.2 Quantitative Results",
            "3. Findings and Policy Options",
            "COVID-19 and the Delta",
            "Outlook for 2025",
            "Why It Matters for Food Security",
            "Estimate Totals",
            "Strategy for 2020-2025",
        ] {
            assert!(!reads_as_row(heading), "{heading}");
        }
    }
}
