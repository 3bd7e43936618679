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
