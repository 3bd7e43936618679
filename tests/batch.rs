//! Batch mode end to end: folder trees in and out, the manifest, resume after a kill,
//! shards, collisions, refusal to overwrite inputs, and what is shown on a terminal.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use sha2::{Digest, Sha256};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

const PDF: &str = "devbench/docs/v04_herders/input/v04_herders__latex.pdf";

fn brief2md() -> Command {
    Command::cargo_bin("brief2md").unwrap()
}

fn put(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Every file under `root` (manifests left out) with its bytes, keyed by relative path.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if !path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("brief2md-manifest")
            {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn manifest(path: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An archive of PDFs and text in nested folders with spaces and non-ASCII names, and
/// three broken files.
fn archive(root: &Path) {
    let pdf = fs::read(fixture(PDF)).unwrap();
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    put(root, "Reports 2024/Ünïcode dossier/brief one.pdf", &pdf);
    put(root, "Reports 2024/x.PDF", &pdf);
    put(root, "b/x.pdf", &pdf);
    put(root, "top.pdf", &pdf);
    put(root, "notes/readme.txt", &text);
    put(root, ".cache/hidden.pdf", &pdf);
    put(root, "broken/zip.pdf", b"PK\x03\x04\x14\x00\x06\x00rest");
    put(root, "broken/cut.pdf", &pdf[..300]);
    put(root, "broken/empty.pdf", b"");
}

/// Converts `input` into `out` with reports on two threads, expecting some input to fail;
/// what was printed.
fn failing_run(input: &Path, out: &Path) -> String {
    let run = brief2md()
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["--report", "-j", "2"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    String::from_utf8(run.stderr).unwrap()
}

#[test]
fn a_tree_is_mirrored_with_a_manifest_and_one_line_per_failure() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in put");
    let out = dir.path().join("out");
    archive(&input);
    let err = failing_run(&input, &out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "three failures and the summary: {err}");
    for bad in ["zip.pdf", "cut.pdf", "empty.pdf"] {
        assert_eq!(
            lines.iter().filter(|l| l.contains(bad)).count(),
            1,
            "{bad}: {err}"
        );
    }
    assert!(
        lines[3].starts_with("brief2md: 4 converted, 3 failed, 0 skipped in "),
        "{err}"
    );

    let files = tree(&out);
    let names: Vec<String> = files.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        names,
        [
            "Reports 2024/x.md",
            "Reports 2024/x.report.json",
            "Reports 2024/Ünïcode dossier/brief one.md",
            "Reports 2024/Ünïcode dossier/brief one.report.json",
            "b/x.md",
            "b/x.report.json",
            "top.md",
            "top.report.json",
        ],
        "the tree is mirrored; nothing for broken, hidden or text inputs"
    );
    let md = String::from_utf8(files[Path::new("top.md")].clone()).unwrap();
    assert!(md.starts_with("---\n"), "{md}");

    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    assert_eq!(lines.len(), 7);
    for line in &lines {
        let rel = line["path"].as_str().unwrap();
        let bytes = fs::read(input.join(rel)).unwrap();
        assert_eq!(line["sha256"], sha256(&bytes), "{rel}");
        assert_eq!(line["size"], bytes.len(), "{rel}");
        assert_eq!(
            line["tool"],
            format!("brief2md {}", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(line["options"]["to"], "markdown");
        match line["status"].as_str().unwrap() {
            "ok" => {
                assert!(line["error"].is_null());
                assert!(line["pages"].as_u64().unwrap() >= 1, "{line}");
                assert!(line["footnotes"]["linked"].as_u64().is_some(), "{line}");
                assert!(line["warnings"].as_u64().is_some());
                for output in line["outputs"].as_array().unwrap() {
                    assert!(out.join(output.as_str().unwrap()).is_file(), "{line}");
                }
            }
            "error" => {
                assert!(rel.starts_with("broken/"), "{line}");
                assert!(!line["error"].as_str().unwrap().is_empty());
                assert_eq!(line["outputs"].as_array().unwrap().len(), 0);
            }
            other => panic!("status {other}"),
        }
    }
}

#[cfg(unix)]
#[test]
fn odd_file_names_are_inputs_and_are_printed_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(input.join(latin1), &text).unwrap();
    fs::write(input.join("evil\n\x1b[2Jname.txt"), b"").unwrap();
    let out = dir.path().join("out");
    let run = brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--from", "text"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(!err.contains('\x1b'), "{err:?}");
    assert_eq!(err.lines().count(), 2, "{err:?}");
    assert!(
        err.contains("evil\\n\\x1b[2Jname.txt: empty input"),
        "{err:?}"
    );
    assert!(
        out.join(std::ffi::OsStr::from_bytes(b"caf\xe9.md"))
            .is_file()
    );
    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    assert!(
        lines
            .iter()
            .any(|l| l["path"] == "caf\\xe9.txt" && l["status"] == "ok")
    );
}

#[test]
fn resume_after_a_complete_run_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    archive(&input);
    let first = brief2md().arg(&input).arg("-o").arg(&out).output().unwrap();
    assert_eq!(first.status.code(), Some(1));
    let before = identities(&out);
    let again = brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--resume")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "the broken files are retried");
    let err = String::from_utf8(again.stderr).unwrap();
    assert!(err.contains("0 converted, 3 failed, 4 skipped"), "{err}");
    assert_eq!(identities(&out), before, "no output replaced");
    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    assert_eq!(lines.iter().filter(|l| l["status"] == "skipped").count(), 4);

    // A changed input is converted again; the others are still left alone.
    put(&input, "top.pdf", &fs::read(fixture(PDF)).unwrap()[..200]);
    let err = brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--resume")
        .output()
        .unwrap()
        .stderr;
    assert!(
        String::from_utf8_lossy(&err).contains("0 converted, 4 failed, 3 skipped"),
        "{}",
        String::from_utf8_lossy(&err)
    );
    assert!(
        !out.join("top.md").exists(),
        "a failed input leaves no output"
    );
}

/// Each output file with something that changes when it is replaced (its inode, as writes
/// go through a new file and a rename) and its bytes.
fn identities(root: &Path) -> BTreeMap<PathBuf, (u64, Vec<u8>)> {
    tree(root)
        .into_iter()
        .map(|(rel, bytes)| {
            #[cfg(unix)]
            let id = {
                use std::os::unix::fs::MetadataExt;
                fs::metadata(root.join(&rel)).unwrap().ino()
            };
            #[cfg(not(unix))]
            let id = 0;
            (rel, (id, bytes))
        })
        .collect()
}

/// Outputs are not synced one by one; the manifest records their checksums instead, and
/// `--resume` converts again an output whose bytes no longer match (one a power cut left
/// empty or short), while the outputs that match are left alone.
#[test]
fn resume_converts_again_an_output_that_no_longer_matches_its_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let text = fs::read_to_string(fixture("sample-brief.txt")).unwrap();
    put(&input, "a.txt", text.as_bytes());
    put(&input, "b.txt", text.replace("Sahel", "Sahara").as_bytes());
    let out = dir.path().join("out");
    let run = || {
        brief2md()
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--from", "text", "--resume"])
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    let whole = fs::read(out.join("a.md")).unwrap();
    let line = lines.iter().find(|l| l["path"] == "a.txt").unwrap();
    assert_eq!(
        line["output_sha256"][0].as_str().unwrap(),
        brief2md::batch::manifest::sha256_hex(&whole)
    );
    // A power cut leaves a renamed but empty file.
    fs::write(out.join("a.md"), b"").unwrap();
    let again = run();
    let err = String::from_utf8(again.stderr).unwrap();
    assert!(err.contains("1 converted, 0 failed, 1 skipped"), "{err}");
    assert_eq!(fs::read(out.join("a.md")).unwrap(), whole);
}

#[cfg(unix)]
#[test]
fn killed_runs_resume_to_the_same_outputs_and_never_leave_a_truncated_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let text = fs::read_to_string(fixture("sample-brief.txt")).unwrap();
    for i in 0..120 {
        // Distinct inputs so that a file under the wrong name would show.
        let body = text.replace("Sahel", &format!("Sahel {i}"));
        put(
            &input,
            &format!("part {}/brief {i}.txt", i % 7),
            body.as_bytes(),
        );
    }
    let reference = dir.path().join("reference");
    brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&reference)
        .args(["--from", "text", "--report", "-q"])
        .assert()
        .success();
    let expected = tree(&reference);
    assert_eq!(expected.len(), 240);

    let out = dir.path().join("out");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut kills = 0;
    for _ in 0..8 {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("brief2md"))
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--from", "text", "--report", "--resume", "-q", "-j", "2"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(std::time::Duration::from_millis(seed % 150));
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        child.kill().unwrap_or(()); // SIGKILL
        child.wait().unwrap();
        // Whatever is under a final name is complete.
        for (rel, bytes) in tree(&out) {
            if !rel
                .file_name()
                .unwrap()
                .to_string_lossy()
                .ends_with(".brief2md-partial")
            {
                assert_eq!(Some(&bytes), expected.get(&rel), "{}", rel.display());
            }
        }
    }
    assert!(kills > 0, "no run was killed mid-way");
    brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--from", "text", "--report", "--resume", "-q"])
        .assert()
        .success();
    assert_eq!(
        tree(&out),
        expected,
        "resumed result equals an uninterrupted run"
    );
}

