//! The text path never panics: thousands of generated inputs mixing the debris this tool
//! handles (markers, labels, bullets, URLs, page furniture, odd Unicode) in random order.

use brief2md::writers::{jats, markdown};
use brief2md::{Options, convert};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const TOKENS: &[&str] = &[
    "The",
    "river",
    "fell",
    "sharply.",
    "in",
    "2019.",
    "1961.2",
    "roubles. 6",
    "ally.\"9",
    "³",
    "₁₂",
    "^{4}",
    "^{4 &}quot;",
    "[&]quot;",
    "<sup>7</sup>",
    "**Lead:**",
    "Lead:",
    "- ",
    "• ",
    "o ",
    "- O ",
    "\u{F0A7} ",
    "1. ",
    "(i) ",
    "a) ",
    "https://x.example/a-b/c",
    "https://x.example/d e",
    "www.y.example",
    "Page 2 of 5",
    "– 3 –",
    "12",
    "Phone: +1 555 0100",
    "By Ana Silva",
    "Edited by **B C**",
    "March 3, 2024",
    "ISSUE BRIEF",
    "INSTITUTE OF TESTS",
    "Ibid., p. 4.",
    "\"Title of a report\",",
    "published on May 2, 2024.",
    "Notes",
    "\u{FB01}",
    "\u{AD}",
    "\u{A0}",
    "&amp;",
    "&#8217;",
    "\u{10FFF4}",
    "\u{10FFF9}",
    "é",
    "中文",
    "مرحبا",
    "\u{202E}",
    "\t",
    "    ",
    "co-",
    "operation",
    "(Views expressed are the author's own)",
    "Task type   Loss   Gain",
    "x   y   z",
    "|",
    "*",
    "_",
    "Conclusion:",
    "Summary",
    "2.1 Sites",
    "\u{7}",
    "\u{FEFF}",
    "\u{FFFD}",
];

#[test]
fn generated_debris_never_panics() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..3000 {
        let mut text = String::new();
        let lines = 1 + rng.next() % 60;
        for _ in 0..lines {
            let words = rng.next() % 14;
            for _ in 0..words {
                text.push_str(rng.pick(TOKENS));
                if !rng.next().is_multiple_of(3) {
                    text.push(' ');
                }
            }
            text.push_str(match rng.next() % 6 {
                0 => "\n\n",
                1 => "\n\u{c}",
                2 => "\r\n",
                _ => "\n",
            });
        }
        let result = std::panic::catch_unwind(|| {
            if let Ok(c) = convert(text.as_bytes(), &Options::default()) {
                let md =
                    markdown::write(&c.document, &markdown::MarkdownOptions { wrap: Some(40) });
                let xml = jats::write(&c.document);
                assert!(!md.is_empty() || c.document.blocks.is_empty());
                assert!(xml.starts_with("<?xml"));
            }
        });
        assert!(result.is_ok(), "round {round} panicked on input:\n{text:?}");
    }
}

/// A list nested hundreds of levels deep (each item one tab further in) stays readable by
/// XML parsers, which refuse elements nested past 256 by default: levels past the deepest
/// kept are flattened into it, every item's text kept, and the report says so.
#[test]
fn lists_nested_past_the_deepest_level_are_flattened_and_reported() {
    let mut text = String::from("A Study of Water\n\nIntroduction\n\n");
    for level in 0..200 {
        text.push_str(&"\t".repeat(level));
        // A word of its own for each item ("item ba"), so that no two lines share a shape.
        let word: String = [level / 26, level % 26]
            .iter()
            .map(|&k| char::from(b'a' + k as u8))
            .collect();
        text.push_str(&format!("{level}. item {word}\n"));
    }
    text.push_str("\nEvery level above was printed one tab further in.\n");
    let c = convert(text.as_bytes(), &Options::default()).expect("converts");
    let xml = jats::write(&c.document);
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for tag in xml.split('<').skip(1) {
        if tag.starts_with('/') {
            depth -= 1;
        } else if !tag.starts_with(['?', '!'])
            && !tag.split('>').next().unwrap_or("").ends_with('/')
        {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    assert!(deepest < 256, "JATS nested {deepest} deep");
    assert!(xml.contains("item hr"), "the last item's text is kept");
    assert!(
        c.report
            .warnings
            .iter()
            .any(|w| w.contains("nested deeper than")),
        "{:?}",
        c.report.warnings
    );
}
