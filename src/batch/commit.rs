//! What became of one input, and the last step of its conversion: renaming its written
//! outputs into place, done by a batch's committing thread.

use std::path::Path;
use std::time::Instant;

use super::Planned;
use super::manifest::{Line, Status};
use super::names::escape_os;
use super::output::Pending;

/// What became of one input.
pub(super) struct Finished {
    pub(super) line: Line,
    pub(super) pages: usize,
    pub(super) warnings: Vec<String>,
    pub(super) summary: Option<String>,
    /// Outputs written but not yet renamed into place (see [`commit`]).
    pub(super) pending: Vec<Pending>,
}

/// Renames an input's written outputs into place, in the order written; the first that
/// fails fails the input as a failed write during its conversion would. (They are not
/// synced: the manifest records their checksums, which `--resume` checks.)
pub(super) fn commit(p: &Planned, mut f: Finished) -> Finished {
    let started = Instant::now();
    for pending in std::mem::take(&mut f.pending) {
        let path = pending.path().to_path_buf();
        if let Err(e) = pending.commit() {
            // Dropped, the rest remove their temporaries.
            fail(p, &mut f.line, write_error(&path, e));
            f.line.pages = None;
            f.line.footnotes = None;
            f.line.warnings = 0;
            f.pages = 0;
            f.warnings.clear();
            f.summary = None;
            break;
        }
    }
    f.line.ms = f.line.ms.saturating_add(elapsed_ms(started));
    f
}

/// Marks `line` failed with `message`.
pub(super) fn fail(p: &Planned, line: &mut Line, message: String) {
    line.status = Status::Error;
    line.error = Some(message);
    line.outputs.clear();
    line.output_sha256.clear();
    // An output left by an earlier run came from other bytes: no output stays beside a
    // failed input, so the tree never shows a stale conversion as current. (A folder that
    // could not be walked has no outputs of its own.)
    if p.job.problem.is_none() {
        for path in std::iter::once(&p.output).chain(&p.report) {
            let _ = std::fs::remove_file(path);
        }
    }
}

pub(super) fn write_error(path: &Path, e: std::io::Error) -> String {
    format!("cannot write {}: {e}", escape_os(path.as_os_str()))
}

pub(super) fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