#[test]
fn three_shards_produce_every_output_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    for i in 0..30 {
        put(&input, &format!("d{}/n {i}.txt", i % 4), &text);
    }
    let whole = dir.path().join("whole");
    brief2md()
        .arg(&input)
        .arg("-o")
        .arg(&whole)
        .args(["--from", "text", "-q"])
        .assert()
        .success();
    let out = dir.path().join("sharded");
    let mut seen = BTreeMap::new();
    for i in 0..3 {
        brief2md()
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--from", "text", "-q", "--shard", &format!("{i}/3")])
            .assert()
            .success();
        let name = format!("brief2md-manifest.shard-{i}-of-3.jsonl");
        let lines = manifest(&out.join(name));
        assert!(
            !lines.is_empty() && lines.len() < 30,
            "shard {i}: {}",
            lines.len()
        );
        for line in lines {
            let path = line["path"].as_str().unwrap().to_string();
            assert!(seen.insert(path, i).is_none(), "converted twice");
        }
    }
    assert_eq!(seen.len(), 30);
    assert!(!out.join("brief2md-manifest.jsonl").exists());
    assert_eq!(tree(&out), tree(&whole));
    brief2md()
        .arg(&input)
        .args(["-o", "x", "--shard", "3/3"])
        .assert()
        .code(2);
}

