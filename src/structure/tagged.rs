//! A tagged PDF's own account of its structure, used as the strongest evidence when it
//! can be trusted.
//!
//! The reader puts a [`LineTag`] on each line (see `readers::pdf::tagged`). Here the
//! document is judged once, as a whole, and the decision is recorded in the report:
//!
//! - **Artifacts** (`/Artifact` marked content: running heads, feet, page numbers) are
//!   furniture and removed, even on a single page, unless the producer marked most of
//!   the text so (then the marking proves nothing).
//! - **The structure tree** is used when it covers most of the text, names some block
//!   structure besides paragraphs, and does not call every line a heading. Then a
//!   tagged `H1`–`H6` is a heading at that level whatever its size, and a line the tree
//!   puts in a paragraph, a list item, a table cell, a note or a caption is never one.
//!   Otherwise the tags are dropped and layout decides, as for an untagged file.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeSet;

use crate::layout::BodyStyle;
use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::source::{ArtifactKind, LineTag, SourceInfo, TagKind};

use super::assemble::{Draft, Placed};
use super::classify::{NoteLabel, line_marker, note_label};
use super::pieces::{Piece, PieceKind, promote_to_heading};
use super::tagged_lines::in_block;

/// Share of the non-artifact lines that must lie in a tagged block element.
const MIN_COVERAGE: f32 = 0.6;
/// Above this share of tagged lines, "heading" means nothing.
const MAX_HEADING_SHARE: f32 = 0.5;
/// Above this share of lines, "artifact" means nothing (a producer that wraps whole
/// pages in `/Artifact`); line-numbered transcripts come close to half.
const MAX_ARTIFACT_SHARE: f32 = 0.67;

/// Judges the document's tags, removes artifact lines when their marking is credible,
/// and drops the structure tags when the tree is not to be trusted. Does nothing for
/// lines without tags.
pub fn prepare(lines: &mut Vec<TextLine>, info: &SourceInfo, report: &mut Report) {
    let tagged_any = lines.iter().any(|l| l.tag.is_some());
    let Some(structure) = info.structure.as_ref() else {
        return;
    };
    let content: Vec<&TextLine> = lines.iter().filter(|l| !l.is_blank()).collect();
    let total = content.len();
    if total == 0 {
        return;
    }
    let artifacts = content.iter().filter(|l| is_artifact(l.tag)).count();
    if !tagged_any {
        report.push(Action::new(ActionKind::Guess).evidence(format!(
            "structure tree not used: none of the text is marked as its content ({} elements read{})",
            structure.elements,
            problems(&structure.problems)
        )));
        return;
    }
    let artifacts_credible = (artifacts as f32) <= MAX_ARTIFACT_SHARE * total as f32;
    let in_blocks = content
        .iter()
        .filter(|l| l.tag.is_some_and(|t| in_block(&t)))
        .count();
    let headings = content
        .iter()
        .filter(|l| l.tag.is_some_and(|t| matches!(t.kind, TagKind::Heading(_))))
        .count();
    let body = total - artifacts;
    // Coverage by characters: formulas and figure labels drawn untagged come in many
    // short fragments and should not outvote the text.
    let chars = |l: &&&TextLine| l.plain_cow().chars().filter(|c| !c.is_whitespace()).count();
    let body_chars: usize = content
        .iter()
        .filter(|l| !is_artifact(l.tag))
        .map(|l| chars(&l))
        .sum();
    let block_chars: usize = content
        .iter()
        .filter(|l| l.tag.is_some_and(|t| in_block(&t)))
        .map(|l| chars(&l))
        .sum();
    let coverage = if body_chars == 0 {
        0.0
    } else {
        block_chars as f32 / body_chars as f32
    };
    let block_types = structure.roles.iter().any(|(r, _)| {
        matches!(
            r.as_str(),
            "H" | "H1" | "H2" | "H3" | "H4" | "H5" | "H6" | "L" | "LI" | "Table" | "TD" | "Note"
        )
    });
    let refusal = if coverage < MIN_COVERAGE {
        Some(format!(
            "only {:.0} % of the text ({in_blocks} of {body} lines) lies in a structure element",
            coverage * 100.0
        ))
    } else if !block_types {
        Some("the tree names no headings, lists, tables or notes (everything P/Span)".into())
    } else if headings as f32 > MAX_HEADING_SHARE * in_blocks as f32 {
        Some(format!(
            "{headings} of {in_blocks} tagged lines are headings"
        ))
    } else {
        None
    };
    let roles = structure
        .roles
        .iter()
        .filter(|(r, _)| {
            !matches!(
                r.as_str(),
                "Span" | "Link" | "Document" | "Part" | "Sect" | "Div" | "Art" | "NonStruct"
            )
        })
        .map(|(r, n)| format!("{r} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let evidence = match &refusal {
        None => format!(
            "structure tree used: {} elements ({roles}); {in_blocks} of {body} lines ({:.0} % of the text) in tagged blocks, {headings} heading lines{}",
            structure.elements,
            coverage * 100.0,
            problems(&structure.problems)
        ),
        Some(why) => format!(
            "structure tree not used, layout decides: {why} ({} elements: {roles}{})",
            structure.elements,
            problems(&structure.problems)
        ),
    };
    report.push(Action::new(ActionKind::Guess).evidence(evidence));
    if artifacts > 0 && !artifacts_credible {
        report.push(Action::new(ActionKind::Guess).evidence(format!(
            "artifact marking not used: {artifacts} of {total} lines are marked as artifacts"
        )));
    }
    if artifacts > 0 && artifacts_credible {
        remove_artifacts(lines, report);
    }
    if refusal.is_some() {
        for l in lines.iter_mut() {
            l.tag = None;
        }
    }
}

fn problems(list: &[String]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!("; tree problems: {}", list.join("; "))
    }
}

