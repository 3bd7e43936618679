//! The manifest: one JSON line per input, appended and flushed as each input finishes, kept
//! beside the outputs as the archive's audit trail and read back by `--resume`.

use foldhash::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Shard;
use super::convert::Stats;

/// The manifest's file name for a run, per shard so that shards never share a file.
pub fn file_name(shard: Option<Shard>) -> String {
    match shard {
        Some(s) => format!("brief2md-manifest.shard-{}-of-{}.jsonl", s.index, s.count),
        None => "brief2md-manifest.jsonl".to_string(),
    }
}

/// The lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Converted; its outputs are written.
    Ok,
    /// Not converted; no output is left for it.
    Error,
    /// Left alone by `--resume`: converted before from the same bytes with the same options.
    Skipped,
}

/// Footnote figures of one conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Footnotes {
    /// Notes referenced from the body (recovered ones included).
    pub linked: usize,
    /// Notes whose lost marker was put back.
    pub recovered: usize,
    /// Notes the body never references.
    pub unlinked: usize,
}

impl From<&Stats> for Footnotes {
    fn from(s: &Stats) -> Self {
        Footnotes {
            linked: s.linked,
            recovered: s.recovered,
            unlinked: s.unlinked,
        }
    }
}

/// One manifest line.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// The input's path relative to its folder (or its name), `/`-separated and escaped.
    pub path: String,
    /// SHA-256 of the input's bytes, when they could be read.
    pub sha256: Option<String>,
    /// The input's size in bytes, when it could be read.
    pub size: Option<u64>,
    /// ok, error or skipped.
    pub status: Status,
    /// Why the input failed.
    pub error: Option<String>,
    /// Output files relative to the output folder.
    pub outputs: Vec<String>,
    /// SHA-256 of each output's bytes, in the order of `outputs`. Outputs are renamed into
    /// place without waiting for the disk; a resumed run checks them against these instead
    /// (an output a power cut left short is converted again).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub output_sha256: Vec<String>,
    /// Pages read.
    pub pages: Option<usize>,
    /// Footnote figures.
    pub footnotes: Option<Footnotes>,
    /// Warnings the conversion recorded.
    pub warnings: usize,
    /// Time spent on this input, in milliseconds.
    pub ms: u64,
    /// `brief2md VERSION`.
    pub tool: String,
    /// The options that shape the outputs.
    pub options: serde_json::Value,
}

/// Appends lines to a manifest file, each in one write, as inputs finish; at the end of
/// the run, [`Writer::put_in_order`] sorts the run's lines into the inputs' order, so that
/// the manifest does not depend on which input finished first.
#[derive(Debug)]
pub struct Writer {
    file: File,
    path: PathBuf,
    /// The file's length before this run's first line.
    start: u64,
    /// This run's lines with the index of their input, in the order they were appended.
    run: Vec<(usize, String)>,
}

impl Writer {
    /// Opens `path` for appending; a last line cut short by a crash is ended first so that
    /// the next line starts on its own.
    pub fn open(path: &Path) -> io::Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(path)?;
        let len = file.metadata()?.len();
        if len > 0 {
            let mut last = [0u8; 1];
            file.seek(SeekFrom::Start(len - 1))?;
            file.read_exact(&mut last)?;
            if last[0] != b'\n' {
                file.write_all(b"\n")?;
            }
        }
        let start = file.metadata()?.len();
        Ok(Writer {
            file,
            path: path.to_path_buf(),
            start,
            run: Vec::new(),
        })
    }

    /// Appends the line of input `index` and flushes it to the operating system.
    pub fn append(&mut self, index: usize, line: &Line) -> io::Result<()> {
        let mut text = serde_json::to_string(line).map_err(io::Error::other)?;
        text.push('\n');
        self.file.write_all(text.as_bytes())?;
        self.file.flush()?;
        self.run.push((index, text));
        Ok(())
    }

    /// Rewrites the manifest with this run's lines in the order of their inputs' indexes
    /// (earlier runs' lines stay first, as they were). The file is replaced atomically and
    /// durably (a resumed run trusts it): a crash leaves the appended lines as they stood.
    /// Nothing is written when the lines are in order already.
    pub fn put_in_order(mut self) -> io::Result<()> {
        if self.run.is_sorted_by_key(|(i, _)| *i) {
            return Ok(());
        }
        let mut bytes = Vec::new();
        self.file.seek(SeekFrom::Start(0))?;
        (&mut self.file).take(self.start).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != self.start {
            return Err(io::Error::other("the manifest shrank during the run"));
        }
        self.run.sort_by_key(|(i, _)| *i);
        for (_, text) in &self.run {
            bytes.extend_from_slice(text.as_bytes());
        }
        super::output::write_durable(&self.path, &bytes)
    }
}

