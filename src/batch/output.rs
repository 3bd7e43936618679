//! Where outputs go and how they are written: atomically, so that a full disk, an error or
//! a killed process never leaves a partial file under a final name; the manifest, which a
//! resumed run trusts, durably (a batch's outputs are checked against the checksums it
//! records instead).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over
/// `path`: a failed or killed run never leaves a partial file under the final name. The
/// temporary's name is derived from the final name, so a run killed mid-write leaves at
/// most one hidden `.NAME.brief2md-partial` per output, which the next write of that output
/// replaces and renames away.
///
/// The temporary is not synced: nothing records this output as done, so after a power cut
/// the final name may hold an empty or old file, as it may with pdftotext or pandoc. A sync
/// costs milliseconds, as long as converting a short document; the single-file mode pays
/// for nothing it promises. Where a record relies on the output, use [`write_durable`].
///
/// An existing path that is not a regular file (`/dev/null`, a named pipe) is written
/// directly: renaming over it would replace the device or pipe.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_pending(path, bytes)?.commit()
}

/// [`write_atomic`], with the temporary synced before the rename: after a power cut the
/// final name holds the whole file or the previous one. For what a record relies on (a
/// batch's manifest, which a resumed run trusts).
pub fn write_durable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_pending(path, bytes)?.commit_synced()
}

/// `bytes` written to the temporary beside `path`, which [`Pending::commit`] renames into
/// place. A batch hands that second half to a thread of its own.
pub fn write_pending(path: &Path, bytes: &[u8]) -> io::Result<Pending> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))?;
        return Ok(Pending {
            path: path.to_path_buf(),
            temporary: None,
        });
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent)?;
    let temp = Temporary(parent.join(temporary_name(path)));
    let mut file = File::create(&temp.0)?;
    file.write_all(bytes)?;
    Ok(Pending {
        path: path.to_path_buf(),
        temporary: Some((file, temp)),
    })
}

/// An output whose bytes are in its temporary, not yet under its final name (dropped
/// uncommitted, the temporary is removed).
pub struct Pending {
    path: PathBuf,
    /// The temporary, still open; `None` for a device or pipe, already written.
    temporary: Option<(File, Temporary)>,
}

impl Pending {
    /// The output's final path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the temporary over the final path without waiting for the disk (see
    /// [`write_atomic`]): a batch's outputs, whose checksums the manifest records for
    /// `--resume` to check, so that a sync per output (milliseconds each, as long as
    /// converting a short document) is not needed to trust them.
    pub fn commit(self) -> io::Result<()> {
        self.finish(Durability::Unsynced)
    }

    /// Syncs the temporary and renames it over the final path (see [`write_durable`]).
    fn commit_synced(self) -> io::Result<()> {
        self.finish(Durability::Synced)
    }

    fn finish(self, durability: Durability) -> io::Result<()> {
        let Some((file, temp)) = self.temporary else {
            return Ok(());
        };
        // Synced before the rename: after a power cut the final name holds the whole file or
        // the previous one, never a truncated one.
        if durability == Durability::Synced {
            file.sync_all()?;
        }
        drop(file);
        fs::rename(&temp.0, &self.path)?;
        std::mem::forget(temp);
        Ok(())
    }
}

/// Whether a temporary reaches the disk before it is renamed into place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durability {
    Synced,
    Unsynced,
}

/// The hidden temporary beside `path`; names too long to extend are replaced by a hash.
fn temporary_name(path: &Path) -> OsString {
    let name = path.file_name().unwrap_or(OsStr::new("output"));
    if name.len() <= 200 {
        let mut temp = OsString::from(".");
        temp.push(name);
        temp.push(".brief2md-partial");
        temp
    } else {
        let digest = super::manifest::sha256_hex(name.as_encoded_bytes());
        OsString::from(format!(".{}.brief2md-partial", &digest[..32]))
    }
}

/// Removes the temporary unless it was renamed into place.
struct Temporary(PathBuf);

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// `rel` with its extension replaced by `ext` (`a/b/x.pdf` → `a/b/x.md`); a name without an
/// extension gets one.
pub fn with_extension(rel: &Path, ext: &str) -> PathBuf {
    let mut out = rel.to_path_buf();
    out.set_extension(ext);
    out
}

/// The report's path for the output-relative `rel`: `a/b/x.pdf` → `a/b/x.report.json`.
pub fn report_name(rel: &Path) -> PathBuf {
    let mut out = rel.to_path_buf();
    let mut name = rel
        .file_stem()
        .unwrap_or(OsStr::new("output"))
        .to_os_string();
    name.push(".report.json");
    out.set_file_name(name);
    out
}

/// A path from a file list made relative for mirroring under the output folder: the root,
/// `.` and `..` are dropped (`/data/a/x.pdf` → `data/a/x.pdf`, `./a/x.pdf` → `a/x.pdf`).
pub fn mirrored(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

/// `path` with `/` separators as UTF-8, escaped where needed: the manifest's form of a path.
pub fn manifest_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| super::names::escape_os(c.as_os_str()))
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    type Write = fn(&Path, &[u8]) -> io::Result<()>;

    /// Both ways of writing: synced or not, they are equally atomic.
    const WRITES: [Write; 2] = [write_atomic, write_durable];

    fn names_in(dir: &Path) -> Vec<OsString> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    }

    #[test]
    fn atomic_write_leaves_only_the_final_file() {
        for write in WRITES {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a b/ü.md");
            write(&path, b"first").unwrap();
            write(&path, b"second").unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"second");
            assert_eq!(
                names_in(&dir.path().join("a b")),
                vec![OsString::from("ü.md")]
            );
        }
    }

    #[test]
    fn failed_write_removes_its_temporary() {
        for write in WRITES {
            let dir = tempfile::tempdir().unwrap();
            // The final name is a non-empty folder: the rename fails after the data is written.
            let path = dir.path().join("taken.md");
            fs::create_dir_all(path.join("inside")).unwrap();
            assert!(write(&path, b"data").is_err());
            assert_eq!(names_in(dir.path()), vec![OsString::from("taken.md")]);
        }
    }

    #[test]
    fn an_uncommitted_write_leaves_the_final_name_alone() {
        // A run killed between writing and renaming: the previous output stays whole.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"previous").unwrap();
        let pending = write_pending(&path, b"next").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"previous");
        assert_eq!(names_in(dir.path()).len(), 2);
        drop(pending);
        assert_eq!(names_in(dir.path()), vec![OsString::from("x.md")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        for write in WRITES {
            write(Path::new("/dev/null"), b"discarded").unwrap();
            assert!(
                fs::metadata("/dev/null")
                    .unwrap()
                    .file_type()
                    .is_char_device()
            );
        }
    }

    #[test]
    fn output_names_mirror_the_input() {
        assert_eq!(
            with_extension(Path::new("a/b/x.PDF"), "md"),
            Path::new("a/b/x.md")
        );
        assert_eq!(
            report_name(Path::new("a/x.y.pdf")),
            Path::new("a/x.y.report.json")
        );
        assert_eq!(
            mirrored(Path::new("/data/./a/../x.pdf")),
            Path::new("data/a/x.pdf")
        );
        assert_eq!(manifest_path(Path::new("a b/c\nd.pdf")), "a b/c\\nd.pdf");
    }
}
