//! The YAML front matter parses, whatever characters the input holds: every control
//! character and every Unicode noncharacter, in the text and in the file name. Checked
//! with a YAML parser built on libyaml (`serde_norway`), which refuses what YAML forbids.

use brief2md::{Options, convert};

/// C0 and C1 controls and DEL, then the 66 noncharacters.
fn hostile_chars() -> Vec<char> {
    let mut v: Vec<char> = (0u32..0x20)
        .chain(0x7F..0xA0)
        .filter_map(char::from_u32)
        .collect();
    v.extend((0xFDD0u32..=0xFDEF).filter_map(char::from_u32));
    for plane in 0u32..=0x10 {
        v.push(char::from_u32(plane << 16 | 0xFFFE).unwrap());
        v.push(char::from_u32(plane << 16 | 0xFFFF).unwrap());
    }
    v.extend(['\u{FEFF}', '\u{2028}', '\u{2029}']);
    v
}

fn front_matter(md: &str) -> &str {
    let rest = md.strip_prefix("---\n").expect("front matter first");
    &rest[..rest.find("\n---\n").expect("front matter closed") + 1]
}

fn parse(yaml: &str) -> serde_norway::Mapping {
    serde_norway::from_str(yaml).unwrap_or_else(|e| panic!("{e}: {yaml:?}"))
}

#[test]
fn every_control_and_noncharacter_in_title_and_file_name_yields_valid_yaml() {
    for c in hostile_chars() {
        // A NUL byte makes the input binary, not text: it goes in the file name only.
        let t = if c == '\0' { ' ' } else { c };
        let text = format!(
            "Water Policy{t} in the Indus Basin\n\nThe committee met in the spring to consider{t} the evidence.\n"
        );
        let options = Options {
            source_name: Some(format!("brief{c}name.txt")),
            ..Options::default()
        };
        let conv = convert(text.as_bytes(), &options).unwrap();
        let md = brief2md::writers::markdown::write(&conv.document, &Default::default());
        let map = parse(front_matter(&md));
        let source = map
            .get("source")
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("U+{:04X}: no source in {md:?}", c as u32));
        assert!(
            source.starts_with("brief") && source.ends_with("name.txt"),
            "{source:?}"
        );
        // A line break or a form feed (a page break) splits the title line: what the
        // title block then reads is another matter; the YAML must parse all the same.
        if !matches!(c, '\n' | '\r' | '\u{0C}') {
            let title = map.get("title").and_then(|v| v.as_str());
            assert!(
                title.is_some_and(|t| t.starts_with("Water Policy")),
                "U+{:04X}: {md:?}",
                c as u32
            );
        }
        // The text's own noncharacters leave it, and the report says so.
        if brief2md::rich::is_noncharacter(c) {
            assert!(!md.contains(c), "U+{:04X} in {md:?}", c as u32);
            assert!(
                conv.report.actions.iter().any(|a| a
                    .evidence
                    .as_deref()
                    .is_some_and(|e| e.contains("noncharacters removed"))),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
