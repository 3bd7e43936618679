//! What a line or unit is: list item (and which bullet), note text (and its label),
//! heading, or running text. Each test is a small function over rich text, kept with the
//! others that decide the same kind of thing.

mod citations;
mod headings;
mod markers;
mod note_labels;

pub use citations::{citation_score, has_url, is_url_only};
pub use headings::{
    bold_term_lead, breaks_off, heading_line_shape, is_notes_heading, is_reference_list_heading,
    looks_like_heading_line, numbered_heading, run_in_heading, term_lead, term_lead_in,
};
pub use markers::{BulletClass, ItemMarker, LabelStyle, line_marker};
pub use note_labels::{NoteLabel, note_label, sup_digits};

pub use crate::words::mostly_words;

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    markers::compile_patterns();
    note_labels::compile_patterns();
    headings::compile_patterns();
}
