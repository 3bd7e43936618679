//! Cleaning passes: each a small function over the reader's pages that removes furniture or
//! repairs text, recording what it did in the [`Report`].

use crate::report::Report;
use crate::source::SourceDocument;

/// Runs every cleaning pass in order.
pub fn run(_doc: &mut SourceDocument, _report: &mut Report) {}
