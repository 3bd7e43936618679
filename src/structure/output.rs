//! Drafts into the document model: rich text into inlines (URLs become links), flat list
//! items into nested lists, note drafts into footnotes.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{
    Block, Caption, Footnote, Inline, List, ListItem, ListKind, TableCaption, TableNote,
};
use crate::rich;

use super::assemble::{Draft, DraftCaption, DraftItem, Placed};
use super::notes::NoteDraft;
use super::table_notes;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\b(?:https?://|www\.)[^\s<>"“”]+"#).expect("valid regex"));

/// What every match of [`URL`] holds: `://` (after `http` or `https`) or `www.`. Text with
/// neither holds no URL, and the pattern (compiled for every document before) need not be
/// built for it.
fn may_hold_url(text: &str) -> bool {
    crate::structure::shapes::holds_url_opening(text, &["://", "www."])
}

/// Splits a text run into text and links; a run without a URL goes in as it is.
fn linkify(text: String, out: &mut Vec<Inline>) {
    if !may_hold_url(&text) {
        if !text.is_empty() {
            out.push(Inline::Text(text));
        }
        return;
    }
    let text = text.as_str();
    let mut last = 0;
    for m in URL.find_iter(text) {
        let mut url = m.as_str();
        // Trailing punctuation belongs to the sentence, a closing bracket only when unmatched.
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '\'', '’', '!', '?']);
            let unmatched = (trimmed.ends_with(')')
                && trimmed.matches('(').count() < trimmed.matches(')').count())
                || (trimmed.ends_with(']') && !trimmed.contains('['));
            let trimmed = if unmatched {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() < 8 {
            continue;
        }
        let start = m.start();
        if start > last {
            out.push(Inline::Text(text[last..start].to_string()));
        }
        let target = if url.to_lowercase().starts_with("www.") {
            format!("http://{url}")
        } else {
            url.to_string()
        };
        out.push(Inline::Link {
            url: target,
            content: vec![Inline::Text(url.to_string())],
        });
        last = start + url.len();
    }
    if last < text.len() {
        out.push(Inline::Text(text[last..].to_string()));
    }
}

fn with_links(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(t) => linkify(t, &mut out),
            Inline::Strong(c) => out.push(Inline::Strong(with_links(c))),
            Inline::Emphasis(c) => out.push(Inline::Emphasis(with_links(c))),
            other => out.push(other),
        }
    }
    out
}

/// Rich text into inline content, with URLs as links and outer whitespace trimmed.
pub fn inlines(text: &str) -> Vec<Inline> {
    let trimmed = crate::lines::trim_rich(text);
    let collapsed = collapse_spaces(&trimmed);
    with_links(rich::to_inlines(&collapsed))
}

