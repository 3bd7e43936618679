//! The shared PDF corpus and the four bench typesetters. The data lives outside the
//! repository (`BRIEF2MD_CORPUS`, default `../shared/corpus`; bench documents in
//! `BRIEF2MD_BENCH/docs`, default `tests/bench/docs`). When it is absent these tests say so
//! loudly and pass, except under `CI=true`, where absence is a failure.

mod support;

use std::collections::HashMap;
use std::path::Path;

use brief2md::readers::pdf;
use brief2md::report::Report;
use brief2md::source::{Script, SourceDocument};
use brief2md::{Error, Options, convert};
use support::*;

fn read_file(path: &Path) -> Result<SourceDocument, Error> {
    let bytes = std::fs::read(path).expect("corpus file readable");
    let mut report = Report::default();
    pdf::read(&bytes, &mut report)
}

#[test]
fn whole_corpus_reads_without_panic_and_fails_in_one_line() {
    let Some(dir) = shared_dir("BRIEF2MD_CORPUS", "../shared/corpus") else {
        return;
    };
    let files = pdfs_under(&dir);
    assert!(
        files.len() > 100,
        "corpus looks incomplete: {} PDFs",
        files.len()
    );
    let mut with_text = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("corpus file readable");
        let result = std::panic::catch_unwind(|| {
            let opts = Options {
                source_name: Some(path.display().to_string()),
                ..Default::default()
            };
            convert(&bytes, &opts).map(|_| ())
        });
        match result {
            Err(_) => panic!("panic on {}", path.display()),
            Ok(Err(e)) => {
                let msg = e.to_string();
                assert!(
                    !msg.is_empty() && !msg.contains('\n'),
                    "{}: {msg:?}",
                    path.display()
                );
            }
            Ok(Ok(())) => with_text += 1,
        }
    }
    assert!(
        with_text * 10 > files.len() * 7,
        "{with_text} of {} converted",
        files.len()
    );
}

#[test]
fn corpus_encryption_cases() {
    let Some(dir) = shared_dir("BRIEF2MD_CORPUS", "../shared/corpus") else {
        return;
    };
    // Opens with the empty user password.
    let doc = read_file(&dir.join("lopdf/encrypted.pdf")).expect("empty password opens it");
    assert!(
        doc.pages
            .iter()
            .any(|p| p.lines.iter().any(|l| !l.is_blank()))
    );
    // Needs a real password.
    let err = read_file(&dir.join("pdfplumber/password-example.pdf")).unwrap_err();
    assert_eq!(err.to_string(), "encrypted: a password is needed");
    // An inline /Encrypt (which lopdf alone loads as an empty document) is repaired, so
    // the file gets the same answer as any other needing a password.
    for name in ["rc4-40", "rc4-128", "aes-128", "aes-256"] {
        let err = read_file(&dir.join(format!("pdfminer/{name}.pdf"))).unwrap_err();
        assert!(matches!(err, Error::Encrypted), "{name}: {err}");
    }
    // Scans.
    let err = read_file(&dir.join("tika/testOCR.pdf")).unwrap_err();
    assert!(matches!(err, Error::NoTextLayer { .. }), "{err}");
}

/// Bag-of-tokens F1 between two texts (whitespace tokens).
fn token_f1(ours: &str, reference: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for t in s.split_whitespace() {
            *m.entry(t.to_string()).or_default() += 1;
        }
        m
    };
    let (a, b) = (count(ours), count(reference));
    let overlap: usize = a
        .iter()
        .map(|(t, n)| (*n).min(*b.get(t).unwrap_or(&0)))
        .sum();
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if overlap == 0 {
        return 0.0;
    }
    let (p, r) = (overlap as f64 / na as f64, overlap as f64 / nb as f64);
    2.0 * p * r / (p + r)
}

/// Our text, line by line (`NAME.raw.txt` is `pdftotext -raw`, which keeps line-end
/// hyphens as we do).
fn plain_text(doc: &SourceDocument) -> String {
    let mut out = String::new();
    for line in doc.pages.iter().flat_map(|p| &p.lines) {
        out.push_str(&line.text());
        out.push('\n');
    }
    out
}

#[test]
fn bench_typesetters_match_pdftotext_and_mark_footnotes() {
    let Some(dir) = bench_docs_dir() else {
        return;
    };
    let mut checked = 0;
    for pdf in pdfs_under(&dir) {
        // Beside each PDF, `pdftotext -raw` output as NAME.raw.txt.
        let reference = pdf.with_extension("raw.txt");
        let Ok(reference) = std::fs::read_to_string(&reference) else {
            continue;
        };
        let doc = read_file(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        let f1 = token_f1(&plain_text(&doc), &reference);
        eprintln!("{}: token F1 {f1:.4}", pdf.display());
        assert!(f1 > 0.98, "{}: token F1 {f1:.3}", pdf.display());
        let markers: Vec<String> = doc
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.spans)
            .filter(|s| s.style.script == Script::Super)
            .map(|s| s.text.trim().to_string())
            .collect();
        assert!(
            markers.len() >= 5,
            "{}: superscripts {markers:?}",
            pdf.display()
        );
        assert!(
            markers
                .iter()
                .all(|m| m.chars().all(|c| c.is_ascii_digit())),
            "{}: {markers:?}",
            pdf.display()
        );
        assert!(markers.contains(&"1".to_string()) && markers.contains(&"2".to_string()));
        checked += 1;
    }
    assert!(
        checked >= 4,
        "only {checked} bench PDFs with references found"
    );
}
