//! The shape of the source tree, checked from the text of `src/**.rs`.
//!
//! The pipeline runs one way: readers → page analysis (`layout`, `clean`) → structure
//! recovery (`structure`) → the document model (`model`) → writers. A stage may use what
//! an earlier stage (or the shared base modules: `lines`, `rich`, `words`, `report`, …)
//! defines, never what a later one does, and two modules of one stage do not lean on each
//! other both ways. Files stay small enough to read: past 650 lines a file is split by what
//! it does, unless it is on the commented allow-list below.
//!
//! Every `crate::…` and `super::…` path in code (comments and string literals are skipped,
//! `use` groups in braces are expanded) is resolved to the module path it names, and the
//! rules are checked on those.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[path = "architecture/scanner.rs"]
mod scanner;

use scanner::{code_only, paths_named};

/// Files allowed past [`MAX_LINES`], each with why it is still whole.
const LONG_FILES: &[&str] = &[];

/// The most lines a source file may have before it is split by what it does.
const MAX_LINES: usize = 650;

/// The pipeline's stages (top-level modules of the crate) and the stages each may name
/// besides itself. Readers → page analysis (layout, then clean) → structure → model →
/// writers: a stage names earlier stages only (layout puts the lines in reading order
/// before the cleaning passes run on them, so it names nothing of clean); the structure
/// pass builds the model, and the writers see nothing but the model.
const STAGES: &[(&str, &[&str])] = &[
    ("readers", &[]),
    ("layout", &["readers"]),
    ("clean", &["readers", "layout"]),
    ("structure", &["readers", "layout", "clean", "model"]),
    ("model", &[]),
    ("writers", &["model"]),
];

/// Modules of one stage that once imported each other and must not again.
const PAIRS: &[(&str, &str)] = &[
    ("clean/furniture", "structure/title_block"),
    ("structure/notes", "structure/pieces"),
    ("structure/tables", "structure/placed_tables"),
];

/// Top-level modules that run the pipeline (they may name every stage).
const DRIVERS: &[&str] = &["lib", "main", "batch"];