/// Each run of whitespace as one space. Most text has single spaces only and comes back
/// borrowed; otherwise the stretches between the runs are copied whole.
fn collapse_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    // End of the text already copied to `out`.
    let mut copied = 0;
    let mut prev_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Whitespace is ASCII (tab to carriage return, space) or a character whose UTF-8
        // form leads with one of these bytes (U+0085, U+00A0, U+1680, U+2000…U+3000).
        let (space, len) = match b {
            b'\t'..=b'\r' | b' ' => (true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().expect("a character starts here");
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        if space && (b != b' ' || prev_space) {
            // A run's first character becomes a space; the rest of the run goes.
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(&s[copied..i]);
            if !prev_space {
                o.push(' ');
            }
            copied = i + len;
        }
        prev_space = space;
        i += len;
    }
    match out {
        None => std::borrow::Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Draft blocks into model blocks.
pub fn blocks(drafts: Vec<Placed>) -> Vec<Block> {
    let mut out = Vec::with_capacity(drafts.len());
    for p in drafts {
        match p.draft {
            Draft::Heading { level, text } => {
                let content = inlines(&text);
                if !content.is_empty() {
                    out.push(Block::Heading { level, content });
                }
            }
            Draft::Para { text } => {
                let content = inlines(&text);
                if !content.is_empty() {
                    out.push(Block::Paragraph(content));
                }
            }
            Draft::List { items } => out.extend(lists(&items, 0, items.len())),
            Draft::Listing { text } => out.push(Block::Preformatted(text)),
            Draft::Figure { caption, lettering } => out.push(Block::Figure {
                caption_below: caption
                    .as_ref()
                    .is_some_and(|c| c.side == crate::model::CaptionSide::Below),
                caption: caption.as_ref().map(model_caption),
                lettering,
            }),
            Draft::Table {
                rows,
                head,
                notes,
                caption,
            } => {
                let labels: Vec<String> = notes.iter().map(|(l, _)| l.clone()).collect();
                out.push(Block::Table(crate::model::Table {
                    header: !head.headless,
                    group_rows: if head.headless { 0 } else { head.rows },
                    spans: head.spans,
                    rows: rows
                        .iter()
                        .map(|r| {
                            r.iter()
                                .map(|c| table_notes::link_marks(inlines(c), &labels))
                                .collect()
                        })
                        .collect(),
                    notes: notes
                        .iter()
                        .map(|(label, text)| TableNote {
                            label: label.clone(),
                            content: inlines(text),
                        })
                        .collect(),
                    caption: caption.as_ref().map(|c| TableCaption {
                        side: c.side,
                        caption: model_caption(c),
                    }),
                }))
            }
        }
    }
    out
}

fn model_caption(caption: &DraftCaption) -> Caption {
    Caption {
        label: caption.label.clone(),
        printed: inlines(&caption.text),
    }
}

/// The lists formed by items[from..to], whose shallowest depth is the list level.
fn lists(items: &[DraftItem], from: usize, to: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    if from >= to {
        return out;
    }
    let level = items[from..to].iter().map(|i| i.depth).min().unwrap_or(1);
    let mut prev_class = None;
    let mut i = from;
    while i < to {
        let item = &items[i];
        // Children: the following items deeper than this level.
        let mut j = i + 1;
        while j < to && items[j].depth > level {
            j += 1;
        }
        if item.depth > level {
            // Deeper items before any item of this level: a list of their own.
            out.extend(lists(items, i, j));
            prev_class = None;
            i = j;
            continue;
        }
        let mut blocks = vec![Block::Paragraph(inlines(&item.text))];
        if let Block::Paragraph(c) = &blocks[0]
            && c.is_empty()
        {
            blocks.clear();
        }
        blocks.extend(lists(items, i + 1, j));
        let kind = if item.class.ordered() {
            ListKind::Ordered {
                start: item.ordinal.unwrap_or(1),
            }
        } else {
            ListKind::Bullet
        };
        // Items continue the list before them only in the same family: letters after
        // numbers open a list of their own, so neither is renumbered into the other.
        let same_kind = |l: &List| match (l.kind, kind) {
            (ListKind::Bullet, ListKind::Bullet) => true,
            (ListKind::Ordered { .. }, ListKind::Ordered { .. }) => prev_class == Some(item.class),
            _ => false,
        };
        let label = item.label.clone().filter(|_| item.class.ordered());
        match out.last_mut() {
            Some(Block::List(l)) if same_kind(l) => l.items.push(ListItem { blocks, label }),
            _ => out.push(Block::List(List {
                kind,
                items: vec![ListItem { blocks, label }],
            })),
        }
        prev_class = Some(item.class);
        i = j;
    }
    out
}

/// Note drafts into footnotes (in the order given).
pub fn footnotes(notes: &[NoteDraft]) -> Vec<Footnote> {
    notes
        .iter()
        .map(|n| Footnote {
            label: n.label.clone(),
            blocks: vec![Block::Paragraph(inlines(&n.text))],
            recovered: n.recovered,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::classify::BulletClass;
    use crate::test_phrases::{assert_necessary, filled, phrases};

    /// Collapsing by bytes gives what collapsing character by character gives, for
    /// strings of every whitespace character, its byte neighbours and sentinels.
    #[test]
    fn spaces_collapse_as_characters_would() {
        let by_chars = |s: &str| {
            let mut out = String::new();
            let mut prev = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    if !prev {
                        out.push(' ');
                    }
                    prev = true;
                } else {
                    out.push(c);
                    prev = false;
                }
            }
            out
        };
        let alphabet: Vec<char> = "a é\t\n\u{B}\u{C}\r\u{1C}\u{1F}\u{85}\u{A0}\u{A1}\u{1680}\u{1681}\u{2000}\u{200A}\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{3001}\u{10FFF0}"
            .chars()
            .collect();
        let n = alphabet.len();
        for k in 0..n * n * n {
            let s: String = [k % n, k / n % n, k / n / n]
                .iter()
                .map(|&i| alphabet[i])
                .collect();
            assert_eq!(collapse_spaces(&s), by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn url_test_never_turns_away_a_url() {
        let mut texts = phrases(
            &[
                "http",
                "https",
                "://",
                ":",
                "/",
                "//",
                "www",
                "WWW",
                "www.",
                ".",
                "w",
                "x",
                "a",
                " ",
                "\u{a0}",
                "\"",
                "“",
                "<",
                "example.org",
                "é",
                "\n",
                "(",
                ")",
                "s",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", "see ", "(", "x"],
            &["http://", "https://", "www.", "ftp://", "HTTP://", "Www."],
            &["", "a", "example.org", "example.org/path"],
            &["", ".", ")", " more"],
        ]));
        let matched = assert_necessary(&URL, may_hold_url, &texts);
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn urls_become_links_without_trailing_punctuation() {
        let v = inlines(
            "See https://example.org/a_(b). And www.example.com, then (https://x.example/y).",
        );
        let urls: Vec<String> = v
            .iter()
            .filter_map(|i| match i {
                Inline::Link { url, .. } => Some(url.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            urls,
            vec![
                "https://example.org/a_(b)",
                "http://www.example.com",
                "https://x.example/y"
            ]
        );
        assert_eq!(
            crate::model::plain_text(&v),
            "See https://example.org/a_(b). And www.example.com, then (https://x.example/y)."
        );
    }

    #[test]
    fn flat_items_nest() {
        let item = |depth, class, text: &str| DraftItem {
            depth,
            class,
            ordinal: Some(1),
            label: None,
            text: text.into(),
        };
        let items = vec![
            item(1, BulletClass::Disc, "a"),
            item(2, BulletClass::Circle, "a1"),
            item(3, BulletClass::Square, "a1x"),
            item(1, BulletClass::Disc, "b"),
            item(1, BulletClass::Number, "n1"),
        ];
        let b = lists(&items, 0, items.len());
        assert_eq!(b.len(), 2, "bullets then a numbered list");
        let Block::List(l) = &b[0] else { panic!() };
        assert_eq!(l.items.len(), 2);
        let Block::List(inner) = &l.items[0].blocks[1] else {
            panic!()
        };
        assert_eq!(inner.items.len(), 1);
        assert!(matches!(inner.items[0].blocks[1], Block::List(_)));
        let Block::List(n) = &b[1] else { panic!() };
        assert_eq!(n.kind, ListKind::Ordered { start: 1 });
    }
}
