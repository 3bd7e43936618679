//! Whole-document quality, scored by the shared benchmark's scorer (`score.py`, Python
//! standard library only) on our own fixtures (`fixtures/briefs`, expectations in the
//! bench's format) and on the shared bench's text inputs. Thresholds are the issue's
//! targets for the bench and floors just under today's results for the fixtures, so a
//! regression fails here.
//!
//! The scorer and the bench documents travel with the repository in `tests/bench` (a copy
//! of the shared bench; `$BRIEF2MD_BENCH` points elsewhere); without python3 the tests say
//! so loudly and skip — except under `CI=true`, where they fail.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use brief2md::writers::{jats, markdown};
use brief2md::{Options, convert};

fn bench_dir() -> Option<PathBuf> {
    let dir = common::shared::bench_root();
    let ok =
        dir.join("score.py").is_file() && Command::new("python3").arg("--version").output().is_ok();
    if !ok {
        let msg = "quality scoring NOT RUN: tests/bench/score.py (or $BRIEF2MD_BENCH) or python3 is missing";
        common::shared::skip_or_fail(msg);
        return None;
    }
    Some(dir)
}

/// Converts every input under `docs/*/input/` whose name matches `keep`, in both formats,
/// into `out/md` and `out/jats`, named as the scorer expects.
fn convert_all(docs: &Path, out: &Path, keep: impl Fn(&str) -> bool) {
    std::fs::create_dir_all(out.join("md")).unwrap();
    std::fs::create_dir_all(out.join("jats")).unwrap();
    let mut n = 0;
    for doc in std::fs::read_dir(docs).unwrap().flatten() {
        let input = doc.path().join("input");
        let Ok(entries) = std::fs::read_dir(&input) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let readable = [".txt", ".pdf", ".hocr"].iter().any(|x| name.ends_with(x));
            if !readable || !keep(&name) {
                continue;
            }
            // The scorer names outputs after the input, without a final ".pdf".
            let out_name = name.strip_suffix(".pdf").unwrap_or(&name).to_string();
            let bytes = std::fs::read(e.path()).unwrap();
            let options = Options {
                source_name: Some(name.clone()),
                ..Default::default()
            };
            let c = convert(&bytes, &options).unwrap_or_else(|err| panic!("{name}: {err}"));
            let md = markdown::write(&c.document, &markdown::MarkdownOptions::default());
            common::parse_markdown(&md);
            std::fs::write(out.join("md").join(format!("{out_name}.md")), md).unwrap();
            let xml = jats::write(&c.document);
            std::fs::write(out.join("jats").join(format!("{out_name}.xml")), xml).unwrap();
            n += 1;
        }
    }
    assert!(n > 0, "no inputs converted under {}", docs.display());
}

/// Runs the scorer; returns variant → category → score (0-100).
fn score(
    bench: &Path,
    docs: &Path,
    got: &Path,
    format: &str,
) -> HashMap<String, HashMap<String, f64>> {
    let out = Command::new("python3")
        .arg(bench.join("score.py"))
        .args(["--expect"])
        .arg(docs)
        .arg("--got")
        .arg(got)
        .args(["--format", format, "--only-present", "--json"])
        .output()
        .expect("run score.py");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("score.py JSON");
    let mut table = HashMap::new();
    for (variant, row) in json["table"].as_object().unwrap() {
        let mut cats = HashMap::new();
        for (k, v) in row.as_object().unwrap() {
            if let Some(x) = v.as_f64() {
                cats.insert(
                    k.clone(),
                    if k == "n" || k == "missing" {
                        x
                    } else {
                        100.0 * x
                    },
                );
            }
        }
        table.insert(variant.clone(), cats);
    }
    table
}