fn is_artifact(tag: Option<LineTag>) -> bool {
    tag.is_some_and(|t| t.kind == TagKind::Artifact)
}

fn remove_artifacts(lines: &mut Vec<TextLine>, report: &mut Report) {
    let mut kept = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        let Some(kind) = line.tag.filter(|t| t.kind == TagKind::Artifact) else {
            kept.push(line);
            continue;
        };
        let plain = line.plain_cow();
        let bare = plain.trim();
        let number = crate::clean::furniture::is_page_number(&plain)
            || (!bare.is_empty() && bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_digit()));
        let action = if number {
            ActionKind::PageNumber
        } else {
            ActionKind::RunningHeader
        };
        let what = match kind.artifact {
            Some(ArtifactKind::Header) => "/Pagination /Header",
            Some(ArtifactKind::Footer) => "/Pagination /Footer",
            Some(ArtifactKind::Pagination) => "/Pagination",
            Some(ArtifactKind::Watermark) => "/Watermark",
            Some(ArtifactKind::Layout) => "/Layout",
            Some(ArtifactKind::Page) => "/Page",
            Some(ArtifactKind::Background) => "/Background",
            Some(ArtifactKind::Other) | None => "untyped",
        };
        report.push(
            Action::new(action)
                .page(line.page)
                .lines([line.source_line])
                .before(plain)
                .evidence(format!("marked in the PDF as an {what} artifact"))
                .confidence(0.95),
        );
    }
    *lines = kept;
}

