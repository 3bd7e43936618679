//! Errors a conversion can end with. Messages are one line and name the problem; the CLI
//! prefixes the file name.

use thiserror::Error;

/// Why an input could not be converted.
#[derive(Debug, Error)]
pub enum Error {
    /// The input has no bytes, or only whitespace.
    #[error("empty input")]
    Empty,
    /// The input was expected to be a PDF but does not start like one.
    #[error("not a PDF file (starts with {start})")]
    NotPdf {
        /// The first bytes, printable and quoted.
        start: String,
    },
    /// The input is neither a PDF nor text.
    #[error("not a PDF or text file (binary data, starts with {start})")]
    Binary {
        /// The first bytes, printable and quoted.
        start: String,
    },
    /// The PDF is encrypted and the empty user password does not open it.
    #[error("encrypted: a password is needed")]
    Encrypted,
    /// The PDF is encrypted in a form this reader cannot decrypt.
    #[error("encrypted in a way this reader cannot open: {0}")]
    UnsupportedEncryption(String),
    /// The PDF could not be read at all.
    #[error("damaged PDF: {0}")]
    DamagedPdf(String),
    /// The PDF has pages but no extractable text.
    #[error("no text layer (scanned?): {pages} page(s) with images but no text")]
    NoTextLayer {
        /// Pages in the file.
        pages: usize,
    },
    /// The input is larger than the configured limit.
    #[error("input too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Input size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is of a kind this build cannot read yet.
    #[error("{0}")]
    Unsupported(String),
    /// The input was readable but nothing convertible was found.
    #[error("no text found")]
    NoText,
    /// Nothing convertible was found, and the reader said why text may have been lost:
    /// its first warning and how many more there were.
    #[error("no text found ({0})")]
    NoTextWarned(String),
}

/// Shows the first bytes of an input the way `file` would hint at them: `"PK"`, `"\x89PNG"`.
pub(crate) fn describe_start(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes.iter().take(8) {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02X}")),
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_is_printable() {
        assert_eq!(
            describe_start(b"PK\x03\x04rest-of-zip"),
            "\"PK\\x03\\x04rest\""
        );
        assert_eq!(
            Error::NotPdf {
                start: describe_start(b"PK")
            }
            .to_string(),
            "not a PDF file (starts with \"PK\")"
        );
    }
}