/// Checks `variant`'s categories against floors; prints the row either way.
fn check(
    table: &HashMap<String, HashMap<String, f64>>,
    what: &str,
    variant: &str,
    floors: &[(&str, f64)],
) -> Vec<String> {
    let Some(row) = table.get(variant) else {
        return vec![format!("{what}: no row for {variant}")];
    };
    let mut cats: Vec<_> = row.iter().collect();
    cats.sort_by(|a, b| a.0.cmp(b.0));
    eprintln!("{what} {variant}: {cats:.1?}");
    floors
        .iter()
        .filter_map(|(cat, floor)| {
            let got = row.get(*cat).copied().unwrap_or(0.0);
            (got + 1e-9 < *floor).then(|| format!("{what} {variant} {cat}: {got:.1} < {floor}"))
        })
        .collect()
}

const DEBRIS_TARGETS: &[(&str, f64)] = &[
    ("absent", 100.0),
    ("footnotes", 90.0),
    ("headings", 90.0),
    ("lists", 90.0),
    ("meta", 90.0),
    ("validity", 100.0),
    ("present", 97.0),
    ("order", 97.0),
];

#[test]
fn shared_bench_text_inputs_meet_the_targets() {
    let Some(bench) = bench_dir() else { return };
    let docs = bench.join("docs");
    let tmp = tempfile::tempdir().unwrap();
    convert_all(&docs, tmp.path(), |n| {
        n.contains("debris") || n.contains(".raw.") || n.contains(".layout.")
    });
    let mut failures = Vec::new();
    for format in ["md", "jats"] {
        let table = score(&bench, &docs, &tmp.path().join(format), format);
        failures.extend(check(&table, format, "debris.txt", DEBRIS_TARGETS));
        for variant in table.keys() {
            if variant.ends_with(".raw.txt") || variant.ends_with(".layout.txt") {
                failures.extend(check(
                    &table,
                    format,
                    variant,
                    &[
                        ("absent", 90.0),
                        ("present", 97.0),
                        ("headings", 85.0),
                        ("lists", 85.0),
                        ("footnotes", 85.0),
                        ("validity", 100.0),
                    ],
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The PDF layout issue's targets, for every typesetter's PDFs of the shared bench.
const PDF_TARGETS: &[(&str, f64)] = &[
    ("present", 98.0),
    ("absent", 98.0),
    ("order", 98.0),
    ("headings", 90.0),
    ("lists", 90.0),
    ("footnotes", 95.0),
    ("meta", 90.0),
    ("validity", 100.0),
];

#[test]
fn shared_bench_pdfs_meet_the_layout_targets() {
    let Some(bench) = bench_dir() else { return };
    let docs = bench.join("docs");
    let tmp = tempfile::tempdir().unwrap();
    convert_all(&docs, tmp.path(), |n| n.ends_with(".pdf"));
    let mut failures = Vec::new();
    for format in ["md", "jats"] {
        let table = score(&bench, &docs, &tmp.path().join(format), format);
        failures.extend(check(&table, format, "ALL", PDF_TARGETS));
        // Above the targets: a floor just under today's result (100.0 for every
        // typesetter), so that a regression on any of them shows.
        for typesetter in ["lo", "latex", "rl", "chrome"] {
            failures.extend(check(&table, format, typesetter, &[("mean", 98.5)]));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn development_bench_pdfs_stay_above_their_floors() {
    let Some(bench) = bench_dir() else { return };
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/devbench/docs");
    let tmp = tempfile::tempdir().unwrap();
    convert_all(&docs, tmp.path(), |n| {
        n.ends_with(".pdf") || n.contains("debris")
    });
    let mut failures = Vec::new();
    for format in ["md", "jats"] {
        let table = score(&bench, &docs, &tmp.path().join(format), format);
        for typesetter in ["lo", "latex", "rl", "chrome"] {
            failures.extend(check(
                &table,
                format,
                typesetter,
                // Today 99.4-99.7 per typesetter.
                &[("mean", 98.0), ("validity", 100.0)],
            ));
        }
        failures.extend(check(
            &table,
            format,
            "debris.txt",
            &[("mean", 97.0), ("absent", 99.0)],
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn our_fixtures_stay_above_their_floors() {
    let Some(bench) = bench_dir() else { return };
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/briefs");
    let tmp = tempfile::tempdir().unwrap();
    convert_all(&docs, tmp.path(), |_| true);
    let mut failures = Vec::new();
    for format in ["md", "jats"] {
        let table = score(&bench, &docs, &tmp.path().join(format), format);
        failures.extend(check(
            &table,
            format,
            "debris.txt",
            &[
                ("present", 97.0),
                ("absent", 97.0),
                ("order", 95.0),
                ("headings", 85.0),
                ("lists", 85.0),
                ("footnotes", 80.0),
                ("meta", 95.0),
                ("validity", 100.0),
            ],
        ));
        failures.extend(check(
            &table,
            format,
            "layout.txt",
            &[
                ("present", 95.0),
                ("absent", 95.0),
                ("meta", 95.0),
                ("validity", 100.0),
            ],
        ));
        failures.extend(check(
            &table,
            format,
            "raw.txt",
            &[
                ("present", 94.0),
                ("absent", 94.0),
                ("meta", 95.0),
                ("validity", 100.0),
            ],
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Tesseract's text of the bench PDFs (`*.ocr.txt`, made by `scripts/make-ocr-inputs` and kept
/// in the in-repository bench copy, so no OCR engine is needed here): OCR flattens note markers
/// to plain digits or drops them, reads bullets as `e`, `*` or `»` and keeps page furniture with
/// recognition noise. The floors sit just under today's results (present 97.1, absent 95.3,
/// meta 96.5 over all 16) so a regression shows; footnotes (58.9) and lists (57.7) are below
/// what issue 14 asks and are not floored yet.
#[test]
fn ocr_text_of_the_bench_pdfs_stays_above_its_floors() {
    in_repo_bench_inputs_stay_above(
        ".ocr.txt",
        &[
            ("present", 95.0),
            ("absent", 90.0),
            ("footnotes", 75.0),
            ("meta", 90.0),
            ("validity", 100.0),
        ],
    );
}

/// Tesseract's hOCR of the same pages (`*.ocr.hocr`, made by `KIND=hocr
/// scripts/make-ocr-inputs`): the words with their boxes, read by the hOCR reader into the
/// PDF path's geometry. The boxes remove the page furniture that the plain OCR text keeps
/// (absent 100 against 95.3) and separate bullets from list text (lists 63.7 against 60.1);
/// headings set in bold at body size, and note labels and markers glued to their word, are
/// weaker than on the plain text (Tesseract reports no style and no raised glyph inside a
/// word). Floors sit just under today's results (Markdown: present 97.4, absent 100,
/// headings 73.9, lists 63.7, footnotes 62.7, meta 96.5).
#[test]
fn ocr_layout_of_the_bench_pdfs_stays_above_its_floors() {
    in_repo_bench_inputs_stay_above(
        ".ocr.hocr",
        &[
            ("present", 96.0),
            ("absent", 99.0),
            ("headings", 71.0),
            ("lists", 60.0),
            ("footnotes", 59.0),
            ("meta", 94.0),
            ("validity", 100.0),
        ],
    );
}

/// Converts the in-repository bench inputs whose names end in `suffix` and checks the ALL
/// row of both formats against `floors`.
fn in_repo_bench_inputs_stay_above(suffix: &str, floors: &[(&str, f64)]) {
    let Some(bench) = bench_dir() else { return };
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bench/docs");
    let tmp = tempfile::tempdir().unwrap();
    convert_all(&docs, tmp.path(), |n| n.ends_with(suffix));
    let mut failures = Vec::new();
    for format in ["md", "jats"] {
        let table = score(&bench, &docs, &tmp.path().join(format), format);
        failures.extend(check(&table, format, "ALL", floors));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
