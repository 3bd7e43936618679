//! Structure recovery: from cleaned lines to the document model — metadata from the title
//! block, then units, pieces (headings, paragraphs, list items, notes), paragraphs rejoined
//! across breaks, list nesting, heading levels, and footnote links.

pub mod assemble;
pub mod casing;
pub mod classify;
pub mod joins;
pub mod linking;
pub mod notes;
pub mod output;
pub mod pieces;
pub mod placed_tables;
pub mod tables;
pub mod text;
pub mod title_block;
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
    let paged = lines.iter().any(|l| l.geometry.is_some());
    let (metadata, body, lexicon) = split_title_block(lines, report);
    let measure = units::measure(&body);
    let pieces = pieces::pieces(&body, measure, &lexicon, report);
    let (mut notes, body_pieces) = notes::collect(pieces, report);
    for note in &mut notes {
        note.text = joins::restore_urls(&note.text, link_targets);
    }
    let mut drafts = assemble::assemble(body_pieces, &lexicon, measure.wrapped, report);
    linking::link(&mut drafts, &notes, paged, report);
    Document {
        metadata: with_declared(metadata, info),
        blocks: output::blocks(drafts),
        footnotes: output::footnotes(&notes),
    }
}

/// Reads the title block into metadata and returns it with the body lines that remain
/// (notes about the authors and page-edge lines naming the publication taken out) and
/// the document's lexicon.
pub fn split_title_block(
    lines: Vec<TextLine>,
    report: &mut Report,
) -> (Metadata, Vec<TextLine>, joins::Lexicon) {
    let dictionary = casing::WordCase::from_lines(&lines);
    let lexicon = joins::Lexicon::from_lines(&lines);
    let title = title_block::extract(&lines, &dictionary, report);
    let mut metadata = title.metadata;
    let mut body: Vec<TextLine> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| title.consumed.binary_search(i).is_err())
        .map(|(_, l)| l)
        .collect();
    title_block::take_author_notes(&mut body, &mut metadata, report);
    title_block::remove_branding_lines(&mut body, &metadata, report);
    (metadata, body, lexicon)
}

/// Fills gaps in what the page showed with what the file declares about itself.
fn with_declared(mut meta: Metadata, info: &SourceInfo) -> Metadata {
    if meta.title.is_none() {
        meta.title = info.title.clone().filter(|t| !t.trim().is_empty());
    }
    if meta.authors.is_empty()
        && let Some(author) = info.author.as_deref().filter(|a| !a.trim().is_empty())
    {
        meta.authors = title_block::split_names(author)
            .into_iter()
            .map(crate::model::Contributor::named)
            .collect();
    }
    if meta.date.is_none()
        && let Some(created) = info.created.as_deref()
    {
        meta.date = crate::date::parse_date_line(created.get(..10).unwrap_or(created));
    }
    meta
}
