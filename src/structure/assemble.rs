//! Body assembly: pieces into headings, paragraphs and lists. Paragraphs cut by a page
//! break, a running header or a block of notes are rejoined; list items get their nesting;
//! headings get their levels; lead-ins ("Economic Viability: …") become bold.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, BOLD_OFF, BOLD_ON};

use super::classify::{BulletClass, ItemMarker};
use super::joins::Lexicon;
use super::pieces::{Piece, PieceKind};
use crate::line_kinds::{opens_caption, title_like};
use crate::words::{ends_sentence, words};

/// A block before footnote linking, its text still rich.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    /// A heading.
    Heading {
        /// 1-6.
        level: u8,
        /// Rich text.
        text: String,
    },
    /// A paragraph.
    Para {
        /// Rich text.
        text: String,
    },
    /// A list, flat, with each item's depth.
    List {
        /// Items in order.
        items: Vec<DraftItem>,
    },
    /// A table: rows of cells, the first the header.
    Table {
        /// Cell texts.
        rows: Vec<Vec<String>>,
        /// The notes printed under it: label as printed, rich text.
        notes: Vec<(String, String)>,
    },
    /// A code listing, lines and indentation as printed.
    Listing {
        /// The listing's text.
        text: String,
    },
}

/// A list item before nesting.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    /// 1 for top-level items.
    pub depth: usize,
    /// Marker family.
    pub class: BulletClass,
    /// Printed number of an ordered item.
    pub ordinal: Option<u32>,
    /// An ordered item's label as printed (`a.`, `(ii)`).
    pub label: Option<String>,
    /// Rich text.
    pub text: String,
}

/// A draft block with where it came from.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The block.
    pub draft: Draft,
    /// Position of its first piece.
    pub first: usize,
    /// Position of its last piece.
    pub last: usize,
    /// Page of its first piece.
    pub page: usize,
    /// Where each joined piece starts, so that a place in the text can be traced back to
    /// the piece (and so the position in the input) it came from.
    pub origins: Vec<Origin>,
}

/// The start of one piece inside a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// List item index, for lists.
    pub item: Option<usize>,
    /// Offset in characters of visible text.
    pub offset: usize,
    /// The piece's position.
    pub order: usize,
}

impl Placed {
    /// A block made of one piece.
    fn single(draft: Draft, order: usize, page: usize) -> Placed {
        Placed {
            draft,
            first: order,
            last: order,
            page,
            origins: vec![Origin {
                item: None,
                offset: 0,
                order,
            }],
        }
    }

    /// Position of the piece that holds visible character `offset` of item `item`.
    pub fn order_at(&self, item: Option<usize>, offset: usize) -> usize {
        self.origins
            .iter()
            .rev()
            .find(|o| o.item == item && o.offset <= offset)
            .map_or(self.first, |o| o.order)
    }
}

/// A list item waiting for its run to end: marker, indentation, text, and where each of
/// its pieces starts (visible-character offset, piece position).
struct PendingItem {
    marker: ItemMarker,
    indent: f32,
    text: String,
    origins: Vec<(usize, usize)>,
}

struct HeadingInfo {
    number: Option<String>,
    run_in: bool,
    /// Font size (PDF input), which ranks heading levels when known.
    size: Option<f32>,
}

