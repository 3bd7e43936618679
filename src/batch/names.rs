//! File names and messages made safe to print: a name with a newline, an escape sequence or
//! bytes that are not UTF-8 must never reach a terminal or a log raw, where it could forge a
//! line or move the cursor.

use std::ffi::OsStr;

/// `name` with control characters escaped (`\n`, `\t`, `\x1b`), direction overrides shown as
/// `\u{202e}`, bytes that are not UTF-8 as `\xNN` and `\` doubled, so that distinct names stay
/// distinct once escaped.
pub fn escape_os(name: &OsStr) -> String {
    escape_bytes(name.as_encoded_bytes())
}

/// Like [`escape_os`] for raw bytes.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        push_escaped(chunk.valid(), &mut out);
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Like [`escape_os`] for text that is already UTF-8.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(text, &mut out);
    out
}

/// A message (error or warning) made safe to print: control and direction characters
/// escaped as in [`escape_os`], but `\` kept, since messages already show bytes as `\xNN`.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\\' {
            out.push(c);
        } else {
            push_escaped(c.encode_utf8(&mut [0; 4]), &mut out);
        }
    }
    out
}

fn push_escaped(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            // Bidirectional controls reorder what follows them on the line.
            '\u{061c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invalid_bytes_are_escaped() {
        assert_eq!(escape_bytes(b"a\nb\x1b[2J.pdf"), "a\\nb\\x1b[2J.pdf");
        assert_eq!(escape_bytes(b"caf\xe9 \xff.pdf"), "caf\\xe9 \\xff.pdf");
        assert_eq!(
            escape_bytes("Über räume/x.pdf".as_bytes()),
            "Über räume/x.pdf"
        );
        assert_eq!(escape_text("a\\n\u{202e}b\u{7f}"), "a\\\\n\\u{202e}b\\x7f");
        assert_eq!(escape_text("tab\there\r"), "tab\\there\\r");
        assert_eq!(
            printable("starts with \"\\x89PNG\"\n"),
            "starts with \"\\x89PNG\"\\n"
        );
    }

    #[test]
    fn distinct_names_stay_distinct() {
        assert_ne!(escape_bytes(b"a\\x0a"), escape_bytes(b"a\n"));
        assert_ne!(escape_bytes(b"\\xff"), escape_bytes(b"\xff"));
    }
}
