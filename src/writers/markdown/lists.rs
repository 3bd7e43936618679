//! Lists: bullets and numbers Markdown can count, labels it cannot (`a.`, `(ii)`) kept as
//! printed, nested blocks indented to their item's content, and consecutive lists kept
//! apart.

use crate::model::{Block, Inline, List, ListKind};

use super::{Writer, push_separator};

impl Writer<'_> {
    pub(super) fn list(&self, list: &List, out: &mut Vec<String>) {
        let delimiter = match numbering(list) {
            Numbering::Plain(d) => d,
            Numbering::Printed => {
                // Numbers that skip ("150." "151." "152.", then "157."): one list per run
                // that counts up by one, each starting at its printed number.
                let Some(runs) = counting_runs(list) else {
                    return self.labelled_list(list, out);
                };
                for (k, run) in runs.iter().enumerate() {
                    if k > 0 {
                        push_separator(out);
                        out.push("<!-- -->".to_string());
                        out.push(String::new());
                    }
                    self.list(run, out);
                }
                return;
            }
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

/// A numbered list whose printed numbers skip, cut into the runs that count up by one,
/// each an ordered list starting at its first number: `None` unless every item carries a
/// plain number (at most nine digits, as CommonMark allows) with one delimiter, and the
/// numbers skip somewhere.
fn counting_runs(list: &List) -> Option<Vec<List>> {
    let ListKind::Ordered { .. } = list.kind else {
        return None;
    };
    let mut numbers = Vec::with_capacity(list.items.len());
    let mut delimiter = None;
    for item in &list.items {
        let label = item.label.as_deref()?;
        let digits = label.strip_suffix(['.', ')'])?;
        let d = label.chars().last()?;
        if digits.is_empty() || digits.len() > 9 || delimiter.is_some_and(|e| e != d) {
            return None;
        }
        delimiter = Some(d);
        numbers.push(digits.parse::<u32>().ok()?);
    }
    let mut runs: Vec<List> = Vec::new();
    for (item, &n) in list.items.iter().zip(&numbers) {
        match runs.last_mut() {
            Some(run)
                if matches!(run.kind, ListKind::Ordered { start }
                    if start as usize + run.items.len() == n as usize) =>
            {
                run.items.push(item.clone())
            }
            _ => runs.push(List {
                kind: ListKind::Ordered { start: n },
                items: vec![item.clone()],
            }),
        }
    }
    (runs.len() > 1).then_some(runs)
}

/// Whether two adjacent blocks are lists that CommonMark would merge into one (same
/// bullet or same numbering style).
pub(super) fn same_list_family(a: &Block, b: &Block) -> bool {
    match (a, b) {
        (Block::List(x), Block::List(y)) => {
            matches!(x.kind, ListKind::Bullet) == matches!(y.kind, ListKind::Bullet)
        }
        _ => false,
    }
}
