//! Inputs that once hung or exhausted memory (`tests/hostile/`: fuzzer mutants and minimal
//! repros, each `.json` says how it was made), and the text repros generated here. Each
//! must end with a document or a one-line error, and say what it dropped.
//!
//! A conversion runs on its own thread under a generous wall-clock guard: the guard only
//! turns a hang into a failure instead of a stuck test run; it is no timing assertion.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use brief2md::{Conversion, Error, Options, convert};

/// Long enough for a slow debug build on a busy machine; a hang never ends.
const HANG_GUARD: Duration = Duration::from_secs(120);

fn convert_guarded(name: &str, bytes: Vec<u8>) -> Result<Conversion, Error> {
    let (tx, rx) = mpsc::channel();
    let options = Options {
        source_name: Some(name.to_string()),
        ..Options::default()
    };
    std::thread::spawn(move || {
        let _ = tx.send(convert(&bytes, &options));
    });
    match rx.recv_timeout(HANG_GUARD) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: still converting after {HANG_GUARD:?}: a hang")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: the conversion panicked"),
    }
}

fn repros() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/hostile is part of the repository")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_hang_repro_ends_with_a_document_or_one_line_error() {
    let files = repros();
    assert!(files.len() >= 6, "repros missing: {files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        match convert_guarded(&name, bytes) {
            Ok(c) => {
                let md = brief2md::writers::markdown::write(&c.document, &Default::default());
                assert!(!md.is_empty(), "{name}: empty output");
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(!msg.is_empty() && !msg.contains('\n'), "{name}: {msg:?}");
            }
        }
    }
}

#[test]
fn a_glyph_larger_than_its_page_is_dropped_and_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile/hang-min-gutter-huge-font-size.pdf");
    let c = convert_guarded("huge-font.pdf", std::fs::read(path).unwrap()).unwrap();
    assert!(
        c.report
            .warnings
            .iter()
            .any(|w| w.starts_with("page 1: 1 glyph(s)") && w.contains("dropped")),
        "{:?}",
        c.report.warnings
    );
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(md.contains("Ordinary line number 9 with words."), "{md}");
}

#[test]
fn eight_thousand_ordinary_lines_convert_whole() {
    let line = "The committee met in the spring to consider the evidence on regional water use and agreed.";
    let mut text = String::from("Title\n\n");
    for _ in 0..8000 {
        text.push_str(line);
        text.push('\n');
    }
    let c = convert_guarded("lines.txt", text.into_bytes()).unwrap();
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    // Nothing lost without a word: every line is in the output or in a report entry.
    let removed = c
        .report
        .actions
        .iter()
        .filter(|a| {
            a.before
                .as_deref()
                .is_some_and(|b| b.contains("regional water use"))
        })
        .count();
    assert_eq!(md.matches("regional water use").count() + removed, 8000);
}

#[test]
fn a_chain_of_hyphenated_line_ends_stays_small() {
    // 100,000 lines of "inter-": one endless word. Joining it once cost memory with the
    // square of its length; now each decision looks at a bounded end of the text.
    let mut text = String::from("Title\n\n");
    for _ in 0..100_000 {
        text.push_str("inter-\n");
    }
    let c = convert_guarded("chain.txt", text.into_bytes()).unwrap();
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let removed = c
        .report
        .actions
        .iter()
        .filter(|a| a.kind != brief2md::report::ActionKind::Dehyphenated)
        .filter_map(|a| a.before.as_deref())
        .map(|b| b.matches("inter").count())
        .sum::<usize>();
    assert_eq!(md.matches("inter").count() + removed, 100_000);
    // Report entries quote bounded snippets, not the whole run of letters.
    let report = serde_json::to_string(&c.report).unwrap();
    assert!(
        report.len() < 1000 * 100_000,
        "report of {} bytes",
        report.len()
    );
}

/// How many times `needle` appears in the Markdown or in the text the report says was removed.
fn kept_or_reported(c: &Conversion, needle: &str) -> usize {
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let removed: usize = c
        .report
        .actions
        .iter()
        .filter_map(|a| a.before.as_deref())
        .map(|b| b.matches(needle).count())
        .sum();
    md.matches(needle).count() + removed
}

#[test]
fn a_list_indented_three_thousand_levels_deep_converts_whole() {
    // Each item one tab deeper than the last: the laid-out page is tens of thousands of
    // characters wide. The search for a column gutter once read every row at every
    // position, with the cube of the depth (2,000 levels took minutes).
    let mut text = String::from("A Study of Regional Water Policy\n\nIntroduction\n\n");
    for depth in 0..3000 {
        text.push_str(&"\t".repeat(depth));
        text.push_str(&format!("{depth}. item\n"));
    }
    let c = convert_guarded("deep.txt", text.into_bytes()).unwrap();
    assert!(kept_or_reported(&c, "item") >= 3000, "items lost");
}

#[test]
fn a_hundred_and_fifty_thousand_form_fed_pages_convert_whole() {
    // Every page prints the same paragraph under a running "page N". Telling copies of a
    // form from a book once compared every page with every other (100,000 pages took a
    // minute); each page is now compared with its neighbours.
    let para = "The committee met in the spring to consider the evidence on regional water use.";
    let mut text = String::new();
    for page in 0..150_000 {
        text.push_str(&format!("page {page}\n{para}\u{c}"));
    }
    let c = convert_guarded("pages.txt", text.into_bytes()).unwrap();
    assert_eq!(kept_or_reported(&c, "regional water use"), 150_000);
}
