//! The text reader: text that another tool extracted from a PDF.
//!
//! Decodes UTF-8 (or UTF-16 with a byte-order mark), replacing invalid bytes with U+FFFD and
//! reporting where; normalises CRLF and CR; splits pages at form feeds (pdftotext's page
//! separator); expands tabs; removes other control characters (reported).

use crate::report::{Action, ActionKind, Report};
use crate::source::{Line, Page, SourceDocument, SourceKind};

/// Whether `bytes` look like binary data rather than text: NUL bytes, many control
/// characters or many invalid UTF-8 sequences near the start.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    let decoded = String::from_utf8_lossy(sample);
    let replacements = decoded.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = decoded.chars().count().max(1);
    controls * 20 > sample.len() || replacements * 10 > chars
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Decodes `bytes` to a string, recording invalid sequences in `report`.
fn decode(bytes: &[u8], report: &mut Report) -> String {
    if let Some(big_endian) = utf16_bom(bytes) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if big_endian {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect();
        report_replacements(&text, report);
        return text;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            report_replacements(&text, report);
            text
        }
    }
}

fn report_replacements(text: &str, report: &mut Report) {
    let mut lines = Vec::new();
    let mut count = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = line.chars().filter(|&c| c == '\u{FFFD}').count();
        if n > 0 {
            count += n;
            lines.push(i + 1);
        }
    }
    if count > 0 {
        report.push(
            Action::new(ActionKind::InvalidBytes)
                .lines(lines)
                .evidence(format!(
                    "{count} invalid byte sequence(s) replaced with U+FFFD"
                )),
        );
    }
}

/// Reads extracted text into pages of plain lines.
pub fn read(bytes: &[u8], report: &mut Report) -> SourceDocument {
    let text = decode(bytes, report);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut pages = vec![Page {
        number: 1,
        ..Default::default()
    }];
    let mut removed_lines = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let mut segments = raw.split('\u{0C}');
        let first = segments.next().unwrap_or("");
        push_line(&mut pages, first, line_no, &mut removed_lines);
        for seg in segments {
            let number = pages.len() + 1;
            pages.push(Page {
                number,
                ..Default::default()
            });
            push_line(&mut pages, seg, line_no, &mut removed_lines);
        }
    }
    // A trailing form feed (pdftotext ends every page with one) opens no real page.
    while pages.len() > 1
        && pages
            .last()
            .is_some_and(|p| p.lines.iter().all(Line::is_blank))
    {
        pages.pop();
    }
    if !removed_lines.is_empty() {
        report.push(
            Action::new(ActionKind::CharactersRemoved)
                .lines(removed_lines)
                .evidence("control characters or Unicode noncharacters removed"),
        );
    }
    SourceDocument {
        kind: SourceKind::Text,
        pages,
        info: Default::default(),
    }
}

fn push_line(pages: &mut [Page], segment: &str, line_no: usize, removed: &mut Vec<usize>) {
    let mut clean = String::with_capacity(segment.len());
    let mut dropped = false;
    // Characters in `clean` so far (counted as they come: recounting per tab would make a
    // long line of tabs quadratic).
    let mut col = 0;
    for c in segment.chars() {
        match c {
            '\t' => {
                // To the next tab stop, but at least three spaces: a tab inside a line
                // separates cells, and three spaces is what marks a cell gap downstream.
                let mut pad = 8 - col % 8;
                if col > 0 && pad < 3 {
                    pad += 8;
                }
                clean.extend(std::iter::repeat_n(' ', pad));
                col += pad;
            }
            c if c.is_control() || crate::rich::is_noncharacter(c) => dropped = true,
            c => {
                clean.push(c);
                col += 1;
            }
        }
    }
    if dropped {
        removed.push(line_no);
    }
    let trimmed = clean.trim_end();
    if let Some(page) = pages.last_mut() {
        page.lines.push(Line::plain(trimmed, line_no));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &SourceDocument) -> Vec<Vec<String>> {
        doc.pages
            .iter()
            .map(|p| p.lines.iter().map(Line::text).collect())
            .collect()
    }

    #[test]
    fn form_feeds_split_pages_and_keep_line_numbers() {
        let mut r = Report::default();
        let doc = read(b"a\r\nb\x0cc\nd\x0c", &mut r);
        assert_eq!(texts(&doc), vec![vec!["a", "b"], vec!["c", "d"]]);
        assert_eq!(doc.pages[1].lines[0].source_line, 2);
        assert_eq!(doc.pages[1].lines[1].source_line, 3);
        assert!(r.actions.is_empty());
    }

    #[test]
    fn invalid_bytes_and_controls_are_reported() {
        let mut r = Report::default();
        let doc = read(b"ok\nbad \xFF byte\nbell\x07\tx", &mut r);
        assert_eq!(
            texts(&doc),
            vec![vec!["ok", "bad \u{FFFD} byte", "bell    x"]]
        );
        assert_eq!(r.count(ActionKind::InvalidBytes), 1);
        assert_eq!(r.actions[0].lines, vec![2]);
        assert_eq!(r.count(ActionKind::CharactersRemoved), 1);
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hé\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let mut r = Report::default();
        assert!(!looks_binary(&bytes));
        assert_eq!(texts(&read(&bytes, &mut r)), vec![vec!["Hé", ""]]);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x00\x01\x02abc"));
        assert!(looks_binary(&[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0xfa, 0x80, 0x81
        ]));
        assert!(!looks_binary("Résumé — naïve text\n".as_bytes()));
        assert!(!looks_binary(b"latin-1 caf\xe9 is mostly fine text here"));
    }
}
