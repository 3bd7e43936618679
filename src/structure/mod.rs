//! Structure recovery: from cleaned lines to the document model — metadata from the title
//! block, then units, pieces (headings, paragraphs, list items, notes), paragraphs rejoined
//! across breaks, list nesting, heading levels, and footnote links.

pub mod assemble;
pub mod boxes;
mod captions;
pub mod casing;
mod cell_lines;
pub mod classify;
mod column_groups;
mod continued_tables;
pub mod declared;
pub mod extent_tables;
pub mod families;
mod header_above;
pub mod indented;
pub mod joins;
pub mod linking;
pub mod listings;
pub mod misread_markers;
pub mod note_zones;
pub mod notes;
pub mod outline;
pub mod output;
pub mod pieces;
mod placed_cells;
pub mod placed_tables;
pub mod raw_items;
mod ruled_tables;
mod shapes;
pub mod table_header;
pub mod table_notes;
pub mod table_run;
pub mod tables;
pub mod tagged;
pub mod tagged_lines;
pub mod tagged_tables;
pub mod text_headings;
pub mod title_block;
pub mod uncased;
pub mod units;

use crate::lines::TextLine;
use crate::model::{Document, Metadata};
use crate::report::Report;
use crate::source::SourceInfo;

/// Builds the document model from cleaned lines.
///
/// `link_targets` are the URIs of the input's link annotations, used to repair URLs whose
/// visible text the layout broke.
pub fn build(
    lines: Vec<TextLine>,
    info: &SourceInfo,
    link_targets: &[String],
    report: &mut Report,
) -> Document {
    let paged = lines.iter().any(|l| l.geometry.is_some()) && !info.recognised;
    let (metadata, body, lexicon) = split_title_block(lines, info, report);
    let measure = units::measure(&body);
    let mut pieces = pieces::pieces(&body, measure, &lexicon, report);
    // The structure tree, when the document's tags were judged usable, else the outline.
    let tree_used = body.iter().any(|l| l.tag.is_some());
    let levels = if tree_used {
        tagged::apply(&mut pieces, &body, measure.body.as_ref(), report)
    } else {
        outline::apply(
            &mut pieces,
            &info.outline,
            metadata.title.as_deref(),
            report,
        )
    };
    // The page of each piece, by position (a note marker is looked for near its note).
    let piece_pages: Vec<usize> = pieces.iter().map(|p| p.page).collect();
    let piece_boxes = boxes::piece_boxes(&pieces, &body);
    // The lines are in the pieces now: a long document need not hold both.
    drop(body);
    let (mut notes, mut body_pieces) = notes::collect(pieces, report);
    let annotated = joins::LinkTargets::new(link_targets, report);
    for note in &mut notes {
        note.text = joins::restore_urls(&note.text, link_targets);
        note.text = annotated.print(&note.text, report, note.page, &note.lines);
    }
    for (_, piece) in &mut body_pieces {
        piece.text = annotated.print(&piece.text, report, piece.page, &piece.lines);
    }
    let mut drafts = assemble::assemble_around_boxes(
        body_pieces,
        &lexicon,
        measure.wrapped,
        &piece_boxes,
        report,
    );
    tagged::set_levels(&mut drafts, &levels);
    assemble::close_level_gaps(&mut drafts);
    linking::link_notes(&mut drafts, &mut notes, paged, &piece_pages, report);
    captions::attach(&mut drafts);
    continued_tables::join_over_pages(&mut drafts, report);
    Document {
        metadata,
        blocks: boxes::blocks(drafts, &piece_boxes),
        footnotes: output::footnotes(&notes),
    }
}

/// Reads the title block into metadata (with what the file declares about itself, where
/// the opening pages confirm it) and returns it with the body lines that remain (notes
/// about the authors and page-edge lines naming the publication taken out) and the
/// document's lexicon.
pub fn split_title_block(
    lines: Vec<TextLine>,
    info: &SourceInfo,
    report: &mut Report,
) -> (Metadata, Vec<TextLine>, joins::Lexicon) {
    let dictionary = casing::WordCase::from_lines(&lines);
    let lexicon = joins::Lexicon::from_lines(&lines);
    let opening = declared::Opening::from_lines(&lines, info);
    let declared_title = declared::confirmed_title(info, &opening, report);
    let title = title_block::extract(&lines, &dictionary, declared_title.as_deref(), report);
    let metadata = declared::fill(title.metadata, info, declared_title, &opening, report);
    let mut metadata = metadata;
    let marks = title_block::author_marks(title.consumed.iter().map(|&i| &lines[i]), &metadata);
    let mut body: Vec<TextLine> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| title.consumed.binary_search(i).is_err())
        .map(|(_, l)| l)
        .collect();
    title_block::take_author_notes(&mut body, &mut metadata, report);
    title_block::take_affiliation_list(&mut body, &mut metadata, report);
    title_block::take_marked_notes(&marks, &mut body, &mut metadata, &lexicon, report);
    title_block::remove_branding_lines(&mut body, &metadata, report);
    (metadata, body, lexicon)
}