/// A source file: its path relative to the crate root and its module path.
struct Source {
    rel: String,
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "src/ holds too few .rs files: {}",
        files.len()
    );
    files
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap();
            Source {
                module: module_of(&rel),
                rel,
                text,
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `src/structure/pieces/mod.rs` → structure,
/// pieces; `src/lib.rs` → (the crate root). A file pulled in with `#[path]` (a test file
/// beside its module) is named by its file stem, which only matters for `super::`.
fn module_of(rel: &str) -> Vec<String> {
    let inner = rel
        .strip_prefix("src/")
        .unwrap()
        .strip_suffix(".rs")
        .unwrap();
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// A path named in a file, resolved to the crate: `super::pieces::Piece` in module
/// structure/notes → structure, pieces, Piece. `module` is the module the code is in.
fn resolve(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut at: Vec<String> = module.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                at.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    at.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(at)
}

/// A reference from one file to a module path.
struct Reference {
    from: String,
    /// The module of the file `from` (not of an inline `mod tests` in it).
    from_module: Vec<String>,
    line: usize,
    to: Vec<String>,
}

/// Every `crate::`/`super::` reference in `src/`, resolved. Code after an inline
/// `mod tests {` sits one module deeper, which `super::` has to know.
fn references(sources: &[Source]) -> Vec<Reference> {
    let mut refs = Vec::new();
    for s in sources {
        let code = code_only(&s.text);
        let inline_mod = code.lines().position(|l| {
            let t = l.trim_start();
            t.starts_with("mod ") && t.trim_end().ends_with('{')
        });
        for (line, path) in paths_named(&code) {
            let mut module = s.module.clone();
            if inline_mod.is_some_and(|m| line > m + 1) {
                module.push("tests".to_string());
            }
            let to = resolve(&module, &path).unwrap_or_else(|| {
                panic!(
                    "{}:{line}: `{}` climbs out of the crate",
                    s.rel,
                    path.join("::")
                )
            });
            refs.push(Reference {
                from: s.rel.clone(),
                from_module: s.module.clone(),
                line,
                to,
            });
        }
    }
    refs
}

fn module_key(m: &[String]) -> String {
    m.join("/")
}

fn under(module: &[String], prefix: &str) -> bool {
    let p: Vec<&str> = prefix.split('/').collect();
    module.len() >= p.len() && module.iter().zip(&p).all(|(a, b)| a == b)
}

fn stage_of(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    STAGES.iter().position(|(s, _)| s == top)
}

#[test]
fn the_pipeline_only_looks_back() {
    let sources = sources();
    let refs = references(&sources);
    assert!(
        refs.len() > 500,
        "too few crate:: / super:: paths found ({}): the scanner is broken",
        refs.len()
    );
    let mut wrong = Vec::new();
    for r in &refs {
        let from = r.from_module.as_slice();
        let (Some(a), Some(b)) = (stage_of(from), stage_of(&r.to)) else {
            continue;
        };
        if a != b && !STAGES[a].1.contains(&STAGES[b].0) {
            wrong.push(format!(
                "{}:{} names `{}`: {} may not use {}",
                r.from,
                r.line,
                r.to.join("::"),
                from[0],
                r.to[0]
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_base_modules_name_no_stage() {
    // `lines`, `rich`, `words`, `report`, `source`, … are shared by every stage, so they
    // may not depend on any of them; only the drivers (lib, main, batch) run the stages.
    let sources = sources();
    let refs = references(&sources);
    let mut wrong = Vec::new();
    for r in &refs {
        let from = &r.from_module;
        let top = from.first().map_or("lib", String::as_str);
        if stage_of(from).is_some() || DRIVERS.contains(&top) {
            continue;
        }
        // `model` is a stage but also the vocabulary `rich` and `date` build inlines and
        // dates in: the base may name it, never the stages that do work.
        if stage_of(&r.to).is_some_and(|st| STAGES[st].0 != "model") {
            wrong.push(format!(
                "{}:{} (a base module) names `{}`",
                r.from,
                r.line,
                r.to.join("::")
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn paired_modules_do_not_import_each_other_both_ways() {
    let sources = sources();
    let refs = references(&sources);
    let names = |a: &str, b: &str| -> Vec<String> {
        refs.iter()
            .filter(|r| under(r.from_module.as_slice(), a) && under(&r.to, b))
            .map(|r| format!("{}:{}", r.from, r.line))
            .collect()
    };
    for (a, b) in PAIRS {
        let (ab, ba) = (names(a, b), names(b, a));
        assert!(
            ab.is_empty() || ba.is_empty(),
            "{a} and {b} import each other: {ab:?} / {ba:?}"
        );
    }
}

#[test]
fn sibling_modules_of_a_stage_form_no_cycle() {
    // Within each stage, the modules directly below it (structure/notes, structure/pieces,
    // clean/furniture, …) depend on each other without a cycle: a helper two of them
    // share lives in the lower one, or in a module of its own. There is no allow-list.
    let sources = sources();
    let refs = references(&sources);
    let top2 = |m: &[String]| (m.len() >= 2).then(|| module_key(&m[..2]));
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &refs {
        let from = r.from_module.as_slice();
        if stage_of(from).is_none() || r.to.first() != from.first() {
            continue;
        }
        let (Some(a), Some(b)) = (top2(from), top2(&r.to)) else {
            continue;
        };
        // Only modules that are files or folders of their own (not items of the stage's
        // mod.rs, such as `structure::build`).
        if a != b
            && sources
                .iter()
                .any(|s| s.module.len() >= 2 && module_key(&s.module[..2]) == b)
        {
            edges.entry(a).or_default().insert(b);
        }
    }
    assert!(edges.len() > 10, "too few module edges found: {edges:?}");
    let groups = cyclic_groups(&edges);
    assert!(
        groups.is_empty(),
        "modules that reach each other through their imports:\n{}",
        groups
            .iter()
            .map(|g| {
                let pairs: Vec<String> = g
                    .iter()
                    .flat_map(|a| {
                        edges[a]
                            .iter()
                            .filter(|b| g.contains(b))
                            .map(move |b| format!("{a} → {b}"))
                    })
                    .collect();
                pairs.join(", ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The groups of two or more nodes that reach each other along the edges (the graph's
/// cycles), each sorted.
fn cyclic_groups(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for m in edges.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> =
        edges.keys().map(|n| (n, reach(n))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (n, r) in &reached {
        if groups.iter().any(|g| g.contains(*n)) || !r.contains(*n) {
            continue;
        }
        let group: Vec<String> = r
            .iter()
            .filter(|m| reached.get(m).is_some_and(|back| back.contains(*n)))
            .cloned()
            .collect();
        groups.push(group);
    }
    groups
}

#[test]
fn no_source_file_passes_the_line_limit() {
    let sources = sources();
    let mut long = Vec::new();
    for s in &sources {
        let n = s.text.lines().count();
        if n > MAX_LINES && !LONG_FILES.contains(&s.rel.as_str()) {
            long.push(format!("{} has {n} lines", s.rel));
        }
    }
    assert!(
        long.is_empty(),
        "past {MAX_LINES} lines (split by what the code does):\n{}",
        long.join("\n")
    );
    // The allow-list only holds files that still need it.
    for f in LONG_FILES {
        let s = sources.iter().find(|s| s.rel == *f);
        assert!(
            s.is_some_and(|s| s.text.lines().count() > MAX_LINES),
            "{f} is on the allow-list but is gone or short now: take it off"
        );
    }
}

// The scanner itself: each rule above is only as good as what it sees.

fn scan(module: &str, src: &str) -> Vec<String> {
    let module: Vec<String> = module.split('/').map(str::to_string).collect();
    paths_named(&code_only(src))
        .into_iter()
        .filter_map(|(_, p)| resolve(&module, &p))
        .map(|p| p.join("::"))
        .collect()
}

#[test]
fn the_scanner_resolves_super_and_expands_groups() {
    let found = scan(
        "structure/notes",
        "use super::pieces::{Piece, kinds::{self, Kind}};\nuse crate::{lines::TextLine, rich};\n\
         fn f() { super::super::writers::jats::write(d); crate::clean::x(); }",
    );
    assert_eq!(
        found,
        [
            "structure::pieces::Piece",
            "structure::pieces::kinds",
            "structure::pieces::kinds::Kind",
            "lines::TextLine",
            "rich",
            "writers::jats::write",
            "clean::x",
        ]
    );
}

#[test]
fn the_scanner_skips_comments_strings_and_chars() {
    let found = scan(
        "clean/furniture",
        "//! See [`crate::structure::title_block`].\n/* crate::writers /* nested */ */\n\
         let s = \"crate::structure\"; let r = r#\"super::x \"q\" \"#; let c = '\"';\n\
         fn g<'a>(x: &'a str) -> &'a str { crate::words::first(x) }",
    );
    assert_eq!(found, ["words::first"]);
}

#[test]
fn a_file_module_is_named_by_its_path() {
    assert_eq!(
        module_of("src/structure/pieces/mod.rs"),
        ["structure", "pieces"]
    );
    assert_eq!(module_of("src/structure/notes.rs"), ["structure", "notes"]);
    assert!(module_of("src/lib.rs").is_empty());
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"][..]),
        ("c", &["a"][..]),
        ("d", &["a"][..]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(cyclic_groups(&edges), [["a", "b", "c"]]);
}
