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

/// A street's kind after its house number, in French and Belgian addresses ("6 rue").
const KINDS_AFTER_NUMBER: &[&str] = &[
    "rue",
    "avenue",
    "av.",
    "boulevard",
    "bd",
    "place",
    "chemin",
    "allée",
    "allee",
    "impasse",
    "route",
    "quai",
    "cours",
    "square",
    "passage",
    "rond-point",
];

/// A street's kind as its line's first word, the number last (Italian, Spanish,
/// Portuguese: "Via Roma 12").
const KINDS_FIRST: &[&str] = &[
    "via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "calle", "avenida", "avda.",
    "plaza", "paseo", "rua", "travessa", "praça",
];

/// A street's kind ending its name's last word, the number after it (German, Dutch,
/// Nordic compounds: "Hauptstraße 5").
const KINDS_ENDING_A_WORD: &[&str] = &[
    "straße", "strasse", "str.", "gasse", "allee", "weg", "platz", "damm", "ufer", "straat",
    "laan", "plein", "gracht", "kade", "vej", "gatan", "veien", "vägen",
];

/// The words of a list as a pattern's alternatives.
fn alternatives(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex_lite::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// A French or Belgian street line: the number (maybe "bis", "ter" or a letter), then
/// the street's kind and its name ("6 rue des Goutais", "12, avenue Foch", "3 bis
/// boulevard Haussmann").
static STREET_LINE_NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\d{{1,4}}( ?(bis|ter|[a-z]))?,? +({}) +[^.;:!?0-9]{{1,50}}$",
        alternatives(KINDS_AFTER_NUMBER)
    ))
    .unwrap()
});

/// A street line with its number after the name: the street's kind first in Italian,
/// Spanish and Portuguese ("Via Roma 12", "Calle Mayor, 5", "Rua Augusta 120"), last in
/// German, Dutch and Nordic compounds ("Hauptstraße 5", "Keizersgracht 123a",
/// "Willy-Brandt-Str. 12").
static STREET_LINE_NUMBER_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(({}) +[^.;:!?0-9]{{1,40}}|[a-zäöüß][^.;:!?,0-9]{{0,40}}[a-zäöüß-]({})),? *(n\.? ?|nº ?)?\d{{1,4}}( ?[a-z])?([-/]\d{{1,4}}[a-z]?)?$",
        alternatives(KINDS_FIRST),
        alternatives(KINDS_ENDING_A_WORD)
    ))
    .unwrap()
});

/// A five-digit postcode then a city in capitals, as French and other European post
/// sets it, of any number of words ("35136 SAINT JACQUES DE LA LANDE").
static FIVE_DIGIT_CAPITAL_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z]{1,2}-)?\d{5} +[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ' -]{1,40}$").unwrap()
});

/// Whether `text` reads as one line of a postal address, and how surely.
pub fn address_line(text: &str) -> Option<AddressLine> {
    let t = text.trim();
    // Every form below holds a digit (`\d` is ASCII in `regex-lite`): most lines have
    // none and are settled without running a pattern.
    if t.is_empty() || t.len() > 80 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let shape = Shape::of(t);
    if (shape.may_be_po_box() && PO_BOX.is_match(t))
        || (shape.may_be_city_state() && CITY_STATE_CODE.is_match(t))
        || (shape.may_be_uk() && UK_POSTCODE.is_match(t))
        || (shape.may_be_dutch() && DUTCH_POSTCODE.is_match(t))
    {
        return Some(AddressLine::Certain);
    }
    ((shape.may_be_five_digit()
        && (FIVE_DIGIT_POSTCODE.is_match(t) || FIVE_DIGIT_CAPITAL_CITY.is_match(t)))
        || (shape.may_be_street() && STREET_LINE.is_match(t))
        || (shape.number_then_street_kind() && STREET_LINE_NUMBER_FIRST.is_match(t))
        || (shape.street_kind_then_number() && STREET_LINE_NUMBER_LAST.is_match(t)))
    .then_some(AddressLine::Likely)
}

