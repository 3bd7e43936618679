//! Where material outside the repository lives (`../shared/…`, or an environment variable),
//! and what a test does when it is missing: under CI it fails, elsewhere it says so loudly
//! and skips. Included by both `common` and `support`.

#![allow(dead_code)]

use std::io::Write as _;
use std::path::PathBuf;

/// Whether we run under CI, where missing material is a failure rather than a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `$env` when set, else `default` relative to the crate (e.g. `../shared/corpus`).
pub fn shared_path(env: &str, default: &str) -> PathBuf {
    std::env::var_os(env)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default))
}

/// Fails under CI; elsewhere writes a skip banner straight to the process's stderr (the
/// test harness hides `eprintln!` output of passing tests, and this must be seen).
pub fn skip_or_fail(msg: &str) {
    assert!(!in_ci(), "{msg} (under CI this material must be present)");
    let banner = format!("\n*** SKIPPED: {msg} ***\n");
    let _ = std::io::stderr().write_all(banner.as_bytes());
}

/// The benchmark's root (`score.py`, `docs/`): `$BRIEF2MD_BENCH`, else the copy that
/// travels with the repository, `tests/bench`.
pub fn bench_root() -> PathBuf {
    shared_path("BRIEF2MD_BENCH", "tests/bench")
}

/// The JATS 1.4 DTD folder: `$BRIEF2MD_JATS_DTD_DIR`, else the copy in the repository,
/// `tests/jats-dtd/1.4` (public domain; its README says where it comes from).
pub fn jats_dtd_path() -> PathBuf {
    shared_path("BRIEF2MD_JATS_DTD_DIR", "tests/jats-dtd/1.4")
}
