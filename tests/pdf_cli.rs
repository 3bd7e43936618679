//! `brief2md FILE.pdf` end to end.

mod support;

use assert_cmd::Command;
use support::*;

#[test]
fn converts_a_pdf_to_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(
        &path,
        one_page(
            "BT /F1 11 Tf 72 700 Td (The river was dammed in 1995.) Tj ET \
             BT /F1 11 Tf 72 686 Td (Farmers downstream noticed.) Tj ET",
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("brief2md")
        .unwrap()
        .arg(&path)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("The river was dammed in 1995. Farmers downstream noticed."),
        "{md}"
    );
}

#[test]
fn failures_are_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.pdf");
    std::fs::write(&path, b"%PDF-1.4\nthis is not really a pdf").unwrap();
    let out = Command::cargo_bin("brief2md")
        .unwrap()
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("brief2md: {}: damaged PDF", path.display())),
        "{err}"
    );
}

/// A PDF of `pages` pages of ordinary text.
fn long_pdf(pages: usize) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    for page in 0..pages {
        let mut content = String::new();
        for line in 0..40 {
            content.push_str(&format!(
                "BT /F1 10 Tf 72 {} Td (Page {page}, line {line}: water tables fell again.) Tj ET ",
                750 - line * 14
            ));
        }
        b.page(&content);
    }
    b.build()
}

#[test]
fn a_document_over_the_memory_budget_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.pdf");
    std::fs::write(&path, long_pdf(60)).unwrap();
    let run = |budget: &str| {
        Command::cargo_bin("brief2md")
            .unwrap()
            .args(["-q", "--max-memory", budget])
            .arg(&path)
            .output()
            .unwrap()
    };
    let out = run("1M");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "brief2md: {}: over the memory budget (",
            path.display()
        )) && err.contains("the limit is 1 MiB; see --max-memory)"),
        "{err}"
    );
    // The default budget, and none at all, convert it.
    for budget in ["1G", "0"] {
        let out = run(budget);
        assert!(out.status.success(), "{budget}: {:?}", out.stderr);
        assert!(String::from_utf8_lossy(&out.stdout).contains("water tables fell"));
    }
}

#[test]
fn in_a_batch_the_budget_fails_only_the_document_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // 200 pages: well over 2 MiB of the document's own (the shared regular expressions
    // are compiled on a thread of their own, so no document is charged for them).
    std::fs::write(input.join("long.pdf"), long_pdf(200)).unwrap();
    std::fs::write(
        input.join("short.pdf"),
        one_page("BT /F1 11 Tf 72 700 Td (A short note.) Tj ET"),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = Command::cargo_bin("brief2md")
        .unwrap()
        .args(["-q", "-j", "2", "--max-memory", "2M", "-o"])
        .arg(&out_dir)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("long.pdf: over the memory budget"), "{err}");
    assert!(out_dir.join("short.md").is_file());
    assert!(!out_dir.join("long.md").exists());
}
