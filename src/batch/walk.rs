//! Which files a batch converts: loose files, folders walked recursively and file lists,
//! each paired with the relative path its outputs mirror.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use super::names::escape_os;
use super::output::mirrored;
use super::{Job, Source};
use crate::InputFormat;

/// Which files of a walked folder are inputs.
#[derive(Debug)]
pub struct Selection {
    include: GlobSet,
    exclude: GlobSet,
    hidden: bool,
    /// The output folder, resolved: never walked, so that outputs and manifests kept
    /// inside an input folder are not taken for inputs.
    skip: Option<PathBuf>,
}

impl Selection {
    /// Files matching `include` (default `*.pdf`, or `*.txt` with `--from text`) and not
    /// `exclude`; globs match the path relative to the walked folder, case-insensitively
    /// (`*` crosses `/`, so `*.pdf` matches at any depth). Names starting with `.` are
    /// skipped, folders included, unless `hidden`.
    pub fn new(
        include: &[String],
        exclude: &[String],
        from: Option<InputFormat>,
        hidden: bool,
    ) -> Result<Selection, String> {
        let default = match from {
            Some(InputFormat::Text) => "*.txt",
            Some(InputFormat::Hocr) => "*.hocr",
            Some(InputFormat::Alto) => "*.xml",
            _ => "*.pdf",
        };
        let include: Vec<&str> = if include.is_empty() {
            vec![default]
        } else {
            include.iter().map(String::as_str).collect()
        };
        let exclude: Vec<&str> = exclude.iter().map(String::as_str).collect();
        Ok(Selection {
            include: glob_set(&include)?,
            exclude: glob_set(&exclude)?,
            hidden,
            skip: None,
        })
    }

    /// Never walks into `folder` (the output folder).
    pub fn skipping(mut self, folder: &Path) -> Selection {
        self.skip = folder.canonicalize().ok();
        self
    }

    fn skips(&self, entry: &walkdir::DirEntry) -> bool {
        entry.file_type().is_dir()
            && self
                .skip
                .as_ref()
                .is_some_and(|skip| entry.path().canonicalize().is_ok_and(|p| &p == skip))
    }

    fn selects(&self, rel: &Path) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

fn glob_set(globs: &[&str]) -> Result<GlobSet, String> {
    let mut set = GlobSetBuilder::new();
    for glob in globs {
        let glob = GlobBuilder::new(glob)
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("bad glob `{glob}`: {e}"))?;
        set.add(glob);
    }
    set.build().map_err(|e| e.to_string())
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Inputs found, and warnings about what was passed over (symbolic-link loops).
#[derive(Debug, Default)]
pub struct Found {
    /// Inputs in the order given, each folder's files sorted by name.
    pub jobs: Vec<Job>,
    /// One line each, already escaped.
    pub warnings: Vec<String>,
}

/// Collects the inputs: `args` from the command line (loose files go to the output folder
/// by name, folders mirror their tree) and the entries of `list` (paths mirrored as
/// written, root and `..` dropped).
pub fn collect(args: &[OsString], list: &[OsString], selection: &Selection) -> Found {
    let mut found = Found::default();
    for arg in args {
        if arg == "-" {
            found.jobs.push(Job {
                source: Source::Stdin,
                rel: PathBuf::from("stdin"),
                display: "<stdin>".into(),
                problem: None,
            });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, Path::new(""), selection, &mut found);
        } else {
            let name = path.file_name().unwrap_or(OsStr::new("output"));
            found.jobs.push(Job::file(path, PathBuf::from(name)));
        }
    }
    for entry in list {
        let path = Path::new(entry);
        if path.is_dir() {
            walk(path, &mirrored(path), selection, &mut found);
        } else {
            found.jobs.push(Job::file(path, mirrored(path)));
        }
    }
    found
}

