//! Lines that read as one line of a postal address: a post-office box, a city with its
//! state or province code and postal code, a postcode with its city, or a street number
//! with a street word. Such a line is part of an address block, never a heading or a
//! title, however large its type (a letterhead often sets each address line in a size of
//! its own).

use regex_lite::Regex;
use std::sync::LazyLock;

/// How sure the text alone is that a line is an address line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressLine {
    /// The text alone says so: a post-office box ("Postbus 14", "P.O. Box 1234"), a city
    /// with a state code and a ZIP ("Sunnyvale, CA 94087"), a Canadian, British or Dutch
    /// postcode with its city ("4870 AA ETTEN-LEUR").
    Certain,
    /// Only another address line beside it makes it one: a five-digit postcode and a city
    /// ("75005 Paris", "D-66123 Saarbrücken"), a street number and a street word
    /// ("1309 S. Mary Avenue").
    Likely,
}

/// A post-office box: the box's name, then its number, and nothing else.
static PO_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(p\.? ?o\.? ?box|post ?office box|postbus|postfach|postboks|b\.? ?p\.?|apartado|casilla)\.?:? *\d{1,6}(-\d+)?$",
    )
    .unwrap()
});

/// A city, then a two-letter state or province code, then a US ZIP or a Canadian postcode
/// ("Sunnyvale, CA 94087", "Ottawa, ON K1A 0B1").
static CITY_STATE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][^,0-9]{1,40}, *[A-Z]{2}\.?,? +(\d{5}(-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)(, *(USA|U\.S\.A\.|Canada))?$",
    )
    .unwrap()
});

/// A British postcode after its town ("London WC1E 6BT", "Oxford, OX1 2JD").
static UK_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][^,0-9]{1,40},? +[A-Z]{1,2}\d[A-Z0-9]? \d[A-Z]{2}(, *(UK|United Kingdom))?$")
        .unwrap()
});

/// A Dutch postcode, four digits and two capitals, then the city ("4870 AA ETTEN-LEUR",
/// "NL-5232 BR 's-Hertogenbosch").
static DUTCH_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(NL-? ?)?[1-9]\d{3} ?[A-Z]{2} +'?[A-Za-z][^,0-9]{1,30}$").unwrap()
});

/// A five-digit postcode, maybe after a country letter, then a city of up to three words
/// ("75005 Paris", "D-66123 Saarbrücken").
static FIVE_DIGIT_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z]{1,2}-)?\d{5} +[A-Z][^ ,0-9]*( [^ ,0-9]+){0,2}$").unwrap()
});

/// A street number, then words ending in a street word ("1309 S. Mary Avenue").
static STREET_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{1,5}[A-Z]? +([A-Z][^ ,0-9]* +){0,4}(Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Pkwy\.?|Highway|Hwy\.?)(,? *(Suite|Ste\.?|Room|Rm\.?) *\w+)?$",
    )
    .unwrap()
});

/// Whether `text` reads as one line of a postal address, and how surely.
pub fn address_line(text: &str) -> Option<AddressLine> {
    let t = text.trim();
    // Every form below holds a digit (`\d` is ASCII in `regex-lite`): most lines have
    // none and are settled without running a pattern.
    if t.is_empty() || t.len() > 80 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if PO_BOX.is_match(t)
        || CITY_STATE_CODE.is_match(t)
        || UK_POSTCODE.is_match(t)
        || DUTCH_POSTCODE.is_match(t)
    {
        return Some(AddressLine::Certain);
    }
    (FIVE_DIGIT_POSTCODE.is_match(t) || STREET_LINE.is_match(t)).then_some(AddressLine::Likely)
}

/// Whether `text` is a line of an address block: surely by its text, or likely with one
/// of its `neighbours` (the lines just above and below) an address line too.
pub fn in_address_block<S: AsRef<str>>(
    text: &str,
    neighbours: impl IntoIterator<Item = S>,
) -> bool {
    match address_line(text) {
        Some(AddressLine::Certain) => true,
        Some(AddressLine::Likely) => neighbours
            .into_iter()
            .any(|n| address_line(n.as_ref()).is_some()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_lines_of_several_countries_are_told() {
        for t in [
            "Postbus 14",
            "P.O. Box 1234",
            "PO Box 77",
            "Postfach 1120",
            "BP 512",
            "Sunnyvale, CA 94087",
            "Washington, DC 20500-0001",
            "Ottawa, ON K1A 0B1",
            "London WC1E 6BT",
            "4870 AA ETTEN-LEUR",
            "NL-5232 BR 's-Hertogenbosch",
        ] {
            assert_eq!(address_line(t), Some(AddressLine::Certain), "{t}");
        }
        for t in [
            "75005 Paris",
            "D-66123 Saarbrücken",
            "1309 S. Mary Avenue",
            "221B Baker Street",
        ] {
            assert_eq!(address_line(t), Some(AddressLine::Likely), "{t}");
        }
    }

    #[test]
    fn a_likely_address_line_needs_an_address_beside_it() {
        let none: [&str; 0] = [];
        assert!(in_address_block("Postbus 14", none));
        assert!(!in_address_block(
            "1309 S. Mary Avenue",
            ["Cupertino Union School District"]
        ));
        assert!(in_address_block(
            "1309 S. Mary Avenue",
            ["Cupertino Union School District", "Sunnyvale, CA 94087"]
        ));
        assert!(!in_address_block("Section 14", ["Sunnyvale, CA 94087"]));
    }

    #[test]
    fn headings_holding_a_number_are_no_address() {
        for t in [
            "Section 14",
            "2023 Annual Report",
            "Route 66",
            "Chapter 12",
            "Box 3: Key findings",
            "1 Introduction",
            "2.1 Related Work",
            "Results, 2019 2020",
            "Table 12",
            "10 Downing Street Revisited in 2020",
        ] {
            assert_eq!(address_line(t), None, "{t}");
        }
    }
}
