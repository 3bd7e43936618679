//! Markdown writer: CommonMark with GFM footnotes and tables, metadata as YAML front matter.
//!
//! Text is escaped so that it reads back as the same text (a `*` in a title stays a `*`),
//! footnotes are numbered 1, 2, 3... in order of first reference and each gets exactly one
//! definition at the end. Output is deterministic and has no trailing whitespace.

use crate::model::{Block, CaptionSide, Document, FootnoteId, Inline, Metadata, Table, TableNote};
use crate::writers::yaml;

mod html_table;
mod lists;
mod text;

use lists::same_list_family;
use text::longest_run;

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
/// assert_eq!(md, "Signed in 1961.[^2]\n\n[^2]: Treaty text.\n");
/// ```
pub fn write(doc: &Document, options: &MarkdownOptions) -> String {
    let order = doc.footnote_order();
    let labels = footnote_labels(doc, &order);
    let writer = Writer {
        labels: &labels,
        wrap: options.wrap,
    };

    let mut out = String::new();
    out.push_str(&front_matter(&doc.metadata));

    let mut lines = Vec::new();
    match doc.unlinked_notes_section() {
        // The closing section follows the body without a copy of the body.
        Some(closing) => writer.blocks(doc.blocks.iter().chain(&closing), &mut lines),
        None => writer.blocks(&doc.blocks, &mut lines),
    }
    for id in &order {
        let note = &doc.footnotes[id.0];
        let mut body = Vec::new();
        writer.narrower(4).blocks(&note.blocks, &mut body);
        push_separator(&mut lines);
        let label = format!("[^{}]: ", labels[id.0]);
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
    out.reserve(lines.iter().map(|l| l.len() + 1).sum());
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
    y.contributors(
        "author",
        &meta.authors,
        &meta.affiliations,
        &meta.author_notes,
    );
    y.contributors(
        "editor",
        &meta.editors,
        &meta.affiliations,
        &meta.author_notes,
    );
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

/// Each footnote's label in the output (by id): the label the source printed, where it is
/// letters and figures ("39", "iv", "a"): the author numbered the notes, and a citation of
/// the document uses those numbers. Labels must be unique: a label printed again (notes
/// numbered anew on each page or in each chapter) is followed by a hyphen and its copy's
/// count ("1-2", the second note labelled 1). A note whose label is lost or a symbol ("*",
/// "†") is numbered by its place among the notes (the printed symbol stays in the JATS
/// `<label>` and the report).
fn footnote_labels(doc: &Document, order: &[FootnoteId]) -> Vec<String> {
    let printed = |id: &FootnoteId| {
        let label = doc.footnotes[id.0].label.trim();
        (!label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric())).then_some(label)
    };
    // Printed labels are kept first, so that no number given by place takes one.
    let mut used: std::collections::HashSet<String> = order
        .iter()
        .filter_map(printed)
        .map(str::to_string)
        .collect();
    let mut first: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut labels = vec![String::new(); doc.footnotes.len()];
    for (place, id) in order.iter().enumerate() {
        labels[id.0] = match printed(id) {
            Some(label) if first.insert(label) => label.to_string(),
            stem => {
                let stem = stem.map_or_else(|| (place + 1).to_string(), str::to_string);
                let mut label = stem.clone();
                let mut copy = 1;
                while used.contains(&label) {
                    copy += 1;
                    label = format!("{stem}-{copy}");
                }
                used.insert(label.clone());
                label
            }
        };
    }
    labels
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
    /// Each footnote's label in the output, by footnote id.
    labels: &'a [String],
    wrap: Option<usize>,
}

impl<'a> Writer<'a> {
    /// The same writer for content indented by `by` columns, so wrapped lines still fit.
    fn narrower(&self, by: usize) -> Writer<'a> {
        Writer {
            labels: self.labels,
            wrap: self.wrap.map(|w| w.saturating_sub(by).max(20)),
        }
    }

    fn blocks<'b>(&self, blocks: impl IntoIterator<Item = &'b Block>, out: &mut Vec<String>) {
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
            Block::BlockQuote(inner) => self.quote(inner, out),
            // A box reads as a quote opening with its title in bold.
            Block::Boxed(boxed) => {
                let title = boxed
                    .title
                    .iter()
                    .map(|t| Block::Paragraph(vec![Inline::Strong(t.clone())]));
                let inner: Vec<Block> = title.chain(boxed.blocks.iter().cloned()).collect();
                self.quote(&inner, out);
            }
            Block::Table(table) => self.table(table, out),
            // The caption as printed; the figure itself is not converted. The text drawn
            // in it (a chart's ticks and legend) is no sentence to read: it is kept, out
            // of the rendered text, in a comment after the caption.
            Block::Figure {
                caption,
                lettering,
                caption_below,
            } => {
                // The caption and the lettering in the order they are printed.
                let mut parts: Vec<Vec<String>> = Vec::new();
                if let Some(c) = caption {
                    let mut printed = Vec::new();
                    self.block(&Block::Paragraph(c.printed.clone()), &mut printed);
                    parts.push(printed);
                }
                if !lettering.is_empty() {
                    parts.push(vec![figure_text_comment(lettering)]);
                }
                if *caption_below {
                    parts.reverse();
                }
                for (k, part) in parts.into_iter().enumerate() {
                    if k > 0 {
                        out.push(String::new());
                    }
                    out.extend(part);
                }
            }
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

    /// `inner` as a block quote, each of its lines behind `>`.
    fn quote(&self, inner: &[Block], out: &mut Vec<String>) {
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

    fn table(&self, table: &Table, out: &mut Vec<String>) {
        // The caption is a paragraph as printed, on the side of the table it is printed.
        let caption = |side| table.caption_on(side).map(|c| c.printed.clone());
        if let Some(printed) = caption(CaptionSide::Above) {
            self.paragraph_after(printed, out);
        }
        let mut rows = Vec::new();
        if html_table::wanted(table) {
            rows = html_table::lines(table);
        } else {
            self.table_rows(table, &mut rows);
        }
        if !rows.is_empty() {
            push_separator(out);
            out.extend(rows);
        }
        // The table's notes follow it as paragraphs, each opening with its label as
        // printed: their labels restart with each table, so they are not footnotes.
        for note in &table.notes {
            self.paragraph_after(labelled(note), out);
        }
        if let Some(printed) = caption(CaptionSide::Below) {
            self.paragraph_after(printed, out);
        }
    }

    /// Appends a paragraph, apart from what comes before it.
    fn paragraph_after(&self, content: Vec<Inline>, out: &mut Vec<String>) {
        let mut rendered = Vec::new();
        self.block(&Block::Paragraph(content), &mut rendered);
        if !rendered.is_empty() {
            push_separator(out);
            out.extend(rendered);
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
}

#[cfg(test)]
mod tests;

/// A figure's lettering as one HTML comment: its lines in reading order, split by " · ".
/// A comment cannot hold "--" (it would end early), so a run of hyphens is spaced out.
fn figure_text_comment(lettering: &[String]) -> String {
    let joined = lettering
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut safe = String::with_capacity(joined.len());
    for c in joined.chars() {
        if c == '-' && safe.ends_with('-') {
            safe.push(' ');
        }
        safe.push(c);
    }
    format!("<!-- figure text: {safe} -->")
}
