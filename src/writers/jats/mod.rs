//! JATS writer: JATS 1.4 Archiving and Interchange (the permissive tag set), valid against
//! the official DTD.
//!
//! Headings become nested `<sec>`s by level, notes become `<fn>` in `<back><fn-group>`
//! with `<xref ref-type="fn">` call-outs, following pandoc's JATS writer. Characters that
//! XML 1.0 cannot hold are removed and counted in the report. The `<front>` is written
//! in [`front`], tables in [`table`].

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::model::{Block, CaptionSide, Document, FootnoteId, Inline, List, ListKind};
use crate::report::{Action, ActionKind, Report};

mod front;
mod table;

/// The DOCTYPE public identifier of the JATS 1.4 Archiving DTD.
pub const PUBLIC_ID: &str =
    "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.4 20241031//EN";
/// The DTD's file name, used as the DOCTYPE system identifier.
pub const SYSTEM_ID: &str = "JATS-archivearticle1-4.dtd";

/// Renders `doc` as a JATS 1.4 Archiving article.
///
/// ```
/// use brief2md::model::{Block, Document, Inline};
/// let doc = Document {
///     blocks: vec![Block::Paragraph(vec![Inline::text("R&D <now>")])],
///     ..Default::default()
/// };
/// let xml = brief2md::writers::jats::write(&doc);
/// assert!(xml.contains("<body>\n<p>R&amp;D &lt;now&gt;</p>\n</body>"));
/// ```
pub fn write(doc: &Document) -> String {
    write_with_report(doc, &mut Report::default())
}

/// Like [`write()`], recording removed characters in `report`.
pub fn write_with_report(doc: &Document, report: &mut Report) -> String {
    let order = doc.footnote_order();
    let mut numbers = vec![0usize; doc.footnotes.len()];
    for (i, id) in order.iter().enumerate() {
        numbers[id.0] = i + 1;
    }
    // The label as printed ("iv", "†", a number restarted on each page); the note's place
    // in the output where none was kept.
    let labels: Vec<String> = doc
        .footnotes
        .iter()
        .zip(&numbers)
        .map(|(f, n)| {
            if f.label.trim().is_empty() {
                n.to_string()
            } else {
                f.label.trim().to_string()
            }
        })
        .collect();
    let mut w = Jats {
        xml: Writer::new(Vec::new()),
        numbers: &numbers,
        labels: &labels,
        removed: 0,
        text_run: 0,
        sec_count: 0,
        table_count: 0,
        table_notes: Vec::new(),
    };
    w.document(doc, &order);
    if w.removed > 0 {
        report.push(
            Action::new(ActionKind::CharactersRemoved)
                .evidence(format!(
                    "{} character(s) not allowed in XML 1.0 removed from the JATS output",
                    w.removed
                ))
                .confidence(1.0),
        );
    }
    // The writer only ever receives valid UTF-8.
    String::from_utf8(w.xml.into_inner()).unwrap_or_default()
}

struct Jats<'a> {
    xml: Writer<Vec<u8>>,
    numbers: &'a [usize],
    /// Per footnote, the label written in `<label>` and in the call-out.
    labels: &'a [String],
    removed: usize,
    /// Bytes of character data written since the last tag: see [`MAX_TEXT_NODE`].
    text_run: usize,
    sec_count: usize,
    /// Tables written so far (their notes' ids are numbered by table).
    table_count: usize,
    /// While a table is written: its notes' labels and `<fn>` ids.
    table_notes: Vec<(String, String)>,
}

/// Character data written between two tags at most, in bytes, before an empty comment
/// splits it: libxml2 (xmllint, lxml) refuses a text node past 10 MB unless told to read
/// "huge" documents, and a paragraph with no break in it (one endless word) can be
/// longer. The comment changes no text.
const MAX_TEXT_NODE: usize = 4 << 20;

/// Whether XML 1.0 allows `c` in character data.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