/// Builds draft blocks from the body pieces (with their positions).
pub fn assemble(
    body: Vec<(usize, Piece)>,
    lex: &Lexicon,
    wrapped: bool,
    report: &mut Report,
) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::new();
    let mut headings: Vec<(usize, HeadingInfo)> = Vec::new();
    let mut run: Vec<PendingItem> = Vec::new();
    let mut run_pos = (0, 0, 0);
    let geometric = body.iter().any(|(_, p)| p.font_size.is_some());

    let flush = |run: &mut Vec<PendingItem>, out: &mut Vec<Placed>, pos: (usize, usize, usize)| {
        if run.is_empty() {
            return;
        }
        let keys: Vec<(BulletClass, f32)> =
            run.iter().map(|p| (p.marker.class, p.indent)).collect();
        let origins = run
            .iter()
            .enumerate()
            .flat_map(|(k, p)| {
                p.origins.iter().map(move |&(offset, order)| Origin {
                    item: Some(k),
                    offset,
                    order,
                })
            })
            .collect();
        let depths = nest(&keys, if geometric { 4.0 } else { 1.0 });
        let items = run
            .drain(..)
            .zip(depths)
            .map(|(p, depth)| DraftItem {
                depth,
                class: p.marker.class,
                ordinal: p.marker.ordinal,
                label: p.marker.printed_label(),
                text: bold_lead_in(&p.text),
            })
            .collect();
        out.push(Placed {
            draft: Draft::List { items },
            first: pos.0,
            last: pos.1,
            page: pos.2,
            origins,
        });
    };

    // The `first` orders of asides placed: running text after them may continue the
    // paragraph before them.
    let mut asides: HashSet<usize> = HashSet::new();
    for (order, piece) in body {
        match piece.kind {
            PieceKind::Aside => {
                flush(&mut run, &mut out, run_pos);
                asides.insert(order);
                out.push(Placed::single(
                    Draft::Para { text: piece.text },
                    order,
                    piece.page,
                ));
            }
            PieceKind::Listing => {
                flush(&mut run, &mut out, run_pos);
                out.push(Placed {
                    draft: Draft::Listing { text: piece.text },
                    first: order,
                    last: order,
                    page: piece.page,
                    origins: Vec::new(),
                });
            }
            PieceKind::Table(rows) => {
                flush(&mut run, &mut out, run_pos);
                out.push(Placed {
                    draft: Draft::Table {
                        rows,
                        notes: Vec::new(),
                    },
                    first: order,
                    last: order,
                    page: piece.page,
                    origins: Vec::new(),
                });
            }
            PieceKind::TableNote(label) => {
                flush(&mut run, &mut out, run_pos);
                match out.last_mut() {
                    Some(Placed {
                        draft: Draft::Table { notes, .. },
                        last,
                        ..
                    }) => {
                        notes.push((label, piece.text.trim().to_string()));
                        *last = order;
                    }
                    // Notes are only the table's right after it; kept as printed otherwise.
                    _ => out.push(Placed::single(
                        Draft::Para {
                            text: format!("{label} {}", piece.text.trim_start()),
                        },
                        order,
                        piece.page,
                    )),
                }
            }
            PieceKind::Heading { number, run_in } => {
                flush(&mut run, &mut out, run_pos);
                let size = piece.font_size.filter(|s| *s > 0.0);
                headings.push((
                    out.len(),
                    HeadingInfo {
                        number,
                        run_in,
                        size,
                    },
                ));
                out.push(Placed::single(
                    Draft::Heading {
                        level: 1,
                        text: tidy_heading(&piece.text),
                    },
                    order,
                    piece.page,
                ));
            }
            PieceKind::Item(marker) => {
                if run.is_empty() {
                    run_pos = (order, order, piece.page);
                }
                run_pos.1 = order;
                if marker.misread {
                    report.push(
                        Action::new(ActionKind::BulletRepaired)
                            .page(piece.page)
                            .lines(piece.lines.iter().copied().take(1))
                            .after(
                                rich::plain(&piece.text)
                                    .chars()
                                    .take(60)
                                    .collect::<String>(),
                            )
                            .evidence(
                                format!("a letter read for a {:?} bullet", marker.class)
                                    .to_lowercase(),
                            )
                            .confidence(0.85),
                    );
                }
                run.push(PendingItem {
                    marker,
                    indent: piece.indent,
                    text: piece.text,
                    origins: vec![(0, order)],
                });
            }
            _ => {
                // Running text: a continuation of the item or paragraph it interrupts?
                let text = piece.text;
                if let Some(last) = run.last_mut()
                    && continues(&last.text, &text, wrapped)
                {
                    report_join(report, &piece.lines, piece.page);
                    last.origins
                        .push((rich::plain(&last.text).chars().count(), order));
                    append(&mut last.text, &text, lex);
                    run_pos.1 = order;
                    continue;
                }
                // The paragraph an aside interrupted, or the last block.
                let behind = out
                    .iter()
                    .rev()
                    .take_while(|p| asides.contains(&p.first))
                    .count();
                let target = out.len().checked_sub(behind + 1);
                if run.is_empty()
                    && let Some(Placed {
                        draft: Draft::Para { text: prev },
                        last,
                        origins,
                        ..
                    }) = target.and_then(|t| out.get_mut(t))
                    && continues(prev, &text, wrapped)
                {
                    report_join(report, &piece.lines, piece.page);
                    origins.push(Origin {
                        item: None,
                        offset: rich::plain(prev).chars().count(),
                        order,
                    });
                    append(prev, &text, lex);
                    *last = order;
                    continue;
                }
                flush(&mut run, &mut out, run_pos);
                out.push(Placed::single(
                    Draft::Para {
                        text: bold_lead_in(&text),
                    },
                    order,
                    piece.page,
                ));
            }
        }
    }
    flush(&mut run, &mut out, run_pos);
    assign_heading_levels(&mut out, &headings);
    out
}