/// What earlier runs converted: for each input path, the `ok` lines' checksum, outputs and
/// options.
#[derive(Debug, Default)]
pub struct Done {
    by_path: HashMap<String, Vec<DoneEntry>>,
}

#[derive(Debug)]
struct DoneEntry {
    sha256: String,
    outputs: Vec<String>,
    /// The outputs' checksums; empty in a manifest written before they were recorded.
    output_sha256: Vec<String>,
    options: serde_json::Value,
}

impl Done {
    /// Reads every manifest in `dir` (all shards' too, so a run can resume what another
    /// sharding did). Lines that do not parse, such as one cut short by a crash, are ignored.
    pub fn read(dir: &Path) -> io::Result<Done> {
        let mut done = Done::default();
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(done),
            Err(e) => return Err(e),
        };
        let mut names: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .filter(|n| {
                let n = n.to_string_lossy();
                n.starts_with("brief2md-manifest") && n.ends_with(".jsonl")
            })
            .collect();
        names.sort();
        for name in names {
            let text = fs::read(dir.join(name))?;
            for line in text.split(|&b| b == b'\n') {
                let Ok(value) = serde_json::from_slice::<serde_json::Value>(line) else {
                    continue;
                };
                done.add(&value);
            }
        }
        Ok(done)
    }

    fn add(&mut self, value: &serde_json::Value) {
        if value["status"] != "ok" {
            return;
        }
        let (Some(path), Some(sha256)) = (value["path"].as_str(), value["sha256"].as_str()) else {
            return;
        };
        // A list of strings, or none.
        let strings = |key: &str| -> Vec<String> {
            value[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|o| o.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (outputs, output_sha256) = (strings("outputs"), strings("output_sha256"));
        self.by_path
            .entry(path.to_string())
            .or_default()
            .push(DoneEntry {
                sha256: sha256.to_string(),
                outputs,
                output_sha256,
                options: value["options"].clone(),
            });
    }

    /// Whether an earlier run converted `path` from the same bytes with the same options
    /// into the same `outputs` (manifest forms), and those outputs are still as it wrote
    /// them: `read(i)` gives output `i`'s bytes, if the file is there. Where the manifest
    /// recorded the outputs' checksums they must match (a file a power cut left short does
    /// not); an older manifest's outputs need only exist. Returns the checksums recorded.
    pub fn unchanged(
        &self,
        path: &str,
        sha256: &str,
        options: &serde_json::Value,
        outputs: &[String],
        read: impl Fn(usize) -> Option<Vec<u8>>,
    ) -> Option<Vec<String>> {
        self.by_path
            .get(path)?
            .iter()
            .filter(|entry| {
                entry.sha256 == sha256 && &entry.options == options && entry.outputs == outputs
            })
            .find(|entry| {
                (0..outputs.len()).all(|i| {
                    read(i).is_some_and(|bytes| {
                        entry.output_sha256.is_empty()
                            || entry
                                .output_sha256
                                .get(i)
                                .is_some_and(|want| *want == sha256_hex(&bytes))
                    })
                })
            })
            .map(|entry| entry.output_sha256.clone())
    }

    /// Number of inputs recorded as converted.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(path: &str, status: Status, sha: &str) -> Line {
        Line {
            path: path.into(),
            sha256: Some(sha.into()),
            size: Some(3),
            status,
            error: None,
            outputs: vec![format!("{path}.md")],
            output_sha256: Vec::new(),
            pages: Some(1),
            footnotes: None,
            warnings: 0,
            ms: 1,
            tool: "brief2md test".into(),
            options: serde_json::json!({"to": "markdown"}),
        }
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn resume_finds_ok_lines_with_same_bytes_options_and_outputs_only() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join(file_name(None));
        let mut w = Writer::open(&manifest).unwrap();
        w.append(0, &line("a", Status::Ok, "11")).unwrap();
        w.append(1, &line("b", Status::Error, "22")).unwrap();
        w.append(2, &line("c", Status::Ok, "33")).unwrap();
        drop(w);
        // A line cut short by a crash, then a later run appending.
        let mut f = OpenOptions::new().append(true).open(&manifest).unwrap();
        f.write_all(b"{\"path\":\"d\",\"sha").unwrap();
        drop(f);
        Writer::open(&manifest)
            .unwrap()
            .append(0, &line("e", Status::Ok, "55"))
            .unwrap();
        let done = Done::read(dir.path()).unwrap();
        let opts = serde_json::json!({"to": "markdown"});
        let md = |p: &str| vec![format!("{p}.md")];
        let has = |p: &str, sha: &str, o: &serde_json::Value, outs: &[String]| {
            done.unchanged(p, sha, o, outs, |_| Some(Vec::new()))
                .is_some()
        };
        assert!(has("a", "11", &opts, &md("a")));
        assert!(has("e", "55", &opts, &md("e")));
        assert!(!has("a", "12", &opts, &md("a")), "changed bytes");
        let jats = serde_json::json!({"to": "jats"});
        assert!(!has("a", "11", &jats, &md("a")), "options");
        assert!(!has("a", "11", &opts, &md("b")), "other outputs");
        assert!(!has("b", "22", &opts, &md("b")), "failed");
        assert!(!has("d", "44", &opts, &md("d")), "cut short");
        assert!(
            done.unchanged("a", "11", &opts, &md("a"), |_| None)
                .is_none(),
            "output gone"
        );
        assert_eq!(done.len(), 3);
    }

    /// An output recorded with its checksum counts only while its bytes still match: one
    /// a power cut left short, or anyone edited, is converted again.
    #[test]
    fn resume_checks_the_outputs_against_their_recorded_checksums() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join(file_name(None));
        let mut l = line("a", Status::Ok, "11");
        l.output_sha256 = vec![sha256_hex(b"# Title\n")];
        Writer::open(&manifest).unwrap().append(0, &l).unwrap();
        let done = Done::read(dir.path()).unwrap();
        let opts = serde_json::json!({"to": "markdown"});
        let outs = vec!["a.md".to_string()];
        let recorded = done.unchanged("a", "11", &opts, &outs, |_| Some(b"# Title\n".to_vec()));
        assert_eq!(recorded, Some(l.output_sha256.clone()));
        assert!(
            done.unchanged("a", "11", &opts, &outs, |_| Some(b"# Ti".to_vec()))
                .is_none()
        );
        assert!(
            done.unchanged("a", "11", &opts, &outs, |_| Some(Vec::new()))
                .is_none()
        );
    }

    #[test]
    fn a_runs_lines_are_put_in_their_inputs_order_after_earlier_runs() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join(file_name(None));
        let mut w = Writer::open(&manifest).unwrap();
        w.append(1, &line("z", Status::Ok, "11")).unwrap();
        w.append(0, &line("y", Status::Ok, "22")).unwrap();
        w.put_in_order().unwrap();
        let mut w = Writer::open(&manifest).unwrap();
        w.append(2, &line("c", Status::Ok, "33")).unwrap();
        w.append(0, &line("a", Status::Error, "44")).unwrap();
        w.append(1, &line("b", Status::Ok, "55")).unwrap();
        w.put_in_order().unwrap();
        let text = fs::read_to_string(&manifest).unwrap();
        let paths: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].to_string())
            .collect();
        assert_eq!(paths, ["\"y\"", "\"z\"", "\"a\"", "\"b\"", "\"c\""]);
    }
}