impl Jats<'_> {
    fn event(&mut self, e: Event<'_>) {
        if !matches!(e, Event::Text(_)) {
            self.text_run = 0;
        }
        // Writing into a Vec cannot fail.
        let _ = self.xml.write_event(e);
    }

    fn clean<'s>(&mut self, s: &'s str) -> Cow<'s, str> {
        if s.chars().all(xml_char) {
            Cow::Borrowed(s)
        } else {
            self.removed += s.chars().filter(|&c| !xml_char(c)).count();
            Cow::Owned(s.chars().filter(|&c| xml_char(c)).collect())
        }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut start = BytesStart::new(name);
        for (k, v) in attrs {
            let v = self.clean(v).into_owned();
            start.push_attribute((*k, v.as_str()));
        }
        self.event(Event::Start(start));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn text(&mut self, s: &str) {
        let s = self.clean(s).into_owned();
        let mut rest = s.as_str();
        while self.text_run + rest.len() > MAX_TEXT_NODE {
            let mut cut = MAX_TEXT_NODE.saturating_sub(self.text_run).min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (head, tail) = rest.split_at(cut);
            self.event(Event::Text(BytesText::new(head)));
            self.event(Event::Comment(BytesText::from_escaped("")));
            rest = tail;
        }
        self.text_run += rest.len();
        self.event(Event::Text(BytesText::new(rest)));
    }

    fn newline(&mut self) {
        self.event(Event::Text(BytesText::from_escaped("\n")));
    }

    /// `<name>text</name>` followed by nothing.
    fn leaf(&mut self, name: &str, text: &str) {
        self.open(name, &[]);
        self.text(text);
        self.close(name);
    }

    fn document(&mut self, doc: &Document, order: &[FootnoteId]) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        self.newline();
        let doctype = format!("article PUBLIC \"{PUBLIC_ID}\" \"{SYSTEM_ID}\"");
        self.event(Event::DocType(BytesText::from_escaped(doctype)));
        self.newline();
        self.open(
            "article",
            &[
                ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
                ("xmlns:mml", "http://www.w3.org/1998/Math/MathML"),
                ("article-type", front::article_type(&doc.metadata)),
                ("dtd-version", "1.4"),
            ],
        );
        self.newline();
        self.front(&doc.metadata);
        self.open("body", &[]);
        self.newline();
        match doc.unlinked_notes_section() {
            // The closing section follows the body without a copy of the body.
            Some(closing) => self.body(doc.blocks.iter().chain(&closing)),
            None => self.body(&doc.blocks),
        }
        self.close("body");
        self.newline();
        if !doc.footnotes.is_empty() {
            self.open("back", &[]);
            self.newline();
            self.open("fn-group", &[]);
            self.newline();
            for id in order {
                let n = self.numbers[id.0].to_string();
                let fn_id = format!("fn{n}");
                self.open("fn", &[("id", &fn_id)]);
                let label = self.labels[id.0].clone();
                self.leaf("label", &label);
                let paras = flatten_to_paragraphs(&doc.footnotes[id.0].blocks);
                if paras.is_empty() {
                    self.event(Event::Empty(BytesStart::new("p")));
                }
                for p in paras {
                    self.open("p", &[]);
                    self.inlines(&p);
                    self.close("p");
                }
                self.close("fn");
                self.newline();
            }
            self.close("fn-group");
            self.newline();
            self.close("back");
            self.newline();
        }
        self.close("article");
        self.newline();
    }

    /// Body blocks, with headings opening nested `<sec>`s. A `<sec>` closes when a heading
    /// of the same or a higher level arrives, so content never follows a nested section.
    fn body<'b>(&mut self, blocks: impl IntoIterator<Item = &'b Block>) {
        let mut open: Vec<u8> = Vec::new();
        for block in blocks {
            if let Block::Heading { level, content } = block {
                while open.last().is_some_and(|&l| l >= *level) {
                    open.pop();
                    self.close("sec");
                    self.newline();
                }
                self.sec_count += 1;
                let id = format!("sec{}", self.sec_count);
                self.open("sec", &[("id", &id)]);
                self.open("title", &[]);
                self.inlines(content);
                self.close("title");
                self.newline();
                open.push(*level);
            } else {
                self.block(block);
            }
        }
        for _ in open {
            self.close("sec");
            self.newline();
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { content, .. } => {
                // Only reached inside lists and quotes, where <sec> is not allowed.
                self.open("p", &[]);
                self.open("bold", &[]);
                self.inlines(content);
                self.close("bold");
                self.close("p");
            }
            Block::Paragraph(content) => {
                self.open("p", &[]);
                self.inlines(content);
                self.close("p");
            }
            Block::List(list) => self.list(list),
            Block::BlockQuote(inner) => {
                self.open("disp-quote", &[]);
                for b in inner {
                    self.block(b);
                }
                if inner.is_empty() {
                    self.event(Event::Empty(BytesStart::new("p")));
                }
                self.close("disp-quote");
            }
            Block::Boxed(boxed) => {
                self.open("boxed-text", &[]);
                if let Some(title) = &boxed.title {
                    self.open("caption", &[]);
                    self.open("title", &[]);
                    self.inlines(title);
                    self.close("title");
                    self.close("caption");
                }
                for b in &boxed.blocks {
                    self.block(b);
                }
                self.close("boxed-text");
            }
            Block::Table(table) => self.table(table),
            Block::Figure {
                caption, lettering, ..
            } => self.figure(caption.as_ref(), lettering),
            Block::Preformatted(text) => self.leaf("preformat", text),
        }
        self.newline();
    }

    fn list(&mut self, list: &List) {
        let (kind, start) = match list.kind {
            ListKind::Bullet => ("bullet", None),
            ListKind::Ordered { start } => ("order", Some(start)),
        };
        // The DTD has no start number: label the items as printed when the labels are not
        // plainly 1., 2., 3. (letters, roman numerals, a start above 1, numbers that skip).
        let plain = start.is_none_or(|s| {
            s == 1
                && list.items.iter().enumerate().all(|(i, item)| {
                    item.label
                        .as_ref()
                        .is_none_or(|l| *l == format!("{}.", i + 1))
                })
        });
        self.open("list", &[("list-type", kind)]);
        for (i, item) in list.items.iter().enumerate() {
            self.open("list-item", &[]);
            if let Some(start) = start.filter(|_| !plain) {
                let label = item
                    .label
                    .clone()
                    .unwrap_or_else(|| format!("{}.", start as usize + i));
                self.leaf("label", &label);
            }
            if item.blocks.is_empty() {
                self.event(Event::Empty(BytesStart::new("p")));
            }
            for b in &item.blocks {
                self.block(b);
            }
            self.close("list-item");
        }
        self.close("list");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(t) => self.text(t),
            Inline::TableNoteRef(label) => self.table_note_ref(label),
            Inline::Strong(c) => self.wrapped("bold", c),
            Inline::Emphasis(c) => self.wrapped("italic", c),
            Inline::Superscript(c) => self.wrapped("sup", c),
            Inline::Subscript(c) => self.wrapped("sub", c),
            Inline::Link { url, content } => {
                self.open(
                    "ext-link",
                    &[("ext-link-type", "uri"), ("xlink:href", url.as_str())],
                );
                // A footnote call-out cannot sit inside a link's text in JATS' content model
                // as writers expect it; keep the visible text only.
                self.text(&crate::model::plain_text(content));
                self.close("ext-link");
            }
            Inline::FootnoteRef(FootnoteId(i)) => {
                if let (Some(n), Some(label)) = (self.numbers.get(*i), self.labels.get(*i)) {
                    let rid = format!("fn{n}");
                    self.open("xref", &[("ref-type", "fn"), ("rid", &rid)]);
                    self.text(label);
                    self.close("xref");
                }
            }
        }
    }

    fn wrapped(&mut self, tag: &str, content: &[Inline]) {
        self.open(tag, &[]);
        self.inlines(content);
        self.close(tag);
    }
}

