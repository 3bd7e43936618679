//! Body assembly: pieces into headings, paragraphs and lists. Paragraphs cut by a page
//! break, a running header or a block of notes are rejoined; list items get their nesting;
//! headings get their levels; lead-ins ("Economic Viability: …") become bold.

mod lead_ins;
mod levels;
mod nesting;
mod paragraphs;

pub use lead_ins::bold_lead_in;
use lead_ins::lead_in_for;
pub use levels::close_level_gaps;
use levels::{HeadingInfo, assign_heading_levels, tidy_heading};
pub use nesting::{MAX_LIST_DEPTH, nest};
use paragraphs::{append, continues, cut_mid_sentence};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::model::CaptionSide;
use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::classify::{BulletClass, ItemMarker};
use super::joins::Lexicon;
use super::pieces::{Piece, PieceKind};
use super::table_run::GroupedHead;

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
        /// The header's rows over the one naming the columns, and cells across columns.
        head: GroupedHead,
        /// The notes printed under it: label as printed, rich text.
        notes: Vec<(String, String)>,
        /// The caption printed right above or below it.
        caption: Option<DraftCaption>,
    },
    /// A figure, known by the caption printed alone under or over it, or by the lettering
    /// of a chart the drawing proves, or both.
    Figure {
        /// The caption.
        caption: Option<DraftCaption>,
        /// The chart's lettering, plain, a line each.
        lettering: Vec<String>,
    },
    /// A code listing, lines and indentation as printed.
    Listing {
        /// The listing's text.
        text: String,
    },
}

/// A table's or figure's caption: its label as printed and its whole text, rich.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftCaption {
    /// "Table 3", "Fig. 2".
    pub label: String,
    /// The caption as printed, label included.
    pub text: String,
    /// Where it sits against its table (always above for a figure's, which stands alone).
    pub side: CaptionSide,
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

/// How far (in points) two pieces' type sizes may differ and still be one type.
const SAME_TYPE: f32 = 0.3;

/// The largest share of the text's type size a list set below a column as small print
/// is in (a note's 7.5 points under 9.8-point text); a list a point smaller is the
/// text's own, set a size down.
const SMALL_PRINT: f32 = 0.85;

/// A list item waiting for its run to end: marker, indentation, text, and where each of
/// its pieces starts (visible-character offset, piece position).
struct PendingItem {
    marker: ItemMarker,
    indent: f32,
    size: Option<f32>,
    text: String,
    origins: Vec<(usize, usize)>,
}
/// Builds draft blocks from the body pieces (with their positions).
pub fn assemble(
    body: Vec<(usize, Piece)>,
    lex: &Lexicon,
    wrapped: bool,
    report: &mut Report,
) -> Vec<Placed> {
    assemble_around_boxes(body, lex, wrapped, &[], report)
}