fn report_join(report: &mut Report, lines: &[usize], page: usize) {
    report.push(
        Action::new(ActionKind::ParagraphJoined)
            .page(page)
            .lines(lines.iter().copied().take(1))
            .evidence("text continues a sentence left open before a break or inserted block")
            .confidence(0.85),
    );
}

/// Whether `next` continues the sentence that `prev` left open.
fn continues(prev: &str, next: &str, wrapped: bool) -> bool {
    let p = rich::plain_without_scripts(prev);
    let p = p.trim_end();
    if p.is_empty() || ends_sentence(prev) || p.ends_with(':') {
        return false;
    }
    let n = rich::plain(next);
    // A caption ("Listing 1: …") opens a block of its own even after an open sentence: the
    // paragraph before a figure or a listing may stop mid-sentence on its own.
    if opens_caption(n.trim_start()) {
        return false;
    }
    let first = n.trim_start().chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    // A sentence cut after a comma, a hyphen or a function word continues whatever comes.
    let last_word = p.rsplit(' ').next().unwrap_or("").to_lowercase();
    let open_word = matches!(
        last_word.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "and"
            | "or"
            | "for"
            | "with"
            | "by"
            | "on"
            | "at"
            | "from"
            | "that"
            | "which"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "its"
            | "their"
            | "his"
            | "her"
    );
    (p.ends_with([',', '-', '–', '—']) || open_word)
        && (wrapped || first.is_alphanumeric() || first == '“' || first == '"')
}

/// Appends `next` to `prev`, rejoining a word hyphenated across the break.
fn append(prev: &mut String, next: &str, lex: &Lexicon) {
    let p = super::joins::visible_tail(prev);
    let n = rich::plain(next);
    if let Some((head, tail)) = super::joins::hyphenated_word(&p, n.trim_start()) {
        if lex.is_hyphenation(&head, &tail) {
            if prev.ends_with('-') {
                prev.pop();
            }
            prev.push_str(next.trim_start());
            return;
        }
        prev.push_str(next.trim_start());
        return;
    }
    prev.push(' ');
    prev.push_str(next.trim_start());
}

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-ZÀ-ÖØ-Þ][^:!?\u{10FFF0}-\u{10FFF9}]*?):[ \t]+(\S)").expect("valid regex")
});

