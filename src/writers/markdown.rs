//! Markdown writer: CommonMark with GFM footnotes and tables, metadata as YAML front matter.
//!
//! Text is escaped so that it reads back as the same text (a `*` in a title stays a `*`),
//! footnotes are numbered 1, 2, 3... in order of first reference and each gets exactly one
//! definition at the end. Output is deterministic and has no trailing whitespace.

use crate::model::{
    Block, Document, FootnoteId, Inline, List, ListKind, Metadata, Table, TableNote,
};
use crate::writers::yaml;

/// Markdown rendering options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Wrap paragraphs at this many columns; `None` writes each paragraph on one line.
    pub wrap: Option<usize>,
}

/// Renders `doc` as Markdown.
///
/// ```
/// use brief2md::model::{Block, Document, Footnote, FootnoteId, Inline};
/// use brief2md::writers::markdown::{write, MarkdownOptions};
///
/// let doc = Document {
///     blocks: vec![Block::Paragraph(vec![
///         Inline::text("Signed in 1961."),
///         Inline::FootnoteRef(FootnoteId(0)),
///     ])],
///     footnotes: vec![Footnote {
///         label: "2".into(),
///         recovered: false,
///         blocks: vec![Block::Paragraph(vec![Inline::text("Treaty text.")])],
///     }],
///     ..Default::default()
/// };
/// let md = write(&doc, &MarkdownOptions::default());
/// assert_eq!(md, "Signed in 1961.[^1]\n\n[^1]: Treaty text.\n");
/// ```
pub fn write(doc: &Document, options: &MarkdownOptions) -> String {
    let order = doc.footnote_order();
    let mut numbers = vec![0usize; doc.footnotes.len()];
    for (i, id) in order.iter().enumerate() {
        numbers[id.0] = i + 1;
    }
    let writer = Writer {
        numbers: &numbers,
        wrap: options.wrap,
    };

    let mut out = String::new();
    out.push_str(&front_matter(&doc.metadata));

    let mut lines = Vec::new();
    match doc.unlinked_notes_section() {
        Some(closing) => writer.blocks(&[doc.blocks.clone(), closing].concat(), &mut lines),
        None => writer.blocks(&doc.blocks, &mut lines),
    }
    for id in &order {
        let note = &doc.footnotes[id.0];
        let mut body = Vec::new();
        writer.narrower(4).blocks(&note.blocks, &mut body);
        push_separator(&mut lines);
        let label = format!("[^{}]: ", numbers[id.0]);
        if body.is_empty() {
            lines.push(label.trim_end().to_string());
        }
        for (i, line) in body.into_iter().enumerate() {
            if i == 0 {
                lines.push(format!("{label}{line}"));
            } else if line.is_empty() {
                lines.push(line);
            } else {
                lines.push(format!("    {line}"));
            }
        }
    }
    if !out.is_empty() && !lines.is_empty() {
        out.push('\n');
    }
    for line in &lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn front_matter(meta: &Metadata) -> String {
    let mut y = yaml::Mapping::default();
    y.scalar("title", meta.title.as_deref());
    y.scalar("subtitle", meta.subtitle.as_deref());
    y.contributors("author", &meta.authors);
    y.contributors("editor", &meta.editors);
    if let Some(date) = &meta.date {
        let iso = date.iso();
        y.scalar("date", Some(iso.as_deref().unwrap_or(&date.printed)));
    }
    y.scalar("publisher", meta.publisher.as_deref());
    y.scalar("type", meta.doc_type.as_deref());
    y.scalar("rights", meta.rights.as_deref());
    y.scalar("source", meta.source.as_deref());
    if y.is_empty() {
        String::new()
    } else {
        format!("---\n{}---\n", y.render())
    }
}

/// A table note as one run of text: its label, a space, its content.
fn labelled(note: &TableNote) -> Vec<Inline> {
    let mut content = note.content.clone();
    match content.first_mut() {
        Some(Inline::Text(t)) => t.insert_str(0, &format!("{} ", note.label)),
        _ => content.insert(0, Inline::text(format!("{} ", note.label))),
    }
    content
}

/// Appends a blank line unless the output is empty or already ends with one.
fn push_separator(lines: &mut Vec<String>) {
    if lines.last().is_some_and(|l| !l.is_empty()) {
        lines.push(String::new());
    }
}

struct Writer<'a> {
    numbers: &'a [usize],
    wrap: Option<usize>,
}