/// [`assemble`], knowing the box each piece lies in (`piece_boxes`, by position; 0: none,
/// see [`crate::structure::boxes::piece_boxes`]): running text that a box interrupts
/// mid-sentence goes on with the paragraph before the box, which then follows the whole
/// paragraph, as a box follows the text it sits beside.
pub fn assemble_around_boxes(
    body: Vec<(usize, Piece)>,
    lex: &Lexicon,
    wrapped: bool,
    piece_boxes: &[u32],
    report: &mut Report,
) -> Vec<Placed> {
    let boxed = |order: usize| piece_boxes.get(order).is_some_and(|&b| b != 0);
    let mut out: Vec<Placed> = Vec::new();
    let mut headings: Vec<(usize, HeadingInfo)> = Vec::new();
    let mut run: Vec<PendingItem> = Vec::new();
    let mut run_pos = (0, 0, 0);
    let geometric = body.iter().any(|(_, p)| p.font_size.is_some());

    // Items nested deeper than writers and readers can hold, set at the deepest level.
    let mut flattened = 0usize;
    let mut flush =
        |run: &mut Vec<PendingItem>, out: &mut Vec<Placed>, pos: (usize, usize, usize)| {
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
                    depth: {
                        flattened += usize::from(depth > MAX_LIST_DEPTH);
                        depth.min(MAX_LIST_DEPTH)
                    },
                    class: p.marker.class,
                    ordinal: p.marker.ordinal,
                    label: p.marker.printed_label(),
                    text: lead_in_for(&p.text, p.size),
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
    // The `first` orders of paragraphs and lists, with their pages and type sizes, and
    // those of paragraphs that open with a caption's label ("Fig. 7."). Running text on
    // another page or in another size than a caption is the body a figure's caption was
    // set beside, and text in another size than a list the small print of a note set
    // below a column ("* Correspondence: …"): it goes on past them when the paragraph
    // before is in the text's own size.
    let mut blocks: HashMap<usize, (usize, Option<f32>)> = HashMap::new();
    let mut captions: HashSet<usize> = HashSet::new();
    // The orders of running text whose last line is full, with their pages.
    let mut cut_full: HashMap<usize, usize> = HashMap::new();
    for (order, piece) in body {
        match piece.kind {
            PieceKind::Aside => {
                flush(&mut run, &mut out, run_pos);
                asides.insert(order);
                out.push(Placed::single(
                    Draft::Para {
                        text: lead_in_for(&piece.text, piece.font_size),
                    },
                    order,
                    piece.page,
                ));
            }
            PieceKind::ChartText => {
                flush(&mut run, &mut out, run_pos);
                out.push(Placed {
                    draft: Draft::Figure {
                        caption: None,
                        lettering: piece.text.lines().map(str::to_string).collect(),
                    },
                    first: order,
                    last: order,
                    page: piece.page,
                    origins: Vec::new(),
                });
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
            PieceKind::Table(rows, head) => {
                flush(&mut run, &mut out, run_pos);
                out.push(Placed {
                    draft: Draft::Table {
                        rows,
                        head,
                        notes: Vec::new(),
                        caption: None,
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
                    let text: String = rich::plain(&piece.text).chars().take(60).collect();
                    // The letter read for the bullet is what the repair took out.
                    let before = marker.misread_as.map(|glyph| format!("{glyph} {text}"));
                    let mut action = Action::new(ActionKind::BulletRepaired)
                        .page(piece.page)
                        .lines(piece.lines.iter().copied().take(1))
                        .after(text)
                        .evidence(
                            format!("a letter read for a {:?} bullet", marker.class).to_lowercase(),
                        )
                        .confidence(0.85);
                    action.before = before;
                    report.push(action);
                }
                if run.is_empty() {
                    blocks.insert(order, (piece.page, piece.font_size));
                }
                run.push(PendingItem {
                    marker,
                    indent: piece.indent,
                    size: piece.font_size,
                    text: piece.text,
                    origins: vec![(0, order)],
                });
            }
            _ => {
                // Running text: a continuation of the item or paragraph it interrupts?
                let text = piece.text;
                let placed = piece.font_size.is_some();
                // A page that cut a sentence in a full line: its next page goes on with
                // it, whatever the case of the first word ("Professor Paul" / "Krugman").
                if piece.ends_full {
                    cut_full.insert(order, piece.page);
                }
                let cut_by_page = |before: usize, prev: &str| {
                    cut_full.get(&before).is_some_and(|&page| page < piece.page)
                        && cut_mid_sentence(prev, &text)
                };
                let same_size = |size: Option<f32>| match (size, piece.font_size) {
                    (Some(a), Some(b)) => (a - b).abs() <= SAME_TYPE,
                    _ => true,
                };
                // A paragraph set in the text's own size.
                let in_text_size = |p: &Placed| {
                    matches!(p.draft, Draft::Para { .. })
                        && blocks
                            .get(&p.first)
                            .is_some_and(|&(_, size)| same_size(size))
                };
                // A list in other type than the text, after a paragraph in the text's type
                // that the text goes on with: small print set below a column ("*
                // Correspondence: …"), which the text's sentence goes on past.
                let small_print = |size: Option<f32>| {
                    size.zip(piece.font_size)
                        .is_some_and(|(a, b)| a < SMALL_PRINT * b)
                };
                let past_run = !run.is_empty()
                    && run.iter().all(|item| small_print(item.size))
                    && out
                        .iter()
                        .rev()
                        .find(|p| !asides.contains(&p.first))
                        .is_some_and(|p| {
                            in_text_size(p)
                                && matches!(&p.draft, Draft::Para { text: prev }
                                    if continues(prev, &text, wrapped, placed)
                                        || cut_by_page(p.last, prev))
                        });
                if !past_run
                    && let Some(last) = run.last_mut()
                    && (continues(&last.text, &text, wrapped, placed)
                        || cut_by_page(run_pos.1, &last.text))
                {
                    report_join(report, &piece.lines, piece.page);
                    last.origins
                        .push((rich::plain(&last.text).chars().count(), order));
                    let rejoined = append(&mut last.text, &text, lex);
                    report_rejoined(report, rejoined, &piece.lines, piece.page);
                    run_pos.1 = order;
                    continue;
                }
                // The paragraph an aside or a box interrupted, or the last block. A list
                // that ends a box ends with it.
                let outside = !boxed(order);
                if !run.is_empty() && (outside && boxed(run_pos.0) && boxed(run_pos.1) || past_run)
                {
                    flush(&mut run, &mut out, run_pos);
                }
                let set_apart = |p: &Placed| {
                    blocks
                        .get(&p.first)
                        .is_some_and(|&(page, size)| match p.draft {
                            Draft::List { .. } => small_print(size),
                            Draft::Para { .. } if captions.contains(&p.first) => {
                                page != piece.page || !same_size(size)
                            }
                            _ => false,
                        })
                };
                let behind_past = |past_set_apart: bool| {
                    out.iter()
                        .rev()
                        .take_while(|p| {
                            asides.contains(&p.first)
                                || (past_set_apart && set_apart(p))
                                || (outside && boxed(p.first) && boxed(p.last))
                        })
                        .count()
                };
                // Past a caption or small print only to a paragraph in the text's size.
                let (past, plain) = (behind_past(true), behind_past(false));
                let behind = if past > plain
                    && !out
                        .len()
                        .checked_sub(past + 1)
                        .is_some_and(|t| in_text_size(&out[t]))
                {
                    plain
                } else {
                    past
                };
                let target = out
                    .len()
                    .checked_sub(behind + 1)
                    .filter(|&t| !outside || !boxed(out[t].first));
                if run.is_empty()
                    && let Some(Placed {
                        draft: Draft::Para { text: prev },
                        last,
                        origins,
                        ..
                    }) = target.and_then(|t| out.get_mut(t))
                    && (continues(prev, &text, wrapped, placed) || cut_by_page(*last, prev))
                {
                    report_join(report, &piece.lines, piece.page);
                    origins.push(Origin {
                        item: None,
                        offset: rich::plain(prev).chars().count(),
                        order,
                    });
                    let rejoined = append(prev, &text, lex);
                    report_rejoined(report, rejoined, &piece.lines, piece.page);
                    *last = order;
                    continue;
                }
                flush(&mut run, &mut out, run_pos);
                blocks.insert(order, (piece.page, piece.font_size));
                if crate::caption_labels::opens_caption(&rich::plain_cow(&text)) {
                    captions.insert(order);
                }
                out.push(Placed::single(
                    Draft::Para {
                        text: lead_in_for(&text, piece.font_size),
                    },
                    order,
                    piece.page,
                ));
            }
        }
    }
    flush(&mut run, &mut out, run_pos);
    if flattened > 0 {
        report.warn(format!(
            "{flattened} list item(s) nested deeper than {MAX_LIST_DEPTH} levels set at level \
             {MAX_LIST_DEPTH} (their text is kept)"
        ));
    }
    assign_heading_levels(&mut out, &headings);
    out
}

/// A word hyphenated before the break and rejoined after it: reported as a line end's
/// would be (the join changes the words of the text).
fn report_rejoined(
    report: &mut Report,
    word: Option<crate::structure::joins::BoundDash>,
    lines: &[usize],
    page: usize,
) {
    let Some(crate::structure::joins::BoundDash {
        dash,
        head,
        tail,
        dropped,
        why,
    }) = word
    else {
        return;
    };
    report.push(
        Action::new(ActionKind::Dehyphenated)
            .page(page)
            .lines(lines.iter().copied().take(1))
            .before(format!("{head}{dash} {tail}"))
            .after(if dropped {
                format!("{head}{tail}")
            } else {
                format!("{head}{dash}{tail}")
            })
            .evidence(if dropped {
                format!("hyphenation across a break: {why}")
            } else {
                format!("hyphen or dash kept across a break, no space added: {why}")
            })
            .confidence(0.75),
    );
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

#[cfg(test)]
mod tests;