#[test]
fn a_file_named_twice_for_one_output_is_converted_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "x.pdf", &fs::read(fixture(PDF)).unwrap());
    let x = input.join("x.pdf");
    let out = dir.path().join("out");
    let run = brief2md()
        .arg(&x)
        .arg(&x)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains("is named more than once: converted once"),
        "{err}"
    );
    assert!(err.contains("1 converted"), "{err}");
    assert!(out.join("x.md").is_file());
}

#[test]
fn collisions_and_overwriting_inputs_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let pdf = fs::read(fixture(PDF)).unwrap();
    put(&input, "a/x.pdf", &pdf);
    put(&input, "a/x.PDF", &pdf);
    let out = dir.path().join("out");
    let run = brief2md().arg(&input).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("would both be written to") && err.contains("x.md"),
        "{err}"
    );
    assert!(!out.exists(), "nothing done");

    // An output that is an input: `d/a.md` converted as text into `d/`.
    let d = dir.path().join("d");
    put(&d, "a.md", b"Some text that must survive.\n");
    for args in [
        vec![
            d.join("a.md").into_os_string(),
            "--from".into(),
            "text".into(),
        ],
        vec![
            d.clone().into_os_string(),
            "--include".into(),
            "*.md".into(),
        ],
    ] {
        let run = brief2md().args(&args).arg("-o").arg(&d).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{run:?}");
        assert!(String::from_utf8_lossy(&run.stderr).contains("would overwrite an input"));
        assert_eq!(
            fs::read(d.join("a.md")).unwrap(),
            b"Some text that must survive.\n"
        );
    }
    let run = brief2md()
        .arg(d.join("a.md"))
        .args(["--from", "text", "-o"])
        .arg(d.join("a.md"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    assert_eq!(
        fs::read(d.join("a.md")).unwrap(),
        b"Some text that must survive.\n"
    );
}

#[test]
fn an_output_folder_inside_the_input_folder_is_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    put(dir.path(), "a.txt", &text);
    let out = dir.path().join("converted");
    for _ in 0..2 {
        brief2md()
            .arg(dir.path())
            .args(["--from", "text", "--include", "*", "-q", "-o"])
            .arg(&out)
            .assert()
            .success();
    }
    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    assert_eq!(lines.len(), 2, "only a.txt, twice: {lines:?}");
    assert!(lines.iter().all(|l| l["path"] == "a.txt"));
}

