//! The `brief2md` command end to end: outputs, options, errors and exit codes.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn brief2md() -> Command {
    Command::cargo_bin("brief2md").unwrap()
}

/// Runs with `args`, expecting failure with `code`; returns stderr, checked to be one line
/// that names the file and carries no panic text.
fn fails(args: &[&str], code: i32) -> String {
    let out = brief2md().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(code), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().count(),
        1,
        "one-line error expected, got {err:?}"
    );
    assert!(err.starts_with("brief2md: "), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
    err
}

#[test]
fn converts_the_sample_to_markdown_on_stdout() {
    let out = brief2md()
        .arg(fixture("sample-brief.txt"))
        .arg("-q")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "-q prints nothing");
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("---\n"));
    assert!(md.contains("Across the western Sahel"));
    common::parse_markdown(&md);
}

#[test]
fn jats_output_validates_and_is_inferred_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let xml_path = dir.path().join("brief.xml");
    brief2md()
        .arg(fixture("sample-brief.txt"))
        .arg("-o")
        .arg(&xml_path)
        .assert()
        .success();
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    assert!(xml.starts_with("<?xml"));
    common::assert_valid_jats(&xml, "sample-brief.txt via -o .xml");

    let out = brief2md()
        .args(["-t", "jats", "-q"])
        .arg(fixture("sample-brief.txt"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), xml);
}

#[test]
fn reads_stdin_and_writes_a_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    let out = brief2md()
        .args(["-", "-q", "--report"])
        .arg(&report)
        .write_stdin("Line one\n\x0cLine two bad \u{7} char\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["reader"], "text");
    assert_eq!(json["pages"], 2);
    assert_eq!(json["actions"][0]["kind"], "characters-removed");
}

#[test]
fn several_inputs_go_to_a_directory_and_one_failure_sets_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let input_dir = tempfile::tempdir().unwrap();
    let second = input_dir.path().join("second.txt");
    std::fs::write(&second, "Just a paragraph.\n").unwrap();
    let missing = input_dir.path().join("missing.txt");
    let out_dir = dir.path().join("out");
    let out = brief2md()
        .arg(fixture("sample-brief.txt"))
        .arg(&second)
        .arg(&missing)
        .arg("-o")
        .arg(&out_dir)
        .args(["-t", "jats", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(out_dir.join("sample-brief.xml").is_file());
    let xml = std::fs::read_to_string(out_dir.join("second.xml")).unwrap();
    common::assert_valid_jats(&xml, "second.txt");
}

#[test]
fn inputs_that_would_share_an_output_are_refused_before_any_work() {
    // Outputs used to be renamed `brief-2.md` silently; a third input named `brief-2`
    // then overwrote one. Now two inputs mapping to one output stop the run up front.
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    std::fs::write(a.path().join("brief.txt"), "First input paragraph.\n").unwrap();
    std::fs::write(b.path().join("brief.txt"), "Second input paragraph.\n").unwrap();
    std::fs::write(b.path().join("other.txt"), "Third input paragraph.\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = fails(
        &[
            b.path().join("other.txt").to_str().unwrap(),
            a.path().join("brief.txt").to_str().unwrap(),
            b.path().join("brief.txt").to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "-j",
            "2",
        ],
        2,
    );
    assert!(err.contains("would both be written to"), "{err}");
    assert!(err.contains("brief.md"), "{err}");
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn bad_inputs_fail_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    };
    let err = fails(&["/nonexistent/brief.pdf"], 1);
    assert!(
        err.ends_with("/nonexistent/brief.pdf: no such file\n"),
        "{err}"
    );

    let empty = write("empty.txt", b"");
    assert!(fails(&[&empty], 1).ends_with("empty.txt: empty input\n"));

    let zip = write("report.pdf", b"PK\x03\x04\x14\x00\x06\x00rest");
    assert!(fails(&[&zip], 1).ends_with(
        "report.pdf: not a PDF file (starts with \"PK\\x03\\x04\\x14\\x00\\x06\\x00\")\n"
    ));

    // Random bytes (a fixed LCG so the test is reproducible).
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let noise = write("noise.bin", &noise);
    assert!(fails(&[&noise], 1).contains("noise.bin: not a PDF or text file"));

    let truncated = write(
        "cut.pdf",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R",
    );
    fails(&[&truncated], 1);

    // A folder is an input only with an output folder to mirror it into.
    assert!(fails(&[dir.path().to_str().unwrap()], 2).contains("-o DIRECTORY"));
}

#[test]
fn usage_errors_exit_2() {
    brief2md().assert().code(2);
    brief2md().args(["x.txt", "-t", "docx"]).assert().code(2);
    brief2md().args(["x.txt", "--wrap", "abc"]).assert().code(2);
    let out = brief2md().args(["a.txt", "b.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIRECTORY"));
}

#[test]
fn help_explains_every_option_with_examples() {
    let out = brief2md().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for opt in [
        "--to",
        "--output",
        "--from",
        "--report",
        "--wrap",
        "--quiet",
        "--jobs",
        "--version",
        "markdown",
        "jats",
        "Examples:",
        "Exit status",
    ] {
        assert!(help.contains(opt), "--help lacks {opt}:\n{help}");
    }
    let version = brief2md().arg("--version").output().unwrap();
    assert!(
        String::from_utf8(version.stdout)
            .unwrap()
            .starts_with("brief2md ")
    );
}

#[test]
fn wrap_option_limits_line_length() {
    let out = brief2md()
        .arg(fixture("sample-brief.txt"))
        .args(["--wrap", "60", "-q"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let body = md.split("\n---\n").nth(1).unwrap();
    for line in body
        .lines()
        .filter(|l| l.contains(' ') && !l.starts_with("[^"))
    {
        assert!(
            line.chars().count() <= 60 || !line.trim_start().contains(' '),
            "{line}"
        );
    }
}
