//! The native PDF reader (positioned, styled text via lopdf) is not part of this build yet.

use crate::error::Error;
use crate::report::Report;
use crate::source::SourceDocument;

/// Reads a PDF. Not implemented yet: fails with a message saying what to do instead.
pub fn read(_bytes: &[u8], _report: &mut Report) -> Result<SourceDocument, Error> {
    Err(Error::Unsupported(
        "PDF input is not supported yet: extract the text first (e.g. `pdftotext -layout`) and convert the .txt"
            .to_string(),
    ))
}