#[test]
fn an_output_that_cannot_be_put_in_place_fails_its_input_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    let pdf = fs::read(fixture(PDF)).unwrap();
    put(&input, "a.pdf", &pdf);
    put(&input, "b.pdf", &pdf);
    // `a.md` is taken by a folder: a's output is written, then cannot be renamed there.
    fs::create_dir_all(out.join("a.md/inside")).unwrap();
    let err = failing_run(&input, &out);
    assert!(err.contains("a.pdf: cannot write"), "{err}");
    assert!(err.contains("1 converted, 1 failed"), "{err}");
    let lines = manifest(&out.join("brief2md-manifest.jsonl"));
    let line = |rel: &str| lines.iter().find(|l| l["path"] == rel).unwrap().clone();
    let (a, b) = (line("a.pdf"), line("b.pdf"));
    assert_eq!(a["status"], "error", "{a}");
    assert!(a["pages"].is_null() && a["footnotes"].is_null(), "{a}");
    assert_eq!(a["outputs"].as_array().unwrap().len(), 0, "{a}");
    assert_eq!(b["status"], "ok", "{b}");
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("brief2md-manifest"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        names,
        ["a.md", "b.md", "b.report.json"],
        "no report and no temporary left for a"
    );
    assert!(out.join("a.md/inside").is_dir());
}

#[test]
fn file_lists_select_filter_and_mirror() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    put(&input, "keep/a.txt", &text);
    put(&input, "keep/draft/b.txt", &text);
    put(&input, "odd\nname.txt", &text);
    let out = dir.path().join("out");
    brief2md()
        .current_dir(dir.path())
        .args(["--files-from", "-", "-0", "--from", "text", "-q", "-o"])
        .arg(&out)
        .write_stdin("in/keep/a.txt\0in/odd\nname.txt\0")
        .assert()
        .success();
    let names: Vec<PathBuf> = tree(&out).into_keys().collect();
    assert_eq!(
        names,
        [
            PathBuf::from("in/keep/a.md"),
            PathBuf::from("in/odd\nname.md")
        ]
    );

    let out = dir.path().join("filtered");
    brief2md()
        .arg(&input)
        .args(["--from", "text", "-q", "--exclude", "*/draft/*", "-o"])
        .arg(&out)
        .assert()
        .success();
    let names: Vec<PathBuf> = tree(&out).into_keys().collect();
    assert_eq!(
        names,
        [PathBuf::from("keep/a.md"), PathBuf::from("odd\nname.md")]
    );
}

#[cfg(unix)]
#[test]
fn a_progress_bar_on_a_terminal_and_only_the_summary_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let text = fs::read(fixture("sample-brief.txt")).unwrap();
    for i in 0..5 {
        put(&input, &format!("n{i}.txt"), &text);
    }
    let bin = assert_cmd::cargo::cargo_bin("brief2md");
    let command = format!(
        "'{}' '{}' --from text -o '{}'",
        bin.display(),
        input.display(),
        dir.path().join("tty").display()
    );
    // `script` runs the command on a pseudo-terminal and copies what it shows.
    let shown = StdCommand::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("`script` (util-linux) is needed to test the terminal display");
    assert!(shown.status.success(), "{shown:?}");
    let screen = String::from_utf8_lossy(&shown.stdout);
    assert!(screen.contains("5/5 files"), "{screen:?}");
    assert!(
        screen.contains("pages/s") && screen.contains("ETA"),
        "{screen:?}"
    );
    assert!(
        screen.contains("5 converted, 0 failed, 0 skipped"),
        "{screen:?}"
    );

    let run = brief2md()
        .arg(&input)
        .args(["--from", "text", "-o"])
        .arg(dir.path().join("pipe"))
        .output()
        .unwrap();
    assert!(run.status.success());
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("brief2md: 5 converted, 0 failed, 0 skipped in "),
        "{err}"
    );
    assert!(err.trim_end().ends_with(" pages/s"), "{err}");
    assert!(!err.contains('\x1b') && !err.contains('\r'), "{err:?}");

    let quiet = brief2md()
        .arg(&input)
        .args(["--from", "text", "-q", "-o"])
        .arg(dir.path().join("quiet"))
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    let verbose = brief2md()
        .arg(&input)
        .args(["--from", "text", "-v", "-o"])
        .arg(dir.path().join("verbose"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(verbose.stderr).unwrap().lines().count(),
        6
    );
}