impl<'a> Writer<'a> {
    /// The same writer for content indented by `by` columns, so wrapped lines still fit.
    fn narrower(&self, by: usize) -> Writer<'a> {
        Writer {
            numbers: self.numbers,
            wrap: self.wrap.map(|w| w.saturating_sub(by).max(20)),
        }
    }

    fn blocks(&self, blocks: &[Block], out: &mut Vec<String>) {
        let mut prev_list: Option<&Block> = None;
        for block in blocks {
            let is_list = matches!(block, Block::List(_));
            let mut rendered = Vec::new();
            self.block(block, &mut rendered);
            if rendered.is_empty() {
                continue;
            }
            push_separator(out);
            if is_list && prev_list.is_some_and(|p| same_list_family(p, block)) {
                // Two lists in a row would merge into one: an HTML comment keeps them apart.
                out.push("<!-- -->".to_string());
                out.push(String::new());
            }
            out.extend(rendered);
            prev_list = is_list.then_some(block);
        }
    }

    fn block(&self, block: &Block, out: &mut Vec<String>) {
        match block {
            Block::Heading { level, content } => {
                let text = self.inlines(content).replace('\n', " ");
                let text = text.trim();
                if text.is_empty() {
                    return;
                }
                let level = (*level).clamp(1, 6) as usize;
                // A closing run of '#' would be eaten as the optional closing sequence.
                let text = match text.strip_suffix('#') {
                    Some(rest) => format!("{rest}\\#"),
                    None => text.to_string(),
                };
                out.push(format!("{} {}", "#".repeat(level), text));
            }
            Block::Paragraph(content) => {
                let text = self.inlines(content);
                let text = text.trim();
                if !text.is_empty() {
                    out.extend(self.wrap_paragraph(text));
                }
            }
            Block::List(list) => self.list(list, out),
            Block::BlockQuote(inner) => {
                let mut body = Vec::new();
                self.narrower(2).blocks(inner, &mut body);
                for line in body {
                    out.push(if line.is_empty() {
                        ">".to_string()
                    } else {
                        format!("> {line}")
                    });
                }
            }
            Block::Table(table) => self.table(table, out),
            Block::Preformatted(text) => {
                let longest = longest_run(text, '`');
                let fence = "`".repeat(longest.max(2) + 1);
                out.push(fence.clone());
                for line in text.lines() {
                    out.push(line.trim_end().to_string());
                }
                out.push(fence);
            }
        }
    }

    fn list(&self, list: &List, out: &mut Vec<String>) {
        let delimiter = match numbering(list) {
            Numbering::Plain(d) => d,
            Numbering::Printed => return self.labelled_list(list, out),
        };
        let mut rendered_items = Vec::with_capacity(list.items.len());
        let mut loose = false;
        for (i, item) in list.items.iter().enumerate() {
            let marker = match list.kind {
                ListKind::Bullet => "- ".to_string(),
                ListKind::Ordered { start } => format!("{}{delimiter} ", start as usize + i),
            };
            let paragraphs = item
                .blocks
                .iter()
                .filter(|b| !matches!(b, Block::List(_)))
                .count();
            if paragraphs > 1 {
                loose = true;
            }
            let mut body = Vec::new();
            self.narrower(marker.len())
                .item_blocks(&item.blocks, &mut body);
            rendered_items.push((marker, body));
        }
        for (i, (marker, body)) in rendered_items.into_iter().enumerate() {
            if i > 0 && loose {
                out.push(String::new());
            }
            let indent = " ".repeat(marker.len());
            if body.is_empty() {
                out.push(marker.trim_end().to_string());
                continue;
            }
            for (j, line) in body.into_iter().enumerate() {
                if j == 0 {
                    out.push(format!("{marker}{line}"));
                } else if line.is_empty() {
                    out.push(line);
                } else {
                    out.push(format!("{indent}{line}"));
                }
            }
        }
    }

    /// A list whose labels Markdown cannot number (`a.`, `(ii)`, or numbers that skip):
    /// each item is a paragraph that starts with its label as printed, so nothing is
    /// renumbered. Nested blocks follow their item's paragraph.
    fn labelled_list(&self, list: &List, out: &mut Vec<String>) {
        let start = match list.kind {
            ListKind::Ordered { start } => start as usize,
            ListKind::Bullet => 1,
        };
        for (i, item) in list.items.iter().enumerate() {
            let label = item
                .label
                .clone()
                .unwrap_or_else(|| format!("{}.", start + i));
            let mut blocks = item.blocks.clone();
            match blocks.first_mut() {
                Some(Block::Paragraph(content)) => {
                    content.insert(0, Inline::text(format!("{label} ")));
                }
                _ => blocks.insert(0, Block::Paragraph(vec![Inline::text(label)])),
            }
            for block in &blocks {
                push_separator(out);
                self.block(block, out);
            }
        }
    }

    /// An item's blocks: like [`Writer::blocks`], but a nested list that may interrupt a
    /// paragraph follows it directly, so tight lists stay tight.
    fn item_blocks(&self, blocks: &[Block], out: &mut Vec<String>) {
        let mut prev: Option<&Block> = None;
        for block in blocks {
            let mut rendered = Vec::new();
            match block {
                // Headings cannot live in list items in most renderers: keep them as bold.
                Block::Heading { content, .. } => self.block(
                    &Block::Paragraph(vec![Inline::Strong(content.clone())]),
                    &mut rendered,
                ),
                _ => self.block(block, &mut rendered),
            }
            if rendered.is_empty() {
                continue;
            }
            let tight_after_para = matches!(prev, Some(Block::Paragraph(_)))
                && match block {
                    Block::List(l) => match l.kind {
                        ListKind::Bullet => true,
                        ListKind::Ordered { start } => start == 1,
                    },
                    _ => false,
                };
            if !tight_after_para {
                push_separator(out);
                if prev.is_some_and(|p| same_list_family(p, block)) {
                    out.push("<!-- -->".to_string());
                    out.push(String::new());
                }
            }
            out.extend(rendered);
            prev = Some(block);
        }
    }

    fn table(&self, table: &Table, out: &mut Vec<String>) {
        self.table_rows(table, out);
        // The table's notes follow it as paragraphs, each opening with its label as
        // printed: their labels restart with each table, so they are not footnotes.
        for note in &table.notes {
            let mut rendered = Vec::new();
            self.block(&Block::Paragraph(labelled(note)), &mut rendered);
            if !rendered.is_empty() {
                push_separator(out);
                out.extend(rendered);
            }
        }
    }

    fn table_rows(&self, table: &Table, out: &mut Vec<String>) {
        let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return;
        }
        let row_line = |row: &[Vec<Inline>]| {
            let mut s = String::from("|");
            for i in 0..width {
                let cell = row
                    .get(i)
                    .map(|c| self.inlines(c).replace('\n', " "))
                    .unwrap_or_default();
                s.push(' ');
                s.push_str(cell.trim());
                s.push_str(" |");
            }
            s
        };
        let (header, body) = if table.header {
            (table.rows[0].clone(), &table.rows[1..])
        } else {
            (vec![Vec::new(); width], &table.rows[..])
        };
        out.push(row_line(&header));
        out.push(format!("|{}", " --- |".repeat(width)));
        for row in body {
            out.push(row_line(row));
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> String {
        let mut s = String::new();
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
            Inline::Subscript(c) => self.html_wrapped(c, "sub", out),
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
                if let Some(n) = self.numbers.get(*i) {
                    out.push_str(&format!("[^{n}]"));
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
    fn wrap_paragraph(&self, text: &str) -> Vec<String> {
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

/// How a list's items can be numbered in Markdown.
enum Numbering {
    /// Bullets, or numbers counting up by one: Markdown numbers them, with this delimiter.
    Plain(char),
    /// Letters, roman numerals or numbers that skip: printed as labels.
    Printed,
}

/// Whether Markdown's own numbering reproduces the printed labels of `list`.
fn numbering(list: &List) -> Numbering {
    let ListKind::Ordered { start } = list.kind else {
        return Numbering::Plain('.');
    };
    let mut delimiter = None;
    for (i, item) in list.items.iter().enumerate() {
        let Some(label) = &item.label else { continue };
        let n = (start as usize + i).to_string();
        let d = match label.strip_prefix(n.as_str()) {
            Some(".") => '.',
            Some(")") => ')',
            _ => return Numbering::Printed,
        };
        if delimiter.is_some_and(|e| e != d) {
            return Numbering::Printed;
        }
        delimiter = Some(d);
    }
    Numbering::Plain(delimiter.unwrap_or('.'))
}

/// Whether two adjacent blocks are lists that CommonMark would merge into one (same
/// bullet or same numbering style).
fn same_list_family(a: &Block, b: &Block) -> bool {
    match (a, b) {
        (Block::List(x), Block::List(y)) => {
            matches!(x.kind, ListKind::Bullet) == matches!(y.kind, ListKind::Bullet)
        }
        _ => false,
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

fn longest_run(text: &str, ch: char) -> usize {
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
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
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
                let tail = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count();
                tail > 0 && chars.get(i + 1 + tail) == Some(&';')
            }
            '!' => next == Some('['),
            // After a footnote reference, "(" would turn `[^3](x)` into a link and the
            // reference into its text: the note would lose its only reference.
            '(' => i == 0 && out.ends_with(']'),
            _ => false,
        };
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
fn starts_block(word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contributor, Footnote, ListItem, PubDate};

    fn para(s: &str) -> Block {
        Block::Paragraph(vec![Inline::text(s)])
    }

    fn md(doc: &Document) -> String {
        write(doc, &MarkdownOptions::default())
    }

    #[test]
    fn escapes_markup_characters_in_text() {
        let doc = Document {
            blocks: vec![para("a *b* [c] <d> `e` f_g _h_ x|y AT&T &amp; ~~z~~ !")],
            ..Default::default()
        };
        assert_eq!(
            md(&doc),
            "a \\*b\\* \\[c\\] \\<d\\> \\`e\\` f_g \\_h\\_ x\\|y AT&T \\&amp; \\~\\~z\\~\\~ !\n"
        );
    }

    #[test]
    fn escapes_block_starts() {
        let doc = Document {
            blocks: vec![para("# not a heading"), para("1. not a list"), para("- no")],
            ..Default::default()
        };
        assert_eq!(md(&doc), "\\# not a heading\n\n1\\. not a list\n\n\\- no\n");
    }

    #[test]
    fn a_parenthesis_after_a_reference_does_not_make_a_link() {
        let doc = Document {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("x"),
                Inline::FootnoteRef(FootnoteId(0)),
                Inline::text("(r) and (s)"),
            ])],
            footnotes: vec![Footnote {
                label: "1".into(),
                recovered: false,
                blocks: vec![para("note")],
            }],
            ..Default::default()
        };
        assert_eq!(md(&doc), "x[^1]\\(r) and (s)\n\n[^1]: note\n");
    }

    #[test]
    fn footnotes_numbered_by_first_reference() {
        let doc = Document {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("a"),
                Inline::FootnoteRef(FootnoteId(1)),
                Inline::text(" b"),
                Inline::FootnoteRef(FootnoteId(0)),
            ])],
            footnotes: vec![
                Footnote {
                    label: "7".into(),
                    recovered: false,
                    blocks: vec![para("seven")],
                },
                Footnote {
                    label: "3".into(),
                    recovered: false,
                    blocks: vec![para("three"), para("more")],
                },
            ],
            ..Default::default()
        };
        assert_eq!(
            md(&doc),
            "a[^1] b[^2]\n\n[^1]: three\n\n    more\n\n[^2]: seven\n"
        );
    }

    #[test]
    fn nested_lists_indent_to_content_column() {
        let inner = List {
            kind: ListKind::Bullet,
            items: vec![ListItem {
                blocks: vec![para("inner")],
                label: None,
            }],
        };
        let doc = Document {
            blocks: vec![Block::List(List {
                kind: ListKind::Ordered { start: 9 },
                items: vec![
                    ListItem {
                        blocks: vec![para("nine")],
                        label: None,
                    },
                    ListItem {
                        blocks: vec![para("ten"), Block::List(inner)],
                        label: None,
                    },
                ],
            })],
            ..Default::default()
        };
        assert_eq!(md(&doc), "9. nine\n10. ten\n    - inner\n");
    }

    #[test]
    fn consecutive_lists_are_kept_apart() {
        let list = |k| {
            Block::List(List {
                kind: k,
                items: vec![ListItem {
                    blocks: vec![para("x")],
                    label: None,
                }],
            })
        };
        let doc = Document {
            blocks: vec![list(ListKind::Bullet), list(ListKind::Bullet)],
            ..Default::default()
        };
        assert_eq!(md(&doc), "- x\n\n<!-- -->\n\n- x\n");
    }

    #[test]
    fn front_matter_is_quoted_yaml() {
        let doc = Document {
            metadata: Metadata {
                title: Some("Engagements: \"Putin's\" Visit".into()),
                authors: vec![Contributor {
                    name: "Muhammad Khan".into(),
                    role: Some("Research Associate".into()),
                    affiliation: None,
                }],
                editors: vec![Contributor::named("Dr Neelum Nigar")],
                date: Some(PubDate {
                    printed: "August 16, 2024".into(),
                    year: Some(2024),
                    month: Some(8),
                    day: Some(16),
                }),
                doc_type: Some("Issue Brief".into()),
                ..Default::default()
            },
            blocks: vec![para("Body.")],
            ..Default::default()
        };
        assert_eq!(
            md(&doc),
            "---\ntitle: \"Engagements: \\\"Putin's\\\" Visit\"\nauthor:\n  - name: \"Muhammad Khan\"\n    role: \"Research Associate\"\neditor:\n  - \"Dr Neelum Nigar\"\ndate: \"2024-08-16\"\ntype: \"Issue Brief\"\n---\n\nBody.\n"
        );
    }

    #[test]
    fn links_and_scripts() {
        let doc = Document {
            blocks: vec![Block::Paragraph(vec![
                Inline::Link {
                    url: "https://x.example/a_b".into(),
                    content: vec![Inline::text("https://x.example/a_b")],
                },
                Inline::text(" CO"),
                Inline::Subscript(vec![Inline::text("2")]),
                Inline::text(" "),
                Inline::Link {
                    url: "https://y.example/".into(),
                    content: vec![Inline::text("site")],
                },
                Inline::Strong(vec![Inline::text("Lead: ")]),
                Inline::text("text"),
            ])],
            ..Default::default()
        };
        assert_eq!(
            md(&doc),
            "<https://x.example/a_b> CO<sub>2</sub> [site](<https://y.example/>)**Lead:** text\n"
        );
    }

    #[test]
    fn wrapping_never_starts_a_line_with_a_block_marker() {
        let doc = Document {
            blocks: vec![para("aaaa bbbb - cccc 12. dddd eeee")],
            ..Default::default()
        };
        let out = write(&doc, &MarkdownOptions { wrap: Some(9) });
        assert_eq!(out, "aaaa bbbb -\ncccc 12.\ndddd eeee\n");
        for line in out.lines() {
            assert!(!starts_block(line), "{line:?}");
            assert!(!line.ends_with(' '));
        }
    }

    #[test]
    fn tables_and_code() {
        let cell = |s: &str| vec![Inline::text(s)];
        let doc = Document {
            blocks: vec![
                Block::Table(Table {
                    header: true,
                    rows: vec![vec![cell("Year"), cell("a|b")], vec![cell("2024")]],
                    notes: Vec::new(),
                }),
                Block::Preformatted("x ``` y".into()),
            ],
            ..Default::default()
        };
        assert_eq!(
            md(&doc),
            "| Year | a\\|b |\n| --- | --- |\n| 2024 |  |\n\n````\nx ``` y\n````\n"
        );
    }

    #[test]
    fn table_notes_follow_their_table_as_labelled_paragraphs() {
        let doc = Document {
            blocks: vec![
                Block::Table(Table {
                    header: true,
                    rows: vec![
                        vec![vec![Inline::text("Station")], vec![Inline::text("mm")]],
                        vec![
                            vec![Inline::text("Kratie")],
                            vec![
                                Inline::text("1420"),
                                Inline::Superscript(vec![Inline::TableNoteRef("a".into())]),
                            ],
                        ],
                    ],
                    notes: vec![
                        TableNote {
                            label: "a".into(),
                            content: vec![Inline::text("Estimated.")],
                        },
                        TableNote {
                            label: "*".into(),
                            content: vec![Inline::Emphasis(vec![Inline::text("Provisional")])],
                        },
                    ],
                }),
                para("After."),
            ],
            ..Default::default()
        };
        // Labels as printed, restarting per table: never GFM footnotes; a leading `*`
        // label must not open a list.
        assert_eq!(
            md(&doc),
            "| Station | mm |\n| --- | --- |\n| Kratie | 1420<sup>a</sup> |\n\na Estimated.\n\n\\* *Provisional*\n\nAfter.\n"
        );
    }
}