/// What every match of [`LEAD_IN`] holds: a capital first (A–Z, À–Ö, Ø–Þ) and a colon
/// followed by a space or tab. A paragraph without both has no lead-in, and the pattern
/// (compiled for every document before) need not be built for it.
fn may_open_with_lead_in(text: &str) -> bool {
    text.starts_with(|c: char| matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ'))
        && (text.contains(": ") || text.contains(":\t"))
}

/// "Economic Viability: Despite…" → the lead-in in bold (left alone if already bold).
pub fn bold_lead_in(text: &str) -> String {
    if text.starts_with(BOLD_ON) {
        return text.to_string();
    }
    if !may_open_with_lead_in(text) {
        return text.to_string();
    }
    let Some(c) = LEAD_IN.captures(text) else {
        return text.to_string();
    };
    let lead = &c[1];
    let n = words(lead);
    if lead.chars().count() > 61 {
        return text.to_string();
    }
    // A full stop inside the lead is only allowed in abbreviations ("U.S. Response").
    let parts: Vec<&str> = lead.split(". ").collect();
    let sentence_inside = parts[..parts.len() - 1].iter().any(|part| {
        part.rsplit([' ', '.'])
            .next()
            .is_some_and(|w| w.chars().count() > 1)
    });
    if sentence_inside || lead.ends_with('.') && !lead.ends_with("U.S.") {
        return text.to_string();
    }
    let rest_upper = c[2].starts_with(|ch: char| ch.is_uppercase() || ch == '"' || ch == '“');
    if n == 0
        || n > 6
        || !(title_like(lead) || n <= 2 || (n <= 4 && rest_upper))
        || lead.contains("http")
    {
        return text.to_string();
    }
    let rest_at = c.get(2).map_or(text.len(), |m| m.start());
    format!("{BOLD_ON}{lead}:{BOLD_OFF} {}", &text[rest_at..])
}

/// A heading's text: trimmed, a bold wrapper around the whole dropped (the heading's own
/// style says as much). A trailing colon is printed text and stays.
fn tidy_heading(text: &str) -> String {
    let mut t = text.trim().to_string();
    if rich::all_bold(&t) {
        t = t.replace([BOLD_ON, BOLD_OFF], "");
    }
    crate::lines::trim_rich(&t)
}

/// Heading levels: numbered headings by the depth of their number, one level below an
/// unnumbered heading that directly introduces them; an unnumbered heading directly under
/// another heading one level below it; others at level 1.
///
/// Without numbers or sizes, a section that opens straight into a subsection is taken to
/// be divided, and a divided section has at least two subsections (the usual editorial
/// rule: no lone 1.1). So the first unnumbered heading after that subsection's text is its
/// sibling; later ones go back to level 1, since plain text cannot show where the division
/// ends and the minimum is all the convention promises.
fn assign_heading_levels(out: &mut [Placed], headings: &[(usize, HeadingInfo)]) {
    if levels_by_size(out, headings) {
        return;
    }
    let mut offset = 0u8;
    let mut in_numbered_run = false;
    let mut prev: Option<(usize, u8, bool)> = None; // (index, level, numbered)
    // Level of a lone first subsection still waiting for its sibling.
    let mut lone_subsection: Option<u8> = None;
    for (idx, info) in headings {
        let directly_after = prev.is_some_and(|(p, _, _)| p + 1 == *idx);
        let level = match &info.number {
            Some(number) => {
                let depth = number.split('.').filter(|s| !s.is_empty()).count() as u8;
                if !in_numbered_run {
                    offset = match prev {
                        Some((_, l, false)) if directly_after => l,
                        _ => 0,
                    };
                    in_numbered_run = true;
                }
                offset + depth.max(1)
            }
            None => {
                in_numbered_run = false;
                match prev {
                    Some((_, l, false)) if directly_after && !info.run_in => {
                        let level = (l + 1).min(3);
                        lone_subsection = (level > l).then_some(level);
                        level
                    }
                    Some((_, _, false)) if !info.run_in => lone_subsection.take().unwrap_or(1),
                    _ => 1,
                }
            }
        };
        if info.number.is_some() || info.run_in {
            lone_subsection = None;
        }
        let level = level.clamp(1, 6);
        if let Draft::Heading { level: l, .. } = &mut out[*idx].draft {
            *l = level;
        }
        prev = Some((*idx, level, info.number.is_some()));
    }
}

/// PDF input: heading levels by type size, largest first (sizes within half a point are
/// one level). Returns false when some heading has no size.
fn levels_by_size(out: &mut [Placed], headings: &[(usize, HeadingInfo)]) -> bool {
    if headings.is_empty() || headings.iter().any(|(_, h)| h.size.is_none()) {
        return false;
    }
    let mut sizes: Vec<f32> = headings.iter().filter_map(|(_, h)| h.size).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    let mut ranks: Vec<f32> = Vec::new();
    for s in sizes {
        if ranks.last().is_none_or(|r| r - s > 0.5) {
            ranks.push(s);
        }
    }
    for (idx, h) in headings {
        let size = h.size.unwrap_or(0.0);
        let level = ranks
            .iter()
            .position(|r| (r - size).abs() <= 0.5)
            .unwrap_or(0)
            + 1;
        if let Draft::Heading { level: l, .. } = &mut out[*idx].draft {
            *l = (level as u8).min(6);
        }
    }
    true
}

/// Depths for a run of list items from their marker family and indentation.
///
/// With varying indentation (layout text, PDF), indentation decides; without it, the
/// conventional order of bullet families does (•, then ◦, then ▪; numbers, then letters).
pub fn nest(items: &[(BulletClass, f32)], tolerance: f32) -> Vec<usize> {
    let min = items.iter().map(|i| i.1).fold(f32::INFINITY, f32::min);
    let max = items.iter().map(|i| i.1).fold(f32::NEG_INFINITY, f32::max);
    let by_indent = max - min > tolerance;
    let mut stack: Vec<(f32, f32, bool)> = Vec::new(); // (indent, rank, ordered)
    let mut depths = Vec::with_capacity(items.len());
    // Glyphs without a conventional level (‣, ✓, ❖…) take the level where they first
    // appear: at the top if they open the list, else under the item before them.
    let mut dynamic: Vec<(BulletClass, f32)> = Vec::new();
    for &(class, indent) in items {
        let rank = if class.conventional() {
            class.rank()
        } else if let Some(&(_, r)) = dynamic.iter().find(|(c, _)| *c == class) {
            r
        } else {
            let r = stack.last().map_or(0.25, |top| top.1 + 0.6);
            dynamic.push((class, r));
            r
        };
        let deeper = |top: &(f32, f32, bool)| {
            if by_indent {
                indent > top.0 + tolerance
            } else {
                rank > top.1
            }
        };
        let same = |top: &(f32, f32, bool)| {
            if by_indent {
                (indent - top.0).abs() <= tolerance
            } else {
                rank == top.1
            }
        };
        while let Some(top) = stack.last() {
            if same(top) || deeper(top) {
                break;
            }
            stack.pop();
        }
        match stack.last() {
            Some(top) if same(top) => {
                let len = stack.len();
                stack[len - 1] = (indent, rank, class.ordered());
            }
            _ => stack.push((indent, rank, class.ordered())),
        }
        depths.push(stack.len());
    }
    depths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, filled, phrases};

    #[test]
    fn lead_in_test_never_turns_away_a_lead_in() {
        let mut texts = phrases(
            &[
                "Economic",
                "Viability",
                "É",
                "Ø",
                "Þ",
                "ß",
                "a",
                " ",
                "\t",
                ":",
                ": ",
                ":\t",
                "\u{a0}",
                "!",
                "?",
                ".",
                "U.S.",
                "Despite",
                "x",
                "\u{10FFF0}",
                "\n",
                "“",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", " ", "\u{10FFF0}"],
            &["Economic", "Émigré", "Øre", "Þorn", "ZZ", "a", "1"],
            &["", " Viability", " U.S. Response", "?"],
            &[":", ": ", ":\t", ":\u{a0}", " : "],
            &["", "Despite", " Despite", "  x"],
        ]));
        let matched = assert_necessary(&LEAD_IN, may_open_with_lead_in, &texts);
        assert!(matched > 1_000, "{matched}");
    }
    use BulletClass::*;

    #[test]
    fn nesting_by_family_without_indentation() {
        let items = [
            (Disc, 0.0),
            (Circle, 0.0),
            (Circle, 0.0),
            (Disc, 0.0),
            (Circle, 0.0),
            (Square, 0.0),
            (Square, 0.0),
            (Circle, 0.0),
            (Disc, 0.0),
        ];
        assert_eq!(nest(&items, 1.0), vec![1, 2, 2, 1, 2, 3, 3, 2, 1]);
        // An unconventional glyph first, then the usual bullet under it.
        assert_eq!(
            nest(&[(Arrow, 0.0), (Disc, 0.0), (Disc, 0.0), (Arrow, 0.0)], 1.0),
            vec![1, 2, 2, 1]
        );
        // A list that starts with a hollow bullet does not start at depth 2.
        assert_eq!(nest(&[(Circle, 0.0), (Disc, 0.0)], 1.0), vec![1, 1]);
        // Bullets under numbered items nest; the numbering resumes at depth 1.
        assert_eq!(
            nest(
                &[(Number, 0.0), (Circle, 0.0), (Circle, 0.0), (Number, 0.0)],
                1.0
            ),
            vec![1, 2, 2, 1]
        );
        assert_eq!(
            nest(&[(Number, 0.0), (Disc, 0.0), (Number, 0.0)], 1.0),
            vec![1, 2, 1]
        );
    }

    #[test]
    fn nesting_by_indentation() {
        let items = [
            (Disc, 0.0),
            (Circle, 4.0),
            (Circle, 4.0),
            (Disc, 0.0),
            (Disc, 8.0),
        ];
        assert_eq!(nest(&items, 1.0), vec![1, 2, 2, 1, 2]);
    }

    #[test]
    fn lead_ins() {
        assert_eq!(
            bold_lead_in("New Treaty: The latest agreement"),
            format!("{BOLD_ON}New Treaty:{BOLD_OFF} The latest agreement")
        );
        let already = format!("{BOLD_ON}Economic Viability:{BOLD_OFF} Despite");
        assert_eq!(bold_lead_in(&already), already);
        assert_eq!(
            bold_lead_in("In a letter published: the day"),
            "In a letter published: the day"
        );
        assert_eq!(
            bold_lead_in("U.S. Response: The United"),
            format!("{BOLD_ON}U.S. Response:{BOLD_OFF} The United")
        );
        assert_eq!(
            bold_lead_in("As the minister said in a long speech to parliament: we"),
            "As the minister said in a long speech to parliament: we"
        );
    }

    #[test]
    fn continuation_rules() {
        assert!(continues(
            "Pyongyang is limited to",
            "importing 4 million barrels",
            false
        ));
        assert!(!continues("It ended.", "importing", false));
        assert!(!continues("three fronts:", "more", false));
        assert!(continues("signed in Paris,", "Berlin and Rome", true));
        assert!(!continues(
            "Lorem ipsum dolor sit amet,",
            "Listing 1: Simple JavaScript Program",
            false
        ));
        assert!(!continues(
            "A Heading Without End",
            "The next paragraph",
            false
        ));
    }

    #[test]
    fn heading_tidy() {
        // The colon is printed: it stays.
        assert_eq!(
            tidy_heading("Key Outcomes of the Visit: "),
            "Key Outcomes of the Visit:"
        );
        assert_eq!(
            tidy_heading(&format!("{BOLD_ON}Title:{BOLD_OFF}")),
            "Title:"
        );
    }
}