/// Walks `root`, following symbolic links (a link back to a folder being walked is
/// reported once and not followed). Files the selection keeps become jobs whose relative
/// path is `prefix` joined with their path under `root`; a folder or file that cannot be
/// read becomes a failed job.
fn walk(root: &Path, prefix: &Path, selection: &Selection, found: &mut Found) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || (selection.hidden || !is_hidden(e.file_name())) && !selection.skips(e)
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let under = entry.path().strip_prefix(root).unwrap_or(entry.path());
                if selection.selects(under) {
                    found.jobs.push(Job::file(entry.path(), prefix.join(under)));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                if e.loop_ancestor().is_some() {
                    found.warnings.push(format!(
                        "{}: warning: symbolic link loop, not followed",
                        escape_os(path.as_os_str())
                    ));
                    continue;
                }
                let under = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                let dangling = path.symlink_metadata().is_ok() && !path.exists();
                // A dangling link counts only if its name would have been selected.
                if dangling && !selection.selects(&under) {
                    continue;
                }
                let problem = if dangling {
                    "broken symbolic link".to_string()
                } else {
                    match e.io_error().map(|io| io.kind()) {
                        Some(std::io::ErrorKind::PermissionDenied) => {
                            "cannot read folder: permission denied".to_string()
                        }
                        _ => format!("cannot read: {e}"),
                    }
                };
                let mut job = Job::file(&path, prefix.join(under));
                job.problem = Some(problem);
                found.jobs.push(job);
            }
        }
    }
}

/// Reads a file list (`-` for standard input): one path a line, or NUL-separated with
/// `null`. Empty entries are skipped; names are taken as bytes, not decoded.
pub fn read_list(source: &OsStr, null: bool) -> Result<Vec<OsString>, String> {
    let mut bytes = Vec::new();
    let read = if source == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(source).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| format!("{}: cannot read file list: {e}", escape_os(source)))?;
    let separator = if null { b'\0' } else { b'\n' };
    Ok(bytes
        .split(|&b| b == separator)
        .map(|entry| {
            if null {
                entry
            } else {
                entry.strip_suffix(b"\r").unwrap_or(entry)
            }
        })
        .filter(|entry| !entry.is_empty())
        .map(os_string_from_bytes)
        .collect())
}

#[cfg(unix)]
fn os_string_from_bytes(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes.to_vec())
}

#[cfg(not(unix))]
fn os_string_from_bytes(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_selection_is_pdf_in_any_case_at_any_depth() {
        let s = Selection::new(&[], &[], None, false).unwrap();
        assert!(s.selects(Path::new("a/b/X.PDF")));
        assert!(s.selects(Path::new("x.pdf")));
        assert!(!s.selects(Path::new("a/x.txt")));
        let t = Selection::new(&[], &["drafts/*".into()], Some(InputFormat::Text), false).unwrap();
        assert!(t.selects(Path::new("a/x.TXT")));
        assert!(!t.selects(Path::new("drafts/x.txt")));
        assert!(Selection::new(&["a[".into()], &[], None, false).is_err());
    }

    #[test]
    fn walk_mirrors_skips_hidden_and_survives_a_link_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "a/b/x.pdf",
            "a/y.PDF",
            "a/notes.txt",
            ".hidden/z.pdf",
            "a/.w.pdf",
        ] {
            let p = root.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "%PDF-").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("a"), root.join("a/b/loop")).unwrap();
        let s = Selection::new(&[], &[], None, false).unwrap();
        let found = collect(&[root.as_os_str().to_owned()], &[], &s);
        let rels: Vec<_> = found.jobs.iter().map(|j| j.rel.clone()).collect();
        assert_eq!(rels, [Path::new("a/b/x.pdf"), Path::new("a/y.PDF")]);
        #[cfg(unix)]
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);

        let s = Selection::new(&[], &[], None, true).unwrap();
        let found = collect(&[root.as_os_str().to_owned()], &[], &s);
        assert_eq!(found.jobs.len(), 4);
    }

    #[test]
    fn lists_split_on_lines_or_nul() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("list");
        std::fs::write(&list, b"a.pdf\r\n\nb\nc.pdf\n").unwrap();
        assert_eq!(
            read_list(list.as_os_str(), false).unwrap(),
            ["a.pdf", "b", "c.pdf"].map(OsString::from)
        );
        std::fs::write(&list, b"a.pdf\0b\nc.pdf\0").unwrap();
        assert_eq!(
            read_list(list.as_os_str(), true).unwrap(),
            ["a.pdf", "b\nc.pdf"].map(OsString::from)
        );
    }
}