/// What the tags make of the pieces: tagged headings become headings at the tree's level
/// (ranked onto our scale), and heading candidates the tree puts in running text, lists,
/// table cells, notes or captions become running text. Each change is reported.
/// Returns the levels of the tagged headings, by piece position (see [`set_levels`]).
/// `body` is how the document sets its running text, when the lines tell.
pub fn apply(
    pieces: &mut [Piece],
    lines: &[TextLine],
    body: Option<&BodyStyle>,
    report: &mut Report,
) -> HashMap<usize, u8> {
    let mut levels_by_piece = HashMap::new();
    let tags: HashMap<(usize, usize), LineTag> = lines
        .iter()
        .filter_map(|l| Some(((l.page, l.source_line), l.tag.filter(in_block)?)))
        .collect();
    if tags.is_empty() {
        return levels_by_piece;
    }
    // Whether every line at (page, line number) labels a form's field, and whether
    // every line there is set like running text, read once.
    let mut labels: HashMap<(usize, usize), bool> = HashMap::new();
    let mut body_set: HashMap<(usize, usize), bool> = HashMap::new();
    for l in lines {
        *labels.entry((l.page, l.source_line)).or_insert(true) &= l.form_label;
        let plain = match (body, l.geometry.as_ref()) {
            (Some(b), Some(g)) => b.is_body(g),
            _ => false,
        };
        *body_set.entry((l.page, l.source_line)).or_insert(true) &= plain;
    }
    let beside_values = labels_beside_values(lines);
    let kind_of = |p: &Piece| -> Option<TagKind> {
        let mut counts: Vec<(TagKind, usize)> = Vec::new();
        for n in &p.lines {
            if let Some(t) = tags.get(&(p.page, *n)) {
                match counts.iter_mut().find(|c| c.0 == t.kind) {
                    Some(c) => c.1 += 1,
                    None => counts.push((t.kind, 1)),
                }
            }
        }
        counts.into_iter().max_by_key(|c| c.1).map(|c| c.0)
    };
    // A tree that tags no heading at all says nothing about which paragraphs are
    // headings (the author set them by hand in body style): it only rules out cells,
    // items, notes and captions.
    let names_headings = tags.values().any(|t| matches!(t.kind, TagKind::Heading(_)));
    let levels: BTreeSet<u8> = pieces
        .iter()
        .filter_map(|p| match kind_of(p) {
            Some(TagKind::Heading(l)) => Some(l),
            _ => None,
        })
        .collect();
    let rank = |l: u8| levels.iter().position(|&x| x == l).unwrap_or(0) as u8 + 1;
    for (i, p) in pieces.iter_mut().enumerate() {
        let Some(kind) = kind_of(p) else {
            continue;
        };
        let is_heading = matches!(p.kind, PieceKind::Heading { .. });
        match kind {
            // A bare number ("1" in a form's section disc) is a label, tagged or not.
            TagKind::Heading(level)
                if !names_something(&p.text)
                    && matches!(
                        p.kind,
                        PieceKind::Text | PieceKind::Heading { run_in: false, .. }
                    ) =>
            {
                keep_as_text(
                    p,
                    format!(
                        "not a heading though tagged H{level}: no word in it (a bare number is \
                         a label)"
                    ),
                    report,
                );
            }
            // A form's label or question, which the drawing around it or around the
            // fields it stands among gives away, is no heading however the form's author
            // tagged it.
            TagKind::Heading(level)
                if matches!(
                    p.kind,
                    PieceKind::Text | PieceKind::Heading { run_in: false, .. }
                ) && all_form_labels(p, &labels) =>
            {
                keep_as_text(
                    p,
                    format!(
                        "not a heading though tagged H{level}: a form's label, question or \
                         side tab, by the boxes and rules drawn around it or its fields"
                    ),
                    report,
                );
            }
            // A label and its value beside it on one baseline, in the body's type
            // ("Fälligkeit:" then "19. Oktober 2028"): a term of a list laid out with a
            // tab, however the word processor's style tagged it.
            TagKind::Heading(level)
                if matches!(
                    p.kind,
                    PieceKind::Text | PieceKind::Heading { run_in: false, .. }
                ) && label_beside_value(p, &beside_values, &body_set) =>
            {
                keep_as_text(
                    p,
                    format!(
                        "not a heading though tagged H{level}: a label ending in a colon with \
                         its value beside it on one baseline, set like running text"
                    ),
                    report,
                );
            }
            // A paragraph of running text, set in the body's face and size across several
            // lines and ending on its full stop, is what it looks like: a word
            // processor's heading style laid on a paragraph and then overridden.
            TagKind::Heading(level)
                if matches!(p.kind, PieceKind::Text) && set_as_running_text(p, &body_set) =>
            {
                keep_as_text(
                    p,
                    format!(
                        "not a heading though tagged H{level}: a paragraph of {} words over \
                         {} lines, set in the body's face and size and ended by a full stop",
                        crate::rich::plain(&p.text).split_whitespace().count(),
                        p.lines.len()
                    ),
                    report,
                );
            }
            TagKind::Heading(level) if matches!(p.kind, PieceKind::Text) || is_heading => {
                if !is_heading {
                    promote_to_heading(
                        p,
                        format!("heading: tagged H{level} in the PDF's structure tree"),
                        0.95,
                        report,
                    );
                }
                levels_by_piece.insert(i, rank(level));
            }
            // A tagged list item with its printed label is an item, whatever it looked like.
            TagKind::ListItem
                if matches!(
                    p.kind,
                    PieceKind::Text | PieceKind::Heading { run_in: false, .. }
                ) && let Some(marker) = line_marker(&p.text) =>
            {
                if is_heading {
                    report.push(
                        Action::new(ActionKind::Guess)
                            .page(p.page)
                            .lines(p.lines.iter().copied().take(1))
                            .before(crate::rich::plain(&p.text))
                            .evidence("not a heading: the PDF's structure tree tags it as a list item (LI)")
                            .confidence(0.9),
                    );
                }
                p.text = marker.text_after(&p.text);
                p.kind = PieceKind::Item(marker);
            }
            TagKind::Paragraph if !names_headings => {}
            TagKind::Paragraph
            | TagKind::ListItem
            | TagKind::TableCell
            | TagKind::Note
            | TagKind::Caption
            | TagKind::Contents
            | TagKind::Figure
                if matches!(p.kind, PieceKind::Heading { run_in: false, .. }) =>
            {
                keep_as_text(
                    p,
                    format!(
                        "not a heading: the PDF's structure tree tags it as {}",
                        describe(kind)
                    ),
                    report,
                );
            }
            TagKind::TableCell if matches!(p.kind, PieceKind::Note(_)) => {
                p.kind = PieceKind::Text;
            }
            // A tagged note that starts with its label is note text wherever it stands;
            // the label links it to its reference as for any note.
            TagKind::Note if matches!(p.kind, PieceKind::Text) => {
                let (label, len) = note_label(&p.text, true);
                if label != NoteLabel::None {
                    report.push(
                        Action::new(ActionKind::FootnoteText)
                            .page(p.page)
                            .lines(p.lines.iter().copied().take(1))
                            .before(crate::rich::plain(&p.text))
                            .evidence("note text: tagged Note in the PDF's structure tree")
                            .confidence(0.9),
                    );
                    p.text = p
                        .text
                        .get(len..)
                        .unwrap_or_default()
                        .trim_start()
                        .to_string();
                    p.kind = PieceKind::Note(label);
                }
            }
            _ => {}
        }
    }
    levels_by_piece
}

