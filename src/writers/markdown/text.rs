//! Running text: inline markup (emphasis, links, scripts, references), escaping so the
//! text reads back as the same text, and wrapping that never starts a line with a block
//! marker.

use crate::model::{FootnoteId, Inline};

use super::Writer;

impl Writer<'_> {
    pub(super) fn inlines(&self, inlines: &[Inline]) -> String {
        // Room for the text runs as they are and a little markup around the rest: most
        // paragraphs are written without regrowing.
        let room = inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.len(),
                _ => 16,
            })
            .sum();
        let mut s = String::with_capacity(room);
        for inline in inlines {
            self.inline(inline, &mut s);
        }
        s
    }

    fn inline(&self, inline: &Inline, out: &mut String) {
        match inline {
            Inline::Text(t) | Inline::TableNoteRef(t) => escape_text(t, out),
            Inline::Strong(c) => self.delimited(c, "**", out),
            Inline::Emphasis(c) => self.delimited(c, "*", out),
            Inline::Superscript(c) => self.html_wrapped(c, "sup", out),
            Inline::Subscript(c) => match subscript_digits(c) {
                Some(lowered) => out.push_str(&lowered),
                None => self.html_wrapped(c, "sub", out),
            },
            Inline::Link { url, content } => {
                let text = crate::model::plain_text(content);
                if text == *url && is_autolinkable(url) {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                } else {
                    out.push('[');
                    out.push_str(&self.inlines(content));
                    out.push_str("](<");
                    for c in url.chars() {
                        match c {
                            '<' | '>' | '\\' => {
                                out.push('\\');
                                out.push(c);
                            }
                            '\n' => out.push_str("%0A"),
                            _ => out.push(c),
                        }
                    }
                    out.push_str(">)");
                }
            }
            Inline::FootnoteRef(FootnoteId(i)) => {
                if let Some(label) = self.labels.get(*i) {
                    out.push_str(&format!("[^{label}]"));
                }
            }
        }
    }

    /// Emphasis delimiters around content, with surrounding spaces kept outside so the
    /// delimiters stay left- and right-flanking.
    fn delimited(&self, content: &[Inline], delim: &str, out: &mut String) {
        let inner = self.inlines(content);
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            out.push_str(&inner);
            return;
        }
        if inner.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        out.push_str(delim);
        out.push_str(trimmed);
        out.push_str(delim);
        if inner.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }

    fn html_wrapped(&self, content: &[Inline], tag: &str, out: &mut String) {
        out.push_str(&format!("<{tag}>"));
        out.push_str(&self.inlines(content));
        out.push_str(&format!("</{tag}>"));
    }

    /// One paragraph's lines: the whole text on one line, or wrapped at spaces where a new
    /// line would not start a different block (a list item, a heading, a quote...).
    pub(super) fn wrap_paragraph(&self, text: &str) -> Vec<String> {
        let text = text.replace('\n', " ");
        let text = escape_block_start(&text);
        let Some(width) = self.wrap.filter(|&w| w > 0) else {
            return vec![text];
        };
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            if current.is_empty() {
                current.push_str(word);
                continue;
            }
            let fits = current.chars().count() + 1 + word.chars().count() <= width;
            if fits || starts_block(word) {
                current.push(' ');
                current.push_str(word);
            } else {
                lines.push(std::mem::take(&mut current));
                current.push_str(word);
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }
}

/// Whether `url` can be written as a CommonMark autolink `<url>`.
fn is_autolinkable(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && !rest.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

pub(super) fn longest_run(text: &str, ch: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == ch {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Escapes characters that Markdown would read as markup, anywhere in a line.
fn escape_text(text: &str, out: &mut String) {
    // Every character that may be escaped or replaced is ASCII: most texts hold none.
    // (A `matches!`, not a search of a byte list: this runs on every byte of the output.)
    let may_escape = |b: u8| {
        matches!(
            b,
            b'\\'
                | b'*'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'`'
                | b'|'
                | b'_'
                | b'~'
                | b'&'
                | b'!'
                | b'('
                | b'\n'
                | b'\r'
        )
    };
    if !text.bytes().any(may_escape) {
        out.push_str(text);
        return;
    }
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        let next = rest.chars().next();
        let escape = match c {
            '\\' | '*' | '[' | ']' | '<' | '>' | '`' | '|' => true,
            // Intraword underscores cannot open emphasis; others can.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // Only a run of tildes makes strikethrough.
            '~' => prev == Some('~') || next == Some('~'),
            // An entity or numeric reference would be decoded.
            '&' => {
                let tail = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
                    .count();
                tail > 0 && rest.as_bytes().get(tail) == Some(&b';')
            }
            '!' => next == Some('['),
            // After a footnote reference, "(" would turn `[^3](x)` into a link and the
            // reference into its text: the note would lose its only reference.
            '(' => i == 0 && out.ends_with(']'),
            _ => false,
        };
        prev = Some(c);
        if c == '\n' || c == '\r' {
            out.push(' ');
            continue;
        }
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether a line starting with `word` would start a block other than a paragraph.
pub(super) fn starts_block(word: &str) -> bool {
    let first = word.chars().next().unwrap_or(' ');
    if matches!(first, '#' | '-' | '+' | '>' | '=' | '|' | '~') {
        return true;
    }
    let digits: String = word.chars().take_while(|c| c.is_ascii_digit()).collect();
    !digits.is_empty() && {
        let rest = &word[digits.len()..];
        rest.starts_with('.') || rest.starts_with(')')
    }
}

/// Escapes the start of a paragraph so it is not read as a heading, list item, quote,
/// thematic break or setext underline.
fn escape_block_start(text: &str) -> String {
    let first = text.chars().next().unwrap_or(' ');
    if matches!(first, '#' | '-' | '+' | '=' | '~') {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 9 {
        let rest = &text[digits..];
        if rest.starts_with(['.', ')']) && (rest.len() == 1 || rest[1..].starts_with(' ')) {
            return format!("{}\\{}", &text[..digits], rest);
        }
    }
    text.to_string()
}

/// A subscript of digits and signs only ("CO₂", "x₁₀", "z₋₁") in Unicode's subscript
/// characters, which every text font carries and which read back as plain digits under
/// compatibility normalisation: the word stays one word for search and counting, where
/// `x<sub>1</sub>` splits it. Anything else (letters, markup) stays an HTML `<sub>`.
pub(super) fn subscript_digits(content: &[Inline]) -> Option<String> {
    let [Inline::Text(t)] = content else {
        return None;
    };
    if t.is_empty() {
        return None;
    }
    t.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x2080 + (c as u32 - '0' as u32)),
            '+' => Some('\u{208A}'),
            '-' | '\u{2212}' => Some('\u{208B}'),
            '=' => Some('\u{208C}'),
            '(' => Some('\u{208D}'),
            ')' => Some('\u{208E}'),
            _ => None,
        })
        .collect()
}