/// What each address pattern needs of a line's ends, read before any pattern runs: a
/// document of numbered sentences has a digit on every line, and the patterns' bounded
/// repeats (`[^,0-9]{1,40}`) cost a pattern matcher far more than these bytes.
struct Shape<'a> {
    text: &'a str,
    first: u8,
    last: u8,
}

impl<'a> Shape<'a> {
    /// `text` is trimmed and not empty.
    fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        Shape {
            text,
            first: bytes[0],
            last: bytes[bytes.len() - 1],
        }
    }

    /// "P.O. Box", "Postbus", "BP", "Apartado", "Casilla", then a number: four words at
    /// most ("Post Office Box 12", "P. O. Box 12").
    fn may_be_po_box(&self) -> bool {
        matches!(self.first.to_ascii_lowercase(), b'p' | b'b' | b'a' | b'c')
            && self.last.is_ascii_digit()
            && self.text.split_whitespace().nth(4).is_none()
    }

    /// "City, ST 12345" or a Canadian postcode, maybe then ", USA" or ", Canada".
    fn may_be_city_state(&self) -> bool {
        self.first.is_ascii_uppercase() && self.text.contains(',')
    }

    /// "Town AB1 2CD", maybe then ", UK" or ", United Kingdom".
    fn may_be_uk(&self) -> bool {
        self.first.is_ascii_uppercase()
            && (self.last.is_ascii_uppercase() || self.text.ends_with("Kingdom"))
    }

    /// "1234 AB City", maybe after "NL-": four digits, maybe a space, two capitals.
    fn may_be_dutch(&self) -> bool {
        let t = self.text;
        let t = t.strip_prefix("NL").map_or(t, |r| {
            let r = r.strip_prefix('-').unwrap_or(r);
            r.strip_prefix(' ').unwrap_or(r)
        });
        let b = t.as_bytes();
        let code = b.get(4) == Some(&b' ');
        let letters = &b[b.len().min(4 + usize::from(code))..];
        b.len() >= 6
            && b[..4].iter().all(u8::is_ascii_digit)
            && letters.len() >= 2
            && letters[..2].iter().all(u8::is_ascii_uppercase)
    }

    /// "12345 City", maybe after a country's one or two letters and a hyphen: five digits
    /// and a space.
    fn may_be_five_digit(&self) -> bool {
        let b = self.text.as_bytes();
        let digits = match b.iter().position(|&c| c == b'-') {
            Some(h @ 1..=2) => &b[h + 1..],
            _ => b,
        };
        digits.len() > 6 && digits[..5].iter().all(u8::is_ascii_digit) && digits[5] == b' '
    }

    /// A house number, maybe "bis", "ter" or a letter, then a street's kind ("6 rue",
    /// "3 bis boulevard"): a numbered note's or list's line has none.
    fn number_then_street_kind(&self) -> bool {
        if !self.first.is_ascii_digit() {
            return false;
        }
        self.text
            .split_whitespace()
            .skip(1)
            .take(2)
            .any(|w| KINDS_AFTER_NUMBER.iter().any(|k| w.eq_ignore_ascii_case(k)))
    }

    /// A house number at the end, maybe with a letter ("Keizersgracht 123a"), after a
    /// street's kind as the first word ("Via") or the end of one of the last three words
    /// ("-straße 5-7", "-gracht 123 a"): a line of running text ending on a note's
    /// number has neither.
    fn street_kind_then_number(&self) -> bool {
        let b = self.text.as_bytes();
        let number_last = self.last.is_ascii_digit()
            || (self.last.is_ascii_alphabetic()
                && b.len() >= 2
                && (b[b.len() - 2].is_ascii_digit() || b[b.len() - 2] == b' '));
        if !number_last {
            return false;
        }
        let ends_with = |w: &str, k: &str| {
            w.len() >= k.len()
                && w.is_char_boundary(w.len() - k.len())
                && w[w.len() - k.len()..].eq_ignore_ascii_case(k)
        };
        let first = self.text.split_whitespace().next().unwrap_or_default();
        KINDS_FIRST.iter().any(|k| first.eq_ignore_ascii_case(k))
            || self
                .text
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| w.trim_end_matches(','))
                .any(|w| KINDS_ENDING_A_WORD.iter().any(|k| ends_with(w, k)))
    }

    /// A street number, then a street word ("Street", "Ave.", "Pkwy") somewhere after it.
    fn may_be_street(&self) -> bool {
        const STREET_WORDS: &[&str] = &[
            "Street",
            "St.",
            "Ave",
            "Road",
            "Rd",
            "Boulevard",
            "Blvd",
            "Drive",
            "Dr.",
            "Lane",
            "Ln",
            "Way",
            "Court",
            "Ct",
            "Place",
            "Pl",
            "Parkway",
            "Pkwy",
            "Highway",
            "Hwy",
        ];
        self.first.is_ascii_digit() && STREET_WORDS.iter().any(|w| self.text.contains(w))
    }
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
            "6 rue des Goutais",
            "12, avenue Foch",
            "3 bis boulevard Haussmann",
            "Via Roma 12",
            "Calle Mayor, 5",
            "Rua Augusta 120",
            "Hauptstraße 5",
            "Keizersgracht 123a",
            "Willy-Brandt-Str. 12",
            "35136 SAINT JACQUES DE LA LANDE",
            "22330 LE MENE",
        ] {
            assert_eq!(address_line(t), Some(AddressLine::Likely), "{t}");
        }
    }

    /// Each pattern's cheap test of the line's ends lets through every line the pattern
    /// matches.
    #[test]
    fn the_shape_tests_never_reject_a_match() {
        let lines = [
            "Postbus 14",
            "p.o. box 12-3",
            "P. O. Box 12",
            "Post Office Box 77",
            "Casilla 5",
            "Apartado 77",
            "Sunnyvale, CA 94087",
            "Ottawa, ON K1A 0B1, Canada",
            "Austin, TX 78701, U.S.A.",
            "London WC1E 6BT",
            "Oxford, OX1 2JD, United Kingdom",
            "Leeds LS2 9JT, UK",
            "4870 AA ETTEN-LEUR",
            "NL-5232 BR 's-Hertogenbosch",
            "NL 5232 BR Den Bosch",
            "75005 Paris",
            "D-66123 Saarbrücken",
            "F-75005 Paris",
            "1309 S. Mary Avenue",
            "221B Baker Street, Suite 4",
            "12 Elm Ave",
            "5 Long Hwy.",
            "4870AA Etten",
            "6 rue des Goutais",
            "3 bis boulevard Haussmann",
            "Via Roma 12",
            "Calle Mayor, nº 5",
            "Keizersgracht 123a",
            "Keizersgracht 123 a",
            "Hauptstraße 5-7",
            "35136 SAINT JACQUES DE LA LANDE",
            "F-22330 LE MENE",
        ];
        type ShapeTest = fn(&Shape<'_>) -> bool;
        let patterns: [(&Regex, ShapeTest); 9] = [
            (&PO_BOX, |s| s.may_be_po_box()),
            (&CITY_STATE_CODE, |s| s.may_be_city_state()),
            (&UK_POSTCODE, |s| s.may_be_uk()),
            (&DUTCH_POSTCODE, |s| s.may_be_dutch()),
            (&FIVE_DIGIT_POSTCODE, |s| s.may_be_five_digit()),
            (&STREET_LINE, |s| s.may_be_street()),
            (&STREET_LINE_NUMBER_FIRST, |s| s.number_then_street_kind()),
            (&STREET_LINE_NUMBER_LAST, |s| s.street_kind_then_number()),
            (&FIVE_DIGIT_CAPITAL_CITY, |s| s.may_be_five_digit()),
        ];
        for t in lines {
            let mut matched = false;
            for (pattern, may_be) in &patterns {
                if pattern.is_match(t) {
                    matched = true;
                    assert!(may_be(&Shape::of(t)), "{t} / {}", pattern.as_str());
                }
            }
            assert!(matched, "no pattern matches {t}");
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
            "Claim number 12 is supported by evidence.12",
            "Capital 40",
            "Spring 2020",
            "Brigade 12",
            "Corso 3",
            "Der Weg 2",
            "12 Place Settings for the Table.",
            "2019 FINANCIAL STATEMENTS",
        ] {
            assert_eq!(address_line(t), None, "{t}");
        }
    }
}