/// Gives the headings made from the pieces in `levels` (by position) those levels,
/// over the levels guessed from type size and numbering.
pub fn set_levels(drafts: &mut [Placed], levels: &HashMap<usize, u8>) {
    if levels.is_empty() {
        return;
    }
    for d in drafts.iter_mut() {
        if let (Draft::Heading { level, .. }, Some(l)) = (&mut d.draft, levels.get(&d.first)) {
            *level = (*l).clamp(1, 6);
        }
    }
}

/// Turns a heading candidate into running text, with the reason in the report.
fn keep_as_text(p: &mut Piece, why: String, report: &mut Report) {
    report.push(
        Action::new(ActionKind::Guess)
            .page(p.page)
            .lines(p.lines.iter().copied().take(1))
            .before(crate::rich::plain(&p.text))
            .evidence(why)
            .confidence(0.9),
    );
    p.kind = PieceKind::Text;
}

/// Whether every line of the piece is a form's label or a side tab's word (see
/// [`crate::layout::fields`]); `labels` tells it for each (page, line number).
fn all_form_labels(p: &Piece, labels: &HashMap<(usize, usize), bool>) -> bool {
    let mut of_piece = p
        .lines
        .iter()
        .filter_map(|n| labels.get(&(p.page, *n)))
        .peekable();
    of_piece.peek().is_some() && of_piece.all(|&l| l)
}

/// Words from which a tagged heading set as running text reads as a paragraph.
const PARAGRAPH_WORDS: usize = 20;

/// Whether a piece reads as a paragraph of running text: two lines or more, every one
/// in the body's face and size (`body_set` tells it for each page and line number), at
/// least [`PARAGRAPH_WORDS`] words, ending on a full stop.
fn set_as_running_text(p: &Piece, body_set: &HashMap<(usize, usize), bool>) -> bool {
    let plain = crate::rich::plain(&p.text);
    p.lines.len() >= 2
        && plain.trim_end().ends_with('.')
        && plain.split_whitespace().count() >= PARAGRAPH_WORDS
        && p.lines
            .iter()
            .all(|n| body_set.get(&(p.page, *n)).copied().unwrap_or(false))
}

/// The lines (page, line number) that end on a colon and have the next line in reading
/// order beside them, to their right on their baseline: a label and its value.
fn labels_beside_values(lines: &[TextLine]) -> HashSet<(usize, usize)> {
    lines
        .windows(2)
        .filter(|w| {
            let (Some(a), Some(b)) = (w[0].geometry, w[1].geometry) else {
                return false;
            };
            w[0].page == w[1].page
                && b.bbox.x0 > a.bbox.x1
                && (a.baseline - b.baseline).abs() <= 0.12 * a.font_size.max(b.font_size)
                && w[0].plain_cow().trim_end().ends_with(':')
        })
        .map(|w| (w[0].page, w[0].source_line))
        .collect()
}

/// Whether a piece opens on a label with its value beside it ([`labels_beside_values`])
/// and every line of it is set like running text.
fn label_beside_value(
    p: &Piece,
    beside_values: &HashSet<(usize, usize)>,
    body_set: &HashMap<(usize, usize), bool>,
) -> bool {
    p.lines.len() >= 2
        && p.lines
            .first()
            .is_some_and(|n| beside_values.contains(&(p.page, *n)))
        && p.lines
            .iter()
            .all(|n| body_set.get(&(p.page, *n)).copied().unwrap_or(false))
}

/// Whether a text holds a letter: a heading names something, while a bare number or a
/// sign is a label (an index's "A" over its entries still names its letter).
fn names_something(text: &str) -> bool {
    crate::rich::plain(text).chars().any(char::is_alphabetic)
}

fn describe(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Paragraph => "running text (P)",
        TagKind::ListItem => "a list item (LI)",
        TagKind::TableCell => "a table cell (TD/TH)",
        TagKind::Note => "a note (Note)",
        TagKind::Caption => "a caption",
        TagKind::Contents => "a table-of-contents entry (TOCI)",
        TagKind::Figure => "a figure or formula",
        _ => "another element",
    }
}