/// `<fn>` holds only paragraphs: list items and quotes inside a note become paragraphs.
fn flatten_to_paragraphs(blocks: &[Block]) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => out.push(c.clone()),
            Block::List(l) => {
                for item in &l.items {
                    out.extend(flatten_to_paragraphs(&item.blocks));
                }
            }
            Block::BlockQuote(inner) => out.extend(flatten_to_paragraphs(inner)),
            Block::Boxed(boxed) => {
                out.extend(boxed.title.iter().cloned());
                out.extend(flatten_to_paragraphs(&boxed.blocks));
            }
            Block::Table(t) => {
                let caption = |side| t.caption_on(side).map(|c| c.printed.clone());
                out.extend(caption(CaptionSide::Above));
                for row in &t.rows {
                    let mut line = Vec::new();
                    for (i, cell) in row.iter().enumerate() {
                        if i > 0 {
                            line.push(Inline::text(" | "));
                        }
                        line.extend(cell.iter().cloned());
                    }
                    out.push(line);
                }
                out.extend(t.notes.iter().map(|n| {
                    let mut line = vec![Inline::text(format!("{} ", n.label))];
                    line.extend(n.content.iter().cloned());
                    line
                }));
                out.extend(caption(CaptionSide::Below));
            }
            Block::Preformatted(t) => out.push(vec![Inline::text(t.clone())]),
            Block::Figure {
                caption, lettering, ..
            } => {
                out.extend(caption.iter().map(|c| c.printed.clone()));
                out.extend(lettering.iter().map(|l| vec![Inline::text(l.clone())]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Footnote, ListItem};

    #[test]
    fn sections_nest_and_close_by_level() {
        let h = |level, s: &str| Block::Heading {
            level,
            content: vec![Inline::text(s)],
        };
        let p = |s: &str| Block::Paragraph(vec![Inline::text(s)]);
        let doc = Document {
            blocks: vec![
                p("intro"),
                h(1, "A"),
                h(2, "A.1"),
                p("x"),
                h(1, "B"),
                p("y"),
            ],
            ..Default::default()
        };
        let xml = write(&doc);
        let body = &xml[xml.find("<body>").unwrap()..xml.find("</body>").unwrap()];
        let compact: String = body.split('\n').collect();
        assert_eq!(
            compact,
            "<body><p>intro</p><sec id=\"sec1\"><title>A</title><sec id=\"sec2\"><title>A.1</title><p>x</p></sec></sec><sec id=\"sec3\"><title>B</title><p>y</p></sec>"
        );
    }

    #[test]
    fn footnotes_go_to_back_and_control_chars_are_reported() {
        let doc = Document {
            blocks: vec![
                Block::Paragraph(vec![
                    Inline::text("bad\u{1}char"),
                    Inline::FootnoteRef(FootnoteId(0)),
                ]),
                Block::List(List {
                    kind: ListKind::Ordered { start: 3 },
                    items: vec![ListItem::default()],
                }),
            ],
            footnotes: vec![Footnote {
                label: "9".into(),
                recovered: false,
                blocks: vec![],
            }],
            ..Default::default()
        };
        let mut report = Report::default();
        let xml = write_with_report(&doc, &mut report);
        // The printed label travels; the id follows the output's order.
        assert!(xml.contains("<p>badchar<xref ref-type=\"fn\" rid=\"fn1\">9</xref></p>"));
        assert!(xml.contains("<fn id=\"fn1\"><label>9</label><p/></fn>"));
        assert!(xml.contains("<list-item><label>3.</label><p/></list-item>"));
        assert_eq!(report.count(ActionKind::CharactersRemoved), 1);
    }

    #[test]
    fn a_paragraph_past_the_text_node_limit_is_split_by_comments_only() {
        // Nine MiB of one word, a multi-byte character at every step: no character cut,
        // no text node past the limit, the text itself unchanged.
        let word = "é".repeat(9 << 19);
        let doc = Document {
            blocks: vec![Block::Paragraph(vec![Inline::text(&word)])],
            ..Default::default()
        };
        let xml = write(&doc);
        let p = &xml[xml.find("<p>").unwrap() + 3..xml.find("</p>").unwrap()];
        let nodes: Vec<&str> = p.split("<!---->").collect();
        assert_eq!(nodes.len(), 3);
        assert!(nodes.iter().all(|n| n.len() <= MAX_TEXT_NODE));
        assert_eq!(nodes.concat(), word);
    }
}
